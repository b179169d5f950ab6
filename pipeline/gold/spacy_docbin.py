"""spaCy ``DocBin`` (``.spacy``): documents with their mentions and events, out and back in.

One ``Doc`` per document, tokenised by a blank Russian pipeline. Mentions are the
span group ``doc.spans["testimony"]`` (nested ones included) and, where they do not
overlap, ``doc.ents`` — what ``spacy train`` reads for a ``ner`` component; events
are ``doc.spans["events"]``, each a trigger span labelled with its type. Values ride
in custom attributes and are saved with the doc (``DocBin(store_user_data=True)``):

- a mention: ``span._.normal`` (canonical form) and ``span._.value`` (the SPEC value
  columns: ``date_start``, ``amount_min``, ``currency``, …);
- an event: ``span._.value`` (dates, place, persons, actors, amounts, …, ``negated``)
  and ``span._.arguments`` (``[role, start, end]`` of the mentions they point at);
- a document: ``doc._.doc_id``, ``doc._.doc_date``, ``doc._.page_starts`` and
  ``doc._.unaligned`` (spans no token boundary could hold).

A span's attributes are keyed by its label and offsets, not by its offsets alone as
spaCy's default attributes are, so a mention and an event on the same words, or two
mentions of one span, keep their own values; a span an annotator moves or relabels
loses the values that no longer fit it. Spans follow spaCy's tokens: an offset inside
a token widens the span to the whole token (``alignment_mode="expand"``) and the exact
offsets are kept in ``span._.chars``, so reading a ``DocBin`` back gives the same
annotations. The :mod:`pipeline.spacy_component` fills a ``Doc`` through the same
:func:`fill_doc`. spaCy is the optional extra ``testimony[spacy]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import GoldError
from ..records import EVENT_TYPES, MENTION_TYPES
from .records import AnnotatedDocument, EventAnnotation, MentionAnnotation, check_span

MENTIONS_KEY = "testimony"  # doc.spans[...] of every mention, nested ones included
EVENTS_KEY = "events"  # doc.spans[...] of event triggers
SUFFIX = ".spacy"
LANGUAGE = "ru"
_STORE = "testimony"  # first element of this module's doc.user_data keys


def require_spacy():
    """The spacy module, or a GoldError saying how to install it."""
    try:
        import spacy
    except ImportError:
        raise GoldError("the spaCy format needs spaCy: pip install 'testimony[spacy]'") from None
    return spacy


# ---------------------------------------------------------------- attributes
#
# Every attribute is stored in doc.user_data as JSON text: msgpack hands lists back as
# tuples through a DocBin and tuples back as lists through Doc.to_bytes, text comes
# back the same either way. A getter returns a fresh object: assign, don't mutate.


def _span_key(span, name: str) -> tuple:
    return (_STORE, name, span.label_, span.start_char, span.end_char, span.id)


def _get(doc, key: tuple, default=None):
    stored = doc.user_data.get(key)
    return json.loads(stored) if stored is not None else (default() if callable(default) else default)


def _set(doc, key: tuple, value) -> None:
    if value is None:
        doc.user_data.pop(key, None)
    else:
        doc.user_data[key] = json.dumps(value, ensure_ascii=False)


def _span_attribute(name: str, default=None):
    """Getter and setter of a span attribute stored under the span's label and offsets."""
    return (lambda span: _get(span.doc, _span_key(span, name), default),
            lambda span, value: _set(span.doc, _span_key(span, name), value))


def _doc_attribute(name: str):
    return (lambda doc: _get(doc, (_STORE, name)), lambda doc, value: _set(doc, (_STORE, name), value))


def _chars(span) -> list[int]:
    """The exact offsets a span was annotated at (its own unless its tokens widened it)."""
    return _get(span.doc, _span_key(span, "chars"), lambda: [span.start_char, span.end_char])


SPAN_ATTRIBUTES = {"normal": None, "value": None, "arguments": list, "also": list}
DOC_ATTRIBUTES = ("doc_id", "doc_date", "page_starts", "unaligned", "unplaced_events")


def register_extensions() -> None:
    """Register the custom attributes on Doc and Span (once; safe to call again)."""
    from spacy.tokens import Doc, Span

    for name, default in SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            getter, setter = _span_attribute(name, default)
            Span.set_extension(name, getter=getter, setter=setter)
    if not Span.has_extension("chars"):
        Span.set_extension("chars", getter=_chars, setter=_span_attribute("chars")[1])
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            getter, setter = _doc_attribute(name)
            Doc.set_extension(name, getter=getter, setter=setter)


# ---------------------------------------------------------------- annotations -> Doc


def blank_pipeline():
    """A blank Russian pipeline: spaCy's tokeniser, nothing else (what a DocBin is made
    and read with)."""
    return require_spacy().blank(LANGUAGE)


def fill_doc(doc, annotated: AnnotatedDocument) -> list[dict]:
    """Put a document's mentions and events on a Doc of the same text; the spans that
    could not be aligned to tokens (each a dict naming it), also in ``doc._.unaligned``."""
    from spacy.util import filter_spans

    register_extensions()
    if doc.text != annotated.text:
        raise GoldError(f"{annotated.doc_id}: the Doc's text is not the annotated text")
    unaligned: list[dict] = []
    taken: set[tuple] = set()  # a span's attributes are keyed by its label, offsets and id

    def span(kind: str, label: str, start: int, end: int, span_id: str | None = None):
        found = doc.char_span(start, end, label=label, alignment_mode="expand",
                               span_id=span_id or 0)
        reason = ("no token holds it" if found is None or not found.text.strip() else
                  "another of its label covers the same tokens"
                  if (label, found.start_char, found.end_char, found.id) in taken else None)
        if reason:
            unaligned.append({"kind": kind, "label": label, "start": start, "end": end,
                              "text": doc.text[start:end], "reason": reason})
            return None
        taken.add((label, found.start_char, found.end_char, found.id))
        if (found.start_char, found.end_char) != (start, end):
            found._.chars = [start, end]
        return found

    mentions = []
    for m in annotated.mentions:
        found = span("mention", m.type, m.start, m.end)
        if found is not None:
            values = dict(m.values)
            found._.normal = values.pop("normal", None)
            found._.value = values or None
            mentions.append(found)
    events, unplaced = [], []
    for n, e in enumerate(annotated.events):
        found = None if e.start is None else span("event", e.type, e.start, e.end, f"e{n}")
        if found is None:
            unplaced.append({"type": e.type, "start": e.start, "end": e.end, "values": e.values,
                             "arguments": e.arguments, "also": e.also})
            continue
        found._.value = e.values or None
        found._.arguments = e.arguments or None
        found._.also = e.also or None
        events.append(found)
    doc.spans[MENTIONS_KEY] = mentions
    doc.spans[EVENTS_KEY] = events
    doc.ents = filter_spans(mentions)  # the outermost of nested mentions
    doc._.doc_id = annotated.doc_id
    doc._.page_starts = annotated.page_starts or None
    doc._.unaligned = unaligned or None
    doc._.unplaced_events = unplaced or None
    return unaligned


def doc_from_annotations(nlp, annotated: AnnotatedDocument):
    """A new Doc of the document's text (tokenised by ``nlp``) with its annotations."""
    if annotated.text is None:
        raise GoldError(f"{annotated.doc_id}: a Doc needs the document's text (an event table has none)")
    doc = nlp.make_doc(annotated.text)
    fill_doc(doc, annotated)
    return doc


# ---------------------------------------------------------------- Doc -> annotations


def annotations_from_doc(doc, where: str = "") -> AnnotatedDocument:
    """A Doc's mentions and events as annotations, every span checked against its text.

    Mentions are ``doc.spans["testimony"]`` when the Doc has that group, else
    ``doc.ents`` (a DocBin made by another tool, or a trained ``ner``'s output).
    """
    register_extensions()
    doc_id = doc._.doc_id or where or "doc"
    where = f"{where} ({doc_id})" if where else doc_id
    text = doc.text
    has_group = MENTIONS_KEY in doc.spans
    mentions = []
    for span in (doc.spans[MENTIONS_KEY] if has_group else doc.ents):
        if span.label_ not in MENTION_TYPES:
            raise GoldError(f"{where}: mention {span.text!r} has label {span.label_!r}, which is not "
                            f"one of {', '.join(MENTION_TYPES)}")
        start, end = span._.chars
        check_span(f"{where}: mention {span.label_}", text, start, end, None)
        values = ({"normal": span._.normal} if span._.normal is not None else {}) | (span._.value or {})
        mentions.append(MentionAnnotation(span.label_, start, end, text[start:end], values))
    events = []
    for span in doc.spans[EVENTS_KEY] if EVENTS_KEY in doc.spans else ():
        if span.label_ not in EVENT_TYPES:
            raise GoldError(f"{where}: event {span.text!r} has type {span.label_!r}, which is not "
                            f"one of {', '.join(EVENT_TYPES)}")
        start, end = span._.chars
        check_span(f"{where}: event {span.label_}", text, start, end, None)
        events.append(EventAnnotation(span.label_, start, end, text[start:end], span._.value or {},
                                      tuple(tuple(a) for a in span._.arguments),
                                      tuple(tuple(s) for s in span._.also)))
    for record in doc._.unplaced_events or ():
        events.append(EventAnnotation(record["type"], record["start"], record["end"],
                                      None if record["start"] is None else text[record["start"]:record["end"]],
                                      record["values"], tuple(tuple(a) for a in record["arguments"]),
                                      tuple(tuple(s) for s in record["also"])))
    page_starts = tuple(tuple(p) for p in doc._.page_starts or ())
    return AnnotatedDocument(doc_id, text, tuple(mentions), tuple(events), page_starts,
                             mention_types=frozenset(m.type for m in mentions),
                             has_events=EVENTS_KEY in doc.spans,
                             source=where).canonical()


# ---------------------------------------------------------------- files


def write_docbin(docs: Iterable[AnnotatedDocument], path: Path, force: bool = False) -> list[Path]:
    """Write every document into one ``.spacy`` file, atomically; the file written
    (one already there with other content is replaced only with ``force``)."""
    from .io import write_files

    nlp = blank_pipeline()
    from spacy.tokens import DocBin

    path = Path(path)
    if path.is_dir() or path.suffix != SUFFIX:
        raise GoldError(f"{path}: the spaCy format writes one file; give a path ending in {SUFFIX}")
    docbin = DocBin(store_user_data=True)
    for annotated in docs:
        docbin.add(doc_from_annotations(nlp, annotated))
    return write_files([(path, docbin.to_bytes())], force=force)


def read_docbin(path: Path) -> list[AnnotatedDocument]:
    """Documents from a ``.spacy`` file, or every ``.spacy`` file in a folder."""
    nlp = blank_pipeline()
    from spacy.tokens import DocBin

    path = Path(path)
    files = sorted(path.glob(f"*{SUFFIX}")) if path.is_dir() else [path]
    if not files:
        raise GoldError(f"{path}: no {SUFFIX} files in this folder")
    register_extensions()
    documents = []
    for file in files:
        try:
            docbin = DocBin().from_disk(file)
            docs = list(docbin.get_docs(nlp.vocab))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{file}: not a spaCy DocBin ({type(error).__name__}: {error})") from None
        for n, doc in enumerate(docs):
            if doc._.doc_id is None:
                doc._.doc_id = f"{file.stem}-{n}" if len(docs) > 1 else file.stem
            documents.append(annotations_from_doc(doc, f"{file} doc {n}"))
    return documents
