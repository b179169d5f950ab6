"""Happenings the lexicon missed on real text (issue 12, session 5's recall classes).

Each table holds new sentences written for one class of miss the development sets exposed
(OVD-Info dev pages, Wikinews dev articles, the constructed dev set); none is copied from
them. The mechanisms are general: a verb and its noun of action (pymorphy3's dictionary),
the words the trigger governs (the dependency parse), the penalty named.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import event_types, events_reader

from pipeline.events.triggers import deverbal_nouns

DOC_DATE = dt.date(2018, 9, 14)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# ------------------------------------------------------- a verb told by its noun of action

@pytest.mark.parametrize("verb, nouns", [
    ("находиться", ("нахождение",)),
    ("пребывать", ("пребывание",)),
    ("помиловать", ("помилование",)),
    ("освободить", ("освобождение",)),   # д -> жд
    ("возбудить", ("возбуждение",)),
    ("поместить", ("помещение",)),       # ст -> щ
    ("задержать", ("задержание",)),
    ("избить", ("избиение",)),
    ("депортировать", ("депортирование",)),
    ("арестовать", ()),                  # the dictionary has no "арестование": nothing invented
    ("стоп", ()),                        # not a verb
])
def test_deverbal_nouns_come_from_the_dictionary(verb, nouns):
    assert deverbal_nouns(verb) == nouns


@pytest.mark.parametrize("text, kind, count", [
    # custody served, told by another verb of being held or by the noun of one
    ("Два месяца пребывания Олега Крылова в СИЗО суд зачёл ему в срок.", "custody", 1),
    ("Срок сократили, потому что Крылов пребывал под стражей с марта 2016 года.", "custody", 1),
    ("Время нахождения Ирины Лосевой в следственном изоляторе зачли в срок наказания.", "custody", 1),
    ("Марат Галиев находится в следственном изоляторе с февраля 2017 года.", "custody", 1),
    ("Возле следственного изолятора прошёл пикет.", "custody", 0),  # a place named, no one held
    # a pardon, by its verb or its noun
    ("Президент помиловал осуждённого журналиста Петра Савина.", "court", 1),
    ("Указом от 2 марта 2018 года губернатор объявил о помиловании Петра Савина.", "court", 1),
])
def test_a_verb_of_the_lexicon_is_also_told_by_its_noun(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# ------------------------------------------------------- the penalty named decides the type

@pytest.mark.parametrize("text, expected", [
    ("Окружной суд приговорил Карла Веббера к пожизненному заключению.", {"custody": 1}),
    ("Трибунал осудил бывшего министра Павла Гроша на пожизненное лишение свободы.", {"custody": 1}),
    # restriction of liberty confines no one: the ruling is a court event, no custody
    ("Суд приговорил водителя Олега Сидорова к трём годам ограничения свободы.", {"court": 1}),
    ("Суд осудил Анну Лебедеву на два года ограничения свободы.", {"court": 1}),
    ("Суд приговорил Олега Сидорова к трём годам лишения свободы.", {"custody": 1}),
])
def test_the_penalty_named_types_the_sentence(events_of, text, expected):
    assert dict(event_types(events_of(text))) == expected


# ------------------------------------------------------- charges told by the verb, in any order

@pytest.mark.parametrize("text, expected", [
    ("Обвинение против Виктора Белова было выдвинуто в марте 2011 года.", {"other": 1}),
    ("Первые обвинения следствие выдвинуло против Белова весной.", {"other": 1}),
    ("Обвинения с журналиста Андрея Сомова в итоге сняли.", {"court": 1}),
    # a participle naming the charge tells no charging
    ("Адвокат Белова намерен оспорить выдвинутые обвинения.", {}),
])
def test_a_charge_brought_or_dropped_is_told_by_its_verb(events_of, text, expected):
    assert dict(event_types(events_of(text))) == expected


def test_a_charge_not_brought_is_a_negated_event(events_of):
    found = [e for e in events_of("Обвинений Игорю Панову пока не предъявили.") if e.type == "other"]
    assert len(found) == 1 and found[0].negated


# ------------------------------------------------------- what a ban is a ban on

@pytest.mark.parametrize("text, expected", [
    # a ban on doing something other than assembling goes with the sentence, not a refusal
    ("Кроме того, ему на пять лет запрещено занимать должности на государственной службе.", {"other": 1}),
    ("Суд запретил Марине Ковалёвой выезжать за пределы области.", {"other": 1}),
    # a ban on an assembly stays a refusal, with or without an infinitive
    ("Мэрия запретила активистам проводить митинг на набережной.", {"permit_denied": 1}),
    ("Власти Калуги запретили шествие 12 июня 2018 года.", {"permit_denied": 1}),
])
def test_a_ban_is_typed_by_what_it_bans(events_of, text, expected):
    assert dict(event_types(events_of(text))) == expected


# ------------------------------------------------------- a deed done in protest

@pytest.mark.parametrize("text, count", [
    ("В знак протеста депутаты фракции «Яблоко» покинули зал заседаний 3 июля 2018 года.", 1),
    ("В знак протеста против приговора Олег Рыбин объявил голодовку.", 1),  # one protest, told twice
    ("Рыбин подписал письмо в знак уважения к ветеранам.", 0),
])
def test_a_deed_done_in_protest_is_a_protest(events_of, text, count):
    assert event_types(events_of(text))["protest"] == count


# ------------------------------------------------------- whose happening it was

@pytest.mark.parametrize("text, kind, count", [
    ("Спустя двадцать лет после его убийства дело журналиста так и не раскрыто.", "violence", 1),
    ("Её задержание видели десятки прохожих на Садовой улице.", "detention", 1),
    ("Задержание — крайняя мера, напоминает юрист.", "detention", 0),  # a kind, no one's
])
def test_a_happening_noun_with_a_possessor_is_specific(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# ------------------------------------------------------- an imperfective passive in -ся

@pytest.mark.parametrize("text, kind, count", [
    ("Ранее активист Борис Кудрин уже задерживался на пикете у мэрии.", "detention", 1),
    ("В 2016 году его квартира дважды обыскивалась сотрудниками ФСБ.", "surveillance", 1),
    ("Поезд из Москвы задерживался на сорок минут.", "detention", 0),  # not a passive: "was late"
])
def test_an_imperfective_passive_is_its_transitive_verb(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# ------------------------------------------------------- people beaten, an investigation opened

@pytest.mark.parametrize("text, kind, count", [
    ("В отделе их раздели и били, требуя признаться.", "violence", 1),
    ("Охранники били Сергея Ломова, пока он не потерял сознание.", "violence", 1),
    ("Часы на башне били полночь.", "violence", 0),
    ("Расследование гибели журналиста начато в мае 2017 года.", "other", 1),
    ("Прокуратура приступила к повторному расследованию дела Кудрина.", "other", 1),
    ("Расследование, по словам адвоката, ведётся вяло.", "other", 0),
])
def test_beatings_and_investigations_opened(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# ------------------------------------------------------- a happening said not to exist

@pytest.mark.parametrize("text, kind", [
    ("У Анны Гуськовой телесных повреждений нет.", "violence"),
    ("В тот вечер в Твери задержаний не было.", "detention"),
])
def test_a_happening_said_not_to_exist_is_negated(events_of, text, kind):
    found = [e for e in events_of(text) if e.type == kind]
    assert found and all(e.negated for e in found)


# ------------------------------------------------------- a penalty named as a ruling's complement

@pytest.mark.parametrize("text, expected", [
    # one ruling, told by its verb: the penalty's noun is no second custody
    ("12 марта 2017 года суд приговорил Петра Зуева к шести годам лишения свободы.", {"custody": 1}),
    ("Суд отправил Зуева на десять суток ареста 4 мая 2017 года.", {"custody": 1}),
    # a ruling that only might come, or a penalty only asked for, is none
    ("Зуев ждал приговора: его могли приговорить к лишению свободы на три года.", {}),
    ("Обвинение просило для Зуева наказания в виде лишения свободы на четыре года.", {}),
    # a penalty governed by a trigger of another type stays
    ("Полиция задержала Зуева, осуждённого ранее на два года лишения свободы.", {"detention": 1, "custody": 1}),
])
def test_a_penalty_named_as_the_complement_of_its_ruling(events_of, text, expected):
    assert dict(event_types(events_of(text))) == expected


# ------------------------------------------------------- "had to" is no one's pressure

@pytest.mark.parametrize("text, count", [
    ("Из-за кризиса министр был вынужден уйти в отставку в 2015 году.", 0),
    ("Сотрудники ФСБ вынудили Арсения Котова подписать признание 5 мая 2017 года.", 1),
    # the tagger calls the short participle an adjective when the copula follows it
    ("Типография вынуждена была закрыть свой цех в Твери.", 0),
    # a forced thing named by its participle: a property, no one pressed
    ("Сосед рассказал о причинах своего вынужденного переезда в Псков.", 0),
])
def test_an_agentless_forced_is_no_intimidation(events_of, text, count):
    assert event_types(events_of(text))["intimidation"] == count


# ------------------------------------------------------- a lexicon phrase told in another order

@pytest.mark.parametrize("text, kind, count", [
    ("Приговор по делу Виктора Орлова был вынесен 14 февраля 2017 года.", "court", 1),
    ("К ответственности за избиение Орлова были привлечены двое охранников.", "other", 1),
    ("Дело против Орлова было возбуждено в марте 2015 года.", "other", 1),
    # a participle naming verdicts tells no ruling
    ("Большинство приговоров, вынесенных по таким делам, обжалуют.", "court", 0),
])
def test_a_verb_phrase_is_matched_through_the_parse(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# the trigger of a phrase matched through the parse is its anchor's word (one word where
# possible, data/annotated/README.md), never the stretch between its words, in order or not
@pytest.mark.parametrize("text, kind, trigger", [
    ("Мещанский районный суд вынес 12 апреля 2019 года после трёх месяцев слушаний "
     "суровый приговор Анне Гуровой.", "court", "вынес"),
    ("Следственный комитет возбудил спустя полгода после обысков в квартире журналиста "
     "Игоря Зимина уголовное дело.", "other", "возбудил"),
    # "назначить штраф" is anchored on its noun
    ("Мировой судья назначил после короткого разбирательства Ольге Савиной штраф "
     "в размере 20 тысяч рублей.", "fine", "штраф"),
    ("Уголовное дело против Игоря Зимина следователи возбудили в августе 2018 года.", "other", "возбудили"),
])
def test_a_phrase_matched_through_the_parse_is_spanned_by_its_anchor(events_of, text, kind, trigger):
    found = [(e.trigger, text[e.start:e.end]) for e in events_of(text) if e.type == kind]
    assert found == [(trigger, trigger)]


# ------------------------------------------------------- held before the verdict, then sentenced

@pytest.mark.parametrize("text, count", [
    ("15 мая 2017 года суд приговорил Илью Гущина к трём годам колонии. "
     "До приговора Гущин полгода находился в СИЗО.", 2),
    ("Илью Гущина 3 марта 2017 года заключили под стражу. С тех пор Гущин находится в СИЗО.", 1),
])
def test_custody_before_the_verdict_is_not_the_sentence(events_of, text, count):
    assert event_types(events_of(text))["custody"] == count


def test_a_statute_that_implies_a_penalty_is_no_custody(events_of):
    text = "Статья 109 УК подразумевает лишение свободы на срок до двух лет."
    assert event_types(events_of(text))["custody"] == 0


# ------------------------------------------------------- rulings on rulings, hearings

@pytest.mark.parametrize("text, count", [
    ("3 апреля 2018 года областной суд признал приговор Семёну Левину законным.", 1),
    ("Постановление губернатора было отменено решением суда в мае 2016 года.", 1),
    ("Левин не признал вину на слушаниях в районном суде Твери.", 1),
    ("Публичные слушания по проекту парка прошли в мэрии.", 0),
    ("Организаторы отменили ярмарку из-за дождя.", 0),
])
def test_rulings_on_rulings_and_hearings_are_court_events(events_of, text, count):
    assert event_types(events_of(text))["court"] == count


# ------------------------------------------------------- a conviction told with no penalty named

@pytest.mark.parametrize("text, count", [
    # an indefinite-personal verb: someone unnamed (a court) convicted a particular person
    ("Весной осудили ещё одного пасечника из Калуги.", 1),
    ("В марте 2017 года в Пензе осудили блогера Артёма Орлова.", 1),
    # a participle qualifying the person convicted
    # (a capitalised participle opening the sentence, which the tagger calls a name)
    ("Осуждённый в 2014 году механик Олег Ким уехал в Томск.", 1),
    ("Учитель Павел Зуев, осуждённый за репост в соцсети, уехал из Ярославля.", 1),
    # condemnation by a named speaker, or of a deed, is no ruling
    ("Депутаты осудили действия полиции.", 0),
    ("Лидер партии публично осудил своих бывших соратников.", 0),
])
def test_a_conviction_with_no_penalty_named_is_a_court_event(events_of, text, count):
    assert event_types(events_of(text))["court"] == count


# ------------------------------------------------------- a penalty a ruling obliges someone to pay

@pytest.mark.parametrize("text, count", [
    ("Мировой судья обязал Игоря Лаптева выплатить штраф.", 1),
    ("Суд обязал активистку Веру Гусеву заплатить штраф за пикет.", 1),
    ("Районный суд обязал его уплатить штраф до конца месяца.", 1),
    # a rule obliging, or an obligation that only may come, tells no fine
    ("Закон обязывает нарушителей платить штраф в течение двух месяцев.", 0),
    ("Суд может обязать водителя выплатить штраф.", 0),
])
def test_a_fine_a_ruling_obliges_someone_to_pay(events_of, text, count):
    assert event_types(events_of(text))["fine"] == count


# ------------------------------------------------------- charges brought, by either aspect, apart

@pytest.mark.parametrize("text, count", [
    ("Прокуратура выдвигает обвинения против бывшего мэра Семёна Гусева.", 1),
    ("Следствие предъявляет Гусеву обвинения в растрате.", 1),
    ("Власти Литвы выдвинули против предпринимателя Гусева сразу три новых обвинения.", 1),
    # a charge named, not brought
    ("Адвокат назвал обвинения против Гусева абсурдными.", 0),
])
def test_charges_brought_are_told_by_the_verb_of_either_aspect(events_of, text, count):
    assert event_types(events_of(text))["other"] == count


# ------------------------------------------- a sentence to pay or forfeit money (issue 12, round 15)

@pytest.mark.parametrize("text, count", [
    ("Суд приговорил Олега Титова к выплате 200 тысяч рублей пострадавшей.", 1),
    ("Районный суд приговорил бывшего директора завода Семёна Лаптева к конфискации имущества.", 1),
    ("Судья приговорила Веру Лосеву к выплате компенсации в размере 50 тысяч рублей.", 1),
    ("Кроме того, суд приговорил Рустама Алиева к возмещению ущерба в 30 тысяч долларов.", 1),
    # a payment or a forfeit named, nobody sentenced to it
    ("Депутаты обсуждают выплату компенсаций пострадавшим.", 0),
    ("Конфискация имущества грозит обвиняемому по этой статье.", 0),
    ("Суд приговорил Игоря Белова к двум годам колонии.", 0),
])
def test_a_sentence_to_pay_or_forfeit_money_is_a_fine(events_of, text, count):
    assert event_types(events_of(text))["fine"] == count


# A principal penalty with a payment or a forfeit added is that penalty, and costs of the case
# or a state fee paid are no penalty: a ruling, "court" (trfix15, issue 12).
@pytest.mark.parametrize("text, kind", [
    ("Трибунал приговорил Павла Зуева к расстрелу с конфискацией имущества.", "court"),
    ("В 1938 году Зуев был приговорён к смертной казни с конфискацией всего имущества.", "court"),
    ("Военный суд приговорил его к высшей мере наказания с конфискацией имущества.", "court"),
    ("Суд приговорил Семёна Лаптева к выплате процессуальных издержек.", "court"),
    ("Мировой судья приговорила Веру Лосеву к уплате государственной пошлины.", "court"),
    ("Суд приговорил Рустама Алиева к возмещению судебных издержек в размере 12 тысяч рублей.", "court"),
    # the payment alone is still the fine, and a death sentence alone a ruling
    ("Суд приговорил Олега Зотова к выплате 80 тысяч рублей потерпевшему.", "fine"),
    ("Суд приговорил Анну Зотову к смертной казни.", "court"),
])
def test_a_payment_added_to_a_penalty_or_costs_paid_are_no_fine(events_of, text, kind):
    told = event_types(events_of(text))
    assert (told[kind], told["fine"] if kind != "fine" else 1) == (1, 0 if kind != "fine" else 1)


# ------------------------------------------- released under a measure short of custody (round 15)

@pytest.mark.parametrize("text, kind, count", [
    # released by the police or the investigators under a written undertaking or bail: "other",
    # as the undertaking itself is ("находится под подпиской о невыезде")
    ("Через двое суток Михаила Зотова отпустили под подписку о невыезде.", "other", 1),
    ("Бизнесмен Роман Гусев был отпущен под залог.", "court", 1),
    ("Следователь отпустил Павла Орлова под подписку о невыезде.", "other", 1),
    ("Фермера Андрея Ковалёва выпустили под залог в миллион рублей.", "court", 1),
    # a court releasing someone on such a measure rules: "court", as "освобожден под залог" is
    ("Суд отпустил Анну Белову под залог.", "court", 1),
    # let go with no measure, or let go home: no event of either kind
    ("Полицейские отпустили Антона Жукова без составления протокола.", "other", 0),
    ("Врачи отпустили пациента домой.", "other", 0),
    ("Учитель отпустил учеников под честное слово.", "other", 0),
])
def test_release_under_a_measure_short_of_custody_is_told(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# Bail is set only by a court (УПК РФ ст. 106): a release on bail is "court", actor court, the
# court named or not; a written undertaking or a surety is "other" unless a court gives it; a court
# refusing bail rules to keep the person held: "court", not negated (trfix15, issue 12).
@pytest.mark.parametrize("text, kind", [
    ("Задержанного фермера Петра Лаптева выпустили под залог.", "court"),
    ("Вечером Игоря Зуева отпустили под залог в 300 тысяч рублей.", "court"),
    ("Студентку Анну Жукову выпустили под залог из изолятора.", "court"),
    ("Суд отказался отпустить Павла Орлова под залог.", "court"),
    ("Судья отказался выпустить Марата Галиева под залог.", "court"),
    ("Полиция отпустила Игоря Зуева под подписку о невыезде.", "other"),
    ("Через сутки Веру Белову отпустили под поручительство депутата.", "other"),
    ("Суд отпустил Олега Лосева под подписку о невыезде.", "court"),
    # "освободить" under a measure is a release from remand, a measure changed: "court"
    ("Суд освободил Анну Белову под поручительство.", "court"),
    ("Бизнесмена Олега Зотова освободили под залог.", "court"),
])
def test_bail_is_a_court_ruling_and_an_undertaking_is_not(events_of, text, kind):
    events = [e for e in events_of(text) if e.type in ("court", "other")]
    assert [(e.type, e.negated) for e in events] == [(kind, False)]
    assert kind != "court" or events[0].actors == ("court",)


# Bail is a court's in Russian procedure, but a text naming the police (or the investigators) as
# who let the person go tells a release by them: "other", their actor (review_c finding 5).
@pytest.mark.parametrize("text, kind, actors", [
    ("Лондонская полиция отпустила подозреваемого под залог до марта.", "other", ("police",)),
    ("Полицейские выпустили Игоря Зуева под залог.", "other", ("police",)),
    ("Следователь отпустил Павла Орлова под залог.", "other", ("police",)),
    ("Суд отпустил Анну Белову под залог.", "court", ("court",)),
    ("Вечером Игоря Зуева отпустили под залог.", "court", ("court",)),
])
def test_bail_by_a_named_police_is_their_release(events_of, text, kind, actors):
    events = [e for e in events_of(text) if e.type in ("court", "other")]
    assert [(e.type, e.actors) for e in events] == [(kind, actors)]


# "высшая мера" is the death penalty; a high payment is still a payment (review_c finding 7)
@pytest.mark.parametrize("text, kind", [
    ("Суд приговорил Олега Зотова к выплате высокой компенсации потерпевшей.", "fine"),
    ("Суд приговорил Анну Зотову к высшей мере наказания.", "court"),
])
def test_only_the_highest_measure_is_a_death_sentence(events_of, text, kind):
    assert [e.type for e in events_of(text) if e.type in ("court", "fine")] == [kind]


# Work counted in hours or years ("к 200 часам обязательных работ", "к году исправительных
# работ") is compulsory work only: its term makes no custody of the sentencing verb (round 15).
@pytest.mark.parametrize("text, expected", [
    ("Суд приговорил Петра Иванова к 200 часам обязательных работ.", {"compulsory_work": 1}),
    ("Мировой судья осудила Марину Котову к 120 часам обязательных работ.", {"compulsory_work": 1}),
    ("Суд приговорил Олега Титова к двум годам исправительных работ.", {"compulsory_work": 1}),
    # a prison term stays custody, with or without a fine beside it
    ("Суд приговорил Олега Титова к трём годам колонии общего режима.", {"custody": 1}),
    ("Суд приговорил Олега Титова к трём годам колонии и штрафу.", {"custody": 1, "fine": 1}),
])
def test_work_counted_in_hours_or_years_is_no_custody(events_of, text, expected):
    assert event_types(events_of(text)) == expected


# Protests and unrest named by their general nouns in the plural ("протесты", "массовые волнения",
# "беспорядки"), and a run of them named by a noun of series ("волна протестов", "серия
# митингов"): missed on both real development sets (round 16). A protest in the singular is an
# objection stated or lodged, no rally; nor is a charge, a case's name or a protest only feared.
@pytest.mark.parametrize("text, count", [
    ("В Омске третий день продолжаются протесты против закрытия завода.", 1),
    ("Всю весну президент сталкивался с протестами, которые устраивала оппозиция.", 1),
    ("В ноябре 2019 года Тулу охватила волна протестов против вырубки парка.", 1),
    ("Прошлым летом в Саратове вспыхнули массовые волнения из-за гибели подростка.", 1),
    ("В Нальчике и соседних сёлах продолжаются беспорядки.", 1),
    ("Студентов отчислили после серии уличных митингов, прошедшей в марте 2016 года.", 1),
    ("По Перми прокатилась череда пикетов у здания мэрии.", 1),
    # one rally, not two: the noun is the complement of the rally's own noun
    ("12 мая в Костроме прошла акция протеста против строительства мусорного полигона.", 1),
    # a protest lodged or stated is no rally
    ("Прокурор принёс протест на решение районного суда.", 0),
    ("Министерство иностранных дел выразило протест послу Латвии.", 0),
    ("Адвокат заявил протест против действий судьи.", 0),
    ("Решение мэрии вызвало протест жильцов.", 0),
    ("Зрители смотрели на сцену с волнением.", 0),
    # a charge, a case's name, a law, a protest only feared or planned
    ("Петрова обвинили в участии в массовых беспорядках.", 0),
    ("Дело о массовых беспорядках передали в суд.", 0),
    ("Статья 212 УК предусматривает наказание за организацию массовых беспорядков.", 0),
    ("Власти опасаются, что арест мэра может вызвать протесты.", 0),
    ("Оппозиция обещает новую волну протестов осенью.", 0),
    # round 16's review: the plural too names objections of a party and worries. An objection has a
    # party of the case or a possessive as its genitive, or is lodged or rejected; worries and a
    # mess are unrest only with a mass, a place or a verb of breaking out (failed before)
    ("Несмотря на протесты адвоката, судья приобщил документ к делу.", 0),
    ("Протесты защиты судья отклонил.", 0),
    ("Прокурор Иван Орлов внёс протесты на три постановления суда.", 0),
    ("Судья Котова отклонила все протесты обвинения.", 0),
    ("Волнения родителей задержанного оказались напрасными.", 0),
    ("Несмотря на все наши волнения, суд его отпустил.", 0),
    ("Мы очень переживали. Волнения были напрасными, сына отпустили.", 0),
    ("В квартире был страшный беспорядок. Беспорядки в документах следствия заметил адвокат.", 0),
    # the investigators' version of the unrest; unrest denied outright (failed before)
    ("Массовые беспорядки, по версии следствия, начались в 19:00.", 0),
    ("Беспорядки, по версии обвинения, устроили трое студентов.", 0),
    # round 16's second review: protests against someone or named after a leader, and one's own
    # protests, have no owner of an objection; bare plural unrest has no other sense; a version
    # of someone else or of another happening is no charge of unrest (failed before)
    ("Протесты против губернатора продолжались неделю.", 1),
    ("Протесты против Лукашенко начались в августе 2020 года.", 1),
    ("Протесты Навального прошли в 80 городах.", 1),
    ("Протесты Тихановской собрали сотни тысяч человек.", 1),
    ("За свои протесты против войны Петров получил 30 суток ареста.", 1),
    ("Во время беспорядков полиция задержала 50 человек.", 1),
    ("После беспорядков суд арестовал троих студентов.", 1),
    ("Митинг, по версии следствия, перерос в массовые беспорядки.", 1),
    ("Несмотря на его протесты, судья приобщил документ к делу.", 0),
    ("Протесты прокурора суд отклонил.", 0),
    # one person's objections, whoever he is; a group's plural possessive owns its protests
    # (round 16's last review)
    ("Несмотря на протесты подсудимого, судья огласил приговор.", 0),
    ("Несмотря на протесты матери, подростка увезли в отдел.", 0),
    ("Жители вышли к администрации. Их протесты против полигона продолжались год.", 1),
    # guards: protests of people in the streets, with a group's genitive, a place or a mass
    ("Протесты в Хабаровске продолжаются уже три месяца.", 1),
    ("Протесты фермеров прошли в десяти городах Франции.", 1),
    ("Массовые волнения в Бишкеке продолжались всю ночь.", 1),
    ("Волнения в городе начались после гибели подростка.", 1),
])
def test_protests_and_unrest_told_by_their_general_nouns(events_of, text, count):
    assert event_types(events_of(text))["protest"] == count


# The plural noun of unrest names the protests of the story as a whole: told again further on
# ("Протесты в Омске переросли в столкновения"), it is the protest already told, not another
# (round 16: the retellings this noun would otherwise add). Rallies named by their own nouns stay
# apart, as do protests told in the plural after a rally named on another day.
@pytest.mark.parametrize("text, count", [
    ("В Омске начались протесты против закрытия завода. Вечером протесты переросли в столкновения "
     "с полицией.", 1),
    ("В Нальчике вторые сутки продолжаются беспорядки. По данным полиции, беспорядки устроили "
     "приезжие.", 1),
    ("5 мая в Самаре прошёл митинг против застройки сквера. По словам организаторов, беспорядки "
     "устроили провокаторы.", 1),
    # two rallies, each named by its own noun and day
    ("5 мая в Омске прошёл митинг против закрытия завода. 7 мая в Томске прошёл пикет у здания "
     "мэрии.", 2),
])
def test_the_plural_noun_of_unrest_retells_the_protest_told(events_of, text, count):
    assert event_types(events_of(text))["protest"] == count


# A happening the sentence times another against (``после перестрелки``, ``после того, как суд
# признал``, ``до того как``: the temporal preposition or time-clause opener) is another happening,
# before or after it, when told by another word (round 16: two of one type in one clause merged
# away). Told by the same word it is the happening retold (``избили ..., после избиения``); the steps
# of one penalty (``после задержания его доставили в отдел``) and a happening during another (``во
# время драки``) stay one.
@pytest.mark.parametrize("text, kind, count", [
    ("Областной суд оправдал Сидорова спустя полгода после того, как районный суд вынес ему приговор "
     "за растрату.", "court", 2),
    ("После перестрелки у рынка толпа избила двоих охранников.", "violence", 2),
    ("До того как избить Козлова, охранники ударили его жену.", "violence", 2),
    ("Спустя час после поджога машины неизвестные напали на журналиста.", "violence", 2),
    ("После нападения на пост полиции боевики расстреляли автобус с паломниками.", "violence", 2),
    ("Через день после того, как журналисту угрожали по телефону, ему пригрозили расправой у подъезда.",
     "intimidation", 2),
    # one happening retold, or steps of one penalty, or one told during another
    ("Охранники избили Сидорова, после избиения он попал в больницу.", "violence", 1),
    ("Во время драки у клуба охранник избил посетителя.", "violence", 1),
    ("Через две недели после избиения охранник умер от полученных травм.", "violence", 1),
    ("Через два часа после задержания Иванова доставили в отдел полиции.", "detention", 1),
    ("Петрова задержали у мэрии, после задержания его доставили в отдел полиции.", "detention", 1),
    ("Сотрудники полиции задержали Кравцова и доставили его в отдел.", "detention", 1),
    ("Полицейские задержали Иванова и Петрова у здания суда.", "detention", 1),
])
def test_a_happening_timed_against_another_of_its_type_is_another(events_of, text, kind, count):
    assert event_types(events_of(text))[kind] == count


# Unrest denied outright ("никаких беспорядков не было"): SPEC keeps a negated event with
# `negated` true, so a protest read here must be negated, never a happening (round 16's review).
@pytest.mark.parametrize("text", [
    "Никаких беспорядков не было, люди стояли мирно.",
    "Никаких протестов в городе не было.",
])
def test_unrest_denied_outright_is_no_happening(events_of, text):
    protests = [e for e in events_of(text) if e.type == "protest"]
    assert protests and all(e.negated for e in protests)


# A version set off between a trigger noun and its verb qualifies how, who or when, not whether
# the happening took place: only unrest told as the accusers' charge is their version (round 16's
# second review; failed before).
@pytest.mark.parametrize("text, kind", [
    ("Задержание, по версии полиции, прошло без применения силы.", "detention"),
    ("Обыск, по версии следствия, провели законно.", "surveillance"),
    ("Избиение, по версии защиты, продолжалось два часа.", "violence"),
])
def test_a_version_of_how_a_happening_went_keeps_it(events_of, text, kind):
    assert event_types(events_of(text))[kind] == 1


# Protests going on now (present tense: "продолжаются") are a run of days, none of them the day an
# earlier sentence gave, so they take no carried day, and retell the protests of their place told
# before, across a case told between them; a protest dated by its own years takes those years,
# not a day (round 16's review; the carried-day and retelling rows failed before).
@pytest.mark.parametrize("text, place", [
    ("7 мая в Омске прошёл пикет у мэрии. Протесты в Томске продолжаются уже второй месяц.", "Томск"),
    ("3 июня в Самаре задержали двух активистов. Беспорядки в Нальчике продолжаются третьи сутки.",
     "Нальчик"),
])
def test_protests_going_on_now_take_no_carried_day(events_of, text, place):
    protest = next(e for e in events_of(text) if e.type == "protest" and e.place == place)
    assert protest.date is None or protest.date.precision != "day"


def test_a_protest_dated_by_its_years_takes_those_years(events_of):
    events = events_of("После протестов 2014–2015 годов власти ужесточили законы о митингах.")
    protests = [e for e in events if e.type == "protest"]
    assert protests
    for protest in protests:
        assert protest.date is not None and protest.date.precision == "year"
        assert (protest.date.start.year, protest.date.end.year) == (2014, 2015)


# Unrest of the same city told after another case, and not as going on, is a protest of its own
# (round 16's second review; failed before).
@pytest.mark.parametrize("text", [
    "В Уфе прошла акция против вырубки рощи.\n\nЕщё одно дело. Протесты в Уфе против застройки "
    "набережной закончились задержаниями.",
    "В Уфе прошла акция против вырубки рощи. Полиция задержала 10 человек.\n\nЕщё одно дело. "
    "Беспорядки в Уфе, по словам очевидцев, начались после полуночи.",
])
def test_unrest_of_a_place_told_after_a_case_and_not_going_on_is_its_own(events_of, text):
    assert [e.place for e in events_of(text) if e.type == "protest"].count("Уфа") == 2


def test_protests_going_on_now_retell_the_protest_told_before(events_of):
    text = ("В 2016 году в Томске прошли протесты против закрытия завода.\n\n"
            "В Омске 7 мая прошёл пикет у мэрии. Протесты в Томске продолжаются до сих пор.")
    assert [e.place for e in events_of(text) if e.type == "protest"].count("Томск") == 1
