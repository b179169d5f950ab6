"""Places of Kazakhstan, Russia and their neighbours, found in any case.

The gazetteer (``models/gazetteer_places.csv``, hand-made, and
``models/gazetteer_world.csv``, the world's countries and main cities from CLDR: name,
canonical, kind, country; the hand-made file also holds the former states of ISO 3166-3,
"Formerly used names of countries", in their Russian names: СССР, Чехословакия,
Югославия, ГДР…) holds nominative names and their variants (``Жана Озен``, ``Алма-Ата``). A word of
text is put back into candidate nominatives by swapping its case ending
(``models/ner_place_endings.json``) and by pymorphy3's geographic lemmas; a
candidate counts only if it is a name the gazetteer holds, so inflected forms
(``в Жанаозене``, ``Жана Озене``, ``Москвы``) are found without guessing stems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..nlp import from_dictionary, parse_word
from ..resources import fold, lexicon_index, load_csv, load_json
from .inflect import match_case, normalise_phrase

# A word (letters, inner hyphens); ``г.Алматы`` gives ``г`` and ``Алматы``.
_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яёA-Za-z]+(?:-[А-ЯЁа-яёA-Za-z]+)*")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# What may stand between two words of one name: a single space (never a line break).
_JOINER = re.compile(r" ")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer hit: a clean-text span and the place it names."""

    start: int
    end: int
    canonical: str  # the place's one name: ``Жанаозен`` for ``Жана Озене``
    kind: str  # country, region, city, district
    country: str
    name: str = ""  # the nominative of the text's own wording: ``Жана Озен``, ``РК``


# The hand-made gazetteer first (its entries win), then the world's countries and main
# cities in Russian from CLDR (``scripts/make_world_gazetteer.py`` writes that file).
GAZETTEER_FILES = ("gazetteer_places.csv", "gazetteer_world.csv")


@cache
def _entries() -> dict[tuple[str, ...], tuple[str, str, str, str]]:
    """Folded name words -> (canonical, kind, country, nominative name)."""
    table = {}
    for row in (row for name in GAZETTEER_FILES for row in load_csv(name)):
        entry = (row["canonical"], row["kind"], row["country"], row["name"])
        key = tuple(fold(row["name"]).split())
        table.setdefault(key, entry)
        # A name of capitalised parts joined by a hyphen is also written with a space
        # (``Сьерра Леоне``, ``Нью Йорк``); a lower-case part (``Алма-ата``) is no such name.
        spaced = tuple(part for word in row["name"].split() for part in word.split("-"))
        if len(spaced) > len(key) and all(part[:1].isupper() for part in spaced):
            table.setdefault(tuple(fold(" ".join(spaced)).split()), entry)
    return table


def canonical_place(name: str) -> str:
    """The gazetteer's one name for a place named in the nominative, else the name.

    Mentions keep the nominative of their own wording; an event's place wants
    one name per place.

    >>> canonical_place("Жана Озен"), canonical_place("РК"), canonical_place("Шымкент")
    ('Жанаозен', 'Казахстан', 'Шымкент')
    >>> canonical_place("Жанао Озен")
    'Жанао Озен'
    """
    entry = _entries().get(tuple(fold(name).split()))
    return entry[0] if entry else name


def is_gazetteer_place(name: str) -> bool:
    """Whether the gazetteer holds a place under this nominative name.

    >>> is_gazetteer_place("Свердловская область"), is_gazetteer_place("Свердловская губерния")
    (True, False)
    """
    return tuple(fold(name).split()) in _entries()


_ADJECTIVE_ENDINGS = ("ский", "цкий")


@lru_cache(maxsize=4096)
def place_kind(name: str) -> tuple[str, str] | None:
    """The kind (country, region, city, district) and country code of a place the
    gazetteer holds under this nominative name or canonical form, else None.

    >>> place_kind("Россия"), place_kind("Алма-Ата"), place_kind("Тридевятое царство")
    (('country', 'RU'), ('city', 'KZ'), None)
    """
    for candidate in (name, canonical_place(name)):
        entry = _entries().get(tuple(fold(candidate).split()))
        if entry:
            return entry[1], entry[2]
    return None


@lru_cache(maxsize=4096)
def place_of_adjective(lemma: str) -> str | None:
    """The city (or city-like region) a relational adjective is made from, if the gazetteer
    holds it: the adjective's stem with the endings Russian drops (``-ск-ий``, ``-ь``, ``-а``,
    ``-о``). Countries and regions named with a noun (``область``) are not read this way.

    >>> [place_of_adjective(w) for w in ("екатеринбургский", "тюменский", "омский", "московский")]
    ['Екатеринбург', 'Тюмень', 'Омск', 'Москва']
    >>> place_of_adjective("российский"), place_of_adjective("уголовный")
    (None, None)

    Plural names and a vowel the adjective keeps (``химкинский`` -> Химки, ``люберецкий``
    -> Люберцы), and the stressed ending (``тверской`` -> Тверь):

    >>> [place_of_adjective(w) for w in ("химкинский", "люберецкий", "тверской", "ялтинский")]
    ['Химки', 'Люберцы', 'Тверь', 'Ялта']

    Where the adjective's bare stem names a region and stem and ``-ск`` a town, the region
    comes first (``крымский`` is Crimea's, seldom Krymsk's):

    >>> place_of_adjective("крымский"), place_of_adjective("томский")
    ('Республика Крым', 'Томск')
    """
    lemma = fold(lemma)
    if lemma.endswith(("ской", "цкой")):  # тверской -> Тверь
        lemma = lemma[:-2] + "ий"
    if not lemma.endswith(_ADJECTIVE_ENDINGS):
        return None
    stem = lemma[:-4]
    region, town = _entries().get((stem,)), _entries().get((lemma[:-2],))
    if region and region[1] == "region" and town and town[1] == "city":  # крымский: Крым, not Крымск
        return region[0]
    tries = [lemma[:-2], stem, stem + "ь", stem + "а", stem + "о", stem + "и", stem + "ы"]
    if stem.endswith("ов"):  # московский -> Москва
        tries.append(stem[:-2] + "ва")
    if stem.endswith("ин") and len(stem) > 4:  # химкинский -> Химки, ялтинский -> Ялта
        tries += [stem[:-2] + "и", stem[:-2] + "ы", stem[:-2] + "а"]
    if re.search(r"[бвгджзклмнпрстфхшщ]ец$", lemma[:-3]):  # люберецкий -> Люберцы: a vowel that drops
        tries.append(lemma[:-5] + "цы")
    for name in tries:
        entry = _entries().get((name,))
        if entry and entry[1] in {"city", "region"} and " " not in entry[0]:
            return entry[0]
    return None


@lru_cache(maxsize=4096)
def is_place_adjective(lemma: str) -> bool:
    """Whether a relational adjective is made from a place's name: a city the gazetteer
    holds (:func:`place_of_adjective`), or a place pymorphy3's dictionary knows (``Geox``)
    under the adjective's stem with the endings Russian drops or changes (``болгар-ия``,
    ``итал-ьян-``, ``венг-е-рский``, ``норве-ж-ский``). Only the stem's own dictionary
    entry counts, never a guessed word.

    >>> [is_place_adjective(w) for w in ("болгарский", "итальянский", "венгерский", "российский")]
    [True, True, True, True]
    >>> [is_place_adjective(w) for w in ("военный", "городской", "исламистский", "махаллинский")]
    [False, False, False, False]
    """
    if place_of_adjective(lemma):
        return True
    lemma = fold(lemma)
    if lemma.endswith(("ской", "цкой")):
        lemma = lemma[:-2] + "ий"
    if not lemma.endswith(_ADJECTIVE_ENDINGS):
        return False
    stem = lemma[:-4]
    stems = {stem}
    if stem.endswith("ьян"):  # итальянский -> Италия
        stems.add(stem[:-3])
    elif stem.endswith(("ан", "ян")):  # американский -> Америка
        stems.add(stem[:-2])
    if re.search(r"[^аеёиоуыэюя]е[^аеёиоуыэюя]$", stem):  # венгерский -> Венгрия
        stems.add(stem[:-2] + stem[-1])
    if stem.endswith("ж"):  # норвежский -> Норвегия
        stems.add(stem[:-1] + "г")
    if stem.endswith("ий"):  # российский -> Россия
        stems.add(stem[:-2])
    names = {s + end for s in stems for end in ("", "ь", "а", "о", "и", "ы", "я", "ия")}
    # An indeclinable entry (``Fixd``) matches too much by a bare ending: left out.
    return any("Geox" in p.tag and "Fixd" not in p.tag and p.tag.POS == "NOUN" and from_dictionary(p)
               for name in names for p in parse_word(name))


@cache
def _max_words() -> int:
    return max(len(key) for key in _entries())


@cache
def _known_words() -> frozenset[str]:
    return frozenset(word for key in _entries() for word in key)


@lru_cache(maxsize=50_000)
def nominatives(word: str) -> frozenset[str]:
    """Folded forms a word may have in the nominative (itself among them).

    >>> sorted(nominatives("Жанаозене") & {"жанаозен"})
    ['жанаозен']
    >>> "россия" in nominatives("России")
    True
    """
    folded = fold(word)
    forms = {folded}
    endings = load_json("ner_place_endings.json")["endings"]
    # Only the last hyphen part declines (Алма-Аты, Усть-Каменогорске).
    for ending, replacements in endings.items():
        if folded.endswith(ending) and len(folded) - len(ending) >= 2:
            stem = folded[: len(folded) - len(ending)]
            forms.update(stem + replacement for replacement in replacements)
    for parse in parse_word(word):
        if "Geox" in parse.tag:
            forms.add(fold(parse.normal_form))
    return frozenset(forms & _known_words() | {folded})


def find_places(text: str) -> list[Place]:
    """Every gazetteer place in text, longest match first, never across a line.

    >>> [(p.canonical, p.kind) for p in find_places("расстрел в Жана Озене и Шетпе")]
    [('Жанаозен', 'city'), ('Шетпе', 'city')]
    >>> [p.canonical for p in find_places("иск к Акимату г.Алматы")]
    ['Алматы']
    """
    words = list(_WORD.finditer(text))
    entries, longest, known = _entries(), _max_words(), _known_words()
    places: list[Place] = []
    index = 0
    while index < len(words):
        hit = None
        if not words[index].group()[0].isupper():  # a name opens with a capital
            index += 1
            continue
        # Every word of a gazetteer name has a nominative the gazetteer knows, and the
        # words follow each other: runs past the first word that breaks either are not
        # looked up (the same places, without the product of readings for each length).
        reach = 0
        while (reach < min(longest, len(words) - index)
               and (reach == 0 or _adjacent(text, words[index + reach - 1 : index + reach + 1]))
               and not known.isdisjoint(nominatives(words[index + reach].group()))):
            reach += 1
        for size in range(reach, 0, -1):
            run = words[index : index + size]
            # Of several readings (Жанаозене: Жанаозен, Жанаозень) the canonical one wins.
            found = [entries[key] for key in _keys(tuple(m.group() for m in run)) if key in entries]
            if found:
                hit = (size, max(found, key=lambda entry: (entry[0] == entry[3], entry[3])))
                break
        if hit:
            size, (canonical, kind, country, name) = hit
            run = words[index : index + size]
            name = _like_text(name, [m.group() for m in run])
            places.append(Place(run[0].start(), run[-1].end(), canonical, kind, country, name))
            index += size
        else:
            index += 1
    return places


def _like_text(name: str, words: list[str]) -> str:
    """The gazetteer's nominative written with the text's capitals, word by word
    (``ЖАНАОЗЕНЕ`` -> ``ЖАНАОЗЕН``); a lower-case word stays as the gazetteer has it."""
    parts = name.split()
    if len(parts) != len(words):
        return name
    return " ".join(
        part.upper() if word.isupper() and len(word) > 3 else part for part, word in zip(parts, words)
    )


def _adjacent(text: str, run: list[re.Match]) -> bool:
    """Whether the words of a run follow each other with one space between."""
    return all(
        _JOINER.fullmatch(text[a.end() : b.start()]) for a, b in zip(run, run[1:])
    )


def _keys(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Candidate nominative keys of a run of words; every word may decline
    (``Нижнем Новгороде``), lower-case words of a name (``область``) too."""
    keys: list[tuple[str, ...]] = [()]
    for word in words:
        keys = [key + (form,) for key in keys for form in nominatives(word)]
        if len(keys) > 64:  # a long run of ambiguous words: no gazetteer name is that long
            return []
    return keys


# A venue's own name after its noun: a quoted name (maybe over a line break),
# or up to three capitalised words one space apart.
_QUOTED_NAME = re.compile(r"\s?«[^»\n]{1,80}»")
_CAPITALISED_NAME = re.compile(r" (?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)(?: [А-ЯЁ][а-яё]+){0,2}(?![\w-])")


@cache
def _venue_nouns() -> frozenset[str]:
    return frozenset(load_json("ner_venues.json")["nouns"])


@cache
def _venue_prefixes() -> frozenset[str]:
    return frozenset(noun[:3].replace("ё", "е") for noun in _venue_nouns()) | frozenset(
        noun[:3] for noun in _venue_nouns())


@lexicon_index
def _streets() -> frozenset[str]:
    return frozenset(load_json("ner_venues.json")["streets"])


def find_venues(text: str) -> list[Place]:
    """Named venues and monuments (``models/ner_venues.json``): the noun with its name.

    ``name`` is the noun in the nominative with the name as written.

    >>> [p.name for p in find_venues("митинг у памятника Абаю, за кинотеатром «Сары Арка»")]
    ['памятник Абаю', 'кинотеатр «Сары Арка»']
    >>> find_venues("на площади было тихо; на главной площади Алматы; памятники Ленину")
    []
    >>> [p.name for p in find_venues("пикет на улице Фурката у рынка «Жанубий»")]
    ['улица Фурката', 'рынок «Жанубий»']
    >>> [p.name for p in find_venues("у памятника Пушкину Иван Петров выступил; директор цирка Дмитрий Котов")]
    ['памятник Пушкину']
    """
    nouns = _venue_nouns()
    prefixes = _venue_prefixes()
    venues = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word[:3].lower() not in prefixes:
            continue  # a cheap filter before parsing: no venue noun starts so
        parse = next((p for p in parse_word(word) if p.tag.POS == "NOUN" and p.normal_form in nouns), None)
        if parse is None or parse.tag.number != "sing" or _plural_by_preposition(text, match.start(), word):
            continue
        name = _QUOTED_NAME.match(text, match.end()) or _CAPITALISED_NAME.match(text, match.end())
        if name is None and parse.normal_form in _dedications():
            end = _dedication_end(text, match.end())
            if end is not None:  # "у памятника пожарным": the monument named by its dedication
                nominative = parse.inflect({"nomn", "sing"})
                head = nominative.word if nominative else parse.normal_form
                head = head[:1].upper() + head[1:] if word[:1].isupper() else head
                own_name = text[match.end():end].strip()
                venues.append(Place(match.start(), end, head + " " + own_name, "venue", "", head + " " + own_name))
            continue
        if name is None or name.group().startswith(" ") and parse.normal_form not in _streets() \
                and _is_place_genitive(name.group().split()):
            continue
        if not name.group().lstrip().startswith("«"):
            if parse.normal_form in _hubs() and not _opens_with_given_name(name.group()):
                continue  # "в аэропорту Вероны", "аэропорт Шереметьево": the place itself
            name_end = _venue_name_end(text, name.start() + 1, name.end())
            if name_end is None:
                continue
        else:
            name_end = name.end()
        nominative = parse.inflect({"nomn", "sing"})
        head = nominative.word if nominative else parse.normal_form
        head = head[:1].upper() + head[1:] if word[:1].isupper() else head
        own_name = text[name.start() : name_end].strip()
        venues.append(Place(match.start(), name_end, head + " " + own_name, "venue", "", head + " " + own_name))
    return venues


@lexicon_index
def _hubs() -> frozenset[str]:
    return frozenset(load_json("ner_venues.json")["hubs"])


def _opens_with_given_name(name: str) -> bool:
    """Whether a capitalised name opens with a person's first name (``Джона Кеннеди``)."""
    from .person_spans import GIVEN, word_role

    words = _NAME_WORD.findall(name)
    return bool(words) and word_role(words[0]) == GIVEN


@lexicon_index
def _dedications() -> frozenset[str]:
    return frozenset(load_json("ner_venues.json")["dedications"])


_LOWER_WORD = re.compile(r" ([а-яё]+(?:-[а-яё]+)*)")
DEDICATION_WORDS = 5  # "жертвам политических репрессий": the dative and what it governs


def _dedication_end(text: str, start: int) -> int | None:
    """Where a monument's dedication after ``start`` ends: lower-case words in the dative
    ending in a noun (``пожарным``, ``погибшим шахтёрам``), then maybe a genitive phrase
    ending in a noun (``жертвам политических репрессий``); None when there is none.

    >>> text = "у памятника жертвам политических репрессий в сквере"
    >>> text[11:_dedication_end(text, 11)]
    ' жертвам политических репрессий'
    >>> _dedication_end("у памятника было тихо", 11) is None
    True
    """
    def cases(word: str, pos: set[str]) -> set[str]:
        return {p.tag.case for p in parse_word(word) if p.tag.POS in pos}

    end, at, wanted, words = None, start, "datv", 0
    while words < DEDICATION_WORDS:
        match = _LOWER_WORD.match(text, at)
        if match is None:
            break
        word = match.group(1)
        if len(word) < 3 or parse_word(word)[0].tag.POS in {"PREP", "CONJ", "PRCL"}:
            break  # "погибшим шахтёрам в сквере": the name ends before a preposition
        if wanted in cases(word, {"NOUN"}):
            end = match.end()
            wanted = "gent" if wanted == "datv" else None  # a genitive after the dative, once
        elif not wanted or wanted not in cases(word, {"ADJF", "PRTF"}):
            break
        at, words = match.end(), words + 1
        if wanted is None:
            break
    return end


# The cases a preposition governs: a venue noun after one it cannot follow in the
# singular is a plural (``на улицы Лондона``: the streets of a city, no street's name).
_PREPOSITION_CASES = {
    "в": {"accs", "loct", "loc2"}, "во": {"accs", "loct", "loc2"}, "на": {"accs", "loct", "loc2"},
    "по": {"datv", "loct"}, "к": {"datv"}, "ко": {"datv"}, "у": {"gent"}, "из": {"gent"},
    "от": {"gent"}, "до": {"gent"}, "возле": {"gent"}, "около": {"gent"}, "с": {"gent", "ablt"},
    "со": {"gent", "ablt"}, "за": {"accs", "ablt"}, "под": {"accs", "ablt"}, "перед": {"ablt"},
    "о": {"loct"}, "об": {"loct"}, "при": {"loct"},
}
_WORD_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁа-яё]+)\s+\Z")


def _plural_by_preposition(text: str, start: int, word: str) -> bool:
    """Whether the preposition right before a noun rules out every singular reading of it.

    >>> _plural_by_preposition("вышли на улицы Лондона", 9, "улицы")
    True
    >>> _plural_by_preposition("у улицы Ленина", 2, "улицы"), _plural_by_preposition("улицы Ленина", 0, "улицы")
    (False, False)
    """
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)
    cases = before and _PREPOSITION_CASES.get(before.group(1).lower())
    if not cases:
        return False
    singular = {p.tag.case for p in parse_word(word) if p.tag.POS == "NOUN" and p.tag.number == "sing"}
    return bool(singular) and not singular & cases


def _venue_name_end(text: str, start: int, end: int) -> int | None:
    """Where a venue's capitalised name ends, or None when the words after the noun
    are a person's name, not the venue's: a first name in the nominative or
    instrumental (``директор цирка Дмитрий Зубарев``, ``театра Олегом …``) opens
    a person, and so does a first name after the venue's name (``у памятника Пушкину
    Иван Петров выступил``)."""
    from .person_spans import GIVEN, SURNAME, word_role

    words = list(_NAME_WORD.finditer(text, start, end))
    first = words[0].group()
    if len(words) > 1 and word_role(first) == GIVEN and word_role(words[1].group()) == SURNAME and not any(
            p.tag.case in ("gent", "datv") for p in parse_word(first) if "Name" in p.tag and p.tag.number == "sing"):
        return None
    for previous, word in zip(words, words[1:]):
        if word_role(word.group()) == GIVEN and word_role(previous.group()) == SURNAME:
            return previous.end()
    return end


def _is_place_genitive(words: list[str]) -> bool:
    """``площади Алматы``: a city, region or country in the genitive says where the
    venue is; it is not the venue's name (``площадь Астана`` is)."""
    key_options = _keys(tuple(words))
    if not any(key in _entries() for key in key_options):
        return False
    return any(p.tag.case == "gent" for p in parse_word(words[-1]) if "Geox" in p.tag or p.tag.POS == "NOUN")


def place_nominative(surface: str, before: str = "") -> str:
    """A place name the gazetteer lacks, in the nominative: as written when it is an
    appositive of a settlement noun (:func:`is_appositive`; ``before`` is the text before
    it), else the phrase rules, else the last word's guessed nominative when it ends in
    vowel + consonant (``Жанао Озене`` -> ``Жанао Озен``; ``Шетпе`` does not decline and stays).

    >>> place_nominative("Жанао Озене"), place_nominative("Шетпе"), place_nominative("Южной Азии")
    ('Жанао Озен', 'Шетпе', 'Южная Азия')
    >>> place_nominative("Орегада"), place_nominative("Орегада", "прокуратура штата ")
    ('Орегад', 'Орегада')
    """
    if before and is_appositive(surface, before):
        return surface
    normal = normalise_phrase(surface)
    if normal != surface or not surface[-1:].isalpha():
        return normal
    last = _NAME_WORD.findall(surface)[-1]
    for parse in parse_word(last)[:1]:
        guessed = parse.methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer"
        stem = parse.normal_form
        if (guessed and parse.tag.POS == "NOUN" and parse.tag.case != "nomn"
                and re.search(r"[аеиоуыэюя][бвгджзклмнпрстфхцчшщ]$", stem) and last.lower().startswith(stem)):
            return surface[: len(surface) - len(last)] + last[: len(stem)]
    feminine = feminine_nominative(last)
    if feminine:
        return surface[: len(surface) - len(last)] + feminine
    return normal


def feminine_nominative(word: str) -> str | None:
    """A name pymorphy3 reads only in an oblique case, first as a feminine noun in ``-а``/``-я``
    (``в Санта-Кларе``, ``под Ла-Платой``), in that nominative, hyphenated parts capitalised as
    written; None when any reading is nominative or the first is not such a noun.

    >>> feminine_nominative("Санта-Кларе"), feminine_nominative("Ла-Плате"), feminine_nominative("Пуэрто-Монте")
    ('Санта-Клара', 'Ла-Плата', None)
    >>> feminine_nominative("Москва"), feminine_nominative("Сан-Хосе")
    (None, None)
    """
    nouns = [p for p in parse_word(word.lower()) if p.tag.POS == "NOUN"]
    if not nouns or any(p.tag.case == "nomn" for p in nouns):
        return None
    first = nouns[0]
    lemma = first.normal_form
    if first.tag.gender != "femn" or not lemma.endswith(("а", "я")) or lemma.count("-") != word.count("-"):
        return None
    return match_case(word, lemma)


@lexicon_index
def _appositive_heads() -> frozenset[str]:
    return frozenset(load_json("ner_place_endings.json").get("appositive_heads", ()))


_LAST_WORD = re.compile(r"([А-ЯЁа-яё-]+)[^\S\n]*\Z")


def is_appositive(surface: str, before: str) -> bool:
    """Whether a one-word name pymorphy3 does not know stands after a settlement noun as
    its appositive, in the nominative whatever the noun's case: the noun is nominative, or
    the name can be read in the nominative (``штата Тревада``, though ``Тревад`` in the
    genitive is a guess too), or in none of the noun's cases. A name that can only agree
    with the noun (``в городе Кервале``) and a known word are left to the phrase rules.

    >>> is_appositive("Тальвин", "портовый город "), is_appositive("Тальвин", "в ")
    (True, False)
    """
    head = _LAST_WORD.search(before)
    if not head or " " in surface.strip() or not surface.isalpha():
        return False
    heads = [p for p in parse_word(head.group(1).lower())
             if p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in {h.replace("ё", "е") for h in _appositive_heads()}]
    if not heads:
        return False
    readings = [p for p in parse_word(surface.lower()) if p.tag.POS == "NOUN"]
    # a word read whole from the dictionary is known; one read as a known word after an
    # unknown prefix (``Тов|ия``, like ``Пав|ия``) is a guess
    if not readings or any(from_dictionary(p) and len(p.methods_stack) == 1 for p in readings):
        return False
    head_cases = {p.tag.case for p in heads}
    own_cases = {p.tag.case for p in readings}
    return "nomn" in head_cases or "nomn" in own_cases or not own_cases & head_cases


def document_country(text: str) -> str | None:
    """The country (ISO code) a document is mostly about: the one its places
    name most often (a city counts for its country), None if it names none.

    >>> document_country("В Гомеле и Минске задержали, в Москве осудили. Беларусь")
    'BY'
    >>> document_country("Текст без мест.") is None
    True
    """
    counts: dict[str, int] = {}
    for place in find_places(text):
        code = place.country.strip()
        if code:
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda code: counts[code]) if counts else None
