"""Event arguments (place, date, persons) against NEREL's own relations: a large real set.

    python -m benchmarks.event_arguments                    # the development half
    python -m benchmarks.event_arguments --list             # and every error, with its sentence
    python -m benchmarks.event_arguments --unpaired         # and every covered EVENT no event of ours pairs with
    python -m benchmarks.event_arguments --split heldout    # aggregates only (the lead's look)

NEREL (``../shared/data/nerel``, brat ``.txt``/``.ann``; research use, never copied into the
project) annotates EVENT entities and their relations to other entities: ``TAKES_PLACE_IN`` (a
place), ``POINT_IN_TIME`` (a date), ``PARTICIPANT_IN`` / ``AGENT`` (who), and from a PENALTY or a
CRIME ``PENALIZED_AS`` / ``CONVICTED_OF`` (who). People outside the team wrote them, so they
judge our event arguments on text nobody here tuned on -- until we tune on its development half.

**The split** (fixed before the pipeline ran on any NEREL text, and never to be redrawn):
the documents are every NEREL ``train`` and ``dev`` article with both files, minus every
article of a Wikinews split that is held out or validation (``data/wikinews/split.json`` read at
run time, so a later draw is excluded automatically; the Wikinews development articles stay).
Each remaining document falls in ``dev`` or ``heldout`` by :func:`bucket`: the SHA-256 of
``SALT`` and the document's name (``train/123_text``), its first eight hex digits as a number
modulo 1000; below 500 is ``dev``. No random state: the same name always falls the same way,
and a document added to NEREL later falls by the same rule. ``--split heldout`` prints
aggregates only and refuses ``--list``; only the lead runs it. Every document of a half runs
(no sample: the dev half's 407 run in about a minute and a half here); the dev half's run is kept
in ``--keep`` (``out/event-arguments-dev``) and reused where this pipeline version made it, as
``run_batch`` reuses any output folder; the held-out half's run is never kept.

**The matching.** Each text runs through the pipeline as ``benchmarks.quality`` runs a Wikinews
article (the ``.txt`` in); NEREL's offsets are carried onto the clean text by the alignment
``testimony reconcile`` uses (:func:`~pipeline.reconcile.versions.align_versions`). An event of
ours pairs with the NEREL EVENT its *trigger* overlaps (else a PENALTY, else a CRIME; see
:func:`pairs` for why not the evidence clause). Per pair and field, where NEREL relates one:

- place (``TAKES_PLACE_IN``): right when ours names NEREL's place or one within it -- the
  same place by the gazetteer's canonical form (NEREL's span in the nominative, or the normal
  form of the output's LOC/ORG mention there), a town the gazetteer puts in that city, a place
  of that country, or an entity NEREL itself puts there (``LOCATED_IN``); ``wider`` when ours
  holds NEREL's (the country for the city);
- date (``POINT_IN_TIME`` to a DATE): right when our days fall within NEREL's date as our
  tagger reads its span (the output's DATE mention there; none read is a class of its own);
- persons (a PERSON's ``PARTICIPANT_IN``/``AGENT`` to the event, ``PENALIZED_AS``/``CONVICTED_OF``
  to a PENALTY/CRIME our trigger overlaps): precision and recall of our names against NEREL's,
  one person to a name (:func:`same_person`), and per event right/fewer/more/mixed/other/missing.

Also printed: where ours gives a value and NEREL relates none (not scored: NEREL's relations
are not exhaustive), and recall of NEREL's EVENTs our trigger lexicon covers (any word of the
span holds every lemma of a trigger, :func:`~pipeline.events.triggers.may_trigger`) that pair
with an event of ours. ``--unpaired`` (dev half only) lists each covered EVENT left unpaired: its
sentence, our events in that sentence, and the rule of the events stage that took out a candidate
overlapping it (the document analysed again with :mod:`pipeline.events.suppressed`'s trace on), or
``no candidate`` -- so the misses can be sorted into classes before a rule is written.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from benchmarks.event_dates import print_misses
from pipeline.batch.run import run_batch
from pipeline.events.syntax import lemmas_of
from pipeline.events.triggers import may_trigger
from pipeline.link.places import city_containing, place_kind
from pipeline.reconcile.matching import given, same_value
from pipeline.reconcile.versions import align_versions
from pipeline.records import split_names
from pipeline.tables import read_output
from pipeline.tag.gazetteer import canonical_place, place_nominative

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import wikinews_gold  # noqa: E402  (the Wikinews split and NEREL's folder)

SALT = "testimony/event-arguments/2026-12-07"  # fixed: changing it redraws the split
BUCKETS = 1000
DEV_BELOW = 500  # buckets [0, 500) are dev, [500, 1000) held out
SPLITS = ("dev", "heldout")
NEREL_SPLITS = ("train", "dev")


def bucket(doc: str) -> int:
    """A document's bucket: a stable hash of its name with ``SALT``, in [0, BUCKETS).

    >>> bucket("train/123_text") == bucket("train/123_text"), 0 <= bucket("dev/9_text") < BUCKETS
    (True, True)
    """
    return int(hashlib.sha256(f"{SALT}\n{doc}".encode("utf-8")).hexdigest()[:8], 16) % BUCKETS


def half(doc: str) -> str:
    """``dev`` or ``heldout``: which half of the set a document falls in."""
    return "dev" if bucket(doc) < DEV_BELOW else "heldout"


def wikinews_excluded() -> frozenset[str]:
    """Every article of a Wikinews split that is held out or validation, read from split.json
    now: the named splits and any stored key naming held-out or validation material."""
    stored, split = wikinews_gold.stored_split(), wikinews_gold.split()
    excluded = set(split["heldout"]) | set(split[wikinews_gold.VALIDATION])
    for key, value in stored.items():
        if ("heldout" in key or "validation" in key) and key != "rule":
            docs = value if isinstance(value, list) else wikinews_gold.drawn_docs(value)
            withdrawn = {} if isinstance(value, list) else value.get("withdrawn", {})  # development now
            excluded |= set(docs) - set(withdrawn)
    return frozenset(excluded)


def all_documents(nerel: Path | None = None) -> list[str]:
    """Every NEREL train and dev article with a text and an annotation file, in name order."""
    nerel = nerel or wikinews_gold.nerel_dir()
    return [f"{split}/{path.stem}" for split in NEREL_SPLITS
            for path in sorted((nerel / split).glob("*.txt")) if path.with_suffix(".ann").exists()]


def documents(split: str, nerel: Path | None = None) -> list[str]:
    """The documents of one half: NEREL's minus the Wikinews held-out and validation ones."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: expected one of {', '.join(SPLITS)}")
    excluded = wikinews_excluded()
    return [doc for doc in all_documents(nerel) if doc not in excluded and half(doc) == split]


# ---------------------------------------------------------------- NEREL's annotations

PLACE_RELATIONS = ("TAKES_PLACE_IN",)
DATE_RELATIONS = ("POINT_IN_TIME",)
PERSON_RELATIONS = ("PARTICIPANT_IN", "AGENT", "PENALIZED_AS", "CONVICTED_OF")
PAIRED = ("EVENT", "PENALTY", "CRIME")  # what an event of ours may pair with, EVENT first


@dataclass(frozen=True, slots=True)
class Entity:
    """A brat text-bound annotation (a discontinuous one spans its first to its last piece)."""

    id: str
    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Brat:
    """One NEREL document's entities by id and relations as (type, arg1, arg2)."""

    entities: dict[str, Entity]
    relations: tuple[tuple[str, str, str], ...]

    def linked(self, target: str, relations: tuple[str, ...], arg1_types: tuple[str, ...] = ()) -> list[Entity]:
        """The entities related to ``target``: Arg2 of its relations where it is Arg1 and, for
        ``arg1_types`` (persons), Arg1 of those whose Arg2 it is."""
        found = []
        for kind, one, two in self.relations:
            if kind not in relations or one not in self.entities or two not in self.entities:
                continue
            if one == target and not arg1_types:
                found.append(self.entities[two])
            elif two == target and self.entities[one].type in arg1_types:
                found.append(self.entities[one])
        return found

    def within(self, inner: str, outer: str) -> bool:
        """Whether NEREL says ``inner`` is located in ``outer``, through a chain of ``LOCATED_IN``."""
        seen, todo = set(), [inner]
        while todo:
            at = todo.pop()
            for kind, one, two in self.relations:
                if kind == "LOCATED_IN" and one == at and two not in seen:
                    if two == outer:
                        return True
                    seen.add(two)
                    todo.append(two)
        return False


def read_brat(text: str) -> Brat:
    """A brat ``.ann`` file's text-bound entities and binary relations.

    >>> brat = read_brat("T1\\tEVENT 0 9\\tзадержали\\nT2\\tCITY 12 17\\tОмске\\n"
    ...                  "R1\\tTAKES_PLACE_IN Arg1:T1 Arg2:T2\\t\\n")
    >>> [e.text for e in brat.linked("T1", PLACE_RELATIONS)]
    ['Омске']
    """
    entities, relations = {}, []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].startswith("T"):
            kind, _, spans = parts[1].partition(" ")
            bounds = [int(n) for piece in spans.split(";") for n in piece.split()]
            entities[parts[0]] = Entity(parts[0], kind, min(bounds), max(bounds), parts[2])
        elif len(parts) >= 2 and parts[0].startswith("R"):
            kind, *args = parts[1].split()
            ends = dict(arg.split(":", 1) for arg in args if ":" in arg)
            if "Arg1" in ends and "Arg2" in ends:
                relations.append((kind, ends["Arg1"], ends["Arg2"]))
    return Brat(entities, tuple(relations))


# ---------------------------------------------------------------- comparing values


def _words(name: str) -> list[frozenset[str]]:
    return [lemmas_of(word) for word in re.findall(r"\w[\w-]*", name)]


def same_person(one: str, other: str) -> bool:
    """Whether two names name one person: their last words (the surname, as Russian names are
    written) agree in some form, and so do their first words when both have two or more
    (NEREL's relation often starts from a surname alone, inflected).

    >>> same_person("Навальный", "Алексей Навальный"), same_person("Навального", "Алексей Навальный")
    (True, True)
    >>> same_person("Иван Петров", "Иван Сидоров"), same_person("Петров", "Пётр Иванов")
    (False, False)
    """
    a, b = _words(one), _words(other)
    if not a or not b or not a[-1] & b[-1]:
        return False
    return len(a) < 2 or len(b) < 2 or bool(a[0] & b[0])


def _names(entity: Entity, span: tuple[int, int] | None, mentions: list[dict], kinds: tuple[str, ...]) -> list[str]:
    """An entity's text and the normal forms of the output's mentions of its span."""
    names = [entity.text] + ([place_nominative(entity.text)] if "LOC" in kinds else [])
    if span is not None:
        names += [m["normal"] for m in mentions if m.get("type") in kinds and m.get("normal")
                  and m["start"] < span[1] and span[0] < m["end"]]
    return names


def _place_right(given_place: str, place: Entity, names: list[str], brat: Brat,
                 named: dict[str, list[str]]) -> bool:
    """Whether our place names NEREL's place or one within it: one name (the gazetteer's
    canonical forms), a town the gazetteer puts in that city or a place of that country, or
    an entity of the document NEREL itself puts in that place (``LOCATED_IN``)."""
    for name in names:
        if same_value("place", name, given_place) or same_value("place", name, city_containing(given_place)):
            return True
        kind, country = place_kind(canonical_place(name))
        if kind == "country" and country and place_kind(canonical_place(given_place))[1] == country:
            return True
    return any(brat.within(other, place.id) for other, other_names in named.items()
               if any(same_value("place", n, given_place) for n in other_names))


def _place_wider(given_place: str, names: list[str]) -> bool:
    """Whether our place holds NEREL's (a country or city for a place in it)."""
    kind, country = place_kind(canonical_place(given_place))
    return any(same_value("place", given_place, city_containing(n))
               or (kind == "country" and place_kind(canonical_place(n))[1] == country) for n in names)


def _date_of(span: tuple[int, int] | None, mentions: list[dict]) -> tuple[date, date] | None:
    """The days a NEREL date spans, as our tagger reads the text there (None: it reads none)."""
    if span is None:
        return None
    read = [(m["date_start"], m.get("date_end") or m["date_start"]) for m in mentions
            if m.get("type") == "DATE" and m.get("date_start") and m["start"] < span[1] and span[0] < m["end"]]
    return (min(s for s, _ in read), max(e for _, e in read)) if read else None


# ---------------------------------------------------------------- matching and scoring

PLACE_TYPES = ("CITY", "COUNTRY", "STATE_OR_PROVINCE", "STATE_OR_PROV", "DISTRICT", "LOCATION", "FACILITY",
               "ORGANIZATION")
FIELDS = ("place", "date", "persons")


@dataclass(frozen=True, slots=True)
class ArgumentError:
    """A paired event whose argument is not NEREL's."""

    set: str  # the field: place, date or persons
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    gold: str
    given: str
    kind: str


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A NEREL EVENT our trigger lexicon covers that no event of ours pairs with."""

    doc_id: str
    start: int  # its span in the clean text
    end: int
    text: str
    sentence: str
    ours: str  # our events in its sentence, as type «trigger»


@dataclass
class Scores:
    """Per field: events with the relation, and the classes of ours against it."""

    counts: Counter = field(default_factory=Counter)
    errors: list[ArgumentError] = field(default_factory=list)
    unpaired: list[Unpaired] = field(default_factory=list)

    def add(self, other: "Scores") -> None:
        self.counts.update(other.counts)
        self.errors += other.errors
        self.unpaired += other.unpaired


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def pairs(rows: list[dict], spans: dict[str, tuple[int, int]], brat: Brat) -> list[tuple[dict, list[Entity]]]:
    """Each event of ours with the NEREL entities its trigger overlaps: the EVENT (else PENALTY,
    else CRIME) overlapping it most first, then the others (a sentence's PENALTY beside its
    EVENT). The trigger, not the evidence clause: a clause often tells several NEREL events
    (the detention and the protest it ended), and pairing by it would give an event its
    neighbour's arguments. Each NEREL entity pairs with one event of ours at most."""
    used, found = set(), []
    for row in sorted(rows, key=lambda r: (r["start"], r["end"])):
        trigger = (row["start"], row["end"])
        over = [brat.entities[i] for i, span in spans.items() if brat.entities[i].type in PAIRED
                and i not in used and _overlap(span, trigger) > 0]
        over.sort(key=lambda e: (PAIRED.index(e.type), -_overlap(spans[e.id], trigger), e.end - e.start))
        if over:
            used.update(e.id for e in over)
            found.append((row, over))
    return found


def score_document(doc: str, raw: str, brat: Brat, out) -> tuple[Scores, Counter]:
    """One document's paired events scored field by field, and its recall counts (NEREL EVENTs
    our trigger lexicon covers, and how many of them pair with an event of ours)."""
    clean = out.text or ""
    alignment = align_versions(raw, clean)
    spans = {i: s for i, e in brat.entities.items() if (s := alignment.map_span(e.start, e.end)) is not None}
    named = {i: _names(e, spans.get(i), out.mentions, ("LOC", "ORG")) for i, e in brat.entities.items()
             if e.type in PLACE_TYPES}
    scores, recall = Scores(), Counter()
    paired = pairs([r for r in out.events if r.get("start") is not None], spans, brat)
    for row, units in paired:
        sentence = " ".join(((out.sentence_at(row["start"]) or {}).get("text") or "").split())

        def wrong(field_name: str, kind: str, gold: str, given_value: str) -> None:
            scores.counts[field_name, kind] += 1
            scores.counts[field_name, "wrong"] += kind != "missing"
            scores.errors.append(ArgumentError(field_name, doc, row.get("page"), row["type"], clean[row["start"]:row["end"]],
                                               sentence, gold, given_value, kind))

        places = [e for u in units for e in brat.linked(u.id, PLACE_RELATIONS)]
        ours = row.get("place") if given(row.get("place")) else None
        if places:
            scores.counts["place", "with"] += 1
            names = {p.id: _names(p, spans.get(p.id), out.mentions, ("LOC", "ORG")) for p in places}
            gold = "; ".join(p.text for p in places)
            if ours is None:
                wrong("place", "missing", gold, "-")
            elif any(_place_right(ours, p, names[p.id], brat, named) for p in places):
                scores.counts["place", "right"] += 1
            else:
                wrong("place", "wider" if any(_place_wider(ours, n) for n in names.values()) else "other place",
                      gold, ours)
        elif ours is not None:
            scores.counts["place", "given, NEREL none"] += 1

        dates = [e for u in units for e in brat.linked(u.id, DATE_RELATIONS) if e.type == "DATE"]
        start, end = row.get("date_start"), row.get("date_end") or row.get("date_start")
        if dates:
            scores.counts["date", "with"] += 1
            read = [d for e in dates if (d := _date_of(spans.get(e.id), out.mentions))]
            gold = "; ".join(e.text for e in dates) + "".join(f" [{a}/{b}]" for a, b in read)
            if not given(start):
                wrong("date", "missing", gold, "-")
            elif not read:
                wrong("date", "NEREL's date unread by our tagger", gold, f"{start}/{end}")
            elif any(a <= start and end <= b for a, b in read):
                scores.counts["date", "right"] += 1
            else:
                wrong("date", "wider" if any(start <= a and b <= end for a, b in read) else "other date",
                      gold, f"{start}/{end}")
        elif given(start):
            scores.counts["date", "given, NEREL none"] += 1

        persons = []  # one list of names per person NEREL relates to the event
        for e in (e for u in units for e in brat.linked(u.id, PERSON_RELATIONS, ("PERSON",))):
            names = _names(e, spans.get(e.id), out.mentions, ("PER",))
            same = next((p for p in persons if any(same_person(a, b) for a in p for b in names)), None)
            (same.extend(names) if same is not None else persons.append(names))
        given_names = split_names(row.get("persons"))
        if persons:
            scores.counts["persons", "with"] += 1
            hit = [any(same_person(a, b) for a in p for b in given_names) for p in persons]
            extra = [b for b in given_names if not any(same_person(a, b) for p in persons for a in p)]
            scores.counts["persons", "tp"] += sum(hit)
            scores.counts["persons", "fn"] += len(hit) - sum(hit)
            scores.counts["persons", "fp"] += len(extra)
            gold = "; ".join(p[-1] for p in persons)
            if all(hit) and not extra:
                scores.counts["persons", "right"] += 1
            elif not given_names:
                wrong("persons", "missing", gold, "-")
            else:
                kind = ("more" if all(hit) else "fewer" if not extra else "mixed" if any(hit) else "other person")
                wrong("persons", kind, gold, "; ".join(given_names))
        elif given_names:
            scores.counts["persons", "given, NEREL none"] += 1
            scores.counts["persons", "fp none"] += len(given_names)

    found = {u.id for _, units in paired for u in units}
    for e in brat.entities.values():
        if e.type == "EVENT" and e.id in spans and may_trigger(re.findall(r"\w[\w-]*", e.text)):
            recall["covered"] += 1
            recall["found"] += e.id in found
            if e.id not in found:
                at = out.sentence_at(spans[e.id][0]) or {}
                ours = [r for r in out.events if r.get("start") is not None
                        and at.get("start", -1) <= r["start"] < at.get("end", -1)]
                scores.unpaired.append(Unpaired(doc, *spans[e.id], e.text, " ".join((at.get("text") or "").split()),
                                                "; ".join(f"{r['type']} «{clean[r['start']:r['end']]}»" for r in ours)))
    recall["paired"] += len(paired)
    recall["events"] += len(out.events)
    return scores, recall


# ---------------------------------------------------------------- running

def score(docs: list[str], out_dir: Path, nerel: Path | None = None) -> tuple[Scores, Counter, int]:
    """Every document of a run scored against NEREL (documents the run failed on are counted)."""
    nerel = nerel or wikinews_gold.nerel_dir()
    outs = {doc.doc_id: doc for doc in read_output(out_dir)}
    scores, recall, failed = Scores(), Counter(), 0
    for doc in docs:
        out = outs.get(Path(doc).name)
        if out is None:
            failed += 1
            continue
        raw = (nerel / f"{doc}.txt").read_bytes().decode("utf-8")
        brat = read_brat((nerel / f"{doc}.ann").read_text(encoding="utf-8"))
        got, found = score_document(doc, raw, brat, out)
        scores.add(got)
        recall.update(found)
    return scores, recall, failed


def print_scores(title: str, scores: Scores, recall: Counter, docs: int, failed: int) -> None:
    """The figures of one half: recall of NEREL's events, then per field with the relation:
    right, wrong (by class) and missing, and ours given where NEREL names none."""
    c = scores.counts
    print(f"== {title}: {docs} documents ({failed} failed), our events {recall['events']}, "
          f"paired with a NEREL event {recall['paired']}")
    print(f"NEREL EVENTs our trigger lexicon covers: {recall['covered']}, paired with one of ours "
          f"{recall['found']}")
    for name in FIELDS:
        classes = ", ".join(f"{kind} {n}" for (f, kind), n in c.most_common()
                            if f == name and kind not in ("with", "right", "wrong", "missing", "tp", "fp", "fn",
                                                          "given, NEREL none", "fp none"))
        line = (f"{name}: with the relation {c[name, 'with']}: right {c[name, 'right']}, wrong {c[name, 'wrong']}"
                f"{f' ({classes})' if classes else ''}, missing {c[name, 'missing']}; "
                f"given where NEREL names none {c[name, 'given, NEREL none']}")
        if name == "persons":
            tp, fp, fn = c[name, "tp"], c[name, "fp"], c[name, "fn"]
            line += (f"; persons precision {tp}/{tp + fp} = {tp / max(tp + fp, 1):.2f}, "
                     f"recall {tp}/{tp + fn} = {tp / max(tp + fn, 1):.2f}")
        print(line)


def print_unpaired(unpaired: list[Unpaired], out_dir: Path) -> None:
    """Each covered EVENT no event of ours pairs with, by class: the rule that took out a
    candidate overlapping it, ``ours near`` (an event of ours in its sentence, none over it), or
    ``no candidate``; the counts first, then each with its sentence."""
    from benchmarks.event_types import suppressions_of  # the trace harness: loaded only when listing
    from pipeline.nlp import load_models

    models, outs, rules = load_models(), {doc.doc_id: doc for doc in read_output(out_dir)}, {}
    for doc_id in dict.fromkeys(Path(u.doc_id).name for u in unpaired):
        rules[doc_id] = suppressions_of(outs[doc_id], out_dir, models)
    listed = []
    for u in unpaired:
        took = [s.rule for s in rules[Path(u.doc_id).name] if s.start < u.end and u.start < s.end]
        listed.append((took[0] if took else "ours near" if u.ours else "no candidate", u))
    print(f"\n== unpaired covered EVENTs: {len(unpaired)}")
    print("by class: " + ", ".join(f"{k} {n}" for k, n in Counter(k for k, _ in listed).most_common()))
    for kind, u in sorted(listed, key=lambda x: (x[0], x[1].doc_id, x[1].start)):
        print(f"  [{kind}] {u.doc_id} «{u.text}» (ours: {u.ours or '-'}): {u.sentence[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--list", action="store_true", help="print every error with its sentence (dev only)")
    parser.add_argument("--unpaired", action="store_true",
                        help="print every covered NEREL EVENT no event of ours pairs with, and why (dev only)")
    parser.add_argument("--keep", type=Path, default=REPO / "out" / "event-arguments-dev",
                        help="the dev half's run, reused where this pipeline version made it (never the held-out half)")
    args = parser.parse_args(argv)
    if args.split == "heldout" and args.list:
        parser.error("--list prints errors: development half only (the held-out half prints aggregates)")
    if args.split == "heldout" and args.unpaired:
        parser.error("--unpaired prints sentences: development half only (the held-out half prints aggregates)")
    docs = documents(args.split)
    with tempfile.TemporaryDirectory() as tmp:
        # The held-out half's run is never kept: no one reads its rows.
        out = args.keep if args.split == "dev" else Path(tmp) / "out"
        run_batch([wikinews_gold.nerel_dir() / f"{doc}.txt" for doc in docs], out, force=args.split != "dev")
        scores, recall, failed = score(docs, out)
    print_scores(f"NEREL event arguments, {args.split} half", scores, recall, len(docs), failed)
    for name in FIELDS if args.list and args.split == "dev" else ():
        print(f"\n== {name}")
        print_misses([e for e in scores.errors if e.set == name], True, lambda e: f"NEREL {e.gold} given {e.given}")
    if args.unpaired and args.split == "dev":
        print_unpaired(scores.unpaired, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
