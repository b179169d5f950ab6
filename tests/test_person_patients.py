"""An official named by title is who a happening befell when the name, or its title, fills the
trigger's patient slot (issue 12, session 13: persons against NEREL's relations): the subject
of a passive trigger (``Бывший мэр ... приговорён``), the object of an active one (``арестовал
главу района ...``) or the genitive of a trigger noun (``об увольнении начальника ...``). An
official who acts, or whose decision it is, stays out. And a happening that only dates another
(``После ареста ...``) still befell its own genitive. Every sentence is new, written for these
tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader, of_trigger

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# Text, the trigger's first letters, the persons it befell.
OFFICIAL_PATIENTS = [
    ("Бывший мэр города Василий Рожков приговорён к пяти годам колонии.", "приговор", ("Василий Рожков",)),
    ("Глава отдела расследований компании «Вектор» Роман Стрельцов арестован по обвинению в шпионаже.", "арест",
     ("Роман Стрельцов",)),
    ("Задержан начальник районного отдела полиции Виталий Крюков.", "задерж", ("Виталий Крюков",)),
    ("Суд арестовал главу района Семёна Ершова.", "арест", ("Семён Ершов",)),
    ("Полиция задержала директора школы Павла Гусева.", "задерж", ("Павел Гусев",)),
    ("В среду суд объявил об увольнении начальника полиции района Игоря Седова и его заместителя Антона Рыбина.",
     "увольн", ("Игорь Седов", "Антон Рыбин")),
]


@pytest.mark.parametrize(("text", "trigger", "persons"), OFFICIAL_PATIENTS)
def test_an_official_in_the_patient_slot_is_who_it_befell(events_of, text, trigger, persons):
    assert of_trigger(events_of(text), trigger).persons == persons


# The official acts or decides: only the other person.
OFFICIAL_ACTORS = [
    ("Судья Ирина Котова арестовала Павла Смирнова.", "арест", ("Павел Смирнов",)),
    ("Следователь Андрей Жуков задержал Олега Ломова.", "задерж", ("Олег Ломов",)),
    ("По решению судьи Анны Фроловой арестован Игорь Лавров.", "арест", ("Игорь Лавров",)),
    ("Начальник отдела полиции Сергей Панов сообщил, что задержан Антон Белов.", "задерж", ("Антон Белов",)),
]


@pytest.mark.parametrize(("text", "trigger", "persons"), OFFICIAL_ACTORS)
def test_an_official_who_acts_is_not_who_it_befell(events_of, text, trigger, persons):
    assert of_trigger(events_of(text), trigger).persons == persons


# A happening that dates another keeps its own genitive; not the main clause's people.
TIME_REFERENCES = [
    ("После ареста Вадима Корнеева в 2015 году его партия распалась.", "арест", ("Вадим Корнеев",)),
    ("После задержания активиста Игоря Зайцева его сторонники вышли на пикет.", "задерж", ("Игорь Зайцев",)),
    ("После задержания Антона Боброва полиция провела обыск в его квартире.", "задерж", ("Антон Бобров",)),
    ("После митинга полиция задержала Олега Рябова.", "митинг", ()),
]


@pytest.mark.parametrize(("text", "trigger", "persons"), TIME_REFERENCES)
def test_a_happening_that_dates_another_befell_its_own_genitive(events_of, text, trigger, persons):
    assert of_trigger(events_of(text), trigger).persons == persons


# A passive trigger with no subject of its own (the subject left out, as Russian leaves out a
# subject told just before): who it befell is the last person of the verb's gender named in the
# nearest paragraph before that names anyone, as for a pronoun.
ZERO_SUBJECTS = [
    ("Журналистка Нина Лапина живёт в Омске.\nВо время протестов была арестована.", "арест", ("Нина Лапина",)),
    ("Журналист Олег Сомов живёт в Омске.\nПосле этого был арестован полицией.", "арест", ("Олег Сомов",)),
    ("Журналист Олег Сомов живёт в Омске. В мае был задержан на акции.", "задерж", ("Олег Сомов",)),
    ("Блогер Олег Сомов вёл канал о политике. Анна Реброва его снимала.\nВ мае был задержан.", "задерж",
     ("Олег Сомов",)),
]


@pytest.mark.parametrize(("text", "trigger", "persons"), ZERO_SUBJECTS)
def test_a_passive_with_no_subject_befell_the_person_told_before(events_of, text, trigger, persons):
    assert of_trigger(events_of(text), trigger).persons == persons


# Not when the verb's gender or number is no one's told before, or the clause names its subject.
NOT_ZERO_SUBJECTS = [
    ("Журналистка Нина Лапина живёт в Омске.\nВ мае был задержан на акции.", "задерж", ()),
    ("Журналист Олег Сомов живёт в Омске.\nВ мае были задержаны трое активистов.", "задерж", ()),
    ("Журналист Олег Сомов живёт в Омске.\nВ мае был задержан его сосед.", "задерж", ()),
]


@pytest.mark.parametrize(("text", "trigger", "persons"), NOT_ZERO_SUBJECTS)
def test_a_passive_with_a_subject_or_of_another_gender_takes_no_one_told_before(events_of, text, trigger, persons):
    assert of_trigger(events_of(text), trigger).persons == persons


def test_a_subject_told_after_coordinated_passives_is_theirs_not_someone_told_before(events_of):
    text = ("Журналист Олег Сомов живёт в Омске. Перед началом акции силами полиции был грубо схвачен и на "
            "машине увезён один из стоявших на площади молодых активистов.")
    assert of_trigger(events_of(text), "схвач").persons == ()
