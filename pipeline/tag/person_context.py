"""What the words around a person's name say of its case and gender.

Many names read equally as a woman's nominative and a man's genitive
(``Нурлана Есенова``, ``Смирнова``); the words next to the name settle it:

* a preposition before it fixes the case (``у``, ``от``, ``для`` take the
  genitive, ``к`` the dative: ``models/ner_context.json``);
* an inanimate noun before it governs a genitive (``задержание Нурлана Есенова``,
  ``дело Смирнова``); an animate noun in an oblique case is an apposition in
  that case (``активиста Нурлана Есенова``);
* a transitive verb before it takes it as its object (``приговорил Нурлана
  Есенова``: accusative);
* a verb after it: a singular past verb or short participle agrees with its
  subject in gender (``Смирнова сказала``, ``Есенов задержан``); a plural verb
  after a single name makes it the object of an impersonal sentence
  (``Нурлана Есенова задержали``: accusative).
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import from_dictionary, parse_word
from ..resources import fold, lexicon_index, load_json
from .inflect import is_common_word
from .persons import GENDERS, NO_CONTEXT, Context

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_NOUN_COMMA_BEFORE = re.compile(r"([^\W\d_]+),[ \t]+$")
_WORD_AFTER = re.compile(r"^[ \t]+([^\W\d_]+)")
_DESCRIBED_AFTER = re.compile(r"^,[ \t]+([^\W\d_]+)")
# What closes an apposition right after the name: a comma, a dash or bracket, the sentence's end.
_APPOSITION_CLOSES = re.compile(r"[ \t]*(?:[,;:—–)!?.…]|-[ \t]|$)")
_OBLIQUE = ("gent", "datv", "accs", "ablt", "loct")
WINDOW = 40  # characters looked at on each side


@cache
def preposition_cases() -> dict[str, frozenset[str]]:
    """The cases each preposition governs, by its lower-case form (``models/ner_context.json``)."""
    table = load_json("ner_context.json")["prepositions"]
    return {word: frozenset(cases) for word, cases in table.items()}


def person_context(text: str, start: int, end: int) -> Context:
    """The context of the name at ``text[start:end]``.

    >>> text = "Задержание Нурлана Есенова прошло"
    >>> person_context(text, 11, 26).prefer
    frozenset({'gent'})
    >>> text = "Письмо от Рахима Юлдашева"
    >>> sorted(person_context(text, 10, len(text)).cases)
    ['gent']
    >>> text = "Нурлана Есенова задержали вчера"
    >>> sorted(person_context(text, 0, 15).cases)
    ['accs', 'datv', 'gent']
    >>> person_context("суд приговорил Нурлана Есенова к", 15, 30).prefer
    frozenset({'accs'})
    >>> person_context("Моего отца, Рахима Юлдашева, вызвали", 12, 27).prefer == {"gent", "accs"}
    True
    >>> person_context("Схватили меня, Петрова стояла рядом", 15, 22).gender
    'femn'
    >>> person_context("Меня зовут Гульсара Жумабаева", 11, 29).cases
    frozenset({'nomn'})
    >>> person_context("Потом Смирнова сказала", 6, 14).gender
    'femn'
    >>> person_context("Вчера Смирнову задержали у суда", 6, 14).prefer
    frozenset({'accs'})
    >>> person_context("Вчера Смирнову назначили штраф", 6, 14).prefer
    frozenset()
    >>> person_context("Петрова и Алехина были осуждены", 11, 18) == NO_CONTEXT
    True
    >>> sorted(person_context("Сестра Марата подтвердила", 7, 13).cases)
    ['gent', 'nomn']
    >>> person_context("Жена Токтосунова рассказала", 5, 16).prefer
    frozenset({'gent'})
    >>> person_context("Его жена Петрова рассказала", 9, 16).cases
    frozenset({'nomn'})
    """
    owned = _OWNED_KIN_BEFORE.search(text[max(0, start - WINDOW) : start])
    if owned and owned.group(1).lower() in _POSSESSIVES and _family_noun_in_nominative(owned.group(2)):
        # ``Его жена Петрова рассказала``: with its owner told, the relative is the person
        # named next, an apposition in the nominative (not whose she is: Петров's)
        return Context(cases=frozenset({"nomn"}))
    titled = _TITLE_WITH_COMPLEMENT_BEFORE.search(text[max(0, start - WINDOW) : start])
    if titled and (found := _title_with_complement(titled.group(1), titled.group(2))) is not None:
        return found
    before = _WORD_BEFORE.search(text[max(0, start - WINDOW) : start])
    if before:
        found = _from_word_before(before.group(1), _lone_surname(text[start:end]))
        if found is not None:
            if found.cases == _SAME_OR_WHOSE and _man_acts_after(text, end):
                # ``Сосед Петрова был задержан``: the verb is a man's, so the noun is a man
                # and a name that reads as a woman in the nominative is whose he is
                return Context(cases=found.cases, prefer=frozenset({"gent"}))
            if found.prefer == _ACCUSATIVE and _thing_follows(text, end):
                # ``суд назначил Хасанову И. Р. арест``: the verb's object is the thing after
                # the name, and the person it is given to stands in the dative
                return Context(prefer=frozenset({"datv"}))
            return found
    apposed = _NOUN_COMMA_BEFORE.search(text[max(0, start - WINDOW) : start])
    if apposed and _APPOSITION_CLOSES.match(text, end):
        # an apposition is set off on both sides; a name that goes on into a clause of its
        # own (``схватили меня, Петрова стояла рядом``) is that clause's subject
        found = _apposition(apposed.group(1))
        if found is not None:
            return found
    described = _DESCRIBED_AFTER.search(text[end : end + WINDOW])
    if described and described.group(1).islower():
        # ``Ворожцова С., задержанного в пятницу``: a participle set off after the name agrees with it
        found = _agreeing_adjective(described.group(1))
        if found is not None and found.gender is not None:
            return found
    after = _WORD_AFTER.search(text[end : end + WINDOW])
    if after:
        found = _from_verb_after(after.group(1))
        if found.cases == _OBJECT_CASES:
            if _takes_person_in_dative(after.group(1)):
                # ``Кравцову отказали в регистрации``, ``Кравцову позвонили``: a man in the dative
                return Context(cases=found.cases, prefer=frozenset({"datv"}))
            if not _object_follows(text, end + after.end()):
                # ``Попову задержали у суда``: nothing else for the verb to take, so the name
                # is its object, in the accusative (she), not a dative (``Попову назначили штраф``)
                return Context(cases=found.cases, prefer=frozenset({"accs"}))
        if found.prefer == frozenset({"accs"}) and (_takes_person_in_dative(after.group(1))
                                                    or _object_follows(text, end + after.end())):
            # ``Гусеву разбил очки конвоир``, ``Воронову сообщил дознаватель``: the verb has its own
            # object or takes its person in the dative, so the name is a man's dative
            return Context(cases=found.cases, prefer=frozenset({"datv"}), gender=found.gender)
        if found != NO_CONTEXT:
            return found
    return _from_clause_verb(text, start, end)


# A surname in -ову/-еву/-ину is a man's dative or a woman's accusative (``Омарову В.Ж.``).
_DATIVE_OR_ACCUSATIVE = re.compile(r"(?:ов|ев|ёв|ин|ын)у\b")
_CLAUSE_AFTER = re.compile(r"[^.,;:!?\n«»()]{0,80}")
_LETTERS = re.compile(r"[^\W\d_]+")


def _from_clause_verb(text: str, start: int, end: int) -> Context:
    """A surname in -ову/-еву/-ину with no word beside it that settles its case, read by
    the first verb of its clause further on (``Омарову В.Ж. 13 марта суд арестовал``):
    a verb that takes its person in the dative makes it his dative; a transitive verb
    with no other object after it, her accusative.

    >>> person_context("Омарову В.Ж. 13 марта суд в Нальчике арестовал на 10 суток", 0, 12).prefer
    frozenset({'accs'})
    >>> person_context("Омарову В.Ж. 13 марта суд отказал в иске", 0, 12).prefer
    frozenset({'datv'})
    >>> person_context("Омарову В.Ж. 13 марта суд назначил штраф", 0, 12).prefer
    frozenset({'datv'})
    >>> person_context("Омарову В.Ж. суд решил отказать в залоге", 0, 12).prefer
    frozenset({'datv'})
    """
    if not _DATIVE_OR_ACCUSATIVE.search(text, start, end):
        return NO_CONTEXT
    clause = _CLAUSE_AFTER.match(text, end)
    words = list(_LETTERS.finditer(text, end, clause.end()))
    for at, word in enumerate(words):
        parses = parse_word(word.group().lower())
        if not parses or parses[0].tag.POS != "VERB":
            continue
        infinitive = _infinitive_after(words[at + 1 :])
        if infinitive is not None:
            # ``суд решил отказать``: a verb that governs an infinitive takes nothing of the
            # name; the infinitive does (``отказать`` Омарову: his dative)
            word, parses = infinitive, parse_word(infinitive.group().lower())
        cases = frozenset({"accs", "datv"})
        if _takes_person_in_dative(word.group()):
            return Context(cases=cases, prefer=frozenset({"datv"}))
        if "tran" in parses[0].tag and _thing_follows(text, word.end()):
            # ``Белову 25 марта назначили второй штраф``: the thing is the object, the person
            # it is given to a dative (hers would be ``Беловой``)
            return Context(cases=cases, prefer=frozenset({"datv"}))
        if "tran" in parses[0].tag and not _object_follows(text, word.end()):
            return Context(cases=cases, prefer=frozenset({"accs"}))
        return NO_CONTEXT
    return NO_CONTEXT


def _infinitive_after(words) -> "re.Match | None":
    """The infinitive a verb governs, when the next word is one (``решил отказать``,
    ``хотели задержать``, ``не смог передать``: a particle ``не`` between is passed over)."""
    for word in words[:2]:
        parses = parse_word(word.group().lower())
        if parses and parses[0].tag.POS == "INFN":
            return word
        if word.group().lower() != "не":
            return None
    return None


_OBJECT_CASES = frozenset({"accs", "gent", "datv"})
_NEXT_WORD = re.compile(r"^[ \t]+([^\W_]+)")


def _object_follows(text: str, at: int) -> bool:
    """Whether the word after a verb may be its direct object (``штраф``, ``нос``, ``15``
    суток): a number, or a noun that reads in the accusative."""
    word = _NEXT_WORD.search(text[at : at + WINDOW])
    if not word:
        return False
    if word.group(1)[0].isdigit():
        return True
    parses = parse_word(word.group(1).lower())
    return parses[0].tag.POS == "NOUN" and any(p.tag.POS == "NOUN" and p.tag.case == "accs" for p in parses)


def _from_word_before(word: str, lone_surname: bool = False) -> Context | None:
    if not word.islower() and not (word[1:].islower() and is_common_word(word)) \
            and not (len(word) == 1 and word.lower() in preposition_cases()):
        # a capitalised word may be part of the name; a common one opens a sentence, as
        # does a one-letter preposition (``У Нурлана были сломаны пальцы``)
        return None
    word = word.lower()
    cases = preposition_cases().get(word)
    if cases is not None:
        return Context(cases=cases)
    if word in _naming_verbs():
        return Context(cases=frozenset({"nomn"}))  # ``Меня зовут Гульсара Жумабаева``
    top = parse_word(word)[0].tag if parse_word(word) else None
    if top is not None and top.POS == "VERB" and _takes_person_in_dative(word):
        return Context(prefer=frozenset({"datv"}))  # ``суд отказал Кравцову в иске``
    if top is not None and top.POS == "VERB" and "tran" in top:
        return Context(prefer=frozenset({"accs"}))  # ``суд приговорил Нурлана Есенова``
    agreeing = _agreeing_adjective(word)
    if agreeing is not None:
        return agreeing
    parses = [p for p in parse_word(word) if p.tag.POS == "NOUN"]
    if not parses or parses[0] is not parse_word(word)[0]:
        return None
    if parses[0].methods_stack[0][0].__class__.__name__ != "DictionaryAnalyzer":
        return None
    if all(p.tag.animacy == "inan" for p in parses):
        return Context(prefer=frozenset({"gent"}))  # ``задержание Нурлана Есенова``
    noun_cases = {p.tag.case for p in parses if p.tag.number == "sing"}
    if noun_cases and "nomn" not in noun_cases and noun_cases <= set(_OBLIQUE):
        return Context(prefer=frozenset(noun_cases))  # ``активиста Нурлана Есенова``
    if "nomn" in noun_cases and noun_cases <= {"nomn", "accs"} and parses[0].tag.case == "nomn" \
            and all(p.tag.animacy == "anim" for p in parses):
        if lone_surname and fold(parses[0].normal_form) in _family_nouns():
            # ``жена Токтосунова``: a relative before a surname alone is whose the
            # person is (a trade noun is the person: ``журналистка Смирнова``)
            return Context(prefer=frozenset({"gent"}))
        # ``сестра Марата подтвердила``: after a person in the nominative the name is the
        # same person (``журналист Иван Петров``) or whose it is, in the genitive; a verb
        # after it agrees with the noun, and a man's verb says the name is no woman's
        # nominative (:func:`person_context`)
        return Context(cases=_SAME_OR_WHOSE)
    return None


_SAME_OR_WHOSE = frozenset({"nomn", "gent"})
_ACCUSATIVE = frozenset({"accs"})
# Two lower-case words before a name: a title and its complement (``директора школы``).
_TITLE_WITH_COMPLEMENT_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+([^\W\d_]+)[ \t]+$")


def _title_with_complement(title: str, complement: str) -> Context | None:
    """A person noun in an oblique case and an inanimate noun in the genitive after it
    (``директора школы``, ``главу фонда``): the name after them is the title's apposition,
    in its case (the genitive before the name is the complement's, not the name's); the
    gender is the name's own, a woman's name after a man's title.

    >>> sorted(_title_with_complement("директора", "школы").prefer)
    ['accs', 'gent']
    >>> _title_with_complement("главу", "фонда").prefer
    frozenset({'accs'})
    >>> _title_with_complement("директор", "школы"), _title_with_complement("задержание", "сына")
    (None, None)
    """
    if not (title.islower() and complement.islower()):
        return None
    heads = parse_word(title)
    tails = parse_word(complement)
    if not heads or not tails or heads[0].tag.POS != "NOUN" or tails[0].tag.POS != "NOUN":
        return None
    if not all(p.tag.animacy == "inan" for p in tails if p.tag.POS == "NOUN") \
            or not any(p.tag.case == "gent" for p in tails if p.tag.POS == "NOUN"):
        return None
    # a person first (``главу``: the head of a body before a chapter), as the dictionary has it
    if heads[0].tag.animacy != "anim" or not from_dictionary(heads[0]):
        return None
    nouns = [p for p in heads if p.tag.POS == "NOUN" and p.tag.number == "sing" and p.tag.animacy == "anim"]
    cases = {p.tag.case for p in nouns}
    if cases and cases <= set(_OBLIQUE):
        return Context(prefer=frozenset(cases))
    return None


def _agreeing_adjective(word: str) -> Context | None:
    """An adjective or participle before a name agrees with it: its singular readings give
    the cases the name may stand in, and its gender when they have one person's gender
    only (``27-летнего``: a man, genitive or accusative; ``задержанную``: a woman,
    accusative). A pronoun (``его``, ``этот``) is passed over: it may be whose the name is.

    >>> sorted(_agreeing_adjective("летнего").cases), _agreeing_adjective("летнего").gender
    (['accs', 'gent'], 'masc')
    >>> _agreeing_adjective("задержанную").gender, _agreeing_adjective("его")
    ('femn', None)
    """
    parses = parse_word(word)
    if not parses or parses[0].tag.POS not in ("ADJF", "PRTF") or "Apro" in parses[0].tag:
        return None
    readings = [p.tag for p in parses if p.tag.POS in ("ADJF", "PRTF") and p.tag.number == "sing"
                and p.tag.case in _OBLIQUE + ("nomn",)]
    if not readings:
        return None
    genders = {tag.gender for tag in readings} & set(GENDERS)
    return Context(cases=frozenset(tag.case for tag in readings),
                   gender=next(iter(genders)) if len(genders) == 1 else None)


def _thing_follows(text: str, end: int) -> bool:
    """Whether a common noun that reads as an inanimate accusative follows the name ending
    at ``end``, after adjectives or numbers that may agree with it (``штраф``, ``второй
    штраф``, ``обязательные работы``): the thing a verb before the name gives.

    >>> _thing_follows("назначил Хасанову И. Р. арест на 12 суток", 23)
    True
    >>> _thing_follows("арестовал Хасанову И. Р. на 12 суток", 24)
    False
    >>> _thing_follows("задержали Алину, рисовавшую знак", 15)
    False
    """
    at = end
    for found in list(_LETTERS.finditer(text, end, end + WINDOW))[:3]:
        word = found.group()
        if text[at : found.start()].strip(" \t") or not word.islower():
            # a comma or a stop ends the clause: ``задержали Алину, рисовавшую знак``
            return False
        parses = parse_word(word)
        if not parses:
            return False
        top = parses[0].tag
        if top.POS == "NOUN":
            return any(p.tag.POS == "NOUN" and p.tag.case == "accs" and p.tag.animacy == "inan" for p in parses)
        if top.POS not in ("ADJF", "PRTF") or "Apro" in top:
            return False
        at = found.end()
    return False


def _man_acts_after(text: str, end: int) -> bool:
    """A singular verb of a man right after the name ending at ``end`` (``был``,
    ``рассказал``).

    >>> _man_acts_after("Сосед Петрова был задержан", 13), _man_acts_after("Сосед Петрова была", 13)
    (True, False)
    """
    after = _WORD_AFTER.search(text[end : end + WINDOW])
    return bool(after) and _from_verb_after(after.group(1)).gender == "masc"


# Possessive pronouns in the nominative singular: ``его жена``, ``моя сестра``.
_POSSESSIVES = frozenset("его её ее их мой моя наш наша твой твоя ваш ваша свой своя".split())
_OWNED_KIN_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[ \t]+([^\W\d_]+)[ \t]+$")


def _family_noun_in_nominative(word: str) -> bool:
    parses = parse_word(word.lower())
    return bool(parses) and parses[0].tag.POS == "NOUN" and parses[0].tag.case == "nomn" \
        and fold(parses[0].normal_form) in _family_nouns()


def is_family_noun(word: str) -> bool:
    """Whether a word's first reading is a noun of kinship (``models/ner_context.json``
    ``family_nouns``: ``Брат``, ``жены``; not a lawyer's, ``адвокат``)."""
    return any(fold(p.normal_form) in _family_nouns() for p in parse_word(word.lower())[:1])


@lexicon_index
def _family_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("ner_context.json").get("family_nouns", ()))


def _lone_surname(name: str) -> bool:
    """One word that pymorphy3's dictionary does not read first as a first name
    (``Токтосунова``, not ``Марина``)."""
    words = _LETTERS.findall(name)
    if len(words) != 1 or "." in name:
        return False
    parses = parse_word(words[0].lower())
    return not (parses and "Name" in parses[0].tag)


@cache
def _naming_verbs() -> frozenset[str]:
    return frozenset(load_json("ner_context.json")["naming_verbs"])


@cache
def _dative_verbs() -> frozenset[str]:
    return frozenset(fold(w) for w in load_json("ner_context.json")["dative_verbs"])


def _takes_person_in_dative(verb: str) -> bool:
    """Whether a verb takes its person in the dative, never as an accusative object:
    an intransitive verb (``позвонили``, ``угрожали``), or one of ``models/ner_context.json``
    ``dative_verbs`` that pymorphy3 tags transitive (``отказали``, ``сообщили``: the thing
    told or refused is the object, the person a dative).

    >>> _takes_person_in_dative("отказали"), _takes_person_in_dative("позвонили")
    (True, True)
    >>> _takes_person_in_dative("задержали"), _takes_person_in_dative("назначили")
    (False, False)
    """
    parses = [p for p in parse_word(verb.lower()) if p.tag.POS in ("VERB", "INFN")]
    if not parses:
        return False
    return fold(parses[0].normal_form) in _dative_verbs() or "intr" in parses[0].tag


def _apposition(word: str) -> Context | None:
    """A name set off by commas after an animate noun in an oblique case takes
    its case: ``Моего отца, Рахима Юлдашева,`` (genitive or accusative); so does one after
    a personal pronoun in an oblique case, at a sentence's start too (``Меня, Нурлана
    Есенова,``: not ``Я, …``)."""
    pronoun = _personal_pronoun_cases(word.lower())
    if pronoun:
        return Context(prefer=pronoun)  # ``Меня, Нурлана Есенова, задержали``
    if not word.islower():
        return None
    parses = [p for p in parse_word(word) if p.tag.POS == "NOUN"]
    if not parses or parses[0] is not parse_word(word)[0] or parses[0].tag.animacy != "anim":
        return None
    cases = {p.tag.case for p in parses if p.tag.number == "sing" and p.tag.animacy == "anim"}
    if cases and cases <= set(_OBLIQUE):
        return Context(prefer=frozenset(cases))
    return None


def _personal_pronoun_cases(word: str) -> frozenset[str]:
    """The oblique cases a personal pronoun stands in (``меня``: genitive, accusative); none
    for another word or the nominative (``я``).

    >>> sorted(_personal_pronoun_cases("меня")), _personal_pronoun_cases("я")
    (['accs', 'gent'], frozenset())
    """
    parses = parse_word(word)
    if not parses or parses[0].tag.POS != "NPRO" or parses[0].tag.number != "sing":
        return frozenset()
    cases = {p.tag.case for p in parses if p.tag.POS == "NPRO" and p.tag.number == "sing"}
    return frozenset(cases) if cases <= set(_OBLIQUE) else frozenset()


def _from_verb_after(word: str) -> Context:
    parses = parse_word(word)
    if not parses or word[:1].isupper():
        return NO_CONTEXT
    top = parses[0].tag
    if top.POS not in ("VERB", "PRTS"):
        return NO_CONTEXT
    if top.number == "plur" and (top.POS == "PRTS" or parses[0].normal_form == "быть"):
        # a passive, ``Волкова и Алехина были приговорены``, ``... задержаны``: its subject
        # is in the nominative, as a plural active verb's object never is
        return NO_CONTEXT
    if top.number == "plur" and (top.tense == "past" or top.person == "3per"):
        # ``Есенова задержали``; ``Никите Орлову сломали нос``: a dative object
        return Context(cases=frozenset({"accs", "gent", "datv"}))
    if top.number == "sing" and top.gender in GENDERS:
        # ``Смирнова сказала``; an active transitive verb would take the name as its object
        # should no reading of it agree as the subject (``а Морозову Т. В. оштрафовал``: the
        # court of the clause before; ``persons._misread``)
        prefer = frozenset({"accs"}) if top.POS == "VERB" and "tran" in top else frozenset()
        return Context(cases=frozenset({"nomn"}), prefer=prefer, gender=top.gender)
    return NO_CONTEXT


def verb_agrees_after(text: str, end: int) -> bool:
    """Whether a singular past verb of a man or woman follows the name ending at
    ``end``, as after a person who acts (``Борисов заявил``, ``Смирнова сказала``).

    >>> verb_agrees_after("Борисов заявил о протесте", 7), verb_agrees_after("Борисов и Минск", 7)
    (True, False)
    """
    after = _WORD_AFTER.search(text[end : end + WINDOW])
    return bool(after) and _from_verb_after(after.group(1)).gender is not None
