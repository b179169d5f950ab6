"""The repository as it was at a commit, for benchmarks that compare against a baseline."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def export_tree(ref: str, folder: Path) -> Path:
    """The repository's files at ``ref`` (``git archive``), to run the pipeline as it was."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder
