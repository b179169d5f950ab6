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

This module reads each sentence's dates and places (:class:`Scene`); the mechanisms live
beside it: paragraphs and lines (:mod:`.paragraphs`), dates carried (:mod:`.carried_dates`),
happenings told as before the story (:mod:`.backstory`), sets of cases
(:mod:`.case_scopes`), places carried (:mod:`.carried_places`) and their names
(:mod:`.place_names`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import DATE, LOC, ORG, PER, DateValue, Mention, Sentence
from ..resources import fold, lexicon_index, load_json
from ..tag.gazetteer import place_kind
from ..tag.numbers import read_number
from ..tag.relative_dates import find_relative_dates, is_weekday, weekday_number
from .aggregate import ListHeading, sums_up
from .backstory import points_back
from .carried_dates import carry_continuing, carry_dates, dates_clause
from .carried_places import carry_places, frames_clause, heads_its_line, seats_acting_body
from .case_scopes import counts_cases, introduced_years, opened_over, opens_case, opens_example
from .clauses import counted_from, in_brackets, relative_clause, time_clause
from .draft import Draft
from .grounds import ground_phrase
from .paragraphs import date_scopes, endnote_lines, line_at, list_runs, paragraph_units, unit_of
from .place_names import place_name
from .places import adjective_places, is_goal, origin_of, person_tokens
from .time_shift import is_number, names_what_follows
from .syntax import Candidate, PlacedMention, Token, context, context_patterns, find_pattern, has_pattern, span_head


@dataclass(frozen=True, slots=True)
class SentenceScene:
    """Where a sentence stands: its paragraph unit, whether it is a caption, whether it
    is told inside a summing paragraph or list, and the date its list heading gives."""

    unit: int
    caption: bool
    summing: bool
    heading_date: DateValue | None
    endnote: bool = False  # an endnote entry of a report: its events are the bibliography's
    relative_days: tuple[Candidate, ...] = ()  # "на следующий день": a date for the trigger it modifies
    another_case: bool = False  # "Второе дело ...": opens another case of its paragraph's set


class Scene:
    """The dates and places a document states, gathered sentence by sentence (:meth:`read`),
    then carried to the events told without their own (:meth:`carry`)."""

    def __init__(self, text: str, mentions: Sequence[Mention], blank_breaks: frozenset[int] | None = None,
                 doc_date: dt.date | None = None) -> None:
        self.doc_date = doc_date  # no day counted on from a named day falls after it
        self.layout = paragraph_units(text)
        self.date_scopes = date_scopes(self.layout, blank_breaks)
        self.list_runs = list_runs(text)
        self.endnotes = endnote_lines(text)
        self.mentions = mentions
        self.dates: list[tuple[int, int, DateValue]] = []  # paragraph unit, offset, date
        self.places: list[tuple[int, int, str]] = []
        self.scene_places: list[tuple[int, int, str]] = []  # of them, where things happen (no goal)
        self.headings: set[tuple[int, int]] = set()  # of them, places heading their line: unit, offset
        self.goals: set[int] = set()  # offsets of the places named as where someone was sent ("доставили в Гаагу")
        self.introductions: dict[int, DateValue] = {}  # paragraph -> year of the cases it introduces
        self.summary_units: set[int] = set()  # "По итогам полугода": nothing carries into them
        self.case_starts: defaultdict[int, list[int]] = defaultdict(list)  # "Второе дело ...": unit -> offsets
        self.happening_days: set[int] = set()  # offsets of the anchors a happening's day sets
        # where another case begins (:meth:`case_at`): a sentence opening one, a list item, a
        # paragraph whose first sentence states a date and a place of its own
        self.case_bounds: set[int] = set()
        self._seen_lines: set[int] = set()
        self._named: set[str] = set()  # the people named so far
        # a line whose first sentence points back at the line before ("Его доставили ..."):
        # unit -> where that sentence ends (:func:`~.carried_dates.carry_continuing`)
        self.continuing: dict[int, int] = {}
        self._seen_units: set[int] = set()
        self._last_day: DateValue | None = None
        # a step of days no day is counted for (from a span of days, or past the document's
        # date): from where it stands to its sentence's end or the next date the sentence
        # names, nothing dates by day or month
        self.uncounted: list[tuple[int, int]] = []
        self._heading = ListHeading()  # a list under "Итоги:" / "Сводные данные за март:"

    def read(self, sentence: Sentence, tokens: tuple[Token, ...], placed: Sequence[PlacedMention],
             parsed: bool) -> SentenceScene:
        """Note the dates and places the sentence states; where it stands."""
        unit, caption = unit_of(self.layout, sentence.start)
        line = line_at(self.layout[0], sentence.start)
        if self.bounds_case(unit, line, placed):
            self.case_bounds.add(sentence.start)
        self._seen_lines.add(line)
        self._named |= {p.mention.normal or p.mention.text for p in placed if p.mention.type == PER}
        day_before_sentence = self._last_day
        if unit not in self._seen_units and sums_up(tokens):
            self.summary_units.add(unit)
        if unit not in self._seen_units and not caption and points_back(tokens) and not any(
                p.mention.type == DATE for p in placed):
            self.continuing[unit] = sentence.end
        self._seen_units.add(unit)
        another_case = opens_case(tokens)
        if another_case:
            self.case_starts[unit].append(sentence.start)
            self.case_bounds.add(sentence.start)
        dates = [p.mention.value for p in placed if p.mention.type == DATE and isinstance(p.mention.value, DateValue)]
        joined = {id(p): joined_days(tokens, p) for p in placed if p.mention.type == DATE}
        listed_total, heading_date = self._heading.read(sentence.text, tokens, dates)
        framed, example = False, opens_example(tokens)
        bodies = {t for p in placed if p.mention.type == ORG for t in p.tokens}
        origins = []  # places saying where a named person is from: only where no place frames the clause
        seated = False  # a body's seat names the place of what it did (:func:`seats_acting_body`)
        for p in placed:
            m = p.mention
            if m.type == DATE and isinstance(m.value, DateValue):
                # a date opening its sentence frames what the paragraph tells next ("В 2015 году
                # было заведено дело ... ударившего охранника"); a link line dates its caption;
                # a date inside what a charge or a case is about frames nothing ("в связи со
                # столкновениями 11 октября": the clashes' day, :func:`~.grounds.ground_phrase`)
                if (ground := ground_phrase(tokens, p.tokens)) is not None:
                    # the happening a case is opened over ("возбудили дело по следам шествия 9
                    # апреля") is what the paragraph tells next: its day dates the sentences
                    # after, not this one's, and no penalty (:func:`~.carried_dates.carry_dates`)
                    if ground.kind == "happenings" and opened_over(tokens, ground):
                        self.dates.append((unit, sentence.end, m.value))
                        self.happening_days.add(sentence.end)
                elif (clause := time_clause(tokens, p.tokens[0])) is not None:
                    # "После того как 3 мая прошел пикет, ...": the rally's day, not the main clause's
                    self.dates.append((unit, m.start, m.value, tokens[clause[-1]].end))
                elif _opens(tokens, m) or (caption and m.value.precision != "year"):
                    self.dates.append((unit, m.start, m.value))
                elif parsed and dates_clause(tokens, span_head(tokens, p.tokens)):
                    # a clause's own time ("..., а в мае коллегия решила, ... назначила")
                    # frames what the rest of its sentence tells, not the next sentences; an
                    # example's ("Например, ... отказалась ... осенью 2014 года") its story
                    self.dates.append((unit, m.start, m.value) if example else (unit, m.start, m.value, sentence.end))
                if m.value.precision == "day" and not (parsed and relative_clause(tokens, span_head(tokens, p.tokens))):
                    # not a relative clause's own day ("в нападении, которое он устроил 17 июня"):
                    # no later "в среду" or "на следующий день" counts from it
                    self._last_day = joined.get(id(p)) or m.value
            if m.type == LOC and heads_its_line(tokens, p.tokens):
                # "— Казань: задержаны 300 человек, оштрафованы 110": the place the line is about
                self.places.append((unit, m.start, place_name(m)))
                self.scene_places.append((unit, m.start, place_name(m)))
                self.headings.add((unit, m.start))
                framed = True
            elif m.type == LOC and parsed:
                at = span_head(tokens, p.tokens)
                if at is None:
                    continue
                goal = is_goal(tokens, list(p.tokens))
                if goal:
                    self.goals.add(m.start)
                scene = not goal and not in_brackets(tokens, at)
                if frames_clause(tokens, at):
                    self.places.append((unit, m.start, place_name(m)))
                    if scene:
                        self.scene_places.append((unit, m.start, place_name(m)))
                    framed = True
                elif seats_acting_body(tokens, at, bodies) and (place_kind(place_name(m)) or ("",))[0] == "city":
                    # where a body sits frames what it and the paragraph do next, not the
                    # happenings told before it ("Мужа задержали ... Суд Хабаровска назначил"),
                    # only a town: a region after a body named by its town's adjective is the
                    # town's region ("Люберецкий суд Московской области": Люберцы, its own clause's)
                    self.places.append((unit, m.start, place_name(m)))
                    seated = True
                elif origin_of(tokens, at, person_tokens(list(placed))) is not None:
                    # not an office's jurisdiction ("Президент Франции Макрон заявил"): whose
                    # president, no scene of what the paragraph tells
                    origins.append(((unit, m.start, place_name(m)), scene))
        if not framed and not seated:
            # "В Самаре суд признал жителя Тольятти ...": the clause's place, not a participant's
            # origin, is the scene of what the paragraph tells next
            for anchor, scene in origins:
                self.places.append(anchor)
                if scene:
                    self.scene_places.append(anchor)
                framed = True
        if parsed and not framed:
            # a city's adjective on a named participant ("дело омского активиста Петрова") sets
            # the scene of their case as "активист из Омска" does, when the sentence names no place
            names = person_tokens(list(placed))
            for candidate in adjective_places(tokens, placed):
                holder = candidate.tokens[-1]
                if any(tokens[n].head == holder or 0 < n - holder <= 3 for n in names):
                    self.places.append((unit, tokens[candidate.tokens[0]].start, candidate.name))
                    break
        if dates and counts_cases(tokens):
            year = min(dates, key=lambda d: d.start).start.year
            self.introductions[unit] = DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        relative = self._read_relative_day(unit, sentence, tokens, placed, day_before_sentence, joined)
        return SentenceScene(unit, caption, unit in self.summary_units or listed_total, heading_date,
                             self.endnotes[line], relative, another_case)

    def bounds_case(self, unit: int, line: int, placed: Sequence[PlacedMention]) -> bool:
        """A sentence read before the others of its line or paragraph begins another case when
        it opens an item of a list (each item a case: :func:`~.paragraphs.list_runs`) or opens
        a paragraph stating a date and a place of its own and naming no one named before (a
        report's chronicle: ``В мае 2014 года в Омске ...``, then ``В 2015 году в Томске ...``;
        not a statement's next day of one person's story: ``12 мая суд Омска арестовал Петрова``)."""
        if line in self._seen_lines:
            return False
        if self.list_runs[line] is not None:
            return True
        types = {p.mention.type for p in placed}
        return unit not in self._seen_units and DATE in types and LOC in types and not any(
            p.mention.type == PER and (p.mention.normal or p.mention.text) in self._named for p in placed)

    def _read_relative_day(self, unit: int, sentence: Sentence, tokens: tuple[Token, ...],
                           placed: Sequence[PlacedMention], day_before: DateValue | None,
                           joined: dict[int, DateValue | None]) -> tuple[Candidate, ...]:
        """``в этот день`` is the last named day; ``на следующий день``, ``через 5 дней``,
        ``накануне`` a step of days from the last day named before it (in its
        sentence, else before the sentence), or from the day of the happening it is counted
        from when the sentence dates that (``через два дня после пикета 8 августа``). A phrase
        inside the sentence dates from where it stands on (``задержали 5 марта, на следующий
        день суд оштрафовал``: the arrest keeps the 5th) and is a date candidate of the
        trigger it modifies, closer to it than a date of another verb. No day is counted from a
        span of days (``10–11 февраля``, ``5 и 6 апреля``) nor past the document's date: the
        rest of the sentence, up to a date it names, then takes no carried day or month (:meth:`carry`)."""
        if self._last_day is None and not any(p.mention.type == DATE for p in placed):
            return ()
        if self._last_day is not None and has_pattern(tokens, context_patterns("date_anaphora"), 0, len(tokens)):
            self.dates.append((unit, sentence.start, self._last_day))
            return ()
        found = _counted_step(tokens) or self._bare_weekday(sentence, tokens, placed)
        if found is None:
            return ()
        at, length, (step, count) = found
        # "через два дня после пикета 8 августа": the rally is what the days count from, not dated by them
        source = counted_from(tokens, range(at, at + length))
        ends = at + length
        if any(ends <= p.tokens[0] <= ends + 2 and not set(p.tokens) & source
               for p in placed if p.mention.type == DATE and p.tokens):
            return ()  # "через месяц, 18 сентября, суд ...": the day told right after is the date
        wanted = ("day",)
        counted = [joined.get(id(p)) or p.mention.value for p in placed if p.mention.type == DATE
                   and isinstance(p.mention.value, DateValue) and p.mention.value.precision in wanted
                   and set(p.tokens) & source]
        earlier = [joined.get(id(p)) or p.mention.value for p in placed if p.mention.type == DATE
                   and p.mention.start < tokens[at].start and isinstance(p.mention.value, DateValue)
                   and p.mention.value.precision in wanted]
        base = counted[0] if counted else earlier[-1] if earlier else day_before
        if base is None:
            return ()
        date = stepped(base, step, count)
        if step == "weekday":
            date = _joined_weekday(tokens, at + length, date)
        if base.start != base.end or (self.doc_date is not None and base.end <= self.doc_date < date.start):
            # from a span of days ("10–11 февраля", "5 и 6 апреля") no day is counted; a day
            # counted past the document's date from one before it is none the text names (issue
            # 12; a text naming days after its document's date is not bounded by it); a later
            # clause naming its own date ("..., а 9 апреля провели обыск") is not stepped to
            stated = [p.mention.start for p in placed if p.mention.type == DATE
                      and p.mention.start >= tokens[ends - 1].end and not set(p.tokens) & source]
            self.uncounted.append((tokens[at].start, min(stated, default=sentence.end)))
            return ()
        begins = tokens[max(source)].end if source else None
        if not earlier and not any(t.pos in {"VERB", "AUX"} for t in tokens[:at]):
            # opening its sentence: the paragraph goes on from that day
            self.dates.append((unit, sentence.start if begins is None else begins, date))
        else:  # a clause's own time: the rest of its sentence only
            self.dates.append((unit, tokens[at].start if begins is None else begins, date, sentence.end))
        return (Candidate("date", tuple(range(at, at + length)), date=date),)

    @staticmethod
    def _bare_weekday(sentence: Sentence, tokens: tuple[Token, ...],
                      placed: Sequence[PlacedMention]) -> tuple[int, int, tuple[str, int]] | None:
        """A bare weekday no DATE mention reads (a text with no date of its own to count back
        from: ``В понедельник суд арестовал его``), a step to that weekday from the last named
        day on (:func:`~pipeline.tag.relative_dates.weekday_after` does it for a dated statement)."""
        folded = fold(sentence.text)
        if not any(form in folded for form in _weekday_forms()):
            return None  # no weekday's word, so no weekday among the relative dates (most sentences)
        spans = [(p.mention.start, p.mention.end) for p in placed if p.mention.type == DATE]
        for found in find_relative_dates(sentence.text):
            start, end = sentence.start + found.start, sentence.start + found.end
            if found.kind != "weekday" or found.offset is not None or any(a < end and start < b for a, b in spans):
                continue
            inside = [t.index for t in tokens if start <= t.start and t.end <= end]
            if inside:
                return inside[0], len(inside), ("weekday", weekday_number(found.head))
        return None

    def anaphoric_place(self, tokens: tuple[Token, ...], unit: int) -> str | None:
        """``там``, ``в этом регионе``: the last place named before it in the paragraph."""
        at = find_pattern(tokens, context_patterns("place_anaphora"), 0, len(tokens))
        if at is None:
            return None
        before = [m for m in self.mentions if m.type == LOC and m.start < tokens[at].start
                  and unit_of(self.layout, m.start)[0] == unit]
        return place_name(before[-1]) if before else None

    def carry(self, drafts: list[Draft]) -> None:
        """Dates and places to the drafts told without their own."""
        for draft in drafts:  # a step no day was counted for: as a step of months, no day or month
            if draft.event.date is None and any(a <= draft.event.start < b for a, b in self.uncounted):
                draft.telling = replace(draft.telling, shifted=True)
        framed = {a[0] for a in self.dates if len(a) == 3}
        introduced = introduced_years(list(self._seen_units), self.introductions, framed)
        carry_dates(drafts, self.dates, self.summary_units, introduced, self.date_scopes,
                    (self.layout[0], self.list_runs), self.case_starts, frozenset(self.happening_days))
        carry_continuing(drafts, self.continuing)
        carry_places(drafts, self.places, self.scene_places, frozenset(self.headings))


MAX_JOINED_DAYS = 6  # day numbers read before a day joined to it: a run of days is short


def _opens(tokens: tuple[Token, ...], mention: Mention) -> bool:
    """The mention opens its sentence: only prepositions before it, or an introductory
    phrase with no verb set off by a comma (``По словам юристов, в 2016 году ...``). A weekday
    beside the date is part of it (``В понедельник 18 февраля ...``)."""
    before = [t for t in tokens if t.end <= mention.start and not is_weekday(t.text)]
    if all(t.pos in {"ADP", "PUNCT"} for t in before):
        return True
    lead = before[:-1] if before and before[-1].pos == "ADP" else before
    return bool(lead) and lead[-1].text == "," and not any(t.pos in {"VERB", "AUX"} for t in lead)


def joined_days(tokens: tuple[Token, ...], placed: PlacedMention) -> DateValue | None:
    """A day date joined to the days before it of a run of days (``5 и 6 апреля``, ``2, 3 и 4
    апреля``): the span of days from the first, as ``5–6 апреля`` is; None for a day standing
    alone or after days that do not follow one another (``2 и 9 апреля``: two days, the last
    the one the text goes on from)."""
    value = placed.mention.value
    if not placed.tokens or not isinstance(value, DateValue) or value.precision != "day" or value.start != value.end:
        return None
    words: list[str] = []  # the words before the date, last first; "2," may come as one word
    for token in reversed(tokens[max(0, placed.tokens[0] - 2 * MAX_JOINED_DAYS):placed.tokens[0]]):
        text = token.text.lower()
        words += [",", text[:-1]] if len(text) > 1 and text.endswith(",") else [text]
    numbers: list[int] = []  # the day numbers joined before it, last first
    for joiner, number in zip(words[::2], words[1::2]):
        if joiner != ("," if numbers else "и") or not number.isdigit():
            break
        numbers.append(int(number))
    day = value.start.day
    if not numbers or numbers != list(range(day - 1, day - 1 - len(numbers), -1)):
        return None
    return DateValue(value.start.replace(day=numbers[-1]), value.end, "day")


def stepped(base: DateValue, step: str, count: int) -> DateValue:
    """The day ``count`` days on from ``base`` (back, for a negative count), or for a
    ``weekday`` step the first day from ``base`` on that is that weekday (Monday 0; the base
    itself when it is one: a text naming the day again).

    >>> stepped(DateValue(dt.date(2021, 7, 17), dt.date(2021, 7, 17), "day"), "day", -1).start
    datetime.date(2021, 7, 16)
    >>> stepped(DateValue(dt.date(2021, 10, 6), dt.date(2021, 10, 6), "day"), "weekday", 4).start
    datetime.date(2021, 10, 8)
    >>> stepped(DateValue(dt.date(2021, 10, 6), dt.date(2021, 10, 6), "day"), "weekday", 2).start
    datetime.date(2021, 10, 6)
    """
    if step == "weekday":
        day = base.start + dt.timedelta(days=(count - base.start.weekday()) % 7)
    else:
        day = base.start + dt.timedelta(days=count)
    return DateValue(day, day, "day")


def _joined_weekday(tokens: tuple[Token, ...], after: int, day: DateValue) -> DateValue:
    """A weekday's day, or the span up to a second weekday joined to it by ``и`` (``в
    понедельник и во вторник``: two days, one span, as ``5 и 6 апреля`` is)."""
    at = after + 1 if after < len(tokens) and tokens[after].text.lower() == "и" else None
    if at is not None and at < len(tokens) and tokens[at].pos == "ADP":
        at += 1
    if at is None or at >= len(tokens) or not is_weekday(tokens[at].text):
        return day
    last = stepped(day, "weekday", weekday_number(tokens[at].text))
    return DateValue(day.start, last.end, "day")


def _counted_step(tokens: tuple[Token, ...]) -> tuple[int, int, tuple[str, int]] | None:
    """Where a step of days counted from the last named day stands (first token, length) and
    the step (unit, count); the first of the sentence. A phrase of ``relative_days``
    (``на следующий день``, ``наутро``; ``накануне`` only standing alone, not before the
    happening it names), or ``через``/``спустя``, a count (digits or number words; none is
    one) and a unit of ``time_shift.unit_steps`` (``через 5 дней``, ``через сутки``,
    ``спустя неделю``), or a count, a unit and ``спустя`` (``три дня спустя``); or none. A vague
    count (``через несколько дней``) or a unit of months (``спустя месяц``) is no step of days."""
    found = []
    lemmas = frozenset().union(*(t.lemmas for t in tokens))  # a pattern starts at one of them
    for pattern, days in context()["relative_days"]:
        if fold(pattern[0]) not in lemmas:
            continue
        at = find_pattern(tokens, [pattern], 0, len(tokens))
        if at is not None and not (days < 0 and names_what_follows(tokens, at + len(pattern))):
            found.append((at, len(pattern), ("day", days)))
    shift = context()["time_shift"]
    prepositions, postpositions = frozenset(shift["prepositions"]), frozenset(shift["postpositions"])
    steps = shift.get("unit_steps", {})

    def unit_of(token: Token) -> tuple[str, int] | None:
        return next((tuple(steps[lemma]) for lemma in token.lemmas if lemma in steps), None)

    def count_of(words: list[str]) -> int | None:
        if not words:
            return 1
        value = int(words[0]) if len(words) == 1 and words[0].isdigit() else read_number([w.lower() for w in words])
        return int(value) if value is not None and value == int(value) and value > 0 else None

    for i, token in enumerate(tokens):
        if token.lemmas & prepositions:
            j = i + 1
            while j < len(tokens) and j <= i + 3 and is_number(tokens[j].text.lower()):
                j += 1
            unit = unit_of(tokens[j]) if j < len(tokens) else None
            count = count_of([t.text for t in tokens[i + 1:j]])
            if unit and count:
                found.append((i, j - i + 1, (unit[0], unit[1] * count)))
        elif i + 1 < len(tokens) and tokens[i + 1].lemmas & postpositions and (unit := unit_of(token)):
            first = i
            while first > 0 and i - first < 3 and is_number(tokens[first - 1].text.lower()):
                first -= 1
            count = count_of([t.text for t in tokens[first:i]])
            if count:
                found.append((first, i - first + 2, (unit[0], unit[1] * count)))
    return min(found) if found else None


@lexicon_index
def _weekday_forms() -> tuple[str, ...]:
    """The weekdays as the relative-date grammar reads them (folded, after ``в``): a weekday it
    finds holds one of them, so a sentence holding none has no bare weekday to look for."""
    return tuple(fold(w) for w in load_json("relative_dates.json")["weekdays"])
