"""Back-story: happenings told as before the story, or as a habit, and lines pointing back.

A date the story tells is not the date of a happening told as earlier (``ранее``, ``Его уже
задерживали``), as a habit, or as the cause of a penalty (``за участие в акции``); a line
that opens by pointing back at the line before (``Его доставили ...``) goes on at that line's
time. :mod:`.carried_dates` applies these; :mod:`.sentence` records them on each telling.
"""

from __future__ import annotations

from ..nlp import parse_word
from .realis_words import realis_words
from .syntax import Token, context, context_patterns, find_pattern, folded_set, has_pattern, heads_up


PERSONAL_PRONOUNS = {"он", "она", "они"}
OPENING_TOKENS = 4  # a back-reference this near the line's start opens it


def points_back(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens by pointing back at what was just told: a third-person pronoun
    (``Его доставили``, ``Кроме того, ему``) or ``тогда же`` among its first words."""
    words = [t for t in tokens if t.pos != "PUNCT"][:OPENING_TOKENS]
    return any(t.pos == "PRON" and t.lemmas & PERSONAL_PRONOUNS for t in words) or _then(tokens)


def told_before_the_story(tokens: tuple[Token, ...], anchor: int, first: int,
                          markers: list[tuple[str, ...]] | None = None) -> bool:
    """The happening is not at the time the line above tells but before it, or is a past
    habit, so a line pointing back does not give it that line's date:

    - a marker of an earlier time or a habit on its verb (``Его уже задерживали``, ``была
      задержана ранее``, ``До этого его ...``: ``earlier_markers``; the habitual and
      frequency adverbs, ``регулярно``, ``обычно``), or opening the sentence;
    - an imperfective past verb (pymorphy3's aspect: ``задерживали``, ``штрафовали``): a
      momentary happening told so happened more than once, at no one time; unless the
      line says ``тогда же``, the very time told before;
    - a happening governed by ``за`` (``за пикеты``, ``за участие в акции``): what a
      penalty is for, done before it.

    ``markers``: the scoped markers when already found (:func:`scoped_earlier_markers`)."""
    governors = _governors(tokens, anchor)
    if scoped_earlier_markers(tokens, anchor) if markers is None else markers:
        return True
    adverbs = folded_set("habitual_adverbs") | realis_words("habitual_adverbs") | realis_words("frequency_adverbs")
    if any(t.pos == "ADV" and t.lemmas & adverbs and _bears_on(tokens, governors, t.index, 1) for t in tokens):
        return True
    if tokens[anchor].pos in {"VERB", "AUX"} and not _then(tokens) and any(
            p.tag.POS == "VERB" and p.tag.aspect == "impf" and p.tag.tense == "past"
            for p in parse_word(tokens[anchor].text)[:1]):
        return True
    return _for_cause(tokens, anchor, first)


def scoped_earlier_markers(tokens: tuple[Token, ...], anchor: int) -> list[tuple[str, ...]]:
    """The markers of an earlier time (``earlier_markers``) on the happening's verb (or the
    two words above it), or opening the sentence (``До этого его ...``)."""
    governors = _governors(tokens, anchor)
    markers = context()["earlier_markers"]
    found, start = [], 0
    while (i := find_pattern(tokens, context_patterns("earlier_markers"), start, len(tokens))) is not None:
        length = max(len(p) for p in markers if has_pattern(tokens, [p], i, i + len(p)))
        if _bears_on(tokens, governors, i, length):
            found.append(tuple(t.text.lower() for t in tokens[i : i + length]))
        start = i + 1
    return found


def marked_earlier(tokens: tuple[Token, ...], anchor: int, markers: list[tuple[str, ...]] | None = None) -> bool:
    """The happening's verb carries an explicit marker of an earlier time (``ранее``,
    ``прежде``, ``до этого``, ``неоднократно``, ``в прошлом``): a happening before the one
    told, never it retold. ``уже`` counts only on a verb that is not perfective (``Его уже
    задерживали``): with a perfective past or participle (``его уже доставили``, ``уже
    приговорен``) it tells what is done by now, the happening just told. Neither an
    imperfective past alone nor ``за`` (the cause of a penalty) is such a marker: they keep a
    line's date from it (:func:`told_before_the_story`), not its identity."""
    found = scoped_earlier_markers(tokens, anchor) if markers is None else markers
    if any(marker != ("уже",) for marker in found):
        return True
    if not found:
        return False
    parsed = parse_word(tokens[anchor].text.lower())[0].tag
    return parsed.aspect != "perf"


def _governors(tokens: tuple[Token, ...], anchor: int) -> set[int]:
    """The happening's word and the two words above it: what a marker of its time hangs on."""
    return {anchor, *heads_up(tokens, anchor, 2)}


def _bears_on(tokens: tuple[Token, ...], governors: set[int], index: int, length: int) -> bool:
    """The words ``tokens[index : index + length]`` (a marker) bear on the happening: one
    hangs on its word or the two above it (``governors``), or they open the sentence and so
    are about all of it (:func:`_opens_sentence`)."""
    return any(t.head in governors for t in tokens[index : index + length]) or _opens_sentence(tokens, index)


def _opens_sentence(tokens: tuple[Token, ...], index: int) -> bool:
    """Only punctuation, pronouns and prepositions before the word: an adverbial opening
    the sentence (``Ранее, …``, ``До этого его …``) is about all of it."""
    return all(t.pos in {"PUNCT", "PRON", "ADP", "CCONJ"} for t in tokens[:index])


def _then(tokens: tuple[Token, ...]) -> bool:
    """``тогда же`` among the sentence's first words."""
    words = [t.text.lower() for t in tokens if t.pos != "PUNCT"][: OPENING_TOKENS + 1]
    return any(a == "тогда" and b == "же" for a, b in zip(words, words[1:]))


def _for_cause(tokens: tuple[Token, ...], anchor: int, first: int) -> bool:
    """The happening, or the noun it depends on (``за участие в акции``), is governed by
    ``за`` (not of a span of time: ``за время акции``); where the parse misses it, ``за``
    right before the trigger with only adjectives, numbers or determiners between."""
    periods = folded_set("total_periods")
    for i in [anchor, *heads_up(tokens, anchor, 2)]:
        if tokens[i].lemmas & periods:
            return False
        if any(t.head == i and t.rel == "case" and t.text.lower() == "за" for t in tokens):
            return True
    for j in range(first - 1, max(-1, first - 4), -1):
        if tokens[j].text.lower() == "за":
            return True
        if tokens[j].pos not in {"ADJ", "DET", "NUM"}:
            return False
    return False
