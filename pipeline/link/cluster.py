"""Scored pairs into clusters: one per person, one per incident.

Connected components over the pairs at or above the threshold, as splink's own
clustering does, with two constraints its connected components cannot express:

- two records of one document never join one cluster: within a document the
  tagger and the events stage already told its people and its happenings apart,
  so a chain ``A1 - B - A2`` through another document is a mistake somewhere;
- an annotator's decision wins: a pair confirmed as the same is joined whatever
  its score, a pair rejected is never joined, not even through a third record.

Pairs are taken strongest first, so where a constraint forbids a join the
weaker link is the one given up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Clusters:
    """A cluster number per record and each cluster's weakest joining link."""

    labels: list[int]  # per record, in record order; numbered by first record
    weakest: dict[int, float]  # cluster -> lowest match probability that joined it


def cluster(docs: Sequence[str], pairs: Iterable[tuple[int, int, float]], threshold: float,
            same: Iterable[tuple[int, int]] = (),
            different: Iterable[tuple[int, int]] = ()) -> Clusters:
    """Cluster records ``0..len(docs)-1`` from scored ``pairs`` (i, j, probability).

    >>> c = cluster(["a", "b", "c"], [(0, 1, 0.99), (1, 2, 0.95)], 0.9)
    >>> c.labels, c.weakest
    ([0, 0, 0], {0: 0.95})
    >>> cluster(["a", "b", "a"], [(0, 1, 0.99), (1, 2, 0.95)], 0.9).labels
    [0, 0, 1]
    >>> cluster(["a", "b", "c"], [(0, 1, 0.99), (1, 2, 0.95)], 0.9, different=[(0, 2)]).labels
    [0, 0, 1]
    >>> cluster(["a", "b", "c"], [(0, 1, 0.2)], 0.9, same=[(0, 2)]).labels
    [0, 1, 0]
    """
    n = len(docs)
    parent = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}
    documents: dict[int, set[str]] = {i: {docs[i]} for i in range(n)}
    weakest: dict[int, float] = {}
    apart: dict[int, set[int]] = {}
    for i, j in different:
        apart.setdefault(i, set()).add(j)
        apart.setdefault(j, set()).add(i)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def kept_apart(a: int, b: int) -> bool:
        small, large = sorted((a, b), key=lambda r: len(members[r]))
        return any(root(k) == large for m in members[small] for k in apart.get(m, ()))

    def join(a: int, b: int, probability: float) -> None:
        if len(members[a]) < len(members[b]):
            a, b = b, a
        parent[b] = a
        members[a] |= members.pop(b)
        documents[a] |= documents.pop(b)
        weakest[a] = min(probability, weakest.pop(a, 1.0), weakest.pop(b, 1.0))

    for i, j in same:
        a, b = root(i), root(j)
        if a != b:
            join(a, b, 1.0)
    for i, j, probability in sorted(pairs, key=lambda p: -p[2]):
        if probability < threshold:
            break
        a, b = root(i), root(j)
        if a == b or documents[a] & documents[b] or kept_apart(a, b):
            continue
        join(a, b, probability)

    labels, numbers = [], {}
    for i in range(n):
        labels.append(numbers.setdefault(root(i), len(numbers)))
    return Clusters(labels, {numbers[r]: p for r, p in weakest.items()})
