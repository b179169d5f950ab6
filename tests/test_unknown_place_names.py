"""Place names pymorphy3 does not know, put in the nominative from their context.

A town abroad that neither the dictionary nor the gazetteer knows gets its case guessed
from its ending, and the guess often takes a person's name or another gender as the model
(a feminine town in -ия read as the genitive of a masculine -ий name). The context tells:
after a settlement noun (``город``, ``штат``, ``провинция``) a name that can be read in
the nominative, or in no case of that noun, is an appositive left as written; elsewhere
the guess stands.
New invented sentences with invented or little-known place names."""

from __future__ import annotations

import pytest

from pipeline.tag import tag_mentions

CASES = [
    # an appositive after a settlement noun stays as written
    ("Мэрия города Кольмария запретила пикет.", "Кольмария", "Кольмария"),
    ("Полиция провинции Зантия задержала двоих.", "Зантия", "Зантия"),
    ("Он приехал в портовый город Тальвин за неделю до ареста.", "Тальвин", "Тальвин"),
    ("Суды штата Орегада оштрафовали компанию.", "Орегада", "Орегада"),
    # after a preposition: the reading in its case, a place's over a person's
    ("Полиция задержала троих в Бранице.", "Бранице", "Браница"),
    ("Слушания прошли в штате Тревада.", "Тревада", "Тревада"),
]


@pytest.mark.parametrize("text, surface, normal", CASES)
def test_an_unknown_place_is_named_in_the_nominative_its_context_gives(models, text, surface, normal):
    _, mentions = tag_mentions(text, models, None)
    assert (surface, normal) in [(m.text, m.normal) for m in mentions if m.type == "LOC"]


# a hyphenated feminine name read only in the dative or prepositional (``-е``): its ``-а``
# nominative, as pymorphy3's first reading gives it, not the text's oblique form
HYPHENATED = [
    ("Полиция задержала двоих студентов в Санта-Кларе.", "Санта-Кларе", "Санта-Клара"),
    ("Митинг прошёл в Ла-Плате у здания мэрии.", "Ла-Плате", "Ла-Плата"),
    ("Активиста оштрафовали в Санта-Барбаре за одиночный пикет.", "Санта-Барбаре", "Санта-Барбара"),
]


@pytest.mark.parametrize("text, surface, normal", HYPHENATED)
def test_a_hyphenated_feminine_place_is_named_in_the_nominative(models, text, surface, normal):
    _, mentions = tag_mentions(text, models, None)
    assert (surface, normal) in [(m.text, m.normal) for m in mentions if m.type == "LOC"]
