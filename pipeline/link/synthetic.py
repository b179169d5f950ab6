"""A synthetic corpus for training and for scale: many documents telling shared stories.

Real testimony comes in *stories*: an episode in one city and month (a rally, the
detentions, the court's arrests and fines of the same people) told by one to four
documents (the detainee, a monitoring group, a yearly report), each telling part of
it in its own way. This module makes such a corpus at any size from the events of
our annotated development documents (their types and values), a population of
invented people (some of whom come back in later stories, as activists do), and
the gazetteer's cities; each telling perturbs what it copies the way documents
differ: a name in full, with initials, surname first, with patronymic, in Latin
letters, with ``ё`` as ``е`` or a typo; a date to the day, only the month or the
year, a day off, or not at all; the venue, the city, the country or no place;
a count rounded. Every record keeps its true person and incident, so the corpus
also scores the linker.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pandas as pd

from ..research.loading import Tables, conform
from ..resources import load_csv, load_json
from ..tables import COLUMNS, DOCUMENTS, EVENT_ARGUMENTS, EVENTS, MENTIONS, SENTENCES

STORY_TYPES = ("protest", "detention", "custody", "fine", "court", "violence", "intimidation",
               "surveillance", "permit_denied", "warning", "other", "eviction")
VENUE_WORDS = ("площадь", "улица", "сквер", "проспект", "парк", "памятник")


@dataclass(frozen=True)
class Person:
    first: str
    patronymic: str
    surname: str
    gender: str


@dataclass
class Corpus:
    """Synthetic tables and the truth: person key -> person, event key -> incident."""

    tables: Tables
    people: dict[str, str]
    incidents: dict[str, str]


def _names() -> dict:
    return load_json("link_synthetic_names.json")


def _cities() -> list[tuple[str, str]]:
    return [(r["canonical"], r["country"]) for r in load_csv("gazetteer_places.csv")
            if r["kind"] == "city" and r["name"] == r["canonical"]]


def _surname(root: str, gender: str, suffix: str) -> str:
    if suffix in ("ов", "ев", "ин"):
        return root + suffix + ("а" if gender == "femn" else "")
    if suffix == "ский":
        return root + ("ская" if gender == "femn" else "ский")
    return root + suffix  # -енко, -бек, -ян: the same for both


def make_population(rng: random.Random, size: int) -> list[Person]:
    names = _names()
    people = []
    for _ in range(size):
        gender = rng.choice(("masc", "femn"))
        first = rng.choice(names["male"] if gender == "masc" else names["female"])
        father = rng.choice(names["male"])
        patronymic = father + (names["patronymic_m"] if gender == "masc"
                               else names["patronymic_f"])
        suffix = rng.choice(names["surname_suffixes"])
        people.append(Person(first, patronymic,
                             _surname(rng.choice(names["surname_roots"]), gender, suffix),
                             gender))
    return people


def _latin(text: str) -> str:
    table = load_json("link_transliteration.json")["cyrillic"]
    out = "".join(table.get(c.lower(), c) if c.isalpha() else c for c in text)
    return " ".join(w[:1].upper() + w[1:] for w in out.split(" "))


def name_variant(rng: random.Random, person: Person) -> str:
    """How one document writes a person's name (the tagger's nominative of it)."""
    roll = rng.random()
    if roll < 0.40:
        name = f"{person.first} {person.surname}"
    elif roll < 0.58:
        name = f"{person.first[0]}. {person.surname}"
    elif roll < 0.70:
        name = f"{person.first} {person.patronymic} {person.surname}"
    elif roll < 0.78:
        name = f"{person.first[0]}. {person.patronymic[0]}. {person.surname}"
    elif roll < 0.86:
        name = f"{person.surname} {person.first}"
    elif roll < 0.90:
        name = _latin(f"{person.first} {person.surname}")
    elif roll < 0.95:
        name = person.surname
    else:
        name = f"{person.first} {person.surname}"
        i = rng.randrange(1, len(person.surname) - 1)
        name = name[: -len(person.surname)] + (person.surname[:i] + person.surname[i + 1]
                                               + person.surname[i] + person.surname[i + 2:])
    return name.replace("ё", "е") if rng.random() < 0.5 else name


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


def make_corpus(n_events: int, seed: int = 1) -> Corpus:
    """About ``n_events`` events in documents telling shared stories, with the truth."""
    rng = random.Random(seed)
    templates = _templates()
    by_type: dict[str, list[dict]] = {}
    for t in templates:
        by_type.setdefault(t["type"], []).append(t)
    cities = _cities()
    venues = [t["place"] for t in templates if t["place"]
              and any(w in t["place"].lower() for w in VENUE_WORDS)]
    population = make_population(rng, max(50, n_events // 3))
    docs, mentions, events, truth_people, truth_incidents = [], [], [], {}, {}
    n_docs = story = 0
    while len(events) < n_events:
        story += 1
        city, country = rng.choice(cities)
        day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
        venue = rng.choice(venues) if venues and rng.random() < 0.4 else None
        cast = [rng.randrange(len(population)) if rng.random() < 0.85
                else rng.randrange(max(1, len(population) // 20))  # activists come back
                for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3)))]
        happenings = []
        for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            kind = rng.choice(STORY_TYPES)
            template = rng.choice(by_type.get(kind) or templates)
            when = day + dt.timedelta(days=0 if k == 0 else rng.choice((0, 0, 1, 2, 7)))
            who = [p for p in cast if rng.random() < 0.8] or cast[:1]
            happenings.append((f"s{story}-{k}", template, when, who))
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
            n_docs += 1
            doc_id = f"syn{n_docs:06d}"
            told = [h for h in happenings if rng.random() < 0.7] or happenings[:1]
            doc_date = day + dt.timedelta(days=rng.randrange(3, 400))
            docs.append({"doc_id": doc_id, "status": "ok", "doc_date": doc_date,
                         "source": "synthetic"})
            written = {p: name_variant(rng, population[p]) for p in {x for h in told
                                                                   for x in h[3]}}
            for p, name in written.items():
                truth_people[f"{doc_id} | {name}"] = f"person{p}"
                mentions.append({"doc_id": doc_id, "mention_id": len(mentions), "type": "PER",
                                 "text": name, "normal": name, "sent_id": 0})
            mentions.append({"doc_id": doc_id, "mention_id": len(mentions), "type": "LOC",
                             "text": city, "normal": city, "sent_id": 0})
            for event_id, (label, template, when, who) in enumerate(told):
                row = _telling(rng, template, when, city, country, venue)
                row |= {"doc_id": doc_id, "event_id": event_id, "type": template["type"],
                        "negated": False, "aggregate": False, "sent_id": 0,
                        "persons": "; ".join(written[p] for p in who) or None,
                        "evidence": f"{template['type']} {row.get('place') or ''}"}
                events.append(row)
                truth_incidents[f"{doc_id} | {event_id}"] = label
    frames = {
        DOCUMENTS: docs, SENTENCES: [], MENTIONS: mentions, EVENTS: events,
        EVENT_ARGUMENTS: [],
    }
    tables = Tables(**{name: conform(pd.DataFrame.from_records(rows, columns=COLUMNS[name]),
                                     name) for name, rows in frames.items()})
    return Corpus(tables, truth_people, truth_incidents)


def _telling(rng: random.Random, template: dict, when: dt.date, city: str, country: str,
             venue: str | None) -> dict:
    """One document's telling of a happening: date, place and values as it gives them."""
    row: dict = {}
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
    elif roll < 0.80:
        row["place"] = city
    elif roll < 0.85:
        row["place"] = {"KZ": "Казахстан", "RU": "Россия", "BY": "Беларусь", "KG": "Кыргызстан",
                        "UZ": "Узбекистан"}.get(country, city)
    for low, high in (("count_min", "count_max"), ("amount_min", "amount_max"),
                      ("term_min", "term_max")):
        if template.get(low) is not None and rng.random() < 0.8:
            factor = rng.choice((1.0, 1.0, 1.0, 0.9, 1.1)) if low == "count_min" else 1.0
            row[low] = round(template[low] * factor)
            row[high] = round(template[high] * factor) if template.get(high) is not None else None
            if low == "amount_min":
                row["currency"] = template["currency"]
            if low == "term_min":
                row["term_unit"] = template["term_unit"]
    return row
