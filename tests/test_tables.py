"""The table writer: contract columns, dtypes, nulls, atomic files."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from pipeline.records import Count, DateValue, Money, Term
from pipeline.tables import (
    COLUMNS,
    DOCUMENTS,
    EVENTS,
    MENTIONS,
    TABLES,
    error_rows,
    read_table,
    to_frame,
    value_columns,
    write_atomically,
    write_tables,
)

VALUES = [
    (DateValue(dt.date(2012, 3, 1), dt.date(2012, 3, 31), "month"),
     {"date_start": dt.date(2012, 3, 1), "date_end": dt.date(2012, 3, 31), "date_precision": "month"}),
    (Money(30000, 81000, "KZT"), {"amount_min": 30000, "amount_max": 81000, "currency": "KZT", "approx": False}),
    (Term(15, 15, "day"), {"term_min": 15, "term_max": 15, "term_unit": "day", "approx": False}),
    (Count(1000, 1000, approx=True), {"count_min": 1000, "count_max": 1000, "approx": True}),
    (None, {}),
]


@pytest.mark.parametrize("value, columns", VALUES)
def test_values_fill_their_columns(value, columns):
    assert value_columns(value) == columns


def test_a_frame_has_the_contract_columns_and_nulls_not_sentinels():
    rows = [{"doc_id": "001", "mention_id": 0, "type": "MONEY", "start": 5, "end": 16,
             "text": "80900 тенге", **value_columns(Money(80900, 80900, "KZT"))},
            {"doc_id": "001", "mention_id": 1, "type": "PER", "start": 20, "end": 34,
             "text": "Бахыт Туменова", "normal": "Бахыт Туменова"}]
    frame = to_frame(MENTIONS, rows)
    assert list(frame.columns) == COLUMNS[MENTIONS]
    assert str(frame["start"].dtype) == "Int64" and str(frame["amount_min"].dtype) == "Float64"
    assert frame.loc[1, "amount_min"] is pd.NA and frame.loc[0, "normal"] is None
    assert frame.loc[0, "currency"] == "KZT"


def test_tables_round_trip_and_ids_stay_text(tmp_path):
    rows = error_rows("003", "in/003.pdf", None, "in/003.pdf: password-protected", "0.1")
    rows[EVENTS] = []
    write_tables(tmp_path, rows)
    for name in TABLES:
        assert (tmp_path / f"{name}.parquet").exists() and (tmp_path / f"{name}.csv").exists()
    (tmp_path / f"{DOCUMENTS}.parquet").unlink()
    documents = read_table(tmp_path, DOCUMENTS)  # from CSV now
    assert documents.loc[0, "doc_id"] == "003"
    assert documents.loc[0, "status"] == "error"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_a_failed_write_leaves_the_old_file_whole(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n", encoding="utf-8")

    def half_then_fail(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write("new, half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]
