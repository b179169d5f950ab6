"""Text of a PDF's text layer, page by page: PDFium's glyphs laid out, checked, OCR'd if need be.

For each page:

1. **Glyphs** from PDFium (``pdfium_text``: text, box, baseline, drawn size, and
   the spaces the content stream and PDFium's word segmentation put between
   them); pdfplumber parses a page itself only when PDFium cannot.
2. **Rows and words** (``lines``): glyphs grouped by baseline, superscripts and
   subscripts kept apart (footnote markers dropped), words from the stream's
   spaces first and from the gaps where the stream says nothing.
3. **Reading order** (``columns``): column gutters found from the page's layout,
   each column read top to bottom before the next.
4. **A second opinion**: PDFium's own page text. Where its words and ours
   disagree, or ours fails the quality gate, the readers (ours, PDFium's,
   pdfplumber's default) are scored by ``quality`` and the best text kept.
5. **The quality gate** (``quality``): a page whose text does not read like text
   (mojibake, glued or spread words) is flagged ``OCR needed`` (and OCR'd when
   asked and Tesseract is installed, ``ocr``); one that is garbage is not kept.

Running headers, footers and page numbers are then removed (``layout``). Each
page is closed as soon as it is read, so memory stays flat on long files.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import PROCESS_FAILURES, EncryptedPdfError, NoTextError, PdfError
from pipeline.extract.columns import reading_order
from pipeline.extract.layout import remove_running_lines
from pipeline.extract.lines import group_rows, line_text
from pipeline.extract.ocr import OCR_NEEDED, fill_pages_by_ocr
from pipeline.extract.pdfium_text import PdfiumPages, plumber_glyphs
from pipeline.extract.quality import QUALITY_CHECK, TextQuality, measure
from pipeline.records import Page

# pdfminer logs every odd construct of a damaged file; the page warnings say enough.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

GARBAGE_SHARE = 0.5  # a page with more unmapped glyphs than this needs OCR
AGREEMENT = 0.9  # readers whose words overlap this much agree
PREFER_OURS = 0.02  # another reader must score this much higher to replace ours

_CID = re.compile(r"^\(cid:\d+\)$")
_WORD = re.compile(r"[^\W\d_]+")
# A PDF's header may follow some junk bytes; readers accept it within the first KB.
_PDF_MAGIC_WINDOW = 1024


_TEXT_OF = itemgetter("text")


def _is_garbage(text: str) -> bool:
    """A glyph with no Unicode meaning: ``(cid:NN)``, U+FFFD or a control character."""
    if len(text) == 1:
        return text == "\ufffd" or ord(text) < 32
    return bool(_CID.match(text))


def _words(text: str) -> Counter:
    """Words of a reader's text, line-end hyphenation joined (PDFium marks it U+0002 or U+FFFE)."""
    for mark in ("\u00ad", "-\n", "\x02", "\ufffe"):
        text = text.replace(mark, "")
    return Counter(w.lower() for w in _WORD.findall(text))


def agreement(a: str, b: str) -> float:
    """How far two readers' texts hold the same words (1: the same bag of words).

    >>> agreement("Полиция задержала\\nтроих", "Полиция задер-\\nжала троих")
    1.0
    >>> agreement("Полиция задержала троих", "Полициязадержалатроих")
    0.0
    """
    words_a, words_b = _words(a), _words(b)
    total = max(sum(words_a.values()), sum(words_b.values()))
    return sum((words_a & words_b).values()) / total if total else 1.0


def _pdfium_lines(text: str) -> list[str]:
    """PDFium's page text as lines. Its U+0002 or U+FFFE is a line-end hyphen after which
    it joined the lines; the break is put back, for the normaliser to decide the hyphen."""
    text = text.replace("\x02", "-\n").replace("\ufffe", "-\n")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@dataclass(slots=True)
class PageText:
    """One page as read: its lines, a warning, its quality and whether OCR should look.

    Not frozen: OCR fills in the pages that need it, in place.
    """

    lines: list[str]
    warning: str | None = None
    quality: TextQuality | None = None
    needs_ocr: bool = False


def _layout_lines(glyphs: list[dict]) -> list[str]:
    lines = [line_text(line) for line in reading_order(group_rows(glyphs))]
    return [line.rstrip() for line in lines]


def read_page(page, number: int, glyphs: list[dict] | None = None, pdfium_text: str | None = None) -> PageText:
    """The text of one page: our layout of its glyphs, or a better reader's, checked by the gate.

    ``glyphs`` and ``pdfium_text`` are PDFium's (much faster); without them
    pdfplumber parses the page.
    """
    if glyphs is None:
        glyphs = plumber_glyphs(page.chars, float(page.height))
    if not glyphs:
        return PageText([], f"page {number}: no text layer; {OCR_NEEDED}", needs_ocr=True)
    # each distinct glyph text judged once (a page draws ~2,000 glyphs of ~100 texts)
    garbage = sum(n for text, n in Counter(map(_TEXT_OF, glyphs)).items() if _is_garbage(text))
    if garbage / len(glyphs) > GARBAGE_SHARE:
        return PageText([], f"page {number}: (cid:NN) glyphs without a Unicode map; {OCR_NEEDED}", needs_ocr=True)
    upright = [g for g in glyphs if g.get("upright", True)]
    if len(upright) < len(glyphs) / 2:
        # Rotated text: let pdfplumber lay it out rather than guess its lines.
        lines = [line.rstrip() for line in (page.extract_text(x_tolerance_ratio=0.15) or "").splitlines()]
    else:
        lines = _layout_lines(upright)
    text = "\n".join(lines)
    quality = measure(text)
    disputed = pdfium_text is not None and agreement(text, pdfium_text) < AGREEMENT
    if disputed or not quality.passes:
        lines, quality = _best_reader(page, lines, quality, pdfium_text)
    if quality.passes:
        return PageText(lines, None, quality)
    reason = f"page {number}: text {QUALITY_CHECK} ({quality.describe()}); {OCR_NEEDED}"
    return PageText([] if quality.garbage else lines, reason, quality, needs_ocr=True)


def _best_reader(page, lines: list[str], quality: TextQuality, pdfium_text: str | None) -> tuple[list[str], TextQuality]:
    """Of our lines, PDFium's text and pdfplumber's default text, the one that reads best."""
    candidates = [(quality.score + PREFER_OURS, lines, quality)]
    others = []
    if pdfium_text is not None:
        others.append(_pdfium_lines(pdfium_text))
    try:
        others.append((page.extract_text() or "").splitlines())
    except PROCESS_FAILURES:
        raise
    except Exception:  # noqa: BLE001 - pdfminer fails on odd pages; the other readers remain
        pass
    for other in others:
        other = [line.rstrip() for line in other]
        other_quality = measure("\n".join(other))
        candidates.append((other_quality.score, other, other_quality))
    _, best_lines, best_quality = max(candidates, key=lambda c: c[0])
    return best_lines, best_quality


def _suspect_short_pages(pages: list[PageText]) -> None:
    """Pages too short to judge go to the gate's side too when other pages failed it on their
    characters or tokens (the same fonts scramble them) and they show a trace of it."""
    if not any(page.needs_ocr and page.quality is not None for page in pages):
        return
    for number, page in enumerate(pages, start=1):
        quality = page.quality
        if page.needs_ocr or quality is None or not page.lines or not (quality.broken_words or quality.odd_chars):
            continue
        page.warning = f"page {number}: text {QUALITY_CHECK} (like the other pages: {quality.describe()}); {OCR_NEEDED}"
        page.needs_ocr = True


def _open_error(path: Path, error: Exception) -> PdfError:
    """A PdfError that says in words what pdfminer found wrong with a file."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedPdfError(f"{path}: the PDF is password-protected; save an unprotected copy")
    detail = str(cause) or type(cause).__name__
    return PdfError(f"{path}: the PDF is damaged or truncated and cannot be read ({detail})")


def extract_pdf_pages(
    path: Path, ocr: bool = False, ocr_languages: str | None = None
) -> tuple[tuple[Page, ...], TextQuality]:
    """Pages of a PDF's text layer with running headers, footers and numbers removed, and the
    quality of their text taken together.

    With ``ocr``, pages without a usable text layer are read by Tesseract
    (``pipeline.extract.ocr``, in ``ocr_languages``, Russian and English by default)
    when it is installed.

    Raises PdfError for a file that is not a readable PDF, EncryptedPdfError for a
    password-protected one and NoTextError when no page has usable text.
    """
    with open(path, "rb") as f:
        head = f.read(_PDF_MAGIC_WINDOW)
    if b"%PDF-" not in head:
        found = head[:20].decode("latin-1").strip() or "nothing"
        raise PdfError(f"{path}: not a PDF (a PDF starts with %PDF-, this file starts with {found!r})")
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as error:
        raise _open_error(path, error) from error
    pages: list[PageText] = []
    with pdf, PdfiumPages(path) as pdfium_pages:
        try:
            plumber_pages = pdf.pages
        except PROCESS_FAILURES:
            raise
        except Exception as error:  # pdfminer raises many kinds on a broken page tree
            raise _open_error(path, error) from error
        for number, page in enumerate(plumber_pages, start=1):
            try:
                read = read_page(page, number, pdfium_pages.glyphs(number - 1), pdfium_pages.text(number - 1))
            except PROCESS_FAILURES:
                raise
            except Exception as error:  # one damaged page should not lose the others
                read = PageText([], f"page {number}: could not be read ({error or type(error).__name__})")
            finally:
                page.close()
            pages.append(read)
    _suspect_short_pages(pages)
    if ocr:
        fill_pages_by_ocr(path, pages, ocr_languages)
    if not pages:
        raise PdfError(f"{path}: the PDF has no pages")
    if all(not any(line.strip() for line in page.lines) for page in pages):
        warnings = [page.warning for page in pages]
        unreadable = [w for w in warnings if w and "could not be read" in w]
        if len(unreadable) == len(pages):
            raise PdfError(f"{path}: the PDF is damaged; no page could be read ({unreadable[0]})")
        reasons = sorted({_reason(w) for w in warnings if w})
        raise NoTextError(f"{path}: no usable text on any of {len(pages)} page(s): {'; '.join(reasons)}")
    cleaned = remove_running_lines([page.lines for page in pages])
    if all(not any(line.strip() for line in lines) for lines in cleaned):
        raise NoTextError(f"{path}: no text on any of {len(pages)} page(s) besides page numbers, "
                          "running headers and footers")
    quality = sum((page.quality for page in pages if page.quality is not None and page.lines), TextQuality())
    return tuple(
        Page(number=number, text="\n".join(lines), warning=page.warning,
             quality=None if page.quality is None else round(page.quality.known, 3))
        for number, (lines, page) in enumerate(zip(cleaned, pages), start=1)
    ), quality


def _reason(warning: str) -> str:
    """A page warning without its page and its numbers: one line per kind of trouble."""
    return re.sub(r" \([^)]*\d%[^)]*\)", "", warning.split(": ", 1)[1])


__all__ = ["PageText", "agreement", "extract_pdf_pages", "read_page"]
