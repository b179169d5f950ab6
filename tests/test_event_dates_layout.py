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
    from pipeline.events import build_events
    from pipeline.normalise import blank_line_breaks, normalise
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    def run(raw: str):
        clean = normalise(raw)
        found_date, mentions = tag_mentions(clean.text, models, DOC_DATE)
        return build_events(clean.text, split_sentences(clean.text), mentions, models, found_date,
                            blank_breaks=blank_line_breaks(clean))

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
