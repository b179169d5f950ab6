"""Possessives: whom ``его``/``её`` right before a trigger noun says the happening befell.

``Его арест``, ``после её задержания``: the possessive of a noun of a happening done to someone
is whom it befell, the person the pronoun stands for. Only for such nouns
(``possessor_patient_nouns`` in ``models/event_context.json``): before the noun of what a person
does to another (``Его угрозы``, ``Его нападение``) the possessive is the doer. And only while
no thing or body of the pronoun's gender stands between that person and the pronoun before
the noun of what a thing may undergo too (``руководит фондом. Его штраф``: the fund's fine). Kept apart from :mod:`pipeline.events.antecedents`,
which finds whom descriptions and pronouns in a verb's slots stand for.
"""

from __future__ import annotations

import re

from ..nlp import parse_word
from ..resources import fold
from .antecedents import PRONOUN_GENDER, story_person
from .people import People
from .syntax import Token, folded_set

_WORD = re.compile(r"[А-Яа-яЁё]+")


def possessive_patient(tokens: tuple[Token, ...], token: Token, people: People | None, anchors: set[int]) -> str | None:
    """The person a possessive right before a trigger noun stands for (``Его арест``, ``о его
    аресте``: ``anchors``, those of types whose patient is a person), as :func:`story_person`
    finds them by the pronoun's gender: whose happening it is. Not before the noun of a doer's
    act, nor where the noun names a person of its own (``его нападение на журналиста``), nor
    where a nearer thing may be what the pronoun stands for before a noun of what a thing may
    undergo too (``thing_patient_nouns``, :func:`nearer_thing`)."""
    # "его"/"её" before a noun are its possessor (their forms as objects are the same words)
    gender = PRONOUN_GENDER.get(fold(token.text.lower())) if token.pos in {"PRON", "DET"} else None
    noun = token.index + 1
    if people is None or gender is None or token.pos not in {"PRON", "DET"} or noun not in anchors \
            or token.head != noun or not tokens[noun].lemmas & folded_set("possessor_patient_nouns"):
        return None
    if any(t.head == noun and t.index != token.index and "Animacy=Anim" in t.feats for t in tokens):
        return None
    name = story_person(people, token.start, gender)
    if name is None:
        return None
    named_at = max((p.end if p.end >= 0 else p.start for p in people.named if p.name == name and p.start < token.start),
                   default=token.start)
    of_things = bool(tokens[noun].lemmas & folded_set("thing_patient_nouns"))
    of_bodies = bool(tokens[noun].lemmas & folded_set("body_patient_nouns"))
    return None if of_things and nearer_thing(people.text[named_at:token.start], gender, of_bodies) else name


def nearer_thing(between: str, gender: str, bodies: bool = True) -> bool:
    """A piece of property (``property_nouns``) or, when ``bodies`` (a noun a body may undergo,
    ``body_patient_nouns``), a body (``branch_nouns``, ``org_like_heads``), singular, of the
    pronoun's gender (a neuter one for ``его`` too), stands in the text between a person and a
    possessive (``руководит фондом «Свобода». Его``, ``купил машину. Её``): the pronoun may as
    well stand for it. Another noun (``незаконный обмен``) is not what an arrest or a fine befalls;
    one in a phrase after a preposition (``жил в собственном доме``) or the complement of a noun of
    a person (``автор канала``, ``владелец магазина``) is seldom what a later possessive stands for.

    >>> nearer_thing(" руководит фондом «Свобода». ", "masc"), nearer_thing(" назвал обмен незаконным. ", "masc")
    (True, False)
    >>> nearer_thing(" руководит фондом «Свобода». ", "masc", bodies=False)
    False
    >>> nearer_thing(" жил в старом доме. ", "masc"), nearer_thing(", владелец магазина «Лотос», ", "masc")
    (False, False)
    """
    things = folded_set("property_nouns")
    if bodies:
        things |= folded_set("branch_nouns") | folded_set("org_like_heads")
    genders = {gender, "neut"} if gender == "masc" else {gender}
    words = _WORD.findall(between)
    readings = [parse_word(word.lower())[0] for word in words]
    for k, reading in enumerate(readings):
        if reading.tag.POS != "NOUN" or reading.tag.number != "sing" or reading.tag.gender not in genders \
                or fold(reading.normal_form) not in things:
            continue
        opening = k - 1
        while opening >= 0 and readings[opening].tag.POS in {"ADJF", "PRTF", "NUMR"}:
            opening -= 1
        if opening >= 0 and (readings[opening].tag.POS == "PREP" or (
                readings[opening].tag.POS == "NOUN" and readings[opening].tag.animacy == "anim")):
            continue
        return True
    return False
