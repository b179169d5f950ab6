"""People across documents: which person records name one person.

The comparisons fit Russian names (:mod:`pipeline.link.names`): surnames on their
sound keys, with the gender ending set aside and gender compared on its own
(``Ковалева`` is not ``Ковалев``); a surname a letter off is close (a typo), one
further off is another surname (``Ткачук``, ``Ткаченко``); a short first name is
its full one (``Ксюша``: ``Ксения``); a first name or patronymic that is only an
initial fits any full one it begins; either may be missing, which is no
evidence either way. What tells namesakes apart is context: where their events
happened (city, else country), when (years), and who else their statements
name. Two cities on one day are two people, and so are two patronymics
(:func:`other_patronymics`): rules of the clustering (:mod:`pipeline.link.cluster`),
not comparisons, for no weight of evidence from a surname and a first name should
outvote them.

Blocking: pairs share a surname and a first initial (or one names no first name),
or a surname and all the first name's letters but an а or о first (``Аксана``,
``Оксана``),
or a first name and the surname's first three letters, or all its letters but the
first (a surname spelt two ways), or first name and patronymic (``Олег Сергеевич``,
no surname), or a first name one of them gives alone. The same rules on every
collection, however small.
"""

from __future__ import annotations

from collections import Counter

from .engine import Model
from .names import other_first_names

NULL = "is_null_level"


def _level(label: str, sql: str, null: bool = False) -> dict:
    level = {"sql_condition": sql, "label_for_charts": label}
    return level | {NULL: True} if null else level


def _else() -> dict:
    return _level("else", "ELSE")


COMPARISONS = [
    {"output_column_name": "surname", "comparison_description": "surname sound key", "comparison_levels": [
        # One names no surname (``Оля``, ``моего сына Тиму``) and its statement ties it
        # as family to someone of the other's surname (the relative who wrote it, ``Я,
        # Андрей Шевчук … мою жену Олю``; kin.kin_ties): a first name alone is how a family
        # tells its own. Not a neighbour's, a lawyer's or an official's surname: every
        # surname a statement names (co_surnames) no longer feeds this level, only its own.
        _level("kin's surname", '("surname_l" IS NULL AND list_contains("kin_surnames_l", "surname_r")) '
                                'OR ("surname_r" IS NULL AND list_contains("kin_surnames_r", "surname_l"))'),
        _level("missing", '"surname_l" IS NULL OR "surname_r" IS NULL', null=True),
        _level("same", '"surname_l" = "surname_r"'),
        # A letter wrong, missing or swapped (a typo, a transliteration): Ткачук and
        # Ткаченко, close by Jaro-Winkler, are two surnames.
        # Or a double surname and one of its halves (``Круглова-Ветрова``, ``Ветрова``): one
        # statement gives a woman's double surname, another only one half of it.
        _level("close", '(damerau_levenshtein("surname_l", "surname_r") <= 1 '
                        'AND least(length("surname_l"), length("surname_r")) >= 5) '
                        'OR list_contains("surname_parts_l", "surname_r") '
                        'OR list_contains("surname_parts_r", "surname_l") '
                        # A surname in Latin letters and in Russian by its loose key (Armenian
                        # ``Hakobyan``/``Акопян``, Belarusian ``Marozava``/``Морозова``:
                        # names.loose_surname_key), across the alphabets only.
                        'OR ("surname_loose_l" = "surname_loose_r" '
                        'AND "surname_latin_l" <> "surname_latin_r")'),
        _else(),
    ]},
    {"output_column_name": "first", "comparison_description": "first name or its initial", "comparison_levels": [
        _level("missing", '"first_initial_l" IS NULL OR "first_initial_r" IS NULL', null=True),
        # ``Alena``: Алёна or Belarusian Алена (Елена), either reading (names.first_readings)
        _level("same", 'list_has_any("first_names_l", "first_names_r")'),
        # An initial either may be written with (a Latin ``H.``: Х or Г) is the other's.
        _level("initial fits", 'list_has_any("first_initials_l", "first_initials_r") '
                               'AND ("first_l" IS NULL OR "first_r" IS NULL)'),
        _level("close", 'damerau_levenshtein("first_l", "first_r") <= 1 '
                        'AND least(length("first_l"), length("first_r")) >= 4'),
        _else(),
    ]},
    {"output_column_name": "patronymic", "comparison_description": "patronymic or its initial", "comparison_levels": [
        _level("missing", '"patronymic_initial_l" IS NULL OR "patronymic_initial_r" IS NULL',
               null=True),
        _level("same", '"patronymic_l" = "patronymic_r"'),
        _level("initial fits", '"patronymic_initial_l" = "patronymic_initial_r" '
                               'AND ("patronymic_l" IS NULL OR "patronymic_r" IS NULL)'),
        _else(),
    ]},
    {"output_column_name": "gender", "comparison_description": "gender the name shows", "comparison_levels": [
        _level("missing", '"gender_l" IS NULL OR "gender_r" IS NULL', null=True),
        _level("same", '"gender_l" = "gender_r"'),
        _else(),
    ]},
    {"output_column_name": "where", "comparison_description": "cities, else countries, of their events", "comparison_levels": [
        _level("missing", '"countries_l" IS NULL OR "countries_r" IS NULL', null=True),
        _level("same city", 'list_has_any("cities_l", "cities_r")'),
        _level("other city, same country", '"cities_l" IS NOT NULL AND "cities_r" IS NOT NULL '
                                           'AND list_has_any("countries_l", "countries_r")'),
        _level("same country", 'list_has_any("countries_l", "countries_r")'),
        _else(),
    ]},
    {"output_column_name": "years", "comparison_description": "years of their events", "comparison_levels": [
        _level("missing", '"years_l" IS NULL OR "years_r" IS NULL', null=True),
        _level("shared", 'list_has_any("years_l", "years_r")'),
        _level("within a year", 'abs(list_min("years_l") - list_min("years_r")) <= 1 '
                                'OR abs(list_max("years_l") - list_max("years_r")) <= 1'),
        _else(),
    ]},
    {"output_column_name": "co_surnames", "comparison_description": "other people their statements name", "comparison_levels": [
        _level("missing", '"co_surnames_l" IS NULL OR "co_surnames_r" IS NULL', null=True),
        _level("shared", 'list_has_any("co_surnames_l", "co_surnames_r")'),
        _else(),
    ]},
]

PEOPLE = Model(
    name="people",
    comparisons=COMPARISONS,
    blocking_rules=[
        # A common surname (Иванов) is thousands of records: only those whose first
        # initials agree are pairs, and those naming no first name with any.
        "l.surname = r.surname AND l.first_initial = r.first_initial",
        # a Latin ``H.`` (Г or Х) beside ``Hasan``, ``Hanna`` (Анна), ``Г.``
        "l.surname = r.surname AND list_has_any(l.first_initials, r.first_initials)",
        "l.surname = r.surname AND (l.first_initial IS NULL OR r.first_initial IS NULL)",
        "l.first = r.first AND substr(l.surname, 1, 3) = substr(r.surname, 1, 3)",
        # A surname whose first letter is spelt two ways across alphabets
        # (Гасанов, Hasanov): the same first name and the rest of the surname.
        "l.first = r.first AND substr(l.surname, 2) = substr(r.surname, 2)",
        "l.first = r.first AND l.patronymic = r.patronymic",
        # A surname written in Latin letters and in Russian, by its loose key (Hakobyan, Акопян; Marozava, Морозова).
        "l.first = r.first AND l.surname_loose = r.surname_loose "
        "AND l.surname_latin <> r.surname_latin",
        # A double surname and one of its halves (``Круглова-Ветрова``, ``Ветрова``), both
        # ways: few records have a double surname, so each rule stays small.
        "l.surname_half_1 = r.surname", "l.surname_half_2 = r.surname",
        "r.surname_half_1 = l.surname", "r.surname_half_2 = l.surname",
        # A first name whose first vowel is written as it sounds (Belarusian and
        # Ukrainian А for an unstressed О: Аксана, Оксана) beside the same surname; only
        # а and о (Арина and Ирина, Марина and Карина are two names).
        "l.surname = r.surname AND substr(l.first, 2) = substr(r.first, 2) "
        "AND substr(l.first, 1, 1) IN ('a', 'o') AND substr(r.first, 1, 1) IN ('a', 'o')",
        # A first name alone (``моему соседу Тагиру``) and the full names with it:
        # few records name no surname, so each side's own rule stays small.
        "l.first = r.first AND l.surname IS NULL",
        "l.first = r.first AND r.surname IS NULL",
    ],
    # EM learns each comparison from pairs blocked on the others; pairs sharing a
    # surname and an initial, or a first name and the same cities, are often matches.
    training_rules=["l.surname = r.surname AND l.first_initial = r.first_initial",
                    "l.first = r.first AND l.cities = r.cities",
                    "l.surname = r.surname AND l.cities = r.cities"],
    deterministic_rules=["l.surname = r.surname AND l.first = r.first "
                         "AND l.gender IS NOT DISTINCT FROM r.gender"],
    columns=["surname", "surname_parts", "surname_half_1", "surname_half_2", "surname_loose",
             "surname_latin", "first", "first_initial", "first_initials", "first_names", "patronymic", "patronymic_initial",
             "gender", "cities", "countries", "years", "co_surnames", "kin_surnames"],
    # What agrees more in meaning never weighs less (engine.ordered_levels).
    order=[("surname", "same", "close"), ("surname", "close", "else"),
           ("surname", "same", "kin's surname"), ("surname", "kin's surname", "else"),
           ("first", "same", "initial fits"), ("first", "same", "close"),
           ("first", "initial fits", "else"), ("first", "close", "else"),
           ("patronymic", "same", "initial fits"), ("patronymic", "initial fits", "else"),
           ("gender", "same", "else"),
           # A city told by one side only (the other a country) is no city apart.
           ("where", "same city", "same country"),
           ("where", "same country", "other city, same country"),
           ("where", "other city, same country", "else"),
           ("years", "shared", "within a year"), ("years", "within a year", "else"),
           ("co_surnames", "shared", "else")],
)


def fullest_name(names: list[str], fullness: list[int]) -> str:
    """The fullest name among a person's records (most often seen wins a tie, then longest).

    >>> fullest_name(["Б. Туменова", "Бахыт Туменова", "Б. Туменова"], [3, 4, 3])
    'Бахыт Туменова'
    """
    seen = Counter(names)
    best = dict(zip(names, fullness))
    return max(seen, key=lambda n: (best[n], seen[n], len(n)))


TWO_PATRONYMICS = "two patronymics"  # why a pair was kept apart, as the review file says


def other_patronymics(pairs, persons, threshold: float) -> list[tuple[int, int]]:
    """Scored pairs at or above ``threshold`` whose patronymics are both stated and are
    two (``А. П. Ким``, ``А. Н. Ким``; ``Елена Викторовна``, ``Елена Петровна``): kept
    apart. A patronymic is a person's for life; the surname, first initial, city and
    year namesakes share would otherwise outvote it. A rule of the clustering, as two
    cities on one day is; an annotator's decision still wins.
    """
    strong = pairs[pairs["match_probability"] >= threshold]
    full = list(persons["patronymic"])
    initial = list(persons["patronymic_initial"])
    found = []
    for i, j in zip(strong["unique_id_l"].astype(int), strong["unique_id_r"].astype(int)):
        a, b = initial[i], initial[j]
        if not (isinstance(a, str) and isinstance(b, str)):
            continue
        if a != b or (isinstance(full[i], str) and isinstance(full[j], str)
                      and other_first_names(full[i], full[j])):
            found.append((i, j))
    return found

