"""The output tables: records flattened to rows, written as Parquet and CSV.

This is the only module that knows pandas. Column names are constants here and
follow SPEC.md; a missing value is null, never a sentinel. Every file is
written to a temporary name and renamed, so an interrupted run never leaves a
half-written table.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import OutputError
from .records import (
    EVENT_VALUE_FIELDS,
    MENTION_VALUE_FIELDS,
    Count,
    DateValue,
    Event,
    Money,
    ProcessedDocument,
    Term,
    join_names,
)
from .tag.nesting import nested_in

DOCUMENTS = "documents"
SENTENCES = "sentences"
MENTIONS = "mentions"
EVENTS = "events"
EVENT_ARGUMENTS = "event_arguments"
TABLES = (DOCUMENTS, SENTENCES, MENTIONS, EVENTS, EVENT_ARGUMENTS)

# The value columns are records.MENTION_VALUE_FIELDS and EVENT_VALUE_FIELDS, written
# once there for the tables and every gold format.
COLUMNS: dict[str, list[str]] = {
    DOCUMENTS: [
        "doc_id", "source", "sha256", "n_pages", "n_chars", "doc_date",
        "extraction", "status", "error", "warnings", "text_quality", "pipeline_version",
    ],
    SENTENCES: ["doc_id", "sent_id", "start", "end", "page", "n_tokens", "n_chars", "text"],
    MENTIONS: [
        "doc_id", "mention_id", "type", "start", "end", "raw_start", "raw_end", "page",
        "sent_id", "text", "normal", "entity_id", "nested_in",
        *(name for name in MENTION_VALUE_FIELDS if name != "normal"),
    ],
    EVENTS: [
        "doc_id", "event_id", "type", "trigger", "start", "end", "raw_start", "raw_end",
        "sent_id", "page", *EVENT_VALUE_FIELDS, "evidence", "evidence_spans",
    ],
    EVENT_ARGUMENTS: ["doc_id", "event_id", "role", "mention_id"],
}

# pandas dtypes; columns not named here are strings (object).
_INT = "Int64"
DTYPES: dict[str, str] = {
    "n_pages": _INT, "n_chars": _INT, "sent_id": _INT, "start": _INT, "end": _INT,
    "page": _INT, "n_tokens": _INT, "mention_id": _INT, "raw_start": _INT,
    "raw_end": _INT, "entity_id": _INT, "nested_in": _INT, "event_id": _INT, "count_min": _INT,
    "count_max": _INT, "text_quality": "Float64", "amount_min": "Float64", "amount_max": "Float64",
    "term_min": "Float64", "term_max": "Float64", "approx": "boolean", "negated": "boolean",
    "aggregate": "boolean",
}
DATE_VALUED = ("doc_date", "date_start", "date_end")

Rows = dict[str, list[dict]]


def value_columns(value) -> dict:
    """The value columns (dates, amounts, terms, counts) a value fills."""
    if isinstance(value, DateValue):
        return {"date_start": value.start, "date_end": value.end,
                "date_precision": value.precision}
    if isinstance(value, Money):
        return {"amount_min": value.low, "amount_max": value.high,
                "currency": value.currency, "approx": value.approx}
    if isinstance(value, Term):
        return {"term_min": value.low, "term_max": value.high,
                "term_unit": value.unit, "approx": value.approx}
    if isinstance(value, Count):
        return {"count_min": value.low, "count_max": value.high, "approx": value.approx}
    return {}


def document_rows(doc: ProcessedDocument, pipeline_version: str) -> Rows:
    """Every table's rows for one processed document."""
    raw, clean, doc_id = doc.raw, doc.clean, doc.doc_id
    sentence_starts = [s.start for s in doc.sentences]

    def sent_id_at(offset: int) -> int | None:
        index = bisect.bisect_right(sentence_starts, offset) - 1
        return index if index >= 0 else None

    def page_at(clean_offset: int) -> int:
        return raw.page_at(clean.to_raw(clean_offset, clean_offset + 1)[0])

    documents = [{
        "doc_id": doc_id, "source": raw.source, "sha256": raw.sha256,
        "n_pages": len(raw.pages), "n_chars": len(clean.text), "doc_date": doc.doc_date,
        "extraction": raw.extraction, "status": "ok", "error": None,
        "warnings": "; ".join(doc.warnings) or None, "text_quality": raw.quality,
        "pipeline_version": pipeline_version,
    }]
    sentences = [{
        "doc_id": doc_id, "sent_id": i, "start": s.start, "end": s.end,
        "page": page_at(s.start), "n_tokens": s.n_tokens, "n_chars": s.end - s.start,
        "text": s.text,
    } for i, s in enumerate(doc.sentences)]
    mentions = []
    holders = nested_in(doc.mentions)
    for i, m in enumerate(doc.mentions):
        raw_start, raw_end = clean.to_raw(m.start, m.end)
        mentions.append({
            "doc_id": doc_id, "mention_id": i, "type": m.type, "start": m.start,
            "end": m.end, "raw_start": raw_start, "raw_end": raw_end,
            "page": raw.page_at(raw_start), "sent_id": sent_id_at(m.start),
            "text": m.text, "normal": m.normal, "entity_id": m.entity_id,
            "nested_in": holders[i], **value_columns(m.value),
        })
    events, arguments = [], []
    for i, e in enumerate(doc.events):
        events.append(event_row(doc, i, e))
        arguments += [{"doc_id": doc_id, "event_id": i, "role": a.role, "mention_id": a.mention}
                      for a in e.arguments]
    return {DOCUMENTS: documents, SENTENCES: sentences, MENTIONS: mentions,
            EVENTS: events, EVENT_ARGUMENTS: arguments}


def event_row(doc: ProcessedDocument, event_id: int, e: Event) -> dict:
    raw_start, raw_end = doc.clean.to_raw(e.start, e.end)
    spans = e.evidence or ((doc.sentences[e.sent_id].start, doc.sentences[e.sent_id].end),)
    row = {
        "doc_id": doc.doc_id, "event_id": event_id, "type": e.type, "trigger": e.trigger,
        "start": e.start, "end": e.end, "raw_start": raw_start, "raw_end": raw_end,
        "sent_id": e.sent_id, "page": doc.raw.page_at(raw_start),
        "place": e.place, "persons": join_names(e.persons),
        "actors": join_names(e.actors), "negated": e.negated,
        "aggregate": e.aggregate,
        # The sentence(s) telling the event; a merged event keeps every one.
        "evidence": " … ".join(doc.clean.text[s:t] for s, t in spans),
        "evidence_spans": "; ".join(f"{s}-{t}" for s, t in spans),
    }
    for value in (e.date, e.money, e.term, e.count):
        row |= {k: v for k, v in value_columns(value).items() if k != "approx"}
    return row


def error_rows(doc_id: str, source: str, sha256: str | None, message: str,
               pipeline_version: str) -> Rows:
    """The one ``documents`` row of a file that failed."""
    row = {"doc_id": doc_id, "source": source, "sha256": sha256, "status": "error",
           "error": message, "pipeline_version": pipeline_version}
    return {DOCUMENTS: [row]} | {name: [] for name in TABLES if name != DOCUMENTS}


def to_frame(name: str, rows: Iterable[Mapping]) -> pd.DataFrame:
    """A table's rows as a DataFrame with the contract's columns and dtypes."""
    frame = pd.DataFrame.from_records(list(rows), columns=COLUMNS[name])
    for column in frame.columns:
        if column in DTYPES:
            frame[column] = frame[column].astype(DTYPES[column])
        elif column in DATE_VALUED:
            # Dates stay calendar dates: Parquet date32, ISO text in CSV.
            frame[column] = frame[column].map(_as_date).astype(object)
        else:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _as_date(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def write_tables(out_dir: Path, rows: Mapping[str, Sequence[Mapping]]) -> dict[str, pd.DataFrame]:
    """Write every table as NAME.parquet and NAME.csv, atomically."""
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = {name: to_frame(name, rows.get(name, ())) for name in TABLES}
    for name, frame in frames.items():
        write_atomically(out_dir / f"{name}.parquet", lambda p, f=frame: f.to_parquet(p, index=False))
        write_atomically(out_dir / f"{name}.csv", lambda p, f=frame: f.to_csv(p, index=False))
    return frames


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    """One table of an output folder (Parquet, else CSV); an OutputError when it is
    missing or cannot be read."""
    out_dir = Path(out_dir)
    parquet, csv = out_dir / f"{name}.parquet", out_dir / f"{name}.csv"
    if not parquet.exists() and not csv.exists():
        raise OutputError(f"{out_dir}: the {name} table is missing (neither {name}.parquet nor "
                          f"{name}.csv); is this a complete `testimony run` output?")
    try:
        if parquet.exists():
            return pd.read_parquet(parquet)
        # Ids and free text stay text: "003" must not become 3.
        return pd.read_csv(csv, dtype={"doc_id": str, "text": str, "source": str})
    except (OSError, ValueError) as error:  # pyarrow's and pandas' read errors
        raise OutputError(f"{out_dir}: the {name} table cannot be read: {error}") from error


# ---------------------------------------------------------------- one output folder, per document

# Columns read back as Python ints (offsets and ids), the rest as the table holds them.
_INT_COLUMNS = ("start", "end", "sent_id", "page", "mention_id", "event_id")


@dataclass(slots=True)
class OutputDocument:
    """One ``ok`` document of an output folder: its clean text and its rows as dicts
    (nulls as None), each table's rows in text order."""

    doc_id: str
    text: str | None  # texts/{doc_id}.txt read exactly; None when it is missing
    sentences: list[dict]
    mentions: list[dict]
    events: list[dict]
    arguments: list[dict]
    _starts: list[int] = field(default_factory=list, repr=False)

    def sentence_at(self, offset: int | None) -> dict | None:
        """The sentence row holding a clean offset."""
        if offset is None or not self.sentences:
            return None
        if not self._starts:
            self._starts = [s["start"] for s in self.sentences]
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.sentences[index] if index >= 0 else None


def read_output(out_dir: Path) -> list[OutputDocument]:
    """Every successfully processed document of an output folder, with its clean text.

    The one reader of an output folder's per-document rows: reconcile, the annotation
    export and the review pages all read through here (``research.loading.load``
    types the same tables for pandas).
    """
    out_dir = Path(out_dir)
    docs: dict[str, OutputDocument] = {}
    for row in _rows(read_table(out_dir, DOCUMENTS)):
        if (row.get("status") or "ok") == "ok":
            doc_id = str(row["doc_id"])
            docs[doc_id] = OutputDocument(doc_id, _clean_text(out_dir, doc_id), [], [], [], [])
    for name, attr in ((SENTENCES, "sentences"), (MENTIONS, "mentions"), (EVENTS, "events"),
                       (EVENT_ARGUMENTS, "arguments")):
        for row in _rows(read_table(out_dir, name)):
            doc = docs.get(str(row["doc_id"]))
            if doc is not None:
                getattr(doc, attr).append(row)
    for doc in docs.values():
        for rows in (doc.sentences, doc.mentions, doc.events):
            rows.sort(key=lambda r: r["start"] if r["start"] is not None else -1)
    return list(docs.values())


def _rows(frame: pd.DataFrame) -> list[dict]:
    """A table's rows as dicts: nulls as None, offsets and ids as Python ints."""
    rows = [{k: _null(v) for k, v in row.items()} for row in frame.to_dict("records")]
    for row in rows:
        for key in _INT_COLUMNS:
            if row.get(key) is not None:
                row[key] = int(float(row[key]))
    return rows


def _null(value):
    """None for the missing values pandas hands back (None, NaN, pd.NA)."""
    try:
        return None if value is None or bool(value != value) else value
    except TypeError:  # pd.NA refuses bool()
        return None


def _clean_text(out_dir: Path, doc_id: str) -> str | None:
    path = out_dir / "texts" / f"{doc_id}.txt"
    if not path.exists():
        return None
    with open(path, encoding="utf-8", newline="") as f:  # offsets count every character
        return f.read()


def write_atomically(path: Path, write) -> None:
    """Call ``write(temp_path)`` then rename over ``path``: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(temp)
        # mkstemp makes the file private; the output is meant to be shared.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    write_atomically(path, lambda p: Path(p).write_text(text, encoding="utf-8"))
