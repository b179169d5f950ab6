"""Shared fixtures: heavy models are built once per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

# As pipeline/__init__.py does, before anything imports pyarrow: the system allocator,
# so workers forked from this process after it read Parquet keep their memory limit.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
# Lexicons are checked afresh in every test session (the stamps of files that passed,
# pipeline.resources, go to a folder of the session's own; its runs share it; it is
# removed when the session ends, pytest_unconfigure).
SESSION_CACHE = os.environ["TESTIMONY_CACHE_DIR"] = tempfile.mkdtemp(prefix="testimony-test-cache-")

import pytest
from hypothesis import settings

# CI runs the property tests on the same examples every time (a clean clone must pass or
# fail for a reason in the code, not by the draw); locally they explore new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
ANNOTATED = REPO / "data" / "annotated"
SHARED = REPO.parent / "shared"


def pytest_unconfigure(config):
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)


def pytest_addoption(parser):
    parser.addoption("--regenerate-golden", action="store_true",
                     help="rewrite the expected output tables in data/expected/ from this run")


@pytest.fixture(scope="session")
def models():
    """natasha and pymorphy3 models, built once for the whole run."""
    from pipeline.nlp import load_models

    return load_models()


@pytest.fixture(scope="session")
def sample_texts() -> dict[str, str]:
    """The two real sample statements, by doc_id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))}


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """The real ``testimony run`` over data/raw, once per test session: (result, out).

    Tests that only read the tables share it; tests that rerun or damage an
    output folder work on a copy.
    """
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("sample_out")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(RAW), "-o", str(out), "--quiet", "--csv"],
        capture_output=True, text=True, timeout=900,
    )
    return result, out


@pytest.fixture(scope="session")
def sample_out(sample_run) -> Path:
    """The output folder of :func:`sample_run`, which must have succeeded."""
    result, out = sample_run
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def sample_text_out(tmp_path_factory) -> Path:
    """The pipeline's output for the two sample .txt statements only (the PDFs repeat
    them), through the library; made once per session and only read by tests."""
    from pipeline.batch.run import run_batch

    out = tmp_path_factory.mktemp("sample_text_out")
    result = run_batch(sorted(RAW.glob("*.txt")), out)
    assert result.n_failed == 0, result.failures
    return out


CRLF_EMOJI = REPO / "tests" / "data" / "annotate" / "crlf_emoji.txt"


@pytest.fixture(scope="session")
def pipeline_out(tmp_path_factory) -> Path:
    """The real pipeline's output over the two sample texts and a statement with CRLF
    line ends and an emoji: what the annotation round trips export and read back."""
    from pipeline.batch.run import run_batch

    out = tmp_path_factory.mktemp("annotate_out")
    result = run_batch([*sorted(RAW.glob("*.txt")), CRLF_EMOJI], out)
    assert result.n_failed == 0, result.failures
    return out


def as_single_files(out: Path, dest: Path) -> Path:
    """An archive's tables rewritten in the older form, one ``NAME.parquet`` and
    ``NAME.csv`` per table, with its texts: what runs before the archive wrote."""
    import shutil

    from pipeline.tables import read_tables, write_tables

    frames = read_tables(out)
    write_tables(dest, {name: frame.to_dict("records") for name, frame in frames.items()})
    shutil.copytree(out / "texts", dest / "texts")
    return dest


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory):
    """The real ``testimony run -j 2`` over a folder of every hostile input, once per
    session: (expected rows by doc_id, the finished command, OUT). The cluster tests
    run the same folder on Dask and compare."""
    import subprocess
    import sys

    from test_hostile import build_hostile_folder

    root = tmp_path_factory.mktemp("hostile")
    expect = build_hostile_folder(root / "in")
    out = root / "out"
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(root / "in"), "-o", str(out),
                             "-j", "2", "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=900)
    return expect, result, out


def events_reader(models, doc_date):
    """A function giving the events of a text, as a run finds them (:func:`pipeline.analysis.analyse`;
    for the events tests: each module dates its statements on its own day). A ``CleanText``
    (``normalise(raw)``) keeps what its raw layout tells; a string is taken as clean text."""
    from pipeline.analysis import analyse

    def run(text):
        return analyse(text, models, doc_date).events

    return run


def of_trigger(events, word):
    """The first event whose trigger starts with ``word`` (lower case); fails naming what was found."""
    found = [e for e in events if e.trigger.lower().startswith(word)]
    assert found, f"no {word} in {[(e.type, e.trigger) for e in events]}"
    return found[0]


def dated(events, word):
    """The (first, last) day of the event ``word`` triggers, or None when it has no date."""
    date = of_trigger(events, word).date
    return (date.start, date.end) if date else None


def day(y, m, d):
    return dt.date(y, m, d), dt.date(y, m, d)


def days(y, m, first, last):
    return dt.date(y, m, first), dt.date(y, m, last)


def month(y, m, last):
    return dt.date(y, m, 1), dt.date(y, m, last)


def year(y):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def type_counts(text, models, doc_date):
    """How many events of each type a text tells (tag, then events; negated ones left out)."""
    from pipeline.events import build_events
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    found_date, mentions = tag_mentions(text, models, doc_date)
    return event_types(build_events(text, split_sentences(text), mentions, models, found_date))


def event_types(events):
    """How many events of each type, negated ones left out."""
    from collections import Counter

    return Counter(e.type for e in events if not e.negated)
