"""Train the realis classifier: a logistic regression over the realis step's cues.

    python scripts/train_realis.py            # writes models/realis_classifier.json (not enabled)
    python scripts/train_realis.py --enable   # the same, enabled

Every candidate trigger of the development gold (the samples, the constructed
development set and the OVD-Info development pages; never the held-out sets) is a
training row: its cues (:func:`pipeline.events.realis.cues_of`) and the rules' label as
binary features, and whether a gold event tells it (``benchmarks/realis.py`` labels
them). The model is fitted by :func:`pipeline.linear.fit` (numpy, no extra
dependency) and stored as plain weights, a bias and a threshold: no pickled code, read
by :func:`pipeline.events.realis.probability`. It is enabled only by hand, and only if
``python -m benchmarks.realis`` shows it beating the rules on the held-out pages.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.quality import SETS  # noqa: E402
from benchmarks.realis import collect, scores  # noqa: E402
from pipeline.events.realis import LABELS, decide_by_rules  # noqa: E402
from pipeline.linear import fit  # noqa: E402

TRAINING_SETS = ("samples", "dev", "ovdinfo-dev")
OUT = ROOT / "models" / "realis_classifier.json"
L2 = 1.0
THRESHOLD = 0.5


def features_of(cues: frozenset[str]) -> set[str]:
    return set(cues) | {f"rule_{decide_by_rules(cues)}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enable", action="store_true", help="store the model enabled")
    args = parser.parse_args(argv)
    chosen = [s for s in SETS if s.name in TRAINING_SETS]
    with tempfile.TemporaryDirectory() as tmp:
        found = collect(chosen, Path(tmp))
    rows = [item for name in TRAINING_SETS for item in found.get(name, [])]
    names = sorted(set().union(*(features_of(i.cues) for i in rows)) | {f"rule_{label}" for label in LABELS})
    x = np.array([[name in features_of(i.cues) for name in names] for i in rows], dtype=float)
    y = np.array([i.gold for i in rows], dtype=float)
    weights, bias = fit(x, y, l2=L2)
    model = {
        "_comment": "Logistic regression over the realis cues (scripts/train_realis.py). P(specific) = "
                    "1 / (1 + exp(-(bias + sum of the weights of the cues present))). Enabled only if it "
                    "beats the rules on the held-out pages (python -m benchmarks.realis).",
        "enabled": bool(args.enable),
        "bias": round(bias, 4),
        "threshold": THRESHOLD,
        "l2": L2,
        "trained_on": list(TRAINING_SETS),
        "weights": {name: round(float(w), 4) for name, w in zip(names, weights) if abs(w) >= 1e-4},
        "measured": {},
    }
    for name in TRAINING_SETS:
        items = found.get(name, [])
        p = [1 / (1 + np.exp(-(bias + sum(w for n, w in zip(names, weights) if n in features_of(i.cues)))))
             for i in items]
        s = scores([(pi >= THRESHOLD, i.gold) for pi, i in zip(p, items)])
        model["measured"][name] = {k: round(v, 4) for k, v in s.items() if k in ("precision", "recall", "f1")}
    OUT.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} candidates, {int(y.sum())} gold happenings; wrote {OUT.relative_to(ROOT)}")
    for name, s in model["measured"].items():
        print(f"  {name:12} (training) P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
