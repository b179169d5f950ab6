"""Glyphs into lines of words: rows by baseline, scripts kept apart, word gaps.

**Rows.** Glyphs are grouped by their baseline (the origin they are drawn from,
not their box: letters with descenders sit on the same baseline as the rest).
A short run of smaller glyphs raised above or lowered below a row, right beside
its glyphs, is a superscript or subscript of that row (a footnote marker, a
unit's exponent) and joins it marked ``script``, rather than becoming a line of
its own that splits the row in two.

**Scripts.** A superscript that is a footnote marker (digits, ``*``, ``†``) is
dropped, so it is never glued to the word it follows (``центра1``); any other
script run is kept as a word of its own.

**Word gaps.** The content stream's own spaces come first: a space glyph the
file draws (NBSP included) always breaks a word; a space PDFium inserted (its
word segmentation) breaks it unless the gap is no wider than the letter
spacing around it (a letter-spaced word). Where the stream says nothing,
geometry adds the gaps that are missing: a gap is a word break when it is wide
for the font size *and* wide compared with the usual gap between the letters
around it, so tracking is not mistaken for spaces and words placed apart
without a space glyph are not glued.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from operator import itemgetter

from pipeline.extract.pdfium_text import PDFIUM_SPACE, STREAM_SPACE

# Word gaps are measured in ems (fractions of the font size).
MIN_WORD_GAP = 0.15  # narrower than this is never a space (kerning, tracking)
WORD_GAP_OVER_TRACKING = 0.08  # a space is at least this much wider than the local tracking
TRACKING_FACTOR = 1.6  # ... and this many times the local inter-letter gap
NEIGHBOUR_GAPS = 4  # gaps on each side that tell the local inter-letter gap
SPACED_RUN_MARGIN = 0.04  # a letter-spaced run is bounded by gaps at least this much wider
ROW_TOLERANCE = 0.2  # baselines closer than this (in ems) are one row

# Scripts: smaller than their row, off its baseline, short and right beside it.
SCRIPT_SIZE = 0.9  # at most this share of the row's size
SCRIPT_RISE = (-0.45, 0.9)  # baseline offset from the row's, in the row's ems (up is positive)
SCRIPT_MIN_OFFSET = 0.1  # a glyph in the row this far off its baseline is a script too
SCRIPT_MAX_GLYPHS = 6
SCRIPT_REACH = 1.0  # ems between a script run and the nearest glyph of its row

_MARKER = re.compile(r"^[\d*†‡§¹²³⁰⁴-⁹,.\-–()\[\]]{1,8}$")


def _size(glyph: dict) -> float:
    return glyph["size"]


_SIZE_OF = itemgetter("size")


# ----------------------------------------------------------------------- rows


def _main_size(glyphs: list[dict]) -> float:
    """The size most of a row's letters are set in."""
    sizes: dict[float, int] = {}
    # counted as drawn first (a row has a size or two), then each distinct size rounded once
    for size, count in Counter(map(_SIZE_OF, glyphs)).items():
        key = round(size, 1)
        sizes[key] = sizes.get(key, 0) + count
    return max(sizes.items(), key=lambda item: (item[1], item[0]))[0]


def _cluster_rows(glyphs: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    first_baseline = 0.0
    for glyph in sorted(glyphs, key=lambda g: (g["baseline"], g["x0"])):
        if rows and glyph["baseline"] - first_baseline <= ROW_TOLERANCE * max(glyph["size"], rows[-1][0]["size"]):
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
            first_baseline = glyph["baseline"]
    return rows


def _runs(glyphs: list[dict], reach: float) -> list[list[dict]]:
    """A row's glyphs split where they stand more than ``reach`` ems apart."""
    runs: list[list[dict]] = []
    for glyph in sorted(glyphs, key=lambda g: g["x0"]):
        if runs and glyph["x0"] - runs[-1][-1]["x1"] <= reach * glyph["size"]:
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    return runs


def _host(run: list[dict], size: float, baseline: float, rows: list[dict]) -> dict | None:
    """The row a small, raised or lowered run of glyphs belongs to, if any."""
    best, best_distance = None, math.inf
    for row in rows:
        if not row["glyphs"] or size > SCRIPT_SIZE * row["size"]:
            continue
        rise = (row["baseline"] - baseline) / row["size"]
        if not SCRIPT_RISE[0] <= rise <= SCRIPT_RISE[1] or abs(rise) < SCRIPT_MIN_OFFSET:
            continue
        reach = SCRIPT_REACH * row["size"]
        left, right = run[0]["x0"] - reach, run[-1]["x1"] + reach
        if not any(g["x1"] >= left and g["x0"] <= right for g in row["glyphs"] if not g.get("script")):
            continue
        if abs(rise) < best_distance:
            best, best_distance = row, abs(rise)
    return best


def group_rows(glyphs: list[dict]) -> list[list[dict]]:
    """Glyphs grouped into rows top to bottom, each left to right; scripts join their row.

    A script glyph is marked ``glyph["script"] = True``.
    """
    rows = []
    for glyphs_of_row in _cluster_rows(glyphs):
        size = _main_size(glyphs_of_row)
        main = [g["baseline"] for g in glyphs_of_row if abs(g["size"] - size) < 0.05 * size]
        rows.append({"glyphs": glyphs_of_row, "size": size,
                     "baseline": _median(main or [g["baseline"] for g in glyphs_of_row])})
    # Small runs beside a bigger row: superscripts and subscripts of it. Rows are in
    # baseline order, so the host is among the few rows around.
    largest = max((row["size"] for row in rows), default=0.0)
    for index, row in enumerate(rows):
        if not row["glyphs"] or min(g["size"] for g in row["glyphs"]) > SCRIPT_SIZE * largest:
            continue
        nearby = [r for r in rows[max(0, index - 3) : index + 4] if r is not row]
        for run in _runs(row["glyphs"], SCRIPT_REACH):
            if len(run) > SCRIPT_MAX_GLYPHS:
                continue
            host = _host(run, _main_size(run), _median([g["baseline"] for g in run]), nearby)
            if host is None:
                continue
            for glyph in run:
                glyph["script"] = True
                row["glyphs"].remove(glyph)
            host["glyphs"].extend(run)
    # Glyphs within a row but set small and off its baseline (a slight rise).
    for row in rows:
        for glyph in row["glyphs"]:
            if (glyph["size"] <= SCRIPT_SIZE * row["size"]
                    and abs(glyph["baseline"] - row["baseline"]) >= SCRIPT_MIN_OFFSET * row["size"]):
                glyph["script"] = True
    return [sorted(row["glyphs"], key=lambda g: g["x0"]) for row in rows if row["glyphs"]]


# ------------------------------------------------------------------ word gaps


def _drop_duplicates(line: list[dict]) -> list[dict]:
    """Drop glyphs drawn twice in place (fake bold, shadow text)."""
    kept: list[dict] = []
    for glyph in line:
        if kept and glyph["text"] == kept[-1]["text"] and abs(glyph["x0"] - kept[-1]["x0"]) < 0.1 * _size(glyph):
            continue
        kept.append(glyph)
    return kept


def _median(values: list[float]) -> float:
    """The median of a short list (``statistics.median`` costs more than the sort here)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def word_breaks(glyphs: list[dict]) -> list[bool]:
    """``breaks[i]``: a word break before glyph ``i`` of a line (left to right)."""
    n = len(glyphs)
    # each neighbour pair once, its fields read in place (no call per pair: a page has ~2,000)
    pairs = list(zip(glyphs, glyphs[1:]))
    gaps = [(right["x0"] - left["x1"]) / max(right["size"], left["size"]) for left, right in pairs]
    # what the stream put between two neighbours on the line; None when they are not stream neighbours
    stream = [None] + [right["space"] if right["seq"] == left["seq"] + 1 else None for left, right in pairs]
    spaced = [s == STREAM_SPACE for s in stream]
    breaks = [False] * n
    for i in range(1, n):
        gap = gaps[i - 1]
        if spaced[i]:
            breaks[i] = True
            continue
        if gap <= MIN_WORD_GAP and stream[i] != PDFIUM_SPACE:
            continue  # too narrow for a space whatever the tracking
        # Gaps at space glyphs are known word breaks, not tracking: leave them out.
        around = [
            gaps[j - 1]
            for j in (*range(max(1, i - NEIGHBOUR_GAPS), i), *range(i + 1, min(n, i + 1 + NEIGHBOUR_GAPS)))
            if not spaced[j] and stream[j] != PDFIUM_SPACE
        ]
        tracking = max(_median(around), 0.0) if around else 0.0
        if stream[i] == PDFIUM_SPACE:
            # PDFium saw a word gap: trust it unless the gap is just the letter spacing.
            breaks[i] = gap > tracking + WORD_GAP_OVER_TRACKING / 2 or gap > TRACKING_FACTOR * tracking
        else:
            breaks[i] = (
                gap > MIN_WORD_GAP and gap > TRACKING_FACTOR * tracking and gap > tracking + WORD_GAP_OVER_TRACKING
            )
    _join_spaced_letters(glyphs, gaps, breaks, spaced)
    return breaks


def _join_spaced_letters(glyphs: list[dict], gaps: list[float], breaks: list[bool], spaced: list[bool]) -> None:
    """Join a short letter-spaced word among normal ones (``в с е`` between words).

    The local tracking cannot show it, as its neighbours are unspaced. A run of
    two or more single letters split only by gaps of one width, with wider gaps
    (or the line's ends) on both sides, is one word. Single-letter words in a
    row (``и в``) are spaced like their neighbours, so they stay apart.
    """
    starts = [i for i in range(len(glyphs)) if i == 0 or breaks[i]]
    ends = starts[1:] + [len(glyphs)]
    # One letter or digit, perhaps with punctuation around it: «в, с, е».
    singles = [i for i, end in zip(starts, ends) if sum(g["text"].isalnum() for g in glyphs[i:end]) == 1]
    end_of = dict(zip(starts, ends))
    run: list[int] = []
    for i in singles + [-1]:
        if run and i == end_of[run[-1]] and not spaced[i]:
            run.append(i)
            continue
        if len(run) >= 2:
            inner = [gaps[j - 1] for j in run[1:]]
            last_end = end_of[run[-1]]
            before = gaps[run[0] - 1] if run[0] > 0 and not spaced[run[0]] else math.inf
            after = gaps[last_end - 1] if last_end < len(glyphs) and not spaced[last_end] else math.inf
            even = max(inner) - min(inner) <= 0.25 * max(inner) + 0.03
            if even and min(before, after) > max(inner) + SPACED_RUN_MARGIN:
                for j in run[1:]:
                    breaks[j] = False
        run = [i]


def is_marker(text: str) -> bool:
    """Whether a superscript's text is a footnote marker (dropped from the line).

    >>> is_marker("12"), is_marker("*"), is_marker("1,3"), is_marker("Ж"), is_marker("см")
    (True, True, True, False, False)
    """
    return bool(_MARKER.match(text))


def line_text(line: list[dict]) -> str:
    """One line's text: words from the stream's spaces and the gaps, footnote markers dropped."""
    glyphs = _drop_duplicates(line)
    if not glyphs:
        return ""
    breaks = word_breaks(glyphs)
    words: list[str] = []
    pieces: list[str] = []
    index = 0
    while index < len(glyphs):
        glyph = glyphs[index]
        if glyph.get("script"):
            end = index
            while end < len(glyphs) and glyphs[end].get("script"):
                end += 1
            run = "".join(g["text"] for g in glyphs[index:end])
            raised = glyph["baseline"] < _row_baseline(glyphs)
            if not (raised and is_marker(run)):
                pieces.append(" " + run + " ")
            elif end < len(glyphs) and (breaks[end] or breaks[index]):
                pieces.append(" ")
            if end < len(glyphs):
                breaks[end] = False
            index = end
            continue
        pieces.append((" " if breaks[index] and index else "") + glyph["text"])
        index += 1
    words.append("".join(pieces))
    return re.sub(r" {2,}", " ", "".join(words)).strip()


def _row_baseline(glyphs: list[dict]) -> float:
    main = [g["baseline"] for g in glyphs if not g.get("script")]
    return _median(main) if main else glyphs[0]["baseline"]
