"""Gold as an event table (CSV or XLSX) with the SPEC ``events`` columns, read and written.

One row per event; no text and no offsets needed (``start``/``end``, when given, are
clean offsets). ``persons`` and ``actors`` are ``; ``-joined names, as in the
pipeline's own events table, which is a valid gold table itself. The first sheet of
a workbook is read; a CSV may use ``,``, ``;`` or a tab.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import GoldError
from ..records import EVENT_VALUE_FIELDS
from ..spreadsheet import neutralise_row, restore_cell
from .io import write_text_exactly
from .records import AnnotatedDocument, EventAnnotation, clean_values, event_type, format_value, is_blank, offset

COLUMNS = ("doc_id", "event_id", "type", "trigger", "start", "end", *EVENT_VALUE_FIELDS)


def read_event_table(file: Path) -> list[AnnotatedDocument]:
    """Documents of an event table, one per ``doc_id``, in the order first met."""
    file = Path(file)
    try:
        header, rows = _table_rows(file)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as error:
        raise GoldError(f"{file}: cannot read the event table ({error})") from None
    missing = [c for c in ("doc_id", "type") if c not in header]
    if missing:
        raise GoldError(f"{file}: missing column(s) {', '.join(missing)}; found {', '.join(header)}")
    by_doc: dict[str, list[EventAnnotation]] = {}
    for index, row in enumerate(rows):
        where = f"{file} line {index + 2}"  # 1-based, after the header
        if all(is_blank(v) for v in row.values()):
            continue
        doc_id = None if is_blank(row.get("doc_id")) else str(row["doc_id"]).strip()
        if not doc_id:
            raise GoldError(f"{where}: empty doc_id")
        by_doc.setdefault(doc_id, []).append(_event(row, where))
    return [AnnotatedDocument(doc_id, None, (), tuple(events), has_events=True, source=str(file))
            for doc_id, events in by_doc.items()]


def _event(row: dict, where: str) -> EventAnnotation:
    kind = event_type(row.get("type"), where)
    start, end = offset(row.get("start"), where), offset(row.get("end"), where)
    if (start is None) != (end is None) or (start is not None and not 0 <= start < end):
        raise GoldError(f"{where}: event span needs both 0 <= start < end, found {start!r}, {end!r}")
    trigger = None if is_blank(row.get("trigger")) else str(row["trigger"]).strip()
    return EventAnnotation(kind, start, end, trigger, clean_values(EVENT_VALUE_FIELDS, row, where))


def _table_rows(file: Path) -> tuple[list[str], list[dict]]:
    """Header and rows (dicts) of a CSV (UTF-8, any delimiter) or the first XLSX sheet."""
    if file.suffix.lower() == ".csv":
        text = file.read_text(encoding="utf-8-sig")
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)))
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
    if file.suffix.lower() == ".csv":  # our CSVs mark text that would start a formula (OWASP)
        return header, [dict(zip(header, map(restore_cell, row))) for row in table[1:]]
    return header, [dict(zip(header, row)) for row in table[1:]]


def _delimiter(text: str) -> str:
    """The delimiter of a CSV, read from its header line (the cells below are free text:
    an apostrophe or a tab in them misleads csv.Sniffer).

    >>> _delimiter("doc_id;type\\n1;fine"), _delimiter("doc_id,type,persons\\n")
    (';', ',')
    """
    header = text.split("\n", 1)[0]
    return max(",;\t", key=header.count)


def write_event_table(docs: Iterable[AnnotatedDocument], path: Path) -> Path:
    """The events of the documents as one CSV event table (UTF-8), written atomically;
    a cell a spreadsheet would run as a formula starts with an apostrophe, which
    :func:`read_event_table` removes again."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        for n, e in enumerate(doc.canonical().events):
            row = {"doc_id": doc.doc_id, "event_id": n, "type": e.type, "trigger": e.trigger,
                   "start": e.start, "end": e.end}
            row |= {name: format_value(name, value) for name, value in e.values.items()}
            writer.writerow(neutralise_row(row))
    write_text_exactly(Path(path), buffer.getvalue())
    return Path(path)
