"""Event persons on the development sets: every matched event whose persons are not gold's, by class.

    python -m benchmarks.event_persons                        # every development set
    python -m benchmarks.event_persons --set wikinews-dev     # some (repeat --set)
    python -m benchmarks.event_persons --list                 # and every such event, with its sentence

Development sets only, refused otherwise, run and compared as :mod:`benchmarks.event_dates`
runs and compares them. A matched event's persons are right when they are gold's set of names
(:func:`~pipeline.reconcile.matching.same_value`), and "none" is right where gold gives none.
The others, by class:

- ``missing``: gold gives persons, the output none; told apart by where the text names gold's
  first person (a PER mention of the output whose normal form or text is that name):
  ``in sentence``, ``earlier`` (before the trigger's sentence), ``later`` or ``not named``;
- ``extra``: the output gives persons where gold gives none;
- ``fewer``: some of gold's persons and none other (a person left out);
- ``more``: all of gold's persons and others (an extra person beside them);
- ``other person``: none of gold's persons, another one given (whose: the listing prints both);
- ``mixed``: some of gold's, some others.

>>> main(["--set", "wikinews-heldout"])
Traceback (most recent call last):
...
SystemExit: 2
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.event_dates import development_args, listing_runs, matched_events, print_misses
from benchmarks.quality import GoldSet
from pipeline.reconcile.matching import normalise_name
from pipeline.records import split_names


@dataclass(frozen=True, slots=True)
class PersonMiss:
    """A matched event whose persons are not gold's."""

    set: str
    doc_id: str
    page: int | None
    type: str
    trigger: str
    sentence: str
    gold: tuple[str, ...]
    given: tuple[str, ...]
    kind: str


def classify(gold: list[str], given: list[str]) -> str | None:
    """The class of the persons given against gold's, None when right.

    >>> classify(["Анна Петрова"], ["анна петрова"]) is None
    True
    >>> classify(["Анна Петрова", "Иван Сидоров"], ["Анна Петрова"])
    'fewer'
    >>> classify([], ["Анна Петрова"]), classify(["Анна Петрова"], ["Иван Сидоров"])
    ('extra', 'other person')
    """
    want, got = {normalise_name(n) for n in gold}, {normalise_name(n) for n in given}
    if want == got:
        return None
    if not got:
        return "missing"
    if not want:
        return "extra"
    if got < want:
        return "fewer"
    if want < got:
        return "more"
    return "mixed" if want & got else "other person"


def where_named(mentions: list[dict], person: str, sentence: tuple[int, int]) -> str:
    """Where the text names ``person`` for an event of the sentence spanning ``sentence``.

    >>> anna = [{"type": "PER", "start": 3, "text": "Анну", "normal": "Анна"}]
    >>> where_named(anna, "Анна", (0, 20)), where_named(anna, "Анна", (10, 30)), where_named(anna, "Олег", (0, 9))
    ('in sentence', 'earlier', 'not named')
    """
    name = normalise_name(person)
    named = [m["start"] for m in mentions if m.get("type") == "PER"
             and name in (normalise_name(m.get("normal") or ""), normalise_name(m.get("text") or ""))]
    if not named:
        return "not named"
    if any(sentence[0] <= at < sentence[1] for at in named):
        return "in sentence"
    return "earlier" if any(at < sentence[0] for at in named) else "later"


def analyse(gold_set: GoldSet, out_dir: Path, tmp: Path, field: str = "persons") -> tuple[Counter, list[PersonMiss]]:
    """Right and wrong persons (or, with ``field="actors"``, actors) of one set's matched events;
    a miss keeps the field's values in its ``gold`` and ``given``."""
    counts, misses = Counter(), []
    for doc_id, scored, gi, pi, text in matched_events(gold_set, out_dir, tmp):
        want, got = split_names(gi.values.get(field)), split_names(pi.values.get(field))
        counts["gold named" if want else "gold none"] += 1
        kind = classify(want, got)
        if kind is None:
            counts["right"] += 1
            continue
        row = pi.values
        sentence = scored.out.sentence_at(row["start"]) or {}
        if field == "persons" and kind == "missing":
            span = (sentence.get("start", row["start"]), sentence.get("end", row["end"]))
            kind += ": " + where_named(scored.out.mentions, want[0], span)
        misses.append(PersonMiss(gold_set.name, doc_id, row.get("page"), row["type"],
                                 text[row["start"]:row["end"]], " ".join((sentence.get("text") or "").split()),
                                 tuple(want), tuple(got), kind if field == "persons" else kind.replace("person", "actor")))
    return counts, misses


def report(doc: str, field: str, argv: list[str] | None) -> int:
    """Run the development sets ``argv`` names and print ``field``'s figures and misses."""
    args = development_args(doc, field, argv)
    for gold_set, out, tmp in listing_runs(args):
        counts, misses = analyse(gold_set, out, tmp, field)
        named = counts["gold named"]
        wrong_with = sum(1 for m in misses if m.gold)
        print(f"\n== {gold_set.title}: matched {named + counts['gold none']}, "
              f"{field} right {named - wrong_with}/{named} where gold names {field}"
              f", {counts['right'] - named + wrong_with}/{counts['gold none']} where it names none")
        print_misses(misses, args.list,
                     lambda m: f"gold {'; '.join(m.gold) or '-'} given {'; '.join(m.given) or '-'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return report(__doc__, "persons", argv)


if __name__ == "__main__":
    sys.exit(main())
