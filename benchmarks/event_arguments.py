"""Event arguments (place, date, persons) against NEREL's own relations: a large real set.

    python -m benchmarks.event_arguments                    # the development half
    python -m benchmarks.event_arguments --list             # and every error, with its sentence
    python -m benchmarks.event_arguments --split heldout    # aggregates only (the lead's look)

NEREL (``../shared/data/nerel``, brat ``.txt``/``.ann``; research use, never copied into the
project) annotates EVENT entities and their relations to other entities: ``TAKES_PLACE_IN`` (a
place), ``POINT_IN_TIME`` (a date), ``PARTICIPANT_IN`` / ``AGENT`` (who), and from a PENALTY or a
CRIME ``PENALIZED_AS`` / ``CONVICTED_OF`` (who). People outside the team wrote them, so they
judge our event arguments on text nobody here tuned on -- until we tune on its development half.

**The split** (fixed before the pipeline ran on any NEREL text, and never to be redrawn):
the documents are every NEREL ``train`` and ``dev`` article with both files, minus every
article of a Wikinews split that is held out or validation (``data/wikinews/split.json`` read at
run time, so a later draw is excluded automatically; the Wikinews development articles stay).
Each remaining document falls in ``dev`` or ``heldout`` by :func:`bucket`: the SHA-256 of
``SALT`` and the document's name (``train/123_text``), its first eight hex digits as a number
modulo 1000; below 500 is ``dev``. No random state: the same name always falls the same way,
and a document added to NEREL later falls by the same rule. ``--split heldout`` prints
aggregates only and refuses ``--list``; only the lead runs it.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import wikinews_gold  # noqa: E402  (the Wikinews split and NEREL's folder)

SALT = "testimony/event-arguments/2026-12-07"  # fixed: changing it redraws the split
BUCKETS = 1000
DEV_BELOW = 500  # buckets [0, 500) are dev, [500, 1000) held out
SPLITS = ("dev", "heldout")
NEREL_SPLITS = ("train", "dev")


def bucket(doc: str) -> int:
    """A document's bucket: a stable hash of its name with ``SALT``, in [0, BUCKETS).

    >>> bucket("train/123_text") == bucket("train/123_text"), 0 <= bucket("dev/9_text") < BUCKETS
    (True, True)
    """
    return int(hashlib.sha256(f"{SALT}\n{doc}".encode("utf-8")).hexdigest()[:8], 16) % BUCKETS


def half(doc: str) -> str:
    """``dev`` or ``heldout``: which half of the set a document falls in."""
    return "dev" if bucket(doc) < DEV_BELOW else "heldout"


def wikinews_excluded() -> frozenset[str]:
    """Every article of a Wikinews split that is held out or validation, read from split.json
    now: the named splits and any stored key naming held-out or validation material."""
    stored, split = wikinews_gold.stored_split(), wikinews_gold.split()
    excluded = set(split["heldout"]) | set(split[wikinews_gold.VALIDATION])
    for key, value in stored.items():
        if ("heldout" in key or "validation" in key) and key != "rule":
            excluded |= set(value if isinstance(value, list) else wikinews_gold.drawn_docs(value))
    return frozenset(excluded)


def all_documents(nerel: Path | None = None) -> list[str]:
    """Every NEREL train and dev article with a text and an annotation file, in name order."""
    nerel = nerel or wikinews_gold.nerel_dir()
    return [f"{split}/{path.stem}" for split in NEREL_SPLITS
            for path in sorted((nerel / split).glob("*.txt")) if path.with_suffix(".ann").exists()]


def documents(split: str, nerel: Path | None = None) -> list[str]:
    """The documents of one half: NEREL's minus the Wikinews held-out and validation ones."""
    if split not in SPLITS:
        raise ValueError(f"split {split!r}: expected one of {', '.join(SPLITS)}")
    excluded = wikinews_excluded()
    return [doc for doc in all_documents(nerel) if doc not in excluded and half(doc) == split]
