"""The realis step on its own: is each candidate trigger a specific happening?

    python -m benchmarks.realis                        # every set
    python -m benchmarks.realis --set ovdinfo-heldout  # some sets (repeat --set)

Every trigger the lexicon finds in a set's documents is a *candidate*; the realis step
(:mod:`pipeline.events.realis`) keeps it as a specific happening or rejects it as a law,
habit, statistic, hypothesis, generic class or endnote. A candidate is a gold happening
when a hand-annotated event is told by an overlapping span (its trigger or an ``also``
span), or is of the same type and told in the same sentence or within 100 characters.
Precision and recall are those of *keeping*: of the kept candidates, how many are gold
happenings; of the candidates that are gold happenings, how many are kept. The rules
are scored, and the trained classifier (``models/realis_classifier.json``) beside them
whether or not it is enabled; ``kept: all`` is what no realis step at all would give.
Per label (development sets only): how many candidates the rules gave it and how many
of those were gold happenings all the same (wrongly rejected).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.quality import SETS, GoldSet
from pipeline.batch.run import run_batch
from pipeline.analysis import analyse
from pipeline.events.realis import LABELS, SPECIFIC, classifier, decide_by_rules, probability
from pipeline.gold import read_gold
from pipeline.nlp import load_models
from pipeline.reconcile import find_output, gold_event_spans
from pipeline.resources import load_json
from pipeline.normalise import normalise
from pipeline.tables import OutputDocument, read_output

NEAR = 100  # as reconcile matches events
HELD_OUT = {"heldout", "ovdinfo-heldout"}  # scored only: their candidates are never shown


@dataclass(frozen=True, slots=True)
class Labelled:
    """One candidate, its cues and whether a gold event tells it."""

    set: str
    doc_id: str
    type: str
    start: int
    end: int
    cues: frozenset[str]
    gold: bool


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _candidates(out: OutputDocument, out_dir: Path, models) -> list:
    """Every candidate trigger of the document, judged, as the run that wrote ``out_dir``
    found them: its clean text normalised again from the raw text the run kept, so the
    layout that text had is known."""
    text = out.text or ""
    raw = Path(out_dir) / "texts" / f"{out.doc_id}.raw.txt"
    clean = normalise(raw.read_bytes().decode("utf-8")) if raw.is_file() else None  # every character, \r too
    judged: list = []
    analyse(clean if clean is not None and clean.text == text else text, models, judged=judged)
    return judged


def labelled_candidates(gold_set: GoldSet, out_dir: Path, tmp: Path, models, cache: dict) -> list[Labelled]:
    """Every candidate of the set's gold documents (or pages), labelled by the gold."""
    outs = {doc.doc_id: doc for doc in read_output(out_dir)}
    found = []
    for gold in read_gold(gold_set.gold_folder(tmp)):
        if not gold.has_events:
            continue
        out_id = find_output(gold.doc_id, outs)
        if out_id is None:
            continue
        out = outs[out_id]
        key = (str(out_dir), out_id)
        if key not in cache:
            cache[key] = _candidates(out, out_dir, models)
        spans, window = gold_event_spans(gold, out)
        for c in cache[key]:
            if gold.pages:
                sentence = out.sentence_at(c.start)
                if sentence is None or sentence.get("page") not in gold.pages:
                    continue
            told = any(_gap(span, (c.start, c.end)) == 0 and span[0] < c.end and c.start < span[1]
                       for _, event_spans in spans for span in event_spans)
            told = told or any(
                kind == c.type and any(_gap(span, (c.start, c.end)) <= NEAR
                                       or (c.sentence[0] <= span[0] < c.sentence[1]) for span in event_spans)
                for kind, event_spans in spans)
            found.append(Labelled(gold_set.name, gold.doc_id, c.type, c.start, c.end, c.judgement.cues, told))
    return found


def scores(pairs: list[tuple[bool, bool]]) -> dict:
    """Precision, recall and F1 of keeping, from (kept, gold) pairs."""
    tp = sum(k and g for k, g in pairs)
    fp = sum(k and not g for k, g in pairs)
    fn = sum(g and not k for k, g in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def report(name: str, items: list[Labelled], model: dict | None) -> None:
    gold = sum(i.gold for i in items)
    print(f"{name:24} {len(items)} candidates, {gold} gold happenings")
    rows = [("kept: all", [(True, i.gold) for i in items]),
            ("rules", [(decide_by_rules(i.cues) == SPECIFIC, i.gold) for i in items])]
    if model is not None:
        rows.append(("classifier", [(probability(i.cues, model) >= model["threshold"], i.gold) for i in items]))
    for label, pairs in rows:
        s = scores(pairs)
        print(f"{name:24} {label:11} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
              f"  (kept {s['tp'] + s['fp']}, right {s['tp']})")
    if name in HELD_OUT:
        return  # held-out sets: the scores only, nothing to tune on
    by_label = Counter(decide_by_rules(i.cues) for i in items)
    wrong = Counter(decide_by_rules(i.cues) for i in items if i.gold)
    print(f"{name:24} rules rejected: " + ", ".join(
        f"{label} {by_label[label]} ({wrong[label]} gold)" for label in LABELS if label != SPECIFIC and by_label[label]))


def show_errors(items: list[Labelled], tmp: str) -> None:
    """Each candidate the rules decide against the gold, in its context."""
    texts = {}
    for i in items:
        label = decide_by_rules(i.cues)
        if (label == SPECIFIC) == i.gold:
            continue
        if i.doc_id not in texts:
            path = next(Path(tmp).glob(f"out-*/texts/{i.doc_id}.txt"), None)
            texts[i.doc_id] = path.read_text(encoding="utf-8") if path else ""
        text = texts[i.doc_id]
        context = text[max(0, i.start - 70):i.end + 50].replace("\n", " ")
        print(f"  {'MISSED' if i.gold else 'KEPT  '} {i.type:12} {label:12} [{text[i.start:i.end]}] {sorted(i.cues)}")
        print(f"         ..{context}..")


def collect(chosen: list[GoldSet], tmp: Path) -> dict[str, list[Labelled]]:
    """Labelled candidates of each chosen set (sets over the same inputs share one run)."""
    models, runs, cache, found = load_models(), {}, {}, {}
    for gold_set in chosen:
        why = gold_set.available()
        if why:
            print(f"{gold_set.title:24} skipped: {why}")
            continue
        out = runs.get(gold_set.inputs)
        if out is None:
            out = runs[gold_set.inputs] = tmp / f"out-{len(runs)}"
            run_batch(list(gold_set.inputs), out)
        found[gold_set.name] = labelled_candidates(gold_set, out, tmp, models, cache)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=[s.name for s in SETS if s.name != "samples-pdf"],
                        dest="sets", help="score only these sets (default: all but the sample PDFs)")
    parser.add_argument("--show", action="store_true",
                        help="print the candidates the rules get wrong (development sets only)")
    parser.add_argument("--dump", type=Path,
                        help="write the labelled candidates of the development sets to this JSON Lines file")
    args = parser.parse_args(argv)
    chosen = [s for s in SETS if s.name != "samples-pdf" and (not args.sets or s.name in args.sets)]
    try:
        model = load_json("realis_classifier.json")
    except FileNotFoundError:
        model = None
    with tempfile.TemporaryDirectory() as tmp:
        for name, items in collect(chosen, Path(tmp)).items():
            report(name, items, model)
            if args.show and name not in HELD_OUT:
                show_errors(items, tmp)
            if args.dump and name not in HELD_OUT:
                with open(args.dump, "a", encoding="utf-8") as f:
                    for i in items:
                        f.write(json.dumps({"set": i.set, "doc_id": i.doc_id, "type": i.type, "start": i.start,
                                            "end": i.end, "cues": sorted(i.cues), "gold": i.gold},
                                           ensure_ascii=False) + "\n")
    if model is not None:
        print(f"classifier {'enabled' if classifier() else 'not enabled'} (models/realis_classifier.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
