"""Places made comparable across documents: one name, and what contains it.

An event's ``place`` is the most specific place its statement names: a country,
a city, or a venue (``площадь Республики``, ``памятник Абаю``). Two statements of
one happening often name it at different depths (one says the square, the other
the city), so each place is resolved to its canonical name, its city and its
country: the gazetteer (``models/gazetteer_places.csv``) knows cities, regions and
countries; a venue it does not know lies in the city its document is about (the
city named in the same sentence, else the city the document names most). A town the gazetteer lists as a city of its own
that is part of a bigger city (``Колпино``, a district of Санкт-Петербург) lies in
that city; a town of a city's agglomeration (``Химки`` beside Москва) keeps its own
city but shares its *area* with it (``models/place_within.json``, with its source). An
airport lies in its own city when written after the word (``аэропорт Кольцово``): its
bare name is also a settlement's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..resources import fold, load_csv, load_json
from ..tag.gazetteer import canonical_place

COUNTRY, REGION, CITY = "country", "region", "city"


@dataclass(frozen=True, slots=True)
class Where:
    """A place at three depths; any may be unknown."""

    place: str | None  # canonical name of the place as stated
    city: str | None  # the city it is or lies in
    country: str | None  # ISO 3166 alpha-2 code


@cache
def _gazetteer() -> dict[str, tuple[str, str]]:
    """Canonical place name (folded) -> (kind, country)."""
    table: dict[str, tuple[str, str]] = {}
    for row in load_csv("gazetteer_places.csv"):
        table.setdefault(fold(row["canonical"]), (row["kind"], row["country"]))
    return table


def place_kind(name: str) -> tuple[str | None, str | None]:
    """The gazetteer's kind and country of a canonical place name, if it knows it.

    >>> place_kind("Алматы"), place_kind("Казахстан"), place_kind("площадь Абая")
    (('city', 'KZ'), ('country', 'KZ'), (None, None))
    """
    return _gazetteer().get(fold(name), (None, None))


@cache
def _within() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Folded town -> the city it is part of; folded town -> its agglomeration's city;
    folded airport name -> the city it lies in."""
    data = load_json("place_within.json")
    parts = {fold(town): city for town, city in data["parts_of_cities"].items()}
    areas = {fold(town): city for city, towns in data["agglomerations"].items()
             for town in (city, *towns)}
    airports = {fold(name): city for name, city in data["airports"].items()}
    return parts, areas, airports


# The word airport in any case, then the airport's name (``в аэропорту «Пулково»``).
AIRPORT = re.compile(r"\bаэропорт(?:а|у|ом|е)?\s+«?", re.IGNORECASE)


def airport_city(place: str) -> str | None:
    """The city of an airport written after the word airport; a bare name, which is also a
    settlement's (``Кольцово`` near Новосибирск), is none.

    >>> airport_city("аэропорту Кольцово"), airport_city("Кольцово")
    ('Екатеринбург', None)
    """
    found = AIRPORT.match(place)
    return found and _within()[2].get(fold(place[found.end():].strip(" »")))


def airport_phrase(place: str, sentence: str) -> str:
    """``place`` as its sentence writes it after the word airport (the tagger takes the
    name alone: ``в аэропорту Шереметьево`` gives ``Шереметьево``), else as it is.

    >>> airport_phrase("Пулково", "Его задержали в аэропорту Пулково."), airport_phrase("Пулково", "В Пулково.")
    ('аэропорт Пулково', 'Пулково')
    """
    if AIRPORT.match(place) or not re.search(AIRPORT.pattern + re.escape(place), sentence,
                                             re.IGNORECASE):
        return place
    return f"аэропорт {place}"


def city_containing(city: str) -> str:
    """The city a town the gazetteer lists as a city is part of, else the town itself.

    >>> city_containing("Колпино"), city_containing("Химки"), city_containing("Казань")
    ('Санкт-Петербург', 'Химки', 'Казань')
    """
    return _within()[0].get(fold(city), city)


def near(one: str, other: str) -> bool:
    """Whether two cities are no two places apart on one day: one city, or a town and the
    city beside it (a statement written far away names the big city). Two towns beside
    one city are two places (Химки, Подольск: 50 km apart).

    >>> near("Химки", "Москва"), near("Москва", "Химки"), near("Химки", "Подольск")
    (True, True, False)
    """
    return one == other or area(one) == other or area(other) == one


def area(city: str | None) -> str | None:
    """The city whose agglomeration a city lies in (itself when it lies in none): two
    cities of one area are no two places far apart on one day.

    >>> area("Химки"), area("Москва"), area("Казань"), area(None)
    ('Москва', 'Москва', 'Казань', None)
    """
    return None if city is None else _within()[1].get(fold(city), city)


def resolve(place: str | None, context_cities: list[str] = ()) -> Where:
    """Canonical name, city and country of an event's place.

    ``context_cities`` are the cities the event's sentence and then its document
    name, most relevant first: a venue the gazetteer does not know lies in the first.

    >>> resolve("Жана Озен")
    Where(place='Жанаозен', city='Жанаозен', country='KZ')
    >>> resolve("площадь Республики", ["Алматы"])
    Where(place='площадь Республики', city='Алматы', country='KZ')
    >>> resolve("Казахстан", ["Алматы"])
    Where(place='Казахстан', city=None, country='KZ')
    >>> resolve(None, ["Бишкек"])
    Where(place=None, city=None, country=None)
    >>> resolve("Колпино")
    Where(place='Колпино', city='Санкт-Петербург', country='RU')
    >>> resolve("аэропорт Шереметьево", ["Ереван"])
    Where(place='аэропорт Шереметьево', city='Химки', country='RU')
    >>> resolve("Кольцово", ["Новосибирск"])
    Where(place='Кольцово', city='Новосибирск', country='RU')
    """
    if not place:
        return Where(None, None, None)
    canonical = canonical_place(place)
    kind, country = place_kind(canonical)
    if kind == CITY:
        return Where(canonical, city_containing(canonical), country)
    if kind in (COUNTRY, REGION):
        return Where(canonical, None, country)
    # An airport whose city is known, else the city its context names.
    city = airport_city(canonical) or next(iter(context_cities), None)
    return Where(canonical, city and city_containing(city), place_kind(city)[1] if city else None)


def cities_named(places: list[str]) -> list[str]:
    """The cities among place names, most often named first (ties: first named); a town
    that is part of a city counts as that city (:func:`city_containing`).

    >>> cities_named(["Алматы", "Казахстан", "Астана", "Алматы", "площадь Абая"])
    ['Алматы', 'Астана']
    >>> cities_named(["Колпино", "Тверь", "Санкт-Петербург"])
    ['Санкт-Петербург', 'Тверь']
    """
    counts = Counter(city_containing(c) for p in places if p
                     for c in [canonical_place(p)] if place_kind(c)[0] == CITY)
    return sorted(counts, key=lambda c: -counts[c])
