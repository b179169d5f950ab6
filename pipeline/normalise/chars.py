"""Character repairs: line ends, invisible characters, spaces, ligatures, quotes, dashes.

Choices (the clean text's typography):

* every double quote becomes ``«`` or ``»`` (Russian quotes), opening or closing by
  context: a quote after a space, a line start or an opening bracket, and before a
  non-space, opens; any other closes;
* typographic single quotes and apostrophes become ``'``;
* every dash (– — ‒ ―) becomes the em dash ``—``, spaced on both sides as in Russian
  typography (``штрафу — 3 человека``) except between digits (``1941—1945``) and at
  a line start (``— Мы``); a hyphen standing between spaces is a dash too;
* the minus sign and Unicode hyphens become ``-``;
* zero-width characters are dropped, NBSP and other Unicode spaces become a space,
  ligatures (ﬁ ﬂ) are spelled out, CRLF and CR become LF;
* a soft hyphen (U+00AD) is a break only at a line end (left for the layout pass,
  which joins the word). Real PDFs print visible hyphens and dashes as soft hyphens
  (``Санкт­Петербург``, ``ОВД­Инфо``, ``2011­2014``), so elsewhere it is what it
  shows: a dash between numbers (``2011—2014``), a hyphen otherwise. Only where the
  letters it splits make a dictionary word and the hyphenated form is none (an
  invisible hyphenation point left in a web page's text: ``офи­циально``) is it
  dropped; so it is between letters that are neither a known compound nor two
  known words (a name split at a syllable: ``Туме­новой``).
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import load_json
from .align import Alignment, rewrite
from .words import is_known_word

_OPENERS_BEFORE = "([{\n\t \f—-"


@cache
def _table() -> dict:
    return load_json("normalise_chars.json")


@cache
def _simple_pattern() -> tuple[re.Pattern, dict[str, str]]:
    table = _table()
    replacements: dict[str, str] = {}
    replacements.update(table["line_breaks"])
    replacements.update({char: "" for char in table["deleted"]})
    replacements.update({char: " " for char in table["spaces"]})
    replacements.update(table["ligatures"])
    replacements.update(table["hyphens"])
    replacements.update(table["single_quotes"])
    soft = re.escape(table["soft_hyphen"])
    alternatives = sorted(replacements, key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    # A soft hyphen ending a word on a line a word continues on is left to the layout pass
    # (which joins the word); one after a space or alone on its line is read here, or a
    # second pass would find it mid-line and read it otherwise.
    pattern = re.compile(rf"{body}|(?<!\S){soft}|{soft}(?![ \t]*(?:\r\n|[\r\n\f])\s*\w)")
    return pattern, replacements


_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
_CONTEXT = 40  # characters looked at on each side of a soft hyphen


def _soft_hyphen(match: re.Match) -> str:
    """What a soft hyphen printed mid-line stands for: a dash, a hyphen or nothing.

    >>> [repair_characters(t).text for t in ("2011\u00ad2014", "ОВД\u00adИнфо", "офи\u00adциально", "все\u00adтаки")]
    ['2011—2014', 'ОВД-Инфо', 'официально', 'все-таки']
    >>> [repair_characters(t).text for t in ("компании\u00adзастройщики", "Туме\u00adновой", "про\u00adтесту")]
    ['компании-застройщики', 'Туменовой', 'протесту']
    """
    text, at = match.string, match.start()
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    if not after or after in "\r\n\f":
        return ""  # at the end of the text or of a line no word continues: a break
    if before.isdigit() and after.isdigit():
        return _table()["dash"]
    left = _LETTERS_BEFORE.search(text, max(0, at - _CONTEXT), at)
    right = _LETTERS_AFTER.match(text, at + 1, at + 1 + _CONTEXT)
    if left and right and left.end() == at and not right.group()[0].isupper():
        first, second = left.group(), right.group()
        if is_known_word(f"{first}-{second}"):
            return "-"  # все-таки, из-за, общественно-политический
        if is_known_word(first + second):
            return ""  # официально: a hyphenation point inside a word
        if is_known_word(first) and is_known_word(second):
            return "-"  # компании-застройщики: a compound of two words
        return ""  # Туменовой: a name split at a syllable
    return "-"


def repair_characters(text: str) -> Alignment:
    """Line ends, invisible characters, odd spaces, ligatures, hyphen variants, soft hyphens.

    >>> repair_characters("Санкт\\u00adПетербург\\u00a0ﬁnal\\r\\n").text
    'Санкт-Петербург final\\n'
    >>> repair_characters("\\u00ad\\nа").text  # alone on its line: no word to join
    '\\nа'
    """
    pattern, replacements = _simple_pattern()
    soft = _table()["soft_hyphen"]
    return rewrite(text, pattern, lambda m: _soft_hyphen(m) if m.group() == soft else replacements[m.group()])


@cache
def _quote_pattern() -> re.Pattern:
    quotes = "".join(q for q in _table()["double_quotes"] if q not in "«»")
    return re.compile(f"[{re.escape(quotes)}]")


def _quote_direction(match: re.Match) -> str:
    text, at = match.string, match.start()
    before = text[at - 1] if at > 0 else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    table = _table()
    opens = (before in _OPENERS_BEFORE or before in "«") and not after.isspace()
    return table["open_quote"] if opens else table["close_quote"]


def normalise_quotes(text: str) -> Alignment:
    """Every double quote as « or », by context.

    >>> normalise_quotes('НП "Алга" и „Аман Саулык“').text
    'НП «Алга» и «Аман Саулык»'
    """
    return rewrite(text, _quote_pattern(), _quote_direction)


@cache
def _dash_pattern() -> re.Pattern:
    dashes = re.escape("".join(_table()["dashes"]))
    # A dash form with the spaces around it, or a hyphen between spaces/line ends.
    return re.compile(rf"[ \t]*(?:[{dashes}]|(?:(?<=[ \t{dashes}])|(?<![^\n\f]))-(?=[ \t\n\f{dashes}]|$))[ \t]*")


def _spaced_dash(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    dash = _table()["dash"]
    spaced = match.group() != match.group().strip(" \t")
    if not spaced and before.isdigit() and after.isdigit():
        return dash  # a range: 1941—1945
    # At a line start the indentation stays: the layout pass reads it.
    leading = match.group()[: len(match.group()) - len(match.group().lstrip(" \t"))]
    left = leading if before in "\n\f" else " "
    right = "" if after in "\n\f" else " "
    return f"{left}{dash}{right}"


def normalise_dashes(text: str) -> Alignment:
    """Every dash as a spaced em dash (unspaced between digits).

    >>> normalise_dashes("штрафу –  3 человека, 1941–1945, правду - наше").text
    'штрафу — 3 человека, 1941—1945, правду — наше'
    """
    return rewrite(text, _dash_pattern(), _spaced_dash)
