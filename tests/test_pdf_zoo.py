"""The CI part of the PDF zoo: one text through every producer CI installs, scored as
``benchmarks/pdf_zoo.py`` scores the whole zoo.

Each producer's PDF must give back >= 98% of its words both ways (>= 95% after OCR
for the PDFs without a usable text layer), and a PDF whose text layer is unusable
is never read as a plain ``ok``. A producer whose tool is missing skips, saying which.
"""

from __future__ import annotations

import pytest

from benchmarks.pdf_zoo import OCR_TARGET, TEXT_TARGET, read_pipeline, score, words
from benchmarks.zoo import build
from benchmarks.zoo.producers import PRODUCERS
from pipeline.extract.ocr import ocr_available

CI_PRODUCERS = [p for p in PRODUCERS if p.ci]


@pytest.fixture(scope="module")
def zoo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf_zoo")
    manifest = build(folder, tuple(CI_PRODUCERS), per_producer=1, image_per_producer=1, log=lambda line: None)
    return folder, manifest


@pytest.mark.parametrize("producer", CI_PRODUCERS, ids=lambda p: p.name)
def test_producer_pdf_gives_back_its_words(zoo, producer):
    folder, manifest = zoo
    if producer.name in manifest["skipped"]:
        pytest.skip(f"{producer.name}: {manifest['skipped'][producer.name]}")
    failed = {name: why for name, why in manifest["failed"].items() if name.startswith(f"{producer.name}__")}
    assert not failed, failed
    (entry,) = [e for e in manifest["entries"] if e["producer"] == producer.name]
    text, status = read_pipeline(folder / entry["pdf"])
    if producer.kind == "image":
        assert status != "ok", "an unusable text layer passed as a plain ok"
        if not ocr_available():
            assert status.startswith("error") and "OCR needed" in status
            pytest.skip("Tesseract with Russian is not installed: the scores need OCR")
    reference = (folder / entry["reference"]).read_text(encoding="utf-8")
    result = score(words(reference), words(text), 0.0, status)
    target = TEXT_TARGET if producer.kind == "text" else OCR_TARGET
    assert result.meets(target), f"{entry['name']}: recall {result.recall}, precision {result.precision}"
    if producer.kind == "text":
        assert status == "ok", f"{entry['name']}: a good text layer was flagged: {status}"
