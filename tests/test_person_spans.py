"""Where a person's name begins and ends: sentences written for these tests, one
table per class of error (names cut short, names run into their neighbours)."""

from __future__ import annotations

import pytest

from pipeline.records import LOC, PER
from pipeline.tag.candidates import Span
from pipeline.tag.names import tag_names
from pipeline.tag.nesting import outermost
from pipeline.tag.person_spans import split_person


def people(text, models):
    return [m.text for m in tag_names(text, models) if m.type == PER]


# A foreign first name pymorphy3 reads as a verb or participle stays in the name;
# a name particle is taken in; an attribute or adverb before the name is not.
WHOLE_NAMES = [
    ("Вчера в суд пришла Мэри Смитсон.", "Мэри Смитсон"),
    ("Показания дала Серена Ортис, её адвокат промолчал.", "Серена Ортис"),
    ("Интервью у Кэссиди Браун взяли журналисты.", "Кэссиди Браун"),
    ("Президентом стал вице-президент Мишел Сантуш.", "Мишел Сантуш"),
    ("Делегацию возглавил Карл фон Штайн.", "Карл фон Штайн"),
    ("Письмо адресовано Хасану ибн Рашиду.", "Хасану ибн Рашиду"),
    ("Восьмидесятилетний Павел Котов выступил на митинге.", "Павел Котов"),
    ("Сегодня Д. Рахимов вышел на свободу.", "Д. Рахимов"),
    ("Однако Елена Сомова от показаний отказалась.", "Елена Сомова"),
    # a surname in -вич after a patronymic is still the same person
    ("Андрей Петрович Костевич подал жалобу.", "Андрей Петрович Костевич"),
    ("Жалобу подал Костевич Андрей Петрович.", "Костевич Андрей Петрович"),
    # a woman's first name that does not decline agrees with her surname in any case
    ("Протокол составили на Жумагалиеву Бахыт Серикбаевну.", "Жумагалиеву Бахыт Серикбаевну"),
]


@pytest.mark.parametrize("text, name", WHOLE_NAMES)
def test_a_name_is_kept_whole(text, name, models):
    assert name in people(text, models)


# Two people run together (no comma between them, as in lists and captions) are two.
RUN_ONS = [
    ("Подписи поставили Олег Котов Анна Смирнова.", ["Олег Котов", "Анна Смирнова"]),
    ("Задержаны Петров Иван Сергеевич Сидоров Павел.", ["Петров Иван Сергеевич", "Сидоров Павел"]),
    ("На снимке Андрей Викторович Рябов Сергей Козлов и другие.", ["Андрей Викторович Рябов", "Сергей Козлов"]),
    ("Полковник Андрей Викторович Рябов Козлов вошёл.", ["Андрей Викторович Рябов", "Козлов"]),
]


@pytest.mark.parametrize("text, names", RUN_ONS)
def test_two_people_run_together_are_split(text, names, models):
    assert people(text, models) == names


# split_person on a span natasha ran over a comma or a conjunction.
LISTS = [
    ("Задержаны Анна Смирнова, Олег Котов и Ирина Лаптева.", ["Анна Смирнова", "Олег Котов", "Ирина Лаптева"]),
    ("Пришли Смирнова Анна; Котов Олег.", ["Смирнова Анна", "Котов Олег"]),
    ("Вызвали Олега Котова или Ирину Лаптеву.", ["Олега Котова", "Ирину Лаптеву"]),
    # a dash between spaces: an apposition or a list's parts, never inside a name
    ("Сыну Олега и Ирины — Павлу исполнилось пять.", ["Олега", "Ирины", "Павлу"]),
    ("Свидетелей двое: Анна Смирнова – Олег Котов.", ["Анна Смирнова", "Олег Котов"]),
    ("Пришли Котов Олег - Лаптева Ирина.", ["Котов Олег", "Лаптева Ирина"]),
]


@pytest.mark.parametrize("text, names", LISTS)
def test_a_list_is_cut_at_commas_conjunctions_and_dashes(text, names):
    first = text.index(names[0])
    span = Span(PER, first, text.index(names[-1]) + len(names[-1]))
    assert [text[s.start : s.end] for s in split_person(text, span)] == names


@pytest.mark.parametrize("text, name", [
    ("Художник Петров-Водкин писал портреты.", "Петров-Водкин"),
    ("Выступила Анна Смирнова-Котова из Твери.", "Анна Смирнова-Котова"),
])
def test_a_hyphen_inside_a_name_stays(text, name, models):
    assert name in people(text, models)


def test_a_venue_does_not_take_in_the_person_after_it(models):
    text = "Акция прошла у памятника Лермонтову Ольга Котова выступила первой."
    found = [(m.type, m.text) for m in outermost(tag_names(text, models)) if m.type in (PER, LOC)]
    assert found == [(LOC, "памятника Лермонтову"), (PER, "Ольга Котова")]


def test_a_director_named_after_a_venue_noun_is_a_person(models):
    text = "Директор цирка Дмитрий Котов уволен."
    assert [(m.type, m.text) for m in tag_names(text, models)] == [(PER, "Дмитрий Котов")]


@pytest.mark.parametrize("text, normal", [
    ("Задержан Сидоров Павел.", "Павел Сидоров"),
    ("Роль исполнил Жан-Поль де Ланж.", "Жан-Поль де Ланж"),
])
def test_normal_form_puts_the_first_name_first(text, normal, models):
    assert [m.normal for m in tag_names(text, models) if m.type == PER] == [normal]


NAMED_AFTER = [
    ("Концерт в Театре имени Вахтангова отменили.", "Театре имени Вахтангова", "Вахтангова"),
    ("Она окончила Казанский университет им. Н.И. Лобачевского.", "Казанский университет им. Н.И. Лобачевского",
     "Н.И. Лобачевского"),
    ("Спектакль МХТ имени Горького сняли с афиши.", "МХТ имени Горького", "Горького"),
]


@pytest.mark.parametrize("text, holder, person", NAMED_AFTER)
def test_the_person_a_body_is_named_after_is_a_person_inside_it(models, text, holder, person):
    from pipeline.tag import tag_mentions

    _, mentions = tag_mentions(text, models)
    found = {(m.type, m.text) for m in mentions}
    assert ("ORG", holder) in found and ("PER", person) in found
    inside = [m for m in mentions if text.index(holder) <= m.start and m.end <= text.index(holder) + len(holder)]
    assert {m.type for m in inside if m.text != holder} == {"PER"}  # no place, no cut-off unit


@pytest.mark.parametrize("text, person", [
    ("Его отвезли в больницу им. Пирогова в Самаре.", "Пирогова"),
    ("Встреча прошла в школе имени Марии Котовой.", "Марии Котовой"),
])
def test_the_person_named_after_is_a_person_even_without_the_body(models, text, person):
    from pipeline.tag import tag_mentions

    _, mentions = tag_mentions(text, models)
    assert ("PER", person) in {(m.type, m.text) for m in mentions}


REPEATED_FOREIGN_SURNAMES = [
    ("Судья навестил Патриса Лумумбу. Лумумба отказался от адвоката.", "Лумумба"),
    ("Полиция задержала Джомо Кениату. Через неделю Кениата был отпущен.", "Кениата"),
]


@pytest.mark.parametrize("text, surname", REPEATED_FOREIGN_SURNAMES)
def test_a_foreign_surname_in_a_the_case_met_again_alone_is_the_person(models, text, surname):
    from pipeline.tag import tag_mentions

    _, mentions = tag_mentions(text, models)
    assert ("PER", surname) in {(m.type, m.text) for m in mentions if m.start > text.index(".")}


# A title before a name (monarchy, nobility, clergy) is no part of it; initials glued
# to a surname by their dots make one name with it.
TITLES_AND_INITIALS = [
    ("Императрица Масако посетила больницу.", ["Масако"]),
    ("На приёме Кронпринц Хокон произнёс речь.", ["Хокон"]),
    ("Поздравление направили Принцессе Анне и её мужу.", ["Анне"]),
    ("Встречу открыл Патриарх Кирилл.", ["Кирилл"]),
    ("Письмо подписали Б.Клинтон и Дж.Байден.", ["Б.Клинтон", "Дж.Байден"]),
    ("Протокол составил А.В.Семенов, а Н.Дьякова его подписала.", ["А.В.Семенов", "Н.Дьякова"]),
]


@pytest.mark.parametrize("text, names", TITLES_AND_INITIALS)
def test_titles_stay_out_and_initials_stay_in(text, names, models):
    assert people(text, models) == names


# Lists of detainees write surname, first name, patronymic, one entry a line or number:
# the surname is one name with what follows when the three agree in gender and case,
# even where it also reads as a man's genitive (``Щеглова``) or a town (``Королева``).
LIST_ENTRIES = [
    ("1. Щеглова Вера Андреевна, 1984 г.р., задержана в Туле",
     ["Щеглова Вера Андреевна"]),
    ("2. Лисицына Надежда Олеговна, 1979 г.р.\n3. Голубева Любовь Ильинична, 1990 г.р.",
     ["Лисицына Надежда Олеговна", "Голубева Любовь Ильинична"]),
    ("Задержаны:\nСоловьева Вера Игоревна\nКоролева Любовь Сергеевна\nМухин Пётр Ильич",
     ["Соловьева Вера Игоревна", "Королева Любовь Сергеевна", "Мухин Пётр Ильич"]),
    ("— Орлова Любовь Петровна;\n— Зайцева Вера Николаевна.",
     ["Орлова Любовь Петровна", "Зайцева Вера Николаевна"]),
    # after a capitalised word that opens the sentence
    ("Задержана Щеглова Вера Андреевна.", ["Щеглова Вера Андреевна"]),
]


@pytest.mark.parametrize("text, names", LIST_ENTRIES)
def test_a_list_entry_is_one_name(text, names, models):
    assert people(text, models) == names
