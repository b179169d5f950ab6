"""When an event's date carries across lines: the layout decides what a paragraph is.

News laid out with a blank line between paragraphs may break a paragraph's sentences over
lines of their own; those lines are one paragraph, and a date stated in it carries to the
later happenings it tells. A text whose lines are its paragraphs (few or no blank lines)
carries nothing from one line to the next. New sentences, in the manner of news articles."""

from __future__ import annotations

import datetime as dt

import pytest

DOC_DATE = None  # news keeps no dateline

FILLER = "\n\nЭксперты пока не комментируют эти события.\n\nВ городе сохраняется спокойствие.\n"


@pytest.fixture(scope="module")
def events_of(models):
    """The events of a raw text through normalisation, as a run gives them: its clean text
    and the line breaks that were blank lines in it."""
    from pipeline.analysis import analyse
    from pipeline.normalise import normalise

    def run(raw: str):
        return analyse(normalise(raw), models, DOC_DATE).events

    return run


def of_type(events, kind):
    found = [e for e in events if e.type == kind]
    assert found, f"no {kind} event in {[(e.type, e.trigger) for e in events]}"
    return found[0]


# (text, event type, its date's start): sentences on lines of their own inside one
# blank-line block are one paragraph; the block's date carries to what it tells later.
BLOCK_PARAGRAPHS = [
    ("Протесты в Гродно\n\n"
     "12 марта 2015 года в Гродно прошел митинг против закрытия завода.\n"
     "По словам очевидцев, собралось несколько сотен человек.\n"
     "Были задержаны трое организаторов акции.\n" + FILLER,
     "detention", dt.date(2015, 3, 12)),
    ("Суд над блогером\n\n"
     "В апреле 2016 года в Самаре завершился процесс над местным блогером Ильей Зуевым.\n"
     "Защита настаивала на его невиновности.\n"
     "Суд назначил ему штраф в размере 30 тысяч рублей.\n" + FILLER,
     "fine", dt.date(2016, 4, 1)),
    ("Обыски у активистов\n\n"
     "3 октября 2018 года в Перми полицейские пришли к членам местного экологического движения.\n"
     "Активисты сообщили об этом в своем канале.\n"
     "В квартирах троих из них прошли обыски.\n" + FILLER,
     "surveillance", dt.date(2018, 10, 3)),
]


@pytest.mark.parametrize("text, kind, date", BLOCK_PARAGRAPHS)
def test_lines_of_one_blank_line_block_are_one_paragraph(events_of, text, kind, date):
    event = of_type(events_of(text), kind)
    assert event.date is not None and event.date.start == date


# The same lines in a text whose lines are its paragraphs: nothing carries to the next line.
@pytest.mark.parametrize("text, kind, date", BLOCK_PARAGRAPHS)
def test_lines_that_are_paragraphs_carry_nothing(events_of, text, kind, date):
    lines = "\n".join(line for line in text.split("\n") if line.strip())
    event = of_type(events_of(lines), kind)
    assert event.date is None


# A blank line still ends the paragraph: the next block takes nothing.
def test_a_blank_line_ends_the_paragraph(events_of):
    text = ("12 марта 2015 года в Гродно прошел митинг против закрытия завода.\n"
            "По словам очевидцев, собралось несколько сотен человек.\n\n"
            "Были задержаны трое организаторов акции.\n" + FILLER)
    assert of_type(events_of(text), "detention").date is None


# A charge still standing (a present-tense verb) takes no date from an earlier line of the
# paragraph.
NOT_CARRIED = [
    ("Дело блогера\n\n"
     "В мае 2016 года в Самаре суд арестовал местного блогера Илью Зуева.\n"
     "Блогера также обвиняют в клевете на губернатора.\n" + FILLER, "other"),
]


@pytest.mark.parametrize("text, kind", NOT_CARRIED)
def test_a_standing_charge_takes_no_date_from_an_earlier_line(events_of, text, kind):
    assert of_type(events_of(text), kind).date is None


# The same in a line pointing back at the line before (a pronoun opening it): the charge
# still standing is told at no one time.
def test_a_standing_charge_pointing_back_takes_no_date(events_of):
    text = ("Дело блогера\n\n"
            "В мае 2016 года в Самаре суд арестовал местного блогера Илью Зуева.\n"
            "Тогда же ему предъявили обвинение в клевете.\n"
            "Его и его соратников обвиняют также в оскорблении губернатора.\n" + FILLER)
    charges = [e for e in events_of(text) if e.type == "other"]
    assert [e.date is None for e in charges] == [False, True]


def date_of(events, kind, trigger):
    found = [e for e in events if e.type == kind and e.trigger.startswith(trigger)]
    assert found, f"no {kind} {trigger!r} in {[(e.type, e.trigger) for e in events]}"
    return None if found[0].date is None else found[0].date.start


# (text, event type, its trigger's first word, its date's start or None): a line that tells
# the story's past (a happening told before it, "уже", "ранее", an imperfective past; or a
# date before the one an earlier line gave: a flashback) keeps its date on its line; the
# lines after it go on at the story's own time, and a happening told before the story takes
# no date from an earlier line.
BACKSTORY = [
    ("Новости региона\n\n"
     "В апреле 2019 года в Твери полиция задержала журналиста Павла Орлова.\n"
     "В 2017 году его уже арестовывали за репост.\n"
     "Вечером в Ржеве прошел пикет в его поддержку.\n" + FILLER,
     "protest", "пикет", dt.date(2019, 4, 1)),
    ("Хроника недели\n\n"
     "12 марта 2015 года в Гродно задержали Ивана Петрова.\n"
     "В 2013 году его уже задерживали за пикет.\n"
     "В Бресте суд оштрафовал Олега Смирнова.\n" + FILLER,
     "fine", "оштрафовал", dt.date(2015, 3, 12)),
    ("Хроника недели\n\n"
     "Ивана Петрова задержали 12 марта 2015 года в Гродно.\n"
     "В 2012 году он был осужден по уголовной статье и провел год в колонии.\n"
     "На следующий день после задержания у него прошел обыск.\n" + FILLER,
     "detention", "задержа", dt.date(2015, 3, 12)),  # "после задержания" retells the detention
    ("Новости региона\n\n"
     "Павла Орлова задержали 3 апреля 2019 года в Твери.\n"
     "В 2016 году суд приговорил его к двум годам условно.\n"
     "Вечером у него дома прошел обыск.\n" + FILLER,
     "surveillance", "обыск", dt.date(2019, 4, 3)),
    ("Новости региона\n\n"
     "14 мая 2017 года в Омске задержали активистку Марию Белову.\n"
     "Ранее ее неоднократно штрафовали за одиночные пикеты.\n"
     "Суд арестовал активистку на десять суток.\n" + FILLER,
     "fine", "штрафовали", None),
]


@pytest.mark.parametrize("text, kind, trigger, date", BACKSTORY)
def test_a_line_of_the_story_s_past_keeps_its_date(events_of, text, kind, trigger, date):
    assert date_of(events_of(text), kind, trigger) == date


# Each item of a list (numbered, dashed or bulleted) tells its own case: a date one item
# states is not the next one's, in a blank-line block as in a list a colon introduces; a
# date the heading states is all of theirs.
LISTS = [
    ("Итоги недели\n\n"
     "1. Мария Белова — задержана 5 мая 2017 года.\n"
     "2. Павел Орлов — оштрафован на 20 000 рублей.\n"
     "3. Илья Зуев — задержан 7 мая 2017 года.\n", "fine", "оштрафован", None),
    ("Итоги недели\n\n"
     "1) Мария Белова — задержана 5 мая 2017 года.\n"
     "2) Павел Орлов — арестован на 10 суток.\n"
     "3) Илья Зуев — задержан 7 мая 2017 года.\n", "custody", "арестован", None),
    ("Итоги недели\n\n"
     "• Мария Белова задержана 5 мая 2017 года.\n"
     "• Павел Орлов арестован на 10 суток.\n"
     "• Илья Зуев задержан 7 мая 2017 года.\n", "custody", "арестован", None),
    ("Итоги недели\n\n"
     "— Мария Белова задержана 5 мая 2017 года.\n"
     "— Павел Орлов оштрафован на 20 000 рублей.\n"
     "— Илья Зуев задержан 7 мая 2017 года.\n", "fine", "оштрафован", None),
    ("Что произошло за неделю:\n"
     "— Мария Белова задержана в Омске 5 мая 2017 года.\n"
     "— Павла Орлова суд оштрафовал на 20 000 рублей.\n", "fine", "оштрафовал", None),
    ("5 мая 2017 года в Омске суд рассмотрел дела задержанных:\n"
     "— Марию Белову оштрафовали на 10 000 рублей.\n"
     "— Павла Орлова арестовали на 10 суток.\n", "custody", "арестовали", dt.date(2017, 5, 5)),
]


@pytest.mark.parametrize("text, kind, trigger, date", LISTS)
def test_each_list_item_keeps_its_own_date(events_of, text, kind, trigger, date):
    assert date_of(events_of(text), kind, trigger) == date


# The historical present of testimony ("его избивают в отделе") is told at the time of its
# story and takes its date; only a verb of a standing state or charge in the present
# (standing_verbs: "обвиняют", "подозревают", "содержится") is told at no one time.
PRESENT = [
    ("Новости\n\n"
     "15 марта 2015 года полиция задержала Ивана Петрова у мэрии Гродно.\n"
     "Его избивают в отделе и отвозят в суд.\n" + FILLER, "violence", "избивают", dt.date(2015, 3, 15)),
    ("Новости\n\n"
     "20 июня 2018 года в Перми полиция задержала Илью Зуева у здания суда.\n"
     "В отделе его избивают и угрожают ему.\n" + FILLER, "violence", "избивают", dt.date(2018, 6, 20)),
    ("Новости\n\n"
     "3 октября 2018 года в Перми прошел пикет против свалки.\n"
     "Полицейские задерживают организатора пикета Анну Козлову.\n" + FILLER,
     "detention", "задерживают", dt.date(2018, 10, 3)),
    ("Новости\n\n"
     "3 октября 2018 года в Перми полиция задержала Анну Козлову.\n"
     "В отделе ее обыскивают и отбирают телефон.\n" + FILLER, "surveillance", "обыскивают", dt.date(2018, 10, 3)),
    ("Дело блогера\n\n"
     "В мае 2016 года в Самаре суд арестовал местного блогера Илью Зуева.\n"
     "Сейчас под стражей в СИЗО содержится и его соратник Олег Белов.\n" + FILLER, "custody", "содержится", None),
]


# The state of the person the arrest befell, told in the present (the description names him
# since round 12), is the custody the arrest began: one custody, the arrest's date.
def test_a_standing_custody_of_the_arrested_is_the_arrest_s_custody(events_of):
    text = ("Дело блогера\n\n"
            "В мае 2016 года в Самаре суд арестовал местного блогера Илью Зуева.\n"
            "Сейчас блогер содержится под стражей в СИЗО.\n" + FILLER)
    custody = [e for e in events_of(text) if e.type == "custody"]
    assert len(custody) == 1 and custody[0].date.start == dt.date(2016, 5, 1)


@pytest.mark.parametrize("text, kind, trigger, date", PRESENT)
def test_historical_present_keeps_the_story_s_date(events_of, text, kind, trigger, date):
    assert date_of(events_of(text), kind, trigger) == date


# What a run does with a file is what the table above reads: the run and the harnesses share
# one path from clean text to events (pipeline.analysis), so the layout reaches the run too.
@pytest.mark.parametrize("text, kind, trigger, date", [BACKSTORY[1], LISTS[0], PRESENT[0]])
def test_a_run_over_a_file_dates_as_the_table_does(models, tmp_path, text, kind, trigger, date):
    from pipeline.batch.run import process_file

    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    assert date_of(process_file(path, "news", models).events, kind, trigger) == date
