"""A page's characters with their geometry from pdfium, in pdfplumber's shape.

pdfplumber (pdfminer) parses a page's content stream in Python, ~100 ms a
page; pdfium does it in C. The word-gap logic of ``pipeline.extract.pdf``
needs only each character's text, box and font size, so those are taken from
pdfium and handed over as the dicts pdfplumber would give (``text``, ``x0``,
``x1``, ``top``, ``bottom`` from the page's top, ``size``, ``upright``).

pdfium's own markers are translated: a glyph it cannot map to Unicode becomes
``(cid:0)`` (pdfminer's way, which the reader counts as garbage), a line-end
hyphen it reports as U+0002 becomes ``-``, and the spaces and line breaks it
invents are left out (the reader decides word breaks from the gaps itself).
"""

from __future__ import annotations

import math
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

UNMAPPED = "(cid:0)"


class PdfiumPages:
    """A PDF opened with pdfium; :meth:`chars` of a page, or None when pdfium cannot tell."""

    def __init__(self, path: Path) -> None:
        try:
            self._pdf: pypdfium2.PdfDocument | None = pypdfium2.PdfDocument(str(path))
        except (pypdfium2.PdfiumError, OSError):
            self._pdf = None  # the caller falls back to pdfplumber's own parse

    def __enter__(self) -> PdfiumPages:
        return self

    def __exit__(self, *exc) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def chars(self, index: int) -> list[dict] | None:
        """Characters of the 0-based page ``index`` (None: use pdfplumber instead)."""
        if self._pdf is None or index >= len(self._pdf):
            return None
        try:
            page = self._pdf[index]
        except pypdfium2.PdfiumError:
            return None
        try:
            textpage = page.get_textpage()
            try:
                chars = _chars(textpage, page.get_height())
            finally:
                textpage.close()
        except pypdfium2.PdfiumError:
            return None
        finally:
            page.close()
        # No text at all: let pdfplumber look too (cheap on a page without text)
        # rather than call a page pdfium misreads a scan.
        return chars or None


def _upright(angle: float) -> bool:
    """Whether a character's angle (radians, -1 when unknown) is level.

    >>> _upright(0.0), _upright(6.2831), _upright(1.5708), _upright(-1)
    (True, True, False, True)
    """
    return angle < 0 or min(angle, 2 * math.pi - angle) < 0.01


def _chars(textpage: pypdfium2.PdfTextPage, height: float) -> list[dict]:
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    chars = []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, i) == 1:
            text = UNMAPPED
        elif pdfium_c.FPDFText_IsHyphen(raw, i) == 1:
            text = "-"
        else:
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            text = chr(code) if code else ""
        if not text:
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect)
        chars.append({
            "text": text, "x0": rect.left, "x1": rect.right,
            "top": height - rect.top, "bottom": height - rect.bottom,
            "size": pdfium_c.FPDFText_GetFontSize(raw, i),
            "upright": _upright(pdfium_c.FPDFText_GetCharAngle(raw, i)),
        })
    return chars
