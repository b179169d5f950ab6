"""The output tables: records flattened to rows, written as Parquet parts, read back.

This is the only module that knows the tables' columns and types. Column names
are constants here and follow SPEC.md; a missing value is null, never a sentinel.
A batch writes each table as a partitioned Parquet dataset (``OUT/NAME/part-*.parquet``,
one part per batch of documents, every part with the same Arrow schema), through
:mod:`pipeline.batch.archive`; older outputs hold one ``NAME.parquet`` (or only
``NAME.csv``) per table, and every reader here reads either form. pandas is imported
only by the functions that return frames, so a process that only writes parts
(the batch's parent) never loads it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .batch import archive
from .batch.store import Store, open_store
from .errors import OutputError
from .spreadsheet import append_rows, neutralise_cell, restore_cell
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

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

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
        "sent_id", "text", "normal", "entity_id", "nested_in", "place_kind",
        *(name for name in MENTION_VALUE_FIELDS if name != "normal"),
    ],
    EVENTS: [
        "doc_id", "event_id", "type", "trigger", "start", "end", "raw_start", "raw_end",
        "sent_id", "page", *EVENT_VALUE_FIELDS, "evidence", "evidence_spans",
    ],
    EVENT_ARGUMENTS: ["doc_id", "event_id", "role", "mention_id"],
}

# Written by `testimony link` beside the run's tables (pipeline/link/output.py):
# one row per person and per incident across documents, one per person per event,
# and the links `pipeline.load()` joins onto mentions (`person_id`) and events
# (`incident_id`). The run's own tables are never rewritten.
PEOPLE = "people"
INCIDENTS = "incidents"
PERSON_EVENTS = "person_events"
MENTION_PEOPLE = "mention_people"
EVENT_INCIDENTS = "event_incidents"
LINK_TABLES = (PEOPLE, INCIDENTS, PERSON_EVENTS, MENTION_PEOPLE, EVENT_INCIDENTS)
LINK_COLUMNS: dict[str, list[str]] = {
    PEOPLE: ["person_id", "name", "variants", "gender", "doc_ids", "n_documents", "n_events",
             "match_probability"],
    INCIDENTS: [
        "incident_id", "type", "aggregate", "date_start", "date_end", "date_precision", "place",
        "persons", "person_ids", "count_min", "count_max", "amount_min", "amount_max",
        "currency", "term_min", "term_max", "term_unit", "n_sources", "doc_ids", "event_ids",
        "conflicts", "match_probability",
    ],
    PERSON_EVENTS: ["person_id", "doc_id", "event_id", "incident_id", "name"],
    MENTION_PEOPLE: ["doc_id", "mention_id", "person_id"],
    EVENT_INCIDENTS: ["doc_id", "event_id", "incident_id"],
}
# The link columns pipeline.load() joins onto the run's tables.
JOINED_COLUMNS: dict[str, list[str]] = {MENTIONS: ["person_id"], EVENTS: ["incident_id"]}

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
            "nested_in": holders[i], "place_kind": m.place_kind, **value_columns(m.value),
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
    import pandas as pd

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
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return value.to_pydatetime().date()
    return value


# ---------------------------------------------------------------- Parquet parts (Arrow, no pandas)

_ARROW_KINDS = {"Int64": "int64", "Float64": "float64", "boolean": "bool_"}


@cache
def arrow_schema(name: str) -> pa.Schema:
    """One table's Arrow schema: every part of a dataset has exactly this one, so
    readers of the dataset never meet two types for one column."""
    import pyarrow as pa

    def kind(column: str) -> pa.DataType:
        if column in DATE_VALUED:
            return pa.date32()
        return getattr(pa, _ARROW_KINDS.get(DTYPES.get(column, ""), "string"))()

    return pa.schema([(column, kind(column)) for column in COLUMNS[name]])


def arrow_table(name: str, rows: Sequence[Mapping]) -> pa.Table:
    """A table's rows (dicts, missing keys null) as an Arrow table of its schema."""
    import pyarrow as pa

    schema = arrow_schema(name)
    arrays = []
    for column in schema:
        values = [row.get(column.name) for row in rows]
        if column.name in DATE_VALUED:
            values = [_as_date(v) for v in values]
        arrays.append(pa.array(values, type=column.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _parquet_bytes(table: pa.Table) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def write_part(store: Store, folder: str, rows: Mapping[str, Sequence[Mapping]]) -> None:
    """One batch of documents' rows as ``folder/NAME.parquet``, one file per table (in a
    run's staging folder: the commit flushes them to disk)."""
    for name in TABLES:
        store.write_bytes(f"{folder}{store.sep}{name}.parquet", _parquet_bytes(arrow_table(name, rows.get(name, ()))),
                          durable=False)


def rewrite_part(store: Store, part_files: Sequence[str], folder: str, drop: set[str],
                 sources: Mapping[str, str] | None = None) -> None:
    """A part without the rows of the documents in ``drop`` (replaced or removed), as
    ``folder/NAME.parquet`` (``part_files`` in the order of :data:`TABLES`); ``sources``
    gives moved documents their new ``source``."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    for name, path in zip(TABLES, part_files):
        table = pq.read_table(path, filesystem=store.arrow_filesystem(), schema=arrow_schema(name))
        kept = table.filter(pc.invert(pc.is_in(table["doc_id"], pa.array(sorted(drop), pa.string()))))
        if sources and "source" in kept.column_names:
            column = kept.schema.get_field_index("source")
            renamed = [sources.get(d, s) for d, s in zip(kept["doc_id"].to_pylist(), kept["source"].to_pylist())]
            kept = kept.set_column(column, kept.schema.field(column), pa.array(renamed, kept.schema.field(column).type))
        store.write_bytes(f"{folder}{store.sep}{name}.parquet", _parquet_bytes(kept), durable=False)


def write_tables(out_dir: Path, rows: Mapping[str, Sequence[Mapping]]) -> dict[str, pd.DataFrame]:
    """Every table as one NAME.parquet and NAME.csv, atomically: the older single-file
    form of an output (still read everywhere; tests build small outputs with it)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = {name: to_frame(name, rows.get(name, ())) for name in TABLES}
    for name, frame in frames.items():
        write_atomically(out_dir / f"{name}.parquet", lambda p, f=frame: f.to_parquet(p, index=False))
        write_atomically(out_dir / f"{name}.csv", lambda p, f=frame: for_csv(f).to_csv(p, index=False))
    return frames


def for_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as its CSV holds it: a text cell a spreadsheet would run as a formula
    (``=HYPERLINK(...)`` in a statement or a file name) starts with an apostrophe, the
    OWASP rule (:mod:`pipeline.spreadsheet`); every reader here takes it off again."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype).startswith("str"):
            frame[column] = frame[column].map(neutralise_cell)
    return frame


# ---------------------------------------------------------------- reading either form

# A selection: for every table, or per table name.
Selection = Sequence | Mapping[str, Sequence] | None


def read_table(out_dir: Path | str, name: str, columns: Selection = None,
               filters: Selection = None) -> pd.DataFrame:
    """One table of an output folder, read with its columns and ``filters`` pushed down
    to Parquet; an OutputError when it is missing or cannot be read."""
    return read_tables(out_dir, (name,), columns, filters)[name]


def read_tables(out_dir: Path | str, names: Sequence[str] = TABLES, columns: Selection = None,
                filters: Selection = None) -> dict[str, pd.DataFrame]:
    """Tables of an output folder, all from one committed generation.

    ``columns`` (a list, or a dict by table) keeps only those columns of each table
    that has them; ``filters`` (pyarrow's ``[(column, op, value), ...]``, a list of
    such lists for OR, or a dict by table) keeps the rows that match. A list applies
    to each table read that has every column it names, and leaves the others whole:
    ``[("type", "==", "fine")]`` over all tables filters ``mentions.type`` (PER, LOC…)
    too, so give ``{"events": [...]}`` to filter one table. A filter naming a column
    no table read has (a misspelling), or columns no one table has together, is an
    OutputError rather than a filter that silently keeps every row. Dates may be
    given as ``datetime.date`` or ISO text.
    """
    check_filters(names, filters)
    store = open_store(out_dir)
    _check_folder(store, out_dir)
    return archive.snapshot(store, lambda state: {
        name: _arrow_to_frame(_read_arrow(store, state, name, _pick(columns, name), _pick(filters, name)))
        for name in names})


def read_link_table(out_dir: Path | str, name: str) -> pd.DataFrame:
    """A table ``testimony link`` wrote (:data:`LINK_TABLES`): one ``NAME.parquet``
    (else ``NAME.csv``) beside the run's tables, outside its archive's generations, so
    a later run into the folder never touches it."""
    if name not in LINK_TABLES:
        raise OutputError(f"no link table named {name} (link tables: {', '.join(LINK_TABLES)})")
    store = open_store(out_dir)
    _check_folder(store, out_dir)
    return _arrow_to_frame(_read_single_file(store, name))


def _check_folder(store: Store, out_dir) -> None:
    if store.local_path(store.root) is not None and not os.path.isdir(store.root):
        raise OutputError(f"{out_dir}: no such output folder; make one with "
                          f"`testimony run INPUTS -o {out_dir}`")


def _pick(selection: Selection, name: str):
    if isinstance(selection, Mapping):
        return selection.get(name)
    return selection


def _read_arrow(store: Store, state: archive.State | None, name: str, columns, filters) -> pa.Table:
    """One table as Arrow from the archive's parts, a folder of parts, NAME.parquet or NAME.csv."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = arrow_schema(name)
    folder = store.path(name)
    if state is not None:
        sources = [archive.part_file(store, name, part) for part in state.parts]
    elif store.listdir(folder):  # a dataset folder written by another tool
        sources = [f"{folder}{store.sep}{n}" for n in store.listdir(folder) if n.endswith(".parquet")]
    else:
        sources = None
    try:
        if sources is not None:
            data = ds.dataset(sources, schema=schema, format="parquet", filesystem=store.arrow_filesystem())
        else:
            data = ds.dataset(_read_single_file(store, name))
        present = data.schema.names
        wanted = None if columns is None else [c for c in present if c in set(columns)] or present[:1]
        expression = _filter_expression(filters, present)
        return data.to_table(columns=wanted, filter=expression)
    except FileNotFoundError:
        raise  # a newer commit removed a part: the snapshot reads again
    except (OSError, ValueError, pa.ArrowException) as error:
        raise OutputError(f"{store.root}: the {name} table cannot be read: {error}") from error


def _read_single_file(store: Store, name: str) -> pa.Table:
    """An older output's NAME.parquet, else its NAME.csv, as Arrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet, csv = store.path(f"{name}.parquet"), store.path(f"{name}.csv")
    if store.exists(parquet):
        table = pq.read_table(parquet, filesystem=store.arrow_filesystem())
        return table.replace_schema_metadata(None)
    if store.exists(csv):
        import pandas as pd

        # Ids and free text stay text: "003" must not become 3.
        frame = pd.read_csv(io.BytesIO(store.read_bytes(csv)), dtype=str, keep_default_na=False)
        frame = frame.replace("", None).map(restore_cell)  # the apostrophe for_csv added
        return pa.Table.from_pandas(_typed_csv(name, frame), preserve_index=False)
    raise OutputError(f"{store.root}: the {name} table is missing (neither {name}/ nor "
                      f"{name}.parquet nor {name}.csv); is this a complete `testimony run` output?")


def _typed_csv(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """CSV text cells typed as the table's schema says (columns the schema lacks stay text)."""
    import pandas as pd

    for column in frame.columns:
        if column in DATE_VALUED:
            frame[column] = frame[column].map(_as_date)
        elif DTYPES.get(column) == "Int64":
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif DTYPES.get(column) == "Float64":
            frame[column] = pd.to_numeric(frame[column]).astype("Float64")
        elif DTYPES.get(column) == "boolean":
            frame[column] = frame[column].map({"True": True, "False": False, "true": True,
                                               "false": False, None: None}).astype("boolean")
        else:
            frame[column] = frame[column].astype(object)
    return frame


def check_filters(names: Sequence[str], filters: Selection) -> None:
    """An OutputError when ``filters`` would apply to none of the tables ``names``."""
    if not filters:
        return
    if isinstance(filters, Mapping):
        for name, selection in filters.items():
            if name not in names:
                raise OutputError(f"filters given for {name!r}, which is not among the tables read "
                                  f"({', '.join(names)})")
            check_filters((name,), selection)
        return
    groups = _filter_groups(filters)
    if groups is None:
        return  # a pyarrow expression: pyarrow checks its columns
    named = {term[0] for group in groups for term in group}
    columns = {name: set(arrow_schema(name).names) for name in names}
    unknown = sorted(c for c in named if not any(c in have for have in columns.values()))
    if unknown:
        raise OutputError(f"filter on {', '.join(map(repr, unknown))}: no such column in "
                          f"{', '.join(names)} (see docs/data_dictionary.md)")
    if not any(named <= have for have in columns.values()):
        raise OutputError(f"filter on {', '.join(map(repr, sorted(named)))}: no table among "
                          f"{', '.join(names)} has all these columns; give each table its own "
                          "filters as a dict by table name")


def _filter_groups(filters) -> list | None:
    """DNF ``filters`` as a list of AND-groups (None: a pyarrow expression)."""
    if not isinstance(filters, (list, tuple)):
        return None
    return filters if isinstance(filters[0], (list, tuple)) and filters[0] and \
        isinstance(filters[0][0], (list, tuple)) else [filters]


def _filter_expression(filters, present: Sequence[str]):
    """pyarrow's expression for DNF ``filters`` over the columns ``present``; None
    when there are none or they name a column this table lacks."""
    if not filters:
        return None
    import pyarrow.parquet as pq

    groups = _filter_groups(filters)
    if groups is None:
        return filters  # already an expression
    named = {term[0] for group in groups for term in group}
    if not named <= set(present):
        return None
    groups = [[(c, op, _filter_value(c, v)) for c, op, v in group] for group in groups]
    return pq.filters_to_expression(groups)


def _filter_value(column: str, value):
    if column in DATE_VALUED:
        if isinstance(value, (list, tuple, set)):
            return [_as_date(v) for v in value]
        return _as_date(value)
    return value


def _arrow_to_frame(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas keeping nullable integers, numbers and flags nullable."""
    import pandas as pd
    import pyarrow as pa

    mapping = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(), pa.bool_(): pd.BooleanDtype()}
    frame = table.to_pandas(types_mapper=mapping.get, date_as_object=True)
    for column in frame.columns:
        if frame[column].dtype != object and pd.api.types.is_string_dtype(frame[column].dtype):
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


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


def read_output(out_dir: Path | str) -> list[OutputDocument]:
    """Every successfully processed document of an output folder, with its clean text.

    The one reader of an output folder's per-document rows: reconcile, the annotation
    export and the review pages all read through here (``research.loading.load``
    types the same tables for pandas). Tables and texts come from one generation: a
    text that does not match its ``documents`` row is read again or refused.
    """
    store = open_store(out_dir)
    _check_folder(store, out_dir)
    return archive.snapshot(store, lambda state: _read_documents(store, state))


def _read_documents(store: Store, state: archive.State | None) -> list[OutputDocument]:
    docs: dict[str, OutputDocument] = {}
    for row in _rows(_arrow_to_frame(_read_arrow(store, state, DOCUMENTS, None, None))):
        if (row.get("status") or "ok") == "ok":
            doc_id = str(row["doc_id"])
            text = _clean_text(store, doc_id)
            if text is not None and row.get("n_chars") is not None and len(text) != int(row["n_chars"]):
                raise archive.Inconsistent(f"texts/{doc_id}.txt has {len(text)} characters, the "
                                           f"documents table says {int(row['n_chars'])}")
            docs[doc_id] = OutputDocument(doc_id, text, [], [], [], [])
    for name, attr in ((SENTENCES, "sentences"), (MENTIONS, "mentions"), (EVENTS, "events"),
                       (EVENT_ARGUMENTS, "arguments")):
        for row in _rows(_arrow_to_frame(_read_arrow(store, state, name, None, None))):
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


def _clean_text(store: Store, doc_id: str) -> str | None:
    try:
        return store.read_text(store.path("texts", f"{doc_id}.txt"))  # every character, \r too
    except FileNotFoundError:
        return None


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


# ---------------------------------------------------------------- CSV and XLSX for spreadsheets

XLSX_MAX_ROWS = 1_048_575  # Excel's sheet, less the header


def export_tables(out_dir: Path | str, fmt: str, target: Path | str) -> list[Path]:
    """Every table of an output folder as ``target/NAME.csv`` (``fmt`` ``csv``) or as one
    sheet each of the workbook ``target`` (``xlsx``); the files written.

    Tables are read part by part, so a CSV of a large archive never sits in memory whole.
    """
    store = open_store(out_dir)
    _check_folder(store, out_dir)
    target = Path(target)
    if fmt == "csv":
        target.mkdir(parents=True, exist_ok=True)
        return archive.snapshot(store, lambda state: [_write_csv(store, state, name, target / f"{name}.csv")
                                                     for name in TABLES])
    if fmt == "xlsx":
        if target.is_dir():
            target = target / "tables.xlsx"
        return archive.snapshot(store, lambda state: [_write_xlsx(store, state, target)])
    raise OutputError(f"unknown table format {fmt!r} (expected csv or xlsx)")


def _frames_by_part(store: Store, state: archive.State | None, name: str) -> Iterable[pd.DataFrame]:
    """One table's rows as frames of the contract's dtypes, a part at a time."""
    if state is None:
        yield to_frame(name, _read_arrow(store, state, name, None, None).to_pylist())
        return
    for part in state.parts:
        yield to_frame(name, _read_arrow(store, archive.State(state.generation, (part,)), name, None, None)
                       .to_pylist())


def _write_csv(store: Store, state: archive.State | None, name: str, path: Path) -> Path:
    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as f:
            header = True
            for frame in _frames_by_part(store, state, name):
                for_csv(frame).to_csv(f, index=False, header=header)
                header = False
            if header:  # no parts at all: the header alone
                to_frame(name, []).to_csv(f, index=False)

    write_atomically(path, write)
    return path


def _write_xlsx(store: Store, state: archive.State | None, path: Path) -> Path:
    import pandas as pd

    frames = {name: pd.concat(list(_frames_by_part(store, state, name)) or [to_frame(name, [])],
                              ignore_index=True) for name in TABLES}
    for name, frame in frames.items():
        if len(frame) > XLSX_MAX_ROWS:
            raise OutputError(f"the {name} table has {len(frame)} rows, more than a spreadsheet "
                              f"sheet holds ({XLSX_MAX_ROWS}); export it as CSV")

    def write(temp: str) -> None:
        from openpyxl import Workbook

        book = Workbook()
        book.remove(book.active)
        for name, frame in frames.items():
            # text stored as text (never a live formula), control characters as their pictures
            rows = ({column: None if _missing(value) else value for column, value in row.items()}
                    for row in frame.to_dict("records"))
            append_rows(book.create_sheet(name), list(frame.columns), rows)
        book.save(temp)

    write_atomically(path, write)
    return path


def _missing(value) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, (str, list, tuple)) and bool(pd.isna(value)))
