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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from ..records import DATE, LOC, DateValue, Mention, Sentence
from ..nlp import parse_word
from ..resources import fold
from ..tag.gazetteer import _entries as gazetteer_entries
from ..tag.gazetteer import canonical_place, place_kind
from ..tag.inflect import match_case
from .aggregate import ListHeading, is_list_item, sums_up
from .arguments import (ANSWERED_TYPES, Ground, adjective_places, counted_from, ground_phrase, in_brackets, is_goal, person_tokens,
                        qualifies_person)
from .draft import Draft
from .realis import realis_words
from .syntax import (Candidate, PlacedMention, Token, context, find_pattern, folded_set, has_pattern, heads_up,
                     pattern_lengths_at, span_head)

URL = re.compile(r"^\s*(?:https?://|www\.)", re.IGNORECASE)
BACKLINK = "\u21a9"  # "↩": a report's endnote points back to its footnote mark
ENTRY = re.compile(r"^\s*\d{1,4}\.\s")  # "14. " opens a numbered endnote entry
SOURCE_LINES = 3  # lines after an entry's URL: the URL's own rest, a source over two lines
SOURCE_CHARS = 150  # a longer line is the text again, not a source


def paragraph_units(text: str) -> tuple[list[int], list[int], list[bool]]:
    """Paragraph starts, their unit ids, and whether each is a link line or caption.

    A paragraph ending in a colon introduces the next one (a quoted account, a list):
    they are one unit, so the date and place the introduction states carry into it.

    >>> paragraph_units("Текст.\\nhttp://x.kz — 24 марта.\\nМитинг.\\nhttp://y.kz")[1:]
    ([0, 1, 1, 2], [False, True, True, True])
    >>> paragraph_units("В Омске в мае так описал это Иванов:\\n«Нас задержали».\\nДругое.")[1]
    [0, 0, 1]
    """
    starts, units, captions = [], [], []
    unit, offset, after_link, after_colon = -1, 0, False, False
    for line in text.split("\n"):
        is_link = bool(URL.match(line))
        if not ((after_link or after_colon) and not is_link and line.strip()):
            unit += 1
        starts.append(offset)
        units.append(unit)
        captions.append(is_link or (after_link and not after_colon))
        after_link = is_link or (after_link and not line.strip())
        after_colon = line.rstrip().endswith(":") or (after_colon and not line.strip())
        offset += len(line) + 1
    return starts, units, captions


BLANK_LINE_SHARE = 0.25  # share of a text's line breaks from which blank lines mark its paragraphs


def date_scopes(layout, blank_breaks: frozenset[int] | None) -> dict[int, tuple[int, int]]:
    """Paragraph unit -> the unit whose dates it shares, and where its own lines begin. A source that sets its paragraphs
    apart with blank lines (at least ``BLANK_LINE_SHARE`` of its line breaks, as news is laid
    out) may still put a paragraph's sentences on lines of their own: the lines between two
    blank lines are one paragraph for dates. ``blank_breaks``: the clean text's line breaks
    that stood for blank lines (:func:`~pipeline.normalise.blank_line_breaks`). In a text
    whose lines are its paragraphs (few blank lines, or none known) each unit is its own.

    >>> text = "Заголовок\\nВ мае был митинг.\\nЗадержаны трое.\\nИтог."
    >>> date_scopes(paragraph_units(text), frozenset({9, 43}))
    {0: (0, 0), 1: (1, 10), 2: (1, 28), 3: (3, 44)}
    >>> [scope for scope, _ in date_scopes(paragraph_units(text), None).values()]
    [0, 1, 2, 3]
    """
    starts, units, _ = layout
    scopes = {}
    for start, unit in zip(starts, units):
        scopes.setdefault(unit, (unit, start))
    breaks = len(starts) - 1
    if not blank_breaks or not breaks or len(blank_breaks) < BLANK_LINE_SHARE * breaks:
        return scopes
    block, seen = units[0], {units[0]}
    for start, unit in zip(starts[1:], units[1:]):
        if start - 1 in blank_breaks:
            block = unit
        if unit not in seen:  # a caption's or a list's lines share their unit already
            seen.add(unit)
            scopes[unit] = (block, start)
    return scopes


NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}[.)]\s")  # "2. Олег ...", "2) Олег ...": an item of a numbered list


def list_runs(text: str) -> list[int | None]:
    """For each line of the text, where the run of list items it belongs to begins (an item
    opening ``N.``, ``N)``, a dash or a bullet), or None for a line that is no item. Each item
    tells its own case: a date one item states is not the next item's, though a heading's
    date (``12 марта задержаны:``) is all of theirs.

    >>> list_runs("Задержаны:\\n1. Иван — 12 марта.\\n2. Олег.\\nИтог.")
    [None, 11, 11, None]
    >>> list_runs("— Тверь: 5 человек;\\n— Омск: 2 человека.")
    [0, 0]
    """
    runs, offset, run = [], 0, None
    for line in text.split("\n"):
        item = bool(NUMBERED_ITEM.match(line)) or (bool(line.strip()) and is_list_item(line))
        run = (offset if run is None else run) if item else None
        runs.append(run)
        offset += len(line) + 1
    return runs


def endnote_lines(text: str) -> list[bool]:
    """Whether each line of the text belongs to an endnote entry of a report: its
    numbered headline ending in ``↩`` (over one or two lines), the URL lines after it
    and the source line or two after those (``«Новая газета», 17.03.2013``).

    >>> endnote_lines("Текст.\\n3. Задержан активист ↩\\nhttp://x.org/a\\nНовости, 01.05.2014\\nТекст.")
    [False, True, True, True, False]
    >>> endnote_lines("6. Длинный заголовок\\nв две строки. ↩\\nhttp://x.org")
    [True, True, True]
    """
    lines = text.split("\n")
    flags = [False] * len(lines)
    source_left = 0
    for i, line in enumerate(lines):
        if BACKLINK in line:
            flags[i] = True
            if i > 0 and ENTRY.match(lines[i - 1]) and BACKLINK not in lines[i - 1]:
                flags[i - 1] = True  # a headline over two lines
            source_left = 0
        elif URL.match(line) and i > 0 and flags[i - 1]:
            flags[i], source_left = True, SOURCE_LINES
        elif source_left and line.strip() and not ENTRY.match(line) and len(line) <= SOURCE_CHARS:
            # the source ends with its date or a full stop; a URL broken over lines goes on
            ended = bool(re.search(r"(?:\d{2}\.\d{2}\.\d{4}|\.)\s*$", line))
            flags[i], source_left = True, 0 if ended else source_left - 1
        else:
            source_left = 0
    return flags


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
    # an infinitive or a participle of the main clause tells its place too ("вышли выступить
    # против войны в Барнауле")
    while verb >= 0 and tokens[verb].rel in {"xcomp", "advcl"} and "Tense=Past" not in tokens[verb].feats:
        verb = tokens[verb].head
    if verb < 0 or not ("Tense=Past" in tokens[verb].feats or "Variant=Short" in tokens[verb].feats):
        return False
    head = tokens[verb].head
    return head < 0 or (tokens[verb].rel == "conj" and tokens[head].head < 0)


INTRODUCED_REACH = 4  # paragraphs after a set's introduction that may be its examples
QUANTIFIERS = {"несколько", "ряд", "много", "немало", "множество", "минимум", "десяток"}


def counts_cases(tokens: tuple[Token, ...]) -> bool:
    """The sentence counts cases: ``дело`` in the plural or under a number or a quantifier
    (``несколько дел``, ``два дела``, ``ряд уголовных дел``)."""
    for token in tokens:
        if "дело" not in token.lemmas:
            continue
        if "Number=Plur" in token.feats:
            return True
        near = tokens[max(0, token.index - 3): token.index]
        if any(t.pos == "NUM" or t.lemmas & QUANTIFIERS for t in near):
            return True
    return False


def introduced_years(units: list[int], introductions: dict[int, DateValue], framed: set[int]) -> dict[int, DateValue]:
    """Paragraph -> the year of the set of cases it is an example of: the paragraphs after
    one whose sentence dates a count of cases (``За 2016 год против блогеров завели пять
    дел ...``), up to ``INTRODUCED_REACH``, until one that sets a time of its own.

    >>> year = DateValue(dt.date(2014, 1, 1), dt.date(2014, 12, 31), "year")
    >>> sorted(introduced_years([0, 1, 2, 3, 4], {1: year}, {4}))
    [2, 3]
    """
    found, current = {}, None
    for unit in sorted(units):
        if unit in introductions:
            current = (unit, introductions[unit])
        elif unit in framed:
            current = None
        elif current is not None and unit - current[0] <= INTRODUCED_REACH:
            found[unit] = current[1]
    return found


def carry_dates(drafts: list[Draft], date_anchors, rally_dates_blocked: set[int],
                introduced: dict[int, DateValue] | None = None,
                scopes: dict[int, tuple[int, int]] | None = None, lines: tuple[list[int], list[int | None]] | None = None,
                cases: dict[int, list[int]] | None = None, happening_days: frozenset[int] = frozenset()) -> None:
    """Give dateless drafts the last date stated before them in their paragraph, or,
    for a single rally, the date of the last dated rally, or the year of the set of cases
    the paragraph is an example of (``introduced``: paragraph -> year); then shift ``за
    день до``. ``scopes``: paragraph -> the paragraph whose dates it shares and where the
    paragraph's own line begins (:func:`date_scopes`): a date of an earlier line goes to no
    happening told in the present (``обвиняется``: a charge still standing) nor to one told
    before the story (``Ранее ее штрафовали``: :func:`told_before_the_story`). ``lines``: the
    text's line starts and their runs of list items (:func:`list_runs`): a date crosses no
    line from an earlier item of the list, nor from a line told before the story
    (:func:`backstory_lines`). ``cases``: paragraph -> where the sentences opening another case
    of its set begin (:func:`opens_case`): a day or month told before one is not carried past it.
    ``happening_days``: where the anchors of a happening a case was opened over begin (the
    rally's day dates its story, not a fine or an arrest the story ends in)."""
    penalties = folded_set("penalty_types")
    scopes = scopes or {}
    case_starts: defaultdict[int, list[int]] = defaultdict(list)
    for unit, starts_of_cases in (cases or {}).items():
        case_starts[scopes.get(unit, (unit, 0))[0]] += starts_of_cases
    for found in case_starts.values():
        found.sort()
    starts, runs = lines or ([0], [None])
    anchors = _by_unit(sorted(((scopes.get(a[0], (a[0], 0))[0], *a[1:]) for a in date_anchors),
                              key=lambda a: a[1]))
    backstory = backstory_lines(drafts, anchors, starts)

    def line_at(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    def crosses(anchor, line: int) -> bool:  # may the anchor's date go to a happening of the line?
        at = line_at(anchor[1])
        if at == line:
            return True
        return at not in backstory and not (runs[line] is not None and anchor[1] >= runs[line])

    last_rally: DateValue | None = None
    introduced = introduced or {}
    for draft in sorted(drafts, key=lambda d: d.event.start):
        event, telling = draft.event, draft.telling
        until = float("inf") if draft.date_until is None else draft.date_until
        scope, begins = scopes.get(draft.paragraph, (draft.paragraph, 0))
        if event.date is None:
            line = line_at(event.start)
            same = [a for a in anchors[scope] if a[1] < event.start and event.start < _until(a)
                    and (a[1] >= begins or not (telling.present or telling.undated_past)) and crosses(a, line)
                    # an application's clause is dated by when it was filed, not the rally it asks for
                    and not (telling.about_application and _until(a) < float("inf"))]
            if event.type in penalties:  # "Суд оштрафовал его": not on the day of the rally the case was over
                same = [a for a in same if a[1] not in happening_days]
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
            if same and telling.retelling:
                draft.fallback_date = same[-1][2]
            elif same:
                draft.update(date=same[-1][2])
                until = _until(same[-1])
            elif event.type == "protest" and telling.single and draft.paragraph not in rally_dates_blocked:
                draft.update(date=last_rally)
            elif draft.paragraph in introduced:  # one of the cases a dated sentence introduced
                draft.update(date=introduced[draft.paragraph])
        date = draft.event.date
        if date is not None:  # a date carried from a clause's own time stops where that does
            bisect.insort(anchors[scope], (scope, event.start, date, until), key=lambda a: a[1])
        if event.type == "protest" and telling.single and date is not None:
            last_rally = date
    for draft in drafts:
        if draft.telling.day_before:
            draft.update(date=day_before(draft.event.date))


def backstory_lines(drafts: list[Draft], anchors, starts: list[int]) -> set[int]:
    """The lines (indices into ``starts``) that tell the story's past, whose dates stay on
    their line: every happening the line dates itself is told before the story or as a
    habit (``В 2013 году его уже задерживали``: :func:`told_before_the_story`), or every
    date the line states ends before a date an earlier line of its paragraph stated (``В
    2012 году он был осужден`` after a March 2015 detention): a flashback, after which the
    story goes on at its own time. ``anchors``: paragraph scope -> its dates in text order."""
    def line_at(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    own: defaultdict[int, list[bool]] = defaultdict(list)
    for draft in drafts:
        if draft.date_stated and draft.event.date is not None:
            own[line_at(draft.event.start)].append(draft.telling.undated_past or draft.telling.marked_earlier)
    found = {line for line, past in own.items() if all(past)}
    for scoped in anchors.values():
        latest: dt.date | None = None  # the latest start of a date on the lines before
        by_line: defaultdict[int, list[DateValue]] = defaultdict(list)
        for anchor in scoped:
            by_line[line_at(anchor[1])].append(anchor[2])
        for line in sorted(by_line):
            dates = by_line[line]
            if latest is not None and all(d.end < latest for d in dates):
                found.add(line)
                continue  # a flashback sets no time for the lines after it
            latest = max([latest, *(d.start for d in dates)] if latest else [d.start for d in dates])
    return found


PERSONAL_PRONOUNS = {"он", "она", "они"}
OPENING_TOKENS = 4  # a back-reference this near the line's start opens it


def points_back(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens by pointing back at what was just told: a third-person pronoun
    (``Его доставили``, ``Кроме того, ему``) or ``тогда же`` among its first words."""
    words = [t for t in tokens if t.pos != "PUNCT"][:OPENING_TOKENS]
    return any(t.pos == "PRON" and t.lemmas & PERSONAL_PRONOUNS for t in words) or _then(tokens)


CASE_NOUN_REACH = 3  # words between an opener and its case noun ("Второе уголовное дело")
CASE_SUBJECTS = {"nsubj", "nsubj:pass"}


def _first_word(tokens: tuple[Token, ...]) -> Token | None:
    """The sentence's first word, after a leading conjunction at most (``А так, ...``)."""
    words = [t for t in tokens if t.pos != "PUNCT"]
    if words and words[0].pos == "CCONJ":
        words = words[1:]
    return words[0] if words else None


def opens_case(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens another case of the set its paragraph tells: an opener of
    ``case_openers`` (``второй``, ``другой``, ``еще один``) first, after a conjunction at most,
    qualifying a case noun of ``case_nouns`` in the parse (the opener's head is the noun) that
    is not governed by ``по`` and is its sentence's subject or topic (before its verb):
    ``Второе дело ...``, ``А другой случай ...``, ``Еще одно уголовное дело возбудили ...``;
    not ``Другой задержанный по делу, ...`` (one of those told before).

    >>> def t(i, lemma, pos, head, rel):  # a token of a parsed sentence: its lemma, head and relation
    ...     return Token(i, 0, 0, lemma, frozenset({lemma}), pos, head, rel)
    >>> opens_case((t(0, "второй", "ADJ", 1, "amod"), t(1, "дело", "NOUN", 2, "nsubj"), t(2, "закрыть", "VERB", -1, "root")))
    True
    >>> opens_case((t(0, "другой", "ADJ", 1, "amod"), t(1, "задержанный", "VERB", 4, "nsubj"),
    ...             t(2, "по", "ADP", 3, "case"), t(3, "дело", "NOUN", 1, "obl"), t(4, "рассказать", "VERB", -1, "root")))
    False
    """
    first = _first_word(tokens)
    if first is None:
        return False
    lengths = pattern_lengths_at(tokens, context()["case_openers"], first.index)
    if not lengths:
        return False
    opener = tokens[first.index + max(lengths) - 1]  # "одно" of "еще одно": the word on the noun
    after = first.index + max(lengths)
    nouns = folded_set("case_nouns")
    if not any(t.head >= 0 for t in tokens):  # a sentence with no trigger is not parsed: the words' order
        reach = tokens[after: after + CASE_NOUN_REACH]
        return any(t.lemmas & nouns for t in reach) and all(t.text.lower() != "по" for t in reach)
    if not after <= opener.head < after + CASE_NOUN_REACH:
        return False
    noun = tokens[opener.head]
    return bool(noun.lemmas & nouns) \
        and not any(t.head == noun.index and t.rel == "case" and t.text.lower() == "по" for t in tokens) \
        and (noun.rel in CASE_SUBJECTS or noun.head > noun.index)


def opens_example(tokens: tuple[Token, ...]) -> bool:
    """The sentence opens an example case: a word of ``example_openers`` first, after a
    conjunction at most, and a comma after it (``Например, ...``, ``Так, ...``, ``А так, ...``).

    >>> def t(i, text, pos):
    ...     return Token(i, 0, 0, text, frozenset({text.lower()}), pos, -1, "")
    >>> opens_example((t(0, "Например", "ADV"), t(1, ",", "PUNCT"), t(2, "суд", "NOUN")))
    True
    >>> opens_example((t(0, "Так", "ADV"), t(1, "суд", "NOUN")))
    False
    """
    first = _first_word(tokens)
    if first is None or first.index + 1 >= len(tokens):
        return False
    return bool(first.lemmas & folded_set("example_openers")) and tokens[first.index + 1].text == ","


def opened_over(tokens: tuple[Token, ...], ground: Ground) -> bool:
    """The ground names a happening a case or a trial is opened over: its noun hangs, through
    the parse, on a word of ``case_opening_words`` (``возбудили дело по следам митинга``,
    ``начались процессы по следам событий``, ``дело завели в связи со столкновениями``) before
    any other verb (not ``задержали в связи с ...``, ``оштрафовали ...``)."""
    words = folded_set("case_opening_words")
    index = ground.noun
    for _ in range(len(tokens)):
        if index is None or index < 0:
            return False
        if tokens[index].lemmas & words:
            return True
        if tokens[index].pos in {"VERB", "AUX"}:
            return False
        index = tokens[index].head
    return False


def told_before_the_story(tokens: tuple[Token, ...], anchor: int, first: int,
                          markers: list[tuple[str, ...]] | None = None) -> bool:
    """The happening is not at the time the line above tells but before it, or is a past
    habit, so a line pointing back does not give it that line's date:

    - a marker of an earlier time or a habit on its verb (``Его уже задерживали``, ``была
      задержана ранее``, ``До этого его ...``: ``earlier_markers``; the habitual and
      frequency adverbs, ``регулярно``, ``обычно``), or opening the sentence;
    - an imperfective past verb (pymorphy3's aspect: ``задерживали``, ``штрафовали``): a
      momentary happening told so happened more than once, at no one time; unless the
      line says ``тогда же``, the very time told before;
    - a happening governed by ``за`` (``за пикеты``, ``за участие в акции``): what a
      penalty is for, done before it.

    ``markers``: the scoped markers when already found (:func:`scoped_earlier_markers`)."""
    governors = {anchor, *heads_up(tokens, anchor, 2)}

    def scopes(i: int, length: int) -> bool:  # the marker is on the happening's verb, or opens all
        return any(t.head in governors for t in tokens[i : i + length]) or _opens_sentence(tokens, i)

    if scoped_earlier_markers(tokens, anchor) if markers is None else markers:
        return True
    adverbs = folded_set("habitual_adverbs") | realis_words("habitual_adverbs") | realis_words("frequency_adverbs")
    if any(t.pos == "ADV" and t.lemmas & adverbs and scopes(t.index, 1) for t in tokens):
        return True
    if tokens[anchor].pos in {"VERB", "AUX"} and not _then(tokens) and any(
            p.tag.POS == "VERB" and p.tag.aspect == "impf" and p.tag.tense == "past"
            for p in parse_word(tokens[anchor].text)[:1]):
        return True
    return _for_cause(tokens, anchor, first)


def scoped_earlier_markers(tokens: tuple[Token, ...], anchor: int) -> list[tuple[str, ...]]:
    """The markers of an earlier time (``earlier_markers``) on the happening's verb (or the
    two words above it), or opening the sentence (``До этого его ...``)."""
    governors = {anchor, *heads_up(tokens, anchor, 2)}
    markers = context()["earlier_markers"]
    found, start = [], 0
    while (i := find_pattern(tokens, markers, start, len(tokens))) is not None:
        length = max(len(p) for p in markers if has_pattern(tokens, [p], i, i + len(p)))
        if any(t.head in governors for t in tokens[i : i + length]) or _opens_sentence(tokens, i):
            found.append(tuple(t.text.lower() for t in tokens[i : i + length]))
        start = i + 1
    return found


def marked_earlier(tokens: tuple[Token, ...], anchor: int, markers: list[tuple[str, ...]] | None = None) -> bool:
    """The happening's verb carries an explicit marker of an earlier time (``ранее``,
    ``прежде``, ``до этого``, ``неоднократно``, ``в прошлом``): a happening before the one
    told, never it retold. ``уже`` counts only on a verb that is not perfective (``Его уже
    задерживали``): with a perfective past or participle (``его уже доставили``, ``уже
    приговорен``) it tells what is done by now, the happening just told. Neither an
    imperfective past alone nor ``за`` (the cause of a penalty) is such a marker: they keep a
    line's date from it (:func:`told_before_the_story`), not its identity."""
    found = scoped_earlier_markers(tokens, anchor) if markers is None else markers
    if any(marker != ("уже",) for marker in found):
        return True
    if not found:
        return False
    parsed = parse_word(tokens[anchor].text.lower())[0].tag
    return parsed.aspect != "perf"


def _opens_sentence(tokens: tuple[Token, ...], index: int) -> bool:
    """Only punctuation, pronouns and prepositions before the word: an adverbial opening
    the sentence (``Ранее, …``, ``До этого его …``) is about all of it."""
    return all(t.pos in {"PUNCT", "PRON", "ADP", "CCONJ"} for t in tokens[:index])


def _then(tokens: tuple[Token, ...]) -> bool:
    """``тогда же`` among the sentence's first words."""
    words = [t.text.lower() for t in tokens if t.pos != "PUNCT"][: OPENING_TOKENS + 1]
    return any(a == "тогда" and b == "же" for a, b in zip(words, words[1:]))


def _for_cause(tokens: tuple[Token, ...], anchor: int, first: int) -> bool:
    """The happening, or the noun it depends on (``за участие в акции``), is governed by
    ``за`` (not of a span of time: ``за время акции``); where the parse misses it, ``за``
    right before the trigger with only adjectives, numbers or determiners between."""
    periods = folded_set("total_periods")
    for i in [anchor, *heads_up(tokens, anchor, 2)]:
        if tokens[i].lemmas & periods:
            return False
        if any(t.head == i and t.rel == "case" and t.text.lower() == "за" for t in tokens):
            return True
    for j in range(first - 1, max(-1, first - 4), -1):
        if tokens[j].text.lower() == "за":
            return True
        if tokens[j].pos not in {"ADJ", "DET", "NUM"}:
            return False
    return False


def carry_continuing(drafts: list[Draft], continuing: dict[int, int]) -> None:
    """A dateless happening told in the first sentence of a line that points back at the
    line right before (:func:`points_back`; the layout's units count blank lines, so a
    blank line between them ends the story) takes the date of the last dated happening
    of that line: the narrative's reference time. Not for a total, a later happening
    (``впоследствии``), an earlier one, a habit or a penalty's cause
    (:func:`told_before_the_story`), a topic of a list, or one told in the present."""
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
    place_anchors = _by_unit(place_anchors)
    scene_anchors = _by_unit(scene_anchors or ())
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
                draft.update(place=same[-1][2])
            elif anchors and len({a[2] for a in anchors}) == 1 and scene_anchors[draft.paragraph]:
                place = scene_anchors[draft.paragraph][0][2]
                if frames_happening(draft.event.type, place) and place == anchors[0][2]:
                    draft.update(place=place)


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


def _by_unit(anchors) -> defaultdict[int, list]:
    """Anchors ``(unit, offset, value)`` by paragraph unit, in their order: a draft looks
    only at its own paragraph's, so a long list is not scanned once per line."""
    found = defaultdict(list)
    for anchor in anchors:
        found[anchor[0]].append(anchor)
    return found


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
                draft.update(place=same[-1][1])
        else:
            told[draft.paragraph].append((event.start, event.place, event.type))
            if event.type in ANSWERED_TYPES and not draft.telling.summary:
                protests[draft.paragraph].append((event.start, event.place))


def place_situated_events(merged: list[Draft]) -> None:
    """An event told as happening at a rally (``во время акции``, ``на месте
    митинга``) takes the rally's place: the rally told in its paragraph."""
    rallies = [e for e in merged if e.event.type == "protest" and e.event.place]
    for draft in merged:
        if draft.event.place or draft.event.type == "protest":
            continue
        for telling in [draft, *draft.members]:
            if not telling.telling.situated:
                continue
            near = [r for r in rallies if any(t.paragraph == telling.paragraph for t in [r, *r.members])]
            if near:
                draft.update(place=near[0].event.place)
                break


def place_name(mention: Mention) -> str:
    """An event's place: one name per place (``Жана Озене`` and ``Жанаозен`` agree), in
    the nominative where the mention's own normal kept an accusative the noun hides
    (``на Болотную площадь``), the gazetteer's spelling for a one-letter slip."""
    name = mention.normal or mention.text
    canonical = canonical_place(name)
    if canonical != name:
        return canonical
    return misspelt_place(name) or accusative_to_nominative(name)


NEAR_MISS_LETTERS = 7  # a shorter name a letter off another is likely another place


def misspelt_place(name: str) -> str | None:
    """The gazetteer's place a one-word name misspells by a doubled letter, in any case
    form (``Новоросийске`` -> ``Новороссийск``), when that place is the only one so near.

    >>> misspelt_place("Новоросийске"), misspelt_place("Уральске"), misspelt_place("Орле")
    ('Новороссийск', None, None)
    """
    if " " in name.strip() or not name.isalpha():
        return None
    forms = {fold(p.normal_form) for p in parse_word(name.lower()) if p.tag.POS == "NOUN"} | {fold(name)}
    found = {canonical_place(candidate) for form in forms if len(form) >= NEAR_MISS_LETTERS
             for candidate in _one_letter_off(form)}
    return found.pop() if len(found) == 1 else None


def _one_letter_off(form: str) -> set[str]:
    """Gazetteer names ``form`` is a doubled-letter slip of (``невиномысск`` for
    ``невинномысск``, ``таллин`` for ``таллинн``): a letter written once where the name has it
    twice, or twice where once. Other one-letter differences are other places (``Уральск``,
    ``Аральск``)."""
    names = _one_word_places()
    near = {form[:i] + form[i] + form[i:] for i in range(len(form))}
    near |= {form[:i] + form[i + 1:] for i in range(1, len(form)) if form[i] == form[i - 1]}
    near.discard(form)
    return {names[n] for n in near if n in names}


@cache
def _one_word_places() -> dict[str, str]:
    """Folded one-word gazetteer names of cities and regions, to their written name."""
    return {key[0]: entry[3] for key, entry in gazetteer_entries().items()
            if len(key) == 1 and entry[1] in {"city", "region"}}


def accusative_to_nominative(name: str) -> str:
    """An adjective and its noun in the accusative, the noun's accusative like its
    nominative (``Болотную площадь``), in the nominative; other names as they are.

    >>> accusative_to_nominative("Болотную площадь"), accusative_to_nominative("Красная площадь")
    ('Болотная площадь', 'Красная площадь')
    """
    words = name.split()
    if len(words) != 2 or not all(w.isalpha() for w in words):
        return name
    adjectives = [p for p in parse_word(words[0].lower()) if p.tag.POS == "ADJF"]
    if not adjectives or any(p.tag.case == "nomn" for p in adjectives):
        return name
    for noun in parse_word(words[1].lower()):
        if noun.tag.POS != "NOUN" or noun.tag.case != "accs" or noun.tag.number != "sing":
            continue
        adjective = next((p for p in adjectives if p.tag.case == "accs" and p.tag.gender == noun.tag.gender), None)
        head = noun.inflect({"nomn", "sing"})
        agreed = adjective.inflect({"nomn", "sing", noun.tag.gender}) if adjective else None
        if head and agreed:
            return f"{match_case(words[0], agreed.word)} {match_case(words[1], head.word)}"
    return name


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

    def __init__(self, text: str, mentions: Sequence[Mention], blank_breaks: frozenset[int] | None = None) -> None:
        self.layout = paragraph_units(text)
        self.date_scopes = date_scopes(self.layout, blank_breaks)
        self.list_runs = list_runs(text)
        self.endnotes = endnote_lines(text)
        self.mentions = mentions
        self.dates: list[tuple[int, int, DateValue]] = []  # paragraph unit, offset, date
        self.places: list[tuple[int, int, str]] = []
        self.scene_places: list[tuple[int, int, str]] = []  # of them, where things happen (no goal)
        self.headings: set[tuple[int, int]] = set()  # of them, places heading their line: unit, offset
        self.introductions: dict[int, DateValue] = {}  # paragraph -> year of the cases it introduces
        self.summary_units: set[int] = set()  # "По итогам полугода": nothing carries into them
        self.case_starts: defaultdict[int, list[int]] = defaultdict(list)  # "Второе дело ...": unit -> offsets
        self.happening_days: set[int] = set()  # offsets of the anchors a happening's day sets
        # a line whose first sentence points back at the line before ("Его доставили ..."):
        # unit -> where that sentence ends (:func:`carry_continuing`)
        self.continuing: dict[int, int] = {}
        self._seen_units: set[int] = set()
        self._last_day: DateValue | None = None
        self._heading = ListHeading()  # a list under "Итоги:" / "Сводные данные за март:"

    def read(self, sentence: Sentence, tokens: tuple[Token, ...], placed: Sequence[PlacedMention],
             parsed: bool) -> SentenceScene:
        """Note the dates and places the sentence states; where it stands."""
        unit, caption = unit_of(self.layout, sentence.start)
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
        dates = [p.mention.value for p in placed if p.mention.type == DATE and isinstance(p.mention.value, DateValue)]
        listed_total, heading_date = self._heading.read(sentence.text, tokens, dates)
        framed, example = False, opens_example(tokens)
        for p in placed:
            m = p.mention
            if m.type == DATE and isinstance(m.value, DateValue):
                # a date opening its sentence frames what the paragraph tells next ("В 2015 году
                # было заведено дело ... ударившего охранника"); a link line dates its caption;
                # a date inside what a charge or a case is about frames nothing ("в связи со
                # столкновениями 11 октября": the clashes' day, :func:`ground_phrase`)
                if (ground := ground_phrase(tokens, p.tokens)) is not None:
                    # the happening a case is opened over ("возбудили дело по следам шествия 9
                    # апреля") is what the paragraph tells next: its day dates the sentences
                    # after, not this one's, and no penalty (:func:`carry_dates`)
                    if ground.kind == "happenings" and opened_over(tokens, ground):
                        self.dates.append((unit, sentence.end, m.value))
                        self.happening_days.add(sentence.end)
                elif _opens(tokens, m) or (caption and m.value.precision != "year"):
                    self.dates.append((unit, m.start, m.value))
                elif parsed and dates_clause(tokens, span_head(tokens, p.tokens)):
                    # a clause's own time ("..., а в мае коллегия решила, ... назначила")
                    # frames what the rest of its sentence tells, not the next sentences; an
                    # example's ("Например, ... отказалась ... осенью 2014 года") its story
                    self.dates.append((unit, m.start, m.value) if example else (unit, m.start, m.value, sentence.end))
                if m.value.precision == "day":
                    self._last_day = m.value
            if m.type == LOC and heads_its_line(tokens, p.tokens):
                # "— Казань: задержаны 300 человек, оштрафованы 110": the place the line is about
                self.places.append((unit, m.start, place_name(m)))
                self.scene_places.append((unit, m.start, place_name(m)))
                self.headings.add((unit, m.start))
                framed = True
            elif m.type == LOC and parsed:
                at = span_head(tokens, p.tokens)
                if at is not None and (frames_clause(tokens, at)
                                       or qualifies_person(tokens, at, person_tokens(list(placed)))):
                    self.places.append((unit, m.start, place_name(m)))
                    if not is_goal(tokens, list(p.tokens)) and not in_brackets(tokens, at):
                        self.scene_places.append((unit, m.start, place_name(m)))
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
        relative = self._read_relative_day(unit, sentence, tokens, placed, day_before_sentence)
        line = max(bisect.bisect_right(self.layout[0], sentence.start) - 1, 0)
        return SentenceScene(unit, caption, unit in self.summary_units or listed_total, heading_date,
                             self.endnotes[line], relative, another_case)

    def _read_relative_day(self, unit: int, sentence: Sentence, tokens: tuple[Token, ...],
                           placed: Sequence[PlacedMention], day_before: DateValue | None) -> tuple[Candidate, ...]:
        """``в этот день`` is the last named day; ``на следующий день`` a day after the last
        day named before it (in its sentence, else before the sentence). A phrase inside the
        sentence dates from where it stands on (``задержали 5 марта, на следующий день суд
        оштрафовал``: the arrest keeps the 5th) and is a date candidate of the trigger it
        modifies, closer to it than a date of another verb."""
        if self._last_day is None:
            return ()
        if has_pattern(tokens, context()["date_anaphora"], 0, len(tokens)):
            self.dates.append((unit, sentence.start, self._last_day))
            return ()
        found = _days_later(tokens)
        if found is None:
            return ()
        at, length, later = found
        earlier = [p.mention.value for p in placed if p.mention.type == DATE and p.mention.start < tokens[at].start
                   and isinstance(p.mention.value, DateValue) and p.mention.value.precision == "day"]
        base = earlier[-1] if earlier else day_before
        if base is None:
            return ()
        day = base.start + dt.timedelta(days=later)
        date = DateValue(day, day, "day")
        # "через два дня после митинга": the rally is what the days count from, not dated by them
        source = counted_from(tokens, range(at, at + length))
        begins = tokens[max(source)].end if source else None
        if not earlier and not any(t.pos in {"VERB", "AUX"} for t in tokens[:at]):
            # opening its sentence: the paragraph goes on from that day
            self.dates.append((unit, sentence.start if begins is None else begins, date))
        else:  # a clause's own time: the rest of its sentence only
            self.dates.append((unit, tokens[at].start if begins is None else begins, date, sentence.end))
        return (Candidate("date", tuple(range(at, at + length)), date=date),)

    def anaphoric_place(self, tokens: tuple[Token, ...], unit: int) -> str | None:
        """``там``, ``в этом регионе``: the last place named before it in the paragraph."""
        at = find_pattern(tokens, context()["place_anaphora"], 0, len(tokens))
        if at is None:
            return None
        before = [m for m in self.mentions if m.type == LOC and m.start < tokens[at].start
                  and unit_of(self.layout, m.start)[0] == unit]
        return place_name(before[-1]) if before else None

    def carry(self, drafts: list[Draft]) -> None:
        """Dates and places to the drafts told without their own."""
        framed = {a[0] for a in self.dates if len(a) == 3}
        introduced = introduced_years(list(self._seen_units), self.introductions, framed)
        carry_dates(drafts, self.dates, self.summary_units, introduced, self.date_scopes,
                    (self.layout[0], self.list_runs), self.case_starts, frozenset(self.happening_days))
        carry_continuing(drafts, self.continuing)
        carry_places(drafts, self.places, self.scene_places, frozenset(self.headings))


def heads_its_line(tokens: tuple[Token, ...], covered: Sequence[int]) -> bool:
    """A place opening its sentence, after nothing but a dash or bullet, and followed by a
    colon (``— Казань: задержаны ...``, ``Омск: суд арестовал ...``): a list entry or a
    dateline about that place, which is the scene of what the entry tells."""
    if not covered or covered[-1] + 1 >= len(tokens) or tokens[covered[-1] + 1].text != ":":
        return False
    return all(t.pos == "PUNCT" or not t.text.isalnum() for t in tokens[:covered[0]])


def _opens(tokens: tuple[Token, ...], mention: Mention) -> bool:
    """The mention opens its sentence: only prepositions before it, or an introductory
    phrase with no verb set off by a comma (``По словам юристов, в 2016 году ...``)."""
    before = [t for t in tokens if t.end <= mention.start]
    if all(t.pos in {"ADP", "PUNCT"} for t in before):
        return True
    lead = before[:-1] if before and before[-1].pos == "ADP" else before
    return bool(lead) and lead[-1].text == "," and not any(t.pos in {"VERB", "AUX"} for t in lead)


def _days_later(tokens: tuple[Token, ...]) -> tuple[int, int, int] | None:
    """Where a relative day phrase stands (first token, length) and the days after the
    last named day it counts; the first of the sentence."""
    found = []
    lemmas = frozenset().union(*(t.lemmas for t in tokens))  # a pattern starts at one of them
    for pattern, days in context()["relative_days"]:
        if fold(pattern[0]) not in lemmas:
            continue
        at = find_pattern(tokens, [pattern], 0, len(tokens))
        if at is not None:
            found.append((at, len(pattern), days))
    return min(found) if found else None
