"""pdfium's characters give the same page text as pdfplumber's, ~5x faster."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from conftest import RAW
from pipeline.extract.pdf import _page_lines
from pipeline.extract.pdfium_text import UNMAPPED, PdfiumPages
from test_ocr import TEXT_LINES, make_pdf

SAMPLE_PDFS = sorted(RAW.glob("*.pdf"))


def lines_both_ways(path: Path) -> tuple[list, list]:
    """Each page's lines and warning from pdfium's characters and from pdfplumber's."""
    by_pdfium, by_pdfplumber = [], []
    with pdfplumber.open(path) as pdf, PdfiumPages(path) as pages:
        for number, page in enumerate(pdf.pages, start=1):
            by_pdfium.append(_page_lines(page, number, pages.chars(number - 1)))
            by_pdfplumber.append(_page_lines(page, number))
    return by_pdfium, by_pdfplumber


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.stem)
def test_sample_pdfs_read_the_same(path):
    by_pdfium, by_pdfplumber = lines_both_ways(path)
    assert by_pdfium == by_pdfplumber
    assert any("-" in line for lines, _ in by_pdfium for line in lines), "line-end hyphens kept"


def test_glyphs_without_unicode_map_are_garbage(tmp_path):
    path = make_pdf(tmp_path / "cid.pdf", [("text", TEXT_LINES)])
    path.write_bytes(path.read_bytes().replace(b"/ToUnicode", b"/XoUnicode"))
    with PdfiumPages(path) as pages:
        chars = pages.chars(0)
    visible = [c for c in chars if c["text"].strip()]
    assert sum(c["text"] == UNMAPPED for c in visible) > len(visible) / 2
    by_pdfium, by_pdfplumber = lines_both_ways(path)
    assert by_pdfium[0][1] == by_pdfplumber[0][1] == "page 1: (cid:NN) glyphs without a Unicode map; OCR needed"


def test_unreadable_file_falls_back(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(100))
    with PdfiumPages(path) as pages:
        assert pages.chars(0) is None
