"""Missed incident links, each pair spelt out: ``python -m benchmarks.linking_misses``.

``benchmarks.linking --errors`` names the records of a missed link; this listing shows
why it was missed. For every pair of events of one gold incident that the linker left
in two incidents (on the gold documents and on the pipeline's output of the same
texts, under the gold labels of the records they stand for), it prints both records as
the linker compared them (type, date, place and its city, people, counts and amounts,
the evidence sentence), the pair's match weight per comparison, and a first guess at
why they stayed apart:

- ``not a record``: one event is not compared at all (negated, or not an event that
  happened);
- ``types differ``: the two are of other types (or aggregate flags), never compared;
- ``not blocked``: of one type, but no blocking rule made the pair;
- ``kept apart: …``: scored at or above the threshold, and a clustering rule refused it;
- ``below threshold``: scored, too weak; the weakest comparisons are named;
- ``joined elsewhere``: each is in a cluster the other's document already has a record of.

Development splits only (``dev`` and its named parts), as ``--errors`` is: nobody reads
the pipeline's output on held-out statements.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pipeline.link as linking
from benchmarks.linking import (
    DEV_PARTS, chosen_docs, match_events, pipeline_output, split_of)
from pipeline.batch.run import pipeline_version
from pipeline.link import INCIDENT_THRESHOLD, link
from pipeline.link.gold import gold_tables, labels, read_gold
from pipeline.link.records import EVENT_KEY, event_key, key_parts
from pipeline.research.loading import load

FIELDS = ("type", "aggregate", "date_start", "date_end", "date_precision", "place",
          "place_canonical", "city", "country", "person_ids", "doc_person_ids", "count_min",
          "count_max", "amount_min", "currency", "term_min", "term_unit", "doc_date")


def link_keeping_records(source, tables):
    """``link`` on ``tables``, and the event records it compared and the pairs a rule kept
    apart (captured from the functions it calls; the linker itself keeps neither)."""
    kept = {}
    records_of, apart_of = linking.event_records, linking.pairs_kept_apart

    def records(*args, **kwargs):
        kept["events"] = records_of(*args, **kwargs)
        return kept["events"]

    def apart(*args, **kwargs):
        kept["apart"] = apart_of(*args, **kwargs)
        return kept["apart"]

    linking.event_records, linking.pairs_kept_apart = records, apart
    try:
        result = link(source, write=False, tables=tables)
    finally:
        linking.event_records, linking.pairs_kept_apart = records_of, apart_of
    return result, kept["events"], kept["apart"]


def _value(v):
    if v is None or (isinstance(v, float) and v != v):
        return "-"
    if hasattr(v, "tolist"):
        v = v.tolist()
    return v


def missed_pairs(result, events, apart, gold_of: dict[str, str], chosen: set[str]):
    """(key a, key b, why, scored pair or None) for each pair of one gold incident left
    in two incidents, records of different documents of the chosen split."""
    incident_of = {event_key(d, e): i for d, e, i in result.event_incidents[
        ["doc_id", "event_id", "incident_id"]].itertuples(index=False)}
    row_of = {k: i for i, k in enumerate(events[EVENT_KEY])}
    scored = {frozenset((l, r)): row for row in result.event_pairs.itertuples(index=False)
              for l, r in [(row.left, row.right)]}
    refused = {frozenset((events[EVENT_KEY].iat[i], events[EVENT_KEY].iat[j])): why
               for i, j, why in apart}
    by_gold = defaultdict(list)
    for key, label in gold_of.items():
        if key_parts(key)[0] in chosen:
            by_gold[label].append(key)
    found = []
    for keys in by_gold.values():
        for a, b in combinations(sorted(keys), 2):
            if key_parts(a)[0] == key_parts(b)[0]:
                continue
            if incident_of.get(a) is not None and incident_of.get(a) == incident_of.get(b):
                continue
            pair = scored.get(frozenset((a, b)))
            if a not in row_of or b not in row_of:
                why = "not a record"
            else:
                ra, rb = events.iloc[row_of[a]], events.iloc[row_of[b]]
                if (ra["type"], ra["aggregate"]) != (rb["type"], rb["aggregate"]):
                    why = "types differ"
                elif frozenset((a, b)) in refused:
                    why = f"kept apart: {refused[frozenset((a, b))]}"
                elif pair is None:
                    why = "not blocked (or far below the threshold)"
                elif pair.match_probability < INCIDENT_THRESHOLD:
                    weights = {c[3:]: getattr(pair, c) for c in result.event_pairs.columns
                               if c.startswith("mw_")}
                    weakest = sorted(weights, key=weights.get)[:2]
                    why = "below threshold (weakest: " + ", ".join(
                        f"{c} {weights[c]:+.1f}" for c in weakest) + ")"
                else:
                    why = "joined elsewhere"
            found.append((a, b, why, pair))
    return found


def show(title, missed, events, evidence) -> Counter:
    print(f"\n== {title}: {len(missed)} missed incident pairs")
    row_of = {k: i for i, k in enumerate(events[EVENT_KEY])}
    classes = Counter()
    for a, b, why, pair in missed:
        classes[why.split(" (")[0].split(":")[0]] += 1
        weight = "-" if pair is None else f"{pair.match_weight:+.1f} bits, p {pair.match_probability:.3f}"
        print(f"\n{a}  ~  {b}\n  why: {why}; score {weight}")
        if pair is not None:
            print("  levels: " + ", ".join(
                f"{c[3:]} {getattr(pair, c):+.1f}" for c in pair._fields if c.startswith("mw_")))
        for key in (a, b):
            if key in row_of:
                record = events.iloc[row_of[key]]
                print(f"  {key}: " + "; ".join(f"{f}={_value(record[f])}" for f in FIELDS
                                              if _value(record[f]) != "-"))
            print(f"    «{evidence.get(key, '')}»")
    print(f"\n{title}: " + ", ".join(f"{k} {n}" for k, n in classes.most_common()))
    return classes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.linking_misses",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", *DEV_PARTS), default="dev")
    parser.add_argument("--keep", type=Path, help="the pipeline's output folder of "
                        "`benchmarks.linking --keep` (run into it if empty)")
    parser.add_argument("--no-pipeline", action="store_true", help="gold input only")
    args = parser.parse_args(argv)
    # The code listed, by its folder (a run outside a worktree imports /work/main's).
    print(f"code: {Path(linking.__file__).parents[2]} ({pipeline_version()})")
    docs = [d for d in read_gold() if split_of(d.origin) == "dev"]
    gold = labels(docs)[1]
    chosen = chosen_docs(docs, args.split)

    tables = gold_tables(docs)
    result, events, apart = link_keeping_records("gold", tables)
    show(f"gold input, {args.split}", missed_pairs(result, events, apart, gold, chosen),
         events, linking._evidence(tables))
    if args.no_pipeline:
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        out = pipeline_output(docs, args.keep, scratch)
        tables = load(out)
        result, events, apart = link_keeping_records(out, tables)
        mapped = {k: gold[g] for k, g in match_events(docs, tables).items() if g in gold}
        show(f"pipeline output, {args.split}", missed_pairs(result, events, apart, mapped, chosen),
             events, linking._evidence(tables))
    return 0


if __name__ == "__main__":
    sys.exit(main())
