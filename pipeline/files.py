"""Files written whole or not at all, under names the file system takes.

Every file the project writes goes to a short temporary name in its folder and is
renamed into place, so a crash, a full disk or a read-only folder never leaves a
half-written file under the real name. A set of files that belong together (a
report, one import's gold files) is written all to temporary names first and
renamed only when every one was written: a disk that fills up halfway leaves the
folder as it was. A failure to write is an :class:`~pipeline.errors.OutputError`
naming the file and the system's reason (``No space left on device``,
``Read-only file system``), not a traceback.

Names: a Linux file name holds at most 255 bytes. :func:`fit_name` shortens a
stem that would not fit, keeping it unique with a hash of the whole stem.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import OutputError

NAME_MAX = 255  # bytes in one file name (ext4, xfs, btrfs, tmpfs)
Writer = Callable[[str], None]  # writes a whole file at the path it is given


def fit_name(stem: str, suffix: str = "", limit: int = NAME_MAX) -> str:
    """``stem + suffix``, the stem cut to fit ``limit`` bytes and marked with a hash of
    the whole stem when it is too long (so two long stems never share a name).

    >>> fit_name("заявление", ".json")
    'заявление.json'
    >>> name = fit_name("д" * 200, ".json")
    >>> len(name.encode()), name[-15:]
    (255, '~8a580a2bc.json')
    """
    name = stem + suffix
    if len(name.encode("utf-8")) <= limit:
        return name
    mark = "~" + hashlib.sha256(stem.encode("utf-8", "surrogatepass")).hexdigest()[:9]
    room = limit - len((mark + suffix).encode("utf-8"))
    cut = stem.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
    return cut + mark + suffix


def _temp_name(path: Path) -> Path:
    # Short and fixed in length whatever the target's name: a target near the
    # 255-byte limit still has a temporary name that fits.
    return path.parent / f".{uuid.uuid4().hex[:12]}.tmp"


def cannot_write(path: Path | str, error: OSError) -> OutputError:
    """The OutputError for a failed write: the file and the system's reason."""
    reason = error.strerror or str(error)
    return OutputError(f"{path}: cannot write ({reason})")


def umask() -> int:
    """The process's file-creation mask, read without changing it.

    ``os.umask`` can only be read by setting it; between the two calls another thread
    (the progress bar, a Dask client) would create files open to everyone. Linux shows
    the mask in ``/proc/self/status``; elsewhere it is set and restored once, at the
    first call, and remembered.
    """
    global _UMASK
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None


def write_together(files: Sequence[tuple[Path, Writer]]) -> list[Path]:
    """Write every ``(path, write)`` pair: ``write(temp)`` for each, then rename them all.

    Nothing is renamed until every file was written, so a failure (an exception
    from a writer, a full disk) leaves every target as it was and no temporary
    file behind. Returns the paths written.
    """
    temps: list[tuple[Path, Path]] = []
    try:
        for path, write in files:
            path = Path(path)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                temp = _temp_name(path)
                temps.append((temp, path))
                write(str(temp))
                # Temporary files are private to the writer; the output is meant to be shared.
                os.chmod(temp, 0o666 & ~umask())
            except OSError as error:
                raise cannot_write(path, error) from error
        for temp, path in temps:
            try:
                os.replace(temp, path)
            except OSError as error:
                raise cannot_write(path, error) from error
    except BaseException:
        for temp, _ in temps:
            try:
                Path(temp).unlink(missing_ok=True)
            except OSError:  # a read-only folder: no temporary file was made there
                pass
        raise
    return [path for _, path in temps]


def write_atomically(path: Path, write: Writer) -> None:
    """Call ``write(temp_path)``, then rename the temporary file over ``path``."""
    write_together([(Path(path), write)])


def text_writer(text: str) -> Writer:
    """A writer of UTF-8 text exactly as given (no newline translation)."""
    def write(temp: str) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return write


def bytes_writer(data: bytes) -> Writer:
    def write(temp: str) -> None:
        with open(temp, "wb") as f:
            f.write(data)
    return write
