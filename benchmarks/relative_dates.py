"""Relative dates: the date tagger before and after dateparser dates them.

    python -m benchmarks.relative_dates [--nerel DIR]

Two tables of sentences (``tests/data/relative_dates``: ``dev`` tuned on, ``heldout``
never), each DATE bracketed with its ``normal`` and the statement's date as reference.
Each system is the date tagger given that reference: "before" is what it tagged
without the relative dates (``pipeline.tag.relative_dates``), "after" is all of it.
Scores: precision and recall of the found expressions (same span), and the share of
found expressions whose date is right (same ``normal``).

With NEREL beside the repository (``../shared/data/nerel``; read, never copied), also
how many of NEREL's relative DATE spans (no digit, a relative word) each system finds
(any overlap), and how many of the dates the relative rules add NEREL marks as DATE.
NEREL's texts carry no date of their own, so there the dates are not scored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "tests" / "data" / "relative_dates"
NEREL = REPO.parent / "shared" / "data" / "nerel"
_BRACKET = re.compile(r"\[([^\]]+)\]")


@dataclass(frozen=True, slots=True)
class Case:
    reference: dt.date
    text: str
    dates: tuple[tuple[int, int, str], ...]  # (start, end, normal) of each bracket


def read_table(name: str) -> list[Case]:
    """The cases of ``tests/data/relative_dates/{name}.tsv``."""
    cases = []
    for number, line in enumerate((TABLES / f"{name}.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        reference, marked, normals = (line.split("\t") + [""])[:3]
        normals = [n.strip() for n in normals.split(";") if n.strip()]
        text, dates, at = "", [], 0
        for match in _BRACKET.finditer(marked):
            text += marked[at:match.start()]
            dates.append((len(text), len(text) + len(match.group(1))))
            text += match.group(1)
            at = match.end()
        text += marked[at:]
        if len(dates) != len(normals):
            raise ValueError(f"{name}.tsv line {number}: {len(dates)} brackets but {len(normals)} normals")
        cases.append(Case(dt.date.fromisoformat(reference), text,
                          tuple((s, e, n) for (s, e), n in zip(dates, normals))))
    return cases


def after(text: str, reference: dt.date) -> list[tuple[int, int, str | None]]:
    """The date tagger as it is: relative dates included."""
    from pipeline.tag.dates import tag_dates

    return [(m.start, m.end, m.normal) for m in tag_dates(text, reference)]


def before(text: str, reference: dt.date) -> list[tuple[int, int, str | None]]:
    """The date tagger without the relative dates it now adds (they never overlap its own)."""
    from pipeline.tag.relative_dates import tag_relative_dates

    added = {(m.start, m.end, m.normal) for m in tag_relative_dates(text, reference)}
    return [m for m in after(text, reference) if m not in added]


@dataclass(frozen=True, slots=True)
class Scores:
    gold: int
    found: int
    right_span: int
    right_date: int

    @property
    def precision(self) -> float:
        return self.right_span / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right_span / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        """Of the expressions found with the right span, the share dated right."""
        return self.right_date / self.right_span if self.right_span else 0.0

    def row(self, name: str) -> str:
        return (f"| {name} | {self.precision:.3f} | {self.recall:.3f} | {self.f1:.3f} | "
                f"{self.right_date}/{self.right_span} = {self.date_accuracy:.3f} | "
                f"{self.right_date}/{self.gold} |")


def score(cases: list[Case], system: Callable) -> Scores:
    gold = found = right_span = right_date = 0
    for case in cases:
        predicted = {(s, e): n for s, e, n in system(case.text, case.reference)}
        gold += len(case.dates)
        found += len(predicted)
        for start, end, normal in case.dates:
            if (start, end) in predicted:
                right_span += 1
                right_date += predicted[(start, end)] == normal
    return Scores(gold, found, right_span, right_date)


def wrong(cases: list[Case], system: Callable) -> list[str]:
    """Each case the system gets wrong, for reading."""
    lines = []
    for case in cases:
        predicted = sorted(system(case.text, case.reference))
        expected = sorted(case.dates)
        if predicted != expected:
            lines.append(f"{case.reference} {case.text!r}\n  expected {expected}\n  found    {predicted}")
    return lines


# ---------------------------------------------------------------- NEREL

# A NEREL DATE is relative when it has no digit and one of these words (fixed before
# the rules were scored on NEREL; never tuned).
RELATIVE_WORD = re.compile(
    r"вчера|позавчера|недел|выходн|понедельник|вторник|сред[уаы]|четверг|пятниц|суббот|воскресен"
    r"|зим[аоуы]|весн|\bлет[оа]|летом|осен|назад|прошл|минувш|прошедш|нынешн|текущ|\bэт[оиу]", re.I)
_NO_REFERENCE = dt.date(2020, 1, 1)  # NEREL's texts are undated: some date lets both systems tag


def nerel_dates(folder: Path):
    """(text, [(start, end, text)] of DATE spans) of every NEREL document in a folder but
    the held-out and validation Wikinews articles (NEREL texts nobody may tune on)."""
    from benchmarks.ner_peers import nerel_texts

    for path in nerel_texts(folder)[0]:
        ann = path.with_suffix(".ann")
        if not ann.exists():
            continue
        text = path.read_text(encoding="utf-8")
        spans = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3 and parts[1].startswith("DATE "):
                offsets = [int(x) for piece in parts[1][5:].split(";") for x in piece.split()]
                spans.append((min(offsets), max(offsets), parts[2]))
        yield text, spans


def nerel_scores(root: Path) -> dict:
    relative = found_before = found_after = added = added_marked = 0
    for split in ("dev", "train"):
        for text, spans in nerel_dates(root / split):
            gold = [(s, e) for s, e, t in spans if not re.search(r"\d", t) and RELATIVE_WORD.search(t)]
            then = [(s, e) for s, e, _ in before(text, _NO_REFERENCE)]
            now = [(s, e) for s, e, _ in after(text, _NO_REFERENCE)]
            new = [m for m in now if m not in then]

            def hit(span, spans_):
                return any(s < span[1] and span[0] < e for s, e in spans_)

            relative += len(gold)
            found_before += sum(hit(g, then) for g in gold)
            found_after += sum(hit(g, now) for g in gold)
            added += len(new)
            added_marked += sum(hit(n, [(s, e) for s, e, _ in spans]) for n in new)
    return {"relative": relative, "before": found_before, "after": found_after,
            "added": added, "added_marked": added_marked}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nerel", type=Path, default=Path(os.environ.get("NEREL_DIR", NEREL)))
    parser.add_argument("--show", action="store_true", help="print every case a system gets wrong")
    args = parser.parse_args()
    print("| table | system | P (span) | R (span) | F1 | date right, of found | right span and date, of all |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in ("dev", "heldout"):
        cases = read_table(name)
        n = sum(len(c.dates) for c in cases)
        for label, system in (("before", before), ("after", after)):
            print(score(cases, system).row(f"{name} ({len(cases)} sentences, {n} dates) | {label}"))
            if args.show:
                print("\n".join(wrong(cases, system)))
    if not (args.nerel / "dev").is_dir():
        print(f"NEREL: skipped (no {args.nerel / 'dev'})")
        return
    s = nerel_scores(args.nerel)
    print(f"NEREL dev+train: {s['relative']} relative DATE spans; found before {s['before']} "
          f"({s['before'] / s['relative']:.1%}), after {s['after']} ({s['after'] / s['relative']:.1%}); "
          f"the relative rules add {s['added']} dates, {s['added_marked']} of them NEREL DATEs "
          f"({s['added_marked'] / max(s['added'], 1):.1%})")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
