"""One-sided bounds in the snippet sources of the gold sets, by rule (values only).

    python scripts/convert_bounds.py [--dry-run]    # then: python scripts/build_gold.py

The guidelines now read a bound as one-sided (data/ovdinfo/README.md, "Values"):
``до 30 суток`` is term_max 30 with no term_min, ``более 400 человек`` count_min 400
with no count_max; ``approx`` stays true. The older sets (data/annotated, data/dev,
data/heldout) wrote a bound as min = max. This script rewrites them by one rule:

- a COUNT, TERM or MONEY mention marked ``approx`` whose text opens with a lower-bound
  word (``более``, ``свыше``, ``больше``, ``не менее``, ``не меньше``, ``минимум``, ...)
  becomes ``[n, null]``; with an upper-bound word (``до``, ``менее``, ``меньше``, ``не
  более``, ``не больше``, ``не свыше``, ``максимум``, ...) ``[null, n]``; approximators
  (``около``, ``порядка``, ``почти``) and ranges are left alone;
- an event's count, term or amount takes the same bound as the mention of that value
  told in the paragraph of one of its triggers (its ``trigger`` or ``also`` spans),
  when the mentions of that value there agree; elsewhere in the document, when every
  mention of that value does.

Nothing else in the files changes (the text is edited line by line, keeping its
layout). The words are the pipeline's own (``models/quantity_words.json``), so the
gold and the taggers read a bound the same way. Held-out files are rewritten but only
counted on screen, never shown.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from build_gold import locate  # noqa: E402  (the snippet finder every gold set shares)
SOURCES = {"data/annotated/src": ("data/raw", False), "data/dev/src": ("data/dev/raw", False),
           "data/heldout/annotated/src": ("data/heldout/raw", True)}
FIELDS = {"COUNT": "count", "TERM": "term", "MONEY": "amount"}


def bound_words() -> tuple[list[list[str]], list[list[str]]]:
    data = json.loads((ROOT / "models" / "quantity_words.json").read_text(encoding="utf-8"))
    return data["lower_bound"], data["upper_bound"]


def side_of(text: str) -> str | None:
    """``lower``, ``upper`` or None for the words a mention's text opens with."""
    words = re.findall(r"\w+", text.lower().replace("ё", "е"))
    lower, upper = bound_words()
    for side, phrases in (("lower", lower), ("upper", upper)):
        if any(words[:len(p)] == p for p in phrases):
            return side
    return None


def bounded(value, side: str) -> str:
    n = json.dumps(value)
    return f"[{n}, null]" if side == "lower" else f"[null, {n}]"


def _paragraph(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def convert(path: Path, raw: str) -> tuple[str, int, int]:
    """The converted text of one source file, and how many mentions and events changed."""
    text = path.read_text(encoding="utf-8")
    source = json.loads(text)
    lines = text.split("\n")
    told: list[tuple[str, object, int, str | None]] = []  # field, value, paragraph, side (None: plain)
    n_mentions = 0
    for mention in source.get("mentions", []):
        field = FIELDS.get(mention.get("type"))
        if field is None or isinstance(mention.get(field), list):
            continue
        side = side_of(mention["text"]) if mention.get("approx") else None
        start, _ = locate(raw, mention["text"], mention.get("occ"), str(path))
        told.append((field, mention[field], _paragraph(raw, start), side))
        if side is None:
            continue
        pattern = re.compile(r'("text": ' + re.escape(json.dumps(mention["text"], ensure_ascii=False))
                             + r'(?:, "occ": \d+)?, "' + field + r'": )' + re.escape(json.dumps(mention[field])) + r"\b")
        for i, line in enumerate(lines):
            if pattern.search(line) and '"type": "' + mention["type"] + '"' in line:
                lines[i] = pattern.sub(lambda m: m.group(1) + bounded(mention[field], side), line, count=1)
                n_mentions += 1
                break
    n_events = 0
    starts = [i for i, line in enumerate(lines) if re.match(r'\s*\{"type": "[a-z_]+", "trigger"', line)]
    if len(starts) != len(source.get("events", [])):
        raise SystemExit(f"{path}: events are not one entry per opening line; convert it by hand")
    for k, (event, start) in enumerate(zip(source.get("events", []), starts)):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        spans = [(event["trigger"], event.get("occ"))] + [tuple(a) for a in event.get("also", [])]
        paragraphs = {_paragraph(raw, locate(raw, snippet, occ, str(path))[0]) for snippet, occ in spans}
        for field in FIELDS.values():
            value = event.get(field)
            if value is None or isinstance(value, list):
                continue
            near = {side for f, v, para, side in told if f == field and v == value and para in paragraphs}
            anywhere = {side for f, v, _, side in told if f == field and v == value}
            sides = near or anywhere
            if len(sides) != 1 or None in sides:
                continue
            (side,) = sides
            pattern = re.compile(r'("' + field + r'": )' + re.escape(json.dumps(value)) + r"(?=[,}\s])")
            for i in range(start, end):
                if pattern.search(lines[i]):
                    lines[i] = pattern.sub(lambda m: m.group(1) + bounded(value, side), lines[i], count=1)
                    n_events += 1
                    break
    return "\n".join(lines), n_mentions, n_events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="count the changes, write nothing")
    args = parser.parse_args(argv)
    for folder, (raw_folder, held_out) in SOURCES.items():
        total_m = total_e = 0
        for path in sorted((ROOT / folder).glob("*.json")):
            raw = (ROOT / raw_folder / f"{path.stem}.txt").read_text(encoding="utf-8")
            new, n_m, n_e = convert(path, raw)
            total_m, total_e = total_m + n_m, total_e + n_e
            if not held_out and (n_m or n_e):
                print(f"  {path.relative_to(ROOT)}: {n_m} mentions, {n_e} events")
            if not args.dry_run and (n_m or n_e):
                json.loads(new)  # still valid
                path.write_text(new, encoding="utf-8")
        print(f"{folder}: {total_m} mentions, {total_e} events {'would change' if args.dry_run else 'changed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
