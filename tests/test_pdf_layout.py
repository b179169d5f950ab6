"""PDF layout the way other producers set it: their own spaces, scaled fonts, tight small
type, footnote markers, two columns, soft hyphens. Every PDF is drawn here with
reportlab's canvas, glyph by glyph where a producer would, and read by the real
extractor (and normaliser where the case is about clean text)."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract import extract
from pipeline.normalise import normalise

FONT = "DejaVuSerif"
NBSP = "\u00a0"

SENTENCES = [
    "Информационно-аналитический центр ведет мониторинг неправомерного применения законодательства",
    "Сотрудники полиции задержали у здания суда двух журналистов и доставили их в отделение",
    "Представители сообщества подали жалобу в прокуратуру, однако ответа так и не получили",
    "Суд оштрафовал каждого участника пикета на двадцать тысяч рублей по статье КоАП",
]


@pytest.fixture(scope="module", autouse=True)
def fonts():
    if FONT not in pdfmetrics.getRegisteredFontNames():
        font_file = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{FONT}.ttf"
        pdfmetrics.registerFont(TTFont(FONT, str(font_file)))


def text_of(path: Path) -> str:
    return extract(path, path.stem).text


def draw(canvas: Canvas, x: float, y: float, text: str, size: float, char_space: float = 0.0,
         rise: float = 0.0) -> float:
    """Draw one string as one text object; the x where it ends."""
    obj = canvas.beginText(x, y)
    obj.setFont(FONT, size)
    obj.setCharSpace(char_space)
    obj.setRise(rise)
    obj.textOut(text)
    canvas.drawText(obj)
    return x + pdfmetrics.stringWidth(text, FONT, size) + char_space * len(text)


# ------------------------------------------------------------- the stream's spaces


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(
    "size, scale",
    [(15, 0.5), (1, 11), (10, 1)],
    ids=["15pt-scaled-half", "1pt-scaled-11", "plain-10pt"],
)
def test_words_separated_by_nbsp_glyphs_keep_their_gaps(tmp_path, sentence, size, scale):
    # A word processor's export: NBSP glyphs between words, the type scaled by the
    # text matrix (the font size alone says nothing about the size drawn).
    path = tmp_path / "nbsp.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.saveState()
    canvas.transform(scale, 0, 0, scale, 40, 700)
    draw(canvas, 0, 0, NBSP.join(sentence.split()), size)
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    assert text_of(path).split() == sentence.split()


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("char_space", [-0.3, -0.5])
def test_small_type_set_tight_keeps_its_words(tmp_path, sentence, char_space):
    # 8 pt with negative letter spacing: glyph boxes overlap, word gaps are tiny.
    path = tmp_path / "tight.pdf"
    canvas = Canvas(str(path), invariant=1)
    draw(canvas, 40, 700, sentence, 8, char_space)
    canvas.showPage()
    canvas.save()
    assert text_of(path).split() == sentence.split()


# ------------------------------------------------------------ footnote markers

MARKED = [
    # (before the marker, marker, after it, clean line)
    ("Представители сообщества", "1", " подали жалобу в прокуратуру.", "Представители сообщества подали жалобу в прокуратуру."),
    ("Об этом пишет центр", "12", ", ведущий мониторинг.", "Об этом пишет центр, ведущий мониторинг."),
    ("Задержанных доставили в отделение.", "3", " Адвоката к ним не пустили.", "Задержанных доставили в отделение. Адвоката к ним не пустили."),
    ("Суд рассмотрел дело другу", "*", " и народу на площади.", "Суд рассмотрел дело другу и народу на площади."),
]


def _marked_line(canvas: Canvas, y: float, before: str, marker: str, after: str, size: float = 11) -> None:
    x = draw(canvas, 50, y, before, size)
    x = draw(canvas, x, y, marker, size * 0.6, rise=size * 0.35)
    draw(canvas, x, y, after, size)


@pytest.mark.parametrize("before, marker, after, clean", MARKED)
def test_superscript_markers_are_dropped_and_letters_kept(tmp_path, before, marker, after, clean):
    path = tmp_path / "marker.pdf"
    canvas = Canvas(str(path), invariant=1)
    draw(canvas, 50, 720, SENTENCES[0], 11)
    _marked_line(canvas, 706, before, marker, after)
    draw(canvas, 50, 692, SENTENCES[1], 11)
    canvas.showPage()
    canvas.save()
    assert text_of(path).splitlines() == [SENTENCES[0], clean, SENTENCES[1]]


def test_a_footnote_keeps_its_text_without_its_marker(tmp_path):
    path = tmp_path / "footnote.pdf"
    canvas = Canvas(str(path), invariant=1)
    _marked_line(canvas, 700, "Информационно-аналитический центр", "2", " ведет мониторинг.")
    x = draw(canvas, 50, 100, "2", 5, rise=3)
    draw(canvas, x + 1, 100, "Статья 20.2 КоАП предусматривает штраф до 30 тысяч рублей.", 8)
    canvas.showPage()
    canvas.save()
    assert text_of(path).splitlines() == [
        "Информационно-аналитический центр ведет мониторинг.",
        "Статья 20.2 КоАП предусматривает штраф до 30 тысяч рублей.",
    ]


def test_a_raised_word_that_is_no_marker_stays_a_word(tmp_path):
    path = tmp_path / "raised.pdf"
    canvas = Canvas(str(path), invariant=1)
    _marked_line(canvas, 700, "по статье 5", "бис", " закона о собраниях")
    canvas.showPage()
    canvas.save()
    assert text_of(path) == "по статье 5 бис закона о собраниях"


# --------------------------------------------------------------------- columns

LEFT = [f"Левая колонка, строка {n}: задержаны участники пикета" for n in range(1, 11)]
RIGHT = [f"Правая колонка, строка {n}: суд назначил штрафы" for n in range(1, 11)]


@pytest.mark.parametrize("offset", [0.0, 6.0], ids=["aligned", "offset-baselines"])
@pytest.mark.parametrize("gutter", [12.0, 24.0])
def test_two_columns_are_read_one_after_the_other(tmp_path, offset, gutter):
    path = tmp_path / "columns.pdf"
    canvas = Canvas(str(path), invariant=1)
    size, leading = 9, 12
    column = max(pdfmetrics.stringWidth(line, FONT, size) for line in LEFT + RIGHT)
    draw(canvas, 50, 760, "Заголовок на всю ширину страницы: обзор задержаний за март", 12)
    for n, (left, right) in enumerate(zip(LEFT, RIGHT)):
        y = 730 - n * leading
        draw(canvas, 50, y, left, size)
        draw(canvas, 50 + column + gutter, y - offset, right, size)
    draw(canvas, 50, 580, "Абзац под колонками снова набран на всю ширину страницы без колонок.", 11)
    canvas.showPage()
    canvas.save()
    assert text_of(path).splitlines() == [
        "Заголовок на всю ширину страницы: обзор задержаний за март", *LEFT, *RIGHT,
        "Абзац под колонками снова набран на всю ширину страницы без колонок.",
    ]


def _justified(canvas: Canvas, y: float, words: list[str], width: float, size: float) -> None:
    """Words spread to fill ``width``: the gaps a justified line gets."""
    natural = sum(pdfmetrics.stringWidth(w, FONT, size) for w in words)
    gap = (width - natural) / (len(words) - 1)
    x = 50.0
    for word in words:
        x = draw(canvas, x, y, word, size) + gap


def test_justified_text_with_wide_gaps_is_not_split_into_columns(tmp_path):
    # Loose justified lines in a narrow measure: their word gaps line up by chance.
    lines = [["Суд", "оштрафовал", "каждого", "участника"], ["пикета", "по", "статье", "КоАП"],
             ["Адвокат", "подал", "жалобу", "немедленно"], ["однако", "суд", "оставил", "решение"],
             ["без", "изменения", "через", "неделю"], ["после", "чего", "жалоба", "ушла"]]
    path = tmp_path / "justified.pdf"
    canvas = Canvas(str(path), invariant=1)
    for n, words in enumerate(lines):
        _justified(canvas, 700 - 14 * n, words, 300, 11)
    canvas.showPage()
    canvas.save()
    assert text_of(path).splitlines() == [" ".join(words) for words in lines]


def test_a_table_of_dates_and_events_is_read_row_by_row(tmp_path):
    rows = [("12 марта", "задержаны трое участников пикета у здания акимата"),
            ("13 марта", "суд назначил каждому штраф в размере 50 МРП"),
            ("15 марта", "активистов вызвали в прокуратуру для беседы"),
            ("20 марта", "сотрудники полиции провели обыск у организатора"),
            ("22 марта", "апелляционный суд оставил решения в силе")]
    path = tmp_path / "table.pdf"
    canvas = Canvas(str(path), invariant=1)
    for n, (date, event) in enumerate(rows):
        draw(canvas, 50, 700 - 14 * n, date, 10)
        draw(canvas, 160, 700 - 14 * n, event, 10)
    canvas.showPage()
    canvas.save()
    assert text_of(path).splitlines() == [f"{date} {event}" for date, event in rows]


# ---------------------------------------------------------------- soft hyphens

SOFT = [
    ("Жители Санкт\u00adПетербурга вышли на улицы", "Жители Санкт-Петербурга вышли на улицы"),
    ("данные ОВД\u00adИнфо за 2011\u00ad2014 годы", "данные ОВД-Инфо за 2011—2014 годы"),
    ("акции прошли 10\u00ad12 июня в центре", "акции прошли 10—12 июня в центре"),
    ("давление со стороны компании\u00adзастройщика", "давление со стороны компании-застройщика"),
]


@pytest.mark.parametrize("drawn, clean", SOFT)
def test_soft_hyphens_printed_mid_line_are_hyphens_and_dashes(tmp_path, drawn, clean):
    path = tmp_path / "soft.pdf"
    canvas = Canvas(str(path), invariant=1)
    draw(canvas, 50, 700, drawn, 11)
    canvas.showPage()
    canvas.save()
    assert normalise(text_of(path)).text == clean
