"""The pair merge's harness judges the model its trainer stores (issue 12, review of round 9).

The rows are invented feature sets, not pairs of any benchmark document.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks import event_pairs
from benchmarks.event_pairs import Doc, _probabilities, fit_model
from pipeline.linear import probability

ROOT = Path(__file__).resolve().parent.parent

# (features, label) rows of one document: a feature that always goes with a merge, one
# that never does, one that is present everywhere (its weight near nothing) and one rare.
ROWS = [
    ({"same_word", "everywhere"}, True), ({"same_word", "everywhere"}, True),
    ({"same_word", "everywhere", "rare"}, False), ({"dates_differ", "everywhere"}, False),
    ({"dates_differ", "everywhere"}, False), ({"everywhere"}, False), ({"same_word", "everywhere"}, True),
]


def _doc(rows) -> Doc:
    return Doc("dev", "invented", "", [], None, None, pairs=[(0, k + 1) for k in range(len(rows))],
               features=[frozenset(f) for f, _ in rows], labels=[label for _, label in rows])


@pytest.mark.parametrize("l2", [0.3, 1.0, 10.0])
def test_the_fitted_model_is_the_one_stored_rounded_and_small_weights_dropped(l2):
    model = fit_model([_doc(ROWS)], l2)
    assert model["bias"] == round(model["bias"], 4)
    assert all(w == round(w, 4) and abs(w) >= 1e-4 for w in model["weights"].values())
    assert json.loads(json.dumps(model)) == model  # what the trainer writes is what was judged


@pytest.mark.parametrize("bias, weight", [(-2.0, 1.5), (0.0, 0.0), (-800.0, 0.0), (5.0, 900.0)])
def test_the_harness_scores_pairs_as_the_pipeline_does(bias, weight):
    model = {"bias": bias, "weights": {"same_word": weight}}
    doc = _doc(ROWS)
    found = _probabilities(model, doc)
    assert found == [probability(model, f) for f in doc.features]
    assert all(math.isfinite(p) for p in found)


def test_the_trainer_uses_the_harness_number_of_inner_folds():
    trainer = (ROOT / "scripts" / "train_event_pairs.py").read_text(encoding="utf-8")
    assert "INNER =" not in trainer and "INNER" in trainer
    assert "default=INNER" in (ROOT / "benchmarks" / "event_pairs.py").read_text(encoding="utf-8")
    assert event_pairs.INNER == 4  # the README's "four inner folds"
