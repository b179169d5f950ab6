"""Places: which a sentence frames, and carried to the happenings told without their own.

A place carries within its paragraph when it frames a past-tense main clause or heads its
line (``Тверь: суд арестовал ...``), not when it qualifies a noun; a court's ruling is not
at the place of the protest it answers; a court or office named with its town frames what it
did. After merging, a happening takes the place another happening of its paragraph was told
at. (A happening told as at a rally, ``во время акции``, no longer takes the rally's place:
round 12 found that rule right on no development event and wrong on four of the statements
it was written for, whose gold gives those rulings no place.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..tag.gazetteer import place_kind
from .draft import Draft
from .paragraphs import by_unit
from .places import ANSWERED_TYPES
from .syntax import Token, context, folded_set


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
    return _past_main_verb(tokens, tokens[current].head)


def _past_main_verb(tokens: tuple[Token, ...], verb: int) -> bool:
    """The word is a past-tense (or short-form) verb of the main clause, or a conjunct of it."""
    # an infinitive or a participle of the main clause tells its place too ("вышли выступить
    # против войны в Барнауле")
    while verb >= 0 and tokens[verb].rel in {"xcomp", "advcl"} and "Tense=Past" not in tokens[verb].feats:
        verb = tokens[verb].head
    if verb < 0 or not ("Tense=Past" in tokens[verb].feats or "Variant=Short" in tokens[verb].feats):
        return False
    head = tokens[verb].head
    return head < 0 or (tokens[verb].rel == "conj" and tokens[head].head < 0)


def seats_acting_body(tokens: tuple[Token, ...], index: int, bodies: set[int]) -> bool:
    """A place read apart from the body it serves (``суд Самары``, ``мэрия Ярославля``:
    :func:`~pipeline.tag.body_places.bodies_apart`; ``bodies``: the tokens of the sentence's
    organisations) when that body is the subject of a past-tense main clause: the body sits
    there, and what it did happened there (``data/ovdinfo/README.md``: ``Ленинский суд Самары``
    → ``Самара``), whatever the parse makes of the clauses after it."""
    body = tokens[index].head
    if tokens[index].rel != "nmod" or body not in bodies or tokens[body].rel != "nsubj":
        return False
    return _past_main_verb(tokens, tokens[body].head)


def heads_its_line(tokens: tuple[Token, ...], covered: Sequence[int]) -> bool:
    """A place opening its sentence, after nothing but a dash or bullet, and followed by a
    colon (``— Казань: задержаны ...``, ``Омск: суд арестовал ...``): a list entry or a
    dateline about that place, which is the scene of what the entry tells."""
    if not covered or covered[-1] + 1 >= len(tokens) or tokens[covered[-1] + 1].text != ":":
        return False
    return all(t.pos == "PUNCT" or not t.text.isalnum() for t in tokens[:covered[0]])


# happenings at a venue, where the people were: a paragraph's one place is theirs, a square
# or a monument too; an office's, a court's or a paper's act (a refusal, a warning, a fine)
# is done in the town, not at the venue
VENUE_TYPES = frozenset({"protest", "detention", "violence", "surveillance", "eviction"})


def frames_happening(event_type: str, place: str) -> bool:
    """The paragraph's one place is where the happening was: any place for a happening at
    a venue, only a town, region or country the gazetteer knows for an office's act."""
    return event_type in VENUE_TYPES or place_kind(place) is not None


def carry_places(drafts: list[Draft], place_anchors, scene_anchors=None, headings=frozenset()) -> None:
    """Give placeless drafts the last framing place before them in their paragraph; a
    draft told before any is in the paragraph's place when the paragraph frames one place
    only, where things happen rather than where someone went (``scene_anchors``: ``решено
    провести акцию ... Были распространены листовки по городу Омску``), and that place
    fits it (:func:`frames_happening`: an office's refusal is not at the rally's monument).
    ``headings``: the anchors ``(unit, offset)`` of places heading their line (``Тверь: суд
    арестовал ...``), which frame every happening of the line, rulings too."""
    place_anchors = by_unit(place_anchors)
    scene_anchors = by_unit(scene_anchors or ())
    rulings = frozenset(context()["ruling_types"])
    answered = answered_places(drafts)
    for draft in drafts:
        if draft.event.place is None:
            anchors = place_anchors[draft.paragraph]
            same = [a for a in anchors if a[1] < draft.event.start]
            if draft.event.type in rulings:  # never the place of the protest it answers; a town
                # named before a protest at a venue holds its court, another town does not
                if same and _answered(same[-1], answered, headings):
                    if place_kind(same[-1][2]) is not None:
                        continue
                    same = [a for a in same if not _answered(a, answered, headings) and place_kind(a[2]) is not None]
                anchors = [a for a in anchors if not _answered(a, answered, headings)]
            if same:
                draft.locate(same[-1][2], "paragraph: framing place before")
            elif anchors and len({a[2] for a in anchors}) == 1 and scene_anchors[draft.paragraph]:
                place = scene_anchors[draft.paragraph][0][2]
                if frames_happening(draft.event.type, place) and place == anchors[0][2]:
                    draft.locate(place, "paragraph: its one scene")


def answered_places(drafts: list[Draft]) -> defaultdict[int, list[tuple[int, int, str | None]]]:
    """Paragraph unit -> the sentences telling a protest, an action broken up or an attack, with
    its place (None when its sentence gave it none of its own): a place named in such a
    sentence is where that happened (``1 мая в Твери на демонстрации были задержаны ...``), and
    a court's ruling that answers it is not there (``data/ovdinfo/README.md``, places of
    rulings), though the court's own place is; a town's total of arrests with no protest told
    frames its rulings (``Всего за июнь в Уральске задержано ..., из них арестованы``)."""
    found: defaultdict[int, list[tuple[int, int, str | None]]] = defaultdict(list)
    for draft in drafts:
        # a town's totals over a period (``По итогам полугода, только в X, митинги проводились``)
        # frame the penalties counted with them: no one protest they answer
        if draft.event.type in ANSWERED_TYPES and not draft.telling.summary:
            found[draft.paragraph] += [(start, end, draft.event.place) for start, end in draft.event.evidence]
    return found


def _answered(anchor, answered: defaultdict[int, list[tuple[int, int, str | None]]], headings=frozenset()) -> bool:
    """Whether a place anchor stands in a sentence telling a protest or an attack there; a
    place heading its line (``headings``: unit, offset) frames all the line tells."""
    if (anchor[0], anchor[1]) in headings:
        return False
    return any(start <= anchor[1] < end and place in {None, anchor[2]} for start, end, place in answered[anchor[0]])


def carry_event_places(merged: list[Draft]) -> None:
    """Once tellings are merged: a happening told with no place takes the place an earlier
    happening of its paragraph was told at (``В Кургане вышли два человека ... На
    Лапшина напали``); a court's ruling only from another ruling or an
    investigator's act, never the venue of the protest it punishes. After merging, so a
    carried place never keeps two tellings of one happening apart."""
    rulings = frozenset(context()["ruling_types"])
    told: defaultdict[int, list[tuple[int, str, str]]] = defaultdict(list)  # paragraph -> offset, place, type
    protests: defaultdict[int, list[tuple[int, str]]] = defaultdict(list)  # paragraph -> offset, place
    for draft in sorted(merged, key=lambda d: d.event.start):
        event = draft.event
        if event.place is None:
            answered = {place for start, place in protests[draft.paragraph] if start < event.start}
            same = [t for t in told[draft.paragraph] if t[0] < event.start
                    # a ruling is not where the protest or arrest it answers happened, even when
                    # an act in between took that place (a charge carried from the protest)
                    and (event.type not in rulings or (t[2] in rulings or t[2] == "other") and t[1] not in answered)]
            if same:
                draft.locate(same[-1][1], "paragraph: an earlier happening's")
        else:
            told[draft.paragraph].append((event.start, event.place, event.type))
            if event.type in ANSWERED_TYPES and not draft.telling.summary:
                protests[draft.paragraph].append((event.start, event.place))

