"""Candidate mentions of people, places and organisations while the rules work on them.

The name taggers (``names``, ``person_spans``, ``org_spans``) pass these mutable
spans between them; :func:`pipeline.tag.names.tag_names` turns the survivors into
:class:`pipeline.records.Mention` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word of a name: letters with inner hyphens.
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# What may end the sentence before a word (so that its capital says nothing).
SENTENCE_END = ".!?…:;\"«»“”„(—–-"


@dataclass(slots=True)
class Span:
    """A candidate mention while the rules work on it."""

    type: str
    start: int
    end: int
    canonical: str | None = None  # set by the gazetteer
    source: str = "natasha"
    name: str | None = None  # a place's nominative in its own wording, from the gazetteer
    # For a name nested in another name of the same organisation (``Яблоко`` in
    # ``партии «Яблоко»``, ``МИД`` in ``МИД России``): that other span.
    same_as: Span | None = None


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a quote.

    >>> opens_sentence("Вчера Иванов ушёл. Сегодня пришёл", 19), opens_sentence("Вчера Иванов", 6)
    (True, False)
    """
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in SENTENCE_END or before.endswith("\n")


def in_dictionary(parse) -> bool:
    """Whether a pymorphy3 parse comes from its dictionary as the word stands, not
    guessed from a suffix or from a known word behind an unknown prefix (``Вертнока``
    read as ``Верт-`` + ``нока``)."""
    return len(parse.methods_stack) == 1 and parse.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
