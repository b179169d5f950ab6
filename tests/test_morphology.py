"""One pymorphy3 parse per word and process, whatever case the word is asked in.

The tag stage asks for words as written, the events stage's trigger pre-test for them
lower-cased: a word new to the process was parsed twice. ``parse_word`` now parses a word of
Cyrillic letters once, through its lower case, which is exactly what pymorphy3 gives it (the
comparisons below run pymorphy3 itself on invented words), and leaves alone the words whose
case pymorphy3 reads: a single capital (an initial), Latin letters, hyphenated words.
"""

import pytest

from pipeline.morphology import case_blind, morph_analyzer, parse_word

# Invented words in the cases the stages meet them: a sentence's first word, a name, a
# shouted heading, an abbreviation, a word pymorphy3 does not know.
CASE_BLIND = ["Задержанного", "ЗАДЕРЖАЛИ", "Понятых", "Кобылкиной", "Вертопрахову", "Овражного",
              "ОМОНа", "УФСИН", "Спецприёмника", "Ёлкиной", "Жухляндии", "Фырзиков", "ГРУ", "Оф"]
CASE_READ = ["А", "В", "С", "XIV", "Нью-Йорк", "Пресс-Секретарь", "Ю.", "Ivanov"]


def comparable(parses) -> list[tuple]:
    """A parse's fields; of the analysers a parse went through, each one's own record, but the
    unknown-word analyser's copy of the word as given, which no stage reads."""
    return [(p.word, p.tag, p.normal_form, p.score,
             tuple(type(m[0]).__name__ if type(m[0]).__name__ == "UnknAnalyzer" else m for m in p.methods_stack))
            for p in parses]


@pytest.mark.parametrize("word", CASE_BLIND)
def test_case_blind_word_parses_as_its_lower_case(word):
    assert case_blind(word)
    assert comparable(morph_analyzer().parse(word)) == comparable(morph_analyzer().parse(word.lower()))


@pytest.mark.parametrize("word", CASE_BLIND)
def test_case_blind_word_parsed_once(word):
    assert parse_word(word) is parse_word(word.lower())


@pytest.mark.parametrize("word", CASE_READ)
def test_word_whose_case_pymorphy3_reads_is_parsed_as_written(word):
    assert not case_blind(word)
    assert parse_word(word) == morph_analyzer().parse(word)


def test_an_initial_is_not_the_conjunction():
    """Why a single capital is parsed as written: pymorphy3 reads ``А`` as an initial too."""
    assert any("Init" in p.tag for p in parse_word("А"))
    assert not any("Init" in p.tag for p in parse_word("а"))
