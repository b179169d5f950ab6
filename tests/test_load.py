"""pipeline.load(): the output tables of the real samples, typed for pandas."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from conftest import as_single_files
from pipeline.research.dictionary import BOOL, CATEGORY, DATE, DICTIONARY, FLOAT, INT, NULLABLE_BOOL, STRING
from pipeline.errors import OutputError
from pipeline.research.loading import (
    Tables,
    conform,
    custodial_days_by_person,
    detentions_by_place,
    events_by_month,
    explode_persons,
    fines_by_currency,
    load,
    with_documents,
)
from pipeline.tables import COLUMNS, EVENTS, JOINED_COLUMNS, MENTIONS, TABLES, write_tables

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="session")
def out(sample_text_out) -> Path:
    """`testimony run` over the real sample statements (shared, read only)."""
    return sample_text_out


@pytest.fixture(scope="module")
def tables(out) -> Tables:
    return load(out)


@pytest.fixture(scope="module")
def old(out, tmp_path_factory) -> Path:
    """The same tables in the older one-file-per-table form (read only; tests that
    damage it work on a copy)."""
    return as_single_files(out, tmp_path_factory.mktemp("old") / "out")


def test_pipeline_load_is_the_function_and_import_pipeline_stays_light(out):
    import subprocess
    import sys

    assert pipeline.load is load
    code = "import sys, pipeline; print('pandas' in sys.modules)"
    light = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert light.stdout.strip() == "False"


CHECKS = {
    STRING: pd.api.types.is_string_dtype, INT: lambda d: d == "Int64",
    FLOAT: lambda d: d == "Float64", BOOL: lambda d: d == "bool",
    NULLABLE_BOOL: lambda d: d == "boolean", CATEGORY: lambda d: isinstance(d, pd.CategoricalDtype),
    DATE: pd.api.types.is_datetime64_dtype,
}


@pytest.mark.parametrize("table, column", [(t, c) for t in TABLES for c in COLUMNS[t]])
def test_every_column_has_the_dictionary_type(tables, table, column):
    frame = getattr(tables, table)
    expected = DICTIONARY[table][column].dtype
    assert CHECKS[expected](frame[column].dtype), f"{table}.{column}: {frame[column].dtype}"


def test_column_order_is_the_contract(tables):
    for table in TABLES:
        assert list(getattr(tables, table).columns) == COLUMNS[table] + JOINED_COLUMNS.get(table, [])


def test_tumenova_fine_of_80900_kzt(tables):
    mentions = tables.mentions
    money = mentions[(mentions.type == "MONEY") & (mentions.amount_min == 80900)]
    assert not money.empty and set(money.currency) == {"KZT"}
    fines = tables.events[(tables.events.type == "fine") & (tables.events.amount_min == 80900)]
    assert (fines.currency == "KZT").all()
    assert any("Бахыт Туменова" in p for p in fines.persons.dropna())
    dated = fines.dropna(subset=["date_start"])
    assert (dated.date_start == pd.Timestamp("2012-05-31")).all()


def test_dates_are_timestamps_and_categories_filter_by_label(tables):
    events = tables.events
    assert events.date_start.dropna().dt.year.eq(2012).all()
    assert (events.date_end.dropna() >= events.date_start[events.date_end.notna()]).all()
    assert set(events.type.cat.categories) >= {"detention", "fine", "custody"}
    assert (tables.documents.status == "ok").all()
    assert tables.documents.doc_date.notna().any()


def test_older_single_file_output_loads_the_same(old, tables):
    from_files = load(old)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_files, table), getattr(tables, table),
                                      check_categorical=False, obj=table)


def test_csv_only_output_loads_the_same_as_parquet(old, tables, tmp_path):
    copy = tmp_path / "csv_only"
    shutil.copytree(old, copy)
    for parquet in copy.glob("*.parquet"):
        parquet.unlink()
    from_csv = load(copy)
    for table in TABLES:
        pd.testing.assert_frame_equal(getattr(from_csv, table), getattr(tables, table),
                                      check_categorical=False, obj=table)


def test_explode_persons_gives_one_row_per_event_and_person(tables):
    events = tables.events
    people = explode_persons(events)
    expected = events.persons.dropna().str.split("; ").map(len).sum()
    assert len(people) == expected > 0
    for row in people.itertuples():
        assert row.person in row.persons.split("; ")
    assert people.person.str.strip().eq(people.person).all()


def test_with_documents_keeps_every_event_and_adds_its_document(tables):
    joined = with_documents(tables.events, tables.documents)
    assert len(joined) == len(tables.events)
    assert joined.source.notna().all()
    assert (joined.source.str.contains(joined.doc_id.iloc[0], regex=False)
            | (joined.doc_id != joined.doc_id.iloc[0])).all()


def _events(rows: list[dict]) -> pd.DataFrame:
    return conform(pd.DataFrame(rows), EVENTS)


def test_summaries_count_what_happened_and_leave_out_negated_events():
    pair = "Бахытжан Торегожина; Лариса Бояр"
    events = _events([
        {"doc_id": "d", "event_id": 0, "type": "detention", "place": "Алматы", "count_min": 2,
         "persons": pair, "date_start": "2012-04-01", "negated": False},
        {"doc_id": "d", "event_id": 1, "type": "custody", "persons": pair, "term_min": 15,
         "term_max": 15, "term_unit": "day", "date_start": "2012-04-01", "negated": False},
        {"doc_id": "d", "event_id": 2, "type": "custody", "persons": "Лариса Бояр", "term_min": 1,
         "term_max": 1, "term_unit": "month", "date_start": "2012-05-02", "negated": False},
        {"doc_id": "d", "event_id": 3, "type": "detention", "persons": "Бахыт Туменова",
         "date_start": "2012-05-31", "negated": True},
        {"doc_id": "d", "event_id": 4, "type": "fine", "persons": "Бахыт Туменова",
         "amount_min": 30000, "amount_max": 81000, "currency": "KZT", "negated": False},
        {"doc_id": "d", "event_id": 5, "type": "fine", "amount_min": 80900, "amount_max": 80900,
         "currency": "KZT", "date_start": "2012-05-31", "negated": False},
    ])
    places = detentions_by_place(events)
    assert places.loc["Алматы", "events"] == 1 and places.loc["Алматы", "people"] == 2
    assert len(places) == 1  # the negated detention is not counted
    fines = fines_by_currency(events)
    assert fines.loc["KZT", "total_min"] == 110900 and fines.loc["KZT", "total_max"] == 161900
    days = custodial_days_by_person(events)
    assert days.loc["Бахытжан Торегожина", "days_min"] == 15
    assert days.loc["Лариса Бояр", "days_min"] == pytest.approx(15 + 30.44, abs=0.01)
    months = events_by_month(events)
    assert months.loc[pd.Period("2012-04", "M"), "custody"] == 1
    assert months.loc[pd.Period("2012-05", "M")].sum() == 2  # custody and fine; not the negated


# Outputs written by older versions.

def _drop(out: Path, table: str, columns: list[str]) -> None:
    formats = (("parquet", pd.read_parquet, lambda f, p: f.to_parquet(p, index=False)),
               ("csv", pd.read_csv, lambda f, p: f.to_csv(p, index=False)))
    for suffix, read, write in formats:
        path = out / f"{table}.{suffix}"
        write(read(path).drop(columns=columns), path)


def test_older_output_without_optional_columns_loads_them_as_null(old, tmp_path):
    old = shutil.copytree(old, tmp_path / "old")
    _drop(old, EVENTS, ["evidence_spans", "actors", "negated"])
    _drop(old, MENTIONS, ["approx", "entity_id"])
    tables = load(old)
    assert list(tables.events.columns) == COLUMNS[EVENTS] + JOINED_COLUMNS[EVENTS]
    assert tables.events.evidence_spans.isna().all() and tables.events.actors.isna().all()
    assert tables.events.negated.dtype == "boolean" and tables.events.negated.isna().all()
    assert tables.mentions.entity_id.dtype == "Int64" and tables.mentions.entity_id.isna().all()
    assert len(fines_by_currency(tables.events)) >= 1  # the summaries still work


@pytest.mark.parametrize("table, column", [(EVENTS, "type"), ("event_arguments", "mention_id"),
                                           ("documents", "status")])
def test_older_output_without_a_required_column_is_refused_by_name(old, tmp_path, table, column):
    old = shutil.copytree(old, tmp_path / "old")
    _drop(old, table, [column])
    with pytest.raises(OutputError, match=rf"{table} table lacks required column\(s\) {column}"):
        load(old)


def test_missing_folder_or_table_says_which(out, old, tmp_path):
    with pytest.raises(OutputError, match="no such output folder"):
        load(tmp_path / "nowhere")
    partial = tmp_path / "partial"
    shutil.copytree(out, partial)
    shutil.rmtree(partial / "event_arguments")
    with pytest.raises(OutputError, match="a file of its tables is missing"):
        load(partial)
    partial = shutil.copytree(old, tmp_path / "partial_old")
    (partial / "event_arguments.parquet").unlink()
    (partial / "event_arguments.csv").unlink()
    with pytest.raises(OutputError, match="the event_arguments table is missing"):
        load(partial)


def test_newer_columns_are_kept_after_the_known_ones(old, tmp_path):
    newer = shutil.copytree(old, tmp_path / "newer")
    frame = pd.read_parquet(newer / "events.parquet")
    frame["confidence"] = 0.5
    frame.to_parquet(newer / "events.parquet", index=False)
    events = load(newer).events
    assert list(events.columns) == COLUMNS[EVENTS] + JOINED_COLUMNS[EVENTS] + ["confidence"]


# Values may be one-sided bounds: `до 30 суток` (max only), `более 400` (min only).
# Each row: the values of the events (low, high), then the totals (low, high) and how
# many events state a value. A null high total means unbounded.
BOUNDED_FINES = [
    ("two-sided", [(10, 20), (30000, 81000)], (30010, 81020), 2),
    ("min only", [(10, 20), (300000, None)], (300010, None), 2),
    ("max only", [(10, 20), (None, 100)], (10, 120), 2),
    ("min only and max only", [(None, 100), (300000, None)], (300000, None), 2),
    ("one amount", [(80900, 80900)], (80900, 80900), 1),
    ("no amount", [(None, None), (5, 5)], (5, 5), 1),
    ("none stated", [(None, None)], (None, None), 0),
]


def _written_events(tmp_path: Path, rows: list[dict]) -> pd.DataFrame:
    """``rows`` as events written by the project's writer and read back by ``load``."""
    documents = [{"doc_id": "d", "source": "d.txt", "status": "ok"}]
    rows = [{"doc_id": "d", "event_id": i, "negated": False} | row for i, row in enumerate(rows)]
    write_tables(tmp_path / "out", {"documents": documents, "events": rows})
    return load(tmp_path / "out").events


def _total(value) -> float | None:
    return None if pd.isna(value) else float(value)


@pytest.mark.parametrize("case, values, totals, stated", BOUNDED_FINES)
def test_fine_totals_read_one_sided_amounts(tmp_path, case, values, totals, stated):
    events = _written_events(tmp_path, [
        {"type": "fine", "currency": "KZT", "amount_min": low, "amount_max": high}
        for low, high in values])
    fines = fines_by_currency(events)
    row = fines.loc["KZT"] if "KZT" in fines.index else fines.loc["(no amount)"]
    assert row["fines"] == len(values) and row["with_amount"] == stated, case
    assert (_total(row["total_min"]), _total(row["total_max"])) == totals, case
    # Never a high total below the low one.
    assert pd.isna(row["total_max"]) or row["total_max"] >= row["total_min"]


BOUNDED_TERMS = [
    ("two-sided", [(10, 18, "day"), (15, 15, "day")], (25, 33), 2),
    ("max only: до 30 суток", [(None, 30, "day"), (15, 15, "day")], (15, 45), 2),
    ("min only: свыше 5 лет", [(5, None, "year"), (15, 15, "day")], (5 * 365.25 + 15, None), 2),
    ("max only alone", [(None, 30, "day")], (0, 30), 1),
    ("no term", [(None, None, None), (15, 15, "day")], (15, 15), 1),
]


@pytest.mark.parametrize("case, terms, days, stated", BOUNDED_TERMS)
def test_custodial_days_read_one_sided_terms(tmp_path, case, terms, days, stated):
    events = _written_events(tmp_path, [
        {"type": "custody", "persons": "Лариса Бояр", "term_min": low, "term_max": high,
         "term_unit": unit} for low, high, unit in terms])
    row = custodial_days_by_person(events).loc["Лариса Бояр"]
    assert row["custody_events"] == len(terms) and row["with_term"] == stated, case
    low, high = days
    assert _total(row["days_min"]) == pytest.approx(low), case
    assert (_total(row["days_max"]) is None) if high is None else (
        _total(row["days_max"]) == pytest.approx(high)), case
