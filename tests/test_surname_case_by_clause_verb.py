"""A surname in -ову/-еву/-ину set before its initials reads as a man's dative or a
woman's accusative; with no word beside it that settles it, the first verb of its
clause further on does (``Омарову В.Ж. 13 марта суд арестовал``: her accusative;
``... суд отказал в иске``: his dative; a verb with another object after it leaves
the man's dative, ``... суд назначил штраф``). Every sentence is new, written for these tests."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

CASES = [
    ("Омарову В.Ж. 13 марта 2023 года суд в Нальчике арестовал на 10 суток.", "В. Ж. Омарова"),
    ("Иванову Н. мировой судья оштрафовал на 5 тысяч рублей.", "Н. Иванова"),
    ("Петрову А.С. в тот вечер сотрудники полиции задержали у метро.", "А. С. Петрова"),
    ("Гусеву Л.М. 2 июня в Омске полицейские доставили в отдел.", "Л. М. Гусева"),
    ("Кравцову И.П. 5 мая суд назначил штраф.", "И. П. Кравцов"),
    ("Бекову Т. в тот же день отказали в регистрации.", "Т. Беков"),
    ("Сидорову К. в четверг адвокат передал письмо.", "К. Сидоров"),
    ("Зуеву Р.А. через неделю позвонили из прокуратуры.", "Р. А. Зуев"),
]


@pytest.mark.parametrize(("sentence", "normal"), CASES)
def test_a_surname_in_ovu_reads_by_the_verb_of_its_clause(models, sentence, normal):
    assert [m.normal for m in tag_names(sentence, models) if m.type == PER] == [normal]
