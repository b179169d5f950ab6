"""The benchmark beside natasha reads NEREL and FactRuEval as its docstring says
(strings made up here, not taken from either corpus), and skips cleanly without them."""

from __future__ import annotations

import json

import pytest

from benchmarks.ner_peers import (
    REPO,
    default_nerel,
    factrueval_objects,
    heldout_wikinews,
    factrueval_spans,
    is_place_name,
    main,
    nerel_spans,
    nerel_texts,
    outermost_spans,
    read_nerel,
    score,
    score_objects,
)


def test_nerel_every_level_mapped_types_only_stray_lines_skipped():
    ann = "\n".join([
        "T1\tORGANIZATION 10 24\tМинздрав Чили",
        "T2\tCOUNTRY 19 24\tЧили",
        "T3\tPROFESSION 0 9\tминистр",
        "a stray line that is no annotation",
        "T4\tPERSON 30 35;36 41\tИван Котов",
        "R1\tWORKPLACE Arg1:T4 Arg2:T1",
    ])
    assert nerel_spans(ann) == [(10, 24, "ORG"), (19, 24, "LOC"), (30, 41, "PER")]


def test_only_a_place_name_is_a_place():
    assert [is_place_name(s) for s in ("Чили", "чилийских", "Чилийский", "северу Чили", "Нижнем Тагиле")] == [
        True, False, False, False, True]


def test_factrueval_names_as_naeval_reads_them_and_whole_objects():
    spans = "\n".join([
        "1 org_descr 0 7 10 1  # 10 партией",
        "2 org_name 9 5 11 1  # 11 Зелёные",
        "3 name 20 4 12 1  # 12 Олег",
        "4 surname 25 5 13 1  # 13 Котов",
        "5 loc_name 40 5 14 1  # 14 Перми",
    ])
    objects = "\n".join(["7 Org 1 2 # партией Зелёные", "8 Person 3 4 # Олег Котов", "9 LocOrg 5 # Перми",
                         "10 Project 5 # Перми"])
    names, whole = factrueval_spans(spans, objects)
    assert names == [(9, 14, "ORG"), (20, 30, "PER"), (40, 45, "LOC")]
    assert (0, 14, "ORG") in whole


def test_strict_and_overlap_counts():
    gold = [(0, 5, "ORG"), (10, 15, "ORG"), (20, 25, "LOC")]
    predicted = [(0, 5, "ORG"), (9, 15, "ORG"), (30, 35, "ORG")]
    assert score(gold, predicted, "ORG") == {"strict": (1, 1, 3, 2), "overlap": (2, 2, 3, 2)}


def test_skips_cleanly_without_the_corpora(tmp_path, capsys):
    assert main(["--nerel", str(tmp_path / "none"), "--factrueval", str(tmp_path / "none")]) == 0
    out = capsys.readouterr().out
    assert "skipped: NEREL" in out and "skipped: FactRuEval" in out


def test_factrueval_guidelines_designators_optional_unnamed_and_inner_objects_not_scored():
    text = "Депутаты партии «Зелёный путь» и суд Перми спорили, а МЧС Чили молчало."
    at = text.index
    spans = "\n".join([
        f"1 org_descr {at('партии')} 6 10 1  # 10 партии",
        f"2 org_name {at('Зелёный')} 13 11 2  # 11 12 Зелёный путь",
        f"3 org_descr {at('суд')} 3 13 1  # 13 суд",
        f"4 loc_name {at('Перми')} 5 14 1  # 14 Перми",
        f"5 org_name {at('МЧС')} 3 15 1  # 15 МЧС",
        f"6 loc_name {at('Чили')} 4 16 1  # 16 Чили",
    ])
    objects = "\n".join(["7 Org 1 2 # партии Зелёный путь", "8 Org 3 # суд", "9 LocOrg 4 # Перми",
                         "10 Org 5 6 # МЧС Чили", "11 LocOrg 6 # Чили"])
    gold = factrueval_objects(text, spans, objects)
    assert [(o.kind, o.ignored) for o in gold] == [
        ("ORG", False), ("ORG", True), ("LOC", False), ("ORG", False), ("LOC", True)]

    def span(surface, kind):
        return (at(surface), at(surface) + len(surface), kind)

    # With or without its designator the party is right; the court, unnamed, is not scored;
    # the ministry without its country is wrong; a stray ORG is wrong.
    predicted = [span("партии «Зелёный путь»", "ORG"), span("суд", "ORG"), span("МЧС", "ORG"),
                 span("Депутаты", "ORG")]
    assert score_objects(gold, text, predicted, "ORG")["strict"] == (1, 1, 3, 2)
    predicted = [span("Зелёный путь", "ORG"), span("МЧС Чили", "ORG")]
    assert score_objects(gold, text, predicted, "ORG")["strict"] == (2, 2, 2, 2)
    # A place inside the ministry's name is not scored, whether found or not.
    assert score_objects(gold, text, [span("Чили", "LOC")], "LOC")["strict"] == (0, 0, 0, 1)
    assert score_objects(gold, text, [span("Перми", "LOC")], "LOC")["strict"] == (1, 1, 1, 1)


def test_factrueval_hands_in_the_outermost_layer():
    assert outermost_spans([(0, 8, "ORG"), (4, 8, "LOC"), (4, 8, "ORG"), (10, 12, "PER")]) == [
        (0, 8, "ORG"), (10, 12, "PER")]


def test_heldout_wikinews_articles_never_read_as_nerel(tmp_path):
    """A NEREL split holding a held-out Wikinews article (by its id in
    data/wikinews/split.json) yields every other document and says which it left out."""
    heldout = sorted(heldout_wikinews())
    split, stem = heldout[0].split("/")
    folder = tmp_path / split
    folder.mkdir()
    for name in (stem, "0_text", "zz_text"):
        (folder / f"{name}.txt").write_text("Иван Котов уехал.", encoding="utf-8")
        (folder / f"{name}.ann").write_text("T1\tPERSON 0 10\tИван Котов\n", encoding="utf-8")
    assert [doc.name for doc in read_nerel(folder)] == ["0_text", "zz_text"]
    assert nerel_texts(folder)[1] == [heldout[0]]
    # ``--limit`` counts the files in name order first, then the held-out ones go
    assert [doc.name for doc in read_nerel(folder, limit=2)] == ["0_text"]


def test_validation_wikinews_articles_are_left_out_too():
    """The validation draw's articles are scored in aggregate only, so NEREL (whose texts
    they are) must not show their tagging errors either."""
    split = json.loads((REPO / "data" / "wikinews" / "split.json").read_text(encoding="utf-8"))
    validation = set(split["validation"]["docs"])
    assert validation and validation <= heldout_wikinews()
    assert set(split["heldout"]) <= heldout_wikinews()


@pytest.mark.parametrize("split", ["dev", "train"])
def test_no_heldout_id_comes_out_of_the_nerel_corpus(split):
    folder = default_nerel() / split
    if not any(folder.glob("*.txt")):
        pytest.skip(f"NEREL {split} not found at {folder}")
    heldout = heldout_wikinews()
    on_disk = {f"{split}/{path.stem}" for path in folder.glob("*.txt")} & heldout
    assert on_disk  # the held-out articles are NEREL texts of both splits
    assert {f"{split}/{doc.name}" for doc in read_nerel(folder)}.isdisjoint(heldout)
    assert set(nerel_texts(folder)[1]) == on_disk


def _nerel_split_with_a_heldout_article(root, split: str, text: str) -> list[str]:
    """A NEREL split folder holding one held-out (or validation) Wikinews article among
    invented ones; the stems in name order."""
    heldout = sorted(name for name in heldout_wikinews() if name.startswith(f"{split}/"))
    stems = sorted([heldout[0].split("/")[1], "0_text", "zz_text"])
    folder = root / split
    folder.mkdir(parents=True)
    for stem in stems:
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        (folder / f"{stem}.ann").write_text(f"T1\tDATE 0 5\t{text[:5]}\n", encoding="utf-8")
    return stems


def test_the_zoo_never_picks_a_heldout_nerel_article(tmp_path, monkeypatch):
    """The PDF zoo's NEREL articles (benchmarks/zoo/texts.py) skip the held-out and
    validation Wikinews articles and take the next ones in name order."""
    from benchmarks.zoo.texts import NEREL_CHARS, nerel_articles

    text = "Вчера в Перми задержали Ивана Котова. " * (NEREL_CHARS[0] // 30)
    assert NEREL_CHARS[0] <= len(text) <= NEREL_CHARS[1]
    _nerel_split_with_a_heldout_article(tmp_path, "dev", text)
    monkeypatch.setenv("NEREL_DIR", str(tmp_path))
    assert [name for name, _ in nerel_articles(3)] == ["nerel_0", "nerel_zz"]


def test_the_zoo_nerel_articles_are_not_heldout():
    from benchmarks.zoo.texts import nerel_articles, nerel_dir

    if not (nerel_dir() / "dev").is_dir():
        pytest.skip(f"NEREL dev not found at {nerel_dir() / 'dev'}")
    picked = {f"dev/{name.removeprefix('nerel_')}_text" for name, _ in nerel_articles()}
    assert picked and picked.isdisjoint(heldout_wikinews())


def test_relative_dates_never_read_a_heldout_nerel_article(tmp_path):
    """benchmarks/relative_dates.py scores NEREL's DATE spans on every article but the
    held-out and validation Wikinews ones."""
    from benchmarks.relative_dates import nerel_dates

    stems = _nerel_split_with_a_heldout_article(tmp_path, "train", "вчера вечером")
    assert len(list(nerel_dates(tmp_path / "train"))) == len(stems) - 1
