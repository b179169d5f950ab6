"""Who acted: the actors of an event, from the wording or entailed by the trigger.

A coder reads the actor in this order (the lexicon is ``actor_policy`` and
``actor_cues`` in ``models/event_context.json``):

1. an actor the sentence names for the trigger (``прокуратура вручила
   предупреждения``), kept only when the event type admits it: only a court
   sentences or fines, so ``спецприемник ДВД`` does not make police the actor
   of a custody, and ``власть задерживала`` is still a detention by police;
2. a cue in the context (violence ``в процессе задержания`` is by police,
   warnings handed down with court penalties are the court's);
3. the actor the trigger type entails (every detention -> police, every
   custody, fine or court event -> court, an eviction -> the venue owner);
4. the subject the predicate shares: a coordinated verb with no subject of its
   own is done by the subject of the clause before it (``омоновцы повалили
   парня и били его``), and staff named by their job only (``в управление СГБ,
   где трое сотрудников ... угрожали``) belong to the body named before them;
5. the subject of an attack (``private_doer_types``): a doer named by an office
   or rank, or belonging to a state body by its genitive (``пристав``,
   ``охранники СИЗО``, ``чиновник мэрии``), is the body's (authorities where the
   lexicon maps none); a private person (a name with no office told, ``сосед``)
   is someone no authority, unknown; any other noun names no actor;
6. a third-person plural verb with no subject: someone unnamed (``ему
   угрожали`` -> unknown), unless the type says otherwise for its official acts
   (``unnamed``, ``unnamed_acts``): a charge told so (``его обвиняют``) is the
   prosecution's, and no actor is named; ``его уволили`` is still unknown.

A refusal of an application no one is named for comes from the body the
applications go to: the last refusal whose actor the text named.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..resources import fold
from .draft import Draft
from .syntax import Token, children, context, folded_set, is_indefinite_personal
from .triggers import TriggerHit, condition_holds

UNKNOWN = "unknown"
VAGUE = "authorities"  # "власть": dropped once a specific body is known


def _policy(event_type: str) -> dict:
    return context()["actor_policy"].get(event_type, {})


def admitted(event_type: str, actor: str) -> bool:
    """Whether an event type can have this actor (``allowed`` in the policy).

    >>> admitted("custody", "police"), admitted("custody", "court")
    (False, True)
    """
    allowed = _policy(event_type).get("allowed")
    return allowed is None or actor in allowed


def resolve_actors(
    event_type: str,
    stated: Sequence[str],
    tokens: tuple[Token, ...],
    hit: TriggerHit,
    actors_at: dict[int, str],
) -> tuple[str, ...]:
    """The actors of one event: stated and admitted, else cued, entailed or unknown."""
    kept = tuple(dict.fromkeys(a for a in stated if admitted(event_type, a)))
    if kept:
        return specific(kept)
    for cue in context()["actor_cues"]:
        if event_type in cue["types"] and condition_holds(tokens, hit, cue["if"], actors=actors_at):
            return (cue["actor"],)
    default = tuple(_policy(event_type).get("default", ()))
    if default:
        return default
    shared = subject_actor(tokens, hit.anchor, actors_at)
    if shared and admitted(event_type, shared):
        return (shared,)
    if event_type in context()["private_doer_types"] and (doer := doer_of(tokens, hit.anchor, actors_at)):
        # the verb's own subject: its body is the actor even where the type admits no such
        # stated word nearby (``чиновник мэрии ударил``)
        return doer
    if is_indefinite_personal(tokens, hit.anchor):
        policy = _policy(event_type)
        acts = policy.get("unnamed_acts")
        if "unnamed" in policy and (acts is None or any(tokens[i].lemmas & set(map(fold, acts)) for i in hit.tokens)):
            return tuple(policy["unnamed"])
        return (UNKNOWN,)
    return ()


def doer_of(tokens: tuple[Token, ...], anchor: int, actors_at: dict[int, str]) -> tuple[str, ...]:
    """Who the subject of the trigger verb (or of the verb a noun is the object of: ``устроил
    стрельбу``) is, when no actor word was read for it: the state body it belongs to, by its own
    noun of office or rank (``пристав``, ``state_doer_nouns``) or by what depends on it, two
    steps down (``охранники СИЗО``: an actor word, else ``state_body_nouns``), authorities where
    the lexicon maps none; unknown for a private person (a name with no office told, a noun of
    ``private_doer_nouns``); nothing for staff (``сотрудник``, who stands for the body before), a
    pronoun (it may stand for police) or another noun."""
    verb = anchor
    if tokens[verb].pos == "NOUN" and tokens[verb].rel == "obj" and tokens[verb].head >= 0:
        verb = tokens[verb].head
    if tokens[verb].pos != "VERB" or "Voice=Pass" in tokens[verb].feats:
        return ()
    state = folded_set("state_doer_nouns") | folded_set("state_body_nouns")
    for c in children(tokens, verb):
        subject = tokens[c]
        if subject.rel != "nsubj":
            continue
        told = [c, *_depending(tokens, c)]
        named = [actors_at[i] for i in told if i in actors_at]
        if bodies := [a for a in named if a != UNKNOWN]:
            return specific(tuple(dict.fromkeys(bodies)))
        if any(tokens[i].lemmas & state for i in told):
            return (VAGUE,)
        if subject.lemmas & folded_set("staff_nouns"):
            continue
        # a person's name (animate), not a state or a town named for its forces ("Россия обстреляла")
        person_name = subject.pos == "PROPN" and "Animacy=Inan" not in subject.feats
        if named or person_name or subject.lemmas & folded_set("private_doer_nouns"):
            return (UNKNOWN,)
    return ()


def _depending(tokens: tuple[Token, ...], head: int) -> list[int]:
    """What names a subject further, two steps down: its appositive, genitive or name
    (``Олег Зотов, депутат``; ``охранники СИЗО``; ``депутат Олег Зотов``)."""
    found, below = [], [head]
    for _ in range(2):
        below = [t.index for t in tokens if t.head in below and t.rel in {"appos", "nmod", "flat:name", "conj"}]
        found += below
    return found


def subject_actor(tokens: tuple[Token, ...], anchor: int, actors_at: dict[int, str]) -> str | None:
    """The actor a verb with no actor word of its own takes from its subject.

    A verb coordinated with no subject of its own (``... и били его``) shares
    the subject of the clause before it: the nearest actor word before it that
    is a subject. A subject naming staff by their job only (``трое
    сотрудников``) stands for the body named last before it.
    """
    if tokens[anchor].pos != "VERB":
        return None
    number = {f for f in tokens[anchor].feats if f.startswith("Number=")}
    verb = anchor
    while True:
        # a subject that does not agree in number is another clause's ("я видела, как ... били")
        subjects = [c for c in children(tokens, verb) if tokens[c].rel.startswith("nsubj")
                    and (not number or tokens[c].pos not in {"PRON", "NOUN"} or number <= tokens[c].feats)]
        if subjects or tokens[verb].rel != "conj" or tokens[verb].head < 0:
            break
        verb = tokens[verb].head
    if subjects:
        subject = subjects[0]
        if tokens[subject].lemmas & folded_set("staff_nouns"):
            before = [i for i in actors_at if i < subject and actors_at[i] != UNKNOWN]
            return actors_at[max(before)] if before else None
        return None
    coordinated = any(tokens[c].rel == "cc" for c in children(tokens, anchor))
    if not coordinated:
        return None
    before = [i for i in actors_at if i < anchor and tokens[i].rel.startswith("nsubj")]
    return actors_at[max(before)] if before else None


def specific(actors: Sequence[str]) -> tuple[str, ...]:
    """Drop the vague ``authorities`` when a specific body is named too.

    >>> specific(("authorities", "akimat")), specific(("authorities",))
    (('akimat',), ('authorities',))
    """
    named = tuple(a for a in actors if a != VAGUE)
    return named if named and len(named) < len(actors) else tuple(actors)


def inherit_refusal_actors(drafts: list[Draft]) -> None:
    """A refused application with no actor named was refused by the body that
    refused the last application the text named one for (``как и в прошлый раз,
    получила отказ``)."""
    last: tuple[str, ...] = ()
    for draft in sorted(drafts, key=lambda d: d.event.start):
        if draft.event.type != "permit_denied" or not draft.telling.about_application:
            continue
        if draft.event.actors:
            last = draft.event.actors
        elif last:
            draft.update(actors=last)
