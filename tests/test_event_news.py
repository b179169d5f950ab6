"""Events in news stories (issue 12, the Wikinews development articles' classes).

Each table holds new sentences written for one class of error the Wikinews development
articles exposed; none is copied from those articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from conftest import event_types, events_reader

from pipeline.events.merge import headline_end

DOC_DATE = dt.date(2016, 5, 20)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


types = event_types


# ------------------------------------------------------- the headline retells the story

@pytest.mark.parametrize("text, expected", [
    ("Задержан активист\n", 18),
    ("В Омске арестован блогер\nФото: здание суда в Омске\nТекст.", 51),
    ("Суд в Перми\nНа фото: здание\n\nВ среду суд вынес приговор.", 29),
    ("12 марта в Омске задержали Петрова.\nЕго отпустили.", 0),  # opens with a sentence
    ("Задержан ли активист?\nТекст.", 0),
    ("Отчёт за год:\nСписок.", 0),  # a heading that introduces what follows is no headline
])
def test_the_headline_block_is_the_opening_lines_without_a_full_stop(text, expected):
    assert headline_end(text) == expected


@pytest.mark.parametrize("text, kind", [
    # a headline names the person by a description and the place by its country
    ("В Испании задержан российский инженер\n"
     "14 марта 2016 года в аэропорту Мадрида полиция задержала 35-летнего инженера Олега Ветрова.\n"
     "Ветрову пока не предъявлено обвинений.", "detention"),
    ("Бывшего мэра приговорили к восьми годам колонии\n"
     "Фото: здание областного суда\n"
     "16 мая суд в Самаре приговорил бывшего мэра Игоря Лаптева к восьми годам колонии строгого режима.",
     "custody"),
    ("Власти Туниса подтвердили арест французского журналиста\n"
     "Журналиста Пьера Дюбуа арестовали 2 апреля 2016 года в городе Сус.", "detention"),
])
def test_a_headline_retells_the_body_s_happening(events_of, text, kind):
    found = [e for e in events_of(text) if e.type == kind]
    assert len(found) == 1
    assert found[0].date is not None  # the body's telling, with its date, is the event


@pytest.mark.parametrize("text, kinds", [
    # a caption dated apart tells a happening of its own
    ("Митинг в Киеве 9 мая 2012 года\n"
     "Уже вторую неделю в Киеве проходят акции протеста против нового закона.",
     {"protest": 2}),
    # a headline whose happening the body does not tell stays an event
    ("В Каире задержан лидер оппозиции\n11 мая в Каире прошёл митинг против военных.",
     {"detention": 1, "protest": 1}),
])
def test_a_headline_that_the_body_does_not_retell_stays(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


# The headline's place fills the place the body leaves empty; the body's own stays
# (data/wikinews/README.md, headlines and captions).
@pytest.mark.parametrize("text, expected", [
    # the body names no place: the headline's
    ("В Томске задержан журналист\n"
     "Журналиста Павла Рябова задержали 3 марта 2016 года у здания редакции.\n"
     "Его отпустили вечером.", {"detention": "Томск"}),
    # a caption under the headline retells it, the headline's place still fills
    ("В Твери оштрафован блогер\nФото: здание суда\n"
     "Блогера Игоря Лаптева 14 апреля 2016 года оштрафовали на 20 тысяч рублей.", {"fine": "Тверь"}),
    # the body states its own place: it stays
    ("В Томске задержан журналист\n"
     "Журналиста Павла Рябова задержали 3 марта 2016 года в Новосибирске.", {"detention": "Новосибирск"}),
    # a headline whose happening the body does not tell keeps its place; the body's its own
    ("В Казани арестован блогер\nФото: здание суда\n"
     "12 марта в Перми прошёл митинг против закрытия завода.", {"detention": "Казань", "protest": "Пермь"}),
])
def test_a_headline_s_place_fills_the_place_the_body_leaves_empty(events_of, text, expected):
    found = {e.type: e.place for e in events_of(text) if not e.negated}
    assert found == expected

# ------------------------------------------------------- a conviction told beside its penalty is the sentence

@pytest.mark.parametrize("text, kinds", [
    # one sentence: the guilty finding and the penalty it earned
    ("3 марта суд Казани признал фермера Ильдара Сафина виновным в мошенничестве, приговорив его к "
     "четырём годам колонии общего режима.", {"custody": 1}),
    # the finding told again in a later paragraph, of the same person
    ("14 апреля суд приговорил блогера Олега Ветрова к двум годам лишения свободы.\n"
     "Ветров заявил, что обжалует решение.\n"
     "Суд признал Ветрова виновным в оправдании терроризма.", {"custody": 1}),
    # a fine, the finding naming no one in the next paragraph
    ("Журналистку Анну Седову оштрафовали на 300 тысяч рублей.\n"
     "Она была признана виновной в распространении ложной информации.", {"fine": 1}),
])
def test_a_conviction_beside_its_penalty_is_one_ruling(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


@pytest.mark.parametrize("text, kinds", [
    # a verdict with no penalty told stays a court event
    ("В мае суд признал активиста Павла Рябова виновным в неповиновении полиции.", {"court": 1}),
    # the accused's own plea is told in court, not the verdict
    ("Инженер Олег Ветров признал себя виновным в мошенничестве.\n"
     "В 2014 году Ветров уже был приговорён к трём годам колонии.", {"court": 1, "custody": 1}),
    # another person's penalty is not this conviction's
    ("Суд признал Павла Рябова виновным в хулиганстве. Его соседа Игоря Лаптева приговорили к "
     "двум годам колонии.", {"court": 1, "custody": 1}),
])
def test_a_conviction_without_its_penalty_stays(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


# ------------------------------------------------------- the noun of a happening told before retells it

@pytest.mark.parametrize("text, kinds", [
    ("12 мая 2016 года в Омске полиция задержала активиста Петра Орлова.\n"
     "По словам его жены, Орлов ничего не нарушал.\n"
     "Задержание произошло прямо у подъезда его дома.", {"detention": 1}),
    ("Журналиста Анну Седову арестовали 3 марта 2016 года в Минске.\n"
     "Коллеги Седовой ничего не знали о её планах.\n"
     "Родственники узнали об аресте от адвоката.", {"detention": 1}),
    ("Инженера Олега Ветрова задержали 14 марта в аэропорту Праги.\n"
     "Ветров прилетел туда из Берлина.\n"
     "В ходе задержания ему не объяснили причин.", {"detention": 1}),
])
def test_the_noun_of_a_happening_told_before_retells_it(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


@pytest.mark.parametrize("text, kinds", [
    # a noun with a day of its own is a happening of its own
    ("Петра Орлова задержали 3 мая в Омске.\nЗадержание 10 июня в Томске прошло без насилия.",
     {"detention": 2}),
    # the noun of another place is another happening
    ("Петра Орлова задержали в Омске.\nЗадержание в Томске прошло без насилия.",
     {"detention": 2}),
])
def test_a_noun_with_its_own_day_or_place_is_not_a_retelling(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


@pytest.mark.parametrize("text, kinds", [
    # news call one detention "арест" and "задержание" alike: the noun of the other verb retells it
    ("Полицейские задержали студента Илью Рогова 5 июня 2016 года.\n"
     "Рогов учится на третьем курсе.\n"
     "Его мать узнала об аресте только вечером.", {"detention": 1}),
    ("Блогера Андрея Лыкова арестовали в аэропорту Варшавы.\n"
     "Лыков летел домой из Рима.\n"
     "Во время задержания у Лыкова забрали паспорт.", {"detention": 1}),
    ("Пограничники задержали художницу Олесю Ким на границе.\n"
     "Ким везла с собой картины.\n"
     "Местные газеты написали об аресте художницы.", {"detention": 1}),
    # another person's detention, or one with a day of its own, stays another happening
    ("Илью Рогова задержали 5 июня 2016 года.\nАрест Павла Сомова 20 июля прошёл у мэрии.", {"detention": 2}),
])
def test_a_detention_is_retold_by_the_noun_of_either_verb(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


@pytest.mark.parametrize("text, kinds", [
    # the noun's people are "other" ones: another happening of the kind, not the one told
    ("Полицейские задержали активиста Илью Рогова у мэрии.\n"
     "Аресты нескольких других студентов удивили преподавателей.", {"detention": 2}),
    ("Силовики арестовали журналиста Павла Сомова.\n"
     "Коллеги рассказали и об аресте других сотрудников редакции.", {"detention": 2}),
    ("Силовики арестовали журналиста Павла Сомова.\n"
     "Коллеги рассказали об аресте Сомова.", {"detention": 1}),
])
def test_a_noun_of_other_people_tells_another_happening(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


# ------------------------------------------------------- what is still to come is no happening

@pytest.mark.parametrize("text, kind", [
    # a future auxiliary the tagger reads as present
    ("Командир пригрозил, что пленных будут расстреливать каждый день.", "violence"),
    ("Власти предупредили, что участников будут задерживать.", "detention"),
    # a rally whose relative clause is to come, the clause hung on a nearer noun of the same form
    ("Обыски связаны с митингом за отставку губернатора, который должен пройти 3 июня на площади Ленина.",
     "protest"),
    ("Организаторы рассказали о пикете в защиту парка, который состоится в субботу у здания мэрии.",
     "protest"),
])
def test_a_happening_still_to_come_is_not_an_event(events_of, text, kind):
    assert types(events_of(text))[kind] == 0


@pytest.mark.parametrize("text, kind", [
    ("Митинг за отставку губернатора, который прошёл 3 июня на площади Ленина, собрал тысячу человек.",
     "protest"),
    # the clause to come is said of another noun: agreement tells it apart
    ("3 июня в Омске прошёл пикет против поправок, которые депутаты будут обсуждать осенью.", "protest"),
    # the controls of the future auxiliaries above: the same happenings told as done
    ("Командир рассказал, что пленных расстреляли 5 мая.", "violence"),
    ("Власти сообщили, что участников задержали у мэрии.", "detention"),
])
def test_a_happening_whose_clause_is_past_stays(events_of, text, kind):
    assert types(events_of(text))[kind] == 1


# ------------------------------------------------------- «в том числе» counts nothing

@pytest.mark.parametrize("text, kind, count", [
    ("После акции полиция задержала пятерых, в том числе двух журналистов.", "detention", 1),
    ("В ходе проверки задержали трёх человек, в числе которых был депутат городской думы.", "detention", 1),
    # a number of people, counted as a class, is still a statistic
    ("Число задержанных на акциях за год выросло вдвое.", "detention", 0),
])
def test_in_that_number_is_no_statistic(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


# ------------------------------------------------------- a person sent to or held in a jail: the verb governs it

@pytest.mark.parametrize("text, kind, count", [
    # the verb far from the jail's noun: the parse links them
    ("Блогер Олег Ветров 3 мая Ленинским районным судом был отправлен в СИЗО на два месяца.", "custody", 1),
    ("Сейчас инженер Игорь Лаптев содержится в тюрьме города Лион.", "custody", 1),
    ("С тех пор журналист Пётр Орлов находится под арестом в следственном изоляторе.", "custody", 1),
    # a jail that is only a place of something else
    ("Пикет прошёл у здания тюрьмы на окраине города.", "custody", 0),
    ("Фильм о тюрьме вышел в прокат в мае.", "custody", 0),
])
def test_a_person_sent_to_or_held_in_jail_is_in_custody(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


# ------------------------------------------------------- a trial named is no ruling

@pytest.mark.parametrize("text, kind, count", [
    ("Судебный процесс над блогером Олегом Ветровым начался в апреле 2014 года.", "court", 0),
    ("Адвокат назвал судебный процесс над фермером Гусевым политическим.", "court", 0),
    # the ruling the trial ends in is one
    ("7 мая 2014 года суд оправдал фермера Николая Гусева.", "court", 1),
])
def test_a_trial_named_is_no_ruling(events_of, text, kind, count):
    assert types(events_of(text))[kind] == count


# ------------------------------------------------------- an arrest by the police or the authorities is a detention

@pytest.mark.parametrize("text, kind", [
    ("Полиция Марселя арестовала 30-летнего Пьера Дюбуа по обвинению в поджоге.", "detention"),
    ("Власти Канады арестовали программиста Олега Ветрова по обвинению в мошенничестве.", "detention"),
    # the court's arrest is custody
    ("Суд арестовал блогера Игоря Смирнова по обвинению в экстремизме.", "custody"),
])
def test_who_arrests_types_the_arrest(events_of, text, kind):
    found = types(events_of(text))  # the charge ("по обвинению") is an event of its own
    assert found[kind] == 1 and found[{"detention": "custody", "custody": "detention"}[kind]] == 0


# ------------------------------------------------------- a search for someone wanted

@pytest.mark.parametrize("text, count", [
    ("Полиция объявила о розыске бизнесмена Глеба Титова.", 1),
    ("На розыск беглеца Глеба Титова бросили всю полицию области.", 1),
    ("Розыск Глеба Титова продолжался три месяца.", 1),
    # the department of criminal investigation is no search
    ("Сотрудники уголовного розыска задержали Глеба Титова.", 0),
    ("Начальник отдела розыска Глеб Титов дал интервью газете.", 0),
    # being wanted is a standing status, not a search told
    ("Глеб Титов до сих пор находится в розыске.", 0),
])
def test_a_search_for_someone_wanted_is_told_by_its_noun(events_of, text, count):
    assert types(events_of(text))["other"] == count


# ------------------------------------------------------- one happening retold paragraphs on

@pytest.mark.parametrize("text, kinds", [
    # the same word of the same named person, paragraphs apart, no day of its own: one happening
    ("Фермера Игоря Лапина избили неизвестные в его дворе.\n"
     "Соседи вызвали скорую помощь.\n"
     "Лапина избили, когда он возвращался с рынка.", {"violence": 1}),
    ("Следователи обвиняют программиста Кирилла Зотова в краже паролей.\n"
     "Зотов живёт в Казани с семьёй.\n"
     "Следователи считают, что Зотова обвиняют справедливо.", {"other": 1}),
    ("Суд признал бухгалтера Марину Осипову виновной в растрате.\n"
     "Осипова работала на заводе десять лет.\n"
     "Осипову признали виновной по двум статьям.", {"court": 1}),
    ("Полиция возбудила уголовное дело против блогера Семёна Жукова.\n"
     "Жуков вёл канал о городских новостях.\n"
     "Дело против Жукова возбудили по статье о клевете.", {"other": 1}),
    # near misses: two people, two stated days, or told again ("снова") stay apart
    ("Фермера Игоря Лапина избили неизвестные во дворе.\n"
     "Соседи вызвали скорую помощь.\n"
     "Его брата Олега Лапина избили у магазина.", {"violence": 2}),
    ("3 марта фермера Игоря Лапина избили неизвестные.\n"
     "Соседи вызвали скорую помощь.\n"
     "20 апреля Лапина избили у магазина.", {"violence": 2}),
    ("Фермера Игоря Лапина избили неизвестные во дворе.\n"
     "Соседи вызвали скорую помощь.\n"
     "Через месяц Лапина снова избили.", {"violence": 2}),
    ("5 мая суд оштрафовал Павла Сомова на 10 000 рублей.\n"
     "Сомов обжаловал решение.\n"
     "12 июня суд оштрафовал Сомова на 20 000 рублей.", {"fine": 2}),
    # "также": another charge or blow of the same person, told on top of the one before
    ("Следователи обвиняют программиста Кирилла Зотова в краже паролей.\n"
     "Зотов живёт в Казани с семьёй.\n"
     "Зотова обвиняют также в продаже чужих данных.", {"other": 2}),
    ("Фермера Игоря Лапина избили неизвестные в его дворе.\n"
     "Соседи вызвали скорую помощь.\n"
     "Лапина тоже избили полицейские в отделе.", {"violence": 2}),
    # told in a relative clause: what befell the person at a time of its own
    ("Следователи обвиняют программиста Кирилла Зотова в краже паролей.\n"
     "Зотов живёт в Казани с семьёй.\n"
     "Он ушёл из банка, руководство которого обвинило Зотова в растрате.", {"other": 2}),
    ("5 мая в Омске задержали Илью Рогова.\n"
     "Рогова отпустили вечером.\n"
     "9 мая в Омске задержали Павла Сомова.", {"detention": 2}),
    # two doers told: unknown attackers, then the police; two months told: two happenings
    ("В январе фермера Игоря Лапина избили неизвестные у подъезда.\n\n"
     "Летом Лапина избили полицейские в отделе.", {"violence": 2}),
    ("В январе фермера Игоря Лапина избили неизвестные у подъезда.\n\n"
     "В марте Лапина избили у магазина.", {"violence": 2}),
])
def test_the_same_word_of_the_same_person_paragraphs_on_retells_it(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)


# ------------------------------------------------------- a penalty retold of a participle standing as a noun

@pytest.mark.parametrize("text, kinds, persons", [
    # (a) a substantivised participle (``подозреваемый``, ``задержанная``) stands for
    # the person told of before, as a noun of one person does: the same happening retold
    ("Полиция задержала программиста Олега Ветрова в Омске.\n"
     "Ветров отрицает вину.\n"
     "Подозреваемый был задержан в своей квартире.", {"detention": 1}, {("Олег Ветров",)}),
    ("Суд арестовал блогера Игоря Смирнова.\n"
     "Смирнов вину не признал.\n"
     "Подозреваемого арестовали на два месяца.", {"custody": 1}, {("Игорь Смирнов",)}),
    ("В Казани задержали активиста Андрея Белова.\n"
     "Белов работает учителем в школе.\n"
     "Подозреваемого отвезли в отдел полиции.", {"detention": 1}, {("Андрей Белов",)}),
    ("В Казани задержали активистку Анну Белову.\n"
     "Белова работает учителем в школе.\n"
     "Подозреваемую отвезли в отдел полиции.", {"detention": 1}, {("Анна Белова",)}),
    # near misses: a participle of the other gender is someone else
    ("В Казани задержали активистку Анну Белову.\n"
     "Белова работает учителем в школе.\n"
     "Подозреваемого отвезли в отдел полиции.", {"detention": 2}, {("Анна Белова",), ()}),
    # near misses: a second arrest ("снова"), a second fine, and each person's case on its own
    ("Полиция задержала программиста Олега Ветрова.\n"
     "Ветрова отпустили вечером.\n"
     "Через неделю подозреваемого снова задержали.", {"detention": 2}, {("Олег Ветров",)}),
    ("Суд оштрафовал активиста Олега Ветрова на 10 000 рублей.\n"
     "Ветров обжаловал решение.\n"
     "Подозреваемого ещё раз оштрафовали на 20 000 рублей.", {"fine": 2}, {("Олег Ветров",)}),
    ("5 мая задержали Илью Рогова.\n"
     "Рогова отпустили вечером.\n"
     "9 мая задержали Павла Сомова.\n"
     "Задержанного доставили в отдел.", {"detention": 2}, {("Илья Рогов",), ("Павел Сомов",)}),
    ("Полиция задержала Олега Ветрова у мэрии.\n\n"
     "Игоря Смирнова задержали у вокзала.\n"
     "Подозреваемого отвезли в отдел полиции.", {"detention": 2}, {("Олег Ветров",), ("Игорь Смирнов",)}),
    # near misses, told at two depths or in two places: two cities of one country, two days of
    # one month; one sentence naming a city and a country tells two rulings
    ("Весной 2016 года суд Казани снял с Олега Ветрова все обвинения, но Верховный суд России "
     "отменил это решение.", {"court": 2}, {("Олег Ветров",)}),
    ("Олега Ветрова задержали в Омске.\n"
     "Ветрова задержали в Томске.", {"detention": 2}, {("Олег Ветров",)}),
    ("3 мая задержали журналиста Олега Ветрова.\n"
     "Ветрова задержали 5 мая у здания редакции.", {"detention": 2}, {("Олег Ветров",)}),
])
def test_a_penalty_retold_of_a_participle_standing_as_a_noun_is_one(events_of, text, kinds, persons):
    found = events_of(text)
    assert types(found) == Counter(kinds)
    assert {e.persons for e in found} == persons


@pytest.mark.parametrize("text, kinds", [
    # another case, charge, refusal or verdict of the same person, each naming what it is about:
    # a report telling one person's cases one after another, not one happening retold
    ("Против блогера Романа Гусева возбудили уголовное дело о призывах к экстремизму.\n"
     "Гусев вёл канал о политике.\n"
     "Против Гусева возбудили уголовное дело о мошенничестве.", {"other": 2}),
    ("Суд отказал Роману Гусеву в освобождении под залог.\n"
     "Гусев болен диабетом.\n"
     "Суд отказал Гусеву в ознакомлении с материалами дела.", {"court": 2}),
    ("Суд признал Романа Гусева виновным в хулиганстве.\n"
     "Гусев работал водителем автобуса.\n"
     "Суд признал Гусева виновным в неуплате алиментов.", {"court": 2}),
    # a connective of addition opens the later sentence: told on top of the one before
    ("Неизвестные избили Романа Гусева во дворе.\n"
     "Гусев обратился к врачу.\n"
     "Кроме того, Гусева избили в подъезде.", {"violence": 2}),
    ("Неизвестные избили Романа Гусева во дворе.\n"
     "Гусев обратился к врачу.\n"
     "Помимо этого, Гусева избили у магазина.", {"violence": 2}),
    ("Неизвестные избили Романа Гусева во дворе.\n"
     "Гусев обратился к врачу.\n"
     "В отделе Гусева тоже избили.", {"violence": 2}),
    # only the later telling states a time: a new time told, not the undated one retold
    ("Неизвестные избили Романа Гусева во дворе.\n"
     "Гусев обратился к врачу.\n"
     "В марте 2023 года Гусева избили у подъезда.", {"violence": 2}),
    # two stated days of a ruling (not a penalty, so the rule is reached)
    ("5 мая суд признал Павла Сомова виновным в хулиганстве.\n"
     "Сомов работал водителем автобуса.\n"
     "12 июня суд признал Сомова виновным в хулиганстве.", {"court": 2}),
    # the same ground, or the earlier telling dated and the later not: one happening retold
    ("Романа Гусева обвинили в призывах к экстремизму.\n"
     "Гусев живёт в Твери с семьёй.\n"
     "Гусева обвиняют в публичных призывах к экстремизму.", {"other": 1}),
    # a ground that names no particular act ("по всем пунктам обвинения") clashes with none
    ("Суд признал Романа Гусева виновным в краже денег со счёта.\n"
     "Гусев работал кассиром в банке.\n"
     "Гусева признали виновным по всем пунктам обвинения.", {"court": 1}),
    ("3 марта суд отказал Роману Гусеву в освобождении под залог.\n"
     "Гусев болен диабетом.\n"
     "Суд отказал Гусеву в освобождении, несмотря на болезнь.", {"court": 1}),
])
def test_another_happening_of_the_same_person_paragraphs_on_stays_apart(events_of, text, kinds):
    assert types(events_of(text)) == Counter(kinds)
