"""People's names: to the nominative with the right gender, and grouped per document.

A name's words must agree in gender and case (``Владимира Козлова`` is a man in
the genitive, ``Бахыт Туменова`` a woman in the nominative), so each word offers
the (gender, case) readings pymorphy3 and the surname paradigms
(``models/ner_surnames.json``) allow, and the reading most words share wins.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..nlp import from_dictionary, parse_word
from ..normalise.words import word_frequency
from ..resources import load_json

GENDERS = ("masc", "femn")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_TAGS = ("Name", "Surn", "Patr")
RARE_READING = 0.2  # a parse this much less likely than the best weighs half
# A lone word joins a full name of the same document by its first name when it reads as
# that name with at least this weight (a dictionary first name: 1.0; a guess: 0.6).
FIRST_NAME_READING = 0.6
# An indeclinable name's oblique reading beside a declining name's (``Анне``): weaker than a
# case the context prefers (``штраф Анне Ивановой`` reads as a genitive), as a guess is.
FIXED_BESIDE_DECLINED = 0.3

# A word of a name, or an initial (``Б.`` in ``Б.Туменовой``).
_PART = re.compile(r"[A-ZА-ЯЁ]\.|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LONE_CAPITAL = re.compile(r"[А-ЯЁ]")
_CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$", re.IGNORECASE)
_VOWEL_END = re.compile(r"[еиоэю]$", re.IGNORECASE)
# A man's surname of a consonant stem in an oblique case: the ending, and the case it shows
# (``Бразда``: Бразд's genitive or accusative; ``Бразду``, ``Браздом``).
_MASCULINE_CASE_ENDINGS = (("ом", ("ablt",)), ("а", ("gent", "accs")), ("у", ("datv",)))
GUESSED_CASE = 0.4  # a man's case read off the ending alone: below pymorphy3's likelier parses

# A reading of one word: gender and case it stands for (None: any), its nominative, weight.
Reading = tuple[str | None, str | None, str, float]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read off one mention."""

    parts: tuple[str, ...]  # nominative words and initials, in text order
    gender: str | None
    # surname keys of every nominative the surname may have (Тана: тана, тан)
    last_keys: frozenset[str] = frozenset()
    surname: int = -1  # index of the surname in parts (0 in ``Петров И.``)
    # genders the name may well be of: one when the words settle it (``Елена
    # Смирнова``), both when a form reads either way (``Смирнова``: she, or his genitive)
    genders: frozenset[str] = frozenset(GENDERS)
    # a lone word as the text writes it (``Александру``): whether it may be another
    # person's first name in some case is judged on it, not on its reading
    written: str = field(default="", compare=False)
    # whether words around it chose the reading (a case asked for, an agreeing verb),
    # not the nominative a name out of context is read in first
    by_context: bool = field(default=False, compare=False)

    @property
    def normal(self) -> str:
        """First name (or initials), patronymic, surname: ``Исатаев Н.`` reads
        ``Н. Исатаев``, ``Смирнова Елена Викторовна`` ``Елена Викторовна Смирнова``."""
        return " ".join(self.given + (self.parts[self.surname],))

    @property
    def given(self) -> tuple[str, ...]:
        """The parts other than the surname: first name (or initial), patronymic."""
        index = self.surname % len(self.parts)
        return self.parts[:index] + self.parts[index + 1 :]


def is_initial(part: str) -> bool:
    return len(part) == 2 and part.endswith(".")


@dataclass(frozen=True, slots=True)
class Context:
    """What the words around a name say of its case and gender.

    ``cases``: the only cases the name may stand in (after a preposition);
    ``prefer``: cases to favour (genitive after an inanimate noun: ``задержание
    Нурлана Есенова``); ``gender``: from an agreeing verb (``Смирнова сказала``).
    """

    cases: frozenset[str] | None = None
    prefer: frozenset[str] = frozenset()
    gender: str | None = None


NO_CONTEXT = Context()
NOMINATIVE_BONUS = 0.3  # a name out of context is read in the nominative first
PREFERRED_BONUS = 0.6  # a case the context asks for beats the nominative
SURE_MARGIN = 0.5  # a gender this far behind the best reading is ruled out


def normalise_person(text: str, context: Context = NO_CONTEXT) -> PersonName:
    """A person's name in the nominative, gender kept; ``context`` narrows the
    case and gender when the name reads several ways.

    >>> normalise_person("Б.Туменовой").normal
    'Б. Туменова'
    >>> normalise_person("Владимира Козлова").normal
    'Владимир Козлов'
    >>> normalise_person("Бахыт Туменова").gender
    'femn'
    >>> normalise_person("Дмитрия Колесникова").normal
    'Дмитрий Колесников'
    >>> normalise_person("Бекболота Жумабаева").normal
    'Бекболот Жумабаев'
    >>> name = normalise_person("Сидоровой М.В.")
    >>> name.normal, name.parts[name.surname]
    ('М. В. Сидорова', 'Сидорова')
    >>> normalise_person("Нурлана Есенова").normal
    'Нурлана Есенова'
    >>> normalise_person("Нурлана Есенова", Context(prefer=frozenset({"gent"}))).normal
    'Нурлан Есенов'
    >>> sorted(normalise_person("Смирнова").genders), normalise_person("Смирнова Елена").genders
    (['femn', 'masc'], frozenset({'femn'}))
    """
    return _normalise_person(text, context)


# The same name is read several times over (the surname passes, then the mentions), and a
# list of detainees repeats its first names and patronymics: reading a name is a pure
# function of its text and context, kept once (a frozen PersonName).
@lru_cache(maxsize=50_000)
def _normalise_person(text: str, context: Context) -> PersonName:
    words = _PART.findall(text)
    if not words:
        return PersonName((text.strip(),), None)
    # A lone Cyrillic capital after another word is an initial whose dot the text or the
    # span lost (``Ткаченко П.А``, ``Котов В``): read as one, never as a surname.
    words = [word + "." if at and _LONE_CAPITAL.fullmatch(word) else word for at, word in enumerate(words)]
    options = [_readings(word) for word in words]
    options = [readings + _demanded_guesses(words[at], options[:at] + options[at + 1 :])
               for at, readings in enumerate(options)]
    if context != NO_CONTEXT and _misread(words, options, context):
        # go by the words (and the case the verb would take them in) rather than keep them
        # as written
        return normalise_person(text, Context(prefer=context.prefer) if context.prefer else NO_CONTEXT)
    best, best_score = None, float("-inf")
    gender_score = dict.fromkeys(GENDERS, float("-inf"))
    for gender, case in itertools.product(GENDERS, CASES):
        if context.cases is not None and case not in context.cases:
            continue
        if context.gender is not None and gender != context.gender:
            continue
        if context.prefer:
            bonus = PREFERRED_BONUS if case in context.prefer else 0.0
        else:
            bonus = NOMINATIVE_BONUS if case == "nomn" else 0.0
        chosen, score = [], bonus
        for readings in options:
            fits = [r for r in readings if r[0] in (None, gender) and r[1] in (None, case)]
            if not fits:
                break
            # An exact gender beats a neuter guess of equal weight (Бекболота: -от, not -ото).
            top = max(fits, key=lambda r: (r[3], r[0] == gender))
            chosen.append(top[2])
            score += top[3]
        else:
            # A preferred case guides the reading but does not rule out a gender.
            gender_score[gender] = max(gender_score[gender], score - bonus)
            if score > best_score:
                best, best_score = (tuple(chosen), gender), score
    if best is None and context != NO_CONTEXT:
        return normalise_person(text)  # the context misread: go by the words alone
    parts, gender = best if best else (tuple(words), None)
    top = max(gender_score.values())
    genders = frozenset(g for g, v in gender_score.items() if v >= top - SURE_MARGIN)
    parts = tuple(_like(word, part) for word, part in zip(words, parts))
    surname = _surname_index(words, parts)
    keys = {surname_key(parts[surname])}
    keys |= {surname_key(r[2]) for r in options[surname] if r[3] >= 0.5}
    # a man's stem read off the ending, though no first name asked for it: the surname met
    # alone (``по словам Бразда``) may be the man named in full elsewhere (Дмитрий Бразд)
    keys |= {surname_key(r[2]) for r in _masculine_cases(words[surname])}
    return PersonName(parts, gender, frozenset(keys), surname % len(parts), genders or frozenset(GENDERS),
                      words[0] if len(words) == 1 else "",
                      bool(context.prefer or context.gender or context.cases and len(context.cases) == 1))


def _misread(words: Sequence[str], options: Sequence[tuple[Reading, ...]], context: Context) -> bool:
    """Whether the context misread a name: it rules out every reading of a word the surname
    paradigms read (``Ахмедовой назначен арест``: the verb is the arrest's, not a man's
    ``Ахмедовой`` in the nominative), or of two words the dictionary knows as names
    (``а Александра Кима оштрафовал``: the court of the clause before). A foreign word
    pymorphy3 guesses an oblique case for (``Роттоли``, ``Сиссе``) does not outweigh it.

    >>> _misread(["Ахмедовой"], [_readings("Ахмедовой")], Context(frozenset({"nomn"}), gender="masc"))
    True
    >>> _misread(["Сиссе"], [_readings("Сиссе")], Context(frozenset({"nomn"}), gender="masc"))
    False
    """
    ruled_out = [word for word, readings in zip(words, options) if not _fits(readings, context)]
    return any(_surname_readings(word) for word in ruled_out) or \
        sum(_known_name(word) for word in ruled_out) >= 2


def _fits(readings: tuple[Reading, ...], context: Context) -> bool:
    """Whether some reading of a word, besides the word as written, stands in a case and a
    gender ``context`` allows (a word with no other reading, an initial, always does).

    >>> _fits(_readings("Ахмедовой"), Context(cases=frozenset({"nomn"}), gender="masc"))
    False
    >>> _fits(_readings("Ахмедова"), Context(cases=frozenset({"nomn"}), gender="femn"))
    True
    """
    read = readings[1:]
    return not read or any((context.cases is None or r[1] is None or r[1] in context.cases)
                           and (context.gender is None or r[0] in (None, context.gender))
                           for r in read)


# Russian patronymics and the Turkic ``сын``/``дочь`` words written as one (Бахытжанулы).
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ична|овна|евна|ишна|улы|уулу|оглы|кызы|гызы)$", re.IGNORECASE)


def is_patronymic(word: str) -> bool:
    """Whether a capitalised word is a patronymic by its suffix.

    >>> is_patronymic("Викторовна"), is_patronymic("Бахытжанулы"), is_patronymic("Смирнова")
    (True, True, False)
    """
    return len(word) > 4 and _PATRONYMIC.search(word) is not None


def _surname_index(words: Sequence[str], parts: Sequence[str]) -> int:
    """Where the surname stands: before trailing initials (``Петрова И.``), first
    before a first name and patronymic (``Петров Иван Иванович``), else last.

    >>> _surname_index(["Петрова", "И."], ["Петрова", "И."])
    0
    >>> _surname_index(["И.", "И.", "Петров"], ["И.", "И.", "Петров"])
    2
    >>> _surname_index(["Сидоров", "Павел"], ["Сидоров", "Павел"])
    0
    >>> _surname_index(["Шевчук", "Игорь"], ["Шевчук", "Игорь"])
    0
    >>> _surname_index(["Денис", "Гурай"], ["Денис", "Гурай"])
    1
    >>> _surname_index(["Профессор", "Анна"], ["Профессор", "Анна"])
    1
    """
    full = [i for i, part in enumerate(parts) if not is_initial(part)]
    if not full:
        return len(parts) - 1
    if is_initial(parts[-1]) and not is_initial(parts[0]):
        return full[-1]
    if len(full) == 3 and _PATRONYMIC.search(parts[full[-1]]) and not _PATRONYMIC.search(parts[full[1]]):
        return full[0]
    if len(full) == 2 and _is_first_name(parts[full[1]]) and (
            _SURNAME_SUFFIX.search(parts[full[0]])
            or not (_first_name_in_nominative(parts[full[0]]) or _common_noun_only(parts[full[0]]))):
        return full[0]  # ``Сидоров Павел``, ``Шевчук Игорь``: the first word is no first name
    return full[-1]     # ... nor a title before one (``Доктор Анна``, ``Сестра Мария``)


def _first_name_in_nominative(word: str) -> bool:
    """Whether pymorphy3's dictionary reads a word (a name's nominative) as a first name
    in the nominative singular (``Денис``; not ``Гурай``, a plural case of ``Гурая``)."""
    return any("Name" in p.tag and p.tag.number == "sing" and p.tag.case == "nomn"
               and from_dictionary(p) for p in parse_word(word))


def _common_noun_only(word: str) -> bool:
    """Whether every reading pymorphy3's dictionary has of a word is a common noun, never a
    surname, a first name or a place (``Доктор``, ``Профессор``: a title before a first name,
    not a surname set first; ``Шевчук`` has a surname reading, ``Гурай`` a place's)."""
    known = [p for p in parse_word(word) if from_dictionary(p)]
    proper = {"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"}
    return bool(known) and all(p.tag.POS == "NOUN" and not (proper & p.tag.grammemes) for p in known)


# The endings of Russian surnames (both genders), shared with ``person_spans``.
SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий", "ская", "цкая")
_SURNAME_SUFFIX = re.compile(f"(?:{'|'.join(SURNAME_ENDINGS)})$")


def _is_first_name(word: str) -> bool:
    """A first name pymorphy3 knows and reads first as one (``Павел``, not ``Сидоров``)."""
    parses = parse_word(word)
    return bool(parses) and "Name" in parses[0].tag and not any("Surn" in p.tag for p in parses) \
        and parses[0].methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"


@lru_cache(maxsize=20_000)
def _readings(word: str) -> tuple[Reading, ...]:
    """Every (gender, case, nominative, weight) reading of one word of a name."""
    if is_initial(word):
        return ((None, None, word, 0.0),)
    if word.isupper() and len(word) > 1:
        return ((None, None, word, 0.2),)
    readings: list[Reading] = [(None, None, word, 0.1)]  # as written, whatever else fails
    parses = parse_word(word)
    surname = _surname_readings(word)
    if _only_a_first_name(parses):
        # "Ирину", "Екатерину" fit the surname paradigm of "-ин" (a man's dative "Ирин"), but
        # the dictionary knows them as first names and never as surnames: a weaker reading
        surname = [(gender, case, nominative, weight / 2) for gender, case, nominative, weight in surname]
    readings += surname
    known_name = False
    top_score = max((p.score for p in parses), default=0.0)
    for parse in parses:
        tag = parse.tag
        if tag.POS != "NOUN" or tag.number == "plur" or tag.case not in CASES:
            continue
        known = parse.methods_stack[0][0].__class__.__name__ == "DictionaryAnalyzer"
        is_name = any(mark in tag for mark in NAME_TAGS)
        known_name |= known and is_name
        weight = (1.0 if known else 0.6) if is_name else 0.5
        if parse.score < RARE_READING * top_score:
            weight /= 2  # ``Дмитрия`` as a woman's name in the nominative: rare
        
        nominative = _inflect(parse, tag.gender if is_name else None)
        gender = tag.gender if tag.gender in GENDERS else None
        readings.append((gender, tag.case, nominative, weight))
        if gender == "masc" and tag.case == "gent" and tag.animacy != "anim":
            # A man's name is animate: his genitive is his accusative too, though pymorphy3
            # reads the word as a thing or a place (``Грома``, a foreign ``Крамаржа``)
            readings.append((gender, "accs", nominative, weight))
    readings = _declined_first(readings, parses)
    if _CONSONANT_END.search(word) and not any(r[:2] == ("masc", "nomn") for r in surname) \
            and not ("-" in word and surname):
        # Women's names and foreign surnames ending in a consonant do not decline
        # (Бахыт, Бояр, Айгерим): in a woman's name the word stands in any case.
        # A man's surname form (Ибрагимов) is not one: hers would be Ибрагимова; nor is a
        # double surname whose first half declined (Седовой-Кляйн: Седова-Кляйн).
        readings.append(("femn", None, word, 0.8))
    elif _VOWEL_END.search(word) and not known_name:
        readings.append((None, None, word, 0.6))  # Шевченко, Нуржан-Ата, Мелони
    return tuple(readings)


def _declined_first(readings: list[Reading], parses) -> list[Reading]:
    """A word read both as an indeclinable name and as an oblique case of a declining one
    (``Анне``: a name as written, or Анна's dative): when the declining name is the commoner
    (by word frequency: Анна, not the rare Нелля beside ``Нелли``), the fixed readings of
    those cases weigh as a guess does, and the name's other words in an oblique case pick
    the declining one (``Анне Ивановой``: Анна Иванова, not Анне in the genitive). The
    nominative, a fixed name of another gender (``Али``, not Аля's genitive), and a name
    with no declining reading (``Мари``, ``Элен``) stay as they are.

    >>> sorted({(r[1], r[2]) for r in _readings("Анне") if r[3] >= 0.5})
    [('datv', 'анна'), ('loct', 'анна'), ('nomn', 'анне')]
    >>> [r[3] for r in _readings("Нелли") if r[1] == "datv" and r[2] == "нелли"]
    [1.0]
    """
    fixed = {p.word for p in parses if "Fixd" in p.tag}
    if not fixed:
        return readings
    declines = {p.tag.gender for p in parses if p.tag.POS == "NOUN" and "Fixd" not in p.tag
                and p.tag.number == "sing" and p.tag.case != "nomn" and any(mark in p.tag for mark in NAME_TAGS)
                and word_frequency(p.normal_form) > max(map(word_frequency, fixed))}
    if not declines:
        return readings
    return [(gender, case, nominative, weight * FIXED_BESIDE_DECLINED)
            if case not in (None, "nomn") and gender in declines and nominative in fixed
            else (gender, case, nominative, weight) for gender, case, nominative, weight in readings]


def _demanded_guesses(word: str, others: Sequence[tuple[Reading, ...]]) -> tuple[Reading, ...]:
    """A man's oblique case read off a word's ending alone (:func:`_masculine_cases`), in
    the cases the name's other words demand: a man's first name or patronymic that stands
    in that case and not in the nominative (``Дмитрию Бразду``: Бразд). An indeclinable
    first name, an initial or none leave the word as written, for a surname may not decline
    (``Али Мбенгу``, ``Д. Бразду``).

    >>> dative = _readings("Дмитрию")
    >>> [(r[1], r[2]) for r in _demanded_guesses("Бразду", [dative])]
    [('datv', 'Бразд')]
    >>> _demanded_guesses("Бразду", [_readings("Али")]), _demanded_guesses("Бразду", [_readings("Д.")])
    ((), ())
    """
    guesses = _masculine_cases(word)
    if not guesses:
        return ()
    demanded: set[str] = set()
    for readings in others:
        mans = [r for r in readings if r[0] in ("masc", None) and r[3] >= FIRST_NAME_READING]
        if not any(r[1] in ("nomn", None) for r in mans):
            demanded |= {r[1] for r in mans}
    return tuple(r for r in guesses if r[1] in demanded)


@lru_cache(maxsize=20_000)
def _masculine_cases(word: str) -> tuple[Reading, ...]:
    """A man's oblique cases of a word pymorphy3 reads no man's way and knows as no name (a
    thing, a woman, a place: ``Крамаржа``, ``Бразда``), by its ending after a consonant
    stem: with a man's first name in the same case (``Дмитрия Бразда``) the surname is Бразд.

    >>> sorted({(r[1], r[2]) for r in _masculine_cases("Бразда")})
    [('accs', 'Бразд'), ('gent', 'Бразд')]
    >>> _masculine_cases("Браун"), _masculine_cases("Ива"), _masculine_cases("Анну")
    ((), (), ())
    """
    if any(r[0] == "masc" for r in _readings(word)) or _known_name(word):
        return ()
    for ending, cases in _MASCULINE_CASE_ENDINGS:
        stem = word[: -len(ending)]
        if word.lower().endswith(ending) and len(stem) >= 3 and _CONSONANT_END.search(stem):
            return tuple(("masc", case, stem, GUESSED_CASE) for case in cases)
    return ()


def _known_name(word: str) -> bool:
    """Whether pymorphy3's dictionary reads a word as a name in the singular (``Анну``)."""
    return any(p.tag.POS == "NOUN" and p.tag.number != "plur" and from_dictionary(p)
               and any(mark in p.tag for mark in NAME_TAGS) for p in parse_word(word))


def _only_a_first_name(parses) -> bool:
    """Whether the dictionary reads a word as a first name and never as a surname.

    >>> from pipeline.nlp import parse_word
    >>> _only_a_first_name(parse_word("ирину")), _only_a_first_name(parse_word("петрову"))
    (True, False)
    """
    known = [p for p in parses if from_dictionary(p)]
    return any("Name" in p.tag for p in known) and not any("Surn" in p.tag for p in parses)


def _indeclinable(word: str) -> bool:
    """Whether a word ends in a vowel and does not decline: pymorphy3 knows it as fixed
    (``Гарсиа``), or its ending is no Russian case ending (``Руссо``, ``Дюбуа``).

    >>> _indeclinable("Гарсиа"), _indeclinable("Руссо"), _indeclinable("Браун"), _indeclinable("Сова")
    (True, True, False, False)
    """
    if _VOWEL_END.search(word):
        return True
    return word[-1:].lower() in "ауяы" and any("Fixd" in p.tag for p in parse_word(word.lower()))


def _inflect(parse, gender: str | None) -> str:
    grammemes = {"nomn", "sing"} | ({gender} if gender in GENDERS else set())
    form = parse.inflect(grammemes) or parse.inflect({"nomn"})
    return form.word if form else parse.normal_form


@cache
def _paradigms() -> tuple[tuple[re.Pattern, str, str, dict], ...]:
    compiled = []
    for paradigm in load_json("ner_surnames.json")["paradigms"]:
        for ending, readings in paradigm["endings"].items():
            suffixes = "|".join(paradigm["suffixes"])
            pattern = re.compile(rf"^(.+?(?:{suffixes})){ending}$", re.IGNORECASE)
            compiled.append((pattern, paradigm["masc"], paradigm["femn"], readings))
    return tuple(compiled)


def _surname_readings(word: str) -> list[Reading]:
    """Readings from the surname paradigms: ``Туменовой`` is a woman's gent/datv/…

    >>> sorted({r[2] for r in _surname_readings("Туменовой")})
    ['Туменова']

    Every part of a double surname declines: ``Ивановой-Петровой`` is Иванова-Петрова
    (a part no paradigm reads stays as written: ``Бонч-Осмоловского``, Бонч-Осмоловский).

    >>> sorted({r[2] for r in _surname_readings("Ивановой-Петровой")})
    ['Иванова-Петрова']
    >>> [sorted({r[2] for r in _surname_readings(w) if r[:2] == ("masc", "gent")})
    ...  for w in ("Петрова-Водкина", "Бонч-Осмоловского")]
    [['Петров-Водкин'], ['Бонч-Осмоловский']]
    >>> sorted({r[2] for r in _surname_readings("Зуевой-Браун")})
    ['Зуева-Браун']
    >>> sorted({r[:3] for r in _surname_readings("Белову-Руссо")})
    [('femn', 'accs', 'Белова-Руссо'), ('masc', 'datv', 'Белов-Руссо')]
    """
    head, hyphen, last = word.rpartition("-")
    if hyphen and head:
        heads = _surname_readings(head)
        if heads and not _surname_readings(last) and _indeclinable(last):
            # a foreign half that ends in a vowel (``Смирновой-Гарсиа``) declines in nobody's
            # name: the first half says the case and the gender
            return [(gender, case, nominative + "-" + last, weight)
                    for gender, case, nominative, weight in heads]
        if heads and not _surname_readings(last) and _CONSONANT_END.search(last):
            # a foreign half no paradigm reads (``Седовой-Кляйн``): in a woman's name it does
            # not decline, and the first half says her case (a man's ``-Кляйна`` would)
            return [(gender, case, nominative + "-" + last, weight)
                    for gender, case, nominative, weight in heads if gender == "femn"]
        return [(gender, case, next((r[2] for r in heads if r[:2] == (gender, case)), head) + "-" + nominative,
                 weight) for gender, case, nominative, weight in _surname_readings(last)]
    readings: list[Reading] = []
    for pattern, masc, femn, pairs in _paradigms():
        match = pattern.match(word)
        if not match or len(match.group(1)) < 4:
            continue
        for pair in pairs:
            gender, case = pair.split(",")
            ending = masc if gender == "masc" else femn
            readings.append((gender, case, match.group(1) + ending, 1.0))
    return readings


def _like(original: str, word: str) -> str:
    """``word`` with the capitals of ``original`` (Туменовой -> Туменова)."""
    if is_initial(original) or original == word:
        return original
    if "ё" not in original.lower():
        word = word.replace("ё", "е")  # pymorphy3 writes ё; keep the text's spelling
    if original.isupper():
        return word.upper()
    if all(piece[:1].isupper() and piece[1:].islower() for piece in original.split("-")):
        return "-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-"))
    return word


@lru_cache(maxsize=50_000)
def surname_key(part: str) -> str:
    """One key for a surname's men's and women's forms.

    >>> surname_key("Туменова") == surname_key("Туменов")
    True
    >>> surname_key("Архангельская") == surname_key("Архангельский")
    True
    """
    key = part.lower().replace("ё", "е")
    key = re.sub(r"(ов|ев|ин|ын)а$", r"\1", key)
    return re.sub(r"(ск|цк)(ая|ий|ой)$", r"\1", key)


def group_persons(names: Sequence[PersonName]) -> list[int]:
    """A cluster number for each name: one per person, in order of first mention.

    ``Бахыт Туменова``, ``Б.Туменовой``, ``Туменова`` share a surname and
    compatible first names (an initial fits a full name that starts with it).
    """
    order = sorted(range(len(names)), key=lambda i: (-_fullness(names[i]), i))
    clusters: list[list[int]] = []
    # Clusters filed by the surname key and first letter of the first name of their
    # fullest name, and by that first name: a name is tried only on the clusters that
    # _same_person could accept, so thousands of people are not compared pair by pair.
    by_surname: dict[tuple[str, str], list[int]] = {}  # (surname key, first letter or "")
    by_given: dict[str, list[int]] = {}
    by_letter: dict[str, set[str]] = {}  # surname key -> first letters filed under it
    for i in order:
        other = names[i]
        if len(other.parts) == 1 and not is_initial(other.parts[0]):
            written = other.written or other.parts[0]
            tried = {c for form in _first_name_forms(other.parts[0]) | _first_name_forms(written)
                     for c in by_given.get(form, ())}
            letters = None  # any first name
        else:
            tried = set()
            letters = ("", other.given[0][0].lower()) if other.given else None
        for key in _keys(other):
            for letter in letters or by_letter.get(key, ()):
                tried.update(by_surname.get((key, letter), ()))
        # A cluster whose first name is the word as written comes before one reached
        # through a case form (``Валерия``: Валерия Кузьмина before Валерий Кузьмин).
        as_written = (other.written or "").lower()
        tried_order = sorted(tried, key=lambda c: (not _first_name_is(names[clusters[c][0]], as_written), c))
        home = next((clusters[c] for c in tried_order if _same_person(names[clusters[c][0]], other)), None)
        if home is None:
            head = names[i]
            key, letter = surname_key(head.parts[head.surname]), head.given[0][0].lower() if head.given else ""
            by_surname.setdefault((key, letter), []).append(len(clusters))
            by_letter.setdefault(key, set()).add(letter)
            if head.given:
                by_given.setdefault(head.given[0].lower(), []).append(len(clusters))
            clusters.append([i])
        else:
            home.append(i)
    first_seen = sorted(clusters, key=min)
    label = {}
    for number, cluster in enumerate(first_seen):
        for i in cluster:
            label[i] = number
    return [label[i] for i in range(len(names))]


def settle_genders(texts: Sequence[str], contexts: Sequence[Context],
                   names: Sequence[PersonName]) -> list[PersonName]:
    """The names of one document, each read in the gender the document's other mentions
    of the same person give it, when its own words and sentence leave both open.

    ``Рината Шакирова`` reads as a woman in the nominative or a man in the genitive;
    ``Ринат`` alone elsewhere, or ``Шакиров`` (a man's surname only), says he is a man.
    A reading is borne out by a lone first name written as its first name, or by a mention
    of one gender only that names the same person in that reading; the other reading
    is taken when it alone is borne out. A gender a verb gave is kept.

    >>> texts = ["Рината Шакирова", "Ринат"]
    >>> contexts = [Context(cases=frozenset({"nomn", "gent"})), NO_CONTEXT]
    >>> [n.normal for n in settle_genders(texts, contexts, [normalise_person(t, c) for t, c in zip(texts, contexts)])]
    ['Ринат Шакиров', 'Ринат']
    """
    settled = list(names)
    # The mentions that may bear a reading out, filed so that a long list of names is not
    # compared pair by pair: lone words by how they are written and the first names they
    # may be, mentions of one gender by surname key.
    written = {(n.written or n.parts[0]).lower(): j for j, n in enumerate(names) if len(n.parts) == 1}
    by_key: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for j, other in enumerate(names):
        if len(other.genders) == 1 and other.gender in other.genders:
            for key in _keys(other):
                by_key.setdefault(key, []).append(j)
            if len(other.parts) == 1 and not is_initial(other.parts[0]):
                for form in _first_name_forms(other.written or other.parts[0]):
                    by_first.setdefault(form, []).append(j)
    index = (written, by_key, by_first)
    for i, (text, context, name) in enumerate(zip(texts, contexts, names)):
        if context.gender is not None or name.gender not in GENDERS or len(name.genders) < 2 \
                or len(name.parts) < 2:
            continue
        other = next(g for g in GENDERS if g != name.gender)
        alternative = normalise_person(text, Context(context.cases, context.prefer, other))
        if alternative.gender != other or alternative.parts == name.parts:
            continue
        if _borne_out(alternative, names, i, index) and not _borne_out(name, names, i, index):
            settled[i] = alternative
    return settled


def _borne_out(reading: PersonName, names: Sequence[PersonName], at: int, index) -> bool:
    """Whether another mention of the document bears out ``reading`` of mention ``at``:
    a lone first name written as its first name, or a mention of its gender only that
    names the same person."""
    written, by_key, by_first = index
    first = next((p.lower() for p in reading.given if not is_initial(p)), None)
    if first and written.get(first, at) != at:
        return True
    tried = {j for key in _keys(reading) for j in by_key.get(key, ())}
    tried |= set(by_first.get(first, ())) if first else set()
    for j in sorted(tried - {at}):
        other = names[j]
        if other.genders == {reading.gender} and other.gender == reading.gender:
            fuller, lesser = (reading, other) if _fullness(reading) >= _fullness(other) else (other, reading)
            if _same_person(fuller, lesser):
                return True
    return False


def fullest(names: Sequence[PersonName]) -> PersonName:
    """The fullest of several names of one person (first given wins a tie)."""
    return max(enumerate(names), key=lambda item: (_fullness(item[1]), -item[0]))[1]


def _fullness(name: PersonName) -> int:
    words = [p for p in name.parts if not is_initial(p)]
    return 2 * len(words) + len(name.parts)


def _same_person(full: PersonName, other: PersonName) -> bool:
    """Whether ``other`` (no fuller than ``full``) names the same person: the
    surnames agree and so do first names and patronymics, an initial fitting any
    name that starts with it, wherever the surname stands (``Петров И.``,
    ``И. Петров``, ``Иван Петров``)."""
    b = other.parts
    if len(b) == 1 and full.given and _may_be_first_name(other.written or b[0], full.given[0], full.genders) \
            and not _a_name_of_another_gender(other, full):
        # a lone first name read as his in some case, whatever gender its context chose
        # (``Аскара сказала`` reads Аскара as her name, beside ``Аскар Бейсенов``)
        return True
    if not full.genders & other.genders:
        return False  # Елена Смирнова and Андрей Смирнов: a woman and a man
    surname = full.parts[full.surname]
    keys = _keys(other)
    if len(b) == 1 and not is_initial(b[0]):
        given = full.given
        return surname_key(surname) in keys or (bool(given) and b[0].lower() == given[0].lower())
    if surname_key(surname) not in keys:
        return False
    for x, y in zip(full.given, other.given):
        if is_initial(x) or is_initial(y):
            if x[0].lower() != y[0].lower():
                return False
        elif x.lower() != y.lower():
            return False
    return True


def _first_name_is(name: PersonName, word: str) -> bool:
    return bool(word) and bool(name.given) and name.given[0].lower() == word


def _a_name_of_another_gender(other: PersonName, full: PersonName) -> bool:
    """Whether a lone word is a first name of its own of a gender ``full`` cannot be:
    as written, a nominative first name of a gender its context allows (``Валерия
    плакала``, ``жена Александра рассказала``), or read in its context as one
    (``его жену Александру``: Александра, not Александр's dative). ``Аскара`` is
    no woman's name as written, so ``Аскара сказала`` may still be Аскар's.

    >>> lone = normalise_person("Валерия", Context(cases=frozenset({"nomn"}), gender="femn"))
    >>> _a_name_of_another_gender(lone, normalise_person("Валерий Кузьмин"))
    True
    >>> lone = normalise_person("Аскара", Context(cases=frozenset({"nomn"}), gender="femn"))
    >>> _a_name_of_another_gender(lone, normalise_person("Аскар Бейсенов"))
    False
    """
    word = other.written or other.parts[0]
    own = {gender for gender, case, nominative, weight in _readings(word)
           if case == "nomn" and gender in GENDERS and weight >= 0.5 and nominative.lower() == word.lower()}
    if own & other.genders - full.genders:
        return True
    read = other.parts[0].lower()
    return other.by_context and other.gender not in full.genders and other.gender is not None and any(
        gender == other.gender and nominative.lower() == read and weight >= 0.5
        for gender, _, nominative, weight in _readings(word))


def _first_name_forms(word: str, genders: frozenset[str] = frozenset(GENDERS)) -> set[str]:
    """The first names a lone word may be (lower case): itself, and its readings of
    :data:`FIRST_NAME_READING` weight or more as a name of one of ``genders``."""
    return {word.lower()} | {reading.lower() for gender, _, reading, weight in _readings(word)
                             if weight >= FIRST_NAME_READING and gender in (None, *genders)}


def _may_be_first_name(word: str, first: str, genders: frozenset[str] = frozenset(GENDERS)) -> bool:
    """Whether a lone word may be ``first`` in some case: a first name told alone reads
    as written in the nominative first (``Аскара`` may be a woman's name), but in
    ``жена Аскара`` beside ``Аскар Бейсенов`` it is his, in the genitive.

    >>> _may_be_first_name("Аскара", "Аскар"), _may_be_first_name("Глеба", "Глеб")
    (True, True)
    >>> _may_be_first_name("Марата", "Марина"), _may_be_first_name("Ирину", "Ирина")
    (False, True)
    """
    return first.lower() in _first_name_forms(word, genders)


def _keys(name: PersonName) -> frozenset[str]:
    """The surname keys a name may match on."""
    return name.last_keys or frozenset({surname_key(name.parts[name.surname])})


def full_name_surnames(text: str, spans) -> set[str]:
    """The surname keys of every PER span naming more than a surname: every stem the
    surname may have (``Нельсона Манделу`` gives мандел, манделу), so the surname met
    again alone can be told from a place or tagged as the same person."""
    surnames: set[str] = set()
    for span in spans:
        if span.type == "PER":
            name = normalise_person(text[span.start : span.end])
            if len(name.parts) > 1 and len(name.parts[-1]) > 2:
                surnames.add(surname_key(name.parts[-1]))
                surnames.update(k for k in name.last_keys if len(k) > 3)
    return surnames
