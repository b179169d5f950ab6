"""Small linear models shipped as plain JSON weights: fitted by the project, read at run time.

A model file in ``models/`` holds a bias, a threshold and a weight per binary feature name,
never pickled code, so that loading one runs nothing and a reviewer can read what it
learnt. The realis classifier (``scripts/train_realis.py``) is one; any later trained step
(an argument chooser, an event filter) stores itself the same way and reads itself with
:func:`probability`.

:func:`fit` is the trainer: an L2-penalised logistic regression by Newton's method in numpy
(already installed with pandas), which is what scikit-learn's ``LogisticRegression`` gives
on a few thousand rows, without another dependency at run time or in training.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2-penalised logistic regression (the bias unpenalised).

    The penalty must be positive: without it, a feature that separates the classes (or two
    features always present together) has no finite best weight and Newton's step fails."""
    if l2 <= 0:
        raise ValueError(f"l2 must be positive, not {l2}")
    n, k = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(k + 1)
    penalty = np.full(k + 1, l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty * w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def probability(model: dict, features: Iterable[str]) -> float:
    """P(positive) of a stored model (``bias`` and ``weights``) for the features present."""
    present = set(features)
    z = model["bias"] + sum(w for name, w in model["weights"].items() if name in present)
    # exp overflows a float beyond about 709: a score that far out is certain either way
    return 1 / (1 + math.exp(-min(max(z, -700.0), 700.0)))
