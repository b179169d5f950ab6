"""Review pages: highlights, values on hover, page numbers, escaping, a real browser."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.gold.roundtrip import load_output
from pipeline.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "raw" / "001_35f99063bebc0d6e.txt"
SAMPLE_PDF = REPO / "data" / "raw" / "001_35f99063bebc0d6e_print.pdf"
INJECTION = REPO / "tests" / "data" / "annotate" / "injection.txt"


@pytest.fixture(scope="module")
def review(tmp_path_factory) -> tuple[Path, Path]:
    """The real pipeline over a sample, its PDF (pages) and a hostile statement; the pages."""
    from pipeline.batch.run import run_batch

    out = tmp_path_factory.mktemp("out")
    assert run_batch([SAMPLE, SAMPLE_PDF, INJECTION], out).n_failed == 0
    pages = tmp_path_factory.mktemp("review")
    result = CliRunner().invoke(main, ["review", str(out), "-o", str(pages)])
    assert result.exit_code == 0, result.output
    return out, pages


class Elements(HTMLParser):
    """Every element's tag and attributes, and the text outside tags."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_every_mention_and_event_is_highlighted_with_its_values(review):
    out, pages = review
    doc = {d.doc_id: d for d in load_output(out)}["001_35f99063bebc0d6e"]
    page = Elements((pages / "001_35f99063bebc0d6e.html").read_text(encoding="utf-8"))
    marks = [attrs for tag, attrs in page.tags if tag == "mark" and "id" in attrs]
    assert {a["id"] for a in marks} == {f"m{i}" for i in range(len(doc.mentions))} | \
           {f"e{i}" for i in range(len(doc.events))}
    money = next(a for a in marks if a["class"] == "MONEY")
    assert "amount_min:" in money["title"] and "currency: KZT" in money["title"]
    # each span's label stands after its last piece, as displaCy shows it
    labelled = {(a["id"], a["data-label"]) for a in marks if "data-label" in a}
    assert {a["id"] for a in marks} == {i for i, _ in labelled}
    assert all(label == (a["class"].split()[-1]) for a in marks for i, label in labelled if i == a["id"])
    assert "".join(page.text).count(doc.text[:40]) == 1  # the text itself, unchanged


def test_page_numbers_stand_at_page_starts(review):
    out, pages = review
    doc = {d.doc_id: d for d in load_output(out)}["001_35f99063bebc0d6e_print"]
    assert len(doc.page_starts) >= 1
    page = Elements((pages / "001_35f99063bebc0d6e_print.html").read_text(encoding="utf-8"))
    numbers = [attrs["data-page"] for tag, attrs in page.tags if attrs.get("class") == "page"]
    assert numbers == [str(n) for n in range(1, len(doc.page_starts) + 2)]


def test_index_counts_per_document_and_type(review):
    out, pages = review
    index = (pages / "index.html").read_text(encoding="utf-8")
    docs = load_output(out)
    for doc in docs:
        assert f'href="{doc.doc_id}.html"' in index
    row = index.split('href="injection.html"')[1].split("</tr>")[0]
    n_money = sum(m.type == "MONEY" for m in next(d for d in docs if d.doc_id == "injection").mentions)
    assert n_money == 1 and "<td>1</td>" in row


def test_a_statement_cannot_inject_markup(review):
    _, pages = review
    html = (pages / "injection.html").read_text(encoding="utf-8")
    page = Elements(html)
    assert [tag for tag, _ in page.tags if tag in ("script", "img")] == []
    assert "&lt;script&gt;document.title=" in html
    assert any("<script>document.title=" in piece for piece in page.text)
    assert any("<img src=x onerror=" in piece for piece in page.text)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (CI installs it with apt-get)")
def test_the_page_renders_in_a_real_browser_without_running_the_statement(review, tmp_path):
    _, pages = review
    dumped = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", (pages / "injection.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    rendered = Elements(dumped)
    # The statement's script would have set the title to "pwned" or "img".
    assert dumped.split("<title>")[1].split("</title>")[0] == "injection"
    assert [tag for tag, _ in rendered.tags if tag in ("script", "img")] == []
    assert any("<script>document.title=" in piece for piece in rendered.text)
    classes = [attrs.get("class") for tag, attrs in rendered.tags if tag == "mark" and "id" in attrs]
    assert {"LOC", "ORG", "MONEY", "event detention", "event fine"} <= set(classes)
