"""Quoted names of works and products, which are no organisations.

natasha types many a quoted name ORG. A name in quotes right after a noun for a work
or a made thing (``фильм «…»``, ``шаттл «…»``, ``торговой маркой «…»``: lemmas in
``models/org_words.json`` ``work_nouns``) names that thing, and so does every quoted
name listed after it (``фильмы «…», «…» и «…»``) and the same name quoted again in the
document (``«Атлантис» полетит позже`` after ``шаттлы «Индевор» и «Атлантис»``).
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import parse_word
from ..resources import load_json

_QUOTED = re.compile(r"«([^«»\n]{1,80})»")
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\s\Z")
_LIST_GAP = re.compile(r"(?:,\s|\sи\s|\sили\s)\Z")


@cache
def work_nouns() -> frozenset[str]:
    return frozenset(load_json("org_words.json")["work_nouns"])


def quoted_works(text: str) -> set[tuple[int, int]]:
    """Spans of the quoted names of works in ``text``, each both with and without
    its quotes.

    >>> text = "шаттлы «Индевор» и «Атлантис»; «Атлантисом» управлял он; газета «Время»"
    >>> sorted(text[a:b] for a, b in quoted_works(text) if text[a] != "«")
    ['Атлантис', 'Атлантисом', 'Индевор']
    """
    quotes = list(_QUOTED.finditer(text))
    if not quotes:
        return set()
    works: set[str] = set()
    listed = False  # the previous quoted name was a work and this one may continue its list
    previous_end = -1
    for quote in quotes:
        before = text[max(0, quote.start() - 40) : quote.start()]
        continues = listed and previous_end >= 0 and _LIST_GAP.search(text[previous_end : quote.start()]) is not None \
            and quote.start() - previous_end <= 5
        word = _WORD_BEFORE.search(before)
        headed = word is not None and _is_work_noun(word.group(1))
        listed = headed or continues
        if listed:
            works.add(quote.group(1).lower().strip())
        previous_end = quote.end()
    if not works:
        return set()
    found: set[tuple[int, int]] = set()
    for quote in quotes:
        if any(_same_name(quote.group(1), work) for work in works):
            found.add((quote.start(), quote.end()))
            found.add((quote.start(1), quote.end(1)))
    return found


def _is_work_noun(word: str) -> bool:
    return any(p.tag.POS == "NOUN" and p.normal_form in work_nouns() for p in parse_word(word))


def _same_name(name: str, work: str) -> bool:
    """Whether a quoted name is a form of a work's name: the same words but for a case
    ending of at most three letters (``Атлантисом`` of ``Атлантис``, ``Союзом`` of ``Союз``).

    >>> _same_name("Атлантисом", "атлантис"), _same_name("Союз", "союзом"), _same_name("Сон", "сонет")
    (True, True, False)
    """
    name = name.lower().strip()
    short, long_ = sorted((name, work), key=len)
    if len(long_) - len(short) > 3:
        return False
    stem = short[: max(3, len(short) - 2)] if len(short) > 4 else short
    return long_.startswith(stem) and (len(long_) == len(short) or len(short) >= 4)
