"""The tables ``testimony link`` writes, beside the run's own tables.

The names and columns are :mod:`pipeline.tables`' (``LINK_TABLES``).
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

from ..tables import (
    EVENT_INCIDENTS,
    INCIDENTS,
    LINK_COLUMNS,
    LINK_TABLES,
    MENTION_PEOPLE,
    PEOPLE,
    PERSON_EVENTS,
    write_atomically,
)

__all__ = ["EVENT_INCIDENTS", "INCIDENTS", "LINK_COLUMNS", "LINK_TABLES", "MANIFEST",
           "MENTION_PEOPLE", "PEOPLE", "PERSON_EVENTS", "to_frame", "write_link_tables"]

MANIFEST = "link.json"
PEOPLE_COLUMNS = LINK_COLUMNS[PEOPLE]
INCIDENT_COLUMNS = LINK_COLUMNS[INCIDENTS]
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
