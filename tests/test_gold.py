"""The hand annotations in data/annotated/ follow the SPEC gold format.

Every span must point at its own text in the raw document, every value must be
well formed, and the JSON must be what scripts/build_gold.py makes from the
snippet sources (so nobody edits offsets by hand).
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.util
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "data" / "annotated"
RAW_DIR = ROOT / "data" / "raw"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

_spec = importlib.util.spec_from_file_location("build_gold", ROOT / "scripts" / "build_gold.py")
build_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_gold)

VALUE_FIELDS = {
    "DATE": {"date_start", "date_end", "date_precision"},
    "MONEY": {"amount_min", "amount_max", "currency"},
    "TERM": {"term_min", "term_max", "term_unit"},
    "COUNT": {"count_min", "count_max"},
}
ALL_VALUE_FIELDS = set().union(*VALUE_FIELDS.values()) | {"approx"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold(doc_prefix: str) -> dict:
    (path,) = [p for p in GOLD_FILES if p.name.startswith(doc_prefix)]
    return load(path)


def iso(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def check_date(item: dict) -> None:
    start, end = iso(item["date_start"]), iso(item["date_end"])
    precision = item["date_precision"]
    assert precision in build_gold.PRECISIONS
    assert start <= end
    if precision == "day":
        assert start == end
    elif precision == "month":
        assert start.day == 1 and (start.year, start.month) == (end.year, end.month)
        assert (end + dt.timedelta(days=1)).day == 1
    else:
        assert (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        assert start.year == end.year


def check_range(item: dict, low: str, high: str) -> None:
    if item.get(low) is not None or item.get(high) is not None:
        assert item[low] is not None and item[high] is not None
        assert item[low] <= item[high]


def test_there_is_gold_for_every_sample():
    raw_ids = {p.stem for p in RAW_DIR.glob("*.txt")}
    assert raw_ids and raw_ids <= {p.stem for p in GOLD_FILES}


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
        allowed = VALUE_FIELDS.get(kind, set())
        present = set(mention) & ALL_VALUE_FIELDS
        assert present - {"approx"} == allowed, mention
        if kind == "DATE":
            check_date(mention)
        if kind == "MONEY":
            assert re.fullmatch(r"[A-Z]{3}", mention["currency"])
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
def test_events_are_valid(path):
    document = load(path)
    text = document["text"]
    people = {m["normal"] for m in document["mentions"] if m["type"] == "PER"}
    places = {m["normal"] for m in document["mentions"] if m["type"] == "LOC"}
    assert document["events"]
    for event in document["events"]:
        assert event["type"] in build_gold.EVENT_TYPES
        assert text[event["start"]:event["end"]] == event["trigger"]
        spans = [(event["start"], event["end"])] + [tuple(span) for span in event.get("also", [])]
        assert len(set(spans)) == len(spans), event
        for start, end in spans:
            assert 0 <= start < end <= len(text)
        if event.get("date_start") is not None:
            check_date(event)
        else:
            assert event.get("date_end") is None and event.get("date_precision") is None
        assert event.get("place") is None or event["place"] in places
        assert set(event.get("persons", [])) <= people
        assert set(event.get("actors", [])) <= set(build_gold.ACTORS)
        assert isinstance(event.get("negated", False), bool)
        for low, high in (("count_min", "count_max"), ("amount_min", "amount_max"),
                          ("term_min", "term_max")):
            check_range(event, low, high)
        if event.get("amount_min") is not None:
            assert re.fullmatch(r"[A-Z]{3}", event["currency"])
        if event.get("term_min") is not None:
            assert event["term_unit"] in build_gold.TERM_UNITS


def test_gold_json_is_built_from_the_snippet_sources():
    assert build_gold.main(["--check"]) == 0


def test_build_gold_doctests():
    assert doctest.testmod(build_gold).failed == 0


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
    ("000", "Молодежной Информационной Службы Казахстана", "ORG",
     {"normal": "Молодежная Информационная Служба Казахстана"}),
    ("000", "2012г.", "DATE", {"date_start": "2012-01-01", "date_precision": "year"}),
]


@pytest.mark.parametrize("doc, surface, kind, expected", MENTION_CASES)
def test_brief_cases_are_annotated(doc, surface, kind, expected):
    found = [m for m in gold(doc)["mentions"] if m["text"] == surface]
    assert found, surface
    for mention in found:
        assert mention["type"] == kind
        assert {k: mention.get(k) for k in expected} == expected


@pytest.mark.parametrize("doc, not_a_mention", [
    ("001", "в Жанаозене"),                  # prepositions stay outside spans
    ("001", "в течение почти шести лет"),    # an ordinary duration is not a TERM
    ("001", "Жанаозене и Шетпе"),            # coordinated places are two spans
    ("001", "Акимату г.Алматы"),             # body and city are split (flat)
])
def test_boundaries_exclude(doc, not_a_mention):
    assert not_a_mention not in {m["text"] for m in gold(doc)["mentions"]}


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
    text = (RAW_DIR / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8")
    with pytest.raises(build_gold.GoldError):
        build_gold.locate(text, snippet, occurrence, "test")


def test_locate_spans_line_breaks():
    text = (RAW_DIR / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8")
    start, end = build_gold.locate(text, "Канат Ибрагимов", None, "test")
    assert text[start:end] == "Канат \nИбрагимов"
