"""Hand-checked cases of the development gold in data/dev/.

Constructed statements annotated by hand (data/dev/README.md). The format
checks every gold set shares (valid spans, typed values, day ranges such as
``с 3 по 5 марта``, JSON up to date with the snippet sources) are in
test_gold_sets.py; these are the set's own cases, read back from the gold.
"""

from __future__ import annotations

import re

import pytest
from test_gold_sets import assert_mention_annotated, build_gold, gold, gold_files, load

DEV = build_gold.find_set("data/dev")
GOLD_FILES = gold_files(DEV)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_statement_is_of_the_asked_length(path):
    assert 2000 <= len(load(path)["text"]) <= 4000


# Cases the brief asked the set to contain, read back from the gold.
MENTION_CASES = [
    ("dev_01", "50 МРП", "MONEY", {"amount_min": 50, "amount_max": 50, "currency": "MRP"}),
    ("dev_01", "145 850 тенге", "MONEY", {"amount_min": 145850, "currency": "KZT"}),
    ("dev_01", "более 1,2 млн тенге", "MONEY", {"amount_min": 1200000, "approx": True}),
    ("dev_01", "Ахметова Г.", "PER", {"normal": "Гульнара Ахметова"}),
    ("dev_01", "М. Ахметов", "PER", {"normal": "Марат Ахметов"}),
    ("dev_01", "около двухсот человек", "COUNT", {"count_min": 200, "approx": True}),
    ("dev_01", "не менее 40 человек", "COUNT", {"count_min": 40, "approx": True}),
    ("dev_01", "десяти суткам", "TERM", {"term_min": 10, "term_unit": "day"}),
    ("dev_01", "до 5 лет", "TERM", {"term_max": 5, "term_unit": "year", "approx": True}),
    ("dev_01", "22.06.2021", "DATE", {"date_start": "2021-06-22", "date_precision": "day"}),
    ("dev_01", "3 по 5 марта 2021 года", "DATE",
     {"date_start": "2021-03-03", "date_end": "2021-03-05", "date_precision": "day"}),
    ("dev_01", "памятника Сырыму Датову", "LOC", {"normal": "памятник Сырыму Датову"}),
    ("dev_01", "Западно-Казахстанский правозащитный центр «Жария»", "ORG",
     {"normal": "Западно-Казахстанский правозащитный центр «Жария»"}),
    ("dev_02", "около полутора тысяч человек", "COUNT", {"count_min": 1500, "approx": True}),
    ("dev_02", "20 тысяч рублей", "MONEY", {"amount_min": 20000, "currency": "RUB"}),
    ("dev_02", "от 10 до 30 тыс. руб.", "MONEY", {"amount_min": 10000, "amount_max": 30000}),
    ("dev_02", "до 30 суток", "TERM", {"term_max": 30, "approx": True}),
    ("dev_02", "прошлом месяце", "DATE", {"date_start": "2020-10-01", "date_precision": "month"}),
    ("dev_02", "этом году", "DATE", {"date_start": "2020-01-01", "date_precision": "year"}),
    ("dev_02", "Е. В. Смирнова", "PER", {"normal": "Елена Викторовна Смирнова"}),
    ("dev_03", "Анди-\nжанской области", "LOC", {"normal": "Андижанская область"}),
    ("dev_03", "Анди-\nжанский городской суд по уголовным делам", "ORG",
     {"normal": "Андижанский городской суд по уголовным делам"}),
    ("dev_03", "3 годам", "TERM", {"term_min": 3, "term_unit": "year"}),
    ("dev_03", "около 6 млн сумов", "MONEY", {"amount_min": 6000000, "currency": "UZS", "approx": True}),
    ("dev_03", "конце ноября", "DATE", {"date_start": "2019-11-01", "date_precision": "month"}),
    ("dev_04", "10–11 февраля", "DATE", {"date_start": "2023-02-10", "date_end": "2023-02-11"}),
    ("dev_04", "Министерство юстиции Кыргызской Республики", "ORG",
     {"normal": "Министерство юстиции Кыргызской Республики"}),
    ("dev_04", "5 000 сомов", "MONEY", {"amount_min": 5000, "currency": "KGS"}),
    ("dev_05", "9 на 10 августа 2020 года", "DATE",
     {"date_start": "2020-08-09", "date_end": "2020-08-10", "date_precision": "day"}),
    ("dev_05", "10.08.2020", "DATE", {"date_start": "2020-08-10", "date_precision": "day"}),
    ("dev_05", "прошлом году", "DATE", {"date_start": "2019-01-01", "date_precision": "year"}),
    ("dev_05", "20 базовых величин", "MONEY", {"amount_min": 20, "currency": "BV"}),
    ("dev_05", "540 рублей", "MONEY", {"amount_min": 540, "currency": "BYN"}),
    ("dev_05", "Марии Ковалёвой", "PER", {"normal": "Мария Ковалёва"}),
    ("dev_05", "Ковалёвой М.", "PER", {"normal": "Мария Ковалёва"}),
    ("dev_05", "С.И. Дубовик", "PER", {"normal": "Сергей Иванович Дубовик"}),
    ("dev_05", "до трех лет", "TERM", {"term_max": 3, "term_unit": "year", "approx": True}),
    ("dev_06", "человек пятнадцать", "COUNT", {"count_min": 15, "approx": True}),
    ("dev_06", "4 месяца", "TERM", {"term_min": 4, "term_unit": "month"}),
    ("dev_06", "500 манатов", "MONEY", {"amount_min": 500, "currency": "AZN"}),
    ("dev_06", "около 40 тысяч долларов", "MONEY", {"amount_min": 40000, "currency": "USD", "approx": True}),
    ("dev_06", "Наргиз Гасановой", "PER", {"normal": "Наргиз Гасанова"}),
    ("dev_06", "Хатаинского районного суда", "ORG", {"normal": "Хатаинский районный суд"}),
    ("dev_07", "не менее 200 задержанных", "COUNT", {"count_min": 200, "approx": True}),
    ("dev_07", "около полутора тысяч человек", "COUNT", {"count_min": 1500, "approx": True}),
    ("dev_07", "от 10 до 30 тысяч рублей", "MONEY", {"amount_min": 10000, "amount_max": 30000, "currency": "RUB"}),
    ("dev_07", "не менее 900", "COUNT", {"count_min": 900, "approx": True}),
    ("dev_07", "ОВД «Братеево»", "ORG", {"normal": "ОВД «Братеево»"}),
    ("dev_07", "К. Бережного", "PER", {"normal": "Кирилл Бережной"}),
    ("dev_08", "Нурлану Есенову", "PER", {"normal": "Нурлан Есенов"}),
    ("dev_08", "Есенову Н.", "PER", {"normal": "Нурлан Есенов"}),
    ("dev_08", "Айгуль Сариевой", "PER", {"normal": "Айгуль Сариева"}),
    ("dev_08", "июле 2011-го", "DATE", {"date_start": "2011-07-01", "date_precision": "month"}),
    ("dev_08", "мае прошлого года", "DATE", {"date_start": "2011-05-01", "date_precision": "month"}),
    ("dev_08", "16 на 17 декабря", "DATE", {"date_start": "2011-12-16", "date_end": "2011-12-17"}),
    ("dev_08", "от 3 до 7 лет", "TERM", {"term_min": 3, "term_max": 7, "term_unit": "year"}),
]


@pytest.mark.parametrize("doc, surface, kind, expected", MENTION_CASES)
def test_brief_cases_are_annotated(doc, surface, kind, expected):
    assert_mention_annotated(doc, surface, kind, expected)


# Wordings that must not become events: faced penalties, laws, generic statements.
NOT_EVENTS = [
    ("dev_01", "грозит"),
    ("dev_01", "предусматривает"),
    ("dev_01", "задерживают"),
    ("dev_02", "грозит"),
    ("dev_02", "предусматривает"),
    ("dev_02", "задерживают"),
    ("dev_03", "грозит"),
    ("dev_03", "поступают"),
    ("dev_04", "предусматривает"),
    ("dev_04", "давят"),
    ("dev_04", "обжаловать"),
    ("dev_05", "грозит"),
    ("dev_05", "задерживают"),
    ("dev_05", "Провести"),
    ("dev_06", "грозит"),
    ("dev_06", "Изъяли"),
    ("dev_06", "подбросили"),
    ("dev_06", "продлевал"),
    ("dev_06", "блокируют"),
    ("dev_07", "грозит"),
    ("dev_07", "отпускают"),
    ("dev_07", "переписала"),
    ("dev_08", "требовали"),
    ("dev_08", "наказали"),
    ("dev_08", "сажают"),
]


@pytest.mark.parametrize("doc, wording", NOT_EVENTS)
def test_non_events_have_no_event_span(doc, wording):
    document = gold(doc)
    text = document["text"]
    spans = [(e["start"], e["end"]) for e in document["events"]]
    spans += [tuple(s) for e in document["events"] for s in e["also"]]
    where = [m.start() for m in re.finditer(re.escape(wording), text)]
    assert where, wording
    for position in where:
        assert not any(start <= position < end for start, end in spans), wording


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_statement_keeps_a_negated_event(path):
    assert any(e["negated"] for e in load(path)["events"])


def test_aggregates_are_kept_apart():
    events = gold("dev_01")["events"]
    totals = [e for e in events if e.get("aggregate")]
    assert {e["type"] for e in totals} == {"protest", "detention", "custody", "fine"}
    assert [e["count_min"] for e in totals if e["type"] == "detention"] == [40]


def evidence(event: dict, text: str) -> list[str]:
    return [event["trigger"]] + [text[start:end] for start, end in event["also"]]


@pytest.mark.parametrize("doc, first, second, types", [
    ("dev_01", "задержаны", "доставлены", ("detention",)),              # one detention
    ("dev_01", "избили", "задержали", ("violence", "detention")),      # two events
    ("dev_02", "задержали", "доставили", ("detention",)),
    ("dev_04", "задержаны", "доставлены", ("detention",)),
    ("dev_05", "задержан", "доставлен", ("detention",)),
    ("dev_05", "били", "угрожали", ("violence", "intimidation")),
    ("dev_06", "позвонил", "предупредил", ("intimidation",)),
    ("dev_06", "задержали", "увезли", ("detention",)),
    ("dev_07", "душили", "угрожали", ("violence", "intimidation")),
    ("dev_07", "вышел", "задержан", ("protest", "detention")),
    ("dev_08", "забрали", "увезли", ("detention",)),
    ("dev_08", "раздевали", "били", ("violence",)),
])
def test_coordinated_triggers(doc, first, second, types):
    document = gold(doc)
    text = document["text"]
    holders = {name: {e["type"] for e in document["events"] if name in evidence(e, text)}
               for name in (first, second)}
    assert holders[first] & holders[second] == (set(types) if len(types) == 1 else set())
    assert set(types) <= holders[first] | holders[second]


@pytest.mark.parametrize("doc, trigger, retelling", [
    ("dev_01", "собрались", "Пикет"),          # the summary and body of the 12 June picket
    ("dev_02", "разгоне", "оттеснять"),        # the title and the body
    ("dev_03", "осужденному", "приговорил"),   # the opening request and the body
    ("dev_04", "отказал", "отказало"),         # the headline and the body
    ("dev_05", "избили", "избиения"),          # the body and the request
    ("dev_05", "не допустили", "недопуску"),
    ("dev_06", "арест", "держат"),             # the opening and the body
    ("dev_06", "заблокирован", "Блокировка"),
    ("dev_08", "стрелять", "погибли"),         # the shooting and its toll
])
def test_a_happening_told_twice_is_one_event(doc, trigger, retelling):
    document = gold(doc)
    (event,) = [e for e in document["events"] if e["trigger"] == trigger]
    assert retelling in evidence(event, document["text"])
    assert not [e for e in document["events"] if e["trigger"] == retelling]


def test_a_summary_table_is_aggregates_and_repeats_the_opening_total():
    document = gold("dev_07")
    text = document["text"]
    table = text.index("Сводные данные")
    in_table = [e for e in document["events"] if e["start"] > table]
    assert len(in_table) >= 8 and all(e.get("aggregate") for e in in_table)
    (total,) = [e for e in document["events"] if e["count_min"] == 4700]
    assert total["aggregate"] and total["start"] < table
    assert any(start > table for start, _ in total["also"])     # 'Итого: не менее 4 700 задержанных'
    city_fines = [e for e in document["events"] if e["type"] == "fine" and e["start"] < table
                  and any(start > table for start, _ in e["also"])]
    assert {e["place"] for e in city_fines} == {"Москва", "Санкт-Петербург"}


def test_units_of_account_are_kept_with_the_equivalent_apart():
    document = gold("dev_05")
    fines = {e["persons"][0]: (e["amount_min"], e["currency"]) for e in document["events"] if e["type"] == "fine"}
    assert fines == {"Мария Ковалёва": (20, "BV"), "Олег Журавский": (30, "BV")}
