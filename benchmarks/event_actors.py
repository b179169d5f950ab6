"""Event actors on the development sets: every matched event whose actors are not gold's, by class.

    python -m benchmarks.event_actors                        # every development set
    python -m benchmarks.event_actors --set ovdinfo-dev      # some (repeat --set)
    python -m benchmarks.event_actors --list                 # and every such event, with its sentence

Development sets only, refused otherwise, run and compared as :mod:`benchmarks.event_persons`
runs and compares persons. A matched event's actors are right when they are gold's set of
kinds (police, court, …), and "none" is right where gold gives none. The others, by class:
``missing`` (gold gives actors, the output none), ``extra`` (the output gives actors where gold
gives none), ``fewer``, ``more``, ``other actor`` (none of gold's, another given: the listing
prints both, prefixed ``gold→given``) and ``mixed``.

>>> main(["--set", "ovdinfo-heldout"])
Traceback (most recent call last):
...
SystemExit: 2
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from benchmarks.event_dates import development_args, listing_runs, matched_events, print_misses
from benchmarks.event_persons import PersonMiss, classify
from benchmarks.quality import GoldSet
from pipeline.records import split_names


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path) -> tuple[Counter, list[PersonMiss]]:
    """Right and wrong actors of one set's matched events (a miss keeps the actors in the
    ``gold`` and ``given`` of a :class:`~benchmarks.event_persons.PersonMiss`)."""
    counts, misses = Counter(), []
    for doc_id, scored, gi, pi, text in matched_events(gold_set, out_dir, tmp):
        want, got = split_names(gi.values.get("actors")), split_names(pi.values.get("actors"))
        counts["gold actors" if want else "gold none"] += 1
        kind = classify(want, got)
        if kind is None:
            counts["right"] += 1
            continue
        row = pi.values
        sentence = scored.out.sentence_at(row["start"]) or {}
        misses.append(PersonMiss(gold_set.name, doc_id, row.get("page"), row["type"],
                                 text[row["start"]:row["end"]], " ".join((sentence.get("text") or "").split()),
                                 tuple(want), tuple(got), kind.replace("person", "actor")))
    return counts, misses


def main(argv: list[str] | None = None) -> int:
    args = development_args(__doc__, "actors", argv)
    for gold_set, out, tmp in listing_runs(args):
        counts, misses = analyse(gold_set, out, tmp)
        with_actors = counts["gold actors"]
        wrong_with = sum(1 for m in misses if m.gold)
        print(f"\n== {gold_set.title}: matched {with_actors + counts['gold none']}, "
              f"actors right {with_actors - wrong_with}/{with_actors} where gold names actors"
              f", {counts['right'] - with_actors + wrong_with}/{counts['gold none']} where it names none")
        print_misses(misses, args.list,
                     lambda m: f"gold {'; '.join(m.gold) or '-'} given {'; '.join(m.given) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
