"""Lexicons, gazetteers and patterns: data files under ``models/``, loaded once.

In a source checkout (or an editable install) they live in ``models/`` beside the
package; a wheel carries them as ``pipeline/models``.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


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
    """A JSON file from ``models/``, parsed once per process."""
    with open(models_dir() / name, encoding="utf-8") as f:
        return json.load(f)


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """A JSON Lines file from ``models/``: one record a line, ``#`` lines skipped."""
    rows = []
    with open(models_dir() / name, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(json.loads(line))
    return tuple(rows)


@cache
def load_csv(name: str) -> tuple[dict, ...]:
    """A CSV file with a header row from ``models/``."""
    with open(models_dir() / name, encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))
