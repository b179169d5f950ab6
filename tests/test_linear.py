"""The linear models shipped as JSON weights: the trainer learns a signal, the reader agrees."""

import numpy as np
import pytest

from pipeline.linear import fit, probability


def test_fit_learns_the_feature_that_decides_and_ignores_noise():
    rng = np.random.default_rng(0)
    signal = rng.integers(0, 2, 400)
    noise = rng.integers(0, 2, 400)
    y = np.where(rng.random(400) < 0.9, signal, 1 - signal).astype(float)
    weights, bias = fit(np.column_stack([signal, noise]).astype(float), y)
    assert weights[0] > 2.0
    assert abs(weights[1]) < 0.5
    assert bias < -1.0


def test_probability_reads_only_the_features_present():
    model = {"bias": -1.0, "weights": {"past": 2.0, "habitual": -3.0}}
    assert probability(model, set()) == pytest.approx(1 / (1 + np.exp(1.0)))
    assert probability(model, {"past"}) == pytest.approx(1 / (1 + np.exp(-1.0)))
    assert probability(model, {"past", "habitual", "unknown"}) == pytest.approx(1 / (1 + np.exp(2.0)))


def test_fit_refuses_no_penalty_and_probability_survives_extreme_scores():
    with pytest.raises(ValueError, match="l2 must be positive"):
        fit(np.array([[1.0], [0.0]]), np.array([1.0, 0.0]), l2=0)
    assert probability({"bias": -800.0, "weights": {}}, ()) == pytest.approx(0.0)
    assert probability({"bias": 800.0, "weights": {}}, ()) == pytest.approx(1.0)
