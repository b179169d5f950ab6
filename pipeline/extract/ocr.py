"""OCR for PDF pages without a usable text layer: Tesseract, in Russian.

A scanned statement has pages that are pictures, and some PDFs draw their
letters from fonts with no Unicode map (``(cid:NN)`` garbage). The PDF reader
flags such pages "OCR needed"; here each is rendered with pypdfium2 at 300 dpi
(grayscale) and read by Tesseract through pytesseract. The text then goes
through the same normalisation as any other page.

Without Tesseract (Debian: ``tesseract-ocr tesseract-ocr-rus``) the pages keep
a warning that says so, and a document with no text at all is an error that
says OCR is needed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from pipeline.records import MIXED, OCR, TEXT, Page
from pipeline.tesseract import LANGUAGES, ocr_available

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


def ocr_pages(path: Path, indexes: Sequence[int]) -> dict[int, str]:
    """Text Tesseract reads on the given 0-based pages of a PDF."""
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
                texts[index] = pytesseract.image_to_string(image, lang=LANGUAGES)
                image.close()
                bitmap.close()
            finally:
                page.close()
    finally:
        pdf.close()
    return texts


def fill_pages_by_ocr(path: Path, page_lines: list[list[str]], warnings: list[str | None]) -> None:
    """OCR every page flagged "OCR needed", in place: its lines and its warning.

    A page read by OCR keeps a warning saying so (OCR makes mistakes a text
    layer does not); one where OCR found nothing, or that could not be OCR'd,
    says that instead.
    """
    needed = [i for i, warning in enumerate(warnings) if warning and warning.endswith(OCR_NEEDED)]
    if not needed:
        return
    if not ocr_available():
        for i in needed:
            warnings[i] = f"{warnings[i]}, but {NOT_INSTALLED}"
        return
    try:
        texts = ocr_pages(path, needed)
    except MemoryError:
        raise
    except Exception as error:  # pdfium or Tesseract failing on a damaged page
        for i in needed:
            warnings[i] = f"{warnings[i]}, but OCR failed ({error or type(error).__name__})"
        return
    for i in needed:
        lines = [line.rstrip() for line in texts.get(i, "").splitlines()]
        base = warnings[i].removesuffix(OCR_NEEDED)
        if any(line.strip() for line in lines):
            page_lines[i], warnings[i] = lines, base + READ_BY_OCR
        else:
            warnings[i] = base + "OCR found no text"


def extraction_kind(pages: Sequence[Page]) -> str:
    """``text``, ``ocr`` (every page with text was OCR'd) or ``mixed``.

    >>> extraction_kind([Page(1, "Заявление", "page 1: no text layer; read by OCR"), Page(2, "")])
    'ocr'
    >>> extraction_kind([Page(1, "Заявление", "page 1: no text layer; read by OCR"), Page(2, "Митинг")])
    'mixed'
    """
    with_text = [page for page in pages if page.text.strip()]
    by_ocr = sum(bool(page.warning and page.warning.endswith(READ_BY_OCR)) for page in with_text)
    if not by_ocr:
        return TEXT
    return OCR if by_ocr == len(with_text) else MIXED
