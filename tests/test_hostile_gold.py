"""Hostile annotators' files through the real CLI: ``import``, ``export`` and ``reconcile``.

Every broken Label Studio export, SPEC gold JSON or brat file is one clear message
naming the file (and the task, region or line), exit code 1 or 2, no traceback and
no gold file written; an annotator's work is never damaged silently (a BOM, a
fractional offset, an infinite count) nor overwritten without ``--force``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.gold.spec_json import read_spec_json

TEXT = "Бахыт Туменова задержана в Алматы 24 марта."


def invoke(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_clear_refusal(result, *fragments: str) -> None:
    """One message, exit 1 or 2, no traceback, every fragment in it."""
    assert result.exit_code in (1, 2), result.output
    assert isinstance(result.exception, SystemExit), \
        f"a traceback instead of a message: {type(result.exception).__name__}: {result.exception}"
    message = result.output.strip()
    assert message.startswith(("Error:", "Usage:")), message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


# ---------------------------------------------------------------- Label Studio


def task(result, **data) -> str:
    return json.dumps([{"data": {"text": TEXT, "doc_id": "d1", **data},
                        "annotations": [{"id": 1, "result": result}]}], ensure_ascii=False)


def region(**value) -> dict:
    return {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 0, "end": 5, "text": "Бахыт", "labels": ["PER"]} | value}


def values(*lines, region_id="r1") -> dict:
    return {"id": region_id, "from_name": "values", "to_name": "text", "type": "textarea",
            "value": {"start": 0, "end": 5, "text": list(lines)}}


LABEL_STUDIO_CASES = [
    # (case, file content, what the message must say besides the file name)
    ("infinity", task([region()]).replace('"start": 0', '"start": Infinity'), "Infinity"),
    ("nan", task([region()]).replace('"end": 5', '"end": NaN'), "NaN"),
    ("string tasks", json.dumps(["задача", "ещё"]), "task 0"),
    ("string annotations", json.dumps([{"data": {"text": TEXT}, "annotations": ["x"]}]), "annotation"),
    ("annotations an object", json.dumps([{"data": {"text": TEXT}, "annotations": {"a": 1}}]), "annotations"),
    ("string result item", task(["x"]), "result item 0"),
    ("result an object", json.dumps([{"data": {"text": TEXT}, "annotations": [{"result": {"a": 1}}]}]), "result"),
    ("value a list", task([region() | {"value": [0, 5]}]), "value"),
    ("region without id", task([{k: v for k, v in region().items() if k != "id"}]), "id"),
    ("id a list", task([region() | {"id": [1]}]), "id"),
    ("labels a string", task([region(labels="PER")]), "labels"),
    ("numeric textarea", task([region(), values() | {"value": {"text": 5}}]), "text box"),
    ("textarea of objects", task([region(), values({"a": 1})]), "text box"),
    ("relation ids objects", task([region(), {"type": "relation", "from_id": {"a": 1}, "to_id": [1],
                                              "labels": ["person"]}]), "relation"),
    ("null in doc_id", task([], doc_id="d\x001"), "doc_id"),
    ("doc_id an object", task([], doc_id={"a": 1}), "doc_id"),
    ("nested brackets", "[" * 100_000 + "]" * 100_000, "nested"),
    ("nested objects", '{"a":' * 50_000 + "1" + "}" * 50_000, "nested"),
    ("start a flag", task([region(start=True)]), "start"),
    ("huge offset", task([region(end=10**30)]), "sensible size"),
    ("offset past the text", task([region(end=500)]), "outside the text"),
]


@pytest.mark.parametrize("case, content, said", LABEL_STUDIO_CASES, ids=[c[0] for c in LABEL_STUDIO_CASES])
def test_import_of_a_broken_label_studio_export_is_one_message(tmp_path, case, content, said):
    source = tmp_path / "export.json"
    source.write_text(content, encoding="utf-8")
    result = invoke("import", source, "--format", "labelstudio", "-o", tmp_path / "gold")
    assert_clear_refusal(result, "export.json", said)
    assert not list((tmp_path / "gold").glob("*")) if (tmp_path / "gold").exists() else True


def test_label_studio_messages_name_the_task_and_region(tmp_path):
    source = tmp_path / "export.json"
    source.write_text(task([region(), values() | {"value": {"text": 5}}]), encoding="utf-8")
    result = invoke("import", source, "--format", "labelstudio", "-o", tmp_path / "gold")
    assert_clear_refusal(result, f"{source} task 0", "region r1")


@pytest.mark.parametrize("doc_id", ["д" * 120, "д" * 127, "d" * 254, "д" * 400])
def test_import_keeps_a_doc_id_of_any_length(tmp_path, doc_id):
    """A doc_id near or past the file-name limit still makes a gold file that reads back."""
    source = tmp_path / "export.json"
    source.write_text(task([region()], doc_id=doc_id), encoding="utf-8")
    result = invoke("import", source, "--format", "labelstudio", "-o", tmp_path / "gold")
    assert result.exit_code == 0, result.output
    (written,) = (tmp_path / "gold").glob("*.json")
    assert len(written.name.encode("utf-8")) <= 255
    (doc,) = read_spec_json(written)
    assert doc.doc_id == doc_id and [m.text for m in doc.mentions] == ["Бахыт"]
    # importing again refuses (the same file is found), with --force it is replaced
    assert_clear_refusal(invoke("import", source, "--format", "labelstudio", "-o", tmp_path / "gold"), "--force")
    assert invoke("import", source, "--format", "labelstudio", "-o", tmp_path / "gold", "--force").exit_code == 0
    assert list((tmp_path / "gold").iterdir()) == [written]


# ---------------------------------------------------------------- brat

BRAT_CASES = [
    ("E1 alone", "T1\tdetention 15 24\tзадержана\nE1\n", "line 2"),
    ("E1 and a tab", "T1\tdetention 15 24\tзадержана\nE1\t\n", "line 2"),
    ("A1 alone", "T1\tPER 0 14\tБахыт Туменова\nA1\n", "line 2"),
    ("A1 and a tab", "T1\tPER 0 14\tБахыт Туменова\nA1\t\n", "line 2"),
    ("#1 alone", "T1\tPER 0 14\tБахыт Туменова\n#1\n", "line 2"),
    ("M1 alone", "T1\tPER 0 14\tБахыт Туменова\nM1\n", "line 2"),
    ("unknown line", "T1\tPER 0 14\tБахыт Туменова\nX1\tPER 0 14\tБахыт Туменова\n", "line 2"),
    ("argument without target", "T1\tdetention 15 24\tзадержана\nE1\tdetention:T1 Person\n", "line 2"),
    ("event without trigger", "T1\tPER 0 14\tБахыт Туменова\nE1\tdetention:T9\n", "line 2"),
    ("note on nothing", "T1\tPER 0 14\tБахыт Туменова\n#1\tAnnotatorNotes T1\tnormal\n", "line 2"),
    ("count 1e400", "T1\tCOUNT 0 5\tБахыт\n#1\tAnnotatorNotes T1\tcount_min=1e400\n", "count_min"),
    ("fractional offset", "T1\tPER 0.9 14\tБахыт Туменова\n", "line 1"),
]


@pytest.mark.parametrize("case, ann_text, said", BRAT_CASES, ids=[c[0] for c in BRAT_CASES])
def test_import_of_a_broken_brat_file_is_one_message(tmp_path, case, ann_text, said):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "doc.ann").write_text(ann_text, encoding="utf-8")
    result = invoke("import", folder, "--format", "brat", "-o", tmp_path / "gold")
    assert_clear_refusal(result, "doc.ann", said)
    assert not (tmp_path / "gold").exists() or not list((tmp_path / "gold").iterdir())


def test_a_bom_at_the_start_of_an_ann_keeps_its_first_line(tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    (folder / "doc.ann").write_text("\ufeffT1\tPER 0 14\tБахыт Туменова\nT2\tLOC 27 33\tАлматы\n", encoding="utf-8")
    result = invoke("import", folder, "--format", "brat", "-o", tmp_path / "gold")
    assert result.exit_code == 0, result.output
    (doc,) = read_spec_json(tmp_path / "gold" / "doc.json")
    assert [(m.type, m.text) for m in doc.mentions] == [("PER", "Бахыт Туменова"), ("LOC", "Алматы")]


# ---------------------------------------------------------------- values annotators typed


@pytest.mark.parametrize("fmt, make", [
    ("labelstudio", lambda d: (d / "export.json").write_text(task([region(labels=["COUNT"]), values("count_min: 1e400")]),
                                                             encoding="utf-8")),
    ("brat", lambda d: ((d / "doc.txt").write_text(TEXT, encoding="utf-8"),
                        (d / "doc.ann").write_text("T1\tCOUNT 0 5\tБахыт\n#1\tAnnotatorNotes T1\tcount_min=1e400\n",
                                                   encoding="utf-8"))),
])
def test_an_infinite_number_is_refused_not_written_as_infinity(tmp_path, fmt, make):
    source = tmp_path / "source"
    source.mkdir()
    make(source)
    result = invoke("import", source, "--format", fmt, "-o", tmp_path / "gold")
    assert_clear_refusal(result, "count_min", "1e400")
    assert not (tmp_path / "gold").exists() or not list((tmp_path / "gold").iterdir())


@pytest.mark.parametrize("start, end", [(0.9, 5), (0, 5.5), ("0.5", 5), (0, 4.999)])
def test_a_fractional_offset_is_refused_not_truncated(tmp_path, start, end):
    source = tmp_path / "export.json"
    source.write_text(task([region(start=start, end=end)]), encoding="utf-8")
    result = invoke("import", source, "--format", "labelstudio", "-o", tmp_path / "gold")
    assert_clear_refusal(result, "export.json", "region r1", "whole number")


def test_export_does_not_overwrite_corrected_annotations_without_force(sample_text_out, tmp_path):
    brat = tmp_path / "brat"
    assert invoke("export", sample_text_out, "--format", "brat", "-o", brat).exit_code == 0
    again = invoke("export", sample_text_out, "--format", "brat", "-o", brat)
    assert again.exit_code == 0, "exporting the same thing again changes nothing and is allowed"
    corrected = sorted(brat.glob("*.ann"))[0]
    fixed = corrected.read_text(encoding="utf-8") + "#99\tAnnotatorNotes T1\tnormal=Исправлено\n"
    corrected.write_text(fixed, encoding="utf-8")
    refused = invoke("export", sample_text_out, "--format", "brat", "-o", brat)
    assert_clear_refusal(refused, corrected.name, "--force")
    assert corrected.read_text(encoding="utf-8") == fixed
    assert invoke("export", sample_text_out, "--format", "brat", "-o", brat, "--force").exit_code == 0
    assert corrected.read_text(encoding="utf-8") != fixed


def test_export_to_label_studio_does_not_overwrite_an_edited_task_file(sample_text_out, tmp_path):
    folder = tmp_path / "ls"
    assert invoke("export", sample_text_out, "--format", "labelstudio", "-o", folder).exit_code == 0
    tasks = folder / "tasks.json"
    tasks.write_text("[]\n", encoding="utf-8")
    assert_clear_refusal(invoke("export", sample_text_out, "--format", "labelstudio", "-o", folder),
                         "tasks.json", "--force")
    assert tasks.read_text(encoding="utf-8") == "[]\n"


# ---------------------------------------------------------------- SPEC gold JSON through reconcile

DOC = "000_6fb061e0297f36b6"

SPEC_CASES = [
    ("nested brackets", "[" * 100_000 + "]" * 100_000, "nested"),
    ("nested objects", '{"a":' * 50_000 + "1" + "}" * 50_000, "nested"),
    ("infinity", '{"doc_id": "%s", "events": [{"type": "fine", "amount_min": Infinity}]}' % DOC, "Infinity"),
    ("1e400", '{"doc_id": "%s", "events": [{"type": "detention", "count_min": 1e400}]}' % DOC, "1e400"),
    ("events a number", json.dumps({"doc_id": DOC, "events": 5}), "events"),
    ("mentions a string", json.dumps({"doc_id": DOC, "mentions": "PER"}), "mentions"),
    ("mention_types a number", json.dumps({"doc_id": DOC, "mention_types": 5, "events": []}), "mention_types"),
    ("doc_id a list", json.dumps({"doc_id": [1, 2], "events": []}), "doc_id"),
    ("persons an object", json.dumps({"doc_id": DOC, "events": [{"type": "fine", "persons": {"a": 1}}]}), "persons"),
    ("place a list", json.dumps({"doc_id": DOC, "events": [{"type": "fine", "place": ["Алматы"]}]}), "place"),
    ("start a flag", json.dumps({"doc_id": DOC, "events": [{"type": "fine", "start": True, "end": 5}]}), "start"),
    ("fractional offset", json.dumps({"doc_id": DOC, "events": [{"type": "fine", "start": 0.5, "end": 5}]}),
     "whole number"),
]


@pytest.mark.parametrize("case, content, said", SPEC_CASES, ids=[c[0] for c in SPEC_CASES])
def test_reconcile_on_broken_gold_json_is_one_message(sample_text_out, tmp_path, case, content, said):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "broken.json").write_text(content, encoding="utf-8")
    result = invoke("reconcile", sample_text_out, gold, "-o", tmp_path / "report")
    assert_clear_refusal(result, "broken.json", said)
    assert not (tmp_path / "report").exists()
