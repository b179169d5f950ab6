"""Plain-text statements in any common Russian encoding.

UTF-8 and UTF-16 announce themselves (a BOM, or bytes that are only valid UTF-8).
The single-byte Cyrillic encodings do not: every byte is valid cp1251, koi8-r and
cp866 alike, and on a short text general-purpose detectors often pick the wrong
one. So each candidate decoding is scored by how Russian the result looks:
letter frequencies against Russian prose, and letter case (a wrong decoding swaps
case in mid-word: ``Задержан`` in cp1251 read as koi8-r is ``гЮДЕПФЮМ``).
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from pathlib import Path

from pipeline.errors import EncodingError, NoTextError
from pipeline.morphology import morph_analyzer
from pipeline.resources import lexicon_index, load_json

# Single-byte encodings tried, in order of preference when two score the same.
SINGLE_BYTE_ENCODINGS = ("cp1251", "koi8-r", "cp866")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Text may hold these control characters; any others suggest binary data.
_TEXT_CONTROLS = set("\t\n\r\f\v")
MIN_PRINTABLE_SHARE = 0.97
MAX_WORDS_SCORED = 500  # enough to tell encodings apart on a long file
_WORD = re.compile(r"[^\W\d_]+")
# Files that are not text at all, recognised by their first bytes.
_MAGIC = ((b"%PDF-", "a PDF"), (b"PK\x03\x04", "a ZIP archive (DOCX?)"), (b"\xd0\xcf\x11\xe0", "an old Word/Excel file"))


@lexicon_index
def _letter_log_frequencies() -> dict[str, float]:
    frequencies = load_json("extract_russian_letters.json")["frequencies"]
    total = sum(frequencies.values())
    return {letter: math.log(share / total) for letter, share in frequencies.items()}


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def russian_score(text: str) -> float:
    """How much a decoded text looks like Russian: higher is more Russian.

    Mainly the share of its words that pymorphy3 knows; then the mean
    log-frequency of its letters, less penalties for words whose case flips in
    mid-word, for words in capitals (rarer than lower case in prose) and for
    symbols that prose does not use.

    >>> data = "Задержаны трое активистов".encode("cp1251")
    >>> russian_score(data.decode("cp1251")) > russian_score(data.decode("koi8-r"))
    True
    """
    log_frequencies = _letter_log_frequencies()
    floor = min(log_frequencies.values()) - 2.0  # letters of other Cyrillic alphabets
    letters = [c.lower() for c in text if _is_cyrillic(c)]
    if not letters:
        return -100.0
    likelihood = sum(log_frequencies.get(c, floor) for c in letters) / len(letters)
    words = [w for w in _WORD.findall(text) if any(_is_cyrillic(c) for c in w)][:MAX_WORDS_SCORED]
    n_words = max(len(words), 1)
    morph = morph_analyzer()
    known = sum(morph.word_is_known(w.lower()) for w in words if len(w) > 1)
    # Russian words are lower, Capitalised or UPPER; a lower letter before an upper is wrong.
    flipped = sum(any(a.islower() and b.isupper() for a, b in zip(w, w[1:])) for w in words)
    capitals = sum(w.isupper() and len(w) > 1 for w in words)
    odd = sum(unicodedata.category(c)[0] in "SC" and c not in _TEXT_CONTROLS for c in text)
    return (
        4.0 * known / n_words
        + likelihood
        - 3.0 * flipped / n_words
        - 0.5 * capitals / n_words
        - 20.0 * odd / len(text)
    )


_USUAL_SCRIPTS = re.compile("[\x00-\u052f\u2000-\u2bff]+")  # Latin, Cyrillic, punctuation and symbols
_ASCII = re.compile("[\x00-\x7f]+")


def _russian_enough(text: str) -> bool:
    """Valid UTF-8 whose letters come from the scripts a Russian statement uses.

    A short cp866 text can be valid UTF-8 by chance, but then it decodes to
    characters of far-off scripts (``раз`` in cp866 is ``\u0827`` in UTF-8).
    """
    # Counted by removing the other characters (in C), not one character at a time in Python:
    # a statement can run to megabytes.
    unusual = len(_USUAL_SCRIPTS.sub("", text))
    return unusual <= 0.2 * len(_ASCII.sub("", text))


def _printable_share(text: str) -> float:
    if not text:
        return 1.0
    if "".join(text.split()).isprintable():
        return 1.0  # every character printable or a space: the usual case, checked in C
    printable = sum(c.isprintable() or c.isspace() for c in text)
    return printable / len(text)


def _check_printable(path: Path, text: str, encoding: str) -> str:
    if _printable_share(text) < MIN_PRINTABLE_SHARE:
        raise EncodingError(f"{path}: looks like binary data, not text (decoded as {encoding}, too many control characters)")
    return text


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """The decoded text of a .txt file (BOM removed, line ends kept) and the encoding used."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise EncodingError(f"{path}: this is {kind}, not text; give it its proper extension")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise EncodingError(f"{path}: starts with a {encoding} BOM but is not valid {encoding} (byte {error.start})") from error
            return _check_printable(path, text, encoding), encoding
    if b"\x00" in data:
        # UTF-16 without a BOM is the only text with NUL bytes in it.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) >= MIN_PRINTABLE_SHARE and (text.isascii() or russian_score(text) > -6):
                return _check_printable(path, text, encoding), encoding
        raise EncodingError(f"{path}: looks like binary data, not text (it holds NUL bytes)")
    decoded = {}
    try:
        decoded["utf-8"] = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if "utf-8" in decoded and (data.isascii() or _russian_enough(decoded["utf-8"])):
        return _check_printable(path, decoded["utf-8"], "utf-8"), "utf-8"
    for encoding in SINGLE_BYTE_ENCODINGS:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise EncodingError(f"{path}: not UTF-8, UTF-16, cp1251, koi8-r or cp866 text")
    best = max(decoded, key=lambda encoding: russian_score(decoded[encoding]))
    return _check_printable(path, decoded[best], best), best


def extract_plain_text(path: Path) -> str:
    """The text of a .txt file; raises NoTextError when it is empty."""
    data = path.read_bytes()
    if not data:
        raise NoTextError(f"{path}: the file is empty")
    text, _ = decode_text(data, path)
    if not text.strip():
        raise NoTextError(f"{path}: the file holds only whitespace")
    return text
