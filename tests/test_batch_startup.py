"""How a batch starts its workers must not change what it writes.

With no more files than jobs (a rerun with a few files changed), each worker loads
the stages and models itself while the parent prepares the table writer
(``pipeline.batch.run.loads_its_own_models``); with more, workers fork from a parent
that loaded them. Both must give the same tables and texts.
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
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


# In a fresh process: the warm-up, then a worker forked as the batch forks its workers,
# which reads a PDF page with Latin words (the quality gate asks wordfreq about each) and
# says which word-frequency lists it had to load itself (wordfreq's cache misses).
FORKED_AFTER_WARM_UP = """
import multiprocessing, sys
import wordfreq
from pathlib import Path
from pipeline.batch import run
from pipeline.extract.quality import measure
run.worker_models(warm=True)
loaded = wordfreq.get_frequency_dict.cache_info().misses
def worker(queue):
    measure("Акция у офиса Amnesty International: police officers detained the activists")
    queue.put(wordfreq.get_frequency_dict.cache_info().misses - loaded)
queue = multiprocessing.get_context("fork").Queue()
process = multiprocessing.get_context("fork").Process(target=worker, args=(queue,))
process.start()
print(loaded, queue.get(timeout=300))
process.join()
"""


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked")
def test_a_worker_forked_after_the_warm_up_shares_the_word_lists_it_needs():
    """The English word list (the extract stage's quality gate looks up every word in Latin
    letters) is loaded once in the parent, shared by the workers forked after it, instead
    of once in each worker on its first such page; the Russian list (six times larger,
    rarely asked for) is not loaded for nothing."""
    result = subprocess.run([sys.executable, "-c", FORKED_AFTER_WARM_UP], cwd=REPO,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    loaded_by_parent, loaded_by_worker = map(int, result.stdout.split())
    assert (loaded_by_parent, loaded_by_worker) == (1, 0)


# A batch as a library call in a fresh process that logs (to the file ARGV[4]) the pid of
# every process that warms the models up: the warm-up's temporary folder is seen by an
# audit hook, which forked workers inherit.
WHO_WARMED = """
import os, sys
from pathlib import Path
log = sys.argv[4]
def hook(event, args):
    if event == "tempfile.mkdtemp" and "testimony-warm-up-" in str(args[0]):
        with open(log, "a") as f:
            f.write(f"{'parent' if os.getpid() == parent else 'worker'}\\n")
parent = os.getpid()
sys.addaudithook(hook)
from pipeline.batch import run
from pipeline.batch.workers import Limits
limits = Limits() if sys.argv[6] == "isolated" else Limits(timeout=None, max_memory_mb=None)
result = run.run_batch(sorted(Path(sys.argv[1]).glob("*.txt"))[:int(sys.argv[3])], sys.argv[2], jobs=int(sys.argv[5]),
                       limits=limits)
assert result.n_failed == 0, result.failures
"""

# (files, jobs, limits, who warms up): only a parent that forks its workers afterwards.
# One job without limits runs the files in the calling process; with limits (the
# default) it forks one worker.
WARM_UPS = [(2, 1, "in-process", []), (1, 2, "isolated", []), (2, 2, "isolated", []),
            (3, 2, "isolated", ["parent"]), (2, 1, "isolated", ["parent"])]


@pytest.mark.parametrize("n_files, jobs, limits, warmed", WARM_UPS)
def test_only_a_parent_that_forks_its_workers_warms_the_models_up(tmp_path, n_files, jobs, limits, warmed):
    """The warm-up is paid only where forked workers share it: not by workers that load
    their own models, nor by a batch run in one process."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for index in range(n_files):  # the sample statements, a third a copy under another name
        source = sorted(RAW.glob("*.txt"))[index % 2]
        (inputs / f"{index}_{source.name}").write_bytes(source.read_bytes() + f"\n{index}\n".encode())
    log = tmp_path / "warmed.log"
    log.touch()
    result = subprocess.run([sys.executable, "-c", WHO_WARMED, str(inputs), str(tmp_path / "out"), str(n_files),
                             str(log), str(jobs), limits], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert log.read_text().split() == warmed


# `testimony run` in a fresh process (the console script), which then says whether pandas
# was ever imported.
RUN_AND_SAY_PANDAS = """
import atexit, sys
from pipeline.cli import entry_point
atexit.register(lambda: print("pandas" in sys.modules))  # the script ends the process itself
entry_point(sys.argv[1:])
"""


NO_DASK = pytest.mark.skipif(importlib.util.find_spec("distributed") is None,
                             reason="Dask is the dask extra: pip install 'testimony[dask]'")


@pytest.mark.parametrize("options, imported", [([], False), (["--csv"], True),
                                               (["--part-size", "1"], False),  # parts before the tail
                                               pytest.param(["--cluster", "local:2"], False, marks=NO_DASK)],
                         ids=["parquet", "csv", "a part per file", "dask client"])
def test_a_run_writes_and_rewrites_its_parts_without_pandas(sample_out, tmp_path, options, imported):
    """Parts are written and rewritten by pyarrow alone: the run never imports pandas
    (half a second of every run's start) unless --csv asks for its export, also where
    it is a Dask cluster's client (which rewrites the parts a rerun replaces; this held
    before the test was written too); the
    tables are the same either way."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(RAW, inputs)
    text = sorted(inputs.glob("*.txt"))[0]
    original = text.read_bytes()
    for content in (original + "\nДополнение к заявлению.\n".encode(), original):  # written, then rewritten
        text.write_bytes(content)
        result = subprocess.run([sys.executable, "-c", RUN_AND_SAY_PANDAS, "run", str(inputs), "-o", str(out), "-q",
                                 "-j", "2", *options], cwd=REPO, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[-1] == str(imported)
    found, wanted = tables(out), tables(sample_out)
    for name in TABLES:
        columns = [c for c in wanted[name].columns if c != "source"]  # the copies' paths differ
        pd.testing.assert_frame_equal(found[name][columns], wanted[name][columns], obj=name)


def test_the_console_script_is_the_entry_point_that_owns_its_process():
    import tomllib

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["testimony"] == "pipeline.cli:entry_point"


# `testimony run` without --csv called inside a process that goes on, which then asks
# pyarrow to convert a pandas Series with a missing value.
RUN_IN_PROCESS = """
import sys
from click.testing import CliRunner
from pipeline.cli import main
args = ["run", *sys.argv[2:]]
if sys.argv[1] == "clirunner":
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
else:
    assert main(args, standalone_mode=False) == 0  # the exit code, not SystemExit
import pandas as pd
import pyarrow as pa
print(pa.array(pd.Series([1, 2, None], dtype="Int64")).null_count)
"""


@pytest.mark.parametrize("how", ["clirunner", "standalone_mode_false"])
def test_a_run_inside_a_process_leaves_pyarrow_its_pandas(tmp_path, how):
    """Hiding pandas from pyarrow lasts for the whole process: a CLI run called in a
    process that goes on (a test's CliRunner, a notebook) must not do it."""
    text = sorted(RAW.glob("*.txt"))[0]
    result = subprocess.run([sys.executable, "-c", RUN_IN_PROCESS, how, str(text), "-o", str(tmp_path / "out"),
                             "-q", "-j", "2"], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "1"


# `testimony run` in a fresh process (the console script), which then says whether
# python-docx was ever imported in it.
RUN_AND_SAY_DOCX = """
import atexit, sys
from pipeline.cli import entry_point
atexit.register(lambda: print("docx" in sys.modules))  # the script ends the process itself
entry_point(sys.argv[1:])
"""

IN_PROCESS = ["-j", "1", "--timeout", "0", "--max-memory", "0"]  # no worker: the files run here


@pytest.mark.parametrize("with_docx, options, imported", [
    (False, ["-j", "2"], False), (False, IN_PROCESS, False), (True, ["-j", "2"], False), (True, IN_PROCESS, True),
], ids=["pdf and text, workers", "pdf and text, in process", "docx, workers", "docx, in process"])
def test_python_docx_is_imported_only_to_read_a_docx(tmp_path, with_docx, options, imported):
    """python-docx is imported where a DOCX is read, never in a batch's parent that forks
    its workers (a tenth of a second before any of them can start), and the DOCX is
    read all the same."""
    from test_hostile import good_docx

    inputs = tmp_path / "in"
    shutil.copytree(RAW, inputs)
    if with_docx:
        good_docx(inputs / "statement.docx", sorted(RAW.glob("*.txt"))[0].read_text(encoding="utf-8"))
    result = subprocess.run([sys.executable, "-c", RUN_AND_SAY_DOCX, "run", str(inputs), "-o", str(tmp_path / "out"),
                             "-q", *options], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == str(imported)
    documents = read_tables(tmp_path / "out")["documents"]
    assert set(documents["status"]) == {"ok"} and len(documents) == len(list(inputs.iterdir()))


# A batch run as a library call in a fresh process (three statements, two jobs: the parent
# forks a read-ahead, loads and warms the models, forks its workers), which then says what
# the parent had done when it first forked (the read-ahead), whether its garbage collector
# ran while it warmed the models up, and whether the collector is on at the end.
FORK_AND_COLLECTOR = """
import gc, os, sys
from pathlib import Path
parent = os.getpid()
caller_collects = sys.argv[4] == "on"
if not caller_collects:
    gc.disable()
seen = {}
def hook(event, args):
    if os.getpid() != parent:
        return
    if event == "os.fork" and "fork" not in seen:
        from pipeline import resources
        lexicons = sum(load.cache_info().currsize for load in (resources.load_json, resources.load_jsonl,
                                                               resources.load_csv))
        seen["fork"] = ("pipeline.tables" in sys.modules, lexicons > 0)
    elif event == "tempfile.mkdtemp" and "testimony-warm-up-" in str(args[0]):
        seen["warm-up"] = gc.isenabled()
sys.addaudithook(hook)
from pipeline.batch import run
result = run.run_batch(sorted(Path(sys.argv[1]).glob("*.txt")), sys.argv[2], jobs=int(sys.argv[3]))
assert result.n_failed == 0, result.failures
tables, lexicon = seen["fork"]
print(tables, lexicon, seen["warm-up"], gc.isenabled(), run.reads_ahead(result.n_files, int(sys.argv[3])))
"""


def three_statements(folder):
    folder.mkdir()
    for index in range(3):  # the sample statements, the third a copy under another name
        source = sorted(RAW.glob("*.txt"))[index % 2]
        (folder / f"{index}_{source.name}").write_bytes(source.read_bytes() + f"\n{index}\n".encode())
    return folder


@pytest.mark.parametrize("caller_collects", ["on", "off"])
def test_the_parent_forks_its_read_ahead_before_the_tables_and_lexicons_and_warms_up_without_collecting(
        tmp_path, caller_collects):
    """What the read-ahead does not need (the tables' code, checking the lexicons) the parent
    does after forking it, so the spare core starts reading sooner; importing the stages and
    loading and warming the models is done with the garbage collector paused (what they
    build lives as long as the run), which is on again afterwards unless the caller had
    turned it off. The tables are what any batch writes."""
    inputs = three_statements(tmp_path / "in")
    result = subprocess.run([sys.executable, "-c", FORK_AND_COLLECTOR, str(inputs), str(tmp_path / "out"), "2",
                             caller_collects], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    tables_first, lexicons_first, collecting_in_warm_up, collecting_after, read_ahead = result.stdout.split()
    if read_ahead == "True":  # the first fork is the read-ahead's (two usable cores or more)
        assert (tables_first, lexicons_first) == ("False", "False")
    assert collecting_in_warm_up == "False"
    assert collecting_after == ("True" if caller_collects == "on" else "False")
    expected = tmp_path / "expected"
    done = run(inputs, "-o", expected, "-j", "1", "--timeout", "0", "--max-memory", "0")  # in one process
    assert done.returncode == 0, done.stderr
    assert_same_output(tmp_path / "out", expected)


# A batch as a library call in a fresh process whose workers load their own models (no
# more files than jobs), which logs from each worker (an audit hook, inherited by the
# fork) whether its garbage collector was on when it imported the models' module and
# when it opened its file, and whether what it loaded was frozen by then.
SELF_LOADING_COLLECTOR = """
import gc, os, sys
from pathlib import Path
parent, log = os.getpid(), sys.argv[4]
inputs = sorted(Path(sys.argv[1]).glob("*.txt"))
def hook(event, args):
    if os.getpid() == parent:
        return
    if event == "import" and args[0] == "pipeline.nlp":
        said = f"models {gc.isenabled()}"
    elif event == "open" and str(args[0]) in {str(path) for path in inputs}:
        said = f"file {gc.isenabled()} {gc.get_freeze_count() > 50_000}"  # the stages and models: ~71,000 objects
    else:
        return
    with open(log, "a") as f:
        f.write(said + "\\n")
sys.addaudithook(hook)
from pipeline.batch import run
result = run.run_batch(inputs, sys.argv[2], jobs=int(sys.argv[3]))
assert result.n_failed == 0, result.failures
print(run._models is None, gc.isenabled())
"""

# (files, jobs): each worker loads its own models.
SELF_LOADING = [(1, 1), (1, 2), (2, 2)]


@pytest.mark.parametrize("n_files, jobs", SELF_LOADING)
def test_a_worker_loading_its_own_models_does_so_without_collecting(tmp_path, n_files, jobs):
    """A worker that loads its own models (a rerun of a few files) imports the stages and
    loads them with the garbage collector paused, as the batch's parent does: what they
    build lives as long as the worker. By its first file the collector is on again and
    what was loaded is frozen out of its sight."""
    inputs = three_statements(tmp_path / "in")
    for extra in sorted(inputs.iterdir())[n_files:]:
        extra.unlink()
    log = tmp_path / "worker.log"
    log.touch()
    result = subprocess.run([sys.executable, "-c", SELF_LOADING_COLLECTOR, str(inputs), str(tmp_path / "out"),
                             str(jobs), str(log)], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True"]  # the parent loaded nothing, and collects
    said = log.read_text().splitlines()
    assert sorted(said) == sorted(["models False"] * n_files + ["file True True"] * n_files)


# In a fresh process: the stages imported and the models warmed up as a batch's parent
# does before it forks its workers; then each table a stage builds from the lexicons alone
# (a cached function of no argument in the stages' modules) says whether it is built yet,
# and each module a PDF's text needs (PDFium's text is UTF-16) whether it is imported.
BUILT_BY_THE_WARM_UP = """
import inspect, json, sys
from pipeline.batch import run
run.import_stages()
run.worker_models(warm=True)
stages = ("pipeline.extract", "pipeline.normalise", "pipeline.segment", "pipeline.tag", "pipeline.events")
built = {}
for name, module in list(sys.modules.items()):
    if not name.startswith(stages):
        continue
    for attr, value in vars(module).items():
        if (hasattr(value, "cache_info") and getattr(value, "__module__", None) == name
                and not inspect.signature(value.__wrapped__).parameters):
            built[f"{name}.{attr}"] = value.cache_info().currsize > 0
built["encodings.utf_16_le"] = "encodings.utf_16_le" in sys.modules
print(json.dumps(built))
"""


@pytest.fixture(scope="module")
def built_by_the_warm_up() -> dict[str, bool]:
    result = subprocess.run([sys.executable, "-c", BUILT_BY_THE_WARM_UP], cwd=REPO,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# Tables each worker built on its first document that asked, because the warm-up
# statement never reached the rule that reads them (and the codec of PDFium's text).
FIRST_USE_TABLES = [
    "pipeline.events.grounds._happening_words", "pipeline.events.merge._families",
    "pipeline.events.place_names._one_word_places", "pipeline.events.places._venue_nouns",
    "pipeline.events.triggers._long_trigger_keys", "pipeline.events.triggers.person_patient_lemmas",
    "pipeline.extract.plain._letter_log_frequencies", "pipeline.tag.facilities._kinds",
    "pipeline.tag.gazetteer._streets", "pipeline.tag.gazetteer._hubs", "pipeline.tag.gazetteer._dedications",
    "pipeline.tag.gazetteer._appositive_heads", "pipeline.tag.latin_names._spelling",
    "pipeline.tag.latin_names._english_first_names", "pipeline.tag.latin_names._english_surnames",
    "pipeline.tag.latin_names._body_or_place_nouns", "pipeline.tag.names._place_kind_nouns",
    "pipeline.tag.org_names.with_country_nouns", "pipeline.tag.person_context._family_nouns",
    "pipeline.tag.place_kinds._buildings", "pipeline.tag.place_or_person._context",
    "pipeline.tag.works.legal_acts", "encodings.utf_16_le",
]


@pytest.mark.parametrize("table", FIRST_USE_TABLES)
def test_the_warm_up_builds_what_a_forked_worker_would_build_on_first_use(built_by_the_warm_up, table):
    """A worker forked after the warm-up shares these with the parent instead of building
    its own on its first document (``resources.lexicon_index``)."""
    assert built_by_the_warm_up[table]


def test_every_table_the_stages_build_from_the_lexicons_alone_is_built_by_the_warm_up(built_by_the_warm_up):
    """Not only the tables listed above: one a new rule adds is built before the fork too."""
    assert [name for name, built in built_by_the_warm_up.items() if not built] == []
