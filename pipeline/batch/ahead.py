"""Reading the last files' text on a spare core while the batch's parent loads the models.

Before a local batch's workers can start, its parent imports the stages, loads the
models and warms them up (about a second of one core's work), so that the workers
forked afterwards share them instead of each loading its own. Every other core idles
meanwhile. So a process forked before all that (:class:`ReadAhead`) runs the extract
stage, which needs no models, over the batch's last files (the smallest: files go
largest first), and leaves each file's :class:`~pipeline.records.RawDocument` as a
pickle. When the models are ready it is told to stop (:meth:`ReadAhead.stop`): it
finishes the file it is reading, at its low priority beside the workers, and ends.
The files it finished, and the one it is finishing, go to the workers with their text
read (``InputFile.extracted``, a pickle that a worker reads if it is there by the time
the worker takes the file: files go from the front, so the last ones are taken last),
and the workers start on the rest. Killing it where it was lost what it had half read
(on average half a file's reading, on the batch's one serial stretch).

Nothing depends on it. A file it did not finish, failed on (any error, a hang, a
crash, too little memory) is read by its worker as ever, which reports what goes wrong
the usual way; the same function on the same bytes gives the same ``RawDocument``.
It runs under the workers' memory limit, in a process group of its own (a kill takes
Tesseract with it), at a lower priority (on a busy machine it takes no time from the
parent it is meant to overlap, nor from the workers while it finishes its last file),
for at most :data:`FINISHING_SECONDS` once told to stop, and dies with the batch. That
limit is kept by a process that does nothing but wait for the one that reads, so it
holds even while the reader is inside one long native call (PDFium on a hostile page),
where a handler of the reader's own would run only once the call returned.

What it reads is testimony text, so it is written where the batch's own uncommitted
output is: in the output archive's staging folder, which a run killed outright
(SIGTERM, SIGKILL) leaves as it leaves the rest of its staging, and which the next run
into the archive empties before anything else. Only for an archive that is not on
this machine does it go to the temporary directory, in a folder named after the batch's
process that the next batch removes once that process is gone
(:mod:`pipeline.batch.scratch`).
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
import shutil
import signal
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .files import is_url
from .scratch import scratch_folder
from .workers import die_with_parent, limit_address_space, worker_quiet

if TYPE_CHECKING:
    from ..records import RawDocument
    from .run import InputFile

NICENESS = 10  # below the parent (and every worker), above nothing else
# Once told to stop, how long it may go on with the file it is reading (a scan under
# OCR may take minutes; its worker then reads it itself, as the batch's time limit holds).
FINISHING_SECONDS = 30
STOP_SIGNAL = signal.SIGUSR1  # "finish the file you are reading, then end"

# What a file is read with: the extract stage's ``extract`` (path, doc_id, ocr=, sha256=,
# ocr_languages=) -> RawDocument.
Reader = Callable[..., "RawDocument"]


def readable_ahead(item: InputFile) -> bool:
    """A local file the batch will read, its hash known (a URL is copied by its worker; a
    refused file, or one that could not be read to hash, is left to its worker's error)."""
    return item.refused is None and item.sha256 is not None and not is_url(str(item.path))


READ_AHEAD = "read-ahead"  # its folder in the archive's staging folder


class ReadAhead:
    """A process that extracts ``todo[first:]`` from the last one back, each into
    ``FOLDER/INDEX.pickle``, until :meth:`stop`. FOLDER is ``staging/read-ahead`` where
    ``staging`` (the archive's staging folder on this machine) is given, else a scratch
    folder of the temporary directory. ``read`` is what a file is read with (the extract
    stage's ``extract``; a test gives one that blocks). Use as a context manager: the
    folder is removed when it ends (the workers have read what they were given by then)."""

    def __init__(self, todo: Sequence[InputFile], first: int, ocr_languages: str | None,
                 max_memory_mb: int | None, staging: str | os.PathLike | None = None,
                 read: Reader | None = None) -> None:
        self.todo, self.first = todo, first
        if staging is not None:
            self.folder = Path(staging) / READ_AHEAD
            self.folder.mkdir(parents=True, exist_ok=True)
        else:
            self.folder = scratch_folder(READ_AHEAD)
        context = multiprocessing.get_context("fork")
        self.process = context.Process(
            target=_read_ahead, daemon=True,
            args=(todo, first, self.folder, os.getpid(), ocr_languages, max_memory_mb, read))
        try:
            self.process.start()
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def __enter__(self) -> ReadAhead:
        return self

    def __exit__(self, *exc) -> None:
        self._kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _kill(self) -> None:
        """Kill the process and whatever it started (Tesseract), wherever they are. (Once
        it has ended and been reaped, its number may be another's: it is left alone; ended
        by its own limit, it took its group with it.)"""
        pid = self.process.pid
        if self.process.exitcode is None and pid is not None:
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # not yet in its own group
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.process.join()

    def stop(self) -> list[InputFile]:
        """Tell the process to finish the file it is reading and end (without waiting for
        it), and give the todo list back, each file it may have read with the pickle it
        reads it into named (``extracted``): those it finished, the one it is finishing
        and, where it has not yet seen the signal, the one it begins. A worker that finds
        no pickle there when it takes the file reads the file itself
        (:func:`load_extracted`)."""
        if self.process.exitcode is None and self.process.pid is not None:
            try:
                os.kill(self.process.pid, STOP_SIGNAL)
            except ProcessLookupError:
                pass
        return [dataclasses.replace(item, extracted=str(self.folder / f"{index}.pickle"))
                if index >= self.first and readable_ahead(item) else item
                for index, item in enumerate(self.todo)]


def _read_ahead(todo: Sequence[InputFile], first: int, folder: Path, parent: int,
                ocr_languages: str | None, max_memory_mb: int | None, read: Reader | None = None) -> None:
    """The read-ahead process: as a worker is set up, then it keeps the time of a reader
    (:func:`_read_files`), a child of its own group that extracts until told to stop.

    The time limit is kept here, not in the reader: Python runs a signal's handler
    between bytecodes, so a reader inside one long native call (a hostile page PDFium
    takes minutes over) would run its own alarm's handler only when the call returns. This process does nothing but wait for the reader, and a wait is cut
    short by a signal: once told to stop, it tells the reader, and if the reader has not
    ended :data:`FINISHING_SECONDS` later, kills the group (the reader, Tesseract and
    itself) wherever the reader is."""
    os.setpgid(0, 0)
    die_with_parent(parent)
    worker_quiet()
    os.nice(NICENESS)
    limit_address_space(max_memory_mb)
    if read is None:
        try:
            from ..extract import extract as read
        except BaseException:  # noqa: BLE001 - the workers will meet it and say so
            return
    reader: int | None = None
    stopping = False

    def finish_then_stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True
        if reader:
            _pass_on(reader, STOP_SIGNAL)
        signal.alarm(FINISHING_SECONDS)

    def out_of_time(signum, frame) -> None:
        os.killpg(0, signal.SIGKILL)  # the reader wherever it is, what it started, and this process

    signal.signal(signal.SIGALRM, out_of_time)
    signal.signal(STOP_SIGNAL, finish_then_stop)
    supervisor = os.getpid()
    # The word to stop waits, held, until each process has the handler that hears it:
    # the reader its own, and this one the reader's number to pass it on to.
    signal.pthread_sigmask(signal.SIG_BLOCK, {STOP_SIGNAL})
    try:
        child = os.fork()
    except OSError:  # no process to spare: the workers read every file
        return
    if child == 0:
        try:
            _read_files(todo, first, folder, supervisor, ocr_languages, read, stopping)
        finally:
            os._exit(0)  # never back into the supervisor's code
    reader = child
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {STOP_SIGNAL})
    try:
        os.waitpid(reader, 0)  # a signal's handler runs while this waits (PEP 475)
    except ChildProcessError:
        pass
    reader = None  # reaped: its number may be another process's now, never to be signalled


def _pass_on(pid: int, signum: int) -> None:
    """Send ``signum`` to ``pid``, a reader that may have ended and been reaped since: the
    word to stop can arrive just as the reader ends, and then there is no one to tell."""
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _read_files(todo: Sequence[InputFile], first: int, folder: Path, supervisor: int,
                ocr_languages: str | None, read: Reader, stopping: bool) -> None:
    """The reader: ``todo[first:]`` from the last one back, each file's RawDocument into
    ``FOLDER/INDEX.pickle``, until told to stop (then it finishes the file it is on)."""
    die_with_parent(supervisor)

    def finish_then_stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(STOP_SIGNAL, finish_then_stop)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {STOP_SIGNAL})  # held since the fork
    for index in range(len(todo) - 1, first - 1, -1):
        item = todo[index]
        if not readable_ahead(item):
            continue
        if stopping:
            return
        try:
            raw = read(Path(item.path), item.doc_id, ocr=True, sha256=item.sha256, ocr_languages=ocr_languages)
            partial = folder / f"{index}.partial"
            with open(partial, "wb") as out:
                pickle.dump(raw, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, folder / f"{index}.pickle")  # whole, or not there
        except BaseException:  # noqa: BLE001 - its worker reads it again and reports it
            continue


def load_extracted(path: str | None) -> RawDocument | None:
    """The RawDocument read ahead into ``path``, or None (none, or the pickle is gone)."""
    if path is None:
        return None
    try:
        with open(path, "rb") as pickled:
            return pickle.load(pickled)
    except (OSError, EOFError, pickle.UnpicklingError):
        return None
