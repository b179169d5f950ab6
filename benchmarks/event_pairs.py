"""The trained pair merge (issue 12) judged by nested grouped cross-validation.

    python -m benchmarks.event_pairs              # samples, constructed dev, OVD-Info dev pages, Wikinews dev
    python -m benchmarks.event_pairs --folds 5 --inner 4

Development sets only: held-out and validation sets are never run here. The pipeline runs once
over each set's documents; its events as the merge rules leave them (:func:`build_events`'s
``drafts_out``) give the candidate pairs (:func:`pipeline.events.pairs.candidate_pairs`; on the
OVD-Info reports only pairs of events triggered on development pages), each labelled from the
gold: the same gold event could be either's (same type, near, as reconcile matches events) and
the two are not matched to two different gold events.

Outer folds are groups of documents (an OVD-Info report is one group: its pages tell one
story). Inside each outer training part, an inner grouped cross-validation chooses everything:
the penalty, the threshold and which contradictions are hard vetoes, or no merge at all when
nothing beats the rules there. The outer test part is then merged by the model fitted on the
whole training part, with :func:`pipeline.events.pairs.plan_merges` and ``apply_groups``, the
code the pipeline runs, and scored as reconcile scores events
(:func:`pipeline.reconcile.document_events`). The model judged is the one the trainer stores
(:func:`fit_model` rounds it as stored; :func:`pipeline.linear.probability` scores it, as the
pipeline does). Printed: events P/R/F1 of the rules and of the merge, pooled and per set, and
each outer fold's choice.

How many events a document tells (feature ``document_events_many``) counts, on an OVD-Info
report, only the events triggered on its development pages, never a held-out page's; the
pipeline at run time counts every event of the document it reads (:func:`pipeline.events.pairs.merge_pairs`).

Not chosen inside the folds, so the nested figure is optimistic about them: the window of
candidate pairs (``pairs.MAX_SENTENCES``), the count that makes a document's events many
(``pairs.MANY_EVENTS``), the feature set of :func:`pipeline.events.pairs.pair_features`, and
the grids searched (:data:`PENALTIES`, :data:`THRESHOLDS`, :data:`VETO_OPTIONS`) were fixed by
hand with the development sets' figures in view, before and outside the folds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from benchmarks.quality import SETS
from pipeline.analysis import analyse
from pipeline.events.draft import Draft
from pipeline.events.pairs import CONTRADICTIONS, apply_groups, candidate_pairs, pair_features, plan_merges
from pipeline.extract import extract
from pipeline.gold import read_gold
from pipeline.linear import fit, probability
from pipeline.nlp import load_models
from pipeline.normalise import normalise
from pipeline.reconcile import DocumentEvents, document_events, find_output, scores
from pipeline.records import ProcessedDocument
from pipeline.tables import EVENT_ARGUMENTS, EVENTS, MENTIONS, SENTENCES, OutputDocument, document_rows, event_row

DEV_SETS = ("samples", "dev", "ovdinfo-dev", "wikinews-dev")
PENALTIES = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
ALL = frozenset(CONTRADICTIONS)
# Hard vetoes tried: none, all, and all but one of them
VETO_OPTIONS = (frozenset(), ALL, *(ALL - {name} for name in CONTRADICTIONS))
SEED = 20261207
INNER = 4  # inner folds: the harness's default and the trainer's (scripts/train_event_pairs.py)
READABLE = {".txt", ".pdf", ".docx"}


@dataclass
class Doc:
    """One output document of a development set: its rules' events, candidate pairs and gold."""

    set: str
    doc_id: str
    text: str
    drafts: list[Draft]
    processed: ProcessedDocument
    out: OutputDocument
    scorers: list[DocumentEvents] = field(default_factory=list)
    pairs: list[tuple[int, int]] = field(default_factory=list)
    features: list[frozenset[str]] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    _counts: dict = field(default_factory=dict)

    def counts(self, group: tuple[int, ...] | None) -> Counter:
        """Events tp/fp/fn of the document with its drafts merged by ``group`` (None: the rules)."""
        key = group or tuple(range(len(self.drafts)))
        if key not in self._counts:
            merged = self.drafts if group is None else apply_groups(self.drafts, group)
            rows = [event_row(self.processed, i, d.to_event()) for i, d in enumerate(merged)]
            out = replace(self.out, events=rows, _starts=[])
            self._counts[key] = sum((s.of_output(out).counts() for s in self.scorers), Counter())
        return self._counts[key]


def _files(inputs) -> list[Path]:
    found = []
    for path in inputs:
        found += sorted(p for p in path.iterdir() if p.suffix in READABLE) if path.is_dir() else [path]
    return found


def _process(path: Path, models) -> tuple[ProcessedDocument, list[Draft], OutputDocument]:
    """The stages of :func:`pipeline.batch.run.process_file`, keeping the rules' drafts."""
    raw = extract(path, path.stem, ocr=True)
    clean = normalise(raw.text)
    drafts: list[Draft] = []
    found = analyse(clean, models, drafts_out=drafts)
    processed = ProcessedDocument(raw, clean, found.doc_date, found.sentences, found.mentions,
                                  tuple(d.to_event() for d in drafts))
    rows = document_rows(processed, "event-pairs")
    out = OutputDocument(path.stem, clean.text, rows[SENTENCES], rows[MENTIONS], rows[EVENTS], rows[EVENT_ARGUMENTS])
    return processed, drafts, out


def _label(doc: Doc) -> None:
    """Candidate pairs on scored pages, their features and gold labels."""
    rules = [event_row(doc.processed, i, d.to_event()) for i, d in enumerate(doc.drafts)]
    candidates: list[set] = [set() for _ in rules]  # gold events each could be
    matched: dict[int, tuple[int, int]] = {}
    scored_pages = set().union(*(s.pages or () for s in doc.scorers)) if doc.scorers else set()
    for k, scorer in enumerate(doc.scorers):
        seen = scorer.of_output(replace(doc.out, events=[r | {"_index": i} for i, r in enumerate(rules)], _starts=[]))
        index = [r["_index"] for r in seen.out.events]
        for g, p in seen.matched():
            matched[index[p]] = (k, g)
        for p, item in enumerate(seen.predicted):
            for g, gold in enumerate(seen.gold):
                if replace(seen, gold=[gold], predicted=[item]).matched():
                    candidates[index[p]].add((k, g))
    on_pages = [not scored_pages or r["page"] in scored_pages for r in rules]
    # How many events the document tells (pairs.py's document_events_many): on an OVD-Info
    # report only those triggered on its development pages, so that no event of a held-out
    # page is counted; the pipeline at run time counts every event of the document it reads.
    events = sum(on_pages)
    for i, j, between in candidate_pairs(doc.drafts):
        if not (on_pages[i] and on_pages[j]):
            continue  # an OVD-Info event off the development pages: never looked at
        same = bool(candidates[i] & candidates[j])
        apart = i in matched and j in matched and matched[i] != matched[j]
        doc.pairs.append((i, j))
        doc.features.append(pair_features(doc.drafts[i], doc.drafts[j], doc.text, between, events))
        doc.labels.append(same and not apart)


def collect(names=DEV_SETS) -> list[Doc]:
    """Every document of the named development sets, processed and labelled."""
    models, docs = load_models(), []
    with tempfile.TemporaryDirectory() as tmp:
        for gold_set in SETS:
            if gold_set.name not in names:
                continue
            why = gold_set.available()
            if why:
                print(f"{gold_set.name}: skipped: {why}", file=sys.stderr)
                continue
            golds = [g for g in read_gold(gold_set.gold_folder(Path(tmp))) if g.has_events]
            processed = {}
            for path in _files(gold_set.inputs):
                processed[path.stem] = _process(path, models)
            outs = {doc_id: out for doc_id, (_, _, out) in processed.items()}
            by_doc: dict[str, Doc] = {}
            for gold in golds:
                out_id = find_output(gold.doc_id, outs)
                if out_id is None:
                    continue
                if out_id not in by_doc:
                    p, drafts, out = processed[out_id]
                    by_doc[out_id] = Doc(gold_set.name, out_id, out.text, drafts, p, out)
                by_doc[out_id].scorers.append(document_events(gold, outs[out_id]))
            for doc in by_doc.values():
                _label(doc)
                docs.append(doc)
    return docs


# ---------------------------------------------------------------- fitting and choosing


def _names(docs: list[Doc]) -> list[str]:
    return sorted(set().union(*(f for d in docs for f in d.features)))


def fit_model(docs: list[Doc], l2: float) -> dict | None:
    """A logistic regression over the pairs of ``docs`` as it is stored in
    ``models/event_pairs.json`` (bias and weights rounded to 4 places, weights below 1e-4
    dropped), so that the folds judge the model the trainer writes; None when ``docs`` hold
    no positive pair."""
    names = _names(docs)
    x = np.array([[n in f for n in names] for d in docs for f in d.features], dtype=float)
    y = np.array([label for d in docs for label in d.labels], dtype=float)
    if not len(y) or y.sum() == 0:
        return None
    weights, bias = fit(x, y, l2=l2)
    return {"bias": round(bias, 4),
            "weights": {n: round(float(w), 4) for n, w in zip(names, weights) if abs(w) >= 1e-4}}


def _probabilities(model: dict, doc: Doc) -> list[float]:
    """Each candidate pair's probability, by :func:`pipeline.linear.probability` as the pipeline computes it."""
    return [probability(model, f) for f in doc.features]


def _group(doc: Doc, probabilities: list[float], threshold: float, vetoes: frozenset[str]) -> tuple[int, ...]:
    scored = [(i, j, p, f & ALL) for (i, j), p, f in zip(doc.pairs, probabilities, doc.features)]
    return tuple(plan_merges(len(doc.drafts), scored, threshold, vetoes))


def f1(counts: Counter) -> float:
    return scores(counts["tp"], counts["fp"], counts["fn"])["f1"] or 0.0


def _folds(docs: list[Doc], k: int, seed: int) -> list[list[Doc]]:
    groups = sorted({d.doc_id for d in docs})
    random.Random(seed).shuffle(groups)
    fold_of = {g: i % k for i, g in enumerate(groups)}
    return [[d for d in docs if fold_of[d.doc_id] == i] for i in range(k)]


def choose(docs: list[Doc], inner: int, seed: int) -> dict | None:
    """Penalty, threshold and vetoes by grouped cross-validation over ``docs`` (events F1 of the
    held-out parts); None when no choice beats the rules there."""
    folds = _folds(docs, inner, seed)
    rules = sum((d.counts(None) for d in docs), Counter())
    totals: dict[tuple, Counter] = {}
    for i, test in enumerate(folds):
        train = [d for j, fold in enumerate(folds) if j != i for d in fold]
        for l2 in PENALTIES:
            model = fit_model(train, l2)
            for doc in test:
                probabilities = _probabilities(model, doc) if model else [0.0] * len(doc.pairs)
                for vetoes in VETO_OPTIONS:
                    for threshold in THRESHOLDS:
                        key = (l2, threshold, vetoes)
                        totals[key] = totals.get(key, Counter()) + doc.counts(
                            _group(doc, probabilities, threshold, vetoes))
    # ties: the higher threshold, the more vetoes, the stronger penalty (the more cautious merge)
    best = max(totals, key=lambda k: (round(f1(totals[k]), 6), k[1], len(k[2]), k[0]))
    if f1(totals[best]) <= f1(rules):
        return None
    l2, threshold, vetoes = best
    return {"l2": l2, "threshold": threshold, "vetoes": sorted(vetoes), "inner_f1": f1(totals[best]),
            "inner_rules_f1": f1(rules)}


def merged_counts(doc: Doc, model: dict | None, choice: dict | None) -> Counter:
    if model is None or choice is None:
        return doc.counts(None)
    return doc.counts(_group(doc, _probabilities(model, doc), choice["threshold"], frozenset(choice["vetoes"])))


def _line(name: str, counts: Counter) -> str:
    s = scores(counts["tp"], counts["fp"], counts["fn"])
    return f"P {s['precision'] or 0:.3f} R {s['recall'] or 0:.3f} F1 {s['f1'] or 0:.4f} (tp {s['tp']} fp {s['fp']} fn {s['fn']})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--inner", type=int, default=INNER)
    parser.add_argument("--set", action="append", choices=DEV_SETS, dest="sets")
    args = parser.parse_args(argv)
    docs = collect(tuple(args.sets or DEV_SETS))
    n_pairs = sum(len(d.pairs) for d in docs)
    print(f"{len(docs)} documents, {n_pairs} candidate pairs, {sum(sum(d.labels) for d in docs)} of one gold event")
    rules, merged = Counter(), Counter()
    by_set = {name: (Counter(), Counter()) for name in DEV_SETS}
    for i, test in enumerate(_folds(docs, args.folds, SEED)):
        train = [d for j, fold in enumerate(_folds(docs, args.folds, SEED)) if j != i for d in fold]
        choice = choose(train, args.inner, SEED + i)
        model = fit_model(train, choice["l2"]) if choice else None
        print(f"fold {i}: {len(test)} test documents; chosen: "
              + (f"l2 {choice['l2']}, threshold {choice['threshold']}, vetoes {choice['vetoes']}"
                 f" (inner F1 {choice['inner_f1']:.4f} vs rules {choice['inner_rules_f1']:.4f})" if choice else "rules"))
        for doc in test:
            r, m = doc.counts(None), merged_counts(doc, model, choice)
            rules += r
            merged += m
            by_set[doc.set][0].update(r)
            by_set[doc.set][1].update(m)
    print(f"{'pooled':14} rules  {_line('rules', rules)}")
    print(f"{'pooled':14} merge  {_line('merge', merged)}")
    for name, (r, m) in by_set.items():
        if r:
            print(f"{name:14} rules  {_line('rules', r)}")
            print(f"{name:14} merge  {_line('merge', m)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
