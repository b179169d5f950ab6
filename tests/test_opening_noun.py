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
