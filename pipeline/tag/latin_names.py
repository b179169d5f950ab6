"""People's names written in Latin letters inside Russian text.

A statement in Russian often gives a name as the person spells it in a passport or
in English-language reports: ``журналист Elnur Hasanov``, ``H. Dubrovskaya``.
natasha's Russian model reads such a pair of capitalised Latin words as an
organisation, or misses it. Latin words do not inflect, so no morphology of the
name helps; its shape does. A run of two or three capitalised Latin words (or
initials and words) is a person when a word of it ends as a surname of the
region does in Latin spelling (``-ov``, ``-ova``, ``-skaya``, ``-enko``,
``-shvili``: ``models/ner_surnames.json`` ``latin_endings``). An ending that
other words share (``-in``, ``-ina``: ``Lockheed Martin``, ``Carolina``; ``-li``)
needs one more sign: an initial in the run, or a person noun just before it
(``блогер Artyom Lozhkin``). Runs of four or more words (``Kharkiv Human Rights
Group``), words in capitals (``BBC``) and quoted titles stay what they were.

A surname ending alone does not make a person of the words beside it: bodies and
places are named after people and towns (``Kaspersky Lab``, ``Sakharov Center``,
``Rostov Arena``, ``Nevsky Prospekt``). A run is no person when another word of it is
a common word, English (``Lab``, ``Foundation``) or Russian read back into Russian
letters (``Prospekt``: проспект, ``Baza``: база) and no first name. After a noun of an
organisation or a place (``компания``, ``стадион``: ``models/org_words.json``,
``ner_venues.json``, ``ner_place_endings.json``), and where natasha read the run as an
organisation or a place, the other words must look like a name themselves: an initial,
a first name, a patronymic or a surname.
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import from_dictionary, parse_word
from ..records import LOC, ORG, PER
from ..resources import lexicon_index, load_json
from .candidates import Span

# A word: a capital and lower-case letters, maybe hyphenated or with an apostrophe
# (``Ter-Petrosyan``, ``O'Neil``); an initial: one capital and a dot.
_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_INITIAL = r"[A-Z]\."
_PART = re.compile(rf"{_INITIAL}|{_WORD}")
# Parts side by side: a space between words, an initial glued to what follows or not.
_RUN = re.compile(rf"(?<![\w.@/-])(?:{_INITIAL}\s?|{_WORD}\s)*(?:{_WORD}|{_INITIAL})(?![\w@/-])")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
MAX_WORDS = 3  # a first name, a patronymic and a surname
MIN_STEM = 3  # letters before the ending: ``Kiev``, ``Li`` are no surnames by it
_OPEN_QUOTES, _CLOSE_QUOTES = "«\"“„'", "»\"”“'"


_WORD_BEFORE = re.compile(r"([а-яё]+)[ \t]+$", re.IGNORECASE)
# How often (Zipf scale) an English word must be written to be a common word, not a
# name: ``lab``, ``arena``, ``consulting`` are above, ``oksana``, ``dilnoza`` below.
ENGLISH_COMMON = 3.5


@cache
def _endings(strength: str) -> tuple[str, ...]:
    return tuple(load_json("ner_surnames.json")["latin_endings"][strength])


def surname_ending(word: str) -> int:
    """2 if a Latin word ends as a surname of the region does, 1 if only in an ending
    other words share too (``-in``: Sorokin, Martin), 0 if not.

    >>> [surname_ending(w) for w in ("Hasanov", "Dubrovskaya", "Sorokin", "Kiev", "Watch")]
    [2, 2, 1, 0, 0]
    """
    lower = word.lower()
    for strength, value in (("strong", 2), ("weak", 1)):
        if any(lower.endswith(e) and len(lower) - len(e) >= MIN_STEM for e in _endings(strength)):
            return value
    return 0


@lexicon_index
def _spelling() -> tuple[tuple[str, str], ...]:
    pairs = load_json("ner_surnames.json")["latin_spelling"]
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda p: -len(p[0])))


@cache
def russian_reading(word: str) -> str:
    """A Latin word read back into Russian letters, as a Russian reader would.

    >>> [russian_reading(w) for w in ("Prospekt", "Artyom", "Zhanna", "Nevsky")]
    ['проспект', 'артём', 'жанна', 'невскы']
    """
    lower, out, i = word.lower(), [], 0
    while i < len(lower):
        for latin, russian in _spelling():
            if lower.startswith(latin, i):
                out.append(russian)
                i += len(latin)
                break
        else:
            i += 1  # an apostrophe or hyphen: no letter
    return "".join(out)


@lexicon_index
def _english_first_names() -> frozenset[str]:
    return frozenset(load_json("latin_first_names.json")["names"])


@cache
def _first_name(word: str) -> bool:
    """A first name: pymorphy3's dictionary knows its Russian reading as one, as it
    stands (``Oksana``, ``Timur``, ``Vera``; not ``Arena``, a case of Арен), it is a
    Belarusian or Ukrainian form (``Siarhei``), or an English first name
    (``models/latin_first_names.json``: ``Rose``, ``Kate``, ``James``)."""
    from ..link.names import full_first_name

    if word in _english_first_names() or full_first_name(word)[1] is not None:
        return True
    return any("Name" in p.tag for r in _name_readings(word) for p in _as_it_stands(r))


@lexicon_index
def _english_surnames() -> frozenset[str]:
    return frozenset(load_json("latin_first_names.json").get("surnames", ()))


def is_english_surname(word: str) -> bool:
    """Whether a Latin word is an English last name (``models/latin_first_names.json``
    ``surnames``): ``Parker``, ``Brown``, ``Smith``; not ``Kate``, ``Center``.

    >>> [is_english_surname(w) for w in ("Parker", "Brown", "Smith", "Kate", "Center")]
    [True, True, True, False, False]
    """
    return word in _english_surnames()


def is_latin_first_name(word: str) -> bool:
    """Whether a Latin word is a first name (:func:`_first_name`): ``Anna``, ``Elnur``,
    ``Siarhei``, ``Rose``; not ``Hasanov``.

    >>> [is_latin_first_name(w) for w in ("Anna", "Elnur", "Rose", "Hasanov", "Kuznetsova")]
    [True, True, True, False, False]
    """
    return _first_name(word)


def _name_readings(word: str) -> list[str]:
    """A Latin first name read into Russian letters, and the spellings names take that
    letters alone do not give: ``Sofia``, ``Tatiana`` (-ия, -ья), ``Emma`` (Э),
    ``Aibek`` (Ай).

    >>> _name_readings("Tatiana")[1:3], _name_readings("Aibek")
    (['татияна', 'татьяна'], ['аибек', 'айбек'])
    >>> _name_readings("Olga")
    ['олга', 'ольга']
    """
    reading = russian_reading(word)
    found = [reading]
    if reading.endswith("иа"):
        found += [reading[:-2] + "ия", reading[:-2] + "ья"]
    if reading.endswith("иана"):
        found += [reading[:-4] + "ияна", reading[:-4] + "ьяна"]
    if reading.startswith("е"):
        found.append("э" + reading[1:])
    found += [re.sub(r"([аоеу])и(?=[^аоеуияюэы]|$)", r"\1й", f) for f in list(found)]
    # an ``l`` before a consonant is soft in the Russian name it spells (``Olga``: Ольга)
    found += [re.sub(r"л(?=[бвгджзклмнпрстфхцчшщ])", "ль", f) for f in list(found)]
    return list(dict.fromkeys(found))


def _as_it_stands(reading: str) -> list:
    """pymorphy3's dictionary parses of a word that are its dictionary form: a Latin
    word does not inflect, so a Russian word in Latin letters stands as it is."""
    return [p for p in parse_word(reading)
            if from_dictionary(p) and p.normal_form.replace("ё", "е") == reading.replace("ё", "е")]


@cache
def common_word(word: str) -> bool:
    """A common word and no first name: English (``Lab``, ``Arena``) or a Russian word
    in Latin letters (``Prospekt``, ``Baza``).

    >>> [common_word(w) for w in ("Lab", "Prospekt", "Baza", "Oksana", "Dilnoza", "Anna")]
    [True, True, True, False, False, False]
    """
    if _first_name(word) or surname_ending(word):
        return False
    from wordfreq import zipf_frequency  # on first use: a text with no Latin name does not import it

    if zipf_frequency(word.lower(), "en") >= ENGLISH_COMMON:
        return True
    return any(not {"Name", "Surn", "Patr", "Geox"} & p.tag.grammemes
               for p in _as_it_stands(russian_reading(word)))


def name_like(word: str) -> bool:
    """A word that reads as part of a person's name by itself: an initial, a first name,
    or a surname or patronymic by its ending (``Rasimovna``)."""
    return word.endswith(".") or surname_ending(word) > 0 or _first_name(word)


@lexicon_index
def _body_or_place_nouns() -> frozenset[str]:
    venues = load_json("ner_venues.json")
    return frozenset(load_json("org_words.json")["heads"] + venues["nouns"] + venues["hubs"]
                     + load_json("ner_place_endings.json")["appositive_heads"])


def _body_or_place_noun_before(text: str, start: int) -> bool:
    """A noun of an organisation or a place right before: ``компания``, ``на стадионе``."""
    word = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return bool(word) and any(p.normal_form.replace("ё", "е") in _body_or_place_nouns()
                              or p.normal_form in _body_or_place_nouns()
                              for p in parse_word(word[1].lower())[:1])


def _person_noun_before(text: str, start: int, single: bool = False) -> bool:
    """An animate noun right before: ``журналист``, ``Активистку`` (``single``: in the
    singular, as a noun set before one person's name is; ``Активисты Grace Church`` are
    a body's people)."""
    word = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not word:
        return False
    best = parse_word(word[1].lower())[0]
    return best.tag.POS == "NOUN" and best.tag.animacy == "anim" and (not single or best.tag.number == "sing")


_APPOSITION_AFTER = re.compile(r",[ \t]+([а-яё]+)", re.IGNORECASE)


def _person_noun_after(text: str, end: int) -> bool:
    """A person noun in apposition right after, in the nominative singular:
    ``Olga Vetrova, координатор штаба``, ``…, фотограф из Омска``."""
    word = _APPOSITION_AFTER.match(text, end, end + 40)
    if not word:
        return False
    best = parse_word(word[1].lower())[0]
    return (best.tag.POS == "NOUN" and best.tag.animacy == "anim" and best.tag.case == "nomn"
            and best.tag.number == "sing")


def _body_or_place_head(word: str) -> bool:
    """A Latin word that reads as the head noun of a body or a place (``Bank``, ``Park``,
    ``Prospekt``, ``Theatre``: their Russian readings are in :func:`_body_or_place_nouns`)."""
    return any(p.normal_form.replace("ё", "е") in _body_or_place_nouns()
               for p in parse_word(russian_reading(word))[:1])


def _surname_after_a_sign(text: str, start: int, words: list[str], initials: int) -> bool:
    """A first name and a last word that is a first name or an English surname too
    (``журналиста James Taylor``, ``Правозащитница Kate Parker``, ``Журналист James
    Brown``), after an initial or a person noun in the singular: the pair is a person
    unless the last word is a body's or a place's head (``Park``)."""
    if len(words) < 2 or not _first_name(words[0]):
        return False
    if not (initials or _person_noun_before(text, start, single=True)):
        return False
    last = words[-1]
    return (_first_name(last) or is_english_surname(last)) and not _body_or_place_head(last)


def latin_name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of Latin-letter runs that read as a person's name, in Russian text.

    >>> text = "Блогер Artyom Lozhkin и A. Zinovyev писали в Human Rights Watch и Lockheed Martin."
    >>> [text[s:e] for s, e in latin_name_runs(text)]
    ['Artyom Lozhkin', 'A. Zinovyev']
    """
    found = []
    for run in _RUN.finditer(text):
        start, end = run.span()
        if text[end - 1] == ".":  # a sentence's last dot, not an initial's, unless one letter
            if not re.search(rf"(?:^|\s){_INITIAL}$", run.group()):
                end -= 1
        parts = _PART.findall(text, start, end)
        words = [p for p in parts if not p.endswith(".")]
        initials = len(parts) - len(words)
        if not words or len(words) > MAX_WORDS or initials > 2 or len(parts) < 2:
            continue
        if not _in_russian(text, start, end) or _quoted(text, start, end):
            continue
        ending = max(surname_ending(words[0]), surname_ending(words[-1]))
        # A first name opening the run is the sign a weak ending needs (``Rose Kuzmina``),
        # and with an initial or a person noun before it stands for an ending
        # (``James R. Whitfield``, ``журналиста James Whitfield``).
        first = len(words) > 1 and _first_name(words[0]) and not _first_name(words[-1])
        sign = bool(initials) or _person_noun_before(text, start) or _person_noun_after(text, end)
        # an English surname that is a first name or a common word too (``Kate Parker``,
        # ``James Brown``) ends a name only after an initial or a person noun
        english = _surname_after_a_sign(text, start, words, initials)
        if not (english or ending == 2 or ending == 1 and (sign or first) or first and sign):
            continue
        if not english and any(common_word(w) for w in words):
            continue  # ``Kaspersky Lab``, ``Nevsky Prospekt``
        if _body_or_place_noun_before(text, start) and not all(name_like(p) for p in parts):
            continue  # ``компания Grigorenko Consulting``
        found.append((start, end))
    return found


def _in_russian(text: str, start: int, end: int) -> bool:
    """Cyrillic letters in the same line near the run: Russian prose around it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return bool(_CYRILLIC.search(text, max(line_start, start - 80), min(line_end, end + 80)))


def _quoted(text: str, start: int, end: int) -> bool:
    """A title in quotes (``«Ivan Petrov»``, a film or a ship): not a person here."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(before) and before in _OPEN_QUOTES and bool(after) and after in _CLOSE_QUOTES


def latin_people(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each Latin-letter person's name a PER: the spans lying inside
    its run (an ORG or a piece natasha made of it, or one that runs on into a number)
    give way; a span holding more words than the run (a longer name holding it) is left
    alone and no person is added."""
    result = list(spans)
    for start, end in latin_name_runs(text):
        touching = [s for s in result if s.start < end and start < s.end]
        # a longer name holding the run (``фонд Nikita Sorokin``) keeps it; a span that
        # only ran on into a number (natasha's ``H. Dubrovskaya 13.09.2020``) does not
        if any(_has_letters(text, s.start, start) or _has_letters(text, end, s.end) for s in touching):
            continue
        if any(s.type == PER and (s.start, s.end) == (start, end) for s in touching):
            continue
        # natasha read it as a body or a place: only a run every word of which looks
        # like a name's (``Tamaz Beridze``, not ``Volkov Orbis``), or one after a person
        # noun before or in apposition after (``журналистка Dilnoza Yusupova``, ``Olga
        # Vetrova, координатор штаба``), is a person
        if any(s.type in (ORG, LOC) for s in touching) and not _person_noun_before(text, start) \
                and not _person_noun_after(text, end) \
                and not all(name_like(p) for p in _PART.findall(text, start, end)):
            continue
        result = [s for s in result if not any(s is t for t in touching)]
        result.append(Span(PER, start, end, source="latin"))
    return sorted(result, key=lambda s: s.start)


def _has_letters(text: str, start: int, end: int) -> bool:
    return start < end and any(c.isalpha() for c in text[start:end])
