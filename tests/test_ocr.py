"""OCR: scanned pages (an image of rendered Russian text) are read by Tesseract.

The scans are made here: Russian sentences drawn with DejaVu Sans (shipped with
matplotlib) into a 300 dpi page image, embedded in a PDF with reportlab. The
words Tesseract gives back are scored by word error rate.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from conftest import REPO
from pipeline.tables import read_table
from pipeline.extract import extract
from pipeline.extract.ocr import ocr_available
from pipeline.normalise import normalise
from pipeline.records import MIXED, OCR, TEXT

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
A4 = (595, 842)  # points
SCAN_LINES = [
    "Заявление Казахстанского бюро по правам человека",
    "24 марта активисты провели пикет у здания акимата.",
    "Полиция задержала троих участников акции, в том числе",
    "Бахыт Туменову, и доставила их в районное отделение.",
    "Суд оштрафовал каждого на 80900 тенге, а двоих осудил",
    "на пятнадцать суток административного ареста.",
]
TEXT_LINES = ["Митинг был разогнан полицией.", "Организаторы обжаловали решение акимата."]
MAX_WER = 0.1

needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="Tesseract with Russian is not installed")


def page_image(lines: list[str], dpi: int = 300, size_pt: int = 12) -> Image.Image:
    """An A4 page image with the lines drawn in black, as a scanner would give it."""
    image = Image.new("L", (round(A4[0] / 72 * dpi), round(A4[1] / 72 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), round(dpi * size_pt / 72))
    for i, line in enumerate(lines):
        draw.text((dpi, dpi + i * dpi * 20 // 72), line, font=font, fill=0)
    return image


def add_scanned_page(canvas: Canvas, lines: list[str]) -> None:
    data = io.BytesIO()
    page_image(lines).save(data, format="PNG")
    canvas.drawImage(ImageReader(io.BytesIO(data.getvalue())), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()


def add_text_page(canvas: Canvas, lines: list[str]) -> None:
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    canvas.setFont("DejaVuSans", 12)
    for i, line in enumerate(lines):
        canvas.drawString(72, A4[1] - 72 - 20 * i, line)
    canvas.showPage()


def make_pdf(path: Path, pages: list[tuple[str, list[str]]]) -> Path:
    """A PDF of ``("scan", lines)`` and ``("text", lines)`` pages."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for kind, lines in pages:
        (add_scanned_page if kind == "scan" else add_text_page)(canvas, lines)
    canvas.save()
    return path


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level edit distance over the reference's length.

    >>> word_error_rate("полиция задержала троих", "полиция задержала трех")
    0.3333333333333333
    """
    ref, hyp = reference.split(), hypothesis.split()
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[-1] / max(len(ref), 1)


@needs_tesseract
def test_scanned_pdf_is_read_by_ocr(tmp_path):
    document = extract(make_pdf(tmp_path / "scan.pdf", [("scan", SCAN_LINES)]), "scan", ocr=True)
    assert document.extraction == OCR
    assert document.warnings == ("page 1: no text layer; read by OCR",)
    clean = normalise(document.text).text
    assert word_error_rate(" ".join(SCAN_LINES), clean) <= MAX_WER, clean
    for word in ("Туменову", "задержала", "80900", "пятнадцать"):
        assert word in clean


@needs_tesseract
def test_text_and_scanned_pages_make_a_mixed_document(tmp_path):
    path = make_pdf(tmp_path / "mixed.pdf", [("text", TEXT_LINES), ("scan", SCAN_LINES[:3])])
    document = extract(path, "mixed", ocr=True)
    assert document.extraction == MIXED
    assert document.pages[0].text.splitlines() == TEXT_LINES  # the text layer is kept as it is
    assert word_error_rate(" ".join(SCAN_LINES[:3]), document.pages[1].text) <= MAX_WER
    assert document.pages[1].warning == "page 2: no text layer; read by OCR"


@needs_tesseract
def test_glyphs_without_unicode_map_are_read_by_ocr(tmp_path):
    path = make_pdf(tmp_path / "cid.pdf", [("text", TEXT_LINES)])
    text_layer = extract(path, "cid", ocr=True)
    assert text_layer.extraction == TEXT
    # Same length, so the file's cross-reference offsets stay right.
    path.write_bytes(path.read_bytes().replace(b"/ToUnicode", b"/XoUnicode"))
    document = extract(path, "cid", ocr=True)
    assert document.extraction == OCR
    assert document.warnings == ("page 1: (cid:NN) glyphs without a Unicode map; read by OCR",)
    assert word_error_rate(" ".join(TEXT_LINES), document.text) <= MAX_WER


@needs_tesseract
def test_blank_scan_says_ocr_found_nothing(tmp_path):
    path = make_pdf(tmp_path / "blank.pdf", [("text", TEXT_LINES), ("scan", [])])
    document = extract(path, "blank", ocr=True)
    assert document.extraction == TEXT
    assert document.pages[1].warning == "page 2: no text layer; OCR found no text"


def test_without_tesseract_a_scan_is_an_error_that_says_ocr_is_needed(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    make_pdf(inputs / "scan.pdf", [("scan", SCAN_LINES[:2])])
    make_pdf(inputs / "mixed.pdf", [("text", TEXT_LINES), ("scan", SCAN_LINES[:2])])
    out = tmp_path / "out"
    # A PATH with Python's folder only: no tesseract to be found.
    env = os.environ | {"PATH": str(Path(sys.executable).parent)}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "-o", str(out), "-q"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    documents = read_table(out, "documents").set_index("doc_id")
    assert documents.loc["scan", "status"] == "error"
    assert "OCR needed" in documents.loc["scan", "error"]
    assert "Tesseract OCR with Russian is not installed" in documents.loc["scan", "error"]
    assert documents.loc["mixed", "status"] == "ok"
    assert documents.loc["mixed", "extraction"] == TEXT
    assert "page 2: no text layer; OCR needed, but Tesseract" in documents.loc["mixed", "warnings"]


LATIN_LINES = [
    "Активистка опубликовала видео в Facebook и WhatsApp,",
    "а Amnesty International потребовала освободить задержанных.",
    "Журналист Reuters John Smith был задержан у здания суда.",
]


@needs_tesseract
def test_ocr_reads_latin_names_in_russian_text(tmp_path):
    # Russian and English by default: the Russian model alone reads Latin words as Cyrillic nonsense.
    document = extract(make_pdf(tmp_path / "latin.pdf", [("scan", LATIN_LINES)]), "latin", ocr=True)
    words = set(re.findall(r"\w+", document.text))
    assert {"Facebook", "WhatsApp", "Amnesty", "International", "Reuters", "John", "Smith"} <= words
    assert word_error_rate(" ".join(LATIN_LINES), normalise(document.text).text) <= MAX_WER


@needs_tesseract
def test_ocr_languages_not_installed_are_said(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", [("scan", SCAN_LINES[:2])])
    document = extract(path, "scan", ocr=True, ocr_languages="rus+eng+xyz")
    assert document.warnings == ("page 1: no text layer; read by OCR (without xyz: not installed)",)
    assert "акимата" in document.text
