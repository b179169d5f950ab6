"""Parts of a sentence that are clauses of their own, and counts of court rulings.

New invented sentences (never a benchmark's text): a semicolon opening a part with a
predicate of its own ends what the clause before it shares (people, counts, time, place);
a list after a colon with verbless items keeps sharing its verb; a ruling over a number of
people (acquitted, released) takes that number as its count.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import events_reader

DOC_DATE = dt.date(2015, 3, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


def _by_trigger(events, word):
    (event,) = [e for e in events if e.trigger.startswith(word)]
    return event


@pytest.mark.parametrize("text, trigger, persons", [
    # the part after the semicolon has its own predicate: the named man is not among them
    ("Игорь Зуев арестован в Туле; еще двое были освобождены под залог.",
     "освобождены", ()),
    ("Анну Котову задержали у суда; трое других участников были освобождены под залог.",
     "освобождены", ()),
    # the named man's own part keeps him
    ("Игорь Зуев арестован в Туле; еще двое были освобождены под залог.",
     "арестован", ("Игорь Зуев",)),
    # verbless list items after a colon still belong to the verb that opens the list
    ("В мае суд приговорил к лишению свободы: Павла Ершова — на год; Дениса Рябова — на два года.",
     "приговорил", ("Павел Ершов", "Денис Рябов")),
    ("В мае были арестованы: Павел Ершов — в Туле; Денис Рябов — в Орле.",
     "арестованы", ("Павел Ершов", "Денис Рябов")),
])
def test_a_semicolon_part_with_its_own_predicate_is_its_own_clause(events_of, text, trigger, persons):
    assert _by_trigger(events_of(text), trigger).persons == persons


@pytest.mark.parametrize("text, trigger, count", [
    ("Суд рассмотрел дело 11 активистов: шесть человек были оправданы, пятеро оштрафованы.",
     "оправданы", 6),
    ("Игорь Зуев арестован в Туле; еще двое были освобождены под залог.",
     "освобождены", 2),
    ("В апреле суд освободил из-под стражи троих фигурантов дела.", "освободил", 3),
])
def test_a_ruling_over_a_number_of_people_takes_its_count(events_of, text, trigger, count):
    event = _by_trigger(events_of(text), trigger)
    assert event.type == "court" and (event.count.low, event.count.high) == (count, count)


@pytest.mark.parametrize("text, trigger", [
    ("Проведя в воскресенье заседания суда, судья приговорил троих пикетчиков к штрафам.", "заседания"),
    ("Суд провел выездное заседание и оштрафовал четверых активистов.", "заседание"),
])
def test_a_hearing_does_not_take_the_count_of_its_coordinated_ruling(events_of, text, trigger):
    hearings = [e for e in events_of(text) if e.trigger.startswith(trigger)]
    assert all(e.count is None for e in hearings)


# A suspended sentence is a court event with its term (the report guidelines).
@pytest.mark.parametrize("text, trigger, years", [
    ("В мае 2016 года Иван Орлов был приговорен к двум годам лишения свободы условно.", "приговорен", 2),
    ("Активистка получила три года условно.", "получила", 3),
    ("Суд назначил Олегу Зуеву условный срок в один год.", "условный", 1),
])
def test_a_suspended_sentence_is_a_court_event_with_its_term(events_of, text, trigger, years):
    event = _by_trigger(events_of(text), trigger)
    assert event.type == "court" and (event.term.low, event.term.high, event.term.unit) == (years, years, "year")
