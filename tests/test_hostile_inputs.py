"""Hostile inputs and settings of ``testimony run``, through the real CLI.

- ``--max-memory`` below what the models need is one message saying how much they
  need, exit 2, no traceback, the output folder as it was;
- a PDF whose pages hold nothing but page numbers is an error row saying so, not
  ``ok`` with no text and no word of why.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
from reportlab.pdfgen.canvas import Canvas

from conftest import RAW, REPO

STATEMENT = RAW / "000_6fb061e0297f36b6.txt"


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *map(str, args), "-q"],
                          cwd=REPO, capture_output=True, text=True)


def test_a_memory_limit_below_the_models_says_what_they_need(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "statement.txt").write_bytes(STATEMENT.read_bytes())
    assert run_cli(folder, "-o", out).returncode == 0
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    (folder / "second.txt").write_bytes(STATEMENT.read_bytes()[:2000])
    result = run_cli(folder, "-o", out, "--max-memory", "200")
    assert result.returncode == 2, result.stderr
    assert "--max-memory 200 MB is too low for the models" in result.stderr
    assert "needs at least" in result.stderr and "Traceback" not in result.stderr
    assert "ImportError" not in result.stderr + result.stdout
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before


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
    documents = pd.read_csv(out / "documents.csv").set_index("doc_id")
    assert documents.loc["statement", "status"] == "ok"
    assert documents.loc["numbers", "status"] == "error"
    assert "no text on any of 150 page(s) besides page numbers" in documents.loc["numbers", "error"]
