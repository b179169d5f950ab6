"""Names the tag stage lost whole or in pieces (issue 16, the upstream losses of linking):
initials spaced from a surname that natasha leaves untagged at a sentence's start
(``Д. Соколова, журналистка из Тулы, …``), a surname set first in an oblique case before
the first name and patronymic (``в доме Сергеевой Ольги Петровны``: one person, where
``вдова Ельцина Наина Иосифовна`` stays two), and a surname set first that has no
surname ending (``Гурай Денис``: Денис Гурай). Every sentence is new, written for these
tests."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

# Sentence, and the people tagged in it with their normals.
CASES = [
    # initials spaced from the surname, at the start of a sentence
    ("Д. Соколова, журналистка из Тулы, рассказала, что к ней пришли с обыском.",
     [("Д. Соколова", "Д. Соколова")]),
    ("Р. Лебедева, журналистка из Перми, рассказала о допросе.",
     [("Р. Лебедева", "Р. Лебедева")]),
    ("Н. Белоусову из Читы оштрафовали на 5 тысяч рублей.",
     [("Н. Белоусову", "Н. Белоусова")]),
    ("Л. Кудрявцеву из Орла оштрафовали на 5 тысяч рублей.",
     [("Л. Кудрявцеву", "Л. Кудрявцева")]),
    ("Т. Г. Воронцову задержали у здания суда.",
     [("Т. Г. Воронцову", "Т. Г. Воронцова")]),
    # no surname after the initial: nothing
    ("Пункт А. Наличие протокола обязательно.", []),
    # a surname set first in an oblique case, then first name and patronymic: one person
    ("Вчера в доме Сергеевой Ольги Петровны в Самаре прошёл обыск.",
     [("Сергеевой Ольги Петровны", "Ольга Петровна Сергеева")]),
    ("Утром в квартире Лебедевой Ирины Павловны провели обыск.",
     [("Лебедевой Ирины Павловны", "Ирина Павловна Лебедева")]),
    ("Суд арестовал Тихонова Павла Андреевича на десять суток.",
     [("Тихонова Павла Андреевича", "Павел Андреевич Тихонов")]),
    # a widow of one man, named in the nominative: two people still
    ("На похоронах была вдова Ельцина Наина Иосифовна.",
     [("Ельцина", "Ельцин"), ("Наина Иосифовна", "Наина Иосифовна")]),
    # a surname with no surname ending set before a first name
    ("Гурай Денис, 31 год, житель Самары, получил 10 суток ареста.",
     [("Гурай Денис", "Денис Гурай")]),
    ("Шевчук Игорь, 24 года, житель Омска, задержан.",
     [("Шевчук Игорь", "Игорь Шевчук")]),
    ("Денис Гурай получил 10 суток ареста.", [("Денис Гурай", "Денис Гурай")]),
]


@pytest.mark.parametrize(("sentence", "people"), CASES)
def test_names_are_tagged_whole_and_read_in_order(models, sentence, people):
    assert [(m.text, m.normal) for m in tag_names(sentence, models) if m.type == PER] == people


# Initials spaced from a surname in an oblique case that natasha leaves untagged: the
# surname's paradigm in any case settles it, not only its nominative ending.
OBLIQUE_INITIALS = [
    ("Р. Свинцову из Тамбова арестовали на 5 суток.", [("Р. Свинцову", "Р. Свинцова")]),
    ("Н. Песцову из Рязани оштрафовали на 10 тысяч рублей.", [("Н. Песцову", "Н. Песцова")]),
    ("Т. Торцову из Калуги арестовали на 7 суток.", [("Т. Торцову", "Т. Торцова")]),
]


@pytest.mark.parametrize(("sentence", "people"), OBLIQUE_INITIALS)
def test_spaced_initials_before_a_surname_in_another_case(models, sentence, people):
    assert [(m.text, m.normal) for m in tag_names(sentence, models) if m.type == PER] == people


# A person noun opening the sentence in the nominative, no name of any kind, before a name
# with a surname: the same person in apposition, the noun no part of the name; a noun that
# is also a surname, before a first name alone, is the surname set first.
OPENING_NOUNS = [
    ("Соседка Петрова была задержана.", [("Петрова", "Петрова")]),
    ("Соседка Лаптева была задержана у подъезда.", [("Лаптева", "Лаптева")]),
    ("Попутчица Зуева рассказала о допросе.", [("Зуева", "Зуева")]),
    # a word whose only dictionary reading is a common noun, before a first name, is read as
    # a title or a trade (``Доктор Анна``), not as a surname set first: the name keeps its order
    ("Кузнец Марат задержан.", [("Кузнец Марат", "Кузнец Марат")]),
    ("Профессор Анна выступила перед студентами.", [("Анна", "Анна")]),
    ("Соловей Иван Петрович задержан.", [("Соловей Иван Петрович", "Иван Петрович Соловей")]),
]


@pytest.mark.parametrize(("sentence", "people"), OPENING_NOUNS)
def test_a_person_noun_opening_the_sentence_is_no_part_of_the_name(models, sentence, people):
    assert [(m.text, m.normal) for m in tag_names(sentence, models) if m.type == PER] == people
