"""Fit the shipped linking parameters: ``python -m pipeline.link.train``.

splink's unsupervised workflow on a synthetic corpus
(:mod:`pipeline.link.synthetic`, made from the development documents only — never
the held-out set or the linking gold): u by random sampling, the prior from
near-certain rules, m by EM. People first; their clusters give the events their
``person_id``\\ s, then incidents. Writes ``models/link_people.json`` and
``models/link_incidents.json``; ``testimony link`` uses them as they are on small
outputs and re-fits on large ones.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..tables import write_text_atomically
from .cluster import cluster
from .engine import fitted_parameters, make_linker, quiet_splink, train
from .incidents import INCIDENTS
from .people import PEOPLE
from .records import (
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


def fit(n_events: int = TRAINING_EVENTS, seed: int = TRAINING_SEED) -> dict[str, dict]:
    """Parameters for both models, fitted on a synthetic corpus of ``n_events`` events."""
    from .synthetic import make_corpus

    tables = make_corpus(n_events, seed).tables
    context = document_context(tables)
    places = event_places(tables, context)
    persons = person_records(tables, places, context)
    linker = make_linker(persons, PEOPLE, parameters={})
    train(linker, PEOPLE)
    people = fitted_parameters(linker, PEOPLE)
    with quiet_splink():
        pairs = linker.inference.predict(threshold_match_probability=0.5).as_pandas_dataframe()
    clusters = cluster(list(persons["doc_id"]),
                       zip(pairs["unique_id_l"], pairs["unique_id_r"],
                           pairs["match_probability"]), TRAINING_THRESHOLD)
    person_of = {k: stable_id("p", str(c)) for k, c in zip(persons[PERSON_KEY], clusters.labels)}
    events = event_records(tables, places, person_of)
    linker = make_linker(events, INCIDENTS, parameters={})
    train(linker, INCIDENTS)
    return {"people": people, "incidents": fitted_parameters(linker, INCIDENTS)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.link.train", description=__doc__)
    parser.add_argument("--events", type=int, default=TRAINING_EVENTS)
    parser.add_argument("--seed", type=int, default=TRAINING_SEED)
    args = parser.parse_args(argv)
    fitted = fit(args.events, args.seed)
    for model in (PEOPLE, INCIDENTS):
        params = fitted[model.name] | {"fitted_on": f"synthetic corpus, {args.events} events, "
                                                     f"seed {args.seed}"}
        write_text_atomically(model.parameters_path,
                              json.dumps(params, ensure_ascii=False, indent=1) + "\n")
        print(f"wrote {model.parameters_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
