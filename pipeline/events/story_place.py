"""A story about one place: its place carried beyond the paragraph.

A place is carried within its paragraph (:mod:`.scene`), never inferred from the rest of
the document, with one exception (``data/annotated/README.md``, Place): in a story under a
headline, when every happening the document places is in one town, region or country (or in
one town or region and the country the gazetteer puts it in), that place is the story's, as
a dateline would say, and a happening whose paragraph names no place at all takes it, once
the text has named it before the happening. Not a happening told as earlier (``ранее``, ``в
прошлом``: another story's), not a venue's story (a street, a square, a prison), not a story
that moves between places.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import LOC
from ..tag.gazetteer import canonical_place, place_kind
from ..tag.place_kinds import place_kind as venue_kind
from .draft import Draft
from .scene import place_name, unit_of


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


def carry_story_place(merged: list[Draft], scene, headline: int) -> None:
    """Give a placeless happening the story's one place (:func:`story_place` of the merged
    happenings' places) when none of its tellings' paragraphs names any place, the text
    named that place before its first telling in the body (a headline's retells it), and it is not told as earlier. Only in a
    story under a headline (``headline``: where the document's headline ends,
    :func:`~.merge.headline_end`; 0 for a text opening with a sentence, whose paragraphs
    keep their places). ``scene``: the document's :class:`~.scene.Scene` (its layout,
    paragraphs and mentions)."""
    story = story_place([d.event.place for d in merged if d.event.place]) if headline else None
    if story is None:
        return
    def block(offset: int) -> int:  # the paragraph a news text sets apart by blank lines, else the line's
        unit = unit_of(scene.layout, offset)[0]
        return scene.date_scopes.get(unit, (unit, 0))[0]

    places = [m for m in scene.mentions if m.type == LOC]
    named = [m.start for m in places if canonical_place(place_name(m)) == story]
    if not named:
        return
    first, placed_blocks = min(named), {block(m.start) for m in places}
    for draft in merged:
        if draft.event.place is not None:
            continue
        tellings = [draft, *draft.members]
        if any(t.telling.marked_earlier for t in tellings):
            continue
        starts = [t.event.start for t in tellings]
        body = [s for s in starts if s >= headline] or starts  # a headline retells the body's telling
        if min(body) > first and not {block(s) for s in starts} & placed_blocks:
            draft.update(place=story)
