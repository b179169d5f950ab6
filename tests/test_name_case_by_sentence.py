"""A person's name whose words read either as a man's oblique case or a woman's
nominative or accusative (``Хасанову``, ``Рината Галиева``, ``Ворожцова С.``), settled by
the sentence and the document (issues 12 and 16):

* a verb that takes a thing as its object after the name gives the person the dative
  (``назначил Хасанову И. Р. арест``: his dative, not her accusative);
* an adjective or participle before the name agrees with it in gender and case
  (``27-летнего Вадима Кочетова``, ``30-летнюю Алину Гусеву``);
* the same person's other mentions in the document: a mention that reads as one gender
  only (``Кочетов``, ``Ринат``) decides a fuller one that reads either way;
* a lone capital after a surname is an initial whose dot the span lost (``Ткаченко П.А``),
  and a pronoun opening the next sentence is no part of the name (``Ахметовой А. Её``).

Every sentence is new, written for these tests."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

# Sentence, and the normal of the person named in it (every PER mention of that person).
CASES = [
    # a thing given to the person after a transitive verb: the name is a dative
    ("Вчера суд назначил Хасанову И. Р. арест на десять суток.", "И. Р. Хасанов"),
    ("Мировой судья назначил Зарипову Т. штраф в 20 тысяч рублей.", "Т. Зарипов"),
    ("Суд назначил Зарипову Т. обязательные работы.", "Т. Зарипов"),
    ("Районный суд назначил Б. Лыткину штраф за пикет.", "Б. Лыткин"),
    ("Зарипову Т. 14 мая назначили второй штраф.", "Т. Зарипов"),
    # a participle set off after the name agrees with it
    ("Ворошилова С., задержанного в пятницу, отпустили.", "С. Ворошилов"),
    ("Ворошилова С., задержанную в пятницу, отпустили.", "С. Ворошилова"),
    # nothing given after the verb: the name is its object, her accusative
    ("Суд арестовал Зарипову Т. на десять суток.", "Т. Зарипова"),
    ("Полицейские задержали Б. Лыткину у здания суда.", "Б. Лыткина"),
    ("Полицейские задержали Веру Лыткину, клеившую листовку.", "Вера Лыткина"),
    # an adjective or participle before the name agrees with it
    ("Суд приговорил 27-летнего Вадима Кочетова к году колонии.", "Вадим Кочетов"),
    ("Суд отпустил задержанного Рината Шакирова под подписку.", "Ринат Шакиров"),
    ("Полиция задержала 30-летнюю Алину Гусеву у подъезда.", "Алина Гусева"),
    # the document's other mentions: a mention of one gender decides a fuller one
    ("Мать Вадима Кочетова подала жалобу. Кочетов до сих пор в изоляторе.", "Вадим Кочетов"),
    ("Мать Рината Шакирова подала жалобу. Ринат до сих пор в изоляторе.", "Ринат Шакиров"),
    ("Мать Алины Гусевой подала жалобу. Гусева до сих пор в изоляторе.", "Алина Гусева"),
    # a lone capital after a surname: an initial
    ("Суд оштрафовал Ткаченко П.А", "П. А. Ткаченко"),
    ("Мировой суд оштрафовал Котова В.Н", "В. Н. Котов"),
]


@pytest.mark.parametrize(("sentence", "normal"), CASES)
def test_a_name_is_read_by_its_sentence_and_document(models, sentence, normal):
    found = [m.normal for m in tag_names(sentence, models) if m.type == PER]
    assert found and set(found) == {normal}, found


# A pronoun opening the next sentence after a name ending in an initial stays out of it.
PRONOUNS = [
    ("Правозащитники получили жалобу от Ахметовой А. Её задержали в марте.", "Ахметовой А."),
    ("Правозащитники получили жалобу от Сулейманова Р. Его задержали в марте.", "Сулейманова Р."),
]


@pytest.mark.parametrize(("sentence", "text"), PRONOUNS)
def test_a_pronoun_after_an_initial_is_no_part_of_the_name(models, sentence, text):
    assert [m.text for m in tag_names(sentence, models) if m.type == PER] == [text]
