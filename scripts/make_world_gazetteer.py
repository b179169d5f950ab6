"""Write ``models/gazetteer_world.csv``: the world's countries and main cities in Russian.

    python scripts/make_world_gazetteer.py [--check]

Source: the Unicode Common Locale Data Repository (CLDR) as the ``babel`` package ships
it (``pip install babel``; Unicode licence): the Russian names of the ISO 3166 territories
(``Мозамбик``) and the Russian names of the cities the time zones are named after
(``Мапуту``, ``Буэнос-Айрес``: each country's capital or largest city), with the country
each zone belongs to. Run by hand when babel's CLDR moves on; the pipeline reads only
the CSV it writes. ``--check`` says whether the file in ``models/`` is what this script
writes today.

What is left out, and why: codes that are no country (``EU``, ``UN``, ``ZZ``, pseudo
locales), Antarctic stations, islands and the sub-zones of a state (``America/Indiana/…``),
a one-word name pymorphy3 reads first as an ordinary word (``Того``, ``Восток``), a city
it reads first as a person's name (``Виктория``) or as another place in an oblique case
(``Туле``, Тула):
those choices are the tagger's, not a list's. A name the hand-made
``gazetteer_places.csv`` holds wins over this file's.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OUT = REPO / "models" / "gazetteer_world.csv"
# Territory codes of CLDR that name no country or territory of ISO 3166-1.
NOT_COUNTRIES = frozenset("AC CP CQ DG EA EU EZ IC QO TA UN XA XB ZZ UM AQ BV HM".split())
ABBREVIATIONS = ((re.compile(r"\bо-ва\b"), "острова"), (re.compile(r"\bо-в\b"), "остров"),
                 (re.compile(r"\bСв\. "), "Святой "))


def country_names(name: str) -> list[str]:
    """The names a CLDR territory name gives: abbreviations spelled out, a bracketed
    second name on its own; a name split by a dash (``Конго - Киншаса``) gives none.

    >>> country_names("Мьянма (Бирма)"), country_names("Бермудские о-ва"), country_names("Конго - Киншаса")
    (['Мьянма', 'Бирма'], ['Бермудские острова'], [])
    >>> country_names("Гонконг (САР)")
    ['Гонконг']
    """
    if " - " in name:
        return []
    for pattern, full in ABBREVIATIONS:
        name = pattern.sub(full, name)
    found = re.fullmatch(r"(.+?) \((.+)\)", name)
    if not found:
        return [name]
    second = found.group(2)
    return [found.group(1)] + ([second] if second[:1].isupper() and not second.isupper() else [])


def is_plain_city(name: str) -> bool:
    """A city name the gazetteer may hold: not a person's name, not an ordinary word.

    >>> is_plain_city("Мапуту"), is_plain_city("Буэнос-Айрес"), is_plain_city("Виктория"), is_plain_city("Восток")
    (True, True, False, False)
    >>> is_plain_city("Туле"), is_plain_city("Дакар"), is_plain_city("Кишинев"), is_plain_city("Кампала")
    (False, True, True, True)
    """
    from pipeline.nlp import parse_word

    if " " in name or "-" in name:
        return True
    word = name.lower().replace("ё", "е")
    parses = parse_word(name)
    first = parses[0]
    if {"Name", "Surn", "Patr"} & first.tag.grammemes:
        return False  # a person first: ``Виктория``
    lemmas = {p.normal_form.replace("ё", "е") for p in parses if "Geox" in p.tag}
    if lemmas and word not in lemmas:
        return False  # another place in an oblique case: ``Туле`` is Тула's locative
    return not is_ordinary_word(name)


def is_ordinary_word(name: str) -> bool:
    """A one-word name pymorphy3 reads first as a word of the language, not as a place or
    a person: capitalised at a sentence's start it is that word (``Того, кто``, ``Газа``).

    >>> is_ordinary_word("Того"), is_ordinary_word("Восток"), is_ordinary_word("Сомали"), is_ordinary_word("Ливан")
    (True, True, False, False)
    """
    from pipeline.nlp import parse_word

    if " " in name or "-" in name:
        return False
    first = parse_word(name)[0]
    return first.is_known and not ({"Geox", "Name", "Surn", "Patr", "Fixd"} & first.tag.grammemes)


def rows() -> list[tuple[str, str, str, str]]:
    """(name, canonical, kind, country) rows, countries first, sorted."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale("ru")
    countries = []
    for code, name in sorted(locale.territories.items()):
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
            names = country_names(name)
            countries += [(variant, names[0], "country", code) for variant in names if not is_ordinary_word(variant)]
    taken = {row[0] for row in countries}
    cities = {}
    zones = locale.time_zones
    for zone, code in sorted(get_global("zone_territories").items()):
        city = zones.get(zone, {}).get("city")
        if (not city or code in NOT_COUNTRIES or len(code) != 2 or zone.startswith("Antarctica/")
                or zone.count("/") > 1 or not re.fullmatch(r"[А-ЯЁ][А-Яа-яЁё -]+", city)
                or re.search(r"\bо-в|\bострова\b", city, re.I) or city in taken or not is_plain_city(city)):
            continue
        cities.setdefault(city, (city, city, "city", code))
    return countries + sorted(cities.values())


def render(found: list[tuple[str, str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("name", "canonical", "kind", "country"))
    writer.writerows(found)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file in models/, write nothing")
    args = parser.parse_args(argv)
    text = render(rows())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(REPO)} is {'up to date' if same else 'out of date'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {text.count(chr(10)) - 1} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
