"""COUNT mentions: how many people (``28 человек``, ``трое её участников``).

A number counts people when a person noun follows it, perhaps after an
adjective or possessive (``две гражданских активистки``); a collective numeral
(``трое``, ``двоих``) counts people on its own. A person noun is any noun
pymorphy3 marks animate, or one of the substantivised adjectives and
participles in ``models/count_nouns.json`` (``задержанных``). Numbers with no
person noun (``более пяти тысяч`` alone, ``в 2012 году``, ``16 декабря``) are
not counts; ``несколько``, ``десятки`` give no number and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..nlp import parse_word
from ..records import COUNT, Count, Mention
from ..resources import load_json
from .numbers import NumberExpr, Scan, fold, scan_text
from .person_context import preposition_cases
from .quantity import approx_start, find_quantities, format_range

PERSON = "person"
_ADJECTIVE_POS = frozenset({"ADJF", "PRTF"})


@dataclass(frozen=True, slots=True)
class CountWords:
    persons: frozenset[str]
    not_persons: frozenset[str]
    possessives: frozenset[str]
    max_modifiers: int
    counted_after: frozenset[str]
    inverted_units: frozenset[str]
    of_them: frozenset[str]


@cache
def count_words() -> CountWords:
    data = load_json("count_nouns.json")
    return CountWords(
        frozenset(map(fold, data["persons"])),
        frozenset(map(fold, data["not_persons"])),
        frozenset(map(fold, data["possessives"])),
        int(data["max_modifiers"]),
        frozenset(map(fold, data["counted_after"])),
        frozenset(map(fold, data["inverted_units"])),
        frozenset(map(fold, data["of_them"])),
    )


@cache
def word_role(word: str, next_is_noun: bool) -> str | None:
    """``person``, ``modifier``, ``noun`` (not a person) or None for a folded word.

    >>> word_role("участников", False), word_role("гражданских", True), word_role("суток", False)
    ('person', 'modifier', 'noun')
    """
    words = count_words()
    if word in words.possessives:
        return "modifier"
    parses = parse_word(word)
    if not parses:
        return None
    best = parses[0]
    lemma = fold(best.normal_form)
    if best.tag.POS == "NOUN":
        if lemma in words.not_persons:
            return "noun"
        return PERSON if ("anim" in best.tag or lemma in words.persons) else "noun"
    if best.tag.POS in _ADJECTIVE_POS:
        if next_is_noun:
            return "modifier"
        substantive = (p for p in parses if p.tag.POS in _ADJECTIVE_POS)
        if any(fold(p.normal_form) in words.persons for p in substantive):
            return PERSON  # substantivised: "двое задержанных"
        return "modifier"
    return None


def _is_noun(word: str) -> bool:
    parses = parse_word(word)
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _people_after(scan: Scan, j: int, number: NumberExpr) -> tuple[str, int] | None:
    """The person noun after a number (index past it), or an empty unit for трое."""
    tokens = scan.tokens
    k, modifiers = j, 0
    while k < len(tokens) and scan.joined(k) and tokens[k].kind == "word":
        following = k + 1 < len(tokens) and scan.joined(k + 1) and tokens[k + 1].kind == "word"
        role = word_role(tokens[k].low, following and _is_noun(tokens[k + 1].low))
        if role == PERSON:
            return PERSON, k + 1
        if role == "modifier" and modifiers < count_words().max_modifiers:
            k, modifiers = k + 1, modifiers + 1
            continue
        break
    if _of_people(scan, j) or _of_them(scan, j, number):
        return PERSON, j  # elliptic: ``один из присутствующих``, ``двое из задержанных``
    if _after_participle(scan, j, number):
        return PERSON, j  # elliptic: ``задержаны 46,``
    if not number.collective:
        return None
    if j < len(tokens) and scan.joined(j) and tokens[j].kind == "word" and _is_noun(tokens[j].low):
        return None  # двое суток: a collective numeral counting things
    return PERSON, j


def _of_people(scan: Scan, j: int) -> bool:
    """Whether ``из`` and a person word follow (maybe after modifiers): the number
    alone then counts people, as in ``один из присутствующих на площади``."""
    tokens = scan.tokens
    if not (j + 1 < len(tokens) and scan.joined(j) and tokens[j].low == "из"):
        return False
    for k in range(j + 1, min(j + 2 + count_words().max_modifiers, len(tokens))):
        if not (scan.joined(k) and tokens[k].kind == "word"):
            return False
        role = word_role(tokens[k].low, False)
        if role == PERSON:
            return True
        if role != "modifier":
            return False
    return False


_CLAUSE_END = frozenset(",.;:!?)»\"")
_SENTENCE_END = frozenset(".!?")


def _after_participle(scan: Scan, j: int, number: NumberExpr) -> bool:
    """Whether a bare number closes a clause right after a plural or neuter short
    passive participle that counts people (``задержаны 46,``, ``оштрафованы не менее 900;``)."""
    tokens = scan.tokens
    if j < len(tokens) and not (tokens[j].kind == "sym" and tokens[j].text in _CLAUSE_END):
        return False
    approx = approx_start(scan, number.first)
    before = (number.first if approx is None else approx) - 1
    if before < 0 or not scan.joined(before + 1) or tokens[before].kind != "word":
        return False
    return any(
        parse.tag.POS == "PRTS" and ("plur" in parse.tag or "neut" in parse.tag)
        and fold(parse.normal_form) in count_words().counted_after
        for parse in parse_word(tokens[before].low)
    )


def _of_them(scan: Scan, j: int, number: NumberExpr) -> bool:
    """Whether ``из них`` follows and the nearest noun before the number in its
    sentence counts people: ``не менее 40 человек, одиннадцать из них``."""
    tokens = scan.tokens
    if not (j + 1 < len(tokens) and tokens[j].low == "из" and scan.joined(j + 1)
            and tokens[j + 1].low in count_words().of_them):
        return False
    for k in range(number.first - 1, -1, -1):
        if tokens[k].kind == "sym" and tokens[k].text in _SENTENCE_END:
            return False
        if tokens[k].kind == "word" and _is_noun(tokens[k].low):
            return word_role(tokens[k].low, False) == PERSON
    return False


def _inverted_unit(scan: Scan, i: int) -> tuple[str, int] | None:
    """A person noun right before a number, the Russian approximate order:
    ``человек пятнадцать``. Not when a number stands before the noun (``20 человек 5``)
    or a noun after the number (``человек 5 марта``)."""
    tokens = scan.tokens
    if i < 1 or not scan.joined(i) or tokens[i - 1].low not in count_words().inverted_units:
        return None
    if any(n.last == i - 1 for n in scan.numbers):
        return None
    number = scan.number_at.get(i)
    if number is None or (number.last < len(tokens) and scan.joined(number.last)
                          and _is_noun(tokens[number.last].low)):
        return None
    return PERSON, i - 1


def _noun_after_preposition(scan: Scan, i: int) -> bool:
    """A number word after a preposition that cannot govern it as a number but can as a
    noun: ``в семью`` is a family (семья, accusative), not seven (семью is instrumental,
    which ``в`` never governs); ``с семью задержанными`` stays seven.

    >>> [m.text for m in tag_counts("Пришли в семью задержанного. Говорили с семью задержанными.")]
    ['семью задержанными']
    """
    tokens = scan.tokens
    if i < 1 or tokens[i].kind != "word" or not scan.joined(i):
        return False
    cases = preposition_cases().get(tokens[i - 1].text.lower())
    if not cases:
        return False
    parses = parse_word(tokens[i].low)
    as_number = any(p.tag.POS == "NUMR" and p.tag.case in cases for p in parses)
    as_noun = any(p.tag.POS == "NOUN" and p.tag.case in cases for p in parses)
    return as_noun and not as_number


def _vague_multiplier(scan: Scan, number: NumberExpr, governed: bool) -> bool:
    """A multiplier word alone, with no number before it, in the plural (``несколько
    тысяч``, ``тысячи людей``, ``десятки тысяч``): many, not a thousand. ``тысяча
    человек``, ``тысячу`` stay 1000, and so does the genitive singular an approximator
    governs (``около тысячи``, ``до тысячи``: ``governed``).

    >>> [m.text for m in tag_counts("Пришли тысячи людей, вчера тысяча человек, в среду около тысячи человек.")]
    ['тысяча человек', 'около тысячи человек']
    """
    if not number.has_multiplier or number.last - number.first != 1 or number.value != number.multiplier:
        return False
    token = scan.tokens[number.first]
    if token.kind != "word":
        return False
    parses = [p for p in parse_word(token.low) if p.tag.POS in ("NOUN", "NUMR")]
    return bool(parses) and not any(p.tag.number == "sing" and (governed or p.tag.case != "gent") for p in parses)


def tag_counts(text: str) -> list[Mention]:
    """COUNT mentions of a clean text, with :class:`Count` values.

    >>> [(m.text, m.normal) for m in tag_counts("трое её участников и около ста человек")]
    [('трое её участников', '3'), ('около ста человек', '100')]
    >>> [m.text for m in tag_counts("увезен один из присутствующих; один из пунктов")]
    ['один']
    """
    mentions = []
    scan = scan_text(text)
    inverted = count_words().inverted_units
    for quantity in find_quantities(scan, _people_after, _inverted_unit, rising=True):
        if _noun_after_preposition(scan, quantity.first):
            continue  # "в семью арестованного": the family, not seven
        if any(_vague_multiplier(scan, n, quantity.approx) for n in scan.numbers
               if quantity.first <= n.first < quantity.last):
            continue  # "несколько тысяч человек", "тысячи людей": no number
        ends = [end for end in (quantity.low, quantity.high) if end is not None]
        if not all(float(end).is_integer() for end in ends) or min(ends) < 1:
            continue
        approx = quantity.approx or scan.tokens[quantity.first].low in inverted
        value = Count(*(None if end is None else int(end) for end in (quantity.low, quantity.high)), approx)
        normal = format_range(value.low, value.high)
        span = text[quantity.start : quantity.end]
        mentions.append(Mention(COUNT, quantity.start, quantity.end, span, normal, value))
    return mentions
