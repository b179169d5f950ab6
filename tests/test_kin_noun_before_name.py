"""A person noun in the nominative opening a sentence before a name in another case
(``Сестра Марата подтвердила``), and a noun of kinship before a surname alone
(``Жена Токтобаева``: ``models/ner_context.json`` ``family_nouns``), is whose the name is: the noun is no part of the name,
and the name is read in the genitive (``Марат``), not by the verb after it, which agrees
with the noun. A name in the same case as the noun is the same person (``Журналист
Смирнова рассказала``). Every sentence is new, written for these tests."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

# Sentence, and the people tagged in it with their normals.
CASES = [
    ("Сестра Марата подтвердила, что его задержали.", [("Марата", "Марат")]),
    ("Племянник Олега видел, как его увели.", [("Олега", "Олег")]),
    ("Сестра Ильи приехала в отдел.", [("Ильи", "Илья")]),
    ("Дочь Анны передала адвокату документы.", [("Анны", "Анна")]),
    ("Мама Дениса узнала о задержании из новостей.", [("Дениса", "Денис")]),
    ("Сестра Марата Сейткалиева подтвердила задержание.", [("Марата Сейткалиева", "Марат Сейткалиев")]),
    ("Брат Ильдара рассказал о звонке из колонии.", [("Ильдара", "Ильдар")]),
    # a relative before a surname alone: whose the person is, in the genitive
    ("Жена Токтобаева рассказала, что мужа увезли ночью.", [("Токтобаева", "Токтобаев")]),
    ("Мать Рахимова передала в колонию посылку.", [("Рахимова", "Рахимов")]),
    ("Брат Сейтжанова подтвердил задержание.", [("Сейтжанова", "Сейтжанов")]),
    ("Отец Кравцовой приехал в отдел.", [("Кравцовой", "Кравцова")]),
    # the same case: an apposition, the name as it stands (a lawyer's noun is no kin)
    ("Адвокат Гаврилова заявила, что обжалует арест.", [("Гаврилова", "Гаврилова")]),
    ("Журналистка Смирнова рассказала о допросе.", [("Смирнова", "Смирнова")]),
    ("Журналист Смирнова рассказала о допросе.", [("Смирнова", "Смирнова")]),
    ("Корреспондент Алия Нурланова получила предупреждение.", [("Алия Нурланова", "Алия Нурланова")]),
    ("Пенсионер Юрий Громов вышел на пикет.", [("Юрий Громов", "Юрий Громов")]),
    ("Сестра Марина рассказала о задержании брата.", [("Марина", "Марина")]),
    # a man's verb after a man's noun: a name that reads as a woman's nominative is whose
    # he is, in the genitive (round 9); a man's own surname stays his
    ("Сосед Лаптева был задержан у подъезда.", [("Лаптева", "Лаптев")]),
    ("Коллега Зуева был вызван на допрос.", [("Зуева", "Зуев")]),
    ("Сосед Лаптев был задержан у подъезда.", [("Лаптев", "Лаптев")]),
    ("Журналист Зуева была задержана у редакции.", [("Зуева", "Зуева")]),
]


@pytest.mark.parametrize(("sentence", "people"), CASES)
def test_a_noun_before_a_name_in_another_case_is_whose_it_is(models, sentence, people):
    assert [(m.text, m.normal) for m in tag_names(sentence, models) if m.type == PER] == people


def test_what_befell_a_neighbour_named_by_whose_he_is_is_not_given_to_the_name(models):
    """``Сосед Лаптева был задержан``: the neighbour, unnamed, was detained, not Лаптев."""
    import datetime as dt

    from conftest import events_reader

    events = events_reader(models, dt.date(2023, 5, 10))("Сосед Лаптева был задержан у подъезда.")
    detention = next(e for e in events if e.type == "detention")
    assert detention.persons == ()
