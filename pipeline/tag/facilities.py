"""Facilities named by a number, a quoted name or a saint: ``СИЗО-1``, ``СИЗО № 2``,
``исправительной колонии № 5``, ``клуб «…»``, ``церковь Святого …``.

A place of custody, a night club, a military base, a studio or a drilling platform is a
venue (``models/ner_venues.json`` ``facility_nouns``, ``facility_abbreviations``; a club, a
base or a platform only with a word of its kind, ``facility_kinds``) when a number or a
quoted name follows its head, and a church when a saint's genitive does (``saint_nouns``):
one LOC with the noun's agreeing adjectives before it (not a
city's adjective: ``московском СИЗО № 1`` -> ``СИЗО № 1``). The city or region in the
genitive after it is no part of it and stays a place of its own (``из ИК-6 Мордовии``).
The noun alone (``в изоляторе``, ``в ИВС``) names no place.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import parse_word
from ..resources import lexicon_index, load_json
from .gazetteer import Place, place_of_adjective

# What names a facility after its head: a number (``-2``, `` № 2``, ``№2``) or a quoted name.
_NUMBER = re.compile(r"(?:-\d+|\s?№\s?\d+)(?![\w-])")
_QUOTED = re.compile(r" ?«[^»\n]{1,60}»")
# A saint's genitive after a church: ``Святого Николая``, ``Св. Троицы``, ``святой Анны``.
_SAINT = re.compile(r" ([Сс]в(?:ят[а-яё]+|\.))( [А-ЯЁ][а-яё]+){1,2}(?![\w-])")
_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
# The word right before a head, of any case: a sentence opens with its adjective
# (``Исправительная колония № 7``), and a compound adjective is one word (``военно-морской``).
_WORD_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*) \Z")
ADJECTIVES_BEFORE = 2  # "исправительной колонии", "морской буровой платформе"


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_json("ner_venues.json")
    return (frozenset(_fold(w) for w in data["facility_nouns"]), frozenset(data["facility_abbreviations"]),
            frozenset(_fold(w) for w in data["saint_nouns"]), frozenset(_fold(w) for w in data["saints"]))


def find_facilities(text: str) -> list[Place]:
    """Facilities named by a number, a quoted name or a saint, as venue places.

    ``name`` is the head and its adjectives in the nominative, with the number or name as written.

    >>> [p.name for p in find_facilities("его перевели из СИЗО-2 Твери в исправительную колонию № 7")]
    ['СИЗО-2', 'исправительная колония № 7']
    >>> [p.name for p in find_facilities("в ночном клубе «Луна»; в церкви Святой Анны")]
    ['ночной клуб «Луна»', 'церковь Святой Анны']
    >>> find_facilities("ночь в ИВС, затем в колонии, потом в изоляторе")
    []
    >>> find_facilities("пастор церкви «Заря» внёс в базу «Поиск» ролик с платформы «Кадр»")
    []
    """
    numbered, abbreviations, saint_nouns, saints = _lexicon()
    nouns = numbered | saint_nouns
    prefixes = {noun[:3] for noun in nouns}
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word in abbreviations:
            name = _NUMBER.match(text, match.end()) or _QUOTED.match(text, match.end())
            if name:
                own = text[match.start():name.end()]
                found.append(Place(match.start(), name.end(), own, "venue", "", own))
            continue
        last = _fold(word.rpartition("-")[2])
        if last[:3] not in prefixes:
            continue  # a cheap filter before parsing: no facility noun starts so
        parse = next((p for p in parse_word(last) if p.tag.POS == "NOUN" and _fold(p.normal_form) in nouns
                      and p.tag.number == "sing"), None)
        if parse is None:
            continue
        if _fold(parse.normal_form) in saint_nouns:  # "церковь «…»" is a congregation, a body
            saint = _SAINT.match(text, match.end())
            name = saint if saint and (_fold(saint.group(1).rstrip(".")) in saints or any(
                _fold(p.normal_form) in saints for p in parse_word(saint.group(1)))) else None
        else:
            name = _NUMBER.match(text, match.end()) or _QUOTED.match(text, match.end())
        if name is None:
            continue
        if _plural_by_adjective(text, match.start(), last):
            continue  # "летние лагеря «…»": many camps, no one venue's name
        kinds = _kinds().get(_fold(parse.normal_form))
        if kinds is not None and not _has_kind(text, match.start(), word, kinds):
            continue  # "клуб «…»" alone: a sports club, a body
        cases = {p.tag.case for p in parse_word(last) if p.tag.POS == "NOUN" and _fold(p.normal_form) in nouns}
        start = _adjectives_start(text, match.start(), cases)
        head = _nominative(text[start:match.end()], word)
        own = head + text[match.end():name.end()]
        found.append(Place(start, name.end(), own, "venue", "", own))
    return found


def _plural_by_adjective(text: str, start: int, noun: str) -> bool:
    """Whether the adjective right before a noun agrees with it only in the plural
    (``летние лагеря``: ``лагеря`` is a genitive singular too).

    >>> _plural_by_adjective("снесли летние лагеря", 14, "лагеря"), _plural_by_adjective("у летнего лагеря", 9, "лагеря")
    (True, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    nouns = [p for p in parse_word(noun) if p.tag.POS == "NOUN"]
    adjectives = [p for p in parse_word(before.group(1)) if p.tag.POS == "ADJF"]
    agreeing = {a.tag.number for a in adjectives for n in nouns
                if a.tag.case == n.tag.case and a.tag.number == n.tag.number}
    return agreeing == {"plur"}


@lexicon_index
def _kinds() -> dict[str, frozenset[str]]:
    return {_fold(noun): frozenset(_fold(w) for w in words)
            for noun, words in load_json("ner_venues.json")["facility_kinds"].items()}


def _has_kind(text: str, start: int, word: str, kinds: frozenset[str]) -> bool:
    """Whether a word of ``kinds`` makes the noun a place: the first part of a hyphenated
    word (``гей-клуб``) or the adjective right before it (``ночном клубе``)."""
    first, hyphen, _ = word.rpartition("-")
    if hyphen and _fold(first) in kinds:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(before) and any(_fold(p.normal_form) in kinds for p in parse_word(before.group(1)))


def _adjectives_start(text: str, start: int, cases: set[str]) -> int:
    """Where the agreeing adjectives before a head noun begin (a city's adjective stays out)."""
    for _ in range(ADJECTIVES_BEFORE):
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is None:
            break
        parses = [p for p in parse_word(before.group(1)) if p.tag.POS == "ADJF" and p.tag.case in cases]
        if not parses or any(place_of_adjective(p.normal_form) for p in parses):
            break
        start = before.start(1)
    return start


def _nominative(phrase: str, head: str) -> str:
    """The adjectives and head noun of ``phrase`` in the nominative singular
    (``исправительной колонии`` -> ``исправительная колония``, ``гей-клубе`` -> ``гей-клуб``)."""
    words = phrase.split()
    noun = next((p for p in parse_word(head) if p.tag.POS == "NOUN"), None)
    if noun is None or "-" in head:  # a compound: its last part inflected, the words before kept
        nominative_head = head
        if "-" in head:
            first, _, last = head.rpartition("-")
            inflected = next((p for p in parse_word(last) if p.tag.POS == "NOUN"), None)
            form = inflected.inflect({"nomn", "sing"}) if inflected else None
            nominative_head = first + "-" + (form.word if form else last)
        return " ".join(words[:-1] + [nominative_head])
    gender = noun.tag.gender
    out = []
    for word in words[:-1]:
        adjective = next((p for p in parse_word(word) if p.tag.POS == "ADJF" and p.tag.case == noun.tag.case), None)
        form = adjective.inflect({"nomn", "sing", gender} - {None}) if adjective else None
        out.append(form.word if form else word)
    form = noun.inflect({"nomn", "sing"})
    out.append(form.word if form else head)
    result = " ".join(out)
    return result[:1].upper() + result[1:] if phrase[:1].isupper() else result
