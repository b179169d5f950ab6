"""Place names as events give them: one name per place, in the nominative."""

from __future__ import annotations

from ..nlp import parse_word
from ..records import Mention
from ..resources import fold, lexicon_index
from ..tag.gazetteer import _entries as gazetteer_entries
from ..tag.gazetteer import canonical_place
from ..tag.inflect import match_case


def place_name(mention: Mention) -> str:
    """An event's place: one name per place (``Жана Озене`` and ``Жанаозен`` agree), in
    the nominative where the mention's own normal kept an accusative the noun hides
    (``на Болотную площадь``), the gazetteer's spelling for a one-letter slip."""
    name = mention.normal or mention.text
    canonical = canonical_place(name)
    if canonical != name:
        return canonical
    return misspelt_place(name) or accusative_to_nominative(name)


NEAR_MISS_LETTERS = 7  # a shorter name a letter off another is likely another place


def misspelt_place(name: str) -> str | None:
    """The gazetteer's place a one-word name misspells by a doubled letter, in any case
    form (``Новоросийске`` -> ``Новороссийск``), when that place is the only one so near.

    >>> misspelt_place("Новоросийске"), misspelt_place("Уральске"), misspelt_place("Орле")
    ('Новороссийск', None, None)
    """
    if " " in name.strip() or not name.isalpha():
        return None
    forms = {fold(p.normal_form) for p in parse_word(name.lower()) if p.tag.POS == "NOUN"} | {fold(name)}
    found = {canonical_place(candidate) for form in forms if len(form) >= NEAR_MISS_LETTERS
             for candidate in _one_letter_off(form)}
    return found.pop() if len(found) == 1 else None


def _one_letter_off(form: str) -> set[str]:
    """Gazetteer names ``form`` is a doubled-letter slip of (``невиномысск`` for
    ``невинномысск``, ``таллин`` for ``таллинн``): a letter written once where the name has it
    twice, or twice where once. Other one-letter differences are other places (``Уральск``,
    ``Аральск``)."""
    names = _one_word_places()
    near = {form[:i] + form[i] + form[i:] for i in range(len(form))}
    near |= {form[:i] + form[i + 1:] for i in range(1, len(form)) if form[i] == form[i - 1]}
    near.discard(form)
    return {names[n] for n in near if n in names}


@lexicon_index
def _one_word_places() -> dict[str, str]:
    """Folded one-word gazetteer names of cities and regions, to their written name."""
    return {key[0]: entry[3] for key, entry in gazetteer_entries().items()
            if len(key) == 1 and entry[1] in {"city", "region"}}


def accusative_to_nominative(name: str) -> str:
    """An adjective and its noun in the accusative, the noun's accusative like its
    nominative (``Болотную площадь``), in the nominative; other names as they are.

    >>> accusative_to_nominative("Болотную площадь"), accusative_to_nominative("Красная площадь")
    ('Болотная площадь', 'Красная площадь')
    """
    words = name.split()
    if len(words) != 2 or not all(w.isalpha() for w in words):
        return name
    adjectives = [p for p in parse_word(words[0].lower()) if p.tag.POS == "ADJF"]
    if not adjectives or any(p.tag.case == "nomn" for p in adjectives):
        return name
    for noun in parse_word(words[1].lower()):
        if noun.tag.POS != "NOUN" or noun.tag.case != "accs" or noun.tag.number != "sing":
            continue
        adjective = next((p for p in adjectives if p.tag.case == "accs" and p.tag.gender == noun.tag.gender), None)
        head = noun.inflect({"nomn", "sing"})
        agreed = adjective.inflect({"nomn", "sing", noun.tag.gender}) if adjective else None
        if head and agreed:
            return f"{match_case(words[0], agreed.word)} {match_case(words[1], head.word)}"
    return name
