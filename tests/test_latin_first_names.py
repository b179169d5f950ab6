"""English first names in Latin letters (``models/latin_first_names.json``, written by
``scripts/make_latin_first_names.py`` from the Faker package's name lists): a foreign
person's name in Russian text is a person although its first name is a common English
word (``Rose``) or its surname has no ending of the region (``James R. Whitfield``);
a body's name holding a first name is not. Every sentence is new, written for these tests."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.records import PER
from pipeline.tag.latin_names import common_word
from pipeline.tag.names import tag_names

REPO = Path(__file__).resolve().parents[1]

# Sentence, and the person's name in it.
PEOPLE = [
    ("Вместе с ним задержали Rose Kuzmina.", "Rose Kuzmina"),           # a weak ending after a verb
    ("Задержана активистка Kate Orlova.", "Kate Orlova"),               # a common word as first name
    ("Правозащитница Emily Sorokina сообщила о задержании.", "Emily Sorokina"),
    ("Журналист James R. Whitfield был задержан на площади.", "James R. Whitfield"),
    ("Журналиста James Whitfield задержали у посольства.", "James Whitfield"),
    ("Художник Georgia Kline выставила работы в галерее.", "Georgia Kline"),
    ("Вчера в аэропорту задержали Grace Melnikova.", "Grace Melnikova"),
    ("Наблюдатель Owen P. Garrick присутствовал на суде.", "Owen P. Garrick"),
    # after a person noun, a surname that is a first name or an English word too
    ("Журналиста Henry Walker задержали у посольства.", "Henry Walker"),
    ("Правозащитница Lucy Turner рассказала о допросе.", "Lucy Turner"),
    ("Наблюдатель Chloe Morgan пришла на избирательный участок.", "Chloe Morgan"),
    ("Журналист Ethan Cooper задержан в аэропорту.", "Ethan Cooper"),
    ("Фотограф Daniel Green провёл ночь в отделе.", "Daniel Green"),
    ("Студентку Ruby W. Hughes отчислили.", "Ruby W. Hughes"),
    # a weak surname ending (-in) after a person noun: a person, though Dublin is a city too
    ("Клиент Grace Dublin подал жалобу.", "Grace Dublin"),
]

# Sentences whose Latin-letter words are no person though a first name opens them.
NOT_PEOPLE = [
    "Студенты Virginia Tech провели акцию солидарности.",
    "Сотрудник Amber Holdings отказался комментировать.",
    "Он выступал на фестивале Summer Sound в прошлом году.",
    "Журналисты Sydney Morning Herald писали об этом деле.",
    "Активисты Grace Church раздавали еду.",
    "Сотрудники Jordan Capital пришли на заседание.",
    "Отчёт подготовил эксперт Lincoln Center.",
    # a body's or a place's head after a person noun; a plural person noun before a body
    "Сторож Jackson Park нашёл письмо.",
    "Охранник Victoria Bank отказался отвечать.",
    "Волонтёры Henry Street собрали подписи.",
    # no initial and no person noun: a first name and an English word are no person alone
    "Вечером задержан Daniel Green.",
]


@pytest.mark.parametrize(("sentence", "name"), PEOPLE)
def test_a_latin_name_with_an_english_first_name_is_a_person(models, sentence, name):
    assert name in [m.text for m in tag_names(sentence, models) if m.type == PER]


@pytest.mark.parametrize("sentence", NOT_PEOPLE)
def test_a_body_named_with_a_first_name_is_no_person(models, sentence):
    assert not [m.text for m in tag_names(sentence, models) if m.type == PER and m.text.isascii()]


@pytest.mark.parametrize(("word", "common"), [("Rose", False), ("Grace", False), ("Mark", False),
                                              ("Lab", True), ("Holdings", True), ("Center", True)])
def test_an_english_first_name_is_no_common_word(word, common):
    assert common_word(word) is common


@pytest.mark.skipif(importlib.util.find_spec("faker") is None, reason="faker is not installed")
def test_the_first_names_file_is_what_its_script_writes():
    # The file records the Faker release it was written from; another release may have
    # moved its lists (pyproject asks only for faker>=30), which says nothing of the
    # script: the comparison is made only with the release that wrote the file.
    import faker

    source = json.loads((REPO / "models" / "latin_first_names.json").read_text(encoding="utf-8"))["source"]
    written_with = re.match(r"Faker (\S+) ", source)
    assert written_with, f"the file does not record its Faker release: {source!r}"
    if written_with[1] != faker.VERSION:
        pytest.skip(f"models/latin_first_names.json was written with Faker {written_with[1]}, "
                    f"Faker {faker.VERSION} is installed: its lists may differ")
    done = subprocess.run([sys.executable, "scripts/make_latin_first_names.py", "--check"], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# A Latin-letter name with its surname set first, as lists and passports give it: the
# surname is the word with a surname's ending or the one that is no first name.
@pytest.mark.parametrize(("name", "surname", "first"), [
    ("Kuznetsova Anna", "kuznecov", "ana"),
    ("Hasanov Elnur", "hasanov", "elnur"),
    ("Whitfield James", "vhitfeld", "james"),
    ("Melnychuk Sofia", "melnichuk", "sofa"),
    ("Sofia Melnychuk", "melnichuk", "sofa"),
    # two first names: the one that is also an English surname is the surname
    ("Smith Kate", "smith", "kate"),
    ("Kate Smith", "smith", "kate"),
    ("Parker Lucy", "parker", "luci"),
])
def test_a_latin_surname_set_first_is_the_surname(name, surname, first):
    from pipeline.link.names import parse_name

    parsed = parse_name(name)
    assert (parsed.surname, parsed.first) == (surname, first)
