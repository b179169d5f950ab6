"""The events stage: sentences and mentions in, typed events with arguments out.

Per sentence: a cheap lemma test first; only a sentence that may hold a trigger
or names a place is parsed (natasha, once), its triggers found
(:mod:`pipeline.events_triggers`), mentions attached (:mod:`pipeline.events_arguments`)
and actors read (:mod:`pipeline.events_actors`). Per document: dates and places
carried (:mod:`pipeline.events_scene`), one happening told twice merged
(:mod:`pipeline.events_merge`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence

from .events_actors import admitted, inherit_refusal_actors, resolve_actors
from .events_aggregate import ListHeading, sums_up, tells_total
from .events_arguments import (
    NARRATOR,
    Found,
    assign_arguments,
    attendance_count,
    head_token,
    read_people,
)
from .events_context import (
    Token,
    context,
    find_pattern,
    folded_set,
    has_pattern,
    heads_up,
    is_bare_plural,
)
from .events_gapping import gapped_drafts
from .events_merge import Draft, merge_drafts, to_event
from .events_scene import (
    carry_dates,
    carry_places,
    frames_clause,
    paragraph_units,
    place_situated_events,
    unit_of,
)
from .events_triggers import (
    find_actors,
    find_triggers,
    may_trigger,
    parse_sentences,
    word_lemmas,
)
from .nlp import Models, parse_word
from .records import DATE, LOC, Argument, DateValue, Event, Mention, Sentence
from .tag.nesting import nested_in, outermost
from .tag.gazetteer import canonical_place

_WORD = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")



def place_name(mention: Mention) -> str:
    """An event's place: one name per place (``Жана Озене`` and ``Жанаозен`` agree)."""
    return canonical_place(mention.normal or mention.text)

def build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    models: Models,
    doc_date: dt.date | None = None,
) -> tuple[Event, ...]:
    """Events of one document's clean text, in text order, merged."""
    layout = paragraph_units(text)
    drafts: list[Draft] = []
    date_anchors: list[tuple[int, int, DateValue]] = []  # paragraph unit, offset, date
    place_anchors: list[tuple[int, int, str]] = []
    summary_units: set[int] = set()
    seen_units: set[int] = set()
    last_day: DateValue | None = None
    heading = ListHeading()  # a list under "Итоги:" / "Сводные данные за март:"
    by_sentence = _mentions_by_sentence(sentences, mentions)
    outer = outermost(mentions)
    people = read_people(text, mentions)
    words_of = [_WORD.findall(s.text) for s in sentences]
    to_parse = [
        may_trigger(words) or any(m.type == LOC for _, m in inside)
        for words, inside in zip(words_of, by_sentence)
    ]
    parsed = iter(parse_sentences([s for s, p in zip(sentences, to_parse) if p], models))
    for sent_id, sentence in enumerate(sentences):
        unit, caption = unit_of(layout, sentence.start)
        inside, parse = by_sentence[sent_id], to_parse[sent_id]
        tokens = next(parsed) if parse else _light_tokens(sentence)
        if unit not in seen_units and sums_up(tokens):
            summary_units.add(unit)  # "По итогам полугода": nothing carries into it
        seen_units.add(unit)
        inside = [(i, m) for i, m in inside if not _document_date(tokens, m)]
        listed_total, heading_date = heading.read(sentence.text, tokens, [
            m.value for _, m in inside if m.type == DATE and isinstance(m.value, DateValue)])
        for i, m in inside:
            if m.type == DATE and isinstance(m.value, DateValue) and m.value.precision != "year":
                if _opens(tokens, m) or caption:  # a link line dates its caption
                    date_anchors.append((unit, m.start, m.value))
                if m.value.precision == "day":
                    last_day = m.value
            if m.type == LOC and parse:
                at = head_token(tokens, m.start, m.end)
                if at is not None and frames_clause(tokens, at):
                    place_anchors.append((unit, m.start, place_name(m)))
        if last_day is not None and has_pattern(tokens, context()["date_anaphora"], 0, len(tokens)):
            date_anchors.append((unit, sentence.start, last_day))
        elif last_day is not None:
            later = _days_later(tokens)  # "на следующий день", "через два дня"
            if later:
                day = last_day.start + dt.timedelta(days=later)
                date_anchors.append((unit, sentence.start, DateValue(day, day, "day")))
        if not parse:
            _attach_attendance(tokens, inside, unit, [], drafts)
            continue
        actors = find_actors(tokens)
        hits = find_triggers(tokens, tuple(m for _, m in inside), actors)
        found = assign_arguments(tokens, hits, inside, actors, people)
        anaphoric_place = _anaphoric_place(tokens, outer, unit, layout)
        sentence_drafts = []
        for hit, args in zip(hits, found):
            draft = _draft(text, sentence, sent_id, unit, hit, args, mentions)
            draft.actors = resolve_actors(hit.type, draft.actors, tokens, hit, actors)
            _describe_telling(draft, tokens, hit, caption)
            if not draft.actors and draft.type == "permit_denied" and draft.about_application:
                # "поданную в Акимат заявку ... был получен отказ": the body applied to
                draft.actors = tuple(dict.fromkeys(a for a in actors.values() if admitted(hit.type, a)))
            if draft.listed and sentence_drafts:
                _drop_earlier_topics_scene(draft, mentions, sentence_drafts[-1].end)
            draft.place = draft.place or anaphoric_place
            sentence_drafts.append(draft)
        sentence_drafts += gapped_drafts(tokens, sentence_drafts, inside)  # ", двоих других — к 5 суткам"
        sentence_drafts = without_venue_loss(sentence_drafts)
        if unit in summary_units or listed_total:  # told inside a summing paragraph or list
            for draft in sentence_drafts:
                draft.summary = True
        for draft in sentence_drafts:
            draft.date = draft.date or heading_date
        _attach_attendance(tokens, inside, unit, sentence_drafts, drafts)
        drafts.extend(sentence_drafts)
    inherit_refusal_actors(drafts)
    carry_dates(drafts, date_anchors, summary_units)
    carry_places(drafts, place_anchors)
    for draft in drafts:
        if draft.count is not None and len(draft.persons) > draft.count.high:
            n = len(draft.persons)
            draft.count = type(draft.count)(n, n, draft.count.approx)
    merged = merge_drafts(drafts, frozenset(context()["separate_types"]))
    place_situated_events(merged)
    for event in merged:  # a retelling that retold nothing keeps its paragraph's date
        event.date = event.date or event.fallback_date
    return tuple(to_event(d) for d in merged)


def without_venue_loss(drafts: list[Draft]) -> list[Draft]:
    """A lease cancelled in the sentence that tells an event was stopped (``конференция
    была сорвана: ... администрация отеля расторгла договор аренды``) is how it was
    stopped: part of that refusal, not an eviction of its own."""
    if not any(d.type == "permit_denied" for d in drafts):
        return drafts
    lease = folded_set("lease_words")
    return [d for d in drafts if not (d.type == "eviction" and _lemmas(_WORD.findall(d.trigger)) & lease)]


def _mentions_by_sentence(sentences, mentions) -> list[list[tuple[int, Mention]]]:
    """(index, mention) pairs of each sentence, by where the mention starts; mentions
    nested in another (``РФ`` in ``МВД РФ``) are left out."""
    starts = [s.start for s in sentences]
    found: list[list[tuple[int, Mention]]] = [[] for _ in sentences]
    holders = nested_in(mentions)
    for i, mention in enumerate(mentions):
        if holders[i] is not None:
            continue  # a place inside an organisation's name is not an argument of its own
        k = bisect.bisect_right(starts, mention.start) - 1
        if k >= 0 and mention.start < sentences[k].end:
            found[k].append((i, mention))
    return found


def _lemmas(words: list[str]) -> frozenset[str]:
    return frozenset().union(*map(word_lemmas, words)) if words else frozenset()


def _light_tokens(sentence: Sentence) -> tuple[Token, ...]:
    """Unparsed tokens for a sentence with no trigger: lemmas and whether a word is a
    preposition are all the date anchors need."""
    tokens = []
    for i, match in enumerate(_WORD.finditer(sentence.text)):
        word = match.group()
        best = parse_word(word.lower())[0].tag
        pos = "PUNCT" if not word[0].isalnum() else ("ADP" if "PREP" in best else "X")
        tokens.append(Token(i, sentence.start + match.start(), sentence.start + match.end(), word,
                            word_lemmas(word), pos, -1, ""))
    return tuple(tokens)


def _days_later(tokens) -> int:
    """Days after the last named day that a relative phrase opening the clause counts."""
    for pattern, days in context()["relative_days"]:
        at = find_pattern(tokens, [pattern], 0, min(len(tokens), 8))
        if at is not None:
            return days
    return 0


def _opens(tokens, mention: Mention) -> bool:
    """The mention opens its sentence (only prepositions before it)."""
    return all(t.pos in {"ADP", "PUNCT"} for t in tokens if t.end <= mention.start)


def _document_date(tokens, mention: Mention) -> bool:
    """A date naming a law or decree (``Указом Президента от 1997 года``), not a happening."""
    if mention.type != DATE:
        return False
    at = head_token(tokens, mention.start, mention.end)
    if at is None:
        return False
    documents = folded_set("document_heads")
    parsed = any(t.head >= 0 for t in tokens)
    near = heads_up(tokens, at, 2) if parsed else list(range(max(0, at - 3), at))
    if any(tokens[h].lemmas & documents for h in near):
        return True
    # "1984 года рождения", "1987 г.р.": a birth year dates no happening
    after = next((t.index for t in tokens if t.start >= mention.end), len(tokens))
    return has_pattern(tokens, context()["birth_markers"], after - 1, after + 1)


def _anaphoric_place(tokens, mentions, unit, layout) -> str | None:
    """``там``, ``в этом регионе``: the last place named before it in the paragraph."""
    at = find_pattern(tokens, context()["place_anaphora"], 0, len(tokens))
    if at is None:
        return None
    before = [m for m in mentions if m.type == LOC and m.start < tokens[at].start
              and unit_of(layout, m.start)[0] == unit]
    return place_name(before[-1]) if before else None


def _describe_telling(draft: Draft, tokens, hit, caption: bool) -> None:
    """How the trigger is told: summary, caption, back-reference, day before, ..."""
    ctx = context()
    first = hit.tokens[0]
    draft.caption = caption
    day_span = draft.date is not None and draft.date.precision == "day"
    draft.summary = tells_total(tokens, first, hit.anchor, day_span)
    phrase = [c for c in range(len(tokens)) if hit.anchor in heads_up(tokens, c, 3) or c == hit.anchor]
    anchor = tokens[hit.anchor]
    draft.retelling = bool(
        # a participle standing for people ("среди арестованных") names them by what was told
        ("VerbForm=Part" in anchor.feats and "Variant=Short" not in anchor.feats
         and anchor.rel not in {"amod", "acl", "root", "conj"})
        # serving a sentence ("отбывает срок в колонии") retells the sentence passed
        or any(tokens[i].lemmas & folded_set("serving_verbs") for i in [hit.anchor, *heads_up(tokens, hit.anchor, 2)]))
    draft.back_reference = (
        (anchor.pos == "NOUN" and any(tokens[c].lemmas & folded_set("back_reference") for c in phrase if c != hit.anchor))
        or has_pattern(tokens, [["по", "факт"], ["несмотря", "на"]], first - 3, first)
        or draft.retelling
    )
    draft.about_application = any(
        t.lemmas & folded_set("application_words") for t in tokens[max(0, first - 10) : first + 10]
    )
    marker = find_pattern(tokens, ctx["day_before_markers"], 0, first)
    # "за день до дня проведения митинга": the rally named in the marker is the reference
    draft.day_before = marker is not None and first - marker > 6
    draft.situated = any(
        has_pattern(tokens, ctx["situating_before_protest"], i - 3, i)
        for i, t in enumerate(tokens) if t.lemmas & {"митинг", "акция", "пикет", "шествие", "собрание"}
    )
    draft.single = not is_bare_plural(tokens, hit.anchor)
    # a noun coordinated with an earlier noun of the sentence: one topic of a list
    draft.listed = anchor.pos == "NOUN" and anchor.rel == "conj" and 0 <= anchor.head < first \
        and tokens[anchor.head].pos in {"NOUN", "PROPN"}
    draft.repeated = has_pattern(tokens, ctx["repeat_markers"], first - 4, first + 2)
    draft.particular = has_pattern(tokens, ctx["particular_markers"], 0, first)
    draft.inchoative = "VerbForm=Inf" in anchor.feats and anchor.head >= 0 and bool(
        tokens[anchor.head].lemmas & folded_set("phase_verbs"))


def _drop_earlier_topics_scene(draft: Draft, mentions, previous_end: int) -> None:
    """A listed topic (``о задержании ... 3 мая в Самаре, обыске и угрозах``) does not
    take the date and place told after the topic before it: those are that topic's."""
    earlier = {a for a in draft.arguments if a.role in {"date", "place"}
               and previous_end <= mentions[a.mention].start and mentions[a.mention].end <= draft.start}
    if not earlier:
        return
    draft.arguments = tuple(a for a in draft.arguments if a not in earlier)
    if any(a.role == "date" for a in earlier):
        draft.date, draft.date_stated = None, False
    if any(a.role == "place" for a in earlier):
        draft.place = None


def _attach_attendance(tokens, inside, unit: int, sentence_drafts, drafts) -> None:
    """``присутствовало порядка тысячи человек``: a count of those attending is the
    rally's, in this sentence or the last one told in the paragraph."""
    found = attendance_count(tokens, inside)
    if found is None:
        return
    index, mention = found
    rallies = [d for d in sentence_drafts if d.type == "protest"]
    rallies = rallies or [d for d in drafts if d.type == "protest" and d.paragraph == unit][-1:]
    for rally in rallies[:1]:
        if rally.count is None:
            rally.count = mention.value
            rally.arguments = rally.arguments + (Argument("count", index),)


def _best(args: Found, role: str) -> list[object]:
    return [value for _, value in sorted(args.by_role.get(role, []), key=lambda p: p[0])]


def _draft(text, sentence, sent_id, paragraph, hit, args: Found, mentions) -> Draft:
    arguments: list[Argument] = []

    def first_value(role):
        for index in _best(args, role):
            value = mentions[index].value
            if value is not None:
                arguments.append(Argument(role, index))
                return value
        return None

    persons, patients = [], []
    for value in dict.fromkeys(_best(args, "person")):
        if isinstance(value, str):  # the narrator or a named relation, read from a pronoun or noun
            (patients if value == NARRATOR else persons).append(value)
            continue
        persons.append(mentions[value].normal or mentions[value].text)
        arguments.append(Argument("person", value))
    place = None
    for index in _best(args, "place")[:1]:
        place = place_name(mentions[index])
        arguments.append(Argument("place", index))
    date = first_value("date")
    return Draft(
        type=hit.type,
        start=hit.start,
        end=hit.end,
        trigger=text[hit.start : hit.end],
        sent_id=sent_id,
        paragraph=paragraph,
        negated=hit.negated,
        date=date,
        date_stated=date is not None,
        place=place,
        persons=tuple(dict.fromkeys(persons)),
        patients=tuple(dict.fromkeys(persons + patients)),
        actors=tuple(dict.fromkeys(str(a) for a in _best(args, "actor"))),
        count=first_value("count"),
        money=first_value("amount"),
        term=first_value("term"),
        arguments=tuple(arguments),
        evidence=((sentence.start, sentence.end),),
    )
