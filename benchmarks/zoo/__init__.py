"""A zoo of PDFs made by every producer we can install, from texts whose words we know.

:func:`build` typesets the zoo texts (``benchmarks.zoo.texts``) with each
producer (``benchmarks.zoo.producers``) into a folder: ``NAME.pdf`` and the
reference ``NAME.txt`` beside it, and ``manifest.json`` listing what was made,
what was skipped (a missing tool) and what failed. ``benchmarks/pdf_zoo.py``
scores extraction on it; ``scripts/make_pdf_zoo.py`` builds it for a look.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.zoo.producers import PRODUCERS, Producer, ProducerFailed, scratch
from benchmarks.zoo.texts import ZooText, load_texts, reference_text

MANIFEST = "manifest.json"
SHORT_TEXT = 3500  # characters: OCR'd texts are kept to a page or two


@dataclass(frozen=True, slots=True)
class Entry:
    name: str  # producer__text
    producer: str
    kind: str  # text | image
    text: str
    origin: str
    pdf: str  # file names inside the zoo folder
    reference: str
    seconds: float


def assign(texts: list[ZooText], producers: tuple[Producer, ...], per_producer: int) -> dict[str, list[ZooText]]:
    """Which texts each producer typesets: statements and NEREL articles in turn, so every
    producer gets a mix and every text meets several producers. Image producers (OCR'd by
    the benchmark) get short texts only."""
    statements = [t for t in texts if t.origin != "nerel"]
    articles = [t for t in texts if t.origin == "nerel"]
    short = [t for t in texts if len(reference_text(t)) <= SHORT_TEXT]
    chosen: dict[str, list[ZooText]] = {}
    text_index = image_index = 0
    for producer in producers:
        picked: list[ZooText] = []
        if producer.kind == "image":
            for k in range(per_producer):
                picked.append(short[(image_index * 2 + k * 5) % len(short)])
            image_index += 1
        else:
            for k in range(per_producer):
                if articles and k % 3 == 2:
                    picked.append(articles[(text_index + k // 3) % len(articles)])
                else:
                    picked.append(statements[(text_index * 2 + k - k // 3) % len(statements)])
            text_index += 1
        chosen[producer.name] = list(dict.fromkeys(picked))
    return chosen


def build(
    folder: Path,
    producers: tuple[Producer, ...] = PRODUCERS,
    per_producer: int = 3,
    image_per_producer: int = 1,
    log=print,
) -> dict:
    """Make the zoo in ``folder``; the manifest (also written to ``folder/manifest.json``)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = load_texts()
    text_producers = tuple(p for p in producers if p.kind == "text")
    image_producers = tuple(p for p in producers if p.kind == "image")
    plan = assign(texts, text_producers, per_producer) | assign(texts, image_producers, image_per_producer)
    entries, skipped, failed = [], {}, {}
    for producer in producers:
        reason = producer.missing()
        if reason:
            skipped[producer.name] = reason
            log(f"skip {producer.name}: {reason}")
            continue
        for text in plan[producer.name]:
            name = f"{producer.name}__{text.name}"
            pdf, reference = folder / f"{name}.pdf", folder / f"{name}.txt"
            started = time.perf_counter()
            with scratch() as work:
                try:
                    producer.make(text, pdf, Path(work))
                except (ProducerFailed, OSError, ValueError, RuntimeError) as error:
                    failed[name] = f"{type(error).__name__}: {error}"
                    log(f"FAILED {name}: {error}")
                    continue
            seconds = time.perf_counter() - started
            reference.write_text(reference_text(text) + "\n", encoding="utf-8")
            entries.append(Entry(name, producer.name, producer.kind, text.name, text.origin, pdf.name,
                                 reference.name, round(seconds, 2)))
            log(f"made {name} ({seconds:.1f} s)")
    manifest = {"entries": [asdict(e) for e in entries], "skipped": skipped, "failed": failed}
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def read_manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


__all__ = ["MANIFEST", "Entry", "build", "read_manifest"]
