"""Where and when: dates and places carried from sentence to sentence.

Testimony states a date or place once and tells several happenings under it.
The rules, as a coder applies them:

- a date stated in a paragraph carries to the later events of that paragraph,
  never into another paragraph (``No date when the paragraph gives none``);
- ``в этот день`` takes the last day the text named, wherever it was;
- a rally told with no date of its own in a paragraph that gives none is the
  rally the text is telling about: the last dated one (``На поданную ... заявку на
  проведение митинга`` after ``28 января ... выйти на митинг``), and its date then
  carries in its paragraph; not in a summary paragraph (``По итогам полугода``);
- ``за день до`` / ``накануне`` a dated happening is the day before it;
- a place is carried in its paragraph when it frames a past-tense main clause
  (``только в Алматы, ... митинги проводились``; ``листовок по городу Алматы``),
  not when it qualifies a noun (``трагедии в Жана Озене``) or a generic present
  statement (``в Казахстане они считаются незаконными``);
- ``там``, ``в этом регионе`` is the last place named before it.

Paragraphs are lines of the clean text; a paragraph after a link line (its
caption) belongs with it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from .syntax import Token, folded_set
from ..records import DateValue

URL = re.compile(r"^\s*(?:https?://|www\.)", re.IGNORECASE)


def paragraph_units(text: str) -> tuple[list[int], list[int], list[bool]]:
    """Paragraph starts, their unit ids, and whether each is a link line or caption.

    >>> paragraph_units("Текст.\\nhttp://x.kz — 24 марта.\\nМитинг.\\nhttp://y.kz")[1:]
    ([0, 1, 1, 2], [False, True, True, True])
    """
    starts, units, captions = [], [], []
    unit, offset, after_link = -1, 0, False
    for line in text.split("\n"):
        is_link = bool(URL.match(line))
        if not (after_link and not is_link and line.strip()):
            unit += 1
        starts.append(offset)
        units.append(unit)
        captions.append(is_link or after_link)
        after_link = is_link or (after_link and not line.strip())
        offset += len(line) + 1
    return starts, units, captions


def unit_of(layout, offset: int) -> tuple[int, bool]:
    """The paragraph unit and caption flag at a clean-text offset."""
    starts, units, captions = layout
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    return units[i], captions[i]


def day_before(date: DateValue | None) -> DateValue | None:
    """The day before a day-precise date; other dates are kept.

    >>> day_before(DateValue(dt.date(2012, 3, 24), dt.date(2012, 3, 24), "day")).start
    datetime.date(2012, 3, 23)
    """
    if date is None or date.precision != "day":
        return date
    day = date.start - dt.timedelta(days=1)
    return replace(date, start=day, end=day)


def frames_clause(tokens: tuple[Token, ...], index: int) -> bool:
    """A place word frames its sentence: an adverbial of a past-tense main verb,
    through a container noun (``по городу Алматы``)."""
    containers = folded_set("place_container_heads")
    for token in reversed(tokens[:index]):  # "то, что в Астане было запланировано ..."
        if token.pos == "PUNCT":
            break
        if token.lemmas & folded_set("subordinators"):
            return False
    current = index
    while tokens[current].head >= 0 and tokens[current].rel in {"flat", "flat:name", "appos", "nmod"}:
        head = tokens[current].head
        if not tokens[head].lemmas & containers:
            return False  # qualifies a noun: "трагедии в Жана Озене"
        current = head
    if tokens[current].rel not in {"obl", "advmod"}:
        return False
    verb = tokens[current].head
    if verb < 0 or "Tense=Past" not in tokens[verb].feats:
        return False
    head = tokens[verb].head
    return head < 0 or (tokens[verb].rel == "conj" and tokens[head].head < 0)


def carry_dates(drafts, date_anchors, rally_dates_blocked: set[int]) -> None:
    """Give dateless drafts the last date stated before them in their paragraph, or,
    for a single rally, the date of the last dated rally; then shift ``за день до``."""
    anchors = sorted(date_anchors, key=lambda a: a[1])  # (unit, offset, date)
    last_rally: DateValue | None = None
    for draft in sorted(drafts, key=lambda d: d.start):
        if draft.date is None:
            same = [a for a in anchors if a[0] == draft.paragraph and a[1] < draft.start]
            if draft.listed:  # the date of the first listed topic is not the others'
                same = [a for a in same if a[1] < draft.evidence[0][0]]
            if same and draft.retelling:
                draft.fallback_date = same[-1][2]
            elif same:
                draft.date = same[-1][2]
            elif draft.type == "protest" and draft.single and draft.paragraph not in rally_dates_blocked:
                draft.date = last_rally
        if draft.date is not None:
            bisect.insort(anchors, (draft.paragraph, draft.start, draft.date), key=lambda a: a[1])
        if draft.type == "protest" and draft.single and draft.date is not None:
            last_rally = draft.date
    for draft in drafts:
        if draft.day_before:
            draft.date = day_before(draft.date)


def carry_places(drafts, place_anchors) -> None:
    """Give placeless drafts the last framing place before them in their paragraph."""
    for draft in drafts:
        if draft.place is None:
            same = [a for a in place_anchors if a[0] == draft.paragraph and a[1] < draft.start]
            if same:
                draft.place = same[-1][2]


def place_situated_events(merged) -> None:
    """An event told as happening at a rally (``во время акции``, ``на месте
    митинга``) takes the rally's place: the rally told in its paragraph."""
    rallies = [e for e in merged if e.type == "protest" and e.place]
    for event in merged:
        if event.place or event.type == "protest":
            continue
        for telling in [event, *event.members]:
            if not telling.situated:
                continue
            near = [r for r in rallies if any(t.paragraph == telling.paragraph for t in [r, *r.members])]
            if near:
                event.place = near[0].place
                break
