"""The records linking compares: one per person of a document, one per event.

A *person record* is a person as one document names them (``doc_id`` and the
nominative ``normal`` the tagger grouped their mentions under), taken apart by
:mod:`pipeline.link.names` and given the context that tells namesakes apart: the
cities, countries and years of the events they are named in, and the other people
their document names. An *event record* is an event that happened (negated events
are left out) with its place resolved to city and country
(:mod:`pipeline.link.places`), and the linked ``person_id``\\ s of the people it
names. Both are flat tables (lists for the set-valued columns) the record-linkage
engine reads.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields, replace
from functools import cache

import pandas as pd

from ..research.loading import Tables
from ..resources import load_json
from ..records import split_names
from .names import (Name, first_name_named_elsewhere, is_cyrillic, other_first_names, parse_name,
                    surname_named_elsewhere, surname_stem)
from .kin import document_kin, maiden_surnames
from .places import airport_phrase, area, cities_named, place_kind, resolve

PERSON_KEY = "person_key"  # doc_id and name: one person of one document
EVENT_KEY = "event_key"  # doc_id and event_id


KEY_SEPARATOR = " | "


def _escaped(doc_id: str) -> str:
    """``doc_id`` with ``\\`` and ``|`` escaped: the first unescaped ``|`` of a key is
    its separator, so no two (doc_id, name) give one key (``a | b``, ``c`` against
    ``a``, ``b | c``). A doc_id without either reads as itself, so keys, ids and
    annotators' decisions made before stay as they were."""
    return str(doc_id).replace("\\", "\\\\").replace("|", "\\|")


def person_key(doc_id: str, name: str) -> str:
    """One person of one document: ``doc_id | name``.

    >>> person_key("заявление", "Бахыт Туменова")
    'заявление | Бахыт Туменова'
    """
    return f"{_escaped(doc_id)}{KEY_SEPARATOR}{name}"


def event_key(doc_id: str, event_id: int) -> str:
    """One event of one document: ``doc_id | event_id``."""
    return f"{_escaped(doc_id)}{KEY_SEPARATOR}{int(event_id)}"


def key_parts(key: str) -> tuple[str, str]:
    """A record key's doc_id and name (or event_id, as text).

    >>> key_parts(person_key("a | b", "Иван | Петров"))
    ('a | b', 'Иван | Петров')
    """
    doc_id, i = [], 0
    while i < len(key):
        if key[i] == "\\" and i + 1 < len(key):
            doc_id.append(key[i + 1])
            i += 2
        elif key.startswith(KEY_SEPARATOR, i):
            return "".join(doc_id), key[i + len(KEY_SEPARATOR):]
        else:
            doc_id.append(key[i])
            i += 1
    raise ValueError(f"not a record key: {key!r}")


def stable_id(prefix: str, key: str) -> str:
    """A short id that stays the same while its cluster keeps its first member.

    >>> stable_id("p", "doc | Бахыт Туменова")
    'p-ecb3d26667'
    """
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def in_document_order(tables: Tables) -> Tables:
    """``tables`` with each table's rows in order of ``doc_id``, each document's rows in
    their own order. ``testimony run -j N`` writes a document's rows when its worker
    finishes it, so two runs of one input may order their documents otherwise: the
    link must not follow that order (its record numbers, the sample ``--learn`` draws
    from them, the order of the tables it writes)."""
    ordered = {}
    for column in fields(tables):
        frame = getattr(tables, column.name)
        if isinstance(frame, pd.DataFrame) and "doc_id" in frame.columns:
            by_document = frame["doc_id"].astype(str).to_numpy().argsort(kind="stable")
            ordered[column.name] = frame.iloc[by_document].reset_index(drop=True)
    return replace(tables, **ordered)


def _listed(values) -> list | None:
    """A set-valued cell: sorted distinct values, None when there are none (no evidence)."""
    found = sorted({v for v in values if v is not None and v == v and v != ""})
    return found or None


def _years(start, end) -> list[int]:
    if pd.isna(start):
        return []
    end = start if pd.isna(end) else end
    return list(range(start.year, min(end.year, start.year + 3) + 1))


def document_context(tables: Tables) -> pd.DataFrame:
    """Per document: cities named (most named first), countries, and years told.

    Context for people and venues whose own events say nothing of place or time.
    """
    docs = tables.documents[tables.documents["status"] == "ok"][["doc_id", "doc_date"]]
    names: dict[str, list[str]] = {}
    for doc_id, place in zip(tables.events["doc_id"], tables.events["place"]):
        if isinstance(place, str):
            names.setdefault(doc_id, []).append(place)
    places = tables.mentions[tables.mentions["type"] == "LOC"]
    for doc_id, normal in zip(places["doc_id"], places["normal"]):
        if isinstance(normal, str):
            names.setdefault(doc_id, []).append(normal)
    years: dict[str, set[int]] = {}
    for doc_id, start, end in zip(tables.events["doc_id"], tables.events["date_start"],
                                  tables.events["date_end"]):
        years.setdefault(doc_id, set()).update(_years(start, end))
    rows = []
    for doc_id, doc_date in docs.itertuples(index=False):
        named = names.get(doc_id, [])
        cities = cities_named(named)
        countries = {place_kind(c)[1] for c in cities} | {resolve(n).country for n in named}
        told = years.get(doc_id) or ({doc_date.year} if not pd.isna(doc_date) else set())
        rows.append({"doc_id": doc_id, "doc_cities": cities,
                     "doc_countries": _listed(countries) or [], "doc_years": sorted(told)})
    return pd.DataFrame(rows, columns=["doc_id", "doc_cities", "doc_countries", "doc_years"])


def event_places(tables: Tables, context: pd.DataFrame) -> pd.DataFrame:
    """Each event's place resolved to canonical name, city and country.

    A venue the gazetteer does not know (``Манежная площадь``) lies in the city its
    sentence names, else the city named last before it (a report goes city by
    city: ``Москва. Самой массовой стала акция на Манежной площади``), else the
    city its document names most. An airport's name its sentence writes after the word
    airport (``в аэропорту Кольцово``) is the airport's (:func:`places.airport_phrase`).
    """
    events = tables.events
    doc_cities = dict(zip(context["doc_id"], context["doc_cities"]))
    named = _sentence_cities(tables)
    sentences = {(d, int(i)): t for d, i, t in zip(tables.sentences["doc_id"],
                                                   tables.sentences["sent_id"],
                                                   tables.sentences["text"])
                 if isinstance(t, str) and "эропорт" in t}
    rows = []
    for doc_id, event_id, sent_id, place in events[["doc_id", "event_id", "sent_id",
                                                    "place"]].itertuples(index=False):
        near = by_document(_cities_before(named.get(doc_id, []), sent_id),
                           doc_cities.get(doc_id, []))
        place = None if pd.isna(place) else str(place)
        if place and sent_id is not None and not pd.isna(sent_id):
            place = airport_phrase(place, sentences.get((doc_id, int(sent_id)), ""))
        where = resolve(place, near + doc_cities.get(doc_id, []))
        rows.append({"doc_id": doc_id, "event_id": event_id, "place_canonical": where.place,
                     "city": where.city, "country": where.country})
    return pd.DataFrame(rows, columns=["doc_id", "event_id", "place_canonical", "city",
                                       "country"])


LOOK_BACK = 5  # sentences before an event's in which a city named still holds
# Events whose place is told two ways: a term of custody at the court's city or at the
# place it is served; no whereabouts of the person that day.
PLACED_TWO_WAYS = frozenset({"custody"})


def by_document(near: list[str], ranked: list[str]) -> list[str]:
    """A sentence's cities, those its document names most first: of two cities one
    sentence names (``Студента из Гюмри арестовали в Москве``), a venue after it lies in
    the one the statement's events and names return to, not the one told first.

    >>> by_document(["Гюмри", "Москва"], ["Москва", "Гюмри"]), by_document(["Тверь"], [])
    (['Москва', 'Гюмри'], ['Тверь'])
    """
    if len(near) < 2:
        return near
    rank = {city: k for k, city in enumerate(ranked)}
    return sorted(near, key=lambda city: rank.get(city, len(rank)))


def _cities_before(named: list[tuple[int, list[str]]], sent_id) -> list[str]:
    """Cities of the event's sentence, else of the nearest sentence before it (within
    :data:`LOOK_BACK`); ``named`` is (sentence, cities) in sentence order."""
    if sent_id is None or pd.isna(sent_id):
        return []
    sent_id = int(sent_id)
    for number, cities in reversed(named):
        if number == sent_id:
            return cities
        if number < sent_id:
            return cities if sent_id - number <= LOOK_BACK else []
    return []


@cache
def _origin_prepositions() -> frozenset[str]:
    return frozenset(load_json("place_within.json").get("origin_prepositions", ()))


def word_before(text: str, offset: int) -> str:
    """The word right before ``offset`` in ``text``, lower-cased.

    >>> word_before("студент из Харькова", 11), word_before("Харьков", 0)
    ('из', '')
    """
    words = re.findall(r"\w+", text[:max(offset, 0)])
    return words[-1].lower() if words else ""


def _sentence_cities(tables: Tables) -> dict[str, list[tuple[int, list[str]]]]:
    """Per document, the sentences naming cities, in order, with those cities.

    A city named only as where someone comes from (``студент из Харькова, который
    учится в Москве``: :func:`_origin_prepositions`) is left out where its sentence
    names another city: a venue after it lies in the other.
    """
    places = tables.mentions[(tables.mentions["type"] == "LOC")
                             & tables.mentions["sent_id"].notna()]
    sentences = {(d, int(i)): (int(start), t) for d, i, start, t in zip(
        tables.sentences["doc_id"], tables.sentences["sent_id"], tables.sentences["start"],
        tables.sentences["text"]) if isinstance(t, str) and pd.notna(start)}
    named: dict[tuple[str, int], list[str]] = {}
    origins: dict[tuple[str, int], list[str]] = {}
    for doc_id, sent_id, normal, start in zip(places["doc_id"], places["sent_id"],
                                             places["normal"], places["start"]):
        if not isinstance(normal, str):
            continue
        key = (doc_id, int(sent_id))
        begins, text = sentences.get(key, (0, ""))
        # a mention's start may be missing (a nullable column: pd.NA, which no comparison settles)
        from_there = pd.notna(start) and word_before(text, int(start) - begins) in _origin_prepositions()
        (origins if from_there else named).setdefault(key, []).append(normal)
    by_doc: dict[str, list[tuple[int, list[str]]]] = {}
    for key in sorted(named.keys() | origins.keys()):
        cities = cities_named(named.get(key, [])) or cities_named(origins.get(key, []))
        if cities:
            by_doc.setdefault(key[0], []).append((key[1], cities))
    return by_doc


PERSON_COLUMNS = [
    "unique_id", PERSON_KEY, "doc_id", "name", "surname", "surname_parts", "surname_half_1",
    "surname_half_2", "surname_loose", "surname_latin", "first", "first_initial",
    "first_initials", "first_names", "patronymic", "patronymic_initial", "gender", "cities", "countries", "whereabouts", "years",
    "co_surnames", "kin_surnames", "fullness", "written",
]


def person_records(tables: Tables, places: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """One record per person per document: the name taken apart, and their context."""
    mentions = tables.mentions
    named = mentions[(mentions["type"] == "PER") & mentions["normal"].notna()]
    keys = {(d, str(n)) for d, n in zip(named["doc_id"], named["normal"])}
    # The words a name's mentions have, for a reading the tagger's normal lost
    # (names.same_in_document: ``Валентина`` read as ``Валентин``).
    written: dict[tuple[str, str], set[str]] = {}
    for d, n, text in zip(named["doc_id"], named["normal"], named["text"]):
        if isinstance(text, str) and text != n:
            written.setdefault((d, str(n)), set()).add(text)
    events = happened_events(tables).merge(places, on=["doc_id", "event_id"], how="left")
    person_events: dict[tuple[str, str], list] = {}
    for row in events.itertuples(index=False):
        for name in split_names(row.persons):
            keys.add((row.doc_id, name))
            person_events.setdefault((row.doc_id, name), []).append(row)
    by_doc: dict[str, list[str]] = {}
    for doc_id, name in keys:
        by_doc.setdefault(doc_id, []).append(name)
    ctx = context.set_index("doc_id").to_dict("index")
    parsed_of = {name: parse_name(name) for _, name in keys}
    # Surnames the collection knows: a ``-вич`` word one statement writes as the surname
    # of someone with that first initial is a surname where another reads like a
    # patronymic (``Алесь Богданович``, ``А. Богданович``); unless a statement writes it
    # as a patronymic beside a surname (``Сергей Петрович Орлов``).
    surnames = {(p.surname, p.first_initial) for p in parsed_of.values() if p.surname}
    patronymics = {surname_stem(p.patronymic) for p in parsed_of.values()
                   if p.surname and p.patronymic}
    parsed_of = {n: surname_named_elsewhere(p, surnames, patronymics)
                 for n, p in parsed_of.items()}
    # A lone word no dictionary knows, read as a surname, that the collection names as
    # someone's first name: a first name alone (``Доржо`` beside ``Доржо Бадмаев``).
    firsts = {p.first for p in parsed_of.values() if p.first and p.surname}
    parsed_of = {n: first_name_named_elsewhere(p, firsts) for n, p in parsed_of.items()}
    # The family a statement ties a person named without a surname to (kin.kin_ties):
    # whose surname they may bear; not every surname the statement names.
    kin = document_kin(tables, {d for d, n in keys if not parsed_of[n].surname})
    # A woman's surname before marriage is hers too, as a double surname's half is (the
    # ``close`` surname level and the halves' blocking: kin.maiden_surnames).
    maiden = maiden_surnames(tables)
    rows = []
    for doc_id, name in sorted(keys):
        parsed = parsed_of[name]
        if (doc_id, name) in maiden:
            parsed = replace(parsed, surname_parts=frozenset(
                (parsed.surname_parts or {parsed.surname}) | maiden[(doc_id, name)]))
        own = person_events.get((doc_id, name), [])
        doc = ctx.get(doc_id, {"doc_cities": [], "doc_countries": [], "doc_years": []})
        cities = _listed(e.city for e in own) or _listed(doc["doc_cities"][:1])
        countries = _listed(e.country for e in own) or _listed(doc["doc_countries"])
        years = _listed(y for e in own for y in _years(e.date_start, e.date_end)) \
            or _listed(doc["doc_years"])
        # Where the person was on a day: events dated to one day, in a known city (a town
        # beside its city is no other place that day, places.near: Химки, Москва). Not a
        # term of custody: one telling places it at the court that gave it, another where
        # it was served (a detention centre of another town), both on the day it began.
        whereabouts = _listed(f"{e.date_start.date().isoformat()} {e.city}" for e in own
                              if e.date_precision == "day" and isinstance(e.city, str)
                              and e.type not in PLACED_TWO_WAYS
                              and not pd.isna(e.date_start) and e.date_start == e.date_end)
        others = [parsed_of[n].surname for n in by_doc[doc_id]
                  if n != name and not _same_surname_not_kin(parsed, parsed_of[n])]
        rows.append({
            PERSON_KEY: person_key(doc_id, name), "doc_id": doc_id, "name": name,
            "surname": parsed.surname,
            # a double surname's halves (a surname of one word: itself), for its halves
            "surname_parts": sorted(parsed.surname_parts) or None,
            **{f"surname_half_{k + 1}": half for k, half in enumerate(
                (sorted(parsed.surname_parts) + [None, None])[:2])},
            "surname_loose": parsed.surname_loose, "surname_latin": parsed.surname_latin,
            "first": parsed.first,
            "first_initial": parsed.first_initial,
            "first_initials": sorted(parsed.first_initials) or None,
            "first_names": sorted(parsed.first_names) or None,
            "patronymic": parsed.patronymic,
            "patronymic_initial": parsed.patronymic_initial, "gender": parsed.gender,
            "cities": cities, "countries": countries, "whereabouts": whereabouts, "years": years,
            "co_surnames": _listed(s for s in others if s),
            "kin_surnames": _listed(parsed_of[n].surname for n in kin.get((doc_id, name), ())
                                    if n in parsed_of and parsed_of[n].surname),
            "fullness": parsed.fullness, "written": _listed(written.get((doc_id, name), ())),
        })
    frame = pd.DataFrame(rows, columns=PERSON_COLUMNS[1:])
    frame.insert(0, "unique_id", range(len(frame)))
    return frame


def _same_surname_not_kin(own: Name, other: Name) -> bool:
    """Whether another name of one document bears this person's surname and may be this
    person again (a half the tagger left apart): left out of the people a statement names
    beside them. One of the surname with another first name in full is a relative
    (``Ганна Рымкевич`` beside ``Сергей Рымкевич``), another person the statement names:
    a first name alone elsewhere (``Анна``) beside the same ``Сергей`` then shares them.

    >>> from .names import parse_name
    >>> _same_surname_not_kin(parse_name("Ганна Рымкевич"), parse_name("Сергей Рымкевич"))
    False
    >>> _same_surname_not_kin(parse_name("Ганна Рымкевич"), parse_name("Рымкевич"))
    True
    """
    if not own.surname or other.surname != own.surname:
        return False
    return not (own.first and other.first and other_first_names(own.first, other.first))


def happened_events(tables: Tables) -> pd.DataFrame:
    """Events that happened: negated ones (``не был задержан``) are no incident."""
    events = tables.events
    return events[~events["negated"].fillna(False).astype(bool)]


EVENT_COLUMNS = [
    "unique_id", EVENT_KEY, "doc_id", "event_id", "type", "aggregate", "date_start",
    "date_end", "date_precision", "month", "year", "place", "place_canonical", "city",
    "area", "country", "person_ids", "count_min", "count_max", "amount_min", "amount_max",
    "currency", "term_min", "term_max", "term_unit", "actors", "words", "words_key",
    "doc_person_ids", "doc_date", "year_told", "sole_first", "sole_initial", "sole_initials",
    "sole_cyrillic", "sole_surname", "detention_day",
]

_WORD = re.compile(r"[^\W\d_]{4,}")


def _stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:5]


@cache
def _month_stems() -> frozenset[str]:
    return frozenset(_stem(form) for month in load_json("months.json")["months"]
                     for form in month["forms"])


def evidence_words(text, said_elsewhere: str = "") -> list[str] | None:
    """The words of an evidence sentence, cut to five letters (a crude stem), as a set,
    without the words of the names, place and month the other comparisons weigh
    (``said_elsewhere``): two sentences alike only in those are no copy of each other.

    >>> evidence_words("Полиция задержала Бахыт Туменову у памятника 12 июня.", "Бахыт Туменова")
    ['задер', 'памят', 'полиц']
    """
    if not isinstance(text, str):
        return None
    skip = _month_stems() | {_stem(w) for w in _WORD.findall(said_elsewhere)}
    return _listed(s for w in _WORD.findall(text) if (s := _stem(w)) not in skip)


def _sole_cyrillic(persons) -> bool | None:
    """Whether the one person an event names is named in Cyrillic letters (``Ганна``,
    not ``Hanna``), None when it names not exactly one."""
    names = split_names(persons)
    return is_cyrillic(names[0]) if len(names) == 1 else None


def event_records(tables: Tables, places: pd.DataFrame,
                  person_of: dict[str, str]) -> pd.DataFrame:
    """One record per event that happened, with its people as linked ``person_id``\\ s."""
    events = happened_events(tables).merge(places, on=["doc_id", "event_id"], how="left")
    frame = pd.DataFrame({
        EVENT_KEY: [event_key(d, e) for d, e in zip(events["doc_id"], events["event_id"])],
        "doc_id": events["doc_id"].astype(str).to_numpy(),
        "event_id": events["event_id"].astype("int64").to_numpy(),
        "type": events["type"].astype(str).to_numpy(),
        "aggregate": events["aggregate"].fillna(False).astype(bool).to_numpy(),
        "date_start": events["date_start"].dt.date.to_numpy(),
        "date_end": events["date_end"].fillna(events["date_start"]).dt.date.to_numpy(),
        "date_precision": events["date_precision"].astype(object).to_numpy(),
        "month": events["date_start"].dt.strftime("%Y-%m").to_numpy(),
        "year": events["date_start"].dt.year.astype("Int64").to_numpy(),
        "place": events["place"].astype(object).to_numpy(),
        "place_canonical": events["place_canonical"].to_numpy(),
        "city": events["city"].to_numpy(),
        "area": [area(c) if isinstance(c, str) else None for c in events["city"]],
        "country": events["country"].to_numpy(),
        "person_ids": [_listed(person_of.get(person_key(d, n)) for n in split_names(p))
                       for d, p in zip(events["doc_id"], events["persons"])],
        **{c: events[c].astype("float64").to_numpy()
           for c in ("count_min", "count_max", "amount_min", "amount_max", "term_min",
                     "term_max")},
        "currency": events["currency"].astype(object).to_numpy(),
        "term_unit": events["term_unit"].astype(object).to_numpy(),
        "actors": [_listed(split_names(a)) for a in events["actors"]],
        "words": [evidence_words(e, " ".join(str(v) for v in (p, pl) if isinstance(v, str)))
                  for e, p, pl in zip(events["evidence"], events["persons"], events["place"])],
    })
    # The one person an event names, read as the people linking reads a lone word no
    # dictionary knows: a first name where another statement gives it as one (``Ремзи``
    # beside ``Ремзи Асанов``), not another person's surname.
    alone = [split_names(p) for p in events["persons"]]
    parsed = {n[0]: parse_name(n[0]) for n in alone if len(n) == 1}
    firsts = {p.first for names in alone for n in names
              if (p := parse_name(n)).first and p.surname}
    sole = [first_name_named_elsewhere(parsed[n[0]], firsts) if len(n) == 1 else None
            for n in alone]
    frame["sole_first"] = [p.first if p else None for p in sole]
    frame["sole_initial"] = [p.first_initial if p else None for p in sole]
    frame["sole_initials"] = [sorted(p.first_initials) or None if p else None for p in sole]
    frame["sole_cyrillic"] = [_sole_cyrillic(p) for p in events["persons"]]
    frame["sole_surname"] = [p.surname if p else None for p in sole]
    frame["words_key"] = [" ".join(w) if w and len(w) >= 4 else None for w in frame["words"]]
    # Everyone the event's document names: an event naming no one (``оштрафовал меня``)
    # still belongs to a document about someone.
    in_document: dict[str, set[str]] = {}
    for key, person_id in person_of.items():
        in_document.setdefault(key_parts(key)[0], set()).add(person_id)
    frame["doc_person_ids"] = [_listed(in_document.get(d, ())) for d in frame["doc_id"]]
    # The date its statement is dated: an event the statement gives no date still
    # happened before it (a one-sided bound the date comparison reads).
    dated = tables.documents.drop_duplicates("doc_id").set_index("doc_id")["doc_date"]
    frame["doc_date"] = pd.to_datetime(frame["doc_id"].map(dated)).dt.date.to_numpy()
    frame["doc_date"] = frame["doc_date"].where(frame["doc_date"].notna(), None)
    # The year an event happened in, else (undated) the year its statement was written:
    # an undated telling is compared with the dated events of its city that year.
    frame["year_told"] = frame["year"].fillna(pd.Series(
        [d.year if d is not None and d == d else None for d in frame["doc_date"]],
        index=frame.index, dtype="Int64")).astype("Int64")
    for column in ("date_precision", "place", "currency", "term_unit", "month"):
        frame[column] = frame[column].where(frame[column].notna(), None)
    # Whether the event's document tells a detention on the event's own day: a penalty so
    # dated may carry the detention's day, not its court's (the linker's court leeway).
    detained = {(d, day) for d, kind, day in zip(frame["doc_id"], frame["type"], frame["date_start"])
                if kind == "detention" and day is not None and day == day}
    frame["detention_day"] = [kind != "detention" and (d, day) in detained
                              for d, kind, day in zip(frame["doc_id"], frame["type"], frame["date_start"])]
    frame.insert(0, "unique_id", range(len(frame)))
    return frame[EVENT_COLUMNS]
