"""Organisations named by the syntax around them: the maker between a work's noun and
its quoted title, and a designator before a name in Latin letters (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from pipeline.records import ORG
from pipeline.tag.names import tag_names
from pipeline.tag.works import maker_before


def orgs(text, models):
    return [m.text for m in tag_names(text, models) if m.type == ORG]


# A capitalised phrase in the genitive between a work's noun and its quoted title is the
# work's maker, an organisation; the title is the work, no organisation.
MAKERS = [
    ("Подробнее читайте в статье Вечернего обозревателя «Осень в городе».", "Вечернего обозревателя", "Осень в городе"),
    ("Об этом рассказано в книге Утреннего вестника «Сто лет города».", "Утреннего вестника", "Сто лет города"),
    ("Сюжет показали в фильме Северного телеканала «Долгая зима».", "Северного телеканала", "Долгая зима"),
    ("О рынке читайте в статье Делового наблюдателя «Пять мыслей о рынке» на сайте.",
     "Делового наблюдателя", "Пять мыслей о рынке"),
]


@pytest.mark.parametrize("text, maker, title", MAKERS)
def test_the_maker_of_a_work_is_an_organisation_and_its_title_is_not(text, maker, title, models):
    found = orgs(text, models)
    assert maker in found
    assert not any(title in name for name in found)


# A person, a legal act or no quoted title after the phrase: no maker.
NOT_MAKERS = [
    "Автор книги Ивана Петрова «Сад» выступил на вечере.",
    "Согласно статье Уголовного кодекса «О мошенничестве» ему грозит срок.",
    "Согласно статье Трудового кодекса работодатель обязан платить.",
    "В статье «Осень в городе» много фотографий.",
]


@pytest.mark.parametrize("text", NOT_MAKERS)
def test_no_maker_without_a_name_of_one(text):
    assert not any(maker_before(text, i) for i, char in enumerate(text) if char == "«")


# A designator before a name in Latin letters is no organisation of its own: the name
# is (``рекламного агентства`` + ``Brightline``), as both benchmarks read it.
DESIGNATED = [
    ("Её пригласил директор рекламного агентства Brightline из Лондона.", "Brightline"),
    ("Он стал партнёром консалтингового агентства Northwind в прошлом году.", "Northwind"),
]


@pytest.mark.parametrize("text, name", DESIGNATED)
def test_a_designator_before_a_latin_name_is_no_organisation_alone(text, name, models):
    assert orgs(text, models) == [name]


# A quoted name made of an institution noun, its adjectives and the genitive phrase after
# it is one organisation, whatever natasha made of it.
QUOTED_BODIES = [
    ("Активисты создали «Инициативный совет обманутых пайщиков» весной.", "Инициативный совет обманутых пайщиков"),
    ("Письмо подписал «Общественный комитет защиты вкладчиков» и другие.", "Общественный комитет защиты вкладчиков"),
    ("Против стройки выступил «Районный союз садоводов».", "Районный союз садоводов"),
]


@pytest.mark.parametrize("text, name", QUOTED_BODIES)
def test_a_quoted_body_named_by_its_noun_is_one_organisation(text, name, models):
    assert name in orgs(text, models)


# A quoted phrase that is no body's name stays none: a sentence, a work, a slogan.
QUOTED_NOT_BODIES = [
    "Он сказал: «Совет дал нам время».",
    "Вышел фильм «Тайный союз сердец».",
    "На плакате было написано «Союз нерушимый».",
    # the name of what the noun before it names: a project, a contest, a programme
    "Дети участвовали в проекте «Школа юного журналиста».",
    "Они победили в конкурсе «Союз молодых талантов» весной.",
]


@pytest.mark.parametrize("text", QUOTED_NOT_BODIES)
def test_a_quoted_phrase_that_names_no_body_stays_none(text, models):
    assert orgs(text, models) == []


# A body named after a person holds the person: natasha may end the ORG at ``им.``.
NAMED_AFTER = [
    ("Он один из создателей Театра им. Йозефа Мюллера (Германия).", "Театра им. Йозефа Мюллера", "Йозефа Мюллера"),
    ("Она работала в Школе им. Йозефа Кранца в Вене.", "Школе им. Йозефа Кранца", "Йозефа Кранца"),
]


@pytest.mark.parametrize("text, name, person", NAMED_AFTER)
def test_a_body_named_after_a_person_holds_the_person(text, name, person, models):
    found = tag_names(text, models)
    assert name in [m.text for m in found if m.type == ORG]
    assert person in [m.text for m in found if m.type == "PER"]
    assert not any(m.type == ORG and m.text.endswith("им.") for m in found)


# An organisation's own name and abbreviation in brackets after it: ``(Election Watch
# Network, EWN)``; an abbreviation alone in brackets right after an organisation is its
# abbreviation; a place in brackets stays a place.
BRACKETED = [
    ("Доклад выпустила Сеть наблюдения за выборами (Election Watch Network, EWN) в марте.",
     ["Election Watch Network", "EWN"]),
    ("Его выдвинула партия «Союз за Тамбию» (Union pour la Tambie, UPT) весной.",
     ["Union pour la Tambie", "UPT"]),
    ("Патент выдало Агентство по товарным знакам (TMAX) в понедельник.", ["TMAX"]),
]


@pytest.mark.parametrize("text, names", BRACKETED)
def test_names_in_brackets_after_an_organisation(text, names, models):
    found = orgs(text, models)
    assert all(name in found for name in names)


def test_a_place_in_brackets_stays_a_place(models):
    text = "Совладелец агентства Kollwerk (Германия, США) выступил первым."
    found = tag_names(text, models)
    assert [m.text for m in found if m.type == "LOC"] == ["Германия", "США"]
