"""How the ``testimony`` console script ends its process (``pipeline.cli.end_process``).

It ends without the interpreter freeing every object one by one (a run's parent holds
the models: a quarter of a second of every run), but as a user and a calling script
see it, it must end as any Python program does: the exit code, every line printed
(also into a pipe, where output is buffered), every exit handler run, and a thread
still at work waited for.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import RAW, REPO

# The console script in a fresh process, after the caller registered an exit handler and
# left an object whose finaliser writes a file when the interpreter frees it; with
# "thread", a thread that writes a file half a second later is still running at the end.
CONSOLE_SCRIPT = """
import atexit, sys, threading, time
from pathlib import Path
marks = Path(sys.argv.pop(1))
if sys.argv.pop(1) == "thread":
    threading.Thread(target=lambda: (time.sleep(0.5), (marks / "thread").write_text("done"))).start()
atexit.register(lambda: (marks / "atexit").write_text("ran"))
class Freed:
    def __del__(self):
        (marks / "freed").write_text("freed")
kept = Freed()
from pipeline.cli import entry_point
entry_point(sys.argv[1:])
"""


def console(tmp_path, *args: str, thread: bool = False) -> tuple[subprocess.CompletedProcess, set[str]]:
    """The command's result (stdout and stderr through pipes) and the marks left behind."""
    marks = tmp_path / "marks"
    marks.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, "-c", CONSOLE_SCRIPT, str(marks), "thread" if thread else "-",
                             *args], cwd=REPO, capture_output=True, text=True, timeout=600)
    return result, {p.name for p in marks.iterdir()}


def inputs(tmp_path, *names: str):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        if name.endswith(".txt"):
            shutil.copy(sorted(RAW.glob("*.txt"))[0], folder / name)
        else:
            (folder / name).write_bytes(b"%PDF-1.4\n not a pdf at all")
    return folder


# (the files, the options, the exit code, what stdout and stderr must hold)
CASES = [
    (["good.txt"], ["-j", "2"], 0, "1 files: 1 ok, 0 failed", ""),
    (["good.txt", "second.txt", "third.txt"], ["-j", "2"], 0, "3 files: 3 ok, 0 failed", ""),
    (["good.txt", "broken.pdf"], [], 1, "2 files: 1 ok, 1 failed", "failed: "),
    (["good.txt"], ["--timeout", "0", "--max-memory", "0"], 0, "1 files: 1 ok", ""),  # in the parent itself
]


@pytest.mark.parametrize("files, options, code, stdout, stderr", CASES,
                         ids=["one file", "forked workers", "a failed file", "no workers"])
def test_a_run_ends_with_its_code_its_output_and_its_exit_handlers(tmp_path, files, options, code, stdout, stderr):
    result, marks = console(tmp_path, "run", str(inputs(tmp_path, *files)), "-o", str(tmp_path / "out"), "-q",
                            *options)
    assert result.returncode == code, result.stderr
    assert stdout in result.stdout and stderr in result.stderr
    assert "atexit" in marks  # every exit handler ran
    assert "freed" not in marks  # and the objects were not freed one by one: the fast way out was taken


@pytest.mark.parametrize("args, code, stream, text", [
    (["--version"], 0, "stdout", "version"),
    (["run", "/nowhere/at/all"], 2, "stderr", "no such file or folder"),
    (["nonsense"], 2, "stderr", "No such command"),
], ids=["version", "bad input", "bad command"])
def test_other_endings_keep_their_code_and_message(tmp_path, args, code, stream, text):
    result, marks = console(tmp_path, *args)
    assert result.returncode == code
    assert text in getattr(result, stream)
    assert "atexit" in marks


def test_a_thread_still_at_work_is_waited_for(tmp_path):
    """The interpreter waits for a non-daemon thread before it ends; so does the script
    (then the interpreter ends it the usual way)."""
    result, marks = console(tmp_path, "--version", thread=True)
    assert result.returncode == 0
    assert {"thread", "atexit"} <= marks


# `testimony run` called as a function in a process that goes on (a notebook): main's
# value is the exit code the shell would get, and the process is not ended.
IN_A_NOTEBOOK = """
import sys
from pipeline.cli import main
print("returned", main(["run", *sys.argv[1:], "-q"], standalone_mode=False))
"""


@pytest.mark.parametrize("files, code", [(["good.txt"], 0), (["good.txt", "broken.pdf"], 1)], ids=["ok", "a failed file"])
def test_run_called_from_a_notebook_returns_its_exit_code(tmp_path, files, code):
    result = subprocess.run([sys.executable, "-c", IN_A_NOTEBOOK, str(inputs(tmp_path, *files)), "-o",
                             str(tmp_path / "out")], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr  # the process went on to its end
    assert result.stdout.split()[-2:] == ["returned", str(code)]
