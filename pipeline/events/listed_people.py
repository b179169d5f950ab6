"""Listed people: which name of a list a participle tells what befell.

In ``Сергей Волков, арестованный в марте, и Мария Лебедева, задержанная в апреле``
each participle befell the name it agrees with (gender and case, read by pymorphy3),
not every name the parse or the coordination hands it. These find that name
(:func:`listed_person`), keep a participle's persons to it (:func:`with_listed`), and
give a list's names to what they then did together (:func:`listed_doers`). Agreement
is morphology, a question apart from the scoring in :mod:`pipeline.events.arguments`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import parse_word
from ..records import PER
from .antecedents import PERSON_PATIENT_TYPES
from .clauses import CLAUSE_BREAKS, MAX_TREE, is_time_reference, phrase_head
from .syntax import Candidate, PlacedMention, Token, context, folded_set, span_head
from .triggers import TriggerHit


# commas from a name back to its participle, a job apposition between (``Игорь Седов, учитель
# истории, задержанный``)
LIST_REACH = 2
_PARSE_CASES = {"Case=Nom": "nomn", "Case=Gen": "gent", "Case=Dat": "datv", "Case=Acc": "accs",
                "Case=Ins": "ablt", "Case=Loc": "loct"}
_PARSE_GENDERS = {"Gender=Masc": "masc", "Gender=Fem": "femn", "Gender=Neut": "neut"}


def _forms(token: Token, participle: bool = False) -> set[tuple[str | None, str | None, str | None]]:
    """The (gender, case, animacy of an accusative) readings a singular word may have:
    pymorphy3's, else the parse's; None for any is any (``Ким``, a name of both genders). A name's are only its readings as a
    noun (pymorphy3 may read ``Сомова`` as a short adjective only). A participle's are only its
    readings as a full passive participle: the name an active one is apposed to is its doer."""
    def fits(tag) -> bool:
        if participle:
            return tag.POS == "PRTF" and tag.voice == "pssv"
        return token.pos != "PROPN" or tag.POS == "NOUN"

    # a masculine accusative tells the living from things (``задержанного Ивана``, ``задержанный
    # протокол``): ``Задержанный по запросу прокурора Ивана Орлова`` is no agreement with Орлов
    forms = {(r.tag.gender if r.tag.gender in {"masc", "femn", "neut"} else None, r.tag.case,
              r.tag.animacy if r.tag.case == "accs" else None)
             for r in parse_word(token.text.lower()) if r.tag.number != "plur" and fits(r.tag)}
    if not forms and not participle:
        forms = {(next((g for f, g in _PARSE_GENDERS.items() if f in token.feats), None),
                  next((c for f, c in _PARSE_CASES.items() if f in token.feats), None), None)}
    return forms


def passive_participle(token: Token) -> bool:
    """The word reads as a singular full passive participle (by pymorphy3: the parse may read
    ``Осуждённый`` as a name).

    >>> def t(text):
    ...     return Token(0, 0, 0, text, frozenset({text}), "VERB", -1, "acl")
    >>> passive_participle(t("Осуждённый")), passive_participle(t("арестовавшая"))
    (True, False)
    """
    return bool(_forms(token, participle=True))


def _fit(one: tuple[str | None, ...], other: tuple[str | None, ...]) -> bool:
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
    """The full participle a trigger is, or whose own complement the trigger is, in its comma
    stretch, up through a term's genitive (``оштрафованный``; ``отправленная`` of ``под домашний
    арест``, ``приговорённый`` of ``к году колонии``). Not one the trigger only dates (``Назначенный после ареста``) or stands
    in a noun of (``Назначенный по делу об избиении``): that participle tells another happening."""
    for i in (hit.anchor, *sorted(hit.tokens)):
        if _full_participle(tokens[i]):
            return i
    word = phrase_head(tokens, hit)
    for _ in range(MAX_TREE):
        head = tokens[word].head
        if head < 0 or any(t.text in CLAUSE_BREAKS for t in tokens[min(head, word):max(head, word)]):
            return None
        if _full_participle(tokens[head]):
            return None if is_time_reference(tokens, word) else head
        # up only from the bare genitive of a term (``к году колонии``), not from a noun's own
        # phrase (``по делу об избиении``, ``на место задержания``)
        if tokens[word].rel != "nmod" or "Case=Gen" not in tokens[word].feats \
                or any(t.head == word and t.pos == "ADP" for t in tokens) \
                or not tokens[head].lemmas & set(context()["time_shift"]["units"]):
            return None
        word = head
    return None


def _stretch_end(tokens: tuple[Token, ...], part: int) -> int:
    """Where the participle's comma stretch ends: the first clause break after it."""
    return next((t.index for t in tokens[part:] if t.text in CLAUSE_BREAKS), len(tokens))


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
        if t.text in CLAUSE_BREAKS - {","} or commas > LIST_REACH:
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
           and pair[1].tokens and part < min(pair[1].tokens) < end and not _agent(tokens, pair[1].tokens)]
    return [(0.0, listed), *own]


def _agent(tokens: tuple[Token, ...], at: Sequence[int]) -> bool:
    """A name, or the title it is apposed to, in the bare instrumental: the doer of a passive
    participle (``избитый охранником Степаном Гридиным``), not one it befell with its noun."""
    word = span_head(tokens, at)
    while tokens[word].rel in {"appos", "flat:name"} and tokens[word].head >= 0 \
            and "Case=Ins" not in tokens[word].feats:
        word = tokens[word].head
    return "Case=Ins" in tokens[word].feats and not any(t.head == word and t.pos == "ADP" for t in tokens)


def listed_doers(tokens: tuple[Token, ...], hit: TriggerHit, listed: Sequence[Candidate | None]) -> list[Candidate]:
    """The names of a list of people, each with the participle of what befell them, that are the
    subject of the verb whose object the trigger noun is (``Волков, арестованный ..., и Лебедева,
    задержанная ..., подали жалобы``): the complaint is of those the list's happenings befell,
    though they make it (:func:`is_agent` leaves a doer out). Only for a type whose persons are
    who it befell (:data:`~pipeline.events.antecedents.PERSON_PATIENT_TYPES`) and a noun whose maker is
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
