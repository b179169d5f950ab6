"""Moved, copied and unreadable files keep or get their own doc_id, with the real stages
and the real command: every file given is one row of the documents table."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.run import run_batch
from pipeline.batch.workers import Limits
from pipeline.tables import DOCUMENTS, read_table

HERE = Limits(timeout=None, max_memory_mb=None)
TEXTS = {"x.txt": "12 марта 2024 года в Москве задержан Иван Петров.",
         "y.txt": "Суд назначил Анне Смирновой штраф 10 000 рублей."}


def run(paths, out: Path):
    return run_batch([Path(p) for p in paths], out, limits=HERE)


def documents(out: Path) -> dict[str, str]:
    """Each document's source (relative to the test folder) by doc_id."""
    frame = read_table(out, DOCUMENTS)
    return {d: (Path(s).relative_to(out.parent) if Path(s).is_absolute() else Path(s)).as_posix()
            for d, s in zip(frame.doc_id, frame.source)}


def unreadable(path: Path) -> Path:
    """A file whose bytes cannot be read, whoever runs the tests (root reads a chmod 000
    file): a link to /proc/self/mem, which fails with EIO at offset 0."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to("/proc/self/mem")
    return path


# How the file a/x.txt is moved or copied between the first and second run, the folders
# given the second time, and how many rows the documents table must then hold.
CHANGES = [
    ("moved", lambda t: (t / "b").mkdir() or os.rename(t / "a/x.txt", t / "b/x.txt"), ["a", "b"], 2),
    ("moved and copied", lambda t: ((t / "b").mkdir(), (t / "c").mkdir(), os.rename(t / "a/x.txt", t / "b/x.txt"),
                                    shutil.copy(t / "b/x.txt", t / "c/z.txt")), ["a", "b", "c"], 3),
    ("moved and copied with its times", lambda t: ((t / "b").mkdir(), (t / "c").mkdir(),
                                                   shutil.copy2(t / "a/x.txt", t / "c/z.txt"),
                                                   os.rename(t / "a/x.txt", t / "b/x.txt")), ["a", "b", "c"], 3),
    ("two copies, the original gone", lambda t: ((t / "b").mkdir(), shutil.copy(t / "a/x.txt", t / "b/one.txt"),
                                                 shutil.copy(t / "a/x.txt", t / "b/two.txt"),
                                                 os.remove(t / "a/x.txt")), ["a", "b"], 3),
]


@pytest.mark.parametrize("change, given, n_rows", [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES])
def test_every_file_given_is_one_document_and_a_moved_one_keeps_its_id(tmp_path, change, given, n_rows):
    for name, text in TEXTS.items():
        (tmp_path / "a").mkdir(exist_ok=True)
        (tmp_path / "a" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run([tmp_path / "a"], out)
    change(tmp_path)
    second = run([tmp_path / g for g in given], out)
    assert (second.n_files, second.n_ok) == (n_rows, n_rows)
    after = documents(out)
    assert len(after) == n_rows, after
    assert after["y"] == "a/y.txt"
    # The id x went to one file with x's content, and its source is where that file is now.
    assert (tmp_path / after["x"]).read_text(encoding="utf-8") == TEXTS["x.txt"]
    if (tmp_path / "b/x.txt").exists():
        assert after["x"] == "b/x.txt", "the moved file, not its copy, keeps the id"
    third = run([tmp_path / g for g in given], out)
    assert third.n_skipped == n_rows and documents(out) == after  # no id flips on a later run


def test_the_command_counts_a_moved_and_a_copied_file_and_the_tables_agree(tmp_path):
    a = tmp_path / "a"
    a.mkdir()
    for name, text in TEXTS.items():
        (a / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"

    def cli(*folders: str) -> str:
        result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *folders, "-o", str(out), "-q"],
                                cwd=tmp_path, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        return result.stdout

    cli("a")
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    os.rename(a / "x.txt", tmp_path / "b/x.txt")
    shutil.copy(tmp_path / "b/x.txt", tmp_path / "c/z.txt")
    assert "3 files: 3 ok" in cli("a", "b", "c")
    after = documents(out)
    assert sorted(after.values()) == ["a/y.txt", "b/x.txt", "c/z.txt"] and after["x"] == "b/x.txt"
    cli("a", "b", "c")
    assert documents(out) == after


def test_an_unreadable_file_takes_no_other_documents_id(tmp_path):
    """Two unreadable files have no content to match: the second is not the first moved."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/y.txt").write_text(TEXTS["y.txt"], encoding="utf-8")
    unreadable(tmp_path / "a/first.txt")
    out = tmp_path / "out"
    first = run([tmp_path / "a"], out)
    assert (first.n_ok, first.n_failed) == (1, 1)
    os.remove(tmp_path / "a/first.txt")
    unreadable(tmp_path / "b/second.txt")
    second = run([tmp_path / "a", tmp_path / "b"], out)
    assert second.n_failed == 1
    after = documents(out)
    assert after["second"] == "b/second.txt" and after["y"] == "a/y.txt"
