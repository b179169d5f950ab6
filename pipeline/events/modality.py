"""Modality: whether a realis candidate is told as real, or only as possible, due, allowed or claimed.

``могли задержать``, ``закон запрещает задерживать``, ``если его арестуют``, ``митинг,
который должен пройти``, ``обвинен в убийстве``, ``арестован за убийство``: a happening
that is conditional, to come, modal, what a rule provides, alleged or the crime punished,
which :func:`pipeline.events.realis.rule_of` labels ``hypothetical``, ``modal`` or
``norm``. These cues read governors, mood, tense and the clauses of charges; they are
apart from the cues of tallies (:mod:`pipeline.events.tallies`) and genericity.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import parse_word
from ..records import PER, Mention
from ..resources import fold
from .realis_words import clause_of, predicate_of, realis_patterns, realis_words, words_below
from .syntax import children, folded_set, governors_of, has_pattern, heads_up
from .triggers import TriggerHit


def governor_in(tokens, hit: TriggerHit, words: frozenset[str], depth: int = 1) -> bool:
    """One of the first ``depth`` governors of the trigger (over transparent nouns) is one of ``words``;
    a participle qualifying a noun looks one governor further (``освобождения арестованных``)."""
    chain = [g for g in governors_of(tokens, hit.anchor, depth + 1) if g not in hit.tokens]
    # the infinitive a noun trigger hangs on directly is what is asked for, allowed or feared, not a
    # governor of its own ("просили отправить его в СИЗО": the custody hangs on "отправить", asked for by
    # "просили"); a verb under it (a gerund: "пытался смягчить кризис, уволив министра") is its means
    head = tokens[hit.anchor].head
    if tokens[hit.anchor].pos in {"NOUN", "PROPN"} and chain[:1] == [head] and "VerbForm=Inf" in tokens[head].feats:
        chain = [g for g in governors_of(tokens, hit.anchor, depth + 2) if g not in hit.tokens][1:] or chain
    if tokens[hit.anchor].rel in {"amod", "acl"}:
        depth += 1
    return any(tokens[g].lemmas & words for g in chain[:depth])


def alleged(tokens, hit: TriggerHit) -> bool:
    """An act someone is accused or suspected of (``обвинен в убийстве``, ``по подозрению в
    грабеже``): a governor within three steps, over transparent nouns, is an accusation;
    or the clause says it is someone's version (``по версии обвинения, он поджёг склад``)."""
    transparent = realis_words("transparent_heads") | folded_set("transparent_heads")
    accusation = realis_words("alleged_heads")
    clause = clause_of(tokens, hit.anchor)
    if has_pattern(tokens, realis_patterns("alleged_patterns"), clause.start, hit.tokens[0]):
        return True
    if _accusers_version(tokens, hit):
        return True
    if _charged_content(tokens, hit, accusation):
        return True
    if tokens[hit.anchor].pos not in {"NOUN", "PROPN"}:
        return False
    steps = 0
    for head in heads_up(tokens, hit.anchor, 5):
        if head in hit.tokens:
            continue
        if tokens[head].lemmas & accusation:
            return True
        if not tokens[head].lemmas & transparent:
            steps += 1
        if steps >= 2:
            return False
    return False


def _accusers_version(tokens, hit: TriggerHit) -> bool:
    """What the accusers say happened (``models/realis.json`` ``_comment_accusers``): the
    trigger's clause opens with ``по``/``согласно`` + a noun of wording or opinion + an accuser
    (``по формулировке следствия, он ударил ...``) or ``согласно`` + the accuser itself
    (``согласно обвинению, ...``); or the trigger's verb is the content clause of a verb of
    claiming whose subject is an accuser (``следствие считает, что он избил ...``)."""
    accusers, versions = realis_words("accuser_nouns"), realis_words("version_nouns")
    clause = clause_of(tokens, hit.anchor)
    told_up_to = _told_up_to(tokens, hit)
    for i in range(clause.start, told_up_to):
        if not tokens[i].lemmas & {"по", "согласно"} or i + 1 >= told_up_to:
            continue
        after = tokens[i + 1].lemmas
        if after & accusers and "согласно" in tokens[i].lemmas:
            return True
        if after & versions and i + 2 < len(tokens) and tokens[i + 2].lemmas & (accusers | {"сторона"}):
            return True
    verb = _clause_verb(tokens, hit.anchor)
    if verb is None or tokens[verb].rel != "ccomp":
        return False
    claim = tokens[verb].head
    return bool(tokens[claim].lemmas & realis_words("claim_verbs")) and any(
        tokens[c].rel.startswith("nsubj") and tokens[c].lemmas & accusers for c in children(tokens, claim))


def _told_up_to(tokens, hit: TriggerHit) -> int:
    """Where an accusers' version opening the trigger's clause may stand up to: the trigger's first
    word, or, for unrest told as the charge (``models/realis.json`` ``_comment_charged_unrest``),
    the verb of the trigger told as its subject or object, so that a version set off between them
    is the clause's too (``беспорядки, по версии следствия, начались ...``). Elsewhere such a
    version qualifies how or who, not whether (``задержание, по версии полиции, прошло ...``)."""
    anchor = tokens[hit.anchor]
    if (anchor.lemmas & realis_words("charged_unrest_nouns") and anchor.rel.startswith(("nsubj", "obj"))
            and anchor.head > hit.anchor):
        return anchor.head
    return hit.tokens[0]


def _clause_verb(tokens, index: int, climb: int = 4) -> int | None:
    """The verb of the clause a trigger is told in: itself, or the first verb up its chain of
    heads over coordination, objects and infinitives (``избить`` in ``приказал задержать и
    избить``: ``приказал``)."""
    node = index
    for _ in range(climb + 1):
        if node < 0:
            return None
        if tokens[node].pos in {"VERB", "AUX"} and tokens[node].rel not in {"conj", "xcomp"}:
            return node
        node = tokens[node].head
    return None


def punished(tokens, hit: TriggerHit) -> bool:
    """The trigger tells the act a punishment or an arrest is given for: it, or a word up its
    chain of heads (``то`` of ``за то, что``; ``приказ`` of ``отдал приказ об аресте``), is
    governed by a word of punishing through ``за`` (``арестован за убийство``, ``приговорён к
    пяти годам за избиение``, ``казнён за то, что избил ...``): the crime punished or
    suspected, no happening told. Not a span of time (``за два дня до ...``), and not of a
    rally or of an earlier penalty (``crime_types``)."""
    if hit.type not in realis_words("crime_types"):
        return False
    punishing, units = realis_words("punishing_heads"), realis_words("time_unit_nouns")
    node, below = hit.anchor, hit.anchor
    for _ in range(6):
        head = tokens[node].head
        if head < 0:
            return False
        if any(tokens[c].rel == "case" and tokens[c].text.lower() == "за" for c in children(tokens, node)):
            if "тот" in tokens[node].lemmas and node < below and \
                    sum(1 for t in tokens[node + 1:below] if t.pos == "SCONJ") != 1:
                return False  # only "за то, что"'s own "что" before its clause, wherever the parser hung a later one
            return not tokens[node].lemmas & units and bool(tokens[head].lemmas & punishing)
        if tokens[node].rel in _OWN_CLAUSES:
            return False  # "... за то, что снимал, как полицейские избивали людей": what he filmed happened
        node, below = head, node
    return False


# a clause of its own inside the act punished: what it tells is not the act ("acl" is the
# content clause of "за то, что" itself)
_OWN_CLAUSES = frozenset({"ccomp", "advcl", "acl:relcl", "parataxis", "csubj"})


def _charged_content(tokens, hit: TriggerHit, accusation: frozenset[str]) -> bool:
    """The trigger is told in the content clause of a charge or a suspicion (``обвиняют в том, что
    он бросил кирпич``, ``по подозрению в том, что она ударила``, ``обвиняли за то, что``): the
    clause's verb hangs on the ``то`` of ``в том, что`` or ``за то, что``, and an accusation governs
    that ``то`` or stands just before it.
    A clause opened later by a subordinator of its own is not the charge's, wherever the parser
    hung it (``..., хотя видно, что полицейские избили его``). A noun counts as the verb's object
    or subject (``применил насилие``), not as where or when it is said to be done (``на акции``)."""
    verb = hit.anchor
    if tokens[verb].pos in {"NOUN", "PROPN"} and tokens[verb].rel in {"obj", "nsubj", "nsubj:pass"}:
        verb = tokens[verb].head
    if verb < 0 or tokens[verb].pos not in {"VERB", "AUX"}:
        return False
    while tokens[verb].rel == "conj" and tokens[verb].head >= 0:
        verb = tokens[verb].head
    that = tokens[verb].head
    if that < 1 or tokens[verb].rel not in {"acl", "ccomp", "advcl"} or "тот" not in tokens[that].lemmas \
            or not tokens[that - 1].lemmas & {"в", "за"}:
        return False
    if sum(1 for t in tokens[that + 1:verb] if t.pos == "SCONJ") != 1:
        return False  # the charge's own "что" and no other between "том" and the verb
    governors = [tokens[that].head, *range(max(0, that - 3), that - 1)]
    return any(g >= 0 and tokens[g].lemmas & accusation for g in governors)


def normative(tokens, hit: TriggerHit, mentions: Sequence[Mention]) -> bool:
    """An infinitive trigger governed by a word of prohibiting, permitting or obliging
    (``закон запрещает задерживать``, ``полиция вправе задерживать``, ``разрешается штрафовать``,
    ``обязаны задерживать``): what a rule forbids, allows or requires, not a happening.
    Coordinated infinitives share the head (``вправе задерживать и штрафовать``). Not a
    ruling that granted it once for a particular person (:func:`_granted_once`)."""
    node = hit.anchor
    if "VerbForm=Inf" not in tokens[node].feats:
        return False
    while tokens[node].rel == "conj" and tokens[node].head >= 0 and "VerbForm=Inf" in tokens[tokens[node].head].feats:
        node = tokens[node].head
    head = tokens[node].head
    if head < 0 or head in hit.tokens or tokens[node].rel not in {"xcomp", "csubj", "csubj:pass", "acl", "ccomp"}:
        return False
    return bool(tokens[head].lemmas & realis_words("normative_heads")) \
        and not _granted_once(tokens, head, node, mentions)


def _granted_once(tokens, head: int, infinitive: int, mentions: Sequence[Mention]) -> bool:
    """A court or an official allowed or obliged it once, for a particular person (``суд разрешил
    арестовать журналиста Сомова``, ``следователю разрешили задержать его``): the sanction is a
    happening. The head is a perfective past of ``granting_heads`` whose subject, if any, is no
    rule (``закон разрешил ...`` stays a norm), and the infinitive has a named person, a
    personal pronoun, a numeral or one person (a singular animate noun) below it, or the head
    has one as its object, the one obliged (``суд обязал Лаптева выплатить штраф``)."""
    verb = tokens[head]
    if not verb.lemmas & realis_words("granting_heads") or not {"VerbForm=Fin", "Tense=Past"} <= verb.feats:
        return False
    if any(tokens[c].rel.startswith("nsubj") and tokens[c].lemmas & realis_words("norm_heads")
           for c in children(tokens, head)):
        return False
    named = [m for m in mentions if m.type == PER]
    return any(any(m.start <= tokens[i].start and tokens[i].end <= m.end for m in named)
               or tokens[i].pos == "NUM"
               or tokens[i].pos == "PRON" and not tokens[i].lemmas & realis_words("generic_pronouns")
               or tokens[i].pos == "NOUN" and {"Animacy=Anim", "Number=Sing"} <= tokens[i].feats
               for i in words_below(tokens, infinitive, 2) + [c for c in words_below(tokens, head, 1) if tokens[c].rel == "obj"])


def ordered_once(tokens, hit: TriggerHit, predicate: int, mentions: Sequence[Mention]) -> bool:
    """A noun trigger told by an infinitive a ruling obliged or allowed once (``суд обязал
    Лаптева выплатить штраф``): the infinitive has no tense of its own, and the ruling's past
    (:func:`_granted_once`) tells the penalty, as it tells an infinitive trigger."""
    if tokens[hit.anchor].pos not in {"NOUN", "PROPN"} or "VerbForm=Inf" not in tokens[predicate].feats:
        return False
    head = tokens[predicate].head
    if head < 0 or tokens[predicate].rel not in {"xcomp", "ccomp", "csubj", "csubj:pass"}:
        return False
    return _granted_once(tokens, head, predicate, mentions)


def conditional(tokens, hit: TriggerHit) -> bool:
    """``бы``, ``если``, ``якобы``, ``чтобы`` in the trigger's clause before it, or
    ``если`` marking the clause the trigger heads."""
    markers = folded_set("hypothetical_markers") | {"чтобы", "бы", "б"}
    for i in range(hit.tokens[0] - 1, max(-1, hit.tokens[0] - 9), -1):
        if tokens[i].pos == "PUNCT" and tokens[i].text not in {"«", "»", '"'}:
            break
        if tokens[i].lemmas & markers:
            return True
    predicate = predicate_of(tokens, hit.anchor)
    return any(tokens[c].lemmas & markers and tokens[c].rel in {"mark", "advmod", "discourse", "aux"}
               for c in children(tokens, predicate))


def _antecedents(tokens, clause: int, climb: int = 4) -> list[int]:
    """The nouns a relative clause may be said of: those on its head's chain that
    ``который`` agrees with in number (and gender in the singular). The parser hangs a
    clause on the nearest noun (``митингом за пересмотр приговоров, который ...``), and only
    agreement, not the parse, tells ``приговоров`` out; ``пересмотр`` and ``митингом`` both
    stay possible."""
    pronoun = next((i for i in children(tokens, clause) if tokens[i].lemmas & {"который"}), None)
    head = tokens[clause].head
    if pronoun is None:
        return [head]
    wanted = {f for f in tokens[pronoun].feats if f.startswith(("Number=", "Gender="))}
    found, node = [], head
    for _ in range(climb):
        if node < 0:
            break
        if tokens[node].pos in {"NOUN", "PROPN"} and wanted <= tokens[node].feats:
            found.append(node)
        node = tokens[node].head
    return found


def future(tokens, index: int) -> bool:
    """A verb in the future, or with a future auxiliary (``будут задерживать``: the tagger may
    call ``будут`` present; pymorphy3 reads its tense)."""
    if "Tense=Fut" in tokens[index].feats:
        return True
    return any(tokens[c].rel in {"aux", "aux:pass", "cop"} and tokens[c].lemmas & {"быть"}
               and any("futr" in p.tag for p in parse_word(fold(tokens[c].text)))
               for c in children(tokens, index))


def planned(tokens, hit: TriggerHit) -> bool:
    """The happening a noun names is still to come: its relative clause is in the future or
    modal (``митинг, который должен пройти в субботу``, ``акция, которая состоится 5 мая``,
    ``пикет, который планируют провести``)."""
    if tokens[hit.anchor].pos not in {"NOUN", "PROPN"}:
        return False
    modal = realis_words("modal_heads")
    for c, token in enumerate(tokens):
        if token.rel != "acl:relcl" or c in hit.tokens or hit.anchor not in _antecedents(tokens, c):
            continue
        if future(tokens, c) or token.lemmas & modal:
            return True
    return False
