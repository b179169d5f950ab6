"""Round-8 person-name rules held to what they may change (``pipeline/tag/persons.py``,
``person_context.py``, ``pipeline/events/people.py``): a lone first name joins a full name
of the other gender only when it is no name of its own there; a name after a kin noun is
whose the relative is, and the relative, not the name, is who an event befell; a verb that
governs an infinitive leaves the case to the infinitive; every part of a double surname
declines. Each table holds the case that must change and the case that must not. Every
sentence is new, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import events_reader

from pipeline.records import PER
from pipeline.tag.names import tag_names


def _normal_of(text: str, word: str, models) -> str:
    """The normal of the last PER mention written ``word``."""
    found = [m.normal for m in tag_names(text, models) if m.type == PER and m.text == word]
    assert found, f"{word} is not tagged"
    return found[-1]


# A lone first name that is a woman's name of its own as written, or read as hers by its
# context: it stays hers and does not join the man of the same first-name stem.
OWN_NAME = [
    ("Задержан Александр Петров. Его жена Александра рассказала об этом.", "Александра", "Александра"),
    ("Арестован Валерий Кузьмин. Его сестра Валерия Кузьмина пришла в суд. Валерия плакала.",
     "Валерия", "Валерия Кузьмина"),
    ("В Казани задержан Александр Петров. Через неделю задержали и его жену Александру.",
     "Александру", "Александра"),
    ("Осуждён Евгений Орлов. Его дочь Евгения рассказала журналистам о приговоре.", "Евгения", "Евгения"),
    ("Задержан Валентин Зуев. Его жена Валентина написала жалобу.", "Валентина", "Валентина"),
    ("Арестован Ян Карпов. Его сестра Яна пришла в суд.", "Яна", "Яна"),
    ("Задержан Валерий Кузьмин. Валерия, его сестра, ждала у отдела.", "Валерия", "Валерия"),
]

# A lone first name that is his in another case (no woman's name as written, or read as
# his by its context): it still joins his full name. (``Брат Яна``, with nothing to say
# whose case, stays apart: Яна is a woman's name as written.)
HIS_NAME = [
    ("Задержан Аскар Бейсенов. Потом Аскара отпустили.", "Аскара", "Аскар Бейсенов"),
    ("Задержан Валентин Зуев. У Валентина изъяли телефон.", "Валентина", "Валентин Зуев"),
    ("Осуждён Евгений Орлов. Суд приговорил Евгения к штрафу.", "Евгения", "Евгений Орлов"),
    # a one-letter preposition opening the sentence still asks for its case
    ("Задержан Валерий Кузьмин. У Валерия были сломаны рёбра.", "Валерия", "Валерий Кузьмин"),
    ("Арестован Ян Карпов. К Яну не пустили адвоката.", "Яну", "Ян Карпов"),
]


@pytest.mark.parametrize(("text", "word", "normal"), OWN_NAME)
def test_a_lone_name_of_her_own_does_not_join_his(models, text, word, normal):
    assert _normal_of(text, word, models) == normal


@pytest.mark.parametrize(("text", "word", "normal"), HIS_NAME)
def test_a_lone_name_that_is_his_in_another_case_joins_him(models, text, word, normal):
    assert _normal_of(text, word, models) == normal


# After a possessive the relative is the person named next, in the nominative; without
# one, a surname alone after a kin noun is whose the relative is (the genitive).
KIN_NOUN_NAMES = [
    ("Его жена Петрова рассказала об этом.", "Петрова", "Петрова"),
    ("Моя сестра Смирнова пришла в суд.", "Смирнова", "Смирнова"),
    ("Жена Токарева рассказала журналистам об обыске.", "Токарева", "Токарев"),
]


@pytest.mark.parametrize(("text", "word", "normal"), KIN_NOUN_NAMES)
def test_a_name_after_a_family_noun_reads_by_the_possessive_before_it(models, text, word, normal):
    assert _normal_of(text, word, models) == normal


# Every part of a double surname declines; a part no paradigm reads stays as written.
DOUBLE_SURNAMES = [
    ("Мать Ивановой-Петровой рассказала.", "Ивановой-Петровой", "Иванова-Петрова"),
    ("Вызвали Соколову-Белову на допрос.", "Соколову-Белову", "Соколова-Белова"),
    ("Суд арестовал Андрея Кузнецова-Лебедева.", "Андрея Кузнецова-Лебедева", "Андрей Кузнецов-Лебедев"),
]


@pytest.mark.parametrize(("text", "word", "normal"), DOUBLE_SURNAMES)
def test_every_part_of_a_double_surname_declines(models, text, word, normal):
    assert _normal_of(text, word, models) == normal


# A surname in -ову read by its clause's verb: through the infinitive that verb governs.
INFINITIVES = [
    ("Омарову В.Ж. суд решил отказать в залоге.", "В. Ж. Омаров"),
    ("Соколову И.П. следователь решил запретить выезд.", "И. П. Соколов"),
    ("Кравцову Е.А. полиция не смогла задержать.", "Е. А. Кравцова"),
    # no infinitive: the verb itself still decides
    ("Омарову В.Ж. 13 марта суд отказал в иске.", "В. Ж. Омаров"),
    ("Кравцову Е.А. вчера суд арестовал.", "Е. А. Кравцова"),
]


@pytest.mark.parametrize(("text", "normal"), INFINITIVES)
def test_a_verb_that_governs_an_infinitive_leaves_the_case_to_it(models, text, normal):
    assert [m.normal for m in tag_names(text, models) if m.type == PER] == [normal]


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, dt.date(2024, 3, 1))


def _detainees(events) -> list[tuple[str, ...]]:
    return [e.persons for e in events if e.type == "detention" and not e.negated]


# (text, the persons of each detention): a relative named by whose she is has her own
# detention, with no person named (she is unnamed), not merged into his.
RELATIVE_EVENTS = [
    ("В Уфе задержан Руслан Гайсин. Жена Гайсина была задержана на следующий день у здания суда.",
     [("Руслан Гайсин",), ()]),
    ("В Омске задержан Тимур Валеев. Сестра Валеева задержана через два дня.", [("Тимур Валеев",), ()]),
    ("В Казани задержан Александр Петров. Через неделю задержали и его жену Александру.",
     [("Александр Петров",), ("Александра",)]),
    # the relative named by her own name, or by a possessive and her surname: she is named
    ("В Уфе задержан Руслан Гайсин. Его жена Гайсина была задержана на следующий день.",
     [("Руслан Гайсин",), ("Гайсина",)]),
    ("Сестра Марина задержана у суда.", [("Марина",)]),
    # an apposition in the kin noun's own case is the relative herself
    ("Моего сына, Олега Иванова, задержали у суда.", [("Олег Иванов",)]),
]


@pytest.mark.parametrize(("text", "persons"), RELATIVE_EVENTS)
def test_a_relative_named_by_whose_she_is_is_who_the_event_befell(events_of, text, persons):
    assert _detainees(events_of(text)) == persons
