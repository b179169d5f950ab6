"""Incidents of one person the people linking left two (issue 16): two tellings of one
penalty or detention, each naming one person by the same first name in other forms (a
diminutive, a Ukrainian or Latin spelling, the surname left out), the same day or one
side undated. One incident, not the other people's two; a second person of that first
name and another surname stays apart. New invented statements through the real ``link``
on gold tables."""

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


def _day(day: str | None) -> dict:
    return {"date_start": day, "date_end": day, "date_precision": "day"} if day else {}


def _incident_of(result, doc_id: str) -> str:
    rows = result.event_incidents
    return rows[rows["doc_id"] == doc_id]["incident_id"].iloc[0]


# Each row: the kind, the trigger and the name of the first telling (a lawyer's or a
# group's: the name in full, the day, the city), the second's (a relative's: the name as
# the family says it, the day or none, the place or none), whether one incident.
ONE_PERSON_TWO_FORMS = [
    ("custody", ("арестовал", "Ирину Кравец", "Ирина Кравец", "2021-10-05", "Гомель"),
     ("дал Ире десять суток", "Ире", "Ира", "2021-10-05", None), True),
    ("custody", ("арестовал", "Давида Геворгяна", "Давид Геворгян", "2024-02-20", "Москва"),
     ("арестовали", "David Gevorgyan", "David Gevorgyan", None, "Москва"), True),
    ("detention", ("задержан", "Микола Бондар", "Микола Бондар", "2023-08-11", "Внуково"),
     ("остановили", "Николая Бондаря", "Николай Бондарь", "2023-08-11", "Внуково"), True),
    ("fine", ("оштрафовал", "Тараса Левченко", "Тарас Левченко", "2022-03-09", "Киров"),
     ("оштрафовали", "Тараса", "Тарас", "2022-03-09", None), True),
    # The same first name, another surname: two people's penalties.
    ("custody", ("арестовал", "Ирину Кравец", "Ирина Кравец", "2021-10-05", "Гомель"),
     ("арестовал", "Ирину Соловей", "Ирина Соловей", "2021-10-05", "Гомель"), False),
    ("detention", ("задержан", "Николай Бондарь", "Николай Бондарь", "2023-08-11", "Внуково"),
     ("задержан", "Николай Гринько", "Николай Гринько", "2023-08-11", "Внуково"), False),
]


@pytest.mark.parametrize("kind, first, second, same", ONE_PERSON_TWO_FORMS)
def test_one_persons_incident_told_with_two_forms_of_the_name(kind, first, second, same):
    trigger, said, name, day, place = first
    x = _doc("x", f"Суд {day[8:]} числа {trigger} {said}, сообщает правозащитная группа.",
             name, {"trigger": trigger, "type": kind, "place": place, **_day(day)},
             "2024-03-01" if day[:4] == "2024" else f"{day[:7]}-20")
    trigger, said, name, day, place = second
    y = _doc("y", f"Как рассказали родные, {said} {trigger} после акции.",
             name, {"trigger": trigger, "type": kind, "place": place, **_day(day)},
             "2024-03-01" if first[3][:4] == "2024" else f"{first[3][:7]}-20")
    result = link("test", write=False, tables=gold_tables([x, y]))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same
