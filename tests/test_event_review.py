"""What the review of issue 12's events changes found: one happening told twice kept apart
on no real sign of two, a region of Russia taken for abroad, an official's charge taken
for a private person's.

Each table holds new invented sentences of one construction; none is copied from a
benchmark's documents.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from conftest import type_counts

from pipeline.events.time_shift import tells_time_shift
from pipeline.events.triggers import is_abroad

DOC_DATE = dt.date(2024, 9, 1)


def event_counts(text: str, models) -> Counter:
    return type_counts(text, models, DOC_DATE)


# (text, event type, how many): a later telling marked only by "уже" with a perfective
# past, by "за" (the cause of a penalty) or by an imperfective past is the happening retold;
# an explicit marker of an earlier time on its verb still tells another one
EARLIER = [
    ("5 мая 2024 года я, Иван Петров, провёл одиночный пикет у здания мэрии Казани. "
     "Полицейские задержали меня у мэрии. Через час меня доставили в отдел полиции.\n"
     "Суд оштрафовал меня за пикет на 10 000 рублей.", "detention", 1),
    ("5 мая 2024 года я, Иван Петров, провёл одиночный пикет у здания мэрии Казани. "
     "Полицейские задержали меня у мэрии. Через час меня доставили в отдел полиции.\n"
     "Суд оштрафовал меня за пикет на 10 000 рублей.", "protest", 1),
    ("14 марта 2024 года в Казани полиция задержала активиста Павла Орлова. "
     "Павла Орлова уже доставили в отдел полиции.", "detention", 1),
    ("3 июня 2024 года в Самаре полицейские задержали студентку Марину Лебедеву. "
     "Марину Лебедеву уже отвезли в отдел полиции.", "detention", 1),
    ("12 мая 2024 года Иван Петров провёл пикет у мэрии Казани. "
     "Суд оштрафовал Ивана Петрова за пикет на 10 000 рублей.", "protest", 1),
    ("В июле 2024 года Олег Смирнов вышел на одиночный пикет у здания суда в Перми. "
     "Суд оштрафовал Олега Смирнова за пикет на 15 000 рублей.", "protest", 1),
    # explicit markers: another happening, before the one told
    ("3 июня 2024 года в Самаре полицейские задержали студентку Марину Лебедеву. "
     "До этого Марину Лебедеву задерживали на акции у мэрии.", "detention", 2),
    ("В июле 2024 года в Перми полиция задержала эколога Олега Смирнова. "
     "Олега Смирнова неоднократно задерживали у здания администрации.", "detention", 2),
    ("В июле 2024 года в Перми полиция задержала эколога Олега Смирнова. "
     "Его уже задерживали у здания администрации.", "detention", 2),
]


@pytest.mark.parametrize("text, kind, n", EARLIER)
def test_only_an_explicit_earlier_marker_parts_two_tellings(models, text, kind, n):
    assert event_counts(text, models)[kind] == n


# (text, event type, how many): minutes and hours pass inside one story; a shift between
# two tellings that state the same day does not part them
SHIFT_IN_ONE_STORY = [
    ("12 мая 2024 года в Казани полиция задержала Анну Петрову у мэрии. "
     "Через час Анну Петрову доставили в отдел полиции.", "detention", 1),
    ("20 апреля 2024 года в Туле полицейские задержали Дениса Фомина у вокзала. "
     "Через 20 минут Дениса Фомина доставили в отдел полиции.", "detention", 1),
    ("12 мая 2024 года в Казани полиция задержала Анну Петрову у мэрии. "
     "Через два дня стало известно, что 12 мая 2024 года Анну Петрову задержали у мэрии.", "detention", 1),
    # a step of days still tells another happening
    ("12 мая 2024 года в Казани полиция задержала Анну Петрову у мэрии. "
     "Через два дня Анну Петрову задержали у здания суда.", "detention", 2),
]


@pytest.mark.parametrize("text, kind, n", SHIFT_IN_ONE_STORY)
def test_a_short_step_or_a_same_stated_day_keeps_one_happening(models, text, kind, n):
    assert event_counts(text, models)[kind] == n


@pytest.mark.parametrize("text, shift", [
    # "через" with no unit right after it (a number between at most) steps no time
    ("В тот день через мегафон полицейские потребовали разойтись.", False),
    ("12 мая 2024 года через мегафон объявили о задержании.", False),
    ("В ту же неделю через знакомых он передал письмо.", False),
    ("Через час его доставили в отдел.", False),
    ("Спустя несколько минут их отпустили.", False),
    ("Через несколько дней его снова вызвали.", True),
    ("Через 10 дней суд отменил решение.", True),
    ("Неделю спустя его уволили.", True),
])
def test_the_shape_of_a_step_of_time(text, shift):
    assert tells_time_shift(text) is shift


# (text, event type expected, event type not expected): a region of Russia is not abroad
REGIONS = [
    ("Активиста Петра Иванова арестовали в Сибири по обвинению в экстремизме.", "custody", "detention"),
    ("Блогера Марата Ахмедова арестовали на Северном Кавказе по обвинению в терроризме.", "custody", "detention"),
    ("Журналиста Олега Лаптева арестовали на Дальнем Востоке по делу о госизмене.", "custody", "detention"),
    # abroad still tells a capture
    ("Активиста Петра Иванова арестовали в Лиссабоне по обвинению в экстремизме.", "detention", "custody"),
]


@pytest.mark.parametrize("text, kind, not_kind", REGIONS)
def test_a_region_of_russia_is_not_abroad(models, text, kind, not_kind):
    found = event_counts(text, models)
    assert found[kind] == 1 and found[not_kind] == 0, found


@pytest.mark.parametrize("place, abroad", [
    ("Сибирь", False), ("Северный Кавказ", False), ("Дальний Восток", False), ("Кавказ", False),
    ("Средняя Азия", False), ("СССР", False), ("Советский Союз", False),
    ("Лиссабон", True), ("Германия", True), ("Москва", False), ("Алматы", False),
])
def test_abroad(place, abroad):
    assert is_abroad(place) is abroad


# (text, events expected): an official named in apposition or by a body in the genitive
# brings a charge; a private person does not
CHARGES = [
    ("Иван Кравцов, прокурор района, обвинил Ивана Сидорова в мошенничестве.", 1),
    ("Председатель Следственного комитета обвинил журналиста Ивана Сидорова в госизмене.", 1),
    ("Олег Громов, следователь полиции, обвинил фермера Семена Дроздова в краже.", 1),
    ("Руководитель управления ФСБ обвинил блогера Артема Крылова в экстремизме.", 1),
    ("Политолог Иван Кравцов обвинил мэра в мошенничестве.", 0),
    ("Сосед Анны Беловой обвинил её в краже велосипеда.", 0),
    ("Адвокат правозащитного центра «Право и закон» обвинил полицейских в превышении полномочий.", 0),
    ("Журналист газеты «Вечерний Курск» обвинил депутата Олега Лаптева во лжи.", 0),
]


@pytest.mark.parametrize("text, n", CHARGES)
def test_an_official_subject_is_not_private(models, text, n):
    assert sum(event_counts(text, models).values()) == n
