"""DATE mentions: Russian date expressions, normalised against the document's date.

Expressions are found by our own compiled patterns over clean text (linear time);
``dateparser.search`` is not used because it reads ``пятнадцать суток`` as a date.
Month names, prepositions, modifiers and relative phrases are data in
``models/months.json`` and ``models/date_words.json``.

A bare four-digit number is a year only with a year cue (``г.``, ``году``, a
preceding month, a range of years, ``в 1997`` at the end of a clause); day and
custodial-term numbers (``15 суток``, ``2 года``) never match a date pattern.
A preposition right before a date cues it (``в 1997.``, ``в марте``) but stays
outside its span, as our annotation guidelines have it (``в 2012 году`` ->
``2012 году``; NEREL would take it in); a modifier is inside (``конце февраля``).
Purely relative days (``сегодня``, ``вчера``) are read but not tagged here:
``relative_dates`` finds ``вчера``, ``на прошлой неделе``, ``в минувшую субботу`` and
dates them from the document's date with dateparser (``сегодня``, the time of writing,
is no date by the guidelines). How the document's date is found and how a year
the text leaves out is filled is told in ``dateline``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from ..records import DATE, DateValue, Mention
from ..resources import load_json
from ..nlp import parse_word
from .date_patterns import CUED, DIGIT_LED, DIGIT_START, PLAUSIBLE, SP, TWO_DIGIT_PIVOT, URL, lexicon
from .dateline import Point, first_day, last_day, pick_doc_date, resolve_ends, valid
from .overlaps import SpanIndex
from .relative_dates import normal_of, resolve_relative, with_relative_dates


@dataclass(frozen=True, slots=True)
class Expression:
    """A date expression found in text, before its missing year is filled."""

    start: int
    end: int
    first: Point
    last: Point
    relative: tuple[str, int] | None = None  # (unit, offset) from the doc date
    preposition: str | None = None

    @property
    def explicit_year(self) -> int | None:
        """The year the text itself writes, if any."""
        return self.first.year or self.last.year if self.relative is None else None


def _month(match: re.Match, group: str) -> int | None:
    text = match.group(group)
    return lexicon()["month_of"][text.lower().rstrip(".")] if text else None


def _int(match: re.Match, group: str) -> int | None:
    text = match.group(group)
    return int(text) if text else None


def _relative(text: str | None) -> tuple[str, int] | None:
    """(unit, offset) of a relative phrase such as ``прошлого года``."""
    if not text:
        return None
    for pattern, row in lexicon()["relative"]:
        if pattern.fullmatch(text):
            return row["unit"], row["offset"]
    return None


def _tail_year(match: re.Match, y: str, c: str) -> int | None:
    """A year after a month: any cued year, an uncued one only if plausible."""
    year = _int(match, y)
    if year is None:
        return None
    return year if year in (CUED if match.group(c) else PLAUSIBLE) else None


def _read(kind: str, match: re.Match, cued_before: bool) -> Expression | None:
    """Turn one pattern match into an expression, or reject it."""
    start, end = match.span()
    if kind == "day_month":
        year = _tail_year(match, "y1", "c1")
        if match.group("y1") and year is None:  # '5 мая 1500 человек': keep the day
            end = match.end("m1")
        point = Point(year, _month(match, "m1"), _int(match, "d1"))
        return Expression(start, end, point, point, _relative(match.group("r1")))
    if kind == "day_range":
        year = _tail_year(match, "y2", "c2")
        if match.group("y2") and year is None:
            end = match.end("m2")
        month, d1, d2 = _month(match, "m2"), _int(match, "d1"), _int(match, "d2")
        if d1 >= d2:
            return None
        return Expression(start, end, Point(None, None, d1), Point(year, month, d2),
                          _relative(match.group("r2")))
    if kind == "night_range":  # a night is its two days, from the first: '9 на 10 августа'
        year = _tail_year(match, "y2", "c2")
        if match.group("y2") and year is None:
            end = match.end("m2")
        month, d1, d2 = _month(match, "m2"), _int(match, "d1"), _int(match, "d2")
        if d2 != d1 + 1:
            return None
        return Expression(match.start("d1"), end, Point(None, None, d1),
                          Point(year, month, d2), _relative(match.group("r2")), "с")
    if kind == "month_year":
        year = _tail_year(match, "y1", "c1")
        return None if year is None else Expression(
            start, end, Point(year, _month(match, "m1")), Point(year, _month(match, "m1")))
    if kind == "month":
        relative = _relative(match.group("r1"))
        if relative is None and not cued_before:  # 'Март' alone is not a date
            return None
        point = Point(None, _month(match, "m1"))
        return Expression(start, end, point, point, relative)
    if kind == "month_range":
        year = _tail_year(match, "y2", "c2")
        relative = _relative(match.group("r2"))
        if year is None and relative is None and not cued_before:
            return None
        if match.group("y2") and year is None:
            end = match.end("m2")
        return Expression(start, end, Point(None, _month(match, "m1")),
                          Point(year, _month(match, "m2")), relative)
    if kind == "modified_year":  # the span starts at the year: the modifier joins it as a prefix
        year = _int(match, "y1")
        if year not in PLAUSIBLE or _counts_something(match.string, match.end()):
            return None
        return Expression(match.start("y1"), end, Point(year), Point(year))
    if kind in ("year", "bare_year"):
        year = _int(match, "y1")
        if year not in (CUED if kind == "year" else PLAUSIBLE):
            return None
        return Expression(start, end, Point(year), Point(year),
                          preposition=match.groupdict().get("p"))
    if kind == "decade":
        year = _int(match, "y1")
        return Expression(start, end, Point(year), Point(year + 9)) if year in CUED else None
    if kind == "year_range":
        y1, y2_text = _int(match, "y1"), match.group("y2")
        cued = bool(match.group("c1") or match.group("c2"))
        y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
        if len(y2_text) == 2 and not cued or not y1 < y2:
            return None
        if not cued and not (y1 in PLAUSIBLE and y2 in PLAUSIBLE
                             and cued_before):
            return None
        if y1 not in CUED or y2 not in CUED:
            return None
        return Expression(start, end, Point(y1), Point(y2))
    if kind in ("numeric", "iso"):
        if match.groupdict().get("y2"):  # dd.mm.yy
            short = int(match.group("y2"))
            year = 2000 + short if short < TWO_DIGIT_PIVOT else 1900 + short
            point = Point(year, _int(match, "m2"), _int(match, "d2"))
        else:
            point = Point(_int(match, "y1"), _int(match, "m1"), _int(match, "d1"))
        if point.year not in PLAUSIBLE:
            return None
        return Expression(start, end, point, point)
    if kind == "numeric_day_month":
        if not _numeric_day_in_context(match.string, start, end):
            return None
        point = Point(None, _int(match, "m1"), _int(match, "d1"))
        return Expression(start, end, point, point)
    if kind == "relative":
        relative = _relative(match.group("r1"))
        return Expression(start, end, Point(), Point(), relative)
    raise ValueError(f"unknown date pattern {kind!r}")


_NEXT_WORD = re.compile(r"[^\S\n]*([а-яё]+)", re.I)
_YEAR_DATE = re.compile(r"(?<![\d.])[0-3]?\d[./][01]?\d[./](?:[12]\d{3}|\d\d)(?![\d])")
YEAR_DATE_REACH = 120  # characters either side in which a dated day vouches for a yearless one


ABBREVIATION_LETTERS = 4  # "ст. 20.02", "ч. 1", "п. 5.11": a short lower-case word before a point


def _opens_clause(before: str) -> bool:
    """Whether what comes after ``before`` opens a clause: the text's or a line's start, a
    sentence's end (not an abbreviation's point), a comma, a semicolon or a dash."""
    stripped = before.rstrip(" \t")
    if not stripped or stripped[-1] == "\n" or stripped[-1] in ",;!?—–":
        return True
    if stripped[-1] != ".":
        return False
    word = re.search(r"(\w+)\.\Z", stripped)
    return not (word and word.group(1).isalpha() and word.group(1).islower()
                and len(word.group(1)) <= ABBREVIATION_LETTERS)


def _numeric_day_in_context(folded: str, start: int, end: int) -> bool:
    """Whether ``23.04`` at ``start:end`` is a day and month: a day written with its year near
    it (within :data:`YEAR_DATE_REACH`), and either a range's preposition before it (``с 12.03``,
    ``до 14.09``: ``range_openers``), the range's other end then a later day and month, or a
    clause it opens (``Задержан 21.04.2022. 23.04 суд ...``, a case card's line). Never before
    a genitive noun of measure or ``%`` (``до 23.04 рубля``), after ``в`` (a time) or an
    article's point (``ст. 20.02``), nor in a sentence of hours or rates (``clock_context_words``:
    ``избивали с 14.10 до 16.00``, ``курс вырос с 10.05 до 12.01``).

    >>> [_numeric_day_in_context(t, t.index("23"), t.index("23") + 5) for t in
    ...  ("до 23.04, сообщил суд 12.04.2023", "до 23.04 рубля 12.04.2023", "Задержан 21.04.2022. 23.04 суд",
    ...   "в 23.04 у метро 12.04.2023", "до 23.04, сообщил суд", "с 23.04 до 11.02 его допрашивали 12.04.2023")]
    [True, False, True, False, False, False]
    """
    words = lexicon()
    tail = words["range_tail"].match(folded, end)
    word = _NEXT_WORD.match(folded, tail.end() if tail else end)
    if folded[tail.end() if tail else end:].lstrip()[:1] == "%":
        return False
    if word and any(p.tag.POS == "NOUN" and p.tag.case == "gent" for p in parse_word(word.group(1).lower())):
        return False
    if words["range_opener"].search(folded, max(0, start - 40), start):
        day, month = map(int, folded[start:end].split("."))
        if tail and not _later_day_month(tail, day, month):
            return False  # "с 14.10 до 16.00", "с 10.05 до 12.01": the hours of a day, or no dates
    elif not _opens_clause(folded[:start]):
        return False
    if _told_in_hours(folded, start, end):
        return False
    near = folded[max(0, start - YEAR_DATE_REACH):min(len(folded), end + YEAR_DATE_REACH)]
    return bool(_YEAR_DATE.search(near))


DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _later_day_month(tail: re.Match, day: int, month: int) -> bool:
    """The range's other end is a day and month, not before the one it starts at."""
    if tail.group("m") is None:
        return False
    other_day, other_month = int(tail.group("d")), int(tail.group("m"))
    valid = 1 <= other_month <= 12 and 1 <= other_day <= DAYS_IN_MONTH[other_month - 1]
    return valid and (other_month, other_day) >= (month, day)


_SENTENCE_END = re.compile(r"[.!?](?=\s|\Z)|\n")
CLOCK_REACH = 80  # characters either side of a yearless "NN.MM" read for words of hours or rates


def _told_in_hours(folded: str, start: int, end: int) -> bool:
    """A word of its sentence makes the number a time of day or a rate (``clock_context_words``).

    >>> _told_in_hours("Его избивали с 14.10 до 15.11. Задержан 12.03.2023", 15, 20)
    True
    """
    before = folded[max(0, start - CLOCK_REACH):start]
    ends = list(_SENTENCE_END.finditer(before))
    before = before[ends[-1].end():] if ends else before
    after = folded[end:end + CLOCK_REACH]
    stop = _SENTENCE_END.search(after)
    after = after[:stop.start()] if stop else after
    clock = lexicon()["clock_context"]
    return any(p.normal_form in clock for w in re.findall(r"[а-яё]+", before + " " + after, re.I)
               for p in parse_word(w.lower()))


def _counts_something(folded: str, end: int) -> bool:
    """Whether the word after a number is a noun it counts (``весной 2000 человек``), so
    the number is no year.

    >>> _counts_something("весной 2000 человек вышли", 11), _counts_something("осенью 2014 его", 11)
    (True, False)
    """
    word = _NEXT_WORD.match(folded, end)
    return bool(word) and any(p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "plur"
                              for p in parse_word(word.group(1).lower()))


def _prefix(folded: str, start: int) -> tuple[int, str | None, bool]:
    """Where a date's span begins once the preposition and modifier before it
    (``в конце марта``) are taken in; the preposition; whether there was any."""
    window_start = max(0, start - 40)
    found = lexicon()["prefix"].search(folded[window_start:start])
    if not found or found.start() == found.end():
        return start, None, False
    preposition = found.group("p").lower() if found.group("p") else None
    return window_start + found.start(), preposition, True


def _fold(text: str) -> str:
    """Same-length copy for matching: ё read as е."""
    return text.replace("ё", "е").replace("Ё", "Е")


def scan_dates(text: str) -> tuple[Expression, ...]:
    """Date expressions in text order, without overlaps, years not yet filled.

    >>> [(e.first, e.last) for e in scan_dates("с 5 по 7 января 2012 г.")]
    [(Point(year=None, month=None, day=5), Point(year=2012, month=1, day=7))]
    >>> text = "акции шли с 3 по 5 марта"
    >>> [text[e.start:e.end] for e in scan_dates(text)]
    ['3 по 5 марта']
    >>> scan_dates("осуждены на пятнадцать суток, 15 суток, 2 года")
    ()
    """
    return _scan(text)  # cached: find_doc_date and tag_dates scan the same text


def matches_of(kind: str, pattern: re.Pattern, folded: str, digit_starts: list[int]) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(folded)`` gives, a digit-led kind's tried only at
    ``digit_starts`` (``date_patterns.DIGIT_LED``): where no other can begin.

    >>> pattern = lexicon()["patterns"]["day_month"]
    >>> text = "с 5 мая по 17 июня, 3-й этаж"
    >>> starts = [m.start() for m in DIGIT_START.finditer(text)]
    >>> [m.group() for m in matches_of("day_month", pattern, text, starts)]
    ['5 мая', '17 июня']
    """
    if kind not in DIGIT_LED:
        yield from pattern.finditer(folded)
        return
    end = 0
    for start in digit_starts:
        if start >= end and (match := pattern.match(folded, start)):
            end = match.end()
            yield match


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[Expression, ...]:
    folded = _fold(text)
    urls = [m.span() for m in URL.finditer(folded)]  # in order, never overlapping
    url_ends = [end for _, end in urls]
    digit_starts = [m.start() for m in DIGIT_START.finditer(folded)]
    found: list[Expression] = []
    for kind, pattern in lexicon()["patterns"].items():
        for match in matches_of(kind, pattern, folded, digit_starts):
            k = bisect.bisect_right(url_ends, match.start())  # the first URL ending after it starts
            if k < len(urls) and urls[k][0] < match.end():
                continue  # inside a URL
            _, _, cued = _prefix(folded, match.start())
            cued = cued or folded[match.start() - 1:match.start()] == "("
            expression = _read(kind, match, cued)
            if expression and valid(expression.first) and valid(expression.last):
                found.append(expression)
    # Longest first: '16 декабря 2011 года' beats the '2011 года' inside it.
    taken = SpanIndex()
    for expression in sorted(found, key=lambda e: (e.start - e.end, e.start)):
        if not taken.overlapping(expression.start, expression.end):
            taken.add(expression)
    chosen = sorted(taken, key=lambda e: e.start)
    widened: list[Expression] = []
    for expression in chosen:
        if expression.preposition is None:
            start, preposition, _ = _prefix(folded, expression.start)
            if widened and start < widened[-1].end:
                start, preposition = expression.start, None
            expression = replace(expression, start=start, preposition=preposition)
        widened.append(expression)
    joined = [_without_preposition(folded, e) for e in _join_ranges(folded, widened)]
    return tuple(sorted(joined + _enumerated_years(folded, joined), key=lambda e: e.start))


ENUMERATED_YEAR = re.compile(rf"(?<![\d.,])(\d{{4}}){SP}?(?:,|и|или){SP}$")


def _enumerated_years(folded: str, expressions: list[Expression]) -> list[Expression]:
    """Bare years listed before a year with its cue (``в 2016 и 2017 году``, ``в 2015, 2016
    и 2017 годах``): each is a year of its own, as the cue is shared.

    >>> [folded[e.start:e.end] for folded in ["в 2016 и 2017 году"] for e in scan_dates(folded)]
    ['2016', '2017 году']
    """
    found: list[Expression] = []
    for expression in expressions:
        point = expression.first
        if expression.relative or point != expression.last or point.month or point.year is None:
            continue
        start, later = expression.start, point.year
        while (match := ENUMERATED_YEAR.search(folded, max(0, start - 20), start)) is not None:
            year = int(match.group(1))
            if year not in PLAUSIBLE or year >= later:
                break
            if not any(e.start < match.end(1) and match.start(1) < e.end for e in [*expressions, *found]):
                found.append(Expression(match.start(1), match.end(1), Point(year), Point(year)))
            start, later = match.start(1), year
    return found


def _without_preposition(folded: str, expression: Expression) -> Expression:
    """The span from after its leading preposition: ``в этом году`` -> ``этом году``,
    ``с 3 по 5 марта`` -> ``3 по 5 марта``."""
    found = lexicon()["leading"].match(folded, expression.start, expression.end)
    return replace(expression, start=found.end()) if found else expression


DASH_GAP = re.compile(rf"{SP}[-–—\u00ad]{SP}")


def _join_ranges(folded: str, expressions: list[Expression]) -> list[Expression]:
    """Join ``с января по март`` and ``2012 г. – 2013 г.`` into one range."""
    joined: list[Expression] = []
    for expression in expressions:
        if joined and _can_join(folded, joined[-1], expression):
            before = joined.pop()
            expression = Expression(before.start, expression.end, before.first,
                                    expression.last,
                                    expression.relative or before.relative,
                                    before.preposition)
        joined.append(expression)
    return joined


def _can_join(folded: str, a: Expression, b: Expression) -> bool:
    gap = folded[a.end:b.start]
    if a.first == Point() or b.first == Point():  # 'сегодня', 'этого года'
        return False
    if a.explicit_year and b.explicit_year and a.explicit_year > b.explicit_year:
        return False
    if b.preposition in lexicon()["joiners"]:
        return a.preposition in ("с", "со", "от") and not gap.strip()
    return b.preposition is None and DASH_GAP.fullmatch(gap) is not None


def _precision(point: Point) -> str:
    return "day" if point.day else "month" if point.month else "year"


def _iso(point: Point) -> str:
    parts = [f"{point.year:04d}", point.month and f"{point.month:02d}",
             point.day and f"{point.day:02d}"]
    return "-".join(p for p in parts if p)


def tag_dates(text: str, doc_date: dt.date | None) -> list[Mention]:
    """DATE mentions of clean text, normalised against the document's date.

    >>> [(m.text, m.normal) for m in tag_dates("24 марта с.г. и 16 декабря 2011 года",
    ...                                        dt.date(2012, 11, 8))]
    [('24 марта с.г.', '2012-03-24'), ('16 декабря 2011 года', '2011-12-16')]
    >>> [m.normal for m in tag_dates("с 5 по 7 января 2012 г., в 1993—2003 годах", None)]
    ['2012-01-05/2012-01-07', '1993/2003']
    """
    expressions = scan_dates(text)
    births = {e.start for e in expressions if _beside(text, e, "birth_words")}  # a person's, not the story's
    anchors = [(e.start, e.explicit_year, 0 if e.first.month else 1)
               for e in expressions if e.explicit_year and e.start not in births]
    starts = [e.start for e in expressions]  # in text order
    endnotes = BACKLINK in text
    mentions = []
    reference, paragraph = None, -1  # the last date with a year in the paragraph so far
    carried = None  # the narrative's reference at the end of the paragraphs before
    for expression in expressions:
        line = text.rfind("\n", 0, expression.start)
        if line != paragraph:
            carried = reference or carried
            reference, paragraph = None, line
        source = _endnote_source_date(text, expression.start, expressions, starts) if endnotes else None
        if source is not None:  # an endnote headline: its source's date dates it, not the narrative
            ends = resolve_ends(expression.first, expression.last, expression.relative,
                                expression.start, source, anchors)
        else:
            ends = resolve_ends(expression.first, expression.last, expression.relative,
                                expression.start, doc_date, anchors, reference or carried)
        if expression.relative is None and expression.last.year and expression.start not in births \
                and _moves_narrative(expression.last, reference or carried, doc_date, expression.preposition) and not (
                not expression.last.month and _dates_a_document(text, expression)):
            reference = expression.last
        if ends is False or expression.relative and expression.relative[0] == "day" \
                and expression.first == Point():
            continue  # 'сегодня', 'вчера': relative days are not dates
        normal = value = None
        if ends is not None:
            first, last = ends
            if not (valid(first) and valid(last)) or first_day(first) > last_day(last):
                continue
            precision = max(_precision(first), _precision(last),
                            key=("day", "month", "year").index)
            value = DateValue(first_day(first), last_day(last), precision)
            normal = _iso(first) if first == last else f"{_iso(first)}/{_iso(last)}"
        mentions.append(Mention(DATE, expression.start, expression.end,
                                text[expression.start:expression.end], normal, value))
    if doc_date is not None:  # counted from the statement's date: 'позавчера', 'прошлым летом'
        scanned = {(m.start, m.end) for m in mentions}
        mentions = with_relative_dates(text, doc_date, mentions)
        if endnotes:  # an endnote headline counts back from its source's date, not the report's
            mentions = [m if (m.start, m.end) in scanned else _from_source(text, m, expressions, starts)
                        for m in mentions]
    return mentions


def _from_source(text: str, mention: Mention, expressions: list[Expression], starts: list[int]) -> Mention:
    """A relative date (``пять лет назад``, ``на прошлой неделе``) in an endnote headline,
    counted back from the date of the source the entry cites: the headline was written then.

    >>> text = "7. Соседей обещали расселить еще пять лет назад ↩\\nhttp://x.org\\nНовости, 24.06.2013\\n"
    >>> [(m.text, m.normal) for m in tag_dates(text, dt.date(2015, 4, 10))]
    [('пять лет назад', '2008'), ('24.06.2013', '2013-06-24')]
    """
    source = _endnote_source_date(text, mention.start, expressions, starts)
    if source is None:
        return mention
    value = resolve_relative(mention.text, source)
    if value is None:
        return mention
    return replace(mention, normal=normal_of(value), value=value)


BACKLINK = "\u21a9"  # "↩": a report's endnote headline points back to its footnote mark
SOURCE_WINDOW = 400  # characters after a headline in which its source line and date stand


_ENDNOTE_ENTRY = re.compile(r"\s*\d{1,4}\.\s")  # "14. " opens a numbered endnote headline


def _endnote_source_date(text: str, start: int, expressions: list[Expression],
                         starts: list[int] | None = None) -> dt.date | None:
    """The date of the source an endnote headline cites, when ``start`` lies in one (a line
    ending in ``↩``, or a numbered line whose headline the next line ends): a year-less
    date in the headline takes the source's year, as a headline retells what its source
    reported shortly before. ``starts``: the expressions' starts, in order.

    >>> text = "3. Суд 7 декабря арестовал активиста ↩\\nhttp://x.org\\nНовости, 10.12.2013\\n"
    >>> _endnote_source_date(text, 7, scan_dates(text))
    datetime.date(2013, 12, 10)
    >>> _endnote_source_date("Суд 7 декабря арестовал активиста.", 4, []) is None
    True

    The body paragraph before the endnotes is no headline's first half:

    >>> text = "В 2021 году 7 декабря задержан активист.\\n1. Суд арестовал ↩\\nНовости, 10.12.2013"
    >>> _endnote_source_date(text, 12, scan_dates(text)) is None
    True
    """
    line_start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    mark = text.find(BACKLINK, start, end)
    if mark < 0 and _ENDNOTE_ENTRY.match(text, line_start, end):
        after = text.find("\n", end + 1)  # a numbered headline over two lines: its mark ends the next
        mark = text.find(BACKLINK, end, len(text) if after < 0 else after)
    if mark < 0:
        return None
    starts = [e.start for e in expressions] if starts is None else starts
    for e in expressions[bisect.bisect_right(starts, mark):]:
        if e.start > mark + SOURCE_WINDOW:
            break
        if e.first == e.last and e.first.day and e.explicit_year and not e.relative:
            return first_day(e.first)
    return None


DOCUMENT_WINDOW = 2  # words either side of a bare year that may name the document it dates


def _dates_a_document(text: str, expression: Expression) -> bool:
    """A bare year beside a law, decree or decision dates it (``в 2005 году решением
    маслихата``, ``закон 1997 года``), not the time the narrative is in.

    >>> e = scan_dates("в 2005 году решением маслихата")[0]
    >>> _dates_a_document("в 2005 году решением маслихата", e)
    True
    """
    return _beside(text, expression, "document_words")


def _beside(text: str, expression: Expression, words: str) -> bool:
    """One of the ``date_words.json`` word beginnings ``words`` stands within
    ``DOCUMENT_WINDOW`` words of the expression.

    >>> e = scan_dates("Он родился 4 февраля 1991 года в Уфе")[0]
    >>> _beside("Он родился 4 февраля 1991 года в Уфе", e, "birth_words")
    True
    """
    low = max(0, expression.start - 40)
    before = list(re.finditer(r"\w+", text[low:expression.start]))[-DOCUMENT_WINDOW:]
    after = list(re.finditer(r"\w+", text[expression.end:expression.end + 40]))[:DOCUMENT_WINDOW]
    stems = tuple(load_json("date_words.json")[words])
    found = [low + m.start() for m in before if m.group().lower().startswith(stems)] \
        + [expression.end + m.start() for m in after if m.group().lower().startswith(stems)]
    if words == "birth_words":  # "в свой день рождения, 12 марта": a birthday, a day something happened on
        found = [at for at in found if not _names_birthday(text, at)]
    return bool(found)


def _names_birthday(text: str, at: int) -> bool:
    """The word of a birth at ``at`` follows a ``birthday_heads`` noun (``день рождения``).

    >>> _names_birthday("в свой день рождения", 12), _names_birthday("1993 года рождения", 10)
    (True, False)
    """
    head = re.search(r"(\w+)\W*$", text[max(0, at - 30):at])
    heads = frozenset(load_json("date_words.json")["birthday_heads"])
    return head is not None and parse_word(head.group(1).lower())[0].normal_form in heads


HISTORY_YEARS = 10  # a bare year this long before the document's is history, not the narrative's time


def _moves_narrative(point, reference, doc_date: dt.date | None, preposition: str | None = None) -> bool:
    """Whether a date with a year becomes the narrative's reference time: a day or
    month always, unless a bound (``с``, ``до``, ``по``) takes it back before the reference
    (``руководил заводом с декабря 2015 года`` in a story of June 2018 is
    background); a bare year only when it sets the time (``в 2013 году``, not a
    document's ``от 2005 года`` or a start ``с 2011 года``), does not go back before the
    reference (``Революции 1917 года`` told in 2012 is an aside) and does not lie long
    before the document's date."""
    if preposition not in (None, "в", "во") and reference is not None and (
            (point.year, point.month or 12) < (reference.year, reference.month or 12)):
        return False  # "руководил заводом с декабря 2015 года" told in 2018: background
    if point.month:
        return True
    if preposition not in (None, "в", "во"):
        return False
    if reference is not None and point.year < reference.year:
        return False
    return doc_date is None or doc_date.year - point.year <= HISTORY_YEARS


def find_doc_date(text: str) -> dt.date | None:
    """The date a statement is dated (signature dateline) or, failing that,
    delivered (heading or session date); None when it states neither.

    >>> find_doc_date("(Сессия 2, 9 ноября 2012г)\\nТекст заявления.\\n8 ноября 2012г.\\nГ.Архангельский")
    datetime.date(2012, 11, 8)
    """
    full = []
    for e in scan_dates(text):
        if e.first == e.last and e.first.day and e.explicit_year and not e.relative:
            full.append((e.start, e.end, first_day(e.first)))
    return pick_doc_date(text, full)
