"""Tallies: whether a realis candidate counts happenings or people instead of telling one.

``в 2013 году по этой статье осуждены 40 человек``, ``за год приговорены более ста
активистов``, ``произошло 42 нападения``, a share (``из 120 человек ... 37``) or a row of
a table: statistics, which :func:`pipeline.events.realis.rule_of` labels
``statistical``. These cues read counts, periods, articles of law and numbers; they are
apart from the cues of modality and genericity in :mod:`pipeline.events.realis`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..nlp import parse_word
from ..records import Count, DateValue, Mention
from ..resources import fold, load_json
from .realis_words import clause_of, realis_patterns, realis_words, words_below
from .syntax import children, context_patterns, has_pattern, pattern_lengths_at
from .triggers import TriggerHit


_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)?%?")
TABLE_NUMBERS = 5  # numbers in a sentence with few words: a row of a table


def counted_patient(tokens, hit: TriggerHit, args, mentions: Sequence[Mention]) -> tuple[int, Count | None] | None:
    """The trigger's count is its patient: the object of an active verb, the subject of a
    passive (``приговорены более ста активистов``, ``осудили 40 человек``), found by climbing
    from the count's words to the trigger; not its agent (``сорок полицейских избили ...``).
    The patient's token and the count taken as an argument, if one was."""
    anchor = tokens[hit.anchor]
    passive = "Voice=Pass" in anchor.feats or "Variant=Short" in anchor.feats
    patient = {"obj", "nsubj:pass"} | ({"nsubj"} if passive else set())
    for index in args.best("count"):
        if not isinstance(index, int):
            continue
        mention = mentions[index]
        if isinstance(mention.value, Count) and (mention.value.high or mention.value.low or 0) < 2:
            continue  # "еще один фермер был осужден": one person is no tally
        inside = [t.index for t in tokens if mention.start <= t.start and t.end <= mention.end]
        node = inside[0] if inside else None
        for _ in range(5):
            if node is None or node < 0:
                break
            if tokens[node].head in hit.tokens:
                if tokens[node].rel in patient:
                    return node, mention.value if isinstance(mention.value, Count) else None
                break
            node = tokens[node].head
    found = _counted_in_parse(tokens, hit)
    return None if found is None else (found, None)


def _counted_in_parse(tokens, hit: TriggerHit) -> int | None:
    """The parse shows the trigger's patient counted where no count was taken as an argument
    (``осуждены 11 «яблочников»``): a numeral within two steps below the object of an active
    verb or the subject of a passive (that object or subject is returned). A penalty noun told
    as the complement of such a passive (``9 из них приговорены к реальным срокам``) shares its
    count."""
    verb = tokens[hit.anchor]
    if verb.rel == "amod" and verb.head in hit.tokens:  # "к реальным срокам": the phrase's noun
        verb = tokens[verb.head]
    if verb.pos == "NOUN":
        if verb.rel != "obl" or verb.head < 0:
            return None
        verb = tokens[verb.head]
        if not ("Voice=Pass" in verb.feats or "Variant=Short" in verb.feats):
            return None
    if verb.pos not in {"VERB", "AUX"} and "Variant=Short" not in verb.feats:
        return None
    passive = "Voice=Pass" in verb.feats or "Variant=Short" in verb.feats
    patient = {"obj", "nsubj:pass"} | ({"nsubj"} if passive else set())

    def counted(i: int, depth: int = 2) -> bool:
        if tokens[i].pos == "NUM":
            return not tokens[i].lemmas & {"один", "1"}
        return depth > 0 and any(counted(c, depth - 1) for c in children(tokens, i))

    return next((c for c in children(tokens, verb.index) if tokens[c].rel in patient and c not in hit.tokens
                 and counted(c)), None)


def large_count(tokens, patient: int, count: Count | None, mentions: Sequence[Mention]) -> bool:
    """The counted patient is many or vaguely many (``более 5000``, ``около тридцати``, ``15``):
    at least ``tally_least_count``, a range, or an open or approximate count. A share of a group
    (``9 из них``, a ``subset_markers`` pattern beside it) is counted out of the sentence's other
    counts: as many as the largest of them."""
    least = load_json("realis.json")["tally_least_count"]

    def large(value: Count) -> bool:
        return value.approx or value.high is None or value.high != value.low or (value.low or 0) >= least

    if count is not None and large(count) or count is None and any(
            tokens[i].text.isdigit() and int(tokens[i].text) >= least for i in words_below(tokens, patient, 2)):
        return True
    if not has_pattern(tokens, context_patterns("subset_markers"), max(0, patient - 3), patient + 4):
        return False
    lo, hi = tokens[0].start, tokens[-1].end
    return any(large(m.value) for m in mentions if lo <= m.start and m.end <= hi and isinstance(m.value, Count)
               and m.value != count)


def year_only(tokens, mentions: Sequence[Mention]) -> bool:
    """The sentence is dated by a year and by no day, which a later clause shares (``в 2016 году
    осуждены 28 человек, 9 из них приговорены ...``)."""
    lo, hi = tokens[0].start, tokens[-1].end
    dates = [m.value for m in mentions if lo <= m.start and m.end <= hi and isinstance(m.value, DateValue)]
    return bool(dates) and all(d.precision == "year" for d in dates)


def over_period(tokens, hit: TriggerHit) -> bool:
    """The trigger's clause spans a period: ``за год``, ``за три года``, ``в течение месяца``,
    ``с 2015 года`` (a preposition of ``tally_prepositions``, adjectives or numerals between, a
    noun of ``tally_periods``). ``за`` + a period + ``до`` is a point before something, not a
    span (``за месяц до выборов``, ``за год до этого``)."""
    periods, prepositions = realis_words("tally_periods"), realis_words("tally_prepositions")
    for i in clause_of(tokens, hit.anchor):
        if not tokens[i].lemmas & periods or tokens[i].pos != "NOUN":
            continue
        j = i - 1
        while j > 0 and tokens[j].pos in {"ADJ", "NUM", "DET"}:
            j -= 1
        if j >= 0 and tokens[j].lemmas & prepositions and not (
                "за" in tokens[j].lemmas and i + 1 < len(tokens) and "до" in tokens[i + 1].lemmas):
            return True
    return False


def statistic(tokens, hit: TriggerHit) -> bool:
    """Counting a class of cases in the trigger's clause: ``число``, ``доля``, ``%``; not the
    ``число`` of an idiom (``в том числе``, ``в числе``: 'including', 'among')."""
    words = realis_words("statistic_words")
    clause = clause_of(tokens, hit.anchor)
    if any(tokens[i].text.endswith("%") for i in clause):
        return True
    idioms = realis_patterns("statistic_idioms")
    in_idiom = {i + k for i in clause for length in pattern_lengths_at(tokens, idioms, i) for k in range(length)}
    if any(tokens[i].lemmas & words and tokens[i].pos in {"NOUN", "ADV", "ADJ", "DET", "VERB"}
           and i not in in_idiom for i in clause):
        return True
    return has_pattern(tokens, realis_patterns("statistic_patterns"), clause.start, clause.stop)


def by_article(tokens, hit: TriggerHit) -> bool:
    """The clause counts by a law's article: ``по статье 282``, ``по антиэкстремистским статьям``."""
    clause = clause_of(tokens, hit.anchor)
    articles = realis_words("article_words")
    # "по статье", "по новым уголовным статьям": adjectives may stand between
    return any(tokens[i].lemmas & articles and i > 0 and _after_po(tokens, i)
               or tokens[i].lemmas & articles and any(tokens[c].lemmas & {"по"} for c in children(tokens, i))
               for i in clause)


def _after_po(tokens, index: int) -> bool:
    """``по`` stands before the word, with only adjectives between."""
    i = index - 1
    while i > 0 and tokens[i].pos == "ADJ":
        i -= 1
    return i >= 0 and bool(tokens[i].lemmas & {"по"})


def is_counted(tokens, hit: TriggerHit) -> bool:
    """The trigger noun is counted (``вынесено 15 приговоров``, ``42 нападения``): a number
    of happenings; not a number of people named by a participle (``200 задержанных``)."""
    anchor = tokens[hit.anchor]
    if anchor.pos != "NOUN" or any("PRTF" in p.tag for p in parse_word(fold(anchor.text))):
        return False
    return any(tokens[c].rel == "nummod" or tokens[c].pos == "NUM" for c in children(tokens, hit.anchor))


def counted_in_phrase(tokens, hit: TriggerHit) -> bool:
    """The trigger phrase holds its counted noun (``вынесено 15 приговоров``, ``возбуждены
    два дела``); a numeral of a time unit is a term (``приговорил к трем годам``)."""
    inside, units = set(hit.tokens), realis_words("time_unit_nouns")
    return any((tokens[i].rel == "nummod" or tokens[i].pos == "NUM") and tokens[i].head in inside
               and tokens[tokens[i].head].pos == "NOUN" and not tokens[tokens[i].head].lemmas & units
               for i in range(hit.tokens[0], hit.tokens[-1] + 1))


def cases_counted(tokens, hit: TriggerHit) -> bool:
    """The clause counts cases (``в семи случаях``, ``в 40 случаях``): a study's figures."""
    clause = clause_of(tokens, hit.anchor)
    return any(tokens[i].lemmas & {"в", "во"} and i + 2 < len(tokens)
               and (tokens[i + 1].pos == "NUM" or tokens[i + 1].text.isdigit())
               and tokens[i + 2].lemmas & {"случай"} for i in clause)


def share_of_number(tokens, hit: TriggerHit) -> bool:
    """The clause takes a part of a counted whole: ``из 120 человек ... 37``."""
    clause = clause_of(tokens, hit.anchor)
    return any(tokens[i].lemmas & {"из"} and i + 1 < len(tokens) and
               (tokens[i + 1].pos == "NUM" or tokens[i + 1].text.isdigit()) for i in clause)


@lru_cache(maxsize=64)  # asked once for each candidate of a sentence
def is_table_row(text: str) -> bool:
    """A sentence that is mostly numbers: a row or header of a table.

    >>> is_table_row("штраф 1772 1903 2015 2210 2350"), is_table_row("Задержаны 5 человек.")
    (True, False)
    >>> is_table_row("Оштрафовано на суммы от 30 000 до 81 000 тенге (150 – 410 EURO) 16 человек.")
    False
    """
    numbers = _NUMBER.findall(text)
    words = re.findall(r"[^\W\d_]{3,}", text)
    return len(numbers) >= TABLE_NUMBERS and len(numbers) > len(words)
