"""A page's glyphs from PDFium: text, box, baseline, size and the spaces between them.

PDFium parses a page's content stream in C (pdfplumber's pdfminer takes ~100 ms
a page in Python). Each visible glyph comes as a dict in pdfplumber's shape
(``text``, ``x0``, ``x1``, ``top``, ``bottom`` from the page's top, ``size``,
``upright``) plus what the layout needs:

- ``baseline``: the glyph's origin, from the page's top: superscripts and
  subscripts sit off their line's baseline, letters with descenders do not;
- ``size``: the font size as drawn (the font size times the text matrix's
  scale; PDFium's own font size leaves the matrix out, so a PDF that sets 1 pt
  type and scales it by 11 would otherwise look like 1 pt type);
- ``space``: what separated the glyph from the one before it in the content
  stream: ``STREAM_SPACE`` (a space glyph the file draws, NBSP and other
  Unicode spaces included), ``PDFIUM_SPACE`` (a space PDFium inserted because
  the glyphs stand apart, its word segmentation) or ``NO_SPACE``;
- ``seq``: the glyph's place in the stream, so a space is only credited
  between glyphs that are neighbours in both the stream and the line.

PDFium's markers are translated: a glyph it cannot map to Unicode becomes
``(cid:0)`` (pdfminer's way, which the quality gate counts as garbage) and a
line-end hyphen it reports as U+0002 becomes ``-``. A soft hyphen the file
prints mid-line stays U+00AD: the normaliser decides what it is.
"""

from __future__ import annotations

import ctypes
import math
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

UNMAPPED = "(cid:0)"
NO_SPACE, PDFIUM_SPACE, STREAM_SPACE = 0, 1, 2
# Every Unicode space a file may draw between words (NBSP, thin, figure, ...).
SPACES = frozenset(" \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t")
_LINE_BREAKS = frozenset("\r\n")


class PdfiumPages:
    """A PDF opened with PDFium: :meth:`glyphs` and :meth:`text` of a page (None when PDFium cannot tell)."""

    def __init__(self, path: Path) -> None:
        try:
            self._pdf: pypdfium2.PdfDocument | None = pypdfium2.PdfDocument(str(path))
        except (pypdfium2.PdfiumError, OSError):
            self._pdf = None  # the caller falls back to pdfplumber's own parse
        self._cache: tuple[int, list[dict] | None, str | None] | None = None

    def __enter__(self) -> PdfiumPages:
        return self

    def __exit__(self, *exc) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def _read(self, index: int) -> tuple[list[dict] | None, str | None]:
        if self._cache is not None and self._cache[0] == index:
            return self._cache[1], self._cache[2]
        glyphs, text = None, None
        if self._pdf is not None and index < len(self._pdf):
            try:
                page = self._pdf[index]
            except pypdfium2.PdfiumError:
                page = None
            if page is not None:
                try:
                    textpage = page.get_textpage()
                    try:
                        glyphs = _glyphs(textpage, page.get_height())
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                except pypdfium2.PdfiumError:
                    glyphs, text = None, None
                finally:
                    page.close()
        # No glyph at all: let pdfplumber look too (cheap on a page without text)
        # rather than call a page PDFium misreads a scan.
        glyphs = glyphs or None
        self._cache = (index, glyphs, text)
        return glyphs, text

    def glyphs(self, index: int) -> list[dict] | None:
        """Visible glyphs of the 0-based page ``index`` in stream order (None: use pdfplumber)."""
        return self._read(index)[0]

    def text(self, index: int) -> str | None:
        """PDFium's own text of the page (its spaces and line breaks), or None."""
        return self._read(index)[1]


def _upright(angle: float) -> bool:
    """Whether a character's angle (radians, -1 when unknown) is level.

    >>> _upright(0.0), _upright(6.2831), _upright(1.5708), _upright(-1)
    (True, True, False, True)
    """
    return angle < 0 or min(angle, 2 * math.pi - angle) < 0.01


def _glyphs(textpage: pypdfium2.PdfTextPage, height: float) -> list[dict]:
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    glyphs = []
    pending = NO_SPACE
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        char = chr(code) if code else ""
        if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            if char in SPACES or char in _LINE_BREAKS:
                pending = max(pending, PDFIUM_SPACE)
            continue
        if char in SPACES:
            pending = STREAM_SPACE
            continue
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, i) == 1:
            text = UNMAPPED
        elif pdfium_c.FPDFText_IsHyphen(raw, i) == 1 or code == 2:
            text = "-"
        elif not char or char in _LINE_BREAKS:
            continue
        else:
            text = char
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, rect)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
        pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
        size = pdfium_c.FPDFText_GetFontSize(raw, i) * scale
        top, bottom = height - rect.top, height - rect.bottom
        if not 0.5 < size < 1000:
            size = (bottom - top) or 10.0
        glyphs.append({
            "text": text, "x0": rect.left, "x1": rect.right, "top": top, "bottom": bottom,
            "baseline": height - y.value, "size": size,
            "upright": _upright(pdfium_c.FPDFText_GetCharAngle(raw, i)),
            "space": pending, "seq": len(glyphs),
        })
        pending = NO_SPACE
    return glyphs


def plumber_glyphs(chars: list[dict], height: float) -> list[dict]:
    """pdfplumber's characters as glyphs: its space characters become the next glyph's ``space``."""
    glyphs = []
    pending = NO_SPACE
    for char in chars:
        text = char["text"]
        if not text:
            continue
        if text in SPACES or not text.strip():
            pending = STREAM_SPACE
            continue
        size = float(char.get("size") or (char["bottom"] - char["top"]) or 10.0)
        matrix = char.get("matrix")
        baseline = height - matrix[5] if matrix else char["bottom"]
        glyphs.append({
            "text": text, "x0": char["x0"], "x1": char["x1"], "top": char["top"], "bottom": char["bottom"],
            "baseline": baseline, "size": size, "upright": char.get("upright", True),
            "space": pending, "seq": len(glyphs),
        })
        pending = NO_SPACE
    return glyphs
