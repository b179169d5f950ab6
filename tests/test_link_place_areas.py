"""Places that contain each other or lie in one agglomeration (issue 16, round 12): a town
that is part of a city, or a town beside it, told by one statement, and the city by
another (``models/place_within.json``); run through the real ``link`` on gold tables of new
invented statements."""

from __future__ import annotations

import pytest

from pipeline.link import link
from pipeline.link.gold import gold_tables
from pipeline.link.places import area, resolve
from test_link_comparisons import _incident_of, _person_of, _told

# One person detained on one day, one statement naming the town, the other the city it
# is part of or lies beside: one person, one detention. Two cities apart stay two people
# and two detentions (one person is in one place on a day), and so do two towns beside one
# city (Химки and Подольск lie 50 km apart: the agglomeration forgives a town written
# against its city, not two towns). Each row: the person, the two places, whether one.
TOWN_AND_CITY = [
    ("Арсений Лобанов", "Химки", "Москва", True),
    ("Арсений Лобанов", "Балашиха", "Москва", True),
    ("Вера Сухарева", "Колпино", "Санкт-Петербург", True),
    ("Вера Сухарева", "Всеволожск", "Санкт-Петербург", True),
    ("Ерлан Жакупов", "Каскелен", "Алматы", True),
    ("Арсений Лобанов", "Тверь", "Москва", False),
    ("Вера Сухарева", "Химки", "Санкт-Петербург", False),
    ("Арсений Лобанов", "Химки", "Подольск", False),
    ("Вера Сухарева", "Балашиха", "Мытищи", False),
    ("Ерлан Жакупов", "Кант", "Сокулук", False),
    ("Ерлан Жакупов", "Москва", "Подольск", True),
]


@pytest.mark.parametrize("name, town, city, same", TOWN_AND_CITY)
def test_a_town_in_or_beside_its_city_is_no_other_place(name, town, city, same):
    docs = [_told("x", name, name, town), _told("y", name, name, city)]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# What the places resolve to: a part of a city lies in the city; a town beside it keeps
# its own city and shares the city's area. Each row: the place, its city, its area.
RESOLVED = [
    ("Кронштадт", "Санкт-Петербург", "Санкт-Петербург"),
    ("Зеленоград", "Москва", "Москва"),
    ("Мытищи", "Мытищи", "Москва"),
    ("Волжский", "Волжский", "Волгоград"),
    ("Тверь", "Тверь", "Тверь"),
    ("аэропорт Пулково", "Санкт-Петербург", "Санкт-Петербург"),
]


@pytest.mark.parametrize("place, city, its_area", RESOLVED)
def test_a_place_resolves_to_the_city_it_is_part_of(place, city, its_area):
    where = resolve(place)
    assert (where.city, area(where.city)) == (city, its_area)


# A street or monument named after someone whose surname is also a town's name (``на
# улице Кирова``, ``на проспекте Королёва``) is a venue of the city the statement names, no
# town of its own: one person detained there, told by initials in one statement and in
# full in another, is one person. Each row: the venue as told, the city.
NAMESAKE_STREETS = [
    ("на улице Кирова", "Казань"),
    ("на проспекте Королёва", "Самара"),
    ("у памятника Пушкину", "Тверь"),
]


@pytest.mark.parametrize("venue, city", NAMESAKE_STREETS)
def test_a_street_named_after_someone_is_no_town(venue, city):
    from pipeline.link.gold import places_outside_venues
    from test_link_comparisons import _day, _doc

    name, initials = "Ринат Ахтямов", "Р. Ахтямов"
    detention = {"trigger": "задержали", "type": "detention"} | _day("2022-11-05")
    docs = [_doc("x", f"5 ноября в городе {city} задержали {initials}.", [(initials, [initials])],
                 [detention | {"place": city, "persons": [initials]}], "2022-11-10"),
            _doc("y", f"5 ноября {venue} в городе {city} задержали {name}.", [(name, [name])],
                 [detention | {"place": venue, "persons": [name]}], "2022-11-10")]
    assert [p.canonical for p in places_outside_venues(docs[1].text)] == [city]
    result = link("test", write=False, tables=gold_tables(docs))
    assert _person_of(result, "x") == _person_of(result, "y")


# The gold tables' places (the gazetteer's, but those inside a venue's name) are the
# places the tagger keeps of the same text: both read a town's name inside a street's or a
# monument's as the venue's namesake. Each row: an invented sentence.
VENUE_SENTENCES = [
    "Его задержали на улице Кирова в Казани.",
    "Пикет прошёл у памятника Пушкину в Твери.",
    "Сход собрался на проспекте Королёва в Самаре.",
    "Акция прошла на площади Ленина в Орле, а потом в Курске.",
    "Двоих увезли с улицы Калинина в Омске в отдел.",
]


@pytest.mark.parametrize("sentence", VENUE_SENTENCES)
def test_gold_places_are_the_taggers(sentence):
    from pipeline.link.gold import places_outside_venues
    from pipeline.link.places import place_kind
    from pipeline.nlp import load_models
    from pipeline.tag.names import tag_names

    tagged = [m.normal for m in tag_names(sentence, load_models())
              if m.type == "LOC" and place_kind(m.normal)[0]]
    assert [p.canonical for p in places_outside_venues(sentence)] == tagged


# An airport is read after the word airport, never from its bare name, which is also a
# settlement's (Кольцово, a town of Новосибирская область): an airport written so lies in
# its own city whatever city is named beside it; the bare name lies in the city its context
# names. Each row: the place as the event gives it, the context's cities, its city.
AIRPORT_OR_TOWN = [
    ("аэропорт Кольцово", ["Новосибирск"], "Екатеринбург"),
    ("аэропорту Кольцово", [], "Екатеринбург"),
    ("аэропортом Внуково", ["Тбилиси"], "Москва"),
    ("аэропорта Шереметьево", ["Ереван"], "Химки"),
    ("Кольцово", ["Новосибирск"], "Новосибирск"),
    ("Шереметьево", ["Тверь"], "Тверь"),  # a bare name goes by the city its statement names
]


@pytest.mark.parametrize("place, context, city", AIRPORT_OR_TOWN)
def test_an_airport_is_read_after_the_word_airport(place, context, city):
    assert resolve(place, context).city == city


# A settlement that shares an airport's name, told with the city it lies beside: one person
# detained there on one day, and in that city by another statement, is one person.
# Each row: the settlement, the city named beside it.
TOWNS_NAMED_LIKE_AIRPORTS = [
    ("Кольцово", "Новосибирск"),
]


@pytest.mark.parametrize("town, city", TOWNS_NAMED_LIKE_AIRPORTS)
def test_a_town_named_like_an_airport_lies_in_its_own_region(town, city):
    from test_link_comparisons import _day, _doc

    name = "Тимур Галеев"
    detention = {"trigger": "задержали", "type": "detention", "persons": [name]} | _day("2024-03-09")
    docs = [_doc("x", f"9 марта в посёлке {town} у города {city} задержали {name}.",
                 [(name, [name])], [detention | {"place": town}], "2024-03-12"),
            _doc("y", f"9 марта в городе {city} задержали {name}.", [(name, [name])],
                 [detention | {"place": city}], "2024-03-12")]
    result = link("test", write=False, tables=gold_tables(docs))
    assert _person_of(result, "x") == _person_of(result, "y")


# An airport lies in its own city, whatever city its sentence names (the one the flight
# came from): one man detained at the airport on arrival, told by two statements that
# name other cities beside it, is one man, one detention. Each row: the airport, the city
# each statement names beside it.
AIRPORTS = [
    ("Шереметьево", "Ереван", "Москва"),
    ("Пулково", "Минск", "Санкт-Петербург"),
    ("Кольцово", "Новосибирск", "Омск"),
]


@pytest.mark.parametrize("airport, one, other", AIRPORTS)
def test_an_airport_lies_in_its_own_city(airport, one, other):
    from test_link_comparisons import _day, _doc

    name, form = "Остап Гнатюк", "Остапа Гнатюка"
    docs = [_doc(doc_id, f"14 июля {form} задержали в аэропорту {airport}, куда он прилетел "
                         f"из города {city}.", [(name, [form])],
                 [{"trigger": "задержали", "type": "detention", "place": airport,
                   "persons": [name]} | _day("2023-07-14")], "2023-07-20")
            for doc_id, city in (("x", one), ("y", other))]
    result = link("test", write=False, tables=gold_tables(docs))
    assert _person_of(result, "x") == _person_of(result, "y")
    assert _incident_of(result, "x") == _incident_of(result, "y")
