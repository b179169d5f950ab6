"""DATE mentions and the document's own date, on real phrases from testimony."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import DATE, DateValue
from pipeline.tag.dates import find_doc_date, tag_dates

D = dt.date
DOC = D(2012, 11, 8)  # sample 001 is signed 8 ноября 2012г.


def only_date(text: str, doc_date: dt.date | None):
    mentions = tag_dates(text, doc_date)
    assert len(mentions) == 1, [(m.text, m.normal) for m in mentions]
    return mentions[0]


# (text, doc_date, span text, normal, start, end, precision)
CASES = [
    # from the samples
    ("После трагических событий 16 декабря 2011 года, расстрела", DOC,
     "16 декабря 2011 года", "2011-12-16", D(2011, 12, 16), D(2011, 12, 16), "day"),
    ("было принято решение 28 января 2012 г. выйти на митинг", DOC,
     "28 января 2012 г.", "2012-01-28", D(2012, 1, 28), D(2012, 1, 28), "day"),
    ("24 марта с.г. исполнялось 100 дней со дня расстрела", DOC,
     "24 марта с.г.", "2012-03-24", D(2012, 3, 24), D(2012, 3, 24), "day"),
    ("15 октября с.г., в квартире Б.Туменовой", DOC,
     "15 октября с.г.", "2012-10-15", D(2012, 10, 15), D(2012, 10, 15), "day"),
    ("Данный порядок в 1997 году власть установила законом", DOC,
     "1997 году", "1997", D(1997, 1, 1), D(1997, 12, 31), "year"),
    ("работает и имеет регистрацию с 2003г. Мы осуществляем", None,
     "2003г.", "2003", D(2003, 1, 1), D(2003, 12, 31), "year"),
    ("В 2012г. нам сорвали несколько мероприятий", None,
     "2012г.", "2012", D(2012, 1, 1), D(2012, 12, 31), "year"),
    ("(Сессия 2, 9 ноября 2012г)", None,
     "9 ноября 2012г", "2012-11-09", D(2012, 11, 9), D(2012, 11, 9), "day"),
    ("в конце февраля были поданы заявки", DOC,
     "конце февраля", "2012-02", D(2012, 2, 1), D(2012, 2, 29), "month"),
    ("Группой активистов в сентябре этого года, вновь был подан иск", DOC,
     "сентябре этого года", "2012-09", D(2012, 9, 1), D(2012, 9, 30), "month"),
    ("В апреле, вновь в Акимат были направлены заявки", DOC,
     "апреле", "2012-04", D(2012, 4, 1), D(2012, 4, 30), "month"),
    ("Поданная заявка на проведение митинга 25 февраля, как и в прошлый раз", DOC,
     "25 февраля", "2012-02-25", D(2012, 2, 25), D(2012, 2, 25), "day"),
    ("памятники вождям Великой Октябрьской революции 1917 года.", DOC,
     "1917 года", "1917", D(1917, 1, 1), D(1917, 12, 31), "year"),
    ("Решения Маслихата от 2005 года о запрете", DOC,
     "2005 года", "2005", D(2005, 1, 1), D(2005, 12, 31), "year"),
    ("Так же в этом году произошел инцидент", DOC,
     "этом году", "2012", D(2012, 1, 1), D(2012, 12, 31), "year"),
    # the other forms testimony uses
    ("в марте 2012 года прошел пикет", None,
     "марте 2012 года", "2012-03", D(2012, 3, 1), D(2012, 3, 31), "month"),
    ("митинг прошел в марте", DOC, "марте", "2012-03", D(2012, 3, 1), D(2012, 3, 31), "month"),
    ("в прошлом году", DOC, "прошлом году", "2011", D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("за этот год задержаны сотни", DOC, "этот год", "2012", D(2012, 1, 1), D(2012, 12, 31), "year"),
    ("прошлый год был тяжелым", DOC, "прошлый год", "2011", D(2011, 1, 1), D(2011, 12, 31), "year"),
    ("в прошлом месяце прошли обыски", DOC, "прошлом месяце", "2012-10",
     D(2012, 10, 1), D(2012, 10, 31), "month"),
    ("всего за октябрь задержаны 40 человек", DOC, "октябрь", "2012-10",
     D(2012, 10, 1), D(2012, 10, 31), "month"),
    ("Иванов, 1987 г.р., задержан", DOC, "1987 г.р.", "1987", D(1987, 1, 1), D(1987, 12, 31), "year"),
    ("в минувшем месяце", DOC, "минувшем месяце", "2012-10", D(2012, 10, 1), D(2012, 10, 31), "month"),
    ("со 2 по 4 октября в Оше", DOC, "2 по 4 октября", "2012-10-02/2012-10-04",
     D(2012, 10, 2), D(2012, 10, 4), "day"),
    ("с 10 октября по 2 ноября", DOC, "10 октября по 2 ноября", "2012-10-10/2012-11-02",
     D(2012, 10, 10), D(2012, 11, 2), "day"),
    ("в мае прошлого года", DOC, "мае прошлого года", "2011-05", D(2011, 5, 1), D(2011, 5, 31), "month"),
    ("до конца текущего года", DOC, "конца текущего года", "2012", D(2012, 1, 1), D(2012, 12, 31), "year"),
    ("в начале марта", DOC, "начале марта", "2012-03", D(2012, 3, 1), D(2012, 3, 31), "month"),
    ("Дата: 08.11.2012", None, "08.11.2012", "2012-11-08", DOC, DOC, "day"),
    ("постановление от 08.11.12 г.", None, "08.11.12 г.", "2012-11-08", DOC, DOC, "day"),
    ("получено 08/11/2012", None, "08/11/2012", "2012-11-08", DOC, DOC, "day"),
    ("с 5 по 7 января", DOC, "5 по 7 января", "2012-01-05/2012-01-07",
     D(2012, 1, 5), D(2012, 1, 7), "day"),
    ("5-7 января 2012", None, "5-7 января 2012", "2012-01-05/2012-01-07",
     D(2012, 1, 5), D(2012, 1, 7), "day"),
    ("в 1993—2003 годы", None, "1993—2003 годы", "1993/2003", D(1993, 1, 1), D(2003, 12, 31), "year"),
    ("(1993-2003)", None, "1993-2003", "1993/2003", D(1993, 1, 1), D(2003, 12, 31), "year"),
    ("с января по март", DOC, "января по март", "2012-01/2012-03",
     D(2012, 1, 1), D(2012, 3, 31), "month"),
    ("с 28 декабря по 5 января 2012 года", None, "28 декабря по 5 января 2012 года",
     "2011-12-28/2012-01-05", D(2011, 12, 28), D(2012, 1, 5), "day"),
    ("в 1990-х годах", None, "1990-х годах", "1990/1999", D(1990, 1, 1), D(1999, 12, 31), "year"),
    ("в 2012-м году", None, "2012-м году", "2012", D(2012, 1, 1), D(2012, 12, 31), "year"),
    ("январь 2012 года", None, "январь 2012 года", "2012-01", D(2012, 1, 1), D(2012, 1, 31), "month"),
    ("5 янв. 2012 г.", None, "5 янв. 2012 г.", "2012-01-05", D(2012, 1, 5), D(2012, 1, 5), "day"),
    ("в дек. 2011 г.", None, "дек. 2011 г.", "2011-12", D(2011, 12, 1), D(2011, 12, 31), "month"),
    ("закрыт в 1997.", None, "1997", "1997", D(1997, 1, 1), D(1997, 12, 31), "year"),
    # a night is its two days, from the first (our guidelines)
    ("в ночь с 14 на 15 мая 2019 года задержали", None, "14 на 15 мая 2019 года",
     "2019-05-14/2019-05-15", D(2019, 5, 14), D(2019, 5, 15), "day"),
    ("Ночью с 3 на 4 октября пришли", DOC, "3 на 4 октября", "2012-10-03/2012-10-04",
     D(2012, 10, 3), D(2012, 10, 4), "day"),
    # damaged by PDF extraction
    ("событий 16декабря 2011 года", None, "16декабря 2011 года", "2011-12-16",
     D(2011, 12, 16), D(2011, 12, 16), "day"),
    ("решение 28 января2012 выйти", None, "28 января2012", "2012-01-28",
     D(2012, 1, 28), D(2012, 1, 28), "day"),
    ("24 МАРТА 2012 Г.", None, "24 МАРТА 2012 Г.", "2012-03-24", D(2012, 3, 24), D(2012, 3, 24), "day"),
    ("в Январе 2012г", None, "Январе 2012г", "2012-01", D(2012, 1, 1), D(2012, 1, 31), "month"),
    ("перед январём 2012 года", None, "январём 2012 года", "2012-01", D(2012, 1, 1), D(2012, 1, 31), "month"),
    ("24  марта  2012   года", None, "24  марта  2012   года", "2012-03-24",
     D(2012, 3, 24), D(2012, 3, 24), "day"),
]


@pytest.mark.parametrize("text, doc_date, span, normal, start, end, precision", CASES)
def test_dates_are_read(text, doc_date, span, normal, start, end, precision):
    mention = only_date(text, doc_date)
    assert mention.type == DATE
    assert mention.text == span == text[mention.start:mention.end]
    assert mention.normal == normal
    assert mention.value == DateValue(start, end, precision)


YEARLESS = [
    # a month after the document's month is last year's: testimony reports the past
    ("16 декабря", DOC, "16 декабря", "2011-12-16"),
    ("в декабре", DOC, "декабре", "2011-12"),
    ("8 ноября", DOC, "8 ноября", "2012-11-08"),
    ("в ноябре", DOC, "ноябре", "2012-11"),
    # explicit 'this year' is never moved back
    ("16 декабря с.г.", DOC, "16 декабря с.г.", "2012-12-16"),
    # no doc date: the nearest preceding explicit date, day and month dates first
    ("решение 28 января 2012 г. выйти на митинг. Революции 1917 года. 25 февраля отказ",
     None, "25 февраля", "2012-02-25"),
    ("В 2012г. нам сорвали мероприятие. 24 марта снова", None, "24 марта", "2012-03-24"),
    # else the nearest following day or month with its year
    ("24 марта был митинг, как и 12 апреля 2010 года", None, "24 марта", "2010-03-24"),
]

REPORT = dt.date(2015, 2, 26)
# the narrative's reference time: the last date with a year before it in its paragraph, else
# in the paragraphs before
NARRATIVE = [
    ("В феврале 2012 года его задержали. 9 ноября он был отправлен под домашний арест.",
     REPORT, "9 ноября", "2012-11-09"),
    # a month earlier in the year than the reference: the narrative has moved on a year
    ("16 декабря 2011 года начались протесты, а 28 января их участников судили.", DOC, "28 января", "2012-01-28"),
    ("В июне 2014 года материалы направили в трибунал, в ноябре огласили вердикт.", REPORT, "ноябре", "2014-11"),
    # a story that steps back stays in the reference's year
    ("В мае 2013 года его осудили. Дело было возбуждено в феврале.", dt.date(2015, 12, 1), "феврале", "2013-02"),
    ("12 мая 2015 года суд назначил штраф. Задержан он был 3 марта.", dt.date(2016, 6, 1), "3 марта", "2015-03-03"),
    ("В сентябре 2013 года суд вынес приговор; задержали его в апреле.", REPORT, "апреле", "2013-04"),
    # across a new year: a season after an autumn reference is the next year
    ("В ноябре 2012 года пикет запретили, а 14 февраля его участников оштрафовали.", REPORT, "14 февраля", "2013-02-14"),
    # never after the document's date: the year before
    ("В марте 2014 года начался процесс, 5 декабря его закончили.", dt.date(2014, 6, 1), "5 декабря", "2013-12-05"),
    # another paragraph goes on with the narrative's year (a report's case runs over paragraphs)
    ("В апреле 2013 года его арестовали.\n4 декабря его перевели под домашний арест.",
     REPORT, "4 декабря", "2013-12-04"),
    ("В 2012 году в Курске возбудили дело против двух анархистов.\nВ мае их задержали.\n",
     REPORT, "мае", "2012-05"),
    # until a paragraph sets a time of its own
    ("В 2012 году дело закрыли.\nВ 2014 году его открыли вновь.\nВ марте суд арестовал активиста.",
     REPORT, "марте", "2014-03"),
    # an endnote headline is dated by the source it cites, not by the narrative before it
    ("В 2012 году прошли обыски.\n7. Суд 9 декабря арестовал блогера ↩\nhttp://news.example/a\n"
     "Новости, 11.12.2013\n", REPORT, "9 декабря", "2013-12-09"),
    ("В 2011 году начались суды.\n12. В Омске 3 января задержан\nактивист ↩\nhttp://x.example/b\n"
     "Лента, 05.01.2014\n", REPORT, "3 января", "2014-01-03"),
    # a bare year long before the document is history, not the narrative's time
    ("К годовщине событий 1944 года 23 февраля провели конференцию.", REPORT, "23 февраля", "2015-02-23"),
    # a bound («с», «до», «по») that takes a month back before the narrative's time is
    # background (since when a state held): the story goes on in its own year; no dateline
    ("В пятницу, 9 октября 2020 года, губернатор ушел в отставку.\nОн руководил областью с мая "
     "2016 года.\n2 октября у здания правительства начались протесты.", None, "2 октября", "2020-10-02"),
    ("17 марта 2019 года в Тбилиси задержали журналиста. Он работал в газете с июля 2012 года, "
     "а 4 марта его уже вызывали на допрос.", None, "4 марта", "2019-03-04"),
    ("12 апреля 2021 года адвокат сообщил, что фигурант содержится в СИЗО до мая 2020 года; "
     "10 апреля суд продлил ему арест.", None, "10 апреля", "2021-04-10"),
    # a bound that goes forward, or a month with no bound, still moves the narrative
    ("В 2017 году его задержали.\nС марта 2018 года он под домашним арестом, 5 июня суд его осудил.",
     None, "5 июня", "2018-06-05"),
]


@pytest.mark.parametrize("text, doc_date, span, normal", NARRATIVE)
def test_missing_year_from_the_narrative(text, doc_date, span, normal):
    assert (span, normal) in [(m.text, m.normal) for m in tag_dates(text, doc_date)]


@pytest.mark.parametrize("text, doc_date, span, normal", YEARLESS)
def test_missing_year_is_filled(text, doc_date, span, normal):
    assert (span, normal) in [(m.text, m.normal) for m in tag_dates(text, doc_date)]


# a bare year told after it is no year of the narrative (``по делу от 2011 года``): the
# guidelines take a year only from before, and a bare year is more often history
@pytest.mark.parametrize("text", ["19 мая суд закрыл процесс по делу от 2011 года",
                                  "2 июля в Твери задержали активиста, как и в 2009 году"])
def test_a_bare_year_told_later_gives_no_year(text):
    mention = tag_dates(text, None)[0]
    assert mention.normal is None and mention.value is None


def test_unresolvable_date_is_kept_without_value():
    mention = only_date("митинг 24 марта у памятника Абаю", None)
    assert (mention.text, mention.normal, mention.value) == ("24 марта", None, None)


@pytest.mark.parametrize("text", ["в прошлом месяце", "в начале этого месяца"])
def test_relative_months_need_a_doc_date(text):
    assert tag_dates(text, None) == []
    assert tag_dates(text, DOC)[0].value is not None


# The time of writing and the future are not dates by our guidelines (NEREL tags them);
# a day counted back from the statement's date is (tests/test_relative_dates.py).
@pytest.mark.parametrize("text", ["репрессии продолжаются и сегодня.",
                                  "присутствующим сегодня в зале", "суд назначен на завтра"])
def test_relative_days_are_not_dates(text):
    assert tag_dates(text, DOC) == []


def test_a_day_counted_back_is_a_date_only_with_the_documents_date():
    assert [m.text for m in tag_dates("задержан вчера у акимата", DOC)] == ["вчера"]
    assert tag_dates("задержан вчера у акимата", None) == []


NOT_DATES = [
    "осуждены на 15 суток",
    "осуждены на пятнадцать суток содержания в спецприемнике",
    "нерегистрируемая в течение почти шести лет НП «Алга»",
    "приговорен к 2 годам лишения свободы, 2 года лишения свободы",
    "Всего было задержано 28 человек.",
    "Пункт 1 статьи 23 Конституции РК",
    "звоните +7 (727) 272-12-15 или 8 701 123 45 67",
    "http://rus.azattyq.org/content/dissagreement_day_in_almaty/24496045.html",
    "http://www.youtube.com/watch?v=382KvUVoMME&list=UUrdk1QW0wbloxyzSEoUsPgA",
    "согласно закону № 2126 и статье 1997",
    "оштрафована на 80900 тенге (это более 400 EURO)",
    "от 30 000 до 81 000 тенге (150 – 410 EURO)",
    "от 1500 до 2000 тенге",
    "собрали от двухсот до двух тысяч участников, более 2000 человек",
    "на сроки от 10 до 18 суток",
    "С 10 утра и до пяти часов вечера",
    "100 дней со дня кончины",
    "учеников 10, 11 классов из 3-х школ",
    "согласно п. 3.1.12 устава",
    "Март — весенний месяц",
    "сегодняшняя власть",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert [m.text for m in tag_dates(text, DOC)] == []


@pytest.mark.parametrize("text", ["32.01.2012", "15.13.2012", "2012-02-30"])
def test_impossible_dates_are_not_dates(text):
    assert tag_dates(text, DOC) == []


def test_impossible_day_keeps_the_month():
    mention = only_date("31 февраля 2012 года", DOC)
    assert (mention.text, mention.normal) == ("февраля 2012 года", "2012-02")


# A birth date is a person's, not the story's time: it gives no year to a year-less date told
# before or after it (issue 12); a story's own full date still does
BIRTHS = [
    ("9 августа его задержали. Он родился 4 февраля 1991 года в Уфе.", "9 августа", None),
    ("Она родилась 3 мая 1985 года. 12 июня её задержали в Омске.", "12 июня", None),
    ("Иван Орлов родился 2 февраля 1991 года в Твери, а 14 марта его арестовали.", "14 марта", None),
    ("5 мая 2014 года прошёл митинг. 12 июня его участников оштрафовали.", "12 июня", "2014-06-12"),
    ("9 августа его задержали. Суд над ним начался 10 сентября 2019 года.", "9 августа", "2019-08-09"),
    # a birthday is a day something happened on, not a birth date
    ("В свой день рождения, 12 марта 2019 года, активиста задержали в Омске. 14 марта суд арестовал его.",
     "14 марта", "2019-03-14"),
    ("В день рождения сына, 5 мая 2018 года, её оштрафовали. 9 мая её задержали.", "9 мая", "2018-05-09"),
    ("Иван Орлов, 1993 года рождения, задержан 14 марта.", "14 марта", None),
]


@pytest.mark.parametrize("text, date, normal", BIRTHS)
def test_a_birth_date_gives_no_year(text, date, normal):
    found = {m.text: m.normal for m in tag_dates(text, None)}
    assert found[date] == normal


# --- the document's own date ---------------------------------------------------

DOC_DATES = [
    ("г. Алматы, 8 ноября 2012 года\nЗаявление\nВ 2012г. нам сорвали мероприятие.", D(2012, 11, 8)),
    ("Заявление\nДата: 08.11.2012\nТекст.", D(2012, 11, 8)),
    ("Ситуация со свободой собраний.\n(Сессия 2, 9 ноября 2012г)\nТекст.", D(2012, 11, 9)),
    # the signature dateline wins over the session date in the heading
    ("(Сессия 2, 9 ноября 2012г)\nТекст.\nСпасибо.\n8 ноября 2012г.\nГ.Архангельский", D(2012, 11, 8)),
    # a date inside a body sentence dates an event, not the statement
    ("Заявление\n" + "Митинг прошел 28 января 2012 г. у памятника Абаю, " * 6 + "\nПодпись", None),
    ("Текст без дат.", None),
]

# News has no dateline (issue 12): a short lead or last sentence telling what happened on a
# full date (a finite verb or a short participle beside it) is no heading, and ``эта дата``
# in a sentence is no ``Дата:`` label; a heading naming a document keeps its date
NEWS_DOC_DATES = [
    ("Задержан активист\nФото с акции\n2 марта 2014 года в Омске задержан активист Иван Орлов.\nТекст.", None),
    ("Пожар на складе\nФото\n5 мая 2016 года в Твери сгорел склад.\nТекст.", None),
    ("Отставка\nТекст первый.\nТекст второй.\nВыборы пройдут 7 июля 2014 года.", None),
    ("Отставка\nТекст.\n7 июля 2014 года пройдут выборы. Никто пока не знает, сдвинут ли этот день.", None),
    ("Заявление о нарушении права на собрания от 8 ноября 2012 года\nТекст заявления.", D(2012, 11, 8)),
    ("Обращение\nТекст обращения.\nОмск, 3 апреля 2015 года", D(2015, 4, 3)),
    # a publication's or a signature's label (a short participle) leaves a dateline a dateline
    ("Задержание активиста в Омске\nОпубликовано 8 ноября 2012 года\nВчера в Омске задержали активиста.\n",
     D(2012, 11, 8)),
    ("Заявление\nТекст заявления.\nСоставлено 8 ноября 2012 года", D(2012, 11, 8)),
    ("Пикет в Твери\nОбновлено 3 апреля 2015 года\nТекст.", D(2015, 4, 3)),
    # a label with its noun ("Дата публикации:") mid-document
    ("Заявление\n" + "Текст абзаца без единой даты, но довольно длинный.\n" * 9 + "Дата публикации: 08.11.2012\n"
     + "Текст абзаца без единой даты, но довольно длинный.\n" * 9 + "Подпись", D(2012, 11, 8)),
]


@pytest.mark.parametrize("text, expected", DOC_DATES)
def test_find_doc_date(text, expected):
    assert find_doc_date(text) == expected


@pytest.mark.parametrize("text, expected", NEWS_DOC_DATES)
def test_a_sentence_telling_a_happening_is_no_dateline(text, expected):
    assert find_doc_date(text) == expected


def clean_like(raw: str) -> str:
    """Roughly what normalising does to spaces: one space, no blank lines."""
    lines = (re.sub(r"[^\S\n]+", " ", line).strip() for line in raw.splitlines())
    return "\n".join(line for line in lines if line)


SAMPLE_001 = "001_35f99063bebc0d6e"
SAMPLE_000 = "000_6fb061e0297f36b6"


@pytest.mark.parametrize("shape", [lambda t: t, clean_like], ids=["raw", "clean"])
def test_samples(sample_texts, shape):
    text = shape(sample_texts[SAMPLE_001])
    assert find_doc_date(text) == D(2012, 11, 8)
    found = {(re.sub(r"\s+", " ", m.text), m.normal) for m in tag_dates(text, D(2012, 11, 8))}
    expected = {
        ("9 ноября 2012г", "2012-11-09"), ("16 декабря 2011 года", "2011-12-16"),
        ("15 января 2012 года", "2012-01-15"), ("28 января 2012 г.", "2012-01-28"),
        ("1997 году", "1997"), ("2005 году", "2005"), ("25 февраля", "2012-02-25"),
        ("24 марта с.г.", "2012-03-24"), ("конце февраля", "2012-02"),
        ("1917 года", "1917"), ("апреле", "2012-04"), ("31 мая", "2012-05-31"),
        ("1997 года", "1997"), ("1937 года", "1937"),
        ("сентябре этого года", "2012-09"), ("2005 года", "2005"),
        ("15 октября с.г.", "2012-10-15"), ("24 марта", "2012-03-24"),
        ("28 апреля", "2012-04-28"), ("8 ноября 2012г.", "2012-11-08"),
    }
    assert expected <= found
    assert not {t for t, _ in found} & {"15 суток", "пятнадцать суток", "28 человек"}

    text = shape(sample_texts[SAMPLE_000])
    assert find_doc_date(text) is None
    found = [(m.text, m.normal) for m in tag_dates(text, None)]
    # 'в этом году' is the latest year the statement names
    assert found == [("2005 году", "2005"), ("2003г.", "2003"), ("2012г.", "2012"),
                     ("этом году", "2012")]


MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля",
                   "августа", "сентября", "октября", "ноября", "декабря"]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2099, 12, 31)),
       st.sampled_from(["{d} {m} {y} года", "{d} {m} {y}г.", "{d}{m} {y} г.", "{dd}.{mm}.{y}"]))
def test_any_full_date_reads_back(day, form):
    text = "Митинг " + form.format(d=day.day, m=MONTHS_GENITIVE[day.month - 1], y=day.year,
                                    dd=f"{day.day:02d}", mm=f"{day.month:02d}") + " прошел."
    assert only_date(text, None).value == DateValue(day, day, "day")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 .-–/гдеяанмртвсоg\n") +
                                ["марта", "года", "2012", "с.г.", "по", "с ", "в "]),
                max_size=40).map("".join))
def test_spans_are_ordered_and_disjoint(text):
    mentions = tag_dates(text, DOC)
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for m in mentions:
        assert m.text == text[m.start:m.end] and m.start < m.end
        assert m.value is None or m.value.start <= m.value.end


def test_range_over_new_year_with_this_year_tail():
    mention = only_date("с 28 декабря по 5 января этого года", DOC)
    assert mention.normal == "2011-12-28/2012-01-05"


@pytest.mark.parametrize(
    "text, doc_date, normal",
    [
        ("12 июня прошла акция", dt.date(2021, 6, 10), "2021-06-12"),  # dated a little early
        ("16 декабря прошла акция", dt.date(2012, 11, 8), "2011-12-16"),  # clearly after: last year
        ("3 июня прошла акция", dt.date(2021, 6, 10), "2021-06-03"),
    ],
)
def test_year_less_dates_near_the_doc_date(text, doc_date, normal):
    assert [m.normal for m in tag_dates(text, doc_date)] == [normal]


# (text, doc_date, span, normal): «в течение» and «на протяжении» are prepositions like «в»:
# the month after them is a date, the preposition outside its span; a duration after them
# («в течение трёх месяцев», «на протяжении всего лета») is no date.
DURING = [
    ("В течение апреля 2019 года суды рассматривали иски", None, "апреля 2019 года", "2019-04"),
    ("на протяжении сентября пикеты проходили ежедневно", D(2016, 12, 1), "сентября", "2016-09"),
    ("в течение февраля его трижды вызывали на допрос", D(2018, 5, 3), "февраля", "2018-02"),
]


@pytest.mark.parametrize("text, doc_date, span, normal", DURING)
def test_a_month_during_which_things_happened_is_a_date(text, doc_date, span, normal):
    mention = only_date(text, doc_date)
    assert mention.text == span and mention.normal == normal


@pytest.mark.parametrize("text", ["в течение трёх месяцев", "на протяжении всего лета", "в течение года"])
def test_a_duration_during_which_is_no_date(text):
    assert [m.text for m in tag_dates(text, DOC)] == []


# A relative date in an endnote headline counts back from the date of the source the entry
# cites (the headline was written then), not from the report's date; in the body it counts
# from the report's date as before.
ENDNOTE_RELATIVE = [
    ("3. Общественную приемную пытались закрыть еще три года назад ↩\nhttp://news.example/c\n"
     "Новости, 14.03.2012\n", "три года назад", "2009"),
    ("18. Волонтеров задержали на прошлой неделе\nу здания суда ↩\nhttp://x.example/d\n"
     "Лента, 20.11.2013\n", "прошлой неделе", "2013-11-11/2013-11-17"),
    ("Текст доклада.\n41. Музей выселили два года назад ↩\nhttp://y.example/e\n"
     "«Вести», 02.09.2011\n", "два года назад", "2009"),
    # a body sentence before the list keeps the report's date
    ("Пикетчиков задержали два года назад.\n5. Активиста оштрафовали ↩\nhttp://z.example/f\n"
     "Новости, 01.02.2012\n", "два года назад", "2013"),
]


@pytest.mark.parametrize("text, span, normal", ENDNOTE_RELATIVE)
def test_a_relative_date_in_an_endnote_counts_from_its_source(text, span, normal):
    assert (span, normal) in [(m.text, m.normal) for m in tag_dates(text, REPORT)]


# A season or the beginning or end of a period, in any case, is inside the span of the date
# it narrows and keeps that date's precision (our guidelines: «осенью 2010» is year
# precision, «конца ноября 2011 года» month).
@pytest.mark.parametrize("text, span, normal", [
    ("Осенью 2016 года правозащитники выпустили доклад.", "Осенью 2016 года", "2016"),
    ("зимой 2011 года его вызвали на допрос", "зимой 2011 года", "2011"),
    ("Весной 2018 года прошли обыски.", "Весной 2018 года", "2018"),
    ("летом 2019 года", "летом 2019 года", "2019"),
    ("по состоянию на конец мая 2017 года", "конец мая 2017 года", "2017-05"),
    ("К концу апреля 2016 года его освободили.", "концу апреля 2016 года", "2016-04"),
    ("на начало 2013 года в списке было 50 человек", "начало 2013 года", "2013"),
    ("к началу июня 2012 года", "началу июня 2012 года", "2012-06"),
])
def test_a_season_or_a_part_narrows_its_date_inside_the_span(text, span, normal):
    assert [(m.text, m.normal) for m in tag_dates(text, REPORT)] == [(span, normal)]


# A year after a season or a part of a period needs no «года» (news and reports drop it:
# «осенью 2012»); a number after a season that counts something is no year.
@pytest.mark.parametrize("text, span, normal", [
    ("Осенью 2014 полиция вызвала волонтёров на допрос.", "Осенью 2014", "2014"),
    ("Его уволили летом 2017, после пикета.", "летом 2017", "2017"),
    ("В конце 2015 правозащитники подали жалобу.", "конце 2015", "2015"),
    ("зимой 2010-го участник акции был задержан", "зимой 2010-го", "2010"),
    ("В начале 2019 суд отклонил иск.", "начале 2019", "2019"),
])
def test_a_year_after_a_season_or_part_needs_no_cue(text, span, normal):
    assert [(m.text, m.normal) for m in tag_dates(text, REPORT)] == [(span, normal)]


@pytest.mark.parametrize("text", [
    "Весной 2000 человек вышли на улицы.",
    "Летом 1500 рублей хватало на неделю.",
    "В конце 2016 года его осудили.",  # the cued year is one date, not two
])
def test_a_number_after_a_season_is_a_year_only_when_nothing_counts_it(text):
    assert [m.normal for m in tag_dates(text, REPORT)] in ([], ["2016"])


@pytest.mark.parametrize("text", ["Летом в Москве жарко.", "Начало акции перенесли.", "Зимой его задержали."])
def test_a_season_or_a_part_alone_is_no_date(text):
    assert tag_dates(text, REPORT) == []


# Years listed before a year with its cue share the cue: each is a year of its own.
@pytest.mark.parametrize("text, dates", [
    ("В 2016 и 2017 году дела закрыли.", [("2016", "2016"), ("2017 году", "2017")]),
    ("в 2010, 2011 и 2012 годах", [("2010", "2010"), ("2011", "2011"), ("2012 годах", "2012")]),
    ("в 2013 или 2014 году", [("2013", "2013"), ("2014 году", "2014")]),
    # not a year: out of range, or not before a later year
    ("дом 1234 и 2013 год", [("2013 год", "2013")]),
    ("в 2015 и 2013 годах", [("2013 годах", "2013")]),
])
def test_years_listed_before_a_cued_year_are_years(text, dates):
    assert [(m.text, m.normal) for m in tag_dates(text, REPORT)] == dates


@pytest.mark.parametrize("text, dates", [
    # a numeric day and month without a year, where the context makes it a date: a range's
    # preposition, a date with a year beside it, a case card's line opening with it
    ("Арестован 21.04.2022. 23.04 суд отправил его в СИЗО.", ["2022-04-21", "2022-04-23"]),
    ("Задержан 3.11.2021, 5.11 арестован на два месяца.", ["2021-11-03", "2021-11-05"]),
    ("Обвинение предъявлено 14.03.2023, в СИЗО он с 12.03.", ["2023-03-14", "2023-03-12"]),
    ("Арест продлён до 14.09, сообщил суд 12.08.2023.", ["2023-09-14", "2023-08-12"]),
    # a decimal number, an article's number, a time: no date
    ("Цена выросла до 23.04 рубля за литр 12.03.2022.", ["2022-03-12"]),
    ("Штраф по ст. 20.02 КоАП назначен 12.03.2022.", ["2022-03-12"]),
    ("Инфляция составила 5.11 процента в 2022 году.", ["2022"]),
    ("Задержан 12.03.2022 в 23.04 у метро.", ["2022-03-12"]),
    ("Показатель с 12.05 до 14.07 процента рос весь 2022 год.", ["2022"]),
    # clock times after с/до/по: the other end no day and month, hours of an act, a rate's move,
    # or no date with its year near
    ("Петра Сомова задержали у метро. В отделе его избивали с 14.10 до 16.00.", []),
    ("Задержан 21.04.2022. С 10.10 до 11.11 его допрашивали в отделе.", ["2022-04-21"]),
    ("Курс доллара вырос с 10.05 до 12.01 за неделю.", []),
    ("Обыск в квартире шёл с 10.12 до 12.10, сообщил адвокат 3.05.2023.", ["2023-05-03"]),
    ("Ставка выросла до 12.05, сообщил банк 3.05.2023.", ["2023-05-03"]),
    # a range of days with a dated day near stays dates
    ("Задержан 12.03.2023, в СИЗО с 14.03 по 20.05.", ["2023-03-12", "2023-03-14/2023-05-20"]),
])
def test_a_numeric_day_and_month_without_a_year(text, dates):
    assert [m.normal for m in tag_dates(text, D(2024, 5, 1))] == dates


# Every shape of date, each after the characters a pattern's leading lookbehind weighs
# (a letter, a digit, a dot, a slash, a colon, №, a hyphen, a comma, a bracket, a line
# start): the digit-led kinds, tried only where a digit opens after no word character,
# must find what a scan of every position finds.
DATE_SHAPES = [
    "7 мая", "07-го мая 2019 г.", "3-е июля прошлого года", "с 4 по 9 марта 2021 года",
    "2–5 дек. 2018", "в ночь с 11 на 12 октября", "ноябрь 2016-го", "сент. — окт. 2015 г.",
    "в феврале", "1998 г.", "1980-х годах", "2011–2014 гг.", "2011-13 годы", "весной 2017",
    "в 2003.", "21.04.2022", "5/6/1999", "03.02.99", "23.04", "2020-02-29", "позавчера",
    "1 января 2000 года и 31 декабря 2001-го", "12.03 и 14.03.2023 г.", "1917", "99 мая",
]
DATE_CONTEXTS = ["", "Он ", "а", "9", ".", "/", ":", "№", "-", ",", "(", "\n", "x ", " ст. 5."]


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("shape", DATE_SHAPES)
def test_digit_led_patterns_start_only_at_a_digit(shape):
    from pipeline.tag.date_patterns import DIGIT_START, lexicon
    from pipeline.tag.dates import matches_of

    for before in DATE_CONTEXTS:
        text = f"{before}{shape}, {before}{shape} {shape}."
        starts = [m.start() for m in DIGIT_START.finditer(text)]
        for kind, pattern in lexicon()["patterns"].items():
            assert _spans(matches_of(kind, pattern, text, starts)) == _spans(pattern.finditer(text)), \
                (kind, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "12", "2019", "05", "31", ".", "/", "-", "–", " ", "\n", ",",
                                 "мая", "марта", "г.", "года", "гг.", "х", "по", "на", "в", "№",
                                 "а", "ночь с", ":", "(", "ё"]), max_size=14))
def test_digit_led_patterns_start_only_at_a_digit_in_any_text(pieces):
    from pipeline.tag.date_patterns import DIGIT_START, lexicon
    from pipeline.tag.dates import matches_of

    text = "".join(pieces)
    starts = [m.start() for m in DIGIT_START.finditer(text)]
    for kind, pattern in lexicon()["patterns"].items():
        assert _spans(matches_of(kind, pattern, text, starts)) == _spans(pattern.finditer(text)), (kind, text)
