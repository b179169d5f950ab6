"""An organisation's name runs over the phrase naming its field (``по`` + dative) or
its patron (``при`` + a body or an office), and a unit named before a body takes the
field in with it; a ``по`` phrase of reason or source stays out (sentences written
for these tests)."""

from __future__ import annotations

import re

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names
from pipeline.tag.orgs import complement_end


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


def org_spans(text, models):
    return [(m.start, m.end) for m in tag_names(text, models) if m.type == ORG]


# The whole name is one ORG (any nested ORG beside it is allowed).
WHOLE = [
    # a body named by its field keeps the district it serves (nested as a LOC)
    ("Жалобу рассмотрела комиссия по делам несовершеннолетних Кировского района.",
     "комиссия по делам несовершеннолетних Кировского района"),
    ("Письмо ушло в Совет при губернаторе Псковской области по развитию туризма.",
     "Совет при губернаторе Псковской области по развитию туризма"),
    ("Заседание провёл Комитет по охране исторических памятников и садов.",
     "Комитет по охране исторических памятников и садов"),
    ("Поправки одобрил постоянный комитет Сената по иностранным делам.",
     "постоянный комитет Сената по иностранным делам"),
    ("Его включили в Общественный совет при министерстве культуры.",
     "Общественный совет при министерстве культуры"),
    ("В ответе управления по борьбе с наркотиками ничего не сказано.",
     "управления по борьбе с наркотиками"),
]


@pytest.mark.parametrize("text, expected", WHOLE)
def test_field_and_patron_belong_to_the_name(text, expected, models):
    assert expected in orgs(text, models)


# A ``по`` phrase of reason, source or manner, or ``при`` before no body: not the name.
# The body is an ORG of its own, and no ORG opening with it runs on into the phrase.
APART = [
    ("Иванова задержала полиция по подозрению в краже.", "полиция"),
    ("Районный суд по делу Сидорова отложили до весны.", "Районный суд"),
    ("Прокуратура по требованию родственников провела проверку.", "Прокуратура"),
    ("По словам адвоката, городской суд по ошибке назначил заседание на воскресенье.", "городской суд"),
    ("Его задержала полиция при попытке пройти на площадь.", "полиция"),
    # a body named by its common noun alone takes no field: it belongs to the action
    ("Родные жаловались на бездействие полиции по розыску сына.", "полиции"),
    ("Он ждёт военного суда по новому делу.", "военного суда"),
]


@pytest.mark.parametrize("text, expected", APART)
def test_reason_and_manner_stay_out(text, expected, models):
    found = re.search(rf"(?<!\w){expected}(?!\w)", text)
    start, end = found.start(), found.end()
    spans = org_spans(text, models)
    assert (start, end) in spans
    assert [text[a:b] for a, b in spans if a == start and b > end] == []


@pytest.mark.parametrize("text, start, end, expected", [
    ("фонд по защите животных", 0, 4, "фонд по защите животных"),
    ("суд по делу Петрова", 0, 3, "суд"),
    ("Петров по делам службы", 0, 6, "Петров"),  # no institution: nothing to extend
])
def test_complement_end(text, start, end, expected):
    assert text[start:complement_end(text, start, end)] == expected


# Lower-case heads: a body's head names one by its field; a plant or a movement does not.
@pytest.mark.parametrize("text, expected, found", [
    ("Материалы передали в комитет по делам молодёжи.", "комитет по делам молодёжи", True),
    pytest.param("Ответ прислал департамент по надзору за строительством.",
                 "департамент по надзору за строительством", True,
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "the field phrase runs over dative and genitive words only, so the name stops "
                     "before the instrumental 'за строительством': 'департамент по надзору'"))),
    ("Он работал на заводе по выпуску труб.", "заводе по выпуску труб", False),
    ("Началось движение по кольцевой дороге.", "движение по кольцевой дороге", False),
])
def test_lower_case_head_named_by_field(text, expected, found, models):
    assert (expected in orgs(text, models)) is found


# A unit named in lower case before its body is one ORG with it.
@pytest.mark.parametrize("text, expected", [
    ("Об этом сообщила пресс-служба Министерства обороны.", "пресс-служба Министерства обороны"),
    ("Письмо подписал директор департамента Минфина.", "департамента Минфина"),
    ("Заявление распространила пресс-служба губернатора Ярославской области.",
     "пресс-служба губернатора Ярославской области"),
])
def test_unit_before_body(text, expected, models):
    assert expected in orgs(text, models)


# A territorial body takes in the territory it serves, named by ``по`` and a place in the
# dative (the place nests as a LOC); the body without its territory is no ORG of its own.
JURISDICTION = [
    ("Запрос направили в УМВД России по Ярославской области в понедельник.",
     "УМВД России по Ярославской области", "Ярославской области"),
    ("Ответ пришёл из управления ФСИН по Пермскому краю.",
     "управления ФСИН по Пермскому краю", "Пермскому краю"),
    ("Материалы передали в ГСУ СК по Самарской области.",
     "ГСУ СК по Самарской области", "Самарской области"),
    ("Проверку провело УФСБ по Республике Башкортостан.",
     "УФСБ по Республике Башкортостан", "Республике Башкортостан"),
    ("Сводку опубликовало Главное управление МЧС по Омской области.",
     "Главное управление МЧС по Омской области", "Омской области"),
    ("Как сообщили в ГУ Росгвардии по Москве, задержанных отпустили.",
     "ГУ Росгвардии по Москве", "Москве"),
]


@pytest.mark.parametrize("text, expected, place", JURISDICTION)
def test_body_takes_in_its_territory(text, expected, place, models):
    found = tag_names(text, models)
    assert expected in [m.text for m in found if m.type == ORG]
    assert place in [m.text for m in found if m.type == "LOC"]
    body = expected[: expected.index(" по ")]
    assert body not in [m.text for m in found if m.type == ORG]


# ``по`` + a place after a body named by its lower-case common noun alone is the
# action's route or scope as often as a territory: the body stays as it is.
NO_JURISDICTION = [
    ("Сводку полиции по Казани журналисты не получили.", "полиции"),
    ("Данные прокуратуры по Саратову за год не публиковались.", "прокуратуры"),
]


@pytest.mark.parametrize("text, expected", NO_JURISDICTION)
def test_lone_body_takes_no_territory(text, expected, models):
    found = re.search(rf"(?<!\w){expected}(?!\w)", text)
    assert (found.start(), found.end()) in org_spans(text, models)


# A body's name holds no person: an office holder before it (``главой``, a noun by its
# likeliest reading, is no adjective of ``администрации``) or a name after its field.
NO_PERSON_INSIDE = [
    ("Переговоры с председателем администрации Омска Иван отложил.", "администрации",
     "председателем администрации"),
    ("Член Комиссии по водным ресурсам Олег Котов выступил первым.", "Комиссии по водным ресурсам",
     "Комиссии по водным ресурсам Олег Котов"),
    ("Заместитель Комитета по делам молодёжи Анна Смирнова ушла.", "Комитета по делам молодёжи",
     "Комитета по делам молодёжи Анна"),
]


@pytest.mark.parametrize("text, expected, wrong", NO_PERSON_INSIDE)
def test_no_person_inside_a_body(text, expected, wrong, models):
    found = orgs(text, models)
    assert not [name for name in found if wrong in name]
    assert any(name.startswith(expected) for name in found)


@pytest.mark.parametrize("text", [
    "Через год ООО так и не зарегистрировали.",
    "Учредителем стало новое АО, но имя ему не дали.",
])
def test_a_legal_form_alone_is_no_organisation(text, models):
    assert orgs(text, models) == []
