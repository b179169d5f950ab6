"""pymorphy3, the project's own morphology, on its own: nothing but pymorphy3 imported.

Split from :mod:`pipeline.nlp` (which imports natasha, slovnet, navec and numpy: about
a fifth of a second) because the extract stage needs the dictionary alone, to tell
known words from garbled ones. A batch forks its read-ahead process
(:mod:`pipeline.batch.ahead`) once the extract stage is imported: the less that import
takes, the sooner the spare core starts reading PDFs, and the read-ahead never pays
for natasha, which it does not use. :mod:`pipeline.nlp` gives the same functions
(the same objects, so one analyzer and one cache per process).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    """The process's one pymorphy3 analyzer (its dictionaries take ~100 ms to open)."""
    return pymorphy3.MorphAnalyzer()


def from_dictionary(parse) -> bool:
    """Whether pymorphy3 read this parse from its dictionary, not guessed it from the
    word's ending (an unknown word)."""
    return parse.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"


@lru_cache(maxsize=200_000)
def parse_word(word: str):
    """pymorphy3 parses of a word, cached: testimony repeats its words a lot.

    A word of Cyrillic letters alone is parsed once in whatever case it is asked for
    (``Задержали``, ``задержали``, ``ЗАДЕРЖАЛИ``): the tag stage asks for words as written,
    the events stage for them lower-cased, and pymorphy3 gives such a word the parses of
    its lower case (:func:`case_blind`).

    >>> parse_word("Задержали") is parse_word("задержали")
    True
    >>> parse_word("А") is parse_word("а")  # an initial, or the conjunction
    False
    """
    lower = word.lower()
    return _parse(lower if lower != word and case_blind(word) else word)


@lru_cache(maxsize=200_000)
def _parse(word: str):
    return morph_analyzer().parse(word)


_CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яё]{2,}")


def case_blind(word: str) -> bool:
    """Whether pymorphy3 parses the word exactly as its lower case: a word of two or more
    Cyrillic letters. Its analysers read such a word lower-cased; only those of a single
    capital (an initial), of Latin letters (Roman numbers) and of hyphenated words look at
    it as written (``tests/test_morphology.py`` compares the two on invented text).

    >>> case_blind("Москвы"), case_blind("А"), case_blind("XIV"), case_blind("Нью-Йорк")
    (True, False, False, False)
    """
    return _CYRILLIC_WORD.fullmatch(word) is not None
