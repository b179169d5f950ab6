"""A one-word name that may be a place or a person, settled by morphology, the
gazetteer and the words around it (sentences written for these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import LOC, PER
from pipeline.tag.names import tag_names

CASES = [
    # a surname in the genitive after a noun of person is a person, not the city Иваново
    ("На даче Иванова нашли листовки.", "Иванова", PER),
    ("Вечером звучала музыка Шостаковича.", "Шостаковича", PER),
    # a city that is also a first name or surname, by what surrounds it
    ("Жители Владимира вышли на пикет.", "Владимира", LOC),
    ("Потом Владимир поступил в университет.", "Владимир", PER),
    ("В Борисове прошёл пикет.", "Борисове", LOC),
    ("В понедельник Борисов заявил о протесте.", "Борисов", PER),
    ("Мэр Борисова отказал в согласовании.", "Борисова", LOC),
    # a foreign surname that is also a city stays a person when nothing says place
    ("Певица Хьюстон сообщила о туре.", "Хьюстон", PER),
]


@pytest.mark.parametrize("text, word, kind", CASES)
def test_place_or_person(text, word, kind, models):
    found = {m.text: m.type for m in tag_names(text, models) if m.type in (PER, LOC)}
    assert found.get(word) == kind



# natasha sometimes reads a surname met alone as a place; given that reading (the LOC
# span below), the surname of someone the document names in full makes it a person.
SURNAMES_AS_PEOPLE = [
    ("Премьер Карел Дворжачек подал в отставку. Правительство Дворжачека продержалось полгода.",
     "Карел Дворжачек", "Дворжачека", PER),
    ("Сенатор Тед Кэмпбелл выступил вчера. Сторонники Кэмпбелла вышли на улицы.",
     "Тед Кэмпбелл", "Кэмпбелла", PER),
    ("Мэр Джон Бристоль прилетел в Лондон, а оттуда в Бристоль.", "Джон Бристоль", "Бристоль", LOC),
    ("Сотрудники Анны Ферро приехали; офис Ферро закрыт.", "Анны Ферро", "Ферро", PER),
    ("Пикет Ивана Котова прошёл; Котова не было дома.", "Ивана Котова", "Котова", PER),
    ("Ольга Мирная уехала, а Мирная осталась.", "Ольга Мирная", "Мирная", PER),
]


@pytest.mark.parametrize("text, person, word, kind", SURNAMES_AS_PEOPLE)
def test_a_surname_of_someone_named_in_full_is_that_person(text, person, word, kind):
    from pipeline.tag.candidates import Span
    from pipeline.tag.place_or_person import surnames_as_people

    at = text.rindex(word)
    spans = [Span(PER, text.index(person), text.index(person) + len(person)), Span(LOC, at, at + len(word))]
    assert surnames_as_people(text, spans)[-1].type == kind


def test_a_gazetteer_place_stays_a_place():
    from pipeline.tag.candidates import Span
    from pipeline.tag.place_or_person import surnames_as_people

    text = "Павел Омск приехал. Омск встречал его."
    spans = [Span(PER, 0, 10), Span(LOC, 20, 24, canonical="Омск", source="gazetteer")]
    assert surnames_as_people(text, spans)[-1].type == LOC
