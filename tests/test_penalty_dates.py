"""A penalty is not dated by the act it punishes: in ``оштрафовал ... за пикет 14 марта``
the day is the picket's (``pipeline/events/grounds.py``, ``dates_punished_act``).
Linking needs it: another statement dates the fine itself, days later. New sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

DOC_DATE = dt.date(2024, 6, 20)


@pytest.fixture(scope="module")
def read(models):
    return events_reader(models, DOC_DATE)


# Sentence, event type, and its date (None: the sentence does not tell it).
CASES = [
    ("Суд в Омске оштрафовал Марата Ибрагимова на 20 тысяч рублей за пикет 14 марта.", "fine", None),
    ("Пенсионерку Ольгу Сизову арестовали на 7 суток за участие в шествии 1 мая.", "custody", None),
    ("Мировой суд назначил Денису Юдину штраф за пост о войне от 2 февраля.", "fine", None),
    # the day before the trigger, or between it and the reason, is the penalty's own
    ("3 апреля суд оштрафовал Дениса Юдина за пост в соцсети.", "fine", dt.date(2024, 4, 3)),
    ("Суд оштрафовал Дениса Юдина 3 апреля за пост в соцсети.", "fine", dt.date(2024, 4, 3)),
    # no penalty: the day is the happening's
    ("Андрея Носова задержали за плакат 1 мая на набережной.", "detention", dt.date(2024, 5, 1)),
]


@pytest.mark.parametrize("sentence, kind, day", CASES)
def test_a_penalty_is_not_dated_by_the_act_it_punishes(read, sentence, kind, day):
    events = [e for e in read(sentence) if e.type == kind]
    assert events, f"no {kind} in {sentence!r}"
    date = events[0].date
    assert (date.start if date else None) == day
