"""Remove running headers, footers and page numbers from pages of lines.

A printed statement repeats its organisation's name at the top of every page and
a page number at the bottom. Those lines are not testimony: left in, they break
sentences in two and turn up as organisations on every page. A line is taken as
running only when it sits near the top or bottom of a page *and* recurs there on
most pages (digits masked, so ``- 3 -`` and ``- 4 -`` are one line), or when it is
a bare page number that counts up with the pages. Body text that happens to
repeat once is never removed.
"""

from __future__ import annotations

import math
import re
from collections import Counter

# How many non-blank lines at each end of a page may be header or footer.
EDGE_LINES = 3

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

# A line that is nothing but a page number: "3", "- 3 -", "[3]", "стр. 3",
# "Страница 3 из 12", "3/12", "Page 3 of 12".
_PAGE_NUMBER = re.compile(
    r"""^[\s\-–—.\[\](){}|]*
        (?:(?:стр(?:аница)?|с|page|p)\.?\s*)?
        (?P<number>\d{1,4})
        (?:\s*(?:из|/|of)\s*\d{1,4})?
        [\s\-–—.\[\](){}|]*$""",
    re.IGNORECASE | re.VERBOSE,
)


def line_key(line: str) -> str:
    """The form in which running lines are compared: digits masked, case and spacing folded.

    >>> line_key("  Страница 3 из 12 ")
    'страница # из #'
    >>> line_key("ОФ «Казахстанское  бюро по правам человека»")
    'оф «казахстанское бюро по правам человека»'
    """
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip().lower()


def page_number_in(line: str) -> int | None:
    """The page number a line consists of, or None if the line is anything else.

    >>> page_number_in("- 3 -"), page_number_in("стр. 7"), page_number_in("Страница 2 из 12")
    (3, 7, 2)
    >>> page_number_in("3 человека задержаны") is None
    True
    """
    match = _PAGE_NUMBER.match(line)
    return int(match["number"]) if match else None


def _edge_indices(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indices of the first and last few non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:EDGE_LINES], filled[-EDGE_LINES:]


def _counts_pages(occurrences: list[tuple[int, str]]) -> bool:
    """Whether lines are one running line: identical, or differing only by a page counter.

    The digits in "Страница 3 из 12" vary with the page; those in "Задержано 5 человек"
    on one page and "Задержано 12 человек" on another do not, so those stay body text.
    """
    numbers = [(page, tuple(int(n) for n in _DIGITS.findall(line))) for page, line in occurrences]
    if len({values for _, values in numbers}) == 1:
        return True
    width = len(numbers[0][1])
    for k in range(width):
        counter = {values[k] - page for page, values in numbers}
        rest = {values[:k] + values[k + 1 :] for _, values in numbers}
        if len(counter) == 1 and len(rest) == 1:
            return True
    return False


def _running_keys(pages: list[list[str]], zone: int) -> set[str]:
    """Keys of lines that recur in the top (zone 0) or bottom (zone 1) edge of most pages."""
    filled = [index for index, lines in enumerate(pages) if any(line.strip() for line in lines)]
    if len(filled) < 2:
        return set()
    occurrences: dict[str, dict[int, str]] = {}
    for page in filled:
        lines = pages[page]
        for i in _edge_indices(lines)[zone]:
            occurrences.setdefault(line_key(lines[i]), {}).setdefault(page, lines[i])
    if len(filled) == 2:
        needed = 2  # both pages: a header on a two-page statement
    else:
        needed = max(3, math.ceil(0.5 * len(filled)))
    return {
        key
        for key, found in occurrences.items()
        if key and len(found) >= needed and _counts_pages(sorted(found.items()))
    }


def _page_number_lines(pages: list[list[str]]) -> set[tuple[int, int]]:
    """(page index, line index) of edge lines holding a page number that counts with the pages.

    Printed numbers may be offset from the PDF's page index (a cover page is not
    numbered), so the most common offset wins; it must hold on two pages or more.
    """
    candidates: list[tuple[int, int, int]] = []  # page index, line index, offset
    for page_index, lines in enumerate(pages):
        top, bottom = _edge_indices(lines)
        for i in set(top[:2]) | set(bottom[-2:]):
            number = page_number_in(lines[i])
            if number is not None:
                candidates.append((page_index, i, number - page_index))
    if not candidates:
        return set()
    offset, support = Counter(c[2] for c in candidates).most_common(1)[0]
    pages_supporting = {c[0] for c in candidates if c[2] == offset}
    if support < 2 or len(pages_supporting) < 2:
        return set()
    return {(c[0], c[1]) for c in candidates if c[2] == offset}


def remove_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers, footers and page numbers from each page's lines.

    >>> body = ["Митинг разогнан.", "Задержаны трое.", "Оштрафованы двое."]
    >>> pages = [["ОФ «Правозащитный центр»", line, f"- {n} -"] for n, line in enumerate(body, 1)]
    >>> remove_running_lines(pages)
    [['Митинг разогнан.'], ['Задержаны трое.'], ['Оштрафованы двое.']]

Lines that differ only in numbers which do not count the pages stay:

    >>> pages = [[f"Задержано {n} человек.", line] for n, line in zip((5, 12, 3), body)]
    >>> remove_running_lines(pages) == pages
    True

    A line repeated on two pages of a longer document stays:

    >>> pages = [["Задержан.", "а"], ["Задержан.", "б"], ["в"], ["г"], ["д"]]
    >>> remove_running_lines(pages) == pages
    True
    """
    top_keys = _running_keys(pages, 0)
    bottom_keys = _running_keys(pages, 1)
    numbered = _page_number_lines(pages)
    result = []
    for page_index, lines in enumerate(pages):
        top, bottom = _edge_indices(lines)
        drop = {i for i in top if line_key(lines[i]) in top_keys}
        drop |= {i for i in bottom if line_key(lines[i]) in bottom_keys}
        drop |= {i for p, i in numbered if p == page_index}
        result.append([line for i, line in enumerate(lines) if i not in drop])
    return result
