"""Reading order of a page's rows: columns found from the layout before lines are joined.

A two-column page read row by row interleaves its columns line by line. Here a
column gutter is found from the page itself: a vertical strip of white that
runs down a block of consecutive rows, with text on both sides of it, and that
is wider than the word gaps of the rows it crosses (justification spreads a
row's spare space over all its word gaps, so a river of word gaps is as wide
as its row's other gaps; a gutter is not). Such a block is read column by
column (left, then right; a column may split again), and the page's blocks top
to bottom. Rows that cross every candidate gutter (a title, a full-width
paragraph, a footnote rule) end a block.

Works whether the columns' baselines line up (LaTeX, reportlab frames) or not
(browsers' CSS columns), since a row with text on one side only keeps the
gutter open.
"""

from __future__ import annotations

import statistics

MIN_GUTTER = 0.5  # ems of body text: the narrowest white strip that can be a gutter
MIN_SIDE_ROWS = 3  # rows with text on each side of a gutter
MIN_COLUMN = 8.0  # ems: the narrowest column
MARGIN = 2.0  # ems: a gutter stands this far inside the page's text on both sides
GUTTER_OVER_WORD_GAP = 1.5  # a gutter is this many times wider than its row's word gaps
DISTINCT_SHARE = 0.66  # ... in at least this share of the rows that cross it with text on both sides
MAX_DEPTH = 2  # columns split at most this many times (four columns)

Interval = tuple[float, float]


def _free(row: list[dict], left: float, right: float, min_width: float) -> list[Interval]:
    """White strips of a row between ``left`` and ``right``, at least ``min_width`` wide."""
    free, edge = [], left
    for glyph in row:  # sorted by x0
        if glyph["x0"] - edge >= min_width:
            free.append((edge, glyph["x0"]))
        edge = max(edge, glyph["x1"])
    if right - edge >= min_width:
        free.append((edge, right))
    return free


def _intersect(a: list[Interval], b: list[Interval], min_width: float) -> list[Interval]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= min_width:
                out.append((lo, hi))
    return out


def _word_gaps(row: list[dict], size: float) -> list[float]:
    gaps = [b["x0"] - a["x1"] for a, b in zip(row, row[1:])]
    return [gap for gap in gaps if gap > 0.15 * size]


def _gutter_holds(rows: list[list[dict]], gutter: Interval, left: float, right: float, size: float) -> bool:
    g0, g1 = gutter
    left_rows = [r for r in rows if any(g["x1"] <= g0 for g in r)]
    right_rows = [r for r in rows if any(g["x0"] >= g1 for g in r)]
    if len(left_rows) < MIN_SIDE_ROWS or len(right_rows) < MIN_SIDE_ROWS:
        return False
    left_edge = min(g["x0"] for r in left_rows for g in r if g["x1"] <= g0)
    right_edge = max(g["x1"] for r in right_rows for g in r if g["x0"] >= g1)
    if g0 - left_edge < MIN_COLUMN * size or right_edge - g1 < MIN_COLUMN * size:
        return False
    right_ids = {id(r) for r in right_rows}
    both = [r for r in left_rows if id(r) in right_ids]
    distinct = 0
    for row in both:
        before = max(g["x1"] for g in row if g["x1"] <= g0)
        after = min(g["x0"] for g in row if g["x0"] >= g1)
        others = [gap for gap in _word_gaps(row, size) if gap < after - before - 1e-6]
        if not others or after - before >= GUTTER_OVER_WORD_GAP * statistics.median(others):
            distinct += 1
    return not both or distinct >= DISTINCT_SHARE * len(both)


def _split(rows: list[list[dict]], gutter: Interval) -> tuple[list[list[dict]], list[list[dict]]]:
    middle = (gutter[0] + gutter[1]) / 2
    left = [[g for g in row if (g["x0"] + g["x1"]) / 2 < middle] for row in rows]
    right = [[g for g in row if (g["x0"] + g["x1"]) / 2 >= middle] for row in rows]
    return [r for r in left if r], [r for r in right if r]


def _order(rows: list[list[dict]], left: float, right: float, size: float, depth: int) -> list[list[dict]]:
    if depth >= MAX_DEPTH or len(rows) < 2 * MIN_SIDE_ROWS:
        return rows
    min_width = MIN_GUTTER * size
    # Gutters lie inside the text: white at the margins (indents, ragged ends) is no gutter.
    inner_left, inner_right = left + MARGIN * size, right - MARGIN * size
    free = [_free(row, inner_left, inner_right, min_width) for row in rows]
    out: list[list[dict]] = []
    i = 0
    while i < len(rows):
        candidates = free[i]
        j = i + 1
        while j < len(rows) and candidates:
            narrowed = _intersect(candidates, free[j], min_width)
            if not narrowed:
                break
            candidates, j = narrowed, j + 1
        block = rows[i:j]
        gutters = [g for g in candidates if _gutter_holds(block, g, left, right, size)] if j - i >= 2 else []
        if not gutters:
            out.append(rows[i])
            i += 1
            continue
        gutter = max(gutters, key=lambda g: g[1] - g[0])
        first, second = _split(block, gutter)
        out += _order(first, left, gutter[0], size, depth + 1)
        out += _order(second, gutter[1], right, size, depth + 1)
        i = j
    return out


def reading_order(rows: list[list[dict]]) -> list[list[dict]]:
    """Rows (top to bottom, each left to right) as lines in reading order, columns one after another."""
    body = [g for row in rows for g in row if not g.get("script")]
    if len(rows) < 2 * MIN_SIDE_ROWS or not body:
        return rows
    size = statistics.median(g["size"] for g in body)
    left, right = min(g["x0"] for g in body), max(g["x1"] for g in body)
    return _order(rows, left, right, size, 0)
