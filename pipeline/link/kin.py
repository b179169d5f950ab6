"""Who a statement ties a person to as family: the people whose surname a person it names
without one (``Оля``, ``моего сына Тиму``) may bear.

A family names its own by the first name alone; the surname is the relative's who
writes (``Я, Андрей Шевчук … задержали мою жену Олю``) or who the kin word names
(``Олю, жену Андрея Шевчука``). Only those count: a neighbour, a colleague, a lawyer,
an official or anyone else the statement names is no family, and their surname is
not the person's (``мою соседку Олю`` beside ``сержант Игорь Белов``). The author is who
introduces themself (``Я, …``, ``Меня зовут …``) or signs the statement at its end
(``С уважением, Инна Сорокина``, ``Заявитель: …``, a name alone on a closing line); an
age or an adjective may stand between the possessive, the kin word and the name
(``моего 17-летнего сына Тиму``). In the author's statement a kin word that says no
owner is the author's (``Мужа, Эрнеса, увезли``), and so is a first name alone nothing
describes, of the gender of a relative the author leaves unnamed (``Нас с мужем схватили
… Андрея отправили``); not ``её мужа`` nor ``нашего соседа Пашу``. Kin nouns, possessives
and closing formulas: ``models/link_kin.json``.

A woman's surname before marriage, told after a cue (``Нина Зайцева, до замужества
Белова``: :func:`maiden_surnames`), is hers too: another statement may name her by it.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from ..events.people import SELF_INTRODUCTION
from ..events.syntax import lemmas_of
from ..morphology import parse_word
from ..research.loading import Tables
from ..resources import fold, load_json
from .names import parse_name, sound_key, surname_stem

_WORDS = re.compile(r"\w+(?:[‐‑-]\w+)*")  # a hyphenated word is one: ``17-летнего``
_BETWEEN = re.compile(r"^[\s,—–-]*$")
# Parts of speech that may stand between a possessive, its kin word and the name, agreeing
# with the kin word: an adjective, a participle, a numeral (``нашего младшего, 17-летнего
# сына``); a number in digits always may.
_MODIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})
_NOUN = frozenset({"NOUN"})
_MOST_MODIFIERS = 3
# Where a signature's line starts: the end of a sentence or a line.
_LINE_START = re.compile(r"[.!?\n][^.!?\n]*\Z")
# What may follow a signature: a short closing line (``Дата: 12.05.2024``, a phone number).
_CLOSING_LINE = 40
_LINE_END = re.compile(r"[ \t.,;]*(?:\n|\Z)")


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = load_json("link_kin.json")
    return {key: frozenset(fold(w) for w in data[key])
            for key in ("kin_nouns", "first_person_possessives", "sign_offs")}


def is_kin_word(word: str) -> bool:
    """Whether a word is a noun of family (any case), not of a neighbour or a lawyer.

    >>> is_kin_word("жену"), is_kin_word("сыночка"), is_kin_word("соседку"), is_kin_word("адвоката")
    (True, False, False, False)
    """
    return bool(lemmas_of(word) & _lexicon()["kin_nouns"])


def _is_possessive(word: str) -> bool:
    return bool(lemmas_of(word) & _lexicon()["first_person_possessives"])


def _cases(word: str, parts: frozenset[str]) -> set[str]:
    return {p.tag.case for p in parse_word(word) if p.tag.POS in parts}


def _agrees(word: str, noun: str) -> bool:
    """Whether a word may modify the kin noun: a number, or an adjective, participle or
    numeral in one of its cases (``17-летнего сына``, ``старшую дочь``; not ``соседке дочь``)."""
    return word.isdigit() or bool(_cases(word, _MODIFIERS) & _cases(noun, _NOUN))


# Whose a kin word says the relative is: the author's (``мою жену``), unsaid (``Мужа,
# Эрнеса, увезли``: in the author's own statement, the author's), or another's (``её мужа``,
# ``своего сына``: someone the sentence names).
MINE, UNSAID, OTHERS = "mine", "unsaid", "others"


def _words_back(text: str, start: int):
    """The words before ``start``, nearest first, while only commas and dashes stand
    between them (a sentence's end stops it)."""
    before = text[max(0, start - 80):start]
    end = len(before)
    for word in reversed(list(_WORDS.finditer(before))):
        if not _BETWEEN.match(before[word.end():end]):
            return
        yield word.group(), max(0, start - 80) + word.start()
        end = word.start()


def _owner(text: str, kin_start: int, kin: str) -> str:
    """Whose the kin word at ``kin_start`` says the relative is, read back over up to three
    agreeing modifiers (``моего младшего, 17-летнего сына``)."""
    for count, (word, _) in enumerate(_words_back(text, kin_start)):
        if _is_possessive(word):
            return MINE if _cases(word, frozenset({"ADJF"})) & _cases(kin, _NOUN) else UNSAID
        if any("Apro" in p.tag or ("NPRO" in p.tag and "3per" in p.tag)
               for p in parse_word(word)):
            return OTHERS
        if count == _MOST_MODIFIERS or not _agrees(word, kin):
            break
    return UNSAID


def _kin_before(text: str, start: int) -> tuple[str, int, str] | None:
    """The kin word before a name, where it starts, and whose it says the relative is
    (``MINE``, ``UNSAID``, ``OTHERS``). Commas, dashes and up to three agreeing modifiers
    may stand between (``моего младшего, 17-летнего сына Тиму``, ``дочь, 19-летнюю Катю``).

    >>> _kin_before("задержали нашего 17-летнего сына Тиму", 33)[::2]
    ('сына', 'mine')
    >>> _kin_before("задержали её мужа Тимура", 18)[::2], _kin_before("Мужа, Эрнеса", 6)[::2]
    (('мужа', 'others'), ('Мужа', 'unsaid'))
    >>> _kin_before("задержали соседку, 19-летнюю Олю", 29) is None
    True
    """
    between = []
    for word, at in _words_back(text, start):
        if is_kin_word(word):
            if not all(_agrees(w, word) for w in between):
                return None
            return word, at, _owner(text, at, word)
        between.append(word)
        if len(between) > _MOST_MODIFIERS:
            return None
    return None


def _gender(word: str) -> str | None:
    """A kin noun's or a first name's gender (``мужем``: masc; ``Андрея``: masc)."""
    genders = {p.tag.gender for p in parse_word(word) if p.tag.POS == "NOUN"} - {None}
    return next(iter(genders)) if len(genders) == 1 else None


def _unnamed_kin(text: str, starts: set[int]) -> set[str]:
    """The genders of the author's relatives a statement mentions without a name after the
    kin word (``Нас с мужем задержали``), nor another owner (``её мужа``, ``жену Андрея
    Шевчука``)."""
    found = set()
    for word in _WORDS.finditer(text):
        if not is_kin_word(word.group()):
            continue
        after = re.match(r"[\s,—–-]*", text[word.end():])
        if word.end() + after.end() in starts or _owner(text, word.start(), word.group()) == OTHERS:
            continue
        found.add(_gender(word.group()))
    return found - {None}


def _described(text: str, start: int) -> bool:
    """Whether a mention has an animate noun right before it, which says who the person is
    (``нашего соседа Пашу``, ``адвоката Олега``, ``сына Тиму``)."""
    return any(p.tag.POS == "NOUN" and "anim" in p.tag
               for word, _ in list(_words_back(text, start))[:1] for p in parse_word(word))


def _signer(text: str, people: list[tuple[int, int, str]]) -> str | None:
    """The author who signs the statement at its end: a name after a closing formula
    (``С уважением, Инна Сорокина``, ``Заявитель: …``), or a name alone on its line among
    the last ones, nothing but a short closing line after it (a date, a phone number).

    >>> _signer("Задержали моего сына. С уважением, Инна Сорокина.", [(35, 48, "Инна Сорокина")])
    'Инна Сорокина'
    >>> _signer("Задержали сына. Об этом сообщил Семён Корнилов.", [(32, 46, "Семён Корнилов")])
    """
    for start, end, name in reversed(people):
        line = _LINE_START.search(text[:start])
        lead = fold(text[line.start() + 1 if line else 0:start]).strip(" \t,:;—–-")
        if any(lead.startswith(formula) for formula in _lexicon()["sign_offs"]):
            return name
        rest = text[end:]
        alone = _LINE_END.match(rest)  # nothing but punctuation after it on its line
        if not lead and alone and len(rest[alone.end():].strip()) <= _CLOSING_LINE:
            return name
    return None


def kin_ties(text: str, people: list[tuple[int, int, str]]) -> dict[str, set[str]]:
    """Name -> names of the people one statement ties it to as family. ``people``: the
    start, end and name of each person mention, in the text.

    >>> text = "Я, Андрей Шевчук, пишу. Задержали мою жену Олю и соседку Веру."
    >>> found = kin_ties(text, [(3, 16, "Андрей Шевчук"), (43, 46, "Оля"), (57, 61, "Вера")])
    >>> sorted(found["Оля"]), "Вера" in found
    (['Андрей Шевчук'], False)
    """
    people = sorted(people)
    narrator = next((name for start, _, name in people
                     if SELF_INTRODUCTION.search(text[max(0, start - 30):start])),
                    None) or _signer(text, people)
    ties: dict[str, set[str]] = {}

    def tie(one: str, other: str) -> None:
        if one != other:
            ties.setdefault(one, set()).add(other)
            ties.setdefault(other, set()).add(one)

    ends = {end: name for _, end, name in people}
    starts = {start: name for start, _, name in people}
    for start, end, name in people:
        kin = _kin_before(text, start)
        if kin is not None and kin[2] != OTHERS and narrator is not None:
            tie(name, narrator)  # ``мою жену Олю``, ``Мужа, Эрнеса, …``: the author's
        # ``Олю, жену Андрея Шевчука``: the kin word after the name, its owner named next
        after = re.match(r"[\s,—–-]*(\w+)\s+", text[end:end + 40])
        if after and is_kin_word(after.group(1)) and end + after.end() in starts:
            tie(name, starts[end + after.end()])
        # ``жену Андрея Шевчука Олю``: the kin word before the owner named just before the
        # name, no comma between (``сына Андрея Шевчука, Олю и Веру`` is a list)
        gap = text[:start].rstrip()
        if kin is None and len(gap) in ends:
            owner_start = next(s for s, e, n in people if e == len(gap))
            owner_kin = _kin_before(text, owner_start)
            if owner_kin is not None and owner_kin[2] != MINE:
                tie(name, ends[len(gap)])
    if narrator is not None:
        # ``Я, Ольга Ковальчук … Нас с мужем схватили … Андрея отправили``: a first name
        # alone that nothing describes, of the gender of a relative of the author's the
        # statement leaves unnamed, is that relative (not ``нашего соседа Пашу``).
        unnamed = _unnamed_kin(text, set(starts))
        described = {n for s, _, n in people if _described(text, s)}
        for name in {n for _, _, n in people if " " not in n.strip()} - described:
            if _name_gender(name) in unnamed:
                tie(name, narrator)
    return ties


def _name_gender(name: str) -> str | None:
    return parse_name(name).gender or _gender(name)


def document_kin(tables: Tables, doc_ids: set[str]) -> dict[tuple[str, str], set[str]]:
    """(document, name) -> the names the document ties it to as family, for ``doc_ids``
    (the documents naming someone without a surname: the others need none)."""
    sentences = tables.sentences[tables.sentences["doc_id"].isin(doc_ids)]
    texts: dict[str, list[str]] = {}
    for doc_id, start, text in zip(sentences["doc_id"], sentences["start"], sentences["text"]):
        if isinstance(text, str) and not pd.isna(start):
            chars = texts.setdefault(doc_id, [])
            # between sentences a line break: a signature is a line of its own
            chars.extend("\n" * (int(start) + len(text) - len(chars)))
            chars[int(start):int(start) + len(text)] = text
    mentions = tables.mentions
    named = mentions[(mentions["type"] == "PER") & mentions["normal"].notna()
                     & mentions["doc_id"].isin(texts) & mentions["start"].notna()
                     & mentions["end"].notna()]
    people: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, start, end, normal in zip(named["doc_id"], named["start"], named["end"],
                                          named["normal"]):
        people.setdefault(doc_id, []).append((int(start), int(end), str(normal)))
    found = {}
    for doc_id, mentioned in people.items():
        for name, tied in kin_ties("".join(texts[doc_id]), mentioned).items():
            found[(doc_id, name)] = tied
    return found


@cache
def _maiden_cues() -> tuple[str, ...]:
    return tuple(fold(cue) for cue in load_json("link_kin.json").get("maiden_name_cues", ()))


_CUE_END = re.compile(r"[\s,:—–-]*$")


def maiden_surnames(tables: Tables) -> dict[tuple[str, str], set[str]]:
    """The surnames a woman bore before marriage, told after a cue (``models/link_kin.json``
    ``maiden_name_cues``: ``Нина Зайцева, до замужества Белова``): (document, name) -> those
    surnames' keys. Hers is the name the surname's mention is a form of (the gold's way), or,
    where the tagger read the lone surname as a person of its own (``Белов``), the woman's
    name set right before the cue (:func:`_set_beside`). A surname after other words (``со
    мной была Белова``, ``моя мать, до замужества Белова``) is someone else's."""
    surnames: dict[tuple[str, str], set[str]] = {}
    for doc_id, owner, alias, _ in _maiden_names(tables):
        surnames.setdefault((doc_id, owner), set()).add(alias)
    return surnames


def maiden_name_records(tables: Tables) -> list[tuple[str, str, str]]:
    """(document, the lone surname's own name, hers) where the tagger read a surname before
    marriage as a person of its own (``Белов`` after ``до замужества Белова``): that record is
    the woman herself, named by her former surname, as a variant of one name is (joined in her
    document before any scoring, or it stays a man of the statement no one else names)."""
    return [(doc_id, own, owner) for doc_id, owner, _, own in _maiden_names(tables)
            if own is not None]


def _maiden_names(tables: Tables):
    """(document, her name, the former surname's key, the surname's own record name when the
    tagger made it one, else None) per surname told after a cue."""
    cues = _maiden_cues()
    if not cues:
        return
    sentences = {(d, s): (int(start), text) for d, s, start, text in zip(
        tables.sentences["doc_id"], tables.sentences["sent_id"], tables.sentences["start"],
        tables.sentences["text"]) if isinstance(text, str) and not pd.isna(start)}
    mentions = tables.mentions
    named = mentions[(mentions["type"] == "PER") & mentions["normal"].notna()
                     & mentions["start"].notna()].sort_values(["doc_id", "start"])
    before_in_sentence: dict[tuple[str, object], tuple[str, int, int]] = {}
    for doc_id, sent_id, start, end, text, normal in zip(
            named["doc_id"], named["sent_id"], named["start"], named["end"], named["text"], named["normal"]):
        normal, sentence = str(normal), sentences.get((doc_id, sent_id))
        if sentence and isinstance(text, str):
            said_before = _CUE_END.sub("", fold(sentence[1][: int(start) - sentence[0]]))
            # after the cue a surname by what it says, though alone it may read as a first
            # name (``Рябцева``): its key without the gender or case ending
            alias = surname_stem(sound_key(text.split()[-1])) if text.split() else None
            if alias and said_before.endswith(cues):
                own = parse_name(normal).surname
                owner = normal if own and own != alias else _set_beside(
                    before_in_sentence.get((doc_id, sent_id)), sentence, int(start), cues)
                if owner and parse_name(owner).surname not in (None, alias):
                    yield doc_id, owner, alias, (None if owner == normal else normal)
                    continue
        if not pd.isna(end):
            before_in_sentence[(doc_id, sent_id)] = (normal, int(start), int(end))


_CUE_START = re.compile(r"^[\s,(—–-]*")
# The author's own words right before the cue: ``Меня зовут Анна Петрова, раньше я носила
# фамилию Соколова``, ``…, моя девичья фамилия Соколова``.
_IN_FIRST_PERSON = re.compile(r"(?:^|[\s,])(?:я|моя|мой)\s*$")


def _set_beside(before: tuple[str, int, int] | None, sentence: tuple[int, str], start: int,
                cues: tuple[str, ...]) -> str | None:
    """The woman a maiden-name cue is set beside, in apposition (``Анна Петрова (в
    девичестве Соколова)``, ``Анна Петрова, до замужества Соколова,``): the name just before
    the cue, with only a comma, a bracket or a dash between, and a woman's; or the author who
    has just introduced herself, when the cue is in her own words (``Меня зовут Анна Петрова,
    раньше я носила фамилию Соколова``). A kin noun or any other word between (``Иван
    Петров, моя жена, до замужества …``) makes the surname someone else's: None."""
    if before is None:
        return None
    name, name_start, end = before
    between = _CUE_END.sub("", _CUE_START.sub("", fold(sentence[1][end - sentence[0] : start - sentence[0]])))
    cue = next((c for c in cues if between.endswith(c)), None)
    if cue is None:
        return None
    said_first = between[: len(between) - len(cue)]
    if said_first and not (_IN_FIRST_PERSON.search(said_first) and SELF_INTRODUCTION.search(
            sentence[1][max(0, name_start - sentence[0] - 30) : name_start - sentence[0]])):
        return None
    return name if parse_name(name).gender == "femn" else None
