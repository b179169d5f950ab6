"""The normalise stage: raw extracted text into clean text with an offset map.

Repairs what PDF extraction and OCR do to Russian text, one pass at a time, every
pass through the one alignment builder (:mod:`~pipeline.normalise.align`) so each clean character
maps back to its span of the ORIGINAL raw text (and so to its page):

1. characters: CRLF, soft hyphens, zero-width characters, NBSP and other spaces,
   ligatures, Unicode hyphens (:mod:`~pipeline.normalise.chars`);
2. Latin look-alike letters inside Cyrillic words and the reverse (:mod:`~pipeline.normalise.words`);
3. letter-spaced words closed up (``words``);
4. quotes to « », dashes to a spaced em dash (``chars``; the choice is
   documented there);
5. lines into paragraphs: wraps and page breaks inside a sentence joined, line-end
   hyphenation repaired, paragraph breaks kept as one ``\\n`` (:mod:`~pipeline.normalise.layout`);
6. look-alike letters once more, for words that step 5 joined.

Typos that are in the text itself (``присутствоать``) are left alone: only damage is
repaired. Normalising clean text changes nothing.
"""

from __future__ import annotations

from .align import compose_all
from .chars import normalise_dashes, normalise_quotes, repair_characters
from .layout import join_lines
from .words import fix_homoglyphs, join_letter_spacing
from ..records import CleanText

PASSES = (
    repair_characters,
    fix_homoglyphs,
    join_letter_spacing,
    normalise_quotes,
    normalise_dashes,
    join_lines,
    # again: a letter-spaced word wrapped over two lines is two short runs, each left as
    # prose, until the lines are joined (without this pass a second normalise would join it)
    join_letter_spacing,
    fix_homoglyphs,  # again: a joined line-end hyphenation can make a mixed-script word
)


def normalise(raw: str) -> CleanText:
    """Clean text from raw extracted text, with every clean character's raw span.

    >>> clean = normalise("расстрела бастую-\\nщих  нефтяников в Казаxстане\\f")
    >>> clean.text
    'расстрела бастующих нефтяников в Казахстане'
    >>> clean.to_raw(10, 19)
    (10, 21)
    """
    alignment = compose_all(raw, list(PASSES))
    return CleanText(alignment.text, raw, alignment.starts, alignment.ends)


UNWRAPPED_SHARE = 0.9  # clean lines per non-blank raw line in a source laid out a paragraph a line


def blank_line_breaks(clean: CleanText) -> frozenset[int]:
    """The clean text's line breaks that stand for a blank line or more of the raw text:
    where the source set a paragraph apart, which the one ``\\n`` between clean paragraphs
    no longer shows. Only in a source whose lines were not wrapped (nearly every raw line
    is a clean line): in a wrapped one the breaks normalisation keeps are its paragraphs,
    and its blank lines set off sections.

    >>> sorted(blank_line_breaks(normalise("Заголовок\\n\\nПервая фраза.\\nВторая фраза.")))
    [9]
    >>> sorted(blank_line_breaks(normalise("Первая строка абзаца\\nпродолжается здесь.\\n\\nВторой абзац.")))
    []
    """
    raw_lines = sum(1 for line in clean.raw.split("\n") if line.strip())
    if clean.text.count("\n") + 1 < UNWRAPPED_SHARE * raw_lines:
        return frozenset()
    return frozenset(i for i, char in enumerate(clean.text) if char == "\n"
                     and clean.raw.count("\n", *clean.to_raw(i, i + 1)) >= 2)
