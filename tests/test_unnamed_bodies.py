"""A court's common noun alone names no court (``в суд``, ``перед судом``): no ORG, as
NEREL (a lone ``суд`` is the trial) and FactRuEval (unnamed bodies left out) read it;
with an adjective, a place or a name after it, it names one (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import LOC, ORG
from pipeline.tag.names import tag_names


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


# (sentence, the ORG it must hold, or None when the court noun is alone)
CASES = [
    ("Материалы проверки следователь передал в суд в конце апреля.", None),
    ("Водитель автобуса предстал перед судом через неделю после аварии.", None),
    ("Адвокат попросил суд отложить заседание до осени.", None),
    ("Решение суда обжалуют в апелляционной инстанции.", None),
    ("Жалобу рассмотрел Куйбышевский районный суд.", "Куйбышевский районный суд"),
    ("Дело передали в арбитражный суд.", "арбитражный суд"),
    ("Иск подали в Верховный суд Армении.", "Верховный суд Армении"),
    # a district after it says which court: one ORG with its places (since session 11, as
    # NEREL and FactRuEval read a body with the place it serves)
    ("Иск отклонил суд Октябрьского района Самары.", "суд Октябрьского района Самары"),
    # a settlement or region noun between the court and its place: still that place's court
    ("Дело передали в суд города Гродно.", "суд города Гродно"),
    ("Дело передали в суд г. Гродно.", "суд г. Гродно"),
    ("Протокол направили в суд поселка Ревда.", "суд поселка Ревда"),
    ("Иск поступил в суд округа Колумбия.", "суд округа Колумбия"),
    # an organisation or an abbreviation after the noun says whose court it is
    ("Жалобу направили в Суд ЕС.", "Суд ЕС"),
    ("Спор передали в суд ЕАЭС.", "суд ЕАЭС"),
    ("Жалобу рассмотрит Суд Евразийского экономического союза.", "Суд Евразийского экономического союза"),
    # the object after it is no owner of the court; a capital opening the sentence names none
    ("Он подал в суд Министерство юстиции.", None),
    ("Суд отказал адвокату в отводе судьи.", None),
    # a settlement noun with no place after it names no court
    ("Дело передали в суд города.", None),
]


# (sentence, the court named by its place, the place kept nested inside it)
PLACES = [
    ("Дело передали в суд Ингушетии.", "суд Ингушетии", "Ингушетии"),
    ("Дело передали в суд города Гродно.", "суд города Гродно", "Гродно"),
    ("Дело передали в суд г. Гродно.", "суд г. Гродно", "Гродно"),
    ("Протокол направили в суд поселка Ревда.", "суд поселка Ревда", "Ревда"),
]


@pytest.mark.parametrize(("text", "court", "place"), PLACES)
def test_a_court_named_by_its_place_keeps_both(text, court, place, models):
    found = [(m.type, m.text) for m in tag_names(text, models)]
    assert (ORG, court) in found and (LOC, place) in found, found


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_court_alone_is_no_organisation(text, expected, models):
    found = orgs(text, models)
    if expected is None:
        assert not any("суд" in o.lower() for o in found), found
    else:
        assert expected in found, found
