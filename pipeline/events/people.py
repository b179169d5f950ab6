"""Who the people of a statement are: its narrator, named relations and named persons.

Testimony is told in the first person (``меня задержали``) about relatives
(``моего мужа, Андрея Смирнова``) and people named once and then called ``его``,
``её``. Read once per document (:func:`read_people`), these turn a pronoun or a
relation word near a trigger into the person it stands for
(:mod:`~pipeline.events.antecedents`). Here: the records of a document's people and
their reading, and the passes over a document's events that give an event the persons
told before it or listed after it (:func:`carry_persons`, :func:`persons_listed`).
The gender a name tells is read in :mod:`~pipeline.events.genders`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..nlp import parse_word
from ..records import LOC, PER
from ..resources import fold
from .genders import agreed_gender, name_gender, surname_gender
from .genders import described_gender  # noqa: F401  (tests import it from here)
from .syntax import folded_set, lemmas_of

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
    ``белорус был задержан в Польше``: the gazetteer's kind)."""
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
