"""A part of a place named by the compass holds the place (issue 13, fourth round): the
nested LOC of ``Северной Африке`` is ``Африке``; a country whose own name opens with such
a word holds nothing. Sentences made up here."""

from __future__ import annotations

import pytest

from pipeline.records import LOC
from pipeline.tag import tag_mentions
from pipeline.tag.nesting import nested_in

HOLDING = [
    ("Засуха ударила по Восточной Африке прошлым летом.", "Восточной Африке", "Африке"),
    ("Туристы из Центральной Европы приехали первыми.", "Центральной Европы", "Европы"),
    ("Ночью в Западном Иерусалиме было тихо.", "Западном Иерусалиме", "Иерусалиме"),
    ("Муссоны пришли в страны Южной Азии раньше.", "Южной Азии", "Азии"),
]


@pytest.mark.parametrize("text, outer, inner", HOLDING)
def test_a_compass_part_holds_its_place(models, text, outer, inner):
    _, mentions = tag_mentions(text, models)
    holders = nested_in(mentions)
    by_text = {m.text: (m, holder) for m, holder in zip(mentions, holders) if m.type == LOC}
    assert outer in by_text and by_text[outer][1] is None
    assert inner in by_text and mentions[by_text[inner][1]].text == outer


OWN_NAMES = [
    ("Делегация Южной Кореи прибыла в Сеул.", "Южной Кореи"),
    ("Выборы в Северной Ирландии прошли спокойно.", "Северной Ирландии"),
    ("Экспорт в Южную Америку вырос.", "Южную Америку"),
]


@pytest.mark.parametrize("text, place", OWN_NAMES)
def test_a_name_opening_with_the_compass_holds_nothing(models, text, place):
    _, mentions = tag_mentions(text, models)
    inside = [m.text for m in mentions if m.type == LOC and m.text != place and m.text in place]
    assert place in [m.text for m in mentions] and inside == []
