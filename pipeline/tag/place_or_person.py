"""Place or person: one word that may name either (``Владимир``, ``Борисов``, ``Иванова``).

Witnesses vote, one vote each: natasha's type; what is known of the word (a
first name or surname to pymorphy3; a place to the gazetteer or pymorphy3); and the
words around it (``models/ner_place_person.json``): a preposition of place before
it (``в Борисове``), a noun that takes a place or a person before it (``жители
Владимира``, ``дача Иванова``, ``училище имени Щукина``), a verb after it that
agrees with it as a person (``Борисов сообщил``, ``Владимир уехал``). The side
with more votes wins; on a tie natasha's reading stands.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..nlp import parse_word
from ..records import LOC, PER
from ..resources import lexicon_index, load_json
from .candidates import Span, in_dictionary
from .person_context import verb_agrees_after

_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\.?[ \t]+$")


@lexicon_index
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

    >>> is_geographic("Мозамбиком"), is_geographic("Ирмедо")
    (True, False)
    """
    return any("Geox" in p.tag and p.tag.POS == "NOUN" for p in parse_word(word)
               if in_dictionary(p))


def place_or_person(text: str, start: int, end: int, natasha: str | None, in_gazetteer: bool) -> str:
    """``LOC`` or ``PER`` for the one-word name at ``text[start:end]``.

    >>> text = "Жители Владимира вышли на пикет, а Владимир уехал в университет."
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
        person += 1  # a subject acting: ``Борисов сообщил`` (not ``в Борисове прошёл``)
    if place == person:
        return natasha or LOC
    return LOC if place > person else PER


def surnames_as_people(text: str, spans: list[Span]) -> list[Span]:
    """A one-word place that no gazetteer knows but that is the surname of a person the
    document names in full is that person: ``администрации Клинтона`` after ``Билл
    Клинтон``, ``правительства Дворжачека`` after ``Карел Дворжачек``; after a preposition of
    place (``в Клинтоне``) it stays a place.

    >>> text = "Премьер Карел Дворжачек ушёл; правительство Дворжачека пало."
    >>> spans = [Span(PER, 8, 23), Span(LOC, 44, 54)]
    >>> [(s.type, text[s.start:s.end]) for s in surnames_as_people(text, spans)]
    [('PER', 'Карел Дворжачек'), ('PER', 'Дворжачека')]
    """
    from .persons import full_name_surnames

    surnames = full_name_surnames(text, spans)
    if not surnames:
        return spans
    result = []
    for span in spans:
        word = text[span.start : span.end]
        if (span.type == LOC and span.canonical is None and span.source == "natasha" and " " not in word
                and _is_surname_of(word, surnames) and not _after_place_preposition(text, span.start)):
            span = replace(span, type=PER)
        result.append(span)
    return result


# Case endings a surname unknown to pymorphy3 takes (``Кэмпбелл`` -> ``Кэмпбелла``, ``Кэмпбеллом``).
_SURNAME_ENDINGS = ("", "а", "у", "ом", "е", "ым", "ой", "ым", "ы", "ем", "я", "ю")


def _is_surname_of(word: str, surnames: set[str]) -> bool:
    """Whether a word is one of the surnames in some case.

    >>> _is_surname_of("Кэмпбеллом", {"кэмпбелл"}), _is_surname_of("Дворжачека", {"дворжачек"}), _is_surname_of("Кэмп", {"кэмпбелл"})
    (True, True, False)
    """
    from .persons import normalise_person

    if normalise_person(word).last_keys & surnames:
        return True
    lower = word.lower()
    return any(lower.startswith(s) and lower[len(s):] in _SURNAME_ENDINGS for s in surnames)


def _after_place_preposition(text: str, start: int) -> bool:
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return bool(before) and before.group(1).lower() in _context()["place_prepositions"]
