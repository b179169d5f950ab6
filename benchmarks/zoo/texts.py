"""The texts of the PDF zoo: what each PDF says, and so what extraction must give back.

Sources are the two real sample statements (``data/raw``), the constructed
statements of ``data/dev`` and ``data/heldout``, and a few NEREL dev articles
(Russian Wikinews) read from ``../shared/data/nerel`` at build time and never
copied here. Each becomes a :class:`ZooText`: a title and paragraphs, some
paragraphs carrying footnotes. A footnote is the paragraph's last sentence moved
to a note whose marker follows a word of the first sentence, so the words of a
document stay the words of its source while producers draw markers, note areas
and small type.

The reference a PDF is scored against is :func:`reference_text`: every word of
the title, paragraphs and notes, without the note markers (extraction keeps
markers out of the words they sit on).
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "data" / "raw"
DEV = REPO / "data" / "dev" / "raw"
HELDOUT = REPO / "data" / "heldout" / "raw"

NOTE_EVERY = 3  # every third paragraph of two sentences or more gets a footnote
NEREL_ARTICLES = 4
NEREL_CHARS = (1500, 4000)  # articles of one or two pages

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(]?[А-ЯЁA-Z0-9])")
_LINE_END_HYPHEN = re.compile(r"(\w)-\n(?=[а-яё])")


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: its marker goes at ``at`` (a character offset of the paragraph)."""

    at: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    heading: bool = False
    notes: tuple[Note, ...] = ()

    def pieces(self) -> list[str | Note]:
        """The paragraph's text split at its notes' markers, for producers to render."""
        out: list[str | Note] = []
        start = 0
        for note in self.notes:
            out += [self.text[start : note.at], note]
            start = note.at
        out.append(self.text[start:])
        return out


@dataclass(frozen=True, slots=True)
class ZooText:
    name: str  # e.g. dev_01_uralsk, nerel_119336
    origin: str  # sample, dev, heldout, nerel
    paragraphs: tuple[Paragraph, ...] = field(repr=False)

    @property
    def title(self) -> Paragraph:
        return self.paragraphs[0]

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return self.paragraphs[1:]

    def notes(self) -> list[Note]:
        return [note for paragraph in self.paragraphs for note in paragraph.notes]


def reference_text(text: ZooText) -> str:
    """Every word the typeset document shows, markers left out: paragraphs, then notes."""
    return "\n".join([p.text for p in text.paragraphs] + [note.text for note in text.notes()])


@cache
def _sample_reflow():
    """``reflow`` of scripts/make_sample_pdfs.py: it knows the samples' hard-wrapped layout."""
    spec = importlib.util.spec_from_file_location("make_sample_pdfs", REPO / "scripts" / "make_sample_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.reflow


def split_paragraphs(text: str) -> list[tuple[str, bool]]:
    """Paragraphs of a statement as (text, is_heading).

    Blocks are separated by blank lines; a block of several short lines was
    wrapped by hand and is joined (a line-end hyphen before a lower-case letter
    glued, as a reader would); a block of long lines holds one paragraph a line.

    >>> split_paragraphs("ЗАЯВЛЕНИЕ\\n\\nЗадержаны трое уча-\\nстников пикета.\\nИх отпустили.")
    [('ЗАЯВЛЕНИЕ', True), ('Задержаны трое участников пикета. Их отпустили.', False)]
    """
    out: list[tuple[str, bool]] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and max(map(len, lines)) <= 100:
            joined = _LINE_END_HYPHEN.sub(r"\1", "\n".join(lines)).replace("\n", " ")
            paragraphs = [joined]
        else:
            paragraphs = lines
        for paragraph in paragraphs:
            paragraph = re.sub(r"\s+", " ", paragraph)
            heading = len(paragraph) < 90 and not paragraph.endswith((".", ",", ";", ":"))
            out.append((paragraph, heading))
    return out


def add_notes(paragraphs: list[tuple[str, bool]]) -> tuple[Paragraph, ...]:
    """Paragraphs with every third long one's last sentence moved into a footnote.

    The marker follows the last word of the paragraph's first sentence: before
    its full stop on even notes, after it on odd ones (both are common).
    """
    out: list[Paragraph] = []
    eligible = 0
    for index, (text, heading) in enumerate(paragraphs):
        sentences = _SENTENCE_END.split(text)
        if index == 0 or heading or len(sentences) < 2:
            out.append(Paragraph(text, heading))
            continue
        eligible += 1
        if eligible % NOTE_EVERY:
            out.append(Paragraph(text, heading))
            continue
        body, moved = " ".join(sentences[:-1]), sentences[-1]
        first = sentences[0]
        at = len(first) - 1 if len(out) % 2 == 0 and first[-1:] in ".!?" else len(first)
        out.append(Paragraph(body, False, (Note(at, moved),)))
    return tuple(out)


def nerel_dir() -> Path:
    return Path(os.environ.get("NEREL_DIR") or REPO.parent / "shared" / "data" / "nerel")


def nerel_articles(count: int = NEREL_ARTICLES) -> list[tuple[str, str]]:
    """The first ``count`` NEREL dev articles of one or two pages, as (name, text), in name
    order, skipping the held-out and validation Wikinews articles (NEREL texts whose
    pipeline output nobody may read); none without NEREL."""
    from benchmarks.ner_peers import nerel_texts

    folder = nerel_dir() / "dev"
    if not folder.is_dir():
        return []
    picked = []
    for path in nerel_texts(folder)[0]:
        text = path.read_text(encoding="utf-8")
        if NEREL_CHARS[0] <= len(text) <= NEREL_CHARS[1]:
            picked.append((f"nerel_{path.stem.removesuffix('_text')}", text))
        if len(picked) == count:
            break
    return picked


def load_texts() -> list[ZooText]:
    """Every zoo text: samples, dev and held-out statements, NEREL articles (if present)."""
    texts = []
    reflow = _sample_reflow()
    for path in sorted(SAMPLES.glob("*.txt")):
        paragraphs = [(text, kind == "heading") for kind, text in reflow(path.read_text(encoding="utf-8"))]
        texts.append(ZooText(f"sample_{path.stem[:3]}", "sample", add_notes(paragraphs)))
    for origin, folder in (("dev", DEV), ("heldout", HELDOUT)):
        for path in sorted(folder.glob("*.txt")):
            paragraphs = split_paragraphs(path.read_text(encoding="utf-8"))
            texts.append(ZooText(path.stem, origin, add_notes(paragraphs)))
    for name, text in nerel_articles():
        texts.append(ZooText(name, "nerel", add_notes(split_paragraphs(text))))
    return texts
