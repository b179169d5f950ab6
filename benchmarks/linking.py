"""Linking quality against the linking gold set: ``python -m benchmarks.linking``.

Pairwise and B-cubed precision, recall and F1 for people and incidents, on two
inputs: the gold documents themselves (what the linker does with perfect
extraction) and the pipeline's output of the same texts (``testimony run``, then
``testimony link``; pipeline records are matched to gold records by document and
name, or document, type and trigger). The gold is split: the pairs numbered 1–11
and the annotated sets were used to design the comparisons and choose the default
thresholds (``--split dev``); pairs 12–22 were not looked at while doing so
(``--split heldout``). ``--sweep`` prints scores over thresholds; ``--errors``
lists the wrong and missed links (on the development split only).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from pipeline.link import INCIDENT_THRESHOLD, PERSON_THRESHOLD, link
from pipeline.link.evaluate import score
from pipeline.link.gold import gold_tables, labels, read_gold
from pipeline.link.names import parse_name
from pipeline.link.records import event_key, person_key
from pipeline.records import split_names

HELDOUT_PAIRS = {f"{kind}_{n:02d}" for kind in ("same", "near") for n in range(12, 23)}


def split_of(origin: str) -> str:
    pair = origin.split(":")[-1]
    return "heldout" if pair in HELDOUT_PAIRS else "dev"


def predicted_labels(result, tables) -> tuple[dict[str, str], dict[str, str]]:
    """Record key -> predicted person / incident id."""
    people = {person_key(d, n): p for d, n, p in zip(result.person_events["doc_id"],
                                                      result.person_events["name"],
                                                      result.person_events["person_id"])}
    named = result.mention_people.merge(tables.mentions[["doc_id", "mention_id", "normal"]],
                                        on=["doc_id", "mention_id"])
    people |= {person_key(d, str(n)): p for d, n, p in zip(named["doc_id"], named["normal"],
                                                          named["person_id"])}
    incidents = {event_key(d, e): i for d, e, i in zip(result.event_incidents["doc_id"],
                                                       result.event_incidents["event_id"],
                                                       result.event_incidents["incident_id"])
                 if isinstance(i, str)}
    return people, incidents


def restrict(gold: dict[str, str], docs: set[str]) -> dict[str, str]:
    return {k: v for k, v in gold.items() if k.split(" | ")[0] in docs}


def scores_on_gold(docs, person_threshold, incident_threshold, split: str) -> dict:
    tables = gold_tables(docs)
    result = link("gold", write=False, tables=tables, person_threshold=person_threshold,
                  incident_threshold=incident_threshold)
    people, incidents = predicted_labels(result, tables)
    gold_people, gold_incidents = labels(docs)
    chosen = {d.doc_id for d in docs if split == "all" or split_of(d.origin) == split}
    return {"people": score(people, restrict(gold_people, chosen)),
            "incidents": score(incidents, restrict(gold_incidents, chosen)),
            "_result": result, "_pred": (people, incidents),
            "_gold": (restrict(gold_people, chosen), restrict(gold_incidents, chosen))}


def run_pipeline(docs, folder: Path) -> Path:
    """``testimony run`` over the gold texts (each as ``doc_id.txt``)."""
    texts = folder / "texts_in"
    texts.mkdir()
    for doc in docs:
        (texts / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
    out = folder / "out"
    subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(texts), "-o", str(out),
                    "-q", "-j", "2"], check=False, capture_output=True)
    return out


def match_pipeline(docs, tables) -> tuple[dict[str, str], dict[str, str]]:
    """Pipeline record key -> gold record key, by document and name / type and trigger."""
    people, events = {}, {}
    by_doc = {d.doc_id: d for d in docs}
    per = tables.mentions[tables.mentions["type"] == "PER"]
    for doc_id, name in {(d, str(n)) for d, n in zip(per["doc_id"], per["normal"])
                         if isinstance(n, str)} | {
            (d, n) for d, p in zip(tables.events["doc_id"], tables.events["persons"])
            for n in split_names(p)}:
        doc = by_doc.get(doc_id)
        if doc is None:
            continue
        mine = parse_name(name)
        for person in doc.people:
            theirs = parse_name(person["name"])
            same_surname = mine.surname and mine.surname == theirs.surname
            same_first = (mine.first_initial == theirs.first_initial
                          or mine.first_initial is None or theirs.first_initial is None)
            if (same_surname and same_first) or (not mine.surname and not theirs.surname
                                                 and mine.first == theirs.first):
                people[person_key(doc_id, name)] = person_key(doc_id, person["name"])
                break
    taken = set()
    rows = tables.events.sort_values(["doc_id", "start"])
    for doc_id, event_id, kind, start, evidence in rows[["doc_id", "event_id", "type", "start",
                                                        "evidence"]].itertuples(index=False):
        doc = by_doc.get(doc_id)
        if doc is None:
            continue
        candidates = [(abs((e.get("start") or 0) - int(start)), i) for i, e in
                      enumerate(doc.events) if e["type"] == kind and (doc_id, i) not in taken
                      and e.get("trigger", "\0")[:5].lower() in str(evidence).lower()]
        if candidates:
            _, i = min(candidates)
            taken.add((doc_id, i))
            events[event_key(doc_id, int(event_id))] = event_key(doc_id, i)
    return people, events


def scores_end_to_end(docs, person_threshold, incident_threshold, split: str) -> dict:
    from pipeline.research.loading import load

    with tempfile.TemporaryDirectory() as folder:
        out = run_pipeline(docs, Path(folder))
        tables = load(out)
        result = link(out, write=False, tables=tables, person_threshold=person_threshold,
                      incident_threshold=incident_threshold)
    people, incidents = predicted_labels(result, tables)
    to_gold_people, to_gold_events = match_pipeline(docs, tables)
    gold_people, gold_incidents = labels(docs)
    chosen = {d.doc_id for d in docs if split == "all" or split_of(d.origin) == split}
    # Score the pipeline's records that stand for a gold record, under the gold's labels.
    mapped_gold_p = {k: gold_people[g] for k, g in to_gold_people.items() if g in gold_people
                     and k.split(" | ")[0] in chosen}
    mapped_gold_i = {k: gold_incidents[g] for k, g in to_gold_events.items()
                     if g in gold_incidents and k.split(" | ")[0] in chosen}
    return {"people": score(people, mapped_gold_p), "incidents": score(incidents, mapped_gold_i),
            "coverage": {"people": f"{len(set(to_gold_people.values()) & set(gold_people))}"
                                   f"/{len(restrict(gold_people, chosen))}",
                         "events": f"{len(mapped_gold_i)}/{len(restrict(gold_incidents, chosen))}"}}


def print_errors(found: dict, kind: str) -> None:
    predicted, gold = found["_pred"][0 if kind == "people" else 1], \
        found["_gold"][0 if kind == "people" else 1]
    from collections import defaultdict
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for k in gold:
        by_pred[predicted.get(k, "alone:" + k)].add(k)
        by_gold[gold[k]].add(k)
    for members in by_pred.values():
        labels_ = {gold[k] for k in members}
        if len(labels_) > 1:
            print(f"  wrong {kind}: {sorted(members)}")
    for members in by_gold.values():
        preds = {predicted.get(k, "alone:" + k) for k in members}
        if len(preds) > 1:
            print(f"  missed {kind}: {sorted(members)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.linking", description=__doc__)
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default=None)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--no-pipeline", action="store_true", help="gold input only")
    args = parser.parse_args(argv)
    docs = read_gold()
    print(f"linking gold: {len(docs)} documents "
          f"({sum(d.origin.startswith(('same', 'near')) for d in docs)} written for linking)")
    splits = [args.split] if args.split else ["dev", "heldout", "all"]
    if args.sweep:
        for pt in (0.5, 0.7, 0.8, 0.9, 0.95, 0.99):
            found = scores_on_gold(docs, pt, pt, "dev")
            print(f"threshold {pt}: people {found['people']['pairwise']}  "
                  f"incidents {found['incidents']['pairwise']}")
        return 0
    report = {}
    for split in splits:
        found = scores_on_gold(docs, PERSON_THRESHOLD, INCIDENT_THRESHOLD, split)
        report[f"gold input, {split}"] = {k: found[k] for k in ("people", "incidents")}
        if args.errors and split == "dev":
            print_errors(found, "people")
            print_errors(found, "incidents")
    if not args.no_pipeline:
        for split in splits:
            report[f"pipeline output, {split}"] = scores_end_to_end(
                docs, PERSON_THRESHOLD, INCIDENT_THRESHOLD, split)
    for name, found in report.items():
        print(f"{name}:")
        for kind in ("people", "incidents"):
            pw, b3 = found[kind]["pairwise"], found[kind]["bcubed"]
            print(f"  {kind:9} pairwise P/R/F1 {pw['precision']:.3f} / {pw['recall']:.3f} / "
                  f"{pw['f1']:.3f} ({pw['n']} gold links)   B-cubed F1 {b3['f1']:.3f} "
                  f"({b3['n']} records)")
        if "coverage" in found:
            print(f"  records matched to gold: {json.dumps(found['coverage'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
