"""Scored pairs into clusters: one per person, one per incident.

Connected components over the pairs at or above the threshold, as splink's own
clustering does, with two constraints its connected components cannot express:

- two records of one document never join one cluster: within a document the
  tagger and the events stage already told its people and its happenings apart,
  so a chain ``A1 - B - A2`` through another document is a mistake somewhere;
- an annotator's decision wins: a pair confirmed as the same is joined whatever
  its score, a pair rejected is never joined, not even through a third record;
- one person is in one city on a day: records that place someone in two
  different cities on the same day (``whereabouts``) are namesakes, and are not
  joined however alike their names (an annotator may still join them).

Pairs are taken strongest first, so where a constraint forbids a join the
weaker link is the one given up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .places import near


@dataclass(frozen=True, slots=True)
class Clusters:
    """A cluster number per record and each cluster's weakest joining link."""

    labels: list[int]  # per record, in record order; numbered by first record
    weakest: dict[int, float]  # cluster -> lowest match probability that joined it
    # pairs at or above the threshold that a rule kept apart: (i, j, probability, why)
    refused: list[tuple[int, int, float, str]] = field(default_factory=list)


ELSEWHERE = "two cities on one day"


def cluster(docs: Sequence[str], pairs: Iterable[tuple], threshold: float,
            same: Iterable[tuple[int, int]] = (),
            different: Iterable[tuple[int, int]] = (),
            whereabouts: Sequence[Iterable[str] | None] | None = None) -> Clusters:
    """Cluster records ``0..len(docs)-1`` from scored ``pairs`` (i, j, probability[, tie]).

    ``whereabouts``: per record, ``"YYYY-MM-DD city"`` strings (people only).

    >>> c = cluster(["a", "b", "c"], [(0, 1, 0.99), (1, 2, 0.95)], 0.9)
    >>> c.labels, c.weakest
    ([0, 0, 0], {0: 0.95})
    >>> cluster(["a", "b", "a"], [(0, 1, 0.99), (1, 2, 0.95)], 0.9).labels
    [0, 0, 1]
    >>> cluster(["a", "b", "c"], [(0, 1, 0.99), (1, 2, 0.95)], 0.9, different=[(0, 2)]).labels
    [0, 0, 1]
    >>> cluster(["a", "b", "c"], [(0, 1, 0.2)], 0.9, same=[(0, 2)]).labels
    [0, 1, 0]
    >>> c = cluster(["a", "b"], [(0, 1, 0.99)], 0.9,
    ...             whereabouts=[["2021-01-31 Москва"], ["2021-01-31 Екатеринбург"]])
    >>> c.labels, c.refused
    ([0, 1], [(0, 1, 0.99, 'two cities on one day')])
    """
    n = len(docs)
    parent = list(range(n))
    members: dict[int, set[int]] = {i: {i} for i in range(n)}
    documents: dict[int, set[str]] = {i: {docs[i]} for i in range(n)}
    days: dict[int, dict[str, set[str]]] = {}
    for i, places in enumerate(whereabouts or ()):
        for entry in places or ():
            day, city = entry.split(" ", 1)
            days.setdefault(i, {}).setdefault(day, set()).add(city)
    refused: list[tuple[int, int, float, str]] = []
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

    def elsewhere(a: int, b: int) -> bool:
        """Whether the two clusters place their person in two cities on one day."""
        one, other = days.get(a, {}), days.get(b, {})
        return any(day in other and not any(near(c, d) for c in cities for d in other[day])
                   for day, cities in one.items())

    def join(a: int, b: int, probability: float) -> None:
        if len(members[a]) < len(members[b]):
            a, b = b, a
        parent[b] = a
        members[a] |= members.pop(b)
        documents[a] |= documents.pop(b)
        for day, cities in days.pop(b, {}).items():
            days.setdefault(a, {}).setdefault(day, set()).update(cities)
        weakest[a] = min(probability, weakest.pop(a, 1.0), weakest.pop(b, 1.0))

    for i, j in same:
        a, b = root(i), root(j)
        if a != b:
            join(a, b, 1.0)
    # Strongest first; among equals (a copied document's events), the pair whose
    # records stand at the same place in their documents (a tie key, if given).
    for i, j, probability, *_ in sorted(pairs, key=lambda p: (-p[2], *p[3:])):
        if probability < threshold:
            break
        a, b = root(i), root(j)
        if a == b or documents[a] & documents[b] or kept_apart(a, b):
            continue
        if elsewhere(a, b):
            refused.append((i, j, probability, ELSEWHERE))
            continue
        join(a, b, probability)

    labels, numbers = [], {}
    for i in range(n):
        labels.append(numbers.setdefault(root(i), len(numbers)))
    return Clusters(labels, {numbers[r]: p for r, p in weakest.items()}, refused)
