"""Which people an event takes, by the clause and the slot a name fills in the parse.

New invented sentences (never a benchmark's text). A name of the clause that tells a
happening (``Адвокат сообщил, что Котову арестовали``) is not a person of the happening told
in its complement; a name standing in apposition to a noun (``Президент Смирнов``,
``губернатора Белова``) fills that noun's slot: the doer of an active trigger, or whose
another thing is (``за оскорбление губернатора Белова``), is not who the happening befell.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import events_reader

DOC_DATE = dt.date(2015, 3, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


def _persons(events, word):
    (event,) = [e for e in events if e.trigger.startswith(word)]
    return event.persons


OTHER_CLAUSE = [
    # the teller of a complement clause is no person of what it tells
    ("Журналист Олег Зуев рассказал, что полицейские задержали активистку Анну Котову.",
     "задержали", ("Анна Котова",)),
    ("Адвокат Олег Зуев сообщил, что Анну Котову арестовали на 10 суток.", "арестовали", ("Анна Котова",)),
    ("Соколов заявил, что Лебедеву избили в отделе полиции.", "избили", ("Лебедева",)),
    ("Депутат Игорь Белов подтвердил, что Марину Гусеву оштрафовали на 20 тысяч рублей.",
     "оштрафовали", ("Марина Гусева",)),
    # the happening's own clause keeps its people
    ("Анну Котову задержали, когда она выходила из дома.", "задержали", ("Анна Котова",)),
    ("Полицейские начали задерживать Олега Зуева у здания суда.", "задерживать", ("Олег Зуев",)),
    ("Олег Зуев сообщил, что его задержали у здания суда.", "задержали", ("Олег Зуев",)),
    # a parse that hangs two clauses' subjects on one verb tells no teller
    ("Защитник Олег Зуев, которого позвала семья, прибыл в отдел к восьми часам, но его к брату не пустили, "
     "полицейский заявил, что защитник не положен.", "не пустили", ("Олег Зуев",)),
]


@pytest.mark.parametrize("text, trigger, persons", OTHER_CLAUSE)
def test_a_name_of_the_clause_that_tells_is_not_a_person_of_what_it_tells(events_of, text, trigger, persons):
    assert _persons(events_of(text), trigger) == persons


APPOSED = [
    # a name apposed to the subject of an active trigger is its doer
    ("Президент Андрей Смирнов помиловал Олега Зуева.", "помиловал", ("Олег Зуев",)),
    ("Губернатор Игорь Белов помиловал осуждённого Сергея Орлова.", "помиловал", ("Сергей Орлов",)),
    # words of the title's own phrase between it and the name
    ("Президент России Андрей Смирнов помиловал Олега Зуева.", "помиловал", ("Олег Зуев",)),
    ("По сообщению министра юстиции Анны Котовой, в аэропорту был задержан гражданин Латвии.", "задержан", ()),
    # a name apposed to a noun that another noun governs is whose that thing is
    ("Суд приговорил блогера Сергея Орлова к двум годам колонии за оскорбление губернатора Игоря Белова.",
     "приговорил", ("Сергей Орлов",)),
    ("Суд оштрафовал студентку Анну Котову за клевету на депутата Игоря Белова.",
     "оштрафовал", ("Анна Котова",)),
    # a name apposed to the one the trigger befell stays
    ("Суд арестовал активиста Ивана Петрова на 10 суток.", "арестовал", ("Иван Петров",)),
    ("Полиция задержала сторонника оппозиции Ивана Петрова.", "задержала", ("Иван Петров",)),
    # the subject of the verb a trigger noun stands by, a doer who acts on himself: the name stays
    ("Блогер Олег Зуев заявил о своей невиновности во время слушаний в суде.", "слушаний", ("Олег Зуев",)),
    ("Гражданин Латвии Олег Зуев признал себя виновным в мошенничестве.", "признал", ("Олег Зуев",)),
]


@pytest.mark.parametrize("text, trigger, persons", APPOSED)
def test_a_name_in_apposition_fills_the_slot_of_its_noun(events_of, text, trigger, persons):
    assert _persons(events_of(text), trigger) == persons


# The subject of another clause (a verb coordinated with the trigger's that has its own subject,
# or one the parse hung on the trigger's verb that does not agree with it) is no person of it.
OTHER_SUBJECTS = [
    ("Белов не пострадал, но полицейский избил Анну Орлову.", "избил", ("Анна Орлова",)),
    ("Белов ушёл домой, а полицейские задержали Анну Орлову.", "задержали", ("Анна Орлова",)),
    ("Виктор Зимин уехал в Киев, а его брата Олега Зимина арестовали в Москве.", "арестовали", ("Олег Зимин",)),
    ("Анна Орлова держит голодовку, а её адвокат Игорь Петров подал жалобу.", "голодовку", ("Анна Орлова",)),
    # the parse hangs the comma-spliced clause's subject on the first verb; the rule reading it by number
    # held only for the development sentence it was written from (review b, finding 3)
    pytest.param("Зимой Дарья Фомина и Ксения Юдина были приговорены к пяти годам колонии, ещё одна участница "
                 "кружка Лейла Ахмед получила два года условно.", "получила", ("Лейла Ахмед",),
                 marks=pytest.mark.xfail(strict=True, reason="the number rule does not generalise past its source")),
    # a subject the verbs share, or the trigger's own, stays
    ("Олег Белов пришёл к суду и был задержан.", "задержан", ("Олег Белов",)),
    ("Белов не пострадал, но был задержан.", "задержан", ("Белов",)),
    ("Анна Орлова держит голодовку с 3 мая.", "голодовку", ("Анна Орлова",)),
    ("Олег Белов и Анна Орлова пришли к суду, но их задержали.", "задержали", ("Олег Белов", "Анна Орлова")),
    ("Петрова, как рассказали соседи, избили и задержали возле дома.", "задержали", ("Петрова",)),
    # a clause with no subject and no object of its own tells what befell the earlier subject
    ("Игнат Рогов зашёл в опорный пункт, и там избили.", "избили", ("Игнат Рогов",)),
    ("Марина Котова пришла на площадь, но через час задержали.", "задержали", ("Марина Котова",)),
    ("Глеб Орлов вернулся в общежитие, и вечером избили.", "избили", ("Глеб Орлов",)),
    # an object of its own: not the earlier subject
    ("Пётр Зуев уехал в Киев, а в Москве арестовали его брата.", "арестовали", ()),
]


@pytest.mark.parametrize("text, trigger, persons", OTHER_SUBJECTS)
def test_the_subject_of_another_clause_is_no_person_of_the_trigger(events_of, text, trigger, persons):
    assert _persons(events_of(text), trigger) == persons


# A relative clause's ``который`` stands for the name its clause follows, agreeing with it in
# gender and number, wherever the parse hangs the clause (on a later noun, or as a root of its own).
RELATIVE_PRONOUNS = [
    # the parse hangs the clause on a noun after it, or cuts it off: the name is reached through ``который``
    ("Известно дело директора музея народных промыслов Тверской области Петра Лаптева, которого обвинили "
     "в растрате средств, выделенных на ремонт.", "обвинили", ("Петр Лаптев",)),
    ("Суд Рима отменил запрет на работу бывшего мэра Турина Джанни Бруно, который в 2015 году был "
     "приговорен к трём годам колонии.", "приговорен", ("Джанни Бруно",)),
    ("Надзорная палата вернула права бывшему министру Италии Марио Росси, который в 2013 году был "
     "приговорен судом к четырём годам лишения свободы.", "приговорен", ("Марио Росси",)),
    # the parse already hangs the clause on the name: unchanged
    ("Прокурор потребовал продлить арест бывшего губернатора области Олега Рябова, которого задержали в мае "
     "по делу о взятке.", "задержали", ("Олег Рябов",)),
    ("Адвокат обжаловал решение по делу журналистки из Перми Анны Котовой, которую оштрафовали за репост, "
     "содержащий критику мэра.", "оштрафовали", ("Анна Котова",)),
    # ``который`` of another gender than the name stands for another noun
    ("Известно дело директора музея народных промыслов Тверской области Анны Котовой, который обвинил "
     "рабочих в растрате средств, выделенных на ремонт.", "обвинил", ()),
]


@pytest.mark.parametrize("text, trigger, persons", RELATIVE_PRONOUNS)
def test_a_relative_pronoun_stands_for_the_name_its_clause_follows(events_of, text, trigger, persons):
    assert _persons(events_of(text), trigger) == persons
