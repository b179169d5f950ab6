"""Build the development gold (data/dev/annotated/) from snippet sources.

Same snippet format and rules as scripts/build_gold.py (whose functions this
reuses), with the raw texts in data/dev/raw/ and the sources in data/dev/src/.
One addition: a date may be a range of two ISO days, ``"date": ["2021-03-03",
"2021-03-05"]`` (``с 3 по 5 марта``), giving date_start < date_end with day
precision; the mention's normal is then ``2021-03-03/2021-03-05``.

Usage:
  python data/dev/build_dev_gold.py            # write data/dev/annotated/*.json
  python data/dev/build_dev_gold.py --check    # exit 1 if the JSON is out of date
  python data/dev/build_dev_gold.py --review   # print every span in context
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

DEV_DIR = Path(__file__).resolve().parent
ROOT = DEV_DIR.parent.parent
RAW_DIR = DEV_DIR / "raw"
GOLD_DIR = DEV_DIR / "annotated"
SRC_DIR = DEV_DIR / "src"

_spec = importlib.util.spec_from_file_location("build_gold", ROOT / "scripts" / "build_gold.py")
build_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_gold)


def expand_date_range(entry: dict) -> dict:
    """Turn a two-day ``date`` list into the fields; other entries pass through.

    >>> expand_date_range({"date": ["2021-03-03", "2021-03-05"]})["date_end"]
    '2021-03-05'
    """
    value = entry.get("date")
    if not isinstance(value, list):
        return {}
    first, last = (build_gold.expand_date(v) for v in value)
    if first["date_precision"] != "day" or last["date_precision"] != "day":
        raise build_gold.GoldError(f"date range {value!r}: both ends must be days")
    if first["date_start"] > last["date_start"]:
        raise build_gold.GoldError(f"date range {value!r}: start after end")
    return {"date_start": first["date_start"], "date_end": last["date_start"],
            "date_precision": "day"}


def _without_range(entry: dict) -> dict:
    return {k: v for k, v in entry.items() if not (k == "date" and isinstance(v, list))}


def build_mention(text: str, entry: dict, where: str) -> dict:
    dates = expand_date_range(entry)
    if not dates:
        return build_gold.build_mention(text, entry, where)
    stripped = _without_range(entry)
    stripped.setdefault("normal", f"{dates['date_start']}/{dates['date_end']}")
    mention = build_gold.build_mention(text, stripped, where)
    value_keys = [k for k in mention if k not in ("type", "start", "end", "text", "normal")]
    head = {k: mention[k] for k in ("type", "start", "end", "text", "normal")}
    return {**head, **dates, **{k: mention[k] for k in value_keys}}


def build_event(text: str, entry: dict, where: str) -> dict:
    dates = expand_date_range(entry)
    event = build_gold.build_event(text, _without_range(entry), where)
    event.update(dates)
    return event


def build_document(src_path: Path) -> dict:
    """The gold JSON of one development document from its snippet source."""
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
