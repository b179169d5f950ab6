"""Gapped clauses: a penalty told again for others with the verb left out.

``суд приговорил Есенова к десяти суткам, двоих других — к 5 суткам``: after the
dash the verb of the clause before is understood. A coder counts a second
penalty of the same kind, for the people before the dash (two others) with the
term or amount after it. The penalty before the dash keeps its own people only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .arguments import roles_for
from .syntax import Token
from .merge import Draft
from ..records import COUNT, MONEY, PER, TERM, Argument, Mention

_DASHES = {"—", "–", "-"}
_BREAKS = {",", ";"}
_VALUE_ROLE = {TERM: "term", MONEY: "amount"}


def _mentions_in(inside: Sequence[tuple[int, Mention]], lo: int, hi: int) -> list[tuple[int, Mention]]:
    return [(i, m) for i, m in inside if lo <= m.start and m.end <= hi]


def gapped_drafts(
    tokens: tuple[Token, ...], drafts: list[Draft], inside: Sequence[tuple[int, Mention]]
) -> list[Draft]:
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
        told = [d for d in drafts if d.end <= tokens[opening].start]
        if not told:
            continue
        source = told[-1]
        values = [(i, m) for i, m in _mentions_in(inside, after[0].start, after[-1].end)
                  if m.type in _VALUE_ROLE and _VALUE_ROLE[m.type] in roles_for(source.type)]
        if not values:
            continue
        value_index, value = values[0]
        people = _mentions_in(inside, before[0].start, before[-1].end)
        counts = [(i, m) for i, m in people if m.type == COUNT and m.value is not None]
        persons = [(i, m) for i, m in people if m.type == PER]
        if not counts and not persons:
            continue
        arguments = [a for a in source.arguments if a.role in {"date", "place"}]
        arguments.append(Argument(_VALUE_ROLE[value.type], value_index))
        copy = dataclasses.replace(
            source,
            start=value.start, end=value.end, trigger=value.text,
            persons=tuple(m.normal or m.text for _, m in persons),
            patients=tuple(m.normal or m.text for _, m in persons),
            count=counts[0][1].value if counts else None,
            term=value.value if value.type == TERM else None,
            money=value.value if value.type == MONEY else None,
            members=[],
        )
        if counts:
            arguments.append(Argument("count", counts[0][0]))
            for draft in told:  # "приговорил ... к суткам ареста": both words tell the first penalty
                _take_count(draft, counts[0][0])
        arguments += [Argument("person", i) for i, _ in persons]
        copy.arguments = tuple(arguments)
        found.append(copy)
    return found


def _take_count(source: Draft, mention_index: int) -> None:
    """The count moved to the gapped clause is not the original's."""
    if Argument("count", mention_index) in source.arguments:
        source.count = None
        source.arguments = tuple(a for a in source.arguments if a != Argument("count", mention_index))
