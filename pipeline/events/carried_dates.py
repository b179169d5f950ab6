"""Dates carried to the happenings told without their own.

A date stated in a paragraph (its scope, :func:`~.paragraphs.date_scopes`) carries to the
later happenings of that paragraph, up to where a clause's own time stops, across no
earlier list item or back-story line, and not past the opening of another case; a single
rally takes the last dated rally's date within its case; a line pointing back at the line before takes its
date (:func:`carry_continuing`); ``за день до`` is the day before.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import replace

from ..records import DateValue
from .clauses import in_brackets
from .draft import Draft
from .paragraphs import by_unit, line_at
from .syntax import Token, folded_set


def carry_dates(drafts: list[Draft], date_anchors, rally_dates_blocked: set[int],
                introduced: dict[int, DateValue] | None = None,
                scopes: dict[int, tuple[int, int]] | None = None, lines: tuple[list[int], list[int | None]] | None = None,
                cases: dict[int, list[int]] | None = None, happening_days: frozenset[int] = frozenset()) -> None:
    """Give dateless drafts the last date stated before them in their paragraph, or,
    for a single rally, the date of the last dated rally of its case, or the year of the set of cases
    the paragraph is an example of (``introduced``: paragraph -> year); then shift ``за
    день до``. ``scopes``: paragraph -> the paragraph whose dates it shares and where the
    paragraph's own line begins (:func:`~.paragraphs.date_scopes`): a date of an earlier line goes to no
    happening told in the present (``обвиняется``: a charge still standing) nor to one told
    before the story (``Ранее ее штрафовали``: :func:`~.backstory.told_before_the_story`). ``lines``: the
    text's line starts and their runs of list items (:func:`~.paragraphs.list_runs`): a date crosses no
    line from an earlier item of the list, nor from a line told before the story
    (:func:`backstory_lines`). ``cases``: paragraph -> where the sentences opening another case
    of its set begin (:func:`~.case_scopes.opens_case`): a day or month told before one is not carried past it.
    ``happening_days``: where the anchors of a happening a case was opened over begin (the
    rally's day dates its story, not a charge, a verdict, a fine or an arrest the case goes on
    to: ``case_step_types``)."""
    case_steps = folded_set("case_step_types")
    scopes = scopes or {}
    case_starts: defaultdict[int, list[int]] = defaultdict(list)
    for unit, starts_of_cases in (cases or {}).items():
        case_starts[scopes.get(unit, (unit, 0))[0]] += starts_of_cases
    for found in case_starts.values():
        found.sort()
    starts, runs = lines or ([0], [None])
    anchors = by_unit(sorted(((scopes.get(a[0], (a[0], 0))[0], *a[1:]) for a in date_anchors),
                              key=lambda a: a[1]))
    backstory = backstory_lines(drafts, anchors, starts)

    def crosses(anchor, line: int) -> bool:  # may the anchor's date go to a happening of the line?
        at = line_at(starts, anchor[1])
        if at == line:
            return True
        return at not in backstory and not (runs[line] is not None and anchor[1] >= runs[line])

    last_rally: tuple[int, DateValue] | None = None  # the case it was told in, its date
    introduced = introduced or {}
    # a happening's day a case was opened over stays one as it is carried on through its story
    # ("Во время митинга полицейский избил ...", then "Суд оправдал ..."): where such anchors begin
    happening = set(happening_days)
    for draft in sorted(drafts, key=lambda d: d.event.start):
        event, telling = draft.event, draft.telling
        until = float("inf") if draft.date_until is None else draft.date_until
        scope, begins = scopes.get(draft.paragraph, (draft.paragraph, 0))
        of_happening = False  # the date carried to it is a happening's day a case was opened over
        if event.date is None:
            line = line_at(starts, event.start)
            same = [a for a in anchors[scope] if a[1] < event.start and event.start < _until(a)
                    and (a[1] >= begins or not (telling.present or telling.undated_past)) and crosses(a, line)
                    # an application's clause is dated by when it was filed, not the rally it asks for
                    and not (telling.about_application and _until(a) < float("inf"))]
            if event.type in case_steps:  # "Суд оштрафовал его", "Суд оправдал его": not on the day of the
                # rally the case was over, which dates the rally's story, not the charges and rulings after it
                same = [a for a in same if a[1] not in happening]
            if telling.relative:  # "..., которую приговорили": a relative clause's day or month is its
                # own; a year the paragraph named still frames the story it tells
                same = [a for a in same if a[2].precision == "year"]
            if telling.listed:  # the date of the first listed topic is not the others'
                same = [a for a in same if a[1] < event.evidence[0][0]]
            opened = bisect.bisect_right(case_starts[scope], event.start)
            if opened:  # "Второе дело ...": the case before's day or month is not this case's
                same = [a for a in same if a[1] >= case_starts[scope][opened - 1] or a[2].precision == "year"]
            if telling.later or telling.shifted:  # "впоследствии ... арестован", "через полгода
                # ... приговорен" (a step of time no counted day resolved): not on the paragraph's day or
                # month; a year the paragraph named alone still frames it, but a day's or a
                # month's year is not carried (the annotation guidelines leave such a date empty)
                same = [a for a in same if a[2].precision == "year"]
            if telling.going_on:  # "Протесты в Томске продолжаются": not on a day or month told before
                same = [a for a in same if a[2].precision == "year"]
            if same and telling.retelling:
                draft.fallback_date = same[-1][2]
            elif same:
                draft.update(date=same[-1][2])
                until = _until(same[-1])
                of_happening = same[-1][1] in happening
            elif event.type == "protest" and telling.single and draft.paragraph not in rally_dates_blocked \
                    and not telling.going_on:
                # of its own case only: another case of a report is another rally (``Draft.case``)
                draft.update(date=last_rally[1] if last_rally and last_rally[0] == draft.case else None)
            elif draft.paragraph in introduced:  # one of the cases a dated sentence introduced
                draft.update(date=introduced[draft.paragraph])
        date = draft.event.date
        if date is not None:  # a date carried from a clause's own time stops where that does
            bisect.insort(anchors[scope], (scope, event.start, date, until), key=lambda a: a[1])
            if of_happening:
                happening.add(event.start)
        if event.type == "protest" and telling.single and date is not None:
            last_rally = (draft.case, date)
    for draft in drafts:
        if draft.telling.day_before:
            draft.update(date=day_before(draft.event.date))


def backstory_lines(drafts: list[Draft], anchors, starts: list[int]) -> set[int]:
    """The lines (indices into ``starts``) that tell the story's past, whose dates stay on
    their line: every happening the line dates itself is told before the story or as a
    habit (``В 2013 году его уже задерживали``: :func:`~.backstory.told_before_the_story`), or every
    date the line states ends before a date an earlier line of its paragraph stated (``В
    2012 году он был осужден`` after a March 2015 detention): a flashback, after which the
    story goes on at its own time. ``anchors``: paragraph scope -> its dates in text order."""
    own: defaultdict[int, list[bool]] = defaultdict(list)
    for draft in drafts:
        if draft.date_stated and draft.event.date is not None:
            own[line_at(starts, draft.event.start)].append(draft.telling.undated_past or draft.telling.marked_earlier)
    found = {line for line, past in own.items() if all(past)}
    for scoped in anchors.values():
        latest: dt.date | None = None  # the latest start of a date on the lines before
        by_line: defaultdict[int, list[DateValue]] = defaultdict(list)
        for anchor in scoped:
            by_line[line_at(starts, anchor[1])].append(anchor[2])
        for line in sorted(by_line):
            dates = by_line[line]
            if latest is not None and all(d.end < latest for d in dates):
                found.add(line)
                continue  # a flashback sets no time for the lines after it
            latest = max([latest, *(d.start for d in dates)] if latest else [d.start for d in dates])
    return found


def carry_continuing(drafts: list[Draft], continuing: dict[int, int]) -> None:
    """A dateless happening told in the first sentence of a line that points back at the
    line right before (:func:`~.backstory.points_back`; the layout's units count blank lines, so a
    blank line between them ends the story) takes the date of the last dated happening
    of that line: the narrative's reference time. Not for a total, a later happening
    (``впоследствии``), an earlier one, a habit or a penalty's cause
    (:func:`~.backstory.told_before_the_story`), a topic of a list, or one told in the present."""
    dated: defaultdict[int, list[Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.event.date is not None and not draft.telling.summary:
            dated[draft.paragraph].append(draft)
    for draft in drafts:
        event, telling = draft.event, draft.telling
        ends = continuing.get(draft.paragraph)
        if event.date is not None or ends is None or event.start >= ends:
            continue
        if telling.summary or telling.later or telling.listed or telling.day_before or telling.undated_past \
                or telling.present:  # "его обвиняют": a charge still standing, at no one time
            continue
        before = dated.get(draft.paragraph - 1)
        if before:
            draft.update(date=max(before, key=lambda d: d.event.start).event.date)


def _until(anchor) -> float:
    """Where a date anchor stops framing: a clause's date at its sentence's end."""
    return anchor[3] if len(anchor) > 3 else float("inf")


def day_before(date: DateValue | None) -> DateValue | None:
    """The day before a day-precise date; other dates are kept.

    >>> day_before(DateValue(dt.date(2012, 3, 24), dt.date(2012, 3, 24), "day")).start
    datetime.date(2012, 3, 23)
    """
    if date is None or date.precision != "day":
        return date
    day = date.start - dt.timedelta(days=1)
    return replace(date, start=day, end=day)


FRAMING_PREPOSITIONS = {"в", "во"}  # "в октябре"; not a start or a bound ("с июля", "до конца")


def dates_clause(tokens: tuple[Token, ...], index: int | None) -> bool:
    """A date word is an adverbial of a verb of its sentence (``в мае коллегия решила``,
    ``преследования начались в январе``): the time of that clause, not of a noun
    (``событий 14 марта``, nor through a participle qualifying one: ``протоколы, составленные
    в январе``) nor inside a bracket the verb stands outside of."""
    if index is None or tokens[index].rel not in {"obl", "obl:tmod", "advmod"}:
        return False
    cases = [t for t in tokens if t.head == index and t.rel == "case"]
    if any(t.text.lower() not in FRAMING_PREPOSITIONS for t in cases):
        return False
    verb = tokens[index].head
    if verb >= 0 and "VerbForm=Part" in tokens[verb].feats and "Variant=Short" not in tokens[verb].feats:
        return False  # a full participle qualifies a noun: "протоколы, составленные в январе" date the protocols
    return verb >= 0 and tokens[verb].pos in {"VERB", "AUX"} and in_brackets(tokens, index) == in_brackets(tokens, verb)
