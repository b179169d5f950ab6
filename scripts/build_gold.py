"""Build the hand-annotation (gold) JSON files of every gold set from snippet sources.

Annotators write one snippet source per document: every mention and event is a
text snippet plus, when the snippet occurs more than once, its 1-based
occurrence index. This script finds each snippet in the document's raw text and
writes its gold JSON in the SPEC "Hand annotations" format with Python ``str``
offsets (end exclusive). Each gold set (data/annotated, data/dev, data/heldout)
is one row of ``GOLD_SETS`` below, saying where its snippet sources, raw texts
and gold outputs live; a new set is a new row, not a new script.

Snippets match on whole words and any run of whitespace in a snippet matches
any run of whitespace in the text, so ``Канат Ибрагимов`` finds the name broken
over a line end. A snippet that is missing, ambiguous without an index, or
whose index is too large is an error: offsets are never guessed.

Shorthands expanded here (so values are typed once):
  date    "2012-03-24" | "2012-03" | "2012"  -> date_start, date_end, date_precision
          ["2021-03-03", "2021-03-05"]       -> a day range (``с 3 по 5 марта``):
                                                day precision, start < end,
                                                normal "2021-03-03/2021-03-05"
  amount  n | [min, max] (+ currency)        -> amount_min, amount_max
  term    n | [min, max] (+ unit, default day) -> term_min, term_max, term_unit
  count   n | [min, max] (+ approx)          -> count_min, count_max
  also    [[snippet, occurrence], ...]       -> [[start, end], ...]

Usage:
  python scripts/build_gold.py [SET ...]            # write the gold JSON (default: every set)
  python scripts/build_gold.py [SET ...] --check    # exit 1 if any JSON is out of date
  python scripts/build_gold.py [SET ...] --review   # print spans in context and strings
                                                    # annotated once but present again
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from pipeline import records  # noqa: E402


@dataclass(frozen=True, slots=True)
class GoldSet:
    """Where one gold set keeps its files, as paths relative to the repository root."""

    folder: str   # the set's name on the command line, e.g. "data/dev"
    sources: str  # snippet sources, <doc_id>.json
    texts: str    # raw statements, <doc_id>.txt
    outputs: str  # the gold JSON written here, <doc_id>.json

    def source_files(self) -> list[Path]:
        return sorted((ROOT / self.sources).glob("*.json"))

    def text_path(self, doc_id: str) -> Path:
        return ROOT / self.texts / f"{doc_id}.txt"

    def output_path(self, doc_id: str) -> Path:
        return ROOT / self.outputs / f"{doc_id}.json"


GOLD_SETS = (
    # The two real samples, developed on.
    GoldSet("data/annotated", "data/annotated/src", "data/raw", "data/annotated"),
    # Constructed statements for development.
    GoldSet("data/dev", "data/dev/src", "data/dev/raw", "data/dev/annotated"),
    # Constructed statements kept unseen, for scoring only.
    GoldSet("data/heldout", "data/heldout/annotated/src", "data/heldout/raw", "data/heldout/annotated"),
)

# The vocabulary and field lists are the pipeline's own (pipeline/records.py).
MENTION_TYPES, EVENT_TYPES, ACTORS = records.MENTION_TYPES, records.EVENT_TYPES, records.ACTORS
PRECISIONS = ("day", "month", "year")
TERM_UNITS = ("hour", "day", "month", "year")
# Every event field is written (null when not given) but `aggregate`, which is written
# only where the annotator marks a total (data/annotated/README.md).
EVENT_FIELDS = tuple(name for name in records.EVENT_VALUE_FIELDS if name != "aggregate")


class GoldError(ValueError):
    """A snippet source could not be turned into offsets."""


def snippet_pattern(snippet: str) -> re.Pattern[str]:
    """A whole-word, whitespace-tolerant pattern for a snippet.

    >>> bool(snippet_pattern("Канат Ибрагимов").search("художник Канат \\nИбрагимов."))
    True
    >>> bool(snippet_pattern("суд").search("заседания суда"))
    False
    """
    parts = [re.escape(part) for part in snippet.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def locate(text: str, snippet: str, occurrence: int | None, where: str) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th (1-based) whole-word match of a snippet."""
    matches = list(snippet_pattern(snippet).finditer(text))
    if not matches:
        raise GoldError(f"{where}: snippet {snippet!r} not found")
    if occurrence is None:
        if len(matches) > 1:
            raise GoldError(f"{where}: snippet {snippet!r} occurs {len(matches)} times; give 'occ'")
        occurrence = 1
    if not 1 <= occurrence <= len(matches):
        raise GoldError(f"{where}: snippet {snippet!r} has {len(matches)} matches, asked for {occurrence}")
    match = matches[occurrence - 1]
    return match.start(), match.end()


def expand_date(value: str | list[str]) -> dict:
    """ISO shorthand (or a two-day range) to date_start/date_end/date_precision.

    >>> expand_date("2012-02")
    {'date_start': '2012-02-01', 'date_end': '2012-02-29', 'date_precision': 'month'}
    >>> expand_date(["2021-03-03", "2021-03-05"])["date_end"]
    '2021-03-05'
    """
    if isinstance(value, list):
        return expand_day_range(value)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        iso = f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"
        return {"date_start": iso, "date_end": iso, "date_precision": "day"}
    if len(parts) == 2:
        year, month = parts
        last = calendar.monthrange(year, month)[1]
        return {"date_start": f"{year:04d}-{month:02d}-01",
                "date_end": f"{year:04d}-{month:02d}-{last:02d}", "date_precision": "month"}
    (year,) = parts
    return {"date_start": f"{year:04d}-01-01", "date_end": f"{year:04d}-12-31",
            "date_precision": "year"}


def expand_day_range(value: list[str]) -> dict:
    """A range of two ISO days (``с 3 по 5 марта``) to day-precision date fields.

    Only whole days make a range: a month or a year already spans its days.

    >>> expand_day_range(["2021-03-03", "2021-03-05"])
    {'date_start': '2021-03-03', 'date_end': '2021-03-05', 'date_precision': 'day'}
    """
    if len(value) != 2 or not all(isinstance(day, str) for day in value):
        raise GoldError(f"date range {value!r}: give exactly two days")
    first, last = (expand_date(day) for day in value)
    if first["date_precision"] != "day" or last["date_precision"] != "day":
        raise GoldError(f"date range {value!r}: both ends must be full dates")
    if first["date_start"] > last["date_start"]:
        raise GoldError(f"date range {value!r}: start after end")
    return {"date_start": first["date_start"], "date_end": last["date_start"],
            "date_precision": "day"}


def _range(value) -> tuple:
    """``n`` or ``[min, max]``, where one side may be null: a bound (``до 30 суток`` is
    ``[null, 30]``, ``более 400 человек`` ``[400, null]``)."""
    low, high = (value if isinstance(value, list) else (value, value))
    if low is None and high is None:
        raise GoldError(f"range {value!r}: give at least one bound")
    if low is not None and high is not None and low > high:
        raise GoldError(f"range {value!r}: min above max")
    return low, high


def expand_values(entry: dict) -> dict:
    """Typed value fields from the shorthands of one source entry."""
    out: dict = {}
    if entry.get("date"):
        out.update(expand_date(entry["date"]))
    if "amount" in entry:
        out["amount_min"], out["amount_max"] = _range(entry["amount"])
        out["currency"] = entry["currency"]
    if "term" in entry:
        out["term_min"], out["term_max"] = _range(entry["term"])
        out["term_unit"] = entry.get("unit", "day")
    if "count" in entry:
        out["count_min"], out["count_max"] = _range(entry["count"])
    return out


def _number(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def value_normal(kind: str, values: dict) -> str | None:
    """Canonical string of a value mention: ISO date or day range, ``80900 KZT``, ``15 day``,
    ``3``; a bound reads ``≥400`` or ``≤30 day``.

    >>> value_normal("DATE", expand_date(["2021-03-03", "2021-03-05"]))
    '2021-03-03/2021-03-05'
    >>> value_normal("TERM", {"term_min": None, "term_max": 30, "term_unit": "day"})
    '≤30 day'
    """
    def span(low, high):
        if low is None:
            return f"≤{_number(high)}"
        if high is None:
            return f"≥{_number(low)}"
        return _number(low) if low == high else f"{_number(low)}-{_number(high)}"
    if kind == "DATE":
        start, end, precision = values["date_start"], values["date_end"], values["date_precision"]
        if precision == "day" and start != end:
            return f"{start}/{end}"  # a day range
        return {"day": start, "month": start[:7], "year": start[:4]}[precision]
    if kind == "MONEY":
        return f"{span(values['amount_min'], values['amount_max'])} {values['currency']}"
    if kind == "TERM":
        return f"{span(values['term_min'], values['term_max'])} {values['term_unit']}"
    if kind == "COUNT":
        return span(values["count_min"], values["count_max"])
    return None


def build_mention(text: str, entry: dict, where: str) -> dict:
    kind = entry["type"]
    if kind not in MENTION_TYPES:
        raise GoldError(f"{where}: unknown mention type {kind!r}")
    start, end = locate(text, entry["text"], entry.get("occ"), where)
    mention = {"type": kind, "start": start, "end": end, "text": text[start:end]}
    values = expand_values(entry)
    if "approx" in entry:
        values["approx"] = bool(entry["approx"])
    mention["normal"] = entry.get("normal") or value_normal(kind, values)
    if mention["normal"] is None:
        raise GoldError(f"{where}: {kind} {entry['text']!r} needs a 'normal'")
    mention.update(values)
    return mention


def build_event(text: str, entry: dict, where: str) -> dict:
    kind = entry["type"]
    if kind not in EVENT_TYPES:
        raise GoldError(f"{where}: unknown event type {kind!r}")
    unknown_actors = set(entry.get("actors", ())) - set(ACTORS)
    if unknown_actors:
        raise GoldError(f"{where}: actors outside the vocabulary: {sorted(unknown_actors)}")
    start, end = locate(text, entry["trigger"], entry.get("occ"), where)
    event = {"type": kind, "start": start, "end": end, "trigger": text[start:end]}
    event.update({name: None for name in EVENT_FIELDS})
    event.update(expand_values(entry))
    event["place"] = entry.get("place")
    event["persons"] = list(entry.get("persons", ()))
    event["actors"] = list(entry.get("actors", ()))
    event["negated"] = bool(entry.get("negated", False))
    event["also"] = [list(locate(text, snippet, occ, f"{where} also"))
                     for snippet, occ in entry.get("also", ())]
    if entry.get("aggregate"):
        event["aggregate"] = True
    if entry.get("note"):
        event["note"] = entry["note"]
    return event


def check_flat(mentions: list[dict], doc_id: str) -> None:
    """Mentions never overlap: the gold is flat (README: nesting)."""
    for left, right in pairwise(mentions):
        if right["start"] < left["end"]:
            raise GoldError(f"{doc_id}: overlapping mentions {left['text']!r} and {right['text']!r}")


def build_document(src_path: Path, gold_set: GoldSet) -> dict:
    """The gold JSON of one document of a set from its snippet source."""
    source = json.loads(src_path.read_text(encoding="utf-8"))
    doc_id = source["doc_id"]
    text = gold_set.text_path(doc_id).read_bytes().decode("utf-8")
    mentions = [build_mention(text, entry, f"{doc_id} mention {i}")
                for i, entry in enumerate(source["mentions"])]
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    check_flat(mentions, doc_id)
    events = [build_event(text, entry, f"{doc_id} event {i}")
              for i, entry in enumerate(source["events"])]
    events.sort(key=lambda e: (e["start"], e["end"]))
    return {"doc_id": doc_id, "text": text, "mentions": mentions, "events": events}


def build_set(gold_set: GoldSet) -> dict[Path, dict]:
    """Every document of a set, keyed by the gold JSON path it belongs at."""
    documents = (build_document(src_path, gold_set) for src_path in gold_set.source_files())
    return {gold_set.output_path(document["doc_id"]): document for document in documents}


def is_stale(out_path: Path, rendered: str) -> bool:
    """True when a gold JSON file is missing or differs from its rendering."""
    return not out_path.exists() or out_path.read_text(encoding="utf-8") != rendered


def stale_outputs(gold_set: GoldSet) -> list[Path]:
    """Gold JSON files of a set that are missing or differ from what the sources build."""
    return [path for path, document in build_set(gold_set).items() if is_stale(path, render(document))]


def render(document: dict) -> str:
    """Stable JSON text: one mention or event per line, UTF-8 letters as is."""
    def block(items: list[dict]) -> str:
        if not items:
            return "[]"
        return "[\n  " + ",\n  ".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n ]"

    return ("{\n"
            f' "doc_id": {json.dumps(document["doc_id"], ensure_ascii=False)},\n'
            f' "text": {json.dumps(document["text"], ensure_ascii=False)},\n'
            f' "mentions": {block(document["mentions"])},\n'
            f' "events": {block(document["events"])}\n'
            "}\n")


def review(document: dict) -> None:
    """Print every span in context, then strings annotated somewhere but not everywhere."""
    text = document["text"]

    def context(start: int, end: int) -> str:
        left = text[max(0, start - 30):start].replace("\n", "⏎")
        right = text[end:end + 30].replace("\n", "⏎")
        return f"…{left}[{text[start:end]}]{right}…".replace("\n", "⏎")

    print(f"== {document['doc_id']}")
    for m in document["mentions"]:
        print(f"{m['type']:6} {m['start']:6} {m['normal']!s:40} {context(m['start'], m['end'])}")
    for e in document["events"]:
        fields = {k: e[k] for k in ("date_start", "place", "persons", "actors", "count_min",
                                    "term_min", "amount_min", "negated") if e.get(k)}
        print(f"EVENT {e['type']:13} {context(e['start'], e['end'])} {fields}")
        for start, end in e["also"]:
            print(f"      also         {context(start, end)}")
    covered = [(m["start"], m["end"]) for m in document["mentions"]]
    for surface in sorted({m["text"] for m in document["mentions"]}):
        for match in snippet_pattern(surface).finditer(text):
            if not any(s <= match.start() and match.end() <= e for s, e in covered):
                print(f"UNANNOTATED {surface!r} at {match.start()}: {context(match.start(), match.end())}")


def find_set(folder: str) -> GoldSet:
    """The gold set whose folder this is (relative to the working directory or the root)."""
    wanted = {Path(folder).resolve(), (ROOT / folder).resolve()}
    for gold_set in GOLD_SETS:
        if (ROOT / gold_set.folder).resolve() in wanted:
            return gold_set
    known = ", ".join(gold_set.folder for gold_set in GOLD_SETS)
    raise GoldError(f"{folder}: not a gold set (known: {known})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", metavar="SET",
                        help="gold set folders (default: " + " ".join(g.folder for g in GOLD_SETS) + ")")
    parser.add_argument("--check", action="store_true", help="fail if the JSON is out of date")
    parser.add_argument("--review", action="store_true", help="print spans in context")
    args = parser.parse_args(argv)
    try:
        gold_sets = [find_set(folder) for folder in args.sets] or list(GOLD_SETS)
    except GoldError as error:
        parser.error(str(error))
    stale = []
    for gold_set in gold_sets:
        for out_path, document in build_set(gold_set).items():
            rendered = render(document)
            if args.review:
                review(document)
            if args.check:
                if is_stale(out_path, rendered):
                    stale.append(str(out_path.relative_to(ROOT)))
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
