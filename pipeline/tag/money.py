"""MONEY mentions: an amount or range of amounts with its currency.

``80900 тенге``, ``от 30 000 до 81 000 тенге``, ``более 400 EURO``, ``$500``,
``1,5 млн тенге``, ``в размере 100 МРП``. Currencies are listed in
``models/currencies.json`` (МРП and МРОТ kept as their own units, never
converted); amounts are read by :mod:`pipeline.tag.numbers`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..records import MONEY, Mention, Money
from ..resources import load_json
from .numbers import NumberExpr, Scan, fold, inflections, scan_text
from .quantity import find_quantities, format_range, lemmas


@dataclass(frozen=True, slots=True)
class Currencies:
    by_form: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # first word form -> phrases
    by_lemma: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # first word lemma -> phrases
    abbreviations: tuple[tuple[tuple[str, ...], str], ...]  # (folded words, code), longest first
    codes: dict[str, str]  # folded Latin code -> code
    symbols: dict[str, str]


@cache
def currencies() -> Currencies:
    phrases, abbreviations, codes, symbols = [], {}, {}, {}
    for entry in load_json("currencies.json")["currencies"]:
        code = entry["code"]
        phrases += [(code, tuple(fold(w) for w in p.split())) for p in entry["phrases"]]
        for abbreviation in entry["abbreviations"]:
            abbreviations[tuple(fold(abbreviation).replace(".", " . ").split())] = code
        codes.update((fold(c), code) for c in entry["codes"])
        symbols.update((s, code) for s in entry["symbols"])
    phrases.sort(key=lambda item: len(item[1]), reverse=True)
    by_form: dict[str, list] = {}
    by_lemma: dict[str, list] = {}
    for code, phrase in phrases:  # still longest first within each list
        by_lemma.setdefault(phrase[0], []).append((code, phrase))
        for form in _forms(phrase[0]):
            by_form.setdefault(form, []).append((code, phrase))
    return Currencies(
        {k: tuple(v) for k, v in by_form.items()},
        {k: tuple(v) for k, v in by_lemma.items()},
        tuple(sorted(abbreviations.items(), key=lambda kv: -len(kv[0]))),
        codes,
        symbols,
    )


@cache
def _forms(lemma: str) -> frozenset[str]:
    return frozenset(inflections(lemma))


def _word_matches(word: str, lemma: str) -> bool:
    return word in _forms(lemma) or lemma in lemmas(word)


def _phrases_from(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """Currency phrases that may start with a folded word, longest first."""
    table = currencies()
    found = list(table.by_form.get(word, ()))
    for lemma in lemmas(word):
        found += [item for item in table.by_lemma.get(lemma, ()) if item not in found]
    return sorted(found, key=lambda item: -len(item[1]))


def currency_at(scan: Scan, j: int) -> tuple[str, int] | None:
    """The currency named from token ``j`` on: its code and the index past it.

    >>> currency_at(scan_text("100 долларов США"), 1)
    ('USD', 3)
    """
    tokens, table = scan.tokens, currencies()
    if j >= len(tokens):
        return None
    token = tokens[j]
    if token.kind == "sym":
        code = table.symbols.get(token.text)
        return (code, j + 1) if code else None
    if token.kind != "word":
        return None
    if token.low in table.codes:
        return table.codes[token.low], j + 1
    for code, phrase in _phrases_from(token.low):
        end = j + len(phrase)
        if end <= len(tokens) and all(
            scan.joined(k) and _word_matches(tokens[k].low, phrase[k - j])
            for k in range(j + 1, end)
        ):
            return code, end
    for words, code in table.abbreviations:
        end = j + len(words)
        if end > len(tokens) or any(
            tokens[k].low != words[k - j] or (k > j and not scan.joined(k)) for k in range(j, end)
        ):
            continue
        has_point = (
            end < len(tokens)
            and tokens[end].text == "."
            and tokens[end].start == tokens[end - 1].end
            and not (len(tokens[end - 1].text) > 1 and tokens[end - 1].text.isupper())
        )  # ``30 МРП.`` ends a sentence: an acronym takes no point, ``руб.`` does
        if len(words[-1]) == 1 and not has_point:
            continue  # "р" alone is too ambiguous; "р." is a rouble
        return code, end + 1 if has_point else end
    return None


def _currency_after(scan: Scan, j: int, number: NumberExpr) -> tuple[str, int] | None:
    if j >= len(scan.tokens) or not scan.joined(j):
        return None
    return currency_at(scan, j)


def _currency_before(scan: Scan, i: int) -> tuple[str, int] | None:
    """A symbol or code written before the amount: ``$500``, ``USD 500``."""
    if i == 0 or not scan.joined(i):
        return None
    token = scan.tokens[i - 1]
    code = currencies().symbols.get(token.text) if token.kind == "sym" else None
    if code is None and token.kind == "word":
        code = currencies().codes.get(token.low)
    return (code, i - 1) if code else None


# A rouble said to be Russian or written by its code or sign is never local.
_NAMED_ROUBLE = re.compile(r"росс|\b(?:RUB|RUR|BYN|BYR)\b|₽", re.IGNORECASE)
_UNSET = object()


@cache
def _rouble_codes() -> frozenset[str]:
    """Currency codes a country's own rouble may be written as."""
    local = load_json("currencies.json")["local_roubles"].values()
    return frozenset({"RUB"} | {entry["after"] for entry in local if isinstance(entry, dict)})


def local_rouble(code: str, surface: str, country: str | None, date: dt.date | None) -> str:
    """The currency a rouble amount is in, by the document's country and date.

    >>> local_rouble("RUB", "100 рублей", "BY", dt.date(2021, 3, 1))
    'BYN'
    >>> local_rouble("RUB", "100 рублей", "BY", dt.date(2012, 3, 1))
    'BYR'
    >>> local_rouble("BYN", "100 белорусских рублей", "BY", dt.date(2012, 3, 1))
    'BYR'
    >>> local_rouble("RUB", "100 российских рублей", "BY", None), local_rouble("RUB", "100 руб.", "RU", None)
    ('RUB', 'RUB')
    """
    local = load_json("currencies.json")["local_roubles"].get(country or "")
    if local is None or code not in ("RUB", local["after"]) or _NAMED_ROUBLE.search(surface):
        return code
    if date is not None and date < dt.date.fromisoformat(local["redenominated"]):
        return local["before"]
    return local["after"]


def tag_money(text: str, country: str | None | object = _UNSET, doc_date: dt.date | None | object = _UNSET) -> list[Mention]:
    """MONEY mentions of a clean text, with :class:`Money` values.

    A rouble without its country is that of ``country`` (ISO code) at
    ``doc_date``; either left out is worked out from the text (the country its
    places name most, its dateline).

    >>> [(m.text, m.normal) for m in tag_money("оштрафована на 80 900 тенге (более 400 EURO)")]
    [('80 900 тенге', '80900 KZT'), ('более 400 EURO', '≥400 EUR')]
    >>> [m.normal for m in tag_money("Суд в Гомеле назначил штраф 580 рублей.", doc_date=dt.date(2021, 5, 1))]
    ['580 BYN']
    """
    mentions = []
    for quantity in find_quantities(scan_text(text), _currency_after, _currency_before):
        if max(end for end in (quantity.low, quantity.high) if end is not None) <= 0:
            continue
        span = text[quantity.start : quantity.end]
        unit = quantity.unit
        if unit in _rouble_codes():
            # Only a rouble needs the document's country and date: worked out once, here.
            if country is _UNSET:
                from .gazetteer import document_country

                country = document_country(text)
            if doc_date is _UNSET:
                from .dates import find_doc_date

                doc_date = find_doc_date(text)
            unit = local_rouble(unit, span, country, doc_date)
        value = Money(quantity.low, quantity.high, unit, quantity.approx)
        normal = f"{format_range(quantity.low, quantity.high)} {unit}"
        mentions.append(Mention(MONEY, quantity.start, quantity.end, span, normal, value))
    return mentions
