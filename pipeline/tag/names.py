"""People, places and organisations (PER, LOC, ORG) in clean text.

natasha's news NER finds the spans, one paragraph-sized chunk at a time (time
stays linear, and no span crosses a line). Its errors on testimony are fixed by
general rules: institution words make an ORG (``models/org_words.json``), a
capitalised common word is not a name (pymorphy3), the gazetteer finds and types
places in any case (``gazetteer.py``). Every mention gets a nominative ``normal``
and an ``entity_id`` shared by the mentions of one person, place or organisation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from razdel import sentenize

from ..nlp import Models
from ..records import LOC, ORG, PER, Mention
from .gazetteer import find_places
from .orgs import (
    find_org_words,
    is_abbreviation,
    is_common_word,
    normalise_org,
    normalise_phrase,
    org_lexicon,
    org_head,
)
from .persons import fullest, group_persons, normalise_person, surname_key

CHUNK_CHARS = 1500  # natasha runs on pieces about this long, cut at sentence ends
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = ".!?…:;\"«»“”„(—–-"


@dataclass(slots=True)
class Span:
    """A candidate mention while the rules work on it."""

    type: str
    start: int
    end: int
    canonical: str | None = None  # set by the gazetteer
    source: str = "natasha"


def tag_names(text: str, models: Models) -> list[Mention]:
    """PER, LOC and ORG mentions of clean text, normalised and grouped.

    >>> from pipeline.nlp import load_models
    >>> found = tag_names("В Жанаозене задержали Бахыт Туменову.", load_models())
    >>> [(m.type, m.text, m.normal) for m in found]
    [('LOC', 'Жанаозене', 'Жанаозен'), ('PER', 'Бахыт Туменову', 'Бахыт Туменова')]
    """
    spans = _natasha_spans(text, models)
    spans = [piece for span in spans for piece in _split_parenthesis(text, span)]
    spans = [fixed for span in spans if (fixed := _fix_span(text, span)) is not None]
    spans = _add_places(text, spans)
    spans = _add_org_words(text, spans)
    spans = _merge_org_with_place(text, spans)
    spans = _without_overlaps(spans)
    return _to_mentions(text, spans + _repeated_surnames(text, spans))


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) of text: each line, long lines cut at sentence ends.

    >>> chunks("Первый абзац.\\nВторой. Третий.", size=8)
    [(0, 'Первый абзац.'), (14, 'Второй.'), (22, 'Третий.')]
    """
    pieces: list[tuple[int, str]] = []
    for line in _PARAGRAPH.finditer(text):
        if len(line.group()) <= size:
            pieces.append((line.start(), line.group()))
            continue
        start = end = 0
        for sentence in sentenize(line.group()):
            if sentence.stop - start > size and end > start:
                pieces.append((line.start() + start, line.group()[start:end]))
                start = sentence.start
            end = sentence.stop
        if end > start:
            pieces.append((line.start() + start, line.group()[start:end]))
    return pieces


def _natasha_spans(text: str, models: Models) -> list[Span]:
    pieces = chunks(text)
    spans = []
    for (offset, _), markup in zip(pieces, models.ner_tagger.map([p for _, p in pieces])):
        for span in markup.spans:
            if span.type in (PER, LOC, ORG):
                spans.append(Span(span.type, offset + span.start, offset + span.stop))
    return spans


def _split_parenthesis(text: str, span: Span) -> list[Span]:
    """``Дэвид Саутер (David Souter)``, ``Форума … (ФСЭГ)``: two names of one thing.

    The parenthesised name becomes a mention of its own, of the same type.
    """
    surface = text[span.start : span.end]
    opening = surface.find(" (")
    if opening <= 0 or not surface.endswith(")") or surface.count("(") != 1:
        return [span]
    inner_start = span.start + opening + 2
    return [replace(span, end=span.start + opening), replace(span, start=inner_start, end=span.end - 1)]


def _fix_span(text: str, span: Span) -> Span | None:
    """Retype, trim or reject one natasha span; None drops it."""
    span = _close_quote(text, span)
    words = _WORD.findall(text[span.start : span.end])
    if not words:
        return None
    surface = text[span.start : span.end]
    if span.type == ORG and is_abbreviation(surface) and surface in org_lexicon().not_org:
        return None  # СМИ: a generic term
    if org_head(words) is not None:
        return replace(span, type=ORG)
    if span.type in (PER, LOC) and _capitalised_common_words(text, span.start, words):
        return None
    if span.type == ORG and len(words) == 1 and "«" not in surface and not is_abbreviation(surface):
        if is_common_word(words[0]):
            return None  # ``Решения`` (Маслихата), ``НЕсогласных``
    return span


def _capitalised_common_words(text: str, start: int, words: list[str]) -> bool:
    """Whether a span is only common words with a capital: a participle
    opening a sentence (``Поданная``), an adjective of a fixed phrase
    (``Чрезвычайное`` положение)."""
    if not all(is_common_word(word) for word in words):
        return False
    if len(words) == 1 and is_common_word(words[0], parts_of_speech=_NOT_NOUN):
        return True
    before = text[:start].rstrip(" ")
    return not before or before[-1] in _SENTENCE_END or before.endswith("\n")


_NOT_NOUN = frozenset(
    "ADJF ADJS PRTF PRTS VERB INFN GRND ADVB PREP CONJ PRCL NPRO COMP PRED NUMR INTJ".split()
)


def _close_quote(text: str, span: Span) -> Span:
    """Take in the closing quote natasha leaves out: ``ОФ «Аман Саулык»``."""
    surface = text[span.start : span.end]
    if surface.count("«") > surface.count("»"):
        line_end = text.find("\n", span.end)
        line_end = len(text) if line_end < 0 else line_end
        close = text.find("»", span.end, min(line_end, span.end + 80))
        if close >= 0:
            return replace(span, end=close + 1)
    return span


def _add_places(text: str, spans: list[Span]) -> list[Span]:
    """Gazetteer places: retype what natasha mistyped, add what it missed."""
    result = list(spans)
    for place in find_places(text):
        overlapping = [s for s in result if s.start < place.end and place.start < s.end]
        hit = Span(LOC, place.start, place.end, place.canonical, "gazetteer")
        if not overlapping:
            if not _may_be_person(text[place.start : place.end]):
                result.append(hit)
            continue
        if any(s.type == ORG for s in overlapping):
            continue  # a place inside an organisation's name stays part of it
        inside = all(place.start <= s.start and s.end <= place.end for s in overlapping)
        if inside:  # natasha's PER/LOC is (part of) this place: ``Жана Озена``
            result = [s for s in result if s not in overlapping] + [hit]
        else:
            for s in overlapping:
                if s.type == LOC and (s.start, s.end) == (place.start, place.end):
                    s.canonical = place.canonical
    return result


def _may_be_person(surface: str) -> bool:
    """A one-word place that is also a first name or surname (Владимир) is left to natasha."""
    from ..nlp import parse_word

    words = surface.split()
    return len(words) == 1 and any(
        mark in parse.tag for parse in parse_word(words[0]) for mark in ("Name", "Surn", "Patr")
    )


def _add_org_words(text: str, spans: list[Span]) -> list[Span]:
    """Institutions natasha missed (``прокуратурой``, ``СОБРа``, ``ОФ «…»``)."""
    result = list(spans)
    for start, end in find_org_words(text):
        overlapping = [s for s in result if s.start < end and start < s.end]
        if not overlapping:
            result.append(Span(ORG, start, end, source="lexicon"))
        elif all(start <= s.start and s.end <= end for s in overlapping):
            result = [s for s in result if s not in overlapping] + [Span(ORG, start, end, source="lexicon")]
    return result


def _merge_org_with_place(text: str, spans: list[Span]) -> list[Span]:
    """``Коммунистическая партия`` + ``Казахстана`` is one ORG, as in ``МИД России``."""
    ordered = sorted(spans, key=lambda s: s.start)
    merged: list[Span] = []
    for span in ordered:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.type == ORG
            and span.type == LOC
            and text[last.end : span.start] == " "
            and _is_genitive(text[span.start : span.end])
        ):
            last.end = span.end
            continue
        merged.append(span)
    return merged


def _is_genitive(surface: str) -> bool:
    from ..nlp import parse_word

    first = surface.split()[0]
    if is_abbreviation(first):
        return True
    parses = parse_word(first)
    return bool(parses) and parses[0].tag.case == "gent"


def _repeated_surnames(text: str, spans: list[Span]) -> list[Span]:
    """A full name's surname met again alone (``Туменова подала жалобу``), which
    natasha missed, is the same person: tag it too."""
    surnames = set()
    for span in spans:
        if span.type == PER:
            name = normalise_person(text[span.start : span.end])
            if len(name.parts) > 1 and len(name.parts[-1]) > 2:
                surnames.add(surname_key(name.parts[-1]))
    if not surnames:
        return []
    added = []
    taken = sorted((s.start, s.end) for s in spans)
    for match in _CAPITALISED.finditer(text):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        if normalise_person(match.group()).last_keys & surnames:
            added.append(Span(PER, match.start(), match.end(), source="coreference"))
    return added


_CAPITALISED = re.compile(r"(?<![\w.-])[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Longest span first; a span never overlaps another of these kinds."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _to_mentions(text: str, spans: list[Span]) -> list[Mention]:
    """Normalise every span and number the entities by first appearance."""
    spans = sorted(spans, key=lambda s: s.start)
    persons = [s for s in spans if s.type == PER]
    names = [normalise_person(text[s.start : s.end]) for s in persons]
    clusters = group_persons(names)
    person_normal = {}
    for cluster in set(clusters):
        members = [n for n, c in zip(names, clusters) if c == cluster]
        person_normal[cluster] = fullest(members).normal
    person_key = {id(s): ("PER", c) for s, c in zip(persons, clusters)}
    normals: dict[int, str] = {
        id(s): person_normal[c] for s, c in zip(persons, clusters)
    }
    for span in spans:
        surface = text[span.start : span.end]
        if span.type == LOC:
            normals[id(span)] = span.canonical or normalise_phrase(surface)
        elif span.type == ORG:
            normals[id(span)] = normalise_org(surface)
    entity_of: dict[tuple, int] = {}
    forms: dict[int, Counter] = {}
    for span in spans:
        normal = normals[id(span)]
        key = person_key.get(id(span)) or (span.type, normal.lower())
        entity = entity_of.setdefault(key, len(entity_of))
        forms.setdefault(entity, Counter())[normal] += 1
    # One normal per entity: its most frequent form (the first seen on a tie).
    entity_normal = {entity: counts.most_common(1)[0][0] for entity, counts in forms.items()}
    mentions = []
    for span in spans:
        key = person_key.get(id(span)) or (span.type, normals[id(span)].lower())
        entity = entity_of[key]
        surface = text[span.start : span.end]
        mentions.append(
            Mention(span.type, span.start, span.end, surface, entity_normal[entity], None, entity)
        )
    return mentions
