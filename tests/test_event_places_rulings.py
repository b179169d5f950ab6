"""A court's ruling takes the court's place when the text names it, never the place of the
protest, detention or attack it answers (``data/ovdinfo/README.md``, *Places of rulings*):
neither from that happening's clause in its own sentence (``в Омске на шествии были
задержаны ..., позднее ... приговорен``) nor carried from it in the paragraph. Issue 12: the
rulings of real reports took the protest's city. Every sentence is new, written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

# text, event type, expected place
CASES = [
    # the protest's or the arrest's place is not the ruling's
    ("1 мая 2019 года в Омске на шествии были задержаны активисты, позднее один из них был "
     "арестован и приговорен к году колонии.", "custody", None),
    ("Весной 2018 года в Брянске после акции задержали Петра Орлова и приговорили его к двум "
     "годам условно.", "court", None),
    ("Вчера в Липецке полицейские избили и задержали Ивана Сомова, а затем суд отправил его "
     "под арест на 15 суток.", "custody", None),
    ("9 мая 2020 года в Туле во время шествия полиция задержала нескольких человек; Игоря Рябова "
     "затем избили в отделе и арестовали, обвинив в нападении на сотрудника, а через полгода "
     "суд назначил ему два года колонии.", "custody", None),
    # nor does an earlier place of the paragraph stand in for it
    ("В марте в Орле полиция задержала двух пикетчиков. Через неделю в Брянске на митинге "
     "задержали Анну Петрову, позднее ее приговорили к году условно.", "court", None),
    # the happenings at the scene keep it
    ("1 мая 2019 года в Омске на шествии были задержаны активисты, позднее один из них был "
     "арестован и приговорен к году колонии.", "detention", "Омск"),
    ("Вчера в Липецке полицейские избили и задержали Ивана Сомова, а затем суд отправил его "
     "под арест на 15 суток.", "violence", "Липецк"),
    # the court's own place stands, in its sentence or carried from another ruling
    ("Хамовнический суд Москвы арестовал и приговорил активиста Олега Белова к трем годам "
     "колонии.", "custody", "Москва"),
    ("В Москве Басманный суд арестовал журналиста Петра Орлова.", "custody", "Москва"),
    # a town's total of arrests, or a line about a town, frames its rulings too: no protest there
    ("Всего за май в Актобе было задержано не менее 30 человек, девять из них арестованы на срок "
     "от 3 до 10 суток.", "custody", "Актобе"),
    ("Итоги марта по городам:\n— Самара: задержаны 120 человек, оштрафованы 45;\n— Пенза: задержаны 40 "
     "человек.", "fine", "Самара"),
    # a town's totals over a period, its rallies among them, frame the penalties counted with them
    ("По итогам года только в Тамбове, несмотря на запреты, митинги проводились каждый месяц. "
     "Было задержано около сорока человек, оштрафовано 12 человек.", "fine", "Тамбов"),
    # a city named apart from the square of the protest is where its court sits
    ("В марте в Самаре задержали около ста человек. 13 марта студент Олег Белов вышел на "
     "Театральную площадь с плакатом и был задержан. 15 марта Ленинский районный суд арестовал "
     "Белова на 2 месяца.", "custody", "Самара"),
    # a place that sets the scene of the case, not of a protest, carries
    ("В Тамбовской области против блогера Ильи Котова возбудили дело. Весной его арестовали "
     "на два месяца.", "custody", "Тамбовская область"),
]


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, dt.date(2023, 5, 10))


@pytest.mark.parametrize(("text", "kind", "place"), CASES)
def test_a_ruling_is_not_placed_at_the_protest_it_answers(events_of, text, kind, place):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.place == place


# A court named with its state or region in one name (``Верховный суд Грузии``: the tagger
# keeps the place nested in the organisation) sits there: its ruling's place is that state
# (``data/wikinews/README.md``: a ruling's place is the state; a regional court's, its region).
SEATS = [
    ("Верховный суд Грузии оправдал оппозиционного политика Давида Мчедлишвили.", "court", "Грузия"),
    ("Специальный суд Ирана приговорил двух студентов к пяти годам тюрьмы.", "custody", "Иран"),
    ("Военный суд Египта приговорил блогера Ахмеда Саида к трем годам тюрьмы.", "custody", "Египет"),
    ("Верховный суд Казахстана оставил в силе приговор журналисту Ерлану Ахметову.", "court", "Казахстан"),
    # a place named outright in the clause comes first
    ("В Тбилиси Верховный суд Грузии оправдал политика Давида Мчедлишвили.", "court", "Тбилиси"),
    # a court's name places only its rulings, not what befell its staff
    ("Председатель Верховного суда Ирана Али Резаи был задержан вчера.", "detention", None),
]


@pytest.mark.parametrize(("text", "kind", "place"), SEATS)
def test_a_courts_state_in_its_name_places_its_ruling(events_of, text, kind, place):
    event = next(e for e in events_of(text) if e.type == kind)
    assert event.place == place
