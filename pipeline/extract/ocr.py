"""OCR for PDF pages without a usable text layer: Tesseract, in Russian and English.

A scanned statement has pages that are pictures, and some PDFs draw their
letters from fonts with no Unicode map (``(cid:NN)`` garbage, or mojibake the
quality gate catches). The PDF reader flags such pages "OCR needed"; here each
is rendered with pypdfium2 at 300 dpi (grayscale) and read by Tesseract through
pytesseract, with ``rus+eng`` (or the languages the user names) so that Latin
names and brands are not read as Cyrillic letters. The OCR text is measured by
the same quality gate, and the text then goes through the same normalisation as
any other page.

Without Tesseract (Debian: ``tesseract-ocr tesseract-ocr-rus``) the pages keep
a warning that says so, and a document with no text at all is an error that
says OCR is needed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import PROCESS_FAILURES
from pipeline.extract.quality import QUALITY_CHECK, measure
from pipeline.records import MIXED, OCR, TEXT, Page
from pipeline.tesseract import ocr_available, usable_languages

if TYPE_CHECKING:
    from pipeline.extract.pdf import PageText

DPI = 300
# A poster-sized or corrupt page is rendered smaller rather than filling memory:
# 40 Mpx is an A4 page at 450 dpi, and 40 MB as an 8-bit grayscale bitmap.
MAX_PIXELS = 40_000_000
POINTS_PER_INCH = 72

OCR_NEEDED = "OCR needed"  # the end of the PDF reader's warning for such a page
READ_BY_OCR = "read by OCR"
NOT_INSTALLED = "Tesseract OCR with Russian is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-rus)"


def render_scale(width: float, height: float, dpi: int = DPI, max_pixels: int = MAX_PIXELS) -> float:
    """Pixels per PDF point to render a page at ``dpi``, less if it would exceed ``max_pixels``.

    >>> round(render_scale(595, 842), 3)  # A4 at 300 dpi
    4.167
    >>> render_scale(14400, 14400) < 1  # a 200-inch page is shrunk
    True
    """
    scale = dpi / POINTS_PER_INCH
    area = max(width * height, 1.0)
    if area * scale * scale > max_pixels:
        scale = math.sqrt(max_pixels / area)
    return scale


def ocr_pages(path: Path, indexes: Sequence[int], languages: str) -> dict[int, str]:
    """Text Tesseract reads on the given 0-based pages of a PDF, in ``languages`` (``rus+eng``)."""
    import pypdfium2
    import pytesseract

    texts: dict[int, str] = {}
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for index in indexes:
            page = pdf[index]
            try:
                bitmap = page.render(scale=render_scale(*page.get_size()), grayscale=True)
                image = bitmap.to_pil()
                texts[index] = pytesseract.image_to_string(image, lang=languages)
                image.close()
                bitmap.close()
            finally:
                page.close()
    finally:
        pdf.close()
    return texts


def fill_pages_by_ocr(path: Path, pages: list[PageText], languages: str | None = None) -> None:
    """OCR every page flagged "OCR needed", in place: its lines, warning and quality.

    A page read by OCR keeps a warning saying so (OCR makes mistakes a text
    layer does not). Where the text layer had text that failed the quality gate,
    OCR's text replaces it only if it reads better. OCR text that is itself
    garbage is not kept. ``languages`` are Tesseract's (default ``rus+eng``).
    """
    needed = [i for i, page in enumerate(pages) if page.needs_ocr and page.warning and page.warning.endswith(OCR_NEEDED)]
    if not needed:
        return
    if not ocr_available():
        for i in needed:
            pages[i].warning = f"{pages[i].warning}, but {NOT_INSTALLED}"
        return
    usable, missing = usable_languages(languages)
    note = f" (without {', '.join(missing)}: not installed)" if missing else ""
    try:
        texts = ocr_pages(path, needed, usable)
    except PROCESS_FAILURES:
        raise
    except Exception as error:  # pdfium or Tesseract failing on a damaged page
        for i in needed:
            pages[i].warning = f"{pages[i].warning}, but OCR failed ({error or type(error).__name__})"
        return
    for i in needed:
        page = pages[i]
        base = page.warning.removesuffix(OCR_NEEDED)
        lines = [line.rstrip() for line in texts.get(i, "").splitlines()]
        quality = measure("\n".join(lines))
        if not any(line.strip() for line in lines) or quality.garbage:
            page.warning = base + ("OCR found no text" if not quality.chars else
                                   f"OCR found no usable text ({quality.describe()})")
            continue
        if page.lines and page.quality is not None and page.quality.score >= quality.score:
            page.warning = base + f"OCR read no better ({quality.describe()}), the text layer is kept"
            continue
        page.lines, page.quality = lines, quality
        checked = "" if quality.passes else f"; the OCR text {QUALITY_CHECK} too ({quality.describe()})"
        page.warning = base + READ_BY_OCR + note + checked


def extraction_kind(pages: Sequence[Page]) -> str:
    """``text``, ``ocr`` (every page with text was OCR'd) or ``mixed``.

    >>> extraction_kind([Page(1, "Заявление", "page 1: no text layer; read by OCR"), Page(2, "")])
    'ocr'
    >>> extraction_kind([Page(1, "Заявление", "page 1: no text layer; read by OCR"), Page(2, "Митинг")])
    'mixed'
    """
    with_text = [page for page in pages if page.text.strip()]
    by_ocr = sum(bool(page.warning and READ_BY_OCR in page.warning) for page in with_text)
    if not by_ocr:
        return TEXT
    return OCR if by_ocr == len(with_text) else MIXED
