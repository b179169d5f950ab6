"""Name kinds the linker missed on development pairs (issue 16, round 12), each a table of
new invented names or statements run through the real ``parse_name`` and ``link``."""

from __future__ import annotations

import pytest

from pipeline.link import link
from pipeline.link.gold import gold_tables
from pipeline.link.names import parse_name
from test_link_comparisons import _day, _doc

# A Belarusian or Polish ``-евич`` surname after a man's first name is the surname: its
# ``-ич`` taken off and ``-а`` put on gives no first name pymorphy3's dictionary knows
# (``Рымкева`` is an unknown ``Рымк-`` before the name ``Ева``, a guess, not a name). A
# patronymic made from a first name stays one. Each row: the name, the surname's key or
# None, the patronymic's key or None.
EVICH = [
    ("Игорь Рымкевич", "rimkevich", None),
    ("Сяргей Лемешкевич", "lemeshkevich", None),
    ("Олег Жабкевич", "jabkevich", None),
    ("Тимур Гольцевич", "golcevich", None),
    ("Олег Сергеевич", None, "sergevich"),
    ("Никита Матвеевич", None, "matvevich"),
    ("Пётр Ильич", None, "ilich"),
    ("Анна Сергеевна", None, "sergevna"),
]


@pytest.mark.parametrize("name, surname, patronymic", EVICH)
def test_an_evich_surname_after_a_first_name_is_the_surname(name, surname, patronymic):
    parsed = parse_name(name)
    assert (parsed.surname, parsed.patronymic) == (surname, patronymic)


# A surname made from a first name (``Рахимов`` from ``Рахим``) beside a first name no
# dictionary knows (``Зафарбек``): the surname is the ``-ов`` word, in either order. A
# name's plural genitive (``Рахимов``: of the Рахимы) is no person's first name. Each row:
# the name, the surname's key, the first name's key.
SURNAME_FROM_A_FIRST_NAME = [
    ("Зафарбек Рахимов", "rahimov", "zafarbek"),
    ("Рахимов Зафарбек", "rahimov", "zafarbek"),
    ("Шахбоз Назаров", "nazarov", "shahboz"),
    ("Фирдавс Каримов", "karimov", "firdavs"),
    ("Дильноза Рахимова", "rahimov", "dilnoza"),
    ("Марат Ахметов", "ahmetov", "marat"),
    ("Доржо Бадмаев", "badmaev", "dorjo"),
]


@pytest.mark.parametrize("name, surname, first", SURNAME_FROM_A_FIRST_NAME)
def test_a_surname_made_from_a_first_name_is_the_surname(name, surname, first):
    parsed = parse_name(name)
    assert (parsed.surname, parsed.first) == (surname, first)


# The same people told in full and by initials in two statements: one person.
@pytest.mark.parametrize("whole, initials", [("Зафарбек Рахимов", "Рахимов З."),
                                             ("Шахбоз Назаров", "Ш. Назаров")])
def test_a_surname_made_from_a_first_name_links_by_initials(whole, initials):
    from test_link_comparisons import _person_of, _told

    result = link("test", write=False, tables=gold_tables([_told("x", whole, whole),
                                                           _told("y", initials, initials)]))
    assert _person_of(result, "x") == _person_of(result, "y")


def _family(doc_id: str, man: tuple[str, str], woman: tuple[str, str], city: str | None,
            day: str) -> object:
    """A statement: a man and a woman (her first name alone, or in full) detained together,
    in a city, or at a place the statement leaves to its reader (no city told)."""
    (man_name, man_form), (woman_name, woman_form) = man, woman
    where = f"в городе {city}" if city else "у здания суда"
    text = f"{int(day[-2:])} марта {where} задержали {man_form} и его жену {woman_form}."
    return _doc(doc_id, text, [(man_name, [man_form]), (woman_name, [woman_form])],
                [{"trigger": "задержали", "type": "detention", "persons": [man_name, woman_name]}
                 | ({"place": city} if city else {}) | _day(day)], "2021-03-20")


# A woman named in full in one statement, beside her husband of the same surname, and by
# her first name alone in another that tells no city, beside the same husband: one woman
# (both statements name the man beside her). Her first name alone beside another man
# stays apart: a first name and a year say too little. Each row: the first statement's
# man and woman, the second's, whether the women are one.
FIRST_NAME_BESIDE_HER_HUSBAND = [
    (("Сяргей Рымкевич", "Сяргея Рымкевича"), ("Ганна Рымкевич", "Ганну Рымкевич"),
     ("Сергей Рымкевич", "Сергея Рымкевича"), ("Анна", "Анну"), True),
    (("Павел Гольцевич", "Павла Гольцевича"), ("Ирина Гольцевич", "Ирину Гольцевич"),
     ("Павел Гольцевич", "Павла Гольцевича"), ("Ирина", "Ирину"), True),
    (("Денис Коваленок", "Дениса Коваленка"), ("Ольга Коваленок", "Ольгу Коваленок"),
     ("Денис Коваленок", "Дениса Коваленка"), ("Ольга", "Ольгу"), True),
    (("Сяргей Рымкевич", "Сяргея Рымкевича"), ("Ганна Рымкевич", "Ганну Рымкевич"),
     ("Олег Жабкевич", "Олега Жабкевича"), ("Анна", "Анну"), False),
    (("Денис Коваленок", "Дениса Коваленка"), ("Ольга Коваленок", "Ольгу Коваленок"),
     ("Игорь Сташкевич", "Игоря Сташкевича"), ("Ольга", "Ольгу"), False),
]


@pytest.mark.parametrize("man, woman, other_man, other_woman, same",
                         FIRST_NAME_BESIDE_HER_HUSBAND)
def test_a_first_name_alone_beside_her_husband_is_his_wife(man, woman, other_man,
                                                           other_woman, same):
    docs = [_family("x", man, woman, "Гродно", "2021-03-14"),
            _family("y", other_man, other_woman, None, "2021-03-14")]
    result = link("test", write=False, tables=gold_tables(docs))
    ids = {(d, n): p for d, n, p in
           result.person_events[["doc_id", "name", "person_id"]].itertuples(index=False)}
    assert (ids[("x", woman[0])] == ids[("y", other_woman[0])]) is same


# A double surname in one statement and one of its halves in another (a woman's own
# surname, or her husband's she added): one person, one detention. Another person of
# one half, or another double surname sharing a half, stays apart. Each row: the two
# names, whether one.
DOUBLE_SURNAMES = [
    ("Анастасия Круглова-Ветрова", "Анастасия Круглова", True),
    ("Анастасия Круглова-Ветрова", "Анастасия Ветрова", True),
    ("Круглова-Ветрова А.", "Анастасия Ветрова", True),
    ("Ксения Щукина", "Ксения Щукина-Моисеева", True),
    ("Анастасия Круглова-Ветрова", "Мария Ветрова", False),
    ("Анастасия Круглова-Ветрова", "Анастасия Ветрова-Лисина", False),
]


@pytest.mark.parametrize("one, other, same", DOUBLE_SURNAMES)
def test_a_double_surname_and_one_half_are_one_person(one, other, same):
    from test_link_comparisons import _incident_of, _person_of, _told

    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# A woman's name that also reads as a man's genitive (``Александра Лыкова``: of
# ``Александр Лыков``) is hers: a record's name is a nominative. Her short first name in
# another statement is one person with her. Each row: the two names, whether one.
NOMINATIVE_AS_GIVEN = [
    ("Александра Лыкова", "Саша Лыкова", True),
    ("Александра Гончарова", "Саша Гончарова", True),
    ("Александра Лыкова", "Александр Лыков", False),
]


@pytest.mark.parametrize("one, other, same", NOMINATIVE_AS_GIVEN)
def test_a_womans_name_read_as_given_in_the_nominative(one, other, same):
    from test_link_comparisons import _person_of, _told

    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


def _married(doc_id: str, full: str, words: str, maiden: str, own_record: bool) -> object:
    """A woman's statement naming her surname before marriage after ``words``: the maiden
    surname a form of her name (the gold's way), or a record of its own (the tagger's way:
    a lone surname read as ``Титов``)."""
    text = f"Меня зовут {full}, {words} {maiden}. 5 мая меня задержали в Томске."
    people = [(full, []), (maiden.removesuffix("а"), [maiden])] if own_record else [(full, [maiden])]
    return _doc(doc_id, text, people, [{"trigger": "задержали", "type": "detention", "place": "Томск",
                                        "persons": [full]} | _day("2023-05-05")], "2023-05-08")


# A woman who names her surname before marriage (``до замужества Титова``), and another
# statement that names her by it: one woman. A surname said beside hers in other words is
# someone else's. Each row: her name, the words before the other surname, that surname,
# the other statement's name, whether one person.
MAIDEN_SURNAMES = [
    ("Ольга Ершова", "до замужества", "Титова", "Ольга Титова", True),
    ("Анна Зуева", "в девичестве", "Крылова", "Анна Крылова", True),
    ("Мария Белкина", "урождённая", "Соколова", "Мария Соколова", True),
    ("Ирина Гусева", "девичья фамилия", "Лаптева", "И. Лаптева", True),
    ("Ольга Ершова", "со мной была", "Титова", "Ольга Титова", False),
]


# Both ways of carrying the surname for each row (a surname that is not hers is no form of
# her name: only its own record).
@pytest.mark.parametrize("full, words, maiden, other, same, own_record",
                         [(*row, own) for row in MAIDEN_SURNAMES for own in (False, True)
                          if row[-1] or own])
def test_a_surname_before_marriage_links_her_to_a_statement_that_uses_it(full, words, maiden, other,
                                                                          same, own_record):
    from test_link_comparisons import _person_of, _told

    told = _told("y", other, other, "Томск", "2023-05-05")
    result = link("test", write=False, tables=gold_tables(
        [_married("x", full, words, maiden, own_record), told]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# A Belarusian name in Latin letters (the national romanisation: unstressed о written
# as it sounds, а; ё as ``io``; ``-ау`` for ``-ов``) beside the Russian name in another
# statement: one person. Another surname, or another first name, stays apart. Each
# row: the two names, whether one.
BELARUSIAN_LATIN = [
    ("Volha Marozava", "Ольга Морозова", True),
    ("Siarhei Kavaliou", "Сергей Ковалёв", True),
    ("Nastassia Liabiodkina", "Анастасия Лебёдкина", True),
    ("Nasta Haravaya", "Анастасия Горовая", True),
    ("Volha Marozava", "Ольга Мазурова", False),
    ("Siarhei Kavaliou", "Сергей Ковалец", False),
    ("Volha Liabiodkina", "Анастасия Лебёдкина", False),
]


@pytest.mark.parametrize("one, other, same", BELARUSIAN_LATIN)
def test_a_belarusian_name_in_latin_letters_is_the_russian_one(one, other, same):
    from test_link_comparisons import _person_of, _told

    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# The tagger's way of a surname before marriage (a lone surname read as a person of its own,
# ``Носов`` after ``по девичьей фамилии Носова``): in her own statement that record is hers,
# not another person's, though no other statement names her by it. A surname said after other
# words is someone else's. Each row: her name, the words before the surname, the surname,
# whether that record is hers.
MAIDEN_RECORDS = [
    ("Дарья Климова", "до замужества", "Носова", True),
    ("Светлана Орехова", "по девичьей фамилии", "Рыбакова", True),
    ("Вера Голикова", "прежняя фамилия", "Сомова", True),
    ("Дарья Климова", "рядом стояла", "Носова", False),
    ("Светлана Орехова", "меня снимала", "Рыбакова", False),
]


@pytest.mark.parametrize("full, words, maiden, hers", MAIDEN_RECORDS)
def test_a_surname_before_marriage_read_as_its_own_record_is_hers(full, words, maiden, hers):
    result = link("test", write=False, tables=gold_tables([_married("x", full, words, maiden, True)]))
    people = result.mention_people
    assert (people[people["doc_id"] == "x"]["person_id"].nunique() == 1) is hers


# A lone surname after a maiden-name cue is the woman's the cue is set beside: her name
# right before it, with only a comma, a bracket or a dash between (``Анна Петрова (в
# девичестве Соколова)``). A kin noun between (``моя жена, до замужества …``) makes it
# the relative's, a man's name before it is no woman's, and a name further back in the
# sentence is someone else's: no join. Each row: the sentence, the people (name, forms),
# how many people the statement names.
MAIDEN_OWNERS = [
    ("Меня зовут Пётр Лосев, моя жена, до замужества Гришина, ждала меня у отдела.",
     [("Пётр Лосев", ["Пётр Лосев"]), ("Гришин", ["Гришина"])], 2),
    ("Меня зовут Нина Зайцева, моя мать, до замужества Белова, ждала меня у отдела.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 2),
    ("Меня зовут Нина Зайцева, моя сестра, в девичестве Белова, ждала меня у отдела.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 2),
    ("Свидетель Пётр Лосев сказал, что его жена в девичестве Гришина ждала у отдела.",
     [("Пётр Лосев", ["Пётр Лосев"]), ("Гришин", ["Гришина"])], 2),
    ("Меня зовут Нина Зайцева, и мне сказали, что до замужества Белова жила тут.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 2),
    # guards: the cue set beside her own name
    ("Меня зовут Нина Зайцева (в девичестве Белова), я ждала у отдела.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 1),
    ("Меня зовут Нина Зайцева, до замужества Белова, я ждала у отдела.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 1),
    ("Меня зовут Нина Зайцева — урождённая Белова.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 1),
    # in the author's own words after she introduces herself: hers; not another woman's
    ("Меня зовут Нина Зайцева, раньше я носила фамилию Белова.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 1),
    ("Рядом стояла Нина Зайцева, а я до замужества Белова.",
     [("Нина Зайцева", ["Нина Зайцева"]), ("Белов", ["Белова"])], 2),
]


@pytest.mark.parametrize("text, people, count", MAIDEN_OWNERS)
def test_a_surname_before_marriage_is_only_the_woman_it_is_set_beside(text, people, count):
    text += " 5 мая меня задержали в Томске."
    events = [{"trigger": "задержали", "type": "detention", "place": "Томск",
               "persons": [people[0][0]]} | _day("2023-05-05")]
    result = link("test", write=False, tables=gold_tables([_doc("x", text, people, events, "2023-05-08")]))
    mentioned = result.mention_people
    assert mentioned[mentioned["doc_id"] == "x"]["person_id"].nunique() == count
