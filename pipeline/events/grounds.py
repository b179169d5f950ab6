"""Grounds: what a charge, a suspicion, a case or a penalty is about.

A date or place inside ``по обвинению в нападении 2 марта`` or ``оштрафован за пикет 5
мая`` belongs to the act named there, not to the arrest or fine that tells it. These read
that phrase (:func:`ground_phrase`, :func:`dates_punished_act`); scoring
(:mod:`pipeline.events.arguments`), scenes and case scopes use it, so it stands apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..resources import lexicon_index
from .clauses import CLAUSE_BREAKS
from .syntax import Token, context, pattern_index, pattern_lengths_at, span_head
from .triggers import TriggerHit


# Penalties given for something done earlier: the day of what they punish is not theirs.
PENALTY_TYPES = frozenset({"fine", "custody", "court", "compulsory_work", "warning"})


def dates_punished_act(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """Whether a date lies in the reason a penalty gives (``оштрафовал за участие в акции
    23 января``, ``арестован на 10 суток за пикет 5 мая``): after the trigger, behind a
    ``за`` with no clause break or verb between them, or (where the parse says so) below a
    word ``за`` governs. That day is the act's; the fine or the arrest came later, on a
    day this sentence may not tell."""
    if hit.type not in PENALTY_TYPES or not at:
        return False
    inside, trigger = set(at), set(hit.tokens)
    first = min(at)
    if first > max(trigger):
        for token in reversed(tokens[max(trigger) + 1 : first]):
            if token.text in CLAUSE_BREAKS or token.pos in {"VERB", "AUX"}:
                break
            if token.text.lower() == "за" and token.rel == "case":
                return True
    index = span_head(tokens, at)
    for _ in range(len(tokens)):
        index = tokens[index].head
        if index < 0 or index in trigger:
            return False
        if index not in inside and any(t.head == index and t.rel == "case" and t.text.lower() == "за"
                                       for t in tokens):
            return True
    return False


CORE_ARGUMENTS = {"obj", "nsubj", "nsubj:pass", "iobj"}


@dataclass(frozen=True, slots=True)
class Ground:
    """What a charge, a suspicion or a case is about (:func:`ground_phrase`): its tokens, which
    kind of ``ground_markers`` opened it, and the noun it names."""

    tokens: range
    kind: str  # "charges" (an act charged), "happenings" (what a case is opened over), "cases" (its own date)
    noun: int | None  # the first noun after the marker ("столкновениями", "митинга")


@lexicon_index
def _happening_words() -> frozenset[str]:
    """Lemmas that name a happening by themselves: one-word entries of the trigger lexicon."""
    from .triggers import trigger_index

    return frozenset(key for key, entries in trigger_index().items() if any(len(e["parts"]) == 1 for e in entries))


def names_happening(token: Token) -> bool:
    """The word names a happening (``столкновение``, ``митинг``, ``нападение``), not a thing or a
    routine (``публикация``, ``проверка``): a one-word entry of ``models/triggers.jsonl``."""
    return bool(token.lemmas & _happening_words())


def ground_phrase(tokens: tuple[Token, ...], at: Sequence[int], kinds=("charges", "happenings", "cases")) -> Ground | None:
    """What a charge, a suspicion, a case or a reaction is about, when the mention at ``at``
    lies inside it (``арестован по обвинению в нападении на полицейского 2 марта``,
    ``заведено в связи с беспорядками у стадиона в Рязани 11 октября``): from after a
    marker (``ground_markers``) to the mention, with no clause break or verb between (a
    bracket opened inside it stays inside: ``по обвинению в вандализме (поджог ... в
    декабре)``). A date there is that happening's day: only a trigger inside the phrase (the
    clashes) takes it, not the arrest or the case told outside it. ``kinds``: which markers of
    ``ground_markers`` (an act ``charges`` names, the ``happenings`` a case is about, or
    ``cases``, a case named by its own date: ``по делу от 5 марта``, the case's day).

    The parse ends the phrase before the date: a word between that is the object or subject of
    the verb outside (``задержала в связи с акцией троих человек 5 мая``: the people held, then
    the day they were), or the date hung on that verb when the phrase names no happening
    (``задержали в связи с проверкой документов 12 марта``). After ``happenings_only``
    (``в связи с``, ``по следам``) the phrase must name a happening (:func:`names_happening`) or
    the parse hang the date inside it (``в связи с беспорядками на площади 12 июня``)."""
    if not at:
        return None
    first = min(at)
    ctx = context()["ground_markers"]
    markers = [(marker, kind, pattern_index([marker])) for kind in kinds for marker in ctx[kind]]  # each its own index, once
    for j in range(first - 1, -1, -1):
        token = tokens[j]
        found = [(n, kind, marker) for marker, kind, alone in markers for n in pattern_lengths_at(tokens, alone, j)
                 if j + n <= first]
        if found:
            n, kind, marker = max(found, key=lambda f: f[0])
            return _parsed_ground(tokens, at, j, n, kind, marker in ctx["happenings_only"])
        if (token.text in CLAUSE_BREAKS and token.text != "(") or token.pos in {"VERB", "AUX", "PRON", "SCONJ"}:
            return None  # a clause or a relative pronoun ("в связи с чем центр в январе признал") is no ground
    return None


def _parsed_ground(tokens: tuple[Token, ...], at: Sequence[int], j: int, n: int, kind: str,
                   happenings_only: bool) -> Ground | None:
    """The ground from the marker at ``j`` (``n`` words) to the mention at ``at``, unless the
    parse or the words show the mention is not inside it (:func:`ground_phrase`)."""
    span = range(j, max(at) + 1)
    phrase = range(j + n, max(at) + 1)
    nouns = [k for k in phrase if tokens[k].pos in {"NOUN", "PROPN"} and k not in at]
    # a happening named anywhere in the phrase: "в вандализме (поджог двери ...)"
    happening = any(names_happening(tokens[k]) for k in nouns)
    date_head = tokens[span_head(tokens, at)].head

    def on_outside_verb(k: int) -> bool:
        head = tokens[k].head
        return head >= 0 and head not in span and tokens[head].pos in {"VERB", "AUX"}

    # "в связи с беспорядками на площади 12 июня": a phrase the parse hangs the date inside
    # names what the date is of, though the lexicon lists no such happening
    if happenings_only and not happening and date_head not in phrase:
        return None
    if any(tokens[k].rel in CORE_ARGUMENTS and on_outside_verb(k) for k in range(j + n, min(at))):
        return None
    if not happening and on_outside_verb(span_head(tokens, at)):
        return None
    return Ground(phrase, kind, nouns[0] if nouns else None)
