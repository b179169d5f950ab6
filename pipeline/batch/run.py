"""A batch: every input file through every stage, into one output folder.

Each file's rows are kept in ``OUT/.cache/{doc_id}.json`` with the file's
sha256 and the pipeline's version, so a rerun over the same inputs skips what
is done (a rerun with nothing to do loads no models); the tables are then
rebuilt from the cache of every current input. Every write is atomic, so a
batch killed at any moment leaves whole tables and a cache to resume from.

A file that fails becomes an ``error`` row and the batch goes on. Files run in
worker processes (:mod:`pipeline.batch.workers`) under a time and a memory limit, so a
file that hangs, crashes its worker or runs out of memory is one error row too.
A file that failed because of what it holds is not retried until it or the
pipeline changes; one whose worker failed is retried on the next run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..errors import OutputError, PipelineError
from .files import file_sha256
from ..resources import load_lexicons, models_dir
from .workers import Limits, WorkerFailure, WorkerPool

if TYPE_CHECKING:  # the heavy stages (and pandas) are imported only when needed
    from ..nlp import Models
    from ..records import ProcessedDocument
    from ..tables import Rows

# The documents table's name as pipeline.tables spells it; named here so that a
# rerun with nothing to do never imports pandas (which tables does).
DOCUMENTS = "documents"
MANIFEST = "tables.json"  # in the cache folder: which inputs the tables were written from

CACHE_DIR = ".cache"
TEXTS_DIR = "texts"


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    doc_id: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    n_files: int
    n_ok: int
    n_failed: int
    n_skipped: int  # done before with the same file and pipeline version
    failures: tuple[tuple[str, str], ...]  # (source, message)


# What a worker does with one input: its rows and its page count.
Process = Callable[["InputFile", Path], "tuple[Rows, int]"]


def process_file(path: Path, doc_id: str, models: Models, sha256: str | None = None,
                 ocr_languages: str | None = None) -> ProcessedDocument:
    """All stages over one file, from bytes to events (OCR, in ``ocr_languages``, for pages without
    usable text)."""
    from ..events import build_events
    from ..extract import extract
    from ..normalise import normalise
    from ..records import ProcessedDocument
    from ..segment import split_sentences
    from ..tag import tag_mentions

    raw = extract(path, doc_id, ocr=True, sha256=sha256, ocr_languages=ocr_languages)
    clean = normalise(raw.text)
    sentences = split_sentences(clean.text)
    doc_date, mentions = tag_mentions(clean.text, models)
    events = build_events(clean.text, sentences, mentions, models, doc_date)
    page_warnings = tuple(p.warning for p in raw.pages if p.warning)
    warnings = summarise_warnings(dict.fromkeys(raw.warnings + page_warnings))
    return ProcessedDocument(raw, clean, doc_date, sentences, mentions, events, warnings)


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


def collect_inputs(paths: Iterable[Path]) -> list[InputFile]:
    """Every file named or found under a named folder, each with a unique doc_id.

    Hidden files are passed over; files of kinds we do not read are kept, so
    that the batch reports them. Two files with one stem get ``stem``,
    ``stem-2``, … in path order.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            files.append(path)
        else:
            raise PipelineError(f"{path}: no such file or folder")
    taken: set[str] = set()
    inputs = []
    for path in files:
        doc_id, n = path.stem, 1
        while doc_id in taken:
            n += 1
            doc_id = f"{path.stem}-{n}"
        taken.add(doc_id)
        inputs.append(InputFile(path, doc_id))
    return inputs


@cache
def pipeline_version() -> str:
    """The package version plus a fingerprint of its code and lexicons.

    A cached result is reused only under the same fingerprint, so changing a
    trigger word or a rule redoes the files on the next run.
    """
    digest = hashlib.sha256()
    for folder in (Path(__file__).parents[1], models_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".jsonl", ".csv", ".txt"}:
                digest.update(path.name.encode() + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _sha256_or_none(path: Path) -> str | None:
    """The file's hash, or None when it cannot be read (the error row says why)."""
    try:
        return file_sha256(path)
    except OSError:
        return None


# Work done in a worker process: models are built once per process.
_models: Models | None = None


def _worker_models() -> Models:
    global _models
    if _models is None:
        from ..nlp import load_models

        _models = load_models()
    return _models


def _import_stages() -> None:
    """Import every stage before workers fork, so they share the imported code."""
    from .. import events, extract, normalise, segment, tag  # noqa: F401


def run_one(item: InputFile, out_dir: Path, ocr_languages: str | None = None) -> tuple[Rows, int]:
    """Process one file and write its texts; its rows and page count.

    A bad input becomes an error row with its message; an unexpected exception
    is a bug, so its traceback goes to ``OUT/errors.log`` and the batch goes on.
    """
    from ..tables import document_rows, error_rows, write_text_atomically

    source, sha = str(item.path), _sha256_or_none(item.path)
    version = pipeline_version()
    try:
        doc = process_file(item.path, item.doc_id, _worker_models(), sha, ocr_languages)
    except PipelineError as error:
        return error_rows(item.doc_id, source, sha, str(error), version), 0
    except MemoryError:
        raise  # the worker reports it against its memory limit
    except Exception as error:  # a bug: keep the traceback, lose nothing else
        with open(out_dir / "errors.log", "a", encoding="utf-8") as log:
            log.write(f"--- {source}\n{traceback.format_exc()}\n")
        message = f"internal error ({type(error).__name__}: {error}); traceback in errors.log"
        return error_rows(item.doc_id, source, sha, message, version), 0
    texts = out_dir / TEXTS_DIR
    write_text_atomically(texts / f"{item.doc_id}.txt", doc.clean.text)
    write_text_atomically(texts / f"{item.doc_id}.raw.txt", doc.raw.text)
    return document_rows(doc, version), len(doc.raw.pages)


def run_batch(
    paths: Sequence[Path],
    out_dir: Path,
    jobs: int = 1,
    force: bool = False,
    progress: Callable[[int, int, int], None] | None = None,
    limits: Limits = Limits(),
    process: Process | None = None,
    ocr_languages: str | None = None,
) -> BatchResult:
    """Run every stage over the inputs and write the tables into ``out_dir``.

    ``progress(files_done, files_to_do, pages_done)`` is called before the
    first file and after each one. ``limits`` bound each file's time and each
    worker's memory; with limits or ``jobs > 1`` files run in worker
    processes. ``process(item, out_dir)`` replaces :func:`run_one` (the whole
    pipeline) as the work done on each file. ``ocr_languages`` are Tesseract's
    (``rus+eng`` by default).
    """
    inputs = collect_inputs(paths)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: exists and is not a folder")
    cache_dir = out_dir / CACHE_DIR
    cache_dir.mkdir(parents=True, exist_ok=True)
    _remove_leftover_temporaries(out_dir)
    version = pipeline_version()
    environment = _environment(ocr_languages)

    rows_by_doc = {} if force else _cached_rows(cache_dir, inputs, version, environment)
    todo = [item for item in inputs if item.doc_id not in rows_by_doc]

    done = pages = 0
    if progress:
        progress(0, len(todo), 0)

    def finish(item: InputFile, outcome: tuple[Rows, int] | WorkerFailure) -> None:
        nonlocal done, pages
        from ..tables import error_rows

        if isinstance(outcome, WorkerFailure):  # hung, crashed or out of memory: try again next run
            rows, n_pages, retry = error_rows(item.doc_id, str(item.path), _sha256_or_none(item.path),
                                              outcome.message, version), 0, True
        else:
            (rows, n_pages), retry = outcome, False
        rows_by_doc[item.doc_id] = rows
        _write_cache(cache_dir, item, rows, environment, retry or _is_internal_error(rows))
        done, pages = done + 1, pages + n_pages
        if progress:
            progress(done, len(todo), pages)

    if todo:
        _process_all(todo, out_dir, jobs, limits, process, finish, ocr_languages)
    manifest = {"version": version,
                "inputs": [[item.doc_id, str(item.path), rows_by_doc[item.doc_id][DOCUMENTS][0].get("sha256")]
                           for item in inputs]}
    if todo or not _tables_match(out_dir, manifest):
        _write_all_tables(out_dir, inputs, rows_by_doc, manifest)
    failures = tuple((row["source"], row["error"])
                     for item in inputs for row in rows_by_doc[item.doc_id][DOCUMENTS]
                     if row["status"] == "error")
    return BatchResult(len(inputs), len(inputs) - len(failures), len(failures), len(inputs) - len(todo), failures)


def _cached_rows(cache_dir: Path, inputs: list[InputFile], version: str, environment: dict) -> dict[str, Rows]:
    """The rows kept from earlier runs of the inputs that have not changed, by doc_id."""
    found = {}
    for item in inputs:
        cached = _read_cache(cache_dir, item, version, environment)
        if cached is not None:
            found[item.doc_id] = cached
    return found


def _process_all(todo: list[InputFile], out_dir: Path, jobs: int, limits: Limits, process: Process | None,
                 finish: Callable[[InputFile, tuple[Rows, int] | WorkerFailure], None],
                 ocr_languages: str | None = None) -> None:
    """Each file to do through ``process`` (the whole pipeline by default, OCR in
    ``ocr_languages``), here or in workers; ``finish(item, outcome)`` as each one ends."""
    if process is None:
        load_lexicons()  # a broken lexicon stops the batch here, not once per file
    task = process or partial(run_one, ocr_languages=ocr_languages)
    if jobs <= 1 and not limits.isolated:
        for item in todo:
            finish(item, _run_here(task, item, out_dir))
        return
    if process is None:
        _import_stages()
        # Built once here: forked workers share them instead of each loading its own
        # copy (where workers are spawned, the initializer loads them in each).
        _worker_models()
    initializer = _worker_models if process is None else None
    with WorkerPool(min(jobs, len(todo)), partial(task, out_dir=out_dir), initializer, limits) as pool:
        for index, outcome in pool.map(todo):
            finish(todo[index], outcome)


def _write_all_tables(out_dir: Path, inputs: list[InputFile], rows_by_doc: dict[str, Rows],
                      manifest: dict) -> None:
    """Every input's rows into the tables, then the manifest that says which inputs they hold."""
    from ..tables import TABLES, write_tables, write_text_atomically

    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for item in inputs:
        for name in TABLES:
            merged[name] += rows_by_doc[item.doc_id].get(name, [])
    (out_dir / CACHE_DIR / MANIFEST).unlink(missing_ok=True)  # tables first, then the manifest
    write_tables(out_dir, merged)
    manifest["tables"] = [f"{name}.{kind}" for name in TABLES for kind in ("parquet", "csv")]
    write_text_atomically(out_dir / CACHE_DIR / MANIFEST, json.dumps(manifest, ensure_ascii=False))


def _tables_match(out_dir: Path, manifest: dict) -> bool:
    """Whether the tables in ``out_dir`` were written from these inputs, every file still there."""
    try:
        written = json.loads((out_dir / CACHE_DIR / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    tables = written.pop("tables", [])
    return written == manifest and all((out_dir / name).is_file() for name in tables)


def _run_here(task: Process, item: InputFile, out_dir: Path) -> tuple[Rows, int] | WorkerFailure:
    """One file in this process (no limits asked for): a bug in ``task`` is that file's error."""
    try:
        return task(item, out_dir=out_dir)
    except Exception as error:  # noqa: BLE001 - as a worker would report it
        return WorkerFailure(f"internal error ({type(error).__name__}: {error})")


def _is_internal_error(rows: Rows) -> bool:
    error = rows[DOCUMENTS][0].get("error") or ""
    return error.startswith("internal error")


def _environment(ocr_languages: str | None = None) -> dict:
    """What outside the pipeline's code changes results: whether OCR is installed, in which languages."""
    from ..tesseract import ocr_available, usable_languages

    return {"ocr": ocr_available(), "ocr_languages": usable_languages(ocr_languages)[0] if ocr_available() else ""}


def _remove_leftover_temporaries(out_dir: Path) -> None:
    """Temporary files a killed run left mid-write (tables and texts are whole)."""
    for folder in (out_dir, out_dir / CACHE_DIR, out_dir / TEXTS_DIR):
        for temp in folder.glob(".*.tmp"):
            temp.unlink(missing_ok=True)


def _cache_path(cache_dir: Path, item: InputFile) -> Path:
    return cache_dir / f"{item.doc_id}.json"


def _read_cache(cache_dir: Path, item: InputFile, version: str, environment: dict) -> Rows | None:
    """The rows kept from an earlier run, if the file, pipeline and environment are unchanged."""
    path = _cache_path(cache_dir, item)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rows = entry.get("rows", {})
    if (not rows.get(DOCUMENTS) or entry.get("retry", True) or entry.get("version") != version
            or entry.get("environment") != environment or entry.get("sha256") != _sha256_or_none(item.path)):
        return None  # changed, or its worker failed: try again
    return rows


def _write_cache(cache_dir: Path, item: InputFile, rows: Rows, environment: dict, retry: bool) -> None:
    from ..tables import write_text_atomically

    sha = rows[DOCUMENTS][0].get("sha256")
    entry = {"version": pipeline_version(), "sha256": sha, "environment": environment,
             "retry": retry, "rows": rows}
    write_text_atomically(_cache_path(cache_dir, item),
                          json.dumps(entry, ensure_ascii=False, default=_json_default))


def _json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the cache")
