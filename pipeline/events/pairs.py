"""A trained merge of one happening told twice: pairs of events the merge rules left apart.

Nothing about one event tells a retelling from its twin, so the step judges *pairs*: two
events of one type and negation, told at most :data:`MAX_SENTENCES` sentences apart, each
described by named binary features (how far apart, shared persons, places, values and days,
the same trigger word, the rules' own verdicts) and scored by a logistic regression stored as
plain weights in ``models/event_pairs.json`` (:mod:`pipeline.linear`; trained by
``scripts/train_event_pairs.py``, judged by ``python -m benchmarks.event_pairs``).

Some things say two tellings are two happenings whatever else they share
(:func:`contradictions`): one side told as earlier (``Его уже задерживали``), days stated
on both sides that differ, a shift of time told between them (``Через неделю ...``), one
named person on each side and not the same one, two different places, a total on one side
only (``Всего задержали 14 человек``), counts, sums or terms that cannot be one value, the
later one told as others besides (``Еще двое ...``), a group counted on one side and one
named person on the other. The model file names which of them are hard vetoes
(``vetoes``); all of them are features too.

Each later event joins the earlier one it most probably retells (at or above the model's
threshold), unless a veto stands between it and any telling of that event's group. Every
pair is judged on the events as the rules left them, so the decision is the same in the
pipeline and in the benchmark that chose the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from .. import linear
from ..resources import fold, load_json
from ..records import COUNT
from ..tag.counts import tag_counts
from ..tag.quantity import quantity_words
from .draft import Draft
from .merge import absorb, compatible, dates_agree, linked, same_stated_day, same_word, values_agree
from .syntax import context, folded_set
from .time_shift import is_number, tells_time_shift

MAX_SENTENCES = 12  # a retelling further away than this is not looked for
MANY_EVENTS = 20  # events in a document: more is a report of many people's happenings
CONTRADICTIONS = ("earlier_one_side", "dates_differ", "time_shift", "single_persons_differ", "places_differ",
                  "summary_one_side", "values_differ", "more_people", "group_and_single")
_WORD = re.compile(r"\w+")


@cache
def pair_model() -> dict | None:
    """The trained weights of ``models/event_pairs.json`` when the file says it is enabled."""
    model = load_json("event_pairs.json")
    return model if model.get("enabled") else None


def _sentence_start(draft: Draft) -> int:
    """Where the sentence telling the draft's trigger starts."""
    e = draft.event
    return max((s for s, t in e.evidence if s <= e.start), default=e.start)


def _sentence_end(draft: Draft) -> int:
    """Where the sentence telling the draft's trigger ends."""
    e = draft.event
    return next((t for s, t in e.evidence if s <= e.start < t), e.end)


def tells_more_people(text: str) -> bool:
    """Others besides those told before: a marker of more (``more_markers`` in
    ``models/event_context.json``), then a count of people (a COUNT mention of
    :func:`~pipeline.tag.counts.tag_counts`, its bound included: ``Еще двое ...``,
    ``еще не менее пяти человек``); not ``ещё`` of time (``ещё не объяснили``, ``ещё в
    марте``, ``ещё раз``), nor a number of time units (``ещё 5 лет назад``, ``ещё 3 часа``).

    >>> tells_more_people("Еще трое были задержаны у вокзала.")
    True
    >>> tells_more_people("Задержание еще не объяснили.")
    False
    >>> tells_more_people("Еще 5 лет назад его задерживали.")
    False
    """
    markers = folded_set("more_markers")
    bounds = frozenset(w for group in quantity_words().approx.values() for phrase in group for w in phrase)
    words = list(_WORD.finditer(text))
    counts = None
    for i, word in enumerate(words):
        if fold(word.group()) not in markers:
            continue
        k = i + 1
        while k < len(words) and fold(words[k].group()) in bounds:
            k += 1
        if k < len(words) and is_number(fold(words[k].group())):
            if counts is None:  # tagged once, only where a number follows a marker
                counts = {m.start for m in tag_counts(text) if m.type == COUNT}
            if i + 1 < len(words) and words[i + 1].start() in counts:
                return True
    return False


def _group(draft: Draft) -> bool:
    """A telling that counts more than one person (``задержали шестерых``)."""
    count = draft.event.count
    return count is not None and (count.low or 0) > 1


def _one_named(draft: Draft) -> bool:
    """A telling of one named person and no count of more."""
    return len(draft.event.persons) == 1 and not _group(draft)


def contradictions(a: Draft, b: Draft, text: str) -> frozenset[str]:
    """What says the later ``b`` is another happening than ``a`` (names in :data:`CONTRADICTIONS`)."""
    x, y = a.event, b.event
    found = set()
    if a.telling.marked_earlier != b.telling.marked_earlier:
        found.add("earlier_one_side")
    if a.date_stated and b.date_stated and x.date and y.date and not dates_agree(x.date, y.date):
        found.add("dates_differ")
    if x.sent_id != y.sent_id:
        end = _sentence_end(a)
        if tells_time_shift(text[min(end, _sentence_start(b)): y.start]) and not same_stated_day(a, b):
            found.add("time_shift")
    if len(x.persons) == 1 and len(y.persons) == 1 and x.persons != y.persons:
        found.add("single_persons_differ")
    if x.place and y.place and x.place != y.place:
        found.add("places_differ")
    total = next((d for d in (a, b) if d.telling.summary), None)
    if a.telling.summary != b.telling.summary and not total.event.persons:
        found.add("summary_one_side")  # a named person's "в итоге" is an ending, no total
    if not values_agree(a, b):
        found.add("values_differ")
    # others besides: in b's sentence, after a's trigger when one sentence tells both
    if tells_more_people(text[max(_sentence_start(b), x.end) if x.sent_id == y.sent_id else _sentence_start(b):
                              _sentence_end(b)]):
        found.add("more_people")
    if (_group(a) and _one_named(b)) or (_group(b) and _one_named(a)):
        found.add("group_and_single")
    return frozenset(found)


def _gap(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2_3" if n <= 3 else "4_7" if n <= 7 else "far"


def pair_features(a: Draft, b: Draft, text: str, between: int = 0, events: int = 0) -> frozenset[str]:
    """Named binary features of the pair (``a`` told first), its contradictions among them;
    ``between`` is how many events of their type are told between them, ``events`` how many
    events the document tells (a long report's events are many people's, a news story's few):
    at run time every event of the document (:func:`merge_pairs`); in
    ``benchmarks/event_pairs.py`` on an OVD-Info report only those on its development pages."""
    x, y = a.event, b.event
    ctx = context()
    word_told = (frozenset(ctx["word_told_types"]), frozenset(ctx["word_told_across_sentences"]))
    found = {f"type_{x.type}", f"sentences_{_gap(y.sent_id - x.sent_id)}",
             f"paragraphs_{_gap(b.paragraph - a.paragraph)}", f"between_{_gap(between)}",
             "document_events_many" if events > MANY_EVENTS else "document_events_few"}
    if set(x.actors) & set(y.actors):
        found.add("actors_shared")
    for side, draft in (("a", a), ("b", b)):
        if draft.date_stated:
            found.add(f"{side}_date_stated")
    shared = set(x.persons + a.patients) & set(y.persons + b.patients)
    found.add("persons_shared" if shared else "persons_both" if x.persons and y.persons
              else "persons_one" if x.persons or y.persons else "persons_none")
    found.add("place_same" if x.place and x.place == y.place else "place_one" if x.place or y.place
              else "place_none")
    if x.date and y.date:
        found.add("date_same_day" if x.date == y.date and x.date.precision == "day"
                  else "dates_agree" if dates_agree(x.date, y.date) else "dates_disagree")
    else:
        found.add("date_one" if x.date or y.date else "date_none")
    if any(p is not None and p == q for p, q in ((x.count, y.count), (x.money, y.money), (x.term, y.term))):
        found.add("value_shared")
    elif any(p is not None and q is not None for p, q in ((x.count, y.count), (x.money, y.money), (x.term, y.term))):
        found.add("values_both")
    if same_word(a, b):
        found.add("same_word")
    if compatible(a, b):
        found.add("rules_compatible")
    if linked(a, b, frozenset(ctx["separate_types"]), *word_told, by_noun=True):
        found.add("rules_linked")
    for side, draft in (("a", a), ("b", b)):
        t = draft.telling
        for flag in ("summary", "nominal", "later", "repeated", "back_reference", "retelling", "listed"):
            if getattr(t, flag):
                found.add(f"{side}_{flag}")
        if draft.members:
            found.add(f"{side}_merged")
    return frozenset(found | contradictions(a, b, text))


def candidate_pairs(drafts: Sequence[Draft]) -> list[tuple[int, int, int]]:
    """(earlier, later) positions of drafts of one type and negation, told close enough, and
    how many drafts of that type lie between them."""
    pairs = []
    for j, b in enumerate(drafts):
        same = [i for i in range(j) if drafts[i].event.type == b.event.type
                and drafts[i].event.negated == b.event.negated]
        for k, i in enumerate(same):
            if 0 <= b.event.sent_id - drafts[i].event.sent_id <= MAX_SENTENCES:
                pairs.append((i, j, len(same) - k - 1))
    return pairs


def plan_merges(n: int, scored: Sequence[tuple[int, int, float, frozenset[str]]], threshold: float,
                vetoes: frozenset[str]) -> list[int]:
    """Each draft's group (the position of its group's first draft) from scored pairs
    ``(i, j, probability, contradictions)``: a later draft joins the group of the earlier one
    it most probably retells, at or above ``threshold``, unless a veto stands between it and
    any draft of that group.

    >>> plan_merges(3, [(0, 1, 0.9, frozenset()), (0, 2, 0.8, frozenset()), (1, 2, 0.7, frozenset({"x"}))],
    ...             0.5, frozenset({"x"}))
    [0, 0, 2]
    """
    group = list(range(n))
    members = {i: [i] for i in range(n)}
    vetoed = {(i, j) for i, j, _, found in scored if found & vetoes}
    best: dict[int, list[tuple[float, int]]] = {}
    for i, j, p, _ in scored:
        if p >= threshold and (i, j) not in vetoed:
            best.setdefault(j, []).append((p, i))
    for j in sorted(best):
        for _, i in sorted(best[j], key=lambda c: (-c[0], c[1])):
            root = group[i]
            if not any((k, j) in vetoed for k in members[root]):
                group[j] = root
                members[root].append(j)
                break
    return group


def merge_pairs(drafts: list[Draft], text: str, model: dict | None) -> list[Draft]:
    """The drafts with each retelling the model finds merged into the event it retells."""
    if model is None or len(drafts) < 2:
        return drafts
    vetoes = frozenset(model.get("vetoes", ()))
    scored = []
    for i, j, between in candidate_pairs(drafts):
        features = pair_features(drafts[i], drafts[j], text, between, len(drafts))
        scored.append((i, j, linear.probability(model, features), features & frozenset(CONTRADICTIONS)))
    return apply_groups(drafts, plan_merges(len(drafts), scored, model["threshold"], vetoes))


def apply_groups(drafts: Sequence[Draft], group: Sequence[int]) -> list[Draft]:
    """Each group's drafts absorbed, in order, into a copy of its first one (the drafts
    given are left as they were)."""
    kept: dict[int, Draft] = {}
    for position, draft in enumerate(drafts):
        root = group[position]
        if root == position:
            kept[position] = replace(draft, members=list(draft.members))
            continue
        for part in (replace(draft, members=[]), *draft.members):
            absorb(kept[root], part)
    return list(kept.values())
