"""The tag stage: every kind of mention in one document's clean text.

One module per kind of mention (``names``, ``dates``, ``money``, ``terms``,
``counts``); this module runs them and settles overlaps between kinds.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

from typing import TYPE_CHECKING

from ..records import COUNT, DATE, LOC, MONEY, ORG, PER, TERM, Mention
from .nesting import CONTAINERS, may_nest
from .overlaps import SpanIndex

if TYPE_CHECKING:  # natasha loads only with the taggers that need it
    from ..nlp import Models

# When spans of two kinds overlap, the kind listed first wins (then the longer
# span): a number read as money or as a custodial term is not also a count.
PRIORITY = (MONEY, TERM, DATE, COUNT, PER, ORG, LOC)


def tag_mentions(
    text: str, models: Models, doc_date: dt.date | None = None
) -> tuple[dt.date | None, tuple[Mention, ...]]:
    """The document's date and all its mentions, in text order, without overlaps.

    ``doc_date`` given by the caller wins over the date found in the text.
    """
    # Imported here, not at the top: importing one tagger (pipeline.tag.dates) runs this
    # package first, and should not drag in every other one, natasha included.
    from .counts import tag_counts
    from .dates import find_doc_date, tag_dates
    from .money import tag_money
    from .names import tag_names
    from .terms import tag_terms

    doc_date = doc_date or find_doc_date(text)
    found: list[Mention] = []
    found += tag_names(text, models)
    found += tag_dates(text, doc_date)
    found += tag_money(text, doc_date=doc_date)
    found += tag_terms(text)
    found += tag_counts(text)
    return doc_date, resolve_overlaps(found)


def resolve_overlaps(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """Keep the stronger of overlapping mentions, by kind then length; a mention
    that may nest (:data:`~pipeline.tag.nesting.CONTAINERS`: a place inside an
    organisation or an amount, …) inside a kept one stays as a mention of its own.

    >>> a = Mention(COUNT, 0, 2, "15")
    >>> b = Mention(TERM, 0, 8, "15 суток")
    >>> [m.type for m in resolve_overlaps([a, b])]
    ['TERM']
    >>> money, usa = Mention(MONEY, 0, 16, "100 долларов США"), Mention(LOC, 13, 16, "США")
    >>> [m.text for m in resolve_overlaps([usa, money])]
    ['100 долларов США', 'США']
    """
    mentions = list(mentions)
    # A mention that may nest in another one given with it waits for the flat layer:
    # a person named in a venue's name does not outrank the venue.
    inner = _nestable(mentions)
    flat = sorted(_flat([m for m in mentions if id(m) not in inner]), key=lambda m: m.start)
    kept = set(map(id, flat))
    starts = [m.start for m in flat]
    nested: list[Mention] = []
    placed = SpanIndex()  # the nested ones, by where they are
    for mention in sorted(mentions, key=lambda m: m.start - m.end):  # longest first
        if id(mention) in kept or mention.type not in CONTAINERS:
            continue
        # Flat mentions never overlap: the one that could hold it starts last before it.
        i = bisect.bisect_right(starts, mention.start) - 1
        if i < 0 or not may_nest(mention, flat[i]):
            continue
        if i + 1 < len(flat) and flat[i + 1].start < mention.end:
            continue  # it also reaches into the next mention
        if any(not may_nest(mention, n) for n in placed.overlapping(mention.start, mention.end)):
            continue  # it may sit inside another nested one (``России`` in ``МВД России`` in …)
        nested.append(mention)
        placed.add(mention)
    # A mention that could have nested but whose holder lost stands on its own if it can.
    taken = flat + nested
    occupied, was_nested = SpanIndex(taken), set(nested)
    for mention in (m for m in mentions if id(m) in inner and m not in was_nested):
        if not occupied.overlapping(mention.start, mention.end):
            taken.append(mention)
            occupied.add(mention)
    return tuple(sorted(taken, key=lambda m: (m.start, -m.end)))


def _nestable(mentions: list[Mention]) -> set[int]:
    """ids of the mentions lying inside another mention they may nest in."""
    found: set[int] = set()
    open_: list[Mention] = []  # mentions whose span is still open, by start
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        open_ = [m for m in open_ if m.end > mention.start]
        if any(may_nest(mention, holder) for holder in open_):
            found.add(id(mention))
        open_.append(mention)
    return found


def _flat(mentions: list[Mention]) -> list[Mention]:
    """The stronger of overlapping mentions, by kind then length: one flat layer."""
    rank = {kind: i for i, kind in enumerate(PRIORITY)}
    chosen: list[Mention] = []
    # Spans kept so far never overlap, so sorted by start their ends are sorted
    # too and the one span that could overlap a newcomer is found by bisection.
    starts: list[int] = []
    ends: list[int] = []
    for mention in sorted(mentions, key=lambda m: (rank[m.type], m.start - m.end, m.start)):
        i = bisect.bisect_left(starts, mention.end)
        if i > 0 and ends[i - 1] > mention.start:
            continue
        starts.insert(i, mention.start)
        ends.insert(i, mention.end)
        chosen.append(mention)
    return chosen
