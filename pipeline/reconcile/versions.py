"""Align two versions of one text so spans on one map onto the other.

An annotator's text drifts from the current clean text: the normaliser changes,
or the annotator worked on raw text with line breaks, double spaces and
line-end hyphens. Whitespace is ignored outright; the characters the normaliser
treats as one (Latin look-alikes of Cyrillic letters, quotes, dashes, invisible
characters: ``models/homoglyphs.json`` and ``models/normalise_chars.json``, the
tables the normaliser itself reads), ё and case are folded; the rest is aligned
word by word (fast on long texts) and, inside the gaps between matching words,
character by character.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from ..resources import load_json

_WORD = re.compile(r"\S+")
_MAX_GAP = 4000  # characters; longer unmatched stretches are left unaligned


@cache
def _tables() -> tuple[dict[int, str], dict[int, str], frozenset[str]]:
    """The normaliser's tables as two translations (before and after lower-casing) and
    the characters the normaliser deletes."""
    chars = load_json("normalise_chars.json")
    look_alikes = {ord(latin): cyrillic for latin, cyrillic in load_json("homoglyphs.json")["latin_to_cyrillic"].items()}
    quotes = {*chars["double_quotes"], *chars["single_quotes"], *chars["single_quotes"].values(),
              chars["open_quote"], chars["close_quote"]}
    folded = {ord("ё"): "е", **{ord(q): '"' for q in quotes},
              **{ord(d): "-" for d in (*chars["dashes"], *chars["hyphens"], chars["dash"])}}
    ignored = frozenset({chars["soft_hyphen"], *chars["deleted"]})
    return look_alikes, folded, ignored


def fold(char: str) -> str:
    """One character in the form used for comparison (same length, one char).

    >>> fold("Ё"), fold("o"), fold("«"), fold("—"), fold("T"), fold("M")
    ('е', 'о', '"', '-', 'т', 'м')
    """
    look_alikes, folded, _ = _tables()
    lowered = char.translate(look_alikes).lower()
    if len(lowered) != 1:
        lowered = char
    return lowered.translate(folded)


def _ignored(char: str) -> bool:
    return char in _tables()[2]


@dataclass(frozen=True, slots=True)
class VersionAlignment:
    """A map from offsets of one version of a text (``source``) to another (``target``).

    ``char_map[i]`` is the target offset of source character ``i``, or -1 when
    the character is whitespace or has no counterpart.
    """

    source: str
    target: str
    char_map: tuple[int, ...]

    def map_span(self, start: int, end: int, min_share: float = 0.8) -> tuple[int, int] | None:
        """The target span for a source span, or None if it cannot be mapped.

        The span's visible characters must mostly (``min_share``) have a
        counterpart, in order, and the target span must not be much longer.
        """
        if not 0 <= start < end <= len(self.source):
            return None
        visible = [i for i in range(start, end) if not _skipped(self.source[i])]
        if not visible:
            return None
        mapped = [self.char_map[i] for i in visible if self.char_map[i] >= 0]
        if len(mapped) < min_share * len(visible) or mapped != sorted(mapped):
            return None
        first, last = mapped[0], mapped[-1] + 1
        target_visible = sum(1 for c in self.target[first:last] if not _skipped(c))
        if target_visible > len(visible) / min_share + 1:
            return None
        return first, last

    def map_offset(self, offset: int) -> int:
        """The target offset at or before a source offset (for locating a spot)."""
        for i in range(min(offset, len(self.char_map) - 1), -1, -1):
            if self.char_map[i] >= 0:
                return self.char_map[i]
        return 0


def _skipped(char: str) -> bool:
    return char.isspace() or _ignored(char)


def align_versions(source: str, target: str) -> VersionAlignment:
    """Align ``source`` to ``target``; identical texts map to themselves.

    >>> a = align_versions("Бахыт  Туме-\\nнова задержана", "Бахыт Туменова задержана")
    >>> a.map_span(7, 17)
    (6, 14)
    >>> a.target[6:14]
    'Туменова'
    """
    if source == target:
        return VersionAlignment(source, target, tuple(range(len(source))))
    char_map = [-1] * len(source)
    source_words = [(m.start(), m.group()) for m in _WORD.finditer(source)]
    target_words = [(m.start(), m.group()) for m in _WORD.finditer(target)]
    folded_source = ["".join(map(fold, w)) for _, w in source_words]
    folded_target = ["".join(map(fold, w)) for _, w in target_words]
    matcher = difflib.SequenceMatcher(None, folded_source, folded_target, autojunk=False)
    si = ti = 0  # first word of the current unmatched gap
    for block in matcher.get_matching_blocks():
        _align_gap(source, target, source_words[si:block.a], target_words[ti:block.b], char_map)
        for k in range(block.size):
            s_at, word = source_words[block.a + k]
            t_at, _ = target_words[block.b + k]
            for j in range(len(word)):
                char_map[s_at + j] = t_at + j
        si, ti = block.a + block.size, block.b + block.size
    return VersionAlignment(source, target, tuple(char_map))


def _visible_chars(text: str, words: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """The folded non-whitespace characters of some words and their offsets."""
    chars, offsets = [], []
    for at, word in words:
        for j, char in enumerate(word):
            if not _ignored(char):
                chars.append(fold(char))
                offsets.append(at + j)
    return "".join(chars), offsets


def _align_gap(source: str, target: str, source_words, target_words, char_map: list[int]) -> None:
    """Align, character by character, a stretch where the words differ."""
    if not source_words or not target_words:
        return
    s_chars, s_offsets = _visible_chars(source, source_words)
    t_chars, t_offsets = _visible_chars(target, target_words)
    if len(s_chars) > _MAX_GAP or len(t_chars) > _MAX_GAP:
        return
    if s_chars == t_chars:  # only whitespace or soft hyphens differ
        for s, t in zip(s_offsets, t_offsets):
            char_map[s] = t
        return
    matcher = difflib.SequenceMatcher(None, s_chars, t_chars, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            char_map[s_offsets[block.a + k]] = t_offsets[block.b + k]
