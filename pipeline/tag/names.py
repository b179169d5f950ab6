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
from .gazetteer import canonical_place, find_places, find_venues, place_nominative
from .inflect import abbreviation_stem, is_abbreviation, is_common_word
from .orgs import (
    find_org_words,
    is_plural_institution,
    is_standalone_body,
    normalise_org,
    org_head,
    org_lexicon,
)
from .person_context import person_context
from .persons import fullest, group_persons, is_patronymic, normalise_person, surname_key

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
    name: str | None = None  # a place's nominative in its own wording, from the gazetteer


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
    spans = _extend_persons(text, spans)
    spans = _add_places(text, spans)
    spans = _add_venues(text, spans)
    spans = _add_org_words(text, spans)
    spans = _merge_org_with_place(text, spans)
    spans = [piece for span in spans for piece in _split_place_off_body(text, span)]
    spans = _without_overlaps(spans)
    return _to_mentions(text, spans + _repeated_surnames(text, spans))


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
    if span.type == ORG and _is_not_org(surface):
        return None  # СМИ: a generic term; ИВС, СИЗО № 1: a holding facility
    if len(words) == 1 and surface.isupper() and len(surface) > 3 and is_common_word(surface.lower()):
        return None  # a heading in capitals: ``ЗАЯВЛЕНИЕ``, ``ОТЧЕТ``
    if org_head(words) is not None:
        if len(words) == 1 and is_plural_institution(words[0]):
            return None  # ``маслихаты по всей стране``: a class of bodies
        return replace(span, type=ORG)
    if span.type in (PER, LOC) and _capitalised_common_words(text, span.start, words):
        return None
    if span.type == ORG and len(words) == 1 and "«" not in surface and not is_abbreviation(surface):
        if is_common_word(words[0]):
            return None  # ``Решения`` (Маслихата), ``НЕсогласных``
    if span.type == ORG and _oblique_common_noun_opening(text, span.start, words):
        return None  # ``Группой активистов`` (был подан иск)
    return span


_FACILITY_NUMBER = re.compile(r"[\s-]*(?:№\s*)?\d*\s*", re.I)


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


# An initial or two (``Д.``, ``Д.В.``, ``Д. В.``) right before or after a name.
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[А-ЯЁ]\.[ \t]?){1,2}[ \t]?$")
_INITIALS_AFTER = re.compile(r"^[ \t](?:[ \t]?[А-ЯЁ]\.){1,2}(?![\w])")
_NAME_WORD_AFTER = re.compile(r"^[ \t]([А-ЯЁ][а-яё]+)(?![\w-])")
MAX_NAME_WORDS = 3  # surname, first name, patronymic


def _extend_persons(text: str, spans: list[Span]) -> list[Span]:
    """Every PER span made whole (:func:`_extend_person`), never into another span."""
    taken = [(s.start, s.end) for s in spans]
    return [_extend_person(text, span, taken) for span in spans]


def _extend_person(text: str, span: Span, taken: list[tuple[int, int]] = ()) -> Span:
    """A person's name as natasha cut it, made whole: a leading common word
    dropped (``Сегодня Д. Рахимов``), adjacent initials taken in (``Д. Рахимов``,
    ``Рахимов Д.В.``), a lone surname's first name and patronymic too
    (``Смирнова Елена Викторовна``). ``taken`` spans are never entered: two
    names side by side (``Билла Клинтона Джо Локхарту``) stay two.

    A first name is a capitalised word pymorphy3 knows as a Name or Patr; a
    patronymic may also be known by its suffix (-ович, -овна, -улы, -кызы).
    """
    if span.type != PER:
        return span
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    while len(words) > 1 and is_common_word(words[0].group(), parts_of_speech=_NOT_NOUN):
        span = replace(span, start=span.start + words[1].start())  # ``Сегодня``, ``Вчера``
        words = list(re.finditer(r"\S+", text[span.start : span.end]))
    lone_surname = len(_WORD.findall(text[span.start : span.end])) == 1
    for _ in range(MAX_NAME_WORDS):
        count = len(_WORD.findall(text[span.start : span.end]))
        if count >= MAX_NAME_WORDS:
            break
        head = text[max(0, span.start - 40) : span.start]
        tail = text[span.end : span.end + 40]
        start, end = span.start, span.end
        if found := _INITIALS_BEFORE.search(head):
            start -= len(found.group())
        elif found := _INITIALS_AFTER.match(tail):
            end += len(found.group())
        elif (found := _NAME_WORD_AFTER.match(tail)) and (
            is_patronymic(found.group(1)) or lone_surname and _is_given_name(found.group(1))
        ):
            end += len(found.group())
        else:
            break
        if any(a < end and start < b and (a, b) != (span.start, span.end) for a, b in taken):
            break
        span = replace(span, start=start, end=end)
    return span


def _is_given_name(word: str) -> bool:
    """``Елена``, ``Викторовна``, ``Бахытжанулы``: a first name or patronymic."""
    from ..nlp import parse_word

    if is_patronymic(word):
        return True
    return any(
        mark in parse.tag
        for parse in parse_word(word)
        if parse.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
        for mark in ("Name", "Patr")
    )


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
        hit = Span(LOC, place.start, place.end, place.canonical, "gazetteer", place.name)
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
                    s.canonical, s.name = place.canonical, place.name
    return result


def _add_venues(text: str, spans: list[Span]) -> list[Span]:
    """``памятника Абаю``, ``кинотеатром «Сары Арка»``: one LOC taking in the names
    inside it (no PER Абай); a venue that would cut another span is left out."""
    result = list(spans)
    for venue in find_venues(text):
        overlapping = [s for s in result if s.start < venue.end and venue.start < s.end]
        if all(venue.start <= s.start and s.end <= venue.end for s in overlapping):
            result = [s for s in result if s not in overlapping]
            result.append(Span(LOC, venue.start, venue.end, venue.canonical, "venue", venue.name))
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
    """``Коммунистическая партия`` + ``Казахстана`` is one ORG, as in ``МИД России``;
    a body named by its common noun stays apart from the place it serves
    (``Мэрия`` + ``Екатеринбурга``, ``прокуратура`` + ``Первомайского района``)."""
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
            and not _headed_by_standalone_body(text, last)
        ):
            last.end = span.end
            continue
        merged.append(span)
    return merged


def _headed_by_standalone_body(text: str, span: Span) -> bool:
    """Whether an ORG is a state body named by its common noun (``Мэрия``,
    ``Мещанский районный суд``), not an abbreviation or a proper name."""
    words = _WORD.findall(text[span.start : span.end])
    head = org_head(words)
    return head is not None and is_standalone_body(words[head])


# A district or region named by its adjective: ``Первомайского района``.
_DISTRICT_AT_END = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*(?:ого|его|ой|ей) (?:района|области|края|округа)$")
# A city marker between a body and its city: ``суд … г. Бишкека``, ``мэрии города Оша``.
_CITY_MARKER = re.compile(r"\s*(?:(?:г|гор)\.?|город[а-я]{0,2})\s*$", re.IGNORECASE)


def _split_place_off_body(text: str, span: Span) -> list[Span]:
    """``Мэрия Екатеринбурга``, ``Мещанский районный суд Москвы``, ``суд Ленинского
    района г. Бишкека``: a body named by its common noun with the city or region
    it serves after it is an ORG and a LOC, as our guidelines split ``Акимату
    г.Алматы``; proper names (``Коммунистическая партия Казахстана``) and
    abbreviations (``КГБ Беларуси``) keep their place inside."""
    if span.type != ORG or not _headed_by_standalone_body(text, span):
        return [span]
    surface = text[span.start : span.end]
    if "«" in surface:
        return [span]
    places = [p for p in find_places(surface) if p.end == len(surface) and p.start > 0]
    if places:
        place = places[-1]
        loc = Span(LOC, span.start + place.start, span.start + place.end, place.canonical, "gazetteer", place.name)
    elif district := _DISTRICT_AT_END.search(surface):
        loc = Span(LOC, span.start + district.start(), span.end, source="district")
    else:
        return [span]
    body_end = len(_CITY_MARKER.sub("", surface[: loc.start - span.start]).rstrip())
    words = _WORD.findall(surface[:body_end])
    if not words or org_head(words) is None:
        return [span]
    return [replace(span, end=span.start + body_end), loc]


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
            found = _extend_person(text, Span(PER, match.start(), match.end(), source="coreference"), taken)
            if not any(a < found.end and found.start < b for a, b in taken):
                added.append(found)
    return added


_CAPITALISED = re.compile(r"(?<![\w.-])[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?(?![\w-])")


def _entity_key(span: Span, normal: str) -> tuple[str, str]:
    if span.type == LOC:
        return LOC, (span.canonical or canonical_place(normal)).lower()
    return span.type, normal.lower()


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
    names = [normalise_person(text[s.start : s.end], person_context(text, s.start, s.end)) for s in persons]
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
            normals[id(span)] = span.name or place_nominative(surface)
        elif span.type == ORG:
            normals[id(span)] = normalise_org(surface)
    entity_of: dict[tuple, int] = {}
    forms: dict[int, Counter] = {}
    keys = {id(s): person_key.get(id(s)) or _entity_key(s, normals[id(s)]) for s in spans}
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
        # A place keeps its own wording (``РК``, ``Жана Озен``); one entity all the same.
        normal = normals[id(span)] if span.type == LOC else entity_normal[entity]
        mentions.append(Mention(span.type, span.start, span.end, surface, normal, None, entity))
    return mentions
