"""A quoted name of a work or a made thing is no organisation: after a noun for it
(``фильм «…»``), listed after such a name, or quoted again in the same document; a
newspaper's or a channel's quoted name stays an organisation (sentences written for
these tests)."""

from __future__ import annotations

import re

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


# A quoted name in the genitive after a work noun is the work's maker, not its title;
# a name the document gives an organisation keeps ORG wherever it is quoted but as a
# title (sentences written for these tests).
ORG_BESIDE_WORK = [
    # (text, the quotes that name an organisation, the quotes that are a title)
    ("Автор статьи «Вечерних известий» выступил. Редакция «Вечерних известий» его поддержала.",
     ["Вечерних известий", "Вечерних известий"], []),
    ("Волонтёры «Ковчега» показали фильм «Ковчег» в клубе. Позже «Ковчег» закрыли власти.",
     ["Ковчега", "Ковчег"], ["Ковчег"]),
    ("Корреспондент «Зари» был на суде. В статье «Зари» описан обыск. «Заря» признана иноагентом.",
     ["Зари", "Зари", "Заря"], []),
    ("Книга «Рассвета» вышла весной, а «Рассвет» провёл съезд.", ["Рассвета", "Рассвет"], []),
    ("Песню «Ветра» записали участники группы. Продюсер «Ветра» уехал.", ["Ветра", "Ветра"], []),
    ("В фильме «Мост» снимались студенты; «Мост» показали в Каннах.", [], ["Мост", "Мост"]),
    ("Журналисты опубликовали статью «Как нас судили» в среду.", [], ["Как нас судили"]),
    ("Ракета «Восход» стартовала; «Восходом» управляли с Земли.", [], ["Восход", "Восходом"]),
    ("В финале шоу «Звёзды» пела группа, а в ленте «Тихой реки» нет ни слова.", ["Тихой реки"], ["Звёзды"]),
]


@pytest.mark.parametrize("text, org_quotes, title_quotes", ORG_BESIDE_WORK)
def test_an_organisation_beside_a_work(text, org_quotes, title_quotes):
    works = quoted_works(text)
    quotes = [(m.start(1), m.end(1)) for m in re.finditer(r"«([^»]+)»", text)]
    assert [text[a:b] for a, b in quotes if (a, b) not in works] == org_quotes
    assert [text[a:b] for a, b in quotes if (a, b) in works] == title_quotes


# The same through the tagger, with names natasha knows for organisations: every quote
# the organisation is named by holds an ORG, the film's title none.
ORG_SURVIVES = [
    ("Автор статьи «Новой газеты» выступил. Редакция «Новой газеты» его поддержала.",
     ["Новой газеты", "Новой газеты"], []),
    ("Сотрудники «Мемориала» показали фильм «Мемориал» в клубе. Позже «Мемориал» закрыли власти.",
     ["Мемориала", "Мемориал"], ["Мемориал"]),
    ("Журналист «Медузы» был на суде. В статье «Медузы» описан обыск. «Медуза» признана иноагентом.",
     ["Медузы", "Медузы", "Медуза"], []),
]


@pytest.mark.parametrize("text, org_quotes, title_quotes", ORG_SURVIVES)
def test_an_organisation_beside_a_work_stays_org(text, org_quotes, title_quotes, models):
    found = [(m.start, m.end) for m in tag_names(text, models) if m.type == ORG]
    quotes = [(m.start(1), m.end(1)) for m in re.finditer(r"«([^»]+)»", text)]
    def held(a, b):
        return any(start <= a and b <= end for start, end in found)
    assert [text[a:b] for a, b in quotes if held(a, b)] == org_quotes
    assert [text[a:b] for a, b in quotes if not held(a, b)] == title_quotes


@pytest.mark.parametrize("text, expected", [
    ("статья «Утренней почты» и статья «Утро»", {"Утро"}),
    ("сотрудники «Луча» сняли фильм «Луч»; «Луч» закрыт", {"Луч"}),

    ("альбом «Сны» и сингл «Тень»", {"Сны", "Тень"}),
    ("сериал «Дом», «Сад» и «Лес»", {"Дом", "Сад", "Лес"}),
    ("партия «Рассвет» и фильм «Закат»", {"Закат"}),
    ("ракета «Сокол»; потом «Соколом» управляли с Земли", {"Сокол", "Соколом"}),
    ("газета «Утро»", set()),
])
def test_quoted_works(text, expected):
    assert {text[a:b] for a, b in quoted_works(text) if text[a] != "«"} == expected
