"""A story about one place: its place carried beyond the paragraph.

A place is carried within its paragraph (:mod:`.scene`), never inferred from the rest of
the document, with one exception (``data/annotated/README.md``, Place): in a story under a
headline, when every happening the document places is in one town, region or country (or in
one town or region and the country the gazetteer puts it in), that place is the story's, as
a dateline would say, and a happening whose paragraph names no other place takes it, once
the text has named it before the happening. The story's place itself (``правительство
Москвы``), its country (``граждан России``) and a place inside quotation marks (a slogan) are
no other place; the story's place as a destination (``доставили в Гаагу``) is: the happening was
elsewhere. Not a happening told as earlier (``ранее``, ``в
прошлом``: another story's), not a venue's story (a street, a square, a prison), not a story
that moves between places, not an author's first-person account.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..nlp import parse_word
from ..records import LOC
from ..tag.gazetteer import canonical_place, place_kind
from ..tag.place_kinds import place_kind as venue_kind
from .draft import Draft
from .paragraphs import unit_of
from .place_names import place_name


def story_place(places: Sequence[str]) -> str | None:
    """The one place of a document's placed happenings: all one place that is no venue, or
    a town or region and the country the gazetteer puts it in (the town); else None.

    >>> story_place(["Тбилиси", "Тбилиси"]), story_place(["Грузия", "Тбилиси"]), story_place(["Массачусетс"])
    ('Тбилиси', 'Тбилиси', 'Массачусетс')
    >>> story_place(["Омск", "Томск"]), story_place(["Болотная площадь"]), story_place(["Россия", "Тбилиси"])
    (None, None, None)
    >>> story_place(["Лондон", "Испания"]), story_place(["Омск", "Россия", "Тверская улица"]), story_place([])
    (None, None, None)
    """
    names = {canonical_place(p) for p in places}
    if len(names) == 1:
        name = names.pop()
        return None if venue_kind(name) else name
    if len(names) != 2:
        return None
    kinds = {name: place_kind(name) for name in names}
    countries = [n for n, k in kinds.items() if k and k[0] == "country"]
    towns = [n for n, k in kinds.items() if k and k[0] != "country"]
    if len(countries) != 1 or len(towns) != 1:
        return None
    code = kinds[countries[0]][1]
    return towns[0] if code and kinds[towns[0]][1] == code else None


def names_the_story(name: str, story: str) -> bool:
    """The place is the story's own or the country the gazetteer puts it in: a paragraph
    naming it (``правительство Москвы``, ``граждан России``) tells no other place.

    >>> names_the_story("Москва", "Москва"), names_the_story("Россия", "Москва"), names_the_story("Россия", "Россия")
    (True, True, True)
    >>> names_the_story("Томск", "Омск"), names_the_story("Казахстан", "Омск"), names_the_story("Омск", "Россия")
    (False, False, False)
    """
    name = canonical_place(name)
    if name == story:
        return True
    kind, home = place_kind(name) or ("", ""), place_kind(story) or ("", "")
    return kind[0] == "country" and home[0] != "country" and bool(kind[1]) and kind[1] == home[1]


# first-person pronouns per word outside quotation marks from which a text is its author's own
# account (a statement, a letter), whose paragraphs keep their places: the development
# statements have 2.9 to 4.8 in 100 words, the news articles at most 1.4 but one (3.7), an
# article made of a person's unquoted words
FIRST_PERSON_SHARE = 0.02
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“]*“|\"[^\"\n]*\"")
WORD = re.compile(r"[А-Яа-яЁё]+")


def told_in_first_person(text: str) -> bool:
    """The text is an account its author gives of what befell them (``я``, ``мы``, ``меня``,
    ``нас`` by pymorphy3: first-person pronouns outside quotation marks, at least
    ``FIRST_PERSON_SHARE`` of its words): testimony, not a story told of others.

    >>> told_in_first_person("Меня задержали у дома. Нас везли в отдел, мне не дали позвонить.")
    True
    >>> told_in_first_person("Его задержали у дома. «Нас везли в отдел», — сказал он.")
    False
    """
    words = WORD.findall(QUOTED.sub(" ", text))
    first = sum(1 for w in words if any(p.tag.POS == "NPRO" and p.tag.person == "1per"
                                        for p in parse_word(w.lower())[:1]))
    return first >= FIRST_PERSON_SHARE * max(len(words), 1)


def carry_story_place(merged: list[Draft], scene, headline: int, text: str = "") -> None:
    """Give a placeless happening the story's one place (:func:`story_place` of the merged
    happenings' places and the places framing a clause, :attr:`~.scene.Scene.places`) when none of its tellings' paragraphs names another place (:func:`names_the_story`, not as where someone was sent; not inside quotation marks), the text
    named that place before its first telling in the body (a headline's retells it), and it is not told as earlier. Only in a
    story under a headline (``headline``: where the document's headline ends,
    :func:`~.merge.headline_end`; 0 for a text opening with a sentence, whose paragraphs
    keep their places). ``scene``: the document's :class:`~.scene.Scene` (its layout,
    paragraphs and mentions). Not in a first-person account (:func:`told_in_first_person`)."""
    # the places of its happenings and every place the text frames a clause with (a place the
    # events missed still makes the story move)
    framed = [anchor[2] for anchor in scene.places]
    story = story_place([d.event.place for d in merged if d.event.place] + framed) if headline else None
    if story is None or told_in_first_person(text):
        return
    def block(offset: int) -> int:  # the paragraph a news text sets apart by blank lines, else the line's
        unit = unit_of(scene.layout, offset)[0]
        return scene.date_scopes.get(unit, (unit, 0))[0]

    places = [m for m in scene.mentions if m.type == LOC]
    named = [m.start for m in places if canonical_place(place_name(m)) == story]
    if not named:
        return
    quoted = [match.span() for match in QUOTED.finditer(text)]
    # the story's place as where someone was sent ("доставили в Гаагу") tells the happening
    # was elsewhere: it stops the carry as another place does
    others = [m for m in places if not (names_the_story(place_name(m), story) and m.start not in scene.goals)
              and not any(start <= m.start < end for start, end in quoted)]
    first, placed_blocks = min(named), {block(m.start) for m in others}
    for draft in merged:
        if draft.event.place is not None:
            continue
        tellings = [draft, *draft.members]
        if any(t.telling.marked_earlier for t in tellings):
            continue
        starts = [t.event.start for t in tellings]
        body = [s for s in starts if s >= headline] or starts  # a headline retells the body's telling
        if min(body) > first and not {block(s) for s in starts} & placed_blocks:
            draft.locate(story, "story")
