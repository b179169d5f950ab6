"""The repository as it was at a commit, for benchmarks that compare against a baseline,
and the preparation every tree gets before anything is timed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Run in each tree before timing: compile its modules (a tree just exported has no
# bytecode, so its first run would pay for compiling) and load its lexicons once (a tree
# that remembers checked lexicons writes its stamps now, as any run after an install's
# first would find them).
_PREPARE = """
import compileall, sys
tree = sys.argv[1]
sys.path.insert(0, tree)
compileall.compile_dir(tree + "/pipeline", quiet=1)
from pipeline.resources import load_lexicons
load_lexicons()
"""


def export_tree(ref: str, folder: Path) -> Path:
    """The repository's files at ``ref`` (``git archive``), to run the pipeline as it was."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def describe(ref: str | None = None) -> str:
    """The commit a benchmark measures: ``ref``'s, or this tree's with a warning when it
    has changes not committed (what is measured is then not any commit)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True).stdout.strip()

    if ref is not None:
        return f"{ref} = {git('rev-parse', '--short', ref)}"
    changed = [line for line in git("status", "--porcelain", "--untracked-files=no").splitlines() if line]
    head = git("rev-parse", "--short", "HEAD")
    return f"{head} (clean)" if not changed else f"{head} plus {len(changed)} uncommitted changes (not a commit)"


def prepare_trees(trees: dict[str, Path], cache: Path) -> None:
    """Every tree compiled and its lexicons loaded once, with ``cache`` as the folder where
    a tree may remember checked lexicons (set for every run the benchmark starts), so no
    tree's first timed run pays what only a fresh install pays."""
    os.environ["TESTIMONY_CACHE_DIR"] = str(cache)
    for tree in trees.values():
        subprocess.run([sys.executable, "-c", _PREPARE, str(tree)], cwd=tree, check=True, capture_output=True)
    print(f"before timing: each tree's modules compiled and its lexicons loaded once (cache folder {cache})",
          flush=True)
