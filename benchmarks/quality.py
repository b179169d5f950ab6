"""Mention and event quality against every set of hand annotations in the repo.

    python -m benchmarks.quality

Runs the pipeline over each set's statements into a temporary folder and
reconciles it with the set's gold: the two real samples (``data/raw`` text files,
the set the pipeline was developed on, and the PDFs made from them), the
constructed development set
(``data/dev``) and the constructed held-out set (``data/heldout``, never used
for tuning). Prints one line per set and measure.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pipeline.reconcile import reconcile
from pipeline.batch.run import run_batch

REPO = Path(__file__).resolve().parents[1]
SETS = {
    "samples (real, dev)": (sorted((REPO / "data" / "raw").glob("*.txt")), REPO / "data" / "annotated"),
    # The same gold against the PDFs made from the samples: extraction and normalisation
    # included (reconcile pairs gold 001_x with output 001_x_print).
    "samples as PDF": (sorted((REPO / "data" / "raw").glob("*.pdf")), REPO / "data" / "annotated"),
    "dev (constructed)": ([REPO / "data" / "dev" / "raw"], REPO / "data" / "dev" / "annotated"),
    "held-out (constructed)": ([REPO / "data" / "heldout" / "raw"], REPO / "data" / "heldout" / "annotated"),
}


def main() -> None:
    print(f"{'set':24} {'measure':24} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (inputs, gold) in SETS.items():
        if not any(gold.glob("*.json")) or not all(p.exists() for p in inputs):
            print(f"{name:24} skipped: {gold} not found")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            out, report_dir = Path(tmp) / "out", Path(tmp) / "report"
            run_batch(inputs, out)
            metrics = reconcile(out, gold, report_dir).metrics
        rows = (
            ("mentions strict", metrics["mentions"]["strict"]["overall"]),
            ("mentions overlap", metrics["mentions"]["overlap"]["overall"]),
            ("events", metrics["events"]["types"]["overall"]),
        )
        for measure, m in rows:
            print(f"{name:24} {measure:24} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f}")
        gold_mentions = metrics["mentions"]["strict"]["overall"]
        gold_events = metrics["events"]["types"]["overall"]
        print(f"{name:24} gold: {gold_mentions['tp'] + gold_mentions['fn']} mentions, "
              f"{gold_events['tp'] + gold_events['fn']} events")
        fields = metrics["events"]["fields"]
        print(f"{name:24} event fields: " + ", ".join(
            f"{field} {f['accuracy']:.2f} ({f['correct']}/{f['total']})" for field, f in sorted(fields.items())))


if __name__ == "__main__":
    main()
