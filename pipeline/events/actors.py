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
5. a subject naming a person who is no body, for an attack (``сосед напал``):
   someone no authority, unknown (``private_doer_types``);
6. a third-person plural verb with no subject: someone unnamed (``ему
   угрожали`` -> unknown), unless the type says otherwise (``unnamed``): a
   charge told so (``его обвиняют``) is the prosecution's, and no actor is named.

A refusal of an application no one is named for comes from the body the
applications go to: the last refusal whose actor the text named.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    if event_type in context()["private_doer_types"] and private_doer(tokens, hit.anchor):
        return (UNKNOWN,)
    if is_indefinite_personal(tokens, hit.anchor):
        return tuple(_policy(event_type).get("unnamed", (UNKNOWN,)))
    return ()


def private_doer(tokens: tuple[Token, ...], anchor: int) -> bool:
    """The trigger verb (or the noun a verb does: ``устроил стрельбу``) has a subject naming a
    person who is no body: a name or a noun of a person (``сосед``, ``охранник``), not staff
    (``сотрудник``, who stands for the body before) and not a pronoun (it may stand for police).
    An actor word of its own was read before this (``полицейский ударил``)."""
    verb = anchor
    if tokens[verb].pos == "NOUN" and tokens[verb].rel == "obj" and tokens[verb].head >= 0:
        verb = tokens[verb].head
    if tokens[verb].pos != "VERB" or "Voice=Pass" in tokens[verb].feats:
        return False
    for c in children(tokens, verb):
        subject = tokens[c]
        if subject.rel != "nsubj" or subject.lemmas & folded_set("staff_nouns"):
            continue
        if subject.pos == "PROPN" or (subject.pos == "NOUN" and "Animacy=Anim" in subject.feats):
            return True
    return False


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
