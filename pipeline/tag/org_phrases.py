"""Organisations told by the phrase around a name: the maker between a work's noun and
its quoted title (``в статье Вечернего обозревателя «…»``), a designator before a Latin
name, a quoted body named by its noun (``«Инициативный совет обманутых пайщиков»``), a
Latin name and its abbreviation in brackets, a body named after a person (``Театра им.``
+ ``Йозефа Мюллера``). Each takes natasha's spans and the text and hands back spans, as
the steps of :mod:`pipeline.tag.org_names` do.

A legislature's convocation (``думы седьмого созыва``) stays out of its name: NEREL and
FactRuEval take it in, our Wikinews development gold leaves it out, and the actor of an
event is the body, whichever convocation sat.
"""

from __future__ import annotations

import re

from ..nlp import parse_word
from ..records import ORG, PER
from .candidates import Span
from .overlaps import SpanIndex

_WORD_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё][а-яё]*)[ \t]+$")
_QUOTE_OPENS = re.compile(r"«(?=[^«»\n]{1,80}»)")


def add_makers_of_works(text: str, spans: list[Span]) -> list[Span]:
    """The maker between a work's noun and its quoted title (``в статье Вечернего
    обозревателя «…»``: :func:`pipeline.tag.works.maker_before`) is an ORG; a span of
    natasha's running from it over the title is cut back to it, and a person there
    is left alone.

    >>> text = "в статье Вечернего обозревателя «Осень в городе»"
    >>> [(s.type, text[s.start:s.end]) for s in add_makers_of_works(text, [])]
    [('ORG', 'Вечернего обозревателя')]
    """
    from .works import maker_before

    result = SpanIndex(spans)
    for quote in _QUOTE_OPENS.finditer(text):
        maker = maker_before(text, quote.start())
        if maker is None:
            continue
        start, end = maker
        keys, overlapping = result.keys_overlapping(start, end), result.overlapping(start, end)
        if any(s.type == PER or s.start < start for s in overlapping):
            continue
        for key in keys:
            result.remove(key)
        result.add(Span(ORG, start, end, source="maker"))
    return list(result)


_LATIN_OPENING = re.compile(r"[A-Za-z]")


def designated_latin_names(text: str, spans: list[Span]) -> list[Span]:
    """A designator right before a name in Latin letters is no organisation of its own
    (``рекламного агентства`` + ``Brightline``): the name is the organisation, as both
    benchmarks read it; an ORG spanning just the designator and its adjectives goes.

    >>> text = "директор рекламного агентства Brightline из Лондона"
    >>> [text[s.start:s.end] for s in designated_latin_names(text, [Span(ORG, 9, 29), Span(ORG, 30, 40)])]
    ['Brightline']
    """
    from .orgs import designator_start

    names = {s.start for s in spans if s.type == ORG and _LATIN_OPENING.match(text, s.start)}
    designators = {(designator_start(text, start), start - 1) for start in names}
    return [s for s in spans if not (s.type == ORG and (s.start, s.end) in designators)]


_QUOTED_NAME = re.compile(r"«([^«»\n]{3,80})»")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def add_quoted_bodies(text: str, spans: list[Span]) -> list[Span]:
    """A quoted name made of an institution noun (``heads``), the adjectives agreeing
    with it and a lower-case genitive phrase after it (``«Инициативный совет обманутых
    пайщиков»``) is one ORG, whatever natasha cut of it; a span running out of the
    quotes (``движение «…»``) keeps it. A sentence, a slogan or a work's title is no
    such phrase (a verb, a word in another case: ``«Союз нерушимый»``), nor is a quote
    right after a lower-case noun, which names what that noun names (``в проекте «…»``).

    >>> text = "создали «Инициативный совет обманутых пайщиков» весной; «Союз нерушимый»"
    >>> [text[s.start:s.end] for s in add_quoted_bodies(text, [Span(ORG, 9, 26)])]
    ['Инициативный совет обманутых пайщиков']
    """
    from .orgs import org_lexicon

    heads = org_lexicon().heads
    result = SpanIndex(spans)
    for quote in _QUOTED_NAME.finditer(text):
        words = list(_NAME_WORD.finditer(quote.group(1)))
        if not 2 <= len(words) <= 6 or _NAME_WORD.sub("", quote.group(1)).strip() or \
                not words[0].group()[:1].isupper():
            continue
        before = _WORD_BEFORE.search(text, max(0, quote.start() - 30), quote.start())
        if before and before.group(1).islower() and any(
                p.tag.POS == "NOUN" for p in parse_word(before.group(1))[:1]):
            continue  # ``в проекте «Школа …»``: the name of what that noun names
        parses = [parse_word(w.group()) for w in words]
        if any(not p or p[0].tag.POS not in ("NOUN", "ADJF", "PRTF") for p in parses):
            continue
        head = next((i for i, p in enumerate(parses) if p[0].tag.POS == "NOUN"), None)
        if head is None or not any(p.normal_form in heads and p.tag.number == "sing" for p in parses[head]):
            continue
        head_parse = next(p for p in parses[head] if p.normal_form in heads)
        if not all(any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == head_parse.tag.case
                       and p.tag.number == "sing" for p in parses[i]) for i in range(head)):
            continue
        if not all(w.group().islower() and any(p.tag.case in ("gent", "gen2") for p in parses[i])
                   for i, w in enumerate(words[head + 1 :], head + 1)) or head + 1 == len(words):
            continue
        start, end = quote.start(1), quote.end(1)
        keys, overlapping = result.keys_overlapping(start, end), result.overlapping(start, end)
        if any(s.start < quote.start() or s.end > quote.end() for s in overlapping):
            continue
        for key in keys:
            result.remove(key)
        result.add(Span(ORG, start, end, source="quoted"))
    return list(result)


_BRACKETED = re.compile(
    r"\(([A-Z][A-Za-z’'.&-]*(?:[ \t]+[A-Za-z’'.&-]+){1,7}),[ \t]+([A-Z][A-Z0-9&]{1,7})\)")


def bracketed_names(text: str, spans: list[Span]) -> list[Span]:
    """An organisation's name in Latin letters and its abbreviation in brackets, the
    abbreviation's letters the initials of the name's words in order (``(Election
    Watch Network, EWN)``, ``(Union pour la Tambie, UPT)``): two ORGs, whatever
    natasha made of the brackets.

    >>> text = "Сеть (Election Watch Network, EWN) и (Germany, USA)"
    >>> [text[s.start:s.end] for s in bracketed_names(text, [])]
    ['Election Watch Network', 'EWN']
    """
    result = SpanIndex(spans)
    for found in _BRACKETED.finditer(text):
        initials = [w[0].upper() for w in found.group(1).split()]
        letters = [c for c in found.group(2) if c.isalpha()]
        if not _subsequence(letters, initials) or letters[0] != initials[0]:
            continue
        keys, overlapping = result.keys_overlapping(found.start(), found.end()), \
            result.overlapping(found.start(), found.end())
        if any(s.start < found.start() or s.end > found.end() for s in overlapping):
            continue
        for key in keys:
            result.remove(key)
        result.add(Span(ORG, found.start(1), found.end(1), source="brackets"))
        result.add(Span(ORG, found.start(2), found.end(2), source="brackets"))
    return list(result)


def _subsequence(letters: list[str], initials: list[str]) -> bool:
    """Whether ``letters`` are some of ``initials``, in order."""
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)


_NAMED_AFTER_END = re.compile(r"(?<![\w-])(?:им\.|имени)\Z")
_NAMED_AFTER_GAP = re.compile(r"[ \t]+(?:(?:им\.|имени)[ \t]+)?")


def join_named_after(text: str, spans: list[Span]) -> list[Span]:
    """A body named after a person is one ORG with the person's name (``Театра им.``
    + ``Йозефа Мюллера``: natasha may end the ORG at ``им.`` or before it); the person
    is found inside it again later, nested.

    >>> text = "создатель Театра им. Йозефа Мюллера"
    >>> [(s.type, text[s.start:s.end]) for s in join_named_after(text, [Span(ORG, 10, 20), Span(PER, 21, 36)])]
    [('ORG', 'Театра им. Йозефа Мюллера')]
    """
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = result[-1] if result else None
        if last is not None and last.type == ORG and span.type == PER:
            gap = _NAMED_AFTER_GAP.fullmatch(text, last.end, span.start)
            if gap and (_NAMED_AFTER_END.search(text, last.start, last.end) or "им" in gap.group()):
                result[-1] = Span(ORG, last.start, span.end, source=last.source)
                continue
        result.append(span)
    return result
