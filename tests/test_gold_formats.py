"""Reading hand annotations: SPEC JSON, brat standoff (NEREL mapping), event tables."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipeline.errors import GoldError
from pipeline.gold import NEREL_TYPE_MAP, read_gold

DATA = Path(__file__).parent / "data" / "reconcile"
NEREL = Path(__file__).resolve().parents[2] / "shared" / "data" / "nerel" / "dev"


def test_json_gold_reads_spans_and_values():
    [doc] = read_gold(DATA / "gold" / "almaty_2012.json")
    assert doc.doc_id == "almaty_2012"
    assert [m.type for m in doc.mentions] == ["DATE", "LOC", "PER", "PER", "PER", "MONEY", "PER", "TERM"]
    for m in doc.mentions:  # every span reads its own text
        assert doc.text[m.start:m.end] == m.text
    money = doc.mentions[5]
    assert [money.values[k] for k in ("amount_min", "amount_max", "currency")] == [80900, 80900, "KZT"]
    assert doc.mentions[0].values["date_start"] == "2012-03-24"
    assert doc.mention_types == {"DATE", "LOC", "PER", "MONEY", "TERM"}
    assert doc.has_events
    detention = doc.events[0]
    assert detention.type == "detention"
    assert detention.values["persons"] == ["Бахыт Туменов", "Ерлан Калиев"]
    assert doc.text[detention.start:detention.end] == "задер-\nжала"


def test_json_folder_is_read_whole(tmp_path):
    for name, doc_id in (("a.json", "первый"), ("b.json", "второй")):
        (tmp_path / name).write_text(json.dumps({"doc_id": doc_id, "text": "Трое задержаны.",
                                                 "mentions": [{"type": "COUNT", "start": 0, "end": 4}]}),
                                     encoding="utf-8")
    docs = read_gold(tmp_path)
    assert sorted(d.doc_id for d in docs) == ["второй", "первый"]
    assert all(d.mentions[0].text == "Трое" and not d.has_events for d in docs)


def test_brat_uses_nerel_mapping_and_discontinuous_spans():
    [doc] = read_gold(DATA / "brat" / "wiki_almaty.ann")
    found = [(m.type, m.text) for m in doc.mentions]
    assert found == [
        ("LOC", "Алматы"),
        ("PER", "Ахметжан Есимов"),
        ("ORG", "акимата Алматы"),
        ("LOC", "Алматы"),
        ("LOC", "Казахстане"),
        ("DATE", "5 и 6 мая"),  # `5 мая` in two pieces: the span covers both
        ("MONEY", "100 долларов"),
    ]
    assert doc.mention_types == set(NEREL_TYPE_MAP.values())
    assert not doc.has_events


def test_brat_with_own_type_map_keeps_only_mapped_types():
    [doc] = read_gold(DATA / "brat" / "wiki_almaty.ann", type_map={"PERSON": "PER"})
    assert [m.text for m in doc.mentions] == ["Ахметжан Есимов"]
    assert doc.mention_types == {"PER"}


def _events_xlsx(path: Path) -> Path:
    with open(DATA / "events.csv", encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    book = Workbook()
    for row in table:
        # Numbers as numbers, as a spreadsheet holds them.
        book.active.append([float(c) if c.replace(".", "").isdigit() else (c or None) for c in row])
    book.save(path)
    return path


@pytest.mark.parametrize("make", [lambda tmp: DATA / "events.csv", lambda tmp: _events_xlsx(tmp / "events.xlsx")],
                         ids=["csv", "xlsx"])
def test_event_table_gold(tmp_path, make):
    [doc] = read_gold(make(tmp_path))
    assert doc.doc_id == "almaty_2012" and doc.text is None and doc.has_events
    assert not doc.mention_types
    detention, fine, custody = doc.events
    assert detention.values["persons"] == ["Бахыт Туменов", "Ерлан Калиев"]
    assert detention.values["negated"] is False and detention.start is None
    assert (fine.values["amount_min"], fine.values["currency"]) == (80900, "KZT")
    assert (custody.values["term_min"], custody.values["term_unit"]) == (15, "day")


@pytest.mark.parametrize("name, words", [
    ("broken.json", ["broken.json", "line 3"]),
    ("span_mismatch.json", ["span_mismatch.json", "Бахыт", "0-5"]),
    ("shifted.ann", ["shifted.ann", "line 2"]),
    ("bad_date.csv", ["bad_date.csv", "line 3", "31 мая"]),
    ("no_type.csv", ["no_type.csv", "type"]),
])
def test_unreadable_gold_names_the_file(name, words):
    with pytest.raises(GoldError) as caught:
        read_gold(DATA / "bad" / name)
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize("record, words", [
    ({"doc_id": "x", "text": "Трое задержаны.", "mentions": [{"type": "CROWD", "start": 0, "end": 4}]}, ["CROWD"]),
    ({"doc_id": "x", "text": "Трое задержаны.", "mentions": [{"type": "COUNT", "start": 0, "end": 40}]}, ["past the text"]),
    ({"doc_id": "x", "text": "Трое задержаны.", "events": [{"type": "arrest"}]}, ["arrest"]),
    ({"doc_id": "x", "events": [{"type": "fine", "date_start": "31.05.2012"}]}, ["date_start", "31.05.2012"]),
    ({"doc_id": "x", "events": [{"type": "fine", "start": 5}]}, ["start < end"]),
])
def test_invalid_json_records(tmp_path, record, words):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        read_gold(path)
    assert "gold.json" in str(caught.value)
    for word in words:
        assert word in str(caught.value)


def test_duplicate_doc_id_in_a_folder(tmp_path):
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text('{"doc_id": "same", "events": []}', encoding="utf-8")
    with pytest.raises(GoldError, match="same"):
        read_gold(tmp_path)


def test_missing_and_empty_gold(tmp_path):
    with pytest.raises(GoldError, match="no such"):
        read_gold(tmp_path / "nothing")
    with pytest.raises(GoldError, match="no gold files"):
        read_gold(tmp_path)


@pytest.mark.skipif(not NEREL.is_dir(), reason="NEREL is not on this machine")
def test_every_nerel_dev_document_reads():
    docs = read_gold(NEREL)
    assert len(docs) > 50
    persons = sum(m.type == "PER" for d in docs for m in d.mentions)
    assert persons > 500
    for doc in docs:
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_an_event_table_written_reads_back_the_same(tmp_path):
    from pipeline.gold.event_table import read_event_table, write_event_table

    docs = read_gold(DATA / "events.csv")
    write_event_table(docs, tmp_path / "events.csv")
    back = read_event_table(tmp_path / "events.csv")
    assert [d.doc_id for d in back] == [d.doc_id for d in docs]
    assert [d.events for d in back] == [d.canonical().events for d in docs]


def test_the_pipelines_own_events_table_is_gold(sample_out):
    """The output's events.csv is an event table: reconcile can read it as gold."""
    docs = read_gold(sample_out / "events.csv")
    assert len(docs) == 4 and all(d.events and d.text is None for d in docs)
    assert any(e.values.get("aggregate") for d in docs for e in d.events)
