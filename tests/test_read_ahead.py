"""Reading the last files' text while the parent loads the models must change nothing.

``pipeline.batch.ahead.ReadAhead`` is a real process here, forked from the test; the
batch tests run the real CLI code in a fresh process. What it hands on must be what a
worker would have read itself, a file it could not read must be left to the worker
(whose error row then says why), and it must be gone, with its folder, when the batch
goes on.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import RAW, REPO
from pipeline.batch.ahead import ReadAhead, load_extracted, readable_ahead
from pipeline.batch.files import file_sha256
from pipeline.batch.run import InputFile, Staging, reads_ahead, run_one, usable_cores
from pipeline.batch.store import open_store
from pipeline.extract import extract
from test_batch_startup import assert_same_output

FORKS = pytest.mark.skipif(os.name != "posix", reason="the read-ahead is forked")


def item(path: Path, name: str | None = None, **changes) -> InputFile:
    """An input as the batch's plan gives it."""
    path = Path(path)
    return InputFile(path, name or path.stem, str(path), str(path), file_sha256(path), path.stat().st_size,
                     **changes)


def wait_for(condition, seconds: float = 300.0) -> None:
    """Until ``condition()`` holds (the read-ahead runs at a low priority: on a busy
    machine it may take a while)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the read-ahead finished nothing in time"
        time.sleep(0.05)


def pickles(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.pickle")}


@FORKS
def test_what_is_read_ahead_is_what_the_worker_would_read(tmp_path):
    """Every readable file from ``first`` on, back to front; a damaged one, a refused
    one and those before ``first`` are left to the workers."""
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    files = sorted(RAW.iterdir())
    todo = [item(files[0]), *map(item, files[1:]), item(damaged),
            item(files[0], "refused", refused="a symbolic link out of its folder")]
    with ReadAhead(todo, 1, None, 3000) as ahead:
        readable = len(files) - 1  # from index 1 on, the damaged and the refused file apart
        wait_for(lambda: len(pickles(ahead.folder)) == readable and ahead.process.exitcode is not None)
        given = ahead.stop()
        assert [i for i, found in enumerate(given) if found.extracted] == list(range(1, len(files)))
        for found, original in zip(given, todo):
            assert dataclasses.replace(found, extracted=None) == original
            if found.extracted:
                assert load_extracted(found.extracted) == extract(found.path, found.doc_id, ocr=True,
                                                                  sha256=found.sha256)
        folder = ahead.folder
    assert not folder.exists()


@FORKS
def test_a_worker_takes_the_text_read_ahead_instead_of_reading_the_file(tmp_path):
    """The worker's rows come from the pickle it is given (here, on purpose, another
    statement's text under this file's name), and are a worker's own rows when that
    is the file's own text."""
    (tmp_path / "out").mkdir()
    store = open_store(tmp_path / "out")
    staging = Staging(store, store.root)
    short, long = sorted(RAW.glob("*.txt"), key=lambda p: p.stat().st_size)
    other = tmp_path / "other.pickle"
    other.write_bytes(pickle.dumps(extract(long, short.stem, sha256=file_sha256(short))))
    own = tmp_path / "own.pickle"
    own.write_bytes(pickle.dumps(extract(short, short.stem, sha256=file_sha256(short))))

    def rows(extracted: str | None) -> dict:
        found, _ = run_one(item(short, extracted=extracted), staging)
        return found

    read_by_itself = rows(None)
    assert rows(str(own)) == read_by_itself
    assert rows(str(tmp_path / "gone.pickle")) == read_by_itself  # nothing there: read as ever
    swapped = rows(str(other))
    assert len(swapped["sentences"]) > len(read_by_itself["sentences"])


@FORKS
def test_stopping_kills_it_wherever_it_is(tmp_path):
    """Told to stop in the middle of a long list, it is killed at once: what it
    finished is handed on, the rest is not, and its process is gone."""
    pdf = max(RAW.glob("*.pdf"), key=lambda p: p.stat().st_size)
    todo = [item(pdf, f"copy-{n}") for n in range(2000)]
    ahead = ReadAhead(todo, 0, None, None)
    with ahead:
        wait_for(lambda: len(pickles(ahead.folder)) >= 1)
        started = time.monotonic()
        given = ahead.stop()
        assert time.monotonic() - started < 5
        assert ahead.process.exitcode == -9
        done = [found for found in given if found.extracted]
        assert 1 <= len(done) < len(todo)
        assert all(Path(found.extracted).exists() for found in done)
    with pytest.raises(ProcessLookupError):
        os.kill(ahead.process.pid, 0)


@FORKS
def test_under_its_memory_limit_a_file_too_large_is_left_to_its_worker(tmp_path):
    """The workers' memory limit holds for it too (here far below what the process holds
    already, so that nothing new can be mapped): a file that needs more is left to its
    worker (which reports the limit the usual way), and it goes on to the next."""
    large = tmp_path / "large.txt"
    large.write_bytes(sorted(RAW.glob("*.txt"))[0].read_bytes() * 8000)  # ~50 MB
    todo = [item(path) for path in sorted(RAW.iterdir())] + [item(large)]
    with ReadAhead(todo, 0, None, 64) as ahead:
        ahead.process.join(timeout=300)
        assert ahead.process.exitcode == 0  # it ended by itself, not by a crash
        given = ahead.stop()
        assert given[-1] == todo[-1] and given[-1].extracted is None
        for found in given[:-1]:  # what still fitted, if anything, is as a worker reads it
            assert found.extracted is None or load_extracted(found.extracted) == extract(
                found.path, found.doc_id, ocr=True, sha256=found.sha256)


def test_a_damaged_or_missing_pickle_is_read_as_none(tmp_path):
    whole = tmp_path / "whole.pickle"
    whole.write_bytes(pickle.dumps(extract(sorted(RAW.glob("*.txt"))[0], "x")))
    cut = tmp_path / "cut.pickle"
    cut.write_bytes(whole.read_bytes()[:40])
    assert load_extracted(str(whole)).doc_id == "x"
    assert load_extracted(str(cut)) is None
    assert load_extracted(str(tmp_path / "missing.pickle")) is None
    assert load_extracted(None) is None


# (what the item is, whether it is read ahead)
READABLE = [({}, True), ({"refused": "a symbolic link out of its folder"}, False),
            ({"sha256": None}, False), ({"path": "s3://bucket/statement.pdf"}, False)]


@pytest.mark.parametrize("changes, readable", READABLE, ids=["local", "refused", "unreadable", "url"])
def test_which_files_are_read_ahead(changes, readable):
    assert readable_ahead(dataclasses.replace(item(sorted(RAW.iterdir())[0]), **changes)) is readable


# (files, jobs, cores, read ahead?)
WHEN = [(24, 2, 2, True), (24, 4, 8, True), (24, 1, 2, False), (2, 2, 2, False), (3, 2, 1, False)]


@pytest.mark.parametrize("n_files, jobs, cores, expected", WHEN)
def test_it_runs_only_where_a_core_would_idle_and_files_are_left(n_files, jobs, cores, expected):
    if cores > usable_cores():
        pytest.skip(f"this machine has {usable_cores()} usable cores")
    affinity = os.sched_getaffinity(0)
    os.sched_setaffinity(0, sorted(affinity)[:cores])
    try:
        assert reads_ahead(n_files, jobs) is expected
    finally:
        os.sched_setaffinity(0, affinity)


# A batch as a library call in a fresh process whose parent waits, before it imports the
# stages and loads the models, until the read-ahead has finished N files (so that it
# surely has, however busy the machine); an audit hook in the workers logs each text
# they are handed read ahead.
READ_AHEAD_BATCH = """
import glob, os, sys, tempfile, time
log, wanted = sys.argv[3], int(sys.argv[4])
def hook(event, args):
    if event == "open" and "testimony-read-ahead-" in str(args[0]) and str(args[0]).endswith(".pickle"):
        with open(log, "a") as f:
            f.write(os.path.basename(str(args[0])) + "\\n")
sys.addaudithook(hook)
from pipeline.batch import run
original = run.import_stages
def import_stages():
    deadline = time.monotonic() + 300
    while (len(glob.glob(os.path.join(tempfile.gettempdir(), "testimony-read-ahead-*", "*.pickle"))) < wanted
           and time.monotonic() < deadline):
        time.sleep(0.05)
    original()
run.import_stages = import_stages
result = run.run_batch([sys.argv[1]], sys.argv[2], jobs=2)
assert result.n_failed == 0, result.failures
left = glob.glob(os.path.join(tempfile.gettempdir(), "testimony-read-ahead-*"))
assert not left, left
"""


@FORKS
@pytest.mark.skipif(usable_cores() < 2, reason="the read-ahead takes a spare core")
def test_a_batch_with_files_read_ahead_writes_what_any_other_writes(sample_out, tmp_path):
    """data/raw with two jobs: the workers take the PDFs (the largest) first, and the two
    texts are read ahead; tables and texts are those of a run in one worker."""
    log, temp = tmp_path / "read_ahead.log", tmp_path / "tmp"
    log.touch()
    temp.mkdir()
    result = subprocess.run([sys.executable, "-c", READ_AHEAD_BATCH, str(RAW), str(tmp_path / "out"), str(log), "2"],
                            cwd=REPO, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr
    assert sorted(log.read_text().split()) == ["2.pickle", "3.pickle"]
    assert_same_output(tmp_path / "out", sample_out)
