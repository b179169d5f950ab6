"""The batch on Dask distributed: files run on the cluster's workers, the client commits.

``testimony run INPUT... -o OUT --cluster tcp://HOST:8786`` (or ``--cluster local:N``
for a ``LocalCluster`` of N worker processes) hands the files to Dask in batches. A
worker plugin loads the models once per worker; each task runs its batch's files one
at a time through the same stages as a local run, writes the batch's Parquet part and
texts into the run's staging folder in OUT itself, and returns only the registry's
records. The client schedules, shows progress, commits each part as it arrives and
records failures; OUT must be a folder every worker can write (a shared file system
or an fsspec URL).

Limits hold on workers as they do locally. A file past its time limit, or a worker
past its memory limit, is written down (a *verdict* in the staging folder) and the
worker process ends: the Dask nanny starts a fresh one, the scheduler hands the task to
a worker again, and that task turns the file with a verdict into its error row and
runs the rest. A file whose worker dies without a word (a segfault, a killed process)
gets a second chance; dying twice is its verdict. A task the scheduler gives up on
(``KilledWorker``) is split into one task per file, so one bad file never takes its
neighbours down with it.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import resource
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import partial

from ..errors import PipelineError
from .archive import Archive, Record, Staged
from .run import (
    InputFile,
    Process,
    Staging,
    failure_rows,
    import_stages,
    record_for,
    run_one,
    worker_models,
)
from .workers import (
    PRELOAD,
    Limits,
    WorkerFailure,
    limit_loaded_blas_threads,
    single_thread_env,
    start_preloaded_forkserver,
)

PLUGIN_NAME = "testimony-stages"
VERDICTS = "verdicts"
RESULT = "result.json"
SECOND_CHANCE_PAUSE = 2.0  # seconds
MAX_INNOCENT_TRIES = 5  # a file never started, given back to the scheduler after its worker died

try:  # the extra: pip install testimony[dask]
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - depends on the install
    WorkerPlugin = object


class ClusterError(PipelineError):
    """The Dask cluster cannot be reached or used."""


class StagesPlugin(WorkerPlugin):
    """Loads the stages and models once per Dask worker, before it takes any task."""

    name = PLUGIN_NAME

    def __init__(self, load_models: bool = True) -> None:
        self.load_models = load_models

    def setup(self, worker) -> None:
        single_thread_env()
        limit_loaded_blas_threads()  # a worker started without the variables has numpy loaded already
        if self.load_models:
            from ..resources import load_lexicons

            load_lexicons()
            import_stages()
            worker_models()


# ---------------------------------------------------------------- on the worker

_one_at_a_time = threading.Lock()  # a worker with several threads still runs one file at once


@dataclass(frozen=True, slots=True)
class ChunkResult:
    folder: str | None
    records: list[Record]
    n_pages: int


def run_chunk(items: list[InputFile], staging: Staging, name: str, limits: Limits,
              process: Process | None = None, ocr_languages: str | None = None) -> ChunkResult:
    """On a Dask worker: every file of a batch, then the batch's part in staging."""
    from ..tables import TABLES, write_part

    task = process or partial(run_one, ocr_languages=ocr_languages)
    rows_by_table: dict[str, list[dict]] = {table: [] for table in TABLES}
    records, n_pages = [], 0
    with _one_at_a_time:
        for item in items:
            verdict = _verdict(staging, item)
            if verdict is not None:
                outcome, retry = (failure_rows(item, WorkerFailure(verdict)), 0), True
            else:
                outcome, retry = _guarded(task, item, staging, limits), False
            rows, pages = outcome
            for table in TABLES:
                rows_by_table[table] += rows.get(table, [])
            records.append(record_for(item, rows, pages, retry, ocr_languages))
            n_pages += pages
    folder = f"{staging.folder}{staging.store.sep}{name}"
    write_part(staging.store, folder, rows_by_table)
    # The part and the texts were staged without a flush each, and the client's flush
    # before its journal names them reaches only its own machine's page cache: this
    # worker (perhaps on another machine) flushes them before it reports them done.
    staging.store.sync()
    # The result is kept beside the part, in OUT: a worker that dies after finishing (a
    # later file's limit ends it) loses nothing the client still needs.
    staging.store.write_text(f"{folder}{staging.store.sep}{RESULT}", json.dumps(
        {"n_pages": n_pages, "records": [asdict(r) for r in records]}, ensure_ascii=False), durable=False)
    return ChunkResult(folder, records, n_pages)


def read_result(staging: Staging, name: str) -> ChunkResult | None:
    """A batch's result as its worker left it in staging, or None if it never finished."""
    folder = f"{staging.folder}{staging.store.sep}{name}"
    try:
        data = json.loads(staging.store.read_bytes(f"{folder}{staging.store.sep}{RESULT}"))
    except (FileNotFoundError, ValueError):
        return None
    return ChunkResult(folder, [Record(**r) for r in data["records"]], data["n_pages"])


def _guarded(task: Process, item: InputFile, staging: Staging, limits: Limits):
    """``task(item, staging)`` under the file's time limit and the worker's memory limit.

    Past either, the verdict is written and this worker process ends (its nanny starts
    a new one): a thread stuck in C code cannot be stopped any other way.
    """
    marker = _verdict_path(staging, item, "started")
    attempts = _read_int(staging, marker) + 1
    if attempts > 1:
        # Its first try ended its worker. Dying again at once, before the nanny has
        # finished starting this worker, would leave the nanny without one.
        time.sleep(SECOND_CHANCE_PAUSE)
    staging.store.write_text(marker, str(attempts), durable=False)  # read back by this machine's next worker
    done = threading.Event()
    limit_mb = limits.max_memory_mb

    def watch() -> None:
        deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        while not done.wait(0.05):
            if deadline is not None and time.monotonic() > deadline:
                _die(staging, item, f"timed out after {limits.timeout:g} s")
            if limit_mb is not None and _resident_mb() > limit_mb:
                _die(staging, item, f"out of memory (limit {limit_mb} MB)")

    watcher = threading.Thread(target=watch, daemon=True, name="testimony-limits")
    watcher.start()
    try:
        return task(item, staging)
    except MemoryError:
        _die(staging, item, f"out of memory (limit {limit_mb} MB)")
    except Exception as error:  # noqa: BLE001 - the task's own bug: one file's error
        return failure_rows(item, WorkerFailure(f"internal error ({type(error).__name__}: {error})")), 0
    finally:
        done.set()
        staging.store.remove(marker)


def _die(staging: Staging, item: InputFile, message: str) -> None:
    staging.store.write_text(_verdict_path(staging, item, "verdict"), message)
    os._exit(70)  # the nanny restarts the worker; the scheduler reschedules the task


def _verdict(staging: Staging, item: InputFile) -> str | None:
    """Why an earlier attempt at this file ended its worker, if one did."""
    store = staging.store
    path = _verdict_path(staging, item, "verdict")
    if store.exists(path):
        return store.read_text(path)
    if _read_int(staging, _verdict_path(staging, item, "started")) >= 2:
        return "worker crashed (twice, while running this file)"
    return None


def _verdict_path(staging: Staging, item: InputFile, kind: str) -> str:
    sep = staging.store.sep
    return f"{staging.folder}{sep}{VERDICTS}{sep}{item.doc_id}.{kind}"


def _ran(staging: Staging, item: InputFile) -> bool:
    """Whether a worker ever started on this file (and died or was stopped on it)."""
    store = staging.store
    return store.exists(_verdict_path(staging, item, "verdict")) or \
        store.exists(_verdict_path(staging, item, "started"))


def _read_int(staging: Staging, path: str) -> int:
    try:
        return int(staging.store.read_text(path))
    except (FileNotFoundError, ValueError):
        return 0


def _resident_mb() -> float:
    """The memory the process really uses. (A local worker's limit is RLIMIT_AS, its
    address space; a Dask worker's many threads reserve address space they never use,
    and a MemoryError raised in one of Dask's own threads would break the worker, so
    there the watch is on resident memory.)"""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return 0.0


# ---------------------------------------------------------------- on the client


def connect(address: str, scope: contextlib.ExitStack):
    """A Dask client for a scheduler's address, or for ``local:N`` a new LocalCluster.

    What a LocalCluster needs of Dask's configuration is set until ``scope`` closes,
    which is to be after the cluster is closed: not just while it is made, since a
    nanny starting a worker again (or a scale-up) reads it then.
    """
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--cluster {address}: expected local:N with N workers, e.g. local:2")
        start_preloaded_forkserver()
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:
        raise ClusterError("--cluster needs Dask distributed: pip install 'testimony[dask]'") from error
    import logging

    if address.startswith("local:"):
        import dask

        with contextlib.ExitStack() as made:
            _fork_workers_with_models(made)
            # Dask's statistical profiler samples every worker thread's stack every 10 ms
            # for the dashboard, which a local cluster of ours does not serve: a third of
            # each worker's own CPU (its nanny hands the setting to the worker it starts).
            made.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
            # Every event loop (the scheduler's and nannies' in this process, each worker's
            # beside its running file) woke every 20 ms to time its own tick and every 0.5 s
            # to sample the system with psutil, both only diagnostics for that dashboard:
            # ~5 s of CPU on 1,000 statements with two workers, and a wake-up that takes the
            # GIL from the running file. Heartbeats, and so a lost worker noticed, are apart.
            made.enter_context(dask.config.set({"distributed.admin.tick.interval": "1s",
                                                "distributed.admin.system-monitor.interval": "5s"}))
            # One task at a time per worker: a task waiting behind another is not counted
            # against when the worker dies of the other one (read when the scheduler starts).
            with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
                cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR,
                                       memory_limit=None)
            client = Client(cluster)
            scope.enter_context(made.pop_all())  # undone by the caller, after the cluster closes
        return client, cluster
    try:
        return Client(address, timeout="20s"), None
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"--cluster {address}: cannot reach the Dask scheduler ({error})") from error


def _fork_workers_with_models(scope: contextlib.ExitStack) -> None:
    """Have this process's nannies fork their workers from a forkserver that has loaded
    the stages and models (:mod:`pipeline.batch.preloaded`), rather than spawn each.

    The batch has usually started the server already (``start_preloaded_forkserver``).
    Dask names its own preload list the first time it makes the context, and to make
    that list it imports every package it knows of (numpy, pandas, lz4...) in this
    process, where nannies and the scheduler need none of them: about a second of CPU
    before the first worker starts. Ours is named instead, and Dask is told its list
    is set (``distributed.utils``' own flag; where a Dask version has no such flag it
    makes its list as before, and ours is named after it, which keeps ours for a
    server started later). Where a server of other preloads runs already, or
    forkserver is not available, workers start as Dask starts them.
    Dask's configuration names the forkserver until ``scope`` closes: every nanny reads
    it whenever it starts a worker, so it must outlive the cluster's creation.
    """
    import multiprocessing

    import dask

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    from distributed import utils

    scope.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}))
    if isinstance(getattr(utils, "_forkserver_preload_set", None), bool):
        utils._forkserver_preload_set = True
    context = utils.get_mp_context()
    context.set_forkserver_preload(list(PRELOAD))


def next_chunk(queue: deque[InputFile], n_workers: int, most: int) -> list[InputFile]:
    """The next batch for a free worker, taken from the front of ``queue``: a share of
    what is left, in bytes, so that batches shrink towards the end (guided
    self-scheduling) and no worker is left with a big batch while the others idle.

    The queue holds the largest files first, so counting files would make the first
    batches the heaviest; counting bytes gives each about ``1 / (2 * n_workers)`` of
    the work left (at least one file, at most ``most``):

    >>> from pathlib import Path
    >>> files = deque(InputFile(Path(f"{n}.txt"), str(n), size=size) for n, size in
    ...               enumerate([900, 800, 700] + [100] * 37))
    >>> chunks = []
    >>> while files:
    ...     chunks.append(len(next_chunk(files, 2, 8)))
    >>> chunks
    [1, 1, 5, 8, 6, 4, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1]
    """
    share = sum(_weight(item) for item in queue) / (2 * max(1, n_workers))
    chunk = [queue.popleft()]
    weight = _weight(chunk[0])
    while queue and len(chunk) < most and weight + _weight(queue[0]) <= share:
        item = queue.popleft()
        chunk.append(item)
        weight += _weight(item)
    return chunk


def _weight(item: InputFile) -> int:
    """What a file costs to run, as far as the client can tell: its size (an unknown
    size counts as an ordinary statement's)."""
    return item.size if item.size else 4096


def run_on_cluster(address: str, todo: list[InputFile], archive: Archive, limits: Limits,
                   advance: Callable[[int, int], None], part_documents: int,
                   process: Process | None = None, ocr_languages: str | None = None) -> None:
    """Every file of ``todo`` on the cluster's workers, each part committed as it arrives."""
    from distributed import as_completed

    from distributed import wait
    from distributed.client import FIRST_COMPLETED

    scope = contextlib.ExitStack()
    client, cluster = connect(address, scope)
    staging = Staging(archive.store, archive.staging)
    try:
        client.register_plugin(StagesPlugin(load_models=process is None), name=PLUGIN_NAME)
        n_workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
        names = (f"chunk-{n}" for n in range(1, 1 << 40))
        # The client hands out work as workers free up: one batch in flight per worker,
        # the next one cut when a worker is free. Batches submitted ahead would be
        # assigned to busy workers by the scheduler and wait there while others idle.
        queue = deque(todo)
        retries: deque[list[InputFile]] = deque()  # batches to run again (one file each)
        running: dict = {}  # future -> (batch name, its files)
        tries: Counter[str] = Counter()
        watch = _WorkerWatch(client, cluster, n_workers)

        def submit(chunk: list[InputFile]) -> None:
            name = next(names)
            future = _submit(client, chunk, staging, name, limits, process, ocr_languages)
            running[future] = (name, chunk)

        def fill() -> None:
            workers = max(1, watch.workers)  # as many as there are now: a cluster may grow or shrink
            while len(running) < workers and (retries or queue):
                submit(retries.popleft() if retries else next_chunk(queue, workers, part_documents))

        def handle(future) -> None:
            name, chunk = running.pop(future)
            result = read_result(staging, name)
            if result is not None:  # read from staging, never gathered from the worker
                future.release()
                fill()  # the freed worker's next batch before this one's commit
                archive.commit(Staged(result.folder, result.records), rewrite=_rewrite())
                _append_logs(archive, result.records)
                advance(len(result.records), result.n_pages)
            elif future.status == "finished":
                raise ClusterError(f"a worker finished {name} but its result is not in {staging.folder}: "
                                   "is OUT a folder every worker and this client share?")
            elif future.status in ("pending", "lost"):  # lost with its worker before it finished: wait on
                running[future] = (name, chunk)
            else:
                message = _failure_message(future)
                future.release()
                if len(chunk) > 1:  # the scheduler gave up on it: one task per file
                    retries.extend([item] for item in chunk)
                elif not _ran(staging, chunk[0]) and tries[chunk[0].doc_id] < MAX_INNOCENT_TRIES:
                    # It never started: it only waited on workers that other files ended.
                    tries[chunk[0].doc_id] += 1
                    retries.append(chunk)
                else:
                    _commit_failure(archive, chunk[0], message, ocr_languages)
                    advance(1, 0)

        fill()
        while running:
            try:
                finished, _ = wait(list(running), timeout=1.0, return_when=FIRST_COMPLETED)
            except TimeoutError:
                finished = ()
            watch.check()
            for future in [f for f in finished if f in running]:
                handle(future)
            fill()
    finally:
        with scope:  # Dask's configuration as it was, once the cluster is closed
            client.close()
            if cluster is not None:
                cluster.close()


class _WorkerWatch:
    """Notices a cluster left without workers, so that a batch never waits forever; a
    LocalCluster of ours that lost a worker for good (its nanny gave up) gets it back."""

    PATIENCE = 120.0  # seconds without a single worker before the batch stops

    def __init__(self, client, cluster=None, n_workers: int = 0) -> None:
        self.client, self.cluster, self.n_workers = client, cluster, n_workers
        self.checked, self.since, self.short_since = 0.0, None, None
        self.workers = n_workers  # how many the scheduler had when last asked

    def check(self) -> None:
        now = time.monotonic()
        if now - self.checked < 2.0:
            return
        self.checked = now
        n = len(self.client.scheduler_info(n_workers=-1).get("workers") or ())
        self.workers = n
        if self.cluster is not None and n < self.n_workers:
            self.short_since = self.short_since or now
            if now - self.short_since > 10.0:
                self.cluster.scale(self.n_workers)
                self.short_since = None
        else:
            self.short_since = None
        if n:
            self.since = None
        elif self.since is None:
            self.since = now
        elif now - self.since > self.PATIENCE:
            raise ClusterError(f"the Dask cluster has had no workers for {self.PATIENCE:g} s; start "
                               "workers (dask worker ADDRESS) and run again: what was committed is kept")


def _submit(client, chunk, staging, name, limits, process, ocr_languages):
    # pure=False: a retried batch is a new task, not the old result
    return client.submit(run_chunk, chunk, staging, name, limits, process, ocr_languages, pure=False,
                         key=f"testimony-{name}-{os.getpid()}-{time.monotonic_ns()}")


def _failure_message(future) -> str:
    if future.status == "cancelled":  # exception() is None for a cancelled future
        return "cancelled by the Dask scheduler (its worker was lost or the scheduler gave up on it)"
    try:
        error = future.exception(timeout=60)
    except Exception as problem:  # noqa: BLE001 - cancelled, lost: say so
        error = problem
    if type(error).__name__ == "KilledWorker":
        return "worker crashed (the Dask worker running this file died repeatedly)"
    return f"internal error ({type(error).__name__}: {error})"


def _commit_failure(archive: Archive, item: InputFile, message: str, ocr_languages: str | None = None) -> None:
    from ..tables import write_part

    rows = failure_rows(item, WorkerFailure(message))
    folder = f"{archive.staging}{archive.store.sep}failed-{item.doc_id}"
    write_part(archive.store, folder, rows)
    archive.commit(Staged(folder, [record_for(item, rows, 0, True, ocr_languages)]), rewrite=_rewrite())


def _rewrite():
    from ..tables import rewrite_part

    return rewrite_part


def _append_logs(archive: Archive, records: list[Record]) -> None:
    from .run import append_error_logs

    append_error_logs(archive, [r.doc_id for r in records if (r.error or "").startswith("internal error")])
