"""Whom a word near a trigger stands for: a pronoun, a left-out subject, a relation word, a description.

``его арестовали``, ``Во время протестов была арестована``, ``мужа задержали``, ``полиция
задержала мужчину``: the person meant was named before (:class:`~pipeline.events.people.People`,
read once per document) and is found by gender back through the story
(:func:`story_person`). Apart from :mod:`~pipeline.events.people`, which reads who a document
names; :func:`person_words` is what the argument step asks.
"""

from __future__ import annotations

import bisect
import re

from ..nlp import parse_word
from ..resources import fold
from .genders import described_gender
from .people import NARRATOR, People
from .syntax import Candidate, Token, context, context_patterns, folded_set, has_pattern
from .triggers import person_patient_lemmas

_WORDS = re.compile(r"\w+")


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

    >>> from pipeline.events.people import NamedPerson
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

    >>> from pipeline.events.people import NamedPerson
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
    paragraph are all places the story has named in the paragraphs before (``Орлова
    выдадут из Польши`` ... ``белорус был задержан в Польше``)."""
    told, own = set(), set(scene)
    for at, paragraph_end, place in people.places:
        if paragraph_end < start:
            told.add(place)
        elif at < start:  # before the sentence's description, in its paragraph
            own.add(place)
    return own <= told


def substantive_participle(word: str) -> bool:
    """Every reading pymorphy3 gives the word is a singular full participle it marks as one that
    may stand as a noun (``Subx``: ``подозреваемого``, ``задержанная``; not ``задержанных``, a plural,
    nor ``сидевшего``, which only qualifies a noun): a person named by what befell them.

    >>> substantive_participle("подозреваемого"), substantive_participle("задержанных"), substantive_participle("студента")
    (True, False, False)
    """
    readings = parse_word(word.lower())
    return bool(readings) and all({"PRTF", "Subx", "sing"} <= p.tag.grammemes for p in readings)


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
    contrast = has_pattern(tokens, context_patterns("story_contrasts"), 0, len(tokens))
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
