"""Organisations: institution words, abbreviations, and nominative forms of names.

The words live in ``models/org_words.json``: nouns that head an organisation's
name (акимат, маслихат, партия, фонд…), those that are an organisation even
alone and in lower case (прокуратура, полиция), abbreviations (ДВД, СОБР) and
legal forms that open a quoted name (ОФ «Аман Саулык»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..nlp import parse_word
from ..resources import load_json
from .gazetteer import is_place_adjective, place_of_adjective
from .inflect import abbreviation_stem, is_abbreviation, noun_lemmas, normalise_phrase
from .overlaps import SpanIndex
from .works import maker_before

_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class OrgLexicon:
    heads: frozenset[str]
    standalone: frozenset[str]
    abbreviations: frozenset[str]
    legal_forms: frozenset[str]
    not_org: frozenset[str]
    named_by_genitive: frozenset[str]
    named_by_field: frozenset[str]
    determiners: frozenset[str]
    designators: frozenset[str]
    complement_not: frozenset[str]
    complement_not_singular: frozenset[str]
    complement_office: frozenset[str]
    unnamed_alone: frozenset[str]
    located_by_adjective: frozenset[str]
    quoted_name: re.Pattern


@cache
def org_lexicon() -> OrgLexicon:
    data = load_json("org_words.json")
    forms = "|".join(sorted(map(re.escape, data["legal_forms"]), key=len, reverse=True))
    return OrgLexicon(
        heads=frozenset(data["heads"]),
        standalone=frozenset(data["standalone"]),
        abbreviations=frozenset(data["abbreviations"]),
        legal_forms=frozenset(data["legal_forms"]),
        not_org=frozenset(data["not_org"]),
        named_by_genitive=frozenset(data["named_by_genitive"]),
        named_by_field=frozenset(data["named_by_field"]),
        determiners=frozenset(data["determiners"]),
        designators=frozenset(data["designators"]),
        complement_not=frozenset(data["complement_not"]),
        complement_not_singular=frozenset(data["complement_not_singular"]),
        complement_office=frozenset(data["complement_office"]),
        unnamed_alone=frozenset(data["unnamed_alone"]),
        located_by_adjective=frozenset(data["located_by_adjective"]),
        quoted_name=re.compile(rf"(?<![\w-])(?:{forms}) ?«[^»\n]{{1,80}}»"),
    )


def org_head(words: list[str]) -> int | None:
    """Index of the word that makes a span an organisation, if any.

    >>> org_head(["Акиматом"]), org_head(["Владимира", "Козлова"])
    (0, None)
    """
    lexicon = org_lexicon()
    for index, word in enumerate(words):
        if is_abbreviation(word) and abbreviation_stem(word) in lexicon.abbreviations:
            return index
        if noun_lemmas(word) & lexicon.heads:
            return index
    return None


def is_standalone_body(word: str) -> bool:
    """A state body's common noun, an ORG even alone (``мэрия``, ``суд``), as
    opposed to a head that needs a name (``партия``) or an abbreviation.

    >>> is_standalone_body("Мэрии"), is_standalone_body("партии"), is_standalone_body("ОМОН")
    (True, False, False)
    """
    return not is_abbreviation(word) and bool(noun_lemmas(word) & org_lexicon().standalone)


def is_unnamed_body(surface: str) -> bool:
    """A body's common noun standing alone that names no body (``в суд``, ``перед
    судом``: ``unnamed_alone`` in ``models/org_words.json``); with an adjective, a
    name or a place it names one (``районный суд``, ``суд Ленинского района``).

    >>> is_unnamed_body("судом"), is_unnamed_body("районный суд"), is_unnamed_body("полиция")
    (True, False, False)
    """
    words = _WORD.findall(surface)
    alone = org_lexicon().unnamed_alone
    if len(words) != 1 or words[0][:3].lower() not in {lemma[:3] for lemma in alone} or is_abbreviation(words[0]):
        return False  # the prefix check spares most spans a parse
    return any(p.tag.POS == "NOUN" and p.normal_form in alone for p in parse_word(words[0]))


def is_plural_institution(word: str) -> bool:
    """An institution noun that can only be plural: a class of bodies, not one.

    >>> is_plural_institution("маслихаты"), is_plural_institution("суда")
    (True, False)
    """
    parses = [p for p in parse_word(word) if p.tag.POS == "NOUN" and p.normal_form in org_lexicon().heads]
    return bool(parses) and all(p.tag.number == "plur" for p in parses)


def find_org_words(text: str) -> list[tuple[int, int]]:
    """Spans of institutions named by the lexicon alone: a standalone noun in the
    singular with its adjectives, a body named by a genitive phrase, an
    abbreviation, a legal form with a quoted name.

    >>> text = "прокуратурой вручены; спецприемник ДВД; ОФ «Аман Саулык»"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['прокуратурой', 'ДВД', 'ОФ «Аман Саулык»']
    >>> text = "оштрафована административным судом; маслихаты по всей стране; в данный суд"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['административным судом', 'суд']
    >>> text = "звонки в департамент государственного имущества и приватизации, мы"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['департамент государственного имущества и приватизации']
    >>> text = "наблюдатели центра «Жария»; Западно-Казахстанский правозащитный центр «Жария»"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['центра «Жария»', 'Западно-Казахстанский правозащитный центр «Жария»']
    >>> text = "доставили в отдел полиции «Центральный»"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['отдел полиции «Центральный»']
    >>> text = "вызвали в управление СГБ, потом в районный ОВД и в данный РОВД"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['управление СГБ', 'районный ОВД', 'РОВД']
    >>> text = "дело возбудил следственный комитет; комитет решил; в райисполком"
    >>> [text[a:b] for a, b in find_org_words(text)]
    ['следственный комитет', 'райисполком']
    """
    lexicon = org_lexicon()
    spans = [(m.start(), m.end()) for m in lexicon.quoted_name.finditer(text)]
    words = list(_WORD.finditer(text))
    spans += _headed_quoted_names(text, words, spans)
    within = SpanIndex(spans)  # kept beside spans: a word is looked up only among its neighbours
    standalone = lexicon.standalone | lexicon.named_by_genitive
    prefixes = {lemma[:3] for lemma in standalone | lexicon.named_by_field}  # a cheap filter before parsing
    standalone_prefixes = {lemma[:3] for lemma in standalone}
    for index, match in enumerate(words):
        word = match.group()
        if is_abbreviation(word):
            if abbreviation_stem(word) in lexicon.abbreviations:
                spans.append((_abbreviation_start(text, words, index), match.end()))
                within.add(spans[-1])
            continue
        if word[:3].lower() not in prefixes or within.overlapping(match.start(), match.start() + 1):
            continue
        if word[:3].lower() not in standalone_prefixes and not _COMPLEMENT_NEXT.match(text, match.end()):
            continue  # a head named by its field only: no ``по``/``при`` after it
        parses = [p for p in parse_word(word) if p.tag.POS == "NOUN" and p.normal_form in lexicon.heads]
        singular = [p for p in parses if p.tag.number == "sing"]
        if not singular:
            continue  # ``маслихаты по всей стране``: a class of bodies
        if not any(p.normal_form in standalone for p in singular):
            # Some other heads name a body by its field: ``комиссия по делам несовершеннолетних``.
            if not _COMPLEMENT_NEXT.match(text, match.end()) or \
                    not any(p.normal_form in lexicon.named_by_field for p in singular):
                continue
            end = complement_end(text, match.start(), match.end())
            if end > match.end():
                spans.append((_adjectives_start(text, words, index, singular), end))
                within.add(spans[-1])
            continue
        singular = [p for p in singular if p.normal_form in standalone]
        end = match.end()
        adjectives_start = _adjectives_start(text, words, index, singular)
        if singular[0].normal_form in lexicon.named_by_genitive:
            end = _genitive_phrase_end(text, words, index)
            if end == match.end() == adjectives_start + len(word) and \
                    singular[0].normal_form not in lexicon.standalone:
                end = complement_end(text, match.start(), match.end())  # ``комитет по делам молодёжи``
                if end == match.end():
                    continue  # ``комитет`` alone is too vague; ``следственный комитет`` names one
        spans.append((adjectives_start, end))
        within.add(spans[-1])
    return sorted(spans)


_QUOTED = re.compile(r"«[^»\n]{1,80}»")


def _headed_quoted_names(text: str, words: list[re.Match], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``центра «Жария»``, ``правозащитный центр «Жария»``, ``отдел полиции
    «Центральный»``: a head noun (maybe with one genitive noun after it) right
    before a quoted name is one ORG with it, adjectives before the head included."""
    heads = org_lexicon().heads
    starts = {m.end(): i for i, m in enumerate(words)}
    found = []
    within = SpanIndex(taken)
    for quote in _QUOTED.finditer(text):
        if within.overlapping(quote.start(), quote.start() + 1):  # opens inside a name found
            continue
        if maker_before(text, quote.start()) is not None:
            continue  # ``в фильме Северного телеканала «…»``: the channel's work, not its name
        index = starts.get(quote.start() - 1) if text[quote.start() - 1 : quote.start()] == " " else None
        if index is None:
            continue
        for head_index in (index - 1, index) if index > 0 else (index,):
            nouns = [p for p in parse_word(words[head_index].group())
                     if p.tag.POS == "NOUN" and p.normal_form in heads and p.tag.number == "sing"]
            if not nouns:
                continue
            if head_index != index and (text[words[head_index].end() : words[index].start()] != " "
                                        or not any(p.tag.case == "gent" for p in parse_word(words[index].group()))):
                continue
            found.append((_adjectives_start(text, words, head_index, nouns), quote.end()))
            break
    return found


def _abbreviation_start(text: str, words: list[re.Match], index: int) -> int:
    """Where a body named by its abbreviation begins: a lower-case institution noun
    right before it (``управление СГБ``) or agreeing adjectives (``районный ОВД``)
    belong to the name; an abbreviation has no case, so any singular adjective does."""
    start = words[index].start()
    if index == 0 or text[words[index - 1].end() : start] != " ":
        return start
    previous = words[index - 1].group()
    if not previous.islower():
        return start
    heads = [p for p in parse_word(previous)
             if p.tag.POS == "NOUN" and p.normal_form in org_lexicon().heads and p.tag.number == "sing"]
    if heads:
        return _adjectives_start(text, words, index - 1, heads)
    determiners = org_lexicon().determiners
    while index > 0 and text[words[index - 1].end() : words[index].start()] == " ":
        parses = parse_word(words[index - 1].group())
        if not (words[index - 1].group().islower() and parses and parses[0].tag.POS == "ADJF"
                and parses[0].tag.number == "sing" and "Apro" not in parses[0].tag
                and parses[0].normal_form not in determiners):
            break
        index -= 1
    return words[index].start()


def _adjectives_start(text: str, words: list[re.Match], index: int, heads: list) -> int:
    """Where the adjectives agreeing with an institution noun begin
    (``Специализированным административным судом``); determiners stay out."""
    determiners = org_lexicon().determiners
    start = words[index].start()
    for previous in reversed(words[max(0, index - 3) : index]):
        if text[previous.end() : start] != " ":
            break
        parses = parse_word(previous.group())
        if parses and parses[0].tag.POS == "NOUN":
            break  # a noun by its likeliest reading: ``главой`` (администрации), no adjective
        agreeing = [
            p for p in parses
            if p.tag.POS == "ADJF" and "Apro" not in p.tag and p.normal_form not in determiners
            and any(p.tag.case == h.tag.case and p.tag.number == h.tag.number
                    and p.tag.gender in (None, h.tag.gender) for h in heads)
        ]
        if not agreeing:
            break
        if start == words[index].start() and _describes_by_place(text, previous, agreeing, heads):
            break  # ``самарской полиции``: the body serving Samara, named ``полиция``
        start = previous.start()
    return start


# Where a sentence opens: the text's start, or a line end or a full stop before the word,
# an opening quote or dash between.
_SENTENCE_OPENS = re.compile(r"(?:\A|[.!?…]\s|\n)[\s«\"„(—–-]*\Z")


def _describes_by_place(text: str, word: re.Match, agreeing: list, heads: list) -> bool:
    """Whether the adjective right before a body's noun only says where the body is
    (``самарской полиции``, ``Болгарское правительство …``; ``located_by_adjective`` in
    ``models/org_words.json``), as NEREL and the real report pages bound it: an adjective made
    from a place's name in lower case, or a country's opening the sentence. One capitalised
    inside a sentence is part of a proper name (``Кировский``), and a city's opening the
    sentence may be (``Лондонская полиция`` is one body to FactRuEval)."""
    if not any(h.normal_form in org_lexicon().located_by_adjective for h in heads):
        return False
    if word.group().islower():
        return any(is_place_adjective(p.normal_form) for p in agreeing)
    if not _SENTENCE_OPENS.search(text, max(0, word.start() - 4), word.start()):
        return False
    return any(is_place_adjective(p.normal_form) and place_of_adjective(p.normal_form) is None for p in agreeing)


def _genitive_phrase_end(text: str, words: list[re.Match], index: int) -> int:
    """End of the genitive phrase naming a body after its noun: ``департамент
    государственного имущества и приватизации``; the head's end when there is none."""
    end = last_noun_end = words[index].end()
    for following in words[index + 1 : index + 8]:
        if text[end : following.start()] != " ":
            break
        word = following.group()
        if word[:1].isupper():
            break  # ``комитета Совета Федерации``: a name of its own follows
        if word == "и" and last_noun_end == end:
            end = following.end()
            continue
        parses = parse_word(word)
        if not parses or parses[0].tag.case != "gent" or parses[0].tag.POS not in ("NOUN", "ADJF"):
            break
        end = following.end()
        if parses[0].tag.POS == "NOUN":
            last_noun_end = end
    return last_noun_end


def normalise_org(surface: str) -> str:
    """An organisation's name in the nominative; abbreviations and quoted names kept.

    >>> normalise_org("Акиматом"), normalise_org("СОБРа"), normalise_org("прокуратурой")
    ('Акимат', 'СОБР', 'прокуратура')
    >>> normalise_org("Коммунистической партии Казахстана")
    'Коммунистическая партия Казахстана'
    """
    if is_abbreviation(surface):
        return abbreviation_stem(surface)
    return normalise_phrase(surface)


_COMPLEMENT_INSIDE = re.compile(r" (?:по|при) (?!.* (?:по|при) )")
_COMPLEMENT_NEXT = re.compile(r" (?:по|при) ")


def complement_end(text: str, start: int, end: int) -> int:
    """Where an organisation's name ends once the phrase naming its field or its
    patron is taken in: ``комиссия`` + ``по правам человека``, ``совет`` + ``при
    президенте``; ``end`` itself when no such phrase follows.

    A ``по`` phrase counts when its first noun is in the dative and is no word of
    reason, source or manner (``суд по делу``, ``по словам``: ``complement_not``);
    it runs over dative and genitive nouns and adjectives (a capitalised genitive
    too: ``по охране природы Урала``) and ``и`` between nouns. A ``при`` phrase
    counts when its first noun is a body or an office (``complement_office``).
    The span must be headed by an institution noun (``org_head``).

    >>> text = "заседание комиссии по правам человека прошло, а суд по делу Иванова отложен"
    >>> text[10:complement_end(text, 10, 18)], text[48:complement_end(text, 48, 51)]
    ('комиссии по правам человека', 'суд')
    >>> text = "комиссия по делам несовершеннолетних и по борьбе с коррупцией"
    >>> text[:complement_end(text, 0, 8)]
    'комиссия по делам несовершеннолетних'
    >>> text = "управление по борьбе с экстремизмом ГУ МВД"
    >>> text[:complement_end(text, 0, 10)]
    'управление по борьбе с экстремизмом'
    >>> text = "совет при губернаторе по делам молодёжи собрался"
    >>> text[:complement_end(text, 0, 5)]
    'совет при губернаторе по делам молодёжи'
    """
    inside = _COMPLEMENT_INSIDE.search(text, start, end)
    if inside is None and not _COMPLEMENT_NEXT.match(text, end):
        return end  # the cheap test first: most names have no ``по``/``при`` near them
    words = _WORD.findall(text[start:end])
    head = org_head(words) if words else None
    if head is None:
        return end
    if all(w.islower() for w in words) and is_standalone_body(words[head]):
        return end  # ``усилия полиции по поиску``: the field is the action's, not the body's
    if inside is not None:  # a name found cut inside its field: ``Комитет по охране … памятников``
        return max(end, _complement_after(text, inside.start()))
    return _complement_after(text, end)


def _complement_after(text: str, end: int) -> int:
    """The end of a field or patron phrase right after ``end``; ``end`` when none."""
    following = list(_WORD.finditer(text, end, min(len(text), end + 160)))
    if len(following) < 2 or text[end : following[0].start()] != " ":
        return end
    preposition = following[0].group()
    if preposition not in ("по", "при"):
        return end
    lexicon = org_lexicon()
    refused, refused_singular, offices = (
        lexicon.complement_not, lexicon.complement_not_singular, lexicon.complement_office)
    case = "datv" if preposition == "по" else "loct"
    new_end = last_noun_end = end
    seen_noun = joined = False
    previous_end = following[0].end()
    for match in following[1:8]:
        if text[previous_end : match.start()] != " ":
            break
        word = match.group()
        previous_end = match.end()
        if word == "и" and seen_noun and last_noun_end == new_end:
            new_end = match.end()
            continue
        if word in ("с", "со") and seen_noun and last_noun_end == new_end and not joined:
            # ``по борьбе с экстремизмом``, ``по связям с общественностью``
            new_end, joined, case = match.end(), True, "ablt"
            continue
        parses = parse_word(word)
        if parses and parses[0].tag.POS in ("PREP", "CONJ", "PRCL", "INTJ"):
            break
        if word[:1].isupper() and any({"Name", "Patr"} & set(p.tag.grammemes) for p in parses):
            break  # a person named after the body: ``Комитета по водным ресурсам`` | ``Олег Сурин``
        wanted = (case,) if not seen_noun else (case, "gent")
        fitting = [p for p in parses if p.tag.POS in ("NOUN", "ADJF") and p.tag.case in wanted]
        if not fitting:
            break
        # A noun by its likeliest reading, and no person's name (``суда по новому делу``).
        noun = next((p for p in fitting if p.tag.POS == "NOUN"), None) if parses[0].tag.POS == "NOUN" else None
        if noun is not None and word.islower() and {"Name", "Surn", "Patr"} & set(noun.tag.grammemes):
            noun = None
        if noun is not None and not seen_noun:
            if preposition == "по" and (noun.normal_form in refused or (
                    noun.normal_form in refused_singular and noun.tag.number == "sing")):
                return end
            if preposition == "при" and not (noun.normal_form in lexicon.heads or noun.normal_form in offices
                                             or is_abbreviation(word)):
                return end
            seen_noun = True
        elif word[:1].isupper() and not seen_noun:
            return end
        new_end = match.end()
        # A noun, or an adjective in the genitive plural used as one (``по делам
        # несовершеннолетних``), may end the phrase.
        if noun is not None or (seen_noun and any(
                p.tag.case == "gent" and p.tag.number == "plur" for p in fitting)):
            last_noun_end = new_end
    if not seen_noun:
        return end
    # A patron and then a field: ``совет при губернаторе по делам молодёжи``.
    return _complement_after(text, last_noun_end) if preposition == "при" else last_noun_end


def unit_start(text: str, start: int, units_only: bool = False) -> int:
    """Where a unit named before a body begins: a lower-case institution noun right
    before the body's name, with its adjectives (``постоянный комитет`` + ``Сената
    по иностранным делам``); ``start`` itself when there is none.

    >>> text = "члены постоянного комитета Сената по делам ветеранов"
    >>> text[unit_start(text, 27):]
    'постоянного комитета Сената по делам ветеранов'
    """
    lexicon = org_lexicon()
    # ``units_only``: heads that need a name (``департамент``), not a body by itself (``суд``).
    # A designator before a name (``агентство Рейтер``: ``designators``) is no unit.
    allowed = (lexicon.named_by_genitive | lexicon.named_by_field) - lexicon.designators if units_only \
        else lexicon.heads
    return _noun_phrase_start(text, start, allowed)


def designator_start(text: str, start: int) -> int:
    """Where a designator right before a name begins, with its adjectives
    (``рекламного агентства`` + ``Brightline``, ``благотворительный фонд`` + ``…``:
    ``designators``); ``start`` itself when there is none.

    >>> text = "директор рекламного агентства Brightline"
    >>> text[designator_start(text, 30):]
    'рекламного агентства Brightline'
    """
    return _noun_phrase_start(text, start, org_lexicon().designators)


def _noun_phrase_start(text: str, start: int, nouns) -> int:
    """Where a lower-case singular noun of ``nouns`` right before ``start`` begins, with its
    adjectives; ``start`` itself when the word before is no such noun."""
    words = list(_WORD.finditer(text, max(0, start - 120), start))
    if not words or text[words[-1].end() : start] != " " or not words[-1].group().islower():
        return start
    heads = [p for p in parse_word(words[-1].group())
             if p.tag.POS == "NOUN" and p.normal_form in nouns and p.tag.number == "sing"]
    if not heads:
        return start
    return _adjectives_start(text, words, len(words) - 1, heads)
