"""Every gold set (data/annotated, data/dev, data/heldout) is valid SPEC gold.

The format checks shared by all hand-annotated sets, parametrised by set and
document: every span points at its own text in the raw statement, every value
is well formed, and the JSON is what scripts/build_gold.py makes from the
snippet sources (so nobody edits offsets by hand). The hand-checked phrases of
each set stay in its own module (test_gold.py, test_dev_gold.py,
test_heldout_gold.py), which import the helpers below.
"""

from __future__ import annotations

import datetime as dt
import doctest
import importlib.util
import json
import re
import shutil
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent


def _load_builder():
    """scripts/build_gold.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "scripts" / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


build_gold = _load_builder()
GOLD_SETS = build_gold.GOLD_SETS

VALUE_FIELDS = {
    "DATE": {"date_start", "date_end", "date_precision"},
    "MONEY": {"amount_min", "amount_max", "currency"},
    "TERM": {"term_min", "term_max", "term_unit"},
    "COUNT": {"count_min", "count_max"},
}
ALL_VALUE_FIELDS = set().union(*VALUE_FIELDS.values()) | {"approx"}
EVENT_KEYS = {"type", "start", "end", "trigger", "also", *build_gold.EVENT_FIELDS}
# ISO 4217 codes plus the units of account data/annotated/README.md names
# (МРП -> MRP, МРОТ -> MROT, базовая величина -> BV, расчетный показатель -> RP).
CURRENCY = re.compile(r"[A-Z]{3}|MROT|BV|RP")
# A span never opens with a preposition or a city/street marker (`в Жанаозене`,
# `г.Алматы`, `ул. Каховской`) ...
LEADING_PREPOSITION = re.compile(r"(?i)(в|во|на|по|к|из|от|у|о|об|с|со|г\.|ул\.)\s")
# ... except a value range keeping its own prepositions (`от 10 до 18 суток`, `С 3 по 5 марта`).
RANGE_OPENING = re.compile(r"(?i)(от|с)\s.+?\s(до|по)\s")


def gold_files(gold_set) -> list[Path]:
    """The gold JSON files of one set, by doc_id."""
    return sorted((ROOT / gold_set.outputs).glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold(doc_prefix: str) -> dict:
    """The one gold document, in any set, whose doc_id starts with the prefix."""
    (path,) = [p for gold_set in GOLD_SETS for p in gold_files(gold_set) if p.name.startswith(doc_prefix)]
    return load(path)


def assert_mention_annotated(doc: str, surface: str, kind: str, expected: dict) -> None:
    """Every mention of ``surface`` in the document has the type and values a case table gives."""
    found = [m for m in gold(doc)["mentions"] if m["text"] == surface]
    assert found, surface
    for mention in found:
        assert mention["type"] == kind
        assert {k: mention.get(k) for k in expected} == expected


def assert_not_a_mention(doc: str, text: str) -> None:
    """No mention of the document spans exactly ``text`` (a boundary the guidelines exclude)."""
    assert text not in {m["text"] for m in gold(doc)["mentions"]}


def iso(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def check_date(item: dict) -> None:
    """ISO dates, start <= end, and the span the precision promises.

    Day precision is one day or a day range (`с 3 по 5 марта`: start < end);
    month and year precision span exactly their month or year.
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
    """Both ends, one end (a bound: ``до 30 суток`` has no minimum, and is approximate), or
    neither; min <= max."""
    if item.get(low) is not None and item.get(high) is not None:
        assert item[low] <= item[high], item
    elif item.get(low) is not None or item.get(high) is not None:
        assert item.get("approx", True), item


def _set_id(gold_set) -> str:
    return gold_set.folder.removeprefix("data/")


SETS = pytest.mark.parametrize("gold_set", GOLD_SETS, ids=_set_id)
DOCUMENTS = pytest.mark.parametrize(
    "gold_set, path",
    [(gold_set, path) for gold_set in GOLD_SETS for path in gold_files(gold_set)],
    ids=lambda value: value.stem if isinstance(value, Path) else _set_id(value),
)


@SETS
def test_every_statement_has_a_source_and_gold(gold_set):
    text_ids = {p.stem for p in (ROOT / gold_set.texts).glob("*.txt")}
    source_ids = {p.stem for p in gold_set.source_files()}
    gold_ids = {p.stem for p in gold_files(gold_set)}
    assert text_ids and text_ids == source_ids == gold_ids


@DOCUMENTS
def test_statement_is_utf8_russian(gold_set, path):
    text = gold_set.text_path(path.stem).read_bytes().decode("utf-8")
    cyrillic = sum(1 for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ")
    assert cyrillic > 0.6 * len(text)


@DOCUMENTS
def test_document_text_is_the_raw_file(gold_set, path):
    document = load(path)
    assert set(document) == {"doc_id", "text", "mentions", "events"}
    assert document["doc_id"] == path.stem
    assert document["text"] == gold_set.text_path(path.stem).read_bytes().decode("utf-8")


@DOCUMENTS
def test_mentions_are_valid_spans_with_typed_values(gold_set, path):
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
            assert all(isinstance(mention[k], int) for k in ("count_min", "count_max") if mention[k] is not None)
            check_range(mention, "count_min", "count_max")
        if "approx" in mention:
            assert isinstance(mention["approx"], bool)


@DOCUMENTS
def test_value_normals_agree_with_the_values(gold_set, path):
    """A hand-written `normal` never contradicts the typed values (`2021-03-03/2021-03-05`, `50 MRP`)."""
    for mention in load(path)["mentions"]:
        if mention["type"] in VALUE_FIELDS:
            assert mention["normal"] == build_gold.value_normal(mention["type"], mention), mention


@DOCUMENTS
def test_mentions_are_flat_and_sorted(gold_set, path):
    mentions = load(path)["mentions"]
    for left, right in pairwise(mentions):
        assert left["end"] <= right["start"], (left["text"], right["text"])


@DOCUMENTS
def test_mention_boundaries_follow_the_guidelines(gold_set, path):
    """No leading preposition or city/street marker but a value range's own (`от 10 до 20`,
    `С 3 по 5 марта`); no trailing punctuation but an abbreviation's dot."""
    for mention in load(path)["mentions"]:
        surface = mention["text"]
        if LEADING_PREPOSITION.match(surface):
            assert mention["type"] in VALUE_FIELDS and RANGE_OPENING.match(surface), surface
        if surface[-1] in ".,;:":
            assert re.search(r"(г|г\.р|руб|[А-ЯA-Z])\.$", surface), surface


def named_in_body(place: str, bodies: list[str]) -> bool:
    """Whether a place is named inside a body's name (``Первомайский район`` in ``прокуратура
    Первомайского района``): flat gold folds the city a body serves into its ORG, and the
    events still take that city as their place. Each word's first four letters must be in
    one ORG's text.

    >>> named_in_body("Первомайский район", ["прокуратура Первомайского района"]), named_in_body("Омск", ["мэрия"])
    (True, False)
    """
    words = [w[:4].lower() for w in place.split()]
    return any(all(w in body.lower() for w in words) for body in bodies)


@DOCUMENTS
def test_events_are_valid(gold_set, path):
    document = load(path)
    text = document["text"]
    people = {m["normal"] for m in document["mentions"] if m["type"] == "PER"}
    places = {m["normal"] for m in document["mentions"] if m["type"] == "LOC"}
    bodies = [m["text"] for m in document["mentions"] if m["type"] == "ORG"]
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
        assert event["place"] is None or event["place"] in places or named_in_body(event["place"], bodies), event
        assert set(event["persons"]) <= people, event
        assert set(event["actors"]) <= set(build_gold.ACTORS), event
        assert isinstance(event["negated"], bool)
        assert event.get("aggregate", True) is True
        for low, high in (("count_min", "count_max"), ("amount_min", "amount_max"),
                          ("term_min", "term_max")):
            check_range(event, low, high)
        if event["amount_min"] is not None or event["amount_max"] is not None:
            assert CURRENCY.fullmatch(event["currency"]), event
        if event["term_min"] is not None or event["term_max"] is not None:
            assert event["term_unit"] in build_gold.TERM_UNITS


@SETS
def test_gold_json_is_built_from_the_snippet_sources(gold_set):
    assert build_gold.stale_outputs(gold_set) == []


def test_builder_doctests():
    assert doctest.testmod(build_gold).failed == 0


def test_check_notices_missing_and_edited_gold(tmp_path):
    """--check is what keeps the JSON honest, so it must see a hand edit and a missing file."""
    dev = build_gold.find_set("data/dev")
    copy = build_gold.GoldSet("copy", dev.sources, dev.texts, str(tmp_path))
    for path in gold_files(dev):
        shutil.copy(path, tmp_path / path.name)
    assert build_gold.stale_outputs(copy) == []
    edited, removed = sorted(tmp_path.glob("*.json"))[:2]
    shifted = re.sub(r'"start": (\d+)', lambda m: f'"start": {int(m[1]) + 1}', edited.read_text(encoding="utf-8"), count=1)
    edited.write_text(shifted, encoding="utf-8")
    removed.unlink()
    assert build_gold.stale_outputs(copy) == [edited, removed]


@pytest.mark.parametrize("folder", ["data/dev", "data/dev/", str(ROOT / "data" / "heldout")])
def test_sets_are_named_by_their_folder(folder):
    assert build_gold.find_set(folder).folder == folder.rstrip("/").removeprefix(str(ROOT) + "/")


def test_an_unknown_set_is_refused():
    with pytest.raises(SystemExit):
        build_gold.main(["data/raw", "--check"])


def test_a_day_range_becomes_one_date_mention_and_dates_its_event():
    text = "Пикеты проходили с 3 по 5 марта 2021 года у памятника; задержаны 12 человек."
    mention = build_gold.build_mention(
        text, {"type": "DATE", "text": "3 по 5 марта 2021 года", "date": ["2021-03-03", "2021-03-05"]}, "test")
    assert mention["text"] == "3 по 5 марта 2021 года"
    assert (mention["normal"], mention["date_start"], mention["date_end"], mention["date_precision"]) == (
        "2021-03-03/2021-03-05", "2021-03-03", "2021-03-05", "day")
    event = build_gold.build_event(
        text, {"type": "detention", "trigger": "задержаны", "date": ["2021-03-03", "2021-03-05"], "count": 12}, "test")
    assert (event["date_start"], event["date_end"], event["date_precision"], event["count_min"]) == (
        "2021-03-03", "2021-03-05", "day", 12)


@pytest.mark.parametrize("bad_range", [
    ["2021-03-05", "2021-03-03"],                 # runs backwards
    ["2021-03", "2021-04-02"],                    # a month is not a day
    ["2021-03-03", "2021"],                       # nor is a year
    ["2021-03-03", "2021-03-04", "2021-03-05"],   # a range has two ends
])
def test_a_day_range_must_be_two_days_running_forwards(bad_range):
    with pytest.raises(build_gold.GoldError):
        build_gold.expand_date(bad_range)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
       st.integers(min_value=0, max_value=60))
def test_a_day_range_keeps_its_ends(first, length):
    last = first + dt.timedelta(days=length)
    fields = build_gold.expand_date([first.isoformat(), last.isoformat()])
    assert (fields["date_start"], fields["date_end"]) == (first.isoformat(), last.isoformat())
    assert fields["date_precision"] == "day"
    check_date(fields)
    if length:
        with pytest.raises(build_gold.GoldError):
            build_gold.expand_date([last.isoformat(), first.isoformat()])
