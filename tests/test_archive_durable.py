"""What a commit writes is on disk before the names point at it, and a migration of an
older output killed mid-commit loses nothing and leaves no stale single files."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from conftest import RAW, REPO, as_single_files
from pipeline.batch.run import run_batch
from pipeline.batch.workers import Limits
from pipeline.errors import OutputError
from pipeline.tables import TABLES


def test_the_journal_the_state_and_the_parts_are_synced_before_they_are_named(tmp_path, monkeypatch):
    """Each file is fsynced before the rename that names it, and its folder after."""
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def replace(source, target, **kw):
        events.append(("replace", f"{source} -> {target}"))
        return real_replace(source, target, **kw)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("12 марта 2024 года в Москве задержан Иван Петров.", encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch([tmp_path / "in"], out, limits=Limits(None, None)).n_ok == 1
    named = {}
    for i, (kind, what) in enumerate(events):
        if kind == "replace":
            source, target = what.split(" -> ")
            named[os.path.basename(target)] = (i, source, target)
    for name in ("commit.json", "state.json"):
        i, source, target = named[name]
        assert ("fsync", source) in events[:i], f"{name} renamed into place before its bytes were synced"
        assert ("fsync", os.path.dirname(target)) in events[i:], f"{name}: its folder not synced"
    parts = [(i, s, t) for i, s, t in named.values() if t.endswith(".parquet")]
    assert parts and all(("fsync", os.path.dirname(t)) in events[i:] for i, s, t in parts)


KILL_DURING_MIGRATION = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from pipeline.batch import store
    from pipeline.batch.run import run_batch
    from pipeline.batch.workers import Limits
    moves = 0
    real_move = store.Store.move
    def move_then_die(self, source, target):
        global moves
        real_move(self, source, target)
        moves += 1
        if moves == int(sys.argv[3]):
            os._exit(9)  # as kill -9 would, in the middle of the migration's commit
    store.Store.move = move_then_die
    run_batch(sorted(Path(sys.argv[1]).glob("*.txt")), Path(sys.argv[2]), limits=Limits(None, None))
""")


@pytest.mark.parametrize("moves_before_kill", [1, 5])
def test_a_migration_killed_mid_commit_is_finished_whole_by_the_next_run(sample_text_out, tmp_path,
                                                                          moves_before_kill):
    old = as_single_files(sample_text_out, tmp_path / "old")
    before = pipeline.load(old)
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_MIGRATION, str(RAW), str(old), str(moves_before_kill)],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    with pytest.raises(OutputError, match="killed while committing"):
        pipeline.load(old)
    result = run_batch(sorted(RAW.glob("*.txt")), old, limits=Limits(None, None))
    assert (result.n_files, result.n_skipped) == (2, 2)
    left = sorted(p.name for p in Path(old).iterdir() if p.suffix in (".parquet", ".csv"))
    assert left == [], f"the older single files outlived the migration: {left}"
    after = pipeline.load(old)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(after, name), getattr(before, name), obj=name)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_outputs_follow_the_umask_which_is_read_without_being_changed(tmp_path, mask):
    """Written files get the user's umask (temporary files are private until renamed), and
    reading the mask never sets it, even for a moment another thread could see."""
    script = textwrap.dedent(f"""
        import os, stat, sys
        os.umask({mask:#o})
        from pipeline.files import umask, write_together
        assert umask() == {mask:#o}, oct(umask())
        if sys.platform.startswith("linux"):  # read from /proc: never set
            original = os.umask
            os.umask = lambda m: sys.exit("umask set while reading it")
            try:
                assert umask() == {mask:#o}
            finally:
                os.umask = original
        target = os.path.join(sys.argv[1], "table.csv")
        write_together([(target, lambda p: open(p, "w").write("a\\n"))])
        print(oct(stat.S_IMODE(os.stat(target).st_mode)))
    """)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == oct(0o666 & ~mask)
