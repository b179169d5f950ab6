"""An event being built: its values so far, how it was told, and the tellings merged in.

A trigger becomes a :class:`Draft` holding the :class:`~pipeline.records.Event` found
so far; dates and places carried from other sentences and the tellings merged into
it change that event as the document is read. How the trigger is told (a summary, a
caption, a back-reference, …) is a :class:`Telling` of its own, read once from the
sentence and consulted by the merge and carry-over rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..records import DateValue, Event


@dataclass(frozen=True, slots=True)
class Telling:
    """How a trigger is told, read from its sentence."""

    summary: bool = False  # a total: "Всего", "В итоге", a span of time, many places
    caption: bool = False  # a link caption at the end of the document
    back_reference: bool = False  # "данной акции", "этот отказ"
    about_application: bool = False  # a refused application ("заявка")
    day_before: bool = False  # "за день до" the dated happening
    single: bool = True  # a singular noun or a verb: one happening, not a class
    repeated: bool = False  # "еще раз", "снова", "других студентов": a new happening of the same kind
    inchoative: bool = False  # "начали выхватывать людей": the start of what is told next
    particular: bool = False  # "в частности", "в том числе": one case of a group's
    listed: bool = False  # one topic of a list ("о разгоне акции ..., обыске и угрозах")
    later: bool = False  # "впоследствии", "позднее": after the paragraph's date by an unknown time
    # "ранее", "уже", "задерживали" (again and again), "за пикеты" (a penalty's cause): before
    # the time the line above tells, or a habit; a line pointing back gives it no date
    undated_past: bool = False
    # an explicit marker of an earlier time on its verb ("Ранее её штрафовали", "До этого его
    # задерживали", "уже" with an imperfective past: "Его уже задерживали"; not "уже доставили",
    # "уже приговорен", "за пикет"): never one of the tellings before it retold
    marked_earlier: bool = False
    # "через неделю", "на следующий день", "спустя два дня" before the trigger: a stated step of
    # time on from what was told before, so not the happening told before (unless both tellings
    # state the same day)
    shifted: bool = False
    # a participle naming people ("задержанный") or serving a sentence ("отбывает срок"):
    # dated by the happening it retells; the paragraph's date is kept only as a fallback
    retelling: bool = False
    # a noun ("задержание", "об аресте", "задержания прошли"): a nominalised telling, which names
    # a happening already told as often as it tells a new one
    nominal: bool = False
    # a present-tense verb of a standing state or charge ("его обвиняют", "содержится в СИЗО":
    # standing_verbs), not a happening at the time an earlier line of its paragraph told; other
    # present tenses ("его избивают в отделе") are the historical present, told at that time
    present: bool = False
    # told as going on now ("протесты продолжаются"; going_on_verbs in the present): a run of
    # days up to the report's, none of them a day or month an earlier sentence told
    going_on: bool = False
    # a rally named only as what people took part in ("оштрафовал участников акции", "за участие
    # в шествии"): a reference to a rally, not one told anew at its sentence's time
    by_participants: bool = False
    # told of those a happening before befell: its patient is a plural pronoun or a participle
    # naming people by what was done to them ("их доставили в отдел", "задержанных отвезли")
    anaphoric: bool = False
    # told in a relative clause on a noun ("Петрова, которую приговорили"): what befell someone
    # named, at a time of its own, not the day or month of the sentence or paragraph around it
    relative: bool = False
    # which of the sentence's ";"-separated clauses tells it: a report packs several people's
    # happenings into one sentence, one clause each
    clause: int = 0
    # "также", "тоже" beside it ("Зотова обвиняют также в ..."): another happening of the kind
    # told on top of one before, not that one retold paragraphs on
    additive: bool = False
    # what a charge, case, ruling or refusal is about ("в растрате", "о клевете", "по статье
    # 207.3"): the lemmas of its phrase; two tellings whose grounds share none are two happenings
    ground: frozenset[str] = frozenset()
    # opens another case of a set its paragraph tells ("Второе дело ...", "Другой случай ..."):
    # never a happening told before it retold
    another_case: bool = False
    # the sentence times another happening against it ("после перестрелки", "после того, как суд
    # признал", "до того как"): a happening before or after the one its clause tells, not that one
    timed_against: bool = False


@dataclass(slots=True)
class Draft:
    """One telling of an event, and the tellings merged into it (``members``)."""

    event: Event  # type, trigger span, values and arguments found so far
    paragraph: int
    telling: Telling = Telling()
    date_stated: bool = False  # false when the date was carried over
    patients: tuple[str, ...] = ()  # who it befell, named or not ("narrator"): for merging only
    fallback_date: DateValue | None = None  # a retelling's paragraph date, if it retells nothing
    # where a stated date stops dating later events: a day counted in words inside a sentence
    # ("..., на следующий день суд оштрафовал") is its clause's, not the paragraph's
    date_until: int | None = None
    # which case of the document it is told in: a report lists cases one after another, and
    # only the same named person carries a happening from one into the next
    # (the bounds :meth:`~pipeline.events.scene.Scene.bounds_case` sets)
    case: int = 0
    named: tuple[str, ...] = ()  # the people its sentence names, whoever the telling is of
    members: list[Draft] = field(default_factory=list)
    # which mechanism gave the event its place (``sentence: parse``, ``paragraph: framing
    # place``, ``story``, ...): a trace for ``benchmarks.event_places --trace``, no output column
    place_by: str | None = None

    def update(self, **values) -> None:
        """Change some of the event's values."""
        self.event = replace(self.event, **values)

    def locate(self, place: str | None, by: str) -> None:
        """Give the event a place, noting the mechanism that gave it (:attr:`place_by`)."""
        self.update(place=place)
        self.place_by = by if place is not None else None

    def told(self, **flags) -> None:
        """Change how the trigger is said to be told."""
        self.telling = replace(self.telling, **flags)

    def to_event(self) -> Event:
        """The record handed to the next stage: a summary is marked ``aggregate``."""
        return replace(self.event, aggregate=self.telling.summary)
