"""The text-free store of the Wikinews (NEREL) annotations (scripts/wikinews_gold.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import wikinews_gold  # noqa: E402

NEREL_PRESENT = (wikinews_gold.nerel_dir() / "train").is_dir() and (wikinews_gold.nerel_dir() / "dev").is_dir()
needs_nerel = pytest.mark.skipif(not NEREL_PRESENT,
                                 reason=f"NEREL is not in {wikinews_gold.nerel_dir()} (shared folder)")


@pytest.mark.parametrize("text, hits", [
    ("Полицейские задержали двоих активистов.", 1),
    ("Задержка рейса составила два часа.", 0),              # a delay is not a detention
    ("Суд арестовал его на два месяца и оштрафовал.", 1),    # оштрафовал: the stem is not at a word start
    ("Штраф и арест; митингующих разогнали.", 3),
    ("Его приговорили к лишению свободы в колонии общего режима.", 3),
    ("Он пытался уехать; пытки в СИЗО.", 2),                 # пытался is not torture
    ("Нападение на журналиста, обыски и депортация.", 3),
])
def test_the_keyword_filter_counts_happenings_not_lookalikes(text, hits):
    assert wikinews_gold.keyword_hits(text) == hits


def test_the_split_is_two_disjoint_halves_of_the_draw():
    split = wikinews_gold.stored_split()
    assert len(split["heldout"]) == len(split["dev"]) == wikinews_gold.DRAW // 2
    assert not set(split["heldout"]) & set(split["dev"])
    assert split["seed"] == wikinews_gold.SEED


def test_the_further_development_draws_take_no_article_of_an_earlier_one():
    stored = wikinews_gold.stored_split()
    taken = set(stored["heldout"]) | set(stored["dev"])
    extensions = []
    for key in wikinews_gold.EXTENSIONS:
        extension = wikinews_gold.drawn_docs(stored[key])
        assert len(extension) == len(set(extension))
        assert len(extension) in (wikinews_gold.EXTENSION_DRAW, wikinews_gold.VALIDATION_DRAW, stored[key].get("pool"))
        assert not set(extension) & taken
        taken |= set(extension)
        extensions += extension
    seeds = [stored[key]["seed"] for key in wikinews_gold.EXTENSIONS] + [stored[wikinews_gold.VALIDATION]["seed"]]
    assert len(set(seeds)) == len(seeds) and stored["seed"] not in seeds  # every draw its own seed
    withdrawn = [doc for doc in stored[wikinews_gold.VALIDATION]["docs"]
                 if doc in stored[wikinews_gold.VALIDATION].get("withdrawn", {})]
    assert wikinews_gold.split()["dev"] == stored["dev"] + extensions + withdrawn  # every draw, and what was withdrawn
    assert len(wikinews_gold.split()["dev"]) == 79  # 78 drawn for development and one withdrawn from the validation draw
    assert not set(wikinews_gold.split()["dev"]) & set(wikinews_gold.split()["heldout"])


def test_session_six_validation_draw_is_development_now():
    """Looked at five times in session 6, it became development in session 7: its articles
    are scored with ``wikinews-dev`` and none of them is in the validation set."""
    stored = wikinews_gold.stored_split()
    old = stored["dev_extension_3"]
    assert old["seed"] == wikinews_gold.EXTENSION_3_SEED == 20261206_6
    assert old["pool"] == 35 and len(old["docs"]) == 8  # stored exactly as drawn
    split = wikinews_gold.split()
    assert set(old["docs"]) <= set(split["dev"])
    assert not set(old["docs"]) & set(split[wikinews_gold.VALIDATION])
    assert all(wikinews_gold.split_of(doc) == "dev" for doc in old["docs"])


def test_session_seven_validation_draw_is_development_now():
    """Looked at nine times in session 7, it became development in session 8: its articles
    are scored with ``wikinews-dev``, keep their gold, and none of them is in the validation set."""
    stored = wikinews_gold.stored_split()
    old = stored["dev_extension_4"]
    assert old["seed"] == wikinews_gold.EXTENSION_4_SEED == 20261206_7
    assert old["pool"] == 27 and len(old["docs"]) == 8  # stored exactly as drawn
    assert old["docs"][0] == "train/141084_text" and old["docs"][-1] == "train/82299_text"
    split = wikinews_gold.split()
    assert set(old["docs"]) <= set(split["dev"])
    assert not set(old["docs"]) & set(split[wikinews_gold.VALIDATION])
    assert all(wikinews_gold.split_of(doc) == "dev" for doc in old["docs"])
    assert set(old["docs"]) <= set(wikinews_gold.stored_docs())  # annotated in session 7


def test_session_eight_validation_draw_is_development_now():
    """Looked at three times in session 8 (all by the lead), it became development in session 9:
    its articles are scored with ``wikinews-dev``, keep their gold, and none of them is in the
    validation set."""
    stored = wikinews_gold.stored_split()
    old = stored["dev_extension_5"]
    assert old["seed"] == wikinews_gold.EXTENSION_5_SEED == 20261206_8
    assert old["pool"] == 19 and len(old["docs"]) == 8  # stored exactly as drawn
    assert old["docs"][0] == "train/13549_text" and old["docs"][-1] == "train/39442_text"
    split = wikinews_gold.split()
    assert set(old["docs"]) <= set(split["dev"])
    assert not set(old["docs"]) & set(split[wikinews_gold.VALIDATION])
    assert all(wikinews_gold.split_of(doc) == "dev" for doc in old["docs"])
    assert set(old["docs"]) <= set(wikinews_gold.stored_docs())  # annotated in session 8


def test_session_nine_validation_draw_is_development_now():
    """Looked at three times in session 9 (all by the lead), it became development in session 10:
    its articles are scored with ``wikinews-dev``, keep their gold, and none of them is in the
    validation set."""
    stored = wikinews_gold.stored_split()
    old = stored["dev_extension_6"]
    assert old["seed"] == wikinews_gold.EXTENSION_6_SEED == 20261206_9
    assert old["pool"] == 11 and len(old["docs"]) == 8  # stored exactly as drawn
    assert old["docs"][0] == "train/105025_text" and old["docs"][-1] == "train/123284_text"
    assert "filter" not in old["rule"]  # drawn by the first filter's rule, before the pool was widened
    split = wikinews_gold.split()
    assert set(old["docs"]) <= set(split["dev"])
    assert not set(old["docs"]) & set(split[wikinews_gold.VALIDATION])
    assert all(wikinews_gold.split_of(doc) == "dev" for doc in old["docs"])
    assert set(old["docs"]) <= set(wikinews_gold.stored_docs())  # annotated in session 9


def test_session_ten_validation_draw_is_development_now():
    """Looked at four times (all by the lead, sessions 10 and 11), it became development in
    session 12: its articles are scored with ``wikinews-dev``, keep their gold, and none of
    them is in the validation set."""
    stored = wikinews_gold.stored_split()
    old = stored["dev_extension_7"]
    assert old["seed"] == wikinews_gold.EXTENSION_7_SEED == 20261207_10
    assert old["pool"] == 13 and len(old["docs"]) == 8  # stored exactly as drawn
    assert old["docs"][0] == "train/159193_text" and old["docs"][-1] == "train/27534_text"
    assert old["rule"]["filter"]["max_chars"] == wikinews_gold.WIDE_MAX_CHARS == 3500  # session 10's widened rule
    split = wikinews_gold.split()
    assert set(old["docs"]) <= set(split["dev"])
    assert not set(old["docs"]) & set(split[wikinews_gold.VALIDATION])
    assert all(wikinews_gold.split_of(doc) == "dev" for doc in old["docs"])
    assert set(old["docs"]) <= set(wikinews_gold.stored_docs())  # annotated in session 10


def test_session_twelve_validation_draw_is_development_now():
    """Looked at twice (both by the lead, session 12), it became development in session 13: its
    six articles are scored with ``wikinews-dev``, keep their gold, and none of them is in the
    validation set."""
    stored = wikinews_gold.stored_split()
    old = stored["dev_extension_8"]
    assert old["seed"] == wikinews_gold.EXTENSION_8_SEED == 20261207_12
    assert old["pool"] == 6 and len(old["docs"]) == 6  # stored exactly as drawn: the whole pool
    assert old["docs"][0] == "train/04_12_12g" and old["docs"][-1] == "train/23466_text"
    assert old["rule"]["filter"]["max_chars"] == wikinews_gold.WIDER_MAX_CHARS == 5000  # session 12's widened rule
    assert old["rule"]["filter"]["nerel_splits"] == ["train"]
    split = wikinews_gold.split()
    assert set(old["docs"]) <= set(split["dev"])
    assert not set(old["docs"]) & set(split[wikinews_gold.VALIDATION])
    assert all(wikinews_gold.split_of(doc) == "dev" for doc in old["docs"])
    assert set(old["docs"]) <= set(wikinews_gold.stored_docs())  # annotated in session 12


def test_the_validation_draw_takes_no_article_of_an_earlier_one():
    stored = wikinews_gold.stored_split()
    validation = stored[wikinews_gold.VALIDATION]
    assert validation["seed"] == wikinews_gold.VALIDATION_SEED == 20261207_13
    assert validation["pool"] == 17  # the first filter's candidates of any kind that no earlier draw took
    assert validation["rule"]["kinds"] == "any"  # no candidate of the development draws' kinds was left
    assert validation["rule"]["filter"] == {"keywords_min_hits": 3, "max_chars": 2500,  # the first filter
                                            "nerel_splits": ["train", "dev"], "why": wikinews_gold.ANY_KIND}
    assert (wikinews_gold.MIN_HITS, wikinews_gold.MAX_CHARS) == (3, 2500)
    assert all(doc.startswith("train/") for doc in validation["docs"])  # none is a NEREL dev text
    assert len(validation["docs"]) == len(set(validation["docs"])) == wikinews_gold.VALIDATION_DRAW == 8
    split = wikinews_gold.split()
    withdrawn = set(validation.get("withdrawn", {}))
    assert withdrawn <= set(validation["docs"])  # only the draw's own articles are withdrawn
    assert split[wikinews_gold.VALIDATION] == [doc for doc in validation["docs"] if doc not in withdrawn]
    assert not set(split[wikinews_gold.VALIDATION]) & (set(split["heldout"]) | set(split["dev"]))
    assert withdrawn <= set(split["dev"])  # a withdrawn article is development from then on
    references = json.loads((wikinews_gold.DATA / "reference.json").read_text(encoding="utf-8"))["files"]
    assert set(validation["docs"]) <= set(references)  # hashed when drawn


def test_stored_articles_are_all_drawn_and_held_out_first():
    split = wikinews_gold.split()
    stored = set(wikinews_gold.stored_docs())
    assert stored <= set(split["heldout"]) | set(split["dev"]) | set(split[wikinews_gold.VALIDATION])
    assert set(split["heldout"]) <= stored  # the held-out half was annotated first, all of it
    assert set(split[wikinews_gold.VALIDATION]) <= stored  # the validation draw is annotated, all of it


@needs_nerel
def test_the_draw_reproduces_the_stored_split():
    drawn = wikinews_gold.draw()
    stored = wikinews_gold.stored_split()
    assert drawn == {k: v for k, v in stored.items() if k not in (*wikinews_gold.EXTENSIONS, wikinews_gold.VALIDATION)}
    second = wikinews_gold.draw_extension(drawn)
    assert second == stored["dev_extension"]
    third = wikinews_gold.draw_extension(drawn, (second,), wikinews_gold.EXTENSION_2_SEED)
    assert third == stored["dev_extension_2"]
    fourth = wikinews_gold.draw_validation(drawn, (second, third), wikinews_gold.EXTENSION_3_SEED)
    assert fourth == stored["dev_extension_3"]  # session 6's validation draw, as drawn then
    fifth = wikinews_gold.draw_validation(drawn, (second, third, fourth), wikinews_gold.EXTENSION_4_SEED)
    assert fifth == stored["dev_extension_4"]  # session 7's validation draw, as drawn then
    sixth = wikinews_gold.draw_validation(drawn, (second, third, fourth, fifth), wikinews_gold.EXTENSION_5_SEED)
    assert sixth == stored["dev_extension_5"]  # session 8's validation draw, as drawn then
    seventh = wikinews_gold.draw_validation(drawn, (second, third, fourth, fifth, sixth), wikinews_gold.EXTENSION_6_SEED)
    assert seventh == stored["dev_extension_6"]  # session 9's validation draw, as drawn then
    earlier = (second, third, fourth, fifth, sixth, seventh)
    eighth = wikinews_gold.draw_validation(drawn, earlier, wikinews_gold.EXTENSION_7_SEED, wikinews_gold.WIDE_MAX_CHARS)
    assert eighth == stored["dev_extension_7"]  # session 10's validation draw, as drawn then
    assert wikinews_gold.draw_validation(drawn, earlier)["pool"] == 3  # the first filter's pool was nearly spent
    earlier += (eighth,)
    ninth = wikinews_gold.draw_validation(drawn, earlier, wikinews_gold.EXTENSION_8_SEED, wikinews_gold.WIDER_MAX_CHARS)
    assert ninth == stored["dev_extension_8"]  # session 12's validation draw, as drawn then
    assert wikinews_gold.draw_validation(drawn, earlier, wide=wikinews_gold.WIDE_MAX_CHARS)["pool"] == 5  # nearly spent
    earlier += (ninth,)
    as_drawn = {k: v for k, v in stored[wikinews_gold.VALIDATION].items() if k != "withdrawn"}
    assert wikinews_gold.draw_validation(drawn, earlier, any_kind=True) == as_drawn
    assert wikinews_gold.draw_validation(drawn, earlier, wide=wikinews_gold.WIDER_MAX_CHARS)["pool"] == 0  # spent
    assert wikinews_gold.draw_validation(drawn, earlier)["pool"] == 0  # no candidate of the development kinds left
    assert wikinews_gold.every_draw() == stored


@needs_nerel
def test_select_fails_when_a_stored_draw_differs(tmp_path, monkeypatch, capsys):
    stored = wikinews_gold.stored_split()
    changed = {**stored, wikinews_gold.VALIDATION: {**stored[wikinews_gold.VALIDATION],
                                                   "docs": stored["dev_extension_8"]["docs"]}}
    (tmp_path / "split.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(wikinews_gold, "DATA", tmp_path)
    assert wikinews_gold.main(["select"]) == 1
    assert "validation draw differs" in capsys.readouterr().err
    del changed[wikinews_gold.VALIDATION]  # a draw missing from split.json is no pass either
    (tmp_path / "split.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    assert wikinews_gold.main(["select"]) == 1
    assert "not in data/wikinews/split.json" in capsys.readouterr().err


@pytest.mark.parametrize("left, taken", [(3, 3), (6, 6), (8, 8), (11, 8)])
def test_a_validation_draw_takes_every_candidate_left_when_fewer_remain(tmp_path, monkeypatch, left, taken):
    """Three candidates remained after session 9's draw and six under session 12's widened rule:
    a draw takes them all instead of failing. The articles are invented, each with three detention or court keywords."""
    folder = tmp_path / "train"
    folder.mkdir()
    for number in range(left):
        (folder / f"{number}_text.txt").write_text(
            f"Полиция задержала {number + 2} активистов. Суд арестовал двоих. Их задержание обжаловано.",
            encoding="utf-8")
    (tmp_path / "dev").mkdir()
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    drawn = wikinews_gold.draw_validation({"heldout": [], "dev": []}, ())
    assert drawn["pool"] == left
    assert len(drawn["docs"]) == len(set(drawn["docs"])) == taken
    assert set(drawn["docs"]) <= {f"train/{number}_text" for number in range(left)}


# The widened rules (session 10's 3,500-character cap, session 12's 5,000) on invented articles:
# (cap, folder, length, text) -> in its pool? Each text but two has three detention, arrest or
# court keywords; the padding is neutral words.
THREE_HITS = "Полиция задержала двоих. Суд арестовал одного. Задержание обжаловано."
WIDE_CASES = [
    (3500, "train", 2000, THREE_HITS, True),
    (3500, "train", 3000, THREE_HITS, True),   # beyond the first cap
    (3500, "train", 3500, THREE_HITS, True),   # at the cap
    (3500, "train", 3600, THREE_HITS, False),  # beyond it
    (3500, "dev", 3000, THREE_HITS, False),    # NEREL dev
    (3500, "train", 3000, "Прошёл обыск, был штраф, потом нападение на офис.", False),  # not the kinds drawn
    (3500, "train", 3000, "Полиция задержала двоих, один обыск.", False),                # too few hits
    (5000, "train", 2000, THREE_HITS, True),
    (5000, "train", 3600, THREE_HITS, True),   # beyond session 10's cap
    (5000, "train", 5000, THREE_HITS, True),   # at the cap
    (5000, "train", 5100, THREE_HITS, False),  # beyond it
    (5000, "dev", 4000, THREE_HITS, False),    # NEREL dev, still out
    (5000, "dev", 2000, THREE_HITS, False),    # however short
    (5000, "train", 4000, "Прошёл обыск, был штраф, потом нападение на офис.", False),
    (5000, "train", 4000, "Полиция задержала двоих, один обыск.", False),
]


@pytest.mark.parametrize("cap, folder, length, text, pooled", WIDE_CASES)
def test_the_widened_rules_take_longer_train_articles_of_the_same_kind(tmp_path, monkeypatch,
                                                                       cap, folder, length, text, pooled):
    for split in ("train", "dev"):
        (tmp_path / split).mkdir()
    padding = " слово" * length
    (tmp_path / folder / "1_text.txt").write_text((text + padding)[:length], encoding="utf-8")
    (tmp_path / "train" / "2_text.txt").write_text("Полиция задержала троих; суд арестовал; задержание.",
                                                   encoding="utf-8")  # drawn earlier: never again
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    earlier = {"heldout": ["train/2_text"], "dev": []}
    drawn = wikinews_gold.draw_validation(earlier, (), wide=cap)
    assert drawn["docs"] == ([f"{folder}/1_text"] if pooled else [])
    assert drawn["pool"] == int(pooled)
    assert drawn["rule"]["filter"]["max_chars"] == cap and drawn["rule"]["filter"]["why"] == wikinews_gold.WIDENED[cap]
    narrow = wikinews_gold.draw_validation(earlier, ())  # the first filter's rule: 2,500 cap, train and dev
    assert narrow["docs"] == ([f"{folder}/1_text"] if text == THREE_HITS and length <= wikinews_gold.MAX_CHARS else [])
    assert "filter" not in narrow["rule"]


def test_a_widened_rule_is_one_fixed_in_the_script(tmp_path, monkeypatch):
    """A draw names its widened filter by a cap the script fixed (and says why), never an ad hoc one."""
    for split in ("train", "dev"):
        (tmp_path / split).mkdir()
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    assert set(wikinews_gold.WIDENED) == {wikinews_gold.WIDE_MAX_CHARS, wikinews_gold.WIDER_MAX_CHARS}
    with pytest.raises(wikinews_gold.WikinewsGoldError, match="no widened filter"):
        wikinews_gold.draw_validation({"heldout": [], "dev": []}, (), wide=4200)


# Session 13's rule (the first filter, any kind of happening) on invented articles:
# (folder, length, text) -> in its pool? The padding is neutral words.
ANY_KIND_CASES = [
    ("train", 2000, THREE_HITS, True),
    ("train", 2000, "Прошёл обыск, был штраф, потом нападение на офис.", True),  # kinds the development draws skip
    ("dev", 2000, "Прошёл обыск, был штраф, потом нападение на офис.", True),    # NEREL dev too, as the first draw
    ("dev", 2500, "Депортация, обыск и штраф за пикет.", True),                  # at the cap
    ("train", 2600, "Прошёл обыск, был штраф, потом нападение на офис.", False),  # beyond the first cap
    ("train", 2000, "Полиция задержала двоих, один обыск.", False),               # too few hits of any kind
    ("train", 2000, "Задержка рейса, пытался уехать, оштрафовал.", False),        # lookalikes are no hits
]


@pytest.mark.parametrize("folder, length, text, pooled", ANY_KIND_CASES)
def test_the_any_kind_rule_takes_first_filter_articles_of_every_kind(tmp_path, monkeypatch,
                                                                     folder, length, text, pooled):
    for split in ("train", "dev"):
        (tmp_path / split).mkdir()
    (tmp_path / folder / "1_text.txt").write_text((text + " слово" * length)[:length], encoding="utf-8")
    (tmp_path / "train" / "2_text.txt").write_text("Обыск, штраф и нападение.", encoding="utf-8")  # drawn earlier
    (tmp_path / "dev" / "3_text.txt").write_text("Обыск, штраф, депортация.", encoding="utf-8")    # drawn earlier
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    earlier = ({"heldout": ["train/2_text"], "dev": []}, ({"docs": ["dev/3_text"]},))
    drawn = wikinews_gold.draw_validation(*earlier, any_kind=True)
    assert drawn["docs"] == ([f"{folder}/1_text"] if pooled else [])  # never an article drawn before
    assert drawn["pool"] == int(pooled)
    assert drawn["rule"]["kinds"] == "any" and drawn["rule"]["filter"]["why"] == wikinews_gold.ANY_KIND
    kinds = wikinews_gold.draw_validation(*earlier)  # the development draws' rule keeps its kinds
    assert kinds["docs"] == ([f"{folder}/1_text"] if pooled and text == THREE_HITS else [])


def test_a_draw_of_any_kind_takes_no_widened_cap(tmp_path, monkeypatch):
    for split in ("train", "dev"):
        (tmp_path / split).mkdir()
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    with pytest.raises(wikinews_gold.WikinewsGoldError, match="no widened cap"):
        wikinews_gold.draw_validation({"heldout": [], "dev": []}, (), wide=wikinews_gold.WIDER_MAX_CHARS, any_kind=True)


@needs_nerel
def test_every_stored_article_reads_back_unchanged():
    docs = wikinews_gold.stored_docs()
    assert len(docs) >= 12
    for doc in docs:
        wikinews_gold.check_doc(doc)


@needs_nerel
def test_a_changed_source_file_is_refused(tmp_path, monkeypatch):
    doc = wikinews_gold.stored_docs()[0]
    copy = tmp_path / f"{doc}.txt"
    copy.parent.mkdir(parents=True)
    text = wikinews_gold.read_text(doc)
    copy.write_text(text.replace(" ", "  ", 1), encoding="utf-8")  # one space more shifts every offset
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    with pytest.raises(wikinews_gold.WikinewsGoldError, match="differs"):
        wikinews_gold.load_doc(doc)


@needs_nerel
def test_gold_documents_are_spec_gold_of_the_pipeline_ids(tmp_path):
    from pipeline.gold import read_gold

    paths = wikinews_gold.write_gold("heldout", tmp_path)
    docs = read_gold(tmp_path)
    assert len(docs) == len(paths) == 12
    for path, doc in zip(sorted(paths), sorted(docs, key=lambda d: d.doc_id)):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert doc.doc_id == record["doc_id"] == path.stem  # the pipeline names a .txt by its stem
        assert all(record["text"][m["start"]:m["end"]] == m["text"] for m in record["mentions"])
