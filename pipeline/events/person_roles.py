"""Person roles: whether a person of a clause did a happening, told it, or is whom it befell.

A name near a trigger is not always its person: the doer of an active verb
(``Президент Смирнов помиловал``), an official by title, the teller of a reported
clause (``Адвокат сообщил, что ...``), a relative of whom it befell, the subject of
another clause, or the owner of some other thing (``сторонники Сомова``). These read
that from the parse for :mod:`pipeline.events.arguments`, which scores what is left;
counts (:mod:`pipeline.events.counts`) ask the same of the people they count.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import PER
from .clauses import CLAUSE_BREAKS, PREDICATE_POS, conjunct_root, own_subject, phrase_head
from .listed_people import participle_of, passive_participle
from .people import People
from .places import person_tokens
from .syntax import PlacedMention, Token, context, folded_set, span_head
from .triggers import TriggerHit


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
        if grammatical_number(tokens[shared_by]) == grammatical_number(tokens[own_verb]):
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
    while not own_subject(tokens, verb) and tokens[verb].rel == "conj" and tokens[verb].head >= 0 \
            and tokens[verb].head not in seen:
        verb = tokens[verb].head
        seen.add(verb)
    return verb


def grammatical_number(token: Token) -> str | None:
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
        if not any(t.text in CLAUSE_BREAKS or t.pos in {"VERB", "AUX"} for t in tokens[noun + 1 : first]):
            return noun
    return None


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
    (``арестовал главу района Ершова``), the bare genitive of a trigger noun (``об
    увольнении начальника полиции Седова``), or a possessive right before it (``после его ареста``)."""
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
        if token.rel == "det" and anchor.pos == "NOUN" and token.pos in {"PRON", "DET"} and slot + 1 == hit.anchor:
            return True  # "после его ареста": his arrest
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


def told_of_name(tokens: tuple[Token, ...], at: Sequence[int], hit: TriggerHit) -> bool:
    """The trigger is a participle the parse hangs on the name or on a title of it (``Уволенный
    со службы майор Илья Ватагин``, ``Борису Рудину, находящемуся под домашним арестом``) that
    tells what befell them: a passive one, or an active one of a verb whose
    subject it befalls (``patient_subject_verbs``); an active one otherwise tells what they did
    (``Судья Котова, арестовавшая ...``). Such a name is who it befell, whatever title it bears
    or whatever noun the parse hangs it on."""
    part = participle_of(tokens, hit)
    if part is None or not tokens[part].rel.startswith("acl") or tokens[part].head not in name_slots(tokens, at):
        return False
    return passive_participle(tokens[part]) or bool(tokens[part].lemmas & folded_set("patient_subject_verbs"))


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
    number = "Number=Plur" if plural else grammatical_number(tokens[name])
    disagrees = number is not None and grammatical_number(tokens[own]) is not None and number != grammatical_number(tokens[own])
    if verb != own:  # a plural that names no one shares no one's subject (``Белов ушёл, а ... арестовали``)
        coordinated = (tokens[own].rel == "conj" and tokens[own].head == verb) or \
            (tokens[verb].rel == "conj" and tokens[verb].head == own)
        # the subject of its own verb by its number: not an object the parse took for one
        # (``Петрову, как рассказали соседи, избили и задержали``)
        subject = number is None or grammatical_number(tokens[verb]) in {None, number}
        # a clause with no subject and no object of its own tells what befell the earlier subject
        # (``Рогов зашёл в отдел, и там избили``)
        bare = not others and not any(t.head == own and t.rel in {"obj", "iobj"} for t in tokens)
        return coordinated and (bool(others) or (disagrees and subject and not bare))
    return disagrees and any(grammatical_number(t) == grammatical_number(tokens[own]) for t in others)


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
