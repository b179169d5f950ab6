"""Person spans (issue 13, fourth round). Sentences made up here.

- a surname met alone that opens a two-word name the document gives in full elsewhere
  (maybe in another case: foreign names decline) is that full name;
- an age written before a name is no part of it.
"""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag import tag_mentions
from pipeline.tag.candidates import Span
from pipeline.tag.names import _fix_span


def people(models, text):
    _, mentions = tag_mentions(text, models)
    return [m.text for m in mentions if m.type == PER]


FULL_AGAIN = [
    ("Умер основатель фонда\nШтаб-квартира Ping An в Шэньчжэне\nВан Гочжэнь, бывший глава фонда, "
     "скончался. Похороны Ван Гочжэня пройдут в пятницу.", "Ван Гочжэнь"),
    ("Новости компании\nОфис Huawei в Шэньчжэне\nВан Гочжэнь, бывший директор, ушёл на пенсию. "
     "Преемник Ван Гочжэня пока не назван.", "Ван Гочжэнь"),
]


@pytest.mark.parametrize("text, name", FULL_AGAIN)
def test_a_name_given_in_full_elsewhere_is_found_again(models, text, name):
    assert name in people(models, text)


AGES = [
    ("Ведущим вечера стал 27-летний ЭмСи, брат Олега.", "27-летний ЭмСи", "ЭмСи"),
    ("В сборную позвали 19-летнего Тимоти Бейкера.", "19-летнего Тимоти Бейкера", "Тимоти Бейкера"),
]


@pytest.mark.parametrize("text, span, name", AGES)
def test_an_age_before_a_name_is_no_part_of_it(text, span, name):
    start = text.index(span)
    fixed = _fix_span(text, Span(PER, start, start + len(span)))
    assert text[fixed.start : fixed.end] == name
