"""A body named with the city or region it serves: ``мэрия Москвы``, ``суд Ленинского района``.

Both outside benchmarks (NEREL, FactRuEval) read ``мэрия Москвы`` as one organisation, and
so does the mentions table: one ORG holding the LOC ``Москвы`` (SPEC: mentions may nest).
The place is still where the body sits, and where what it does happens unless a sentence
says otherwise: the events stage reads the body and its place apart
(:func:`served_place_body_end`), as it reads a place named outright. A country after a
body is its jurisdiction, no scene (``Правительство Японии``), and a proper name or an
abbreviation keeps its place as part of the name (``КГБ Беларуси``): neither is read apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import LOC, ORG, Mention
from .gazetteer import place_kind
from .nesting import nested_in
from .orgs import is_standalone_body, org_head
from .org_names import keeps_place

_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*")
# A district or region named by its adjective: ``Первомайского района``.
DISTRICT_AT_END = re.compile(
    r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*(?:ого|его|ой|ей) (?:района|области|края|округа)$")
# A city marker between a body and its city: ``суд … г. Бишкека``, ``мэрии города Оша``.
_CITY_MARKER = re.compile(r"\s*(?:(?:г|гор)\.?|город[а-я]{0,2})\s*$", re.IGNORECASE)
# What may stand between a body and the place it serves: a space, or a city marker.
PLACE_GAP = re.compile(r" (?:(?:г|гор)\. ?|город[а-я]{0,2} )?")
_ENDS_IN_PREPOSITION = re.compile(r"(?<![\w-])(?:по|при)$")


def headed_by_standalone_body(surface: str) -> bool:
    """Whether an organisation's name is a state body named by its common noun (``Мэрия``,
    ``Заречный районный суд``), not an abbreviation or a proper name (``Минюст России``).

    >>> headed_by_standalone_body("Мэрия Казани"), headed_by_standalone_body("Минюст России")
    (True, False)
    """
    words = _WORD.findall(surface)
    head = org_head(words)
    return head is not None and is_standalone_body(words[head]) and not keeps_place(words[head:])


def served_place_body_end(surface: str, place_start: int, country: bool = False) -> int | None:
    """Where the body's own name ends in ``surface`` (an organisation's name) when the
    place from ``place_start`` to its end is the city or region the body serves; None
    when it is no such place: a country (``country``), a place in a quoted name or in
    the body's field (``управление по Тверской области``), or a body with a name of its own.

    >>> s = "Заречный районный суд г. Бишкека"
    >>> s[:served_place_body_end(s, 25)]
    'Заречный районный суд'
    >>> served_place_body_end("Коммунистическая партия Казахстана", 24) is None
    True
    >>> served_place_body_end("Правительство Японии", 14, country=True) is None
    True
    """
    if country or "«" in surface or not 0 < place_start < len(surface) or not headed_by_standalone_body(surface):
        return None
    end = len(_CITY_MARKER.sub("", surface[:place_start]).rstrip())
    if end == 0 or _ENDS_IN_PREPOSITION.search(surface, 0, end):
        return None
    words = _WORD.findall(surface[:end])
    if not words or org_head(words) is None:
        return None
    return end


def bodies_apart(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions as the events stage reads them: a body named with the city or region
    it serves (one ORG ``мэрия Москвы`` holding the LOC ``Москвы``) cut back to the body's
    own name, so the place lies in no other mention and is read as a place named outright
    is (the scene, an event's place). Same length and order: an argument's index still
    names the same mention.

    >>> found = [Mention("ORG", 0, 12, "мэрии Москвы"), Mention("LOC", 6, 12, "Москвы", "Москва")]
    >>> [m.text for m in bodies_apart("мэрии Москвы", found)]
    ['мэрии', 'Москвы']
    >>> found = [Mention("ORG", 0, 13, "МВД Беларуси"), Mention("LOC", 4, 13, "Беларуси", "Беларусь")]
    >>> [m.text for m in bodies_apart("МВД Беларуси", found)]
    ['МВД Беларуси', 'Беларуси']
    """
    holders = nested_in(mentions)
    view = list(mentions)
    # Each body's places, last first: ``суд Ленинского района Самары`` is cut back past
    # ``Самары`` and then past ``Ленинского района``, as both are where it sits.
    for i in sorted(range(len(mentions)), key=lambda i: -mentions[i].start):
        holder = holders[i]
        if holder is None or mentions[i].type != LOC or mentions[holder].type != ORG:
            continue
        body, place = view[holder], mentions[i]
        if place.end != body.end:
            continue  # not at the end of what is left of the body's name
        kind = place_kind(place.normal or place.text)
        end = served_place_body_end(text[body.start : body.end], place.start - body.start,
                                    country=kind is not None and kind[0] == "country")
        if end is not None:
            view[holder] = replace(body, end=body.start + end, text=text[body.start : body.start + end])
    return view
