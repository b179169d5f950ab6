"""What every file in ``models/`` may hold, checked when the file is loaded.

A lexicon entry with a typo (``"typ"`` for ``"type"``), an event type outside the
taxonomy, a trigger lemma that is not a pymorphy3 normal form, a currency that is
not ISO 4217 or a gazetteer kind that does not exist would otherwise be a rule that
silently never fires. Each file has a schema below (spaCy's ``Matcher(validate=True)``
refuses a bad pattern the same way); :func:`problems` lists where a parsed file
breaks its schema, as (path of keys, message) pairs. Keys starting with ``_`` are
comments and may stand anywhere.

A schema is a function ``(value, path) -> problems``, built from the small
combinators here: :func:`kind`, :func:`list_of`, :func:`record`, :func:`mapping`,
:func:`one_of`, :func:`where`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from .records import ACTORS, EVENT_TYPES, MENTION_TYPES, ROLES

Path = tuple  # keys and list indices from the top of the file to a value
Problem = tuple[Path, str]
Schema = Callable[[object, Path], Iterator[Problem]]

PLACE_KINDS = ("country", "region", "city", "district")  # tag.gazetteer.Place.kind
UNITS = ("hour", "day", "month", "year")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
COUNTRY = re.compile(r"[A-Z]{2}")  # ISO 3166-1 alpha-2
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ---------------------------------------------------------------- combinators


def kind(*types: type, name: str) -> Schema:
    """A value of one of the Python types (``bool`` is no number)."""
    def check(value, path):
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            yield path, f"expected {name}, found {value!r}"
    return check


TEXT = kind(str, name="text")
INT = kind(int, name="a whole number")
NUMBER = kind(int, float, name="a number")
FLAG = kind(bool, name="true or false")


def both(*schemas: Schema) -> Schema:
    """Every schema holds; later ones are checked only when the earlier hold."""
    def check(value, path):
        for schema in schemas:
            found = list(schema(value, path))
            if found:
                yield from found
                return
    return check


def nullable(schema: Schema) -> Schema:
    def check(value, path):
        if value is not None:
            yield from schema(value, path)
    return check


def where(test: Callable[[object], bool], message: str) -> Schema:
    """A test of the value; ``message`` may name it as ``{value!r}``."""
    def check(value, path):
        if not test(value):
            yield path, message.format(value=value)
    return check


def one_of(values, what: str) -> Schema:
    """A value from a fixed vocabulary (event types, roles, …)."""
    allowed = tuple(values)
    return both(TEXT, where(lambda v: v in allowed,
                            f"{what} {{value!r}} is not one of {', '.join(allowed)}"))


def list_of(item: Schema, min_items: int = 0) -> Schema:
    def check(value, path):
        if not isinstance(value, list):
            yield path, f"expected a list, found {value!r}"
            return
        if len(value) < min_items:
            yield path, f"expected at least {min_items} item(s), found {len(value)}"
        for index, element in enumerate(value):
            yield from item(element, path + (index,))
    return check


def record(required: dict[str, Schema] | None = None, optional: dict[str, Schema] | None = None) -> Schema:
    """An object with these keys and no others (but ``_`` comments)."""
    required, optional = required or {}, optional or {}
    known = {**required, **optional}

    def check(value, path):
        if not isinstance(value, dict):
            yield path, f"expected an object, found {value!r}"
            return
        for key in required:
            if key not in value:
                yield path, f"missing key {key!r}"
        for key, element in value.items():
            if key.startswith("_"):
                continue
            if key not in known:
                yield path + (key,), f"unknown key {key!r} (expected one of {', '.join(known)})"
            else:
                yield from known[key](element, path + (key,))
    return check


def mapping(key: Schema, value: Schema) -> Schema:
    """An object whose keys (but ``_`` comments) and values each follow a schema."""
    def check(data, path):
        if not isinstance(data, dict):
            yield path, f"expected an object, found {data!r}"
            return
        for name, element in data.items():
            if name.startswith("_"):
                continue
            yield from key(name, path + (name,))
            yield from value(element, path + (name,))
    return check


# ---------------------------------------------------------------- values


def _is_normal_form(phrase: str) -> bool:
    """Every word of a lemma phrase is its own pymorphy3 normal form (ё as е); ``не``
    may be a part (``не допустить``)."""
    from .morphology import parse_word  # pymorphy3 only (not natasha) when a lexicon of lemmas is checked
    from .resources import fold

    def normal(word: str) -> bool:
        folded = fold(word)
        return word == "не" or folded in {fold(p.normal_form) for p in parse_word(folded)}

    return bool(phrase.split()) and all(map(normal, phrase.split()))


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes, withdrawn ones and units of account (``models/currency_codes.json``)."""
    from .resources import load_json

    codes = load_json("currency_codes.json")
    return frozenset([*codes["iso4217"], *codes["withdrawn"], *codes["units_of_account"]])


WORDS = list_of(TEXT)


@cache
def shared_list_names() -> frozenset[str]:
    """Names of the word lists trigger conditions share (``models/trigger_lists.json``)."""
    from .resources import load_json

    return frozenset(name for name in load_json("trigger_lists.json") if not name.startswith("_"))


def _condition_words(value, path):
    """A condition's lemmas written out, or ``"@name"``: the list of that name in
    ``trigger_lists.json``, kept once for every condition that shares it."""
    if isinstance(value, str) and value.startswith("@"):
        if value[1:] not in shared_list_names():
            yield path, (f"list {value!r} is not in trigger_lists.json "
                         f"(expected one of {', '.join('@' + n for n in sorted(shared_list_names()))})")
    elif isinstance(value, list):
        yield from WORDS(value, path)
    else:
        yield path, f"expected a list of lemmas or \"@name\" of a list in trigger_lists.json, found {value!r}"


PATTERNS = list_of(list_of(TEXT, 1))  # lemma sequences: [["в", "этот", "день"], ...]
EVENT_TYPE = one_of(EVENT_TYPES, "event type")
ACTOR = one_of(ACTORS, "actor")
LEMMA = both(TEXT, where(_is_normal_form, "lemma {value!r} is not a pymorphy3 normal form "
                                          "(write each word as pymorphy3 lemmatises it, ё as е)"))
CURRENCY = both(TEXT, where(lambda v: v in currency_codes(),
                            "currency {value!r} is not an ISO 4217 code nor a unit of account "
                            "in currency_codes.json"))
CONDITION_WORDS: Schema = _condition_words
CONDITION = record(optional={
    **{key: CONDITION_WORDS for key in ("near", "before", "after", "head", "linked", "complement",
                                         "held_thing", "threat", "threatened", "governed_by")},
    "infinitive": FLAG, "attributive": FLAG, "agentless_passive": FLAG, "private_subject": FLAG,
    "indefinite_personal": FLAG, "abroad": FLAG, "thing_object": FLAG, "plural": FLAG, "owned_by": FLAG,
    "mentions": list_of(one_of(MENTION_TYPES, "mention type")),
    "actors": list_of(ACTOR), "agent": list_of(ACTOR), "window": INT,
})


def _anchor_in_phrase(entry) -> bool:
    return not isinstance(entry.get("anchor"), int) or 0 <= entry["anchor"] < len(str(entry["lemma"]).split())


TRIGGER = both(
    record(required={"lemma": LEMMA}, optional={
        "type": nullable(EVENT_TYPE), "anchor": INT, "gap": INT, "needs": CONDITION,
        "block": list_of(CONDITION), "negative_only": FLAG, "nominal": FLAG, "state": FLAG,
        "patient": one_of(("person",), "patient kind"),
        "rules": list_of(record(required={"if": CONDITION, "type": nullable(EVENT_TYPE)})),
    }),
    where(_anchor_in_phrase, "anchor {value[anchor]!r} is not a part of the lemma phrase"),
)

def _designators_are_units(data) -> bool:
    """org_words.json: a designator only narrows the unit heads, so it must be one
    (checked after the record, so the lists are there)."""
    return set(data["designators"]) <= set(data["named_by_genitive"]) | set(data["named_by_field"])


def _is_unit_step(value) -> bool:
    """``["day", 7]``: the unit a step of time counts in (days) and how many of it."""
    return (isinstance(value, list) and len(value) == 2 and value[0] == "day"
            and isinstance(value[1], int) and not isinstance(value[1], bool) and value[1] > 0)


def _is_pattern_and_days(value) -> bool:
    """``[["через", "два", "день"], 2]``: a lemma sequence and the days it counts."""
    return (isinstance(value, list) and len(value) == 2 and isinstance(value[0], list) and bool(value[0])
            and all(isinstance(word, str) for word in value[0])
            and isinstance(value[1], int) and not isinstance(value[1], bool))


_EVENT_CONTEXT_WORDS = (
    "negation", "negation_passes", "hypothetical_heads", "hypothetical_markers", "reference_heads",
    "objection_owner_nouns", "objection_owner_possessives", "body_patient_nouns",
    "summary_markers", "document_heads", "temporal_prepositions", "correlative_pronouns", "transparent_heads",
    "application_words", "attendance_words", "back_reference", "place_container_heads", "citizenship_nouns", "residence_nouns",
    "org_like_heads", "branch_nouns", "district_levels", "subordinators", "agent_nouns", "habitual_adverbs", "narrator_pronouns",
    "official_nouns", "relation_nouns", "telling_verbs", "telling_nouns", "client_nouns", "authored_nouns", "patient_subject_verbs", "possessor_patient_nouns", "thing_patient_nouns", "property_nouns", "person_holder_nouns", "phase_verbs", "staff_nouns", "serving_verbs", "standing_verbs", "going_on_verbs", "lease_words", "conviction_words", "plea_words",
    "pretrial_custody_words", "sentence_custody_words",
    "total_periods", "total_period_quantifiers", "total_period_after_blockers",
    "total_scope_places", "total_collective_heads", "more_markers", "case_nouns", "example_openers", "case_opening_words",
    "participation_nouns", "unrest_nouns", "another_markers", "occurrence_verbs", "additive_markers",
    "state_doer_nouns", "state_body_nouns", "private_doer_nouns",
    "ground_heads", "ground_prepositions", "ground_generic_words",
)
_EVENT_CONTEXT_PATTERNS = (
    "memorial_before", "day_before_markers", "date_anaphora", "place_anaphora", "time_clause_openers",
    "story_contrasts", "subset_markers", "repeat_markers", "particular_markers",
    "birth_markers", "birth_markers_before", "total_frequency", "total_scope", "later_markers", "earlier_markers",
    "case_openers",
    "additive_openers",
)
EVENT_CONTEXT = record(required={
    **{key: WORDS for key in _EVENT_CONTEXT_WORDS},
    **{key: PATTERNS for key in _EVENT_CONTEXT_PATTERNS},
    "roles": mapping(EVENT_TYPE, list_of(one_of(ROLES, "role"))),
    "ground_markers": record(required={"charges": PATTERNS, "happenings": PATTERNS, "happenings_only": PATTERNS, "cases": PATTERNS}),
    "time_shift": record(required={"prepositions": WORDS, "postpositions": WORDS, "units": WORDS, "phrases": PATTERNS, "anchors": WORDS},
                         optional={"unit_steps": mapping(TEXT, where(_is_unit_step, "expected [\"day\", count], found {value!r}"))}),
    "separate_types": list_of(EVENT_TYPE),
    "word_told_types": list_of(EVENT_TYPE),
    "ruling_types": list_of(EVENT_TYPE),
    "penalty_types": list_of(EVENT_TYPE),
    "case_step_types": list_of(EVENT_TYPE),
    "word_told_across_sentences": list_of(EVENT_TYPE),
    "court_filing_words": WORDS,
    "word_families": PATTERNS,
    "actor_policy": mapping(EVENT_TYPE, record(optional={"allowed": list_of(ACTOR),
                                                         "default": list_of(ACTOR),
                                                         "unnamed": list_of(ACTOR),
                                                         "unnamed_acts": WORDS})),
    "actor_cues": list_of(record(required={"types": list_of(EVENT_TYPE), "if": CONDITION, "actor": ACTOR})),
    "private_doer_types": list_of(EVENT_TYPE),
    "relative_days": list_of(where(_is_pattern_and_days, "expected [lemma pattern, days], found {value!r}")),
    "summary_marker_context": mapping(TEXT, WORDS),
})

SINGLE_CHARACTER = both(TEXT, where(lambda v: len(v) == 1, "expected one character, found {value!r}"))
CHARACTER_MAP = mapping(SINGLE_CHARACTER, TEXT)

def _is_regex(value) -> bool:
    try:
        re.compile(value)
    except (re.error, TypeError):
        return False
    return True


PROBABILITY = both(NUMBER, where(lambda v: 0 < v <= 1, "expected a probability in (0, 1], found {value!r}"))
# models/link_{people,incidents}.json: a prior and, per comparison level, its (m, u)
# (pipeline.link.engine checks that every comparison and level named exists).
LINK_PARAMETERS = record(required={
    "probability_two_random_records_match": PROBABILITY,
    "comparisons": mapping(TEXT, mapping(TEXT, both(
        list_of(PROBABILITY), where(lambda v: len(v) == 2, "expected [m, u], found {value!r}")))),
}, optional={"fitted_on": TEXT, "fitted_records": both(NUMBER, where(
    lambda v: v >= 1 and v == int(v), "expected a whole number of records, found {value!r}"))})
REGEX = both(TEXT, where(_is_regex, "{value!r} is not a regular expression"))
REWRITE = both(list_of(TEXT), where(lambda v: len(v) == 2 and _is_regex(v[0]),
                                    "expected [regular expression, replacement], found {value!r}"))
CYRILLIC_WORD = both(TEXT, where(lambda v: bool(re.fullmatch(r"[А-ЯЁ][а-яё]+", v)),
                                 "expected a capitalised Cyrillic word, found {value!r}"))
# Belarusian and Ukrainian letters too (Сяргей, Сергій, Яўген, Євген)
NATIONAL_CYRILLIC_WORD = both(TEXT, where(
    lambda v: bool(re.fullmatch(r"[А-ЯЁІЄЇҐЎ][а-яёіїєґў]+", v)),
    "expected a capitalised Cyrillic word, found {value!r}"))
LATIN_WORD = both(TEXT, where(lambda v: bool(re.fullmatch(r"[A-Z][a-z]+", v)),
                                "expected a capitalised Latin word, found {value!r}"))
# A gazetteer row (both gazetteer files): name, canonical, kind, country.
PLACE_ROW = record(required={
    "name": both(TEXT, where(str.strip, "empty name")),
    "canonical": both(TEXT, where(str.strip, "empty canonical name")),
    "kind": one_of(PLACE_KINDS, "place kind"),
    "country": both(TEXT, where(lambda v: not v or COUNTRY.fullmatch(v),
                                "country {value!r} is not an ISO 3166 code")),
})

# file name -> the schema of the whole file (JSON) or of one entry (JSONL line, CSV row)
SCHEMAS: dict[str, Schema] = {
    "actors.json": mapping(one_of(ACTORS, "actor"), WORDS),
    "count_nouns.json": record(required={
        "persons": WORDS, "not_persons": WORDS, "possessives": WORDS, "max_modifiers": INT,
        "counted_after": WORDS, "inverted_units": WORDS, "of_them": WORDS}),
    "currency_codes.json": record(required={
        "iso4217": list_of(both(TEXT, where(lambda v: re.fullmatch(r"[A-Z]{3}", v), "{value!r} is no ISO 4217 code"))),
        "withdrawn": list_of(TEXT), "units_of_account": mapping(TEXT, TEXT)}),
    "currencies.json": record(required={
        "currencies": list_of(record(required={
            "code": CURRENCY, "phrases": WORDS, "abbreviations": WORDS, "codes": WORDS, "symbols": WORDS})),
        "local_roubles": mapping(
            both(TEXT, where(COUNTRY.fullmatch, "country {value!r} is not an ISO 3166 code")),
            record(required={"before": CURRENCY, "after": CURRENCY,
                             "redenominated": both(TEXT, where(ISO_DATE.fullmatch, "expected an ISO date"))})),
    }),
    "date_words.json": record(required={
        "prepositions": WORDS, "year_prepositions": WORDS, "modifiers": WORDS,
        "range_joiners": WORDS, "night_ranges": WORDS, "document_words": WORDS,
        "birth_words": WORDS, "birthday_heads": WORDS, "range_openers": WORDS, "clock_context_words": WORDS,
        "relative": list_of(record(required={"phrase": TEXT, "unit": one_of(UNITS, "unit"), "offset": INT},
                                   optional={"tail": FLAG}))}),
    "event_context.json": EVENT_CONTEXT,
    "realis.json": record(required={
        **{key: WORDS for key in ("modal_heads", "norm_heads", "alleged_heads", "transparent_heads",
                                  "habitual_adverbs", "frequency_adverbs", "recurrence_adverbs", "generic_determiners", "generic_pronouns",
                                  "statistic_words", "collective_subjects", "article_words", "status_heads", "time_unit_nouns",
                                  "possessive_pronouns", "particular_pronouns", "punishing_heads", "accuser_nouns", "version_nouns",
                                  "charged_unrest_nouns", "claim_verbs", "normative_heads", "granting_heads", "tally_periods",
                                  "tally_prepositions", "case_card_fields",
                                  "generic_person_nouns", "deictic_present_adverbs")},
        "tally_least_count": INT,
        "crime_types": list_of(EVENT_TYPE),
        **{key: PATTERNS for key in ("habitual_patterns", "statistic_patterns", "statistic_idioms",
                                     "alleged_patterns", "period_patterns")}}),
    "event_pairs.json": record(
        required={"enabled": FLAG, "bias": NUMBER, "threshold": NUMBER, "weights": mapping(TEXT, NUMBER),
                  "vetoes": WORDS},
        optional={"trained_on": list_of(TEXT), "measured": mapping(TEXT, mapping(TEXT, NUMBER)),
                  "l2": NUMBER, "note": TEXT}),
    "realis_classifier.json": record(
        required={"enabled": FLAG, "bias": NUMBER, "threshold": NUMBER, "weights": mapping(TEXT, NUMBER)},
        optional={"trained_on": list_of(TEXT), "measured": mapping(TEXT, mapping(TEXT, NUMBER)),
                  "cues": list_of(TEXT), "l2": NUMBER, "note": TEXT}),
    "relative_dates.json": record(required={
        "days": mapping(TEXT, INT),
        "modifiers": mapping(one_of(("0", "-1", "-2"), "offset"), WORDS),
        "weekday_prepositions": WORDS,
        "weekdays": mapping(TEXT, both(INT, where(lambda v: 0 <= v <= 6, "weekday {value!r} is not 0 (Monday) to 6"))),
        "weeks": WORDS, "weekends": WORDS, "parts": WORDS,
        "seasons": list_of(record(required={
            "months": both(list_of(INT), where(lambda v: len(v) == 2 and all(1 <= m <= 12 for m in v),
                                               "expected [first month, last month], found {value!r}")),
            "forms": WORDS, "after_parts": WORDS}), 4),
        "ago": record(required={
            "word": TEXT, "units": mapping(one_of(("day", "week", "month", "year"), "unit"), WORDS),
            "alone": WORDS, "numbers": mapping(TEXT, INT)}),
    }),
    "extract_russian_letters.json": record(required={"frequencies": mapping(SINGLE_CHARACTER, NUMBER)}),
    "homoglyphs.json": record(required={"latin_to_cyrillic": CHARACTER_MAP, "roman_numeral_letters": TEXT}),
    "link_incidents.json": LINK_PARAMETERS,
    "link_names.json": record(required={
        "source": TEXT,
        "surname_endings": record(required={"strong": list_of(REGEX, 1), "weak": list_of(REGEX, 1)}),
        "first_names": list_of(record(required={
            "name": CYRILLIC_WORD, "gender": one_of(("masc", "femn"), "gender"),
            "forms": list_of(CYRILLIC_WORD, 1)}, optional={"latin": list_of(LATIN_WORD, 1),
                                               "latin_also_as_written": list_of(LATIN_WORD, 1),
                                               "national": list_of(NATIONAL_CYRILLIC_WORD, 1)}), 1)},
        optional={"about": TEXT}),
    "link_people.json": LINK_PARAMETERS,
    "link_kin.json": record(required={"about": TEXT, "source": TEXT,
                                      "kin_nouns": list_of(TEXT, 1),
                                      "first_person_possessives": list_of(TEXT, 1),
                                      "sign_offs": list_of(TEXT, 1)},
                            optional={"maiden_name_cues": list_of(TEXT, 1)}),
    "latin_first_names.json": record(required={"about": TEXT, "source": TEXT,
                                               "names": list_of(LATIN_WORD, 1)},
                                     optional={"surnames": list_of(LATIN_WORD, 1)}),
    "link_synthetic_names.json": record(required={
        "male": list_of(CYRILLIC_WORD, 1), "female": list_of(CYRILLIC_WORD, 1),
        "patronymic_m": TEXT, "patronymic_f": TEXT, "surname_roots": list_of(CYRILLIC_WORD, 1),
        "surname_suffixes": list_of(TEXT, 1)}, optional={"about": TEXT}),
    "link_transliteration.json": record(required={
        "cyrillic": mapping(SINGLE_CHARACTER, TEXT), "latin": list_of(REWRITE)},
        optional={"about": TEXT,
                  "armenian_surnames": record(required={
                      "about": TEXT, "endings": list_of(TEXT, 1), "loose": list_of(REWRITE, 1)}),
                  "belarusian_surnames": record(required={
                      "about": TEXT, "loose": list_of(REWRITE, 1)}),
                  "initials_across_alphabets": list_of(both(
            list_of(SINGLE_CHARACTER), where(lambda v: len(v) == 2, "expected [Cyrillic "
                                             "initial, Latin initial], found {value!r}")))}),
    "place_within.json": record(required={
        "about": TEXT, "source": TEXT, "parts_of_cities": mapping(TEXT, TEXT),
        "agglomerations": mapping(TEXT, list_of(TEXT, 1)), "airports": mapping(TEXT, TEXT)},
        optional={"origin_prepositions": WORDS}),
    "months.json": record(required={"months": list_of(record(required={
        "number": both(INT, where(lambda v: 1 <= v <= 12, "month {value!r} is not 1 to 12")),
        "forms": list_of(TEXT, 1), "abbreviations": WORDS}), 12)}),
    "ner_context.json": record(required={
        "prepositions": mapping(TEXT, list_of(one_of(CASES, "case"), 1)), "naming_verbs": WORDS,
        "dative_verbs": WORDS}, optional={"family_nouns": WORDS}),
    "ner_place_endings.json": record(required={"endings": mapping(TEXT, WORDS)}, optional={"appositive_heads": WORDS}),
    "ner_surnames.json": record(required={
        "latin_endings": record(required={"strong": WORDS, "weak": WORDS}),
        "latin_spelling": list_of(both(list_of(TEXT), where(
            lambda v: len(v) == 2 and v[0].isascii() and v[0] and not v[1].isascii(),
            "expected [Latin letters, Russian letters], found {value!r}"))),
        "paradigms": list_of(record(required={
        "suffixes": WORDS, "masc": TEXT, "femn": TEXT, "endings": mapping(TEXT, list_of(both(
            TEXT, where(lambda v: re.fullmatch(r"(masc|femn),(nomn|gent|datv|accs|ablt|loct)", v),
                        "expected 'gender,case', found {value!r}"))))}))}),
    "ner_venues.json": record(required={"nouns": WORDS, "streets": WORDS, "kind_words": WORDS,
                                        "kind_endings": WORDS, "dedications": WORDS,
                                        "hubs": WORDS, "buildings": WORDS, "facility_nouns": WORDS,
                                        "facility_abbreviations": WORDS, "saint_nouns": WORDS,
                                        "saints": WORDS,
                                        "facility_kinds": mapping(TEXT, WORDS)}),
    "ner_name_parts.json": record(required={"particles": WORDS, "titles": WORDS, "apposed_noun_min_letters": INT}),
    "ner_place_person.json": record(required={"place_prepositions": WORDS, "place_nouns": WORDS,
                                              "person_nouns": WORDS}),
    "org_names_index.json": record(required={"fingerprint": TEXT, "names": list_of(both(
        list_of(kind(str, list, bool, name="words, keys or common")),
        where(lambda v: len(v) == 3 and isinstance(v[2], bool), "expected [words, keys, common], found {value!r}")))}),
    "org_names.json": record(required={"keep_place": WORDS, "with_place": WORDS, "with_country": WORDS,
                                       "organisations": mapping(TEXT, list_of(TEXT, 1))}),
    "normalise_chars.json": record(required={
        "line_breaks": mapping(TEXT, TEXT), "deleted": list_of(SINGLE_CHARACTER),
        "soft_hyphen": SINGLE_CHARACTER, "spaces": list_of(SINGLE_CHARACTER), "ligatures": CHARACTER_MAP,
        "hyphens": CHARACTER_MAP, "single_quotes": CHARACTER_MAP, "double_quotes": list_of(SINGLE_CHARACTER),
        "dashes": list_of(SINGLE_CHARACTER), "dash": SINGLE_CHARACTER, "open_quote": SINGLE_CHARACTER,
        "close_quote": SINGLE_CHARACTER}),
    "normalise_layout.json": record(required={"bullets": TEXT, "url_starts": WORDS}),
    "number_words.json": record(required={
        **{key: mapping(TEXT, NUMBER) for key in (
            "units", "teens", "tens", "hundreds", "fractions", "collective", "multipliers",
            "multiplier_abbreviations")},
        "extra_forms": mapping(TEXT, TEXT)}),
    "org_words.json": both(
        record(required={
            **{key: WORDS for key in ("heads", "standalone", "named_by_genitive", "determiners",
                                      "abbreviations", "legal_forms", "not_org", "named_by_field",
                                      "docking_prepositions")},
            **{key: list_of(LEMMA) for key in ("complement_not", "complement_not_singular",
                                               "complement_office", "designators", "work_nouns",
                                               "unnamed_alone", "located_by_adjective", "legal_acts", "vehicle_parts",
                                               "docking_words", "acting_verbs")}}),
        where(_designators_are_units, "every 'designators' lemma must be a 'named_by_genitive' or "
                                      "'named_by_field' head (it only narrows those)")),
    "quantity_words.json": record(required={
        "approx": PATTERNS, "range_open": WORDS, "range_close": WORDS, "range_dash": WORDS,
        "enumeration": WORDS, "lower_bound": PATTERNS, "upper_bound": PATTERNS,
        "lower_after": PATTERNS, "upper_after": PATTERNS, "enumeration_prepositions": WORDS},
        optional={"connectives": PATTERNS, "change_verbs": WORDS, "rising_verbs": WORDS,
                  "bound_stressers": WORDS, "extension_prepositions": WORDS}),
    "term_units.json": record(required={
        "units": mapping(TEXT, record(required={"unit": one_of(UNITS, "unit"), "factor": NUMBER,
                                                "always": FLAG, "max": INT})),
        "excluded_forms": WORDS, "window": INT, "custodial_context": WORDS, "blocking_before": WORDS,
        "age_before": WORDS,
        "blocking_after": WORDS, "penalty_phrases": mapping(TEXT, WORDS), "holding_context": WORDS,
        "sentence_context": WORDS}),
    "trigger_lists.json": mapping(TEXT, list_of(TEXT, 1)),
    # one entry a line
    "triggers.jsonl": TRIGGER,
    # one entry a row
    "gazetteer_places.csv": PLACE_ROW,
    "gazetteer_world.csv": PLACE_ROW,
}


def problems(name: str, value) -> list[Problem]:
    """Where a parsed file (or one JSONL line or CSV row of it) breaks its schema."""
    schema = SCHEMAS.get(name)
    if schema is None:
        return [((), f"no schema for {name}: say what it may hold in pipeline/schemas.py")]
    return list(schema(value, ()))


def show_path(path: Path) -> str:
    """A key path as it reads in the file.

    >>> show_path(("rules", 0, "if", "near")), show_path(())
    ('rules[0].if.near', '(top level)')
    """
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return text or "(top level)"
