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
import struct
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

UNMAPPED = "(cid:0)"
NO_SPACE, PDFIUM_SPACE, STREAM_SPACE = 0, 1, 2
# Every Unicode space a file may draw between words (NBSP, thin, figure, ...).
SPACES = frozenset(" \u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t")
_LINE_BREAKS = frozenset("\r\n")
_HYPHEN_MARKS = frozenset("\x02\ufffe")  # how PDFium reports a line-end hyphen


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
                        text = textpage.get_text_range()
                        glyphs = _glyphs(textpage, page.get_height(), text)
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


def _unchecked(function, restype=ctypes.c_int):
    """The same PDFium function without ctypes' conversion of each argument by its declared
    type, half the cost of a call: the glyph loop calls five a glyph, always with the C types
    they take (the text page, a Python int for a C int, ``byref`` for a pointer)."""
    return ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)


_CHAR_BOX = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_CHAR_ORIGIN = _unchecked(pdfium_c.FPDFText_GetCharOrigin)
_CHAR_MATRIX = _unchecked(pdfium_c.FPDFText_GetMatrix)
_FONT_SIZE = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_MAP_ERROR = _unchecked(pdfium_c.FPDFText_HasUnicodeMapError)
# FS_RECTF (left, top, right, bottom) and FS_MATRIX (a, b, c, d, e, f) are C floats: one
# unpacking reads them all, as their fields would one by one
_RECT_FIELDS = struct.Struct("4f").unpack_from
_MATRIX_FIELDS = struct.Struct("6f").unpack_from


def _glyphs(textpage: pypdfium2.PdfTextPage, height: float, text: str) -> list[dict]:
    # Five calls into PDFium a visible glyph: its Unicode comes from the page's text in
    # one call (a line-end hyphen is U+FFFE there), "generated" is asked of spaces and
    # line breaks only (PDFium generates nothing else), the matrix gives both scale and
    # angle; the origin is the glyph's own (the matrix is its text object's, without
    # the text rise).
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    bulk = len(text) == count
    rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    rect_at, matrix_at, x_at, y_at = ctypes.byref(rect), ctypes.byref(matrix), ctypes.byref(x), ctypes.byref(y)
    unicode_of, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    map_error, hyphen = _MAP_ERROR, pdfium_c.FPDFText_IsHyphen
    loose_box, origin, matrix_of, font_size = _CHAR_BOX, _CHAR_ORIGIN, _CHAR_MATRIX, _FONT_SIZE
    rect_fields, matrix_fields = _RECT_FIELDS, _MATRIX_FIELDS
    spaces, breaks = SPACES, _LINE_BREAKS
    glyphs = []
    pending = NO_SPACE
    for i in range(count):
        if bulk:
            char = text[i]
        else:
            code = unicode_of(raw, i)
            char = chr(code) if code else ""
        if char in spaces or char in breaks:
            if generated(raw, i) == 1:
                pending = max(pending, PDFIUM_SPACE)
            elif char in spaces:
                pending = STREAM_SPACE
            continue
        if map_error(raw, i) == 1:
            glyph_text = UNMAPPED
        elif char in _HYPHEN_MARKS or (char in "-\u00ad" and hyphen(raw, i) == 1):
            glyph_text = "-"
        elif not char:
            continue
        else:
            glyph_text = char
        loose_box(raw, i, rect_at)
        origin(raw, i, x_at, y_at)
        matrix_of(raw, i, matrix_at)
        a, b, c, d, _, _ = matrix_fields(matrix)
        size = font_size(raw, i) * (math.sqrt(abs(a * d - b * c)) or 1.0)
        left, top, right, bottom = rect_fields(rect)
        top, bottom = height - top, height - bottom
        if not 0.5 < size < 1000:
            size = (bottom - top) or 10.0
        glyphs.append({
            "text": glyph_text, "x0": left, "x1": right, "top": top, "bottom": bottom,
            "baseline": height - y.value, "size": size,
            "upright": abs(b) <= 0.01 * abs(a) and a > 0,
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
