"""The embedding the taggers read is natasha's own, loaded without the similarity
tables no stage uses (pipeline.nlp.news_embedding)."""

import numpy as np
import pytest
from natasha import NewsEmbedding, NewsNERTagger

from pipeline.nlp import news_embedding


@pytest.fixture(scope="module")
def both():
    return news_embedding(), NewsEmbedding()


def test_same_vectors_as_natasha(both):
    ours, natasha = both
    assert ours.meta.id == natasha.meta.id
    assert ours.vocab.words == natasha.vocab.words
    assert np.array_equal(ours.pq.indexes, natasha.pq.indexes)
    assert np.array_equal(ours.pq.codes, natasha.pq.codes)


def test_similarity_tables_built_on_first_use(both):
    ours, natasha = both
    fresh = news_embedding()
    assert not hasattr(fresh.pq, "ab")  # what start-up no longer pays for
    for a, b in [("суд", "приговор"), ("задержание", "арест"), ("митинг", "штраф")]:
        assert fresh.sim(a, b) == pytest.approx(natasha.sim(a, b))
    assert np.array_equal(fresh.pq.norm, natasha.pq.norm)


@pytest.mark.parametrize("text", [
    "Вчера в Казани сотрудники ФСБ задержали Ирину Валееву у здания суда.",
    "Адвокат Пётр Сомов сообщил, что Ленинский районный суд Омска назначил штраф.",
])
def test_taggers_read_the_same(both, text):
    from natasha import Doc, Segmenter

    ours, natasha = both
    found = []
    for embedding in (ours, natasha):
        doc = Doc(text)
        doc.segment(Segmenter())
        doc.tag_ner(NewsNERTagger(embedding))
        found.append([(s.start, s.stop, s.type) for s in doc.spans])
    assert found[0] == found[1] and found[0]
