"""The linker's own comparisons (issue 16): kinds of real pairs linking must join or keep
apart whatever extraction does, run through the real ``link`` on gold tables of new
invented statements."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.link import link
from pipeline.link.gold import GoldDocument, gold_tables


def _doc(doc_id: str, text: str, people: list[tuple[str, list[str]]], events: list[dict],
         date: str) -> GoldDocument:
    rows = []
    for event in events:
        start = text.index(event["trigger"])
        rows.append(event | {"start": start, "end": start + len(event["trigger"])})
    return GoldDocument(doc_id, text, dt.date.fromisoformat(date),
                        [{"name": n, "forms": f} for n, f in people], rows, "test")


def _day(day: str | None) -> dict:
    return {"date_start": day, "date_end": day, "date_precision": "day"} if day else {}


def _incident_of(result, doc_id: str, event_id: int = 0) -> str:
    rows = result.event_incidents
    return rows[(rows["doc_id"] == doc_id) & (rows["event_id"] == event_id)]["incident_id"].iloc[0]


# A penalty told by one source with the day of the detention that led to it and by the
# other with the court's day (the court sits a day to three after: a weekend between):
# one penalty. The same person's penalties a week or more apart are two. Each row: kind,
# trigger, values, person (name, form), city, the two days, whether one incident.
_TERM = {"term_min": 12, "term_max": 12, "term_unit": "day"}
_FINE = {"amount_min": 15000, "amount_max": 15000, "currency": "RUB"}
PENALTY_DAYS = [
    ("custody", "арестовал", _TERM, ("Глеб Ширяев", "Глеба Ширяева"), "Пермь",
     "2022-02-18", "2022-02-21", True),
    ("custody", "арестовал", _TERM, ("Глеб Ширяев", "Глеба Ширяева"), "Пермь",
     "2022-02-18", "2022-02-20", True),
    ("fine", "оштрафовал", _FINE, ("Инна Голубцова", "Инну Голубцову"), "Тверь",
     "2023-05-06", "2023-05-08", True),
    ("custody", "арестовал", _TERM, ("Глеб Ширяев", "Глеба Ширяева"), "Пермь",
     "2022-02-18", "2022-03-02", False),   # released and arrested again
    ("fine", "оштрафовал", _FINE, ("Инна Голубцова", "Инну Голубцову"), "Тверь",
     "2023-05-06", "2023-05-13", False),   # a second fine a week later
]


@pytest.mark.parametrize("kind, trigger, values, person, city, one, other, same", PENALTY_DAYS)
def test_a_penalty_dated_by_its_detention_or_its_court_is_one(kind, trigger, values, person,
                                                              city, one, other, same):
    name, form = person
    docs = [_doc(doc_id, f"Суд в городе {city} {trigger} {form} после задержания на площади.",
                 [(name, [form])],
                 [{"trigger": trigger, "type": kind, "place": city, "persons": [name]}
                  | _day(day) | values], "2023-06-01")
            for doc_id, day in (("x", one), ("y", other))]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same
    # Detentions, not penalties, each told to the day two days apart stay two.
    docs = [_doc(d.doc_id, d.text, [(name, [form])],
                 [{**d.events[0], "type": "detention", **_day(day)}], "2023-06-01")
            for d, day in zip(docs, (one, other))]
    if (dt.date.fromisoformat(other) - dt.date.fromisoformat(one)).days > 1:
        result = link("test", write=False, tables=gold_tables(docs))
        assert _incident_of(result, "x") != _incident_of(result, "y")


# One person's serial penalties: two fines for two pickets, each told with the day of its
# own hearing, two or three days apart, are two incidents, however alike the person, city
# and sum. The court's leeway of days holds only where a side tells the detention the
# penalty followed (dated by it), or both tell the same picket in the same words. Each row:
# the two statements' words after the name, the two days, whether one incident.
SERIAL_FINES = [
    ("за одиночный пикет у администрации", "за второй пикет, у вокзала",
     "2023-05-06", "2023-05-09", False),
    ("за одиночный пикет у администрации", "за второй пикет, у вокзала",
     "2023-05-06", "2023-05-08", False),
    ("за пикет с плакатом у проходной завода", "за новый пикет возле библиотеки",
     "2023-07-10", "2023-07-13", False),
    # one side tells the detention: its day may be the detention's
    ("за пикет у администрации после задержания там же", "за пикет у администрации",
     "2023-05-06", "2023-05-09", True),
    # the same picket in the same words, neither telling a detention
    ("за одиночный пикет у администрации", "за одиночный пикет у администрации",
     "2023-05-06", "2023-05-09", True),
]


@pytest.mark.parametrize("one_said, other_said, one, other, same", SERIAL_FINES)
def test_serial_fines_of_one_person_are_two(one_said, other_said, one, other, same):
    name, form = "Алина Зубарева", "Алину Зубареву"
    docs = [_doc(doc_id, f"Суд в городе Кострома оштрафовал {form} на 10 000 рублей {said}.",
                 [(name, [form])],
                 [{"trigger": "оштрафовал", "type": "fine", "place": "Кострома", "persons": [name],
                   "amount_min": 10000, "amount_max": 10000, "currency": "RUB"} | _day(day)],
                 "2023-06-01")
            for doc_id, said, day in (("x", one_said, one), ("y", other_said, other))]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# A penalty its statement dates by the detention told in another sentence (the same day),
# the other statement by its court two days on: one penalty. Without that detention told,
# two. Each row: whether the first statement tells the detention, whether one incident.
@pytest.mark.parametrize("detention_told, same", [(True, True), (False, False)])
def test_a_penalty_dated_by_a_detention_told_elsewhere_is_one(detention_told, same):
    name, form = "Тимур Базаров", "Базарову"
    told = ("12 марта в Чите у здания вокзала задержали студентов. " if detention_told else
            "12 марта в Чите у здания вокзала прошла встреча студентов. ")
    first = told + f"Студенту {form} назначили штраф 15 000 рублей."
    second = f"Через два дня суд в Чите назначил {form} штраф 15 000 рублей за акцию у вокзала."
    fine = {"trigger": "штраф", "type": "fine", "place": "Чита", "persons": [name],
            "amount_min": 15000, "amount_max": 15000, "currency": "RUB"}
    events = [fine | _day("2023-03-12")]
    if detention_told:
        events.insert(0, {"trigger": "задержали", "type": "detention", "place": "Чита",
                          "count_min": 5, "count_max": 5} | _day("2023-03-12"))
    docs = [_doc("x", first, [(name, [form])], events, "2023-04-01"),
            _doc("y", second, [(name, [form])], [fine | _day("2023-03-14")], "2023-04-01")]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "x", len(events) - 1) == _incident_of(result, "y")) is same


# One detention of several people, each statement naming only its own detainee and the
# other's by name elsewhere in it (``с ним была …``): one incident. Two people detained
# alone, neither statement naming the other: two. Each row: city, day, the two people
# (name, form), whether each statement names the other's person, whether one incident.
GROUPS = [
    ("Вологда", "2021-10-09", ("Семён Лапшин", "Семёна Лапшина"),
     ("Дарья Кочеткова", "Дарью Кочеткову"), True, True),
    ("Ижевск", "2022-06-04", ("Рената Ганиева", "Ренату Ганиеву"),
     ("Тимофей Брагин", "Тимофея Брагина"), True, True),
    ("Вологда", "2021-10-09", ("Семён Лапшин", "Семёна Лапшина"),
     ("Дарья Кочеткова", "Дарью Кочеткову"), False, False),
]


@pytest.mark.parametrize("city, day, one, other, cross, same", GROUPS)
def test_one_detention_of_several_told_one_name_a_side(city, day, one, other, cross, same):
    docs = []
    for doc_id, (name, form), (other_name, _) in (("x", one, other), ("y", other, one)):
        text = f"{int(day[-2:])} числа в городе {city} у мэрии полиция задержала {form}."
        people = [(name, [form])]
        if cross:
            text += f" Вместе с нами была {other_name}."
            people.append((other_name, [other_name]))
        docs.append(_doc(doc_id, text, people, [{
            "trigger": "задержала", "type": "detention", "place": city, "persons": [name]}
            | _day(day)], "2022-12-01"))
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# A happening one statement gives no date (and names no one), told in the same city with
# its day by another written after it: compared, and one incident. Not when the undated
# statement was written before the day (it cannot tell what had not happened yet). Each
# row: kind, trigger, city, the day, the undated statement's date, whether one incident.
UNDATED_UNNAMED = [
    ("protest", "пикет", "Сыктывкар", "2022-08-13", "2022-08-20", True),
    ("protest", "пикет", "Сыктывкар", "2022-08-13", "2022-09-05", True),
    ("protest", "пикет", "Сыктывкар", "2022-08-13", "2022-05-02", False),
]


@pytest.mark.parametrize("kind, trigger, city, day, written, same", UNDATED_UNNAMED)
def test_an_undated_unnamed_telling_is_compared_within_its_city(kind, trigger, city, day,
                                                                written, same):
    dated = _doc("dated", f"{int(day[-2:])} августа в городе {city} у здания мэрии прошел "
                          f"{trigger} жителей против вырубки сквера, пришли 40 человек.", [],
                 [{"trigger": trigger, "type": kind, "place": city, "count_min": 40,
                   "count_max": 40} | _day(day)], "2022-08-15")
    undated = _doc("undated", f"В городе {city} у мэрии прошел {trigger} жителей против "
                              f"вырубки сквера.", [],
                   [{"trigger": trigger, "type": kind, "place": city}], written)
    result = link("test", write=False, tables=gold_tables([dated, undated]))
    assert (_incident_of(result, "dated") == _incident_of(result, "undated")) is same


def _told(doc_id: str, name: str, form: str, city: str = "Курган", day: str = "2022-04-23"):
    text = f"{int(day[-2:])} апреля в городе {city} полиция задержала {form}."
    return _doc(doc_id, text, [(name, [form])], [{
        "trigger": "задержала", "type": "detention", "place": city, "persons": [name]}
        | _day(day)], "2022-05-01")


def _person_of(result, doc_id: str) -> str:
    rows = result.person_events
    return rows[rows["doc_id"] == doc_id]["person_id"].iloc[0]


# A short form of several first names (``Слава``: Вячеслав, Владислав, Станислав,
# Ярослав) may be any of them; not a name it is no form of. Each row: the two names,
# whether one person (and so one detention).
SHORT_FORMS_OF_SEVERAL = [
    ("Вячеслав Тарасенко", "Слава Тарасенко", True),
    ("Станислав Мелехов", "Слава Мелехов", True),
    ("Витя Кондрашов", "Виталий Кондрашов", True),
    ("Слава Тарасенко", "Сергей Тарасенко", False),
    ("Витя Кондрашов", "Валентин Кондрашов", False),
]


@pytest.mark.parametrize("one, other, same", SHORT_FORMS_OF_SEVERAL)
def test_a_short_form_of_several_first_names_fits_each(one, other, same):
    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# One-person detentions the same day in one city, the same first name and surnames more
# than a letter apart, both in Cyrillic letters: two people, two detentions. A letter
# apart (a typo) stays one. Each row: the two names, whether one detention.
SAME_FIRST_NAME = [
    ("Кирилл Жук", "Кирилл Жуков", False),
    ("Алина Мартыненко", "Алина Мартынюк", False),
    ("Антон Рябцев", "Антон Рябцов", True),
]


@pytest.mark.parametrize("one, other, same", SAME_FIRST_NAME)
def test_one_first_name_and_two_surnames_are_two_detentions(one, other, same):
    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# One person's searches in one city, one told as a span of days (a week)
# and one as a day: two searches when the day lies outside the span by more than a night,
# one when inside. Each row: the span, the day, whether one incident.
SPANS = [
    (("2023-09-11", "2023-09-17"), "2023-08-22", False),
    (("2023-09-11", "2023-09-17"), "2023-09-25", False),
    (("2023-09-11", "2023-09-17"), "2023-09-14", True),
    (("2023-09-11", "2023-09-17"), "2023-09-18", True),
]


@pytest.mark.parametrize("span, day, same", SPANS)
def test_a_span_of_days_and_a_day_outside_it_are_two_searches(span, day, same):
    name, form = "Эльвира Гайнуллина", "Эльвиры Гайнуллиной"
    text = f"В городе Уфа у {form} провели обыск."
    docs = [_doc("span", text, [(name, [form])], [{
                "trigger": "обыск", "type": "surveillance", "place": "Уфа", "persons": [name],
                "date_start": span[0], "date_end": span[1], "date_precision": "day"}],
                 "2023-09-30"),
            _doc("day", text, [(name, [form])], [{
                "trigger": "обыск", "type": "surveillance", "place": "Уфа", "persons": [name]}
                | _day(day)], "2023-09-30")]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "span") == _incident_of(result, "day")) is same


# One report formula told of one day in two cities (a square of one name in each,
# crowds alike): two rallies. The same words of one city: one. Each row: the two cities,
# the two crowds, whether one incident.
FORMULA_IN_TWO_CITIES = [
    ("Томск", "Омск", (700, 650), False),
    ("Барнаул", "Иркутск", (1500, 1500), False),
    ("Томск", "Томск", (700, 650), True),
]


@pytest.mark.parametrize("one, other, crowds, same", FORMULA_IN_TWO_CITIES)
def test_one_formula_told_of_two_cities_is_two_rallies(one, other, crowds, same):
    docs = [_doc(doc_id, f"11 сентября 2021 года на Театральной площади в городе {city} "
                         f"прошел митинг в защиту политзаключенных, пришли около {n} человек.",
                 [], [{"trigger": "митинг", "type": "protest", "place": city,
                       "count_min": n, "count_max": n} | _day("2021-09-11")], "2021-09-12")
            for doc_id, city, n in (("x", one, crowds[0]), ("y", other, crowds[1]))]
    result = link("test", write=False, tables=gold_tables(docs))
    assert (_incident_of(result, "x") == _incident_of(result, "y")) is same


# One person's name in Russian and in the Belarusian or Ukrainian form, in Cyrillic or in
# the national romanisation, and a Latin name whose surname ending is the region's set
# after a first name no English list knows: one person, one detention. Each row: the
# two names.
NATIONAL_FORMS = [
    ("Олександр Дяченко", "Александр Дяченко"),
    ("Тетяна Кравець", "Татьяна Кравец"),
    ("Сяргей Малашэвіч", "Сергей Малашевич"),
    ("Вольга Пракаповіч", "Ольга Пракаповіч"),
    ("Анна Лясковская", "Ганна Ляскоўская"),
    ("Henadz Zhukouski", "Геннадий Жуковский"),
    ("Uladzimir Karpau", "Владимир Карпов"),
    ("Raisa Gilmanova", "Раиса Гильманова"),
    ("Gulshat Nurieva", "Гульшат Нуриева"),
    ("Liliya Tanysheva", "Лилия Танышева"),    # -ysheva also reads as a first name
]


@pytest.mark.parametrize("one, other", NATIONAL_FORMS)
def test_a_name_in_its_national_form_is_one_person(one, other):
    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert _person_of(result, "x") == _person_of(result, "y")
    assert _incident_of(result, "x") == _incident_of(result, "y")


# A first name written with the Belarusian or Ukrainian А for an unstressed О, beside the
# same surname in the same city: one person (and so one penalty). Other first names one
# letter apart stay two. Each row: the two names, whether one person.
FIRST_VOWEL = [
    ("Аксана Равинская", "Оксана Равинская", True),
    ("Арина Лосева", "Ирина Лосева", False),
    ("Марина Лосева", "Карина Лосева", False),
]


@pytest.mark.parametrize("one, other, same", FIRST_VOWEL)
def test_a_first_vowel_written_as_it_sounds_is_one_first_name(one, other, same):
    result = link("test", write=False, tables=gold_tables([_told("x", one, one),
                                                           _told("y", other, other)]))
    assert (_person_of(result, "x") == _person_of(result, "y")) is same


# A first name alone in one statement (``моему соседу Тагиру``), the whole name in
# another that names the same companion: one person. Each row: the name alone and its
# form, the whole name, the companion both name.
FIRST_NAME_ALONE = [
    (("Тагир", "Тагиру"), "Тагир Валиев", "Римма Сафина"),
    (("Доржо", "Доржо"), "Доржо Бадмаев", "Сэсэг Очирова"),
]


@pytest.mark.parametrize("alone, whole, companion", FIRST_NAME_ALONE)
def test_a_first_name_alone_links_to_the_whole_name(alone, whole, companion):
    name, form = alone
    fine = {"trigger": "штраф", "type": "fine", "place": "Чита", "amount_min": 12000,
            "amount_max": 12000, "currency": "RUB"} | _day("2022-10-03")
    docs = [_doc("x", f"3 октября в городе Чита суд назначил штраф мне, {companion}, и {form}.",
                 [(companion, [companion]), (name, [form])],
                 [fine | {"persons": [companion, name]}], "2022-10-10"),
            _doc("y", f"В городе Чита 3 октября суд назначил штраф {whole} и {companion}.",
                 [(whole, [whole]), (companion, [companion])],
                 [fine | {"persons": [whole, companion]}], "2022-10-12")]
    result = link("test", write=False, tables=gold_tables(docs))
    people = result.person_events
    ids = {(d, n): p for d, n, p in people[["doc_id", "name", "person_id"]].itertuples(index=False)}
    assert ids[("x", name)] == ids[("y", whole)]


# A statement naming someone by initials and surname and later by the first name alone
# (``Как рассказал сам Эрик``), another by the whole name: one person. Initials that do
# not fit the first name stay two. Each row: the initials' name, the first name alone,
# the whole name elsewhere, whether the halves are one.
INITIALS_AND_FIRST_NAME = [
    ("Э. Д. Хасанов", "Эрик", "Эрик Хасанов", True),
    ("Л. Гришина", "Лидия", "Лидия Гришина", True),
    ("Л. Гришина", "Зоя", "Лидия Гришина", False),
]


@pytest.mark.parametrize("initials, first, whole, same", INITIALS_AND_FIRST_NAME)
def test_initials_and_a_first_name_alone_in_one_statement_join(initials, first, whole, same):
    search = {"trigger": "обыск", "type": "surveillance", "place": "Орел"} | _day("2023-02-07")
    docs = [_doc("x", f"В городе Орел 7 февраля прошел обыск у {initials}. Как рассказал сам "
                      f"{first}, изъяли ноутбук.", [(initials, [initials]), (first, [first])],
                 [search | {"persons": [initials]}], "2023-02-09"),
            _doc("y", f"7 февраля в городе Орел обыск прошел у {whole}.", [(whole, [whole])],
                 [search | {"persons": [whole]}], "2023-02-10")]
    result = link("test", write=False, tables=gold_tables(docs))
    mentions = gold_tables(docs).mentions[["doc_id", "mention_id", "normal"]]
    ids = {(d, n): p for d, n, p in result.mention_people.merge(
        mentions, on=["doc_id", "mention_id"])[
        ["doc_id", "normal", "person_id"]].itertuples(index=False)}
    assert (ids[("x", first)] == ids[("y", whole)]) is same
    assert ids[("x", initials)] == ids[("y", whole)]
