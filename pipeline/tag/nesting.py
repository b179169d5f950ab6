"""Mentions inside mentions: a name inside a name, a place inside an amount.

``МВД РФ`` is an ORG holding the LOC ``РФ``; ``20 млн долларов США`` a MONEY holding
``США``; ``партии «Яблоко»`` an ORG holding the party's own name ``Яблоко`` (one
organisation: the two share an ``entity_id``); ``памятника Абаю`` a LOC holding the
PER ``Абаю``. The mentions table keeps both (SPEC: mentions may nest); a reader who
wants one layer takes the outermost (:func:`outermost`, or the rows whose
``nested_in`` is null), and the events stage reads only that layer. Only these
nest (:data:`CONTAINERS`): every other overlap is settled by
:func:`pipeline.tag.resolve_overlaps`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from ..records import DATE, LOC, MONEY, ORG, PER

# Which kinds may hold which: a place inside an organisation's name or an amount; an
# organisation's own name inside its designated form (``партии «Яблоко»``) or the body
# a unit belongs to (``МИД России`` in ``Департамента … МИД России``); a person named in
# a venue's or organisation's name (``памятника Абаю``, ``Фонда Анны Политковской``); a
# place inside a part of it named by the compass (``Африка`` in ``Северной Африке``).
CONTAINERS = {LOC: frozenset({ORG, MONEY, LOC}), ORG: frozenset({ORG}), PER: frozenset({ORG, LOC})}


class HasSpan(Protocol):
    type: str
    start: int
    end: int


S = TypeVar("S", bound=HasSpan)


def may_nest(inner: HasSpan, outer: HasSpan) -> bool:
    """Whether ``inner`` may stand inside ``outer`` as a mention of its own.

    >>> from pipeline.records import Mention
    >>> may_nest(Mention(LOC, 4, 6, "РФ"), Mention(ORG, 0, 6, "МВД РФ"))
    True
    >>> may_nest(Mention(DATE, 4, 6, "РФ"), Mention(ORG, 0, 6, "МВД РФ"))
    False
    """
    return (
        outer.type in CONTAINERS.get(inner.type, ())
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (inner.start, inner.end) != (outer.start, outer.end)
    )


def outermost(mentions: Iterable[S]) -> list[S]:
    """The mentions that lie inside no other: one flat layer, in text order.

    >>> from pipeline.records import Mention
    >>> found = [Mention(ORG, 0, 6, "МВД РФ"), Mention(LOC, 4, 6, "РФ"), Mention(LOC, 10, 16, "Москве")]
    >>> [m.text for m in outermost(found)]
    ['МВД РФ', 'Москве']
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[S] = []
    reach = -1  # the end of the last kept mention
    for mention in ordered:
        if mention.end <= reach:  # a kept mention starting no later ends no earlier
            continue
        kept.append(mention)
        reach = max(reach, mention.end)
    return kept


def nested_in(mentions: Sequence[HasSpan]) -> list[int | None]:
    """For each mention, the index of the mention it is nested in (None: outermost).

    >>> from pipeline.records import Mention
    >>> nested_in([Mention(ORG, 0, 6, "МВД РФ"), Mention(LOC, 4, 6, "РФ")])
    [None, 0]
    """
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end))
    result: list[int | None] = [None] * len(mentions)
    open_: list[int] = []  # containers whose span is still open, innermost last
    for i in order:
        while open_ and mentions[open_[-1]].end <= mentions[i].start:
            open_.pop()
        if open_ and mentions[i].end <= mentions[open_[-1]].end:
            result[i] = open_[-1]
        open_.append(i)
    return result


def geographic_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of place names pymorphy3 knows (``Geox``) between ``start`` and ``end``,
    with the capitalised adjectives agreeing with them (``Южной Калифорнии``):
    places the gazetteer lacks inside an organisation's name.

    >>> text = "Университета Южной Калифорнии"
    >>> [text[a:b] for a, b in geographic_words(text, 0, len(text))]
    ['Южной Калифорнии']
    """
    import re

    from ..nlp import parse_word
    from .candidates import in_dictionary

    found: list[tuple[int, int]] = []
    words = list(re.finditer(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*", text[start:end]))
    for index, match in enumerate(words):
        word = match.group()
        nouns = [p for p in parse_word(word) if "Geox" in p.tag and p.tag.POS == "NOUN"
                 and in_dictionary(p)]
        if not nouns or parse_word(word)[0].tag.POS != "NOUN":
            continue
        first = index
        while first > 0 and text[start + words[first - 1].end() : start + words[first].start()] == " ":
            agreeing = [p for p in parse_word(words[first - 1].group()) if p.tag.POS == "ADJF"
                        and any(p.tag.case == n.tag.case and p.tag.gender in (None, n.tag.gender) for n in nouns)]
            if not agreeing:
                break
            first -= 1
        found.append((start + words[first].start(), start + match.end()))
    return found
