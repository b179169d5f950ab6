"""Who the people of a statement are: its narrator, named relations and pronouns.

Testimony is told in the first person (``меня задержали``) about relatives
(``моего мужа, Андрея Смирнова``) and people named once and then called ``его``,
``её``. Read once per document (:func:`read_people`), these turn a pronoun or a
relation word near a trigger into the person it stands for (:func:`person_words`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..nlp import parse_word
from ..records import LOC, PER
from ..resources import fold
from .syntax import Candidate, Token, context, folded_set, has_pattern, lemmas_of
from .triggers import person_patient_lemmas

NARRATOR = "narrator"  # the unnamed author: not a person, but who an event befell
# An unnamed relative of a named person (``Жена Гайсина была задержана``): who an event
# befell, told apart from that person when events are merged, but named in no table
RELATIVE_OF = "relative of: "


def relative_of(kin: str, name: str) -> str:
    return f"{RELATIVE_OF}{kin} {name}"


def is_relative(value: str) -> bool:
    return value.startswith(RELATIVE_OF)


# The narrator introducing themself: ``Я, Андрей Шевчук``, ``Меня зовут …`` (pipeline.link.kin
# reads the author the same way, to tie a relative's first name to the author's surname).
SELF_INTRODUCTION = re.compile(r"(?:^|[\s.,;:])(?:[Яя]\s*[,—–-]|[Мм]еня\s+зовут)\s*$")
_WORDS = re.compile(r"\w+")
_CALLED = re.compile(r"\s(?:зовут|звали)\s*$")


@dataclass(frozen=True, slots=True)
class NamedPerson:
    """A person named in the text: where, until where its paragraph runs, and the
    gender of the name (``masc``/``femn``, None when unknown)."""

    start: int
    paragraph_end: int
    name: str
    gender: str | None
    by_relation: bool = False  # a later relation word (``мужу``, ``адвоката``) naming them again
    end: int = -1  # where the naming's own words end (-1: unknown, its start)


@dataclass(frozen=True)
class People:
    """Who the document's first-person and kin words stand for.

    ``narrator``: the author's name when the statement gives it (``Я, Смирнова
    Елена Викторовна, ...``, ``Меня зовут ...``); ``kin``: a relation introduced
    with a name (``моего мужа, Андрея Смирнова``) -> that name, so a later bare
    ``муж`` is him; ``owners``: where names start that say whose an unnamed relative is
    (``Жена Гайсина``): the relative, not the name, is who a happening befell.
    """

    narrator: str | None = None
    kin: dict[str, str] = field(default_factory=dict)
    named: tuple[NamedPerson, ...] = ()
    owners: frozenset[int] = frozenset()
    # settlements and regions named (not venues): where, until where its paragraph runs, the place
    places: tuple[tuple[int, int, str], ...] = ()
    # the document's text, for what is named between a person and a verb that leaves out its subject
    text: str = field(default="", repr=False, compare=False)


def is_scene(mention) -> bool:
    """Whether a mention names where one happening took place: a settlement or region,
    not a venue (too close: ``в отделе полиции``) nor a country (the frame of a news story,
    ``россиянин был арестован в Греции``: the gazetteer's kind)."""
    from ..tag.gazetteer import place_kind

    if mention.type != LOC or mention.place_kind == "venue":
        return False
    kind = place_kind(mention.normal or mention.text)
    return kind is None or kind[0] != "country"


def paragraph_places(text: str, mentions) -> tuple[tuple[int, int, str], ...]:
    """Each scene the text names (:func:`is_scene`), with the end of its paragraph as
    :class:`NamedPerson` has it and its folded normal form."""
    return tuple(sorted((m.start, text.find("\n", m.end) % (len(text) + 1), fold(m.normal or m.text))
                        for m in mentions if is_scene(m)))


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
        named.append(NamedPerson(mention.start, paragraph_end, name, name_gender(name), end=mention.end))
    told = _told_genders(text, [m for m in mentions if m.type == PER])
    return tuple(_with_gender(person, told) for person in named)


def _with_gender(person: NamedPerson, told: dict[str, set[str]]) -> NamedPerson:
    """The person with the gender the words agreeing with any naming of them tell (by a
    word of the name), where all that do tell one and it is not the name's own reading. A
    surname whose ending gives its gender (``Смирнова``, ``Петров``) is not overruled; a noun
    beside the name (``femn:noun``) only fills a gender the name cannot give."""
    if surname_gender(person.name) is not None:
        return person
    evidence = set().union(*(told.get(word, set()) for word in _name_words(person.name)))
    genders = {gender for gender in evidence if ":" not in gender} \
        or ({gender.split(":")[0] for gender in evidence} if person.gender is None else set())
    if len(genders) != 1 or person.gender in genders:
        return person
    return NamedPerson(person.start, person.paragraph_end, person.name, genders.pop(), person.by_relation,
                       person.end)


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


def _name_words(name: str) -> set[str]:
    return {word.lower().replace("ё", "е") for word in _WORDS.findall(name) if len(word) > 2}


def _told_genders(text: str, mentions) -> dict[str, set[str]]:
    """Each word of a name -> the genders the words agreeing with its namings tell
    (:func:`agreed_gender`)."""
    told: dict[str, set[str]] = {}
    for mention in mentions:
        gender = agreed_gender(text, mention)
        if gender is not None:
            for word in _name_words(mention.normal or mention.text):
                told.setdefault(word, set()).add(gender)
    return told


_AFTER_NAME = re.compile(r"(?:\s*\([^()]{0,60}\))?\s*(?:(—|–)\s*)?((?:\w+\s+){0,4}\w+)")


def agreed_gender(text: str, mention) -> str | None:
    """The gender the words agreeing with a name in the nominative tell: pymorphy3 knows
    none for many a foreign name (``Нгози Окафор``) or a wrong one (``Доминик`` as a man's).
    The past verb or short participle after it (``Окафор давно занималась``, over at most two
    adverbs or particles), the noun of a person before it (``Актриса Ким Лоу``) or after a dash
    (``Танака — известная певица``). None for a name in another case (``У Марии Зайцевой был``)
    or after a preposition (``О Нгози Окафор писала газета``), whose verb is another's.

    >>> from pipeline.records import Mention
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
    name cannot give, :func:`_with_gender`), else None.

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


# third-person object pronouns and the gender they refer by ("его" also neuter: a
# thing, not a person, but as a trigger's object it is nearly always a man), with their
# forms after a preposition ("к ней", "на него"; not "ним", also the plural's "к ним")
PRONOUN_GENDER = {"его": "masc", "ему": "masc", "он": "masc", "него": "masc", "нему": "masc",
                   "нем": "masc", "ее": "femn", "ей": "femn", "ею": "femn", "она": "femn",
                   "нее": "femn", "ней": "femn", "нею": "femn"}
# a subject pronoun stands for who it befell only as a passive's or a state's subject ("он был
# приговорен", "она находится в СИЗО"); the doer of an active trigger is dropped later (is_agent)
_OBJECT_RELS = {"obj", "iobj", "obl", "nsubj:pass", "nsubj"}


def antecedent(people: People, token: Token) -> str | None:
    """The person a third-person pronoun stands for (``его``, ``ей``; ``он``, ``она`` as a
    subject): the last person of the pronoun's gender named before it in its paragraph or,
    when its paragraph names no one before it, in the nearest paragraph before it that names
    anyone (:func:`story_person`)."""
    gender = PRONOUN_GENDER.get(token.text.lower().replace("ё", "е"))
    if gender is None or token.rel not in _OBJECT_RELS:
        return None
    return story_person(people, token.start, gender)


_VERB_GENDER = {"Gender=Masc": "masc", "Gender=Fem": "femn"}
_SUBJECT_RELS = {"nsubj", "nsubj:pass", "csubj", "csubj:pass", "expl"}


# The types whose patient is a person (the taxonomy of ``pipeline/records.py``, SPEC's event
# types): a rally (protest, permit_denied), a search (surveillance) or a venue or home taken
# (eviction) is a thing a left-out subject may as well stand for
PERSON_PATIENT_TYPES = frozenset({"warning", "detention", "custody", "fine", "court", "violence",
                                  "intimidation", "expulsion", "compulsory_work"})
# Anything else (other) befalls a person (``уволен``, ``отчислена``) or a thing (``признан
# экстремистским``, ``заблокирован``) alike: a person only when no thing is named in between
PERSON_OR_THING_PATIENT_TYPES = frozenset({"other"})


def left_out_subject(people: People | None, tokens: tuple[Token, ...], verb: Token,
                     event_type: str | None = None) -> str | None:
    """Who a passive verb with no subject befell (``Во время протестов была арестована``: Russian
    leaves out a subject told just before): the last person of the verb's gender named before
    it, as for a pronoun (:func:`story_person`). None when the verb has a subject, is plural or
    of no gender, or shares the subject of a verb it is coordinated with (the parse hangs a
    shared subject on one of them: ``Она пыталась уехать, но была задержана``, ``был схвачен
    и увезён один из ...``; or on another root of a sentence it misparses). None too for a type
    whose patient is a thing (``Пикет согласовали. ... был запрещён``), and when something else the
    verb's gender and number could stand for is named between that naming of the person and the
    verb (:func:`named_between`: ``Белов рассказал о своём сыне. В мае был задержан``): another
    person, or a thing for a type whose patient may be either (:data:`PERSON_OR_THING_PATIENT_TYPES`:
    ``Сомов создал фонд. В мае был признан экстремистским``) unless the lexicon says the verb's
    patient is a person (:func:`~pipeline.events.triggers.person_patient_lemmas`: ``Белов
    возглавлял профсоюз. В мае был уволен``)."""
    if event_type is not None and event_type not in PERSON_PATIENT_TYPES | PERSON_OR_THING_PATIENT_TYPES:
        return None
    passive = "Voice=Pass" in verb.feats or "Variant=Short" in verb.feats
    gender = next((g for feat, g in _VERB_GENDER.items() if feat in verb.feats), None)
    if people is None or verb.pos != "VERB" or not passive or gender is None or "Number=Sing" not in verb.feats:
        return None
    heads = {verb.index} | ({verb.head} if verb.rel == "conj" and verb.head >= 0 else set())
    # a coordinated verb of the same form, which the parse may cut off as a root of its own
    heads |= {t.index for t in tokens if ((t.head == verb.index and t.rel == "conj") or t.head < 0)
              and _same_verb_form(t, verb)}
    if any(t.head in heads and t.rel in _SUBJECT_RELS for t in tokens):  # ``схвачен и увезён один из ...``
        return None
    name = story_person(people, verb.start, gender)
    if name is None:
        return None
    naming = max((p for p in people.named if p.name == name and p.start < verb.start), key=lambda p: p.start)
    things = event_type is None or (event_type in PERSON_OR_THING_PATIENT_TYPES
                                    and not verb.lemmas & person_patient_lemmas())
    between = people.text[max(naming.start, naming.end, 0) : verb.start]
    return None if named_between(between, gender, things) else name


_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})
_TOPIC_PREPOSITIONS = frozenset({"о", "об", "обо", "про"})
_WORD_OR_MARK = re.compile(r"\w+(?:-\w+)?|[^\w\s]")
_OPENING_QUOTES = frozenset({"«", "„"})
_QUOTES = _OPENING_QUOTES | {"»", "“", "”", '"'}


def named_between(text: str, gender: str, things: bool = False) -> bool:
    """Whether ``text`` (from the end of a person's naming up to a verb that leaves out its subject)
    names something else a singular verb of ``gender`` could stand for, as pymorphy3 reads the
    words: a person by an unnamed noun in any case (``о своём сыне``, ``с братом``), not one apposed
    to a name (``журналист Олег Сомов``; ``Сомов, журналист и правозащитник,``: the nouns of the
    apposition's own case); and with ``things``, a thing (an inanimate noun) the text is about: a
    bare subject or object (``создал фонд``) or the topic after ``о``/``про`` (``о своём фонде``),
    not a place or time after another preposition (``в мае``, ``на площадь``). A third-person
    pronoun of ``gender`` names the person again past a thing (``вёл канал. Орлова его снимала``),
    not past another person, whom it may as well stand for (``о своём сыне. Он учится ...``).

    >>> named_between(" рассказал о своём сыне. В мае ", "masc"), named_between(" говорил о внуке. ", "masc")
    (True, True)
    >>> named_between(" рассказал о своей дочери. В мае ", "masc")
    False
    >>> named_between(" купил грузовик. ", "masc"), named_between(" купил грузовик. ", "masc", things=True)
    (False, True)
    >>> named_between(", журналист и правозащитник, приехал. ", "masc")
    False
    >>> named_between(" пришёл на площадь. В мае ", "femn", things=True)
    False
    >>> named_between(" пришла в клуб «Красная звезда». ", "femn", things=True)
    False
    >>> named_between(" вёл канал. Орлова его снимала. ", "masc", True), named_between(" о сыне. Он учится. ", "masc")
    (False, True)
    """
    words = _WORD_OR_MARK.findall(text)
    found, person, quoted = False, False, False  # something else named; another person among it
    apposition: set[str] | None = None  # the cases of an apposition set off after a name, while it runs
    for k, word in enumerate(words):
        if word in _QUOTES:  # a name in quotes (``гей-клуб «Центральная станция»``) is no thing told of
            quoted = word in _OPENING_QUOTES or (word == '"' and not quoted)
            continue
        if quoted:
            continue
        if not word[0].isalpha():
            # after the naming itself or a name amid a sentence (``Вечером,`` opens no apposition)
            opens = word in {",", "—", "–", "-"} and (k == 0 or words[k - 1][:1].isupper() and k >= 2
                                                      and words[k - 2] not in {".", "!", "?", "…"})
            apposition = set() if opens else None
            continue
        lower = word.lower().replace("ё", "е")
        parsed = [p for p in parse_word(lower) if "Arch" not in p.tag.grammemes]  # not ``внука``'s old feminine
        tag = parsed[0].tag if parsed else None
        if apposition is not None and not _describes(tag, lower):
            apposition = None  # a clause of its own (``Сомов, как рассказал брат,``)
        if PRONOUN_GENDER.get(lower) == gender:
            found = person
            continue
        if tag is None or tag.POS != "NOUN" or _PROPER & tag.grammemes:
            continue
        cases = {p.tag.case for p in parsed if p.tag.POS == "NOUN"}
        apposed = apposition is not None and (not apposition or bool(apposition & cases))
        if apposition == set():
            apposition = cases
        if tag.number != "sing" or tag.gender != gender or "Ms-f" in tag.grammemes:
            continue
        if tag.animacy == "anim":
            after = words[k + 1] if k + 1 < len(words) else ""
            person = person or not (apposed or after[:1].isupper())
            found = found or person
            continue
        preposition = _governing_preposition(words, k)
        if things and (preposition is None and tag.case in {"nomn", "accs"} or preposition in _TOPIC_PREPOSITIONS):
            found = True
    return found


def _describes(tag, word: str) -> bool:
    """A word of a description of a person, as in an apposition (``журналист и правозащитник из
    Омска``): a noun, adjective, participle, number or preposition, or ``и``/``или``; not a verb,
    a pronoun (``который``, ``его``) or another conjunction (``как``)."""
    if tag is None:
        return False
    if tag.POS == "CONJ":
        return word in {"и", "или"}
    return tag.POS in {"NOUN", "ADJF", "PRTF", "NUMR", "PREP"} and "Apro" not in tag.grammemes


def _governing_preposition(words: list[str], at: int) -> str | None:
    """The preposition a noun's phrase opens with (``о своём пикете``: ``о``), over the
    adjectives and possessives before the noun; None when it opens with none."""
    k = at - 1
    while k >= 0 and words[k][:1].isalpha():
        parsed = parse_word(words[k].lower())
        pos = parsed[0].tag.POS if parsed else None
        if pos == "PREP":
            return words[k].lower()
        if pos not in {"ADJF", "PRTF", "NUMR"}:
            return None
        k -= 1
    return None


def _same_verb_form(one: Token, other: Token) -> bool:
    """Two verbs of one gender and number (``схвачен и увезён``: the parse may not read the
    second as a participle)."""
    keys = ("Gender=", "Number=")
    form = {f for f in one.feats if f.startswith(keys)}
    return one.pos == "VERB" and len(form) == 2 and form == {f for f in other.feats if f.startswith(keys)}


def story_person(people: People, start: int, gender: str, relations: bool = True,
                 scene: frozenset[str] | None = None, contrast: bool = False) -> str | None:
    """The last person of ``gender`` named before ``start`` in the nearest paragraph that names
    anyone before it (its own paragraph if that does): a news story or a report tells one
    person's case paragraph after paragraph, naming them once and then calling them ``он``
    or ``мужчина``; a paragraph naming only someone else ends that story. Without
    ``relations`` a relation word naming someone again (``по словам адвоката``) is no naming:
    a description (``его подзащитного``) is not the relation the text calls by that word.
    With ``scene`` (the places of a description's sentence) a person named in an earlier
    paragraph is who it stands for only while the story stays with them: a place named in
    the description's sentence or before it in its paragraph that no paragraph before names
    (``В Казани полиция задержала мужчину`` after a detention in Moscow) tells another
    happening, of someone else, and so does a sentence set against the story told
    (``contrast``: ``Тем временем в Перми пенсионера избили``).

    >>> named = (NamedPerson(0, 20, "Олег Петров", "masc"), NamedPerson(40, 60, "Анна Орлова", "femn"))
    >>> story_person(People(named=named), 30, "masc"), story_person(People(named=named), 70, "femn")
    ('Олег Петров', 'Анна Орлова')
    >>> story_person(People(named=named), 70, "masc") is None
    True
    """
    story = None  # the paragraph of the last naming before ``start`` (``named`` is in text order)
    aside = None  # the last person of ``gender`` named only aside (:func:`named_aside`), while no other is
    for i in range(bisect.bisect_left(people.named, start, key=lambda p: p.start) - 1, -1, -1):
        person = people.named[i]
        if person.by_relation and not relations:
            continue
        story = person.paragraph_end if story is None else story
        if person.paragraph_end != story:
            break
        if person.gender == gender:
            if scene is not None and person.paragraph_end < start and (
                    contrast or not same_scene(people, start, scene)):
                return None
            if named_aside(people, i) or person.name == aside:
                aside = aside or person.name
                continue
            return person.name
    return aside


def named_aside(people: People, i: int) -> bool:
    """Whether the ``i``-th naming is told aside, not as whom the story is about: after a
    preposition in a noun's phrase, over the nouns and adjectives of its own (``в нападении на Игоря
    Смирнова``, ``после ссоры с Мариной Котовой``; not a verb's, ``пришла к Игорю Смирнову``), or as one of a list of names (``охранники Пётр Зуев и
    Ильдар Сабиров``). A later ``он`` or ``она`` stands for a person of its gender named plainly
    before in the story, when there is one (:func:`story_person`).

    >>> text = "Олег Белов в нападении на Игоря Смирнова. Охранники Пётр Зуев и Глеб Орлов."
    >>> named = (NamedPerson(0, 75, "Олег Белов", "masc", end=10), NamedPerson(26, 75, "Игорь Смирнов", "masc", end=40),
    ...          NamedPerson(52, 75, "Пётр Зуев", "masc", end=61), NamedPerson(64, 75, "Глеб Орлов", "masc", end=74))
    >>> [named_aside(People(named=named, text=text), i) for i in range(4)]
    [False, True, True, True]
    """
    person, text = people.named[i], people.text
    if person.by_relation or not text:
        return False
    words = _WORDS.findall(re.split(r"[.!?…\n]", text[max(0, person.start - 60) : person.start])[-1])
    for k in range(len(words) - 1, max(len(words) - 4, 0) - 1, -1):
        tag = parse_word(words[k].lower())[0].tag
        if tag.POS == "PREP":  # in a noun's phrase (``покушения на``), not a verb's (``пришла к Смирнову``)
            return k > 0 and parse_word(words[k - 1].lower())[0].tag.POS == "NOUN"
        if tag.POS not in {"NOUN", "ADJF", "PRTF"} or tag.case == "nomn":
            break
    listed = re.compile(r"\s*(?:,|и)\s*")
    return any(other is not person and not other.by_relation and (
        (other.end <= person.start and listed.fullmatch(text[other.end : person.start]))
        or (person.end <= other.start and listed.fullmatch(text[person.end : other.start])))
        for other in people.named[max(0, i - 2) : i + 3])


def same_scene(people: People, start: int, scene: frozenset[str]) -> bool:
    """Whether the places of a sentence (``scene``) and those named before ``start`` in its
    paragraph are all places the story has named in the paragraphs before (``Винника
    экстрадируют из Греции`` ... ``россиянин был арестован в Греции``)."""
    told, own = set(), set(scene)
    for at, paragraph_end, place in people.places:
        if paragraph_end < start:
            told.add(place)
        elif at < start:  # before the sentence's description, in its paragraph
            own.add(place)
    return own <= told


# the parse's cases as pymorphy3 names them
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def substantive_participle(word: str) -> bool:
    """Every reading pymorphy3 gives the word is a singular full participle it marks as one that
    may stand as a noun (``Subx``: ``подозреваемого``, ``задержанная``; not ``задержанных``, a plural,
    nor ``сидевшего``, which only qualifies a noun): a person named by what befell them.

    >>> substantive_participle("подозреваемого"), substantive_participle("задержанных"), substantive_participle("студента")
    (True, False, False)
    """
    readings = parse_word(word.lower())
    return bool(readings) and all({"PRTF", "Subx", "sing"} <= p.tag.grammemes for p in readings)


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


def read_people(text: str, mentions) -> People:
    """The narrator's name and the named relations of one document.

    >>> from pipeline.records import Mention
    >>> text = "Я, Иванова Анна, сообщаю. Моего сына, Олега Иванова, задержали."
    >>> people = read_people(text, [Mention(PER, 3, 15, "Иванова Анна", "Анна Иванова"),
    ...                             Mention(PER, 38, 51, "Олега Иванова", "Олег Иванов")])
    >>> people.narrator, people.kin
    ('Анна Иванова', {'сын': 'Олег Иванов'})
    >>> read_people("Мою дочь зовут Вера Орлова.", [Mention(PER, 15, 26, "Вера Орлова", "Вера Орлова")]).kin
    {'дочь': 'Вера Орлова'}
    """
    narrator, kin, owners = None, {}, set()
    relations = folded_set("relation_nouns")
    for mention in mentions:
        if mention.type != PER:
            continue
        before = text[max(0, mention.start - 30) : mention.start]
        name = mention.normal or mention.text
        if narrator is None and SELF_INTRODUCTION.search(before):
            narrator = given_name_first(mention.text) or name
        before = _CALLED.sub(" ", before)  # ``Моего сына зовут Антон``: a relation introduced with a name
        words = _WORDS.findall(before.rsplit("\n\n", 1)[-1])
        if words and re.search(r"^[\s,—–-]*$", before[before.rfind(words[-1]) + len(words[-1]):]):
            if lemmas_of(words[-1]) & relations and names_the_owner(text, mention, words[-1]):
                owners.add(mention.start)
                continue
            for lemma in lemmas_of(words[-1]) & relations:
                kin.setdefault(lemma, name)
    named = named_people(text, mentions, narrator)
    if kin:  # "мужу", "сына" later in a paragraph name the relation introduced earlier
        named += _kin_words(text, kin)
    named = tuple(sorted(named, key=lambda p: p.start))
    return People(narrator, kin, named, owners=frozenset(owners), places=paragraph_places(text, mentions),
                  text=text)


def names_the_owner(text: str, mention, kin_word: str) -> bool:
    """Whether a name after a noun of kinship in the nominative is whose the relative
    is (``Жена Гайсина``, ``Сестра Марата``: read in another case than the noun's) and
    not the relative (``Сестра Марина``, ``Его жена Гайсина``: the same case).

    >>> from pipeline.records import Mention
    >>> text = "Сестра Марата задержана. Сестра Марина задержана."
    >>> names_the_owner(text, Mention(PER, 7, 13, "Марата", "Марат"), "Сестра")
    True
    >>> names_the_owner(text, Mention(PER, 32, 38, "Марина", "Марина"), "Сестра")
    False
    """
    from ..tag.person_context import person_context
    from ..tag.persons import normalise_person

    parses = parse_word(kin_word.lower())
    if not parses or parses[0].tag.case != "nomn":
        return False  # ``Моего сына, Олега Иванова``: an apposition in the noun's case
    read = normalise_person(mention.text, person_context(text, mention.start, mention.end))
    written = _WORDS.findall(mention.text)
    return len(read.parts) == len(written) and all(
        a.lower() != b.lower() for a, b in zip(read.parts, written) if not a.endswith("."))


def _kin_words(text: str, kin: dict[str, str]) -> tuple[NamedPerson, ...]:
    """Each later relation word (``мужу``) as a naming of the person it stands for."""
    found = []
    for match in _WORDS.finditer(text):
        for lemma in lemmas_of(match.group()) & kin.keys():
            end = text.find("\n", match.end()) % (len(text) + 1)
            found.append(NamedPerson(match.start(), end, kin[lemma], name_gender(kin[lemma]), by_relation=True,
                                     end=match.end()))
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


def person_words(tokens: tuple[Token, ...], people: People | None, mention_tokens: set[int],
                 names_someone: bool = True, scene: frozenset[tuple[str, int]] = frozenset()) -> list[Candidate]:
    """Persons read from first-person pronouns (the narrator), third-person object
    pronouns (their antecedent), named relations (``мужа``) and, in a sentence that names no
    one (``names_someone`` false), descriptions of one person (:func:`described_person`; ``scene``:
    the sentence's places, each with the token its phrase hangs on), outside any mention: each counts only close to a trigger."""
    if people is None:
        return []
    pronouns, found = folded_set("narrator_pronouns"), []
    for token in tokens:
        if token.index in mention_tokens:
            continue
        if token.lemmas & pronouns and token.pos == "PRON":
            names = [people.narrator or NARRATOR]
        elif token.pos == "PRON" and not is_possessive(tokens, token) and (name := antecedent(people, token)):
            names = [name]
        elif not names_someone and (name := described_person(people, tokens, token, scene)):
            names = [name]
        else:
            names = [people.kin[lemma] for lemma in token.lemmas & people.kin.keys()]
        found += [Candidate("person", (token.index,), name=name, near=True, tree_only=True) for name in names]
    return found


# words before a description that make it someone else than the person told of before
_OTHER_MARKERS = frozenset({"другой", "один", "второй", "еще", "некий", "неизвестный", "некоторый", "какой-то",
                            "каждый", "любой", "иной"})


def described_person(people: People, tokens: tuple[Token, ...], token: Token,
                     scene: frozenset[tuple[str, int]] = frozenset()) -> str | None:
    """The named person a description of one person stands for (``полиция задержала мужчину``,
    ``студента отчислили``, ``бывшего директора арестовали``), as :func:`story_person` finds
    them by the noun's gender (:func:`described_gender`): the person a happening befell, not a
    relation of theirs (``relation_nouns``), a group (a plural), an official doing it
    (``official_nouns`` as a subject or an oblique, any noun in the instrumental), nor
    ``другого``, ``одного`` anywhere in its phrase (:func:`noun_phrase`: ``Другую участницу
    акции, студентку``), nor someone of a case of its own (:func:`tells_other_case`);
    a noun the parse reads as animate and singular. Across a paragraph the story must go on
    in the same places (``scene``: those of the description's own clause) and not be set against it
    (``story_contrasts``: :func:`story_person`)."""
    if token.rel not in _OBJECT_RELS:
        return None
    # a participle standing as a noun (``подозреваемого задержали``, ``задержанную доставили``): the
    # parse may read it as an adjective or a verb and give it no animacy; pymorphy3 marks the form
    if not (token.pos == "NOUN" and {"Animacy=Anim", "Number=Sing"} <= token.feats or substantive_participle(token.text)):
        return None
    if "Case=Ins" in token.feats:
        return None  # who did it to them (``избит полицейским``) or what they were made (``сделать инвалидом``)
    if token.lemmas & folded_set("relation_nouns"):
        return None
    if token.lemmas & folded_set("official_nouns") and token.rel in {"nsubj", "obl"}:
        return None
    if any(tokens[i].lemmas & _OTHER_MARKERS for i in noun_phrase(tokens, token) - {token.index}) \
            or tells_other_case(tokens):
        return None
    gender = described_gender(token.text, token.feats)
    if gender is None:
        return None
    contrast = has_pattern(tokens, context()["story_contrasts"], 0, len(tokens))
    own = frozenset(place for place, head in scene if head == token.head)  # its own clause's places
    return story_person(people, token.start, gender, relations=False, scene=own, contrast=contrast)


def _subtree(tokens: tuple[Token, ...], root: int) -> set[int]:
    """``root`` and the tokens under it, but for clauses hung on it (``acl``: what it did)."""
    found, grew = {root}, True
    while grew:
        grew = False
        for t in tokens:
            if t.index not in found and t.head in found and not t.rel.startswith("acl"):
                found.add(t.index)
                grew = True
    return found


def noun_phrase(tokens: tuple[Token, ...], token: Token) -> set[int]:
    """The tokens of a noun's phrase with its apposition: the noun's own dependents and a
    phrase of the same role set off from it by a comma only (``Другую участницу акции,
    студентку``, ``одну из участниц, пенсионерку``: the parse reads both as objects of the
    verb, or one as the other's ``appos``)."""
    phrase = _subtree(tokens, token.index)
    if token.rel == "appos" and token.head >= 0:
        phrase |= _subtree(tokens, token.head)
    for other in tokens:
        if other.index == token.index or other.head != token.head or other.rel != token.rel:
            continue
        theirs = _subtree(tokens, other.index)
        lo, hi = sorted((other.index, token.index))
        commas = {i for i in range(lo + 1, hi) if tokens[i].text == ","}
        if commas and set(range(lo + 1, hi)) <= theirs | phrase | commas:
            phrase |= theirs
    return phrase


def tells_other_case(tokens: tuple[Token, ...]) -> bool:
    """The sentence tells a case of its own (``В одном случае ...``, ``В другом случае ...``:
    a noun of ``case_nouns`` qualified by ``один`` or a one-word ``case_openers``): the people
    it describes are new to the story, not those named before."""
    openers = {fold(o[0]) for o in context()["case_openers"] if len(o) == 1} | {"один"}
    nouns = folded_set("case_nouns")
    return any(t.lemmas & nouns and any(d.head == t.index and d.lemmas & openers for d in tokens) for t in tokens)


def is_possessive(tokens: tuple[Token, ...], token: Token) -> bool:
    """``его``/``её`` right before a noun or adjective in the nominative, accusative or
    genitive is whose it is (``её подзащитного задержали``: the client, not her), whatever
    relation the parse gave it; before another case it is the object (``били его дубинками``)."""
    following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    return (token.text.lower().replace("ё", "е") in {"его", "ее"} and following is not None
            and following.pos in {"NOUN", "ADJ"}
            and bool({"Case=Nom", "Case=Acc", "Case=Gen"} & following.feats))


def carry_persons(drafts: list) -> None:
    """Give an event that names no one the people of the last event told before it in its
    paragraph: a report tells one person's case sentence after sentence (``Против
    Иванова возбудили дело ... В мае его арестовали ... Возбуждено второе дело``),
    naming them once. A summary, a count of unnamed people or a first-person happening
    (the narrator) names its own."""
    last: dict[int, tuple[str, ...]] = {}
    for draft in sorted(drafts, key=lambda d: d.event.start):
        event = draft.event
        if event.persons:
            last[draft.paragraph] = event.persons
        elif (draft.paragraph in last and event.count is None and not draft.patients
              and not draft.telling.summary):
            draft.update(persons=last[draft.paragraph])


_SENTENCE_END = re.compile(r"[.!?…][»\")]*\s")
_ENTRY_OPENING = re.compile(r"\s*(?:\d{1,4}[.)]\s*|[•*·\-—–]\s*)?")


def persons_listed(drafts: list, text: str, mentions) -> None:
    """Give an event the people listed after a colon that follows its trigger, on the
    rest of its line (``задержали троих: — Орлову; — Кузина; — Ли``) and one a line
    after it (``Список задержанных 12 июня:`` then ``Орлова Вера Павловна``, ``Кузин
    Глеб``). Each piece opens with a name and tells nothing of its own: a line with a
    trigger of its own is a happening of its own, with its own person. Syntax finds the
    first name of such a list at most; the list's names replace it."""
    starts = sorted(told.event.start for d in drafts for told in (d, *d.members))
    people = sorted((m for m in mentions if m.type == PER), key=lambda m: m.start)
    people_starts = [m.start for m in people]

    def names_opening(start: int, end: int) -> list[str] | None:
        """The names of ``start``-``end`` if it opens with one and nothing is told in it."""
        opening = _ENTRY_OPENING.match(text, start, end).end()
        k = bisect.bisect_left(people_starts, opening)
        if k == len(people) or people[k].start != opening or people[k].end > end:
            return None
        if bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end):
            return None
        return [m.normal or m.text for m in people[k : bisect.bisect_left(people_starts, end)] if m.end <= end]

    for draft in drafts:
        event = draft.event
        line_end = text.find("\n", event.end)
        line_end = len(text) if line_end < 0 else line_end
        colon = text.find(":", event.end, line_end)
        if colon < 0 or _SENTENCE_END.search(text, event.end, colon):
            continue  # no colon in the trigger's own sentence ("... Сообщила защитница: Орлова")
        listed: list[str] = []
        if text[colon + 1 : line_end].strip():
            listed = names_opening(colon + 1, line_end) or []
        elif line_end < len(text):
            start = line_end + 1
            while start < len(text):
                end = text.find("\n", start)
                end = len(text) if end < 0 else end
                names = names_opening(start, end)
                if names is None:
                    break
                listed += names
                start = end + 1
        if listed and set(event.persons) <= set(listed):
            draft.update(persons=tuple(dict.fromkeys(listed)))
