"""Gold in the SPEC "Hand annotations" JSON format: one file per document, read and written.

Records carry the annotator's text, so every span is checked against it when read
(a record without ``text`` is taken on trust: its offsets are clean offsets).
Writing never replaces an existing file unless asked (``force``), and each file is
written whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..errors import GoldError
from ..records import EVENT_VALUE_FIELDS, MENTION_TYPES, MENTION_VALUE_FIELDS, NAME_FIELDS, ROLES
from ..files import fit_name
from .io import dumps, read_json, write_files
from .records import (
    AnnotatedDocument,
    EventAnnotation,
    MentionAnnotation,
    check_span,
    clean_values,
    doc_id_of,
    event_type,
    list_of,
    offset,
)


def read_spec_json(path: Path, type_map: dict | None = None) -> list[AnnotatedDocument]:
    """Documents from one gold JSON file (an object, or a list of them).

    ``type_map`` renames mention types (others than ours are then passed over). A
    document scores the mention types it declares (``mention_types``), else those
    marked anywhere in its file: a set annotated together marks the same types.
    """
    return documents_from_json(read_json(path), str(path), type_map)


def documents_from_json(data, where: str, type_map: dict | None = None) -> list[AnnotatedDocument]:
    """The documents of one parsed gold JSON file (an object, or a list of them)."""
    records = data if isinstance(data, list) else [data]
    docs = [document_from_record(record, where, type_map) for record in records]
    marked = frozenset(m.type for d in docs for m in d.mentions)
    return [d if d.mention_types else replace(d, mention_types=marked) for d in docs]


def document_from_record(record, where: str, type_map: dict | None = None) -> AnnotatedDocument:
    """One SPEC gold JSON object as a document, every span checked against its text."""
    if not isinstance(record, dict):
        raise GoldError(f"{where}: expected a JSON object per document, found {type(record).__name__}")
    raw_id = record.get("doc_id")
    doc_id = doc_id_of(Path(where).stem if raw_id is None or raw_id == "" else raw_id, where)
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise GoldError(f"{where}: 'text' must be a string")
    where = f"{where} ({doc_id})"
    mentions = [_mention(item, text, f"{where} mention {n}", type_map)
                for n, item in enumerate(list_of(record.get("mentions"), where, "'mentions'"))]
    events = [_event(item, text, f"{where} event {n}")
              for n, item in enumerate(list_of(record.get("events"), where, "'events'"))]
    return AnnotatedDocument(
        doc_id, text, tuple(m for m in mentions if m is not None), tuple(events),
        mention_types=frozenset(list_of(record.get("mention_types"), where, "'mention_types'", str)),
        has_events="events" in record,
        pages=_pages(record.get("pages"), where), source=where,
    ).canonical()


def _pages(value, where: str) -> frozenset[int]:
    """The pages an excerpt covers (``"pages": [3, 4]``); none for a whole document."""
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1
                                               for n in value):
        raise GoldError(f"{where}: 'pages' must be a list of page numbers (1, 2, …), found {value!r}")
    return frozenset(value)


def _mention(item, text: str | None, where: str, type_map: dict | None) -> MentionAnnotation | None:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected an object")
    kind = item.get("type")
    if type_map:
        kind = type_map.get(kind, kind if kind in MENTION_TYPES else None)
        if kind is None:
            return None
    if kind not in MENTION_TYPES:
        raise GoldError(f"{where}: type {item.get('type')!r} is not one of {', '.join(MENTION_TYPES)}")
    start, end = offset(item.get("start"), where, "start"), offset(item.get("end"), where, "end")
    if start is None or end is None or not 0 <= start < end:
        raise GoldError(f"{where}: needs 0 <= start < end, found {item.get('start')!r}, {item.get('end')!r}")
    said = item.get("text")
    if said is not None and not isinstance(said, str):
        raise GoldError(f"{where}: 'text' should be the span's text, found {said!r}")
    if text is not None:
        check_span(where, text, start, end, said)
        said = text[start:end]
    return MentionAnnotation(kind, start, end, said or "", clean_values(MENTION_VALUE_FIELDS, item, where))


def _event(item, text: str | None, where: str) -> EventAnnotation:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected an object")
    kind = event_type(item.get("type"), where)
    start, end = offset(item.get("start"), where, "start"), offset(item.get("end"), where, "end")
    if (start is None) != (end is None) or (start is not None and not 0 <= start < end):
        raise GoldError(f"{where}: event span needs both 0 <= start < end, found {start!r}, {end!r}")
    trigger = item.get("trigger")
    if trigger is not None and not isinstance(trigger, str):
        raise GoldError(f"{where}: 'trigger' should be the trigger's text, found {trigger!r}")
    if start is not None and text is not None:
        check_span(f"{where} trigger", text, start, end, trigger)
        trigger = text[start:end]
    return EventAnnotation(kind, start, end, trigger, clean_values(EVENT_VALUE_FIELDS, item, where),
                           _arguments(item, text, where), _also(item, where))


def _arguments(item: dict, text: str | None, where: str) -> tuple[tuple[str, int, int], ...]:
    arguments = []
    for a in list_of(item.get("arguments"), where, "'arguments'"):
        if not isinstance(a, dict) or a.get("role") not in ROLES:
            raise GoldError(f"{where}: argument role {a.get('role') if isinstance(a, dict) else a!r} "
                            f"is not one of {', '.join(ROLES)}")
        start, end = offset(a.get("start"), where, "start"), offset(a.get("end"), where, "end")
        if start is None or end is None:
            raise GoldError(f"{where}: a {a['role']} argument needs start and end")
        if a.get("text") is not None and not isinstance(a["text"], str):
            raise GoldError(f"{where}: a {a['role']} argument's 'text' should be text, found {a['text']!r}")
        if text is not None:
            check_span(f"{where} {a['role']} argument", text, start, end, a.get("text"))
        arguments.append((a["role"], start, end))
    return tuple(arguments)


def _also(item: dict, where: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for span in list_of(item.get("also"), where, "'also'", list):
        if not (isinstance(span, (list, tuple)) and len(span) == 2):
            raise GoldError(f"{where}: 'also' holds [start, end] pairs, found {span!r}")
        start, end = offset(span[0], where), offset(span[1], where)
        if start is None or end is None or not 0 <= start < end:
            raise GoldError(f"{where}: bad 'also' span {span!r}")
        spans.append((start, end))
    return tuple(spans)


# ---------------------------------------------------------------- writing


def gold_record(doc: AnnotatedDocument) -> dict:
    """A document as a SPEC gold JSON object.

    Mentions list only the values they have; events list every field (null when not
    given) and, beyond the SPEC fields, their ``arguments`` as spans (and ``also``,
    the other tellings, when there are any).
    """
    doc = doc.canonical()
    mentions = [{"type": m.type, "start": m.start, "end": m.end, "text": m.text, **m.values}
                for m in doc.mentions]
    events = []
    for e in doc.events:
        record = {"type": e.type, "start": e.start, "end": e.end, "trigger": e.trigger}
        for name in EVENT_VALUE_FIELDS:
            record[name] = e.values.get(name, [] if name in NAME_FIELDS else None)
        record["arguments"] = [{"role": role, "start": s, "end": t, "text": doc.text[s:t]}
                               for role, s, t in e.arguments]
        if e.also:
            record["also"] = [list(span) for span in e.also]
        events.append(record)
    record = {"doc_id": doc.doc_id, "text": doc.text, "mentions": mentions, "events": events}
    if doc.pages:
        record["pages"] = sorted(doc.pages)
    return record


def gold_path(out_dir: Path, doc_id: str, where: str = "") -> Path:
    """Where a document's gold file goes: named for its doc_id, shortened (and marked
    with a hash) past the file-name limit; the doc_id itself travels inside the file.
    A doc_id cannot leave the folder."""
    doc_id = doc_id_of(doc_id, where or "gold file")
    if "/" in doc_id or "\\" in doc_id or doc_id in (".", ".."):
        raise GoldError(f"{where + ': ' if where else ''}doc_id {doc_id!r} cannot be a file name")
    return Path(out_dir) / fit_name(doc_id, ".json")


def write_spec_json(docs: Iterable[AnnotatedDocument], out_dir: Path, force: bool = False) -> list[Path]:
    """Write one gold JSON per document into ``out_dir``; the paths written.

    Nothing is written if any target exists and ``force`` is not set, so a
    refused import leaves the folder as it was.
    """
    docs = list(docs)
    paths = [gold_path(out_dir, d.doc_id, d.source) for d in docs]
    if len(set(paths)) < len(paths):
        twice = next(d.doc_id for d, p in zip(docs, paths) if paths.count(p) > 1)
        raise GoldError(f"{twice}: two documents with this doc_id in one import")
    return write_files([(path, dumps(gold_record(doc))) for doc, path in zip(docs, paths)],
                       force=force, keep_existing=True)
