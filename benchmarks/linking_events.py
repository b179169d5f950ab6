"""The events stage on the linking statements: ``python -m benchmarks.linking_events``.

The linking gold (:mod:`benchmarks.linking`) holds short statements in the manner of
real testimony, each with gold events (type, trigger, date, place, persons). This
harness reads them as a development set of the events stage: it runs the pipeline on
the development statements (or reuses ``--keep DIR``), matches the pipeline's events
to the gold events as the linking benchmark does (:func:`benchmarks.linking.match_events`:
overlapping triggers of one type, else the nearest gold event of that type in the
sentence; one to one) and says

- how many gold records the pipeline produced (negated gold events left out, as the
  linking benchmark's coverage does), per split;
- for the matched events, how often date, place and persons agree with the gold;
- with ``--list``, every gold event it did not produce, every pipeline event with no
  gold event, and every matched event whose date, place or persons differ, with its
  sentence (a gold event whose trigger a pipeline event of another type overlaps is
  listed as a wrong type).

Development splits only (``dev`` and its named parts ``heldout_4``, ``dev_6``,
``dev_7``, ``dev_8``); the held-out splits are refused, as ``--errors`` and ``--keep`` are there:
nobody reads the pipeline's output on them. ``dev`` includes the annotated documents of
samples and dev (``--pairs`` keeps only the statements written for linking). Every
figure is on material the events stage has been tuned on since this harness exists.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from razdel import sentenize

from benchmarks.linking import (
    DEV_PARTS, in_split, is_development, match_events, match_people, pipeline_output, split_of)
from pipeline.link.gold import PAIR_FILES, read_gold
from pipeline.link.places import resolve
from pipeline.link.records import event_key, key_parts
from pipeline.records import split_names
from pipeline.research.loading import load

FIELDS = ("date", "place", "persons")


def _written_for_linking(doc) -> bool:
    return doc.origin.startswith(tuple(f"{Path(n).stem}:" for n in PAIR_FILES))


def _sentence(text: str, offset: int | None) -> str:
    if offset is None:
        return ""
    for s in sentenize(text):
        if s.start <= offset < s.stop:
            return s.text
    return ""


def _date(start, end) -> tuple[str | None, str | None]:
    def day(value):
        if value is None or value != value:
            return None
        return str(value)[:10]
    return day(start), day(end)


def _place(value) -> str | None:
    if value is None or value != value or not str(value).strip():
        return None
    return resolve(str(value)).place


def compare(gold: dict, mine: dict, people: dict[str, str]) -> dict[str, tuple]:
    """The fields (date, place, persons) on which a matched pipeline event differs from
    its gold event: field -> (gold value, pipeline value). ``people``: the pipeline's
    person names of this document -> the gold names they stand for."""
    differ = {}
    theirs = _date(gold.get("date_start"), gold.get("date_end"))
    ours = _date(mine["date_start"], mine["date_end"])
    if theirs != ours:
        differ["date"] = (theirs, ours)
    theirs, ours = _place(gold.get("place")), _place(mine["place"])
    if theirs != ours:
        differ["place"] = (theirs, ours)
    theirs = set(gold.get("persons") or [])
    named = split_names(mine["persons"]) if isinstance(mine["persons"], str) else []
    ours = {people.get(n, n) for n in named}
    if theirs != ours:
        differ["persons"] = (sorted(theirs), sorted(ours))
    return differ


def listing(docs, out: Path, split: str, show: bool) -> dict:
    """Coverage and per-field agreement on ``split`` (printing the listing if ``show``)."""
    tables = load(out)
    to_gold = match_events(docs, tables)
    to_gold_person = match_people(docs, tables)
    chosen = [d for d in docs if in_split(d.origin, split)]
    by_doc = {d.doc_id: d for d in chosen}
    events = tables.events[tables.events["doc_id"].isin(by_doc)]
    matched_gold = {g: k for k, g in to_gold.items() if key_parts(k)[0] in by_doc}
    counts = Counter()
    for doc in chosen:
        people = {key_parts(k)[1]: key_parts(g)[1] for k, g in to_gold_person.items()
                  if key_parts(k)[0] == doc.doc_id}
        mine_here = events[events["doc_id"] == doc.doc_id]
        rows = {int(r["event_id"]): r for r in mine_here.to_dict("records")}
        lines = []
        for i, gold in enumerate(doc.events):
            if gold.get("negated"):
                continue
            counts["gold"] += 1
            key = matched_gold.get(event_key(doc.doc_id, i))
            sentence = _sentence(doc.text, gold.get("start"))
            if key is None:
                span = (gold.get("start"), gold.get("end"))
                other = [r for r in rows.values() if span[0] is not None and r["start"] is not None
                         and r["start"] < span[1] and span[0] < r["end"]]
                kind = f"wrong type ({other[0]['type']})" if other else "missed"
                counts["wrong type" if other else "missed"] += 1
                lines.append(f"  {kind}: gold {gold['type']} «{gold.get('trigger')}» "
                             f"[{sentence}]")
                continue
            counts["matched"] += 1
            differ = compare(gold, rows[int(key_parts(key)[1])], people)
            for field in FIELDS:
                counts[f"{field} agree"] += field not in differ
            for field, (theirs, ours) in differ.items():
                lines.append(f"  {field}: {gold['type']} «{gold.get('trigger')}» gold {theirs} "
                             f"pipeline {ours} [{sentence}]")
        for event_id, r in rows.items():
            if event_key(doc.doc_id, event_id) in to_gold or r.get("negated"):
                continue
            counts["extra"] += 1
            lines.append(f"  extra: {r['type']} «{r['trigger']}» [{r['evidence']}]")
        if show and lines:
            print(f"{doc.doc_id} ({doc.origin}):")
            print("\n".join(lines))
    return counts


def report(split: str, counts: Counter) -> None:
    matched = counts["matched"]
    agree = "; ".join(f"{f} {counts[f + ' agree']}/{matched}" for f in FIELDS)
    print(f"{split}: gold records matched {matched}/{counts['gold']} "
          f"(missed {counts['missed']}, wrong type {counts['wrong type']}); "
          f"pipeline events with no gold {counts['extra']}; agreement of the matched: {agree}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.linking_events",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="all-dev",
                        help="dev, or a part of it (" + ", ".join(DEV_PARTS) + "); default: "
                             "dev and each part")
    parser.add_argument("--list", action="store_true", help="list every difference")
    parser.add_argument("--pairs", action="store_true",
                        help="only the statements written for linking")
    parser.add_argument("--keep", type=Path, help="run the pipeline into this folder and keep "
                                                  "it (reused if it holds an output)")
    args = parser.parse_args(argv)
    splits = ["dev", *DEV_PARTS] if args.split == "all-dev" else [args.split]
    for split in splits:
        if not is_development(split):
            parser.error(f"--split {split}: development splits only (dev, "
                         + ", ".join(DEV_PARTS) + "); nobody reads the pipeline's output on "
                         "held-out statements")
    # Development only: held-out statements are never run through the pipeline.
    docs = [d for d in read_gold() if split_of(d.origin) == "dev"]
    if args.pairs:
        docs = [d for d in docs if _written_for_linking(d)]
    with tempfile.TemporaryDirectory() as scratch:
        out = pipeline_output(docs, args.keep, scratch)
        for split in splits:
            counts = listing(docs, out, split, args.list and split == splits[0])
            report(split, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
