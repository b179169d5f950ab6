"""Round trips between the pipeline's output and the annotators' tools.

The pipeline's mentions and events go out as pre-annotations (Label Studio
tasks, brat standoff) and come back, corrected, as gold (SPEC "Hand
annotations"). Every format module converts to and from one record,
:class:`AnnotatedDocument`, so a round trip can be checked field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GoldError, OutputError
from . import (
    EVENT_TYPES as EVENT_TYPES,  # the SPEC taxonomy, shared with reconcile
)
from . import LIST_FIELDS, MENTION_VALUE_FIELDS, field_value, is_blank
from ..records import EVENT_VALUE_FIELDS
from ..records import ROLES as ROLES  # re-exported for the format modules


# The value fields a mention or an event may carry, in SPEC column order.
MENTION_FIELDS = MENTION_VALUE_FIELDS
EVENT_FIELDS = EVENT_VALUE_FIELDS


@dataclass(frozen=True, slots=True)
class MentionAnnotation:
    """A typed span of the document's text with the values set for it (no nulls)."""

    type: str
    start: int
    end: int
    text: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventAnnotation:
    """An event: its type, trigger span, field values and arguments.

    ``arguments`` are ``(role, start, end)`` of the mentions they point at, so
    they survive any reordering of the mentions.
    """

    type: str
    start: int | None
    end: int | None
    trigger: str | None
    values: dict = field(default_factory=dict)
    arguments: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """One document's text with its mentions and events, in canonical order.

    ``page_starts`` are the clean offsets at which pages 2, 3, … begin (page 1
    begins at 0), for tools that show page numbers.
    """

    doc_id: str
    text: str
    mentions: tuple[MentionAnnotation, ...] = ()
    events: tuple[EventAnnotation, ...] = ()
    page_starts: tuple[tuple[int, int], ...] = ()  # (page number, clean offset)

    def canonical(self) -> AnnotatedDocument:
        """The same annotations sorted by span, so two readings compare equal."""
        mentions = tuple(sorted(self.mentions, key=lambda m: (m.start, m.end, m.type)))
        events = tuple(sorted(
            (EventAnnotation(e.type, e.start, e.end, e.trigger, e.values, tuple(sorted(e.arguments)))
             for e in self.events),
            key=lambda e: (e.start if e.start is not None else -1, e.end or -1, e.type,
                           sorted(e.values.items(), key=str), e.arguments)))
        return AnnotatedDocument(self.doc_id, self.text, mentions, events, self.page_starts)


def clean_value(name: str, raw, where: str = ""):
    """A field value in its one canonical form; blanks (None, NaN, "") are None.

    Numbers that are whole become ``int`` (80900.0 -> 80900), dates ISO text,
    flags ``bool``, persons/actors a list of names.

    >>> clean_value("amount_min", "80 900")
    80900
    >>> clean_value("persons", "Бахыт Туменова; Канат Ибрагимов")
    ['Бахыт Туменова', 'Канат Ибрагимов']
    >>> clean_value("negated", "да")
    True
    """
    if name in LIST_FIELDS:
        if is_blank(raw):
            return None
        items = raw if isinstance(raw, (list, tuple)) else str(raw).split(";")
        names = [str(item).strip() for item in items if not is_blank(item)]
        return names or None
    value = field_value(name, raw, where)
    # Counts and amounts read back as whole numbers where they are whole.
    return int(value) if isinstance(value, float) and value.is_integer() else value


def clean_values(names, raw: dict, where: str = "") -> dict:
    """The set (non-blank) values among ``names`` in ``raw``, cleaned."""
    values = {}
    for name in names:
        value = clean_value(name, raw.get(name), where)
        if value is not None:
            values[name] = value
    return values


def format_value(name: str, value) -> str:
    """A value as one line of text for a note or text box (inverse of clean_value).

    >>> format_value("persons", ["Бахыт Туменова", "Канат Ибрагимов"])
    'Бахыт Туменова; Канат Ибрагимов'
    >>> format_value("approx", True)
    'true'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(value)
    return str(value)


def parse_field_lines(lines, allowed, where: str) -> dict:
    """``field: value`` lines (as annotators edit them) into cleaned values.

    >>> parse_field_lines(["normal: Бахыт Туменова", "", "approx: false"], ("normal", "approx"), "doc")
    {'normal': 'Бахыт Туменова', 'approx': False}
    """
    raw = {}
    for line in lines:
        line = line.strip()
        if not line:
            continue
        name, sep, value = line.partition(":")
        name = name.strip()
        if not sep or name not in allowed:
            raise GoldError(f"{where}: expected 'field: value' with a field among "
                            f"{', '.join(allowed)}; found {line!r}")
        raw[name] = value.strip()
    return clean_values(allowed, raw, where)


def check_span(doc_id: str, text: str, start: int, end: int, said: str | None, what: str) -> None:
    """Raise GoldError unless ``text[start:end]`` is the span's own text (when given)."""
    if not (0 <= start < end <= len(text)):
        raise GoldError(f"{doc_id}: {what} span {start}-{end} is outside the text "
                        f"({len(text)} characters)")
    if said is not None and not same_text(text[start:end], said):
        raise GoldError(f"{doc_id}: {what} span {start}-{end} reads {text[start:end]!r} "
                        f"but the annotation says {said!r}")


def same_text(found: str, said: str) -> bool:
    """Equal, or equal once whitespace runs are one space (tools flatten line breaks).

    >>> same_text("Канат \\nИбрагимов", "Канат Ибрагимов")
    True
    >>> same_text("Канат", "Канатом")
    False
    """
    return found == said or " ".join(found.split()) == " ".join(said.split())


def read_text_exactly(path: Path) -> str:
    """A UTF-8 text as stored: newline="" keeps \\r\\n as two characters."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write_text_exactly(path: Path, text: str) -> None:
    """Write text with no newline translation, atomically."""
    from ..tables import write_atomically

    def write(temp) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    write_atomically(path, write)


def load_output(out: Path) -> list[AnnotatedDocument]:
    """The pipeline's mentions and events of every ``ok`` document in ``OUT``.

    Texts are read exactly (``texts/{doc_id}.txt``); arguments are tied to
    their mentions by span; page starts come from the sentences table.
    """
    from ..tables import (
        DOCUMENTS,
        EVENT_ARGUMENTS,
        EVENTS,
        MENTIONS,
        SENTENCES,
        read_table,
    )

    out = Path(out)
    if not (out / "documents.parquet").exists() and not (out / "documents.csv").exists():
        raise OutputError(f"{out}: not a pipeline output folder (no documents table)")
    documents = read_table(out, DOCUMENTS)
    by_doc = {name: {doc_id: rows for doc_id, rows in read_table(out, name).groupby("doc_id")}
              for name in (MENTIONS, EVENTS, EVENT_ARGUMENTS, SENTENCES)}
    loaded = []
    for row in documents.itertuples(index=False):
        if row.status != "ok":
            continue
        doc_id = str(row.doc_id)
        text_path = out / "texts" / f"{doc_id}.txt"
        if not text_path.exists():
            raise OutputError(f"{out}: {doc_id} has no clean text at {text_path}")
        text = read_text_exactly(text_path)
        rows = {name: tables.get(doc_id) for name, tables in by_doc.items()}
        mention_rows = [] if rows[MENTIONS] is None else rows[MENTIONS].to_dict("records")
        mentions, span_of = [], {}
        for m in mention_rows:
            where = f"{doc_id} mention {m['mention_id']}"
            start, end = int(m["start"]), int(m["end"])
            check_span(doc_id, text, start, end, m["text"], f"mention {m['mention_id']}")
            mentions.append(MentionAnnotation(m["type"], start, end, text[start:end],
                                              clean_values(MENTION_FIELDS, m, where)))
            span_of[int(m["mention_id"])] = (start, end)
        arguments: dict[int, list] = {}
        if rows[EVENT_ARGUMENTS] is not None:
            for a in rows[EVENT_ARGUMENTS].to_dict("records"):
                start, end = span_of[int(a["mention_id"])]
                arguments.setdefault(int(a["event_id"]), []).append((a["role"], start, end))
        events = []
        for e in ([] if rows[EVENTS] is None else rows[EVENTS].to_dict("records")):
            where = f"{doc_id} event {e['event_id']}"
            start, end = int(e["start"]), int(e["end"])
            check_span(doc_id, text, start, end, e["trigger"], f"event {e['event_id']}")
            events.append(EventAnnotation(
                e["type"], start, end, text[start:end], clean_values(EVENT_FIELDS, e, where),
                tuple(arguments.get(int(e["event_id"]), ()))))
        loaded.append(AnnotatedDocument(doc_id, text, tuple(mentions), tuple(events),
                                        _page_starts(rows[SENTENCES])).canonical())
    return loaded


def _page_starts(sentences) -> tuple[tuple[int, int], ...]:
    """(page, clean offset) where each page after the first begins, from sentences."""
    if sentences is None:
        return ()
    starts, seen = [], {1}
    for s in sentences.sort_values("start").itertuples(index=False):
        if not is_blank(s.page) and int(s.page) not in seen:
            seen.add(int(s.page))
            starts.append((int(s.page), int(s.start)))
    return tuple(starts)


FORMATS = ("labelstudio", "brat")


def export_output(out: Path, fmt: str, out_dir: Path) -> tuple[list[AnnotatedDocument], list[Path]]:
    """The pipeline's output as pre-annotations for a tool; the documents and files written."""
    from .brat import export_brat
    from .labelstudio import export_labelstudio

    docs = load_output(out)
    if fmt == "labelstudio":
        return docs, export_labelstudio(docs, out_dir)
    if fmt == "brat":
        return docs, export_brat(docs, out_dir)
    raise GoldError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def import_annotations(path: Path, fmt: str, out_dir: Path,
                       force: bool = False) -> tuple[list[AnnotatedDocument], list[Path]]:
    """A tool's annotations (file or folder) into SPEC gold JSON files in out_dir."""
    from .brat import read_brat
    from .spec_json import write_gold
    from .labelstudio import read_labelstudio

    readers = {"labelstudio": read_labelstudio, "brat": read_brat}
    if fmt not in readers:
        raise GoldError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not Path(path).exists():
        raise GoldError(f"{path}: no such file or folder")
    docs = readers[fmt](Path(path))
    return docs, write_gold(docs, out_dir, force=force)
