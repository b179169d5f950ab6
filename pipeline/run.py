"""A batch: every input file through every stage, into one output folder.

Each file's rows are kept in ``OUT/.cache/{doc_id}.json`` with the file's
sha256 and the pipeline's version, so a rerun over the same inputs skips what
is done; the tables are then rebuilt from the cache of every current input. A
file that fails becomes an ``error`` row and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import traceback
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import __version__
from .errors import OutputError, PipelineError, UnsupportedFileError
from .extract import SUPPORTED_SUFFIXES, extract
from .nlp import Models, load_models
from .normalise import normalise
from .records import ProcessedDocument
from .resources import models_dir
from .segment import split_sentences
from .tables import DOCUMENTS, TABLES, Rows, document_rows, error_rows, write_tables, write_text_atomically

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


def process_file(path: Path, doc_id: str, models: Models) -> ProcessedDocument:
    """All stages over one file, from bytes to events."""
    from .events import build_events  # the events stage needs the tag stage's models

    from .tag import tag_mentions

    raw = extract(path, doc_id)
    clean = normalise(raw.text)
    sentences = split_sentences(clean.text)
    doc_date, mentions = tag_mentions(clean.text, models)
    events = build_events(clean.text, sentences, mentions, models, doc_date)
    warnings = raw.warnings + tuple(p.warning for p in raw.pages if p.warning)
    return ProcessedDocument(raw, clean, doc_date, sentences, mentions, events, warnings)


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
    for folder in (Path(__file__).parent, models_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".py", ".json", ".jsonl", ".csv", ".txt"}:
                digest.update(path.name.encode() + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def file_sha256(path: Path) -> str | None:
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


# Work done in a worker process: models are built once per process.
_models: Models | None = None


def _worker_models() -> Models:
    global _models
    if _models is None:
        _models = load_models()
    return _models


def run_one(item: InputFile, out_dir: Path) -> tuple[Rows, int]:
    """Process one file and write its texts; its rows and page count.

    A bad input becomes an error row with its message; an unexpected exception
    is a bug, so its traceback goes to ``OUT/errors.log`` and the batch goes on.
    """
    source, sha = str(item.path), file_sha256(item.path)
    version = pipeline_version()
    if item.path.suffix.lower() not in SUPPORTED_SUFFIXES:
        error = UnsupportedFileError(
            f"{source}: unsupported file type {item.path.suffix or '(none)'!r}; "
            f"expected one of {', '.join(SUPPORTED_SUFFIXES)}")
        return error_rows(item.doc_id, source, sha, str(error), version), 0
    try:
        doc = process_file(item.path, item.doc_id, _worker_models())
    except PipelineError as error:
        return error_rows(item.doc_id, source, sha, str(error), version), 0
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
) -> BatchResult:
    """Run every stage over the inputs and write the tables into ``out_dir``.

    ``progress(files_done, files_to_do, pages_done)`` is called before the
    first file and after each one.
    """
    inputs = collect_inputs(paths)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: exists and is not a folder")
    cache_dir = out_dir / CACHE_DIR
    cache_dir.mkdir(parents=True, exist_ok=True)
    version = pipeline_version()

    rows_by_doc: dict[str, Rows] = {}
    todo: list[InputFile] = []
    for item in inputs:
        cached = None if force else _read_cache(cache_dir, item, version)
        if cached is None:
            todo.append(item)
        else:
            rows_by_doc[item.doc_id] = cached
    n_skipped = len(inputs) - len(todo)

    done = pages = 0
    if progress:
        progress(0, len(todo), 0)

    def finish(item: InputFile, rows: Rows, n_pages: int) -> None:
        nonlocal done, pages
        rows_by_doc[item.doc_id] = rows
        _write_cache(cache_dir, item, rows)
        done, pages = done + 1, pages + n_pages
        if progress:
            progress(done, len(todo), pages)

    if jobs <= 1 or len(todo) <= 1:
        for item in todo:
            finish(item, *run_one(item, out_dir))
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [(item, pool.submit(run_one, item, out_dir)) for item in todo]
            for item, future in futures:
                finish(item, *future.result())

    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for item in inputs:
        for name in TABLES:
            merged[name] += rows_by_doc[item.doc_id].get(name, [])
    write_tables(out_dir, merged)

    failures = tuple((row["source"], row["error"]) for row in merged[DOCUMENTS]
                     if row["status"] == "error")
    return BatchResult(len(inputs), len(inputs) - len(failures), len(failures), n_skipped, failures)


def _cache_path(cache_dir: Path, item: InputFile) -> Path:
    return cache_dir / f"{item.doc_id}.json"


def _read_cache(cache_dir: Path, item: InputFile, version: str) -> Rows | None:
    """The rows kept from an earlier run, if the file and pipeline are unchanged."""
    path = _cache_path(cache_dir, item)
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rows = entry.get("rows", {})
    ok = rows.get(DOCUMENTS) and rows[DOCUMENTS][0].get("status") == "ok"
    if entry.get("version") != version or entry.get("sha256") != file_sha256(item.path) or not ok:
        return None  # changed, or failed before: try again
    return rows


def _write_cache(cache_dir: Path, item: InputFile, rows: Rows) -> None:
    sha = rows[DOCUMENTS][0].get("sha256")
    entry = {"version": pipeline_version(), "sha256": sha, "rows": rows}
    write_text_atomically(_cache_path(cache_dir, item),
                          json.dumps(entry, ensure_ascii=False, default=_json_default))


def _json_default(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the cache")
