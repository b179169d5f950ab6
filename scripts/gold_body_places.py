"""Bring gold sets to the body-with-its-place convention (session 11, issue 13).

A body named by its common noun with the city or region it serves right after it
(``мэрия`` + ``Бишкека``, ``суд`` + ``Ленинского района`` + ``г. Бишкека``) was annotated
as an ORG and a LOC; the guideline now makes it one ORG (``мэрия Бишкека``), as NEREL and
FactRuEval do. Gold is flat (``data/annotated/README.md``), so the LOC goes into the ORG.
The rule is mechanical: a gold ORG whose name is a state body named by its common noun
(:func:`pipeline.tag.body_places.served_place_body_end`), followed by a space or a city
marker (``г.``, ``города``) and a LOC that is no country and may be read in the genitive,
takes that LOC in, again while another such LOC follows. Its ``normal`` is its old normal
with the words after it as written (``мэрия`` → ``мэрия Бишкека``). Offsets and labels only.

    python scripts/gold_body_places.py SET ...          # list the joins a set would get
    python scripts/gold_body_places.py SET ... --write  # and write them to its sources

SET is one of ``data/annotated``, ``data/dev`` (snippet sources, then ``build_gold.py``),
``ovdinfo:dev``, ``wikinews:dev`` (text-free stores). The held-out and validation sets are
for the lead to bring over; this script never opens them unless named.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_gold  # noqa: E402
import ovdinfo_gold  # noqa: E402
import wikinews_gold  # noqa: E402
from pipeline.nlp import parse_word  # noqa: E402
from pipeline.tag.body_places import PLACE_GAP, served_place_body_end  # noqa: E402
from pipeline.tag.gazetteer import place_kind  # noqa: E402
from pipeline.tag.inflect import is_abbreviation  # noqa: E402
from pipeline.tag.orgs import is_unnamed_body  # noqa: E402

_WORD = re.compile(r"(?<![\w-])[^\W\d_]+")


def joins(text: str, mentions: list[dict]) -> list[tuple[int, list[int]]]:
    """(index of an ORG, indices of the LOCs it takes in) for a flat gold document.

    >>> text = "Иск отклонил суд Ленинского района г. Омска, а мэрия Японии молчит."
    >>> found = [{"type": "ORG", "start": 13, "end": 16}, {"type": "LOC", "start": 17, "end": 34},
    ...          {"type": "LOC", "start": 38, "end": 43},
    ...          {"type": "ORG", "start": 47, "end": 52},
    ...          {"type": "LOC", "start": 53, "end": 59, "normal": "Япония"}]
    >>> joins(text, found)
    [(0, [1, 2])]
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i]["start"])
    at = {mentions[i]["start"]: i for i in order if mentions[i]["type"] == "LOC"}
    found = []
    for i in order:
        org = mentions[i]
        if org["type"] != "ORG":
            continue
        end, taken = org["end"], []
        while (gap := PLACE_GAP.match(text, end)) and (j := at.get(gap.end())) is not None:
            place = mentions[j]
            surface = text[place["start"] : place["end"]]
            kind = place_kind(place.get("normal") or surface)
            first = surface.split()[0]
            genitive = gap.end() - gap.start() > 1 or is_abbreviation(first) or \
                any(p.tag.case == "gent" for p in parse_word(first))  # after ``г.``, ``города``: the genitive
            country = kind is not None and kind[0] == "country"
            if not genitive or served_place_body_end(text[org["start"] : place["end"]],
                                                      place["start"] - org["start"], country) is None:
                break
            taken.append(j)
            end = place["end"]
        if taken:
            found.append((i, taken))
    return found


def untagged_courts(text: str, mentions: list[dict]) -> list[dict]:
    """ORGs for court nouns left untagged right before a place that says which court
    (``Суд`` + ``Милана``): the guideline since session 7 (a lone ``суд`` is no ORG, one
    with its place is), missed by the annotator; to be joined with the place.

    >>> found = untagged_courts("Суд Милана вынес приговор.", [{"type": "LOC", "start": 4, "end": 10}])
    >>> [(m["start"], m["end"], m["normal"]) for m in found]
    [(0, 3, 'Суд')]
    """
    places = {m["start"] for m in mentions if m["type"] == "LOC"}
    taken = [(m["start"], m["end"]) for m in mentions]
    found = []
    for word in _WORD.finditer(text):
        gap = PLACE_GAP.match(text, word.end())
        if not gap or gap.end() not in places or any(a < word.end() and word.start() < b for a, b in taken):
            continue
        if not is_unnamed_body(word.group()):
            continue
        lemma = next(p.normal_form for p in parse_word(word.group()) if p.tag.POS == "NOUN")
        normal = (lemma[:1].upper() + lemma[1:]) if word.group()[:1].isupper() else lemma
        found.append({"type": "ORG", "start": word.start(), "end": word.end(), "text": word.group(), "normal": normal})
    return found


def joined(text: str, mentions: list[dict]) -> list[dict]:
    """The mentions with each join made: the ORG widened, its LOCs gone."""
    gone: set[int] = set()
    result = [dict(m) for m in mentions]
    for i, taken in joins(text, mentions):
        org, end = result[i], mentions[taken[-1]]["end"]
        org["normal"] = joined_normal(org.get("normal") or text[org["start"] : org["end"]], text[org["end"] : end])
        org["end"] = end
        org["text"] = text[org["start"] : end]
        gone.update(taken)
    return [m for k, m in enumerate(result) if k not in gone]


def joined_normal(normal: str, after: str) -> str:
    """A body's normal with the place after it as written (``мэрия`` + `` Бишкека``).

    >>> joined_normal("Акимат", " г.Алматы")
    'Акимат г.Алматы'
    """
    return normal + " " + " ".join(after.split())


def snippet_set(folder: str, write: bool) -> int:
    """A snippet-source set: each join's ORG entry rewritten, its LOC entries removed."""
    gold_set = next(s for s in build_gold.GOLD_SETS if s.folder == folder)
    count = 0
    for source_path in gold_set.source_files():
        source = json.loads(source_path.read_text(encoding="utf-8"))
        doc = json.loads(gold_set.output_path(source_path.stem).read_text(encoding="utf-8"))
        text = doc["text"]

        def entry_of(m: dict) -> int:
            snippet, occ = build_gold_occurrence(text, m["start"], m["end"])
            for k, e in enumerate(source["mentions"]):
                if e["type"] == m["type"] and " ".join(e["text"].split()) == snippet and \
                        (e.get("occ") == occ or (occ is None and e.get("occ") == 1)):
                    return k
            raise SystemExit(f"{source_path}: no source entry for {m['type']} {snippet!r} occ {occ}")

        found = joins(text, doc["mentions"])
        source_before = [dict(e) for e in source["mentions"]]
        drop: set[int] = set()
        for i, taken in found:
            org = doc["mentions"][i]
            end = doc["mentions"][taken[-1]]["end"]
            print(f"{source_path.name}: {text[org['start']:end]!r}")
            count += 1
            k = entry_of(org)
            snippet, occ = build_gold_occurrence(text, org["start"], end)
            entry = {key: value for key, value in source["mentions"][k].items() if key != "occ"}
            entry["text"] = snippet
            if occ is not None:
                entry = {"type": entry["type"], "text": snippet, "occ": occ,
                         **{key: v for key, v in entry.items() if key not in ("type", "text")}}
            entry["normal"] = joined_normal(entry.get("normal") or org["text"], text[org["end"] : end])
            source["mentions"][k] = entry
            drop.update(entry_of(doc["mentions"][j]) for j in taken)
        if found and write:
            replaced = {json.dumps(source_before[k], ensure_ascii=False): e for k, e in enumerate(source["mentions"])
                        if e != source_before[k]}
            dropped = {json.dumps(source_before[k], ensure_ascii=False) for k in drop}
            source_path.write_text(edit_lines(source_path.read_text(encoding="utf-8"), replaced, dropped),
                                   encoding="utf-8")
    return count


def edit_lines(content: str, replaced: dict[str, dict], dropped: set[str]) -> str:
    """A snippet source with the mention lines named by their entries replaced or dropped;
    every other line, blank ones included, as it was."""
    lines = []
    for line in content.splitlines(keepends=True):
        stripped = line.strip()
        body = stripped[:-1] if stripped.endswith(",") else stripped
        try:
            key = json.dumps(json.loads(body), ensure_ascii=False) if body.startswith("{\"type\"") else None
        except json.JSONDecodeError:
            key = None
        if key in dropped:
            if not stripped.endswith(","):  # the last entry: the line before loses its comma
                lines[-1] = lines[-1].rstrip("\n").rstrip(",") + "\n"
            continue
        if key in replaced:
            indent = line[: len(line) - len(line.lstrip())]
            line = indent + json.dumps(replaced[key], ensure_ascii=False) + ("," if stripped.endswith(",") else "") + "\n"
        lines.append(line)
    return "".join(lines)


def build_gold_occurrence(text: str, start: int, end: int) -> tuple[str, int | None]:
    """The snippet and 1-based occurrence that ``build_gold.locate`` turns back into ``start, end``."""
    snippet = " ".join(text[start:end].split())
    starts = [m.start() for m in build_gold.snippet_pattern(snippet).finditer(text)]
    return snippet, (starts.index(start) + 1 if len(starts) > 1 else None)


def stored_set(kind: str, split: str, write: bool) -> int:
    """A text-free set: each document loaded, joined, stored back."""
    count = 0
    if kind == "ovdinfo":
        wanted = ovdinfo_gold.splits()
        items = [(report, page) for report, splits in wanted.items() for page in splits[split]
                 if ovdinfo_gold.page_path(report, page).exists()]
        loads = [(ovdinfo_gold.load_page(r, p), ovdinfo_gold) for r, p in items]
    else:
        loads = [(wikinews_gold.load_doc(doc), wikinews_gold) for doc in wikinews_gold.split()[split]
                 if wikinews_gold.doc_path(doc).exists()]
    for loaded, store in loads:
        text = loaded["text"]
        courts = untagged_courts(text, loaded["mentions"])
        loaded = dict(loaded, mentions=sorted(loaded["mentions"] + courts, key=lambda m: (m["start"], m["end"])))
        found = joins(text, loaded["mentions"])
        for i, taken in found:
            org = loaded["mentions"][i]
            print(f"{loaded.get('doc') or (loaded['report'], loaded['page'])}: "
                  f"{text[org['start']:loaded['mentions'][taken[-1]]['end']]!r}")
        count += len(found)
        if found and write:
            loaded = dict(loaded, mentions=joined(text, loaded["mentions"]))
            store.store(store.as_source(loaded), "gold_body_places")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    for name in args.sets:
        if ":" in name:
            kind, split = name.split(":")
            n = stored_set(kind, split, args.write)
        else:
            n = snippet_set(name, args.write)
        print(f"{name}: {n} join(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
