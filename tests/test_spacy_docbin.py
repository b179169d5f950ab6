"""spaCy DocBin (``--format spacy``): real Docs from a blank Russian pipeline, a real
DocBin round trip, the CLI both ways and a real ``spacy train`` on the export."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

spacy = pytest.importorskip("spacy", reason="spaCy is the optional extra testimony[spacy] (make test installs it)")

from spacy.tokens import Doc, DocBin  # noqa: E402

from pipeline.cli import main  # noqa: E402
from pipeline.errors import GoldError  # noqa: E402
from pipeline.gold import read_gold  # noqa: E402
from pipeline.gold.records import AnnotatedDocument, EventAnnotation, MentionAnnotation  # noqa: E402
from pipeline.gold.roundtrip import load_output  # noqa: E402
from pipeline.gold.spacy_docbin import (  # noqa: E402
    EVENTS_KEY,
    MENTIONS_KEY,
    annotations_from_doc,
    doc_from_annotations,
    read_docbin,
    register_extensions,
    write_docbin,
)
from pipeline.gold.spec_json import read_spec_json  # noqa: E402

TEXT = ("Алматы,8 ноября 2012 г.\n"
        "Сотрудники МВД РФ задержали Бахыта Туменова; суд оштрафовал его на 100 долларов США "
        "и арестовал на 15 суток.")


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def nested_document() -> AnnotatedDocument:
    """Nested mentions (a country inside an organisation and inside an amount), a date
    glued to the place before it (inside one spaCy token), two events on one trigger."""
    def mention(kind, words, **values):
        start, end = _span(TEXT, words)
        return MentionAnnotation(kind, start, end, words, values)

    mentions = (
        mention("LOC", "Алматы", normal="Алматы"),
        mention("DATE", "8 ноября 2012 г.", normal="2012-11-08", date_start="2012-11-08",
                date_end="2012-11-08", date_precision="day"),
        mention("ORG", "МВД РФ", normal="МВД РФ"),
        mention("LOC", "РФ", normal="РФ"),
        mention("PER", "Бахыта Туменова", normal="Бахыт Туменов"),
        mention("MONEY", "100 долларов США", normal="100 USD", amount_min=100, amount_max=100,
                currency="USD", approx=False),
        mention("LOC", "США", normal="США"),
        mention("TERM", "15 суток", normal="15 day", term_min=15, term_max=15, term_unit="day"),
    )
    person, money, term = _span(TEXT, "Бахыта Туменова"), _span(TEXT, "100 долларов США"), _span(TEXT, "15 суток")
    fined, arrested = _span(TEXT, "оштрафовал"), _span(TEXT, "арестовал")
    events = (
        EventAnnotation("detention", *_span(TEXT, "задержали"), "задержали",
                        {"persons": ["Бахыт Туменов"], "actors": ["police"], "negated": False},
                        (("person", *person),)),
        EventAnnotation("fine", *fined, "оштрафовал",
                        {"amount_min": 100, "amount_max": 100, "currency": "USD",
                         "date_start": "2012-11-08", "date_end": "2012-11-08", "date_precision": "day"},
                        (("amount", *money), ("person", *person))),
        # One word, two happenings: the arrest is a custody and (here, for the test) a court event.
        EventAnnotation("custody", *arrested, "арестовал", {"term_min": 15, "term_max": 15, "term_unit": "day"},
                        (("term", *term),)),
        EventAnnotation("court", *arrested, "арестовал", {"actors": ["court"]}),
    )
    return AnnotatedDocument("nested", TEXT, mentions, events, ((2, 24),)).canonical()


def snapshot(doc: Doc) -> dict:
    """Everything the format puts on a Doc, as plain values to compare."""
    def spans(group):
        return [(s.label_, s.start, s.end, s.start_char, s.end_char, s.id, s._.normal, s._.value,
                 s._.arguments, s._.chars) for s in group]

    return {
        "text": doc.text, "tokens": [t.text for t in doc],
        "mentions": spans(doc.spans[MENTIONS_KEY]), "events": spans(doc.spans[EVENTS_KEY]),
        "ents": spans(doc.ents),
        "doc": (doc._.doc_id, doc._.doc_date, doc._.page_starts, doc._.unaligned),
    }


@pytest.fixture(scope="module")
def nlp():
    register_extensions()
    return spacy.blank("ru")


def test_nested_mentions_live_in_the_span_group_and_the_outermost_in_ents(nlp):
    doc = doc_from_annotations(nlp, nested_document())
    group = [(s.label_, s.text) for s in doc.spans[MENTIONS_KEY]]
    assert ("ORG", "МВД РФ") in group and ("LOC", "РФ") in group
    assert ("MONEY", "100 долларов США") in group and ("LOC", "США") in group
    ents = [(e.label_, e.text) for e in doc.ents]
    assert ("ORG", "МВД РФ") in ents and ("MONEY", "100 долларов США") in ents
    assert ("LOC", "РФ") not in ents and ("LOC", "США") not in ents
    money = next(e for e in doc.ents if e.label_ == "MONEY")
    assert money._.normal == "100 USD" and money._.value["currency"] == "USD"


def test_a_mention_inside_a_token_is_widened_and_keeps_its_exact_offsets(nlp):
    doc = doc_from_annotations(nlp, nested_document())
    date = next(s for s in doc.spans[MENTIONS_KEY] if s.label_ == "DATE")
    assert date.text == "Алматы,8 ноября 2012 г."  # spaCy keeps 'Алматы,8' as one token
    assert doc.text[slice(*date._.chars)] == "8 ноября 2012 г."
    assert date._.value["date_start"] == "2012-11-08"


def test_two_events_on_one_trigger_keep_their_own_values(nlp):
    doc = doc_from_annotations(nlp, nested_document())
    on_arrest = {s.label_: s for s in doc.spans[EVENTS_KEY] if s.text == "арестовал"}
    assert on_arrest["custody"]._.value == {"term_min": 15, "term_max": 15, "term_unit": "day"}
    assert on_arrest["court"]._.value == {"actors": ["court"]}
    assert on_arrest["custody"]._.arguments == [["term", *_span(TEXT, "15 суток")]]


@pytest.mark.parametrize("through", ["Doc.to_bytes", "DocBin.to_bytes"])
def test_everything_survives_serialisation_exactly(nlp, through):
    doc = doc_from_annotations(nlp, nested_document())
    doc._.doc_date = "2012-11-08"
    if through == "Doc.to_bytes":
        back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    else:
        data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
        [back] = DocBin().from_bytes(data).get_docs(spacy.blank("ru").vocab)
    assert snapshot(back) == snapshot(doc)
    assert len(snapshot(doc)["mentions"]) == 8 and len(snapshot(doc)["events"]) == 4
    assert annotations_from_doc(back) == nested_document()


def test_a_file_round_trip_gives_back_the_annotations(tmp_path):
    written = write_docbin([nested_document()], tmp_path / "gold.spacy")
    assert written == [tmp_path / "gold.spacy"]
    [back] = read_docbin(tmp_path / "gold.spacy")
    assert back == nested_document()
    assert back.mention_types == {"LOC", "DATE", "ORG", "PER", "MONEY", "TERM"} and back.has_events


def test_a_docbin_from_another_tool_is_read_from_its_ents(tmp_path, nlp):
    """A DocBin with only ``doc.ents`` (an NER corpus, a trained model's output)."""
    doc = nlp.make_doc("Бахыт Туменова задержан в Алматы.")
    doc.ents = [doc.char_span(0, 14, label="PER"), doc.char_span(26, 32, label="LOC")]
    DocBin(docs=[doc]).to_disk(tmp_path / "ner.spacy")
    [back] = read_gold(tmp_path / "ner.spacy")
    assert back.doc_id == "ner"
    assert [(m.type, m.text, m.values) for m in back.mentions] == [("PER", "Бахыт Туменова", {}),
                                                                   ("LOC", "Алматы", {})]
    assert not back.has_events


def test_bad_docbins_are_clear_errors(tmp_path):
    with pytest.raises(GoldError, match="no .spacy files"):
        read_docbin(tmp_path)
    (tmp_path / "not.spacy").write_bytes(b"this is not a DocBin")
    with pytest.raises(GoldError, match="not.spacy: not a spaCy DocBin"):
        read_docbin(tmp_path / "not.spacy")


def test_foreign_labels_are_refused_by_name(tmp_path, nlp):
    doc = nlp.make_doc("Бахыт Туменова задержан.")
    doc.ents = [doc.char_span(0, 14, label="PERSON")]
    DocBin(docs=[doc]).to_disk(tmp_path / "nerel.spacy")
    with pytest.raises(GoldError, match="'PERSON'"):
        read_docbin(tmp_path / "nerel.spacy")


def test_export_wants_a_spacy_file_path(pipeline_out, tmp_path):
    result = CliRunner().invoke(main, ["export", str(pipeline_out), "--format", "spacy", "-o", str(tmp_path)])
    assert result.exit_code == 1 and ".spacy" in result.output


def test_export_and_import_through_the_cli(pipeline_out, tmp_path):
    runner = CliRunner()
    target = tmp_path / "docs.spacy"
    exported = runner.invoke(main, ["export", str(pipeline_out), "--format", "spacy", "-o", str(target)])
    assert exported.exit_code == 0, exported.output
    assert str(target) in exported.output
    imported = runner.invoke(main, ["import", str(target), "--format", "spacy", "-o", str(tmp_path / "gold")])
    assert imported.exit_code == 0, imported.output
    sent = load_output(pipeline_out)
    back = {d.doc_id: d for p in (tmp_path / "gold").glob("*.json") for d in read_spec_json(p)}
    assert sorted(back) == sorted(d.doc_id for d in sent)
    for doc in sent:
        assert (back[doc.doc_id].text, back[doc.doc_id].mentions, back[doc.doc_id].events) == \
               (doc.text, doc.mentions, doc.events)
    # reconcile reads the same file as gold: the pipeline against its own export agrees fully
    report = runner.invoke(main, ["reconcile", str(pipeline_out), str(target), "-o", str(tmp_path / "report")])
    assert report.exit_code == 0, report.output
    assert "1.000" in report.output


def test_spacy_train_learns_a_ner_from_the_export(sample_out, tmp_path):
    """The export is training data as ``spacy train`` reads it: a tiny CPU ``ner`` trained
    for 120 steps loads and finds our kinds of mention in a statement it was trained on."""
    data = tmp_path / "train.spacy"
    assert CliRunner().invoke(main, ["export", str(sample_out), "--format", "spacy", "-o", str(data)]).exit_code == 0
    spacy_cli = [sys.executable, "-m", "spacy"]
    subprocess.run([*spacy_cli, "init", "config", str(tmp_path / "ner.cfg"), "--lang", "ru",
                    "--pipeline", "ner", "--optimize", "efficiency"], check=True, capture_output=True)
    trained = subprocess.run(
        [*spacy_cli, "train", str(tmp_path / "ner.cfg"), "--paths.train", str(data), "--paths.dev", str(data),
         "--training.max_steps", "120", "--training.eval_frequency", "40", "--output", str(tmp_path / "model")],
        capture_output=True, text=True, timeout=600)
    assert trained.returncode == 0, trained.stderr[-2000:]
    model = spacy.load(tmp_path / "model" / "model-last")
    assert set(model.get_pipe("ner").labels) == {"PER", "LOC", "ORG", "DATE", "MONEY", "TERM", "COUNT"}
    [gold] = [d for d in read_docbin(data) if d.doc_id == "001_35f99063bebc0d6e"]
    predicted = {(e.start_char, e.end_char, e.label_) for e in model(gold.text).ents}
    expected = {(m.start, m.end, m.type) for m in gold.mentions}
    assert len(predicted & expected) >= 0.3 * len(expected), (len(predicted & expected), len(expected))
