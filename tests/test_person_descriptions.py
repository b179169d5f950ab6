"""Who an event befell when the text names them once and then refers to them (issue 12, persons
round): a pronoun in a later paragraph stands for the last person of its gender named in the
nearest paragraph before it that names anyone (a news story sets one sentence a paragraph); a
description (``мужчину``, ``активистку``, ``бывшего министра``) in a sentence that names no one
stands for that person too, by the noun's gender and number (pymorphy3). A plural or a noun of
either gender (``коллега``) stands for no one; a description next to a name of its own is that
name; a description in a sentence that names a person is left to that name. Every sentence is
new, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader
from pipeline.events.people import described_gender

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# Text (paragraphs apart), the event's type, and who it befell.
LATER_PARAGRAPH = [
    ("Блогер Виктор Сазонов живёт в Кирове.\n\nВ марте его задержали у здания вокзала.",
     "detention", ("Виктор Сазонов",)),
    ("Художница Елена Гринько выставлялась в Перми.\n\nВ апреле ей предъявили обвинение в вандализме.",
     "other", ("Елена Гринько",)),
    ("Фермер Олег Дымов владел землёй под Тулой.\n\nОсенью его оштрафовали на 30 тысяч рублей.",
     "fine", ("Олег Дымов",)),
    ("Учительница Нина Ковалёва вела уроки в Омске.\n\nЗимой её уволили из школы.",
     "other", ("Нина Ковалёва",)),
]

DESCRIBED = [
    ("Пётр Жуков приехал в Самару в мае.\n\nВ июне полиция задержала мужчину на рынке.",
     "detention", ("Пётр Жуков",)),
    ("Зоя Лисина раздавала листовки у метро.\n\nВечером полиция задержала активистку.",
     "detention", ("Зоя Лисина",)),
    ("Антон Фомин учился в Казани.\n\nВ январе студента отчислили из университета.",
     "other", ("Антон Фомин",)),
    ("Сергей Рябов руководил заводом до 2019 года.\n\nВ 2020 году бывшего директора арестовали.",
     "detention", ("Сергей Рябов",)),
    ("Марина Котова вышла на пикет.\n\nСуд оштрафовал женщину на 10 тысяч рублей.",
     "fine", ("Марина Котова",)),
]


@pytest.mark.parametrize(("text", "kind", "persons"), LATER_PARAGRAPH + DESCRIBED)
def test_a_later_reference_stands_for_the_person_named_before(events_of, text, kind, persons):
    event = next(e for e in events_of(text) if e.type == kind and e.start > text.index("\n"))
    assert event.persons == persons


# No named person it may stand for: of the other gender, plural, or named by its own name.
NO_ONE = [
    ("Пётр Жуков приехал в Самару в мае.\n\nВ июне полиция задержала женщину на рынке.", "detention"),
    ("Зоя Лисина раздавала листовки у метро.\n\nВечером полиция задержала студентов.", "detention"),
    ("Антон Фомин учился в Казани.\n\nВ январе полиция задержала его коллегу.", "detention"),
    # a sentence telling another case brings in someone new
    ("Антон Фомин учился в Казани.\n\nВ одном случае в марте студента задержали у общежития.", "detention"),
    ("Зоя Лисина раздавала листовки.\n\nВ другом случае неизвестные избили активистку у подъезда.", "violence"),
]


def test_a_description_is_not_the_relation_a_word_names_again(events_of):
    text = ("Адвокат Глеб Осин сообщил, что суд арестовал Игната Рузаева на 10 суток. "
            "По словам адвоката, его подзащитного избили в отделе.")
    event = next(e for e in events_of(text) if e.type == "violence")
    assert event.persons == ("Игнат Рузаев",)


@pytest.mark.parametrize(("text", "kind"), NO_ONE)
def test_a_reference_of_another_gender_or_number_stands_for_no_one(events_of, text, kind):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.persons == ()


def test_a_description_with_its_own_name_is_that_name(events_of):
    text = "Пётр Жуков приехал в Самару в мае.\n\nВ июне полиция задержала студента Игоря Лаптева."
    event = next(e for e in events_of(text) if e.type == "detention")
    assert event.persons == ("Игорь Лаптев",)


# A noun and the gender it refers by (None: not a single person, or either gender).
GENDERS = [
    ("мужчину", "masc"),
    ("активистку", "femn"),
    ("студента", "masc"),
    ("пенсионерке", "femn"),
    ("студентов", None),
    ("коллегу", None),
    ("решение", None),
]


@pytest.mark.parametrize(("word", "gender"), GENDERS)
def test_a_description_refers_by_its_gender_and_number(word, gender):
    assert described_gender(word) == gender
