"""Agreement between the pipeline's output folder and hand annotations.

Gold spans are first carried onto the current clean text (the annotator's text
may differ: :mod:`pipeline.reconcile.versions`). Mentions are matched strictly (same
type and span) and by overlap (same type, overlapping spans, one to one);
events by type and nearby triggers, or by agreeing fields when gold has no
offsets. Every miss, spurious item and disagreeing field becomes a row of the
discrepancy table annotators work through.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..batch.workers import Limits
from ..errors import GoldError, OutputError, PipelineError
from ..files import text_writer, write_together
from ..gold import read_gold
from ..gold.records import AnnotatedDocument, EventAnnotation
from ..records import COUNT, DATE, LOC, MONEY, ORG, PER, TERM
from ..spreadsheet import append_rows, neutralise_row
from ..tables import OutputDocument, read_output
from ..tag.nesting import outermost
from .matching import (
    EVENT_FIELDS, Item, as_bool, given, match_events, match_mentions, same_value, show, stated,
)
from .versions import align_versions


MENTION_VALUES = {
    DATE: ("date_start", "date_end", "date_precision"),
    MONEY: ("amount_min", "amount_max", "currency", "approx"),
    TERM: ("term_min", "term_max", "term_unit", "approx"),
    COUNT: ("count_min", "count_max", "approx"),
    PER: ("normal",), LOC: ("normal",), ORG: ("normal",),
}
VALUE_TYPES = (DATE, MONEY, TERM, COUNT)  # mentions whose value is more than a name
DISCREPANCY_COLUMNS = (
    "doc_id", "kind", "issue", "type", "field", "gold", "predicted",
    "start", "end", "page", "sentence", "text",
)
METRIC_COLUMNS = (
    "kind", "mode", "type", "field", "tp", "fp", "fn", "precision", "recall", "f1",
    "correct", "total", "accuracy",
)


# ---------------------------------------------------------------- one document


@dataclass(slots=True)
class _Tally:
    """Counts over all documents, filled as they are compared."""

    mentions: dict = field(default_factory=lambda: {"strict": {}, "overlap": {}})
    values: dict = field(default_factory=dict)  # type -> field -> Counter(correct, total)
    events: dict = field(default_factory=dict)  # type -> Counter(tp, fp, fn)
    event_fields: dict = field(default_factory=dict)  # field -> Counter(correct, total)
    # field -> Counter(correct, total) over the values the pipeline gives on matched events,
    # right or not, gold stating one or not: what a user reading a filled cell can trust
    fields_given: dict = field(default_factory=dict)
    unaligned: Counter = field(default_factory=Counter)

    def count(self, table: dict, key: str, **add: int) -> None:
        table.setdefault(key, Counter()).update(add)


class _Placer:
    """Carries gold spans onto the clean text, aligning the two texts once, lazily.

    Gold for an excerpt (some pages) is aligned with the clean text of those pages
    only (``window``), which is both faster and safer than with the whole document.
    """

    def __init__(self, gold: AnnotatedDocument, out: OutputDocument, window: tuple[int, int] | None = None):
        self.gold, self.out, self._alignment = gold, out, None
        self.window = window or (0, len(out.text or ""))

    def place(self, start: int, end: int, expected: str | None = None) -> tuple[int, int] | None:
        gold_text, clean = self.gold.text, self.out.text
        if clean is None:  # nothing to check against: trust the offsets
            return start, end
        if gold_text is None:  # offsets are clean offsets already (an event table)
            if end > len(clean) or (expected and " ".join(clean[start:end].split()) != " ".join(expected.split())):
                return None
            return start, end
        span = self._aligned().map_span(start, end)
        return None if span is None else (span[0] + self.window[0], span[1] + self.window[0])

    def near(self, start: int) -> int | None:
        """A clean offset near an unplaceable gold one, to sort and locate its row."""
        if self.gold.text is None or self.out.text is None:
            return start
        return self._aligned().map_offset(start) + self.window[0]

    def _aligned(self):
        if self._alignment is None:
            low, high = self.window
            self._alignment = align_versions(self.gold.text, self.out.text[low:high])
        return self._alignment


def _excerpt(out: OutputDocument, pages: frozenset[int]) -> tuple[OutputDocument, tuple[int, int]]:
    """The part of an output document on some pages, and the clean text around them.

    Mentions count when they are on those pages; an event counts when its trigger is
    (its row's ``page``), and keeps only its tellings (evidence spans) on those pages.
    A happening the pipeline merged across pages is one row of the event table, so it
    is scored once, on its trigger's page: a gold event on page 4 whose only pipeline
    counterpart was triggered on page 9 (and merged with a page-4 telling) is missed on
    page 4 and matched on page 9, never counted twice. This also keeps the held-out
    pages apart: no row of a development excerpt is an event triggered on a held-out
    page, so its page, sentence and fields are never read there (the fields of an event
    triggered on a page may still draw on a merged telling elsewhere; they are reported
    with the trigger's page and sentence). The window reaches one sentence past the pages
    on either side: a page may begin or end mid-sentence.
    """
    sentences = out.sentences
    inside = [i for i, s in enumerate(sentences) if s.get("page") in pages]
    if not inside:
        return replace(out, sentences=[], mentions=[], events=[], arguments=[], _starts=[]), (0, 0)
    first, last = max(inside[0] - 1, 0), min(inside[-1] + 1, len(sentences) - 1)
    window = (sentences[first]["start"], sentences[last]["end"])

    def on_pages(start: int) -> bool:
        sentence = out.sentence_at(start)
        return sentence is not None and sentence.get("page") in pages

    def tellings_on_pages(row: dict) -> dict:
        spans = re.findall(r"(\d+)\s*-\s*(\d+)", row.get("evidence_spans") or "")
        kept = [f"{a}-{b}" for a, b in spans if on_pages(int(a))]
        return row | {"evidence_spans": "; ".join(kept) or None} if spans else row

    events = [tellings_on_pages(row) for row in out.events if row.get("page") in pages]
    kept = {row["event_id"] for row in events}
    return replace(
        out, sentences=[sentences[i] for i in inside],
        mentions=[row for row in out.mentions if row.get("page") in pages], events=events,
        arguments=[row for row in out.arguments if row.get("event_id") in kept], _starts=[],
    ), window


def _row(out: OutputDocument, kind: str, issue: str, type_: str, start: int | None, end: int | None,
         field_: str | None = None, gold=None, predicted=None, text: str | None = None,
         page: int | None = None) -> dict:
    sentence = out.sentence_at(start)
    if sentence is not None and start is not None and start > sentence["end"]:
        sentence = None  # past the excerpt's last sentence: not one of its sentences
    if text is None and out.text is not None and start is not None and end is not None:
        text = out.text[start:end]
    return {
        "doc_id": out.doc_id, "kind": kind, "issue": issue, "type": type_, "field": field_,
        "gold": show(gold), "predicted": show(predicted), "start": start, "end": end,
        # The page and the sentence of a row come from one telling: the one at ``start``.
        "page": sentence["page"] if sentence and sentence.get("page") is not None else page,
        "sentence": (sentence or {}).get("text"), "text": text,
    }


def _mention_label(text: str, normal) -> str:
    return text if not normal or normal == text else f"{text} ({normal})"


def _compare_mentions(gold: AnnotatedDocument, out: OutputDocument, placer: _Placer, tally: _Tally, rows: list) -> None:
    gold_items = []
    for m in gold.mentions:
        span = placer.place(m.start, m.end, m.text)
        if span is None:
            tally.unaligned["mention"] += 1
            at = placer.near(m.start)
            rows.append(_row(out, "mention", "unaligned", m.type, at, at, "span",
                             gold=f"{m.text} [{m.start}:{m.end} of the annotator's text]", text=m.text))
            continue
        values = {name: m.values.get(name) for name in MENTION_VALUES[m.type]}
        gold_items.append(Item(m.type, span[0], span[1], values | {"text": m.text}))
    pred_rows = [r for r in out.mentions if r.get("type") in gold.mention_types]
    pred_items = [Item(r["type"], r["start"], r["end"], r) for r in pred_rows]
    if len(outermost(gold_items)) == len(gold_items):
        # Flat gold (annotated with no mention inside another) is compared with the
        # pipeline's outermost layer: a place nested in an organisation is not spurious.
        pred_items = outermost(pred_items)
    pairs_by_mode = {mode: match_mentions(gold_items, pred_items, overlap=mode == "overlap")
                     for mode in ("strict", "overlap")}
    for mode, pairs in pairs_by_mode.items():
        table = tally.mentions[mode]
        for g, _ in pairs:
            tally.count(table, gold_items[g].type, tp=1)
        for g in set(range(len(gold_items))) - {g for g, _ in pairs}:
            tally.count(table, gold_items[g].type, fn=1)
        for p in set(range(len(pred_items))) - {p for _, p in pairs}:
            tally.count(table, pred_items[p].type, fp=1)
    # Rows and value accuracy follow the lenient (overlap) matching.
    pairs = pairs_by_mode["overlap"]
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for g, item in enumerate(gold_items):
        if g not in matched_gold:
            rows.append(_row(out, "mention", "missed", item.type, item.start, item.end,
                             gold=_mention_label(item.values["text"], item.values.get("normal"))))
    for p, item in enumerate(pred_items):
        if p not in matched_pred:
            r = item.values
            rows.append(_row(out, "mention", "spurious", item.type, item.start, item.end,
                             predicted=_mention_label(r.get("text") or "", r.get("normal")), page=r.get("page")))
    for g, p in pairs:
        gi, pi = gold_items[g], pred_items[p]
        if (gi.start, gi.end) != (pi.start, pi.end):
            rows.append(_row(out, "mention", "field", gi.type, gi.start, gi.end, "span",
                             gold=out.text[gi.start:gi.end] if out.text else gi.values["text"],
                             predicted=pi.values.get("text"), page=pi.values.get("page")))
        all_right = None
        for name in stated(gi.values, MENTION_VALUES[gi.type]):
            ok = same_value(name, gi.values[name], pi.values.get(name))
            all_right = ok if all_right is None else all_right and ok
            tally.values.setdefault(gi.type, {}).setdefault(name, Counter()).update(correct=int(ok), total=1)
            if not ok:
                rows.append(_row(out, "mention", "field", gi.type, gi.start, gi.end, name,
                                 gold=gi.values[name], predicted=pi.values.get(name), page=pi.values.get("page")))
        if all_right is not None and gi.type in VALUE_TYPES:  # the mention's value as a whole
            tally.values[gi.type].setdefault("value", Counter()).update(correct=int(all_right), total=1)


def _gold_event_item(e: EventAnnotation, out: OutputDocument, placer: _Placer, tally: _Tally, rows: list) -> Item:
    values = {name: e.values.get(name) for parts in EVENT_FIELDS.values() for name in parts}
    wanted = ([(e.start, e.end, e.trigger)] if e.start is not None else []) + [(s, t, None) for s, t in e.also]
    spans = []
    for start, end, trigger in wanted:
        span = placer.place(start, end, trigger)
        if span is None:
            tally.unaligned["event"] += 1
            at = placer.near(start)
            rows.append(_row(out, "event", "unaligned", e.type, at, at, "span",
                             gold=f"[{start}:{end} of the annotator's text]"))
        else:
            spans.append(span)
    first = spans[0] if spans else (None, None)
    sent_ids = frozenset(s["sent_id"] for s in map(out.sentence_at, (a for a, _ in spans)) if s)
    return Item(e.type, first[0], first[1], values, tuple(spans), sent_ids)


def _pred_event_item(row: dict, out: OutputDocument) -> Item:
    spans = [(int(a), int(b)) for a, b in re.findall(r"(\d+)\s*-\s*(\d+)", row.get("evidence_spans") or "")]
    if not spans and row["sent_id"] is not None:
        spans = [(s["start"], s["end"]) for s in out.sentences if s["sent_id"] == row["sent_id"]]
    return Item(row["type"], row["start"], row["end"], row, tuple(spans),
                 frozenset({row["sent_id"]}) if row["sent_id"] is not None else frozenset())


@dataclass(frozen=True, slots=True)
class DocumentEvents:
    """One gold document's events and an output's, as :func:`reconcile` matches them.

    ``out`` is the output as scored (the excerpt of the gold's pages when the gold covers
    some pages, else the whole document); ``gold`` and ``predicted`` are the items
    :func:`pipeline.reconcile.matching.match_events` pairs, ``predicted`` in the order of
    ``out.events``."""

    pages: frozenset[int] | None
    out: OutputDocument
    gold: list[Item]
    predicted: list[Item]

    def of_output(self, out: OutputDocument) -> DocumentEvents:
        """The same gold items (placed once) with another output of the same document (its
        events merged otherwise, say), cut to the same pages."""
        view = _excerpt(out, self.pages)[0] if self.pages else out
        return replace(self, out=view, predicted=[_pred_event_item(row, view) for row in view.events])

    def matched(self) -> list[tuple[int, int]]:
        """(gold, predicted) positions reconcile matches one to one."""
        return match_events(self.gold, self.predicted)

    def counts(self) -> Counter:
        """Events tp, fp and fn of the document, as reconcile counts them."""
        matched = len(self.matched())
        return Counter(tp=matched, fp=len(self.predicted) - matched, fn=len(self.gold) - matched)


def document_events(gold: AnnotatedDocument, out: OutputDocument) -> DocumentEvents:
    """The events of one gold document and of its output, placed and cut as :func:`reconcile`
    scores them: gold spans carried onto the clean text, an OVD-Info page's gold scored on
    the excerpt of its pages (events triggered there). For harnesses that score events
    outside a whole reconcile run (``benchmarks/event_types.py``, ``benchmarks/event_pairs.py``):
    a gold span that cannot be placed is left out of its item as reconcile leaves it out,
    without reconcile's discrepancy row."""
    base, window = _excerpt(out, gold.pages) if gold.pages else (out, None)
    placer = _Placer(gold, base, window)
    return DocumentEvents(gold.pages or None, base, [_gold_event_item(e, base, placer, _Tally(), []) for e in gold.events],
                          [_pred_event_item(row, base) for row in base.events])


FLAGS = ("approx", "negated", "aggregate")  # always given (true or false): no "given" share


def _describe(values: dict) -> str | None:
    """An event's fields in one line: ``persons: Ерлан Калиев | term: 15 15 day``."""
    groups = []
    for name, parts in EVENT_FIELDS.items():
        shown = [show(values.get(part)) for part in parts]
        if any(shown) and not (name == "negated" and not as_bool(values.get("negated"))):
            groups.append(f"{name}: {' '.join(s for s in shown if s)}")
    return " | ".join(groups) or None


def _compare_events(gold: AnnotatedDocument, out: OutputDocument, placer: _Placer, tally: _Tally, rows: list) -> None:
    gold_items = [_gold_event_item(e, out, placer, tally, rows) for e in gold.events]
    pred_items = [_pred_event_item(r, out) for r in out.events]
    pairs = match_events(gold_items, pred_items)
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    for g, item in enumerate(gold_items):
        if g in matched_gold:
            tally.count(tally.events, item.type, tp=1)
        else:
            tally.count(tally.events, item.type, fn=1)
            rows.append(_row(out, "event", "missed", item.type, item.start, item.end, gold=_describe(item.values)))
    for p, item in enumerate(pred_items):
        if p not in matched_pred:
            tally.count(tally.events, item.type, fp=1)
            rows.append(_row(out, "event", "spurious", item.type, item.start, item.end,
                             predicted=_describe(item.values), page=item.values.get("page")))
    for g, p in pairs:
        gi, pi = gold_items[g], pred_items[p]
        for name, parts in EVENT_FIELDS.items():
            if name not in FLAGS and any(given(pi.values.get(part)) for part in parts):
                right = all(same_value(part, gi.values[part], pi.values.get(part)) if given(gi.values.get(part))
                            else not given(pi.values.get(part)) for part in parts)
                tally.fields_given.setdefault(name, Counter()).update(correct=int(right), total=1)
            told = stated(gi.values, parts)
            if not told:
                continue
            ok = all(same_value(part, gi.values[part], pi.values.get(part)) for part in told)
            tally.event_fields.setdefault(name, Counter()).update(correct=int(ok), total=1)
            if not ok:
                def shown(values: dict) -> str | None:
                    return " ".join(s for s in map(show, (values.get(x) for x in told)) if s) or None

                start, end = (gi.start, gi.end) if gi.start is not None else (pi.start, pi.end)
                rows.append(_row(out, "event", "field", gi.type, start, end, name,
                                 gold=shown(gi.values), predicted=shown(pi.values), page=pi.values.get("page")))


# ---------------------------------------------------------------- metrics and report


def scores(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 from counts (None when there is nothing to score).

    >>> scores(3, 1, 2)["f1"]
    0.6667
    """
    if tp + fp + fn == 0:
        return {"tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None, "f1": None}
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4),
            "recall": round(recall, 4), "f1": round(f1, 4)}


def _per_type(table: dict) -> dict:
    result = {t: scores(c["tp"], c["fp"], c["fn"]) for t, c in sorted(table.items())}
    total = sum(table.values(), Counter())
    return result | {"overall": scores(total["tp"], total["fp"], total["fn"])}


def _accuracy(counter: Counter) -> dict:
    total = counter["total"]
    return {"correct": counter["correct"], "total": total,
            "accuracy": round(counter["correct"] / total, 4) if total else None}


@dataclass
class Report:
    """What reconcile found: all numbers, and one row per discrepancy."""

    metrics: dict
    discrepancies: list[dict]
    report_dir: Path | None = None

    def summary(self) -> str:
        """A printable text table of the main numbers."""
        m, lines = self.metrics, []
        docs = m["documents"]
        lines.append(f"documents: {len(docs['compared'])} compared, {len(docs['missing'])} missing from the output"
                     + (f" ({', '.join(docs['missing'])})" if docs["missing"] else ""))
        head = f"{'':14}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}"
        fmt = lambda v: f"{v:8.3f}" if v is not None else f"{'-':>8}"
        for title, table in (("mentions, strict span", m["mentions"]["strict"]),
                             ("mentions, overlapping span", m["mentions"]["overlap"]),
                             ("events", m["events"]["types"])):
            if table["overall"]["precision"] is None:  # nothing scored
                continue
            lines += ["", title, head]
            for name, s in table.items():
                lines.append(f"{name:14}{s['tp']:6}{s['fp']:6}{s['fn']:6}"
                             f"{fmt(s['precision'])}{fmt(s['recall'])}{fmt(s['f1'])}")
        accuracies = [(f"{t}.{f}", a) for t, fs in m["mentions"]["values"].items() for f, a in fs.items()]
        accuracies += [(f"event.{f}", a) for f, a in m["events"]["fields"].items()]
        if accuracies:
            lines += ["", "values on matched items", f"{'':22}{'correct':>8}{'total':>7}{'acc':>8}"]
            lines += [f"{n:22}{a['correct']:8}{a['total']:7}{fmt(a['accuracy'])}" for n, a in accuracies]
        unaligned = m["mentions"]["unaligned"] + m["events"]["unaligned"]
        issues = Counter(f"{r['kind']} {r['issue']}" for r in self.discrepancies)
        lines += ["", f"discrepancies: {len(self.discrepancies)} "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(issues.items())) or 'none'})"
                  + (f"; {unaligned} gold spans could not be placed on the clean text" if unaligned else "")]
        return "\n".join(lines)


def gold_event_spans(gold: AnnotatedDocument, out: OutputDocument
                     ) -> tuple[list[tuple[str, list[tuple[int, int]]]], tuple[int, int] | None]:
    """Each gold event's type and every span telling it (trigger and ``also``), carried
    onto the output's clean text, and the clean window a page excerpt covers (None for
    the whole document): what the realis benchmark labels candidate triggers with."""
    window = None
    if gold.pages:
        out, window = _excerpt(out, gold.pages)
    placer = _Placer(gold, out, window)
    placed = []
    for event in gold.events:
        wanted = ([(event.start, event.end, event.trigger)] if event.start is not None else [])
        spans = [placer.place(a, b, t) for a, b, t in wanted + [(a, b, None) for a, b in event.also]]
        placed.append((event.type, [span for span in spans if span is not None]))
    return placed, window


def find_output(doc_id: str, out_docs: dict[str, OutputDocument]) -> str | None:
    """The output document a gold document is compared with (see :func:`_find_out`)."""
    return _find_out(doc_id, out_docs)


def _find_out(doc_id: str, out_docs: dict[str, OutputDocument]) -> str | None:
    """The output document for a gold doc_id: the same id, else one that extends it
    (gold ``001_x``, output ``001_x_print``), the shortest such."""
    if doc_id in out_docs:
        return doc_id
    longer = sorted((o for o in out_docs if o.startswith(doc_id) and o[len(doc_id)] in "_-. "), key=len)
    return longer[0] if longer else None


def compare(gold_docs: list[AnnotatedDocument], out_docs: dict[str, OutputDocument]) -> Report:
    """Compare gold documents with output documents; nothing is written."""
    tally, rows, compared, missing, extended = _Tally(), [], [], [], {}
    for gold in sorted(gold_docs, key=lambda d: d.doc_id):
        out_id = _find_out(gold.doc_id, out_docs)
        if out_id is None:
            missing.append(gold.doc_id)
            continue
        if out_id != gold.doc_id:
            extended[gold.doc_id] = out_id
        compared.append(gold.doc_id + (f" p{','.join(map(str, sorted(gold.pages)))}" if gold.pages else ""))
        out, window = out_docs[out_id], None
        if gold.pages:
            out, window = _excerpt(out, gold.pages)
        placer = _Placer(gold, out, window)
        if gold.mention_types:
            _compare_mentions(gold, out, placer, tally, rows)
        if gold.has_events:
            _compare_events(gold, out, placer, tally, rows)
    metrics = {
        "documents": {"gold": len(gold_docs), "compared": compared, "missing": missing,
                      "paired_by_prefix": extended},
        "mentions": {
            "strict": _per_type(tally.mentions["strict"]),
            "overlap": _per_type(tally.mentions["overlap"]),
            "values": {t: {f: _accuracy(c) for f, c in fs.items()} for t, fs in sorted(tally.values.items())},
            "unaligned": tally.unaligned["mention"],
        },
        "events": {
            "types": _per_type(tally.events),
            "fields": {f: _accuracy(c) for f, c in tally.event_fields.items()},
            "fields_given": {f: _accuracy(c) for f, c in tally.fields_given.items()},
            "unaligned": tally.unaligned["event"],
        },
    }
    rows.sort(key=lambda r: (r["doc_id"], r["start"] is None, r["start"] or 0, r["kind"], r["issue"]))
    return Report(metrics, rows)


def _metric_rows(metrics: dict) -> list[dict]:
    rows = []
    for mode in ("strict", "overlap"):
        rows += [{"kind": "mention", "mode": mode, "type": t, **s} for t, s in metrics["mentions"][mode].items()]
    rows += [{"kind": "event", "mode": "match", "type": t, **s} for t, s in metrics["events"]["types"].items()]
    rows += [{"kind": "mention", "mode": "value", "type": t, "field": f, **a}
             for t, fs in metrics["mentions"]["values"].items() for f, a in fs.items()]
    rows += [{"kind": "event", "mode": "field", "field": f, **a} for f, a in metrics["events"]["fields"].items()]
    return rows


def _csv_writer(columns, rows: list[dict]):
    """The discrepancy or metric rows as CSV, cells neutralised for spreadsheets (OWASP)."""
    def write(temp):
        with open(temp, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            writer.writerows(neutralise_row(row) for row in rows)
    return write


def _xlsx_writer(columns, rows: list[dict]):
    """The discrepancy rows as a workbook: text stored as text, never as a formula."""
    from openpyxl import Workbook

    def write(temp):
        book = Workbook()
        sheet = book.active
        sheet.title = "discrepancies"
        append_rows(sheet, columns, rows)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        book.save(temp)
    return write


def write_report(report: Report, report_dir: Path) -> None:
    """discrepancies.csv/.xlsx, metrics.json and metrics.csv, written together: a
    failure (a full disk) leaves an earlier report in the folder as it was."""
    report_dir = Path(report_dir)
    text = json.dumps(report.metrics, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    write_together([
        (report_dir / "discrepancies.csv", _csv_writer(DISCREPANCY_COLUMNS, report.discrepancies)),
        (report_dir / "discrepancies.xlsx", _xlsx_writer(DISCREPANCY_COLUMNS, report.discrepancies)),
        (report_dir / "metrics.json", text_writer(text)),
        (report_dir / "metrics.csv", _csv_writer(METRIC_COLUMNS, _metric_rows(report.metrics))),
    ])
    report.report_dir = report_dir


def check_report_dir(report_dir: Path, gold_path: Path, out_dir: Path) -> None:
    """Refuse a report folder where the report would be read as gold or tables later:
    the gold folder (the folder of a gold file), or the output folder. (Gold is read
    from a folder's own files, not its subfolders: ``GOLD/report`` is safe.)"""
    report, gold = Path(report_dir).resolve(), Path(gold_path).resolve()
    gold_folder = gold if gold.is_dir() else gold.parent
    if report == gold_folder:
        raise OutputError(f"{report_dir}: the report would be written into the gold folder {gold_folder}, "
                          "where the next reconcile would read it as gold; choose another folder (-o)")
    if report == Path(out_dir).resolve():
        raise OutputError(f"{report_dir}: the report would be written into the output folder itself; "
                          "choose another folder (-o)")


def compare_folders(out_dir: Path, gold_path: Path, type_map: dict | None = None) -> Report:
    """Read the gold and the output folder and compare them; nothing is written."""
    gold_docs = read_gold(Path(gold_path), type_map)
    return compare(gold_docs, {doc.doc_id: doc for doc in read_output(Path(out_dir))})


def _compare_task(args) -> Report | PipelineError:
    try:
        return compare_folders(*args)
    except PipelineError as error:  # a bad input: handed back as a value, raised by the caller
        return error


def reconcile(out_dir: Path, gold_path: Path, report_dir: Path, type_map: dict | None = None,
              limits: Limits | None = None) -> Report:
    """Compare an output folder with hand annotations and write the report files.

    With ``limits`` (the CLI gives the run's), reading and comparing happen in a
    worker process that may take that long and that much memory: a gold table of
    millions of rows is a clear error, not a machine that stops answering.
    """
    check_report_dir(report_dir, gold_path, out_dir)
    if limits is None or not limits.isolated:
        report = compare_folders(out_dir, gold_path, type_map)
    else:
        from ..batch.workers import WorkerFailure, WorkerPool

        with WorkerPool(1, _compare_task, limits=limits) as pool:
            ((_, report),) = list(pool.map([(Path(out_dir), Path(gold_path), type_map)]))
        if isinstance(report, WorkerFailure) and report.message.startswith("internal error"):
            raise RuntimeError(f"reconcile failed in its worker: {report.message}")  # a bug
        if isinstance(report, WorkerFailure):
            hint = {"timed": " (--timeout)", "out of": " (--max-memory)"}
            said = next((h for k, h in hint.items() if report.message.startswith(k)), "")
            raise GoldError(f"{gold_path}: reconcile gave up: {report.message}{said}")
        if isinstance(report, PipelineError):
            raise report
    write_report(report, report_dir)
    return report
