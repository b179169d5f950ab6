"""An output folder is an archive: runs add to it, ids stay, one run at a time, whole generations.

Most tests run the batch with a stand-in for the stages (``fake_stages``: it writes
each file's text as its clean text and one sentence row per line), so the archive is
tested without loading the models; the lock and the kills use the real command.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from conftest import RAW, REPO, as_single_files
from pipeline.batch.archive import Archive, load_registry, read_state
from pipeline.batch.run import InputFile, Staging, run_batch
from pipeline.batch.store import open_store
from pipeline.batch.workers import Limits
from pipeline.errors import OutputError
from pipeline.tables import DOCUMENTS, SENTENCES, TABLES, read_table, read_tables

QUICK = Limits(timeout=30, max_memory_mb=None)


def fake_stages(item: InputFile, staging: Staging):
    """The file's text as its clean and raw text; a documents row and a sentence per line."""
    if "://" in str(item.path):
        import fsspec

        with fsspec.open(str(item.path), "rb") as f:
            text = f.read().decode("utf-8")
    else:
        text = Path(item.path).read_text(encoding="utf-8")
    staging.write_text(f"{item.doc_id}.txt", text)
    staging.write_text(f"{item.doc_id}.raw.txt", text)
    document = {"doc_id": item.doc_id, "source": item.source, "sha256": item.sha256, "status": "ok",
                "n_chars": len(text), "n_pages": 1, "extraction": "plain"}
    sentences, start = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append({"doc_id": item.doc_id, "sent_id": i, "start": start, "end": start + len(line),
                          "text": line})
        start += len(line) + 1
    return {DOCUMENTS: [document], SENTENCES: sentences}, 1


def slow_fake_stages(item: InputFile, staging: Staging):
    """:func:`fake_stages` at the pace of short real documents."""
    import time

    time.sleep(0.15)
    return fake_stages(item, staging)


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(paths, out: Path, **options):
    return run_batch([Path(p) for p in paths], out, limits=QUICK, process=fake_stages, **options)


def ids_by_source(out: Path) -> dict[str, str]:
    documents = read_table(out, DOCUMENTS)
    return {Path(s).relative_to(Path(s).parents[1]).as_posix(): d
            for s, d in zip(documents.source, documents.doc_id)}


@pytest.fixture
def folders(tmp_path):
    a = write(tmp_path / "a", {"x.txt": "Заявление А.\nЗадержан.", "y.txt": "Заявление Б."})
    b = write(tmp_path / "b", {"x.txt": "Другое заявление.\nОштрафован.", "z.txt": "Заявление В."})
    return a, b


def test_a_later_run_adds_to_the_archive_and_ids_stay(folders, tmp_path):
    a, b = folders
    out = tmp_path / "out"
    assert run([a], out).n_ok == 2
    second = run([b], out)
    assert (second.n_ok, second.n_skipped) == (2, 0)
    ids = ids_by_source(out)
    assert ids["a/x.txt"] == "x" and ids["a/y.txt"] == "y" and ids["b/z.txt"] == "z"
    assert ids["b/x.txt"].startswith("x-") and len(ids) == 4, "b/x.txt gets its own id, a/x.txt keeps x"
    # Both folders again, in either order: nothing to do, the same ids.
    again = run([b, a], out)
    assert (again.n_files, again.n_skipped) == (4, 4)
    assert ids_by_source(out) == ids
    # A doc_id made for a colliding stem does not depend on the order files came in.
    together = tmp_path / "together"
    run([a, b], together)
    assert ids_by_source(together) == ids
    alone = tmp_path / "alone"
    run([b], alone)
    assert ids_by_source(alone)["b/x.txt"] == "x"  # alone in its archive, the plain stem


def test_a_changed_file_replaces_its_rows_and_keeps_its_id(folders, tmp_path):
    a, _ = folders
    out = tmp_path / "out"
    run([a], out)
    (a / "x.txt").write_text("Исправленное заявление.\nЗадержан.\nОсвобождён.", encoding="utf-8")
    again = run([a], out)
    assert (again.n_ok, again.n_skipped) == (2, 1)
    documents = read_table(out, DOCUMENTS)
    assert sorted(documents.doc_id) == ["x", "y"]
    sentences = read_table(out, SENTENCES)
    assert list(sentences[sentences.doc_id == "x"].text) == ["Исправленное заявление.", "Задержан.", "Освобождён."]
    assert list(sentences[sentences.doc_id == "y"].text) == ["Заявление Б."]  # kept, rewritten part
    assert (out / "texts" / "x.txt").read_text(encoding="utf-8").startswith("Исправленное")
    # Every part folder holds the same parts, the ones the state names.
    state = json.loads((out / "_archive" / "state.json").read_text())
    for name in TABLES:
        assert sorted(p.name for p in (out / name).iterdir()) == sorted(f"part-{p}.parquet" for p in state["parts"])


def test_touched_but_unchanged_files_are_not_redone(folders, tmp_path):
    a, _ = folders
    out = tmp_path / "out"
    run([a], out)
    os.utime(a / "x.txt", ns=(1, 1))
    again = run([a], out)
    assert (again.n_skipped, again.n_ok) == (2, 2)


def test_prune_removes_documents_not_given_and_their_ids_come_back(folders, tmp_path):
    a, b = folders
    out = tmp_path / "out"
    run([a, b], out)
    ids = ids_by_source(out)
    pruned = run([a], out, prune=True)
    assert pruned.n_removed == 2
    assert sorted(read_table(out, DOCUMENTS).doc_id) == ["x", "y"]
    assert set(read_table(out, SENTENCES).doc_id) == {"x", "y"}
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["x.raw.txt", "x.txt", "y.raw.txt", "y.txt"]
    run([a, b], out)
    assert ids_by_source(out) == ids  # a file that comes back gets its old id


def test_a_moved_file_keeps_its_id(folders, tmp_path):
    a, _ = folders
    out = tmp_path / "out"
    run([a], out)
    (a / "x.txt").rename(a / "x renamed.txt")
    again = run([a], out)
    assert again.n_skipped == 2
    assert sorted(read_table(out, DOCUMENTS).doc_id) == ["x", "y"]


def test_colliding_names_get_their_own_files(tmp_path):
    """report.txt and report.raw.txt; two stems that differ in case only; a very long name."""
    long_stem = "заявление" * 13  # 117 letters, 234 bytes in UTF-8: a legal name
    inputs = write(tmp_path / "in", {"report.txt": "Отчёт.", "report.raw.txt": "Сырой отчёт.",
                                     "sub/Report.txt": "Другой отчёт.", f"{long_stem}.txt": "Длинное имя."})
    out = tmp_path / "out"
    result = run([inputs], out)
    assert result.n_ok == 4, result.failures
    docs = read_tables(out)
    texts = {d: (out / "texts" / f"{d}.txt").read_text(encoding="utf-8") for d in docs[DOCUMENTS].doc_id}
    assert sorted(texts.values()) == sorted(["Отчёт.", "Сырой отчёт.", "Другой отчёт.", "Длинное имя."])
    assert len({d.casefold() for d in texts}) == 4
    assert all(len(f"{d}.raw.txt".encode()) <= 255 for d in texts)


def test_the_output_folder_inside_the_input_folder_is_not_read(tmp_path):
    inputs = write(tmp_path / "in", {"x.txt": "Заявление."})
    out = inputs / "out"
    run([inputs], out)
    again = run([inputs], out)
    assert (again.n_files, again.n_skipped) == (1, 1)


def test_filters_and_columns_are_pushed_down_and_keep_types(sample_text_out):
    everything = pipeline.load(sample_text_out)
    fines = everything.events[everything.events.type == "fine"]
    some = pipeline.load(sample_text_out, tables=["events"], columns=["doc_id", "type", "amount_min", "date_start"],
                         filters=[("type", "==", "fine"), ("date_start", ">=", "2000-01-01")])
    assert some.documents is None and list(some.events.columns) == ["doc_id", "type", "date_start", "amount_min"]
    expected = fines[fines.date_start >= "2000-01-01"][["doc_id", "type", "date_start", "amount_min"]]
    pd.testing.assert_frame_equal(some.events.reset_index(drop=True), expected.reset_index(drop=True),
                                  check_categorical=False)
    assert some.events.amount_min.dtype == "Float64"
    # A filter naming a column a table lacks leaves that table whole.
    one_doc = pipeline.load(sample_text_out, filters=[("doc_id", "==", "000_6fb061e0297f36b6")])
    assert set(one_doc.mentions.doc_id) == {"000_6fb061e0297f36b6"} and len(one_doc.documents) == 1


def test_duckdb_and_pandas_read_the_folder_directly(sample_text_out):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is a dev dependency")
    events = pipeline.load(sample_text_out).events
    glob = str(sample_text_out / "events" / "*.parquet")
    assert duckdb.sql(f"select count(*) from read_parquet('{glob}')").fetchall()[0][0] == len(events)
    fines = duckdb.sql(f"select sum(amount_min) from read_parquet('{glob}') where type = 'fine'").fetchall()[0][0]
    assert fines == events[events.type == "fine"].amount_min.sum()
    assert len(pd.read_parquet(sample_text_out / "events")) == len(events)


def test_an_older_single_file_output_becomes_an_archive_keeping_its_ids(sample_text_out, tmp_path):
    old = as_single_files(sample_text_out, tmp_path / "old")
    before = pipeline.load(old)
    result = run_batch(sorted(RAW.glob("*.txt")), old)  # the real stages: the same version, nothing to do
    assert (result.n_files, result.n_skipped) == (2, 2)
    assert not (old / "documents.parquet").exists() and (old / "documents").is_dir()
    after = pipeline.load(old)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(after, name), getattr(before, name), obj=name)


def test_a_second_run_is_refused_while_one_holds_the_folder(tmp_path):
    inputs = write(tmp_path / "in", {"x.txt": "Заявление."})
    out = tmp_path / "out"
    with Archive.open(open_store(out)) as holder:
        staged = Path(holder.staging)
        second = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inputs), "-o", str(out), "-q"],
                                cwd=REPO, capture_output=True, text=True, timeout=120)
        assert second.returncode == 2
        assert "another `testimony run` is writing into this folder" in second.stderr
        assert f"pid {os.getpid()}" in second.stderr
        assert staged.is_dir(), "the second run leaves the first one's staging alone"
    assert run([inputs], out).n_ok == 1  # free again once the first has finished


KILL_DURING_COMMIT = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from pipeline.batch import store
    from pipeline.batch.run import run_batch
    from pipeline.batch.workers import Limits
    from test_archive import fake_stages
    moves = 0
    real_move = store.Store.move
    def move_then_die(self, source, target, **options):
        global moves
        real_move(self, source, target, **options)
        moves += 1
        if moves == int(sys.argv[4]):
            os._exit(9)  # as kill -9 would, in the middle of a commit
    store.Store.move = move_then_die
    run_batch([Path(sys.argv[1])], Path(sys.argv[2]), limits=Limits(None, None), process=fake_stages)
""")


@pytest.mark.parametrize("moves_before_kill", [1, 3, 7])
def test_killed_in_the_middle_of_a_commit_readers_refuse_and_the_next_run_finishes_it(folders, tmp_path,
                                                                                      moves_before_kill):
    a, b = folders
    out = tmp_path / "out"
    run([a], out)
    before = pipeline.load(out)
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_COMMIT, str(b), str(out), str(REPO / "tests"),
                             str(moves_before_kill)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert killed.returncode == 9, killed.stderr
    assert (out / "_archive" / "commit.json").exists()
    with pytest.raises(OutputError, match="killed while committing"):
        pipeline.load(out)
    # The next run finishes the commit first, then finds b's files done.
    again = run([a, b], out)
    assert (again.n_files, again.n_skipped) == (4, 4)
    after = read_tables(out)
    assert len(after[DOCUMENTS]) == 4 and set(after[SENTENCES].doc_id) == set(after[DOCUMENTS].doc_id)
    assert len(pipeline.load(out).documents) == len(before.documents) + 2
    for doc_id in after[DOCUMENTS].doc_id:
        text = (out / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert len(text) == int(after[DOCUMENTS].set_index("doc_id").n_chars[doc_id])


def test_readers_never_see_half_a_generation(tmp_path):
    """While a run commits part after part, every read holds together."""
    inputs = write(tmp_path / "in", {f"s{i:03d}.txt": f"Заявление {i}.\nЗадержан." for i in range(60)})
    out = tmp_path / "out"
    script = textwrap.dedent("""
        import sys
        from pathlib import Path
        sys.path.insert(0, sys.argv[3])
        from pipeline.batch.run import run_batch
        from pipeline.batch.workers import Limits
        from test_archive import slow_fake_stages
        run_batch([Path(sys.argv[1])], Path(sys.argv[2]), limits=Limits(None, None), process=slow_fake_stages,
                  part_documents=1)
    """)
    writer = subprocess.Popen([sys.executable, "-c", script, str(inputs), str(out), str(REPO / "tests")], cwd=REPO)
    counts: list[int] = []  # documents per successful read, in order
    try:
        while writer.poll() is None:
            try:
                docs = pipeline.tables.read_output(out)
            except OutputError as error:
                # Refused only before the first generation exists (the folder not made yet,
                # or made but nothing committed): once committed, every read succeeds.
                assert not counts, f"refused after generation with {counts[-1]} documents: {error}"
                assert "no such output folder" in str(error) or "table is missing" in str(error), error
                continue
            for doc in docs:
                assert doc.text is not None and len(doc.sentences) == 2
            assert not counts or len(docs) >= counts[-1], "a later read saw fewer documents"
            counts.append(len(docs))
    finally:
        writer.wait()
    assert writer.returncode == 0
    final = pipeline.tables.read_output(out)
    assert len(final) == 60 and all(doc.text is not None and len(doc.sentences) == 2 for doc in final)
    state = read_state(open_store(out))
    assert len(load_registry(open_store(out), state.generation).live()) == 60


# Registry lines as dataclasses.asdict wrote them before: the same text, field for field.
RECORDS = [
    dict(doc_id="заявление", key="/a/заявление.txt", source="заявление.txt"),
    dict(doc_id="жалоба-1f2e3d4c", key="s3://bucket/жалоба.pdf", source="s3://bucket/жалоба.pdf", sha256="ab" * 32,
         size=48_209, mtime_ns=1_796_626_799_839_633_799, status="error", error="страница 3: шрифт без кодировки",
         retry=True, n_pages=7, version="0.1.0+0123456789ab", environment={"ocr": True, "ocr_languages": "rus+eng"},
         part="00000012-3", removed=False, generation=12),
    dict(doc_id="old", key="/b/old.docx", source="old.docx", removed=True, part=None, generation=40),
]


@pytest.mark.parametrize("fields", RECORDS)
def test_a_registry_line_is_what_asdict_wrote(fields):
    from dataclasses import asdict

    from pipeline.batch.archive import Record

    record = Record(**fields)
    assert record.to_json() == json.dumps(asdict(record), ensure_ascii=False)
    assert Record.from_json(record.to_json()) == record
