"""Review pages: one self-contained HTML page per document, and an index.

Mentions and event triggers are highlighted in the clean text (colours by
type, values on hover through ``title``), page numbers stand at page starts,
the events are listed below. Every piece of testimony goes through
``html.escape``: a statement cannot inject markup or script. No JavaScript,
no outside resources: a page opens from disk anywhere.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from html import escape
from itertools import pairwise
from pathlib import Path

from .gold.records import COLOURS, EVENT_COLOUR, AnnotatedDocument, format_value
from .records import EVENT_TYPES, EVENT_VALUE_FIELDS, MENTION_TYPES
from .files import fit_name, text_writer, write_together

STYLE = """
body { font: 15px/1.55 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
.text { white-space: pre-wrap; border-left: 3px solid #ddd; padding-left: 1em; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.event { outline: 2px solid EVENTCOLOUR; background: #fde2e2; }
mark[data-label]::after { content: attr(data-label); font: bold 9px/1 system-ui, sans-serif;
  vertical-align: super; margin-left: 2px; opacity: .75; }
.page { display: block; color: #888; font-size: 12px; margin: .6em 0 .2em -1em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
td, th { border: 1px solid #ccc; padding: 2px 6px; vertical-align: top; text-align: left; }
.legend mark { margin-right: .5em; }
"""


def _mark_style() -> str:
    return "\n".join(f"mark.{t} {{ background: {c}66; border-bottom: 2px solid {c}; }}"
                     for t, c in COLOURS.items())


def _title(kind: str, values: dict) -> str:
    return "\n".join([kind, *(f"{k}: {format_value(k, v)}" for k, v in values.items())])


def highlighted_text(doc: AnnotatedDocument) -> str:
    """The document's text as escaped HTML with every span wrapped in ``<mark>``.

    Spans may overlap (a trigger inside a mention): the text is cut at every
    span boundary and each piece is wrapped in the marks covering it. The last
    piece of a span carries its label (``data-label``), shown after it by CSS as
    displaCy shows an entity's label.

    >>> doc = AnnotatedDocument("d", "Задержан <b>Канат</b>")
    >>> highlighted_text(doc).endswith('Задержан &lt;b&gt;Канат&lt;/b&gt;')
    True
    """
    spans = []  # (start, end, opening tag without its '>', label)
    for n, m in enumerate(doc.mentions):
        spans.append((m.start, m.end,
                      f'<mark class="{m.type}" id="m{n}" title="{escape(_title(m.type, m.values))}"', m.type))
    for n, e in enumerate(doc.events):
        if e.start is not None:
            title = escape(_title("event: " + e.type, e.values))
            spans.append((e.start, e.end, f'<mark class="event {e.type}" id="e{n}" title="{title}"', e.type))
    cuts = {0, len(doc.text)} | {o for s, t, _, _ in spans for o in (s, t)}
    cuts |= {o for _, o in doc.page_starts}
    pages = {0: 1} | {o: p for p, o in doc.page_starts}
    pieces, bounds = [], sorted(c for c in cuts if 0 <= c <= len(doc.text))
    # Walk the pieces left to right keeping the spans open over them, outer first:
    # every span boundary is a cut, so an open span covers the whole piece.
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    following, open_spans = 0, []
    for left, right in pairwise(bounds):
        if left in pages:
            pieces.append(f'<span class="page" data-page="{pages[left]}">— page {pages[left]} —</span>')
        open_spans = [s for s in open_spans if s[1] > left]
        while following < len(ordered) and ordered[following][0] <= left:
            if ordered[following][1] > left:
                open_spans.append(ordered[following])
            following += 1
        piece = escape(doc.text[left:right])
        for _, end, tag, label in open_spans:
            label = f' data-label="{escape(label)}"' if end == right else ""
            piece = f"{tag}{label}>{piece}</mark>"
        pieces.append(piece)
    return "".join(pieces)


def _event_rows(doc: AnnotatedDocument) -> str:
    shown = [f for f in EVENT_VALUE_FIELDS if any(f in e.values for e in doc.events)]
    head = "".join(f"<th>{escape(f)}</th>" for f in ("type", "trigger", *shown))
    rows = []
    for n, e in enumerate(doc.events):
        trigger = f'<a href="#e{n}">{escape(e.trigger or "")}</a>'
        cells = "".join(f"<td>{escape(format_value(f, e.values[f])) if f in e.values else ''}</td>"
                        for f in shown)
        rows.append(f"<tr><td>{escape(e.type)}</td><td>{trigger}</td>{cells}</tr>")
    return f"<table class=\"events\"><tr>{head}</tr>{''.join(rows)}</table>"


def _page(title: str, body: str) -> str:
    style = STYLE.replace("EVENTCOLOUR", EVENT_COLOUR) + _mark_style()
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'\">"
            f"<title>{escape(title)}</title><style>{style}</style></head>"
            f"<body>{body}</body></html>\n")


def document_page(doc: AnnotatedDocument) -> str:
    """The review page of one document."""
    legend = "".join(f'<mark class="{t}">{t}</mark>' for t in MENTION_TYPES)
    legend += '<mark class="event">event</mark>'
    body = (f'<p><a href="index.html">all documents</a></p><h1>{escape(doc.doc_id)}</h1>'
            f'<p class="legend">{legend}</p>'
            f'<div class="text">{highlighted_text(doc)}</div>'
            f"<h2>Events ({len(doc.events)})</h2>{_event_rows(doc)}")
    return _page(doc.doc_id, body)


def index_page(docs: list[AnnotatedDocument]) -> str:
    """Counts of mentions and events per document and type, with links."""
    mention_types = list(MENTION_TYPES)
    event_types = [t for t in EVENT_TYPES if any(e.type == t for d in docs for e in d.events)]
    head = "".join(f"<th>{escape(t)}</th>" for t in ("document", *mention_types, *event_types))
    rows = []
    for doc in docs:
        counts = Counter(m.type for m in doc.mentions) + Counter(e.type for e in doc.events)
        cells = "".join(f"<td>{counts.get(t, 0)}</td>" for t in (*mention_types, *event_types))
        rows.append(f'<tr><td><a href="{escape(page_name(doc.doc_id))}">{escape(doc.doc_id)}</a>'
                    f"</td>{cells}</tr>")
    body = (f"<h1>Review: {len(docs)} documents</h1>"
            f"<table class=\"index\"><tr>{head}</tr>{''.join(rows)}</table>")
    return _page("Review", body)


def page_name(doc_id: str) -> str:
    """The page's file name: the doc_id when it is a safe name, else the doc_id with
    unsafe characters replaced and a hash of it added, so no two documents (``a b``
    and ``a_b``) share a page and none takes the index's place.

    >>> page_name("001_almaty"), page_name("a b"), page_name("a_b"), page_name("index")
    ('001_almaty.html', 'a_b~c8687a08a.html', 'a_b.html', 'index~1bc04b529.html')
    """
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id)
    if safe != doc_id or safe.lower() in ("index", "") or safe.startswith("."):
        safe += "~" + hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:9]
    return fit_name(safe, ".html")


def write_review(docs: Iterable[AnnotatedDocument], out_dir: Path) -> list[Path]:
    """Write a page per document and ``index.html`` into out_dir, all or none; the paths
    written (the index first)."""
    out_dir = Path(out_dir)
    docs = list(docs)
    pages = [(out_dir / page_name(doc.doc_id), text_writer(document_page(doc))) for doc in docs]
    write_together([(out_dir / "index.html", text_writer(index_page(docs))), *pages])
    return [out_dir / "index.html", *(path for path, _ in pages)]
