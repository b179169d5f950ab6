"""The output tables in pandas, typed for analysis: the researchers' side of ``tables``.

``load(OUT)`` reads every table of an output folder and gives each column the
type the data dictionary (:mod:`pipeline.research.dictionary`) names: categories for
labels, ``datetime64`` for dates, nullable ``Int64``/``Float64`` for numbers.
It reads an archive's partitioned tables (``OUT/NAME/part-*.parquet``) from one
committed generation, or an older output's single ``NAME.parquet``/``NAME.csv``;
``columns=`` and ``filters=`` are pushed down to Parquet, so a selection from a
large archive reads only what it keeps. An output written by an older version
loads with its missing optional columns as null; one lacking a required column is
refused with a message naming them.

The summaries below (events by month, detentions per place, fines per
currency, custodial days per person) are what the notebook and the HTML report
show. They leave out negated events (`не был задержан`), which did not happen, and
totals over happenings the text also tells one by one (`aggregate`).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .dictionary import BOOL, CATEGORY, DATE, DICTIONARY, Column
from ..errors import OutputError
from ..records import NAME_SEPARATOR
from ..tables import (
    DOCUMENTS,
    EVENT_INCIDENTS,
    EVENTS,
    INCIDENTS,
    JOINED_COLUMNS,
    MENTION_PEOPLE,
    MENTIONS,
    PEOPLE,
    PERSON_EVENTS,
    TABLES,
    Selection,
    read_link_table,
    read_tables,
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
    """Every table of one output folder, typed by :func:`load` (None: not asked for).

    ``people``, ``incidents`` and ``person_events`` are there once ``testimony link``
    has run (``linked``), empty before.
    """

    documents: pd.DataFrame | None
    sentences: pd.DataFrame | None
    mentions: pd.DataFrame | None
    events: pd.DataFrame | None
    event_arguments: pd.DataFrame | None
    people: pd.DataFrame = field(default_factory=lambda: _empty(PEOPLE))
    incidents: pd.DataFrame = field(default_factory=lambda: _empty(INCIDENTS))
    person_events: pd.DataFrame = field(default_factory=lambda: _empty(PERSON_EVENTS))
    linked: bool = False


def load(out: str | Path, tables: Sequence[str] | None = None, columns: Selection = None,
         filters: Selection = None, links: str | Path | None = None) -> Tables:
    """Read the tables ``testimony run`` wrote into ``out``, typed for pandas, with the
    people and incidents ``testimony link`` wrote into ``links`` (default ``out``)
    and their ids joined onto mentions (``person_id``) and events (``incident_id``).

    ``tables`` names the tables to read (all by default); ``columns`` keeps only those
    columns (a list for every table that has them, or a dict by table name);
    ``filters`` keeps the rows that match, in pyarrow's form, pushed down to the
    Parquet files::

        load("out", tables=["events"], columns=["doc_id", "type", "date_start"],
             filters=[("type", "in", ["detention", "fine"]), ("date_start", ">=", "2012-01-01")])

    A list of filters applies to each table that has every column it names (so
    ``("type", "==", "fine")`` over all tables empties ``mentions``, whose ``type`` is
    PER, LOC…); a dict gives each table its own. A filter naming a column none of
    the tables has is an OutputError. The link's ids are joined onto a selection that keeps
    its keys (``doc_id`` and ``mention_id`` or ``event_id``).
    """
    names = tuple(tables) if tables is not None else TABLES
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        raise OutputError(f"no table named {', '.join(unknown)} (tables: {', '.join(TABLES)})")
    frames = read_tables(out, names, columns, filters)
    typed = {name: conform(frames[name], name, where=str(out), columns=_wanted(columns, name))
             for name in names}
    links = Path(links) if links is not None else Path(out)
    if not _has_links(links):
        return Tables(**{name: typed.get(name) for name in TABLES})
    # Ids are joined by (doc_id, event_id) and (doc_id, mention_id), positions in a
    # document: once a document is extracted anew they may name other events, so
    # its ids are withheld until the folder is linked again.
    withheld = _not_linked_as_now(out, links)
    for name, link_table, keys in ((MENTIONS, MENTION_PEOPLE, ["doc_id", "mention_id"]),
                                   (EVENTS, EVENT_INCIDENTS, ["doc_id", "event_id"])):
        if typed.get(name) is not None and all(k in typed[name] for k in keys):
            ids = _kept(read_link_table(links, link_table), withheld)
            typed[name] = _joined(typed[name], ids[[*keys, JOINED_COLUMNS[name][0]]], keys, name)
    linked = {name: conform(read_link_table(links, name), name, where=str(links))
              for name in LINKED_TABLES}
    linked[PERSON_EVENTS] = _kept(linked[PERSON_EVENTS], withheld).reset_index(drop=True)
    return Tables(**{name: typed.get(name) for name in TABLES}, **linked, linked=True)


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
    return conform(frame, name, columns=[c for c in DICTIONARY[name] if c in frame.columns])


def _kept(frame: pd.DataFrame, withheld: set[str]) -> pd.DataFrame:
    """The rows of a link table whose documents are as they were when linked."""
    return frame[~frame["doc_id"].astype(str).isin(withheld)] if withheld else frame


FINGERPRINT = ("sha256", "pipeline_version", "n_chars")  # what makes a document's rows


def document_fingerprints(documents: pd.DataFrame) -> dict[str, dict]:
    """Per doc_id, what its rows were made from: the input's SHA-256, the pipeline's
    version (with its code fingerprint) and the clean text's length. ``testimony link``
    records them in its manifest; :func:`load` compares them with the output's."""
    found = {}
    for row in documents.reindex(columns=["doc_id", *FINGERPRINT]).itertuples(index=False):
        found[str(row[0])] = {name: (None if pd.isna(value) else
                                     int(value) if name == "n_chars" else str(value))
                              for name, value in zip(FINGERPRINT, row[1:])}
    return found


def _not_linked_as_now(out: str | Path, links: Path) -> set[str]:
    """The doc_ids of ``out`` whose rows are not the ones ``testimony link`` saw (new
    documents, or documents changed since), with a warning whenever the output and the
    link differ. The whole documents table is read (it is small), whatever ``filters``
    the caller gave, so a selection is checked like a full load."""
    columns = {DOCUMENTS: ["doc_id", *FINGERPRINT]}
    now = document_fingerprints(read_tables(out, (DOCUMENTS,), columns)[DOCUMENTS])
    manifest = links / LINK_MANIFEST
    recorded = (json.loads(manifest.read_text(encoding="utf-8")).get("documents")
                if manifest.exists() else None)
    if not isinstance(recorded, dict):  # no manifest, or one that kept only doc_ids
        if now:
            warnings.warn(f"{links}: the link does not record what its {len(now)} documents "
                          f"were made from, so their person_id and incident_id are left "
                          f"null: run `testimony link` again", stacklevel=3)
        return set(now)
    new = set(now) - set(recorded)
    gone = set(recorded) - set(now)
    changed = {d for d in set(now) & set(recorded) if now[d] != recorded[d]}
    if new or gone or changed:
        warnings.warn(f"{links}: linked over {len(recorded)} documents; since then "
                      f"{len(changed)} changed (their person_id and incident_id are left "
                      f"null), {len(new)} new, {len(gone)} gone: run `testimony link` again "
                      f"to link them", stacklevel=3)
    return new | changed


def load_table(out: str | Path, name: str, columns: Sequence[str] | None = None,
               filters: Sequence | None = None) -> pd.DataFrame:
    """One table of ``out`` with the dictionary's columns and types."""
    return getattr(load(out, (name,), columns, filters), name)


def _wanted(columns: Selection, name: str) -> Sequence[str] | None:
    if isinstance(columns, Mapping):
        return columns.get(name)
    return columns


def conform(frame: pd.DataFrame, name: str, where: str = "",
            columns: Sequence[str] | None = None) -> pd.DataFrame:
    """``frame`` with table ``name``'s columns in order and typed; extra columns kept last.

    With ``columns``, only those of the table's columns (the others were not read).
    """
    columns = DICTIONARY[name] if columns is None else {
        c: spec for c, spec in DICTIONARY[name].items() if c in set(columns)}
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
    An amount may be one-sided (see :func:`bounded_totals`): ``от 300 000 тенге`` leaves
    ``total_max`` null (no upper end), ``до 100 МРП`` adds 0 to ``total_min``.
    """
    fines = happened(events)
    fines = fines[fines["type"] == "fine"].copy()
    fines["currency"] = fines["currency"].astype(object).fillna("(no amount)")
    table = bounded_totals(fines, "currency", fines["amount_min"], fines["amount_max"],
                           names=("fines", "with_amount", "total_min", "total_max"))
    return table.sort_values("fines", ascending=False)


def bounded_totals(frame: pd.DataFrame, by: str, low: pd.Series, high: pd.Series,
                   names: tuple[str, str, str, str]) -> pd.DataFrame:
    """Per ``by``: rows, rows stating a value (either end), and the values summed.

    Values may be one-sided bounds. The low total adds each row's low end, 0 for a row
    with only an upper bound (``до 30 суток``: at least nothing); the high total adds the
    high ends and is null (unbounded) as soon as one row states a low end only
    (``более 400``). Either total is null when no row states a value (not 0).

    >>> frame = pd.DataFrame({"k": ["a", "a", "b"]})
    >>> bounded_totals(frame, "k", pd.Series([10.0, 300.0, None]), pd.Series([20.0, None, 30.0]),
    ...                names=("rows", "with_value", "low", "high")).to_dict("index")
    {'a': {'rows': 2, 'with_value': 2, 'low': 310.0, 'high': None}, 'b': {'rows': 1, 'with_value': 1, 'low': 0.0, 'high': 30.0}}
    """
    rows, with_value, total_low, total_high = names
    low = pd.Series(low, index=frame.index).astype(float)
    high = pd.Series(high, index=frame.index).astype(float)
    stated = low.notna() | high.notna()
    parts = pd.DataFrame({
        "key": frame[by],
        "stated": stated,
        # A row with only an upper bound is at least 0.
        "low": low.where(~stated | low.notna(), 0.0),
        # A row with only a lower bound has no upper end: +inf, read back as null.
        "high": high.where(~stated | high.notna(), np.inf),
    })
    grouped = parts.groupby("key", sort=False)
    table = pd.DataFrame({
        rows: grouped.size(),
        with_value: grouped["stated"].sum().astype(int),
        total_low: grouped["low"].sum(min_count=1),
        total_high: grouped["high"].sum(min_count=1).replace(np.inf, np.nan),
    }).astype({rows: "Int64", with_value: "Int64", total_low: "Float64", total_high: "Float64"})
    return table.rename_axis(by)


def custodial_days_by_person(events: pd.DataFrame) -> pd.DataFrame:
    """Per named person: custody events and the days of arrest or prison (low and high end).

    A term is stated when either end is (``до 30 суток``); ends are summed as in
    :func:`bounded_totals`.
    """
    custody = happened(events)
    custody = custody[custody["type"] == "custody"].copy()
    custody["days_min"] = term_days(custody, "term_min")
    custody["days_max"] = term_days(custody, "term_max")
    people = explode_persons(custody)
    table = bounded_totals(people, "person", people["days_min"], people["days_max"],
                           names=("custody_events", "with_term", "days_min", "days_max"))
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
