"""Facts about input files that need no stage loaded: which files, their hash, size and time.

Inputs are local paths or fsspec URLs (``s3://bucket/statements/``); a URL needs
fsspec (the ``dask`` extra) and is read only here and by the worker that runs it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import PipelineError
from .store import is_url

__all__ = ["SUPPORTED_SUFFIXES", "file_facts", "file_sha256", "is_url", "list_files"]

# The kinds of file the extract stage reads (it names them from here, so that the batch
# can tell which files to hash without importing the stages).
SUPPORTED_SUFFIXES = (".pdf", ".txt", ".docx")


def file_sha256(path: Path | str) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile(delete=False) as f:
    ...     _ = f.write("штраф".encode())
    >>> file_sha256(Path(f.name))[:12]
    'e8411d831312'
    >>> os.unlink(f.name)
    """
    if is_url(str(path)):
        import fsspec

        digest = hashlib.sha256()
        with fsspec.open(str(path), "rb") as f:
            while block := f.read(1 << 20):
                digest.update(block)
        return digest.hexdigest()
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def file_facts(path: Path | str) -> tuple[int | None, int | None]:
    """A file's size and modification time in nanoseconds (None where unknown)."""
    try:
        if is_url(str(path)):
            import fsspec

            fs, inner = fsspec.core.url_to_fs(str(path))
            info = fs.info(inner)
            mtime = info.get("mtime") or info.get("LastModified") or info.get("last_modified")
            if hasattr(mtime, "timestamp"):
                mtime = mtime.timestamp()
            return info.get("size"), None if mtime is None else int(float(mtime) * 1e9)
        stat = os.stat(path)
        return stat.st_size, stat.st_mtime_ns
    except (OSError, ValueError):
        return None, None


def list_files(paths: Sequence[Path | str], exclude: str | None = None, follow_links: bool = False,
               refused: dict[str, str] | None = None) -> list[tuple[Path | str, str, str]]:
    """Every file named or found under a named folder: (path, source as given, key).

    Hidden files are passed over, and so is the output folder ``exclude`` when it sits
    inside an input folder; files of kinds we do not read are kept, so that the batch
    reports them. The key is the absolute path (or the URL) the registry knows the
    file by.

    A symbolic link found in a folder is read only when it stays inside that folder
    (``follow_links`` lifts this: linked files and folders anywhere are read); one that
    leaves it, or points nowhere, is listed too, with the reason in ``refused`` (by key),
    so that the batch gives it an error row instead of reading ``/etc/passwd`` or
    passing over it in silence. A file named on the command line is read wherever it is.
    """
    found: list[tuple[Path | str, str, str]] = []
    excluded = os.path.abspath(exclude) if exclude else None
    refused = {} if refused is None else refused
    for given in paths:
        if is_url(str(given)):
            found += _list_url(str(given))
            continue
        path = Path(given)
        if path.is_dir():
            for file, problem in _walk(path, follow_links):
                absolute = os.path.abspath(file)
                if excluded and (absolute + os.sep).startswith(excluded + os.sep):
                    continue
                found.append((file, str(file), absolute))
                if problem:
                    refused[absolute] = problem
        elif path.is_file():
            found.append((path, str(path), os.path.abspath(path)))
        elif path.is_symlink():
            found.append((path, str(path), os.path.abspath(path)))
            refused[os.path.abspath(path)] = _broken(path)
        else:
            raise PipelineError(f"{path}: no such file or folder")
    seen: set[str] = set()
    unique = []
    for entry in found:  # a file named twice (as itself and in its folder) runs once
        if entry[2] not in seen:
            seen.add(entry[2])
            unique.append(entry)
    return unique


def _walk(folder: Path, follow_links: bool) -> list[tuple[Path, str | None]]:
    """The files under a folder, sorted, each with the reason it may not be read (or None)."""
    root = os.path.realpath(folder)
    found: list[tuple[Path, str | None]] = []
    seen_folders = {root}
    for top, folders, files in os.walk(folder, followlinks=follow_links):
        kept = []
        for name in sorted(folders):
            if name.startswith("."):
                continue
            linked = Path(top) / name
            if not os.path.islink(linked):
                kept.append(name)
                continue
            target = os.path.realpath(linked)
            if follow_links:
                if target not in seen_folders:  # a link back up the tree is walked once
                    seen_folders.add(target)
                    kept.append(name)
            elif not _inside(target, root):
                found.append((linked, _outside(linked, target, folder)))
            # a linked folder inside the tree: its files are read where they are
        folders[:] = kept
        for name in files:
            if name.startswith("."):
                continue
            file = Path(top) / name
            problem = None
            if os.path.islink(file):
                target = os.path.realpath(file)
                if not os.path.exists(file):
                    problem = _broken(file)
                elif not follow_links and not _inside(target, root):
                    problem = _outside(file, target, folder)
                elif not os.path.isfile(file):
                    continue  # a link to a device or a pipe: no statement
            elif not file.is_file():
                continue
            found.append((file, problem))
    return sorted(found)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _outside(link: Path, target: str, folder: Path) -> str:
    return (f"{link}: a symbolic link to {target}, outside the input folder {folder}; "
            "not read (--follow-links reads it)")


def _broken(link: Path) -> str:
    return f"{link}: a broken symbolic link (to {os.readlink(link)}, which does not exist)"


def _list_url(url: str) -> list[tuple[str, str, str]]:
    try:
        import fsspec
    except ImportError as error:
        raise PipelineError(f"{url}: reading URLs needs fsspec; install testimony[dask]") from error
    fs, inner = fsspec.core.url_to_fs(url)
    protocol = url.split("://", 1)[0]
    if not fs.exists(inner):
        raise PipelineError(f"{url}: no such file or folder")
    if fs.isdir(inner):
        names = sorted(p for p in fs.find(inner) if not any(
            part.startswith(".") for part in p[len(inner.rstrip("/")) + 1:].split("/")))
    else:
        names = [inner]
    urls = [f"{protocol}://{name}" if not name.startswith(f"{protocol}://") else name for name in names]
    return [(u, u, u) for u in urls]
