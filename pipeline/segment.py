"""Sentences and tokens of clean text (razdel, natasha's segmenter).

Clean text holds one paragraph a line, so a sentence never crosses a line
break: each paragraph is split on its own.
"""

from __future__ import annotations

import re

from razdel import sentenize, tokenize

from .records import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
# A "sentence" longer than this is a list (5,000 names joined by commas): it is cut
# after a comma or semicolon, so that every stage after this one works on pieces of
# bounded length. Real sentences stay far below it (at most ~200 tokens seen).
MAX_SENTENCE_TOKENS = 600


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of clean text with offsets into it and their token counts.

    >>> [s.text for s in split_sentences("Трое задержаны. Двое оштрафованы.\\nИтоги")]
    ['Трое задержаны.', 'Двое оштрафованы.', 'Итоги']
    >>> split_sentences("Трое задержаны.")[0].n_tokens
    3
    >>> [s.n_tokens for s in split_sentences("Задержаны " + "Иванов, " * 400 + "Петров.")]
    [599, 204]
    """
    sentences = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        for piece in sentenize(paragraph.group()):
            if not piece.text.strip():
                continue
            tokens = list(tokenize(piece.text))
            if len(tokens) <= MAX_SENTENCE_TOKENS:
                start, end = base + piece.start, base + piece.stop
                sentences.append(Sentence(start, end, piece.text, len(tokens)))
                continue
            for part in cut_long(tokens, MAX_SENTENCE_TOKENS):
                start, end = base + piece.start + part[0].start, base + piece.start + part[-1].stop
                sentences.append(Sentence(start, end, text[start:end], len(part)))
    return tuple(sentences)


def cut_long(tokens: list, size: int) -> list[list]:
    """Tokens (razdel's, or anything with ``text``) in runs of at most ``size``, each cut
    after the last comma or semicolon of its second half (anywhere if it has none).

    >>> [len(run) for run in cut_long(list(tokenize("а б, в г д, е, ж з и")), size=5)]
    [3, 4, 5]
    """
    runs = []
    while len(tokens) > size:
        cut = max((k + 1 for k in range(size // 2, size) if tokens[k].text in ",;"), default=size)
        runs.append(tokens[:cut])
        tokens = tokens[cut:]
    return runs + [tokens]
