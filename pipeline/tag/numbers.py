"""Numbers in Russian text: digits and number words read to a value, with spans.

One reader serves money, terms and counts. Digits may carry spaces, NBSP or thin
spaces as thousands separators (``80 900``), a point as thousands separator
(``80.900``) and a comma or point as decimal mark (``1,5 млн``). Number words are
listed by lemma in ``models/number_words.json``; pymorphy3 inflects each lemma, so
``пятнадцать`` also covers ``пятнадцати`` and ``пятнадцатью``.

A compound is read by slots: hundreds, tens, units, then a multiplier (тысяча,
млн) closes a group, so ``двести тридцать пять тысяч сто`` is 235100 while
``два три`` is two numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ..nlp import parse_word
from ..resources import fold, load_json

# Characters allowed between the parts of one number, or a number and its unit.
INLINE_SPACE = " \u00a0\u2009\u202f\t"

_TOKEN_RE = re.compile(
    r"(?P<date>\d{1,4}[./]\d{1,2}[./]\d{1,4})"  # 16.12.2011: never a quantity
    r"|(?P<num>\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3}(?!\d))+(?:,\d+)?"  # 80 900
    r"|\d{1,3}(?:\.\d{3}(?!\d))+(?![.,]\d)"  # 80.900
    r"|\d+(?:[.,]\d+)?)"
    r"(?:-(?:ти|х|и|ми|ю|ью|мя|ух|ех|ёх|ем|ём)(?![^\W\d_]))?"  # 15-ти, 2-х: case endings
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)

# Word kinds and the slots (highest, lowest) an additive word fills in a group.
_SLOTS = {"hundreds": (3, 3), "tens": (2, 2), "teens": (2, 1), "units": (1, 1)}
_ADDITIVE_KINDS = ("units", "teens", "tens", "hundreds")
_KINDS = (*_ADDITIVE_KINDS, "fractions", "collective", "multipliers")


class Token(NamedTuple):
    """A word, a number in digits, or one symbol; ``low`` is lower-case with е for ё."""

    start: int
    end: int
    text: str
    low: str
    kind: str  # word, num, date, sym


@dataclass(frozen=True, slots=True)
class NumberExpr:
    """A number found in text: its span, value and token range ``[first, last)``.

    ``multiplier`` is the multiplier word closing it (1000 for ``81 тысячи``), so a
    range like ``от 3 до 5 тысяч`` can carry it to its lower end.
    """

    start: int
    end: int
    value: float
    first: int
    last: int
    collective: bool = False
    spelled: bool = False
    multiplier: float = 1
    has_multiplier: bool = False


def tokenise(text: str) -> list[Token]:
    """Split text into words, digit numbers and single symbols.

    >>> [t.text for t in tokenise("на 80 900 тенге, 15суток, 15-ти суток")]
    ['на', '80 900', 'тенге', ',', '15', 'суток', ',', '15-ти', 'суток']
    """
    # A NamedTuple, not a frozen dataclass: a page makes thousands of tokens.
    return [
        Token(m.start(), m.end(), word := m.group(), word.lower().replace("ё", "е"), m.lastgroup)
        for m in _TOKEN_RE.finditer(text)
    ]


def inflections(lemma: str) -> set[str]:
    """Every form pymorphy3 knows for a lemma (folded), the lemma included.

    >>> sorted(inflections("полтора"))
    ['полтора', 'полторы', 'полутора']
    """
    lemma = fold(lemma)
    forms = {lemma}
    for parse in parse_word(lemma):
        if fold(parse.normal_form) == lemma:
            forms.update(fold(form.word) for form in parse.lexeme)
    return forms


@cache
def number_lexicon() -> dict[str, tuple[str, float]]:
    """Folded word form -> (kind, value) for every number word and abbreviation."""
    data = load_json("number_words.json")
    table: dict[str, tuple[str, float]] = {}
    lemma_kind: dict[str, tuple[str, float]] = {}
    for kind in _KINDS:
        for lemma, value in data[kind].items():
            lemma_kind[fold(lemma)] = (kind, float(value))
            for form in sorted(inflections(lemma)):
                table.setdefault(form, (kind, float(value)))
    for form, lemma in data.get("extra_forms", {}).items():
        table.setdefault(fold(form), lemma_kind[fold(lemma)])
    for abbreviation, value in data["multiplier_abbreviations"].items():
        table.setdefault(fold(abbreviation), ("abbreviations", float(value)))
    return table


def _digits_value(text: str, decimal_point: bool) -> float:
    """Value of a digit token; ``decimal_point`` reads ``1.500`` as 1.5, not 1500."""
    digits = "".join(ch for ch in text.split("-")[0] if ch not in INLINE_SPACE)
    if "." in digits and not decimal_point and re.fullmatch(r"\d{1,3}(\.\d{3})+", digits):
        return float(digits.replace(".", ""))
    return float(digits.replace(",", "."))


class Scan:
    """Tokens and numbers of one text, shared by the money, term and count taggers."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenise(text)
        self.numbers = _find_numbers(text, self.tokens)
        self.number_at = {number.first: number for number in self.numbers}

    def joined(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` with only spaces between."""
        if i <= 0 or i >= len(self.tokens):
            return False
        gap = self.text[self.tokens[i - 1].end : self.tokens[i].start]
        return all(ch in INLINE_SPACE for ch in gap)

    def low(self, i: int) -> str:
        """The folded text of token ``i``, or "" past either end."""
        return self.tokens[i].low if 0 <= i < len(self.tokens) else ""


@lru_cache(maxsize=8)
def scan_text(text: str) -> Scan:
    """Tokens and numbers of a text, cached so the three taggers scan it once."""
    return Scan(text)


def _classify(tokens: Sequence[Token], j: int) -> tuple[str, float] | None:
    token = tokens[j]
    if token.kind == "num":
        following = tokens[j + 1].low if j + 1 < len(tokens) else ""
        before_multiplier = number_lexicon().get(following, ("",))[0] in (
            "multipliers",
            "abbreviations",
        )
        return "digits", _digits_value(token.text, before_multiplier)
    if token.kind == "word":
        return number_lexicon().get(token.low)
    return None


def _read_at(text: str, tokens: Sequence[Token], i: int) -> NumberExpr | None:
    """Read the longest well-formed number starting at token ``i``."""
    total, segment = 0.0, None
    free_slot = 4  # additive words must fill slots below this one
    last_multiplier = math.inf
    trailing = 1.0
    spelled = False
    j = i
    while j < len(tokens):
        gap = text[tokens[j - 1].end : tokens[j].start] if j > i else ""
        if any(ch not in INLINE_SPACE for ch in gap):
            break
        found = _classify(tokens, j)
        if found is None:
            break
        kind, value = found
        if kind == "collective":
            if j == i:
                token = tokens[i]
                return NumberExpr(token.start, token.end, value, i, i + 1, True, True)
            break
        if kind in ("digits", "fractions"):
            if segment is not None or free_slot < 4 or (j > i and value >= last_multiplier):
                break
            segment, free_slot = value, 0
        elif kind in _SLOTS:
            highest, lowest = _SLOTS[kind]
            if highest >= free_slot:
                break
            segment, free_slot = (segment or 0.0) + value, lowest
        else:  # a multiplier closes the group
            if value >= last_multiplier:
                break
            if segment is None:
                if kind == "abbreviations" or j > i:
                    break
                segment = 1.0
            total += segment * value
            segment, free_slot, last_multiplier = None, 4, value
            spelled = spelled or tokens[j].kind == "word"
            end_j = j + 1
            # "тыс." keeps its point
            if kind == "abbreviations" and end_j < len(tokens) and tokens[end_j].text == ".":
                if tokens[end_j].start == tokens[j].end:
                    j = end_j
            trailing = value
            j += 1
            continue
        spelled = spelled or kind != "digits"
        trailing = 1.0
        j += 1
    if j == i:
        return None
    value = total + (segment or 0.0)
    has_multiplier = last_multiplier != math.inf
    return NumberExpr(
        tokens[i].start, tokens[j - 1].end, value, i, j, False, spelled, trailing, has_multiplier
    )


def is_footnote_mark(tokens: Sequence[Token], i: int) -> bool:
    """Digits glued to the end of a word (``Новгороде12``, ``Челябинске45``) are a
    footnote's number, as reports print them, not a quantity.

    >>> tokens = tokenise("в Челябинске45 — пятеро и 15суток")
    >>> [t.text for k, t in enumerate(tokens) if t.kind == "num" and is_footnote_mark(tokens, k)]
    ['45']
    """
    return (tokens[i].kind == "num" and i > 0 and tokens[i - 1].kind == "word"
            and tokens[i - 1].end == tokens[i].start and len(tokens[i - 1].text) >= 3)


def _find_numbers(text: str, tokens: Sequence[Token]) -> list[NumberExpr]:
    numbers, i = [], 0
    while i < len(tokens):
        if is_footnote_mark(tokens, i):
            i += 1
            continue
        number = _read_at(text, tokens, i) if tokens[i].kind in ("num", "word") else None
        if number is None:
            i += 1
            continue
        numbers.append(number)
        i = number.last
    return numbers


def scan_numbers(text: str) -> list[NumberExpr]:
    """Every number expression in a text, left to right.

    >>> text = "около полутора тысяч и 28"
    >>> [(n.value, text[n.start:n.end]) for n in scan_numbers(text)]
    [(1500.0, 'полутора тысяч'), (28.0, '28')]
    """
    return list(scan_text(text).numbers)


def read_number(words: Sequence[str]) -> float | None:
    """The value of a sequence of words that together make exactly one number.

    >>> read_number(["двести", "тридцать", "пять"])
    235.0
    >>> read_number(["1,5", "млн"])
    1500000.0
    >>> read_number(["два", "три"]) is None
    True
    """
    text = " ".join(words)
    tokens = tokenise(text)
    if not tokens:
        return None
    number = _read_at(text, tokens, 0)
    if number is None or number.last != len(tokens):
        return None
    return number.value
