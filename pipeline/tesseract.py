"""Whether Tesseract OCR with its Russian model is installed.

Its own small module, outside ``pipeline.extract``, because the batch runner
asks it on every run (a result made without OCR is redone once OCR is
installed) and a rerun with nothing to do must not import the extract stage's
libraries, nor pytesseract (which imports pandas).
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache

TESSERACT = "tesseract"
LANGUAGES = "rus"


@cache
def ocr_available() -> bool:
    """Whether ``tesseract`` is on PATH and lists the Russian model."""
    command = shutil.which(TESSERACT)
    if command is None:
        return False
    try:
        listing = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGES in listing.stdout.split()
