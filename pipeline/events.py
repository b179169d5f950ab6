"""The events stage: sentences and mentions in, typed events with arguments out.

Per sentence: parse (natasha), find triggers (:mod:`pipeline.events_triggers`),
attach mentions and actors to them (:mod:`pipeline.events_arguments`). Per
paragraph: carry a stated date (and a protest's or a sentence-opening place) to
the events of the following sentences. Per document: merge one happening told
twice (:mod:`pipeline.events_merge`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .events_arguments import Found, assign_arguments, head_token
from .events_merge import Draft, merge_drafts, to_event
from .events_triggers import context, find_actors, find_triggers, fold, heads_up, parse_sentence
from .nlp import Models
from .records import DATE, LOC, Argument, DateValue, Event, Mention, Sentence

# A date or place opening a sentence starts a new scene ("24 марта с.г. …",
# "В апреле, …") and carries even without an event of its own.
# Events whose place carries to the rest of their paragraph (none yet: a place
# said of one happening, "трагедии в Жана Озене", is too often not the next one's).
PLACE_CARRIERS: frozenset[str] = frozenset()


def build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    models: Models,
    doc_date: dt.date | None = None,
) -> tuple[Event, ...]:
    """Events of one document's clean text, in text order, merged."""
    drafts: list[Draft] = []
    date_anchors: list[tuple[int, int, DateValue]] = []  # paragraph, offset, date
    place_anchors: list[tuple[int, int, str]] = []
    for sent_id, sentence in enumerate(sentences):
        paragraph = text.count("\n", 0, sentence.start)
        inside = [
            (i, m) for i, m in enumerate(mentions) if sentence.start <= m.start < sentence.end
        ]
        tokens = parse_sentence(sentence, models)
        inside = [(i, m) for i, m in inside if not _document_date(tokens, m)]
        actors = find_actors(tokens)
        hits = find_triggers(tokens, tuple(m for _, m in inside), actors)
        found = assign_arguments(tokens, hits, inside, actors)
        for i, m in inside:
            if not _opens(tokens, m):
                continue
            if m.type == DATE and isinstance(m.value, DateValue) and m.value.precision != "year":
                date_anchors.append((paragraph, m.start, m.value))
            if m.type == LOC:
                place_anchors.append((paragraph, m.start, m.normal or m.text))
        for hit, args in zip(hits, found):
            draft = _draft(text, sentence, sent_id, paragraph, hit, args, mentions)
            drafts.append(draft)
            if draft.date is not None:
                date_anchors.append((paragraph, draft.start, draft.date))
            if draft.place is not None and draft.type in PLACE_CARRIERS:
                place_anchors.append((paragraph, draft.start, draft.place))
    _carry_over(drafts, sentences, text, date_anchors, place_anchors)
    return tuple(to_event(d) for d in merge_drafts(drafts))


def _opens(tokens, mention: Mention) -> bool:
    """The mention opens its sentence (only prepositions before it)."""
    return all(t.pos in {"ADP", "PUNCT"} for t in tokens if t.end <= mention.start)


def _document_date(tokens, mention: Mention) -> bool:
    """A date naming a law or decree (``Указом Президента от 1997 года``), not a happening."""
    if mention.type != DATE:
        return False
    at = head_token(tokens, mention.start, mention.end)
    documents = {fold(x) for x in context()["document_heads"]}
    return at is not None and any(tokens[h].lemmas & documents for h in heads_up(tokens, at, 2))


def _best(args: Found, role: str) -> list[object]:
    return [value for _, value in sorted(args.by_role.get(role, []), key=lambda p: p[0])]


def _draft(text, sentence, sent_id, paragraph, hit, args: Found, mentions) -> Draft:
    start, end = hit.start, hit.end
    arguments: list[Argument] = []

    def first_value(role):
        for index in _best(args, role):
            value = mentions[index].value
            if value is not None:
                arguments.append(Argument(role, index))
                return value
        return None

    persons = []
    for index in dict.fromkeys(_best(args, "person")):
        persons.append(mentions[index].normal or mentions[index].text)
        arguments.append(Argument("person", index))
    place = None
    for index in _best(args, "place")[:1]:
        place = mentions[index].normal or mentions[index].text
        arguments.append(Argument("place", index))
    date = first_value("date")
    return Draft(
        type=hit.type,
        start=start,
        end=end,
        trigger=text[start:end],
        sent_id=sent_id,
        paragraph=paragraph,
        negated=hit.negated,
        date=date,
        date_stated=date is not None,
        place=place,
        persons=tuple(dict.fromkeys(persons)),
        actors=tuple(dict.fromkeys(str(a) for a in _best(args, "actor"))),
        count=first_value("count"),
        money=first_value("amount"),
        term=first_value("term"),
        arguments=tuple(arguments),
        evidence=((sentence.start, sentence.end),),
    )


def _carry_over(drafts, sentences, text, date_anchors, place_anchors) -> None:
    """Give dateless (placeless) events the last date (place) stated before them in
    their paragraph, or at the end of the previous paragraph when theirs has none and
    does not open with a summary (``По итогам полугода …``)."""
    summary = set(context()["summary_markers"])
    opens_summary = {}
    for sentence in sentences:
        paragraph = text.count("\n", 0, sentence.start)
        if paragraph not in opens_summary:
            words = {w.strip(".,:;()«»").lower() for w in sentence.text.split()}
            opens_summary[paragraph] = bool(_lemmas(words) & summary)
    for draft in drafts:
        if draft.date is None:
            draft.date = _last(date_anchors, draft, opens_summary, across=True)
        if draft.place is None:
            draft.place = _last(place_anchors, draft, opens_summary, across=False)


def _lemmas(words: set[str]) -> set[str]:
    from .events_triggers import lemmas_of

    return set().union(*(lemmas_of(w) for w in words if w)) if words else set()


def _last(anchors, draft: Draft, opens_summary, across: bool):
    same = [a for a in anchors if a[0] == draft.paragraph and a[1] < draft.start]
    if same:
        return same[-1][2]
    if across and not opens_summary.get(draft.paragraph, False):
        previous = [a for a in anchors if a[0] == draft.paragraph - 1]
        if previous:
            return previous[-1][2]
    return None
