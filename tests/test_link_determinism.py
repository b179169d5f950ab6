"""``testimony link`` makes the same tables from the same input.

Whatever order a run wrote its documents in (``testimony run -j 2`` writes each as its
worker finishes it), whatever the hash seed, and however DuckDB's threads hand the
scored pairs over: researchers count incidents, and a second link of one output must
not count them otherwise, nor reorder the rows they compare nor the review file an
annotator works through.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import warnings

import pytest

from pipeline.link.output import LINK_TABLES, MANIFEST
from pipeline.link.review import REVIEW

# Invented statements: one detention told three times (once as a republished copy, whose
# pairs tie with its original's), a court's fine after it, a namesake detained the same
# day in another city, and someone of a shared surname detained elsewhere later.
STATEMENTS = {
    "a_first": "14 марта 2022 года в Новосибирске на площади Ленина полиция задержала "
               "Игоря Савельева и Ольгу Кравец, вышедших с плакатами.",
    "b_second": "Игорь Савельев и Ольга Кравец были задержаны 14 марта 2022 года в "
                "Новосибирске. 16 марта суд оштрафовал Савельева на 20 000 рублей.",
    "c_copy": "14 марта 2022 года в Новосибирске на площади Ленина полиция задержала "
              "Игоря Савельева и Ольгу Кравец, вышедших с плакатами.",
    "d_namesake": "14 марта 2022 года в Томске задержали Олега Савельева.",
    "e_fine": "16 марта 2022 года Октябрьский районный суд Новосибирска оштрафовал "
              "Игоря Савельева на 20 000 рублей.",
    "f_other": "В мае 2022 года в Омске задержали Анну Кравец.",
}


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    """A real ``testimony run`` output of the statements."""
    folder = tmp_path_factory.mktemp("determinism")
    texts = folder / "texts"
    texts.mkdir()
    for name, text in STATEMENTS.items():
        (texts / f"{name}.txt").write_text(text, encoding="utf-8")
    out = folder / "out"
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(texts), "-o",
                           str(out), "-q", "-j", "2"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def _in_order(out, folder, order: str):
    """``out``'s rows as another run may write them: its documents in ``order``
    (``as run``: the folder itself), each document's rows in their own order."""
    import pipeline
    from pipeline.tables import TABLES, write_tables

    if order == "as run":
        return out
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = pipeline.load(out)
    docs = sorted(set(tables.documents["doc_id"].astype(str)))
    if order == "reversed":
        docs.reverse()
    else:
        random.Random(order).shuffle(docs)
    rank = {d: i for i, d in enumerate(docs)}
    rows = {}
    for name in TABLES:
        frame = getattr(tables, name)
        frame = frame.iloc[frame["doc_id"].astype(str).map(rank).argsort(kind="stable")]
        rows[name] = frame.to_dict("records")
    write_tables(folder, rows)
    return folder


def _linked(out, dest, hash_seed: int) -> dict[str, str]:
    """``testimony link OUT -o DEST`` in its own process: each file it writes as text (the
    tables and the review file as CSV; the manifest without the folder it read)."""
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "link", str(out), "-o", str(dest)],
                          capture_output=True, text=True,
                          env=os.environ | {"PYTHONHASHSEED": str(hash_seed)})
    assert done.returncode == 0, done.stderr[-2000:]
    written = {name: (dest / f"{name}.csv").read_text(encoding="utf-8")
               for name in (*LINK_TABLES, REVIEW)}
    manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    manifest.pop("source")
    written[MANIFEST] = json.dumps(manifest, sort_keys=True)
    return written


# (how the second link's input differs from the first's, its documents' order, hash seeds)
CASES = [
    ("the same folder again", "as run", (1, 2)),
    ("the documents in reverse order", "reversed", (1, 1)),
    ("the documents shuffled", "7", (1, 1)),
    ("the documents shuffled otherwise, another hash seed", "11", (3, 4)),
]


@pytest.mark.parametrize("case, order, hash_seeds", CASES, ids=[c[0] for c in CASES])
def test_link_writes_the_same_tables_from_the_same_rows(run_folder, tmp_path, case, order,
                                                        hash_seeds):
    first = _linked(run_folder, tmp_path / "first", hash_seeds[0])
    second = _linked(_in_order(run_folder, tmp_path / "reordered", order), tmp_path / "second",
                     hash_seeds[1])
    assert first["incidents"].count("\n") > 1  # something was linked
    assert {name: text for name, text in second.items() if text != first[name]} == {}


# A kept pipeline output (``benchmarks.linking --keep``) is reused as it is: figures on one
# made by other stage code are figures of that code (issue 16: a rerun's "flaky" figures).
KEPT = [
    ("made by this code", "this", set()),
    ("made by other code", "0.1.0+000000000000", {"0.1.0+000000000000"}),
    ("made by no version recorded", None, set()),
]


@pytest.mark.parametrize("case, version, other", KEPT, ids=[c[0] for c in KEPT])
def test_the_benchmark_names_a_kept_output_made_by_other_code(tmp_path, case, version, other):
    from benchmarks.linking import other_code_versions
    from pipeline.batch.run import pipeline_version
    from pipeline.tables import write_tables

    version = pipeline_version() if version == "this" else version
    write_tables(tmp_path, {"documents": [{"doc_id": "a", "status": "ok",
                                           "pipeline_version": version}]})
    assert other_code_versions(tmp_path) == other


def test_link_learn_counts_the_same_incidents_whatever_the_order_of_documents():
    """``--learn`` re-estimates u on a sample drawn by record number: the same rows in
    another order of documents must draw the same sample (the synthetic corpus, invented
    statements of shared stories, large enough to learn from)."""
    import dataclasses

    import pandas as pd

    from pipeline.link import link
    from pipeline.link.engine import MIN_RECORDS_TO_TRAIN
    from pipeline.link.synthetic import make_corpus

    tables = make_corpus(int(MIN_RECORDS_TO_TRAIN * 1.2), seed=7).tables
    docs = sorted(set(tables.documents["doc_id"].astype(str)))
    found = []
    for order in (docs, docs[::-1]):
        rank = {d: i for i, d in enumerate(order)}
        reordered = {f.name: frame.iloc[frame["doc_id"].astype(str).map(rank).argsort(kind="stable")]
                     for f in dataclasses.fields(tables)
                     if isinstance(frame := getattr(tables, f.name), pd.DataFrame)
                     and "doc_id" in frame.columns}
        result = link("synthetic", write=False, learn=True,
                      tables=dataclasses.replace(tables, **reordered))
        assert result.learned["incidents"]["u_reestimated"]
        found.append(result.event_incidents.sort_values(["doc_id", "event_id"], ignore_index=True))
    pd.testing.assert_frame_equal(found[0], found[1])
