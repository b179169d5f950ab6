"""Event arguments: which mentions and actors of a sentence belong to which trigger.

A mention goes to the trigger it is syntactically closest to (path length in the
dependency tree, at most ``MAX_TREE``); failing that, to the linearly nearest
trigger of its clause (no comma or semicolon between, at most ``MAX_LINEAR``
tokens). Coordinated triggers (``задержаны и осуждены``) share what either gets,
as far as their event types admit the role (a term goes to custody only). What
may fill a role is a typed :class:`~pipeline.events.syntax.Candidate`: a mention,
or a person or actor read from a word.

This module scores and assigns; what it reads lives by what it decides: clause
boundaries (:mod:`~pipeline.events.clauses`), what a charge or penalty is about
(:mod:`~pipeline.events.grounds`), place candidates (:mod:`~pipeline.events.places`),
doers, tellers and patients (:mod:`~pipeline.events.person_roles`), names of a list
(:mod:`~pipeline.events.listed_people`) and counts of people (:mod:`~pipeline.events.counts`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import COUNT, DATE, LOC, MONEY, PER, TERM
from ..resources import fold
from .antecedents import PERSON_PATIENT_TYPES, is_possessive, left_out_subject, person_words
from .clauses import (CLAUSE_BREAKS, MAX_TREE, across_contrast, across_semicolon, bracket_clause, conjunct_root,
                      counted_from, in_brackets, is_time_reference, own_clause, own_subject, participle_stretch,
                      phrase_head, relative_clause, states_happening, time_clause, tree_distance)
from .counts import (befell_one, conjunct_of_counted, counts_doers, counts_itself, counts_one, counts_other_clause,
                     counts_other_noun, gapped_subject, is_subset, names_its_one, through_shared_subject, told_after_dash)
from .grounds import dates_punished_act, ground_phrase
from .listed_people import listed_doers, listed_person, with_listed
from .people import People, is_scene, relative_of
from .person_roles import (acting_genitive, apposed_to, befell_body_word, is_agent, is_official, is_patient, is_teller,
                           is_verb_trigger, owns_other_noun, possessor_of_kin, relation_to_patient, respells_name,
                           subject_of_other_clause, told_clause, told_of_name)
from .places import (ANSWERED_TYPES, MOVING_TYPES, adjective_places, court_seats, holds_office, holds_participant,
                     is_goal, names_citizenship, origin_of_noun, person_tokens, qualified_person, qualifies_other_noun,
                     venue_places)
from .possessives import possessive_patient
from .syntax import Candidate, PlacedMention, Token, context, folded_set, span_head
from .triggers import TriggerHit

MAX_LINEAR = 6
TREE_LINKED = 10.0  # a linear match scores from here: below it, reached through the dependency tree
ORIGIN_PENALTY = 3.0  # arcs a place of the trigger's clause may lie further than a person's origin
ROLE_OF = {PER: "person", LOC: "place", DATE: "date", COUNT: "count", MONEY: "amount", TERM: "term"}


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
    if any(t.text in CLAUSE_BREAKS or t.pos == "VERB" for t in between):
        return None
    return len(between)


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
                    and not own_subject(tokens, a.anchor)) or (
                tokens[b.anchor].rel == "conj" and tokens[b.anchor].head == a.anchor
                and not own_subject(tokens, b.anchor)
            )
            between = tokens[b.tokens[-1] + 1 : a.tokens[0]]
            joined = 0 < len(between) <= 3 and any(t.text.lower() in {"и", ","} for t in between)
            joined = joined and all(t.pos in {"CCONJ", "PUNCT", "AUX", "ADV"} for t in between)
            if conj or joined:
                group[find(i)] = find(j)
    return [find(i) for i in range(len(hits))]


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


def assign_arguments(
    tokens: tuple[Token, ...],
    hits: list[TriggerHit],
    placed: list[PlacedMention],
    actors: dict[int, str],
    people: People | None = None,
    dated: Sequence[Candidate] = (),
) -> list[Found]:
    """Arguments of each trigger of a sentence, from its placed mentions, actor words
    and the person words of :mod:`pipeline.events.antecedents`.

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
        # "Уволенный ... майор Ватагин", "Рудину, находящемуся под арестом": told of the
        # name, by the parse or by the participle's agreement with it (the parse may make it a subject)
        told_of = role == "person" and any(told_of_name(tokens, at, hit) or listed_person(tokens, placed, hit) is p
                                           for hit in hits)
        official = is_official(tokens, at) and not told_of and not any(
            is_patient(tokens, at, hit) and not acting_genitive(tokens, at, hit, placed, actors) for hit in hits)
        if role == "person" and (official or (owns_other_noun(tokens, at, hits, placed) and not told_of)
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
            if origin_of_noun(tokens, at, frozenset(i for hit in hits for i in hit.tokens)):
                continue  # where a thing or group comes from (``в автобусе из Москвы``); a person's is above
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
    found += relative_pronoun_names(tokens, placed)
    anchors = {h.anchor for h in hits if h.type in PERSON_PATIENT_TYPES and tokens[h.anchor].pos == "NOUN"}
    found += [Candidate("person", (t.index,), name=name, near=True, tree_only=True) for t in tokens
              if t.index not in in_mentions and (name := possessive_patient(tokens, t, people, anchors))]
    found += [Candidate("actor", (at,), name=actor) for at, actor in actors.items()]
    return found


RELATIVE_SLOTS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})


def relative_pronoun_names(tokens: tuple[Token, ...], placed: list[PlacedMention]) -> list[Candidate]:
    """The name each ``который`` of a relative clause stands for, as a candidate at the pronoun: the
    name right before its comma when the two agree in gender and number (``Ивана Зуева, которого
    обвинили``). The parse may hang the clause on a noun after it (``..., которого обвинили в
    написании комментария``: on ``комментария``) or cut it off as a root of its own; the pronoun,
    a core argument of its clause's verb, is reached from that verb as the name would be."""
    names = {p.tokens[-1]: p for p in placed if p.mention.type == PER and p.tokens}
    found = []
    for pronoun in tokens:
        if "который" not in pronoun.lemmas or pronoun.rel not in RELATIVE_SLOTS or pronoun.index < 2 \
                or tokens[pronoun.index - 1].text != "," or "Number=Sing" not in pronoun.feats:
            continue
        name = names.get(pronoun.index - 2)
        if name is None or pronoun.head < 0 or tokens[pronoun.head].head in name.tokens:
            continue  # no name before it, or the parse hangs the clause on the name already
        gender = next((f for f in pronoun.feats if f.startswith("Gender=")), None)
        if gender is None or any(gender not in tokens[i].feats for i in name.tokens if tokens[i].pos == "PROPN"):
            continue
        found.append(Candidate("person", (pronoun.index,), mention=name.index, tree_only=True))
    return found


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
        # "стрельбы, произошедшей 5 ноября в Томске": the clause telling the noun took place
        # gives its date and its place, as "Стрельба произошла в Томске" does
        happened = states_happening(tokens, at, hit) if role in {"date", "place"} and candidate.mention is not None \
            else None
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
