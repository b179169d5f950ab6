"""The alignment builder: maps are monotone, kept characters map to themselves."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.normalise.align import Alignment, AlignmentBuilder, compose, compose_all, rewrite
from pipeline.normalise import normalise

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУХ"
PIECES = list(RUSSIAN + "xoacpeyXOACPE  -\n\f\t\u00ad\u00a0«»\"—–.,:;!?()ﬁ") + [
    "\r\n", "-\n", "\n\n", "  ", "бастую", "щих", "митинг", "в", "и", "кое", "как", "Алма", "Аты",
]
damaged_text = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


def assert_monotone(alignment: Alignment) -> None:
    pairs = list(zip(alignment.starts, alignment.ends))
    for (s1, e1), (s2, e2) in zip(pairs, pairs[1:]):
        assert s1 <= s2 and e1 <= e2
    for s, e in pairs:
        assert 0 <= s <= e <= len(alignment.source)


def test_builder_keeps_replaces_and_inserts():
    builder = AlignmentBuilder("бастую-\nщих  нефтяников")
    builder.delete(6, 8)  # "-\n"
    builder.replace(11, 13, " ")
    builder.insert(23, "!")
    result = builder.build()
    assert result.text == "бастующих нефтяников!"
    assert result.to_source(0, 9) == (0, 11)
    assert (result.starts[9], result.ends[9]) == (11, 13)  # the space maps to both spaces
    assert (result.starts[-1], result.ends[-1]) == (23, 23)  # inserted: empty span
    assert_monotone(result)


def test_builder_refuses_pieces_out_of_order():
    builder = AlignmentBuilder("митинг")
    builder.keep(0, 4)
    with pytest.raises(ValueError):
        builder.replace(2, 3, "x")


@given(st.text(alphabet=RUSSIAN + " \n", max_size=80), st.data())
def test_compose_maps_to_the_original(text, data):
    first = rewrite(text, re.compile(r"\n"), lambda m: " ")
    second = rewrite(first.text, re.compile(r" +"), lambda m: " " if len(m.group()) > 1 else None)
    both = compose(first, second)
    assert both.text == second.text and both.source == text
    assert_monotone(both)
    for i, char in enumerate(both.text):
        if char != " ":  # letters are kept by both passes
            assert text[both.starts[i] : both.ends[i]] == char


@settings(max_examples=150, deadline=None)
@given(damaged_text)
def test_normalise_map_properties(raw):
    clean = normalise(raw)
    alignment = Alignment(clean.text, raw, clean.raw_starts, clean.raw_ends)
    assert len(clean.raw_starts) == len(clean.raw_ends) == len(clean.text)
    assert_monotone(alignment)
    for start in range(0, len(clean.text) + 1, 7):
        for end in (start, min(len(clean.text), start + 5)):
            raw_start, raw_end = clean.to_raw(start, end)
            assert 0 <= raw_start <= raw_end <= len(raw)


@settings(max_examples=150, deadline=None)
@given(damaged_text)
@example("\xad\r\n")  # a soft hyphen at the very end once survived the first pass
@example("б а\nб а")  # a spaced word over two lines was joined only by a second normalise
def test_normalise_is_idempotent(raw):
    once = normalise(raw).text
    assert normalise(once).text == once


@given(st.text(alphabet=RUSSIAN + " .,", max_size=120))
def test_clean_text_maps_to_itself(text):
    """Text with nothing to repair comes through unchanged, each character to itself."""
    text = re.sub(r" +", " ", text).strip(" ")
    clean = normalise(text)
    assert clean.text == text
    assert list(clean.raw_starts) == list(range(len(text)))
    assert list(clean.raw_ends) == list(range(1, len(text) + 1))


def test_compose_all_runs_passes_in_order():
    passes = [
        lambda t: rewrite(t, re.compile("\r\n"), lambda m: "\n"),
        lambda t: rewrite(t, re.compile("-\n"), lambda m: ""),
    ]
    result = compose_all("бастую-\r\nщих", passes)
    assert result.text == "бастующих"
    assert result.to_source(0, len(result.text)) == (0, 12)
