"""Heavy language models, built once per process and passed to the stages.

natasha ships its models inside its wheel (nothing is downloaded); pymorphy3
carries its dictionaries in ``pymorphy3-dicts-ru``. Nothing here loads at import
time: call :func:`load_models` once and pass the result down, as natasha does.
"""

from __future__ import annotations

import gzip
import io
import mmap
import itertools
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
import pymorphy3
import razdel
from natasha import (
    MorphVocab,  # noqa: F401 - the type of Models.morph_vocab, for callers
    NewsEmbedding,
    NewsMorphTagger,
    NewsNERTagger,
    NewsSyntaxParser,
    Segmenter,
)
from natasha.data import NEWS_EMBEDDING
from navec import Navec
from navec import navec
from navec.meta import Meta
from navec.pq import PQ
from navec.tar import Tar
from navec.vocab import Vocab
from slovnet.bio import bio_spans
from slovnet.chop import chop
from slovnet.const import PAD, UNK
from slovnet.exec.encoders import WordShapeEncoder
from slovnet.exec.mask import split_masked
from slovnet.exec.model import NER, CNNEncoder, Conv1d, Morph, NavecEmbedding, Syntax, WordShapeEmbedding
from slovnet.shape import word_shape

from .morphology import from_dictionary, morph_analyzer, parse_word  # noqa: F401 - for the stages


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
    """Build every model once (about half a second and ~200 MB)."""
    embedding = news_embedding()
    with _shared_vocabularies(embedding):
        ner_tagger = NewsNERTagger(embedding)
        morph_tagger = NewsMorphTagger(embedding)
        syntax_parser = NewsSyntaxParser(embedding)
    return Models(
        segmenter=Segmenter(),
        embedding=embedding,
        ner_tagger=ner_tagger,
        morph_tagger=morph_tagger,
        syntax_parser=syntax_parser,
        morph=morph_analyzer(),
    )


def tag_and_parse(items: Sequence[Sequence[str]], models: Models) -> Iterator[tuple[tuple[str, int, str], ...]]:
    """natasha's morphology and dependency parse of each list of words, in order: per word its
    tag (``POS|Key=Value|…``, as slovnet writes it), its head (the index of another word of the
    list, -1 for a root) and its relation. What ``morph_tagger.map`` and ``syntax_parser.map``
    give, computed alike: each tagger sees the same batches its own ``map`` cuts (a batch's
    padding reaches its words' scores, so the batches must not change), but the words are encoded
    once for both where the two share their vocabularies and batch sizes (as :func:`load_models`
    builds them), their navec vectors looked up once where they share those too, and no markup
    records are made of the results."""
    morph, syntax = models.morph_tagger, models.syntax_parser
    if _same_encoding(morph, syntax) and _same_word_vectors(morph, syntax):
        ids = _tag_and_parse_batches(morph.infer.model, syntax.infer.model, _encoded(morph, items))
    else:
        if _same_encoding(morph, syntax):
            for_morph, for_syntax = itertools.tee(_encoded(morph, items))
        else:
            for_morph, for_syntax = _encoded(morph, items), _encoded(syntax, items)
        ids = ((tag_ids, head_ids, rel_ids) for tag_ids, (head_ids, rel_ids)
               in zip(morph.infer.process(for_morph), syntax.infer.process(for_syntax)))
    tags, rels = morph.infer.decoder.tags_vocab.items, syntax.infer.decoder.rels_vocab.items
    for words, (tag_ids, head_ids, rel_ids) in zip(items, ids):
        size = len(words)
        yield tuple((tags[tag], head - 1 if 0 < head <= size else -1, rels[rel])
                    for tag, head, rel in zip(tag_ids.tolist(), head_ids.tolist(), rel_ids.tolist()))


def named_entities(pieces: Sequence[str], models: Models) -> Iterator[list[tuple[str, int, int]]]:
    """natasha's named entities of each piece of text, as (type, start, stop) in the piece: what
    ``ner_tagger.map`` gives, computed alike (razdel's words, the tagger's own batches, its
    decoder's tags read into spans by slovnet's ``bio_spans`` at razdel's offsets, which are
    the ones slovnet finds again), without slovnet's token, tag and markup records and
    natasha's span records, made for every word of every piece."""
    ner = models.ner_tagger
    infer, decode = ner.infer, ner.infer.decoder.tags_vocab.decode
    for chunk in chop(pieces, ner.batch_size):
        tokens = [list(razdel.tokenize(piece)) for piece in chunk]
        predicted = _ner_tag_ids(infer, _word_shape_inputs(infer.encoder, [[token.text for token in words] for words in tokens]))
        for words, tag_ids in zip(tokens, predicted):
            spans = bio_spans(words, [decode(tag_id) for tag_id in tag_ids])
            yield [(span.type, span.start, span.stop) for span in spans]


def _ner_tag_ids(infer, inputs: Iterator) -> Iterator:
    """Per item of each encoded batch its NER tag ids: what slovnet's ``NERInfer.process`` gives,
    but, when the model is slovnet's ``NER`` with a CNN of ``Conv1d`` layers, its encoder is run
    by :func:`_cnn_encoded` (the same numbers, without ``np.pad`` at every layer)."""
    model = infer.model
    if not (type(model) is NER and type(model.emb) is WordShapeEmbedding and _plain_cnn(model.encoder)):
        yield from infer.process(inputs)  # other models' steps are not the ones taken here
        return
    for batch in inputs:
        x = _cnn_encoded(model.encoder, model.emb.word(batch.word_id), model.emb.shape(batch.shape_id), batch.pad_mask)
        yield from model.head.crf.decode(model.head(x), ~batch.pad_mask)


def _plain_cnn(encoder) -> bool:
    """Whether an encoder is slovnet's ``CNNEncoder`` of ``Conv1d`` layers, whose steps
    :func:`_cnn_encoded` takes."""
    return type(encoder) is CNNEncoder and all(type(layer.conv) is Conv1d for layer in encoder.layers)


def _word_shape_inputs(encoder, items: Sequence[Sequence[str]]) -> Iterator:
    """What slovnet's ``WordShapeEncoder`` makes of ``items``, batch by batch, each distinct
    word's shape worked out once (:func:`_word_shape`) rather than at every occurrence."""
    if type(encoder).item is not WordShapeEncoder.item:
        yield from encoder(items)
        return
    word_id, shape_id = encoder.words_vocab.encode, encoder.shapes_vocab.encode
    for batch in chop(items, encoder.batch_size):
        yield encoder.input([([word_id(word.lower()) for word in words], [shape_id(_word_shape(word)) for word in words])
                             for words in batch])


LONGEST_REMEMBERED_SHAPE = 40  # letters: a longer "word" is junk (a hash, glued text) seldom seen twice


def _word_shape(word: str) -> str:
    """slovnet's shape of a word (``RU_Xx``, ``NUM``, ``PUNCT_,``), remembered for words of
    ordinary length: a pure function of the word, asked for every word of every piece, most of
    them said many times; long junk words are not kept, so they cannot fill a worker's memory."""
    return _remembered_shape(word) if len(word) <= LONGEST_REMEMBERED_SHAPE else word_shape(word)


@lru_cache(maxsize=100_000)
def _remembered_shape(word: str) -> str:
    return word_shape(word)


def _tag_and_parse_batches(morph, syntax, inputs: Iterator) -> Iterator[tuple]:
    """Per item of each encoded batch its tag ids, head ids and relation ids: what slovnet's
    ``MorphInfer.process`` and ``SyntaxInfer.process`` give (the ``Morph`` and ``Syntax`` models'
    steps, in their order), but the words' navec vectors are looked up once for both models,
    which share them (:func:`_same_word_vectors`; the lookup was a tenth of the parse), and the
    parser's heads are decoded once (``Syntax`` decodes them for the relations, ``process``
    again for its result)."""
    for batch in inputs:
        words = morph.emb.word(batch.word_id)
        kept = ~batch.pad_mask
        x = _cnn_encoded(morph.encoder, words, morph.emb.shape(batch.shape_id), batch.pad_mask)
        tag_ids = split_masked(morph.head.decode(morph.head(x)), kept)
        x = _cnn_encoded(syntax.encoder, words, syntax.emb.shape(batch.shape_id), batch.pad_mask)
        head_ids = syntax.head.decode(syntax.head(x), kept)
        rel_ids = syntax.rel.decode(syntax.rel(x, head_ids), kept)
        yield from zip(tag_ids, split_masked(head_ids, kept), split_masked(rel_ids, kept))


def _cnn_encoded(encoder: CNNEncoder, words: np.ndarray, shapes: np.ndarray, pad_mask: np.ndarray) -> np.ndarray:
    """``encoder(np.concatenate((words, shapes), axis=-1), pad_mask)``, the same numbers: each
    layer's input is written once into an array of zeros with the convolution's padding
    around it, where slovnet concatenates the embeddings, then pads them with ``np.pad``
    (whose own overhead was as much as its copying) at every layer."""
    mask = np.expand_dims(pad_mask, axis=1)
    batch, length, width = words.shape
    x = None
    for layer in encoder.layers:
        pad = layer.conv.padding
        if x is None:
            padded = np.zeros((batch, width + shapes.shape[2], length + 2 * pad), dtype=np.result_type(words, shapes))
            padded[:, :width, pad:pad + length] = words.swapaxes(2, 1)
            padded[:, width:, pad:pad + length] = shapes.swapaxes(2, 1)
        else:
            padded = np.zeros((batch, x.shape[1], length + 2 * pad), dtype=x.dtype)
            padded[:, :, pad:pad + length] = x
        x = layer.norm(layer.relu(_convolved(layer.conv, padded)))
        x[mask.repeat(x.shape[1], axis=1)] = 0
    return np.swapaxes(x, 2, 1)


def _convolved(conv: Conv1d, padded: np.ndarray) -> np.ndarray:
    """slovnet's ``Conv1d`` of an input already padded (a C-contiguous array)."""
    batch_size, in_dim, seq_len = padded.shape
    batch_stride, in_stride, seq_stride = padded.strides
    filters_count, in_dim, kernel_size = conv.weight.shape
    windows_count = seq_len - kernel_size + 1
    windows = np.ndarray((batch_size, windows_count, in_dim, kernel_size), dtype=padded.dtype, buffer=padded.data,
                         strides=(batch_stride, padded.data.itemsize, in_stride, seq_stride))
    windows = windows.reshape(batch_size * windows_count, in_dim * kernel_size)
    weight = conv.weight.array.reshape(filters_count, in_dim * kernel_size)
    output = np.matmul(windows, weight.T) + conv.bias.array
    return output.reshape(batch_size, windows_count, filters_count).swapaxes(2, 1)


def _same_word_vectors(a, b) -> bool:
    """Whether a morphology tagger and a parser are slovnet's and embed words by the same navec
    arrays (their shapes each by its own)."""
    if not (type(a.infer.model) is Morph and type(b.infer.model) is Syntax):
        return False  # the steps of other models are not the ones :func:`_tag_and_parse_batches` takes
    if not all(_plain_cnn(m.encoder) for m in (a.infer.model, b.infer.model)):
        return False
    first, second = a.infer.model.emb.word, b.infer.model.emb.word
    return isinstance(first, NavecEmbedding) and isinstance(second, NavecEmbedding) \
        and first.indexes.array is second.indexes.array and first.codes.array is second.codes.array


def _encoded(tagger, items: Sequence[Sequence[str]]) -> Iterator:
    """A slovnet tagger's inputs for ``items``, batch by batch, as its ``map`` makes them
    (cut by the tagger's batch size, then by its encoder's). slovnet's own encoder finds each
    word's shape and ids again at every occurrence; here once per call (most words of a text
    are ones it has met: punctuation, prepositions, its names)."""
    encoder = tagger.infer.encoder
    if type(encoder).item is WordShapeEncoder.item:
        known: dict[str, tuple[int, int]] = {}
        item = partial(_word_shape_ids, encoder, known)
    else:
        item = encoder.item
    for chunk in chop(items, tagger.batch_size):
        for batch in chop(chunk, encoder.batch_size):
            yield encoder.input([item(words) for words in batch])


def _word_shape_ids(encoder, known: dict[str, tuple[int, int]], words: Sequence[str]) -> tuple[list, list]:
    """``WordShapeEncoder.item``: the words' ids and their shapes' ids, each word's read from
    ``known`` when it was met before in the same call."""
    word_ids, shape_ids = [], []
    for word in words:
        ids = known.get(word)
        if ids is None:
            ids = known[word] = (encoder.words_vocab.encode(word.lower()), encoder.shapes_vocab.encode(word_shape(word)))
        word_ids.append(ids[0])
        shape_ids.append(ids[1])
    return word_ids, shape_ids


def _same_encoding(a, b) -> bool:
    """Whether two slovnet taggers turn words into the same inputs in the same batches."""
    first, second = a.infer.encoder, b.infer.encoder
    return type(first).item is type(second).item and type(first).input is type(second).input \
        and first.words_vocab is second.words_vocab and first.shapes_vocab is second.shapes_vocab \
        and first.batch_size == second.batch_size and a.batch_size == b.batch_size


# slovnet's loader is patched for the time of one loading (below); one loading at a time.
_PATCHING = threading.Lock()


@contextmanager
def _shared_vocabularies(embedding: NewsEmbedding) -> Iterator[None]:
    """While slovnet's taggers load: one vocabulary object for each distinct list of items.

    Each of the three news taggers unpacks its own copy of the same 250,000 words
    (navec's vocabulary, in navec's order, since they index its vectors) into a list
    and a dict: a third of a second of start-up and ~70 MB per process for two
    duplicates. slovnet builds each through ``pack.bytes_vocab``; for the time of the
    loading, that hands out one ``Vocab`` per distinct content, and for the words one
    made of the embedding's own list and dict. Each tagger's copy of the words is the
    same compressed stream under another gzip header (its time stamp): one already seen
    is not decompressed again (2.5 MB each time, ~0.03 s of CPU with its decoding).
    """
    from slovnet.exec import pack
    from slovnet.vocab import Vocab

    words = "\n".join(embedding.vocab.words)
    made: dict[str, Vocab] = {}
    by_stream: dict[bytes, Vocab] = {}

    def bytes_vocab(data: bytes) -> Vocab:
        stream = deflate_stream(data)
        if stream in by_stream:
            return by_stream[stream]
        content = gzip.decompress(data).decode("utf8")
        if content not in made:
            if content == words:  # the same items: the same list, and navec's dict of them
                vocab = Vocab.__new__(Vocab)
                vocab.items, vocab.item_ids = embedding.vocab.words, embedding.vocab.word_ids
                vocab.unk_id, vocab.pad_id = vocab.item_ids.get(UNK), vocab.item_ids.get(PAD)
            else:
                vocab = Vocab(content.splitlines())
            made[content] = vocab
        by_stream[stream] = made[content]
        return made[content]

    with _PATCHING:  # two threads loading at once would restore each other's patch
        original = pack.bytes_vocab
        pack.bytes_vocab = bytes_vocab
        try:
            yield
        finally:
            pack.bytes_vocab = original


def deflate_stream(data: bytes) -> bytes:
    """What decides a gzip member's content: its compressed stream and trailer, without
    the header's time stamp; the whole of ``data`` where the header has optional fields
    (a name, a comment) or is not a gzip header. The same stream decompresses to the same
    content, so two members with the same stream hold the same bytes.

    >>> deflate_stream(gzip.compress("слово".encode(), mtime=1)) == deflate_stream(gzip.compress("слово".encode(), mtime=2))
    True
    >>> deflate_stream(gzip.compress("слово".encode(), mtime=1)) == deflate_stream(gzip.compress("слова".encode(), mtime=1))
    False
    """
    if len(data) > 10 and data[:3] == b"\x1f\x8b\x08" and data[3] == 0:  # deflate, no optional fields
        return data[10:]
    return data


class _TaggersPQ(PQ):
    """navec's product-quantised vectors without the tables for word similarity.

    navec builds those on load (a norm per word and a 100 x 256 x 256 product table:
    0.4 s and 30 MB of every process's start-up), but slovnet's taggers read only
    ``indexes`` and ``codes``; :meth:`sim`, which needs them, builds them on first use.
    """

    def precompute(self) -> None:
        self.qdims = np.arange(self.qdim)

    def sim(self, a, b):
        if not hasattr(self, "ab"):
            PQ.precompute(self)
        return PQ.sim(self, a, b)


def news_embedding(path: str = NEWS_EMBEDDING) -> NewsEmbedding:
    """natasha's ``NewsEmbedding()``, the same vectors, read as navec's ``Navec.load``
    reads them but without the similarity tables no stage uses (:class:`_TaggersPQ`),
    and with its arrays mapped from the file in place (:func:`mapped_pq`)."""
    with Tar(path) as tar:
        meta = Meta.from_file(tar.load(navec.META))
        Meta.check_protocol(meta.protocol)
        vocab = Vocab.from_file(tar.load(navec.VOCAB))
        pq = mapped_pq(tar) or _TaggersPQ.from_file(tar.load(navec.PQ_))
    embedding = NewsEmbedding.__new__(NewsEmbedding)
    Navec.__init__(embedding, meta, vocab, pq)
    return embedding


def mapped_pq(tar: Tar, name: str = navec.PQ_) -> _TaggersPQ | None:
    """navec's quantised vectors (25 MB: a code per word and part, and the centroids)
    as read-only arrays mapped from the embedding's tar file where they lie, instead of
    read into memory: the same bytes, in the layout ``PQ.from_file`` reads (four counts,
    the indexes, the codes), with nothing copied at start-up and the pages shared by
    every process that maps them. None where the archive is compressed, the member not
    stored plainly or its codes not aligned, or the file cannot be mapped: then it is read."""
    member = tar.tar.getmember(name)
    if not isinstance(tar.tar.fileobj, io.BufferedReader) or not member.isreg() or member.issparse() \
            or member.size < 16:
        return None
    try:
        with open(tar.path, "rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    start = member.offset_data
    if start + member.size > len(mapped) or mapped[start:start + 16] != tar.load(name).read(16):
        return None
    vectors, dim, qdim, centroids = np.frombuffer(mapped, np.uint32, count=4, offset=start)
    at_codes = start + 16 + int(vectors) * int(qdim)
    n_codes = (start + member.size - at_codes) // 4
    if at_codes % 4 or n_codes <= 0 or n_codes % (int(qdim) * int(centroids)):
        return None
    indexes = np.frombuffer(mapped, np.uint8, count=int(vectors) * int(qdim), offset=start + 16)
    codes = np.frombuffer(mapped, np.float32, count=n_codes, offset=at_codes)
    return _TaggersPQ(vectors, dim, qdim, centroids, indexes.reshape(vectors, qdim),
                      codes.reshape(qdim, centroids, -1))


@lru_cache(maxsize=1)
def natasha_morph_vocab() -> MorphVocab:
    return MorphVocab()
