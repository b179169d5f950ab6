"""Build the held-out gold JSON from its snippet sources.

The held-out statements live apart from the development samples:
``data/heldout/raw/<doc_id>.txt`` (text), ``data/heldout/annotated/src/<doc_id>.json``
(snippet source) and ``data/heldout/annotated/<doc_id>.json`` (gold). The
snippet format and the checks are those of ``scripts/build_gold.py``, which is
imported rather than copied; the one addition is a date range, written
``"date": ["2021-03-03", "2021-03-05"]`` (``с 3 по 5 марта``), which becomes
``date_start``/``date_end`` with day precision and the normal
``2021-03-03/2021-03-05``.

Usage (from the repository root):
  python data/heldout/build_heldout_gold.py            # write the gold JSON
  python data/heldout/build_heldout_gold.py --check    # exit 1 if it is out of date
  python data/heldout/build_heldout_gold.py --review   # print every span in context
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HELDOUT_DIR = Path(__file__).resolve().parent
ROOT = HELDOUT_DIR.parent.parent
RAW_DIR = HELDOUT_DIR / "raw"
GOLD_DIR = HELDOUT_DIR / "annotated"
SRC_DIR = GOLD_DIR / "src"

_spec = importlib.util.spec_from_file_location("build_gold", ROOT / "scripts" / "build_gold.py")
build_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_gold)


def expand_date_range(value: list[str]) -> dict:
    """A day range ``[first, last]`` to date fields.

    >>> expand_date_range(["2021-03-03", "2021-03-05"])["date_end"]
    '2021-03-05'
    """
    first, last = (build_gold.expand_date(v) for v in value)
    if first["date_precision"] != "day" or last["date_precision"] != "day":
        raise build_gold.GoldError(f"date range {value!r}: give two full dates")
    if first["date_start"] > last["date_start"]:
        raise build_gold.GoldError(f"date range {value!r}: first after last")
    return {"date_start": first["date_start"], "date_end": last["date_start"],
            "date_precision": "day"}


def _split_range(entry: dict) -> tuple[dict, dict | None]:
    """The entry without a date range, and the range's fields (None if no range)."""
    if not isinstance(entry.get("date"), list):
        return entry, None
    rest = {k: v for k, v in entry.items() if k != "date"}
    return rest, expand_date_range(entry["date"])


def build_mention(text: str, entry: dict, where: str) -> dict:
    rest, dates = _split_range(entry)
    if dates is None:
        return build_gold.build_mention(text, entry, where)
    rest.setdefault("normal", f"{dates['date_start']}/{dates['date_end']}")
    mention = build_gold.build_mention(text, rest, where)
    mention.update(dates)
    return mention


def build_event(text: str, entry: dict, where: str) -> dict:
    rest, dates = _split_range(entry)
    event = build_gold.build_event(text, rest, where)
    if dates is not None:
        event.update(dates)
    return event


def build_document(src_path: Path) -> dict:
    source = json.loads(src_path.read_text(encoding="utf-8"))
    doc_id = source["doc_id"]
    text = (RAW_DIR / f"{doc_id}.txt").read_bytes().decode("utf-8")
    mentions = [build_mention(text, entry, f"{doc_id} mention {i}")
                for i, entry in enumerate(source["mentions"])]
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    build_gold.check_flat(mentions, doc_id)
    events = [build_event(text, entry, f"{doc_id} event {i}")
              for i, entry in enumerate(source["events"])]
    events.sort(key=lambda e: (e["start"], e["end"]))
    return {"doc_id": doc_id, "text": text, "mentions": mentions, "events": events}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSON is out of date")
    parser.add_argument("--review", action="store_true", help="print spans in context")
    args = parser.parse_args(argv)
    stale = []
    for src_path in sorted(SRC_DIR.glob("*.json")):
        document = build_document(src_path)
        out_path = GOLD_DIR / f"{document['doc_id']}.json"
        rendered = build_gold.render(document)
        if args.review:
            build_gold.review(document)
        if args.check:
            if not out_path.exists() or out_path.read_text(encoding="utf-8") != rendered:
                stale.append(out_path.name)
        else:
            out_path.write_text(rendered, encoding="utf-8")
            print(f"{out_path.relative_to(ROOT)}: {len(document['mentions'])} mentions, "
                  f"{len(document['events'])} events", file=sys.stderr)
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
