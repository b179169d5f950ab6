"""The pipeline as a spaCy component: ``nlp.add_pipe("testimony")``.

::

    import spacy
    nlp = spacy.blank("ru")
    nlp.add_pipe("testimony")          # found through the package's entry point
    doc = nlp("Вчера в Алматы задержали Бахыта Туменова ...")
    doc.ents                            # mentions that do not overlap
    doc.spans["testimony"]              # every mention, nested ones included
    doc.spans["events"]                 # event triggers labelled with their type

The component runs our own stages on ``doc.text`` — normalise, sentences, tag,
events — and puts the result on the Doc through
:func:`pipeline.gold.spacy_docbin.fill_doc`, the same code that writes a ``.spacy``
export, so the attributes are those described there (``span._.normal``,
``span._.value``, ``span._.arguments``, ``doc._.doc_date``). Offsets found in the
normalised text are mapped back to ``doc.text`` and widened to spaCy's tokens;
a span no token can hold (or one widened onto the tokens of another of its label)
is listed in ``doc._.unaligned`` and logged.

Set ``doc._.doc_date`` (ISO) before the component runs to give the statement's
date; otherwise the dateline found in the text is used. Models are loaded once per
process, on the first Doc (so ``nlp.pipe(texts, n_process=2)`` loads them once in
each worker).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .gold.records import AnnotatedDocument
from .gold.spacy_docbin import fill_doc, register_extensions

log = logging.getLogger(__name__)


@cache
def _models():
    """natasha and pymorphy3, once per process."""
    from .nlp import load_models

    return load_models()


class TestimonyComponent:
    """Tags mentions and builds events on a Doc's text (see the module docstring)."""

    def __init__(self, name: str = "testimony", events: bool = True, normalise: bool = True) -> None:
        self.name = name
        self.events = events
        self.normalise = normalise
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        annotated, doc_date = self.annotate(doc.text, _date(doc._.doc_date))
        unaligned = fill_doc(doc, annotated)
        doc._.doc_date = doc_date.isoformat() if doc_date else None
        for item in unaligned:
            log.warning("testimony: %s %s at %d-%d (%r) is not on the Doc: %s",
                        item["kind"], item["label"], item["start"], item["end"], item["text"], item["reason"])
        return doc

    def annotate(self, text: str, doc_date: dt.date | None = None) -> tuple[AnnotatedDocument, dt.date | None]:
        """Our stages over ``text``: its annotations (offsets into ``text``) and its date."""
        from .analysis import analyse
        from .batch.run import pipeline_version
        from .gold.roundtrip import annotations_of
        from .normalise import normalise
        from .records import CleanText, Page, ProcessedDocument, RawDocument
        from .tables import document_rows

        models = _models()
        clean = normalise(text) if self.normalise else CleanText(text, text, range(len(text)),
                                                                range(1, len(text) + 1))
        found = analyse(clean, models, doc_date, events=self.events)
        doc_date = found.doc_date
        raw = RawDocument("doc", "", "", "plain", (Page(1, text),))
        processed = ProcessedDocument(raw, clean, doc_date, found.sentences, found.mentions, found.events)
        # The rows the tables would hold, read as annotations by the same code the export uses.
        rows = document_rows(processed, pipeline_version())
        on_clean = annotations_of(_Rows(clean.text, rows), "spaCy component")
        return _onto_raw(on_clean, clean), doc_date


class _Rows:
    """One document's table rows in the shape :func:`annotations_of` reads."""

    def __init__(self, text: str, rows: dict) -> None:
        self.doc_id, self.text = "doc", text
        self.sentences, self.mentions = rows["sentences"], rows["mentions"]
        self.events, self.arguments = rows["events"], rows["event_arguments"]


def _onto_raw(doc: AnnotatedDocument, clean) -> AnnotatedDocument:
    """Annotations of the clean text moved onto the text it was made from."""
    text = clean.raw

    def move(start: int, end: int) -> tuple[int, int]:
        return clean.to_raw(start, end)

    mentions = []
    for m in doc.mentions:
        start, end = move(m.start, m.end)
        mentions.append(replace(m, start=start, end=end, text=text[start:end]))
    events = []
    for e in doc.events:
        start, end = move(e.start, e.end) if e.start is not None else (None, None)
        events.append(replace(
            e, start=start, end=end, trigger=None if start is None else text[start:end],
            arguments=tuple((role, *move(s, t)) for role, s, t in e.arguments),
            also=tuple(move(s, t) for s, t in e.also)))
    return replace(doc, text=text, mentions=tuple(mentions), events=tuple(events), page_starts=())


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@Language.factory("testimony", default_config={"events": True, "normalise": True})
def make_testimony(nlp: Language, name: str, events: bool, normalise: bool) -> TestimonyComponent:
    """The ``testimony`` component: ``events`` false tags mentions only; ``normalise``
    false reads the text as it is (already clean)."""
    return TestimonyComponent(name, events=events, normalise=normalise)
