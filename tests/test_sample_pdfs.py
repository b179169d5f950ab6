"""The committed sample PDFs extract to the words of the statements they were made from.

They are made by scripts/make_sample_pdfs.py: one justified and hyphenated with a
running header and page numbers, one with words placed without space glyphs and
paragraphs letter-spaced. Extraction must give back the seed's words, and only
them: running headers and page numbers must be gone.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.extract import extract

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
SAMPLES = [
    ("001_35f99063bebc0d6e_print.pdf", "001_35f99063bebc0d6e.txt", "Союз правозащитных организаций"),
    ("000_6fb061e0297f36b6_spaced.pdf", "000_6fb061e0297f36b6.txt", "Шымкентский филиал"),
]
MIN_OVERLAP = 0.98


def words(text: str) -> Counter[str]:
    """Word counts, after joining words hyphenated at a line end (a simple join)."""
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
    return Counter(re.findall(r"\w+", text))


@pytest.mark.parametrize("pdf_name, seed_name, header", SAMPLES, ids=["print", "spaced"])
def test_sample_pdf_gives_the_seed_words(pdf_name, seed_name, header):
    document = extract(RAW / pdf_name, pdf_name.removesuffix(".pdf"))
    seed = words((RAW / seed_name).read_text(encoding="utf-8"))
    got = words(document.text)
    common = sum((seed & got).values())
    recall = common / sum(seed.values())
    precision = common / sum(got.values())
    assert recall >= MIN_OVERLAP, f"only {recall:.1%} of the seed's words came out; missing {(seed - got).most_common(15)}"
    assert precision >= MIN_OVERLAP, f"{1 - precision:.1%} of the words are extra: {(got - seed).most_common(15)}"
    assert len(document.pages) >= 2
    assert header not in document.text  # the running header is gone
    assert document.warnings == ()


def test_print_sample_is_hyphenated_and_numbered():
    """The printed sample really has what it claims: hyphenated line ends and page footers."""
    document = extract(RAW / SAMPLES[0][0], "print")
    assert len(re.findall(r"[а-я]-\n[а-я]", document.text)) >= 10
    assert not re.search(r"^\W*\d+\W*$", document.text, re.MULTILINE)  # no page-number lines left
