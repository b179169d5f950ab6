"""The data dictionary: every output table's columns, their type, meaning and an example.

One source for the researchers' side of the tables: :func:`pipeline.load`
takes each column's pandas type and categories from here, and
``docs/data_dictionary.md`` is generated from it (``python -m
pipeline.research.dictionary`` rewrites it, ``--check`` fails if it is stale). A test
keeps this in step with :data:`pipeline.tables.COLUMNS`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from ..records import EVENT_TYPES, MENTION_TYPES, PLACE_KINDS, ROLES
from ..tables import (
    DOCUMENTS,
    EVENT_ARGUMENTS,
    EVENTS,
    INCIDENTS,
    MENTIONS,
    PEOPLE,
    PERSON_EVENTS,
    SENTENCES,
)

# The pandas types ``load()`` gives; ``category`` columns list their values.
STRING, INT, FLOAT, BOOL, NULLABLE_BOOL = "string", "Int64", "Float64", "bool", "boolean"
CATEGORY, DATE = "category", "datetime64[ns]"

UNITS = ("day", "month", "year")
TERM_UNITS = ("hour",) + UNITS  # compulsory work is given in hours


@dataclass(frozen=True, slots=True)
class Column:
    """One column of one table, as a researcher meets it after ``load()``."""

    dtype: str
    meaning: str
    example: str
    required: bool = False  # an older output lacking it cannot be loaded
    values: tuple[str, ...] | None = None  # the known categories, in display order


def _doc_id() -> Column:
    return Column(STRING, "The document: the input file's stem, unique within the output "
                  "folder and kept across runs into it (a file whose stem another document "
                  "of the folder has gets the stem and a hash of its path, `x-1a2b3c4d`).",
                  "001_35f99063bebc0d6e", required=True)


def _person_id(meaning: str, required: bool = False) -> Column:
    return Column(STRING, meaning, "p-0dc44c8970", required=required)


def _incident_id(meaning: str, required: bool = False) -> Column:
    return Column(STRING, meaning, "i-deb26650c3", required=required)


def _offsets(what: str) -> dict[str, Column]:
    return {
        "start": Column(INT, f"Start of {what} in the clean text `texts/{{doc_id}}.txt` "
                        "(Python string index).", "7042"),
        "end": Column(INT, f"End of {what} in the clean text (exclusive).", "7049"),
        "raw_start": Column(INT, f"Start of {what} in the raw extracted text "
                            "`texts/{doc_id}.raw.txt`.", "7396"),
        "raw_end": Column(INT, f"End of {what} in the raw text (exclusive).", "7403"),
    }


_DATES = {
    "date_start": Column(DATE, "First day the date covers (a month or year spans its first to "
                         "last day; a missing year is taken from the document).", "2012-05-31"),
    "date_end": Column(DATE, "Last day the date covers.", "2012-05-31"),
    "date_precision": Column(CATEGORY, "How precise the date is.", "day", values=UNITS),
}
_AMOUNTS = {
    "amount_min": Column(FLOAT, "Amount of money, low end (a single amount has min = max; "
                         "null for an upper bound only: `до 100 МРП`).", "80900"),
    "amount_max": Column(FLOAT, "Amount of money, high end (`от 30 000 до 81 000 тенге`: 81000; "
                         "null for a lower bound only: `более 400 EURO`).", "80900"),
    "currency": Column(CATEGORY, "ISO 4217 currency code of the amount.", "KZT"),
}
_TERMS = {
    "term_min": Column(FLOAT, "Length of a custodial term (or of compulsory work), low end, in "
                       "`term_unit`; null for an upper bound only (`до 30 суток`).", "15"),
    "term_max": Column(FLOAT, "Length of the term, high end; null for a lower bound only "
                       "(`свыше 5 лет`).", "15"),
    "term_unit": Column(CATEGORY, "Unit of the term (weeks are given as days; compulsory work "
                        "in hours).", "day", values=TERM_UNITS),
}
_COUNTS = {
    "count_min": Column(INT, "Number of people, low end (`более 20 человек`: 20; null for an "
                        "upper bound only: `меньше тысячи человек`).", "20"),
    "count_max": Column(INT, "Number of people, high end (`более 20 человек`: null, no upper end).",
                        "20"),
}

DICTIONARY: dict[str, dict[str, Column]] = {
    DOCUMENTS: {
        "doc_id": _doc_id(),
        "source": Column(STRING, "Path of the input file as given to `testimony run`.",
                         "data/raw/001_35f99063bebc0d6e.txt"),
        "sha256": Column(STRING, "SHA-256 of the input file's bytes (hex).", "8ce2afc7…"),
        "n_pages": Column(INT, "Pages in the input (1 for a text file).", "2"),
        "n_chars": Column(INT, "Characters in the clean text.", "11427"),
        "doc_date": Column(DATE, "Date the statement is dated or was delivered; null if "
                           "unknown.", "2012-11-08"),
        "extraction": Column(CATEGORY, "How the text was got out of the file.", "text",
                             values=("text", "ocr", "mixed", "plain", "docx")),
        "status": Column(CATEGORY, "`ok`, or `error` if the file could not be processed "
                         "(it then has no rows in the other tables).", "ok",
                         required=True, values=("ok", "error")),
        "error": Column(STRING, "Why the file failed; null when `status` is `ok`.",
                        "data/raw/x.doc: unsupported file type '.doc'"),
        "warnings": Column(STRING, "`; `-joined warnings about the extraction (e.g. a page "
                           "with no text); null if none.", "page 3: no text layer"),
        "text_quality": Column(FLOAT, "Share of the text's words a dictionary knows (pymorphy3, "
                               "English by wordfreq): the extraction quality gate's measure. "
                               "Below 0.6 the text is flagged in `warnings`; null for an error.",
                               "0.93"),
        "pipeline_version": Column(STRING, "Version and code fingerprint of the pipeline that "
                                   "made the rows.", "0.1.0+4f708bc73876"),
    },
    SENTENCES: {
        "doc_id": _doc_id(),
        "sent_id": Column(INT, "Sentence number within the document, from 0.", "51",
                          required=True),
        **{k: v for k, v in _offsets("the sentence").items() if k in ("start", "end")},
        "page": Column(INT, "Page (from 1) the sentence starts on.", "1"),
        "n_tokens": Column(INT, "Words and punctuation marks in the sentence.", "37"),
        "n_chars": Column(INT, "Characters in the sentence.", "202"),
        "text": Column(STRING, "The sentence.", "Бахыт Туменова была оштрафована на 80900 "
                       "тенге."),
    },
    MENTIONS: {
        "doc_id": _doc_id(),
        "mention_id": Column(INT, "Mention number within the document, from 0.", "99",
                             required=True),
        "type": Column(CATEGORY, "What was mentioned: person, place, organisation, date, "
                       "money, custodial term, number of people.", "MONEY", required=True,
                       values=MENTION_TYPES),
        **_offsets("the mention"),
        "page": Column(INT, "Page (from 1) the mention is on.", "1"),
        "sent_id": Column(INT, "Sentence the mention is in.", "51"),
        "text": Column(STRING, "The mention as written.", "80900 тенге"),
        "normal": Column(STRING, "Canonical form: a person's fullest nominative name in the "
                         "document, a place's nominative, an ISO date, `80900 KZT`, `15 day`.",
                         "80900 KZT"),
        "entity_id": Column(INT, "Same value for every mention of one person, place or "
                            "organisation within a document.", "4"),
        "nested_in": Column(INT, "The `mention_id` of the mention this one lies inside. A "
                            "name inside a name is a mention of its own: a place in an "
                            "organisation's name or an amount (`РФ` in `МВД РФ`, `США` in "
                            "`20 млн долларов США`), an organisation's own name in its "
                            "designated form (`Яблоко` in `партии «Яблоко»`, same `entity_id`), "
                            "a person in a venue's name (`Абаю` in `памятника Абаю`), a place in a part of it named by the compass (`Европе` in `Восточной Европе`), "
                            "a body in the name of its unit (`Министерства обороны` in `пресс-служба Министерства обороны`; "
                            "a body's field or patron is part of its name: `комиссия по делам несовершеннолетних`, and so is "
                            "the territory a territorial body serves, `по` and a place: `ГУ МВД по Нижегородской области`, "
                            "the place nested, the body without its territory no mention), and so is the city or region "
                            "a body named by its common noun serves (`Мэрия Екатеринбурга`, `Кировский районный суд Самары`, "
                            "`суд Ленинского района г. Омска`: one ORG, the place nested, as both outside benchmarks, NEREL "
                            "and FactRuEval, read it; the events still take that city as where the body acted), or a "
                            "country (`Верховный суд США`: a jurisdiction, no scene). One convention is deliberate and "
                            "differs from the benchmarks: a body named by its common noun alone "
                            "(`полиция`, `прокуратура`) is an ORG even when it names no particular body, as the "
                            "actor of police events, but a lone `суд` (`в суд`, `перед судом`) is none, as in both "
                            "benchmarks (an adjective or a place makes it one: `районный суд`); count named organisations by the `normal` of an "
                            "`entity_id` being more than such a noun. A quoted name of a work or a made thing "
                            "(`фильм «…»`, `шаттл «…»`) is no ORG, nor is a craft or a station named by what is said "
                            "of it (`с борта …`, `пристыковали к …`) anywhere in the document, unless the name acts "
                            "elsewhere in it or is an organisation the lexicon knows (an airline). Null for "
                            "an outermost mention: `mentions[mentions.nested_in.isna()]` is one "
                            "flat layer, the one to count organisations, places or amounts in "
                            "and the one the events use.", "12"),
        "place_kind": Column(CATEGORY, "For a place: `venue` when it names a street, square, "
                             "building or monument (`Тверская площадь`, `памятник Абаю`), a "
                             "place an event happens at rather than one to count cities and "
                             "countries by (NEREL's FACILITY); null for any other place and "
                             "for other types.", "venue", values=PLACE_KINDS),
        **_DATES, **_AMOUNTS, **_TERMS, **_COUNTS,
        "approx": Column(NULLABLE_BOOL, "True for an approximate value (`около`, `более`, "
                         "`порядка`); null for types without a value.", "False"),
        "person_id": _person_id("The person (a row of `people`) a PER mention names, joined "
                                "by `load()` once `testimony link` has run; null before, for "
                                "other mentions, and for a document run anew since the "
                                "link."),
    },
    EVENTS: {
        "doc_id": _doc_id(),
        "event_id": Column(INT, "Event number within the document, from 0; "
                           "(`doc_id`, `event_id`) is the key.", "34", required=True),
        "type": Column(CATEGORY, "What happened (see the event taxonomy in SPEC.md).", "fine",
                       required=True, values=EVENT_TYPES),
        "trigger": Column(STRING, "The word(s) that name the event.", "оштрафована"),
        **_offsets("the trigger"),
        "sent_id": Column(INT, "Sentence of the trigger.", "51"),
        "page": Column(INT, "Page (from 1) of the trigger.", "1"),
        **_DATES,
        "place": Column(STRING, "Where, as the place's normal form.", "Алматы"),
        "persons": Column(STRING, "`; `-joined normal forms of the people the event "
                          "happened to (see `explode_persons`).", "Бахыт Туменова"),
        "actors": Column(STRING, "`; `-joined kinds of authority that acted: police, court, "
                         "akimat, prosecutor, …", "court"),
        **_COUNTS, **_AMOUNTS, **_TERMS,
        "negated": Column(BOOL, "True if the text says it did not happen (`не был "
                          "задержан`); summaries leave these out.", "False"),
        "aggregate": Column(NULLABLE_BOOL, "True for a total over happenings the text also "
                            "tells one by one (`Всего было задержано 28 человек`); summaries "
                            "leave these out so nothing is counted twice. Null in outputs "
                            "written before the column existed. Read it as "
                            "`events[\"aggregate\"]`: `events.aggregate` is a pandas method.",
                            "False"),
        "evidence": Column(STRING, "The sentence(s) telling the event, ` … `-joined when one "
                           "event is told more than once.",
                           "Бахыт Туменова была оштрафована на 80900 тенге."),
        "evidence_spans": Column(STRING, "`; `-joined `start-end` clean-text spans of the "
                                 "evidence.", "6993-7050; 7051-7315"),
        "incident_id": _incident_id("The incident (a row of `incidents`) this event tells, "
                                    "joined by `load()` once `testimony link` has run; null "
                                    "before, for negated events, and for a document run "
                                    "anew since the link."),
    },
    EVENT_ARGUMENTS: {
        "doc_id": _doc_id(),
        "event_id": Column(INT, "The event (with `doc_id`).", "34", required=True),
        "role": Column(CATEGORY, "What the mention is to the event.", "amount",
                       required=True, values=ROLES),
        "mention_id": Column(INT, "The mention (with `doc_id`), a row of `mentions`.", "99",
                             required=True),
    },
}

# Across documents: written by `testimony link` (pipeline/link/).
DICTIONARY |= {
    PEOPLE: {
        "person_id": _person_id("One person across documents; stable while the record it "
                                "is named after (its first document's name) stays.", True),
        "name": Column(STRING, "The fullest nominative name any document gives.",
                       "Бахыт Туменова"),
        "variants": Column(STRING, "`; `-joined names the documents give.",
                           "Б. Туменова; Бахыт Туменова"),
        "gender": Column(CATEGORY, "Gender the names show (most documents), null when none "
                         "does.", "femn", values=("masc", "femn")),
        "doc_ids": Column(STRING, "`; `-joined documents naming the person.",
                          "001_35f99063bebc0d6e; link_s01a"),
        "n_documents": Column(INT, "Documents naming the person.", "2"),
        "n_events": Column(INT, "Events naming the person, over all documents.", "3"),
        "match_probability": Column(FLOAT, "The weakest match probability that joined two of "
                                    "the person's records; null for one record.", "0.9987"),
    },
    INCIDENTS: {
        "incident_id": _incident_id("One real-world happening across documents; stable "
                                    "while its first event stays.", True),
        "type": Column(CATEGORY, "What happened.", "detention", required=True,
                       values=EVENT_TYPES),
        "aggregate": Column(NULLABLE_BOOL, "True for a total over happenings told one by one "
                            "(see `events`).", "False"),
        "date_start": Column(DATE, "The most precise date a source gives (first day).",
                             "2021-06-12"),
        "date_end": Column(DATE, "Its last day.", "2021-06-12"),
        "date_precision": Column(CATEGORY, "How precise that date is.", "day", values=UNITS),
        "place": Column(STRING, "The most specific place a source names (a square before its "
                        "city).", "площадь Республики"),
        "persons": Column(STRING, "`; `-joined `people.name` of everyone any source names.",
                          "Бахыт Туменова"),
        "person_ids": Column(STRING, "`; `-joined `person_id`s of those people.",
                             "p-0dc44c8970"),
        **_COUNTS, **_AMOUNTS, **_TERMS,
        "n_sources": Column(INT, "Documents telling the incident: count incidents, not "
                            "events, to count happenings.", "2"),
        "doc_ids": Column(STRING, "`; `-joined documents telling it.", "link_s01a; link_s01b"),
        "event_ids": Column(STRING, "`; `-joined `doc_id:event_id` of its events.",
                            "link_s01a:0; link_s01b:0"),
        "conflicts": Column(STRING, "`; `-joined fields the sources disagree on (`date`, "
                            "`place`, `count`, `amount`, `term`; a value disagrees only when both cannot "
                            "hold: `более 400` and `1000` agree); null when they agree.",
                            "count"),
        "match_probability": Column(FLOAT, "The weakest match probability that joined two of "
                                    "its events; null for one event.", "0.9995"),
    },
    PERSON_EVENTS: {
        "person_id": _person_id("The person.", True),
        "doc_id": _doc_id(),
        "event_id": Column(INT, "The event naming them (with `doc_id`).", "0", required=True),
        "incident_id": _incident_id("The incident the event tells."),
        "name": Column(STRING, "The name as that document gives it.", "Б. Туменова"),
    },
}

_TYPE_NAMES = {
    STRING: "text", INT: "integer (nullable)", FLOAT: "number (nullable)", BOOL: "bool",
    NULLABLE_BOOL: "bool (nullable)", CATEGORY: "category", DATE: "date",
}


def render_markdown() -> str:
    """The data dictionary as Markdown (what ``docs/data_dictionary.md`` holds)."""
    lines = [
        "# Data dictionary",
        "",
        "<!-- Generated by `python -m pipeline.research.dictionary` from pipeline/research/dictionary.py; "
        "do not edit by hand. -->",
        "",
        "The tables `testimony run` writes into its output folder `OUT` (each a "
        "partitioned Parquet dataset `OUT/NAME/part-*.parquet`; `OUT/NAME.csv` too with "
        "`--csv`; older outputs hold one `NAME.parquet` and `NAME.csv`), with the types "
        "`pipeline.load(OUT)` gives them in pandas. A missing value is null, never a "
        "sentinel. Columns marked * are required: an output lacking them cannot be "
        "loaded; others missing from an older output load as null.",
        "",
        "`testimony link OUT` adds `people`, `incidents` and `person_events` (one person, "
        "one happening, however many documents tell it), and `load()` joins `person_id` "
        "onto `mentions` and `incident_id` onto `events`; before linking these tables are "
        "empty and those columns null. Count `incidents` (with `n_sources`) to count "
        "happenings; `events` counts tellings.",
        "",
        "```python",
        "import pipeline",
        "t = pipeline.load(\"out\")",
        "t.events[t.events.type == \"fine\"].groupby(\"currency\").amount_min.sum()",
        "```",
        "",
        "Amounts, terms and counts may be one-sided bounds: `до 30 суток` has `term_max` 30 and "
        "`term_min` null, `более 400 человек` `count_min` 400 and `count_max` null. Summing "
        "`amount_min` alone drops the upper bounds and summing `amount_max` alone drops the lower "
        "ones; `pipeline.research.loading.fines_by_currency` and `custodial_days_by_person` (both "
        "through `bounded_totals`) count a value as stated when either end is, add 0 to the low "
        "total for an upper bound only, and leave the high total null (unbounded) when any value "
        "has no upper end.",
    ]
    for table, columns in DICTIONARY.items():
        lines += ["", f"## {table}", "", "| column | type | meaning | example |",
                  "| --- | --- | --- | --- |"]
        for name, column in columns.items():
            kind = _TYPE_NAMES[column.dtype]
            if column.values:
                kind += ": " + ", ".join(f"`{v}`" for v in column.values)
            star = " *" if column.required else ""
            meaning = column.meaning.replace("|", "\\|")
            example = column.example.replace("|", "\\|")
            lines.append(f"| `{name}`{star} | {kind} | {meaning} | `{example}` |")
    return "\n".join(lines) + "\n"


DEFAULT_PATH = Path(__file__).resolve().parents[2] / "docs" / "data_dictionary.md"


def main(argv: list[str] | None = None) -> int:
    """Write the Markdown dictionary, or with ``--check`` report whether it is current."""
    parser = argparse.ArgumentParser(prog="python -m pipeline.research.dictionary",
                                     description=main.__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    text = render_markdown()
    if args.check:
        current = args.path.read_text(encoding="utf-8") if args.path.exists() else None
        if current != text:
            print(f"{args.path} is stale: run python -m pipeline.research.dictionary", file=sys.stderr)
            return 1
        return 0
    from ..tables import write_text_atomically

    write_text_atomically(args.path, text)
    print(f"wrote {args.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
