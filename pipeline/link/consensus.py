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


def _groups(records: pd.DataFrame, labels: list[int]) -> dict[int, list[dict]]:
    """Records as plain dicts per cluster, in record order (pandas per group is slow)."""
    groups: dict[int, list[dict]] = {}
    for label, row in zip(labels, records.to_dict("records")):
        groups.setdefault(label, []).append(row)
    return groups


def people_table(records: pd.DataFrame, labels: list[int], weakest: dict[int, float],
                 ids: dict[int, str], events_per_person: dict[str, int]) -> pd.DataFrame:
    """One row per person: ``records`` are person records, ``labels`` their clusters."""
    rows = []
    for number, group in _groups(records, labels).items():
        genders = Counter(r["gender"] for r in group if isinstance(r["gender"], str))
        person_id = ids[number]
        docs = sorted({r["doc_id"] for r in group})
        rows.append({
            "person_id": person_id,
            "name": fullest_name([r["name"] for r in group], [r["fullness"] for r in group]),
            "variants": SEPARATOR.join(sorted({r["name"] for r in group})),
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
    dated = [(s, e if e is not None else s, p) for s, e, p in zip(starts, ends, precisions)
             if s is not None]
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
    """The value most sources give (first given on a tie) and whether they disagree.

    A row is ``(low, high, *unit)``; either end may be missing (``более 400``: 400 and
    None, ``до 30 суток``: None and 30). Sources disagree when two of them cannot both
    be true: another unit or currency, or intervals that do not overlap (a missing low
    end is unbounded below, a missing high end above).

    >>> consensus_value([(15.0, 15.0, "day"), (None, None, None), (15.0, 15.0, "day")])
    ((15.0, 15.0, 'day'), False)
    >>> consensus_value([(200.0, 200.0), (300.0, None)])
    ((200.0, 200.0), True)
    >>> consensus_value([(400.0, None), (1000.0, 1000.0)])
    ((400.0, None), False)
    """
    given = [r for r in rows if any(v is not None and v == v for v in r)]
    if not given:
        return None, False
    distinct = list(dict.fromkeys(given))
    conflict = any(not _compatible(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1:])
    return _most_common(given), conflict


def _compatible(a: tuple, b: tuple) -> bool:
    """Two ``(low, high, *unit)`` values can both be true (see :func:`consensus_value`)."""
    if a[2:] != b[2:]:
        return False
    inf = float("inf")
    low_a, high_a = (-inf if a[0] is None else a[0]), (inf if a[1] is None else a[1])
    low_b, high_b = (-inf if b[0] is None else b[0]), (inf if b[1] is None else b[1])
    return low_a <= high_b and low_b <= high_a


def _value(v):
    """A cell as a plain value: None for every kind of missing."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
        return None
    return v


def incidents_table(records: pd.DataFrame, labels: list[int], weakest: dict[int, float],
                    ids: dict[int, str], person_names: dict[str, str]) -> pd.DataFrame:
    """One row per incident: ``records`` are event records, ``labels`` their clusters."""
    rows = []
    for number, group in _groups(records, labels).items():
        group.sort(key=lambda r: (r["doc_id"], r["event_id"]))
        conflicts = []
        start, end, precision, date_conflict = consensus_date(
            [_value(r["date_start"]) for r in group], [_value(r["date_end"]) for r in group],
            [r["date_precision"] for r in group])
        if date_conflict:
            conflicts.append("date")
        place, place_conflict = consensus_place([r["place_canonical"] for r in group],
                                                [r["city"] for r in group],
                                                [r["country"] for r in group])
        if place_conflict:
            conflicts.append("place")
        values = {}
        for field, columns in (("count", ("count_min", "count_max")),
                               ("amount", ("amount_min", "amount_max", "currency")),
                               ("term", ("term_min", "term_max", "term_unit"))):
            value, conflict = consensus_value(
                [tuple(_value(r[c]) for c in columns) for r in group])
            values |= dict(zip(columns, value or (None,) * len(columns)))
            if conflict:
                conflicts.append(field)
        person_ids = [p for r in group if r["person_ids"] is not None for p in r["person_ids"]]
        docs = list(dict.fromkeys(r["doc_id"] for r in group))
        rows.append({
            "incident_id": ids[number], "type": group[0]["type"],
            "aggregate": bool(group[0]["aggregate"]),
            "date_start": start, "date_end": end, "date_precision": precision,
            "place": place, "persons": joined(person_names.get(p) for p in person_ids),
            "person_ids": joined(person_ids), **values,
            "n_sources": len(docs), "doc_ids": SEPARATOR.join(docs),
            "event_ids": SEPARATOR.join(f"{r['doc_id']}:{r['event_id']}" for r in group),
            "conflicts": SEPARATOR.join(conflicts) or None,
            "match_probability": weakest.get(number),
        })
    return pd.DataFrame(rows, columns=INCIDENT_COLUMNS)
