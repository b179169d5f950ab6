"""Merging: one happening told twice in a document becomes one event.

Two drafts merge when they have the same type and negation, their values do not
conflict (dates, places, counts, sums, terms equal or one missing; persons
overlapping or one side without any) and they are close enough to be the same
telling: the same sentence or paragraph, or the same stated day elsewhere in the
document. Two fines of different people or different dates stay two.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .records import Argument, Count, DateValue, Event, Money, Term


@dataclass
class Draft:
    """An event being built; ``date_stated`` is false when the date was carried over."""

    type: str
    start: int
    end: int
    trigger: str
    sent_id: int
    paragraph: int
    negated: bool = False
    date: DateValue | None = None
    date_stated: bool = False
    place: str | None = None
    persons: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    count: Count | None = None
    money: Money | None = None
    term: Term | None = None
    arguments: tuple[Argument, ...] = ()
    evidence: tuple[tuple[int, int], ...] = ()
    members: list["Draft"] = field(default_factory=list)


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def compatible(a: Draft, b: Draft) -> bool:
    """No value of one contradicts the other."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.persons and b.persons and not set(a.persons) & set(b.persons):
        return False
    return all(
        _agree(x, y)
        for x, y in (
            (a.date, b.date),
            (a.place, b.place),
            (a.count, b.count),
            (a.money, b.money),
            (a.term, b.term),
        )
    )


def close_enough(a: Draft, b: Draft) -> bool:
    """Told in one place, or on the same stated day."""
    if a.paragraph == b.paragraph:
        return True
    return (
        a.date_stated
        and b.date_stated
        and a.date == b.date
        and a.date is not None
        and a.date.precision == "day"
    )


def _absorb(into: Draft, other: Draft) -> None:
    into.date = into.date or other.date
    into.date_stated = into.date_stated or other.date_stated
    into.place = into.place or other.place
    into.persons = tuple(dict.fromkeys(into.persons + other.persons))
    into.actors = tuple(dict.fromkeys(into.actors + other.actors))
    into.count = into.count or other.count
    into.money = into.money or other.money
    into.term = into.term or other.term
    into.arguments = tuple(dict.fromkeys(into.arguments + other.arguments))
    into.evidence = tuple(sorted(set(into.evidence + other.evidence)))
    into.members.append(other)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Merge drafts in text order, each into the first earlier event it fits."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        for event in merged:
            if all(compatible(m, draft) for m in [event, *event.members]) and compatible(
                event, draft
            ) and any(close_enough(m, draft) for m in [event, *event.members]):
                _absorb(event, draft)
                break
        else:
            merged.append(replace(draft, members=[]))
    return merged


def to_event(draft: Draft) -> Event:
    """The record handed to the next stage."""
    return Event(
        type=draft.type,
        start=draft.start,
        end=draft.end,
        trigger=draft.trigger,
        sent_id=draft.sent_id,
        negated=draft.negated,
        date=draft.date,
        place=draft.place,
        persons=draft.persons,
        actors=draft.actors,
        count=draft.count,
        money=draft.money,
        term=draft.term,
        arguments=draft.arguments,
        evidence=draft.evidence,
    )
