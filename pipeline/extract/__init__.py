"""The extract stage: an input file in, its pages of raw text out.

``extract`` picks the reader by the file's suffix (PDF, plain text, DOCX) and
returns a :class:`RawDocument`. A bad input raises one of the project's own
errors (``pipeline.errors``) whose message names the file and says what is wrong.
Whatever the reader, the text passes the quality gate (``quality``): its share of
dictionary words is recorded, and text that does not read like text is flagged
in the warnings, so it is never passed on as a plain ``ok``.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ExtractError, NoTextError, UnsupportedFileError
from pipeline.extract.ocr import extraction_kind
from pipeline.extract.quality import QUALITY_CHECK, measure
from pipeline.extract.plain import extract_plain_text
from pipeline.extract.word import extract_docx_text
from pipeline.batch.files import SUPPORTED_SUFFIXES, file_sha256
from pipeline.records import DOCX, PLAIN, Page, RawDocument

# Files people often hand in by mistake, with what to do about them.
_ADVICE = {
    ".doc": "save it as .docx",
    ".rtf": "save it as .docx or .txt",
    ".odt": "save it as .docx",
    ".jpg": "OCR it into a PDF with a text layer",
    ".jpeg": "OCR it into a PDF with a text layer",
    ".png": "OCR it into a PDF with a text layer",
    ".tif": "OCR it into a PDF with a text layer",
    ".tiff": "OCR it into a PDF with a text layer",
}


def extract(
    path: Path, doc_id: str, ocr: bool = False, sha256: str | None = None, ocr_languages: str | None = None
) -> RawDocument:
    """Read one input file into pages of raw text (with ``ocr``, PDF pages without usable text by OCR).

    Raises UnsupportedFileError for a kind of file we do not read, and the other
    ExtractError subclasses for a file we cannot read. ``sha256`` is the file's
    hash when the caller has it already; ``ocr_languages`` Tesseract's languages
    (``rus+eng`` by default).
    """
    source = str(path)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        advice = _ADVICE.get(suffix, "")
        raise UnsupportedFileError(
            f"{path}: cannot read {suffix or 'files without an extension'}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}" + (f" ({advice})" if advice else "")
        )
    if not path.is_file():
        raise ExtractError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise NoTextError(f"{path}: the file is empty")
    sha256 = sha256 or file_sha256(path)
    if suffix == ".pdf":
        # on first use (pdfplumber, pdfminer and PDFium: ~0.16 s of imports a text-only worker does not pay)
        from pipeline.extract.pdf import extract_pdf_pages

        pages, quality = extract_pdf_pages(path, ocr=ocr, ocr_languages=ocr_languages)
        extraction = extraction_kind(pages)
    elif suffix == ".txt":
        pages = (Page(number=1, text=extract_plain_text(path)),)
        extraction = PLAIN
    else:
        text = extract_docx_text(path)
        if not text.strip():
            raise NoTextError(f"{path}: the DOCX holds no text")
        pages = (Page(number=1, text=text),)
        extraction = DOCX
    if suffix != ".pdf":
        quality = measure(pages[0].text)
        pages = (Page(number=1, text=pages[0].text, quality=round(quality.known, 3) if quality.words else None),)
    warnings = tuple(page.warning for page in pages if page.warning)
    if not quality.passes and not any(QUALITY_CHECK in warning for warning in warnings):
        # Every page passed on its own (or it is a text file): the whole still reads badly.
        warnings += (f"the text {QUALITY_CHECK} ({quality.describe()}); it may be unreadable",)
    return RawDocument(
        doc_id=doc_id, source=source, sha256=sha256, extraction=extraction, pages=pages, warnings=warnings,
        quality=round(quality.known, 3) if quality.words else None,
    )


__all__ = ["SUPPORTED_SUFFIXES", "extract", "file_sha256"]
