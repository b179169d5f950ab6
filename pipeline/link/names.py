"""People's names made comparable across documents.

Within a document the tagger already gives each person one nominative ``normal``
(``Б. Туменовой`` reads ``Бахыт Туменова``). Across documents the same person may
be ``Бахыт Туменова``, ``Б. Туменова``, ``Туменова Бахыт Кадыровна``, ``Ксюша``
for ``Ксения`` or, in a report written in English, ``Bakhyt Tumenova``. This
module splits a name into surname, first name and patronymic (each possibly an
initial), reads a short first name as the full one it stands for
(``models/link_names.json``), reads its gender, and gives every part a *sound key*: Cyrillic and Latin spellings transliterated to
one simplified Latin form, so ``Туменова``/``Tumenova``, ``Ковалёва``/``Ковалева``,
``Эсенов``/``Есенов`` and ``Бахыт``/``Bakhyt`` key alike. The comparisons in
:mod:`pipeline.link.people` work on these keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..morphology import from_dictionary, parse_word
from ..resources import fold, load_json
from ..tag.persons import Context, is_initial, is_patronymic, normalise_person

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


@cache
def _sound_rules_file() -> dict:
    return load_json("link_transliteration.json")


@lru_cache(maxsize=1)
def _sound_rules() -> tuple[dict[str, str], tuple[tuple[re.Pattern, str], ...]]:
    rules = _sound_rules_file()
    return rules["cyrillic"], tuple((re.compile(a), b) for a, b in rules["latin"])


@lru_cache(maxsize=200_000)
def sound_key(word: str) -> str:
    """One simplified Latin spelling for a name written in Cyrillic or Latin.

    >>> sound_key("Туменова") == sound_key("Tumenova")
    True
    >>> sound_key("Ковалёва") == sound_key("Ковалева") == sound_key("Kovaleva")
    True
    >>> sound_key("Бахытжан"), sound_key("Bakhytzhan"), sound_key("Эсенов"), sound_key("Есенов")
    ('bahitjan', 'bahitjan', 'esenov', 'esenov')
    >>> sound_key("Наталья") == sound_key("Natalia"), sound_key("Сергей") == sound_key("Sergey")
    (True, True)
    >>> sound_key("Юлия") == sound_key("Yulia") == sound_key("Iuliia"), sound_key("Джамиля") == sound_key("Jamila")
    (True, True)
    """
    cyrillic, latin = _sound_rules()
    word = word.lower()
    if _CYRILLIC.search(word):
        word = "".join(cyrillic.get(char, char) for char in word)
    for pattern, replacement in latin:
        word = pattern.sub(replacement, word)
    return word


# Endings that make a man's surname a woman's (Туменов/Туменова, Архангельский/-ая,
# Бережной/Бережная), on the sound key: one key for both, the gender kept apart; and
# the case endings a name the tagger left inflected still carries (Бережного, Туменовой).
_GENDERED_ENDING = re.compile(r"(ov|ev|in)a$|(sk|c)(aa|oi|a|i)$"
                              r"|(?<=[a-z]{4})(ogo|ego|omu|emu|oi|aa|uu|im|u|i)$")


def surname_stem(key: str) -> str:
    """A surname's sound key without its gender ending.

    >>> surname_stem(sound_key("Туменова")) == surname_stem(sound_key("Туменов"))
    True
    >>> surname_stem(sound_key("Архангельская")) == surname_stem(sound_key("Архангельский"))
    True
    >>> {surname_stem(sound_key(w)) for w in ("Бережной", "Бережная", "Бережного")}
    {'berejn'}
    """
    return _GENDERED_ENDING.sub(lambda m: m.group(1) or m.group(2) or "", key)


@lru_cache(maxsize=1)
def _armenian_rules() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern, str], ...]]:
    rules = _sound_rules_file().get("armenian_surnames", {"endings": [], "loose": []})
    return (tuple(e.lower() for e in rules["endings"]),
            tuple((re.compile(a), b) for a, b in rules["loose"]))


@lru_cache(maxsize=1)
def _belarusian_rules() -> tuple[tuple[re.Pattern, str], ...]:
    rules = _sound_rules_file().get("belarusian_surnames", {"loose": []})
    return tuple((re.compile(a), b) for a, b in rules["loose"])


def loose_surname_key(surname: str) -> str | None:
    """A surname's key as its Latin and its Russian writing share it
    (``models/link_transliteration.json``): for an Armenian surname
    (``armenian_surnames``), no initial ``h``, voiced and voiceless consonants alike;
    for any other, the Belarusian romanisation's vowels and ``h`` folded
    (``belarusian_surnames``). The linker compares it only across alphabets.

    >>> loose_surname_key("Hakobyan") == loose_surname_key("Акопян")
    True
    >>> loose_surname_key("Gevorgyan") == loose_surname_key("Геворкян")
    True
    >>> loose_surname_key("Marozava") == loose_surname_key("Морозова")
    True
    >>> loose_surname_key("Kavaliou") == loose_surname_key("Ковалёв"), loose_surname_key("Мазурова")
    (True, 'mazurav')
    """
    endings, rules = _armenian_rules()
    if not surname.lower().endswith(endings):
        rules = _belarusian_rules()
    key = surname_stem(sound_key(surname))
    for pattern, replacement in rules:
        key = pattern.sub(replacement, key)
    return key or None


def surname_halves(surname: str) -> frozenset[str]:
    """The halves of a double surname as keys without their gender ending (a surname of
    one word has none).

    >>> sorted(surname_halves("Круглова-Ветрова")), surname_halves("Круглова")
    (['kruglov', 'vetrov'], frozenset())
    """
    halves = [h for h in surname.split("-") if len(h) > 1]
    if len(halves) < 2:
        return frozenset()
    return frozenset(surname_stem(sound_key(h)) for h in halves)


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name taken apart for comparison; keys are :func:`sound_key`s."""

    normal: str
    surname: str | None  # the surname's stem (no gender ending)
    first: str | None  # the full first name (Ксюша: ksenia), None when only its initial is known
    first_initial: str | None
    patronymic: str | None
    patronymic_initial: str | None
    gender: str | None  # masc, femn, or None when the name does not say
    # Every initial the first name may be written with (:func:`_initials`): a Latin
    # ``H.`` is Russian ``Х`` or Belarusian/Ukrainian ``Г``; empty when none is known.
    first_initials: frozenset[str] = frozenset()
    # Every first name it may be read as (:func:`first_readings`): ``Alena`` is Алёна
    # or Belarusian Алена, Елена; empty when no first name is given in full.
    first_names: frozenset[str] = frozenset()
    # The halves of a double surname (``Круглова-Ветрова``: ``kruglov``, ``vetrov``), each
    # without its gender ending; empty for a surname of one word. One statement may give
    # a woman's double surname, another only her own or her husband's half.
    surname_parts: frozenset[str] = frozenset()
    # A surname's loose key (:func:`loose_surname_key`: Armenian ``Hakobyan``/``Акопян``, else the
    # Belarusian romanisation ``Marozava``/``Морозова``; ``link_transliteration.json``)
    # and whether the surname is written in Latin letters: the key is compared only across
    # the two alphabets.
    surname_loose: str | None = None
    surname_latin: bool | None = None

    @property
    def fullness(self) -> int:
        """How much of the name is known: full words count double."""
        return (2 * sum(p is not None for p in (self.surname, self.first, self.patronymic))
                + sum(p is not None for p in (self.first_initial, self.patronymic_initial)))


@cache
def _names_file() -> dict:
    return load_json("link_names.json")


@cache
def _first_names() -> dict[str, dict[str, frozenset[str]]]:
    """Folded form -> gender -> the full first names it may stand for (a full name
    stands for itself; its Belarusian and Ukrainian forms, ``national``, for it too)."""
    table: dict[str, dict[str, set[str]]] = {}
    for entry in _names_file()["first_names"]:
        for form in (entry["name"], *entry["forms"], *entry.get("national", ())):
            table.setdefault(fold(form), {}).setdefault(entry["gender"], set()).add(entry["name"])
    return {form: {g: frozenset(n) for g, n in by_gender.items()}
            for form, by_gender in table.items()}


@cache
def _latin_first_names() -> dict[str, dict[str, frozenset[str]]]:
    """Sound key of a Latin form (``Siarhei``, ``Volha``) -> gender -> the first names
    it stands for: Belarusian and Ukrainian forms whose Latin spelling no sound key
    brings to the Russian name's."""
    table: dict[str, dict[str, set[str]]] = {}
    for entry in _names_file()["first_names"]:
        for form in entry.get("latin", ()):
            table.setdefault(sound_key(form), {}).setdefault(entry["gender"], set()).add(entry["name"])
    return {key: {g: frozenset(n) for g, n in by_gender.items()} for key, by_gender in table.items()}


@cache
def _latin_other_readings() -> dict[str, frozenset[str]]:
    """Sound key of a Latin form that is also a Russian name's usual transliteration
    (``Alena``: Алёна) -> the other first names it may be (Елена)."""
    table: dict[str, set[str]] = {}
    for entry in _names_file()["first_names"]:
        for form in entry.get("latin_also_as_written", ()):
            table.setdefault(sound_key(form), set()).add(entry["name"])
    return {key: frozenset(names) for key, names in table.items()}


def first_readings(word: str | None) -> frozenset[str]:
    """The other first names (not as written) a Latin first name may be read as.

    >>> sorted(first_readings("Alena")), sorted(first_readings("Алёна")), sorted(first_readings("Olena"))
    (['Елена'], [], [])
    """
    if not word or is_cyrillic(word) or is_initial(word):
        return frozenset()
    return _latin_other_readings().get(sound_key(word), frozenset())


def full_first_name(word: str, gender: str | None = None) -> tuple[str, str | None]:
    """The full first name a short or variant form stands for, and its gender.

    A form of names of both genders is read by ``gender``; a form of several names
    of one gender (``Слава``) stands for none: it is kept as written.

    >>> full_first_name("Ксюша"), full_first_name("Наталия")
    (('Ксения', 'femn'), ('Наталья', 'femn'))
    >>> full_first_name("Саша", "masc"), full_first_name("Саша")
    (('Александр', 'masc'), ('Саша', None))
    >>> full_first_name("Слава"), full_first_name("Бахыт")
    (('Слава', None), ('Бахыт', None))

    A name in Latin letters may be the Belarusian or Ukrainian form (``Siarhei``,
    ``Olena``); a Cyrillic one is read as written. A Latin form that is also how a
    Russian name is usually transliterated is not listed (``Alena`` is Алёна as often
    as Belarusian Алена), so it stays the name as written (:func:`first_readings`
    gives its other reading):

    >>> full_first_name("Siarhei"), full_first_name("Olena"), full_first_name("Alena")
    (('Сергей', 'masc'), ('Елена', 'femn'), ('Alena', None))
    """
    by_gender = _first_names().get(fold(word))
    if not by_gender and not is_cyrillic(word):
        by_gender = _latin_first_names().get(sound_key(word))
    if not by_gender:
        return word, None
    genders = [gender] if gender in by_gender else list(by_gender)
    names = {(n, g) for g in genders for n in by_gender[g]}
    if len(names) != 1:
        return word, None
    return next(iter(names))


def short_form_readings(word: str, gender: str | None = None) -> frozenset[str]:
    """The full first names a short form of several names of one gender stands for
    (``models/link_names.json``), which :func:`full_first_name` leaves as written: any
    of them may be the one meant. Empty for a form of one name, or of none.

    >>> sorted(short_form_readings("Слава"))
    ['Владислав', 'Вячеслав', 'Станислав', 'Ярослав']
    >>> sorted(short_form_readings("Саша", "femn")), sorted(short_form_readings("Ксюша"))
    ([], [])
    """
    by_gender = _first_names().get(fold(word), {})
    genders = [gender] if gender in by_gender else list(by_gender)
    names = {n for g in genders for n in by_gender[g]}
    return frozenset(names) if len(names) > 1 else frozenset()


@cache
def _surname_endings() -> tuple[re.Pattern, re.Pattern]:
    endings = _names_file()["surname_endings"]
    return tuple(re.compile(f"(?:{'|'.join(endings[k])})$", re.IGNORECASE)
                 for k in ("strong", "weak"))


def surname_likeness(word: str) -> int:
    """2 for a word with a typical surname ending, 1 for a weak one (``-ин``, also a
    first name's: Эркин), 0 for none.

    >>> surname_likeness("Сатыбалдиев"), surname_likeness("Эркин"), surname_likeness("Бахыт")
    (2, 1, 0)
    """
    strong, weak = _surname_endings()
    return 2 if strong.search(word) else 1 if weak.search(word) else 0


AS_NOMINATIVE = Context(prefer=frozenset({"nomn"}))


@lru_cache(maxsize=200_000)
def parse_name(normal: str) -> Name:
    """Surname, first name and patronymic of a person's name, in any case or order.

    >>> n = parse_name("Елена Викторовна Смирнова")
    >>> n.surname, n.first, n.patronymic, n.gender
    ('smirnov', 'elena', 'viktorovna', 'femn')
    >>> n = parse_name("Смирновой Е. В.")
    >>> n.surname, n.first, n.first_initial, n.patronymic_initial, n.gender
    ('smirnov', None, 'e', 'v', 'femn')
    >>> n = parse_name("Олег Сергеевич")
    >>> n.surname, n.first, n.patronymic
    (None, 'oleg', 'sergevich')
    >>> n = parse_name("Игорь")
    >>> n.surname, n.first, n.gender
    (None, 'igor', 'masc')
    >>> [parse_name(x).surname for x in ("Ахметова Гульнара", "Сатыбалдиев Эркин", "Р. Эргашев")]
    ['ahmetov', 'satibaldev', 'ergashev']
    >>> n = parse_name("Татьяна Лукашевич")
    >>> n.surname, n.first
    ('lukashevich', 'tatana')
    >>> parse_name("Ксюша Воронцова").first == parse_name("Ксения Воронцова").first
    True
    >>> parse_name("Bakhyt Tumenova").surname == parse_name("Бахыт Туменова").surname
    True
    >>> [parse_name(x).surname for x in ("Kuznetsova Anna", "Hasanov Elnur", "Elnur Hasanov")]
    ['kuznecov', 'hasanov', 'hasanov']
    """
    # A record's name is a nominative already (the tagger's ``normal``, a gold name): of
    # two readings the nominative one is meant (``Александра Лыкова`` is a woman, not
    # the genitive of ``Александр Лыков``); a name in another case still reads as before.
    person = normalise_person(joined_patronymic(normal), AS_NOMINATIVE)
    # ``Ткачук П. А``: a capital alone is an initial whose dot was lost.
    parts = [f"{p}." if len(p) == 1 and p.isupper() else p for p in person.parts]
    full = [i for i, p in enumerate(parts) if not is_initial(p)]
    surname_at: int | None = person.surname
    if not full:
        surname_at = None
    elif surname_at is None or is_initial(parts[surname_at]):
        surname_at = full[-1]  # an initial is never the surname
    if len(full) == 2 and len(parts) == 2:
        surname_at = _surname_of_two(parts[0], parts[1], surname_at)
    elif len(parts) == 1 and _is_first_name(parts[0]):
        surname_at = None  # ``Талгат``: a first name alone
    given = [p for i, p in enumerate(parts) if i != surname_at]
    first = given[0] if given else None
    patronymic = given[1] if len(given) > 1 else None
    gender = person.gender if len(person.genders) == 1 else _gender_of(first, patronymic)
    written_first = first
    others = [sound_key(n) for n in first_readings(first)]  # Alena: also Елена
    others_initials = frozenset(k[0] for k in others if k)
    if first and not is_initial(first):
        first, known_gender = full_first_name(_nominative_name(first, gender), gender)
        gender = gender or known_gender
        # ``Слава``: Вячеслав, Владислав, … (a short form of several: any of them)
        shared = [sound_key(n) for n in short_form_readings(first, gender)]
        others += shared
        others_initials |= frozenset(k[0] for k in shared if k)
    return Name(
        normal=normal,
        surname=surname_stem(sound_key(parts[surname_at])) if surname_at is not None else None,
        first=_full(first), first_initial=_initial(first),
        patronymic=_full(patronymic), patronymic_initial=_initial(patronymic),
        gender=gender, first_initials=_initials(first, written_first) | others_initials,
        first_names=frozenset(k for k in (_full(first), *others) if k),
        surname_parts=surname_halves(parts[surname_at]) if surname_at is not None else frozenset(),
        surname_loose=loose_surname_key(parts[surname_at]) if surname_at is not None else None,
        surname_latin=not is_cyrillic(parts[surname_at]) if surname_at is not None else None,
    )


# Endings of a patronymic, a man's and a woman's (``Сергеевич``, ``Ильич``, Turkic
# ``Бахытжанулы``; ``Сергеевна``, ``Ильинична``, spoken ``Саввишна``, ``Нурлан кызы``).
MASCULINE_PATRONYMIC = ("вич", "ьич", "улы", "уулу", "оглы")
FEMININE_PATRONYMIC = ("вна", "чна", "шна", "кызы", "гызы")


# A Turkic patronymic's word for son or daughter written apart from the father's name
# (``Серик улы``, ``Рафик оглы``, ``Нурлан кызы``): one word, as ``Серикулы`` is.
_PATRONYMIC_APART = re.compile(
    r"(?<=[а-яёәғқңөұүһі])[\s-]+(" + "|".join(MASCULINE_PATRONYMIC[2:] + FEMININE_PATRONYMIC[2:])
    + r"|ұлы|қызы)(?![а-яё])", re.IGNORECASE)


def joined_patronymic(name: str) -> str:
    """A name with a Turkic patronymic written apart joined into one word.

    >>> joined_patronymic("Ержан Серик улы Омаров"), joined_patronymic("Гасанов Эльчин Рафик оглы")
    ('Ержан Серикулы Омаров', 'Гасанов Эльчин Рафикоглы')
    >>> joined_patronymic("Айгерим Нурлан кызы"), joined_patronymic("Улан Кызылов")
    ('Айгерим Нурланкызы', 'Улан Кызылов')
    """
    return _PATRONYMIC_APART.sub(lambda m: m.group(1).lower(), name)


def _surname_of_two(one: str, two: str, default: int | None) -> int | None:
    """Which of two full words is the surname (None: first name and patronymic).

    A first name the dictionaries know stands beside a word that is not one
    (``Ахметова Гульнара``); else a typical surname ending beside a weaker one
    (``Сатыбалдиев Эркин``). A patronymic made from a first name after a first
    name is no surname (``Олег Сергеевич``); a ``-вич`` word after a woman's name is
    (``Татьяна Лукашевич``: hers would be ``-вна``).
    """
    # A man's ``-вич`` or a woman's ``-вна``/``-ична`` beside a first name of the same
    # gender (``Наталья Викторовна``).
    other_gender = "masc" if two.lower().endswith(FEMININE_PATRONYMIC) else "femn"
    if is_patronymic(two) and _is_first_name(one) and _from_first_name(two) \
            and not _known_as("Surn", two) and _gender_of(one, None) != other_gender:
        return None
    if one.isascii() and two.isascii():
        # Latin letters (``Kuznetsova Anna``, ``Hasanov Elnur``): no Russian dictionary
        # reads them; a first name in Latin letters and a surname's Latin ending do
        from ..tag.latin_names import is_english_surname, is_latin_first_name, surname_ending

        # A surname's ending of the region beside a word with none is the surname, whatever
        # a first-name reading of it says (``Liliya Tanysheva``: -eva)
        strong = {surname_ending(one), surname_ending(two)}
        if strong == {0, 2}:
            return 0 if surname_ending(one) == 2 else 1
        first_one, first_two = is_latin_first_name(one), is_latin_first_name(two)
        if first_one != first_two:
            return 1 if first_one else 0
        # two first names: the one that is an English surname too is the surname
        # (``Smith Kate``, ``Kate Parker``)
        surname_one, surname_two = is_english_surname(one), is_english_surname(two)
        if first_one and surname_one != surname_two:
            return 0 if surname_one else 1
        like_one, like_two = surname_ending(one), surname_ending(two)
        if like_one != like_two:
            return 0 if like_one > like_two else 1
        return 1 if default is None else default
    first_one, first_two = _is_first_name(one), _is_first_name(two)
    if first_one != first_two:
        return 1 if first_one else 0
    like_one, like_two = surname_likeness(one), surname_likeness(two)
    if like_one != like_two:
        return 0 if like_one > like_two else 1
    return 1 if default is None else default


def _nominative_name(word: str, gender: str | None) -> str:
    """A first name the tagger left inflected, in the nominative (``Анне``: ``Анна``).

    >>> _nominative_name("Анне", "femn"), _nominative_name("Бахыт", "femn")
    ('Анна', 'Бахыт')
    """
    from ..nlp import from_dictionary, parse_word

    names = [p for p in parse_word(word) if "Name" in p.tag and p.tag.number == "sing"
             and from_dictionary(p)
             and gender in (None, p.tag.gender)]
    if any(p.tag.case == "nomn" and "Fixd" not in p.tag for p in names):
        return word  # a nominative of its own (an indeclinable one, Анне, counts for little)
    inflected = [p for p in names if p.tag.case != "nomn" and fold(p.normal_form) != fold(word)]
    return inflected[0].normal_form.capitalize() if inflected else word


def _from_first_name(patronymic: str) -> bool:
    """Whether a ``-вич``/``-ич`` word (or a woman's ``-вна``/``-ична``) is made from a
    man's first name (Сергеевич, Ильич, Викторовна).

    >>> _from_first_name("Андреевич"), _from_first_name("Павлович"), _from_first_name("Гриневич")
    (True, True, False)
    >>> _from_first_name("Викторовна"), _from_first_name("Сергеевна"), _from_first_name("Лукашевич")
    (True, True, False)
    >>> _from_first_name("Саввишна"), _from_first_name("Ильинишна")
    (True, True)
    """
    low = patronymic.lower()
    for suffix, endings in (("евич", ("й", "ь")), ("ович", ("", "ий")),
                            ("ич", ("а", "я")), ("евна", ("й", "ь")), ("овна", ("", "ий")),
                            ("инична", ("а", "я")), ("ична", ("а", "я")),
                            ("инишна", ("а", "я")), ("ишна", ("а", "я"))):
        if low.endswith(suffix):
            stem = patronymic[: -len(suffix)]
            stems = ((stem, stem[:-1] + "е" + stem[-1:]) if suffix in ("ович", "овна")
                     else (stem,))  # Павел
            if any(_is_first_name(s + e, strict=True) for s in stems for e in endings):
                return True
    return False


def _full(part: str | None) -> str | None:
    return sound_key(part) or None if part and not is_initial(part) else None


def _initial(part: str | None) -> str | None:
    """A name's initial as its sound key begins, so that a name written in two alphabets
    has one initial (``Жанар``, ``Zhanar``: ``j``; ``Евгений``, ``Yevgeny``: ``e``); an
    initial alone by its letter's sound key (``Ж.``: ``j``).

    >>> [_initial(w) for w in ("Жанар", "Zhanar", "Ж.", "Евгений", "Yevgeny", "Khadija", "Х.")]
    ['j', 'j', 'j', 'e', 'e', 'h', 'h']

    A Latin initial alone that writes a Cyrillic letter of Belarusian and Ukrainian names
    (``models/link_transliteration.json``, ``initials_across_alphabets``) keys as that letter:
    ``H. Dubrovskaya`` is ``Г. Дубровская`` (Russian ``Х`` is ``Kh`` in Latin letters).

    >>> _initial("H."), _initial("Г."), _initial("Halina")
    ('g', 'g', 'h')
    """
    if not part:
        return None
    if is_initial(part) and not is_cyrillic(part):
        key = sound_key(part[0])[:1]
        return _latin_initials_as_cyrillic().get(key, key) or None
    return sound_key(part if not is_initial(part) else part[0])[:1] or None


def _initials(read: str | None, written: str | None) -> frozenset[str]:
    """Every initial a first name may be written with: its own (:func:`_initial` of the
    name as read, ``Hanna``: Анна, ``a``) and, written in Latin letters, its first
    letter's in both alphabets (``models/link_transliteration.json``,
    ``initials_across_alphabets``): a Latin ``H`` writes Russian ``Х`` (``Hasan``) and
    Belarusian/Ukrainian ``Г`` (``Halina``, ``Hanna``: Ганна). So ``H. Hasanov`` is
    ``Hasan Hasanov`` and ``Г. Гасанов``, and ``H. Lisouskaya`` is ``Hanna Lisouskaya``.

    >>> sorted(_initials("H.", "H.")), sorted(_initials("Анна", "Hanna")), sorted(_initials("Г.", "Г."))
    (['g', 'h'], ['a', 'g', 'h'], ['g'])
    """
    own = _initial(read)
    if own is None:
        return frozenset()
    found = {own}
    if written and not is_cyrillic(written):
        letter = sound_key(written[0])[:1]
        if letter:
            found.add(letter)
            found.update(c for c, latin in _initials_across_alphabets() if latin == letter)
    return frozenset(found)


@cache
def _latin_initials_as_cyrillic() -> dict[str, str]:
    return {latin: cyrillic for cyrillic, latin in _initials_across_alphabets()}


@lru_cache(maxsize=50_000)
def _is_first_name(word: str, strict: bool = False) -> bool:
    """A first name in pymorphy3's dictionary (not a guess) or in ``link_names.json``;
    ``strict``: in its nominative."""
    return fold(word) in _first_names() or _known_as("Name", word, strict)


def _known_as(grammeme: str, word: str, nominative: bool = False) -> bool:
    """Whether pymorphy3's dictionary (not its guesser) knows ``word`` as a Name or Surn;
    one person's name, so in the singular (``Рахимов`` is a surname, not the plural genitive
    of ``Рахим``); ``nominative``: as its own nominative, and the whole word, not a dictionary word behind
    a prefix it does not know: ``Рымкева`` is no first name for being ``Рымк-`` and ``Ева``
    (so ``Рымкевич`` is no patronymic made from a first name).

    >>> _known_as("Name", "Ева", True), _known_as("Name", "Рымкева", True), _known_as("Name", "Илья", True)
    (True, False, True)
    """
    from ..nlp import from_dictionary, parse_word

    return any(grammeme in p.tag and from_dictionary(p) and p.tag.number != "plur"
               and (not nominative or (fold(p.normal_form) == fold(word)
                                       and _whole_word_known(p)))
               for p in parse_word(word))


def _whole_word_known(parse) -> bool:
    """Whether pymorphy3 read the whole word from its dictionary: one dictionary step,
    no prefix (known or unknown) split off before it."""
    from ..nlp import from_dictionary

    return from_dictionary(parse) and len(parse.methods_stack) == 1


def _gender_of(first: str | None, patronymic: str | None) -> str | None:
    """Gender from a first name or patronymic when the surname left it open. A first name
    is read as one person's name, in the singular, and as the nominative it is given where
    it has one: ``Руслан`` is a man, not the plural genitive of ``Руслана``; ``Александра``
    a woman, not the genitive of ``Александр``.

    >>> _gender_of("Руслан", None), _gender_of("Александра", None), _gender_of("Саша", None)
    ('masc', 'femn', None)
    """
    from ..nlp import parse_word

    if patronymic and not is_initial(patronymic):
        low = patronymic.lower()
        if low.endswith(MASCULINE_PATRONYMIC):
            return "masc"
        if low.endswith(FEMININE_PATRONYMIC):
            return "femn"
    if first and not is_initial(first):
        names = [p for p in parse_word(first) if "Name" in p.tag
                 and p.tag.gender in ("masc", "femn")]
        names = [p for p in names if p.tag.number != "plur"] or names
        names = [p for p in names if p.tag.case == "nomn"] or names
        genders = {p.tag.gender for p in names}
        if len(genders) == 1:
            return genders.pop()
    return None


def _fits(a: frozenset[str], b: frozenset[str], a_initials: frozenset[str],
          b_initials: frozenset[str]) -> bool:
    """Two first names (or patronymics) that may be one: one of their readings the same
    (``Alena``: Алёна or Елена), or one missing or an initial the other may begin with
    (``H.``: ``Hasan``, ``Hanna``, ``Г.``)."""
    if a and b:
        return bool(a & b)
    return not a_initials or not b_initials or bool(a_initials & b_initials)


def _one(initial: str | None) -> frozenset[str]:
    return frozenset((initial,)) if initial else frozenset()


def one_person(a: Name, b: Name) -> bool:
    """Whether two names one document gives may well be one person's (``К. Бережной``
    and ``Кирилл Бережной``; ``Виктор Павлович`` and ``Виктор Павлович Сенько``).

    >>> one_person(parse_name("К. Бережного"), parse_name("Кирилл Бережной"))
    True
    >>> one_person(parse_name("Анна Соколова"), parse_name("Андрей Соколов"))
    False
    """
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if not (_fits(a.first_names or _one(a.first), b.first_names or _one(b.first),
                  a.first_initials or _one(a.first_initial),
                  b.first_initials or _one(b.first_initial))
            and _fits(_one(a.patronymic), _one(b.patronymic), _one(a.patronymic_initial),
                      _one(b.patronymic_initial))):
        return False
    if a.surname and b.surname:
        return a.surname == b.surname
    # One has no surname: its first name (and patronymic) must be there in full.
    short = a if not a.surname else b
    return bool(short.first) and bool((a.first_names or _one(a.first)) & (b.first_names or _one(b.first)))


def same_in_document(names: list[str],
                     written: dict[str, list[str]] | None = None) -> list[tuple[str, str]]:
    """Pairs of names of one document that are one person the tagger left apart:
    a name joins a fuller one when that is the only one it fits. A name that fits none
    may fit one as its mentions are written (``written``: name -> the words its mentions
    have): a woman's first name alone that is a man's in the genitive (``Валентина``,
    read ``Валентин``) is hers in a statement that names her in full.

    >>> same_in_document(["Кирилл Бережной", "К. Бережного", "Никита Орлов"])
    [('К. Бережного', 'Кирилл Бережной')]
    >>> same_in_document(["Соколова", "Анна Соколова", "Мария Соколова"])
    []
    >>> same_in_document(["Жумабаева Гульсара", "Гульсара Жумабаева"])
    [('Гульсара Жумабаева', 'Жумабаева Гульсара')]
    >>> same_in_document(["Валентина Щукина", "Валентин"], {"Валентин": ["Валентина"]})
    [('Валентин', 'Валентина Щукина')]
    >>> same_in_document(["Марина Щукина", "Валентин"], {"Валентин": ["Валентина"]})
    []
    >>> same_in_document(["Игорь Щукин", "Марина Щукина"], {"Игорь Щукин": ["Щукину"]})
    []
    """
    parsed = {n: parse_name(n) for n in names}
    written = written or {}
    pairs = []
    for name, mine in parsed.items():
        def fits(reads: list[Name]) -> list[str]:
            return [other for other, theirs in parsed.items() if other != name
                    and (theirs.fullness, other) > (mine.fullness, name)
                    and any(one_person(read, theirs) for read in reads)]
        fuller = fits([mine])
        if not fuller and mine.first and not (mine.surname or mine.patronymic):
            # A first name alone only: a full name's mentions are grouped by the tagger
            # (``Лапину`` under ``Игорь Лапин`` may be his wife's), and say no more.
            fuller = fits([read for w in written.get(name, ()) if w != name
                           for read in [parse_name(w)] if not (read.surname or read.patronymic)])
        if not fuller and mine.first and not (mine.surname or mine.patronymic) \
                and " " not in name.strip():
            # Or read as the oblique case it may be (``Станислава``: Станислав's genitive
            # or accusative, read by the tagger as the woman's nominative).
            fuller = fits([parse_name(lemma) for w in (written.get(name) or [name])
                           for lemma in oblique_first_name_readings(w)])
        if len(fuller) == 1:
            pairs.append((name, fuller[0]))
    return pairs


def oblique_first_name_readings(word: str) -> list[str]:
    """The first names a word may be an oblique case of, by pymorphy3's dictionary: a lone
    first name the tagger read in the nominative may be another name's genitive or
    accusative (``Станислава``: Станислав's). A form only a woman's name has
    (``Станиславой``) reads as hers alone.

    >>> oblique_first_name_readings("Станислава"), oblique_first_name_readings("Станиславой")
    (['Станислав'], ['Станислава'])
    """
    return sorted({p.normal_form[:1].upper() + p.normal_form[1:]
                   for p in parse_word(word) if "Name" in p.tag and from_dictionary(p)
                   and p.tag.case not in (None, "nomn")
                   and p.normal_form.replace("ё", "е") != word.lower().replace("ё", "е")})


def surname_named_elsewhere(name: Name, surnames: set[tuple[str, str | None]],
                            patronymics: set[str] = frozenset()) -> Name:
    """``name`` with its ``-вич`` word read as the surname when the collection knows that
    word as the surname of someone with the same first initial (``Алесь Богданович``
    beside ``А. Богданович``).

    A first name and a ``-вич`` word are a first name and patronymic in Russian speech
    (``Олег Сергеевич``) and a first name and surname in Belarusian, Serbian or Polish
    names (``Богданович``, ``Петрович``); the word alone cannot tell, another statement
    naming it as the surname of someone who may be the same person can.
    ``surnames``: (surname, first initial) of the collection's names with a surname;
    ``patronymics``: stems the collection writes as a patronymic beside a surname
    (``Сергей Петрович Орлов``): those stay patronymics. A surname alone (``Петрович``)
    or beside another initial (``Н. Петрович``) says nothing of ``Олег Петрович``.

    >>> n = parse_name("Алесь Богданович")
    >>> (n.surname, n.patronymic)
    (None, 'bogdanovich')
    >>> n = surname_named_elsewhere(n, {("bogdanovich", "a")})
    >>> (n.surname, n.first, n.patronymic)
    ('bogdanovich', 'ales', None)
    >>> surname_named_elsewhere(parse_name("Олег Петрович"), {("petrovich", "n")}).surname is None
    True
    """
    if name.surname is not None or name.first is None or name.patronymic is None \
            or name.patronymic.endswith(_feminine_keys()):
        return name
    stem = surname_stem(name.patronymic)
    if (stem, name.first_initial) not in surnames or stem in patronymics:
        return name
    return replace(name, surname=stem, patronymic=None, patronymic_initial=None)


def first_name_named_elsewhere(name: Name, firsts: set[str]) -> Name:
    """``name``, one word read as a surname, read as a first name alone when the collection
    names someone with it as their first name (``firsts``: first-name keys of names with a
    surname) and the word has no surname's ending and is no surname pymorphy3's dictionary
    knows (``Доржо`` beside ``Доржо Бадмаев``; a first name no dictionary lists).

    >>> first_name_named_elsewhere(parse_name("Доржо"), {"dorjo"}).first
    'dorjo'
    >>> first_name_named_elsewhere(parse_name("Мельников"), {"melnikov"}).surname
    'melnikov'
    """
    word = name.normal.strip()
    if name.surname is None or name.first or name.first_initial or name.patronymic_initial \
            or " " in word or surname_likeness(word) or _known_as("Surn", word):
        return name
    key = sound_key(word)
    if key not in firsts:
        return name
    return replace(name, surname=None, surname_parts=frozenset(), surname_loose=None,
                   surname_latin=None, first=key,
                   first_initial=key[:1], first_initials=frozenset({key[:1]}),
                   first_names=frozenset({key}))


@cache
def _feminine_keys() -> tuple[str, ...]:
    """:data:`FEMININE_PATRONYMIC` as sound keys end (``вна``: ``vna``)."""
    return tuple(sound_key(e) for e in FEMININE_PATRONYMIC)


@cache
def _initials_across_alphabets() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(pair) for pair in _sound_rules_file()["initials_across_alphabets"])


def is_cyrillic(text: str) -> bool:
    """Whether a name is written in Cyrillic letters (``Ганна``), not Latin (``Hanna``)."""
    return bool(_CYRILLIC.search(text))


def other_first_names(a: str, b: str) -> bool:
    """Whether two first names (sound keys) are two names, not one written two ways: not
    a letter apart (a typo) and neither the other's beginning (``farida``, an inflected
    ``farid``).

    >>> other_first_names("olga", "oleg"), other_first_names("farid", "farida")
    (True, False)
    >>> other_first_names("natala", "natalia"), other_first_names("timur", "ruslan")
    (False, True)
    """
    if a == b or a.startswith(b) or b.startswith(a):
        return False
    return letters_apart(a, b)


def letters_apart(a: str, b: str) -> bool:
    """Whether two keys are more than a letter apart (a letter wrong, missing, extra or
    two swapped is a typo; the people model's ``close`` level, Damerau-Levenshtein 1).

    >>> letters_apart("juk", "jukov"), letters_apart("jukov", "jukv")
    (True, False)
    >>> letters_apart("kravcov", "karvcov"), letters_apart("ivanov", "ivanov")
    (False, False)
    """
    if a == b:
        return False
    if abs(len(a) - len(b)) > 1:
        return True
    if len(a) == len(b):
        differ = [k for k in range(len(a)) if a[k] != b[k]]
        return not (len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                         and a[differ[0]] == b[differ[1]]
                                         and a[differ[1]] == b[differ[0]]))
    short, long_ = sorted((a, b), key=len)
    return not any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))
