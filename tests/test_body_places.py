"""A body named with the city or region it serves (issue 13, the convention of round 10).

``мэрия Самары`` is one ORG holding the LOC ``Самары``, as NEREL and FactRuEval both read
it; the events still read the place as the scene, as they did when the two were apart.
Every sentence here is new and invented; none is copied from a benchmark's documents.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.events import build_events
from pipeline.records import LOC, ORG
from pipeline.segment import split_sentences
from pipeline.tag import tag_mentions
from pipeline.tag.body_places import served_place_body_end
from pipeline.tag.nesting import nested_in

DOC_DATE = dt.date(2024, 9, 1)

# (sentence, the organisation's whole name, the place nested in it)
BODIES = [
    ("Вчера мэрия Самары отказала в согласовании митинга.", "мэрия Самары", "Самары"),
    ("Иск подан в Заречный районный суд Казани.", "Заречный районный суд Казани", "Казани"),
    ("Его оштрафовал суд Советского района г. Омска.", "суд Советского района г. Омска", "Омска"),
    ("Прокуратура Кировского района провела проверку.", "Прокуратура Кировского района", "Кировского района"),
    ("Ответ пришёл из администрации города Тулы.", "администрации города Тулы", "Тулы"),
    ("Сотрудники полиции Твери задержали двоих.", "полиции Твери", "Твери"),
    ("Правительство Японии заявило протест.", "Правительство Японии", "Японии"),
    ("В октябре суд города Лиона принял решение.", "суд города Лиона", "Лиона"),
    ("Проверку провела прокуратура Ленинского района г. Омск в мае.",
     "прокуратура Ленинского района г. Омск", "Омск"),
]


@pytest.mark.parametrize("text, body, place", BODIES)
def test_body_with_its_place_is_one_org(text, body, place, models):
    mentions = tag_mentions(text, models, DOC_DATE)[1]
    holders = nested_in(mentions)
    outer = [m.text for m, h in zip(mentions, holders) if h is None and m.type == ORG]
    inner = [m.text for m, h in zip(mentions, holders) if h is not None and m.type == LOC]
    assert outer == [body]
    assert place in inner
    # the body's noun without its city names no body of its own (one of many)
    assert [m.text for m in mentions if m.type == ORG] == [body]


# (sentence, event type, the event's place)
EVENTS = [
    ("12 марта мэрия Самары отказала активистам в проведении пикета.", "permit_denied", "Самара"),
    ("Суд Ленинского района Самары 5 марта оштрафовал активиста Ивана Петрова на 20 000 рублей.",
     "fine", "Ленинский район"),
    ("Администрация города Омска запретила шествие, назначенное на 1 мая.", "permit_denied", "Омск"),
    ("Прокуратура Кировского района вынесла предупреждение Анне Ивановой 7 июня.", "warning", "Кировский район"),
    ("Заречный районный суд Казани приговорил Олега Смирнова к 10 суткам ареста.", "custody", "Казань"),
]


@pytest.mark.parametrize("text, kind, place", EVENTS)
def test_events_read_the_city_of_a_body_as_their_place(text, kind, place, models):
    found_date, mentions = tag_mentions(text, models, DOC_DATE)
    events = build_events(text, split_sentences(text), mentions, models, found_date)
    assert [(e.type, e.place) for e in events] == [(kind, place)]
    # the place argument points at the LOC mention nested in the body's ORG
    holders = nested_in(mentions)
    placed = [a.mention for e in events for a in e.arguments if a.role == "place"]
    assert [mentions[i].type for i in placed] == [LOC]
    assert all(holders[i] is not None and mentions[holders[i]].type == ORG for i in placed)


NOT_SERVED = [
    ("Правительство Японии", 14, True),  # a country: its jurisdiction, no scene
    ("Коммунистическая партия Казахстана", 24, False),  # a name of its own
    ("управление по Тверской области", 14, False),  # the place is in the body's field
    ("центр «Мэрия Казани»", 13, False),  # a quoted name
]


@pytest.mark.parametrize("surface, start, country", NOT_SERVED)
def test_places_no_body_serves_stay_in_its_name(surface, start, country):
    assert served_place_body_end(surface, start, country) is None
