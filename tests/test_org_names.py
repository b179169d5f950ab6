"""Organisations: boundaries from the lexicon and the syntax of names, media, web
services, shops and parties natasha misses (sentences written for these tests)."""

from __future__ import annotations

import json

import pytest

from pipeline.records import LOC, ORG, PER
from pipeline.resources import load_json
from pipeline.tag.names import tag_names
from pipeline.tag.org_names import TOKEN, find_org_names


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


# One ORG for the whole name, whatever case it stands in.
WHOLE = [
    ("Законопроект внесли депутаты Государственной Думы Федерального Собрания Российской Федерации.",
     "Государственной Думы Федерального Собрания Российской Федерации"),
    ("Обращение направлено в Совет Федерации.", "Совет Федерации"),
    ("Дело передали в Следственный комитет.", "Следственный комитет"),
    ("Сайт заблокировал Роскомнадзор.", "Роскомнадзор"),
    ("Запрос ушёл в Минтруд и в Минфин.", "Минтруд"),
    ("Решение принял Европейский суд по правам человека.", "Европейский суд по правам человека"),
    ("Доклад подготовила Московская Хельсинкская группа.", "Московская Хельсинкская группа"),
    # a unit and the body it belongs to
    ("Ответ подписал начальник Главного штаба Вооружённых сил Казахстана.",
     "Главного штаба Вооружённых сил Казахстана"),
    ("Резолюцию принял Совет Безопасности ООН.", "Совет Безопасности ООН"),
    # a foundation named after two people is one organisation, not two persons
    ("Средства перечислили в Фонд Анны и Петра Соколовых.", "Фонд Анны и Петра Соколовых"),
    # a national team is an organisation with its country inside
    ("Матч со сборной Испании закончился вничью.", "сборной Испании"),
]


@pytest.mark.parametrize("text, name", WHOLE)
def test_a_name_is_one_organisation(text, name, models):
    assert name in orgs(text, models)


# Media, web services, shops and parties natasha misses or reads as common words.
KNOWN = [
    ("Об этом пишет «Новая газета».", "Новая газета"),
    ("Видео выложили в Telegram, а потом во ВКонтакте.", "Telegram"),
    ("Продукты купили в магазине «Пятёрочка».", "Пятёрочка"),
    ("Её задержали на выходе из «Магнита».", "Магнита"),
    ("Член партии «Яблоко» подал уведомление.", "Яблоко"),
    ("Пикет поддержали активисты «Мемориала».", "Мемориала"),
]


@pytest.mark.parametrize("text, name", KNOWN)
def test_media_services_shops_and_parties(text, name, models):
    assert name in orgs(text, models)


def test_a_quoted_name_nests_in_its_designated_form_as_one_organisation(models):
    found = [m for m in tag_names("Член партии «Яблоко» задержан у здания.", models) if m.type == ORG]
    assert [(m.text, m.normal) for m in found] == [("партии «Яблоко»", "партия «Яблоко»"), ("Яблоко", "Яблоко")]
    assert len({m.entity_id for m in found}) == 1


@pytest.mark.parametrize("text, outer, inner", [
    ("Жалобу переслали в Минюст Киргизии.", "Минюст Киргизии", "Минюст"),
    ("Ответ дал МИД Казахстана.", "МИД Казахстана", "МИД"),
])
def test_a_compound_name_keeps_its_place_and_holds_its_name(text, outer, inner, models):
    found = [(m.type, m.text) for m in tag_names(text, models)]
    assert (ORG, outer) in found and (ORG, inner) in found and (LOC, outer.split()[-1]) in found


# A name that is also a common word is no organisation opening a sentence, in lower
# case, or as the common word it is.
NOT_ORGS = [
    "Яблоко упало на землю.",
    "Голос у него дрожал.",
    "У памятника прошёл митинг, затем мемориал закрыли.",
    "Новые люди пришли на митинг.",
]


@pytest.mark.parametrize("text", NOT_ORGS)
def test_common_words_are_not_the_organisations_they_name(text):
    assert find_org_names(text) == []


def test_the_lexicon_names_its_sources_and_holds_no_duplicates():
    data = load_json("org_names.json")
    assert "Указ Президента РФ" in data["_about"]
    names = [name for group in data["organisations"].values() for name in group]
    assert len(names) == len(set(names))
    assert all(TOKEN.findall(name) for name in names)
    assert json.dumps(data, ensure_ascii=False)  # loads as plain JSON


def test_a_person_named_like_a_club_stays_a_person(models):
    found = [(m.type, m.text) for m in tag_names("Роль сыграл Спартак Мишулин.", models)]
    assert (PER, "Спартак Мишулин") in found


# An ordinal in figures before an organisation tells one unit of its kind from the
# others: part of the name (sentences written for these tests).
@pytest.mark.parametrize("text, expected", [
    ("Войска 3-го Белорусского фронта вошли в город.", "3-го Белорусского фронта"),
    ("Командование 5-й армии Германии отступило.", "5-й армии Германии"),
    ("Город взяла 5-я армия США.", "5-я армия США"),
])
def test_an_ordinal_opens_the_name(text, expected, models):
    assert expected in [m.text for m in tag_names(text, models) if m.type == ORG]


def test_an_ordinal_before_a_street_stays_with_the_street(models):
    text = "Пикет прошёл на 3-й Садовой улице."
    assert [m.text for m in tag_names(text, models) if m.type == ORG] == []


# A quoted name's closing quote, with no opening one in the span, is no part of the name
# (natasha runs a span from inside the quotes over the closing one and a bracket after it).
@pytest.mark.parametrize("text, expected, short", [
    ("Лидер оппозиционного «Союза за честный труд» (СЧТ) выступил.", "Союза за честный труд", "СЧТ"),
    ("Лидер «Движения за мир и труд» (ДМТ) встретился с ним.", "Движения за мир и труд", "ДМТ"),
])
def test_a_closing_quote_alone_stays_out(text, expected, short, models):
    found = [m.text for m in tag_names(text, models) if m.type == ORG]
    assert not [name for name in found if name.endswith("»") and "«" not in name]
    assert expected in found
    assert short in found


# A unit whose name ends in a lower-case common noun, followed by the body it belongs to,
# is one ORG with it; the body nests (sentences written for these tests).
@pytest.mark.parametrize("text, expected, body", [
    ("Он возглавлял Тверской горком КПСС до 1985 года.", "Тверской горком КПСС", "КПСС"),
    ("Она работала в Институте славяноведения РАН много лет.", "Институте славяноведения РАН", "РАН"),
])
def test_a_unit_takes_in_its_body(text, expected, body, models):
    found = [m.text for m in tag_names(text, models) if m.type == ORG]
    assert expected in found and body in found


@pytest.mark.parametrize("text, span_text, expected", [
    # natasha's span opens a bracket and stops short of closing it
    ("Газета «Вечерний Рим» (Sera di Roma) пишет.", "Вечерний Рим» (Sera di Roma", ["Вечерний Рим", "Sera di Roma"]),
    ("Фонд (Fondo Verde) открылся.", "Фонд (Fondo Verde", ["Фонд", "Fondo Verde"]),
    ("Фонд (Fondo Verde) открылся.", "Фонд (Fondo Verde)", ["Фонд", "Fondo Verde"]),
])
def test_two_names_of_one_thing_split_at_the_bracket(text, span_text, expected):
    from pipeline.tag.candidates import Span
    from pipeline.tag.names import _split_parenthesis

    start = text.index(span_text)
    found = _split_parenthesis(text, Span(ORG, start, start + len(span_text)))
    assert [text[s.start : s.end] for s in found] == expected
