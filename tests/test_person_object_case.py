"""A surname in ``-ову`` before a plural verb: a woman in the accusative when the verb has
nothing else to take (``Кравцову задержали``), a man in the dative when it has an object
(``Кравцову назначили штраф``). ``pipeline/tag/person_context.py``; new sentences."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

CASES = [
    ("Вчера Кравцову задержали у здания администрации.", "Кравцова"),
    ("Мельникову Т.С. арестовали в понедельник.", "Т. С. Мельникова"),
    ("Лебедеву отпустили из отдела только ночью.", "Лебедева"),
    ("Вчера Кравцову назначили штраф в пять тысяч рублей.", "Кравцов"),
    ("Вчера Гусеву вынесли приговор.", "Гусев"),
    ("Вчера Соколову продлили арест до весны.", "Соколов"),
    ("Бортникову дали 15 суток.", "Бортников"),
]


@pytest.mark.parametrize("sentence, normal", CASES)
def test_a_name_before_a_plural_verb_reads_by_what_else_the_verb_takes(models, sentence, normal):
    assert [m.normal for m in tag_names(sentence, models) if m.type == PER] == [normal]
