"""Folders of the system's temporary directory that a killed run does not leave there for good.

A folder a run makes in the temporary directory is removed when the run ends in order;
a run killed outright (SIGKILL, or SIGTERM, which is how schedulers stop a job: Python
runs no cleanup for it) leaves it, and what it holds may be testimony text. So each
such folder is named after its owner, ``testimony-KIND-PID-XXXXXXXX``, and every
batch first removes those whose owner is gone (:func:`sweep_stale`). A pid the system
has handed to another process since keeps its folder until that one ends too: a
folder is never removed while its owner may live.

Where a run has a local output folder, what it reads ahead of the workers goes to the
archive's own staging folder instead, which the next run into it empties
(:meth:`pipeline.batch.archive.Archive.open`); this module is for what has no archive
at hand (the models' warm-up) or whose archive is remote.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

PREFIX = "testimony-"
KINDS = ("read-ahead", "warm-up")  # the kinds of folder made here (and swept)
_OWNED = re.compile(rf"{PREFIX}(?P<kind>{'|'.join(map(re.escape, KINDS))})-(?P<pid>\d+)-[^/]+$")


def scratch_folder(kind: str) -> Path:
    """A new folder ``TMPDIR/testimony-KIND-PID-XXXXXXXX`` of this process's; the
    caller removes it when done."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of scratch folder: {kind!r}")
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-{os.getpid()}-"))


def owner(name: str) -> int | None:
    """The pid a scratch folder's name gives, or None when it is not one of ours.

    >>> owner("testimony-read-ahead-4242-k3j2l1m0"), owner("testimony-warm-up-7-x")
    (4242, 7)
    >>> owner("testimony-read-ahead-k3j2l1m0"), owner("testimony-csv-12-x"), owner("other-12-x")
    (None, None, None)
    """
    found = _OWNED.match(name)
    return int(found["pid"]) if found else None


def alive(pid: int) -> bool:
    """Whether a process with this pid runs (one of another user's counts as running)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(folder: str | os.PathLike | None = None) -> list[str]:
    """Remove the scratch folders in ``folder`` (the temporary directory) whose owner
    is no longer running; the paths removed."""
    folder = Path(folder if folder is not None else tempfile.gettempdir())
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no temporary directory to sweep: nothing was left in it either
        return removed
    for entry in entries:
        pid = owner(entry.name)
        if pid is None or pid == os.getpid() or alive(pid):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
                removed.append(entry.path)
        except OSError:  # another user's, or another run sweeping it at the same time
            continue
    return removed
