"""The held-out gold in data/heldout/ is well formed.

Three constructed statements (data/heldout/raw/*.txt) annotated by the
data/annotated/README.md guidelines. Nobody tunes on them; this file only checks
that every span points at its own text, every value is well formed, and the JSON
is what data/heldout/build_heldout_gold.py makes from the snippet sources.
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "data" / "heldout"
RAW_DIR = HELDOUT / "raw"
GOLD_DIR = HELDOUT / "annotated"
RAW_FILES = sorted(RAW_DIR.glob("*.txt"))
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

_spec = importlib.util.spec_from_file_location("build_heldout_gold", HELDOUT / "build_heldout_gold.py")
build_heldout_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_heldout_gold)
build_gold = build_heldout_gold.build_gold  # the taxonomy and vocabularies live there

VALUE_FIELDS = {
    "DATE": {"date_start", "date_end", "date_precision"},
    "MONEY": {"amount_min", "amount_max", "currency"},
    "TERM": {"term_min", "term_max", "term_unit"},
    "COUNT": {"count_min", "count_max"},
}
ALL_VALUE_FIELDS = set().union(*VALUE_FIELDS.values()) | {"approx"}
EVENT_KEYS = {"type", "start", "end", "trigger", "also", *build_gold.EVENT_FIELDS}
# ISO 4217, plus the fine units the guidelines name (МРП -> MRP) and the Belarusian
# base value (базовая величина -> BV).
CURRENCY = re.compile(r"[A-Z]{3}|MRP|BV")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def iso(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def check_date(item: dict) -> None:
    """ISO dates, start <= end, and the span the precision promises.

    A day-precision item may span several days (``с 3 по 5 марта``).
    """
    start, end = iso(item["date_start"]), iso(item["date_end"])
    precision = item["date_precision"]
    assert precision in build_gold.PRECISIONS, item
    assert start <= end, item
    if precision == "month":
        assert start.day == 1 and (start.year, start.month) == (end.year, end.month), item
        assert (end + dt.timedelta(days=1)).day == 1, item
    elif precision == "year":
        assert (start.month, start.day, end.month, end.day) == (1, 1, 12, 31), item
        assert start.year == end.year, item


def check_range(item: dict, low: str, high: str) -> None:
    if item.get(low) is not None or item.get(high) is not None:
        assert item[low] is not None and item[high] is not None, item
        assert item[low] <= item[high], item


def test_every_statement_has_gold_and_every_gold_a_statement():
    assert len(RAW_FILES) == 3
    assert [p.stem for p in RAW_FILES] == [p.stem for p in GOLD_FILES]
    for path in RAW_FILES:
        assert re.fullmatch(r"heldout_\d{2}_[a-z]+", path.stem), path.name


@pytest.mark.parametrize("path", RAW_FILES, ids=lambda p: p.stem)
def test_statement_is_utf8_russian_of_the_asked_length(path):
    text = path.read_bytes().decode("utf-8")
    assert 2000 <= len(text) <= 5000
    cyrillic = sum(1 for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ")
    assert cyrillic > 0.6 * len(text)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_document_text_is_the_raw_file(path):
    document = load(path)
    assert set(document) == {"doc_id", "text", "mentions", "events"}
    assert document["doc_id"] == path.stem
    assert document["text"] == (RAW_DIR / f"{path.stem}.txt").read_bytes().decode("utf-8")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_mentions_are_valid_spans_with_typed_values(path):
    document = load(path)
    text = document["text"]
    assert document["mentions"]
    for mention in document["mentions"]:
        kind = mention["type"]
        assert kind in build_gold.MENTION_TYPES
        assert 0 <= mention["start"] < mention["end"] <= len(text)
        assert text[mention["start"]:mention["end"]] == mention["text"]
        assert mention["text"] == mention["text"].strip()
        assert isinstance(mention["normal"], str) and mention["normal"].strip()
        present = set(mention) & ALL_VALUE_FIELDS
        assert present - {"approx"} == VALUE_FIELDS.get(kind, set()), mention
        if kind == "DATE":
            check_date(mention)
        if kind == "MONEY":
            assert CURRENCY.fullmatch(mention["currency"]), mention
            check_range(mention, "amount_min", "amount_max")
        if kind == "TERM":
            assert mention["term_unit"] in build_gold.TERM_UNITS
            check_range(mention, "term_min", "term_max")
        if kind == "COUNT":
            assert all(isinstance(mention[k], int) for k in ("count_min", "count_max"))
            check_range(mention, "count_min", "count_max")
        if "approx" in mention:
            assert isinstance(mention["approx"], bool)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_mentions_are_flat_and_sorted(path):
    mentions = load(path)["mentions"]
    for left, right in zip(mentions, mentions[1:]):
        assert left["end"] <= right["start"], (left["text"], right["text"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_mention_boundaries_follow_the_guidelines(path):
    """No leading preposition or city/street marker, but a range's own (`от 10 до 20`,
    `С 3 по 5 марта`); no trailing punctuation but an abbreviation's dot."""
    for mention in load(path)["mentions"]:
        surface = mention["text"]
        assert not re.match(r"(?i)(в|во|на|по|к|из|от|у|о|об|с|г\.|ул\.)\s(?!\d)", surface), surface
        if surface[-1] in ".,;:":
            assert re.search(r"(г|г\.р|руб|[А-ЯA-Z])\.$", surface), surface


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_events_are_valid(path):
    document = load(path)
    text = document["text"]
    people = {m["normal"] for m in document["mentions"] if m["type"] == "PER"}
    places = {m["normal"] for m in document["mentions"] if m["type"] == "LOC"}
    assert document["events"]
    for event in document["events"]:
        assert EVENT_KEYS <= set(event) <= EVENT_KEYS | {"aggregate", "note"}, event
        assert event["type"] in build_gold.EVENT_TYPES
        assert text[event["start"]:event["end"]] == event["trigger"]
        spans = [(event["start"], event["end"])] + [tuple(span) for span in event["also"]]
        assert len(set(spans)) == len(spans), event
        for start, end in spans:
            assert 0 <= start < end <= len(text)
        if event["date_start"] is not None:
            check_date(event)
        else:
            assert event["date_end"] is None and event["date_precision"] is None
        assert event["place"] is None or event["place"] in places, event
        assert set(event["persons"]) <= people, event
        assert set(event["actors"]) <= set(build_gold.ACTORS), event
        assert isinstance(event["negated"], bool)
        assert event.get("aggregate", True) is True
        for low, high in (("count_min", "count_max"), ("amount_min", "amount_max"),
                          ("term_min", "term_max")):
            check_range(event, low, high)
        if event["amount_min"] is not None:
            assert CURRENCY.fullmatch(event["currency"]), event
        if event["term_min"] is not None:
            assert event["term_unit"] in build_gold.TERM_UNITS


def test_gold_json_is_built_from_the_snippet_sources():
    assert build_heldout_gold.main(["--check"]) == 0


def test_builder_doctests():
    assert doctest.testmod(build_heldout_gold).failed == 0


def test_the_set_covers_what_it_was_written_to_test():
    """Every event type, a negated event, an aggregate, a date range, a merged retelling."""
    events = [e for path in GOLD_FILES for e in load(path)["events"]]
    assert set(build_gold.EVENT_TYPES) <= {e["type"] for e in events}
    assert sum(e["negated"] for e in events) >= 3
    assert any(e.get("aggregate") for e in events)
    assert any(e["also"] for e in events)
    mentions = [m for path in GOLD_FILES for m in load(path)["mentions"]]
    assert {m["currency"] for m in mentions if m["type"] == "MONEY"} >= {"RUB", "BYN", "KGS"}
    assert any(m["type"] == "DATE" and m["date_precision"] == "day" and m["date_start"] < m["date_end"]
               for m in mentions)


def test_pdf_layout_statement_looks_extracted():
    """Hard line breaks near 90 characters, line-end hyphens, a repeated running header."""
    text = (RAW_DIR / "heldout_02_minsk.txt").read_text(encoding="utf-8")
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


def gold(prefix: str) -> dict:
    (path,) = [p for p in GOLD_FILES if p.name.startswith(prefix)]
    return load(path)


@pytest.mark.parametrize("doc, surface, kind, expected", MENTION_CASES)
def test_written_cases_are_annotated(doc, surface, kind, expected):
    found = [m for m in gold(doc)["mentions"] if m["text"] == surface]
    assert found, surface
    for mention in found:
        assert mention["type"] == kind
        assert {k: mention.get(k) for k in expected} == expected


@pytest.mark.parametrize("doc, not_a_mention", [
    ("heldout_01", "в Воронеже"),              # prepositions stay outside spans
    ("heldout_01", "больше года"),             # a duration is not a DATE
    ("heldout_02", "64 года"),                 # an age is not a TERM
    ("heldout_03", "двое суток"),              # a detention's length is not a custodial term
    ("heldout_03", "около четырех часов"),     # nor is a search's
])
def test_boundaries_exclude(doc, not_a_mention):
    assert not_a_mention not in {m["text"] for m in gold(doc)["mentions"]}


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


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.integers(min_value=0, max_value=60))
def test_date_range_keeps_its_ends(first, length):
    last = first + dt.timedelta(days=length)
    fields = build_heldout_gold.expand_date_range([first.isoformat(), last.isoformat()])
    assert (fields["date_start"], fields["date_end"]) == (first.isoformat(), last.isoformat())
    assert fields["date_precision"] == "day"
    if length:
        with pytest.raises(build_gold.GoldError):
            build_heldout_gold.expand_date_range([last.isoformat(), first.isoformat()])
