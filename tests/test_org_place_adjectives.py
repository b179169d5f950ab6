"""A body's name leaves out the adjective of the city or country it serves when that
adjective only locates it (``самарской полиции``: ORG ``полиции``), as NEREL and the real
report pages bound it; an adjective that is part of a proper name (capitalised inside a
sentence: ``Кировский районный суд``) or of its kind (``областная``, ``военная``), or that
says which branch, ministry or court it is, stays in (sentences written for these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


LEFT_OUT = [
    ("Протокол составили сотрудники самарской полиции.", "полиции"),
    ("Материал перепечатала воронежская газета «Вечерний курьер».", "газета «Вечерний курьер»"),
    ("Как сообщила венгерская прокуратура, дело закрыто.", "прокуратура"),
    ("Эстонское правительство отклонило эту просьбу.", "правительство"),
    ("Норвежская полиция задержала двоих мужчин.", "полиция"),
    ("Закон одобрил румынский парламент.", "парламент"),
]


@pytest.mark.parametrize("text, expected", LEFT_OUT)
def test_a_place_adjective_describing_a_body_stays_out(text, expected, models):
    assert expected in orgs(text, models)


KEPT = [
    ("Иск рассмотрел Кировский районный суд.", "Кировский районный суд"),
    ("Студенты Казанского федерального университета вышли на пикет.", "Казанского федерального университета"),
    ("Самарский областной суд оставил приговор в силе.", "Самарский областной суд"),
    ("Дело передали в областную прокуратуру.", "областную прокуратуру"),
    ("Протест подала военная прокуратура.", "военная прокуратура"),
    # a branch, a ministry or a court is named with its place: which one, not where it is
    ("Письмо получили в пермском отделении партии «Зелёный дом».", "пермском отделении партии «Зелёный дом»"),
    ("Ответ подписал чиновник канадского министерства обороны.", "канадского министерства обороны"),
    ("Итальянский суд вынес приговор заочно.", "Итальянский суд"),
    # a city's adjective opening the sentence may open the body's own name
    ("Самарская полиция опровергла эти сведения.", "Самарская полиция"),
]


@pytest.mark.parametrize("text, expected", KEPT)
def test_a_name_keeps_its_own_adjectives(text, expected, models):
    assert expected in orgs(text, models)
