"""Places of a sentence as event arguments: which place words may be where a happening was.

Beside the places the tagger finds, a venue named as a body (``у Драматического
театра``), the seat a court's name holds (``Верховный суд Грузии``) and a city's
adjective (``воронежской правозащитнице``) may tell the place; a place a person is
from or holds office in, a citizenship, a goal (``выслан в Казахстан``) or a place of
another noun may not. These decide which place candidates exist and whom they qualify;
:mod:`pipeline.events.arguments` scores them against triggers.
"""

from __future__ import annotations

from ..nlp import parse_word
from ..records import LOC, ORG, PER
from ..resources import fold, lexicon_index, load_json
from ..tag.gazetteer import canonical_place, find_places, is_gazetteer_place, place_kind, place_of_adjective
from .clauses import phrase_head
from .syntax import Candidate, PlacedMention, Token, folded_set, heads_up, span_head
from .triggers import TriggerHit


# happenings a court's ruling answers (a protest, an action broken up, clashes or an attack):
# their place is no ruling's (``data/ovdinfo/README.md``, places of rulings)
ANSWERED_TYPES = frozenset({"protest", "permit_denied", "violence"})

GOAL_PREPOSITIONS = {"в", "во", "на"}
MOVING_TYPES = {"expulsion", "detention"}  # happenings that take people somewhere: their goal is no venue


def is_goal(tokens: tuple[Token, ...], at: list[int]) -> bool:
    """A place in the accusative after ``в``/``на`` is where someone or something went or
    was sent (``выслан в Казахстан``, ``доставлен в Москву``), not where the happening was;
    ``в``/``на`` with the prepositional case is the place itself."""
    head = span_head(tokens, at)
    if "Case=Acc" not in tokens[head].feats:
        return False
    return any(t.head == head and t.rel == "case" and t.text.lower() in GOAL_PREPOSITIONS for t in tokens)


def origin_of_noun(tokens: tuple[Token, ...], at: list[int], triggers: frozenset[int] = frozenset()) -> bool:
    """A place with ``из`` right after a noun (``в автобусе из Москвы``, ``концерт группы из
    Екатеринбурга``) says where that thing or group comes from, never where the happening was;
    read from the words, since the parse often hangs it on the verb. A trigger noun's own ``из``
    (``triggers``: ``выдворение из России``) is where it happened from, as of its verb.

    >>> def t(i, text, pos):
    ...     return Token(i, 0, 0, text, frozenset({text.lower()}), pos, -1, "obl")
    >>> toks = (t(0, "в", "ADP"), t(1, "автобусе", "NOUN"), t(2, "из", "ADP"), t(3, "Москвы", "PROPN"))
    >>> origin_of_noun(toks, [3]), origin_of_noun(toks[1:2] + (t(1, "вывезли", "VERB"),) + toks[2:], [3])
    (True, False)
    """
    first = min(at)
    return (first >= 2 and tokens[first - 1].text.lower() == "из" and tokens[first - 2].pos in {"NOUN", "PROPN"}
            and first - 2 not in triggers)


# prepositions that say where something stands or happens, not where it went or whom it served
AT_PREPOSITIONS = {"у", "возле", "около", "в", "во", "на", "перед", "напротив", "близ", "вблизи"}


@lexicon_index
def _venue_nouns() -> frozenset[str]:
    return frozenset(fold(noun) for noun in load_json("ner_venues.json")["nouns"])


def venue_places(tokens, placed: list[PlacedMention]) -> list[Candidate]:
    """A building named as a body (the tagger's ORG: ``у Драматического театра``, ``на
    Центральном стадионе``) where the clause stands is the happening's venue: an
    organisation whose head is a venue noun (``models/ner_venues.json``), an adverbial of
    place after ``у``, ``в``, ``на`` ... A body's name with no such preposition (``директор
    театра``, ``театр объявил``) stays a body."""
    found = []
    located = {t for p in placed if p.mention.type == LOC for t in p.tokens}
    for p in placed:
        if p.mention.type != ORG or not p.tokens:
            continue
        head = span_head(tokens, p.tokens)
        # an adverbial of the clause, or hung on the city it stands in ("В Перми у ... театра")
        where = tokens[head].rel == "obl" or (tokens[head].rel == "nmod" and tokens[head].head in located)
        if not where or not tokens[head].lemmas & _venue_nouns():
            continue
        if any(t.head == head and t.rel == "case" and t.text.lower() in AT_PREPOSITIONS for t in tokens) \
                and not is_goal(tokens, list(p.tokens)):
            found.append(Candidate("place", p.tokens, name=p.mention.normal or p.mention.text, venue=True))
    return found


def court_seats(placed: list[PlacedMention], actors: dict[int, str]) -> list[Candidate]:
    """The state or region a court's own name holds (``Верховный суд Грузии``, ``Специальный
    суд Ирана``: the tagger keeps it nested in the organisation, so it is no mention of the
    sentence): where the court sits, the place of its rulings (:func:`_scores` offers it to
    rulings only), after any place the clause names outright."""
    found = []
    for p in placed:
        if p.mention.type != ORG or not any(actors.get(t) == "court" for t in p.tokens):
            continue
        places = find_places(p.mention.text)
        if places:
            found.append(Candidate("place", p.tokens, name=places[-1].canonical, seat=True))
    return found


def adjective_places(tokens, placed: list[PlacedMention]) -> list[Candidate]:
    """Places told by a city's adjective on a person or a body (``екатеринбургской газеты``,
    ``воронежской правозащитнице``, ``тюменского отделения``): where that person or body is,
    as a place that qualifies a named person is (:func:`qualifies_person`)."""
    located = {t for p in placed if p.mention.type == LOC for t in p.tokens}
    towns = {t for p in placed if p.mention.type == LOC and _is_town(p.mention) for t in p.tokens}
    bodies = {t for p in placed if p.mention.type == ORG for t in p.tokens}
    holders = folded_set("org_like_heads") | folded_set("branch_nouns")
    found = []
    for token in tokens:
        if token.pos != "ADJ" or token.rel != "amod" or token.index in located or token.head < 0:
            continue
        head = tokens[token.head]
        if not (head.index in bodies or head.lemmas & holders
                or (head.pos == "NOUN" and "Animacy=Anim" in head.feats)):
            continue
        if names_a_district(tokens, token, towns):
            continue  # "Кировский районный суд Омска": a district of Омск, not Киров
        city = next(filter(None, map(place_of_adjective, sorted(token.lemmas))), None)
        if city is not None:
            city = region_of_level(tokens, token) or city
            found.append(Candidate("place", (token.index, token.head), name=city))
    return found


def _is_town(mention) -> bool:
    """A place mention the gazetteer does not hold as a region or a country (a town, or a
    place it does not know): what a district court's name may be a district of."""
    kind = place_kind(mention.normal or mention.text)
    return kind is None or kind[0] not in {"region", "country"}


def names_a_district(tokens, adjective: Token, towns: set[int]) -> bool:
    """The adjective stands beside a district's level and the body names its town after it
    (``Кировский районный суд Омска``, ``Советского районного суда г. Казани``): the adjective
    names a district of that town, after a person, an event or a town elsewhere. Without a
    town of its own (``Тюменский районный суд``), or with only the region or country it lies in
    (``Клинский районный суд Московской области``; ``towns`` holds no region), the district is
    the one around the town it is named after, and the adjective stays that town."""
    levels = folded_set("district_levels")
    body = adjective.head
    if not any(sibling.head == body and sibling.index != adjective.index and sibling.rel == "amod"
               and sibling.lemmas & levels for sibling in tokens):
        return False
    for at in towns:  # the town in the body's own name: its genitive, or after "г."
        chain = heads_up(tokens, at, 2)
        if body in chain[:2]:
            return True
    return False


# the relations by which a noun is who acted or whom a happening befell
PARTICIPANT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})


def holds_participant(tokens: tuple[Token, ...], holder: int, hit: TriggerHit) -> bool:
    """The noun a city's adjective stands on (``holder``) is a participant of the trigger's
    happening, so the city is where it happened: the trigger's subject or object (``Курские
    полицейские задержали``, ``задержала тверского активиста``), through a conjunct or an
    infinitive of its verb; a happening noun's genitive (``задержание тверского блогера``); a
    noun whose genitive it is (``сотрудники екатеринбургского издания``); an agent in the
    instrumental; the place the clause stands at (``в петербургском суде``, ``у здания омской
    мэрии``); a body the trigger's clause qualifies (``суд, который оштрафовал``).
    Not a noun inside what a charge or a case is about (``за репост статьи омского журналиста``,
    ``по делу казанских студентов``): that person's town, not the happening's."""
    if holder in hit.tokens:
        return True
    verbs = set(hit.tokens) | {hit.anchor, phrase_head(tokens, hit)}
    head = tokens[phrase_head(tokens, hit)]
    noun = head.pos == "NOUN"  # a happening named by a noun: "объявили голодовку", "участники
    for _ in range(2):  # шествия собрались", "пришли с обыском в новосибирский офис"
        if head.pos != "NOUN" or head.rel not in PARTICIPANT_RELATIONS | {"nmod", "obl"} or head.head < 0:
            break
        head = tokens[head.head]
        verbs.add(head.index)
    for verb in list(verbs):
        while tokens[verb].rel in {"conj", "xcomp"} and tokens[verb].head >= 0 and tokens[verb].head not in verbs:
            verb = tokens[verb].head
            verbs.add(verb)
    if any(tokens[v].rel in {"acl", "acl:relcl"} and tokens[v].head == holder for v in verbs):
        return True  # "в суде, который оштрафовал", "суд, оштрафовавший"
    node = tokens[holder]
    # with a happening noun, where someone came with it on the verb it hangs on ("пришли с обыском
    # в офис"), not where it sent someone ("после ареста и перевода в Гаагский трибунал")
    if node.head in verbs and _participates(tokens, holder, goal=noun and node.head not in hit.tokens):
        return True
    # one genitive up: "сотрудники екатеринбургского издания", "у здания омской мэрии" (a
    # building or a part of a place where the clause stands, not "в убийстве омского бизнесмена")
    if node.rel != "nmod" or node.head < 0 or tokens[node.head].head not in verbs:
        return False
    up = tokens[node.head]
    return _participates(tokens, up.index, located=bool(up.lemmas & (folded_set("place_container_heads") | _venue_nouns())))


def _participates(tokens: tuple[Token, ...], index: int, located: bool = True, goal: bool = False) -> bool:
    """The word is a participant by its relation to its verb or happening noun: subject or
    object; a happening noun's genitive; an agent, an instrumental with no preposition; where
    the clause stands (``located``: ``в суде``, ``у мэрии``; ``goal``: or went to, for a
    happening noun: ``пришли с обыском в офис``)."""
    token = tokens[index]
    if token.rel in PARTICIPANT_RELATIONS:
        return True
    if token.rel not in {"obl", "nmod"}:
        return False
    prepositions = [t.text.lower() for t in tokens if t.head == index and t.rel == "case"]
    if not prepositions:  # a happening noun's genitive ("задержание тверского блогера"), an agent
        return token.rel == "nmod" or "Case=Ins" in token.feats  # ("задержан сотрудниками омской полиции")
    return located and prepositions[0] in AT_PREPOSITIONS and (goal or not is_goal(tokens, [index]))


REGION_LEVELS = {"областной": ("область", "femn"), "краевой": ("край", "masc")}


def region_of_level(tokens, adjective: Token) -> str | None:
    """The region a city's adjective names beside a regional level (``Свердловский
    областной суд``, ``Краснодарский краевой суд``): the region, when the gazetteer has it."""
    for sibling in tokens:
        if sibling.head != adjective.head or sibling.index == adjective.index or sibling.rel != "amod":
            continue
        level = next((REGION_LEVELS[lemma] for lemma in sibling.lemmas if lemma in REGION_LEVELS), None)
        if level is None:
            continue
        noun, gender = level
        for parse in parse_word(adjective.text.lower()):
            if parse.tag.POS != "ADJF":
                continue
            form = parse.inflect({"nomn", "sing", gender})
            name = f"{form.word.capitalize()} {noun}" if form else None
            if name and is_gazetteer_place(name):
                return canonical_place(name)
    return None


def names_citizenship(tokens: tuple[Token, ...], at: list[int]) -> bool:
    """A country a person is a citizen of (``гражданина Франции``, ``гражданство
    Израиля``): who the person is, not where the happening was."""
    head = span_head(tokens, at)
    governor = tokens[head].head
    return tokens[head].rel == "nmod" and governor >= 0 and bool(
        tokens[governor].lemmas & folded_set("citizenship_nouns"))


def person_tokens(placed: list[PlacedMention]) -> set[int]:
    """Tokens of the sentence's PER mentions."""
    return {t for p in placed if p.mention.type == PER for t in p.tokens}


def qualifies_person(tokens: tuple[Token, ...], head: int, names: set[int]) -> bool:
    """A place that says where a named person is from or works (``волонтёра из Тверской
    области Семёна Кротова``, ``секретаря отделения союза в Великих Луках Петра
    Зимина``): in a report that is where the person's case happens. Climbs over place
    containers and bodies to a noun of a person that a name (tokens ``names``) stands by.

    >>> def t(i, text, head, rel, feats=frozenset()):
    ...     return Token(i, 0, 0, text, frozenset({text}), "NOUN", head, rel, feats)
    >>> toks = (t(0, "волонтёра", -1, "root", frozenset({"Animacy=Anim"})), t(1, "из", 2, "case"),
    ...         t(2, "области", 0, "nmod"), t(3, "Кротова", 0, "appos"))
    >>> qualifies_person(toks, 2, {3}), qualifies_person(toks, 2, set())
    (True, False)
    """
    return qualified_person(tokens, head, names) is not None


def holds_office(tokens: tuple[Token, ...], place_head: int, person: int) -> bool:
    """The place is the bare genitive of the person's title, not a word of residence
    (``президент Франции``, ``губернатор Техаса``, not ``жительница Самары``, ``активист из
    Бердска``): the office's jurisdiction, which places only what befell the officeholder.

    >>> def t(i, text, head, rel, feats=frozenset()):
    ...     return Token(i, 0, 0, text, frozenset({text}), "NOUN", head, rel, feats)
    >>> toks = (t(0, "губернатор", -1, "root"), t(1, "техаса", 0, "nmod", frozenset({"Case=Gen"})),
    ...         t(2, "житель", -1, "root"), t(3, "самары", 2, "nmod", frozenset({"Case=Gen"})))
    >>> holds_office(toks, 1, 0), holds_office(toks, 3, 2)
    (True, False)
    """
    place = tokens[place_head]
    return (place.head == person and place.rel == "nmod" and "Case=Gen" in place.feats
            and not any(t.head == place_head and t.rel == "case" for t in tokens)
            and not tokens[person].lemmas & folded_set("residence_nouns"))


def origin_of(tokens: tuple[Token, ...], head: int, names: set[int]) -> int | None:
    """The noun of the named person a place says where they live or come from
    (:func:`qualified_person`), not an office's jurisdiction (:func:`holds_office`)."""
    person = qualified_person(tokens, head, names)
    return None if person is None or holds_office(tokens, head, person) else person


def qualified_person(tokens: tuple[Token, ...], head: int, names: set[int]) -> int | None:
    """The noun of the named person a place qualifies (:func:`qualifies_person`), if any."""
    climb = folded_set("place_container_heads") | folded_set("org_like_heads") | folded_set("branch_nouns")
    current = head
    for _ in range(4):
        if tokens[current].rel not in {"nmod", "flat", "flat:name", "appos"} or tokens[current].head < 0:
            return None
        current = tokens[current].head
        if "Animacy=Anim" in tokens[current].feats and tokens[current].pos in {"NOUN", "PROPN"}:
            if tokens[current].lemmas & folded_set("citizenship_nouns"):
                return None  # "гражданина Франции Пьера Дюбуа": whose citizen, not where from
            named = any(tokens[n].head == current or tokens[current].head == n or 0 < n - current <= 4
                        for n in names)
            return current if named else None
        if not tokens[current].lemmas & climb:
            return None
    return None


def qualifies_other_noun(tokens, at: list[int], hits, mentions) -> bool:
    """A place that qualifies a noun other than a trigger, an organisation or a person
    (``трагедии в Жана Озене``) tells where that thing was, not the event."""
    head = span_head(tokens, at)
    if qualifies_person(tokens, head, person_tokens(mentions)):
        return False
    governor = tokens[head].head
    containers = folded_set("place_container_heads")
    while governor >= 0 and tokens[governor].lemmas & containers and tokens[governor].rel in {"nmod", "flat", "appos"}:
        governor = tokens[governor].head
    if governor >= 0 and tokens[governor].lemmas & containers:
        return False  # the container is the clause's own place ("собрались в центре Уральска")
    if governor < 0 or tokens[governor].pos not in {"NOUN", "PROPN"} or tokens[head].rel != "nmod":
        return False
    if any(governor in h.tokens for h in hits) or where_clause_stands(tokens, head, hits):
        return False
    # the thing the happening was done to ("поджог склада в Вологде"): where it was done
    if tokens[governor].rel in {"nmod", "obj"} and any(tokens[governor].head in h.tokens for h in hits):
        return False
    organisations = {t for p in mentions if p.mention.type == "ORG" for t in p.tokens}
    return governor not in organisations and not tokens[governor].lemmas & folded_set("org_like_heads")


# the relations by which a trigger noun names its clause's happening ("обыск прошёл", "провели обыск")
HAPPENING_NOUN_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj"})


def where_clause_stands(tokens: tuple[Token, ...], place_head: int, hits) -> bool:
    """The place qualifies the noun a trigger's clause stands in or at (``задержали в его
    квартире в Тамбове``, ``в квартире в Тамбове прошёл обыск``), or an inanimate genitive of
    it (``избили у подъезда его дома в Костроме``): that noun is an adverbial of place (``в``,
    ``на``, ``у`` ..., no goal) of the trigger's verb, or of the verb a trigger noun is the
    subject or object of. The building stands in the place, and the happening with it. Not
    a place of origin (``из Рязани``), nor one reached through a person (``в квартире его
    знакомого из Рязани``: where the acquaintance is from), nor a noun of a subordinate clause
    the parse hangs on the trigger (``обвиняли за то, что на акции в Москве он бросил ...``).

    >>> def t(i, text, pos, head, rel, feats=frozenset()):
    ...     return Token(i, 0, 0, text, frozenset({text}), pos, head, rel, feats)
    >>> hit = TriggerHit("detention", (0,), 0, False, 0, 0)
    >>> loc = frozenset({"Case=Loc"})
    >>> toks = (t(0, "задержали", "VERB", -1, "root"), t(1, "в", "ADP", 2, "case"), t(2, "кафе", "NOUN", 0, "obl", loc),
    ...         t(3, "в", "ADP", 4, "case"), t(4, "Рязани", "PROPN", 2, "nmod", loc))
    >>> where_clause_stands(toks, 4, [hit])
    True
    >>> toks = toks[:1] + (t(1, ",", "PUNCT", 2, "punct"), t(2, "что", "SCONJ", 4, "mark"),
    ...         t(3, "на", "ADP", 4, "case"), t(4, "акции", "NOUN", 0, "obl", loc),
    ...         t(5, "в", "ADP", 6, "case"), t(6, "Рязани", "PROPN", 4, "nmod", loc))
    >>> where_clause_stands(toks, 6, [hit])
    False
    """
    if not _stands_at(tokens, place_head):
        return False
    noun = tokens[place_head].head
    for _ in range(3):
        if noun < 0:
            return False
        token = tokens[noun]
        if token.rel == "obl":
            break
        if token.rel != "nmod" or "Animacy=Anim" in token.feats or "Case=Gen" not in token.feats \
                or any(t.head == noun and t.rel == "case" for t in tokens):
            return False  # a person's, or a noun of its own preposition: no part of the building
        noun = token.head
    else:
        return False
    if not _stands_at(tokens, noun):
        return False
    # "обвиняли за то, что на акции в Москве он бросил": a subordinate clause opened after the
    # trigger is its own clause ("стало известно, что в квартире прошёл обыск" is the trigger's)
    opens = next((t.index for t in reversed(tokens[:noun]) if t.pos == "PUNCT" or t.lemmas & folded_set("subordinators")), -1)
    opens = opens if opens >= 0 and tokens[opens].pos != "PUNCT" else -1
    for hit in hits:
        if hit.anchor < opens:
            continue
        head = phrase_head(tokens, hit)
        verbs = {*hit.tokens, hit.anchor, head}
        if tokens[head].pos == "NOUN" and tokens[head].rel in HAPPENING_NOUN_RELATIONS:
            verbs.add(tokens[head].head)
        if tokens[noun].head in verbs:
            return True
    return False


def _stands_at(tokens: tuple[Token, ...], index: int) -> bool:
    """The word is told with a preposition of where something stands (``в квартире``, ``у
    подъезда``), not of a goal (``в квартиру``) or an origin (``из Рязани``)."""
    prepositions = [t.text.lower() for t in tokens if t.head == index and t.rel == "case"]
    return bool(prepositions) and prepositions[0] in AT_PREPOSITIONS and not is_goal(tokens, [index])
