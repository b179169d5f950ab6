"""How linking scales: ``python -m benchmarks.linking_scale [SIZES...]``.

For each size, a synthetic corpus of that many events (:mod:`pipeline.link.synthetic`:
perturbed from the annotated development events, with name variants, date
precision, paraphrased places and sentences, and the truth of who and what is
the same) is written as a ``testimony run`` output; then ``testimony link`` runs on
it in a fresh process, which reports its wall time and peak memory (the largest
resident set of the process, DuckDB's included) and the pairwise F1 of its people
and incidents against the truth. Times are also given as a ratio to the smallest
size, measured in the same call, and as the slope of log time over log size
(1 is linear, 2 quadratic).

The default sizes are 1,000 to 100,000 events; the target is 100,000 in under 10
minutes and 4 GB on the two-core machine we develop on.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (1_000, 3_000, 10_000, 30_000, 100_000)
SEED = 11  # not the training corpus's seed


def write_corpus(n_events: int, out: Path) -> dict:
    """A synthetic output folder of ``n_events`` events; the truth beside it."""
    from pipeline.link.synthetic import make_corpus
    from pipeline.tables import TABLES, write_tables

    corpus = make_corpus(n_events, SEED)
    tables = corpus.tables
    write_tables(out, {name: getattr(tables, name).to_dict("records") for name in TABLES})
    truth = {"people": corpus.people, "incidents": corpus.incidents}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    return {"documents": len(tables.documents), "events": len(tables.events),
            "person_mentions": int((tables.mentions["type"] == "PER").sum())}


def link_once(out: Path, dest: Path) -> dict:
    """``testimony link`` over ``out`` in this process: time, peak memory, F1."""
    from pipeline.link import link
    from pipeline.link.evaluate import pairwise
    from pipeline.link.records import event_key, person_key

    started = time.perf_counter()
    result = link(out, dest)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    people = {person_key(d, n): p for d, n, p in result.person_events[
        ["doc_id", "name", "person_id"]].itertuples(index=False)}
    incidents = {event_key(d, e): i for d, e, i in result.event_incidents[
        ["doc_id", "event_id", "incident_id"]].itertuples(index=False) if isinstance(i, str)}
    return {"seconds": round(seconds, 1), "peak_mb": round(peak_mb),
            "people": len(result.people), "incidents": len(result.incidents),
            "person_pairs": len(result.person_pairs), "event_pairs": len(result.event_pairs),
            "people_f1": round(pairwise(people, truth["people"]).f1, 3),
            "incidents_f1": round(pairwise(incidents, truth["incidents"]).f1, 3)}


def measure(n_events: int, folder: Path) -> dict:
    out, dest = folder / f"out{n_events}", folder / f"link{n_events}"
    dest.mkdir(parents=True, exist_ok=True)
    made = write_corpus(n_events, out)
    # A fresh process per size: its peak memory is this size's alone.
    done = subprocess.run([sys.executable, "-m", "benchmarks.linking_scale", "--link-only",
                           str(out), str(dest)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"linking {n_events} events failed:\n{done.stderr[-3000:]}")
    return made | json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.linking_scale",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--link-only", nargs=2, type=Path, metavar=("OUT", "DEST"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.link_only:
        print(json.dumps(link_once(*args.link_only)))
        return 0
    print(f"linking scale on {os.cpu_count()} cores, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} at the start")
    print(f"{'events':>8} {'docs':>7} {'seconds':>8} {'ratio':>6} {'slope':>6} {'peak MB':>8} "
          f"{'people':>7} {'incidents':>9} {'F1 people':>9} {'F1 incid.':>9}")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for n in sorted(args.sizes):
            row = measure(n, Path(scratch))
            base = rows[0] if rows else row
            slope = (math.log(row["seconds"] / base["seconds"]) / math.log(n / base["events"])
                     if rows and row["seconds"] > 0 and base["seconds"] > 0 else float("nan"))
            rows.append(row | {"events": row["events"]})
            print(f"{row['events']:>8} {row['documents']:>7} {row['seconds']:>8.1f} "
                  f"{row['seconds'] / base['seconds']:>6.1f} {slope:>6.2f} {row['peak_mb']:>8} "
                  f"{row['people']:>7} {row['incidents']:>9} {row['people_f1']:>9.3f} "
                  f"{row['incidents_f1']:>9.3f}", flush=True)
    print(f"load average at the end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
