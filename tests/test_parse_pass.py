"""natasha's morphology and syntax in one pass (pipeline.nlp.tag_and_parse), and the events
stage's parse built on it: what natasha's own ``morph_tagger.map`` and ``syntax_parser.map``
give, word for word, whatever the batches; and a text-only worker importing no PDF reader and
no word-frequency list it does not ask for."""

import copy
import subprocess
import sys

import pytest
from razdel import tokenize

from pipeline.events.triggers import acyclic_heads, parse_sentences
from pipeline.nlp import Models, tag_and_parse
from pipeline.records import Sentence
from pipeline.segment import split_sentences

# New sentences of the shapes testimony has: short and long, names, numbers, quotes,
# a list, punctuation only, a single word, Latin letters.
SENTENCES = [
    "Утром 3 апреля в Самаре полицейские задержали двоих студентов у здания мэрии.",
    "Суд назначил Олегу Викторовичу Лаптеву штраф в размере 20 000 рублей.",
    "Нет.",
    "«Мы не нарушали закон», — сказала Анна Кречетова журналистам.",
    "Задержаны: Быстров, Галиева, Дорохов, Елисеева, Жаров, Зуева, Исаев, Климова, Лосев, Мухина.",
    "!!!",
    "Акцию «Free Press» разогнали через 15 минут; организаторов вывезли в ОВД «Пресненский».",
    "Её не задерживали, но вручили предупреждение о недопустимости нарушения закона.",
    "Он провёл в спецприёмнике десять суток и вышел 14.05.2021 г.",
    "Пикет у памятника Пушкину продолжался два часа, после чего участники разошлись по домам, "
    "а полиция составила протоколы на троих из них по статье 20.2 КоАП РФ.",
    "Сотрудники",
]


def _natasha_reading(words: list[list[str]], models: Models) -> list[list[tuple[str, int, str]]]:
    """What natasha's own taggers say of each list of words, as (tag, head index, relation)."""
    from slovnet.markup import format_conll_tag

    found = []
    morph, syntax = models.morph_tagger.map(words), models.syntax_parser.map(words)
    for tags, tree in zip(morph, syntax):
        position = {token.id: i for i, token in enumerate(tree.tokens)}
        found.append([(format_conll_tag(tag.pos, tag.feats), position.get(token.head_id, -1), token.rel)
                      for tag, token in zip(tags.tokens, tree.tokens)])
    return found


def _words(sentences: list[str]) -> list[list[str]]:
    return [[t.text for t in tokenize(s)] for s in sentences]


@pytest.mark.parametrize("count", [1, 3, 8, 9, len(SENTENCES)])
def test_one_pass_reads_what_natasha_reads(models, count):
    """Every word's tag, head and relation, for batches cut short, whole and spilling over."""
    words = _words(SENTENCES[:count])
    assert [list(w) for w in tag_and_parse(words, models)] == _natasha_reading(words, models)


def test_one_pass_keeps_each_taggers_own_batches(models):
    """Taggers that cut other batches (padding reaches the scores) are read each in its own."""
    syntax = copy.copy(models.syntax_parser)
    syntax.batch_size = 3
    other = Models(models.segmenter, models.embedding, models.ner_tagger, models.morph_tagger, syntax, models.morph)
    words = _words(SENTENCES)
    assert [list(w) for w in tag_and_parse(words, other)] == _natasha_reading(words, other)


def test_events_parse_is_natashas(models):
    """The events stage's tokens carry natasha's part of speech, features, heads and relations."""
    text = "\n".join(SENTENCES)
    sentences = [s for s in split_sentences(text)]
    parsed = list(parse_sentences(sentences, models))
    words = _words([s.text for s in sentences])
    expected = _natasha_reading(words, models)
    assert [[t.text for t in tokens] for tokens in parsed] == words
    for tokens, reading in zip(parsed, expected):
        heads = acyclic_heads([head for _, head, _ in reading])
        assert [t.head for t in tokens] == heads
        for token, (tag, _, rel) in zip(tokens, reading):
            pos, _, feats = tag.partition("|")
            assert token.pos == pos
            assert token.feats == (frozenset(feats.split("|")) if feats else frozenset())
            assert token.rel == rel


def test_a_sentence_with_no_words_parses_to_nothing(models):
    assert list(parse_sentences([Sentence(0, 1, " ", 0)], models)) == [()]


# A worker that loads its own models (a rerun of a few files) and reads a text file.
TEXT_ONLY_WORKER = """
import sys, pathlib, tempfile
from pipeline.batch import run
models = run.load_own_models()
folder = pathlib.Path(tempfile.mkdtemp())
path = folder / "statement.txt"
path.write_text(sys.argv[1], encoding="utf-8")
found = run.process_file(path, "statement", models)
print(len(found.events), *sorted(m for m in ("pdfplumber", "pdfminer", "pypdfium2", "wordfreq") if m in sys.modules))
"""


@pytest.mark.parametrize("text, events", [
    ("12 марта 2022 года в Перми полиция задержала Семёна Ларина на одиночном пикете.", 2),
    ("Районный суд оштрафовал Веру Соколову на 10 000 рублей за участие в шествии.", 1),
    ("Погода была тёплой.", 0),
])
def test_a_text_only_worker_imports_no_pdf_reader_nor_word_lists(text, events):
    result = subprocess.run([sys.executable, "-c", TEXT_ONLY_WORKER, text], capture_output=True, text=True,
                            check=True, timeout=300)
    assert result.stdout.split() == [str(events)]


# Pieces of text for natasha's NER, invented: names of people, places and bodies, quotes,
# Latin letters, a name split over a hyphen, nothing to find, an empty-looking piece.
NER_PIECES = SENTENCES + [
    "Жительницу Красноярска Марину Сергеевну Волкову вызвали в Центр «Э» ГУ МВД по Красноярскому краю.",
    "Адвокат Пётр Иванов-Сидоров (Peter Ivanov) подал жалобу в Европейский суд по правам человека.",
    "В Минске и Гродно прошли обыски у сотрудников «Вясны».",
    "и",
    "   ",
]


def _natasha_entities(pieces: list[str], models: Models) -> list[list[tuple[str, int, int]]]:
    return [[(span.type, span.start, span.stop) for span in markup.spans]
            for markup in models.ner_tagger.map(pieces)]


@pytest.mark.parametrize("count", [1, 7, 8, 9, 12, len(NER_PIECES)])
def test_entities_are_what_natasha_finds(models, count):
    """Every span's type and offsets, for batches cut short, whole and spilling over."""
    from pipeline.nlp import named_entities

    pieces = NER_PIECES[:count]
    assert list(named_entities(pieces, models)) == _natasha_entities(pieces, models)


@pytest.mark.parametrize("word, kept", [("Иванов", True), ("ОВД", True), ("ж" * 40, True), ("ж" * 41, False),
                                         ("a1b2" * 30, False)])
def test_only_words_of_ordinary_length_keep_their_shape(word, kept):
    """The NER word shapes are remembered per process, but a long junk word (a hash, glued text)
    is not, so a batch of junk cannot fill a worker's memory; its shape is slovnet's all the same."""
    from slovnet.shape import word_shape

    from pipeline import nlp

    nlp._remembered_shape.cache_clear()
    assert nlp._word_shape(word) == word_shape(word)
    assert nlp._remembered_shape.cache_info().currsize == int(kept)


@pytest.mark.parametrize("count", [1, 8, 9, len(NER_PIECES)])
def test_ner_encoder_numbers_are_slovnets(models, count):
    """The NER model's CNN run without ``np.pad`` gives slovnet's numbers bit for bit, and its
    tag ids are ``NERInfer.process``'s (the fast path taken, not the fallback)."""
    import numpy as np
    import razdel
    from pipeline.nlp import _cnn_encoded, _ner_tag_ids, _plain_cnn, _word_shape_inputs

    infer = models.ner_tagger.infer
    model = infer.model
    assert _plain_cnn(model.encoder)
    items = [[token.text for token in razdel.tokenize(piece)] for piece in NER_PIECES[:count]]
    for batch in _word_shape_inputs(infer.encoder, items):
        theirs = model.encoder(model.emb(batch.word_id, batch.shape_id), batch.pad_mask)
        ours = _cnn_encoded(model.encoder, model.emb.word(batch.word_id), model.emb.shape(batch.shape_id), batch.pad_mask)
        assert theirs.dtype == ours.dtype and np.array_equal(theirs, ours)
    ours = [ids.tolist() for ids in _ner_tag_ids(infer, _word_shape_inputs(infer.encoder, items))]
    theirs = [ids.tolist() for ids in infer.process(_word_shape_inputs(infer.encoder, items))]
    assert ours == theirs
