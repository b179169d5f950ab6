"""How a batch starts its workers must not change what it writes.

With no more files than jobs (a rerun with a few files changed), each worker loads
the stages and models itself while the parent prepares the table writer
(``pipeline.batch.run.loads_its_own_models``); with more, workers fork from a parent
that loaded them. Both must give the same tables and texts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd

from conftest import RAW, REPO
from pipeline.batch.run import loads_its_own_models
from pipeline.batch.workers import Limits
from pipeline.tables import TABLES, read_tables

KEYS = {"documents": ["doc_id"], "sentences": ["doc_id", "sent_id"], "mentions": ["doc_id", "mention_id"],
        "events": ["doc_id", "event_id"], "event_arguments": ["doc_id", "event_id", "role", "mention_id"]}


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "run", *map(str, args), "-q"], cwd=REPO,
                          capture_output=True, text=True, timeout=900)


def tables(out) -> dict[str, pd.DataFrame]:
    frames = read_tables(out)
    return {name: frames[name].sort_values(KEYS[name]).reset_index(drop=True) for name in TABLES}


def assert_same_output(out, expected) -> None:
    found, wanted = tables(out), tables(expected)
    for name in TABLES:
        pd.testing.assert_frame_equal(found[name], wanted[name], obj=name)
    assert sorted(p.name for p in (out / "texts").iterdir()) == sorted(p.name for p in (expected / "texts").iterdir())
    for text in (expected / "texts").iterdir():
        assert (out / "texts" / text.name).read_bytes() == text.read_bytes(), text.name


def test_workers_loading_their_own_models_write_what_forked_ones_write(sample_out, tmp_path):
    n = len([p for p in RAW.iterdir() if not p.name.startswith(".")])
    assert loads_its_own_models(n, n, Limits()) and not loads_its_own_models(n, 1, Limits())
    out = tmp_path / "out"
    result = run(RAW, "-o", out, "-j", n)
    assert result.returncode == 0, result.stderr
    assert f"{n} files: {n} ok, 0 failed" in result.stdout
    assert_same_output(out, sample_out)


def test_a_rerun_of_one_changed_file_by_a_self_loading_worker(sample_out, tmp_path):
    """Two runs into one folder: all the samples (workers forked from a loaded parent),
    then one file edited and back (the rerun's one worker loads its own models): the
    folder ends as a single run of the samples leaves it."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, inputs)
    text = sorted(inputs.glob("*.txt"))[0]
    original = text.read_bytes()
    text.write_bytes(original + "\nДополнение к заявлению.\n".encode())
    assert run(inputs, "-o", out, "-j", 2).returncode == 0
    text.write_bytes(original)
    result = run(inputs, "-o", out, "-j", 2)
    assert result.returncode == 0, result.stderr
    assert "(3 unchanged since the last run)" in result.stdout
    found, wanted = tables(out), tables(sample_out)
    for name in TABLES:
        columns = [c for c in wanted[name].columns if c != "source"]  # the copies' paths differ
        pd.testing.assert_frame_equal(found[name][columns], wanted[name][columns], obj=name)
