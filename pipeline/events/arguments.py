"""Event arguments: which mentions and actors of a sentence belong to which trigger.

A mention goes to the trigger it is syntactically closest to (path length in the
dependency tree, at most ``MAX_TREE``); failing that, to the linearly nearest
trigger of its clause (no comma or semicolon between, at most ``MAX_LINEAR``
tokens). Coordinated triggers (``задержаны и осуждены``) share what either gets,
as far as their event types admit the role (a term goes to custody only).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .syntax import Token, context, folded_set, has_pattern, lemmas_of
from .triggers import TriggerHit
from ..nlp import parse_word
from ..records import COUNT, DATE, LOC, MONEY, PER, TERM, Mention

MAX_TREE = 3
MAX_LINEAR = 6
ROLE_OF = {PER: "person", LOC: "place", DATE: "date", COUNT: "count", MONEY: "amount", TERM: "term"}
_CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–"}


@dataclass
class Found:
    """Arguments found for one trigger: role -> [(score, mention index or actor)]."""

    by_role: dict[str, list[tuple[float, object]]] = field(default_factory=lambda: defaultdict(list))


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
    inside = set(hit.tokens)
    return next((i for i in hit.tokens if tokens[i].head not in inside), hit.anchor)


def head_token(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    inside = [t.index for t in tokens if t.start < end and start < t.end]
    if not inside:
        return None
    for i in inside:
        if tokens[i].head not in inside:
            return i
    return inside[0]


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
    chain = [index] + ([tokens[index].head] if tokens[index].head >= 0 else [])
    return any(
        t.head in chain and t.pos == "ADP" and t.lemmas & temporal for t in tokens
    )


def in_brackets(tokens: tuple[Token, ...], index: int) -> bool:
    """The token stands inside an open parenthesis."""
    depth = 0
    for token in tokens[:index]:
        depth += {"(": 1, ")": -1}.get(token.text, 0)
    return depth > 0


def _own_subject(tokens: tuple[Token, ...], index: int) -> bool:
    """A coordinated verb with a subject of its own is a clause of its own (``задержаны
    ..., а 5 марта суд оштрафовал``): it shares nothing with the verb before."""
    return tokens[index].pos == "VERB" and any(
        t.head == index and t.rel.startswith("nsubj") for t in tokens)


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


NARRATOR = "narrator"  # the unnamed author: not a person, but who an event befell
_SELF_INTRODUCTION = re.compile(r"(?:^|[\s.,;:])(?:[Яя]\s*[,—–-]|[Мм]еня\s+зовут)\s*$")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """A person named in the text: where, until where its paragraph runs, and the
    gender of the name (``masc``/``femn``, None when unknown)."""

    start: int
    paragraph_end: int
    name: str
    gender: str | None


@dataclass(frozen=True)
class People:
    """Who the document's first-person and kin words stand for.

    ``narrator``: the author's name when the statement gives it (``Я, Смирнова
    Елена Викторовна, ...``, ``Меня зовут ...``); ``kin``: a relation introduced
    with a name (``моего мужа, Андрея Смирнова``) -> that name, so a later bare
    ``муж`` is him.
    """

    narrator: str | None = None
    kin: dict[str, str] = field(default_factory=dict)
    named: tuple[NamedPerson, ...] = ()


def named_people(text: str, mentions, narrator: str | None = None) -> tuple[NamedPerson, ...]:
    """Persons named in the text, with the grammatical gender of their name, for
    resolving ``его``/``её`` to them; the narrator and officials named by title
    (``судья Гусейнова``) are left out: neither is who a later pronoun stands for."""
    officials = folded_set("official_nouns")
    named = []
    for mention in mentions:
        if mention.type != PER:
            continue
        name = mention.normal or mention.text
        before = _WORDS.findall(text[max(0, mention.start - 30) : mention.start])
        if name == narrator or (before and lemmas_of(before[-1]) & officials):
            continue
        paragraph_end = text.find("\n", mention.end) % (len(text) + 1)
        named.append(NamedPerson(mention.start, paragraph_end, name, name_gender(name)))
    return tuple(named)


def name_gender(name: str) -> str | None:
    """``masc`` or ``femn`` by the first word of a name pymorphy3 knows as a name.

    >>> name_gender("Дмитрий Колесников"), name_gender("Гульнара Ахметова"), name_gender("Талгат")
    ('masc', 'femn', 'masc')
    """
    for word in name.split():
        for parsed in parse_word(word.lower()):
            if {"Name", "Surn", "Patr"} & parsed.tag.grammemes and parsed.tag.gender in {"masc", "femn"}:
                return parsed.tag.gender
    return None


# third-person object pronouns and the gender they refer by ("его" also neuter: a
# thing, not a person, but as a trigger's object it is nearly always a man)
_PRONOUN_GENDER = {"его": "masc", "ему": "masc", "ее": "femn", "ей": "femn"}
_OBJECT_RELS = {"obj", "iobj", "obl", "nsubj:pass"}


def antecedent(people: People, token: Token) -> str | None:
    """The person a third-person object pronoun stands for: the last person named
    before it in its paragraph, if of the pronoun's gender."""
    gender = _PRONOUN_GENDER.get(token.text.lower().replace("ё", "е"))
    if gender is None or token.rel not in _OBJECT_RELS:
        return None
    earlier = [p for p in people.named if p.start < token.start < p.paragraph_end and p.gender == gender]
    return earlier[-1].name if earlier else None


def read_people(text: str, mentions) -> People:
    """The narrator's name and the named relations of one document.

    >>> from pipeline.records import Mention
    >>> text = "Я, Иванова Анна, сообщаю. Моего сына, Олега Иванова, задержали."
    >>> people = read_people(text, [Mention(PER, 3, 15, "Иванова Анна", "Анна Иванова"),
    ...                             Mention(PER, 38, 51, "Олега Иванова", "Олег Иванов")])
    >>> people.narrator, people.kin
    ('Анна Иванова', {'сын': 'Олег Иванов'})
    """
    narrator, kin = None, {}
    relations = folded_set("kin_nouns")
    for mention in mentions:
        if mention.type != PER:
            continue
        before = text[max(0, mention.start - 30) : mention.start]
        name = mention.normal or mention.text
        if narrator is None and _SELF_INTRODUCTION.search(before):
            narrator = given_name_first(mention.text) or name
        words = _WORDS.findall(before.rsplit("\n\n", 1)[-1])
        if words and re.search(r"^[\s,—–-]*$", before[before.rfind(words[-1]) + len(words[-1]):]):
            for lemma in lemmas_of(words[-1]) & relations:
                kin.setdefault(lemma, name)
    named = named_people(text, mentions, narrator)
    if kin:  # "мужу", "сына" later in a paragraph name the relation introduced earlier
        named = tuple(sorted(named + _kin_words(text, kin), key=lambda p: p.start))
    return People(narrator, kin, named)


def _kin_words(text: str, kin: dict[str, str]) -> tuple[NamedPerson, ...]:
    """Each later relation word (``мужу``) as a naming of the person it stands for."""
    found = []
    for match in _WORDS.finditer(text):
        for lemma in lemmas_of(match.group()) & kin.keys():
            end = text.find("\n", match.end()) % (len(text) + 1)
            found.append(NamedPerson(match.start(), end, kin[lemma], name_gender(kin[lemma])))
    return tuple(found)


def given_name_first(name: str) -> str | None:
    """A self-introduction's ``Surname Name Patronymic`` in the usual order.

    >>> given_name_first("Смирнова Елена Викторовна"), given_name_first("Елена Смирнова")
    ('Елена Викторовна Смирнова', None)
    """
    words = name.split()
    if len(words) == 3 and re.search(r"(?:вич|вна|чна|оглы|кызы|улы)$", words[2]):
        return f"{words[1]} {words[2]} {words[0]}"
    return None


def _person_words(tokens, people: People | None, mention_tokens: set[int]):
    """Person items for first-person pronouns and named relations (not inside a mention)."""
    if people is None:
        return []
    pronouns, items = folded_set("narrator_pronouns"), []
    for token in tokens:
        if token.index in mention_tokens:
            continue
        if token.lemmas & pronouns and token.pos == "PRON":
            items.append(("near_person", [token.index], people.narrator or NARRATOR, True))
        elif token.pos == "PRON" and (name := antecedent(people, token)):
            items.append(("near_person", [token.index], name, True))
        else:
            for lemma in token.lemmas & people.kin.keys():
                items.append(("near_person", [token.index], people.kin[lemma], True))
    return items


def is_agent(tokens: tuple[Token, ...], at: int, hit: TriggerHit) -> bool:
    """The word is the doer of an active trigger, or of the verb whose object the
    trigger noun is (``судья ... ограничился предупреждением``): not who it befell."""
    token = tokens[at]
    if token.rel != "nsubj":
        return False
    anchor = tokens[hit.anchor]
    verbs = {hit.anchor} if anchor.pos == "VERB" else {anchor.head}
    if token.head not in verbs:
        return False
    verb = tokens[token.head]
    return "Voice=Pass" not in verb.feats and "Variant=Short" not in verb.feats


def is_official(tokens: tuple[Token, ...], at: list[int]) -> bool:
    """A name apposed to an official's title (``судья Исатаев``, ``следователь
    Петров``): the one who acted, not a victim."""
    officials = folded_set("official_nouns")
    first = at[0]
    near = [first - 1] if first > 0 else []
    near += [tokens[i].head for i in at if tokens[i].head >= 0 and tokens[i].head not in at]
    return any(tokens[i].lemmas & officials for i in near)


def assign_arguments(
    tokens: tuple[Token, ...],
    hits: list[TriggerHit],
    mentions: list[tuple[int, Mention]],
    actors: dict[int, str],
    people: People | None = None,
) -> list[Found]:
    """Arguments of each trigger of a sentence; ``mentions`` are (index, mention) pairs.

    Persons are also read from first-person pronouns (the narrator) and named
    relations (``мужа``), and never from the doer of an active trigger or an
    official named by title.
    """
    found = [Found() for _ in hits]
    if not hits:
        return found
    groups = coordination_groups(tokens, hits)
    items: list[tuple[str, list[int], object, bool]] = []
    in_mentions: set[int] = set()
    for index, mention in mentions:
        role = ROLE_OF.get(mention.type)
        at = [t.index for t in tokens if t.start < mention.end and mention.start < t.end]
        in_mentions.update(at)
        if role == "person" and at and is_official(tokens, at):
            continue
        if role == "count" and at and is_subset(tokens, at[0]):
            continue
        if role == "place" and at and qualifies_other_noun(tokens, at, hits, mentions):
            continue
        if role and at:
            # a bare year is too vague to take from a neighbouring clause
            vague = role == "date" and getattr(mention.value, "precision", "") == "year"
            items.append((role, at, index, vague))
    items += _person_words(tokens, people, in_mentions)
    items += [("actor", [at], actor, False) for at, actor in actors.items()]
    for role, at, value, tree_only in items:
        # a pronoun or relation word is a person only close to the trigger
        reach = MAX_TREE if role != "near_person" else 2
        role = "person" if role == "near_person" else role
        # a mention in brackets is a gloss ("(это более 400 EURO)"): last choice
        gloss = 5.0 if in_brackets(tokens, at[0]) else 0.0
        clause = own_clause(tokens, at[0]) if role in {"date", "place"} else None
        scored = []
        for k, hit in enumerate(hits):
            if role not in roles_for(hit.type) or set(at) & set(hit.tokens):
                continue
            if role in {"person", "count"} and is_time_reference(tokens, hit.anchor):
                continue
            if role in {"date", "place"} and (
                    (clause is not None and clause not in hit.tokens) or across_contrast(tokens, at[0], hit)):
                continue
            if role == "person" and hit.type != "protest" and any(is_agent(tokens, a, hit) for a in at):
                continue
            # "вызывали на «профилактические беседы»": the anchor may be a modifier
            # inside the trigger phrase; the phrase's own head links it to its verb
            distance = min(tree_distance(tokens, a, t) for a in at for t in {hit.anchor, phrase_head(tokens, hit)})
            if distance <= reach:
                scored.append((distance + gloss, k))
                continue
            gaps = [g for g in (linear_gap(tokens, a, hit) for a in at) if g is not None]
            gap = min(gaps) if gaps else None
            if not tree_only and gap is not None and gap <= MAX_LINEAR:
                scored.append((10.0 + gap + gloss, k))
        if not scored:
            continue
        best = min(score for score, _ in scored)
        winners = {k for score, k in scored if score == best}
        for k in winners:
            for m, hit in enumerate(hits):
                # a date or place qualifying one listed topic ("о разгоне акции 10 октября,
                # обыске и угрозах") is that topic's, not every coordinated noun's
                listed = role in {"date", "place"} and m != k and tokens[hit.anchor].pos == "NOUN" \
                    and tokens[hits[k].anchor].pos == "NOUN"
                listed = listed or (role in {"date", "place"} and across_contrast(tokens, at[0], hit))
                if groups[m] == groups[k] and role in roles_for(hit.type) and not listed:
                    found[m].by_role[role].append((best if m == k else best + 0.5, value))
    return found


def is_subset(tokens: tuple[Token, ...], first: int) -> bool:
    """A count of part of the group: ``3 человека, из них две женщины``."""
    return has_pattern(tokens, context()["subset_markers"], first - 3, first)


def qualifies_other_noun(tokens, at: list[int], hits, mentions) -> bool:
    """A place that qualifies a noun other than a trigger or an organisation
    (``трагедии в Жана Озене``) tells where that thing was, not the event."""
    inside = set(at)
    head = next((i for i in at if tokens[i].head not in inside), at[0])
    governor = tokens[head].head
    containers = folded_set("place_container_heads")
    while governor >= 0 and tokens[governor].lemmas & containers and tokens[governor].rel in {"nmod", "flat", "appos"}:
        governor = tokens[governor].head
    if governor < 0 or tokens[governor].pos not in {"NOUN", "PROPN"} or tokens[head].rel != "nmod":
        return False
    if any(governor in h.tokens for h in hits):
        return False
    organisations = {t.index for _, m in mentions if m.type == "ORG"
                     for t in tokens if t.start < m.end and m.start < t.end}
    return governor not in organisations and not tokens[governor].lemmas & folded_set("org_like_heads")


def attendance_count(tokens: tuple[Token, ...], mentions) -> tuple[int, Mention] | None:
    """The count of people attending, in a sentence that says so (``присутствовало
    около полутора тысяч человек``, ``с участием ...``): its first count of people."""
    if not any(t.lemmas & folded_set("attendance_words") for t in tokens):
        return None
    for index, mention in mentions:
        if mention.type != COUNT or mention.value is None:
            continue
        at = [t.index for t in tokens if t.start < mention.end and mention.start < t.end]
        if at and not is_subset(tokens, at[0]):
            return index, mention
    return None
