"""Compiled patterns of Russian date expressions, built once from the lexicons.

Month names (``models/months.json``), prepositions, modifiers and relative
phrases (``models/date_words.json``) become one regex per kind of expression
(``day_month``, ``day_range``, ``month_year``, ``year``, ``relative``, …); the
month alternatives are a letter trie so a scan stays fast. ``dates`` reads the
matches.
"""

from __future__ import annotations

import re
from functools import cache

from ..resources import load_json

SP = r"[^\S\n]*"  # spaces inside a line, possibly none (glued PDF text)
SP1 = r"[^\S\n]+"
YEAR_CUE = (
    r"(?:гг\.?|г\.[^\S\n]*г\.|г\.[^\S\n]*р\.|г\.|г(?![а-яa-z])"
    r"|год(?:а|у|ом|е|ы|ов|ах|ам|ами)?(?![а-яa-z]))"
)
PLAUSIBLE = range(1900, 2101)  # a year with no cue of its own must be in here
CUED = range(1000, 2101)
TWO_DIGIT_PIVOT = 50  # 05.01.12 -> 2012, 05.01.97 -> 1997


def _words(key: str) -> list[str]:
    return sorted(load_json("date_words.json")[key], key=len, reverse=True)


def _trie(words: list[str]) -> str:
    """One regex matching any of the words, branching letter by letter.

    >>> _trie(["марта", "марте", "май"])
    'ма(?:й|рт(?:а|е))'
    """
    if not words:
        return "(?!)"
    branches: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        branches.setdefault(word[0], []).append(word[1:])
    parts = []
    for head, rests in branches.items():
        longer = [r for r in rests if r]
        tail = _trie(longer) if longer else ""
        if longer and len(longer) < len(rests):  # the word may also end here
            tail = f"(?:{tail})?"
        parts.append(re.escape(head) + tail)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _phrase_pattern(phrase: str) -> str:
    """Regex for a lexicon phrase: spaces stretch, a dot may be missing."""
    out = []
    for i, char in enumerate(phrase):
        if char == " ":
            out.append(SP if phrase[i - 1] == "." else SP1)
        elif char == "." and i == len(phrase) - 1:
            out.append(r"\.?")
        else:
            out.append(re.escape(char))
    return "".join(out)


# The kinds whose every match opens with a digit that no word character precedes (each
# opens with a lookbehind that refuses \w, then a day, a year or a decade). A leading
# lookbehind keeps Python's matcher from skipping ahead to a possible first character,
# so such a pattern is tried at every position of a text: these are tried only where
# DIGIT_START finds such a digit (``dates.matches_of``), a few times a page.
DIGIT_LED = frozenset({"day_month", "day_range", "year", "decade", "year_range", "numeric",
                       "numeric_day_month", "iso"})
DIGIT_START = re.compile(r"\d(?<!\w\d)")  # the digit first: the matcher skips to digits


@cache
def lexicon() -> dict:
    """Month table, relative phrases and the compiled patterns, built once."""
    month_of: dict[str, int] = {}
    forms, abbreviations = [], []
    for month in load_json("months.json")["months"]:
        for form in month["forms"]:
            month_of[form] = month["number"]
            forms.append(form)
        for abbr in month["abbreviations"]:
            month_of[abbr] = month["number"]
            abbreviations.append(abbr)
    # A trie keeps the scan fast: one branch per letter, not one per form.
    month_alt = (rf"(?:{_trie(forms)}(?![а-яa-z])"
                 rf"|{_trie(abbreviations)}(?:\.|(?![а-яa-z])))")
    relative = {}
    for row in load_json("date_words.json")["relative"]:
        relative[_phrase_pattern(row["phrase"])] = row
    initials = "".join(sorted({row["phrase"][0] for row in relative.values()}))
    rel_all = f"(?=[{initials}])(?:" + "|".join(sorted(relative, key=len, reverse=True)) + ")"
    rel_tail = "|".join(p for p, row in relative.items() if row["tail"])

    def month(name: str) -> str:
        return f"(?P<{name}>{month_alt})"

    def day(name: str, guard: bool = True) -> str:
        before = r"(?<![\w./:№-])" if guard else ""
        return rf"{before}(?P<{name}>[0-3]?\d)(?:-(?:го|е|ое|м))?"

    def year(name: str) -> str:
        return rf"(?P<{name}>[12]\d{{3}})(?!\d)(?:-?(?:го|м|й)(?![а-яa-z]))?"

    def tail(y: str, c: str, r: str) -> str:
        return (rf"(?:{SP}{year(y)}(?:{SP}(?P<{c}>{YEAR_CUE}))?"
                rf"|{SP1}(?P<{r}>{rel_tail})(?![\w]))?")

    year_preps = "|".join(_words("year_prepositions"))
    dash = "[-–—\u00ad]"  # a PDF prints a range's dash as a soft hyphen: "2011\u00ad2014"
    to = rf"(?:{SP}{dash}{SP}|{SP1}(?:по|до){SP1})"
    no_word = r"(?<![\w])"
    no_letter = r"(?<![а-яa-z])"
    night = "|".join(sorted(map(_phrase_pattern, _words("night_ranges")), key=len, reverse=True))
    mods = "|".join(_phrase_pattern(m) for m in _words("modifiers"))
    patterns = {
        "day_month": rf"{day('d1')}{SP}{month('m1')}{tail('y1', 'c1', 'r1')}",
        "day_range": rf"{day('d1')}{to}"
                     rf"{day('d2', False)}{SP}{month('m2')}{tail('y2', 'c2', 'r2')}",
        # 'в ночь с 9 на 10 августа': the span starts at the first day (dates.py)
        "night_range": rf"{no_word}(?:{night}){SP1}{day('d1', False)}{SP1}на{SP1}"
                       rf"{day('d2', False)}{SP}{month('m2')}{tail('y2', 'c2', 'r2')}",
        "month_year": rf"{no_letter}{month('m1')}{SP}{year('y1')}(?:{SP}(?P<c1>{YEAR_CUE}))?",
        "month": rf"{no_letter}{month('m1')}(?:{SP1}(?P<r1>{rel_tail})(?![\w]))?",
        "month_range": rf"{no_letter}{month('m1')}{SP}{dash}{SP}{month('m2')}"
                       rf"{tail('y2', 'c2', 'r2')}",
        "year": rf"(?<![\w.,/-]){year('y1')}{SP}(?P<c1>{YEAR_CUE})",
        "decade": rf"(?<![\w.,/-])(?P<y1>[12]\d\d0)-?(?:х|е|ых)(?![а-яa-z])"
                  rf"(?:{SP}(?P<c1>{YEAR_CUE}))?",
        "year_range": rf"(?<![\w.,/-]){year('y1')}"
                      rf"(?:{SP}(?P<c1>{YEAR_CUE}))?{to}(?P<y2>[12]\d{{3}}|\d\d)(?!\d)"
                      rf"(?:{SP}(?P<c2>{YEAR_CUE}))?",
        # 'осенью 2012', 'в конце 2015': a season or part before a year cues it as «года» does
        "modified_year": rf"{no_word}(?:{mods}){SP1}{year('y1')}(?!{SP}(?:{YEAR_CUE}))",
        "bare_year": rf"{no_word}(?P<p>{year_preps}){SP1}{year('y1')}"
                     rf"(?={SP}(?:[.,;:!?)»]|$))",
        "numeric": rf"(?<![\w./:№-])(?:(?P<d1>[0-3]?\d)(?P<sep>[./])(?P<m1>[01]?\d)(?P=sep)"
                   rf"(?P<y1>[12]\d{{3}})|(?P<d2>[0-3]\d)\.(?P<m2>[01]\d)\.(?P<y2>\d\d))"
                   rf"(?![\d])(?![./]\d)(?:{SP}(?P<c1>{YEAR_CUE}))?",
        # '23.04', '5.11': a day and month with no year, a date only in context (dates.py)
        "numeric_day_month": r"(?<![\w./:№,-])(?P<d1>[0-3]?\d)\.(?P<m1>[01]\d)(?![\d])(?![.,/]\d)",
        "iso": r"(?<![\w./-])(?P<y1>(?:19|20)\d\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?![\w-])",
        "relative": rf"(?<![\w.])(?P<r1>{rel_all})(?![\w])",
    }
    preps = "|".join(_words("prepositions"))
    return {
        "month_of": month_of,
        "relative": [(re.compile(p, re.I), row) for p, row in relative.items()],
        "patterns": {k: re.compile(p, re.I | re.M) for k, p in patterns.items()},
        "prefix": re.compile(
            rf"(?<![\w])(?:(?P<p>{preps}){SP1})?(?:(?P<mod>{mods}){SP1})?\Z", re.I),
        "joiners": set(_words("range_joiners")),
        # a yearless "NN.MM" as a range's end ("с 12.03", "до 14.09") and the other end after it
        "range_opener": re.compile(rf"(?<![\w])(?:{'|'.join(_words('range_openers'))}){SP1}\Z", re.I),
        "range_tail": re.compile(
            rf"{SP}(?:(?:{'|'.join(_words('range_joiners'))}){SP1}|[-–—]{SP})(?P<d>\d+)(?:[.,](?P<m>\d+))?", re.I),
        "clock_context": frozenset(_words("clock_context_words")),
        "leading": re.compile(rf"(?:{preps}){SP1}(?=\w)", re.I),
    }


URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
