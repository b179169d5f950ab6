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
    ("Певица Хьюстон заявила о туре.", "Хьюстон", PER),
]


@pytest.mark.parametrize("text, word, kind", CASES)
def test_place_or_person(text, word, kind, models):
    found = {m.text: m.type for m in tag_names(text, models) if m.type in (PER, LOC)}
    assert found.get(word) == kind
