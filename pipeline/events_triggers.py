"""Event triggers: words of a sentence matched against the lexicon in models/.

A sentence is parsed once with natasha (morphology and dependency syntax); its
tokens are kept as plain :class:`Token` records with pymorphy3 lemmas, so the
natasha objects never leave this module. Triggers are matched by lemma
(``models/triggers.jsonl``); each entry's context rules decide the event type
or veto it. Negation, hypotheticals (``грозит штраф``, ``может быть
оштрафован``) and references to laws or rights (``закон о митингах``) are read
from the words and the syntax around the trigger (``models/event_context.json``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from natasha import Doc

from .nlp import Models, parse_word
from .records import Mention, Sentence
from .resources import load_json, load_jsonl


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence: clean-text span, lemmas and its syntactic head."""

    index: int
    start: int
    end: int
    text: str
    lemmas: frozenset[str]
    pos: str
    head: int  # index of the head token in the sentence, -1 for the root
    rel: str


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A matched trigger: its type, tokens, and whether it is negated."""

    type: str
    tokens: tuple[int, ...]  # token indices of every part, in order
    anchor: int  # token index of the syntactic head of the trigger
    negated: bool
    start: int  # clean-text span from the first to the last part
    end: int


def fold(word: str) -> str:
    """Lowercase and write ё as е, the form lexicons use.

    >>> fold("Спецприёмник")
    'спецприемник'
    """
    return word.lower().replace("ё", "е")


def lemmas_of(word: str) -> frozenset[str]:
    """Every pymorphy3 normal form of a word, folded, plus the word itself.

    >>> "задержать" in lemmas_of("ЗАДЕРЖАНЫ")
    True
    """
    folded = fold(word)
    return frozenset({folded} | {fold(p.normal_form) for p in parse_word(folded)})


def parse_sentence(sentence: Sentence, models: Models) -> tuple[Token, ...]:
    """Tokens of one sentence with lemmas and dependency heads, offsets in clean text."""
    doc = Doc(sentence.text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    position = {token.id: i for i, token in enumerate(doc.tokens)}
    tokens = []
    for i, token in enumerate(doc.tokens):
        head = position.get(token.head_id, -1)
        tokens.append(
            Token(
                index=i,
                start=sentence.start + token.start,
                end=sentence.start + token.stop,
                text=token.text,
                lemmas=lemmas_of(token.text),
                pos=token.pos or "",
                head=head if head != i else -1,
                rel=token.rel or "",
            )
        )
    return tuple(tokens)


@cache
def trigger_index() -> dict[str, tuple[dict, ...]]:
    """Lexicon entries keyed by the lemma of their first part."""
    index: dict[str, list[dict]] = defaultdict(list)
    for entry in load_jsonl("triggers.jsonl"):
        parts = tuple(fold(entry["lemma"]).split())
        index[parts[0]].append({**entry, "parts": parts})
    return {key: tuple(entries) for key, entries in index.items()}


def context() -> dict:
    return load_json("event_context.json")


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


def find_actors(tokens: tuple[Token, ...]) -> dict[int, str]:
    """Token index -> canonical actor for words naming one (``ОМОНа`` -> police)."""
    found: dict[int, str] = {}
    for i in range(len(tokens)):
        for parts, actor in actor_names():
            if i + len(parts) <= len(tokens) and all(
                part in tokens[i + k].lemmas for k, part in enumerate(parts)
            ):
                found.setdefault(i + len(parts) - 1, actor)
                break
    return found


def heads_up(tokens: tuple[Token, ...], index: int, depth: int = 2) -> list[int]:
    """The head of a token and its head, climbing over coordination (``conj``)."""
    chain, current = [], index
    while len(chain) < depth:
        while tokens[current].rel == "conj" and tokens[current].head >= 0:
            current = tokens[current].head
        current = tokens[current].head
        if current < 0:
            break
        chain.append(current)
    return chain


class _Context:
    """What a condition may look at around one candidate trigger."""

    def __init__(self, tokens, hit_tokens, anchor, mention_tokens, actors):
        self.tokens, self.hit, self.anchor = tokens, hit_tokens, anchor
        self.mention_tokens, self.actors = mention_tokens, actors

    def holds(self, cond: dict) -> bool:
        window = cond.get("window", 6)
        first, last = self.hit[0], self.hit[-1]
        before = range(max(0, first - window), first)
        after = range(last + 1, min(len(self.tokens), last + 1 + window))
        around = list(before) + list(after)

        def has(span, lemmas):
            wanted = {fold(x) for x in lemmas}
            return any(self.tokens[i].lemmas & wanted for i in span)

        if "near" in cond and not has(around, cond["near"]):
            return False
        if "before" in cond and not has(before, cond["before"]):
            return False
        if "after" in cond and not has(after, cond["after"]):
            return False
        if "head" in cond and not has(heads_up(self.tokens, self.anchor), cond["head"]):
            return False
        if "mentions" in cond:
            wanted = set(cond["mentions"])
            if not any(self.mention_tokens.get(i, set()) & wanted for i in around):
                return False
        if "actors" in cond and not any(self.actors.get(i) in cond["actors"] for i in around):
            return False
        return True


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


def is_negated(tokens: tuple[Token, ...], index: int) -> bool:
    """``не`` on the trigger, directly or through an auxiliary (``не был задержан``,
    ``не стала задерживать``)."""
    ctx = context()
    negation, passes = set(ctx["negation"]), set(ctx["negation_passes"])
    if any(t.head == index and t.lemmas & negation for t in tokens):
        return True
    j = index - 1
    while j >= 0 and index - j <= 4:
        lemmas = tokens[j].lemmas
        if lemmas & negation:
            return True
        if not (lemmas & passes or tokens[j].pos in {"AUX", "ADV", "ADP"}):
            # a word between "не" and the trigger that is not an auxiliary
            # stops it, unless the trigger depends on that word's "не"
            break
        j -= 1
    # "не стала во время акции задерживать": an infinitive after a negated auxiliary
    if any(p.tag.POS == "INFN" for p in parse_word(fold(tokens[index].text))[:1]):
        for j in range(max(0, index - 6), index - 1):
            if tokens[j].lemmas & negation and tokens[j + 1].lemmas & passes:
                return not any(t.pos == "PUNCT" for t in tokens[j + 1 : index])
    return False


def governors_of(tokens: tuple[Token, ...], index: int, depth: int = 3) -> list[int]:
    """Heads of a trigger, skipping words it only fills (``о проведении митингов``:
    the governor of ``митингов`` is what governs ``проведении``)."""
    transparent = {fold(x) for x in context()["transparent_heads"]}
    chain = heads_up(tokens, index, depth + 2)
    kept = [h for h in chain if not tokens[h].lemmas & transparent]
    return kept[:depth]


def is_hypothetical(tokens: tuple[Token, ...], hit: tuple[int, ...], anchor: int) -> bool:
    """A penalty only faced, set by a law, or a right or law about the event."""
    ctx = context()
    hypothetical = {fold(x) for x in ctx["hypothetical_heads"]}
    reference = {fold(x) for x in ctx["reference_heads"]}
    chain = governors_of(tokens, anchor)
    # a participle qualifies its noun: "освобождения арестованных политиков"
    governors = chain[:2] if tokens[anchor].rel in {"amod", "acl"} else chain[:1]
    if any(tokens[g].lemmas & (hypothetical | reference) for g in governors):
        return True
    markers = set(ctx["hypothetical_markers"])
    for i in range(hit[0] - 1, max(-1, hit[0] - 9), -1):
        if tokens[i].pos == "PUNCT":
            break
        if tokens[i].lemmas & markers:
            return True
    # what has not happened yet: "никогда не обратятся в суд"
    best = parse_word(fold(tokens[anchor].text))[0]
    if best.tag.POS == "VERB" and best.tag.tense == "futr":
        return True
    for pattern in ctx["memorial_before"]:
        width = len(pattern)
        for i in range(max(0, hit[0] - 3), hit[0] - width + 1):
            if all(pattern[k] in tokens[i + k].lemmas for k in range(width)):
                return True
    return False


def find_triggers(
    tokens: tuple[Token, ...],
    mentions: tuple[Mention, ...] = (),
    actors: dict[int, str] | None = None,
) -> list[TriggerHit]:
    """Every trigger of one sentence, typed by its lexicon entry and context.

    ``mentions`` are the sentence's mentions (to test ``mentions`` conditions).
    Overlapping matches keep the longest (``не допустить`` over ``допустить``).
    """
    actors = find_actors(tokens) if actors is None else actors
    mention_tokens: dict[int, set[str]] = defaultdict(set)
    for mention in mentions:
        for token in tokens:
            if token.start < mention.end and mention.start < token.end:
                mention_tokens[token.index].add(mention.type)
    index = trigger_index()
    candidates: list[TriggerHit] = []
    for token in tokens:
        for lemma in token.lemmas:
            for entry in index.get(lemma, ()):
                hit = _match_parts(tokens, token.index, entry["parts"], entry.get("gap", 2))
                if hit is None:
                    continue
                typed = _decide(entry, tokens, hit, mention_tokens, actors)
                if typed is not None:
                    candidates.append(typed)
    candidates.sort(key=lambda h: (-(h.tokens[-1] - h.tokens[0] + len(h.tokens)), h.tokens[0]))
    chosen: list[TriggerHit] = []
    used: set[int] = set()
    for hit in candidates:
        if used.isdisjoint(hit.tokens):
            chosen.append(hit)
            used.update(hit.tokens)
    return _drop_objects_of_denials(tokens, sorted(chosen, key=lambda h: h.tokens[0]))


def _drop_objects_of_denials(tokens, hits: list[TriggerHit]) -> list[TriggerHit]:
    """A rally only banned or warned about ("запретила проведение акции") is told by
    the denial; the rally itself is not a happening of that sentence."""
    governing = {h.anchor for h in hits if h.type in {"permit_denied", "warning"}}
    governing |= {t for h in hits if h.type in {"permit_denied", "warning"} for t in h.tokens}
    return [
        h for h in hits
        if h.type != "protest" or governing.isdisjoint(heads_up(tokens, h.anchor, 3))
    ]


def _decide(entry, tokens, hit, mention_tokens, actors) -> TriggerHit | None:
    parts = entry["parts"]
    default_anchor = next((k for k, p in enumerate(parts) if p != "не"), 0)
    anchor = hit[entry.get("anchor", default_anchor)]
    ctx = _Context(tokens, hit, anchor, mention_tokens, actors)
    if "needs" in entry and not ctx.holds(entry["needs"]):
        return None
    if any(ctx.holds(cond) for cond in entry.get("block", ())):
        return None
    kind = entry.get("type")
    for rule in entry.get("rules", ()):
        if ctx.holds(rule["if"]):
            kind = rule["type"]
            break
    if kind is None:
        return None
    has_own_negation = "не" in parts
    negated = False if has_own_negation else is_negated(tokens, anchor)
    if entry.get("negative_only"):
        if not negated:
            return None
        negated = False
    if not has_own_negation and is_hypothetical(tokens, hit, anchor):
        return None
    return TriggerHit(kind, hit, anchor, negated, tokens[hit[0]].start, tokens[hit[-1]].end)
