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
from pipeline.link.records import document_context, event_places, event_records


def _doc(doc_id: str, text: str, name: str, event: dict, date: str,
         others: tuple[str, ...] = ()) -> GoldDocument:
    start = text.index(event["trigger"])
    return GoldDocument(doc_id, text, dt.date.fromisoformat(date),
                        [{"name": n, "forms": [n]} for n in (name, *others)],
                        [event | {"persons": [name], "start": start,
                                  "end": start + len(event["trigger"])}], "test")


def _incident_of(result, doc_id: str) -> str:
    rows = result.event_incidents
    return rows[rows["doc_id"] == doc_id]["incident_id"].iloc[0]


# Each row: the name in full (nominative, as the lawyer writes it in the accusative),
# the city, the court's day; the relative's lone word, the day it gives (or none), the
# term in months on each side; whether one incident. The relative signs with her own
# name, the family's surname in its feminine form.
LONE_FIRST_NAME = [
    ("Ремзи Асанов", "Ремзи Асанова", "Симферополь", "2021-06-10", "Ремзи", None, 2, 2, True),
    ("Зекерья Мамутов", "Зекерья Мамутова", "Керчь", "2022-11-03", "Зекерья", None, 3, 3,
     True),
    ("Доржо Цыренов", "Доржо Цыренова", "Улан-Удэ", "2023-04-18", "Доржо", "2023-04-18", 1, 1,
     True),
    ("Сервер Сейдаметов", "Сервера Сейдаметова", "Ялта", "2020-09-15", "Сервер", None, 2, 2,
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
    first, surname = name.split()
    full = f"{first} Ильясович {surname}"
    x = _doc("x", f"Суд в городе {city} {day[8:]} числа арестовал на {term_x} мес. "
                  f"задержанного по делу: {full}, сообщает адвокат.", full,
             {"trigger": "арестовал", "type": "custody", "place": city, "date_start": day,
              "date_end": day, "date_precision": "day", "term_min": term_x,
              "term_max": term_x, "term_unit": "month"}, f"{day[:8]}25")
    dated = {"date_start": lone_day, "date_end": lone_day,
             "date_precision": "day"} if lone_day else {}
    wife = f"Айше {surname}а"
    y = _doc("y", f"Брата, {lone}, забрали прямо с работы. Позже суд в городе {city} "
                  f"отправил его под стражу на {term_y} мес. {wife}", lone,
             {"trigger": "отправил", "type": "custody", "place": city, "term_min": term_y,
              "term_max": term_y, "term_unit": "month", **dated}, written, (wife,))
    result = link("test", write=False, tables=gold_tables([x, y]))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# Each row: the name one statement gives in full, the lone word another gives, the
# first-name key the lone word's event record then carries (None: still a surname).
SOLE_FIRST = [
    ("Ремзи Асанов", "Ремзи", "remzi"),
    ("Зекерья Мамутов", "Зекерья", "zekera"),
    ("Доржо Цыренов", "Доржо", "dorjo"),
    ("Сервер Сейдаметов", "Сервер", "server"),
    # No statement gives the word as a first name: a surname alone, as before.
    ("Ремзи Асанов", "Зекерья", None),
    ("Доржо Цыренов", "Мамутов", None),
]


@pytest.mark.parametrize("full, lone, key", SOLE_FIRST)
def test_lone_word_read_as_a_first_name_given_elsewhere(full, lone, key):
    x = _doc("x", f"Суд арестовал задержанного по делу: {full}.", full,
             {"trigger": "арестовал", "type": "custody"}, "2022-05-05")
    y = _doc("y", f"Позже суд отправил брата под стражу. Его зовут {lone}.", lone,
             {"trigger": "отправил", "type": "custody"}, "2022-05-06")
    tables = gold_tables([x, y])
    records = event_records(tables, event_places(tables, document_context(tables)), {})
    lone_record = records[records["doc_id"] == "y"].iloc[0]
    assert (lone_record["sole_first"] if isinstance(lone_record["sole_first"], str)
            else None) == key
    surname = lone_record["sole_surname"]
    assert (not isinstance(surname, str)) is (key is not None)
