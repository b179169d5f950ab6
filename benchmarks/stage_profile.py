"""Where the tag and events stages spend their CPU: cProfile over one stage at a time.

    python -m benchmarks.stage_profile [--corpus throughput|nerel] [--docs 24] [--top 25]

``throughput`` is the 108-page PDF corpus of :mod:`benchmarks.throughput` (its own builder);
``nerel`` is the NEREL dev texts as :mod:`benchmarks.ner_peers` reads them (without the
held-out and validation Wikinews articles). Extract, normalise and segment run first,
unprofiled; then tag over every document under the profiler, then events. Models are loaded
and the stages warmed up on a text of their own before anything is counted. Prints CPU
seconds per stage (``time.process_time``) and, per stage, the top functions by cumulative
time, ours (``pipeline/``) marked with ``*``, and the top functions by own time. The profiler's clock is
``time.process_time``: CPU of this process, not the wall time other work on the machine
stretches.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path


def clean_texts(corpus: str, docs: int) -> list:
    """The clean texts (``CleanText``) of the corpus (extract and normalise run here, unprofiled)."""
    from pipeline.normalise import normalise

    if corpus == "nerel":
        from benchmarks.ner_peers import default_nerel, nerel_texts

        paths, _ = nerel_texts(default_nerel() / "dev")
        return [normalise(p.read_text(encoding="utf-8")) for p in paths]
    from benchmarks.throughput import build_corpus
    from pipeline.extract import extract

    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = build_corpus(Path(tmp), docs)
        return [normalise(extract(p, p.stem, True).text) for p in paths]


def ours(filename: str) -> bool:
    return "/pipeline/" in filename and "site-packages" not in filename


def report(profile: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profile)
    rows = [(key, value) for key, value in stats.stats.items()]  # type: ignore[attr-defined]
    for title, column in (("cumulative", 3), ("own", 2)):
        print(f"  top {top} by {title} CPU s (* ours)")
        for (filename, line, name), value in sorted(rows, key=lambda r: -r[1][column])[:top]:
            mark = "*" if ours(filename) else " "
            where = filename.split("/pipeline/")[-1] if ours(filename) else Path(filename).name
            print(f"  {mark} {value[column]:7.3f}  {value[1]:>8}  {where}:{line} {name}")


def main(argv: list[str] | None = None) -> None:
    from pipeline.batch.workers import single_thread_env

    single_thread_env()  # before numpy: one BLAS thread, as the CLI's workers have
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=("throughput", "nerel"), default="throughput")
    parser.add_argument("--docs", type=int, default=24)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)

    from pipeline.analysis import events_of
    from pipeline.batch.run import warm_up
    from pipeline.nlp import load_models
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    models = load_models()
    warm_up(models)
    texts = clean_texts(args.corpus, args.docs)
    sentences = [split_sentences(t.text) for t in texts]
    print(f"{args.corpus}: {len(texts)} documents, {sum(len(t.text) for t in texts)} characters")

    tagged, cpu = [], {}
    profile = cProfile.Profile(time.process_time)
    start = time.process_time()
    profile.enable()
    for text in texts:
        tagged.append(tag_mentions(text.text, models))
    profile.disable()
    cpu["tag"] = time.process_time() - start
    print(f"tag: {cpu['tag']:.2f} s CPU under the profiler")
    report(profile, args.top)

    profile = cProfile.Profile(time.process_time)
    start = time.process_time()
    profile.enable()
    for text, sents, (doc_date, mentions) in zip(texts, sentences, tagged):
        events_of(text, sents, mentions, models, doc_date)
    profile.disable()
    cpu["events"] = time.process_time() - start
    print(f"events: {cpu['events']:.2f} s CPU under the profiler")
    report(profile, args.top)


if __name__ == "__main__":
    main()
