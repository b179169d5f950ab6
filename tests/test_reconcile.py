"""Reconcile: alignment of two texts, matching, metrics and the discrepancy table.

The output folder is built here with the real table writer from hand-made rows,
so the expected counts are known exactly.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.errors import OutputError
from pipeline.reconcile import reconcile, same_value
from pipeline.segment import split_sentences
from pipeline.tables import write_tables
from pipeline.reconcile.versions import align_versions

DATA = Path(__file__).parent / "data" / "reconcile"
ROOT = Path(__file__).parent.parent

CLEAN = ("24 марта 2012 года в Алматы полиция задержала Бахыта Туменова и Ерлана Калиева.\n"
         "Суд оштрафовал Туменова на 80900 тенге.\nКалиева осудили на 15 суток.\n")


# ---------------------------------------------------------------- text alignment


ALIGN_CASES = [
    # gold text, clean text, gold span text, clean span text
    ("Бахыт  Туменова\nоштрафована", "Бахыт Туменова оштрафована", "Бахыт  Туменова", "Бахыт Туменова"),
    ("проти-\nвозаконно задержан", "противозаконно задержан", "проти-\nвозаконно", "противозаконно"),
    ("Н е с м о т р я на отказ", "Несмотря на отказ", "Н е с м о т р я", "Несмотря"),
    ("рoлиция задержала", "полиция задержала", "задержала", "задержала"),  # Latin o before
    ("акция «Свободу»", "акция \"Свободу\"", "«Свободу»", "\"Свободу\""),
    ("оштра\u00adфована на 80 900 тенге", "оштрафована на 80 900 тенге", "оштра\u00adфована", "оштрафована"),
    ("Страница 1 из 3\nТрое задержаны", "Трое задержаны", "задержаны", "задержаны"),
]


@pytest.mark.parametrize("gold, clean, gold_span, clean_span", ALIGN_CASES)
def test_align_maps_spans_across_versions(gold, clean, gold_span, clean_span):
    start = gold.index(gold_span)
    mapped = align_versions(gold, clean).map_span(start, start + len(gold_span))
    assert mapped is not None
    assert clean[mapped[0]:mapped[1]] == clean_span


# Gold on text before the normaliser replaced Latin look-alikes (or invisible characters):
# every pair the normaliser's own tables (models/homoglyphs.json, normalise_chars.json)
# know must carry a span across, capitals included.
LOOK_ALIKE_CASES = [
    ("задержан TИMУP", "задержан ТИМУР", "TИMУP"),                   # Latin T, M, P
    ("судья BEKOBA оштрафовал", "судья ВЕКОВА оштрафовал", "BEKOBA"),  # Latin B, E, K, O, A
    ("HУPЛAH вышел на пикет", "НУРЛАН вышел на пикет", "HУPЛAH"),      # Latin H, P, A
    ("KAXAPMAH задержан", "КАХАРМАН задержан", "KAXAPMAH"),            # Latin K, A, X, P, M, H
    ("жители Kok-Жара", "жители Кок-Жара", "Kok-Жара"),                # lower-case k and o
    ("акция \u201bСвободу\u201b", "акция 'Свободу'", "\u201bСвободу\u201b"),
    ("Тима\u200dур задержан", "Тимаур задержан", "Тима\u200dур"),       # a zero-width joiner
]


@pytest.mark.parametrize("gold, clean, gold_span", LOOK_ALIKE_CASES)
def test_align_folds_what_the_normaliser_folds(gold, clean, gold_span):
    start = gold.index(gold_span)
    mapped = align_versions(gold, clean).map_span(start, start + len(gold_span))
    assert mapped == (start, start + len(clean) - len(gold) + len(gold_span))


def test_align_refuses_text_that_is_gone():
    gold = "Страница 1 из 3\nТрое задержаны"
    assert align_versions(gold, "Трое задержаны").map_span(0, 8) is None  # `Страница` was removed


_WORDS = st.sampled_from(["задержан", "Туменова", "80900", "тенге", "суток", "Алматы", "и", "в", "«акция»"])
_SPACE = st.sampled_from([" ", "  ", "\n", " \n ", "\t"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _SPACE), min_size=1, max_size=40))
def test_whitespace_changes_never_lose_a_word(pieces):
    gold = "".join(word + space for word, space in pieces)
    clean = " ".join(word for word, _ in pieces)
    alignment = align_versions(gold, clean)
    at = 0
    for word, space in pieces:
        mapped = alignment.map_span(at, at + len(word))
        assert mapped is not None and clean[mapped[0]:mapped[1]] == word
        at += len(word) + len(space)
    assert [m for m in alignment.char_map if m >= 0] == sorted(m for m in alignment.char_map if m >= 0)


def test_align_is_fast_on_long_texts():
    import re
    import time

    # A real statement as extracted (line breaks, double spaces), twice over: ~25k chars.
    gold = (ROOT / "data" / "raw" / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8") * 2
    clean = re.sub(r"\s+", " ", gold.replace("-\n", ""))
    clean = clean[:9000] + " Вставка редактора. " + clean[9000:]
    began = time.perf_counter()
    alignment = align_versions(gold, clean)
    assert time.perf_counter() - began < 5
    words = list(re.finditer(r"[А-Яа-яЁё]{6,}", gold))
    mapped = [alignment.map_span(m.start(), m.end()) for m in words]
    assert sum(1 for m, span in zip(words, mapped) if span and clean[span[0]:span[1]] == m.group()) > 0.97 * len(words)


# ---------------------------------------------------------------- an output folder


def _span(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(piece, at + 1)
    return at, at + len(piece)


def write_out(out: Path, doc_id: str, text: str, mentions: list[dict], events: list[dict]) -> Path:
    """An output folder in the SPEC layout for one document."""
    sentences = split_sentences(text)
    sent_of = lambda offset: max(i for i, s in enumerate(sentences) if s.start <= offset)
    rows = {
        "documents": [{"doc_id": doc_id, "source": f"{doc_id}.txt", "n_pages": 1, "n_chars": len(text),
                       "extraction": "plain", "status": "ok"}],
        "sentences": [{"doc_id": doc_id, "sent_id": i, "start": s.start, "end": s.end, "page": 1,
                       "n_tokens": s.n_tokens, "n_chars": s.end - s.start, "text": s.text}
                      for i, s in enumerate(sentences)],
        "mentions": [], "events": [], "event_arguments": [],
    }
    for i, (kind, piece, nth, values) in enumerate(mentions):
        start, end = _span(text, piece, nth)
        rows["mentions"].append({"doc_id": doc_id, "mention_id": i, "type": kind, "start": start, "end": end,
                                 "page": 1, "sent_id": sent_of(start), "text": piece, **values})
    for i, (kind, trigger, values) in enumerate(events):
        start, end = _span(text, trigger)
        sid = sent_of(start)
        rows["events"].append({"doc_id": doc_id, "event_id": i, "type": kind, "trigger": trigger,
                               "start": start, "end": end, "sent_id": sid, "page": 1, "negated": False,
                               "evidence": sentences[sid].text, **values})
    write_tables(out, rows)
    (out / "texts").mkdir(exist_ok=True)
    (out / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return out


PREDICTED_MENTIONS = [
    ("DATE", "24 марта 2012 года", 0, {"date_start": "2012-03-24", "date_end": "2012-03-24", "date_precision": "day"}),
    ("LOC", "Алматы", 0, {"normal": "Алматы"}),
    ("PER", "Бахыта Туменова", 0, {"normal": "Бахыт Туменова"}),  # wrong normal form
    ("PER", "Ерлана Калиева", 0, {"normal": "ерлан калиев"}),  # case does not matter
    ("PER", "Суд", 0, {"normal": "Суд"}),  # spurious
    ("ORG", "Суд", 0, {"normal": "суд"}),  # ORG is not annotated in this gold: not scored
    ("MONEY", "80900", 0, {"amount_min": 80900, "amount_max": 80900, "currency": "KZT"}),  # short span
    ("PER", "Калиева", 1, {"normal": "Ерлан Калиев"}),
    ("TERM", "15 суток", 0, {"term_min": 15, "term_max": 15, "term_unit": "month"}),  # wrong unit
]  # the second `Туменова` is missed
PREDICTED_EVENTS = [
    ("detention", "задержала", {"date_start": "2012-03-24", "date_end": "2012-03-24", "place": "Алматы",
                                "persons": "Бахыт Туменова; Ерлан Калиев"}),  # persons differ
    ("fine", "оштрафовал", {"persons": "Бахыт Туменов", "amount_min": 80900, "amount_max": 80900,
                            "currency": "KZT"}),
    ("court", "Суд", {}),  # spurious; the custody is missed
]


@pytest.fixture
def out_dir(tmp_path):
    return write_out(tmp_path / "out", "almaty_2012", CLEAN, PREDICTED_MENTIONS, PREDICTED_EVENTS)


def test_known_counts_on_shifted_gold(out_dir, tmp_path):
    # The gold text has a double space, a line-end hyphen and extra line breaks.
    report = reconcile(out_dir, DATA / "gold", tmp_path / "report")
    m = report.metrics
    assert m["documents"]["compared"] == ["almaty_2012"]
    strict, overlap = m["mentions"]["strict"], m["mentions"]["overlap"]
    assert {k: strict["PER"][k] for k in ("tp", "fp", "fn")} == {"tp": 3, "fp": 1, "fn": 1}
    assert {k: strict["MONEY"][k] for k in ("tp", "fp", "fn")} == {"tp": 0, "fp": 1, "fn": 1}
    assert {k: overlap["MONEY"][k] for k in ("tp", "fp", "fn")} == {"tp": 1, "fp": 0, "fn": 0}
    assert {k: strict["overall"][k] for k in ("tp", "fp", "fn")} == {"tp": 6, "fp": 2, "fn": 2}
    assert {k: overlap["overall"][k] for k in ("tp", "fp", "fn")} == {"tp": 7, "fp": 1, "fn": 1}
    assert overlap["overall"]["f1"] == pytest.approx(0.875)
    assert "ORG" not in strict
    assert m["mentions"]["values"]["PER"]["normal"] == {"correct": 2, "total": 3, "accuracy": 0.6667}
    assert m["mentions"]["values"]["TERM"]["term_unit"]["correct"] == 0
    assert m["mentions"]["unaligned"] == 0
    events = m["events"]["types"]
    assert {k: events["overall"][k] for k in ("tp", "fp", "fn")} == {"tp": 2, "fp": 1, "fn": 1}
    assert events["custody"]["fn"] == 1 and events["court"]["fp"] == 1
    assert m["events"]["fields"]["persons"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert m["events"]["fields"]["place"]["accuracy"] == 1.0


def test_fields_given_count_every_value_the_pipeline_gives(tmp_path):
    """Beside accuracy (over the fields gold states, where no value is as wrong as a wrong
    one), how often a value the pipeline gives is right: a value where gold states none
    counts as given and not right, no value is not counted."""
    events = [
        ("detention", "задержала", {"date_start": "2012-03-24", "date_end": "2012-03-24", "place": "Алматы",
                                    "persons": "Бахыт Туменова; Ерлан Калиев"}),
        ("fine", "оштрафовал", {"persons": "Бахыт Туменов", "place": "Астана"}),  # gold states no place
        ("court", "Суд", {}),
    ]
    out = write_out(tmp_path / "out", "almaty_2012", CLEAN, PREDICTED_MENTIONS, events)
    m = reconcile(out, DATA / "gold", tmp_path / "report").metrics
    assert m["events"]["fields"]["place"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert m["events"]["fields_given"]["place"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert m["events"]["fields_given"]["persons"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert m["events"]["fields_given"]["date"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert "negated" not in m["events"]["fields_given"]  # a flag is always given


def test_discrepancy_table(out_dir, tmp_path):
    report = reconcile(out_dir, DATA / "gold", tmp_path / "report")
    found = [(r["kind"], r["issue"], r["type"], r["field"], r["gold"], r["predicted"]) for r in report.discrepancies]
    assert found == [  # by offset in the clean text
        ("event", "field", "detention", "persons", "Бахыт Туменов; Ерлан Калиев", "Бахыт Туменова; Ерлан Калиев"),
        ("mention", "field", "PER", "normal", "Бахыт Туменов", "Бахыт Туменова"),
        ("event", "spurious", "court", None, None, None),
        ("mention", "spurious", "PER", None, None, "Суд"),
        ("mention", "missed", "PER", None, "Туменова (Бахыт Туменов)", None),
        ("mention", "field", "MONEY", "span", "80900 тенге", "80900"),
        ("event", "missed", "custody", None, "persons: Ерлан Калиев | term: 15 15 day", None),
        ("mention", "field", "TERM", "term_unit", "day", "month"),
    ]
    assert report.discrepancies[2]["text"] == "Суд"  # the spurious event's trigger
    missed = report.discrepancies[4]
    assert CLEAN[missed["start"]:missed["end"]] == "Туменова" == missed["text"]
    assert missed["sentence"] == "Суд оштрафовал Туменова на 80900 тенге." and missed["page"] == 1
    # The files annotators open agree with the report.
    with open(tmp_path / "report" / "discrepancies.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(found)
    sheet = load_workbook(tmp_path / "report" / "discrepancies.xlsx").active
    assert sheet.max_row == len(found) + 1 and sheet["C2"].value == "field"
    saved = json.loads((tmp_path / "report" / "metrics.json").read_text(encoding="utf-8"))
    assert saved == report.metrics
    with open(tmp_path / "report" / "metrics.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert any(r["kind"] == "mention" and r["mode"] == "strict" and r["type"] == "PER" and r["tp"] == "3" for r in rows)
    text = report.summary()
    assert "PER" in text and "custody" in text and "discrepancies: 8" in text


def test_csv_only_output_folder(out_dir, tmp_path):
    for parquet in out_dir.glob("*.parquet"):
        parquet.unlink()
    report = reconcile(out_dir, DATA / "gold", tmp_path / "report")
    assert report.metrics["mentions"]["strict"]["overall"]["tp"] == 6
    assert report.metrics["events"]["types"]["overall"]["tp"] == 2


def test_event_table_gold_matches_on_fields(out_dir, tmp_path):
    report = reconcile(out_dir, DATA / "events.csv", tmp_path / "report")
    events = report.metrics["events"]["types"]
    assert {k: events["overall"][k] for k in ("tp", "fp", "fn")} == {"tp": 2, "fp": 1, "fn": 1}
    assert report.metrics["events"]["fields"]["negated"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert report.metrics["events"]["fields"]["persons"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert report.metrics["mentions"]["strict"]["overall"]["tp"] == 0  # no mentions in an event table


def test_event_matches_on_a_second_telling(tmp_path):
    text = "Задержание активистов.\nВчера в Алматы полиция задержала двух активистов у акимата.\n"
    gold = {"doc_id": "twice", "text": text, "events": [{
        "type": "detention", "start": 0, "end": 10, "also": [[text.index("задержала"), text.index("задержала") + 9]],
    }]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "twice.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = write_out(tmp_path / "out", "twice", text, [], [("detention", "задержала", {})])
    report = reconcile(out, tmp_path / "gold", tmp_path / "report")
    assert report.metrics["events"]["types"]["detention"]["tp"] == 1


def test_unaligned_span_is_reported_not_dropped(tmp_path):
    gold_text = "Страница 1 из 3\nБахыт Туменова оштрафована."
    clean = "Бахыт Туменова оштрафована."
    gold = {"doc_id": "header", "text": gold_text, "mentions": [
        {"type": "COUNT", "start": 14, "end": 15, "text": "3"},  # in a page header, since removed
        {"type": "PER", "start": 16, "end": 30, "text": "Бахыт Туменова"},
    ]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "header.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = write_out(tmp_path / "out", "header", clean, [("PER", "Бахыт Туменова", 0, {})], [])
    report = reconcile(out, tmp_path / "gold", tmp_path / "report")
    assert report.metrics["mentions"]["unaligned"] == 1
    assert report.metrics["mentions"]["strict"]["PER"]["tp"] == 1
    [row] = report.discrepancies
    assert (row["issue"], row["type"], row["text"]) == ("unaligned", "COUNT", "3")


def test_gold_pairs_with_an_output_doc_that_extends_its_id(tmp_path):
    shutil.copytree(DATA / "brat", tmp_path / "gold")
    text = (tmp_path / "gold" / "wiki_almaty.txt").read_text(encoding="utf-8")
    out = write_out(tmp_path / "out", "wiki_almaty_print", text,
                    [("PER", "Ахметжан Есимов", 0, {}), ("LOC", "Алматы", 0, {}), ("LOC", "Казахстане", 0, {})], [])
    report = reconcile(out, tmp_path / "gold", tmp_path / "report")
    assert report.metrics["documents"]["paired_by_prefix"] == {"wiki_almaty": "wiki_almaty_print"}
    strict = report.metrics["mentions"]["strict"]
    assert strict["PER"]["tp"] == 1 and strict["LOC"]["tp"] == 2 and strict["LOC"]["fn"] == 1
    assert strict["ORG"]["fn"] == 1 and strict["overall"]["fp"] == 0


def test_gold_document_missing_from_output(out_dir, tmp_path):
    shutil.copytree(DATA / "brat", tmp_path / "gold")
    report = reconcile(out_dir, tmp_path / "gold", tmp_path / "report")
    assert report.metrics["documents"]["missing"] == ["wiki_almaty"]
    assert "1 missing" in report.summary()


def test_not_an_output_folder(tmp_path):
    with pytest.raises(OutputError):
        reconcile(tmp_path, DATA / "gold", tmp_path / "report")


@pytest.mark.parametrize("field, gold, predicted, same", [
    ("normal", "Алёна Попова", "алена  попова", True),
    ("persons", ("Бахыт Туменов", "Ерлан Калиев"), "Ерлан Калиев; Бахыт Туменов", True),
    ("persons", ("Бахыт Туменов",), "Бахыт Туменов; Ерлан Калиев", False),
    ("amount_min", 80900.0, "80900.0", True),
    ("amount_min", 80900.0, 8090, False),
    ("negated", False, "False", True),
    ("date_start", "2012-03-24", "2012-03-24 00:00:00", True),
    ("currency", "KZT", None, False),
])
def test_same_value(field, gold, predicted, same):
    assert same_value(field, gold, predicted) is same


# ---------------------------------------------------------------- the real pipeline


def test_real_pipeline_output_reconciles(tmp_path):
    source = tmp_path / "input" / "fine_2012.txt"
    source.parent.mkdir()
    source.write_text("8 ноября 2012 года\n\nБахыт Туменова была оштрафована на 80900 тенге.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(source), "-o", str(tmp_path / "out")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    clean = (tmp_path / "out" / "texts" / "fine_2012.txt").read_text(encoding="utf-8")
    raw = source.read_text(encoding="utf-8")  # the annotator saw the file as it was
    start = raw.index("Бахыт Туменова")
    gold = {"doc_id": "fine_2012", "text": raw, "mentions": [
        {"type": "PER", "start": start, "end": start + 14, "text": "Бахыт Туменова", "normal": "Бахыт Туменова"}],
        "events": [{"type": "fine", "persons": ["Бахыт Туменова"], "amount_min": 80900, "currency": "KZT"}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "fine_2012.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = reconcile(tmp_path / "out", tmp_path / "gold", tmp_path / "report")
    assert report.metrics["documents"]["compared"] == ["fine_2012"]
    assert report.metrics["mentions"]["unaligned"] == 0
    assert "Туменова" in clean
    assert report.metrics["mentions"]["overlap"]["PER"]["tp"] == 1
    assert report.metrics["events"]["types"]["overall"]["tp"] == 1


@pytest.mark.parametrize("fmt, gold_file", [("brat", ""), ("labelstudio", "tasks.json")])
def test_our_own_export_reconciles_perfectly(sample_out, tmp_path, fmt, gold_file):
    """What a new user tries first: `testimony run data/raw -o out`, `testimony export out
    --format brat -o brat`, `testimony reconcile out brat`. reconcile reads the export with
    the same reader as `testimony import`, so every mention, event and field agrees."""
    from click.testing import CliRunner

    from pipeline.cli import main

    runner = CliRunner()
    exported = runner.invoke(main, ["export", str(sample_out), "--format", fmt, "-o", str(tmp_path / fmt)])
    assert exported.exit_code == 0, exported.output
    scored = runner.invoke(main, ["reconcile", str(sample_out), str(tmp_path / fmt / gold_file),
                                  "-o", str(tmp_path / "report")])
    assert scored.exit_code == 0, scored.output
    metrics = json.loads((tmp_path / "report" / "metrics.json").read_text(encoding="utf-8"))
    assert len(metrics["documents"]["compared"]) == 4
    for mode in ("strict", "overlap"):
        overall = metrics["mentions"][mode]["overall"]
        assert (overall["f1"], overall["fp"], overall["fn"]) == (1.0, 0, 0), mode
        assert set(metrics["mentions"][mode]) == {"PER", "LOC", "ORG", "DATE", "MONEY", "TERM", "COUNT", "overall"}
    assert metrics["events"]["types"]["overall"]["f1"] == 1.0
    assert {f: a["accuracy"] for f, a in metrics["events"]["fields"].items()} == dict.fromkeys(
        metrics["events"]["fields"], 1.0)
    assert "aggregate" in metrics["events"]["fields"]
    with open(tmp_path / "report" / "discrepancies.csv", encoding="utf-8") as f:
        assert list(csv.DictReader(f)) == []


def test_gold_for_some_pages_is_compared_with_those_pages_only(sample_out, tmp_path):
    """An annotator who marked up page 2 of a long PDF is scored on page 2: what the
    pipeline found on other pages is neither spurious nor missed. Without ``pages``
    the same gold makes every other page's mention spurious."""
    from pipeline.tables import read_output

    doc = next(d for d in read_output(sample_out) if d.doc_id.endswith("_print"))
    page = [s for s in doc.sentences if s["page"] == 2]
    assert page and any(s["page"] != 2 for s in doc.sentences)
    on_page = [m for m in doc.mentions if m["page"] == 2]
    # What the annotator saw: page 2 alone (which may begin inside a page-1 sentence).
    low, high = min(page[0]["start"], on_page[0]["start"]), page[-1]["end"]
    text = doc.text[low:high]
    mentions = [{"type": m["type"], "start": m["start"] - low, "end": m["end"] - low, "text": m["text"]}
                for m in on_page]
    assert len(mentions) >= 3
    record = {"doc_id": doc.doc_id, "text": text, "pages": [2], "mentions": mentions, "events": []}
    for name, pages in (("excerpt", [2]), ("whole", None)):
        gold = tmp_path / name
        gold.mkdir()
        (gold / "page.json").write_text(json.dumps(record | {"pages": pages}, ensure_ascii=False), encoding="utf-8")
        if pages is None:
            (gold / "page.json").write_text(json.dumps({k: v for k, v in record.items() if k != "pages"},
                                                       ensure_ascii=False), encoding="utf-8")
        metrics = reconcile(sample_out, gold, tmp_path / f"report_{name}").metrics
        overall = metrics["mentions"]["strict"]["overall"]
        if name == "excerpt":
            assert metrics["documents"]["compared"] == [f"{doc.doc_id} p2"]
            assert (overall["tp"], overall["fp"], overall["fn"]) == (len(mentions), 0, 0)
        else:
            assert overall["tp"] == len(mentions) and overall["fp"] > 0


def test_pages_must_be_page_numbers(tmp_path):
    from pipeline.errors import GoldError
    from pipeline.gold.spec_json import documents_from_json

    with pytest.raises(GoldError, match="'pages' must be a list of page numbers"):
        documents_from_json({"doc_id": "x", "text": "a", "pages": [0]}, "x.json")


# Two invented pages: page 2 retells the page-1 detention, and the pipeline merged both
# tellings into one event triggered on page 2, its persons read from page 2's text.
PAGE_ONE = "Утром полиция задержала Ивана Петрова у здания суда. Его отвезли в отдел.\n"
PAGE_TWO = "Задержание Петра Сидорова длилось три часа. Потом его отпустили.\n"


def _two_page_output(out: Path) -> tuple[Path, str]:
    doc_id, text = "two_pages", PAGE_ONE + PAGE_TWO
    sentences = split_sentences(text)
    pages = [1 if s.start < len(PAGE_ONE) else 2 for s in sentences]
    sent_of = lambda offset: max(i for i, s in enumerate(sentences) if s.start <= offset)
    one, two = _span(text, "задержала"), _span(text, "Задержание")
    rows = {
        "documents": [{"doc_id": doc_id, "source": f"{doc_id}.pdf", "n_pages": 2, "n_chars": len(text),
                       "extraction": "text", "status": "ok"}],
        "sentences": [{"doc_id": doc_id, "sent_id": i, "start": s.start, "end": s.end, "page": pages[i],
                       "n_tokens": s.n_tokens, "n_chars": s.end - s.start, "text": s.text}
                      for i, s in enumerate(sentences)],
        "mentions": [], "event_arguments": [],
        "events": [{"doc_id": doc_id, "event_id": 0, "type": "detention", "trigger": "Задержание",
                    "start": two[0], "end": two[1], "sent_id": sent_of(two[0]), "page": 2, "negated": False,
                    "persons": "Пётр Сидоров", "evidence": sentences[sent_of(two[0])].text,
                    "evidence_spans": f"{one[0]}-{one[1]}; {two[0]}-{two[1]}"}],
    }
    write_tables(out, rows)
    (out / "texts").mkdir(exist_ok=True)
    (out / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return out, doc_id


@pytest.mark.parametrize("page, text, trigger, persons, counts", [
    # Page 1 tells the detention, but the pipeline's row for it is triggered on page 2:
    # missed on page 1, and nothing of page 2 (its page, sentence, persons) shows there.
    (1, PAGE_ONE, "задержала", "Иван Петров", (0, 0, 1)),
    # Page 2's own telling is matched by the event triggered there.
    (2, PAGE_TWO, "Задержание", "Пётр Сидоров", (1, 0, 0)),
])
def test_an_event_is_scored_on_its_trigger_page_only(tmp_path, page, text, trigger, persons, counts):
    out, doc_id = _two_page_output(tmp_path / "out")
    start = text.index(trigger)
    gold = {"doc_id": doc_id, "text": text, "pages": [page], "events": [
        {"type": "detention", "start": start, "end": start + len(trigger), "persons": persons}]}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "page.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = reconcile(out, tmp_path / "gold", tmp_path / "report")
    overall = report.metrics["events"]["types"]["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"]) == counts
    for row in report.discrepancies:
        assert row["page"] == page
        assert row["sentence"] in text
        assert page == 2 or "Сидоров" not in (row["predicted"] or "")
