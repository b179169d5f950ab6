"""A trace of what the events stage suppresses: every candidate trigger a lexicon condition
vetoes or a sentence rule drops, every candidate the realis step judges no happening, every
telling merged into another, each with the name of the rule that did it.

Off unless a caller records (:func:`recording`, as ``benchmarks.event_types --suppressed``
does): a rule that drops something calls :func:`note`, which does nothing then. The trace
changes no output; it tells which rules cost true events on the development sets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Suppression:
    """One candidate or telling a rule took out of the events: the rule, the type it had,
    its trigger span, and (a lexicon entry's words, a realis label's cues) what it was."""

    rule: str
    type: str
    start: int
    end: int
    detail: str = ""


_SINK: ContextVar[list[Suppression] | None] = ContextVar("suppressions", default=None)


@contextmanager
def recording() -> Iterator[list[Suppression]]:
    """Record every suppression made inside the block into the list it yields."""
    sink: list[Suppression] = []
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


def is_recording() -> bool:
    """Whether a caller records suppressions (a rule may skip working out its name if not)."""
    return _SINK.get() is not None


def note(rule: str, type_: str | None, start: int, end: int, detail: str = "") -> None:
    """Record one suppression, when a caller records.

    >>> with recording() as found:
    ...     note("merge: same clause", "detention", 10, 19)
    >>> [(s.rule, s.start) for s in found], is_recording()
    ([('merge: same clause', 10)], False)
    """
    sink = _SINK.get()
    if sink is not None and type_ is not None:
        sink.append(Suppression(rule, type_, start, end, detail))
