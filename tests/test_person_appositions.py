"""A list of people, each with the participle of what befell them (issue 12, session 13: the
suppression audit found such participles given the wrong person on report pages, and the
same-clause merge then joining different people's custodies). A participle set off by commas
after a name (``..., задержанная в апреле, ...``), or standing before it (``задержанный в марте
Андрей Зуев``), tells what befell the nearest name it agrees with in gender, number and case: not
the sentence's subject, not the first or last name of the list. Every sentence is new, written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

DOC_DATE = dt.date(2020, 5, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


def with_word(events, word):
    """The events whose trigger holds a word starting with ``word``; fails naming what was found."""
    found = [e for e in events if any(w.startswith(word) for w in e.trigger.lower().split())]
    assert found, f"no {word} in {[(e.type, e.trigger) for e in events]}"
    return found


# Text, then (the first letters of a word of the trigger, the persons it befell) per participle.
LISTS = [
    # two people, a man and a woman
    ("По делу проходят Сергей Волков, арестованный в марте, и Мария Лебедева, задержанная в апреле.",
     [("арестован", ("Сергей Волков",)), ("задержан", ("Мария Лебедева",))]),
    # three people, different events
    ("Иван Петров, осуждённый к двум годам колонии, Анна Смирнова, помещённая под домашний арест, "
     "и Олег Ким, оштрафованный на 30 тысяч рублей, подали жалобы.",
     [("осужд", ("Иван Петров",)), ("помещ", ("Анна Смирнова",)), ("оштраф", ("Олег Ким",))]),
    # names with patronymics
    ("Среди фигурантов Павел Андреевич Зорин, приговорённый к трём годам колонии, и Елена Викторовна "
     "Орлова, отправленная под домашний арест.",
     [("приговор", ("Павел Андреевич Зорин",)), ("домашн", ("Елена Викторовна Орлова",))]),
    # a job apposition between the name and its participle
    ("Ранее были названы Игорь Седов, учитель истории, задержанный на пикете, и Ольга Рябова, "
     "оштрафованная на 10 тысяч рублей.",
     [("задержан", ("Игорь Седов",)), ("оштраф", ("Ольга Рябова",))]),
    # four people; two men in a row
    ("На суде Антон Белов, арестованный в мае, Кирилл Гусев, оштрафованный на 20 тысяч "
     "рублей, Нина Котова, осуждённая условно, и Денис Лаптев, задержанный в июне, признали вину.",
     [("арестован", ("Антон Белов",)), ("оштраф", ("Кирилл Гусев",)), ("осужд", ("Нина Котова",)),
      ("задержан", ("Денис Лаптев",))]),
    # two women, then a man
    ("В списке Вера Носова, оштрафованная на пять тысяч рублей, Дарья Котова, задержанная у суда, "
     "и Глеб Фомин, приговорённый к году колонии.",
     [("оштраф", ("Вера Носова",)), ("задержан", ("Дарья Котова",)), ("колони", ("Глеб Фомин",))]),
    # a participle before its name
    ("Задержанный в марте Андрей Зуев и оштрафованная в апреле Вера Носова не признают вину.",
     [("задержан", ("Андрей Зуев",)), ("оштраф", ("Вера Носова",))]),
    # a job apposition in the accusative, the participle after it
    ("Суд оштрафовал Олега Белова, автора поста, задержанного на акции.",
     [("задержан", ("Олег Белов",))]),
    # objects of a verb, in the accusative
    ("Суд оштрафовал Петрова, задержанного на пикете, и Котову, задержанную у суда.",
     [("задержанного", ("Петров",)), ("задержанную", ("Котова",))]),
    # a surname pymorphy3 reads only as a short adjective (``сомова``): the parse's case and gender
    ("Суд оштрафовал Олега Сомова, задержанного на пикете, и Анну Котову, задержанную у суда.",
     [("задержанного", ("Олег Сомов",)), ("задержанную", ("Анна Котова",))]),
    # guards: one person with two participles keeps both
    ("Владимир Рыбин, задержанный в марте и оштрафованный в апреле, и Анна Зуева, приговорённая к "
     "году колонии, не признали вину.",
     [("задержан", ("Владимир Рыбин",)), ("оштраф", ("Владимир Рыбин",)), ("колони", ("Анна Зуева",))]),
    ("Активист Олег Белов, задержанный на акции, был оштрафован на 10 тысяч рублей.",
     [("задержан", ("Олег Белов",)), ("оштраф", ("Олег Белов",))]),
    # who it befell with the name (``вместе с``, a relative) stays, after the name
    ("Суд арестовал Игоря Белова, задержанного вместе с братом Олегом Беловым.",
     [("задержан", ("Игорь Белов", "Олег Белов"))]),
    ("Суд оштрафовал Ирину Котову, задержанную у суда вместе с Павлом Зуевым.",
     [("задержан", ("Ирина Котова", "Павел Зуев"))]),
    ("Антон Лаптев, задержанный вместе с женой Верой Лаптевой, и Глеб Фомин, оштрафованный на пять "
     "тысяч рублей, обжаловали решения.",
     [("задержан", ("Антон Лаптев", "Вера Лаптева")), ("оштраф", ("Глеб Фомин",))]),
    # guards: a title, a preposition's noun or a title's genitive between a participle and its name
    ("Задержанный в марте активист Олег Сомов вышел на свободу.", [("задержан", ("Олег Сомов",))]),
    ("Задержанный в марте за пост в соцсети Андрей Зуев вышел на свободу.", [("задержан", ("Андрей Зуев",))]),
    ("Суд арестовал задержанного в марте главу района Павла Гусева.", [("задержан", ("Павел Гусев",))]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_a_listed_participle_befell_the_name_it_is_apposed_to(events_of, text, expected):
    events = events_of(text)
    found = [(word, tuple(p for e in with_word(events, word) for p in e.persons)) for word, _ in expected]
    assert found == expected


# Text, the first letters of a word of the trigger: a participle of the thing it stands before
# (``автомобиль``) befell no name after that thing.
THINGS = [
    ("Задержанный полицией автомобиль вёл Олег Сомов.", "задержан"),
    ("Задержанный на границе грузовик вёл водитель Андрей Зуев.", "задержан"),
    ("Арестованный судом дом построил Иван Петров.", "арестован"),
]


@pytest.mark.parametrize(("text", "word"), THINGS)
def test_a_participle_of_a_thing_befell_no_name_after_it(events_of, text, word):
    assert [e.persons for e in with_word(events_of(text), word)] == [()]


# Text, type, how many events of it: different people's tellings in one clause stay apart.
APART = [
    ("Пётр Лосев, приговорённый к трём годам колонии, и Дарья Котова, приговорённая к двум годам "
     "колонии, обжаловали приговоры.", "custody", 2),
    ("В списке Тимур Ахмедов, помещённый в СИЗО, Роза Ахмедова, помещённая в СИЗО, и Глеб Фомин, "
     "отправленный в СИЗО.", "custody", 3),
    ("Суд оштрафовал Петрова, задержанного на пикете, и Котову, задержанную у суда.", "detention", 2),
    # guard: one person's two tellings of one happening in a clause still merge
    ("Олег Белов, задержанный на акции, был задержан полицией.", "detention", 1),
]


@pytest.mark.parametrize(("text", "event_type", "count"), APART)
def test_tellings_of_different_listed_people_are_not_merged(events_of, text, event_type, count):
    assert sum(e.type == event_type and not e.negated for e in events_of(text)) == count


# Text, the first letters of a word of the trigger, the persons it befell: a plural participle
# after a list of names apposed to a noun of people (``с туристами Волковым, ..., Котовой``)
# befell every name of the list, however the parse hangs the names on each other or on that noun.
PLURAL = [
    # the parse hangs a middle name on the noun of people, not on the first name
    ("Особенно странным выглядит случай с туристами Сергеем Волковым, Олегом Петровым, Ниной Котовой "
     "и Анной Сидоровой, задержанными по подозрению в поджоге сарая.", "задержан",
     {"Сергей Волков", "Олег Петров", "Нина Котова", "Анна Сидорова"}),
    # a bracketed gloss between: the parse hangs the list on a thing of the noun's own words
    ("Нелепым выглядит случай с любителями катания на лодках с высоких берегов (сплавщиками) Олегом Кимом, "
     "Ниной Котовой, Верой Носовой и Денисом Лаптевым, задержанными по подозрению в краже вёсел.", "задержан",
     {"Олег Ким", "Нина Котова", "Вера Носова", "Денис Лаптев"}),
    # the participle hangs on the first name only
    ("Показательным стал случай с пенсионерами Глебом Фоминым, Павлом Зориным, Верой Носовой и Дарьей "
     "Котовой, оштрафованными за пикет.", "оштраф",
     {"Глеб Фомин", "Павел Зорин", "Вера Носова", "Дарья Котова"}),
    # the verb the noun of people is the object of befell them too
    ("Суд оштрафовал рыбаков Антона Белова, Кирилла Гусева, Нину Котову и Дениса Лаптева, задержанных у реки.",
     "оштраф", {"Антон Белов", "Кирилл Гусев", "Нина Котова", "Денис Лаптев"}),
    # a name apposed to a noun of people coordinated with the list (``а после пикета и фотограф ...``)
    ("Были задержаны и оштрафованы две студентки — Анна Котова и Вера Носова, а после пикета и фотограф "
     "Олег Сомов.", "задержан", {"Анна Котова", "Вера Носова", "Олег Сомов"}),
    ("Были задержаны три активистки — Анна Котова, Вера Носова и Нина Лапина, а вечером и журналист Олег Сомов.",
     "задержан", {"Анна Котова", "Вера Носова", "Нина Лапина", "Олег Сомов"}),
    # guards: a lone name after a noun of people may be whose that person is, not who it is
    ("В понедельник правительство арестовало около 200 генералов, включая высшего военного советника "
     "Лукашенко.", "арестова", set()),
    ("В субботу министерство уволило около 500 сотрудников, включая старшего юридического советника Рахмона.",
     "уволи", set()),
    # guards: lists the parse reads well keep every name
    ("Нелепым выглядит случай со студентами Олегом Кимом, Ниной Котовой, Верой Носовой и Денисом Лаптевым, "
     "задержанными по подозрению в краже.", "задержан",
     {"Олег Ким", "Нина Котова", "Вера Носова", "Денис Лаптев"}),
    ("В списке оказались журналисты Антон Белов, Кирилл Гусев, Нина Котова и Денис Лаптев, оштрафованные "
     "за репортаж.", "оштраф", {"Антон Белов", "Кирилл Гусев", "Нина Котова", "Денис Лаптев"}),
    ("Суд оштрафовал рыбаков Антона Белова, Кирилла Гусева, Нину Котову и Дениса Лаптева, задержанных у реки.",
     "задержан", {"Антон Белов", "Кирилл Гусев", "Нина Котова", "Денис Лаптев"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), PLURAL)
def test_a_plural_participle_after_a_list_befell_every_name(events_of, text, word, expected):
    assert [set(e.persons) for e in with_word(events_of(text), word)] == [expected]


# Text, the first letters of a word of the trigger, its persons: a happening that names no one,
# told after a list of people each with their own participle (``подали жалобы``), is of everyone
# the list names before it in its sentence, not of the last of them only; from a sentence before,
# it is still of the last happening told.
AFTER_A_LIST = [
    ("Сергей Волков, арестованный в марте, и Мария Лебедева, задержанная в апреле, подали жалобы.", "жалоб",
     {"Сергей Волков", "Мария Лебедева"}),
    ("Иван Петров, осуждённый к двум годам колонии, Анна Смирнова, помещённая под домашний арест, "
     "и Олег Ким, оштрафованный на 30 тысяч рублей, подали жалобы.", "жалоб",
     {"Иван Петров", "Анна Смирнова", "Олег Ким"}),
    ("Павел Зорин, арестованный в мае, и Дарья Котова, задержанная в июне, подали жалобы в ЕСПЧ.", "жалоб",
     {"Павел Зорин", "Дарья Котова"}),
    # a verb whose subject is who it befell (patient_subject_verbs)
    ("Иван Волков, задержанный в марте, и Анна Лебедева, задержанная в апреле, получили штрафы.", "штраф",
     {"Иван Волков", "Анна Лебедева"}),
    # guard (review 2 of session 14): officials are no persons of what they did
    ("Следователь Иван Волков, проводивший обыск, и прокурор Пётр Лебедев, утвердивший обвинение, подали жалобы.",
     "жалоб", set()),
    # guards: told in a sentence of its own
    ("Полиция задержала Олега Белова. Вечером адвокат подал жалобу.", "жалоб", {"Олег Белов"}),
    ("Полиция задержала Олега Белова, а суд оштрафовал Анну Котову. Вечером адвокат подал жалобу.", "жалоб",
     {"Анна Котова"}),
]


@pytest.mark.parametrize(("text", "word", "expected"), AFTER_A_LIST)
def test_a_happening_after_a_list_of_people_is_of_all_of_them(events_of, text, word, expected):
    assert [set(e.persons) for e in with_word(events_of(text), word)] == [expected]


# Review 2 of session 14: listed people who do what the noun tells (``провели обыск``, ``устроили
# избиение``) are not whom it befell: the list is not given to it. (The paragraph's carry of the last
# event's person, :func:`pipeline.events.people.carry_persons`, may still give it the last name.)
LISTED_DOERS = [
    ("Иван Волков, уволенный в марте, и Анна Лебедева, уволенная в апреле, провели обыск в квартире соседа.",
     "обыск", "Иван Волков"),
    ("Иван Волков, уволенный в марте, и Анна Лебедева, уволенная в апреле, устроили избиение соседа.",
     "избиен", "Иван Волков"),
]


@pytest.mark.parametrize(("text", "word", "doer"), LISTED_DOERS)
def test_listed_people_are_no_persons_of_what_they_did(events_of, text, word, doer):
    assert [doer in e.persons for e in with_word(events_of(text), word)] == [False]
