"""Whether a telling is a total over happenings the text also tells one by one.

Analysts drop such events (``records.Event.aggregate``) so nothing is counted
twice. A total shows itself by a summing word before the trigger (``Всего было
задержано``, ``В итоге``), a span of time it covers (``за полугодие``, ``в
течение марта``), a frequency (``задерживали трижды``, ``почти каждый день``),
a scope of many places (``по всей стране``, ``в четырех городах``), a collective
noun over the trigger (``серия пикетов``), a paragraph opened by a summing word
(``По итогам полугода, ...``) or a list under a summing heading (``Сводные
данные за март:`` then ``— Город: задержаны 105 человек``). The words are data
in ``models/event_context.json`` (``summary_markers``, ``total_*``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .syntax import Token, context, context_patterns, find_pattern, folded_set
from ..records import DateValue

LIST_MARKS = ("—", "–", "-", "•", "*")


def _period_at(tokens: tuple[Token, ...], i: int) -> bool:
    """``за``/``в течение`` at ``i`` opens a span of time, not a lead (``за день до``)."""
    words = tokens[i].lemmas
    if "за" in words:
        j = i + 1
    elif "в" in words and i + 1 < len(tokens) and "течение" in tokens[i + 1].lemmas:
        j = i + 2
    else:
        return False
    quantifiers, periods = folded_set("total_period_quantifiers"), folded_set("total_periods")
    while j < len(tokens) and (tokens[j].lemmas & quantifiers or tokens[j].text.isdigit()):
        j += 1
    if j >= len(tokens) or not tokens[j].lemmas & periods:
        return False
    k = j + 1
    if k < len(tokens) and tokens[k].text.isdigit():  # "за март 2022 года"
        k += 2
    return not (k < len(tokens) and tokens[k].lemmas & folded_set("total_period_after_blockers"))


def _many_places_at(tokens: tuple[Token, ...], i: int) -> bool:
    """``в четырех городах``, ``в 12 регионах``: one telling over several places."""
    if i + 2 >= len(tokens) or not tokens[i].lemmas & {"в", "во"}:
        return False
    number = tokens[i + 1]
    return (number.pos == "NUM" or number.text.isdigit()) and bool(
        tokens[i + 2].lemmas & folded_set("total_scope_places"))


def sums_up(tokens: tuple[Token, ...], upto: int | None = None) -> bool:
    """A summing word before ``upto``: ``Всего``, ``Итого``, ``По итогам``, ``в общей сложности``.

    Some need their preposition (``summary_marker_context``): ``итогами выборов`` is a result,
    not a total; ``сложность дела`` is no ``в общей сложности``.

    >>> from pipeline.events.syntax import lemmas_of
    >>> def toks(text):
    ...     return tuple(Token(i, 0, 0, w, lemmas_of(w), "X", -1, "root") for i, w in enumerate(text.split()))
    >>> sums_up(toks("По итогам года задержаны")), sums_up(toks("не согласны с итогами выборов"))
    (True, False)
    """
    needs = context()["summary_marker_context"]
    for i, token in enumerate(tokens[:upto]):
        for marker in token.lemmas & folded_set("summary_markers"):
            if marker not in needs or i == 0 or tokens[i - 1].lemmas & set(needs[marker]):
                return True
    return False


def _frequency_of(tokens: tuple[Token, ...], anchor: int) -> bool:
    """A frequency (``трижды``, ``почти каждый день``) in the trigger's own clause."""
    ctx, lo = context(), 0
    # the trigger and, unless it is only coordinated with it, the word governing it
    clause = {anchor} | ({tokens[anchor].head} if tokens[anchor].rel != "conj" else set())
    while (at := find_pattern(tokens, context_patterns("total_frequency"), lo, len(tokens))) is not None:
        chain = [at]  # up to the predicate the frequency modifies, not past it
        while tokens[chain[-1]].pos not in {"VERB", "AUX"} and tokens[chain[-1]].head >= 0 and len(chain) < 4:
            chain.append(tokens[chain[-1]].head)
        if set(chain) & clause:
            return True
        lo = at + 1
    return False


def tells_total(tokens: tuple[Token, ...], first: int, anchor: int, day_span: bool = False) -> bool:
    """The trigger (first token ``first``, head ``anchor``) tells a total.

    A frequency over the trigger's own stated days (``с 3 по 5 марта ежедневно
    собирались``, ``day_span``) tells one continuing happening, not a total.

    >>> from pipeline.events.syntax import lemmas_of
    >>> def toks(text):
    ...     return tuple(Token(i, 0, 0, w, lemmas_of(w), "NUM" if w == "пяти" else "X", -1, "root")
    ...                  for i, w in enumerate(text.split()))
    >>> tells_total(toks("за полугодие задержано сорок человек"), 2, 2)
    True
    >>> tells_total(toks("за день до акции его задержали"), 5, 5)
    False
    >>> tells_total(toks("задержания прошли в пяти городах"), 0, 0)
    True
    """
    if sums_up(tokens, first):
        return True
    if not day_span and _frequency_of(tokens, anchor):
        return True
    if find_pattern(tokens, context_patterns("total_scope"), 0, len(tokens)) is not None:
        return True
    if any(_period_at(tokens, i) or _many_places_at(tokens, i) for i in range(len(tokens))):
        return True
    head = tokens[anchor].head
    return head >= 0 and bool(tokens[head].lemmas & folded_set("total_collective_heads"))


def is_list_item(text: str) -> bool:
    """A line of a dashed or bulleted list.

    >>> is_list_item("— Тверь: задержаны 12 человек;"), is_list_item("Тверь, 5 мая.")
    (True, False)
    """
    return text.lstrip().startswith(LIST_MARKS)


def heads_total_list(text: str, tokens: tuple[Token, ...]) -> bool:
    """A heading (``Итоги:``, ``Сводные данные за март:``) whose list items are totals.

    >>> from pipeline.events.syntax import lemmas_of
    >>> toks = tuple(Token(i, 0, 0, w, lemmas_of(w), "X", -1, "root") for i, w in enumerate(["Итоги"]))
    >>> heads_total_list("Итоги:", toks), heads_total_list("Итоги.", toks)
    (True, False)
    """
    return text.rstrip().endswith(":") and (
        sums_up(tokens) or any(_period_at(tokens, i) for i in range(len(tokens))))


@dataclass
class ListHeading:
    """The heading over a dashed list (``Сводные данные за март 2022 года:``), read
    sentence by sentence: its items, and a summing line closing them (``Итого: ...``),
    are totals if it sums up and take its date if it states one."""

    total: bool = False
    date: DateValue | None = None
    items_seen: bool = False

    def read(self, text: str, tokens: tuple[Token, ...], dates: list[DateValue]) -> tuple[bool, DateValue | None]:
        """Whether the sentence is told as a total, and the date the heading gives it."""
        if is_list_item(text):
            self.items_seen = True
            return self.total, self.date
        told = (self.total, self.date) if self.items_seen and sums_up(tokens) else (False, None)
        heading = text.rstrip().endswith(":")
        self.total = heading and heads_total_list(text, tokens)
        self.date = dates[0] if heading and dates else None
        self.items_seen = False
        return told
