"""Case scopes: the sets of cases a paragraph tells, and where one case of a set begins.

A paragraph that counts cases under a year (``За 2016 год завели пять дел``) introduces the
paragraphs after it as its examples, which take its year (:func:`introduced_years`); a
sentence opening another case of the set (``Второе дело ...``) or an example (``Например,
...``) bounds what a date told before it frames (:func:`~.carried_dates.carry_dates`).
"""

from __future__ import annotations

from ..records import DateValue
from .syntax import Token, context, folded_set, pattern_lengths_at


INTRODUCED_REACH = 4  # paragraphs after a set's introduction that may be its examples
QUANTIFIERS = {"несколько", "ряд", "много", "немало", "множество", "минимум", "десяток"}


def counts_cases(tokens: tuple[Token, ...]) -> bool:
    """The sentence counts cases: ``дело`` in the plural or under a number or a quantifier
    (``несколько дел``, ``два дела``, ``ряд уголовных дел``)."""
    for token in tokens:
        if "дело" not in token.lemmas:
            continue
        if "Number=Plur" in token.feats:
            return True
        near = tokens[max(0, token.index - 3): token.index]
        if any(t.pos == "NUM" or t.lemmas & QUANTIFIERS for t in near):
            return True
    return False


def introduced_years(units: list[int], introductions: dict[int, DateValue], framed: set[int]) -> dict[int, DateValue]:
    """Paragraph -> the year of the set of cases it is an example of: the paragraphs after
    one whose sentence dates a count of cases (``За 2016 год против блогеров завели пять
    дел ...``), up to ``INTRODUCED_REACH``, until one that sets a time of its own.

    >>> import datetime as dt
    >>> year = DateValue(dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year")
    >>> sorted(introduced_years([0, 1, 2, 3, 4], {1: year}, {4}))
    [2, 3]
    """
    found, current = {}, None
    for unit in sorted(units):
        if unit in introductions:
            current = (unit, introductions[unit])
        elif unit in framed:
            current = None
        elif current is not None and unit - current[0] <= INTRODUCED_REACH:
            found[unit] = current[1]
    return found


CASE_NOUN_REACH = 3  # words between an opener and its case noun ("Второе уголовное дело")


def opens_case(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens another case of the set its paragraph tells: an opener of
    ``case_openers`` (``второй``, ``другой``, ``еще один``) first, after a conjunction at most,
    then a case noun of ``case_nouns`` (``Второе дело ...``, ``А другой случай ...``, ``Еще одно
    уголовное дело ...``)."""
    words = _opening_words(tokens)
    if not words:
        return False
    lengths = pattern_lengths_at(tokens, context()["case_openers"], words[0].index)
    if not lengths:
        return False
    after = words[0].index + max(lengths)
    nouns = folded_set("case_nouns")
    return any(t.lemmas & nouns for t in tokens[after: after + CASE_NOUN_REACH])


def opens_example(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens an example case: a word of ``example_openers`` first, after a
    conjunction at most, and a comma after it (``Например, ...``, ``Так, ...``, ``А так, ...``).

    >>> def t(i, text, pos):
    ...     return Token(i, 0, 0, text, frozenset({text.lower()}), pos, -1, "")
    >>> opens_example((t(0, "Например", "ADV"), t(1, ",", "PUNCT"), t(2, "суд", "NOUN")))
    True
    >>> opens_example((t(0, "Так", "ADV"), t(1, "суд", "NOUN")))
    False
    """
    words = _opening_words(tokens)
    if not words or words[0].index + 1 >= len(tokens):
        return False
    return bool(words[0].lemmas & folded_set("example_openers")) and tokens[words[0].index + 1].text == ","


def _opening_words(tokens: tuple[Token, ...]) -> list[Token]:
    """The sentence's words, punctuation aside, from its first after a conjunction that
    opens it (``А другой случай ...``, ``И еще одно дело ...``): where an opener stands."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    return words[1:] if words and words[0].pos == "CCONJ" else words
