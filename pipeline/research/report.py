"""``testimony report``: one self-contained HTML page summarising an output folder.

For analysts who do not use notebooks: counts per event type, events by month,
detentions per place, fines per currency, custodial days per person, a
timeline, and every event with its evidence and a link back to its document and
page. Plots are PNGs drawn on matplotlib's Agg canvas and inlined as ``data:``
URIs, so the file needs nothing beside it. All text from the documents is
HTML-escaped.
"""

from __future__ import annotations

import base64
import html
import io
import os
from pathlib import Path
from string import Template
from urllib.parse import quote

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import __version__
from .loading import (
    Tables,
    custodial_days_by_person,
    detentions_by_place,
    events_by_month,
    fines_by_currency,
    happened,
    incidents_by_type,
    incidents_told_by_several,
    load,
)
from ..batch.run import TEXTS_DIR
from ..records import EVENT_TYPES
from ..tables import write_text_atomically

REVIEW_DIR = "review"  # `testimony review` writes review/{doc_id}.html with #p{page} anchors
TEMPLATE = Path(__file__).parent / "templates" / "report.html"
EVENT_COLUMNS = ("document", "date", "type", "place", "persons", "value", "evidence")
EVENT_CLASSES = ("doc", "date", "type", "place", "persons", "value", "evidence")


def write_report(out: Path, report_path: Path | None = None) -> Path:
    """Summarise output folder ``out`` as HTML at ``report_path`` (default OUT/report.html)."""
    out = Path(out)
    report_path = Path(report_path) if report_path else out / "report.html"
    text = render_report(load(out), out, report_path.parent)
    write_text_atomically(report_path, text)
    return report_path


def render_report(tables: Tables, out: Path, report_dir: Path) -> str:
    """The report's HTML; links to documents are relative to ``report_dir``."""
    events, documents = tables.events, tables.documents
    real = happened(events)
    n_failed = int((documents["status"] == "error").sum())
    meta = (f"{len(documents)} documents ({n_failed} failed), {len(events)} events "
            f"({len(events) - len(real)} negated or totals of others, left out of the counts)"
            + (f", telling {len(tables.incidents)} incidents "
               f"({int((tables.incidents['n_sources'] > 1).sum())} told by more than one "
               f"document)" if tables.linked else "")
            + f". Folder {out}; testimony {__version__}.")
    by_type = real["type"].value_counts().rename("events").to_frame()
    by_type = by_type[by_type["events"] > 0]
    by_month = events_by_month(events)
    sections = [
        ("types", "Events by type", _plot_types(by_type["events"]) + _table(by_type)),
        ("incidents", "Incidents: happenings, not tellings", _incidents(tables)),
        ("months", "Events by month",
         _plot_months(by_month) + _table(by_month, index_name="month")
         + _note(f"{int(real['date_start'].isna().sum())} events have no date.")),
        ("detentions", "Detentions per place",
         _table(detentions_by_place(events))
         + _note("People: the number the text states, else the people it names.")),
        ("fines", "Fines by currency",
         _table(fines_by_currency(events), decimals=0)
         + _note("Totals add the amounts as stated per event; a range adds its low and "
                 "high ends separately. An amount with only an upper end (до 100) adds 0 to "
                 "total_min; total_max is empty (no upper end) when an amount has only a "
                 "lower end (от 300 000).")),
        ("custody", "Custodial days per person",
         _table(custodial_days_by_person(events), decimals=1)
         + _note("Custody events naming no one are not counted here; months and years are "
                 "counted at their average length. A term with only an upper end (до 30 "
                 "суток) counts in with_term and adds 0 to days_min; days_max is empty (no "
                 "upper end) when a term has only a lower end (свыше 5 лет).")),
        ("timeline", "Timeline", _plot_timeline(real)),
        ("events", "All events", _event_list(events, out, report_dir)),
    ]
    nav = "".join(f'<a href="#{anchor}">{html.escape(title)}</a>' for anchor, title, _ in sections)
    body = "\n".join(f'<section id="{anchor}">\n<h2>{html.escape(title)}</h2>\n'
                     f"{content}\n</section>" for anchor, title, content in sections)
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        title="Testimony: events report", meta=html.escape(meta), nav=nav, body=body)


INCIDENT_LIST_LIMIT = 200


def _incidents(tables: Tables) -> str:
    """Happenings per type against the events telling them, and those told by several."""
    if not tables.linked:
        return _note("Not linked: every count here is of events, and a happening told by "
                     "three documents counts three times. `testimony link OUT` finds the "
                     "people and incidents across documents.")
    several = incidents_told_by_several(tables)
    shown = several.head(INCIDENT_LIST_LIMIT).assign(
        date_start=lambda f: f["date_start"].dt.strftime("%Y-%m-%d")).set_index("incident_id")
    return (_table(incidents_by_type(tables))
            + _note("incidents: happenings after linking; told_by_several: those more than "
                    "one document tells; events: the tellings. Totals over happenings told "
                    "one by one are left out.")
            + "<h3>Told by more than one document</h3>"
            + _table(shown)
            + _note(f"{len(several)} incidents; {min(len(several), INCIDENT_LIST_LIMIT)} shown, "
                    "most sources first. `conflicts` names what the sources disagree on."))


def _note(text: str) -> str:
    return f'<p class="note">{html.escape(text)}</p>'


def _table(frame: pd.DataFrame, index_name: str | None = None, decimals: int | None = None) -> str:
    """A summary frame as an escaped HTML table; numbers right-aligned."""
    if frame.empty:
        return _note("None.")
    head = [index_name or frame.index.name or ""] + [str(c) for c in frame.columns]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    rows = ["<tr>" + "".join(f'<th{" class=num" if i and numeric[i - 1] else ""}>'
                             f"{html.escape(h)}</th>" for i, h in enumerate(head)) + "</tr>"]
    # Column by column, so an integer column is not printed as floats beside a float one.
    values = [frame[c].astype(object).tolist() for c in frame.columns]
    for key, row in zip(frame.index, zip(*values, strict=True), strict=True):
        cells = [f"<th>{html.escape(str(key))}</th>"]
        for value, is_number in zip(row, numeric, strict=True):
            cells.append(f'<td{" class=num" if is_number else ""}>'
                         f"{html.escape(_format(value, decimals))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def _format(value, decimals: int | None = None) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.{decimals or 0}f}".replace(",", " ")
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", " ")
    return str(value)


def _png(fig: Figure) -> str:
    """The figure as an <img> with a base64 PNG data URI."""
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    label = html.escape(fig.get_label() or "plot")
    return f'<img class="plot" alt="{label}" src="data:image/png;base64,{data}">'


def _empty(fig: Figure, message: str) -> str:
    fig.text(0.5, 0.5, message, ha="center", va="center", color="#666")
    return _png(fig)


def _plot_types(counts: pd.Series) -> str:
    fig = Figure(figsize=(7, 0.35 * max(len(counts), 3) + 0.8), label="Events by type")
    if counts.empty:
        return _empty(fig, "no events")
    ax = fig.add_subplot()
    ordered = counts.sort_values()
    ax.barh([str(t) for t in ordered.index], ordered.to_numpy(),
            color=[_colour(str(t)) for t in ordered.index])
    ax.set_xlabel("events")
    return _png(fig)


def _plot_months(by_month: pd.DataFrame) -> str:
    fig = Figure(figsize=(9, 3.6), label="Events by month")
    if by_month.empty:
        return _empty(fig, "no dated events")
    ax = fig.add_subplot()
    labels = [str(p) for p in by_month.index]
    bottom = pd.Series(0, index=by_month.index)
    for event_type in by_month.columns:
        ax.bar(labels, by_month[event_type], bottom=bottom, label=str(event_type),
               color=_colour(event_type))
        bottom += by_month[event_type]
    ax.set_ylabel("events")
    ax.tick_params(axis="x", labelrotation=45)
    ax.legend(fontsize=8, ncols=2, frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    return _png(fig)


def _colour(event_type: str) -> str:
    """One fixed colour per event type, the same in every plot and every report."""
    palette = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860",
               "#da8bc3", "#8c8c8c", "#ccb974", "#64b5cd", "#1b9e77", "#e7298a")
    return palette[EVENT_TYPES.index(event_type) % len(palette)] if event_type in EVENT_TYPES \
        else "#333333"


def _plot_timeline(events: pd.DataFrame) -> str:
    """Each dated event as a dot on its type's line; a spell (date range) as a bar."""
    fig = Figure(figsize=(9, 3.8), label="Timeline")
    dated = events.dropna(subset=["date_start"])
    if dated.empty:
        return _empty(fig, "no dated events")
    ax = fig.add_subplot()
    types = [t for t in events["type"].cat.categories if (dated["type"] == t).any()]
    rows = {t: i for i, t in enumerate(types)}
    y = dated["type"].astype(str).map(rows)
    ends = dated["date_end"].fillna(dated["date_start"])
    spells = ends > dated["date_start"]
    ax.hlines(y[spells], dated["date_start"][spells], ends[spells], color="#c44e52", alpha=0.4,
              linewidth=4)
    ax.scatter(dated["date_start"], y, s=28, alpha=0.7, zorder=3,
               color=[_colour(t) for t in dated["type"].astype(str)])
    ax.set_yticks(range(len(types)), types)
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    return _png(fig)


def _event_list(events: pd.DataFrame, out: Path, report_dir: Path) -> str:
    if events.empty:
        return _note("No events.")
    ordered = events.sort_values(["date_start", "doc_id", "event_id"], na_position="last")
    head = "<tr>" + "".join(f"<th>{c}</th>" for c in EVENT_COLUMNS) + "</tr>"
    rows = [head]
    for e in ordered.itertuples(index=False):
        link = _document_link(out, report_dir, e.doc_id, e.page)
        where = f"{e.doc_id}, p. {e.page}" if not pd.isna(e.page) else str(e.doc_id)
        date = "" if pd.isna(e.date_start) else e.date_start.strftime("%Y-%m-%d")
        kind = f"{e.type} (negated)" if e.negated else str(e.type)
        cells = [f'<a href="{html.escape(link, quote=True)}">{html.escape(where)}</a>',
                 html.escape(date), html.escape(kind), _escape(e.place), _escape(e.persons),
                 html.escape(_value(e)), _escape(e.evidence)]
        tr = '<tr class="negated">' if e.negated else "<tr>"
        cells = [f'<td class="{name}">{cell}</td>'
                 for name, cell in zip(EVENT_CLASSES, cells, strict=True)]
        rows.append(tr + "".join(cells) + "</tr>")
    return '<table class="events">\n' + "\n".join(rows) + "\n</table>"


def _escape(value) -> str:
    return "" if value is None or pd.isna(value) else html.escape(str(value))


def _value(e) -> str:
    """Amount, term and count of one event as a short phrase (`80 900 KZT`, `15 day`).

    Either end may be missing: an upper bound only (`до 30 суток`) reads `≤ 30 day`, a
    lower bound only (`более 400 человек`) `≥ 400 people`; an approximate value (a row
    with ``approx`` true, as mentions have) is prefixed `~`.
    """
    approx = getattr(e, "approx", None)
    approx = "~" if approx is not None and not pd.isna(approx) and bool(approx) else ""
    parts = []
    for low, high, unit in ((e.amount_min, e.amount_max, e.currency),
                            (e.term_min, e.term_max, e.term_unit),
                            (e.count_min, e.count_max, "people")):
        span = _bounds(low, high)
        if span:
            parts.append(f"{approx}{span} {'' if pd.isna(unit) else unit}".strip())
    return "; ".join(parts)


def _bounds(low, high) -> str:
    """`15`, `10–18`, `≤ 30`, `≥ 400`, or empty when neither end is known."""
    if pd.isna(low) and pd.isna(high):
        return ""
    if pd.isna(high):
        return "≥ " + _format(float(low))
    if pd.isna(low):
        return "≤ " + _format(float(high))
    if high == low:
        return _format(float(low))
    return _format(float(low)) + "–" + _format(float(high))


def _document_link(out: Path, report_dir: Path, doc_id: str, page) -> str:
    """The review page at the event's page if ``testimony review`` made one, else the text."""
    review = out / REVIEW_DIR / f"{doc_id}.html"
    target = review if review.exists() else out / TEXTS_DIR / f"{doc_id}.txt"
    relative = Path(os.path.relpath(target.resolve(), report_dir.resolve())).as_posix()
    anchor = f"#p{int(page)}" if review.exists() and not pd.isna(page) else ""
    return quote(relative) + anchor
