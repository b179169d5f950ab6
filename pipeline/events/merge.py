"""Merging: one happening told twice in a document becomes one event.

Two drafts merge when they have the same type and negation, their values do not
conflict (places, counts, sums, terms equal or one missing; one date within the
other; persons overlapping or one side without any) and they are linked as one
happening, the way a coder links tellings:

- the same sentence (``задержаны и вывезены``, ``осуждены ... в спецприемнике``);
- a rally: the same paragraph, or the same day anywhere (one rally a day);
- a link caption at the end retells an earlier happening of its date
  (``спецвыпуск о митинге 28 апреля`` is the April rally);
- a back-reference (``по факту отказа ... данной акции``) is the last such event;
- penalties (detention, custody, fine, warning) told in separate sentences are
  separate happenings unless the later telling shares a person, sum or term;
- other events: the same paragraph, or the same stated day elsewhere.

A summary (``Всего было задержано 28 человек``) is never merged into one of the
happenings it sums up.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .actors import specific
from ..records import Argument, Count, DateValue, Event, Money, Term


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
    # how it is told (set by the events stage, read by the merge and carry-over rules)
    summary: bool = False  # a sentence summing up ("Всего", "В итоге")
    caption: bool = False  # a link caption at the end of the document
    back_reference: bool = False  # "данной акции", "этот отказ"
    about_application: bool = False  # a refused application ("заявка")
    day_before: bool = False  # "за день до" the dated happening
    situated: bool = False  # "во время акции", "на месте митинга"
    single: bool = True  # a singular noun or a verb: one happening, not a class
    repeated: bool = False  # "еще раз", "снова": a new happening of the same kind
    inchoative: bool = False  # "начали выхватывать людей": the start of what is told next
    particular: bool = False  # "в частности", "в том числе": one case of a group's
    patients: tuple[str, ...] = ()  # who it befell, named or not ("narrator"): for merging only
    listed: bool = False  # one topic of a list ("о разгоне акции ..., обыске и угрозах")
    # a participle naming people ("задержанный") or serving a sentence ("отбывает срок"):
    # dated by the happening it retells; the paragraph's date is kept only as a fallback
    retelling: bool = False
    fallback_date: DateValue | None = None


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    """Equal, unknown on one side, or one within the other (28 April within April)."""
    if a is None or b is None:
        return True
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def compatible(a: Draft, b: Draft) -> bool:
    """No value of one contradicts the other."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.persons and b.persons and not set(a.persons) & set(b.persons):
        return False
    return dates_agree(a.date, b.date) and all(
        _agree(x, y)
        for x, y in (
            (a.place, b.place),
            (a.count, b.count),
            (a.money, b.money),
            (a.term, b.term),
        )
    )


def _same_day(a: Draft, b: Draft) -> bool:
    return a.date is not None and a.date == b.date and a.date.precision == "day"


def _shares_identity(a: Draft, b: Draft) -> bool:
    """The later telling names the same person (the narrator too), sum, term or count."""
    return bool(set(a.persons + a.patients) & set(b.persons + b.patients)) or any(
        x is not None and x == y for x, y in ((a.money, b.money), (a.term, b.term), (a.count, b.count)))


def _anonymous(draft: Draft) -> bool:
    """A telling with no one and nothing of its own (``начали выхватывать людей``)."""
    return not (draft.persons or draft.patients or draft.count or draft.money or draft.term)


def linked(a: Draft, b: Draft, separate_types: frozenset[str] = frozenset()) -> bool:
    """Whether ``b`` (told later) retells the happening ``a`` tells."""
    if b.repeated:
        return False
    if a.sent_id == b.sent_id:
        return True
    if a.summary != b.summary:
        return False
    if b.caption and not a.caption:
        return a.date is not None and b.date is not None and dates_agree(a.date, b.date)
    if b.back_reference:
        return True
    if a.summary and b.summary:
        return False  # totals told apart sum different sets: per city, then overall
    if a.listed and a.date is None and not a.summary:
        return True  # a topic listed with nothing of its own is the happening told later
    if a.type == "protest":
        return (a.paragraph == b.paragraph and a.single and b.single) or _same_day(a, b)
    if a.type in separate_types:
        if b.sent_id == a.sent_id + 1 and a.inchoative and _anonymous(a) and not b.particular:
            return True  # "начали выхватывать людей. Семеро были задержаны"
        # a retelling elsewhere names the same people; two stated days must agree
        return _shares_identity(a, b) and (
            a.paragraph == b.paragraph or _same_day(a, b) or not (a.date_stated and b.date_stated))
    if a.paragraph == b.paragraph:
        return True
    return a.date_stated and b.date_stated and _same_day(a, b)


def _absorb(into: Draft, other: Draft) -> None:
    into.date = into.date or other.date
    into.date_stated = into.date_stated or other.date_stated
    into.place = into.place or other.place
    into.persons = tuple(dict.fromkeys(into.persons + other.persons))
    into.patients = tuple(dict.fromkeys(into.patients + other.patients))
    into.actors = specific(tuple(dict.fromkeys(into.actors + other.actors)))
    into.count = into.count or other.count
    into.money = into.money or other.money
    into.term = into.term or other.term
    into.arguments = tuple(dict.fromkeys(into.arguments + other.arguments))
    into.evidence = tuple(sorted(set(into.evidence + other.evidence)))
    into.members.append(other)


def merge_drafts(drafts: list[Draft], separate_types=frozenset()) -> list[Draft]:
    """Merge drafts in text order, each into the first earlier event it fits (a
    back-reference into the last one)."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        order = reversed(merged) if draft.back_reference else merged
        # the same sentence first: "приговорил ... к 3 годам лишения свободы" is one telling
        order = sorted(order, key=lambda e: all(m.sent_id != draft.sent_id for m in [e, *e.members]))
        for event in order:
            if _fits(event, draft, separate_types):
                _absorb(event, draft)
                break
        else:
            merged.append(replace(draft, members=[]))
    return _merge_events(merged, separate_types)


def _fits(event: Draft, draft: Draft, separate_types) -> bool:
    tellings = [event, *event.members]
    return all(compatible(m, draft) for m in tellings) and any(
        linked(m, draft, separate_types) for m in tellings)


def _merge_events(events: list[Draft], separate_types) -> list[Draft]:
    """A happening told in parts (``осужденному на 3 года`` ... ``приговорил его к
    3 годам лишения свободы``): an event whose later word carries what links it
    (the shared term) merges, as a whole, into the earlier telling."""
    kept: list[Draft] = []
    for event in events:
        parts = [replace(part, members=[]) for part in (event, *event.members)]
        for earlier in kept:
            tellings = [earlier, *earlier.members]
            if all(compatible(m, p) for m in tellings for p in parts) and any(
                linked(m, p, separate_types) for m in tellings for p in parts
            ):
                for part in parts:
                    _absorb(earlier, part)
                break
        else:
            kept.append(event)
    return kept


def to_event(draft: Draft) -> Event:
    """The record handed to the next stage."""
    return Event(
        type=draft.type,
        start=draft.start,
        end=draft.end,
        trigger=draft.trigger,
        sent_id=draft.sent_id,
        negated=draft.negated,
        aggregate=draft.summary,
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
