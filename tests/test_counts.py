"""COUNT: how many people; numbers that are dates, money or terms are not counts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.records import COUNT, Count
from pipeline.tag.counts import tag_counts

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


CASES = [
    ("Всего было задержано 28 человек.", Count(28, 28)),
    ("трое её участников", Count(3, 3)),
    ("трое ее участников, спустя пару часов", Count(3, 3)),
    ("двое подвержены денежному штрафу", Count(2, 2)),
    ("приговорила двоих к аресту", Count(2, 2)),
    ("Было задержано около ста человек.", Count(100, 100, approx=True)),
    ("порядка четырехсот сотрудников полиции", Count(400, 400, approx=True)),
    ("порядка четырёхсот сотрудников полиции", Count(400, 400, approx=True)),
    ("приняло участие более пяти тысяч человек", Count(5000, None, approx=True)),
    ("с участием почти полутора тысяч человек", Count(1500, 1500, approx=True)),
    ("собирали от двухсот до двух тысяч участников", Count(200, 2000)),
    ("Присутствовало порядка тысячи человек", Count(1000, 1000, approx=True)),
    ("присутствовало уже меньше тысячи человек", Count(None, 1000, approx=True)),
    ("вновь задержала порядка десяти  человек", Count(10, 10, approx=True)),
    ("Четыре человека были подвержены денежным штрафам", Count(4, 4)),
    ("осуждены две гражданских активистки", Count(2, 2)),
    ("на сроки от 10 до 18 суток одиннадцать человек", Count(11, 11)),
    ("задержаны 3 полицейских", Count(3, 3)),
    ("трое задержанных", Count(3, 3)),
    ("пятеро журналистов", Count(5, 5)),
    ("не менее 50 граждан", Count(50, None, approx=True)),
    ("20-30 активистов", Count(20, 30)),
    ("около 30-ти человек", Count(30, 30, approx=True)),
    ("задержаны 2-х активистов", Count(2, 2)),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_counts_read_people(text, expected):
    mentions = tag_counts(text)
    assert [m.value for m in mentions] == [expected]
    assert mentions[0].type == COUNT


SPANS = [
    # elliptic: the number alone counts the people named after ``из`` (our guidelines)
    ("на автозаке увезен один из присутствующих на площади гражданский активист", ["один"]),
    ("двое из задержанных были осуждены", ["двое"]),
    ("трое ее участников, спустя пару часов", ["трое ее участников"]),
    ("около полутора тысяч человек и порядка четырехсот сотрудников полиции",
     ["около полутора тысяч человек", "порядка четырехсот сотрудников"]),
    ("3 человека, из них две женщины", ["3 человека", "две женщины"]),
    # elliptic after a short passive participle, as in a summary table
    ("в Омске задержаны 57 человек, оштрафованы 19, арестованы не менее 8.",
     ["57 человек", "19", "не менее 8"]),
    ("На площадь вышло около 300 человек, задержано 120.", ["около 300 человек", "120"]),
    # `из них` takes the people of the nearest noun before
    ("задержали не менее 25 человек, семнадцать из них отпустили", ["не менее 25 человек", "семнадцать"]),
    ("участников было 12, девять из которых студенты", ["девять"]),
    # inverted order: approximate
    ("в квартиру вошли человек десять в масках", ["человек десять"]),
    ("собралось 20 человек 8 марта", ["20 человек"]),
]  # fmt: skip


@pytest.mark.parametrize("text, expected", SPANS)
def test_count_spans(text, expected):
    mentions = tag_counts(text)
    assert [m.text for m in mentions] == expected
    assert all(text[m.start : m.end] == m.text for m in mentions)


NOT_COUNTS = [
    "в 2012 году",
    "16 декабря",
    "на 15 суток",
    "на двое суток",
    "оштрафована на 80900 тенге",
    "несколько человек получили предупреждения",
    "десятки активистов",
    "более ста тысяч листовок",
    "более тридцати мест",
    "двух мирных акций",
    "один из пунктов программы",
    "исполнялось 100 дней",
    "выписано 7 протоколов, три из них отменены",
    "задержан 14 мая",
    "оштрафованы на 15 тысяч",
    "задержаны несколько человек",
    "арестован 12,",
]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_counts_ignore_numbers_of_things(text):
    assert tag_counts(text) == []


def test_inverted_count_is_approximate():
    assert tag_counts("пришли человек тридцать")[0].value == Count(30, 30, approx=True)


def test_count_normals():
    text = "от двухсот до двух тысяч участников и 28 человек"
    assert [m.normal for m in tag_counts(text)] == ["200-2000", "28"]


def test_counts_on_a_real_statement():
    text = re.sub(r"\s+", " ", (RAW / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8"))
    values = [(m.value.low, m.value.high) for m in tag_counts(text)]
    assert (3, 3) in values and (28, 28) in values and (200, 2000) in values
    assert (1500, 1500) in values and (11, 11) in values and (16, 16) in values
    assert len(values) == 23  # the hand annotation's 23 COUNT mentions


# A bound is one-sided; qualifiers after the number bound it too (data/ovdinfo/README.md, "Values").
BOUNDS = [
    ("задержали более 400 человек", Count(400, None, approx=True), "более 400 человек"),
    ("не более десяти человек пустили в зал", Count(None, 10, approx=True), "не более десяти человек"),
    ("пришли свыше двухсот участников", Count(200, None, approx=True), "свыше двухсот участников"),
    ("в подъезд вошли человек 15, не меньше", Count(15, None, approx=True), "человек 15, не меньше"),
    ("собрались двадцать с лишним человек", Count(20, None, approx=True), "двадцать с лишним человек"),
    ("задержаны 40 и более человек", Count(40, None, approx=True), "40 и более человек"),
    ("на акцию вышли ~5000 человек", Count(5000, 5000, approx=True), "~5000 человек"),
    ("около двухсот человек", Count(200, 200, approx=True), "около двухсот человек"),
    ("как минимум 12 активистов", Count(12, None, approx=True), "как минимум 12 активистов"),
]


@pytest.mark.parametrize("text, expected, span", BOUNDS)
def test_counts_with_bounds_and_qualifiers(text, expected, span):
    (mention,) = tag_counts(text)
    assert (mention.value, mention.text) == (expected, span)


@pytest.mark.parametrize("text, counts", [
    ("в Челябинске45 — пятеро осужденных", ["пятеро осужденных"]),
    ("в Нижнем Новгороде12 трое активистов", ["трое активистов"]),
])
def test_a_footnote_number_glued_to_a_word_is_no_count(text, counts):
    assert [m.text for m in tag_counts(text)] == counts


# A discourse connective ending in an approximation phrase is none ("тем не менее":
# nevertheless); a number word after a preposition that cannot govern it as a number is
# the noun it also spells ("в семью": a family, not seven).
@pytest.mark.parametrize("text, expected, span", [
    ("Тем не менее пятерых студентов отпустили.", Count(5, 5), "пятерых студентов"),
    ("тем не менее двоих пикетчиков задержали", Count(2, 2), "двоих пикетчиков"),
    ("Тем более троих наблюдателей не пустили.", Count(3, 3), "троих наблюдателей"),
    ("Полиция задержала не менее шести активистов.", Count(6, None, approx=True), "не менее шести активистов"),
    ("более того, четверо журналистов пострадали", Count(4, 4), "четверо журналистов"),
])
def test_a_connective_is_no_bound(text, expected, span):
    (mention,) = tag_counts(text)
    assert (mention.value, mention.text) == (expected, span)


@pytest.mark.parametrize("text, counts", [
    ("Сотрудники опеки пришли в семью задержанного блогера.", []),
    ("Письмо отправили в семью осужденной активистки.", []),
    ("Журналист встретился с семью задержанными студентами.", ["семью задержанными студентами"]),
    ("Полиция ворвалась в дом к семи активистам.", ["семи активистам"]),
    ("Следователи приехали за семью студентами.", ["семью студентами"]),
])
def test_a_number_word_a_preposition_cannot_govern_is_a_noun(text, counts):
    assert [m.text for m in tag_counts(text)] == counts


# ``до`` after a verb of change is the result, not an upper bound (session 15, issue 12).
RESULTS_OF_A_CHANGE = [
    ("К вечеру число задержанных увеличилось до 45 человек.", Count(45, 45), "45 человек"),
    ("Позднее число арестованных выросло до двенадцати человек.", Count(12, 12), "двенадцати человек"),
    ("В отдел доставили до 30 человек.", Count(None, 30, approx=True), "до 30 человек"),
    # a count of people rising reaches its value; "вплоть до" stays a bound (trfix15)
    ("За неделю количество обысканных возросло до девяти человек.", Count(9, 9), "девяти человек"),
    ("Число задержанных росло вплоть до 70 человек.", Count(None, 70, approx=True), "до 70 человек"),
]


@pytest.mark.parametrize("text, expected, span", RESULTS_OF_A_CHANGE)
def test_do_after_a_verb_of_change_is_the_counted_result(text, expected, span):
    (mention,) = tag_counts(text)
    assert (mention.value, mention.text) == (expected, span)
