"""Event places on the development sets: every matched event whose place is not gold's, by class.

    python -m benchmarks.event_places                        # every development set
    python -m benchmarks.event_places --set wikinews-dev     # some (repeat --set)
    python -m benchmarks.event_places --list                 # and every such event, with its sentence

Development sets only, refused otherwise, run and compared as :mod:`benchmarks.event_dates`
runs and compares them. A matched event's place is right when it names gold's place
(:func:`~pipeline.reconcile.matching.same_value`), and "none" is right where gold gives none.
The others: ``extra`` (a place where gold gives none), ``other place``, and ``missing`` (gold
gives one, the output none), the missing ones told apart by where the text names gold's place
(a LOC mention of the output that names it): ``in sentence``, ``in paragraph`` (earlier in the
trigger's paragraph), ``earlier paragraph`` (of the body), ``headline only`` (the document's
opening lines without a full stop, :func:`~pipeline.events.merge.headline_end`, and no body
paragraph before the trigger's), ``later`` (only after the
trigger's paragraph) or ``not named`` (no mention of the output names it). An event told in
the headline (its first telling there: the body's retelling folded into it) is marked so.

``--trace`` reads each document again to say, for every matched event gold places, which
mechanism gave the output's place (:attr:`~pipeline.events.draft.Draft.place_by`: the
sentence's parse, a paragraph's framing place, the story's place, ...), and counts right and
wrong by mechanism and by set, and how many documents each mechanism is right on: a rule
right on one genre only, or on one or two documents, fits the pages it was written on.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.event_dates import development_args, listing_runs, matched_events, print_misses
from benchmarks.quality import GoldSet
from pipeline.analysis import analyse as analyse_text
from pipeline.events.draft import Draft
from pipeline.events.merge import headline_end
from pipeline.normalise import normalise
from pipeline.reconcile.matching import given, same_value


@dataclass(frozen=True, slots=True)
class PlaceMiss:
    """A matched event whose place is not gold's."""

    set: str
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    gold: str | None
    given: str | None
    kind: str
    start: int = 0  # the output event's trigger


@dataclass(frozen=True, slots=True)
class PlaceTrace:
    """A matched event gold places: which mechanism gave the output's place, and whether right."""

    set: str
    doc_id: str
    by: str
    right: bool
    gold_placed: bool = True  # false: gold gives none, the output one (an extra place)
    start: int = 0  # the output event's trigger


def place_mechanisms(raw_text: str, models) -> dict[tuple[int, int, str], Draft]:
    """The events of a document read again from its raw text, as a run reads it, by trigger
    span and type: each with the mechanism that gave its place."""
    drafts: list[Draft] = []
    analyse_text(normalise(raw_text), models, drafts_out=drafts)
    return {(d.event.start, d.event.end, d.event.type): d for d in drafts}


def trace(gold_set: GoldSet, out_dir: Path, tmp: Path, models) -> list[PlaceTrace]:
    """Every matched event gold places, with the mechanism that gave its place ("none": the
    output gives none; "untraced": the reading again differs from the run's)."""
    found, read = [], {}
    for doc_id, scored, gi, pi, _ in matched_events(gold_set, out_dir, tmp):
        want, got = gi.values.get("place"), pi.values.get("place")
        if not given(want) and not given(got):
            continue
        out_id = scored.out.doc_id
        if out_id not in read:
            read[out_id] = place_mechanisms((out_dir / "texts" / f"{out_id}.raw.txt").read_text(encoding="utf-8"), models)
        row = pi.values
        draft = read[out_id].get((row["start"], row["end"], row["type"]))
        if not given(got):
            by = "none"
        elif draft is None or draft.event.place != got:
            by = "untraced"
        else:
            by = draft.place_by or "untraced"
        found.append(PlaceTrace(gold_set.name, doc_id, by, given(want) and given(got) and same_value("place", want, got),
                                given(want), row["start"]))
    return found


def print_traces(traces: list[PlaceTrace]) -> None:
    """Right / given per mechanism and set, and on how many documents each mechanism is right."""
    sets = sorted({t.set for t in traces})
    print("\n== places by mechanism: right/given where gold places, per set; extra (given where gold "
          "gives none); documents right on")
    for by in sorted({t.by for t in traces}, key=lambda b: -sum(1 for t in traces if t.by == b)):
        mine = [t for t in traces if t.by == by and t.gold_placed]
        extra = [t for t in traces if t.by == by and not t.gold_placed]
        cells = [f"{s} {sum(t.right for t in mine if t.set == s)}/{sum(1 for t in mine if t.set == s)}"
                 f" +{sum(1 for t in extra if t.set == s)}" for s in sets]
        docs = len({(t.set, t.doc_id) for t in mine if t.right})
        print(f"  {by:44s} " + "  ".join(cells) + f"  | right on {docs} documents")


def where_named(text: str, mentions: list[dict], place: str, start: int, sentence: tuple[int, int]) -> str:
    """Where the text names ``place`` for an event at ``start`` whose output gives none.

    >>> text = "Задержан блогер в Омске\\nЕго задержали днём.\\nДругая строка."
    >>> omsk = [{"type": "LOC", "start": 18, "text": "Омске", "normal": "Омск"}]
    >>> where_named(text, omsk, "Омск", 28, (24, 43))
    'headline only'
    >>> where_named(text, omsk, "Пермь", 28, (24, 43))
    'not named'
    """
    named = [m["start"] for m in mentions if m.get("type") == "LOC"
             and (same_value("place", place, m.get("normal")) or same_value("place", place, m.get("text")))]
    if not named:
        return "not named"
    if any(sentence[0] <= at < sentence[1] for at in named):
        return "in sentence"
    paragraph, head = text.rfind("\n", 0, start) + 1, headline_end(text)
    if any(paragraph <= at < start for at in named):
        return "in paragraph"
    if any(head <= at < paragraph for at in named):
        return "earlier paragraph"
    if any(at < head for at in named):
        return "headline only"
    return "later"


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path) -> tuple[Counter, list[PlaceMiss]]:
    """Right and wrong places of one set's matched events."""
    counts, misses = Counter(), []
    for doc_id, scored, gi, pi, text in matched_events(gold_set, out_dir, tmp):
        want, got = gi.values.get("place"), pi.values.get("place")
        want, got = (want if given(want) else None), (got if given(got) else None)
        counts["gold placed" if want else "gold unplaced"] += 1
        if (want is None and got is None) or (want and same_value("place", want, got)):
            counts["right"] += 1
            continue
        row = pi.values
        sentence = scored.out.sentence_at(row["start"]) or {}
        span = (sentence.get("start", row["start"]), sentence.get("end", row["end"]))
        kind = ("extra" if want is None else "other place" if got else
                "missing: " + where_named(text, scored.out.mentions, want, row["start"], span))
        if row["start"] < headline_end(text):
            kind += " (told in the headline)"
        misses.append(PlaceMiss(gold_set.name, doc_id, row.get("page"), row["type"],
                                text[row["start"]:row["end"]], " ".join((sentence.get("text") or "").split()),
                                want, got, kind, row["start"]))
    return counts, misses


def main(argv: list[str] | None = None) -> int:
    args = development_args(__doc__, "place", argv, (("--trace", "count right and wrong places by the "
                                                                   "mechanism that gave them"),))
    traces: list[PlaceTrace] = []
    models = None
    if args.trace:
        from pipeline.nlp import load_models
        models = load_models()
    for gold_set, out, tmp in listing_runs(args):
        if args.trace:
            traces += trace(gold_set, out, tmp, models)
        counts, misses = analyse(gold_set, out, tmp)
        placed = counts["gold placed"]
        wrong_placed = sum(1 for m in misses if m.gold)
        print(f"\n== {gold_set.title}: matched {placed + counts['gold unplaced']}, "
              f"place right {placed - wrong_placed}/{placed} where gold places"
              f", {counts['right'] - placed + wrong_placed}/{counts['gold unplaced']} where it does not")
        by = {(t.doc_id, t.start): t.by for t in traces if t.set == gold_set.name}
        print_misses(misses, args.list, lambda m: f"gold {m.gold or '-'} given {m.given or '-'}",
                     lambda m: f" by {by[m.doc_id, m.start]}" if (m.doc_id, m.start) in by else "")
    if traces:
        print_traces(traces)
    return 0


if __name__ == "__main__":
    sys.exit(main())
