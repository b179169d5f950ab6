"""The spaCy component: a real blank Russian pipeline, the entry point, nlp.pipe over
two processes, damaged text aligned back to spaCy's tokens."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is the optional extra testimony[spacy] (make test installs it)")

from spacy.tokens import DocBin  # noqa: E402

from pipeline.gold.records import AnnotatedDocument, MentionAnnotation  # noqa: E402
from pipeline.gold.spacy_docbin import annotations_from_doc, fill_doc  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

STATEMENT = ("Алматы, 8 ноября 2012 г.\n"
             "31 мая 2012 года в Алматы полиция задержала Бахыта Туменова у здания аки-\n"
             "мата. Суд оштрафовал его на 80 900 тенге, а Канат Ибрагимов был осуждён на пятнадцать суток.")


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("ru")
    nlp.add_pipe("testimony")
    return nlp


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(STATEMENT)


def test_the_component_is_registered_through_the_packages_entry_point():
    [point] = [p for p in entry_points(group="spacy_factories") if p.name == "testimony"]
    assert point.value == "pipeline.spacy_component:make_testimony"
    # A fresh interpreter that never imports our package: spaCy finds the factory itself.
    code = ("import spacy; nlp = spacy.blank('ru'); nlp.add_pipe('testimony', config={'events': False}); "
            "print(nlp.pipe_names, [(e.label_, e.text) for e in nlp('Бахыт Туменова задержан в Алматы.').ents])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['testimony'] [('PER', 'Бахыт Туменова'), ('LOC', 'Алматы')]"


VALUES = [
    ("DATE", "31 мая 2012 года", "2012-05-31", {"date_start": "2012-05-31", "date_end": "2012-05-31",
                                                "date_precision": "day"}),
    ("PER", "Бахыта Туменова", "Бахыт Туменов", None),
    ("ORG", "аки-\nмата", "акимат", None),  # a line-end hyphen in the Doc's text, read as 'акимата'
    ("MONEY", "80 900 тенге", "80900 KZT", {"amount_min": 80900, "amount_max": 80900, "currency": "KZT",
                                           "approx": False}),
    ("TERM", "пятнадцать суток", "15 day", {"term_min": 15, "term_max": 15, "term_unit": "day",
                                            "approx": False}),
]


@pytest.mark.parametrize("label, text, normal, value", VALUES)
def test_mentions_carry_their_values(doc, label, text, normal, value):
    [span] = [s for s in doc.spans["testimony"] if s.label_ == label and s.text == text]
    assert (span._.normal, span._.value) == (normal, value)
    assert any(e.label_ == label and e.text == text for e in doc.ents)


def test_events_are_trigger_spans_with_type_arguments_and_dates(doc):
    events = {s.label_: s for s in doc.spans["events"]}
    assert {"detention", "fine", "custody"} <= set(events)
    detention = events["detention"]
    assert detention.text == "задержала"
    assert detention._.value["date_start"] == "2012-05-31" and detention._.value["place"] == "Алматы"
    assert detention._.value["persons"] == ["Бахыт Туменов"] and detention._.value["actors"] == ["police"]
    roles = {role: doc.text[start:end] for role, start, end in detention._.arguments}
    assert roles["person"] == "Бахыта Туменова" and roles["date"] == "31 мая 2012 года"
    fine = events["fine"]
    assert (fine._.value["amount_min"], fine._.value["currency"]) == (80900, "KZT")
    assert events["custody"]._.value["term_min"] == 15


def test_the_statements_date_is_found_or_given(nlp, doc):
    assert doc._.doc_date == "2012-11-08"
    given = nlp.make_doc("Его задержали 24 марта.")
    given._.doc_date = "2011-05-01"
    assert nlp.get_pipe("testimony")(given)._.doc_date == "2011-05-01"
    [date] = [s for s in given.spans["testimony"] if s.label_ == "DATE"]
    assert date._.value["date_start"] == "2011-03-24"


def test_offsets_are_the_docs_own_and_every_span_is_on_tokens(doc):
    for span in [*doc.spans["testimony"], *doc.spans["events"]]:
        start, end = span._.chars
        assert span.start_char <= start < end <= span.end_char
        assert doc[span.start].idx == span.start_char  # a token boundary
    assert doc._.unaligned is None


def test_nlp_pipe_over_two_processes_gives_what_one_process_gives(nlp):
    texts = [STATEMENT, "Пикет в Уральске 5 марта 2012 года: задержаны трое, двое оштрафованы на 20 МРП.",
             "Ничего не произошло."]
    def view(d):
        return ([(s.label_, s.start_char, s.end_char, s._.normal, s._.value) for s in d.spans["testimony"]],
                [(s.label_, s.start_char, s.end_char, s._.value, s._.arguments) for s in d.spans["events"]],
                d._.doc_date)

    alone = [view(d) for d in nlp.pipe(texts)]
    together = [view(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert together == alone
    assert alone[1][1] and not alone[2][0]


def test_component_output_survives_a_docbin_and_reads_as_annotations(nlp, doc, tmp_path):
    DocBin(store_user_data=True, docs=[doc]).to_disk(tmp_path / "docs.spacy")
    [back] = DocBin().from_disk(tmp_path / "docs.spacy").get_docs(nlp.vocab)
    assert annotations_from_doc(back) == annotations_from_doc(doc)
    assert back._.doc_date == "2012-11-08"


def test_a_span_no_token_can_hold_is_reported(nlp):
    """A span over nothing but spaces has no token to expand to."""
    text = "Бахыт  Туменова задержан."
    doc = nlp.make_doc(text)
    annotated = AnnotatedDocument("d", text, (MentionAnnotation("PER", 0, 15, text[:15]),
                                              MentionAnnotation("LOC", 5, 6, " ")))
    unaligned = fill_doc(doc, annotated)
    assert unaligned == [{"kind": "mention", "label": "LOC", "start": 5, "end": 6, "text": " ",
                          "reason": "no token holds it"}]
    assert doc._.unaligned == unaligned
    assert [(s.label_, s.text) for s in doc.spans["testimony"]] == [("PER", "Бахыт  Туменова")]


def test_two_mentions_widened_onto_the_same_tokens_are_reported(nlp):
    """spaCy keeps 'Б.Т.Туменова' as one token: two PER mentions inside it cannot both be spans."""
    text = "Задержана Б.Т.Туменова."
    doc = nlp.make_doc(text)
    first, second = text.index("Б.Т."), text.index("Туменова")
    annotated = AnnotatedDocument("d", text, (MentionAnnotation("PER", first, first + 4, "Б.Т."),
                                              MentionAnnotation("PER", second, second + 8, "Туменова")))
    [item] = fill_doc(doc, annotated)
    assert (item["text"], item["reason"]) == ("Туменова", "another of its label covers the same tokens")
    [span] = doc.spans["testimony"]
    assert span.text == "Б.Т.Туменова" and span._.chars == [first, first + 4]


def test_without_events_only_mentions_are_tagged():
    nlp = spacy.blank("ru")
    nlp.add_pipe("testimony", config={"events": False})
    doc = nlp(STATEMENT)
    assert len(doc.spans["events"]) == 0 and len(doc.spans["testimony"]) >= 5
