"""Hand annotations of Russian Wikinews articles from NEREL, stored without the articles' text.

NEREL (``../shared/data/nerel``, research use, never copied into the project) holds
Wikinews articles as brat ``.txt``/``.ann`` pairs. ``data/wikinews/README.md`` says how
the annotated articles were chosen (a keyword filter and a seeded draw, written in
``data/wikinews/split.json`` before the pipeline ran on any of them) and which are held
out. The annotations are stored as ``data/ovdinfo`` stores its pages: offsets into the
article's text with a short hash per span, names the annotator wrote as pieces copied
from the article plus the letters that differ, and the SHA-256 of every source file in
``data/wikinews/reference.json`` so that a changed file is caught, not silently misread.
The storage itself is ``scripts/ovdinfo_gold.py``'s (one article is one page).

Usage:
  python scripts/wikinews_gold.py select [--write]     # the keyword filter and the seeded draw
  python scripts/wikinews_gold.py text DOC             # an article's text, for annotating
  python scripts/wikinews_gold.py draft DOC            # NEREL's own entities as a draft snippet source
  python scripts/wikinews_gold.py store SRC.json ...   # snippet sources -> data/wikinews/gold/
  python scripts/wikinews_gold.py source DOC           # a stored article back as a snippet source
  python scripts/wikinews_gold.py review DOC           # every span of a stored article in context
  python scripts/wikinews_gold.py gold SPLIT DIR       # SPEC gold JSON, one file per article
  python scripts/wikinews_gold.py check                # every stored article decodes and matches

DOC is ``train/NNNN_text`` or ``dev/NNNN_text`` (NEREL's split and file stem); SPLIT is
``dev`` or ``heldout`` (ours, ``split.json``). NEREL is read from ``$NEREL_DIR`` or
``<repo>/../shared/data/nerel``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_gold  # noqa: E402
import ovdinfo_gold as store_kit  # noqa: E402  (offsets, hashes, name pieces: one storage for both sets)

DATA = ROOT / "data" / "wikinews"
GOLD = DATA / "gold"
READER = "the NEREL .txt file decoded as UTF-8, unchanged"

# ---------------------------------------------------------------- selection
# The words of the happenings the pipeline extracts. A stem list, not a lemmatiser: the
# filter must give the same candidates on any machine, whatever the installed models.
KEYWORDS = {
    "detention": r"задержа(?:н|л|ть|ни)\w*",
    "arrest": r"арест\w*",
    "sentence": r"приговор\w*|осужд[её]н\w*|осуди(?:л|ть)\w*",
    "fine": r"штраф\w*",
    "protest": r"митинг\w*|протест\w*|пикет\w*|демонстрац\w*",
    "search": r"обыск\w*",
    "expulsion": r"выдвор\w*|депорт\w*",
    "attack": r"напа(?:л|дени)\w*|избие\w*|избит\w*|избил\w*|пытк\w*|пыток",
    "custody": r"лишени[еяю]\s+свободы|колони[ияю]\s+(?:строгого|общего|особого)|СИЗО",
}
KEYWORD_PATTERN = re.compile(r"(?<![^\W\d_])(?:" + "|".join(KEYWORDS.values()) + r")", re.IGNORECASE)
MIN_HITS = 3        # keyword occurrences an article needs to be a candidate
MAX_CHARS = 2500    # longer articles are left out so that each can be annotated with care
SEED = 20261206_3   # random.Random(SEED).sample(candidates, DRAW)
DRAW = 24           # the first half of the draw is held out, the second half is development
NEREL_SPLITS = ("train", "dev")

# A second development draw (session 4), made from the candidates the first draw left, so
# that no held-out article can enter it. It prefers the stories the hidden set is
# made of (court cases, detentions, protests): a candidate enters the pool when the words of
# those happenings occur in it at least EXTENSION_MIN_HITS times. Written to split.json
# (``dev_extension``) before the pipeline ran on any of the drawn articles.
EXTENSION_KINDS = ("detention", "arrest", "sentence", "protest", "custody")
EXTENSION_MIN_HITS = 3
EXTENSION_SEED = 20261206_4  # random.Random(EXTENSION_SEED).sample(pool, EXTENSION_DRAW)
EXTENSION_DRAW = 10
# A third development draw (session 5), by the same rule from the pool the first two draws
# left, with its own seed. Written to split.json (``dev_extension_2``) and its hashes to
# reference.json before the pipeline ran on any of the drawn articles.
EXTENSION_2_SEED = 20261206_5
# A fourth development draw: session 6 drew it as the validation set, by the same rule from
# the pool the three development draws left (its entry in split.json, ``dev_extension_3``,
# is that draw exactly as made: rule, seed, pool, ``docs``). Its aggregate was looked at five
# times in session 6, so from session 7 it is development, and a fresh validation draw
# replaces it.
EXTENSION_3_SEED = 20261206_6
# A fifth development draw: session 7 drew it as the validation set, by the same rule from
# the pool the four development draws left (``dev_extension_4``, stored exactly as drawn).
# Its aggregate was looked at nine times in session 7, and session 8's trained steps need
# text that behaved like held-out to learn from, so from session 8 it is development, and a
# fresh validation draw replaces it.
EXTENSION_4_SEED = 20261206_7
# A sixth development draw: session 8 drew it as the validation set, by the same rule from
# the pool the five development draws left (``dev_extension_5``, stored exactly as drawn).
# Its aggregate was looked at three times in session 8 (all by the lead), and session 9's
# event work needs text that behaved like held-out to learn from, so from session 9 it is
# development, and a fresh validation draw replaces it.
EXTENSION_5_SEED = 20261206_8
# A seventh development draw: session 9 drew it as the validation set, by the same rule from
# the pool the six development draws left (``dev_extension_6``, stored exactly as drawn).
# Its aggregate was looked at three times in session 9 (all by the lead), and session 10's
# work needs text that behaved like held-out to learn from, so from session 10 it is
# development, and a fresh validation draw replaces it.
EXTENSION_6_SEED = 20261206_9
# An eighth development draw: session 10 drew it as the validation set (``dev_extension_7``,
# stored exactly as drawn). The pool of the rule above was nearly spent (three candidates
# left), so before drawing it was widened by a rule fixed in general words, chosen without
# reading any candidate's text or any pipeline output: the first filter with a length cap of
# WIDE_MAX_CHARS characters instead of MAX_CHARS, then the same kinds of happening
# (EXTENSION_KINDS, at least EXTENSION_MIN_HITS hits), over NEREL train only (every NEREL dev
# text is scored by the NEREL dev benchmark, benchmarks/ner_peers.py), never an article an
# earlier draw took. Its aggregate was looked at four times (all by the lead, sessions 10 and
# 11), so from session 12 it is development, and a fresh validation draw replaces it.
WIDE_MAX_CHARS = 3500
WIDE_SPLITS = ("train",)
EXTENSION_7_SEED = 20261207_10
# A ninth development draw: session 12 drew it as the validation set (``dev_extension_8``,
# stored exactly as drawn). Session 10's widened pool was nearly spent (five candidates
# left), so before drawing it was widened once more by a rule fixed in general words, chosen
# without reading any candidate's text or any pipeline output: the same widened filter with a
# length cap of WIDER_MAX_CHARS characters instead of WIDE_MAX_CHARS (still NEREL train only,
# so the NEREL dev benchmark keeps every document it scores), then the same kinds of
# happening, never an article an earlier draw took. Its pool held six candidates and the draw
# took them all. Its aggregate was looked at twice (both by the lead, session 12), so from
# session 13 it is development, and a fresh validation draw replaces it.
WIDER_MAX_CHARS = 5000
EXTENSION_8_SEED = 20261207_12
# The validation draw (session 13). Session 12's draw took every candidate of its widened
# pool (none left). Two wider length caps were fixed before drawing, and gave a pool of 0
# each (only the size was printed, no name, no text): 8,000 characters over NEREL train
# (35f731a), then over NEREL train and dev (2e22e2b). Counting the filter's outcomes then
# (sizes only) showed that no article a draw could take has the kinds of happening of the
# development draws (EXTENSION_KINDS) at least EXTENSION_MIN_HITS times, at any length under
# 8,000 characters, in either split; what remains of the first filter is its candidates whose
# happenings are of the other kinds (searches, fines, attacks, expulsions, or too few of any
# one kind). So the draw falls back to the first draw's own rule, fixed before drawing without
# reading any candidate's text or any pipeline output: the first filter (MIN_HITS keywords of
# any kind, at most MAX_CHARS characters, NEREL train and dev), no kinds requirement
# (ANY_KIND), never an article an earlier draw took. The held-out half was drawn by that rule.
# A NEREL dev text this draw takes is left out of the NEREL dev scores of
# benchmarks/ner_peers.py (which leaves out every validation article), as session 9's
# dev/304703_text was. Its role is to check that a change tuned on development material
# transfers: only its aggregate figures are printed, a few times a round, and its errors are
# never read. Written to split.json (``validation``) and its hashes to reference.json before
# any of its articles was annotated or run through the pipeline.
ANY_KIND = ("no candidate of the development draws' kinds is left under any cap up to 8,000 characters (pools of 0"
            " over train, then train and dev); the first filter alone, the held-out draw's rule, fixed before"
            " drawing, without reading any candidate; the NEREL dev benchmark leaves out the NEREL dev texts drawn")
VALIDATION_SEED = 20261207_13
VALIDATION_DRAW = 8  # or every candidate left, if fewer remain


class WikinewsGoldError(ValueError):
    """An annotation of a Wikinews article could not be stored or read back."""


def nerel_dir() -> Path:
    return Path(os.environ.get("NEREL_DIR") or ROOT.parent / "shared" / "data" / "nerel")


def source_path(doc: str) -> Path:
    return nerel_dir() / f"{doc}.txt"


def read_text(doc: str) -> str:
    path = source_path(doc)
    if not path.exists():
        raise WikinewsGoldError(f"{path} not found: NEREL is read from the shared folder")
    return path.read_bytes().decode("utf-8")


def keyword_hits(text: str) -> int:
    """How many times the text uses a keyword of the happenings we extract.

    >>> keyword_hits("Полиция задержала троих; суд назначил штраф, а не арест. Задержка рейса.")
    3
    """
    return len(KEYWORD_PATTERN.findall(text))


def candidates(max_chars: int = MAX_CHARS, splits: tuple[str, ...] = NEREL_SPLITS) -> list[str]:
    """Every NEREL article of the given splits that passes the filter, in a stable order
    (by default the first filter: train and dev, at most MAX_CHARS characters)."""
    found = []
    for split in splits:
        for path in sorted((nerel_dir() / split).glob("*.txt")):
            text = path.read_bytes().decode("utf-8")
            if len(text) <= max_chars and keyword_hits(text) >= MIN_HITS:
                found.append(f"{split}/{path.stem}")
    return found


def draw() -> dict:
    """The split: the seeded draw from the candidates, the first half held out."""
    pool = candidates()
    drawn = random.Random(SEED).sample(pool, DRAW)
    half = DRAW // 2
    return {"rule": {"keywords": KEYWORDS, "min_hits": MIN_HITS, "max_chars": MAX_CHARS,
                     "nerel_splits": list(NEREL_SPLITS)},
            "seed": SEED, "candidates": len(pool),
            "heldout": drawn[:half], "dev": drawn[half:]}


def kind_hits(text: str, kinds: tuple[str, ...]) -> int:
    """How many times the text uses the keywords of the given kinds of happening.

    >>> kind_hits("Суд арестовал его; митинг разогнали, на улице напали.", ("arrest", "protest"))
    2
    """
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(KEYWORDS[k] for k in kinds) + r")", re.IGNORECASE)
    return len(pattern.findall(text))


# Why each widened filter was widened, by its length cap (stored with the draw in split.json).
WIDENED = {
    WIDE_MAX_CHARS: "the first filter's pool was nearly spent (3 left); widened before drawing, without"
                    " reading any candidate; NEREL dev texts are scored by the NEREL dev benchmark",
    WIDER_MAX_CHARS: "session 10's widened pool was nearly spent (5 left); its length cap raised before"
                     " drawing, without reading any candidate; NEREL dev texts are scored by the NEREL"
                     " dev benchmark",
}


def draw_extension(first: dict, earlier: tuple[dict, ...] = (), seed: int = EXTENSION_SEED,
                   size: int = EXTENSION_DRAW, wide: int = 0, any_kind: bool = False) -> dict:
    """A further development draw: court, detention and protest stories no earlier draw took.

    ``wide``, a length cap in WIDENED, takes them from a widened filter (at most that many
    characters, NEREL train only: session 10's WIDE_MAX_CHARS, session 12's WIDER_MAX_CHARS)
    instead of the first filter's candidates. ``any_kind`` (session 13) drops the kinds
    requirement: every first-filter candidate no earlier draw took, as the first draw."""
    if wide and wide not in WIDENED:
        raise WikinewsGoldError(f"no widened filter with a cap of {wide} characters (WIDENED)")
    taken = set(first["heldout"]) | set(first["dev"])
    for drawn in earlier:
        taken |= set(drawn_docs(drawn))
    found = candidates(wide, WIDE_SPLITS) if wide else candidates()
    if wide and any_kind:
        raise WikinewsGoldError("a draw of any kind is the first filter's: no widened cap")
    pool = [doc for doc in found if doc not in taken
            and (any_kind or kind_hits(read_text(doc), EXTENSION_KINDS) >= EXTENSION_MIN_HITS)]
    which = "the first draw" if not earlier else "the earlier draws"
    rule = {"from": f"the candidates not in {which} (never a held-out article)",
            "kinds": list(EXTENSION_KINDS), "min_hits": EXTENSION_MIN_HITS}
    if any_kind:
        rule = {"from": rule["from"], "kinds": "any",
                "filter": {"keywords_min_hits": MIN_HITS, "max_chars": MAX_CHARS,
                           "nerel_splits": list(NEREL_SPLITS), "why": ANY_KIND}}
    if wide:
        rule["filter"] = {"keywords_min_hits": MIN_HITS, "max_chars": wide,
                          "nerel_splits": list(WIDE_SPLITS), "why": WIDENED[wide]}
    return {"rule": rule, "seed": seed, "pool": len(pool),
            "dev": random.Random(seed).sample(pool, min(size, len(pool)))}


# The further development draws, in order. The last six were drawn as validation draws and
# are stored as drawn (their articles under ``docs``, not ``dev``).
EXTENSIONS = ("dev_extension", "dev_extension_2", "dev_extension_3", "dev_extension_4", "dev_extension_5",
              "dev_extension_6", "dev_extension_7", "dev_extension_8")
VALIDATION = "validation"  # the validation draw: checks transfer, never tuned on
# Articles of the current validation draw withdrawn after it was made, each with why: development
# from then on (``split``), kept in the draw as drawn so that the draw still reproduces.
WITHDRAWN = {
    "train/39987_text": "development since round 13: a few lines of the pipeline's output on it were read by"
                        " an engineer who builds code (a NEREL harness ran on it before the draw reached"
                        " main), so it cannot check transfer",
}
SPLITS = ("heldout", "dev", VALIDATION)


def drawn_docs(drawn: dict) -> list[str]:
    """The articles of one further draw, whichever way it was stored."""
    return drawn["dev"] if "dev" in drawn else drawn["docs"]


def draw_validation(first: dict, extensions: tuple[dict, ...], seed: int = VALIDATION_SEED,
                    wide: int = 0, any_kind: bool = False) -> dict:
    """A validation draw: the rule of the development draws over what none of them took
    (``wide``: over a widened filter of that length cap, as the draws of sessions 10 and 12;
    ``any_kind``: the first filter's candidates of any kind, as session 13's draw)."""
    drawn = draw_extension(first, extensions, seed, VALIDATION_DRAW, wide, any_kind)
    return {"rule": {**drawn["rule"], "from": "the candidates not in the earlier draws"
                     " (never a held-out or development article)"},
            "seed": drawn["seed"], "pool": drawn["pool"], "docs": drawn["dev"]}


def every_draw() -> dict:
    """Every draw from NEREL, in the order they were made (what ``select`` writes)."""
    drawn = draw()
    drawn["dev_extension"] = draw_extension(drawn)
    drawn["dev_extension_2"] = draw_extension(drawn, (drawn["dev_extension"],), EXTENSION_2_SEED)
    drawn["dev_extension_3"] = draw_validation(drawn, (drawn["dev_extension"], drawn["dev_extension_2"]),
                                               EXTENSION_3_SEED)  # session 6's validation draw
    drawn["dev_extension_4"] = draw_validation(drawn, tuple(drawn[key] for key in EXTENSIONS[:3]),
                                               EXTENSION_4_SEED)  # session 7's validation draw
    drawn["dev_extension_5"] = draw_validation(drawn, tuple(drawn[key] for key in EXTENSIONS[:4]),
                                               EXTENSION_5_SEED)  # session 8's validation draw
    drawn["dev_extension_6"] = draw_validation(drawn, tuple(drawn[key] for key in EXTENSIONS[:5]),
                                               EXTENSION_6_SEED)  # session 9's validation draw
    drawn["dev_extension_7"] = draw_validation(drawn, tuple(drawn[key] for key in EXTENSIONS[:6]),
                                               EXTENSION_7_SEED, WIDE_MAX_CHARS)  # session 10's validation draw
    drawn["dev_extension_8"] = draw_validation(drawn, tuple(drawn[key] for key in EXTENSIONS[:7]),
                                               EXTENSION_8_SEED, WIDER_MAX_CHARS)  # session 12's validation draw
    drawn[VALIDATION] = draw_validation(drawn, tuple(drawn[key] for key in EXTENSIONS), any_kind=True)
    if WITHDRAWN:
        drawn[VALIDATION]["withdrawn"] = dict(WITHDRAWN)
    return drawn


def split() -> dict:
    """split.json as stored; ``dev`` is every development article (all nine draws and any article
    withdrawn from the validation draw); ``validation`` the validation draw less what was withdrawn."""
    stored = json.loads((DATA / "split.json").read_text(encoding="utf-8"))
    extra = [doc for key in EXTENSIONS if key in stored for doc in drawn_docs(stored[key])]
    drawn = stored.get(VALIDATION, {})
    # An article of the validation draw whose output someone who builds code has read is withdrawn:
    # development from then on, stored in the draw as drawn so that the draw still reproduces.
    withdrawn = [doc for doc in drawn.get("docs", []) if doc in drawn.get("withdrawn", {})]
    return {**stored, "dev": stored["dev"] + extra + withdrawn,
            VALIDATION: [doc for doc in drawn.get("docs", []) if doc not in withdrawn]}


def stored_split() -> dict:
    return json.loads((DATA / "split.json").read_text(encoding="utf-8"))


def split_of(doc: str) -> str:
    for name in SPLITS:
        if doc in split()[name]:
            return name
    raise WikinewsGoldError(f"{doc} is not in data/wikinews/split.json")


def reference_record(docs: list[str]) -> dict:
    return {"reader": READER, "nerel": "NEREL v1.1 (see the shared folder's SOURCE.txt)",
            "files": {doc: store_kit.sha256(source_path(doc).read_bytes()) for doc in docs}}


def verify_reference(doc: str) -> None:
    """Refuse to read offsets against a file that is not the one annotated."""
    stored = json.loads((DATA / "reference.json").read_text(encoding="utf-8"))["files"]
    if doc not in stored:
        raise WikinewsGoldError(f"{doc}: no reference hash in data/wikinews/reference.json")
    if store_kit.sha256(source_path(doc).read_bytes()) != stored[doc]:
        raise WikinewsGoldError(f"{source_path(doc)} differs from the file annotated (SHA-256)")


# ---------------------------------------------------------------- store and read back


def doc_path(doc: str) -> Path:
    return GOLD / f"{doc.replace('/', '.')}.json"


def doc_id(doc: str) -> str:
    """The pipeline's id for the article: its file stem (``train/123_text`` -> ``123_text``)."""
    return doc.split("/", 1)[1]


def build_record(source: dict, where: str) -> dict:
    doc = source["doc"]
    split_of(doc)
    verify_reference(doc)
    mentions, events = store_kit.stored_spans(source, (read_text(doc),), 1, where)
    return {"doc": doc, "mentions": mentions, "events": events}


def store(source: dict, where: str) -> Path:
    record = build_record(source, where)
    GOLD.mkdir(parents=True, exist_ok=True)
    path = doc_path(record["doc"])
    path.write_text(store_kit.render(record), encoding="utf-8")
    return path


def load_doc(doc: str) -> dict:
    verify_reference(doc)
    text = read_text(doc)
    record = json.loads(doc_path(doc).read_text(encoding="utf-8"))
    if record["doc"] != doc:
        raise WikinewsGoldError(f"{doc_path(doc).relative_to(ROOT)} names {record['doc']}")
    mentions, events = store_kit.restored_spans(record, (text,), 1, str(doc_path(doc).relative_to(ROOT)))
    return {"doc": doc, "text": text, "mentions": mentions, "events": events}


def as_source(loaded: dict) -> dict:
    source = store_kit.as_source({**loaded, "report": loaded["doc"], "page": 1})
    source.pop("report"), source.pop("page")
    return {"doc": loaded["doc"], **source}


def check_doc(doc: str) -> None:
    """A stored article reads back, and storing what it reads gives the same file."""
    again = store_kit.render(build_record(as_source(load_doc(doc)), doc))
    if again != doc_path(doc).read_text(encoding="utf-8"):
        raise WikinewsGoldError(f"{doc_path(doc).relative_to(ROOT)}: does not survive a round trip")


def stored_docs() -> list[str]:
    return [path.stem.replace(".", "/", 1) for path in sorted(GOLD.glob("*.json"))]


def gold_documents(name: str) -> list[dict]:
    """SPEC gold JSON, one document per annotated article of a split."""
    if name not in SPLITS:
        raise WikinewsGoldError(f"unknown split {name!r}")
    documents = []
    for doc in split()[name]:
        if not doc_path(doc).exists():
            continue  # drawn, not annotated (yet)
        loaded = load_doc(doc)
        documents.append({"doc_id": doc_id(doc), "text": loaded["text"],
                          "mention_types": list(build_gold.MENTION_TYPES),
                          "mentions": loaded["mentions"], "events": loaded["events"]})
    return documents


def write_gold(name: str, folder: Path) -> list[Path]:
    return store_kit.write_documents(gold_documents(name), folder)


def inputs(name: str) -> tuple[Path, ...]:
    """The NEREL files the pipeline runs on for a split: the annotated ones."""
    return tuple(source_path(doc) for doc in split()[name] if doc_path(doc).exists())


# ---------------------------------------------------------------- drafting

# NEREL types -> ours; a draft only: the annotator keeps, moves or drops every span.
DRAFT_TYPES = {"PERSON": "PER", "CITY": "LOC", "COUNTRY": "LOC", "STATE_OR_PROV": "LOC",
               "DISTRICT": "LOC", "LOCATION": "LOC", "ORGANIZATION": "ORG", "DATE": "DATE",
               "MONEY": "MONEY", "PENALTY": "TERM?", "NUMBER": "COUNT?", "FACILITY": "LOC?"}


def draft(doc: str) -> dict:
    """NEREL's outermost entities of the mapped types as a snippet source to correct by hand."""
    text = read_text(doc)
    spans = []
    for line in (nerel_dir() / f"{doc}.ann").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T") or ";" in parts[1]:
            continue  # relations, links, stray lines, discontinuous spans
        kind, start, end = parts[1].split()
        if kind in DRAFT_TYPES or kind in ("EVENT", "CRIME", "PENALTY"):
            spans.append((int(start), int(end), kind))
    spans.sort(key=lambda s: (s[0], -s[1]))
    mentions, events, last_end = [], [], -1
    for start, end, kind in spans:
        snippet, occ = store_kit.occurrence_of(text, start, end)
        entry = {"text": snippet, **({"occ": occ} if occ else {})}
        if kind in ("EVENT", "CRIME"):
            events.append({"hint": kind, **entry})
        elif start >= last_end:
            mentions.append({**entry, "type": DRAFT_TYPES[kind]})
            last_end = end
    return {"doc": doc, "mentions": mentions, "events": [], "nerel_events": events}


def review(loaded: dict) -> None:
    store_kit.review({**loaded})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("select").add_argument("--write", action="store_true",
                                          help="write split.json and reference.json (refuses to change a split)")
    for name in ("text", "draft", "source", "review"):
        sub.add_parser(name).add_argument("doc")
    sub.add_parser("store").add_argument("sources", nargs="+", type=Path)
    p = sub.add_parser("gold")
    p.add_argument("split", choices=SPLITS)
    p.add_argument("dir", type=Path)
    sub.add_parser("check")
    args = parser.parse_args(argv)
    try:
        if args.command == "select":
            drawn = every_draw()
            print(f"{drawn['candidates']} candidates; held out: {' '.join(drawn['heldout'])}; "
                  f"development: {' '.join(drawn['dev'])}")
            for key, which in zip(EXTENSIONS, ("second", "third", "fourth (session 6's validation)",
                                                 "fifth (session 7's validation)",
                                                 "sixth (session 8's validation)",
                                                 "seventh (session 9's validation)",
                                                 "eighth (session 10's validation)",
                                                 "ninth (session 12's validation)")):
                print(f"{which} development draw, {drawn[key]['pool']} in its pool: "
                      f"{' '.join(drawn_docs(drawn[key]))}")
            print(f"validation draw, {drawn[VALIDATION]['pool']} in its pool: {' '.join(drawn[VALIDATION]['docs'])}")
            path = DATA / "split.json"
            if path.exists():
                stored = json.loads(path.read_text(encoding="utf-8"))
                later = (*EXTENSIONS, VALIDATION)
                if {k: v for k, v in stored.items() if k not in later} != \
                        {k: v for k, v in drawn.items() if k not in later}:
                    raise WikinewsGoldError("the draw differs from data/wikinews/split.json: "
                                            "NEREL or the rule changed; the stored split stands")
                for key in later:
                    if key in stored and stored[key] != drawn[key]:
                        raise WikinewsGoldError(f"the {key} draw differs from data/wikinews/split.json")
                    if key not in stored and not args.write:  # a new draw is written, never assumed
                        raise WikinewsGoldError(f"the {key} draw is not in data/wikinews/split.json"
                                                " (select --write stores a new draw)")
            if args.write:
                DATA.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps(drawn, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                docs = (drawn["heldout"] + drawn["dev"] + [doc for key in EXTENSIONS for doc in drawn_docs(drawn[key])]
                        + drawn[VALIDATION]["docs"])
                (DATA / "reference.json").write_text(
                    json.dumps(reference_record(docs), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        elif args.command == "text":
            print(read_text(args.doc), end="")
        elif args.command == "draft":
            print(json.dumps(draft(args.doc), ensure_ascii=False, indent=1))
        elif args.command == "store":
            for src in args.sources:
                path = store(json.loads(src.read_text(encoding="utf-8")), str(src))
                record = json.loads(path.read_text(encoding="utf-8"))
                print(f"{path.relative_to(ROOT)}: {len(record['mentions'])} mentions, "
                      f"{len(record['events'])} events", file=sys.stderr)
        elif args.command == "source":
            print(json.dumps(as_source(load_doc(args.doc)), ensure_ascii=False, indent=1))
        elif args.command == "review":
            review(load_doc(args.doc))
        elif args.command == "gold":
            for path in write_gold(args.split, args.dir):
                print(path, file=sys.stderr)
        elif args.command == "check":
            for doc in stored_docs():
                check_doc(doc)
            print(f"{len(stored_docs())} articles checked", file=sys.stderr)
    except (WikinewsGoldError, store_kit.OvdGoldError, build_gold.GoldError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
