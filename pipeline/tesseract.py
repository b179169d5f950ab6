"""Whether Tesseract OCR is installed, and with which of the languages asked for.

Its own small module, outside ``pipeline.extract``, because the batch runner
asks it on every run (a result made without OCR is redone once OCR is
installed) and a rerun with nothing to do must not import the extract stage's
libraries, nor pytesseract (which imports pandas).

OCR reads Russian and English by default (``rus+eng``): statements quote
Latin-script names, brands and addresses, which the Russian model alone turns
into Cyrillic nonsense. Russian is required; other languages asked for are used
when installed.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache

TESSERACT = "tesseract"
REQUIRED = "rus"
LANGUAGES = "rus+eng"  # the default, as Tesseract spells a list of languages


@cache
def installed_languages() -> frozenset[str]:
    """The language models Tesseract lists (empty when it is not on PATH)."""
    command = shutil.which(TESSERACT)
    if command is None:
        return frozenset()
    try:
        listing = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(listing.stdout.split()[1:]) if listing.returncode == 0 else frozenset()


def ocr_available() -> bool:
    """Whether ``tesseract`` is on PATH and lists the Russian model."""
    return REQUIRED in installed_languages()


def usable_languages(languages: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The ``+``-joined languages to OCR with, and those asked for but not installed.

    Russian is always among them (the product reads Russian testimony).
    """
    asked = [lang for lang in (languages or LANGUAGES).replace(",", "+").split("+") if lang]
    if REQUIRED not in asked:
        asked.insert(0, REQUIRED)
    have = installed_languages()
    usable = [lang for lang in dict.fromkeys(asked) if lang in have]
    missing = tuple(lang for lang in dict.fromkeys(asked) if lang not in have)
    return "+".join(usable), missing
