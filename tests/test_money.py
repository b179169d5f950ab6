"""MONEY: amounts with currencies, ranges and approximations, damaged forms included."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.records import MONEY, Money
from pipeline.tag.money import tag_money

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


CASES = [
    ("оштрафована на 80900 тенге", Money(80900, 80900, "KZT")),
    ("оштрафована административным судом на 80 900 тенге", Money(80900, 80900, "KZT")),
    ("на 80\u00a0900 тенге", Money(80900, 80900, "KZT")),
    ("на 80\u2009900 тг.", Money(80900, 80900, "KZT")),
    ("штраф 80.900 тнг", Money(80900, 80900, "KZT")),
    ("от 30 000 до 81 000 тенге", Money(30000, 81000, "KZT")),
    ("от 30 000 тенге до 81 000 тенге", Money(30000, 81000, "KZT")),
    ("(150 – 410 EURO)", Money(150, 410, "EUR")),
    ("это более  400 EURO", Money(400, None, "EUR", approx=True)),
    ("пенсия составляет менее 300 EURO", Money(None, 300, "EUR", approx=True)),
    ("штраф в размере 100 МРП", Money(100, 100, "MRP")),
    ("в размере 50 месячных расчётных показателей", Money(50, 50, "MRP")),
    ("пять МРОТ", Money(5, 5, "MROT")),
    ("пятьдесят тысяч тенге", Money(50000, 50000, "KZT")),
    ("Сто тысяч тенге", Money(100000, 100000, "KZT")),
    ("около двухсот тысяч рублей", Money(200000, 200000, "RUB", approx=True)),
    ("1,5 млн тенге", Money(1_500_000, 1_500_000, "KZT")),
    ("от 4 до 7 тысяч рублей", Money(4000, 7000, "RUB")),
    ("более 45 тысяч рублей", Money(45000, None, "RUB", approx=True)),
    ("порядка 2000 руб.", Money(2000, 2000, "RUB", approx=True)),
    ("100 р.", Money(100, 100, "RUB")),
    ("1000₽", Money(1000, 1000, "RUB")),
    ("$500", Money(500, 500, "USD")),
    ("около $120 тыс.", Money(120_000, 120_000, "USD", approx=True)),
    ("3,04 млрд долларов США", Money(3_040_000_000, 3_040_000_000, "USD")),
    ("500 долл.", Money(500, 500, "USD")),
    ("€20", Money(20, 20, "EUR")),
    ("750 тысяч юаней", Money(750_000, 750_000, "CNY")),
    ("5000 сомов", Money(5000, 5000, "KGS")),
    ("10 000 сумов", Money(10000, 10000, "UZS")),
    ("200 гривен", Money(200, 200, "UAH")),
    ("30 000 белорусских рублей", Money(30000, 30000, "BYN")),
    ("100 млн гонконгских долларов", Money(100_000_000, 100_000_000, "HKD")),
    ("штраф до 100 МРП", Money(None, 100, "MRP", approx=True)),
    ("не менее 10 000 тенге", Money(10000, None, "KZT", approx=True)),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_money_reads_amounts(text, expected):
    mentions = tag_money(text)
    assert [m.value for m in mentions] == [expected]
    assert mentions[0].type == MONEY


SPANS = [
    ("оштрафована на 80900 тенге (это более 400 EURO)", ["80900 тенге", "более 400 EURO"]),
    ("на суммы от 30 000 до 81 000 тенге.", ["от 30 000 до 81 000 тенге"]),
    ("около $120 тыс. долга", ["около $120 тыс."]),
]


@pytest.mark.parametrize("text, expected", SPANS)
def test_money_spans(text, expected):
    mentions = tag_money(text)
    assert [m.text for m in mentions] == expected
    assert all(text[m.start : m.end] == m.text for m in mentions)


NORMALS = [
    ("на 80900 тенге", "80900 KZT"),
    ("от 30 000 до 81 000 тенге", "30000-81000 KZT"),
    ("1,5 млн тенге", "1500000 KZT"),
    ("2,5 доллара", "2.5 USD"),
]


@pytest.mark.parametrize("text, normal", NORMALS)
def test_money_normal_form(text, normal):
    assert [m.normal for m in tag_money(text)] == [normal]


NOT_MONEY = [
    "в 2012 году",
    "16 декабря 2011 года",
    "28 человек",
    "на 15 суток",
    "значительные суммы",
    "денежному штрафу",
    "200 р",  # a bare letter is not a rouble without its point
    "1997 г.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_money_ignores_what_is_not_money(text):
    assert tag_money(text) == []


def test_money_on_a_real_statement():
    text = re.sub(r"\s+", " ", (RAW / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8"))
    normals = [m.normal for m in tag_money(text)]
    assert normals == ["80900 KZT", "≥400 EUR", "≤300 EUR", "30000-81000 KZT", "150-410 EUR"]


@given(st.text(alphabet="0123456789 тенгеруб$€.,-от до\u00a0", max_size=60))
def test_money_spans_are_slices_of_the_text(text):
    for mention in tag_money(text):
        assert text[mention.start : mention.end] == mention.text
        low, high = mention.value.low, mention.value.high
        # a bound is one-sided (``от 1 €``: low 1, no high); a range is ordered
        assert low is not None or high is not None
        assert low is None or high is None or low <= high


# Units fines are counted in keep their own codes (see models/currencies.json):
# Belarusian базовая величина BV, Kyrgyz расчетный показатель RP, Kazakh МРП MRP.
FINE_UNITS = [
    ("оштрафовали на 30 базовых величин", "30 базовых величин", Money(30, 30, "BV")),
    ("штраф в размере одной базовой величины", "одной базовой величины", Money(1, 1, "BV")),
    ("от 10 до 50 базовых величин", "от 10 до 50 базовых величин", Money(10, 50, "BV")),
    ("штраф 20 б.в. за пикет", "20 б.в.", Money(20, 20, "BV")),
    ("взыскать 100 расчетных показателей", "100 расчетных показателей", Money(100, 100, "RP")),
    ("штраф 10 месячных расчетных показателей", "10 месячных расчетных показателей", Money(10, 10, "MRP")),
    ("на сумму 1 450 белорусских рублей", "1 450 белорусских рублей", Money(1450, 1450, "BYN")),
    ("штраф 5000 сомов", "5000 сомов", Money(5000, 5000, "KGS")),
    ("штраф в размере 30 МРП.", "30 МРП", Money(30, 30, "MRP")),  # the point ends the sentence
    ("штраф 500 руб. и арест", "500 руб.", Money(500, 500, "RUB")),
]


@pytest.mark.parametrize("text, span, expected", FINE_UNITS)
def test_fine_units_keep_their_own_code(text, span, expected):
    assert [(m.text, m.value) for m in tag_money(text)] == [(span, expected)]


@pytest.mark.parametrize(
    "text, doc_date, normal",
    [
        ("В Гомеле суд оштрафовал его на 580 рублей.", dt.date(2021, 3, 1), "580 BYN"),
        ("В Гомеле суд оштрафовал его на 580 000 рублей.", dt.date(2012, 3, 1), "580000 BYR"),
        ("В Москве суд оштрафовал его на 20 000 рублей.", dt.date(2021, 3, 1), "20000 RUB"),
        ("В Минске ему вернули 100 российских рублей.", dt.date(2021, 3, 1), "100 RUB"),
    ],
)
def test_roubles_follow_the_documents_country(text, doc_date, normal):
    assert [m.normal for m in tag_money(text, doc_date=doc_date)] == [normal]


# An amount whose scale or currency comes later in the phrase takes it (data/ovdinfo/README.md).
LATER_SCALE = [
    ("оштрафовали на пять и на десять тысяч рублей", [("пять", 5000), ("десять тысяч рублей", 10000)]),
    ("штрафы в 20 и 30 тысяч рублей", [("20", 20000), ("30 тысяч рублей", 30000)]),
    ("штрафы в 20, 30 и 50 тысяч рублей", [("20", 20000), ("30", 30000), ("50 тысяч рублей", 50000)]),
    ("штраф 15 тысяч и 20 рублей пени", [("15 тысяч", 15000), ("20 рублей", 20)]),
]


@pytest.mark.parametrize("text, expected", LATER_SCALE)
def test_scale_and_currency_from_later_in_the_phrase(text, expected):
    mentions = tag_money(text)
    assert [(m.text, m.value.low, m.value.high, m.value.currency) for m in mentions] == [
        (span, value, value, "RUB") for span, value in expected]


BOUNDED = [
    ("штраф до 300 тысяч рублей", Money(None, 300000, "RUB", approx=True)),
    ("ущерб более 1,5 млн рублей", Money(1500000, None, "RUB", approx=True)),
    ("штраф от 10 тысяч рублей", Money(10000, None, "RUB", approx=True)),
]


@pytest.mark.parametrize("text, expected", BOUNDED)
def test_money_bounds_are_one_sided(text, expected):
    assert [m.value for m in tag_money(text)] == [expected]


# ``до`` after a verb of change is the result, not an upper bound (session 15, issue 12).
RESULTS_OF_A_CHANGE = [
    ("Областной суд снизил ему штраф до 5 тысяч рублей.", Money(5000, 5000, "RUB"), "5 тысяч рублей"),
    ("Сумма штрафа была уменьшена до десяти тысяч рублей.", Money(10000, 10000, "RUB"), "десяти тысяч рублей"),
    ("Ему грозит штраф до 300 тысяч рублей.", Money(None, 300000, "RUB", approx=True), "до 300 тысяч рублей"),
]


@pytest.mark.parametrize("text, expected, span", RESULTS_OF_A_CHANGE)
def test_do_after_a_verb_of_change_is_the_amount_reached(text, expected, span):
    assert [(m.value, m.text) for m in tag_money(text)] == [(expected, span)]


# A penalty that rises is a law's new maximum, a bound (trfix15, issue 12); so is ``вплоть до``.
AMOUNTS_RAISED = [
    ("Штраф за езду без номеров увеличился до 50 тысяч рублей.",
     Money(None, 50000, "RUB", approx=True), "до 50 тысяч рублей"),
    ("С января штрафы за одиночные пикеты выросли до 40 тысяч рублей.",
     Money(None, 40000, "RUB", approx=True), "до 40 тысяч рублей"),
    ("Сумму взыскания уменьшили вплоть до 15 тысяч рублей.",
     Money(None, 15000, "RUB", approx=True), "до 15 тысяч рублей"),
]


@pytest.mark.parametrize("text, expected, span", AMOUNTS_RAISED)
def test_a_penalty_raised_is_a_bound(text, expected, span):
    assert [(m.value, m.text) for m in tag_money(text)] == [(expected, span)]
