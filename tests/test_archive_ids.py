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


# ---------------------------------------------------------------- what a result's reuse depends on

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A copy of the package and its models, to change files in without touching the repo."""
    copy = tmp_path / "checkout"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "pipeline", copy / "pipeline", ignore=ignore)
    shutil.copytree(REPO / "models", copy / "models", ignore=ignore)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text(TEXTS["x.txt"], encoding="utf-8")
    return copy


def run_copy(checkout: Path) -> str:
    """``testimony run in -o out`` with the copied package; its summary line."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "../in", "-o", "../out", "-q"],
                            cwd=checkout, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def append_space(path: Path) -> None:
    """Change a model's bytes, not its meaning (JSON and CSV allow a trailing newline)."""
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n")


# A file changed in the copy, and whether the file run before is redone.
CHANGED = [("models/link_names.json", False), ("pipeline/link/__init__.py", False),
           ("models/ner_surnames.json", True), ("pipeline/tag/__init__.py", True)]


@pytest.mark.parametrize("changed, redone", CHANGED, ids=[c[0] for c in CHANGED])
def test_only_a_change_to_the_stages_redoes_the_files(checkout, changed, redone):
    assert "1 ok" in run_copy(checkout)
    append_space(checkout / changed)
    again = run_copy(checkout)
    assert ("(0 unchanged" if redone else "(1 unchanged") in again, again


def test_the_fingerprint_covers_every_module_a_document_runs_through(tmp_path):
    """A module the stages import but the fingerprint leaves out would let a stale result stand."""
    (tmp_path / "x.txt").write_text(TEXTS["x.txt"], encoding="utf-8")
    script = (
        "import sys, pathlib\n"
        "from pipeline.batch.run import run_one, stage_files, InputFile, Staging\n"
        "from pipeline.batch.store import Store\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "store = Store(sys.argv[2])\n"
        "rows, _ = run_one(InputFile(path, 'x', str(path), str(path), None, None, None), Staging(store, store.root))\n"
        "assert rows['documents'][0]['status'] == 'ok', rows['documents'][0]\n"
        "used = {pathlib.Path(m.__file__).resolve() for n, m in sys.modules.items()\n"
        "        if n.startswith('pipeline.') and n.split('.')[1] != 'batch' and getattr(m, '__file__', None)}\n"
        "missing = sorted(str(p) for p in used - {p.resolve() for p in stage_files()})\n"
        "print('\\n'.join(missing))\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.txt"), str(tmp_path / "staging")],
                            capture_output=True, text=True, timeout=600, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"not fingerprinted: {result.stdout}"
