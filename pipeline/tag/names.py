"""People, places and organisations (PER, LOC, ORG) in clean text.

natasha's news NER finds the spans, one paragraph-sized chunk at a time (time
stays linear, and no span crosses a line). Its errors on testimony are fixed by
general rules: institution words make an ORG (``models/org_words.json``), a
capitalised common word is not a name (pymorphy3), the gazetteer finds and types
places in any case (``gazetteer.py``). Every mention gets a nominative ``normal``
and an ``entity_id`` shared by the mentions of one person, place or organisation.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace

from razdel import sentenize

from ..nlp import Models, named_entities, parse_word
from ..records import LOC, ORG, PER, Mention
from ..resources import lexicon_index, load_json
from .body_places import DISTRICT_AT_END, PLACE_GAP, headed_by_standalone_body, served_place_body_end
from .candidates import SENTENCE_END, WORD, Span
from .gazetteer import canonical_place, find_places, find_venues, place_nominative
from .facilities import find_facilities
from .latin_names import latin_people
from .inflect import abbreviation_stem, is_abbreviation, is_common_word
from .nesting import geographic_words
from .org_names import (
    add_bodies_with_place,
    add_org_names,
    extend_named_after_people,
    merge_org_chains,
    names_before_place,
    nested_orgs,
    quoted_names_inside,
)
from .org_phrases import (
    add_makers_of_works,
    add_quoted_bodies,
    bracketed_names,
    designated_latin_names,
    join_named_after,
)
from .orgs import (
    complement_end,
    find_org_words,
    is_plural_institution,
    is_unnamed_body,
    is_standalone_body,
    normalise_org,
    org_head,
    org_lexicon,
    unit_start,
)
from .overlaps import SpanIndex
from .person_context import person_context
from .works import quoted_works, vehicle_names
from .place_kinds import is_building_name, place_kind
from .place_or_person import is_geographic, may_be_either, place_or_person, surnames_as_people
from .person_spans import (
    GIVEN,
    NOT_NOUN,
    extend_person,
    extend_persons,
    initials_before_surname,
    join_split_names,
    names_with_patronymic,
    named_after_people,
    split_person,
    word_role,
)
from .persons import full_name_surnames, fullest, group_persons, normalise_person, settle_genders

CHUNK_CHARS = 1500  # natasha runs on pieces about this long, cut at sentence ends
MAX_CHUNK_CHARS = 6000  # and a longer sentence (a list, never prose) at commas
_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = WORD
_SENTENCE_END = SENTENCE_END


def tag_names(text: str, models: Models) -> list[Mention]:
    """PER, LOC and ORG mentions of clean text, normalised and grouped.

    >>> from pipeline.nlp import load_models
    >>> found = tag_names("В Жанаозене задержали Бахыт Туменову.", load_models())
    >>> [(m.type, m.text, m.normal) for m in found]
    [('LOC', 'Жанаозене', 'Жанаозен'), ('PER', 'Бахыт Туменову', 'Бахыт Туменова')]
    """
    spans = join_split_names(text, _natasha_spans(text, models))
    spans = [piece for span in spans for piece in _split_parenthesis(text, span)]
    spans = [piece for span in spans for piece in _split_at_bullets(text, span)]
    spans = [fixed for span in spans if (fixed := _fix_span(text, span)) is not None]
    # A quoted name of a film, a song, a shuttle is no organisation (``фильм «…»``).
    works = quoted_works(text)
    spans = [s for s in spans if s.type != ORG or (s.start, s.end) not in works]
    # A craft or a station named by what is said of it is none either (``с борта …``).
    crafts = vehicle_names(text, [(s.start, s.end) for s in spans if s.type == ORG], models)
    spans = [s for s in spans if s.type != ORG or (s.start, s.end) not in crafts]
    spans = extend_persons(text, spans)
    spans = [piece for span in spans for piece in split_person(text, span)]
    spans = names_with_patronymic(text, spans)
    # natasha reads ``Elnur Hasanov`` in Russian text as an ORG, or misses ``H. Dubrovskaya``.
    spans = latin_people(text, spans)
    seen_people = [replace(s) for s in spans if s.type == PER]
    found_places = find_places(text)
    places = [Span(LOC, p.start, p.end, p.canonical, "gazetteer", p.name) for p in found_places]
    # A country after a body is its jurisdiction, kept inside its name (``Правительство Японии``).
    countries = frozenset((p.start, p.end) for p in found_places if p.kind == "country")
    seen_places = [replace(s) for s in spans if s.type == LOC] + places
    spans = _add_places(text, spans, places, countries)
    # facilities (``СИЗО-1``, ``ночной клуб «…»``) found once: venues, and no bodies below
    facilities = find_facilities(text)
    spans = _add_venues(text, spans, facilities)
    spans = initials_before_surname(text, spans)
    inner_orgs: list[Span] = []  # ORGs taken into longer ones, nested in them at the end
    spans = add_org_names(text, spans, inner_orgs)
    spans = add_makers_of_works(text, spans)
    spans = extend_named_after_people(text, spans)
    spans = join_named_after(text, spans)
    spans = _add_org_words(text, spans, frozenset((p.start, p.end) for p in facilities))
    spans = add_bodies_with_place(text, spans, countries)
    spans = _merge_org_with_place(text, spans, countries)
    spans = merge_org_chains(text, spans, inner_orgs)
    spans = designated_latin_names(text, spans)
    spans = add_quoted_bodies(text, spans)
    spans = _take_in_complements(text, spans, inner_orgs)
    spans = _units_before_bodies(text, spans, inner_orgs)
    spans = [_with_ordinal(text, s) for s in spans]
    spans = bracketed_names(text, spans)
    spans = _without_unnamed_bodies(text, spans, inner_orgs, seen_places)
    spans = surnames_as_people(text, _without_overlaps(spans))
    spans = _epithet_names(text, spans)
    spans += _repeated_surnames(text, spans)
    nested = _nested_places(text, spans, seen_places + _served_districts(text, spans)) + quoted_names_inside(text, spans)
    # A body named by its common noun with the city it serves (``мэрия Москвы``) holds no
    # name without it: ``мэрия`` alone is one of many, as a territorial body is.
    nested += nested_orgs(spans, inner_orgs) + [
        n for n in names_before_place(text, spans, nested)
        if not _serves_place(text, n.same_as, n.end, countries)]
    nested += _nested_people(spans, seen_people) + _regions_of_places(text, spans)
    nested = [n for n in nested if not (n.type == ORG and is_unnamed_body(text[n.start : n.end]))]
    # A place inside a person named in a name is a piece of that person's name:
    # no ``Ломоносова`` LOC inside ``имени М. В. Ломоносова``.
    nested = [n for n in nested if n.type == PER or not any(
        p.type == PER and p.start <= n.start and n.end <= p.end for p in nested)]
    # The person a body or venue is named after is a person, not a place or a unit of it:
    # no ``Чехова`` LOC nor ``МХТ имени`` ORG inside ``МХТ имени Чехова``.
    people = [p for p in named_after_people(text, spans) if not any(
        n.type == PER and n.start < p.end and p.start < n.end for n in nested)]
    nested = [n for n in nested if not _NAMED_AFTER_END.search(text, n.start, n.end) and not any(
        n.type != PER and n.start < p.end and p.start < n.end for p in people)]
    # … and a person even where nothing took in the body's name (``больнице им. Пирогова``),
    # over a place or a piece of the name read alone (``имени М. В. Ломоносова``: no town Ломоносов).
    for person in named_after_people(text):
        touching = [s for s in spans + nested if s.start < person.end and person.start < s.end]
        if all(s.type in (PER, LOC) and person.start <= s.start and s.end <= person.end for s in touching):
            spans = [s for s in spans if not any(s is t for t in touching)]
            nested = [s for s in nested if not any(s is t for t in touching)]
            people.append(person)
    return _to_mentions(text, [s for s in spans + nested + people if not _domain_zone(text, s.start, s.end)
                               and not (s.type == ORG and _inside_work(s, works))
                               # ``ООО`` left with no name: some company, no one organisation
                               and not (s.type == ORG and text[s.start : s.end] in org_lexicon().legal_forms)])


def _inside_work(span: Span, works: set[tuple[int, int]]) -> bool:
    """Whether an ORG lies inside the quoted name of a work (``«Звук. Юность»``)."""
    return any(start <= span.start and span.end <= end for start, end in works)


def _domain_zone(text: str, start: int, end: int) -> bool:
    """A short word right after a dot that follows a space or the text start is a web
    domain zone (``в зоне .РФ``, ``.com``), no place or body. The span must be one word of
    at most six letters (``.РОССИЯ``, ``.МОСКВА``), all capitals or Latin: a real name after a dot glued to
    punctuation (``троих...Петров``, ``«Мы пришли».Иванов`` in PDF text) and ``г.Москва``
    stay names.

    >>> _domain_zone("в зоне .РФ", 8, 10), _domain_zone("г.Москва", 2, 8)
    (True, False)
    >>> _domain_zone("троих...Петров", 8, 14), _domain_zone(".РФ", 1, 3)
    (False, True)
    """
    if text[start - 1 : start] != "." or (start >= 2 and not text[start - 2].isspace()):
        return False
    word = text[start:end]
    return bool(_ZONE_WORD.fullmatch(word)) and (word.isupper() or word.isascii())


_ZONE_WORD = re.compile(r"[^\W\d_]{1,6}")


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) of text: each non-blank line, long lines cut at sentence ends.

    >>> chunks("Первый абзац.\\nВторой. Третий.", size=8)
    [(0, 'Первый абзац.'), (14, 'Второй.'), (22, 'Третий.')]
    """
    pieces: list[tuple[int, str]] = []
    for line in _PARAGRAPH.finditer(text):
        if line.group().isspace():
            continue  # natasha fails on a piece with no token
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
    return [cut for offset, piece in pieces for cut in _cut_list(offset, piece, MAX_CHUNK_CHARS)]


def _cut_list(offset: int, piece: str, limit: int) -> list[tuple[int, str]]:
    """A piece longer than ``limit`` (one "sentence" listing thousands of names) cut after
    a comma or semicolon, else at a space, so natasha's memory stays bounded.

    >>> _cut_list(0, "Иванов, Петров, Сидоров", 10)
    [(0, 'Иванов,'), (8, 'Петров,'), (16, 'Сидоров')]
    """
    found = []
    while len(piece) > limit:
        cut = max(piece.rfind(", ", limit // 2, limit), piece.rfind("; ", limit // 2, limit)) + 1
        if cut <= 0:
            cut = piece.rfind(" ", 1, limit) if piece.rfind(" ", 1, limit) > 0 else limit
        found.append((offset, piece[:cut]))
        rest = piece[cut:]
        offset, piece = offset + cut + len(rest) - len(rest.lstrip()), rest.lstrip()
    return found + [(offset, piece)] if piece.strip() else found


def _natasha_spans(text: str, models: Models) -> list[Span]:
    # Fed to natasha shortest first: a batch is padded to its longest piece, so
    # pieces of like length waste less work (the spans come out the same).
    pieces = sorted(chunks(text), key=lambda piece: len(piece[1]))
    spans = []
    for (offset, _), entities in zip(pieces, named_entities([p for _, p in pieces], models)):
        for kind, start, stop in entities:
            if kind in (PER, LOC, ORG):
                spans.append(Span(kind, offset + start, offset + stop))
    return spans


def _split_parenthesis(text: str, span: Span) -> list[Span]:
    """``Питер Харлоу (Peter Harlow)``, ``Союза … (ССРП)``: two names of one thing.

    The parenthesised name becomes a mention of its own, of the same type.
    """
    if text[span.end : span.end + 1] == ")" and text.count("(", span.start, span.end) == 1 and \
            text.count(")", span.start, span.end) == 0:
        span = replace(span, end=span.end + 1)  # natasha stopped short of the bracket it opened
    surface = text[span.start : span.end]
    opening = surface.find(" (")
    if opening <= 0 or not surface.endswith(")") or surface.count("(") != 1:
        return [span]
    inner_start = span.start + opening + 2
    end = opening
    if surface[end - 1] == "»" and surface.count("«") < surface.count("»"):
        end -= 1  # ``Фронта за …» (FDX)``: the quote closes a name opened before the span
    return [replace(span, end=span.start + end), replace(span, start=inner_start, end=span.end - 1)]


_BULLETS = re.compile(r"\s*[•·▪●■◦‣∙|]\s*")


def _split_at_bullets(text: str, span: Span) -> list[Span]:
    """``Перу • Гана``: natasha runs a name over a list's bullet; each item is a
    name of its own, of the same type (a bullet opening the span is dropped).

    >>> text = "• Мали • Сьерра Леоне • Непал"
    >>> [text[s.start:s.end] for s in _split_at_bullets(text, Span(LOC, 0, len(text)))]
    ['Мали', 'Сьерра Леоне', 'Непал']
    """
    surface = text[span.start : span.end]
    if not _BULLETS.search(surface):
        return [span]
    pieces, start = [], span.start
    for bullet in _BULLETS.finditer(surface):
        if span.start + bullet.start() > start:
            pieces.append(replace(span, start=start, end=span.start + bullet.start()))
        start = span.start + bullet.end()
    if span.end > start:
        pieces.append(replace(span, start=start, end=span.end))
    return pieces


def _fix_span(text: str, span: Span) -> Span | None:
    """Retype, trim or reject one natasha span; None drops it."""
    span = _close_quote(text, span)
    # A closing quote or bracket with no opening one in the span closes the text around it,
    # opened before the name: ``Движения за …»``, ``Bad Homburg vor der Höhe)``.
    for opening, closing in ("«»", "()"):
        while text[span.end - 1 : span.end] == closing and text.count(opening, span.start, span.end) < \
                text.count(closing, span.start, span.end):
            span = replace(span, end=span.end - 1)
    words = _WORD.findall(text[span.start : span.end])
    if not words:
        return None
    surface = text[span.start : span.end]
    if span.type == ORG and _is_not_org(surface):
        return None  # СМИ: a generic term; ИВС, СИЗО № 1: a holding facility
    if span.type == ORG and len(words) > 1 and words[0].islower() and _is_office(words[0]):
        # ``главой администрации Боливии``: the office's holder is a person, not part of the body
        span = replace(span, start=text.index(words[1], span.start + len(words[0])))
        words, surface = words[1:], text[span.start : span.end]
    if len(words) == 1 and surface.isupper() and len(surface) > 3 and is_common_word(surface.lower()):
        return None  # a heading in capitals: ``ЗАЯВЛЕНИЕ``, ``ОТЧЕТ``
    if org_head(words) is not None:
        if len(words) == 1 and is_plural_institution(words[0]):
            return None  # ``маслихаты по всей стране``: a class of bodies
        return replace(span, type=ORG)
    if span.type in (PER, LOC) and _capitalised_common_words(text, span.start, words):
        return None
    if span.type == PER and (pronoun := _PRONOUN_AFTER_INITIAL.search(surface)) \
            and all(p.tag.POS == "NPRO" or "Apro" in p.tag for p in parse_word(pronoun.group(1).lower())[:1]):
        # ``Ахметовой А. Её задержали``: a pronoun opening the next sentence is no part of the name
        span = replace(span, end=span.start + pronoun.start() + 2)
        surface = text[span.start : span.end]
    if span.type == PER and (age := _NUMBER_OPENING.match(surface)) and age.end() < len(surface):
        span = replace(span, start=span.start + age.end())  # ``41-летний Тимур``: an age is no name
        surface = text[span.start : span.end]
    if span.type in (PER, LOC) and len(words) == 1 and surface.islower():
        return None  # a common noun natasha cut off a name: ``на мысе`` | ``Агульяс``
    if span.type == LOC and len(words) > 1 and words[0] in _SETTLEMENT_WORDS and words[1][:1].isupper():
        # ``Город Тольятти`` opening a heading: the word for the kind of place is no part of its name;
        # ``Город на Неве`` keeps its whole span, no name opening at ``на``
        return replace(span, start=text.index(words[1], span.start + len(words[0])))
    if span.type == ORG and len(words) == 1 and "«" not in surface and not is_abbreviation(surface):
        if is_common_word(words[0]):
            return None  # ``Решения`` (Маслихата), ``НЕсогласных``
    if span.type == ORG and _oblique_common_noun_opening(text, span.start, words):
        return None  # ``Группой активистов`` (был подан иск)
    if span.type == ORG and "«" not in surface and text[span.start - 1 : span.start] not in _OPENING_QUOTES \
            and is_building_name(words):
        return replace(span, type=LOC)  # ``Бостонском аэропорту``: a venue, no body
    return span


# An initial, then a capitalised word closing the span (``А. Её``).
_PRONOUN_AFTER_INITIAL = re.compile(r"(?<![^\W\d_])[А-ЯЁ]\.\s+([А-ЯЁ][а-яё]+)$")
_WORD_BEFORE_NAME = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+) \Z")


def _epithet_names(text: str, spans: list[Span]) -> list[Span]:
    """A first name with an epithet after it is one person (``Симеон Грозный``, ``Ярослава
    Мудрого``), not a first name and a town: a one-word place right after a first name
    that no mention took, when the place's word is an adjective agreeing with the name."""
    taken = SpanIndex((s.start, s.end) for s in spans)
    result = []
    for span in spans:
        before = _WORD_BEFORE_NAME.search(text, max(0, span.start - 30), span.start) \
            if span.type == LOC and " " not in text[span.start : span.end] else None
        if before and not taken.overlapping(before.start(1), before.end(1)) and \
                word_role(before.group(1)) == GIVEN and _agrees_as_epithet(before.group(1), text[span.start : span.end]):
            result.append(replace(span, type=PER, start=before.start(1), canonical=None, name=None, source="epithet"))
            continue
        result.append(span)
    return result


def _agrees_as_epithet(name: str, word: str) -> bool:
    """Whether ``word`` reads as an adjective in a case and gender the first name has."""
    cases = {(p.tag.case, p.tag.gender) for p in parse_word(name) if "Name" in p.tag}
    return any(p.tag.POS == "ADJF" and (p.tag.case, p.tag.gender) in cases for p in parse_word(word))


_NUMBER_OPENING = re.compile(r"\d[\w-]*\s+")
# A settlement's kind written with a capital (a heading, a sentence start) before its name.
_SETTLEMENT_WORDS = frozenset({"Город", "Село", "Деревня", "Посёлок", "Поселок", "Станица", "Аул", "Кишлак"})
_FACILITY_NUMBER = re.compile(r"[\s-]*(?:№\s*)?\d*\s*", re.I)


def _is_office(word: str) -> bool:
    """A lower-case noun for an office whose holder heads a body (``главой``,
    ``председателя``: ``org_words.json`` ``complement_office``), which is no body's name."""
    return any(p.tag.POS == "NOUN" and p.normal_form in org_lexicon().complement_office for p in parse_word(word))


def _is_not_org(surface: str) -> bool:
    """A generic or facility abbreviation, maybe numbered: never an ORG.

    >>> _is_not_org("СИЗО-1"), _is_not_org("ИВС"), _is_not_org("СМИ"), _is_not_org("ОВД")
    (True, True, True, False)
    """
    head = re.match(r"[^\W\d_]+", surface)
    if head is None or not is_abbreviation(head.group()):
        return False
    rest = surface[head.end():]
    not_org = org_lexicon().not_org
    return (head.group() in not_org or abbreviation_stem(head.group()) in not_org) and bool(
        _FACILITY_NUMBER.fullmatch(rest))


def _oblique_common_noun_opening(text: str, start: int, words: list[str]) -> bool:
    """A sentence opening with a common noun in an oblique case and lower-case
    words after it, which natasha takes for a name for its capital; names such
    as ``Первый канал``, ``Братья мусульмане`` open with an adjective or a nominative."""
    from ..nlp import parse_word

    before = text[:start].rstrip(" ")
    if before and before[-1] not in _SENTENCE_END and not before.endswith("\n"):
        return False
    if not all(map(is_common_word, words)) or not all(w.islower() for w in words[1:]):
        return False
    top = parse_word(words[0])[0]
    return top.tag.POS == "NOUN" and top.tag.case not in ("nomn", "accs")


def _capitalised_common_words(text: str, start: int, words: list[str]) -> bool:
    """Whether a span is only common words with a capital: a participle
    opening a sentence (``Поданная``), an adjective of a fixed phrase
    (``Чрезвычайное`` положение)."""
    if not all(is_common_word(word) for word in words):
        return False
    if len(words) == 1 and is_common_word(words[0], parts_of_speech=NOT_NOUN):
        return True
    before = text[:start].rstrip(" ")
    return not before or before[-1] in _SENTENCE_END or before.endswith("\n")


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


def _add_places(text: str, spans: list[Span], places: list[Span],
                countries: frozenset[tuple[int, int]] = frozenset()) -> list[Span]:
    """Gazetteer places: retype what natasha mistyped, add what it missed; a one-word
    name that may be a place or a person is settled by :func:`place_or_person`."""
    at_place = {(p.start, p.end) for p in places}
    result = SpanIndex(_settle_one_word(text, s, (s.start, s.end) in at_place) for s in spans)
    for place in places:
        keys = result.keys_overlapping(place.start, place.end)
        overlapping = result.overlapping(place.start, place.end)
        hit = replace(place)
        one_word = " " not in text[place.start : place.end]
        if not overlapping:
            if not (one_word and may_be_either(text[place.start : place.end])) or \
                    place_or_person(text, place.start, place.end, None, True) == LOC:
                result.add(hit)
            continue
        if any(s.type == ORG for s in overlapping):
            if len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (place.start, place.end) \
                    and (place.start, place.end) in countries and text[place.start - 1 : place.start] not in _OPENING_QUOTES:
                # a country's own name, typed ORG: ``Советскому Союзу``; a quoted one is a
                # club's, band's or brand's name: ``«Барселона»``
                result.remove(keys[0])
                result.add(hit)
            continue  # a place inside an organisation's name stays part of it
        inside = all(place.start <= s.start and s.end <= place.end for s in overlapping)
        if inside and one_word and any(s.type == PER for s in overlapping) and \
                place_or_person(text, place.start, place.end, PER, True) == PER:
            continue  # ``дача Иванова``: a surname, not Иваново
        if inside:  # natasha's PER/LOC is (part of) this place: ``Жана Озена``
            for key in keys:
                result.remove(key)
            result.add(hit)
        else:
            for s in overlapping:
                if s.type == LOC and (s.start, s.end) == (place.start, place.end):
                    s.canonical, s.name = place.canonical, place.name
    return list(result)


def _settle_one_word(text: str, span: Span, in_gazetteer: bool) -> Span:
    """natasha's one-word PER or LOC retyped when its word and context say otherwise,
    by :func:`place_or_person`: a word that may be either (``Жители Владимира``,
    ``Борисов сообщил``); a gazetteer place that is no one's name is a place; a place
    only pymorphy3 knows is voted on, so a foreign surname that is also a city
    (``Хьюстон сообщила``) stays a person."""
    if span.type not in (PER, LOC) or " " in text[span.start : span.end].strip():
        return span
    word = text[span.start : span.end]
    if may_be_either(word):
        return replace(span, type=place_or_person(text, span.start, span.end, span.type, in_gazetteer))
    if span.type == PER and in_gazetteer:
        return replace(span, type=LOC)  # a place of the gazetteer that is no one's name: ``Андижана``
    if span.type == PER and is_geographic(word):
        return replace(span, type=place_or_person(text, span.start, span.end, PER, False))
    return span


def _add_venues(text: str, spans: list[Span], facilities: list) -> list[Span]:
    """``памятника Абаю``, ``кинотеатром «Сары Арка»``, and ``facilities``: one LOC taking in
    the names inside it (no PER Абай); a venue that would cut another span is left out."""
    result = SpanIndex(spans)
    for venue in find_venues(text) + facilities:
        keys = result.keys_overlapping(venue.start, venue.end)
        if all(venue.start <= s.start and s.end <= venue.end for s in result.overlapping(venue.start, venue.end)):
            for key in keys:
                result.remove(key)
            result.add(Span(LOC, venue.start, venue.end, venue.canonical, "venue", venue.name))
    return list(result)


def _add_org_words(text: str, spans: list[Span], facilities: frozenset[tuple[int, int]]) -> list[Span]:
    """Institutions natasha missed (``прокуратурой``, ``СОБРа``, ``ОФ «…»``); not inside one of
    ``facilities`` (start, end), a venue."""
    result = SpanIndex(spans)
    for start, end in find_org_words(text):
        venues = [(s.start, s.end) for s in result.overlapping(start, end)
                  if s.type == LOC and s.source == "venue" and s.start <= start and end <= s.end]
        if any(venue in facilities for venue in venues):
            continue  # "ночной клуб «…»": a facility (facilities.py), no body
        keys = result.keys_overlapping(start, end)
        if not keys:
            result.add(Span(ORG, start, end, source="lexicon"))
        elif all(start <= s.start and s.end <= end for s in result.overlapping(start, end)):
            for key in keys:
                result.remove(key)
            result.add(Span(ORG, start, end, source="lexicon"))
    return list(result)


def _merge_org_with_place(text: str, spans: list[Span], countries: frozenset[tuple[int, int]] = frozenset()) -> list[Span]:
    """``Коммунистическая партия`` + ``Казахстана`` is one ORG, as in ``МИД России``, and so
    is a body named by its common noun with the city or region it serves (``Мэрия`` +
    ``Екатеринбурга``, ``суд`` + ``г. Бишкека``): NEREL and FactRuEval both keep one ORG.
    The place nests in it as a LOC, and the events read it as the body's place
    (:mod:`pipeline.tag.body_places`). ``countries`` is kept for callers; a country is
    taken in as any place is."""
    ordered = sorted(spans, key=lambda s: s.start)
    merged: list[Span] = []
    for span in ordered:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.type == ORG
            and span.type == LOC
            and PLACE_GAP.fullmatch(text, last.end, span.start)
            and ((text[last.end : span.start] == " " and _is_genitive(text[span.start : span.end]))
                 or (_headed_by_standalone_body(text, last) and (text[last.end : span.start] != " "
                                                                 or _is_genitive(text[span.start : span.end], True))))
        ):
            last.end = span.end
            continue
        merged.append(span)
    return merged


def _take_in_complements(text: str, spans: list[Span], inner_orgs: list[Span]) -> list[Span]:
    """An organisation takes in the phrase naming its field or patron (``комиссия по
    правам человека``, ``совет при губернаторе``: :func:`complement_end`); the names
    inside it are nested again at the end (an ORG as a unit's body, a place or a
    person by the usual rules)."""
    ordered = sorted(spans, key=lambda s: s.start)
    result: list[Span] = []
    taken_until = -1
    for span in ordered:
        if span.start < taken_until:
            if span.type == ORG:
                inner_orgs.append(span)
            continue
        if span.type == ORG:
            field_end = complement_end(text, span.start, span.end)
            end, territorial = _jurisdiction_end(text, span, ordered, field_end)
            end = _before_person(text, span.end, end, ordered)
            if end > span.end and not any(o.start < end < o.end for o in ordered):
                # The field belongs to the unit named before the body: ``комитет`` of
                # ``комитет Сената по делам ветеранов``; the body nests inside.
                start = unit_start(text, span.start)
                if not (start < span.start and not any(r.end > start for r in result)):
                    start = span.start
                # A named body without its field nests (``Высшей школе`` in ``Высшей школе
                # при …``); a body named by its common noun alone (``полиция``) names nothing,
                # nor does a territorial body without its territory (``ГУ МВД`` of ``ГУ МВД по
                # Москве``: a kind of body, one in every region).
                if not _headed_by_standalone_body(text, span) and (not territorial or start < span.start):
                    inner_orgs.append(replace(span))
                span = replace(span, start=start, end=end)
                taken_until = end
        result.append(span)
    return result


def _before_person(text: str, start: int, end: int, ordered: list[Span]) -> int:
    """A field phrase ends before a person named after it (``Комитета по водным
    ресурсам`` | ``Олег Сурин``): a name is no part of a body's field."""
    for person in ordered:
        if person.type == PER and start < person.start < end:
            cut = len(text[: person.start].rstrip())
            return cut if cut > start and not _ENDS_IN_PREPOSITION.search(text, start, cut) else start
    return end


def _jurisdiction_end(text: str, span: Span, ordered: list[Span], end: int) -> tuple[int, bool]:
    """Where a body's name ends once the territory it serves, named by ``по`` and a
    place in the dative, is taken in (``ГУ МВД по Нижегородской области``, ``УФСБ по
    Республике Татарстан``): the place is its jurisdiction, part of the name, as in
    ``управление … по Тверской области``; the place nests as a LOC. ``end`` (the end of
    the field phrase found by :func:`complement_end`) when no such place follows, or
    when the field phrase already ends inside a place, at that place's end.
    A body named by its common noun alone in lower case (``полиции по Москве``, the
    action's route or scope as often as the body's territory) takes none. The flag
    says whether the name now ends with a territory."""
    if not _JURISDICTION_NEXT.match(text, span.end):
        return end, False
    words = _WORD.findall(text[span.start : span.end])
    head = org_head(words)
    if head is None and not any(map(is_abbreviation, words)):
        return end, False  # no body: a person or a place natasha typed ORG
    if head is not None and all(w.islower() for w in words) and is_standalone_body(words[head]):
        return end, False
    for place in ordered:
        if place.type != LOC or place.start <= span.end:
            continue
        if place.start > max(end, span.end + 4):
            break
        if place.start == span.end + 4 and end in (span.end, place.end) and _is_dative(text[place.start : place.end]):
            return place.end, True  # ``по`` + the place itself: ``по Москве``, ``по Нижегородской области``
        if place.start < end < place.end:
            return place.end, True  # the field phrase stopped inside a place: ``по Республике`` | ``Татарстан``
    return end, False


_JURISDICTION_NEXT = re.compile(r" по (?=\w)")


def _is_dative(surface: str) -> bool:
    """Whether a place's name opens with a word that can be in the dative
    (``Нижегородской области``, ``Москве``); an abbreviation has no case."""
    first = surface.split()[0]
    return is_abbreviation(first) or any(p.tag.case == "datv" for p in parse_word(first))


def _units_before_bodies(text: str, spans: list[Span], inner_orgs: list[Span]) -> list[Span]:
    """A unit named in lower case before the body it belongs to is one ORG with it
    (``пресс-служба Министерства обороны``, ``департамента Минфина``); the body nests.
    A body named by its own common noun (``суд ООН``) is no unit: only heads that need
    a name (:func:`unit_start` with ``units_only``)."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if span.type == ORG and not _headed_by_standalone_body(text, span):
            start = unit_start(text, span.start, units_only=True)
            if start < span.start and not any(r.end > start for r in result):
                inner_orgs.append(replace(span))
                span = replace(span, start=start)
        result.append(span)
    return result


# An ordinal in figures right before a name: ``1-го``, ``2-й``, ``16-ой``.
_ORDINAL_BEFORE = re.compile(r"(?<![\w-])\d{1,3}-(?:[а-яё]{1,3}) \Z")


def _without_unnamed_bodies(text: str, spans: list[Span], inner_orgs: list[Span],
                            inner_places: list[Span] | None = None) -> list[Span]:
    """``в суд`` alone: which court is not said, so no organisation is named (NEREL and
    FactRuEval agree). What follows it may say which (:func:`_court_named_by`): a place
    (``суд Ленинского района``), a place after its kind (``суд города Гродно``, ``суд г.
    Гродно``), or an organisation or abbreviation whose court it is (``Суд ЕС``); each is
    one ORG with the court, the place or the body nested in it."""
    taken: set[int] = set()
    places: set[tuple[int, int]] = set()
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if span.type != ORG or not is_unnamed_body(text[span.start : span.end]):
            result.append(span)
            continue
        named = _court_named_by(text, span, spans)
        if named is None:
            continue
        if named.type == ORG:  # whose court: one name with it
            inner_orgs.append(replace(named))
            taken.add(named.start)
        elif named.type == LOC:  # the place it serves: one name with it, the place nested
            places.add((named.start, named.end))
            if inner_places is not None:
                inner_places.append(replace(named))
        span = replace(span, end=named.end)
        result.append(span)
    return [s for s in result if not (s.type == ORG and s.start in taken)
            and not (s.type == LOC and (s.start, s.end) in places)]


# The kind of a place written between a court and its name: ``города``, ``г.``, ``района``.
_PLACE_KIND_BEFORE_NAME = re.compile(r"(?:(?:г|гор|пос|пгт)(?:\. ?| )|([а-яё]+) )")
_REGION_NOUNS = frozenset({"район", "область", "край", "округ", "республика"})


def _court_named_by(text: str, span: Span, spans: list[Span]) -> Span | None:
    """What names the court a lone noun stands for, right after it: a LOC (the noun and
    the place stay two mentions), a LOC after a settlement's or region's noun
    (``appositive_heads`` of ``models/ner_place_endings.json``, a region noun) or its
    abbreviation, an ORG opening with a capital, in the genitive (``Суд ЕС``, ``Суд
    Евразийского экономического союза``; not ``подал в суд Министерство …``), or an abbreviation no span holds (``Span("", …)``). None
    when nothing does."""
    if text[span.end : span.end + 1] != " ":
        return None
    after = span.end + 1
    at = {s.start: s for s in spans if s.type in (LOC, ORG)}
    following = at.get(after)
    if following is not None and following.type == LOC:
        return following
    if following is not None and text[after : after + 1].isupper():
        first = _WORD.match(text, after).group()
        if is_abbreviation(first) or any(p.tag.case == "gent" for p in parse_word(first)):
            return following  # whose court, in the genitive; not the object after it
    kind = _PLACE_KIND_BEFORE_NAME.match(text, after)
    if kind and (kind.group(1) is None or any(
            p.tag.POS == "NOUN" and p.normal_form in _place_kind_nouns() for p in parse_word(kind.group(1)))):
        place = at.get(kind.end())
        if place is not None and place.type == LOC:
            return place
    word = _WORD.match(text, after)
    if word and is_abbreviation(word.group()) and word.group() not in org_lexicon().not_org:
        return Span("", after, word.end())
    return None


@lexicon_index
def _place_kind_nouns() -> frozenset[str]:
    """Nouns of a settlement or a region a place's name may follow."""
    return frozenset(load_json("ner_place_endings.json").get("appositive_heads", ())) | _REGION_NOUNS


def _with_ordinal(text: str, span: Span) -> Span:
    """An ordinal in figures right before an organisation is part of its name: the
    number tells one unit of its kind from the others (``4-го Белорусского фронта``,
    ``5-й танковой бригады``, ``3-й отдел полиции``).

    >>> text = "войска 4-го Белорусского фронта"
    >>> found = _with_ordinal(text, Span(ORG, 12, 31))
    >>> text[found.start:found.end]
    '4-го Белорусского фронта'
    """
    if span.type != ORG:
        return span
    ordinal = _ORDINAL_BEFORE.search(text, max(0, span.start - 8), span.start)
    return replace(span, start=ordinal.start()) if ordinal else span


def _headed_by_standalone_body(text: str, span: Span) -> bool:
    """Whether an ORG is a state body named by its common noun (``Мэрия``,
    ``Заречный районный суд``), not an abbreviation or a proper name."""
    return headed_by_standalone_body(text[span.start : span.end])


_ENDS_IN_PREPOSITION = re.compile(r"(?<![\w-])(?:по|при)$")


def _serves_place(text: str, body: Span | None, name_end: int, countries: frozenset[tuple[int, int]]) -> bool:
    """Whether ``body`` is a body named by its common noun with the city or region it
    serves after ``name_end`` (a country is its jurisdiction: no)."""
    if body is None:
        return False
    surface = text[body.start : body.end]
    place = PLACE_GAP.match(text, name_end)
    if place is None or any(start == place.end() and end == body.end for start, end in countries):
        return False
    return served_place_body_end(surface, place.end() - body.start) is not None


def _served_districts(text: str, spans: list[Span]) -> list[Span]:
    """A district or region named by its adjective at the end of a body's name
    (``прокуратура Первомайского района``): the place the body serves, a LOC to nest in
    it when neither natasha nor the gazetteer found it."""
    found = []
    for span in spans:
        if span.type != ORG:
            continue
        surface = text[span.start : span.end]
        district = DISTRICT_AT_END.search(surface)
        if district and served_place_body_end(surface, district.start()) is not None:
            found.append(Span(LOC, span.start + district.start(), span.end, source="district"))
    return found


def _nested_places(text: str, spans: list[Span], candidates: list[Span]) -> list[Span]:
    """Places inside an organisation's name (``МИД России``, ``Университета Южной
    Калифорнии``): natasha's and the gazetteer's, and names pymorphy3 knows as
    geographic; each a LOC mention nested in its ORG. Longest first, never two
    overlapping, never across the organisation's edge; a place that is the whole
    quoted name (``НП «Алга»``, after the town Алга) is the organisation's name."""
    organisations = [s for s in spans if s.type == ORG]
    if not organisations:
        return []
    candidates = candidates + [Span(LOC, a, b, source="morphology")
                               for org in organisations for a, b in geographic_words(text, org.start, org.end)]
    flat = sorted(spans, key=lambda s: s.start)  # they never overlap
    starts = [s.start for s in flat]
    nested: list[Span] = []
    for place in sorted(candidates, key=lambda s: (s.start - s.end, s.start)):
        i = bisect.bisect_right(starts, place.start) - 1
        if i < 0 or flat[i].type != ORG or place.end > flat[i].end or \
                (flat[i].start, flat[i].end) == (place.start, place.end):
            continue
        if i + 1 < len(flat) and flat[i + 1].start < place.end:
            continue
        if text[place.start - 1 : place.start] in _OPENING_QUOTES and text[place.end : place.end + 1] in _CLOSING_QUOTES:
            continue  # the organisation's whole name, not a place in it: ``НП «Алга»``
        if _part_of_word(text, place.start, place.end):
            continue  # a piece of a word of the name: ``УралСталь``, ``Тверь-арена``
        if " " not in text[place.start : place.end] and may_be_either(text[place.start : place.end]) and \
                place_or_person(text, place.start, place.end, None, True) == PER:
            continue  # the person a body is named after: ``Библиотеки Жуковского`` (not the town Жуковский)
        if not any(n.start < place.end and place.start < n.end for n in nested):
            nested.append(replace(place, type=LOC))
    return nested


_OPENING_QUOTES = frozenset("«\"“„")
_CLOSING_QUOTES = frozenset("»\"“”")


# Adjectives of the compass and the centre: ``Восточная Европа`` is a part of Europe.
_COMPASS = frozenset({"западный", "восточный", "северный", "южный", "центральный"})


def _regions_of_places(text: str, spans: list[Span]) -> list[Span]:
    """The place inside a part of it named by the compass (``Северной Африке``,
    ``Западном Иерусалиме``): a LOC nested in the LOC. A country or region whose own
    name opens with such a word (``Южная Корея``, ``Северная Ирландия``: the gazetteer
    holds the whole) holds nothing, nor does a word the gazetteer knows as another
    place's second name (``Америка`` for the USA in ``Южной Америке``)."""
    nested = []
    for span in spans:
        words = list(_WORD.finditer(text, span.start, span.end))
        if span.type != LOC or len(words) < 2 or not words[0].group()[:1].isupper():
            continue
        if not any(p.normal_form in _COMPASS for p in parse_word(words[0].group()) if p.tag.POS == "ADJF"):
            continue
        whole = find_places(text[span.start : span.end])
        if whole and (whole[0].start, whole[0].end) == (0, span.end - span.start):
            continue
        rest = words[1].start()
        found = find_places(text[rest : span.end])
        if len(found) != 1 or (found[0].start, found[0].end) != (0, span.end - rest):
            continue
        if canonical_place(found[0].name) != found[0].name:
            continue  # a second name of another place: ``Америка`` (США)
        nested.append(Span(LOC, rest, span.end, found[0].canonical, "gazetteer", found[0].name))
    return nested


def _part_of_word(text: str, start: int, end: int) -> bool:
    """``Урал`` in ``УралТрансСнаб``, ``Тверь`` in ``Тверь-арена``: a piece of a longer word."""
    return text[start - 1 : start].isalnum() or text[end : end + 1].isalnum() or \
        (text[end : end + 1] == "-" and text[end + 1 : end + 2].isalnum())


def _nested_people(spans: list[Span], people: list[Span]) -> list[Span]:
    """People named inside the name of a place or organisation (``памятника Абаю``,
    ``Фонда Анны Политковской``): natasha's PER spans that a longer venue or
    organisation took in, each a PER nested in it."""
    flat = sorted(spans, key=lambda s: s.start)  # they never overlap
    starts = [s.start for s in flat]
    nested: list[Span] = []
    for person in people:
        i = bisect.bisect_right(starts, person.start) - 1
        if i < 0 or flat[i].type not in (ORG, LOC) or person.end > flat[i].end or \
                (flat[i].start, flat[i].end) == (person.start, person.end):
            continue
        if i + 1 < len(flat) and flat[i + 1].start < person.end:
            continue
        if not any(n.start < person.end and person.start < n.end for n in nested):
            nested.append(person)
    return nested


def _is_genitive(surface: str, any_reading: bool = False) -> bool:
    """Whether a name opens in the genitive: by its likeliest reading, or by any
    (``any_reading``: ``Казани`` after ``суд`` is the court's city, though a dative
    reading comes first)."""
    from ..nlp import parse_word

    first = surface.split()[0]
    if is_abbreviation(first):
        return True
    parses = parse_word(first)
    if any_reading:
        return any(p.tag.case == "gent" for p in parses)
    return bool(parses) and parses[0].tag.case == "gent"


def _repeated_surnames(text: str, spans: list[Span]) -> list[Span]:
    """A full name's surname met again alone (``Туменова подала жалобу``), which
    natasha missed, is the same person: tag it too."""
    surnames = full_name_surnames(text, spans)
    if not surnames:
        return []
    added = []
    taken = SpanIndex(sorted((s.start, s.end) for s in spans))
    # A two-word name met again where natasha missed it, by its words' stems (a foreign
    # name declines: ``Ли Мэйлинь`` on a line of its own after ``Ли Мэйлиня`` was found).
    full_names = {tuple(_stem(w) for w in words) for s in spans
                  if s.type == PER and len(words := _WORD.findall(text[s.start : s.end])) == 2}
    for match in _TWO_CAPITALISED.finditer(text):
        start, end = match.start(1), match.end(1)
        if tuple(_stem(w) for w in match.group(1).split(" ")) in full_names and not taken.overlapping(start, end):
            added.append(Span(PER, start, end, source="coreference"))
            taken.add((start, end))
    for match in _CAPITALISED.finditer(text):
        if taken.overlapping(match.start(), match.end()):
            continue
        if normalise_person(match.group()).last_keys & surnames:
            found = extend_person(text, Span(PER, match.start(), match.end(), source="coreference"), taken)
            if not taken.overlapping(found.start, found.end):
                added.append(found)
    return added


def _stem(word: str) -> str:
    """A name word without a case ending (``мэйли`` of ``Мэйлиня``, ``Мэйлинь``), for matching."""
    word = word.lower()
    return word[: max(3, len(word) - 2)] if len(word) > 4 else word


_TWO_CAPITALISED = re.compile(r"(?<![\w-])(?=([А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+)(?![\w-]))")
_NAMED_AFTER_END = re.compile(r"(?<![\w])(?:имени|им\.?)\s*$")
_CAPITALISED = re.compile(r"(?<![\w.-])[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def _entity_key(text: str, span: Span, normal: str) -> tuple[str, str]:
    if span.same_as is not None:  # a nested name of the same organisation
        span = span.same_as
        normal = normalise_org(text[span.start : span.end])
    if span.type == LOC:
        return LOC, (span.canonical or canonical_place(normal)).lower()
    if span.type == ORG and (quoted := _QUOTED_NAME.search(text, span.start, span.end)):
        return ORG, quoted.group(1).lower()  # ``партии «Яблоко»`` and ``Яблоко``: one party
    return span.type, normal.lower()


_QUOTED_NAME = re.compile(r"[«\"“„]([^«»\"“”„\n]{1,80})[»\"“”]$")


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Longest span first; a span never overlaps another of these kinds."""
    kept = SpanIndex()
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if not kept.overlapping(span.start, span.end):
            kept.add(span)
    return sorted(kept, key=lambda s: s.start)


def _to_mentions(text: str, spans: list[Span]) -> list[Mention]:
    """Normalise every span and number the entities by first appearance."""
    spans = sorted(spans, key=lambda s: s.start)
    persons = [s for s in spans if s.type == PER]
    surfaces = [text[s.start : s.end] for s in persons]
    contexts = [person_context(text, s.start, s.end) for s in persons]
    names = settle_genders(surfaces, contexts, [normalise_person(t, c) for t, c in zip(surfaces, contexts)])
    clusters = group_persons(names)
    members: dict[int, list] = {}
    for name, cluster in zip(names, clusters):
        members.setdefault(cluster, []).append(name)
    person_normal = {cluster: fullest(found).normal for cluster, found in members.items()}
    person_key = {id(s): ("PER", c) for s, c in zip(persons, clusters)}
    normals: dict[int, str] = {
        id(s): person_normal[c] for s, c in zip(persons, clusters)
    }
    for span in spans:
        surface = text[span.start : span.end]
        if span.type == LOC:
            normals[id(span)] = span.name or place_nominative(surface, text[max(0, span.start - 40) : span.start])
        elif span.type == ORG:
            normals[id(span)] = normalise_org(surface)
    entity_of: dict[tuple, int] = {}
    forms: dict[int, Counter] = {}
    keys = {id(s): person_key.get(id(s)) or _entity_key(text, s, normals[id(s)]) for s in spans}
    for span in spans:
        normal = normals[id(span)]
        key = keys[id(span)]
        entity = entity_of.setdefault(key, len(entity_of))
        forms.setdefault(entity, Counter())[normal] += 1
    # One normal per entity: its most frequent form (the first seen on a tie).
    entity_normal = {entity: counts.most_common(1)[0][0] for entity, counts in forms.items()}
    mentions = []
    for span in spans:
        entity = entity_of[keys[id(span)]]
        surface = text[span.start : span.end]
        # A place keeps its own wording (``РК``, ``Жана Озен``), and so does an organisation's
        # own name nested in its designated form (``Яблоко`` in ``партии «Яблоко»``).
        own = span.type == LOC or span.same_as is not None
        normal = normals[id(span)] if own else entity_normal[entity]
        kind = place_kind(surface, span.source == "venue") if span.type == LOC else None
        mentions.append(Mention(span.type, span.start, span.end, surface, normal, None, entity, kind))
    return mentions
