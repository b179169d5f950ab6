"""Hand annotations (gold): one module per format, each reading and writing it.

- :mod:`~pipeline.gold.spec_json`: SPEC JSON, one file per document (``data/annotated``);
- :mod:`~pipeline.gold.brat`: brat standoff, ``.txt`` + ``.ann`` (ours, or NEREL's types mapped);
- :mod:`~pipeline.gold.labelstudio`: Label Studio tasks and their JSON export;
- :mod:`~pipeline.gold.event_table`: an event table in CSV/XLSX (no offsets needed);
- :mod:`~pipeline.gold.spacy_docbin`: a spaCy ``DocBin`` (``.spacy``), training data for spaCy;
- :mod:`~pipeline.gold.roundtrip`: the pipeline's output out to a tool and back (export, import).

All of them read into :class:`~pipeline.gold.records.AnnotatedDocument`; ``import``,
``export`` and ``reconcile`` call the same readers and writers. A file that cannot be
read, or whose spans do not match its own text, raises
:class:`~pipeline.errors.GoldError` naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import GoldError
from .brat import NEREL_TYPE_MAP, read_brat
from .event_table import read_event_table
from .io import read_json
from .labelstudio import documents_from_export
from .records import AnnotatedDocument, EventAnnotation, MentionAnnotation
from .spec_json import documents_from_json

__all__ = ["NEREL_TYPE_MAP", "AnnotatedDocument", "EventAnnotation", "MentionAnnotation", "read_gold"]

SUFFIXES = (".json", ".ann", ".csv", ".xlsx", ".spacy")


def read_gold(path: Path, type_map: dict | None = None) -> list[AnnotatedDocument]:
    """Gold documents from a JSON file (SPEC gold or a Label Studio export), a brat
    ``.ann``, a CSV/XLSX event table, a spaCy ``.spacy`` DocBin, or a folder of any of these (read together;
    a doc_id may occur once, or once per excerpt covering other pages). ``type_map`` renames mention labels (brat, JSON)."""
    path = Path(path)
    if not path.exists():
        raise GoldError(f"{path}: no such file or folder")
    if path.is_file():
        files = [path]
    else:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        if not files:
            raise GoldError(f"{path}: no gold files ({', '.join(SUFFIXES)}) in this folder")
    documents: dict[str, list[AnnotatedDocument]] = {}
    for file in files:
        for doc in _read_file(file, type_map):
            for other in documents.get(doc.doc_id, ()):
                # Excerpts of one document (gold for some of its pages) may sit side by side.
                if not (doc.pages and other.pages) or doc.pages & other.pages:
                    raise GoldError(f"{file}: doc_id {doc.doc_id!r} is also in {other.source}"
                                    + (" for the same pages" if doc.pages and other.pages else ""))
            documents.setdefault(doc.doc_id, []).append(doc)
    return [doc for docs in documents.values() for doc in docs]


def _read_file(file: Path, type_map: dict | None) -> list[AnnotatedDocument]:
    suffix = file.suffix.lower()
    if suffix == ".ann":
        return read_brat(file, type_map)
    if suffix in (".csv", ".xlsx"):
        return read_event_table(file)
    if suffix == ".spacy":
        from .spacy_docbin import read_docbin  # spaCy is an optional extra

        return read_docbin(file)
    if suffix != ".json":
        raise GoldError(f"{file}: not a gold format we read ({', '.join(SUFFIXES)})")
    data = read_json(file)
    records = data if isinstance(data, list) else [data]
    if records and all(isinstance(r, dict) and isinstance(r.get("data"), dict) for r in records):
        # a Label Studio export: tasks, each with its text under "data"
        return documents_from_export(data, file)
    return documents_from_json(data, str(file), type_map)
