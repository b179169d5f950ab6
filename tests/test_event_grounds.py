"""Issue 12, round 12: what a penalty punishes and what the accusers say happened are no
happenings told.

The guidelines (``data/wikinews/README.md``, ``data/ovdinfo/README.md``): the crime an
execution or a sentence punishes is no event; suspicions and the investigators' version of
the crime are none; a rally a penalty punishes still is one. Each table holds new invented
sentences of one construction; none is copied from a benchmark's documents.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import type_counts

DOC_DATE = dt.date(2024, 9, 1)


# (text, event type, how many): the act a penalty, an arrest or an execution is given for
# (``за`` + its noun, ``за то, что`` + its clause, under a word of punishing) is the crime
# punished or charged, not a happening the text tells; the penalty itself stays
PUNISHED = [
    ("Его арестовали за убийство соседа.", "violence", 0),
    ("Его арестовали за убийство соседа.", "detention", 1),
    ("В 2019 году бывшего охранника приговорили к пяти годам колонии за избиение посетителя бара.", "violence", 0),
    ("В 2019 году бывшего охранника приговорили к пяти годам колонии за избиение посетителя бара.", "custody", 1),
    ("Суд оштрафовал Ольгу Зайцеву на 30 тысяч рублей за угрозы соседке.", "intimidation", 0),
    ("Суд оштрафовал Ольгу Зайцеву на 30 тысяч рублей за угрозы соседке.", "fine", 1),
    ("Бывший губернатор приговорён к 15 годам за то, что приказал задержать и избить демонстрантов.",
     "detention", 0),
    ("Бывший губернатор приговорён к 15 годам за то, что приказал задержать и избить демонстрантов.",
     "violence", 0),
    ("Мужчину, приговорённого к смерти за то, что он застрелил двух полицейских в 1999 году, "
     "казнили в Алабаме.", "violence", 1),
    ("Бывшего мэра приговорили к восьми годам колонии за то, что он велел полиции арестовать фермеров.", "detention", 0),
    ("Бывшего мэра приговорили к восьми годам колонии за то, что он велел полиции арестовать фермеров.", "custody", 1),
    ("Мужчину задержали за нападение на кассира магазина.", "violence", 0),
    ("Мужчину задержали за нападение на кассира магазина.", "detention", 1),
]


@pytest.mark.parametrize("text, kind, n", PUNISHED)
def test_the_act_a_penalty_punishes_is_no_happening(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n


# (text, event type, how many): what the accusers say happened (``по версии обвинения``,
# ``по формулировке следствия``, ``согласно обвинению``; ``следствие считает, что ...``,
# ``прокурор утверждал, что ...``) is their version, no happening told
ACCUSERS_VERSION = [
    ("По формулировке следствия, Петров толкнул полицейского и тем самым применил насилие.", "violence", 0),
    ("Согласно обвинению, Петров ударил сотрудника полиции.", "violence", 0),
    ("По мнению обвинения, студент избил охранника общежития.", "violence", 0),
    ("Следствие считает, что Петров избил охранника клуба.", "violence", 0),
    ("Следствие показало, что обвиняемый избивал сокамерника несколько минут.", "violence", 0),
    ("Прокурор утверждал, что подсудимый угрожал свидетелю.", "intimidation", 0),
    ("Обвинение настаивает, что Сидоров обстрелял колонну из миномёта.", "violence", 0),
]


@pytest.mark.parametrize("text, kind, n", ACCUSERS_VERSION)
def test_what_the_accusers_say_happened_is_no_happening(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n


# (text, event type, how many): what stays a happening: a rally a penalty punishes is the
# rally; a penalty's own ground told as its own happening elsewhere; a violence told by a
# witness or the victim; an accuser telling what was done to the accused; ``за`` of support,
# of a span of time or of a place
KEPT = [
    ("5 мая 2024 года в Омске прошёл митинг против застройки сквера. "
     "Суд оштрафовал Ольгу Зайцеву за участие в митинге.", "protest", 1),
    ("Его оштрафовали за пикет у здания мэрии 5 мая.", "protest", 1),
    ("Его задержали за то, что он вышел на одиночный пикет у мэрии.", "protest", 1),
    ("5 мая 2024 года неизвестные избили журналиста Олега Фомина в Самаре.", "violence", 1),
    ("Полицейские избили Ивана Петрова за то, что он снимал задержание на телефон.", "violence", 1),
    ("Активиста избили за его публикации о коррупции.", "violence", 1),
    ("Его задержали за то, что он рассказал, как полицейские избили его брата.", "violence", 1),
    ("Блогера оштрафовали за видео, на котором полицейские избили задержанного.", "violence", 1),
    ("За два дня до митинга полицейские задержали его организатора.", "detention", 1),
    ("Свидетель рассказал, что полицейские избили задержанного.", "violence", 1),
    ("По данным полиции, в Омске задержаны 30 человек.", "detention", 1),
    ("Прокурор сообщил, что в Томске задержаны трое участников акции.", "detention", 1),
    ("Он выступал за освобождение задержанных активистов.", "detention", 0),
]


@pytest.mark.parametrize("text, kind, n", KEPT)
def test_what_stays_a_happening(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n


# (text, event type, how many): an arrest warrant issued or named as the ground of an arrest
# is a custody of its own (data/wikinews/README.md: a foreign arrest warrant named as the
# ground of a detention; many warrants issued at once are one custody), the capture it led to
# a detention; a warrant for a search is none
WARRANTS = [
    ("Полиция задержала Петрова по ордеру, выданному судом Франции.", "custody", 1),
    ("Полиция задержала Петрова по ордеру, выданному судом Франции.", "detention", 1),
    ("В Варшаве его задержали по ордеру на арест, который выписал суд Германии.", "custody", 1),
    ("В Варшаве его задержали по ордеру на арест, который выписал суд Германии.", "detention", 1),
    ("В марте 2023 года суд Гааги выдал ордер на арест бывшего министра.", "custody", 1),
    ("Интерпол разослал ордер на арест бизнесмена Олега Волкова.", "custody", 1),
    ("Интерпол разослал ордер на арест бизнесмена Олега Волкова.", "detention", 0),
    ("Полиция провела обыск по ордеру суда.", "custody", 0),
    ("Ордер на обыск квартиры выдал районный суд.", "custody", 0),
]


@pytest.mark.parametrize("text, kind, n", WARRANTS)
def test_an_arrest_warrant_is_a_custody(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n


# (text, event type, how many): a violence, a threat or a ruling retold paragraphs later by the
# same word (or its noun: ``убит`` ... ``убийство``, ``казнили`` ... ``казнь``) with nothing of
# its own (no day, place, count, sum or term) is the happening told, not another; two told
# with their own days, or of other people, stay two
RETOLD_BY_NOUN = [
    ("5 мая 2024 года в Омске был убит журналист Олег Фомин.\n\nПолиция пока не нашла виновных.\n\n"
     "На месте убийства друзья журналиста оставили цветы.", "violence", 1),
    ("В четверг в Алабаме казнили осуждённого Марка Лоу.\n\nНакануне казни с ним простилась мать.\n\n"
     "Сама казнь заняла восемь минут.", "violence", 1),
    ("В марте 2024 года неизвестные избили активиста Петра Сидорова.\n\nПолиция возбудила дело.\n\n"
     "Сидоров рассказал, что после избиения долго лечился.", "violence", 1),
    ("В июне 2024 года на журналистку Анну Белову напали у её дома.\n\nРедакция потребовала найти виновных.\n\n"
     "Нападение попало на камеры соседей.", "violence", 1),
    ("5 мая 2024 года в Омске был убит журналист Олег Фомин.\n\n12 мая 2024 года в Томске убит блогер Иван Орлов.",
     "violence", 2),
    ("В марте 2024 года в Омске произошло нападение на активиста Петра Сидорова.\n\n"
     "В мае 2024 года в Томске произошло нападение на журналиста Ивана Орлова.", "violence", 2),
    ("5 мая 2024 года в Омске был убит журналист Олег Фомин.\n\nЧерез неделю в Томске произошло убийство "
     "блогера Ивана Орлова.", "violence", 2),
]


@pytest.mark.parametrize("text, kind, n", RETOLD_BY_NOUN)
def test_a_noun_retelling_by_the_same_word_is_the_happening_told(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n
