"""Every file in models/ loads and passes its schema; a bad entry is refused by name."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.errors import LexiconError
from pipeline.resources import load_csv, load_json, load_jsonl, load_lexicons, models_dir, read_model
from pipeline.schemas import SCHEMAS

MODEL_FILES = sorted(p for p in models_dir().iterdir() if p.is_file())
LOADERS = {".json": load_json, ".jsonl": load_jsonl, ".csv": load_csv}


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.name)
def test_every_model_file_loads_and_is_valid(path):
    data = LOADERS[path.suffix](path.name)
    assert data, f"{path.name} is empty"
    assert path.name in SCHEMAS


def test_a_batch_loads_every_lexicon_once():
    assert load_lexicons() == [p.name for p in MODEL_FILES]


def test_every_schema_has_its_file():
    assert sorted(SCHEMAS) == [p.name for p in MODEL_FILES]


def with_line(tmp_path, name: str, line: str):
    """A copy of a models/ JSONL or CSV file with one more line at its end."""
    text = (models_dir() / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return path, text.rstrip("\n").count("\n") + 2


# (file, line added, words the error must say besides the file and line)
BAD_LINES = [
    # a typo in a key: the entry would never fire
    ("triggers.jsonl", '{"lemma": "поджечь", "typ": "violence"}', ["typ", "unknown key"]),
    ("triggers.jsonl", '{"lemma": "поджечь", "type": "arson"}', ["type", "arson", "event type"]),
    # a conjugated form never meets a token's lemmas as a lemma
    ("triggers.jsonl", '{"lemma": "подожгли", "type": "violence"}', ["lemma", "подожгли", "normal form"]),
    ("triggers.jsonl", '{"lemma": "избить", "type": "violence", "needs": {"naer": ["полиция"]}}',
     ["needs.naer", "unknown key"]),
    ("triggers.jsonl", '{"lemma": "избить", "type": "violence", "needs": {"actors": ["judge"]}}',
     ["needs.actors[0]", "judge"]),
    ("triggers.jsonl", '{"lemma": "вывезти в отделение", "type": "detention", "anchor": 5}', ["anchor"]),
    # a condition's word list named from models/trigger_lists.json: a name it lacks, or no "@"
    ("triggers.jsonl", '{"lemma": "протест", "type": "protest", "block": [{"governed_by": "@lodgng_verbs"}]}',
     ["block[0].governed_by", "@lodgng_verbs", "trigger_lists.json"]),
    ("triggers.jsonl", '{"lemma": "протест", "type": "protest", "block": [{"governed_by": "lodging_verbs"}]}',
     ["block[0].governed_by", "expected a list"]),
    ("triggers.jsonl", '{"lemma": "избить", "type": "violence"', ["not valid JSON"]),
    ("gazetteer_places.csv", "Урюпинск,Урюпинск,town,RU", ["kind", "town"]),
    ("gazetteer_places.csv", "Урюпинск,Урюпинск,city,Russia", ["country", "Russia"]),
    ("gazetteer_places.csv", "Урюпинск,Урюпинск,city,RU,extra", ["more cells"]),
]


@pytest.mark.parametrize("name, line, words", BAD_LINES)
def test_a_bad_entry_is_refused_naming_file_line_and_key(tmp_path, name, line, words):
    path, number = with_line(tmp_path, name, line)
    with pytest.raises(LexiconError) as caught:
        read_model(path)
    message = str(caught.value)
    assert f"{name} line {number}:" in message
    for word in words:
        assert word in message


def test_every_shared_word_list_is_named_by_a_trigger_condition():
    named = {match for line in (models_dir() / "triggers.jsonl").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#") for match in re.findall(r'"@(\w+)"', line)}
    assert named == {name for name in load_json("trigger_lists.json") if not name.startswith("_")}


# (file, change to the parsed JSON, words the error must say)
BAD_VALUES = [
    ("currencies.json", lambda d: d["currencies"][0].update(code="KZX"), ["currencies[0].code", "KZX", "ISO 4217"]),
    ("currencies.json", lambda d: d["local_roubles"]["BY"].update(before="BYX"), ["local_roubles.BY.before"]),
    ("event_context.json", lambda d: d["roles"].update(arrest=["person"]), ["roles.arrest", "event type"]),
    ("event_context.json", lambda d: d["roles"]["fine"].append("judge"), ["roles.fine[", "judge", "role"]),
    ("event_context.json", lambda d: d["actor_policy"]["fine"].update(allowed=["judge"]), ["actor 'judge'"]),
    ("event_context.json", lambda d: d.update(negatoin=["не"]), ["negatoin", "unknown key"]),
    ("actors.json", lambda d: d.update(militia=["милиция"]), ["militia", "actor"]),
    ("months.json", lambda d: d["months"][0].update(number=13), ["months[0].number", "13"]),
    ("term_units.json", lambda d: d["units"]["сутки"].update(unit="days"), ["units.сутки.unit", "days"]),
    ("homoglyphs.json", lambda d: d["latin_to_cyrillic"].update(AB="А"), ["one character"]),
    # an inflected form never meets a word's lemmas, so the entry would never refuse anything
    ("org_words.json", lambda d: d["complement_not"].append("подозрению"),
     ["complement_not[", "подозрению", "normal form"]),
    ("org_words.json", lambda d: d["complement_office"].append("губернаторе"), ["complement_office[", "губернаторе"]),
    ("org_words.json", lambda d: d["designators"].append("фонда"), ["designators[", "фонда"]),
    ("org_words.json", lambda d: d["designators"].append("суд"), ["designators", "named_by_field"]),
]


@pytest.mark.parametrize("name, change, words", BAD_VALUES)
def test_a_bad_value_is_refused_naming_file_line_and_key(tmp_path, name, change, words):
    data = json.loads((models_dir() / name).read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_model(path)
    message = str(caught.value)
    assert f"{name} line " in message
    for word in words:
        assert word in message


def test_the_error_points_at_the_line_of_the_bad_key(tmp_path):
    data = json.loads((models_dir() / "event_context.json").read_text(encoding="utf-8"))
    data["actor_policy"]["fine"]["allowed"] = ["judge"]
    path = tmp_path / "event_context.json"
    text = json.dumps(data, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        read_model(path)
    line = int(str(caught.value).split(" line ")[1].split(":")[0])
    assert text.splitlines()[line - 1].strip() == '"judge"'


def test_a_file_without_a_schema_is_refused(tmp_path):
    path = tmp_path / "new_words.json"
    path.write_text('{"words": ["митинг"]}', encoding="utf-8")
    with pytest.raises(LexiconError, match="no schema for new_words.json"):
        read_model(path)


# ---------------------------------------------------------------- a check that passed is remembered

# (file, an entry the schema refuses), one per reader (JSON, JSON Lines, CSV)
REMEMBERED = [
    ("months.json", None),
    ("triggers.jsonl", '{"lemma": "подожгли", "type": "violence"}'),
    ("gazetteer_places.csv", "Урюпинск,Урюпинск,town,RU"),
]


@pytest.mark.parametrize("name, bad_line", REMEMBERED)
def test_a_lexicon_that_passed_is_not_checked_again_until_it_changes(tmp_path, monkeypatch, name, bad_line):
    """A good file leaves a stamp and a changed one is checked again; the stamp is what
    spares the check (a stamp forged for a bad file lets it through, so the check
    really is skipped where a stamp exists)."""
    from pipeline import resources

    monkeypatch.setenv(resources.CACHE_ENV, str(tmp_path / "cache"))
    stamps = tmp_path / "cache" / "lexicons-checked"
    good = tmp_path / name
    good.write_bytes((models_dir() / name).read_bytes())
    read_model(good)
    assert len(list(stamps.iterdir())) == 1
    if bad_line is None:  # JSON: a value the schema refuses
        data = json.loads(good.read_text(encoding="utf-8"))
        data["months"][0]["number"] = 13
        good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    else:
        with good.open("a", encoding="utf-8") as f:
            f.write(bad_line + "\n")
    for _ in range(2):  # a failed check leaves no stamp: refused every time
        with pytest.raises(LexiconError):
            read_model(good)
    assert len(list(stamps.iterdir())) == 1
    forged = resources._stamp(good, good.read_text(encoding="utf-8"))
    forged.write_bytes(b"")
    read_model(good)


def test_another_checker_is_another_stamp(monkeypatch):
    """The stamp names what checks the file too: a schema or morphology changed since
    means the files are checked again."""
    from pipeline import resources

    path = models_dir() / "months.json"
    text = path.read_text(encoding="utf-8")
    before = resources._stamp(path, text)
    monkeypatch.setattr(resources, "CHECKER_CODE", (*resources.CHECKER_CODE, "errors.py"))
    resources.checker_fingerprint.cache_clear()
    try:
        assert resources._stamp(path, text) != before
    finally:
        monkeypatch.undo()
        resources.checker_fingerprint.cache_clear()
    assert resources._stamp(path, text) == before


def _unreadable(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0)
    return folder


# Cache folders whose stamps cannot be looked up: Path.exists passes on only "not found"
# errors, these are others.
UNUSABLE_CACHES = [
    pytest.param(_unreadable, id="no-permission"),
    pytest.param(lambda tmp_path: tmp_path / ("x" * 300), id="name-too-long"),
]


@pytest.mark.parametrize("make_folder", UNUSABLE_CACHES)
def test_a_cache_folder_that_cannot_be_read_means_every_file_is_checked(tmp_path, monkeypatch, make_folder):
    """Every lexicon still loads, and a bad one is still refused, when the stamps'
    folder cannot be looked into: no stamp, the file is checked, the run goes on."""
    import os

    from pipeline import resources

    folder = make_folder(tmp_path)
    if make_folder is _unreadable and os.access(folder, os.R_OK | os.X_OK):
        pytest.skip("this user reads every folder (root): no permission error to meet")
    monkeypatch.setenv(resources.CACHE_ENV, str(folder))
    try:
        for path in sorted(models_dir().iterdir()):
            if path.suffix in (".json", ".jsonl", ".csv"):
                read_model(path)
        bad = tmp_path / "triggers.jsonl"
        bad.write_text('{"lemma": "подожгли", "type": "violence"}\n', encoding="utf-8")
        with pytest.raises(LexiconError):
            read_model(bad)
    finally:
        if make_folder is _unreadable:
            folder.chmod(0o700)


# (HOME, XDG_CACHE_HOME) that give no absolute cache folder; None: unset.
NO_ABSOLUTE_HOME = [("~", None), ("relative/home", None), (None, "relative/cache"), ("~", "relative/cache")]


@pytest.mark.parametrize("home, xdg", NO_ABSOLUTE_HOME)
def test_without_an_absolute_home_nothing_is_cached_in_the_current_folder(tmp_path, monkeypatch, home, xdg):
    """A home that expands to no absolute path (HOME unset and no passwd entry gives
    "~") keeps no cache, rather than one under whatever folder the run starts in."""
    import os

    from pipeline import resources

    monkeypatch.delenv(resources.CACHE_ENV)
    for name, value in (("HOME", home), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    if home is None and not os.path.isabs(os.path.expanduser("~")):
        pytest.skip("this user has no absolute home")
    monkeypatch.chdir(tmp_path)
    if home is not None:
        assert resources.cache_dir() is None
        read_model(models_dir() / "months.json")
        assert list(tmp_path.iterdir()) == []
    else:  # a relative XDG_CACHE_HOME is ignored for the home's own .cache
        assert resources.cache_dir() == Path(os.path.expanduser("~")) / ".cache" / "testimony"


def test_a_test_session_removes_its_cache_folder(tmp_path):
    """The stamps' folder a test session makes for itself (conftest) is gone when the
    session ends."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             f"{__file__}::test_every_schema_has_its_file"],
                            cwd=Path(__file__).parents[1], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(tmp_path.glob("testimony-test-cache-*")) == []


def test_one_lexicon_index_that_fails_does_not_stop_the_others_being_built(monkeypatch):
    """The warm-up builds every registered table before a batch forks; one that raises is
    left to the document that first asks (which reports it), and the rest are built."""
    from pipeline import resources

    calls = []

    def broken():
        raise ValueError("a lexicon this table needs is broken")

    def fine():
        calls.append("built")
        return {}

    monkeypatch.setattr(resources, "_LEXICON_INDEXES", [])
    resources.lexicon_index(broken)
    resources.lexicon_index(fine)
    assert resources.build_lexicon_indexes() == 1
    assert calls == ["built"]


def test_a_warm_up_step_that_fails_leaves_the_others_done(monkeypatch):
    """The warm-up's steps are independent: the statement failing (a stage bug it meets) must
    not leave the lexicon tables and the word list to every forked worker."""
    from pipeline.batch import run

    done = []

    def statement_fails(models):
        raise RuntimeError("a stage failed on the warm-up statement")

    monkeypatch.setattr(run, "warm_up_rows", statement_fails)
    monkeypatch.setattr(run, "build_lexicon_indexes", lambda: done.append("tables"))
    monkeypatch.setattr(run, "load_word_frequencies", lambda: done.append("words"))
    run.warm_up(models=None)
    assert done == ["tables", "words"]
