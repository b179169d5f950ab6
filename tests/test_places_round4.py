"""Places the tagger got wrong by class (issue 13, fourth round). Sentences made up here.

- a venue noun that its preposition reads in the plural is the streets or squares *of* a
  place, not a venue's name: only the place is a LOC;
- a name whose hyphen is written as a space is still the gazetteer's name;
- a capitalised word glued after a lone dot is a web domain zone, no place.
"""

from __future__ import annotations

import pytest

from pipeline.records import LOC, PER, VENUE
from pipeline.tag import tag_mentions
from pipeline.tag.candidates import Span
from pipeline.tag.gazetteer import find_places
from pipeline.tag.names import _fix_span


def places(models, text):
    _, mentions = tag_mentions(text, models)
    return {m.text: m.place_kind for m in mentions if m.type == LOC}


PLURAL_STREETS = [
    ("Вечером на улицы Манчестера вышли болельщики.", "Манчестера"),
    ("По улицам Тбилиси прошла колонна студентов.", "Тбилиси"),
    ("Полиция перекрыла въезды на площади Вильнюса.", "Вильнюса"),
    ("Патрули вывели на улицы Бирмингема.", "Бирмингема"),
]


@pytest.mark.parametrize("text, city", PLURAL_STREETS)
def test_streets_of_a_city_are_the_city(models, text, city):
    found = places(models, text)
    assert found.get(city, "missing") is None  # the city, as a settlement
    assert VENUE not in found.values()


SINGULAR_STREETS = [
    ("Пикет прошёл на улице Ленина в Омске.", "улице Ленина"),
    ("Автобус остановился у улицы Гоголя.", "улицы Гоголя"),
    ("Колонна свернула на улицу Пушкина.", "улицу Пушкина"),
]


@pytest.mark.parametrize("text, street", SINGULAR_STREETS)
def test_a_named_street_stays_a_venue(models, text, street):
    assert places(models, text).get(street) == VENUE


SPACED_NAMES = [
    ("Делегации прибыли из Коста Рики и Чили.", "Коста-Рика"),
    ("Он переехал в Сан Марино в 2010 году.", "Сан-Марино"),
    ("Туристы из Нью Йорка застряли в аэропорту.", "Нью-Йорк"),
    ("Участники: Чили • Коста Рика • Эквадор", "Коста-Рика"),
]


@pytest.mark.parametrize("text, canonical", SPACED_NAMES)
def test_a_hyphenated_name_written_with_a_space(text, canonical):
    assert canonical in [p.canonical for p in find_places(text)]


def test_a_spaced_name_in_a_list_is_a_place_not_a_person(models):
    assert "Коста Рика" in places(models, "Участники: Чили • Коста Рика • Эквадор • Перу")


DOMAIN_ZONES = [
    ("Регистрация адресов в зоне .РФ открылась весной.", "РФ"),
    ("Сайты в домене .РОССИЯ пока не работают, а в Москве ждут.", "РОССИЯ"),
]


@pytest.mark.parametrize("text, zone", DOMAIN_ZONES)
def test_a_domain_zone_is_no_place(models, text, zone):
    _, mentions = tag_mentions(text, models)
    assert zone not in {m.text for m in mentions}


def test_a_city_glued_to_its_abbreviation_stays(models):
    assert "Москва" in places(models, "Офис находится в г.Москва на Тверской.")


NAMED_AFTER = [
    ("Школа имени В. И. Даля открылась в 1990 году.", "В. И. Даля", "Даля"),
    ("Библиотеку имени А. П. Чехова закрыли на ремонт.", "А. П. Чехова", "Чехова"),
    ("Премию имени Н. А. Королёва вручили инженерам.", "Н. А. Королёва", "Королёва"),
]


@pytest.mark.parametrize("text, person, town", NAMED_AFTER)
def test_a_person_something_is_named_after_is_no_town(models, text, person, town):
    _, mentions = tag_mentions(text, models)
    found = {(m.type, m.text) for m in mentions}
    assert ("PER", person) in found and ("LOC", town) not in found


EPONYMS = [
    ("Директор Библиотеки Жуковского выступил с докладом.", "Жуковского"),
    ("Сотрудники Музея Чехова открыли выставку.", "Чехова"),
    ("Фонд Королёва выдал гранты студентам.", "Королёва"),
]


@pytest.mark.parametrize("text, word", EPONYMS)
def test_an_institution_named_after_a_person_holds_no_town(models, text, word):
    _, mentions = tag_mentions(text, models)
    assert ("LOC", word) not in {(m.type, m.text) for m in mentions}


def test_a_body_of_a_town_named_like_a_person_keeps_the_town(models):
    _, mentions = tag_mentions("Мэрия Пушкина объявила о ремонте дорог.", models)
    assert ("LOC", "Пушкина") in {(m.type, m.text) for m in mentions}


ENGLISH_VENUES = [
    ("Концерт прошёл в Альберт-холле в Лондоне.", "Альберт-холле"),
    ("Туристы поднялись на крышу Крайслер-билдинга.", "Крайслер-билдинга"),
    ("Бой прошёл в Мэдисон-сквер-гардене вечером.", "Мэдисон-сквер-гардене"),
]


@pytest.mark.parametrize("text, venue", ENGLISH_VENUES)
def test_english_building_names_are_venues(models, text, venue):
    assert places(models, text).get(venue, "missing") == VENUE


EPITHETS = [
    ("«Правил, как царь Симеон Грозный»\n\nСтатья о хоккее", "Симеон Грозный"),
    ("«Сказали, что Сергей Грозный уехал»\n\nНовости", "Сергей Грозный"),
    ("Наступила эпоха, когда Фёдор Грозный ещё не родился.", "Фёдор Грозный"),
]


@pytest.mark.parametrize("text, person", EPITHETS)
def test_a_first_name_with_an_epithet_is_one_person(models, text, person):
    _, mentions = tag_mentions(text, models)
    found = {(m.type, m.text) for m in mentions}
    assert ("PER", person) in found and ("LOC", "Грозный") not in found


def test_a_town_after_a_first_name_in_another_case_stays_a_town(models):
    _, mentions = tag_mentions("Иван поехал в Грозный.", models)
    assert ("LOC", "Грозный") in {(m.type, m.text) for m in mentions}


SETTLEMENT_HEADINGS = [
    ("Город Тольятти\n\nВ городе прошёл пикет.", "Тольятти"),
    ("Село Кызылжар, где жили беженцы, опустело.", "Кызылжар"),
    ("Деревня Марьино сгорела в августе.", "Марьино"),
]


@pytest.mark.parametrize("text, name", SETTLEMENT_HEADINGS)
def test_a_capitalised_kind_of_settlement_is_no_part_of_its_name(models, text, name):
    found = places(models, text)
    assert name in found and not any(t.split()[0] in ("Город", "Село", "Деревня") for t in found)


LOWER_CASE_PIECES = [
    "Маяк построили на мысе Доброй Надежды в бухте Фолс.",
    "Корабль причалил у мыса Горн в шторм.",
]


@pytest.mark.parametrize("text", LOWER_CASE_PIECES)
def test_no_one_word_place_in_lower_case(models, text):
    assert not [t for t in places(models, text) if t.islower()]


LOWER_CASE_SPANS = [
    ("Маяк стоит на мысе Агульяс в провинции Кейп.", "мысе", PER),
    ("Лодка разбилась у мыса Гвардафуй в шторм.", "мыса", LOC),
    ("Станцию поставили на острове Сейбл.", "острове", LOC),
]


@pytest.mark.parametrize("text, word, kind", LOWER_CASE_SPANS)
def test_a_one_word_lower_case_span_is_dropped(text, word, kind):
    # natasha sometimes cuts the common noun off a foreign name as a name of its own
    # (a case seen in development text); made-up sentences rarely trigger it, so the
    # rule is checked on the span natasha gives there.
    start = text.index(word)
    assert _fix_span(text, Span(kind, start, start + len(word))) is None


NAMES_AFTER_A_GLUED_DOT = [
    ("Задержали троих...Петров сказал, что их отпустят.", "Петров"),
    ("«Мы пришли».Иванов ушёл первым.", "Иванов"),
    ("Суд отложили (до марта).Козлов подал жалобу.", "Козлов"),
    ("Адвокат опоздал на час.Сидорова ждала его у суда.", "Сидорова"),
]


@pytest.mark.parametrize("text, person", NAMES_AFTER_A_GLUED_DOT)
def test_a_name_after_a_dot_glued_to_punctuation_is_no_domain_zone(models, text, person):
    # PDF text often drops the space after a sentence's end: the name is still a person.
    _, mentions = tag_mentions(text, models)
    assert ("PER", person) in {(m.type, m.text) for m in mentions}


def test_a_domain_zone_at_the_text_start_is_no_place(models):
    _, mentions = tag_mentions(".РФ отметил десятилетие, а в Казани прошёл форум.", models)
    found = {m.text for m in mentions}
    assert "РФ" not in found and "Казани" in found


SETTLEMENT_WORD_BEFORE_LOWER_CASE = [
    ("Город на Неве встретил гостей.", "Город на Неве"),
    ("Село за Волгой опустело к зиме.", "Село за Волгой"),
    ("Посёлок у Ладоги затопило весной.", "Посёлок у Ладоги"),
]


@pytest.mark.parametrize("text, span", SETTLEMENT_WORD_BEFORE_LOWER_CASE)
def test_a_settlement_word_before_a_lower_case_word_cuts_no_name_there(text, span):
    # natasha gives such a span in some contexts; the rule that drops a capitalised
    # ``Город`` must not then open the name at the preposition.
    fixed = _fix_span(text, Span(LOC, 0, len(span)))
    assert fixed is not None and not text[fixed.start : fixed.end][:1].islower()
