"""A surname in ``-ову`` before a plural verb: a woman in the accusative when the verb has
nothing else to take (``Кравцову задержали``), a man in the dative when it has an object
(``Кравцову назначили штраф``). ``pipeline/tag/person_context.py``; new sentences."""

from __future__ import annotations

import pytest

from pipeline.records import PER
from pipeline.tag.names import tag_names

CASES = [
    ("Вчера Кравцову задержали у здания администрации.", "Кравцова"),
    ("Мельникову Т.С. арестовали в понедельник.", "Т. С. Мельникова"),
    ("Лебедеву отпустили из отдела только ночью.", "Лебедева"),
    ("Вчера Кравцову назначили штраф в пять тысяч рублей.", "Кравцов"),
    ("Вчера Гусеву вынесли приговор.", "Гусев"),
    ("Вчера Соколову продлили арест до весны.", "Соколов"),
    ("Бортникову дали 15 суток.", "Бортников"),
    # a verb that takes its person in the dative, with nothing after it: still a man in the
    # dative (pymorphy3 reads отказать, запретить as transitive, позвонить as intransitive)
    ("Вчера Кравцову отказали в регистрации.", "Кравцов"),
    ("Утром Кравцову позвонили из полиции.", "Кравцов"),
    ("Накануне Кравцову угрожали.", "Кравцов"),
    ("Вчера Смирнову отказали в регистрации.", "Смирнов"),
    ("Вечером Гусеву сообщили о решении суда.", "Гусев"),
    ("Потом Белову запретили выезжать из города.", "Белов"),
    ("Лебедеву помогли адвокаты правозащитного центра.", "Лебедев"),
    ("Соколову пообещали ответить через месяц.", "Соколов"),
    # a verb that takes the accusative: still a woman
    ("Вчера Белову обыскали в отделе полиции.", "Белова"),
    ("Соколову оштрафовали на десять тысяч рублей.", "Соколова"),
]


@pytest.mark.parametrize("sentence, normal", CASES)
def test_a_name_before_a_plural_verb_reads_by_what_else_the_verb_takes(models, sentence, normal):
    assert [m.normal for m in tag_names(sentence, models) if m.type == PER] == [normal]


BEFORE = [
    # a verb before the name that takes its person in the dative: a man
    ("Суд отказал Кравцову в иске.", "Кравцов"),
    ("Следователь сообщил Белову о новом обвинении.", "Белов"),
    ("Начальник запретил Соколову свидания с семьёй.", "Соколов"),
    # a verb that takes the accusative: a woman
    ("Суд приговорил Белову к штрафу.", "Белова"),
    ("Полицейские задержали Кравцову у суда.", "Кравцова"),
]


@pytest.mark.parametrize("sentence, normal", BEFORE)
def test_a_name_after_a_verb_reads_by_the_case_the_verb_governs(models, sentence, normal):
    assert [m.normal for m in tag_names(sentence, models) if m.type == PER] == [normal]


# A singular past verb or short participle after a name in an oblique case agrees with
# another subject (``Ахмедовой назначен арест``: the arrest; ``а Кима оштрафовал``: the court
# of the clause before): when no reading of the name's words is a nominative of the verb's
# gender, the verb was not its own and the name reads by its words alone (lk15, new sentences).
NOT_ITS_VERB = [
    ("Вчера Марии Ивановой назначен арест на пять суток.", ["Мария Иванова"]),
    ("Суд арестовал Олега Смирнова, а Александра Кима оштрафовал на 30 000 рублей.",
     ["Олег Смирнов", "Александр Ким"]),
    ("Николаю Грачёву назначен штраф в 10 тысяч рублей.", ["Николай Грачёв"]),
    ("Ирине Соколовой выписан штраф.", ["Ирина Соколова"]),
    ("Задержаны Т. Лисина и В. Ахмедова. Ахмедовой назначен арест на семь суток.",
     ["Т. Лисина", "В. Ахмедова", "В. Ахмедова"]),
    ("Петровой вынесен приговор.", ["Петрова"]),
    # an active verb after the name takes it as its object (accusative: she)
    ("Суд арестовал Игоря Белова, а Морозову Т. В. оштрафовал на 20 000 рублей.",
     ["Игорь Белов", "Т. В. Морозова"]),
    ("Судья отпустил Андрея Зимина, а Ларису Кузину отправил под арест.",
     ["Андрей Зимин", "Лариса Кузина"]),
    # the verb has its own object or takes its person in the dative: a man, in the dative
    ("Гусеву разбил очки конвоир.", ["Гусев"]),
    ("Лаптеву вручил повестку участковый.", ["Лаптев"]),
    ("Вчера Воронову сообщил дознаватель о прекращении дела.", ["Воронов"]),
    ("Кречетову отказал в свидании начальник колонии.", ["Кречетов"]),
    # with nothing else for the verb to take, the name is its object: a woman
    ("Шубину ударил охранник.", ["Шубина"]),
    # the verb is the name's own: kept
    ("Смирнова сказала, что её задержали.", ["Смирнова"]),
    ("Вчера Есенов задержан у здания суда.", ["Есенов"]),
    ("Светлана Орлова задержана у памятника.", ["Светлана Орлова"]),
]


@pytest.mark.parametrize("sentence, normals", NOT_ITS_VERB)
def test_a_verb_no_reading_of_the_name_agrees_with_is_not_its_own(models, sentence, normals):
    assert [m.normal for m in tag_names(sentence, models) if m.type == PER] == normals
