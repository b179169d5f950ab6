"""splink against recordlinkage and dedupe on the same records: ``make compare-engines``.

Each engine links the same person and event records (:mod:`pipeline.link.records`:
names taken apart and transliterated, places resolved, dates and values) with
comparisons written in its own idiom as near to ours as it allows, and is trained
on the same synthetic corpus (:mod:`pipeline.link.synthetic`, seed 7, whose truth is
known). Scored, pairwise F1 after clustering:

- on the development split of the linking gold set (gold input: what each engine
  does with perfect extraction);
- on a synthetic corpus of 10,000 events (seed 11) with its truth, with the time
  each takes.

Engines:

- ``splink``: ``testimony link`` as shipped (m from the synthetic truth, u by random
  sampling, comparisons in SQL on DuckDB, our clustering rules);
- ``splink-em``: the same, with m fitted by EM (splink's unsupervised route);
- ``recordlinkage-ecm``: recordlinkage's Fellegi–Sunter fitted by EM (ECM) on binary
  comparison features, unsupervised;
- ``recordlinkage-logistic``: recordlinkage's logistic regression on the same
  features, trained on the synthetic truth;
- ``dedupe``: dedupe's learned blocking and regularised logistic regression over its
  string, exact and set distances, trained on labelled pairs of the synthetic truth.

The three libraries do not install beside each other (dedupe and recordlinkage want
pandas 2), so this runs in its own environment, ``.venv-compare``, made by
``make compare-engines``.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from itertools import combinations

import pandas as pd

from benchmarks.linking import event_incidents, event_people, split_of
from pipeline.link import INCIDENT_THRESHOLD, PERSON_THRESHOLD, link
from pipeline.link.cluster import cluster
from pipeline.link.evaluate import pairwise
from pipeline.link.gold import gold_tables, labels, read_gold
from pipeline.link.records import (
    EVENT_KEY,
    PERSON_KEY,
    document_context,
    event_places,
    event_records,
    key_parts,
    person_records,
    stable_id,
)
from pipeline.link.synthetic import make_corpus

TRAIN_EVENTS, TRAIN_SEED = 20_000, 7
TEST_EVENTS, TEST_SEED = 10_000, 11
THRESHOLD = 0.5  # the other engines' own cut: more likely a match than not


def _records(tables):
    context = document_context(tables)
    places = event_places(tables, context)
    return places, person_records(tables, places, context)


def _person_of(persons, labels_) -> dict[str, str]:
    return {k: stable_id("p", str(c)) for k, c in zip(persons[PERSON_KEY], labels_)}


def _clusters(records, pairs, threshold) -> list[int]:
    """Our clustering (no two records of one document join) over (i, j, p) pairs."""
    return cluster(list(records["doc_id"]), pairs, threshold).labels


# ---------------------------------------------------------------- features


def _overlap(a, b) -> int:
    return int(a is not None and b is not None and len(set(a) & set(b)) > 0)


def _both(a, b) -> int:
    return int(a is not None and b is not None)


def person_features(persons: pd.DataFrame, pairs: pd.MultiIndex):
    """Binary comparison features of person pairs, recordlinkage's ``Compare``."""
    import recordlinkage as rl

    compare = rl.Compare(n_jobs=1)
    compare.exact("surname", "surname", label="surname_same")
    compare.string("surname", "surname", method="damerau_levenshtein", threshold=0.8,
                   label="surname_close")
    compare.exact("first", "first", label="first_same")
    compare.exact("first_initial", "first_initial", label="initial_same")
    compare.exact("patronymic_initial", "patronymic_initial", label="patronymic_same")
    compare.exact("gender", "gender", label="gender_same")
    frame = compare.compute(pairs, persons)
    left = persons.loc[pairs.get_level_values(0)]
    right = persons.loc[pairs.get_level_values(1)]
    for column in ("cities", "countries", "years", "co_surnames"):
        frame[f"{column}_shared"] = [_overlap(a, b) for a, b in zip(left[column], right[column])]
        frame[f"{column}_differ"] = [_both(a, b) - _overlap(a, b)
                                     for a, b in zip(left[column], right[column])]
    frame["gender_differ"] = [int(a is not None and b is not None and a != b)
                              for a, b in zip(left["gender"], right["gender"])]
    frame["first_differ"] = [int(isinstance(a, str) and isinstance(b, str) and a != b)
                             for a, b in zip(left["first"], right["first"])]
    return frame.fillna(0).astype(int)


def _day(value):
    """A date cell as a date, None when missing (NaT, NaN)."""
    return None if value is None or value != value or value is pd.NaT else value


def event_features(events: pd.DataFrame, pairs: pd.MultiIndex):
    """Binary comparison features of event pairs."""
    left = events.loc[pairs.get_level_values(0)].reset_index(drop=True)
    right = events.loc[pairs.get_level_values(1)].reset_index(drop=True)
    frame = pd.DataFrame(index=pairs)

    def flag(values):
        return [int(bool(v)) for v in values]

    left = left.assign(**{c: left[c].map(_day) for c in ("date_start", "date_end")})
    right = right.assign(**{c: right[c].map(_day) for c in ("date_start", "date_end")})
    same_day = [(a is not None and a == b and pa == "day" and pb == "day")
                for a, b, pa, pb in zip(left["date_start"], right["date_start"],
                                        left["date_precision"], right["date_precision"])]
    overlap = [a is not None and b is not None and a <= eb and b <= ea
               for a, b, ea, eb in zip(left["date_start"], right["date_start"],
                                       left["date_end"], right["date_end"])]
    frame["same_day"], frame["date_overlap"] = flag(same_day), flag(overlap)
    frame["date_apart"] = flag(a is not None and b is not None and not o
                               for a, b, o in zip(left["date_start"], right["date_start"], overlap))
    frame["same_place"] = flag(isinstance(a, str) and a == b
                               for a, b in zip(left["place_canonical"], right["place_canonical"]))
    frame["same_city"] = flag(isinstance(a, str) and a == b for a, b in zip(left["city"], right["city"]))
    frame["other_city"] = flag(isinstance(a, str) and isinstance(b, str) and a != b
                               for a, b in zip(left["city"], right["city"]))
    frame["same_people"] = [_overlap(a, b) for a, b in zip(left["person_ids"], right["person_ids"])]
    frame["other_people"] = [_both(a, b) - _overlap(a, b)
                             for a, b in zip(left["person_ids"], right["person_ids"])]
    frame["documents_share"] = [_overlap(a, b) for a, b in
                                zip(left["doc_person_ids"], right["doc_person_ids"])]
    frame["same_amount"] = flag(a == a and b == b and a is not None and abs(a - b) <= 0.05 * max(a, b)
                                for a, b in zip(left["amount_min"], right["amount_min"]))
    frame["same_term"] = flag(a == a and b == b and a is not None and a == b
                              for a, b in zip(left["term_min"], right["term_min"]))
    words = [len(set(a) & set(b)) / len(set(a) | set(b)) if a is not None and b is not None else 0
             for a, b in zip(left["words"], right["words"])]
    frame["similar_wording"] = flag(w >= 0.3 for w in words)
    frame["copied"] = flag(w >= 0.9 for w in words)
    return frame.astype(int)


def candidate_pairs(records: pd.DataFrame, blocks: list[list[str]], explode: str | None = None):
    """Pairs from different documents agreeing on any of ``blocks`` (a self-join, as
    recordlinkage's ``Index.block`` does; lists in ``explode`` agree on any item)."""
    found = set()
    for columns in blocks:
        frame = records[["unique_id", "doc_id", *columns]]
        if explode in columns:
            frame = frame.explode(explode)
        frame = frame.dropna(subset=columns)
        frame = frame.astype({c: str for c in columns})
        joined = frame.merge(frame, on=columns, suffixes=("_l", "_r"))
        joined = joined[(joined["unique_id_l"] < joined["unique_id_r"])
                        & (joined["doc_id_l"] != joined["doc_id_r"])]
        found |= set(zip(joined["unique_id_l"], joined["unique_id_r"]))
    return pd.MultiIndex.from_tuples(sorted(found), names=["left", "right"])


PERSON_BLOCKS = [["surname", "first_initial"], ["first", "patronymic"]]
EVENT_BLOCKS = [["type", "aggregate", "month"], ["type", "aggregate", "city", "year"],
                ["type", "aggregate", "person_ids"]]


def _true_pairs(records, key, truth, pairs) -> list[int]:
    labels_ = [truth.get(k, k) for k in records[key]]
    return [int(labels_[i] == labels_[j]) for i, j in pairs]


def _stage(tables, truth, kind: str, person_of: dict[str, str] | None):
    """The records of one kind: people, or events with the people ``person_of`` gives
    (for a training corpus, its true people)."""
    places, persons = _records(tables)
    if kind == "people":
        return persons.set_index("unique_id", drop=False), PERSON_KEY
    if person_of is None:
        person_of = {k: truth["people"].get(k, k) for k in persons[PERSON_KEY]}
    events = event_records(tables, places, person_of)
    return events.set_index("unique_id", drop=False), EVENT_KEY


def run_recordlinkage(train, test, supervised: bool) -> dict:
    """recordlinkage on people, then on events with the people it linked."""
    import recordlinkage as rl

    found, person_of = {}, None
    for kind in ("people", "incidents"):
        fitted = {}
        for name, (tables, truth) in (("train", train), ("test", test)):
            records, key = _stage(tables, truth, kind, person_of if name == "test" else None)
            blocks, explode = ((PERSON_BLOCKS, None) if kind == "people"
                               else (EVENT_BLOCKS, "person_ids"))
            pairs = candidate_pairs(records, blocks, explode)
            featurise = person_features if kind == "people" else event_features
            fitted[name] = (records, key, pairs, featurise(records, pairs), truth)
        records, key, pairs, features, truth = fitted["train"]
        classifier = rl.LogisticRegressionClassifier() if supervised else rl.ECMClassifier()
        if supervised:
            matches = pd.MultiIndex.from_tuples(
                [p for p, y in zip(pairs, _true_pairs(records, key, truth[kind], pairs)) if y])
            classifier.fit(features, matches)
        else:
            classifier.fit(features)
        records, key, pairs, features, truth = fitted["test"]
        probability = classifier.prob(features)
        labels_ = _clusters(records, [(i, j, p) for (i, j), p in probability.items()], THRESHOLD)
        found[kind] = {k: str(c) for k, c in zip(records[key], labels_)}
        if kind == "people":
            person_of = {k: stable_id("p", c) for k, c in found[kind].items()}
    return found


def run_dedupe(train, test) -> dict:
    """dedupe on people, then on events with the people it linked; trained on
    labelled pairs of the synthetic truth."""
    import dedupe
    from dedupe import variables as v

    rng = random.Random(3)
    specs = {
        "people": [v.String("surname", has_missing=True), v.String("first", has_missing=True),
                   v.Exact("first_initial", has_missing=True),
                   v.Exact("patronymic_initial", has_missing=True),
                   v.Exact("gender", has_missing=True), v.Set("cities", has_missing=True),
                   v.Set("years", has_missing=True), v.Set("co_surnames", has_missing=True)],
        "incidents": [v.Exact("type"), v.String("date", has_missing=True),
                      v.Exact("place_canonical", has_missing=True), v.Exact("city", has_missing=True),
                      v.Set("person_ids", has_missing=True), v.Set("doc_person_ids", has_missing=True),
                      v.Price("amount_min", has_missing=True), v.Set("words", has_missing=True)],
    }
    found, person_of = {}, None
    for kind, fields in specs.items():
        rows = {}
        for name, (tables, truth) in (("train", train), ("test", test)):
            records, key = _stage(tables, truth, kind, person_of if name == "test" else None)
            rows[name] = {k: _dedupe_record(r, kind) for k, r in
                          zip(records[key], records.to_dict("records"))}
        truth = train[1][kind]
        by_label: dict[str, list[str]] = {}
        for k in rows["train"]:
            by_label.setdefault(truth.get(k, k), []).append(k)
        matches = [p for group in by_label.values() for p in combinations(group, 2)
                   if key_parts(p[0])[0] != key_parts(p[1])[0]]
        keys = list(rows["train"])
        distinct = []
        while len(distinct) < 1000:
            a, b = rng.sample(keys, 2)
            if truth.get(a, a) != truth.get(b, b):
                distinct.append((a, b))
        deduper = dedupe.Dedupe(fields, num_cores=1)
        train_rows = rows["train"]
        matches = rng.sample(matches, min(500, len(matches)))
        # The labelled pairs' records must be in what the active learner is shown.
        labelled = {k for pair in matches + distinct for k in pair}
        extra = rng.sample(sorted(set(keys) - labelled), min(len(keys) - len(labelled), 3000))
        # Labelled pairs go in as a training file, dedupe's documented route for existing
        # labels (mark_pairs accepts only pairs its active learner sampled itself).
        labels_file = io.StringIO(json.dumps({
            "match": [(train_rows[a], train_rows[b]) for a, b in matches],
            "distinct": [(train_rows[a], train_rows[b]) for a, b in distinct]},
            cls=dedupe.serializer.TupleEncoder))
        deduper.prepare_training({k: train_rows[k] for k in sorted(labelled) + extra},
                                 training_file=labels_file)
        deduper.train()
        clustered = deduper.partition(rows["test"], THRESHOLD)
        labels_ = {k: str(n) for n, (members, _) in enumerate(clustered) for k in members}
        found[kind] = {k: labels_.get(k, k) for k in rows["test"]}
        if kind == "people":
            person_of = {k: stable_id("p", c) for k, c in found[kind].items()}
    return found


def _dedupe_record(row: dict, kind: str) -> dict:
    def text(value):
        return value if isinstance(value, str) and value else None

    def items(value):
        return tuple(value) if value is not None and len(value) else None

    if kind == "people":
        return {"surname": text(row["surname"]), "first": text(row["first"]),
                "first_initial": text(row["first_initial"]),
                "patronymic_initial": text(row["patronymic_initial"]), "gender": text(row["gender"]),
                "cities": items(row["cities"]), "years": items(row["years"]),
                "co_surnames": items(row["co_surnames"])}
    amount = row["amount_min"]
    return {"type": f"{row['type']}{'*' if row['aggregate'] else ''}",
            "date": row["date_start"].isoformat() if row["date_start"] is not None else None,
            "place_canonical": text(row["place_canonical"]), "city": text(row["city"]),
            "person_ids": items(row["person_ids"]), "doc_person_ids": items(row["doc_person_ids"]),
            "amount_min": float(amount) if amount == amount and amount is not None else None,
            "words": items(row["words"])}


def run_splink(test, method: str) -> dict:
    tables, _ = test
    if method == "em":
        from pipeline.link import train as fitting
        from pipeline.link.engine import Model
        import pipeline.link.engine as engine

        fitted = fitting.fit(TRAIN_EVENTS, TRAIN_SEED, method=fitting.EM)
        shipped = engine.load_parameters
        engine.load_parameters = lambda model: fitted[model.name]  # this run only
        try:
            result = link("test", write=False, tables=tables)
        finally:
            engine.load_parameters = shipped
    else:
        result = link("test", write=False, tables=tables)
    return {"people": event_people(result), "incidents": event_incidents(result)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.linking_engines",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", nargs="*", default=[
        "splink", "splink-em", "recordlinkage-ecm", "recordlinkage-logistic", "dedupe"])
    parser.add_argument("--test-events", type=int, default=TEST_EVENTS)
    args = parser.parse_args(argv)
    corpus = make_corpus(TRAIN_EVENTS, TRAIN_SEED)
    train = (corpus.tables, {"people": corpus.people, "incidents": corpus.incidents})
    docs = [d for d in read_gold() if split_of(d.origin) == "dev"]  # never the held-out pairs
    gold_people, gold_incidents = labels(docs)
    tests = {"gold (dev)": (gold_tables(docs), {"people": gold_people, "incidents": gold_incidents})}
    synthetic = make_corpus(args.test_events, TEST_SEED)
    tests[f"synthetic {args.test_events}"] = (
        synthetic.tables, {"people": synthetic.people, "incidents": synthetic.incidents})
    print(f"{'engine':24} {'test':18} {'people P/R/F1':>22} {'incidents P/R/F1':>22} {'seconds':>8}")
    for engine in args.engines:
        for name, test in tests.items():
            began = time.perf_counter()
            if engine == "splink":
                found = run_splink(test, "labels")
            elif engine == "splink-em":
                found = run_splink(test, "em")
            elif engine.startswith("recordlinkage"):
                found = run_recordlinkage(train, test, supervised=engine.endswith("logistic"))
            else:
                found = run_dedupe(train, test)
            seconds = time.perf_counter() - began
            row = f"{engine:24} {name:18}"
            for kind in ("people", "incidents"):
                s = pairwise(found[kind], test[1][kind])
                row += f" {s.precision:6.3f} /{s.recall:6.3f} /{s.f1:6.3f}"
            print(row + f" {seconds:8.1f}", flush=True)
    print(f"(testimony link thresholds: people {PERSON_THRESHOLD}, incidents "
          f"{INCIDENT_THRESHOLD}; the others cut at {THRESHOLD})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
