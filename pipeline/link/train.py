"""Fit the shipped linking parameters: ``python -m pipeline.link.train``.

On a synthetic corpus (:mod:`pipeline.link.synthetic`, made from the development
documents only — never the held-out set or the linking gold) whose true people
and incidents are known: u by splink's random sampling, m from the true clusters
(``estimate_m_from_label_column``), the prior from the true pairs; a level
fitted to weigh less than one its meaning orders below it is pooled with that one
(:func:`pipeline.link.engine.ordered_levels`, on each model's ``order``). People first;
the people model's own clusters give the events their ``person_id``\\ s (with its
mistakes, as in use), then incidents. Writes ``models/link_people.json`` and
``models/link_incidents.json``.

``--method em`` fits m by expectation maximisation instead, splink's unsupervised
route; on our development gold it did worse (README, "Linking"): EM settles on
m probabilities that make every person's events fall in one year and one city,
so an activist detained again years later is never linked.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import combinations

import pandas as pd

from ..tables import write_text_atomically
from .cluster import cluster
from .engine import (
    U_SAMPLE_PAIRS,
    Model,
    fitted_parameters,
    make_linker,
    ordered_levels,
    quiet_splink,
    train,
)
from .incidents import INCIDENTS
from .people import PEOPLE
from .records import (
    EVENT_KEY,
    PERSON_KEY,
    document_context,
    event_places,
    event_records,
    person_records,
    stable_id,
)

TRAINING_EVENTS = 20_000
TRAINING_SEED = 7
TRAINING_THRESHOLD = 0.9
LABELS, EM = "labels", "em"


def _fit_model(records: pd.DataFrame, truth: dict[str, str], key: str, model: Model,
               method: str, seed: int) -> dict:
    """m, u and the prior of one model on labelled synthetic records."""
    if method == EM:
        linker = make_linker(records, model, parameters={})
        train(linker, model, seed)
        return fitted_parameters(linker, model)
    labelled = records.assign(truth=records[key].map(truth).fillna(records[key]))
    linker = make_linker(labelled, model, parameters={}, extra_columns=["truth"])
    with quiet_splink():
        linker.training.estimate_u_using_random_sampling(max_pairs=U_SAMPLE_PAIRS, seed=seed)
        linker.training.estimate_m_from_label_column("truth")
    # A level the synthetic truth seldom reaches may be fitted below a weaker one:
    # pooled with it (engine.ordered_levels, on model.order).
    fitted = ordered_levels(fitted_parameters(linker, model), model.order)
    fitted["probability_two_random_records_match"] = _true_prior(labelled)
    fitted["fitted_records"] = len(labelled)  # the size that prior holds for
    return fitted


def _true_prior(records: pd.DataFrame) -> float:
    """Share of pairs of records from different documents that are one person or incident."""
    n = len(records)
    same_doc = sum(c * (c - 1) // 2 for c in records["doc_id"].value_counts())
    pairs = n * (n - 1) // 2 - same_doc
    matches = 0
    for members in records.groupby("truth")["doc_id"]:
        docs = list(members[1])
        matches += sum(a != b for a, b in combinations(docs, 2))
    return matches / pairs if pairs else 0.0


def fit(n_events: int = TRAINING_EVENTS, seed: int = TRAINING_SEED,
        method: str = LABELS) -> dict[str, dict]:
    """Parameters for both models, fitted on a synthetic corpus of ``n_events`` events."""
    from .synthetic import make_corpus

    corpus = make_corpus(n_events, seed)
    tables = corpus.tables
    context = document_context(tables)
    places = event_places(tables, context)
    persons = person_records(tables, places, context)
    people = _fit_model(persons, corpus.people, PERSON_KEY, PEOPLE, method, seed)
    linker = make_linker(persons, PEOPLE, parameters=people)
    with quiet_splink():
        pairs = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    clusters = cluster(list(persons["doc_id"]),
                       zip(pairs["unique_id_l"], pairs["unique_id_r"],
                           pairs["match_probability"]), TRAINING_THRESHOLD,
                       whereabouts=list(persons["whereabouts"]))
    person_of = {k: stable_id("p", str(c)) for k, c in zip(persons[PERSON_KEY], clusters.labels)}
    events = event_records(tables, places, person_of)
    incidents = _fit_model(events, corpus.incidents, EVENT_KEY, INCIDENTS, method, seed)
    return {"people": people, "incidents": incidents}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.link.train", description=__doc__)
    parser.add_argument("--events", type=int, default=TRAINING_EVENTS)
    parser.add_argument("--seed", type=int, default=TRAINING_SEED)
    parser.add_argument("--method", choices=[LABELS, EM], default=LABELS)
    args = parser.parse_args(argv)
    fitted = fit(args.events, args.seed, args.method)
    for model in (PEOPLE, INCIDENTS):
        params = fitted[model.name] | {
            "fitted_on": f"synthetic corpus, {args.events} events, seed {args.seed}, "
                         f"m {'from the true clusters' if args.method == LABELS else 'by EM'}"}
        write_text_atomically(model.parameters_path,
                              json.dumps(params, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {model.parameters_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
