"""Event types on the development sets: which type the pipeline gives where gold gives another.

    python -m benchmarks.event_types                        # every development set
    python -m benchmarks.event_types --set wikinews-dev     # some (repeat --set)
    python -m benchmarks.event_types --list                 # and every false event, with its sentence

Development sets only (samples, constructed dev, OVD-Info dev pages, Wikinews dev): a held-out
or validation set is refused, since this prints what the pipeline got wrong. The pipeline runs
over each set into a temporary folder (the OVD-Info reports hold held-out pages too, so their
run is never kept) and is compared with the gold as ``testimony reconcile`` compares it (the
same excerpts, spans and matching). Printed per set:

- events P / R / F1, as ``benchmarks.quality`` prints them;
- a confusion matrix over trigger-matched events: rows the gold type, columns the type given.
  The diagonal is the events reconcile matches; an off-diagonal cell is a gold event left
  unmatched and a false event near it (same sentence, 100 characters, or a telling over its
  span) paired one to one, types ignored; ``-`` is a miss or a false event with nothing near;
- the false events by class: ``retold`` (a gold event of the same type near, already matched:
  one happening told twice), ``other type`` (the off-diagonal cells), ``no gold near``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.quality import HELD_OUT, ON_REQUEST, SETS, GoldSet
from pipeline.batch.run import run_batch
from pipeline.gold import read_gold
from pipeline.reconcile import document_events, find_output
from pipeline.reconcile.matching import Item, match_events
from pipeline.tables import OutputDocument, read_output

DEVELOPMENT = ("samples", "dev", "ovdinfo-dev", "wikinews-dev")
NONE = "-"
assert not set(DEVELOPMENT) & (HELD_OUT | ON_REQUEST)


@dataclass(frozen=True, slots=True)
class FalseEvent:
    """An output event reconcile did not match, and what gold has near it."""

    set: str
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    kind: str  # "retold", "other type", "no gold near"
    gold_near: tuple[str, ...]  # the types of the gold events near it


def _typeless(item: Item) -> Item:
    return replace(item, type="*")


def compare_types(gold_items: list[Item], pred_items: list[Item]):
    """(matrix Counter of (gold type, given type), false events as (pred index, kind, gold types near)).

    Reconcile's matching first; what it leaves is paired again with types ignored.
    """
    pairs = match_events(gold_items, pred_items)
    matrix = Counter((gold_items[g].type, pred_items[p].type) for g, p in pairs)
    gold_left = [g for g in range(len(gold_items)) if g not in {g for g, _ in pairs}]
    pred_left = [p for p in range(len(pred_items)) if p not in {p for _, p in pairs}]
    retyped = match_events([_typeless(gold_items[g]) for g in gold_left],
                           [_typeless(pred_items[p]) for p in pred_left])
    crossed = {pred_left[p]: gold_left[g] for g, p in retyped}
    matrix.update((gold_items[g].type, pred_items[p].type) for p, g in crossed.items())
    paired_gold = set(crossed.values())
    matrix.update((gold_items[g].type, NONE) for g in gold_left if g not in paired_gold)
    false = []
    for p in pred_left:
        near = [g for g in range(len(gold_items)) if match_events([_typeless(gold_items[g])], [_typeless(pred_items[p])])]
        types = tuple(sorted({gold_items[g].type for g in near}))
        if p in crossed:
            kind = "other type"
        elif pred_items[p].type in types:
            kind = "retold"
        else:
            kind = "other type near" if types else "no gold near"
            matrix[(NONE, pred_items[p].type)] += 1
        false.append((p, kind, types))
    missed = [g for g in gold_left if g not in paired_gold]
    return matrix, false, [p for _, p in pairs], missed


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path):
    """The confusion matrix and false events of one set's run."""
    outs = {doc.doc_id: doc for doc in read_output(out_dir)}
    matrix, found = Counter(), []
    for gold in sorted(read_gold(gold_set.gold_folder(tmp)), key=lambda d: d.doc_id):
        out_id = find_output(gold.doc_id, outs)
        if out_id is None or not gold.has_events:
            continue
        scored = document_events(gold, outs[out_id])
        out: OutputDocument = scored.out
        gold_items, pred_items = scored.gold, scored.predicted
        cells, false, matched, missed = compare_types(gold_items, pred_items)
        matrix.update(cells)
        text = out.text or ""
        for g in missed:
            item = gold_items[g]
            sentence = (out.sentence_at(item.start) or {}) if item.start is not None else {}
            found.append(FalseEvent(gold_set.name, gold.doc_id, sentence.get("page"), item.type,
                                    text[item.start:item.end] if item.start is not None else "",
                                    " ".join((sentence.get("text") or "").split()), "missed", ()))
        for p, kind, near in false + [(p, "matched", (pred_items[p].type,)) for p in matched]:
            row = pred_items[p].values
            sentence = out.sentence_at(row["start"]) or {}
            text = out.text or ""
            found.append(FalseEvent(gold_set.name, gold.doc_id, row.get("page"), row["type"],
                                    text[row["start"]:row["end"]], " ".join((sentence.get("text") or "").split()),
                                    kind, near))
    return matrix, found


def print_matrix(matrix: Counter) -> None:
    types = sorted({t for pair in matrix for t in pair} - {NONE}) + [NONE]
    short = {t: t[:8] for t in types}
    print(f"{'gold / given':16}" + "".join(f"{short[t]:>9}" for t in types))
    for g in types:
        cells = [matrix.get((g, p), 0) for p in types]
        if any(cells):
            print(f"{g:16}" + "".join(f"{c if c else '.':>9}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", help="development sets only: " + ", ".join(DEVELOPMENT))
    parser.add_argument("--list", action="store_true", help="print every false event with its sentence")
    parser.add_argument("--matched", action="store_true", help="print every matched event's type and trigger too")
    args = parser.parse_args(argv)
    names = args.sets or list(DEVELOPMENT)
    refused = [n for n in names if n not in DEVELOPMENT]
    if refused:
        parser.error(f"development sets only ({', '.join(DEVELOPMENT)}); refused: {', '.join(refused)}")
    from pipeline.reconcile import reconcile

    total_kinds = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for gold_set in (s for s in SETS if s.name in names):
            why = gold_set.available()
            if why:
                print(f"{gold_set.title}: skipped: {why}")
                continue
            out = tmp / f"out-{gold_set.name}"
            run_batch(list(gold_set.inputs), out, force=True)
            metrics = reconcile(out, gold_set.gold_folder(tmp), tmp / f"report-{gold_set.name}").metrics
            events = metrics["events"]["types"]
            print(f"\n== {gold_set.title}: events P {events['overall']['precision']:.3f} "
                  f"R {events['overall']['recall']:.3f} F1 {events['overall']['f1']:.3f}")
            print("per type (tp/fp/fn): " + ", ".join(f"{t} {s['tp']}/{s['fp']}/{s['fn']}"
                                                      for t, s in events.items() if t != "overall"))
            matrix, false = analyse(gold_set, out, tmp)
            print_matrix(matrix)
            matched = [f for f in false if f.kind == "matched"]
            missed = [f for f in false if f.kind == "missed"]
            false = [f for f in false if f.kind not in ("matched", "missed")]
            kinds = Counter(f.kind for f in false)
            total_kinds.update(kinds)
            print("false events: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
            by_class = Counter((f.kind, f.type) for f in false if f.kind != "retold")
            print("  by class: " + ", ".join(f"{k}/{t} {v}" for (k, t), v in sorted(by_class.items())))
            if args.list:
                for f in sorted(false, key=lambda f: (f.kind, f.type, f.doc_id)):
                    where = f"{f.doc_id}" + (f" p{f.page}" if f.page is not None else "")
                    print(f"  [{f.kind}] {f.type} (gold near: {','.join(f.gold_near) or '-'}) {where} "
                          f"«{f.trigger}»: {f.sentence[:300]}")
                for f in sorted(missed, key=lambda f: (f.type, f.doc_id)):
                    print(f"  [missed] {f.type} {f.doc_id} «{f.trigger}»: {f.sentence[:300]}")
            if args.matched:
                for f in sorted(matched, key=lambda f: (f.type, f.trigger.lower())):
                    print(f"  [matched] {f.type} {f.doc_id}" + (f" p{f.page}" if f.page is not None else "")
                          + f" «{f.trigger}»: {f.sentence[:200]}")
    print("\nall sets, false events: " + ", ".join(f"{k} {v}" for k, v in sorted(total_kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
