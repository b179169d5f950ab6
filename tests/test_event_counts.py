"""How many: the count of an event is the number of people the happening befell.

New invented sentences (never a benchmark's text). A protest's count is those who protest:
the doer of the protest verb, or of the verb whose object the protest noun is. For the other
happenings the doer is not who it befell: a count of those who did it is not theirs. A
trigger with a number of its own counts happenings (``12 арестов``, ``возбуждено 3 дела``):
it takes no count of people from beside it. A count of one followed by a name counts no
group (the person is told by the persons field): no count.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import events_reader, of_trigger

DOC_DATE = dt.date(2016, 5, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


def _count(event):
    return None if event.count is None else (event.count.low, event.count.high)


@pytest.mark.parametrize("text, trigger, count", [
    ("Возле здания суда против приговора протестовало 12 человек.", "протестовало", (12, 12)),
    ("У входа в администрацию пикетировали девять жителей поселка.", "пикетировали", (9, 9)),
    ("Двое сотрудников фонда провели пикет у мэрии.", "пикет", (2, 2)),
    ("Шестеро студентов объявили голодовку в знак протеста против отчисления.", "голодовку", (6, 6)),
    ("В субботу около двухсот жителей вышли на митинг против застройки сквера.", "вышли", (200, 200)),
    # a quantified subject the parse takes for the object of the intransitive verb
    ("У здания суда против ареста протестовало 8 человек.", "протестовало", (8, 8)),
    ("У ворот завода против сокращений протестовало 9 человек.", "протестовало", (9, 9)),
])
def test_a_protests_count_is_those_who_protest(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


@pytest.mark.parametrize("text, trigger", [
    ("Четверо полицейских избили задержанного во дворе отделения.", "избили"),
    ("Двое мужчин в масках угрожали журналистке расправой.", "угрожали"),
    ("Трое неизвестных напали на активиста у подъезда.", "напали"),
])
def test_a_count_of_the_doers_is_not_whom_it_befell(events_of, text, trigger):
    assert of_trigger(events_of(text), trigger).count is None


@pytest.mark.parametrize("text, trigger", [
    ("За март правозащитники насчитали 14 административных арестов и 80 задержанных.", "административных"),
    ("За весну задержаны 140 человек, возбуждено 3 уголовных дела.", "возбуждено"),
])
def test_a_trigger_with_a_number_of_its_own_takes_no_count_of_people(events_of, text, trigger):
    assert of_trigger(events_of(text), trigger).count is None


@pytest.mark.parametrize("text, trigger", [
    ("Позже одного из задержанных, Павла Зуева, избили в отделе.", "избили"),
    ("Суд оправдал ещё одного фигуранта дела, Олега Ершова.", "оправдал"),
    ("Позднее одна участница акции, Ольга Сомова, была арестована на пять суток.", "арестована"),
    # a noun the tagger takes for a verb (pymorphy3 reads it as a noun only) parts nothing
    ("Вечером суд оштрафовал Анну Зуеву, а ещё один пассажир того автозака, Павел Рябов, получил арест.", "арест"),
])
def test_a_count_of_one_named_is_no_count(events_of, text, trigger):
    assert of_trigger(events_of(text), trigger).count is None


@pytest.mark.parametrize("text, trigger, count", [
    # unnamed, the one is told by the count alone; a term after the noun is no number of its own
    ("В отделе избили одного из задержанных.", "избили", (1, 1)),
    ("Семеро подсудимых получили сроки от трех до шести лет.", "получили", (7, 7)),
])
def test_an_unnamed_one_and_a_term_keep_the_count(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


@pytest.mark.parametrize("text, trigger, count", [
    # guards: the patient's count stays, passive subject, object, after the verb
    ("Полиция задержала двенадцать участников шествия.", "задержала", (12, 12)),
    ("Трое активистов были арестованы на десять суток.", "арестованы", (3, 3)),
    ("Во дворе отделения избили четверых задержанных.", "избили", (4, 4)),
    ("Двое пикетчиков получили штрафы по 10 тысяч рублей.", "штрафы", (2, 2)),
    ("Суд оштрафовал 15 участников акции.", "оштрафовал", (15, 15)),
])
def test_the_count_of_whom_it_befell_stays(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


# The COUNT tagger: a multiplier word alone in the plural gives no number (``несколько
# тысяч``, ``тысячи человек``, ``десятки тысяч``; as ``десятки``), the singular does; a dash
# after a count with a smaller number after it opens a breakdown, not a range; ``по меньшей
# мере`` is a lower bound like ``не менее``.
@pytest.mark.parametrize("text, values", [
    ("На площадь пришли несколько тысяч горожан.", []),
    ("К вечеру у мэрии стояли тысячи людей.", []),
    ("Против закона протестовали десятки тысяч студентов.", []),
    ("К зданию суда пришла тысяча человек.", [(1000, 1000, False)]),
    ("Задержаны 14 человек — 11 студентов и три преподавателя.", [(14, 14, False), (11, 11, False), (3, 3, False)]),
    ("Задержаны от 14 до 20 человек.", [(14, 20, False)]),
    ("Пришли 14-20 человек.", [(14, 20, False)]),
    ("По меньшей мере 14 человек получили травмы.", [(14, None, True)]),
    # a bound told after the unit, not the next count's approximator
    ("Пришли человек 40, не меньше.", [(40, None, True)]),
    ("На митинг пришли около тысячи человек, не менее 80 из них задержаны.", [(1000, 1000, True), (80, None, True)]),
])
def test_count_values_of_vague_words_breakdowns_and_bounds(text, values):
    from pipeline.tag.counts import tag_counts

    assert [(m.value.low, m.value.high, m.value.approx) for m in tag_counts(text)] == values


@pytest.mark.parametrize("text, trigger, count", [
    # the subject of dying is whom the shooting befell, not its doer
    ("При обстреле рынка погибли семь человек.", "обстреле", (7, 7)),
])
def test_the_dead_are_whom_it_befell(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


@pytest.mark.parametrize("text, trigger, count", [
    # those the breaking up befell are not those who marched: no attendance count from them
    ("Сотни студентов вышли на шествие к мэрии; после разгона в отделах оказались не менее 80 задержанных.", "шествие", None),
    ("В субботу на митинг пришли около тысячи человек, не менее 80 из них были задержаны.", "задержаны", (80, None)),
])
def test_the_detained_are_not_those_attending(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


@pytest.mark.parametrize("text, trigger, count", [
    # the subject of the first of coordinated verbs is the doer of the others too
    ("Трое сотрудников полиции избили задержанного и угрожали ему расправой.", "угрожали", None),
    ("Трое сотрудников полиции избили задержанного и угрожали ему расправой.", "избили", None),
    ("В отделе двое оперативников допрашивали студентов и угрожали им.", "угрожали", None),
    ("Двое охранников избили посетителя и выгнали его из клуба.", "выгнали", None),
    # guard: a passive conjunct is told of its subject, whatever the first verb's voice
    ("Трое активистов пришли к мэрии и были задержаны.", "задержаны", (3, 3)),
    # and so is a verb of receiving, whose subject is whom it befell
    ("Трое активистов пришли к суду и получили штрафы.", "штрафы", (3, 3)),
    ("Пятеро студентов вышли на пикет и получили по 10 суток ареста.", "получили", (5, 5)),
    ("Двое журналистов приехали в город и получили предупреждения от полиции.", "предупреждения", (2, 2)),
    # guard: an active conjunct's shared subject is its doer
    ("Трое полицейских пришли к дому активиста и избили его.", "избили", None),
    # a count after a gapped clause's dash (``, трое — в Казани``) is that clause's, not the verb's
    ("Еще пятеро задержаны в Самаре, трое — в Казани и двое — в Уфе.", "задержаны", (5, 5)),
    ("Вчера четверо арестованы в Томске, двое — в Омске.", "арестованы", (4, 4)),
    # a trigger inside the gapped clause keeps it
    ("Из обвиняемых пятерых суд оправдал, трое получили штрафы, двое — к лишению свободы.", "лишению", (2, 2)),
    # a misparse hangs the main verb on ``того`` of ``после того, как``: the verb is no time reference
    ("В 2012 году КНР задержала трех японских рыбаков после того, как они вошли в спорные воды.", "задержала", (3, 3)),
    # the people a penalty befell, told after a dash that closes its clause
    ("В итоге были оштрафованы на крупные суммы — 5 человек, из них три студентки, и отправлены на 10 суток — 3 человека.",
     "отправлены", (3, 3)),
    ("В итоге были оштрафованы на крупные суммы — 5 человек, из них три студентки, и отправлены на 10 суток — 3 человека.",
     "оштрафованы", (5, 5)),
    ("Оштрафованы были 4 человека, из них три студентки, а арестованы на 10 суток — 2 человека.", "арестованы", (2, 2)),
    # guards: a breakdown after a dash is not the verb's count; a dash count alone stays
    ("Задержаны 14 человек — 11 студентов и три преподавателя.", "задержаны", (14, 14)),
    ("Задержаны у здания мэрии — 14 человек.", "задержаны", (14, 14)),
    # a count after the dash that has a verb of its own opens a new clause: not the trigger's
    ("Активисты задержаны у мэрии — 20 человек пришли к отделу полиции их встречать.", "задержаны", None),
    ("Студенты арестованы на 7 суток — около 40 однокурсников подписали письмо в их защиту.", "арестованы", None),
    ("Организаторы акции оштрафованы на 20 тысяч рублей — 12 человек выступили в их поддержку.", "оштрафованы", None),
    # guard: a full participle after the count qualifies it and makes no clause
    ("Арестованы на 10 суток — 3 человека, задержанные у мэрии.", "арестованы", (3, 3)),
])
def test_the_count_of_the_triggers_own_clause(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


@pytest.mark.parametrize("text, trigger, count", [
    # a passive participle in the singular told of one named or unnamed person befell that one
    ("Подозреваемых трое — Иван Петров, Олег Сидоров и Павел Козлов (Козлов задержан 3 мая; "
     "двух других отпустили под подписку).", "задержан", None),
    ("Полиция опросила пятерых свидетелей по делу блогера, задержанного в аэропорту.", "задержанного", None),
    ("Журналисты опросили семерых соседей активистки, арестованной на прошлой неделе.", "арестованной", None),
    # the parse hangs it on a plural noun it cannot agree with: it is told of another, one person
    ("Министр отстранил четырех следователей, причастных к аресту журналиста-фрилансера Олега Котова, "
     "обвинённого в мошенничестве.", "обвинённого", None),
    # with no subject in its clause, a person before it is what it is told of
    ("На скамье подсудимых пятеро — Иван Орлов, Петр Зуев, Олег Белов, Павел Рябов и Денис Котов "
     "(задержан в марте 2019 года, остальные оставались под подпиской о невыезде).", "задержан", None),
    # guards: the neuter of a counted subject, a count of one, the plural
    ("В Москве было задержано 14 человек.", "задержано", (14, 14)),
    ("У здания суда был задержан 21 человек.", "задержан", (21, 21)),
    ("Вечером после шествия задержан 41 участник.", "задержан", (41, 41)),
    ("Вечером у мэрии была задержана одна участница пикета.", "задержана", (1, 1)),
    # the five are witnesses, not the bloggers detained: no count of the detained is told
    ("Полиция опросила пятерых свидетелей по делу блогеров, задержанных в аэропорту.", "задержанных", None),
    # a singular passive agrees with the first of coordinated subjects: a counted second one is
    # also whom it befell
    ("Арестован координатор штаба и пятеро волонтёров.", "арестован", (5, 5)),
    ("Задержана активистка и восемь её друзей.", "задержана", (8, 8)),
    ("Вчера был задержан председатель совета и 14 участников собрания.", "задержан", (14, 14)),
])
def test_a_singular_passive_befell_one(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count


@pytest.mark.parametrize("text, trigger, count", [
    # the count is the subject of a verb coordinated with the trigger's, which has a subject of
    # its own: it counts those that verb befell, not the trigger's
    ("По данным правозащитников, шестеро из задержанных были отпущены домой, остальные 40 остаются "
     "под стражей.", "остаются под стражей", None),
    ("Пятеро задержанных были отпущены, а суд арестовал Иванова.", "арестовал", None),
    ("Семеро участников пикета были отпущены, а их организатор остаётся под стражей.", "остаётся под стражей", None),
    ("Трое активистов ушли домой, а полиция задержала их товарищей.", "задержала", None),
    # (its own subject of a verb of staying is read as a doer: no count, rather than the other's)
    ("Пятеро были отпущены, а двое остаются под стражей.", "остаются под стражей", None),
    ("Девять студентов вернулись в общежитие, а полиция оштрафовала их преподавателя.", "оштрафовала", None),
    # guard: nor through a coordinated trigger whose count it is
    ("Пятеро активистов были оштрафованы, а суд арестовал их организатора.", "арестовал", None),
    # the parse hangs a happening told before on the counted noun as its conjunct: the count
    # counts its noun, not that happening
    ("В городе произошли и стычки с полицией, и нападения на прохожих, но к ответственности были "
     "привлечены лишь восемь человек, не являвшиеся зачинщиками.", "нападения", None),
    # guards: the trigger's clause tells the same people again, by a pronoun or the counted noun
    ("Пятеро активистов пришли к мэрии, а полиция задержала их.", "задержала", (5, 5)),
    ("Трое студентов стояли у входа, но подошёл охранник и ударил студентов дубинкой.", "ударил", (3, 3)),
    ("Трое студентов стояли у входа, но подошёл охранник и ударил их дубинкой.", "ударил", (3, 3)),
    # the noun told again, parsed onto another word of the trigger's clause
    ("Трое студентов стояли у входа, они ничего не делали, но подошёл охранник, ударил дубинкой "
     "студентов, и всех увезли в отдел.", "ударил", (3, 3)),
    # guards: a subject the coordinated verbs share, and the verb's own subject
    ("Четверо студентов были задержаны, а затем оштрафованы.", "оштрафованы", (4, 4)),
    ("Трое активистов пришли к мэрии и были задержаны.", "задержаны", (3, 3)),
    ("Полиция задержала шестерых активистов, а суд отпустил их вечером.", "задержала", (6, 6)),
    ("Пятеро были оштрафованы, а двое арестованы на 10 суток.", "оштрафованы", (5, 5)),
    ("Пятеро были оштрафованы, а двое арестованы на 10 суток.", "арестованы", (2, 2)),
])
def test_a_count_of_another_clauses_subject_is_not_the_triggers(events_of, text, trigger, count):
    assert _count(of_trigger(events_of(text), trigger)) == count
