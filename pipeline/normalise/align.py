"""One alignment builder for every normalisation edit, so clean text maps back to raw.

A pass over a text feeds an :class:`AlignmentBuilder` pieces in order: ``keep`` a
span unchanged, ``replace`` a span with new text (``""`` deletes it, an empty span
inserts). The result, an :class:`Alignment`, gives for every output character the
half-open span of the input it came from. Passes chain with :func:`compose`, so a
multi-pass normaliser still maps every clean character to the ORIGINAL raw text.

Maps are monotone: ``starts`` and ``ends`` never decrease. A kept character maps to
itself; each character of a replacement maps to the whole replaced span; an
inserted character maps to an empty span where it was inserted.
"""

from __future__ import annotations

import re
from array import array
from itertools import repeat
from collections.abc import Callable, Iterable
from dataclasses import dataclass


def offsets(values: Iterable[int] = ()) -> array:
    """A compact array of character offsets."""
    return array("i", values)  # 4 bytes an offset: texts stay far below 2**31 characters


@dataclass(frozen=True, slots=True)
class Alignment:
    """``text`` made from ``source``: character i came from ``source[starts[i]:ends[i]]``."""

    text: str
    source: str
    # Machine-integer arrays, not tuples: a 300-page document has a million
    # characters, and two tuples of Python ints per pass would cost ~100 MB.
    starts: array
    ends: array

    @classmethod
    def identity(cls, text: str) -> Alignment:
        """The alignment of a text with itself."""
        return cls(text, text, offsets(range(len(text))), offsets(range(1, len(text) + 1)))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``source`` it came from.

        >>> a = rewrite("бастую-\\nщих", re.compile(r"-\\n"), lambda m: "")
        >>> a.text, a.to_source(0, len(a.text))
        ('бастующих', (0, 11))
        """
        if start >= end:
            if start < len(self.text):
                return self.starts[start], self.starts[start]
            return len(self.source), len(self.source)
        return self.starts[start], self.ends[end - 1]


class AlignmentBuilder:
    """Builds an output text from ordered pieces of a source text.

    Pieces must come in source order. Source text skipped between pieces is kept
    unchanged, and so is the rest of the source when :meth:`build` is called.

    >>> b = AlignmentBuilder("Казаxстан")
    >>> b.replace(4, 5, "х")
    >>> b.build().text
    'Казахстан'
    """

    __slots__ = ("source", "_cursor", "_parts", "_starts", "_ends")

    def __init__(self, source: str) -> None:
        self.source = source
        self._cursor = 0
        self._parts: list[str] = []
        self._starts = offsets()
        self._ends = offsets()

    @property
    def cursor(self) -> int:
        """Source offset up to which pieces have been fed."""
        return self._cursor

    def _advance_to(self, start: int) -> None:
        if start < self._cursor:
            raise ValueError(f"piece at {start} comes before offset {self._cursor} already fed")
        if start > len(self.source):
            raise ValueError(f"piece at {start} is past the end of a {len(self.source)}-char source")
        if start > self._cursor:
            self._keep(self._cursor, start)

    def _keep(self, start: int, end: int) -> None:
        self._parts.append(self.source[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))
        self._cursor = end

    def keep(self, start: int, end: int) -> None:
        """Copy ``source[start:end]`` unchanged."""
        self._advance_to(start)
        if end < start or end > len(self.source):
            raise ValueError(f"bad span {start}:{end} of a {len(self.source)}-char source")
        self._keep(start, end)

    def replace(self, start: int, end: int, new_text: str) -> None:
        """Put ``new_text`` in place of ``source[start:end]``; each new char maps to that span."""
        self._advance_to(start)
        if end < start or end > len(self.source):
            raise ValueError(f"bad span {start}:{end} of a {len(self.source)}-char source")
        if self.source[start:end] == new_text:
            self._keep(start, end)
            return
        self._parts.append(new_text)
        self._starts.extend(repeat(start, len(new_text)))
        self._ends.extend(repeat(end, len(new_text)))
        self._cursor = end

    def delete(self, start: int, end: int) -> None:
        """Drop ``source[start:end]``."""
        self.replace(start, end, "")

    def insert(self, at: int, new_text: str) -> None:
        """Insert ``new_text`` before ``source[at]``."""
        self.replace(at, at, new_text)

    def build(self) -> Alignment:
        """The output text and its map; the unfed rest of the source is kept."""
        self._advance_to(len(self.source))
        return Alignment("".join(self._parts), self.source, self._starts, self._ends)


def rewrite(text: str, pattern: re.Pattern, replacement: Callable[[re.Match], str | None]) -> Alignment:
    """Replace every match of ``pattern`` by ``replacement(match)`` (None keeps it).

    >>> rewrite("граждане  РК", re.compile(r" {2,}"), lambda m: " ").text
    'граждане РК'
    """
    builder = AlignmentBuilder(text)
    for match in pattern.finditer(text):
        new_text = replacement(match)
        if new_text is not None:
            builder.replace(match.start(), match.end(), new_text)
    return builder.build()


def rewrite_pieces(
    text: str, pattern: re.Pattern, edit: Callable[[re.Match, AlignmentBuilder], None]
) -> Alignment:
    """Like :func:`rewrite`, but ``edit(match, builder)`` feeds pieces within the match.

    Finer pieces keep a finer map: joining a letter-spaced word keeps each letter.

    >>> spaced = re.compile(r"(?:\\w )+\\w")
    >>> def unspace(m, b):
    ...     for i in range(m.start() + 1, m.end(), 2):
    ...         b.delete(i, i + 1)
    >>> rewrite_pieces("м и т и н г", spaced, unspace).text
    'митинг'
    """
    builder = AlignmentBuilder(text)
    for match in pattern.finditer(text):
        edit(match, builder)
    return builder.build()


def compose(first: Alignment, second: Alignment) -> Alignment:
    """Chain two passes: ``first`` maps text1 to raw, ``second`` maps text2 to text1.

    >>> one = rewrite("a\\r\\nb", re.compile("\\r\\n"), lambda m: "\\n")
    >>> two = rewrite(one.text, re.compile("\\n"), lambda m: " ")
    >>> both = compose(one, two)
    >>> both.text, list(both.starts), list(both.ends)
    ('a b', [0, 1, 3], [1, 3, 4])
    """
    if second.source != first.text:
        raise ValueError("the second pass was not made from the first pass's text")
    n1, raw_length = len(first.text), len(first.source)
    starts, ends = offsets(), offsets()
    for s, e in zip(second.starts, second.ends):
        if s < e:
            starts.append(first.starts[s])
            ends.append(first.ends[e - 1])
            continue
        # An inserted character: an empty span where it sits, widened only when
        # it falls inside a multi-character replacement (keeps the map monotone).
        before = first.ends[s - 1] if s > 0 else 0
        after = first.starts[s] if s < n1 else raw_length
        starts.append(after)
        ends.append(max(before, after))
    return Alignment(second.text, first.source, starts, ends)


def compose_all(raw: str, passes: list[Callable[[str], Alignment]]) -> Alignment:
    """Run text passes one after another, keeping one map back to ``raw``."""
    alignment = Alignment.identity(raw)
    for run_pass in passes:
        step = run_pass(alignment.text)
        if step.text != alignment.text:  # an unchanged pass leaves the map alone
            alignment = compose(alignment, step)
    return alignment
