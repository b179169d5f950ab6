"""Realis: does a candidate trigger tell a specific happening?

A trigger word found by the lexicon may tell something that happened to particular
people on one occasion (``12 июня в Москве задержали более 400 человек``) or may only
name a kind of happening: what a law provides (``статья предусматривает арест до 30
суток``), a habit (``полиция обычно задерживает участников``), a statistic (``в 2013
году по этой статье осуждены 40 человек``), a generic class (``преследование
активистов``), something only possible, faced or intended (``могли задержать``,
``грозит арест``), hypothetical or alleged (``если его арестуют``, ``обвинен в
убийстве``), or a report's bibliography (an endnote's headline). ACE and ERE call this
*realis* and *genericity*; analysts count only the first kind.

The step reads **cues** from morphology and syntax (:func:`cues_of`: mood, tense,
modal and habitual words, generic plural subjects, law and statistics vocabulary, the
arguments the trigger has) and decides by rules (:func:`decide`), in a fixed order:
the first class whose cues fire names the candidate. A run reads each cue only when the
rules first ask for it (:func:`read_cues`); measuring and training read every one. The cue words are data in
``models/realis.json``. A logistic regression over the same cues, trained by
``scripts/train_realis.py`` on the development gold and stored as plain weights in
``models/realis_classifier.json``, decides instead when that file says it is enabled
(it is enabled only if it beat the rules on held-out pages; see that file).

The cues of tallies (:mod:`~pipeline.events.tallies`) and of modality
(:mod:`~pipeline.events.modality`) live apart, beside the word lists and sentence
stretches all cues read (:mod:`~pipeline.events.realis_words`); the cues of genericity,
:func:`cues_of` and the rules stay here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from .. import linear
from ..nlp import parse_word
from ..records import PER, DateValue, Mention
from ..resources import fold, load_json
from .syntax import (
    Token,
    children,
    folded_set,
    governors_of,
    has_pattern,
    is_bare_plural,
    is_generic_plural,
    is_generic_present,
)
from .aggregate import sums_up
from .modality import alleged, conditional, future, governor_in, normative, ordered_once, planned, punished
from .realis_words import clause_of, predicate_of, realis_patterns, realis_words, words_below
from .tallies import (by_article, cases_counted, counted_in_phrase, counted_patient, is_counted, is_table_row,
                      large_count, over_period, share_of_number, statistic, year_only)
from .triggers import TriggerHit

SPECIFIC = "specific"
# Each label a candidate that tells no specific happening may get, in the order the rules try them.
LABELS = (SPECIFIC, "endnote", "statistical", "hypothetical", "modal", "norm", "habitual", "generic")


@dataclass(frozen=True, slots=True)
class Where:
    """Where the candidate's sentence stands in the document."""

    endnote: bool = False  # an endnote entry: headline, URL, "Source, DD.MM.YYYY"
    text: str = ""  # the sentence's text


@dataclass(frozen=True, slots=True)
class Judgement:
    """The realis decision on one candidate: its label and the cues it was read from."""

    label: str
    cues: frozenset[str]
    probability: float | None = None  # the classifier's P(specific), when it decided

    @property
    def specific(self) -> bool:
        return self.label == SPECIFIC


class PersonSpans:
    """The spans of a document's person mentions, made once per document: whether one of them
    holds a stretch of text is a search, not a scan of every mention for every candidate."""

    __slots__ = ("_starts", "_reach")

    def __init__(self, mentions: Sequence[Mention]):
        spans = sorted((m.start, m.end) for m in mentions if m.type == PER)
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))  # the furthest end so far

    def hold(self, start: int, end: int) -> bool:
        """Some person mention starts at or before ``start`` and ends at or after ``end``."""
        before = bisect_right(self._starts, start)
        return before > 0 and self._reach[before - 1] >= end


class Cues:
    """A candidate's cues, each read when the rules first ask for it: the rules stop at the first
    class that fires, and most candidates never need the costlier cues. Reads ``in``, ``&`` and
    ``>=`` as a frozenset of the cues that fire does."""

    __slots__ = ("_checks", "_known")

    def __init__(self, given: Iterable[str], checks: dict[str, Callable[[], bool]]):
        self._checks = checks
        self._known = dict.fromkeys(given, True)

    def __contains__(self, name: str) -> bool:
        known = self._known.get(name)
        if known is None:
            check = self._checks.get(name)
            known = self._known[name] = bool(check()) if check is not None else False
        return known

    def __and__(self, names) -> set[str]:
        return {name for name in names if name in self}

    __rand__ = __and__

    def __ge__(self, names) -> bool:
        return all(name in self for name in names)

    def fired(self) -> frozenset[str]:
        """The cues read so far that fire: enough for :func:`rule_of` to give the same rule."""
        return frozenset(name for name, known in self._known.items() if known)

    def complete(self) -> frozenset[str]:
        """Every cue that fires, all read."""
        for name in self._checks:
            name in self
        return self.fired()


def _card_field(tokens, hit: TriggerHit) -> bool:
    """The trigger names a field of a case card that opens its line, its value after a dash or a
    colon (``Мера пресечения — домашний арест.``): the measure this case got, not measures in
    general (``Самая строгая мера пресечения — ...`` is not opened by the field)."""
    after = hit.tokens[-1] + 1
    return (hit.tokens[0] == 0 and bool(tokens[hit.anchor].lemmas & realis_words("case_card_fields"))
            and after + 1 < len(tokens) and tokens[after].text in {"—", "–", "-", ":"})


def _habitual(tokens, hit: TriggerHit, key: str = "habitual_adverbs") -> bool:
    """A habitual adverb or phrase in the trigger's clause (``обычно``, ``как правило``,
    ``в большинстве случаев``); with ``frequency_adverbs``, a frequency (``регулярно``)."""
    clause = clause_of(tokens, hit.anchor)
    adverbs = realis_words(key)
    if any(tokens[i].lemmas & adverbs and tokens[i].pos in {"ADV", "DET", "ADJ", "PRON"} for i in clause):
        return True
    return key == "habitual_adverbs" and has_pattern(tokens, realis_patterns("habitual_patterns"), clause.start, clause.stop)


def _recurring_kind(tokens, hit: TriggerHit) -> bool:
    """A bare plural noun of happenings whose verb says they recur (``неоднократно проходили
    митинги``, ``регулярно подвергались нападениям``): many happenings of a kind, not one told.
    Only an adverb on that verb counts, not one anywhere in the clause (``обвиняется в том, что
    неоднократно ...`` tells one charge)."""
    if tokens[hit.anchor].pos not in {"NOUN", "PROPN"} or not is_bare_plural(tokens, hit.anchor):
        return False
    predicate = predicate_of(tokens, hit.anchor)
    if predicate == hit.anchor:
        return False
    adverbs = realis_words("frequency_adverbs") | realis_words("recurrence_adverbs")
    return any(tokens[c].lemmas & adverbs and tokens[c].rel == "advmod" for c in children(tokens, predicate))


def _generic_subject(tokens, hit: TriggerHit) -> bool:
    """The predicate's subject (or a passive's) names a class, not particular people or
    bodies: a bare plural (``суды выносят``, ``активисты задерживаются``), ``те, кто``,
    ``такие дела``."""
    predicate = hit.anchor
    if tokens[predicate].pos not in {"VERB", "AUX"} and "Variant=Short" not in tokens[predicate].feats:
        return False  # who reports a noun ("наблюдатели фиксировали задержания") is not who it befell
    determiners, pronouns = realis_words("generic_determiners"), realis_words("generic_pronouns")
    for c in children(tokens, predicate):
        if not tokens[c].rel.startswith("nsubj") or c in hit.tokens:
            continue
        if tokens[c].pos == "PRON" and tokens[c].lemmas & pronouns:
            return True
        if tokens[c].pos == "NOUN" and is_bare_plural(tokens, c):
            return True
        if any(tokens[d].lemmas & determiners for d in children(tokens, c)):
            return True
    return False


def _generic_determiner(tokens, hit: TriggerHit) -> bool:
    """The trigger noun, or the noun it names its people by, has a generic determiner
    (``подобные преследования``, ``задержания любых участников``)."""
    determiners = realis_words("generic_determiners")
    own = children(tokens, hit.anchor)
    if any(tokens[c].lemmas & determiners and tokens[c].rel in {"det", "amod"} for c in own):
        return True
    return any(tokens[d].lemmas & determiners and tokens[d].rel in {"det", "amod"}
               for c in own if tokens[c].rel in {"nmod", "obj"} for d in children(tokens, c))


def _is_property(token: Token) -> bool:
    """A present participle qualifying a noun says what something is, not what
    happened (``материалов, угрожающих безопасности``)."""
    return "VerbForm=Part" in token.feats and "Tense=Pres" in token.feats and token.rel in {"acl", "amod"}


def _qualifies_person(tokens, hit: TriggerHit, mentions: Sequence[Mention]) -> bool:
    """The participle qualifies a named person (``Петров, находящийся в СИЗО``): the
    status told of that person is a happening of theirs, not a class's property."""
    anchor = tokens[hit.anchor]
    if anchor.rel not in {"acl", "amod", "acl:relcl"} or anchor.head < 0:
        return False
    head = tokens[anchor.head]
    return any(m.type == PER and m.start <= head.start and head.end <= m.end for m in mentions)


def _anniversary(tokens, hit: TriggerHit) -> bool:
    """The trigger names what an anniversary marks (``70-летию депортации``, ``годовщине
    разгона``): a past happening remembered, not one told."""
    near = [g for g in governors_of(tokens, hit.anchor, 2) if g not in hit.tokens][:1]
    near += [c for c in children(tokens, hit.anchor) if c < hit.anchor]  # the parser may hang it below
    return any(any(lemma.endswith("летие") or lemma == "годовщина" for lemma in tokens[g].lemmas) for g in near)


def _standing_status(tokens, hit: TriggerHit) -> bool:
    """A ban or designation told by a full participle qualifying a noun (``запрещенной
    организации``, ``книги, признанные экстремистскими``): a status, not a ruling told."""
    anchor = tokens[hit.anchor]
    if not anchor.lemmas & realis_words("status_heads") or anchor.rel not in {"amod", "acl", "acl:relcl"}:
        return False
    if "VerbForm=Part" in anchor.feats:
        return "Variant=Short" not in anchor.feats
    return any("PRTF" in p.tag for p in parse_word(fold(anchor.text)))


def _told_of_someone(tokens, hit: TriggerHit, predicate: int, persons: PersonSpans) -> bool:
    """Someone particular in the trigger's clause though no argument was taken: a named person
    (``против мэра Семёна Гусева``), a personal pronoun or a possessor (``обоих их обвиняют``,
    ``не хочет сдавать нам зал``, ``брат его жены отбывает срок``) or a number as
    subject or object (``оба фигуранта остаются под стражей``). A present-tense trigger with
    none of these nor any other particular is a habit or a rule (:func:`rule_of`)."""
    heads = {hit.anchor, predicate, *hit.tokens}
    near = {c for i in heads for c in children(tokens, i)}
    roles = {c for c in near if tokens[c].rel.startswith(("nsubj", "obj", "iobj"))}
    below = {b for r in roles for b in words_below(tokens, r, 2)}
    if any(tokens[i].pos in {"PRON", "DET"} and tokens[i].lemmas & realis_words("particular_pronouns")
           for i in near | below):
        return True
    if any(tokens[i].pos == "NUM" for i in roles | {c for r in roles for c in children(tokens, r)
                                                    if tokens[c].rel.startswith("nummod")}):
        return True
    return any(persons.hold(tokens[i].start, tokens[i].end) for h in heads for i in words_below(tokens, h, 3))


def _one_participant(tokens, hit: TriggerHit, predicate: int) -> bool:
    """The trigger's verb has a participant who is one and specific, and none that is a class: a
    singular animate noun, a body acting (``суд``, ``полиция``, ``директор``, ``ученице``) or a
    name as subject or object, and no plural without a complement naming whose or of what (``людей``,
    ``первокурсникам``, not ``участников пикета``), no generic ``человек`` or ``такой``. A
    present so told is one happening (a headline, a narrative present, a state served)."""
    roles = [c for i in {hit.anchor, predicate} for c in children(tokens, i)
             if c not in hit.tokens and tokens[c].rel.startswith(("nsubj", "obj", "iobj"))]
    bodies, generic = folded_set("agent_nouns"), realis_words("generic_person_nouns")
    determiners = realis_words("generic_determiners")

    def a_class(i: int) -> bool:
        if tokens[i].lemmas & generic or any(tokens[d].lemmas & determiners for d in children(tokens, i)):
            return True
        return "Number=Plur" in tokens[i].feats and tokens[i].pos == "NOUN" and not any(
            tokens[c].rel.startswith("nmod") and "Number=Sing" in tokens[c].feats for c in children(tokens, i))

    def one(i: int) -> bool:
        if tokens[i].pos == "PROPN":  # a name, even one the tagger left untagged ("Иванов отбывает")
            return "Number=Plur" not in tokens[i].feats and "Animacy=Inan" not in tokens[i].feats
        return tokens[i].pos == "NOUN" and "Number=Sing" in tokens[i].feats and (
            "Animacy=Anim" in tokens[i].feats or bool(tokens[i].lemmas & bodies))

    return not any(a_class(i) for i in roles) and any(one(i) for i in roles)


def _own_past(tokens, hit: TriggerHit) -> bool:
    """The trigger's own form tells its happening as past, whatever the tense of the verb it hangs
    on: a past participle trigger, or a noun trigger qualified by a relative clause in the past
    or a past participle with words of its own (``оспаривает штраф, назначенный активисту``: the
    fine was given). A bare participle is a standing status (``согласованные пикеты``)."""
    anchor = tokens[hit.anchor]
    if "VerbForm=Part" in anchor.feats:
        return "Tense=Past" in anchor.feats
    if anchor.pos not in {"NOUN", "PROPN"}:
        return False
    return any(tokens[c].rel in {"acl", "amod", "acl:relcl"} and "Tense=Past" in tokens[c].feats
               and tokens[c].pos in {"VERB", "AUX"} and (tokens[c].rel == "acl:relcl" or children(tokens, c))
               for c in children(tokens, hit.anchor) if c not in hit.tokens)


def _exact_value(args, mentions: Sequence[Mention]) -> bool:
    """A term or an amount taken as an argument is exact (``к двум годам``, ``штраф в 20 тысяч``),
    not a bound (``до трех лет``): a measure given once, not what a rule provides."""
    return any(isinstance(index, int) and getattr(mentions[index].value, "low", None) is not None
               and mentions[index].value.low == mentions[index].value.high
               for role in ("term", "amount") for index in args.best(role))


def _anchors(args, mentions: Sequence[Mention]) -> set[str]:
    """Which arguments the trigger has: the particulars that make a happening specific."""
    found = set()
    for value in args.best("person"):
        found.add("person" if isinstance(value, int) else "person_word")
    for index in args.best("date"):
        value = mentions[index].value
        if isinstance(value, DateValue):
            found.add("date_year" if value.precision == "year" else "date_day")
    for role in ("place", "count", "amount", "term", "actor"):
        if args.best(role):
            found.add(role)
    return found


def _tense(tokens, anchor: int, predicate: int, tense: str) -> bool:
    """The predicate, or a copula or auxiliary of the trigger or predicate, is in this tense
    (``Пикет был мирным``, ``были задержаны``)."""
    told = [predicate] + [c for i in {anchor, predicate} for c in children(tokens, i)
                          if tokens[c].rel in {"cop", "aux", "aux:pass"}]
    return any(f"Tense={tense}" in tokens[i].feats for i in told)


def _possessed(tokens, hit: TriggerHit) -> bool:
    """A noun of a happening with a possessor of its own: whose it was is said (``его
    убийства``, ``ее задержание``), so it is one happening to particular people, not a kind."""
    if tokens[hit.anchor].pos not in {"NOUN", "PROPN"}:
        return False
    return any(tokens[c].rel in {"det", "nmod:poss"} and tokens[c].pos in {"DET", "PRON"}
               and tokens[c].lemmas & realis_words("possessive_pronouns") for c in children(tokens, hit.anchor))


def _names_people(token: Token) -> bool:
    """A participle standing for people (``преследуемых``, ``обвиняемых``, ``осужденные``):
    it names a group by what befell them rather than telling that it did. The tagger
    often calls it a noun; pymorphy3 still reads it as a full participle."""
    if token.rel not in {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "conj"}:
        return False
    if "VerbForm=Part" in token.feats:
        return "Variant=Short" not in token.feats
    return token.pos == "NOUN" and any("PRTF" in p.tag for p in parse_word(fold(token.text)))


def _standing_role(token: Token) -> bool:
    """A present passive participle standing for people (``адвокат обвиняемого``, ``группа
    обвиняемых``): it names them by a role they hold, not by a happening told, even of a named
    person; becoming one (``стал обвиняемым``, the parser's ``xcomp``) is told, and no argument."""
    if not _names_people(token):
        return False
    readings = parse_word(fold(token.text))
    return bool(readings) and all({"PRTF", "pres", "pssv"} <= set(str(p.tag).replace(" ", ",").split(","))
                                  for p in readings)


def read_cues(tokens: tuple[Token, ...], hit: TriggerHit, args, mentions: Sequence[Mention],
              where: Where = Where(), persons: PersonSpans | None = None) -> Cues:
    """The cues of one candidate, each read when first asked for (:class:`Cues`).

    ``args`` are the trigger's arguments (:class:`~pipeline.events.arguments.Found`);
    ``persons`` the document's person spans, made from ``mentions`` when not given.
    """
    anchor = tokens[hit.anchor]
    predicate = tokens[predicate_of(tokens, hit.anchor)]
    if persons is None:
        persons = PersonSpans(mentions)
    counted = counted_patient(tokens, hit, args, mentions)
    checks = {
        "endnote": lambda: where.endnote,
        "table_row": lambda: is_table_row(where.text) if where.text else False,
        "conditional": lambda: conditional(tokens, hit),
        # a future auxiliary counts too ("будут задерживать"), and a noun's clause to come
        "future": lambda: "Tense=Fut" in anchor.feats or future(tokens, predicate.index)
        or future(tokens, hit.anchor) or planned(tokens, hit),
        "memorial": lambda: has_pattern(tokens, [["со", "день"], ["с", "день"]], max(0, hit.tokens[0] - 3),
                                        hit.tokens[0]) or _anniversary(tokens, hit),
        "modal": lambda: governor_in(tokens, hit, (realis_words("modal_heads") | folded_set("hypothetical_heads"))
                                     - realis_words("norm_heads")),
        "norm": lambda: governor_in(tokens, hit, realis_words("norm_heads") | folded_set("reference_heads")),
        "normative": lambda: normative(tokens, hit, mentions),
        "count_patient": lambda: counted is not None,
        "large_count": lambda: counted is not None and large_count(tokens, *counted, mentions),
        "over_period": lambda: over_period(tokens, hit),
        "year_only": lambda: year_only(tokens, mentions),
        "alleged": lambda: alleged(tokens, hit),
        "punished": lambda: punished(tokens, hit),
        "habitual": lambda: _habitual(tokens, hit),
        "frequency": lambda: _habitual(tokens, hit, "frequency_adverbs"),
        "recurring": lambda: _recurring_kind(tokens, hit),
        "generic_present": lambda: is_generic_present(tokens, hit.anchor),
        "present": lambda: "Tense=Pres" in predicate.feats and "VerbForm=Fin" in predicate.feats,
        "past": lambda: _tense(tokens, hit.anchor, predicate.index, "Past") or "Variant=Short" in predicate.feats
        or ordered_once(tokens, hit, predicate.index, mentions),
        "subject": lambda: anchor.rel.startswith("nsubj"),
        "names_people": lambda: _names_people(anchor),
        "standing_role": lambda: _standing_role(anchor),
        "perfective": lambda: "Aspect=Perf" in predicate.feats,
        "infinitive": lambda: "VerbForm=Inf" in anchor.feats,
        "generic_plural": lambda: is_generic_plural(tokens, hit.anchor),
        "bare_plural": lambda: is_bare_plural(tokens, hit.anchor),
        "generic_subject": lambda: _generic_subject(tokens, hit),
        "generic_determiner": lambda: _generic_determiner(tokens, hit),
        "statistic": lambda: statistic(tokens, hit)
        or has_pattern(tokens, realis_patterns("period_patterns"), 0, len(tokens)),
        "by_article": lambda: by_article(tokens, hit),
        "counted": lambda: is_counted(tokens, hit),
        "counted_in_phrase": lambda: counted_in_phrase(tokens, hit),
        "share_of_number": lambda: share_of_number(tokens, hit),
        "cases_counted": lambda: cases_counted(tokens, hit),
        "summing": lambda: sums_up(tokens, hit.tokens[0]),
        "property": lambda: _is_property(anchor),
        "qualifies_person": lambda: _qualifies_person(tokens, hit, mentions),
        "status": lambda: _standing_status(tokens, hit),
        "noun": lambda: anchor.pos in {"NOUN", "PROPN"},
        "possessed": lambda: _possessed(tokens, hit),
        "participle": lambda: "VerbForm=Part" in anchor.feats,
        "told_of_someone": lambda: _told_of_someone(tokens, hit, predicate.index, persons),
        "one_participant": lambda: _one_participant(tokens, hit, predicate.index),
        "own_past": lambda: _own_past(tokens, hit),
        "exact_value": lambda: _exact_value(args, mentions),
        "deictic_present": lambda: any(tokens[i].lemmas & realis_words("deictic_present_adverbs")
                                       for i in clause_of(tokens, hit.anchor)),
        "card_field": lambda: _card_field(tokens, hit),
    }
    return Cues((f"has_{a}" for a in _anchors(args, mentions)), checks)


def cues_of(tokens: tuple[Token, ...], hit: TriggerHit, args, mentions: Sequence[Mention],
            where: Where = Where()) -> frozenset[str]:
    """Every cue of one candidate: the classes it may belong to and the particulars it has.

    ``args`` are the trigger's arguments (:class:`~pipeline.events.arguments.Found`).
    """
    return read_cues(tokens, hit, args, mentions, where).complete()


def decide_by_rules(cues: frozenset[str]) -> str:
    """The label the rules give a candidate's cues: the first class that fires.

    A particular person, or a day or month, keeps a candidate specific against the weaker
    cues of habit, statistics and genericity (``в 2013 году Иванов был осужден``).

    >>> decide_by_rules(frozenset({"modal", "has_person"}))
    'modal'
    >>> decide_by_rules(frozenset({"statistic", "noun"})), decide_by_rules(frozenset({"statistic", "has_person"}))
    ('statistical', 'specific')
    """
    return rule_of(cues)[0]


def rule_of(cues: frozenset[str]) -> tuple[str, str]:
    """(label, the rule that gave it): :func:`decide_by_rules` with the name of the branch that
    fired, for tracing what the realis step rejects (:mod:`~pipeline.events.suppressed`).

    >>> rule_of(frozenset({"punished", "past"}))
    ('hypothetical', 'punished')
    """
    particular = bool(cues & {"has_person", "has_person_word", "has_date_day", "possessed"})
    if "endnote" in cues:
        return "endnote", "endnote"
    if "table_row" in cues:
        return "statistical", "table_row"
    if fired := cues & {"conditional", "future", "memorial", "alleged", "punished"}:
        return "hypothetical", "+".join(sorted(fired))
    if "modal" in cues:
        return "modal", "modal"
    if "norm" in cues:
        return "norm", "norm"
    # "закон запрещает задерживать", "полиция вправе задерживать": an infinitive a rule forbids or allows
    if "normative" in cues:
        return "norm", "normative infinitive"
    # "материалов, угрожающих безопасности": a property; "Петрова, находящегося в СИЗО": his custody
    if "property" in cues and not cues & {"has_person", "qualifies_person"}:
        return "generic", "property"
    if "names_people" in cues and not particular:
        return "generic", "names_people"
    if "standing_role" in cues:
        return "generic", "standing_role"  # "адвокат обвиняемого Петрова": a role held, named, is no charge told
    if "status" in cues and not cues & {"has_date_day", "has_date_year"}:
        return "generic", "status"  # "запрещенной организации": a standing status, not a ruling told
    if fired := cues & {"generic_present", "habitual"}:
        return "habitual", "+".join(sorted(fired))
    if {"present", "generic_subject"} <= cues and not particular:
        return "habitual", "present generic subject"
    # a present with nothing particular, its participants plural or generic: what goes on or what a
    # rule provides ("первокурсникам угрожают исключением", "наказание составляет до трех лет
    # лишения свободы"), not a happening. A narrative present, a headline or a state names its
    # people, one participant, an exact term or amount, or "сегодня"; a noun's own past participle
    # tells its happening as past ("оспаривает штраф, назначенный ...")
    if "present" in cues and not (particular or cues & {
            "has_date_year", "has_place", "has_count", "summing", "told_of_someone", "one_participant",
            "own_past", "exact_value", "deictic_present"}):
        return "habitual", "present, nothing particular"
    if "frequency" in cues and not (particular or "has_place" in cues):
        return "habitual", "frequency"
    # "в Москве неоднократно проходили митинги": many happenings of a kind, wherever and whenever
    if "recurring" in cues and not cues & {"has_person", "possessed"}:
        return "habitual", "recurring"
    if (fired := cues & {"statistic", "share_of_number"}) and not (particular or "has_place" in cues):
        return "statistical", "+".join(sorted(fired))
    # verdicts or people counted by a law's article over a year: "в 2013 году по этим статьям осуждены 40 человек"
    if "by_article" in cues and cues & {"has_count", "counted", "counted_in_phrase"} and not particular:
        return "statistical", "by_article"
    # happenings counted, not told ("произошло 42 нападения", "в семи случаях"), unless a summary of
    # told ones; a numeral that counts people ("трое получили штрафы") is the happening's count
    if ("cases_counted" in cues or {"counted"} == cues & {"counted", "has_count"}) \
            and not (particular or "summing" in cues):
        return "statistical", "cases_counted" if "cases_counted" in cues else "counted"
    # a count of people befallen over a period or a year, no one, no day, no place named: "за год
    # приговорены более ста активистов", "в 2019 году были осуждены 25 человек"
    # (the actor, if any, a class: "суды осудили 60 человек", not "полиция задержала троих"); a
    # summary of told happenings ("Всего за месяц ... арестованы 22 человека") is their aggregate.
    # A year alone dates a happening as well as a tally: it tallies only many or vaguely many
    # ("в 2019 году задержаны двое журналистов" is told, whoever they are)
    over = "over_period" in cues or "year_only" in cues and "large_count" in cues
    if "count_patient" in cues and over and not (particular or cues & {"has_place", "summing"}) \
            and ("has_actor" not in cues or "generic_subject" in cues):
        return "statistical", "tally"
    if "generic_plural" in cues:
        return "generic", "generic_plural"
    # a bare plural subject names a class only when not told as done once ("омоновцы избили его")
    if cues & {"generic_subject", "generic_determiner"} and not particular \
            and not {"past", "perfective"} <= cues:
        return "generic", "generic subject or determiner"
    # a case card's field line ("Мера пресечения — арест") is told of the case the card is about
    told = cues & {"has_person", "has_person_word", "has_date_day", "has_date_year", "has_place",
                   "has_count", "has_amount", "has_term", "possessed", "card_field"}
    if "noun" in cues and not told and not cues & {"past", "own_past"}:
        return "generic", "bare noun"
    # nothing tells it: no tense, no verb form, no particular (a trigger word the parser
    # could not place in a clause, deep in a list or a heading)
    if not told and not cues & {"past", "present", "future", "participle", "infinitive", "summing"}:
        return "generic", "nothing tells it"
    return SPECIFIC, SPECIFIC


@cache
def classifier() -> dict | None:
    """The trained weights of ``models/realis_classifier.json``, if it exists and is enabled."""
    try:
        model = load_json("realis_classifier.json")
    except FileNotFoundError:
        return None
    return model if model.get("enabled") else None


def probability(cues: frozenset[str], model: dict) -> float:
    """P(specific) of a logistic regression over the cues and the rules' label."""
    return linear.probability(model, cues | {f"rule_{decide_by_rules(cues)}"})


def decide(cues: frozenset[str]) -> Judgement:
    """The realis decision: the classifier's when one is enabled, else the rules'.

    The label of a candidate the classifier finds not specific is the rules' class, or
    ``generic`` when the rules found it specific."""
    label = decide_by_rules(cues)
    model = classifier()
    if model is None:
        return Judgement(label, cues)
    p = probability(cues, model)
    if p >= model["threshold"]:
        return Judgement(SPECIFIC, cues, p)
    return Judgement(label if label != SPECIFIC else "generic", cues, p)


def judge(tokens: tuple[Token, ...], hit: TriggerHit, args, mentions: Sequence[Mention],
          where: Where = Where(), persons: PersonSpans | None = None, every_cue: bool = True) -> Judgement:
    """Whether one candidate tells a specific happening, and why not if it does not.

    Without ``every_cue`` the rules read only the cues they need, and the judgement keeps those
    that fire (enough for :func:`rule_of`); the classifier, when enabled, reads every cue."""
    cues = read_cues(tokens, hit, args, mentions, where, persons)
    if every_cue or classifier() is not None:
        return decide(cues.complete())
    return Judgement(decide_by_rules(cues), cues.fired())
