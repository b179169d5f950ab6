"""The data dictionary cannot drift from the tables or from docs/data_dictionary.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.research.dictionary import (
    BOOL,
    CATEGORY,
    DATE,
    DEFAULT_PATH,
    DICTIONARY,
    FLOAT,
    INT,
    NULLABLE_BOOL,
    main,
    render_markdown,
)
from pipeline.link.output import LINK_DTYPES
from pipeline.research.loading import LINKED_TABLES
from pipeline.tables import COLUMNS, DATE_VALUED, DTYPES, JOINED_COLUMNS, LINK_COLUMNS, TABLES

DOCS = Path(__file__).resolve().parents[1] / "docs" / "data_dictionary.md"
# What tables.py writes, as what load() gives.
WRITTEN_AS = {"Int64": {INT}, "Float64": {FLOAT}, "boolean": {BOOL, NULLABLE_BOOL}}
# What load() gives: the run's tables with the link ids joined on, and the link's own.
LOADED = {**{t: COLUMNS[t] + JOINED_COLUMNS.get(t, []) for t in TABLES},
          **{t: LINK_COLUMNS[t] for t in LINKED_TABLES}}


def test_every_table_and_column_is_described_in_order():
    assert list(DICTIONARY) == list(LOADED)
    for table, columns in LOADED.items():
        assert list(DICTIONARY[table]) == columns, table


@pytest.mark.parametrize("table, column", [(t, c) for t, cs in LOADED.items() for c in cs])
def test_entry_agrees_with_how_the_table_is_written(table, column):
    entry = DICTIONARY[table][column]
    assert entry.meaning.strip() and entry.example.strip()
    written = LINK_DTYPES if table in LINKED_TABLES else DTYPES
    if column in written:
        assert entry.dtype in WRITTEN_AS[written[column]], (table, column)
    elif column in DATE_VALUED:
        assert entry.dtype == DATE
    else:  # written as text: read as text or as a category of labels
        assert entry.dtype in {"string", CATEGORY}
    if entry.values:
        assert entry.dtype == CATEGORY and entry.example in entry.values


def test_keys_are_required():
    for table in TABLES:
        assert DICTIONARY[table]["doc_id"].required
    assert DICTIONARY["events"]["event_id"].required
    assert DICTIONARY["mentions"]["mention_id"].required


def test_committed_markdown_is_the_generated_one():
    assert DEFAULT_PATH == DOCS
    assert DOCS.read_text(encoding="utf-8") == render_markdown(), \
        "docs/data_dictionary.md is stale: run `python -m pipeline.research.dictionary`"


def test_markdown_lists_every_column_once_per_table():
    text = render_markdown()
    for table, columns in LOADED.items():
        section = text.split(f"\n## {table}\n", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert [r.split("`")[1] for r in rows] == columns


def test_check_flag_fails_on_a_stale_file_and_passes_after_writing(tmp_path, capsys):
    path = tmp_path / "data_dictionary.md"
    path.write_text("# old\n", encoding="utf-8")
    assert main([str(path), "--check"]) == 1
    assert "stale" in capsys.readouterr().err
    assert main([str(path)]) == 0
    assert main([str(path), "--check"]) == 0
