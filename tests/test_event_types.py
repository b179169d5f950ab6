"""Event types settled by the words a trigger is told with (issue 12, typing round).

Each table holds new invented sentences for one class of wrong-type or false event that
``python -m benchmarks.event_types`` showed on the development sets; none is copied from
them. The calls are those of data/wikinews/README.md and data/annotated/README.md.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import event_types, events_reader

DOC_DATE = dt.date(2016, 5, 20)


@pytest.fixture(scope="module")
def events_of(models):
    return events_reader(models, DOC_DATE)


# ------------------------------------------ an accusation by a private person is no charge

@pytest.mark.parametrize("text, charges", [
    # a commentator, a lawyer, a journalist or a politician accusing someone: no charge brought
    ("Известный политолог обвинил губернатора в развале экономики.", 0),
    ("Адвокат Петрова обвинил полицию в фальсификации доказательств.", 0),
    ("Журналист Иван Соколов обвинил мэра в коррупции.", 0),
    ("Некоторые экономисты обвиняли министра в провале реформы.", 0),
    ("Депутат Олег Гусев обвиняет соседей в клевете.", 0),
    # investigators, prosecutors, a court, or no one named: a charge
    ("Следователи обвинили Петрова в мошенничестве.", 1),
    ("Прокуратура обвинила активиста в экстремизме.", 1),
    ("Петрова обвинили в хулиганстве.", 1),
    ("Блогера Анну Белову обвиняют в призывах к экстремизму.", 1),
    ("Трибунал обвинил генерала в военных преступлениях.", 1),
])
def test_an_accusation_is_a_charge_only_when_no_private_person_makes_it(events_of, text, charges):
    assert event_types(events_of(text))["other"] == charges


def _tokens(words):
    """Parsed tokens written out: (text, lemma, pos, head, rel, feats)."""
    from pipeline.events.syntax import Token

    found, at = [], 0
    for i, (text, lemma, pos, head, rel, feats) in enumerate(words):
        found.append(Token(i, at, at + len(text), text, frozenset({lemma}), pos, head, rel, frozenset(feats)))
        at += len(text) + 1
    return tuple(found)


@pytest.mark.parametrize("subject_number, verb_number, case, private", [
    ("Sing", "Sing", "Nom", True),   # "Политолог обвинил мэра": the politologist accuses
    ("Sing", "Plur", "Nom", False),  # "Орлову ... обвиняют": a singular hung on a plural verb is its object
    ("Plur", "Plur", "Nom", True),
    ("Plur", "Plur", "Gen", False),  # "... в гибели журналистов" hung on the verb: no subject
])
def test_a_private_subject_agrees_with_its_verb(subject_number, verb_number, case, private):
    from pipeline.events.triggers import TriggerHit, condition_holds

    tokens = _tokens([
        ("Политолог", "политолог", "NOUN", 1, "nsubj", {"Animacy=Anim", f"Number={subject_number}", f"Case={case}"}),
        ("обвинил", "обвинить", "VERB", -1, "root", {"VerbForm=Fin", f"Number={verb_number}"}),
        ("мэра", "мэр", "NOUN", 1, "obj", {"Animacy=Anim", "Number=Sing"}),
    ])
    hit = TriggerHit("other", (1,), 1, False, tokens[1].start, tokens[1].end)
    assert condition_holds(tokens, hit, {"private_subject": True}) is private


# ------------------------------- a condition naming a shared list (models/trigger_lists.json)

@pytest.mark.parametrize("text, lodged", [
    # an objection lodged, brought, rejected or withdrawn: the noun hangs on a lodging verb
    ("Адвокат внёс протест на решение судьи.", True),
    ("Прокурор принёс протест на постановление.", True),
    ("Защита подала протесты на каждое решение.", True),
    ("Судья отклонил протесты адвоката.", True),
    ("Сторона обвинения отозвала протест.", True),
    # protests held or going on: the noun hangs on no lodging verb
    ("Жители вышли на протест против стройки.", False),
    ("Протесты продолжались неделю.", False),
    ("Студенты устроили протест у здания мэрии.", False),
])
def test_a_condition_naming_a_shared_list_reads_that_list(models, text, lodged):
    from pipeline.events.triggers import TriggerHit, condition_holds, parse_sentences
    from pipeline.segment import split_sentences

    tokens = next(iter(parse_sentences(split_sentences(text), models)))
    at = next(t.index for t in tokens if "протест" in t.lemmas)
    hit = TriggerHit("protest", (at,), at, False, tokens[at].start, tokens[at].end)
    assert condition_holds(tokens, hit, {"governed_by": "@lodging_verbs"}) is lodged


@pytest.mark.parametrize("text, protests", [
    ("Прокурор принёс протесты на оба приговора.", 0),
    ("Защита внесла протесты, но суд их отклонил.", 0),
    ("В столице вспыхнули массовые беспорядки.", 1),
    ("Волнения охватили весь город.", 1),
])
def test_protests_lodged_are_no_protest_held(events_of, text, protests):
    assert event_types(events_of(text))["protest"] == protests


# ------------------- a role held (a present passive participle standing for people) is no charge

@pytest.mark.parametrize("text, charges", [
    ("Адвокат обвиняемого Петр Смирнов подтвердил это.", 0),
    ("Вся группа обвиняемых кроме Петра Смирнова была признана виновной.", 0),
    ("Он дал показания на другого обвиняемого — Олега Гусева.", 0),
    # becoming one is told: the charge
    ("Петров стал третьим обвиняемым по этому делу.", 1),
    ("Первыми обвиняемыми стали активисты Иван Орлов и Олег Гусев.", 1),
])
def test_a_role_held_is_no_charge_told(events_of, text, charges):
    assert event_types(events_of(text))["other"] == charges


# ------------------------------- a political prisoner is custody only of a person named as one

@pytest.mark.parametrize("text, custody", [
    # a designation, a title on a thing, a count of a list: no custody told
    ("Правозащитники признали Иванова политическим заключенным.", 0),
    ("Совет признал ее политзаключенной в марте.", 0),
    ("Он вышел на свободу в форме политзаключенного.", 0),
    ("Статья политического заключенного вышла в журнале.", 0),
    ("По данным правозащитников, в стране насчитывается 40 политических заключенных.", 0),
    # a person named as one: custody
    ("Политзаключенный Сергей Орлов объявил голодовку.", 1),
    ("В колонии умер политический заключенный Павел Яковлев.", 1),
])
def test_a_political_prisoner_is_custody_only_of_a_person_named_as_one(events_of, text, custody):
    assert event_types(events_of(text))["custody"] == custody


# ----------------------------------------------------- shares are no protest

@pytest.mark.parametrize("text, protests", [
    ("Ему принадлежат 25 % акций завода.", 0),
    ("Остальными 40 процентами акций банка владеет его брат.", 0),
    ("Перед назначением он продал акции своих предприятий сыну.", 0),
    ("Бизнесмен продал акции двух компаний в прошлом году.", 0),
    # a rally called an action: a protest
    ("В субботу активисты провели акцию протеста у здания мэрии.", 1),
    ("Участники акции передали петицию в администрацию.", 1),
])
def test_shares_are_no_protest(events_of, text, protests):
    assert event_types(events_of(text))["protest"] == protests


# ------------------------------------------------- the arrest call: in absentia, by a judge

@pytest.mark.parametrize("text, kind", [
    # an arrest in absentia is the court's (data/wikinews/README.md, the arrest call)
    ("Бывший министр Андрей Клименко заочно арестован.", "custody"),
    ("В марте суд заочно арестовал бизнесмена Игоря Лосева.", "custody"),
    ("Владельца клуба Петра Жукова арестовали заочно.", "custody"),
    # a judge's arrest is the court's
    ("Судья принял решение об аресте Олега Данилова до 5 июня.", "custody"),
    ("Судья арестовал Данилова в зале заседаний.", "custody"),
    # a capture by the police stays a detention
    ("Полицейские арестовали Данилова у входа в метро.", "detention"),
    # an arrest told where it happened abroad is the capture, suspicion or not
    ("Бизнесмен Олег Рябов арестован в Лиссабоне по подозрению в отмывании денег.", "detention"),
    ("Бывшего чиновника Антона Белова арестовали в Греции по обвинению в мошенничестве.", "detention"),
    ("Программист был арестован в Нью-Йорке по подозрению во взломе, а суд решит вопрос о его выдаче.",
     "detention"),
    # at home, an arrest on suspicion is the court's remand, as reports tell it
    ("В Новосибирске активист Павел Гусев арестован по подозрению в экстремизме.", "custody"),
    ("Активиста Гусева арестовали в Казани по обвинению в экстремизме.", "custody"),
])
def test_an_arrest_in_absentia_or_by_a_judge_is_custody(events_of, text, kind):
    found = event_types(events_of(text))
    assert found[kind] == 1
    assert found["custody" if kind == "detention" else "detention"] == 0
