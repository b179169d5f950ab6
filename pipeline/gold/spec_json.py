"""Gold in the SPEC "Hand annotations" JSON format: one file per document.

Records carry the annotator's text, so every span is checked against it when
read. Writing never replaces an existing file unless asked (``force``), and
each file is written whole or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ..errors import GoldError
from ..records import MENTION_TYPES
from ..tables import write_atomically
from .roundtrip import (
    EVENT_FIELDS,
    EVENT_TYPES,
    MENTION_FIELDS,
    ROLES,
    AnnotatedDocument,
    EventAnnotation,
    MentionAnnotation,
    check_span,
    clean_value,
    clean_values,
)


def gold_record(doc: AnnotatedDocument) -> dict:
    """A document as a SPEC gold JSON object.

    Mentions list only the values they have; events list every field (null
    when not given) and, beyond the SPEC fields, their ``arguments`` as spans.
    """
    doc = doc.canonical()
    mentions = [{"type": m.type, "start": m.start, "end": m.end, "text": m.text, **m.values}
                for m in doc.mentions]
    events = []
    for e in doc.events:
        record = {"type": e.type, "start": e.start, "end": e.end, "trigger": e.trigger}
        for name in EVENT_FIELDS:
            default = [] if name in ("persons", "actors") else None
            record[name] = e.values.get(name, default)
        record["arguments"] = [{"role": role, "start": s, "end": t, "text": doc.text[s:t]}
                               for role, s, t in e.arguments]
        events.append(record)
    return {"doc_id": doc.doc_id, "text": doc.text, "mentions": mentions, "events": events}


def document_from_gold(record: dict, where: str = "") -> AnnotatedDocument:
    """A SPEC gold JSON object back into a document, every span checked."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise GoldError(f"{where}: expected an object with 'doc_id' and 'text'")
    doc_id, text = str(record.get("doc_id") or where), record["text"]
    mentions = []
    for n, item in enumerate(record.get("mentions") or []):
        what = f"mention {n}"
        if item.get("type") not in MENTION_TYPES:
            raise GoldError(f"{doc_id}: {what} has type {item.get('type')!r}, "
                            f"expected one of {', '.join(MENTION_TYPES)}")
        start, end = _offset(item, "start", doc_id, what), _offset(item, "end", doc_id, what)
        check_span(doc_id, text, start, end, item.get("text"), what)
        mentions.append(MentionAnnotation(item["type"], start, end, text[start:end],
                                          clean_values(MENTION_FIELDS, item, f"{doc_id} {what}")))
    events = []
    for n, item in enumerate(record.get("events") or []):
        what = f"event {n}"
        if item.get("type") not in EVENT_TYPES:
            raise GoldError(f"{doc_id}: {what} has type {item.get('type')!r}, "
                            f"expected one of {', '.join(EVENT_TYPES)}")
        start = end = trigger = None
        if item.get("start") is not None:
            start, end = _offset(item, "start", doc_id, what), _offset(item, "end", doc_id, what)
            check_span(doc_id, text, start, end, item.get("trigger"), what)
            trigger = text[start:end]
        arguments = []
        for a in item.get("arguments") or []:
            if a.get("role") not in ROLES:
                raise GoldError(f"{doc_id}: {what} argument role {a.get('role')!r} is not one of "
                                f"{', '.join(ROLES)}")
            s, t = _offset(a, "start", doc_id, what), _offset(a, "end", doc_id, what)
            check_span(doc_id, text, s, t, a.get("text"), f"{what} {a['role']} argument")
            arguments.append((a["role"], s, t))
        events.append(EventAnnotation(item["type"], start, end, trigger,
                                      clean_values(EVENT_FIELDS, item, f"{doc_id} {what}"),
                                      tuple(arguments)))
    return AnnotatedDocument(doc_id, text, tuple(mentions), tuple(events)).canonical()


def read_gold_file(path: Path) -> list[AnnotatedDocument]:
    """Documents from one gold JSON file (an object, or a list of them)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"{path}: cannot read gold JSON ({error})") from None
    records = data if isinstance(data, list) else [data]
    return [document_from_gold(r, f"{path}") for r in records]


def gold_path(out_dir: Path, doc_id: str) -> Path:
    """Where a document's gold file goes; a doc_id cannot leave the folder."""
    if not doc_id or "/" in doc_id or "\\" in doc_id or doc_id in (".", ".."):
        raise GoldError(f"doc_id {doc_id!r} cannot be a file name")
    return Path(out_dir) / f"{doc_id}.json"


def write_gold(docs: Iterable[AnnotatedDocument], out_dir: Path, force: bool = False) -> list[Path]:
    """Write one gold JSON per document into ``out_dir``; the paths written.

    Nothing is written if any target exists and ``force`` is not set, so a
    refused import leaves the folder as it was.
    """
    docs = list(docs)
    paths = [gold_path(out_dir, d.doc_id) for d in docs]
    seen: dict[Path, str] = {}
    for doc, path in zip(docs, paths):
        if path in seen:
            raise GoldError(f"{doc.doc_id}: two documents with this doc_id in one import")
        seen[path] = doc.doc_id
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:5]) + (" …" if len(existing) > 5 else "")
        raise GoldError(f"gold file(s) already exist: {names}; not overwritten "
                        "(use --force to replace them)")
    for doc, path in zip(docs, paths):
        body = json.dumps(gold_record(doc), ensure_ascii=False, indent=1) + "\n"
        write_atomically(path, lambda p, b=body: Path(p).write_text(b, encoding="utf-8", newline=""))
    return paths


def _offset(item: dict, key: str, doc_id: str, what: str) -> int:
    value = clean_value("count_min", item.get(key), f"{doc_id}: {what} {key}")
    if not isinstance(value, int):
        raise GoldError(f"{doc_id}: {what} needs an integer {key}, found {item.get(key)!r}")
    return value
