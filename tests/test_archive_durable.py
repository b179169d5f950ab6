"""What a commit writes is on disk before the names point at it, and a migration of an
older output killed mid-commit loses nothing and leaves no stale single files."""

from __future__ import annotations

import os
import re
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
    """The journal and the state are each fsynced before the rename that names them,
    and their folder after; what the run staged (texts, parts, the registry) is flushed
    by one sync of the file system before the journal names it; every folder a commit
    renames a part or a text into is fsynced before the state names the generation."""
    from pipeline.batch import store

    events: list[tuple[str, str]] = []
    real_fsync, real_replace, real_syncfs = os.fsync, os.replace, store._syncfs

    def fsync(fd):
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        return real_fsync(fd)

    def replace(source, target, **kw):
        events.append(("replace", f"{source} -> {target}"))
        return real_replace(source, target, **kw)

    def syncfs(path):
        events.append(("syncfs", str(path)))
        return real_syncfs(path)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(store, "_syncfs", syncfs)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("12 марта 2024 года в Москве задержан Иван Петров.", encoding="utf-8")
    out = tmp_path / "out"
    assert run_batch([tmp_path / "in"], out, limits=Limits(None, None)).n_ok == 1
    renames = [(i, *what.split(" -> ")) for i, (kind, what) in enumerate(events) if kind == "replace"]
    named = {os.path.basename(target): (i, source, target) for i, source, target in renames}
    for name in ("commit.json", "state.json"):
        i, source, target = named[name]
        assert ("fsync", source) in events[:i], f"{name} renamed into place before its bytes were synced"
        assert ("fsync", os.path.dirname(target)) in events[i:], f"{name}: its folder not synced"
    journal, state = named["commit.json"][0], named["state.json"][0]
    staged = [i for i, source, target in renames if "/_archive/staging/" in target]
    assert staged, "nothing was staged"
    syncs = [i for i, (kind, _) in enumerate(events) if kind == "syncfs"]
    assert any(max(staged) < i < journal for i in syncs), "the journal names staged files not yet on disk"
    committed = [(i, target) for i, source, target in renames
                 if "/_archive/staging/" in source and "/_archive/staging/" not in target]
    assert any(target.endswith(".parquet") for _, target in committed)
    assert any(target.endswith(".txt") for _, target in committed)
    for i, target in committed:
        assert ("fsync", os.path.dirname(target)) in events[i:state], f"{target}: its folder not synced"


KILL_DURING_MIGRATION = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from pipeline.batch import store
    from pipeline.batch.run import run_batch
    from pipeline.batch.workers import Limits
    moves = 0
    real_move = store.Store.move
    def move_then_die(self, source, target, **options):
        global moves
        real_move(self, source, target, **options)
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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
@pytest.mark.parametrize("code", ["EIO", "ENOSPC"])
def test_a_flush_that_fails_stops_the_commit_rather_than_falling_back_to_sync(tmp_path, monkeypatch, code):
    """syncfs failing with EIO or ENOSPC is an error, not a reason to call sync() (which
    reports nothing); only a syncfs that is not there (ENOSYS, EINVAL) falls back."""
    import ctypes
    import errno

    from pipeline.batch.store import Store

    class Libc:  # the C library, whose syncfs fails as a dying disk makes it fail
        def __init__(self, *args, **kwargs):
            pass

        def syncfs(self, fd):
            ctypes.set_errno(getattr(errno, code))
            return -1

    synced = []
    monkeypatch.setattr(ctypes, "CDLL", Libc)
    monkeypatch.setattr(os, "sync", lambda: synced.append(True))
    store = Store(tmp_path / "out")
    store.write_text(store.path("staged.txt"), "Заявление", durable=False)
    with pytest.raises(OutputError, match=f"{re.escape(store.root)}: .*{os.strerror(getattr(errno, code))}"):
        store.sync()
    assert not synced

    Libc.syncfs = lambda self, fd: ctypes.set_errno(errno.ENOSYS) or -1
    store.sync()
    assert synced == [True]
