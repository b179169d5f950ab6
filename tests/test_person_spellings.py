"""A name in brackets right after a name is that person's other spelling (``Питера Грина
(Peter Green)``), not a second person an event befell (issue 12, persons round: a foreign
person named in Cyrillic and then in Latin letters counted twice). Every sentence is new,
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# Text, the event's type, and who it befell.
SPELLED_TWICE = [
    ("В аэропорту Бангкока арестовали канадца Питера Грина (Peter Green).", "detention", ("Питер Грин",)),
    ("Суд оштрафовал журналистку Анну Вебер (Anna Weber) на 500 евро.", "fine", ("Анна Вебер",)),
    ("Полиция задержала лидера движения Али Хасана (Ali Hassan) в Каире.", "detention", ("Али Хасан",)),
    # two people, each spelled twice
    ("Полиция задержала Марка Лоу (Mark Low) и Ханну Берг (Hanna Berg) у посольства.", "detention",
     ("Марк Лоу", "Ханна Берг")),
]


@pytest.mark.parametrize(("text", "kind", "persons"), SPELLED_TWICE)
def test_a_name_in_brackets_after_a_name_is_the_same_person(events_of, text, kind, persons):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.persons == persons


def test_a_second_person_in_brackets_after_a_noun_is_still_a_person(events_of):
    text = "Полиция задержала двух активистов (Марка Лоу и Ханну Берг) у посольства."
    event = next(e for e in events_of(text) if e.type == "detention")
    assert set(event.persons) == {"Марк Лоу", "Ханна Берг"}
