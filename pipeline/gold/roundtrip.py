"""Round trips between the pipeline's output and the annotators' tools.

The pipeline's mentions and events go out as pre-annotations (Label Studio
tasks, brat standoff) and come back, corrected, as gold (SPEC "Hand
annotations" JSON). Each format module reads and writes
:class:`~pipeline.gold.records.AnnotatedDocument`, so a round trip can be checked
field by field; the output folder is read once, by :func:`pipeline.tables.read_output`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import GoldError, OutputError
from ..records import EVENT_VALUE_FIELDS, MENTION_VALUE_FIELDS
from .records import AnnotatedDocument, EventAnnotation, MentionAnnotation, check_span, clean_values

FORMATS = ("labelstudio", "brat", "spacy")


def load_output(out: Path) -> list[AnnotatedDocument]:
    """The pipeline's mentions and events of every ``ok`` document in ``OUT``.

    Arguments are tied to their mentions by span; page starts come from the
    sentences table.
    """
    from ..tables import read_output

    return [annotations_of(doc, Path(out)) for doc in read_output(out)]


def annotations_of(doc, out: Path) -> AnnotatedDocument:
    """One output document (:class:`pipeline.tables.OutputDocument`) as annotations."""
    if doc.text is None:
        raise OutputError(f"{out}: {doc.doc_id} has no clean text at {out / 'texts' / (doc.doc_id + '.txt')}")
    text, mentions, span_of = doc.text, [], {}
    for m in doc.mentions:
        where = f"{doc.doc_id}: mention {m['mention_id']}"
        check_span(where, text, m["start"], m["end"], m["text"])
        mentions.append(MentionAnnotation(m["type"], m["start"], m["end"], text[m["start"]:m["end"]],
                                          clean_values(MENTION_VALUE_FIELDS, m, where)))
        span_of[m["mention_id"]] = (m["start"], m["end"])
    arguments: dict[int, list] = {}
    for a in doc.arguments:
        arguments.setdefault(int(a["event_id"]), []).append((a["role"], *span_of[int(a["mention_id"])]))
    events = []
    for e in doc.events:
        where = f"{doc.doc_id}: event {e['event_id']}"
        check_span(where, text, e["start"], e["end"], e["trigger"])
        events.append(EventAnnotation(
            e["type"], e["start"], e["end"], text[e["start"]:e["end"]],
            clean_values(EVENT_VALUE_FIELDS, e, where), tuple(arguments.get(e["event_id"], ()))))
    return AnnotatedDocument(doc.doc_id, text, tuple(mentions), tuple(events),
                             _page_starts(doc.sentences), source=str(out)).canonical()


def _page_starts(sentences: list[dict]) -> tuple[tuple[int, int], ...]:
    """(page, clean offset) where each page after the first begins, from sentences."""
    starts, seen = [], {1}
    for s in sentences:
        if s["page"] is not None and s["page"] not in seen:
            seen.add(s["page"])
            starts.append((s["page"], s["start"]))
    return tuple(starts)


def export_output(out: Path, fmt: str, out_dir: Path,
                  force: bool = False) -> tuple[list[AnnotatedDocument], list[Path]]:
    """The pipeline's output as pre-annotations for a tool; the documents and files written.

    ``out_dir`` is a folder, or for ``spacy`` the ``.spacy`` file to write. A file
    there whose content differs (annotators may have corrected it) is replaced only
    with ``force``.
    """
    from .brat import write_brat
    from .labelstudio import write_labelstudio
    from .spacy_docbin import write_docbin

    writers = {"labelstudio": write_labelstudio, "brat": write_brat, "spacy": write_docbin}
    if fmt not in writers:
        raise GoldError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt != "spacy" and Path(out_dir).is_file():
        raise GoldError(f"{out_dir}: is a file; the {fmt} format writes into a folder")
    docs = load_output(out)
    return docs, writers[fmt](docs, out_dir, force=force)


def import_annotations(path: Path, fmt: str, out_dir: Path,
                       force: bool = False) -> tuple[list[AnnotatedDocument], list[Path]]:
    """A tool's annotations (file or folder) into SPEC gold JSON files in out_dir."""
    from .brat import read_brat
    from .labelstudio import read_labelstudio
    from .spacy_docbin import read_docbin
    from .spec_json import write_spec_json

    readers = {"labelstudio": read_labelstudio, "brat": read_brat, "spacy": read_docbin}
    if fmt not in readers:
        raise GoldError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if not Path(path).exists():
        raise GoldError(f"{path}: no such file or folder")
    docs = readers[fmt](Path(path))
    return docs, write_spec_json(docs, out_dir, force=force)
