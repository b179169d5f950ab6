"""People's names in Latin letters inside Russian text (``pipeline/tag/latin_names.py``),
and Belarusian and Ukrainian first names in Latin letters across documents
(``models/link_names.json`` ``latin``). Every sentence is new, written for these tests."""

from __future__ import annotations

import pytest

from pipeline.link.gold import gold_tables
from pipeline.link.names import full_first_name, one_person, parse_name
from pipeline.records import PER
from pipeline.tag.latin_names import latin_name_runs, surname_ending
from pipeline.tag.names import tag_names

# Sentence, and the Latin-letter name in it that is a person.
PEOPLE = [
    ("Журналистка Dilnoza Yusupova рассказала, что её вызывали в прокуратуру.", "Dilnoza Yusupova"),
    ("Сообщается о задержании M. Kavaliova у здания суда в Гомеле.", "M. Kavaliova"),
    ("Волонтёры сообщают о задержании H. Lisouskaya 21.03.2021 в Гродно.", "H. Lisouskaya"),  # natasha runs on into the date
    ("Адвокат Tamaz Beridze подал жалобу 3 марта.", "Tamaz Beridze"),
    ("По словам Oksana Marchenko, обыск длился шесть часов.", "Oksana Marchenko"),
    ("Вчера задержан активист Gor Harutyunyan.", "Gor Harutyunyan"),
    ("Блогер Timur Belkin провел ночь в изоляторе.", "Timur Belkin"),  # a weak ending, a person noun before
    ("Мать задержанного, Lala Guliyeva Rasimovna, пришла к отделу.", "Lala Guliyeva Rasimovna"),
    # a first name that is an English or Russian word too, and a body's noun before a name
    ("Сообщение подписала Vera Markova, сестра задержанного.", "Vera Markova"),
    ("Правозащитница Anna Kovalenko приехала в суд.", "Anna Kovalenko"),
    ("Представитель компании Oleg Tkachenko отказался от комментариев.", "Oleg Tkachenko"),
    ("Ночью задержали Sofia Melnychuk и её брата.", "Sofia Melnychuk"),
    ("Письмо написала Tatiana Kuzmenko из колонии.", "Tatiana Kuzmenko"),
    ("С обыском пришли к Arthur Mamedov домой.", "Arthur Mamedov"),
    # common English surnames that are first names or English words too, after a person noun
    ("Журналиста James Taylor задержали у посольства.", "James Taylor"),
    ("Правозащитница Kate Parker рассказала о суде.", "Kate Parker"),
    ("Наблюдатель Emily Harrison пришла на участок.", "Emily Harrison"),
    ("Журналист Owen Mitchell задержан в Минске.", "Owen Mitchell"),
    ("Журналист James Brown задержан на границе.", "James Brown"),
    ("Адвокат Sarah Wilson подала апелляцию.", "Sarah Wilson"),
    ("Активистку Megan White вызвали на допрос.", "Megan White"),
    # a person noun in apposition after the name is its sign (issue 16): natasha's ORG
    # gives way, and a surname with no ending of the region stands
    ("Olga Vetrova, координатор штаба, сообщила, что у её дома на неё напали.", "Olga Vetrova"),
    ("Alina Skorobogat, волонтёр фонда, рассказала о допросе.", "Alina Skorobogat"),
    ("Pavel Gorobets, фотограф из Омска, задержан у здания суда.", "Pavel Gorobets"),
    # an ``l`` before a consonant spells a soft ``ль`` (``Olga``: Ольга), a first name
    ("Вечером задержали Olga Zaitseva и ещё двоих.", "Olga Zaitseva"),
    ("Сообщение подписала Olga Mamontova.", "Olga Mamontova"),
]

# Sentences whose Latin-letter words are no person.
NOT_PEOPLE = [
    "Доклад опубликовали Human Rights Watch и Reporters Without Borders.",
    "Видео выложили в Telegram и на YouTube.",
    "Сотрудник BBC Russian Service получил предупреждение.",
    "Он работал в компании Lockheed Martin до 2019 года.",  # -in after an inanimate noun
    "Песню «Sergei Ivanov» запретили к исполнению.",          # a quoted title
    "Фонд Kharkov Human Rights Group выпустил отчет.",         # four words: a body's name
    "Матч Carolina Panthers перенесли.",
    # a body or a place named after a person or a town: a common word beside the surname
    "Эксперты Kaspersky Lab сообщили о взломе.",
    "Колонна прошла на Nevsky Prospekt.",
    "Болельщиков задержали на стадионе Rostov Arena.",
    "Пресс-релиз Sakharov Center опубликован вечером.",
    "Концерт в Mariinsky Theatre отменили.",
    "Грант выделил Khodorkovsky Foundation.",
    "Власти Saratov Region запретили акцию.",
    "Иск подала компания Grigorenko Consulting.",
    "Сайт Smolensky Bank недоступен.",
    "Об этом сообщил Telegram-канал Baza Ivanova.",
    "Справку выдала клиника Petrovsky Medical.",   # English word
    "Встреча прошла в Kuznetsov Dvor.",            # a Russian word in Latin letters
    "Власти Tambov Oblast не ответили.",
    "Рекламное агентство Sokolov Orbis подало иск.",  # after a body's noun, no name beside
    "Пикет стоял на Lermontov Square.",
    "Kaspersky Lab, разработчик антивирусов, опубликовала отчёт.",  # an apposition after a body
    "Rostov Arena, стадион в центре города, закрыта.",
]


@pytest.mark.parametrize("sentence, name", PEOPLE)
def test_a_latin_letter_name_in_russian_text_is_a_person(models, sentence, name):
    assert name in [m.text for m in tag_names(sentence, models) if m.type == PER]


@pytest.mark.parametrize("sentence", NOT_PEOPLE)
def test_latin_letter_names_of_bodies_and_titles_are_no_person(models, sentence):
    assert not [m.text for m in tag_names(sentence, models) if m.type == PER and m.text.isascii()]


def test_latin_names_outside_russian_text_are_left_to_the_tagger():
    english = "The report was written by Ivan Petrov and Anna Sidorova."
    assert latin_name_runs(english) == []
    assert latin_name_runs("Сообщение: " + english) != []


@pytest.mark.parametrize(("word", "first_name"), [("Olga", True), ("Oksana", True), ("Olgino", False)])
def test_a_soft_l_before_a_consonant_reads_a_first_name(word, first_name):
    from pipeline.tag.latin_names import is_latin_first_name

    assert is_latin_first_name(word) is first_name


@pytest.mark.parametrize("word, ending", [
    ("Kuznetsova", 2), ("Shevchenko", 2), ("Gogoladze", 2), ("Aliyev", 2), ("Zadeh", 0),
    ("Kalinin", 1), ("Martin", 1), ("Kiev", 0), ("Ov", 0), ("Group", 0),
])
def test_surname_endings_in_latin_letters(word, ending):
    assert surname_ending(word) == ending


# Belarusian and Ukrainian forms of first names in Latin letters: the Russian name.
NATIONAL_FORMS = [
    ("Aliaksandr", "Александр"), ("Oleksandr", "Александр"), ("Volha", "Ольга"),
    ("Olha", "Ольга"), ("Tatsiana", "Татьяна"), ("Dzmitry", "Дмитрий"), ("Mykola", "Николай"),
    ("Yauhen", "Евгений"), ("Hanna", "Анна"), ("Ihar", "Игорь"),
]


@pytest.mark.parametrize("latin, russian", NATIONAL_FORMS)
def test_belarusian_and_ukrainian_first_names_in_latin_read_as_the_russian_name(latin, russian):
    assert full_first_name(latin)[0] == russian
    assert parse_name(f"{latin} Lisouskaya").first == parse_name(f"{russian} Лисовская").first


# A Latin form that is also how a Russian name is usually transliterated is read as
# written, and the Belarusian form stands beside it: Alena is Russian Алёна as often as
# Belarusian Алена (Елена).
READ_AS_WRITTEN = [("Alena", "Алёна"), ("Alena", "Алена"), ("Alina", "Алина"), ("Yana", "Яна")]


@pytest.mark.parametrize("latin, russian", READ_AS_WRITTEN)
def test_a_latin_first_name_that_transliterates_a_russian_one_is_that_name(latin, russian):
    assert parse_name(f"{latin} Popova").first == parse_name(f"{russian} Попова").first


@pytest.mark.parametrize("latin, russian, same", [
    ("Alena Popova", "Алёна Попова", True), ("Alena Popova", "Елена Попова", True),
    ("Alena Popova", "Е. Попова", True), ("Alena Popova", "Алина Попова", False),
    ("Alina Popova", "Елена Попова", False),
])
def test_both_readings_of_a_latin_first_name_stand(latin, russian, same):
    assert one_person(parse_name(latin), parse_name(russian)) is same


# A Latin initial H. writes Russian Х (Hasan) and Belarusian/Ukrainian Г (Hanna: Ганна,
# read as Анна): both fit it; other initials do not.
LATIN_H = [
    ("Hasan Hasanov", "H. Hasanov", True),
    ("Huseyn Abdullayev", "H. Abdullayev", True),
    ("Hanna Lisouskaya", "H. Lisouskaya", True),
    ("Halina Karpovich", "H. Karpovich", True),
    ("Hryhorii Melnychuk", "H. Melnychuk", True),
    ("Hanna Tsvirko", "Г. Цвирко", True),
    ("Hanna Tsvirko", "А. Цвирко", True),
    ("Hasan Hasanov", "R. Hasanov", False),
    ("H. Abdullayev", "A. Abdullayev", False),
    ("Hanna Lisouskaya", "Т. Лисовская", False),
]


@pytest.mark.parametrize("one, other, same", LATIN_H)
def test_a_latin_initial_h_fits_first_names_in_h_and_g(one, other, same):
    assert one_person(parse_name(one), parse_name(other)) is same
    assert one_person(parse_name(other), parse_name(one)) is same


def test_a_cyrillic_name_is_not_read_through_the_latin_forms():
    # Алена in Cyrillic is Russian Алёна written with е: the Latin Alena's second reading
    # (Belarusian Алена, Елена) is not its own, so it is kept as written. A Belarusian or
    # Ukrainian form in Cyrillic is read by its own table (``national``), not the Latin one.
    assert full_first_name("Алена") == ("Алена", None)
    assert full_first_name("Ганна") == ("Анна", "femn")
    assert full_first_name("Волха") == ("Волха", None)  # a Latin form (Volha) in Cyrillic letters


def _told(doc_id: str, name: str, text: str):
    from pipeline.link.gold import GoldDocument
    import datetime as dt

    events = [{"trigger": "задержали", "type": "detention", "date_start": "2021-03-14",
               "date_end": "2021-03-14", "date_precision": "day", "place": "Брест",
               "persons": [name], "start": text.index("задержали"),
               "end": text.index("задержали") + len("задержали")}]
    return GoldDocument(doc_id, text, dt.date(2021, 3, 20), [{"name": name}], events, "test")


# The same detention told twice, the detainee named in Russian and in Belarusian Latin.
@pytest.mark.parametrize("russian, latin", [
    ("Ольга Мицкевич", "Volha Mitskevich"),
    ("Сергей Лапко", "Siarhei Lapko"),
    ("Г. Дубовик", "H. Dubovik"),  # a Latin H. alone writes the Belarusian Г
    ("Hasan Guliyev", "H. Guliyev"),  # and the Russian Х: Hasan
    ("Hanna Shylo", "H. Shylo"),      # Hanna is read as Анна, its H. still fits
    ("Гасан Мамедов", "Hasan Mamedov"),
    ("Елена Жук", "Alena Zhuk"),      # Alena: Belarusian Алена, also Russian Алёна
    ("Алёна Жук", "Alena Zhuk"),
])
def test_one_person_in_russian_and_in_belarusian_latin_links(russian, latin):
    from pipeline.link import link

    docs = [_told("ru", russian, f"14 марта 2021 года в Бресте задержали участника акции: это {russian}."),
            _told("by", latin, f"{latin}: 14 марта в Бресте меня задержали у вокзала.")]
    result = link("test", write=False, tables=gold_tables(docs))
    people = result.person_events
    ids = dict(zip(people["doc_id"], people["person_id"]))
    assert ids["ru"] == ids["by"]
