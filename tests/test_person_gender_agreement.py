"""A person's gender told by the words that agree with their name (issue 12, session 15: persons
against NEREL's relations and Wikinews): pymorphy3 knows no gender for many foreign names
(``Нгози Окафор``, ``Юки Танака``) or reads one wrongly (``Доминик`` as a man's), so a later
``она``, ``он`` or a passive that leaves out its subject found no one, or someone else. The
past verb after the name in the nominative (``Окафор занималась``), the noun before it
(``Актриса Ким Лоу``) or after a dash (``Танака — известная певица``) tell it. A Russian name
keeps the gender its own form gives, and a name in another case tells nothing by the verb after
it. Every sentence is new, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader, of_trigger

from pipeline.events.people import read_people
from pipeline.records import PER, Mention

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# Text, the trigger's first letters, the persons it befell.
AGREED_GENDERS = [
    ("Нгози Окафор давно занималась правозащитной работой. Она пыталась выехать из страны, но была задержана "
     "на границе.", "задержан", ("Нгози Окафор",)),
    ("Доминик Лоран долго работала в посольстве. В мае её арестовали по обвинению в шпионаже.", "арест",
     ("Доминик Лоран",)),
    ("Актриса Ким Лоу снялась в десяти фильмах. В марте она была задержана в аэропорту.", "задержан",
     ("Ким Лоу",)),
    ("Юки Танака — известная певица. Вечером её задержали у клуба.", "задерж", ("Юки Танака",)),
    ("Министр Адаму Сисе подал в отставку. Через неделю его арестовали.", "арест", ("Адаму Сисе",)),
    ("Ниу Мэй уже писала о пытках в тюрьмах. Вчера она была избита у своего дома.", "избит", ("Ниу Мэй",)),
    # after another man: the woman, not him
    ("Сын генерала Олег Титов приехал в столицу. Доминик Лоран встретила его. Позже она была задержана.",
     "задержан", ("Доминик Лоран",)),
    # a noun's grammatical gender is not the person's: a Russian name keeps its own
    ("Журналист Вера Лапина прилетела в Омск 3 июня. Ночью ее задержали у хостела.", "задерж", ("Вера Лапина",)),
    ("Глеб Сурков — жертва полицейского насилия. Его задержали 4 июня в Ижевске.", "задерж", ("Глеб Сурков",)),
    ("Нина Горелова — член партии «Рассвет». Ее задержали 6 июня в Туле.", "задерж", ("Нина Горелова",)),
]


@pytest.mark.parametrize(("text", "trigger", "persons"), AGREED_GENDERS)
def test_the_words_agreeing_with_a_name_tell_whom_a_pronoun_stands_for(events_of, text, trigger, persons):
    assert of_trigger(events_of(text), trigger).persons == persons


def _gender(text: str, name: str, normal: str | None = None) -> str | None:
    start = text.index(name)
    people = read_people(text, [Mention(PER, start, start + len(name), name, normal or name)])
    return people.named[0].gender


# Text, the name as written, its normal form, the gender read.
GENDERS = [
    ("Нгози Окафор давно занималась этим.", "Нгози Окафор", None, "femn"),
    ("Доминик Лоран уже работала в посольстве.", "Доминик Лоран", None, "femn"),
    ("Актриса Ким Лоу приехала.", "Ким Лоу", None, "femn"),
    ("Юки Танака — певица.", "Юки Танака", None, "femn"),
    ("Адаму Сисе подал жалобу.", "Адаму Сисе", None, "masc"),
    # a Russian name keeps its own gender; a name in another case tells nothing by the verb after it
    ("Анна Петрова приехала.", "Анна Петрова", None, "femn"),
    ("У Марии Зайцевой был обыск.", "Марии Зайцевой", "Мария Зайцева", "femn"),
    ("Вчера Олега Титова ударила жена.", "Олега Титова", "Олег Титов", "masc"),
    ("Вчера Юки Танаку ударил охранник.", "Юки Танаку", "Юки Танака", None),
    ("О Нгози Окафор писала газета.", "Нгози Окафор", None, "masc"),
    # after a relative's noun the name is whose relative she is: the verb is hers
    ("Жена Адаму Сисе пришла в суд.", "Адаму Сисе", None, None),
    # the verb's own subject told after it: the name is its object
    ("Вчера Кенджи Сато задержала полиция.", "Кенджи Сато", None, "masc"),
    ("Вчера Кенджи Сато избила группа мужчин.", "Кенджи Сато", None, "masc"),
    # a masculine noun of occupation or membership is used for women, a feminine epicene for men
    ("Депутат Анна Козлова вышла на пикет.", "Анна Козлова", None, "femn"),
    ("Ирина Белова — член совета.", "Ирина Белова", None, "femn"),
    ("Павел Рыбин — жертва обмана.", "Павел Рыбин", None, "masc"),
    ("Депутат Юки Танака приехала.", "Юки Танака", None, "femn"),
    ("Кенджи Сато — жертва обмана.", "Кенджи Сато", None, "masc"),
    ("Юки Танака — жертва обмана.", "Юки Танака", None, None),
    ("Депутат Юки Танака приехал.", "Юки Танака", None, "masc"),
]


@pytest.mark.parametrize(("text", "name", "normal", "gender"), GENDERS)
def test_a_name_takes_the_gender_of_the_words_agreeing_with_it(text, name, normal, gender):
    assert _gender(text, name, normal) == gender


_OFFICER = ("Олег Белов вышел на свободу после пяти лет в колонии.\n\nБелов — бывший офицер. В 2005 году он был "
            "задержан по подозрению в нападении на Игоря Смирнова. Он провёл в СИЗО два года, после чего был "
            "оправдан. Но в 2012 году офицер был снова задержан.")
_GUNMAN = ("Стрельба в Омске.\n\nНападавший по имени Глеб Фомин накануне вышел из колонии.\n\nУтром Фомин ранил "
           "двух охранников и застрелил их начальника. Его жертвами стали охранники Пётр Зуев и Ильдар Сабиров."
           "\n\nЗатем он вошёл в магазин, но был задержан полицейскими.")
_DEPUTY = ("Ирина Лаптева вернулась в Москву.\n\nЛаптева — бывший депутат. В 2010 году она была задержана после "
           "ссоры с Мариной Котовой. Она провела под арестом месяц, после чего была оправдана.")

# A person named last only after a preposition (``на Игоря Смирнова``) or as one of a list of names
# (``охранники Пётр Зуев и Ильдар Сабиров``) is not who a pronoun, a left-out subject or a description
# stands for while the story names one of the same gender plainly before: text, trigger, which of
# the events of that trigger (in text order), persons.
STORY_PERSON = [
    (_OFFICER, "оправдан", 0, ("Олег Белов",)),
    (_OFFICER, "задержан", 1, ("Олег Белов",)),
    (_GUNMAN, "задержан", 0, ("Глеб Фомин",)),
    (_DEPUTY, "оправдан", 0, ("Ирина Лаптева",)),
    # named last as the object, or plainly: that one
    ("Олег Белов вышел на свободу.\n\nБелов — бывший офицер. В мае полиция задержала Игоря Смирнова. Его "
     "доставили в отдел и избили.", "избили", 0, ("Игорь Смирнов",)),
    ("Олег Белов вышел на свободу.\n\nБелов рассказал о соседе. Игорь Смирнов пришёл к нему вечером и был "
     "задержан.", "задержан", 0, ("Игорь Смирнов",)),
    # after a verb's preposition, not a noun's: that one
    ("Олег Белов вышел на свободу.\n\nБелов рассказал, что полиция пришла к Игорю Смирнову. Его задержали у "
     "подъезда.", "задержали", 0, ("Игорь Смирнов",)),
    # no plain naming of that gender before: the one after the preposition
    ("Анна Котова поссорилась с Игорем Смирновым. Позже он был задержан.", "задержан", 0, ("Игорь Смирнов",)),
]


@pytest.mark.parametrize(("text", "trigger", "which", "persons"), STORY_PERSON)
def test_a_name_after_a_preposition_or_in_a_list_yields_to_the_story_person(events_of, text, trigger, which,
                                                                             persons):
    assert [e for e in events_of(text) if e.trigger.startswith(trigger)][which].persons == persons
