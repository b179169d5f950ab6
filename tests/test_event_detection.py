"""Which events a report's sentences hold and how their tellings merge (issue 12).

Each table holds new sentences written for one class of error real report pages
exposed; none is copied from a benchmark's pages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from conftest import event_types, events_reader

from pipeline.events.draft import Draft
from pipeline.events.merge import compatible
from pipeline.records import Count, Event, Money, Term

DOC_DATE = dt.date(2015, 3, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


types = event_types


# ------------------------------------------------------- values compared as intervals

def _draft(**values) -> Draft:
    return Draft(Event(type="detention", start=0, end=1, trigger="задержаны", sent_id=0, **values), 0)


@pytest.mark.parametrize("a, b, agree", [
    # a one-sided bound holds every value past it: "более 40" and "40" may be the same crowd
    (Count(40, None), Count(40, 40), True),
    (Count(40, None), Count(55, 55), True),
    (Count(None, 40), Count(25, 25), True),
    (Count(40, None), Count(25, 25), False),
    (Count(None, 20), Count(15, 30), True),
    (Count(10, 20), Count(15, 30), False),  # closed ranges: only an equal one is the same
    (Term(3, 7, "year"), Term(5, 5, "year"), False),  # terms spread over people, not one's term
    (Count(7, 7), Count(8, 8), False),
    (Term(None, 15, "day"), Term(10, 10, "day"), True),
    (Term(None, 15, "day"), Term(10, 10, "month"), False),
    (Term(3, 3, "year"), Term(2, 2, "year"), False),
    (Money(5000, None, "RUB"), Money(20000, 20000, "RUB"), True),
    (Money(5000, None, "RUB"), Money(20000, 20000, "KZT"), False),
])
def test_values_agree_when_their_intervals_overlap(a, b, agree):
    role = {Count: "count", Term: "term", Money: "money"}[type(a)]
    assert compatible(_draft(**{role: a}), _draft(**{role: b})) is agree
    assert compatible(_draft(**{role: b}), _draft(**{role: a})) is agree


# ------------------------------------------------------- a case opened and its charge: one happening

@pytest.mark.parametrize("text", [
    "В Томске возбуждено уголовное дело против блогера Игоря Смирнова, которого обвинили в призывах к экстремизму.",
    "Против активистки Ольги Ветровой возбудили дело, ее обвиняют в оскорблении чувств верующих.",
    "В Калуге было возбуждено дело против эколога Павла Рябова: ему инкриминируют самоуправство.",
])
def test_a_case_and_its_charge_told_together_are_one_event(events_of, text):
    assert types(events_of(text)) == Counter({"other": 1})


@pytest.mark.parametrize("text", [
    # a charge told "later" is a new charge, though the word is the same
    "Фермера Николая Гусева обвинили в самоуправстве. Позднее Гусев был обвинен в угрозе убийством.",
    "Журналистку Анну Седову обвинили в клевете. Впоследствии Седову обвинили еще и в вымогательстве.",
])
def test_a_charge_told_later_is_another_charge(events_of, text):
    assert types(events_of(text))["other"] == 2


# ------------------------------------------------------- the case the participle or verb is said of

@pytest.mark.parametrize("text", [
    "Дело о клевете в отношении редактора газеты Анны Седовой было возбуждено в марте 2013 года.",
    "Уголовное дело против фермера Николая Гусева, которого местные власти давно хотели выселить, возбудили в мае.",
    "Особенно известно дело краеведа Петра Орлова из Вологды о незаконной охоте, возбужденное в 2012 году.",
])
def test_a_case_opened_far_from_its_noun(events_of, text):
    assert types(events_of(text))["other"] == 1


@pytest.mark.parametrize("text", [
    "Его выступление возбудило живой интерес у всех собравшихся в зале.",
    "Новость возбудила споры среди жителей, но до дела так и не дошло.",
])
def test_what_is_not_a_case_opened(events_of, text):
    assert types(events_of(text))["other"] == 0


# ------------------------------------------------------- a status told of a named person is theirs

@pytest.mark.parametrize("text, kind, count", [
    ("Письмо подписал и блогер Игорь Смирнов, находящийся под домашним арестом.", "custody", 1),
    ("Среди них и журналистка Анна Седова, находящаяся в СИЗО с весны.", "custody", 1),
    # a participle of no one in particular says what a class of people is
    ("Число людей, находящихся под домашним арестом, за год выросло.", "custody", 0),
])
def test_a_status_of_a_named_person_is_an_event(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


# ------------------------------------------------------- one clause of a packed sentence, one person's happening

@pytest.mark.parametrize("text, kind, count", [
    ("Днем у здания суда задержали Анну Седову; вечером у мэрии задержали нескольких пикетчиков.", "detention", 2),
    ("Сначала в СИЗО поместили Олега Петрова; позже еще двоих активистов взяли под стражу.", "custody", 2),
    # one clause telling one happening twice stays one event
    ("Игоря Смирнова задержали и доставили в отдел, где задержание оформили только к ночи.", "detention", 1),
])
def test_clauses_of_one_sentence_tell_their_own_happenings(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


# ------------------------------------------------------- the thing blocked, however far from the verb; a term received

@pytest.mark.parametrize("text, kind, count", [
    ("Сайт независимой газеты «Голос Севера», который читали тысячи людей, был заблокирован в мае.", "other", 1),
    ("Канал местного правозащитника в мессенджере после его публикаций заблокировали.", "other", 1),
    ("Перекресток у мэрии на час заблокировали протестующие.", "other", 0),
    ("Осенью его брат Олег получил три года колонии общего режима.", "custody", 1),
    ("Тогда же Анна Седова получила два года условно.", "court", 1),
    ("Осенью он получил письмо из прокуратуры.", "custody", 0),
])
def test_blocked_things_and_terms_received(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


@pytest.mark.parametrize("text", [
    "С 3 мая сайт правозащитного центра «Свет» заблокирован по требованию прокуратуры. Блокировка сайта нас не удивила.",
    "Учителя Олега Петрова уволили через неделю после пикета. Увольнение он оспорил в суде.",
])
def test_a_verb_and_its_nominalisation_tell_one_happening(events_of, text):
    assert types(events_of(text))["other"] == 1


# ------------------------------------------------------- a report names its person once and tells their case on

@pytest.mark.parametrize("text, kind, persons", [
    ("Активиста Игоря Смирнова задержали на пикете 3 мая. Через неделю было возбуждено уголовное дело.",
     "other", ("Игорь Смирнов",)),
    ("Журналистку Анну Седову обвинили в клевете. Осенью суд приговорил к двум годам колонии.",
     "custody", ("Анна Седова",)),
    # another paragraph tells another case
    ("Активиста Игоря Смирнова задержали на пикете 3 мая.\n\nВ Омске было возбуждено уголовное дело.", "other", ()),
    # a count names its own unnamed people
    ("Игоря Смирнова оштрафовали у мэрии. Позже оштрафовали еще пятерых участников.", "fine", ()),
])
def test_persons_carry_along_the_paragraph(events_of, text, kind, persons):
    told = [e for e in events_of(text) if e.type == kind]
    assert told and told[-1].persons == persons


# ------------------------------------------------------- what an anniversary marks; a trigger word nothing tells

@pytest.mark.parametrize("text, kind, count", [
    ("Пикет был приурочен к 30-летию разгона демонстрации у здания горкома.", "permit_denied", 0),
    ("Вечер памяти был посвящен 80-летию депортации народа.", "expulsion", 0),
    ("В годовщину задержания Игоря Смирнова его друзья вышли на пикет.", "detention", 0),
    # the anniversary itself may be a day something happened
    ("В день годовщины Олега Петрова снова задержали у памятника.", "detention", 1),
])
def test_what_an_anniversary_marks_is_no_happening(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


@pytest.mark.parametrize("text, kind, count", [
    # a heading or a list of kinds: no verb, no tense, no one
    ("Формы давления на активистов: увольнения, отчисления, срывы концертов, профилактические беседы.",
     "intimidation", 0),
    ("Порядок для признания человека политическим заключенным.", "custody", 0),
    ("Раздел 4. Признаки политического заключенного", "custody", 0),
    # a list item of one case keeps its particulars
    ("Обыск у журналиста Олега Петрова 3 марта.", "surveillance", 1),
])
def test_a_trigger_word_nothing_tells_is_no_happening(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


@pytest.mark.parametrize("text, kind, count", [
    # a suspended term replaced by a real one is custody; custody replaced by a pledge is a court's ruling
    ("В ноябре суд заменил Игорю Смирнову условный срок на реальный.", "custody", 1),
    ("Анне Седовой заменили арест в следственном изоляторе на подписку о невыезде.", "court", 1),
    ("Организаторы заменили ведущего концерта на другого артиста.", "court", 0),
])
def test_a_measure_replaced(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


def test_the_measure_replaced_is_not_a_ruling_of_its_own(events_of):
    assert types(events_of("В ноябре суд заменил Игорю Смирнову условный срок на реальный.")) == Counter({"custody": 1})


# ------------------------------------------------------- people listed after a colon

from pipeline.normalise import normalise  # noqa: E402

# A line ending in a colon, then a list of names one a line: they are the event's people.
LISTED = [
    ("Список задержанных 3 марта в Перми:\nОрлова Вера Павловна\nКузин Глеб Андреевич\nЛи Ирина Олеговна",
     "detention", {"Орлова", "Кузин", "Ли"}),
    ("Суд вынес приговоры активистам:\n1. Беков Тимур Русланович\n2. Носова Алла Игоревна",
     "court", {"Беков", "Носова"}),
    ("Вчера в Туле задержали троих:\n— Голубева Надежда Олеговна;\n— Мухин Пётр Ильич;\n— Зуев Олег Сергеевич.",
     "detention", {"Голубева", "Мухин", "Зуев"}),
    ("В Омске полиция задержала троих: Анну Белову, Петра Зуева и Олега Мухина.",
     "detention", {"Белова", "Зуев", "Мухин"}),
]


@pytest.mark.parametrize("raw, kind, surnames", LISTED)
def test_the_people_listed_after_a_colon_are_the_events(raw, kind, surnames, events_of):
    found = [e for e in events_of(normalise(raw).text) if e.type == kind]
    assert len(found) == 1, found
    assert {name.split()[-1] for name in found[0].persons} == surnames


# A colon in a later sentence introduces something else: not the event's people.
NOT_LISTED = [
    "3 мая полиция задержала студента у здания вокзала. Об этом рассказал его адвокат: Олег Бахтин.",
    "В Самаре задержали участников пикета. Сообщил координатор: Пётр Зуев.",
]


@pytest.mark.parametrize("raw", NOT_LISTED)
def test_a_name_after_a_colon_in_a_later_sentence_is_not_listed(raw, events_of):
    found = [e for e in events_of(normalise(raw).text) if e.type == "detention"]
    assert found and not any(e.persons for e in found), found


def test_a_listed_line_that_tells_its_own_happening_keeps_its_person(events_of):
    raw = ("Задержания 3 марта:\n1. Орлова Вера Павловна, задержана в Перми\n"
           "2. Кузин Глеб Андреевич, задержан в Казани")
    found = [e for e in events_of(normalise(raw).text) if e.type == "detention"]
    assert sorted(p.split()[-1] for e in found for p in e.persons) == ["Кузин", "Орлова"]
    assert all(len(e.persons) <= 1 for e in found)
