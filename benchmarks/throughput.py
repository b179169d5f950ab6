"""Throughput and memory of ``testimony run`` against what a user would assemble by hand.

Builds a corpus of multi-page PDFs from the sample statements (reportlab,
DejaVu Serif, justified paragraphs), then measures in one run:

- pages/s of the pipeline on one core, stage by stage (extract, normalise,
  segment, tag, events), models loaded beforehand;
- pages/s of the hand-assembled pipeline on the same PDFs: pdfplumber page text,
  then natasha's whole Doc (segment, morph, syntax, NER with span
  normalisation) plus natasha's DatesExtractor and MoneyExtractor;
- the real CLI with ``-j 1`` and ``-j 2`` (wall time, scaling, peak RSS of the
  largest process, i.e. one worker), and a rerun over the same output;
- peak RSS of the CLI on a 30-page and a 300-page PDF (flat in length?).

    python -m benchmarks.throughput [--docs 12] [--long-pages 300] [--baseline REF]

Targets (issue 15): >= 3x the hand pipeline on one core, >= 1.8x scaling with two workers,
<= 600 MB per worker, flat memory in document length, rerun <= 10% of first run.

``--baseline REF`` (a git commit or branch) also runs the pipeline as it was at
REF on the same corpus in the same call, each version in a fresh process, in
turns, and prints this tree's throughput as a ratio of REF's, stage by stage;
``--compare-only`` stops after that. ``--cli-only`` measures only the real CLI's
``-j 1`` and ``-j 2`` (and its start-up), for this tree and REF in turns, each the best
of ``--rounds``, with CPU time and the load average beside the wall times.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.batch.workers import single_thread_env  # noqa: E402 - the standard library only

single_thread_env()  # before numpy: one BLAS thread, as the CLI's workers have

import matplotlib  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate  # noqa: E402

from benchmarks.timing import StageTimer  # noqa: E402
from benchmarks.baseline import describe, export_tree, prepare_trees  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "data" / "raw").glob("*.txt"))
FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSerif.ttf"


def paragraphs(text: str) -> list[str]:
    """The sample's lines joined into paragraphs at blank lines."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def write_pdf(path: Path, blocks: list[str], page_per_block: bool = False) -> int:
    """A justified A4 PDF of the paragraphs (each on a page of its own if asked); its page count."""
    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT)))
    style = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=11, leading=14,
                           alignment=TA_JUSTIFY, spaceAfter=6)
    pages = []
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm,
                                 topMargin=2 * cm, bottomMargin=2 * cm, invariant=1)
    flowables = []
    for block in blocks:
        flowables += [Paragraph(block, style), PageBreak()] if page_per_block else [Paragraph(block, style)]
    document.build(flowables[:-1] if page_per_block else flowables,
                   onLaterPages=lambda c, d: pages.append(1), onFirstPage=lambda c, d: pages.append(1))
    return len(pages)


def build_corpus(folder: Path, n_docs: int) -> tuple[list[Path], int]:
    """PDFs of the samples in turn, each doc a little different (numbered), ~4-10 pages each."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [paragraphs(p.read_text(encoding="utf-8")) for p in SAMPLES]
    paths, n_pages = [], 0
    for i in range(n_docs):
        blocks = [f"Заявление № {i + 1}."] + texts[i % len(texts)] + texts[(i + 1) % len(texts)] * (i % 2)
        path = folder / f"statement_{i:02d}.pdf"
        n_pages += write_pdf(path, blocks)
        paths.append(path)
    return paths, n_pages


def pipeline_times(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage of the pipeline over the PDFs in this process, models loaded first."""
    from pipeline.analysis import events_of
    from pipeline.batch.run import import_stages
    from pipeline.extract import extract
    from pipeline.nlp import load_models
    from pipeline.normalise import normalise
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    timed = (timer := StageTimer()).run
    # The PDF reader (pdfplumber, pdfminer, PDFium: ~0.12 s) is imported before the pages are
    # timed, as the peer's pdfplumber is before its timer and the CLI's parent imports it
    # before it forks (``run.import_stages``): not counted in the first page's extract.
    timed("load models (once)", import_stages)
    models = timed("load models (once)", load_models)

    for path in paths:
        raw = timed("extract", extract, path, path.stem, True)
        clean = timed("normalise", normalise, raw.text)
        sentences = timed("segment", split_sentences, clean.text)
        doc_date, mentions = timed("tag", tag_mentions, clean.text, models)
        timed("events", events_of, clean, sentences, mentions, models, doc_date)
    return dict(timer.seconds)


def hand_times(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage of pdfplumber + natasha's full Doc + natasha's extractors."""
    import pdfplumber
    from natasha import (DatesExtractor, Doc, MoneyExtractor, MorphVocab, NewsEmbedding,
                         NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter)

    embedding = NewsEmbedding()
    segmenter, vocab = Segmenter(), MorphVocab()
    morph, syntax, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    dates, money = DatesExtractor(vocab), MoneyExtractor(vocab)
    timed = (timer := StageTimer()).run

    for path in paths:
        def read(path=path) -> str:
            with pdfplumber.open(path) as pdf:
                return "\n".join(page.extract_text() or "" for page in pdf.pages)

        text = timed("pdfplumber", read)
        doc = Doc(text)
        timed("segment", doc.segment, segmenter)
        timed("morph", doc.tag_morph, morph)
        timed("syntax", doc.parse_syntax, syntax)
        timed("ner", doc.tag_ner, ner)
        timed("ner normalise", lambda: [span.normalize(vocab) for span in doc.spans])
        timed("dates", lambda: list(dates(text)))
        timed("money", lambda: list(money(text)))
    return dict(timer.seconds)


def run_cli(inputs: list[Path], out: Path, *options: str, tree: Path = REPO,
            cpu: list[float] | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of the largest process of one ``testimony run`` (the
    pipeline of ``tree``); its CPU seconds (user + system, every process) go to ``cpu``."""
    probe = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode;"
             "r = resource.getrusage(resource.RUSAGE_CHILDREN);"
             "print(r.ru_utime + r.ru_stime, r.ru_maxrss // 1024); sys.exit(code)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", probe, sys.executable, "-c",
                             "import sys; sys.path.insert(0, sys.argv.pop(1)); import pipeline.cli as c; getattr(c, \"entry_point\", c.main)()",
                             str(tree), "run", *map(str, inputs), "-o", str(out), "-q", *options],
                            cwd=tree, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"testimony run failed:\n{result.stderr}")
    seconds, rss = result.stdout.split()[-2:]
    if cpu is not None:
        cpu.append(float(seconds))
    return elapsed, int(rss)


def cli_scaling(trees: dict[str, Path], paths: list[Path], n_pages: int, root: Path, rounds: int = 1) -> None:
    """The real CLI with ``-j 1`` and ``-j 2`` on the corpus, and its start-up on one-page
    files, for each tree in turns (so that load from elsewhere hits each alike), each
    measure the best of ``rounds``; wall and CPU time, and the load average around."""
    tiny = [root / f"tiny_{i}.pdf" for i in range(2)]
    for path in tiny:
        write_pdf(path, paragraphs(SAMPLES[0].read_text(encoding="utf-8"))[:1])
    best: dict[tuple[str, str], tuple[float, float]] = {}
    loads = [os.getloadavg()[0]]
    for r in range(rounds):
        for k, (name, tree) in enumerate(trees.items()):
            for label, inputs, jobs in (("start-up -j 1", tiny[:1], "1"), ("start-up -j 2", tiny, "2"),
                                        ("-j 1", paths, "1"), ("-j 2", paths, "2")):
                cpu: list[float] = []
                wall, _ = run_cli(inputs, root / f"cli-{k}-{r}-{label.replace(' ', '')}", "-j", jobs,
                                  tree=tree, cpu=cpu)
                if (name, label) not in best or wall < best[name, label][0]:
                    best[name, label] = (wall, cpu[0])
                loads.append(os.getloadavg()[0])
    print(f"the CLI on {n_pages} pages ({len(paths)} PDFs), best of {rounds}; load average "
          f"{min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores during these runs:")
    for name in trees:
        (s1, c_s1), (s2, c_s2) = best[name, "start-up -j 1"], best[name, "start-up -j 2"]
        (one, c_one), (two, c_two) = best[name, "-j 1"], best[name, "-j 2"]
        print(f"    {name}: start-up {s1:.2f} s / {s2:.2f} s ({c_s1:.1f} / {c_s2:.1f} s CPU); "
              f"-j 1 {one:.1f} s ({c_one:.1f} s CPU), -j 2 {two:.1f} s ({c_two:.1f} s CPU); "
              f"scaling {one / two:.2f}x wall, {(one - s1) / (two - s2):.2f}x after start-up (target >= 1.8x)")


# Run in a fresh process: the pipeline of the tree in argv[1] over the PDFs after it (that
# tree's benchmarks.throughput sets one BLAS thread first, wherever its workers module lives).
# Stages are timed in this process's CPU time, which other work on a shared machine
# disturbs far less than wall time.
_STAGE_TIMES = """
import json, sys, time
time.perf_counter = time.process_time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from benchmarks.throughput import pipeline_times
print(json.dumps(pipeline_times([Path(p) for p in sys.argv[2:]])))
"""


def compare_with(ref: str, paths: list[Path], n_pages: int, work: Path, rounds: int = 3) -> float:
    """This tree's pages/s over REF's on the same PDFs: each stage's best of ``rounds`` fresh
    processes, the two versions in turns, so that load from elsewhere on the machine hits both."""
    trees = {ref: export_tree(ref, work / "baseline"), "this tree": REPO}
    best: dict[str, dict[str, float]] = {}
    for _ in range(rounds):
        for name, tree in trees.items():
            result = subprocess.run([sys.executable, "-c", _STAGE_TIMES, str(tree), *map(str, paths)],
                                    capture_output=True, text=True, cwd=tree)
            if result.returncode != 0:
                raise SystemExit(f"the pipeline at {name} failed:\n{result.stderr[-2000:]}")
            times = json.loads(result.stdout.strip().splitlines()[-1])
            times.pop("load models (once)", None)
            best[name] = {stage: min(seconds, best.get(name, {}).get(stage, seconds))
                          for stage, seconds in times.items()}
    rates = {name: n_pages / sum(times.values()) for name, times in best.items()}
    print(f"pipeline at {ref} against this tree, same {n_pages} pages, CPU time, each stage's best of {rounds} "
          "fresh processes:")
    for stage in best["this tree"]:
        print(f"    {stage:14s} {1000 * best[ref].get(stage, 0.0) / n_pages:7.1f} -> "
              f"{1000 * best['this tree'][stage] / n_pages:7.1f} ms/page")
    ratio = rates["this tree"] / rates[ref]
    print(f"throughput: {rates[ref]:.2f} -> {rates['this tree']:.2f} pages/s, ratio {ratio:.2f} "
          f"(this tree / {ref}; target >= 0.85)\n")
    return ratio


def report_stages(name: str, times: dict[str, float], n_pages: int) -> float:
    total = sum(times.values())
    print(f"{name}: {n_pages / total:.2f} pages/s ({1000 * total / n_pages:.0f} ms/page)")
    for stage, seconds in times.items():
        print(f"    {stage:14s} {1000 * seconds / n_pages:7.1f} ms/page")
    return n_pages / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=12, help="PDFs in the corpus")
    parser.add_argument("--long-pages", type=int, default=300, help="pages of the long PDF")
    parser.add_argument("--baseline", help="a git commit or branch to compare this tree's throughput with")
    parser.add_argument("--compare-only", action="store_true", help="only the comparison with --baseline")
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per version in the comparison")
    parser.add_argument("--cli-only", action="store_true",
                        help="only the CLI's -j 1 / -j 2 scaling (beside --baseline's, if given)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        paths, n_pages = build_corpus(root / "corpus", args.docs)
        print(f"corpus: {len(paths)} PDFs, {n_pages} pages\n")
        if args.cli_only:
            trees = {"this tree": REPO}
            if args.baseline:
                trees = {args.baseline: export_tree(args.baseline, root / "baseline"), **trees}
            print(f"this tree: {describe()}" + (f"; baseline {describe(args.baseline)}" if args.baseline else ""))
            prepare_trees(trees, root / "cache")
            cli_scaling(trees, paths, n_pages, root, args.rounds)
            return
        if args.baseline:
            compare_with(args.baseline, paths, n_pages, root, args.rounds)
            if args.compare_only:
                return

        times = pipeline_times(paths)
        print(f"loading the models once: {times.pop('load models (once)'):.1f} s (not in the rates below)")
        ours = report_stages("pipeline, one core", times, n_pages)
        hand = report_stages("by hand (pdfplumber + natasha Doc + Dates/MoneyExtractor), one core",
                             hand_times(paths), n_pages)
        print(f"pipeline / by hand: {ours / hand:.2f}x (target >= 3x)\n")

        print(f"this tree: {describe()}")
        prepare_trees({"this tree": REPO}, root / "cache")
        # Start-up (imports, forking, loading models) is paid once per batch: measured
        # on one-page files and taken off, so scaling compares the work itself.
        tiny = [root / f"tiny_{i}.pdf" for i in range(2)]
        for path in tiny:
            write_pdf(path, paragraphs(SAMPLES[0].read_text(encoding="utf-8"))[:1])
        start_one, _ = run_cli(tiny[:1], root / "tiny1", "-j", "1")
        start_two, _ = run_cli(tiny, root / "tiny2", "-j", "2")
        one, rss_one = run_cli(paths, root / "out1", "-j", "1")
        two, rss_two = run_cli(paths, root / "out2", "-j", "2")
        print(f"CLI start-up (one-page files): -j 1 {start_one:.1f} s, -j 2 {start_two:.1f} s")
        print(f"CLI -j 1: {one:.1f} s, {n_pages / one:.2f} pages/s, peak RSS {rss_one} MB per worker")
        print(f"CLI -j 2: {two:.1f} s, {n_pages / two:.2f} pages/s, peak RSS {rss_two} MB per worker")
        print(f"scaling with 2 workers: {one / two:.2f}x wall, "
              f"{(one - start_one) / (two - start_two):.2f}x after start-up (target >= 1.8x)")
        again, _ = run_cli(paths, root / "out1", "-j", "1")
        print(f"rerun, nothing changed: {again:.2f} s = {100 * again / one:.1f}% of the first run "
              "(target <= 10%)\n")

        text = " ".join(" ".join(paragraphs(p.read_text(encoding="utf-8"))) for p in SAMPLES)
        peaks = {}
        for pages in (30, args.long_pages):
            path = root / f"long_{pages}.pdf"
            chunks = [f"Страница {i + 1}. " + text[(i * 1500) % (len(text) - 1500):][:1500]
                      for i in range(pages)]
            real_pages = write_pdf(path, chunks, page_per_block=True)
            seconds, peaks[pages] = run_cli([path], root / f"out_long_{pages}", "-j", "1",
                                            "--timeout", "0")
            print(f"{real_pages}-page PDF: {seconds:.1f} s, peak RSS {peaks[pages]} MB")
        print(f"memory growth from 30 to {args.long_pages} pages: "
              f"{peaks[args.long_pages] - peaks[30]} MB")
    print(f"\nthis process's own peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
