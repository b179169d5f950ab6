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
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import RAW, REPO
from pipeline.batch import ahead as ahead_module
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
        # a pickle named for every file it may read (from ``first`` on, the refused one apart);
        # there for each it read, not for the damaged one, whose worker reads it and says why
        assert [i for i, found in enumerate(given) if found.extracted] == list(range(1, len(todo) - 1))
        assert [i for i, found in enumerate(given) if load_extracted(found.extracted)] == list(range(1, len(files)))
        for found, original in zip(given, todo):
            assert dataclasses.replace(found, extracted=None) == original
            if load_extracted(found.extracted):
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


def catches(pid: int, signum: int) -> bool:
    """Whether process ``pid`` has a handler for ``signum`` (Linux's /proc)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        caught = next(int(line.split()[1], 16) for line in status if line.startswith("SigCgt:"))
    return bool(caught >> (signum - 1) & 1)


LINUX = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")


@FORKS
@LINUX
def test_told_to_stop_it_finishes_the_file_it_is_reading_and_begins_no_other(tmp_path):
    """Told to stop in the middle of a long list, it does not wait to be killed and
    lose what it half read: it finishes the file it is on (at most one more, had it
    begun the next before the signal), writes it, and ends by itself; the files it
    wrote are whole and are what a worker reads."""
    pdf = max(RAW.glob("*.pdf"), key=lambda p: p.stat().st_size)
    todo = [item(pdf, f"copy-{n}") for n in range(2000)]
    with ReadAhead(todo, 0, None, None) as ahead:
        wait_for(lambda: len(pickles(ahead.folder)) >= 1 and catches(ahead.process.pid, ahead_module.STOP_SIGNAL))
        before = len(pickles(ahead.folder))
        started = time.monotonic()
        given = ahead.stop()
        assert time.monotonic() - started < 5  # the workers are not kept waiting
        assert all(found.extracted for found in given)  # every one of them it may read
        ahead.process.join(timeout=300)
        assert ahead.process.exitcode == 0  # it ended by itself
        done = pickles(ahead.folder)
        assert before <= len(done) <= before + 2, (before, len(done))
        assert done == {f"{n}.pickle" for n in range(len(todo) - len(done), len(todo))}  # the last ones, no gap
        assert not list(ahead.folder.glob("*.partial"))
        assert load_extracted(given[-1].extracted) == extract(pdf, "copy-1999", ocr=True, sha256=given[-1].sha256)
        assert load_extracted(given[0].extracted) is None  # never read: its worker reads it
    with pytest.raises(ProcessLookupError):
        os.kill(ahead.process.pid, 0)


@FORKS
@LINUX
def test_a_file_it_cannot_finish_in_time_once_told_to_stop_ends_it(tmp_path, monkeypatch):
    """It may go on with its file for FINISHING_SECONDS after the signal, no longer (a
    scan under OCR may take minutes): here a text file that takes seconds to read and a
    limit of one second. It ends with its process group (a Tesseract it started too),
    and the file is left to its worker."""
    large = tmp_path / "large.txt"
    large.write_bytes(sorted(RAW.glob("*.txt"))[0].read_bytes() * 8000)  # ~50 MB: ~10 s to read
    monkeypatch.setattr(ahead_module, "FINISHING_SECONDS", 1)  # the forked process's value
    with ReadAhead([item(large)], 0, None, None) as ahead:
        wait_for(lambda: catches(ahead.process.pid, ahead_module.STOP_SIGNAL))
        time.sleep(0.2)  # into the file
        started = time.monotonic()
        given = ahead.stop()
        ahead.process.join(timeout=60)
        assert ahead.process.exitcode == -signal.SIGKILL  # by itself, with its group: not by the test
        assert time.monotonic() - started < 30
        assert load_extracted(given[0].extracted) is None
    assert not ahead.folder.exists()


def group_members(pgid: int) -> list[tuple[int, str]]:
    """The live processes of process group ``pgid``, with their names (Linux's /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:  # gone meanwhile
            continue
        name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] != "Z":  # (state, parent, group, ...); a zombie is dead
            members.append((int(entry.name), name))
    return members


def blocked_in_native_code(seconds: int):
    """A reader that first spends ``seconds`` in one native call, then reads the file: the
    C library's ``system()`` waiting for ``sleep``, whose wait is resumed when a signal
    comes, so no Python handler of the process runs until it returns (as in a page that
    PDFium takes minutes over)."""

    def read(path, doc_id, **options):
        os.system(f"sleep {seconds}")
        return extract(path, doc_id, **options)

    return read


@FORKS
@LINUX
@pytest.mark.parametrize("finishing", [1, 2])
def test_its_time_limit_holds_while_the_reader_is_inside_a_long_native_call(tmp_path, monkeypatch, finishing):
    """Told to stop while its reader is 60 s into one native call, the read-ahead ends
    with its whole group (the reader, the ``sleep`` it started) FINISHING_SECONDS later,
    not when the call returns; the file, not read ahead, is read by its worker: its rows
    are those of a batch that read nothing ahead."""
    text = sorted(RAW.glob("*.txt"))[0]
    (tmp_path / "out").mkdir()
    store = open_store(tmp_path / "out")
    staging = Staging(store, store.root)
    monkeypatch.setattr(ahead_module, "FINISHING_SECONDS", finishing)  # the forked process's value
    with ReadAhead([item(text)], 0, None, None, read=blocked_in_native_code(60)) as ahead:
        group = ahead.process.pid
        wait_for(lambda: any(name == "sleep" for _, name in group_members(group)))
        started = time.monotonic()
        given = ahead.stop()
        ahead.process.join(timeout=finishing + 10)
        elapsed = time.monotonic() - started
        assert ahead.process.exitcode == -signal.SIGKILL, f"still running {elapsed:.0f} s after the word to stop"
        assert finishing - 0.5 < elapsed < finishing + 5
        wait_for(lambda: not group_members(group), seconds=5)  # the sleep it started is gone too
        assert load_extracted(given[0].extracted) is None
    rows, n_pages = run_one(given[0], staging)
    assert (rows, n_pages) == run_one(item(text), staging)
    assert len(rows["sentences"]) > 10


@FORKS
def test_leaving_the_batch_kills_it_wherever_it_is(tmp_path):
    """When the batch ends (or fails) while it is still reading, it is killed at once,
    with its folder."""
    pdf = max(RAW.glob("*.pdf"), key=lambda p: p.stat().st_size)
    todo = [item(pdf, f"copy-{n}") for n in range(2000)]
    ahead = ReadAhead(todo, 0, None, None)
    with ahead:
        wait_for(lambda: len(pickles(ahead.folder)) >= 1)
        started = time.monotonic()
    assert time.monotonic() - started < 5
    assert ahead.process.exitcode == -9
    assert not ahead.folder.exists()
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
        assert dataclasses.replace(given[-1], extracted=None) == todo[-1]
        assert load_extracted(given[-1].extracted) is None
        # Three of the four sample files still fit under 64 MB: it did go on past the large
        # one (a test that passes when nothing was read ahead proves nothing), and what it
        # read is as a worker reads it.
        assert [found for found in given[:-1] if load_extracted(found.extracted)], "it read nothing after the large file"
        for found in given[:-1]:
            assert load_extracted(found.extracted) in (None, extract(
                found.path, found.doc_id, ocr=True, sha256=found.sha256))


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
    if event == "open" and "read-ahead" in str(args[0]) and str(args[0]).endswith(".pickle"):
        with open(log, "a") as f:
            f.write(os.path.basename(str(args[0])) + "\\n")
sys.addaudithook(hook)
from pipeline.batch import run
original = run.import_stages
read_ahead = os.path.join(sys.argv[2], "_archive", "staging", "*", "read-ahead")
def import_stages():
    deadline = time.monotonic() + 300
    while len(glob.glob(os.path.join(read_ahead, "*.pickle"))) < wanted and time.monotonic() < deadline:
        time.sleep(0.05)
    original()
run.import_stages = import_stages
result = run.run_batch([sys.argv[1]], sys.argv[2], jobs=2)
assert result.n_failed == 0, result.failures
left = glob.glob(read_ahead) + glob.glob(os.path.join(tempfile.gettempdir(), "testimony-*"))
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


# ---------------------------------------------------------------- a batch killed outright

def console(*args: str, tmp: Path) -> subprocess.Popen:
    """``testimony run ARGS`` as a scheduler starts it, its temporary directory ``tmp``."""
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", *args, "-q"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(tmp)})


def read_ahead_pickles(*folders: Path) -> list[str]:
    """Every text read ahead under ``folders`` (walked while a run changes them)."""
    return [os.path.join(top, name) for folder in folders for top, _, names in os.walk(folder)
            if "read-ahead" in top for name in names if name.endswith(".pickle")]


def scratch_left(tmp: Path) -> list[str]:
    return sorted(name for name in os.listdir(tmp) if name.startswith("testimony-"))


def twelve_files(folder: Path) -> list[Path]:
    """Three copies of each sample file: the two PDFs go to the workers first, the texts
    are read ahead."""
    folder.mkdir()
    files = []
    for n in range(3):
        for path in sorted(RAW.iterdir()):
            copy = folder / f"{path.stem}-{n}{path.suffix}"
            copy.write_bytes(path.read_bytes())
            files.append(copy)
    return files


# (how the batch is stopped): SIGTERM is how schedulers stop a job; SIGKILL leaves no
# process any say. Before the fix each left TMPDIR/testimony-read-ahead-* with the
# texts it had read.
KILLS = [signal.SIGTERM, signal.SIGKILL]


@FORKS
@pytest.mark.skipif(usable_cores() < 2, reason="the read-ahead takes a spare core")
@pytest.mark.parametrize("how", KILLS, ids=lambda how: how.name)
def test_a_batch_killed_while_reading_ahead_leaves_no_text_behind_once_rerun(tmp_path, how):
    """``testimony run <12 files> -j 2`` killed once its read-ahead has written a text:
    nothing of it is in the temporary directory, what it left in the archive's staging
    is gone after the rerun, and the rerun's tables are complete."""
    files, out, tmp = twelve_files(tmp_path / "in"), tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    batch = console(*map(str, files), "-j", "2", "-o", str(out), tmp=tmp)
    try:
        deadline = time.monotonic() + 300
        while not read_ahead_pickles(tmp, out) and batch.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert batch.poll() is None, "the batch ended before anything was seen read ahead"
        assert read_ahead_pickles(tmp, out), "nothing was read ahead in time"
        batch.send_signal(how)
        batch.communicate(timeout=60)
    finally:
        if batch.poll() is None:
            batch.kill()
            batch.communicate()
    assert batch.returncode == -how
    assert not read_ahead_pickles(tmp), "the texts read ahead went to the temporary directory"
    rerun = console(*map(str, files), "-j", "2", "-o", str(out), tmp=tmp)
    stdout, stderr = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, stderr
    assert scratch_left(tmp) == []
    assert read_ahead_pickles(tmp, out) == []
    assert [p for p in (out / "_archive" / "staging").rglob("*")] == []
    from pipeline.tables import read_tables

    documents = read_tables(out)["documents"]
    assert sorted(documents["source"]) == sorted(map(str, files))
    assert set(documents["status"]) == {"ok"}
    assert len(list((out / "texts").glob("*.raw.txt"))) == len(files)


# A process that makes a folder in the temporary directory as a batch of this version
# names its scratch folders (testimony-KIND-PID-...), writes into it, says where, and waits.
MAKES_A_FOLDER = """
import os, sys, tempfile, time
folder = tempfile.mkdtemp(prefix=f"testimony-{sys.argv[1]}-{os.getpid()}-")
with open(os.path.join(folder, "0.pickle"), "wb") as f:
    f.write("Задержан Иванов".encode())
print(folder, flush=True)
time.sleep(600)
"""

# (kind of folder, whether its owner is killed before the next batch, whether the next
# batch removes it): a dead owner's folder goes, a living one's stays.
STALE = [("read-ahead", True, True), ("warm-up", True, True), ("read-ahead", False, False),
         ("warm-up", False, False)]


@pytest.mark.skipif(os.name != "posix", reason="pids and signals")
@pytest.mark.parametrize("kind, killed, swept", STALE)
def test_the_next_batch_removes_what_a_killed_batch_left_in_the_temporary_directory(tmp_path, kind, killed, swept):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    owner = subprocess.Popen([sys.executable, "-c", MAKES_A_FOLDER, kind], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "TMPDIR": str(tmp)})
    try:
        folder = Path(owner.stdout.readline().strip())
        assert folder.parent == tmp and (folder / "0.pickle").exists()
        if killed:
            owner.send_signal(signal.SIGKILL)
            owner.wait(timeout=60)
        batch = console(str(sorted(RAW.glob("*.txt"))[0]), "-o", str(tmp_path / "out"), tmp=tmp)
        _, stderr = batch.communicate(timeout=900)
        assert batch.returncode == 0, stderr
        assert folder.exists() is not swept
        assert scratch_left(tmp) == ([] if swept else [folder.name])
    finally:
        owner.kill()
        owner.wait()
        owner.stdout.close()


def test_the_word_to_stop_passed_on_to_a_reader_already_reaped_is_no_error():
    # The word to stop can reach the read-ahead process after its wait has reaped the
    # reader: passing it on must not raise inside the signal's handler.
    child = os.fork()
    if child == 0:
        os._exit(0)
    os.waitpid(child, 0)  # reaped: no process has its number now
    ahead_module._pass_on(child, ahead_module.STOP_SIGNAL)


def test_the_word_to_stop_passed_on_reaches_a_living_reader():
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        signal.signal(ahead_module.STOP_SIGNAL, lambda *_: os._exit(7))
        os.close(read)
        os.write(write, b"x")  # the handler is set
        time.sleep(30)
        os._exit(0)
    os.close(write)
    os.read(read, 1)
    ahead_module._pass_on(child, ahead_module.STOP_SIGNAL)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 7
