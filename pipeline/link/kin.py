"""Who a statement ties a person to as family: the people whose surname a person it names
without one (``Оля``, ``моего сына Тиму``) may bear.

A family names its own by the first name alone; the surname is the relative's who
writes (``Я, Андрей Шевчук … задержали мою жену Олю``) or who the kin word names
(``Олю, жену Андрея Шевчука``). Only those count: a neighbour, a colleague, a lawyer,
an official or anyone else the statement names is no family, and their surname is
not the person's (``мою соседку Олю`` beside ``сержант Игорь Белов``). Kin nouns and
possessives: ``models/link_kin.json``.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ..events.syntax import lemmas_of
from ..research.loading import Tables
from ..resources import fold, load_json

# The author introducing themself: ``Я, Андрей Шевчук``, ``Меня зовут …`` (as the event
# stage reads its narrator, pipeline.events.people).
_SELF_INTRODUCTION = re.compile(r"(?:^|[\s.,;:])(?:[Яя]\s*[,—–-]|[Мм]еня\s+зовут)\s*$")
_WORDS = re.compile(r"\w+")
_BETWEEN = re.compile(r"^[\s,—–-]*$")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("link_kin.json")
    return (frozenset(fold(w) for w in data["kin_nouns"]),
            frozenset(fold(w) for w in data["first_person_possessives"]))


def is_kin_word(word: str) -> bool:
    """Whether a word is a noun of family (any case), not of a neighbour or a lawyer.

    >>> is_kin_word("жену"), is_kin_word("сыночка"), is_kin_word("соседку"), is_kin_word("адвоката")
    (True, False, False, False)
    """
    return bool(lemmas_of(word) & _lexicon()[0])


def _is_possessive(word: str) -> bool:
    return bool(lemmas_of(word) & _lexicon()[1])


def _kin_before(text: str, start: int) -> tuple[str, int, bool] | None:
    """The kin word right before a name (a comma or dash between allowed), where it starts,
    and whether a first-person possessive comes just before it (``мою жену``)."""
    before = text[max(0, start - 40):start]
    words = list(_WORDS.finditer(before))
    if not words or not _BETWEEN.match(before[words[-1].end():]) \
            or not is_kin_word(words[-1].group()):
        return None
    mine = any(_is_possessive(w.group()) for w in words[-3:-1])
    return words[-1].group(), max(0, start - 40) + words[-1].start(), mine


def kin_ties(text: str, people: list[tuple[int, int, str]]) -> dict[str, set[str]]:
    """Name -> names of the people one statement ties it to as family. ``people``: the
    start, end and name of each person mention, in the text.

    >>> text = "Я, Андрей Шевчук, пишу. Задержали мою жену Олю и соседку Веру."
    >>> found = kin_ties(text, [(3, 16, "Андрей Шевчук"), (43, 46, "Оля"), (57, 61, "Вера")])
    >>> sorted(found["Оля"]), "Вера" in found
    (['Андрей Шевчук'], False)
    """
    people = sorted(people)
    narrator = next((name for start, _, name in people
                     if _SELF_INTRODUCTION.search(text[max(0, start - 30):start])), None)
    ties: dict[str, set[str]] = {}

    def tie(one: str, other: str) -> None:
        if one != other:
            ties.setdefault(one, set()).add(other)
            ties.setdefault(other, set()).add(one)

    ends = {end: name for _, end, name in people}
    starts = {start: name for start, _, name in people}
    for start, end, name in people:
        kin = _kin_before(text, start)
        if kin is not None and kin[2] and narrator is not None:
            tie(name, narrator)  # ``мою жену Олю``: the author's
        # ``Олю, жену Андрея Шевчука``: the kin word after the name, its owner named next
        after = re.match(r"[\s,—–-]*(\w+)\s+", text[end:end + 40])
        if after and is_kin_word(after.group(1)) and end + after.end() in starts:
            tie(name, starts[end + after.end()])
        # ``жену Андрея Шевчука Олю``: the kin word before the owner named before the name
        gap = text[:start].rstrip(" ,—–-")
        if kin is None and len(gap) in ends:
            owner_start = next(s for s, e, n in people if e == len(gap))
            owner_kin = _kin_before(text, owner_start)
            if owner_kin is not None and not owner_kin[2]:
                tie(name, ends[len(gap)])
    return ties


def document_kin(tables: Tables, doc_ids: set[str]) -> dict[tuple[str, str], set[str]]:
    """(document, name) -> the names the document ties it to as family, for ``doc_ids``
    (the documents naming someone without a surname: the others need none)."""
    sentences = tables.sentences[tables.sentences["doc_id"].isin(doc_ids)]
    texts: dict[str, list[str]] = {}
    for doc_id, start, text in zip(sentences["doc_id"], sentences["start"], sentences["text"]):
        if isinstance(text, str) and not pd.isna(start):
            chars = texts.setdefault(doc_id, [])
            chars.extend(" " * (int(start) + len(text) - len(chars)))
            chars[int(start):int(start) + len(text)] = text
    mentions = tables.mentions
    named = mentions[(mentions["type"] == "PER") & mentions["normal"].notna()
                     & mentions["doc_id"].isin(texts) & mentions["start"].notna()]
    people: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, start, end, normal in zip(named["doc_id"], named["start"], named["end"],
                                          named["normal"]):
        people.setdefault(doc_id, []).append((int(start), int(end), str(normal)))
    found = {}
    for doc_id, mentioned in people.items():
        for name, tied in kin_ties("".join(texts[doc_id]), mentioned).items():
            found[(doc_id, name)] = tied
    return found
