"""Lexicons, gazetteers and patterns: data files under ``models/``, loaded once and checked.

In a source checkout (or an editable install) they live in ``models/`` beside the
package; a wheel carries them as ``pipeline/models``. Every file is checked against
its schema (:mod:`pipeline.schemas`) as it loads: an entry with an unknown key or an
impossible value is a :class:`~pipeline.errors.LexiconError` naming the file, the
line and the key, not a rule that silently never fires.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path

from .errors import LexiconError

_HERE = Path(__file__).resolve().parent
SUFFIXES = (".json", ".jsonl", ".csv")


def fold(word: str) -> str:
    """The form every lexicon is keyed in: lower case, ё written as е.

    >>> fold("Спецприёмник"), fold("Четырёхсот")
    ('спецприемник', 'четырехсот')
    """
    return word.lower().replace("ё", "е")


def models_dir() -> Path:
    """The folder holding the lexicons."""
    for candidate in (_HERE / "models", _HERE.parent / "models"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no models/ folder beside {_HERE}")


@cache
def load_json(name: str):
    """A JSON file from ``models/``, parsed and checked once per process."""
    return read_model(models_dir() / name)


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """A JSON Lines file from ``models/``: one record a line, ``#`` lines skipped."""
    return read_model(models_dir() / name)


@cache
def load_csv(name: str) -> tuple[dict, ...]:
    """A CSV file with a header row from ``models/``."""
    return read_model(models_dir() / name)


def load_lexicons() -> list[str]:
    """Every file in ``models/``, loaded and checked once: a broken one stops a batch
    before its first file, naming the file, line and key."""
    loaders = {".json": load_json, ".jsonl": load_jsonl, ".csv": load_csv}
    names = sorted(p.name for p in models_dir().iterdir() if p.suffix in loaders)
    for name in names:
        loaders[Path(name).suffix](name)
    return names


def read_model(path: Path):
    """One lexicon file (``.json``, ``.jsonl`` or ``.csv``), checked against the schema of
    its name; a file anywhere, so that a changed copy can be checked before it goes in."""
    path = Path(path)
    readers = {".json": _read_json, ".jsonl": _read_jsonl, ".csv": _read_csv}
    if path.suffix not in readers:
        raise LexiconError(f"{_shown(path)}: not a lexicon file ({', '.join(SUFFIXES)})")
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    return readers[path.suffix](path, text)


def _read_json(path: Path, text: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconError(f"{_shown(path)} line {error.lineno}: not valid JSON ({error.msg})") from None
    _check(path, data, lambda problem_path, value: line_of(text, problem_path, value))
    return data


def _read_jsonl(path: Path, text: str) -> tuple[dict, ...]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise LexiconError(f"{_shown(path)} line {number}: not valid JSON ({error.msg})") from None
        _check(path, entry, lambda *_, n=number: n)
        rows.append(entry)
    return tuple(rows)


def _read_csv(path: Path, text: str) -> tuple[dict, ...]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    rows = []
    for row in reader:
        if None in row:  # more cells than the header names
            raise LexiconError(f"{_shown(path)} line {reader.line_num}: more cells than the header "
                               f"({', '.join(reader.fieldnames or ())})")
        _check(path, row, lambda *_, n=reader.line_num: n)
        rows.append(row)
    return tuple(rows)


def _check(path: Path, value, line) -> None:
    """Raise LexiconError naming the file, the line and the key of every problem."""
    from .schemas import problems, show_path

    found = problems(path.name, value)
    if not found:
        return
    lines = [f"{_shown(path)} line {line(where, _at(value, where))}: {show_path(where)}: {message}"
             for where, message in found[:5]]
    more = f"\n(and {len(found) - 5} more)" if len(found) > 5 else ""
    raise LexiconError("\n".join(lines) + more)


def _at(value, path: tuple):
    """The value a key path leads to (None where it leads nowhere)."""
    for key in path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def line_of(text: str, path: tuple, value=None) -> int:
    """The line of a JSON text where a key path (and the value at its end) stands.

    >>> line_of('{\\n "a": {\\n  "b": [\\n   "x",\\n   "y"\\n  ]\\n }\\n}', ("a", "b", 1), "y")
    5
    """
    at = 0
    for key in path:
        if isinstance(key, str):
            found = re.compile(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:").search(text, at)
            at = found.start() if found else at
    if path and isinstance(path[-1], int) and isinstance(value, (str, int, float)):
        found = text.find(json.dumps(value, ensure_ascii=False), at)
        at = found if found >= 0 else at
    return text.count("\n", 0, at) + 1


def _shown(path: Path) -> str:
    """``models/NAME`` for the project's own lexicons, else the path as given."""
    try:
        return f"models/{path.relative_to(models_dir())}"
    except ValueError:
        return str(path)
