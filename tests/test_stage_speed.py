"""Speed-ups that must not change what the stages find: each fast path against the slow
definition it replaces, on invented sentences."""

from __future__ import annotations

import pytest
from razdel import tokenize

from pipeline.events.clauses import time_clause
from pipeline.events.scene import Scene
from pipeline.events.syntax import Token, context, find_pattern, pattern_index, pattern_lengths_at
from pipeline.events.triggers import word_lemmas
from pipeline.records import DATE, Sentence
from pipeline.tag.relative_dates import find_relative_dates, weekday_number
from pipeline.tag.gazetteer import find_places
from pipeline.tag.org_names import lexicon_names
from pipeline.tag.org_names_index import fingerprint, index_of, key_code, prebuilt_names

IDIOMS = [["в", "тот", "число"], ["в", "число"], ["в", "большой", "число"], ["число"]]


def tokens_of(text: str) -> tuple[Token, ...]:
    return tuple(Token(i, 0, 0, w, word_lemmas(w), "X", -1, "") for i, w in enumerate(text.split()))


# Sentences written for these tests: idioms whole, cut by the sentence end, or absent.
@pytest.mark.parametrize("text, expected", [
    ("задержали пятерых , в том числе двоих несовершеннолетних", {3: [3], 5: [1]}),
    ("в числе задержанных оказался журналист", {0: [2], 1: [1]}),
    ("в большом числе городов прошли пикеты", {0: [3], 2: [1]}),
    ("пикет прошёл в том", {}),
    ("число задержанных выросло в", {0: [1]}),
    ("в", {}),
])
def test_pattern_lengths_at_reads_what_find_pattern_reads(text, expected):
    tokens = tokens_of(text)
    for i in range(len(tokens)):
        slow = sorted(len(p) for p in IDIOMS if find_pattern(tokens, [p], i, i + len(p)) == i)
        assert sorted(pattern_lengths_at(tokens, IDIOMS, i)) == slow
        assert sorted(pattern_lengths_at(tokens, IDIOMS, i)) == sorted(expected.get(i, []))
        # an index made once by a caller that tries every word reads as the list does
        assert sorted(pattern_lengths_at(tokens, pattern_index(IDIOMS), i)) == slow


# Invented: names of one, two and three words, across a line break, after lower-case words,
# in oblique cases, and capitalised words that are no place.
@pytest.mark.parametrize("text, expected", [
    ("Пикет прошёл в Нижнем Новгороде и в Омске.", ["Нижний Новгород", "Омск"]),
    # a name cut by a line break: only that the fast lookup finds what the slow one does (the
    # second word alone reads as Великий Новгород today, a known miss no test should lock in)
    ("Их увезли из Нижнего\nНовгорода в Омск.", None),
    ("Акция в Москве, затем Санкт-Петербурге и Казани.", ["Москва", "Санкт-Петербург", "Казань"]),
    ("Иван Петров Приехал Домой", []),
    ("ЗАДЕРЖАНИЯ В МОСКВЕ И НИЖНЕМ НОВГОРОДЕ", None),
    ("В Республике Татарстан и Свердловской области прошли обыски.", None),
])
def test_find_places_looks_up_runs_as_before(text, expected):
    found = find_places(text)
    if expected is not None:
        assert [p.canonical for p in found] == expected
    assert found == slow_find_places(text)


def slow_find_places(text: str):
    """find_places as it was: every length of run tried, adjacent or not, known or not."""
    from pipeline.tag import gazetteer as g

    words = list(g._WORD.finditer(text))
    entries, longest = g._entries(), g._max_words()
    places, index = [], 0
    while index < len(words):
        hit = None
        if not words[index].group()[0].isupper():
            index += 1
            continue
        for size in range(min(longest, len(words) - index), 0, -1):
            run = words[index : index + size]
            if not g._adjacent(text, run):
                continue
            found = [entries[key] for key in g._keys(tuple(m.group() for m in run)) if key in entries]
            if found:
                hit = (size, max(found, key=lambda entry: (entry[0] == entry[3], entry[3])))
                break
        if hit:
            size, (canonical, kind, country, name) = hit
            run = words[index : index + size]
            name = g._like_text(name, [m.group() for m in run])
            places.append(g.Place(run[0].start(), run[-1].end(), canonical, kind, country, name))
            index += size
        else:
            index += 1
    return places


def test_the_shipped_org_names_index_is_the_lexicon_built_now():
    """``models/org_names_index.json`` is what ``scripts/build_org_names_index.py`` writes
    from ``models/org_names.json`` with this pymorphy3: rerun the script when this fails."""
    assert prebuilt_names() == lexicon_names()


def test_an_index_built_from_another_lexicon_is_not_used():
    names = lexicon_names()[:3]
    index = index_of(names)
    assert prebuilt_names(index) == names
    assert prebuilt_names(index, expected=fingerprint().replace("pymorphy3-dict", "other-dict")) is None
    assert prebuilt_names(dict(index, fingerprint="0" * 64)) is None
    # an index built by other key-building code (the fingerprint of the lexicon and the
    # dictionary alone, as before the code was fingerprinted) is not used either
    assert prebuilt_names(dict(index, fingerprint=fingerprint().replace(f" code {key_code()}", ""))) is None


# Invented: relative days at the start, after a date, twice, or not at all.
@pytest.mark.parametrize("text, expected", [
    ("на следующий день его снова задержали", (0, 3, 1)),
    ("пикет прошёл , а через неделю суд назначил штраф", (4, 2, 7)),
    ("через два дня и спустя неделю пришли снова", (0, 3, 2)),
    ("наутро задержанных отпустили", (0, 1, 1)),
    ("суд прошёл в тот же день", None),
])
def test_days_later_reads_what_every_pattern_read(text, expected):
    # scene._counted_step (round 13: it also counts ``через 5 дней``) tries only the
    # ``relative_days`` patterns whose first lemma the sentence has; here every pattern is tried
    from pipeline.events.scene import _counted_step
    from pipeline.events.syntax import context

    tokens = tokens_of(text)
    found = [(at, len(p), days) for p, days in context()["relative_days"]
             if (at := find_pattern(tokens, [p], 0, len(tokens))) is not None]
    step = _counted_step(tokens)
    read = None if step is None else (step[0], step[1], step[2][1])
    assert step is None or step[2][0] == "day"
    assert read == (min(found) if found else None) == expected


def scan(tokens, patterns, lo: int, hi: int) -> int | None:
    """The slow definition of :func:`find_pattern`: every start, every pattern, folded here."""
    from pipeline.resources import fold

    for i in range(max(0, lo), min(len(tokens), hi)):
        for pattern in patterns:
            parts = [fold(p) for p in pattern]
            if parts and i + len(parts) <= min(len(tokens), hi) \
                    and all(parts[k] in tokens[i + k].lemmas for k in range(len(parts))):
                return i
    return None


PATTERNS = [["на", "следующий", "день"], ["в", "тот", "же", "день"], ["там"], ["Ещё", "раз"]]


# Invented: a pattern at the start, in the middle, at the end, cut by the range, twice, or absent.
@pytest.mark.parametrize("text", [
    "на следующий день активистку снова задержали",
    "суд назначил штраф в тот же день , а там и арест",
    "пикет прошёл без задержаний",
    "его задержали ещё раз там же",
    "в тот же",
    "",
])
def test_find_pattern_finds_what_a_scan_of_every_start_finds(text):
    tokens = tokens_of(text)
    for lo in range(-1, len(tokens) + 1):
        for hi in range(lo, len(tokens) + 2):
            for patterns in (PATTERNS, PATTERNS[:1], [list(p) for p in PATTERNS[1:]], []):
                assert find_pattern(tokens, patterns, lo, hi) == scan(tokens, patterns, lo, hi)
                # the same words as a list (not remembered as a sentence) and as another tuple
                assert find_pattern(list(tokens), patterns, lo, hi) == scan(tokens, patterns, lo, hi)
                assert find_pattern(tuple(tokens), patterns, lo, hi) == scan(tokens, patterns, lo, hi)
                assert find_pattern(tokens, pattern_index(patterns), lo, hi) == scan(tokens, patterns, lo, hi)


def test_a_pattern_list_changed_between_sentences_is_read_as_it_is():
    """A new list of the same patterns, or a longer one, reads as its words say, whatever
    lists were read before (the folded patterns are remembered by the list)."""
    tokens = tokens_of("его задержали ещё раз на следующий день")
    for _ in range(3):
        for patterns in ([["ещё", "раз"]], [["на", "следующий", "день"]], [["ещё", "два", "раза"]], [["там"]]):
            assert find_pattern(tokens, patterns, 0, len(tokens)) == scan(tokens, patterns, 0, len(tokens))


# Invented typos of trigger words (a letter dropped, doubled or swapped for another) and
# words of seven letters or more that are no typo of one.
@pytest.mark.parametrize("word, typo", [
    ("предуредили", True), ("оштрафавал", True), ("арестовыли", True), ("задиржали", True),
    ("обыскавали", True), ("задержаали", False), ("конфисковли", False), ("фотографировали", False),
    ("абракадабрище", False), ("задержали", False),
])
def test_a_typo_gets_the_trigger_lemmas_one_edit_away_as_before(word, typo):
    """Against every trigger lemma of seven letters or more, as the lookup read them all."""
    from pipeline.events.triggers import _one_edit, aspect_partners, lemmas_of, trigger_index
    from pipeline.nlp import morph_analyzer
    from pipeline.resources import fold

    lemmas = lemmas_of(word)
    lemmas |= set().union(*(aspect_partners(lemma) for lemma in lemmas))
    near = set()
    if len(fold(word)) >= 7 and fold(word).isalpha() and not morph_analyzer().word_is_known(fold(word)):
        near = {key for key in trigger_index() if len(key) >= 7 for lemma in lemmas if _one_edit(lemma, key)}
    assert word_lemmas(word) == lemmas | near
    assert bool(near - lemmas) == typo


# ----------------------------------------- the realis step: persons indexed, cues read on demand
# (start, end) stretches asked of invented person spans: nested, overlapping, touching, apart.
PERSON_SPANS = [(10, 25), (12, 18), (30, 40), (38, 60), (70, 71)]


@pytest.mark.parametrize("start, end", [
    (10, 25), (12, 18), (11, 24), (9, 12), (24, 26), (25, 30), (30, 60), (39, 59), (41, 60),
    (40, 61), (70, 71), (70, 72), (0, 0), (80, 81), (26, 29),
])
def test_person_spans_hold_what_a_scan_of_every_mention_holds(start, end):
    from pipeline.events.realis import PersonSpans
    from pipeline.records import LOC, PER, Mention

    mentions = [Mention(PER, a, b, "x" * (b - a)) for a, b in PERSON_SPANS] + [Mention(LOC, 0, 100, "x" * 100)]
    slow = any(m.type == PER and m.start <= start and end <= m.end for m in mentions)
    assert PersonSpans(mentions).hold(start, end) == slow


# Cue sets a candidate may have: the rules' own rows, a particular beside a class, and none.
@pytest.mark.parametrize("fired", [
    set(), {"endnote", "conditional"}, {"future", "alleged", "has_person"}, {"modal", "norm"},
    {"property", "qualifies_person"}, {"property"}, {"names_people", "possessed"}, {"standing_role"},
    {"status", "has_date_year"}, {"habitual", "generic_present"}, {"present", "generic_subject"},
    {"present", "one_participant"}, {"present"}, {"present", "deictic_present", "frequency"},
    {"recurring", "has_place"}, {"statistic", "share_of_number"}, {"by_article", "counted"},
    {"cases_counted", "summing", "past"}, {"count_patient", "year_only", "large_count", "past"},
    {"generic_plural", "noun"}, {"generic_subject", "past", "perfective"}, {"noun", "card_field"},
    {"noun"}, {"participle"}, {"past", "has_person", "noun"},
])
def test_cues_read_on_demand_give_the_rule_every_cue_gives(fired):
    from pipeline.events.realis import Cues, rule_of

    names = sorted({"endnote", "table_row", "conditional", "future", "memorial", "alleged", "punished",
                    "modal", "norm", "normative", "property", "qualifies_person", "names_people",
                    "standing_role", "status", "generic_present", "habitual", "present", "generic_subject",
                    "told_of_someone", "one_participant", "own_past", "exact_value", "deictic_present",
                    "summing", "frequency", "recurring", "statistic", "share_of_number", "by_article",
                    "counted", "counted_in_phrase", "cases_counted", "over_period", "year_only",
                    "large_count", "count_patient", "generic_plural", "generic_determiner", "past",
                    "perfective", "noun", "possessed", "participle", "infinitive", "card_field"} | fired)
    given = {name for name in fired if name.startswith("has_")}
    read: list[str] = []

    def check(name):
        def fires():
            read.append(name)
            return name in fired
        return fires

    lazy = Cues(given, {name: check(name) for name in names if not name.startswith("has_")})
    assert rule_of(lazy) == rule_of(frozenset(fired))
    assert len(read) == len(set(read))  # each cue read once
    assert rule_of(lazy.fired()) == rule_of(frozenset(fired))  # what was read replays the rule
    assert lazy.complete() == frozenset(fired)


# Invented sentences whose candidates take each branch of the rules: a happening told, a law,
# a habit, a present of one, a class, a participle of a named person, a tally.
@pytest.mark.parametrize("text", [
    "12 марта в Казани полиция задержала Ивана Сидорова у здания мэрии.",
    "Закон предусматривает арест до 15 суток за повторное нарушение.",
    "Обычно полицейские задерживают участников пикетов без объяснения причин.",
    "Суд арестовывает Петра Волкова, его адвокат обжалует решение.",
    "Активистов преследуют за любые высказывания, им угрожают исключением.",
    "Олег Кравцов, находящийся под домашним арестом, подал жалобу. Его могли задержать снова.",
    "В 2016 году по этой статье осуждены 40 человек, ещё трое оштрафованы.",
])
def test_events_with_cues_read_on_demand_are_events_with_every_cue(models, text):
    import datetime as dt

    from pipeline.events import build_events
    from pipeline.segment import split_sentences
    from pipeline.tag import tag_mentions

    doc_date, mentions = tag_mentions(text, models, dt.date(2016, 5, 1))
    candidates: list = []
    every_cue = build_events(text, split_sentences(text), mentions, models, doc_date, candidates)
    assert candidates
    assert build_events(text, split_sentences(text), mentions, models, doc_date) == every_cue


def time_clause_by_each_opener(tokens, index):
    """time_clause as it was: every opener looked for on its own, in every sentence."""
    for opener in context()["time_clause_openers"]:
        at = find_pattern(tokens, [opener], 0, len(tokens))
        while at is not None:
            verb = next((t.index for t in tokens[at + len(opener):] if t.pos in {"VERB", "AUX"}), None)
            if verb is None:
                break
            end = next((t.index for t in tokens[verb:] if t.text in {",", ";", ":"}), len(tokens))
            if at <= index < end:
                return range(at, end)
            at = find_pattern(tokens, [opener], end, len(tokens))
    return None


def verbs_marked(text: str) -> tuple[Token, ...]:
    """Tokens of the words, a word ending in ``*`` a verb."""
    words = text.split()
    return tuple(Token(i, 0, 0, w.rstrip("*"), word_lemmas(w.rstrip("*")), "VERB" if w.endswith("*") else "X", -1, "")
                 for i, w in enumerate(words))


# Invented: each opener, two clauses, an opener's first word alone, an opener with no verb
# after it, and sentences with none.
@pytest.mark.parametrize("text, clauses", [
    ("После того как в среду прошёл* пикет , его участницу задержали*", 1),
    ("До того как суд вынес* решение , адвоката к нему не пускали*", 1),
    ("Перед тем как выйти* из дома , он позвонил* брату", 1),
    ("Прежде чем начать* обыск , полицейские забрали* телефоны", 1),
    ("С тех пор как он уехал* , его дважды вызывали* ; после того как вернулся* , задержали*", 2),
    ("Его задержали* после митинга , до суда держали* в отделе", 0),
    ("После того как", 0),
    ("Соседи видели* , как его увезли*", 0),
    ("", 0),
])
def test_time_clause_reads_what_each_opener_read(text, clauses):
    tokens = verbs_marked(text)
    found = [time_clause(tokens, i) for i in range(len(tokens))]
    assert found == [time_clause_by_each_opener(tokens, i) for i in range(len(tokens))]
    assert len({r for r in found if r is not None}) == clauses


def bare_weekday_by_every_relative_date(sentence, tokens, placed):
    """Scene._bare_weekday as it was: the relative dates of every sentence read."""
    spans = [(p.mention.start, p.mention.end) for p in placed if p.mention.type == DATE]
    for found in find_relative_dates(sentence.text):
        start, end = sentence.start + found.start, sentence.start + found.end
        if found.kind != "weekday" or found.offset is not None or any(a < end and start < b for a, b in spans):
            continue
        inside = [t.index for t in tokens if start <= t.start and t.end <= end]
        if inside:
            return inside[0], len(inside), ("weekday", weekday_number(found.head))
    return None


# Invented: each weekday's form, in capitals, with ё, inside a longer word, a weekday with a
# modifier (no bare weekday), a weekday beside its date, and sentences with none.
@pytest.mark.parametrize("text, weekday", [
    ("В понедельник суд арестовал его на два месяца.", 0),
    ("Во вторник к нему не пустили адвоката.", 1),
    ("В среду пикетчиков отвезли в отдел.", 2),
    ("В ЧЕТВЕРГ ЕГО ОШТРАФОВАЛИ.", 3),
    ("Её задержали в пятницу вечером.", 4),
    ("В субботу и в воскресенье прошли обыски.", 5),
    ("Заседание назначили на воскресенье.", None),
    ("В прошлую пятницу его вызвали на допрос.", None),
    ("Во вторник, 3 марта, прошёл пикет.", None),
    ("Среди задержанных оказался журналист.", None),
    ("Суд оштрафовал активиста на десять тысяч рублей.", None),
    ("", None),
])
def test_bare_weekday_reads_what_every_relative_date_read(text, weekday):
    sentence = Sentence(0, len(text), text, 0)
    tokens = tuple(Token(i, t.start, t.stop, t.text, word_lemmas(t.text), "X", -1, "")
                   for i, t in enumerate(tokenize(text)))
    found = Scene._bare_weekday(sentence, tokens, ())
    assert found == bare_weekday_by_every_relative_date(sentence, tokens, ())
    assert (found[2][1] if found else None) == weekday
