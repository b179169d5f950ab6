"""A vehicle or a station named by what is said of it is no organisation: a name in the
genitive after a part of a craft (``с борта …``, ``на сегменте …``), or after a verb or
noun of docking or flight and its preposition (``пристыковали к …``, ``полёт к …``),
and every mention of the same name in the document (sentences written for these tests).
Both benchmarks read so: NEREL types a space station a FACILITY, FactRuEval gives it no
object; an analyst asking which bodies acted wants no craft among them."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names
from pipeline.tag.works import vehicle_names


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


NOT_ORG = [
    # (text, the name that is a craft, not a body)
    ("Телемост с Землёй провели с борта ОКС в пятницу.", "ОКС"),
    ("На борту ОКО работают трое.", "ОКО"),
    ("Космонавты вернулись с борта «Вега-Тех» на Землю.", "Вега-Тех"),
    ("На японском сегменте ЛОС отказал насос охлаждения.", "ЛОС"),
    ("Грузовой корабль пристыковали к ЛОС в субботу утром.", "ЛОС"),
    ("Модуль отстыковался от ЛОС и сгорел в атмосфере.", "ЛОС"),
    ("Инженеры заменили антенну в отсеке ЛОС за неделю.", "ЛОС"),
    # the name carried to its other mentions in the document
    ("Экипаж вернулся с борта ЛОС. Позже ЛОС подняли на новую орбиту, и ЛОС работает.", "ЛОС"),
    ("Корабль пристыковали к ЛОС. Об этом сообщило агентство Роскосмос в пятницу.", "ЛОС"),
]


@pytest.mark.parametrize("text, name", NOT_ORG)
def test_a_craft_named_by_its_context_is_no_organisation(text, name, models):
    assert not [found for found in orgs(text, models) if name in found]


STILL_ORG = [
    # a body after a verb of approach that is no docking or flight
    ("Адвокат обратился к ФСИН с жалобой на условия.", "ФСИН"),
    # a part noun before another noun, not before the name
    ("На борту самолёта авиакомпании «Северавиа» нашли груз.", "Северавиа"),
    # a body of another name in the same document keeps its type
    ("Корабль пристыковали к ЛОС. Об этом сообщило агентство Роскосмос в пятницу.", "Роскосмос"),
    # a name the document also gives a body's people is no craft where it stands so
    ("Сотрудники ОКС провели обыск. Позже с борта ОКС передали сигнал.", "ОКС"),
    # an airline's plane is its 'борт': a name that acts elsewhere (the subject of a verb
    # of a body's conduct or with an object) stays a body everywhere, at 'борт' too
    ("Журналистку сняли с борта НордСтар в Тюмени. Позже НордСтар извинилась перед ней.", "НордСтар"),
    ("Пассажира не пустили на борт ЮТэйр. Потом ЮТэйр отказалась от претензий к нему.", "ЮТэйр"),
    ("Активиста вывели с борта ЮТэйр в Омске. Позже ЮТэйр выплатила ему компенсацию.", "ЮТэйр"),
    # a name the organisation lexicon knows
    ("Блогера сняли с борта Аэрофлота в Сочи перед вылетом.", "Аэрофлот"),
]

AIRLINE_EVERYWHERE = [
    # (text, the name, how many of its mentions are ORG)
    ("Журналиста сняли с борта ЮТэйр в Сургуте. Позже ЮТэйр извинилась перед ним, "
     "а Росавиация начала проверку.", "ЮТэйр", 2),
    ("Журналиста не пустили на борт ЮТэйр в Сургуте. Позже ЮТэйр извинилась перед ним, "
     "а Росавиация начала проверку.", "ЮТэйр", 2),
    ("Журналистку сняли с борта НордСтар в Тюмени. Позже НордСтар извинилась перед ней, "
     "а Росавиация начала проверку.", "НордСтар", 2),
]


@pytest.mark.parametrize("text, name, count", AIRLINE_EVERYWHERE)
def test_a_body_that_acts_is_no_craft_anywhere(text, name, count, models):
    assert sum(name in found for found in orgs(text, models)) == count
    assert "Росавиация" in orgs(text, models)


@pytest.mark.parametrize("text, name", STILL_ORG)
def test_a_body_beside_such_words_stays_an_organisation(text, name, models):
    assert any(name in found for found in orgs(text, models))


def test_vehicle_names_reads_the_words_before_a_span():
    text = "Репортаж вели с борта ОКС; потом ОКС ушла в тень; к ФСИН обратились."
    spans = [(text.index("ОКС"), text.index("ОКС") + 3), (text.rindex("ОКС"), text.rindex("ОКС") + 3),
             (text.index("ФСИН"), text.index("ФСИН") + 4)]
    assert sorted(text[a:b] + str(a) for a, b in vehicle_names(text, spans)) == \
        sorted(text[a:b] + str(a) for a, b in spans[:2])
