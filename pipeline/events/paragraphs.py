"""Paragraphs and lines of a clean text: how far a stated date or place carries.

A date or a place carries within its paragraph (:mod:`.scene`). What a paragraph is
depends on the layout: a line, a link line with its caption, an introduction ending in a
colon with what it introduces, or, in a text that sets its paragraphs apart by blank
lines, the lines between two blank lines. Items of a list and the entries of a report's
endnotes are lines of their own.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from .aggregate import is_list_item


URL = re.compile(r"^\s*(?:https?://|www\.)", re.IGNORECASE)
BACKLINK = "\u21a9"  # "↩": a report's endnote points back to its footnote mark
ENTRY = re.compile(r"^\s*\d{1,4}\.\s")  # "14. " opens a numbered endnote entry
SOURCE_LINES = 3  # lines after an entry's URL: the URL's own rest, a source over two lines
SOURCE_CHARS = 150  # a longer line is the text again, not a source


def paragraph_units(text: str) -> tuple[list[int], list[int], list[bool]]:
    """Paragraph starts, their unit ids, and whether each is a link line or caption.

    A paragraph ending in a colon introduces the next one (a quoted account, a list):
    they are one unit, so the date and place the introduction states carry into it.

    >>> paragraph_units("Текст.\\nhttp://x.kz — 24 марта.\\nМитинг.\\nhttp://y.kz")[1:]
    ([0, 1, 1, 2], [False, True, True, True])
    >>> paragraph_units("В Омске в мае так описал это Иванов:\\n«Нас задержали».\\nДругое.")[1]
    [0, 0, 1]
    """
    starts, units, captions = [], [], []
    unit, offset, after_link, after_colon = -1, 0, False, False
    for line in text.split("\n"):
        is_link = bool(URL.match(line))
        if not ((after_link or after_colon) and not is_link and line.strip()):
            unit += 1
        starts.append(offset)
        units.append(unit)
        captions.append(is_link or (after_link and not after_colon))
        after_link = is_link or (after_link and not line.strip())
        after_colon = line.rstrip().endswith(":") or (after_colon and not line.strip())
        offset += len(line) + 1
    return starts, units, captions


BLANK_LINE_SHARE = 0.25  # share of a text's line breaks from which blank lines mark its paragraphs


def date_scopes(layout, blank_breaks: frozenset[int] | None) -> dict[int, tuple[int, int]]:
    """Paragraph unit -> the unit whose dates it shares, and where its own lines begin. A source that sets its paragraphs
    apart with blank lines (at least ``BLANK_LINE_SHARE`` of its line breaks, as news is laid
    out) may still put a paragraph's sentences on lines of their own: the lines between two
    blank lines are one paragraph for dates. ``blank_breaks``: the clean text's line breaks
    that stood for blank lines (:func:`~pipeline.normalise.blank_line_breaks`). In a text
    whose lines are its paragraphs (few blank lines, or none known) each unit is its own.

    >>> text = "Заголовок\\nВ мае был митинг.\\nЗадержаны трое.\\nИтог."
    >>> date_scopes(paragraph_units(text), frozenset({9, 43}))
    {0: (0, 0), 1: (1, 10), 2: (1, 28), 3: (3, 44)}
    >>> [scope for scope, _ in date_scopes(paragraph_units(text), None).values()]
    [0, 1, 2, 3]
    """
    starts, units, _ = layout
    scopes = {}
    for start, unit in zip(starts, units):
        scopes.setdefault(unit, (unit, start))
    breaks = len(starts) - 1
    if not blank_breaks or not breaks or len(blank_breaks) < BLANK_LINE_SHARE * breaks:
        return scopes
    block, seen = units[0], {units[0]}
    for start, unit in zip(starts[1:], units[1:]):
        if start - 1 in blank_breaks:
            block = unit
        if unit not in seen:  # a caption's or a list's lines share their unit already
            seen.add(unit)
            scopes[unit] = (block, start)
    return scopes


NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s")  # "2. Олег ...", "2) Олег ...": an item of a numbered list


def list_runs(text: str) -> list[int | None]:
    """For each line of the text, where the run of list items it belongs to begins (an item
    opening ``N.``, ``N)``, a dash or a bullet), or None for a line that is no item. Each item
    tells its own case: a date one item states is not the next item's, though a heading's
    date (``12 марта задержаны:``) is all of theirs.

    >>> list_runs("Задержаны:\\n1. Иван — 12 марта.\\n2. Олег.\\nИтог.")
    [None, 11, 11, None]
    >>> list_runs("— Тверь: 5 человек;\\n— Омск: 2 человека.")
    [0, 0]
    """
    runs, offset, run = [], 0, None
    for line in text.split("\n"):
        item = bool(NUMBERED_ITEM.match(line)) or (bool(line.strip()) and is_list_item(line))
        run = (offset if run is None else run) if item else None
        runs.append(run)
        offset += len(line) + 1
    return runs


def endnote_lines(text: str) -> list[bool]:
    """Whether each line of the text belongs to an endnote entry of a report: its
    numbered headline ending in ``↩`` (over one or two lines), the URL lines after it
    and the source line or two after those (``«Новая газета», 17.03.2013``).

    >>> endnote_lines("Текст.\\n3. Задержан активист ↩\\nhttp://x.org/a\\nНовости, 01.05.2014\\nТекст.")
    [False, True, True, True, False]
    >>> endnote_lines("6. Длинный заголовок\\nв две строки. ↩\\nhttp://x.org")
    [True, True, True]
    """
    lines = text.split("\n")
    flags = [False] * len(lines)
    source_left = 0
    for i, line in enumerate(lines):
        if BACKLINK in line:
            flags[i] = True
            if i > 0 and ENTRY.match(lines[i - 1]) and BACKLINK not in lines[i - 1]:
                flags[i - 1] = True  # a headline over two lines
            source_left = 0
        elif URL.match(line) and i > 0 and flags[i - 1]:
            flags[i], source_left = True, SOURCE_LINES
        elif source_left and line.strip() and not ENTRY.match(line) and len(line) <= SOURCE_CHARS:
            # the source ends with its date or a full stop; a URL broken over lines goes on
            ended = bool(re.search(r"(?:\d{2}\.\d{2}\.\d{4}|\.)\s*$", line))
            flags[i], source_left = True, 0 if ended else source_left - 1
        else:
            source_left = 0
    return flags


def line_at(starts: list[int], offset: int) -> int:
    """The line holding a clean-text offset, as an index into ``starts`` (the lines' start
    offsets, :func:`paragraph_units`); an offset before the first line is on it.

    >>> line_at([0, 7, 15], 7), line_at([0, 7, 15], 14), line_at([0, 7, 15], 99)
    (1, 1, 2)
    """
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def unit_of(layout, offset: int) -> tuple[int, bool]:
    """The paragraph unit and caption flag at a clean-text offset."""
    starts, units, captions = layout
    i = line_at(starts, offset)
    return units[i], captions[i]


def by_unit(anchors) -> defaultdict[int, list]:
    """Anchors ``(unit, offset, value)`` by paragraph unit, in their order: a draft looks
    only at its own paragraph's, so a long list is not scanned once per line."""
    found = defaultdict(list)
    for anchor in anchors:
        found[anchor[0]].append(anchor)
    return found
