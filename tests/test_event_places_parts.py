"""A part of a place named by the compass or as its outskirts holds that place (issue 12, round 13).

``на востоке Украины``, ``в пригороде Самары``, ``на окраине Твери``: the place word qualifies a
noun that names a part of it, and that part is where the clause stands, as ``в центре
Уральска`` is (``place_container_heads`` in ``models/event_context.json``). Before, the place
read as qualifying another noun (:func:`pipeline.events.places.qualifies_other_noun`) and the
happening had none. Seen on both large sets of real news this round: the NEREL development half
and the Wikinews development set. Every sentence is new, written for these tests; the first five
failed before the change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

# text, event type, expected place
CASES = [
    ("Активиста задержали на востоке Украины.", "detention", "Украина"),
    ("На севере Казахстана полиция задержала трех активистов.", "detention", "Казахстан"),
    ("Полиция задержала двух студентов в пригороде Самары.", "detention", "Самара"),
    ("На окраине Твери неизвестные избили журналиста.", "violence", "Тверь"),
    ("Вчера на юго-западе Москвы полиция задержала пятерых участников пикета.", "detention", "Москва"),
    # a container the list held already, kept
    ("Журналиста задержали в центре Самары.", "detention", "Самара"),
    # the compass word as a direction, no place of its own: nothing to give
    ("Колонна двинулась на север, полиция задержала двоих участников.", "detention", None),
]


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, dt.date(2023, 5, 10))


@pytest.mark.parametrize(("text", "kind", "place"), CASES)
def test_a_part_of_a_place_holds_it(events_of, text, kind, place):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.place == place
