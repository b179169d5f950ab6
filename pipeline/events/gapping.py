"""Gapped clauses: a penalty told again for others with the verb left out.

``суд приговорил Есенова к десяти суткам, двоих других — к 5 суткам``: after the
dash the verb of the clause before is understood. A coder counts a second
penalty of the same kind, for the people before the dash (two others) with the
term or amount after it. The penalty before the dash keeps its own people only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..records import COUNT, MONEY, PER, TERM, Argument
from .arguments import roles_for
from .draft import Draft
from .syntax import PlacedMention, Token

_DASHES = {"—", "–", "-"}
_BREAKS = {",", ";"}
_VALUE_ROLE = {TERM: "term", MONEY: "amount"}


def _mentions_in(placed: Sequence[PlacedMention], lo: int, hi: int) -> list[PlacedMention]:
    return [p for p in placed if lo <= p.mention.start and p.mention.end <= hi]


def gapped_drafts(tokens: tuple[Token, ...], drafts: list[Draft], placed: Sequence[PlacedMention]) -> list[Draft]:
    """New drafts for the gapped clauses of one sentence (``, двоих других — к 5
    суткам``), each a copy of the penalty told before it with its own people and
    term or amount; the count moved to the copy is taken off the original."""
    found: list[Draft] = []
    for k, dash in enumerate(tokens):
        if dash.text not in _DASHES or k == 0:
            continue
        opening = max((i for i in range(k) if tokens[i].text in _BREAKS), default=None)
        if opening is None:
            continue
        closing = next((i for i in range(k + 1, len(tokens)) if tokens[i].text in _BREAKS | {"."}), len(tokens))
        before, after = tokens[opening + 1 : k], tokens[k + 1 : closing]
        if not before or not after or any(t.pos in {"VERB", "AUX"} for t in before + after):
            continue
        told = [d for d in drafts if d.event.end <= tokens[opening].start]
        if not told:
            continue
        source = told[-1]
        values = [p for p in _mentions_in(placed, after[0].start, after[-1].end)
                  if p.mention.type in _VALUE_ROLE and _VALUE_ROLE[p.mention.type] in roles_for(source.event.type)]
        if not values:
            continue
        people = _mentions_in(placed, before[0].start, before[-1].end)
        counts = [p for p in people if p.mention.type == COUNT and p.mention.value is not None]
        persons = [p for p in people if p.mention.type == PER]
        if not counts and not persons:
            continue
        found.append(_copy(source, values[0], counts[:1], persons))
        for draft in told if counts else ():  # "приговорил ... к суткам ареста": both words tell the first penalty
            _take_count(draft, counts[0].index)
    return found


def _copy(source: Draft, value: PlacedMention, counts: list[PlacedMention], persons: list[PlacedMention]) -> Draft:
    """The penalty before the dash again, for the people after it with its own term or sum."""
    m = value.mention
    arguments = [a for a in source.event.arguments if a.role in {"date", "place"}]
    arguments.append(Argument(_VALUE_ROLE[m.type], value.index))
    arguments += [Argument("count", p.index) for p in counts]
    arguments += [Argument("person", p.index) for p in persons]
    names = tuple(p.mention.normal or p.mention.text for p in persons)
    event = replace(
        source.event, start=m.start, end=m.end, trigger=m.text, persons=names,
        count=counts[0].mention.value if counts else None,
        term=m.value if m.type == TERM else None,
        money=m.value if m.type == MONEY else None,
        arguments=tuple(arguments),
    )
    return replace(source, event=event, patients=names, members=[])


def _take_count(source: Draft, mention_index: int) -> None:
    """The count moved to the gapped clause is not the original's."""
    taken = Argument("count", mention_index)
    if taken in source.event.arguments:
        source.update(count=None, arguments=tuple(a for a in source.event.arguments if a != taken))
