"""Clause geometry: which clause of a sentence a word stands in, and what parts one clause from another.

An event's arguments come from its own clause (:mod:`pipeline.events.arguments`). These
read where a clause ends and another begins: the dependency distance from a word to a
trigger, a subordinate clause of another happening's time (``после того как``), a
relative or participial clause with a time of its own, a coordinated clause with its own
subject, a bracket, a contrast (``, а``) or a semicolon between the two. They decide
nothing about roles, so dates, places, persons and counts all read them; they are kept
apart from the scoring that does.
"""

from __future__ import annotations

from collections.abc import Sequence

from .syntax import Token, context, context_patterns, find_pattern, folded_set, span_head
from .triggers import TriggerHit


MAX_TREE = 3
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–"}


def path_to_root(tokens: tuple[Token, ...], index: int) -> list[int]:
    path, seen = [index], {index}
    while tokens[path[-1]].head >= 0 and tokens[path[-1]].head not in seen:
        path.append(tokens[path[-1]].head)
        seen.add(path[-1])
    return path


def tree_distance(tokens: tuple[Token, ...], a: int, b: int) -> int:
    """Dependency arcs between two tokens of a sentence; a path through another
    verb counts as unlinked (the word belongs to that verb's clause)."""
    up_a, up_b = path_to_root(tokens, a), path_to_root(tokens, b)
    depth_b = {t: i for i, t in enumerate(up_b)}
    for i, t in enumerate(up_a):
        if t in depth_b:
            path = up_a[1 : i + 1] + up_b[1 : depth_b[t]]
            # the trigger's own head verb is its predicate: "подан иск", "получила отказ"
            own = {a, b, tokens[b].head}
            if any(tokens[p].pos == "VERB" and p not in own for p in path):
                return len(tokens)
            return i + depth_b[t]
    return len(tokens)


def phrase_head(tokens: tuple[Token, ...], hit: TriggerHit) -> int:
    """The token of a trigger phrase whose head lies outside the phrase."""
    return span_head(tokens, hit.tokens, hit.anchor)


def is_time_reference(tokens: tuple[Token, ...], index: int) -> bool:
    """The trigger only dates something else: "после митинга", "до начала акции"."""
    temporal = set(context()["temporal_prepositions"])
    head = tokens[index].head
    # "задержала рыбаков после того, как они вошли": a parse may hang the main verb on the
    # ``того`` of the clause that dates it; only what follows ``того`` is that clause
    correlative = head > index and tokens[head].pos in {"PRON", "DET"} \
        and bool(tokens[head].lemmas & folded_set("correlative_pronouns"))
    chain = [index] + ([head] if head >= 0 and not correlative else [])
    return any(
        t.head in chain and t.pos == "ADP" and t.lemmas & temporal for t in tokens
    )


COUNTED_FROM = {"после"}  # "через два дня после митинга": what the counted days run from


def time_clause(tokens: tuple[Token, ...], index: int) -> range | None:
    """The subordinate clause a word stands in when that clause opens with a subordinator of
    another happening's time (``после того как``, ``до того как``, ``прежде чем``:
    ``time_clause_openers``): from the subordinator to the comma after the clause's first verb
    (read by the words: the parse often hangs such a clause's date on the main verb).

    >>> from pipeline.events.syntax import Token as T
    >>> words = "После того как 3 мая прошел пикет , его задержали".split()
    >>> pos = ["ADP", "PRON", "SCONJ", "ADJ", "NOUN", "VERB", "NOUN", "PUNCT", "PRON", "VERB"]
    >>> lemmas = [{"после"}, {"тот"}, {"как"}, {"3"}, {"май"}, {"пройти"}, {"пикет"}, {","}, {"он"}, {"задержать"}]
    >>> toks = tuple(T(i, 0, 0, w, frozenset(l), p, -1, "") for i, (w, p, l) in enumerate(zip(words, pos, lemmas)))
    >>> time_clause(toks, 3), time_clause(toks, 9)
    (range(0, 7), None)
    """
    openers = context()["time_clause_openers"]
    if find_pattern(tokens, context_patterns("time_clause_openers"), 0, len(tokens)) is None:
        return None  # no opener anywhere (most sentences): one scan, not one per opener
    for opener in openers:
        at = find_pattern(tokens, [opener], 0, len(tokens))
        while at is not None:
            verb = next((t.index for t in tokens[at + len(opener):] if t.pos in {"VERB", "AUX"}), None)
            if verb is None:
                break
            end = next((t.index for t in tokens[verb:] if t.text in {",", ";", ":"}), len(tokens))
            if at <= index < end:
                return range(at, end)
            at = find_pattern(tokens, [opener], end, len(tokens))
    return None


def participle_stretch(tokens: tuple[Token, ...], index: int) -> range | None:
    """The stretch between commas a word stands in when it is a participial phrase set off by
    commas (a full participle and no finite verb: ``..., задержанную в марте, ...``): beside a
    date of the sentence's own, its date is the participle's happening's, whatever verb the
    parse hangs it on."""
    low = max((t.index for t in tokens[:index] if t.text == ","), default=-1) + 1
    high = min((t.index for t in tokens[index:] if t.text == ","), default=len(tokens))
    if low == 0 or high == len(tokens):
        return None
    verbs = [t for t in tokens[low:high] if t.pos in {"VERB", "AUX"}]
    full = [t for t in verbs if "VerbForm=Part" in t.feats and "Variant=Short" not in t.feats]
    return range(low, high) if full and len(full) == len(verbs) and full[0].index < index else None


def states_happening(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit,
                     participle: bool = False) -> int | None:
    """Arcs from a date to a trigger noun through the participle or relative clause on it that
    tells the noun happened (``убийство, совершённое в 2016 году``, ``акции, которая состоялась
    12 июня``: ``occurrence_verbs``; a participle's only, when ``participle``): that clause's time
    is the noun's, as ``Акция прошла 12 июня`` gives it. None when no such clause holds the date
    (``убийство, которое расследовали в 2015 году``: what was done about it later, at a time of
    its own)."""
    if tokens[hit.anchor].pos != "NOUN":
        return None
    nouns = {hit.anchor, phrase_head(tokens, hit)}
    verbs = [t.index for t in tokens if t.rel in {"acl", "acl:relcl"} and t.pos in {"VERB", "AUX"}
             and t.lemmas & folded_set("occurrence_verbs")
             and (not participle or "VerbForm=Part" in t.feats)
             and (t.head in nouns or _relative_on(tokens, t.index, hit))]
    arcs = [tree_distance(tokens, a, verb) + 1 for a in at for verb in verbs]
    return min((n for n in arcs if n <= len(tokens)), default=None)


def _relative_on(tokens: tuple[Token, ...], verb: int, hit: TriggerHit) -> bool:
    """A relative clause right after the trigger noun whose ``который`` agrees with it in gender
    and number, wherever the parse hangs it (``участники акции, которая состоялась``: the parse
    may put it on ``участники``; the pronoun's feminine singular is the rally's), and whose verb has
    no object of its own (``которая провела пикет``: a woman, the doer of another happening)."""
    comma = hit.tokens[-1] + 1
    if comma >= len(tokens) or tokens[comma].text != "," or tokens[verb].rel != "acl:relcl":
        return False
    pronoun = next((t for t in tokens[comma + 1 : verb] if "который" in t.lemmas), None)
    if pronoun is None or (pronoun.head != verb and pronoun.index != comma + 1):
        return False
    if any(t.head == verb and t.rel == "obj" and t.index != pronoun.index for t in tokens):
        return False  # ``участницу акции, которая провела пикет``: the clause's object is its happening
    agreement = {f for f in tokens[hit.anchor].feats if f.startswith(("Gender=", "Number="))}
    return len(agreement) == 2 and agreement <= pronoun.feats


def counted_from(tokens: tuple[Token, ...], phrase: Sequence[int]) -> set[int]:
    """The tokens of the happening a counted day runs from (``через два дня после
    митинга``, ``на следующий день после акции``): the complement of ``после`` right after
    the phrase. That happening is the day the count starts from, not the counted day.

    The complement is the subtree of the word ``после`` attaches to; where the parse hangs
    it elsewhere, the words after it up to a clause break, a verb or a subject."""
    after = phrase[-1] + 1 if phrase else len(tokens)
    if after >= len(tokens) or tokens[after].text.lower() not in COUNTED_FROM:
        return set()
    if (clause := time_clause(tokens, after)) is not None and clause.start == after:
        return set(clause[1:])  # "через неделю после того как 1 декабря прошел пикет"
    head = tokens[after].head
    if head > after:
        inside = {head}
        for _ in range(len(tokens)):
            grown = inside | {t.index for t in tokens if t.head in inside and t.index > after}
            if grown == inside:
                break
            inside = grown
        return inside
    inside = set()
    for token in tokens[after + 1:]:
        if token.text in CLAUSE_BREAKS or token.pos in {"VERB", "AUX"} or "Case=Nom" in token.feats:
            break
        inside.add(token.index)
    return inside


def in_brackets(tokens: tuple[Token, ...], index: int) -> bool:
    """The token stands inside an open parenthesis."""
    depth = 0
    for token in tokens[:index]:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
    return depth > 0


def bracket_clause(tokens: tuple[Token, ...], index: int, hit: TriggerHit) -> bool:
    """The word stands in a bracket with a verb of its own that the trigger stands outside
    of (``возбуждено дело ... (в ноябре Куделин получил убежище)``): the bracket's time
    and place are its own clause's."""
    if not in_brackets(tokens, index) or in_brackets(tokens, hit.anchor):
        return False
    start = max(i for i in range(index) if tokens[i].text == "(")
    end = next((i for i in range(index, len(tokens)) if tokens[i].text == ")"), len(tokens))
    return any(tokens[i].pos == "VERB" for i in range(start + 1, end))


def own_subject(tokens: tuple[Token, ...], index: int) -> bool:
    """A coordinated verb with a subject of its own is a clause of its own (``задержаны
    ..., а 5 марта суд оштрафовал``): it shares nothing with the verb before."""
    return tokens[index].pos == "VERB" and any(
        t.head == index and t.rel.startswith("nsubj") for t in tokens)


WHEN = frozenset({"когда"})


def relative_clause(tokens: tuple[Token, ...], index: int) -> frozenset[int]:
    """The tokens of the relative clause a word stands in (``Петрова, которого в мае
    оштрафовали``: the clause's verb is ``acl:relcl`` of a noun), empty when it stands in none:
    such a clause tells what befell someone named in the sentence, at a time of its own; not a
    clause of ``когда``, which tells its noun's time, nor one told at or during its noun
    (:func:`tells_scene`: ``митинг, на котором задержали``)."""
    seen: set[int] = set()
    verb = index
    while verb >= 0 and verb not in seen and tokens[verb].rel != "acl:relcl":
        seen.add(verb)
        verb = tokens[verb].head
    if verb < 0 or verb in seen:
        return frozenset()

    def within(i: int) -> bool:
        chain: set[int] = set()
        while i >= 0 and i not in chain:
            if i == verb:
                return True
            chain.add(i)
            i = tokens[i].head
        return False

    clause = frozenset(t.index for t in tokens if within(t.index))
    # "в 1998 году, когда его избили ...": a clause of "когда" tells the time of its noun; one of
    # "на котором", "в ходе которой", "где" tells what happened at or during it
    return frozenset() if any(tokens[i].lemmas & WHEN for i in clause) or tells_scene(tokens, verb, clause) \
        else clause


def tells_scene(tokens: tuple[Token, ...], verb: int, clause: frozenset[int]) -> bool:
    """The relative clause of ``verb`` opens with an adverbial of place or time of its verb
    (``митинг, на котором задержали``, ``акция, в ходе которой``, ``во время которого``,
    ``шествие, где``): what it tells happened at or during its noun, on its noun's day. The word
    opening the clause (after its preposition) is an ``advmod`` or a locative ``obl`` of the
    verb, or one under a compound preposition (``в ходе``, ``во время``); not ``по
    которому`` or ``которую``."""
    words = [i for i in sorted(clause) if tokens[i].rel not in {"punct", "case", "fixed", "cc"}]
    if not words or tokens[words[0]].head != verb:
        return False
    opener = tokens[words[0]]
    compound = any(t.rel == "case" and t.head == opener.index and any(
        f.rel == "fixed" and f.head == t.index for f in tokens) for t in tokens)
    return opener.rel == "advmod" and opener.pos != "PART" or opener.rel == "obl" and (
        "Case=Loc" in opener.feats or compound)


def own_clause(tokens: tuple[Token, ...], index: int) -> int | None:
    """The coordinated clause with a subject of its own that a word belongs to, if any:
    its date and place are that clause's (``задержаны ..., а 5 марта суд оштрафовал``)."""
    seen = set()
    while index >= 0 and index not in seen:
        seen.add(index)
        if tokens[index].pos == "VERB":
            return index if tokens[index].rel == "conj" and own_subject(tokens, index) else None
        index = tokens[index].head
    return None


CONTRAST = {"а", "но", "однако"}


def across_contrast(tokens: tuple[Token, ...], index: int, hit: TriggerHit) -> bool:
    """A comma and ``а``/``но`` stand between the word and the trigger: another clause.

    Parses often hang ``а 5 марта суд оштрафовал`` on the wrong verb; the words do not."""
    low, high = sorted((index, hit.anchor))
    return any(tokens[i].text == "," and tokens[i + 1].text.lower() in CONTRAST for i in range(low, high - 1))


PREDICATE_POS = {"VERB", "AUX"}


def across_semicolon(tokens: tuple[Token, ...], index: int, hit: TriggerHit) -> bool:
    """A semicolon stands between the word and the trigger and the word's own part of the
    sentence has a predicate of its own (``Орлов арестован 3 февраля; остальные двое
    освобождены``): that part is another clause, whose people, time and place are its own.
    A list item with no verb (``осуждены: Иванов — к двум годам; Петров — к трем``) still
    belongs to the verb that opens the list."""
    low, high = sorted((index, hit.anchor))
    if not any(tokens[i].text == ";" for i in range(low, high)):
        return False
    start = max((i for i in range(index) if tokens[i].text == ";"), default=-1) + 1
    end = next((i for i in range(index, len(tokens)) if tokens[i].text == ";"), len(tokens))
    return any(is_predicate_word(tokens[i]) for i in range(start, end) if i not in hit.tokens)


def is_predicate_word(token: Token) -> bool:
    """A finite verb, a short participle or an auxiliary: what makes words a clause (a full
    participle, ``задержанный в Москве``, qualifies a noun and makes none)."""
    if token.pos not in PREDICATE_POS:
        return False
    return token.pos == "AUX" or "VerbForm=Fin" in token.feats or "Variant=Short" in token.feats


def conjunct_root(tokens: tuple[Token, ...], index: int) -> int:
    """The first of coordinated words (``Куделин`` for ``Пахотина`` in ``Куделин и Пахотина``)."""
    seen = {index}
    while tokens[index].rel == "conj" and tokens[index].head >= 0 and tokens[index].head not in seen:
        index = tokens[index].head
        seen.add(index)
    return index
