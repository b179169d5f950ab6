"""Places of Kazakhstan, Russia and their neighbours, found in any case.

The gazetteer (``models/gazetteer_places.csv``: name, canonical, kind, country)
holds nominative names and their variants (``Жана Озен``, ``Алма-Ата``). A word of
text is put back into candidate nominatives by swapping its case ending
(``models/ner_place_endings.json``) and by pymorphy3's geographic lemmas; a
candidate counts only if it is a name the gazetteer holds, so inflected forms
(``в Жанаозене``, ``Жана Озене``, ``Москвы``) are found without guessing stems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp import parse_word
from ..resources import load_csv, load_json

# A word (letters, inner hyphens); ``г.Алматы`` gives ``г`` and ``Алматы``.
_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*")
# What may stand between two words of one name: a single space (never a line break).
_JOINER = re.compile(r" ")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer hit: a clean-text span and the place it names."""

    start: int
    end: int
    canonical: str
    kind: str  # country, region, city
    country: str


def fold(word: str) -> str:
    """The form names are compared in: lower case, ё as е.

    >>> fold("Орёл")
    'орел'
    """
    return word.lower().replace("ё", "е")


@cache
def _entries() -> dict[tuple[str, ...], tuple[str, str, str]]:
    """Folded name words -> (canonical, kind, country)."""
    table = {}
    for row in load_csv("gazetteer_places.csv"):
        key = tuple(fold(row["name"]).split())
        table.setdefault(key, (row["canonical"], row["kind"], row["country"]))
    return table


@cache
def _max_words() -> int:
    return max(len(key) for key in _entries())


@cache
def _known_words() -> frozenset[str]:
    return frozenset(word for key in _entries() for word in key)


@lru_cache(maxsize=50_000)
def nominatives(word: str) -> frozenset[str]:
    """Folded forms a word may have in the nominative (itself among them).

    >>> sorted(nominatives("Жанаозене") & {"жанаозен"})
    ['жанаозен']
    >>> "россия" in nominatives("России")
    True
    """
    folded = fold(word)
    forms = {folded}
    endings = load_json("ner_place_endings.json")["endings"]
    # Only the last hyphen part declines (Алма-Аты, Усть-Каменогорске).
    for ending, replacements in endings.items():
        if folded.endswith(ending) and len(folded) - len(ending) >= 2:
            stem = folded[: len(folded) - len(ending)]
            forms.update(stem + replacement for replacement in replacements)
    for parse in parse_word(word):
        if "Geox" in parse.tag:
            forms.add(fold(parse.normal_form))
    return frozenset(forms & _known_words() | {folded})


def find_places(text: str) -> list[Place]:
    """Every gazetteer place in text, longest match first, never across a line.

    >>> [(p.canonical, p.kind) for p in find_places("расстрел в Жана Озене и Шетпе")]
    [('Жанаозен', 'city'), ('Шетпе', 'city')]
    >>> [p.canonical for p in find_places("иск к Акимату г.Алматы")]
    ['Алматы']
    """
    words = list(_WORD.finditer(text))
    entries, longest = _entries(), _max_words()
    places: list[Place] = []
    index = 0
    while index < len(words):
        hit = None
        if not words[index].group()[0].isupper():  # a name opens with a capital
            index += 1
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            run = words[index : index + size]
            if not _adjacent(text, run):
                continue
            for key in _keys(tuple(m.group() for m in run)):
                if key in entries:
                    hit = (size, entries[key])
                    break
            if hit:
                break
        if hit:
            size, (canonical, kind, country) = hit
            run = words[index : index + size]
            places.append(Place(run[0].start(), run[-1].end(), canonical, kind, country))
            index += size
        else:
            index += 1
    return places


def _adjacent(text: str, run: list[re.Match]) -> bool:
    """Whether the words of a run follow each other with one space between."""
    return all(
        _JOINER.fullmatch(text[a.end() : b.start()]) for a, b in zip(run, run[1:])
    )


def _keys(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Candidate nominative keys of a run of words; every word may decline
    (``Нижнем Новгороде``), lower-case words of a name (``область``) too."""
    keys: list[tuple[str, ...]] = [()]
    for word in words:
        keys = [key + (form,) for key in keys for form in nominatives(word)]
        if len(keys) > 64:  # a long run of ambiguous words: no gazetteer name is that long
            return []
    return keys
