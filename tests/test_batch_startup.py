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
import pytest

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


# A batch run as a library call in a fresh process, which then says whether it (the
# parent) ever loaded the models and the stages: a parent whose workers load their own
# never does.
WHO_LOADED = """
import sys
from pipeline.batch import run
result = run.run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
print(result.n_ok, result.n_failed, result.n_skipped, run._models is not None, "pipeline.events" in sys.modules)
"""


def run_and_say_who_loaded(inputs, out, jobs: int) -> tuple[int, int, int, bool, bool]:
    """(files ok, failed, unchanged since the last run; whether the parent loaded the
    models, and the stages)."""
    result = subprocess.run([sys.executable, "-c", WHO_LOADED, str(inputs), str(out), str(jobs)], cwd=REPO,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    ok, failed, skipped, models, stages = result.stdout.split()
    return int(ok), int(failed), int(skipped), models == "True", stages == "True"


def test_workers_loading_their_own_models_write_what_forked_ones_write(sample_out, tmp_path):
    """As many jobs as files: the parent never loads the models or the stages (so the
    workers loaded their own), and the tables and texts are a forked run's."""
    n = len([p for p in RAW.iterdir() if not p.name.startswith(".")])
    assert loads_its_own_models(n, n, Limits()) and not loads_its_own_models(n, 1, Limits())
    out = tmp_path / "out"
    assert run_and_say_who_loaded(RAW, out, n) == (n, 0, 0, False, False)
    assert_same_output(out, sample_out)


def test_with_more_files_than_jobs_workers_fork_from_a_parent_that_loaded_the_models(sample_out, tmp_path):
    """The other path, told apart by the same probe: it must see the difference."""
    n = len([p for p in RAW.iterdir() if not p.name.startswith(".")])
    out = tmp_path / "out"
    assert run_and_say_who_loaded(RAW, out, n - 1) == (n, 0, 0, True, True)
    assert_same_output(out, sample_out)


def test_a_rerun_of_one_changed_file_by_a_self_loading_worker(sample_out, tmp_path):
    """Two runs into one folder: all the samples (workers forked from a loaded parent),
    then one file edited and back (the rerun's one worker loads its own models, and the
    parent none): the folder ends as a single run of the samples leaves it."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, inputs)
    text = sorted(inputs.glob("*.txt"))[0]
    original = text.read_bytes()
    text.write_bytes(original + "\nДополнение к заявлению.\n".encode())
    assert run(inputs, "-o", out, "-j", 2).returncode == 0
    text.write_bytes(original)
    n = len(list(inputs.iterdir()))
    assert run_and_say_who_loaded(inputs, out, 2) == (n, 0, n - 1, False, False)  # the parent loaded nothing
    found, wanted = tables(out), tables(sample_out)
    for name in TABLES:
        columns = [c for c in wanted[name].columns if c != "source"]  # the copies' paths differ
        pd.testing.assert_frame_equal(found[name][columns], wanted[name][columns], obj=name)


def test_the_warm_up_statement_goes_through_every_stage(models):
    """Workers start with the stages' first-use work done (``run.warm_up``) only if the
    warm-up statement really reaches them: tags of every kind, and events with a date,
    a person and a value."""
    from pipeline.batch.run import warm_up_rows

    rows = warm_up_rows(models)
    assert {m["type"] for m in rows["mentions"]} >= {"PER", "LOC", "ORG", "DATE", "MONEY", "TERM"}
    events = {e["type"]: e for e in rows["events"]}
    assert {"detention", "fine"} <= set(events)
    assert events["fine"]["amount_min"] == 15000 and events["detention"]["persons"]
    assert rows["event_arguments"] and rows["sentences"]


# `testimony run` in a fresh process, which then says whether pandas was ever imported.
RUN_AND_SAY_PANDAS = """
import sys
from pipeline.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    print(done.code, "pandas" in sys.modules)
"""


@pytest.mark.parametrize("options, imported", [([], False), (["--csv"], True)], ids=["parquet", "csv"])
def test_a_run_writes_and_rewrites_its_parts_without_pandas(sample_out, tmp_path, options, imported):
    """Parts are written and rewritten by pyarrow alone: the run never imports pandas
    (half a second of every run's start) unless --csv asks for its export; the tables
    are the same either way."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, inputs)
    text = sorted(inputs.glob("*.txt"))[0]
    original = text.read_bytes()
    for content in (original + "\nДополнение к заявлению.\n".encode(), original):  # written, then rewritten
        text.write_bytes(content)
        result = subprocess.run([sys.executable, "-c", RUN_AND_SAY_PANDAS, "run", str(inputs), "-o", str(out), "-q",
                                 "-j", "2", *options], cwd=REPO, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[-2:] == ["0", str(imported)]
    found, wanted = tables(out), tables(sample_out)
    for name in TABLES:
        columns = [c for c in wanted[name].columns if c != "source"]  # the copies' paths differ
        pd.testing.assert_frame_equal(found[name][columns], wanted[name][columns], obj=name)
