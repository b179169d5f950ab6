"""The output tables in pandas, typed for analysis: the researchers' side of ``tables``.

``load(OUT)`` reads every table of an output folder and gives each column the
type the data dictionary (:mod:`pipeline.research.dictionary`) names: categories for
labels, ``datetime64`` for dates, nullable ``Int64``/``Float64`` for numbers.
An output written by an older version loads with its missing optional columns
as null; one lacking a required column is refused with a message naming them.

The summaries below (events by month, detentions per place, fines per
currency, custodial days per person) are what the notebook and the HTML report
show. They leave out negated events (`не был задержан`), which did not happen, and
totals over happenings the text also tells one by one (`aggregate`).
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .dictionary import BOOL, CATEGORY, DATE, DICTIONARY, Column
from ..errors import OutputError
from ..records import NAME_SEPARATOR
from ..tables import (
    EVENT_INCIDENTS,
    EVENTS,
    INCIDENTS,
    JOINED_COLUMNS,
    MENTION_PEOPLE,
    MENTIONS,
    PEOPLE,
    PERSON_EVENTS,
    TABLES,
    read_table,
)

PERSON_SEPARATOR = NAME_SEPARATOR
# Average lengths, for adding terms given in months or years to terms in days.
DAYS_PER_UNIT = {"day": 1.0, "month": 365.25 / 12, "year": 365.25}


LINKED_TABLES = (PEOPLE, INCIDENTS, PERSON_EVENTS)  # what `testimony link` adds to Tables
LINK_MANIFEST = "link.json"


def _empty(name: str) -> pd.DataFrame:
    return conform(pd.DataFrame(columns=list(DICTIONARY[name])), name)


@dataclass(frozen=True, slots=True)
class Tables:
    """Every table of one output folder, typed by :func:`load`.

    ``people``, ``incidents`` and ``person_events`` are there once ``testimony link``
    has run (``linked``), empty before.
    """

    documents: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    event_arguments: pd.DataFrame
    people: pd.DataFrame = field(default_factory=lambda: _empty(PEOPLE))
    incidents: pd.DataFrame = field(default_factory=lambda: _empty(INCIDENTS))
    person_events: pd.DataFrame = field(default_factory=lambda: _empty(PERSON_EVENTS))
    linked: bool = False


def load(out: str | Path, links: str | Path | None = None) -> Tables:
    """Read the tables ``testimony run`` wrote into ``out``, typed for pandas, with the
    people and incidents ``testimony link`` wrote into ``links`` (default ``out``)
    and their ids joined onto mentions and events."""
    out = Path(out)
    if not out.is_dir():
        raise OutputError(f"{out}: no such output folder; make one with "
                          f"`testimony run INPUTS -o {out}`")
    tables = {name: load_table(out, name) for name in TABLES}
    links = Path(links) if links is not None else out
    if not _has_links(links):
        return Tables(**tables)
    _warn_if_stale(links, tables["documents"])
    mentions = read_table(links, MENTION_PEOPLE)[["doc_id", "mention_id", "person_id"]]
    events = read_table(links, EVENT_INCIDENTS)[["doc_id", "event_id", "incident_id"]]
    tables[MENTIONS] = _joined(tables[MENTIONS], mentions, ["doc_id", "mention_id"], MENTIONS)
    tables[EVENTS] = _joined(tables[EVENTS], events, ["doc_id", "event_id"], EVENTS)
    linked = {name: load_table(links, name) for name in LINKED_TABLES}
    return Tables(**tables, **linked, linked=True)


def _has_links(folder: Path) -> bool:
    return all(any((folder / f"{name}.{suffix}").exists() for suffix in ("parquet", "csv"))
               for name in (*LINKED_TABLES, MENTION_PEOPLE, EVENT_INCIDENTS))


def _joined(frame: pd.DataFrame, link: pd.DataFrame, keys: list[str], name: str) -> pd.DataFrame:
    """``frame`` with the link's id column in its dictionary place, typed."""
    column = JOINED_COLUMNS[name][0]
    link = link.astype({"doc_id": str, keys[1]: "int64"}).drop_duplicates(keys)
    ids = frame[keys].astype({"doc_id": str, keys[1]: "int64"}).merge(link, on=keys, how="left")
    frame = frame.drop(columns=[column], errors="ignore")
    frame[column] = ids[column].to_numpy()
    return conform(frame, name)


def _warn_if_stale(links: Path, documents: pd.DataFrame) -> None:
    """A warning when documents were added or removed since the folder was linked."""
    manifest = links / LINK_MANIFEST
    if not manifest.exists():
        return
    linked = set(json.loads(manifest.read_text(encoding="utf-8")).get("documents", []))
    now = set(documents["doc_id"].astype(str))
    if linked != now:
        warnings.warn(f"{links}: linked over {len(linked)} documents, the output now has "
                      f"{len(now)} ({len(now - linked)} new, {len(linked - now)} gone): "
                      f"run `testimony link` again to link them", stacklevel=3)


def load_table(out: Path, name: str) -> pd.DataFrame:
    """One table of ``out`` (Parquet, else CSV) with the dictionary's columns and types."""
    return conform(read_table(out, name), name, where=str(out))


def conform(frame: pd.DataFrame, name: str, where: str = "") -> pd.DataFrame:
    """``frame`` with table ``name``'s columns in order and typed; extra columns kept last."""
    columns = DICTIONARY[name]
    missing = [c for c, spec in columns.items() if spec.required and c not in frame.columns]
    if missing:
        raise OutputError(f"{where + ': ' if where else ''}the {name} table lacks required "
                          f"column(s) {', '.join(missing)}; it was written by an older or "
                          f"different tool: rerun `testimony "
                          f"{'link' if name in LINKED_TABLES else 'run'}`")
    typed = {c: _typed(frame[c] if c in frame.columns else None, spec, len(frame))
             for c, spec in columns.items()}
    result = pd.DataFrame(typed, index=frame.index)
    extra = [c for c in frame.columns if c not in columns]  # from a newer version: keep
    return pd.concat([result, frame[extra]], axis=1) if extra else result


def _typed(values: pd.Series | None, spec: Column, n_rows: int) -> pd.Series:
    if values is None:
        values = pd.Series([None] * n_rows, dtype=object)
    if spec.dtype == DATE:
        return pd.to_datetime(values, format="ISO8601").astype("datetime64[ns]")
    if spec.dtype == CATEGORY:
        text = values.astype("string")
        known = list(spec.values or ())
        seen = sorted(v for v in text.dropna().unique() if v not in known)
        return text.astype(pd.CategoricalDtype(known + seen))
    if spec.dtype == BOOL:
        flags = values.astype("boolean")
        # Plain bool when every row says; nullable only for an older output lacking it.
        return flags if flags.isna().any() else flags.astype(bool)
    return values.astype(spec.dtype)


def explode_persons(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, person) with the name in ``person``; events naming nobody drop out.

    >>> events = pd.DataFrame({"event_id": [0, 1],
    ...                        "persons": ["Бахытжан Торегожина; Лариса Бояр", None]})
    >>> explode_persons(events)[["event_id", "person"]].to_dict("records")
    [{'event_id': 0, 'person': 'Бахытжан Торегожина'}, {'event_id': 0, 'person': 'Лариса Бояр'}]
    """
    named = events[events["persons"].notna()].copy()
    named["person"] = named["persons"].astype(str).str.split(PERSON_SEPARATOR.strip())
    named = named.explode("person", ignore_index=True)
    named["person"] = named["person"].str.strip().astype("string")
    return named[named["person"] != ""].reset_index(drop=True)


def with_documents(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Each event with its document's columns (source, doc_date, extraction, …) alongside."""
    return events.merge(documents, on="doc_id", how="left", validate="many_to_one",
                        suffixes=("", "_document"))


def happened(events: pd.DataFrame) -> pd.DataFrame:
    """The events the text says happened, each counted once.

    Negated events (``не был задержан``) did not happen, and totals over
    happenings also told one by one (``Всего было задержано 28 человек``,
    ``aggregate``) would count them twice.
    """
    negated = events["negated"].fillna(False).astype(bool)
    aggregate = (events["aggregate"].fillna(False).astype(bool) if "aggregate" in events
                 else pd.Series(False, index=events.index))
    return events[~negated & ~aggregate]


def term_days(events: pd.DataFrame, column: str = "term_min") -> pd.Series:
    """A term column in days (months and years at their average length).

    >>> frame = pd.DataFrame({"term_min": [15.0, 2.0, None], "term_unit": ["day", "year", None]})
    >>> term_days(frame).round(1).tolist()
    [15.0, 730.5, nan]
    """
    factor = events["term_unit"].astype(object).map(DAYS_PER_UNIT).astype("Float64")
    return (events[column].astype("Float64") * factor).astype(float)


def events_by_month(events: pd.DataFrame) -> pd.DataFrame:
    """Events per calendar month (of ``date_start``) and type; undated events left out."""
    dated = happened(events).dropna(subset=["date_start"])
    month = dated["date_start"].dt.to_period("M").rename("month")
    table = pd.crosstab(month, dated["type"].astype(str))
    return table.sort_index()


def detentions_by_place(events: pd.DataFrame) -> pd.DataFrame:
    """Per place: detention events and the people they name or count (at least)."""
    detentions = happened(events)
    detentions = detentions[detentions["type"] == "detention"].copy()
    named = detentions["persons"].fillna("").astype(str).str.split(PERSON_SEPARATOR.strip())
    n_named = named.map(lambda names: sum(1 for n in names if n.strip()))
    # The stated count when there is one, else the people named.
    detentions["people"] = detentions["count_min"].astype("Float64").fillna(n_named)
    detentions["place"] = detentions["place"].astype(object).fillna("(place not given)")
    table = detentions.groupby("place").agg(events=("type", "size"), people=("people", "sum"))
    return table.astype("Int64").sort_values("events", ascending=False)


def fines_by_currency(events: pd.DataFrame) -> pd.DataFrame:
    """Per currency: fines, the fines with an amount, and amounts summed (low and high end).

    Amounts are summed as stated per event; a fine stated for a group is counted once.
    """
    fines = happened(events)
    fines = fines[fines["type"] == "fine"].copy()
    fines["currency"] = fines["currency"].astype(object).fillna("(no amount)")
    table = fines.groupby("currency").agg(
        fines=("type", "size"), with_amount=("amount_min", "count"),
        total_min=("amount_min", _total), total_max=("amount_max", _total))
    return table.sort_values("fines", ascending=False)


def _total(values: pd.Series):
    """A sum that stays null when no value is known (not 0)."""
    return values.sum(min_count=1)


def custodial_days_by_person(events: pd.DataFrame) -> pd.DataFrame:
    """Per named person: custody events and the days of arrest or prison (low and high end)."""
    custody = happened(events)
    custody = custody[custody["type"] == "custody"].copy()
    custody["days_min"] = term_days(custody, "term_min")
    custody["days_max"] = term_days(custody, "term_max")
    people = explode_persons(custody)
    table = people.groupby("person").agg(
        custody_events=("type", "size"), with_term=("days_min", "count"),
        days_min=("days_min", _total), days_max=("days_max", _total))
    return table.sort_values("days_min", ascending=False)


def incidents_by_type(tables: Tables) -> pd.DataFrame:
    """Per event type: happenings (incidents) against tellings (events), and how many
    happenings more than one document tells. Totals over happenings told one by one
    (``aggregate``) are left out, as :func:`happened` leaves them out of events.

    Empty when the folder has not been linked (``testimony link``).
    """
    columns = ["incidents", "told_by_several", "most_sources", "events"]
    if not tables.linked:
        return pd.DataFrame(columns=columns)
    incidents = tables.incidents[~tables.incidents["aggregate"].fillna(False).astype(bool)]
    table = incidents.groupby(incidents["type"].astype(str)).agg(
        incidents=("incident_id", "size"),
        told_by_several=("n_sources", lambda n: int((n > 1).sum())),
        most_sources=("n_sources", "max"))
    events = happened(tables.events).dropna(subset=["incident_id"])
    table["events"] = events.groupby(events["type"].astype(str)).size()
    table = table.reindex(columns=columns).fillna(0).astype("Int64")
    return table.sort_values("incidents", ascending=False).rename_axis("type")


def incidents_told_by_several(tables: Tables, limit: int | None = None) -> pd.DataFrame:
    """The incidents more than one document tells, most sources first: what linking
    found, and (``conflicts``) where the sources disagree."""
    several = tables.incidents[tables.incidents["n_sources"] > 1]
    several = several.sort_values(["n_sources", "date_start"], ascending=[False, True])
    columns = ["incident_id", "type", "date_start", "place", "persons", "n_sources", "doc_ids",
               "conflicts"]
    return several[columns].head(limit) if limit else several[columns]
