"""TERM: custodial terms; durations that are not sentences stay untagged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.records import TERM, Term
from pipeline.tag.terms import tag_terms

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


CASES = [
    ("на пятнадцать суток", Term(15, 15, "day")),
    ("осуждены на пятнадцать суток содержания в спецприемнике", Term(15, 15, "day")),
    ("Пятнадцать суток ареста", Term(15, 15, "day")),
    ("отправлены на 15 суток", Term(15, 15, "day")),
    ("отправлены на 15суток", Term(15, 15, "day")),
    ("на 15\u00a0суток", Term(15, 15, "day")),
    ("осуждён на 15-ти суток", Term(15, 15, "day")),
    ("на сроки от 10 до 18 суток", Term(10, 18, "day")),
    ("10 суток административного ареста", Term(10, 10, "day")),
    ("арестован на двое суток", Term(2, 2, "day")),
    ("арест на срок до 10 дней", Term(None, 10, "day", approx=True)),
    ("административный арест на десять дней", Term(10, 10, "day")),
    ("приговорен к 2 годам лишения свободы", Term(2, 2, "year")),
    ("2 года лишения свободы", Term(2, 2, "year")),
    ("получил три года колонии", Term(3, 3, "year")),
    ("осужден на шесть месяцев", Term(6, 6, "month")),
    ("осуждены на полтора года", Term(1.5, 1.5, "year")),
    ("приговорили к семи годам колонии общего режима", Term(7, 7, "year")),
    ("приговорен к 1 году 6 месяцам лишения свободы", Term(18, 18, "month")),
    ("осуждён на 4 года и 6 месяцев", Term(54, 54, "month")),
    ("две недели административного ареста", Term(14, 14, "day")),
    ("приговорен к лишению свободы сроком от 5 до 7 лет", Term(5, 7, "year")),
    ("его осудили на 3-5 лет", Term(3, 5, "year")),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_terms_read_custodial_terms(text, expected):
    mentions = tag_terms(text)
    assert [m.value for m in mentions] == [expected]
    assert mentions[0].type == TERM


def test_two_terms_joined_by_and():
    text = "осуждены на 10 и 15 суток"
    assert [(m.text, m.value) for m in tag_terms(text)] == [
        ("10", Term(10, 10, "day")),
        ("15 суток", Term(15, 15, "day")),
    ]


NOT_TERMS = [
    "нерегистрируемая в течение почти шести лет НП «Алга»",
    "спустя пару часов были задержаны",
    "исполнялось 100 дней со дня расстрела",
    "в 2012 году суд арестовал активиста",
    "в 1997 году власть установила законом",
    "шесть месяцев",  # no custodial word: a plain duration
    "арестован за 2 года до выборов",
    "ему 25 лет, его осудили",
    "осужден пять лет назад",
    "за последние 3 года осуждены многие",
    "революции 1917 года",
]


@pytest.mark.parametrize("text", NOT_TERMS)
def test_terms_ignore_durations_and_dates(text):
    assert tag_terms(text) == []


def test_term_spans_and_normals():
    text = "Были задержаны и осуждены на 15 суток две активистки, трое — на 2 года колонии."
    mentions = tag_terms(text)
    assert [(m.text, m.normal) for m in mentions] == [("15 суток", "15 day"), ("2 года", "2 year")]
    assert all(text[m.start : m.end] == m.text for m in mentions)


# The span is the number and unit (``до`` of an upper bound in); the penalty
# named after it stays out but makes a term even after an age pronoun.
SPANS = [
    ("Суд назначил Петрову 10 суток административного ареста за пикет.", "10 суток"),
    ("Его приговорили к 3 годам лишения свободы условно.", "3 годам"),
    ("получила 2 года ограничения свободы с направлением", "2 года"),
    ("осуждён на 7 лет колонии строгого режима.", "7 лет"),
    ("ему грозит до 5 лет лишения свободы по статье 342", "до 5 лет"),
    ("ей дали 4 года тюремного заключения", "4 года"),
    ("ему грозит административный арест до 30 суток.", "до 30 суток"),
    ("осуждены на пятнадцать суток содержания в спецприемнике", "пятнадцать суток"),
    ("Бишкекский суд арестовал его на 2 месяца, до суда", "2 месяца"),
]


@pytest.mark.parametrize("text, span", SPANS)
def test_term_spans_take_in_the_named_penalty(text, span):
    assert [m.text for m in tag_terms(text)] == [span]


# Сутки someone was only held for, with no sentence in the clause, are no term;
# with a word of a sentence or arrest they are.
HOLDING = [
    ("Его продержали в отделе полиции двое суток без адвоката.", []),
    ("Активистка провела трое суток в ИВС, затем её отпустили.", []),
    ("Задержанный находился в изоляторе временного содержания 2 суток.", []),
    ("через двое суток его освободили", []),
    ("Суд арестовал его на трое суток, и он провёл их в ИВС.", ["трое суток"]),
    ("отбыв 10 суток в спецприемнике, она вышла", ["10 суток"]),
    ("задержаны и осуждены на пятнадцать суток", ["пятнадцать суток"]),
]


@pytest.mark.parametrize("text, spans", HOLDING)
def test_holding_days_are_not_terms(text, spans):
    assert [m.text for m in tag_terms(text)] == spans


def test_terms_on_a_real_statement():
    text = re.sub(r"\s+", " ", (RAW / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8"))
    normals = [m.normal for m in tag_terms(text)]
    assert normals == ["15 day", "15 day", "15 day", "15 day", "10-18 day"]


# One-sided bounds, and hours of compulsory work.
BOUNDED_TERMS = [
    ("закон предусматривает арест до 30 суток", Term(None, 30, "day", approx=True)),
    ("приговорен к сроку свыше 5 лет лишения свободы", Term(5, None, "year", approx=True)),
    ("арестован на срок не более двух месяцев", Term(None, 2, "month", approx=True)),
    ("приговорен к 200 часам обязательных работ", Term(200, 200, "hour")),
    ("назначили 160 часов обязательных работ", Term(160, 160, "hour")),
]


@pytest.mark.parametrize("text, expected", BOUNDED_TERMS)
def test_terms_bounds_and_hours(text, expected):
    assert [m.value for m in tag_terms(text)] == [expected]


@pytest.mark.parametrize("text", ["через два часа его отпустили", "продержали в отделе 5 часов"])
def test_hours_are_terms_only_of_work(text):
    assert tag_terms(text) == []


# ``до`` after a verb of change is the result, not an upper bound (session 15, issue 12): the
# term a sentence was cut to is exact, and ``до`` stays outside the span as a preposition.
# Another verb in between (``составит до``), a comma, or no verb of change keeps the bound.
RESULTS_OF_A_CHANGE = [
    ("Апелляционный суд смягчил ему наказание до трёх лет колонии.", [("трёх лет", Term(3, 3, "year"))]),
    ("Позднее срок заключения был сокращён до двух лет.", [("двух лет", Term(2, 2, "year"))]),
    ("Верховный суд снизил срок лишения свободы до восьми лет.", [("восьми лет", Term(8, 8, "year"))]),
    ("Срок колонии ему уменьшили с шести лет до четырёх лет.",
     [("шести лет", Term(6, 6, "year")), ("четырёх лет", Term(4, 4, "year"))]),
    ("Срок уменьшили и в итоге он составит до девяти месяцев колонии.",
     [("до девяти месяцев", Term(None, 9, "month", approx=True))]),
    ("Приговор смягчили, но ему грозит до пяти лет лишения свободы по второму делу.",
     [("до пяти лет", Term(None, 5, "year", approx=True))]),
    ("Ему грозит до пяти лет лишения свободы.", [("до пяти лет", Term(None, 5, "year", approx=True))]),
]


@pytest.mark.parametrize("text, expected", RESULTS_OF_A_CHANGE)
def test_do_after_a_verb_of_change_is_the_result(text, expected):
    assert [(m.text, m.value) for m in tag_terms(text)] == expected


# A term that rises (``увеличился``, ``вырос``, ``возрос``) is a law's new maximum, a bound
# (trfix15, issue 12); ``вплоть до`` is a bound after any verb; custody extended (``продлил
# ... до``) reaches its new total, exact.
TERMS_RAISED_OR_EXTENDED = [
    ("После поправок максимальный срок по этой статье увеличился до семи лет лишения свободы.",
     [("до семи лет", Term(None, 7, "year", approx=True))]),
    ("Наказание за поджог автомобиля выросло до восьми лет колонии.",
     [("до восьми лет", Term(None, 8, "year", approx=True))]),
    ("С прошлой осени верхний предел наказания возрос до шести лет лишения свободы.",
     [("до шести лет", Term(None, 6, "year", approx=True))]),
    ("Срок административного ареста снизили вплоть до пяти суток.",
     [("до пяти суток", Term(None, 5, "day", approx=True))]),
    ("Суд продлил Марату Галиеву арест до трёх месяцев.", [("трёх месяцев", Term(3, 3, "month"))]),
    ("Районный суд продлил срок ареста до четырёх месяцев.", [("четырёх месяцев", Term(4, 4, "month"))]),
    ("Суд продлил срок содержания под стражей до пяти месяцев.",
     [("пяти месяцев", Term(5, 5, "month"))]),
    # the extension told before a comma, then the total it reaches (review_c finding 8)
    ("Суд продлил арест Иванову на два месяца, до трёх месяцев.",
     [("два месяца", Term(2, 2, "month")), ("трёх месяцев", Term(3, 3, "month"))]),
    ("Суд продлил Марату Галиеву срок ареста на три месяца, до шести месяцев.",
     [("три месяца", Term(3, 3, "month")), ("шести месяцев", Term(6, 6, "month"))]),
    # a comma after a term that is no extension keeps the bound
    ("Его приговорили к двум годам, до пяти лет грозило по другой статье.",
     [("двум годам", Term(2, 2, "year")), ("до пяти лет", Term(None, 5, "year", approx=True))]),
]


@pytest.mark.parametrize("text, expected", TERMS_RAISED_OR_EXTENDED)
def test_a_term_raised_is_a_bound_and_one_extended_a_total(text, expected):
    assert [(m.text, m.value) for m in tag_terms(text)] == expected
