"""Thresholds chosen with one development part left out: ``python -m benchmarks.linking_splits``.

The linker's m and u are fitted on a synthetic corpus made from the annotated development
documents (``pipeline.link.train``), never on the linking pairs; what the pairs choose is
the two thresholds (``benchmarks.linking --cv``). Leave-one-group-out mixes every batch of
pairs in each fold; this leaves out a whole batch written at one time (``dev_6``,
``dev_7``, … and the rest of the development split: the older pairs, the former
``heldout_4`` and the annotated sets), chooses each threshold on the other batches (the
middle of the best pairwise F1's plateau, gold input), and scores the batch left out at
it, against the threshold shipped. A batch's figure at a threshold chosen without it is
what a new batch of the same kinds may expect; the spread over batches says how much the
choice depends on the pairs it was made on. Development material only (gold input).
"""

from __future__ import annotations

import argparse
import sys

from pipeline.link import INCIDENT_THRESHOLD, PERSON_THRESHOLD
from pipeline.link.evaluate import from_counts, pairwise_counts
from pipeline.link.gold import labels, read_gold

from .linking import CV_GRID, DEV_PARTS, _middle_best, link_gold, restrict, split_of

REST = "rest of dev"


def parts_of(docs) -> dict[str, set[str]]:
    """Development part -> its documents: each batch of ``DEV_PARTS`` written after round 8
    (``heldout_4``, once held out, stays with the rest) and the rest."""
    batches = {name: pairs for name, pairs in DEV_PARTS.items() if name != "heldout_4"}
    found: dict[str, set[str]] = {name: set() for name in (*batches, REST)}
    for doc in docs:
        pair = doc.origin.split(":")[-1]
        name = next((n for n, pairs in batches.items() if pair in pairs), REST)
        found[name].add(doc.doc_id)
    return {name: ids for name, ids in found.items() if ids}


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m benchmarks.linking_splits",
                            description=__doc__).parse_args(argv)
    docs = [d for d in read_gold() if split_of(d.origin) == "dev"]
    gold = labels(docs)
    parts = parts_of(docs)
    print("leave one development batch out (gold input, pairwise F1); "
          + ", ".join(f"{n}: {len(ids)} documents" for n, ids in parts.items()))
    people_threshold = PERSON_THRESHOLD
    for i, kind in enumerate(("people", "incidents")):
        shipped = PERSON_THRESHOLD if kind == "people" else INCIDENT_THRESHOLD
        predicted = {t: (link_gold(docs, t, INCIDENT_THRESHOLD) if kind == "people"
                         else link_gold(docs, people_threshold, t))[i] for t in CV_GRID}
        counts = {name: {t: pairwise_counts(predicted[t], restrict(gold[i], ids))
                         for t in CV_GRID} for name, ids in parts.items()}
        if shipped not in CV_GRID:
            predicted_shipped = (link_gold(docs, shipped, INCIDENT_THRESHOLD) if kind == "people"
                                 else link_gold(docs, people_threshold, shipped))[i]
        else:
            predicted_shipped = predicted[shipped]
        for left_out in parts:
            others = {t: [sum(c) for c in zip(*(counts[n][t] for n in parts if n != left_out))]
                      for t in CV_GRID}
            chosen = _middle_best({t: from_counts(*others[t]).f1 for t in CV_GRID})
            at_chosen = from_counts(*counts[left_out][chosen])
            at_shipped = from_counts(*pairwise_counts(predicted_shipped,
                                                      restrict(gold[i], parts[left_out])))
            print(f"  {kind:9} {left_out:11} left out: chosen {chosen:<6} -> "
                  f"{at_chosen.precision:.3f} / {at_chosen.recall:.3f} / {at_chosen.f1:.3f} "
                  f"({at_chosen.n} links); at the shipped {shipped}: {at_shipped.f1:.3f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
