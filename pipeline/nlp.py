"""Heavy language models, built once per process and passed to the stages.

natasha ships its models inside its wheel (nothing is downloaded); pymorphy3
carries its dictionaries in ``pymorphy3-dicts-ru``. Nothing here loads at import
time: call :func:`load_models` once and pass the result down, as natasha does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pymorphy3
from natasha import (
    MorphVocab,  # noqa: F401 - the type of Models.morph_vocab, for callers
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)


@dataclass(frozen=True, slots=True)
class Models:
    segmenter: Segmenter
    embedding: NewsEmbedding
    ner_tagger: NewsNERTagger
    morph_tagger: NewsMorphTagger
    syntax_parser: NewsSyntaxParser
    morph: pymorphy3.MorphAnalyzer  # our own morphology

    @property
    def morph_vocab(self) -> MorphVocab:
        """natasha's pymorphy2 vocabulary (for its Dates and Money extractors). No stage
        uses it, so it is built on first use: opening it looks up pymorphy2's dictionaries
        through setuptools' entry points, about half a second of every batch's start-up."""
        return natasha_morph_vocab()


def load_models() -> Models:
    """Build every model once (about a second and ~200 MB)."""
    embedding = NewsEmbedding()
    return Models(
        segmenter=Segmenter(),
        embedding=embedding,
        ner_tagger=NewsNERTagger(embedding),
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
        morph=morph_analyzer(),
    )


@lru_cache(maxsize=1)
def natasha_morph_vocab() -> MorphVocab:
    return MorphVocab()


@lru_cache(maxsize=1)
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    """The process's one pymorphy3 analyzer (its dictionaries take ~100 ms to open)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parse_word(word: str):
    """pymorphy3 parses of a word, cached: testimony repeats its words a lot."""
    return morph_analyzer().parse(word)
