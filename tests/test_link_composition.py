"""Linking does not depend on what else is linked in the same run.

An analyst adds a folder to an archive and links again: the links among the
documents already there must not move because others joined them (unless the new
documents are themselves evidence: a third telling of the same person). So a pair's
score comes from its two records and the shipped model alone (no prior or u estimated
on the run), the pairs compared are the same whatever the run's size (blocking rules,
never an exhaustive comparison that only small runs can afford), and pairs of equal
score are clustered in an order of the records themselves.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.link import link
from pipeline.link.gold import GoldDocument, gold_tables
from pipeline.link.records import key_parts

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря")


def _statement(doc_id: str, day: str | None, city: str, name: str, form: str,
               kind: str = "detention", trigger: str = "задержали",
               written: str = "2023-01-10") -> GoldDocument:
    """A one-sentence statement of a happening to ``name`` (written ``form``) in ``city``
    on ``day`` (None: the statement gives no date)."""
    if day is None:
        text = f"В городе {city} {trigger} {form}."
        dated = {}
    else:
        year, month, number = (int(p) for p in day.split("-"))
        text = f"{number} {MONTHS[month - 1]} {year} года в городе {city} {trigger} {form}."
        dated = {"date_start": day, "date_end": day, "date_precision": "day"}
    start = text.index(trigger)
    event = {"trigger": trigger, "type": kind, "place": city, "persons": [name],
             "start": start, "end": start + len(trigger)} | dated
    return GoldDocument(doc_id, text, dt.date.fromisoformat(written),
                        [{"name": name, "forms": [form]}], [event], "test")


# The documents already linked: two tellings of one detention, a namesake detained the
# same day in another city, and one person's two detentions a fortnight apart.
ARCHIVE = [
    _statement("old_1", "2022-09-24", "Уфа", "Ринат Ахметшин", "Рината Ахметшина"),
    _statement("old_2", "2022-09-24", "Уфа", "Р. Ахметшин", "Р. Ахметшина"),
    _statement("old_3", "2022-09-24", "Казань", "Руслан Ахметшин", "Руслана Ахметшина"),
    _statement("old_4", "2022-10-08", "Уфа", "Ринат Ахметшин", "Рината Ахметшина"),
    _statement("old_5", "2022-03-06", "Пермь", "Дарья Ложкина", "Дарью Ложкину"),
    _statement("old_6", "2022-03-06", "Пермь", "Даша Ложкина", "Дашу Ложкину"),
]

FIRST = ("Антон", "Борис", "Вадим", "Глеб", "Денис", "Егор", "Захар", "Игорь", "Кирилл",
         "Леонид")
SURNAME = ("Абрамов", "Беляков", "Воронин", "Гусаров", "Дьячков", "Ермолаев", "Жилин",
           "Зимин", "Исаков", "Карпов", "Лаптев", "Мухин", "Носков", "Овчинников",
           "Пахомов", "Рогов", "Сазонов", "Тарасов", "Уваров", "Фомин")
CITIES = ("Омск", "Томск", "Курган", "Тюмень", "Барнаул", "Кемерово", "Чита", "Иркутск")


def _another_folder(n: int) -> list[GoldDocument]:
    """``n`` statements about other people (each told twice, so they link among
    themselves), in other cities and months: nothing in them is anyone of the archive."""
    docs = []
    for k in range(n // 2):
        first, surname = FIRST[k % len(FIRST)], SURNAME[k % len(SURNAME)]
        name = f"{first} {surname}"
        form = f"{first}а {surname}а"
        day = f"2021-{1 + k % 12:02d}-{1 + k % 27:02d}"
        city = CITIES[k % len(CITIES)]
        docs.append(_statement(f"new_{k}_a", day, city, name, form))
        docs.append(_statement(f"new_{k}_b", day, city, f"{first[0]}. {surname}",
                               f"{first[0]}. {surname}а"))
    return docs


def _links(result, docs) -> tuple[dict, dict, dict]:
    """Per record of ``docs``: its person and incident, as a partition of the records
    (who is with whom, not the ids), and the score of every pair among them."""
    keep = {d.doc_id for d in docs}
    people = result.person_events[result.person_events["doc_id"].isin(keep)]
    person_of = {(d, n): p for d, n, p in people[["doc_id", "name", "person_id"]]
                 .itertuples(index=False)}
    incidents = result.event_incidents[result.event_incidents["doc_id"].isin(keep)]
    incident_of = dict(zip(incidents["doc_id"], incidents["incident_id"]))
    scores = {}
    for pairs in (result.person_pairs, result.event_pairs):
        for left, right, p in pairs[["left", "right", "match_probability"]].itertuples(
                index=False):
            if key_parts(left)[0] in keep and key_parts(right)[0] in keep:
                scores[frozenset((left, right))] = round(float(p), 12)
    return _partition(person_of), _partition(incident_of), scores


def _partition(labels: dict) -> set[frozenset]:
    groups: dict = {}
    for record, label in labels.items():
        groups.setdefault(label, set()).add(record)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("extra", [120, 240])
def test_links_among_documents_do_not_move_when_another_folder_joins(extra):
    alone = link("test", write=False, tables=gold_tables(ARCHIVE))
    joined = link("test", write=False, tables=gold_tables(ARCHIVE + _another_folder(extra)))
    people, incidents, scores = _links(alone, ARCHIVE)
    assert scores, "the archive's records were compared"
    assert _links(joined, ARCHIVE) == (people, incidents, scores)
    # And the links are the ones the archive tells.
    assert frozenset({("old_1", "Ринат Ахметшин"), ("old_2", "Р. Ахметшин"),
                      ("old_4", "Ринат Ахметшин")}) in people
    assert frozenset({("old_3", "Руслан Ахметшин")}) in people
    assert frozenset({"old_1", "old_2"}) in incidents


def test_links_do_not_depend_on_the_order_of_documents():
    docs = ARCHIVE + _another_folder(60)
    forward = link("test", write=False, tables=gold_tables(docs))
    backward = link("test", write=False, tables=gold_tables(docs[::-1]))
    assert _links(forward, docs) == _links(backward, docs)


# A surname whose first letter is written another way in another alphabet, with the same
# first name: compared (and linked) in a run of any size, not only in small ones.
FIRST_LETTER_SPELT_TWO_WAYS = [
    ("Эльчин Гумбатов", "Elchin Humbatov"),
    ("Айдын Гусейнов", "Aydin Huseynov"),
    ("Тофик Гамидов", "Tofiq Hamidov"),
]


@pytest.mark.parametrize("one, other", FIRST_LETTER_SPELT_TWO_WAYS)
def test_a_surname_spelt_with_another_first_letter_is_compared(one, other):
    docs = [_statement("one", "2022-11-14", "Баку", one, one),
            _statement("other", "2022-11-14", "Баку", other, other)]
    result = link("test", write=False, tables=gold_tables(docs + _another_folder(60)))
    pairs = result.person_pairs
    compared = {frozenset((key_parts(a)[0], key_parts(b)[0]))
                for a, b in zip(pairs["left"], pairs["right"])}
    assert frozenset(("one", "other")) in compared
    people, _, _ = _links(result, docs)
    assert frozenset({("one", one), ("other", other)}) in people


# An undated telling in a statement written before the other happening took place is
# another happening, however alike the person, place and kind (and whatever else the
# run holds). Written when it happened or after: the same one.
TOLD_BEFORE = [
    # (day of the dated event, date the undated statement was written, one incident)
    ("2022-04-03", "2021-11-10", False),
    ("2022-04-03", "2022-03-01", False),
    ("2022-04-03", "2022-04-05", True),
    ("2022-04-03", "2022-06-20", True),
]


@pytest.mark.parametrize("day, written, same", TOLD_BEFORE)
def test_an_undated_telling_written_before_a_happening_is_not_it(day, written, same):
    dated = _statement("dated", day, "Каракол", "Бакыт Осмоналиев", "у Бакыта Осмоналиева",
                       kind="search", trigger="провели обыск", written="2022-04-05")
    undated = _statement("undated", None, "Каракол", "Бакыт Осмоналиев",
                         "у Бакыта Осмоналиева", kind="search", trigger="провели обыск",
                         written=written)
    for others in (0, 120):
        result = link("test", write=False,
                      tables=gold_tables([dated, undated] + _another_folder(others)))
        _, incidents, _ = _links(result, [dated, undated])
        assert (frozenset({"dated", "undated"}) in incidents) is same
