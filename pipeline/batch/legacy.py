"""An output folder written before the archive (one ``NAME.parquet``/``NAME.csv`` per
table and a ``.cache/``) becomes an archive's first generation, keeping every doc_id.

A later run into such a folder adds to it as to any archive; readers go on reading
the older form where no run has touched it.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

from .archive import TABLE_NAMES, Record, Staged

if TYPE_CHECKING:
    from .archive import Archive

WORKER_FAILURES = ("worker crashed", "timed out", "out of memory", "internal error")


def migrate(archive: Archive) -> None:
    """Commit the older single-file tables (if any) as generation 1 and remove them."""
    store = archive.store
    if not any(store.exists(store.path(f"documents.{kind}")) for kind in ("parquet", "csv")):
        return
    from ..tables import _read_single_file, write_part  # pandas and pyarrow: only here

    tables = {name: _read_single_file(store, name).to_pylist() for name in TABLE_NAMES}
    records = []
    for row in tables["documents"]:
        source = str(row.get("source") or row["doc_id"])
        cached = _cache_entry(store, row["doc_id"])
        error = row.get("error")
        records.append(Record(
            doc_id=str(row["doc_id"]), key=_key_of(source), source=source, sha256=row.get("sha256"),
            status=row.get("status") or "ok", error=error,
            retry=cached.get("retry", bool(error) and error.startswith(WORKER_FAILURES)),
            n_pages=row.get("n_pages") or 0, version=row.get("pipeline_version"),
            environment=cached.get("environment", {})))
    folder = f"{archive.staging}{store.sep}legacy"
    write_part(store, folder, tables)
    # The single files go in the commit's journal: removed only once the new parts are in
    # place, and still removed if this run is killed and the next one finishes the commit.
    retired = [store.path(f"{name}.{kind}") for name in TABLE_NAMES for kind in ("parquet", "csv")]
    archive.commit(Staged(folder, records, texts_staged=False, retired=retired))
    store.remove_tree(store.path(".cache"))  # only a cache: nothing is lost if it outlives a kill


def _key_of(source: str) -> str:
    """The registry key of a source an older run recorded as given (relative to the
    folder it ran in, which we take to be this one)."""
    return source if "://" in source else os.path.abspath(source)


def _cache_entry(store, doc_id: str) -> dict:
    try:
        return json.loads(store.read_bytes(store.path(".cache", f"{doc_id}.json")))
    except (FileNotFoundError, ValueError):
        return {}
