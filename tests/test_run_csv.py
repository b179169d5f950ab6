"""``testimony run --csv``: the CSV copies are whole, written from the generation the run
committed, and a later run without ``--csv`` neither deletes them nor lets them pass for current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from conftest import RAW
from pipeline.tables import TABLES, read_table


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *args, "-q"],
                          capture_output=True, text=True, timeout=600)


def test_csv_copies_match_the_tables_and_a_later_run_leaves_them_saying_they_are_stale(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "000_6fb061e0297f36b6.txt", inputs / "first.txt")
    out = tmp_path / "out"
    first = run_cli(str(inputs), "-o", str(out), "--csv")
    assert first.returncode == 0, first.stderr
    for name in TABLES:
        assert len(pd.read_csv(out / f"{name}.csv")) == len(read_table(out, name)), name
    assert not list(out.rglob("*.tmp")) and not list((out / "_archive").rglob("*.csv"))
    # Nothing changed: the copies still match, no warning.
    same = run_cli(str(inputs), "-o", str(out))
    assert same.returncode == 0 and "stale" not in same.stderr
    # A new file changes the tables: the copies stay, and every run says they are stale.
    (inputs / "second.txt").write_text("12 марта 2024 года в Москве задержан Иван Петров.", encoding="utf-8")
    for _ in range(2):
        later = run_cli(str(inputs), "-o", str(out))
        assert later.returncode == 0, later.stderr
        assert "documents.csv" in later.stderr and "no longer match" in later.stderr
        assert len(pd.read_csv(out / "documents.csv")) == 1 < len(read_table(out, "documents"))
    # --csv refreshes them.
    refreshed = run_cli(str(inputs), "-o", str(out), "--csv")
    assert refreshed.returncode == 0 and "stale" not in refreshed.stderr
    assert sorted(pd.read_csv(out / "documents.csv").doc_id) == ["first", "second"]


def test_csv_is_written_before_the_run_lets_go_of_the_folder(tmp_path):
    """The export runs under the run's lock: its files name the run's own staging folder
    as where they were written, and a reader never meets a half-written CSV."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "000_6fb061e0297f36b6.txt", inputs / "first.txt")
    out = tmp_path / "out"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pipeline.batch import run, archive\n"
        "held = []\n"
        "real = run.write_csv\n"
        "def checked(a):\n"
        "    held.append(archive.run_alive(a.store))\n"
        "    return real(a)\n"
        "run.write_csv = checked\n"
        "result = run.run_batch([Path(sys.argv[1])], Path(sys.argv[2]), export_csv=True)\n"
        "assert held == [True] and len(result.csv) == 5, (held, result.csv)\n"
        "assert not archive.run_alive(archive.Store(sys.argv[2]))\n")
    checked = subprocess.run([sys.executable, "-c", script, str(inputs), str(out)],
                             capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stderr
    assert all((out / f"{name}.csv").exists() for name in TABLES)
