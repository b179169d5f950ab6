"""Isolation: a file that hangs, crashes or eats memory costs that file, not the batch.

The work done per file is injected through ``run_batch(process=...)``: each
function below really hangs, really kills its process or really allocates past
the worker's RLIMIT_AS, so the limits are tested as they act, without loading
the language models. Resume after ``kill -9`` runs the real CLI.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import RAW, REPO
from pipeline.batch.files import file_sha256
from pipeline.batch.run import InputFile, run_batch
from pipeline.tables import DOCUMENTS, TABLES, Rows, error_rows, read_table
from pipeline.batch.workers import Limits, WorkerPool, WorkerStartError, address_space_mb, death_message

# A worker is forked from this test process, so its address space starts where the
# process's stands (a whole suite's imports and models: gigabytes of it); the limit sits
# 1500 MB above that, so a file that eats memory is what meets it, not the fork itself.
TIMEOUT = 6  # seconds: long enough for the memory hog to reach its limit on a busy machine


def quick() -> Limits:
    return Limits(timeout=TIMEOUT, max_memory_mb=address_space_mb() + 1500)


def ok_rows(item: InputFile, text: str) -> Rows:
    row = {"doc_id": item.doc_id, "source": str(item.path), "sha256": file_sha256(item.path), "status": "ok",
           "n_chars": len(text), "error": None}
    return {DOCUMENTS: [row]} | {name: [] for name in TABLES if name != DOCUMENTS}


def misbehave(item: InputFile, out_dir: Path) -> tuple[Rows, int]:
    """Do what the file's name says: hang, segfault, exit, eat memory or read it."""
    name = item.path.stem
    if name.startswith("hang"):
        time.sleep(3600)
    elif name.startswith("segfault"):
        os.kill(os.getpid(), signal.SIGSEGV)
    elif name.startswith("exit"):
        os._exit(3)
    elif name.startswith("oom"):
        hog = []
        while True:  # real allocations, and used: past RLIMIT_AS (or a Dask worker's watch) it ends
            hog.append(b"\x01" * (250 * 2**20))
    elif name.startswith("bug"):
        raise ZeroDivisionError("деление на ноль")
    return ok_rows(item, item.path.read_text(encoding="utf-8")), 1


def make_inputs(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(f"Заявление {name}", encoding="utf-8")
    return folder


def statuses(out: Path) -> dict[str, tuple[str, str | None]]:
    documents = read_table(out, DOCUMENTS)
    return {row.doc_id: (row.status, None if pd.isna(row.error) else row.error)
            for row in documents.itertuples()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_misbehaving_file_is_its_own_error(tmp_path, jobs):
    names = ["good1", "hang", "good2", "segfault", "exit", "oom", "bug", "good3"]
    inputs = make_inputs(tmp_path / "in", names)
    limits = quick()
    result = run_batch([inputs], tmp_path / "out", jobs=jobs, limits=limits, process=misbehave)
    got = statuses(tmp_path / "out")
    assert set(got) == set(names)
    assert all(got[name] == ("ok", None) for name in ("good1", "good2", "good3"))
    assert got["hang"] == ("error", f"timed out after {TIMEOUT} s")
    assert got["segfault"] == ("error", f"worker crashed (signal {signal.SIGSEGV.value})")
    assert got["exit"] == ("error", "worker crashed (exit code 3)")
    assert got["oom"] == ("error", f"out of memory (limit {limits.max_memory_mb} MB)")
    assert got["bug"] == ("error", "internal error (ZeroDivisionError: деление на ноль)")
    assert (result.n_ok, result.n_failed) == (3, 5)


def read_or_refuse(item: InputFile, out_dir: Path) -> tuple[Rows, int]:
    """Read every file, as a fixed pipeline would; refuse those named bad (a bad input)."""
    if item.path.stem.startswith("bad"):
        return error_rows(item.doc_id, str(item.path), file_sha256(item.path),
                          f"{item.path}: не читается", "v"), 0
    return ok_rows(item, item.path.read_text(encoding="utf-8")), 1


def test_worker_failures_are_retried_but_bad_inputs_and_good_files_are_not(tmp_path):
    inputs = make_inputs(tmp_path / "in", ["good", "exit", "bad"])
    first = run_batch([inputs], tmp_path / "out", limits=quick(), process=misbehave)
    assert (first.n_ok, first.n_failed, first.n_skipped) == (2, 1, 0)  # bad reads fine here
    second = run_batch([inputs], tmp_path / "out", limits=quick(), process=read_or_refuse)
    assert (second.n_ok, second.n_failed, second.n_skipped) == (3, 0, 2)  # only exit redone
    third = run_batch([inputs], tmp_path / "out", limits=quick(), process=read_or_refuse, force=True)
    assert (third.n_ok, third.n_failed, third.n_skipped) == (2, 1, 0)
    fourth = run_batch([inputs], tmp_path / "out", limits=quick(), process=misbehave)
    assert (fourth.n_ok, fourth.n_failed, fourth.n_skipped) == (2, 1, 3)  # nothing redone


def test_rerun_with_nothing_to_do_loads_no_models_and_keeps_the_tables(tmp_path):
    """The second run, in a fresh process, imports neither natasha nor pandas."""
    inputs = make_inputs(tmp_path / "in", ["good1", "good2"])
    out = tmp_path / "out"
    first = run_batch([inputs], out, limits=quick(), process=read_or_refuse)
    assert first.n_ok == 2
    written = {p.name: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    probe = ("import sys; from pathlib import Path; from pipeline.batch.run import run_batch;"
             "r = run_batch([Path(sys.argv[1])], Path(sys.argv[2]));"
             "print(r.n_skipped, 'natasha' in sys.modules, 'pandas' in sys.modules)")
    rerun = subprocess.run([sys.executable, "-c", probe, str(inputs), str(out)], cwd=REPO,
                           capture_output=True, text=True, check=True)
    assert rerun.stdout.split() == ["2", "False", "False"]
    assert {p.name: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == written
    (inputs / "good3.txt").write_text("Новое заявление", encoding="utf-8")
    third = run_batch([inputs], out, limits=quick(), process=read_or_refuse)
    assert (third.n_ok, third.n_skipped) == (3, 2)
    assert sorted(read_table(out, DOCUMENTS).doc_id) == ["good1", "good2", "good3"]


def address_space_mb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmSize"))


def test_memory_too_low_for_startup_stops_the_batch(tmp_path):
    def load_big_model() -> None:
        bytearray(400 * 2**20)

    limit = address_space_mb() + 100  # a forked worker starts as big as this process
    with WorkerPool(1, len, initializer=load_big_model, limits=Limits(max_memory_mb=limit)) as pool:
        with pytest.raises(WorkerStartError, match="out of memory while loading models"):
            list(pool.map(["a"]))


def test_pool_returns_results_of_every_item():
    with WorkerPool(2, str.upper, limits=quick()) as pool:
        results = dict(pool.map(["задержан", "оштрафован", "арестован"]))
    assert results == {0: "ЗАДЕРЖАН", 1: "ОШТРАФОВАН", 2: "АРЕСТОВАН"}


def blas_threads(_item) -> int:
    import ctypes

    import numpy  # noqa: F401 - loads OpenBLAS

    with open("/proc/self/maps", encoding="utf-8") as maps:
        library = next(line.split()[-1] for line in maps if "openblas" in line.lower())
    handle = ctypes.CDLL(library)
    getter = next(getattr(handle, name) for name in ("openblas_get_num_threads", "openblas_get_num_threads64_",
                                                      "scipy_openblas_get_num_threads64_") if hasattr(handle, name))
    return getter()


def test_workers_run_blas_on_one_thread():
    with WorkerPool(2, blas_threads, limits=quick()) as pool:
        assert dict(pool.map(["a", "b"])) == {0: 1, 1: 1}


def test_death_messages():
    assert death_message(-signal.SIGKILL) == "worker crashed (signal 9)"
    assert death_message(1) == "worker crashed (exit code 1)"


def committed_documents(out: Path) -> int:
    """How many documents the archive's registry holds (committed ones only)."""
    from pipeline.batch.archive import load_registry, read_state
    from pipeline.batch.store import open_store

    store = open_store(out)
    state = read_state(store)
    return len(load_registry(store, state.generation).live()) if state else 0


def test_killed_batch_leaves_whole_tables_and_resumes(tmp_path):
    """kill -9 in mid-batch: tables stay whole, the rerun takes up where it stopped."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = (RAW / "000_6fb061e0297f36b6.txt").read_text(encoding="utf-8")
    for i in range(8):
        (inputs / f"statement_{i}.txt").write_text(f"Заявление № {i}.\n{seed}", encoding="utf-8")
    shutil.copy(RAW / "000_6fb061e0297f36b6.txt", inputs / "before.txt")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline.cli", "run", str(inputs), "-o", str(out), "-q"]
    # A first whole run over one file leaves tables that the killed run must not spoil.
    subprocess.run([*command[:4], str(inputs / "before.txt"), *command[5:]], cwd=REPO, check=True,
                   capture_output=True)
    # Parts of two documents, so that the batch commits as it goes.
    batch = subprocess.Popen([*command, "--part-size", "2"], cwd=REPO, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while committed_documents(out) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(batch.pid, signal.SIGKILL)
    batch.wait()
    done_before_kill = committed_documents(out) - 1
    assert 2 <= done_before_kill < 8, "the batch must be killed in its middle"
    # Whatever the tables hold, they are whole and agree with the texts.
    documents = read_table(out, DOCUMENTS)
    assert "before" in set(documents.doc_id) and len(documents) == done_before_kill + 1
    for name in TABLES:
        assert set(read_table(out, name).doc_id) <= set(documents.doc_id)

    rerun = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"9 files: 9 ok, 0 failed ({done_before_kill + 1} unchanged since the last run)" in rerun.stdout
    assert not list(out.rglob(".*.tmp"))
    assert not list((out / "_archive" / "staging").rglob("*.*"))
    assert sorted(read_table(out, DOCUMENTS).doc_id) == sorted(
        ["before", *(f"statement_{i}" for i in range(8))])


def test_a_fork_that_fails_leaves_the_parents_collector_unfrozen(monkeypatch):
    import errno
    import gc

    def no_fork():
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    frozen = gc.get_freeze_count()
    with WorkerPool(1, str.upper, limits=quick()) as pool:
        with pytest.raises(OSError, match="temporarily unavailable"):
            list(pool.map(["a"]))
    assert gc.get_freeze_count() == frozen


def sleep_and_say_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_with_nothing_left_an_idle_worker_ends_while_another_still_works():
    """The batch's tail: a worker with nothing left to take ends at once (its core is
    free for the parent's own work), not when the last file is done; every result still
    comes back."""
    others = set(_running_children())  # what the test session runs already (servers, Dask)
    with WorkerPool(2, sleep_and_say_pid, limits=quick()) as pool:
        results = pool.map([0.5, 3.0])  # both workers are up before the first item is done
        assert next(results)[0] == 0
        deadline = time.monotonic() + 2.5
        while len(set(_running_children()) - others) > 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        working = sorted(set(_running_children()) - others)
        assert len(working) == 1  # one ended (a zombie until reaped) while the other sleeps
        index, pid = next(results)
        assert index == 1 and pid == working[0]
        assert list(results) == []


def _running_children() -> list[int]:
    """This process's children that still run (a zombie, ended but not reaped, does not)."""
    pids = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        pids += [int(pid) for pid in (task / "children").read_text().split()]
    running = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            continue
        if state != "Z":
            running.append(pid)
    return running


@pytest.mark.parametrize("jobs, spare_core, items, when", [
    (1, True, [0.5, 0.5], "at once"),  # a core no worker takes: while the workers start their files
    (2, False, [0.0, 1.5], "at the tail"),  # every core taken: once a worker is left with nothing
    (1, False, [0.1, 0.1], "at the end"),  # no worker left before the last result: after it
], ids=["spare core", "tail", "end"])
def test_the_callers_preparation_takes_a_spare_core_or_waits_for_one(jobs, spare_core, items, when):
    called: list[int] = []  # the number of results handed back when started() ran
    got: list[int] = []
    with WorkerPool(jobs, sleep_and_say_pid, limits=quick()) as pool:
        for index, _ in pool.map(items, started=lambda: called.append(len(got)), spare_core=spare_core):
            got.append(index)
    assert len(called) == 1
    assert called[0] == {"at once": 0, "at the tail": 1, "at the end": len(items)}[when]
