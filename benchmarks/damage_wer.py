"""How much PDF/OCR damage the normaliser repairs: word error rate after repair.

Damages clean Russian texts many times with different seeds (``benchmarks.damage``),
normalises damaged and undamaged text, and reports the word error rate (word-level
edit distance over whitespace tokens) between the two, per damage kind and overall.
Running headers are removed at extraction (``pipeline.extract.layout``); the
``headers`` kind is measured through that module and reported apart.

    python -m benchmarks.damage_wer [--seeds 20]
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from benchmarks.damage import DEFAULT_KINDS, KINDS, damage
from pipeline.normalise import normalise
from pipeline.records import PAGE_BREAK

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "data" / "raw").glob("*.txt"))

# Clean text written for this benchmark: compounds, names, numbers, quotes, lists.
EXTRA_TEXT = """\
ЗАЯВЛЕНИЕ
Правозащитного центра «Кадр» о преследовании участников мирных собраний
г. Алматы, 12 апреля 2013 г.
Утром 5 апреля 2013 года сотрудники полиции задержали в Алма-Ате четверых активистов интернет-сообщества, которые кое-как успели сообщить о задержании по телефону. Северо-восточная окраина города была оцеплена с семи часов утра, а журналистов не пустили на площадь.
Нам известно следующее:
1) Серик Жумабаев был доставлен в Алмалинское районное управление внутренних дел и осужден на десять суток административного ареста;
2) Ольга Петренко оштрафована на 50 000 тенге (около 330 долларов США);
3) судьба двоих задержанных до сих пор неизвестна.
Мы требуем немедленно освободить задержанных и прекратить давление на гражданских активистов — так называемые «профилактические беседы» с родственниками, вызовы в акимат и угрозы увольнением.
Исполнительный директор А.С. Нурланова"""


def word_errors(reference: str, hypothesis: str) -> int:
    """Word-level edits turning ``reference`` into ``hypothesis`` (whitespace tokens).

    Counted over the differing stretches of a word diff: each stretch costs its
    longer side, an upper bound of the Levenshtein distance that is exact for the
    scattered, local differences repair leaves.

    >>> word_errors("задержаны и осуждены", "задержаны и осу ждены")
    2
    """
    ref, hyp = reference.split(), hypothesis.split()
    matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )


def strip_running_lines(text: str) -> str:
    """Remove running headers, footers and page numbers the way extraction does."""
    from pipeline.extract.layout import remove_running_lines

    pages = [page.split("\n") for page in text.split(PAGE_BREAK)]
    return PAGE_BREAK.join("\n".join(lines) for lines in remove_running_lines(pages))


@dataclass
class Tally:
    errors: int = 0
    words: int = 0
    runs: int = 0

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 0.0


def clean_texts() -> dict[str, str]:
    """The clean (normalised) texts the benchmark damages."""
    texts = {path.stem: normalise(path.read_text(encoding="utf-8")).text for path in SAMPLES}
    texts["extra"] = normalise(EXTRA_TEXT).text
    return texts


def measure(seeds: int, texts: dict[str, str] | None = None, show_worst: int = 0) -> dict[str, Tally]:
    """WER per damage kind (each alone, on top of wrapping) and for all kinds mixed."""
    texts = texts if texts is not None else clean_texts()
    scenarios = {kind: (kind,) for kind in KINDS} | {"mixed": DEFAULT_KINDS, "wrap_only": ()}
    tallies = {name: Tally() for name in scenarios}
    worst = []
    for name, kinds in scenarios.items():
        for seed in range(seeds):
            for text_name, clean in texts.items():
                damaged = damage(clean, kinds, seed=seed * 7919 + zlib.crc32(name.encode()) % 1000)
                if "headers" in kinds:
                    damaged = strip_running_lines(damaged)
                repaired = normalise(damaged).text
                errors = word_errors(clean, repaired)
                tally = tallies[name]
                tally.errors += errors
                tally.words += len(clean.split())
                tally.runs += 1
                if errors:
                    worst.append((errors, name, seed, text_name, clean, repaired))
    for errors, name, seed, text_name, clean, repaired in sorted(worst, reverse=True)[:show_worst]:
        print(f"--- {errors} errors: {name} seed {seed} {text_name}", file=sys.stderr)
        ref, hyp = clean.split(), repaired.split()
        matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                print(f"  {' '.join(ref[i1:i2])!r} -> {' '.join(hyp[j1:j2])!r}", file=sys.stderr)
    return tallies


def overall(tallies: dict[str, Tally]) -> float:
    """WER over every scenario the normaliser answers for (headers are extraction's)."""
    kept = [t for name, t in tallies.items() if name != "headers"]
    words = sum(t.words for t in kept)
    return sum(t.errors for t in kept) / words if words else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--show-worst", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    tallies = measure(args.seeds, show_worst=args.show_worst)
    for name, tally in tallies.items():
        note = "  (extraction's job; not in overall)" if name == "headers" else ""
        print(f"{name:15s} WER {tally.wer:7.3%}  ({tally.errors} / {tally.words} words, {tally.runs} runs){note}")
    print(f"{'overall':15s} WER {overall(tallies):7.3%}")
    print(f"took {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
