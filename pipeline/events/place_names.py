"""Place names as events give them: one name per place, in the nominative."""

from __future__ import annotations

from functools import cache

from ..nlp import parse_word
from ..records import Mention
from ..resources import fold, load_csv, load_json
from ..tag.gazetteer import GAZETTEER_FILES, canonical_place, place_kind
from ..tag.gazetteer import _entries as gazetteer_entries
from ..tag.inflect import match_case


def place_name(mention: Mention) -> str:
    """An event's place: one name per place (``Жана Озене`` and ``Жанаозен`` agree), in
    the nominative where the mention's own normal kept an accusative the noun hides
    (``на Болотную площадь``), the gazetteer's spelling for a one-letter slip."""
    name = mention.normal or mention.text
    canonical = canonical_place(name)
    if canonical != name:
        return canonical
    return misspelt_place(name) or accusative_to_nominative(name)


NEAR_MISS_LETTERS = 7  # a shorter name a letter off another is likely another place


def misspelt_place(name: str) -> str | None:
    """The gazetteer's place a one-word name misspells by a doubled letter, in any case
    form (``Новоросийске`` -> ``Новороссийск``), when that place is the only one so near.

    >>> misspelt_place("Новоросийске"), misspelt_place("Уральске"), misspelt_place("Орле")
    ('Новороссийск', None, None)
    """
    if " " in name.strip() or not name.isalpha():
        return None
    forms = {fold(p.normal_form) for p in parse_word(name.lower()) if p.tag.POS == "NOUN"} | {fold(name)}
    found = {canonical_place(candidate) for form in forms if len(form) >= NEAR_MISS_LETTERS
             for candidate in _one_letter_off(form)}
    return found.pop() if len(found) == 1 else None


def _one_letter_off(form: str) -> set[str]:
    """Gazetteer names ``form`` is a doubled-letter slip of (``невиномысск`` for
    ``невинномысск``, ``таллин`` for ``таллинн``): a letter written once where the name has it
    twice, or twice where once. Other one-letter differences are other places (``Уральск``,
    ``Аральск``)."""
    names = _one_word_places()
    near = {form[:i] + form[i] + form[i:] for i in range(len(form))}
    near |= {form[:i] + form[i + 1:] for i in range(1, len(form)) if form[i] == form[i - 1]}
    near.discard(form)
    return {names[n] for n in near if n in names}


@cache
def _one_word_places() -> dict[str, str]:
    """Folded one-word gazetteer names of cities and regions, to their written name."""
    return {key[0]: entry[3] for key, entry in gazetteer_entries().items()
            if len(key) == 1 and entry[1] in {"city", "region"}}


def accusative_to_nominative(name: str) -> str:
    """An adjective and its noun in the accusative, the noun's accusative like its
    nominative (``Болотную площадь``), in the nominative; other names as they are.

    >>> accusative_to_nominative("Болотную площадь"), accusative_to_nominative("Красная площадь")
    ('Болотная площадь', 'Красная площадь')
    """
    words = name.split()
    if len(words) != 2 or not all(w.isalpha() for w in words):
        return name
    adjectives = [p for p in parse_word(words[0].lower()) if p.tag.POS == "ADJF"]
    if not adjectives or any(p.tag.case == "nomn" for p in adjectives):
        return name
    for noun in parse_word(words[1].lower()):
        if noun.tag.POS != "NOUN" or noun.tag.case != "accs" or noun.tag.number != "sing":
            continue
        adjective = next((p for p in adjectives if p.tag.case == "accs" and p.tag.gender == noun.tag.gender), None)
        head = noun.inflect({"nomn", "sing"})
        agreed = adjective.inflect({"nomn", "sing", noun.tag.gender}) if adjective else None
        if head and agreed:
            return f"{match_case(words[0], agreed.word)} {match_case(words[1], head.word)}"
    return name


COUNTRY = "country"


@cache
def _country_codes() -> dict[str, str]:
    """Folded canonical place -> its country code, from any gazetteer row that gives one (the
    hand-made rows leave some out: ``Турция`` there, ``TR`` in the world's)."""
    codes: dict[str, str] = {}
    for name in GAZETTEER_FILES:
        for row in load_csv(name):
            if row["country"]:
                codes.setdefault(fold(row["canonical"]), row["country"])
    return codes


@cache
def _parts_of_cities() -> dict[str, str]:
    """Folded town -> the city it is part of (``models/place_within.json``: Колпино, Зеленоград)."""
    return {fold(town): city for town, city in load_json("place_within.json")["parts_of_cities"].items()}


def lies_within(inner: str, outer: str) -> bool:
    """Whether the place ``inner`` lies in ``outer``: a city or region of that country (by the
    gazetteer's country codes), or a town that is part of that city.

    >>> lies_within("Казань", "Россия"), lies_within("Колпино", "Санкт-Петербург")
    (True, True)
    >>> lies_within("Россия", "Казань"), lies_within("Казань", "Омск"), lies_within("Алматы", "Россия")
    (False, False, False)
    """
    if _parts_of_cities().get(fold(inner)) == outer:
        return True
    kinds = place_kind(inner), place_kind(outer)
    if kinds[0] is None or kinds[1] is None or kinds[1][0] != COUNTRY or kinds[0][0] == COUNTRY:
        return False
    codes = _country_codes()
    code = codes.get(fold(canonical_place(inner)))
    return code is not None and code == codes.get(fold(canonical_place(outer)))


def places_agree(a: str | None, b: str | None) -> bool:
    """Two tellings' places may be one happening's: equal, unknown on one side, or one within
    the other (a country and its city: a story names the country, then the town)."""
    return a is None or b is None or a == b or lies_within(a, b) or lies_within(b, a)
