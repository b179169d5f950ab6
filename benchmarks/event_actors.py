"""Event actors on the development sets: every matched event whose actors are not gold's, by class.

    python -m benchmarks.event_actors                        # every development set
    python -m benchmarks.event_actors --set ovdinfo-dev      # some (repeat --set)
    python -m benchmarks.event_actors --list                 # and every such event, with its sentence

Development sets only, refused otherwise, run and compared as :mod:`benchmarks.event_persons`
runs and compares persons. A matched event's actors are right when they are gold's set of
kinds (police, court, …), and "none" is right where gold gives none. The others, by class:
``missing`` (gold gives actors, the output none), ``extra`` (the output gives actors where gold
gives none), ``fewer``, ``more``, ``other actor`` (none of gold's, another given: the listing
prints both, prefixed ``gold→given``) and ``mixed``.

>>> main(["--set", "ovdinfo-heldout"])
Traceback (most recent call last):
...
SystemExit: 2
"""

from __future__ import annotations

import sys

from benchmarks.event_persons import report


def main(argv: list[str] | None = None) -> int:
    return report(__doc__, "actors", argv)


if __name__ == "__main__":
    sys.exit(main())
