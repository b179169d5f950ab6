"""A venue's city when its sentence names none (issue 16): the city of the nearest
sentence before it that names one, and where that sentence names two (``приехавшего из
Ванадзора ... арестовали в Твери``), the one its document tells something happened in
(an event's place), not the person's home town named first. Two tellings of one
detention at one venue, one of them naming where the person comes from, are one
incident; the same venue's name in another city (its own sentence naming that city),
or the same venue another day, stays two. New invented statements through the real
``link`` on gold tables."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.link import link
from pipeline.link.gold import GoldDocument, gold_tables
from pipeline.link.records import document_context, event_places


def _doc(doc_id: str, text: str, name: str, events: list[dict], date: str) -> GoldDocument:
    placed = []
    for event in events:
        start = text.index(event["trigger"])
        placed.append(event | {"persons": [name], "start": start,
                               "end": start + len(event["trigger"])})
    return GoldDocument(doc_id, text, dt.date.fromisoformat(date),
                        [{"name": name, "forms": [name]}], placed, "test")


def _day(day: str | None) -> dict:
    return {"date_start": day, "date_end": day, "date_precision": "day"} if day else {}


# Each row: the venue, the court's city, the home town the second telling names first,
# the lawyer's name of the person and the family's (Latin letters), the day of the
# detention in each telling, the city the second telling's detention sentence names
# itself (or none), whether one incident.
ONE_VENUE = [
    ("Часовая башня", "Москва", "Ванадзор", "Тиграна Саркисяна", "Тигран Саркисян",
     "Tigran Sargsyan", "2023-05-04", "2023-05-04", None, True),
    ("Летний сад", "Кострома", "Бийск", "Оксану Мельник", "Оксана Мельник",
     "Oksana Melnik", "2022-09-17", "2022-09-17", None, True),
    ("Сквер Победы", "Тверь", "Гюмри", "Ашота Манукяна", "Ашот Манукян",
     "Ashot Manukyan", "2024-01-20", "2024-01-20", None, True),
    # The venue's name in another city, that city named in the sentence itself.
    ("Часовая башня", "Москва", "Ванадзор", "Тиграна Саркисяна", "Тигран Саркисян",
     "Tigran Sargsyan", "2023-05-04", "2023-05-04", "Ереване", False),
    # The same venue and the same city, another day: one person's two detentions.
    ("Летний сад", "Кострома", "Бийск", "Оксану Мельник", "Оксана Мельник",
     "Oksana Melnik", "2022-09-17", "2022-09-24", None, False),
]


def _pair(venue, court, home, said, name, latin, day_x, day_y, own_city):
    court_in = {"Москва": "Москвы", "Кострома": "Костромы", "Тверь": "Твери"}[court]
    court_at = {"Москва": "Москве", "Кострома": "Костроме", "Тверь": "Твери"}[court]
    home_of = {"Ванадзор": "Ванадзора", "Бийск": "Бийска", "Гюмри": "Гюмри"}[home]
    hearing = (dt.date.fromisoformat(day_x) + dt.timedelta(days=1)).isoformat()
    written = (dt.date.fromisoformat(day_x) + dt.timedelta(days=6)).isoformat()
    x = _doc("x", f"Районный суд {court_in} арестовал на 12 суток {said}. "
                  f"Задержали его у объекта «{venue}» за день до суда, во время одиночного пикета.",
             name, [{"trigger": "арестовал", "type": "custody", "place": court, "term_min": 12,
                     "term_max": 12, "term_unit": "day", **_day(hearing)},
                    {"trigger": "Задержали", "type": "detention", "place": venue,
                     **_day(day_x)}], written)
    there = f" в {own_city}" if own_city else ""
    y = _doc("y", f"Приехавшего из {home_of} {latin} арестовали в {court_at} на 12 суток. "
                  f"Как пишет его друг, он стоял с плакатом{there} у объекта «{venue}», и там его "
                  "задержали. Друзья искали его по отделам полиции до вечера.",
             latin, [{"trigger": "арестовали", "type": "custody", "place": court,
                      "term_min": 12, "term_max": 12, "term_unit": "day"},
                     {"trigger": "задержали", "type": "detention", "place": venue,
                      **_day(day_y)}], written)
    return x, y


def _incident_of(result, doc_id: str, event_id: int) -> str:
    rows = result.event_incidents
    return rows[(rows["doc_id"] == doc_id) & (rows["event_id"] == event_id)]["incident_id"].iloc[0]


@pytest.mark.parametrize("venue, court, home, said, name, latin, day_x, day_y, own_city, same",
                         ONE_VENUE)
def test_one_venue_told_with_the_persons_home_town(venue, court, home, said, name, latin,
                                                   day_x, day_y, own_city, same):
    x, y = _pair(venue, court, home, said, name, latin, day_x, day_y, own_city)
    result = link("test", write=False, tables=gold_tables([x, y]))
    assert (_incident_of(result, "x", 1) == _incident_of(result, "y", 1)) is same


# Each row: the sentence before the event's (two cities, the home town first), whether
# it tells an event in the second city (its trigger), the venue of the later event, the
# city that venue lies in.
VENUE_CITY = [
    ("Уроженца Ванадзора задержали в Твери.", "задержали", "Тверь", "Часовая башня", "Тверь"),
    ("Выходца из Бийска оштрафовали в Костроме.", "оштрафовали", "Кострома", "Летний сад",
     "Кострома"),
    # "Он родом из Ванадзора, живёт в Твери." was here, the home town holding: since the
    # home town is read as such, it is in ORIGIN_CITY below, the venue in Тверь.
]


@pytest.mark.parametrize("before, trigger, there, venue, city", VENUE_CITY)
def test_venue_lies_in_the_city_an_event_happened_in(before, trigger, there, venue, city):
    text = f"{before} Потом его задержали у объекта «{venue}»."
    events = [{"trigger": "задержали у", "type": "detention", "place": venue}]
    if trigger:
        events.insert(0, {"trigger": trigger, "type": "detention", "place": there})
    tables = gold_tables([_doc("v", text, "Арам Петросян", events, "2023-06-01")])
    places = event_places(tables, document_context(tables))
    assert places["city"].iloc[-1] == city


# A sentence naming two cities, one of them only as where someone comes from (``студент
# из Бийска, который учится в Костроме``): a venue after it lies in the other (issue 16,
# lki15). Each row: the sentence the event is told in (or the one before it), the venue,
# the city the venue lies in.
ORIGIN_CITY = [
    ("Студента из Бийска, который учится в Костроме, задержали у объекта «{venue}».",
     "Летний сад", "Кострома"),
    ("Активистку из Гюмри, которая живёт в Твери, задержали у объекта «{venue}».",
     "Сквер Победы", "Тверь"),
    ("Пенсионер из Ванадзора приехал в Москву. Его задержали у объекта «{venue}».",
     "Часовая башня", "Москва"),
    ("Он родом из Ванадзора, живёт в Твери. Потом его задержали у объекта «{venue}».",
     "Часовая башня", "Тверь"),
    # Controls: the only city named holds, whatever its preposition; two cities without
    # an origin, the document's order as before.
    ("Студента из Бийска задержали у объекта «{venue}».", "Летний сад", "Бийск"),
    ("В Костроме студента из Бийска задержали у объекта «{venue}».", "Летний сад", "Кострома"),
]


@pytest.mark.parametrize("text, venue, city", ORIGIN_CITY)
def test_venue_lies_not_in_the_home_town(text, venue, city):
    text = text.format(venue=venue)
    events = [{"trigger": "задержали у", "type": "detention", "place": venue}]
    tables = gold_tables([_doc("v", text, "Арам Петросян", events, "2023-06-01")])
    places = event_places(tables, document_context(tables))
    assert places["city"].iloc[-1] == city


# Two tellings of one detention at a venue, one naming the person's home town and the
# city they live in, the other the city alone; the near-misses (the same venue another
# day; the same day and venue, another person) stay apart. Each row: the day of each
# telling, the other telling's person, whether one incident.
HOME_AND_CITY = [
    ("2022-03-06", "2022-03-06", "Тарас Гнатюк", True),
    ("2022-03-06", "2022-03-13", "Тарас Гнатюк", False),
    ("2022-03-06", "2022-03-06", "Остап Левчук", False),
]


@pytest.mark.parametrize("day_x, day_y, other, same", HOME_AND_CITY)
def test_one_detention_told_with_the_home_town(day_x, day_y, other, same):
    x = _doc("x", "Тарас Гнатюк, студент из Бийска, который учится в Костроме, "
                  "задержан у объекта «Летний сад» с плакатом.",
             "Тарас Гнатюк", [{"trigger": "задержан", "type": "detention",
                               "place": "Летний сад", **_day(day_x)}], "2022-03-09")
    y = _doc("y", f"В Костроме задержали {other.split()[0]}а {other.split()[1]}а, "
                  "который стоял с плакатом у реки.",
             other, [{"trigger": "задержали", "type": "detention", "place": "Кострома",
                      **_day(day_y)}], "2022-03-15")
    result = link("test", write=False, tables=gold_tables([x, y]))
    assert (_incident_of(result, "x", 0) == _incident_of(result, "y", 0)) is same


# The gold tables of a statement written for linking (places left to the gazetteer): a
# town's name that is a word of a person's name the statement lists (``Лида``, a first
# name and a town in Belarus) is that person's, no place. Each row: the text, the
# person, the places expected among the LOC mentions.
NAME_NOT_PLACE = [
    ("Я, Лида Мельник, получила штраф за плакат у объекта «Летний сад».", "Лида Мельник", []),
    ("Лиду Мельник задержали у объекта «Летний сад».", "Лида Мельник", []),
    # Controls: the town named as a place, beside or without the person.
    ("Лиду Мельник задержали в Лиде у объекта «Летний сад».", "Лида Мельник", ["Лида"]),
    ("В Бийске задержали Арама Петросяна.", "Арам Петросян", ["Бийск"]),
]


@pytest.mark.parametrize("text, name, expected", NAME_NOT_PLACE)
def test_a_persons_name_is_no_place(text, name, expected):
    forms = [name, *{w for w in ("Лиду Мельник", "Арама Петросяна") if w in text}]
    doc = GoldDocument("v", text, dt.date(2023, 6, 1), [{"name": name, "forms": forms}], [],
                       "test")
    mentions = gold_tables([doc]).mentions
    assert sorted(mentions[mentions["type"] == "LOC"]["normal"]) == expected
