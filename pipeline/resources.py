"""Lexicons, gazetteers and patterns: data files under ``models/``, loaded once and checked.

In a source checkout (or an editable install) they live in ``models/`` beside the
package; a wheel carries them as ``pipeline/models``. Every file is checked against
its schema (:mod:`pipeline.schemas`) as it loads: an entry with an unknown key or an
impossible value is a :class:`~pipeline.errors.LexiconError` naming the file, the
line and the key, not a rule that silently never fires.

The check takes a few tenths of a second (a lexicon of lemmas is checked word by word
against pymorphy3), which every run and every worker would pay again for the same
files. So a file that passed is remembered: a stamp named by the hash of its name and
bytes and of what checks it (:func:`checker_fingerprint`) goes into a cache folder
(``$TESTIMONY_CACHE_DIR``, else ``$XDG_CACHE_HOME/testimony``, else
``~/.cache/testimony``; none when neither is an absolute path), and a file with a stamp is parsed without the check. A changed
file, a changed schema or another pymorphy3 dictionary has no stamp and is checked
again; a file that fails is never stamped. Without a cache folder that can be read and
written every file is checked every time, as before: a stamp that cannot be looked up
or written is no stamp, never an error.
"""

from __future__ import annotations

import csv
import contextlib
import hashlib
import importlib.util
import json
import os
import re
import tempfile
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


# Every table registered by :func:`lexicon_index`, in the order their modules were imported.
_LEXICON_INDEXES: list = []


def lexicon_index(build):
    """A table a stage builds from the lexicons alone (no argument), once per process, like
    ``functools.cache``; registered so that :func:`build_lexicon_indexes` builds them all.

    A batch's parent builds them before it forks its workers (``run.warm_up``), so the
    workers share them; left to first use, every worker built its own copy of each one
    the warm-up statement never reached, on the first document that asked."""
    cached = cache(build)
    _LEXICON_INDEXES.append(cached)
    return cached


def build_lexicon_indexes() -> int:
    """Build every :func:`lexicon_index` table of the modules imported so far; how many
    were built. One that fails is left to the first document that asks for it, which
    reports the error where it belongs; the others are built all the same."""
    built = 0
    for index in _LEXICON_INDEXES:
        try:
            index()
        except Exception:  # noqa: BLE001 - raised again, with its document, on first use
            continue
        built += 1
    return built


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
    stamp = _stamp(path, text)
    check = stamp is None or not _stamped(stamp)
    data = readers[path.suffix](path, text, check)
    if check and stamp is not None:
        _write_stamp(stamp)
    return data


# ---------------------------------------------------------------- remembering a check passed

CACHE_ENV = "TESTIMONY_CACHE_DIR"
# What the check's verdict depends on besides the file: the schemas and the records'
# vocabularies they name, the morphology a lemma is checked against, and the lexicons
# a schema reads (currency codes; the names of the word lists trigger conditions share).
CHECKER_CODE = ("schemas.py", "records.py", "resources.py", "nlp.py", "morphology.py")
CHECKER_LEXICONS = ("currency_codes.json", "trigger_lists.json")


def cache_dir() -> Path | None:
    """Where stamps of checked lexicons are kept; None (nothing is remembered) when no
    absolute place is known: a relative ``$XDG_CACHE_HOME`` is ignored, as the XDG
    specification says, and a home that does not expand to an absolute path (``HOME``
    unset and no passwd entry leaves ``"~"``) would put the cache under whatever
    folder the run happens to start in. Asked again every time, not remembered."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(base):
        return None
    return Path(base) / "testimony"


@cache
def checker_fingerprint() -> str | None:
    """A hash of everything the schema check of a file depends on but the file itself
    (None when part of it cannot be read: then nothing is remembered)."""
    digest = hashlib.sha256()
    try:
        for name in CHECKER_CODE:
            digest.update(name.encode() + b"\0" + (_HERE / name).read_bytes())
        for name in CHECKER_LEXICONS:
            digest.update(name.encode() + b"\0" + (models_dir() / name).read_bytes())
        for package, member in (("pymorphy3", "version.py"), ("pymorphy3_dicts_ru", "data/meta.json")):
            spec = importlib.util.find_spec(package)
            if spec is None or not spec.submodule_search_locations:
                return None
            folder = Path(next(iter(spec.submodule_search_locations)))
            digest.update(package.encode() + b"\0" + (folder / member).read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


def _stamp(path: Path, text: str) -> Path | None:
    checker = checker_fingerprint()
    if checker is None:
        return None
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{checker}\0{path.name}\0".encode() + text.encode("utf-8", "surrogateescape"))
    return folder / "lexicons-checked" / digest.hexdigest()


def _stamped(stamp: Path) -> bool:
    """Whether the stamp is there; a cache folder that cannot be looked into (no
    permission, a name too long, any OSError: ``Path.exists`` passes on only some of
    them) counts as no stamp, so the file is checked, and the run goes on."""
    try:
        return stamp.exists()
    except OSError:
        return False


def _write_stamp(stamp: Path) -> None:
    """The stamp, written whole (a rename) or not at all; a cache that cannot be
    written only means the next process checks again."""
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=stamp.parent, prefix=".stamp-")
    except OSError:
        return
    try:
        os.close(fd)
        os.replace(temp, stamp)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)  # no half-made stamps left behind in the cache


# ---------------------------------------------------------------- reading and checking


def _read_json(path: Path, text: str, check: bool = True):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LexiconError(f"{_shown(path)} line {error.lineno}: not valid JSON ({error.msg})") from None
    if check:
        _check(path, data, lambda problem_path, value: line_of(text, problem_path, value))
    return data


def _read_jsonl(path: Path, text: str, check: bool = True) -> tuple[dict, ...]:
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise LexiconError(f"{_shown(path)} line {number}: not valid JSON ({error.msg})") from None
        if check:
            _check(path, entry, lambda *_, n=number: n)
        rows.append(entry)
    return tuple(rows)


def _read_csv(path: Path, text: str, check: bool = True) -> tuple[dict, ...]:
    reader = csv.DictReader(text.splitlines(keepends=True))
    rows = []
    for row in reader:
        if None in row:  # more cells than the header names
            raise LexiconError(f"{_shown(path)} line {reader.line_num}: more cells than the header "
                               f"({', '.join(reader.fieldnames or ())})")
        if check:
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
