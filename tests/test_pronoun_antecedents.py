"""A third-person pronoun after a preposition (``к ней``, ``на неё``, ``у него``) stands for
the last person named before it, as ``её``, ``ему`` do; and the gender a name gives a
pronoun is read off its words in the nominative singular (the name is a normal form), so
a surname set first that is also a case of a first name of the other gender (``Дарин``:
``Дарина``'s genitive plural) does not turn a man into a woman. Issue 16: a statement's
person told once by name and then as ``к ней``/``его`` was lost to the event. Every
sentence is new, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader
from pipeline.events.people import name_gender

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# Text, the event's type, and who it befell.
PREPOSITIONAL = [
    ("Журналистка Вера Лапина рассказала, что утром к ней пришли с обыском.",
     "surveillance", ("Вера Лапина",)),
    ("Ольга Терехова сообщила, что вечером на неё напали у подъезда.",
     "violence", ("Ольга Терехова",)),
    ("Игорь Савченко рассказал, что возле дома на него напали двое неизвестных.",
     "violence", ("Игорь Савченко",)),
    ("Тарас Гончар рассказал, что к нему трижды приходили с угрозами.",
     "intimidation", ("Тарас Гончар",)),
    ("Ирина Белова рассказала, что с ней провели профилактическую беседу и угрожали ей.",
     "intimidation", ("Ирина Белова",)),
]


@pytest.mark.parametrize(("text", "kind", "persons"), PREPOSITIONAL)
def test_a_pronoun_after_a_preposition_is_the_last_named_person(events_of, text, kind, persons):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.persons == persons


# A name (normal form) and the gender a pronoun finds in it.
GENDERS = [
    ("Дарин Игорь", "masc"),
    ("Полин Денис", "masc"),
    ("Гурай Денис", "masc"),
    ("Лелей Олег", "masc"),
    ("Дарина Полякова", "femn"),
    ("Игорь Дарин", "masc"),
    ("Гульнара Ахметова", "femn"),
    ("Денис Шевчук", "masc"),
]


@pytest.mark.parametrize(("name", "gender"), GENDERS)
def test_a_name_gives_its_gender_by_its_words_in_the_nominative(name, gender):
    assert name_gender(name) == gender


def test_a_surname_set_first_does_not_change_whom_his_pronoun_stands_for(events_of):
    text = "Гурай Денис, 31 год, житель Самары: в начале мая его арестовали на 10 суток."
    custody = next(e for e in events_of(text) if e.type == "custody")
    assert len(custody.persons) == 1 and "Гурай" in custody.persons[0]
