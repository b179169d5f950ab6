"""Cells that are safe to open in a spreadsheet: CSV and XLSX written from testimony.

A statement, a file name or an annotator's note is text from outside. A cell that
begins with ``=``, ``+``, ``-`` or ``@`` is read by Excel, LibreOffice and Google
Sheets as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``): "CSV injection".

- **CSV** follows the OWASP rule: such a cell, and one starting with a tab or a
  carriage return, is written with a leading apostrophe (``'=HYPERLINK(...)``),
  which spreadsheets show as text. A plain number (``-5``, ``+7``) is left alone:
  it computes to itself. The apostrophe is reversible (:func:`restore_cell`): our
  readers remove exactly the apostrophe we added, so ``load()`` and ``reconcile``
  get the original text back.
- **XLSX** has real types, so text is stored as text (never as a formula) and
  needs no apostrophe. XML cannot hold most control characters (ESC, ``\\x01``):
  in a workbook they are shown as their Unicode pictures (``␛``, ``␁``); the CSV
  and the tables keep them as they are. A cell longer than a spreadsheet holds
  (32,767 characters) is cut with a note saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARK = "'"
XLSX_CELL_LIMIT = 32_767  # characters Excel holds in one cell
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")
# What XML 1.0 cannot hold (tab, line feed and carriage return it can).
_ILLEGAL_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _needs_mark(text: str) -> bool:
    core = text.lstrip(MARK)
    return core[:1] in FORMULA_START and not _NUMBER.fullmatch(core)


def neutralise_cell(value):
    """A CSV cell a spreadsheet will not run: text that would start a formula gets an apostrophe.

    >>> neutralise_cell('=HYPERLINK("http://x")'), neutralise_cell("@SUM(A1)"), neutralise_cell("-5")
    ('\\'=HYPERLINK("http://x")', "'@SUM(A1)", '-5')
    >>> neutralise_cell("Бахыт Туменова"), neutralise_cell(80900)
    ('Бахыт Туменова', 80900)
    """
    if isinstance(value, str) and _needs_mark(value):
        return MARK + value
    return value


def restore_cell(value):
    """The original text of a cell :func:`neutralise_cell` wrote (its exact inverse).

    >>> restore_cell("'=1+2"), restore_cell("'текст"), restore_cell("''=1")
    ('=1+2', "'текст", "'=1")
    """
    if isinstance(value, str) and value.startswith(MARK) and _needs_mark(value[1:]):
        return value[1:]
    return value


def neutralise_row(row: dict) -> dict:
    return {key: neutralise_cell(value) for key, value in row.items()}


def xlsx_text(text: str) -> str:
    """Text as an XLSX cell can hold it: control characters as their pictures, cut at
    the cell limit with a note.

    >>> xlsx_text("Бахыт\\x1b Туменова.\\x01")
    'Бахыт␛ Туменова.␁'
    """
    text = _ILLEGAL_IN_XML.sub(lambda m: chr(0x2400 + ord(m.group())) if m.group() < " " else "\ufffd", text)
    if len(text) > XLSX_CELL_LIMIT:
        kept = XLSX_CELL_LIMIT - 100  # room for the note
        text = text[:kept] + f" … [cut: {len(text) - kept:,} more characters; the CSV holds all]"
    return text


def append_rows(sheet, columns: Sequence[str], rows: Iterable[dict]) -> None:
    """Append a header and rows to an openpyxl sheet, every text cell stored as text."""
    for values in ([*columns], *([row.get(column) for column in columns] for row in rows)):
        sheet.append([xlsx_text(v) if isinstance(v, str) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would store '=…' as a live formula
