"""Who a statement ties a person to as family: the people whose surname a person it names
without one (``Оля``, ``моего сына Тиму``) may bear.

A family names its own by the first name alone; the surname is the relative's who
writes (``Я, Андрей Шевчук … задержали мою жену Олю``) or who the kin word names
(``Олю, жену Андрея Шевчука``). Only those count: a neighbour, a colleague, a lawyer,
an official or anyone else the statement names is no family, and their surname is
not the person's (``мою соседку Олю`` beside ``сержант Игорь Белов``). The author is who
introduces themself (``Я, …``, ``Меня зовут …``) or signs the statement at its end
(``С уважением, Инна Сорокина``, ``Заявитель: …``, a name alone on the last line); an
age or an adjective may stand between the possessive, the kin word and the name
(``моего 17-летнего сына Тиму``). Kin nouns, possessives and closing formulas:
``models/link_kin.json``.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ..events.syntax import lemmas_of
from ..morphology import parse_word
from ..research.loading import Tables
from ..resources import fold, load_json

# The author introducing themself: ``Я, Андрей Шевчук``, ``Меня зовут …`` (as the event
# stage reads its narrator, pipeline.events.people).
_SELF_INTRODUCTION = re.compile(r"(?:^|[\s.,;:])(?:[Яя]\s*[,—–-]|[Мм]еня\s+зовут)\s*$")
_WORDS = re.compile(r"\w+(?:[‐‑-]\w+)*")  # a hyphenated word is one: ``17-летнего``
_BETWEEN = re.compile(r"^[\s,—–-]*$")
# Parts of speech that may stand between a possessive, its kin word and the name, agreeing
# with the kin word: an adjective, a participle, a numeral (``нашего младшего, 17-летнего
# сына``); a number in digits always may.
_MODIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})
_MOST_MODIFIERS = 3
# Where a signature's line starts: the end of a sentence or a line.
_LINE_START = re.compile(r"[.!?\n][^.!?\n]*\Z")
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = load_json("link_kin.json")
    return {key: frozenset(fold(w) for w in data[key])
            for key in ("kin_nouns", "first_person_possessives", "sign_offs")}


def is_kin_word(word: str) -> bool:
    """Whether a word is a noun of family (any case), not of a neighbour or a lawyer.

    >>> is_kin_word("жену"), is_kin_word("сыночка"), is_kin_word("соседку"), is_kin_word("адвоката")
    (True, False, False, False)
    """
    return bool(lemmas_of(word) & _lexicon()["kin_nouns"])


def _is_possessive(word: str) -> bool:
    return bool(lemmas_of(word) & _lexicon()["first_person_possessives"])


def _cases(word: str, parts: frozenset[str]) -> set[str]:
    return {p.tag.case for p in parse_word(word) if p.tag.POS in parts}


def _agrees(word: str, noun: str) -> bool:
    """Whether a word may modify the kin noun: a number, or an adjective, participle or
    numeral in one of its cases (``17-летнего сына``, ``старшую дочь``; not ``соседке дочь``)."""
    return word.isdigit() or bool(_cases(word, _MODIFIERS) & _cases(noun, frozenset({"NOUN"})))


def _kin_before(text: str, start: int) -> tuple[str, int, bool] | None:
    """The kin word before a name, where it starts, and whether a first-person possessive
    comes before it (``мою жену``). Commas, dashes and up to three agreeing modifiers may
    stand between (``моего младшего, 17-летнего сына Тиму``, ``дочь, 19-летнюю Катю``).

    >>> _kin_before("задержали нашего 17-летнего сына Тиму", 33)[::2]
    ('сына', True)
    >>> _kin_before("задержали соседку, 19-летнюю Олю", 29) is None
    True
    """
    offset = max(0, start - 80)
    before = text[offset:start]
    words = list(_WORDS.finditer(before))
    at, end = len(words) - 1, len(before)

    def next_word():  # the word before ``end``, if only commas and dashes come between
        nonlocal at, end
        if at < 0 or not _BETWEEN.match(before[words[at].end():end]):
            return None
        word, end, at = words[at], words[at].start(), at - 1
        return word

    after_kin = []
    while (word := next_word()) is not None and not is_kin_word(word.group()):
        after_kin.append(word.group())
        if len(after_kin) > _MOST_MODIFIERS:
            return None
    if word is None:
        return None
    kin = word
    if not all(_agrees(w, kin.group()) for w in after_kin):
        return None
    mine = False
    for _ in range(_MOST_MODIFIERS + 1):
        word = next_word()
        if word is None:
            break
        if _is_possessive(word.group()):
            mine = bool(_cases(word.group(), frozenset({"ADJF"}))
                        & _cases(kin.group(), frozenset({"NOUN"})))
            break
        if not _agrees(word.group(), kin.group()):
            break
    return kin.group(), offset + kin.start(), mine


def _signer(text: str, people: list[tuple[int, int, str]]) -> str | None:
    """The author who signs the statement at its end: a name after a closing formula
    (``С уважением, Инна Сорокина``, ``Заявитель: …``), or a name alone on the last line,
    nothing but a date after it.

    >>> _signer("Задержали моего сына. С уважением, Инна Сорокина.", [(35, 48, "Инна Сорокина")])
    'Инна Сорокина'
    >>> _signer("Задержали сына. Об этом сообщил Семён Корнилов.", [(32, 46, "Семён Корнилов")])
    """
    for start, end, name in reversed(people):
        line = _LINE_START.search(text[:start])
        lead = fold(text[line.start() + 1 if line else 0:start]).strip(" \t,:;—–-")
        if any(lead.startswith(formula) for formula in _lexicon()["sign_offs"]):
            return name
        if not lead and not _LETTER.search(text[end:]):
            return name
    return None


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
                     if _SELF_INTRODUCTION.search(text[max(0, start - 30):start])),
                    None) or _signer(text, people)
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
        # ``жену Андрея Шевчука Олю``: the kin word before the owner named just before the
        # name, no comma between (``сына Андрея Шевчука, Олю и Веру`` is a list)
        gap = text[:start].rstrip()
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
                     & mentions["doc_id"].isin(texts) & mentions["start"].notna()
                     & mentions["end"].notna()]
    people: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, start, end, normal in zip(named["doc_id"], named["start"], named["end"],
                                          named["normal"]):
        people.setdefault(doc_id, []).append((int(start), int(end), str(normal)))
    found = {}
    for doc_id, mentioned in people.items():
        for name, tied in kin_ties("".join(texts[doc_id]), mentioned).items():
            found[(doc_id, name)] = tied
    return found
