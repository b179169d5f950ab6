"""``testimony link``: one person, one incident, however many statements tell it.

Reads the tables of a finished run (through :func:`pipeline.load`), links person
records across documents, then events (using the linked people), and writes the
tables of :mod:`pipeline.link.output`, a review file of uncertain pairs and a
manifest. Modules, in the order they work:

- ``names``, ``places``: Russian names and places made comparable;
- ``records``: the person and event records compared;
- ``people``, ``incidents``: what the engine compares and which pairs it blocks;
- ``engine``: splink (Fellegi–Sunter, EM-trained m/u) on DuckDB;
- ``cluster``: scored pairs into clusters, with annotators' decisions;
- ``consensus``: clusters into ``people`` and ``incidents`` rows;
- ``review``: the review file and the decision log;
- ``gold``, ``evaluate``, ``synthetic``, ``train``: the linking gold set, its
  metrics, the synthetic corpus for scale and training, and the training script.
"""

from __future__ import annotations

import json
import math
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import __version__
from ..records import split_names
from ..research.loading import document_fingerprints, load
from ..tables import write_text_atomically
from .cluster import cluster
from .names import same_in_document
from .consensus import incidents_table, people_table
from .engine import MIN_RECORDS_TO_TRAIN, learns_u, score_pairs
from .incidents import INCIDENTS, crowd_and_its_people, pairs_kept_apart
from .kin import maiden_name_records
from .output import (
    EVENT_INCIDENTS,
    INCIDENTS as INCIDENTS_TABLE,
    MANIFEST,
    MENTION_PEOPLE,
    PEOPLE as PEOPLE_TABLE,
    PERSON_EVENTS,
    write_link_tables,
)
from .people import PEOPLE, TWO_PATRONYMICS, other_patronymics
from .records import (
    EVENT_KEY,
    PERSON_KEY,
    document_context,
    event_key,
    event_places,
    event_records,
    in_document_order,
    key_parts,
    person_key,
    person_records,
    stable_id,
)
from .review import INCIDENT, PERSON, Decisions, check, read_decisions, write_review

# Chosen by cross-validation on the development split of the linking gold set
# (`python -m benchmarks.linking --cv --keep DIR`): leaving out one group of linked
# statements at a time, the threshold where the mean pairwise F1 over the other groups
# (gold input, pipeline output) and a synthetic corpus is highest (the middle of a
# plateau), on a grid of whole bits of match weight; the threshold most folds chose.
# Round 6, with the shipped prior on every collection (it was estimated on each run,
# and 5 and 3 bits were chosen): people 1 bit (82 of 82 folds), incidents 0 bits
# (101 of 101); README, "Linking".
PERSON_THRESHOLD = 0.6667
INCIDENT_THRESHOLD = 0.5
REVIEW_BAND = 3.0  # pairs this many bits of match weight either side of the threshold
REVIEW_LIMIT = 1000  # pairs of each kind in the review file, the most uncertain first


@dataclass
class LinkResult:
    """What one ``testimony link`` made."""

    people: pd.DataFrame
    incidents: pd.DataFrame
    person_events: pd.DataFrame
    mention_people: pd.DataFrame
    event_incidents: pd.DataFrame
    person_pairs: pd.DataFrame
    event_pairs: pd.DataFrame
    n_review: int = 0
    stale_decisions: list[dict] = field(default_factory=list)
    # With ``learn``: per kind of record (people, incidents), how many records there
    # were and whether u was re-estimated on them (else the shipped u was used).
    learned: dict[str, dict] = field(default_factory=dict)

    def summary(self) -> str:
        linked = self.incidents[self.incidents["n_sources"] > 1]
        text = (f"{len(self.people)} people ({int((self.people['n_documents'] > 1).sum())} in "
                f"more than one document), {len(self.incidents)} incidents "
                f"({len(linked)} told by more than one document); "
                f"{self.n_review} pairs to review")
        if self.learned:
            done = [kind for kind, how in self.learned.items() if how["u_reestimated"]]
            kept = [f"{kind} {how['records']:,} records" for kind, how in self.learned.items()
                    if not how["u_reestimated"]]
            if done:
                text += f"; u re-estimated on this collection for {' and '.join(done)}"
            if kept:
                text += (f"; shipped u kept for {', '.join(kept)} (re-estimating needs "
                         f"{MIN_RECORDS_TO_TRAIN:,})")
        return text


def _lowest_kept(threshold: float) -> float:
    """Pairs below the review band under ``threshold`` are neither joined nor reviewed:
    the engine need not hand them over (at scale, most pairs it scores)."""
    lowest = weight(threshold) - REVIEW_BAND - 1.0
    return 1.0 / (1.0 + 2.0 ** -lowest)


def weight(probability: float) -> float:
    probability = min(max(probability, 1e-12), 1 - 1e-12)
    return math.log2(probability / (1 - probability))


def link(out: str | Path, dest: str | Path | None = None, *,
         person_threshold: float = PERSON_THRESHOLD,
         incident_threshold: float = INCIDENT_THRESHOLD,
         learn: bool = False, write: bool = True, tables=None) -> LinkResult:
    """Link the people and incidents of output folder ``out``; write into ``dest`` (``out``).

    ``learn``: re-estimate u on the data when there is enough of it (the links among
    some documents then depend on what else is linked with them; by default the
    shipped parameters score every pair, so they do not);
    ``tables``: already loaded tables (the benchmarks pass gold tables).
    """
    out = Path(out)
    dest = Path(dest) if dest is not None else out
    if tables is None:
        with warnings.catch_warnings():  # ids of an earlier link, which this one replaces
            warnings.simplefilter("ignore")
            tables = load(out)
    tables = in_document_order(tables)
    decisions = read_decisions(dest) if write else Decisions()

    context = document_context(tables)
    places = event_places(tables, context)
    persons = person_records(tables, places, context)
    person_pairs, _ = score_pairs(persons, PEOPLE, learn=learn,
                                  threshold=_lowest_kept(person_threshold))
    person_checks = {k: "" for k in persons[PERSON_KEY]}
    same, different = decisions.pairs(PERSON, _ids(persons, PERSON_KEY), person_checks)
    same += _unless_rejected(_same_in_documents(persons) + halves_of_one_name(persons)
                             + _former_surnames(tables, persons), different)
    joined = {frozenset(p) for p in same}
    namesakes = [p for p in other_patronymics(person_pairs, persons, person_threshold)
                 if frozenset(p) not in joined]
    different = different + namesakes
    people_clusters = cluster(list(persons["doc_id"]),
                              _triples(person_pairs, persons[PERSON_KEY]),
                              person_threshold, same, different,
                              whereabouts=list(persons["whereabouts"]))
    person_ids = _cluster_ids("p", persons[PERSON_KEY], people_clusters.labels)
    person_of = {k: person_ids[c] for k, c in zip(persons[PERSON_KEY], people_clusters.labels)}
    # People kept apart by a rule (not joined by anything else): their events are two.
    labels = people_clusters.labels
    apart = {frozenset((person_ids[labels[i]], person_ids[labels[j]]))
             for i, j in namesakes if labels[i] != labels[j]}

    events = event_records(tables, places, person_of)
    event_pairs, _ = score_pairs(events, INCIDENTS, learn=learn,
                                 threshold=_lowest_kept(incident_threshold))
    evidence = _evidence(tables)
    event_checks = {k: check(evidence.get(k)) for k in events[EVENT_KEY]}
    same, different = decisions.pairs(INCIDENT, _ids(events, EVENT_KEY), event_checks)
    crowds = _unless_rejected(crowd_and_its_people(events), different)
    same += crowds
    # Two people each alone in their event are two happenings (an annotator may join them).
    joined = {frozenset(p) for p in same}
    events_apart = [(i, j, why) for i, j, why in pairs_kept_apart(
        event_pairs, events, incident_threshold, {i for pair in crowds for i in pair}, apart)
        if frozenset((i, j)) not in joined]
    different = different + [(i, j) for i, j, _ in events_apart]
    position = events["event_id"].to_numpy()
    incident_clusters = cluster(list(events["doc_id"]),
                                _triples(event_pairs, events[EVENT_KEY],
                                         lambda i, j: abs(position[i] - position[j])),
                                incident_threshold, same, different)
    incident_ids = _cluster_ids("i", events[EVENT_KEY], incident_clusters.labels)
    incident_of = {k: incident_ids[c] for k, c in zip(events[EVENT_KEY],
                                                      incident_clusters.labels)}

    person_events = _person_events(tables, person_of, incident_of)
    per_person = person_events.groupby("person_id").size().to_dict()
    people = people_table(persons, people_clusters.labels, people_clusters.weakest,
                          person_ids, per_person)
    names = dict(zip(people["person_id"], people["name"]))
    incidents = incidents_table(events, incident_clusters.labels, incident_clusters.weakest,
                                incident_ids, names)
    result = LinkResult(
        people=people, incidents=incidents, person_events=person_events,
        mention_people=_mention_people(tables, person_of),
        event_incidents=pd.DataFrame({
            "doc_id": tables.events["doc_id"].astype(str),
            "event_id": tables.events["event_id"],
            "incident_id": [incident_of.get(event_key(d, e)) for d, e in
                            zip(tables.events["doc_id"], tables.events["event_id"])]}),
        person_pairs=_keyed(person_pairs, persons, PERSON_KEY),
        event_pairs=_keyed(event_pairs, events, EVENT_KEY),
        stale_decisions=decisions.stale,
        learned={kind: {"records": len(records), "u_reestimated": learns_u(records, learn)}
                 for kind, records in (("people", persons), ("incidents", events))} if learn else {},
    )
    if write:
        # Pairs above the threshold a rule kept apart, with the rule, for review.
        refused = {_pair_of(persons, PERSON_KEY, i, j): why
                   for i, j, _, why in people_clusters.refused}
        refused |= {_pair_of(persons, PERSON_KEY, i, j): TWO_PATRONYMICS for i, j in namesakes}
        events_refused = {_pair_of(events, EVENT_KEY, i, j): why for i, j, why in events_apart}
        rows = (_review_rows(PERSON, result.person_pairs, person_threshold, tables, evidence,
                             person_checks, decisions, refused)
                + _review_rows(INCIDENT, result.event_pairs, incident_threshold, tables,
                               evidence, event_checks, decisions, events_refused))
        result.n_review = write_review(dest, rows, decisions)
        write_link_tables(dest, {
            PEOPLE_TABLE: people, INCIDENTS_TABLE: incidents, PERSON_EVENTS: person_events,
            MENTION_PEOPLE: result.mention_people, EVENT_INCIDENTS: result.event_incidents})
        write_text_atomically(dest / MANIFEST, json.dumps({
            "testimony": __version__, "source": str(out),
            # What each document's rows were made from: load() withholds the ids of
            # a document extracted anew since (its event_ids may name other events).
            "documents": dict(sorted(document_fingerprints(tables.documents).items())),
            "person_threshold": person_threshold, "incident_threshold": incident_threshold,
            "people": len(people), "incidents": len(incidents),
            "review_pairs": result.n_review, "stale_decisions": len(decisions.stale),
            "learn": result.learned or None,
        }, ensure_ascii=False, indent=2) + "\n")
    return result


def _same_in_documents(persons: pd.DataFrame) -> list[tuple[int, int]]:
    """Record pairs of one document naming one person in two ways the tagger did not
    group (``К. Бережного``, ``Кирилл Бережной``): joined before any scoring."""
    ids = dict(zip(zip(persons["doc_id"], persons["name"]), persons["unique_id"]))
    pairs = []
    for doc_id, group in persons.groupby("doc_id"):
        written = {n: w for n, w in zip(group["name"], group["written"]) if w is not None}
        pairs += [(ids[(doc_id, a)], ids[(doc_id, b)])
                  for a, b in same_in_document(list(group["name"]), written)]
    return pairs


def _former_surnames(tables, persons: pd.DataFrame) -> list[tuple[int, int]]:
    """Record pairs of one document naming one woman by her name and, as a person of its
    own, by the surname she bore before marriage (``Нина Зайцева, до замужества Белова``,
    the lone surname read ``Белов``: :func:`kin.maiden_name_records`): joined before any
    scoring, as :func:`_same_in_documents` joins variants."""
    ids = dict(zip(zip(persons["doc_id"], persons["name"]), persons["unique_id"]))
    return [(ids[(doc_id, own)], ids[(doc_id, hers)])
            for doc_id, own, hers in maiden_name_records(tables)
            if (doc_id, own) in ids and (doc_id, hers) in ids]


def _unless_rejected(pairs: list[tuple[int, int]], different) -> list[tuple[int, int]]:
    """Pairs a rule joins, but not one an annotator has rejected: their decision wins."""
    rejected = {frozenset(p) for p in different}
    return [p for p in pairs if frozenset(p) not in rejected]


def halves_of_one_name(persons: pd.DataFrame) -> list[tuple[int, int]]:
    """Record pairs of one document that name one person in two halves the tagger left
    apart, a first name alone (``Азамат``, ``Наталья Викторовна``) and a surname alone
    (``Токтосунова``, a genitive) or with initials that fit (``Э. Д. Хасанов`` and
    ``Эрик``), when another document names someone by both
    (``Азамат Токтосунов``, or by initials that fit: ``Н. В. Шевчук``):
    joined before any scoring, as :func:`_same_in_documents` joins variants.

    Only when each half fits no other half of its document and the genders agree; the
    whole name must come from elsewhere, so two halves alone prove nothing.
    """
    whole: dict[tuple[str, str], set[str]] = {}
    # By initials (``Н. В. Шевчук``): (first initial, surname) -> (doc, patronymic initial)
    initials: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    firsts: dict[str, list] = {}  # doc -> (id, first, gender, initials) named without surname
    surnames: dict[str, list] = {}  # doc -> (id, surname, gender) named by a surname alone
    for uid, doc_id, first, initial, patronymic, surname, gender in persons[
            ["unique_id", "doc_id", "first", "first_initial", "patronymic_initial", "surname",
             "gender"]].itertuples(index=False):
        gender = gender if isinstance(gender, str) else None
        patronymic = patronymic if isinstance(patronymic, str) else None
        if isinstance(first, str) and isinstance(surname, str):
            whole.setdefault((first, surname), set()).add(doc_id)
        elif isinstance(initial, str) and isinstance(surname, str):
            initials.setdefault((initial, surname), set()).add((doc_id, patronymic))
            # a surname with initials is a half too (``Э. Д. Хасанов`` and ``Эрик``)
            surnames.setdefault(doc_id, []).append((uid, surname, gender, (initial, patronymic)))
        elif isinstance(first, str):
            firsts.setdefault(doc_id, []).append((uid, first, gender, (initial, patronymic)))
        elif isinstance(surname, str) and not isinstance(initial, str):
            surnames.setdefault(doc_id, []).append((uid, surname, gender, (None, None)))

    def named_whole_elsewhere(doc_id: str, first: str, known: tuple, surname: str) -> bool:
        """Whether another document names ``first surname``, in full or by initials
        that fit (``Наталья Викторовна`` and ``Шевчук``: ``Н. В. Шевчук``)."""
        if whole.get((first, surname), set()) - {doc_id}:
            return True
        initial, patronymic = known
        return any(d != doc_id and (p is None or patronymic is None or p == patronymic)
                   for d, p in initials.get((initial, surname), ()))

    def initials_fit(known: tuple, its: tuple) -> bool:
        """Whether a surname's own initials (none, for a surname alone) fit the first
        name and patronymic of the other half."""
        (first, patronymic), (initial, its_patronymic) = known, its
        return initial is None or (initial == first and (
            its_patronymic is None or patronymic is None or its_patronymic == patronymic))

    pairs = []
    for doc_id in firsts.keys() & surnames.keys():
        fits = [(f, s) for f, first, g, known in firsts[doc_id]
                for s, surname, h, its in surnames[doc_id]
                if named_whole_elsewhere(doc_id, first, known, surname)
                and (g is None or h is None or g == h) and initials_fit(known, its)]
        by_first, by_surname = Counter(f for f, _ in fits), Counter(s for _, s in fits)
        pairs += [(f, s) for f, s in fits if by_first[f] == 1 and by_surname[s] == 1]
    return pairs


def _ids(records: pd.DataFrame, key: str) -> dict[str, int]:
    return dict(zip(records[key], records["unique_id"]))


def _triples(pairs: pd.DataFrame, keys: pd.Series, tie=None):
    """(i, j, probability, [tie(i, j),] first key, second key) per scored pair.

    Clustering takes pairs strongest first; among equals, by the tie key if given,
    then by the two records' keys: an order of the records themselves, not the
    order DuckDB's threads hand the pairs over in nor the records' places in this
    run, so equal pairs are taken in the same order in every run that has them.
    """
    names = list(keys)
    for i, j, p in zip(pairs["unique_id_l"].astype(int), pairs["unique_id_r"].astype(int),
                       pairs["match_probability"].astype(float)):
        order = tuple(sorted((names[i], names[j])))
        yield (i, j, p, *((tie(i, j),) if tie is not None else ()), *order)


def _cluster_ids(prefix: str, keys: pd.Series, labels: list[int]) -> dict[int, str]:
    """Each cluster's id, from its smallest member key: stable while that member stays."""
    smallest: dict[int, str] = {}
    for key, label in zip(keys, labels):
        if label not in smallest or key < smallest[label]:
            smallest[label] = key
    return {label: stable_id(prefix, key) for label, key in smallest.items()}


def _person_events(tables, person_of: dict[str, str], incident_of: dict[str, str]
                   ) -> pd.DataFrame:
    rows = []
    for doc_id, event_id, persons in tables.events[["doc_id", "event_id", "persons"]].itertuples(
            index=False):
        for name in split_names(persons):
            rows.append({"person_id": person_of.get(person_key(doc_id, name)),
                         "doc_id": doc_id, "event_id": event_id,
                         "incident_id": incident_of.get(event_key(doc_id, event_id)),
                         "name": name})
    return pd.DataFrame(rows, columns=["person_id", "doc_id", "event_id", "incident_id", "name"])


def _mention_people(tables, person_of: dict[str, str]) -> pd.DataFrame:
    named = tables.mentions[tables.mentions["type"] == "PER"]
    return pd.DataFrame({
        "doc_id": named["doc_id"].astype(str), "mention_id": named["mention_id"],
        "person_id": [person_of.get(person_key(d, str(n))) if n is not None and n == n else None
                      for d, n in zip(named["doc_id"], named["normal"])]})


def _keyed(pairs: pd.DataFrame, records: pd.DataFrame, key: str) -> pd.DataFrame:
    """Scored pairs with the record keys instead of the engine's row numbers."""
    keys = dict(zip(records["unique_id"], records[key]))
    levels = [c for c in pairs.columns if c.startswith(("gamma_", "mw_"))]
    return pd.DataFrame({
        "left": pairs["unique_id_l"].map(keys), "right": pairs["unique_id_r"].map(keys),
        "match_weight": pairs["match_weight"].astype(float),
        "match_probability": pairs["match_probability"].astype(float),
        **{c: pairs[c] for c in levels}})


def _evidence(tables) -> dict[str, str]:
    """A sentence per record key: an event's evidence, a person's first sentence."""
    found = {event_key(d, e): str(t) for d, e, t in
             tables.events[["doc_id", "event_id", "evidence"]].itertuples(index=False)}
    sentences = {(d, s): str(t) for d, s, t in
                 tables.sentences[["doc_id", "sent_id", "text"]].itertuples(index=False)}
    named = tables.mentions[tables.mentions["type"] == "PER"].sort_values(
        ["doc_id", "start"])
    for doc_id, normal, sent_id in named[["doc_id", "normal", "sent_id"]].itertuples(index=False):
        key = person_key(doc_id, str(normal))
        if key not in found and sent_id is not None and sent_id == sent_id:
            found[key] = sentences.get((doc_id, int(sent_id)), "")
    for doc_id, persons, text in tables.events[["doc_id", "persons", "evidence"]].itertuples(
            index=False):
        for name in split_names(persons):
            found.setdefault(person_key(doc_id, name), str(text))
    return found


def _pair_of(records: pd.DataFrame, key: str, i: int, j: int) -> tuple[str, str]:
    return tuple(sorted((records[key].iat[i], records[key].iat[j])))


def _review_rows(kind: str, pairs: pd.DataFrame, threshold: float, tables,
                 evidence: dict[str, str], checks: dict[str, str], decisions: Decisions,
                 refused: dict[tuple[str, str], str] | None = None) -> list[dict]:
    """Pairs above the threshold that a clustering rule kept apart (their note says
    which rule), then pairs within :data:`REVIEW_BAND` bits of the threshold, closest
    first: at most :data:`REVIEW_LIMIT`, but never leaving out a pair an annotator
    has decided."""
    if pairs.empty:
        return []
    refused = refused or {}
    keys = [tuple(sorted(p)) for p in zip(pairs["left"], pairs["right"])]
    near = pairs.assign(distance=(pairs["match_weight"] - weight(threshold)).abs(),
                        refused=[k in refused for k in keys],
                        decided=[bool(decisions.decision(kind, *k)) for k in keys])
    near = near[(near["distance"] <= REVIEW_BAND) | near["refused"]]
    # Equally near pairs by their keys: the engine's order is its threads'.
    near = near.sort_values(["refused", "distance", "left", "right"],
                            ascending=[False, True, True, True], kind="stable")
    near = near[(pd.Series(range(len(near)), index=near.index) < REVIEW_LIMIT) | near["decided"]]
    summaries = _summaries(tables) if kind == INCIDENT else {}
    rows = []
    for pair in near.itertuples(index=False):
        left, right = pair.left, pair.right
        rows.append({
            "kind": kind, "left": left, "right": right,
            "match_probability": round(pair.match_probability, 4),
            "left_name": summaries.get(left, key_parts(left)[1]),
            "right_name": summaries.get(right, key_parts(right)[1]),
            "left_evidence": evidence.get(left, ""), "right_evidence": evidence.get(right, ""),
            "decision": "",
            "note": f"kept apart: {refused[key]}" if (key := tuple(sorted((left, right))))
            in refused else "",
            "left_check": checks.get(left, ""), "right_check": checks.get(right, ""),
        })
    return rows


def _summaries(tables) -> dict[str, str]:
    """An event in one line: type, date, place, people."""
    found = {}
    for row in tables.events.itertuples(index=False):
        date = "" if pd.isna(row.date_start) else row.date_start.date().isoformat()
        parts = [str(row.type), date, "" if pd.isna(row.place) else str(row.place),
                 "" if pd.isna(row.persons) else str(row.persons)]
        found[event_key(row.doc_id, row.event_id)] = " | ".join(p for p in parts if p)
    return found
