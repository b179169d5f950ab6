"""Worker processes that run one file each, with a time and a memory limit.

A statement that hangs the PDF parser, crashes a C library or swallows all
memory must cost the batch that one file, not the night's work. So every file
runs in a worker process of its own process group, and the parent watches it:

- a worker past its deadline (``timeout`` seconds for one file) is killed with
  its whole group (OCR runs Tesseract as a child process);
- a worker limited by ``RLIMIT_AS`` (``max_memory_mb``) that runs out of memory
  gets ``MemoryError``; it reports it and is replaced;
- a worker that dies (segfault, ``os._exit``, the kernel's OOM killer) is seen
  through its process sentinel.

Each of these becomes a :class:`WorkerFailure` for the file with a message a
person understands, a fresh worker takes the dead one's place and the batch
goes on. Workers load their models once (the ``initializer``) and then take
files one at a time, so a slow file never holds up a queue behind it.
"""

from __future__ import annotations

import ctypes
import importlib.util
import faulthandler
import gc
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import PipelineError

DEFAULT_TIMEOUT = 300.0  # seconds for one file: a 300-page scan with OCR fits
DEFAULT_MAX_MEMORY_MB = 3000  # per worker: models take ~700 MB of address space

# Every numeric library's thread pool to one thread: workers are the parallelism.
# (Tesseract reads OMP_THREAD_LIMIT.) The CLI sets these before numpy is
# imported; a library caller's workers inherit them from here at the latest.
SINGLE_THREAD_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                     "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "OMP_THREAD_LIMIT")

_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost: seconds of wall time, MB of address space per worker.

    ``None`` lifts a limit. With no limit at all and one job, files run in the
    calling process.
    """

    timeout: float | None = DEFAULT_TIMEOUT
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB

    @property
    def isolated(self) -> bool:
        return self.timeout is not None or self.max_memory_mb is not None


@dataclass(frozen=True, slots=True)
class WorkerFailure:
    """A file whose worker did not come back with a result, and why."""

    message: str


class WorkerStartError(PipelineError):
    """Workers die before they can take any work (e.g. a memory limit too low for the models)."""


def single_thread_env() -> None:
    """Ask numeric libraries and Tesseract for one thread each (unless told otherwise)."""
    for name in SINGLE_THREAD_ENV:
        os.environ.setdefault(name, "1")


_OPENBLAS_SETTERS = ("openblas_set_num_threads", "openblas_set_num_threads64_",
                     "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads")


def limit_loaded_blas_threads() -> None:
    """One thread for an OpenBLAS already loaded before the variables above were set.

    A library caller may have imported numpy first; a forked worker then keeps
    OpenBLAS's thread count for every core, and two workers fight over them.
    """
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            libraries = {line.split()[-1] for line in maps if "openblas" in line.lower()}
    except OSError:
        return
    for library in libraries:
        try:
            handle = ctypes.CDLL(library)
        except OSError:
            continue
        for name in _OPENBLAS_SETTERS:
            setter = getattr(handle, name, None)
            if setter is not None:
                setter(1)
                break


# What the forkserver of a local Dask cluster (``--cluster local:N``) imports before it
# forks any worker: Dask, and the module that loads the stages and models.
PRELOAD = ("distributed", "pipeline.batch.preloaded")


def start_preloaded_forkserver() -> None:
    """Start the forkserver a local Dask cluster's workers are forked from, before the
    rest: it imports Dask and loads the models (seconds) while the batch imports Dask
    and starts the scheduler and the nannies, rather than after, when the first nanny
    asks it for a worker. A server running already is left as it is; where there is
    no forkserver, Dask starts its workers its own way. Without Dask installed nothing
    is started (the caller then says how to install it), rather than loading the models
    for nothing. The server lasts as long as this process (multiprocessing's own rule)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return
    if importlib.util.find_spec("distributed") is None:
        return
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(list(PRELOAD))
    forkserver.ensure_running()


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the batch is killed (Linux only)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def worker_quiet() -> None:
    """What a forked helper process of the batch leaves to its parent: Ctrl-C, crash
    dumps, and BLAS threads beyond one."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faulthandler.disable()  # a crash is reported as the file's error, not dumped on stderr
    limit_loaded_blas_threads()


def limit_address_space(max_memory_mb: int | None) -> None:
    """This process's address space limited to ``max_memory_mb`` (None: as it is)."""
    if max_memory_mb is not None:
        limit = max_memory_mb * 2**20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn: Connection, parent: int, task: Callable[[Any], Any],
                 initializer: Callable[[], Any] | None, max_memory_mb: int | None) -> None:
    """A worker's life: limits, models, then one item at a time until told to stop."""
    os.setpgid(0, 0)  # its own group, so a kill takes Tesseract and other children too
    die_with_parent(parent)
    worker_quiet()
    limit_address_space(max_memory_mb)
    try:
        if initializer is not None:
            initializer()  # the models: loaded here, or forked from the parent that loaded them
    except MemoryError:
        conn.send(("init_error", too_low(max_memory_mb, None)))
        return
    except (ImportError, OSError) as error:
        if not _out_of_address_space(error):
            conn.send(("init_error", f"{type(error).__name__}: {error}"))
        else:
            conn.send(("init_error", too_low(max_memory_mb, None)))
        return
    except BaseException as error:  # noqa: BLE001 - told to the parent, which stops the batch
        conn.send(("init_error", f"{type(error).__name__}: {error}"))
        return
    # what the worker holds before any work: a limit below it fails every file, and says so
    held = address_space_mb()
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, item = message
        out_of_memory = False
        try:
            reply = ("done", index, task(item))
        except MemoryError:
            out_of_memory = True  # reported below, once the failed frames are freed
        except (ImportError, OSError) as error:
            # a library that cannot be mapped under the limit ("failed to map segment")
            out_of_memory = _out_of_address_space(error)
            reply = ("error", index, f"internal error ({type(error).__name__}: {error})")
        except BaseException as error:  # noqa: BLE001 - the task's own bug, one file's error
            reply = ("error", index, f"internal error ({type(error).__name__}: {error})")
        if out_of_memory and max_memory_mb is not None and held >= max_memory_mb:
            conn.send(("error", index, too_low(max_memory_mb, held + WORK_MARGIN_MB)))
            os._exit(0)
        if out_of_memory:
            conn.send(("oom", index))
            os._exit(0)  # a fresh worker is safer than one whose C state broke mid-allocation
        conn.send(reply)


# Address space a worker needs beyond what it holds once its models are loaded: the
# tables' libraries (pandas, pyarrow) and one ordinary document's work (the advice given
# when the limit is below what the models alone hold).
WORK_MARGIN_MB = 300


def address_space_mb() -> int:
    """This process's address space (what ``RLIMIT_AS`` counts), in MB; 0 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def too_low(limit_mb: int | None, needed_mb: int | None) -> str:
    """The message for a memory limit the models do not fit in."""
    if needed_mb is None:
        return f"out of memory while loading models (limit {limit_mb} MB): raise --max-memory, or 0 for no limit"
    return (f"--max-memory {limit_mb} MB is too low for the models: a worker needs at least "
            f"{needed_mb} MB (raise --max-memory, or 0 for no limit)")


def _out_of_address_space(error: BaseException) -> bool:
    """An import or mapping that failed for want of memory under ``RLIMIT_AS``."""
    text = str(error)
    return "failed to map segment" in text or "Cannot allocate memory" in text or isinstance(
        error, OSError) and error.errno == 12


@dataclass(slots=True)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    ready: bool = False
    index: int | None = None  # the item it works on
    deadline: float = float("inf")
    messages: list = field(default_factory=list)

    def kill(self) -> None:
        """Kill the worker and everything it started."""
        pid = self.process.pid
        if pid is None:
            return
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.join()
        self.conn.close()


def death_message(exitcode: int | None) -> str:
    """Words for how a worker process ended.

    >>> death_message(-9)
    'worker crashed (signal 9)'
    >>> death_message(3)
    'worker crashed (exit code 3)'
    """
    if exitcode is not None and exitcode < 0:
        return f"worker crashed (signal {-exitcode})"
    return f"worker crashed (exit code {exitcode})"


class WorkerPool:
    """``jobs`` worker processes running ``task(item)`` under ``limits``.

    Use as a context manager; :meth:`map` yields ``(index, result)`` as items
    finish, in any order, where ``result`` is the task's return value or a
    :class:`WorkerFailure`.
    """

    def __init__(self, jobs: int, task: Callable[[Any], Any],
                 initializer: Callable[[], Any] | None = None, limits: Limits = Limits()) -> None:
        single_thread_env()
        methods = multiprocessing.get_all_start_methods()
        # fork: workers start in milliseconds with the parent's imports already done.
        self._context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._jobs = max(1, jobs)
        self._task, self._initializer, self._limits = task, initializer, limits
        self._workers: list[_Worker] = []
        self._retired: list[_Worker] = []  # told to end, not yet reaped

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker; those still busy (Ctrl-C, an error) are killed. The idle
        ones are all told first and then waited for, so that they end side by side."""
        for worker in self._workers:
            if worker.index is None and worker.process.is_alive():
                self._tell_to_stop(worker)
        for worker in self._retired + self._workers:
            if worker.index is None:
                worker.process.join(timeout=2)
            worker.kill()
        self._workers.clear()
        self._retired.clear()

    @staticmethod
    def _tell_to_stop(worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except OSError:
            pass

    def _retire_idle(self) -> None:
        """With nothing left to hand out, an idle worker is told to end now (the batch's
        tail): it ends while the others finish their files, not after them, and its
        core is free for what the caller does with the results. :meth:`close` reaps it."""
        for worker in [w for w in self._workers if w.ready and w.index is None]:
            self._tell_to_stop(worker)
            self._workers.remove(worker)
            self._retired.append(worker)

    def _start(self) -> _Worker:
        here, there = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main, daemon=True,
            args=(there, os.getpid(), self._task, self._initializer, self._limits.max_memory_mb))
        forking = self._context.get_start_method() == "fork"
        if forking:
            # What the parent holds now (the models) is moved out of the collector's
            # sight: a worker's garbage collections then never touch, and so never copy,
            # the pages it shares with the parent.
            gc.freeze()
        try:
            process.start()
        except BaseException:
            here.close()
            there.close()
            raise
        finally:
            if forking:
                gc.unfreeze()  # the parent collects as before; only the worker keeps them frozen
        there.close()
        worker = _Worker(process, here)
        self._workers.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._workers.remove(worker)

    def map(self, items: Iterable[Any], started: Callable[[], Any] | None = None,
            slow_start: bool = False, spare_core: bool = True) -> Iterator[tuple[int, Any]]:
        """``(index, result)`` as items finish. ``started()``, if given, is called once,
        when every worker has its first item: the caller's own preparations (what it
        needs only for the results) then overlap the workers' work. With ``slow_start``
        (the initializer takes a while: the workers load their own models) it is called
        as soon as the workers are started, to overlap their loading. Without
        ``spare_core`` (the workers take every core) it waits instead until a worker is
        left with nothing to do, so as to take no worker's core (or until the end)."""
        queue = deque(enumerate(items))
        while queue or any(w.index is not None for w in self._workers):
            self._dispatch(queue)
            if started is not None and self._caller_may_start(queue, slow_start, spare_core):
                started()
                started = None
            # Idle workers get their next item before the finished ones are handed back:
            # whatever the caller does with a result (committing a part) never keeps a
            # worker waiting.
            finished = list(self._wait())
            self._dispatch(queue)
            if not queue:
                self._retire_idle()
            yield from finished
        if started is not None:
            started()

    def _caller_may_start(self, queue: deque, slow_start: bool, spare_core: bool) -> bool:
        """Whether :meth:`map`'s ``started()`` is due (see there)."""
        if slow_start:
            return bool(self._workers)
        if not spare_core:
            return not queue and bool(self._retired)
        return self._busy() > 0 and (not queue or all(w.index is not None for w in self._workers))

    def _dispatch(self, queue: deque) -> None:
        """Workers started up to the number wanted; each ready idle one given an item."""
        while len(self._workers) < min(self._jobs, len(queue) + self._busy()):
            self._start()
        for worker in self._workers:
            if worker.ready and worker.index is None and queue:
                index, item = queue.popleft()
                worker.conn.send((index, item))
                worker.index = index
                worker.deadline = (time.monotonic() + self._limits.timeout
                                   if self._limits.timeout is not None else float("inf"))

    def _busy(self) -> int:
        return sum(w.index is not None for w in self._workers)

    def _wait(self) -> Iterator[tuple[int, Any]]:
        """Wait for a message, a death or a deadline; yield what finished."""
        deadline = min((w.deadline for w in self._workers), default=float("inf"))
        timeout = None if deadline == float("inf") else max(0.0, deadline - time.monotonic())
        waitables = {w.conn: w for w in self._workers} | {w.process.sentinel: w for w in self._workers}
        for ready in wait(list(waitables), timeout):
            worker = waitables[ready]
            if worker not in self._workers:
                continue  # already handled through its other waitable
            message = None
            if worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    message = None
            if message is None:
                worker.process.join(timeout=5)
                yield from self._lost(worker, death_message(worker.process.exitcode))
            elif message[0] == "init_error":
                raise WorkerStartError(f"a worker could not start: {message[1]}")
            elif message[0] == "ready":
                worker.ready = True
            elif message[0] == "oom":
                yield from self._lost(worker, f"out of memory (limit {self._limits.max_memory_mb} MB)")
            else:  # done or error
                _, index, value = message
                worker.index, worker.deadline = None, float("inf")
                yield index, value if message[0] == "done" else WorkerFailure(value)
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.index is not None and worker.deadline <= now:
                yield from self._lost(worker, f"timed out after {self._limits.timeout:g} s")

    def _lost(self, worker: _Worker, message: str) -> Iterator[tuple[int, WorkerFailure]]:
        """A worker gone or killed: its item fails with ``message``; it is replaced."""
        index = worker.index
        was_ready = worker.ready
        self._replace(worker)
        if index is not None:
            yield index, WorkerFailure(message)
        elif not was_ready:
            raise WorkerStartError(f"a worker died while starting: {message}"
                                   + (f" (memory limit {self._limits.max_memory_mb} MB too low?)"
                                      if self._limits.max_memory_mb else ""))
