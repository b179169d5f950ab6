"""The normaliser repairs PDF/OCR damage to Russian text and maps back to raw text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise import normalise
from pipeline.normalise.layout import keep_hyphen
from pipeline.normalise.words import join_letter_spacing, segment_letters

REPAIRS = [
    # line-end hyphenation (real damage from the 001 sample)
    ("расстрела бастую-\nщих нефтяников в \nЖанаозене", "расстрела бастующих нефтяников в Жанаозене"),
    ("прово-\nдить выборы", "проводить выборы"),
    ("кого-\nто задержали", "кого-то задержали"),
    ("из Алма-\nАты", "из Алма-Аты"),
    ("кое-\nкак успели", "кое-как успели"),
    ("на интернет-\nсайте", "на интернет-сайте"),
    ("Южно-\nКазахстанский институт", "Южно-Казахстанский институт"),
    ("нормативно-\nправовым актом", "нормативно-правовым актом"),
    ("в 2011-\n2012 годах", "в 2011-2012 годах"),
    ("офи\u00ad\nциально", "официально"),
    # soft hyphens: at a line end decided like a hyphen; mid-line what they show
    ("общественно\u00ad\nполитической", "общественно-политической"),
    ("Санкт\u00ad\nПетербург", "Санкт-Петербург"),
    ("в 2011\u00ad\n2014 годах", "в 2011—2014 годах"),
    ("ОВД\u00adИнфо сообщает", "ОВД-Инфо сообщает"),
    ("компании\u00adзастройщики", "компании-застройщики"),
    ("в 2011\u00ad2014 годах, 10\u00ad12 июня", "в 2011—2014 годах, 10—12 июня"),
    ("10.06\u00ad12.06.2014", "10.06—12.06.2014"),
    ("как все\u00adтаки из\u00adза того", "как все-таки из-за того"),
    ("мы \u00ad правозащитники", "мы — правозащитники"),
    ("COVID\u00ad19 и Wi\u00adFi", "COVID-19 и Wi-Fi"),
    ("офи\u00adциально заявлено", "официально заявлено"),  # a web page's hyphenation point
    # lines broken mid-sentence, page breaks inside a sentence
    ("граждане Республики Казахстан \n\nимеют право на свободу объединений.",
     "граждане Республики Казахстан имеют право на свободу объединений."),
    ("прокуратура за день до ее проведения, вновь \n\n\n\nвручила всем",
     "прокуратура за день до ее проведения, вновь вручила всем"),
    ("были задержаны и\fосуждены на 15 суток", "были задержаны и осуждены на 15 суток"),
    # spaces, NBSP, soft hyphens, zero-width characters, ligatures, CRLF
    ("Шымкенсткий  филиал\tработает", "Шымкенсткий филиал работает"),
    ("на\u00a080900\u202fтенге", "на 80900 тенге"),
    ("по\u00adдашь\u200bзаявку", "подашьзаявку"),
    ("ﬁlial Союза\r\nправозащитных организаций", "filial Союза правозащитных организаций"),
    # letter-spaced words
    ("Н е с м о т р я  н а  т о ,  ч т о  право", "Несмотря на то, что право"),
    ("З А Я В Л Е Н И Е", "ЗАЯВЛЕНИЕ"),
    ("м и т и н г и в Москве", "митинги в Москве"),
    ("а я и ты", "а я и ты"),  # one-letter words of prose stay apart
    ("и в с к о", "и в с к о"),
    # a line end inside spaced letters ends a word; the lines' words join as prose
    ("Н е с м о т р я  н а\nт о ,  ч т о", "Несмотря на то, что"),
    ("м и т и н г и\nв Москве", "митинги в Москве"),
    ("в ы\nс л а л и", "вы слали"),
    ("а я\nи ты", "а я и ты"),
    # Latin look-alikes
    ("в Казаxстане", "в Казахстане"),
    ("рoлиция", "ролиция"),
    ("менее 300 EURО", "менее 300 EURO"),
    ("C 10 утра и до пяти", "С 10 утра и до пяти"),
    ("XX век", "XX век"),
    # quotes and dashes
    ('НП "Алга" и „Аман Саулык“', "НП «Алга» и «Аман Саулык»"),
    ("суммы – 3 человека", "суммы — 3 человека"),
    ("Знать правду - наше право", "Знать правду — наше право"),
    ("в 1941–1945 годах", "в 1941—1945 годах"),
    # typos in the text itself stay
    ("входить или присутствоать в объединении", "входить или присутствоать в объединении"),
    ("Казахстанское законодателство", "Казахстанское законодателство"),
]


@pytest.mark.parametrize("raw, expected", REPAIRS)
def test_normalise_repairs(raw, expected):
    assert normalise(raw).text == expected


HYPHENS = [
    ("бастую", "щих", False),
    ("проти", "возаконности", False),
    ("Туме", "новой", False),
    ("кое", "как", True),
    ("Алма", "Аты", True),
    ("интернет", "сайт", True),
    ("северо", "восточный", True),
    ("ЗАЯВ", "ЛЕНИЕ", False),
]


@pytest.mark.parametrize("left, right, kept", HYPHENS)
def test_line_end_hyphen_decided_by_morphology(left, right, kept):
    assert keep_hyphen(left, right) is kept


@pytest.mark.parametrize(
    "letters, words",
    [
        ("Несмотрянато", ["Несмотря", "на", "то"]),
        ("митингив", ["митинги", "в"]),
        ("осужденынапятнадцатьсуток", ["осуждены", "на", "пятнадцать", "суток"]),
        ("вМоскве", ["в", "Москве"]),
    ],
)
def test_segment_letters(letters, words):
    assert segment_letters(letters) == words


def test_letter_spacing_keeps_each_letter_mapped():
    result = join_letter_spacing("Н е с м о т р я")
    assert result.text == "Несмотря"
    assert [result.source[s:e] for s, e in zip(result.starts, result.ends)] == list("Несмотря")


def test_blank_line_after_every_line_is_not_a_paragraph_break(sample_texts):
    """In the 000 sample every line is followed by a blank line; paragraphs use two."""
    raw = sample_texts["000_6fb061e0297f36b6"]
    paragraphs = normalise(raw).text.split("\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].endswith("на практике довольно сложно.")  # a short line ends it
    assert paragraphs[1].startswith("Всеобъемлющий характер слова «каждый»")
    assert paragraphs[0].startswith("Пункт 1 статьи 23 Конституции РК устанавливает, что граждане Республики Казахстан имеют")
    assert paragraphs[3].startswith("юридически доказать вмешательство")


def test_indented_paragraphs_and_own_lines(sample_texts):
    """The 001 sample marks paragraphs by indentation and ends with a signature block."""
    clean = normalise(sample_texts["001_35f99063bebc0d6e"]).text
    lines = clean.split("\n")
    assert lines[0] == "Ситуация со свободой мирных собраний и митингов в Казахстане."
    assert lines[1] == "(Сессия 2, 9 ноября 2012г)"
    assert lines[2].startswith("После трагических событий 16 декабря 2011 года, расстрела бастующих нефтяников в Жанаозене,")
    assert any(line.startswith("Поданная заявка на проведение митинга 25 февраля") for line in lines)
    assert lines[-4:] == [
        "8 ноября 2012г.",
        "Республика Казахстан,",
        "Объединение Юридических лиц «Союз правозащитных организаций»",
        "Исполнительный секретарь Г.Архангельский",
    ]
    assert "index=2&feature=plpp_video" in clean  # a URL wrapped mid-way is joined
    assert "осужденных жанаозенцев" in clean and "вновь вручила всем" in clean


@pytest.mark.parametrize("doc_id", ["000_6fb061e0297f36b6", "001_35f99063bebc0d6e"])
def test_samples_map_back_and_are_idempotent(sample_texts, doc_id):
    raw = sample_texts[doc_id]
    clean = normalise(raw)
    assert normalise(clean.text).text == clean.text
    start = clean.text.index("Казахстан")
    raw_start, raw_end = clean.to_raw(start, start + len("Казахстан"))
    assert raw[raw_start:raw_end] == "Казахстан"
    kept = sum(raw[s:e] == c for c, s, e in zip(clean.text, clean.raw_starts, clean.raw_ends))
    assert kept / len(clean.text) > 0.97  # almost every character is kept as it was


def test_empty_and_blank_text():
    assert normalise("").text == ""
    assert normalise(" \n\f\n ").text == ""


# A list of names one a line (detainees, defendants) keeps its lines: a wrapped line of
# prose is never a run of capitalised words only. Prose wrapped at a width still joins.
LIST_LINES = [
    ("Задержаны в Самаре:\nОрлова Вера Павловна\nКузин Глеб Андреевич\nЛи Ирина",
     "Задержаны в Самаре:\nОрлова Вера Павловна\nКузин Глеб Андреевич\nЛи Ирина"),
    ("Фигуранты дела:\nБеков Тимур Русланович, 1991 г.р.\nНосова Алла Игоревна, 1988 г.р.",
     "Фигуранты дела:\nБеков Тимур Русланович, 1991 г.р.\nНосова Алла Игоревна, 1988 г.р."),
    ("Гусев А.В.\nСоколова Т.Н.\nМамедов Р.Р.", "Гусев А.В.\nСоколова Т.Н.\nМамедов Р.Р."),
    ("Иван Белов,\nПётр Зуев,\nОлег Мухин", "Иван Белов,\nПётр Зуев,\nОлег Мухин"),
    ("Вчера вечером у здания областного суда полицейские\nзадержали Антона Белова и Веру Зуеву,"
     " которые держали\nплакаты в поддержку осуждённого журналиста из Твери\nи раздавали листовки.",
     "Вчера вечером у здания областного суда полицейские задержали Антона Белова и Веру Зуеву,"
     " которые держали плакаты в поддержку осуждённого журналиста из Твери и раздавали листовки."),
    ("На следующий день после задержания адвокат Олег Бахтин\nрассказал, что его подзащитного"
     " Глеба Носова\nизбили в отделе полиции и не дали ему позвонить.",
     "На следующий день после задержания адвокат Олег Бахтин рассказал, что его подзащитного"
     " Глеба Носова избили в отделе полиции и не дали ему позвонить."),
]


@pytest.mark.parametrize("raw, expected", LIST_LINES)
def test_a_list_of_names_keeps_one_entry_a_line(raw, expected):
    assert normalise(raw).text == expected


# A dash list whose items close with ``;`` (or open after ``:``) keeps one item a line, in a
# source wrapped at a width too; a dash wrapped to a line's start inside a sentence, or
# a line after a full stop in running prose, still joins.
DASH_LISTS = [
    ("Под стражей остаются:\n— Карина Лебедева, задержанная на вокзале и\nотправленная в СИЗО;\n"
     "— Тимур Асланов, которого арестовали на двое суток;\n— Павел Рябов, отпущенный под подписку.",
     "Под стражей остаются:\n— Карина Лебедева, задержанная на вокзале и отправленная в СИЗО;\n"
     "— Тимур Асланов, которого арестовали на двое суток;\n— Павел Рябов, отпущенный под подписку."),
    ("Суд назначил наказания трём участникам пикета у мэрии в прошлую\nсубботу:\n- штраф 20 тысяч "
     "рублей Ольге Марковой, которая держала плакат;\n- обязательные работы Денису Ушакову.",
     "Суд назначил наказания трём участникам пикета у мэрии в прошлую субботу:\n— штраф 20 тысяч "
     "рублей Ольге Марковой, которая держала плакат;\n— обязательные работы Денису Ушакову."),
    ("В отделе полиции задержанного журналиста Игоря Сомова и его\nколлегу Нину Боброву продержали"
     " до утра, а один\nиз сотрудников, который представился капитаном, но\nне показал удостоверения,"
     " долго кричал на них\n— дежурный потом отказался назвать его фамилию.",
     "В отделе полиции задержанного журналиста Игоря Сомова и его коллегу Нину Боброву продержали"
     " до утра, а один из сотрудников, который представился капитаном, но не показал удостоверения,"
     " долго кричал на них — дежурный потом отказался назвать его фамилию."),
]


@pytest.mark.parametrize("raw, expected", DASH_LISTS)
def test_a_dash_list_keeps_one_item_a_line(raw, expected):
    assert normalise(raw).text == expected


# Look-alike letters are sought only in words the text's Latin runs overlap: every other word
# is Cyrillic-only or has no letter of either script, which the fix leaves alone. What it
# gives must be what judging every word in turn gives.
def _every_word_fixed(text: str) -> str:
    from pipeline.normalise.words import _CYRILLIC, _LATIN, _WORD, _script_fix

    words = [m for m in _WORD.finditer(text)]
    cyrillic = [bool(_CYRILLIC.search(m.group())) for m in words]
    latin = [bool(_LATIN.search(m.group())) and not cyrillic[i] for i, m in enumerate(words)]
    out, done = [], 0
    for i, m in enumerate(words):
        if m.group().isascii() and len(m.group()) > 3:
            continue
        near_latin = (i > 0 and latin[i - 1]) or (i + 1 < len(words) and latin[i + 1])
        russian = ((i > 0 and cyrillic[i - 1]) or (i + 1 < len(words) and cyrillic[i + 1])) and not near_latin
        fixed = _script_fix(m.group(), russian, russian)
        if fixed is not None:
            out += [text[done:m.start()], fixed]
            done = m.end()
    return "".join(out) + text[done:]


HOMOGLYPH_TEXTS = [
    "в Казаxстане рoлиция c ними, EURО", "C 10 утра у суда", "Cуд и ОВД «Тверскoй»",
    "3a×b в суде", "a÷c и c", "ОМОН, НКВД, PR-акция", "Ёлка в Aрхангельске", "Ø и ß у c",
    "Москва\nc\nутра", "x", "", "123 45", "Mr. Smith и c ним",
]


@pytest.mark.parametrize("text", HOMOGLYPH_TEXTS)
def test_homoglyphs_sought_only_in_latin_words(text):
    from pipeline.normalise.words import fix_homoglyphs

    assert fix_homoglyphs(text).text == _every_word_fixed(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["c", "C", "o", "р", "а", "ними", "суд", "EURO", "Казаxстан", "×", "÷",
                                 "3", " ", "\n", ",", "-", "«", "a", "Ø", "ß", "ё", "Iv", "Xc"]), max_size=12))
def test_homoglyphs_sought_only_in_latin_words_of_any_text(pieces):
    from pipeline.normalise.words import fix_homoglyphs

    text = "".join(pieces)
    assert fix_homoglyphs(text).text == _every_word_fixed(text)
