"""Hand-checked cases of the held-out gold in data/heldout/.

Three constructed statements (data/heldout/raw/*.txt) annotated by the
data/annotated/README.md guidelines. Nobody tunes on them; the format checks
every gold set shares (valid spans, typed values, JSON up to date with the
snippet sources) are in test_gold_sets.py, and this file only checks what the
set was written to contain.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from test_gold_sets import ROOT, assert_mention_annotated, assert_not_a_mention, build_gold, gold, gold_files, load

HELDOUT = build_gold.find_set("data/heldout")
RAW_FILES = sorted((ROOT / HELDOUT.texts).glob("*.txt"))
GOLD_FILES = gold_files(HELDOUT)


def test_every_statement_has_gold_and_every_gold_a_statement():
    assert len(RAW_FILES) == 3
    assert [p.stem for p in RAW_FILES] == [p.stem for p in GOLD_FILES]
    for path in RAW_FILES:
        assert re.fullmatch(r"heldout_\d{2}_[a-z]+", path.stem), path.name


@pytest.mark.parametrize("path", RAW_FILES, ids=lambda p: p.stem)
def test_statement_is_of_the_asked_length(path):
    assert 2000 <= len(path.read_bytes().decode("utf-8")) <= 5000


def test_the_set_covers_what_it_was_written_to_test():
    """Every event type of its time, a negated event, an aggregate, a date range, a merged retelling."""
    events = [e for path in GOLD_FILES for e in load(path)["events"]]
    # expulsion and compulsory_work joined the taxonomy after the set was written
    written_for = set(build_gold.EVENT_TYPES) - {"expulsion", "compulsory_work"}
    assert written_for <= {e["type"] for e in events}
    assert sum(e["negated"] for e in events) >= 3
    assert any(e.get("aggregate") for e in events)
    assert any(e["also"] for e in events)
    mentions = [m for path in GOLD_FILES for m in load(path)["mentions"]]
    assert {m["currency"] for m in mentions if m["type"] == "MONEY"} >= {"RUB", "BYN", "KGS"}
    assert any(m["type"] == "DATE" and m["date_precision"] == "day" and m["date_start"] < m["date_end"]
               for m in mentions)


def test_pdf_layout_statement_looks_extracted():
    """Hard line breaks near 90 characters, line-end hyphens, a repeated running header."""
    text = HELDOUT.text_path("heldout_02_minsk").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert max(len(line) for line in lines) <= 95
    assert len(re.findall(r"[а-я]-\n[а-я]", text)) >= 3
    repeated = [line for line, n in Counter(lines).items() if n >= 2 and len(line) > 30]
    assert repeated, "no running header"


# Cases the set was written to contain, read back from the gold.
MENTION_CASES = [
    ("heldout_01", "не менее 40 задержанных", "COUNT", {"count_min": 40, "approx": True}),
    ("heldout_01", "около двухсот человек", "COUNT", {"count_min": 200, "approx": True}),
    ("heldout_01", "от 10 до 30 тыс. руб.", "MONEY", {"amount_min": 10000, "amount_max": 30000, "currency": "RUB"}),
    ("heldout_01", "20 тысяч рублей", "MONEY", {"normal": "20000 RUB"}),
    ("heldout_01", "десять суток", "TERM", {"term_min": 10, "term_unit": "day"}),
    ("heldout_01", "прошлом месяце", "DATE", {"date_start": "2021-05-01", "date_precision": "month"}),
    ("heldout_01", "А.С. Колесниковой", "PER", {"normal": "Анна Сергеевна Колесникова"}),
    ("heldout_02", "С 3 по 5 марта", "DATE", {"date_start": "2021-03-03", "date_end": "2021-03-05"}),
    ("heldout_02", "12.06.2021", "DATE", {"date_start": "2021-06-12"}),
    ("heldout_02", "14.06", "DATE", {"date_start": "2021-06-14"}),
    ("heldout_02", "человек тридцать", "COUNT", {"count_min": 30, "approx": True}),
    ("heldout_02", "Дубовик О.", "PER", {"normal": "Ольга Дубовик"}),
    ("heldout_02", "мили-\nции", "ORG", {"normal": "милиция"}),
    ("heldout_02", "до 30 суток", "TERM", {"term_max": 30, "approx": True}),
    ("heldout_03", "более полутора тысяч человек", "COUNT", {"count_min": 1500, "approx": True}),
    ("heldout_03", "2 года колонии общего режима", "TERM", {"term_min": 2, "term_unit": "year"}),
    ("heldout_03", "5000 сомов", "MONEY", {"normal": "5000 KGS"}),
    ("heldout_03", "«7» ноября 2022 г.", "DATE", {"date_start": "2022-11-07"}),
]


@pytest.mark.parametrize("doc, surface, kind, expected", MENTION_CASES)
def test_written_cases_are_annotated(doc, surface, kind, expected):
    assert_mention_annotated(doc, surface, kind, expected)


@pytest.mark.parametrize("doc, not_a_mention", [
    ("heldout_01", "в Воронеже"),              # prepositions stay outside spans
    ("heldout_01", "больше года"),             # a duration is not a DATE
    ("heldout_02", "64 года"),                 # an age is not a TERM
    ("heldout_03", "двое суток"),              # a detention's length is not a custodial term
    ("heldout_03", "около четырех часов"),     # nor is a search's
])
def test_boundaries_exclude(doc, not_a_mention):
    assert_not_a_mention(doc, not_a_mention)


def test_penalties_only_faced_and_laws_are_not_events():
    """'грозит до 5 лет' and the КоАП fine range are mentions, never event triggers or arguments."""
    for doc, surface in [("heldout_01", "до 5 лет лишения свободы"), ("heldout_01", "от 10 до 30 тыс. руб."),
                         ("heldout_02", "до 30 суток"), ("heldout_03", "от 5 до 10 лет лишения свободы")]:
        document = gold(doc)
        (mention,) = [m for m in document["mentions"] if m["text"] == surface]
        sentence_start = document["text"].rfind(".", 0, mention["start"])
        sentence_end = document["text"].find(".", mention["end"])
        for event in document["events"]:
            assert not sentence_start < event["start"] < sentence_end, (surface, event["trigger"])


def test_summary_and_body_are_one_custody_event():
    """The title paragraph's 'двое из них арестованы' and the body's telling merge."""
    custody = [e for e in gold("heldout_01")["events"]
               if e["type"] == "custody" and "Олег Тихонов" in e["persons"]]
    assert len(custody) == 1
    assert custody[0]["count_min"] == 2 and custody[0]["date_start"] == "2021-06-14"
    assert len(custody[0]["also"]) == 2
