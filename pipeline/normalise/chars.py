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
* soft hyphens and zero-width characters are dropped, NBSP and other Unicode spaces
  become a space, ligatures (ﬁ ﬂ) are spelled out, CRLF and CR become LF.

A soft hyphen at a line end is left for the layout pass, which joins the word.
"""

from __future__ import annotations

import re
from functools import cache

from .align import Alignment, rewrite
from ..resources import load_json

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
    # A soft hyphen is dropped unless it ends a line that a word continues on (the
    # layout pass joins the word there); at the end of the text it is dropped too.
    pattern = re.compile(rf"{body}|{soft}(?![ \t]*(?:\r\n|[\r\n\f])\s*\w)")
    replacements[table["soft_hyphen"]] = ""
    return pattern, replacements


def repair_characters(text: str) -> Alignment:
    """Line ends, invisible characters, odd spaces, ligatures, hyphen variants.

    >>> repair_characters("офи\\u00adциально\\u00a0ﬁnal\\r\\n").text
    'официально final\\n'
    """
    pattern, replacements = _simple_pattern()
    return rewrite(text, pattern, lambda m: replacements[m.group()])


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
