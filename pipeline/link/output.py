"""The tables ``testimony link`` writes, beside the run's own tables.

``people`` and ``incidents`` hold one row per person and per incident;
``person_events`` one row per person per event; ``mention_people`` and
``event_incidents`` give each PER mention its ``person_id`` and each event its
``incident_id``. The run's tables are never rewritten: :func:`pipeline.load`
joins the last two onto ``mentions`` and ``events``, so a later ``testimony run``
into the same folder cannot lose the links and linking never touches the run's
files. Each table is written as ``NAME.parquet`` and ``NAME.csv``, atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ..tables import read_table, write_atomically

PEOPLE = "people"
INCIDENTS = "incidents"
PERSON_EVENTS = "person_events"
MENTION_PEOPLE = "mention_people"
EVENT_INCIDENTS = "event_incidents"
LINK_TABLES = (PEOPLE, INCIDENTS, PERSON_EVENTS, MENTION_PEOPLE, EVENT_INCIDENTS)
MANIFEST = "link.json"

PEOPLE_COLUMNS = ["person_id", "name", "variants", "gender", "doc_ids", "n_documents",
                  "n_events", "match_probability"]
INCIDENT_COLUMNS = [
    "incident_id", "type", "aggregate", "date_start", "date_end", "date_precision", "place",
    "persons", "person_ids", "count_min", "count_max", "amount_min", "amount_max", "currency",
    "term_min", "term_max", "term_unit", "n_sources", "doc_ids", "event_ids", "conflicts",
    "match_probability",
]
PERSON_EVENTS_COLUMNS = ["person_id", "doc_id", "event_id", "incident_id", "name"]
MENTION_PEOPLE_COLUMNS = ["doc_id", "mention_id", "person_id"]
EVENT_INCIDENTS_COLUMNS = ["doc_id", "event_id", "incident_id"]

LINK_COLUMNS: dict[str, list[str]] = {
    PEOPLE: PEOPLE_COLUMNS,
    INCIDENTS: INCIDENT_COLUMNS,
    PERSON_EVENTS: PERSON_EVENTS_COLUMNS,
    MENTION_PEOPLE: MENTION_PEOPLE_COLUMNS,
    EVENT_INCIDENTS: EVENT_INCIDENTS_COLUMNS,
}
LINK_DTYPES = {
    "n_documents": "Int64", "n_events": "Int64", "n_sources": "Int64", "event_id": "Int64",
    "mention_id": "Int64", "count_min": "Int64", "count_max": "Int64",
    "match_probability": "Float64", "amount_min": "Float64", "amount_max": "Float64",
    "term_min": "Float64", "term_max": "Float64", "aggregate": "boolean",
}
LINK_DATES = ("date_start", "date_end")


def to_frame(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """A link table with its columns in order and the types it is written with."""
    frame = frame.reindex(columns=LINK_COLUMNS[name])
    for column in frame.columns:
        if column in LINK_DTYPES:
            frame[column] = frame[column].astype(LINK_DTYPES[column])
        elif column in LINK_DATES:
            frame[column] = frame[column].map(_as_date).astype(object)
        else:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame.reset_index(drop=True)


def _as_date(value):
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date()
    return value


def write_link_tables(dest: Path, frames: dict[str, pd.DataFrame]) -> None:
    """Every link table as NAME.parquet and NAME.csv in ``dest``, atomically."""
    for name in LINK_TABLES:
        frame = to_frame(name, frames.get(name, pd.DataFrame()))
        write_atomically(dest / f"{name}.parquet",
                         lambda p, f=frame: f.to_parquet(p, index=False))
        write_atomically(dest / f"{name}.csv", lambda p, f=frame: f.to_csv(p, index=False))


def has_link_tables(folder: Path) -> bool:
    return all(any((folder / f"{name}.{s}").exists() for s in ("parquet", "csv"))
               for name in LINK_TABLES)


def read_link_table(folder: Path, name: str) -> pd.DataFrame:
    """One link table as written (Parquet, else CSV)."""
    return read_table(folder, name)
