"""Sentences and tokens of clean text (razdel, natasha's segmenter).

Clean text holds one paragraph a line, so a sentence never crosses a line
break: each paragraph is split on its own.
"""

from __future__ import annotations

import re

from razdel import sentenize, tokenize

from .records import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of clean text with offsets into it and their token counts.

    >>> [s.text for s in split_sentences("Трое задержаны. Двое оштрафованы.\\nИтоги")]
    ['Трое задержаны.', 'Двое оштрафованы.', 'Итоги']
    >>> split_sentences("Трое задержаны.")[0].n_tokens
    3
    """
    sentences = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        for piece in sentenize(paragraph.group()):
            if not piece.text.strip():
                continue
            start, end = base + piece.start, base + piece.stop
            n_tokens = sum(1 for _ in tokenize(piece.text))
            sentences.append(Sentence(start, end, piece.text, n_tokens))
    return tuple(sentences)
