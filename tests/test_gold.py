"""Hand-checked cases of the gold in data/annotated/ (the two real samples).

The format checks every gold set shares (valid spans, typed values, JSON up to
date with the snippet sources) are in test_gold_sets.py; these are the phrases
the annotation brief and the SPEC name, read back from the gold, and the
builder's refusal to guess offsets.
"""

from __future__ import annotations

import pytest
from test_gold_sets import assert_mention_annotated, assert_not_a_mention, build_gold, gold

SAMPLES = build_gold.find_set("data/annotated")


# Cases named in the annotation brief and the SPEC, read back from the gold.
MENTION_CASES = [
    ("001", "трое ее участников", "COUNT", {"count_min": 3, "count_max": 3}),
    ("001", "порядка тысячи человек", "COUNT", {"count_min": 1000, "approx": True}),
    ("001", "пятнадцать суток", "TERM", {"term_min": 15, "term_max": 15, "term_unit": "day"}),
    ("001", "от 10 до 18 суток", "TERM", {"term_min": 10, "term_max": 18}),
    ("001", "от 30 000 до 81 000 тенге", "MONEY", {"amount_min": 30000, "amount_max": 81000, "currency": "KZT"}),
    ("001", "80900 тенге", "MONEY", {"normal": "80900 KZT"}),
    ("001", "24 марта с.г.", "DATE", {"date_start": "2012-03-24", "date_precision": "day"}),
    ("001", "сентябре этого года", "DATE", {"date_start": "2012-09-01", "date_end": "2012-09-30"}),
    ("001", "Жанаозене", "LOC", {"normal": "Жанаозен"}),
    ("001", "Б.Туменовой", "PER", {"normal": "Бахыт Туменова"}),
    ("001", "Б. Туменовой", "PER", {"normal": "Бахыт Туменова"}),
    ("001", "НП «Алга»", "ORG", {"normal": "НП «Алга»"}),
    ("001", "Акиматом", "ORG", {"normal": "Акимат"}),
    ("001", "Акимату г.Алматы", "ORG", {"normal": "Акимат г.Алматы"}),  # a body with its city: one ORG
    ("000", "Молодежной Информационной Службы Казахстана", "ORG",
     {"normal": "Молодежная Информационная Служба Казахстана"}),
    ("000", "2012г.", "DATE", {"date_start": "2012-01-01", "date_precision": "year"}),
]


@pytest.mark.parametrize("doc, surface, kind, expected", MENTION_CASES)
def test_brief_cases_are_annotated(doc, surface, kind, expected):
    assert_mention_annotated(doc, surface, kind, expected)


@pytest.mark.parametrize("doc, not_a_mention", [
    ("001", "в Жанаозене"),                  # prepositions stay outside spans
    ("001", "в течение почти шести лет"),    # an ordinary duration is not a TERM
    ("001", "Жанаозене и Шетпе"),            # coordinated places are two spans
])
def test_boundaries_exclude(doc, not_a_mention):
    assert_not_a_mention(doc, not_a_mention)


def test_tumenova_fine_matches_the_spec_example():
    fines = [e for e in gold("001")["events"] if e["type"] == "fine" and e["persons"] == ["Бахыт Туменова"]]
    assert len(fines) == 1
    fine = fines[0]
    assert (fine["date_start"], fine["place"], fine["amount_min"], fine["currency"]) == (
        "2012-05-31", "Алматы", 80900, "KZT")


def test_detention_and_custody_share_one_sentence():
    events = gold("001")["events"]
    first_rally = [e for e in events if e["date_start"] == "2012-01-28" and e["type"] in ("detention", "custody")]
    assert sorted(e["type"] for e in first_rally) == ["custody", "detention"]
    assert all(e["count_min"] == 3 for e in first_rally)


def test_zhanaozen_shooting_is_one_violence_event():
    shootings = [e for e in gold("001")["events"] if e["type"] == "violence" and e["place"] == "Жанаозен"]
    assert len(shootings) == 1 and len(shootings[0]["also"]) == 2
    assert shootings[0]["date_start"] == "2011-12-16"


def test_negated_detention_is_kept():
    negated = [e for e in gold("001")["events"] if e["negated"]]
    assert [(e["type"], e["trigger"]) for e in negated] == [("detention", "задерживать")]


@pytest.mark.parametrize("snippet, occurrence", [
    ("Алматы", None),      # four times: needs an index
    ("Алматы", 5),         # there is no fifth
    ("Алмата", None),      # not in the text
    ("суд", 9),            # 'суда' and 'судом' are other words
])
def test_locate_refuses_to_guess(snippet, occurrence):
    text = SAMPLES.text_path("001_35f99063bebc0d6e").read_text(encoding="utf-8")
    with pytest.raises(build_gold.GoldError):
        build_gold.locate(text, snippet, occurrence, "test")


def test_locate_spans_line_breaks():
    text = SAMPLES.text_path("001_35f99063bebc0d6e").read_text(encoding="utf-8")
    start, end = build_gold.locate(text, "Канат Ибрагимов", None, "test")
    assert text[start:end] == "Канат \nИбрагимов"
