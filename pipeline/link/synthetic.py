"""A synthetic corpus for training and for scale: many documents telling shared stories.

Real testimony comes in *stories*: an episode in one city (a rally, the detentions,
the court's arrests and fines of the same people) told by one to four documents
(the detainee, a monitoring group, a yearly report), each telling part of it in its
own way. This module makes such a corpus at any size from the events of our
annotated development documents (their types and values), a population of invented
people, and the gazetteer's cities, with what makes linking hard in real
collections:

- *waves*: many stories fall on a few protest days, in many cities at once, so
  sharing a day is weak evidence and namesakes meet on the same day;
- *common names*: first names and surname roots are drawn unevenly, so namesakes
  are frequent; people live in a home city (their stories happen there, now and
  then elsewhere in their country, rarely abroad) and activists come back in
  later stories, often years later;
- *crowds*: a mass detention is told with a count (estimates differ severalfold)
  and whichever of its people a document happens to know, so two tellings of one
  happening may name others;
- *tellings differ*: a name in full, with initials, a short first name (``Ксюша``),
  surname first, with patronymic, in Latin letters, with ``ё`` as ``е`` or a typo, or
  the first name alone in a statement a relative signs with the family's surname; a
  date to the day, only the month or the year, a day off, or not at all; the venue,
  the city, the country, no place or (rarely) a wrong city; a count rounded; the
  sentence in other words, or quoted word for word from another telling.

Every record keeps its true person and incident, so the corpus trains the m
probabilities (:mod:`pipeline.link.train`) and scores the linker at scale
(``benchmarks/linking_scale.py``).
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass
from functools import cache

import pandas as pd

from ..morphology import parse_word
from ..research.loading import Tables, conform
from ..resources import load_csv, load_json
from ..tables import COLUMNS, DOCUMENTS, EVENT_ARGUMENTS, EVENTS, MENTIONS, SENTENCES

STORY_TYPES = ("protest", "detention", "detention", "custody", "fine", "court", "violence",
               "intimidation", "surveillance", "permit_denied", "warning", "other", "eviction")
# What follows what in one story (a rally, then detentions, then the court).
FOLLOWS = {"protest": ("detention", "detention", "violence", "fine"),
           "detention": ("custody", "fine", "court", "violence"),
           "court": ("custody", "fine"), "permit_denied": ("protest", "warning"),
           "surveillance": ("intimidation", "detention")}
CROWD_TYPES = ("protest", "detention")
VENUE_WORDS = ("площадь", "улица", "сквер", "проспект", "парк", "памятник")
COUNTRY_NAMES = {"KZ": "Казахстан", "RU": "Россия", "BY": "Беларусь", "KG": "Кыргызстан",
                 "UZ": "Узбекистан", "AZ": "Азербайджан", "TJ": "Таджикистан"}
# How a telling says what happened; the first words of a sentence; asides.
VERBS = {
    "protest": ("вышли на акцию", "прошел митинг", "собрались на пикет", "провели шествие"),
    "detention": ("задержали", "был задержан", "доставили в отдел полиции", "забрали в автозак"),
    "custody": ("арестовали на", "суд назначил арест", "поместили под стражу", "получил сутки"),
    "fine": ("оштрафовали", "суд назначил штраф", "наложили штраф", "выписали штраф"),
    "court": ("суд рассмотрел дело", "состоялось заседание суда", "суд признал виновным"),
    "violence": ("избили", "применили силу", "нанесли побои", "ударили дубинкой"),
    "intimidation": ("угрожали", "запугивали", "требовали прекратить", "звонили с угрозами"),
    "surveillance": ("провели обыск", "следили", "изъяли технику", "прослушивали телефон"),
    "permit_denied": ("отказали в согласовании", "не разрешили митинг", "отказ акимата"),
    "warning": ("вынесли предостережение", "предупредили", "официально предупредили"),
    "other": ("уволили", "отчислили", "не пустили", "вызвали на беседу"),
    "eviction": ("выселили из офиса", "расторгли аренду", "лишили помещения"),
}
OPENINGS = ("по словам очевидцев", "как сообщает правозащитный центр", "по данным наблюдателей",
            "заявитель рассказал что", "мать задержанного сообщила что", "в заявлении говорится что",
            "мониторинговая группа сообщает", "адвокат рассказал", "")
ASIDES = ("без объяснения причин", "несмотря на протесты родственников", "сотрудники в штатском",
          "протокол не составляли", "в присутствии журналистов", "жалобу не рассмотрели",
          "адвоката к нему не пустили", "телефон изъяли", "свидетелей не опросили",
          "видеозапись приобщить отказались", "участники стояли молча", "плакаты отобрали",
          "ночью в отделе не кормили", "объяснили это профилактикой", "к вечеру отпустили",
          "сославшись на коронавирусные ограничения", "по статье о нарушении порядка",
          "у здания акимата", "после окончания акции", "на выходе из метро", "")


@dataclass(frozen=True)
class Person:
    first: str
    patronymic: str
    surname: str
    gender: str
    home: tuple[str, str]  # city, country


@dataclass
class Corpus:
    """Synthetic tables and the truth: person key -> person, event key -> incident."""

    tables: Tables
    people: dict[str, str]
    incidents: dict[str, str]


@cache
def _names() -> dict:
    return load_json("link_synthetic_names.json")


@cache
def _short_forms() -> dict[str, list[str]]:
    """Full first name -> its short forms (``models/link_names.json``)."""
    return {e["name"]: list(e["forms"]) for e in load_json("link_names.json")["first_names"]}


@cache
def _cities() -> list[tuple[str, str]]:
    """The gazetteer's cities of the countries our statements come from."""
    return [(r["canonical"], r["country"]) for r in load_csv("gazetteer_places.csv")
            if r["kind"] == "city" and r["name"] == r["canonical"] and r["country"] in COUNTRY_NAMES]


def _uneven(rng: random.Random, items, skew: float = 1.0):
    """An item drawn with weight 1/rank**skew: a few common, many rare."""
    weights = [1.0 / (rank + 1) ** skew for rank in range(len(items))]
    return rng.choices(items, weights)[0]


def _surname(root: str, gender: str, suffix: str) -> str:
    if suffix in ("ов", "ев", "ин"):
        return root + suffix + ("а" if gender == "femn" else "")
    if suffix == "ский":
        return root + ("ская" if gender == "femn" else "ский")
    return root + suffix  # -енко, -бек, -ян: the same for both


def make_population(rng: random.Random, size: int) -> list[Person]:
    names, cities = _names(), _cities()
    people = []
    for _ in range(size):
        gender = rng.choice(("masc", "femn"))
        first = _uneven(rng, names["male"] if gender == "masc" else names["female"], 0.8)
        father = _uneven(rng, names["male"], 0.8)
        patronymic = father + (names["patronymic_m"] if gender == "masc"
                               else names["patronymic_f"])
        surname = _surname(_uneven(rng, names["surname_roots"], 0.7), gender,
                           rng.choice(names["surname_suffixes"]))
        people.append(Person(first, patronymic, surname, gender, _uneven(rng, cities, 0.9)))
    return people


def _latin(text: str) -> str:
    table = load_json("link_transliteration.json")["cyrillic"]
    out = "".join(table.get(c.lower(), c) if c.isalpha() else c for c in text)
    return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))


def name_variant(rng: random.Random, person: Person) -> str:
    """How one document writes a person's name (the tagger's nominative of it)."""
    first = person.first
    if first in _short_forms() and rng.random() < 0.08:
        first = rng.choice(_short_forms()[first])  # Ксюша for Ксения
    roll = rng.random()
    if roll < 0.40:
        name = f"{first} {person.surname}"
    elif roll < 0.58:
        name = f"{person.first[0]}. {person.surname}"
    elif roll < 0.70:
        name = f"{person.first} {person.patronymic} {person.surname}"
    elif roll < 0.78:
        name = f"{person.first[0]}. {person.patronymic[0]}. {person.surname}"
    elif roll < 0.86:
        name = f"{person.surname} {first}"
    elif roll < 0.90:
        name = _latin(f"{person.first} {person.surname}")
    elif roll < 0.95:
        name = person.surname
    else:
        i = rng.randrange(1, len(person.surname) - 1)
        typo = person.surname[:i] + person.surname[i + 1] + person.surname[i] + person.surname[i + 2:]
        name = f"{first} {typo}"
    return name.replace("ё", "е") if rng.random() < 0.5 else name


KIN_TOLD = 0.08  # documents told by a relative of the person they are about


def _surname_for(surname: str, gender: str, other: str) -> str:
    """A surname as a relative of the ``other`` gender bears it (``Белова``: ``Белов``).

    >>> _surname_for("Белова", "femn", "masc"), _surname_for("Гончарский", "masc", "femn")
    ('Белов', 'Гончарская')
    >>> _surname_for("Шевчук", "masc", "femn")
    'Шевчук'
    """
    if gender == other:
        return surname
    if other == "femn":
        if surname.endswith("ский"):
            return surname[:-4] + "ская"
        return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname
    if surname.endswith("ская"):
        return surname[:-4] + "ский"
    return surname[:-1] if surname.endswith(("ова", "ева", "ина")) else surname


def kin_of(rng: random.Random, person: Person) -> str:
    """A relative who signs a statement about ``person``: a first name of their own and the
    family's surname."""
    names = _names()
    gender = rng.choice(("masc", "femn"))
    first = _uneven(rng, names["male"] if gender == "masc" else names["female"], 0.8)
    return f"{first} {_surname_for(person.surname, person.gender, gender)}"


# How a relative's statement tells who wrote it and who it is about: ``{kin}`` the relative,
# ``{own}`` their own by the first name alone (both as the records hold them), ``{noun}`` a
# kin noun (``сына``), ``{mine}`` a possessive of it (``моего``), ``{age}`` an age or an
# adjective of it, ``{sign_off}`` a closing formula. Each with its weight. Most are read as
# a tie (kin.kin_ties); the last two, a relative told of in the third person and no kin
# word at all, are not, as in real statements: the fitted weight of the kin's surname level
# counts with the ties the reader misses.
KIN_STATEMENTS = (
    ("Я, {kin}, пишу: задержали {mine} {noun} {own}.", 3),
    ("Меня зовут {kin}. Задержали {mine} {age} {noun} {own}.", 2),
    ("Задержали {mine} {noun} {own}. {sign_off} {kin}.", 2),
    ("Задержали {mine} {age} {noun} {own}. Прошу помочь.\n{kin}", 1),
    ("{kin} сообщает, что задержали {noun} {own}.", 2),
    ("Пишет {kin}: задержали {own}.", 1),
)
AGES = ("{years}-летний", "младший", "старший", "единственный")


@cache
def _kin_nouns() -> dict[str, list[str]]:
    """The kin nouns of models/link_kin.json by gender, in the accusative (``сына``)."""
    by_gender: dict[str, list[str]] = {}
    for noun in load_json("link_kin.json")["kin_nouns"]:
        parse = next(p for p in parse_word(noun) if p.tag.POS == "NOUN")
        by_gender.setdefault(parse.tag.gender, []).append(parse.inflect({"accs"}).word)
    return by_gender


def _agreeing(word: str, noun: str) -> str:
    """An adjective or possessive in the accusative of a kin noun (``моего``, ``мою``)."""
    tag = next(p for p in parse_word(noun) if p.tag.POS == "NOUN" and p.tag.case == "accs").tag
    grammemes = {"accs", tag.gender} | ({"anim"} if tag.gender == "masc" else set())
    return next(p for p in parse_word(word) if p.tag.POS == "ADJF").inflect(grammemes).word


def kin_statement(rng: random.Random, kin: str, own: str, gender: str) -> tuple[str, dict]:
    """A sentence of a statement a relative ``kin`` wrote about ``own`` (of ``gender``),
    and where each of the two names is in it.

    >>> text, at = kin_statement(random.Random(3), "Нина Лопатина", "Даша", "femn")
    >>> [text[a:b] for a, b in at.values()]
    ['Нина Лопатина', 'Даша']
    """
    template = rng.choices([t for t, _ in KIN_STATEMENTS], [w for _, w in KIN_STATEMENTS])[0]
    noun = rng.choice(_kin_nouns()[gender])
    age = rng.choice(AGES).format(years=rng.randrange(15, 70))
    values = {"kin": kin, "own": own, "noun": noun,
              "mine": _agreeing(rng.choice(("мой", "наш")), noun), "age": _agreeing(age, noun),
              "sign_off": rng.choice(("С уважением,", "Заявитель:"))}
    text, at = "", {}
    for literal, field, _, _ in string.Formatter().parse(template):
        text += literal
        if field:
            at[values[field]] = (len(text), len(text) + len(values[field]))
            text += values[field]
    return text, {name: at[name] for name in (kin, own)}


def _at(span: tuple[int, int] | None) -> dict:
    """A mention's offsets in its document's kin statement, when it is in one."""
    return {"start": span[0], "end": span[1]} if span else {}


def first_name_alone(rng: random.Random, person: Person) -> str:
    """How a relative names a person: the first name alone, often a short form (``Оля``)."""
    forms = _short_forms().get(person.first)
    return rng.choice(forms) if forms and rng.random() < 0.5 else person.first


def _templates() -> list[dict]:
    """Event types and values from the annotated development documents."""
    import json

    from .gold import ROOT

    found = []
    for folder in (ROOT / "data" / "dev" / "annotated", ROOT / "data" / "annotated"):
        for path in sorted(folder.glob("*.json")):
            for event in json.loads(path.read_text(encoding="utf-8"))["events"]:
                if event.get("negated") or event.get("aggregate"):
                    continue
                found.append({k: event.get(k) for k in (
                    "type", "count_min", "count_max", "amount_min", "amount_max", "currency",
                    "term_min", "term_max", "term_unit", "place")})
    return found


@dataclass
class _Happening:
    label: str
    template: dict
    day: dt.date
    cast: list[int]  # people of the story it happened to
    crowd: int | None  # people counted, for a mass happening


def make_corpus(n_events: int, seed: int = 1) -> Corpus:
    """About ``n_events`` events in documents telling shared stories, with the truth."""
    rng = random.Random(seed)
    # Statements told by a relative draw from a generator of their own, so the rest of
    # the corpus is the one the same seed made before they were added.
    kin_rng = random.Random(-seed - 1)
    templates = _templates()
    by_type: dict[str, list[dict]] = {}
    for t in templates:
        by_type.setdefault(t["type"], []).append(t)
    cities = _cities()
    venues = [t["place"] for t in templates if t["place"]
              and any(w in t["place"].lower() for w in VENUE_WORDS)]
    population = make_population(rng, max(50, n_events // 3))
    residents: dict[str, list[int]] = {}  # a crowd's people live where it gathers
    for number, person in enumerate(population):
        residents.setdefault(person.home[0], []).append(number)
    activists = max(1, len(population) // 10)  # the first ones come back, story after story
    start = dt.date(2010, 1, 1)
    waves = [start + dt.timedelta(days=rng.randrange(15 * 365))
             for _ in range(max(5, n_events // 400))]
    docs, mentions, events, truth_people, truth_incidents = [], [], [], {}, {}
    sentences: list[dict] = []
    n_docs = story = 0
    while len(events) < n_events:
        story += 1
        day = rng.choice(waves) if rng.random() < 0.4 else start + dt.timedelta(
            days=rng.randrange(15 * 365))
        cast = [rng.randrange(activists) if rng.random() < 0.08 else rng.randrange(len(population))
                for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3)))]
        city, country = _story_city(rng, population[cast[0]].home if cast else None, cities)
        # The others of a story are mostly people of its city.
        cast[1:] = [rng.choice(residents[city]) if city in residents and rng.random() < 0.8
                    else p for p in cast[1:]]
        venue = rng.choice(venues) if venues and rng.random() < 0.4 else None
        happenings: list[_Happening] = []
        kind = rng.choice(STORY_TYPES)
        for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            if k:
                kind = rng.choice(FOLLOWS.get(kind, STORY_TYPES))
            template = rng.choice(by_type.get(kind) or templates)
            when = day + dt.timedelta(days=0 if k == 0 else rng.choice((0, 0, 1, 2, 7)))
            who = [p for p in cast if rng.random() < 0.8] or cast[:1]
            crowd = (rng.choice((12, 40, 150, 300, 1500)) if kind in CROWD_TYPES
                     and rng.random() < 0.3 else None)
            if crowd and rng.random() < 0.5:
                who = []  # a crowd no one of the story is named in
            happenings.append(_Happening(f"s{story}-{k}", template, when, who, crowd))
        told_before: dict[str, str] = {}
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
            n_docs += 1
            doc_id = f"syn{n_docs:06d}"
            told = [h for h in happenings if rng.random() < 0.7] or happenings[:1]
            doc_date = day + dt.timedelta(days=rng.randrange(3, 400))
            docs.append({"doc_id": doc_id, "status": "ok", "doc_date": doc_date,
                         "source": "synthetic"})
            # In a crowd, a document may know someone the others do not name.
            locals_ = residents.get(city, [])
            named = {h.label: [p for p in h.cast if not h.crowd or rng.random() < 0.5]
                     + ([rng.choice(locals_)] if h.crowd and locals_ and rng.random() < 0.6 else [])
                     for h in told}
            written = {p: name_variant(rng, population[p]) for ps in named.values() for p in ps}
            kin = own = None
            offsets: dict[str, tuple[int, int]] = {}
            if written and kin_rng.random() < KIN_TOLD:
                # Told by a relative (a mother, a wife), who introduces themself or signs
                # with the family's surname and calls their own by the first name alone,
                # mostly after a kin word (``Я, Нина Лопатина … мою дочь Дашу``:
                # kin.kin_ties); others of the story keep their names as written.
                own = next(iter(written))
                kin = kin_of(kin_rng, population[own])
                written[own] = first_name_alone(kin_rng, population[own])
                told_by, offsets = kin_statement(kin_rng, kin, written[own],
                                                 population[own].gender)
                sentences.append({"doc_id": doc_id, "sent_id": 1, "start": 0,
                                  "end": len(told_by), "text": told_by})
            for p, name in written.items():
                truth_people[f"{doc_id} | {name}"] = f"person{p}"
                mentions.append({"doc_id": doc_id, "mention_id": len(mentions), "type": "PER",
                                 "text": name, "normal": name, "sent_id": 0}
                                | _at(offsets.get(name) if p == own else None))
            if kin and kin not in written.values():
                truth_people[f"{doc_id} | {kin}"] = f"kin{doc_id}"
                mentions.append({"doc_id": doc_id, "mention_id": len(mentions), "type": "PER",
                                 "text": kin, "normal": kin, "sent_id": 0} | _at(offsets[kin]))
            mentions.append({"doc_id": doc_id, "mention_id": len(mentions), "type": "LOC",
                             "text": city, "normal": city, "sent_id": 0})
            for event_id, h in enumerate(told):
                row = _telling(rng, h, city, country, venue, cities)
                names = [written[p] for p in named[h.label]]
                evidence = (told_before[h.label] if h.label in told_before and rng.random() < 0.1
                            else _sentence(rng, h, row, names))
                told_before.setdefault(h.label, evidence)
                row |= {"doc_id": doc_id, "event_id": event_id, "type": h.template["type"],
                        "negated": False, "aggregate": False, "sent_id": 0,
                        "persons": "; ".join(names) or None, "evidence": evidence}
                events.append(row)
                truth_incidents[f"{doc_id} | {event_id}"] = h.label
    frames = {
        DOCUMENTS: docs, SENTENCES: sentences, MENTIONS: mentions, EVENTS: events,
        EVENT_ARGUMENTS: [],
    }
    tables = Tables(**{name: conform(pd.DataFrame.from_records(rows, columns=COLUMNS[name]),
                                     name) for name, rows in frames.items()})
    return Corpus(tables, truth_people, truth_incidents)


def _story_city(rng: random.Random, home: tuple[str, str] | None,
                cities: list[tuple[str, str]]) -> tuple[str, str]:
    """Where a story happens: mostly its first person's home city, sometimes another
    city of their country, rarely abroad."""
    if home is None:
        return _uneven(rng, cities, 0.9)
    roll = rng.random()
    if roll < 0.85:
        return home
    if roll < 0.97:
        return _uneven(rng, [c for c in cities if c[1] == home[1]] or cities, 0.9)
    return _uneven(rng, cities, 0.9)


def _telling(rng: random.Random, h: _Happening, city: str, country: str, venue: str | None,
             cities: list[tuple[str, str]]) -> dict:
    """One document's telling of a happening: date, place and values as it gives them."""
    row: dict = {}
    when, template = h.day, h.template
    roll = rng.random()
    if roll < 0.60:
        row |= {"date_start": when, "date_end": when, "date_precision": "day"}
    elif roll < 0.66:
        shifted = when + dt.timedelta(days=rng.choice((-1, 1)))
        row |= {"date_start": shifted, "date_end": shifted, "date_precision": "day"}
    elif roll < 0.82:
        last = (when.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        row |= {"date_start": when.replace(day=1), "date_end": last, "date_precision": "month"}
    elif roll < 0.87:
        row |= {"date_start": dt.date(when.year, 1, 1), "date_end": dt.date(when.year, 12, 31),
                "date_precision": "year"}
    roll = rng.random()
    if roll < 0.25 and venue:
        row["place"] = venue
    elif roll < 0.78:
        row["place"] = city
    elif roll < 0.80:
        row["place"] = rng.choice(cities)[0]  # a wrong city: a reading or writing error
    elif roll < 0.85:
        row["place"] = COUNTRY_NAMES.get(country, city)
    if h.crowd and rng.random() < 0.8:
        # Crowds are estimated, and police, organisers and monitors disagree.
        counted = round(h.crowd * rng.choice((1.0, 1.0, 0.9, 1.1, 0.5, 0.2, 1.5, 3.0)))
        row["count_min"] = row["count_max"] = counted
    for low, high in (("count_min", "count_max"), ("amount_min", "amount_max"),
                      ("term_min", "term_max")):
        if template.get(low) is not None and low not in row and rng.random() < 0.8:
            factor = rng.choice((1.0, 1.0, 1.0, 0.9, 1.1)) if low == "count_min" else 1.0
            row[low] = round(template[low] * factor)
            row[high] = round(template[high] * factor) if template.get(high) is not None else None
            if low == "amount_min":
                row["currency"] = template["currency"]
            if low == "term_min":
                row["term_unit"] = template["term_unit"]
    return row


def _sentence(rng: random.Random, h: _Happening, row: dict, names: list[str]) -> str:
    """The evidence sentence of one telling, in words of its own."""
    parts = [rng.choice(OPENINGS)]
    if row.get("date_start") is not None:
        parts.append(row["date_start"].isoformat() if row["date_precision"] == "day"
                     else f"в {row['date_start']:%m.%Y}")
    if row.get("place"):
        parts.append(f"в {row['place']}")
    parts.append(rng.choice(VERBS.get(h.template["type"], VERBS["other"])))
    parts += names
    if row.get("count_min"):
        parts.append(f"{row['count_min']} человек")
    parts += rng.sample(ASIDES, rng.choice((1, 2, 3)))
    text = " ".join(p for p in parts if p)
    return text[:1].upper() + text[1:] + "."
