"""The world's countries and main cities (``models/gazetteer_world.csv``, from CLDR) are
found in any case beside the hand-made gazetteer, whose entries win; words of the
language that a country's name shares are not places. Sentences made up here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.resources import load_csv
from pipeline.tag.gazetteer import canonical_place, find_places

REPO = Path(__file__).resolve().parents[1]

FOUND = [
    ("Делегация вернулась из Мозамбика вчера", "Мозамбик", "country"),
    ("переговоры в Мапуту сорвались", "Мапуту", "city"),
    ("беженцы из Гвинеи-Бисау просят убежища", "Гвинея-Бисау", "country"),
    ("консульство в Тегусигальпе закрыто", "Тегусигальпа", "city"),
    ("гражданин Эсватини задержан", "Эсватини", "country"),
    ("рейс на Антананариву отменён", "Антананариву", "city"),
    ("выслан в Бирму без суда", "Мьянма", "country"),
    ("протесты в Новой Каледонии", "Новая Каледония", "country"),
    ("журналисты из Улан-Батора", "Улан-Батор", "city"),
]


@pytest.mark.parametrize("text, canonical, kind", FOUND)
def test_world_places_found_in_any_case(text, canonical, kind):
    assert [(p.canonical, p.kind) for p in find_places(text)] == [(canonical, kind)]


# Capitalised at a sentence's start these are words first (``Того`` is a pronoun there):
# the list leaves them to the tagger, which reads them in context.
NOT_FOUND = [
    "Того, кто пришёл первым, задержали.",
    "Восток страны охвачен протестами.",
    "Виктория Сомова подала жалобу.",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_words_and_first_names_not_in_the_world_list(text):
    assert find_places(text) == []


def test_hand_made_entries_win():
    world = {row["name"] for row in load_csv("gazetteer_world.csv")}
    assert "Казахстан" in world and canonical_place("РК") == "Казахстан"
    countries = {row["country"] for row in load_csv("gazetteer_world.csv") if row["kind"] == "country"}
    assert len(countries) > 230  # every ISO 3166 country CLDR names in Russian


@pytest.mark.skipif(importlib.util.find_spec("babel") is None, reason="babel (CLDR) is not installed")
def test_world_gazetteer_is_what_its_script_writes():
    done = subprocess.run([sys.executable, "scripts/make_world_gazetteer.py", "--check"], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
