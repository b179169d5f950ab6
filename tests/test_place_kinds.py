"""A place an event happens at (a street, square, building, monument) is a LOC marked
``venue``; a settlement, region or country has no kind. Sentences made up here."""

from __future__ import annotations

import pytest

from pipeline.records import LOC, VENUE
from pipeline.tag import tag_mentions

CASES = [
    ("Пикет прошёл на Театральной площади в Самаре.", {"Театральной площади": VENUE, "Самаре": None}),
    ("Задержанных отвезли от кинотеатра «Восход» в Казань.", {"кинотеатра «Восход»": VENUE, "Казань": None}),
    ("Акция у Мраморного дворца в Петербурге сорвалась.", {"Мраморного дворца": VENUE, "Петербурге": None}),
    ("Он живёт на улице Гагарина в Томской области.", {"улице Гагарина": VENUE, "Томской области": None}),
    ("Цветы возложили к монументу Славы в Ереване.", {"монументу Славы": VENUE, "Ереване": None}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_venues_are_places_of_their_own_kind(models, text, expected):
    _, mentions = tag_mentions(text, models)
    found = {m.text: m.place_kind for m in mentions if m.type == LOC and m.text in expected}
    assert found == expected
    assert all(m.place_kind is None for m in mentions if m.type != LOC)


KIND_WORDS = [
    ("Журналистов задержали у Белого дома в Вашингтоне.", "Белого дома"),
    ("Его похоронили на Ваганьковском кладбище.", "Ваганьковском кладбище"),
    ("Митинг прошёл на Марсовом поле.", "Марсовом поле"),
    ("Пикетчики стояли на Уолл-стрит.", "Уолл-стрит"),
]


@pytest.mark.parametrize("text, venue", KIND_WORDS)
def test_names_holding_a_building_or_ground_noun_are_venues(models, text, venue):
    _, mentions = tag_mentions(text, models)
    assert [m.place_kind for m in mentions if m.type == LOC and m.text == venue] == [VENUE]


# A monument named by whom it is dedicated to, in the dative and in lower case, is one venue
# with its dedication (a genitive after it too); a monument with no dedication is no place.
DEDICATIONS = [
    ("Люди пришли к памятнику пожарным в Твери.", ["памятнику пожарным"]),
    ("Пикет прошёл у мемориала погибшим подводникам.", ["мемориала погибшим подводникам"]),
    ("Цветы лежат у обелиска жертвам политических репрессий в Омске.",
     ["обелиска жертвам политических репрессий"]),
    ("У памятника было тихо, в Томске шёл снег.", []),
]


@pytest.mark.parametrize("text, venues", DEDICATIONS)
def test_a_monument_named_by_its_dedication_is_a_venue(models, text, venues):
    _, mentions = tag_mentions(text, models)
    assert [m.text for m in mentions if m.type == LOC and m.place_kind == VENUE] == venues


# An airport or a station named after the place it serves is that place, not a venue; one
# named after a person, or with a quoted name, is a venue.
HUBS = [
    ("Его задержали в аэропорту Пулково.", "Пулково", None),
    ("В 2017 году её арестовали в аэропорту Вероны.", "Вероны", None),
    ("Журналиста задержали в аэропорту Джона Леннона в Ливерпуле.", "аэропорту Джона Леннона", VENUE),
    ("Пикет прошёл у вокзала «Северный».", "вокзала «Северный»", VENUE),
]


@pytest.mark.parametrize("text, place, kind", HUBS)
def test_an_airport_named_after_a_place_is_that_place(models, text, place, kind):
    _, mentions = tag_mentions(text, models)
    assert [m.place_kind for m in mentions if m.type == LOC and m.text == place] == [kind]
