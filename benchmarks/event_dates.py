"""Event dates on the development sets: every matched event whose date is not gold's, by class.

    python -m benchmarks.event_dates                        # every development set
    python -m benchmarks.event_dates --set wikinews-dev     # some (repeat --set)
    python -m benchmarks.event_dates --list                 # and every such event, with its sentence

Development sets only (samples, constructed dev, OVD-Info dev pages, Wikinews dev): a held-out
or validation set is refused, since this prints what the pipeline got wrong. The pipeline runs
over each set into a temporary folder (the OVD-Info reports hold held-out pages too, so their
run is never kept; ``--keep DIR`` keeps the others and reuses what the current pipeline version made of them) and is compared with the gold as
``testimony reconcile`` compares it (the same excerpts, spans and matching); the figures
``benchmarks.quality`` prints for the set come first. A matched event's
date is right when it equals gold's, and "none" is right where gold gives none, as
``benchmarks.quality`` counts it. The others, by class:

- ``missing``: gold gives a date, the output none;
- ``extra``: the output gives a date where gold gives none;
- ``wrong year``: the same day or month in another year;
- ``wider`` / ``narrower``: a span holding gold's, or held by it (a month for a day, a day
  for a range);
- ``other date``: any other date.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.quality import HELD_OUT, ON_REQUEST, SETS, GoldSet, report
from pipeline.batch.run import run_batch
from pipeline.gold import read_gold
from pipeline.reconcile import document_events, find_output, reconcile
from pipeline.reconcile.matching import given
from pipeline.tables import read_output

# The development sets every listing harness (event_dates, event_places, event_types) takes.
DEVELOPMENT = ("samples", "dev", "ovdinfo-dev", "wikinews-dev")
# Sets whose inputs a held-out set shares (the OVD-Info dev pages' reports hold held-out
# pages): a kept run of them would hold held-out output, so they are never kept.
SHARED_INPUTS = frozenset(s.name for s in SETS
                          if s.inputs in {h.inputs for h in SETS if h.name in HELD_OUT})
assert not set(DEVELOPMENT) & (HELD_OUT | ON_REQUEST)


@dataclass(frozen=True, slots=True)
class DateMiss:
    """A matched event whose date is not gold's."""

    set: str
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    gold: tuple[str | None, str | None]
    given: tuple[str | None, str | None]
    kind: str


def _span(values: dict) -> tuple[str | None, str | None]:
    start, end = values.get("date_start"), values.get("date_end")
    return (str(start)[:10] if given(start) else None, str(end)[:10] if given(end) else None)


def classify(gold: tuple[str | None, str | None], out: tuple[str | None, str | None]) -> str | None:
    """The class of a date against gold's, None when right.

    >>> classify(("2012-03-05", "2012-03-05"), ("2011-03-05", "2011-03-05"))
    'wrong year'
    >>> classify(("2012-03-05", "2012-03-05"), ("2012-03-01", "2012-03-31"))
    'wider'
    >>> classify((None, None), ("2012-03-01", "2012-03-31"))
    'extra'
    """
    if gold == out or (gold[0] is None and out[0] is None):
        return None
    if out[0] is None:
        return "missing"
    if gold[0] is None:
        return "extra"
    g_start, g_end = gold[0], gold[1] or gold[0]
    o_start, o_end = out[0], out[1] or out[0]
    if g_start[4:] == o_start[4:] and g_end[4:] == o_end[4:]:
        return "wrong year"
    if o_start <= g_start and g_end <= o_end:
        return "wider"
    if g_start <= o_start and o_end <= g_end:
        return "narrower"
    return "other date"


def scored_documents(gold_set: GoldSet, out_dir: Path, tmp: Path):
    """Each gold document of one set's run with events, and its events placed and cut as
    ``testimony reconcile`` scores them: (doc_id, the scored document)."""
    outs = {doc.doc_id: doc for doc in read_output(out_dir)}
    for gold in sorted(read_gold(gold_set.gold_folder(tmp)), key=lambda d: d.doc_id):
        out_id = find_output(gold.doc_id, outs)
        if out_id is None or not gold.has_events:
            continue
        yield gold.doc_id, document_events(gold, outs[out_id])


def matched_events(gold_set: GoldSet, out_dir: Path, tmp: Path):
    """Every matched (gold, output) event pair of one set's run, as ``testimony reconcile``
    matches them: (doc_id, the scored document, gold item, output item, the clean text)."""
    for doc_id, scored in scored_documents(gold_set, out_dir, tmp):
        for g, p in scored.matched():
            yield doc_id, scored, scored.gold[g], scored.predicted[p], scored.out.text or ""


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path) -> tuple[Counter, list[DateMiss]]:
    """Right and wrong dates of one set's matched events."""
    counts, misses = Counter(), []
    for doc_id, scored, gi, pi, text in matched_events(gold_set, out_dir, tmp):
        kind = classify(_span(gi.values), _span(pi.values))
        counts["gold dated" if _span(gi.values)[0] else "gold undated"] += 1
        counts[kind or "right"] += 1
        if kind is None:
            continue
        row = pi.values
        sentence = scored.out.sentence_at(row["start"]) or {}
        misses.append(DateMiss(gold_set.name, doc_id, row.get("page"), row["type"],
                               text[row["start"]:row["end"]], " ".join((sentence.get("text") or "").split()),
                               _span(gi.values), _span(pi.values), kind))
    return counts, misses


def development_args(doc: str, listed: str, argv: list[str] | None,
                     flags: tuple[tuple[str, str], ...] = ()) -> argparse.Namespace:
    """The options every development-set listing takes (``--set``, ``--list``, ``--keep``, and
    the harness's own ``flags``: (option, help) pairs), held-out and validation sets refused.

    >>> development_args("Listing.", "date", ["--set", "dev", "--set", "samples"]).sets
    ['dev', 'samples']
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--set", action="append", dest="sets", help="development sets only: " + ", ".join(DEVELOPMENT))
    parser.add_argument("--list", action="store_true", help=f"print every event whose {listed} is not gold's")
    for flag, help_text in flags:
        parser.add_argument(flag, action="store_true", help=help_text)
    parser.add_argument("--keep", type=Path, help="keep each run here and reuse what this pipeline version made of it "
                                                     "(not sets sharing inputs with a held-out set)")
    args = parser.parse_args(argv)
    args.sets = args.sets or list(DEVELOPMENT)
    refused = [n for n in args.sets if n not in DEVELOPMENT]
    if refused:
        parser.error(f"development sets only ({', '.join(DEVELOPMENT)}); refused: {', '.join(refused)}")
    return args


def development_runs(names: list[str], keep: Path | None, tmp: Path, metrics: dict | None = None):
    """Run each named development set (skipped, and said so, where its material is absent),
    print the figures ``benchmarks.quality`` prints for it, and yield (set, its output);
    each set's reconcile metrics go into ``metrics`` (by set name) when it is given."""
    for gold_set in (s for s in SETS if s.name in names):
        why = gold_set.available()
        if why:
            print(f"{gold_set.title}: skipped: {why}")
            continue
        kept = keep is not None and gold_set.name not in SHARED_INPUTS
        out = (keep if kept else tmp) / f"out-{gold_set.name}"
        # A kept run is reused document by document only where it was made by this
        # pipeline version (run_batch reruns the others), as every run into OUT is.
        run_batch(list(gold_set.inputs), out, force=not kept)
        scored = reconcile(out, gold_set.gold_folder(tmp), tmp / f"report-{gold_set.name}").metrics
        report(gold_set, scored)
        if metrics is not None:
            metrics[gold_set.name] = scored
        yield gold_set, out


def listing_runs(args, metrics: dict | None = None):
    """:func:`development_runs` of the sets a listing harness was asked for (``args`` from
    :func:`development_args`), in a scratch folder of its own: yields (set, output, scratch)."""
    with tempfile.TemporaryDirectory() as tmp:
        for gold_set, out in development_runs(args.sets, args.keep, Path(tmp), metrics):
            yield gold_set, out, Path(tmp)


def print_misses(misses, listing: bool, values, tag=lambda miss: "") -> None:
    """A set's misses by class, then (``listing``) each one: its class (``tag`` adds to it), the
    event and its page, ``values(miss)`` (gold's and the output's), the sentence. The listing
    harnesses of dates, places, persons and counts print their misses through this."""
    print("wrong: " + ", ".join(f"{k} {v}" for k, v in Counter(m.kind for m in misses).most_common()))
    if listing:
        for m in sorted(misses, key=lambda m: (m.kind, m.doc_id, m.page or 0)):
            where = m.doc_id + (f" p{m.page}" if m.page is not None else "")
            print(f"  [{m.kind}{tag(m)}] {m.type} {where} «{m.trigger}» {values(m)}: {m.sentence[:300]}")


def main(argv: list[str] | None = None) -> int:
    args = development_args(__doc__, "date", argv)
    for gold_set, out, tmp in listing_runs(args):
        counts, misses = analyse(gold_set, out, tmp)
        dated = counts["gold dated"]
        right_dated = dated - sum(1 for m in misses if m.gold[0])
        print(f"\n== {gold_set.title}: matched {counts['gold dated'] + counts['gold undated']}, "
              f"date right {right_dated}/{dated} where gold dates"
              f", {counts['right'] - right_dated}/{counts['gold undated']} where it does not")
        print_misses(misses, args.list, lambda m: f"gold {'/'.join(filter(None, m.gold)) or '-'}"
                                                  f" given {'/'.join(filter(None, m.given)) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
