"""The document's own date, and the years that dates leaving theirs out take from it.

Which full date in a statement dates the statement.

Rule, in order of preference:

1. a dateline near the end: a line near the bottom that is a full date with at
   most a few words beside it (``8 ноября 2012г.`` above a signature,
   ``Алматы, 08.11.2012``), or any line labelled ``Дата:``; the last one wins;
2. a dateline near the top (``г. Алматы, 8 ноября 2012 года``, a session line
   ``(Сессия 2, 9 ноября 2012г)``); the first one wins;
3. a full date in a short heading or closing line (``Заявление о ... от 8 ноября
   2012 года``).

None of them is a sentence telling what happened on its date: a line whose words beside
the date hold a finite verb (pymorphy3's ``VERB`` or a short participle: ``2 марта 2014
года в Омске задержан активист``, ``Выборы пройдут 7 июля 2014 года``) is a lead or a
last sentence of news, which has no dateline (issue 12), and its date is an event's.

The date the author signed (dated) the statement wins over the date of the
meeting it was delivered at: it is the author's own statement of when the text
was written, the reference for ``с.г.`` and ``вчера``. A session date is used when
no dateline is given. Dates inside body sentences are events, never the doc date.

How a year the text leaves out is filled (``24 марта``, ``в апреле``):

1. the other end of a range gives it (``с 5 по 7 января 2012``);
2. ``с.г.``, ``этого года``, ``прошлого года`` count from the document's date;
   without one, ``этого года`` is the latest year the text names (a statement is
   written no earlier than the years it reports) and the others stay unresolved;
3. the narrative's reference time, as HeidelTime's narrative strategy has it: the
   last date with a year the text wrote before it in the same paragraph (``В апреле
   2013 года ... 4 декабря`` is 2013-12-04); a month earlier in the year than that
   reference's moves on to the next year, as a narrative moves forward (``16 декабря
   2011 ... 28 января`` is 2012-01-28);
4. with a document date, its year, or the year before when the date would fall
   clearly after the document's date (more than ``LATE_DAYS`` days): testimony
   reports what already happened, so ``16 декабря`` in a statement of 8 November
   2012 is 2011-12-16; but a statement may be dated a day or so before the
   events of its week are over or dated with a slip, so ``12 июня`` in a
   statement of 10 June 2021 stays 2021-06-12; a year from the narrative is held
   to the same bound;
5. without one, the year of the nearest preceding explicit date, day or month
   dates before bare years (``1917 года`` is more often history than narrative),
   else of the nearest following day or month date with its year, never of a bare
   year told after it (``19 ноября суд завершил процесс по делу от 2014 года``: the
   case's year, not the ruling's);
6. otherwise the mention is kept with no value.

A birth date (``родился 4 февраля 1991 года``, ``1993 года рождения``: ``birth_words``)
is a person's, never the narrative's reference time nor a year for 3 or 5.

``сегодня``/``вчера`` and ``в прошлом месяце`` are dates only when the document's
date is known.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..nlp import parse_word

HEAD_LINES = 5  # non-empty lines counted as the top of a document
TAIL_LINES = 6  # and as its bottom
EDGE_CHARS = 400  # a long merged paragraph still has its edges
DATELINE_WORDS = 6  # words beside the date on a dateline (place, 'Дата', 'г.')
HEADING_CHARS = 150
NEW_YEAR_WRAP = 9  # October then January, or December then March: across a new year
LATE_DAYS = 7  # a year-less date this far past the doc date is from the year before

_WORD = re.compile(r"[^\W\d_]{2,}")
_LINE = re.compile(r"[^\n]+")
# "Дата: 08.11.2012", "Дата публикации: ...", not "эта дата" in a sentence
_LABEL = re.compile(r"\bдата(?:\s+[^\W\d_]+)?\s*:", re.I)


def pick_doc_date(text: str, full_dates: list[tuple[int, int, dt.date]]) -> dt.date | None:
    """The document's date among its full dates (start, end, date), by the rule above.

    >>> text = "Заявление\\nТекст, 28 января 2012 г. был митинг.\\nАлматы, 8 ноября 2012г.\\nПодпись"
    >>> pick_doc_date(text, [(18, 34, dt.date(2012, 1, 28)), (56, 71, dt.date(2012, 11, 8))])
    datetime.date(2012, 11, 8)
    >>> pick_doc_date("Текст.\\nДата: 08.11.2012\\nПодпись", [(13, 23, dt.date(2012, 11, 8))])
    datetime.date(2012, 11, 8)
    """
    lines = [m.span() for m in _LINE.finditer(text) if m.group().strip()]
    best: tuple[int, int, dt.date] | None = None  # (rank, order, date)
    for start, end, date in full_dates:
        index = next((i for i, (s, e) in enumerate(lines) if s <= start < e), None)
        if index is None:
            continue
        line_start, line_end = lines[index]
        line = text[line_start:line_end].strip()
        beside = without_label(text[line_start:start]) + " " + text[end:line_end]
        # a short sentence telling what happened that day is no dateline ("В Омске задержан ...")
        dateline = len(_WORD.findall(beside)) <= DATELINE_WORDS and not tells(beside)
        head = index < HEAD_LINES or start < EDGE_CHARS
        tail = index >= len(lines) - TAIL_LINES or end > len(text) - EDGE_CHARS
        if _LABEL.search(beside) or tail and dateline:
            rank, order = 0, -start  # the last dateline at the end
        elif head and dateline:
            rank, order = 1, start  # the first dateline at the top
        elif (head or tail) and len(line) <= HEADING_CHARS and not tells(beside):
            rank, order = 2, start
        else:
            continue
        if best is None or (rank, order) < best[:2]:
            best = (rank, order, date)
    return best[2] if best else None


FINITE = frozenset({"VERB", "PRTS"})  # pymorphy3's finite verb and short participle


def tells(words: str) -> bool:
    """The words hold a finite verb (by pymorphy3's likeliest reading): a sentence telling a
    happening, not a heading naming a document.

    >>> tells("в Омске задержан активист")
    True
    >>> tells("Заявление о нарушении прав от")
    False
    """
    return any(parse_word(word.lower())[0].tag.POS in FINITE for word in _WORD.findall(words))


def without_label(before: str) -> str:
    """The words before a date on its line, less a dateline's label: one neuter singular short
    participle opening the line right before the date (``Опубликовано``, ``Обновлено``,
    ``Составлено``) tells when the document was made, not a happening.

    >>> without_label("Опубликовано "), without_label("Задержан ")
    ('', 'Задержан ')
    """
    words = _WORD.findall(before)
    if len(words) == 1 and re.fullmatch(r"\W*", before.replace(words[0], "", 1)) and any(
            {"PRTS", "neut", "sing"} <= p.tag.grammemes for p in parse_word(words[0].lower())[:1]):
        return ""
    return before


@dataclass(frozen=True, slots=True)
class Point:
    """One end of a date expression; missing parts are None."""

    year: int | None = None
    month: int | None = None
    day: int | None = None


def valid(point: Point) -> bool:
    """Whether the parts that are given make a real date (no 31 февраля)."""
    if point.month is not None and not 1 <= point.month <= 12:
        return False
    if point.day is not None:
        last = calendar.monthrange(point.year or 2000, point.month or 1)[1]
        return 1 <= point.day <= last
    return True


def first_day(point: Point) -> dt.date:
    """The first day a point with a year covers (a month from its 1st)."""
    return dt.date(point.year, point.month or 1, point.day or 1)


def last_day(point: Point) -> dt.date:
    """The last day a point with a year covers (a year to 31 December)."""
    month = point.month or 12
    day = point.day or calendar.monthrange(point.year, month)[1]
    return dt.date(point.year, month, day)


def _later(a: Point, b: Point) -> bool:
    """Whether a falls after b within one year (months and days only)."""
    return (a.month or 1, a.day or 1) > (b.month or 1, b.day or 1)


def _fill_range(first: Point, last: Point) -> tuple[Point, Point]:
    """Give each end of a range what the other states (month, year)."""
    if first.month is None and first.day is not None:
        first = replace(first, month=last.month)
    if first.year is None and last.year is not None:
        first = replace(first, year=last.year - _later(first, last))
    if last.year is None and first.year is not None:
        last = replace(last, year=first.year + _later(first, last))
    return first, last


def _anchor_year(start: int, anchors: list[tuple[int, int, int]]) -> int | None:
    """Year of the nearest preceding explicit date (day/month ones first),
    else of the nearest following day/month one; ``anchors`` are sorted by start."""
    cut = bisect.bisect_left(anchors, (start,))
    for rank in (0, 1):
        year = next((y for _, y, r in reversed(anchors[:cut]) if r == rank), None)
        if year is not None:
            return year
    return next((y for s, y, r in anchors[cut:] if r == 0 and s > start), None)


def narrative_year(first: Point, reference: Point) -> int:
    """The year of a year-less date told after ``reference`` (a date with its year):
    the reference's, as HeidelTime's narrative strategy takes it, so a story that steps
    back (``В мае 2013 года его осудили. Дело возбудили в феврале``) stays in its year;
    the next only across a new year, when the month comes at most a season after the
    reference's (``16 декабря 2011 ... 28 января`` is January 2012).

    >>> narrative_year(Point(None, 12, 4), Point(2013, 4)), narrative_year(Point(None, 1, 28), Point(2011, 12, 16))
    (2013, 2012)
    >>> narrative_year(Point(None, 12, 4), Point(2013, 12, 28)), narrative_year(Point(None, 3), Point(2014))
    (2013, 2014)
    >>> narrative_year(Point(None, 2), Point(2013, 5)), narrative_year(Point(None, 4), Point(2013, 9))
    (2013, 2013)
    """
    if reference.month and first.month and reference.month - first.month >= NEW_YEAR_WRAP:
        return reference.year + 1
    return reference.year


def resolve_ends(first: Point, last: Point, relative: tuple[str, int] | None,
                 start: int, doc_date: dt.date | None,
                 anchors: list[tuple[int, int, int]],
                 reference: Point | None = None) -> tuple[Point, Point] | None | bool:
    """Both ends of a date expression at ``start`` with their years filled by the
    rule above; None if no year can be found; False if the expression is no date
    at all without a document date. ``anchors`` are (start, year, rank) of the
    text's explicit dates, rank 0 for day/month dates, 1 for bare years;
    ``reference`` is the last date with a year before it in its paragraph.

    >>> resolve_ends(Point(None, 12, 16), Point(None, 12, 16), None, 0, dt.date(2012, 11, 8), [])
    (Point(year=2011, month=12, day=16), Point(year=2011, month=12, day=16))
    >>> resolve_ends(Point(None, 6, 12), Point(None, 6, 12), None, 0, dt.date(2021, 6, 10), [])[0]
    Point(year=2021, month=6, day=12)
    """
    first, last = _fill_range(first, last)
    if relative:
        unit, offset = relative
        if unit in ("day", "month") and doc_date is None:
            return False
        if unit == "day":
            day = doc_date + dt.timedelta(days=offset)
            return (Point(day.year, day.month, day.day),) * 2
        if unit == "month":
            index = doc_date.year * 12 + doc_date.month - 1 + offset
            return (Point(index // 12, index % 12 + 1),) * 2
        if doc_date:
            year = doc_date.year + offset
        else:  # 'этого года' is the latest year the text names
            year = max((a[1] for a in anchors), default=None) if offset == 0 else None
        if year is None:
            return None
        if first == Point():
            return Point(year), Point(year)
        return _fill_range(first, last if last.year else replace(last, year=year))
    if first.year is None:
        if reference is not None or doc_date is not None:
            year = narrative_year(first, reference) if reference is not None else doc_date.year
            while doc_date is not None and first_day(replace(first, year=year)) > doc_date + dt.timedelta(days=LATE_DAYS):
                year -= 1  # testimony tells what already happened
        else:
            year = _anchor_year(start, anchors)
        if year is None:
            return None
        first, last = _fill_range(replace(first, year=year), last)
    return first, last
