"""Event arguments: which mentions and actors of a sentence belong to which trigger.

A mention goes to the trigger it is syntactically closest to (path length in the
dependency tree, at most ``MAX_TREE``); failing that, to the linearly nearest
trigger of its clause (no comma or semicolon between, at most ``MAX_LINEAR``
tokens). Coordinated triggers (``задержаны и осуждены``) share what either gets,
as far as their event types admit the role (a term goes to custody only). What
may fill a role is a typed :class:`~pipeline.events.syntax.Candidate`: a mention,
or a person or actor read from a word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..records import COUNT, DATE, LOC, MONEY, ORG, PER, TERM
from ..nlp import parse_word
from ..resources import fold, load_json
from ..tag.gazetteer import canonical_place, find_places, is_gazetteer_place, place_of_adjective
from ..tag.terms import term_words
from .people import PERSON_PATIENT_TYPES, People, is_possessive, is_scene, left_out_subject, person_words, relative_of
from .syntax import (Candidate, PlacedMention, Token, context, find_pattern, folded_set, has_pattern, heads_up,
                     pattern_lengths_at, span_head)
from .triggers import TriggerHit

MAX_TREE = 3
MAX_LINEAR = 6
TREE_LINKED = 10.0  # a linear match scores from here: below it, reached through the dependency tree
ORIGIN_PENALTY = 3.0  # arcs a place of the trigger's clause may lie further than a person's origin
ROLE_OF = {PER: "person", LOC: "place", DATE: "date", COUNT: "count", MONEY: "amount", TERM: "term"}
_CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–"}
DASHES = {"—", "–"}


@dataclass
class Found:
    """Arguments found for one trigger: role -> [(score, candidate)]."""

    by_role: dict[str, list[tuple[float, Candidate]]] = field(default_factory=lambda: defaultdict(list))

    def best(self, role: str) -> list[int | str]:
        """The values found for a role, closest first (mention indices, or names)."""
        return [candidate.value for _, candidate in sorted(self.by_role.get(role, []), key=lambda p: p[0])]


def roles_for(event_type: str) -> frozenset[str]:
    """Argument roles an event type takes (``models/event_context.json``)."""
    return frozenset(context()["roles"].get(event_type, ()))


def _path_to_root(tokens: tuple[Token, ...], index: int) -> list[int]:
    path, seen = [index], {index}
    while tokens[path[-1]].head >= 0 and tokens[path[-1]].head not in seen:
        path.append(tokens[path[-1]].head)
        seen.add(path[-1])
    return path


def tree_distance(tokens: tuple[Token, ...], a: int, b: int) -> int:
    """Dependency arcs between two tokens of a sentence; a path through another
    verb counts as unlinked (the word belongs to that verb's clause)."""
    up_a, up_b = _path_to_root(tokens, a), _path_to_root(tokens, b)
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


def measure_of(tokens: tuple[Token, ...], hit: TriggerHit) -> set[int]:
    """The counted noun a trigger phrase hangs on as its measure (``200 часов обязательных
    работ``, ``два года исправительных работ``): the verb imposes the penalty through it, so what
    the verb's clause tells reaches the penalty there."""
    head = phrase_head(tokens, hit)
    measure = tokens[head].head
    if tokens[head].rel != "nmod" or measure < 0 or tokens[measure].pos != "NOUN":
        return set()
    counted = any(t.head == measure and (t.rel == "nummod" or t.pos == "NUM") for t in tokens)
    return {measure} if counted else set()


def linear_gap(tokens: tuple[Token, ...], a: int, hit: TriggerHit) -> int | None:
    """Tokens between a word and a trigger, or None across a clause break."""
    lo, hi = (a, hit.tokens[0]) if a < hit.tokens[0] else (hit.tokens[-1], a)
    between = tokens[lo + 1 : hi]
    if any(t.text in _CLAUSE_BREAKS or t.pos == "VERB" for t in between):
        return None
    return len(between)


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


# Penalties given for something done earlier: the day of what they punish is not theirs.
PENALTY_TYPES = frozenset({"fine", "custody", "court", "compulsory_work", "warning"})


def dates_punished_act(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """Whether a date lies in the reason a penalty gives (``оштрафовал за участие в акции
    23 января``, ``арестован на 10 суток за пикет 5 мая``): after the trigger, behind a
    ``за`` with no clause break or verb between them, or (where the parse says so) below a
    word ``за`` governs. That day is the act's; the fine or the arrest came later, on a
    day this sentence may not tell."""
    if hit.type not in PENALTY_TYPES or not at:
        return False
    inside, trigger = set(at), set(hit.tokens)
    first = min(at)
    if first > max(trigger):
        for token in reversed(tokens[max(trigger) + 1 : first]):
            if token.text in _CLAUSE_BREAKS or token.pos in {"VERB", "AUX"}:
                break
            if token.text.lower() == "за" and token.rel == "case":
                return True
    index = span_head(tokens, at)
    for _ in range(len(tokens)):
        index = tokens[index].head
        if index < 0 or index in trigger:
            return False
        if index not in inside and any(t.head == index and t.rel == "case" and t.text.lower() == "за"
                                       for t in tokens):
            return True
    return False


CORE_ARGUMENTS = {"obj", "nsubj", "nsubj:pass", "iobj"}


@dataclass(frozen=True, slots=True)
class Ground:
    """What a charge, a suspicion or a case is about (:func:`ground_phrase`): its tokens, which
    kind of ``ground_markers`` opened it, and the noun it names."""

    tokens: range
    kind: str  # "charges" (an act charged), "happenings" (what a case is opened over), "cases" (its own date)
    noun: int | None  # the first noun after the marker ("столкновениями", "митинга")


@cache
def _happening_words() -> frozenset[str]:
    """Lemmas that name a happening by themselves: one-word entries of the trigger lexicon."""
    from .triggers import trigger_index

    return frozenset(key for key, entries in trigger_index().items() if any(len(e["parts"]) == 1 for e in entries))


def names_happening(token: Token) -> bool:
    """The word names a happening (``столкновение``, ``митинг``, ``нападение``), not a thing or a
    routine (``публикация``, ``проверка``): a one-word entry of ``models/triggers.jsonl``."""
    return bool(token.lemmas & _happening_words())


def ground_phrase(tokens: tuple[Token, ...], at: Sequence[int], kinds=("charges", "happenings", "cases")) -> Ground | None:
    """What a charge, a suspicion, a case or a reaction is about, when the mention at ``at``
    lies inside it (``арестован по обвинению в нападении на полицейского 2 марта``,
    ``возбуждено в связи со столкновениями у стадиона в Рязани 11 октября``): from after a
    marker (``ground_markers``) to the mention, with no clause break or verb between (a
    bracket opened inside it stays inside: ``по обвинению в вандализме (поджог ... в
    декабре)``). A date there is that happening's day: only a trigger inside the phrase (the
    clashes) takes it, not the arrest or the case told outside it. ``kinds``: which markers of
    ``ground_markers`` (an act ``charges`` names, the ``happenings`` a case is about, or
    ``cases``, a case named by its own date: ``по делу от 5 марта``, the case's day).

    The parse ends the phrase before the date: a word between that is the object or subject of
    the verb outside (``задержала в связи с акцией троих человек 5 мая``: the people held, then
    the day they were), or the date hung on that verb when the phrase names no happening
    (``задержали в связи с проверкой документов 12 марта``). After ``happenings_only``
    (``в связи с``, ``по следам``) the phrase must name a happening (:func:`names_happening`) or
    the parse hang the date inside it (``в связи с беспорядками на площади 12 июня``)."""
    if not at:
        return None
    first = min(at)
    ctx = context()["ground_markers"]
    markers = [(marker, kind, [marker]) for kind in kinds for marker in ctx[kind]]  # each its own list, once
    for j in range(first - 1, -1, -1):
        token = tokens[j]
        found = [(n, kind, marker) for marker, kind, alone in markers for n in pattern_lengths_at(tokens, alone, j)
                 if j + n <= first]
        if found:
            n, kind, marker = max(found, key=lambda f: f[0])
            return _parsed_ground(tokens, at, j, n, kind, marker in ctx["happenings_only"])
        if (token.text in _CLAUSE_BREAKS and token.text != "(") or token.pos in {"VERB", "AUX", "PRON", "SCONJ"}:
            return None  # a clause or a relative pronoun ("в связи с чем центр в январе признал") is no ground
    return None


def _parsed_ground(tokens: tuple[Token, ...], at: Sequence[int], j: int, n: int, kind: str,
                   happenings_only: bool) -> Ground | None:
    """The ground from the marker at ``j`` (``n`` words) to the mention at ``at``, unless the
    parse or the words show the mention is not inside it (:func:`ground_phrase`)."""
    span = range(j, max(at) + 1)
    phrase = range(j + n, max(at) + 1)
    nouns = [k for k in phrase if tokens[k].pos in {"NOUN", "PROPN"} and k not in at]
    # a happening named anywhere in the phrase: "в вандализме (поджог двери ...)"
    happening = any(names_happening(tokens[k]) for k in nouns)
    date_head = tokens[span_head(tokens, at)].head

    def on_outside_verb(k: int) -> bool:
        head = tokens[k].head
        return head >= 0 and head not in span and tokens[head].pos in {"VERB", "AUX"}

    # "в связи с беспорядками на площади 12 июня": a phrase the parse hangs the date inside
    # names what the date is of, though the lexicon lists no such happening
    if happenings_only and not happening and date_head not in phrase:
        return None
    if any(tokens[k].rel in CORE_ARGUMENTS and on_outside_verb(k) for k in range(j + n, min(at))):
        return None
    if not happening and on_outside_verb(span_head(tokens, at)):
        return None
    return Ground(phrase, kind, nouns[0] if nouns else None)


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
    for opener in context()["time_clause_openers"]:
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
        if token.text in _CLAUSE_BREAKS or token.pos in {"VERB", "AUX"} or "Case=Nom" in token.feats:
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


def _own_subject(tokens: tuple[Token, ...], index: int) -> bool:
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
            return index if tokens[index].rel == "conj" and _own_subject(tokens, index) else None
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


# happenings a court's ruling answers (a protest, an action broken up, clashes or an attack):
# their place is no ruling's (``data/ovdinfo/README.md``, places of rulings)
ANSWERED_TYPES = frozenset({"protest", "permit_denied", "violence"})

GOAL_PREPOSITIONS = {"в", "во", "на"}
MOVING_TYPES = {"expulsion", "detention"}  # happenings that take people somewhere: their goal is no venue


def is_goal(tokens: tuple[Token, ...], at: list[int]) -> bool:
    """A place in the accusative after ``в``/``на`` is where someone or something went or
    was sent (``выслан в Казахстан``, ``доставлен в Москву``), not where the happening was;
    ``в``/``на`` with the prepositional case is the place itself."""
    head = span_head(tokens, at)
    if "Case=Acc" not in tokens[head].feats:
        return False
    return any(t.head == head and t.rel == "case" and t.text.lower() in GOAL_PREPOSITIONS for t in tokens)


def coordination_groups(tokens: tuple[Token, ...], hits: list[TriggerHit]) -> list[int]:
    """A group number per trigger; coordinated triggers share one."""
    group = list(range(len(hits)))

    def find(i):
        while group[i] != i:
            i = group[i]
        return i

    for i, a in enumerate(hits):
        for j, b in enumerate(hits[:i]):
            conj = (tokens[a.anchor].rel == "conj" and tokens[a.anchor].head == b.anchor
                    and not _own_subject(tokens, a.anchor)) or (
                tokens[b.anchor].rel == "conj" and tokens[b.anchor].head == a.anchor
                and not _own_subject(tokens, b.anchor)
            )
            between = tokens[b.tokens[-1] + 1 : a.tokens[0]]
            joined = 0 < len(between) <= 3 and any(t.text.lower() in {"и", ","} for t in between)
            joined = joined and all(t.pos in {"CCONJ", "PUNCT", "AUX", "ADV"} for t in between)
            if conj or joined:
                group[find(i)] = find(j)
    return [find(i) for i in range(len(hits))]


def is_agent(tokens: tuple[Token, ...], at: int, hit: TriggerHit, shared: bool = False) -> bool:
    """The word is the doer of an active trigger, or of the verb whose object the
    trigger noun is (``судья ... ограничился предупреждением``): not who it befell.
    ``shared``: or the subject a coordinated verb shares (:func:`subject_verb`); taken for
    counts only, since a parse often makes a name in the accusative the first verb's subject
    (``Орлову избили и задержали``).

    >>> def t(i, text, pos, head, rel, *feats):
    ...     return Token(i, 0, 0, text, frozenset({text}), pos, head, rel, frozenset(feats))
    >>> def sentence(number):  # "трое людей сидели, ... ударили" (or, of another's doing, "ударил")
    ...     return (t(0, "трое", "NUM", 1, "nummod:gov"), t(1, "людей", "NOUN", 2, "nsubj", "Animacy=Anim"),
    ...             t(2, "сидели", "VERB", -1, "root", "Number=Plur"),
    ...             t(3, "ударил", "VERB", 2, "conj", f"Number={number}"))
    >>> hit = TriggerHit("violence", (3,), 3, False, 0, 0)
    >>> is_agent(sentence("Plur"), 1, hit, shared=True), is_agent(sentence("Sing"), 1, hit, shared=True)
    (True, False)
    >>> is_agent(sentence("Plur"), 1, hit)
    False
    """
    token = tokens[at]
    if token.rel != "nsubj":
        return False
    anchor = tokens[hit.anchor]
    own_verb = hit.anchor if anchor.pos == "VERB" else anchor.head
    verbs = {own_verb}
    if own_verb >= 0 and shared:
        # "трое сотрудников избили задержанного и угрожали ему": the subject of the nearest verb
        # before it with one does what the verbs coordinated with it tell, if the two agree in
        # number ("они сидели, к ним подошел омоновец, ударил ...": not theirs)
        shared_by = subject_verb(tokens, own_verb)
        if _number(tokens[shared_by]) == _number(tokens[own_verb]):
            verbs.add(shared_by)
    if token.head not in verbs:
        return False
    if own_verb >= 0 and _passive(tokens[own_verb]):
        return False  # "трое активистов пришли к мэрии и были задержаны": it befell them
    verb = tokens[token.head]
    # a shared subject is whom the trigger's own verb tells it befell ("трое пришли к суду и
    # получили штрафы") as much as its first verb's
    for told_by in {verb, tokens[own_verb]} if own_verb >= 0 else {verb}:
        if told_by.lemmas & folded_set("patient_subject_verbs"):  # "Белов находится под стражей"
            return False
        if any(t.head == told_by.index and t.rel == "obj" and t.text.lower() == "себя" for t in tokens):
            return False  # "Белов признал себя виновным": done to the doer

    return not _passive(verb)


def subject_verb(tokens: tuple[Token, ...], verb: int) -> int:
    """The verb whose subject a coordinated verb shares: itself if it has one, else the
    nearest verb it is coordinated with that has (``избили`` for ``угрожали`` in ``трое
    избили задержанного и угрожали ему``)."""
    seen = {verb}
    while not _own_subject(tokens, verb) and tokens[verb].rel == "conj" and tokens[verb].head >= 0 \
            and tokens[verb].head not in seen:
        verb = tokens[verb].head
        seen.add(verb)
    return verb


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
    if first == own_verb or _number(tokens[first]) != _number(tokens[own_verb]):
        return None
    if not any(tokens[a].head == first and tokens[a].rel.startswith("nsubj") for a in count_heads(tokens, at)):
        return None
    return 1.5 + tree_distance(tokens, own_verb, hit.anchor)


def _number(token: Token) -> str | None:
    return next((f for f in token.feats if f.startswith("Number=")), None)


def _passive(verb: Token) -> bool:
    return "Voice=Pass" in verb.feats or "Variant=Short" in verb.feats


def apposed_to(tokens: tuple[Token, ...], at: Sequence[int]) -> tuple[int, ...]:
    """The noun a name stands in apposition to (``Президент Андрей Смирнов``, ``губернатора
    Игоря Белова``): the slot of the clause the name fills is that noun's.

    >>> def t(i, text, head, rel):
    ...     return Token(i, 0, 0, text, frozenset({text}), "NOUN", head, rel, frozenset({"Animacy=Anim"}))
    >>> toks = (t(0, "Президент", 3, "nsubj"), t(1, "Андрей", 0, "appos"), t(2, "Смирнов", 1, "flat:name"),
    ...         t(3, "помиловал", -1, "root"))
    >>> apposed_to(toks, [1, 2]), apposed_to(toks, [0])
    ((0,), ())
    """
    if not at:
        return ()
    head = span_head(tokens, at)
    governor = tokens[head].head
    if tokens[head].rel != "appos" or governor < 0 or governor in at or tokens[governor].pos != "NOUN" \
            or "Animacy=Anim" not in tokens[governor].feats:
        return ()  # a title is a noun of a person; a name the parse hangs on a thing is no apposition
    if governor > min(at) or any(not governor <= tokens[i].head <= max(at) for i in range(governor + 1, min(at))):
        return ()  # a title stands before its name, only words of the two between (``Президент России``)
    return (governor,)


# commas from a name back to its participle, a job apposition between (``Игорь Седов, учитель
# истории, задержанный``)
LIST_REACH = 2
_PARSE_CASES = {"Case=Nom": "nomn", "Case=Gen": "gent", "Case=Dat": "datv", "Case=Acc": "accs",
                "Case=Ins": "ablt", "Case=Loc": "loct"}
_PARSE_GENDERS = {"Gender=Masc": "masc", "Gender=Fem": "femn", "Gender=Neut": "neut"}


def _forms(token: Token, participle: bool = False) -> set[tuple[str | None, str | None]]:
    """The (gender, case) readings a singular word may have: pymorphy3's, else the parse's; None
    for either is any (``Ким``, a name of both genders). A name's are only its readings as a
    noun (pymorphy3 may read ``Сомова`` as a short adjective only). A participle's are only its
    readings as a full passive participle: the name an active one is apposed to is its doer."""
    def fits(tag) -> bool:
        if participle:
            return tag.POS == "PRTF" and tag.voice == "pssv"
        return token.pos != "PROPN" or tag.POS == "NOUN"

    forms = {(r.tag.gender if r.tag.gender in {"masc", "femn", "neut"} else None, r.tag.case)
             for r in parse_word(token.text.lower()) if r.tag.number != "plur" and fits(r.tag)}
    if not forms and not participle:
        forms = {(next((g for f, g in _PARSE_GENDERS.items() if f in token.feats), None),
                  next((c for f, c in _PARSE_CASES.items() if f in token.feats), None))}
    return forms


def _fit(one: tuple[str | None, str | None], other: tuple[str | None, str | None]) -> bool:
    return all(a is None or b is None or a == b for a, b in zip(one, other))


def agrees(word: Token, name: Sequence[Token]) -> bool:
    """A singular full participle agrees with a name: one reading of it (pymorphy3's, which
    reads ``Котову`` as a woman's accusative where the parse may give a man's dative) fits a
    reading of every word of the name in gender and case.

    >>> def t(text):
    ...     return Token(0, 0, 0, text, frozenset({text}), "PROPN", -1, "root")
    >>> agrees(t("задержанную"), [t("Анну"), t("Котову")]), agrees(t("задержанную"), [t("Олега")])
    (True, False)
    """
    return any(all(any(_fit(form, other) for other in _forms(token)) for token in name)
               for form in _forms(word, participle=True))


def _full_participle(token: Token) -> bool:
    """A full participle, by the parse or by pymorphy3's first reading (the parse may read
    ``оштрафованная`` as a noun)."""
    if "VerbForm=Part" in token.feats:
        return "Variant=Short" not in token.feats
    readings = parse_word(token.text.lower())
    return bool(readings) and readings[0].tag.POS == "PRTF"


def participle_of(tokens: tuple[Token, ...], hit: TriggerHit) -> int | None:
    """The full participle a trigger is, or that governs it within ``MAX_TREE`` arcs in its own
    comma stretch (``оштрафованный``; ``отправленная`` of ``под домашний арест``,
    ``приговорённый`` of ``к году колонии``)."""
    for i in (hit.anchor, *sorted(hit.tokens)):
        if _full_participle(tokens[i]):
            return i
    word = phrase_head(tokens, hit)
    for _ in range(MAX_TREE):
        head = tokens[word].head
        if head < 0 or any(t.text in _CLAUSE_BREAKS for t in tokens[min(head, word):max(head, word)]):
            return None
        if _full_participle(tokens[head]):
            return head
        word = head
    return None


def _stretch_end(tokens: tuple[Token, ...], part: int) -> int:
    """Where the participle's comma stretch ends: the first clause break after it."""
    return next((t.index for t in tokens[part:] if t.text in _CLAUSE_BREAKS), len(tokens))


def _own_noun(tokens: tuple[Token, ...], part: int, word: Token, named: set[int]) -> bool:
    """The word is a noun the participle may describe instead of a name: it agrees with it and
    is no name's word, nor a title apposed to a name or that a name is apposed to."""
    return word.pos in {"NOUN", "PROPN"} and word.index not in named and agrees(tokens[part], [word]) \
        and not (word.rel == "appos" and word.head in named) and not any(tokens[i].head == word.index for i in named)


def _in_own_words(tokens: tuple[Token, ...], part: int, word: Token) -> bool:
    """A word after the participle is of its own words, not what it describes: a preposition's
    (``в марте``, ``за пост``) or the genitive of a word between (``главу района``, ``по делу
    Павла Гусева``); a name apposed to a title between is not (``активист Олег Сомов``)."""
    return (part < word.head < word.index and not word.rel.startswith(("appos", "flat"))) \
        or tokens[word.index - 1].pos == "ADP" \
        or any(c.head == word.index and c.rel == "case" for c in tokens[part + 1 : word.index])


def listed_person(tokens: tuple[Token, ...], placed: list[PlacedMention], hit: TriggerHit) -> PlacedMention | None:
    """The name a singular participle of the trigger tells what befell, in a list of people
    (``Сергей Волков, арестованный в марте, и Мария Лебедева, задержанная в апреле``): the
    first name after it in its comma stretch that it agrees with (``задержанный в марте Андрей
    Зуев``), else the nearest agreeing name before the comma that sets it off, at most
    ``LIST_REACH`` commas back (a job apposition between) and in its clause (no ``;``, ``:`` or
    bracket). Either way no noun it agrees with may stand nearer, but a title of the name.
    Not the sentence's subject, nor a name of the list the parse hangs it on."""
    part = participle_of(tokens, hit)
    if part is None or not _forms(tokens[part], participle=True):
        return None
    names = [p for p in placed if p.mention.type == PER and p.tokens
             and agrees(tokens[part], [tokens[i] for i in p.tokens])]
    named = {i for p in placed if p.mention.type == PER for i in p.tokens}
    for t in tokens[part + 1 : _stretch_end(tokens, part)]:
        if own := [p for p in names if t.index in p.tokens]:
            if not _in_own_words(tokens, part, tokens[span_head(tokens, own[0].tokens, min(own[0].tokens))]):
                return own[0]
        elif not _in_own_words(tokens, part, t) and _own_noun(tokens, part, t, named):
            return None  # the thing it describes (``Задержанный полицией автомобиль вёл ...``)
    commas = 0
    for t in reversed(tokens[:part]):
        if t.text in _CLAUSE_BREAKS - {","} or commas > LIST_REACH:
            return None
        if t.text == ",":
            commas += 1
        elif commas and (own := [p for p in names if t.index in p.tokens]):
            return own[0]
        elif commas and _own_noun(tokens, part, t, named):
            return None  # the participle's own noun (``комментария, оскорбляющего ...``)
    return None


def with_listed(tokens: tuple[Token, ...], hit: TriggerHit, listed: Candidate,
                persons: list[tuple[float, Candidate]], elsewhere: set[int]) -> list[tuple[float, Candidate]]:
    """The persons of a listed participle: the name it is apposed to (:func:`listed_person`)
    first, then only who it names as befallen with them in its own words (``задержанного
    вместе с братом Олегом Беловым``), before the name when the name follows it. Whoever else
    the tree or the coordination of the list's participles gave it is left out, and so is a
    name another participle of the list befell (``elsewhere``, mention indices)."""
    part = participle_of(tokens, hit)
    end = _stretch_end(tokens, part)
    if listed.tokens and min(listed.tokens) > part:
        end = min(end, min(listed.tokens))
    own = [pair for pair in persons if pair[1] != listed and pair[1].mention not in elsewhere
           and pair[1].tokens and part < min(pair[1].tokens) < end]
    return [(0.0, listed), *own]


def listed_doers(tokens: tuple[Token, ...], hit: TriggerHit, listed: Sequence[Candidate | None]) -> list[Candidate]:
    """The names of a list of people, each with the participle of what befell them, that are the
    subject of the verb whose object the trigger noun is (``Волков, арестованный ..., и Лебедева,
    задержанная ..., подали жалобы``): the complaint is of those the list's happenings befell,
    though they make it (:func:`is_agent` leaves a doer out). Only for a type whose persons are
    who it befell (:data:`~pipeline.events.people.PERSON_PATIENT_TYPES`) and a noun whose maker is
    who it befell: a court filing (``court_filing_words``) or the object of a verb whose subject
    it befell (``patient_subject_verbs``: ``получили штрафы``); not what they did to someone
    (``провели обыск``, ``устроили избиение``). ``listed`` is :func:`listed_person`'s name of
    each trigger of the sentence."""
    names = list(dict.fromkeys(name for name in listed if name is not None))
    anchor = tokens[hit.anchor]
    if len(names) < 2 or anchor.pos != "NOUN" or anchor.rel != "obj" or hit.type not in PERSON_PATIENT_TYPES:
        return []
    filed = anchor.lemmas & folded_set("court_filing_words")
    if not (filed or tokens[anchor.head].lemmas & folded_set("patient_subject_verbs")):
        return []
    listed_words = {i for name in names for i in name.tokens}

    def subject(word: int) -> int:  # the parse may hang a listed name on another as a conjunct or apposition
        while tokens[word].rel in {"conj", "appos"} and tokens[word].head in listed_words:
            word = tokens[word].head
        return word

    subjects = [subject(span_head(tokens, name.tokens)) for name in names]
    return names if all(tokens[s].rel == "nsubj" and tokens[s].head == anchor.head for s in subjects) else []


def is_verb_trigger(tokens: tuple[Token, ...], hit: TriggerHit) -> bool:
    """The trigger is a verb (``помиловал``), not a noun its clause's verb governs."""
    return tokens[hit.anchor].pos == "VERB"


# a clause that another verb's clause tells or frames (``сообщил, что ...``, ``видела, как ...``)
TOLD_RELS = {"ccomp", "advcl", "parataxis", "csubj"}


def told_clause(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The trigger is the predicate of a clause another verb tells or frames (``Адвокат
    сообщил, что Котову арестовали``, ``видела, как его били``) and the word, by name or by
    the title it stands by, fills a slot of that telling verb (its teller, whom it was told
    to): not who the happening told befell."""
    head = phrase_head(tokens, hit)
    teller = tokens[head].head
    if tokens[head].pos not in PREDICATE_POS or tokens[head].rel not in TOLD_RELS or teller < 0:
        return False
    if sum(t.head == teller and t.rel.startswith("nsubj") for t in tokens) > 1:
        return False  # two subjects on one verb: the parse hung two clauses on it, which tells nothing
    # the telling verb's own subject is left to drop_tellers, which keeps a teller telling what
    # befell themselves ("Петров сообщил, что его задержали")
    return any(tokens[a].head == teller and not tokens[a].rel.startswith("nsubj")
               for a in (*at, *apposed_to(tokens, at)))


RELATION_REACH = 3  # words from a relation noun to the happening in its genitive (``отец убитого в драке``)


def relation_to_patient(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> int | None:
    """The name is named as a relative or a lawyer (``relation_nouns``, apposed to it either
    way) of whom the happening befell, the trigger a genitive the relation noun governs right
    after it (``Гиви Абашидзе — отец убитого студента``, ``адвокат задержанного блогера Олег
    Рябов``): the person of a relation is the one related to, not the name. The words between
    are read in order (no clause break or verb), the parse often hanging such a participle
    elsewhere. The relation noun's token, if so."""
    relations = folded_set("relation_nouns")
    nouns = [t.index for t in tokens if t.head in at and t.rel == "appos" and t.lemmas & relations]
    nouns += [r for r in apposed_to(tokens, at) if tokens[r].lemmas & relations]
    first = min(hit.tokens)
    for noun in nouns:
        if not 0 < first - noun <= RELATION_REACH or "Case=Gen" not in tokens[hit.anchor].feats:
            continue
        if not any(t.text in _CLAUSE_BREAKS or t.pos in {"VERB", "AUX"} for t in tokens[noun + 1 : first]):
            return noun
    return None


def add_relatives(tokens: tuple[Token, ...], hits: list[TriggerHit], placed: list[PlacedMention],
                  found: list[Found]) -> None:
    """Give a happening a relation noun governs (:func:`relation_to_patient`) the unnamed
    relative of the name as who it befell (``Гиви Абашидзе — отец убитого студента``: the
    father's son): no one a table names, but a telling of its own in merging, and not left
    empty for the paragraph's last person to fill."""
    for p in placed:
        if p.mention.type != PER or not p.tokens:
            continue
        for hit, arguments in zip(hits, found):
            noun = relation_to_patient(tokens, p.tokens, hit)
            if noun is not None and "person" in roles_for(hit.type):
                name = relative_of(min(tokens[noun].lemmas), p.mention.normal or p.mention.text)
                arguments.by_role["person"].append((0.0, Candidate("person", (noun,), name=name)))


def is_official(tokens: tuple[Token, ...], at: list[int]) -> bool:
    """A name apposed to an official's title (``судья Исатаев``, ``следователь
    Петров``): the one who acted, not a victim."""
    officials = folded_set("official_nouns")
    first = at[0]
    near = [first - 1] if first > 0 else []
    near += [tokens[i].head for i in at if tokens[i].head >= 0 and tokens[i].head not in at]
    return any(tokens[i].lemmas & officials for i in near)


def name_slots(tokens: tuple[Token, ...], at: Sequence[int]) -> set[int]:
    """The words whose slot of the clause a name fills: its head, and the titles it stands in
    apposition to, climbed (``Бывший мэр города Василий Рожков``: ``мэр``)."""
    if not at:
        return set()
    top = span_head(tokens, at)
    slots = {top}
    while tokens[top].rel in {"appos", "flat:name"} and tokens[top].head >= 0 and tokens[top].head not in slots:
        top = tokens[top].head
        slots.add(top)
    return slots


def is_patient(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The name, or a title it is apposed to, fills the slot of who the trigger befell: the
    subject of a passive trigger (``мэр Рожков приговорён``), the object of an active one
    (``арестовал главу района Ершова``), or the bare genitive of a trigger noun (``об
    увольнении начальника полиции Седова``)."""
    anchor = tokens[hit.anchor]
    for slot in name_slots(tokens, at):
        token = tokens[slot]
        if token.head != hit.anchor:
            continue
        if token.rel in {"nsubj:pass", "obj"}:
            return True
        if token.rel == "nsubj" and anchor.pos == "VERB" and ("Voice=Pass" in anchor.feats or "Variant=Short" in anchor.feats):
            return True
        if token.rel == "nmod" and anchor.pos == "NOUN" and "Case=Gen" in token.feats \
                and not any(t.head == slot and t.pos == "ADP" for t in tokens):
            return True
    return False


def befell_body_word(tokens: tuple[Token, ...], word: int, hit: TriggerHit) -> bool:
    """A word naming a body (``полиции``, ``сотрудник``) stands in whom the trigger befell:
    it, or the noun it is the bare genitive of (``офицеров полиции``), is the object or passive
    subject of the trigger. A trigger noun's genitive is not climbed to: it is as often who did
    it (``обыск ФСБ``, ``угрозы оперативников``) as whom it befell (``розыск полицейского``)."""
    anchor = tokens[hit.anchor]
    top = word
    while True:
        token = tokens[top]
        if token.head == hit.anchor:
            return anchor.pos != "NOUN" and is_patient(tokens, [top], hit)
        bare_genitive = token.rel == "nmod" and "Case=Gen" in token.feats \
            and not any(t.head == top and t.pos == "ADP" for t in tokens)
        if not bare_genitive or token.head < 0:
            return False
        top = token.head


def acting_genitive(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit,
                    placed: list[PlacedMention], actors: dict[int, str]) -> bool:
    """An official's name (or title) in a trigger noun's genitive who did it, not whom it befell:
    the noun has another person who is its patient, hanging on it or on its place in the
    locative (``Обыск следователя Жукова в квартире Смирнова``), not on another noun (``Арест главы
    района Ершова по делу Гусева``: whose case it is); or the noun is a decision an official makes
    (``authored_nouns``) and the title is of an official who acts in that type (``actor_policy``'s
    ``allowed`` in ``models/event_context.json``: ``Приговор судьи Котовой``). Alone, the genitive
    of a happening is who it befell, whatever the title (``Арест судьи Сидорова``)."""
    anchor = tokens[hit.anchor]
    slots = name_slots(tokens, at)
    if anchor.pos != "NOUN" or not any(tokens[s].head == hit.anchor and tokens[s].rel == "nmod" for s in slots):
        return False
    allowed = context()["actor_policy"].get(hit.type, {}).get("allowed", ())
    titles = slots | ({at[0] - 1} if at[0] > 0 else set())
    if anchor.lemmas & folded_set("authored_nouns") and any(actors.get(t) in allowed for t in titles):
        return True
    own = set(at) | slots
    for p in placed:
        if p.mention.type != PER or not p.tokens or own & set(p.tokens):
            continue
        head, seen = span_head(tokens, p.tokens), set()
        while head >= 0 and head not in seen and head != hit.anchor and head not in own:  # up to the noun
            seen.add(head)
            head = tokens[head].head
        # not one hanging on the official (``и его заместителя Рыбина``); through one locative at most
        between = seen - {span_head(tokens, p.tokens)}
        if head == hit.anchor and all("Case=Loc" in tokens[i].feats for i in between) and len(between) <= 1:
            return True
    return False


def assign_arguments(
    tokens: tuple[Token, ...],
    hits: list[TriggerHit],
    placed: list[PlacedMention],
    actors: dict[int, str],
    people: People | None = None,
    dated: Sequence[Candidate] = (),
) -> list[Found]:
    """Arguments of each trigger of a sentence, from its placed mentions, actor words
    and the person words of :mod:`pipeline.events.people`.

    Persons are never the doer of an active trigger or an official named by title.
    ``dated`` are dates read from words rather than mentions (``на следующий день``).
    """
    found = [Found() for _ in hits]
    if not hits:
        return found
    groups = coordination_groups(tokens, hits)
    found_candidates = [*candidates(tokens, hits, placed, actors, people), *dated]
    date_words = tuple(c.tokens[0] for c in found_candidates if c.role == "date" and c.mention is not None and c.tokens)
    for candidate in found_candidates:
        scored = _scores(tokens, hits, candidate, date_words)
        if scored:
            _share(tokens, hits, groups, candidate, scored, found)
    add_relatives(tokens, hits, placed, found)
    values = {p.index: p.mention.value for p in placed}
    for hit, arguments in zip(hits, found):
        if "count" in arguments.by_role and befell_one(tokens, hit):
            arguments.by_role["count"] = [(score, c) for score, c in arguments.by_role["count"]
                                          if getattr(values.get(c.mention), "low", None) in (None, 1)]
    by_mention = {c.mention: c for c in found_candidates if c.role == "person" and c.mention is not None}
    listed = [by_mention.get(name.index) if "person" in roles_for(hit.type)
              and (name := listed_person(tokens, placed, hit)) else None for hit in hits]
    for hit, arguments, named in zip(hits, found, listed):
        # a participle of a list of people befell the name it is apposed to
        if named is not None:
            elsewhere = {c.mention for c in listed if c is not None and c != named}
            arguments.by_role["person"] = with_listed(tokens, hit, named, arguments.by_role.get("person", []), elsewhere)
        drop_tellers(tokens, hit, arguments)
        if "person" in roles_for(hit.type) and not arguments.by_role.get("person"):
            arguments.by_role["person"] = [(0.0, name) for name in listed_doers(tokens, hit, listed)]
        if "person" in roles_for(hit.type) and not arguments.by_role.get("person") \
                and (name := left_out_subject(people, tokens, tokens[hit.anchor], hit.type)):
            arguments.by_role["person"].append((0.0, Candidate("person", (hit.anchor,), name=name, near=True)))
    return found


def is_teller(tokens: tuple[Token, ...], at: Sequence[int]) -> bool:
    """The person tells the sentence: the subject of a verb of saying (``Адвокат Олег
    Петров сообщил, что ...``, ``как рассказала Орлова``), whose words it reports (``по
    словам адвоката``), or who opens it before a colon (``Защитница Анна Лебедева: ...``).
    A name is climbed to the title it is apposed to (``Адвокат`` of ``Олег Петров``)."""
    top = span_head(tokens, at)
    while tokens[top].rel in {"appos", "flat:name", "flat:foreign"} and tokens[top].head >= 0:
        top = tokens[top].head
    token = tokens[top]
    if token.head < 0:
        return False
    head = tokens[token.head]
    # the verb of saying right by its subject: a far one is more likely a misparse than a teller
    near = min(abs(token.head - i) for i in (top, *at)) <= 3
    if token.rel == "nsubj" and near and head.lemmas & folded_set("telling_verbs"):
        return True
    if token.rel == "nmod" and head.lemmas & folded_set("telling_nouns"):
        return True
    last = max(at)
    return top == 0 and last + 1 < len(tokens) and tokens[last + 1].text == ":"


def drop_tellers(tokens: tuple[Token, ...], hit: TriggerHit, arguments: Found) -> None:
    """Leave out the persons who tell a happening (:func:`is_teller`) when it befell
    someone else the clause names: another person, the trigger's own object or passive
    subject, a person's noun or name, or the lawyer's client (``сообщила, что её
    подзащитного задержали``). A teller telling what befell
    themselves (``Петров сообщил, что был задержан``, ``... что его задержали``: a pronoun
    may stand for the teller) stays."""
    persons = arguments.by_role.get("person", [])
    tellers = [pair for pair in persons if is_teller(tokens, pair[1].tokens)]
    if not tellers:
        return
    # "её подзащитного": the parse may make the possessive the object; its noun is the patient
    owned = [tokens[t.index + 1] if is_possessive(tokens, t) else t for t in tokens
             if t.head == hit.anchor and t.rel in {"obj", "iobj", "nsubj:pass"}]
    patient = any((t.pos == "PROPN" or (t.pos == "NOUN" and "Animacy=Anim" in t.feats))
                  and not is_teller(tokens, [t.index]) for t in owned)
    patient = patient or any(t.lemmas & folded_set("client_nouns") for t in tokens)  # a lawyer's client
    if len(tellers) < len(persons) or patient:
        arguments.by_role["person"] = [pair for pair in persons if pair not in tellers]


def candidates(tokens, hits, placed: list[PlacedMention], actors: dict[int, str],
               people: People | None) -> list[Candidate]:
    """What may fill a role in the sentence: mentions (but officials, parts of a group,
    places of other nouns), person words outside mentions, actor words."""
    found: list[Candidate] = []
    in_mentions: set[int] = set()
    for p in placed:
        role, at = ROLE_OF.get(p.mention.type), list(p.tokens)
        in_mentions.update(at)
        if not (role and at):
            continue
        official = is_official(tokens, at) and not any(
            is_patient(tokens, at, hit) and not acting_genitive(tokens, at, hit, placed, actors) for hit in hits)
        if role == "person" and (official or owns_other_noun(tokens, at, hits, placed)
                                 or respells_name(tokens, at, placed)):
            continue
        if role == "person" and (kin := possessor_of_kin(tokens, at, people, p.mention.start)) is not None:
            # ``Жена Гайсина была задержана``: the name is whose the relative is; what is told
            # befell the relative, who is unnamed, not Гайсин
            name = p.mention.normal or p.mention.text
            found.append(Candidate(role, (kin,), name=relative_of(min(tokens[kin].lemmas), name)))
            continue
        if role == "count" and (is_subset(tokens, at[0]) or (counts_one(p.mention.value) and names_its_one(tokens, at, placed))):
            continue
        if role == "place" and (qualifies_other_noun(tokens, at, hits, placed) or names_citizenship(tokens, at)):
            continue
        if role == "place":
            # where a named person is from is reached through that person (``дело против
            # секретаря отделения в Великих Луках Петра Зимина``)
            place_head = span_head(tokens, at)
            person = qualified_person(tokens, place_head, person_tokens(placed))
            if person is not None and holds_office(tokens, place_head, person) \
                    and not any(is_patient(tokens, [person], hit) for hit in hits):
                continue  # "Президент Франции Макрон уволил": whose president, not where he did it
            if person is not None:
                found.append(Candidate(role, p.tokens + (person,), mention=p.index, origin=True))
                continue
        # a bare year is too vague to take from a neighbouring clause
        vague = role == "date" and getattr(p.mention.value, "precision", "") == "year"
        found.append(Candidate(role, p.tokens, mention=p.index, tree_only=vague))
    found += adjective_places(tokens, placed)
    found += venue_places(tokens, placed)
    found += court_seats(placed, actors)
    named = any(p.mention.type == PER for p in placed)
    # each scene of the sentence with the word its clause hangs on (``в Казани`` on ``задержала``)
    scene = frozenset((fold(p.mention.normal or p.mention.text), tokens[span_head(tokens, p.tokens)].head)
                      for p in placed if p.tokens and is_scene(p.mention))
    found += person_words(tokens, people, in_mentions, names_someone=named, scene=scene)
    found += [Candidate("actor", (at,), name=actor) for at, actor in actors.items()]
    return found


# prepositions that say where something stands or happens, not where it went or whom it served
AT_PREPOSITIONS = {"у", "возле", "около", "в", "во", "на", "перед", "напротив", "близ", "вблизи"}


@cache
def _venue_nouns() -> frozenset[str]:
    return frozenset(fold(noun) for noun in load_json("ner_venues.json")["nouns"])


def venue_places(tokens, placed: list[PlacedMention]) -> list[Candidate]:
    """A building named as a body (the tagger's ORG: ``у Драматического театра``, ``на
    Центральном стадионе``) where the clause stands is the happening's venue: an
    organisation whose head is a venue noun (``models/ner_venues.json``), an adverbial of
    place after ``у``, ``в``, ``на`` ... A body's name with no such preposition (``директор
    театра``, ``театр объявил``) stays a body."""
    found = []
    located = {t for p in placed if p.mention.type == LOC for t in p.tokens}
    for p in placed:
        if p.mention.type != ORG or not p.tokens:
            continue
        head = span_head(tokens, p.tokens)
        # an adverbial of the clause, or hung on the city it stands in ("В Перми у ... театра")
        where = tokens[head].rel == "obl" or (tokens[head].rel == "nmod" and tokens[head].head in located)
        if not where or not tokens[head].lemmas & _venue_nouns():
            continue
        if any(t.head == head and t.rel == "case" and t.text.lower() in AT_PREPOSITIONS for t in tokens) \
                and not is_goal(tokens, list(p.tokens)):
            found.append(Candidate("place", p.tokens, name=p.mention.normal or p.mention.text, venue=True))
    return found


def court_seats(placed: list[PlacedMention], actors: dict[int, str]) -> list[Candidate]:
    """The state or region a court's own name holds (``Верховный суд Грузии``, ``Специальный
    суд Ирана``: the tagger keeps it nested in the organisation, so it is no mention of the
    sentence): where the court sits, the place of its rulings (:func:`_scores` offers it to
    rulings only), after any place the clause names outright."""
    found = []
    for p in placed:
        if p.mention.type != ORG or not any(actors.get(t) == "court" for t in p.tokens):
            continue
        places = find_places(p.mention.text)
        if places:
            found.append(Candidate("place", p.tokens, name=places[-1].canonical, seat=True))
    return found


def adjective_places(tokens, placed: list[PlacedMention]) -> list[Candidate]:
    """Places told by a city's adjective on a person or a body (``екатеринбургской газеты``,
    ``воронежской правозащитнице``, ``тюменского отделения``): where that person or body is,
    as a place that qualifies a named person is (:func:`qualifies_person`)."""
    located = {t for p in placed if p.mention.type == LOC for t in p.tokens}
    bodies = {t for p in placed if p.mention.type == ORG for t in p.tokens}
    holders = folded_set("org_like_heads") | folded_set("branch_nouns")
    found = []
    for token in tokens:
        if token.pos != "ADJ" or token.rel != "amod" or token.index in located or token.head < 0:
            continue
        head = tokens[token.head]
        if not (head.index in bodies or head.lemmas & holders
                or (head.pos == "NOUN" and "Animacy=Anim" in head.feats)):
            continue
        if names_a_district(tokens, token, located):
            continue  # "Кировский районный суд Омска": a district of Омск, not Киров
        city = next(filter(None, map(place_of_adjective, sorted(token.lemmas))), None)
        if city is not None:
            city = region_of_level(tokens, token) or city
            found.append(Candidate("place", (token.index, token.head), name=city))
    return found


def names_a_district(tokens, adjective: Token, located: set[int]) -> bool:
    """The adjective stands beside a district's level and the body names its town after it
    (``Кировский районный суд Омска``, ``Советского районного суда г. Казани``): the adjective
    names a district of that town, after a person, an event or a town elsewhere. Without a
    town of its own (``Тюменский районный суд``) the district is the one around the town it is
    named after, and the adjective stays that town."""
    levels = folded_set("district_levels")
    body = adjective.head
    if not any(sibling.head == body and sibling.index != adjective.index and sibling.rel == "amod"
               and sibling.lemmas & levels for sibling in tokens):
        return False
    for at in located:  # the town in the body's own name: its genitive, or after "г."
        chain = heads_up(tokens, at, 2)
        if body in chain[:2]:
            return True
    return False


# the relations by which a noun is who acted or whom a happening befell
PARTICIPANT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})


def holds_participant(tokens: tuple[Token, ...], holder: int, hit: TriggerHit) -> bool:
    """The noun a city's adjective stands on (``holder``) is a participant of the trigger's
    happening, so the city is where it happened: the trigger's subject or object (``Курские
    полицейские задержали``, ``задержала тверского активиста``), through a conjunct or an
    infinitive of its verb; a happening noun's genitive (``задержание тверского блогера``); a
    noun whose genitive it is (``сотрудники екатеринбургского издания``); an agent in the
    instrumental; the place the clause stands at (``в петербургском суде``, ``у здания омской
    мэрии``); a body the trigger's clause qualifies (``суд, который оштрафовал``).
    Not a noun inside what a charge or a case is about (``за репост статьи омского журналиста``,
    ``по делу казанских студентов``): that person's town, not the happening's."""
    if holder in hit.tokens:
        return True
    verbs = set(hit.tokens) | {hit.anchor, phrase_head(tokens, hit)}
    head = tokens[phrase_head(tokens, hit)]
    noun = head.pos == "NOUN"  # a happening named by a noun: "объявили голодовку", "участники
    for _ in range(2):  # шествия собрались", "пришли с обыском в новосибирский офис"
        if head.pos != "NOUN" or head.rel not in PARTICIPANT_RELATIONS | {"nmod", "obl"} or head.head < 0:
            break
        head = tokens[head.head]
        verbs.add(head.index)
    for verb in list(verbs):
        while tokens[verb].rel in {"conj", "xcomp"} and tokens[verb].head >= 0 and tokens[verb].head not in verbs:
            verb = tokens[verb].head
            verbs.add(verb)
    if any(tokens[v].rel in {"acl", "acl:relcl"} and tokens[v].head == holder for v in verbs):
        return True  # "в суде, который оштрафовал", "суд, оштрафовавший"
    node = tokens[holder]
    # with a happening noun, where someone came with it on the verb it hangs on ("пришли с обыском
    # в офис"), not where it sent someone ("после ареста и перевода в Гаагский трибунал")
    if node.head in verbs and _participates(tokens, holder, goal=noun and node.head not in hit.tokens):
        return True
    # one genitive up: "сотрудники екатеринбургского издания", "у здания омской мэрии" (a
    # building or a part of a place where the clause stands, not "в убийстве омского бизнесмена")
    if node.rel != "nmod" or node.head < 0 or tokens[node.head].head not in verbs:
        return False
    up = tokens[node.head]
    return _participates(tokens, up.index, located=bool(up.lemmas & (folded_set("place_container_heads") | _venue_nouns())))


def _participates(tokens: tuple[Token, ...], index: int, located: bool = True, goal: bool = False) -> bool:
    """The word is a participant by its relation to its verb or happening noun: subject or
    object; a happening noun's genitive; an agent, an instrumental with no preposition; where
    the clause stands (``located``: ``в суде``, ``у мэрии``; ``goal``: or went to, for a
    happening noun: ``пришли с обыском в офис``)."""
    token = tokens[index]
    if token.rel in PARTICIPANT_RELATIONS:
        return True
    if token.rel not in {"obl", "nmod"}:
        return False
    prepositions = [t.text.lower() for t in tokens if t.head == index and t.rel == "case"]
    if not prepositions:  # a happening noun's genitive ("задержание тверского блогера"), an agent
        return token.rel == "nmod" or "Case=Ins" in token.feats  # ("задержан сотрудниками омской полиции")
    return located and prepositions[0] in AT_PREPOSITIONS and (goal or not is_goal(tokens, [index]))


REGION_LEVELS = {"областной": ("область", "femn"), "краевой": ("край", "masc")}


def region_of_level(tokens, adjective: Token) -> str | None:
    """The region a city's adjective names beside a regional level (``Свердловский
    областной суд``, ``Краснодарский краевой суд``): the region, when the gazetteer has it."""
    for sibling in tokens:
        if sibling.head != adjective.head or sibling.index == adjective.index or sibling.rel != "amod":
            continue
        level = next((REGION_LEVELS[lemma] for lemma in sibling.lemmas if lemma in REGION_LEVELS), None)
        if level is None:
            continue
        noun, gender = level
        for parse in parse_word(adjective.text.lower()):
            if parse.tag.POS != "ADJF":
                continue
            form = parse.inflect({"nomn", "sing", gender})
            name = f"{form.word.capitalize()} {noun}" if form else None
            if name and is_gazetteer_place(name):
                return canonical_place(name)
    return None


def _scores(tokens, hits: list[TriggerHit], candidate: Candidate, date_words: Sequence[int] = ()) -> list[tuple[float, int]]:
    """(score, trigger) for every trigger the candidate may belong to; lower is closer.

    Within ``MAX_TREE`` arcs of the dependency tree (2 for a person word) the score is
    the path length; else, within ``MAX_LINEAR`` tokens of the clause, ``TREE_LINKED``
    plus the gap.
    """
    role, at = candidate.role, list(candidate.tokens)
    reach = 2 if candidate.near else MAX_TREE
    # a mention in brackets is a gloss ("(это более 400 EURO)"): last choice
    gloss = 5.0 if in_brackets(tokens, at[0]) else 0.0
    adjective = role == "place" and candidate.mention is None and not candidate.venue and not candidate.seat
    if role == "place" and candidate.mention is None and not candidate.venue:
        gloss += 5.0  # a city's adjective: a place the sentence names outright comes first
    elif candidate.origin:
        gloss += ORIGIN_PENALTY  # where a person is from: a place of the clause comes first
    clause = own_clause(tokens, at[0]) if role in {"date", "place"} else None
    rulings = frozenset(context()["ruling_types"])
    scored = []
    for k, hit in enumerate(hits):
        if role not in roles_for(hit.type) or (candidate.seat and hit.type not in rulings):
            continue
        if adjective and not holds_participant(tokens, candidate.tokens[-1], hit):
            continue  # "оштрафовали за репост статьи омского журналиста": the journalist's town
        if set(at) & set(hit.tokens):
            if role == "place" and candidate.mention is not None:  # "вышли на Болотную площадь"
                scored.append((gloss, k))
            continue
        if candidate.date is not None and hit.tokens[-1] < at[0] and linear_gap(tokens, at[0], hit) is None:
            continue  # "задержали ..., на следующий день оштрафовали": a counted day dates what follows it
        if candidate.date is not None and hit.anchor in counted_from(tokens, at):
            continue  # "через два дня после митинга суд оштрафовал": the rally is what it counts from
        if role == "date" and candidate.mention is not None and \
                (time_clause(tokens, at[0]) or ()) != (time_clause(tokens, hit.anchor) or ()):
            continue  # "после того как 3 мая прошел пикет, его задержали": the rally's day only
        happened = states_happening(tokens, at, hit) if role == "date" and candidate.mention is not None else None
        if role == "date" and candidate.mention is not None and (stretch := participle_stretch(tokens, at[0])) \
                and hit.anchor not in stretch and any(d not in stretch for d in date_words) and happened is None:
            # "14 июня суд приговорил Рябову, задержанную в марте, к ...": the detention's month,
            # where the sentence dates its own clause (alone, it may be the time of all it tells:
            # "автобус с активистами, ехавшими на митинг в декабре, задержали")
            continue
        if role == "date" and candidate.mention is not None and (relative := relative_clause(tokens, hit.anchor)) \
                and at[0] not in relative:
            # "25 мая освобождена Петрова, которую приговорили к ...": the release's day only; a
            # clause told at or during its noun ("митинг, на котором задержали") is none (relative_clause)
            continue
        if role == "date" and dates_punished_act(tokens, at, hit):
            continue  # "оштрафовал за акцию 23 января": the day of the act punished, not of the fine
        if role == "date" and candidate.mention is not None and (ground := ground_phrase(tokens, at)) is not None \
                and hit.anchor not in ground.tokens:
            continue  # "арестован по обвинению в нападении 2 марта": the assault's day, not the arrest's
        if role == "place" and candidate.mention is not None and hit.type in MOVING_TYPES and is_goal(tokens, at):
            continue  # "экстрадирован в США", "доставлен в Москву": where to, not where it happened
        if role in {"person", "count"} and is_time_reference(tokens, hit.anchor) \
                and not (role == "person" and is_patient(tokens, at, hit)):
            continue  # "после митинга задержан Рябов": not the rally's; "после ареста Корнеева": his
        if role == "count" and (counts_itself(tokens, hit, at) or counts_doers(tokens, at, hit)
                                or gapped_subject(tokens, at, hit) or counts_other_noun(tokens, at, hit)):
            continue  # "12 арестов": happenings counted; "четверо полицейских избили": the doers
        if role == "count" and (counts_other_clause(tokens, at, hit) or conjunct_of_counted(tokens, at, hit)):
            continue  # "пятеро были отпущены, а суд арестовал Иванова": those the other verb befell
        if role == "actor" and befell_body_word(tokens, at[-1], hit):
            continue  # "уволил офицеров полиции", "розыск полицейского": whom it befell, not who did it
        if across_semicolon(tokens, at[0], hit):
            continue  # "Орлов арестован 3 февраля; остальные освобождены": another clause's
        if role in {"date", "place"} and (
                (clause is not None and clause not in hit.tokens) or across_contrast(tokens, at[0], hit)
                or bracket_clause(tokens, at[0], hit)):
            continue
        titles = apposed_to(tokens, at) if role == "person" and is_verb_trigger(tokens, hit) else ()
        if role == "person" and hit.type != "protest" and any(is_agent(tokens, a, hit) for a in (*at, *titles)):
            continue  # "Президент Смирнов помиловал Зуева": the doer, by name or by title
        if role == "person" and told_clause(tokens, at, hit):
            continue  # "Адвокат сообщил, что Котову арестовали": the teller is not who it befell
        if role == "person" and subject_of_other_clause(tokens, at, hit):
            continue  # "Белов ушёл, а полицейские задержали Орлову": the subject of his own clause
        if role == "person" and relation_to_patient(tokens, at, hit) is not None:
            continue  # "Гиви Абашидзе — отец убитого студента": the son was killed, not the father
        # "вызывали на «профилактические беседы»": the anchor may be a modifier
        # inside the trigger phrase; the phrase's own head links it to its verb; a second
        # conjunct ("Куделин и Пахотина") stands where the first does, and a name of a list where the
        # noun of people it is apposed to does ("оштрафовал рыбаков Белова, ..., Котову, задержанных
        # ...", "активистки А и Б, а также художник В"; a name or title in no list may be that noun's
        # genitive: "включая советника Белова")
        froms = {a for a in at} | {conjunct_root(tokens, a) for a in at if role in {"person", "count"}}
        if role == "person":
            titled = froms | {title for a in froms for title in apposed_to(tokens, [a])}
            if any(t.rel == "conj" and (t.head in titled or t.index in titled) for t in tokens):
                froms = titled
        heads = {hit.anchor, phrase_head(tokens, hit)} | measure_of(tokens, hit)
        distance = min(tree_distance(tokens, a, t) for a in froms for t in heads)
        if happened is not None:  # "стрельбы, произошедшей 5 ноября": the clause's verb is the noun's own
            distance = min(distance, happened)
        if role == "count" and told_after_dash(tokens, at, hit):
            distance = min(distance, 1)  # "оштрафованы на крупные суммы — 5 человек": its subject
        if role == "count" and (shared := through_shared_subject(tokens, at, hit)) is not None:
            distance = min(distance, shared)  # "трое пришли к суду и получили штрафы": its subject too
        if distance <= reach:
            scored.append((distance + gloss, k))
            continue
        gaps = [g for g in (linear_gap(tokens, a, hit) for a in at) if g is not None]
        gap = min(gaps) if gaps else None
        if not candidate.tree_only and gap is not None and gap <= MAX_LINEAR:
            scored.append((TREE_LINKED + gap + gloss, k))
    return scored


def _share(tokens, hits, groups: list[int], candidate: Candidate, scored, found: list[Found]) -> None:
    """The candidate goes to its closest triggers and to those coordinated with them
    (``задержаны и осуждены``) whose type takes the role."""
    role, at = candidate.role, candidate.tokens
    rulings = frozenset(context()["ruling_types"])
    protest_place = role == "place" and any(hits[k].type in ANSWERED_TYPES for _, k in scored)
    best = min(score for score, _ in scored)
    winners = {k for score, k in scored if score == best}
    for k in winners:
        for m, hit in enumerate(hits):
            # a date or place qualifying one listed topic ("о разгоне акции 10 октября,
            # обыске и угрозах") is that topic's, not every coordinated noun's
            listed = role in {"date", "place"} and m != k and tokens[hit.anchor].pos == "NOUN" \
                and tokens[hits[k].anchor].pos == "NOUN"
            listed = listed or (role in {"date", "place"} and across_contrast(tokens, at[0], hit))
            # "задержали на акции в Москве": the place of the rally is where its arrest was
            setting = role == "place" and m != k and tokens[hits[k].anchor].head in hit.tokens \
                and tokens[hits[k].anchor].rel == "obl" and tokens[hits[k].anchor].pos == "NOUN"
            # a day counted in words ("..., на следующий день суд оштрафовал") is its own verb's
            listed = listed or (candidate.date is not None and m != k)
            listed = listed or (m != k and across_semicolon(tokens, at[0], hit))  # another clause's
            # a hearing held to sentence people is not over those its coordinated verb counts
            # ("проведя заседания суда, приговорила двоих к штрафам"): a ruling's count is its own
            listed = listed or (role == "count" and m != k and hit.type == "court")
            # a ruling is not where the protest it answers happened ("в Омске на шествии
            # задержаны ..., позднее арестован и приговорен"): no place shared from that scene
            listed = listed or (role == "place" and m != k and hit.type in rulings and protest_place)
            if (groups[m] == groups[k] or setting) and role in roles_for(hit.type) and not listed:
                found[m].by_role[role].append((best if m == k else best + 0.5, candidate))


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
    if any(t.text in _CLAUSE_BREAKS or is_predicate_word(t) or _names_people(tokens, t) for t in between):
        return False
    after = max(at) + 1
    end = next((i for i in range(after, len(tokens)) if tokens[i].text in _CLAUSE_BREAKS), len(tokens))
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
               and a not in _path_to_root(tokens, hit.anchor)  # "четверо — к лишению свободы": its own
               for a in at)


def subject_of_other_clause(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """A name that is the subject of another clause than the trigger's, whose verb has a subject
    of its own: of a verb coordinated with the trigger's (``Белов ушёл, а полицейские задержали
    Орлову``, ``Орлова держит голодовку, и её адвокат Петров сообщил``; not a subject the verbs share,
    ``Белов пришёл к суду и был задержан``), or hung by the parse on the trigger's verb though it
    does not agree with it in number while the verb's other subject does (``Фомина и Юдина были
    осуждены ..., третья обвиняемая Ахмед получила``)."""
    name = conjunct_root(tokens, span_head(tokens, at))
    if not tokens[name].rel.startswith("nsubj") or tokens[name].head < 0:
        return False
    verb = tokens[name].head
    own = phrase_head(tokens, hit)
    if tokens[own].pos != "VERB" and tokens[own].head >= 0:
        own = tokens[own].head  # a noun trigger's verb (``держит голодовку``)
    if tokens[own].pos != "VERB":
        return False
    others = [t for t in tokens if t.head == own and t.rel.startswith("nsubj") and t.index != name]
    plural = any(t.head == name and t.rel == "conj" for t in tokens)
    number = "Number=Plur" if plural else _number(tokens[name])
    disagrees = number is not None and _number(tokens[own]) is not None and number != _number(tokens[own])
    if verb != own:  # a plural that names no one shares no one's subject (``Белов ушёл, а ... арестовали``)
        coordinated = (tokens[own].rel == "conj" and tokens[own].head == verb) or \
            (tokens[verb].rel == "conj" and tokens[verb].head == own)
        # the subject of its own verb by its number: not an object the parse took for one
        # (``Петрову, как рассказали соседи, избили и задержали``)
        subject = number is None or _number(tokens[verb]) in {None, number}
        return coordinated and (bool(others) or (disagrees and subject))
    return disagrees and any(_number(t) == _number(tokens[own]) for t in others)


def conjunct_root(tokens: tuple[Token, ...], index: int) -> int:
    """The first of coordinated words (``Куделин`` for ``Пахотина`` in ``Куделин и Пахотина``)."""
    seen = {index}
    while tokens[index].rel == "conj" and tokens[index].head >= 0 and tokens[index].head not in seen:
        index = tokens[index].head
        seen.add(index)
    return index


def owns_other_noun(tokens: tuple[Token, ...], at: list[int], hits, placed=()) -> bool:
    """A name in the genitive of a thing that is not the happening (``в ходе рекламной
    кампании Горелова``, ``сторонники Сомова``): whose that thing is, not who it befell.
    Not of a case, an address or the person's property (``дело Лапиной``, ``в отношении
    Иванова``, ``в квартире Туменовой``), nor a person (``брата Навального``), nor an
    organisation's name the parse hangs it on (``лидера НП «Алга» Владимира Козлова``)."""
    head = span_head(tokens, at)
    root = conjunct_root(tokens, head)
    title = apposed_to(tokens, [root])
    if root != head and not title and tokens[root].pos == "NOUN" \
            and any(tokens[i].head == root and tokens[i].rel == "appos" for i in person_tokens(placed)):
        # "с туристами Волковым, ..., Котовой": the parse hangs a listed name on the noun the list's
        # first name is apposed to (whatever animacy it reads that noun with)
        title = (root,)
    if title and any(tokens[h.anchor].head in {*at, root, *title} for h in hits):
        return False  # "журналиста Ивана Петрова, обвинённого ...": a happening told of the name (or its list)
    head = next(iter(title), root)  # "за оскорбление губернатора Игоря Белова"
    governor = tokens[head].head
    if tokens[head].rel != "nmod" or governor < 0 or tokens[governor].pos != "NOUN":
        return False
    if any(governor in h.tokens for h in hits) or "Animacy=Anim" in tokens[governor].feats:
        return False
    if any(governor in p.tokens for p in placed if p.mention.type == "ORG"):
        return False
    return not tokens[governor].lemmas & folded_set("person_holder_nouns")


def possessor_of_kin(tokens: tuple[Token, ...], at: list[int], people: People | None, start: int) -> int | None:
    """The noun of kinship before a name that says whose the relative is (``Жена
    Гайсина``, ``Сестра Марата``: :func:`pipeline.events.people.names_the_owner`): that
    noun's token, which stands for the unnamed relative."""
    if people is None or start not in people.owners or not at or at[0] == 0:
        return None
    kin = at[0] - 1
    return kin if tokens[kin].lemmas & folded_set("relation_nouns") else None


def respells_name(tokens: tuple[Token, ...], at: Sequence[int], placed: list[PlacedMention]) -> bool:
    """A name in brackets right after a name (``Питера Грина (Peter Green)``): that person's
    other spelling, not a second person."""
    first = min(at)
    if first < 2 or tokens[first - 1].text != "(":
        return False
    return any(p.mention.type == PER and p.tokens and max(p.tokens) == first - 2 for p in placed)


def is_subset(tokens: tuple[Token, ...], first: int) -> bool:
    """A count of part of the group: ``3 человека, из них две женщины``."""
    return has_pattern(tokens, context()["subset_markers"], first - 3, first)


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
    start = max((i + 1 for i in range(hit.anchor) if tokens[i].text in _CLAUSE_BREAKS), default=0)
    end = next((i for i in range(hit.anchor, len(tokens)) if tokens[i].text in _CLAUSE_BREAKS), len(tokens))
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


def names_citizenship(tokens: tuple[Token, ...], at: list[int]) -> bool:
    """A country a person is a citizen of (``гражданина Франции``, ``гражданство
    Израиля``): who the person is, not where the happening was."""
    head = span_head(tokens, at)
    governor = tokens[head].head
    return tokens[head].rel == "nmod" and governor >= 0 and bool(
        tokens[governor].lemmas & folded_set("citizenship_nouns"))


def person_tokens(placed: list[PlacedMention]) -> set[int]:
    """Tokens of the sentence's PER mentions."""
    return {t for p in placed if p.mention.type == PER for t in p.tokens}


def qualifies_person(tokens: tuple[Token, ...], head: int, names: set[int]) -> bool:
    """A place that says where a named person is from or works (``волонтёра из Тверской
    области Семёна Кротова``, ``секретаря отделения союза в Великих Луках Петра
    Зимина``): in a report that is where the person's case happens. Climbs over place
    containers and bodies to a noun of a person that a name (tokens ``names``) stands by.

    >>> def t(i, text, head, rel, feats=frozenset()):
    ...     return Token(i, 0, 0, text, frozenset({text}), "NOUN", head, rel, feats)
    >>> toks = (t(0, "волонтёра", -1, "root", frozenset({"Animacy=Anim"})), t(1, "из", 2, "case"),
    ...         t(2, "области", 0, "nmod"), t(3, "Кротова", 0, "appos"))
    >>> qualifies_person(toks, 2, {3}), qualifies_person(toks, 2, set())
    (True, False)
    """
    return qualified_person(tokens, head, names) is not None


def holds_office(tokens: tuple[Token, ...], place_head: int, person: int) -> bool:
    """The place is the bare genitive of the person's title, not a word of residence
    (``президент Франции``, ``губернатор Техаса``, not ``жительница Самары``, ``активист из
    Бердска``): the office's jurisdiction, which places only what befell the officeholder.

    >>> def t(i, text, head, rel, feats=frozenset()):
    ...     return Token(i, 0, 0, text, frozenset({text}), "NOUN", head, rel, feats)
    >>> toks = (t(0, "губернатор", -1, "root"), t(1, "техаса", 0, "nmod", frozenset({"Case=Gen"})),
    ...         t(2, "житель", -1, "root"), t(3, "самары", 2, "nmod", frozenset({"Case=Gen"})))
    >>> holds_office(toks, 1, 0), holds_office(toks, 3, 2)
    (True, False)
    """
    place = tokens[place_head]
    return (place.head == person and place.rel == "nmod" and "Case=Gen" in place.feats
            and not any(t.head == place_head and t.rel == "case" for t in tokens)
            and not tokens[person].lemmas & folded_set("residence_nouns"))


def origin_of(tokens: tuple[Token, ...], head: int, names: set[int]) -> int | None:
    """The noun of the named person a place says where they live or come from
    (:func:`qualified_person`), not an office's jurisdiction (:func:`holds_office`)."""
    person = qualified_person(tokens, head, names)
    return None if person is None or holds_office(tokens, head, person) else person


def qualified_person(tokens: tuple[Token, ...], head: int, names: set[int]) -> int | None:
    """The noun of the named person a place qualifies (:func:`qualifies_person`), if any."""
    climb = folded_set("place_container_heads") | folded_set("org_like_heads") | folded_set("branch_nouns")
    current = head
    for _ in range(4):
        if tokens[current].rel not in {"nmod", "flat", "flat:name", "appos"} or tokens[current].head < 0:
            return None
        current = tokens[current].head
        if "Animacy=Anim" in tokens[current].feats and tokens[current].pos in {"NOUN", "PROPN"}:
            if tokens[current].lemmas & folded_set("citizenship_nouns"):
                return None  # "гражданина Франции Пьера Дюбуа": whose citizen, not where from
            named = any(tokens[n].head == current or tokens[current].head == n or 0 < n - current <= 4
                        for n in names)
            return current if named else None
        if not tokens[current].lemmas & climb:
            return None
    return None


def qualifies_other_noun(tokens, at: list[int], hits, mentions) -> bool:
    """A place that qualifies a noun other than a trigger, an organisation or a person
    (``трагедии в Жана Озене``) tells where that thing was, not the event."""
    head = span_head(tokens, at)
    if qualifies_person(tokens, head, person_tokens(mentions)):
        return False
    governor = tokens[head].head
    containers = folded_set("place_container_heads")
    while governor >= 0 and tokens[governor].lemmas & containers and tokens[governor].rel in {"nmod", "flat", "appos"}:
        governor = tokens[governor].head
    if governor >= 0 and tokens[governor].lemmas & containers:
        return False  # the container is the clause's own place ("собрались в центре Уральска")
    if governor < 0 or tokens[governor].pos not in {"NOUN", "PROPN"} or tokens[head].rel != "nmod":
        return False
    if any(governor in h.tokens for h in hits):
        return False
    # the thing the happening was done to ("поджог склада в Вологде"): where it was done
    if tokens[governor].rel in {"nmod", "obj"} and any(tokens[governor].head in h.tokens for h in hits):
        return False
    organisations = {t for p in mentions if p.mention.type == "ORG" for t in p.tokens}
    return governor not in organisations and not tokens[governor].lemmas & folded_set("org_like_heads")


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
