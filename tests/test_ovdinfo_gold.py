"""The text-free store of the OVD-Info page annotations (scripts/ovdinfo_gold.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import ovdinfo_gold  # noqa: E402

PAGES = ("В Нижнем Новгороде12 задержали Ивана Петрова.", "Суд в Санкт\u00adПетербурге оштрафовал Петрова.")

CASES = [  # (string, the page it belongs to)
    ("Иван Петров", 1),
    ("Нижний Новгород", 1),
    ("Санкт-Петербург", 2),
    ("Москва", 1),  # held by no page: kept as letters
]


@pytest.mark.parametrize("value, page", CASES)
def test_names_survive_as_pieces(value, page):
    pieces = ovdinfo_gold.encode(value, PAGES, page)
    assert ovdinfo_gold.decode(pieces, PAGES) == value
    letters = "".join(p for p in pieces if isinstance(p, str))
    if value != "Москва":
        assert len(letters) <= 3, pieces  # the rest is copied from the pages


@pytest.mark.parametrize("snippet, page, found", [
    ("Новгороде", 1, "Новгороде"),          # a footnote number glued to the word
    ("Санкт-Петербурге", 2, "Санкт\u00adПетербурге"),  # a hyphen printed as a soft hyphen
    ("Петрова", 2, "Петрова"),
])
def test_snippets_find_what_the_pdf_printed(snippet, page, found):
    start, end = ovdinfo_gold.locate(PAGES[page - 1], snippet, None, "test")
    assert PAGES[page - 1][start:end] == found


def test_a_snippet_inside_a_word_is_not_found():
    with pytest.raises(ovdinfo_gold.OvdGoldError, match="not found"):
        ovdinfo_gold.locate(PAGES[0], "Петров", None, "test")


def test_every_stored_page_reads_back_unchanged():
    if not all((ovdinfo_gold.reports_dir() / f"{r}.pdf").exists() for r in ovdinfo_gold.splits()):
        pytest.skip(f"the OVD-Info reports are not in {ovdinfo_gold.reports_dir()} (shared folder)")
    pages = ovdinfo_gold.stored_pages()
    assert len(pages) >= 25
    for report, page in pages:
        ovdinfo_gold.check_page(report, page)
    heldout = {(r, p) for r, split in ovdinfo_gold.splits().items() for p in split["heldout"]}
    assert len(heldout) == 8 and heldout <= set(pages)


def test_gold_documents_are_excerpts_of_their_report(tmp_path):
    if not all((ovdinfo_gold.reports_dir() / f"{r}.pdf").exists() for r in ovdinfo_gold.splits()):
        pytest.skip(f"the OVD-Info reports are not in {ovdinfo_gold.reports_dir()} (shared folder)")
    from pipeline.gold import read_gold

    ovdinfo_gold.write_gold("heldout", tmp_path)
    docs = read_gold(tmp_path)
    assert len(docs) == 8
    assert all(len(d.pages) == 1 and d.mention_types for d in docs)
