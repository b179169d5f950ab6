"""Matching gold and predicted items, and comparing their values.

Mentions match strictly (same type and span) or by overlap (same type,
overlapping spans), one to one; events by type and nearby triggers, or by
agreeing fields when gold has no offsets.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..records import EVENT_VALUE_FIELDS, join_names, split_names
from ..resources import fold
from ..tag.gazetteer import canonical_place

NEAR = 100  # characters between trigger spans that still count as one event


def field_groups(names) -> dict[str, tuple[str, ...]]:
    """Event fields scored together: a date's three parts, an amount with its currency.

    >>> field_groups(("date_start", "date_end", "place", "amount_min", "currency"))
    {'date': ('date_start', 'date_end'), 'place': ('place',), 'amount': ('amount_min', 'currency')}
    """
    groups: dict[str, tuple[str, ...]] = {}
    for name in names:
        group = "amount" if name == "currency" else name.split("_")[0]
        groups[group] = groups.get(group, ()) + (name,)
    return groups


EVENT_FIELDS = field_groups(EVENT_VALUE_FIELDS)


# ---------------------------------------------------------------- comparing values


def normalise_name(name) -> str:
    """A name folded for comparison: case, ё, spaces.

    >>> normalise_name("  Бахыт  ТУМЕНОВА ") == normalise_name("бахыт туменова")
    True
    >>> normalise_name("Алёна") == normalise_name("Алена")
    True
    """
    return " ".join(fold(str(name)).split())


def same_value(name: str, gold, predicted) -> bool:
    """Whether a predicted field value agrees with the gold one."""
    if predicted is None or predicted == "":
        return gold is None or gold == () or gold == ""
    if name in ("persons", "actors"):
        return {normalise_name(g) for g in gold} == {normalise_name(p) for p in split_names(predicted)}
    if name in ("approx", "negated", "aggregate"):
        return bool(gold) == as_bool(predicted)
    if isinstance(gold, (int, float)) and not isinstance(gold, bool):
        try:
            return math.isclose(gold, float(predicted), rel_tol=1e-9, abs_tol=1e-6)
        except (TypeError, ValueError):
            return False
    if name in ("date_start", "date_end"):
        return str(gold) == str(predicted)[:10]
    if name == "place":  # one place under two names: "Чечня" is the gazetteer's "Чеченская Республика"
        return normalise_name(canonical_place(str(gold))) == normalise_name(canonical_place(str(predicted)))
    return normalise_name(gold) == normalise_name(predicted)


def given(value) -> bool:
    return value is not None and value != () and value != [] and value != ""


def stated(values: dict, names) -> list[str]:
    """The fields gold states, to be compared: those given, and the other end of a range
    one end of which is given, since a bound leaves the other end empty on purpose
    (``до 30 суток``: ``term_min`` must be empty too).

    >>> stated({"term_min": None, "term_max": 30, "approx": None}, ("term_min", "term_max", "approx"))
    ['term_min', 'term_max']
    """
    def other_end(name: str) -> str | None:
        stem, _, end = name.rpartition("_")
        return f"{stem}_{'max' if end == 'min' else 'min'}" if end in ("min", "max") else None

    return [name for name in names
            if given(values.get(name)) or (other_end(name) in names and given(values.get(other_end(name))))]


def as_bool(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "1.0", "yes")


def show(value) -> str | None:
    if not given(value):
        return None
    if isinstance(value, (tuple, list)):
        return join_names(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ---------------------------------------------------------------- matching


@dataclass(slots=True)
class Item:
    """A gold or predicted mention or event placed on the clean text."""

    type: str
    start: int | None
    end: int | None
    values: dict
    spans: tuple[tuple[int, int], ...] = ()  # every span that locates it
    sent_ids: frozenset = frozenset()


def _greedy(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs from (score, gold index, predicted index), best first."""
    used_gold, used_pred, pairs = set(), set(), []
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def match_mentions(gold: list[Item], pred: list[Item], overlap: bool) -> list[tuple[int, int]]:
    """Pairs of (gold, predicted) indices: same type and span, or overlapping."""
    candidates = []
    for g, gm in enumerate(gold):
        for p, pm in enumerate(pred):
            if gm.type != pm.type:
                continue
            if (gm.start, gm.end) == (pm.start, pm.end):
                candidates.append((2.0, g, p))
            elif overlap and gm.start < pm.end and pm.start < gm.end:
                shared = min(gm.end, pm.end) - max(gm.start, pm.start)
                candidates.append((shared / (max(gm.end, pm.end) - min(gm.start, pm.start)), g, p))
    return _greedy(candidates)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _agreement(gold: Item, pred: Item) -> tuple[int, int]:
    """How many of the fields gold gives roughly agree (dates overlap, a person shared)."""
    agree = compared = 0
    g, p = gold.values, pred.values
    for name, parts in EVENT_FIELDS.items():
        if not any(given(g.get(part)) for part in parts):
            continue
        compared += 1
        if name == "date":
            start = g.get("date_start")
            end = g.get("date_end") or start
            p_start, p_end = p.get("date_start"), p.get("date_end") or p.get("date_start")
            agree += bool(start and p_start and str(p_start)[:10] <= end and start <= str(p_end)[:10])
        elif name in ("persons", "actors"):
            agree += bool({normalise_name(x) for x in g[name]} & {normalise_name(x) for x in split_names(p.get(name))})
        else:
            agree += all(same_value(part, g.get(part), p.get(part)) for part in parts if given(g.get(part)))
    return agree, compared


def match_events(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """Pairs of (gold, predicted) events of one document.

    Located gold events pair with predicted ones of the same type whose trigger
    is in the same sentence or within ``NEAR`` characters, or whose evidence
    covers a gold span; unlocated ones pair on agreeing fields.
    """
    candidates = []
    for g, ge in enumerate(gold):
        for p, pe in enumerate(pred):
            if ge.type != pe.type:
                continue
            agree, compared = _agreement(ge, pe)
            share = agree / compared if compared else 0.0
            if ge.spans and pe.start is not None:
                trigger = (pe.start, pe.end)
                distance = min(_gap(span, trigger) for span in ge.spans)
                covered = any(_gap(span, ev) == 0 and span[0] < ev[1] for span in ge.spans for ev in pe.spans)
                if distance <= NEAR or covered or (ge.sent_ids & pe.sent_ids):
                    candidates.append((2 + share - min(distance, 1000) / 1000, g, p))
            elif not compared or share >= 0.5:
                candidates.append((share, g, p))
    return _greedy(candidates)
