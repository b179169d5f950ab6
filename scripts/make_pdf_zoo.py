"""Build the PDF zoo into a folder to look at: every installed producer, every zoo text.

    python scripts/make_pdf_zoo.py [OUT] [--ci] [--producers chromium,xelatex]

Writes ``NAME.pdf`` with its reference ``NAME.txt`` and ``manifest.json`` (what
was made, skipped for a missing tool, or failed). ``benchmarks/pdf_zoo.py``
builds the same zoo and scores extraction on it; see ``benchmarks/zoo/``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository, for benchmarks.zoo

from benchmarks.zoo import build  # noqa: E402
from benchmarks.zoo.producers import PRODUCERS  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("build/pdf_zoo"))
    parser.add_argument("--ci", action="store_true", help="only the producers CI installs, one text each")
    parser.add_argument("--producers", help="comma-separated producer names")
    args = parser.parse_args()
    producers = PRODUCERS
    if args.producers:
        producers = tuple(p for p in PRODUCERS if p.name in set(args.producers.split(",")))
    if args.ci:
        producers = tuple(p for p in producers if p.ci)
    manifest = build(args.out, producers, per_producer=1 if args.ci else 3)
    print(f"{len(manifest['entries'])} PDFs in {args.out}; skipped {len(manifest['skipped'])}, "
          f"failed {len(manifest['failed'])}")


if __name__ == "__main__":
    main()
