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
from pathlib import Path

import pandas as pd

from .records import Count, DateValue, Event, Money, ProcessedDocument, Term
from .tag.nesting import nested_in

DOCUMENTS = "documents"
SENTENCES = "sentences"
MENTIONS = "mentions"
EVENTS = "events"
EVENT_ARGUMENTS = "event_arguments"
TABLES = (DOCUMENTS, SENTENCES, MENTIONS, EVENTS, EVENT_ARGUMENTS)

DATE_COLUMNS = ["date_start", "date_end", "date_precision"]
AMOUNT_COLUMNS = ["amount_min", "amount_max", "currency"]
TERM_COLUMNS = ["term_min", "term_max", "term_unit"]
COUNT_COLUMNS = ["count_min", "count_max"]

COLUMNS: dict[str, list[str]] = {
    DOCUMENTS: [
        "doc_id", "source", "sha256", "n_pages", "n_chars", "doc_date",
        "extraction", "status", "error", "warnings", "pipeline_version",
    ],
    SENTENCES: ["doc_id", "sent_id", "start", "end", "page", "n_tokens", "n_chars", "text"],
    MENTIONS: [
        "doc_id", "mention_id", "type", "start", "end", "raw_start", "raw_end", "page",
        "sent_id", "text", "normal", "entity_id", "nested_in",
        *DATE_COLUMNS, *AMOUNT_COLUMNS, *TERM_COLUMNS, *COUNT_COLUMNS, "approx",
    ],
    EVENTS: [
        "doc_id", "event_id", "type", "trigger", "start", "end", "raw_start", "raw_end",
        "sent_id", "page", *DATE_COLUMNS, "place", "persons", "actors",
        *COUNT_COLUMNS, *AMOUNT_COLUMNS, *TERM_COLUMNS, "negated", "aggregate", "evidence",
        "evidence_spans",
    ],
    EVENT_ARGUMENTS: ["doc_id", "event_id", "role", "mention_id"],
}

# pandas dtypes; columns not named here are strings (object).
_INT = "Int64"
DTYPES: dict[str, str] = {
    "n_pages": _INT, "n_chars": _INT, "sent_id": _INT, "start": _INT, "end": _INT,
    "page": _INT, "n_tokens": _INT, "mention_id": _INT, "raw_start": _INT,
    "raw_end": _INT, "entity_id": _INT, "nested_in": _INT, "event_id": _INT, "count_min": _INT,
    "count_max": _INT, "amount_min": "Float64", "amount_max": "Float64",
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
        "warnings": "; ".join(doc.warnings) or None, "pipeline_version": pipeline_version,
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
        "place": e.place, "persons": "; ".join(e.persons) or None,
        "actors": "; ".join(e.actors) or None, "negated": e.negated,
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
    """One table of an output folder (Parquet, else CSV)."""
    parquet = out_dir / f"{name}.parquet"
    if parquet.exists():
        return pd.read_parquet(parquet)
    # Ids and free text stay text: "003" must not become 3.
    return pd.read_csv(out_dir / f"{name}.csv", dtype={"doc_id": str, "text": str, "source": str})


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
