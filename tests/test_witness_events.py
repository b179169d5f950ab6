"""Events of short witness statements (issue 12 and 16): wordings a detainee, a relative or a
lawyer uses that the lexicon did not read, found by ``benchmarks/linking_events.py``.

Every sentence is new, written for its class; none is a linking statement's own text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import event_types, events_reader

DOC_DATE = dt.date(2023, 5, 10)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# ------------------------------------------------------- a term given by a judge: custody

@pytest.mark.parametrize("text, kind, count", [
    ("Наутро судья дал мне десять суток.", "custody", 1),
    ("Вечером мировой судья дал Олегу Зайцеву восемь суток ареста.", "custody", 1),
    ("На следующий день суд назначил ей двенадцать суток.", "custody", 1),
    ("В пятницу суд назначил ему три года колонии.", "custody", 1),
    ("Через неделю судья дал ей три года лишения свободы условно.", "custody", 0),
    # no term: no custody
    ("Судья дал нам пять минут на ответ.", "custody", 0),
    ("Суд назначил заседание на 12 мая.", "custody", 0),
    ("Суд назначил ему 200 часов обязательных работ.", "custody", 0),
    # a term asked for or threatened is not a term given
    ("Прокурор попросил дать ему десять суток.", "custody", 0),
])
def test_a_term_given_by_a_judge_is_custody(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# ------------------------------------------------------- taken away by the police or a security service

@pytest.mark.parametrize("text, kind, count", [
    ("Вечером полицейские увезли Петра Осипова в управление ФСБ на допрос.", "detention", 1),
    ("После обыска Анну и Илью увезли в ФСБ, а меня оставили дома.", "detention", 1),
    ("Сотрудники ГКНБ увезли моего мужа, и больше я его не видела.", "detention", 1),
    ("Его доставили в ОП № 4 прямо из магазина.", "detention", 1),
    ("Весной её уже доставляли в отдел полиции после пикета.", "detention", 1),
    ("Утром полицейские забрали брата из квартиры.", "detention", 1),
    # taken away, but not by those who detain, or not a person
    ("Вечером отец увез детей на дачу.", "detention", 0),
    ("Курьер доставил посылку в офис.", "detention", 0),
    ("Утром соседи забрали вещи из квартиры.", "detention", 0),
    ("Полицейские увезли изъятые ноутбуки.", "detention", 0),
])
def test_taken_away_by_those_who_detain_is_detention(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# ------------------------------------------------------- who tells the happening is not who it befell

def _persons(events, kind):
    return sorted({p for e in events if e.type == kind and not e.negated for p in e.persons})


@pytest.mark.parametrize("text, kind, persons", [
    # a lawyer, a relative or a group tells what befell someone else
    ("Адвокат Олег Сафронов сообщил, что 3 мая его подзащитного Илью Котова задержали в Самаре.",
     "detention", ["Илья Котов"]),
    ("Адвокат Анна Лебедева сообщает, что её подзащитного задержали в Самаре 3 мая.", "detention", []),
    ("Как рассказал Олег Сафронов, Илью Котова избили в отделе.", "violence", ["Илья Котов"]),
    ("Защитница Анна Лебедева: мою подзащитную Веру Котову приговорили к двум годам колонии.",
     "custody", ["Вера Котова"]),
    ("Адвокат Олег Сафронов сообщил, что 3 мая в Самаре суд арестовал Илью Котова на 10 суток. "
     "По словам адвоката, его подзащитного избили при задержании.", "violence", ["Илья Котов"]),
    # the teller telling what befell them keeps it
    ("Иван Петров сообщил, что был задержан 3 мая.", "detention", ["Иван Петров"]),
    ("Светлана Орлова рассказала, что её задержали у мэрии.", "detention", ["Светлана Орлова"]),
])
def test_the_teller_is_not_who_the_happening_befell(events_of, text, kind, persons):
    assert _persons(events_of(text), kind) == persons


# ------------------------------------------------------- a dative pronoun tells an age, never of сутки

@pytest.mark.parametrize("text, term", [
    ("Судья дал ей двенадцать суток.", "двенадцать суток"),
    ("Суд назначил ему 10 суток.", "10 суток"),
    ("Ему 15 лет, он учится в колледже.", None),
    ("Ей исполнилось 20 лет, когда её арестовали.", None),
])
def test_a_dative_pronoun_blocks_an_age_not_a_term_in_days(models, text, term):
    from pipeline.analysis import analyse

    found = [m.text for m in analyse(text, models, DOC_DATE, events=False).mentions if m.type == "TERM"]
    assert found == ([term] if term else [])


@pytest.mark.parametrize("text, kind, persons", [
    # a name whose gender no pronoun can be checked against, telling of itself
    ("Блогер John Miller сообщил, что 3 мая его задержала полиция у посольства.", "detention", ["John Miller"]),
    ("Студентка K. Ivanova рассказала, что её задержали у вокзала.", "detention", ["K. Ivanova"]),
])
def test_a_teller_telling_of_itself_by_a_pronoun_keeps_it(events_of, text, kind, persons):
    assert _persons(events_of(text), kind) == persons


@pytest.mark.parametrize("text, kind, persons", [
    # a date or a thing the parse takes for the object is no one the happening befell
    ("Блогер John Miller сообщил, что 12.03.2022 его задержала полиция Тбилиси у посольства.", "detention",
     ["John Miller"]),
    ("Anna Petrova сообщила, что 2 мая 2023 года полицейские в Бишкеке угрожали ей возбуждением дела.",
     "intimidation", ["Anna Petrova"]),
])
def test_a_teller_is_dropped_only_for_someone_the_clause_names(events_of, text, kind, persons):
    assert _persons(events_of(text), kind) == persons


def test_a_possessive_parsed_as_the_object_names_the_patient(events_of):
    text = ("Адвокат Мария Орлова сообщает, что её подзащитного, гражданина Узбекистана Rustam Aliev, "
            "5 мая задержали в Москве у вокзала.")
    assert "Мария Орлова" not in _persons(events_of(text), "detention")


@pytest.mark.parametrize("text, kind, persons", [
    # "его" before a noun in the instrumental is the object, not a possessive
    ("Омоновцы повалили на землю Петра Сидорова и били его дубинками.", "violence", ["Петр Сидоров"]),
])
def test_a_pronoun_before_an_instrumental_is_the_object(events_of, text, kind, persons):
    assert _persons(events_of(text), kind) == persons


@pytest.mark.parametrize("text, name, teller", [
    ("Адвокат Игорь Белов сообщил, что вчера его подзащитного задержали.", "Белов", True),
    ("Как рассказала Анна Белова, её брата задержали у дома.", "Белова", True),
    # a lawyer, subject of his own clause, whom the parse hangs on a far verb of saying
    ("Адвокат Игорь Белов, которого мы позвали, приехал к вечеру, но его к клиенту не пустили, "
     "охранник сказал, что «так положено».", "Белов", False),
])
def test_a_teller_is_the_subject_right_by_a_verb_of_saying(models, text, name, teller):
    from pipeline.events.person_roles import is_teller
    from pipeline.events.triggers import parse_sentences
    from pipeline.segment import split_sentences

    tokens = next(iter(parse_sentences(split_sentences(text), models)))
    at = [t.index for t in tokens if t.text == name]
    assert is_teller(tokens, at) is teller


def test_taken_away_to_be_kept_safe_is_not_detention(events_of):
    text = ("Полицейские окружили участников кольцом, а после акции посадили их в автобус и увезли "
            "в другой район, чтобы защитить от нападавших.")
    assert event_types(events_of(text))["detention"] == 0
