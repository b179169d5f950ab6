"""Word repairs: Latin look-alike letters and letter-spaced words.

Both are decided with the dictionary (pymorphy3), never with lists of words: a word
is "known" when pymorphy3 finds it in its dictionary, with ё folded to е.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .align import Alignment, AlignmentBuilder, rewrite_pieces
from ..nlp import morph_analyzer, parse_word
from ..resources import lexicon_index, load_json

# Ordinary one-letter Russian words: they stand alone in prose, so a run of them
# is prose, not a letter-spaced word.
ONE_LETTER_WORDS = frozenset("авиксуояжбАВИКСУОЯЖБ")

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=200_000)
def word_frequency(word: str) -> float:
    """Zipf frequency of a Russian word (0 for unseen, 7+ for the commonest).

    >>> word_frequency("митинг") > word_frequency("ив") > word_frequency("щих")
    True
    """
    from wordfreq import zipf_frequency  # on first use: ~0.2 s of imports a text that never asks does not pay

    return zipf_frequency(word.lower(), "ru")


@lru_cache(maxsize=200_000)
def is_known_word(word: str) -> bool:
    """True when pymorphy3's dictionary holds the word (case and ё ignored).

    >>> is_known_word("бастующих"), is_known_word("щих"), is_known_word("Кое-как")
    (True, False, True)
    """
    return morph_analyzer().word_is_known(word.lower().replace("ё", "е"))


# --- Latin look-alike letters ------------------------------------------------


@lexicon_index  # built before a batch forks: since round 17 only a word with Latin letters asks for it
def _homoglyph_tables() -> tuple[dict[int, str], dict[int, str], frozenset[str]]:
    table = load_json("homoglyphs.json")
    to_cyrillic = {ord(k): v for k, v in table["latin_to_cyrillic"].items()}
    to_latin = {ord(v): k for k, v in table["latin_to_cyrillic"].items()}
    return to_cyrillic, to_latin, frozenset(table["roman_numeral_letters"])


def _script_fix(word: str, before_cyrillic: bool, after_cyrillic: bool) -> str | None:
    """The word in one script, or None when it should stay as it is."""
    to_cyrillic, to_latin, roman = _homoglyph_tables()
    n_cyrillic = len(_CYRILLIC.findall(word))
    n_latin = len(_LATIN.findall(word))
    if n_latin == 0:
        return None
    as_cyrillic = word.translate(to_cyrillic)
    cyrillic_ok = not _LATIN.search(as_cyrillic)
    if n_cyrillic == 0:
        # A whole Latin word: only a short look-alike between Russian words whose
        # Cyrillic reading is a Russian word (a Latin "c" for the preposition "с").
        if not (cyrillic_ok and before_cyrillic and after_cyrillic and len(word) <= 3):
            return None
        is_roman = set(word) <= roman and (len(word) > 1 or word in "IVX")
        if is_roman or not (is_known_word(as_cyrillic) or word_frequency(as_cyrillic) >= 3.0):
            return None
        return as_cyrillic
    as_latin = word.translate(to_latin)
    latin_ok = not _CYRILLIC.search(as_latin)
    if cyrillic_ok and (not latin_ok or n_cyrillic >= n_latin):
        return as_cyrillic
    if latin_ok:
        return as_latin
    return None


_LATIN_RUN = re.compile(_LATIN.pattern + "+")


def _words_with_latin(text: str, words: list[re.Match]) -> list[int]:
    """The indices, in order, of the ``words`` holding a Latin letter, the only words
    :func:`_script_fix` changes: found from the text's runs of Latin letters rather than by
    looking into every word (most are Cyrillic only). A run can cross words (``×`` is in
    the Latin range and in no word): every word it overlaps is taken.

    >>> text = "в Казаxстане рoлиция c ними, 3a×b EURО"
    >>> words = list(_WORD.finditer(text))
    >>> [words[i].group() for i in _words_with_latin(text, words)]
    ['Казаxстане', 'рoлиция', 'c', 'a', 'b', 'EURО']
    """
    starts = [match.start() for match in words]
    found: list[int] = []
    for letters in _LATIN_RUN.finditer(text):
        first = max(bisect.bisect_right(starts, letters.start()) - 1, 0)
        for index in range(first, bisect.bisect_left(starts, letters.end())):
            if words[index].end() > letters.start() and (not found or found[-1] < index):
                found.append(index)
    return found


def fix_homoglyphs(text: str) -> Alignment:
    """Put look-alike letters of the wrong script into the word's own script.

    >>> fix_homoglyphs("в Казаxстане рoлиция c ними, EURО").text
    'в Казахстане ролиция с ними, EURO'
    """
    builder = AlignmentBuilder(text)
    words = list(_WORD.finditer(text))

    def has_cyrillic(i: int) -> bool:
        return bool(_CYRILLIC.search(words[i].group()))

    def has_latin(i: int) -> bool:
        return bool(_LATIN.search(words[i].group())) and not has_cyrillic(i)

    for index in _words_with_latin(text, words):
        match = words[index]
        word = match.group()
        if word.isascii() and len(word) > 3:
            continue  # a Latin word: nothing to fix, skip the lookups
        # A whole-Latin short word counts as Russian when a neighbour word is
        # Cyrillic and neither is Latin ("C 10 утра").
        before = index > 0 and has_cyrillic(index - 1)
        after = index + 1 < len(words) and has_cyrillic(index + 1)
        latin_near = (index > 0 and has_latin(index - 1)) or (index + 1 < len(words) and has_latin(index + 1))
        russian_context = (before or after) and not latin_near
        fixed = _script_fix(word, russian_context, russian_context)
        if fixed is None:
            continue
        for offset, (old, new) in enumerate(zip(word, fixed)):
            if old != new:
                builder.replace(match.start() + offset, match.start() + offset + 1, new)
    return builder.build()


# --- Letter-spaced words -----------------------------------------------------

_CLOSING = ".,:;!?…»)"
_OPENING = "«("
_QUOTES = '"“”„'  # direction read from the gaps around them
_CELL = rf"[{_OPENING}{_QUOTES}]?[^\W_][{_CLOSING}{_QUOTES}]{{0,2}}|[{_OPENING}{_CLOSING}{_QUOTES}]"
_GAP = r"(?: {1,3}|[ \t]*\n[ \t]*(?:\n[ \t]*)?)"
_SPACED_RUN = re.compile(rf"(?<!\S)(?:{_CELL})(?:{_GAP}(?:{_CELL}))+(?!\S)")
_SPLIT_CELLS = re.compile(rf"{_CELL}")
_MIN_LETTERS = 4  # fewer single letters in a row is prose: "а я и"
_MIN_UNKNOWN_RUN = 6  # evenly spaced letters making no known word: a spaced name if this long
_MAX_WORD = 30
# Segmentation costs (tuned on word n-grams of Russian testimony, see tests).
_WORD_COST = 1.5
_MIN_WORD_COST = 0.5
_UNKNOWN_BASE, _UNKNOWN_PER_LETTER = 4.0, 1.2
_SHORT_WORD_MIN_FREQUENCY = 4.5
_NAME_MIN_FREQUENCY = 1.5


def _chunk_cost(chunk: str) -> float | None:
    """Cost of reading ``chunk`` as one word: minus log-frequency, plus a cost per word.

    None if its case forbids it (a capital inside a lower-case word). Unknown words
    (names, typos) cost more the longer they are, so long runs still get split.
    """
    if chunk.isdigit():
        return _MIN_WORD_COST
    if not chunk.isalpha():
        return None
    if not (chunk.islower() or chunk.isupper() or chunk[0].isupper() and chunk[1:].islower()):
        return None
    unknown = _UNKNOWN_BASE + _UNKNOWN_PER_LETTER * len(chunk)
    if len(chunk) == 1 and chunk not in ONE_LETTER_WORDS:
        return unknown
    frequency = word_frequency(chunk)
    # Short rare strings (ив, ма) are known words too often to be trusted.
    if len(chunk) <= 2 and frequency < _SHORT_WORD_MIN_FREQUENCY:
        return unknown
    if not (is_known_word(chunk) or frequency >= _NAME_MIN_FREQUENCY):
        return unknown
    if not chunk.isupper() and _is_abbreviation(chunk):
        return unknown  # НАТО is written in capitals; lower-case "нато" is "на то"
    return _WORD_COST + max(_MIN_WORD_COST, 8.0 - frequency)


def segment_letters(letters: str) -> list[str]:
    """Split letters run together into the cheapest sequence of dictionary words.

    >>> segment_letters("Несмотрянато")
    ['Несмотря', 'на', 'то']
    >>> segment_letters("ЗАЯВЛЕНИЕ")
    ['ЗАЯВЛЕНИЕ']
    """
    n = len(letters)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - _MAX_WORD), end):
            if best[start][0] == float("inf"):
                continue
            cost = _chunk_cost(letters[start:end])
            if cost is not None and best[start][0] + cost < best[end][0]:
                best[end] = (best[start][0] + cost, start)
    if best[n][0] == float("inf"):
        return [letters]
    words, end = [], n
    while end > 0:
        start = best[end][1]
        words.append(letters[start:end])
        end = start
    return words[::-1]


@lru_cache(maxsize=50_000)
def _is_abbreviation(word: str) -> bool:
    parses = [p for p in parse_word(word.lower()) if p.is_known]
    return bool(parses) and all("Abbr" in p.tag for p in parses)


def _is_unknown(word: str) -> bool:
    cost = _chunk_cost(word)
    return cost is None or cost >= _UNKNOWN_BASE + _UNKNOWN_PER_LETTER * len(word)


def _group_words(letters: str, gap_structured: bool) -> list[str]:
    """Words of one group of cells between word gaps."""
    if gap_structured and (len(letters) == 1 or is_known_word(letters) or not letters.isalpha()):
        return [letters]
    words = segment_letters(letters)
    if gap_structured and len(words) > 1 and all(_is_unknown(w) for w in words):
        return [letters]
    return words


def _join_spaced_run(match: re.Match, builder: AlignmentBuilder) -> None:
    cells = list(_SPLIT_CELLS.finditer(match.string, match.start(), match.end()))
    letters_in_run = sum(1 for c in cells if c.group().strip(_OPENING + _CLOSING + _QUOTES))
    if letters_in_run < _MIN_LETTERS:
        return
    gaps = [match.string[a.end() : b.start()] for a, b in zip(cells, cells[1:])]
    line_gaps = ["\n" in g for g in gaps]
    widths = [len(g) for g, newline in zip(gaps, line_gaps) if not newline]
    narrow = min(widths) if widths else 1
    gap_structured = any(w > narrow for w in widths)

    # A word boundary: a wider gap, a line end, punctuation, or a script/case change.
    boundary = []
    for i, gap in enumerate(gaps):
        left, right = cells[i].group(), cells[i + 1].group()
        boundary.append(
            line_gaps[i] or len(gap) > narrow or left[-1] in _CLOSING + _QUOTES or right[0] in _OPENING + _QUOTES
            or right[0] in _CLOSING or (not gap_structured and left.isdigit() != right.isdigit())
            or (left[-1].islower() and right[0].isupper())
        )
    # A quote standing alone opens after a word gap (or at the start) and closes otherwise.
    opening = [c.group() in _OPENING for c in cells]
    closing = [c.group() in _CLOSING for c in cells]
    for k, cell in enumerate(cells):
        if cell.group() in _QUOTES:
            opens = k == 0 or line_gaps[k - 1] or len(gaps[k - 1]) > narrow
            opening[k], closing[k] = opens, not opens
            boundary[k - 1 if k else 0] = boundary[k - 1 if k else 0] or closing[k]
    # Letters of each group, and for each gap inside a group whether words split there.
    split_at = list(boundary)
    produced: list[str] = []
    group_start = 0
    for i in range(len(cells)):
        if i == len(cells) - 1 or boundary[i]:
            letters = "".join(c.group().strip(_OPENING + _CLOSING + _QUOTES) for c in cells[group_start : i + 1])
            if letters:
                position = group_start
                words = _group_words(letters, gap_structured)
                produced.extend(words)
                for word in words[:-1]:
                    position += len(word)
                    split_at[position - 1] = True
            group_start = i + 1
    if all(split_at[i] or not cells[i].group().isalpha() for i in range(len(gaps))):
        return  # every letter stays a word of its own: this is prose, leave it
    if not gap_structured and letters_in_run < _MIN_UNKNOWN_RUN and not any(len(w) > 2 and is_known_word(w) for w in produced):
        return  # evenly spaced letters that make no dictionary word are not a spaced word
    for i, gap in enumerate(gaps):
        start, end = cells[i].end(), cells[i + 1].start()
        right = cells[i + 1].group()
        if line_gaps[i]:
            continue  # the layout pass decides line ends
        if not split_at[i] or closing[i + 1] or opening[i]:
            builder.delete(start, end)
        else:
            builder.replace(start, end, " ")


def join_letter_spacing(text: str) -> Alignment:
    """Close up letter-spaced words (``Н е с м о т р я  н а`` -> ``Несмотря на``).

    Wider gaps mark word ends when the spacing has them; otherwise the letters are
    split into dictionary words. Prose made of one-letter words is left alone.

    >>> join_letter_spacing("Н е с м о т р я  н а  т о ,  ч т о  право").text
    'Несмотря на то, что  право'
    >>> join_letter_spacing("м и т и н г и в Москве").text
    'митинги в Москве'
    """
    return rewrite_pieces(text, _SPACED_RUN, _join_spaced_run)
