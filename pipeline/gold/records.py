"""Hand annotations as plain records, and the one reading of their values.

Every gold format (SPEC JSON, brat, Label Studio, event tables) reads into and
writes from :class:`AnnotatedDocument`, so a round trip can be checked field by
field and reconcile scores every format the same way. Values are kept in one
canonical form whatever the format spelled them as (:func:`clean_value`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace

from ..errors import GoldError
from ..records import EVENT_TYPES, NAME_FIELDS, join_names, split_names

NUMBER_FIELDS = frozenset({"amount_min", "amount_max", "term_min", "term_max", "count_min", "count_max"})
DATE_FIELDS = frozenset({"date_start", "date_end"})
BOOL_FIELDS = frozenset({"approx", "negated", "aggregate"})
MAX_OFFSET = 2**53  # past this a float no longer holds every whole number; no text is this long

# Label colours of the review pages, the brat display and the Label Studio config.
COLOURS = {
    "PER": "#f4a261", "LOC": "#2a9d8f", "ORG": "#8ab17d", "DATE": "#e9c46a",
    "MONEY": "#b5838d", "TERM": "#e76f51", "COUNT": "#90be6d",
}
EVENT_COLOUR = "#d62828"


@dataclass(frozen=True, slots=True)
class MentionAnnotation:
    """A typed span of the document's text with the values set for it (no nulls)."""

    type: str
    start: int
    end: int
    text: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventAnnotation:
    """An event: its type, trigger span (optional in gold), field values and arguments.

    ``arguments`` are ``(role, start, end)`` of the mentions they point at, so they
    survive any reordering of the mentions; ``also`` are the spans of other
    tellings of the same happening (SPEC JSON only).
    """

    type: str
    start: int | None
    end: int | None
    trigger: str | None
    values: dict = field(default_factory=dict)
    arguments: tuple[tuple[str, int, int], ...] = ()
    also: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """One document's text with its mentions and events, in canonical order.

    ``text`` is what the annotator saw (None for an event table, whose offsets, if
    any, are clean offsets already). ``page_starts`` are the clean offsets at which
    pages 2, 3, … begin, for tools that show page numbers. What was annotated at
    all (``mention_types`` scored, ``has_events``, the ``pages`` of a document an
    excerpt covers: empty for a whole document) and where it was read from
    (``source``) are not part of the annotations: two readings compare equal
    without them.
    """

    doc_id: str
    text: str | None
    mentions: tuple[MentionAnnotation, ...] = ()
    events: tuple[EventAnnotation, ...] = ()
    page_starts: tuple[tuple[int, int], ...] = ()  # (page number, clean offset)
    mention_types: frozenset[str] = field(default=frozenset(), compare=False)
    has_events: bool = field(default=True, compare=False)
    pages: frozenset[int] = field(default=frozenset(), compare=False)
    source: str = field(default="", compare=False)

    def canonical(self) -> AnnotatedDocument:
        """The same annotations sorted by span, so two readings compare equal."""
        mentions = tuple(sorted(self.mentions, key=lambda m: (m.start, m.end, m.type)))
        events = tuple(sorted(
            (replace(e, arguments=tuple(sorted(e.arguments))) for e in self.events),
            key=lambda e: (e.start if e.start is not None else -1, e.end or -1, e.type,
                           sorted(e.values.items(), key=str), e.arguments)))
        return replace(self, mentions=mentions, events=events)


# ---------------------------------------------------------------- values


def clean_value(name: str, raw, where: str = ""):
    """A field value in its one canonical form; blanks (None, NaN, "") are None.

    Numbers that are whole become ``int`` (80900.0 -> 80900), dates ISO text,
    flags ``bool``, persons/actors a list of names. Every reader of every format
    goes through here, so all of them accept the same spellings.

    >>> clean_value("amount_min", "80 900"), clean_value("amount_min", 80900.0)
    (80900, 80900)
    >>> clean_value("persons", "Бахыт Туменова; Канат Ибрагимов")
    ['Бахыт Туменова', 'Канат Ибрагимов']
    >>> clean_value("negated", "да"), clean_value("date_start", "2012-05-31 00:00:00")
    (True, '2012-05-31')
    """
    if name in NAME_FIELDS:
        if isinstance(raw, dict) or isinstance(raw, (list, tuple)) and not all(
                isinstance(item, str) or is_blank(item) for item in raw):
            raise GoldError(f"{where}: {name} should be names (text, or a list of texts), found {raw!r}")
        return split_names(raw) or None
    if is_blank(raw):
        return None
    if isinstance(raw, (dict, list, tuple, set)):
        raise GoldError(f"{where}: {name} should be one value, found {raw!r}")
    if name in NUMBER_FIELDS:
        return _number(name, raw, where)
    if name in DATE_FIELDS:
        return _date(name, raw, where)
    if name in BOOL_FIELDS:
        return _flag(name, raw, where)
    return str(raw).strip()


def _number(name: str, raw, where: str) -> int | float | None:
    if isinstance(raw, bool):
        raise GoldError(f"{where}: {name} should be a number, found {raw!r}")
    if isinstance(raw, int):
        return raw
    try:
        number = float(str(raw).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except ValueError:
        raise GoldError(f"{where}: {name} should be a number, found {raw!r}") from None
    if math.isnan(number):
        return None
    if math.isinf(number):  # "1e400": no table or JSON file can hold it
        raise GoldError(f"{where}: {name} should be a finite number, found {raw!r}")
    return int(number) if number.is_integer() else number


def _date(name: str, raw, where: str) -> str:
    if isinstance(raw, (dt.date, dt.datetime)):
        return (raw.date() if isinstance(raw, dt.datetime) else raw).isoformat()
    try:
        return dt.date.fromisoformat(str(raw).strip()[:10]).isoformat()
    except ValueError:
        raise GoldError(f"{where}: {name} should be an ISO date YYYY-MM-DD, found {raw!r}") from None


def _flag(name: str, raw, where: str) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in ("true", "1", "yes", "да", "1.0"):
        return True
    if word in ("false", "0", "no", "нет", "0.0"):
        return False
    raise GoldError(f"{where}: {name} should be true or false, found {raw!r}")


def clean_values(names, raw: dict, where: str = "") -> dict:
    """The set (non-blank) values among ``names`` in ``raw``, cleaned."""
    values = {}
    for name in names:
        value = clean_value(name, raw.get(name), where)
        if value is not None:
            values[name] = value
    return values


def format_value(name: str, value) -> str:
    """A value as one line of text for a note or text box (inverse of clean_value).

    >>> format_value("persons", ["Бахыт Туменова", "Канат Ибрагимов"])
    'Бахыт Туменова; Канат Ибрагимов'
    >>> format_value("approx", True)
    'true'
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return join_names(value) or ""
    return str(value)


def is_blank(value) -> bool:
    """None, NaN, pandas' NA or a string of spaces."""
    if value is None or type(value).__name__ == "NAType":
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def offset(value, where: str, name: str = "offset") -> int | None:
    """A span offset: a whole number (``12``, ``12.0``, ``"12"``); None when blank.

    A fraction is refused, never truncated (0.9 is not 0), and so are flags,
    which Python would count as 0 and 1.

    >>> offset(12.0, "doc"), offset(" 7 ", "doc"), offset(None, "doc")
    (12, 7, None)
    """
    if is_blank(value):
        return None
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) or isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+(\.\d*)?\s*", value):
        number = float(value)
    if number is None or not math.isfinite(number) or not float(number).is_integer() \
            or abs(number) > MAX_OFFSET:
        raise GoldError(f"{where}: {name} should be a whole number"
                        f"{' of a sensible size' if number is not None and abs(number) > MAX_OFFSET else ''}, "
                        f"found {brief(value)}")
    return int(number)


def doc_id_of(value, where: str) -> str:
    """A document id as text: a non-empty string or a whole number, without control
    characters (they cannot stand in a file name or a table's key column)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{where}: doc_id should be a non-empty text, found {value!r}")
    bad = next((c for c in value if ord(c) < 0x20 or ord(c) == 0x7F), None)
    if bad is not None:
        raise GoldError(f"{where}: doc_id {value!r} holds a control character ({bad!r})")
    return value


def list_of(value, where: str, what: str, kind: type = dict) -> list:
    """A JSON list whose items are all of one kind (objects by default); [] when absent."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise GoldError(f"{where}: {what} should be a list, found {type(value).__name__} {brief(value)}")
    for n, item in enumerate(value):
        if not isinstance(item, kind) or isinstance(item, bool):
            expected = {dict: "an object", str: "a text", list: "a list"}.get(kind, kind.__name__)
            raise GoldError(f"{where}: {what} item {n} should be {expected}, found {brief(item)}")
    return value


def object_of(value, where: str, what: str) -> dict:
    """A JSON object, else a GoldError saying what was found."""
    if not isinstance(value, dict):
        raise GoldError(f"{where}: {what} should be an object, found {type(value).__name__} {brief(value)}")
    return value


def brief(value, limit: int = 60) -> str:
    """A value as a message shows it: its repr, cut short.

    >>> brief("д" * 100, 10)
    "'ддддддддд…"
    """
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def event_type(value, where: str) -> str:
    """An event type from the taxonomy, else a GoldError naming it."""
    kind = None if is_blank(value) else str(value).strip()
    if kind not in EVENT_TYPES:
        raise GoldError(f"{where}: event type {value!r} is not one of {', '.join(EVENT_TYPES)}")
    return kind


# ---------------------------------------------------------------- spans


def check_span(where: str, text: str, start: int, end: int, said: str | None) -> None:
    """Raise GoldError unless ``text[start:end]`` is a span of the text reading ``said``
    (when given)."""
    if not 0 <= start < end:
        raise GoldError(f"{where}: span {start}-{end} is outside the text (needs 0 <= start < end)")
    if end > len(text):
        raise GoldError(f"{where}: span {start}-{end} is outside the text (runs past the text's "
                        f"{len(text)} characters)")
    if said is not None and not same_text(text[start:end], said):
        raise GoldError(f"{where}: span {start}-{end} reads {text[start:end]!r} "
                        f"but the annotation says {said!r}")


def same_text(found: str, said: str) -> bool:
    """Equal, or equal once whitespace runs are one space (tools flatten line breaks).

    >>> same_text("Канат \\nИбрагимов", "Канат Ибрагимов")
    True
    >>> same_text("Канат", "Канатом")
    False
    """
    return found == said or " ".join(found.split()) == " ".join(said.split())
