"""The batch on a real Dask cluster: the same rows as a local run, limits that hold, lost workers.

A ``LocalCluster`` of two worker processes (``--cluster local:2``) runs the samples
and the hostile folder, and must give exactly the local run's tables; a
``dask scheduler`` and two ``dask worker`` processes started here on loopback run a
batch while one worker is killed by its pid. Skipped, saying so, where Dask is not
installed (it is the ``dask`` extra; ``make test`` installs it).
"""

from __future__ import annotations

import json
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
from pipeline.batch.archive import load_registry, read_state
from pipeline.batch.run import run_batch
from pipeline.batch.store import open_store
from pipeline.batch.workers import Limits
from pipeline.tables import DOCUMENTS, TABLES, read_table, read_tables

distributed = pytest.importorskip("distributed", reason="Dask is the dask extra: pip install 'testimony[dask]'")

QUICK = Limits(timeout=30, max_memory_mb=1500)  # generous: the machine may be busy


def cli(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *args, "-q"], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout)


def sorted_tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every table, rows in a fixed order: parts arrive in any order on a cluster."""
    frames = read_tables(out)
    keys = {"documents": ["doc_id"], "sentences": ["doc_id", "sent_id"], "mentions": ["doc_id", "mention_id"],
            "events": ["doc_id", "event_id"], "event_arguments": ["doc_id", "event_id", "role", "mention_id"]}
    return {name: frames[name].sort_values(keys[name]).reset_index(drop=True) for name in TABLES}


def assert_same_tables(out: Path, expected: Path) -> None:
    found, wanted = sorted_tables(out), sorted_tables(expected)
    for name in TABLES:
        assert len(found[name]) == len(wanted[name]), name
        pd.testing.assert_frame_equal(found[name], wanted[name], obj=name)
    for text in (expected / "texts").iterdir():
        assert (out / "texts" / text.name).read_bytes() == text.read_bytes(), text.name


def test_local_cluster_gives_the_local_runs_rows_on_the_samples(sample_out, tmp_path):
    out = tmp_path / "out"
    result = cli(str(RAW), "-o", str(out), "--cluster", "local:2")
    assert result.returncode == 0, result.stderr
    n = len([p for p in RAW.iterdir() if not p.name.startswith(".")])
    assert f"{n} files: {n} ok, 0 failed" in result.stdout
    assert_same_tables(out, sample_out)


def test_local_cluster_gives_the_local_runs_rows_on_hostile_inputs(hostile_run, tmp_path):
    expect, local, local_out = hostile_run
    out = tmp_path / "out"
    result = cli(str(local_out.parent / "in"), "-o", str(out), "--cluster", "local:2")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == local.stdout.replace(str(local_out), str(out))
    assert_same_tables(out, local_out)


def misbehave(item, staging):
    from test_workers import misbehave as local_misbehave

    return local_misbehave(item, staging)


def test_limits_hold_on_dask_workers_and_the_batch_goes_on(tmp_path):
    """A file that hangs and one that eats memory end their Dask workers; each is its error
    row, fresh workers take over and the good files all finish. (A worker that dies
    outright is the next test's.)"""
    from test_workers import make_inputs

    names = ["good1", "hang", "good2", "oom", "bug", "good3"]
    inputs = make_inputs(tmp_path / "in", names)
    out = tmp_path / "out"
    result = run_batch([inputs], out, limits=QUICK, process=misbehave, cluster="local:2", part_documents=1)
    documents = read_table(out, DOCUMENTS).set_index("doc_id")
    assert sorted(documents.index) == sorted(names)
    assert (result.n_ok, result.n_failed) == (3, 3)
    assert documents.loc["hang", "error"] == f"timed out after {QUICK.timeout:g} s"
    assert documents.loc["oom", "error"] == "out of memory (limit 1500 MB)"
    assert documents.loc["bug", "error"] == "internal error (ZeroDivisionError: деление на ноль)"
    # Worker failures are tried again by the next run; the good files are not.
    again = run_batch([inputs], out, limits=QUICK, process=misbehave, cluster="local:2")
    assert (again.n_skipped, again.n_failed) == (3, 3)  # the good ones; a bug is tried again too


def test_inputs_and_output_as_fsspec_urls(tmp_path):
    from test_archive import fake_stages, write

    inputs = write(tmp_path / "in", {"a.txt": "Заявление А.", "sub/b.txt": "Заявление Б.\nЗадержан."})
    url = f"file://{tmp_path / 'out'}"
    result = run_batch([f"file://{inputs}"], url, limits=Limits(30, None), process=fake_stages, cluster="local:1")
    assert (result.n_files, result.n_ok) == (2, 2), result.failures
    documents = read_table(url, DOCUMENTS)
    assert sorted(documents.doc_id) == ["a", "b"]
    assert set(documents.source) == {f"file://{inputs}/a.txt", f"file://{inputs}/sub/b.txt"}
    assert (tmp_path / "out" / "texts" / "b.txt").read_text(encoding="utf-8") == "Заявление Б.\nЗадержан."


# ---------------------------------------------------------------- a scheduler and workers as processes


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def scheduler(tmp_path):
    """``dask scheduler`` and two ``dask worker`` processes on loopback, as an operator starts them."""
    dask = Path(sys.executable).with_name("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    started = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                 "--no-dashboard"], stdout=open(logs / "scheduler.log", "w"),
                                stderr=subprocess.STDOUT, start_new_session=True)]
    for i in range(2):
        started.append(subprocess.Popen([str(dask), "worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                                         "--no-dashboard", "--memory-limit", "0", "--name", f"w{i}"],
                                        stdout=open(logs / f"worker{i}.log", "w"), stderr=subprocess.STDOUT,
                                        start_new_session=True, cwd=REPO))
    try:
        with distributed.Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in started:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def committed(out: Path) -> int:
    store = open_store(out)
    state = read_state(store)
    return len(load_registry(store, state.generation).live()) if state else 0


def test_a_worker_killed_mid_batch_and_every_file_is_still_accounted_for(scheduler, tmp_path):
    seed = (RAW / "000_6fb061e0297f36b6.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(24):
        (inputs / f"statement_{i:02d}.txt").write_text(f"Заявление № {i}.\n" + "\n".join(paragraphs[i % 3:]),
                                                       encoding="utf-8")
    out = tmp_path / "out"
    batch = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "-o", str(out), "-q",
                              "--cluster", scheduler, "--part-size", "2"], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 600
    while committed(out) < 2 and time.monotonic() < deadline and batch.poll() is None:
        time.sleep(0.1)
    with distributed.Client(scheduler, timeout="30s") as client:
        pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    done_at_kill = committed(out)
    stdout, stderr = batch.communicate(timeout=900)
    assert done_at_kill < 24, "the worker must be killed in the middle of the batch"
    assert batch.returncode in (0, 1), stderr
    documents = read_table(out, DOCUMENTS)
    assert sorted(documents.doc_id) == [f"statement_{i:02d}" for i in range(24)]
    failed = documents[documents.status != "ok"]
    assert f"24 files: {24 - len(failed)} ok, {len(failed)} failed" in stdout
    # The rerun adds only what was missing: the files whose worker was lost, if any.
    rerun = cli(str(inputs), "-o", str(out), "--cluster", scheduler)
    assert rerun.returncode == 0, rerun.stderr
    assert f"24 files: 24 ok, 0 failed ({24 - len(failed)} unchanged since the last run)" in rerun.stdout
    assert set(read_table(out, DOCUMENTS).status) == {"ok"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_a_worker_flushes_its_staged_files_before_it_writes_the_chunks_result(tmp_path, monkeypatch):
    """The client's flush before its journal reaches only its own machine: a worker on
    another one flushes its part and texts itself before result.json reports them done."""
    import ctypes

    from pipeline.batch.cluster import RESULT, run_chunk
    from pipeline.batch.run import InputFile, Staging
    from pipeline.batch.store import Store
    from test_archive import fake_stages, write

    inputs = write(tmp_path / "in", {"a.txt": "Заявление А.", "b.txt": "Заявление Б.\nЗадержан."})
    events: list[str] = []
    real_cdll, real_replace = ctypes.CDLL, os.replace

    class Libc:  # the C library, its syncfs noted
        def __init__(self, *args, **kwargs):
            self._libc = real_cdll(*args, **kwargs)

        def syncfs(self, fd):
            events.append("syncfs")
            return self._libc.syncfs(fd)

    def replace(source, target, **kw):
        events.append(os.path.basename(target))
        return real_replace(source, target, **kw)

    monkeypatch.setattr(ctypes, "CDLL", Libc)
    monkeypatch.setattr(os, "replace", replace)
    store = Store(tmp_path / "out")
    items = [InputFile(inputs / name, name.removesuffix(".txt")) for name in ("a.txt", "b.txt")]
    run_chunk(items, Staging(store, store.path("staging")), "chunk-0", Limits(30, None), process=fake_stages)
    assert events[-2:] == ["syncfs", RESULT]
    assert {"a.txt", "b.raw.txt", "documents.parquet"} <= set(events[:-2]), events


def preloaded() -> bool:
    return "pipeline.batch.preloaded" in sys.modules


@pytest.mark.skipif(sys.platform != "linux", reason="the forkserver is for Linux here")
def test_local_workers_fork_from_the_preloaded_server_for_the_clusters_life_only():
    """Dask's configuration names the forkserver while our LocalCluster lives, so a worker
    its nanny starts again is forked with the models too, and not after it is closed."""
    import contextlib

    import dask

    from pipeline.batch.cluster import connect

    method = "distributed.worker.multiprocessing-method"
    before = dask.config.get(method)
    with contextlib.ExitStack() as scope:
        client, cluster = connect("local:1", scope)
        try:
            assert list(client.run(preloaded).values()) == [True]
            client.restart()  # a new worker, started after the cluster was made
            assert list(client.run(preloaded).values()) == [True]
        finally:
            client.close()
            cluster.close()
        assert dask.config.get(method) == "forkserver"
    assert dask.config.get(method) == before


def wait_for_the_others(item, staging):
    """The largest file (``big``) finishes only once every other file has been run; each
    other file leaves a mark in the run's staging folder as it runs."""
    from test_archive import fake_stages

    marks = Path(staging.folder) / "marks"
    if item.path.stem != "big":
        marks.mkdir(exist_ok=True)
        (marks / item.doc_id).touch()
        return fake_stages(item, staging)
    expected = int(item.path.read_text(encoding="utf-8").split()[1])
    for _ in range(1200):  # a minute at most: then the others were held behind this file
        if marks.exists() and len(list(marks.iterdir())) >= expected:
            return fake_stages(item, staging)
        time.sleep(0.05)
    raise RuntimeError("the other files never ran")


def test_no_file_waits_behind_a_busy_worker_while_another_is_free(tmp_path):
    """One slow file holds its worker; every other file must go to the other worker
    (none assigned ahead to the busy one), so the slow one can wait for them all."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    others = 24
    (inputs / "big.txt").write_text(f"Заявление {others}\n" + "Задержан.\n" * 8000, encoding="utf-8")
    for n in range(others):
        (inputs / f"small{n:02d}.txt").write_text(f"Заявление {n}.\nЗадержан.", encoding="utf-8")
    out = tmp_path / "out"
    result = run_batch([inputs], out, limits=Limits(timeout=120, max_memory_mb=None),
                       process=wait_for_the_others, cluster="local:2")
    assert (result.n_ok, result.n_failed) == (others + 1, 0), result.failures
    assert len(read_table(out, DOCUMENTS)) == others + 1


def _run_script(tmp_path, source: str) -> subprocess.CompletedProcess:
    """Run ``source`` as a fresh Python process of this tree (a clean ``sys.modules``, and the
    ``__main__`` guard the forkserver needs); it must exit 0."""
    script = tmp_path / "check.py"
    script.write_text(source, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=REPO, capture_output=True, text=True,
                            timeout=600, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 0, result.stderr
    return result


FORKSERVER_CHECK = """
import multiprocessing, sys
from pipeline.batch.workers import start_preloaded_forkserver

def loaded(queue):
    from pipeline.batch import run
    queue.put(("pipeline.batch.preloaded" in sys.modules, "distributed" in sys.modules, run._models is not None,
               "pyarrow.parquet" in sys.modules))

if __name__ == "__main__":
    start_preloaded_forkserver()  # before this process has imported Dask
    assert "distributed" not in sys.modules
    context = multiprocessing.get_context("forkserver")
    queue = context.Queue()
    child = context.Process(target=loaded, args=(queue,))
    child.start()
    print(queue.get(timeout=300))
    child.join()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the forkserver is for Linux here")
def test_the_forkserver_starts_loading_before_the_batch_imports_dask(tmp_path):
    """A local cluster's forkserver is started first, with Dask and the models as its
    preloads, so that it loads them while the batch itself imports Dask."""
    result = _run_script(tmp_path, FORKSERVER_CHECK)
    assert result.stdout.strip() == "(True, True, True, True)"


CLIENT_CHECK = """
import contextlib, sys
import dask
from pipeline.batch.cluster import connect

def profiling():
    return dask.config.get("distributed.worker.profile.enabled")

if __name__ == "__main__":
    with contextlib.ExitStack() as scope:
        client, cluster = connect("local:1", scope)
        try:
            print("pandas" in sys.modules, list(client.run(profiling).values()))
        finally:
            client.close()
            cluster.close()
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the forkserver is for Linux here")
def test_a_local_cluster_costs_the_batch_no_imports_it_does_not_use(tmp_path):
    """The batch's own process (client, scheduler, nannies) never imports pandas: Dask
    would import every package it knows of to name them as the forkserver's preloads,
    which are ours. Its workers do not run Dask's profiler (no dashboard to show it)."""
    result = _run_script(tmp_path, CLIENT_CHECK)
    assert result.stdout.strip() == "False [False]"


def test_a_cancelled_batch_is_reported_as_cancelled_not_as_an_empty_error():
    # Dask's Future.exception() is None for a cancelled future: the failure row must
    # still say what happened ("internal error (NoneType: None)" before).
    from pipeline.batch.cluster import _failure_message

    with distributed.Client(processes=False, n_workers=1, threads_per_worker=1,
                            dashboard_address=None) as client:
        future = client.submit(time.sleep, 30)
        future.cancel()
        assert "cancelled" in _failure_message(future)
        failed = client.submit(int, "not a number")
        distributed.wait(failed)
        assert _failure_message(failed).startswith("internal error (ValueError")


QUIET_CHECK = """
import contextlib, json
import dask
from dask.utils import parse_timedelta
from pipeline.batch.cluster import connect

KEYS = ["distributed.admin.tick.interval", "distributed.admin.system-monitor.interval"]

def intervals():
    return {key: parse_timedelta(dask.config.get(key)) for key in KEYS}

if __name__ == "__main__":
    with contextlib.ExitStack() as scope:
        client, cluster = connect("local:1", scope)
        try:
            print(json.dumps({"client": intervals(), "worker": list(client.run(intervals).values())[0]}))
        finally:
            client.close()
            cluster.close()
"""


@pytest.fixture(scope="module")
def quiet_intervals(tmp_path_factory):
    result = _run_script(tmp_path_factory.mktemp("quiet"), QUIET_CHECK)
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform != "linux", reason="the forkserver is for Linux here")
@pytest.mark.parametrize("side", ["client", "worker"])
@pytest.mark.parametrize("key", ["distributed.admin.tick.interval", "distributed.admin.system-monitor.interval"])
def test_a_local_clusters_event_loops_wake_seldom(quiet_intervals, side, key):
    """Each event loop of a local cluster (the scheduler and nannies in the batch's
    process, each worker beside its running file) wakes for Dask's diagnostics no more
    than about once a second: a tick every 20 ms and a system sample every 0.5 s cost a
    LocalCluster(2) about 5 s of CPU on 1,000 statements, for a dashboard it does not serve."""
    assert quiet_intervals[side][key] >= 1.0
