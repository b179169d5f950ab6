"""The models are natasha's own, loaded faster: the embedding without the similarity
tables no stage uses (pipeline.nlp.news_embedding), the taggers sharing one copy of
their word vocabulary. What they find must be what natasha's stock loading finds."""

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


@pytest.fixture(scope="module")
def stock_taggers():
    from natasha import NewsMorphTagger, NewsSyntaxParser

    embedding = NewsEmbedding()
    return NewsNERTagger(embedding), NewsMorphTagger(embedding), NewsSyntaxParser(embedding)


@pytest.mark.parametrize("text", [
    "Вчера в Казани сотрудники ФСБ задержали Ирину Валееву у здания суда.",
    "Адвокат Пётр Сомов сообщил, что Ленинский районный суд Омска назначил штраф в 20 000 рублей.",
    "Задержанного доставили в ОП №5, где продержали до утра без еды и воды; протокол не выдали.",
    "Zdravstvuyte, это письмо qwertyuiop ёжиков и щщщ неизвестных словоформ.",  # unknown words
])
def test_loaded_models_tag_as_natashas_stock_ones(models, stock_taggers, text):
    from natasha import Doc, Segmenter

    def read(ner, morph, syntax):
        doc = Doc(text)
        doc.segment(Segmenter())
        doc.tag_ner(ner)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        return ([(s.start, s.stop, s.type) for s in doc.spans],
                [(t.text, t.pos, dict(t.feats), t.head_id, t.rel) for t in doc.tokens])

    assert read(models.ner_tagger, models.morph_tagger, models.syntax_parser) == read(*stock_taggers)


def test_the_taggers_share_one_word_vocabulary_and_slovnet_is_left_as_it_was(models):
    from slovnet.exec import pack

    from pipeline.nlp import load_models

    encoders = [models.ner_tagger.infer.encoder, models.morph_tagger.infer.encoder,
                models.syntax_parser.infer.encoder]
    assert all(e.words_vocab is encoders[0].words_vocab for e in encoders)
    assert encoders[0].words_vocab.items is models.embedding.vocab.words
    before = pack.bytes_vocab
    load_models()
    assert pack.bytes_vocab is before and before.__module__ == "slovnet.exec.pack"


def test_slovnet_is_left_as_it_was_when_loading_fails(both):
    from slovnet.exec import pack

    from pipeline.nlp import _shared_vocabularies

    before = pack.bytes_vocab
    with pytest.raises(RuntimeError), _shared_vocabularies(both[0]):
        assert pack.bytes_vocab is not before  # patched while loading
        raise RuntimeError("a tagger failed to load")
    assert pack.bytes_vocab is before


def _gzip(text: str, mtime: int, name: str | None = None) -> bytes:
    import gzip
    import io

    if name is None:
        return gzip.compress(text.encode(), mtime=mtime)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=mtime) as f:
        f.write(text.encode())
    return buffer.getvalue()


# (one member, another, whether they are taken for the same content without decompressing)
STREAMS = [
    (_gzip("арест\nштраф\nсуд", 1), _gzip("арест\nштраф\nсуд", 2), True),  # only the time stamp differs
    (_gzip("арест\nштраф\nсуд", 1), _gzip("арест\nштраф\nсуд", 1), True),
    (_gzip("арест\nштраф\nсуд", 1), _gzip("арест\nштраф\nсудья", 1), False),
    (_gzip("арест\nштраф", 1), _gzip("штраф\nарест", 2), False),
    (_gzip("арест", 1, name="a.txt"), _gzip("арест", 2, name="a.txt"), False),  # a named header: whole bytes
    (_gzip("арест", 1, name="a.txt"), _gzip("арест", 1, name="a.txt"), True),
    (b"not gzip at all", b"not gzip at all", True),
    (b"", b"", True),
]


@pytest.mark.parametrize("first, second, same", STREAMS)
def test_a_gzip_member_is_known_by_its_compressed_stream(first, second, same):
    import gzip

    from pipeline.nlp import deflate_stream

    assert (deflate_stream(first) == deflate_stream(second)) == same
    if same and first.startswith(b"\x1f\x8b"):
        assert gzip.decompress(first) == gzip.decompress(second)


def test_the_taggers_word_list_is_decompressed_once(monkeypatch):
    """The three taggers carry the embedding's 250,000 words as the same compressed
    stream: decompressed once, for the first, and known by its stream for the others."""
    import gzip

    from pipeline.nlp import load_models

    sizes = []
    decompress = gzip.decompress

    def counted(data, *args, **kwargs):
        content = decompress(data, *args, **kwargs)
        sizes.append(len(content))
        return content

    monkeypatch.setattr(gzip, "decompress", counted)
    models = load_models()
    words = len("\n".join(models.embedding.vocab.words).encode())
    assert sizes.count(words) == 1
    encoders = [models.ner_tagger.infer.encoder, models.morph_tagger.infer.encoder,
                models.syntax_parser.infer.encoder]
    assert all(e.words_vocab.items is models.embedding.vocab.words for e in encoders)


def _pq_tar(folder, vectors: int, qdim: int, centroids: int, subdim: int, mode: str):
    """A navec-like tar holding only its quantised vectors (the layout ``PQ.from_file``
    reads), with arrays of invented values; the arrays and the tar's path."""
    import io
    import tarfile

    rng = np.random.default_rng(vectors * 1000 + qdim)
    indexes = rng.integers(0, centroids, size=(vectors, qdim), dtype=np.uint8)
    codes = rng.standard_normal((qdim, centroids, subdim)).astype(np.float32)
    data = (np.array([vectors, qdim * subdim, qdim, centroids], np.uint32).tobytes()
            + indexes.tobytes() + codes.tobytes())
    path = folder / ("pq.tar" + ("" if mode == "w" else "." + mode.split(":")[1]))
    with tarfile.open(path, mode) as tar:
        info = tarfile.TarInfo("meta.json")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"{}"))
        info = tarfile.TarInfo("pq.bin")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return indexes, codes, path


# (vectors, parts, centroids, values per part, how the tar is written, mapped in place)
PQ_TARS = [
    (40, 10, 16, 3, "w", True),
    (250, 100, 256, 3, "w", True),  # navec's shape, fewer words
    (3, 1, 4, 2, "w", False),  # 3 bytes of indexes: the codes would not be aligned
    (40, 10, 16, 3, "w:gz", False),  # a compressed archive cannot be mapped
    (40, 10, 16, 3, "w:xz", False),
]


@pytest.mark.parametrize("vectors, qdim, centroids, subdim, mode, mapped", PQ_TARS)
def test_the_quantised_vectors_are_mapped_from_a_plain_tar(tmp_path, vectors, qdim, centroids, subdim, mode,
                                                            mapped):
    """Mapped where they lie in a plain tar, read (as navec reads them) anywhere else: the
    same arrays either way, never writable."""
    import mmap

    from navec.tar import Tar

    from pipeline.nlp import _TaggersPQ, mapped_pq

    indexes, codes, path = _pq_tar(tmp_path, vectors, qdim, centroids, subdim, mode)
    with Tar(str(path)) as tar:
        pq = mapped_pq(tar, "pq.bin")
        assert (pq is not None) == mapped
        pq = pq or _TaggersPQ.from_file(tar.load("pq.bin"))
    assert (pq.vectors, pq.dim, pq.qdim, pq.centroids) == (vectors, qdim * subdim, qdim, centroids)
    assert np.array_equal(pq.indexes, indexes) and np.array_equal(pq.codes, codes)
    assert pq.codes.dtype == np.float32 and not pq.indexes.flags.writeable
    assert isinstance(_memory_of(pq.indexes), mmap.mmap) == mapped


def _memory_of(array: np.ndarray):
    """What holds an array's bytes (an mmap, bytes read into memory, ...)."""
    base = array
    while isinstance(base, (np.ndarray, memoryview)):
        base = base.base if isinstance(base, np.ndarray) else base.obj
    return base


def test_natashas_embedding_is_mapped_not_read(both):
    import mmap

    ours, natasha = both
    assert all(isinstance(_memory_of(a), mmap.mmap) for a in (ours.pq.indexes, ours.pq.codes))
    assert not isinstance(_memory_of(natasha.pq.indexes), mmap.mmap)
    assert not ours.pq.codes.flags.writeable and ours.pq.codes.flags.aligned
