"""A body's name leaves out the adjective of the city or country it serves when that
adjective only describes it (``самарской полиции``: ORG ``полиции``), as the outside
benchmarks and the real report pages bound it; an adjective that is part of a proper
name (capitalised inside a sentence: ``Кировский районный суд``) or of its kind
(``областная``, ``военная``) stays in (sentences written for these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


LEFT_OUT = [
    ("Протокол составили сотрудники самарской полиции.", "полиции"),
    ("Материал перепечатала воронежская газета «Вечерний курьер».", "газета «Вечерний курьер»"),
    ("Интервью он дал канадскому телеканалу «Северный свет».", "телеканалу «Северный свет»"),
    ("Как сообщила венгерская прокуратура, дело закрыто.", "прокуратура"),
    ("Эстонское правительство отклонило эту просьбу.", "правительство"),
    ("Норвежская полиция задержала двоих мужчин.", "полиция"),
    ("Закон одобрил румынский парламент.", "парламент"),
    ("Письмо получили в пермском отделении партии «Зелёный дом».", "отделении партии «Зелёный дом»"),
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
]


@pytest.mark.parametrize("text, expected", KEPT)
def test_a_name_keeps_its_own_adjectives(text, expected, models):
    assert expected in orgs(text, models)
