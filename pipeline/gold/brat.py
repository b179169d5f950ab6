"""brat standoff: ``.txt`` + ``.ann`` per document out, and back in.

Mentions are ``T`` lines of our types; an event is a trigger ``T`` line of its
type and an ``E`` line (``E1\\tfine:T5 Person:T3 Amount:T7``); values ride
in ``AnnotatorNotes`` (``field=value | field=value``), negation is the
``Negated`` attribute. brat (and INCEpTION) count offsets in code points, as
Python does; a span crossing a line break is written as fragments split at
the break, as brat itself does, and ``.txt`` is written byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import GoldError
from ..records import MENTION_TYPES
from .roundtrip import (
    EVENT_FIELDS,
    EVENT_TYPES,
    MENTION_FIELDS,
    ROLES,
    AnnotatedDocument,
    EventAnnotation,
    MentionAnnotation,
    check_span,
    clean_values,
    format_value,
    read_text_exactly,
    same_text,
    write_text_exactly,
)
from .labelstudio import COLOURS, EVENT_COLOUR

NOTE_SEPARATOR = " | "
_BREAKS = re.compile(r"[\r\n\t]+")
_ROLE = re.compile(r"^([A-Za-z_]+?)\d*$")  # brat numbers repeated roles: Person2


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span split at line breaks and tabs, which a brat fragment cannot hold.

    >>> fragments("Канат \\nИбрагимов", 0, 16)
    [(0, 6), (7, 16)]
    """
    pieces, at = [], start
    for match in _BREAKS.finditer(text, start, end):
        if match.start() > at:
            pieces.append((at, match.start()))
        at = match.end()
    if at < end:
        pieces.append((at, end))
    return pieces or [(start, end)]


def _note(values: dict) -> str:
    return NOTE_SEPARATOR.join(f"{k}={format_value(k, v)}" for k, v in values.items())


def ann(doc: AnnotatedDocument) -> str:
    """The ``.ann`` text of one document."""
    lines: list[str] = []
    counters = {"T": 0, "E": 0, "A": 0, "#": 0}

    def new(prefix: str) -> str:
        counters[prefix] += 1
        return f"{prefix}{counters[prefix]}"

    def text_bound(label: str, start: int, end: int) -> str:
        tid = new("T")
        pieces = fragments(doc.text, start, end)
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        lines.append(f"{tid}\t{label} {offsets}\t{' '.join(doc.text[s:e] for s, e in pieces)}")
        return tid

    def note(target: str, values: dict) -> None:
        if values:
            lines.append(f"{new('#')}\tAnnotatorNotes {target}\t{_note(values)}")

    tid_of: dict[tuple[int, int], str] = {}
    for m in doc.mentions:
        tid = text_bound(m.type, m.start, m.end)
        tid_of.setdefault((m.start, m.end), tid)
        note(tid, m.values)
    for e in doc.events:
        trigger = text_bound(e.type, e.start, e.end)
        used: dict[str, int] = {}
        args = []
        for role, s, t in e.arguments:
            used[role] = used.get(role, 0) + 1
            name = role.capitalize() + (str(used[role]) if used[role] > 1 else "")
            args.append(f"{name}:{tid_of[(s, t)]}")
        eid = new("E")
        lines.append(f"{eid}\t{e.type}:{trigger}" + "".join(f" {a}" for a in args))
        values = dict(e.values)
        if values.pop("negated", None):
            lines.append(f"{new('A')}\tNegated {eid}")
        elif "negated" in e.values:
            values["negated"] = False  # said explicitly: keep it
        note(eid, values)
    return "\n".join(lines) + ("\n" if lines else "")


def annotation_conf() -> str:
    """brat's ``annotation.conf``: our mention types, event types, roles, Negated."""
    any_mention = "|".join(MENTION_TYPES)
    roles = ", ".join(f"{r.capitalize()}*:{any_mention}" for r in ROLES)
    return "\n".join([
        "[entities]", *MENTION_TYPES, "",
        "[relations]", "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
        "[events]", *(f"{t}\t{roles}" for t in EVENT_TYPES), "",
        "[attributes]", "Negated\tArg:<EVENT>", "",
    ])


def visual_conf() -> str:
    """brat's ``visual.conf``: the same colours as the review pages."""
    return "\n".join([
        "[labels]", *(f"{t} | {t}" for t in (*MENTION_TYPES, *EVENT_TYPES)), "",
        "[drawing]",
        *(f"{t}\tbgColor:{COLOURS[t]}" for t in MENTION_TYPES),
        *(f"{t}\tbgColor:{EVENT_COLOUR}, fgColor:white" for t in EVENT_TYPES),
        "Negated\tbox:crossed, glyph:✗", "",
    ])


def export_brat(docs: Iterable[AnnotatedDocument], out_dir: Path) -> list[Path]:
    """Write ``{doc_id}.txt`` and ``.ann`` per document plus the two confs."""
    out_dir = Path(out_dir)
    written = []
    for doc in docs:
        for suffix, body in ((".txt", doc.text), (".ann", ann(doc))):
            path = out_dir / f"{doc.doc_id}{suffix}"
            write_text_exactly(path, body)
            written.append(path)
    for name, body in (("annotation.conf", annotation_conf()), ("visual.conf", visual_conf())):
        write_text_exactly(out_dir / name, body)
        written.append(out_dir / name)
    return written


# ---------------------------------------------------------------- import


def read_brat(path: Path) -> list[AnnotatedDocument]:
    """Documents from a brat ``.ann`` (its ``.txt`` beside it) or a folder of them."""
    path = Path(path)
    files = sorted(path.glob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not files:
        raise GoldError(f"{path}: no .ann files in this folder")
    return [document_from_ann(f.stem, _read(f.with_suffix(".txt")), _read(f), str(f)) for f in files]


def _read(path: Path) -> str:
    try:
        return read_text_exactly(path)
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read ({error})") from None


def document_from_ann(doc_id: str, text: str, ann_text: str, where: str = "") -> AnnotatedDocument:
    """One brat document back into mentions and events, every span checked."""
    bounds: dict[str, tuple[str, int, int]] = {}
    events: list[tuple[str, str, str, list[tuple[str, ...]]]] = []  # id, type, trigger, args
    notes: dict[str, list[str]] = {}
    negated: set[str] = set()
    for number, line in enumerate(ann_text.split("\n"), 1):
        line = line.rstrip("\r")
        at = f"{where or doc_id} line {number}"
        if not line.strip():
            continue
        parts = line.split("\t")
        kind = parts[0][:1]
        if kind == "T":
            if len(parts) < 3 or " " not in parts[1]:
                raise GoldError(f"{at}: expected 'T<n>\\tTYPE start end\\ttext', found {line!r}")
            label, _, offsets = parts[1].partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                try:
                    s, e = (int(x) for x in piece.split())
                except ValueError:
                    raise GoldError(f"{at}: bad offsets {offsets!r}") from None
                pieces.append((s, e))
            start, end = min(s for s, _ in pieces), max(e for _, e in pieces)
            check_span(doc_id, text, start, end, None, f"{parts[0]} ({label})")
            if not same_text(" ".join(text[s:e] for s, e in pieces), parts[2]):
                raise GoldError(f"{at}: {doc_id} span {offsets} reads "
                                f"{' '.join(text[s:e] for s, e in pieces)!r} but the annotation "
                                f"says {parts[2]!r}")
            bounds[parts[0]] = (label, start, end)
        elif kind == "E":
            head, *args = parts[1].split()
            label, _, trigger = head.partition(":")
            events.append((parts[0], label, trigger, [tuple(a.split(":", 1)) for a in args]))
        elif kind == "A" or kind == "M":
            name, *target = parts[1].split()
            if name == "Negated" and target:
                negated.add(target[0])
        elif kind == "#":
            _, _, target = parts[1].partition(" ")
            notes.setdefault(target.strip(), []).append(parts[2] if len(parts) > 2 else "")
        # R (relations), N (normalisations): not ours, passed over.

    def values(target: str, allowed, what: str) -> dict:
        raw = {}
        for note in notes.get(target, ()):
            for item in note.split(NOTE_SEPARATOR.strip()):
                if not item.strip():
                    continue
                name, sep, value = item.partition("=")
                if not sep or name.strip() not in allowed:
                    raise GoldError(f"{doc_id}: note on {what} should read 'field=value | …' with "
                                    f"fields among {', '.join(allowed)}; found {item.strip()!r}")
                raw[name.strip()] = value.strip()
        return clean_values(allowed, raw, f"{doc_id} {what}")

    mentions, parsed_events, used_as_trigger = [], [], set()
    for eid, label, trigger_id, args in events:
        what = f"{eid} ({label})"
        if label not in EVENT_TYPES or trigger_id not in bounds:
            raise GoldError(f"{doc_id}: event {what} needs an event type and a trigger T line")
        used_as_trigger.add(trigger_id)
        _, start, end = bounds[trigger_id]
        arguments = []
        for pair in args:
            if len(pair) != 2 or pair[1] not in bounds:
                raise GoldError(f"{doc_id}: event {what} has a bad argument {':'.join(pair)!r}")
            match = _ROLE.match(pair[0])
            role = match.group(1).lower() if match else ""
            if role not in ROLES:
                raise GoldError(f"{doc_id}: event {what} argument role {pair[0]!r} is not one of "
                                f"{', '.join(r.capitalize() for r in ROLES)}")
            arguments.append((role, *bounds[pair[1]][1:]))
        fields = values(eid, EVENT_FIELDS, f"event {what}")
        if eid in negated:
            fields["negated"] = True
        parsed_events.append(EventAnnotation(label, start, end, text[start:end], fields,
                                             tuple(arguments)))
    for tid, (label, start, end) in bounds.items():
        if tid in used_as_trigger:
            continue
        if label not in MENTION_TYPES:
            raise GoldError(f"{doc_id}: {tid} has type {label!r}, which is not one of "
                            f"{', '.join(MENTION_TYPES)} (nor an event trigger)")
        mentions.append(MentionAnnotation(label, start, end, text[start:end],
                                          values(tid, MENTION_FIELDS, f"{tid} ({label})")))
    return AnnotatedDocument(doc_id, text, tuple(mentions), tuple(parsed_events)).canonical()
