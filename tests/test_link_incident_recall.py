"""Incidents of one person the people linking left two (issue 16): two tellings of one
penalty or detention, each naming one person by the same first name in other forms (a
diminutive, a Ukrainian or Latin spelling, the surname left out), the same day or one
side undated. One incident, not the other people's two; a second person of that first
name and another surname stays apart. New invented statements through the real ``link``
on gold tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest

from pipeline.link import link
from pipeline.link.gold import GoldDocument, gold_tables
from pipeline.research.loading import conform
from pipeline.tables import MENTIONS


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


def _told(doc_id: str, text: str, people: list[str], kind: str, trigger: str,
          persons: list[str], day: str | None, place: str | None, written: str) -> GoldDocument:
    start = text.index(trigger)
    return GoldDocument(doc_id, text, dt.date.fromisoformat(written),
                        [{"name": name, "forms": [name, *forms]}
                         for name, *forms in ((p,) if isinstance(p, str) else p for p in people)],
                        [{"trigger": trigger, "type": kind, "place": place, **_day(day),
                          "persons": persons, "start": start, "end": start + len(trigger)}],
                        "test")


# Each row: two statements, each its text, the people it names (a name, or a name and its
# forms in the text), the trigger, the people its event names, the day (or none), the place (or none); whether one incident.
# The events stage attached the penalty or the detention to another person of the
# statement (a co-defendant, the lawyer who tells it), so the two events name other
# people, but one event's people are named by the other's statement: one incident. Guard
# rows: the same people another day, other people the same day, two cities the same day.
NAMED_BY_THE_OTHER = [
    # Both statements name both spouses; the fine went to the husband in one of them.
    (("Суд арестовал Олега Зубова на десять суток, а Марину Зубову оштрафовал.",
      [("Олег Зубов", "Олега Зубова"), ("Марина Зубова", "Марину Зубову")], "оштрафовал",
      ["Олег Зубов"], "2022-06-14", "Тверь"),
     ("Марину Зубову оштрафовали, Олег Зубов получил десять суток.",
      ["Олег Зубов", ("Марина Зубова", "Марину Зубову")], "оштрафовали", ["Марина Зубова"],
      "2022-06-14", None),
     True),
    # The lawyer's statement gave the detention to the lawyer; she tells it herself.
    (("Адвокат Пётр Ильин сообщил, что Карину Юсупову задержали прямо на работе.",
      ["Пётр Ильин", ("Карина Юсупова", "Карину Юсупову")], "задержали", ["Пётр Ильин"], "2023-09-18", "Уфа"),
     ("Я, Карина Юсупова, была задержана у себя в офисе и увезена в отдел.",
      ["Карина Юсупова"], "задержана", ["Карина Юсупова"], "2023-09-18", None),
     True),
    # Two brothers detained; the mother names a third person, the one her event names.
    (("Братьев Тимура Галеева и Рената Галеева задержали на площади.",
      [("Тимур Галеев", "Тимура Галеева"), ("Ренат Галеев", "Рената Галеева")], "задержали",
      ["Тимур Галеев", "Ренат Галеев"], "2021-04-21", "Казань"),
     ("Моих сыновей Тимура Галеева и Рената Галеева увезли, Ильдар тоже был задержан.",
      [("Тимур Галеев", "Тимура Галеева"), ("Ренат Галеев", "Рената Галеева"), "Ильдар"],
      "задержан", ["Ильдар"], None, "Казань"),
     True),
    # Guard: the same spouses' fines, one told nine days after the other.
    (("Суд арестовал Олега Зубова на десять суток, а Марину Зубову оштрафовал.",
      [("Олег Зубов", "Олега Зубова"), ("Марина Зубова", "Марину Зубову")], "оштрафовал",
      ["Олег Зубов"], "2022-06-14", "Тверь"),
     ("Марину Зубову оштрафовали, Олег Зубов получил десять суток.",
      ["Олег Зубов", ("Марина Зубова", "Марину Зубову")], "оштрафовали", ["Марина Зубова"],
      "2022-06-23", None),
     False),
    # Guard: other people fined the same day in the same city, neither named by the other.
    (("Суд оштрафовал Олега Зубова за плакат у вокзала.",
      [("Олег Зубов", "Олега Зубова")], "оштрафовал", ["Олег Зубов"], "2022-06-14", "Тверь"),
     ("Суд оштрафовал Анну Кручинину за пост в соцсети.",
      [("Анна Кручинина", "Анну Кручинину")], "оштрафовал", ["Анна Кручинина"], "2022-06-14",
      "Тверь"),
     False),
    # Guard: the spouses fined the same day in two cities, each statement naming both.
    (("Олега Зубова оштрафовали за пикет, его жена Марина Зубова была в отъезде.",
      [("Олег Зубов", "Олега Зубова"), "Марина Зубова"], "оштрафовали", ["Олег Зубов"],
      "2022-06-14", "Тверь"),
     ("Марину Зубову оштрафовали за пост, её муж Олег Зубов был дома.",
      ["Олег Зубов", ("Марина Зубова", "Марину Зубову")], "оштрафовали", ["Марина Зубова"],
      "2022-06-14", "Вологда"),
     False),
]


@pytest.mark.parametrize("first, second, same", NAMED_BY_THE_OTHER)
def test_an_event_whose_people_the_other_statement_names(first, second, same):
    kinds = {"оштрафовал": "fine", "оштрафовали": "fine"}
    written = (dt.date.fromisoformat(first[4]) + dt.timedelta(days=12)).isoformat()
    docs = []
    for doc_id, (text, people, trigger, persons, day, place) in zip("xy", (first, second)):
        docs.append(_told(doc_id, text, people, kinds.get(trigger, "detention"), trigger,
                          persons, day, place, written))
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


def _with_dates_told(tables, told: dict[str, dict[int, str]]):
    """``tables`` with a DATE mention of the day given in each listed sentence of each
    document, as the tagger writes them (the gold tables hold people and places only)."""
    rows = [{"doc_id": doc_id, "mention_id": 100 + i, "type": "DATE", "sent_id": sent_id,
             "start": 0, "end": 1, "text": "дата", "normal": "дата", "date_start": day,
             "date_end": day, "date_precision": "day"}
            for doc_id, sentences in told.items()
            for i, (sent_id, day) in enumerate(sentences.items())]
    mentions = conform(pd.concat([tables.mentions, pd.DataFrame(rows)], ignore_index=True),
                       MENTIONS)
    return replace(tables, mentions=mentions)


# Each row: two statements of one person's detention or arrest, each its text, the
# sentences that tell a date and the day they tell (DATE mentions), the kind, the trigger, the day its event was
# given; whether one incident. A date carried into an event from another sentence of its
# statement (the court's day given to the detention before it, the search's day to the
# arrest after it) may lie the court's days off the day the other statement tells; a day
# told in the event's own sentence may not (one person's two detentions two days apart),
# nor a carried day a week off.
CARRIED_DATE = [
    (("Суд 9 марта арестовал Аскара Нурланова на пять суток. Его задержали у акимата.",
      {0: "2023-03-09"}, "detention", "задержали", "2023-03-09"),
     ("Аскара Нурланова задержали 7 марта у акимата, когда он снимал очередь.",
      {0: "2023-03-07"}, "detention", "задержали", "2023-03-07"), True),
    (("В четверг к Ивану Котову пришли с обыском. Адвокату потом сказали, что Ивана Котова "
      "арестовали.", {0: "2021-02-11"}, "custody", "арестовали", "2021-02-11"),
     ("13 февраля районный суд избрал Ивану Котову меру пресечения: арест на два месяца.",
      {0: "2021-02-13"}, "custody", "арест", "2021-02-13"), True),
    # Guard: each day told in the event's own sentence, two days apart.
    (("Аскара Нурланова задержали 9 марта у акимата.",
      {0: "2023-03-09"}, "detention", "задержали", "2023-03-09"),
     ("Аскара Нурланова задержали 7 марта у акимата, когда он снимал очередь.",
      {0: "2023-03-07"}, "detention", "задержали", "2023-03-07"), False),
    # Guard: a day counted in the event's own sentence (no other sentence's), two days off.
    (("Аскара Нурланова задержали 5 марта у акимата. Через четыре дня его снова задержали.",
      {0: "2023-03-05"}, "detention", "задержали", "2023-03-09"),
     ("Аскара Нурланова задержали 7 марта у акимата, когда он снимал очередь.",
      {0: "2023-03-07"}, "detention", "задержали", "2023-03-07"), False),
    # Guard: a carried day a week off the other.
    (("Суд 14 марта арестовал Аскара Нурланова на пять суток. Его задержали у акимата.",
      {0: "2023-03-14"}, "detention", "задержали", "2023-03-14"),
     ("Аскара Нурланова задержали 7 марта у акимата, когда он снимал очередь.",
      {0: "2023-03-07"}, "detention", "задержали", "2023-03-07"), False),
]


@pytest.mark.parametrize("first, second, same", CARRIED_DATE)
def test_a_date_carried_from_another_sentence_may_be_the_courts_days_off(first, second, same):
    docs, told = [], {}
    for doc_id, (text, dated, kind, trigger, day) in zip("xy", (first, second)):
        start = text.rindex(trigger)
        docs.append(GoldDocument(
            doc_id, text, dt.date.fromisoformat(day) + dt.timedelta(days=5),
            [{"name": "Аскар Нурланов", "forms": ["Аскара Нурланова"]},
             {"name": "Иван Котов", "forms": ["Ивана Котова", "Ивану Котову"]}],
            [{"trigger": trigger, "type": kind, "place": "Шымкент", **_day(day),
              "persons": ["Аскар Нурланов" if "Нурланов" in text else "Иван Котов"],
              "start": start, "end": start + len(trigger)}], "test"))
        told[doc_id] = dated
    result = link("test", write=False, tables=_with_dates_told(gold_tables(docs), told))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same
