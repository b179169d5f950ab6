"""The linking gold set's splits: every pair in exactly one, the held-out ones kept out
of everything the development work runs."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from benchmarks.linking import (DEV_6_PAIRS, DEV_7_PAIRS, DEV_8_PAIRS, DEV_9_PAIRS, DEV_10_PAIRS,
                               DEV_11_PAIRS, DEV_12_PAIRS, DEV_13_PAIRS, HELDOUT_2_PAIRS, HELDOUT_3_PAIRS,
                               HELDOUT_4_PAIRS, HELDOUT_5_PAIRS, HELDOUT_6_PAIRS, HELDOUT_7_PAIRS,
                               HELDOUT_8_PAIRS, HELDOUT_9_PAIRS, HELDOUT_10_PAIRS, HELDOUT_11_PAIRS,
                               HELDOUT_12_PAIRS, HELDOUT_13_PAIRS, HELDOUT_PAIRS, chosen_docs,
                               split_of)
from pipeline.link.gold import LINKING, PAIR_FILES, read_gold


def test_each_pair_file_document_has_one_split_and_the_later_held_out_splits_are_whole():
    docs = read_gold(annotated=False)
    assert len({d.doc_id for d in docs}) == len(docs), "document ids are unique"
    splits = Counter(split_of(d.origin) for d in docs)
    # Both statements of each pair of the second, third and fifth to thirteenth held-out splits,
    # and nothing else; the fourth (heldout_4) served its three looks and is
    # development since round 9.
    assert splits["heldout_2"] == 2 * len(HELDOUT_2_PAIRS)
    assert splits["heldout_3"] == 2 * len(HELDOUT_3_PAIRS)
    assert "heldout_4" not in splits
    assert splits["heldout_5"] == 2 * len(HELDOUT_5_PAIRS)
    assert splits["heldout_6"] == 2 * len(HELDOUT_6_PAIRS)
    assert splits["heldout_7"] == 2 * len(HELDOUT_7_PAIRS)
    assert splits["heldout_8"] == 2 * len(HELDOUT_8_PAIRS)
    assert splits["heldout_9"] == 2 * len(HELDOUT_9_PAIRS)
    assert splits["heldout_10"] == 2 * len(HELDOUT_10_PAIRS)
    assert splits["heldout_11"] == 2 * len(HELDOUT_11_PAIRS)
    assert splits["heldout_12"] == 2 * len(HELDOUT_12_PAIRS)
    assert splits["heldout_13"] == 2 * len(HELDOUT_13_PAIRS)
    assert not HELDOUT_2_PAIRS & HELDOUT_PAIRS
    assert not HELDOUT_3_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS)
    assert not HELDOUT_4_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS)
    assert not HELDOUT_5_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                  | HELDOUT_4_PAIRS)
    # The former fourth: 13 pairs told from two sides and 8 near-misses, all development,
    # and scored alone by --split heldout_4.
    assert Counter(p.split("_")[0] for p in HELDOUT_4_PAIRS) == {"same": 13, "near": 8}
    former = chosen_docs(docs, "heldout_4")
    assert len(former) == 2 * len(HELDOUT_4_PAIRS)
    assert former < chosen_docs(docs, "dev")
    assert not former & chosen_docs(docs, "heldout_5")
    # The fifth (round 9): 14 and 8.
    assert Counter(p.split("_")[0] for p in HELDOUT_5_PAIRS) == {"same": 14, "near": 8}
    # The development batch of round 10 (dev_6): 10 pairs and 5 near-misses, all of them in
    # the pair files and all development, apart from every held-out split and the former
    # fourth.
    assert Counter(p.split("_")[0] for p in DEV_6_PAIRS) == {"same": 10, "near": 5}
    batch = chosen_docs(docs, "dev_6")
    assert len(batch) == 2 * len(DEV_6_PAIRS)
    assert batch < chosen_docs(docs, "dev")
    assert not batch & former
    assert not DEV_6_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                              | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS)
    # The sixth (round 10, after the fifth's two looks): 14 and 8, apart from every other
    # split and from the development batch written beside it.
    assert Counter(p.split("_")[0] for p in HELDOUT_6_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_6_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                  | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS)
    assert not chosen_docs(docs, "heldout_6") & chosen_docs(docs, "dev")
    # The development batch of round 11 (dev_7): 10 pairs and 5 near-misses, all development,
    # apart from every held-out split and from the earlier parts of development.
    assert Counter(p.split("_")[0] for p in DEV_7_PAIRS) == {"same": 10, "near": 5}
    batch_7 = chosen_docs(docs, "dev_7")
    assert len(batch_7) == 2 * len(DEV_7_PAIRS)
    assert batch_7 < chosen_docs(docs, "dev")
    assert not batch_7 & (former | batch)
    assert not DEV_7_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                              | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS | DEV_6_PAIRS)
    # The seventh (round 11, after the fifth's three looks and the sixth's two): 14 and 8, apart
    # from every other split and from the development batch written beside it.
    assert Counter(p.split("_")[0] for p in HELDOUT_7_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_7_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                  | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS)
    assert not chosen_docs(docs, "heldout_7") & chosen_docs(docs, "dev")
    # The development batch of round 12 (dev_8): 10 pairs and 5 near-misses, all development,
    # apart from every held-out split and from the earlier parts of development.
    assert Counter(p.split("_")[0] for p in DEV_8_PAIRS) == {"same": 10, "near": 5}
    batch_8 = chosen_docs(docs, "dev_8")
    assert len(batch_8) == 2 * len(DEV_8_PAIRS)
    assert batch_8 < chosen_docs(docs, "dev")
    assert not batch_8 & (former | batch | batch_7)
    assert not DEV_8_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                              | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS | DEV_6_PAIRS
                              | DEV_7_PAIRS)
    # The eighth (round 12, after the fifth's and the sixth's three looks and the seventh's two):
    # 14 and 8, apart from every other split and from the development batch written beside it.
    assert Counter(p.split("_")[0] for p in HELDOUT_8_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_8_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                  | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS
                                  | HELDOUT_7_PAIRS | DEV_6_PAIRS | DEV_7_PAIRS | DEV_8_PAIRS)
    assert not chosen_docs(docs, "heldout_8") & chosen_docs(docs, "dev")
    # The development batch of round 13 (dev_9): 10 pairs and 5 near-misses, all development,
    # apart from every held-out split and from the earlier parts of development.
    assert Counter(p.split("_")[0] for p in DEV_9_PAIRS) == {"same": 10, "near": 5}
    batch_9 = chosen_docs(docs, "dev_9")
    assert len(batch_9) == 2 * len(DEV_9_PAIRS)
    assert batch_9 < chosen_docs(docs, "dev")
    assert not batch_9 & (former | batch | batch_7 | batch_8)
    assert not DEV_9_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                              | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS
                              | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS | DEV_6_PAIRS | DEV_7_PAIRS
                              | DEV_8_PAIRS)
    # The ninth (round 13, after the fifth's and the sixth's three looks and the seventh's and the
    # eighth's two): 14 and 8, apart from every other split and from the development batch
    # written beside it.
    assert Counter(p.split("_")[0] for p in HELDOUT_9_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_9_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                  | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS
                                  | HELDOUT_7_PAIRS | HELDOUT_8_PAIRS | DEV_6_PAIRS | DEV_7_PAIRS
                                  | DEV_8_PAIRS | DEV_9_PAIRS)
    assert not chosen_docs(docs, "heldout_9") & chosen_docs(docs, "dev")
    # The development batch of round 14 (dev_10): 10 pairs and 5 near-misses, all development,
    # apart from every held-out split and from the earlier parts of development.
    assert Counter(p.split("_")[0] for p in DEV_10_PAIRS) == {"same": 10, "near": 5}
    batch_10 = chosen_docs(docs, "dev_10")
    assert len(batch_10) == 2 * len(DEV_10_PAIRS)
    assert batch_10 < chosen_docs(docs, "dev")
    assert not batch_10 & (former | batch | batch_7 | batch_8 | batch_9)
    assert not DEV_10_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                               | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS
                               | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS | HELDOUT_10_PAIRS | DEV_6_PAIRS
                               | DEV_7_PAIRS | DEV_8_PAIRS | DEV_9_PAIRS)
    # The tenth (round 14, written after dev_10 by the same helper): 14 and 8, apart from every
    # other split and from the development batch written beside it.
    assert Counter(p.split("_")[0] for p in HELDOUT_10_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_10_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                   | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS
                                   | HELDOUT_7_PAIRS | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS
                                   | DEV_6_PAIRS | DEV_7_PAIRS | DEV_8_PAIRS | DEV_9_PAIRS
                                   | DEV_10_PAIRS)
    assert not chosen_docs(docs, "heldout_10") & chosen_docs(docs, "dev")
    # The eleventh (round 15, written before any code ran on it): 14 and 8, apart from every
    # other split.
    assert Counter(p.split("_")[0] for p in HELDOUT_11_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_11_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                   | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS
                                   | HELDOUT_7_PAIRS | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS
                                   | HELDOUT_10_PAIRS | DEV_6_PAIRS | DEV_7_PAIRS | DEV_8_PAIRS
                                   | DEV_9_PAIRS | DEV_10_PAIRS)
    assert not chosen_docs(docs, "heldout_11") & chosen_docs(docs, "dev")
    # The development batch of round 15 (dev_11, written after heldout_11): 10 pairs and 5
    # near-misses, all development, apart from every held-out split and the earlier batches.
    assert Counter(p.split("_")[0] for p in DEV_11_PAIRS) == {"same": 10, "near": 5}
    batch_11 = chosen_docs(docs, "dev_11")
    assert len(batch_11) == 2 * len(DEV_11_PAIRS)
    assert batch_11 < chosen_docs(docs, "dev")
    assert not batch_11 & (former | batch | batch_7 | batch_8 | batch_9 | batch_10)
    assert not DEV_11_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                               | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS
                               | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS | HELDOUT_10_PAIRS
                               | HELDOUT_11_PAIRS | DEV_6_PAIRS | DEV_7_PAIRS | DEV_8_PAIRS
                               | DEV_9_PAIRS | DEV_10_PAIRS)
    # The twelfth (round 16, written and committed before any code ran on it): 14 and 8, exactly
    # same_250 to same_263 and near_150 to near_157, apart from every other split.
    assert HELDOUT_12_PAIRS == ({f"same_{n}" for n in range(250, 264)}
                                | {f"near_{n}" for n in range(150, 158)})
    assert Counter(p.split("_")[0] for p in HELDOUT_12_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_12_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                   | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS
                                   | HELDOUT_7_PAIRS | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS
                                   | HELDOUT_10_PAIRS | HELDOUT_11_PAIRS | DEV_6_PAIRS
                                   | DEV_7_PAIRS | DEV_8_PAIRS | DEV_9_PAIRS | DEV_10_PAIRS
                                   | DEV_11_PAIRS)
    assert not chosen_docs(docs, "heldout_12") & chosen_docs(docs, "dev")
    # The development batch of round 16 (dev_12, written after heldout_12): exactly same_264 to
    # same_273 and near_158 to near_162, all development, apart from every held-out split and
    # the earlier batches.
    assert DEV_12_PAIRS == ({f"same_{n}" for n in range(264, 274)}
                            | {f"near_{n}" for n in range(158, 163)})
    assert Counter(p.split("_")[0] for p in DEV_12_PAIRS) == {"same": 10, "near": 5}
    batch_12 = chosen_docs(docs, "dev_12")
    assert len(batch_12) == 2 * len(DEV_12_PAIRS)
    assert batch_12 < chosen_docs(docs, "dev")
    assert not batch_12 & (former | batch | batch_7 | batch_8 | batch_9 | batch_10 | batch_11)
    assert not DEV_12_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                               | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS
                               | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS | HELDOUT_10_PAIRS
                               | HELDOUT_11_PAIRS | HELDOUT_12_PAIRS | DEV_6_PAIRS | DEV_7_PAIRS
                               | DEV_8_PAIRS | DEV_9_PAIRS | DEV_10_PAIRS | DEV_11_PAIRS)
    # The thirteenth (round 17, written and committed before any code ran on it): 14 and 8,
    # exactly same_274 to same_287 and near_163 to near_170, apart from every other split and
    # from every part of development.
    assert HELDOUT_13_PAIRS == ({f"same_{n}" for n in range(274, 288)}
                                | {f"near_{n}" for n in range(163, 171)})
    assert Counter(p.split("_")[0] for p in HELDOUT_13_PAIRS) == {"same": 14, "near": 8}
    assert not HELDOUT_13_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS
                                   | HELDOUT_4_PAIRS | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS
                                   | HELDOUT_7_PAIRS | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS
                                   | HELDOUT_10_PAIRS | HELDOUT_11_PAIRS | HELDOUT_12_PAIRS
                                   | DEV_6_PAIRS | DEV_7_PAIRS | DEV_8_PAIRS | DEV_9_PAIRS
                                   | DEV_10_PAIRS | DEV_11_PAIRS | DEV_12_PAIRS)
    assert not chosen_docs(docs, "heldout_13") & chosen_docs(docs, "dev")
    # The development batch of round 17 (dev_13, written after heldout_13): exactly same_288 to
    # same_297 and near_171 to near_175, all development, apart from every held-out split and
    # the earlier batches.
    assert DEV_13_PAIRS == ({f"same_{n}" for n in range(288, 298)}
                            | {f"near_{n}" for n in range(171, 176)})
    batch_13 = chosen_docs(docs, "dev_13")
    assert len(batch_13) == 2 * len(DEV_13_PAIRS)
    assert batch_13 < chosen_docs(docs, "dev")
    assert not batch_13 & (former | batch | batch_7 | batch_8 | batch_9 | batch_10 | batch_11
                           | batch_12)
    assert not DEV_13_PAIRS & (HELDOUT_PAIRS | HELDOUT_2_PAIRS | HELDOUT_3_PAIRS | HELDOUT_4_PAIRS
                               | HELDOUT_5_PAIRS | HELDOUT_6_PAIRS | HELDOUT_7_PAIRS
                               | HELDOUT_8_PAIRS | HELDOUT_9_PAIRS | HELDOUT_10_PAIRS
                               | HELDOUT_11_PAIRS | HELDOUT_12_PAIRS | HELDOUT_13_PAIRS
                               | DEV_6_PAIRS | DEV_7_PAIRS | DEV_8_PAIRS | DEV_9_PAIRS
                               | DEV_10_PAIRS | DEV_11_PAIRS | DEV_12_PAIRS)
    for doc in docs:
        pair = doc.origin.split(":")[-1]
        number = int(re.search(r"_(\d+)$", pair)[1])
        expected = ("heldout_2" if pair in HELDOUT_2_PAIRS
                    else "heldout_3" if pair in HELDOUT_3_PAIRS
                    else "heldout_5" if pair in HELDOUT_5_PAIRS
                    else "heldout_6" if pair in HELDOUT_6_PAIRS
                    else "heldout_7" if pair in HELDOUT_7_PAIRS
                    else "heldout_8" if pair in HELDOUT_8_PAIRS
                    else "heldout_9" if pair in HELDOUT_9_PAIRS
                    else "heldout_10" if pair in HELDOUT_10_PAIRS
                    else "heldout_11" if pair in HELDOUT_11_PAIRS
                    else "heldout_12" if pair in HELDOUT_12_PAIRS
                    else "heldout_13" if pair in HELDOUT_13_PAIRS
                    else "heldout" if 12 <= number <= 22 else "dev")
        assert split_of(doc.origin) == expected, doc.doc_id


def test_the_later_held_out_splits_link_only_within_themselves():
    # A label shared with another split would tie held-out statements to development
    # ones (and a development figure to held-out material).
    by_label: dict[str, set[str]] = {}
    for doc in read_gold(annotated=False):
        for record in doc.people + doc.events:
            label = record.get("person") or record.get("incident")
            if label:
                by_label.setdefault(label, set()).add(split_of(doc.origin))
    assert all(len(splits) == 1 for splits in by_label.values())


def test_the_benchmark_scores_the_development_split_unless_asked(capsys):
    """``python -m benchmarks.linking`` scores dev; a held-out split only when named."""
    from benchmarks.linking import main

    assert main(["--no-pipeline"]) == 0
    printed = capsys.readouterr().out
    assert "gold input, dev" in printed and printed.count("gold input") == 1


@pytest.mark.parametrize("split", ["heldout", "heldout_2", "heldout_3", "heldout_5", "heldout_6",
                                   "heldout_7", "heldout_8", "heldout_9", "heldout_10", "heldout_11",
                                   "heldout_12", "heldout_13", "all"])
@pytest.mark.parametrize("flag", ["--keep", "--errors"])
def test_heldout_splits_refuse_keep_and_errors(tmp_path, capsys, split, flag):
    """Nobody reads the pipeline's output or mistakes on held-out statements: asking for
    them is refused before anything runs, and no output folder is made."""
    from benchmarks.linking import main

    kept = tmp_path / "kept"
    with pytest.raises(SystemExit) as refused:
        main(["--split", split, flag, *([str(kept)] if flag == "--keep" else [])])
    assert refused.value.code == 2
    assert f"{flag} is for the development split only" in capsys.readouterr().err
    assert not kept.exists()


@pytest.mark.parametrize("part", ["heldout_4", "dev_6", "dev_7", "dev_8", "dev_9", "dev_10",
                                  "dev_11", "dev_12", "dev_13"])
def test_the_named_parts_of_development_are_scored_alone(capsys, part):
    """``--split heldout_4`` (the former fourth held-out split), ``--split dev_6``,
    ``--split dev_7``, ``--split dev_8``, ``--split dev_9``, ``--split dev_10``, ``--split dev_11``,
    ``--split dev_12`` and ``--split dev_13`` (the development batches of rounds 10 to 17)
    name parts of the development split: scored alone, and their mistakes may be listed."""
    from benchmarks.linking import main

    assert main(["--no-pipeline", "--split", part, "--errors"]) == 0
    printed = capsys.readouterr().out
    assert f"gold input, {part}" in printed


def test_the_pair_files_annotate_what_their_texts_say():
    """Every form of a person is a whole word string of its statement, every person of an
    event is one of the statement's people, and every trigger is found where it is a whole
    word (the loader takes its first occurrence). Failures name the document only."""
    wrong = []
    for name in PAIR_FILES:
        for pair in json.loads((LINKING / name).read_text(encoding="utf-8"))["pairs"]:
            for doc in pair["documents"]:
                text, people = doc["text"], {p["name"] for p in doc["people"]}
                for person in doc["people"]:
                    wrong += [(doc["doc_id"], "form") for form in person.get("forms", [])
                              if not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)]
                for event in doc["events"]:
                    at, trigger = text.find(event["trigger"]), event["trigger"]
                    if at < 0 or re.match(r"\w", text[at - 1:at]) or re.match(
                            r"\w", text[at + len(trigger):at + len(trigger) + 1]):
                        wrong.append((doc["doc_id"], "trigger"))
                    wrong += [(doc["doc_id"], "person") for person in event.get("persons") or []
                              if person not in people]
    assert not wrong
