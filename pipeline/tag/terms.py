"""TERM mentions: custodial terms, the sentence lengths told in testimony.

``15 суток``, ``пятнадцать суток``, ``от 10 до 18 суток``, ``2 года лишения
свободы``, ``на срок до 10 дней`` (read as 10 days, ``approx`` true: an upper
bound is not the exact length). ``N суток`` is a term wherever it stands
(administrative arrest); days, weeks, months and years need a custodial word
(арест, колония, осудить, …) close by in the same sentence, and none of the
duration markers (в течение, спустя, назад) that make them a plain duration.
``1 год 6 месяцев`` is one term of 18 months. The span is the number and its
unit, an upper bound's ``до`` included (``до 30 суток``), as our guidelines have
it; a penalty named right after the unit (``10 суток административного ареста``,
``ему грозит до 5 лет лишения свободы``) makes a term even where an age reading
would block it, but stays outside the span. Сутки someone was only held for (``продержали двое суток в
ИВС``, with no word of a sentence in the clause) are a holding period, not a
term. The words are in ``models/term_units.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..nlp import parse_word
from ..records import TERM, Mention, Term
from ..resources import load_json
from .numbers import NumberExpr, Scan, fold, inflections, scan_text
from .quantity import Quantity, find_quantities, format_range, lemmas

SENTENCE_ENDS = frozenset(".!?;…")


@dataclass(frozen=True, slots=True)
class TermUnit:
    unit: str  # day, month, year
    factor: float  # unit lengths per word: 7 days for a week
    always: bool  # a custodial term without context (сутки)
    max: float  # longest plausible term in words' units


@dataclass(frozen=True, slots=True)
class TermWords:
    units: dict[str, TermUnit]  # folded form -> unit
    window: int
    context: frozenset[str]
    blocking_before: frozenset[str]
    age_before: frozenset[str]  # a dative pronoun of an age ("ему 15 лет"): not before сутки
    blocking_after: frozenset[str]
    penalties: dict[str, frozenset[str]]  # penalty noun lemma -> complement lemmas
    holding: frozenset[str]
    sentencing: frozenset[str]


@cache
def term_words() -> TermWords:
    data = load_json("term_units.json")
    excluded = {fold(form) for form in data["excluded_forms"]}
    units = {}
    for lemma, spec in data["units"].items():
        unit = TermUnit(
            spec["unit"], float(spec["factor"]), bool(spec["always"]), float(spec["max"])
        )
        units.update((form, unit) for form in inflections(lemma) if form not in excluded)
    return TermWords(
        units,
        int(data["window"]),
        frozenset(map(fold, data["custodial_context"])),
        frozenset(map(fold, data["blocking_before"])),
        frozenset(map(fold, data["age_before"])),
        frozenset(map(fold, data["blocking_after"])),
        {fold(noun): frozenset(map(fold, rest)) for noun, rest in data["penalty_phrases"].items()},
        frozenset(map(fold, data["holding_context"])),
        frozenset(map(fold, data["sentence_context"])),
    )


def _unit_after(scan: Scan, j: int, number: NumberExpr) -> tuple[TermUnit, int] | None:
    if j >= len(scan.tokens) or not scan.joined(j):
        return None
    unit = term_words().units.get(scan.tokens[j].low)
    return (unit, j + 1) if unit else None


def _clause(scan: Scan, first: int, last: int, window: int) -> range:
    """Token indices around ``[first, last)`` up to ``window`` away, within the sentence."""
    tokens, text = scan.tokens, scan.text

    def breaks_before(k: int) -> bool:  # a paragraph break between tokens k - 1 and k
        return "\n" in text[tokens[k - 1].end : tokens[k].start]

    left = first
    while left > 0 and first - left < window:
        if tokens[left - 1].text in SENTENCE_ENDS or breaks_before(left):
            break
        left -= 1
    right = last
    while right < len(tokens) and right - last < window:
        if tokens[right].text in SENTENCE_ENDS or breaks_before(right):
            break
        right += 1
    return range(left, right)


def _has_any(scan: Scan, index: int, words: frozenset[str]) -> bool:
    if not 0 <= index < len(scan.tokens) or scan.tokens[index].kind != "word":
        return False
    low = scan.tokens[index].low
    return low in words or not words.isdisjoint(lemmas(low))


def is_custodial(scan: Scan, quantity: Quantity) -> bool:
    """Whether a number of days, months or years reads as a custodial term."""
    words = term_words()
    unit: TermUnit = quantity.unit
    ends = [end for end in (quantity.low, quantity.high) if end is not None]
    if max(ends) > unit.max or min(ends) <= 0:
        return False
    if _penalty_end(scan, quantity.last) > quantity.last:
        return True  # ``до 5 лет лишения свободы``
    before = (quantity.first - 1, quantity.first - 2)
    if any(_has_any(scan, k, words.blocking_before) for k in before):
        return False
    if not unit.always and any(_has_any(scan, k, words.age_before) for k in before):
        return False
    if _has_any(scan, quantity.last, words.blocking_after):
        return False
    clause = _clause(scan, quantity.first, quantity.last, words.window)
    if unit.always:  # сутки: a sentence unless the clause only tells of holding
        return not any(_has_any(scan, k, words.holding) for k in clause) or any(
            _has_any(scan, k, words.sentencing) for k in clause
        )
    return any(_has_any(scan, k, words.context) for k in clause)


def _genitive_parses(scan: Scan, k: int, parts_of_speech: tuple[str, ...]) -> list:
    if k >= len(scan.tokens) or scan.tokens[k].kind != "word" or not scan.joined(k):
        return []
    return [p for p in parse_word(scan.tokens[k].text)
            if p.tag.POS in parts_of_speech and p.tag.case == "gent"]


def _penalty_end(scan: Scan, k: int) -> int:
    """Token index past the penalty named in the genitive from token ``k`` on
    (``административного ареста``, ``лишения свободы``, ``колонии общего
    режима``); ``k`` itself when there is none."""
    penalties = term_words().penalties

    def noun_after_adjectives(k: int, lemmas_wanted) -> tuple[str, int] | None:
        while _genitive_parses(scan, k, ("ADJF",)) and not _genitive_parses(scan, k, ("NOUN",)):
            k += 1
        for parse in _genitive_parses(scan, k, ("NOUN",)):
            if fold(parse.normal_form) in lemmas_wanted:
                return fold(parse.normal_form), k + 1
        return None

    found = noun_after_adjectives(k, penalties)
    if found is None:
        return k
    noun, end = found
    complement = noun_after_adjectives(end, penalties[noun]) if penalties[noun] else None
    return complement[1] if complement else end


def _merge_years_and_months(scan: Scan, quantities: list[Quantity]) -> list[Quantity]:
    """``1 год 6 месяцев`` -> one term of 18 months."""
    merged: list[Quantity] = []
    for quantity in quantities:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.unit.unit == "year"
            and quantity.unit.unit == "month"
            and previous.low == previous.high is not None
            and quantity.low == quantity.high is not None
            and all(scan.low(k) in ("и", ",") for k in range(previous.last, quantity.first))
            and quantity.first - previous.last <= 1
            and all(scan.joined(k) for k in range(previous.last, quantity.first + 1))
        ):
            months = previous.low * 12 + quantity.low
            merged[-1] = Quantity(
                previous.start, quantity.end, months, months,
                previous.approx or quantity.approx, quantity.unit, previous.first, quantity.last,
            )  # fmt: skip
        else:
            merged.append(quantity)
    return merged


def tag_terms(text: str) -> list[Mention]:
    """TERM mentions of a clean text, with :class:`Term` values.

    >>> [(m.text, m.normal) for m in tag_terms("осуждены на пятнадцать суток и 2 года колонии")]
    [('пятнадцать суток', '15 day'), ('2 года', '2 year')]
    >>> [m.text for m in tag_terms("ему грозит до 5 лет лишения свободы")]
    ['до 5 лет']
    >>> tag_terms("его продержали двое суток в изоляторе временного содержания")
    []
    >>> tag_terms("нерегистрируемая в течение почти шести лет")
    []
    """
    scan = scan_text(text)
    quantities = [q for q in find_quantities(scan, _unit_after) if is_custodial(scan, q)]
    mentions = []
    for quantity in _merge_years_and_months(scan, quantities):
        unit: TermUnit = quantity.unit
        low, high = (None if end is None else end * unit.factor for end in (quantity.low, quantity.high))
        value = Term(low, high, unit.unit, quantity.approx)
        normal = f"{format_range(low, high)} {unit.unit}"
        span = text[quantity.start : quantity.end]
        mentions.append(Mention(TERM, quantity.start, quantity.end, span, normal, value))
    return mentions
