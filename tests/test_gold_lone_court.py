"""No gold set tags a lone court noun as ORG (data/annotated/README.md: `в суд` alone
names no court).

The convention changed in session 7 and every gold set was brought to it by hand: the
samples, the constructed sets, the OVD-Info pages and the Wikinews articles, development,
held-out and validation alike. This test keeps them from drifting apart again: a gold ORG
whose span is one noun of ``unnamed_alone`` (``models/org_words.json``) must have a place
mention right after it that says which court (``суд`` + ``Октябрьского района``, the body
split from its place). Only the gold files and their texts are read:
no pipeline runs on any set here. The OVD-Info and Wikinews sets need the shared folder
(their texts are not in the repository) and skip without it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from pipeline.tag.orgs import is_unnamed_body

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import build_gold  # noqa: E402
import ovdinfo_gold  # noqa: E402
import wikinews_gold  # noqa: E402


# What may stand between a court noun and the place that says which court: nothing, or a
# settlement word the place mention leaves out (`суд города Турку` -> ORG `суд` + LOC
# `Турку`, as `по городу Алматы` -> `Алматы`).
PLACE_LEAD = re.compile(r" (?:(?:города|г\.) ?)?")


def lone_court_orgs(document: dict) -> list[str]:
    """The ORG mentions of a gold document that are a lone court noun with no place after."""
    text = document["text"]
    places = {m["start"] for m in document["mentions"] if m["type"] == "LOC"}

    def place_after(end: int) -> bool:
        lead = PLACE_LEAD.match(text, end)
        return bool(lead) and lead.end() in places

    return [f'{m["start"]}: {m["text"]!r} in {text[max(0, m["start"] - 40):m["end"] + 40]!r}'
            for m in document["mentions"]
            if m["type"] == "ORG" and is_unnamed_body(m["text"]) and not place_after(m["end"])]


@pytest.mark.parametrize("document, expected", [
    # sentences written for this test
    ({"text": "Дело передали в суд.", "mentions": [{"type": "ORG", "start": 15, "end": 18, "text": "суд"}]}, 1),
    ({"text": "Иск отклонил суд Самары.", "mentions": [
        {"type": "ORG", "start": 13, "end": 16, "text": "суд"},
        {"type": "LOC", "start": 17, "end": 23, "text": "Самары"}]}, 0),
    ({"text": "Иск отклонил районный суд.", "mentions": [
        {"type": "ORG", "start": 13, "end": 25, "text": "районный суд"}]}, 0),
    ({"text": "Дело передали в суд.", "mentions": []}, 0),
    ({"text": "Выдачу одобрил суд города Лиона.", "mentions": [   # a settlement word between
        {"type": "ORG", "start": 15, "end": 18, "text": "суд"},
        {"type": "LOC", "start": 26, "end": 31, "text": "Лиона"}]}, 0),
    ({"text": "Выдачу одобрил суд г. Лиона.", "mentions": [
        {"type": "ORG", "start": 15, "end": 18, "text": "суд"},
        {"type": "LOC", "start": 22, "end": 27, "text": "Лиона"}]}, 0),
    ({"text": "Выдачу одобрил суд, а города Лиона это не касается.", "mentions": [
        {"type": "ORG", "start": 15, "end": 18, "text": "суд"},
        {"type": "LOC", "start": 29, "end": 34, "text": "Лиона"}]}, 1),  # a place further on says nothing
])
def test_the_check_finds_a_lone_court_and_spares_a_named_one(document, expected):
    assert len(lone_court_orgs(document)) == expected


@pytest.mark.parametrize("gold_set", build_gold.GOLD_SETS, ids=lambda gold_set: gold_set.folder)
def test_no_constructed_or_sample_gold_tags_a_lone_court(gold_set):
    paths = sorted((ROOT / gold_set.outputs).glob("*.json"))
    assert paths
    found = {path.stem: lone for path in paths
             if (lone := lone_court_orgs(json.loads(path.read_text(encoding="utf-8"))))}
    assert not found


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_no_ovdinfo_gold_tags_a_lone_court(split):
    if not all((ovdinfo_gold.reports_dir() / f"{r}.pdf").exists() for r in ovdinfo_gold.splits()):
        pytest.skip(f"the OVD-Info reports are not in {ovdinfo_gold.reports_dir()} (shared folder)")
    documents = ovdinfo_gold.gold_documents(split)
    assert documents
    found = {f'{d["doc_id"]} p{d["pages"][0]}': lone for d in documents if (lone := lone_court_orgs(d))}
    assert not found


@pytest.mark.parametrize("split", wikinews_gold.SPLITS)
def test_no_wikinews_gold_tags_a_lone_court(split):
    if not (wikinews_gold.nerel_dir() / "train").is_dir():
        pytest.skip(f"NEREL is not in {wikinews_gold.nerel_dir()} (shared folder)")
    documents = wikinews_gold.gold_documents(split)
    assert documents
    found = {d["doc_id"]: lone for d in documents if (lone := lone_court_orgs(d))}
    assert not found
