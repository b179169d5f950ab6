"""What the words around a trigger say about it: negation, hypotheticals, generic use.

Shared by the event modules: the :class:`Token` record a parsed sentence is made
of, its mentions placed on its tokens once (:class:`PlacedMention`), what may fill a
role (:class:`Candidate`), lemma helpers, and the readings a human-rights coder makes before counting a
word as a happening: is it negated (``не был задержан``), only faced or demanded
(``грозит штраф``, ``с требованием отменить выборы``), a law or a right (``закон
о митингах``), or a generic statement (``Арестовывают журналистов``, ``мирных
митингов и собраний``). The words these rules look for are data in
``models/event_context.json``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..nlp import parse_word
from ..records import Mention
from ..resources import fold, load_json

# the prepositions that put a thing inside or on a place ("в колонии", "на площади")
PLACE_IN = frozenset({"в", "во", "на"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence: clean-text span, lemmas, syntactic head, morphology."""

    index: int
    start: int
    end: int
    text: str
    lemmas: frozenset[str]
    pos: str
    head: int  # index of the head token in the sentence, -1 for the root
    rel: str
    feats: frozenset[str] = frozenset()  # natasha features as "Key=Value"


@dataclass(frozen=True, slots=True)
class PlacedMention:
    """A mention of a sentence with the tokens it covers: found once per sentence, so
    no rule has to look for the tokens of a span again."""

    index: int  # the mention's index in the document
    mention: Mention
    tokens: tuple[int, ...]


def place_mentions(tokens: tuple[Token, ...], inside: Sequence[tuple[int, Mention]]) -> list[PlacedMention]:
    """The sentence's mentions, each with the indices of the tokens it overlaps.

    >>> tokens = tuple(Token(i, s, e, "", frozenset(), "X", -1, "") for i, (s, e) in enumerate([(0, 4), (5, 14)]))
    >>> [p.tokens for p in place_mentions(tokens, [(7, Mention("COUNT", 0, 4, "Трое"))])]
    [(0,)]
    """
    ends = [t.end for t in tokens]
    placed = []
    for index, mention in inside:
        first = bisect.bisect_right(ends, mention.start)  # the first token ending after the start
        covered = []
        for token in tokens[first:]:
            if token.start >= mention.end:
                break
            covered.append(token.index)
        placed.append(PlacedMention(index, mention, tuple(covered)))
    return placed


def span_head(tokens: tuple[Token, ...], covered: Sequence[int], default: int | None = None) -> int | None:
    """The token of a span (a mention's or a phrase's tokens) whose head lies outside it:
    where the parse hangs the whole span; ``default`` (else the span's first token) when
    every head lies inside, None for an empty span.

    >>> words = [Token(i, 0, 0, w, frozenset(), "NOUN", h, "") for i, (w, h) in enumerate(
    ...     [("дело", -1), ("Иванова", 0), ("Петра", 1)])]
    >>> span_head(words, [1, 2]), span_head(words, [2]), span_head(words, [])
    (1, 2, None)
    >>> looped = [Token(0, 0, 0, "а", frozenset(), "X", 1, ""), Token(1, 0, 0, "б", frozenset(), "X", 0, "")]
    >>> span_head(looped, [0, 1]), span_head(looped, [0, 1], default=1)
    (0, 1)
    """
    if not covered:
        return None
    inside = set(covered)
    return next((i for i in covered if tokens[i].head not in inside), covered[0] if default is None else default)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something in a sentence that may fill a role of a trigger: a mention (by its
    index in the document), or a person or actor read from a word (by ``name``)."""

    role: str  # person, place, date, amount, term, count, actor
    tokens: tuple[int, ...]
    mention: int | None = None
    name: str | None = None  # a person's name (or NARRATOR), or a canonical actor
    near: bool = False  # a pronoun or relation word: a person only right by the trigger
    tree_only: bool = False  # not taken from a neighbouring clause (a bare year, a pronoun)
    origin: bool = False  # a place reached through the person it says where they are from
    date: object = None  # a date read from words, not a mention (``на следующий день``: a DateValue)
    venue: bool = False  # a place named by a building the tagger typed ORG (``у Драматического театра``)
    seat: bool = False  # the state or region in a court's own name (``Верховный суд Грузии``): its rulings'

    @property
    def value(self):
        """What the candidate adds to an event: the mention's index, else the date or name."""
        if self.mention is not None:
            return self.mention
        return self.date if self.date is not None else self.name


def lemmas_of(word: str) -> frozenset[str]:
    """Every pymorphy3 normal form of a word, folded, plus the word itself.

    >>> "задержать" in lemmas_of("ЗАДЕРЖАНЫ")
    True
    """
    folded = fold(word)
    return frozenset({folded} | {fold(p.normal_form) for p in parse_word(folded)})


def context() -> dict:
    """The context lexicon (``models/event_context.json``), loaded once."""
    return load_json("event_context.json")


@cache
def folded_set(key: str) -> frozenset[str]:
    """A list of the context lexicon as a set of folded lemmas."""
    return frozenset(fold(x) for x in context()[key])


def heads_up(tokens: tuple[Token, ...], index: int, depth: int = 2) -> list[int]:
    """The head of a token and its head, climbing over coordination (``conj``)."""
    chain, current, seen = [], index, {index}
    while len(chain) < depth:
        while tokens[current].rel == "conj" and tokens[current].head >= 0 and tokens[current].head not in seen:
            current = tokens[current].head
            seen.add(current)
        current = tokens[current].head
        if current < 0 or current in seen:
            break
        seen.add(current)
        chain.append(current)
    return chain


def children(tokens: tuple[Token, ...], index: int) -> list[int]:
    """Tokens whose syntactic head is ``index``."""
    return [t.index for t in tokens if t.head == index]


def is_negated(tokens: tuple[Token, ...], index: int) -> bool:
    """``не`` on the trigger, directly or through an auxiliary (``не был задержан``,
    ``не стала задерживать``), or a noun said not to exist (``повреждений нет``)."""
    negation, passes = folded_set("negation"), folded_set("negation_passes")
    if any(t.head == index and t.lemmas & negation for t in tokens):
        return True
    # a noun said not to exist: "телесных повреждений нет", "задержаний не было"
    noun = tokens[index].head if tokens[index].rel == "amod" else index  # "телесных" -> "повреждений"
    head = tokens[noun].head if noun >= 0 else -1
    if noun >= 0 and tokens[noun].pos == "NOUN" and head >= 0 and (
            "нет" in tokens[head].lemmas
            or ("быть" in tokens[head].lemmas and any(t.head == head and t.lemmas & negation for t in tokens))):
        return True
    j = index - 1
    while j >= 0 and index - j <= 4:
        lemmas = tokens[j].lemmas
        if lemmas & negation:
            return True
        if not (lemmas & passes or tokens[j].pos in {"AUX", "ADV", "ADP"}):
            # a word between "не" and the trigger that is not an auxiliary stops it
            break
        j -= 1
    # "не стала во время акции задерживать": an infinitive after a negated auxiliary
    if "VerbForm=Inf" in tokens[index].feats:
        for j in range(max(0, index - 6), index - 1):
            if tokens[j].lemmas & negation and tokens[j + 1].lemmas & passes:
                return not any(t.pos == "PUNCT" for t in tokens[j + 1 : index])
    return False


def governors_of(tokens: tuple[Token, ...], index: int, depth: int = 3) -> list[int]:
    """Heads of a trigger, skipping words it only fills (``о проведении митингов``:
    the governor of ``митингов`` is what governs ``проведении``)."""
    transparent = folded_set("transparent_heads")
    chain = heads_up(tokens, index, depth + 2)
    # a numeral is no governor either: "грозит от 5 до 8 лет лишения свободы"
    kept = [h for h in chain if not tokens[h].lemmas & transparent and tokens[h].pos != "NUM"]
    return kept[:depth]


def is_bare_plural(tokens: tuple[Token, ...], index: int) -> bool:
    """A plural noun with no numeral, name, determiner or possessor of its own
    (``журналистов``, ``мирных митингов``): a class, not particular people or rallies."""
    token = tokens[index]
    if "Number=Plur" not in token.feats or token.pos not in {"NOUN"}:
        return False
    own = children(tokens, index)
    agents = folded_set("agent_nouns")  # "запреты властей": whose bans is said
    return not any(
        tokens[c].pos in {"NUM", "DET", "PROPN", "PRON"} or tokens[c].rel == "nummod"
        or (tokens[c].rel == "nmod" and tokens[c].lemmas & agents)
        for c in own
    )


def is_generic_plural(tokens: tuple[Token, ...], index: int) -> bool:
    """A bare plural event noun not reported by a verb names a class of happenings:
    ``право на мирные митинги``, ``реакцию власти на аресты и штрафы``; but
    ``митинги проводились``, ``были подвергнуты штрафам`` tell happenings."""
    if not is_bare_plural(tokens, index):
        return False
    governors = governors_of(tokens, index, 1)
    if not governors:
        return False
    feats = tokens[governors[0]].feats
    return not ("VerbForm=Fin" in feats or "Variant=Short" in feats or "VerbForm=Conv" in feats)


def is_generic_present(tokens: tuple[Token, ...], anchor: int) -> bool:
    """A habitual statement: a present-tense verb with no subject whose object is a
    bare plural (``Арестовывают журналистов и активистов``)."""
    token = tokens[anchor]
    if "Tense=Pres" not in token.feats or "VerbForm=Fin" not in token.feats:
        return False
    own = children(tokens, anchor)
    if any(tokens[c].lemmas & folded_set("habitual_adverbs") for c in own):
        return True  # "постоянно задерживают", "сейчас задерживают за любой плакат"
    if any(tokens[c].rel.startswith("nsubj") for c in own):
        return False
    objects = [c for c in own if tokens[c].rel == "obj"]
    if not objects:  # "задерживают за любой плакат": no one in particular
        return "Number=Plur" in token.feats and "Person=3" in token.feats
    return all(is_bare_plural(tokens, c) for c in objects)


def is_indefinite_personal(tokens: tuple[Token, ...], anchor: int) -> bool:
    """A third-person plural verb with no subject: someone unnamed did it
    (``ему угрожали``, ``нам сорвали мероприятия``)."""
    token = tokens[anchor]
    if "VerbForm=Fin" not in token.feats or "Number=Plur" not in token.feats:
        return False
    if "Person=1" in token.feats or "Person=2" in token.feats or "Voice=Pass" in token.feats:
        return False
    return not any(tokens[c].rel.startswith("nsubj") for c in children(tokens, anchor))


@cache
def context_patterns(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A list of lemma sequences of the context lexicon as its :func:`pattern_index`, made once
    per key: passed the list, every call turned it into tuples and hashed them again."""
    return pattern_index(context()[key])


def find_pattern(tokens: tuple[Token, ...], patterns, lo: int, hi: int) -> int | None:
    """Where one of the lemma sequences (or a :func:`pattern_index` of them) first occurs
    within tokens[lo:hi]."""
    by_first = pattern_index(patterns)
    starts = by_first.keys()
    hi = min(len(tokens), hi)
    for i in range(max(0, lo), hi):
        if starts.isdisjoint(tokens[i].lemmas):  # no pattern starts here (the common case)
            continue
        for lemma in tokens[i].lemmas:
            for parts in by_first.get(lemma, ()):
                if i + len(parts) <= hi and all(parts[k] in tokens[i + k].lemmas for k in range(1, len(parts))):
                    return i
    return None


def pattern_lengths_at(tokens: tuple[Token, ...], patterns, index: int) -> list[int]:
    """The length of each lemma sequence that occurs at tokens[index], whole within tokens:
    what ``find_pattern(tokens, [pattern], index, index + len(pattern)) == index`` tells of
    each pattern, for all of them in one lookup of the token's lemmas. A caller trying one
    list at every token passes its :func:`pattern_index`, made once."""
    by_first = pattern_index(patterns)
    if by_first.keys().isdisjoint(tokens[index].lemmas):
        return []  # no pattern starts here (the common case)
    return [len(parts) for lemma in tokens[index].lemmas for parts in by_first.get(lemma, ())
            if index + len(parts) <= len(tokens)
            and all(parts[k] in tokens[index + k].lemmas for k in range(1, len(parts)))]


def pattern_index(patterns) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lemma sequences folded and keyed by their first lemma (an index is returned as it is).

    >>> pattern_index([["В", "том", "числе"]])
    {'в': (('в', 'том', 'числе'),)}
    """
    if isinstance(patterns, dict):
        return patterns
    return _fold_patterns(tuple(map(tuple, patterns)))


@cache
def _fold_patterns(patterns: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Lexicon patterns with folded lemmas, by their first lemma (a token is tried only
    against the patterns that can start at it), folded once per process."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for pattern in patterns:
        folded = tuple(fold(p) for p in pattern)
        if folded:
            by_first.setdefault(folded[0], []).append(folded)
    return {first: tuple(group) for first, group in by_first.items()}


def has_pattern(tokens: tuple[Token, ...], patterns, lo: int, hi: int) -> bool:
    """One of the lemma sequences occurs within tokens[lo:hi]."""
    return find_pattern(tokens, patterns, lo, hi) is not None
