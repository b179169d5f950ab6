"""Event counts on the development sets: every matched event whose count is not gold's, by class.

    python -m benchmarks.event_counts                        # every development set
    python -m benchmarks.event_counts --set wikinews-dev     # some (repeat --set)
    python -m benchmarks.event_counts --list                 # and every such event, with its sentence

Development sets only, refused otherwise, run and compared as :mod:`benchmarks.event_dates`
runs and compares them. A matched event's count (``count_min``, ``count_max``) is right as
``benchmarks.quality`` scores it: the ends gold states equal (a bound leaves the other end
empty), and "none" is right where gold gives none. Printed per set: count right where gold
counts (accuracy), the counts given and right among them, and the others by class:

- ``missing``: gold counts, the output gives none; ``: tagged in sentence`` when a COUNT
  mention of the output in the trigger's sentence holds gold's number, ``: not tagged`` else;
- ``extra``: the output counts where gold does not;
- ``bound``: the same number as gold, an end lost or added (``более 400``: min 401, no max);
- ``other number in sentence``: gold's number is a COUNT mention of the sentence, another given;
- ``other number``: gold's number is not a COUNT mention of the sentence.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.event_dates import development_args, listing_runs, matched_events, print_misses
from benchmarks.quality import GoldSet
from pipeline.reconcile.matching import EVENT_FIELDS, given, same_value, show, stated

PARTS = EVENT_FIELDS["count"]


@dataclass(frozen=True, slots=True)
class CountMiss:
    """A matched event whose count is not gold's."""

    set: str
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    gold: str
    given: str
    counts_near: str  # the COUNT mentions of the trigger's sentence, with their values
    kind: str


def _shown(values: dict) -> str:
    low, high = (show(values.get(p)) for p in PARTS)
    flags = "".join(f" {f}" for f in ("approx", "aggregate") if str(values.get(f)).lower() in ("true", "1"))
    if low is None and high is None:
        return "-"
    return (low if low == high else f"{low or ''}..{high or ''}") + flags


def _numbers(values: dict) -> set[float]:
    return {float(values[p]) for p in PARTS if given(values.get(p))}


def classify(gold: dict, out: dict, sentence_counts: list[dict]) -> str | None:
    """The class of an output count against gold's, None when right.

    >>> classify({"count_min": 401, "count_max": None}, {"count_min": 401, "count_max": 401}, [])
    'bound'
    >>> classify({"count_min": 5, "count_max": 5}, {}, [{"count_min": 5, "count_max": 5}])
    'missing: tagged in sentence'
    >>> classify({}, {"count_min": 3, "count_max": 3}, [])
    'extra'
    >>> classify({}, {}, []) is None
    True
    """
    told = stated(gold, PARTS)
    if not told:
        return "extra" if any(given(out.get(p)) for p in PARTS) else None
    if all(same_value(p, gold[p], out.get(p)) for p in told):
        return None
    want = _numbers(gold)
    near = set().union(*(_numbers(m) for m in sentence_counts)) if sentence_counts else set()
    if not any(given(out.get(p)) for p in PARTS):
        return "missing: " + ("tagged in sentence" if want & near else "not tagged")
    if want & _numbers(out):
        return "bound"
    return "other number in sentence" if want & near else "other number"


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path) -> tuple[Counter, list[CountMiss]]:
    """Right and wrong counts of one set's matched events."""
    counts, misses = Counter(), []
    for doc_id, scored, gi, pi, text in matched_events(gold_set, out_dir, tmp):
        row = pi.values
        sentence = scored.out.sentence_at(row["start"]) or {}
        lo, hi = sentence.get("start", row["start"]), sentence.get("end", row["end"])
        near = [m for m in scored.out.mentions if m.get("type") == "COUNT" and lo <= (m.get("start") or -1) < hi]
        counted = bool(stated(gi.values, PARTS))
        gave = any(given(row.get(p)) for p in PARTS)
        kind = classify(gi.values, row, near)
        counts["gold counted" if counted else "gold uncounted"] += 1
        counts["right" if kind is None else "wrong"] += 1
        if counted and kind is None:
            counts["right where counted"] += 1
        if gave:
            counts["given"] += 1
            counts["given right"] += kind is None
        if kind is None:
            continue
        misses.append(CountMiss(gold_set.name, doc_id, row.get("page"), row["type"],
                                text[row["start"]:row["end"]], " ".join((sentence.get("text") or "").split()),
                                _shown(gi.values), _shown(row),
                                "; ".join(f"«{m.get('text')}» {_shown(m)}" for m in near), kind))
    return counts, misses


def main(argv: list[str] | None = None) -> int:
    args = development_args(__doc__, "count", argv)
    for gold_set, out, tmp in listing_runs(args):
        counts, misses = analyse(gold_set, out, tmp)
        print(f"\n== {gold_set.title}: matched {counts['gold counted'] + counts['gold uncounted']}, "
              f"count right {counts['right where counted']}/{counts['gold counted']} where gold counts, "
              f"given and right {counts['given right']}/{counts['given']}, "
              f"values right {counts['right']}/{counts['right'] + counts['wrong']}")
        print_misses(misses, args.list,
                     lambda m: f"gold {m.gold} given {m.given} (counts: {m.counts_near or '-'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
