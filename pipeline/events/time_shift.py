"""A stated step of time on from what was told before (``Через неделю ...``): a later
telling after one is another happening, unless both state the same day.

The lexicon is ``time_shift`` in ``models/event_context.json``.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import parse_word
from .syntax import context
from .triggers import word_lemmas

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    shift = context()["time_shift"]
    return (frozenset(shift["prepositions"]), frozenset(shift["postpositions"]), frozenset(shift["units"]),
            tuple(map(tuple, shift["phrases"])), frozenset(shift["anchors"]))


@cache
def _phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The lexicon's phrases by their first word: a word is tried only against the
    phrases that can start at it (the lexicon's phrases are never empty)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _lexicon()[3]:
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in by_first.items()}


def is_number(word: str) -> bool:
    """Digits or a numeral (``два``, ``несколько``, ``пару``) by pymorphy3's part of speech."""
    if _DIGITS.fullmatch(word):
        return True
    tag = parse_word(word)[0].tag
    return tag.POS == "NUMR" or "Anum" in tag.grammemes or word in {"несколько", "пару", "пара"}


def tells_time_shift(text: str) -> bool:
    """The text moves time on by a stated step: a preposition of a later time, a number if
    any, then a unit of time (``через неделю``, ``спустя два дня``), a unit then the
    preposition (``три дня спустя``), or a phrase of the next day (``на следующий день``,
    ``наутро``); not a step counted from a happening it names (``через месяц после обыска``:
    an anchor, ``после``, right after the unit). Minutes and hours are no such step: they
    pass inside one story (``через час его доставили в отдел``).

    >>> tells_time_shift("Через неделю на похоронах начались столкновения.")
    True
    >>> tells_time_shift("Через адвоката он подал жалобу.")
    False
    >>> tells_time_shift("Через месяц после обыска его уволили.")
    False
    >>> tells_time_shift("В тот день через мегафон объявили о задержании.")
    False
    >>> tells_time_shift("На следующий день после пикета его задержали.")
    False
    """
    prepositions, postpositions, units, _, anchors = _lexicon()
    by_first = _phrases_by_first()
    words = [w.lower() for w in _WORD.findall(text)]
    lemmas = [word_lemmas(w) for w in words]

    def anchored(after: int) -> bool:
        return any(anchors & other for other in lemmas[after + 1: after + 3])

    for i, found in enumerate(lemmas):
        if found & prepositions:
            unit = i + 1
            while unit < len(words) and unit <= i + 2 and is_number(words[unit]):
                unit += 1
            if unit < len(words) and units & lemmas[unit] and not anchored(unit):
                return True
        if units & found and i + 1 < len(lemmas) and postpositions & lemmas[i + 1] and not anchored(i + 1):
            return True
        for phrase in (phrase for lemma in found for phrase in by_first.get(lemma, ())):
            if all(i + k < len(lemmas) and word in lemmas[i + k] for k, word in enumerate(phrase)) \
                    and not anchored(i + len(phrase) - 1):
                return True
    return False


def names_what_follows(tokens, after: int) -> bool:
    """A word right after a phrase of time (``накануне``) is a noun it governs (``накануне
    митинга``): the phrase counts from that happening, not from the last named day."""
    return after < len(tokens) and tokens[after].pos in {"NOUN", "PROPN", "ADJ", "DET", "NUM"} \
        and "Case=Nom" not in tokens[after].feats
