"""Counts of people as event arguments: which number of a sentence counts whom a happening befell.

A count near a trigger may count the happenings themselves (``12 арестов``), the doers
(``четверо полицейских избили``), another noun (``пятерых свидетелей по делу
блогеров``), the subject of a clause whose verb is left out (``двое — в Омске``), part of
a group (``из них две женщины``) or those attending (``присутствовало около тысячи
человек``). These read which, from the parse and pymorphy3; :mod:`pipeline.events.arguments`
scores the counts that are left against triggers.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import parse_word
from ..records import COUNT, PER
from ..resources import fold
from ..tag.terms import term_words
from .clauses import (CLAUSE_BREAKS, PREDICATE_POS, conjunct_root, is_predicate_word, path_to_root, phrase_head,
                      tree_distance)
from .person_roles import grammatical_number, is_agent, subject_of_other_clause, subject_verb
from .syntax import PlacedMention, Token, context_patterns, folded_set, has_pattern, span_head
from .triggers import TriggerHit


DASHES = {"—", "–"}


def through_shared_subject(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> float | None:
    """How far the trigger is from a count that is the subject its verb shares with a verb
    coordinated before it (:func:`subject_verb`; ``трое активистов пришли к суду и получили
    штрафы``), as if the subject were its verb's own, half an arc further so that a count the
    verb tells itself comes first (``оштрафованы 4 человека, а арестованы — 2 человека``); None
    for a count that is no such subject.

    >>> def t(i, text, pos, head, rel, *feats):
    ...     return Token(i, 0, 0, text, frozenset({text}), pos, head, rel, frozenset(feats))
    >>> toks = (t(0, "трое", "NUM", 1, "nummod:gov"), t(1, "активистов", "NOUN", 2, "nsubj"),
    ...         t(2, "пришли", "VERB", -1, "root", "Number=Plur"), t(3, "получили", "VERB", 2, "conj", "Number=Plur"),
    ...         t(4, "штрафы", "NOUN", 3, "obj"))
    >>> through_shared_subject(toks, [0], TriggerHit("fine", (4,), 4, False, 0, 0))
    2.5
    """
    anchor = tokens[hit.anchor]
    own_verb = hit.anchor if anchor.pos == "VERB" else anchor.head
    if own_verb < 0 or tokens[own_verb].pos != "VERB":
        return None
    first = subject_verb(tokens, own_verb)
    if first == own_verb or grammatical_number(tokens[first]) != grammatical_number(tokens[own_verb]):
        return None
    if not any(tokens[a].head == first and tokens[a].rel.startswith("nsubj") for a in count_heads(tokens, at)):
        return None
    return 1.5 + tree_distance(tokens, own_verb, hit.anchor)


def told_after_dash(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The count opens what follows a dash that closes the trigger's clause, with no verb,
    clause break or person between (``арестованы на 10 суток — 2 человека``): those it befell,
    told last. A count of people before the dash (``задержаны 14 человек — 11 студентов
    ...``) is the verb's, the one after it a breakdown. A count with a verb of its own after
    it opens a new clause (``арестованы — 15 человек пришли в суд``): its subject."""
    dash = min(at) - 1
    if dash <= hit.tokens[-1] or tokens[dash].text not in DASHES:
        return False
    between = tokens[hit.tokens[-1] + 1 : dash]
    if any(t.text in CLAUSE_BREAKS or is_predicate_word(t) or _names_people(tokens, t) for t in between):
        return False
    after = max(at) + 1
    end = next((i for i in range(after, len(tokens)) if tokens[i].text in CLAUSE_BREAKS), len(tokens))
    return not any(is_predicate_word(t) for t in tokens[after:end])


def _names_people(tokens: tuple[Token, ...], token: Token) -> bool:
    """A word for people (``человек``, ``Иванов``, ``они``) or a number not of things (``14``
    of ``14 человек``, ``четверо``; not ``10`` of ``10 суток``)."""
    if token.pos in {"NOUN", "PROPN", "PRON"}:
        return "Animacy=Anim" in token.feats or token.pos == "PRON"
    if token.pos == "NUM":
        head = tokens[token.head] if token.head >= 0 else None
        return head is None or not (head.pos == "NOUN" and "Animacy=Inan" in head.feats)
    return False


def befell_one(tokens: tuple[Token, ...], hit: TriggerHit) -> bool:
    """A passive participle in the masculine or feminine singular told of one person, its
    subject, the noun it qualifies or one left out (``Козлов задержан``, ``блогера,
    задержанного в аэропорту``): it befell that one, so a count of more is another noun's.
    The neuter is said of a counted subject (``задержано 14 человек``): no such participle.

    >>> def t(i, text, pos, head, rel, feats):
    ...     return Token(i, 0, 0, text, frozenset({text}), pos, head, rel, frozenset(feats))
    >>> one = ("Animacy=Anim", "Number=Sing")
    >>> toks = (t(0, "блогера", "NOUN", -1, "root", one),
    ...         t(1, "задержанного", "VERB", 0, "acl", ("Voice=Pass", "Number=Sing", "Gender=Masc")))
    >>> befell_one(toks, TriggerHit("detention", (1,), 1, False, 0, 0))
    True
    """
    anchor = tokens[hit.anchor]
    if anchor.pos != "VERB" or "Voice=Pass" not in anchor.feats or "Number=Sing" not in anchor.feats \
            or "Gender=Neut" in anchor.feats:
        return False
    if anchor.rel == "acl" and anchor.head >= 0 and "Number=Plur" in tokens[anchor.head].feats:
        return True  # "следователей, причастных к аресту Котова, обвинённого": a misparse, told of one
    if anchor.rel == "acl":
        told_of = [anchor.head] if anchor.head >= 0 else []
    else:
        told_of = [t.index for t in tokens if t.head == anchor.index and t.rel == "nsubj:pass"]
    # with no subject of its own it is told of one left out ("..., Денис Котов (задержан в
    # марте)"); a thing in the singular may hold many ("задержан автобус с 30 активистами")
    nouns = told_of or [t.index for t in tokens if t.head == anchor.index]  # a subject misparsed
    if any(t.head in nouns and t.rel.startswith("nummod") for t in tokens):
        return False  # "задержан 21 человек": a number ending in one takes the singular
    # it agrees with the first of coordinated subjects: a counted or plural one after it is
    # told of too ("задержан лидер движения и 12 его сторонников")
    conjuncts = [t.index for t in tokens if t.head in told_of and t.rel == "conj"
                 and t.pos in {"NOUN", "PROPN", "PRON", "NUM"}]
    if any("Number=Plur" in tokens[c].feats or tokens[c].pos == "NUM" for c in conjuncts):
        return False
    # a counted one may be misparsed onto the subject's genitive ("председатель совета и 14
    # участников"): a number and its noun are no genitive
    qualifiers = [t.index for t in tokens if t.head in told_of and t.rel == "nmod"]
    conjuncts += [t.index for t in tokens if t.head in qualifiers and t.rel == "conj"]
    if any(t.head in conjuncts and t.rel.startswith("nummod") for t in tokens):
        return False
    return not told_of or any(tokens[i].pos in {"NOUN", "PROPN"} and "Animacy=Anim" in tokens[i].feats
                              and "Number=Sing" in tokens[i].feats for i in told_of)


def gapped_subject(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The words are the subject of a clause whose verb is left out (``четверо арестованы в
    Томске, двое — в Омске``): the parse coordinates them with the verb and hangs what is
    left of their clause on them as ``orphan``. Their count is that clause's, not the verb's
    (a trigger in that clause, ``четверо — к лишению свободы``, keeps it).

    >>> def t(i, text, pos, head, rel):
    ...     return Token(i, 0, 0, text, frozenset({text}), pos, head, rel, frozenset())
    >>> toks = (t(0, "четверо", "NUM", 1, "nsubj:pass"), t(1, "арестованы", "VERB", -1, "root"),
    ...         t(2, ",", "PUNCT", 3, "punct"), t(3, "двое", "NUM", 1, "conj"),
    ...         t(4, "—", "PUNCT", 5, "punct"), t(5, "Омске", "PROPN", 3, "orphan"))
    >>> verb, place = TriggerHit("detention", (1,), 1, False, 0, 0), TriggerHit("other", (5,), 5, False, 0, 0)
    >>> gapped_subject(toks, [3], verb), gapped_subject(toks, [0], verb), gapped_subject(toks, [3], place)
    (True, False, False)
    """
    return any(tokens[a].rel == "conj" and tokens[a].head >= 0 and tokens[tokens[a].head].pos in PREDICATE_POS
               and tokens[a].pos not in PREDICATE_POS and any(t.head == a and t.rel == "orphan" for t in tokens)
               and a not in path_to_root(tokens, hit.anchor)  # "четверо — к лишению свободы": its own
               for a in at)


def is_subset(tokens: tuple[Token, ...], first: int) -> bool:
    """A count of part of the group: ``3 человека, из них две женщины``."""
    return has_pattern(tokens, context_patterns("subset_markers"), first - 3, first)


def counts_one(value) -> bool:
    """A count of one (``один из задержанных``, ``ещё одна участница``)."""
    return value is not None and value.low == value.high == 1 and not value.approx


def names_its_one(tokens: tuple[Token, ...], at: Sequence[int], placed: list[PlacedMention]) -> bool:
    """A person's name follows a count of one with no verb between (``один из задержанных
    — Олег Ершов``, ``ещё одна участница группы Анна Котова``): no group is counted, the one
    person is told by the persons of the event."""
    last = max(at)
    for p in placed:
        if p.mention.type == PER and p.tokens and last < p.tokens[0] <= last + 6:
            return not any(tokens[i].pos == "VERB" and "VerbForm=Part" not in tokens[i].feats
                           and reads_as_verb(tokens[i].text)
                           for i in range(last + 1, p.tokens[0]))  # "один из задержанных —": a participle
    return False


def reads_as_verb(word: str) -> bool:
    """pymorphy3 has a verb reading of the word: a word the tagger calls a verb that it
    reads only as a noun (``автозака``) is none.

    >>> reads_as_verb("получил"), reads_as_verb("автозака")
    (True, False)
    """
    return any(p.tag.POS in {"VERB", "INFN", "PRTF", "PRTS", "GRND"} for p in parse_word(word.lower()))


def counts_other_clause(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The count is the subject of a verb coordinated with the trigger's that has a subject of its
    own (:func:`subject_of_other_clause`): ``пятеро были отпущены, а суд арестовал Иванова``. The
    trigger's own counted subject stays, whatever its number (``заключено ... 11 человек``), and so
    does a count whose people the trigger's verb takes again as its object, by a plural pronoun or
    the counted noun (``пятеро пришли к мэрии, а полиция задержала их``)."""
    own = phrase_head(tokens, hit)
    if tokens[own].pos != "VERB" and tokens[own].head >= 0:
        own = tokens[own].head
    counted = tokens[conjunct_root(tokens, span_head(tokens, at))]
    again = (counted.lemmas if counted.pos == "NOUN" else frozenset()) | {"они"}
    # a pronoun before a noun is its possessive (``их преподавателя``), though parsed as an object;
    # the object may be misparsed onto a later verb, so the trigger's clause is read word by word
    possessive = {t.index for t, after in zip(tokens, tokens[1:]) if t.pos == "PRON" and after.pos == "NOUN"
                  and (after.head, after.rel) == (t.head, t.rel)}
    start = max((i + 1 for i in range(hit.anchor) if tokens[i].text in CLAUSE_BREAKS), default=0)
    end = next((i for i in range(hit.anchor, len(tokens)) if tokens[i].text in CLAUSE_BREAKS), len(tokens))
    told = [t for t in tokens[start:end] if t.head == own or t.index > hit.anchor]
    if any(t.rel in {"obj", "iobj", "obl", "nmod"} and t.lemmas & again and t.index not in possessive for t in told):
        return False
    return counted.head != own and subject_of_other_clause(tokens, at, hit)


def conjunct_of_counted(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The parse hangs a noun trigger on the counted noun as its conjunct (``и нападения на
    прохожих, но привлечены лишь восемь человек``): a count counts its own noun, never a
    happening coordinated with it."""
    anchor = tokens[hit.anchor]
    return anchor.pos == "NOUN" and anchor.rel == "conj" and anchor.head in count_heads(tokens, at)


def count_heads(tokens: tuple[Token, ...], at: Sequence[int]) -> set[int]:
    """The words of a count and the noun its number word counts (``Трое`` of ``Трое
    неизвестных``: the parse may leave the noun outside the mention)."""
    return set(at) | {tokens[a].head for a in at if tokens[a].rel.startswith("nummod") and tokens[a].head >= 0}


def counts_doers(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The count is the doer of the trigger (:func:`is_agent`): ``четверо полицейских
    избили``, the number word's noun the subject (``Трое`` of ``Трое неизвестных``)."""
    return any(is_agent(tokens, a, hit, shared=True) for a in count_heads(tokens, at))


def counts_other_noun(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The trigger is a participle told of the noun it qualifies, and the count counts another
    (``опросили пятерых свидетелей по делу блогеров, задержанных ...``: the bloggers were
    detained, not the five). A count of that noun, of the first of its conjuncts or of the noun it
    is apposed to stays (``14 человек, задержанных``, ``пятеро — участники пикета, задержанные``).

    >>> def t(i, text, pos, head, rel, *feats):
    ...     return Token(i, 0, 0, text, frozenset({text}), pos, head, rel, frozenset(feats))
    >>> toks = (t(0, "пятерых", "NUM", 1, "nummod"), t(1, "свидетелей", "NOUN", -1, "root"),
    ...         t(2, "блогеров", "NOUN", 1, "nmod"), t(3, "задержанных", "VERB", 2, "acl", "VerbForm=Part"))
    >>> hit = TriggerHit("detention", (3,), 3, False, 0, 0)
    >>> apposed = toks[:2] + (t(2, "блогеров", "NOUN", 1, "appos"),) + toks[3:]
    >>> counts_other_noun(toks, [0], hit), counts_other_noun(apposed, [0], hit)
    (True, False)
    """
    anchor = tokens[hit.anchor]
    if anchor.pos != "VERB" or anchor.rel != "acl" or anchor.head < 0 or "VerbForm=Part" not in anchor.feats \
            or "Variant=Short" in anchor.feats:
        return False  # a verb or short participle the parse hangs on a noun is a predicate ("КНР задержала")
    qualified = anchor.head
    told_of = {qualified, conjunct_root(tokens, qualified)}
    if tokens[qualified].rel == "appos":
        told_of.add(tokens[qualified].head)
    return not told_of & count_heads(tokens, at)


def counts_itself(tokens: tuple[Token, ...], hit: TriggerHit, at: Sequence[int] = ()) -> bool:
    """The trigger has a number of its own (``12 административных арестов``, ``около 90
    штрафов``, ``возбуждено 3 уголовных дела``): it counts happenings, not people, and takes
    no count of people from beside it. A number of the count ``at`` itself is no such number
    (``не менее 300 задержанных``: the people the noun names), nor one of a term (``получили
    по 10 суток``: time)."""
    def own(t: Token) -> bool:
        of_term = t.head >= 0 and fold(tokens[t.head].text.lower()) in term_words().units
        return t.pos == "NUM" and t.index not in at and not of_term

    if any(own(tokens[t]) for t in hit.tokens):
        return True
    if not any(tokens[t].pos == "NOUN" for t in hit.tokens):
        return False
    # the number word before the noun and its adjectives, or one the parse hangs on it
    before = hit.tokens[0] - 1
    while before >= 0 and tokens[before].pos == "ADJ":
        before -= 1
    # (before its noun: ``сроки от 2 до 5 лет`` after it are a term's)
    return (before >= 0 and own(tokens[before]) and tokens[before].rel.startswith("nummod")) or any(
        own(t) and t.head in hit.tokens and t.index < t.head and t.rel.startswith("nummod") for t in tokens)


def participants_count(tokens: tuple[Token, ...], placed: list[PlacedMention], hit: TriggerHit) -> PlacedMention | None:
    """The count of those who protest: the doer of the protest verb, or of the verb whose
    object the protest noun is (``протестовало 12 человек``, ``двое сотрудников провели
    пикет``, ``шестеро студентов держат голодовку``)."""
    for p in placed:
        if p.mention.type == COUNT and p.mention.value is not None and p.tokens \
                and not is_subset(tokens, p.tokens[0]) \
                and any(is_agent(tokens, a, hit) or _quantified_subject(tokens, a, hit)
                        for a in count_heads(tokens, p.tokens)):
            return p
    return None


def _quantified_subject(tokens: tuple[Token, ...], at: int, hit: TriggerHit) -> bool:
    """A counted noun the parse makes the object of an intransitive verb (pymorphy3's
    ``intr``: ``протестовало 8 человек``): the subject, in the genitive a number governs."""
    token = tokens[at]
    if token.rel != "obj" or token.head != hit.anchor or tokens[hit.anchor].pos != "VERB":
        return False
    parses = [q for q in parse_word(tokens[hit.anchor].text.lower()) if q.tag.POS == "VERB"]
    return bool(parses) and all("intr" in q.tag for q in parses)


def attendance_count(tokens: tuple[Token, ...], placed: list[PlacedMention]) -> PlacedMention | None:
    """The count of people attending, in a sentence that says so (``присутствовало
    около полутора тысяч человек``, ``с участием ...``): its first count of people, not
    one of those a happening befell (:func:`names_the_befallen`)."""
    if not any(t.lemmas & folded_set("attendance_words") for t in tokens):
        return None
    for p in placed:
        if p.mention.type == COUNT and p.mention.value is not None and p.tokens \
                and not is_subset(tokens, p.tokens[0]) and not names_the_befallen(tokens, p.tokens):
            return p
    return None


def names_the_befallen(tokens: tuple[Token, ...], at: Sequence[int]) -> bool:
    """A count whose noun is a passive participle (``не менее 80 задержанных``,
    ``трое арестованных``): people named by what befell them, not those attending."""
    return any("VerbForm=Part" in tokens[i].feats and "Voice=Pass" in tokens[i].feats for i in at)
