"""A story about one place (data/annotated/README.md, Place): under a headline, when every
happening the text places is in one town, region or country (or one town and its country),
a happening whose paragraph names no place takes that place, once the text has named it
before the happening; not a happening told as earlier, not a venue's story, not a story that
moves between places, not a text with no headline, not an author's first-person account. New sentences, in the manner of news."""

from __future__ import annotations

import pytest

DOC_DATE = None  # news keeps no dateline


@pytest.fixture(scope="module")
def events_of(models):
    """The events of a raw text through normalisation, as a run gives them."""
    from pipeline.analysis import analyse
    from pipeline.normalise import normalise

    def run(raw: str):
        return analyse(normalise(raw), models, DOC_DATE).events

    return run


def place_of(events, kind):
    found = [e for e in events if e.type == kind and not e.negated]
    assert found, f"no {kind} event in {[(e.type, e.trigger) for e in events]}"
    return found[-1].place


# (text, event type, its place): the last event of that type is the one the case is about
STORY_PLACES = [
    # one town: a later paragraph's detention happened there
    ("Митинг против вырубки сквера\n\n"
     "14 мая 2016 года в Омске около двухсот человек вышли на митинг против вырубки сквера.\n\n"
     "Позднее полицейские задержали троих организаторов.\n",
     "detention", "Омск"),
    # a town and the country it lies in: the town
    ("Волнения в Грузии\n\n"
     "2 июня 2016 года в Тбилиси тысячи человек вышли на акцию протеста.\n\n"
     "Вечером полиция задержала двоих студентов.\n",
     "detention", "Тбилиси"),
    # a court's ruling in a story of one town
    ("Суд отправил блогера под арест\n\n"
     "3 марта 2017 года в Казани полицейские задержали блогера Рустама Галиева.\n\n"
     "Через два дня суд арестовал его на десять суток.\n",
     "custody", "Казань"),
    # a paragraph further on still
    ("Забастовка шахтёров\n\n"
     "В августе 2015 года в Воркуте шахтёры вышли на пикет у здания управления.\n\n"
     "Профсоюз требует выплаты долгов по зарплате.\n\n"
     "Через неделю полицейские задержали лидера профсоюза Олега Мамаева.\n",
     "detention", "Воркута"),
]


@pytest.mark.parametrize("text, kind, place", STORY_PLACES)
def test_a_story_about_one_place_gives_it_to_happenings_told_without_one(events_of, text, kind, place):
    assert place_of(events_of(text), kind) == place


NO_STORY_PLACE = [
    # a story that moves between towns: the father's arrest has no place
    ("Задержания в двух городах\n\n"
     "5 мая 2016 года в Омске полицейские задержали блогера Ивана Петрова.\n\n"
     "В тот же день в Томске полицейские задержали его брата Олега Петрова.\n\n"
     "Позднее был избит их отец Сергей Петров.\n",
     "violence"),
    # no headline: each paragraph keeps its own place
    ("14 мая 2016 года в Омске около двухсот человек вышли на митинг против вырубки сквера.\n\n"
     "Позднее полицейские задержали троих организаторов.\n",
     "detention"),
    # the place is named only after the happening: nothing carries back
    ("Полиция разогнала студентов\n\n"
     "Полицейские избили двоих студентов.\n\n"
     "Накануне 14 мая 2016 года в Омске студенты вышли на митинг против повышения платы.\n",
     "violence"),
    # a happening told as earlier is another story's
    ("Митинг против вырубки сквера\n\n"
     "14 мая 2016 года в Омске около двухсот человек вышли на митинг против вырубки сквера.\n\n"
     "Ранее его организатора Ивана Сомова уже задерживали.\n",
     "detention"),
    # an author's own account keeps each paragraph's places
    ("Заявление о задержании\n\n"
     "14 мая 2016 года в Омске я вышла на митинг против вырубки сквера вместе с мужем.\n\n"
     "Позднее нас задержали и меня отвезли в отдел, мне не дали позвонить адвокату.\n",
     "detention"),
    # a story at one venue carries nothing beyond its paragraph
    ("Пикет у памятника\n\n"
     "14 мая 2016 года на Тверской площади прошёл пикет против закрытия больницы.\n\n"
     "Позднее полицейские задержали троих участников.\n",
     "detention"),
]


@pytest.mark.parametrize("text, kind", NO_STORY_PLACE)
def test_no_story_place_where_the_story_moves_or_the_place_comes_later(events_of, text, kind):
    assert place_of(events_of(text), kind) is None


# A paragraph's place mention stops the story's place only when it is another place: not the
# story's place itself (a headline's or a body's city), not the country holding it, not a
# place inside a quotation (a slogan). (text, event type, its place)
STORY_PLACE_PAST_OWN_NAMES = [
    # the paragraph names the story town's country as its detainees' citizenship
    ("Митинг против вырубки сквера\n\n"
     "14 мая 2016 года в Омске около двухсот человек вышли на митинг против вырубки сквера.\n\n"
     "Позднее полицейские задержали троих граждан России.\n",
     "detention", "Омск"),
    # a slogan names a place: the words of a placard, no scene
    ("Волнения в Грузии\n\n"
     "2 июня 2016 года в Тбилиси тысячи человек вышли на акцию протеста.\n\n"
     "Участники несли плакаты «Свободу Армении!». Вечером полиция задержала двоих студентов.\n",
     "detention", "Тбилиси"),
    # the headline names the town as the police's: its telling's block names the story's place
    ("Полиция Казани задержала блогера Рустама Галиева\n\n"
     "3 марта 2017 года в Казани около ста человек вышли на пикет в защиту парка.\n\n"
     "Вечером полицейские задержали блогера Рустама Галиева.\n",
     "detention", "Казань"),
    # the paragraph names the town only as its government's
    ("Разгон шествия в Самаре\n\n"
     "12 июня 2019 года в Самаре прошло шествие в поддержку журналиста.\n\n"
     "Правительство Самары не согласовало шествие. Полицейские задержали сорок человек.\n",
     "detention", "Самара"),
]


@pytest.mark.parametrize("text, kind, place", STORY_PLACE_PAST_OWN_NAMES)
def test_a_paragraph_naming_only_the_story_place_or_its_country_still_takes_it(events_of, text, kind, place):
    assert place_of(events_of(text), kind) == place


# Another place named in the paragraph keeps the story's place out. (text, event type, story place)
OTHER_PLACE_STOPS_THE_STORY = [
    # a happening abroad told in a story set elsewhere
    ("Митинг против вырубки сквера\n\n"
     "14 мая 2016 года в Омске около двухсот человек вышли на митинг против вырубки сквера.\n\n"
     "Его брат, живущий в Праге, позднее был задержан местной полицией.\n",
     "detention", "Омск"),
    # a person's home town is no scene, and no story place either
    ("Митинг против вырубки сквера\n\n"
     "14 мая 2016 года в Омске около двухсот человек вышли на митинг против вырубки сквера.\n\n"
     "Позднее полицейские задержали жителя Томска Олега Мамаева.\n",
     "detention", "Омск"),
    # a second city, the scene of a later happening
    ("Забастовка шахтёров\n\n"
     "В августе 2015 года в Воркуте шахтёры вышли на пикет у здания управления.\n\n"
     "Через неделю в Сыктывкаре полицейские задержали лидера профсоюза Олега Мамаева.\n\n"
     "Суд арестовал его на десять суток.\n",
     "custody", "Воркута"),
    # the story's town named as where the detainee was sent: the arrest was elsewhere
    ("Суд в Страсбурге начал слушания\n\n"
     "10 мая 2017 года в Страсбурге суд начал слушания по делу бывшего мэра Петра Смоляка.\n\n"
     "Осенью 2014 года полиция задержала его на границе и этапировала в Страсбург.\n",
     "detention", "Страсбург"),
    # a court sitting elsewhere: its ruling is not the story town's
    ("Суд отправил блогера под арест\n\n"
     "3 марта 2017 года в Казани полицейские задержали блогера Рустама Галиева.\n\n"
     "В Москве Верховный суд оставил приговор в силе.\n",
     "court", "Казань"),
]


@pytest.mark.parametrize("text, kind, story", OTHER_PLACE_STOPS_THE_STORY)
def test_another_place_in_the_paragraph_keeps_the_story_place_out(events_of, text, kind, story):
    assert place_of(events_of(text), kind) != story
