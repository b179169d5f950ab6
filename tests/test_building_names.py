"""A building named by its noun is a venue, not an organisation (issue 13, session 11).

natasha types ``Бостонском аэропорту`` or ``Дворце спорта`` ORG; NEREL calls such a name a
FACILITY and FactRuEval a Location, and our guidelines make it a LOC marked ``venue``.
The nouns are ``buildings`` in ``models/ner_venues.json``. A body housed in a building
keeps its own noun (``Большой театр``, ``центр``): only nouns that name no body are listed.
Every sentence is new and invented; none is copied from a benchmark's documents.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.records import LOC, ORG
from pipeline.tag import tag_mentions

DOC_DATE = dt.date(2024, 9, 1)

VENUES = [
    ("Самолёт приземлился в Бостонском аэропорту вечером.", "Бостонском аэропорту"),
    ("Концерт прошёл во Дворце спорта на окраине.", "Дворце спорта"),
    ("Болельщики собрались у Центрального стадиона.", "Центрального стадиона"),
    ("Поезд прибыл на Казанский вокзал утром.", "Казанский вокзал"),
    ("Служба прошла в Успенском соборе вчера.", "Успенском соборе"),
    ("Пикет прошёл у Дворца молодёжи в Перми.", "Дворца молодёжи"),
]


@pytest.mark.parametrize("text, venue", VENUES)
def test_a_building_is_a_venue(text, venue, models):
    found = {(m.type, m.text, m.place_kind) for m in tag_mentions(text, models, DOC_DATE)[1]}
    assert (LOC, venue, "venue") in found
    assert not any(kind == ORG and venue in name for kind, name, _ in found)


BODIES = [
    ("Солисты Большого театра дали концерт.", "Большого театра"),
    ("Заявление опубликовал Правозащитный центр «Мемориал».", "Правозащитный центр «Мемориал»"),
    ("Министерство обороны опровергло сообщение.", "Министерство обороны"),
]


@pytest.mark.parametrize("text, body", BODIES)
def test_a_body_stays_an_organisation(text, body, models):
    found = {(m.type, m.text) for m in tag_mentions(text, models, DOC_DATE)[1]}
    assert (ORG, body) in found
