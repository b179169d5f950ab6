"""The number reader: digits with damaged separators and number words in any case."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tag.numbers import read_number, scan_numbers, tokenise

WORDS = [
    (["пятнадцать"], 15),
    (["пятнадцати"], 15),
    (["Пятнадцатью"], 15),
    (["двадцатью"], 20),
    (["сто"], 100),
    (["ста"], 100),
    (["четырехсот"], 400),
    (["четырёхсот"], 400),
    (["двух", "тысяч"], 2000),
    (["полутора", "тысяч"], 1500),
    (["полторы", "тысячи"], 1500),
    (["полтора"], 1.5),
    (["трое"], 3),
    (["троих"], 3),
    (["двоих"], 2),
    (["пятерых"], 5),
    (["двести", "тридцать", "пять"], 235),
    (["двухсот", "тридцати", "пяти"], 235),
    (["пятьдесят", "тысяч"], 50_000),
    (["тысячи"], 1000),
    (["одиннадцать"], 11),
    (["сорока"], 40),
    (["девяноста"], 90),
    (["две", "тысячи", "двенадцать"], 2012),
    (["сто", "двадцать", "пять", "тысяч", "триста"], 125_300),
    (["миллиона"], 1_000_000),
    (["1,5", "млн"], 1_500_000),
    (["27.5", "млн"], 27_500_000),
    (["30", "тыс."], 30_000),
    (["1", "млн", "200", "тыс."], 1_200_000),
    (["80 900"], 80_900),
    (["80\u00a0900"], 80_900),
    (["80\u2009900"], 80_900),
    (["80\u202f900"], 80_900),
    (["80.900"], 80_900),
    (["1 000 000"], 1_000_000),
    (["2,5"], 2.5),
]


@pytest.mark.parametrize("words, expected", WORDS)
def test_read_number_reads_words_and_digits(words, expected):
    assert read_number(words) == expected


NOT_ONE_NUMBER = [
    ["два", "три"],  # two numbers, not one
    ["двадцать", "одиннадцать"],
    ["пять", "двадцать"],
    ["тыс."],  # an abbreviation needs a number before it
    ["несколько"],
    ["десятки"],
    ["человек"],
    [],
]


@pytest.mark.parametrize("words", NOT_ONE_NUMBER)
def test_read_number_rejects_what_is_not_one_number(words):
    assert read_number(words) is None


SCANS = [
    ("около полутора тысяч человек", [("полутора тысяч", 1500)]),
    ("на 15суток", [("15", 15)]),
    ("16.12.2011 задержаны", []),  # a written date is no quantity
    ("в 2012 году 28 человек", [("2012", 2012), ("28", 28)]),
    ("от 30 000 до 81 000 тенге", [("30 000", 30_000), ("81 000", 81_000)]),
    ("Трое её участников", [("Трое", 3)]),
    ("двух\n тысяч", [("двух", 2), ("тысяч", 1000)]),  # a paragraph break splits a number
]


@pytest.mark.parametrize("text, expected", SCANS)
def test_scan_numbers_finds_spans_and_values(text, expected):
    found = [(text[n.start : n.end], n.value) for n in scan_numbers(text)]
    assert found == expected


def test_collective_numerals_are_marked():
    assert [n.collective for n in scan_numbers("трое и 3")] == [True, False]


def test_tokens_cover_only_their_own_text():
    text = "Оштрафовано на 80 900 тенге – 3 человека."
    assert all(text[t.start : t.end] == t.text for t in tokenise(text))


UNITS = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
TEENS = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
         "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"]  # fmt: skip
TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
        "восемьдесят", "девяносто"]  # fmt: skip
HUNDREDS = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
            "восемьсот", "девятьсот"]  # fmt: skip


def spell_below_thousand(n: int, feminine: bool = False) -> list[str]:
    words = [HUNDREDS[n // 100]]
    rest = n % 100
    if 10 <= rest < 20:
        words.append(TEENS[rest - 10])
    else:
        unit = UNITS[rest % 10]
        if feminine and rest % 10 in (1, 2):
            unit = {1: "одна", 2: "две"}[rest % 10]
        words += [TENS[rest // 10], unit]
    return [w for w in words if w]


def spell(n: int) -> list[str]:
    """Nominative Russian words for 1..999999, written independently of the reader."""
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands:
        last = thousands % 100
        if 10 <= last < 20 or thousands % 10 in (0, 5, 6, 7, 8, 9):
            noun = "тысяч"
        elif thousands % 10 == 1:
            noun = "тысяча"
        else:
            noun = "тысячи"
        words += spell_below_thousand(thousands, feminine=True) + [noun]
    return words + spell_below_thousand(rest)


@given(st.integers(min_value=1, max_value=999_999))
def test_spelled_numbers_read_back(n):
    assert read_number(spell(n)) == n


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from([" ", "\u00a0", "\u2009"]))
def test_grouped_digits_read_back(n, separator):
    written = f"{n:,}".replace(",", separator)
    assert read_number([written]) == n
