"""Hand annotations (gold) in their three formats, read into plain records.

- SPEC JSON: one file per document (``data/annotated/*.json``) or a single file;
- brat standoff: ``.txt`` + ``.ann`` pairs, ``T`` lines mapped to our mention
  types (NEREL's mapping built in);
- an event table in CSV/XLSX with the ``events`` columns (no offsets needed).

A file that cannot be read, or whose spans do not match its own text, raises
:class:`~pipeline.errors.GoldError` naming the file and line.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import GoldError
from ..records import DATE, EVENT_TYPES, LOC, MENTION_TYPES, MENTION_VALUE_FIELDS, MONEY, ORG, PER

# NEREL (Russian Wikinews, brat) entity types -> ours; other types are ignored.
NEREL_TYPE_MAP = {
    "PERSON": PER,
    "CITY": LOC, "COUNTRY": LOC, "STATE_OR_PROVINCE": LOC, "LOCATION": LOC, "DISTRICT": LOC,
    "ORGANIZATION": ORG,
    "DATE": DATE, "MONEY": MONEY,
}

EVENT_VALUE_FIELDS = (
    "trigger", "date_start", "date_end", "date_precision", "place", "count_min",
    "count_max", "amount_min", "amount_max", "currency", "term_min", "term_max",
    "term_unit", "negated", "aggregate",
)
NUMBER_FIELDS = {"amount_min", "amount_max", "term_min", "term_max", "count_min", "count_max"}
DATE_FIELDS = {"date_start", "date_end"}
BOOL_FIELDS = {"approx", "negated", "aggregate"}
LIST_FIELDS = {"persons", "actors"}


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A hand-annotated span of the annotator's text, with the values given for it."""

    type: str
    start: int
    end: int
    text: str
    normal: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    amount_min: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    term_min: float | None = None
    term_max: float | None = None
    term_unit: str | None = None
    count_min: float | None = None
    count_max: float | None = None
    approx: bool | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A hand-annotated event; offsets (trigger and ``also`` spans) are optional."""

    type: str
    start: int | None = None
    end: int | None = None
    also: tuple[tuple[int, int], ...] = ()
    trigger: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    place: str | None = None
    persons: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    count_min: float | None = None
    count_max: float | None = None
    amount_min: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    term_min: float | None = None
    term_max: float | None = None
    term_unit: str | None = None
    negated: bool | None = None
    aggregate: bool | None = None  # a total over happenings also told one by one


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated document.

    ``text`` is what the annotator saw (None for an event table, whose offsets,
    if any, are clean offsets already). ``mention_types`` are the types the
    annotator marked (others are not scored); ``has_events`` says events were
    annotated at all.
    """

    doc_id: str
    text: str | None
    mentions: tuple[GoldMention, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    mention_types: frozenset[str] = frozenset()
    has_events: bool = False
    source: str = ""


def read_gold(path: Path, type_map: dict | None = None) -> list[GoldDocument]:
    """Gold documents from a JSON file, a brat ``.ann``, a CSV/XLSX event table,
    or a folder of any of these (read together; a doc_id may occur once)."""
    path = Path(path)
    if not path.exists():
        raise GoldError(f"{path}: no such file or folder")
    if path.is_file():
        files = [path]
    else:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in _READERS)
        if not files:
            raise GoldError(f"{path}: no gold files (.json, .ann, .csv, .xlsx) in this folder")
    documents: dict[str, GoldDocument] = {}
    for file in files:
        reader = _READERS.get(file.suffix.lower())
        if reader is None:
            raise GoldError(f"{file}: not a gold format we read (.json, .ann, .csv, .xlsx)")
        for doc in reader(file, type_map):
            if doc.doc_id in documents:
                raise GoldError(
                    f"{file}: doc_id {doc.doc_id!r} is also in {documents[doc.doc_id].source}"
                )
            documents[doc.doc_id] = doc
    return list(documents.values())


# ---------------------------------------------------------------- JSON


def _read_json(file: Path, type_map: dict | None) -> list[GoldDocument]:
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = f" line {error.lineno}" if isinstance(error, json.JSONDecodeError) else ""
        raise GoldError(f"{file}{line}: not valid UTF-8 JSON ({error})") from None
    records = data if isinstance(data, list) else [data]
    docs = [_json_document(record, file, type_map) for record in records]
    types = frozenset(m.type for d in docs for m in d.mentions)
    # A set annotated together marks the same types; an explicit list wins.
    return [
        d if d.mention_types else replace(d, mention_types=types) for d in docs
    ]


def _json_document(record, file: Path, type_map: dict | None) -> GoldDocument:
    if not isinstance(record, dict):
        raise GoldError(f"{file}: expected a JSON object per document, found {type(record).__name__}")
    doc_id = str(record.get("doc_id") or file.stem)
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise GoldError(f"{file}: 'text' must be a string")
    where = f"{file} ({doc_id})"
    mentions = []
    for n, item in enumerate(record.get("mentions") or []):
        mention = _json_mention(item, text, f"{where} mention {n}", type_map)
        if mention is not None:
            mentions.append(mention)
    events = [_gold_event(item, f"{where} event {n}") for n, item in enumerate(record.get("events") or [])]
    declared = record.get("mention_types")
    return GoldDocument(
        doc_id=doc_id, text=text, mentions=tuple(mentions), events=tuple(events),
        mention_types=frozenset(declared or ()), has_events="events" in record, source=str(file),
    )


def _json_mention(item, text: str | None, where: str, type_map: dict | None) -> GoldMention | None:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected an object")
    kind = item.get("type")
    if type_map:
        kind = type_map.get(kind, kind if kind in MENTION_TYPES else None)
        if kind is None:
            return None
    if kind not in MENTION_TYPES:
        raise GoldError(f"{where}: type {item.get('type')!r} is not one of {', '.join(MENTION_TYPES)}")
    start, end = _int(item.get("start"), where), _int(item.get("end"), where)
    if start is None or end is None or not 0 <= start < end:
        raise GoldError(f"{where}: needs 0 <= start < end, found {item.get('start')!r}, {item.get('end')!r}")
    span_text = item.get("text")
    if text is not None:
        if end > len(text):
            raise GoldError(f"{where}: span {start}-{end} runs past the text ({len(text)} chars)")
        if span_text is not None and _squash(text[start:end]) != _squash(span_text):
            raise GoldError(f"{where}: span {start}-{end} reads {text[start:end]!r}, annotation says {span_text!r}")
        span_text = text[start:end]
    values = {name: field_value(name, item.get(name), where) for name in MENTION_VALUE_FIELDS}
    return GoldMention(kind, start, end, span_text or "", **values)


def _gold_event(item, where: str) -> GoldEvent:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected an object")
    kind = _text(item.get("type"))
    if kind not in EVENT_TYPES:
        raise GoldError(f"{where}: event type {item.get('type')!r} is not one of {', '.join(EVENT_TYPES)}")
    start, end = _int(item.get("start"), where), _int(item.get("end"), where)
    if (start is None) != (end is None) or (start is not None and not 0 <= start < end):
        raise GoldError(f"{where}: event span needs both 0 <= start < end, found {start!r}, {end!r}")
    also = []
    for span in _listish(item.get("also")):
        if not (isinstance(span, (list, tuple)) and len(span) == 2):
            raise GoldError(f"{where}: 'also' holds [start, end] pairs, found {span!r}")
        s, e = _int(span[0], where), _int(span[1], where)
        if s is None or e is None or not 0 <= s < e:
            raise GoldError(f"{where}: bad 'also' span {span!r}")
        also.append((s, e))
    values = {name: field_value(name, item.get(name), where) for name in EVENT_VALUE_FIELDS}
    lists = {name: tuple(_names(item.get(name))) for name in LIST_FIELDS}
    return GoldEvent(kind, start, end, tuple(also), **values, **lists)


# ---------------------------------------------------------------- brat


_BRAT_SPAN = re.compile(r"^(\d+) (\d+)$")


def _read_brat(file: Path, type_map: dict | None) -> list[GoldDocument]:
    """A brat ``.ann`` and its ``.txt``: T lines of mapped types become mentions."""
    mapping = type_map if type_map is not None else NEREL_TYPE_MAP
    txt = file.with_suffix(".txt")
    try:
        text = _read_exact(txt)
        lines = [line.rstrip("\r") for line in _read_exact(file).split("\n")]
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{file}: cannot read the annotation or its text ({error})") from None
    mentions = []
    for number, line in enumerate(lines, 1):
        if not line.startswith("T"):
            continue  # relations, attributes, notes: not ours
        where = f"{file} line {number}"
        parts = line.split("\t")
        if len(parts) < 3 or " " not in parts[1]:
            raise GoldError(f"{where}: expected 'T<n>\\tTYPE start end\\ttext', found {line!r}")
        kind, _, spans = parts[1].partition(" ")
        if kind not in mapping:
            continue
        fragments = []
        for piece in spans.split(";"):
            m = _BRAT_SPAN.match(piece.strip())
            if not m:
                raise GoldError(f"{where}: bad span {piece!r}")
            fragments.append((int(m.group(1)), int(m.group(2))))
        if any(not 0 <= s <= e <= len(text) for s, e in fragments):
            raise GoldError(f"{where}: span {spans} runs past the text ({len(text)} chars)")
        # brat joins the pieces of a discontinuous span with a space, in file order.
        pieces = " ".join(text[s:e] for s, e in fragments)
        if _squash(pieces) != _squash(parts[2]):
            raise GoldError(f"{where}: span {spans} reads {pieces!r}, annotation says {parts[2]!r}")
        start, end = min(s for s, _ in fragments), max(e for _, e in fragments)
        mentions.append(GoldMention(mapping[kind], start, end, text[start:end]))
    mentions.sort(key=lambda m: (m.start, m.end, m.type))
    return [GoldDocument(
        doc_id=file.stem, text=text, mentions=tuple(mentions),
        mention_types=frozenset(mapping.values()), has_events=False, source=str(file),
    )]


def _read_exact(path: Path) -> str:
    """A UTF-8 file as is: newline="" keeps \\r\\n as two characters, as brat counts."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# ---------------------------------------------------------------- event tables


def _read_table(file: Path, type_map: dict | None) -> list[GoldDocument]:
    """An event table (CSV or XLSX) with the SPEC ``events`` columns."""
    try:
        header, rows = _table_rows(file)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        raise GoldError(f"{file}: cannot read the event table ({error})") from None
    missing = [c for c in ("doc_id", "type") if c not in header]
    if missing:
        raise GoldError(f"{file}: missing column(s) {', '.join(missing)}; found {', '.join(header)}")
    by_doc: dict[str, list[GoldEvent]] = {}
    for index, row in enumerate(rows):
        where = f"{file} line {index + 2}"  # 1-based, after the header
        if all(is_blank(v) for v in row.values()):
            continue
        doc_id = _text(row.get("doc_id"))
        if not doc_id:
            raise GoldError(f"{where}: empty doc_id")
        record = {k: v for k, v in row.items() if k not in ("doc_id", "event_id", "evidence")}
        for name in LIST_FIELDS:
            record[name] = [p for p in re.split(r"\s*;\s*", _text(record.get(name)) or "") if p]
        by_doc.setdefault(doc_id, []).append(_gold_event(record, where))
    return [
        GoldDocument(doc_id, None, (), tuple(events), frozenset(), True, str(file))
        for doc_id, events in by_doc.items()
    ]


def _table_rows(file: Path) -> tuple[list[str], list[dict]]:
    """Header and rows (dicts) of a CSV (UTF-8, any delimiter) or the first XLSX sheet."""
    if file.suffix.lower() == ".csv":
        text = file.read_text(encoding="utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
        table = list(csv.reader(io.StringIO(text, newline=""), dialect))
    else:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            book = load_workbook(file, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile) as error:
            raise ValueError(f"not an XLSX workbook: {error}") from None
        table = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
    if not table:
        return [], []
    header = [str(c).strip() if c is not None else "" for c in table[0]]
    return header, [dict(zip(header, row)) for row in table[1:]]


_READERS = {".json": _read_json, ".ann": _read_brat, ".csv": _read_table, ".xlsx": _read_table}


# ---------------------------------------------------------------- values


def field_value(name: str, raw, where: str):
    """A field value in its canonical Python form; blanks are None.

    Shared by every reader of hand annotations (JSON, brat, CSV, and the
    annotation tools' exports), so all of them accept the same spellings.
    """
    if is_blank(raw):
        return None
    if name in NUMBER_FIELDS:
        try:
            number = float(str(raw).replace(" ", "").replace("\u00a0", "").replace(",", "."))
        except ValueError:
            raise GoldError(f"{where}: {name} should be a number, found {raw!r}") from None
        if math.isnan(number):
            return None
        return number
    if name in DATE_FIELDS:
        if isinstance(raw, (dt.date, dt.datetime)):
            return (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
        text = str(raw).strip()[:10]
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise GoldError(f"{where}: {name} should be an ISO date YYYY-MM-DD, found {raw!r}") from None
    if name in BOOL_FIELDS:
        if isinstance(raw, bool):
            return raw
        word = str(raw).strip().lower()
        if word in ("true", "1", "yes", "да", "1.0"):
            return True
        if word in ("false", "0", "no", "нет", "0.0"):
            return False
        raise GoldError(f"{where}: {name} should be true or false, found {raw!r}")
    return _text(raw)


def is_blank(value) -> bool:
    """None, NaN, pandas' NA or a string of spaces."""
    if value is None or type(value).__name__ == "NAType":
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _text(value) -> str | None:
    return None if is_blank(value) else str(value).strip()


def _int(value, where: str) -> int | None:
    if is_blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise GoldError(f"{where}: offset should be an integer, found {value!r}") from None
    if number != int(number):
        raise GoldError(f"{where}: offset should be an integer, found {value!r}")
    return int(number)


def _names(value) -> list[str]:
    if is_blank(value):
        return []
    items = value if isinstance(value, (list, tuple)) else re.split(r"\s*;\s*", str(value))
    return [str(v).strip() for v in items if not is_blank(v)]


def _listish(value) -> list:
    return [] if is_blank(value) else list(value)


def _squash(text: str) -> str:
    """Text with whitespace runs made one space, to compare spans.

    >>> _squash(" Бахыт\\n Туменова ")
    'Бахыт Туменова'
    """
    return " ".join(text.split())

