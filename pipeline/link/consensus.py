"""Clusters into the tables researchers count: one row per person, per incident.

A person's row takes the fullest nominative name seen and lists every variant. An
incident's row takes, field by field, what its sources agree on: the most precise
date, the most specific place, every person named, and the value most sources
give for counts, amounts and terms; ``conflicts`` names the fields where sources
disagree (dates that do not overlap, places in different cities or countries,
different values), so an analyst knows which incidents to read again.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from .output import INCIDENT_COLUMNS, PEOPLE_COLUMNS
from .people import fullest_name
from .places import CITY, COUNTRY, REGION, place_kind

SEPARATOR = "; "
PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}
# A venue the gazetteer does not know is more specific than a city.
PLACE_DEPTH = {None: 0, CITY: 1, REGION: 2, COUNTRY: 3}


def joined(values) -> str | None:
    """Distinct values in order of first appearance, ``; ``-joined; None if there are none.

    >>> joined(["b", "a", "b", None]), joined([])
    ('b; a', None)
    """
    seen = list(dict.fromkeys(str(v) for v in values if v is not None and v == v and v != ""))
    return SEPARATOR.join(seen) or None


def people_table(records: pd.DataFrame, labels: list[int], weakest: dict[int, float],
                 ids: dict[int, str], events_per_person: dict[str, int]) -> pd.DataFrame:
    """One row per person: ``records`` are person records, ``labels`` their clusters."""
    records = records.assign(cluster=labels)
    rows = []
    for number, group in records.groupby("cluster", sort=False):
        genders = Counter(g for g in group["gender"] if g)
        person_id = ids[number]
        docs = sorted(set(group["doc_id"]))
        rows.append({
            "person_id": person_id,
            "name": fullest_name(group["name"], group["fullness"]),
            "variants": SEPARATOR.join(sorted(set(group["name"]))),
            "gender": genders.most_common(1)[0][0] if genders else None,
            "doc_ids": SEPARATOR.join(docs),
            "n_documents": len(docs),
            "n_events": events_per_person.get(person_id, 0),
            "match_probability": weakest.get(number),
        })
    return pd.DataFrame(rows, columns=PEOPLE_COLUMNS)


def _most_common(values: list, order=None):
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], -values.index(v)))


def consensus_date(starts, ends, precisions) -> tuple:
    """The most precise date the sources give, and whether dated sources disagree.

    >>> import datetime as dt
    >>> d = dt.date
    >>> consensus_date([d(2012, 5, 1), d(2012, 5, 31)], [d(2012, 5, 31), d(2012, 5, 31)],
    ...                ["month", "day"])
    (datetime.date(2012, 5, 31), datetime.date(2012, 5, 31), 'day', False)
    >>> consensus_date([d(2012, 5, 30), d(2012, 5, 31)], [d(2012, 5, 30), d(2012, 5, 31)],
    ...                ["day", "day"])[3]
    True
    """
    dated = [(s, e, p) for s, e, p in zip(starts, ends, precisions) if s is not None and s == s]
    if not dated:
        return None, None, None, False
    conflict = any(a[0] > b[1] or b[0] > a[1] for a in dated for b in dated)
    best = min(PRECISION_ORDER.get(p, 3) for _, _, p in dated)
    precise = [(s, e, p) for s, e, p in dated if PRECISION_ORDER.get(p, 3) == best]
    start, end, precision = _most_common(precise)
    return start, end, precision, conflict


def consensus_place(places, cities, countries) -> tuple[str | None, bool]:
    """The most specific place named, and whether sources put it in different places.

    >>> consensus_place(["Алматы", "площадь Республики"], ["Алматы", "Алматы"], ["KZ", "KZ"])
    ('площадь Республики', False)
    >>> consensus_place(["Алматы", "Астана"], ["Алматы", "Астана"], ["KZ", "KZ"])[1]
    True
    """
    named = [p for p in places if isinstance(p, str) and p]
    if not named:
        return None, False
    depth = {p: PLACE_DEPTH.get(place_kind(p)[0], 0) for p in named}
    deepest = min(depth.values())
    place = _most_common([p for p in named if depth[p] == deepest])
    conflict = (len({c for c in cities if isinstance(c, str)}) > 1
                or len({c for c in countries if isinstance(c, str)}) > 1)
    return place, conflict


def consensus_value(rows: list[tuple]) -> tuple[tuple | None, bool]:
    """The value most sources give (first given on a tie) and whether they differ.

    >>> consensus_value([(15.0, 15.0, "day"), (None, None, None), (15.0, 15.0, "day")])
    ((15.0, 15.0, 'day'), False)
    >>> consensus_value([(200.0, 200.0), (300.0, None)])
    ((200.0, 200.0), True)
    """
    given = [r for r in rows if any(v is not None and v == v for v in r)]
    if not given:
        return None, False
    return _most_common(given), len(set(given)) > 1


def _value(v):
    return None if v is None or (isinstance(v, float) and v != v) or v is pd.NA else v


def incidents_table(records: pd.DataFrame, labels: list[int], weakest: dict[int, float],
                    ids: dict[int, str], person_names: dict[str, str]) -> pd.DataFrame:
    """One row per incident: ``records`` are event records, ``labels`` their clusters."""
    records = records.assign(cluster=labels)
    rows = []
    for number, group in records.groupby("cluster", sort=False):
        group = group.sort_values(["doc_id", "event_id"])
        conflicts = []
        start, end, precision, date_conflict = consensus_date(
            list(group["date_start"]), list(group["date_end"]), list(group["date_precision"]))
        if date_conflict:
            conflicts.append("date")
        place, place_conflict = consensus_place(
            [p for p in group["place_canonical"]], list(group["city"]), list(group["country"]))
        if place_conflict:
            conflicts.append("place")
        values = {}
        for field, columns in (("count", ("count_min", "count_max")),
                               ("amount", ("amount_min", "amount_max", "currency")),
                               ("term", ("term_min", "term_max", "term_unit"))):
            value, conflict = consensus_value(
                [tuple(_value(v) for v in row) for row in group[list(columns)].itertuples(
                    index=False, name=None)])
            values |= dict(zip(columns, value or (None,) * len(columns)))
            if conflict:
                conflicts.append(field)
        person_ids = [p for ids_ in group["person_ids"] if ids_ is not None for p in ids_]
        docs = list(dict.fromkeys(group["doc_id"]))
        rows.append({
            "incident_id": ids[number], "type": group["type"].iloc[0],
            "aggregate": bool(group["aggregate"].iloc[0]),
            "date_start": start, "date_end": end, "date_precision": precision,
            "place": place, "persons": joined(person_names.get(p) for p in person_ids),
            "person_ids": joined(person_ids), **values,
            "n_sources": len(docs), "doc_ids": SEPARATOR.join(docs),
            "event_ids": SEPARATOR.join(f"{d}:{e}" for d, e in zip(group["doc_id"],
                                                                   group["event_id"])),
            "conflicts": SEPARATOR.join(conflicts) or None,
            "match_probability": weakest.get(number),
        })
    return pd.DataFrame(rows, columns=INCIDENT_COLUMNS)
