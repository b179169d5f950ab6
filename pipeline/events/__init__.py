"""The events stage: sentences and mentions in, typed events with arguments out.

Three steps, each in its own place:

1. reading one sentence (:mod:`~pipeline.events.sentence`): a cheap lemma test
   first; only a sentence that may hold a trigger or names a place is parsed
   (natasha, a window of sentences at a time), its triggers found, mentions and
   words assigned to their roles, each candidate judged by the realis step
   (:mod:`~pipeline.events.realis`: a specific happening, or a law, habit,
   statistic, hypothesis, endnote?), actors read, each specific trigger a draft;
2. the scene (:mod:`~pipeline.events.scene`): the dates and places each sentence
   states, gathered as the sentences are read;
3. passes over the whole document (:func:`document_passes`): actors of refusals
   inherited, dates and places carried, one happening told twice merged
   (:mod:`~pipeline.events.merge`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence

from ..nlp import Models, parse_word
from ..records import LOC, PER, Event, Mention, Sentence
from ..tag.body_places import bodies_apart
from ..tag.nesting import nested_in, outermost
from .actors import inherit_refusal_actors
from .carried_places import carry_event_places
from .draft import Draft
from .merge import fold_convictions, fold_headline, headline_end, merge_drafts
from .pairs import merge_pairs, pair_model
from .people import carry_persons, persons_listed, read_people
from .realis import PersonSpans
from .scene import Scene
from .sentence import Document, attach_attendance, dates_a_document, read_sentence
from .story_place import carry_story_place
from .syntax import Token, context, folded_set, place_mentions
from .triggers import may_trigger, parse_sentences, word_lemmas

_WORD = re.compile(r"\w+(?:[-.]\w+)*|[^\w\s]")


def build_events(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    models: Models,
    doc_date: dt.date | None = None,
    judged: list | None = None,
    drafts_out: list | None = None,
    blank_breaks: frozenset[int] | None = None,
) -> tuple[Event, ...]:
    """Events of one document's clean text, in text order, merged.

    ``judged``, when given, receives every candidate trigger with the realis step's
    decision on it (:class:`~pipeline.events.sentence.Candidate`); ``drafts_out`` the
    events as the rules leave them, before the trained pair merge (:mod:`~pipeline.events.pairs`);
    ``blank_breaks`` the line breaks that stood for blank lines in the source
    (:func:`~pipeline.normalise.blank_line_breaks`), which tell what a paragraph is for dates."""
    # A body's city (``Москвы`` in ``мэрии Москвы``) is read as a place named outright;
    # any other place nested in an organisation's name is no scene of its own.
    mentions = bodies_apart(text, mentions)
    outer = outermost(mentions)
    doc = Document(text, mentions, read_people(text, outer), Scene(text, outer, blank_breaks, doc_date),
                   PersonSpans(mentions))
    drafts: list[Draft] = []
    for sent_id, (sentence, inside, tokens, parsed) in enumerate(tokenised(sentences, mentions, models)):
        placed = [p for p in place_mentions(tokens, inside) if not dates_a_document(tokens, p)]
        told = doc.scene.read(sentence, tokens, placed, parsed)
        if parsed:
            found = read_sentence(doc, sentence, sent_id, tokens, placed, told, drafts, judged)
            named = tuple(dict.fromkeys(m.normal or m.text for _, m in inside if m.type == PER))
            for draft in found:
                draft.named = named
            drafts += found
        else:
            attach_attendance(tokens, placed, told.unit, [], drafts)
    return document_passes(drafts, doc.scene, text, outer, drafts_out)


def document_passes(drafts: list[Draft], scene: Scene, text: str = "",
                    mentions: Sequence[Mention] = (), drafts_out: list | None = None) -> tuple[Event, ...]:
    """What only the whole document settles: refusals' actors, carried dates and places,
    counts no smaller than the people named, one event per happening (by the rules, then by
    the trained pair merge when its model is enabled), the people of a list after it."""
    inherit_refusal_actors(drafts)
    bounds = sorted(scene.case_bounds)
    for draft in drafts:
        draft.case = bisect.bisect_right(bounds, draft.event.start)
    scene.carry(drafts)
    for draft in drafts:
        count, persons = draft.event.count, draft.event.persons
        if count is not None and count.high is not None and len(persons) > count.high:
            draft.update(count=type(count)(len(persons), len(persons), count.approx))
    ctx = context()
    word_told = (frozenset(ctx["word_told_types"]), frozenset(ctx["word_told_across_sentences"]))
    merged = merge_drafts(drafts, frozenset(ctx["separate_types"]), word_told)
    headline = headline_end(text)
    merged = fold_headline(merged, headline)
    merged = fold_convictions(merged, frozenset(ctx["penalty_types"]), folded_set("conviction_words"),
                              folded_set("plea_words"))
    carry_event_places(merged)
    carry_story_place(merged, scene, headline, text)
    persons_listed(merged, text, mentions)
    carry_persons(merged)
    for draft in merged:  # a retelling that retold nothing keeps its paragraph's date
        if draft.event.date is None and draft.fallback_date is not None:
            draft.update(date=draft.fallback_date)
    if drafts_out is not None:
        drafts_out.extend(merged)
    return tuple(d.to_event() for d in merge_pairs(merged, text, pair_model()))


def tokenised(sentences: Sequence[Sentence], mentions: Sequence[Mention],
              models: Models) -> Iterator[tuple[Sentence, list[tuple[int, Mention]], tuple[Token, ...], bool]]:
    """Each sentence with its (index, mention) pairs, its tokens and whether it was parsed.

    Only a sentence that may hold a trigger or names a place is parsed; the others get
    light tokens (lemmas and prepositions), all the dates they may state need.
    """
    by_sentence = _mentions_by_sentence(sentences, mentions)
    to_parse = [may_trigger(_WORD.findall(s.text)) or any(m.type == LOC for _, m in inside)
                for s, inside in zip(sentences, by_sentence)]
    parsed = parse_sentences([s for s, p in zip(sentences, to_parse) if p], models)
    for sentence, inside, parse in zip(sentences, by_sentence, to_parse):
        yield sentence, inside, (next(parsed) if parse else _light_tokens(sentence)), parse


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
