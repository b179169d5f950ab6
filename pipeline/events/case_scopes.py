"""Case scopes: the sets of cases a paragraph tells, and where one case of a set begins.

A paragraph that counts cases under a year (``За 2016 год завели пять дел``) introduces the
paragraphs after it as its examples, which take its year (:func:`introduced_years`); a
sentence opening another case of the set (``Второе дело ...``) or an example (``Например,
...``) bounds what a date told before it frames (:func:`~.carried_dates.carry_dates`).
"""

from __future__ import annotations

from ..nlp import parse_word
from ..records import DateValue
from .grounds import Ground
from .syntax import Token, context_patterns, folded_set, pattern_lengths_at


INTRODUCED_REACH = 4  # paragraphs after a set's introduction that may be its examples
QUANTIFIERS = {"несколько", "ряд", "много", "немало", "множество", "минимум", "десяток"}


def counts_cases(tokens: tuple[Token, ...]) -> bool:
    """The sentence counts cases: ``дело`` in the plural or under a number or a quantifier
    (``несколько дел``, ``два дела``, ``ряд уголовных дел``). A sentence with no trigger is not
    parsed (``завели пять дел``): there a number before the noun tells it, in figures or
    by its likeliest reading in pymorphy3, a year aside (``в 2011 году таких дел было меньше``
    counts none).

    >>> def t(i, text, lemmas):  # a token of an unparsed sentence: no part of speech, no features
    ...     return Token(i, 0, 0, text, frozenset(lemmas), "X", -1, "")
    >>> counts_cases((t(0, "завели", {"завести"}), t(1, "пять", {"пять"}), t(2, "дел", {"дело"})))
    True
    >>> counts_cases((t(0, "таких", {"такой"}), t(1, "дел", {"дело"}), t(2, "меньше", {"мало"})))
    False
    """
    for token in tokens:
        if "дело" not in token.lemmas:
            continue
        near = tokens[max(0, token.index - 3): token.index]
        if "Number=Plur" in token.feats or any(t.pos == "NUM" or t.lemmas & QUANTIFIERS for t in near):
            return True
        if not token.feats and any(_number(t.text) and "год" not in tokens[t.index + 1].lemmas for t in near):
            return True  # "пять дел", not the year of "в 2011 году таких дел"
    return False


def _number(word: str) -> bool:
    """A number in figures or, by its likeliest reading, in words (``5``, ``пять``, ``два``)."""
    return word.isdigit() or "NUMR" in parse_word(word.lower())[0].tag


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


CASE_SUBJECTS = {"nsubj", "nsubj:pass"}


def opens_case(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens another case of the set its paragraph tells: an opener of
    ``case_openers`` (``второй``, ``другой``, ``еще один``) first, after a conjunction at most,
    qualifying a case noun of ``case_nouns`` in the parse (the opener's head is the noun) that
    is not governed by ``по`` and is its sentence's subject or topic (before its verb):
    ``Второе дело ...``, ``А другой случай ...``, ``Еще одно уголовное дело возбудили ...``;
    not ``Другой задержанный по делу, ...`` (one of those told before). A sentence with no
    trigger is not parsed: there the words' order, a case noun near and no ``по`` before it.

    >>> def t(i, lemma, pos, head, rel):  # a token of a parsed sentence: its lemma, head and relation
    ...     return Token(i, 0, 0, lemma, frozenset({lemma}), pos, head, rel)
    >>> opens_case((t(0, "второй", "ADJ", 1, "amod"), t(1, "дело", "NOUN", 2, "nsubj"), t(2, "закрыть", "VERB", -1, "root")))
    True
    >>> opens_case((t(0, "другой", "ADJ", 1, "amod"), t(1, "задержанный", "VERB", 4, "nsubj"),
    ...             t(2, "по", "ADP", 3, "case"), t(3, "дело", "NOUN", 1, "obl"), t(4, "рассказать", "VERB", -1, "root")))
    False
    """
    words = _opening_words(tokens)
    if not words:
        return False
    lengths = pattern_lengths_at(tokens, context_patterns("case_openers"), words[0].index)
    if not lengths:
        return False
    opener = tokens[words[0].index + max(lengths) - 1]  # "одно" of "еще одно": the word on the noun
    after = words[0].index + max(lengths)
    nouns = folded_set("case_nouns")
    if not any(t.head >= 0 for t in tokens):
        reach = tokens[after: after + CASE_NOUN_REACH]
        return any(t.lemmas & nouns for t in reach) and all(t.text.lower() != "по" for t in reach)
    if not after <= opener.head < after + CASE_NOUN_REACH:
        return False
    noun = tokens[opener.head]
    return bool(noun.lemmas & nouns) \
        and not any(t.head == noun.index and t.rel == "case" and t.text.lower() == "по" for t in tokens) \
        and (noun.rel in CASE_SUBJECTS or noun.head > noun.index)


def opened_over(tokens: tuple[Token, ...], ground: Ground) -> bool:
    """The ground names a happening a case or a trial is opened over: its noun hangs, through
    the parse, on a word of ``case_opening_words`` (``возбудили дело по следам митинга``,
    ``начались процессы по следам событий``, ``дело завели в связи со столкновениями``) before
    any other verb (not ``задержали в связи с ...``, ``оштрафовали ...``)."""
    words = folded_set("case_opening_words")
    index = ground.noun
    for _ in range(len(tokens)):
        if index is None or index < 0:
            return False
        if tokens[index].lemmas & words:
            return True
        if tokens[index].pos in {"VERB", "AUX"}:
            return False
        index = tokens[index].head
    return False


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
