"""A folder of everything analysts are really handed, through the real CLI in one batch.

Empty files, damaged and truncated PDFs, a PDF that is not one, a
password-protected PDF, scans, fonts without a Unicode map, binary data named
.txt, a broken DOCX and a DOCX zip bomb, odd file names, one stem twice, every
Russian encoding, a poster-sized page. Every file gets a row; the good ones are
``ok`` with their words intact, the bad ones ``error`` with a message a person
understands; stderr holds no traceback and the exit code is 1.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pandas as pd
import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

from conftest import RAW, REPO
from pipeline.batch.archive import new_doc_id
from pipeline.tables import read_table
from pipeline.extract.ocr import ocr_available
from test_ocr import SCAN_LINES, TEXT_LINES, add_text_page, make_pdf

# Real statement text: the opening paragraphs of a sample.
STATEMENT = "\n".join((RAW / "000_6fb061e0297f36b6.txt").read_text(encoding="utf-8").splitlines()[:6])


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\u00ad", ""))


def zip_bomb(path: Path, unpacked_mb: int = 300) -> None:
    """A DOCX whose document.xml is a few hundred KB packed and hundreds of MB unpacked."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * 2**20
            for _ in range(unpacked_mb):
                member.write(block)


def good_docx(path: Path, text: str) -> None:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(path))


def build_hostile_folder(folder: Path) -> dict[str, tuple[str, str]]:
    """Write every hostile input; returns doc_id -> (expected status, expected text or message)."""
    folder.mkdir()
    expect: dict[str, tuple[str, str]] = {}

    def text_file(name: str, data: bytes, text: str = STATEMENT) -> None:
        (folder / name).write_bytes(data)
        expect[Path(name).stem] = ("ok", text)

    text_file("utf8.txt", STATEMENT.encode("utf-8"))
    text_file("cp1251.txt", STATEMENT.encode("cp1251"))
    text_file("koi8r.txt", STATEMENT.encode("koi8-r"))
    text_file("utf16.txt", STATEMENT.encode("utf-16"))
    text_file("crlf.txt", STATEMENT.replace("\n", "\r\n").encode("utf-8"))
    text_file("Заявление (копия) [2].txt", STATEMENT.encode("utf-8"))
    # One stem twice: the first in path order gets the stem, the other the stem and a
    # hash of its path (stable however many other files share the stem).
    (folder / "statement.docx").parent.mkdir(exist_ok=True)
    good_docx(folder / "statement.docx", STATEMENT)
    (folder / "statement.txt").write_text(TEXT_LINES[0], encoding="utf-8")
    expect["statement"] = ("ok", STATEMENT)
    expect[new_doc_id("statement", os.path.abspath(folder / "statement.txt"), {"statement", "statement.raw"})] = \
        ("ok", TEXT_LINES[0])

    def bad(name: str, data: bytes, message: str) -> None:
        (folder / name).write_bytes(data)
        expect[Path(name).stem] = ("error", message)

    bad("empty.txt", b"", "the file is empty")
    bad("empty_pdf.pdf", b"", "the file is empty")
    bad("empty_docx.docx", b"", "the file is empty")
    bad("binary.txt", bytes(range(256)) * 64, "binary data, not text")
    bad("letter.pdf", "Это письмо, а не PDF".encode("utf-8"), "not a PDF")
    bad("corrupt.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40, "the PDF is damaged")
    whole = make_pdf(folder / "whole.pdf", [("text", TEXT_LINES)]).read_bytes()
    (folder / "whole.pdf").unlink()
    bad("truncated.pdf", whole[: len(whole) // 3], "truncated")
    bad("broken.docx", b"PK\x03\x04" + bytes(200), "not a valid DOCX")
    zip_bomb(folder / "bomb.docx")
    expect["bomb"] = ("error", "possibly a zip bomb")

    secret = io.BytesIO()
    canvas = Canvas(secret, encrypt=pdfencrypt.StandardEncryption("пароль", "владелец"))
    add_text_page(canvas, TEXT_LINES)
    canvas.save()
    bad("secret.pdf", secret.getvalue(), "password-protected")

    # A poster-sized page (200 inches square) with a little picture: rendered
    # smaller for OCR rather than filling memory; it holds no text.
    poster = Canvas(str(folder / "poster.pdf"), pagesize=(14400, 14400))
    poster.rect(100, 100, 500, 500, fill=1)
    poster.showPage()
    poster.save()
    expect["poster"] = ("error", "no usable text on any of 1 page(s)")

    make_pdf(folder / "scan.pdf", [("scan", SCAN_LINES)])
    make_pdf(folder / "mixed.pdf", [("text", TEXT_LINES), ("scan", SCAN_LINES[:3])])
    cid = make_pdf(folder / "cid.pdf", [("text", TEXT_LINES)])
    cid.write_bytes(cid.read_bytes().replace(b"/ToUnicode", b"/XoUnicode"))
    if ocr_available():
        expect["scan"] = ("ok", "\n".join(SCAN_LINES))
        expect["mixed"] = ("ok", "\n".join(TEXT_LINES + SCAN_LINES[:3]))
        expect["cid"] = ("ok", "\n".join(TEXT_LINES))
    else:
        expect["scan"] = ("error", "OCR needed")
        expect["mixed"] = ("ok", "\n".join(TEXT_LINES))
        expect["cid"] = ("error", "OCR needed")
    return expect


def test_exit_code_and_no_traceback(hostile_run):
    expect, result, _ = hostile_run
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    n_bad = sum(status == "error" for status, _ in expect.values())
    assert f"{len(expect)} files: {len(expect) - n_bad} ok, {n_bad} failed" in result.stdout


def test_every_file_has_its_row(hostile_run):
    expect, _, out = hostile_run
    documents = read_table(out, "documents")
    assert sorted(documents.doc_id) == sorted(expect)
    assert documents.doc_id.is_unique


def test_bad_files_say_what_is_wrong(hostile_run):
    expect, _, out = hostile_run
    documents = read_table(out, "documents").set_index("doc_id")
    for doc_id, (status, message) in expect.items():
        if status == "error":
            row = documents.loc[doc_id]
            assert row.status == "error", doc_id
            assert message in row.error, (doc_id, row.error)
            assert Path(row.source).name in row.error, "the message names the file"
            assert "internal error" not in row.error


def test_good_files_keep_their_words(hostile_run):
    expect, _, out = hostile_run
    documents = read_table(out, "documents").set_index("doc_id")
    for doc_id, (status, text) in expect.items():
        if status != "ok":
            continue
        assert documents.loc[doc_id, "status"] == "ok", (doc_id, documents.loc[doc_id, "error"])
        clean = (out / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        if documents.loc[doc_id, "extraction"] in ("ocr", "mixed"):
            from test_ocr import MAX_WER, word_error_rate

            assert word_error_rate(" ".join(words(text)), " ".join(words(clean))) <= MAX_WER, doc_id
        else:
            assert words(clean) == words(text), doc_id


def test_extraction_kinds(hostile_run):
    _, _, out = hostile_run
    kinds = read_table(out, "documents").set_index("doc_id").extraction
    assert kinds["cp1251"] == kinds["koi8r"] == kinds["utf16"] == "plain"
    assert kinds["statement"] == "docx"
    if ocr_available():
        assert (kinds["scan"], kinds["mixed"], kinds["cid"]) == ("ocr", "mixed", "ocr")


def test_long_pdf_memory_is_flat(tmp_path):
    """Peak memory reading a 300-page PDF is about that of a 30-page one."""
    peaks = {}
    for n_pages in (30, 300):
        path = make_pdf(tmp_path / f"long{n_pages}.pdf", [("text", TEXT_LINES * 10)] * n_pages)
        probe = ("import resource, sys; from pathlib import Path; from pipeline.extract import extract;"
                 "d = extract(Path(sys.argv[1]), 'long', ocr=True); assert len(d.pages) == int(sys.argv[2]);"
                 "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)")
        result = subprocess.run([sys.executable, "-c", probe, str(path), str(n_pages)], cwd=REPO,
                                capture_output=True, text=True, check=True, timeout=600)
        peaks[n_pages] = int(result.stdout)
    assert peaks[300] - peaks[30] < 40, f"peak RSS in MB by page count: {peaks}"
