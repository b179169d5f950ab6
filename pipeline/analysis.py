"""Clean text to events, the one way a run does it: every caller that needs a document's
sentences, mentions or events (the batch run, the spaCy component, the benchmarks and the
tests) comes through here, so none of them builds events with less than a run passes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .nlp import Models
from .records import CleanText, Event, Mention, Sentence


@dataclass(frozen=True, slots=True)
class Analysis:
    """One clean text's sentences, date, mentions and events."""

    sentences: tuple[Sentence, ...]
    doc_date: dt.date | None
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


def events_of(clean: CleanText | str, sentences: Sequence[Sentence], mentions: Sequence[Mention], models: Models,
              doc_date: dt.date | None = None, *, judged: list | None = None,
              drafts_out: list | None = None) -> tuple[Event, ...]:
    """The events of a clean text whose sentences and mentions are found, with what the
    layout of its raw text tells (the line breaks that were blank lines:
    :func:`~pipeline.normalise.blank_line_breaks`). A bare string is a clean text whose raw
    text is not known: its lines are taken as they stand. ``judged`` and ``drafts_out`` as
    :func:`~pipeline.events.build_events` takes them."""
    from .events import build_events
    from .normalise import blank_line_breaks

    text = clean.text if isinstance(clean, CleanText) else clean
    breaks = blank_line_breaks(clean) if isinstance(clean, CleanText) else None
    return build_events(text, sentences, mentions, models, doc_date, judged=judged, drafts_out=drafts_out,
                        blank_breaks=breaks)


def analyse(clean: CleanText | str, models: Models, doc_date: dt.date | None = None, *,
            events: bool = True, judged: list | None = None, drafts_out: list | None = None) -> Analysis:
    """Sentences, mentions and (unless ``events`` is false) events of a clean text, as a run
    finds them; ``doc_date`` given by the caller wins over the date found in the text."""
    from .segment import split_sentences
    from .tag import tag_mentions

    text = clean.text if isinstance(clean, CleanText) else clean
    sentences = split_sentences(text)
    found_date, mentions = tag_mentions(text, models, doc_date)
    found = events_of(clean, sentences, mentions, models, found_date, judged=judged,
                      drafts_out=drafts_out) if events else ()
    return Analysis(tuple(sentences), found_date, tuple(mentions), found)
