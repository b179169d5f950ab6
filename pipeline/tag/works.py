"""Quoted names of works and products, which are no organisations.

natasha types many a quoted name ORG. A name in quotes standing as an apposition to a
noun for a work or a made thing (``фильм «…»``, ``в фильме «…»``, ``торговой маркой «…»``:
lemmas in ``models/org_words.json`` ``work_nouns``) is that thing's title, and so is every
quoted name listed after it (``фильмы «…», «…» и «…»``). An apposition keeps its own case,
the nominative, whatever the noun's; a quoted name in the genitive after the noun is the
work's maker, an organisation (``статья «Новой газеты»``), and so is a capitalised
phrase in the genitive between the noun and the title (``в статье Вечернего обозревателя
«…»``: :func:`maker_before`), unless it names a person or a legal act (``статья Уголовного
кодекса``: ``models/org_words.json`` ``legal_acts``).

The same name quoted again in the document is the work again (``«Арктурус» полетит позже``
after ``шаттлы «Вальдор» и «Арктурус»``) unless the document also names an organisation
so: a quote after an institution noun (``редакция «…»``) or in the genitive after a person
(``сотрудники «…»``) or after a work (``статья «…»``). Then every quote of that name but
the titles themselves stays with the organisation (``Сотрудники «Мемориала» показали фильм
«Мемориал»; «Мемориал» ликвидировали``).
"""

from __future__ import annotations

import re
from functools import cache

from ..nlp import parse_word
from ..resources import lexicon_index, load_json
from .inflect import institution_heads, is_abbreviation
from .org_names import find_org_names

_QUOTED = re.compile(r"«([^«»\n]{1,80})»")
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\s\Z")
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LIST_GAP = re.compile(r"(?:,\s|\sи\s|\sили\s)\Z")
_DECLINED = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


@cache
def work_nouns() -> frozenset[str]:
    return frozenset(load_json("org_words.json")["work_nouns"])


@lexicon_index
def legal_acts() -> frozenset[str]:
    return frozenset(load_json("org_words.json")["legal_acts"])


_PROPER = frozenset({"Name", "Surn", "Patr"})


def maker_before(text: str, quote_start: int) -> tuple[int, int] | None:
    """The maker named between a work's noun and the quoted title at ``quote_start``:
    one to four words in the genitive, the first capitalised, the last a common noun
    that is no legal act (``статья Уголовного кодекса``), no word a person's name.

    >>> text = "в статье Вечернего обозревателя «Осень»; в книге Ивана Петрова «Сад»"
    >>> start, end = maker_before(text, text.index("«"))
    >>> text[start:end], maker_before(text, text.rindex("«"))
    ('Вечернего обозревателя', None)
    """
    if text[quote_start - 1 : quote_start] != " ":
        return None
    phrase: list[re.Match] = []
    edge = quote_start - 1
    for word in reversed(list(_FIRST_WORD.finditer(text, max(0, quote_start - 80), edge))):
        if word.end() != edge or len(phrase) > 4:
            return None
        parses = parse_word(word.group())
        if word.group().islower() and any(p.tag.POS == "NOUN" and p.normal_form in work_nouns() for p in parses):
            break
        if not parses or _PROPER & set(parses[0].tag.grammemes) or \
                not any(p.tag.case in ("gent", "gen2") for p in parses):
            return None
        phrase.insert(0, word)
        edge = word.start() - 1
        if text[edge : word.start()] != " ":
            return None
    else:
        return None
    if not phrase or not phrase[0].group()[:1].isupper():
        return None
    last = parse_word(phrase[-1].group())[0]
    if last.tag.POS != "NOUN" or last.normal_form in legal_acts():
        return None
    return phrase[0].start(), phrase[-1].end()


def quoted_works(text: str) -> set[tuple[int, int]]:
    """Spans of the quoted names of works in ``text``, each both with and without
    its quotes.

    >>> text = "шаттлы «Вальдор» и «Арктурус»; «Арктурусом» управлял он; газета «Время»"
    >>> sorted(text[a:b] for a, b in quoted_works(text) if text[a] != "«")
    ['Арктурус', 'Арктурусом', 'Вальдор']
    >>> text = "статья «Новой газеты»; редакция «Новой газеты»"
    >>> sorted(text[a:b] for a, b in quoted_works(text) if text[a] != "«")
    []
    """
    quotes = list(_QUOTED.finditer(text))
    if not quotes:
        return set()
    titles: list[re.Match] = []  # quotes read as a work's title where they stand
    org_names: list[str] = []  # names the document gives an organisation
    listed = False  # the previous quoted name was a title and this one may continue its list
    previous_end = -1
    for quote in quotes:
        before = text[max(0, quote.start() - 40) : quote.start()]
        gap = text[previous_end : quote.start()] if previous_end >= 0 else ""
        continues = listed and len(gap) <= 5 and _LIST_GAP.search(gap) is not None
        word = _WORD_BEFORE.search(before)
        parses = [p for p in parse_word(word.group(1)) if p.tag.POS == "NOUN"] if word else []
        genitive = _genitive(quote.group(1))
        headed = any(p.normal_form in work_nouns() for p in parses) and not genitive or \
            maker_before(text, quote.start()) is not None
        listed = headed or continues
        if listed:
            titles.append(quote)
        elif _names_organisation(parses, genitive):
            org_names.append(quote.group(1).lower().strip())
        previous_end = quote.end()
    # A name the document also gives an organisation is carried to no other quote.
    carried = {t.group(1).lower().strip() for t in titles}
    carried = {w for w in carried if not any(_same_name(name, w) for name in org_names)}
    found: set[tuple[int, int]] = set()
    for quote in quotes:
        if quote in titles or any(_same_name(quote.group(1), work) for work in carried):
            found.add((quote.start(), quote.end()))
            found.add((quote.start(1), quote.end(1)))
    return found


def _genitive(name: str) -> bool:
    """Whether a quoted name stands in the genitive, read off its first word: its
    likeliest parse is a genitive and none is a singular nominative (``«Новой газеты»``,
    ``«Медузы»``; not ``«Звёзды»``, ``«Как нас судили»``, nor an unknown ``«Вальдор»``,
    which pymorphy guesses a plural genitive first).

    >>> [_genitive(name) for name in ("Новой газеты", "Медузы", "Мемориал", "Как нас судили", "Вальдор")]
    [True, True, False, False, False]
    """
    first = _FIRST_WORD.match(name.strip())
    if first is None:
        return False
    parses = parse_word(first.group(0))
    if not parses or parses[0].tag.POS not in _DECLINED:
        return False
    if any(p.tag.case == "nomn" and p.tag.number != "plur" for p in parses):
        return False
    # An adjective's oblique feminine forms are one word (``Утренней``: genitive, dative,
    # instrumental or locative), and only a genitive stands after a noun unprepositioned.
    if parses[0].tag.POS in ("ADJF", "PRTF"):
        return any(p.tag.case in ("gent", "gen2") for p in parses)
    return parses[0].tag.case in ("gent", "gen2")


def _names_organisation(parses, genitive: bool) -> bool:
    """Whether a quote after a noun with these parses names an organisation: after an
    institution noun (``редакция «…»``), or in the genitive after a person or a work
    (``сотрудники «Мемориала»``, ``статья «Медузы»``: whose people, whose work)."""
    if any(p.normal_form in institution_heads() for p in parses):
        return True
    return genitive and any("anim" in p.tag or p.normal_form in work_nouns() for p in parses)


def _same_name(name: str, work: str) -> bool:
    """Whether a quoted name is a form of a work's name: the same words but for a case
    ending of at most three letters (``Арктурусом`` of ``Арктурус``, ``Союзом`` of ``Союз``).

    >>> _same_name("Арктурусом", "арктурус"), _same_name("Союз", "союзом"), _same_name("Сон", "сонет")
    (True, True, False)
    """
    name = name.lower().strip()
    short, long_ = sorted((name, work), key=len)
    if len(long_) - len(short) > 3:
        return False
    stem = short[: max(3, len(short) - 2)] if len(short) > 4 else short
    return long_.startswith(stem) and (len(long_) == len(short) or len(short) >= 4)


@cache
def _vehicle_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_json("org_words.json")
    return (frozenset(data["vehicle_parts"]), frozenset(data["docking_words"]),
            frozenset(data["docking_prepositions"]), frozenset(data["acting_verbs"]))


_WORDS_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\s+(?:([^\W\d_]+)\s+)?[«„\"]?\Z")


def vehicle_names(text: str, spans: list[tuple[int, int]], models=None) -> set[tuple[int, int]]:
    """Those of ``spans`` that name a craft or a station, no organisation: a name right
    after a part of a craft (``с борта …``, ``на сегменте …``: ``vehicle_parts`` in
    ``models/org_words.json``) or after a word of docking or flight and its preposition
    (``пристыковали к …``, ``отстыковался от …``: ``docking_words``,
    ``docking_prepositions``), and every other of ``spans`` with the same name, unless
    the document also gives the name to an organisation: after an institution noun or in
    the genitive after a person (``сотрудники …``), as for quoted works; a name of the
    organisation lexicon (``models/org_names.json``); with ``models``, a name that acts
    somewhere in the document (:func:`acts`: ``… извинилась``, ``… начала проверку``).
    ``с борта Аэрофлота`` is an airline's plane, and the airline stays an organisation.

    >>> text = "вели с борта ОКС; потом ОКС ушла; к ФСИН обратились; ЛОС пристыковали к ЛОС"
    >>> spans = [(m.start(), m.end()) for m in re.finditer(r"ОКС|ФСИН|ЛОС", text)]
    >>> sorted(text[a:b] for a, b in vehicle_names(text, spans))
    ['ЛОС', 'ЛОС', 'ОКС', 'ОКС']
    """
    parts, docking, prepositions, _ = _vehicle_words()
    crafts: list[str] = []
    org_names: list[str] = []
    found: set[tuple[int, int]] = set()
    for start, end in spans:
        name = text[start:end].strip("«»„“\" ")
        before = _WORDS_BEFORE.search(text, max(0, start - 60), start)
        if before is None:
            continue
        last, first = (before.group(2), before.group(1)) if before.group(2) else (before.group(1), None)
        last_parses = parse_word(last)
        if last.islower() and any(p.tag.POS == "NOUN" and p.normal_form in parts for p in last_parses) or \
                first is not None and last.lower() in prepositions and \
                any(p.normal_form in docking for p in parse_word(first)):
            crafts.append(name.lower())
            found.add((start, end))
        elif _names_organisation([p for p in last_parses[:1] if p.tag.POS == "NOUN" and not _PROPER & set(p.tag.grammemes)],
                                 _genitive(name) or is_abbreviation(name)):
            org_names.append(name.lower())
    if not crafts:
        return set()
    mentions = {craft: [(a, b) for a, b in spans if _same_name(text[a:b].strip("«»„“\" "), craft)]
                for craft in crafts}
    # A body the lexicon knows, or one that acts where it is not read as a craft, is a
    # body everywhere (its plane's ``борт``).
    known = find_org_names(text)
    bodies = {craft for craft, where in mentions.items()
              if any(a <= start and end <= b for start, end in where for a, b in known)
              or models is not None and acts(text, sorted(set(where) - found), models)}
    found = {span for span in found if not any(span in mentions[craft] for craft in bodies)}
    carried = {c for c in crafts if c not in bodies and not any(_same_name(name, c) for name in org_names)}
    return found | {span for craft in carried for span in mentions[craft]}


def acts(text: str, spans: list[tuple[int, int]], models) -> bool:
    """Whether a name at one of ``spans`` acts: the subject (``nsubj``, by natasha's
    dependency parse of its sentence) of a finite verb that takes an object (pymorphy3
    ``tran``) or of a verb of a body's conduct (``acting_verbs`` of
    ``models/org_words.json``: ``извиниться``, ``отказаться``). A craft works, leaves,
    burns (``станция работает``); a body apologises and opens an inquiry. Only the
    sentences holding the name are parsed.
    """
    if not spans:
        return False
    verbs = _vehicle_words()[3]
    sentences = [(sentence, list(models.segmenter.tokenize(sentence.text)))
                 for sentence in models.segmenter.sentenize(text)
                 if any(sentence.start <= a and b <= sentence.stop for a, b in spans)]
    words = [[t.text for t in tokens] for _, tokens in sentences]
    parsed = zip(sentences, words, models.morph_tagger.map(words), models.syntax_parser.map(words))
    for (sentence, tokens), words, morph, syntax in parsed:
        morph, syntax = morph.tokens, syntax.tokens
        position = {token.id: i for i, token in enumerate(syntax)}
        for i, token in enumerate(tokens):
            start = sentence.start + token.start
            if syntax[i].rel != "nsubj" or not any(a <= start < b for a, b in spans):
                continue
            head = position.get(syntax[i].head_id)
            if head is None or morph[head].pos not in ("VERB", "AUX") or morph[head].feats.get("VerbForm") != "Fin":
                continue
            verb = [p for p in parse_word(words[head]) if p.tag.POS == "VERB"]
            if verb and ("tran" in verb[0].tag or verb[0].normal_form in verbs):
                return True
    return False
