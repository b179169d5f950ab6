"""How well a linking agrees with the gold: pairwise and B-cubed precision and recall.

Pairwise: every pair of records the linker put in one cluster is a predicted link;
precision is the share of them the gold also links, recall the share of gold links
found. B-cubed (Bagga and Baldwin 1998) scores each record by the overlap of its
predicted and its gold cluster, so one wrong giant cluster costs in proportion to
the records it swallows. Both are computed over the records the gold knows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float
    n: int  # gold links (pairwise) or records (B-cubed)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "n": self.n}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _links(clusters: dict[str, str]) -> set[tuple[str, str]]:
    members = defaultdict(list)
    for record, label in clusters.items():
        members[label].append(record)
    return {tuple(sorted(pair)) for group in members.values()
            for pair in combinations(group, 2)}


def pairwise_counts(predicted: dict[str, str], gold: dict[str, str]) -> tuple[int, int, int]:
    """Links both make, links the linker makes, gold links: over the gold's records
    (counts add up across samples, for pooled scores).

    >>> pairwise_counts({"a": "x", "b": "x", "c": "x", "d": "y"}, {"a": 1, "b": 1, "c": 2, "d": 2})
    (1, 3, 2)
    """
    predicted = {r: predicted.get(r, f"alone:{r}") for r in gold}
    found, true = _links(predicted), _links(gold)
    return len(found & true), len(found), len(true)


def from_counts(hits: int, found: int, true: int) -> Scores:
    """Pairwise scores from :func:`pairwise_counts` (or their sums)."""
    p = hits / found if found else 1.0
    r = hits / true if true else 1.0
    return Scores(p, r, _f1(p, r), true)


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> Scores:
    """Pairwise scores; both map record -> cluster label, over the gold's records.

    >>> gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    >>> pairwise({"a": "x", "b": "x", "c": "x", "d": "y"}, gold)
    Scores(precision=0.3333333333333333, recall=0.5, f1=0.4, n=2)
    """
    return from_counts(*pairwise_counts(predicted, gold))


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> Scores:
    """B-cubed scores over the gold's records.

    >>> round(bcubed({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 2, "c": 2}).f1, 3)
    0.667
    """
    predicted = {r: predicted.get(r, f"alone:{r}") for r in gold}
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for record in gold:
        by_pred[predicted[record]].add(record)
        by_gold[gold[record]].add(record)
    p = r = 0.0
    for record in gold:
        same = len(by_pred[predicted[record]] & by_gold[gold[record]])
        p += same / len(by_pred[predicted[record]])
        r += same / len(by_gold[gold[record]])
    n = len(gold) or 1
    return Scores(p / n, r / n, _f1(p / n, r / n), len(gold))


def score(predicted: dict[str, str], gold: dict[str, str]) -> dict:
    """Pairwise and B-cubed scores as one dictionary."""
    return {"pairwise": pairwise(predicted, gold).as_dict(),
            "bcubed": bcubed(predicted, gold).as_dict()}
