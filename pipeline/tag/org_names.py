"""Organisations known by name (``models/org_names.json``), found in any case.

natasha misses or cuts many names of state bodies, media, parties and companies
(``Государственной Думы Федерального Собрания Российской Федерации`` comes out
as two ORGs, ``«Пятёрочка»`` as a common word). The lexicon holds their
nominatives; a word of a name matches a word of text that shares a pymorphy3
lemma with it (``Думы`` -> ``дума``), an abbreviation or a Latin name matches
itself. Names that are also common words (``Яблоко``, ``Голос``) count only when
quoted or capitalised inside a sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp import parse_word
from ..records import LOC, ORG, PER
from ..resources import lexicon_index, load_json
from .candidates import Span, opens_sentence
from .inflect import abbreviation_stem, is_abbreviation, is_common_word
from .overlaps import SpanIndex

# A token of a name: letters and digits with inner hyphens, dots and apostrophes
# (``Альфа-Банк``, ``Лента.ру``, ``McDonald's``, ``24.kg``).
TOKEN = re.compile(r"[^\W_]+(?:[-.'’][^\W_]+)*")
# What may stand between two words of one name: spaces, quotes, a dash.
_GAP = re.compile(r"[ \t]*[«»\"“”„]?[ \t]*|[ \t]+[—–-][ \t]+")
_QUOTES_BEFORE = re.compile(r"[«\"“„][ \t]*$")
_CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Name:
    words: tuple[str, ...]  # the name's tokens as written in the lexicon
    keys: tuple[frozenset[str], ...]  # per token: the keys a text token must share one of
    common: bool  # every word a common word: needs quotes or a capital inside a sentence


@lru_cache(maxsize=100_000)
def token_keys(token: str) -> frozenset[str]:
    """What a token of text or of the lexicon is matched by: itself in lower case,
    an abbreviation's stem, a Cyrillic word's lemmas.

    >>> "дума" in token_keys("Думы") and "дума" in token_keys("Дума")
    True
    >>> sorted(token_keys("ФСБ"))
    ['фсб']
    """
    keys = {token.lower()}
    if is_abbreviation(token):
        return frozenset({abbreviation_stem(token).lower()})
    if _CYRILLIC_WORD.fullmatch(token):
        keys |= {p.normal_form.replace("ё", "е") for p in parse_word(token)}
    return frozenset(k.replace("ё", "е") for k in keys)


@cache
def _lexicon() -> dict[str, tuple[Name, ...]]:
    """Names by the keys of their first word: from the prebuilt index when it was built
    from this lexicon and dictionary (:mod:`~pipeline.tag.org_names_index`), else built here."""
    from .org_names_index import prebuilt_names

    by_first: dict[str, list[Name]] = {}
    for name in prebuilt_names() or lexicon_names():
        for key in name.keys[0]:
            by_first.setdefault(key, []).append(name)
    return {k: tuple(sorted(v, key=lambda n: -len(n.words))) for k, v in by_first.items()}


def lexicon_names() -> list[Name]:
    """Every name of ``models/org_names.json`` with its keys, in file order (a pymorphy3
    parse of each word: a quarter of a second, hence the prebuilt index)."""
    names = []
    for group in load_json("org_names.json")["organisations"].values():
        for entry in group:
            words = tuple(TOKEN.findall(entry))
            if not words:
                continue
            keys = tuple(_entry_keys(w) for w in words)
            common = all(_CYRILLIC_WORD.fullmatch(w) and not w.isupper() and is_common_word(w) for w in words)
            names.append(Name(words, keys, common))
    return names


def _entry_keys(word: str) -> frozenset[str]:
    """A lexicon word is matched by its own keys only: an abbreviation by itself, a
    word by the lemma of its nominative (not every lemma a form could have)."""
    if is_abbreviation(word) or not _CYRILLIC_WORD.fullmatch(word):
        return token_keys(word)
    nominative = [p.normal_form for p in parse_word(word) if p.tag.case == "nomn"]
    return frozenset(k.replace("ё", "е") for k in (nominative[:1] or [word.lower()]))


@cache
def _keep_place() -> dict[str, tuple[frozenset[str], ...]]:
    data = load_json("org_names.json")
    return {name: tuple(_entry_keys(w) for w in TOKEN.findall(name)) for name in data["keep_place"]}


@cache
def with_place_nouns() -> frozenset[str]:
    return frozenset(load_json("org_names.json")["with_place"])


@lexicon_index
def with_country_nouns() -> frozenset[str]:
    return frozenset(load_json("org_names.json")["with_country"])


def find_org_names(text: str) -> list[tuple[int, int]]:
    """Spans of the lexicon's organisations in text, longest first at each word.

    >>> text = "депутат Государственной Думы Федерального Собрания Российской Федерации и член партии «Яблоко»"
    >>> [text[a:b] for a, b in find_org_names(text)]
    ['Государственной Думы Федерального Собрания Российской Федерации', 'Яблоко']
    >>> text = "Яблоко упало. Купили в «Пятёрочке», писали в Telegram и в Минтруд."
    >>> [text[a:b] for a, b in find_org_names(text)]
    ['Пятёрочке', 'Telegram', 'Минтруд']
    """
    lexicon = _lexicon()
    tokens = list(TOKEN.finditer(text))
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        word = token.group()
        first = word[0]
        if not (first.isupper() or first.isdigit() or "a" <= first <= "z"):
            index += 1  # a name opens with a capital, a digit or a Latin letter
            continue
        hit = None
        for key in token_keys(word):
            for name in lexicon.get(key, ()):
                end = _match(text, tokens, index, name)
                if end is not None and (hit is None or end > hit):
                    hit = end
        if hit is None:
            index += 1
            continue
        found.append((token.start(), hit))
        while index < len(tokens) and tokens[index].start() < hit:
            index += 1
    return found


def _match(text: str, tokens: list[re.Match], index: int, name: Name) -> int | None:
    """Where ``name`` ends if it starts at ``tokens[index]``, else None."""
    if index + len(name.words) > len(tokens):
        return None
    run = tokens[index : index + len(name.words)]
    for previous, token in zip(run, run[1:]):
        if not _GAP.fullmatch(text[previous.end() : token.start()]):
            return None
    for token, keys, word in zip(run, name.keys, name.words):
        written = token.group()
        if word.isupper() and len(word) > 1:
            if not (is_abbreviation(written) and abbreviation_stem(written) == word or written == word):
                return None
        elif not token_keys(written) & keys:
            return None
    start = run[0].start()
    if name.common:
        quoted = bool(_QUOTES_BEFORE.search(text[max(0, start - 3) : start]))
        if not quoted and (opens_sentence(text, start) or not run[0].group()[:1].isupper()):
            return None
    return run[-1].end()


def keeps_place(words: list[str]) -> bool:
    """Whether an organisation's name opens with a compound name of one body that
    keeps the place after it (``Минюст России``, ``Госдума РФ``), unlike a body
    named by its common noun (``Мэрия`` + ``Екатеринбурга``).

    >>> keeps_place(["Минюста", "России"]), keeps_place(["Мэрия", "Казани"])
    (True, False)
    """
    for keys in _keep_place().values():
        if len(words) >= len(keys) and all(token_keys(w) & k for w, k in zip(words, keys)):
            return True
    return False


def add_org_names(text: str, spans: list[Span], inner: list[Span]) -> list[Span]:
    """The lexicon's organisations as ORG spans, taking in natasha's spans inside
    them (``Государственной Думы`` + ``Федерального Собрания …`` is one; the ORGs it
    takes in are kept in ``inner``, to nest); a name inside a longer span (a person,
    a venue, a longer ORG) is left to it."""
    result = SpanIndex(spans)
    for start, end in find_org_names(text):
        keys, overlapping = result.keys_overlapping(start, end), result.overlapping(start, end)
        if all(start <= s.start and s.end <= end for s in overlapping):
            inner += [s for s in overlapping if s.type == ORG and (s.start, s.end) != (start, end)]
            for key in keys:
                result.remove(key)
            result.add(Span(ORG, start, end, source="lexicon"))
    return list(result)


def add_bodies_with_place(text: str, spans: list[Span],
                          countries: frozenset[tuple[int, int]] = frozenset()) -> list[Span]:
    """A noun that names an organisation by the country or city after it (``сборной
    Испании``, ``посольство Франции``: ``models/org_names.json`` ``with_place``) is one
    ORG with the place, which stays nested in it; a noun of ``with_country`` does so
    only before a country (``countries``: its spans). ``with_country`` is empty today: our
    guidelines make ``власти`` no organisation, before a country or a city.

    >>> text = "матч со сборной Испании"
    >>> [(s.type, text[s.start:s.end]) for s in add_bodies_with_place(text, [Span(LOC, 16, 23)])]
    [('ORG', 'сборной Испании')]
    >>> text = "власти Перу и власти Тулы"  # 'with_country' is empty: our guidelines
    >>> [(s.type, text[s.start:s.end]) for s in add_bodies_with_place(
    ...     text, [Span(LOC, 7, 11), Span(LOC, 21, 25)], frozenset({(7, 11)}))]
    [('LOC', 'Перу'), ('LOC', 'Тулы')]
    """
    nouns = with_place_nouns()
    result = SpanIndex()
    for span in sorted(spans, key=lambda s: s.start):
        before = _NOUN_BEFORE.search(text[max(0, span.start - 30) : span.start]) if span.type == LOC else None
        names = nouns | with_country_nouns() if (span.start, span.end) in countries else nouns
        if before and {p.normal_form for p in parse_word(before.group(1))} & names:
            start = span.start - len(before.group())
            if not result.overlapping(start, span.start):
                result.add(Span(ORG, start, span.end, source="with_place"))
                continue
        result.add(span)
    return list(result)


_NOUN_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё][а-яё]*)[ \t]+$")
# A quoted name at the end of an ORG: it opens with a capital, a Latin letter or a digit.
_QUOTED_AT_END = re.compile(r"(?<=\S)[ \t]+[«\"“„]((?=[A-ZА-ЯЁ0-9a-z])[^«»\"“”„\n]{2,80})[»\"“”]$")


def nested_orgs(spans: list[Span], inner: list[Span]) -> list[Span]:
    """The ORGs taken into a longer one that still lie inside a kept ORG, to nest:
    ``МИД России`` in ``Управления протокола МИД России``."""
    flat = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in flat]
    kept: list[Span] = []
    for span in sorted(inner, key=lambda s: s.start - s.end):
        i = bisect.bisect_right(starts, span.start) - 1
        if i < 0 or flat[i].type != ORG or span.end > flat[i].end or (flat[i].start, flat[i].end) == (span.start, span.end):
            continue
        if not any(k.start < span.end and span.start < k.end for k in kept):
            kept.append(span)
    return kept


def quoted_names_inside(text: str, spans: list[Span]) -> list[Span]:
    """The organisation's own name inside its designated form (``партии «Яблоко»`` ->
    ``Яблоко``), as an ORG nested in it: one organisation, named two ways.

    >>> text = "член партии «Яблоко» и ОФ «Аман Саулык»"
    >>> [text[s.start:s.end] for s in quoted_names_inside(text, [Span(ORG, 5, 20), Span(ORG, 23, 39)])]
    ['Яблоко', 'Аман Саулык']
    """
    nested = []
    for span in spans:
        if span.type != ORG:
            continue
        found = _QUOTED_AT_END.search(text, span.start, span.end)
        if found:
            nested.append(Span(ORG, found.start(1), found.end(1), source="quoted", same_as=span))
    return nested


def names_before_place(text: str, spans: list[Span], places: list[Span]) -> list[Span]:
    """An organisation named with its country or city (``МИД России``, ``Верховная
    Рада Украины``) holds its name without the place as an ORG of its own, nested,
    the same organisation: ``МИД``, ``Верховная Рада``. A lone common noun left
    before the place (``Университета`` of ``Университета Южной Калифорнии``) is no name.

    >>> text = "в МИД России и в Университете Южной Калифорнии"
    >>> orgs, places = [Span(ORG, 2, 12), Span(ORG, 17, 46)], [Span(LOC, 6, 12), Span(LOC, 29, 46)]
    >>> [text[s.start:s.end] for s in names_before_place(text, orgs, places)]
    ['МИД']
    """
    at_end = {p.end: p for p in places}
    nested = []
    for span in spans:
        place = at_end.get(span.end)
        if span.type != ORG or place is None or place.start <= span.start:
            continue
        name = text[span.start : place.start].rstrip()
        words = TOKEN.findall(name)
        if not words or not name[-1:].isalnum():
            continue
        if len(words) == 1 and not is_abbreviation(words[0]) and is_common_word(words[0]):
            continue
        if "по" in words or "при" in words:
            continue  # the place is in the body's field or patron (``… по Тверской области``)
        nested.append(Span(ORG, span.start, span.start + len(name), source="name", same_as=span))
    return nested


_AND = re.compile(r"[ \t]+и[ \t]+")


def extend_named_after_people(text: str, spans: list[Span]) -> list[Span]:
    """An organisation named after people (``Фонд Анны и Петра Соколовых``): natasha
    ends the ORG at the first name and reads the rest as a person; the people named
    in the genitive after its head, joined by ``и``, belong to the name.

    >>> text = "перечислили в Фонд Анны и Петра Соколовых деньги"
    >>> found = extend_named_after_people(text, [Span(ORG, 14, 23), Span(PER, 26, 41)])
    >>> [(s.type, text[s.start:s.end]) for s in found]
    [('ORG', 'Фонд Анны и Петра Соколовых')]
    """
    from .orgs import is_standalone_body, org_head

    ordered = sorted(spans, key=lambda s: s.start)
    result: list[Span] = []
    for span in ordered:
        last = result[-1] if result else None
        if last is not None and last.type == ORG and span.type == PER:
            gap = text[last.end : span.start]
            words = TOKEN.findall(text[last.start : last.end])
            head = org_head(words)
            if (_AND.fullmatch(gap) and head is not None and head < len(words) - 1
                    and not is_standalone_body(words[head]) and _genitive(words[-1])
                    and _genitive(TOKEN.findall(text[span.start : span.end])[0])):
                result[-1] = Span(ORG, last.start, span.end, source=last.source)
                continue
        result.append(span)
    return result


def _genitive(word: str) -> bool:
    return any(p.tag.case == "gent" for p in parse_word(word) if "Name" in p.tag or "Surn" in p.tag)


def merge_org_chains(text: str, spans: list[Span], inner: list[Span]) -> list[Span]:
    """A unit named after the body it belongs to is one ORG: a head noun that needs
    a name (``управление``, ``комитет``, ``академия``, ``штаб``) or a unit's
    abbreviation (``ГУ``, ``ЦК``) followed by that body in the genitive
    (``Главного управления … Вооруженных сил России``, ``ГУ МВД России``,
    ``Совет Безопасности ООН``), as our guidelines keep ``управление СГБ``. A body
    named by its common noun (``суд``, ``мэрия``) stays apart, as with places. The
    body after the unit goes to ``inner``, to nest in it.

    >>> text = "начальник Главного штаба Вооруженных сил России и ЦК КПСС"
    >>> spans, inner = [Span(ORG, 10, 24), Span(ORG, 25, 47), Span(ORG, 50, 52), Span(ORG, 53, 57)], []
    >>> [text[s.start:s.end] for s in merge_org_chains(text, spans, inner)], [text[s.start:s.end] for s in inner]
    (['Главного штаба Вооруженных сил России', 'ЦК КПСС'], ['Вооруженных сил России', 'КПСС'])
    """
    from .orgs import is_standalone_body, org_head

    result: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = result[-1] if result else None
        if (last is not None and last.type == ORG and span.type == ORG
                and text[last.end : span.start] == " " and "«" not in text[last.start : last.end]):
            words = TOKEN.findall(text[last.start : last.end])
            head = org_head(words)
            unit = head is not None and not is_standalone_body(words[head]) or \
                len(words) == 1 and is_abbreviation(words[0]) or \
                _ends_in_common_noun(words) and head is None
            following = TOKEN.findall(text[span.start : span.end])
            if unit and following and (is_abbreviation(following[0]) or _genitive_word(following[0])):
                result[-1] = Span(ORG, last.start, span.end, source=last.source)
                inner.append(span)
                continue
        result.append(span)
    return result


def _ends_in_common_noun(words: list[str]) -> bool:
    """A name of several words whose last is a lower-case common noun (``Свердловского
    обкома``, ``Института языкознания``): the kind of unit, which a body's name may follow."""
    return len(words) > 1 and words[-1].islower() and is_common_word(words[-1]) and \
        any(p.tag.POS == "NOUN" for p in parse_word(words[-1])[:1])


def _genitive_word(word: str) -> bool:
    """A word that may stand in the genitive (``Вооруженных`` reads genitive or locative)."""
    return any(p.tag.case == "gent" for p in parse_word(word))
