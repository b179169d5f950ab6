"""A person named as someone's relative or lawyer (``relation_nouns``: ``отец``, ``мать``,
``адвокат``) is not who the happening their relation noun governs befell (``Гиви Абашидзе —
отец убитого студента``: the son, unnamed, was killed); the person of a relation is the one
related to (issue 12, persons round). A name that is itself the victim stays. Every sentence
is new, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# Text, the type of the happening the relation noun governs: no one named it befell.
RELATIVE_OF_THE_VICTIM = [
    ("Митинг организовал Гиви Абашидзе — отец убитого в драке студента.", "violence"),
    ("Пресс-конференцию провела Нино Гелашвили, мать избитого полицейскими активиста.", "violence"),
    ("На заседание пришёл Олег Рябов, адвокат задержанного в мае блогера.", "detention"),
    ("Вчера выступила Вера Сотникова, сестра арестованного журналиста.", "detention"),
]


@pytest.mark.parametrize(("text", "kind"), RELATIVE_OF_THE_VICTIM)
def test_a_relative_named_is_not_who_the_happening_befell(events_of, text, kind):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.persons == ()


# The name is the victim, the relation noun only says who they are.
STILL_THE_VICTIM = [
    ("Задержан Олег Рябов, адвокат правозащитного центра.", "detention", ("Олег Рябов",)),
    ("Полиция задержала Веру Сотникову, мать троих детей.", "detention", ("Вера Сотникова",)),
]


@pytest.mark.parametrize(("text", "kind", "persons"), STILL_THE_VICTIM)
def test_a_relation_noun_that_governs_no_happening_leaves_the_name(events_of, text, kind, persons):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.persons == persons
