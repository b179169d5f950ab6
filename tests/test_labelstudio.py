"""Label Studio round trip: the pipeline's output out as tasks, back in as gold."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from pipeline.gold.records import AnnotatedDocument, EventAnnotation, MentionAnnotation
from pipeline.gold.roundtrip import load_output
from pipeline.gold.spec_json import read_spec_json, write_spec_json
from pipeline.gold.labelstudio import (
    Utf16Offsets,
    document_from_task,
    write_labelstudio,
    label_config,
    read_labelstudio,
    task,
)
from pipeline.cli import main
from pipeline.errors import GoldError
from pipeline.tables import read_table

REPO = Path(__file__).resolve().parents[1]


def raw_document(out: Path, doc_id: str) -> AnnotatedDocument:
    """The pipeline's annotations moved onto the raw text (CRLF kept) by their raw offsets."""
    with open(out / "texts" / f"{doc_id}.raw.txt", encoding="utf-8", newline="") as f:
        text = f.read()
    rows = read_table(out, "mentions")
    rows = rows[rows.doc_id == doc_id]
    clean = {d.doc_id: d for d in load_output(out)}[doc_id]
    moved = {(int(r.start), int(r.end)): (int(r.raw_start), int(r.raw_end)) for r in rows.itertuples()}
    events = read_table(out, "events")
    events = events[events.doc_id == doc_id]
    moved |= {(int(r.start), int(r.end)): (int(r.raw_start), int(r.raw_end)) for r in events.itertuples()}
    mentions = tuple(replace(m, start=moved[m.start, m.end][0], end=moved[m.start, m.end][1],
                             text=text[slice(*moved[m.start, m.end])]) for m in clean.mentions)
    evs = tuple(EventAnnotation(e.type, *moved[e.start, e.end], text[slice(*moved[e.start, e.end])],
                                e.values, tuple((r, *moved[s, t]) for r, s, t in e.arguments))
                for e in clean.events)
    return AnnotatedDocument(doc_id, text, mentions, evs).canonical()


def js_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) gives: offsets in UTF-16 code units."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


# ---------------------------------------------------------------- offsets

OFFSET_CASES = [
    ("Задержан 🙂 Канат", 11, 12),            # after one emoji: +1 unit
    ("🇰🇿 флаг и 🙂 смайлик", 5, 7),          # a flag is two astral characters
    ("строка\r\nвторая 😀", 16, 17),          # CRLF is two units in both counts
    ("без эмодзи", 4, 4),
]


@pytest.mark.parametrize("text, index, units", OFFSET_CASES)
def test_utf16_offsets_count_astral_characters_twice(text, index, units):
    offsets = Utf16Offsets(text)
    assert offsets.to_utf16(index) == units
    assert offsets.from_utf16(units) == index


def test_an_offset_inside_a_surrogate_pair_is_refused():
    offsets = Utf16Offsets("а🙂б")
    assert offsets.from_utf16(2) is None  # between the two halves of the emoji
    assert offsets.from_utf16(3) == 2


@given(st.text(alphabet=st.sampled_from("абв \r\n🙂🇰😀ё"), max_size=40))
def test_utf16_offsets_agree_with_javascript_lengths(text):
    offsets = Utf16Offsets(text)
    for i in range(len(text) + 1):
        units = len(text[:i].encode("utf-16-le")) // 2
        assert offsets.to_utf16(i) == units
        assert offsets.from_utf16(units) == i


# ---------------------------------------------------------------- export


def test_config_names_every_label_and_role():
    config = label_config()
    for label in ("PER", "LOC", "ORG", "DATE", "MONEY", "TERM", "COUNT", "fine", "detention", "custody"):
        assert f'<Label value="{label}"' in config
    assert 'perRegion="true"' in config and '<Relation value="person"/>' in config


def test_every_region_reads_its_text_in_javascript_offsets(pipeline_out):
    doc = raw_document(pipeline_out, "crlf_emoji")
    assert "\r\n" in doc.text and "🙂" in doc.text
    item = task(doc)
    regions = [r for r in item["predictions"][0]["result"] if r["type"] == "labels"]
    assert len(regions) == len(doc.mentions) + len(doc.events)
    for r in regions:
        assert js_slice(item["data"]["text"], r["value"]["start"], r["value"]["end"]) == r["value"]["text"]
    # The person after the emoji sits one unit later in JavaScript than in Python.
    person = next(m for m in doc.mentions if m.type == "PER")
    region = next(r for r in regions if r["value"]["labels"] == ["PER"])
    assert region["value"]["start"] == person.start + 1


def test_values_and_arguments_go_out(pipeline_out):
    doc = {d.doc_id: d for d in load_output(pipeline_out)}["crlf_emoji"]
    result = task(doc)["predictions"][0]["result"]
    boxes = [r["value"]["text"] for r in result if r["type"] == "textarea"]
    assert ["normal: 80900 KZT", "amount_min: 80900", "amount_max: 80900", "currency: KZT",
            "approx: false"] in boxes
    relations = [r for r in result if r["type"] == "relation"]
    assert len(relations) == sum(len(e.arguments) for e in doc.events) > 0
    assert {r["labels"][0] for r in relations} >= {"person", "amount", "term"}


# ---------------------------------------------------------------- round trips


def test_round_trip_through_the_cli_gives_back_every_mention_and_event(pipeline_out, tmp_path):
    runner = CliRunner()
    exported = runner.invoke(main, ["export", str(pipeline_out), "--format", "labelstudio",
                                    "-o", str(tmp_path / "ls")])
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(main, ["import", str(tmp_path / "ls" / "tasks.json"),
                                    "--format", "labelstudio", "-o", str(tmp_path / "gold")])
    assert imported.exit_code == 0, imported.output
    sent = load_output(pipeline_out)
    back = {d.doc_id: d for p in (tmp_path / "gold").glob("*.json") for d in read_spec_json(p)}
    assert sorted(back) == sorted(d.doc_id for d in sent)
    for doc in sent:
        assert back[doc.doc_id].text == doc.text
        assert back[doc.doc_id].mentions == doc.mentions
        assert back[doc.doc_id].events == doc.events
    assert sum(len(d.mentions) for d in sent) > 100 and sum(len(d.events) for d in sent) > 30


def test_round_trip_keeps_crlf_and_emoji(pipeline_out, tmp_path):
    doc = raw_document(pipeline_out, "crlf_emoji")
    write_labelstudio([doc], tmp_path)
    [back] = read_labelstudio(tmp_path / "tasks.json")
    assert back.text == doc.text and back.text.count("\r\n") == 3
    assert back.mentions == doc.mentions and back.events == doc.events
    write_spec_json([back], tmp_path / "gold")
    [gold] = read_spec_json(tmp_path / "gold" / "crlf_emoji.json")
    assert (gold.text, gold.mentions, gold.events) == (doc.text, doc.mentions, doc.events)


def test_reconcile_reads_the_imported_gold(pipeline_out, tmp_path):
    from pipeline.gold import read_gold

    docs = load_output(pipeline_out)
    write_spec_json(docs, tmp_path)
    gold = {g.doc_id: g for g in read_gold(tmp_path)}
    for doc in docs:
        assert len(gold[doc.doc_id].mentions) == len(doc.mentions)
        assert len(gold[doc.doc_id].events) == len(doc.events)


# ---------------------------------------------------------------- corrections


def _exported(doc: AnnotatedDocument) -> dict:
    item = task(doc)
    item["annotations"] = []
    return item


def test_the_latest_annotation_wins_over_older_ones_and_predictions(pipeline_out):
    doc = {d.doc_id: d for d in load_output(pipeline_out)}["crlf_emoji"]
    item = _exported(doc)
    result = item["predictions"][0]["result"]
    # The annotator drops the COUNT (and its relation) and corrects the fine's amount.
    count = next(r["id"] for r in result if r.get("value", {}).get("labels") == ["COUNT"])
    corrected = [r for r in copy.deepcopy(result)
                 if r.get("id") != count and r.get("to_id") != count]
    fine = next(x["id"] for x in corrected if x.get("value", {}).get("labels") == ["fine"])
    for r in corrected:
        if r.get("id") == fine and r["type"] == "textarea":
            r["value"]["text"] = [line.replace("80900", "80000") for line in r["value"]["text"]]
    item["annotations"] = [
        {"id": 1, "result": [], "created_at": "2024-01-01T10:00:00Z", "was_cancelled": False},
        {"id": 2, "result": corrected, "created_at": "2024-01-02T10:00:00Z", "was_cancelled": False},
        {"id": 3, "result": [], "created_at": "2024-01-03T10:00:00Z", "was_cancelled": True},
    ]
    back = document_from_task(item, "test")
    assert [m.type for m in back.mentions] == [m.type for m in doc.mentions if m.type != "COUNT"]
    back_fine = next(e for e in back.events if e.type == "fine")
    assert back_fine.values["amount_min"] == 80000 and back_fine.values["currency"] == "KZT"
    item["annotations"] = []
    assert document_from_task(item, "test") == doc  # no annotation: the prediction
    item["predictions"] = [7]  # as Label Studio's export lists them: ids only
    assert document_from_task(item, "test") is None


def test_a_span_that_does_not_read_its_text_is_an_error(pipeline_out):
    doc = {d.doc_id: d for d in load_output(pipeline_out)}["crlf_emoji"]
    item = _exported(doc)
    region = next(r for r in item["predictions"][0]["result"] if r["value"].get("labels") == ["PER"])
    region["value"]["start"] += 2
    with pytest.raises(GoldError, match=r"crlf_emoji.*reads .* but the annotation says 'Бахыт Туменову'"):
        document_from_task(item, "test")


def test_an_unknown_field_in_a_value_box_is_an_error():
    doc = AnnotatedDocument("d", "Оштрафован на 5000 тенге.", (
        MentionAnnotation("MONEY", 14, 24, "5000 тенге", {"amount_min": 5000}),))
    item = _exported(doc)
    item["predictions"][0]["result"][1]["value"]["text"] = ["сумма: 5000"]
    with pytest.raises(GoldError, match="field: value"):
        document_from_task(item, "test")


def test_import_does_not_overwrite_gold_without_force(pipeline_out, tmp_path):
    write_labelstudio(load_output(pipeline_out), tmp_path / "ls")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "crlf_emoji.json").write_text('{"doc_id": "crlf_emoji", "text": "hand-made"}', encoding="utf-8")
    args = ["import", str(tmp_path / "ls" / "tasks.json"), "--format", "labelstudio", "-o", str(gold)]
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1 and "--force" in refused.output
    assert json.loads((gold / "crlf_emoji.json").read_text(encoding="utf-8"))["text"] == "hand-made"
    assert sorted(p.name for p in gold.iterdir()) == ["crlf_emoji.json"]  # nothing half-written
    forced = CliRunner().invoke(main, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert json.loads((gold / "crlf_emoji.json").read_text(encoding="utf-8"))["text"].startswith("Заявление")
