"""A penalty told by a relative who names the person by a first name alone that no
dictionary knows (issue 16): the word is read as a surname, and another surname is
another person, so the lawyer's telling (the name in full) and the relative's were two
incidents. Read as the first name another statement gives someone in full (as the
people linking reads it, ``first_name_named_elsewhere``), they are one; a lone word no
statement uses as a first name, or the same first name another month, stays apart.
New invented statements through the real ``link`` on gold tables."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.link import link
from pipeline.link.gold import GoldDocument, gold_tables


def _doc(doc_id: str, text: str, name: str, event: dict, date: str) -> GoldDocument:
    start = text.index(event["trigger"])
    return GoldDocument(doc_id, text, dt.date.fromisoformat(date),
                        [{"name": name, "forms": [name]}],
                        [event | {"persons": [name], "start": start,
                                  "end": start + len(event["trigger"])}], "test")


def _incident_of(result, doc_id: str) -> str:
    rows = result.event_incidents
    return rows[rows["doc_id"] == doc_id]["incident_id"].iloc[0]


# Each row: the name in full (nominative, as the lawyer writes it in the accusative),
# the city, the court's day; the relative's lone word, the day it gives (or none), the
# term in months on each side; whether one incident.
LONE_FIRST_NAME = [
    ("Ремзи Асанов", "Ремзи Асанова", "Симферополь", "2021-06-10", "Ремзи", None, 2, 2, True),
    ("Зекерья Мамутов", "Зекерья Мамутова", "Джанкой", "2022-11-03", "Зекерья", None, 3, 3,
     True),
    ("Доржо Цыренов", "Доржо Цыренова", "Улан-Удэ", "2023-04-18", "Доржо", "2023-04-18", 1, 1,
     True),
    ("Усеин Сейдаметов", "Усеина Сейдаметова", "Бахчисарай", "2020-09-15", "Усеин", None, 2, 2,
     True),
    ("Эскендер Абибуллаев", "Эскендера Абибуллаева", "Феодосия", "2019-03-27", "Эскендер",
     "2019-03-27", 2, 2, True),
    # The lone word is no one's first name in the other statement: another person.
    ("Ремзи Асанов", "Ремзи Асанова", "Симферополь", "2021-06-10", "Зекерья", None, 2, 2,
     False),
    # The same first name, a court's day a month and more later: another arrest.
    ("Доржо Цыренов", "Доржо Цыренова", "Улан-Удэ", "2023-04-18", "Доржо", "2023-06-02", 1, 1,
     False),
]


@pytest.mark.parametrize("name, said, city, day, lone, lone_day, term_x, term_y, same",
                         LONE_FIRST_NAME)
def test_penalty_told_with_a_lone_first_name(name, said, city, day, lone, lone_day,
                                             term_x, term_y, same):
    written = (dt.date.fromisoformat(lone_day or day) + dt.timedelta(days=4)).isoformat()
    x = _doc("x", f"Суд в городе {city} {day[8:]} числа арестовал {said} на {term_x} мес., "
                  "сообщает адвокат.", name,
             {"trigger": "арестовал", "type": "custody", "place": city, "date_start": day,
              "date_end": day, "date_precision": "day", "term_min": term_x,
              "term_max": term_x, "term_unit": "month"}, f"{day[:8]}25")
    dated = {"date_start": lone_day, "date_end": lone_day,
             "date_precision": "day"} if lone_day else {}
    y = _doc("y", f"Мужа, {lone}, увезли люди в масках. Потом суд в городе {city} "
                  f"отправил его под стражу на {term_y} мес.", lone,
             {"trigger": "отправил", "type": "custody", "place": city, "term_min": term_y,
              "term_max": term_y, "term_unit": "month", **dated}, written)
    result = link("test", write=False, tables=gold_tables([x, y]))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same
