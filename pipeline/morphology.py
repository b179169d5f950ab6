"""pymorphy3, the project's own morphology, on its own: nothing but pymorphy3 imported.

Split from :mod:`pipeline.nlp` (which imports natasha, slovnet, navec and numpy: about
a fifth of a second) because the extract stage needs the dictionary alone, to tell
known words from garbled ones. A batch forks its read-ahead process
(:mod:`pipeline.batch.ahead`) once the extract stage is imported: the less that import
takes, the sooner the spare core starts reading PDFs, and the read-ahead never pays
for natasha, which it does not use. :mod:`pipeline.nlp` gives the same functions
(the same objects, so one analyzer and one cache per process).
"""

from __future__ import annotations

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def morph_analyzer() -> pymorphy3.MorphAnalyzer:
    """The process's one pymorphy3 analyzer (its dictionaries take ~100 ms to open)."""
    return pymorphy3.MorphAnalyzer()


def from_dictionary(parse) -> bool:
    """Whether pymorphy3 read this parse from its dictionary, not guessed it from the
    word's ending (an unknown word)."""
    return parse.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"


@lru_cache(maxsize=200_000)
def parse_word(word: str):
    """pymorphy3 parses of a word, cached: testimony repeats its words a lot."""
    return morph_analyzer().parse(word)
