"""Happenings the lexicon missed on real text (issue 12, session 11's recall classes).

Each table holds new invented sentences for one class of miss that
``python -m benchmarks.event_types --missed`` showed on the development sets (OVD-Info dev
pages, Wikinews dev articles, the constructed dev set); none is copied from them. The
mechanisms are general: the lemma families of ``models/triggers.jsonl`` and the words the
trigger's parse hangs it on.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import event_types, events_reader

DOC_DATE = dt.date(2019, 4, 11)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# ------------------------------- custody told as a state: held, kept or sitting in a place of custody

@pytest.mark.parametrize("text, count", [
    ("Оба фигуранта дела остаются под стражей.", 1),
    ("Фермер Олег Рябов с осени содержится под стражей.", 1),
    ("Сейчас Игорь Сомов находится в тюремной больнице.", 1),
    ("Блогер Антон Лисин сидит в тюрьме уже третий год.", 1),
    ("Журналистка Вера Ким провела в заключении восемь месяцев.", 1),
    ("Эколог Павел Орлов отсидел четыре года и вышел на свободу.", 1),
    ("Мать его детей Ольга Титова отбывает заключение в колонии.", 1),
    ("Сторонник оппозиции Денис Гаев остается в заключении.", 1),
    # a place or a word of custody named, no one held there
    ("Возле тюремной больницы прошёл пикет.", 0),
    ("Эксперт дал заключение о почерке.", 0),
    ("Охрана тюрьмы сидит в соседнем здании.", 0),
    ("Он долго сидел за компьютером.", 0),
])
def test_custody_is_told_by_a_state_of_being_held(events_of, text, count):
    assert event_types(events_of(text))["custody"] == count


@pytest.mark.parametrize("text, count", [
    # a measure of restraint short of custody, told as a state: "other", as a written undertaking taken
    ("Активист Олег Мазин находится под подпиской о невыезде.", 1),
    ("До приговора Инна Лаптева оставалась под подпиской о невыезде.", 1),
    ("Подписка на журнал подорожала.", 0),
    ("Он находится в Москве.", 0),
])
def test_a_written_undertaking_is_told_by_a_state(events_of, text, count):
    assert event_types(events_of(text))["other"] == count


# ------------------------------------------------ violence by shooting, terror or execution

@pytest.mark.parametrize("text, count", [
    ("Неизвестный открыл стрельбу у здания городской администрации.", 1),
    ("Ночью неизвестные обстреляли машину журналиста Сергея Кравца.", 1),
    ("В пригороде произошла перестрелка между охраной и местными жителями.", 1),
    ("Взрыв в торговом центре назвали терактом.", 1),
    ("В среду власти казнили троих оппозиционеров.", 1),
    ("Во вторник кто-то застрелил фермера Ивана Зуева у ворот его дома.", 1),
    # a law, a sport, a threat of it or a warning against it: nothing happened
    ("Закон предусматривает смертную казнь за измену.", 0),
    ("Спортсмен занял второе место в стрельбе из лука.", 0),
])
def test_violence_is_told_by_shooting_terror_or_execution(events_of, text, count):
    assert event_types(events_of(text))["violence"] == count


# ------------------------------------------- a threat told as a condition: "if you do X, Y will befall"

@pytest.mark.parametrize("text, count", [
    ("Сотрудник позвонил её отцу и предупредил, что если дочь не перестанет, у семьи будут проблемы.", 1),
    ("Мне говорили, что если я буду писать жалобы, у сына будут неприятности в школе.", 1),
    ("Участковый сказал активисту, что если тот продолжит, его уволят с работы.", 1),
    ("Следователь намекнул Петрову, что в случае отказа от показаний пострадают его родные.", 1),
    ("Оперативник сказал журналистке Анне Беловой, что если она опубликует статью, у её мужа будут неприятности.", 1),
    ("Начальник отдела сказал, что если она не уволится сама, ей будет плохо.", 1),
    # a forecast, a plan or a promise: no one threatened
    ("Министр предупредил, что если цены вырастут, правительство примет меры.", 0),
    ("Синоптики сказали, что если пойдет дождь, праздник перенесут.", 0),
    ("Директор сказал, что если план выполнят, всем дадут премию.", 0),
    # the harm negated: a promise that none will come
    ("Директор школы пообещал родителям, что если ремонт закончат вовремя, проблем с началом учебного года не будет.", 0),
    ("Бухгалтер пообещал, что если отчёт сдадут вовремя, никого не накажут.", 0),
    # said by the person's own side (a lawyer, a parent): a forecast or a warning, no threat
    ("Адвокат сказал, что если суд откажет, у защиты будут проблемы с обжалованием приговора.", 0),
    ("Мать сказала сыну, что если он бросит институт, его накажут.", 0),
    # befalling no person: a firm, the economy
    ("Экономист сказал журналистам, что если курс упадёт, у заводов будут проблемы.", 0),
])
def test_a_conditional_threat_is_intimidation(events_of, text, count):
    assert event_types(events_of(text))["intimidation"] == count


@pytest.mark.parametrize("text, count", [
    # an execution told by its verb, then by its noun: one happening
    ("В понедельник в тюрьме штата казнили осуждённого Рона Уэлса. Накануне казни его навестили родные.", 1),
    ("Ночью боевики обстреляли посёлок Каменка. Обстрел продолжался два часа.", 1),
])
def test_a_violent_verb_and_its_noun_tell_one_happening(events_of, text, count):
    assert event_types(events_of(text))["violence"] == count


# ------------------------------- an assault told by a blow, a broken bone or a thing thrown or poured

@pytest.mark.parametrize("text, count", [
    ("Неизвестный врезал активисту кулаком по лицу.", 1),
    ("Нападавшие пнули девушку несколько раз.", 1),
    ("Ему сломали нос и два ребра.", 1),
    ("В правозащитника бросили яйцо.", 1),
    ("В пикетчиков кидали яйца и помидоры.", 1),
    ("На пикетчика вылили ведро холодной воды.", 1),
    # a lock fitted, a toy broken, a habit dropped, water poured out: no one hurt
    ("Слесарь врезал новый замок в дверь.", 0),
    ("Ребёнок сломал игрушку.", 0),
    ("Он бросил курить.", 0),
    ("Хозяйка вылила воду из чайника.", 0),
    # a protester charged with throwing a bottle or a stone at the police: the charge, not an assault on rights
    ("Демонстранта обвинили в том, что он бросил бутылку в сторону полицейских.", 0),
    ("В активиста бросили кирпич на пикете в Казани.", 1),
])
def test_an_assault_is_told_by_a_blow_a_broken_bone_or_a_thing_thrown(events_of, text, count):
    assert event_types(events_of(text))["violence"] == count


# ------------------------------------------- what a charge says was done is the charge, not a happening told

@pytest.mark.parametrize("text, triggers", [
    # the act in the content clause of a charge or a suspicion ("обвиняют в том, что ...")
    ("Студентку Веру Лаптеву обвиняют в том, что она бросила кирпич в полицейского на пикете.", []),
    ("Инженера Олега Лаптева подозревают в том, что он швырнул камень в сотрудника ОМОНа.", []),
    ("Против Ирины Бойко возбудили дело по подозрению в том, что она ударила полицейского.", []),
    ("Обвинение в том, что он избил охранника, Сомов отрицает.", []),
    ("Курьера обвинили в том, что он применил насилие к приставу.", []),
    ("Сварщика Илью Шахова обвиняют за то, что он бросил кирпич в полицейского.", []),
    ("Водителя обвинили в хулиганстве за то, что он ударил охранника парка.", []),
    # a beating told as fact stays, before or after the charge, and outside its clause
    ("Полицейские избили задержанного Максима Орлова, а затем обвинили его в нападении.", ["избили"]),
    ("Его обвинили в том, что он применил насилие к полицейскому, хотя на видео видно, что полицейские "
     "избили его.", ["избили"]),
    ("Омоновцы избили фотографа, которого потом обвинили в том, что он оказал сопротивление.", ["избили"]),
    ("Журналиста избили за то, что он снимал разгон пикета.", ["избили"]),
])
def test_what_a_charge_says_was_done_is_no_violence_told(events_of, text, triggers):
    assert [e.trigger for e in events_of(text) if e.type == "violence" and not e.negated] == triggers


@pytest.mark.parametrize("text, trigger", [
    # the verb of being held joins the state's word (a word hung on a verb through "к" does not:
    # data/expected/001_* keeps that sample's custody on "аресту")
    ("Оба фигуранта дела остаются под стражей.", "остаются под стражей"),
    ("Журналистка Вера Ким провела в заключении восемь месяцев.", "провела в заключении"),
])
def test_a_state_is_told_by_its_verb(events_of, text, trigger):
    assert trigger in [e.trigger for e in events_of(text) if e.type == "custody"]
