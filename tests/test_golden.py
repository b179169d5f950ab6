"""Golden output tables: every table of every sample document, as it was reviewed.

The real ``testimony run`` over ``data/raw`` (the session's :func:`sample_run`) must
write, for each document, exactly the rows kept in ``data/expected/{doc_id}/{table}.csv``
(beside ``data/raw``, not inside it: ``testimony run data/raw`` reads every file there).
A change to any stage that moves a span, a value or an event shows here as a diff of
table rows. When the change is meant, regenerate the files and review their diff
before committing it::

    .venv/bin/python -m pytest tests/test_golden.py --regenerate-golden
    git diff data/expected/
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

import pandas as pd
import pytest

from pipeline.tables import TABLES

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "data" / "expected"
DOC_IDS = sorted(p.stem for p in (REPO / "data" / "raw").iterdir() if p.is_file())
# What differs between two runs over the same files: the code's fingerprint and where
# the files were given from.
VOLATILE = ("pipeline_version", "source")
MAX_DIFF_LINES = 80


def document_table(out: Path, table: str, doc_id: str) -> str:
    """One document's rows of one output table as CSV text, cells as the run wrote them."""
    frame = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
    rows = frame[frame["doc_id"] == doc_id].drop(columns=[c for c in VOLATILE if c in frame])
    buffer = io.StringIO()
    rows.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def readable_diff(expected: str, found: str) -> str:
    r"""What changed, row by row: a changed row lists only its changed cells.

    >>> print(readable_diff("id,type\n0,fine\n1,court\n", "id,type\n0,custody\n2,fine\n"))
    row 1 (id=0): type: 'fine' -> 'custody'
    row 2 (id=1): type: 'court' -> 'fine', id: '1' -> '2'
    """
    old_rows, new_rows = ([tuple(row) for row in csv.reader(io.StringIO(text))] for text in (expected, found))
    if not old_rows or not new_rows or old_rows[0] != new_rows[0]:
        return f"columns: {old_rows[:1]} -> {new_rows[:1]}"
    header, lines = old_rows[0], []
    ids = [i for i, c in enumerate(header) if c == "id" or (c.endswith("_id") and c != "doc_id")]
    matcher = difflib.SequenceMatcher(None, old_rows[1:], new_rows[1:], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            old = old_rows[1 + i1 + k] if i1 + k < i2 else None
            new = new_rows[1 + j1 + k] if j1 + k < j2 else None
            key = f"{header[ids[0]]}={(old or new)[ids[0]]}" if ids else ""
            if old is None:
                lines.append(f"row {j1 + k + 1} added ({key}): {_shown(header, new)}")
            elif new is None:
                lines.append(f"row {i1 + k + 1} gone ({key}): {_shown(header, old)}")
            else:
                changed = [f"{c}: {a!r} -> {b!r}" for c, a, b in zip(header, old, new) if a != b]
                lines.append(f"row {i1 + k + 1} ({key}): " + ", ".join(sorted(changed, key=_key_last)))
    cut = lines[:MAX_DIFF_LINES]
    if len(lines) > len(cut):
        cut.append(f"... {len(lines) - len(cut)} more rows")
    return "\n".join(cut)


def _shown(header: list[str], row: list[str]) -> str:
    return ", ".join(f"{c}={v!r}" for c, v in zip(header, row) if v and c != "doc_id")[:300]


def _key_last(change: str) -> bool:
    """Changed ids sort after the changed values: the values say what happened."""
    return change.split(":")[0].endswith("id")


def test_every_sample_has_expected_tables(request):
    assert DOC_IDS, "no samples in data/raw"
    if request.config.getoption("--regenerate-golden"):
        return
    missing = [doc_id for doc_id in DOC_IDS if not (EXPECTED / doc_id).is_dir()]
    assert not missing, f"no expected tables for {missing}: run pytest tests/test_golden.py --regenerate-golden"


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_output_matches_the_expected_table(sample_out, request, doc_id, table):
    found = document_table(sample_out, table, doc_id)
    path = EXPECTED / doc_id / f"{table}.csv"
    if request.config.getoption("--regenerate-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(found, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing: run pytest tests/test_golden.py --regenerate-golden"
    expected = path.read_text(encoding="utf-8")
    if found != expected:
        pytest.fail(f"{doc_id}: the {table} table differs from {path.relative_to(REPO)}; if the "
                    f"change is meant, rerun with --regenerate-golden and review `git diff "
                    f"data/expected`\n" + readable_diff(expected, found), pytrace=False)
