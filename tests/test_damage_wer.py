"""The normaliser repairs generated PDF/OCR damage: word error rate stays under 1%."""

from __future__ import annotations

import pytest

from benchmarks.damage import DEFAULT_KINDS, damage
from benchmarks.damage_wer import clean_texts, measure, overall, word_errors
from pipeline.normalise import normalise


@pytest.fixture(scope="module")
def texts():
    return clean_texts()


def test_word_errors_counts_word_edits():
    assert word_errors("задержаны и осуждены", "задержаны и осуждены") == 0
    assert word_errors("задержаны и осуждены", "задержаны иосуждены") == 2
    assert word_errors("бастующих нефтяников", "бастую- щих нефтяников") == 2


def test_damage_is_reproducible_and_real(texts):
    clean = texts["000_6fb061e0297f36b6"]
    once = damage(clean, DEFAULT_KINDS, seed=5)
    assert once == damage(clean, DEFAULT_KINDS, seed=5)
    assert once != damage(clean, DEFAULT_KINDS, seed=6)
    assert word_errors(clean, once) > 0.05 * len(clean.split())  # damage really damages


def test_normalised_damage_word_error_rate_under_one_percent(texts):
    tallies = measure(seeds=2, texts=texts)
    assert overall(tallies) <= 0.01
    assert tallies["mixed"].wer <= 0.01
    assert tallies["hyphenation"].wer <= 0.01


def test_damage_repair_is_idempotent(texts):
    damaged = damage(texts["001_35f99063bebc0d6e"], DEFAULT_KINDS, seed=11)
    once = normalise(damaged).text
    assert normalise(once).text == once
