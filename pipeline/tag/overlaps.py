"""Which spans overlap a stretch of text, without looking at every span.

The taggers add, drop and extend spans against the spans already found; a
statement listing thousands of names would make every such check a pass over
thousands of spans (quadratic in the length of the document). A
:class:`SpanIndex` files each span under the blocks of text it covers, so a
check looks only at the spans near it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

BLOCK = 256  # characters of text per block


def _bounds(span: Any) -> tuple[int, int]:
    return span if isinstance(span, tuple) else (span.start, span.end)


def _blocks(start: int, end: int) -> range:
    return range(start // BLOCK, max(start, end - 1) // BLOCK + 1)


class SpanIndex:
    """Spans (anything with ``start`` and ``end``, or ``(start, end)`` pairs) in the
    order they were added, found by the text they overlap.

    >>> index = SpanIndex([(0, 5), (10, 20), (300, 310)])
    >>> index.overlapping(4, 12)
    [(0, 5), (10, 20)]
    >>> index.remove(index.keys_overlapping(15, 16)[0]); list(index)
    [(0, 5), (300, 310)]
    """

    def __init__(self, spans: Iterable = ()) -> None:
        self._blocks: dict[int, dict[int, Any]] = {}
        self._spans: dict[int, Any] = {}  # key -> span, in the order added
        self._next = 0
        for span in spans:
            self.add(span)

    def add(self, span: Any) -> int:
        """File a span; its key."""
        key, self._next = self._next, self._next + 1
        self._spans[key] = span
        for block in _blocks(*_bounds(span)):
            self._blocks.setdefault(block, {})[key] = span
        return key

    def remove(self, key: int) -> None:
        span = self._spans.pop(key)
        for block in _blocks(*_bounds(span)):
            del self._blocks[block][key]

    def keys_overlapping(self, start: int, end: int) -> list[int]:
        """Keys of the spans sharing a character with ``start``–``end`` (or holding an
        empty stretch strictly inside them), in the order added."""
        found = set()
        for block in _blocks(start, end):
            for key, span in self._blocks.get(block, {}).items():
                a, b = _bounds(span)
                if a < end and start < b:
                    found.add(key)
        return sorted(found)

    def overlapping(self, start: int, end: int) -> list:
        """The spans :meth:`keys_overlapping` finds."""
        return [self._spans[key] for key in self.keys_overlapping(start, end)]

    def __iter__(self) -> Iterator:
        return iter(list(self._spans.values()))

    def __len__(self) -> int:
        return len(self._spans)
