"""testimony report: a self-contained HTML summary of real output, checked in a real browser."""

from __future__ import annotations

import base64
import html
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.research.report import write_report
from pipeline.batch.run import run_batch
from pipeline.tables import error_rows, write_tables

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# A real sentence of the sample with markup in it, as a scraped or pasted statement can have.
HOSTILE = ("31 мая 2012 года в Алматы полиция задержала Бахыт Туменову "
           "<script>document.title='взлом'</script>, суд оштрафовал её на 80900 тенге "
           "& <b>жирный</b>.\n")


class Page(HTMLParser):
    """The tags, image sources, links and text of an HTML page."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self._in_title = tag == "title"
        if tag == "img":
            self.images.append(attrs.get("src", ""))
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        self.text.append(data)


def png_size(uri: str) -> tuple[int, int]:
    """Width and height of a ``data:image/png;base64,`` URI's image."""
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix), uri[:40]
    data = base64.b64decode(uri[len(prefix):], validate=True)
    assert data.startswith(PNG_SIGNATURE)
    return struct.unpack(">II", data[16:24])  # the IHDR chunk


@pytest.fixture(scope="session")
def out(sample_text_out) -> Path:
    """`testimony run` over the real sample statements (shared, read only)."""
    return sample_text_out


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    inputs = tmp_path_factory.mktemp("inputs")
    (inputs / "markup.txt").write_text(HOSTILE, encoding="utf-8")
    folder = tmp_path_factory.mktemp("hostile_out")
    assert run_batch([inputs / "markup.txt"], folder).n_failed == 0
    return folder


@pytest.fixture(scope="module")
def report(out) -> Path:
    return write_report(out)


def test_report_is_self_contained_with_png_plots(report, out):
    assert report == out / "report.html"
    page = Page(report.read_text(encoding="utf-8"))
    assert len(page.images) >= 3  # types, months, timeline
    for uri in page.images:
        width, height = png_size(uri)
        assert width > 100 and height > 100
    assert "script" not in page.tags and "link" not in page.tags
    assert not [u for u in page.images + page.links if u.startswith(("http:", "https:", "//"))]
    assert not list(out.glob(".report.html.*"))  # written atomically: no temporary left


def test_report_summarises_the_real_samples(report):
    page = Page(report.read_text(encoding="utf-8"))
    text = " ".join(page.text)
    for heading in ("Events by type", "Events by month", "Detentions per place",
                    "Fines by currency", "Custodial days per person", "Timeline", "All events"):
        assert heading in text
    assert "80 900 KZT" in text  # Туменова's fine in the event list
    assert "Бахыт Туменова" in text and "KZT" in text


def test_every_event_links_to_its_text(report, out):
    page = Page(report.read_text(encoding="utf-8"))
    documents = [link for link in page.links if not link.startswith("#")]
    assert documents
    for link in documents:
        target = (report.parent / unquote(link)).resolve()
        assert target.exists() and target.parent == (out / "texts").resolve(), link


def test_links_are_relative_to_where_the_report_is_written(out, tmp_path):
    elsewhere = write_report(out, tmp_path / "reports" / "summary.html")
    links = [link for link in Page(elsewhere.read_text(encoding="utf-8")).links
             if not link.startswith("#")]
    assert links and all(not Path(unquote(link)).is_absolute() for link in links)
    assert all((elsewhere.parent / unquote(link)).exists() for link in links)


def test_links_go_to_the_review_page_at_the_event_page_when_there_is_one(out, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    doc_id = sorted(p.stem for p in RAW.glob("*.txt"))[-1]
    (copy / "review").mkdir()
    (copy / "review" / f"{doc_id}.html").write_text("<html></html>", encoding="utf-8")
    links = Page(write_report(copy).read_text(encoding="utf-8")).links
    assert any(link.startswith(f"review/{doc_id}.html#p") for link in links)
    assert not any(link.startswith(f"texts/{doc_id}.txt") for link in links)


def test_evidence_is_escaped(hostile_out):
    text = write_report(hostile_out).read_text(encoding="utf-8")
    page = Page(text)
    assert "script" not in page.tags and "b" not in page.tags
    assert "&lt;script&gt;document.title=" in text
    assert any("<script>document.title='взлом'</script>" in t for t in page.text)


def test_output_with_only_failed_files_still_reports(tmp_path):
    rows = error_rows("broken", "inputs/broken.pdf", None, "inputs/broken.pdf: not a PDF", "test")
    write_tables(tmp_path, rows)
    page = Page(write_report(tmp_path).read_text(encoding="utf-8"))
    assert "No events." in page.text and len(page.images) == 3
    assert "1 documents (1 failed), 0 events" in " ".join(page.text)


def test_command_writes_the_report_and_explains_a_missing_folder(out, tmp_path):
    target = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(out), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists() and str(target) in result.output
    missing = CliRunner().invoke(main, ["report", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "no such output folder" in missing.output


def _chromium() -> str | None:
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                 if p), None)


@pytest.mark.skipif(_chromium() is None,
                    reason="no chromium to open the report in (Debian: apt-get install chromium)")
@pytest.mark.parametrize("which", ["samples", "markup"])
def test_report_opens_in_a_headless_browser(which, report, hostile_out, tmp_path):
    path = report if which == "samples" else write_report(hostile_out)
    command = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
               path.resolve().as_uri()]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
    page = Page(dom)
    assert page.title == "Testimony: events report"  # no script in the evidence ran
    assert len(page.images) >= 3
    for uri in page.images:
        assert min(png_size(uri)) > 100
    assert "script" not in page.tags and "b" not in page.tags
    if which == "markup":
        assert any("<script>document.title='взлом'</script>" in t for t in page.text)


# Values may be one-sided bounds. Each row: the event's values, then how the report's
# value cell reads them.
VALUES = [
    ("two-sided", {"amount_min": 30000, "amount_max": 81000, "currency": "KZT"},
     "30 000–81 000 KZT"),
    ("one amount", {"amount_min": 80900, "amount_max": 80900, "currency": "KZT"}, "80 900 KZT"),
    ("min only: от 300 000 тенге", {"amount_min": 300000, "currency": "KZT"}, "≥ 300 000 KZT"),
    ("max only: до 30 суток", {"term_max": 30, "term_unit": "day"}, "≤ 30 day"),
    ("min only: более 400 человек", {"count_min": 400}, "≥ 400 people"),
    ("max only: меньше тысячи", {"count_max": 1000}, "≤ 1 000 people"),
    ("term and count", {"term_min": 10, "term_max": 18, "term_unit": "day", "count_min": 3,
                        "count_max": 3}, "10–18 day; 3 people"),
    ("nothing stated", {}, ""),
]


def test_event_values_read_one_sided_bounds(tmp_path):
    documents = [{"doc_id": "d", "source": "d.txt", "status": "ok"}]
    events = [{"doc_id": "d", "event_id": i, "type": "custody", "negated": False,
               "evidence": f"случай {i}"} | values for i, (_, values, _) in enumerate(VALUES)]
    write_tables(tmp_path / "out", {"documents": documents, "events": events})
    page = write_report(tmp_path / "out").read_text(encoding="utf-8")
    cells = dict(re.findall(r'<td class="value">([^<]*)</td><td class="evidence">случай (\d+)</td>',
                            page))
    cells = {int(i): html.unescape(value) for value, i in cells.items()}
    for i, (case, _, expected) in enumerate(VALUES):
        assert cells[i] == expected, case


def test_an_approximate_value_is_marked():
    from collections import namedtuple

    from pipeline.research.report import _value

    columns = ("amount_min", "amount_max", "currency", "term_min", "term_max", "term_unit",
               "count_min", "count_max", "approx")
    row = namedtuple("Row", columns)
    assert _value(row(None, None, None, None, None, None, 100, 100, True)) == "~100 people"
    assert _value(row(None, None, None, None, None, None, 400, None, True)) == "~≥ 400 people"
    assert _value(row(None, None, None, None, None, None, 400, None, False)) == "≥ 400 people"


def test_an_open_total_is_explained_and_never_below_the_low_one(tmp_path):
    documents = [{"doc_id": "d", "source": "d.txt", "status": "ok"}]
    events = [{"doc_id": "d", "event_id": i, "type": "fine", "negated": False, "currency": "KZT",
               "evidence": f"штраф {i}"} | values
              for i, values in enumerate([{"amount_min": 10, "amount_max": 20},
                                          {"amount_min": 300000}])]
    write_tables(tmp_path / "out", {"documents": documents, "events": events})
    page = write_report(tmp_path / "out").read_text(encoding="utf-8")
    fines = page[page.index('id="fines"'):page.index('id="custody"')]
    row = re.search(r"<tr><th>KZT</th>(.*?)</tr>", fines).group(1)
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", row)]
    assert cells == ["2", "2", "300 010", ""]  # fines, with_amount, total_min, total_max
    assert "no upper end" in fines
