"""Uncertain pairs for an annotator, and the decisions they hand back.

Pairs whose match weight lies near the threshold are written to
``link_review.csv`` and ``link_review.xlsx``: one row per pair, both records'
names or event summaries and their evidence sentences side by side, and an empty
``decision`` column to fill with ``same`` or ``different``. On the next
``testimony link`` the decisions found there are appended to
``link_decisions.csv``, a log that is only ever appended to, and the latest
decision on each pair is applied: ``same`` joins the pair whatever its score,
``different`` keeps it apart. The review files are written again each run with
every decision already made filled in, so nothing an annotator wrote is lost.

Records are keyed by document and name (people) or document and event number
(events); an event's key also carries a check of its evidence sentence, so a
decision about an event that a rerun of the pipeline changed is reported as
stale and not applied, rather than applied to a different event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import PipelineError
from ..tables import write_atomically

REVIEW = "link_review"
DECISIONS = "link_decisions.csv"
SAME, DIFFERENT = "same", "different"
_YES = {"same", "yes", "y", "1", "true", "да", "совпадает", "confirmed", "confirm"}
_NO = {"different", "no", "n", "0", "false", "нет", "разные", "rejected", "reject"}
PERSON, INCIDENT = "person", "incident"

REVIEW_COLUMNS = ["kind", "left", "right", "match_probability", "left_name", "right_name",
                  "left_evidence", "right_evidence", "decision", "note", "left_check",
                  "right_check"]
DECISION_COLUMNS = ["kind", "left", "right", "left_check", "right_check", "decision", "note",
                    "decided_at", "source"]


class LinkError(PipelineError):
    """The link inputs or an annotator's decisions cannot be used as they are."""


def check(text) -> str:
    """A short fingerprint of a record's evidence, to notice when it changed.

    >>> check("Бахыт Туменова была оштрафована.")
    '071ebae8'
    """
    return hashlib.sha1(str(text or "").encode("utf-8")).hexdigest()[:8]


def read_decision(value) -> str | None:
    """An annotator's cell as ``same``, ``different`` or None (undecided).

    >>> read_decision("Same "), read_decision("нет"), read_decision(""), read_decision(None)
    ('same', 'different', None, None)
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip().lower()
    if not text:
        return None
    if text in _YES:
        return SAME
    if text in _NO:
        return DIFFERENT
    raise LinkError(f"a review decision reads {value!r}; write `same` or `different`")


def pair_key(kind: str, left: str, right: str) -> tuple[str, str, str]:
    return (kind, *sorted((left, right)))


@dataclass
class Decisions:
    """The latest decision per pair, with the checks of the records it was made on."""

    latest: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    stale: list[dict] = field(default_factory=list)

    def pairs(self, kind: str, ids: dict[str, int], checks: dict[str, str]
              ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(same, different) pairs of record numbers for one kind, stale ones set aside."""
        same, different = [], []
        for (k, left, right), row in self.latest.items():
            if k != kind:
                continue
            ok = (left in ids and right in ids
                  and _check_matches(row, "left", left, checks)
                  and _check_matches(row, "right", right, checks))
            if not ok:
                self.stale.append(row)
                continue
            (same if row["decision"] == SAME else different).append((ids[left], ids[right]))
        return same, different

    def decision(self, kind: str, left: str, right: str) -> str | None:
        row = self.latest.get(pair_key(kind, left, right))
        return row["decision"] if row else None


def _check_matches(row: dict, side: str, key: str, checks: dict[str, str]) -> bool:
    # The log stores sides sorted; the row's own left/right say which check is whose.
    recorded = row["left_check"] if row["left"] == key else row["right_check"]
    return not recorded or recorded != recorded or recorded == checks.get(key, recorded)


def read_decisions(folder: Path) -> Decisions:
    """Decisions logged so far, plus new ones from the review files, logged now.

    The log is appended to, never rewritten; a decision in the review files that
    differs from the latest logged one is a new decision.
    """
    log_path = folder / DECISIONS
    log = (pd.read_csv(log_path, dtype=str, keep_default_na=False) if log_path.exists()
           else pd.DataFrame(columns=DECISION_COLUMNS))
    decisions = Decisions()
    for row in log.to_dict("records"):
        decisions.latest[pair_key(row["kind"], row["left"], row["right"])] = row
    new = []
    for key, row in _reviewed(folder).items():
        current = decisions.latest.get(key)
        if current is None or current["decision"] != row["decision"]:
            row["decided_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            new.append(row)
            decisions.latest[key] = row
    if new:
        appended = pd.concat([log, pd.DataFrame(new, columns=DECISION_COLUMNS)],
                             ignore_index=True)
        write_atomically(log_path, lambda p: appended.to_csv(p, index=False))
    return decisions


def _reviewed(folder: Path) -> dict[tuple[str, str, str], dict]:
    """Decisions written into the review files (CSV and XLSX); they must agree."""
    found: dict[tuple[str, str, str], dict] = {}
    for path in (folder / f"{REVIEW}.csv", folder / f"{REVIEW}.xlsx"):
        if not path.exists():
            continue
        try:
            frame = (pd.read_csv(path, dtype=str, keep_default_na=False)
                     if path.suffix == ".csv" else pd.read_excel(path, dtype=str).fillna(""))
        except (OSError, ValueError) as error:
            raise LinkError(f"{path}: cannot read the review file: {error}") from error
        missing = {"kind", "left", "right", "decision"} - set(frame.columns)
        if missing:
            raise LinkError(f"{path}: the review file lacks column(s) {', '.join(sorted(missing))}")
        for line, row in enumerate(frame.to_dict("records"), start=2):
            try:
                decision = read_decision(row.get("decision"))
            except LinkError as error:
                raise LinkError(f"{path}, row {line}: {error}") from None
            if decision is None:
                continue
            key = pair_key(row["kind"], row["left"], row["right"])
            entry = {"kind": row["kind"], "left": row["left"], "right": row["right"],
                     "left_check": row.get("left_check", ""),
                     "right_check": row.get("right_check", ""), "decision": decision,
                     "note": row.get("note", ""), "source": path.name}
            if key in found and found[key]["decision"] != decision:
                raise LinkError(
                    f"{row['left']} / {row['right']}: decided `{found[key]['decision']}` in "
                    f"{found[key]['source']} but `{decision}` in {path.name}; make them agree")
            found[key] = entry
    return found


def write_review(folder: Path, rows: list[dict], decisions: Decisions) -> int:
    """The review files (CSV and XLSX), decisions already made filled in; rows written."""
    for row in rows:
        latest = decisions.latest.get(pair_key(row["kind"], row["left"], row["right"]))
        if latest:
            row["decision"], row["note"] = latest["decision"], latest.get("note", "")
    frame = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    write_atomically(folder / f"{REVIEW}.csv", lambda p: frame.to_csv(p, index=False))
    write_atomically(folder / f"{REVIEW}.xlsx", lambda p: _write_xlsx(frame, p))
    return len(frame)


def _write_xlsx(frame: pd.DataFrame, path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    sheet = book.active
    sheet.title = "pairs"
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([None if v is None or v != v else v for v in row])
    widths = {"left_evidence": 70, "right_evidence": 70, "left_name": 30, "right_name": 30,
              "left": 28, "right": 28, "decision": 12}
    for i, column in enumerate(frame.columns, start=1):
        letter = sheet.cell(row=1, column=i).column_letter
        sheet.column_dimensions[letter].width = widths.get(column, 14)
        if column.endswith("evidence"):
            for cell in sheet[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)
