"""A city's adjective on a body's office places what happens there in that city, as on
the body itself (``в томском офисе движения``: Томск; ``models/event_context.json``
``branch_nouns``). Issue 16: a search told as in a city's office was placed nowhere.
Every sentence is new, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

CASES = [
    ("В среду полицейские пришли с обыском в новосибирский офис фонда «Опора».",
     "surveillance", "Новосибирск"),
    ("Вчера силовики провели обыск в томском офисе движения.", "surveillance", "Томск"),
    ("Утром сотрудники ФСБ пришли с обыском в казанский офис правозащитного центра.",
     "surveillance", "Казань"),
    # a place named outright still stands
    ("Вчера силовики провели обыск в офисе движения в Томске.", "surveillance", "Томск"),
]


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, dt.date(2023, 5, 10))


@pytest.mark.parametrize(("text", "kind", "place"), CASES)
def test_a_citys_adjective_on_an_office_is_the_events_place(events_of, text, kind, place):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.place == place
