"""The real ``testimony`` command on real files, as an analyst runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

from conftest import RAW
from pipeline.tables import read_table


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_run_on_samples_writes_every_table(sample_run):
    result, out = sample_run
    assert result.returncode == 0, result.stderr
    for name in ("documents", "sentences", "mentions", "events", "event_arguments"):
        # A partitioned Parquet dataset per table, and the CSV that --csv asked for.
        assert list((out / name).glob("part-*.parquet")) and (out / f"{name}.csv").exists()
    documents = pd.read_parquet(out / "documents")  # pandas reads the dataset folder as it is
    inputs = sorted(p.stem for p in RAW.iterdir() if not p.name.startswith("."))
    assert sorted(documents.doc_id) == inputs
    assert set(documents.status) == {"ok"}
    assert f"{len(inputs)} files: {len(inputs)} ok, 0 failed" in result.stdout


def test_texts_and_offsets_agree(sample_run):
    _, out = sample_run
    mentions = pd.read_parquet(out / "mentions")
    assert len(mentions) > 50
    for doc_id, group in mentions.groupby("doc_id"):
        clean = (out / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        for row in group.itertuples():
            assert clean[row.start:row.end] == row.text


def test_rerun_skips_unchanged_files(sample_run, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sample_run[1], out)  # the shared output stays as the first run left it
    again = run_cli("run", str(RAW), "-o", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    n = len([p for p in RAW.iterdir() if not p.name.startswith(".")])
    assert f"({n} unchanged since the last run)" in again.stdout


def test_bad_file_is_reported_and_batch_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "000_6fb061e0297f36b6.txt", inputs / "good.txt")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf")
    (inputs / "notes.xyz").write_text("что-то", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("run", str(inputs), "-o", str(out), "--quiet")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    documents = read_table(out, "documents").set_index("doc_id")
    assert not (out / "documents.csv").exists()  # CSV only when asked for
    assert documents.loc["good", "status"] == "ok"
    assert documents.loc["broken", "status"] == "error"
    assert "broken.pdf" in documents.loc["broken", "error"]
    assert "cannot read .xyz" in documents.loc["notes", "error"]


def test_missing_input_is_bad_usage(tmp_path):
    result = run_cli("run", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2


def test_reconcile_against_the_hand_annotations(sample_out, tmp_path):
    import json

    from conftest import ANNOTATED

    report = tmp_path / "report"
    result = run_cli("reconcile", str(sample_out), str(ANNOTATED), "-o", str(report))
    assert result.returncode == 0, result.stderr
    assert "events" in result.stdout
    metrics = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["documents"]["missing"] == []
    assert len(metrics["documents"]["compared"]) == 2
    # A regression guard well below what the README reports, not a target.
    assert metrics["mentions"]["strict"]["overall"]["f1"] >= 0.9
    assert metrics["events"]["types"]["overall"]["f1"] >= 0.8
    for name in ("discrepancies.csv", "discrepancies.xlsx", "metrics.csv"):
        assert (report / name).stat().st_size > 0


def test_reconcile_names_unreadable_gold(sample_out, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "broken.json").write_text("{not json", encoding="utf-8")
    result = run_cli("reconcile", str(sample_out), str(gold), "-o", str(tmp_path / "r"))
    assert result.returncode != 0
    assert "broken.json" in result.stderr
