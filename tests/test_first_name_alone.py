"""A first name told alone in another case (``жена Аскара``, ``адвокат Глеба``) is the
person the document names in full (``Аскар Бейсенов``), whatever gender the words
around it suggest; a lone name that is no form of the full name's first name stays
apart. Every sentence is new, written for these tests."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

# Text, the lone word, and the normal it must take (the full name's).
JOINED = [
    ("Задержан Аскар Бейсенов. Жена Аскара узнала об этом утром.", "Аскара", "Аскар Бейсенов"),
    ("Задержан Глеб Фомичёв. Адвокат Глеба сообщил, что ему не дают воды.", "Глеба", "Глеб Фомичёв"),
    ("Брат Тимура подтвердил, что Тимур Алиев задержан.", "Тимура", "Тимур Алиев"),
    ("Обыск прошёл у Ринаты Габдуллиной. У Ринаты изъяли ноутбук.", "Ринаты", "Рината Габдуллина"),
    ("Суд арестовал Вадима Кочеткова. Мать Вадиму передачу не приняли.", "Вадиму", "Вадим Кочетков"),
]

# Text, and a lone word that must keep its own normal (no form of the full first name).
APART = [
    ("Задержан Марат Сейтов. Марину, его сестру, допросили.", "Марину"),
    ("Задержан Павел Рябов. Допросили также Петра, его брата.", "Петра"),
]


def _normal_of(text: str, word: str, models) -> str:
    found = [m.normal for m in tag_names(text, models) if m.type == PER and m.text == word]
    assert found, f"{word} is not tagged"
    return found[0]


@pytest.mark.parametrize(("text", "word", "normal"), JOINED)
def test_a_lone_first_name_in_another_case_is_the_full_name(models, text, word, normal):
    assert _normal_of(text, word, models) == normal


@pytest.mark.parametrize(("text", "word"), APART)
def test_a_lone_other_first_name_stays_apart(models, text, word):
    assert " " not in _normal_of(text, word, models)
