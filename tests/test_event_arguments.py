"""The NEREL event-argument set (issue 12, session 13): a split fixed by a salted hash, disjoint,
never holding a Wikinews held-out or validation article, its held-out half never listed; and the
matching of our events' place, date and persons against NEREL's relations, on invented brat
documents written here (no NEREL text)."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks import event_arguments as ea
from pipeline.tables import OutputDocument

sys_wikinews = ea.wikinews_gold


def _fake_nerel(tmp_path, docs):
    for doc in docs:
        path = tmp_path / f"{doc}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Текст.", encoding="utf-8")
        path.with_suffix(".ann").write_text("", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("doc, expected", [
    # literal buckets, written down when the split was fixed: a change of salt, hash or cut fails here
    ("train/1_text", 47),
    ("dev/77_text", 138),
    ("train/3_text", 692),
    ("train/4_text", 601),
])
def test_a_bucket_is_a_stable_hash_of_the_name(doc, expected):
    import hashlib
    digest = hashlib.sha256(f"{ea.SALT}\n{doc}".encode("utf-8")).hexdigest()
    assert ea.bucket(doc) == expected == int(digest[:8], 16) % 1000
    assert ea.half(doc) == ("dev" if expected < 500 else "heldout")


def test_the_salt_and_the_cut_are_the_committed_ones():
    # Changing either redraws the split: the held-out half would leak into dev.
    assert ea.SALT == "testimony/event-arguments/2026-12-07"
    assert (ea.BUCKETS, ea.DEV_BELOW) == (1000, 500)
    assert [ea.half(f"train/{n}_text") for n in (1, 2, 3, 4, 5, 6)] == \
        ["dev", "dev", "heldout", "heldout", "dev", "dev"]


def test_the_halves_are_disjoint_cover_the_rest_and_exclude_every_wikinews_heldout_and_validation_article(tmp_path):
    excluded = ea.wikinews_excluded()
    split = sys_wikinews.split()
    assert set(split["heldout"]) <= excluded and set(split[sys_wikinews.VALIDATION]) <= excluded
    assert not set(split["dev"]) & excluded  # Wikinews development articles may stay
    others = [f"train/{n}_text" for n in range(60)] + [f"dev/{n}_text" for n in range(20)]
    nerel = _fake_nerel(tmp_path, sorted(excluded) + others + list(split["dev"][:3]))
    dev, heldout = ea.documents("dev", nerel), ea.documents("heldout", nerel)
    assert not set(dev) & set(heldout)
    assert not (set(dev) | set(heldout)) & excluded
    assert set(dev) | set(heldout) == set(others) | set(split["dev"][:3])
    assert dev and heldout  # both halves get some of 80 names
    assert ea.documents("dev", nerel) == dev  # stable


def test_an_unknown_split_is_refused():
    with pytest.raises(ValueError, match="heldout"):
        ea.documents("validation")


@pytest.mark.parametrize("argv", [["--split", "heldout", "--list"], ["--list", "--split", "heldout"],
                                  ["--split", "heldout", "--unpaired"]])
def test_the_heldout_half_refuses_a_listing_before_anything_runs(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        ea.main(argv)
    assert exit_.value.code == 2
    assert "development half only" in capsys.readouterr().err


# ---------------------------------------------------------------- matching, on invented documents

TEXT = "Вчера в Омске полиция задержала Ивана Петрова и Олега Сидорова на пикете 5 марта 2024 года."
#       0         1         2         3         4         5         6         7         8
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567


def _ann(*relations: str, extra: str = "") -> str:
    spans = [("T1", "EVENT", "задержала"), ("T2", "CITY", "Омске"), ("T3", "PERSON", "Ивана Петрова"),
             ("T4", "PERSON", "Олега Сидорова"), ("T5", "DATE", "5 марта 2024 года"), ("T6", "EVENT", "пикете"),
             ("T7", "COUNTRY", "России")]
    lines = []
    for tid, kind, words in spans:
        at = TEXT.find(words) if words in TEXT else len(TEXT) + 100
        lines.append(f"{tid}\t{kind} {at} {at + len(words)}\t{words}")
    lines += [f"R{i}\t{r}\t" for i, r in enumerate(relations, 1)]
    return "\n".join(lines) + "\n" + extra


def _out(place=None, start=None, end=None, persons=None, mentions=()):
    at = TEXT.find("задержала")
    event = {"type": "detention", "start": at, "end": at + len("задержала"), "page": 1, "place": place,
             "date_start": start, "date_end": end, "persons": persons}
    sentence = {"start": 0, "end": len(TEXT), "text": TEXT, "page": 1}
    return OutputDocument("invented", TEXT, [sentence], list(mentions), [event], [])


def _mention(kind, words, normal=None, **values):
    at = TEXT.find(words)
    return {"type": kind, "start": at, "end": at + len(words), "text": words, "normal": normal or words, **values}


DATE = _mention("DATE", "5 марта 2024 года", date_start=date(2024, 3, 5), date_end=date(2024, 3, 5))
PERSONS = [_mention("PER", "Ивана Петрова", "Иван Петров"), _mention("PER", "Олега Сидорова", "Олег Сидоров")]

CASES = [
    # (relations, our event's fields, expected counts (field, class) -> n)
    (["TAKES_PLACE_IN Arg1:T1 Arg2:T2"], {"place": "Омск"}, {("place", "right"): 1}),
    (["TAKES_PLACE_IN Arg1:T1 Arg2:T2"], {"place": "Томск"}, {("place", "other place"): 1}),
    (["TAKES_PLACE_IN Arg1:T1 Arg2:T2"], {}, {("place", "missing"): 1}),
    (["TAKES_PLACE_IN Arg1:T1 Arg2:T2"], {"place": "Россия"}, {("place", "wider"): 1}),
    ([], {"place": "Омск"}, {("place", "given, NEREL none"): 1}),
    (["POINT_IN_TIME Arg1:T1 Arg2:T5"], {"start": date(2024, 3, 5), "end": date(2024, 3, 5), "mentions": [DATE]},
     {("date", "right"): 1}),
    (["POINT_IN_TIME Arg1:T1 Arg2:T5"], {"start": date(2024, 3, 1), "end": date(2024, 3, 31), "mentions": [DATE]},
     {("date", "wider"): 1}),
    (["POINT_IN_TIME Arg1:T1 Arg2:T5"], {"start": date(2023, 3, 5), "end": date(2023, 3, 5), "mentions": [DATE]},
     {("date", "other date"): 1}),
    (["POINT_IN_TIME Arg1:T1 Arg2:T5"], {"mentions": [DATE]}, {("date", "missing"): 1}),
    (["PARTICIPANT_IN Arg1:T3 Arg2:T1", "PARTICIPANT_IN Arg1:T4 Arg2:T1"],
     {"persons": "Иван Петров; Олег Сидоров", "mentions": PERSONS},
     {("persons", "right"): 1, ("persons", "tp"): 2}),
    (["PARTICIPANT_IN Arg1:T3 Arg2:T1", "PARTICIPANT_IN Arg1:T4 Arg2:T1"], {"persons": "Петров", "mentions": PERSONS},
     {("persons", "fewer"): 1, ("persons", "tp"): 1, ("persons", "fn"): 1}),
    (["AGENT Arg1:T3 Arg2:T1"], {"persons": "Иван Петров; Олег Сидоров", "mentions": PERSONS},
     {("persons", "more"): 1, ("persons", "tp"): 1, ("persons", "fp"): 1}),
    (["PARTICIPANT_IN Arg1:T4 Arg2:T1"], {}, {("persons", "missing"): 1, ("persons", "fn"): 1}),
    # the protest's persons are not the detention's: our trigger pairs with the detention only
    (["PARTICIPANT_IN Arg1:T4 Arg2:T6"], {"persons": "Олег Сидоров"},
     {("persons", "given, NEREL none"): 1, ("persons", "fp none"): 1}),
]


@pytest.mark.parametrize("relations, fields, expected", CASES)
def test_our_arguments_are_scored_against_neRELs_relations(relations, fields, expected):
    brat = ea.read_brat(_ann(*relations))
    out = _out(fields.get("place"), fields.get("start"), fields.get("end"), fields.get("persons"),
               fields.get("mentions", ()))
    scores, recall = ea.score_document("invented", TEXT, brat, out)
    got = {key: n for key, n in scores.counts.items() if n and key[1] not in ("with", "wrong")}
    assert got == expected
    assert recall["paired"] == 1


def test_a_place_neRELs_own_LOCATED_IN_puts_within_the_event_place_is_right():
    extra = "T8\tDISTRICT 200 210\tКировский\nR9\tLOCATED_IN Arg1:T8 Arg2:T2\t\n"
    brat = ea.read_brat(_ann("TAKES_PLACE_IN Arg1:T1 Arg2:T2", extra=extra))
    scores, _ = ea.score_document("invented", TEXT, brat, _out(place="Кировский"))
    assert scores.counts["place", "right"] == 1


def test_recall_counts_the_neREL_events_our_lexicon_covers():
    scores, recall = ea.score_document("invented", TEXT, ea.read_brat(_ann()), _out())
    assert (recall["covered"], recall["found"]) == (2, 1)  # задержала (ours) and пикете (not found)
    assert [(u.text, u.ours) for u in scores.unpaired] == [("пикете", "detention «задержала»")]


@pytest.mark.parametrize("one, other, same", [
    ("Петрова", "Иван Петров", True),
    ("Ивана Петрова", "Иван Петров", True),
    ("Петров", "Пётр Иванов", False),
    ("Анна Смирнова", "Анна Кузнецова", False),
])
def test_names_compare_by_their_words_in_any_form(one, other, same):
    assert ea.same_person(one, other) is same
