"""The quality gate: text that does not read like text is never passed on as a plain ``ok``.

Garbage is made the ways real files carry it: a PDF whose fonts map their glyphs
to the wrong Unicode letters (the mojibake of a cp1251 font read as Latin-1), a
text file saved in one encoding and relabelled, words glued or spread apart. The
gate's measures are checked on them and on real text that must pass (Russian,
English, statistics, addresses, links).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import REPO
from pipeline.errors import NoTextError
from pipeline.extract import extract
from pipeline.extract.ocr import ocr_available
from pipeline.extract.quality import measure
from pipeline.normalise import normalise
from pipeline.records import OCR
from pipeline.tables import read_table
from test_ocr import MAX_WER, word_error_rate

needs_tesseract = pytest.mark.skipif(not ocr_available(), reason="Tesseract with Russian is not installed")

TEXT_LINES = [
    "Полиция задержала троих участников пикета у здания акимата.",
    "Суд оштрафовал каждого из них на 80900 тенге.",
    "Адвокат подал жалобу в прокуратуру, ответа пока нет.",
    "Организаторы обжаловали решение акимата в суде.",
]

READS_LIKE_TEXT = [
    " ".join(TEXT_LINES),
    "Заявление ОФ «Бюро по правам человека», г. Алматы, 8 ноября 2012 г., исх. № 15/2012.",
    "The police detained three activists near the city administration and fined them.",
    "Источник: http://ovdinfo.org/news/2014/08/06/ и www.sova-center.ru, см. также e-mail info@memo.ru.",
    "Итого за 2014 год: 42 нападения, 17 обысков, 5 увольнений; 1990-х годов, 20-летний активист.",
    "Санкт-Петербург, Информационно-аналитический центр «Сова», из-за того что все-таки.",
]
GARBAGE = [
    # a cp1251 font read as Latin-1: the mojibake of fonts without a true Unicode map
    "Ïîëèöèÿ çàäåðæàëà òðîèõ ó÷àñòíèêîâ ïèêåòà ó çäàíèÿ àêèìàòà. Ñóä îøòðàôîâàë êàæäîãî.",
    # Ghostscript's scrambled map: Cyrillic, digits and symbols mixed inside words
    "Заявл5=85 > 7а45р6а=88 9E@BFDя A4 ;4>D9C?9AAB9 КBAEF<FGJ<9= EFD4Aы CD46B 7D4:84A A4 @<DAы9",
    # (cid:NN) glyphs, alone or among others that decode to junk
    "(cid:12)(cid:45)(cid:3) (cid:77)(cid:23)(cid:9)(cid:10) (cid:44)(cid:2)(cid:31) " * 4,
    "ú(cid:0)¶ Æ•õ¢õ® Ø¢ ¶ú(cid:0)Æ õ¢•® ¶Øú (cid:0)¢õ Æ•ú¶ ®õ¢ Øú(cid:0) " * 3,
    # words glued: a text layer without its spaces
    "Докладпосвященвнесудебнымпреследованиям,которыеневходятвуголовнуюстатистику. " * 3,
    # letters spread apart into words of one letter
    "Н е с м о т р я н а з а к р е п л е н н о е К о н с т и т у ц и е й п р а в о",
]


@pytest.mark.parametrize("text", READS_LIKE_TEXT)
def test_real_text_passes(text):
    quality = measure(text * 2)
    assert quality.passes, quality


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_fails(text):
    quality = measure(text * 2)  # a page holds more than a line
    assert not quality.passes, quality


def mojibake_pdf(path: Path) -> Path:
    """A PDF whose font maps each Cyrillic glyph to the Latin-1 letter of its cp1251 code."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from test_ocr import FONT

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    canvas = Canvas(str(path), invariant=1, pageCompression=0)
    canvas.setFont("DejaVuSans", 12)
    for i, line in enumerate(TEXT_LINES):
        canvas.drawString(72, 770 - 20 * i, line)
    canvas.showPage()
    canvas.save()

    def to_latin1(match: re.Match) -> bytes:
        code = int(match.group(1), 16)  # U+0410..U+044F are cp1251 0xC0..0xFF
        return b"<00%02X>" % (code - 0x0410 + 0xC0)

    data = path.read_bytes()
    start = data.index(b"beginbfchar")
    end = data.index(b"endbfchar", start)
    # Same length, so the file's cross-reference offsets stay right.
    mapped = re.sub(rb"<(04[1-4][0-9A-F])>", to_latin1, data[start:end])
    path.write_bytes(data[:start] + mapped + data[end:])
    return path


def test_a_mojibake_text_layer_is_flagged_not_passed_on(tmp_path):
    path = mojibake_pdf(tmp_path / "mojibake.pdf")
    with pytest.raises(NoTextError, match=r"mojibake\.pdf.*fails the quality check.*OCR needed"):
        extract(path, "mojibake")


@needs_tesseract
def test_a_mojibake_text_layer_is_read_by_ocr(tmp_path):
    document = extract(mojibake_pdf(tmp_path / "mojibake.pdf"), "mojibake", ocr=True)
    assert document.extraction == OCR
    (warning,) = document.warnings
    assert warning.startswith("page 1: text fails the quality check (") and warning.endswith("; read by OCR")
    assert word_error_rate(" ".join(TEXT_LINES), normalise(document.text).text) <= MAX_WER
    assert document.pages[0].quality > 0.8


def test_without_tesseract_mojibake_is_an_error_and_relabelled_text_a_warning(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    mojibake_pdf(inputs / "mojibake.pdf")
    # A cp1251 statement decoded as Latin-1 and saved as UTF-8: valid text, unreadable.
    relabelled = "\n".join(TEXT_LINES).encode("cp1251").decode("latin-1")
    (inputs / "relabelled.txt").write_text(relabelled, encoding="utf-8")
    (inputs / "good.txt").write_text("\n".join(TEXT_LINES), encoding="utf-8")
    out = tmp_path / "out"
    env = os.environ | {"PATH": str(Path(sys.executable).parent)}  # no tesseract to be found
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "-o", str(out), "-q"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    documents = read_table(out, "documents").set_index("doc_id")
    assert documents.loc["mojibake", "status"] == "error"
    assert "fails the quality check" in documents.loc["mojibake", "error"]
    assert "Tesseract OCR with Russian is not installed" in documents.loc["mojibake", "error"]
    assert documents.loc["relabelled", "status"] == "ok"
    assert "fails the quality check" in documents.loc["relabelled", "warnings"]
    assert documents.loc["relabelled", "text_quality"] < 0.1
    assert documents.loc["good", "status"] == "ok" and pd.isna(documents.loc["good", "warnings"])
    assert documents.loc["good", "text_quality"] > 0.8
