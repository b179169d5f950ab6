"""The organisation lexicon's names with their keys, prebuilt (``models/org_names_index.json``).

Building the keys of ``models/org_names.json`` parses every word of every name with
pymorphy3: about a quarter of a second of CPU, the largest piece of a process's warm-up,
paid again by every worker that loads its own models (a rerun with a few files changed).
The index holds what :func:`~pipeline.tag.org_names.lexicon_names` builds, with a
fingerprint of what it was built from: the lexicon's bytes, the pymorphy3 dictionary and
the source of the code that builds the keys (:func:`key_code`). A lexicon, dictionary or
key-building code changed since does not match the fingerprint, and the names are built
from the lexicon as before, never read stale. Rebuild it with
``python scripts/build_org_names_index.py``; ``tests/test_stage_speed.py``
(``test_the_shipped_org_names_index_is_the_lexicon_built_now``) fails while it is out of date.
"""

from __future__ import annotations

import hashlib
import inspect
from functools import cache

from ..morphology import morph_analyzer
from ..resources import load_json, models_dir

INDEX = "org_names_index.json"
SOURCE = "org_names.json"


@cache
def key_code() -> str:
    """A hash of the source of the code that builds the names and their keys
    (:func:`~pipeline.tag.org_names.lexicon_names` and the functions and patterns it reads
    with): an edit there makes the shipped index stale as an edited lexicon does."""
    from . import inflect, org_names

    parts = [inspect.getsource(f) for f in (
        org_names.Name, org_names.lexicon_names, org_names._entry_keys, org_names.token_keys,
        inflect.is_abbreviation, inflect.abbreviation_stem, inflect.is_common_word)]
    parts += [org_names.TOKEN.pattern, org_names._CYRILLIC_WORD.pattern]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def fingerprint() -> str:
    """What the index's keys depend on: the lexicon's bytes, the pymorphy3 dictionary
    (its source revision and compile time) and the key-building code (:func:`key_code`)."""
    meta = morph_analyzer().dictionary.meta
    source = hashlib.sha256((models_dir() / SOURCE).read_bytes()).hexdigest()
    return (f"{source} pymorphy3-dict {meta.get('source_revision')} {meta.get('compiled_at')} "
            f"code {key_code()}")


def prebuilt_names(data: dict | None = None, expected: str | None = None) -> list | None:
    """The names of the index (``data``, else the shipped file) if it was built from what
    :func:`fingerprint` (or ``expected``) says the lexicon and dictionary are now; else None."""
    from .org_names import Name

    if data is None:
        if not (models_dir() / INDEX).is_file():
            return None
        data = load_json(INDEX)
    if data["fingerprint"] != (expected if expected is not None else fingerprint()):
        return None
    return [Name(tuple(words), tuple(frozenset(k) for k in keys), common) for words, keys, common in data["names"]]


def index_of(names: list) -> dict:
    """The index file's content for the names (keys sorted, so the file is stable)."""
    return {
        "_about": "Built by scripts/build_org_names_index.py from org_names.json; do not edit "
                  "(pipeline/tag/org_names_index.py says why and when it is used).",
        "fingerprint": fingerprint(),
        "names": [[list(n.words), [sorted(k) for k in n.keys], n.common] for n in names],
    }
