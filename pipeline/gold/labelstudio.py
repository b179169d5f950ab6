"""Label Studio: tasks with pre-annotations out, its JSON export back in.

One task per document (``data.text`` is the clean text). Mentions and event
triggers are regions of one ``Labels`` control; a region's values are lines
``field: value`` in a per-region ``TextArea``; event arguments are relations
from the trigger to the mention, labelled with the role.

Label Studio counts offsets in JavaScript string units (UTF-16 code units),
Python in code points: a character outside the BMP (an emoji) is two units
there and one here, so every offset is converted both ways.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..errors import GoldError
from ..records import EVENT_TYPES, EVENT_VALUE_FIELDS, MENTION_TYPES, MENTION_VALUE_FIELDS, ROLES
from .io import dumps, read_json, write_files
from .records import (
    COLOURS,
    EVENT_COLOUR,
    AnnotatedDocument,
    EventAnnotation,
    MentionAnnotation,
    brief,
    check_span,
    clean_values,
    doc_id_of,
    format_value,
    list_of,
    object_of,
    offset,
    same_text,
)

LABELS, VALUES, TEXT = "label", "values", "text"  # control and object names in the config
TASKS_FILE, CONFIG_FILE = "tasks.json", "config.xml"


# ---------------------------------------------------------------- offsets


class Utf16Offsets:
    """Converts offsets of one text between code points and UTF-16 code units.

    >>> o = Utf16Offsets("Акция 🙂 в Алматы")
    >>> o.to_utf16(10), o.from_utf16(11)
    (11, 10)
    """

    def __init__(self, text: str) -> None:
        # Code-point indices of the characters that take two UTF-16 units.
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.length = len(text)

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self.astral, index)

    def from_utf16(self, unit: int) -> int | None:
        """The code-point index at a UTF-16 offset; None inside a surrogate pair."""
        lo, hi = 0, self.length
        while lo < hi:  # the first index whose UTF-16 offset is >= unit
            mid = (lo + hi) // 2
            if self.to_utf16(mid) < unit:
                lo = mid + 1
            else:
                hi = mid
        return lo if self.to_utf16(lo) == unit else None


# ---------------------------------------------------------------- export


def label_config() -> str:
    """The labelling configuration (XML) to create the project with."""
    labels = [f'    <Label value="{t}" background="{COLOURS[t]}"/>' for t in MENTION_TYPES]
    labels += [f'    <Label value="{t}" background="{EVENT_COLOUR}"/>' for t in EVENT_TYPES]
    relations = [f'    <Relation value="{r}"/>' for r in ROLES]
    hint = ("Values, one per line as field: value. Mentions: " + ", ".join(MENTION_VALUE_FIELDS)
            + ". Events: " + ", ".join(EVENT_VALUE_FIELDS) + ".")
    return "\n".join([
        "<View>",
        '  <Header value="$doc_id"/>',
        "  <Relations>", *relations, "  </Relations>",
        f'  <Labels name="{LABELS}" toName="{TEXT}">', *labels, "  </Labels>",
        f'  <Text name="{TEXT}" value="$text"/>',
        '  <View visibleWhen="region-selected">',
        f"    <Header value={quoteattr(hint)}/>",
        f'    <TextArea name="{VALUES}" toName="{TEXT}" perRegion="true" editable="true" rows="4"/>',
        "  </View>",
        "</View>",
        "",
    ])


def task(doc: AnnotatedDocument, model_version: str = "testimony") -> dict:
    """One Label Studio task: the text and the pipeline's output as a prediction."""
    units = Utf16Offsets(doc.text)
    result: list[dict] = []
    region_of: dict[tuple[int, int], str] = {}

    def region(region_id: str, label: str, start: int, end: int, lines: list[str]) -> None:
        span = {"start": units.to_utf16(start), "end": units.to_utf16(end)}
        result.append({"id": region_id, "from_name": LABELS, "to_name": TEXT, "type": "labels",
                       "value": {**span, "text": doc.text[start:end], "labels": [label]}})
        if lines:
            result.append({"id": region_id, "from_name": VALUES, "to_name": TEXT,
                           "type": "textarea", "value": {**span, "text": lines}})

    for n, m in enumerate(doc.mentions):
        region_of.setdefault((m.start, m.end), f"m{n}")
        region(f"m{n}", m.type, m.start, m.end,
               [f"{k}: {format_value(k, v)}" for k, v in m.values.items()])
    for n, e in enumerate(doc.events):
        region(f"e{n}", e.type, e.start, e.end,
               [f"{k}: {format_value(k, v)}" for k, v in e.values.items()])
        for role, s, t in e.arguments:
            result.append({"type": "relation", "from_id": f"e{n}", "to_id": region_of[(s, t)],
                           "direction": "right", "labels": [role]})
    data = {TEXT: doc.text, "doc_id": doc.doc_id,
            "pages": ", ".join(f"p. {p} from {o}" for p, o in doc.page_starts) or "1"}
    return {"data": data, "predictions": [{"model_version": model_version, "result": result}]}


def write_labelstudio(docs: Iterable[AnnotatedDocument], out_dir: Path,
                       model_version: str = "testimony", force: bool = False) -> list[Path]:
    """Write ``tasks.json`` (one task per document) and ``config.xml`` into out_dir
    (a file there with other content is replaced only with ``force``)."""
    out_dir = Path(out_dir)
    tasks = [task(d, model_version) for d in docs]
    return write_files([(out_dir / TASKS_FILE, dumps(tasks)), (out_dir / CONFIG_FILE, label_config())],
                       force=force)


# ---------------------------------------------------------------- import


def read_labelstudio(path: Path) -> list[AnnotatedDocument]:
    """Documents from a Label Studio JSON export (a file, or a folder of them).

    Each task's latest annotation that was not cancelled is taken; a task no
    one annotated falls back to its latest prediction. A task with neither (a
    Label Studio export lists predictions by id only) is left out: it says
    nothing about the document.
    """
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    docs = []
    for file in files:
        docs += documents_from_export(read_json(file), file)
    return docs


def documents_from_export(data, file: Path) -> list[AnnotatedDocument]:
    """The documents of one parsed export: a task, or a list of them."""
    tasks = data if isinstance(data, list) else [data]
    docs = [document_from_task(item, f"{file} task {n}", f"{file.stem}-{n}" if len(tasks) > 1 else file.stem)
            for n, item in enumerate(tasks)]
    return [doc for doc in docs if doc is not None]


def document_from_task(item: dict, where: str, default_id: str | None = None) -> AnnotatedDocument | None:
    """One exported task back into a document, spans checked against data.text;
    None when the task has neither an annotation nor a readable prediction.

    An export is read as untrusted: every object, list and offset is checked for
    its shape, and a GoldError names the file, the task and the region.
    """
    data = item.get("data") if isinstance(item, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get(TEXT), str):
        raise GoldError(f"{where}: not a Label Studio task with data.{TEXT}, found {brief(item)}")
    text = data[TEXT]
    raw_id = data.get("doc_id")
    if raw_id is None or raw_id == "":
        raw_id = item.get("id") if item.get("id") not in (None, "") else default_id or where
    doc_id = doc_id_of(raw_id, where)
    where = f"{where} ({doc_id})"
    result = _chosen_result(item, where)
    if result is None:
        return None
    units = Utf16Offsets(text)

    labels: dict[str, tuple[str, int, int]] = {}
    lines: dict[str, list[str]] = {}
    relations = []
    for n, r in enumerate(result):
        r = object_of(r, where, f"result item {n}")
        kind = r.get("type")
        if kind == "relation":
            relations.append(r)
            continue
        if kind not in ("labels", "textarea"):
            continue  # other controls (choices, ratings) are not ours
        region_id = _region_id(r, f"{where} result item {n}")
        at = f"{where} region {region_id}"
        value = object_of(r.get("value"), at, "'value'")
        if kind == "labels" and r.get("from_name") == LABELS:
            names = list_of(value.get("labels"), at, "'labels'", str)
            if len(names) != 1:
                raise GoldError(f"{at}: has labels {names}; expected one")
            start, end = _span(text, units, value, f"{at} ({names[0]})")
            labels[region_id] = (names[0], start, end)
        elif kind == "textarea" and r.get("from_name") == VALUES:
            texts = value.get("text")
            if isinstance(texts, str):
                texts = [texts]
            if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                raise GoldError(f"{at}: the values text box should hold lines of text, found {brief(texts)}")
            lines.setdefault(region_id, []).extend(piece for entry in texts for piece in entry.splitlines())

    mentions, events, region_span = [], {}, {}
    for region_id, (label, start, end) in labels.items():
        region_span[region_id] = (label, start, end)
        where_region = f"{where} region {region_id} ({label} {text[start:end]!r})"
        if label in MENTION_TYPES:
            values = parse_field_lines(lines.get(region_id, ()), MENTION_VALUE_FIELDS, where_region)
            mentions.append(MentionAnnotation(label, start, end, text[start:end], values))
        elif label in EVENT_TYPES:
            values = parse_field_lines(lines.get(region_id, ()), EVENT_VALUE_FIELDS, where_region)
            events[region_id] = [label, start, end, values, []]
        else:
            raise GoldError(f"{where_region}: label is neither a mention type nor an event type")
    for r in relations:
        ends = (r.get("from_id"), r.get("to_id"))
        name = f"{where} relation {brief(ends[0], 20)} -> {brief(ends[1], 20)}"
        if not all(isinstance(e, (str, int)) and not isinstance(e, bool) for e in ends):
            raise GoldError(f"{name}: from_id and to_id should be region ids")
        from_id, to_id = (str(e) for e in ends)
        source, target = events.get(from_id), region_span.get(to_id)
        if source is None and to_id in events:  # drawn the other way round
            source, target = events[to_id], region_span.get(from_id)
        roles = list_of(r.get("labels"), name, "'labels'", str)
        if source is None or target is None or target[0] not in MENTION_TYPES:
            raise GoldError(f"{name}: must link an event trigger to a mention")
        if len(roles) != 1 or roles[0] not in ROLES:
            raise GoldError(f"{name}: needs one role among {', '.join(ROLES)}; found {roles}")
        source[4].append((roles[0], target[1], target[2]))
    return AnnotatedDocument(doc_id, text, tuple(mentions), tuple(
        EventAnnotation(label, start, end, text[start:end], values, tuple(arguments))
        for label, start, end, values, arguments in events.values()),
        mention_types=frozenset(MENTION_TYPES), source=where).canonical()


def _region_id(r: dict, where: str) -> str:
    """A region's id as text; its values and relations find it by this."""
    region_id = r.get("id")
    if isinstance(region_id, bool) or not isinstance(region_id, (str, int)) or region_id == "":
        raise GoldError(f"{where}: a region needs an id (text), found {brief(region_id)}")
    return str(region_id)


def parse_field_lines(lines, allowed, where: str) -> dict:
    """``field: value`` lines (as annotators edit them in a region's text box), cleaned.

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


def _chosen_result(item: dict, where: str) -> list[dict] | None:
    """The latest annotation not cancelled, else the latest prediction."""
    def latest(entries: list[dict]) -> dict | None:
        if not entries:
            return None
        # ISO timestamps sort as text; ids break ties and stand in when absent.
        return max(enumerate(entries), key=lambda p: (str(p[1].get("updated_at") or p[1].get("created_at") or ""),
                                                       _number(p[1].get("id")), p[0]))[1]

    annotations = [a for a in list_of(item.get("annotations"), where, "'annotations'")
                   if not a.get("was_cancelled")]
    # A Label Studio export lists predictions by id only (numbers): those say nothing.
    predictions = [p for p in list_of(item.get("predictions"), where, "'predictions'", object) if isinstance(p, dict)]
    chosen = latest(annotations) or latest(predictions)
    if chosen is None:
        return None
    return list_of(chosen.get("result") or [], where, "result")


def _span(text: str, units: Utf16Offsets, value: dict, what: str) -> tuple[int, int]:
    """A region's offsets in Python indices, checked against its own text.

    Offsets are UTF-16 units; if the region's text only matches read as code
    points (as some Label Studio versions stored them), that reading is taken.
    """
    start16, end16 = offset(value.get("start"), what, "start"), offset(value.get("end"), what, "end")
    if start16 is None or end16 is None:
        raise GoldError(f"{what}: has no start/end")
    said = value.get("text")
    if said is not None and not isinstance(said, str):
        raise GoldError(f"{what}: 'text' should be the region's text, found {brief(said)}")
    if not 0 <= start16 < end16 <= units.to_utf16(units.length):
        check_span(what, text, start16, end16, None)  # says how it is outside the text
    start, end = units.from_utf16(start16), units.from_utf16(end16)
    if start is None or end is None:
        raise GoldError(f"{what}: offsets {start16}-{end16} split a character "
                        "(UTF-16 surrogate pair)")
    read_as_utf16 = 0 <= start < end <= len(text) and same_text(text[start:end], said or "")
    if said is not None and not read_as_utf16 and 0 <= start16 < end16 <= len(text) \
            and same_text(text[start16:end16], said):
        return start16, end16
    check_span(what, text, start, end, said)
    return start, end


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return -1.0
