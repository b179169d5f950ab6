"""Where a person's name begins and ends.

natasha finds most names but cuts some short and runs others into their
neighbours. The words of a name play roles that pymorphy3 and the suffixes tell
apart — a first name, a patronymic, a surname, an initial — and a name has each
role once, the first name possibly twice in a row (``Анна Мария Ковальская``). So:

* :func:`extend_person` takes in what natasha left out: initials, a patronymic, a
  lone surname's first name, a name particle (``фон``, ``де``, ``ван``:
  ``models/ner_name_parts.json``). An attribute or adverb before the name
  (``Бывший``, ``Сегодня Д. Рахимов``) is dropped; a capitalised first name inside a
  sentence is kept even when pymorphy3 reads it as a verb (``Серены``, ``Мишел``).
* :func:`split_person` cuts a run of names into people: at a comma, a semicolon or
  a conjunction, at a capitalised word that is no name by its part of speech
  (``Иванов Заявил Петров``), and where a role comes back once a Russian name is
  whole (``Олег Орлов Светлана Ганнушкина``, ``Петров Иван Сергеевич Сидоров Павел``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from ..nlp import from_dictionary, parse_word
from ..records import PER
from ..resources import load_json
from .candidates import WORD, Span, in_dictionary, opens_sentence
from .inflect import is_common_word
from .overlaps import SpanIndex
from .persons import (CASES, GENDERS, SURNAME_ENDINGS, Context, _readings, _surname_readings, is_patronymic,
                      normalise_person)

# An initial or two (``Д.``, ``Д.В.``, ``Д. В.``) right before or after a name.
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[А-ЯЁ]\.[ \t]?){1,2}[ \t]?$")
_INITIALS_AFTER = re.compile(r"^[ \t](?:[ \t]?[А-ЯЁ]\.){1,2}(?![\w])")
_NAME_WORD_AFTER = re.compile(r"^[ \t]([А-ЯЁ][а-яё]+)(?![\w-])")
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)[ \t]$")
MAX_NAME_WORDS = 3  # surname, first name, patronymic
# A word opening a sentence is dropped from a name only if it is this frequent (Zipf):
# ``Сегодня`` (5.9) and ``Однако`` (5.8) are, ``Серены`` (2.9) and ``Мишел`` (2.2) are not.
FREQUENT = 4.0

ATTRIBUTE = frozenset({"ADJF", "PRTF"})
FUNCTION_WORD = frozenset({"ADVB", "CONJ", "PRCL", "PREP", "NPRO", "INFN", "PRED", "COMP"})
NOT_NOUN = frozenset(
    "ADJF ADJS PRTF PRTS VERB INFN GRND ADVB PREP CONJ PRCL NPRO COMP PRED NUMR INTJ".split()
)

# Roles of the words of a name.
GIVEN, PATRONYMIC, SURNAME, INITIAL, PARTICLE, COMMON = (
    "given", "patronymic", "surname", "initial", "particle", "common")


@cache
def _name_parts() -> dict:
    data = load_json("ner_name_parts.json")
    return {"particles": frozenset(data["particles"]), "titles": frozenset(data["titles"]),
            "apposed_noun_min_letters": data["apposed_noun_min_letters"]}


def join_split_names(text: str, spans: list[Span]) -> list[Span]:
    """A first name natasha tagged apart from the surname right after it (``Серена`` +
    ``Ортис``) joined to it, when the two words agree in gender and case as one name.

    >>> text = "Показания дала Серена Ортис, а Иванову Петров не ответил."
    >>> found = join_split_names(text, [Span(PER, 15, 21), Span(PER, 22, 27), Span(PER, 31, 38), Span(PER, 39, 45)])
    >>> [text[s.start:s.end] for s in found]
    ['Серена Ортис', 'Иванову', 'Петров']
    """
    ordered = sorted(spans, key=lambda s: s.start)
    joined: list[Span] = []
    for span in ordered:
        last = joined[-1] if joined else None
        if (last is not None and last.type == PER and span.type == PER
                and text[last.end : span.start] == " "
                and len(WORD.findall(text[last.start : last.end])) == 1
                and _one_name(WORD.findall(text[last.start : last.end]), WORD.findall(text[span.start : span.end]),
                              _opens_entry(text, last.start))):
            joined[-1] = replace(last, end=span.end)
            continue
        joined.append(span)
    return joined


# Initials before a surname, glued by their dots (``Б.Обама``, ``Дж.Коми``, ``А.В.Петров``)
# or spaced (``Д. Соколова``, ``Т. Г. Воронцову``).
_INITIALS_BEFORE_SURNAME = re.compile(r"(?<![\w.])(?:(?:[А-ЯЁ]|Дж)\.[ \t]?){1,2}([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")


def initials_before_surname(text: str, spans: list[Span]) -> list[Span]:
    """A surname with its initials glued on (``Б.Обама``) is one PER, taking in the
    pieces natasha made of it (``Дж`` + ``Коми``); a word that is no surname
    (``С.Петербург`` is already a place, ``Т.Е.`` no name) is left alone. Initials
    spaced from a word natasha left untagged (``Д. Соколова, журналистка``, often at a
    sentence's start) make a PER when the word reads as a surname by pymorphy3's
    dictionary or a Russian surname's ending (``Пункт А. Наличие`` is none).

    >>> text = "Б.Обама назвал Дж.Коми профессионалом, а И.Т.Д. не в счёт."
    >>> found = initials_before_surname(text, [Span(PER, 15, 17), Span(PER, 18, 22)])
    >>> [text[s.start:s.end] for s in found]
    ['Б.Обама', 'Дж.Коми']
    >>> text = "Д. Соколова рассказала. Пункт А. Наличие протокола."
    >>> [text[s.start:s.end] for s in initials_before_surname(text, [])]
    ['Д. Соколова']
    """
    result = SpanIndex(spans)
    for match in _INITIALS_BEFORE_SURNAME.finditer(text):
        keys = result.keys_overlapping(match.start(), match.end())
        overlapping = result.overlapping(match.start(), match.end())
        spaced = " " in match.group() or "\t" in match.group()
        if spaced and (overlapping or not _surname_by_form(match.group(1))):
            continue  # natasha's own reading of it stands; a spaced initial needs a surname
        if any(s.type != PER or s.start < match.start() or s.end > match.end() for s in overlapping):
            continue  # a place, an organisation, or a longer name holding it
        if not overlapping and word_role(match.group(1)) != SURNAME:
            continue
        for key in keys:
            result.remove(key)
        result.add(Span(PER, match.start(), match.end(), source="initials"))
    return sorted(result, key=lambda s: s.start)


def _surname_by_form(word: str) -> bool:
    """A surname by pymorphy3's dictionary (``Шевчук``) or by a Russian surname's
    paradigm in any case (``Белоусову``), and no first name, patronymic or common word."""
    if word_role(word) != SURNAME:
        return False
    return bool(_surname_readings(word)) or any(
        "Surn" in p.tag and in_dictionary(p) for p in parse_word(word.lower()))


def _opens_entry(text: str, start: int) -> bool:
    """Whether ``start`` begins an entry of a list: a line, or what follows a number, a
    bullet, a colon, a semicolon or a comma."""
    before = text[max(0, start - 8) : start].rstrip(" \t")
    if not before:
        return True  # the text's start, or a run of spaces (a column)
    return before[-1] in "\n:;,•*-—–" or re.search(r"\d[.)]$", before) is not None


def _one_name(first: list[str], rest: list[str], opens_entry: bool) -> bool:
    """Whether a one-word name and the name after it are one person's: two words that
    agree (``Серена`` + ``Ортис``), a first name and a patronymic with a surname that agree
    with it (``Ильдара`` + ``Маратовича Юнусова``), or, at the start of a list entry, a surname before a
    first name and patronymic in the same gender and case (``1. Жукова`` + ``Любовь
    Владимировна``, as lists of detainees write them; inside a sentence ``вдова
    Ельцина Наина Иосифовна`` is the widow of Yeltsin, Naina Iosifovna), or anywhere when
    the three agree only in a case other than the nominative (``в доме Сергеевой Ольги
    Петровны``: no nominative reading leaves the surname someone else's)."""
    if len(rest) == 1:
        return _agree(first + rest)
    if len(rest) == 2 and word_role(rest[0]) == PATRONYMIC and is_given_name(first[0]) \
            and _agree(first + rest):
        return True  # ``Ильдара`` + ``Маратовича Юнусова``: no name opens with a patronymic
    return (len(rest) == 2 and word_role(rest[1]) == PATRONYMIC and is_given_name(rest[0])
            and bool(_surname_readings(first[0])) and _agree(first + rest)
            and (opens_entry or not _agree(first + rest, ("nomn",))))


def extend_persons(text: str, spans: list[Span]) -> list[Span]:
    """Every PER span made whole (:func:`extend_person`), never into another span."""
    taken = SpanIndex((s.start, s.end) for s in spans)
    return [extend_person(text, span, taken) for span in spans]


def extend_person(text: str, span: Span, taken: SpanIndex | Sequence[tuple[int, int]] = ()) -> Span:
    """A person's name as natasha cut it, made whole (see the module doc). ``taken``
    spans are never entered: two names side by side (``Билла Клинтона Джо
    Локхарту``) stay two.

    >>> text = "Вчера об этом сообщила Серены Уильямс, а фон Беттихер промолчал."
    >>> [text[s.start:s.end] for s in extend_persons(text, [Span(PER, 23, 37), Span(PER, 45, 53)])]
    ['Серены Уильямс', 'фон Беттихер']
    """
    if span.type != PER:
        return span
    if not isinstance(taken, SpanIndex):
        taken = SpanIndex(taken)
    words = list(re.finditer(r"\S+", text[span.start : span.end]))
    while len(words) > 1 and _opening_word(text, span.start + words[0].start(), words[0].group()):
        span = replace(span, start=span.start + words[1].start())  # ``Сегодня``, ``Вчера``
        words = list(re.finditer(r"\S+", text[span.start : span.end]))
    lone_surname = len(WORD.findall(text[span.start : span.end])) == 1
    for _ in range(MAX_NAME_WORDS):
        count = len(WORD.findall(text[span.start : span.end]))
        if count >= MAX_NAME_WORDS:
            break
        head = text[max(0, span.start - 40) : span.start]
        tail = text[span.end : span.end + 40]
        start, end = span.start, span.end
        if found := _INITIALS_BEFORE.search(head):
            start -= len(found.group())
        elif found := _INITIALS_AFTER.match(tail):
            end += len(found.group())
        elif (found := _NAME_WORD_AFTER.match(tail)) and (
            is_patronymic(found.group(1)) or lone_surname and is_given_name(found.group(1))
        ):
            end += len(found.group())
        elif (found := _WORD_BEFORE.search(head)) and (
            found.group(1) in _name_parts()["particles"]
            or _surname_before(found.group(1), text[start:end], text, start - len(found.group()))
        ):
            start -= len(found.group())
        else:
            break
        if any((a, b) != (span.start, span.end) for a, b in taken.overlapping(start, end)):
            break
        span = replace(span, start=start, end=end)
    return span


def _surname_before(word: str, name: str, text: str, start: int) -> bool:
    """A surname natasha left out before a first name (``на Жумагалиеву | Бахыт
    Серикбаевну``): a capitalised word of a surname's paradigm, agreeing with a
    name that has no surname yet."""
    words = _NAME_TOKEN.findall(name)
    if not word[:1].isupper() or word.isupper() or parse_word(word)[0].tag.POS == "ADJF":
        return False  # ``Папа Римский Франциск``: a title's adjective
    if not any(re.search(r"(?:ов|ев|ин|ын)а?$", r[2]) for r in _surname_readings(word)):
        return False
    roles = _roles_in_name(words)
    if opens_sentence(text, start) and is_common_word(word) and roles[-1] != PATRONYMIC:
        return False  # ``Сегодня Иван``; but ``Королева Любовь Михайловна`` is a whole name
    return SURNAME not in roles and GIVEN in roles and _agree([word] + words)


def _roles_in_name(words: list[str]) -> list[str]:
    """Each word's role, where a first name that is also a common noun (``Любовь``,
    ``Вера``, ``Надежда``) is a first name before a patronymic."""
    roles = [word_role(w) for w in words]
    for i, word in enumerate(words[:-1]):
        if roles[i + 1] == PATRONYMIC and roles[i] != GIVEN and is_given_name(word):
            roles[i] = GIVEN
    return roles


def _opening_word(text: str, start: int, word: str) -> bool:
    """A word before a name that is no part of it: an attribute (``Бывший``,
    ``Восьмидесятилетний``), an adverb or a conjunction (``Сегодня``, ``Однако``), a
    verb opening a sentence (``Сообщил``). A verb or short participle inside a
    sentence stays: it is a foreign first name pymorphy3 misreads (``Мишел``,
    ``Серены``)."""
    if word.lower() in _name_parts()["particles"] or not is_common_word(word):
        return False
    top = parse_word(word)[0].tag.POS
    if top in ATTRIBUTE or top in FUNCTION_WORD:
        return True
    if not (top in NOT_NOUN and opens_sentence(text, start)):
        return False
    from wordfreq import zipf_frequency  # on first use: a text that never asks does not import it

    return zipf_frequency(word.lower(), "ru") >= FREQUENT


def is_given_name(word: str) -> bool:
    """``Елена``, ``Викторовна``, ``Бахытжанулы``: a first name or patronymic."""
    if is_patronymic(word):
        return True
    return any(
        mark in parse.tag
        for parse in parse_word(word)
        if in_dictionary(parse)
        for mark in ("Name", "Patr")
    )


# Here ``-ой`` counts too (``Толстой``): the word's role is already a surname, so a common
# noun in ``-ой`` (``герой``) cannot reach this test, as it can in ``persons._surname_index``.
_RUSSIAN_SURNAME = re.compile(f"(?:{'|'.join(SURNAME_ENDINGS + ('ой',))})$")


@lru_cache(maxsize=20_000)
def word_role(word: str) -> str:
    """The role a capitalised word plays in a name: ``given``, ``patronymic``,
    ``surname``, ``initial``, ``particle`` or ``common`` (a word that is no name).

    >>> [word_role(w) for w in ("Иван", "Сергеевич", "Петров", "И.", "Заявил", "Ганнушкина", "бен")]
    ['given', 'patronymic', 'surname', 'initial', 'common', 'surname', 'particle']
    """
    if word.lower() in _name_parts()["particles"]:
        return PARTICLE
    if re.fullmatch(r"[A-ZА-ЯЁ]\.", word):
        return INITIAL
    if is_patronymic(word):
        return PATRONYMIC
    parses = parse_word(word)
    known = [p for p in parses if in_dictionary(p)]
    if known and "Patr" in known[0].tag:
        return PATRONYMIC
    top = parses[0]
    if (known and known[0] is top and "Name" in top.tag and top.tag.number != "plur"
            and not any("Surn" in p.tag for p in known)):
        return GIVEN
    if is_common_word(word, parts_of_speech=NOT_NOUN):
        return COMMON  # a noun may be a surname (``Лебедь``, ``Сопрано``), a verb or adjective is not
    return SURNAME


# A list's comma, a conjunction, or a dash between spaces (``Барака и Анны — Кате``, an
# apposition or a list's parts): no person's name holds one.
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+(?:и|или|а также)\s+|\s+[—–-]\s+", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"[A-ZА-ЯЁ]\.|[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def split_person(text: str, span: Span) -> list[Span]:
    """A PER span cut into the people it runs together (see the module doc); the
    common word between two of them is left out.

    >>> text = "Письмо подписали Олег Орлов Светлана Ганнушкина."
    >>> [text[s.start:s.end] for s in split_person(text, Span(PER, 17, 47))]
    ['Олег Орлов', 'Светлана Ганнушкина']
    >>> text = "Задержаны Петров Иван Сергеевич Сидоров Павел, Анна Смирнова и Олег Котов."
    >>> [text[s.start:s.end] for s in split_person(text, Span(PER, 10, 73))]
    ['Петров Иван Сергеевич', 'Сидоров Павел', 'Анна Смирнова', 'Олег Котов']
    >>> text = "Встречу вёл шейх Салим бен Рашид Аль Нури."
    >>> [text[s.start:s.end] for s in split_person(text, Span(PER, 17, 41))]
    ['Салим бен Рашид Аль Нури']
    """
    if span.type != PER:
        return [span]
    span = _without_opening_noun(text, _without_title(text, span))
    pieces: list[Span] = []
    surface = text[span.start : span.end]
    last = 0
    for separator in _SEPARATOR.finditer(surface):
        pieces += _split_by_roles(text, replace(span, start=span.start + last, end=span.start + separator.start()))
        last = separator.end()
    pieces += _split_by_roles(text, replace(span, start=span.start + last))
    return [p for p in pieces if p.end > p.start]


def _without_title(text: str, span: Span) -> Span:
    """A title opening a name is no part of it (``Император Акихито``, ``Принцу
    Гарри``: ``models/ner_name_parts.json`` ``titles``), when a name follows it.

    >>> text = "Вчера Кронпринц Фредерик открыл выставку."
    >>> found = _without_title(text, Span(PER, 6, 24))
    >>> text[found.start:found.end]
    'Фредерик'
    """
    tokens = list(_NAME_TOKEN.finditer(text, span.start, span.end))
    if len(tokens) < 2 or not tokens[0].group()[:1].isupper():
        return span
    lemmas = {p.normal_form for p in parse_word(tokens[0].group())} | {tokens[0].group().lower()}
    if lemmas & _name_parts()["titles"] and tokens[1].group()[:1].isupper():
        return replace(span, start=tokens[1].start())
    return span


def _family_noun(word: str) -> bool:
    """A noun of kinship (``Брат``: ``models/ner_context.json`` ``family_nouns``): before a
    lone surname it is whose the person is (``Брат Сейткалиева``), never part of the name."""
    from .person_context import is_family_noun

    return is_family_noun(word)


def _in_another_case(name: str) -> bool:
    """Whether a name reads only in an oblique case: alone, it is read into another form
    (``Марата``: Марат), and no word of it stays as written.

    >>> _in_another_case("Марата"), _in_another_case("Марина"), _in_another_case("О. Петровой")
    (True, False, True)
    """
    from .persons import normalise_person

    read = normalise_person(name).parts
    words = _NAME_TOKEN.findall(name)
    return len(read) == len(words) and all(
        a.lower() != b.lower() for a, b in zip(read, words) if not a.endswith("."))


def _without_opening_noun(text: str, span: Span) -> Span:
    """A person noun capitalised because it opens the sentence is no part of the name
    after it (``Волонтёра Г. Дубровскую задержали``, ``Активистку О. Петрову``): a word
    pymorphy3 knows only as an animate common noun in an oblique case, followed by two or
    more parts of a name of which one is a surname. Without a surname after it the word is
    the surname (``Мельника О. П.``, ``Кузнеца Ивана Сергеевича``): many surnames are nouns.

    >>> text = "Активистку О. Петрову задержали."
    >>> found = _without_opening_noun(text, Span(PER, 0, 21))
    >>> text[found.start:found.end]
    'О. Петрову'
    """
    tokens = list(_NAME_TOKEN.finditer(text, span.start, span.end))
    if len(tokens) < 2 or not all(t.group()[:1].isupper() for t in tokens[:2]):
        return span
    word = tokens[0].group()
    if not opens_sentence(text, tokens[0].start()) or not is_common_word(word, frozenset({"NOUN"})):
        return span
    top = parse_word(word)[0].tag
    if top.animacy == "anim" and top.case == "nomn" and top.number == "sing" \
            and (_in_another_case(text[tokens[1].start() : span.end])
                 or len(tokens) == 2 and _family_noun(word)):
        # ``Сестра Марата``, ``Племянник Олега Ж.``: a noun in the nominative and a name that
        # is not (an apposition agrees in case: ``Сестра Марина``; a surname set first too:
        # ``Кузнец Марат``): the name is the noun's genitive, and the noun no part of it
        return replace(span, start=tokens[1].start())
    if top.animacy == "anim" and top.case == "nomn" and top.number == "sing" \
            and not _reads_as_name(word) and any(_surname_by_form(t.group()) for t in tokens[1:]):
        # ``Соседка Лаптева была задержана``: a person noun in the nominative that is no
        # name of any kind, before a name with a surname in it: the same person named, in
        # apposition, and the noun no part of the name (``Кузнец Марат`` has no surname after)
        return replace(span, start=tokens[1].start())
    if top.animacy == "anim" and top.case == "nomn" and top.number == "sing" \
            and len(word) >= _name_parts()["apposed_noun_min_letters"] \
            and not _reads_as_name(word) and _whole_name_of_gender(text[tokens[1].start() : span.end], top.gender):
        # ``Израильтянка Мирьям Кохен``, ``Украинец Олег Гарбуш``: a noun of a person's origin
        # or trade before a first name and a surname of any form, in its gender: the same
        # person named, in apposition (a surname set first comes with a patronymic:
        # ``Кузнец Марат Ильдарович``); a short noun may be a foreign name's own first word
        # (``Пан Ги Тэ``)
        return replace(span, start=tokens[1].start())
    if len(tokens) < 3:
        return span
    # in an oblique case: a nominative may open a foreign name (``Пан Ги Мун``); singular,
    # as a word set before one person is; and no patronymic closing the rest, which would
    # make the word the surname of a surname-first name (``Кузин Глеб Андреевич``). A person
    # though pymorphy3 reads the word first as a thing (``Казачке``: a Kazakh woman, or
    # the dance ``казачок``)
    top = next((p.tag for p in parse_word(word) if p.tag.POS == "NOUN" and p.tag.animacy == "anim"
                and from_dictionary(p)), top)
    if top.animacy != "anim" or top.case in (None, "nomn") or top.number != "sing":
        return span
    if all(word_role(t.group()) in (INITIAL, GIVEN, PATRONYMIC) for t in tokens[1:]):
        # only initials, a first name or a patronymic follow (``Мельника О. П.``, ``Кузнеца
        # Ивана Сергеевича``, ``Кузин Глеб Андреевич``): the word is the name's surname,
        # set first as court papers do, and the name would have none without it
        return span
    return replace(span, start=tokens[1].start())


def _whole_name_of_gender(name: str, gender: str | None) -> bool:
    """Whether ``name`` is a first name and a surname, no patronymic or initial among them,
    that read in the nominative in ``gender`` (a noun before it in apposition agrees).

    >>> _whole_name_of_gender("Мирьям Кохен", "femn"), _whole_name_of_gender("Мирьям Кохен", "masc")
    (True, False)
    >>> _whole_name_of_gender("Марат Ильдарович", "masc"), _whole_name_of_gender("Олег", "masc")
    (False, False)
    """
    words = _NAME_TOKEN.findall(name)
    if len(words) < 2 or gender not in GENDERS or any(word_role(w) in (INITIAL, PATRONYMIC) for w in words):
        return False
    read = normalise_person(name, Context(cases=frozenset({"nomn"})))
    return read.gender == gender and gender in read.genders and read.parts == tuple(words)


def _reads_as_name(word: str) -> bool:
    """Whether pymorphy3 has a first name, surname or patronymic reading of a word."""
    return any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parse_word(word.lower()))


def _split_by_roles(text: str, span: Span) -> list[Span]:
    tokens = list(_NAME_TOKEN.finditer(text[span.start : span.end]))
    if len(tokens) < 2:
        return [span] if tokens else []
    pieces: list[list[re.Match]] = [[]]
    for token in tokens:
        role = word_role(token.group())
        if role == COMMON and token.group()[0].isupper() and len(tokens) > 2:
            pieces.append([])
            continue
        if pieces[-1] and (_starts_another_name([t.group() for t in pieces[-1]], token.group())
                           or _case_changes([t.group() for t in pieces[-1]], token.group(), tokens)):
            pieces.append([])
        pieces[-1].append(token)
    found = [replace(span, start=span.start + p[0].start(), end=span.start + p[-1].end()) for p in pieces if p]
    if len(found) == 1:
        return [span]  # nothing cut: keep natasha's span as it was (quotes, brackets)
    return found


def _case_changes(words: list[str], word: str, tokens: list[re.Match]) -> bool:
    """Whether a first name opens a new name that cannot agree with the words before
    it in gender and case: ``(памятника) Пушкину | Иван Петров`` (a man in the
    dative, then a man in the nominative), while ``Туменовой Бахыт Сейткалиевны``
    agrees (a woman's first name that does not decline). The words from the first
    name on must agree among themselves, and there must be one after it (a lone
    first name may be a foreign surname).

    >>> import re
    >>> tokens = list(re.finditer(r"\\S+", "Пушкину Иван Петров"))
    >>> _case_changes(["Пушкину"], "Иван", tokens)
    True
    >>> tokens = list(re.finditer(r"\\S+", "Туменовой Бахыт Сейткалиевны"))
    >>> _case_changes(["Туменовой"], "Бахыт", tokens)
    False
    """
    following = [t.group() for t in tokens]
    rest = following[len(following) - following[::-1].index(word) - 1 :] if word in following else [word]
    if word_role(word) != GIVEN or len(rest) < 2 or not _known_name(words[-1]):
        return False
    return _agree(rest) and _agree(words) and not _agree(words + rest)


def _known_name(word: str) -> bool:
    """A name pymorphy3 knows (its case is then sure): ``Пушкину``, not ``Антониу``."""
    return any(("Surn" in p.tag or "Name" in p.tag) and in_dictionary(p)
               for p in parse_word(word))


def _agree(words: list[str], cases: Sequence[str] = CASES) -> bool:
    """Whether the words of a name share a gender and case (of ``cases``; a word with no
    sure reading, such as an initial, agrees with any)."""
    readings = [r for r in (_gender_cases(w) for w in words) if r]
    return any(
        all(any(g0 in (None, g) and c0 in (None, c) for g0, c0 in options) for options in readings)
        for g in GENDERS for c in cases
    )


def _gender_cases(word: str) -> frozenset[tuple[str | None, str | None]]:
    """The (gender, case) readings a word of a name well may have (None: any)."""
    return frozenset((r[0], r[1]) for r in _readings(word) if r[3] >= 0.5)


def _starts_another_name(words: list[str], word: str) -> bool:
    """Whether ``word`` surely begins a new name after ``words``: only where a
    Russian name is already whole (a patronymic, or a surname with a Russian
    suffix, says so), since foreign names take many shapes (``Салим бен Рашид
    Аль Нури``, ``Ким Чон Нам``).

    >>> _starts_another_name(["Олег", "Орлов"], "Светлана"), _starts_another_name(["Эво"], "Моралес")
    (True, False)
    >>> _starts_another_name(["Сергей", "Анатольевич", "Лебедев"], "Путин")
    True
    >>> _starts_another_name(["Мартина", "Лютера"], "Кинга"), _starts_another_name(["Салим", "бен"], "Рашид")
    (False, False)
    """
    role = word_role(word)
    roles = [word_role(w) for w in words]
    if role in (INITIAL, PARTICLE) or roles[-1] == PARTICLE:
        return False
    russian = [w for w, r in zip(words, roles) if r == SURNAME and _RUSSIAN_SURNAME.search(w)]
    if GIVEN in roles and PATRONYMIC in roles and SURNAME in roles:
        return True  # ``Сергей Анатольевич Лебедев`` + ``Путин``
    if role == GIVEN:
        return GIVEN in roles and roles[-1] != GIVEN and (bool(russian) or PATRONYMIC in roles)
    if role == SURNAME and _RUSSIAN_SURNAME.search(word):
        return bool(russian) and GIVEN in roles[roles.index(SURNAME):]
    return False  # a second patronymic is a surname in -вич (``Николай Викторович Статкевич``)


# ``имени``/``им.`` and the name after it: initials, then capitalised words.
_NAMED_AFTER = re.compile(
    r"(?<![\w])(?:имени|им\.)[ \t]+((?:[А-ЯЁ]\.[ \t]?){0,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"(?:[ \t][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2})")


def named_after_people(text: str, holders: list[Span] | None = None) -> list[Span]:
    """The person an organisation or a venue is named after (``НИИ им. Склифосовского``,
    ``Театр имени Ермоловой``, ``институт им. А.М. Горького``): a PER inside the holder
    (without ``holders``, anywhere in the text).

    >>> text = "в НИИ им. Склифосовского и в Театре имени Марии Ермоловой"
    >>> holders = [Span("ORG", 2, 24), Span("ORG", 29, 57)]
    >>> [text[s.start:s.end] for s in named_after_people(text, holders)]
    ['Склифосовского', 'Марии Ермоловой']
    """
    found = []
    for holder in holders if holders is not None else [Span("", 0, len(text))]:
        if holder.type == PER:
            continue
        for match in _NAMED_AFTER.finditer(text, holder.start, holder.end):
            found.append(Span(PER, match.start(1), match.end(1), source="named after"))
    return found


# Three capitalised words from every word start (a lookahead, so that a capitalised word
# before a name does not use up the match: ``Задержана Жукова Любовь Владимировна``).
_THREE_WORDS = re.compile(
    r"(?<![\w-])(?=([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)? [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+)(?![\w-]))")


def names_with_patronymic(text: str, spans: list[Span]) -> list[Span]:
    """Full names natasha missed, found by their roles: a surname, a first name and a
    patronymic in one gender and case (``Королева Любовь Михайловна`` on a line of its
    own, which natasha may leave out and the gazetteer read as a town). Such a name
    replaces any place or organisation it covers; a person already found stays.

    >>> text = "Список:\\nКоролева Любовь Михайловна\\nКим Анна"
    >>> [text[s.start:s.end] for s in names_with_patronymic(text, [Span(PER, 35, 43)]) if s.type == PER]
    ['Королева Любовь Михайловна', 'Ким Анна']
    """
    found = []
    for match in _THREE_WORDS.finditer(text):
        if found and match.start() < found[-1].end:
            continue  # inside the name just found
        surname, given, patronymic = match.group(1).split(" ")
        if (is_patronymic(patronymic) and is_given_name(given) and _surname_readings(surname)
                and _roles_in_name([given, patronymic]) == [GIVEN, PATRONYMIC]
                and _agree([surname, given, patronymic])):
            found.append(Span(PER, match.start(1), match.end(1)))
    if not found:
        return spans
    people = SpanIndex((s.start, s.end) for s in spans if s.type == PER)
    new = [f for f in found if not people.overlapping(f.start, f.end)]
    covered = SpanIndex((f.start, f.end) for f in new)
    kept = [s for s in spans if s.type == PER or not covered.overlapping(s.start, s.end)]
    return sorted(kept + new, key=lambda s: s.start)
