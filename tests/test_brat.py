"""brat round trip: standoff out, corrected standoff back in as gold."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.gold.records import AnnotatedDocument
from pipeline.gold.roundtrip import load_output
from pipeline.gold.brat import (
    ann,
    annotation_conf,
    document_from_ann,
    write_brat,
    fragments,
    read_brat,
)
from pipeline.gold.spec_json import read_spec_json
from pipeline.cli import main
from pipeline.errors import GoldError

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def crlf_doc(pipeline_out) -> AnnotatedDocument:
    """The CRLF + emoji statement's annotations moved onto its raw text (CRLF kept)."""
    from test_labelstudio import raw_document

    return raw_document(pipeline_out, "crlf_emoji")


FRAGMENT_CASES = [
    ("Канат \nИбрагимов", 0, 16, [(0, 6), (7, 16)]),
    ("Канат\r\nИбрагимов", 0, 16, [(0, 5), (7, 16)]),
    ("Бахыт Туменова", 0, 14, [(0, 14)]),
    ("на\t15 суток", 0, 11, [(0, 2), (3, 11)]),
]


@pytest.mark.parametrize("text, start, end, expected", FRAGMENT_CASES)
def test_spans_split_at_line_breaks(text, start, end, expected):
    assert fragments(text, start, end) == expected


def test_round_trip_through_the_cli_gives_back_every_mention_and_event(pipeline_out, tmp_path):
    runner = CliRunner()
    exported = runner.invoke(main, ["export", str(pipeline_out), "--format", "brat", "-o", str(tmp_path / "brat")])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "brat" / "annotation.conf").exists() and (tmp_path / "brat" / "visual.conf").exists()
    imported = runner.invoke(main, ["import", str(tmp_path / "brat"), "--format", "brat", "-o", str(tmp_path / "gold")])
    assert imported.exit_code == 0, imported.output
    sent = load_output(pipeline_out)
    back = {d.doc_id: d for p in (tmp_path / "gold").glob("*.json") for d in read_spec_json(p)}
    assert sorted(back) == sorted(d.doc_id for d in sent)
    for doc in sent:
        assert (back[doc.doc_id].text, back[doc.doc_id].mentions, back[doc.doc_id].events) == \
               (doc.text, doc.mentions, doc.events)


def test_txt_is_written_byte_for_byte_and_spans_read_their_text(crlf_doc, tmp_path):
    write_brat([crlf_doc], tmp_path)
    assert (tmp_path / "crlf_emoji.txt").read_bytes() == crlf_doc.text.encode("utf-8")
    for line in (tmp_path / "crlf_emoji.ann").read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            _, label_offsets, said = line.split("\t")
            pieces = [tuple(map(int, p.split())) for p in label_offsets.split(" ", 1)[1].split(";")]
            # brat counts code points: the emoji before a span is one character.
            assert " ".join(crlf_doc.text[s:e] for s, e in pieces) == said
    [back] = read_brat(tmp_path)
    assert (back.text, back.mentions, back.events) == (crlf_doc.text, crlf_doc.mentions, crlf_doc.events)


def test_events_are_brat_events_with_roles(crlf_doc):
    # Give the fine a second person, so the repeated role is numbered as brat wants.
    fine_event = next(e for e in crlf_doc.events if e.type == "fine")
    persons = [m for m in crlf_doc.mentions if m.type == "PER"]
    extra = next(m for m in persons if ("person", m.start, m.end) not in fine_event.arguments)
    two = replace(fine_event, arguments=(*fine_event.arguments, ("person", extra.start, extra.end)))
    doc = replace(crlf_doc, events=tuple(two if e is fine_event else e for e in crlf_doc.events))
    lines = ann(doc).splitlines()
    fine = next(line for line in lines if line.startswith("E") and "\tfine:" in line)
    roles = sorted(arg.split(":")[0] for arg in fine.split("\t")[1].split()[1:])
    assert roles == ["Amount", "Person", "Person2"]
    assert "[events]" in annotation_conf() and "Negated\tArg:<EVENT>" in annotation_conf()


def test_negation_travels_as_a_brat_attribute(crlf_doc):
    detention = next(e for e in crlf_doc.events if e.type == "detention")
    negated = replace(detention, values=detention.values | {"negated": True})
    doc = replace(crlf_doc, events=tuple(negated if e is detention else e for e in crlf_doc.events))
    text = ann(doc)
    assert "\tNegated E" in text
    back = document_from_ann(doc.doc_id, doc.text, text)
    assert next(e for e in back.events if e.type == "detention").values["negated"] is True
    assert back.events == doc.canonical().events


def test_a_hand_edited_ann_is_read(crlf_doc):
    text = crlf_doc.text
    start = text.index("Канат Ибрагимов")
    trigger = text.index("осуждён")
    term = text.index("15 суток")
    hand = (f"T1\tPER {start} {start + 15}\tКанат Ибрагимов\n"
            f"#1\tAnnotatorNotes T1\tnormal=Канат Ибрагимов\n"
            f"T2\tTERM {term} {term + 8}\t15 суток\n"
            f"T3\tcustody {trigger} {trigger + 7}\tосуждён\n"
            f"E1\tcustody:T3 Person:T1 Term:T2\n"
            f"#2\tAnnotatorNotes E1\tterm_min=15 | term_max=15 | term_unit=day | persons=Канат Ибрагимов\n")
    doc = document_from_ann("crlf_emoji", text, hand)
    assert [(m.type, m.text) for m in doc.mentions] == [("PER", "Канат Ибрагимов"), ("TERM", "15 суток")]
    [event] = doc.events
    assert event.values == {"term_min": 15, "term_max": 15, "term_unit": "day", "persons": ["Канат Ибрагимов"]}
    assert event.arguments == (("person", start, start + 15), ("term", term, term + 8))


@pytest.mark.parametrize("line, message", [
    ("T1\tPER 0 9\tТуменова", r"crlf_emoji.*reads 'Заявление' but the annotation says 'Туменова'"),
    ("T1\tPER 0 9999\tТуменова", r"outside the text"),
    ("T1\tFOO 0 9\tЗаявление", r"'FOO'"),
    ("T1\tPER 0 9\tЗаявление\n#1\tAnnotatorNotes T1\tсумма=5", r"field=value"),
])
def test_bad_annotations_are_clear_errors(crlf_doc, line, message):
    with pytest.raises(GoldError, match=message):
        document_from_ann("crlf_emoji", crlf_doc.text, line + "\n")


def test_import_does_not_overwrite_gold_without_force(crlf_doc, tmp_path):
    write_brat([crlf_doc], tmp_path / "brat")
    args = ["import", str(tmp_path / "brat"), "--format", "brat", "-o", str(tmp_path / "gold")]
    assert CliRunner().invoke(main, args).exit_code == 0
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 1 and "already exist" in refused.output and "--force" in refused.output
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0


@pytest.mark.parametrize("fmt, source", [("brat", ""), ("labelstudio", "tasks.json")])
def test_totals_keep_their_aggregate_mark_through_the_round_trip(sample_out, tmp_path, fmt, source):
    """`aggregate` (a total over happenings told one by one) goes out to the tool and
    comes back into the gold JSON, as every other event field does."""
    import json

    sent = {(d.doc_id, e.start, e.end, e.type): e.values["aggregate"]
            for d in load_output(sample_out) for e in d.events}
    assert True in sent.values() and False in sent.values()
    runner = CliRunner()
    assert runner.invoke(main, ["export", str(sample_out), "--format", fmt, "-o", str(tmp_path / fmt)]).exit_code == 0
    imported = runner.invoke(main, ["import", str(tmp_path / fmt / source), "--format", fmt,
                                    "-o", str(tmp_path / "gold")])
    assert imported.exit_code == 0, imported.output
    back = {}
    for path in (tmp_path / "gold").glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        back |= {(record["doc_id"], e["start"], e["end"], e["type"]): e["aggregate"] for e in record["events"]}
    assert back == sent
