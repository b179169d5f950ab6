"""Days counted from a named day stay inside what the text lets a coder count (issue 12, review of
round 13): new invented paragraphs, each dated by the document date below.

- a day counted on (``через неделю``, ``спустя пять дней``, ``на следующий день``, ``через сутки``,
  a weekday after a dated day) that falls after the document's date gives no date: an event is
  never dated after its document unless the text names that day;
- a bare weekday told after a named day counts on from that day or gives no date: it is not counted
  back from the document's date instead (that is only for a text naming no day before it);
- days joined by ``и`` (``5 и 6 апреля``) are a span of days, as ``5–6 апреля`` is: no day is counted
  from a span (``накануне``, ``на следующий день``), as from ``10–11 февраля``
  (``tests/test_report_dates.py``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader, of_trigger

DOC_DATE = dt.date(2019, 4, 11)  # a Thursday


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


def dated(events, word):
    date = of_trigger(events, word).date
    return (date.start, date.end) if date else None


def day(m, d):
    return dt.date(2019, m, d), dt.date(2019, m, d)


# (class, text, trigger, the date a coder gives it)
CASES = [
    # a counted day after the document's date
    ("past the document", "5 апреля в Самаре задержали активиста Игоря Зотова. Через неделю суд оштрафовал его.",
     "оштрафовал", None),
    ("past the document", "8 апреля в Пскове задержали журналистку Нину Егорову. Спустя пять дней ее "
     "оштрафовали на 20 тысяч рублей.", "оштрафовали", None),
    ("past the document", "11 апреля в Твери задержали студента Павла Кудрина. На следующий день суд арестовал "
     "его на десять суток.", "арестовал", None),
    ("past the document", "11 апреля в Омске задержали блогера Тимура Лукина. Через сутки его арестовали.",
     "арестовали", None),
    ("past the document", "9 апреля в Чите полиция задержала художника Ефима Ракова. Три дня спустя суд "
     "оштрафовал его.", "оштрафовал", None),
    ("past the document", "10 апреля в Туле задержали активистку Елену Прохорову. В пятницу суд оштрафовала ее.",
     "оштрафовала", None),
    ("past the document", "Активиста Игоря Зотова задержали 9 апреля в Самаре, а через три дня суд оштрафовал "
     "его.", "оштрафовал", None),
    # a weekday after a named day: counted on from it, never back from the document's date
    ("weekday after", "10 апреля в Перми задержали активиста Глеба Фомина. В понедельник его оштрафовали.",
     "оштрафовали", None),
    ("weekday after", "9 апреля в Курске задержали студентку Алину Котову. В воскресенье суд арестовал ее.",
     "арестовал", None),
    # days joined by "и" are a span: nothing is counted from it
    ("span", "5 и 6 апреля в Томске прошли пикеты. Накануне полиция задержала активиста Олега Серова.",
     "задержала", None),
    ("span", "2 и 3 апреля в Уфе прошли пикеты. На следующий день суд оштрафовал их организатора.",
     "оштрафовал", None),
    ("span", "2, 3 и 4 апреля в Уфе прошли пикеты. Через два дня суд оштрафовал их организатора.",
     "оштрафовал", None),
]

# guards: today's right dates the rules above must keep
GUARDS = [
    ("guard", "5 апреля в Самаре задержали активиста Игоря Зотова. Через три дня суд оштрафовал его.",
     "оштрафовал", day(4, 8)),
    ("guard", "10 апреля в Твери задержали студента Павла Кудрина. На следующий день суд арестовал его.",
     "арестовал", day(4, 11)),  # the document's own day is not after it
    ("guard", "8 апреля в Перми задержали активиста Глеба Фомина. В среду его оштрафовали.",
     "оштрафовали", day(4, 10)),
    ("guard", "В понедельник в Перми суд арестовал активиста Глеба Фомина.", "арестовал", day(4, 8)),
    ("guard", "5 апреля в Томске прошел пикет. Накануне полиция задержала активиста Олега Серова.",
     "задержала", day(4, 4)),
    ("guard", "5–6 апреля в Томске прошли пикеты. Накануне полиция задержала активиста Олега Серова.",
     "задержала", None),
    ("guard", "12 марта 2018 года в Томске задержали активиста Олега Серова. Через неделю суд оштрафовал его.",
     "оштрафовал", (dt.date(2018, 3, 19), dt.date(2018, 3, 19))),
]


@pytest.mark.parametrize("kind, text, trigger, date", GUARDS)
def test_the_rules_keep_these_dates(events_of, kind, text, trigger, date):
    assert dated(events_of(text), trigger) == date


@pytest.mark.parametrize("kind, text, trigger, date", CASES)
def test_no_day_is_counted_past_what_the_text_lets_a_coder_count(events_of, kind, text, trigger, date):
    assert dated(events_of(text), trigger) == date
