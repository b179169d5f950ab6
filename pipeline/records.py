"""Plain typed records that the stages hand each other.

Every stage takes and returns these; spaCy and natasha objects never leave the
module that made them. Offsets are half-open ``start``/``end`` indices into a
named text: ``Page.text``, the raw text of a document (pages joined by a form
feed) or the clean text made from it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

# Mention labels.
PER = "PER"
LOC = "LOC"
ORG = "ORG"
DATE = "DATE"
MONEY = "MONEY"
TERM = "TERM"
COUNT = "COUNT"
MENTION_TYPES = (PER, LOC, ORG, DATE, MONEY, TERM, COUNT)
# What kind of place a LOC names (``mentions.place_kind``; null: a settlement, region, country).
VENUE = "venue"
PLACE_KINDS = (VENUE,)

# Event types: the SPEC taxonomy, in its order (the ``events.type`` column).
EVENT_TYPES = (
    "protest", "permit_denied", "warning", "detention", "custody", "fine", "court",
    "violence", "surveillance", "intimidation", "eviction", "expulsion", "compulsory_work",
    "other",
)

# Who acted (the ``events.actors`` column); data/annotated/README.md defines each.
ACTORS = (
    "police", "court", "akimat", "prosecutor", "security_service",
    "authorities", "employer", "venue_owner", "school", "unknown",
)

# The value fields of a mention and of an event, in SPEC column order: the columns
# the tables write, the fields gold carries and the lines annotators edit, written
# once here for every format.
MENTION_VALUE_FIELDS = (
    "normal", "date_start", "date_end", "date_precision", "amount_min", "amount_max",
    "currency", "term_min", "term_max", "term_unit", "count_min", "count_max", "approx",
)
EVENT_VALUE_FIELDS = (
    "date_start", "date_end", "date_precision", "place", "persons", "actors",
    "count_min", "count_max", "amount_min", "amount_max", "currency", "term_min",
    "term_max", "term_unit", "negated", "aggregate",
)
NAME_FIELDS = ("persons", "actors")  # lists of names, joined by NAME_SEPARATOR in tables
NAME_SEPARATOR = "; "

# How a document's text was obtained (the ``extraction`` column).
TEXT, OCR, MIXED, PLAIN, DOCX = "text", "ocr", "mixed", "plain", "docx"

# Pages of raw text are joined by this character, so a raw offset tells its page.
PAGE_BREAK = "\f"


def join_names(names: Sequence[str]) -> str | None:
    """Names as one table cell (null when there are none).

    >>> join_names(["Бахыт Туменова", "Канат Ибрагимов"]), join_names([])
    ('Бахыт Туменова; Канат Ибрагимов', None)
    """
    return NAME_SEPARATOR.join(names) or None


def split_names(value) -> list[str]:
    """A cell of joined names (or a list of them) back into names; blanks give none.

    >>> split_names("Бахыт Туменова;Канат Ибрагимов ; "), split_names(None)
    (['Бахыт Туменова', 'Канат Ибрагимов'], [])
    """
    if _blank(value):
        return []
    items = value if isinstance(value, (list, tuple)) else str(value).split(NAME_SEPARATOR.strip())
    return [name for name in (str(item).strip() for item in items if not _blank(item)) if name]


def _blank(value) -> bool:
    """None, NaN or pandas' NA: a missing cell."""
    return value is None or (isinstance(value, float) and value != value) or type(value).__name__ == "NAType"


@dataclass(frozen=True, slots=True)
class Page:
    """One page of extracted text; ``number`` is 1-based."""

    number: int
    text: str
    warning: str | None = None  # e.g. no text layer, (cid:NN) garbage
    quality: float | None = None  # share of dictionary words in a PDF page's text (None: not measured)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What extraction gives: the pages of one input file."""

    doc_id: str
    source: str
    sha256: str
    extraction: str
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()
    quality: float | None = None  # share of the text's words a dictionary knows (the quality gate's)
    # Derived once from the pages: the raw text (pages joined by a form feed) and
    # the raw offset at which each page begins. Every mention asks for its page.
    text: str = field(init=False, repr=False, compare=False)
    page_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts, offset = [], 0
        for page in self.pages:
            starts.append(offset)
            offset += len(page.text) + len(PAGE_BREAK)
        object.__setattr__(self, "text", PAGE_BREAK.join(page.text for page in self.pages))
        object.__setattr__(self, "page_starts", tuple(starts))

    def page_at(self, raw_offset: int) -> int:
        """The 1-based page number holding a raw offset.

        >>> RawDocument("d", "d.pdf", "", "text", (Page(1, "аб"), Page(2, "вг"))).page_at(3)
        2
        """
        index = bisect.bisect_right(self.page_starts, raw_offset) - 1
        return self.pages[max(index, 0)].number if self.pages else 1


@dataclass(frozen=True, slots=True)
class CleanText:
    """Normalised text with a map from every clean character back to raw text.

    ``raw_starts[i]``/``raw_ends[i]`` is the raw span that clean character ``i``
    came from (an inserted character maps to an empty span at its place).
    """

    text: str
    raw: str
    raw_starts: Sequence[int]  # compact arrays on long documents
    raw_ends: Sequence[int]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span to the raw span it came from."""
        if not self.text:
            return 0, 0
        if start >= end:
            at = self.raw_starts[start] if start < len(self.text) else len(self.raw)
            return at, at
        return self.raw_starts[start], self.raw_ends[end - 1]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    n_tokens: int


# Values carried by mentions. ``low``/``high`` are the two ends of a range; a
# single value has low == high; a bound has one end only (``до 30 суток``: low None,
# ``более 400 человек``: high None). ``approx`` marks около, порядка, более, …


@dataclass(frozen=True, slots=True)
class DateValue:
    start: dt.date
    end: dt.date
    precision: str  # day, month, year


@dataclass(frozen=True, slots=True)
class Money:
    low: float | None
    high: float | None
    currency: str  # ISO 4217, or MRP/MROT kept as their own unit
    approx: bool = False


@dataclass(frozen=True, slots=True)
class Term:
    low: float | None
    high: float | None
    unit: str  # day, month, year
    approx: bool = False


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    high: int | None
    approx: bool = False


Value = DateValue | Money | Term | Count


@dataclass(frozen=True, slots=True)
class Mention:
    """A tagged span of clean text.

    ``normal`` is the canonical form (nominative name, ISO date, ``80900 KZT``,
    ``15 day``); ``entity_id`` groups mentions of one person, place or
    organisation within a document; ``place_kind`` is ``venue`` for a LOC naming
    a street, square, building or monument (:mod:`pipeline.tag.place_kinds`).
    """

    type: str
    start: int
    end: int
    text: str
    normal: str | None = None
    value: Value | None = None
    entity_id: int | None = None
    place_kind: str | None = None


# Roles an event's arguments play (the ``event_arguments.role`` column).
ROLES = ("person", "place", "date", "amount", "term", "count", "actor")


@dataclass(frozen=True, slots=True)
class Argument:
    """An event argument: a role and the index of a mention in the document."""

    role: str  # person, place, date, amount, term, count, actor
    mention: int


@dataclass(frozen=True, slots=True)
class Event:
    """One happening: a type from the taxonomy, its trigger and arguments.

    ``evidence`` holds the clean spans of every sentence that tells it (more
    than one when a happening told twice was merged).
    """

    type: str
    start: int  # trigger span, clean text
    end: int
    trigger: str
    sent_id: int
    negated: bool = False
    # A total over happenings told separately (``Всего было задержано 28 человек``):
    # counting it as well as them would count twice.
    aggregate: bool = False
    date: DateValue | None = None
    place: str | None = None
    persons: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    count: Count | None = None
    money: Money | None = None
    term: Term | None = None
    arguments: tuple[Argument, ...] = ()
    evidence: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ProcessedDocument:
    """Everything the pipeline knows about one input file."""

    raw: RawDocument
    clean: CleanText
    doc_date: dt.date | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def doc_id(self) -> str:
        return self.raw.doc_id
