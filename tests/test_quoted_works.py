"""A quoted name of a work or a made thing is no organisation: after a noun for it
(``фильм «…»``), listed after such a name, or quoted again in the same document; a
newspaper's or a channel's quoted name stays an organisation (sentences written for
these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names
from pipeline.tag.works import quoted_works


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


NOT_ORG = [
    ("Вечером покажут фильм «Тёплый берег» режиссёра из Казани.", "Тёплый берег"),
    ("В прокат вышли картины «Северный ветер», «Красная река» и «Старый порт».", "Старый порт"),
    ("Весной стартовал шаттл «Горизонт», а осенью «Горизонт» вернулся на Землю.", "Горизонт"),
    ("Таблетки продают под торговыми марками «Иммунал», «Вирокс».", "Вирокс"),
    ("Зрители голосовали в финале шоу «Звёзды. Юниоры» до полуночи.", "Звёзды"),
    ("Группа исполнила песню «Белая ночь» на бис.", "Белая ночь"),
    ("Экипаж корабля «Прогресс» готовится к стыковке.", "Прогресс"),
]


@pytest.mark.parametrize("text, name", NOT_ORG)
def test_quoted_work_is_no_organisation(text, name, models):
    assert not [found for found in orgs(text, models) if name in found]


STILL_ORG = [
    ("Об этом написала газета «Вечерний курьер».", "Вечерний курьер"),
    ("Сюжет показал телеканал «Восток» в среду.", "Восток"),
    ("Иск подало ООО «Северный порт».", "Северный порт"),
]


@pytest.mark.parametrize("text, name", STILL_ORG)
def test_quoted_organisation_stays(text, name, models):
    assert any(name in found for found in orgs(text, models))


@pytest.mark.parametrize("text, expected", [
    ("альбом «Сны» и сингл «Тень»", {"Сны", "Тень"}),
    ("сериал «Дом», «Сад» и «Лес»", {"Дом", "Сад", "Лес"}),
    ("партия «Рассвет» и фильм «Закат»", {"Закат"}),
    ("ракета «Сокол»; потом «Соколом» управляли с Земли", {"Сокол", "Соколом"}),
    ("газета «Утро»", set()),
])
def test_quoted_works(text, expected):
    assert {text[a:b] for a, b in quoted_works(text) if text[a] != "«"} == expected
