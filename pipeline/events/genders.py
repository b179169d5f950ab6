"""The gender a person's name or a noun of one person refers by, as pymorphy3 reads it.

A name's own gender (``Елена Смирнова``, ``Иван Петров``), the gender the words agreeing with
it tell where pymorphy3 knows none (``Нгози Окафор давно занималась``), and that of a noun
describing one person (``мужчину``, ``активистку``). Word-level morphology, apart from
:mod:`~pipeline.events.people` (who a document names) and :mod:`~pipeline.events.antecedents`
(whom a pronoun or a description stands for), which both ask it.
"""

from __future__ import annotations

import re

from ..nlp import parse_word
from ..resources import fold
from .syntax import folded_set, lemmas_of

_WORDS = re.compile(r"\w+")


def surname_gender(name: str) -> str | None:
    """The gender a surname's own ending gives: a word pymorphy3 reads as a surname or patronymic
    in the nominative whose form for the other gender is spelt otherwise (``Смирнова`` beside
    ``Смирнов``); None for one spelt alike in both (``Ким``, ``Сато``).

    >>> surname_gender("Елена Смирнова"), surname_gender("Иван Петров"), surname_gender("Ким Лоу")
    ('femn', 'masc', None)
    """
    for word in name.split():
        for parsed in parse_word(word.lower()):
            tag = parsed.tag
            if {"Surn", "Patr"} & tag.grammemes and tag.case == "nomn" and tag.number == "sing" \
                    and tag.gender in {"masc", "femn"} and "Fixd" not in tag.grammemes:
                other = parsed.inflect({"femn" if tag.gender == "masc" else "masc", "nomn", "sing"})
                if other is not None and other.word != parsed.word:
                    return tag.gender
    return None


_AFTER_NAME = re.compile(r"(?:\s*\([^()]{0,60}\))?\s*(?:(—|–)\s*)?((?:\w+\s+){0,4}\w+)")


def agreed_gender(text: str, mention) -> str | None:
    """The gender the words agreeing with a name in the nominative tell: pymorphy3 knows
    none for many a foreign name (``Нгози Окафор``) or a wrong one (``Доминик`` as a man's).
    The past verb or short participle after it (``Окафор давно занималась``, over at most two
    adverbs or particles), the noun of a person before it (``Актриса Ким Лоу``) or after a dash
    (``Танака — известная певица``). None for a name in another case (``У Марии Зайцевой был``)
    or after a preposition (``О Нгози Окафор писала газета``), whose verb is another's.

    >>> from pipeline.records import PER, Mention
    >>> text = "Нгози Окафор давно занималась этим. У Марии Зайцевой был обыск."
    >>> agreed_gender(text, Mention(PER, 0, 12, "Нгози Окафор", "Нгози Окафор"))
    'femn'
    >>> agreed_gender(text, Mention(PER, 38, 52, "Марии Зайцевой", "Мария Зайцева")) is None
    True
    >>> agreed_gender("Жена Адаму Сисе пришла.", Mention(PER, 5, 15, "Адаму Сисе", "Адаму Сисе")) is None
    True
    """
    if fold(mention.text) != fold(mention.normal or mention.text):
        return None  # not in the nominative: the verb after it has another subject
    before = _WORDS.findall(text[max(0, mention.start - 40) : mention.start])
    first = parse_word(before[-1].lower()) if before else []
    if first and first[0].tag.POS == "PREP":
        return None
    if before and lemmas_of(before[-1]) & folded_set("relation_nouns"):
        return None  # ``Жена Адаму Сисе пришла``: whose wife he is; she came
    noun = _woman_noun(before[-1]) if before else None
    after = _AFTER_NAME.match(text, mention.end)
    if after is None:
        return noun
    words = after.group(2).split()
    if after.group(1):  # ``Танака — известная певица``: the noun over its adjectives
        for word in words:
            tag = parse_word(word.lower())[0].tag
            if tag.POS != "ADJF":
                return (_woman_noun(word) if tag.POS == "NOUN" else None) or noun
        return noun
    for k, word in enumerate(words[:3]):  # the agreeing verb wins over a noun's grammatical gender
        tag = parse_word(word.lower())[0].tag
        if tag.POS in {"VERB", "PRTS"} and tag.number == "sing" and tag.gender in {"masc", "femn"} \
                and (tag.POS == "PRTS" or tag.tense == "past"):
            return None if _subject_after(words[k + 1 :], tag.gender) else tag.gender
        if tag.POS not in {"ADVB", "PRCL"}:
            return noun
    return noun


# a feminine noun of a person tells a woman only when it is made from a man's noun by a feminine
# suffix (``певица`` from ``певец``, ``журналистка``); a masculine one is used for women too
# (``журналист``, ``член``) and a feminine epicene for men (``жертва``, ``персона``)
_FEMININE_SUFFIXES = (("ница", ""), ("ица", "ец"), ("иса", "ер"), ("есса", ""), ("иня", ""), ("ка", ""),
                      ("ша", ""))


def _woman_noun(word: str) -> str | None:
    """``femn:noun`` for a noun of a woman made from a man's (weak evidence: it fills a gender the
    name cannot give, :func:`~pipeline.events.people._with_gender`), else None.

    >>> _woman_noun("Актриса"), _woman_noun("певица"), _woman_noun("жертва"), _woman_noun("Журналист")
    ('femn:noun', 'femn:noun', None, None)
    """
    if described_gender(word, frozenset({"Case=Nom"})) != "femn":
        return None
    lemma = fold(parse_word(word.lower())[0].normal_form)
    for suffix, masculine_ending in _FEMININE_SUFFIXES:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)] + masculine_ending
            if any(p.tag.POS == "NOUN" and p.tag.animacy == "anim" and p.tag.gender == "masc"
                   and p.tag.case == "nomn" and fold(p.word) == stem for p in parse_word(stem)):
                return "femn:noun"
    return None


def _subject_after(words: list[str], gender: str) -> bool:
    """A noun in the nominative of ``gender`` right after a verb, over its adjectives: the verb's
    own subject (``Кенджи Сато задержала полиция``), the name its object."""
    for word in words:
        parsed = parse_word(word.lower())
        if parsed[0].tag.POS == "ADJF":
            continue
        return parsed[0].tag.POS == "NOUN" and any(p.tag.POS == "NOUN" and p.tag.case == "nomn"
                                                   and p.tag.gender == gender for p in parsed)
    return False


def name_gender(name: str) -> str | None:
    """``masc`` or ``femn`` by the first word of a name pymorphy3 knows as a name in the
    nominative singular (a name here is a normal form: ``Дарин Игорь`` is no woman's
    though ``Дарин`` is also ``Дарина``'s genitive plural).

    >>> name_gender("Дмитрий Колесников"), name_gender("Гульнара Ахметова"), name_gender("Талгат")
    ('masc', 'femn', 'masc')
    >>> name_gender("Дарин Игорь")
    'masc'
    """
    for word in name.split():
        for parsed in parse_word(word.lower()):
            if {"Name", "Surn", "Patr"} & parsed.tag.grammemes and parsed.tag.gender in {"masc", "femn"} \
                    and parsed.tag.number == "sing" and parsed.tag.case == "nomn":
                return parsed.tag.gender
    return None


# the parse's cases as pymorphy3 names them
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def described_gender(word: str, feats: frozenset[str] = frozenset()) -> str | None:
    """The gender a noun of one person refers by (``мужчину``, ``активистку``, ``бывшего
    директора``), as pymorphy3's first reading of it as an animate noun in the singular
    gives it, in the case the parse gives it when ``feats`` (the parse's) name one; None for
    a plural, a noun of either gender (``коллегу``) or a thing (``тактику`` is no tactician's
    dative where the parse reads an accusative).

    >>> described_gender("студента"), described_gender("активистку"), described_gender("студентов")
    ('masc', 'femn', None)
    >>> described_gender("тактику", frozenset({"Case=Acc"})) is None
    True
    """
    case = next((_CASES.get(f[5:]) for f in feats if f.startswith("Case=")), None)
    for parsed in parse_word(word.lower()):
        tag = parsed.tag
        if case is not None and tag.case != case:
            continue
        if tag.POS == "PRTF" and "Subx" in tag.grammemes:  # ``подозреваемого``: a participle as a noun
            return tag.gender if tag.number == "sing" and tag.gender in {"masc", "femn"} else None
        if tag.POS == "NOUN" and tag.animacy == "anim" and not {"Name", "Surn", "Patr"} & tag.grammemes:
            if tag.number == "sing" and tag.gender in {"masc", "femn"} and "Ms-f" not in tag.grammemes:
                return tag.gender
            return None
        return None
    return None
