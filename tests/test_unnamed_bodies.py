"""A court's common noun alone names no court (``в суд``, ``перед судом``): no ORG, as
NEREL (a lone ``суд`` is the trial) and FactRuEval (unnamed bodies left out) read it;
with an adjective, a place or a name after it, it names one (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
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
    # a district after it says which court (the body stays split from its district)
    ("Иск отклонил суд Октябрьского района Самары.", "суд"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_court_alone_is_no_organisation(text, expected, models):
    found = orgs(text, models)
    if expected is None:
        assert not any("суд" in o.lower() for o in found), found
    else:
        assert expected in found, found
