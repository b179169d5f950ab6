"""How much a page's text reads like text: the quality gate between extraction and OCR.

A text layer can decode to anything: mojibake from fonts without a true Unicode
map (``ú(cid:0)¶ Æ•õ¢õ®``, ``Íåñìîòðÿ``, ``7а45р6а=88``), words glued into one
(``Докладпосвященвнесудебным``), letters spread apart (``Н е с м о т р я``). Four
measures catch them, each a share:

- **dictionary words**: words pymorphy3 knows (English words by wordfreq; an
  all-capital abbreviation and a one-letter preposition count as known);
- **odd characters**: characters outside Cyrillic, Latin, digits, punctuation and
  the usual symbols, and every ``(cid:NN)``;
- **broken words**: tokens with letters and digits or symbols mixed inside them;
- **over-long words**: longer than any real Russian word.

A page *fails* the gate when it holds enough text to judge and one share is out
of bounds; such a page goes to OCR (where Tesseract is installed) and is flagged
either way. A page is *garbage* when its characters, tokens or lengths are far
out of bounds (or no word at all is known): its text is not kept unless OCR
gives better. Real words of a language the dictionaries do not know (a Kazakh
paragraph) fail the gate but are no garbage, so they are kept. The same score
picks between readers that disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MIN_WORDS = 12  # fewer word tokens than this: too little to judge by words
MIN_CHARS = 40  # fewer visible characters than this: too little to judge by characters
LONG_WORD = 24  # letters: longer than (nearly) every Russian word ("человеконенавистнический" is 24)

# Out of bounds: the gate fails (OCR, a warning).
MIN_KNOWN, MAX_ODD, MAX_BROKEN, MAX_LONG = 0.6, 0.05, 0.1, 0.1
# Far out of bounds: garbage, not kept as text.
GARBAGE_KNOWN, GARBAGE_ODD, GARBAGE_BROKEN, GARBAGE_LONG = 0.1, 0.2, 0.25, 0.2

# Tokens: runs between spaces and sentence punctuation; a URL or an e-mail is skipped.
QUALITY_CHECK = "fails the quality check"  # the words every warning of the gate holds

_TOKEN = re.compile(r"[^\s.,:;!?()\[\]«»\"“”„]+")
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NUMBERED_WORD = re.compile(r"\d+-([^\W\d_]+)")  # 1990-х, 20-летний
# Letters and digits that are no damage: 5-й, 2х2, 15а, COVID-19, Ту-154, М2, №5, 10%, +7.
_ABBREVIATED = re.compile(r"[№#+]?(?:\d+[^\W\d_]{1,3}|[^\W\d_]{1,6}-?\d+[^\W\d_]?|\d+%)")
_LINK = re.compile(r"://|^www|@|/")
# A word hyphenated at a line end is judged whole (before a lower-case letter).
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010][ \t]*\n[ \t]*(?=[^\W\d_A-ZА-ЯЁ])")
_CID = re.compile(r"\(cid:\d+\)")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
ONE_LETTER_WORDS = frozenset("авиксуояжбАВИКСУОЯЖБaAI")
# Punctuation and symbols ordinary text uses.
USUAL = frozenset(
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~«»„“”‘’‚‹›—–‒―‐‑−…№§°•·×÷±€£¥₽₸©®™‰′″¹²³½¼¾"
    "\u00ad\u00a0\u2009\u202f"
)


@lru_cache(maxsize=1)
def _morph():
    from pipeline.morphology import morph_analyzer

    return morph_analyzer()


@lru_cache(maxsize=300_000)
def _known(word: str) -> bool:
    """Whether a word is one a dictionary knows (Russian by pymorphy3, English by wordfreq).

    >>> _known("задержаны"), _known("ОВД"), _known("police"), _known("Íåñìîòðÿ"), _known("ктоискакиммотивом")
    (True, True, True, False, False)
    """
    if len(word) == 1:
        return word in ONE_LETTER_WORDS
    if word.isupper() and len(word) <= 6 and (_CYRILLIC.search(word) or _LATIN.search(word)):
        return True  # an abbreviation: РФ, КоАП's kin, UN
    if _CYRILLIC.search(word):
        if _LATIN.search(word):
            return False
        lower = word.lower().replace("ё", "е")
        morph = _morph()
        return morph.word_is_known(lower) or ("-" in lower and all(morph.word_is_known(p) for p in lower.split("-")))
    if _LATIN.search(word) and word.isascii():
        from wordfreq import zipf_frequency

        return all(zipf_frequency(part, "en") >= 1.5 for part in word.lower().split("-"))
    return False


@dataclass(frozen=True, slots=True)
class TextQuality:
    """What the gate counts in a text: word tokens and visible characters, and how many are bad."""

    words: int = 0
    chars: int = 0
    known_words: int = 0  # words a dictionary knows
    odd_chars: int = 0  # characters outside the usual ones
    long_words: int = 0  # longer than any real word
    broken_words: int = 0  # letters mixed with digits or symbols inside

    @property
    def known(self) -> float:
        """Share of dictionary words among word tokens."""
        return self.known_words / self.words if self.words else 0.0

    @property
    def odd(self) -> float:
        """Share of odd characters among visible ones."""
        return self.odd_chars / self.chars if self.chars else 0.0

    @property
    def long(self) -> float:
        """Share of over-long word tokens."""
        return self.long_words / self.words if self.words else 0.0

    @property
    def broken(self) -> float:
        """Share of tokens with letters and digits or symbols mixed inside."""
        return self.broken_words / self.words if self.words else 0.0

    def __add__(self, other: TextQuality) -> TextQuality:
        """The quality of two texts taken together (pages into a document)."""
        return TextQuality(*(a + b for a, b in zip(self._counts(), other._counts())))

    def _counts(self) -> tuple[int, ...]:
        return (self.words, self.chars, self.known_words, self.odd_chars, self.long_words, self.broken_words)

    @property
    def passes(self) -> bool:
        """Reads like text, or too little text to tell."""
        return not self._out_of(MIN_KNOWN, MAX_ODD, MAX_BROKEN, MAX_LONG)

    @property
    def garbage(self) -> bool:
        """Far from text: not worth keeping unless nothing better is found."""
        return self._out_of(GARBAGE_KNOWN, GARBAGE_ODD, GARBAGE_BROKEN, GARBAGE_LONG)

    def _out_of(self, min_known: float, max_odd: float, max_broken: float, max_long: float) -> bool:
        by_words = self.words >= MIN_WORDS and (
            self.known < min_known or self.broken > max_broken or self.long > max_long
        )
        by_chars = self.chars >= MIN_CHARS and self.odd > max_odd
        return by_words or by_chars

    @property
    def score(self) -> float:
        """One number to compare readers by: higher reads more like text."""
        if not self.words and not self.chars:
            return 0.0
        return self.known * (1 - self.odd) * (1 - self.broken) * (1 - self.long)

    def describe(self) -> str:
        """What failed, in words: ``12% dictionary words, 31% odd characters``."""
        parts = [f"{self.known:.0%} dictionary words"]
        for share, bound, what in ((self.odd, MAX_ODD, "odd characters"), (self.broken, MAX_BROKEN, "broken words"),
                                   (self.long, MAX_LONG, "over-long words")):
            if share > bound:
                parts.append(f"{share:.0%} {what}")
        return ", ".join(parts)


def measure(text: str) -> TextQuality:
    """The quality of a text.

    >>> measure("Полиция задержала троих участников пикета у здания акимата.").passes
    True
    >>> q = measure("Íåñìîòðÿ íà çàêðåïëåííîå Êîíñòèòóöèåé ñòðàíû ïðàâî ãðàæäàí íà ìèðíûå ìèòèíãè")
    >>> q.passes, q.garbage
    (False, True)
    >>> glued = "Докладпосвященвнесудебнымпреследованиям, которыеневходят вуголовнуюстатистику. "
    >>> measure(glued * 4).passes
    False
    """
    text = _LINE_END_HYPHEN.sub("", _CID.sub("\ufffd", text)).replace("\u00ad", "-").replace("\u2010", "-")
    visible = len(text) - len(_SPACE.findall(text))
    odd = len(_odd_pattern().findall(text))
    n_words = known = long = broken = 0
    for token in _TOKEN.findall(text):
        token = token.strip("'\"-–—*/")
        if not any(c.isalpha() for c in token) or _LINK.search(token):
            continue
        n_words += 1
        numbered = _NUMBERED_WORD.fullmatch(token)
        word = numbered.group(1) if numbered else token
        long += max(map(len, word.split("-"))) > LONG_WORD
        if _LETTERS.fullmatch(word):  # letters only (and hyphens between them)
            known += _known(word)
        elif not _ABBREVIATED.fullmatch(word):
            broken += 1
    return TextQuality(n_words, visible, known, odd, long, broken)


_SPACE = re.compile(r"\s")


@lru_cache(maxsize=1)
def _odd_pattern() -> re.Pattern:
    """A character that is none of: space, ASCII letter or digit, Cyrillic, usual punctuation."""
    usual = "".join(sorted(USUAL)).replace("\\", "\\\\").replace("]", "\\]").replace("^", "\\^").replace("-", "\\-")
    return re.compile(f"[^\\s0-9A-Za-z\u0400-\u04ff{usual}]")
