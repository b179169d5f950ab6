"""Text of a PDF's text layer, page by page, with pdfplumber.

Words are rebuilt from character geometry rather than from the space characters
in the file, because submitted PDFs do both wrong: some place every word on its
own with no space glyph between them (glued text), others spread letters apart
with character spacing (``Н е с м о т р я``). A gap between two letters is a word
break when it is wide for the font size *and* wide compared with the usual gap
between the letters around it, so tracking is not mistaken for spaces and
spaces drawn as gaps are not lost.

Each page is closed as soon as it is read, so memory stays flat on long files.
The characters and their boxes come from pdfium (``pdfium_text``, ~5x faster);
pdfplumber opens the file (its errors name what is wrong) and parses a page
itself only when pdfium cannot.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import EncryptedPdfError, NoTextError, PdfError
from pipeline.extract.layout import remove_running_lines
from pipeline.extract.ocr import fill_pages_by_ocr
from pipeline.extract.pdfium_text import PdfiumPages
from pipeline.records import Page

# pdfminer logs every odd construct of a damaged file; the page warnings say enough.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Word gaps are measured in ems (fractions of the font size).
MIN_WORD_GAP = 0.15  # narrower than this is never a space (kerning, tracking)
WORD_GAP_OVER_TRACKING = 0.08  # a space is at least this much wider than the local tracking
TRACKING_FACTOR = 1.6  # ... and this many times the local inter-letter gap
NEIGHBOUR_GAPS = 4  # gaps on each side that tell the local inter-letter gap
SPACED_RUN_MARGIN = 0.04  # a letter-spaced run is bounded by gaps at least this much wider
LINE_TOLERANCE = 0.4  # baselines closer than this (in ems) are one line
GARBAGE_SHARE = 0.5  # a page with more unmapped glyphs than this needs OCR

_CID = re.compile(r"^\(cid:\d+\)$")
# A PDF's header may follow some junk bytes; readers accept it within the first KB.
_PDF_MAGIC_WINDOW = 1024


def _is_garbage(text: str) -> bool:
    """A glyph with no Unicode meaning: ``(cid:NN)``, U+FFFD or a control character."""
    return bool(_CID.match(text)) or text == "\ufffd" or (len(text) == 1 and ord(text) < 32)


def _size(char: dict) -> float:
    """A character's font size, falling back to its height for odd fonts."""
    return float(char.get("size") or (char["bottom"] - char["top"]) or 10.0)


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines by baseline, top to bottom, each line left to right."""
    lines: list[list[dict]] = []
    baselines: list[float] = []
    for char in sorted(chars, key=lambda c: (c["bottom"], c["x0"])):
        if lines and abs(char["bottom"] - baselines[-1]) <= LINE_TOLERANCE * _size(char):
            lines[-1].append(char)
        else:
            lines.append([char])
            baselines.append(char["bottom"])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _drop_duplicates(line: list[dict]) -> list[dict]:
    """Drop glyphs drawn twice in place (fake bold, shadow text)."""
    kept: list[dict] = []
    for char in line:
        if kept and char["text"] == kept[-1]["text"] and abs(char["x0"] - kept[-1]["x0"]) < 0.1 * _size(char):
            continue
        kept.append(char)
    return kept


def line_text(line: list[dict]) -> str:
    """One line's text, with word breaks decided from the gaps between letters.

    A space glyph in the file is always a break; between visible glyphs a gap is
    a break when it exceeds both an absolute minimum and the local tracking.
    """
    glyphs: list[dict] = []
    space_before: list[bool] = []
    pending_space = False
    for char in _drop_duplicates(line):
        if not char["text"].strip():
            pending_space = True
            continue
        glyphs.append(char)
        space_before.append(pending_space)
        pending_space = False
    if not glyphs:
        return ""
    gaps = [
        (glyphs[i]["x0"] - glyphs[i - 1]["x1"]) / max(_size(glyphs[i]), _size(glyphs[i - 1]))
        for i in range(1, len(glyphs))
    ]
    breaks = [False] * len(glyphs)  # breaks[i]: a word break before glyph i
    for i in range(1, len(glyphs)):
        gap = gaps[i - 1]
        # Gaps at space glyphs are known word breaks, not tracking: leave them out.
        around = [
            gaps[j - 1]
            for j in (*range(max(1, i - NEIGHBOUR_GAPS), i), *range(i + 1, min(len(glyphs), i + 1 + NEIGHBOUR_GAPS)))
            if not space_before[j]
        ]
        tracking = max(statistics.median(around), 0.0) if around else 0.0
        breaks[i] = space_before[i] or (
            gap > MIN_WORD_GAP
            and gap > TRACKING_FACTOR * tracking
            and gap > tracking + WORD_GAP_OVER_TRACKING
        )
    _join_spaced_letters(glyphs, gaps, breaks, space_before)
    return "".join((" " if brk else "") + glyph["text"] for glyph, brk in zip(glyphs, breaks))


def _join_spaced_letters(glyphs: list[dict], gaps: list[float], breaks: list[bool], space_before: list[bool]) -> None:
    """Join a short letter-spaced word among normal ones (``в с е`` between words).

    The local tracking cannot show it, as its neighbours are unspaced. A run of
    two or more single letters split only by gaps of one width, with wider gaps
    (or the line's ends) on both sides, is one word. Single-letter words in a
    row (``и в``) are spaced like their neighbours, so they stay apart.
    """
    starts = [i for i in range(len(glyphs)) if i == 0 or breaks[i]]
    ends = starts[1:] + [len(glyphs)]
    # One letter or digit, perhaps with punctuation around it: «в, с, е».
    singles = [i for i, end in zip(starts, ends) if sum(g["text"].isalnum() for g in glyphs[i:end]) == 1]
    end_of = dict(zip(starts, ends))
    run: list[int] = []
    for i in singles + [-1]:
        if run and i == end_of[run[-1]] and not space_before[i]:
            run.append(i)
            continue
        if len(run) >= 2:
            inner = [gaps[j - 1] for j in run[1:]]
            last_end = end_of[run[-1]]
            before = gaps[run[0] - 1] if run[0] > 0 and not space_before[run[0]] else math.inf
            after = gaps[last_end - 1] if last_end < len(glyphs) and not space_before[last_end] else math.inf
            even = max(inner) - min(inner) <= 0.25 * max(inner) + 0.03
            if even and min(before, after) > max(inner) + SPACED_RUN_MARGIN:
                for j in run[1:]:
                    breaks[j] = False
        run = [i]


def _page_lines(page, number: int, chars: list[dict] | None = None) -> tuple[list[str], str | None]:
    """The lines of one page and a warning when the page has no usable text layer.

    ``chars`` are the page's characters when pdfium gave them (much faster);
    otherwise pdfplumber parses the page.
    """
    chars = [c for c in (page.chars if chars is None else chars) if c["text"]]
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return [], f"page {number}: no text layer; OCR needed"
    garbage = sum(_is_garbage(c["text"]) for c in visible)
    if garbage / len(visible) > GARBAGE_SHARE:
        return [], f"page {number}: (cid:NN) glyphs without a Unicode map; OCR needed"
    upright = [c for c in chars if c.get("upright", True)]
    if len(upright) < len(chars) / 2:
        # Rotated text: let pdfplumber lay it out rather than guess its lines.
        return page.extract_text(x_tolerance_ratio=0.15).splitlines(), None
    lines = [line_text(line) for line in group_lines(upright)]
    return [line.rstrip() for line in lines], None


def _open_error(path: Path, error: Exception) -> PdfError:
    """A PdfError that says in words what pdfminer found wrong with a file."""
    cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedPdfError(f"{path}: the PDF is password-protected; save an unprotected copy")
    detail = str(cause) or type(cause).__name__
    return PdfError(f"{path}: the PDF is damaged or truncated and cannot be read ({detail})")


def extract_pdf_pages(path: Path, ocr: bool = False) -> tuple[Page, ...]:
    """Pages of a PDF's text layer with running headers, footers and numbers removed.

    With ``ocr``, pages without a usable text layer are read by Tesseract
    (``pipeline.extract.ocr``) when it is installed.

    Raises PdfError for a file that is not a readable PDF, EncryptedPdfError for a
    password-protected one and NoTextError when no page has a text layer.
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
    page_lines: list[list[str]] = []
    warnings: list[str | None] = []
    with pdf, PdfiumPages(path) as pdfium_pages:
        try:
            pages = pdf.pages
        except Exception as error:  # pdfminer raises many kinds on a broken page tree
            raise _open_error(path, error) from error
        for number, page in enumerate(pages, start=1):
            try:
                lines, warning = _page_lines(page, number, pdfium_pages.chars(number - 1))
            except Exception as error:  # one damaged page should not lose the others
                lines, warning = [], f"page {number}: could not be read ({error or type(error).__name__})"
            finally:
                page.close()
            page_lines.append(lines)
            warnings.append(warning)
    if ocr:
        fill_pages_by_ocr(path, page_lines, warnings)
    if not page_lines:
        raise PdfError(f"{path}: the PDF has no pages")
    if all(not any(line.strip() for line in lines) for lines in page_lines):
        unreadable = [w for w in warnings if w and "could not be read" in w]
        if len(unreadable) == len(page_lines):
            raise PdfError(f"{path}: the PDF is damaged; no page could be read ({unreadable[0]})")
        reasons = sorted({w.split(": ", 1)[1] for w in warnings if w})
        raise NoTextError(f"{path}: no usable text on any of {len(page_lines)} page(s): {'; '.join(reasons)}")
    cleaned = remove_running_lines(page_lines)
    return tuple(
        Page(number=number, text="\n".join(lines), warning=warning)
        for number, (lines, warning) in enumerate(zip(cleaned, warnings), start=1)
    )
