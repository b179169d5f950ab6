"""Place or person: one word that may name either (``Владимир``, ``Борисов``, ``Иванова``).

Witnesses vote, one vote each: natasha's type; what is known of the word (a
first name or surname to pymorphy3; a place to the gazetteer or pymorphy3); and the
words around it (``models/ner_place_person.json``): a preposition of place before
it (``в Борисове``), a noun that takes a place or a person before it (``жители
Владимира``, ``дача Иванова``, ``училище имени Щукина``), a verb after it that
agrees with it as a person (``Борисов заявил``, ``Владимир поступил``). The side
with more votes wins; on a tie natasha's reading stands.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import parse_word
from ..records import LOC, PER
from ..resources import load_json
from .candidates import in_dictionary
from .person_context import verb_agrees_after

_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\.?[ \t]+$")


@cache
def _context() -> dict[str, frozenset[str]]:
    data = load_json("ner_place_person.json")
    return {key: frozenset(data[key]) for key in ("place_prepositions", "place_nouns", "person_nouns")}


def may_be_either(word: str) -> bool:
    """A word pymorphy3 knows as a first name, surname or patronymic (``Владимир``,
    ``Борисов``): a place of that name needs the context to tell.

    >>> may_be_either("Владимир"), may_be_either("Борисов"), may_be_either("Бишкек")
    (True, True, False)
    """
    return any(mark in p.tag for p in parse_word(word) for mark in ("Name", "Surn", "Patr")
               if in_dictionary(p))


def is_geographic(word: str) -> bool:
    """A place name pymorphy3 knows from its dictionary (``Мозамбиком``).

    >>> is_geographic("Мозамбиком"), is_geographic("Ортис")
    (True, False)
    """
    return any("Geox" in p.tag and p.tag.POS == "NOUN" for p in parse_word(word)
               if in_dictionary(p))


def place_or_person(text: str, start: int, end: int, natasha: str | None, in_gazetteer: bool) -> str:
    """``LOC`` or ``PER`` for the one-word name at ``text[start:end]``.

    >>> text = "Жители Владимира вышли на пикет, а Владимир поступил в университет."
    >>> place_or_person(text, 7, 16, None, True), place_or_person(text, 35, 43, None, True)
    ('LOC', 'PER')
    >>> text = "На даче Иванова нашли листовки; в Иванове прошёл пикет."
    >>> place_or_person(text, 8, 15, "PER", True), place_or_person(text, 34, 41, None, True)
    ('PER', 'LOC')
    """
    word = text[start:end]
    parses = parse_word(word)
    known = [p for p in parses if in_dictionary(p)]
    # The gazetteer and pymorphy3's Geox say one thing: the word is a known place name.
    place = int(natasha == LOC) + int(in_gazetteer or any("Geox" in p.tag for p in known))
    person = int(natasha == PER) + int(any(m in p.tag for p in known for m in ("Name", "Surn", "Patr")))
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if before:
        previous = before.group(1).lower()
        context = _context()
        if previous in context["place_prepositions"]:
            place += 1
        lemmas = {p.normal_form for p in parse_word(previous)} | {previous}
        if lemmas & context["place_nouns"]:
            place += 1
        if lemmas & context["person_nouns"] or previous in ("им", "имени"):
            person += 1
    if verb_agrees_after(text, end) and any(p.tag.case == "nomn" for p in known):
        person += 1  # a subject acting: ``Борисов заявил`` (not ``в Борисове прошёл``)
    if place == person:
        return natasha or LOC
    return LOC if place > person else PER
