"""Where and when a report's happenings took place: dates and places carried by the layout
of reports (a quoted account under its introduction) and by the words (a place told as an
adjective of a city). New sentences, in the manner of the OVD-Info reports."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

DOC_DATE = dt.date(2015, 2, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


def first(events, kind):
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} event in {[(e.type, e.trigger) for e in events]}"
    return found[0]


# (text, event type, its date's start, its place): a paragraph ending in a colon introduces
# the account quoted after it; what the account tells happened where and when the
# introduction says.
QUOTED_ACCOUNTS = [
    ("Так разгон пикета в Пскове в марте 2013 года описала его участница Ольга Петрова:\n"
     "«Я стояла с плакатом минут десять. Вдруг подъехала машина, и меня задержали.»\n",
     "detention", dt.date(2013, 3, 1), "Псков"),
    ("О давлении на наблюдателей в Саратове в 2012 году рассказал ОВД-Инфо Игорь Смирнов:\n"
     "«Утром у подъезда меня избили двое неизвестных, сломали руку.»\n",
     "violence", dt.date(2012, 1, 1), "Саратов"),
]


@pytest.mark.parametrize("text, kind, date, place", QUOTED_ACCOUNTS)
def test_a_quoted_account_happened_where_and_when_its_introduction_says(events_of, text, kind, date, place):
    event = first(events_of(text), kind)
    assert event.date is not None and event.date.start == date
    assert event.place == place


# Without the colon the next paragraph is a story of its own: nothing carries.
def test_a_paragraph_without_a_colon_takes_nothing_from_the_one_before(events_of):
    text = ("В марте 2013 года в Пскове прошел пикет против закрытия больницы.\n"
            "Позднее полицейские задержали двоих активистов у здания администрации.\n")
    event = first(events_of(text), "detention")
    assert event.date is None and event.place is None


# (text, date of the later happening or None): a happening told «потом», «впоследствии» is
# not on the day or in the month the paragraph named; a bare year the paragraph named still
# frames it, a day's or a month's year is not carried (the guidelines leave it empty).
LATER = [
    ("В 2013 году в Омске прошел пикет у здания мэрии. Потом полицейские задержали троих участников.",
     dt.date(2013, 1, 1)),
    ("Осенью 2011 года в Томске активисты провели митинг. Впоследствии одного из них арестовали на 10 суток.",
     dt.date(2011, 1, 1)),
    ("12 мая 2013 года в Омске прошел пикет у здания мэрии. Впоследствии полицейские задержали троих участников.",
     None),
    ("В мае 2013 года в Омске прошел пикет у здания мэрии. Позднее полицейские задержали троих участников.",
     None),
]


@pytest.mark.parametrize("text, date", LATER)
def test_a_later_happening_keeps_only_the_year(events_of, text, date):
    later = [e for e in events_of(text) if e.type in {"detention", "custody"}]
    assert later, "the later happening is an event"
    assert (later[0].date.start if later[0].date else None) == date


# (text, event type, date): a date opening its sentence after an introductory phrase with no
# verb («По данным ...,», «Кроме того,») frames what the paragraph tells next, even when
# that sentence itself tells no happening (a statistic).
INTRODUCED_DATES = [
    ("По данным мониторинга, в 2013 году по административным статьям было вынесено 40 приговоров. "
     "Активиста Ивана Петрова приговорили к двум годам колонии.", "custody", dt.date(2013, 1, 1)),
    ("По сведениям правозащитников, в 2011 году по указанной статье осуждены 30 человек. "
     "Студента Олега Смирнова оштрафовали на 10 тысяч рублей.", "fine", dt.date(2011, 1, 1)),
]


@pytest.mark.parametrize("text, kind, date", INTRODUCED_DATES)
def test_a_date_after_an_introductory_phrase_frames_the_paragraph(events_of, text, kind, date):
    event = first(events_of(text), kind)
    assert event.date is not None and event.date.start == date


# (text, event type, place): a city's adjective on the person or body a happening befell
# tells where it happened; a place the sentence names outright comes first; a country's
# adjective is no place.
ADJECTIVE_PLACES = [
    ("В 2016 году 12 сотрудников пермской газеты «Утренний вестник» объявили голодовку.",
     "protest", "Пермь"),
    ("Координатора тюменского отделения движения «Голос» Ирину Соколову задержали сотрудники полиции.",
     "detention", "Тюмень"),
    ("Воронежской активистке Наталье Ивановой разбили окно в квартире.", "violence", "Воронеж"),
    ("В Омске задержали московского журналиста Петра Иванова.", "detention", "Омск"),
    ("Российские власти запретили ввоз книг.", "permit_denied", None),
]


@pytest.mark.parametrize("text, kind, place", ADJECTIVE_PLACES)
def test_a_citys_adjective_on_a_participant_is_the_place(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type): the lexicon lists one aspect of a verb, the text tells the other
# (a secondary imperfective in -ывать/-ивать is its perfective's partner).
ASPECT_PARTNERS = [
    ("Неизвестные измазывали краской дверь квартиры журналиста Ивана Петрова.", "violence"),
    ("Машину активиста Олега Смирнова закидывали камнями.", "violence"),
]


@pytest.mark.parametrize("text, kind", ASPECT_PARTNERS)
def test_the_other_aspect_of_a_trigger_verb_triggers(events_of, text, kind):
    first(events_of(text), kind)


# (text, number of violence events): violence told by another word in a later sentence of
# the paragraph is another happening (a killing, then clashes); told by the same word, a
# retelling.
VIOLENCE_TOLD_APART = [
    ("В июне 2013 года в Омске неизвестные убили активиста Ивана Петрова. "
     "На акции памяти через неделю произошли столкновения с полицией.", 2),
    ("В мае 2013 года в Омске неизвестные избили журналиста Олега Смирнова. "
     "Избили его прямо у подъезда.", 1),
]


@pytest.mark.parametrize("text, n", VIOLENCE_TOLD_APART)
def test_violence_told_by_another_word_is_another_happening(events_of, text, n):
    assert sum(e.type == "violence" for e in events_of(text)) == n


# (text, number of intimidation events): the same for pressure (a threat, then a «беседа»).
PRESSURE_TOLD_APART = [
    ("В марте 2013 года в Омске активисту Ивану Петрову угрожали по телефону. "
     "Через неделю сотрудники полиции провели с ним профилактическую беседу.", 2),
    ("В марте 2013 года в Омске активисту Ивану Петрову угрожали по телефону. "
     "Угрожали ему и на улице.", 1),
]


@pytest.mark.parametrize("text, n", PRESSURE_TOLD_APART)
def test_pressure_told_by_another_word_is_another_happening(events_of, text, n):
    assert sum(e.type == "intimidation" for e in events_of(text)) == n


# (text, number of court events): a court's rulings told by other words in later sentences
# are rulings of their own; the court words after a lawsuit or appeal filed in the paragraph
# tell that same case.
COURT_TOLD_APART = [
    ("Летом 2013 года районный суд вернул дело Ивана Петрова на доследование. Позднее суд амнистировал его.", 2),
    ("В марте 2013 года активисты подали иск к администрации Омска. "
     "Районный суд в удовлетворении иска отказал.", 1),
]


@pytest.mark.parametrize("text, n", COURT_TOLD_APART)
def test_rulings_told_by_other_words_are_rulings_of_their_own(events_of, text, n):
    assert sum(e.type == "court" for e in events_of(text)) == n


# (text, event type, place): where a named person is from or works is reached through that
# person, however deep the person stands in the happening's phrase.
PERSON_PLACES = [
    ("В мае 2013 года было возбуждено дело против координатора отделения движения «Голос» в Томске "
     "Ивана Петрова по статье о хулиганстве.", "other", "Томск"),
    ("Летом 2012 года задержали активиста из Курска Олега Смирнова.", "detention", "Курск"),
]


@pytest.mark.parametrize("text, kind, place", PERSON_PLACES)
def test_where_a_named_person_is_from_is_the_place(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, its date's start): a clause's own time ("и в июле суд ...", "начались
# только в марте ...") dates what the rest of its sentence tells, though the sentence opened
# with another date.
CLAUSE_DATES = [
    ("В апреле 2013 года материалы вернули прокурору, а в сентябре судья признал, что Павел Крылов "
     "повинен только в мелкой краже, приговорил его к двум годам колонии.", "custody", dt.date(2013, 9, 1)),
    ("В 2013 году в закон внесли новую статью, однако преследование по ней началось только в марте 2014 года "
     "(первым обвиняемым стал активист Игорь Носов, с него взята подписка о невыезде).",
     "other", dt.date(2014, 3, 1)),
]


@pytest.mark.parametrize("text, kind, date", CLAUSE_DATES)
def test_a_clauses_own_time_dates_the_rest_of_its_sentence(events_of, text, kind, date):
    event = [e for e in events_of(text) if e.type == kind][-1]
    assert event.date is not None and event.date.start == date



# (text, event type, place): an event's place is one name in the nominative: an accusative
# the noun hides (``на Триумфальную площадь``) is declined, and a city written with a
# doubled letter once (or a single one twice) is the gazetteer's city; a city the gazetteer
# lacks that differs from one it has by another letter stays itself.
PLACE_NAMES = [
    ("Активисты вышли на Триумфальную площадь с плакатами.", "protest", "Триумфальная площадь"),
    ("Полиция задержала студентов в Новоросийске за пикет.", "detention", "Новороссийск"),
    ("В Уссурийскке неизвестные избили журналиста Петра Ланина.", "violence", "Уссурийск"),
    ("В Уральске полиция задержала трех активистов.", "detention", "Уральск"),
]


@pytest.mark.parametrize("text, kind, place", PLACE_NAMES)
def test_an_events_place_is_one_name_in_the_nominative(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, place): a city's adjective on a named participant sets the scene of
# their case for the paragraph, as ``активист из Омска`` does; a place the paragraph names
# outright comes first.
ADJECTIVE_SCENES = [
    ("Дело омского активиста Павла Рогова было возбуждено в 2013 году. "
     "В 2014 году его приговорили к двум годам условно.", "court", "Омск"),
    ("Уголовное дело против иркутского журналиста Олега Ветрова было возбуждено в мае. "
     "В июле его арестовали на два месяца.", "custody", "Иркутск"),
    ("В Томске задержали курского блогера Ивана Ершова. Через месяц его оштрафовали.", "fine", "Томск"),
]


@pytest.mark.parametrize("text, kind, place", ADJECTIVE_SCENES)
def test_a_participants_city_adjective_sets_the_scene_of_the_case(events_of, text, kind, place):
    assert [e for e in events_of(text) if e.type == kind][-1].place == place


# (text, event type of the last such event, its date's start or None): a sentence that dates a
# count of cases introduces them; the cases told after it, a paragraph each, take its year,
# until a paragraph sets a time of its own; a paragraph after a sentence with no count of
# cases takes nothing.
INTRODUCED_CASES = [
    ("В течение 2012 года ряд дел был возбужден за публикации в соцсетях.\n"
     "Пенсионера из Брянска Олега Гуськова обвиняют в оскорблении чувств верующих.\n"
     "Студентку из Ельца Марину Котову обвинили в экстремизме за репост.\n", "other", dt.date(2012, 1, 1)),
    ("В 2013 году в Омске и Томске были возбуждены два дела против местных экологов.\n"
     "Эколога Игоря Мухина обвинили в хулиганстве.\n", "other", dt.date(2013, 1, 1)),
    ("В 2013 году в Омске и Томске были возбуждены два дела против местных экологов.\n"
     "По данным правозащитников, в 2011 году таких дел было меньше.\n"
     "Эколога Игоря Мухина обвинили в хулиганстве.\n", "other", None),
    ("В 2012 году в Омске прошел митинг против вырубки леса.\n"
     "Эколога Игоря Мухина обвинили в хулиганстве.\n", "other", None),
]


@pytest.mark.parametrize("text, kind, date", INTRODUCED_CASES)
def test_cases_a_dated_sentence_introduces_take_its_year(events_of, text, kind, date):
    event = [e for e in events_of(text) if e.type == kind][-1]
    assert (event.date.start if event.date else None) == date


# (text, event type, its date's start or None, its place): a date or place inside a bracket
# with a verb of its own belongs to that bracket's clause, not to a trigger outside it; a
# bracket with no verb is a gloss of the trigger's own clause.
BRACKET_CLAUSES = [
    ("В Пермском крае возбуждено дело против местных активистов Ивана Орлова и Петра Сомова за "
     "публикацию текста (в марте 2014 года Орлов получил убежище в Эстонии).", "other", None, "Пермский край"),
    ("Блогера Олега Носова задержали за пост о войне (позднее, в мае 2013 года, он уехал в Киев).",
     "detention", None, None),
    ("Блогера Олега Носова задержали за пост о войне (в мае 2013 года, в Твери).",
     "detention", dt.date(2013, 5, 1), "Тверь"),
]


@pytest.mark.parametrize("text, kind, date, place", BRACKET_CLAUSES)
def test_a_brackets_own_clause_keeps_its_date_and_place(events_of, text, kind, date, place):
    event = first(events_of(text), kind)
    assert (event.date.start if event.date else None) == date
    assert event.place == place


# (text, event type, place): the place of the happening's own clause comes before where its
# participant is from, and a rally's place is where an arrest at it happened; with no other
# place, where the participant is from still stands.
CLAUSE_BEFORE_ORIGIN = [
    ("Студентку из Пензы Ольгу Рябову задержали на пикете в Самаре.", "detention", "Самара"),
    ("Пенсионера из Твери Игоря Лосева избили на митинге в Москве.", "violence", "Москва"),
    ("Пенсионера из Твери Игоря Лосева избили неизвестные.", "violence", "Тверь"),
]


@pytest.mark.parametrize("text, kind, place", CLAUSE_BEFORE_ORIGIN)
def test_the_clauses_place_comes_before_a_participants_origin(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, place): a city's adjective beside a regional level (``областной``,
# ``краевой``) names the region, not the city; without one, the city.
REGIONAL_COURTS = [
    ("Челябинский областной суд отклонил апелляцию Ивана Орлова.", "court", "Челябинская область"),
    ("Пермский краевой суд приговорил Олега Белова к штрафу.", "fine", "Пермский край"),
    ("Челябинский районный суд приговорил Олега Белова к штрафу.", "fine", "Челябинск"),
    # a town's adjective read by the morphology of place names (a plural name, a vowel the
    # adjective keeps, a stressed ending), and narrower than the region named after it
    ("Мытищинский городской суд оштрафовал Анну Лебедеву на 15 тысяч рублей.", "fine", "Мытищи"),
    ("Люберецкий городской суд Московской области приговорил Олега Белова к штрафу.", "fine", "Люберцы"),
    ("Тверской областной суд отклонил жалобу Ивана Орлова.", "court", "Тверская область"),
]


@pytest.mark.parametrize("text, kind, place", REGIONAL_COURTS)
def test_a_regional_courts_adjective_names_the_region(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, its date's start): a day counted in words inside a sentence («на
# следующий день», «через два дня») dates the trigger it modifies, counted from the last day
# named before it; the happening told before the phrase keeps its own day, and the next
# sentence is not moved by it.
COUNTED_DAYS = [
    ("Утром 7 апреля 2021 года в Туле задержали фотографа Олега Сомова, на следующий день суд "
     "оштрафовал его на 10 тысяч рублей.", "fine", dt.date(2021, 4, 8)),
    ("Утром 7 апреля 2021 года в Туле задержали фотографа Олега Сомова, на следующий день суд "
     "оштрафовал его на 10 тысяч рублей.", "detention", dt.date(2021, 4, 7)),
    ("19 сентября 2019 года Анну Белову задержали у здания администрации, а через два дня суд "
     "арестовал ее на 12 суток.", "custody", dt.date(2019, 9, 21)),
    ("19 сентября 2019 года Анну Белову задержали у здания администрации, а через два дня суд "
     "арестовал ее на 12 суток.", "detention", dt.date(2019, 9, 19)),
    ("2 июня 2020 года в Пензе задержали активиста Глеба Исаева. Суд арестовал его на следующий день.",
     "custody", dt.date(2020, 6, 3)),
    # «после …» names what the days count from: that happening is not on the counted day
    ("Студентов задержали 11 октября 2022 года, через три дня после шествия суд оштрафовал их.",
     "protest", dt.date(2022, 10, 11)),
    ("Студентов задержали 11 октября 2022 года, через три дня после шествия суд оштрафовал их.",
     "fine", dt.date(2022, 10, 14)),
    ("23 мая 2020 года в Брянске задержали художника Роберта Минина, на следующий день после "
     "пикета суд арестовал его на 7 суток.", "protest", dt.date(2020, 5, 23)),
    ("23 мая 2020 года в Брянске задержали художника Роберта Минина, на следующий день после "
     "пикета суд арестовал его на 7 суток.", "custody", dt.date(2020, 5, 24)),
    ("Сторожа Ивана Дробова избили 3 февраля 2019 года. На другой день после митинга его "
     "задержали у проходной.", "protest", dt.date(2019, 2, 3)),
]


@pytest.mark.parametrize("text, kind, date", COUNTED_DAYS)
def test_a_day_counted_in_words_dates_its_own_clause(events_of, text, kind, date):
    event = first(events_of(text), kind)
    assert event.date is not None and event.date.start == date


def test_a_counted_day_inside_a_sentence_does_not_move_the_next_one(events_of):
    text = ("Утром 7 апреля 2021 года в Туле задержали фотографа Олега Сомова, на следующий день суд "
            "оштрафовал его. Его коллегу Ирину Лаврову избили полицейские у входа в отдел.")
    event = first(events_of(text), "violence")
    assert event.date is not None and event.date.start == dt.date(2021, 4, 7)


# (text, event type, its place): where someone is taken or sent («в»/«на» with the
# accusative: «экстрадирован в США», «доставлен в Москву») is not where the expulsion or
# detention happened; the place of the happening is (the prepositional case, or the place an
# earlier happening of the paragraph was told at).
GOALS = [
    ("Блогера Виктора Ланского задержали в Ереване и доставили в Москву.", "detention", "Ереван"),
    ("Журналист Марк Ульрих был задержан в Праге и экстрадирован в Германию.", "expulsion", "Прага"),
    ("В пятницу Рустама Каримова депортировали в Ташкент.", "expulsion", None),
]


@pytest.mark.parametrize("text, kind, place", GOALS)
def test_where_people_are_sent_is_not_where_it_happened(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, its place): the country a person is a citizen of says who they are, not
# where anything happened; a city named on a venue the happening was at («в аэропорту
# Казани», «на вокзале Твери») is its place, as «в центре Омска» is.
CITIZENS_AND_VENUES = [
    ("5 марта 2019 года полиция задержала гражданина Франции Пьера Дюбуа.", "detention", None),
    ("Гражданку Канады Анну Смит арестовали 3 мая 2019 года за участие в пикете.", "detention", None),
    ("Полиция задержала в Пскове подданного Норвегии Ларса Хансена.", "detention", "Псков"),
    ("В 2015 году Ивана Сидорова арестовали в аэропорту Казани.", "detention", "Казань"),
    ("Весной 2017 года активиста Олега Крылова задержали на вокзале Твери.", "detention", "Тверь"),
    ("Двоих болельщиков избили у стадиона Саранска после матча.", "violence", "Саранск"),


    # a room of a venue is the venue: the city or venue named on it is the place
    ("Семинар правозащитников в зале гостиницы Томска сорвали 3 марта 2019 года.", "permit_denied", "Томск"),
]

# (text, event type, its place): a building the tagger types as a body (a theatre, a stadium)
# is the venue of a happening told at it («у», «в», «на»); a body's name is not («директор
# театра»), and a venue is more specific than the city named beside it.
VENUE_BODIES = [
    ("Полиция задержала пятерых активистов у Центрального стадиона 9 мая 2019 года.",
     "detention", "Центральный стадион"),
    ("В Перми у Драматического театра полицейские задержали двух пикетчиков.", "detention",
     "Драматический театр"),
    ("Директора Драматического театра Ивана Петрова задержали 3 мая 2019 года.", "detention", None),
]


# (text, event type, its place): a monument named by its dedication in the dative, in lower
# case, is a venue; a place told right before another with «на»/«в» between stands in it and
# is the happening's, however the parse hangs the second one (a city before its square is not).
STANDING_IN = [
    # the parse hangs the street, not the monument, on the rally: without the standing-in
    # rule the street would be the place, without the dedication no monument would be found
    ("В Обнинске памятник ликвидаторам на улице Мира 26 апреля 2019 года стал местом пикета "
     "против закрытия больницы.", "protest", "памятник ликвидаторам"),
    ("В мае 2019 года пикетчики провели акцию у мемориала погибшим шахтёрам в сквере Горняков.",
     "protest", "мемориал погибшим шахтёрам"),
    ("Полиция задержала Ивана Петрова в центре Гомеля на площади Свободы.", "detention", "площадь Свободы"),
    ("Полиция задержала Ивана Петрова в Гомеле на площади Свободы.", "detention", "площадь Свободы"),
]


@pytest.mark.parametrize("text, kind, place", STANDING_IN)
def test_a_place_told_in_another_is_the_narrower(events_of, text, kind, place):
    events = [e for e in events_of(text) if e.type == kind]
    assert [e.place for e in events] == [place]


@pytest.mark.parametrize("text, kind, place", VENUE_BODIES)
def test_a_building_typed_as_a_body_is_the_venue(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


@pytest.mark.parametrize("text, kind, place", CITIZENS_AND_VENUES)
def test_no_place_from_a_citizenship_and_a_citys_venue_is_the_city(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, its place): the guidelines take the most specific named place of the
# happening; a wider place (a country, often named on the actor: «власти Казахстана»; a region;
# a city) gives way to a place
# inside it that the trigger's clause also names, but not to a place in another country, nor
# to one the gazetteer does not know, nor to where a person is from unless it is inside it.
MOST_SPECIFIC = [
    ("Полиция Казахстана задержала двух студентов в Кентау во время пикета.", "detention", "Кентау"),
    ("Власти России задержали жителя Мценска за надпись на заборе.", "detention", "Россия"),
    ("Власти Казахстана задержали уроженку Старобельска в аэропорту.", "detention", "Казахстан"),
    ("Власти России задержали активиста из Мценска Игоря Лаптева.", "detention", "Россия"),
    ("Власти России задержали активиста из Тамбова Игоря Лаптева.", "detention", "Тамбов"),
    ("Полиция Германии задержала мужчину в Гамбурге по подозрению в нападении.", "detention", "Гамбург"),
    ("Власти Грузии задержали активиста из Еревана на границе.", "detention", "Грузия"),
    # a region gives way to a city inside it, a city to a named venue: «в центре» or «у
    # здания» of a place is that place; two places side by side are not one inside the other
    ("12 июня 2021 года сто человек собрались в центре Тамбова у здания администрации "
     "Тамбовской области.", "protest", "Тамбов"),
    ("В мае 2019 года около пятидесяти человек собрались в центре Калуги на площади Победы.",
     "protest", "площадь Победы"),
    ("Полиция Самарской области задержала двух активистов в Тольятти у здания мэрии.",
     "detention", "Тольятти"),
    ("Весной 2020 года полиция задержала в Свердловской области и Екатеринбурге более "
     "двадцати участников пикетов.", "detention", "Свердловская область"),
    ("За два года суды Башкирии и Уфы оштрафовали сорок участников митингов.", "fine",
     "Республика Башкортостан"),
]


@pytest.mark.parametrize("text, kind, place", MOST_SPECIFIC)
def test_the_most_specific_place_of_the_clause(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


# (text, event type, its place): a list entry or line opening with a place and a colon
# («— Казань: задержаны ...») is about that place: every happening the line tells is there.
LINE_HEADS = [
    ("Итоги дня:\n— Омск: задержаны 12 человек, оштрафованы пятеро;\n— Курск: задержаны 7 человек.",
     "fine", "Омск"),
    ("Итоги дня:\n— Омск: задержаны 12 человек;\n— Курск: задержаны 7 человек, оштрафованы двое.",
     "fine", "Курск"),
    ("Сводка за неделю:\nТверь: суд арестовал двоих участников пикета на 10 суток.", "custody", "Тверь"),
]


@pytest.mark.parametrize("text, kind, place", LINE_HEADS)
def test_a_line_headed_by_a_place_happened_there(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place


def test_a_place_inside_the_line_is_no_heading(events_of):
    # the colon follows a sentence, not the place: the place is the clause's own
    text = "Итоги дня:\nВ Омске задержали 12 человек, оштрафовали пятерых: суд решил быстро."
    assert first(events_of(text), "detention").place == "Омск"


# (text, event type, its place): a paragraph that frames one place only is that place
# throughout, so a happening at a venue (a rally, an arrest) told before the place is named
# is there too; a paragraph framing two places gives an earlier happening neither.
PARAGRAPH_PLACE = [
    ("Активисты решили провести пикет у здания администрации в субботу. "
     "В итоге пикет прошел 4 апреля 2021 года, по городу Вологде раздали тысячу листовок.",
     "protest", "Вологда"),
    ("Полицейские задержали журналиста Павла Гринева прямо у подъезда. "
     "В Кургане 5 мая 2021 года прошли пикеты, в Тюмени 6 мая 2021 года прошел митинг.",
     "detention", None),
    ("Полицейские задержали организатора пикета Олега Дымова. "
     "В итоге пикет прошел 9 июня 2021 года, по городу Костроме раздали тысячу листовок.",
     "detention", "Кострома"),
    # an office's act is done in the town, not at the venue of the happenings it concerns
    ("Мэрия отказала организаторам в согласовании митинга у фонтана. "
     "В итоге митинг прошел 12 мая 2021 года на Театральной площади, собралось двести человек.",
     "permit_denied", None),
    ("Прокуратура вынесла организатору пикета Олегу Дымову предупреждение. "
     "В итоге пикет прошел 9 июня 2021 года у памятника Ломоносову, собралось двести человек.",
     "warning", None),
    ("Мэрия отказала организаторам в согласовании митинга у фонтана. "
     "В итоге митинг прошел 12 мая 2021 года, по городу Костроме раздали тысячу листовок.",
     "permit_denied", "Кострома"),
]


@pytest.mark.parametrize("text, kind, place", PARAGRAPH_PLACE)
def test_a_paragraph_of_one_place_places_what_it_told_before_naming_it(events_of, text, kind, place):
    assert first(events_of(text), kind).place == place
