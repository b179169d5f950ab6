"""The linking gold set: documents whose people and events are linked by hand.

Two sources. The hand-annotated sets (``data/annotated``, ``data/dev``,
``data/heldout``) with the links across them stated in
``data/linking/links.json`` (the PDF copies of the samples in ``data/raw``, which are
the same statements again, and the few people and happenings that documents of
different sets share);
and pairs of short statements written for linking (``data/linking/same.json``:
one happening told from two sides; ``near_miss.json``: look-alikes that are not
the same; ``round8.json``: both kinds, for the classes of names and dates no earlier
development pair had). In those, a person or event carries a ``person``/``incident`` label;
records sharing a label are one person or one incident, a record without one is
alone.

:func:`gold_tables` turns the gold documents into the tables ``testimony run``
writes, so linking can be measured on the gold itself (what the linker does with
perfect extraction) as well as on the pipeline's output of the same texts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from calendar import monthrange
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from razdel import sentenize

from ..research.loading import Tables, conform
from ..tables import COLUMNS, DOCUMENTS, EVENT_ARGUMENTS, EVENTS, MENTIONS, SENTENCES
from ..tag.gazetteer import find_places, find_venues
from .records import event_key, person_key

ROOT = Path(__file__).resolve().parents[2]
LINKING = ROOT / "data" / "linking"
GOLD_SETS = (ROOT / "data" / "annotated", ROOT / "data" / "dev" / "annotated",
             ROOT / "data" / "heldout" / "annotated")
PAIR_FILES = ("same.json", "near_miss.json", "round8.json")


@dataclass
class GoldDocument:
    """One document of the linking gold: its text, people and events, with labels."""

    doc_id: str
    text: str
    doc_date: dt.date | None
    people: list[dict]  # name, forms, person (label)
    events: list[dict]  # SPEC gold event fields, plus incident (label)
    origin: str  # which set or pair file it comes from
    mentions: list[dict] = field(default_factory=list)  # SPEC gold mentions, if annotated


def date_fields(value) -> dict:
    """A gold date (``2021-06-12``, ``2021-06``, ``2021``, or a day range) as columns.

    >>> date_fields("2021-06")
    {'date_start': '2021-06-01', 'date_end': '2021-06-30', 'date_precision': 'month'}
    >>> date_fields(["2020-08-09", "2020-08-10"])["date_end"]
    '2020-08-10'
    """
    if not value:
        return {}
    if isinstance(value, list):
        return {"date_start": value[0], "date_end": value[1], "date_precision": "day"}
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return {"date_start": value, "date_end": value, "date_precision": "day"}
    if len(parts) == 2:
        last = monthrange(*parts)[1]
        return {"date_start": f"{value}-01", "date_end": f"{value}-{last:02d}",
                "date_precision": "month"}
    return {"date_start": f"{value}-01-01", "date_end": f"{value}-12-31",
            "date_precision": "year"}


def read_pairs(path: Path) -> list[GoldDocument]:
    """The documents of one pair file (``same.json``, ``near_miss.json``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = []
    for pair in data["pairs"]:
        for doc in pair["documents"]:
            events = []
            for event in doc["events"]:
                start = _find(doc["text"], event["trigger"], doc["doc_id"])
                row = {k: v for k, v in event.items() if k not in ("date", "amount", "term",
                                                                     "count")}
                row |= date_fields(event.get("date"))
                if "amount" in event:
                    row["amount_min"], row["amount_max"] = event["amount"]
                if "term" in event:
                    row["term_min"] = row["term_max"] = event["term"][0]
                    row["term_unit"] = event["term"][1]
                if "count" in event:
                    row["count_min"], row["count_max"] = event["count"]
                row["start"], row["end"] = start, start + len(event["trigger"])
                events.append(row)
            docs.append(GoldDocument(doc["doc_id"], doc["text"],
                                     dt.date.fromisoformat(doc["date"]), doc["people"],
                                     events, f"{path.stem}:{pair['pair']}"))
    return docs


def _find(text: str, snippet: str, doc_id: str) -> int:
    at = text.find(snippet)
    if at < 0:
        raise ValueError(f"{doc_id}: trigger {snippet!r} is not in the text")
    return at


def read_annotated(folders=GOLD_SETS) -> list[GoldDocument]:
    """The SPEC gold documents of the annotated sets, with their copies under other ids."""
    links = json.loads((LINKING / "links.json").read_text(encoding="utf-8"))
    docs = []
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            people = {}
            for m in gold["mentions"]:
                if m["type"] == "PER":
                    people.setdefault(m.get("normal") or m["text"], []).append(m["text"])
            events = []
            for e in gold["events"]:
                row = dict(e)
                if isinstance(row.get("persons"), str):
                    row["persons"] = [row["persons"]]
                events.append(row)
            doc = GoldDocument(gold["doc_id"], gold["text"], _doc_date(gold),
                               [{"name": n, "forms": f} for n, f in people.items()],
                               events, folder.parent.name if folder.name == "annotated"
                               and folder.parent.name != "data" else folder.name,
                               mentions=gold["mentions"])
            docs.append(doc)
            for copy in links["copies"].get(doc.doc_id, []):
                docs.append(GoldDocument(copy, doc.text, doc.doc_date, doc.people, doc.events,
                                         doc.origin + " (copy)", doc.mentions))
    return docs


def _doc_date(gold: dict) -> dt.date | None:
    value = gold.get("doc_date")
    return dt.date.fromisoformat(value) if value else None


def read_gold(pairs: bool = True, annotated: bool = True) -> list[GoldDocument]:
    docs = read_annotated() if annotated else []
    if pairs:
        for name in PAIR_FILES:
            docs += read_pairs(LINKING / name)
    return docs


def labels(docs: list[GoldDocument]) -> tuple[dict[str, str], dict[str, str]]:
    """Gold cluster labels: person key -> person label, event key -> incident label.

    A copy of a document carries its original's labels; records that
    ``links.json`` links across sets take its label; an unlabelled record is alone.
    """
    links = json.loads((LINKING / "links.json").read_text(encoding="utf-8"))
    original = {c: o for o, copies in links["copies"].items() for c in copies}
    linked_people = {(doc_id, name): label for label, members in links.get("people", {}).items()
                     for doc_id, name in members}
    linked_events = {(doc_id, index): (label, trigger)
                     for label, members in links.get("incidents", {}).items()
                     for doc_id, index, trigger in members}
    people, incidents, used = {}, {}, set()
    for doc in docs:
        home = original.get(doc.doc_id, doc.doc_id)
        for person in doc.people:
            cross = linked_people.get((home, person["name"]))
            used.add((home, person["name"])) if cross else None
            people[person_key(doc.doc_id, person["name"])] = (
                person.get("person") or cross or f"{home} | {person['name']}")
        for i, event in enumerate(doc.events):
            if event.get("negated"):
                continue
            cross = linked_events.get((home, i))
            if cross:
                if event.get("trigger") != cross[1]:
                    raise ValueError(f"links.json: event {i} of {home} is {event.get('trigger')!r}, "
                                     f"not {cross[1]!r}: the gold file changed; link it again")
                used.add((home, i))
            incidents[event_key(doc.doc_id, i)] = (event.get("incident")
                                                   or (cross[0] if cross else f"{home} | {i}"))
    known = {d.doc_id for d in docs}
    missing = [k for k in [*linked_people, *linked_events] if k[0] in known and k not in used]
    if missing:
        raise ValueError(f"links.json names records the gold does not have: {missing}")
    return people, incidents


def places_outside_venues(text: str) -> list:
    """The gazetteer's places in ``text`` but those inside a venue's name (a street, a
    square, a monument named after someone: ``на улице Кирова``, ``у памятника Пушкину``).

    The tagger's venue step (``pipeline/tag/names.py`` ``_add_venues``) reads the same
    venues (:func:`find_venues`) and takes the names inside one into it, but leaves out a
    venue that would cut a name natasha found across its edge; a gold text has no such
    names (its places are the gazetteer's alone, its people added after), so on it the two
    keep the same places (``tests/test_link_place_areas.py`` compares them). No helper is
    shared: the tagger's rule works on its span index, with natasha's spans in it.

    >>> [p.canonical for p in places_outside_venues("Его задержали на улице Кирова в Казани.")]
    ['Казань']
    >>> [p.canonical for p in places_outside_venues("Пикет прошёл в Кирове у вокзала.")]
    ['Киров']
    """
    venues = [(v.start, v.end) for v in find_venues(text)]
    return [p for p in find_places(text)
            if not any(start <= p.start and p.end <= end for start, end in venues)]


def gold_tables(docs: list[GoldDocument]) -> Tables:
    """The gold documents as the tables ``testimony run`` writes (what linking reads)."""
    rows = {name: [] for name in (DOCUMENTS, SENTENCES, MENTIONS, EVENTS, EVENT_ARGUMENTS)}
    for doc in docs:
        rows[DOCUMENTS].append({"doc_id": doc.doc_id, "source": doc.origin, "status": "ok",
                                "doc_date": doc.doc_date, "n_chars": len(doc.text)})
        sentences = [(s.start, s.stop, s.text) for s in sentenize(doc.text)]
        starts = [s for s, _, _ in sentences]
        for i, (start, stop, text) in enumerate(sentences):
            rows[SENTENCES].append({"doc_id": doc.doc_id, "sent_id": i, "start": start,
                                    "end": stop, "text": text})

        def sent_of(offset: int) -> int:
            return max(i for i, s in enumerate(starts) if s <= offset) if starts else 0

        mention_id = 0
        for m in doc.mentions:
            if m["type"] in ("PER", "LOC"):
                rows[MENTIONS].append({"doc_id": doc.doc_id, "mention_id": mention_id,
                                       "type": m["type"], "start": m["start"], "end": m["end"],
                                       "sent_id": sent_of(m["start"]), "text": m["text"],
                                       "normal": m.get("normal") or m["text"]})
                mention_id += 1
        if not doc.mentions:
            # Written for linking: people listed, places left to the gazetteer; a town's
            # name inside a venue's is the venue's namesake, no place (``улице Кирова``,
            # named after a man, is no Киров), as the tagger's venue step reads it
            # (places_outside_venues). Likewise a town's name that is a word of a person's
            # name the statement lists (``Я, Лида Воронцова``) is that person's.
            named = [(found.start(), found.end()) for person in doc.people
                     for form in [person["name"], *person.get("forms", [])]
                     for found in re.finditer(re.escape(form), doc.text)]
            for place in places_outside_venues(doc.text):
                if any(start <= place.start and place.end <= end for start, end in named):
                    continue
                rows[MENTIONS].append({"doc_id": doc.doc_id, "mention_id": mention_id,
                                       "type": "LOC", "start": place.start, "end": place.end,
                                       "sent_id": sent_of(place.start),
                                       "text": doc.text[place.start:place.end],
                                       "normal": place.canonical})
                mention_id += 1
            for person in doc.people:
                for form in [person["name"], *person.get("forms", [])]:
                    for found in re.finditer(re.escape(form), doc.text):
                        rows[MENTIONS].append({
                            "doc_id": doc.doc_id, "mention_id": mention_id, "type": "PER",
                            "start": found.start(), "end": found.end(),
                            "sent_id": sent_of(found.start()), "text": form,
                            "normal": person["name"]})
                        mention_id += 1
        for i, event in enumerate(doc.events):
            start = event.get("start")
            sent = sent_of(start) if start is not None else None
            row = {k: event.get(k) for k in COLUMNS[EVENTS] if k in event}
            row |= {"doc_id": doc.doc_id, "event_id": i, "type": event["type"],
                    "sent_id": sent, "negated": bool(event.get("negated", False)),
                    "aggregate": bool(event.get("aggregate", False)),
                    "persons": "; ".join(event.get("persons") or []) or None,
                    "actors": "; ".join(event.get("actors") or []) or None,
                    "evidence": sentences[sent][2] if sent is not None else None}
            rows[EVENTS].append(row)
    frames = {}
    for name, found in rows.items():
        frame = pd.DataFrame.from_records(found, columns=COLUMNS[name])
        frames[name] = conform(frame, name)
    return Tables(**frames)
