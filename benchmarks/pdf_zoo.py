"""Word recall and precision of PDF text, per PDF of the zoo: the pipeline beside three peers.

Builds the PDF zoo (``benchmarks.zoo``: every producer installed here, typesetting
sample statements, constructed statements and NEREL articles) unless a built one
is given, then reads every PDF in this one call with

- **pipeline**: ``pipeline.extract`` then ``pipeline.normalise`` (OCR where the
  text layer is missing or fails the quality gate, when Tesseract is installed);
- **pdftotext** (poppler, default mode), **pdfplumber** (``page.extract_text()``,
  its defaults) and **pypdfium2** (PDFium's text page, ``get_text_range()``).

Each text is scored against the words the PDF shows (the reference): recall is the
share of the reference's words found, precision the share of the text's words that
are in the reference (bags of case-folded ``\\w+`` words, so order and hyphen
forms do not count: a hyphen between letters joins them; footnote markers are not
words of the text). The peers' line-end hyphens are joined by the simple rule (before
a lower-case letter) so that they are not charged for hyphenation; the pipeline's
text is its clean text as it is.

The two OVD-Info reports (``../shared/data/ovdinfo``, read there, never copied) are
scored the same way against a reference made here at run time: pdfplumber's
default text of each page with the superscript footnote markers left out (a glyph
smaller than the glyph beside it and raised above its baseline) and soft hyphens
resolved (at a line end the word joined, elsewhere a hyphen).

    python -m benchmarks.pdf_zoo [--zoo build/pdf_zoo] [--rebuild] [--ci] [--json scores.json]

Targets: >= 0.98 recall and precision on every text-layer PDF and on the OVD-Info
reports, >= 0.95 on every PDF without a usable text layer (after OCR), and no PDF
whose text fails the quality gate reported as a plain ``ok``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ZOO = REPO / "build" / "pdf_zoo"
OVDINFO = Path(os.environ.get("OVDINFO_DIR") or REPO.parent / "shared" / "data" / "ovdinfo")
READERS = ("pipeline", "pdftotext", "pdfplumber", "pypdfium2")
TEXT_TARGET, OCR_TARGET = 0.98, 0.95

_WORD = re.compile(r"\w+")
# A hyphen between letters joins them (hyphen, soft hyphen, Unicode hyphens).
_LETTER_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010\u2011\u0002\ufffe](?=[^\W\d_])")
# A line-end hyphen as peers print it: ASCII, Unicode hyphen, soft hyphen; PDFium's own
# text marks one U+0002 or U+FFFE and joins the lines itself.
_PEER_HYPHEN = re.compile(r"(\w)[-\u00ad\u2010\u0002\ufffe]\n(?=[a-zа-яё])")


def word_list(text: str) -> list[str]:
    """The case-folded words of a text in order; a hyphen between letters joins them."""
    text = _LETTER_HYPHEN.sub("", text)
    return [w.casefold().replace("ё", "е") for w in _WORD.findall(text)]


def pairs(text: str) -> Counter[tuple[str, str]]:
    """Neighbouring words: a text read across two columns breaks most of them.

    >>> sorted(pairs("Суд оштрафовал троих"))
    [('оштрафовал', 'троих'), ('суд', 'оштрафовал')]
    """
    found = word_list(text)
    return Counter(zip(found, found[1:]))


def words(text: str) -> Counter[str]:
    """The bag of case-folded words of a text; a hyphen between letters joins them.

    A compound broken at a line end may come out with its hyphen or without it,
    and PDFs print compound hyphens as soft hyphens: those choices are not
    scored. Between digits a hyphen or dash separates (``2011-2014`` is two words).

    >>> sorted(words("ОВД-Инфо: 2011—2014, ОВД\u00adИнфо").items())
    [('2011', 1), ('2014', 1), ('овдинфо', 2)]
    """
    return Counter(word_list(text))


def join_peer_hyphens(text: str) -> str:
    """A peer's line-end hyphenation joined before a lower-case letter.

    >>> join_peer_hyphens("бастую-\\nщих Алма-\\nАты")
    'бастующих Алма-\\nАты'
    """
    return _PEER_HYPHEN.sub(r"\1", text)


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float
    seconds: float
    status: str = ""  # the pipeline's: ok, ok+warnings, error
    order: float | None = None  # share of the reference's neighbouring word pairs found as neighbours

    def meets(self, target: float) -> bool:
        return self.recall >= target and self.precision >= target


def score(reference: Counter, got: Counter, seconds: float, status: str = "",
          reference_pairs: Counter | None = None, got_pairs: Counter | None = None) -> Score:
    common = sum((reference & got).values())
    recall = common / max(sum(reference.values()), 1)
    precision = common / sum(got.values()) if got else 0.0
    order = None
    if reference_pairs is not None and got_pairs is not None:
        order = round(sum((reference_pairs & got_pairs).values()) / max(sum(reference_pairs.values()), 1), 4)
    return Score(round(recall, 4), round(precision, 4), round(seconds, 3), status, order)


# ------------------------------------------------------------------ readers


def read_pipeline(path: Path) -> tuple[str, str]:
    """The pipeline's clean text and its status as ``testimony run`` would give it."""
    from pipeline.errors import PipelineError
    from pipeline.extract import extract
    from pipeline.normalise import normalise

    try:
        document = extract(path, path.stem, ocr=True)
    except PipelineError as error:
        return "", f"error: {str(error).split(': ', 1)[-1][:120]}"
    clean = normalise(document.text).text
    return clean, "ok+warnings" if document.warnings else "ok"


def read_pdftotext(path: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=300)
    return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""


def read_pdfplumber(path: Path) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    except Exception:  # noqa: BLE001 - a peer that cannot read a file scores zero
        return ""


def read_pypdfium2(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        pdf.close()


def read_all(path: Path) -> dict[str, tuple[str | None, float, str]]:
    """Every reader's text of one PDF, with its seconds and (the pipeline's) status."""
    out: dict[str, tuple[str | None, float, str]] = {}
    for name in READERS:
        started = time.perf_counter()
        if name == "pipeline":
            text, status = read_pipeline(path)
        else:
            text, status = globals()[f"read_{name}"](path), ""
            text = join_peer_hyphens(text.replace("\r\n", "\n")) if text is not None else None
        out[name] = (text, time.perf_counter() - started, status)
    return out


def score_pdf(path: Path, reference: str) -> dict[str, Score | None]:
    ref, ref_pairs = words(reference), pairs(reference)
    return {name: None if text is None else score(ref, words(text), seconds, status, ref_pairs, pairs(text))
            for name, (text, seconds, status) in read_all(path).items()}


# ----------------------------------------------------------- OVD-Info reference


def _superscripts(chars: list[dict]) -> set[int]:
    """Indices of glyphs set as superscripts: smaller than a glyph beside them on the
    line and raised above its baseline by more than a tenth of its size."""
    raised = set()
    for i, char in enumerate(chars):
        for j in (i - 1, i + 1):
            if not 0 <= j < len(chars) or not chars[j]["text"].strip():
                continue
            other = chars[j]
            near = abs(char["x0"] - other["x1"]) < other["size"] or abs(other["x0"] - char["x1"]) < other["size"]
            rise = char["matrix"][5] - other["matrix"][5]
            if near and char["size"] < 0.95 * other["size"] and 0.1 * other["size"] < rise < 0.8 * other["size"]:
                raised.add(i)
                break
    # A marker of two digits: the second is raised against the first's neighbour.
    for i in sorted(raised):
        if i + 1 < len(chars) and chars[i + 1]["size"] == chars[i]["size"] and chars[i + 1]["text"].isdigit():
            raised.add(i + 1)
    return raised


def resolve_soft_hyphens(text: str) -> str:
    """A soft hyphen at a line end joins the word; elsewhere it is the hyphen it shows.

    >>> resolve_soft_hyphens("бизнес\\u00adструктуры обще\\u00ad\\nственные")
    'бизнес-структуры общественные'
    """
    text = re.sub(r"\u00ad[ \t]*\n", "", text)
    return text.replace("\u00ad", "-")


def ovdinfo_reference(path: Path) -> str:
    """pdfplumber's default text of every page, footnote markers out, soft hyphens resolved."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = page.chars
            drop = {id(chars[i]) for i in _superscripts(chars)}
            kept = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in drop)
            pages.append(kept.extract_text() or "")
            page.close()
    return resolve_soft_hyphens("\n".join(pages))


# --------------------------------------------------------------------- report


def _fmt(value: Score | None) -> str:
    return "   n/a     " if value is None else f"{value.recall:.3f} {value.precision:.3f}"


def print_table(rows: list[dict]) -> None:
    print(f"{'PDF':48s} {'kind':5s} " + " ".join(f"{name:>11s}" for name in READERS) + "  pipeline status")
    print(f"{'':48s} {'':5s} " + " ".join(f"{'R     P':>11s}" for _ in READERS))
    for row in rows:
        flag = "" if row["meets"] else "  <-- below target"
        print(f"{row['name'][:48]:48s} {row['kind']:5s} "
              + " ".join(_fmt(row["scores"][name]) for name in READERS) + f"  {row['scores']['pipeline'].status}{flag}")


def by_producer(rows: list[dict]) -> list[dict]:
    """Per producer: the worst recall and precision of its PDFs, per reader."""
    out: dict[str, dict] = {}
    for row in rows:
        entry = out.setdefault(row["producer"], {"producer": row["producer"], "kind": row["kind"], "n": 0, "worst": {}})
        entry["n"] += 1
        for name, value in row["scores"].items():
            if value is None:
                continue
            recall, precision = entry["worst"].get(name, (1.0, 1.0))
            entry["worst"][name] = (min(recall, value.recall), min(precision, value.precision))
    return list(out.values())


def print_order(rows: list[dict]) -> None:
    """Mean share of neighbouring word pairs kept, per producer and reader: columns read across lose them."""
    print("\nword order (share of the reference's neighbouring word pairs found), mean per producer:")
    print("| producer | " + " | ".join(READERS) + " |")
    print("|" + " --- |" * (1 + len(READERS)))
    producers = dict.fromkeys(row["producer"] for row in rows)
    for producer in producers:
        cells = []
        for name in READERS:
            values = [row["scores"][name].order for row in rows
                      if row["producer"] == producer and row["scores"][name] is not None]
            cells.append(f"{sum(values) / len(values):.2f}" if values else "n/a")
        print(f"| {producer} | " + " | ".join(cells) + " |")


def print_producers(summary: list[dict]) -> None:
    print("\nper producer, worst PDF (recall / precision):")
    print("| producer | kind | PDFs | " + " | ".join(READERS) + " |")
    print("|" + " --- |" * (3 + len(READERS)))
    for entry in summary:
        cells = [f"{r:.2f} / {p:.2f}" if (r, p) != (None, None) else "n/a"
                 for r, p in (entry["worst"].get(name, (None, None)) for name in READERS)]
        print(f"| {entry['producer']} | {entry['kind']} | {entry['n']} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zoo", type=Path, default=DEFAULT_ZOO, help="folder of a built zoo (built if missing)")
    parser.add_argument("--rebuild", action="store_true", help="build the zoo again")
    parser.add_argument("--ci", action="store_true", help="the small CI part: one text per CI producer")
    parser.add_argument("--producers", help="comma-separated producer names (default: all installed)")
    parser.add_argument("--no-ovdinfo", action="store_true", help="leave out the OVD-Info reports")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)

    from benchmarks.zoo import MANIFEST, build, read_manifest
    from benchmarks.zoo.producers import PRODUCERS

    producers = PRODUCERS
    if args.producers:
        wanted = set(args.producers.split(","))
        producers = tuple(p for p in PRODUCERS if p.name in wanted)
    if args.ci:
        producers = tuple(p for p in producers if p.ci)
    if args.rebuild or not (args.zoo / MANIFEST).is_file():
        started = time.perf_counter()
        build(args.zoo, producers, per_producer=1 if args.ci else 3, log=lambda line: None)
        print(f"zoo built in {args.zoo} in {time.perf_counter() - started:.0f} s")
    manifest = read_manifest(args.zoo)
    for name, reason in manifest["skipped"].items():
        print(f"skipped {name}: {reason}")
    for name, reason in manifest["failed"].items():
        print(f"FAILED to make {name}: {reason}")

    rows = []
    names = {p.name for p in producers}
    for entry in manifest["entries"]:
        if entry["producer"] not in names:
            continue
        reference = (args.zoo / entry["reference"]).read_text(encoding="utf-8")
        scores = score_pdf(args.zoo / entry["pdf"], reference)
        target = TEXT_TARGET if entry["kind"] == "text" else OCR_TARGET
        rows.append({"name": entry["name"], "producer": entry["producer"], "kind": entry["kind"],
                     "scores": scores, "meets": scores["pipeline"].meets(target)})
    if not args.no_ovdinfo and OVDINFO.is_dir():
        for path in sorted(OVDINFO.glob("*.pdf")):
            scores = score_pdf(path, ovdinfo_reference(path))
            rows.append({"name": f"ovdinfo__{path.stem}", "producer": "ovdinfo (real)", "kind": "text",
                         "scores": scores, "meets": scores["pipeline"].meets(TEXT_TARGET)})
    elif not args.no_ovdinfo:
        print(f"OVD-Info reports not found at {OVDINFO}: left out")

    print_table(rows)
    summary = by_producer(rows)
    print_producers(summary)
    print_order(rows)
    below = [row["name"] for row in rows if not row["meets"]]
    plain_ok_failing = [row["name"] for row in rows if row["scores"]["pipeline"].status == "ok"
                        and row["scores"]["pipeline"].recall < 0.5]
    print(f"\n{len(rows) - len(below)}/{len(rows)} PDFs meet their target"
          + (f"; below: {', '.join(below)}" if below else ""))
    print(f"unreadable text passed as plain ok: {len(plain_ok_failing)}"
          + (f" ({', '.join(plain_ok_failing)})" if plain_ok_failing else ""))
    if args.json:
        args.json.write_text(json.dumps(
            [{**row, "scores": {k: asdict(v) if v else None for k, v in row["scores"].items()}} for row in rows],
            ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
