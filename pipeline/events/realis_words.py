"""What every realis cue reads: the word lists of ``models/realis.json`` and the stretch of a
sentence a cue looks in (a trigger's predicate, its clause, the words below a word).

The cues of :mod:`pipeline.events.realis`, :mod:`pipeline.events.tallies` and
:mod:`pipeline.events.modality` all read these; they stand apart so that those modules
need not import one another.
"""

from __future__ import annotations

from functools import cache

from ..resources import fold, load_json
from .syntax import Token, children, heads_up, pattern_index


@cache
def realis_words(key: str) -> frozenset[str]:
    """A list of ``models/realis.json`` as a set of folded lemmas."""
    return frozenset(fold(w) for w in load_json("realis.json")[key])


def patterns(key: str) -> list[list[str]]:
    return load_json("realis.json")[key]


@cache
def realis_patterns(key: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A list of lemma sequences of ``models/realis.json`` as its :func:`pattern_index`, made
    once per key: passed the list, every call turned it into tuples and hashed them again."""
    return pattern_index(patterns(key))


def predicate_of(tokens: tuple[Token, ...], anchor: int) -> int:
    """The verb telling the trigger: itself if a verb, else the verb governing it
    (``были подвергнуты штрафам`` -> ``подвергнуты``); the anchor when there is none."""
    if tokens[anchor].pos in {"VERB", "AUX"}:
        return anchor
    for head in heads_up(tokens, anchor, 3):
        if tokens[head].pos in {"VERB", "AUX"} or "Variant=Short" in tokens[head].feats:
            return head
    return anchor


def words_below(tokens, index: int, depth: int) -> list[int]:
    """The tokens within ``depth`` steps below ``index``."""
    found, frontier = [], [index]
    for _ in range(depth):
        frontier = [c for i in frontier for c in children(tokens, i)]
        found += frontier
    return found


def clause_of(tokens, index: int) -> range:
    """Tokens of the clause around ``index``, bounded by ``;``, ``:``, brackets and sentence ends."""
    bounds = {";", ":", "(", ")"}
    lo = index
    while lo > 0 and tokens[lo - 1].text not in bounds:
        lo -= 1
    hi = index
    while hi + 1 < len(tokens) and tokens[hi + 1].text not in bounds:
        hi += 1
    return range(lo, hi + 1)
