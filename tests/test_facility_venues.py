"""A place of custody, a night club, a military base, a studio or a drilling platform named
by its number or a quoted name, or a church named by a saint's genitive, is a LOC venue
(``models/ner_venues.json`` ``facility_nouns``, ``facility_abbreviations``,
``facility_kinds``, ``saint_nouns``, ``saints``); its city or region in the genitive after
it stays a place of its own. The noun alone (``в изоляторе``, ``в ИВС``) names no place.
Sentences made up here."""

from __future__ import annotations

import pytest

from pipeline.records import LOC, VENUE
from pipeline.tag import tag_mentions

CASES = [
    ("Активистку поместили в СИЗО-3 Тамбова.", ["СИЗО-3"], "СИЗО-3"),
    ("СИЗО № 2 отказался принять передачу.", ["СИЗО № 2"], "СИЗО № 2"),
    ("Его этапировали из ИК-4 Чувашии в Пермь.", ["ИК-4"], "ИК-4"),
    ("Адвоката не пустили в СИЗО «Кедровый»", ["СИЗО «Кедровый»"], "СИЗО «Кедровый»"),
    ("Он отбывает срок в исправительной колонии № 8 Пермского края.",
     ["исправительной колонии № 8"], "исправительная колония № 8"),
    ("Её перевели в следственный изолятор № 6 Курска.", ["следственный изолятор № 6"], "следственный изолятор № 6"),
    ("Из колонии № 12 его выпустили досрочно.", ["колонии № 12"], "колония № 12"),
    ("Полиция оцепила ночной клуб «Маяк» в Твери.", ["ночной клуб «Маяк»"], "ночной клуб «Маяк»"),
    ("Нападавшие ворвались в гей-клуб «Орбита».", ["гей-клуб «Орбита»"], "гей-клуб «Орбита»"),
    ("Активисты поднялись на нефтяную платформу «Северная-2».",
     ["нефтяную платформу «Северная-2»"], "нефтяная платформа «Северная-2»"),
    ("Силовики ворвались в телестудию «Рассвет» в Каире.", ["телестудию «Рассвет»"], "телестудия «Рассвет»"),
    ("Обыск прошёл в церкви Святого Николая в Выборге.", ["церкви Святого Николая"], "церковь Святого Николая"),
    ("Задержанных держали на военной базе «Озёрная».", ["военной базе «Озёрная»"], "военная база «Озёрная»"),
    ("В московском СИЗО № 5 объявили карантин.", ["СИЗО № 5"], "СИЗО № 5"),
    # A capitalised adjective opening the sentence is the facility's too.
    ("Ночной клуб «Комета» закрыли после рейда.", ["Ночной клуб «Комета»"], "Ночной клуб «Комета»"),
    ("Исправительная колония № 9 стоит у самой реки.",
     ["Исправительная колония № 9"], "Исправительная колония № 9"),
    ("Военная база «Северная» закрыта для журналистов.", ["Военная база «Северная»"], "Военная база «Северная»"),
    ("Буровую платформу «Заря-3» обыскали пограничники.",
     ["Буровую платформу «Заря-3»"], "Буровая платформа «Заря-3»"),
]


@pytest.mark.parametrize("text, venues, name", CASES)
def test_a_numbered_or_named_facility_is_a_venue(models, text, venues, name):
    _, mentions = tag_mentions(text, models)
    found = [m for m in mentions if m.type == LOC and m.place_kind == VENUE]
    assert [m.text for m in found] == venues
    assert found[0].normal == name


# The genitive place after a facility stays a place of its own.
WITH_PLACE = [
    ("Его этапировали из ИК-4 Чувашии в Пермь.", "Чувашии"),
    ("Её перевели в следственный изолятор № 6 Курска.", "Курска"),
]


@pytest.mark.parametrize("text, place", WITH_PLACE)
def test_the_facility_s_region_stays_a_place(models, text, place):
    _, mentions = tag_mentions(text, models)
    assert [m.place_kind for m in mentions if m.type == LOC and m.text == place] == [None]


# No number, no name: an unnamed place, no LOC; a football club is a body, not a venue.
UNNAMED = [
    "Ночь он провёл в ИВС, утром его отпустили.",
    "В изоляторе ему стало плохо.",
    "Их отвезли в колонию, где они провели год.",
    "В церкви было тихо.",
    "Полиция снесла летние лагеря «Юность» и «Смена».",
    "Власти закрыли ночные клубы «Луна» и «Заря».",
    # A base or a platform with no word of a physical site is a database or an online service.
    "Его внесли в базу «Дозорный список» как экстремиста.",
    "База «Дозорный список» пополнилась новыми именами.",
    "Видео выложили на платформе «Свой круг», и его удалили.",
    "Сбор средств шёл через платформу «Народная копилка».",
    "На образовательной платформе «Знайка» заблокировали курс.",
    # A church named by a quoted name is its congregation, a body; a church is a place by its saint.
    "Пастора церкви «Благая радость» оштрафовали за проповедь.",
    "Прихожанам часовни «Светлый путь» запретили собираться.",
    # An electoral commission shares the penal colony's abbreviation only without a number.
    "В ИК подали жалобу на подсчёт голосов.",
]


@pytest.mark.parametrize("text", UNNAMED)
def test_an_unnamed_facility_is_no_place(models, text):
    _, mentions = tag_mentions(text, models)
    assert [m.text for m in mentions if m.type == LOC] == []
