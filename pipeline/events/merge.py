"""Merging: one happening told twice in a document becomes one event.

Two drafts merge when they have the same type and negation, their values do not
conflict (places equal or one missing; counts, sums and terms equal or within an open bound; one date within the
other; persons overlapping or one side without any) and they are linked as one
happening, the way a coder links tellings:

- the same sentence (``задержаны и вывезены``, ``осуждены ... в спецприемнике``), within
  one of its ``;``-separated clauses (a report's sentence may tell one person a clause),
  unless one is told by another word as what the other is timed against (``после перестрелки
  толпа избила``: :attr:`.draft.Telling.timed_against`; not a penalty's steps);
- a rally: the same paragraph, or the same day anywhere (one rally a day);
- a link caption at the end retells an earlier happening of its date
  (``спецвыпуск о митинге 28 апреля`` is the April rally);
- a back-reference (``по факту отказа ... данной акции``) is the last such event;
- penalties (detention, custody, fine, warning) told in separate sentences are
  separate happenings unless the later telling shares a person, sum or term (a person
  called by a pronoun or by a participle standing as a noun, ``подозреваемого задержали``,
  is the one it stands for: :func:`.antecedents.described_person`);
- other events: the same paragraph, or the same stated day elsewhere; a violence, threat or
  ruling retold paragraphs later by the same word as a noun with nothing of its own
  (``казнили`` ... ``накануне казни``) is the happening told.

A summary (``Всего было задержано 28 человек``) is never merged into one of the
happenings it sums up.

A headline retells the story under it (:func:`fold_headline`): a happening told in the
document's opening lines that end without a full stop (a headline, a photo caption under
it) is the body's happening of its type when the body tells one it agrees with.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ..nlp import parse_word
from ..records import DateValue
from ..resources import lexicon_index
from .actors import specific
from .draft import Draft
from .suppressed import note
from .syntax import context, folded_set
from .triggers import deverbal_nouns, word_lemmas


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def _bounds_agree(a, b) -> bool:
    """Two counts, sums or terms (of one currency or unit) that may be the same value: an
    open bound reaches as far as it likes (``более 40`` agrees with ``55``, ``до 15 суток``
    with ``10 суток``, not ``более 40`` with ``25``); values closed on both ends must be
    equal (``сроки от 3 до 7 лет`` spread over people: not the ``5 лет`` of one of them)."""
    if a is None or b is None or a == b:
        return True
    if getattr(a, "unit", None) != getattr(b, "unit", None) or \
            getattr(a, "currency", None) != getattr(b, "currency", None):
        return False
    if None not in (a.low, a.high) and None not in (b.low, b.high):
        return False
    lows = [x for x in (a.low, b.low) if x is not None]
    highs = [x for x in (a.high, b.high) if x is not None]
    return not lows or not highs or max(lows) <= min(highs)


def dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    """Equal, unknown on one side, or one within the other (28 April within April)."""
    if a is None or b is None:
        return True
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def compatible(a: Draft, b: Draft) -> bool:
    """No value of one contradicts the other."""
    x, y = a.event, b.event
    if x.type != y.type or x.negated != y.negated:
        return False
    if x.persons and y.persons and not set(x.persons) & set(y.persons):
        return False
    if x.type == "custody" and len({_custody_stage(a), _custody_stage(b)} - {None}) > 1:
        return False  # held before the verdict, then sentenced: two happenings
    return dates_agree(x.date, y.date) and _agree(x.place, y.place) and values_agree(a, b)


def values_agree(a: Draft, b: Draft) -> bool:
    """The counts, sums and terms of two tellings may be the same values (:func:`_bounds_agree`)."""
    x, y = a.event, b.event
    return all(_bounds_agree(p, q) for p, q in ((x.count, y.count), (x.money, y.money), (x.term, y.term)))


def _custody_stage(draft: Draft) -> str | None:
    """``pretrial`` (``в СИЗО``, ``под стражей``, ``домашний арест``), ``sentence``
    (``приговорил``, ``колония``, ``лишение свободы``) or None: which custody a telling tells."""
    lemmas = frozenset().union(*(word_lemmas(w) for w in re.findall(r"\w+", draft.event.trigger)))
    pretrial, sentence = lemmas & folded_set("pretrial_custody_words"), lemmas & folded_set("sentence_custody_words")
    if bool(pretrial) == bool(sentence):
        return None
    return "pretrial" if pretrial else "sentence"


def _same_day(a: Draft, b: Draft) -> bool:
    return a.event.date is not None and a.event.date == b.event.date and a.event.date.precision == "day"


def _shares_identity(a: Draft, b: Draft) -> bool:
    """The later telling names the same person (the narrator too), sum, term or count."""
    x, y = a.event, b.event
    return bool(set(x.persons + a.patients) & set(y.persons + b.patients)) or any(
        p is not None and p == q for p, q in ((x.money, y.money), (x.term, y.term), (x.count, y.count)))


def _same_case_named(a: Draft, b: Draft) -> bool:
    """Two tellings in different cases of a report (``Draft.case``) that still tell one
    happening: they name the same person (the narrator too), the later one in a sentence that
    names the earlier one's person, or they fall on the same day (a report's opening summary,
    then the day told in full)."""
    x, y = a.event, b.event
    earlier = set(x.persons + a.patients)
    return bool(earlier & set(y.persons + b.patients)) or bool(earlier & set(b.named)) or _same_day(a, b)


def retells_by_noun(draft: Draft) -> bool:
    """A noun telling with no day, count, sum or term of its own (``Задержание произошло
    после ...``, ``в ходе задержания``, ``об аресте гражданина``, ``Задержания прошли у мэрии``):
    a definite description of a happening the text has told, the last one of its type it agrees
    with."""
    e, t = draft.event, draft.telling
    return (t.nominal and not draft.date_stated and not t.summary and not t.repeated and not t.listed
            and not (e.count or e.money or e.term))


STEM = 5  # letters a verb and its noun share at their start (арест-овать, задерж-ание)


def _same_stem(a: Draft, b: Draft) -> bool:
    """``b``'s noun is the noun of ``a``'s verb (``арестован`` ... ``арест``, ``задержали`` ...
    ``задержание``), not a word that only shares the type (``спецприемник`` after ``арестованы``)."""
    def stems(trigger: str) -> frozenset[str]:
        return frozenset(lemma[:STEM] for lemma in content_lemmas(trigger) if len(lemma) >= STEM)
    return bool(stems(a.event.trigger) & stems(b.event.trigger))


def _same_word_of_same_person(a: Draft, b: Draft) -> bool:
    """A news story retells its happening paragraphs on by the same word of the same named
    person (``Лапина избили`` ... ``Лапина избили, когда ...``): one happening, unless the later
    one is told on top of it (``обвиняют также в ...``, ``Кроме того, ...``: a second charge) or
    in a relative clause (``банк, руководство которого обвинило ...``: at a time of its own), or
    both tellings state a day and it is not the same one (two beatings, each dated), or only
    the later one states a time (a new time told), or both name who did it and not the same
    (``избили неизвестные`` ... ``избили полицейские``: two beatings), or both name what they
    are about and share no word of it (``дело о клевете`` ... ``дело о мошенничестве``: a
    report telling one person's cases one after another)."""
    shared = set(a.event.persons) & set(b.event.persons)
    other_doers = bool(a.event.actors and b.event.actors and not set(a.event.actors) & set(b.event.actors))
    ta, tb = a.telling, b.telling
    other_grounds = bool(ta.ground and tb.ground and not ta.ground & tb.ground)
    return (bool(shared) and not (tb.additive or tb.relative or other_doers or other_grounds) and same_word(a, b)
            and (_same_day(a, b) or not (a.date_stated or b.date_stated) or (a.date_stated and not b.date_stated)))


def _states_scene(draft: Draft) -> bool:
    """The telling's own sentence states a day or place for it."""
    return draft.date_stated or any(a.role == "place" for a in draft.event.arguments)


def _anonymous(draft: Draft) -> bool:
    """A telling with no one and nothing of its own (``начали выхватывать людей``)."""
    e = draft.event
    return not (e.persons or draft.patients or e.count or e.money or e.term)


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL"})
_AUXILIARY = "быть"  # "был вынесен", "было возбуждено": the tense, not the telling


def content_lemmas(trigger: str) -> frozenset[str]:
    """The lemmas of a trigger's words, function words aside: a preposition, conjunction or
    particle by the word's likeliest reading (a trigger span has no parse to ask), and the
    auxiliary ``быть``.

    >>> sorted(content_lemmas("не был привлечён к ответственности"))
    ['ответственности', 'ответственность', 'привлечен', 'привлечь']
    """
    def content(word: str) -> bool:
        likeliest = parse_word(word.lower())[0]
        return likeliest.tag.POS not in _FUNCTION_POS and likeliest.normal_form != _AUXILIARY
    return frozenset().union(*(word_lemmas(w) for w in re.findall(r"\w+", trigger) if content(w)))


def same_word(a: Draft, b: Draft) -> bool:
    """The two triggers share a lemma, function words aside (``возбуждено дело`` and
    ``возбуждение дела``; not ``уволен`` and ``исключен``), or words of one family
    (``word_families``: a case opened and the charge brought in it; a detention told by
    ``задержать`` and retold by ``арест``), or a verb and its noun
    of action (``помиловал`` and ``помилование``)."""
    def lemmas(trigger: str) -> frozenset[str]:
        found = content_lemmas(trigger)
        # a verb and its noun of action are one word ("помиловал" ... "указ о помиловании")
        return found | {noun for lemma in found for noun in deverbal_nouns(lemma)}
    x, y = lemmas(a.event.trigger), lemmas(b.event.trigger)
    return bool(x & y) or any(x & family and y & family for family in _families())


@lexicon_index
def _families() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(family) for family in context()["word_families"])


def names_unrest(draft: Draft) -> bool:
    """The protest is told by the plural noun of unrest (``протесты``, ``беспорядки``): the
    protests of the story as a whole, the one already told when the document told one."""
    words = folded_set("unrest_nouns")
    return any(word_lemmas(w) & words for w in re.findall(r"\w+", draft.event.trigger))


def _unrest_of_its_place(a: Draft, b: Draft) -> bool:
    """``b`` names by the noun of unrest the protests of the place ``a`` told of (``В 2016 году в
    Томске прошли протесты``, then after another case ``Протесты в Томске продолжаются``): the
    same protests, across the cases told between them, only while ``b`` is told as going on; unrest
    that began or ended there (``Протесты в Томске закончились задержаниями``) is its own."""
    return a.event.type == "protest" and a.event.place is not None and a.event.place == b.event.place \
        and b.telling.going_on and names_unrest(b)


def _filed(draft: Draft) -> bool:
    """The court telling is a filing (``подан иск``, ``исковое заявление``, ``жалоба``): the
    court words after it in its paragraph tell the same case."""
    words = frozenset(context()["court_filing_words"])
    return any(word_lemmas(w) & words for w in re.findall(r"\w+", draft.event.trigger))


def _told_apart(a: Draft, b: Draft) -> bool:
    """Told in different sentences, or in different ``;``-clauses of one."""
    return a.event.sent_id != b.event.sent_id or a.telling.clause != b.telling.clause


def same_stated_day(a: Draft, b: Draft) -> bool:
    """Both tellings state a day, and it is the same one: a step of time told between them
    (``через неделю``) does not part them."""
    x, y = a.event.date, b.event.date
    return a.date_stated and b.date_stated and x is not None and y is not None and x.precision == "day" \
        and dates_agree(x, y)


def linked(a: Draft, b: Draft, separate_types: frozenset[str] = frozenset(),
           word_told: frozenset[str] = frozenset(), word_told_across: frozenset[str] = frozenset(),
           by_noun: bool = False) -> bool:
    """Whether ``b`` (told later) retells the happening ``a`` tells (:func:`link_rule`)."""
    return link_rule(a, b, separate_types, word_told, word_told_across, by_noun) is not None


def link_rule(a: Draft, b: Draft, separate_types: frozenset[str] = frozenset(),
              word_told: frozenset[str] = frozenset(), word_told_across: frozenset[str] = frozenset(),
              by_noun: bool = False) -> str | None:
    """The name of the rule by which ``b`` (told later) retells the happening ``a`` tells, or
    None when it tells another.

    A type that gathers unlike happenings (``other``: a case opened, a dismissal, an
    account frozen; ``word_told``) is retold only by the same word, even in one sentence;
    ``word_told_across``, only by the same word in another sentence (``суд вернул дело``, then
    ``дело поступило в суд``, then ``амнистировал``)."""
    ta, tb = a.telling, b.telling
    if tb.repeated or (tb.another_case and _told_apart(a, b)):
        return None  # "еще раз", "Второе дело ...": another happening of the kind
    if a.case != b.case and not tb.caption and not _same_case_named(a, b) and not _unrest_of_its_place(a, b):
        return None  # "Еще одно дело ... Их приговорили": those of the case begun since
    # What followed ("позднее его обвинили в ...", "через неделю ...") or what came before
    # ("Его уже задерживали ..."): another happening, not the same one retold.
    told_at_another_time = (tb.later or (tb.shifted and not same_stated_day(a, b))
                            or (tb.marked_earlier and not ta.marked_earlier))
    if told_at_another_time and _told_apart(a, b) and not (tb.back_reference or tb.retelling or tb.by_participants):
        return None
    told_apart = a.event.type in word_told or (
        a.event.type in word_told_across and _told_apart(a, b)
        and not (a.event.type == "court" and a.paragraph == b.paragraph and _filed(a)))
    if told_apart and not same_word(a, b) and not (tb.back_reference and b.paragraph == a.paragraph):
        return None
    if not _told_apart(a, b):
        # "после перестрелки ... избила", "оправдал ... после того, как суд вынес приговор": the clause's
        # verb told as before or after a happening of another word is another happening; a penalty's
        # steps ("после задержания его доставили в отдел") are one, as is the same word retold, and a
        # noun of what followed ("после избиения умер от травм") is the happening's outcome
        untimed = b if ta.timed_against else a
        if ta.timed_against != tb.timed_against and not untimed.telling.nominal \
                and a.event.type not in separate_types and not same_word(a, b):
            return None
        return "same clause"
    if ta.summary != tb.summary:
        return None
    if tb.caption and not ta.caption:
        agree = a.event.date is not None and b.event.date is not None and dates_agree(a.event.date, b.event.date)
        return "caption of its day" if agree else None
    if tb.back_reference:  # "этот приговор": the one just told, not one pages before
        # a participle naming people ("двое задержанных студентов") retells what befell them, however
        # far, when it tells nothing of its own (no day or place: "арестованный в Испании" is news)
        if b.paragraph - a.paragraph <= 1:
            return "back-reference, next paragraph"
        return "back-reference, a participle far on" if by_noun and tb.retelling and not _states_scene(b) else None
    if ta.summary and tb.summary:
        return None  # totals told apart sum different sets: per city, then overall
    if ta.listed and a.event.date is None and not ta.summary:
        return "listed topic"  # a topic listed with nothing of its own is the happening told later
    if a.event.type == "protest":
        # "оштрафовал участников акции": the rally referred to is the one told, wherever it was
        if tb.by_participants:
            return "rally named by participants"
        if a.paragraph == b.paragraph and ta.single and tb.single:
            return "rally, same paragraph"
        if names_unrest(b):
            return "rally, the unrest told again"  # "Протесты в столице переросли в столкновения"
        return "rally, same day" if _same_day(a, b) else None
    if a.event.type in separate_types:
        if tb.anaphoric and 0 <= b.paragraph - a.paragraph <= 1:
            return "penalty, told of those before"  # "полиция задержала 30 человек. Их доставили в отдел"
        # "Задержание прошло ...", or the same noun again; or a word of its family ("задержали" ...
        # "об аресте": news call one detention by either verb's noun)
        if by_noun and retells_by_noun(b) and (_same_stem(a, b) or same_word(a, b)) \
                and (not retells_by_noun(a) or same_word(a, b)):
            return "penalty, retold by its noun"
        if b.event.sent_id == a.event.sent_id + 1 and ta.inchoative and _anonymous(a) and not tb.particular:
            return "penalty, begun then told"  # "начали выхватывать людей. Семеро были задержаны"
        # a retelling elsewhere names the same people; two stated days must agree
        if _shares_identity(a, b) and (a.paragraph == b.paragraph or _same_day(a, b)
                                       or not (a.date_stated and b.date_stated)):
            return "penalty, same person or value"
        return None
    if a.paragraph == b.paragraph:
        return "same paragraph"
    if _same_word_of_same_person(a, b):
        return "same word of the same person, paragraphs on"  # "Лапина избили ..." ... "Лапина избили, когда"
    if a.event.type in word_told_across and told_apart and by_noun and retells_by_noun(b) and not _states_scene(b):
        return "same word as a noun, far on"  # "казнили ..." then, paragraphs on, "накануне казни"
    return "same stated day" if a.date_stated and b.date_stated and _same_day(a, b) else None


def absorb(into: Draft, other: Draft) -> None:
    """``other``'s values filled into ``into`` where it has none, and ``other`` one of its tellings."""
    x, y = into.event, other.event
    if x.place is None and y.place is not None:
        into.place_by = f"another telling's: {other.place_by}"
    into.update(
        date=x.date or y.date,
        place=x.place or y.place,
        persons=tuple(dict.fromkeys(x.persons + y.persons)),
        actors=specific(tuple(dict.fromkeys(x.actors + y.actors))),
        count=x.count or y.count,
        money=x.money or y.money,
        term=x.term or y.term,
        arguments=tuple(dict.fromkeys(x.arguments + y.arguments)),
        evidence=tuple(sorted(set(x.evidence + y.evidence))),
    )
    into.date_stated = into.date_stated or other.date_stated
    into.patients = tuple(dict.fromkeys(into.patients + other.patients))
    into.members.append(other)


def merge_drafts(drafts: list[Draft], separate_types=frozenset(), word_told=(frozenset(), frozenset())) -> list[Draft]:
    """Merge drafts in text order, each into the first earlier event it fits (a
    back-reference into the last one)."""
    merged: list[Draft] = []
    index = _Index()
    for draft in sorted(drafts, key=lambda d: d.event.start):
        order = [merged[i] for i in index.candidates(draft)]  # the others cannot be compatible
        t = draft.telling
        order = reversed(order) if t.back_reference or t.by_participants or t.anaphoric or retells_by_noun(draft) else order
        # the same sentence first: "приговорил ... к 3 годам лишения свободы" is one telling
        order = sorted(order, key=lambda e: all(m.event.sent_id != draft.event.sent_id for m in [e, *e.members]))
        for event in order:
            if rule := _fits(event, draft, separate_types, word_told):
                note("merge: " + rule, draft.event.type, draft.event.start, draft.event.end)
                absorb(event, draft)
                index.add(index.position[id(event)], event)
                break
        else:
            merged.append(replace(draft, members=[]))
            index.add(len(merged) - 1, merged[-1])
    return _merge_events(merged, separate_types, word_told)


def _fits(event: Draft, draft: Draft, separate_types, word_told) -> str | None:
    """The rule by which ``draft`` retells ``event`` (one of its tellings), None if it does not."""
    tellings = [event, *event.members]
    if not all(compatible(m, draft) for m in tellings) or one_of_counted(event, draft):
        return None
    return next((rule for m in tellings
                 if (rule := link_rule(m, draft, separate_types, *word_told, by_noun=True))), None)


def one_of_counted(event: Draft, draft: Draft) -> bool:
    """``draft`` refers back by a participle in the singular, with no count of its own
    (``Среди подозреваемых — гражданин Польши, арестованный ...``), to a happening counted as
    several (``задержала шесть человек``): one of them, told on its own, not the whole retold."""
    count = event.event.count
    if not (draft.telling.back_reference and count and (count.low or count.high or 0) > 1) or draft.event.count:
        return False
    words = re.findall(r"\w+", draft.event.trigger)
    likeliest = [parse_word(w.lower())[0].tag for w in words]
    return any(t.POS in {"PRTF", "PRTS"} and t.number == "sing" for t in likeliest)


def _merge_events(events: list[Draft], separate_types, word_told) -> list[Draft]:
    """A happening told in parts (``осужденному на 3 года`` ... ``приговорил его к
    3 годам лишения свободы``): an event whose later word carries what links it
    (the shared term) merges, as a whole, into the earlier telling."""
    kept: list[Draft] = []
    index = _Index()
    for event in events:
        parts = [replace(part, members=[]) for part in (event, *event.members)]
        for earlier in [kept[i] for i in index.candidates(event)]:
            tellings = [earlier, *earlier.members]
            if all(compatible(m, p) for m in tellings for p in parts) \
                    and not any(one_of_counted(earlier, p) for p in parts) and (rule := next(
                (rule for m in tellings for p in parts if (rule := link_rule(m, p, separate_types, *word_told))),
                None)):
                note("merge of told parts: " + rule, event.event.type, event.event.start, event.event.end)
                for part in parts:
                    absorb(earlier, part)
                index.add(index.position[id(earlier)], earlier)
                break
        else:
            index.add(len(kept), event)
            kept.append(event)
    return kept


HEADLINE_LINES = 4  # a headline and a photo caption or two under it
HEADLINE_CHARS = 250  # a longer opening line is the text itself, not a headline


def headline_end(text: str) -> int:
    """Where the document's headline block ends: its opening lines that end without a
    full stop, question or exclamation mark (a headline, a caption under it); 0 when the
    text opens with a sentence.

    >>> headline_end("Задержан активист\\nФото: акция\\nВчера в Омске задержали Петрова.")
    30
    >>> headline_end("Вчера в Омске задержали Петрова.\\nЕго отпустили.")
    0
    """
    end = 0
    for line in text.split("\n")[:HEADLINE_LINES]:
        stripped = line.strip()
        if not stripped:
            end += len(line) + 1
            continue
        if len(stripped) > HEADLINE_CHARS or re.search(r"[.!?…:;]\W*$", stripped):
            break
        end += len(line) + 1
    return min(end, len(text))


def fold_headline(events: list[Draft], end: int) -> list[Draft]:
    """A headline's happening merged into the body's telling of it.

    Headlines are shorter than the story: they name a person by a description
    (``российский программист``), a place by its country, and no date, so the merge's
    tests of identity do not link them; what a headline states must still agree with the
    body (type, negation, persons, date: a headline or caption that dates its happening
    tells the body's happening of that date, not an undated one). Of the body's events that agree, the one that
    shares a person, else the first told, is the story. The body's place stays: the
    headline's is the broader one (``В Перу арестован ...``, then a district of Lima)."""
    if end <= 0:
        return events
    def in_headline(draft: Draft) -> bool:
        return all(t.event.start < end for t in (draft, *draft.members))
    body = [e for e in events if not in_headline(e)]
    kept = list(body)
    for event in events:
        if not in_headline(event):
            continue
        x = event.event
        agreeing = [b for b in body if b.event.type == x.type and b.event.negated == x.negated
                    and (x.date is None or b.event.date is not None and dates_agree(b.event.date, x.date))
                    and not b.telling.summary
                    and (not x.persons or not b.event.persons or set(x.persons) & set(b.event.persons))]
        if not agreeing:
            kept.append(event)
            continue
        story = next((b for b in agreeing if set(x.persons) & set(b.event.persons)), agreeing[0])
        note("headline: into the body's telling", x.type, x.start, x.end)
        place = story.event.place
        for part in (replace(event, members=[]), *event.members):
            absorb(story, part)
        story.update(place=place or story.event.place)
    return sorted(kept, key=lambda d: d.event.start)


def _convicts(draft: Draft, words: frozenset[str], plea: frozenset[str]) -> bool:
    """Every telling of a court event is a conviction (``признал ... виновной``), none a
    plea (``признал себя виновным``: the accused's own, told in court)."""
    def lemmas(trigger: str) -> frozenset[str]:
        return frozenset().union(*(word_lemmas(w) for w in re.findall(r"\w+", trigger)))
    return draft.event.type == "court" and not draft.event.negated and all(
        lemmas(t.event.trigger) & words and not lemmas(t.event.trigger) & plea for t in (draft, *draft.members))


def fold_convictions(events: list[Draft], penalty_types: frozenset[str], words: frozenset[str],
                     plea: frozenset[str] = frozenset()) -> list[Draft]:
    """A conviction told beside the penalty it earned is that sentence's verdict.

    ``суд признал Петрова виновным, приговорив его к 3 годам колонии`` is one ruling, told
    as a guilty finding and a penalty; the merge keeps types apart, so the finding would
    stand as a ``court`` event of its own. It joins the penalty that shares its person, or,
    naming no one, the penalty told in its paragraph or the one before; dates must agree.
    A conviction with no penalty told (a verdict without a sentence) stays ``court``."""
    penalties = [e for e in events if e.event.type in penalty_types and not e.event.negated]
    if not penalties:
        return events
    kept = []
    for event in events:
        if not _convicts(event, words, plea):
            kept.append(event)
            continue
        x = event.event
        agreeing = [p for p in penalties if dates_agree(p.event.date, x.date) and (
            set(x.persons) & set(p.event.persons)
            or ((not x.persons or not p.event.persons) and 0 <= event.paragraph - p.paragraph <= 1)
            or (not x.persons or not p.event.persons) and 0 <= p.paragraph - event.paragraph <= 1)]
        if not agreeing:
            kept.append(event)
            continue
        shared = [p for p in agreeing if set(x.persons) & set(p.event.persons)]
        penalty = (shared or sorted(agreeing, key=lambda p: abs(p.event.start - x.start)))[0]
        note("conviction: into its penalty", x.type, x.start, x.end)
        for part in (replace(event, members=[]), *event.members):
            part.update(type=penalty.event.type)
            absorb(penalty, part)
    return kept


class _Index:
    """Positions of events by what :func:`compatible` needs them to share: type and
    negation, and a person unless one side names no one. Only those events are tried,
    so a list of thousands of people's detentions is not compared pair by pair; the
    order tried, and so every merge, is the same as trying them all."""

    def __init__(self) -> None:
        self.position: dict[int, int] = {}  # id of an event -> its position
        self._all: defaultdict[tuple, list[int]] = defaultdict(list)
        self._unnamed: defaultdict[tuple, set[int]] = defaultdict(set)
        self._named: defaultdict[tuple, set[int]] = defaultdict(set)
        self._persons: dict[int, frozenset[str]] = {}

    def add(self, position: int, event: Draft) -> None:
        """Index a new event at ``position``, or one whose persons grew by merging."""
        key = (event.event.type, event.event.negated)
        if position not in self._persons:
            self.position[id(event)] = position
            self._all[key].append(position)
            self._persons[position] = frozenset()
        persons = frozenset(event.event.persons)
        if persons:
            self._unnamed[key].discard(position)
        else:
            self._unnamed[key].add(position)
        for person in persons - self._persons[position]:
            self._named[key + (person,)].add(position)
        self._persons[position] = persons

    def candidates(self, draft: Draft) -> list[int]:
        """Positions, in order, of the events ``draft`` may be compatible with."""
        key = (draft.event.type, draft.event.negated)
        if not draft.event.persons:
            return self._all.get(key, [])
        found = set(self._unnamed.get(key, ()))
        for person in set(draft.event.persons):
            found |= self._named.get(key + (person,), set())
        return sorted(found)
