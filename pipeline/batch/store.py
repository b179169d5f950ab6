"""Where an output folder lives: a local path, or an fsspec URL (``s3://…``, ``file://…``).

The archive (:mod:`pipeline.batch.archive`) and the workers that write into it see a
folder only through a :class:`Store`: a handful of file operations, each of which is
atomic where the archive needs it to be (a whole file appears under its name or not at
all). Local paths use the operating system directly; a URL goes through fsspec, which
is installed with the ``dask`` extra. A store pickles, so Dask workers get it with
their task.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import uuid
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError
from ..files import umask


def is_url(location: str | os.PathLike) -> bool:
    """Whether a location is a URL for fsspec rather than a local path.

    >>> is_url("s3://bucket/out"), is_url("out/кейсы"), is_url(Path("C:/x"))
    (True, False, False)
    """
    return isinstance(location, str) and "://" in location


class Store:
    """A folder on the local file system: paths are strings under ``root``."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = str(Path(root).absolute())
        self.sep = os.sep

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.root!r})"

    def path(self, *parts: str) -> str:
        return self.sep.join((self.root, *parts))

    # -- reading
    def exists(self, path: str) -> bool:
        return os.path.exists(path)

    def read_bytes(self, path: str) -> bytes:
        with open(path, "rb") as f:
            return f.read()

    def read_text(self, path: str) -> str:
        # newline="": offsets count every character, \r included.
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()

    def listdir(self, path: str) -> list[str]:
        """Names in a folder (an empty list when it does not exist)."""
        try:
            return sorted(os.listdir(path))
        except FileNotFoundError:
            return []

    # -- writing
    def makedirs(self, path: str) -> None:
        os.makedirs(path, exist_ok=True)

    def write_bytes(self, path: str, data: bytes, durable: bool = True) -> None:
        """Write a whole file under a short temporary name, then rename it into place.

        The temporary name does not grow with the target's, so a file name near the
        255-byte limit still works. ``durable=False`` leaves the flush to disk to a
        later :meth:`sync` (what a run stages before a commit: two fsyncs per text
        file cost more than a short statement's whole processing on a busy disk).
        """
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        temp = os.path.join(folder, f".{uuid.uuid4().hex[:12]}.tmp")
        # Where no later sync flushes a whole file system (only Linux's sync and syncfs
        # wait for the writes), a file is flushed as it is written: what a worker process
        # staged is then on disk whoever commits it.
        durable = durable or not _FLUSH_LATER
        try:
            with open(temp, "wb") as f:
                f.write(data)
                if durable:
                    f.flush()
                    os.fsync(f.fileno())  # the bytes on disk before the name points at them
            os.chmod(temp, 0o666 & ~umask())
            os.replace(temp, path)
        except BaseException:
            _unlink(temp)
            raise
        if durable:
            _fsync_folder(folder)  # and the new name itself, past a power cut

    def write_text(self, path: str, text: str, durable: bool = True) -> None:
        self.write_bytes(path, text.encode("utf-8"), durable)

    def move(self, source: str, target: str, durable: bool = True) -> None:
        """Rename a file over ``target`` (atomic on one file system); ``durable=False``
        leaves the folder's flush to :meth:`sync_folders` (a commit moves hundreds)."""
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.replace(source, target)
        if durable:
            _fsync_folder(os.path.dirname(target))

    def sync(self) -> None:
        """Flush everything written under the store without ``durable`` to disk: one
        ``syncfs`` of the store's file system (``sync`` where there is none; nothing
        off Linux, where such files were flushed as they were written). Raises
        :class:`OutputError` when the flush fails."""
        _syncfs(self.root)

    def sync_folders(self, folders: Iterable[str]) -> None:
        """Make the renames into these folders durable, each folder once."""
        for folder in sorted(set(folders)):
            _fsync_folder(folder)

    def remove(self, path: str) -> None:
        _unlink(path)

    def remove_tree(self, path: str) -> None:
        shutil.rmtree(path, ignore_errors=True)

    # -- for pyarrow
    def arrow_filesystem(self):
        """The pyarrow file system to read and write parts with (None: local paths)."""
        return None

    def local_path(self, path: str) -> str | None:
        """The path as the operating system knows it (None when the store is remote)."""
        return path


class FsspecStore(Store):
    """A folder behind an fsspec URL. Renames are atomic where the file system makes
    them so (local, HDFS); on object stores the commit journal makes a half-done
    commit whole on the next run."""

    def __init__(self, url: str) -> None:
        try:
            import fsspec
        except ImportError as error:  # pragma: no cover - depends on the install
            raise OutputError(f"{url}: a URL needs fsspec; install testimony[dask]") from error
        self.url = url
        self.fs, root = fsspec.core.url_to_fs(url)
        self.root = root.rstrip("/")
        self.sep = "/"
        self.protocol = url.split("://", 1)[0]

    def __repr__(self) -> str:
        return f"FsspecStore({self.url!r})"

    def exists(self, path: str) -> bool:
        return self.fs.exists(path)

    def read_bytes(self, path: str) -> bytes:
        return self.fs.cat_file(path)

    def read_text(self, path: str) -> str:
        return self.read_bytes(path).decode("utf-8")

    def listdir(self, path: str) -> list[str]:
        try:
            return sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in self.fs.ls(path, detail=False))
        except FileNotFoundError:
            return []

    def makedirs(self, path: str) -> None:
        self.fs.makedirs(path, exist_ok=True)

    def write_bytes(self, path: str, data: bytes, durable: bool = True) -> None:
        folder = path.rsplit("/", 1)[0]
        self.fs.makedirs(folder, exist_ok=True)
        temp = f"{folder}/.{uuid.uuid4().hex[:12]}.tmp"
        self.fs.pipe_file(temp, data)
        self.fs.mv(temp, path)

    def move(self, source: str, target: str, durable: bool = True) -> None:
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        self.fs.mv(source, target)

    def sync(self) -> None:
        """Nothing to flush from here: the file system behind the URL keeps what it was given."""

    def sync_folders(self, folders: Iterable[str]) -> None:
        pass

    def remove(self, path: str) -> None:
        try:
            self.fs.rm_file(path)
        except FileNotFoundError:
            pass

    def remove_tree(self, path: str) -> None:
        try:
            self.fs.rm(path, recursive=True)
        except FileNotFoundError:
            pass

    def arrow_filesystem(self):
        from pyarrow.fs import FSSpecHandler, PyFileSystem

        return PyFileSystem(FSSpecHandler(self.fs))

    def local_path(self, path: str) -> str | None:
        return path if self.protocol in ("file", "local") else None


def open_store(location: str | os.PathLike) -> Store:
    """The store for a local path or an fsspec URL."""
    return FsspecStore(location) if is_url(location) else Store(location)


def _fsync_folder(folder: str) -> None:
    """Make a rename in ``folder`` durable (where the system lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to sync a folder; the rename still happened
    finally:
        os.close(fd)


# Linux's sync() waits for the writes to reach the disk; elsewhere (macOS, the BSDs)
# it may return before, and Windows has none: there ``durable=False`` is ignored.
_FLUSH_LATER = sys.platform.startswith("linux")

# What syncfs fails with where it is not there to call (an old kernel, a sandbox).
_NO_SYNCFS = (errno.ENOSYS, errno.EINVAL)


def _syncfs(path: str) -> None:
    """Flush the file system holding ``path`` (Linux ``syncfs``; ``sync`` where the call
    is not available). A flush that fails (EIO, ENOSPC) raises :class:`OutputError`:
    what was staged may not be on disk, so no journal must name it."""
    if not _FLUSH_LATER:
        return  # every file was flushed as it was written
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        os.sync()
        return
    try:
        import ctypes

        try:
            syncfs = ctypes.CDLL(None, use_errno=True).syncfs
        except (OSError, AttributeError, TypeError):  # no such symbol in this libc
            os.sync()
            return
        if syncfs(fd) != 0:
            code = ctypes.get_errno()
            if code not in _NO_SYNCFS:
                raise OutputError(f"{path}: cannot flush the output folder to disk: "
                                  f"{os.strerror(code)} (errno {code})")
            os.sync()
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
