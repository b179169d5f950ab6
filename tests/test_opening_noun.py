"""A person noun opening the sentence is no part of the name after it (``Волонтёра
Г. Дубровскую задержали``): ``pipeline/tag/person_spans.py`` ``_without_opening_noun``.
New sentences."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

CASES = [
    ("Волонтёрку Е. Ю. Мартынову задержали у вокзала.", "Е. Ю. Мартынову"),
    ("Студентку Д. Корнилову отчислили в марте.", "Д. Корнилову"),
    ("Пенсионера В. Лыкова оштрафовали на 10 тысяч рублей.", "В. Лыкова"),
    # a nominative opening a foreign name is kept
    ("Пан Ги Мун прибыл в Сеул.", "Пан Ги Мун"),
    # a surname that pymorphy3 also reads as a plural noun, before first name and patronymic
    ("Задержаны:\nКузин Олег Андреевич\nМарков Илья Петрович", "Кузин Олег Андреевич"),
    # a surname that is also a person noun, first before initials or a first name and
    # patronymic (the order of court papers): the name has nothing else to be its surname
    ("Мельника О. П. задержали у здания суда.", "Мельника О. П."),
    ("Ткача А.В. признали виновным.", "Ткача А.В."),
    ("Коваля С. Н. оштрафовали на пять тысяч рублей.", "Коваля С. Н."),
    ("Кузнеца Ивана Сергеевича задержали.", "Кузнеца Ивана Сергеевича"),
    ("Пастуха Олега Ильича отпустили вечером.", "Пастуха Олега Ильича"),
    ("Пекаря М. Е. вызвали на допрос.", "Пекаря М. Е."),
    ("Кузнеца Рустама Бахытжановича задержали.", "Кузнеца Рустама Бахытжановича"),
    # a surname after the initials or first name: the noun is still cut
    ("Адвоката Ивана Котова не пустили в суд.", "Ивана Котова"),
    ("Журналиста М. Е. Котова вызвали на допрос.", "М. Е. Котова"),
]


@pytest.mark.parametrize("sentence, name", CASES)
def test_a_person_noun_opening_the_sentence_stays_out_of_the_name(models, sentence, name):
    assert [m.text for m in tag_names(sentence, models) if m.type == PER][0] == name


# A surname that is also a person noun in the nominative (``Волк``, ``Соловей``), first
# before initials alone, opening a sentence or a signature: initials show no case, so
# the name is no genitive of the noun's, and the word is its surname (issue 16: the
# surname was lost, the person kept as a bare initial). A noun of kinship before an
# initial alone, and a nominative noun before a first name in the genitive, stay out.
INITIALS_AFTER_A_NOUN_SURNAME = [
    ("Волк А. рассказал о задержании.", "Волк А."),
    ("Соловей Н. В. получил повестку в суд.", "Соловей Н. В."),
    ("Скворец И. вышел на пикет у мэрии.", "Скворец И."),
    ("Кузнец П. А. обжаловал штраф.", "Кузнец П. А."),
    ("Нас отпустили только вечером, телефоны не вернули.\nЛебедь О.", "Лебедь О."),
    # guards: whose the person is, not part of the name
    ("Брат М. рассказал о звонке.", "М."),
    ("Сосед Ильи видел задержание.", "Ильи"),
]


@pytest.mark.parametrize("sentence, name", INITIALS_AFTER_A_NOUN_SURNAME)
def test_a_noun_surname_before_initials_alone_is_the_surname(models, sentence, name):
    assert [m.text for m in tag_names(sentence, models) if m.type == PER][0] == name
