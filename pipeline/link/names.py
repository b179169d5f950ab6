"""People's names made comparable across documents.

Within a document the tagger already gives each person one nominative ``normal``
(``Б. Туменовой`` reads ``Бахыт Туменова``). Across documents the same person may
be ``Бахыт Туменова``, ``Б. Туменова``, ``Туменова Бахыт Кадыровна`` or, in a
report written in English, ``Bakhyt Tumenova``. This module splits a name into
surname, first name and patronymic (each possibly an initial), reads its gender,
and gives every part a *sound key*: Cyrillic and Latin spellings transliterated to
one simplified Latin form, so ``Туменова``/``Tumenova``, ``Ковалёва``/``Ковалева``,
``Эсенов``/``Есенов`` and ``Бахыт``/``Bakhyt`` key alike. The comparisons in
:mod:`pipeline.link.people` work on these keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_json
from ..tag.persons import is_initial, is_patronymic, normalise_person

_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _sound_rules() -> tuple[dict[str, str], tuple[tuple[re.Pattern, str], ...]]:
    rules = load_json("link_transliteration.json")
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


# Endings that make a man's surname a woman's (Туменов/Туменова, Архангельский/-ая),
# on the sound key: one key for both, the gender kept apart.
_GENDERED_ENDING = re.compile(r"(ov|ev|in)a$|(sk|c)(aa|oi|a|i)$")


def surname_stem(key: str) -> str:
    """A surname's sound key without its gender ending.

    >>> surname_stem(sound_key("Туменова")) == surname_stem(sound_key("Туменов"))
    True
    >>> surname_stem(sound_key("Архангельская")) == surname_stem(sound_key("Архангельский"))
    True
    """
    return _GENDERED_ENDING.sub(lambda m: m.group(1) or m.group(2), key)


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name taken apart for comparison; keys are :func:`sound_key`s."""

    normal: str
    surname: str | None  # the surname's stem (no gender ending)
    first: str | None  # the full first name, None when only its initial is known
    first_initial: str | None
    patronymic: str | None
    patronymic_initial: str | None
    gender: str | None  # masc, femn, or None when the name does not say

    @property
    def fullness(self) -> int:
        """How much of the name is known: full words count double."""
        return (2 * sum(p is not None for p in (self.surname, self.first, self.patronymic))
                + sum(p is not None for p in (self.first_initial, self.patronymic_initial)))


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
    >>> n = parse_name("Ахметова Гульнара")
    >>> n.surname, n.first
    ('ahmetov', 'gulnara')
    >>> parse_name("Bakhyt Tumenova").surname == parse_name("Бахыт Туменова").surname
    True
    """
    person = normalise_person(normal)
    parts = list(person.parts)
    surname_at: int | None = person.surname
    words = [p for p in parts if not is_initial(p)]
    if (len(parts) == 2 and surname_at == 1 and _is_first_name(parts[1])
            and not _is_first_name(parts[0])):
        surname_at = 0  # ``Ахметова Гульнара``: surname first
    if len(parts) == 1 and _is_first_name(parts[0]):
        surname_at = None  # ``Талгат``: a first name alone
    elif surname_at is not None and is_patronymic(parts[surname_at]) and len(words) == 2:
        surname_at = None  # ``Олег Сергеевич``: first name and patronymic, no surname
    given = [p for i, p in enumerate(parts) if i != surname_at]
    first = given[0] if given else None
    patronymic = given[1] if len(given) > 1 else None
    gender = person.gender if len(person.genders) == 1 else _gender_of(first, patronymic)
    return Name(
        normal=normal,
        surname=surname_stem(sound_key(parts[surname_at])) if surname_at is not None else None,
        first=_full(first), first_initial=_initial(first),
        patronymic=_full(patronymic), patronymic_initial=_initial(patronymic),
        gender=gender,
    )


def _full(part: str | None) -> str | None:
    return sound_key(part) or None if part and not is_initial(part) else None


def _initial(part: str | None) -> str | None:
    return sound_key(part[0])[:1] or None if part else None


def _is_first_name(word: str) -> bool:
    from ..nlp import parse_word

    return any("Name" in p.tag for p in parse_word(word))


def _gender_of(first: str | None, patronymic: str | None) -> str | None:
    """Gender from a first name or patronymic when the surname left it open."""
    from ..nlp import parse_word

    if patronymic and not is_initial(patronymic):
        low = patronymic.lower()
        if low.endswith(("вич", "ьич", "улы", "уулу", "оглы")):
            return "masc"
        if low.endswith(("вна", "чна", "шна", "кызы", "гызы")):
            return "femn"
    if first and not is_initial(first):
        genders = {p.tag.gender for p in parse_word(first) if "Name" in p.tag}
        if len(genders) == 1:
            return genders.pop()
    return None
