"""PDFium's glyphs give the same page text as pdfplumber's characters, ~5x faster."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from conftest import RAW
from pipeline.extract.pdf import read_page
from pipeline.extract.pdfium_text import NO_SPACE, PDFIUM_SPACE, STREAM_SPACE, UNMAPPED, PdfiumPages
from test_ocr import TEXT_LINES, make_pdf

SAMPLE_PDFS = sorted(RAW.glob("*.pdf"))


def lines_both_ways(path: Path) -> tuple[list, list]:
    """Each page's lines and warning from PDFium's glyphs and from pdfplumber's characters."""
    by_pdfium, by_pdfplumber = [], []
    with pdfplumber.open(path) as pdf, PdfiumPages(path) as pages:
        for number, page in enumerate(pdf.pages, start=1):
            read = read_page(page, number, pages.glyphs(number - 1))
            by_pdfium.append((read.lines, read.warning))
            read = read_page(page, number)
            by_pdfplumber.append((read.lines, read.warning))
    return by_pdfium, by_pdfplumber


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.stem)
def test_sample_pdfs_read_the_same(path):
    by_pdfium, by_pdfplumber = lines_both_ways(path)
    assert by_pdfium == by_pdfplumber
    assert any("-" in line for lines, _ in by_pdfium for line in lines), "line-end hyphens kept"


def test_glyphs_carry_the_streams_spaces(tmp_path):
    path = make_pdf(tmp_path / "plain.pdf", [("text", TEXT_LINES)])
    with PdfiumPages(path) as pages:
        glyphs = pages.glyphs(0)
    text = "".join((" " if g["space"] == STREAM_SPACE else "") + g["text"] for g in glyphs)
    assert text.startswith(" ".join(TEXT_LINES[0].split()))
    assert {g["space"] for g in glyphs} <= {NO_SPACE, PDFIUM_SPACE, STREAM_SPACE}
    assert all(abs(g["size"] - 12) < 0.1 for g in glyphs)  # the size as drawn


def test_glyphs_without_unicode_map_are_garbage(tmp_path):
    path = make_pdf(tmp_path / "cid.pdf", [("text", TEXT_LINES)])
    path.write_bytes(path.read_bytes().replace(b"/ToUnicode", b"/XoUnicode"))
    with PdfiumPages(path) as pages:
        glyphs = pages.glyphs(0)
    assert sum(g["text"] == UNMAPPED for g in glyphs) > len(glyphs) / 2
    by_pdfium, by_pdfplumber = lines_both_ways(path)
    assert by_pdfium[0][1] == by_pdfplumber[0][1] == "page 1: (cid:NN) glyphs without a Unicode map; OCR needed"


def test_unreadable_file_falls_back(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(100))
    with PdfiumPages(path) as pages:
        assert pages.glyphs(0) is None
        assert pages.text(0) is None
