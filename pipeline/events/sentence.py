"""Reading one sentence: its triggers, each made a draft with its arguments, actors and telling.

A parsed sentence's triggers are found (:mod:`~pipeline.events.triggers`), the
mentions and words that fill their roles assigned (:mod:`~pipeline.events.arguments`),
their actors read (:mod:`~pipeline.events.actors`) and how each is told noted
(:class:`~pipeline.events.draft.Telling`). The paragraph's scene (dates, places) is
carried later, over the whole document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..nlp import parse_word
from ..records import DATE, LOC, VENUE, Argument, DateValue, Event, Mention, Sentence
from ..tag.gazetteer import place_kind
from .actors import admitted, resolve_actors
from .aggregate import tells_total
from .arguments import TREE_LINKED, Found, assign_arguments
from .clauses import is_time_reference, participle_stretch, relative_clause, states_happening, time_clause
from .counts import attendance_count, participants_count
from .grounds import ground_phrase, names_happening
from .draft import Draft, Telling
from .gapping import gapped_drafts
from .realis import Judgement, PersonSpans, Where, judge, rule_of
from .people import NARRATOR, People, is_relative
from .backstory import marked_earlier, scoped_earlier_markers, told_before_the_story
from .place_names import place_name
from .scene import Scene, SentenceScene
from .suppressed import is_recording, note
from .syntax import (
    PLACE_IN,
    PlacedMention,
    Token,
    children,
    context,
    context_patterns,
    find_pattern,
    folded_set,
    has_pattern,
    heads_up,
    is_bare_plural,
    span_head,
)
from .time_shift import names_what_follows, tells_time_shift
from .triggers import TriggerHit, find_actors, find_triggers, word_lemmas

_WORD = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Document:
    """What a sentence is read against: the document's text and mentions, its people
    and the scene gathered so far."""

    text: str
    mentions: Sequence[Mention]
    people: People
    scene: Scene
    persons: PersonSpans  # the spans of ``mentions`` naming persons, for the realis step


@dataclass(frozen=True, slots=True)
class Candidate:
    """A trigger the lexicon found and the realis step's decision on it (kept for
    measuring that step: ``benchmarks/realis.py``)."""

    type: str
    start: int
    end: int
    sentence: tuple[int, int]
    judgement: Judgement


def read_sentence(doc: Document, sentence: Sentence, sent_id: int, tokens: tuple[Token, ...],
                  placed: list[PlacedMention], told: SentenceScene, earlier: list[Draft],
                  judged: list[Candidate] | None = None) -> list[Draft]:
    """The drafts of one parsed sentence, in text order; ``earlier`` are the drafts of the
    sentences before (a count of those attending goes to the paragraph's rally).

    Every candidate trigger is judged by the realis step; only those telling a specific
    happening become drafts (the others go to ``judged`` too, when it is given)."""
    actors = find_actors(tokens)
    hits = find_triggers(tokens, placed, actors)
    found = assign_arguments(tokens, hits, placed, actors, doc.people)
    where = Where(told.endnote, sentence.text)
    # every cue only when the candidates are kept for measuring the realis step
    judgements = [judge(tokens, hit, args, doc.mentions, where, doc.persons, every_cue=judged is not None)
                  for hit, args in zip(hits, found)]
    if judged is not None:
        judged += [Candidate(h.type, h.start, h.end, (sentence.start, sentence.end), j)
                   for h, j in zip(hits, judgements)]
    if is_recording():
        for hit, j in zip(hits, judgements):
            if not j.specific:
                rule = rule_of(j.cues)[1] if j.probability is None else "classifier"
                note(f"realis {j.label}: {rule}", hit.type, hit.start, hit.end)
    if not all(j.specific for j in judgements) or told.relative_days:
        # what a dropped candidate held goes back to the happenings told beside it; a day
        # counted in words (judged without it, as the realis step was trained) goes to its trigger
        hits = [h for h, j in zip(hits, judgements) if j.specific]
        found = assign_arguments(tokens, hits, placed, actors, doc.people, told.relative_days)
    anaphoric_place = doc.scene.anaphoric_place(tokens, told.unit)
    drafts: list[Draft] = []
    for hit, args in zip(hits, found):
        telling = telling_of(tokens, hit, told.caption, _stated_date(doc, args))
        if told.another_case:
            telling = replace(telling, another_case=True)
        stated = tuple(dict.fromkeys(str(a) for a in args.best("actor")))
        acted = resolve_actors(hit.type, stated, tokens, hit, actors)
        if not acted and hit.type == "permit_denied" and telling.about_application:
            # "поданную в Акимат заявку ... был получен отказ": the body applied to
            acted = tuple(dict.fromkeys(a for a in actors.values() if admitted(hit.type, a)))
        draft = _draft(doc, sentence, sent_id, told.unit, hit, args, acted, telling, tokens)
        if hit.type == "protest" and draft.event.count is None \
                and (doers := participants_count(tokens, placed, hit)) is not None:
            draft.update(count=doers.mention.value,
                         arguments=draft.event.arguments + (Argument("count", doers.index),))
        if telling.listed and drafts:
            _drop_earlier_topics_scene(draft, doc.mentions, drafts[-1].event.end)
        if draft.event.place is None and anaphoric_place is not None:
            draft.locate(anaphoric_place, "sentence: там")
        drafts.append(draft)
    drafts += gapped_drafts(tokens, drafts, placed)  # ", двоих других — к 5 суткам"
    drafts = without_venue_loss(drafts)
    for draft in drafts:
        if told.summing:  # told inside a summing paragraph or list
            draft.told(summary=True)
        if draft.event.date is None and told.heading_date is not None:
            draft.update(date=told.heading_date)
    attach_attendance(tokens, placed, told.unit, drafts, earlier)
    return drafts


def _stated_date(doc: Document, args: Found) -> DateValue | None:
    """The date the sentence states for a trigger: its closest date argument with a value."""
    values = (i if isinstance(i, DateValue) else doc.mentions[i].value for i in args.best("date"))
    return next((value for value in values if value is not None), None)


def _draft(doc: Document, sentence: Sentence, sent_id: int, paragraph: int, hit: TriggerHit,
           args: Found, actors: tuple[str, ...], telling: Telling, tokens=()) -> Draft:
    """A trigger, the arguments found for it, its actors and how it is told, as a draft."""
    mentions, arguments = doc.mentions, []

    def first_value(role):
        for index in args.best(role):
            if isinstance(index, DateValue):  # a day counted from the last named one
                return index
            value = mentions[index].value
            if value is not None:
                arguments.append(Argument(role, index))
                return value
        return None

    persons, patients = [], []
    for value in dict.fromkeys(args.best("person")):
        if isinstance(value, str):  # the narrator or a named relation, read from a pronoun or noun
            (patients if value == NARRATOR or is_relative(value) else persons).append(value)
            continue
        persons.append(mentions[value].normal or mentions[value].text)
        arguments.append(Argument("person", value))
    place, place_by = None, None
    for index in most_specific_place(args, mentions, tokens)[:1]:
        place_by = place_source(args, index)
        if isinstance(index, str):  # a city read from its adjective
            place = index
            continue
        if (within := standing_in(tokens, mentions, index)) != index:
            place_by, index = "sentence: the place it stands in", within
        place = place_name(mentions[index])
        arguments.append(Argument("place", index))
    # in this order: the arguments of an event list persons, place, date, count, amount, term
    date = first_value("date")
    count, money, term = first_value("count"), first_value("amount"), first_value("term")
    event = Event(
        type=hit.type, start=hit.start, end=hit.end, trigger=doc.text[hit.start:hit.end], sent_id=sent_id,
        negated=hit.negated, date=date, place=place, persons=tuple(dict.fromkeys(persons)),
        actors=actors, count=count, money=money, term=term, arguments=tuple(arguments),
        evidence=((sentence.start, sentence.end),),
    )
    counted = next((i for i in args.best("date") if isinstance(i, DateValue)), None)
    until = sentence.end if counted is not None and counted == date else None
    if until is None and tokens and (dated := next((a for a in arguments if a.role == "date"), None)):
        # a happening named as what a charge or a case is about ("дело возбуждено в связи со
        # столкновениями 11 октября"): its day is its own and dates nothing told after it
        mention = mentions[dated.mention]
        covered = [t.index for t in tokens if mention.start <= t.start and t.end <= mention.end]
        if ground_phrase(tokens, covered) is not None:
            until = hit.end
        elif covered and ((clause := time_clause(tokens, covered[0])) is not None
                          or ((clause := participle_stretch(tokens, covered[0])) is not None
                              and _dated_outside(tokens, mentions, sentence, clause))):
            # "После того как 3 мая прошел пикет, его задержали", "Рябову, задержанную в марте, ...":
            # that happening's day stops with its clause
            until = tokens[clause[-1]].end
        elif covered and states_happening(tokens, covered, hit, participle=True) is not None:
            # "срок за нападение, совершённое в 2014 году": a participle's time is its noun's only,
            # the time of no happening told after it
            until = hit.end
    return Draft(event, paragraph, telling, date_stated=date is not None,
                 patients=tuple(dict.fromkeys(persons + patients)), date_until=until, place_by=place_by)


def _dated_outside(tokens: tuple[Token, ...], mentions: Sequence[Mention], sentence: Sentence, clause: range) -> bool:
    """The sentence states a date outside the clause (its own clause's time)."""
    low, high = tokens[clause[0]].start, tokens[clause[-1]].end
    return any(m.type == DATE and sentence.start <= m.start < sentence.end and not low <= m.start < high
               for m in mentions)


def place_source(args: Found, value: int | str) -> str:
    """Which reading of its sentence gave a trigger the place ``value`` (a trace): the
    parse, a coordinated trigger's, the words beside it, a city's adjective, a venue's
    body, a court's seat, a person's home town."""
    score, candidate = min(((s, c) for s, c in args.by_role.get("place", []) if c.value == value),
                           key=lambda pair: pair[0])
    kind = ("court seat" if candidate.seat else "venue" if candidate.venue else "origin" if candidate.origin
            else "adjective" if candidate.mention is None else "parse" if score < TREE_LINKED else "words")
    return "sentence: " + kind + (" (coordinated)" if score % 1 == 0.5 else "")


# How wide a place is: a country holds regions, a region cities, a city its districts and
# venues (a street, square, building: ``mentions.place_kind`` ``venue``).
PLACE_LEVELS = {"country": 0, "region": 1, "city": 2, "district": 3, "venue": 4}


ORIGIN_PREPOSITIONS = frozenset({"из", "с", "со", "от"})  # where a thing or person comes from


def standing_in(tokens, mentions: Sequence[Mention], index: int) -> int:
    """The place told right before the chosen one with a preposition between (``у памятника
    пожарным на Проспекте Победы``, ``у здания суда в Кирове``) stands in it: that place,
    when the gazetteer does not make it the wider one, is the happening's; not a place of
    origin (``из Москвы``). Read from the words, since a parse often hangs the second place on
    another verb."""
    place = mentions[index]
    at = next((t.index for t in tokens if t.start == place.start), None)
    if at is None or at < 2 or tokens[at - 1].pos != "ADP" or tokens[at - 1].text.lower() not in PLACE_IN:
        return index
    end = tokens[at - 2].end
    before = next((i for i in range(index - 1, max(index - 4, -1), -1)
                   if mentions[i].type == LOC and mentions[i].end == end), None)
    if before is None:
        return index
    # "в автобусе из Москвы в Твери": a place of origin or route on a noun is never the venue
    first = next((t.index for t in tokens if t.start == mentions[before].start), None)
    if first and tokens[first - 1].text.lower() in ORIGIN_PREPOSITIONS:
        return index

    def level(m: Mention) -> int:
        if m.place_kind == VENUE:
            return PLACE_LEVELS["venue"]
        kind = place_kind(place_name(m))
        return PLACE_LEVELS.get(kind[0], -1) if kind else -1

    inner, outer = level(mentions[before]), level(place)
    return before if inner >= 0 and inner >= outer else index


def coordinated(tokens, first: Sequence[int], other: Sequence[int]) -> bool:
    """Whether two phrases are conjuncts of one another (``в Карелии и Петрозаводске``)."""
    if not tokens:
        return False
    return any(tokens[a].rel == "conj" and tokens[a].head in first for a in other) or any(
        tokens[a].rel == "conj" and tokens[a].head in other for a in first)


def most_specific_place(args: Found, mentions: Sequence[Mention], tokens=()) -> list[int | str]:
    """The place candidates of a trigger, closest first, but a wider place never before a
    narrower one inside it that the trigger's tree also reaches (``полиция Казахстана
    задержала студентов в Кентау``, ``собрались в центре Гомеля на площади Ленина``): the
    guidelines take the most specific named place of the happening. Only a place the
    gazetteer knows, or a named venue, gives way: one the gazetteer puts in another country
    is not inside it, and one it does not know may be anywhere. Where a person is from
    (``активиста из Мценска Олега Жукова``) is no place of the happening: it comes first
    only when the gazetteer puts it inside the country the clause names."""
    ranked = sorted(args.by_role.get("place", []), key=lambda pair: pair[0])
    order = [candidate.value for _, candidate in ranked]
    if len(ranked) < 2:
        return order

    def kind_of(candidate) -> tuple[int, str] | None:
        """(level, country code) of a candidate; a venue's country is unknown ("")."""
        value = candidate.value
        if candidate.venue or not isinstance(value, str) and mentions[value].place_kind == VENUE:
            return PLACE_LEVELS["venue"], ""
        kind = place_kind(value if isinstance(value, str) else place_name(mentions[value]))
        return (PLACE_LEVELS[kind[0]], kind[1]) if kind and kind[0] in PLACE_LEVELS else None

    first = kind_of(ranked[0][1])
    if first is None or first[0] == PLACE_LEVELS["venue"]:
        return order
    for score, candidate in ranked[1:]:
        if score >= TREE_LINKED:
            break
        kind = kind_of(candidate)
        if kind is None or kind[0] <= first[0] or coordinated(tokens, ranked[0][1].tokens, candidate.tokens):
            continue  # "в Карелии и Петрозаводске": two places side by side, neither inside the other
        if candidate.origin and (first[0] != PLACE_LEVELS["country"] or kind[0] == PLACE_LEVELS["venue"]):
            continue  # a home town before a region or a venue: still not the scene
        same_country = bool(kind[1]) and kind[1] == first[1]
        if same_country or (not candidate.origin and (not kind[1] or not first[1])):
            order.remove(candidate.value)
            return [candidate.value, *order]
    return order


def telling_of(tokens: tuple[Token, ...], hit: TriggerHit, caption: bool, date: DateValue | None) -> Telling:
    """How the trigger is told: a total, a caption, a back-reference, the day before, …

    Each flag is one reading a coder makes of the words around the trigger; the merge
    and carry-over rules (:mod:`~pipeline.events.merge`, :mod:`~pipeline.events.scene`)
    consult them. One reading per line, so the function is long but flat.
    """
    ctx, first, anchor = context(), hit.tokens[0], tokens[hit.anchor]
    phrase = [c for c in range(len(tokens)) if hit.anchor in heads_up(tokens, c, 3) or c == hit.anchor]
    retelling = bool(
        # a participle standing for people ("среди арестованных") names them by what was told
        ("VerbForm=Part" in anchor.feats and "Variant=Short" not in anchor.feats
         and anchor.rel not in {"amod", "acl", "root", "conj"})
        # one qualifying people ("двое задержанных студентов", "арестованная гражданка") too, of
        # the happenings told apart by who they befell (a charge or a ruling is told by its words)
        or hit.type in ctx["separate_types"] and qualifies_people(tokens, hit.anchor)
        # serving a sentence ("отбывает срок в колонии") retells the sentence passed
        or any(tokens[i].lemmas & folded_set("serving_verbs") for i in [hit.anchor, *heads_up(tokens, hit.anchor, 2)]))
    marker = find_pattern(tokens, context_patterns("day_before_markers"), 0, first)
    earlier_markers = scoped_earlier_markers(tokens, hit.anchor)
    return Telling(
        summary=tells_total(tokens, first, hit.anchor, date is not None and date.precision == "day"),
        caption=caption,
        back_reference=(
            (anchor.pos == "NOUN" and any(tokens[c].lemmas & folded_set("back_reference")
                                          for c in phrase if c != hit.anchor))
            or has_pattern(tokens, [["по", "факт"], ["несмотря", "на"]], first - 3, first)
            or retelling),
        about_application=any(
            t.lemmas & folded_set("application_words") for t in tokens[max(0, first - 10) : first + 10]),
        # "за день до дня проведения митинга": the rally named in the marker is the reference
        # (a bare "накануне" is the day before the last named day: :mod:`.scene`'s counted step)
        day_before=marker is not None and first - marker > 6 and not (
            tokens[marker].text.lower() == "накануне" and not names_what_follows(tokens, marker + 1)),
        single=not is_bare_plural(tokens, hit.anchor),
        # a noun coordinated with an earlier noun of the sentence: one topic of a list
        listed=(anchor.pos == "NOUN" and anchor.rel == "conj" and 0 <= anchor.head < first
                and tokens[anchor.head].pos in {"NOUN", "PROPN"}),
        # "еще раз", "снова"; or other people's ("аресты нескольких других студентов"): the word
        # qualifies a noun of the trigger's phrase, not the trigger itself ("Другой задержанный по
        # делу, X, рассказал": a participle naming one of the people told before)
        repeated=has_pattern(tokens, context_patterns("repeat_markers"), first - 4, first + 2)
        or any(tokens[c].lemmas & folded_set("another_markers") for c in phrase
               if c != hit.anchor and tokens[c].head != hit.anchor),
        additive=any(t.lemmas & folded_set("additive_markers") for t in tokens[max(0, first - 2):first + 3])
        or find_pattern(tokens, context_patterns("additive_openers"), 0, min(first, 2)) is not None,
        ground=ground_of(tokens, hit),
        particular=has_pattern(tokens, context_patterns("particular_markers"), 0, first),
        later=has_pattern(tokens, context_patterns("later_markers"), 0, first),
        undated_past=told_before_the_story(tokens, hit.anchor, first, earlier_markers),
        marked_earlier=marked_earlier(tokens, hit.anchor, earlier_markers),
        shifted=tells_time_shift(" ".join(t.text for t in tokens[:first])),
        inchoative="VerbForm=Inf" in anchor.feats and anchor.head >= 0 and bool(
            tokens[anchor.head].lemmas & folded_set("phase_verbs")),
        retelling=retelling,
        nominal=anchor.pos == "NOUN",
        present=standing_present(tokens, hit.anchor),
        going_on=standing_present(tokens, hit.anchor, "going_on_verbs"),
        by_participants=named_by_participants(tokens, hit.anchor),
        anaphoric=told_of_those_before(tokens, hit.anchor),
        relative=bool(relative_clause(tokens, hit.anchor)),
        clause=sum(t.text == ";" for t in tokens[:first]),
        timed_against=is_time_reference(tokens, hit.anchor) or time_clause(tokens, hit.anchor) is not None,
    )


_GROUND_WORDS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_CLAUSE_RELS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "parataxis", "punct"})


def ground_of(tokens: tuple[Token, ...], hit: TriggerHit) -> frozenset[str]:
    """What a charge, case, ruling or refusal is about: the lemmas of the phrase after a ground
    preposition (``ground_prepositions``) on a word of the trigger or its object that takes one
    (``ground_heads``: ``обвинили в растрате``, ``дело о клевете``, ``виновным в хулиганстве``,
    ``отказал в освобождении под залог``), generic words (``статья``, ``УК``) aside."""
    heads = folded_set("ground_heads")
    trigger = set(hit.tokens)
    takers = [t.index for t in tokens if t.lemmas & heads and (t.index in trigger or t.head in trigger)]
    prepositions = folded_set("ground_prepositions")
    found: set[str] = set()
    for taker in takers:
        for c in children(tokens, taker):
            if tokens[c].pos in {"NOUN", "PROPN"} and any(
                    tokens[k].rel == "case" and tokens[k].lemmas & prepositions for k in children(tokens, c)):
                found |= _phrase_lemmas(tokens, c)
    return frozenset(found)


def _phrase_lemmas(tokens: tuple[Token, ...], root: int) -> set[str]:
    """The lemmas of the content words of the phrase under ``root``, its clauses and generic
    words (``ground_generic_words``) aside."""
    generic = folded_set("ground_generic_words")
    found, todo = set(), [root]
    while todo:
        at = todo.pop()
        if tokens[at].pos in _GROUND_WORDS and not tokens[at].lemmas & generic:
            found |= tokens[at].lemmas
        todo.extend(c for c in children(tokens, at) if tokens[c].rel not in _CLAUSE_RELS)
    return found


def qualifies_people(tokens: tuple[Token, ...], anchor: int) -> bool:
    """The trigger is a past passive participle qualifying a noun of people (``двое задержанных
    студентов``, ``арестованная гражданка``, ``журналиста, задержанного в Анкаре``): it names them
    by a happening that befell them, told before or not, rather than telling it."""
    token = tokens[anchor]
    if token.rel not in {"amod", "acl"} or token.head < 0 or not _past_passive_participle(token.text):
        return False
    head = tokens[token.head]
    return head.pos == "PROPN" or head.pos == "NOUN" and "Animacy=Anim" in head.feats


def named_by_participants(tokens: tuple[Token, ...], anchor: int) -> bool:
    """A rally noun said of a noun of taking part (``participation_nouns``: ``участников акции``,
    ``организаторов митинга``, ``за участие в шествии``): the people are named by the rally,
    which the sentence refers to, not tells."""
    token = tokens[anchor]
    return (token.pos in {"NOUN", "PROPN"} and token.rel in {"nmod", "obl"} and token.head >= 0
            and bool(tokens[token.head].lemmas & folded_set("participation_nouns")))


_PATIENT_RELS = frozenset({"obj", "iobj", "nsubj:pass"})


def told_of_those_before(tokens: tuple[Token, ...], anchor: int) -> bool:
    """The trigger verb's patient is a third-person plural pronoun (``их доставили``, ``они были
    доставлены``) or a past passive participle standing for people (``задержанных отвезли``):
    those a happening told before befell, not people told anew. The subject of a passive (a
    short participle) is its patient; an active verb's subject is its doer."""
    verb = tokens[anchor]
    if verb.pos not in {"VERB", "AUX"} and "Variant=Short" not in verb.feats:
        return False
    passive = "Variant=Short" in verb.feats or "Voice=Pass" in verb.feats
    for t in tokens:
        if t.head != anchor or not (t.rel in _PATIENT_RELS or passive and t.rel == "nsubj"):
            continue
        if t.pos == "PRON" and "Number=Plur" in t.feats and "они" in t.lemmas:
            return True
        if t.pos != "PRON" and _past_passive_participle(t.text):
            return True
    return False


def _past_passive_participle(word: str) -> bool:
    """Every reading pymorphy3 gives the word is a full past passive participle (``задержанных``,
    ``доставленные``), the form that names people by what was done to them.

    >>> _past_passive_participle("задержанных"), _past_passive_participle("студентов")
    (True, False)
    """
    readings = parse_word(word.lower())
    return bool(readings) and all({"PRTF", "past", "pssv"} <= p.tag.grammemes for p in readings)


def standing_present(tokens: tuple[Token, ...], anchor: int, verbs: str = "standing_verbs") -> bool:
    """The happening is told as a charge or state still standing: the trigger, or the verb
    it depends on, is a present-tense verb of ``standing_verbs`` (``его обвиняют``,
    ``содержится под арестом``), or of the list named by ``verbs``. Any other present tense
    (``его избивают в отделе``) is the historical present of testimony, told at the time of its story."""
    standing = folded_set(verbs)
    return any(tokens[i].pos in {"VERB", "AUX"} and "Tense=Pres" in tokens[i].feats and tokens[i].lemmas & standing
               for i in [anchor, *heads_up(tokens, anchor, 1)])


def without_venue_loss(drafts: list[Draft]) -> list[Draft]:
    """A lease cancelled in the sentence that tells an event was stopped (``конференция
    была сорвана: ... администрация отеля расторгла договор аренды``) is how it was
    stopped: part of that refusal, not an eviction of its own."""
    if not any(d.event.type == "permit_denied" for d in drafts):
        return drafts
    lease = folded_set("lease_words")
    kept = []
    for d in drafts:
        if d.event.type == "eviction" and _lemmas(_WORD.findall(d.event.trigger)) & lease:
            note("sentence: lease cancelled in a refusal", d.event.type, d.event.start, d.event.end)
        else:
            kept.append(d)
    return kept


def _lemmas(words: list[str]) -> frozenset[str]:
    return frozenset().union(*map(word_lemmas, words)) if words else frozenset()


def _drop_earlier_topics_scene(draft: Draft, mentions: Sequence[Mention], previous_end: int) -> None:
    """A listed topic (``о задержании ... 3 мая в Самаре, обыске и угрозах``) does not
    take the date and place told after the topic before it: those are that topic's."""
    event = draft.event
    earlier = {a for a in event.arguments if a.role in {"date", "place"}
               and previous_end <= mentions[a.mention].start and mentions[a.mention].end <= event.start}
    if not earlier:
        return
    changes: dict = {"arguments": tuple(a for a in event.arguments if a not in earlier)}
    if any(a.role == "date" for a in earlier):
        changes["date"], draft.date_stated = None, False
    if any(a.role == "place" for a in earlier):
        changes["place"] = None
    draft.update(**changes)


def attach_attendance(tokens: tuple[Token, ...], placed: list[PlacedMention], unit: int,
                      sentence_drafts: list[Draft], earlier: list[Draft]) -> None:
    """``присутствовало порядка тысячи человек``: a count of those attending is the
    rally's, in this sentence or the last one told in the paragraph."""
    found = attendance_count(tokens, placed)
    if found is None:
        return
    rallies = [d for d in sentence_drafts if d.event.type == "protest"]
    rallies = rallies or [d for d in earlier if d.event.type == "protest" and d.paragraph == unit][-1:]
    for rally in rallies[:1]:
        if rally.event.count is None:
            rally.update(count=found.mention.value, arguments=rally.event.arguments + (Argument("count", found.index),))


def dates_a_paper_or_telling(tokens: tuple[Token, ...], at: int, precision: str = "day") -> bool:
    """By the parse, a date that names when a paper was written or a source told, not a
    happening: a noun dated by ``от`` (``протокола от 2 февраля``, ``Письмом от 12 ноября``)
    that names no happening itself (``приговор от 5 мая`` is the ruling's day) and is not a
    case named by its date (``по делу от``: :func:`~.grounds.ground_phrase`); the day of a
    verb of telling (``Как сообщило издание 12 апреля, ...``, ``9 ноября подтвердил, что ...``),
    not a year's or a month's (``О давлении ... в 2012 году рассказал``: what the account is of)."""
    head, tellers = tokens[at].head, folded_set("telling_verbs")
    if ground_phrase(tokens, [at]) is not None:
        return False
    # the parse often hangs such a date on the sentence's verb; the words say it too: ``от``
    # right before the date and a noun right before ``от``
    first = min((t.index for t in tokens if t.head == at and t.rel == "case"), default=at)
    noun = first - 1 if first >= 1 and tokens[first].text.lower() == "от" and tokens[first - 1].pos in {"NOUN", "PROPN"} \
        else (head if head >= 0 and tokens[first].text.lower() == "от" and tokens[head].pos in {"NOUN", "PROPN"} else None)
    if noun is not None and not names_happening(tokens[noun]):
        return True
    # not a date opening its sentence: that is the narrative's day, which the telling only
    # confirms (``4 июля представители армии подтвердили факт задержания``)
    opening = all(t.pos in {"ADP", "PUNCT"} for t in tokens[:first])
    if precision != "day":  # a source tells on a day; "в 2012 году рассказал" is what the account is of
        return False
    if head >= 0 and tokens[at].rel in {"obl", "obl:tmod", "advmod"} and tokens[head].pos == "VERB" \
            and tokens[head].lemmas & tellers and not opening:
        return True
    # or its stretch between commas tells who told it and nothing else (``Как сообщило издание
    # «Вестник» 12 апреля, в Самаре задержали ...``)
    low = max((t.index for t in tokens[:at] if t.text == ","), default=-1) + 1
    high = min((t.index for t in tokens[at:] if t.text == ","), default=len(tokens))
    verbs = [t for t in tokens[low:high] if t.pos in {"VERB", "AUX"}]
    return high < len(tokens) and len(verbs) == 1 and bool(verbs[0].lemmas & tellers) and verbs[0].index < at


def dates_a_document(tokens: tuple[Token, ...], placed: PlacedMention) -> bool:
    """A date naming a law or decree (``Указом Президента от 1997 года``) or a birth year,
    not a happening."""
    mention = placed.mention
    if mention.type != DATE:
        return False
    at = span_head(tokens, placed.tokens)
    if at is None:
        return False
    documents = folded_set("document_heads")
    parsed = any(t.head >= 0 for t in tokens)
    near = heads_up(tokens, at, 2) if parsed else list(range(max(0, at - 3), at))
    if any(tokens[h].lemmas & documents for h in near):
        return True
    if parsed and (dated := dates_a_paper_or_telling(tokens, at, getattr(mention.value, "precision", "day"))):
        return dated
    # A birth year dates no happening: "1984 года рождения", "1987 г. р." and "1987 г.р" (the
    # marker inside the span or right after it, the abbreviation's points skipped), "родился
    # в 1987 году" and "род. в 1987 году" (the verb just before it).
    words = tuple(t for t in tokens if t.pos != "PUNCT")
    first = next((i for i, t in enumerate(words) if t.start >= mention.start), len(words))
    after = next((i for i, t in enumerate(words) if t.start >= mention.end), len(words))
    return (has_pattern(words, context_patterns("birth_markers"), first + 1, after + 2)
            or has_pattern(words, context_patterns("birth_markers_before"), first - 3, first))
