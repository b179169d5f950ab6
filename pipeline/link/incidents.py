"""Incidents across documents: which events tell one real-world happening.

Events are compared only with events of the same type (a detention and the
court's arrest that followed are two happenings) and the same ``aggregate`` flag,
from different documents. Evidence for one happening: dates that coincide, or
overlap when one is given only as a month or a year (precision counts: the same
day is stronger than a day inside a month), or lie a night apart; places that are
the same or contain one another (a square and its city); the same linked people;
counts, amounts and terms within tolerance. An event its statement gives no date is
bounded by the statement's own date (it happened before it was written).

Rules of the clustering rather than weights: a crowd and someone among it that one
document's events tell apart are one incident (:func:`crowd_and_its_people`); two
people each alone in their event, with other first names, are two, and so are two
events each dated to a day, days apart (:func:`pairs_kept_apart`).

Blocking keeps the cost near-linear: same type and month, or a linked person in
common, or the same city and year (an undated event's: the year its statement was
written), or the same year where one date is only a year,
or the same words in the evidence sentence, or documents naming a person in common.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

import pandas as pd

from .engine import Model
from .names import letters_apart, other_first_names
from ..resources import load_jsonl
from .people import _else, _level
from .records import evidence_words

# Values may be one-sided bounds (``более 400``: min 400, max null; ``до 30 суток``:
# min null, max 30). Two values agree when their intervals overlap (within a
# tolerance): a missing low end is 0, a missing high end is unbounded.
def _overlap(field: str, tolerance: float = 1.0) -> str:
    """SQL: the intervals [min, max] of ``field`` on the two sides overlap, the high
    ends stretched by ``tolerance``; either side states at least one end."""
    scale = "" if tolerance == 1.0 else f"{tolerance} * "
    return " AND ".join(
        f'("{field}_max_{b}" IS NULL OR coalesce("{field}_min_{a}", 0) <= {scale}"{field}_max_{b}")'
        for a, b in (("l", "r"), ("r", "l")))


def _stated(field: str, s: str) -> str:
    """SQL: the value's stated number, either end (for "is there one" and "how big")."""
    return f'coalesce("{field}_min_{s}", "{field}_max_{s}")'


_LO = _stated("count", "{s}")
_COUNT_AGREES = _overlap("count", 1.25)
_GAP_DAYS = ('date_diff(\'day\', least("date_end_l", "date_end_r"), '
             'greatest("date_start_l", "date_start_r"))')

# Two tellings of one happening that each name the day may differ by a night (an arrest
# at midnight, a date counted from the evening before): days further apart are two
# happenings. The level "a night apart" and the rule :func:`other_days` both use it.
NIGHT_APART_DAYS = 1

# A penalty is told with the day of the court that imposed it or with the day of the
# detention that led to it: the court hears a detained person within 48 to 72 hours
# (a weekend between), so one penalty's two days may lie this far apart. Only where a
# side tells the detention, or both tell it in the same words (:func:`court_leeway`):
# one person's serial penalties, each dated by its own hearing, are days apart.
COURT_DAYS = 3
# Share of evidence words two tellings of one penalty have in common at least, for the
# court's leeway of days without a detention told (the same picket, the same place words).
COURT_SAME_WORDS = 0.6

# An event its statement gives no date happened before the statement was written:
# the other's date lies within the statement's reach (a statement is dated a few days
# early at most; a yearly report looks back a year and a little more).
LATE_DAYS, REACH_DAYS = 7, 400
_BEFORE = ('("date_start_{u}" IS NULL AND "doc_date_{u}" IS NOT NULL '
           'AND date_diff(\'day\', "date_start_{d}", "doc_date_{u}") >= -' + str(LATE_DAYS)
           + ' AND date_diff(\'day\', "date_end_{d}", "doc_date_{u}") <= ' + str(REACH_DAYS) + ')')
_UNBOUNDED = '("date_start_{u}" IS NULL AND ("doc_date_{u}" IS NULL OR "date_start_{d}" IS NULL))'

_BOTH_NAME = '"person_ids_l" IS NOT NULL AND "person_ids_r" IS NOT NULL'
# An event that names everyone it counts (or counts no one).
# A count with no upper end (``более 3``) may be more than any list names.
_NAMES_ALL = ('coalesce("count_max_{s}", CASE WHEN "count_min_{s}" IS NULL THEN 0 END) '
              '<= len("person_ids_{s}")')

# No one counted beyond the one named (no count, or a count of one).
_ALONE = 'coalesce("count_max_{s}", "count_min_{s}", 1) <= 1'

# Kinds imposed on one person at a time (never on a crowd as one happening).
PENALTY_KINDS = ("fine", "custody", "compulsory_work", "expulsion")
_PENALTIES = ", ".join(f"'{kind}'" for kind in PENALTY_KINDS)

# Share of words two evidence sentences have in common (a statement quoted or copied).
_JACCARD = ('len(list_intersect("words_l", "words_r")) '
            '/ len(list_distinct(list_concat("words_l", "words_r")))')

COMPARISONS = [
    # Every pair compared is of one kind (the blocking rules say so), and that is
    # evidence too: a random pair seldom is. Compared here so that it counts.
    {"output_column_name": "kind", "comparison_description": "type and aggregate flag", "comparison_levels": [
        _level("missing", '"type_l" IS NULL OR "type_r" IS NULL', null=True),  # never: typed
        _level("same", '"type_l" = "type_r" AND "aggregate_l" = "aggregate_r"'),
        _else(),
    ]},
    {"output_column_name": "date", "comparison_description": "dates, by overlap and distance", "comparison_levels": [
        # Neither dated, or the undated side's statement is not dated either.
        _level("missing", f"{_UNBOUNDED.format(u='l', d='r')} OR {_UNBOUNDED.format(u='r', d='l')}",
               null=True),
        # One undated (``в тот день``, a date the events stage did not read): its
        # statement's date bounds it from above.
        _level("before the statement", f"{_BEFORE.format(u='l', d='r')} "
                                       f"OR {_BEFORE.format(u='r', d='l')}"),
        _level("undated, beyond the statement",
               '"date_start_l" IS NULL OR "date_start_r" IS NULL'),
        # Both dated from here on (DuckDB's least and greatest skip a null).
        _level("same day", '"date_precision_l" = \'day\' AND "date_precision_r" = \'day\' '
                           'AND "date_start_l" = "date_start_r" AND "date_end_l" = "date_end_r"'),
        _level("overlap", '"date_start_l" <= "date_end_r" AND "date_start_r" <= "date_end_l"'),
        # A night apart (``в ночь на 11 августа``, ``10 августа``): days told to the day.
        # Two months or years side by side (March, April) are as near, but a month
        # says no more than that they follow one another.
        _level("a night apart", f"{_GAP_DAYS} <= {NIGHT_APART_DAYS} "
                                "AND \"date_precision_l\" = 'day' "
                                "AND \"date_precision_r\" = 'day'"),
        _level("within a month", f"{_GAP_DAYS} <= 31"),
        _else(),
    ]},
    {"output_column_name": "place", "comparison_description": "place, city, country", "comparison_levels": [
        # A place whose country the gazetteer cannot tell says nothing either way.
        _level("missing", '"place_canonical_l" IS NULL OR "place_canonical_r" IS NULL '
                          'OR "country_l" IS NULL OR "country_r" IS NULL', null=True),
        # A venue told alike (a square, a park), in one city: a venue's name says where
        # only with its city (every city has its Lenin square). Two cities told alike are
        # the next level: until round 11 they were one level with this one, whose
        # fitted weight then fell below that of two places of one city (the
        # country-wide and citywide matches of random pairs pooled with the venues').
        _level("same venue", '"place_canonical_l" = "place_canonical_r" AND "city_l" = "city_r" '
                             'AND "place_canonical_l" <> "city_l"'),
        _level("same city", '"city_l" = "city_r"'),
        # A town and the city it lies beside (Химки, Москва; a statement written far away
        # names the big city) are not two cities apart, nor one: they fall to what the
        # country says (places.near, models/place_within.json). Two towns beside one city
        # (Химки, Подольск) are two cities.
        _level("different cities", '"city_l" <> "city_r" AND "area_l" <> "city_r" '
                                   'AND "area_r" <> "city_l"'),
        _level("same country", '"country_l" = "country_r"'),
        _else(),
    ]},
    {"output_column_name": "persons", "comparison_description": "linked people named", "comparison_levels": [
        _level("missing", '("person_ids_l" IS NULL OR "person_ids_r" IS NULL) '
                          'AND ("doc_person_ids_l" IS NULL OR "doc_person_ids_r" IS NULL)',
               null=True),
        _level("all of one side", _BOTH_NAME + ' AND (list_has_all("person_ids_l", "person_ids_r") '
                                  'OR list_has_all("person_ids_r", "person_ids_l"))'),
        _level("some", _BOTH_NAME + ' AND list_has_any("person_ids_l", "person_ids_r")'),
        # A penalty is imposed on a person: a fine or an arrest of someone else is
        # another fine or arrest, whatever the day and the court.
        # One person each, not linked as one, by one first name (its sound key: ``Ира``
        # and ``Ирина``, ``Микола`` and ``Николай``): a person the people linking left two
        # (a diminutive, a surname left out or romanised), weaker than one person. Another
        # surname in Cyrillic is kept apart by the clustering (:func:`other_surnames`).
        _level("one each, one first name", f"{_BOTH_NAME} AND \"sole_first_l\" = \"sole_first_r\" "
                                           f"AND {_ALONE.format(s='l')} AND {_ALONE.format(s='r')}"),
        _level("other people, a penalty", f"{_BOTH_NAME} AND {_NAMES_ALL.format(s='l')} "
                                          f"AND {_NAMES_ALL.format(s='r')} AND \"type_l\" IN "
                                          f"({_PENALTIES})"),
        # Neither side tells of more people than it names, and they name others: the
        # detentions of two people, not one crowd told by two who each knew someone.
        # One named person each, no crowd counted, and their first names differ in
        # full (``Ольга``, ``Олег``): two people's own detentions (or searches), not
        # one happening, however alike the day and the place. (Two tellings that
        # name one person in ways the people linking missed mostly differ in form,
        # not in the first name: ``Ксюша``, ``K.``, ``Ksenia``.)
        _level("other people, one each", f"{_BOTH_NAME} AND \"sole_first_l\" <> \"sole_first_r\" "
                                         f"AND {_ALONE.format(s='l')} AND {_ALONE.format(s='r')}"),
        _level("other people", f"{_BOTH_NAME} AND {_NAMES_ALL.format(s='l')} "
                               f"AND {_NAMES_ALL.format(s='r')}"),
        _level("crowd, others named", _BOTH_NAME),
        # One event names no one (``оштрафовал меня``), but both documents are about
        # someone they both name.
        _level("documents share a person", 'list_has_any("doc_person_ids_l", "doc_person_ids_r")'),
        _else(),
    ]},
    {"output_column_name": "wording", "comparison_description": "words of the evidence sentences", "comparison_levels": [
        # A short sentence shares its few words with many: no evidence either way. Nor
        # do the words of a report's formula told of two cities (a rally, a
        # square of one name and a crowd in each city): the places say.
        _level("missing", '"words_l" IS NULL OR "words_r" IS NULL '
                          'OR len("words_l") < 5 OR len("words_r") < 5 '
                          'OR "city_l" <> "city_r"', null=True),
        # A long sentence told again word for word: a report quoting a statement, a copy.
        _level("copied", f'{_JACCARD} >= 0.9 AND len("words_l") >= 8 AND len("words_r") >= 8'),
        # Short sentences of one formula (`суд оштрафовал ... на ... базовых величин`)
        # share most of their words whoever they are about: only long ones count here.
        _level("same wording", f'{_JACCARD} >= 0.6 AND len("words_l") >= 8 AND len("words_r") >= 8'),
        # A short sentence told again word for word, or two of one formula.
        _level("same short sentence", f"{_JACCARD} = 1"),
        _level("similar wording", f"{_JACCARD} >= 0.3"),
        _else(),
    ]},
    {"output_column_name": "count", "comparison_description": "number of people, 25% tolerance; crowds", "comparison_levels": [
        _level("missing", f'{_LO.format(s="l")} IS NULL OR {_LO.format(s="r")} IS NULL',
               null=True),
        _level("agrees", _COUNT_AGREES),
        # Crowds are estimated: police, organisers and monitors differ severalfold.
        _level("both crowds", f'{_LO.format(s="l")} >= 20 AND {_LO.format(s="r")} >= 20'),
        _else(),
    ]},
    {"output_column_name": "amount", "comparison_description": "amount of money, 5% tolerance", "comparison_levels": [
        _level("missing", f'{_stated("amount", "l")} IS NULL OR {_stated("amount", "r")} IS NULL',
               null=True),
        _level("same", '"currency_l" IS NOT DISTINCT FROM "currency_r" AND '
                       + _overlap("amount", 1.05)),
        _else(),
    ]},
    {"output_column_name": "term", "comparison_description": "custodial term", "comparison_levels": [
        _level("missing", f'{_stated("term", "l")} IS NULL OR {_stated("term", "r")} IS NULL',
               null=True),
        _level("same", '"term_unit_l" IS NOT DISTINCT FROM "term_unit_r" AND ' + _overlap("term")),
        _else(),
    ]},
]

_SAME_KIND = "l.type = r.type AND l.aggregate = r.aggregate"

INCIDENTS = Model(
    name="incidents",
    comparisons=COMPARISONS,
    blocking_rules=[
        f"{_SAME_KIND} AND l.month = r.month",
        {"blocking_rule": f"{_SAME_KIND} AND l.person_ids = r.person_ids",
         "arrays_to_explode": ["person_ids"]},
        # The same city and year; an undated event in the year its statement was written
        # (``year_told``), so a telling that names neither a date nor a person is compared.
        f"{_SAME_KIND} AND l.city = r.city AND l.year_told = r.year_told",
        f"{_SAME_KIND} AND l.year = r.year "
        "AND (l.date_precision = 'year' OR r.date_precision = 'year')",
        # A sentence told again word for word (a report quoting a statement, a copy),
        # dated or not.
        f"{_SAME_KIND} AND l.words_key = r.words_key",
        # Documents about the same person: their events of one kind, whatever else
        # they lack (no date, no place). Near-linear while few documents name any one
        # person.
        {"blocking_rule": f"{_SAME_KIND} AND l.doc_person_ids = r.doc_person_ids",
         "arrays_to_explode": ["doc_person_ids"]},
    ],
    # EM learns each comparison from pairs blocked on the others: the same day and
    # city (people, values), the same people (date, place, values).
    training_rules=[f"{_SAME_KIND} AND l.date_start = r.date_start AND l.city = r.city",
                    f"{_SAME_KIND} AND l.person_ids = r.person_ids"],
    deterministic_rules=[f"{_SAME_KIND} AND l.date_start = r.date_start "
                         "AND l.date_precision = 'day' AND l.place_canonical = r.place_canonical",
                         f"{_SAME_KIND} AND l.date_start = r.date_start "
                         "AND l.date_precision = 'day' AND l.person_ids = r.person_ids"],
    columns=["type", "aggregate", "date_start", "date_end", "date_precision", "month", "year",
             "place_canonical", "city", "area", "country", "person_ids", "count_min", "count_max",
             "amount_min", "amount_max", "currency", "term_min", "term_max", "term_unit",
             "words", "words_key", "doc_person_ids", "doc_date", "year_told", "sole_first"],
    # What agrees more in meaning never weighs less (engine.ordered_levels): a place
    # told alike against two places of one city (a square, and its city), a day against a
    # night apart, a month's overlap against a month apart.
    order=[("kind", "same", "else"),
           ("date", "same day", "a night apart"), ("date", "same day", "overlap"),
           ("date", "a night apart", "within a month"), ("date", "overlap", "within a month"),
           ("date", "within a month", "else"),
           ("date", "before the statement", "undated, beyond the statement"),
           ("place", "same venue", "same city"), ("place", "same city", "same country"),
           ("place", "same country", "different cities"), ("place", "same city", "else"),
           ("persons", "all of one side", "some"),
           ("persons", "some", "documents share a person"),
           ("persons", "some", "one each, one first name"),
           ("persons", "one each, one first name", "other people, a penalty"),
           ("persons", "one each, one first name", "other people, one each"),
           ("persons", "one each, one first name", "other people"),
           ("persons", "documents share a person", "else"),
           ("persons", "other people", "other people, one each"),
           ("wording", "copied", "same wording"), ("wording", "same wording", "similar wording"),
           ("wording", "same short sentence", "similar wording"),
           ("wording", "similar wording", "else"),
           ("count", "agrees", "else"), ("count", "both crowds", "else"),
           ("amount", "same", "else"), ("term", "same", "else")],
)


def _counted(row) -> float | None:
    """The number of people an event counts (either end), None when it counts none."""
    for value in (row.count_min, row.count_max):
        if value is not None and value == value:
            return float(value)
    return None


def crowd_and_its_people(events) -> list[tuple[int, int]]:
    """Event pairs of one document that tell one happening twice: a crowd counted
    (``задержала около 300 человек``) and, apart, someone among it (``Среди
    задержанных была Ксения Воронцова``): one kind, one day, one city, the crowd
    counting more than it names and the other counting no one beyond those it names.
    Joined before any scoring (the events stage keeps them as two events; the
    clustering would otherwise keep two events of one document apart).

    Only a pair whose person event fits one crowd of its document, and never for a
    penalty (a fine or an arrest is imposed on each person: a court's 3 fines that day
    and someone's fine are not one).
    """
    dated = events[(events["date_precision"] == "day") & events["city"].notna()
                   & ~events["type"].isin(PENALTY_KINDS)]
    crowds: dict[str, list] = {}
    members: dict[str, list] = {}
    for row in dated.itertuples(index=False):
        named = len(row.person_ids) if row.person_ids is not None else 0
        counted = _counted(row)
        if counted is not None and counted >= 2 and counted > named:
            crowds.setdefault(row.doc_id, []).append(row)
        elif named and (counted or 0) <= named:
            members.setdefault(row.doc_id, []).append(row)
    pairs = []
    for doc_id in crowds.keys() & members.keys():
        fits = [(c.unique_id, m.unique_id) for m in members[doc_id] for c in crowds[doc_id]
                if (c.type, c.aggregate) == (m.type, m.aggregate)
                and c.date_start == m.date_start and c.date_end == m.date_end
                and c.date_start == c.date_end and c.city == m.city]
        per_member = Counter(m for _, m in fits)
        pairs += [(c, m) for c, m in fits if per_member[m] == 1]
    return pairs


def _alone(row) -> bool:
    """One person named and no one counted beyond them (SQL: :data:`_ALONE`)."""
    counted = _counted(row)
    return (row.person_ids is not None and len(row.person_ids) == 1
            and (counted is None or counted <= 1))


def other_people(a, b, apart: set[frozenset[str]]) -> bool:
    """Whether the one person each of two events names are two people: other first
    names in full (:func:`other_first_names`), other initials (``Б. Туменова``, ``Айдар
    Касымов``; not ``H.`` and ``Ганна`` or ``Hasan``: no initial either may be written
    with is the other's, :attr:`~.names.Name.first_initials`), or people the people
    linking kept apart (``apart``: their ids, e.g. two patronymics)."""
    if frozenset((a.person_ids[0], b.person_ids[0])) in apart:
        return True
    if other_surnames(a, b):
        return True
    if isinstance(a.sole_first, str) and isinstance(b.sole_first, str):
        return other_first_names(a.sole_first, b.sole_first)
    mine, theirs = _initial_set(a.sole_initials), _initial_set(b.sole_initials)
    return bool(mine) and bool(theirs) and mine.isdisjoint(theirs)


def other_surnames(a, b) -> bool:
    """Whether the one person each of two events names bears another surname, both
    written in Cyrillic letters: more than a letter apart (``Жук``, ``Жуков``) is no
    typo, and no transliteration stands between them (``Ціханоўскі`` in Latin letters
    would). The people linking left them two; the first names may agree (``Иван``).

    >>> from types import SimpleNamespace as E
    >>> one = lambda s: E(sole_surname=s, sole_cyrillic=True)
    >>> other_surnames(one("juk"), one("jukov")), other_surnames(one("jukov"), one("jukv"))
    (True, False)
    >>> other_surnames(one("juk"), E(sole_surname="jukov", sole_cyrillic=False))
    False
    """
    return (a.sole_cyrillic is True and b.sole_cyrillic is True
            and isinstance(a.sole_surname, str) and isinstance(b.sole_surname, str)
            and letters_apart(a.sole_surname, b.sole_surname))


def _initial_set(initials) -> set[str]:
    """A record's list of initials (a list or an array after the linker), as a set."""
    return set() if initials is None or isinstance(initials, float) else set(initials)


# Why a pair was kept apart, as the review file says.
OTHER_PEOPLE = "other people, each alone in their event"
DAYS_APART = "days apart"
TOLD_BEFORE = "told before it happened"


def pairs_kept_apart(pairs, events, threshold: float,
                     in_crowds: set[int] = frozenset(),
                     apart: set[frozenset[str]] = frozenset()) -> list[tuple[int, int, str]]:
    """Scored pairs at or above ``threshold`` of two people each alone in their event,
    who are two people (:func:`other_people`; the level ``other people, one each``
    weighs other first names): kept apart, as (i, j, why), ``why`` one of
    :data:`OTHER_PEOPLE`, :data:`DAYS_APART`, :data:`TOLD_BEFORE` (for the review
    file's note).
    ``in_crowds``: events known to be part of a crowd (:func:`crowd_and_its_people`),
    whose people were not alone; ``apart``: pairs of person ids the people linking
    kept apart.

    A single person detained the same day in the same city as another single person is
    not one detention; the day, city and kind they share (evidence not independent of
    whom it befell) would otherwise outvote the people. A rule of the clustering, as
    two cities on one day is for people; an annotator's decision still wins.

    Not when either document names the other's person (:func:`named_together`): one
    happening of several people, each statement telling its own.

    Also kept apart, whoever they name: two events each dated to one day, days apart
    (:func:`other_days`), and an undated event and one that happened after its
    statement was written (:func:`told_before`).
    """
    strong = pairs[pairs["match_probability"] >= threshold]
    rows = list(events.itertuples(index=False))  # unique_id is the row number
    found = []
    for i, j in zip(strong["unique_id_l"].astype(int), strong["unique_id_r"].astype(int)):
        a, b = rows[i], rows[j]
        if other_days(a, b):
            found.append((i, j, DAYS_APART))
            continue
        if told_before(a, b) or told_before(b, a):
            found.append((i, j, TOLD_BEFORE))
            continue
        if i in in_crowds or j in in_crowds:
            continue
        if _alone(a) and _alone(b) and a.person_ids != b.person_ids \
                and other_people(a, b, apart) and not named_together(a, b):
            found.append((i, j, OTHER_PEOPLE))
    return found


def named_together(a, b) -> bool:
    """Whether either event's document names the one person the other event names
    (``Вместе с нами была …``): one happening of several people, each statement telling
    its own, not two strangers' detentions that chanced on one day and city.

    >>> from types import SimpleNamespace as E
    >>> named_together(E(person_ids=["p-1"], doc_person_ids=["p-1", "p-2"]),
    ...                E(person_ids=["p-2"], doc_person_ids=["p-2"]))
    True
    >>> named_together(E(person_ids=["p-1"], doc_person_ids=["p-1"]),
    ...                E(person_ids=["p-2"], doc_person_ids=["p-2", "p-3"]))
    False
    """
    def names(event, other) -> bool:
        return other.doc_person_ids is not None and not isinstance(other.doc_person_ids, float) \
            and bool(set(event.person_ids) & set(other.doc_person_ids))
    return names(a, b) or names(b, a)


def other_days(a, b) -> bool:
    """Whether two events are each dated to a day or a span of days (``на прошлой
    неделе``), and the spans lie more than :data:`NIGHT_APART_DAYS` apart
    (:data:`COURT_DAYS` for two penalties one of which may be dated by its detention,
    :func:`court_leeway`): a person detained on 7 May and again on 9 May, a search last
    week and one a month before, a second fine a week after the first, or three days
    after it for another picket (the same people, place and kind outvote the dates
    otherwise).

    >>> from types import SimpleNamespace as E
    >>> import datetime as dt
    >>> def day(d, kind="detention", end=None, words=None):
    ...     return E(date_precision="day", date_start=d, date_end=end or d, type=kind, words=words)
    >>> other_days(day(dt.date(2022, 5, 7)), day(dt.date(2022, 5, 9)))
    True
    >>> other_days(day(dt.date(2020, 8, 10)), day(dt.date(2020, 8, 11)))
    False
    >>> other_days(day(dt.date(2022, 5, 7), "custody", words=["задер"]),
    ...            day(dt.date(2022, 5, 10), "custody"))
    False
    >>> other_days(day(dt.date(2022, 5, 7), "fine"), day(dt.date(2022, 5, 10), "fine"))
    True
    >>> other_days(day(dt.date(2022, 5, 7), "fine", words=["задер"]),
    ...            day(dt.date(2022, 5, 14), "fine"))
    True
    >>> other_days(day(dt.date(2023, 3, 6), end=dt.date(2023, 3, 12)), day(dt.date(2023, 2, 10)))
    True
    >>> other_days(day(dt.date(2023, 3, 6), end=dt.date(2023, 3, 12)), day(dt.date(2023, 3, 9)))
    False
    >>> other_days(day(dt.date(2022, 5, 7)), E(date_precision="month", type="detention",
    ...            date_start=dt.date(2022, 5, 1), date_end=dt.date(2022, 5, 31)))
    False
    """
    if not all(e.date_precision == "day" and not pd.isna(e.date_start) for e in (a, b)):
        return False
    ends = [e.date_start if pd.isna(e.date_end) else e.date_end for e in (a, b)]
    gap = max((a.date_start - ends[1]).days, (b.date_start - ends[0]).days)
    if gap <= NIGHT_APART_DAYS:
        return False
    return gap > COURT_DAYS or not court_leeway(a, b)


@cache
def detention_words() -> frozenset[str]:
    """The evidence-word stems (:func:`~pipeline.link.records.evidence_words`) of the
    detention triggers of ``models/triggers.jsonl`` that are one word and a detention
    whatever their context (``задержать``, ``задержание``, ``схватить``)."""
    return frozenset(stem for entry in load_jsonl("triggers.jsonl")
                     if entry["type"] == "detention" and " " not in entry["lemma"]
                     and not {"needs", "rules"} & entry.keys()
                     for stem in evidence_words(entry["lemma"]) or ())


def _words(event) -> set[str]:
    words = getattr(event, "words", None)
    return set(words) if words is not None and not isinstance(words, float) else set()


def court_leeway(a, b) -> bool:
    """Whether two penalties' days may be the court's and the detention's
    (:data:`COURT_DAYS` apart): both penalties, and a side tells the detention (its
    evidence has a word of :func:`detention_words`, or its document tells a detention on
    its day: ``detention_day``) or the two share most of their evidence words
    (:data:`COURT_SAME_WORDS`: the same picket told twice). Two fines of one person for
    two pickets, each dated by its own hearing, get no leeway.

    >>> from types import SimpleNamespace as E
    >>> court_leeway(E(type="fine", words=["оштра", "пикет", "админ"]),
    ...              E(type="fine", words=["оштра", "пикет", "вокза", "второ"]))
    False
    >>> court_leeway(E(type="fine", words=["оштра", "задер"]), E(type="fine", words=["оштра"]))
    True
    """
    if a.type not in PENALTY_KINDS or b.type not in PENALTY_KINDS:
        return False
    if getattr(a, "detention_day", False) is True or getattr(b, "detention_day", False) is True:
        return True
    one, other = _words(a), _words(b)
    if (one | other) & detention_words():
        return True
    return bool(one and other) and len(one & other) / len(one | other) >= COURT_SAME_WORDS


def told_before(undated, dated) -> bool:
    """Whether ``undated`` (no date of its own) is told by a statement written before
    ``dated`` happened (more than :data:`LATE_DAYS` before its first day): a statement
    tells what has happened, so they are two happenings. The date comparison's level
    ``undated, beyond the statement`` weighs this too, but mixed with tellings long
    after (a yearly report); the other evidence (the same person, place and kind)
    would outvote it.

    >>> from types import SimpleNamespace as E
    >>> import datetime as dt
    >>> told = E(date_start=None, doc_date=dt.date(2021, 11, 10))
    >>> told_before(told, E(date_start=dt.date(2022, 4, 3)))
    True
    >>> told_before(told, E(date_start=dt.date(2021, 11, 15)))
    False
    >>> told_before(E(date_start=None, doc_date=None), E(date_start=dt.date(2022, 4, 3)))
    False
    """
    if not pd.isna(undated.date_start) or pd.isna(undated.doc_date) or pd.isna(dated.date_start):
        return False
    return (undated.doc_date - dated.date_start).days < -LATE_DAYS
