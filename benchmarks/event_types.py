"""Event types on the development sets: which type the pipeline gives where gold gives another.

    python -m benchmarks.event_types                        # every development set
    python -m benchmarks.event_types --set wikinews-dev     # some (repeat --set)
    python -m benchmarks.event_types --list                 # and every false event, with its sentence
    python -m benchmarks.event_types --missed               # and every missed gold event, with its sentence
    python -m benchmarks.event_types --suppressed           # and what each suppressing rule cost
    python -m benchmarks.event_types --keep DIR             # keep the runs (not the OVD-Info pages)

Development sets only (samples, constructed dev, OVD-Info dev pages, Wikinews dev): a held-out
or validation set is refused, since this prints what the pipeline got wrong. The runs and the
matching are ``benchmarks.event_dates``'s (``listing_runs``, ``scored_documents``), shared by
the five listing harnesses: the same excerpts, spans and matching as ``testimony reconcile``,
and the figures ``benchmarks.quality`` prints for the set first. Printed per set:

- events P / R / F1 and per type tp/fp/fn;
- a confusion matrix over trigger-matched events: rows the gold type, columns the type given.
  The diagonal is the events reconcile matches; an off-diagonal cell is a gold event left
  unmatched and a false event near it (same sentence, 100 characters, or a telling over its
  span) paired one to one, types ignored; ``-`` is a miss or a false event with nothing near;
- the false events by class: ``retold`` (a gold event of the same type near, already matched:
  one happening told twice), ``other type`` (the off-diagonal cells), ``no gold near``;
- the missed gold events by class: ``other type`` (a false event of another type paired with
  it), ``told near`` (an output event of its type near it, matched to another gold event: two
  happenings told as one), ``nothing near`` (no output event of its type near it);
- with ``--suppressed``: every candidate the events stage took out (a lexicon condition's veto,
  a sentence rule's drop, the realis step's rejection, a telling merged into another:
  :mod:`pipeline.events.suppressed`), per rule: how many, how many of them would have matched a
  gold event the output missed (a true event lost), a gold event the output matched anyway (told
  elsewhere) or none; with ``--list``, each true event lost. The document is analysed again with
  the trace on, and only the set's own pages are counted.

>>> main(["--set", "ovdinfo-heldout"])
Traceback (most recent call last):
...
SystemExit: 2
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.event_dates import DEVELOPMENT, development_args, development_runs, listing_runs, scored_documents  # noqa: F401
from benchmarks.quality import GoldSet
from pipeline.analysis import analyse as analyse_text
from pipeline.events.suppressed import Suppression, recording
from pipeline.nlp import load_models
from pipeline.normalise import normalise
from pipeline.reconcile import find_output
from pipeline.reconcile.matching import Item, match_events
from pipeline.tables import OutputDocument, read_output

NONE = "-"


@dataclass(frozen=True, slots=True)
class ListedEvent:
    """An output event reconcile did not match (or matched), or a gold event it missed, and
    what the other side has near it."""

    set: str
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    kind: str  # "retold", "other type", "no gold near", "matched", "missed ..."
    near: tuple[str, ...]  # the types of the gold events near a false one; the output events near a missed one


def _typeless(item: Item) -> Item:
    return replace(item, type="*")


def compare_types(gold_items: list[Item], pred_items: list[Item]):
    """(matrix Counter of (gold type, given type), false events as (pred index, kind, gold types
    near), matched pred indices, missed gold events as (gold index, kind, pred indices near)).

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
    paired_gold = {g: p for p, g in crossed.items()}
    matrix.update((gold_items[g].type, NONE) for g in gold_left if g not in paired_gold)
    false = []
    for p in pred_left:
        near = [g for g in range(len(gold_items)) if _near(gold_items[g], pred_items[p])]
        types = tuple(sorted({gold_items[g].type for g in near}))
        if p in crossed:
            kind = "other type"
        elif pred_items[p].type in types:
            kind = "retold"
        else:
            kind = "other type near" if types else "no gold near"
            matrix[(NONE, pred_items[p].type)] += 1
        false.append((p, kind, types))
    missed = []
    for g in gold_left:
        near = tuple(p for p in range(len(pred_items)) if _near(gold_items[g], pred_items[p]))
        if g in paired_gold:
            kind = "other type"
        elif any(pred_items[p].type == gold_items[g].type for p in near):
            kind = "told near"
        else:
            kind = "nothing near"
        missed.append((g, kind, near))
    return matrix, false, [p for _, p in pairs], missed


def _near(gold: Item, pred: Item) -> bool:
    """An output event near a gold one, types ignored (reconcile's matching of the two alone)."""
    return bool(match_events([_typeless(gold)], [_typeless(pred)]))


def _told(out: OutputDocument, start: int | None, end: int | None) -> tuple[int | None, str, str]:
    """(page, words, sentence) of a span of the clean text, the sentence on one line."""
    if start is None:
        return None, "", ""
    sentence = out.sentence_at(start) or {}
    return sentence.get("page"), (out.text or "")[start:end], " ".join((sentence.get("text") or "").split())


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path):
    """The confusion matrix of one set's run, and its false, missed and matched events."""
    matrix, found = Counter(), []
    for doc_id, scored in scored_documents(gold_set, out_dir, tmp):
        out: OutputDocument = scored.out
        gold_items, pred_items = scored.gold, scored.predicted
        cells, false, matched, missed = compare_types(gold_items, pred_items)
        matrix.update(cells)
        for g, kind, near in missed:
            item = gold_items[g]
            page, words, sentence = _told(out, item.start, item.end)
            given = tuple(f"{pred_items[p].type} «{_told(out, pred_items[p].start, pred_items[p].end)[1]}»"
                          for p in near)
            found.append(ListedEvent(gold_set.name, doc_id, page, item.type, words, sentence, "missed " + kind, given))
        for p, kind, near in false + [(p, "matched", (pred_items[p].type,)) for p in matched]:
            row = pred_items[p].values
            page, words, sentence = _told(out, row["start"], row["end"])
            found.append(ListedEvent(gold_set.name, doc_id, row.get("page", page), row["type"], words, sentence,
                                    kind, near))
    return matrix, found


LOST, TOLD, NO_GOLD = "true event lost", "gold told elsewhere", "no gold"


def suppressions_of(out: OutputDocument, out_dir: Path, models) -> list[Suppression]:
    """Every suppression the events stage makes on one output document's text, as the run that
    wrote ``out_dir`` read it (its clean text normalised again from the raw text it kept, so
    the layout is known), one per rule and span."""
    text = out.text or ""
    raw = Path(out_dir) / "texts" / f"{out.doc_id}.raw.txt"
    clean = normalise(raw.read_bytes().decode("utf-8")) if raw.is_file() else None
    with recording() as found:
        analyse_text(clean if clean is not None and clean.text == text else text, models)
    return list(dict.fromkeys(found))


def judge_suppressions(gold_set: GoldSet, out_dir: Path, tmp: Path, models, cache: dict):
    """(suppression, verdict, doc_id, page, words, sentence) of each suppression on the set's documents
    (or pages): would its candidate have matched a gold event the output missed (``LOST``), one
    it matched (``TOLD``), or none (``NO_GOLD``)?"""
    outs = {doc.doc_id: doc for doc in read_output(out_dir)}
    for doc_id, scored in scored_documents(gold_set, out_dir, tmp):
        full = outs[find_output(doc_id, outs)]
        if full.doc_id not in cache:
            cache[full.doc_id] = suppressions_of(full, out_dir, models)
        matched = {g for g, _ in scored.matched()}
        for found in cache[full.doc_id]:
            sentence = full.sentence_at(found.start) or {}
            if scored.pages and sentence.get("page") not in scored.pages:
                continue
            item = Item(found.type, found.start, found.end, {}, ((found.start, found.end),),
                        frozenset({sentence["sent_id"]}) if "sent_id" in sentence else frozenset())
            near = {g for g, gold in enumerate(scored.gold) if match_events([gold], [item])}
            verdict = LOST if near - matched else TOLD if near else NO_GOLD
            words = (full.text or "")[found.start:found.end] + (f" ({found.detail})" if found.detail else "")
            yield found, verdict, doc_id, sentence.get("page"), words, " ".join((sentence.get("text") or "").split())


def print_suppressed(judged: list, listing: bool, total: Counter) -> None:
    """Per rule: drops, true events lost, gold told elsewhere, no gold; then (``listing``) each true
    event lost, and every drop of a rule that lost as many as it rightly dropped."""
    rows = Counter((s.rule, verdict) for s, verdict, *_ in judged)
    total.update(rows)
    print_suppression_table(rows)
    if listing:  # each true event lost; every drop of a rule wrong as often as right
        contested = {rule for rule, _ in rows if rows[(rule, LOST)] >= rows[(rule, NO_GOLD)]}
        for s, verdict, doc_id, page, words, sentence in sorted(judged, key=lambda j: (j[0].rule, j[2], j[0].start)):
            if verdict == LOST or s.rule in contested:
                where = doc_id + (f" p{page}" if page is not None else "")
                tag = f"lost by {s.rule}" if verdict == LOST else f"{verdict}, by {s.rule}"
                print(f"  [{tag}] {s.type} {where} «{words}»: {sentence[:300]}")


def print_suppression_table(rows: Counter) -> None:
    rules = sorted({rule for rule, _ in rows}, key=lambda r: (-rows[(r, LOST)], r))
    print(f"suppressed: {'rule':52} {'drops':>6} {'lost':>5} {'told':>5} {'none':>5}")
    for rule in rules:
        counts = [rows[(rule, v)] for v in (LOST, TOLD, NO_GOLD)]
        print(f"            {rule:52} {sum(counts):>6} {counts[0]:>5} {counts[1]:>5} {counts[2]:>5}")


def print_matrix(matrix: Counter) -> None:
    types = sorted({t for pair in matrix for t in pair} - {NONE}) + [NONE]
    short = {t: t[:8] for t in types}
    print(f"{'gold / given':16}" + "".join(f"{short[t]:>9}" for t in types))
    for g in types:
        cells = [matrix.get((g, p), 0) for p in types]
        if any(cells):
            print(f"{g:16}" + "".join(f"{c if c else '.':>9}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    args = development_args(__doc__, "type", argv, flags=(
        ("--missed", "print every gold event the output missed, with its sentence and the output events near it"),
        ("--matched", "print every matched event's type and trigger too"),
        ("--suppressed", "count, per rule, the candidates the events stage took out that gold tells")))
    total_kinds, total_missed, total_suppressed = Counter(), Counter(), Counter()
    models, suppressed_cache = (load_models(), {}) if args.suppressed else (None, None)
    metrics: dict[str, dict] = {}
    for gold_set, out, tmp in listing_runs(args, metrics):
        events = metrics[gold_set.name]["events"]["types"]
        print(f"\n== {gold_set.title}: events P {events['overall']['precision']:.3f} "
              f"R {events['overall']['recall']:.3f} F1 {events['overall']['f1']:.3f}")
        print("per type (tp/fp/fn): " + ", ".join(f"{t} {s['tp']}/{s['fp']}/{s['fn']}"
                                                  for t, s in events.items() if t != "overall"))
        matrix, found = analyse(gold_set, out, tmp)
        print_matrix(matrix)
        matched = [f for f in found if f.kind == "matched"]
        missed = [f for f in found if f.kind.startswith("missed")]
        false = [f for f in found if f.kind != "matched" and not f.kind.startswith("missed")]
        kinds = Counter(f.kind for f in false)
        total_kinds.update(kinds)
        total_missed.update(f.kind for f in missed)
        print("false events: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        by_class = Counter((f.kind, f.type) for f in false if f.kind != "retold")
        print("  by class: " + ", ".join(f"{k}/{t} {v}" for (k, t), v in sorted(by_class.items())))
        print("missed events: " + ", ".join(f"{k[7:]} {v}" for k, v in sorted(Counter(f.kind for f in missed).items())))
        print("  by type: " + ", ".join(f"{t} {v}" for t, v in Counter(f.type for f in missed).most_common()))
        if args.list:
            for f in sorted(false, key=lambda f: (f.kind, f.type, f.doc_id)):
                where = f"{f.doc_id}" + (f" p{f.page}" if f.page is not None else "")
                print(f"  [{f.kind}] {f.type} (gold near: {','.join(f.near) or '-'}) {where} "
                      f"«{f.trigger}»: {f.sentence[:300]}")
        if args.missed:
            for f in sorted(missed, key=lambda f: (f.kind, f.type, f.doc_id, f.page or 0)):
                where = f"{f.doc_id}" + (f" p{f.page}" if f.page is not None else "")
                print(f"  [{f.kind}] {f.type} {where} «{f.trigger}» (output near: {'; '.join(f.near) or '-'}):"
                      f" {f.sentence[:400] or '(gold gives no span)'}")
        if args.matched:
            for f in sorted(matched, key=lambda f: (f.type, f.trigger.lower())):
                print(f"  [matched] {f.type} {f.doc_id}" + (f" p{f.page}" if f.page is not None else "")
                      + f" «{f.trigger}»: {f.sentence[:200]}")
        if args.suppressed:
            print_suppressed(list(judge_suppressions(gold_set, out, tmp, models, suppressed_cache)),
                             args.list, total_suppressed)
            suppressed_cache.clear()
    if args.suppressed and len(args.sets) > 1:
        print("\nall sets:")
        print_suppression_table(total_suppressed)
    print("\nall sets, false events: " + ", ".join(f"{k} {v}" for k, v in sorted(total_kinds.items())))
    print("all sets, missed events: " + ", ".join(f"{k[7:]} {v}" for k, v in sorted(total_missed.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
