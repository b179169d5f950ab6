"""Facts about input files that need no stage loaded: their hash."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in blocks.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile(delete=False) as f:
    ...     _ = f.write("штраф".encode())
    >>> file_sha256(Path(f.name))[:12]
    'e8411d831312'
    >>> os.unlink(f.name)
    """
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
