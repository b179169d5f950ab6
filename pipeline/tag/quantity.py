"""Quantities: a number or a range of numbers with a unit, shared by the taggers.

Money, terms and counts differ only in what a unit is (a currency, сутки, a
person noun); this module finds the shape around the number once:
``[approx] [от] N [unit] [до|-] M unit`` and ``N и M unit``. The words it
knows (около, порядка, от, до, dashes) are in ``models/quantity_words.json``.

A bound is one-sided: ``более 400`` is at least 400 with no upper end (``high`` None),
``до 30 суток`` at most 30 with no lower end (``low`` None), ``от 10 суток`` with no
``до`` at least 10; approximators (``около``, ``порядка``, ``почти``) keep low = high.
After a verb of change ``до`` is the value reached, not a bound, and stays outside the span
as a preposition: ``срок сокращён до двух лет`` is two years (``change_verbs``). A verb of rising
reaches a value only for a count (``rising_verbs``): a term or a fine that rises is a law's new
maximum, a bound; ``вплоть до`` is a bound after any verb.
"""

from __future__ import annotations

import bisect

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..nlp import parse_word
from ..resources import load_json
from .numbers import NumberExpr, Scan, fold, scan_text

# unit_after(scan, j, number) -> (unit, index just past the unit) or None, for the
# unit starting at token j right after the number (it checks scan.joined(j)); a
# unit may be empty (index j) when the number stands alone (трое).
UnitAfter = Callable[[Scan, int, NumberExpr], "tuple[Any, int] | None"]
# unit_before(scan, i) -> (unit, index of the unit's first token) or None ($500).
UnitBefore = Callable[[Scan, int], "tuple[Any, int] | None"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or range with its unit; ``[first, last)`` are token indices."""

    start: int
    end: int
    low: float | None  # None: no lower end (``до 30``)
    high: float | None  # None: no upper end (``более 400``)
    approx: bool
    unit: Any
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class QuantityWords:
    approx: dict[str, tuple[tuple[str, ...], ...]]  # by last word, longest first
    range_open: frozenset[str]
    range_close: frozenset[str]
    dashes: frozenset[str]
    enumeration: frozenset[str]
    lower_bound: frozenset[tuple[str, ...]]  # более, не менее: the number is the lowest
    upper_bound: frozenset[tuple[str, ...]]  # до, не более: the number is the highest
    after: tuple[tuple[tuple[str, ...], str], ...]  # (phrase, side) told after: "с лишним", ", не меньше"
    enumeration_prepositions: frozenset[str]  # "на пять и на десять тысяч"
    connectives: tuple[tuple[str, ...], ...] = ()  # "тем не менее": ends in an approximator, is none
    change_verbs: frozenset[str] = frozenset()  # lemmas: "сокращён до двух лет" is two years
    rising_verbs: frozenset[str] = frozenset()  # for counts only: "выросло до 45 человек" is 45
    bound_stressers: frozenset[str] = frozenset()  # "вплоть до": a bound after any verb
    extension_prepositions: frozenset[str] = frozenset()  # "продлил на два месяца, до трёх"


@cache
def quantity_words() -> QuantityWords:
    data = load_json("quantity_words.json")
    phrases = sorted({tuple(fold(w) for w in p) for p in data["approx"]}, key=len, reverse=True)
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_last.setdefault(phrase[-1], []).append(phrase)
    return QuantityWords(
        {word: tuple(group) for word, group in by_last.items()},
        frozenset(map(fold, data["range_open"])),
        frozenset(map(fold, data["range_close"])),
        frozenset(data["range_dash"]),
        frozenset(map(fold, data["enumeration"])),
        frozenset(tuple(fold(w) for w in p) for p in data["lower_bound"]),
        frozenset(tuple(fold(w) for w in p) for p in data["upper_bound"]),
        tuple(sorted(((tuple(fold(w) for w in p), side) for side in ("lower", "upper")
                      for p in data[f"{side}_after"]), key=lambda pair: -len(pair[0]))),
        frozenset(map(fold, data["enumeration_prepositions"])),
        tuple(tuple(fold(w) for w in p) for p in data.get("connectives", ())),
        frozenset(map(fold, data.get("change_verbs", ()))),
        frozenset(map(fold, data.get("rising_verbs", ()))),
        frozenset(map(fold, data.get("bound_stressers", ()))),
        frozenset(map(fold, data.get("extension_prepositions", ()))),
    )


def lemmas(word: str) -> frozenset[str]:
    """Folded lemmas of every pymorphy3 parse of a word.

    >>> sorted(lemmas("осуждены"))
    ['осудить']
    """
    return _lemmas(fold(word))


@cache
def _lemmas(word: str) -> frozenset[str]:
    return frozenset(fold(p.normal_form) for p in parse_word(word))


def format_number(value: float) -> str:
    """A value as the ``normal`` column writes it: no trailing ``.0``.

    >>> format_number(80900.0), format_number(1.5)
    ('80900', '1.5')
    """
    if float(value).is_integer():
        return str(int(value))
    return f"{value:f}".rstrip("0").rstrip(".")


def format_range(low: float | None, high: float | None) -> str:
    """``15`` for a single value, ``10-18`` for a range, ``≥400`` and ``≤30`` for bounds.

    >>> format_range(30000, 81000), format_range(400, None), format_range(None, 30)
    ('30000-81000', '≥400', '≤30')
    """
    if low is None:
        return f"≤{format_number(high)}"
    if high is None:
        return f"≥{format_number(low)}"
    if low == high:
        return format_number(low)
    return f"{format_number(low)}-{format_number(high)}"


def _phrase_before(
    scan: Scan, i: int, phrases: dict[str, tuple[tuple[str, ...], ...]]
) -> int | None:
    """Index of the first token of the longest phrase ending just before token ``i``."""
    for phrase in phrases.get(scan.low(i - 1), ()) if i > 0 else ():
        start = i - len(phrase)
        if start < 0:
            continue
        if all(scan.tokens[start + k].low == word for k, word in enumerate(phrase)) and all(
            scan.joined(k) for k in range(start + 1, i + 1)
        ):
            return start
    return None


def approx_start(scan: Scan, i: int) -> int | None:
    """First token of an approximation phrase (``около``, ``не менее``) ending right
    before token ``i``, or None; a connective ending there (``тем не менее``) is none."""
    start = _phrase_before(scan, i, quantity_words().approx)
    return None if start is None or _connective_before(scan, i) else start


def _connective_before(scan: Scan, i: int) -> bool:
    """Whether a discourse connective that ends in an approximation phrase ends right
    before token ``i``: ``Тем не менее пятерых задержали`` says nevertheless, not at least."""
    for phrase in quantity_words().connectives:
        start = i - len(phrase)
        if start >= 0 and all(scan.tokens[start + k].low == word for k, word in enumerate(phrase)) \
                and all(scan.joined(k) for k in range(start + 1, i)):
            return True
    return False


# Words a verb of change may stand before its "до" across: "снизил ей наказание до", "был
# затем смягчён до", "уменьшен с пяти лет до", "продлил срок содержания под стражей до".
CHANGE_REACH = 5
VERB_PARTS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


def reached_by_change(scan: Scan, i: int, rising: bool = False) -> bool:
    """Whether the ``до`` at token ``i`` follows a verb of change, so the number after it is
    the value reached, not an upper bound: the nearest verb before it within the clause is one
    of ``change_verbs``, or with ``rising`` (a count) of ``rising_verbs`` (another verb,
    ``составит до``, keeps the bound).

    >>> scan = scan_text("срок был сокращён до двух лет, а грозило до пяти лет; выросло до")
    >>> [reached_by_change(scan, k) for k, t in enumerate(scan.tokens) if t.low == "до"]
    [True, False, False]
    >>> reached_by_change(scan_text("число задержанных выросло до"), 3, rising=True)
    True
    >>> reached_by_change(scan_text("продлил арест на два месяца, до"), 6)
    True
    """
    words = quantity_words()
    verbs = words.change_verbs | words.rising_verbs if rising else words.change_verbs
    if i > 0 and scan.low(i - 1) in words.bound_stressers:
        return False
    k = i - 1
    if scan.low(k) == "," and (start := _extension_before(scan, k)) is not None:
        k = start - 1  # "продлил арест на два месяца, до трёх": the change is told before its span
    walked = 0
    while k >= 0 and walked < CHANGE_REACH and scan.joined(k + 1) and scan.tokens[k].kind in ("word", "num"):
        if scan.tokens[k].kind == "word":
            parses = parse_word(scan.tokens[k].low)
            if any(fold(p.normal_form) in verbs for p in parses if p.tag.POS in VERB_PARTS):
                return True
            if parses and parses[0].tag.POS in VERB_PARTS:
                return False
        k -= 1
        walked += 1
    return False


def _extension_before(scan: Scan, comma: int) -> int | None:
    """The first token of the span a change is by, told just before a comma (``на два месяца,``,
    ``на месяц,``: ``extension_prepositions`` and at most three words of one phrase), or None."""
    for start in range(comma - 2, max(-1, comma - 5), -1):
        if not all(scan.joined(k) and scan.tokens[k].kind in ("word", "num") for k in range(start + 1, comma)):
            return None
        if scan.low(start) in quantity_words().extension_prepositions and scan.joined(start + 1):
            return start
    return None


def _phrase_after(scan: Scan, j: int, comma: bool = False) -> tuple[int, str] | None:
    """A bound told after token ``j`` (``с лишним``, ``и более``; with ``comma``, also
    ``, не меньше``): the index past it and its side, ``lower`` or ``upper``."""
    k = j + 1 if comma and scan.low(j) == "," and scan.joined(j) else j
    first = scan.low(k)
    for phrase, side in quantity_words().after:
        if phrase[0] != first:
            continue  # checked before the rest: this runs after every number of the text
        if all(scan.low(k + n) == word and scan.joined(k + n) for n, word in enumerate(phrase)):
            end = k + len(phrase)
            if k > j and end < len(scan.tokens) and scan.tokens[end].kind != "sym" and scan.joined(end):
                continue  # ", не меньше чем ...", ", не менее 80 из них": the comma opens another clause
            return end, side
    return None


def _enumerated(scan: Scan, j: int, unit_after: UnitAfter) -> tuple[Any, float, float] | None:
    """The unit of a number enumerated before others (``на 10 и 15 суток``, ``20, 30 и 50
    тысяч рублей``, ``на пять и на десять тысяч рублей``) with the multiplier it takes
    from the number that has the unit: (unit, multiplier, index past that number)."""
    words = quantity_words()
    k = j
    while scan.low(k) in words.enumeration and scan.joined(k) and scan.joined(k + 1):
        k += 1
        if scan.low(k) in words.enumeration_prepositions and scan.joined(k + 1):
            k += 1
        other = scan.number_at.get(k)
        if other is None:
            return None
        again = unit_after(scan, other.last, other)
        if again is not None and again[1] > other.last:
            return again[0], other.multiplier if other.has_multiplier else 1.0, other.last
        k = other.last
    return None


def _second_of_range(scan: Scan, j: int, ranged: bool) -> NumberExpr | None:
    """The upper end of a range whose lower end stops before token ``j``."""
    words = quantity_words()
    low = scan.low(j)
    if not (low in words.dashes or (ranged and low in words.range_close)):
        return None
    if not (scan.joined(j) and scan.joined(j + 1)):
        return None
    return scan.number_at.get(j + 1)


def _bounds(low: NumberExpr, high: NumberExpr) -> tuple[float, float]:
    """Ends of a range; ``от 3 до 5 тысяч`` carries the multiplier to its lower end."""
    a, b = low.value, high.value
    if not low.has_multiplier and high.has_multiplier and a * high.multiplier <= b:
        a *= high.multiplier
    return min(a, b), max(a, b)


def find_quantities(
    scan: Scan, unit_after: UnitAfter, unit_before: UnitBefore | None = None, *, rising: bool = False
) -> list[Quantity]:
    """Every number or range in the scan that has a unit, left to right; ``rising``: a verb of
    rising before ``до`` reaches the value (counts), else it tells a new maximum."""
    found: list[Quantity] = []
    used: set[int] = set()
    firsts = sorted(n.first for n in scan.numbers)  # to find the numbers a quantity spans
    for number in scan.numbers:
        if number.first in used:
            continue
        quantity = _quantity_at(scan, number, unit_after, unit_before, rising)
        if quantity is None:
            continue
        found.append(quantity)
        used.update(firsts[bisect.bisect_left(firsts, quantity.first):bisect.bisect_left(firsts, quantity.last)])
    return found


def _quantity_at(
    scan: Scan, number: NumberExpr, unit_after: UnitAfter, unit_before: UnitBefore | None,
    rising: bool = False,
) -> Quantity | None:
    words = quantity_words()
    tokens = scan.tokens
    first, unit = number.first, None
    if unit_before is not None and (before := unit_before(scan, first)) is not None:
        unit, first = before
    ranged = first > 0 and scan.low(first - 1) in words.range_open and scan.joined(first)
    if ranged:
        first -= 1
    approx_start = _phrase_before(scan, first, words.approx)
    if approx_start is not None and _connective_before(scan, first):
        approx_start = None  # "тем не менее пятеро": nevertheless, not at least
    approx = approx_start is not None
    bound = None  # which end a single number is: "lower" (более 400), "upper" (до 30)
    if approx_start is not None:
        phrase = tuple(scan.low(k) for k in range(approx_start, first))
        if len(phrase) == 1 and phrase[0] in words.range_close and reached_by_change(scan, approx_start, rising):
            approx_start, approx = None, False  # "сокращён до двух лет": the term reached, "до" outside
        else:
            bound = "lower" if phrase in words.lower_bound else "upper" if phrase in words.upper_bound else None
            first = approx_start
    elif ranged:
        bound = "lower"  # "от 10 суток" with no "до": at least 10

    def make(low: float, high: float, unit: Any, last: int, is_approx: bool) -> Quantity:
        side = bound
        if low == high:  # "человек 30, не меньше": a bound told after the unit
            told = _phrase_after(scan, last, comma=True)
            if told is not None:
                last, side, is_approx = told[0], told[1], True
        if low == high and side is not None:
            low, high = (low, None) if side == "lower" else (None, high)
        return Quantity(
            tokens[first].start, tokens[last - 1].end, low, high, is_approx, unit, first, last
        )

    j = number.last
    middle = _phrase_after(scan, j)  # "двадцать с лишним человек", "40 и более человек"
    if middle is not None and bound is None and (told := unit_after(scan, middle[0], number)) is not None \
            and told[1] > middle[0]:
        bound, approx = middle[1], True
        return make(number.value, number.value, told[0], told[1], True)
    after = unit_after(scan, j, number)
    if after is not None and after[1] > j:  # N unit [до M unit]
        unit, k = after
        second = _second_of_range(scan, k, ranged)
        # "14 человек — 11 студентов": a smaller number after the unit's dash breaks it down
        if second is not None and (ranged or second.value > number.value or second.has_multiplier):
            again = unit_after(scan, second.last, second)
            if again is not None and again[0] == unit and again[1] > second.last:
                return make(*_bounds(number, second), unit, again[1], approx)
        return make(number.value, number.value, unit, k, approx or ranged)
    second = _second_of_range(scan, j, ranged)
    if second is not None:  # N - M unit, от N до M unit
        again = unit_after(scan, second.last, second)
        if again is not None:
            return make(*_bounds(number, second), again[0], again[1], approx)
        if unit is not None:  # $10-20
            return make(*_bounds(number, second), unit, second.last, approx)
        return None
    enumerated = _enumerated(scan, j, unit_after)  # на 10 и 15 суток: 10 takes the unit of 15
    if enumerated is not None:
        unit_of, multiplier, _ = enumerated
        value = number.value if number.has_multiplier else number.value * multiplier
        return make(value, value, unit_of, number.last, approx or ranged)
    if after is not None:  # a unit that is the number itself: трое
        return make(number.value, number.value, after[0], after[1], approx or ranged)
    if unit is not None:
        return make(number.value, number.value, unit, number.last, approx or ranged)
    return None
