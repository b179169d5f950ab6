"""A batch: every input file through every stage, into an output archive.

The output folder is an archive (:mod:`pipeline.batch.archive`): a run holds it
alone, gives each file its stable ``doc_id``, skips the files done before (same
bytes, same pipeline version, same OCR availability for a PDF; a rerun with nothing
to do loads no models), and commits what it finishes a batch of documents at a time
as Parquet parts. Nothing grows with the number of documents done: finished rows
are written out and forgotten, and no table is ever rebuilt whole.

A file that fails becomes an ``error`` row and the batch goes on. Files run in
worker processes (:mod:`pipeline.batch.workers`, or Dask workers through
:mod:`pipeline.batch.cluster`) under a time and a memory limit, so a file that
hangs, crashes its worker or runs out of memory is one error row too. A file that
failed because of what it holds is not retried until it or the pipeline changes;
one whose worker failed is retried on the next run.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import hashlib
import importlib.abc
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import OutputError, PipelineError
from ..resources import build_lexicon_indexes, load_lexicons, models_dir
from .ahead import ReadAhead, load_extracted
from .archive import TEXTS, Archive, Record, Registry, Staged
from .files import SUPPORTED_SUFFIXES, file_facts, file_sha256, is_url, list_files
from .scratch import sweep_stale
from .store import FsspecStore, Store, open_store
from .workers import Limits, WorkerFailure, WorkerPool

if TYPE_CHECKING:  # the heavy stages (and pandas) are imported only when needed
    from ..nlp import Models
    from ..records import ProcessedDocument, RawDocument
    from ..tables import Rows

DOCUMENTS = "documents"  # the documents table's name as pipeline.tables spells it
TEXTS_DIR = TEXTS
PART_DOCUMENTS = 64  # documents per Parquet part, at most
PART_ROWS = 200_000  # rows per part, at most (a few long documents fill one)
PART_SECONDS = 60.0  # a part is committed at least this often, so progress is kept


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to run: where it is (a local path or an fsspec URL), its doc_id, and
    what the registry knows of it."""

    path: Path | str
    doc_id: str
    source: str = ""  # as given
    key: str = ""  # absolute path or URL: the registry's key
    sha256: str | None = None
    size: int | None = None
    mtime_ns: int | None = None
    refused: str | None = None  # why it is not read (a symbolic link out of its folder)
    extracted: str | None = None  # where its text read ahead is, if it is there by then (pipeline.batch.ahead)

    @property
    def kind(self) -> str:
        return os.path.splitext(str(self.path))[1].lower()


@dataclass(frozen=True, slots=True)
class BatchResult:
    n_files: int
    n_ok: int
    n_failed: int
    n_skipped: int  # done before with the same file and pipeline version
    failures: tuple[tuple[str, str], ...]  # (source, message)
    n_removed: int = 0  # documents --prune took out of the archive
    csv: tuple[str, ...] = ()  # the CSV files written (export_csv)


@dataclass(frozen=True, slots=True)
class Staging:
    """Where a worker writes a run's texts and tracebacks before they are committed."""

    store: Store
    folder: str

    # Nothing staged is flushed to disk file by file: the commit flushes it all at once
    # before its journal names any of it (Archive.commit). That flush reaches this
    # machine only: a Dask worker flushes what it staged itself before it writes its
    # chunk's result (cluster.run_chunk).

    def write_text(self, name: str, text: str) -> None:
        self.store.write_text(f"{self.folder}{self.store.sep}{TEXTS}{self.store.sep}{name}", text, durable=False)

    def log_error(self, doc_id: str, text: str) -> None:
        self.store.write_text(f"{self.folder}{self.store.sep}errors{self.store.sep}{doc_id}.log", text,
                              durable=False)


# What a worker does with one input: its rows and its page count.
Process = Callable[["InputFile", Staging], "tuple[Rows, int]"]


def process_file(path: Path, doc_id: str, models: Models, sha256: str | None = None,
                 ocr_languages: str | None = None, raw: RawDocument | None = None) -> ProcessedDocument:
    """All stages over one file, from bytes to events (OCR, in ``ocr_languages``, for pages without
    usable text). ``raw`` is the file's text if it was extracted already (read ahead)."""
    from ..analysis import analyse
    from ..extract import extract
    from ..normalise import normalise
    from ..records import ProcessedDocument

    if raw is None:
        raw = extract(path, doc_id, ocr=True, sha256=sha256, ocr_languages=ocr_languages)
    clean = normalise(raw.text)
    found = analyse(clean, models)
    page_warnings = tuple(p.warning for p in raw.pages if p.warning)
    warnings = summarise_warnings(dict.fromkeys(raw.warnings + page_warnings))
    return ProcessedDocument(raw, clean, found.doc_date, found.sentences, found.mentions, found.events, warnings)


def summarise_warnings(warnings: Iterable[str]) -> tuple[str, ...]:
    """Page warnings with one reason merged into page ranges, so a 300-page scan says it once.

    >>> summarise_warnings(["page 1: no text layer; read by OCR", "page 2: no text layer; read by OCR",
    ...                     "page 3: no text layer; read by OCR", "page 5: no text layer; read by OCR",
    ...                     "шрифт без кодировки"])
    ('pages 1-3, 5: no text layer; read by OCR', 'шрифт без кодировки')
    """
    pages_by_reason: dict[str, list[int]] = {}
    kept: list[str | tuple[str]] = []
    for warning in warnings:
        head, _, reason = warning.partition(": ")
        number = head.removeprefix("page ")
        if head.startswith("page ") and number.isdigit() and reason:
            if reason not in pages_by_reason:
                pages_by_reason[reason] = []
                kept.append((reason,))
            pages_by_reason[reason].append(int(number))
        else:
            kept.append(warning)
    return tuple(item if isinstance(item, str) else _page_ranges(pages_by_reason[item[0]]) + ": " + item[0]
                 for item in kept)


def _page_ranges(numbers: list[int]) -> str:
    ranges: list[list[int]] = []
    for number in sorted(numbers):
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    words = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)
    return ("page " if len(numbers) == 1 else "pages ") + words


# What a document's rows are made by: the stages' code (with the modules they share)
# and the data files they read. The linker and the research helpers work across
# documents on the tables, so changing them (or their link_* models) redoes no file;
# nor does a change to the batch machinery, which moves rows but does not make them.
# tests/test_archive_ids.py checks that every module processing a document imports
# is named here.
STAGE_CODE = ("extract", "normalise", "segment.py", "tag", "events", "analysis.py", "nlp.py", "morphology.py", "linear.py",
              "records.py", "resources.py", "schemas.py", "errors.py", "tables.py", "spreadsheet.py",
              "tesseract.py", "files.py")
CROSS_DOCUMENT_MODELS = "link_"  # models/link_*.json: the linker's


def stage_files() -> list[Path]:
    """The files :func:`pipeline_version` fingerprints."""
    package = Path(__file__).parents[1]
    files: list[Path] = []
    for name in STAGE_CODE:
        path = package / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    files += sorted(path for path in models_dir().rglob("*") if path.is_file()
                    and path.suffix in {".json", ".jsonl", ".csv", ".txt"}
                    and not path.name.startswith(CROSS_DOCUMENT_MODELS))
    return files


@cache
def pipeline_version() -> str:
    """The package version plus a fingerprint of the stages' code and lexicons.

    A result is reused only under the same fingerprint, so changing a trigger word
    or a rule redoes the files on the next run (changing the linker does not).
    """
    digest = hashlib.sha256()
    package = Path(__file__).parents[1]
    for path in stage_files():
        name = path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def environment_for(kind: str, ocr_languages: str | None = None) -> dict:
    """What outside the pipeline's code changes a file's results: for a PDF, whether
    OCR is installed and in which languages (a text or DOCX file never needs it)."""
    if kind != ".pdf":
        return {}
    from ..tesseract import ocr_available, usable_languages

    return {"ocr": ocr_available(), "ocr_languages": usable_languages(ocr_languages)[0] if ocr_available() else ""}


# ---------------------------------------------------------------- planning


@dataclass(slots=True)
class Plan:
    inputs: list[InputFile]  # every input, with its doc_id
    todo: list[InputFile]  # those to run, largest first
    updates: list[Record] = field(default_factory=list)  # unchanged but touched: new size/mtime


def plan_batch(archive: Archive, paths: Sequence[Path | str], force: bool = False,
               ocr_languages: str | None = None, follow_links: bool = False) -> Plan:
    """Each input's doc_id from the archive's registry (new ones allocated), and which to run."""
    refused: dict[str, str] = {}
    files = list_files(paths, exclude=archive.store.local_path(archive.store.root),
                       follow_links=follow_links, refused=refused)
    version = pipeline_version()
    registry = archive.registry
    given = {key for _, _, key in files}
    facts = []  # (path, source, key, size, mtime_ns, sha, doc_id or None)
    for path, source, key in files:
        size, mtime_ns = file_facts(path)
        doc_id = registry.by_key.get(key)
        old = registry.by_id.get(doc_id) if doc_id else None
        if key in refused:
            sha = None  # never read
        elif old is not None and old.sha256 and (old.size, old.mtime_ns) == (size, mtime_ns):
            sha = old.sha256  # the same size and time: the same bytes, as rsync and git take it
        else:
            sha = _sha256_or_none(path, size)
        facts.append((path, source, key, size, mtime_ns, sha, doc_id))
    moved = _moved_ids(registry, given, [(key, size, mtime_ns, sha) for _, _, key, size, mtime_ns, sha, doc_id
                                         in facts if doc_id is None])
    inputs, todo, updates = [], [], []
    for path, source, key, size, mtime_ns, sha, doc_id in facts:
        if doc_id is None:
            doc_id = moved.get(key) or _new_id(archive, path, key)
        old = registry.by_id.get(doc_id)
        item = InputFile(path, doc_id, source, key, sha, size, mtime_ns, refused.get(key))
        inputs.append(item)
        if (force or old is None or old.removed or old.retry or old.sha256 != sha or sha is None
                or old.version != version or old.environment != environment_for(item.kind, ocr_languages)):
            todo.append(item)
        elif (old.size, old.mtime_ns, old.key) != (size, mtime_ns, key):
            # Touched or moved: the same rows, under the file's new name and times.
            updates.append(Record(**{**_fields(old), "size": size, "mtime_ns": mtime_ns, "key": key,
                                     "source": source or str(path)}))
    todo.sort(key=lambda item: -(item.size or 0))  # largest first: no long file left for the end
    return Plan(inputs, todo, updates)


def _fields(record: Record) -> dict:
    return {name: getattr(record, name) for name in Record.__slots__}


def _moved_ids(registry: Registry, given: set[str], unknown: list[tuple]) -> dict[str, str]:
    """For files the registry does not know by source (``(key, size, mtime_ns, sha)``),
    the doc_id of a registered document with the same content whose source is gone:
    the file was moved or renamed, and keeps its id.

    Each such id goes to one file only: of a moved file and copies of it, the one
    with the old file's size and time (a move keeps them; a copy gets a new time)
    takes it, else the first given; the others are new documents. A file that cannot
    be read (no hash) takes no one's id.
    """
    gone: dict[str, list[Record]] = {}
    for record in registry.live():
        if (record.sha256 and record.key not in given and not is_url(record.key)
                and not os.path.exists(record.key)):
            gone.setdefault(record.sha256, []).append(record)
    if not gone:
        return {}
    claimed: dict[str, str] = {}
    taken: set[str] = set()
    for same_times in (True, False):
        for key, size, mtime_ns, sha in unknown:
            if key in claimed or sha is None:
                continue
            for record in gone.get(sha, ()):
                if record.doc_id not in taken and (not same_times or (record.size, record.mtime_ns)
                                                   == (size, mtime_ns)):
                    claimed[key] = record.doc_id
                    taken.add(record.doc_id)
                    break
    return claimed


def _new_id(archive: Archive, path, key: str) -> str:
    from .archive import new_doc_id

    stem = os.path.splitext(str(path).rstrip("/").rsplit("/", 1)[-1])[0] if is_url(str(path)) \
        else Path(path).stem
    doc_id = new_doc_id(stem, key, archive.registry.taken)
    archive.registry.taken |= {doc_id.casefold(), doc_id.casefold() + ".raw"}
    return doc_id


# A file of a kind we do not read is hashed only up to this size: a 10 GB video in the
# folder is reported at once, not after a minute of hashing (its sha256 stays empty).
UNREAD_KIND_HASH_BYTES = 64 * 2**20


def _sha256_or_none(path, size: int | None = None) -> str | None:
    """The file's hash, or None when it cannot be read (the error row says why) or is
    a large file of a kind we do not read."""
    if os.path.splitext(str(path))[1].lower() not in SUPPORTED_SUFFIXES:
        size = size if size is not None else file_facts(path)[0]
        if size is None or size > UNREAD_KIND_HASH_BYTES:
            return None
    try:
        return file_sha256(path)
    except OSError:
        return None


# ---------------------------------------------------------------- work done in a worker

_models: Models | None = None  # built once per process


_warmed = False


def worker_models(warm: bool = False) -> Models:
    """The models, loaded once per process; with ``warm``, warmed up too (:func:`warm_up`,
    once): only where workers are forked afterwards and share what it built (the batch's
    parent before its pool, a local Dask cluster's forkserver). A worker that loads its
    own models, or a batch run in one process, would pay for it and share it with none."""
    global _models, _warmed
    if _models is None:
        from ..nlp import load_models

        _models = load_models()
    if warm and not _warmed:
        warm_up(_models)
        _warmed = True
    return _models


# An invented statement for warm_up: a date, a place, a court, a person, a detention,
# a fine and an arrest, so that the stages' first-use work for each is done.
WARM_UP_TEXT = (
    "Заявление\n\n"
    "14 мая 2023 года в Казани сотрудники полиции задержали Сергея Андреевича Ломова "
    "у здания Советского районного суда. 16 мая суд назначил ему штраф 15 000 рублей, "
    "а 20 мая — административный арест на 10 суток.\n"
)


def warm_up(models: Models) -> None:
    """Run every stage once over :data:`WARM_UP_TEXT`, its result thrown away.

    Stages build some of their tables on first use (lexicon indexes, compiled patterns,
    the first calls into the taggers): about a quarter of a second. Done here, where
    the models are loaded, a worker forked afterwards (from the batch's parent, or from
    a local Dask cluster's forkserver) starts with them built and shared, instead of
    every worker building its own copy on its first file. The stages' caches hold
    what a function of its input returns, so what a document gives does not depend on
    it. The statement cannot reach every rule, so the tables the stages build from the
    lexicons alone are built here whether it reached them or not
    (:func:`~pipeline.resources.build_lexicon_indexes`), and so is the codec of a PDF's
    text. A failure here is left to the first real file to report; each step is tried on
    its own, so one that fails does not leave the others to every worker.
    """
    steps = (lambda: warm_up_rows(models),
             build_lexicon_indexes,
             # PDFium gives a page's text in UTF-16: a module imported on first use
             lambda: codecs.lookup("utf-16-le"),
             load_word_frequencies)
    for step in steps:
        try:
            step()
        except Exception:  # noqa: BLE001 - the batch's files will say what is wrong
            pass


# The wordfreq lists the stages look words up in on many documents: English, for the
# extract stage's quality gate, which asks whether each word in Latin letters is an
# English word (a name, a URL, an organisation's Latin name). Loading it takes ~0.2 s of
# CPU and ~20 MB, on the first document that asks; the warm-up text has no Latin word,
# so each forked worker loaded its own copy on its first such document (two workers:
# twice, at the same time, at the start). The Russian list (~0.6 s, ~120 MB) is asked
# for far more rarely (words joined at a line end that pymorphy3 does not know, and the
# like), so it is left to the first document that needs it.
WARM_UP_FREQUENCIES = ("en",)


def load_word_frequencies() -> None:
    """Load the word-frequency lists of :data:`WARM_UP_FREQUENCIES` (wordfreq caches each
    list per process: asked here exactly as the stages ask, ``zipf_frequency(word, lang)``,
    so that theirs is the list loaded here)."""
    from wordfreq import zipf_frequency

    for lang in WARM_UP_FREQUENCIES:
        zipf_frequency("statement", lang)


def warm_up_rows(models: Models) -> Rows:
    """The tables' rows of :data:`WARM_UP_TEXT`, through every stage from a file on."""
    import shutil

    from ..tables import document_rows
    from .scratch import scratch_folder

    folder = scratch_folder("warm-up")  # named after this process: swept once it is gone
    try:
        path = folder / "warm-up.txt"
        path.write_text(WARM_UP_TEXT, encoding="utf-8")
        return document_rows(process_file(path, "warm-up", models), "")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def import_stages(readers: bool = True) -> None:
    """Import every stage before workers fork, so they share the imported code; with
    ``readers``, the PDF reader too, which the extract stage imports only for a PDF (a worker
    that loads its own models leaves it to its first PDF)."""
    from .. import events, extract, normalise, segment, tag  # noqa: F401

    if readers:
        from ..extract import pdf  # noqa: F401


def load_own_models() -> Models:
    """A worker's initializer: the models, as :func:`worker_models` gives them. A worker
    that loads its own (:func:`loads_its_own_models`: a rerun of a few files) imports the
    stages and loads the models with the collector paused, then frozen, as the batch's
    parent does (:func:`collector_paused`): what it builds then lives as long as the
    worker, yet the collector went through it some 220 times as it grew, ~0.1 s of CPU
    of the ~1.1 s such a worker takes before its first file is done. A worker forked
    from a parent that loaded them gets them as they are."""
    if _models is not None:
        return _models
    with collector_paused():
        import_stages(readers=False)
        return worker_models()


def run_one(item: InputFile, staging: Staging, ocr_languages: str | None = None) -> tuple[Rows, int]:
    """Process one file and stage its texts; its rows and page count.

    A bad input becomes an error row with its message; an unexpected exception
    is a bug, so its traceback goes to ``OUT/errors.log`` and the batch goes on.
    """
    from ..tables import document_rows, error_rows

    source, version = item.source or str(item.path), pipeline_version()
    if item.refused:
        return error_rows(item.doc_id, source, None, item.refused.replace(str(item.path), source), version), 0
    sha = item.sha256 or _sha256_or_none(item.path, item.size)
    path = item.path
    try:
        with _local_copy(item.path) as path:
            doc = process_file(path, item.doc_id, worker_models(), sha, ocr_languages,
                               load_extracted(item.extracted))
    except PipelineError as error:
        return error_rows(item.doc_id, source, sha, str(error).replace(str(path), source), version), 0
    except MemoryError:
        raise  # the worker reports it against its memory limit
    except Exception as error:  # a bug: keep the traceback, lose nothing else
        staging.log_error(item.doc_id, f"--- {source}\n{traceback.format_exc()}\n")
        message = f"internal error ({type(error).__name__}: {error}); traceback in errors.log"
        return error_rows(item.doc_id, source, sha, message, version), 0
    staging.write_text(f"{item.doc_id}.txt", doc.clean.text)
    staging.write_text(f"{item.doc_id}.raw.txt", doc.raw.text)
    rows = document_rows(doc, version)
    rows[DOCUMENTS][0]["source"] = source
    return rows, len(doc.raw.pages)


class _local_copy:
    """A local path for an input: the path itself, or a URL's bytes in a temporary file."""

    def __init__(self, path) -> None:
        self.path, self.temp = path, None

    def __enter__(self) -> Path:
        if not is_url(str(self.path)):
            return Path(self.path)
        import tempfile

        import fsspec

        suffix = os.path.splitext(str(self.path))[1]
        fd, self.temp = tempfile.mkstemp(suffix=suffix, prefix="testimony-")
        with os.fdopen(fd, "wb") as local, fsspec.open(str(self.path), "rb") as remote:
            while block := remote.read(1 << 20):
                local.write(block)
        return Path(self.temp)

    def __exit__(self, *exc) -> None:
        if self.temp:
            os.unlink(self.temp)


def record_for(item: InputFile, rows: Rows, n_pages: int, retry: bool, ocr_languages: str | None = None) -> Record:
    """The registry's record of a file just run, from its documents row."""
    row = rows[DOCUMENTS][0]
    return Record(doc_id=item.doc_id, key=item.key or str(item.path), source=item.source or str(item.path),
                  sha256=row.get("sha256") or item.sha256, size=item.size, mtime_ns=item.mtime_ns,
                  status=row["status"], error=row.get("error"), n_pages=n_pages,
                  retry=retry or is_internal_error(rows), version=pipeline_version(),
                  environment=environment_for(item.kind, ocr_languages))


def failure_rows(item: InputFile, failure: WorkerFailure) -> Rows:
    """The error row of a file whose worker hung, crashed or ran out of memory."""
    from ..tables import error_rows

    return error_rows(item.doc_id, item.source or str(item.path), item.sha256, failure.message,
                      pipeline_version())


def is_internal_error(rows: Rows) -> bool:
    error = rows[DOCUMENTS][0].get("error") or ""
    return error.startswith("internal error")


# ---------------------------------------------------------------- the batch


def run_batch(
    paths: Sequence[Path | str],
    out_dir: Path | str,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[int, int, int], None] | None = None,
    limits: Limits = Limits(),
    process: Process | None = None,
    cluster: str | None = None,
    prune: bool = False,
    part_documents: int = PART_DOCUMENTS,
    ocr_languages: str | None = None,
    follow_links: bool = False,
    export_csv: bool = False,
) -> BatchResult:
    """Run every stage over the inputs and add the results to the archive ``out_dir``.

    ``progress(files_done, files_to_do, pages_done)`` is called before the first
    file and after each one. ``limits`` bound each file's time and each worker's
    memory; with limits or ``jobs > 1`` files run in worker processes, with
    ``cluster`` (a Dask scheduler's address, or ``local:N``) on Dask workers.
    ``process(item, staging)`` replaces :func:`run_one` (the whole pipeline) as the
    work done on each file. ``prune`` removes the archive's documents whose sources
    were not given this time. ``ocr_languages`` are Tesseract's (``rus+eng`` by default).
    ``follow_links`` reads symbolic links that leave their input folder.
    ``export_csv`` writes every table as ``OUT/NAME.csv`` before the run lets go of the
    folder (:func:`write_csv`).
    """
    store = open_store(out_dir)
    if store.local_path(store.root) is not None and os.path.exists(store.root) \
            and not os.path.isdir(store.root):
        raise OutputError(f"{out_dir}: exists and is not a folder")
    with Archive.open(store) as archive:
        # What batches killed outright left in the temporary directory (their read-ahead
        # texts, had their archive no local folder; the warm-up's), now that they are gone.
        # Their archives' staging folders each archive's next run empties (Archive.open).
        sweep_stale()
        plan = plan_batch(archive, paths, force, ocr_languages, follow_links)
        if plan.updates:
            from ..tables import rewrite_part

            archive.commit(Staged(None, [], plan.updates), rewrite=rewrite_part)
        done = pages = 0
        if progress:
            progress(0, len(plan.todo), 0)

        def advance(n_files: int, n_pages: int) -> None:
            nonlocal done, pages
            done, pages = done + n_files, pages + n_pages
            if progress:
                progress(done, len(plan.todo), pages)

        if plan.todo and cluster:
            if cluster.startswith("local:"):
                from .workers import start_preloaded_forkserver

                start_preloaded_forkserver()  # loading the models while Dask is imported here
            from .cluster import run_on_cluster

            run_on_cluster(cluster, plan.todo, archive, limits, advance, part_documents, process,
                           ocr_languages)
        elif plan.todo:
            _run_here(plan.todo, archive, jobs, limits, process, advance, part_documents, ocr_languages)
        removed = []
        if prune:
            given = {item.doc_id for item in plan.inputs}
            removed = [r.doc_id for r in archive.registry.live() if r.doc_id not in given]
            if removed:
                from ..tables import rewrite_part

                archive.commit(Staged(None, []), removed=removed, rewrite=rewrite_part)
        records = [archive.registry.by_id[item.doc_id] for item in plan.inputs]
        written = write_csv(archive) if export_csv else []
    failures = tuple((r.source, r.error or "") for r in records if r.status != "ok")
    return BatchResult(len(records), len(records) - len(failures), len(failures),
                       len(plan.inputs) - len(plan.todo), failures, len(removed), tuple(written))


# ---------------------------------------------------------------- CSV copies for spreadsheets

CSV_MARK = "csv.json"  # in _archive/: the generation the CSV copies were written from


def write_csv(archive: Archive) -> list[str]:
    """Every table as ``OUT/NAME.csv``, from the generation just committed, while the run
    still holds the folder (no other run commits meanwhile). All are written into the
    run's staging folder first and then renamed into place, so a file is never seen
    half written and a failed export leaves the older copies as they were."""
    import tempfile

    from ..tables import TABLES, export_tables
    from .archive import meta

    store = archive.store
    local = store.local_path(archive.staging)
    with tempfile.TemporaryDirectory(prefix="testimony-csv-") as elsewhere:
        folder = Path(local if local is not None else elsewhere) / "csv"
        export_tables(store.url if isinstance(store, FsspecStore) else store.root, "csv", folder)
        written = []
        for name in TABLES:
            target = store.path(f"{name}.csv")
            if local is not None:
                store.move(str(folder / f"{name}.csv"), target)
            else:
                store.write_bytes(target, (folder / f"{name}.csv").read_bytes())
            written.append(target)
    store.write_text(meta(store, CSV_MARK), json.dumps({"generation": archive.state.generation}))
    return written


def stale_csv(out_dir: Path | str) -> list[str]:
    """The ``OUT/NAME.csv`` copies an earlier ``--csv`` run wrote that no longer match
    the tables (a later run changed them); they are left in place, not deleted."""
    from ..tables import TABLES
    from .archive import meta, read_state

    store = open_store(out_dir)
    state = read_state(store)
    if state is None:
        return []
    present = [store.path(f"{name}.csv") for name in TABLES if store.exists(store.path(f"{name}.csv"))]
    try:
        written_at = json.loads(store.read_bytes(meta(store, CSV_MARK)))["generation"]
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        written_at = None
    return present if written_at != state.generation else []


class PartWriter:
    """Rows of finished files gathered into parts and committed as they fill (in the
    batch's parent, for the local workers; a Dask worker writes its own)."""

    def __init__(self, archive: Archive, part_documents: int, ocr_languages: str | None = None) -> None:
        from ..tables import TABLES

        self.archive, self.limit, self.tables = archive, part_documents, TABLES
        self.ocr_languages = ocr_languages
        self.count = 0
        self._reset()

    def _reset(self) -> None:
        self.rows: dict[str, list[dict]] = {name: [] for name in self.tables}
        self.records: list[Record] = []
        self.n_rows, self.started = 0, time.monotonic()

    def add(self, item: InputFile, outcome: tuple[Rows, int] | WorkerFailure) -> int:
        """One file's outcome; its page count."""
        if isinstance(outcome, WorkerFailure):  # hung, crashed or out of memory: try again next run
            rows, n_pages, retry = failure_rows(item, outcome), 0, True
        else:
            (rows, n_pages), retry = outcome, False
        for name in self.tables:
            found = rows.get(name, [])
            self.rows[name] += found
            self.n_rows += len(found)
        self.records.append(record_for(item, rows, n_pages, retry, self.ocr_languages))
        if (len(self.records) >= self.limit or self.n_rows >= PART_ROWS
                or time.monotonic() - self.started >= PART_SECONDS):
            self.flush()
        return n_pages

    def flush(self) -> None:
        if not self.records:
            return
        from ..tables import rewrite_part, write_part

        prepare_parts()  # done already, unless this part filled before a core was free for it
        archive, store = self.archive, self.archive.store
        self.count += 1
        folder = f"{archive.staging}{store.sep}part-{self.count}"
        write_part(store, folder, self.rows)
        append_error_logs(archive, [r.doc_id for r in self.records])
        archive.commit(Staged(folder, self.records), rewrite=rewrite_part)
        self._reset()


def append_error_logs(archive: Archive, doc_ids: Iterable[str]) -> None:
    """Tracebacks the workers staged, appended to ``OUT/errors.log``."""
    store = archive.store
    folder = f"{archive.staging}{store.sep}errors"
    logs = []
    for doc_id in doc_ids:
        path = f"{folder}{store.sep}{doc_id}.log"
        if store.exists(path):
            logs.append(store.read_text(path))
            store.remove(path)
    if logs:
        target = store.path("errors.log")
        old = store.read_text(target) if store.exists(target) else ""
        store.write_text(target, old + "".join(logs))


@dataclass(frozen=True, slots=True)
class Task:
    """``process(item, staging)`` for one item: what a worker is handed."""

    process: Process
    staging: Staging

    def __call__(self, item: InputFile):
        return self.process(item, self.staging)


def _run_here(todo: list[InputFile], archive: Archive, jobs: int, limits: Limits, process: Process | None,
              advance: Callable[[int, int], None], part_documents: int,
              ocr_languages: str | None = None) -> None:
    """Each file through ``process`` (the whole pipeline by default), in this process
    or in local workers; parts committed as they fill."""
    task = Task(process or partial(run_one, ocr_languages=ocr_languages), Staging(archive.store, archive.staging))
    with _outcomes(todo, task, jobs, limits, real=process is None, ocr_languages=ocr_languages,
                   staging=archive.store.local_path(archive.staging)) as outcomes:
        # Made once the read-ahead is forked: it imports the tables' code, which reading needs not.
        writer = PartWriter(archive, part_documents, ocr_languages)
        for item, outcome in outcomes:
            advance(1, writer.add(item, outcome))
        writer.flush()  # while the workers, told there is nothing left, end


@contextlib.contextmanager
def _outcomes(todo: list[InputFile], task, jobs: int, limits: Limits, real: bool,
              ocr_languages: str | None = None, staging: str | None = None,
              ) -> Iterator[Iterator[tuple[InputFile, tuple[Rows, int] | WorkerFailure]]]:
    """The files' outcomes as they finish, from this process or from local workers (which
    end when the context does). ``real``: the task is the whole pipeline (:func:`run_one`,
    reading PDFs in ``ocr_languages``). ``staging``: the archive's staging folder on this
    machine (None for a remote archive), where the files' text is read ahead."""
    if jobs <= 1 and not limits.isolated:
        if real:
            load_lexicons()  # a broken lexicon stops the batch here, not once per file
        yield _here(todo, task)
        return
    self_loading = real and loads_its_own_models(len(todo), jobs, limits)
    jobs = min(jobs, len(todo))
    given = todo
    reading_ahead = real and not self_loading and reads_ahead(len(todo), jobs)
    if reading_ahead:
        from ..extract import pdf  # noqa: F401 - imported once, for the read-ahead and the workers
    # While the models load here, a spare core reads the last files' text (ahead).
    with (ReadAhead(todo, jobs, ocr_languages, limits.max_memory_mb, staging) if reading_ahead
          else contextlib.nullcontext()) as ahead:
        if real:
            # A broken lexicon stops the batch here, not once per file; checked once the
            # read-ahead is forked (reading needs none of it), before any worker starts.
            load_lexicons()
        if real and not self_loading:
            with collector_paused():
                import_stages()
                # Built once here: forked workers share them instead of each loading its own
                # copy (where workers are spawned, the initializer loads them in each).
                worker_models(warm=True)
        if ahead is not None:
            given = ahead.stop()  # its core is the workers' now
        with WorkerPool(jobs, task, load_own_models if real else None, limits) as pool:
            # Preparing the part writer takes a core for a while: a spare one at once, else
            # the first a worker leaves at the batch's tail.
            yield ((todo[index], outcome) for index, outcome in pool.map(
                given, started=prepare_parts, slow_start=self_loading, spare_core=jobs < usable_cores()))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the batch's parent imports the stages
    and loads and warms the models, and what they built then frozen out of its sight.

    All of it lives as long as the run (modules, models, the stages' indexes: a start-up
    leaves a few dozen unreachable objects of ~125,000), yet the collector went through
    it some 250 times as it grew, ~5% of the CPU of the serial start-up every worker
    waits for. Frozen (:func:`gc.freeze`), it is not gone through again (the pool's forks
    unfreeze it into the oldest generation, which the parent seldom collects). A
    collector someone turned off stays off; one turned off here is on again afterwards,
    whatever happens.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        gc.enable()


def _here(todo: list[InputFile], task) -> Iterator[tuple[InputFile, tuple[Rows, int] | WorkerFailure]]:
    for item in todo:
        try:
            yield item, task(item)
        except Exception as error:  # noqa: BLE001 - as a worker would report it
            yield item, WorkerFailure(f"internal error ({type(error).__name__}: {error})")


def reads_ahead(n_files: int, jobs: int) -> bool:
    """Whether a process reads the last files' text while the parent loads the models
    (:mod:`pipeline.batch.ahead`): only where a core would idle meanwhile (the parent
    takes one) and files are left once each worker has its first, and where a process
    can be forked (it shares the list of files so).

    >>> reads_ahead(24, 1), reads_ahead(2, 2)
    (False, False)
    """
    import multiprocessing

    return (jobs >= 2 and n_files > jobs and usable_cores() >= 2
            and "fork" in multiprocessing.get_all_start_methods())


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# A worker loading the models itself needs this much address space at least; under a
# lower --max-memory the parent loads them, and a file the forked worker cannot run
# with them is its error row saying what the models need.
SELF_LOADING_MEMORY_MB = 1500


def loads_its_own_models(n_files: int, jobs: int, limits: Limits) -> bool:
    """Whether each worker loads the stages and models itself instead of forking from a
    parent that loaded them: when no worker gets more than one file (a rerun with a few
    files changed), nothing is shared by loading them first, and a worker loading its
    own does so while the parent prepares to write the tables (:func:`prepare_parts`),
    rather than one after the other.

    >>> loads_its_own_models(1, 2, Limits()), loads_its_own_models(3, 2, Limits())
    (True, False)
    >>> loads_its_own_models(1, 1, Limits(max_memory_mb=600))
    False
    """
    return n_files <= jobs and (limits.max_memory_mb is None or limits.max_memory_mb >= SELF_LOADING_MEMORY_MB)


def prepare_parts() -> None:
    """Import and warm up what writing and rewriting a part takes (pyarrow, about a third
    of a second), in the parent while the workers run files (on a core none of them
    takes, or else one a worker left at the batch's tail), rather than after the last
    one. In a process that uses no pandas (:func:`pandas_unused`),
    pyarrow is kept from importing it (:class:`_PandasHidden`). Done once per process."""
    global _PARTS_PREPARED
    if _PARTS_PREPARED:
        return
    _PARTS_PREPARED = True
    from ..tables import TABLES, _parquet_bytes, arrow_table

    with _PandasHidden() if _PANDAS_UNUSED and "pandas" not in sys.modules else contextlib.nullcontext():
        import pyarrow.compute  # noqa: F401 - rewriting a part filters with it
        import pyarrow.dataset  # noqa: F401 - and reads it with this
        import pyarrow.parquet  # noqa: F401

        for name in TABLES:
            _parquet_bytes(arrow_table(name, []))


_PANDAS_UNUSED = False
_PARTS_PREPARED = False


def pandas_unused() -> None:
    """Declare that this process never uses pandas, so :func:`prepare_parts` may hide it
    from pyarrow. The effect lasts for the whole process: pyarrow then takes pandas for
    absent until the process ends (``pa.array`` of a pandas Series with missing values
    fails), even after pandas is imported. So only a process that is ours alone
    declares it: ``testimony run`` without ``--csv`` started as the console script
    (``pipeline.cli.entry_point``), and a local Dask cluster's forkserver; never a
    library call or a CLI command run inside someone else's process."""
    global _PANDAS_UNUSED
    _PANDAS_UNUSED = True


class _PandasHidden(importlib.abc.MetaPathFinder):
    """While in use, ``import pandas`` fails as if pandas were not installed.

    pyarrow imports pandas (about half a second of CPU and 50 MB) the first time it
    converts Python values and when its dataset module loads, only to ask whether a
    value is a pandas object; the batch hands it lists and reads parts back as Arrow,
    so none ever is. Hidden while pyarrow first looks, pandas is not imported, and
    pyarrow takes it for absent where it only asks. A later ``import pandas`` works as
    ever, and pyarrow's conversions to and from pandas import it when called; only
    pyarrow's guesses (is this list a pandas Series?) stay as if it were absent, which
    is why it is done only in a process that declared it uses no pandas.
    """

    def __enter__(self) -> _PandasHidden:
        sys.meta_path.insert(0, self)
        return self

    def __exit__(self, *exc) -> None:
        sys.meta_path.remove(self)

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError(f"No module named {name!r} (hidden from pyarrow)", name=name)
        return None
