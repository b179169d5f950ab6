"""Long documents through the real CLI: lists of detainees and one sentence naming thousands.

Before the fix, every pair of names, spans and events was compared: 4,000 lines took
four minutes and a sentence naming 5,000 people ran out of 3 GB. Here both must finish
inside the CLI's own per-file limits (``--timeout``, ``--max-memory``), well above what
they now need (the timings and memory per size are in ``benchmarks/long_documents.py``),
with every person found and each detention its own event.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.long_documents import detainee_list, one_sentence
from conftest import REPO
from pipeline.segment import MAX_SENTENCE_TOKENS
from pipeline.tables import read_table

LINES = 3000
NAMES = 2500


@pytest.fixture(scope="module")
def long_run(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("long")
    (folder / "in").mkdir()
    (folder / "in" / "list.txt").write_text(detainee_list(LINES), encoding="utf-8")
    (folder / "in" / "sentence.txt").write_text(one_sentence(NAMES), encoding="utf-8")
    out = folder / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(folder / "in"), "-o", str(out), "-j", "2", "-q",
         "--timeout", "300", "--max-memory", "1200"],
        cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_long_documents_finish_within_the_limits(long_run):
    documents = read_table(long_run, "documents").set_index("doc_id")
    assert documents.loc["list", "status"] == "ok", documents.loc["list", "error"]
    assert documents.loc["sentence", "status"] == "ok", documents.loc["sentence", "error"]


def test_every_detainee_of_a_list_is_a_person_of_their_own_detention(long_run):
    events = read_table(long_run, "events")
    detentions = events[(events["doc_id"] == "list") & (events["type"] == "detention")]
    assert len(detentions) >= LINES * 0.98  # one per line: never merged into one another
    named = detentions["persons"].dropna()
    assert len(named) >= LINES * 0.98
    assert named.nunique() >= len(named) * 0.95  # each line's own person


def test_a_sentence_naming_thousands_is_cut_at_commas(long_run):
    sentences = read_table(long_run, "sentences")
    sentences = sentences[sentences["doc_id"] == "sentence"]
    assert sentences["n_tokens"].max() <= MAX_SENTENCE_TOKENS
    assert len(sentences) >= NAMES * 4 // MAX_SENTENCE_TOKENS  # a name and its comma: 4 tokens
    text = (long_run / "texts" / "sentence.txt").read_text(encoding="utf-8")
    for row in sentences.itertuples():  # offsets still index the clean text
        assert text[row.start : row.end] == row.text
    cut = sentences[sentences["text"].str.len() > 1000]  # the long one's pieces
    assert cut["text"].iloc[:-1].str.endswith(",").all()  # cut after a comma, not inside a name
    mentions = read_table(long_run, "mentions")
    people = mentions[(mentions["doc_id"] == "sentence") & (mentions["type"] == "PER")]
    assert len(people) >= NAMES * 0.97
