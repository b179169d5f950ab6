"""A line that goes on with the story of the line before takes its date.

New invented sentences (never a benchmark's text). News and reports often put each sentence
on a line of its own; a line that opens by pointing back at the happening just told - a
personal pronoun for its people (``Его доставили ...``, ``Кроме того, ему ...``) or
``тогда же`` - continues it and is dated by it (the narrative's reference time, as
HeidelTime's narrative strategy takes it). Conservatively: only the line right after
(a blank line ends the story), only from a dated happening of that line, never when the
line states a date of its own or opens with no back-reference.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader, of_trigger

DOC_DATE = dt.date(2017, 2, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# (text, trigger of the continuing line, the date it takes: start)
CONTINUING = [
    ("В мае 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
     "Его доставили в отдел полиции и там избили.\n",
     "избили", dt.date(2016, 5, 1)),
    ("12 марта 2015 года суд Твери приговорил Олега Сомова к трем годам колонии.\n"
     "Кроме того, его оштрафовали на сто тысяч рублей.\n",
     "оштрафовали", dt.date(2015, 3, 12)),
    ("В сентябре 2014 года в Казани задержали правозащитницу Нину Глебову.\n"
     "Тогда же у нее дома прошел обыск.\n",
     "обыск", dt.date(2014, 9, 1)),
    ("14 марта 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
     "Тогда же суд арестовал его брата.\n",
     "арестовал", dt.date(2016, 3, 14)),
    # the penalty goes on with the story; what it punishes (за пикет) does not
    ("В апреле 2018 года в Перми задержали студента Павла Киреева.\n"
     "Тогда же его оштрафовали за пикет.\n",
     "оштрафовали", dt.date(2018, 4, 1)),
]


@pytest.mark.parametrize("text, trigger, start", CONTINUING)
def test_a_line_pointing_back_at_a_dated_happening_takes_its_date(events_of, text, trigger, start):
    event = of_trigger(events_of(text), trigger)
    assert event.date is not None and event.date.start == start


# (text, trigger of the second line): nothing carries
NOT_CONTINUING = [
    # a blank line: another paragraph
    ("В мае 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n\n"
     "Его доставили в отдел полиции и там избили.\n", "избили"),
    # no back-reference: another story
    ("В мае 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
     "Полицейские избили журналиста Олега Дымова у здания суда.\n", "избили"),
    # the line before tells nothing dated (a heading)
    ("Дело Игоря Лаптева\n"
     "Его доставили в отдел полиции и там избили.\n", "избили"),
    # an earlier time or a habit (уже, ранее, до этого, в прошлом, неоднократно): before
    # the line above's day, not on it
    ("14 марта 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
     "Его уже задерживали за пикеты.\n", "задерживали"),
    ("14 марта 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
     "Она тоже была задержана ранее.\n", "задержана"),
    ("В апреле 2018 года в Перми задержали студента Павла Киреева.\n"
     "Ранее его оштрафовали за участие в акции.\n", "оштрафовали"),
    ("В апреле 2018 года в Перми задержали студента Павла Киреева.\n"
     "До этого его арестовали в Кирове.\n", "арестовали"),
    ("3 июня 2019 года в Туле суд арестовал блогера Олега Рыкова.\n"
     "В прошлом его уже штрафовали за митинг.\n", "штрафовали"),
    # an imperfective past of a momentary happening: more than once, not that day
    ("3 июня 2019 года в Туле суд арестовал блогера Олега Рыкова.\n"
     "Прежде его арестовывали за одиночные пикеты.\n", "арестовывали"),
    ("В апреле 2018 года в Перми задержали студента Павла Киреева.\n"
     "Его штрафовали за пикеты.\n", "штрафовали"),
    # what a penalty is for (за …) happened before it, never on the line above's day
    ("14 марта 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
     "Его уже задерживали за пикеты.\n", "пикеты"),
    ("В апреле 2018 года в Перми задержали студента Павла Киреева.\n"
     "Тогда же его оштрафовали за пикет.\n", "пикет"),
    ("3 июня 2019 года в Туле суд арестовал блогера Олега Рыкова.\n"
     "Прежде его арестовывали за одиночные пикеты.\n", "пикеты"),
]


@pytest.mark.parametrize("text, trigger", NOT_CONTINUING)
def test_a_line_that_does_not_point_back_takes_no_date(events_of, text, trigger):
    assert of_trigger(events_of(text), trigger).date is None


def test_a_line_with_its_own_date_keeps_it(events_of):
    text = ("В мае 2016 года в Омске полицейские задержали активиста Игоря Лаптева.\n"
            "Его избили в отделе полиции 3 июня 2016 года.\n")
    event = of_trigger(events_of(text), "избили")
    assert event.date is not None and event.date.start == dt.date(2016, 6, 3)


# A happening told after a stated step of time ("через полгода", "спустя месяц") happened an
# unknown day after the date before it: it takes no carried day or month (as "впоследствии"
# does), only a year its paragraph named alone. The next day counted from a dated day is dated.
SHIFTED = [
    ("9 мая 2020 года в Туле во время шествия задержали Игоря Рябова, а через полгода суд "
     "назначил ему два года колонии.", "назначил", None),  # the term given: its verb tells it
    ("14 марта 2019 года в Пскове полиция задержала Анну Голикову. Спустя месяц ее оштрафовали "
     "на 20 тысяч рублей.", "оштрафовали", None),
    ("14 марта 2019 года в Пскове задержали Анну Голикову, а спустя полгода ее приговорили к "
     "году колонии.", "колони", None),
    ("Три года спустя после суда в Пензе Олега Сомова снова задержали.", "задержали", None),
    # a counted step from a dated day is a day ("на следующий день", "через неделю": 7 days)
    ("3 июня 2018 года в Уфе прошел обыск у блогера Ильи Хасанова. Через неделю его арестовали "
     "на два месяца.", "арестовали", dt.date(2018, 6, 10)),
    ("3 июня 2018 года в Уфе задержали блогера Илью Хасанова. На следующий день его "
     "арестовали на 10 суток.", "арестовали", dt.date(2018, 6, 4)),
    # no step: the date carries as always
    ("3 июня 2018 года в Уфе задержали блогера Илью Хасанова. Его доставили в отдел и избили.",
     "избили", dt.date(2018, 6, 3)),
]


@pytest.mark.parametrize("text, trigger, start", SHIFTED)
def test_a_step_of_time_carries_no_day(events_of, text, trigger, start):
    event = of_trigger(events_of(text), trigger)
    if start is None:
        assert event.date is None or event.date.precision == "year", event.date
    else:
        assert event.date is not None and event.date.start == start
