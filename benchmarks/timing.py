"""Seconds spent per stage, summed over calls: what the benchmarks report as ms/page."""

from __future__ import annotations

import time
from collections import Counter


class StageTimer:
    """Runs functions and adds their wall time to the stage they belong to.

    >>> timer = StageTimer()
    >>> timer.run("tag", sorted, [3, 1, 2])
    [1, 2, 3]
    >>> list(timer.seconds)
    ['tag']
    """

    def __init__(self) -> None:
        self.seconds: Counter = Counter()

    def run(self, stage: str, function, *args):
        started = time.perf_counter()
        result = function(*args)
        self.seconds[stage] += time.perf_counter() - started
        return result
