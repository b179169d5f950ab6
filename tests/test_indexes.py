"""The indexes that keep long documents linear give exactly what looking at everything gives.

Issue 14: a list of thousands of detainees is not compared pair by pair. The merge index
tries only the events a draft may be compatible with, and the span index returns only the
spans near a stretch of text; each is checked here against the all-pairs answer on random
input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.events import merge
from pipeline.events.draft import Draft, Telling
from pipeline.records import Count, DateValue, Event
from pipeline.tag.overlaps import BLOCK, SpanIndex

TRIGGERS = {"detention": ("задержан", "задержали", "задержание"), "court": ("суд", "приговорил"),
            "fine": ("штраф", "оштрафовали")}
DATES = (None, DateValue(dt.date(2024, 5, 6), dt.date(2024, 5, 6), "day"),
         DateValue(dt.date(2024, 5, 7), dt.date(2024, 5, 7), "day"),
         DateValue(dt.date(2024, 5, 1), dt.date(2024, 5, 31), "month"))
COUNTS = (None, Count(3, 3), Count(3, None), Count(7, 7))
NAMES = ("Иван Петров", "Анна Смирнова", "Олег Козлов", "Мария Орлова")

telling = st.builds(Telling, summary=st.booleans(), caption=st.booleans(), back_reference=st.booleans(),
                    about_application=st.booleans(), day_before=st.booleans(),
                    single=st.booleans(), repeated=st.booleans(), listed=st.booleans(),
                    particular=st.booleans(), inchoative=st.booleans(), later=st.booleans(),
                    retelling=st.booleans(), clause=st.integers(0, 2))
draft_spec = st.fixed_dictionaries({
    "type": st.sampled_from(sorted(TRIGGERS)),
    "word": st.integers(0, 2),
    "negated": st.booleans(),
    "persons": st.lists(st.sampled_from(NAMES), max_size=2, unique=True),
    "patients": st.lists(st.sampled_from(NAMES), max_size=1),
    "date": st.sampled_from(DATES),
    "count": st.sampled_from(COUNTS),
    "sentence_step": st.integers(0, 1),
    "paragraph_step": st.integers(0, 1),
    "date_stated": st.booleans(),
    "telling": telling,
})


def _drafts(specs: list[dict]) -> list[Draft]:
    drafts, sent_id, paragraph = [], 0, 0
    for position, spec in enumerate(specs):
        sent_id += spec["sentence_step"]
        paragraph += spec["paragraph_step"]
        words = TRIGGERS[spec["type"]]
        event = Event(type=spec["type"], start=10 * position, end=10 * position + 5,
                      trigger=words[spec["word"] % len(words)], sent_id=sent_id, negated=spec["negated"],
                      date=spec["date"], persons=tuple(spec["persons"]), count=spec["count"])
        drafts.append(Draft(event=event, paragraph=paragraph, telling=spec["telling"],
                            date_stated=spec["date_stated"], patients=tuple(spec["patients"])))
    return drafts


class _EveryEvent(merge._Index):
    """The oracle: every earlier event of any kind is a candidate, in order."""

    def candidates(self, draft: Draft) -> list[int]:
        return sorted(self._persons)


def _outcome(events: list[Draft]) -> list[tuple]:
    return [(e.event.start, tuple(m.event.start for m in e.members), e.event.persons, e.event.date,
             e.event.count) for e in events]


@settings(max_examples=300, deadline=None)
@given(st.lists(draft_spec, max_size=14), st.sampled_from([frozenset(), frozenset({"detention"})]),
       st.sampled_from([frozenset(), frozenset({"court"})]))
def test_the_index_merges_as_trying_every_pair(specs, separate_types, word_told):
    word_told = (word_told, frozenset())
    indexed = _outcome(merge.merge_drafts(_drafts(specs), separate_types, word_told))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(merge, "_Index", _EveryEvent)
        every_pair = _outcome(merge.merge_drafts(_drafts(specs), separate_types, word_told))
    assert indexed == every_pair


position = st.integers(0, 3 * BLOCK)
span = st.tuples(position, st.integers(0, BLOCK + 10)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(span, max_size=30), st.lists(st.integers(0, 29), max_size=10), st.lists(span, max_size=10))
def test_the_span_index_finds_what_every_span_check_finds(spans, removals, queries):
    index = SpanIndex(spans)
    kept = dict(enumerate(spans))
    for key in removals:
        if key in kept:
            index.remove(key)
            del kept[key]
    assert list(index) == list(kept.values())
    for start, end in queries:
        everything = [s for s in kept.values() if s[0] < end and start < s[1]]
        assert index.overlapping(start, end) == everything
