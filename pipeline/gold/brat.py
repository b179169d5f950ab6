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
from dataclasses import replace
from pathlib import Path

from ..errors import GoldError
from ..records import EVENT_TYPES, EVENT_VALUE_FIELDS, LOC, MENTION_TYPES, MENTION_VALUE_FIELDS, ORG, PER, ROLES
from .io import read_text_exactly, write_files
from .records import (
    COLOURS,
    EVENT_COLOUR,
    AnnotatedDocument,
    EventAnnotation,
    MentionAnnotation,
    brief,
    check_span,
    clean_values,
    format_value,
    same_text,
)

# NEREL (Russian Wikinews, brat) entity types -> ours; its other types are passed over.
NEREL_TYPE_MAP = {
    "PERSON": PER,
    "CITY": LOC, "COUNTRY": LOC, "STATE_OR_PROVINCE": LOC, "LOCATION": LOC, "DISTRICT": LOC,
    "ORGANIZATION": ORG,
    "DATE": "DATE", "MONEY": "MONEY",
}
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


def write_brat(docs: Iterable[AnnotatedDocument], out_dir: Path, force: bool = False) -> list[Path]:
    """Write ``{doc_id}.txt`` and ``.ann`` per document plus the two confs, all or none.

    A file already there with other content (an annotator's corrected ``.ann``) is
    replaced only with ``force``; exporting the same thing again changes nothing.
    """
    out_dir = Path(out_dir)
    files = []
    for doc in docs:
        files += [(out_dir / f"{doc.doc_id}.txt", doc.text), (out_dir / f"{doc.doc_id}.ann", ann(doc))]
    files += [(out_dir / "annotation.conf", annotation_conf()), (out_dir / "visual.conf", visual_conf())]
    return write_files(files, force=force)


# ---------------------------------------------------------------- reading


def read_brat(path: Path, type_map: dict | None = None) -> list[AnnotatedDocument]:
    """Documents from a brat ``.ann`` (its ``.txt`` beside it) or a folder of them.

    ``type_map`` maps labels to our mention types (others passed over); without
    one the scheme is ours or NEREL's, as the folder's ``annotation.conf`` or the
    file's labels say. Our scheme scores the types (and events) its conf declares.
    """
    path = Path(path)
    files = sorted(path.glob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not files:
        raise GoldError(f"{path}: no .ann files in this folder")
    declared = declared_labels(files[0].parent / "annotation.conf")
    docs = []
    for file in files:
        text, ann_text = read_text_exactly(file.with_suffix(".txt")), read_text_exactly(file, strip_bom=True)
        labels = type_map if type_map is not None else label_map(ann_text, declared)
        doc = document_from_ann(file.stem, text, ann_text, str(file), labels)
        if labels is not None:
            types, has_events = frozenset(labels.values()), False
        elif declared is not None:
            types, has_events = declared[0] & frozenset(MENTION_TYPES), bool(declared[1] & set(EVENT_TYPES))
        else:
            types, has_events = frozenset(MENTION_TYPES), bool(doc.events)
        docs.append(replace(doc, mention_types=types, has_events=has_events, source=str(file)))
    return docs


def declared_labels(conf: Path) -> tuple[frozenset[str], frozenset[str]] | None:
    """The entity and event labels an ``annotation.conf`` declares (None without one)."""
    if not conf.is_file():
        return None
    found: dict[str, set[str]] = {"entities": set(), "events": set()}
    section = None
    for line in read_text_exactly(conf).splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section in found:
            found[section].add(line.split()[0].lstrip("!"))
    return frozenset(found["entities"]), frozenset(found["events"])


def label_map(ann_text: str, declared: tuple[frozenset[str], frozenset[str]] | None) -> dict | None:
    """None for our own scheme (a label only we use is declared or used), else NEREL's map.

    >>> label_map("T1\\tPER 0 5\\tКанат", None), label_map("T1\\tPERSON 0 5\\tКанат", None) is NEREL_TYPE_MAP
    (None, True)
    """
    if declared is not None:
        labels = declared[0] | declared[1]
    else:
        # the labels of text-bound and event lines (T1\tPER 0 5…, E1\tfine:T2 …)
        labels = {re.split(r"[ :]", line.split("\t")[1])[0] for line in ann_text.splitlines()
                  if line[:1] in "TE" and line.count("\t") >= 1 and line.split("\t")[1]}
    ours = (set(MENTION_TYPES) - set(NEREL_TYPE_MAP)) | set(EVENT_TYPES)
    return None if labels & ours else NEREL_TYPE_MAP


def document_from_ann(doc_id: str, text: str, ann_text: str, where: str = "",
                      labels: dict | None = None) -> AnnotatedDocument:
    """One brat document, every span checked against its text.

    ``labels`` None reads our own scheme strictly (a label we do not know is an
    error); a map reads only the text-bound lines of the labels it maps.
    """
    lines = _Lines(doc_id, text, where or doc_id, labels)
    for number, line in enumerate(ann_text.split("\n"), 1):
        lines.read(number, line.rstrip("\r"))
    if labels is not None:
        mentions = [MentionAnnotation(labels[label], s, e, text[s:e]) for label, s, e in lines.bounds.values()]
        return AnnotatedDocument(doc_id, text, tuple(mentions)).canonical()
    events = [lines.event(*event) for event in lines.events]
    triggers = {trigger for _, _, trigger, _, _ in lines.events}
    mentions = [lines.mention(tid, label, s, e) for tid, (label, s, e) in lines.bounds.items()
                if tid not in triggers]
    return AnnotatedDocument(doc_id, text, tuple(mentions), tuple(events)).canonical()


# What each kind of line holds after its id, for the message when it holds nothing.
LINE_SHAPES = {
    "T": "T<n>\\tTYPE start end\\ttext",
    "E": "E<n>\\tTYPE:T<n> Role:T<n> …",
    "A": "A<n>\\tName target",
    "M": "M<n>\\tName target",
    "#": "#<n>\\tAnnotatorNotes target\\tnote",
    "R": "R<n>\\tTYPE Arg1:T<n> Arg2:T<n>",
    "N": "N<n>\\tReference target id\\ttext",
    "*": "*\\tTYPE T<n> T<n> …",
}


class _Lines:
    """The lines of one ``.ann`` as they are read: spans, events, notes, negations.

    Events and notes remember the line they came from, so a problem found once
    every line is read still names its line.
    """

    def __init__(self, doc_id: str, text: str, where: str, labels: dict | None) -> None:
        self.doc_id, self.text, self.where, self.labels = doc_id, text, where, labels
        self.bounds: dict[str, tuple[str, int, int]] = {}
        # id, type, trigger, args, "file line n"
        self.events: list[tuple[str, str, str, list[tuple[str, ...]], str]] = []
        self.notes: dict[str, list[tuple[str, str]]] = {}  # target -> (note, "file line n")
        self.negated: set[str] = set()
        self.bound_at: dict[str, str] = {}  # T id -> "file line n"

    def read(self, number: int, line: str) -> None:
        if not line.strip():
            return
        at, parts, kind = f"{self.where} line {number}", line.split("\t"), line[:1]
        if kind not in LINE_SHAPES:
            if self.labels is not None:
                return  # another scheme's file (NEREL holds a stray line of text): passed over, as brat does
            raise GoldError(f"{at}: not a brat annotation line (each starts with one of "
                            f"{' '.join(LINE_SHAPES)}), found {brief(line)}")
        fields = parts[1].split() if len(parts) > 1 else []
        if not fields or kind == "#" and len(fields) < 2:
            raise GoldError(f"{at}: expected '{LINE_SHAPES[kind]}', found {brief(line)}")
        if kind == "T":
            self._text_bound(at, parts, line)
        elif self.labels is not None:
            return  # another scheme's events, relations and notes are not ours
        elif kind == "E":
            head, *args = fields
            label, _, trigger = head.partition(":")
            self.events.append((parts[0], label, trigger, [tuple(a.split(":", 1)) for a in args], at))
        elif kind in "AM":
            name, *target = fields
            if name == "Negated" and target:
                self.negated.add(target[0])
        elif kind == "#":
            self.notes.setdefault(fields[1], []).append((parts[2] if len(parts) > 2 else "", at))
        # R (relations), N (normalisations), * (equivalences): not ours, passed over.

    def _text_bound(self, at: str, parts: list[str], line: str) -> None:
        if len(parts) < 3 or " " not in parts[1]:
            raise GoldError(f"{at}: expected 'T<n>\\tTYPE start end\\ttext', found {line!r}")
        label, _, offsets = parts[1].partition(" ")
        if self.labels is not None and label not in self.labels:
            return
        pieces = []
        for piece in offsets.split(";"):
            try:
                s, e = (int(x) for x in piece.split())
            except ValueError:
                raise GoldError(f"{at}: bad offsets {offsets!r}") from None
            pieces.append((s, e))
        start, end = min(s for s, _ in pieces), max(e for _, e in pieces)
        check_span(f"{at}: {self.doc_id} {parts[0]} ({label})", self.text, start, end, None)
        # brat joins the pieces of a discontinuous span with a space, in file order.
        read = " ".join(self.text[s:e] for s, e in pieces)
        if not same_text(read, parts[2]):
            raise GoldError(f"{at}: {self.doc_id} span {offsets} reads {read!r} but the annotation "
                            f"says {parts[2]!r}")
        self.bounds[parts[0]] = (label, start, end)
        self.bound_at[parts[0]] = at

    def values(self, target: str, allowed, what: str) -> dict:
        """The ``field=value | …`` notes on one annotation, cleaned."""
        raw, at = {}, self.where
        for note, at in self.notes.get(target, ()):
            for item in note.split(NOTE_SEPARATOR.strip()):
                if not item.strip():
                    continue
                name, sep, value = item.partition("=")
                if not sep or name.strip() not in allowed:
                    raise GoldError(f"{at}: {self.doc_id} note on {what} should read 'field=value | …' with "
                                    f"fields among {', '.join(allowed)}; found {item.strip()!r}")
                raw[name.strip()] = value.strip()
        return clean_values(allowed, raw, f"{at}: {self.doc_id} {what}")

    def event(self, eid: str, label: str, trigger: str, args: list[tuple[str, ...]], at: str) -> EventAnnotation:
        what = f"{eid} ({label})"
        if label not in EVENT_TYPES or trigger not in self.bounds:
            raise GoldError(f"{at}: {self.doc_id} event {what} needs an event type and a trigger T line")
        _, start, end = self.bounds[trigger]
        arguments = []
        for pair in args:
            if len(pair) != 2 or pair[1] not in self.bounds:
                raise GoldError(f"{at}: {self.doc_id} event {what} has a bad argument {':'.join(pair)!r}")
            match = _ROLE.match(pair[0])
            role = match.group(1).lower() if match else ""
            if role not in ROLES:
                raise GoldError(f"{at}: {self.doc_id} event {what} argument role {pair[0]!r} is not one of "
                                f"{', '.join(r.capitalize() for r in ROLES)}")
            arguments.append((role, *self.bounds[pair[1]][1:]))
        fields = self.values(eid, EVENT_VALUE_FIELDS, f"event {what}")
        if eid in self.negated:
            fields["negated"] = True
        return EventAnnotation(label, start, end, self.text[start:end], fields, tuple(arguments))

    def mention(self, tid: str, label: str, start: int, end: int) -> MentionAnnotation:
        if label not in MENTION_TYPES:
            raise GoldError(f"{self.bound_at[tid]}: {self.doc_id} {tid} has type {label!r}, which is not one of "
                            f"{', '.join(MENTION_TYPES)} (nor an event trigger)")
        return MentionAnnotation(label, start, end, self.text[start:end],
                                 self.values(tid, MENTION_VALUE_FIELDS, f"{tid} ({label})"))
