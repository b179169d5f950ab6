"""Which happening a date belongs to when a sentence or a paragraph tells several.

New invented sentences (never a benchmark's text), in the manner of reports on prosecutions:

- a date inside what a charge, a suspicion, a case or a reaction is about (``по обвинению в
  нападении ... 2 марта``, ``в связи со столкновениями ... 11 октября``, ``по делу о
  поджоге склада 3 июля``) is that happening's day, not the day of the arrest or the case told
  outside it (``ground_markers`` in ``models/event_context.json``);
- a participle's time (``протоколы, составленные в январе``) dates the noun it qualifies, not
  what the rest of its sentence tells;
- a paragraph that introduces a set of cases and tells them one by one: a sentence opening
  ``Второе дело ...``, ``Другой случай ...``, ``Ещё одно дело ...`` begins another case, and the
  day or month of the case before is not its date (the introduction's year still frames it:
  ``data/ovdinfo/README.md``, dates of cases introduced together);
- a relative clause on a noun (``Смирнову, которую приговорили ...``) tells what befell someone
  the sentence names, at a time of its own: it takes its own date, not the day or month of the
  sentence or the paragraph (a year that frames the paragraph's story still does); a clause of
  ``когда`` tells its noun's time and keeps it; its own day is no day a later weekday or ``на
  следующий день`` counts from (issue 12);
- a weekday beside its date (``В понедельник 18 февраля ...``) is part of it: the date still
  opens its sentence and frames the paragraph; two weekdays joined by ``и`` (``в понедельник и
  во вторник``) are a span of days.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import dated, day, events_reader, month, year

DOC_DATE = dt.date(2021, 3, 1)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# (text, trigger, its date): what a charge, suspicion, case or reaction is about keeps its day
GROUNDS = [
    ("В апреле 2019 года в Самаре прошли обыски у местных активистов. Ивана Орлова арестовали "
     "по обвинению в нападении на полицейского 2 марта 2019 года.", "арестовали", month(2019, 4, 30)),
    ("В 2017 году в Омске прошла серия обысков. Против активиста Олега Белова возбудили дело "
     "в связи с беспорядками на площади 12 июня 2016 года.", "возбудили", year(2017)),
    ("В 2018 году в Перми было возбуждено дело против блогера Павла Сомова. Его задержали по "
     "подозрению в поджоге машины 3 февраля 2018 года.", "задержали", year(2018)),
    # a bracket opened inside the charge stays inside it: its month is the act's, not the arrest's
    ("20 мая 2019 года журналистку допросили, а затем задержали по обвинению в хулиганстве (поджог "
     "сарая у стадиона в апреле 2019 года).", "задержали", day(2019, 5, 20)),
    ("20 мая 2019 года журналистку допросили, а затем задержали по обвинению в хулиганстве (поджог "
     "сарая у стадиона в апреле 2019 года).", "обвинени", day(2019, 5, 20)),
    ("Дело возбудили в связи со столкновениями у стадиона в Рязани 11 октября 2015 года.", "возбудили", None),
    # the happening the phrase names keeps its own day, and a place or a rally dates what is told there
    ("Дело возбудили в связи со столкновениями у стадиона в Рязани 11 октября 2015 года.", "столкновени",
     day(2015, 10, 11)),
    ("Ивана Орлова задержали на акции 2 марта 2019 года.", "задержали", day(2019, 3, 2)),
    ("В 2012 году в Твери задержали троих активистов по делу о поджоге склада 3 июля 2011 года.", "задержали",
     year(2012)),
]


@pytest.mark.parametrize("text, trigger, date", GROUNDS)
def test_a_date_inside_a_ground_is_the_grounds(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# a participle's time is its noun's: the rest of the sentence keeps the clause's own time
PARTICIPLES = [
    ("Уголовное преследование по новой статье началось в мае 2016 года (обвиняемыми стали Иван Орлов и "
     "Петр Сомов; поводом послужили протоколы, составленные в январе и феврале 2016 года; с Орлова "
     "взята подписка о невыезде, а Сомов уехал из страны).", "взята подписка", month(2016, 5, 31)),
    ("Дело против активистов возбудили в мае 2017 года (первым обвиняемым стал Олег Рябов; поводом "
     "стали посты, опубликованные в марте 2017 года; с Рябова взята подписка о невыезде).",
     "взята подписка", month(2017, 5, 31)),
]


@pytest.mark.parametrize("text, trigger, date", PARTICIPLES)
def test_a_participles_time_is_its_nouns(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# a participle or relative clause telling that its noun happened (``убийство, совершённое в 2016
# году``, ``акции, которая состоялась 12 июня``: ``occurrence_verbs``) states that noun's time, as
# ``Акция прошла 12 июня`` does; the sentence's other happenings keep their own time, and a clause
# telling what was done about the noun later (``которое расследовали``) dates no noun
OCCURRENCE_CLAUSES = [
    ("Убийство, совершённое в 2016 году в Омске, до сих пор не раскрыто.", "убийство", year(2016)),
    ("Нападение, произошедшее 14 мая 2019 года у клуба в Самаре, осталось нераскрытым.", "нападение",
     day(2019, 5, 14)),
    ("Трое прохожих пострадали в результате стрельбы, произошедшей 3 февраля 2020 года у вокзала.",
     "стрельб", day(2020, 2, 3)),
    ("Многие участники акции, которая состоялась 12 июня 2019 года, получили штрафы.", "акции",
     day(2019, 6, 12)),
    ("Пикет, проведённый в марте 2018 года у мэрии Омска, закончился задержаниями.", "пикет",
     month(2018, 3, 31)),
    ("10 октября 2020 года суд оштрафовал участников акции, прошедшей 5 сентября 2020 года.", "оштрафовал",
     day(2020, 10, 10)),
    ("10 октября 2020 года суд оштрафовал участников акции, прошедшей 5 сентября 2020 года.", "акции",
     day(2020, 9, 5)),
    ("Убийство, которое расследовали в 2015 году, так и не раскрыли.", "убийство", None),
    # ``которая`` is the doer of a clause with its own object: another woman, another happening
    ("18 июня полиция задержала участницу демонстрации, которая провела одиночный пикет 2 июня.", "демонстрац",
     day(2020, 6, 18)),
    ("18 июня полиция задержала участницу демонстрации, которая провела одиночный пикет 2 июня.", "пикет",
     day(2020, 6, 2)),
]


@pytest.mark.parametrize("text, trigger, date", OCCURRENCE_CLAUSES)
def test_a_clause_telling_its_noun_happened_dates_it(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# a participle's time is its noun's only: no happening told after it takes it
AFTER_OCCURRENCE_PARTICIPLES = [
    ("Тимур Гаврилюк отсидел шесть лет за поджог, совершённый в 2011 году. Весной краевой суд его оправдал.",
     "оправдал", None),
    ("Нападение, произошедшее в мае 2017 года у клуба, долго не раскрывали. Полицейские задержали "
     "подозреваемого.", "задержали", None),
    # the noun keeps it
    ("Тимур Гаврилюк отсидел шесть лет за поджог, совершённый в 2011 году. Весной краевой суд его оправдал.",
     "поджог", year(2011)),
]


@pytest.mark.parametrize("text, trigger, date", AFTER_OCCURRENCE_PARTICIPLES)
def test_a_participles_time_dates_nothing_after_its_noun(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# a case told after another of the set the paragraph introduced takes the set's year, not the
# day or month of the case before
NEXT_CASES = [
    ("В 2016 году в Омске были возбуждены два дела против местных активистов. В начале марта "
     "полицейские задержали троих студентов по подозрению в хулиганстве. Второе дело касается "
     "блогера Ильи Зайцева: его арестовали за посты в соцсети.", "арестовали", year(2016)),
    ("В 2019 году в Самаре полиция провела несколько обысков. 14 мая обыск прошел у активиста Олега "
     "Рябова. Другой случай произошел в Тольятти: там задержали журналиста Павла Сомова.", "задержали",
     year(2019)),
    ("В 2017 году в Пензе возбудили несколько дел против местных анархистов. 3 ноября задержали "
     "студента Илью Шахова. Еще одно дело возбудили против его друга Петра Лаптева, которого "
     "арестовали на два месяца.", "арестовали", year(2017)),
    # the case before keeps its own day, and a case that states its own keeps that
    ("В 2017 году в Пензе возбудили несколько дел против местных анархистов. 3 ноября задержали "
     "студента Илью Шахова. Еще одно дело возбудили против его друга Петра Лаптева, которого "
     "арестовали на два месяца.", "задержали", day(2017, 11, 3)),
    ("В 2019 году в Самаре полиция провела несколько обысков. 14 мая обыск прошел у активиста Олега "
     "Рябова. Другой случай произошел 20 мая в Тольятти: там задержали журналиста Павла Сомова.",
     "задержали", day(2019, 5, 20)),
]


@pytest.mark.parametrize("text, trigger, date", NEXT_CASES)
def test_another_case_takes_no_date_of_the_case_before(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# an example case ("Например, ...", "Так, ...") dated in its own clause: that time is its story's
EXAMPLES = [
    ("Давлению подвергаются и наблюдатели. Например, движение «Честные выборы» отказалось от наблюдения "
     "за выборами мэра Самары весной 2016 года. Координатора движения Ольгу Белову задерживали "
     "сотрудники полиции и угрожали ей увольнением.", "задерживали", year(2016)),
    ("На журналистов тоже давят. Так, редакция газеты «Северный край» лишилась помещения в Вологде в "
     "июне 2017 года. Главного редактора газеты Павла Зуева затем вызывали на беседы в полицию и "
     "угрожали ему уголовным делом.", "угрожали", month(2017, 6, 30)),
]


@pytest.mark.parametrize("text, trigger, date", EXAMPLES)
def test_an_examples_time_dates_its_story(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# another case of the set is another happening, though told by the same word: the case
# before does not absorb it
NEXT_CASE_OPENINGS = [
    # a happening's day ("в связи с пикетом 4 февраля"); after a word naming none ("в связи с
    # постом 4 февраля") a date the parse hangs on the verb is the case's own
    "Второе дело было возбуждено против блогера Ильи Зайцева в связи с пикетом 4 февраля 2016 года.",
    "Еще одно дело было возбуждено против блогера Ильи Зайцева.",
]


@pytest.mark.parametrize("opening", NEXT_CASE_OPENINGS)
def test_another_case_is_not_the_case_before_retold(events_of, opening):
    text = ("В 2016 году в Омске были возбуждены два дела против местных активистов. В начале марта трое "
            "студентов были задержаны по подозрению в хулиганстве. По статье о хулиганстве против них было "
            "возбуждено дело. " + opening)
    events = events_of(text)
    theirs = [e for e in events if "Илья Зайцев" in e.persons and e.trigger == "возбуждено"]
    assert len(theirs) == 1, [(e.type, e.trigger, e.persons, e.date) for e in events]
    assert (theirs[0].date.start, theirs[0].date.end) == year(2016)


# the happening a case is opened over is what the paragraph tells next: its day dates the
# sentences after, though not the case
def test_the_happening_a_case_is_over_dates_its_story(events_of):
    text = ("В 2013 году против активиста Олега Рябова возбудили дело по следам митинга в Воронеже 12 июня "
            "2012 года. Во время разгона митинга полицейский сломал руку студентке Анне Зуевой.")
    events = events_of(text)
    assert dated(events, "возбудили") == year(2013)
    assert dated(events, "разгона") == day(2012, 6, 12)


# an opener that qualifies no case noun ("Другой задержанный по делу", "Второй задержанный по
# делу"; "по делу" is what the detainee is held over) opens no other case: the person is one of
# those told before, the happenings of the paragraph keep its day and are not told twice
NOT_ANOTHER_CASE = [
    ("14 апреля 2019 года в Уфе полицейские задержали Олега Рябова и Илью Шахова. Другой задержанный по "
     "делу, Илья Шахов, рассказал, что его избили в автозаке.", "избили"),
    ("3 июня 2018 года в Вологде задержали студентов Анну Зуеву и Павла Лаптева. Другие задержанные по делу "
     "рассказали, что их били в отделе полиции.", "били"),
    ("3 июня 2018 года в Вологде задержали студентов Анну Зуеву и Павла Лаптева. Второй задержанный по "
     "делу, Павел Лаптев, рассказал, что его избили в отделе полиции.", "избили"),
]


@pytest.mark.parametrize("text, trigger", NOT_ANOTHER_CASE)
def test_an_opener_of_no_case_noun_opens_no_case(events_of, text, trigger):
    events = events_of(text)
    assert dated(events, trigger) == dated(events, "задержал")
    assert [e.type for e in events].count("detention") == 1, [(e.type, e.trigger, e.persons) for e in events]


# the walk back from a date to a ground marker: an object or a subject of the verb outside
# between them ("задержали в связи с акцией ... троих человек 5 мая"), a ground that names no
# happening ("в связи с проверкой документов") leave the date to the verb told outside
NOT_GROUNDS = [
    ("Полицейские задержали в связи с пикетом у мэрии пятерых студентов 9 июня 2019 года.", "задержали",
     day(2019, 6, 9)),
    ("Сотрудники ОМОН задержали журналиста в связи с проверкой документов 17 марта 2020 года в Казани.",
     "задержали", day(2020, 3, 17)),
    # a case's own date is the case's: not the fine's (a guard: held before this round too)
    ("Суд оштрафовал Олега Рябова по делу от 5 марта 2020 года.", "оштрафовал", None),
    # a happening's day carries to what follows only from a case opened over it, and never to a penalty
    ("В 2019 году Илью Шахова задержали в связи с публикацией в соцсети 12 марта. Суд оштрафовал его на "
     "десять тысяч рублей.", "оштрафовал", year(2019)),
    ("В 2018 году против Анны Зуевой возбудили дело по следам шествия в Вологде 3 мая. Суд арестовал ее "
     "на два месяца.", "арестовал", year(2018)),
    # a trial opened over it carries it as a case does (a guard: held before this round too)
    ("Еще в 2013 году начались процессы по следам столкновений у стадиона 5 мая 2012 года в Самаре. Тогда "
     "полицейские задержали студента Павла Лаптева.", "задержали", day(2012, 5, 5)),
]


@pytest.mark.parametrize("text, trigger, date", NOT_GROUNDS)
def test_no_ground_keeps_the_date_outside(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# (text, trigger, its date): the day of a happening a case was opened over dates that happening's
# story (a detention or a dispersal at the rally), not what the case goes on to (a charge, a
# verdict, an acquittal: ``case_step_types``), which come later by a time the text does not give;
# a year framing the paragraph still frames them (issue 12)
CASE_STEPS_AFTER_A_GROUND = [
    ("Против Анны Зуевой завели дело по следам митинга в Вологде 3 мая 2019 года. Суд оправдал ее.",
     "оправдал", None),
    ("Против Анны Зуевой завели дело по следам митинга в Вологде 3 мая 2019 года. Суд приговорил ее к году "
     "лишения свободы условно.", "приговорил", None),
    ("В 2016 году против активиста Павла Лаптева возбудили дело по следам пикета в Туле 4 ноября 2015 года. "
     "В итоге Лаптев был приговорен к двум годам лишения свободы условно.", "приговорен", year(2016)),
    # the charge told next (one happening with the case, as the merge reads it) is no rally's day either
    ("Против журналиста Ильи Шахова возбудили дело по следам шествия в Курске 7 мая 2017 года. Шахова обвинили "
     "в насилии против полицейского.", "возбудили", None),
    # nor through a happening of the rally's story told between, which took the day from it
    ("Против Анны Зуевой завели дело по следам митинга в Вологде 3 мая 2019 года. Во время митинга полицейский "
     "избил студентку. Суд оправдал Зуеву.", "оправдал", None),
    ("Против Анны Зуевой завели дело по следам митинга в Вологде 3 мая 2019 года. Во время митинга полицейский "
     "избил студентку. Суд оправдал Зуеву.", "избил", day(2019, 5, 3)),
    # guards: the rally's story keeps its day; a charge told in the detention's sentence shares it
    ("Против Анны Зуевой завели дело по следам митинга в Вологде 3 мая 2019 года. Во время митинга полицейские "
     "задержали 20 человек.", "задержали", day(2019, 5, 3)),
    ("Против Анны Зуевой завели дело по следам митинга в Вологде 3 мая 2019 года. На митинге полиция разогнала "
     "участников.", "разогнала", day(2019, 5, 3)),
    ("3 марта 2020 года в Омске задержали Ивана Орлова по обвинению в поджоге.", "обвинени", day(2020, 3, 3)),
]


@pytest.mark.parametrize("text, trigger, date", CASE_STEPS_AFTER_A_GROUND)
def test_a_grounds_day_dates_no_step_of_the_case(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


# (text, trigger, its date): a relative clause keeps its own time, or has none
RELATIVE_CLAUSES = [
    # a relative clause tells what befell someone at a time of its own, stated or not: no date of
    # the sentence's (a wrong day is worse than none); only a clause told at or during its noun
    # takes it (below)
    ("25 мая 2019 года из колонии освободили Ольгу Смирнову, которую суд приговорил к пяти годам за поджог.",
     "приговорил", None),
    ("25 мая 2019 года из колонии освободили Ольгу Смирнову, которую суд ранее приговорил к пяти годам.",
     "приговорил", None),
    # a date in the clause (here its charge's) is a time of its own: no day carried to it either
    ("25 мая 2016 года освобождена Ольга Смирнова, которую приговорили к 22 годам за убийство летом 2014 года.",
     "приговорили", None),
    ("25 мая 2019 года из колонии освободили Ольгу Смирнову, которую в 2016 году приговорили к пяти годам.",
     "приговорили", year(2016)),
    ("25 мая 2019 года в Омске задержали Ольгу Смирнову, которую суд ранее оштрафовал за пикет.",
     "задержали", day(2019, 5, 25)),
    ("25 мая 2019 года в Омске задержали Ольгу Смирнову, которую суд ранее оштрафовал за пикет.",
     "оштрафовал", None),
    ("12 марта 2017 года Ивана Орлова осудили по делу, по которому также задержали двоих его знакомых.",
     "задержали", None),
    ("12 марта 2017 года Ивана Орлова осудили по делу, по которому раньше задержали двоих его знакомых.",
     "задержали", None),
    # a year the paragraph names still frames the story a relative clause tells
    ("В 2017 году в Пензе возбудили дело против Петра Лаптева, которого арестовали на два месяца.",
     "арестовали", year(2017)),
    ("В марте 2018 года в Самаре новые власти, которые предъявили бывшему мэру ряд обвинений, начали "
     "проверку.", "предъявили", month(2018, 3, 31)),
    ("3 мая 2019 года в Омске прошёл пикет. На нём выступила Анна Орлова, которую суд ранее оштрафовал "
     "за репост.", "оштрафовал", None),
    ("3 мая 2019 года в Омске прошёл пикет. Полиция задержала Анну Орлову.", "задержала", day(2019, 5, 3)),
    # a clause of "когда" tells its noun's time
    ("В 2014 году, когда был задержан Иван Орлов, в Омске прошли обыски.", "задержан", year(2014)),
    ("Дело Белова выросло из ссоры 2011 года, когда он ударил соседа по лицу.", "ударил", year(2011)),
    # a clause telling what happened at or during its noun (``на котором``, ``в ходе которой``,
    # ``где``) is told on its noun's day
    ("5 мая 2019 года в Самаре прошел митинг, на котором задержали 20 человек.", "задержали", day(2019, 5, 5)),
    ("12 июня 2019 года в Твери прошла акция, в ходе которой полиция задержала Ивана Орлова.", "задержала",
     day(2019, 6, 12)),
    ("3 апреля 2018 года в Омске прошел пикет, во время которого задержали Анну Петрову.", "задержали",
     day(2018, 4, 3)),
    ("7 марта 2018 года в Омске прошло шествие, где полиция задержала троих активистов.", "задержала",
     day(2018, 3, 7)),
    ("5 мая 2019 года в Самаре прошла акция протеста. Полиция разогнала пикет, на котором задержали "
     "20 человек.", "задержали", day(2019, 5, 5)),
    ("В марте 2019 года полиция задержала семерых человек, которые вышли на пикет в Казани.", "вышли",
     None),
]


@pytest.mark.parametrize("text, trigger, date", RELATIVE_CLAUSES)
def test_a_relative_clause_keeps_its_own_time(events_of, text, trigger, date):
    assert dated(events_of(text), trigger) == date


@pytest.fixture(scope="module")
def news_events_of(models):
    return events_reader(models, None)  # news has no dateline: no date of its own to count from


# (text, trigger, its date): a relative clause's own day is not the day the narrative goes on
# from: no later weekday or "на следующий день" counts from it
RELATIVE_DAYS = [
    ("Суд признал Олега Рябова виновным в нападении, которое Рябов устроил 17 июня 2013 года.\n"
     "В среду присяжные приговорили Рябова к пяти годам колонии.", "приговорили", None),
    ("Суд признал Олега Рябова виновным в нападении, которое Рябов устроил 17 июня 2013 года. "
     "На следующий день Рябова задержали в Омске.", "задержали", None),
    ("12 марта 2014 года в Омске задержали Олега Рябова. На следующий день Рябова оштрафовали.",
     "оштрафовали", day(2014, 3, 13)),
]


@pytest.mark.parametrize("text, trigger, date", RELATIVE_DAYS)
def test_a_relative_clauses_day_is_no_day_to_count_from(news_events_of, text, trigger, date):
    assert dated(news_events_of(text), trigger) == date


# (text, trigger, its date): a news dateline's label (``Опубликовано``, ``Обновлено``) leaves it a
# dateline, the document's date that ``вчера`` counts from
DATELINE_ANCHORS = [
    ("Задержание активиста в Омске\nОпубликовано 8 ноября 2012 года\nВчера в Омске задержали активиста "
     "Ивана Орлова.", "задержали", day(2012, 11, 7)),
    ("Пикет в Твери\nОбновлено 3 апреля 2015 года\nВчера в Твери полиция задержала Анну Петрову.",
     "задержала", day(2015, 4, 2)),
]


@pytest.mark.parametrize("text, trigger, date", DATELINE_ANCHORS)
def test_a_datelines_label_keeps_the_anchor(news_events_of, text, trigger, date):
    assert dated(news_events_of(text), trigger) == date


# (text, trigger, its date): a weekday beside its date is part of it, so the date still opens
# its sentence and frames what the paragraph tells next (``В понедельник 18 февраля ...``)
WEEKDAY_OPENERS = [
    ("Отставка\nВ понедельник 18 февраля 2013 года премьер Петров пытался смягчить кризис, уволив министра "
     "финансов. Вечером полиция задержала троих активистов.", "задержала", day(2013, 2, 18)),
    ("Отставка\nВ понедельник 18 февраля 2013 года премьер Петров пытался смягчить кризис, уволив министра "
     "финансов. Вечером полиция задержала троих активистов.", "уволив", day(2013, 2, 18)),
    ("Обыски\nВ четверг 7 марта 2019 года в Омске прошли обыски. Полиция задержала троих активистов.",
     "задержала", day(2019, 3, 7)),
    ("Обыски\nВ воскресенье, 8 апреля 2018 года, в Омске прошли обыски. Полиция задержала троих активистов.",
     "задержала", day(2018, 4, 8)),
]


@pytest.mark.parametrize("text, trigger, date", WEEKDAY_OPENERS)
def test_a_weekday_beside_its_date_still_opens_the_sentence(news_events_of, text, trigger, date):
    assert dated(news_events_of(text), trigger) == date


# (text, trigger, its date): two weekdays joined by "и" after a named day are a span of days,
# as "5 и 6 апреля" is
JOINED_WEEKDAYS = [
    ("Протесты\n18 февраля 2013 года в Омске начались протесты. В понедельник и во вторник "
     "на улицах города были ранены 17 человек.", "ранены", (dt.date(2013, 2, 18), dt.date(2013, 2, 19))),
    ("Обыски\n6 марта 2019 года в Омске прошли обыски. В среду и в четверг полиция задержала троих активистов.",
     "задержала", (dt.date(2019, 3, 6), dt.date(2019, 3, 7))),
    ("Протесты\n18 февраля 2013 года в Омске начались протесты. В ходе демонстрации, прошедшей во вторник, "
     "были ранены 28 человек.", "ранены", day(2013, 2, 19)),
]


@pytest.mark.parametrize("text, trigger, date", JOINED_WEEKDAYS)
def test_two_joined_weekdays_are_a_span(news_events_of, text, trigger, date):
    assert dated(news_events_of(text), trigger) == date
