"""Hand annotations of real OVD-Info report pages, stored without the reports' text.

The reports live outside the repository (``../shared/data/ovdinfo``, evaluation only,
never copied), so their annotations are stored as offsets into each page's *reference
text* (pdfplumber's default ``Page.extract_text()``) with a short hash per span, and the
strings an annotator wrote (nominative names, canonical places) as pieces copied from
the report plus the few letters that differ. ``data/ovdinfo/README.md`` explains the
set, its held-out pages and the guidelines; this script is its only reader and writer.

Usage:
  python scripts/ovdinfo_gold.py pages DIR             # reference text of every page (for annotators)
  python scripts/ovdinfo_gold.py store SRC.json ...    # snippet sources -> data/ovdinfo/gold/
  python scripts/ovdinfo_gold.py source REPORT PAGE    # a stored page back as a snippet source
  python scripts/ovdinfo_gold.py review REPORT PAGE    # every span of a stored page in context
  python scripts/ovdinfo_gold.py gold SPLIT DIR        # SPEC gold JSON, one file per page, for reconcile
  python scripts/ovdinfo_gold.py check                 # every stored page decodes and matches

SPLIT is ``dev`` or ``heldout`` (``data/ovdinfo/pages.json``). The reports are read from
``$OVDINFO_DIR`` or ``<repo>/../shared/data/ovdinfo``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_gold  # noqa: E402  (the snippet-source shorthands every gold set shares)

DATA = ROOT / "data" / "ovdinfo"
GOLD = DATA / "gold"
READER = "pdfplumber Page.extract_text() with default settings"
HYPHENS = "-\u00ad\u2010\u2011\u2012\u2013\u2014"
MIN_COPY = 3  # shorter runs of a name are stored as letters, not as a copy
# SPEC's taxonomy; the two penalty types reports need are added where the shared builder lacks them.
EVENT_TYPES = tuple(dict.fromkeys((*build_gold.EVENT_TYPES, "expulsion", "compulsory_work")))


class OvdGoldError(ValueError):
    """An annotation of a report page could not be stored or read back."""


# ---------------------------------------------------------------- the reports


def reports_dir() -> Path:
    return Path(os.environ.get("OVDINFO_DIR") or ROOT.parent / "shared" / "data" / "ovdinfo")


def splits() -> dict[str, dict[str, list[int]]]:
    """``{report: {"dev": [pages], "heldout": [pages]}}`` from ``pages.json``."""
    return json.loads((DATA / "pages.json").read_text(encoding="utf-8"))


def pdf_path(report: str) -> Path:
    if report not in splits():
        raise OvdGoldError(f"unknown report {report!r} (known: {', '.join(splits())})")
    path = reports_dir() / f"{report}.pdf"
    if not path.exists():
        raise OvdGoldError(f"{path} not found: the OVD-Info reports are read from the shared folder")
    return path


@cache
def report_pages(report: str) -> tuple[str, ...]:
    """The reference text of every page of a report (1-based page N is item N-1)."""
    import pdfplumber

    with pdfplumber.open(pdf_path(report)) as pdf:
        texts = []
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
    return tuple(texts)


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def check_hash(text: str) -> str:
    """The short hash a stored span carries instead of its text.

    >>> check_hash("Москве")
    'd56d753b'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def reference_record(report: str) -> dict:
    pages = report_pages(report)
    return {
        "report": report,
        "reader": READER,
        "versions": {name: version(name) for name in ("pdfplumber", "pdfminer.six")},
        "pdf_sha256": sha256(pdf_path(report).read_bytes()),
        "pages": {str(n): sha256(text) for n, text in enumerate(pages, 1)},
    }


def verify_reference(report: str) -> None:
    """Refuse to read offsets against a reference text that is not the one they index."""
    stored = json.loads((GOLD / report / "reference.json").read_text(encoding="utf-8"))
    now = reference_record(report)
    if stored["pdf_sha256"] != now["pdf_sha256"]:
        raise OvdGoldError(f"{report}: the PDF differs from the one annotated")
    changed = [n for n, h in stored["pages"].items() if now["pages"].get(n) != h]
    if changed:
        raise OvdGoldError(
            f"{report}: the reference text of pages {', '.join(changed)} changed "
            f"(annotated with {stored['versions']}, now {now['versions']}); "
            "install the annotated versions to read the offsets")


# ---------------------------------------------------------------- snippets


def snippet_pattern(snippet: str) -> re.Pattern[str]:
    """A snippet as a pattern over a report page.

    Whitespace matches any whitespace, a hyphen or dash any hyphen, dash or soft
    hyphen, and the snippet must not start or end inside a word; a footnote number
    glued to a word's end does not count as part of the word.

    >>> bool(snippet_pattern("Санкт-Петербурге").search("в Санкт\\u00adПетербурге в 2014"))
    True
    >>> bool(snippet_pattern("Новгороде").search("в Великом Новгороде7. Свидетели"))
    True
    >>> bool(snippet_pattern("суд").search("заседания суда"))
    False
    >>> bool(snippet_pattern("1").search("12 июня"))
    False
    """
    parts = []
    for char in " ".join(snippet.split()):
        if char == " ":
            parts.append(r"\s+")
        elif char in HYPHENS:
            parts.append(f"[{HYPHENS}]")
        else:
            parts.append(re.escape(char))
    body = "".join(parts)
    first, last = snippet.strip()[:1], snippet.strip()[-1:]
    before = r"(?<!\d)" if first.isdigit() else r"(?<![^\W\d_])" if first.isalpha() else ""
    after = r"(?!\d)" if last.isdigit() else r"(?![^\W\d_])" if last.isalpha() else ""
    return re.compile(before + body + after)


def locate(text: str, snippet: str, occurrence: int | None, where: str) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th (1-based) match of a snippet in a page."""
    matches = list(snippet_pattern(snippet).finditer(text))
    if not matches:
        raise OvdGoldError(f"{where}: snippet {snippet!r} not found")
    if occurrence is None:
        if len(matches) > 1:
            raise OvdGoldError(f"{where}: snippet {snippet!r} occurs {len(matches)} times; give 'occ'")
        occurrence = 1
    if not 1 <= occurrence <= len(matches):
        raise OvdGoldError(f"{where}: snippet {snippet!r} has {len(matches)} matches, asked for {occurrence}")
    return matches[occurrence - 1].span()


def occurrence_of(text: str, start: int, end: int) -> tuple[str, int | None]:
    """The snippet and 1-based occurrence that :func:`locate` turns back into ``start, end``."""
    snippet = " ".join(text[start:end].split())
    starts = [m.start() for m in snippet_pattern(snippet).finditer(text)]
    return snippet, (starts.index(start) + 1 if len(starts) > 1 else None)


# ---------------------------------------------------------------- names as pieces


def encode(value: str, pages: tuple[str, ...], page: int) -> list:
    """A string as pieces of the report's text: ``[page, start, length]`` or letters.

    Runs of at least ``MIN_COPY`` characters are copied, from the annotated page
    first; what no page holds is kept as letters (an ending, a hyphen).

    >>> pages = ("задержали в Москве Ивана Петрова",)
    >>> encode("Москва", pages, 1)
    [[1, 12, 5], 'а']
    >>> decode(encode("Иван Петров", pages, 1), pages)
    'Иван Петров'
    """
    order = [page] + [n for n in range(1, len(pages) + 1) if n != page]
    pieces: list = []
    i = 0
    while i < len(value):
        best = _longest_copy(value, i, pages, order)
        if best is None:
            if pieces and isinstance(pieces[-1], str):
                pieces[-1] += value[i]
            else:
                pieces.append(value[i])
            i += 1
            continue
        length, n, at = best
        pieces.append([n, at, length])
        i += length
    return pieces


def _longest_copy(value: str, i: int, pages: tuple[str, ...], order: list[int]) -> tuple | None:
    """The longest run of ``value`` from ``i`` that a page holds, as (length, page, start)."""
    best = None
    for n in order:
        text, length = pages[n - 1], MIN_COPY
        at = text.find(value[i:i + length]) if i + length <= len(value) else -1
        while at >= 0:
            if best is None or length > best[0]:
                best = (length, n, at)
            if i + length == len(value):
                break
            length += 1
            at = text.find(value[i:i + length])
    return best


def decode(pieces: list, pages: tuple[str, ...]) -> str:
    """The string that :func:`encode` stored."""
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        else:
            n, start, length = piece
            out.append(pages[n - 1][start:start + length])
    return "".join(out)


# ---------------------------------------------------------------- values


def _bounds(value) -> tuple:
    """``n`` or ``[min, max]`` where one side may be null (a bound: ``до 30 суток``)."""
    low, high = value if isinstance(value, list) else (value, value)
    if low is None and high is None:
        raise OvdGoldError(f"range {value!r}: give at least one bound")
    if low is not None and high is not None and low > high:
        raise OvdGoldError(f"range {value!r}: min above max")
    return low, high


def expand_date(value) -> dict:
    """ISO shorthand, or a range of two at the same precision (``2011—2014 годах``).

    >>> expand_date(["2011", "2014"])
    {'date_start': '2011-01-01', 'date_end': '2014-12-31', 'date_precision': 'year'}
    """
    if not isinstance(value, list):
        return build_gold.expand_date(value)
    if len(value) != 2:
        raise OvdGoldError(f"date range {value!r}: give two ends")
    first, last = (build_gold.expand_date(end) for end in value)
    if first["date_precision"] != last["date_precision"] or first["date_start"] > last["date_start"]:
        raise OvdGoldError(f"date range {value!r}: two ends of one precision, in order")
    return {"date_start": first["date_start"], "date_end": last["date_end"],
            "date_precision": first["date_precision"]}


def expand_values(entry: dict, where: str) -> dict:
    out: dict = {}
    if entry.get("date"):
        out.update(expand_date(entry["date"]))
    if "amount" in entry:
        out["amount_min"], out["amount_max"] = _bounds(entry["amount"])
        out["currency"] = entry["currency"]
    if "term" in entry:
        out["term_min"], out["term_max"] = _bounds(entry["term"])
        out["term_unit"] = entry.get("unit", "day")
        if out["term_unit"] not in ("hour", "day", "month", "year"):
            raise OvdGoldError(f"{where}: unknown term unit {out['term_unit']!r}")
    if "count" in entry:
        out["count_min"], out["count_max"] = _bounds(entry["count"])
    return out


def value_normal(kind: str, values: dict) -> str | None:
    """The canonical string of a value mention; a bound reads ``≥400`` or ``≤30 day``."""
    def span(low, high):
        if low is None:
            return f"≤{build_gold._number(high)}"
        if high is None:
            return f"≥{build_gold._number(low)}"
        return build_gold._number(low) if low == high else f"{build_gold._number(low)}-{build_gold._number(high)}"
    if kind == "DATE":
        start, end, precision = values["date_start"], values["date_end"], values["date_precision"]
        cut = {"day": 10, "month": 7, "year": 4}[precision]
        return start[:cut] if start[:cut] == end[:cut] else f"{start[:cut]}/{end[:cut]}"
    if kind == "MONEY":
        return f"{span(values['amount_min'], values['amount_max'])} {values['currency']}"
    if kind == "TERM":
        return f"{span(values['term_min'], values['term_max'])} {values['term_unit']}"
    if kind == "COUNT":
        return span(values["count_min"], values["count_max"])
    return None


# ---------------------------------------------------------------- store and read back

NAMED = ("PER", "LOC", "ORG")


def stored_mention(entry: dict, pages, page: int, where: str) -> dict:
    text = pages[page - 1]
    kind = entry.get("type")
    if kind not in build_gold.MENTION_TYPES:
        raise OvdGoldError(f"{where}: unknown mention type {kind!r}")
    start, end = locate(text, entry["text"], entry.get("occ"), where)
    values = expand_values(entry, where)
    if entry.get("approx"):
        values["approx"] = True  # stored only when true: false and absent mean the same
    mention = {"type": kind, "start": start, "end": end, "check": check_hash(text[start:end])}
    if kind in NAMED:
        normal = entry.get("normal") or " ".join(text[start:end].split())
        mention["normal"] = encode(normal, pages, page)
    elif entry.get("normal"):
        raise OvdGoldError(f"{where}: a {kind} takes its normal from its values")
    elif value_normal(kind, values) is None:
        raise OvdGoldError(f"{where}: {kind} {entry['text']!r} needs its value")
    mention.update(values)
    return mention


def stored_event(entry: dict, pages, page: int, where: str) -> dict:
    text = pages[page - 1]
    kind = entry.get("type")
    if kind not in EVENT_TYPES:
        raise OvdGoldError(f"{where}: unknown event type {kind!r}")
    unknown = set(entry.get("actors", ())) - set(build_gold.ACTORS)
    if unknown:
        raise OvdGoldError(f"{where}: actors outside the vocabulary: {sorted(unknown)}")
    start, end = locate(text, entry["trigger"], entry.get("occ"), where)
    event = {"type": kind, "start": start, "end": end, "check": check_hash(text[start:end])}
    event.update(expand_values(entry, where))
    event["place"] = encode(entry["place"], pages, page) if entry.get("place") else None
    event["persons"] = [encode(name, pages, page) for name in entry.get("persons", ())]
    event["actors"] = list(entry.get("actors", ()))
    event["negated"] = bool(entry.get("negated", False))
    event["aggregate"] = bool(entry.get("aggregate", False))
    event["also"] = [list(locate(text, snippet, occ, f"{where} also")) for snippet, occ in entry.get("also", ())]
    if entry.get("note"):
        event["note"] = entry["note"]
    return event


def page_path(report: str, page: int) -> Path:
    return GOLD / report / f"p{page:02d}.json"


def build_record(source: dict, where: str) -> dict:
    """The stored form of one snippet source, validated."""
    report, page = source["report"], int(source["page"])
    pages = report_pages(report)
    if not 1 <= page <= len(pages):
        raise OvdGoldError(f"{where}: {report} has {len(pages)} pages, not {page}")
    mentions, events = stored_spans(source, pages, page, where)
    return {"report": report, "page": page, "mentions": mentions, "events": events}


def stored_spans(source: dict, pages, page: int, where: str) -> tuple[list[dict], list[dict]]:
    """The stored mentions and events of a snippet source over text ``pages[page - 1]``, validated.

    Shared with every text-free gold set (``scripts/wikinews_gold.py`` passes one text as one page).
    """
    mentions = [stored_mention(e, pages, page, f"{where} mention {i} {e.get('text')!r}")
                for i, e in enumerate(source.get("mentions", ()))]
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for left, right in zip(mentions, mentions[1:]):
        if right["start"] < left["end"]:
            raise OvdGoldError(f"{where}: overlapping mentions at {left['start']} and {right['start']}")
    events = [stored_event(e, pages, page, f"{where} event {i} {e.get('trigger')!r}")
              for i, e in enumerate(source.get("events", ()))]
    events.sort(key=lambda e: (e["start"], e["end"]))
    return mentions, events


def store(source: dict, where: str) -> Path:
    """Validate one snippet source and write its page's stored annotations."""
    record = build_record(source, where)
    report, page = record["report"], record["page"]
    folder = GOLD / report
    folder.mkdir(parents=True, exist_ok=True)
    reference = folder / "reference.json"
    if reference.exists():
        verify_reference(report)
    else:
        reference.write_text(json.dumps(reference_record(report), ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    path = page_path(report, page)
    path.write_text(render(record), encoding="utf-8")
    return path


def render(record: dict) -> str:
    """Stable JSON: one mention or event a line."""
    def block(items: list[dict]) -> str:
        if not items:
            return "[]"
        return "[\n  " + ",\n  ".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n ]"
    head = {k: v for k, v in record.items() if k not in ("mentions", "events")}
    lines = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    return ("{\n" + "\n".join(lines) + "\n"
            f' "mentions": {block(record["mentions"])},\n'
            f' "events": {block(record["events"])}\n' + "}\n")


def load_page(report: str, page: int) -> dict:
    """A stored page with its text restored: spans checked, names decoded."""
    pages = report_pages(report)
    text = pages[page - 1]
    record = json.loads(page_path(report, page).read_text(encoding="utf-8"))
    where = f"{page_path(report, page).relative_to(ROOT)}"
    mentions, events = restored_spans(record, pages, page, where)
    return {"report": report, "page": page, "text": text, "mentions": mentions, "events": events}


def restored_spans(record: dict, pages, page: int, where: str) -> tuple[list[dict], list[dict]]:
    """A stored record's mentions and events with their text restored: spans checked, names decoded."""
    text = pages[page - 1]

    def span(item: dict, what: str) -> str:
        piece = text[item["start"]:item["end"]]
        if check_hash(piece) != item["check"]:
            raise OvdGoldError(f"{where}: {what} at {item['start']} does not match its hash")
        return piece

    mentions = []
    for m in record["mentions"]:
        m = dict(m, text=span(m, m["type"]))
        m.pop("check")
        m["normal"] = decode(m["normal"], pages) if m["type"] in NAMED else value_normal(m["type"], m)
        mentions.append(m)
    events = []
    for e in record["events"]:
        e = dict(e, trigger=span(e, e["type"]))
        e.pop("check")
        e["place"] = decode(e["place"], pages) if e["place"] else None
        e["persons"] = [decode(p, pages) for p in e["persons"]]
        for start, end in e["also"]:
            if not 0 <= start < end <= len(text):
                raise OvdGoldError(f"{where}: also span {start}-{end} outside the page")
        events.append(e)
    return mentions, events


def check_page(report: str, page: int) -> None:
    """A stored page reads back, and storing what it reads gives the same file."""
    again = render(build_record(as_source(load_page(report, page)), f"{report} p{page}"))
    if again != page_path(report, page).read_text(encoding="utf-8"):
        raise OvdGoldError(f"{page_path(report, page).relative_to(ROOT)}: does not survive a round trip")


def stored_pages() -> list[tuple[str, int]]:
    return [(folder.name, int(path.stem[1:]))
            for folder in sorted(GOLD.iterdir()) if folder.is_dir()
            for path in sorted(folder.glob("p[0-9][0-9].json"))]


def as_source(loaded: dict) -> dict:
    """A stored page as the snippet source it was stored from."""
    text = loaded["text"]

    def snip(item: dict, key: str) -> dict:
        snippet, occ = occurrence_of(text, item["start"], item["end"])
        return {key: snippet, **({"occ": occ} if occ else {})}

    mentions = []
    for m in loaded["mentions"]:
        entry = {**snip(m, "text"), "type": m["type"]}
        if m["type"] in NAMED:
            entry["normal"] = m["normal"]
        entry.update(_shorthands(m))
        mentions.append(entry)
    events = []
    for e in loaded["events"]:
        entry = {**snip(e, "trigger"), "type": e["type"]}
        entry.update(_shorthands(e))
        for key in ("place", "persons", "actors", "negated", "aggregate", "note"):
            if e.get(key):
                entry[key] = e[key]
        if e["also"]:
            entry["also"] = [list(occurrence_of(text, s, t)) for s, t in e["also"]]
        events.append(entry)
    return {"report": loaded["report"], "page": loaded["page"], "mentions": mentions, "events": events}


def _shorthands(item: dict) -> dict:
    out: dict = {}
    if item.get("date_start"):
        precision, cut = item["date_precision"], {"day": 10, "month": 7, "year": 4}[item["date_precision"]]
        start, end = item["date_start"][:cut], item["date_end"][:cut]
        same = start == end if precision != "day" else item["date_start"] == item["date_end"]
        out["date"] = start if same else [start, end]
    for name, low, high in (("amount", "amount_min", "amount_max"), ("term", "term_min", "term_max"),
                            ("count", "count_min", "count_max")):
        if item.get(low) is not None or item.get(high) is not None:
            out[name] = item[low] if item.get(low) == item.get(high) else [item.get(low), item.get(high)]
    if item.get("currency"):
        out["currency"] = item["currency"]
    if item.get("term_unit") and item["term_unit"] != "day":
        out["unit"] = item["term_unit"]
    if item.get("approx"):
        out["approx"] = True
    return out


def gold_documents(split: str) -> list[dict]:
    """SPEC gold JSON, one document per annotated page of a split (``"pages": [N]``)."""
    documents = []
    for report, wanted in splits().items():
        if split not in wanted:
            raise OvdGoldError(f"unknown split {split!r}")
        if not (GOLD / report / "reference.json").exists():
            continue  # nothing of this report annotated yet
        verify_reference(report)
        for page in wanted[split]:
            if not page_path(report, page).exists():
                continue
            loaded = load_page(report, page)
            documents.append({"doc_id": report, "pages": [page], "text": loaded["text"],
                              "mention_types": list(build_gold.MENTION_TYPES),
                              "mentions": loaded["mentions"], "events": loaded["events"]})
    return documents


def write_gold(split: str, folder: Path) -> list[Path]:
    return write_documents(gold_documents(split), folder,
                           lambda document: f"{document['doc_id']}.p{document['pages'][0]:02d}")


def write_documents(documents: list[dict], folder: Path, stem=lambda document: document["doc_id"]) -> list[Path]:
    """Gold documents as SPEC gold JSON files in ``folder``, one each, named ``stem(document)``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in documents:
        path = folder / f"{stem(document)}.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def review(loaded: dict) -> None:
    text = loaded["text"]

    def context(start: int, end: int) -> str:
        return (f"…{text[max(0, start - 30):start]}[{text[start:end]}]{text[end:end + 30]}…"
                .replace("\n", "⏎"))

    for m in loaded["mentions"]:
        print(f"{m['type']:6} {m['start']:5} {m['normal']!s:32} {context(m['start'], m['end'])}")
    for e in loaded["events"]:
        fields = {k: e[k] for k in ("date_start", "date_end", "place", "persons", "actors", "count_min",
                                    "count_max", "term_min", "term_max", "amount_min", "negated",
                                    "aggregate") if e.get(k)}
        print(f"EVENT {e['type']:15} {context(e['start'], e['end'])} {fields}")
        for start, end in e["also"]:
            print(f"      also            {context(start, end)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("pages").add_argument("dir", type=Path)
    sub.add_parser("store").add_argument("sources", nargs="+", type=Path)
    for name in ("source", "review"):
        p = sub.add_parser(name)
        p.add_argument("report")
        p.add_argument("page", type=int)
    p = sub.add_parser("gold")
    p.add_argument("split", choices=("dev", "heldout"))
    p.add_argument("dir", type=Path)
    sub.add_parser("check")
    args = parser.parse_args(argv)
    try:
        if args.command == "pages":
            args.dir.mkdir(parents=True, exist_ok=True)
            for report in splits():
                for n, text in enumerate(report_pages(report), 1):
                    (args.dir / f"{report}.p{n:02d}.txt").write_text(text, encoding="utf-8")
        elif args.command == "store":
            for src in args.sources:
                path = store(json.loads(src.read_text(encoding="utf-8")), str(src))
                record = json.loads(path.read_text(encoding="utf-8"))
                print(f"{path.relative_to(ROOT)}: {len(record['mentions'])} mentions, "
                      f"{len(record['events'])} events", file=sys.stderr)
        elif args.command == "source":
            print(json.dumps(as_source(load_page(args.report, args.page)), ensure_ascii=False, indent=1))
        elif args.command == "review":
            review(load_page(args.report, args.page))
        elif args.command == "gold":
            for path in write_gold(args.split, args.dir):
                print(path, file=sys.stderr)
        elif args.command == "check":
            for report in {r for r, _ in stored_pages()}:
                verify_reference(report)
            for report, page in stored_pages():
                check_page(report, page)
            print(f"{len(stored_pages())} pages checked", file=sys.stderr)
    except (OvdGoldError, build_gold.GoldError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
