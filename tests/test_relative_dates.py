"""Relative dates: found by our rules, dated by dateparser from the statement's date.

The tables are ``tests/data/relative_dates/{dev,heldout}.tsv`` (what each expression
means is in the README beside them); ``python -m benchmarks.relative_dates`` prints
the figures the README quotes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from benchmarks.relative_dates import after, before, read_table, score
from pipeline.tag.dates import tag_dates
from pipeline.tag.relative_dates import find_relative_dates, resolve_relative

DEV = read_table("dev")


@pytest.mark.parametrize("case", DEV, ids=[c.text[:40] for c in DEV])
def test_every_development_sentence_gets_its_dates(case):
    assert sorted(after(case.text, case.reference)) == sorted(case.dates)


def test_on_the_held_out_table_dateparser_dating_beats_the_rules_before_it():
    cases = read_table("heldout")
    then, now = score(cases, before), score(cases, after)
    assert now.f1 > then.f1 + 0.3
    assert now.right_date > then.right_date
    assert now.date_accuracy >= then.date_accuracy - 0.1


THURSDAY = dt.date(2012, 11, 8)
RESOLVED = [
    # the found expression (its preposition left out, as in a DATE span) and what it names
    ("позавчера", THURSDAY, "2012-11-06"),
    ("минувшую субботу", THURSDAY, "2012-11-03"),
    ("в минувшую субботу", THURSDAY, "2012-11-03"),
    ("позапрошлую субботу", THURSDAY, "2012-10-27"),
    ("прошлой неделе", THURSDAY, "2012-10-29/2012-11-04"),
    ("конце прошлой недели", THURSDAY, "2012-10-29/2012-11-04"),
    ("прошлым летом", THURSDAY, "2011-06/2011-08"),
    ("прошлой зимой", THURSDAY, "2011-12/2012-02"),
    ("этой зимой", dt.date(2013, 1, 15), "2012-12/2013-02"),
    ("три дня назад", THURSDAY, "2012-11-05"),
    ("двадцать пять дней назад", THURSDAY, "2012-10-14"),
    ("полгода назад", THURSDAY, "2012-05"),
    ("минувшие выходные", dt.date(2021, 6, 14), "2021-06-12/2021-06-13"),
]


@pytest.mark.parametrize("phrase, reference, normal", RESOLVED)
def test_an_expression_and_a_reference_date_give_its_dates(phrase, reference, normal):
    from pipeline.tag.relative_dates import normal_of

    assert normal_of(resolve_relative(phrase, reference)) == normal


@pytest.mark.parametrize("phrase", ["сегодня", "через неделю", "несколько дней назад", "летом",
                                    "на неделе", "по субботам", "15 суток", "три года"])
def test_what_is_no_relative_date_resolves_to_nothing(phrase):
    assert resolve_relative(phrase, THURSDAY) is None


def test_without_the_statements_date_nothing_relative_is_tagged():
    text = "Позавчера его задержали, а на прошлой неделе оштрафовали."
    assert [e.kind for e in find_relative_dates(text)] == ["day", "week"]
    assert tag_dates(text, None) == []
    assert [m.normal for m in tag_dates(text, THURSDAY)] == ["2012-11-06", "2012-10-29/2012-11-04"]


def test_a_relative_date_dates_its_event(models):
    """The point of it: 'позавчера' in a statement of 8 November dates the detention."""
    from pipeline.events import build_events
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    text = "Алматы, 8 ноября 2012 г.\nПозавчера полиция задержала Бахыта Туменова у здания акимата."
    doc_date, mentions = tag_mentions(text, models)
    events = build_events(text, split_sentences(text), mentions, models, doc_date)
    [detention] = [e for e in events if e.type == "detention"]
    assert detention.date is not None and detention.date.start == dt.date(2012, 11, 6)
