"""Does the cost per document stay flat as a batch grows? The real CLI on synthetic corpora.

Corpora of 100, 1,000 and 10,000 statements are made from the sample and constructed
statements (``data/raw``, ``data/dev/raw``; the held-out statements stay out, since
making the corpus runs the tagger on its sources): each takes its
source's opening paragraph and a few of its other paragraphs in a new order, with the
people, dates and places its mentions name swapped for others (people and dates from
the other statements, places from the gazetteer in ``models/``). Each corpus is run
by the real ``testimony run`` with ``-j 1``, ``-j 2`` and ``--cluster local:2`` (a
Dask LocalCluster of two workers); the largest is then rerun with 1% of its files
changed. For every run: wall time, documents per second, and the peak memory (VmHWM)
of the parent process and of each worker process, sampled from /proc.

    python -m benchmarks.scale [--sizes 100 1000 10000] [--modes j1 j2 dask] [--keep DIR]
                               [--baseline REF]

Every run also reports its CPU time (user + system of the CLI and every process it
started: workers, Dask's nannies, forkserver and workers; the larger of what the kernel
adds up for the processes waited for and what ``/proc`` showed of each, every 0.5 s) and the load average of the machine
before and after it, since wall times on a shared machine say little alone. The
ratios that the targets name (``-j 2`` and Dask over ``-j 1``, the rerun's share) are
printed per tree. ``--baseline REF`` (a git commit or branch, or a folder holding the
repository as it was) runs the pipeline as it was at REF on the same corpora in the
same call, in turns with this tree (REF first for each mode), and prints both.

Targets (issue 15): documents per second at 10,000 within 10% of at 100; the parent's
peak under 1 GB at 10,000; Dask LocalCluster(2) at least 1.7x ``-j 1`` at 1,000; the
rerun with 1% changed at most 5% of the first run's time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.baseline import describe, export_tree, prepare_trees

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted([*(REPO / "data" / "raw").glob("*.txt"), *(REPO / "data" / "dev" / "raw").glob("*.txt")])
MODES = {"j1": ["-j", "1"], "j2": ["-j", "2"], "dask": ["--cluster", "local:2"]}


# ---------------------------------------------------------------- the corpus


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=\S)", text) if p.strip()]


def source_material() -> tuple[list[dict], dict[str, list[str]]]:
    """Each source's paragraphs with the spans of its people, dates and places, and the
    pools to swap them from (found once by the pipeline's own tagger)."""
    from pipeline.nlp import load_models
    from pipeline.tag import tag_mentions

    models = load_models()
    pools: dict[str, set[str]] = {"PER": set(), "DATE": set()}
    sources = []
    for path in SOURCES:
        blocks = []
        for block in paragraphs(path.read_text(encoding="utf-8")):
            _, mentions = tag_mentions(block, models)
            spans = [(m.start, m.end, m.type) for m in mentions if m.type in ("PER", "DATE", "LOC")]
            for m in mentions:
                if m.type in pools:
                    pools[m.type].add(m.text)
            blocks.append((block, _outermost(spans)))
        sources.append({"name": path.stem, "blocks": blocks})
    with open(REPO / "models" / "gazetteer_places.csv", encoding="utf-8") as f:
        places = sorted({row["name"] for row in csv.DictReader(f) if row["kind"] in ("city", "town", "region")})
    return sources, {"PER": sorted(pools["PER"]), "DATE": sorted(pools["DATE"]), "LOC": places}


def _outermost(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept, end = [], -1
    for start, stop, kind in sorted(spans):
        if start >= end:
            kept.append((start, stop, kind))
            end = stop
    return kept


def make_statement(rng: random.Random, source: dict, pools: dict[str, list[str]], number: int) -> str:
    """One synthetic statement: the opening, then 3-8 other paragraphs reordered, names swapped."""
    blocks = source["blocks"]
    body = blocks[1:]
    chosen = rng.sample(body, min(len(body), rng.randint(3, 8)))
    out = []
    for text, spans in [blocks[0], *chosen]:
        pieces, last = [], 0
        for start, end, kind in spans:
            pieces += [text[last:start], rng.choice(pools[kind]) if pools[kind] else text[start:end]]
            last = end
        out.append("".join(pieces) + text[last:])
    return f"Заявление № {number}.\n\n" + "\n\n".join(out) + "\n"


def build_corpus(folder: Path, n_docs: int, seed: int = 15) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sources, pools = MATERIAL
    for i in range(n_docs):
        source = sources[i % len(sources)]
        (folder / f"{source['name']}_{i:05d}.txt").write_text(make_statement(rng, source, pools, i),
                                                             encoding="utf-8")


# ---------------------------------------------------------------- measuring a run


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    found.append(int(entry))
            except OSError:
                continue
    return found


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds a process has used so far (from /proc)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_cli(inputs: Path, out: Path, options: list[str], tree: Path = REPO) -> dict:
    """Wall and CPU seconds of one ``testimony run`` (the pipeline of ``tree``), the peak
    memory of its processes and the load average before and after."""
    command = [sys.executable, "-c",
               "import sys; sys.path.insert(0, sys.argv.pop(1)); import pipeline.cli as c; getattr(c, \"entry_point\", c.main)()",
               str(tree), "run", str(inputs), "-o", str(out), "-q", *options]
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    used: dict[int, float] = {}  # CPU seconds of each process of the run, as last seen
    while process.poll() is None:
        pids = [process.pid]
        for pid in pids:  # grows as it goes: children, grandchildren...
            pids += _children(pid)
        for pid in pids:
            peak = _peak_mb(pid)
            if peak is not None:
                peaks[pid] = max(peaks.get(pid, 0.0), peak)
            seconds = _cpu_seconds(pid)
            if seconds is not None:
                used[pid] = max(used.get(pid, 0.0), seconds)
        time.sleep(0.5)
    wall = time.perf_counter() - start
    stdout, stderr = process.communicate()
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    # What the kernel adds up covers the processes waited for; a Dask forkserver's workers
    # are not, so the CPU seen in /proc counts where it is more.
    cpu = max(cpu, sum(used.values()))
    if process.returncode not in (0, 1):
        raise SystemExit(f"testimony run failed:\n{stderr[-3000:]}")
    parent = peaks.pop(process.pid, 0.0)
    workers = sorted((p for p in peaks.values() if p > 150), reverse=True)  # helpers (resource tracker) left out
    return {"wall": wall, "cpu": cpu, "load": (load_before, os.getloadavg()[0]), "parent_mb": parent,
            "worker_mb": workers, "summary": stdout.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=list(MODES))
    parser.add_argument("--rerun-mode", default="j2", choices=list(MODES))
    parser.add_argument("--keep", type=Path, help="folder for corpora and outputs (default: a temporary one)")
    parser.add_argument("--results", type=Path, help="append each result as a JSON line to this file")
    parser.add_argument("--baseline", help="a git commit or branch (or a folder of the repository as it was) "
                        "to run beside this tree")
    args = parser.parse_args()
    global MATERIAL
    MATERIAL = source_material()
    root = args.keep or Path(tempfile.mkdtemp(prefix="testimony-scale-"))
    trees = {"this tree": REPO}
    if args.baseline:
        baseline = Path(args.baseline)
        if not baseline.is_dir():
            baseline = root / f"baseline-{re.sub(r'[^A-Za-z0-9_.-]', '_', args.baseline)}"
            if not baseline.exists():
                export_tree(args.baseline, baseline)
        trees = {args.baseline: baseline, **trees}
    print(f"this tree: {describe()}" + (f"; baseline {describe(args.baseline)}" if args.baseline and
                                        not Path(args.baseline).is_dir() else ""), flush=True)
    prepare_trees(trees, root / "cache")
    print(f"{len(SOURCES)} source statements; work in {root}; {os.cpu_count()} cores", flush=True)
    print("| tree | documents | mode | wall s | CPU s | docs/s | parent peak MB | worker peaks MB | load avg |",
          flush=True)
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |", flush=True)
    first_run: dict[tuple[str, int, str], float] = {}
    for size in args.sizes:
        corpus = root / f"corpus_{size}"
        if not corpus.exists():
            build_corpus(corpus, size)
        for mode in args.modes:
            for k, (name, tree) in enumerate(trees.items()):
                out = root / f"out_{size}_{mode}_{k}"
                result = run_cli(corpus, out, MODES[mode], tree)
                first_run[(name, size, mode)] = result["wall"]
                _report(args.results, name, size, mode, result)
    size = max(args.sizes)
    corpus = root / f"corpus_{size}"
    rerun = (args.rerun_mode in args.modes)
    if rerun:
        files = sorted(corpus.iterdir())
        for path in random.Random(1).sample(files, max(1, len(files) // 100)):
            path.write_text(path.read_text(encoding="utf-8") + "\nДополнение к заявлению.\n", encoding="utf-8")
        for k, (name, tree) in enumerate(trees.items()):
            result = run_cli(corpus, root / f"out_{size}_{args.rerun_mode}_{k}", MODES[args.rerun_mode], tree)
            _report(args.results, name, size, f"{args.rerun_mode} rerun, 1% changed", result,
                    share=result["wall"] / first_run[(name, size, args.rerun_mode)])
    print("\nratios of wall time (the targets: -j 2 >= 1.8x and Dask >= 1.7x -j 1; rerun <= 5%):", flush=True)
    for name in trees:
        for size in args.sizes:
            one = first_run.get((name, size, "j1"))
            cells = [f"{mode} {one / first_run[(name, size, mode)]:.2f}x -j 1" for mode in ("j2", "dask")
                     if one and (name, size, mode) in first_run]
            if cells:
                print(f"    {name}, {size:,} documents: " + ", ".join(cells), flush=True)


def _report(results: Path | None, tree: str, size: int, mode: str, result: dict, share: float | None = None) -> None:
    workers = ", ".join(f"{p:.0f}" for p in result["worker_mb"]) or "-"
    rate = f"{size / result['wall']:.1f}" if share is None else f"({100 * share:.1f}% of the first run)"
    load = "{:.1f} -> {:.1f}".format(*result["load"])
    print(f"| {tree} | {size:,} | {mode} | {result['wall']:.1f} | {result['cpu']:.1f} | {rate} | "
          f"{result['parent_mb']:.0f} | {workers} | {load} |", flush=True)
    if results:
        with open(results, "a", encoding="utf-8") as f:
            f.write(json.dumps({"tree": tree, "size": size, "mode": mode, **result, "share": share},
                               ensure_ascii=False) + "\n")


MATERIAL: tuple = ()

if __name__ == "__main__":
    main()
