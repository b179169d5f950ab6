"""Name kinds the linker missed on development pairs (issue 16, round 13), each a table of
new invented names or statements run through the real ``parse_name`` and ``link``: a first
name alone in a statement a relative signs, Armenian surnames in Latin letters and in
Russian, a first name's gender read in the singular nominative, a venue after a sentence
naming two cities."""

from __future__ import annotations

import pytest

from pipeline.link import link
from pipeline.link.gold import gold_tables
from pipeline.link.kin import document_kin, kin_ties
from pipeline.link.names import loose_surname_key, parse_name
from pipeline.link.records import document_context, event_places
from test_link_comparisons import _day, _doc, _person_of, _told


def _signed(doc_id: str, first: str, form: str, signer: str, day: str, kin: str = ""):
    """A statement a relative signs: the person by the first name alone after a kin word of
    the signer's (``моего сына``), no city told."""
    text = f"{int(day[-2:])} мая у подъезда задержали {kin} {form}. Пишу об этом я, {signer}."
    return _doc(doc_id, text, [(first, [form]), (signer, [signer])],
                [{"trigger": "задержали", "type": "detention", "persons": [first]} | _day(day)],
                day[:4] + "-05-30")


# A person named in full in one statement, and by the first name alone (or its short form)
# in another that a relative signs with the family's surname: one person. A signer of
# another surname, or the same family years apart, stays apart. Each row: the full name
# and its form, the first name and its form, the signer, the two days, whether one.
KIN_SIGNED = [
    ("Кирилл Абрамцев", "Кирилла Абрамцева", "Кирилл", "Кирилла", "Нина Абрамцева",
     "2022-05-14", "2022-05-14", True),
    ("Дарья Лопатина", "Дарью Лопатину", "Даша", "Дашу", "Сергей Лопатин",
     "2021-05-08", "2021-05-08", True),
    ("Ильдар Сафиуллин", "Ильдара Сафиуллина", "Ильдар", "Ильдара", "Гульназ Сафиуллина",
     "2023-05-20", "2023-05-20", True),
    ("Мирон Ветлугин", "Мирона Ветлугина", "Мирон", "Мирона", "Алла Ветлугина",
     "2020-05-03", "2020-05-04", True),
    ("Кирилл Абрамцев", "Кирилла Абрамцева", "Кирилл", "Кирилла", "Нина Ляпина",
     "2022-05-14", "2022-05-14", False),
    ("Дарья Лопатина", "Дарью Лопатину", "Даша", "Дашу", "Сергей Кочетов",
     "2021-05-08", "2021-05-08", False),
    ("Ильдар Сафиуллин", "Ильдара Сафиуллина", "Ильдар", "Ильдара", "Гульназ Сафиуллина",
     "2017-05-20", "2023-05-20", False),
]


_KIN_WORDS = {"Кирилл": "моего сына", "Даша": "мою дочь", "Ильдар": "моего мужа",
              "Мирон": "моего брата"}


@pytest.mark.parametrize("whole, whole_form, first, first_form, signer, day, other_day, same",
                         KIN_SIGNED)
def test_a_first_name_alone_in_a_statement_its_family_signs(whole, whole_form, first,
                                                            first_form, signer, day,
                                                            other_day, same):
    docs = [_told("x", whole, whole_form, city="Пенза", day=day),
            _signed("y", first, first_form, signer, other_day, _KIN_WORDS[first])]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# An Armenian surname by its romanisation and in Russian (no initial h, voiced and voiceless
# alike): one key. None for a surname of no Armenian ending. Each row: the two writings,
# whether their loose keys agree.
ARMENIAN = [
    ("Harutyunyan", "Арутюнян", True),
    ("Gevorgyan", "Геворкян", True),
    ("Hovsepyan", "Овсепян", True),
    ("Ghukasyan", "Гукасян", True),
    ("Hambardzumyan", "Амбарцумян", True),
    ("Hovsepyan", "Арутюнян", False),
    ("Hasanov", "Асанов", False),
]


@pytest.mark.parametrize("latin, cyrillic, same", ARMENIAN)
def test_an_armenian_surname_keys_alike_in_both_alphabets(latin, cyrillic, same):
    one, other = loose_surname_key(latin), loose_surname_key(cyrillic)
    assert (one is not None and one == other) is same


# The same man told in Latin letters and in Russian: one person, one detention. Two
# Cyrillic surnames a voicing apart are two families (Бабаян, Папаян), and a Russian
# surname no Armenian one. Each row: the two names and forms, whether one.
ARMENIAN_PEOPLE = [
    (("Тигран Арутюнян", "Тиграна Арутюняна"), ("Tigran Harutyunyan", "Tigran Harutyunyan"), True),
    (("Нарек Геворкян", "Нарека Геворкяна"), ("Narek Gevorgyan", "Narek Gevorgyan"), True),
    (("Ашот Овсепян", "Ашота Овсепяна"), ("Ashot Hovsepyan", "Ashot Hovsepyan"), True),
    (("Нарек Бабаян", "Нарека Бабаяна"), ("Нарек Папаян", "Нарека Папаяна"), False),
    (("Тигран Арутюнов", "Тиграна Арутюнова"), ("Tigran Harutyunyan", "Tigran Harutyunyan"), False),
]


@pytest.mark.parametrize("one, other, same", ARMENIAN_PEOPLE)
def test_an_armenian_surname_links_across_alphabets(one, other, same):
    result = link("test", write=False, tables=gold_tables([_told("x", *one), _told("y", *other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# A first name's gender is its singular nominative's: ``Руслан`` is a man's name whose
# plural genitive is a woman's (Руслана); a short form of both genders says none.
GENDERS = [
    ("Руслан", "masc"), ("Богдан", "masc"), ("Станислав", "masc"), ("Владислав", "masc"),
    ("Александра", "femn"), ("Валентина", "femn"), ("Саша", None), ("Женя", None),
]


@pytest.mark.parametrize("name, gender", GENDERS)
def test_a_first_name_alone_has_its_nominative_gender(name, gender):
    assert parse_name(name).gender == gender


# A venue told in a sentence after one naming two cities (where the person is from, and
# where it happened) lies in the city the statement's events return to. Each row: the
# first sentence and its trigger, the venue's sentence, its trigger and venue, the first
# event's city, the venue's city.
VENUE_AFTER_TWO_CITIES = [
    ("Уроженца Калуги Глеба Сомова оштрафовали в Москве.", "оштрафовали",
     "Накануне его задержали у Пушкинского сквера.", "задержали", "Пушкинский сквер",
     "Москва", "Москва"),
    ("Студентку из Орла Веру Ипатову арестовали в Воронеже.", "арестовали",
     "Перед этим её задержали у театра оперы.", "задержали", "театр оперы",
     "Воронеж", "Воронеж"),
    ("Жителя Твери Олега Рудина оштрафовали в Твери.", "оштрафовали",
     "Перед этим его задержали у Речного вокзала.", "задержали", "Речной вокзал",
     "Тверь", "Тверь"),
]


@pytest.mark.parametrize("first, trigger, second, venue_trigger, venue, city, venue_city",
                         VENUE_AFTER_TWO_CITIES)
def test_a_venue_after_two_cities_lies_in_the_statements_city(first, trigger, second,
                                                              venue_trigger, venue, city,
                                                              venue_city):
    text = f"{first} {second}"
    doc = _doc("x", text, [], [
        {"trigger": trigger, "type": "fine", "place": city},
        {"trigger": venue_trigger, "type": "detention", "place": venue}], "2022-06-01")
    doc.events[1] |= {"start": text.index(venue_trigger, len(first)),
                      "end": text.index(venue_trigger, len(first)) + len(venue_trigger)}
    tables = gold_tables([doc])
    places = event_places(tables, document_context(tables))
    assert list(places["city"]) == [city, venue_city]


def _penalty(doc_id: str, name: str, form: str, kind: str, trigger: str, city: str, day: str):
    text = f"{int(day[-2:])} марта в городе {city} {trigger} {form}."
    return _doc(doc_id, text, [(name, [form])], [
        {"trigger": trigger, "type": kind, "place": city, "persons": [name]}
        | ({"term_min": 15, "term_max": 15, "term_unit": "day"} if kind == "custody" else {})
        | _day(day)], "2021-04-10")


# A term of custody is told at the court's city by one statement and where it is served by
# another, on the day it began: no two places of one person that day. Two detentions of one
# name in two cities on one day are still two people. Each row: the kind and triggers, the
# two cities, whether one person.
CUSTODY_PLACED_TWO_WAYS = [
    ("custody", "арестовали на 15 суток", "отправили отбывать арест", "Гомель", "Мозырь", True),
    ("custody", "арестовали на 15 суток", "отправили отбывать арест", "Витебск", "Орша", True),
    ("detention", "задержали", "задержали", "Гомель", "Мозырь", False),
    ("detention", "задержали", "задержали", "Витебск", "Орша", False),
]


@pytest.mark.parametrize("kind, trigger, other_trigger, city, other_city, same",
                         CUSTODY_PLACED_TWO_WAYS)
def test_a_custody_told_at_court_and_where_served_is_one_persons(kind, trigger, other_trigger,
                                                                 city, other_city, same):
    docs = [_penalty("x", "Кирилл Дашкевич", "Кирилла Дашкевича", kind, trigger, city,
                     "2021-03-26"),
            _penalty("y", "Кирилл Дашкевич", "Кирилла Дашкевича", kind, other_trigger,
                     other_city, "2021-03-26")]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# A Turkic patronymic written apart (``Серик улы``, ``Рафик оглы``, ``Асан уулу``) is the
# patronymic written as one word: one person. Another father's name is another person
# (two patronymics). Each row: the two names, whether one.
PATRONYMIC_APART = [
    ("Ержан Серик улы Омаров", "Ержан Серикулы Омаров", True),
    ("Гасанов Эльчин Рафик оглы", "Эльчин Рафикоглы Гасанов", True),
    ("Айгерим Нурлан кызы Сейтова", "Сейтова Айгерим Нурланкызы", True),
    ("Бакыт Асан уулу Токтогулов", "Бакыт Асануулу Токтогулов", True),
    ("Ержан Серик улы Омаров", "Ержан Болат улы Омаров", False),
    ("Эльчин Рафик оглы Гасанов", "Эльчин Тофик оглы Гасанов", False),
]


@pytest.mark.parametrize("one, other, same", PATRONYMIC_APART)
def test_a_turkic_patronymic_written_apart_is_one_word(one, other, same):
    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


def _kin_statement(doc_id: str, text: str, first: str, form: str,
                   others: list[tuple[str, str]]):
    """A statement naming a person by the first name alone, and others in full (each
    other a name and the form it is written in, once)."""
    return _doc(doc_id, text, [(first, [form])] + [(o, [f]) for o, f in others],
                [{"trigger": "задержали", "type": "detention", "persons": [first]}
                 | _day("2022-04-23")], "2022-05-01")


_SHEVCHUK = [("Андрей Шевчук", "Андрей Шевчук"), ("Игорь Белов", "Игорь Белов")]
_VETROVA = [("Нина Ветрова", "Нина Ветрова")]
_SOROKINA = [("Инна Сорокина", "Инна Сорокина"), ("Артём Зуев", "Артёмом Зуевым")]

# A first name alone takes the surname only of someone the statement ties it to as family:
# its author when a kin word of theirs names it (``мою жену Олю``, ``моего 17-летнего сына
# Тиму``), the author introducing themself or signing at the end, or the one a kin word
# names as whose (``Олю, жену Андрея Шевчука``). A neighbour's or colleague's first name
# beside the author's surname, or beside an official's, a lawyer's or another detainee's,
# is no one of that surname. Each row: the statement, the first name and its form, the
# others it names in full (name, form), the full name of another statement (and its form),
# whether one.
KIN_ONLY = [
    # the review's case: a neighbour of the author, an official of the other's surname
    ("Я, Андрей Шевчук, пишу. 23 апреля задержали мою соседку Олю. Протокол составил "
     "сержант Игорь Белов.", "Оля", "Олю", _SHEVCHUK, ("Ольга Белова", "Ольгу Белову"), False),
    ("Я, Андрей Шевчук, пишу. 23 апреля задержали мою соседку Олю. Протокол составил "
     "сержант Игорь Белов.", "Оля", "Олю", _SHEVCHUK, ("Ольга Шевчук", "Ольгу Шевчук"), False),
    ("Я, Павел Лузгин, сообщаю. 23 апреля задержали моего коллегу Витю.", "Витя", "Витю",
     [("Павел Лузгин", "Павел Лузгин")], ("Виктор Лузгин", "Виктора Лузгина"), False),
    ("Я, Нина Ветрова, пишу. 23 апреля задержали мою дочь Катю. Её защищает адвокат "
     "Семён Корнилов.", "Катя", "Катю", _VETROVA + [("Семён Корнилов", "Семён Корнилов")],
     ("Екатерина Корнилова", "Екатерину Корнилову"), False),
    ("Я, Нина Ветрова, пишу. 23 апреля задержали мою дочь Катю. Допрос вёл следователь "
     "Олег Гуров.", "Катя", "Катю", _VETROVA + [("Олег Гуров", "Олег Гуров")],
     ("Екатерина Гурова", "Екатерину Гурову"), False),
    ("Я, Инна Сорокина, пишу. 23 апреля задержали моего сына Тиму вместе с Артёмом Зуевым.",
     "Тима", "Тиму", _SOROKINA, ("Тимофей Зуев", "Тимофея Зуева"), False),
    # a list after a kin word's owner: the next item is no relative of the owner's
    ("23 апреля задержали сына Андрея Шевчука, Олю и Веру.", "Оля", "Олю",
     [("Андрей Шевчук", "Андрея Шевчука")], ("Ольга Шевчук", "Ольгу Шевчук"), False),
    # a neighbour in a statement signed at the end
    ("23 апреля задержали мою соседку Олю. С уважением, Нина Ветрова.", "Оля", "Олю",
     _VETROVA, ("Ольга Ветрова", "Ольгу Ветрову"), False),
    # kin: the author's surname, or the surname of whose the kin word says
    ("Я, Андрей Шевчук, пишу. 23 апреля задержали мою жену Олю. Протокол составил "
     "сержант Игорь Белов.", "Оля", "Олю", _SHEVCHUK, ("Ольга Шевчук", "Ольгу Шевчук"), True),
    ("Я, Нина Ветрова, пишу. 23 апреля задержали мою дочь Катю. Её защищает адвокат "
     "Семён Корнилов.", "Катя", "Катю", _VETROVA + [("Семён Корнилов", "Семён Корнилов")],
     ("Екатерина Ветрова", "Екатерину Ветрову"), True),
    ("Я, Инна Сорокина, пишу. 23 апреля задержали моего сына Тиму вместе с Артёмом Зуевым.",
     "Тима", "Тиму", _SOROKINA, ("Тимофей Сорокин", "Тимофея Сорокина"), True),
    ("23 апреля задержали Олю, жену Андрея Шевчука.", "Оля", "Олю",
     [("Андрей Шевчук", "Андрея Шевчука")], ("Ольга Шевчук", "Ольгу Шевчук"), True),
    ("23 апреля задержали жену Андрея Шевчука Олю и его брата.", "Оля", "Олю",
     [("Андрей Шевчук", "Андрея Шевчука")], ("Ольга Шевчук", "Ольгу Шевчук"), True),
    # an age or an adjective between the possessive and the kin word, or after it
    ("Я, Инна Сорокина, пишу. 23 апреля задержали моего 17-летнего сына Тиму вместе с "
     "Артёмом Зуевым.", "Тима", "Тиму", _SOROKINA, ("Тимофей Сорокин", "Тимофея Сорокина"),
     True),
    ("Меня зовут Нина Ветрова. 23 апреля задержали мою соседку, 19-летнюю Олю.", "Оля",
     "Олю", _VETROVA, ("Ольга Ветрова", "Ольгу Ветрову"), False),
    ("Меня зовут Нина Ветрова. 23 апреля задержали мою единственную дочь, 19-летнюю Катю.",
     "Катя", "Катю", _VETROVA, ("Екатерина Ветрова", "Екатерину Ветрову"), True),
    # the author signs at the end: a closing formula, a signer's label, a name alone
    ("23 апреля задержали моего сына Тиму вместе с Артёмом Зуевым. С уважением, Инна "
     "Сорокина.", "Тима", "Тиму", _SOROKINA, ("Тимофей Сорокин", "Тимофея Сорокина"), True),
    ("23 апреля задержали мою дочь Катю.\nЗаявитель: Нина Ветрова", "Катя", "Катю", _VETROVA,
     ("Екатерина Ветрова", "Екатерину Ветрову"), True),
    ("23 апреля задержали мою дочь Катю. Прошу помочь.\nНина Ветрова", "Катя", "Катю",
     _VETROVA, ("Екатерина Ветрова", "Екатерину Ветрову"), True),
    # the last sentence names someone, but is no signature
    ("23 апреля задержали мою дочь Катю. Её защищает адвокат Семён Корнилов.", "Катя", "Катю",
     [("Семён Корнилов", "Семён Корнилов")], ("Екатерина Корнилова", "Екатерину Корнилову"),
     False),
]


@pytest.mark.parametrize("text, first, form, others, whole, same", KIN_ONLY)
def test_a_first_name_alone_takes_only_its_familys_surname(text, first, form, others, whole,
                                                           same):
    docs = [_told("x", *whole), _kin_statement("y", text, first, form, others)]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# Who ``kin_ties`` ties a first name alone to, read straight from the text. Each row: the
# statement, the people it names (name, form as written), the first name, its family.
TIES = [
    ("Я, Инна Сорокина, пишу. Задержали моего 17-летнего сына Тиму.",
     [("Инна Сорокина", "Инна Сорокина"), ("Тима", "Тиму")], "Тима", {"Инна Сорокина"}),
    ("Я, Инна Сорокина, пишу. Задержали нашего младшего, 17-летнего сына Тиму.",
     [("Инна Сорокина", "Инна Сорокина"), ("Тима", "Тиму")], "Тима", {"Инна Сорокина"}),
    ("Я, Олег Гуров. Вчера задержали нашу старшую дочь Катю.",
     [("Олег Гуров", "Олег Гуров"), ("Катя", "Катю")], "Катя", {"Олег Гуров"}),
    ("Я, Олег Гуров. Вчера задержали мою соседку и дочь Катю.",
     [("Олег Гуров", "Олег Гуров"), ("Катя", "Катю")], "Катя", {"Олег Гуров"}),
    ("Я, Олег Гуров. Вчера задержали соседку Катю.",
     [("Олег Гуров", "Олег Гуров"), ("Катя", "Катю")], "Катя", set()),
    ("Вчера задержали моего сына Тиму. С уважением, Инна Сорокина.",
     [("Тима", "Тиму"), ("Инна Сорокина", "Инна Сорокина")], "Тима", {"Инна Сорокина"}),
    ("Вчера задержали мою дочь Катю.\nЗаявитель: Нина Ветрова",
     [("Катя", "Катю"), ("Нина Ветрова", "Нина Ветрова")], "Катя", {"Нина Ветрова"}),
    ("Вчера задержали моего брата Мирона. Прошу разобраться.\nОлег Гуров\n12.05.2024",
     [("Мирон", "Мирона"), ("Олег Гуров", "Олег Гуров")], "Мирон", {"Олег Гуров"}),
    ("Задержали мою сестру Веру. Прошу помочь.\nОлег Гуров\nДата: 12.05.2024, тел. 8-900-000",
     [("Вера", "Веру"), ("Олег Гуров", "Олег Гуров")], "Вера", {"Олег Гуров"}),
    ("Задержали мою сестру Веру. Олег Гуров. Мы просим суд отменить это незаконное решение.",
     [("Вера", "Веру"), ("Олег Гуров", "Олег Гуров")], "Вера", set()),
    ("Задержали мою сестру Веру. Олег Гуров тоже задержан.",
     [("Вера", "Веру"), ("Олег Гуров", "Олег Гуров")], "Вера", set()),
    ("Вчера задержали моего сына Тиму. Об этом сообщил адвокат Семён Корнилов.",
     [("Тима", "Тиму"), ("Семён Корнилов", "Семён Корнилов")], "Тима", set()),
    ("Вчера задержали мою соседку Олю. С уважением, Инна Сорокина.",
     [("Оля", "Олю"), ("Инна Сорокина", "Инна Сорокина")], "Оля", set()),
    ("Задержали сына Андрея Шевчука, Олю и Веру.",
     [("Андрей Шевчук", "Андрея Шевчука"), ("Оля", "Олю"), ("Вера", "Веру")], "Оля", set()),
    ("Задержали жену Андрея Шевчука Олю и Веру.",
     [("Андрей Шевчук", "Андрея Шевчука"), ("Оля", "Олю"), ("Вера", "Веру")], "Оля",
     {"Андрей Шевчук"}),
    ("Задержали Олю, жену Андрея Шевчука, и Веру.",
     [("Оля", "Олю"), ("Андрей Шевчук", "Андрея Шевчука"), ("Вера", "Веру")], "Вера", set()),
    # a kin word that says no owner, in the author's own statement: the author's
    ("Ночью пришли с обыском. Мужа, Тимура, увезли в отдел. Прошу помочь.\nИнна Сорокина",
     [("Тимур", "Тимура"), ("Инна Сорокина", "Инна Сорокина")], "Тимур", {"Инна Сорокина"}),
    ("Ночью пришли с обыском. Её мужа Тимура увезли в отдел. Прошу помочь.\nИнна Сорокина",
     [("Тимур", "Тимура"), ("Инна Сорокина", "Инна Сорокина")], "Тимур", set()),
    ("Задержали сына Тиму, сообщил адвокат Семён Корнилов в суде.",
     [("Тима", "Тиму"), ("Семён Корнилов", "Семён Корнилов")], "Тима", set()),
    # the author's relative left unnamed by the kin word, named alone later: of its gender
    ("Я, Нина Ветрова, пишу. Нас с мужем задержали у подъезда, а Олега увезли в Мозырь.",
     [("Нина Ветрова", "Нина Ветрова"), ("Олег", "Олега")], "Олег", {"Нина Ветрова"}),
    ("Я, Нина Ветрова, пишу. Нас с мужем задержали у подъезда, а Катю увезли в Мозырь.",
     [("Нина Ветрова", "Нина Ветрова"), ("Катя", "Катю")], "Катя", set()),
    ("Я, Нина Ветрова, пишу. Нас с мужем задержали, а нашего соседа Олега увезли в Мозырь.",
     [("Нина Ветрова", "Нина Ветрова"), ("Олег", "Олега")], "Олег", set()),
    ("Я, Нина Ветрова, пишу. Её мужа задержали у подъезда, а Олега увезли в Мозырь.",
     [("Нина Ветрова", "Нина Ветрова"), ("Олег", "Олега")], "Олег", set()),
]


@pytest.mark.parametrize("text, people, first, family", TIES)
def test_kin_ties_reads_who_a_statement_ties_a_first_name_to(text, people, first, family):
    spans = [(text.index(form), text.index(form) + len(form), name) for name, form in people]
    assert kin_ties(text, spans).get(first, set()) == family


def test_document_kin_skips_a_mention_without_offsets():
    """A mention whose end is unknown is left out, not a crash."""
    tables = gold_tables([_kin_statement("y", KIN_ONLY[8][0], "Оля", "Олю", _SHEVCHUK)])
    mentions = tables.mentions
    mentions.loc[mentions["text"] == "Игорь Белов", "end"] = float("nan")
    found = document_kin(tables, {"y"})
    assert found[("y", "Оля")] == {"Андрей Шевчук"}


def test_a_neighbour_links_no_two_families_into_one():
    """The review's chain: a neighbour beside the author and an official, and two women of
    their surnames elsewhere: three people, not one."""
    docs = [_told("x", "Ольга Белова", "Ольгу Белову"),
            _told("z", "Ольга Шевчук", "Ольгу Шевчук"),
            _kin_statement("y", KIN_ONLY[0][0], "Оля", "Олю", _SHEVCHUK)]
    result = link("test", write=False, tables=gold_tables(docs))
    assert len({_person_of(result, d) for d in "xyz"}) == 3
