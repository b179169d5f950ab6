"""Event triggers: words of a sentence matched against the lexicon in models/.

A sentence is parsed once with natasha (morphology and dependency syntax); its
tokens are kept as plain :class:`Token` records with pymorphy3 lemmas, so the
natasha objects never leave this module. Triggers are matched by lemma
(``models/triggers.jsonl``); each entry's context rules decide the event type
or veto it. A word pymorphy3 does not know is matched one letter away from a
trigger lemma (``предуредили``), as testimony is often typed in haste. Negation is
read by :mod:`pipeline.events.syntax`; whether a candidate tells a specific happening
at all (not a law, a habit, a statistic, a hypothesis) is the realis step's
(:mod:`pipeline.events.realis`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from razdel import tokenize
from slovnet.markup import parse_conll_tag

from ..nlp import Models, morph_analyzer, parse_word, tag_and_parse
from ..records import Sentence
from ..resources import fold, lexicon_index, load_json, load_jsonl
from ..segment import cut_long
from ..tag.gazetteer import place_kind
from .suppressed import is_recording, note
from .syntax import PLACE_IN, PlacedMention, Token, folded_set, heads_up, is_indefinite_personal, is_negated, lemmas_of


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A matched trigger: its type, tokens, and whether it is negated."""

    type: str
    tokens: tuple[int, ...]  # token indices of every part, in order
    anchor: int  # token index of the syntactic head of the trigger
    negated: bool
    start: int  # clean-text span from the first to the last part
    end: int


# Sentences tagged and parsed at once: enough for natasha's batches to pay off,
# few enough that memory stays flat however long the document is; a window also
# closes at PARSE_WINDOW_TOKENS words, however few sentences hold them.
PARSE_WINDOW = 256
PARSE_WINDOW_TOKENS = 16_384
# The parser scores every pair of words of what it is given (time and memory grow
# with the square of its length): a longer sentence (a list of 5,000 names) is
# parsed in pieces of at most this many words, cut after a comma or semicolon.
MAX_PARSE_TOKENS = 400


def parse_sentences(sentences: Sequence[Sentence], models: Models) -> Iterator[tuple[Token, ...]]:
    """Tokens of many sentences, in order, tagged and parsed in batches of similar length.

    Sentences are parsed a window at a time, sorted by length within it so a
    batch pads little: about four times faster than a natasha ``Doc`` per
    sentence, with the same tags and heads.
    """
    window: list[tuple[Sentence, list]] = []
    size = 0
    for sentence in sentences:
        window.append((sentence, list(tokenize(sentence.text))))  # razdel's, as natasha's segmenter gives them
        size += len(window[-1][1])
        if len(window) == PARSE_WINDOW or size >= PARSE_WINDOW_TOKENS:
            yield from _parse_window(window, models)
            window, size = [], 0
    if window:
        yield from _parse_window(window, models)


def _parse_window(window: Sequence[tuple[Sentence, list]], models: Models) -> list[tuple[Token, ...]]:
    pieces = [(i, piece) for i, (_, spans) in enumerate(window) for piece in cut_long(spans, MAX_PARSE_TOKENS) if piece]
    order = sorted(range(len(pieces)), key=lambda k: len(pieces[k][1]))
    words = [[t.text for t in pieces[k][1]] for k in order]
    markup: list = [None] * len(pieces)
    for k, parsed in zip(order, tag_and_parse(words, models)):
        markup[k] = parsed
    # a sentence's pieces back together, each piece's root a root of the sentence
    tags: list[list[str]] = [[] for _ in window]
    trees: list[list[tuple[int, str]]] = [[] for _ in window]
    for (i, piece), parsed in zip(pieces, markup):
        offset = len(trees[i])
        tags[i] += [tag for tag, _, _ in parsed]
        trees[i] += [(offset + head if head >= 0 else -1, rel) for _, head, rel in parsed]
    return [_adapt(sentence, spans, tags[i], trees[i]) if spans else ()
            for i, (sentence, spans) in enumerate(window)]


def acyclic_heads(heads: Sequence[int]) -> list[int]:
    """Each token's head (-1 for a root) with every cycle broken: the parser does not promise
    a tree, and every walk up the heads (``while token.head >= 0``) would never end on a cycle.
    The token at which a walk first comes back to itself becomes a root.

    >>> acyclic_heads([1, 2, 0, -1])
    [1, 2, -1, -1]
    >>> acyclic_heads([-1, 0, 3, 2, 3])
    [-1, 0, 3, -1, 3]
    """
    heads = [h if 0 <= h < len(heads) and h != i else -1 for i, h in enumerate(heads)]
    done: set[int] = set()
    for start in range(len(heads)):
        path: list[int] = []
        on_path: set[int] = set()
        current = start
        while current >= 0 and current not in done:
            if current in on_path:
                heads[path[-1]] = -1  # the last step closed the cycle: its token is a root
                break
            path.append(current)
            on_path.add(current)
            current = heads[current]
        done.update(path)
    return heads


def _adapt(sentence: Sentence, spans, tags: Sequence[str], trees: Sequence[tuple[int, str]]) -> tuple[Token, ...]:
    """natasha's markup of one sentence as plain :class:`Token` records (``tags``: each token's
    morphology tag; ``trees``: its head, by index, and relation)."""
    tokens = []
    heads = acyclic_heads([head for head, _ in trees])
    for i, (span, tag, (_, rel)) in enumerate(zip(spans, tags, trees)):
        head = heads[i]
        pos, feats = _reading(tag)
        tokens.append(
            Token(
                index=i,
                start=sentence.start + span.start,
                end=sentence.start + span.stop,
                text=span.text,
                lemmas=word_lemmas(span.text),
                pos=pos,
                head=head if head != i else -1,
                rel=rel or "",
                feats=feats,
            )
        )
    # only a passive can have a partner (:func:`passive_partners`): the other words skip the call
    return tuple(_with_passive_partner(tokens, token) if "Voice=Pass" in token.feats else token for token in tokens)


def _with_passive_partner(tokens: Sequence[Token], token: Token) -> Token:
    """A token of an imperfective ``-ся`` passive also carries the transitive trigger verb it
    is made from (``задерживался на пикете`` is ``задерживать``'s passive); only where the
    parser reads the passive and someone is said to undergo or do it (an animate subject, or
    an animate agent in the instrumental): ``поезд задерживался`` is only late."""
    partners = passive_partners(token.lemmas, token.feats)
    if not partners:
        return token
    own = [t for t in tokens if t.head == token.index]
    undergone = any(t.rel.startswith("nsubj") and ("Animacy=Anim" in t.feats or t.pos in {"PRON", "PROPN"})
                    for t in own)
    done_by = any(t.rel.startswith("obl") and "Case=Ins" in t.feats and "Animacy=Anim" in t.feats for t in own)
    return replace(token, lemmas=token.lemmas | partners) if undergone or done_by else token


def passive_partners(lemmas: frozenset[str], feats: frozenset[str]) -> frozenset[str]:
    """The trigger verbs an imperfective passive in ``-ся`` is made from, when the parser
    reads the passive voice (``задерживаться`` is also "to stay late").

    >>> sorted(passive_partners(frozenset({"задерживаться"}), frozenset({"Voice=Pass", "Aspect=Imp"})))
    ['задерживать']
    >>> passive_partners(frozenset({"задерживаться"}), frozenset({"Voice=Mid", "Aspect=Imp"}))
    frozenset()
    """
    if "Voice=Pass" not in feats or "Aspect=Imp" not in feats:
        return frozenset()
    return frozenset(lemma[:-2] for lemma in lemmas if lemma.endswith("ся") and lemma[:-2] in trigger_index())


@cache
def _reading(tag: str) -> tuple[str, frozenset[str]]:
    """A morphology tag as its part of speech and its features as "Key=Value" strings, read as
    natasha reads it (slovnet's ``parse_conll_tag``), once per tag: a few hundred tags cover
    every word.

    >>> pos, feats = _reading("VERB|Aspect=Perf|Voice=Pass")
    >>> pos, sorted(feats)
    ('VERB', ['Aspect=Perf', 'Voice=Pass'])
    >>> _reading("PUNCT")
    ('PUNCT', frozenset())
    """
    pos, feats = parse_conll_tag(tag)
    return pos or "", frozenset(f"{k}={v}" for k, v in feats.items())


def _one_edit(a: str, b: str) -> bool:
    """Two words one insertion, deletion or substitution apart.

    >>> _one_edit("предуредить", "предупредить"), _one_edit("штраф", "штрафы")
    (True, True)
    """
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :] or (len(a) == len(b) and a[i + 1 :] == b[i + 1 :])


def aspect_partners(lemma: str) -> set[str]:
    """Perfectives a secondary imperfective is made from (``-ывать``/``-ивать``), among
    the trigger lemmas: the lexicon may list one aspect and the text tell the other.

    >>> sorted(aspect_partners("измазывать")), sorted(aspect_partners("закидывать"))
    (['измазать'], ['закидать'])
    >>> aspect_partners("рассказывать")
    set()

    Only an imperfective is one (pymorphy3's aspect): ``побывать`` ('to visit') is perfective
    and made from no ``побить``.

    >>> aspect_partners("побывать")
    set()
    """
    if not lemma.endswith(("ывать", "ивать")):
        return set()
    if not any(p.tag.POS == "INFN" and "impf" in p.tag for p in parse_word(lemma)):
        return set()
    stem = lemma[:-5]
    return {form for form in (stem + "ать", stem + "ить") if form in trigger_index()}


@cache
def word_lemmas(word: str) -> frozenset[str]:
    """Lemmas of a word, with the perfective partners of an imperfective trigger
    (:func:`aspect_partners`); an unknown word of 7+ letters also gets the trigger lemma one
    letter away from one of its guessed lemmas (a typo: ``предуредили``)."""
    lemmas = lemmas_of(word)
    partners = set().union(*(aspect_partners(lemma) for lemma in lemmas))
    lemmas = lemmas | partners if partners else lemmas
    folded = fold(word)
    if len(folded) < 7 or not folded.isalpha() or morph_analyzer().word_is_known(folded):
        return lemmas
    by_length = _long_trigger_keys()
    near = {key for lemma in lemmas for n in (len(lemma) - 1, len(lemma), len(lemma) + 1)
            for key in by_length.get(n, ()) if _one_edit(lemma, key)}
    return lemmas | near


@lexicon_index
def _long_trigger_keys() -> dict[int, tuple[str, ...]]:
    """The trigger lemmas of 7+ letters by their length: a word is one edit from a lemma
    only if their lengths differ by one at most, so a typo is tried against those alone."""
    by_length: dict[int, list[str]] = defaultdict(list)
    for key in trigger_index():
        if len(key) >= 7:
            by_length[len(key)].append(key)
    return {n: tuple(keys) for n, keys in by_length.items()}


def may_trigger(words: list[str]) -> bool:
    """Cheap test before parsing: do the words hold every lemma of some trigger?

    >>> may_trigger("Полиция задержала двоих".split()), may_trigger("Шел дождь".split())
    (True, False)
    """
    present = frozenset().union(*map(word_lemmas, words)) if words else frozenset()
    present |= {lemma[:-2] for lemma in present if lemma.endswith("ся")}  # a passive's verb, maybe
    return any(
        set(entry["parts"]) <= present
        for key in trigger_index().keys() & present
        for entry in trigger_index()[key]
    )


# The last consonants of a verb stem and what they become before a deverbal noun's
# ``-ение`` (``освободить`` -> ``освобождение``, ``находиться`` -> ``нахождение``,
# ``осветить`` -> ``освещение``, ``выразить`` -> ``выражение``, ``оставить`` -> ``оставление``).
_ALTERNATIONS = (("ст", ("щ",)), ("д", ("жд", "ж")), ("т", ("щ", "ч")), ("з", ("ж",)), ("с", ("ш",)),
                 ("б", ("бл",)), ("в", ("вл",)), ("п", ("пл",)), ("м", ("мл",)), ("ф", ("фл",)))


def _noun_candidates(verb: str) -> list[str]:
    """Deverbal nouns a verb's infinitive may make, before the dictionary is asked."""
    base = verb[:-2] if verb.endswith(("ся", "сь")) else verb
    found = []
    for ending, noun in (("овать", "ование"), ("евать", "евание"), ("ать", "ание"), ("ять", "яние"),
                         ("еть", "ение"), ("ыть", "ытие")):
        if base.endswith(ending):
            found.append(base[: -len(ending)] + noun)
    if base.endswith("ить"):
        stem = base[:-3]
        found += [stem + "ение", stem + "иение"]  # "обвинение"; "избиение"
        for last, changed in _ALTERNATIONS:
            if stem.endswith(last):
                found += [stem[: -len(last)] + c + "ение" for c in changed]
                break
    return found


@cache
def deverbal_nouns(verb: str) -> tuple[str, ...]:
    """The nouns of action pymorphy3's dictionary holds for a verb (``пребывать`` ->
    ``пребывание``): the lexicon lists a verb once and the text may tell it by its noun.

    >>> deverbal_nouns("находиться"), deverbal_nouns("помиловать"), deverbal_nouns("освободить")
    (('нахождение',), ('помилование',), ('освобождение',))
    >>> deverbal_nouns("избить"), deverbal_nouns("арестовать")
    (('избиение',), ())
    """
    analyzer = morph_analyzer()
    return tuple(noun for noun in dict.fromkeys(_noun_candidates(verb))
                 if analyzer.word_is_known(noun)
                 and any(p.tag.POS == "NOUN" and fold(p.normal_form) == noun for p in parse_word(noun)))


def _each_condition(entry: dict, change) -> dict:
    """The entry with ``change`` made to each of its conditions (``needs``, ``block``, ``rules``)."""
    changed = dict(entry)
    if "needs" in entry:
        changed["needs"] = change(entry["needs"])
    if "block" in entry:
        changed["block"] = [change(cond) for cond in entry["block"]]
    if "rules" in entry:
        changed["rules"] = [{**rule, "if": change(rule["if"])} for rule in entry["rules"]]
    return changed


def with_shared_lists(cond: dict) -> dict:
    """A condition with each ``"@name"`` read as the word list of that name in
    ``models/trigger_lists.json``, kept once for the conditions that share it."""
    return {key: shared_list(value[1:]) if isinstance(value, str) and value.startswith("@") else value
            for key, value in cond.items()}


@cache
def shared_list(name: str) -> list[str]:
    return load_json("trigger_lists.json")[name]


def _with_nominal_heads(entry: dict) -> dict:
    """A ``nominal`` entry whose ``head`` conditions also take the verbs' nouns of action
    (``находиться в сизо`` and ``нахождение ... в СИЗО`` alike)."""
    def widen(cond: dict) -> dict:
        if "head" not in cond:
            return cond
        nouns = [noun for verb in cond["head"] for noun in deverbal_nouns(fold(verb))]
        return {**cond, "head": list(dict.fromkeys([*cond["head"], *nouns]))}
    return _each_condition(entry, widen)


@cache
def trigger_index() -> dict[str, tuple[dict, ...]]:
    """Lexicon entries keyed by the lemma of their first part.

    An entry marked ``nominal`` also matches with its verb told by the verb's noun of
    action (:func:`deverbal_nouns`; ``находиться в сизо`` -> ``нахождение в сизо``), with
    the same type and conditions, unless the lexicon lists that noun phrase itself."""
    entries = []
    for entry in load_jsonl("triggers.jsonl"):
        entry = _each_condition(entry, with_shared_lists)
        if entry.get("nominal"):
            entry = _with_nominal_heads(entry)
        entries.append({**entry, "parts": tuple(fold(entry["lemma"]).split())})
    listed = {entry["parts"] for entry in entries}
    for entry in list(entries):
        if entry.get("nominal"):
            for noun in deverbal_nouns(entry["parts"][0]):
                parts = (noun, *entry["parts"][1:])
                if parts not in listed:
                    listed.add(parts)
                    entries.append({**entry, "lemma": " ".join(parts), "parts": parts, "derived_from": entry["lemma"]})
    index: dict[str, list[dict]] = defaultdict(list)
    for entry in entries:
        index[entry["parts"][0]].append(entry)
    return {key: tuple(entries) for key, entries in index.items()}


@lexicon_index
def person_patient_lemmas() -> frozenset[str]:
    """Lemmas of one-word triggers whose lexicon entry says what they tell always befalls a person
    (``"patient": "person"``: ``уволить``, ``отчислить``), never a thing."""
    return frozenset(parts[0] for entries in trigger_index().values() for entry in entries
                     if entry.get("patient") == "person" and len(parts := entry["parts"]) == 1)


@cache
def actor_names() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(lemma parts, canonical actor) pairs, longest names first."""
    pairs = [
        (tuple(fold(name).split()), actor)
        for actor, names in load_json("actors.json").items()
        if not actor.startswith("_")
        for name in names
    ]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _actor_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Actor names keyed by their first lemma, longest first."""
    index: dict[str, list] = defaultdict(list)
    for parts, actor in actor_names():
        index[parts[0]].append((parts, actor))
    return {key: tuple(pairs) for key, pairs in index.items()}


def find_actors(tokens: tuple[Token, ...]) -> dict[int, str]:
    """Token index -> canonical actor for words naming one (``ОМОНа`` -> police)."""
    found: dict[int, str] = {}
    index = _actor_index()
    for i, token in enumerate(tokens):
        names = [pair for lemma in token.lemmas for pair in index.get(lemma, ())]
        for parts, actor in sorted(names, key=lambda pair: -len(pair[0])):
            if i + len(parts) <= len(tokens) and all(
                part in tokens[i + k].lemmas for k, part in enumerate(parts)
            ):
                found.setdefault(i + len(parts) - 1, actor)
                break
    return found


_CORE_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj"})
ABROAD = "abroad"  # a mark on the tokens of a place abroad, beside the mention types


def is_abroad(name: str) -> bool:
    """A country or city the gazetteer knows outside the countries whose places it lists one
    by one (``models/gazetteer_places.csv`` gives those, their regions, such as ``Сибирь``, and
    the former state that held them, ``СССР``: SU of ISO 3166-3, a country code; the world
    beyond none): news told from there (``арестован в Лиссабоне``) tells a capture, not a
    remand. A region with no code spans a border (``Кавказ``, ``Средняя Азия``): not abroad.

    >>> [is_abroad(p) for p in ("Лиссабон", "Москва", "Алматы", "Сибирь", "Кавказ", "СССР")]
    [True, False, False, False, False, False]
    """
    kind = place_kind(name)
    return kind is not None and not kind[1] and kind[0] != "region"


class _Context:
    """What a condition may look at around one candidate trigger."""

    def __init__(self, tokens, hit_tokens, anchor, mention_tokens, actors):
        self.tokens, self.hit, self.anchor = tokens, hit_tokens, anchor
        self.mention_tokens, self.actors = mention_tokens, actors

    def linked(self) -> list[int]:
        """The words the trigger is said of, however far apart: the noun a participle
        qualifies (``дело ..., возбужденное в 2012 году``: its head) and the verb's subject
        or object (``дело ... было возбуждено``)."""
        found = [h for h in heads_up(self.tokens, self.anchor, 1)
                 if self.tokens[self.anchor].rel in {"acl", "amod", "acl:relcl"}]
        found += [t.index for t in self.tokens if t.head == self.anchor and t.rel in _CORE_RELATIONS]
        # "их раздели и били": a verb conjoined to another, with no object of its own, shares its object
        anchor = self.tokens[self.anchor]
        if anchor.rel == "conj" and anchor.head >= 0 and not any(
                t.head == self.anchor and t.rel == "obj" for t in self.tokens):
            found += [t.index for t in self.tokens if t.head == anchor.head and t.rel == "obj"]
        return found

    def attributive(self) -> bool:
        """The trigger is a participle qualifying a noun (``выдвинутые обвинения``): it names
        the thing by what was done to it, it does not tell the doing."""
        token = self.tokens[self.anchor]
        return token.rel in {"amod", "acl"} and "Variant=Short" not in token.feats and _participle(token, "PRTF")

    def agentless_passive(self) -> bool:
        """A short passive participle with no one said to have done it (``был вынужден уйти``:
        "had to", no one forced him that the text names)."""
        token = self.tokens[self.anchor]
        if "Variant=Short" not in token.feats or not _participle(token, "PRTS"):
            return False
        return not any(t.head == self.anchor and (t.rel == "obl:agent" or (
            t.rel == "obl" and "Case=Ins" in t.feats and "Animacy=Anim" in t.feats)) for t in self.tokens)

    def private_subject(self) -> bool:
        """The trigger's subject is a private person: a named person or a person named by a
        noun (``политолог``, ``адвокат``) that names no body and no official (``следователи``,
        ``прокуратура``, ``судья`` do), itself or by its appositive or genitive
        (:meth:`_holds_office`): what such a person says of another is no act of the state
        against them (``политолог обвинил мэра`` brings no charge)."""
        officials = folded_set("official_nouns")
        verb_number = {f for f in self.tokens[self.anchor].feats if f.startswith("Number=")}
        for t in self.tokens:
            if t.head != self.anchor or t.rel != "nsubj":
                continue
            number = {f for f in t.feats if f.startswith("Number=")}
            if verb_number and number and verb_number != number:
                continue  # "Петрову ... обвиняют": a singular the parser hung on a plural verb is its object
            if any(f.startswith("Case=") for f in t.feats) and "Case=Nom" not in t.feats:
                continue  # a subject is nominative: "в гибели журналистов" names no accuser
            if self.actors.get(t.index) is not None or t.lemmas & officials or self._holds_office(
                    t.index, officials):
                return False
            if "PER" in self.mention_tokens.get(t.index, set()) or (
                    t.pos == "NOUN" and "Animacy=Anim" in t.feats):
                return True
        return False

    def _holds_office(self, subject: int, officials: frozenset[str]) -> bool:
        """The subject is named an official by what depends on it: an appositive
        (``Иван Кравцов, прокурор района``; the parser may hang it as a conjunct) or a
        genitive (``председатель Следственного комитета``, ``глава администрации``), two steps
        down at most, that is an official noun or a body of the state (an actor: ``полиции``,
        ``Следственного комитета``); not any organisation (``адвокат правозащитного центра``)."""
        below = [subject]
        for _ in range(2):
            below = [t.index for t in self.tokens
                     if t.head in below and t.rel in {"appos", "conj", "nmod", "flat:name"}]
            if any(self.tokens[i].lemmas & officials or self.actors.get(i) is not None for i in below):
                return True
        return False

    def abroad(self) -> bool:
        """The trigger is told where it happened, in a place abroad (``арестован в Лиссабоне``):
        a place the trigger governs (or, for a participle, the noun it qualifies governs)."""
        own = {self.anchor} | ({self.tokens[self.anchor].head} if self.tokens[self.anchor].rel in {"acl", "amod"} else set())
        return any(t.head in own and t.rel == "obl" and ABROAD in self.mention_tokens.get(t.index, set())
                   for t in self.tokens)

    def thing_object(self) -> bool:
        """The trigger's direct object is a thing, an inanimate noun naming no person
        (``увезли ноутбуки``, ``забрали вещи``): what is taken away is no one detained.
        Animacy as natasha's morphology tags it."""
        return any(t.head == self.anchor and t.rel == "obj" and t.pos == "NOUN"
                   and "Animacy=Inan" in t.feats and "PER" not in self.mention_tokens.get(t.index, set())
                   for t in self.tokens)

    def holds_a_thing(self, nouns: Sequence[str], window: int) -> bool:
        """A noun of ``nouns`` in the trigger or just after it is said of a thing, an inanimate
        noun naming no person, in the genitive or after ``на`` (``арест имущества``, ``наложил
        арест на счета``): an arrest of property is no custody of anyone. Animacy as natasha's
        morphology tags it; for ``на`` the thing may hang on the verb the noun is the object of."""
        tokens, wanted = self.tokens, {fold(x) for x in nouns}
        span = [*self.hit, *range(self.hit[-1] + 1, min(len(tokens), self.hit[-1] + 1 + window))]
        for i in dict.fromkeys(span):
            if not tokens[i].lemmas & wanted:
                continue
            owners = {i} | ({tokens[i].head} if tokens[i].rel == "obj" else set())
            for t in tokens:
                # a person, or a span of time ("арест на 10 суток", "на два месяца", "на срок до
                # тридцати суток"): what the arrest lasts, not what it holds; counted things stay
                # things ("арест на два автомобиля")
                spans = {"TERM", "DATE"}
                if t.pos != "NOUN" or "Animacy=Inan" not in t.feats or t.index <= i \
                        or self.mention_tokens.get(t.index, set()) & (spans | {"PER"}) \
                        or any(c.head == t.index and self.mention_tokens.get(c.index, set()) & spans for c in tokens):
                    continue
                on = any(c.head == t.index and c.rel == "case" and c.lemmas & {"на"} for c in tokens)
                if (t.head == i and t.rel == "nmod" and "Case=Gen" in t.feats) or (t.head in owners and on):
                    return True
        return False

    def infinitives(self) -> list[int]:
        """The infinitives the trigger governs: what is banned or ordered (``запретили
        занимать должности``)."""
        return [t.index for t in self.tokens
                if t.head == self.anchor and t.rel in {"xcomp", "ccomp", "csubj", "csubj:pass", "obj"}
                and "VerbForm=Inf" in t.feats]

    def threat(self, harms: Sequence[str], groups: Sequence[str], window: int) -> bool:
        """A harm of ``harms`` is told after the trigger, not negated (``проблем ... не будет`` is a
        promise), befalling a person: one named as the harm's target (``у её детей``, ``его уволят``,
        ``пострадают родные``; a person, a pronoun, a name, or a noun of ``groups`` such as
        ``семья``), or, when none is named, the one told it (``сказал активисту``); and the speaker
        is not of that side (``relation_nouns``: a lawyer's or a relative's forecast is no threat)."""
        tokens, wanted = self.tokens, {fold(x) for x in harms}
        stop = min(len(tokens), self.hit[-1] + 1 + window)
        found = [i for i in range(self.hit[-1] + 1, stop) if tokens[i].lemmas & wanted and not is_negated(tokens, i)]
        if not found:
            return False
        own_side = folded_set("relation_nouns")
        speaker = self._said_by()
        if speaker is not None and tokens[speaker].lemmas & own_side:
            return False
        targets = [t for h in found for t in self._befallen(h)]
        if targets:
            return any(self._is_person(t, {fold(x) for x in groups}) for t in targets)
        return self._addressee() is not None

    def _said_by(self) -> int | None:
        """The subject of the verb of saying (or of the verb it is coordinated with)."""
        verb = self.anchor
        for _ in range(2):
            subject = next((t.index for t in self.tokens if t.head == verb and t.rel.startswith("nsubj")), None)
            if subject is not None or self.tokens[verb].rel != "conj":
                return subject
            verb = self.tokens[verb].head
        return None

    def _addressee(self) -> int | None:
        """Whom the words were said to: a dative of the verb of saying, or of the verb it is
        coordinated with (``позвонил её отцу и предупредил``)."""
        verbs = {self.anchor} | ({self.tokens[self.anchor].head} if self.tokens[self.anchor].rel == "conj" else set())
        return next((t.index for t in self.tokens if t.head in verbs and (
            t.rel == "iobj" or (t.rel == "obl" and "Case=Dat" in t.feats))), None)

    def _befallen(self, harm: int) -> list[int]:
        """Who a harm is said to befall: the one ``у`` whom it will be (``у семьи будут
        проблемы``), the harm verb's object or subject (``его уволят``, ``пострадают родные``), or
        a dative (``ему будет плохо``)."""
        tokens = self.tokens
        found = []
        for i in range(max(self.hit[-1] + 1, harm - 4), min(len(tokens), harm + 3)):
            if tokens[i].lemmas & {"у"} and tokens[i].pos == "ADP":
                j = i + 1
                while j < len(tokens) and tokens[j].pos in {"ADJ", "DET"}:
                    j += 1
                if j < len(tokens):
                    found.append(j)
        found += [t.index for t in tokens if t.head == harm and (
            t.rel in {"obj", "nsubj", "nsubj:pass", "iobj"} or "Case=Dat" in t.feats)
            and t.pos in {"NOUN", "PROPN", "PRON", "DET", "ADJ"}]
        return found

    def _is_person(self, index: int, groups: set[str]) -> bool:
        """The word names a person or people: a pronoun, a name, an animate noun, a relative, or a
        noun of ``groups`` (``семья``: inanimate to the tagger, people to the threat)."""
        token = self.tokens[index]
        return token.pos in {"PRON", "PROPN"} or "Animacy=Anim" in token.feats or bool(
            token.lemmas & (groups | folded_set("relation_nouns"))) or "PER" in self.mention_tokens.get(index, set())

    def owned_by(self) -> bool:
        """The trigger noun has one person as its owner: a party or official of the case, or any
        animate common noun, in the genitive singular (``протесты адвоката``, ``протесты защиты``,
        ``протесты подсудимого``) or a singular personal possessive (``его протесты``);
        ``models/event_context.json`` ``_comment_objection_owners``. A genitive with its own
        preposition (``протесты против губернатора``), a name (``протесты Навального``), a group's
        plural possessive (``их протесты``) and ``свой`` own none."""
        nouns, possessives = folded_set("objection_owner_nouns"), folded_set("objection_owner_possessives")
        for t in self.tokens:
            if t.head != self.anchor or t.rel not in {"nmod", "det", "nmod:poss"}:
                continue
            if any(c.head == t.index and c.rel == "case" for c in self.tokens):
                continue
            if t.rel != "nmod" and t.lemmas & possessives:
                return True
            if t.rel == "nmod" and t.pos == "NOUN" and "Number=Plur" not in t.feats and (
                    t.lemmas & nouns or "Animacy=Anim" in t.feats):
                return True
        return False

    def holds(self, cond: dict) -> bool:
        window = cond.get("window", 6)
        first, last = self.hit[0], self.hit[-1]
        before = range(max(0, first - window), first)
        after = range(last + 1, min(len(self.tokens), last + 1 + window))
        around = list(before) + list(after)

        def has(span, lemmas):
            # a word with spaces is a phrase, word by word from a token of the span ("высокий мера")
            wanted = {fold(x) for x in lemmas if " " not in x}
            phrases = [fold(x).split() for x in lemmas if " " in x]
            return any(self.tokens[i].lemmas & wanted or any(
                i + len(p) <= len(self.tokens) and all(w in self.tokens[i + k].lemmas for k, w in enumerate(p))
                for p in phrases) for i in span)

        if "near" in cond and not has(around, cond["near"]):
            return False
        if "threat" in cond and not self.threat(cond["threat"], cond.get("threatened", ()), window):
            return False
        if "before" in cond and not has(before, cond["before"]):
            return False
        if "after" in cond and not has(after, cond["after"]):
            return False
        if "head" in cond and not has(heads_up(self.tokens, self.anchor), cond["head"]):
            return False
        if "linked" in cond and not has(self.linked(), cond["linked"]):
            return False
        if "complement" in cond and not has(self.infinitives(), cond["complement"]):
            return False
        if "infinitive" in cond and bool(self.infinitives()) != cond["infinitive"]:
            return False
        if "attributive" in cond and self.attributive() != cond["attributive"]:
            return False
        if "agentless_passive" in cond and self.agentless_passive() != cond["agentless_passive"]:
            return False
        if "private_subject" in cond and self.private_subject() != cond["private_subject"]:
            return False
        if "indefinite_personal" in cond and \
                is_indefinite_personal(self.tokens, self.anchor) != cond["indefinite_personal"]:
            return False
        if "governed_by" in cond and not has(heads_up(self.tokens, self.anchor, 1), cond["governed_by"]):
            return False  # the word it hangs on only: "head" climbs two steps, out of a content clause
        if "owned_by" in cond and not self.owned_by():
            return False
        if "plural" in cond and ("Number=Plur" in self.tokens[self.anchor].feats) != cond["plural"]:
            return False
        if "abroad" in cond and self.abroad() != cond["abroad"]:
            return False
        if "thing_object" in cond and self.thing_object() != cond["thing_object"]:
            return False
        if "held_thing" in cond and not self.holds_a_thing(cond["held_thing"], window):
            return False
        if "mentions" in cond:
            wanted = set(cond["mentions"])
            if not any(self.mention_tokens.get(i, set()) & wanted for i in around):
                return False
        if "actors" in cond and not any(self.actors.get(i) in cond["actors"] for i in around):
            return False
        if "agent" in cond and not any(  # "суд арестовал", "арестован судом": the doer itself
            self.actors.get(i) in cond["agent"] for i, t in enumerate(self.tokens)
            if t.head == self.anchor and t.rel in {"nsubj", "obl:agent"}
        ):
            return False
        return True


def _participle(token: Token, form: str) -> bool:
    """A participle by the tagger, or by pymorphy3 (``form``: PRTF full, PRTS short) where the
    tagger saw none: it calls a capitalised one opening a sentence a name (``Осуждённый в 2014
    году механик``), a short one before its copula or a lexicalised one an adjective
    (``вынуждена была``, ``вынужденного переезда``)."""
    if "VerbForm=Part" in token.feats:
        return True
    return not any(f.startswith("VerbForm=") for f in token.feats) \
        and any(form in p.tag for p in parse_word(fold(token.text)))


def condition_holds(tokens, hit: TriggerHit, cond: dict, mention_tokens=None, actors=None) -> bool:
    """Whether a lexicon condition (see ``models/triggers.jsonl``) holds around a hit."""
    context = _Context(tokens, hit.tokens, hit.anchor, mention_tokens or {}, actors or {})
    return context.holds(with_shared_lists(cond))


def _match_parts(tokens, start, parts, gap) -> tuple[int, ...] | None:
    matched, position = [start], start
    for part in parts[1:]:
        for j in range(position + 1, min(len(tokens), position + 2 + gap)):
            if part in tokens[j].lemmas:
                matched.append(j)
                position = j
                break
        else:
            return None
    return tuple(matched)


_LINKS = frozenset({"obj", "iobj", "obl", "nsubj:pass", "nsubj"})


def _match_through_parse(tokens, start, parts) -> tuple[int, ...] | None:
    """A verb phrase of the lexicon told in another order or apart (``приговор ... был
    вынесен``, ``к ответственности были привлечены``): the phrase's last word is a direct
    dependent of the verb (its object, subject or complement; not the noun a participle
    qualifies: ``приговоров, вынесенных за полгода`` names verdicts, it tells no ruling), and
    its other words are that noun's adjectives and preposition. The parts come back in the
    entry's order."""
    verb = tokens[start]
    if verb.pos not in {"VERB", "AUX"} or len(parts) < 2:
        return None
    last = parts[-1]
    nouns = [t.index for t in tokens if last in t.lemmas and t.index != start and t.head == start and t.rel in _LINKS]
    for n in nouns:
        own = [t for t in tokens if t.head == n]
        matched = [start]
        for part in parts[1:-1]:
            # the phrase's preposition is the noun's case marker, its other words the noun's
            # modifiers (the parse tells which is which)
            found = next((t.index for t in own if part in t.lemmas and t.index not in matched
                          and (t.rel == "case" if t.pos == "ADP" else t.rel in {"amod", "nmod", "compound"})), None)
            if found is None:
                break
            matched.append(found)
        else:
            return (*matched, n)
    return None


def find_triggers(
    tokens: tuple[Token, ...],
    placed: Sequence[PlacedMention] = (),
    actors: dict[int, str] | None = None,
) -> list[TriggerHit]:
    """Every trigger of one sentence, typed by its lexicon entry and context.

    ``placed`` are the sentence's mentions on its tokens (to test ``mentions``
    conditions). Overlapping matches keep the longest (``не допустить`` over ``допустить``).
    """
    actors = find_actors(tokens) if actors is None else actors
    mention_tokens: dict[int, set[str]] = defaultdict(set)
    for p in placed:
        abroad = p.mention.type == "LOC" and is_abroad(p.mention.normal or p.mention.text)
        for index in p.tokens:
            mention_tokens[index].add(p.mention.type)
            if abroad:
                mention_tokens[index].add(ABROAD)
    index = trigger_index()
    candidates: list[TriggerHit] = []
    vetoed: list[tuple[str, str, tuple[int, ...], str]] | None = [] if is_recording() else None
    for token in tokens:
        for lemma in token.lemmas:
            for entry in index.get(lemma, ()):
                hit = _match_parts(tokens, token.index, entry["parts"], entry.get("gap", 2))
                through_parse = hit is None
                if through_parse:
                    hit = _match_through_parse(tokens, token.index, entry["parts"])
                if hit is None:
                    continue
                typed = _decide(entry, tokens, hit, mention_tokens, actors, through_parse, vetoed)
                if typed is not None:
                    candidates.append(typed)
    candidates.sort(key=lambda h: (-(h.tokens[-1] - h.tokens[0] + len(h.tokens)), h.tokens[0]))
    chosen: list[TriggerHit] = []
    used: set[int] = set()
    for hit in candidates:
        if used.isdisjoint(hit.tokens):
            chosen.append(hit)
            used.update(hit.tokens)
    hits = _drop_objects_of_denials(tokens, sorted(chosen, key=lambda h: h.tokens[0]))
    hits = _drop_complements(tokens, hits)
    if vetoed is not None:
        _note_dropped(tokens, chosen, hits, vetoed)
    return hits


def _note_dropped(tokens, chosen: list[TriggerHit], hits: list[TriggerHit], vetoed) -> None:
    """Trace (:mod:`~pipeline.events.suppressed`) the lexicon matches a condition vetoed on
    words no trigger kept covers, and the triggers a sentence rule dropped."""
    used = {t for h in hits for t in h.tokens}
    seen = set()
    for rule, kind, parts, words in vetoed:
        if used.isdisjoint(parts) and (rule, kind, parts[0], parts[-1]) not in seen:
            seen.add((rule, kind, parts[0], parts[-1]))
            note(rule, kind, tokens[parts[0]].start, tokens[parts[-1]].end, words)
    kept = {id(h) for h in hits}
    for hit in chosen:
        if id(hit) not in kept:
            rule = ("trigger: penalty the complement of its ruling" if hit.type in folded_set("penalty_types")
                    and tokens[hit.anchor].pos == "NOUN" and not _drops_as_denied(tokens, chosen, hit)
                    else "trigger: object of a denial or replacement")
            note(rule, hit.type, hit.start, hit.end, tokens[hit.anchor].text)


def _drops_as_denied(tokens, chosen: list[TriggerHit], hit: TriggerHit) -> bool:
    return hit not in _drop_objects_of_denials(tokens, sorted(chosen, key=lambda h: h.tokens[0]))


def _drop_complements(tokens, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A penalty named as the complement of the ruling that imposes it (``приговорил к семи
    годам лишения свободы``, ``мог быть приговорен к лишению свободы``) is that ruling's
    telling, not a second one: the governing trigger of the same type tells it, and the
    realis step judges the governing verb (a ruling that only may come is none)."""
    anchors = {h.anchor: h for h in hits}
    kept = []
    for hit in hits:
        located = any(t.head == hit.anchor and t.rel == "case" and t.text.lower() in PLACE_IN for t in tokens)
        if tokens[hit.anchor].pos != "NOUN" or hit.type not in folded_set("penalty_types") or located:
            # only a penalty named by its noun is a complement; where it is served ("отбывает
            # срок в колонии") is no penalty named, and names the place
            kept.append(hit)
            continue
        governing = [anchors[g] for g in heads_up(tokens, hit.anchor, 3) if g in anchors and g not in hit.tokens]
        if any(g.type == hit.type and tokens[g.anchor].pos in {"VERB", "AUX"} for g in governing):
            continue
        kept.append(hit)
    return kept


_REPLACING = frozenset({"заменить", "заменять"})


def _drop_objects_of_denials(tokens, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A rally only banned or warned about ("запретила проведение акции") is told by
    the denial; the rally itself is not a happening of that sentence. A measure replaced
    by another ("условный срок заменен на реальный") is told by the replacement."""
    governing = {h.anchor for h in hits if h.type in {"permit_denied", "warning"}}
    governing |= {t for h in hits if h.type in {"permit_denied", "warning"} for t in h.tokens}
    # "заменил условный срок на реальный": the measure replaced is not a ruling of its own
    replacing = {h.anchor for h in hits if tokens[h.anchor].lemmas & _REPLACING}
    return [
        h for h in hits
        if (h.type != "protest" or governing.isdisjoint(heads_up(tokens, h.anchor, 3)))
        and (h.anchor in replacing or replacing.isdisjoint(heads_up(tokens, h.anchor, 2)))
    ]


def _decide(entry, tokens, hit, mention_tokens, actors, through_parse: bool,
            vetoed: list | None = None) -> TriggerHit | None:
    """The typed hit of one lexicon match, or None when the entry's conditions veto it (each
    veto added to ``vetoed``, when given, as (rule, type, tokens, the entry's words))."""
    parts = entry["parts"]
    default_anchor = next((k for k, p in enumerate(parts) if p != "не"), 0)
    anchor = hit[entry.get("anchor", default_anchor)]
    ctx = _Context(tokens, hit, anchor, mention_tokens, actors)

    def veto(rule: str) -> None:
        if vetoed is not None:
            kind = entry.get("type") or next((r["type"] for r in entry.get("rules", ())), None)
            vetoed.append((rule, kind, tuple(sorted(hit)), " ".join(parts)))

    if "needs" in entry and not ctx.holds(entry["needs"]):
        veto("trigger: lexicon needs")
        return None
    if any(ctx.holds(cond) for cond in entry.get("block", ())):
        veto("trigger: lexicon block")
        return None
    kind = entry.get("type")
    for rule in entry.get("rules", ()):
        if ctx.holds(rule["if"]):
            kind = rule["type"]
            break
    if kind is None:
        veto("trigger: no lexicon rule types it")
        return None
    if entry.get("state") and not through_parse:
        hit, anchor = _told_by_its_verb(tokens, hit, anchor)
    has_own_negation = "не" in parts
    negated = False if has_own_negation else is_negated(tokens, anchor)
    if entry.get("negative_only"):
        if not negated:
            veto("trigger: lexicon negative only")
            return None
        negated = False
    if through_parse:
        # the phrase's words lie apart, in any order ("вынес после долгого заседания ...
        # приговор"): the span is the anchor's word, as the gold guidelines want a trigger
        # (one word where possible), not the stretch of sentence between the words
        return TriggerHit(kind, tuple(sorted(hit)), anchor, negated, tokens[anchor].start, tokens[anchor].end)
    return TriggerHit(kind, hit, anchor, negated, tokens[hit[0]].start, tokens[hit[-1]].end)


def _told_by_its_verb(tokens, hit: tuple[int, ...], anchor: int) -> tuple[tuple[int, ...], int]:
    """A word of a state (``под стражей``, ``в заключении``, ``в тюремной больнице``) is told by the
    verb of being held the parse hangs it on, directly or through the noun it qualifies: the
    verb is the hit's anchor (its tense and subject are what the realis step judges, as for
    ``находится под стражей``) and the span runs from one to the other."""
    for verb in heads_up(tokens, anchor, 2):
        if tokens[verb].pos in {"VERB", "AUX"}:
            return tuple(sorted({*hit, verb})), verb
    return hit, anchor
