"""How much a page's text reads like text: the quality gate between extraction and OCR.

A text layer can decode to anything: mojibake from fonts without a Unicode map
(``ú(cid:0)¶ Æ•õ¢õ®``, ``Íåñìîòðÿ``), words glued into one
(``Докладпосвященвнесудебным``), letters spread apart (``Н е с м о т р я``).
Three measures catch them, each a share:

- **dictionary words**: words pymorphy3 knows (English words by wordfreq; an
  all-capital abbreviation and a one-letter preposition count as known);
- **odd characters**: characters outside Cyrillic, Latin, digits, punctuation and
  the usual symbols, and every ``(cid:NN)``;
- **over-long tokens**: words longer than any real Russian word.

A page *fails* the gate when it holds enough text to judge and one share is out
of bounds; such a page goes to OCR (where Tesseract is installed) and is flagged
either way. A page that fails *badly* is garbage: its text is not kept unless
OCR gives better. The same score picks between readers that disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MIN_WORDS = 12  # fewer word tokens than this: too little to judge by words
MIN_CHARS = 40  # fewer visible characters than this: too little to judge by characters
LONG_WORD = 24  # letters: longer than (nearly) every Russian word ("человеконенавистнический" is 24)

# Out of bounds: the gate fails (OCR, a warning).
MIN_KNOWN, MAX_ODD, MAX_LONG = 0.6, 0.05, 0.1
# Far out of bounds: garbage, not kept as text.
GARBAGE_KNOWN, GARBAGE_ODD, GARBAGE_LONG = 0.3, 0.2, 0.2

# Tokens: runs between spaces and sentence punctuation; a URL or an e-mail is skipped.
QUALITY_CHECK = "fails the quality check"  # the words every warning of the gate holds

_TOKEN = re.compile(r"[^\s.,:;!?()\[\]«»\"“”„]+")
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NUMBERED_WORD = re.compile(r"\d+-([^\W\d_]+)")  # 1990-х, 20-летний
_LINK = re.compile(r"://|^www|@|/")
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
    from pipeline.nlp import morph_analyzer

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
    """The shares the gate looks at; ``words``/``chars`` say how much text they rest on."""

    words: int
    chars: int
    known: float  # share of dictionary words among word tokens
    odd: float  # share of odd characters among visible ones
    long: float  # share of over-long word tokens

    @property
    def passes(self) -> bool:
        """Reads like text, or too little text to tell."""
        return not self._out_of(MIN_KNOWN, MAX_ODD, MAX_LONG)

    @property
    def garbage(self) -> bool:
        """Far from text: not worth keeping unless nothing better is found."""
        return self._out_of(GARBAGE_KNOWN, GARBAGE_ODD, GARBAGE_LONG)

    def _out_of(self, min_known: float, max_odd: float, max_long: float) -> bool:
        by_words = self.words >= MIN_WORDS and (self.known < min_known or self.long > max_long)
        by_chars = self.chars >= MIN_CHARS and self.odd > max_odd
        return by_words or by_chars

    @property
    def score(self) -> float:
        """One number to compare readers by: higher reads more like text."""
        if not self.words and not self.chars:
            return 0.0
        return self.known * (1 - self.odd) * (1 - self.long)

    def describe(self) -> str:
        """What failed, in words: ``12% dictionary words, 31% odd characters``."""
        parts = [f"{self.known:.0%} dictionary words"]
        if self.odd > MAX_ODD:
            parts.append(f"{self.odd:.0%} odd characters")
        if self.long > MAX_LONG:
            parts.append(f"{self.long:.0%} over-long words")
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
    text = _CID.sub("\ufffd", text).replace("\u00ad", "-").replace("\u2010", "-")
    visible = [c for c in text if not c.isspace()]
    odd = sum(1 for c in visible if not _ordinary(c))
    n_words = known = long = 0
    for token in _TOKEN.findall(text):
        token = token.strip("'\"-–—*/")
        if not any(c.isalpha() for c in token) or _LINK.search(token):
            continue
        n_words += 1
        numbered = _NUMBERED_WORD.fullmatch(token)
        word = numbered.group(1) if numbered else token
        long += max(map(len, word.split("-"))) > LONG_WORD
        if _LETTERS.fullmatch(word):  # letters only (and hyphens between them); else not a word
            known += _known(word)
    return TextQuality(
        words=n_words,
        chars=len(visible),
        known=known / n_words if n_words else 0.0,
        odd=odd / len(visible) if visible else 0.0,
        long=long / n_words if n_words else 0.0,
    )


@lru_cache(maxsize=4096)
def _ordinary(char: str) -> bool:
    return (
        char.isdigit() and char.isascii()
        or ("a" <= char.lower() <= "z")
        or "\u0400" <= char <= "\u04ff"
        or char in USUAL
    )
