"""The three listing harnesses (event dates, places, types and misses) refuse held-out and
validation sets by name before anything runs, and share one list of development sets and one
run-and-match path (issue 12, session 11)."""

from __future__ import annotations

import pytest

from benchmarks import event_actors, event_dates, event_places, event_types
from benchmarks.quality import HELD_OUT, ON_REQUEST

HARNESSES = [event_actors, event_dates, event_places, event_types]


@pytest.mark.parametrize("harness", HARNESSES, ids=lambda h: h.__name__)
@pytest.mark.parametrize("name", sorted(HELD_OUT | ON_REQUEST | {"wikinews-validation2", "no-such-set"}))
def test_a_listing_harness_refuses_every_set_but_the_development_ones(harness, name, capsys):
    with pytest.raises(SystemExit) as exit_:
        harness.main(["--set", "dev", "--set", name, "--list"])
    assert exit_.value.code == 2
    assert f"refused: {name}" in capsys.readouterr().err


@pytest.mark.parametrize("argv, sets", [
    ([], list(event_dates.DEVELOPMENT)),
    (["--set", "wikinews-dev"], ["wikinews-dev"]),
    (["--set", "ovdinfo-dev", "--set", "dev", "--missed"], ["ovdinfo-dev", "dev"]),
])
def test_the_types_harness_takes_the_shared_options(argv, sets):
    args = event_dates.development_args(event_types.__doc__, "type", argv, flags=(("--missed", "misses"),))
    assert args.sets == sets
    assert args.missed is ("--missed" in argv)


def test_the_harnesses_share_one_run_and_match_path():
    assert event_types.development_runs is event_dates.development_runs
    assert event_types.scored_documents is event_dates.scored_documents
    assert event_places.matched_events is event_dates.matched_events
    assert event_types.DEVELOPMENT is event_dates.DEVELOPMENT
    assert not set(event_dates.DEVELOPMENT) & (HELD_OUT | ON_REQUEST)


@pytest.mark.parametrize("argv, refused", [
    (["--values"], "every set (no --set)"),
    *[(["--values", "--set", "dev", "--set", name], name)
      for name in sorted(HELD_OUT | ON_REQUEST | {"wikinews-validation2"})],
])
def test_the_value_listing_refuses_every_set_but_the_development_ones(argv, refused, capsys):
    from benchmarks import quality

    with pytest.raises(SystemExit) as exit_:
        quality.main(argv)
    assert exit_.value.code == 2
    assert f"refused: {quality.ALIASES.get(refused, refused)}" in capsys.readouterr().err


def test_the_value_listing_lists_one_row_a_wrong_mention():
    from benchmarks.quality import wrong_values

    row = {"doc_id": "a", "kind": "mention", "issue": "field", "type": "TERM", "start": 4, "end": 12,
           "text": "двух лет", "sentence": "Срок сокращён до двух лет."}
    rows = [row | {"field": "term_min", "gold": "2", "predicted": ""},
            row | {"field": "approx", "gold": "", "predicted": "True"},
            row | {"type": "PER", "field": "normal", "gold": "Иван", "predicted": "Ивана"}]
    (wrong,) = wrong_values(rows)
    assert wrong["fields"] == {"term_min": ("2", ""), "approx": ("", "True")}
