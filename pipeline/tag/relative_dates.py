"""Relative and colloquial dates: found by our rules, dated by dateparser.

``позавчера``, ``на прошлой неделе``, ``в минувшую субботу``, ``три дня назад``,
``прошлым летом``: dates counted from a reference date, the statement's own date
unless the caller knows better. Finding them is ours (``models/relative_dates.json``:
``dateparser.search`` reads ``пятнадцать суток`` and ``три года`` as dates in Russian
prose, so it is not used); dating them is dateparser's, given the expression, the
reference as ``RELATIVE_BASE`` and ``PREFER_DATES_FROM="past"``: testimony tells what
happened before it was written. Where dateparser gives a week, the date is that week,
Monday to Sunday; seasons, which dateparser does not read, are counted here. What each
expression means is tabled in ``tests/data/relative_dates/README.md``.

Two entry points: :func:`resolve_relative` (an expression and a reference date in,
a :class:`~pipeline.records.DateValue` out) and :func:`find_relative_dates` (every
expression of a text, with its span); :func:`tag_relative_dates` makes DATE mentions
of them, and ``dates.tag_dates`` calls it when the document's date is known.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..records import DATE, DateValue, Mention
from ..resources import fold, load_json

_SP = r"[^\S\n]+"
AGO_WINDOW = 80  # characters before 'назад' that may hold its count and unit


@dataclass(frozen=True, slots=True)
class RelativeDate:
    """A relative date expression found in text; what it counts and from where.

    ``kind`` is ``day``, ``ago``, ``week``, ``weekday``, ``weekend`` or ``season``;
    ``offset`` the modifier's count (0 this, -1 last, -2 the one before; None when
    there is none); ``head`` the word it counts (``субботу``, ``летом``, ``дня``);
    ``number`` the count of an ``ago`` expression.
    """

    start: int
    end: int
    kind: str
    head: str
    offset: int | None = None
    number: float | None = None


def _alternatives(words) -> str:
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))


@cache
def _grammar() -> dict:
    """The lexicon as compiled patterns and lookup tables, built once."""
    data = load_json("relative_dates.json")
    offset_of = {fold(form): int(offset) for offset, forms in data["modifiers"].items() for form in forms}
    season_of = {}
    for season in data["seasons"]:
        for form in season["forms"] + season["after_parts"]:
            season_of[fold(form)] = tuple(season["months"])
    ago = data["ago"]
    unit_of = {fold(form): unit for unit, forms in ago["units"].items() for form in forms}
    from .numbers import number_lexicon

    number_words = [w for w, (kind, _) in number_lexicon().items()
                    if kind in ("units", "teens", "tens", "hundreds", "fractions")]
    mod, part = _alternatives(offset_of), _alternatives(data["parts"])
    season_forms = _alternatives(f for s in data["seasons"] for f in s["forms"])
    season_after_parts = _alternatives(f for s in data["seasons"] for f in s["after_parts"])
    number = rf"\d{{1,3}}|(?:(?:{_alternatives(number_words)}){_SP})*(?:{_alternatives(number_words)})" \
             rf"|{_alternatives(ago['numbers'])}"
    patterns = {
        "day": rf"(?P<head>{_alternatives(data['days'])})",
        "week": rf"(?:(?:{part}){_SP})?(?P<mod>{mod}){_SP}(?P<head>{_alternatives(data['weeks'])})",
        # the preposition cues a weekday but stays outside the span, as our guidelines have it
        "weekday": rf"(?:{_alternatives(data['weekday_prepositions'])}){_SP}"
                   rf"(?P<span>(?:(?P<mod>{mod}){_SP})?(?P<head>{_alternatives(data['weekdays'])}))",
        "weekend": rf"(?P<mod>{mod}){_SP}(?P<head>{_alternatives(data['weekends'])})",
        "season": rf"(?:(?P<mod>{mod}){_SP}(?P<head>{season_forms})"
                  rf"|(?:{part}){_SP}(?P<mod2>{mod}){_SP}(?P<head2>{season_after_parts}))",
    }
    word = re.escape(fold(ago["word"]))
    # 'ago' is matched backwards from each 'назад' (scanning every position for a number is slow)
    ago_tail = (rf"(?<![\w-])(?:(?P<number>{number}){_SP}(?P<head>{_alternatives(unit_of)})"
                rf"|(?P<head2>{_alternatives(ago['alone'])})){_SP}{word}\Z")
    # matched on folded text, so without re.I: with it, Python's matcher cannot skip ahead
    # to a possible first letter and tries every position (three times slower)
    return {
        "patterns": {kind: re.compile(rf"(?<![\w-])(?:{p})(?![\w-])") for kind, p in patterns.items()},
        "ago_word": re.compile(rf"(?<![\w-]){word}(?![\w-])"),
        "ago_tail": re.compile(ago_tail),
        "offset_of": offset_of, "season_of": season_of, "unit_of": unit_of,
        "days": {fold(w): n for w, n in data["days"].items()},
        "weekdays": {fold(w): n for w, n in data["weekdays"].items()},
        "ago_numbers": {fold(w): n for w, n in ago["numbers"].items()},
    }


def _read(kind: str, match: re.Match) -> RelativeDate | None:
    """One match as an expression; None for an ``ago`` whose count we cannot read."""
    groups = match.groupdict()
    head = fold(groups.get("head") or groups.get("head2") or "")
    modifier = groups.get("mod") or groups.get("mod2")
    offset = _grammar()["offset_of"][fold(modifier)] if modifier else None
    number = None
    if groups.get("number"):
        number = _number(groups["number"])
        if number is None:
            return None
    start = match.start("span") if groups.get("span") else match.start()
    return RelativeDate(start, match.end(), kind, head, offset, number)


def _number(text: str) -> float | None:
    from .numbers import read_number

    folded = fold(text)
    if folded in _grammar()["ago_numbers"]:
        return float(_grammar()["ago_numbers"][folded])
    return read_number(folded.split())


def find_relative_dates(text: str) -> list[RelativeDate]:
    """Relative date expressions in text order, without overlaps (the longest wins).

    A weekday standing next to a date of the text (``во вторник, 30 октября``) is not
    one: the date names the day.

    >>> text = "Позавчера, а также на прошлой неделе и в минувшую субботу"
    >>> [(text[e.start:e.end], e.kind, e.offset) for e in find_relative_dates(text)]
    [('Позавчера', 'day', None), ('прошлой неделе', 'week', -1), ('минувшую субботу', 'weekday', -1)]
    >>> find_relative_dates("через неделю, каждую субботу, несколько дней назад, в выходные дни")
    []
    """
    folded = fold(text)
    grammar = _grammar()
    found = [_read(kind, match) for kind, pattern in grammar["patterns"].items()
             for match in pattern.finditer(folded)]
    for word in grammar["ago_word"].finditer(folded):
        match = grammar["ago_tail"].search(folded, max(0, word.start() - AGO_WINDOW), word.end())
        if match:
            found.append(_read("ago", match))
    chosen: list[RelativeDate] = []
    for expression in sorted(filter(None, found), key=lambda e: (e.start - e.end, e.start)):
        if all(e.end <= expression.start or expression.end <= e.start for e in chosen):
            chosen.append(expression)
    weekdays = [e for e in chosen if e.kind == "weekday"]
    if weekdays:
        dated = _dated_spans(text)
        chosen = [e for e in chosen if e.kind != "weekday" or not _beside(folded, e, dated)]
    return sorted(chosen, key=lambda e: e.start)


# between a weekday and its date: punctuation, and the weekday's preposition ('3 ноября, в субботу')
_BESIDE = re.compile(r"[\s,()—–-]{0,4}(?:во?[^\S\n]+)?")


def _dated_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the text's absolute dates (day, month or year named)."""
    from .dateline import Point
    from .dates import scan_dates

    return [(e.start, e.end) for e in scan_dates(text) if e.first != Point() and e.relative is None]


def _beside(folded: str, expression: RelativeDate, dated: list[tuple[int, int]]) -> bool:
    for start, end in dated:
        if end <= expression.start and _BESIDE.fullmatch(folded, end, expression.start):
            return True
        if expression.end <= start and _BESIDE.fullmatch(folded, expression.end, start):
            return True
    return False


# ---------------------------------------------------------------- dating


@lru_cache(maxsize=64)
def _parser(reference: dt.date):
    """dateparser for Russian, counting from the reference date and preferring the past."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["ru"], settings={
        "RELATIVE_BASE": dt.datetime.combine(reference, dt.time()),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": True,
    })


def dateparser_value(phrase: str, reference: dt.date) -> DateValue | None:
    """dateparser's reading of a phrase as a span of days: a day, its week (Monday to
    Sunday), month or year; None when it cannot read it.

    >>> dateparser_value("на прошлой неделе", dt.date(2012, 11, 8))
    DateValue(start=datetime.date(2012, 10, 29), end=datetime.date(2012, 11, 4), precision='day')
    """
    data = _parser(reference).get_date_data(phrase)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return DateValue(monday, monday + dt.timedelta(days=6), "day")
    if data.period == "month":
        return DateValue(day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]), "month")
    if data.period == "year":
        return DateValue(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")
    return DateValue(day, day, "day")


def _date_of(expression: RelativeDate, phrase: str, reference: dt.date) -> DateValue | None:
    """The dates an expression names, counted from the reference date."""
    kind, offset = expression.kind, expression.offset or 0
    if kind == "day":
        return dateparser_value(expression.head, reference)
    if kind == "ago":
        value = dateparser_value(phrase, reference)
        if value is None and expression.number is not None:  # dateparser reads digits best
            value = dateparser_value(f"{expression.number:g} {expression.head} назад", reference)
        return value
    if kind == "week":
        return dateparser_value({0: "на этой неделе", -1: "на прошлой неделе"}.get(offset)
                                or f"{-offset} недели назад", reference)
    if kind in ("weekday", "weekend"):
        weekday = "субботу" if kind == "weekend" else expression.head
        value = dateparser_value(f"в {weekday}", reference)  # the last one before the reference
        if value is None:
            return None
        day = value.start + dt.timedelta(days=7 * min(offset + 1, 0))  # позапрошлую: a week before
        return DateValue(day, day + dt.timedelta(days=1 if kind == "weekend" else 0), "day")
    if kind == "season":
        return season(_grammar()["season_of"][expression.head], offset, reference)
    raise ValueError(f"unknown kind of relative date {kind!r}")


def season(months: tuple[int, int], offset: int, reference: dt.date) -> DateValue:
    """A season counted from the reference date: spring, summer and autumn by the
    calendar year (``прошлым летом`` is last year's); winter, which straddles two years,
    from the nearest one (the one holding the reference, the coming one from September,
    the one just gone before then).

    >>> season((6, 8), -1, dt.date(2012, 11, 8))
    DateValue(start=datetime.date(2011, 6, 1), end=datetime.date(2011, 8, 31), precision='month')
    >>> season((12, 2), 0, dt.date(2019, 1, 20)).start
    datetime.date(2018, 12, 1)
    """
    first, last = months
    if first <= last:
        year = reference.year + offset
        return DateValue(dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1]), "month")
    # winter: named by the year of its December
    december = reference.year if reference.month >= 9 else reference.year - 1
    december += offset
    end_year = december + 1
    return DateValue(dt.date(december, first, 1),
                     dt.date(end_year, last, calendar.monthrange(end_year, last)[1]), "month")


def resolve_relative(phrase: str, reference: dt.date) -> DateValue | None:
    """The dates a relative expression names, counted from ``reference``; None when
    the phrase is not one we read.

    >>> resolve_relative("минувшую субботу", dt.date(2012, 11, 8))
    DateValue(start=datetime.date(2012, 11, 3), end=datetime.date(2012, 11, 3), precision='day')
    >>> resolve_relative("прошлым летом", dt.date(2012, 11, 8)).start
    datetime.date(2011, 6, 1)
    """
    # A weekday is found in running text by its preposition, which the span leaves out.
    for text in (phrase, f"в {phrase}"):
        found = find_relative_dates(text)
        if len(found) == 1:
            return _date_of(found[0], fold(text[found[0].start:found[0].end]), reference)
    return None


def normal_of(value: DateValue) -> str:
    """The ``normal`` of a date span, as the date tagger writes it.

    >>> normal_of(DateValue(dt.date(2011, 6, 1), dt.date(2011, 8, 31), "month"))
    '2011-06/2011-08'
    """
    def iso(day: dt.date, precision: str) -> str:
        return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[precision]

    first, last = iso(value.start, value.precision), iso(value.end, value.precision)
    return first if first == last else f"{first}/{last}"


def tag_relative_dates(text: str, reference: dt.date, days: Sequence[tuple[int, dt.date]] = ()) -> list[Mention]:
    """DATE mentions of the relative dates in a text, dated from ``reference``; a bare weekday
    told after a day of the narrative (``days``: where each day the text names ends, and the
    day) is counted on from that day (:func:`weekday_after`).

    >>> [(m.text, m.normal) for m in tag_relative_dates("Позавчера его задержали", dt.date(2012, 11, 8))]
    [('Позавчера', '2012-11-06')]
    """
    mentions = []
    folded = fold(text)
    for expression in find_relative_dates(text):
        value = weekday_after(text, expression, days, reference)
        if value is None and counting_day(text, expression, days) is not None:
            continue  # a weekday after a named day falling past the statement: no day, not one counted back
        if value is None:
            value = _date_of(expression, folded[expression.start:expression.end], reference)
        if value is not None:
            mentions.append(Mention(DATE, expression.start, expression.end,
                                    text[expression.start:expression.end], normal_of(value), value))
    return mentions


def weekday_number(head: str) -> int:
    """Monday 0 to Sunday 6 of a weekday as the text writes it after ``в``.

    >>> weekday_number("пятницу")
    4
    """
    return _grammar()["weekdays"][fold(head)]


def is_weekday(word: str) -> bool:
    """A weekday as the text writes it after ``в`` (``понедельник``, ``пятницу``).

    >>> is_weekday("Понедельник"), is_weekday("февраля")
    (True, False)
    """
    return fold(word) in _grammar()["weekdays"]


NARRATIVE_LINES = 2  # a weekday counts on from a day named on its own line or the line before


def counting_day(text: str, expression: RelativeDate, days: Sequence[tuple[int, dt.date]]) -> dt.date | None:
    """The day a bare weekday (no ``прошлый``/``этот``) counts on from: the last day the narrative
    names before it, on its line or the line before; None when there is none (or the expression
    is no bare weekday). When there is one, the weekday is counted from it or not at all: never
    back from the statement's date (:func:`tag_relative_dates`)."""
    if expression.kind != "weekday" or expression.offset is not None:
        return None
    before = [(end, day) for end, day in days if end <= expression.start]
    if not before:
        return None
    end, day = before[-1]
    return None if text.count("\n", end, expression.start) >= NARRATIVE_LINES else day


def weekday_after(text: str, expression: RelativeDate, days: Sequence[tuple[int, dt.date]],
                  reference: dt.date) -> DateValue | None:
    """A bare weekday (no ``прошлый``/``этот``) told after a day the narrative names on its line
    or the line before is the first such weekday from that day on (``В среду, 6 октября, его
    задержали. В пятницу суд арестовал его``: 8 October), as a coder counts it, not the last
    one before the statement's date; None when no such day stands before it or the weekday
    would fall after the statement counted from a day not after it (a text naming a day past
    its statement's date is not bounded by that date: ``20 апреля ... В понедельник``, 22 April).

    >>> text = "6 октября 2021 года его задержали. В пятницу суд арестовал его."
    >>> found = find_relative_dates(text)[0]
    >>> weekday_after(text, found, [(19, dt.date(2021, 10, 6))], dt.date(2022, 6, 1))
    DateValue(start=datetime.date(2021, 10, 8), end=datetime.date(2021, 10, 8), precision='day')
    >>> text = "20 апреля 2019 года его задержали. В понедельник суд оштрафовал его."
    >>> weekday_after(text, find_relative_dates(text)[0], [(19, dt.date(2019, 4, 20))], dt.date(2019, 4, 11)).start
    datetime.date(2019, 4, 22)
    """
    day = counting_day(text, expression, days)
    if day is None:
        return None
    wanted = weekday_number(expression.head)
    found = day + dt.timedelta(days=(wanted - day.weekday()) % 7)
    return None if day <= reference < found else DateValue(found, found, "day")


def with_relative_dates(text: str, reference: dt.date, mentions: list[Mention]) -> list[Mention]:
    """The date tagger's mentions and the relative dates none of them overlaps, in text order;
    a bare weekday after a day the mentions name counts on from it (:func:`weekday_after`)."""
    days = [(m.end, m.value.start) for m in mentions
            if isinstance(m.value, DateValue) and m.value.precision == "day" and m.value.start == m.value.end]
    added = [m for m in tag_relative_dates(text, reference, days)
             if all(m.end <= other.start or other.end <= m.start for other in mentions)]
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions
