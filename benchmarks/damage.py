"""A seeded generator of the damage PDF extraction and OCR do to Russian text.

``damage(text, kinds, seed)`` takes clean text (paragraphs separated by newlines)
and returns it as an extractor might: wrapped at a width with line-end
hyphenation, and with any of the damage kinds in :data:`KINDS`. The same seed
gives the same damage. Used by ``benchmarks/damage_wer.py`` to measure how much of
it the normaliser repairs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from functools import cache

import pyphen

# Latin letters that look like Cyrillic ones (what OCR and broken fonts swap in).
HOMOGLYPHS = dict(zip("АВСЕНКМОРТХаеорсух", "ABCEHKMOPTXaeopcyx"))

KINDS = (
    "hyphenation",  # line-end hyphenation at syllable breaks (pyphen ru_RU)
    "letter_spacing",  # some phrases set letter by letter
    "homoglyphs",  # Latin look-alike letters inside Cyrillic words
    "extra_spaces",  # doubled spaces, trailing spaces, tabs
    "nbsp",  # NBSP and thin spaces for some spaces
    "soft_hyphens",  # soft hyphens inside words
    "blank_lines",  # a blank line after every line (the 000 sample's style)
    "indentation",  # paragraphs marked by first-line indentation (the 001 sample's style)
    "page_breaks",  # form feeds between pages, some mid-sentence
    "typography",  # other quote and dash forms, CRLF line ends, ligatures
    "headers",  # running headers and page numbers on every page
)
# Headers are removed at extraction, not by the normaliser: not in the default mix.
DEFAULT_KINDS = tuple(kind for kind in KINDS if kind != "headers")

_WORD = re.compile(r"\S+")
_CYRILLIC_WORD = re.compile(r"^[«(]?[А-Яа-яЁё]+")


@cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="ru_RU")


def _spoil_words(paragraph: str, kinds: set[str], rng: random.Random) -> str:
    """Damage inside words and between them, before the text is laid out."""
    words = paragraph.split(" ")
    for i, word in enumerate(words):
        if "homoglyphs" in kinds and rng.random() < 0.08:
            letters = [j for j, c in enumerate(word) if c in HOMOGLYPHS]
            for j in rng.sample(letters, k=min(len(letters), rng.choice((1, 1, 2)))):
                word = word[:j] + HOMOGLYPHS[word[j]] + word[j + 1 :]
        if "soft_hyphens" in kinds and rng.random() < 0.08:
            positions = _hyphenator().positions(word)
            for j in sorted(rng.sample(positions, k=min(len(positions), 2)), reverse=True):
                word = word[:j] + "\u00ad" + word[j:]
        if "typography" in kinds:
            word = word.replace("«", rng.choice(("«", '"', "“", "„"))).replace("»", rng.choice(("»", '"', "”", "“")))
            word = word.replace("—", rng.choice(("—", "–", "-")))
            word = word.replace("fi", "ﬁ") if rng.random() < 0.5 else word
        words[i] = word
    glue = []
    for _ in words[1:]:
        space = " "
        if "nbsp" in kinds and rng.random() < 0.05:
            space = rng.choice(("\u00a0", "\u202f", "\u2009"))
        glue.append(space)
    return words[0] + "".join(g + w for g, w in zip(glue, words[1:]))


def _letter_space(line: str, rng: random.Random) -> str:
    """Set a run of words letter by letter: double spaces between words, or single."""
    spans = list(_WORD.finditer(line))
    if len(spans) < 2:
        return line
    first = rng.randrange(len(spans))
    last = min(len(spans), first + rng.choice((1, 2, 3, 4)))
    chosen = spans[first:last]
    if any("-" in m.group() or "\u00a0" in m.group() for m in chosen):
        return line  # hyphens are not letter-spaced (a line-end one would read as a dash)
    if sum(len(m.group()) for m in chosen) < 6:
        return line
    # Extraction mostly shows the wider word gap; sometimes a single space.
    word_gap = rng.choice(("  ", "  ", "   ", " "))
    spaced = word_gap.join(" ".join(m.group().replace("\u00ad", "")) for m in chosen)
    return line[: chosen[0].start()] + spaced + line[chosen[-1].end() :]


def _widen_spaces(line: str, rng: random.Random) -> str:
    """Double some spaces, put a tab for one, leave spaces at the line end."""
    pieces = line.split(" ")
    glue = [rng.choice(("  ", "   ", "\t", " \u00a0")) if rng.random() < 0.08 else " " for _ in pieces[1:]]
    widened = pieces[0] + "".join(g + p for g, p in zip(glue, pieces[1:]))
    return widened + " " * rng.randint(0, 2)


def _wrap(paragraph: str, width: int, hyphenate: bool, rng: random.Random) -> list[str]:
    """Greedy wrapping at ``width``; a word that does not fit may be hyphenated."""
    lines, current = [], ""
    for word in paragraph.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width or not current:
            current = candidate
            continue
        room = width - len(current) - 2
        split = None
        if hyphenate and room >= 2 and rng.random() < 0.85:
            core = word.replace("\u00ad", "")
            if "-" in core[: room + 1] and core.index("-") >= 2:
                split = core.index("-") + 1  # break a compound at its own hyphen
                head, tail = core[:split], core[split:]
            else:
                fits = [p for p in _hyphenator().positions(core) if p <= room]
                if fits:
                    split = max(fits)
                    head, tail = core[:split] + "-", core[split:]
        if split is not None and tail:
            lines.append(f"{current} {head}")
            current = tail
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _running_header(page: int, rng_state: int) -> tuple[str, str]:
    header = "Союз правозащитных организаций Казахстана" if rng_state % 2 else "Заявление для прессы"
    return header, f"- {page} -"


def damage(text: str, kinds: Iterable[str] = DEFAULT_KINDS, seed: int = 0) -> str:
    """The clean ``text`` as an extractor might return it, damaged reproducibly.

    >>> damage("Расстрел бастующих нефтяников в Жанаозене.", (), seed=1) != ""
    True
    """
    kinds = set(kinds)
    unknown = kinds - set(KINDS)
    if unknown:
        raise ValueError(f"unknown damage kinds {sorted(unknown)}; expected some of {KINDS}")
    rng = random.Random(seed)
    width = rng.randint(45, 100)
    indent = " " * rng.randint(3, 8)
    out_lines: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph:
            continue
        spoiled = _spoil_words(paragraph, kinds, rng)
        lines = _wrap(spoiled, width, "hyphenation" in kinds, rng)
        if "extra_spaces" in kinds:
            lines = [_widen_spaces(line, rng) for line in lines]
        if "letter_spacing" in kinds:
            lines = [_letter_space(line, rng) if rng.random() < 0.12 else line for line in lines]
        if "indentation" in kinds:
            lines[0] = indent + lines[0]
        out_lines.extend(lines)
        if "indentation" not in kinds:
            out_lines.append("")  # a blank line between paragraphs
    while out_lines and not out_lines[-1]:
        out_lines.pop()
    if "blank_lines" in kinds:
        spaced = []
        for line in out_lines:
            spaced.extend([line, ""])  # every line followed by a blank one; paragraphs by two
        out_lines = spaced[:-1]
    if "page_breaks" in kinds or "headers" in kinds:
        result = _paginate(out_lines, "headers" in kinds, rng)
    else:
        result = "\n".join(out_lines)
    if "typography" in kinds and rng.random() < 0.5:
        result = result.replace("\n", "\r\n")
    return result


def _paginate(lines: list[str], headers: bool, rng: random.Random) -> str:
    """Cut lines into pages joined by form feeds, with running headers if asked."""
    page_length = rng.randint(15, 45)
    style = rng.randrange(2)
    pages = []
    for number, start in enumerate(range(0, len(lines), page_length), start=1):
        page = lines[start : start + page_length]
        if headers:
            header, footer = _running_header(number, style)
            page = [header, ""] + page + ["", footer]
        pages.append("\n".join(page))
    return "\f".join(pages)
