"""Russian inflection the taggers share: word shapes, a phrase put in the nominative.

Whether pymorphy3 knows a word as a common word (no name reading at all), whether a
word is an abbreviation (``ОМОНа``), a noun phrase with its head noun and the
adjectives before it put in the nominative (``Восточно-Казахстанской области`` ->
``Восточно-Казахстанская область``), and a form written with the capitals of the
text. Organisations, places and person context read names through here.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import from_dictionary, parse_word
from ..resources import load_json

PROPER_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")
# An abbreviation, maybe with a case ending: ДВД, ОМОНа, СОБРом, КазТАГ.
_ABBREVIATION = re.compile(r"^([А-ЯЁA-Z][А-ЯЁA-Zа-яё]*[А-ЯЁA-Z])([а-яё]{0,3})$")
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*")
_NAME_STOP = re.compile(r"[«\"(\d]")


@cache
def institution_heads() -> frozenset[str]:
    """Nouns that head an organisation's name (``models/org_words.json``): such a word is
    read as that noun, whatever else pymorphy3 takes it for."""
    return frozenset(load_json("org_words.json")["heads"])


def is_abbreviation(word: str) -> bool:
    """An all-capitals word, maybe with a case ending (``СОБРа``).

    >>> is_abbreviation("СОБРа"), is_abbreviation("Собор")
    (True, False)
    """
    return bool(_ABBREVIATION.match(word)) and sum(c.isupper() for c in word) >= 2


def abbreviation_stem(word: str) -> str:
    """An abbreviation without its case ending.

    >>> abbreviation_stem("ОМОНа"), abbreviation_stem("СОБР")
    ('ОМОН', 'СОБР')
    """
    match = _ABBREVIATION.match(word)
    return match.group(1) if match else word


def noun_lemmas(word: str) -> set[str]:
    """Normal forms of the word's noun readings."""
    return {p.normal_form for p in parse_word(word) if p.tag.POS == "NOUN"}


def is_common_word(word: str, parts_of_speech: frozenset[str] | None = None) -> bool:
    """Whether pymorphy3 knows the word as a common word (no name reading at all).

    >>> is_common_word("Поданная"), is_common_word("Жанаозене"), is_common_word("Лариса")
    (True, False, False)
    """
    parses = parse_word(word)
    if not parses or any(mark in p.tag for p in parses for mark in PROPER_TAGS):
        return False
    top = parses[0]
    if not from_dictionary(top):
        return False  # an unknown word may well be a name
    if parts_of_speech is not None:
        return top.tag.POS in parts_of_speech
    return top.tag.POS is not None


def normalise_phrase(surface: str) -> str:
    """A noun phrase with its head noun and the adjectives before it put in the
    nominative; what follows the head (genitives, quoted names) is kept.

    >>> normalise_phrase("Восточно-Казахстанской области")
    'Восточно-Казахстанская область'
    >>> normalise_phrase("Маслихата"), normalise_phrase("Шетпе")
    ('Маслихат', 'Шетпе')
    >>> normalise_phrase("районного ОВД"), normalise_phrase("управлением СГБ")
    ('районный ОВД', 'управление СГБ')
    >>> normalise_phrase("Дмитровском шоссе"), normalise_phrase("Дмитровское шоссе")
    ('Дмитровское шоссе', 'Дмитровское шоссе')
    """
    stop = _NAME_STOP.search(surface)
    prefix_end = stop.start() if stop else len(surface)
    words = list(_WORD.finditer(surface[:prefix_end]))
    head = None
    for index, match in enumerate(words):
        word = match.group()
        if is_abbreviation(word):
            if index:  # ``районного ОВД``: its adjectives in the nominative, their own gender
                return _adjectives_to_nominative(surface, words[:index])
            break  # ``МИД России``: an abbreviation heads the name as it is
        parses = parse_word(word)
        if parses and parses[0].tag.POS == "NOUN" or noun_lemmas(word) & institution_heads():
            head = index
            break
    if head is None:
        return surface
    head_parse = _known_noun_parse(words[head].group())
    if head_parse is None:
        return _before_indeclinable(surface, words[:head], words[head].group())
    if len(words) == 1 and prefix_end == len(surface) and head_parse.normal_form in institution_heads():
        return match_case(surface, head_parse.normal_form)  # маслихаты, Акиматом: the institution
    if head_parse.tag.case == "nomn":
        return surface
    number = head_parse.tag.number or "sing"
    new_head = head_parse.inflect({"nomn", number})
    if new_head is None:
        return surface
    replacements = {head: new_head.word}
    agree = {"nomn", "plur"} if number == "plur" else {"nomn", head_parse.tag.gender or "masc"}
    for index in range(head):
        adjective = next(
            (
                p
                for p in parse_word(words[index].group())
                if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == head_parse.tag.case
            ),
            None,
        )
        inflected = adjective.inflect(agree) if adjective else None
        if inflected:
            replacements[index] = inflected.word
    pieces, last = [], 0
    for index, match in enumerate(words):
        if index in replacements:
            pieces += [surface[last : match.start()], match_case(match.group(), replacements[index])]
            last = match.end()
    return "".join(pieces) + surface[last:]


def _before_indeclinable(surface: str, adjectives: list[re.Match], noun: str) -> str:
    """The adjectives before a noun pymorphy3's dictionary marks as not declining (``Fixd``:
    ``шоссе``, ``кафе``, ``метро``) in the nominative of its gender: the noun shows no case, so
    the adjectives' case is the phrase's (``Дмитровском шоссе`` -> ``Дмитровское шоссе``). Any
    other head that :func:`_known_noun_parse` would not decline stays as written."""
    parse = next((p for p in parse_word(noun) if p.tag.POS == "NOUN" and "Fixd" in p.tag and from_dictionary(p)), None)
    if parse is None or parse.tag.gender is None or not adjectives:
        return surface
    pieces, last = [], 0
    for match in adjectives:
        agreed = next((p.inflect({"nomn", "sing", parse.tag.gender}) for p in parse_word(match.group())
                       if p.tag.POS == "ADJF" and p.tag.number == "sing" and p.tag.gender in {parse.tag.gender, None}), None)
        if agreed is None:
            return surface
        pieces += [surface[last : match.start()], match_case(match.group(), agreed.word)]
        last = match.end()
    return "".join(pieces) + surface[last:]


def _adjectives_to_nominative(surface: str, adjectives: list[re.Match]) -> str:
    """The adjectives before an abbreviation (which has no case) in the nominative
    singular, feminine only where written so: ``районного ОВД`` -> ``районный ОВД``."""
    pieces, last = [], 0
    for match in adjectives:
        parses = [p for p in parse_word(match.group()) if p.tag.POS == "ADJF"]
        # ``местного`` reads masculine or neuter: a body's abbreviation is masculine then
        feminine = bool(parses) and all(p.tag.gender == "femn" for p in parses)
        inflected = parses[0].inflect({"nomn", "sing", "femn" if feminine else "masc"}) if parses else None
        if inflected:
            pieces += [surface[last : match.start()], match_case(match.group(), inflected.word)]
            last = match.end()
    return "".join(pieces) + surface[last:]


def _known_noun_parse(word: str):
    """The noun reading to decline, or None when the word may not decline at all
    (a word pymorphy3 only guesses, like ``Шетпе``, is kept as written). An
    institution word is read as one (pymorphy3's dictionary takes ``Маслихата``
    for a feminine noun)."""
    heads = institution_heads()
    for parse in parse_word(word):
        if parse.tag.POS == "NOUN" and parse.normal_form in heads:
            return parse
    for parse in parse_word(word):
        if parse.tag.POS != "NOUN":
            continue
        if not from_dictionary(parse):
            return None
        if "Fixd" in parse.tag:
            return None
        return parse
    return None


def match_case(original: str, word: str) -> str:
    """``word`` written with the capitals of ``original``, and its е where it has no ё.

    >>> match_case("АКИМАТОМ", "акимат"), match_case("Маслихата", "маслихат")
    ('АКИМАТ', 'Маслихат')
    """
    if "ё" not in original.lower():
        word = word.replace("ё", "е")  # pymorphy3 writes ё; keep the text's spelling
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        return "-".join(piece[:1].upper() + piece[1:] for piece in word.split("-"))
    return word
