"""Merges that join distinct cases (issue 12, round 12): a report lists cases one after
another (case lists, chronicles, ``Второе дело ...``), and a telling that only refers back
(a plural pronoun, a participle naming people, a rally named by its participants) must not
reach across the point where another case begins: a sentence opening another case, a new item
of a list, a paragraph whose first sentence states a date and a place of its own. Only the
same named person carries a happening across it.

Each table holds new invented multi-case texts of one construction; none is copied from a
benchmark's documents.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import type_counts


DOC_DATE = dt.date(2024, 12, 1)


# (text, event type, how many): the telling after the boundary is another case's happening
ACROSS_A_CASE = [
    # a case opener, then a plural pronoun of the new case's people
    ("Суд приговорил троих активистов к двум годам колонии.\n"
     "Еще одно дело касается студентов из Тулы. Их приговорили к двум годам колонии.", "custody", 2),
    ("В Омске полиция задержала пятерых анархистов.\n"
     "Другой эпизод связан с экологами. Задержанных экологов отвезли в отдел полиции.", "detention", 2),
    ("В Брянске полицейские задержали четверых пикетчиков.\n"
     "Второй случай произошел в Калуге. Их задержали у здания администрации.", "detention", 2),
    # a case opener, then a participle naming people of the new case
    ("В 2023 году в Омске арестовали пятерых анархистов.\n"
     "Другое дело возбудили против экологов из Томска. Адвокаты арестованных экологов подали жалобу.",
     "detention", 2),
    # a paragraph that opens with its own date and place
    ("В 2022 году в Омске арестовали пятерых анархистов.\n"
     "В 2023 году в Томске прошел пикет экологов.\n"
     "Адвокаты арестованных экологов подали жалобу.", "detention", 2),
    ("Весной 2023 года в Курске задержали шестерых студентов.\n"
     "В июне 2023 года в Орле прошла акция в защиту парка. Задержанных участников отвезли в отдел.",
     "detention", 2),
    # items of a list, each a case of its own
    ("Дела против активистов:\n"
     "1. В Пензе суд приговорил двух анархистов к трем годам колонии.\n"
     "2. В Саратове студентов обвинили в вандализме. Их приговорили к трем годам колонии.", "custody", 2),
    ("Задержания за месяц:\n"
     "— в Самаре полиция задержала троих волонтеров;\n"
     "— в Уфе задержанных экологов доставили в отдел полиции.", "detention", 2),
    # a rally named by its participants after another case begins is that case's rally
    ("5 мая 2023 года в Омске прошла акция против вырубки сквера.\n"
     "Другое дело касается участников шествия в Перми. Участников шествия оштрафовали.", "protest", 2),
]


@pytest.mark.parametrize("text, kind, n", ACROSS_A_CASE)
def test_a_reference_does_not_reach_across_another_case(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n


# (text, event type, how many): guards — within one case, or told of the same named person,
# a retelling still joins what it retells
WITHIN_A_CASE = [
    ("12 мая 2023 года в Казани полиция задержала 30 человек. Их доставили в отдел полиции.", "detention", 1),
    ("В июле 2023 года в Ярославле полицейские задержали четырёх пикетчиков.\n"
     "Задержанных отвезли в отделение полиции.", "detention", 1),
    ("5 мая 2023 года в Омске прошла акция против вырубки сквера.\n"
     "Через неделю суд оштрафовал двух участников акции на 10 тысяч рублей.", "protest", 1),
    # the same named person across a case opener: the happening told again
    ("В марте 2023 года в Омске задержали активиста Ивана Петрова.\n"
     "Другой случай касается его брата. Задержание Ивана Петрова длилось три часа.", "detention", 1),
]


@pytest.mark.parametrize("text, kind, n", WITHIN_A_CASE)
def test_a_reference_within_its_case_still_joins(models, text, kind, n):
    assert type_counts(text, models, DOC_DATE)[kind] == n


def events_of(text: str, models):
    from pipeline.events import build_events
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    found_date, mentions = tag_mentions(text, models, DOC_DATE)
    return build_events(text, split_sentences(text), mentions, models, found_date)


# (text, trigger, ISO start of its date or None): a rally told without a date takes the last
# dated rally's date only within its case; another case's rally keeps none (nor do the
# happenings its date would have reached)
RALLY_DATES = [
    ("5 мая 2023 года в Омске прошла акция против вырубки сквера.\n"
     "Другое дело касается участников шествия в Перми. Участников шествия оштрафовали.", "шествия", None),
    ("12 марта 2023 года в Туле прошел митинг против закрытия больницы.\n"
     "Второй случай связан с пикетом в Рязани. Организатора пикета оштрафовали.", "оштрафовали", None),
    ("1. 3 июня 2023 года в Самаре прошел пикет экологов.\n"
     "2. В Уфе суд оштрафовал участников митинга в защиту парка.", "митинга", None),
    # guards: within one case the rally's date carries
    ("12 марта 2023 года в Туле прошел митинг против закрытия больницы.\n"
     "Организаторов митинга оштрафовали.", "оштрафовали", "2023-03-12"),
]


@pytest.mark.parametrize("text, word, start", RALLY_DATES)
def test_a_rally_takes_no_date_from_another_case(models, text, word, start):
    from conftest import of_trigger

    event = of_trigger(build := events_of(text, models), word)
    assert (event.date.start.isoformat() if event.date else None) == start, build


# (text, trigger, ISO start of its date or None): a sentence that counts the cases of a year
# gives that year to the cases told after it, whether or not its own words hold a trigger (an
# unparsed sentence: ``завели``, ``было открыто``)
INTRODUCED_YEARS = [
    ("В 2021 году против блогеров завели пять дел.\n"
     "Олега Сидорова обвинили в призывах к экстремизму.", "обвинили", "2021-01-01"),
    ("В 2022 году против экологов было открыто три уголовных дела.\n"
     "Студентку Анну Смирнову обвинили в клевете на губернатора.", "обвинили", "2022-01-01"),
    ("За 2020 год против журналистов завели несколько дел.\n"
     "Так, Павла Козлова обвинили в вымогательстве.", "обвинили", "2020-01-01"),
    # guard: a trigger in the counting sentence, as before
    ("В 2019 году против блогеров возбудили пять дел.\n"
     "Олега Сидорова обвинили в призывах к экстремизму.", "обвинили", "2019-01-01"),
]


@pytest.mark.parametrize("text, word, start", INTRODUCED_YEARS)
def test_a_count_of_cases_dates_the_cases_after_it(models, text, word, start):
    from conftest import of_trigger

    event = of_trigger(found := events_of(text, models), word)
    assert (event.date.start.isoformat() if event.date else None) == start, found
