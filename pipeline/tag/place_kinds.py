"""What kind of place a LOC mention names: a venue, or a settlement, region or country.

Users count events by place; a street, square, building or monument (``Тверская
площадь``, ``Воронцовский дворец``, ``памятник Абаю``) is a place an event happens at,
but not one to add up beside cities and countries. Such a mention stays a LOC and is
marked ``place_kind`` ``venue`` in the mentions table (NEREL calls these FACILITY);
every other LOC has no kind. A venue is a mention the venue finder made or one whose
words hold a venue noun of ``models/ner_venues.json`` (``nouns``, or ``kind_words``
such as ``дом``, ``кладбище`` that make no venue of the name after them on their own),
or a hyphenated name ending like an English street (``Бейкер-стрит``).
"""

from __future__ import annotations

from functools import cache, lru_cache

from ..nlp import parse_word
from ..records import VENUE
from ..resources import lexicon_index, load_json
from .candidates import WORD


@cache
def _venue_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("ner_venues.json")
    return frozenset(data["nouns"]) | frozenset(data["kind_words"]), frozenset(data["kind_endings"])


@lru_cache(maxsize=20_000)
def _is_venue_word(word: str) -> bool:
    nouns, endings = _venue_words()
    head, hyphen, last = word.lower().rpartition("-")
    if head and hyphen and (last in endings or any(p.normal_form in endings for p in parse_word(last))):
        return True  # ``Бейкер-стрит``, ``Линкольн-холле``
    return any(p.tag.POS == "NOUN" and p.normal_form.replace("ё", "е") in nouns for p in parse_word(word))


def place_kind(surface: str, found_as_venue: bool = False) -> str | None:
    """``venue`` for a named venue, street or monument; None for any other place.

    >>> place_kind("Воронцовском дворце"), place_kind("Тополиной улице"), place_kind("Нижнем Новгороде")
    ('venue', 'venue', None)
    >>> place_kind("Москве"), place_kind("Площадь Ногина"), place_kind("Белом доме"), place_kind("Бейкер-стрит")
    (None, 'venue', 'venue', 'venue')
    >>> place_kind("Домодедове"), place_kind("Садовом"), place_kind("Альберт-холле"), place_kind("Нью-Йорке")
    (None, None, 'venue', None)
    """
    if found_as_venue:
        return VENUE
    return VENUE if any(_is_venue_word(w) for w in WORD.findall(surface)) else None


@lexicon_index
def _buildings() -> frozenset[str]:
    return frozenset(load_json("ner_venues.json")["buildings"])


def is_building_name(words: list[str]) -> bool:
    """Whether a name is a building's (``buildings`` of ``models/ner_venues.json``): its
    first noun, by the likeliest reading, is a building noun and only adjectives come
    before it. A venue, not an organisation.

    >>> is_building_name(["Бостонском", "аэропорту"]), is_building_name(["Дворца", "молодёжи"])
    (True, True)
    >>> is_building_name(["Большого", "театра"]), is_building_name(["Иван", "Дворцов"])
    (False, False)
    """
    for word in words:
        best = parse_word(word)[0] if parse_word(word) else None
        if best is None:
            return False
        if best.tag.POS == "NOUN":
            return best.normal_form.replace("ё", "е") in _buildings()
        if best.tag.POS != "ADJF":
            return False
    return False
