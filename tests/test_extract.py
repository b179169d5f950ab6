"""The extract stage on real files: PDFs drawn with reportlab, text files in each
encoding, DOCX made with python-docx. Nothing is mocked: every PDF goes through
pdfplumber as a submitted one would."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import docx
import matplotlib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipeline.errors import (
    DocxError,
    EncodingError,
    EncryptedPdfError,
    NoTextError,
    PdfError,
    UnsupportedFileError,
)
from pipeline.extract import SUPPORTED_SUFFIXES, extract
from pipeline.extract.layout import page_number_in, remove_running_lines
from pipeline.records import DOCX, PLAIN, TEXT

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
FONT = "DejaVuSerif"
SIZE = 12

# Real sentences from the sample statements.
SENTENCES = [
    "Несмотря на закрепленное Конституцией страны право граждан на мирные митинги",
    "Были задержаны и осуждены на 15 суток две активистки",
    "Бахыт Туменова оштрафована административным судом на 80900 тенге",
    "Было задержано около ста человек.",
    "Оштрафовано на суммы от 30 000 до 81 000 тенге (от 150 до 410 EURO) 16 человек",
    "Южно-Казахстанский государственный Педагогический институт предложил нам помещение",
]


@pytest.fixture(scope="module", autouse=True)
def fonts():
    font_file = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / f"{FONT}.ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(font_file)))


def words_of(text: str) -> list[str]:
    return text.split()


def draw_line(canvas: Canvas, x: float, y: float, words: list[str], style: str, amount: float = 0.0) -> None:
    """Draw words on one line: ``plain`` with space glyphs, ``glued`` one by one with a
    gap of ``amount`` ems and no space glyph, ``tracked`` with ``amount`` pt char spacing."""
    space = pdfmetrics.stringWidth(" ", FONT, SIZE)
    for word in words if style != "plain" else [" ".join(words)]:
        canvas.saveState()  # char spacing is graphics state: keep it to this word
        text = canvas.beginText(x, y)
        text.setFont(FONT, SIZE)
        char_space = amount if style == "tracked" else 0.0
        text.setCharSpace(char_space)
        text.textOut(word)
        canvas.drawText(text)
        canvas.restoreState()
        width = pdfmetrics.stringWidth(word, FONT, SIZE) + char_space * len(word)
        x += width + (amount * SIZE if style == "glued" else space + char_space)


def make_pdf(path: Path, pages: list[list[tuple[list[str], str, float]]], **canvas_options) -> Path:
    """A PDF whose pages hold lines of (words, style, amount), top to bottom."""
    canvas = Canvas(str(path), invariant=1, **canvas_options)
    for lines in pages:
        y = 780.0
        for words, style, amount in lines:
            draw_line(canvas, 60, y, words, style, amount)
            y -= 18
        canvas.showPage()
    canvas.save()
    return path


# ------------------------------------------------------------------ PDF: words


@pytest.mark.parametrize("sentence", SENTENCES)
def test_plain_pdf_gives_the_words_drawn(tmp_path, sentence):
    pdf = make_pdf(tmp_path / "plain.pdf", [[(sentence.split(), "plain", 0)]])
    document = extract(pdf, "plain")
    assert words_of(document.text) == sentence.split()
    assert document.extraction == TEXT


@pytest.mark.parametrize("gap_em", [0.2, 0.3, 0.5, 1.2])
@pytest.mark.parametrize("sentence", SENTENCES[:3])
def test_glued_words_are_split_by_their_gaps(tmp_path, sentence, gap_em):
    pdf = make_pdf(tmp_path / "glued.pdf", [[(sentence.split(), "glued", gap_em)]])
    assert words_of(extract(pdf, "glued").text) == sentence.split()


@pytest.mark.parametrize("char_space", [1.0, 2.5, 4.0, 6.0])
@pytest.mark.parametrize("sentence", SENTENCES[:3])
def test_letter_spaced_words_are_kept_whole(tmp_path, sentence, char_space):
    pdf = make_pdf(tmp_path / "tracked.pdf", [[(sentence.split(), "tracked", char_space)]])
    assert words_of(extract(pdf, "tracked").text) == sentence.split()


@pytest.mark.parametrize("char_space", [1.5, 3.0, 5.0])
def test_letter_spaced_line_with_space_glyphs(tmp_path, char_space):
    # Word processors' "expanded" spacing: one string, spaces included, char spacing set.
    path = tmp_path / "expanded.pdf"
    canvas = Canvas(str(path), invariant=1)
    text = canvas.beginText(60, 780)
    text.setFont(FONT, SIZE)
    text.setCharSpace(char_space)
    text.textOut(SENTENCES[1])
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    assert words_of(extract(path, "expanded").text) == SENTENCES[1].split()


@pytest.mark.parametrize("char_space", [1.5, 3.0])
@pytest.mark.parametrize(
    "words, tracked",
    [
        ("Митинг начался. Несмотря на запрет, все пришли.".split(), {"Несмотря", "все"}),
        ("Были задержаны и осуждены на 15 суток две активистки".split(), {"на", "две"}),
    ],
)
def test_letter_spaced_word_inside_a_normal_line(tmp_path, words, tracked, char_space):
    path = tmp_path / "emphasis.pdf"
    canvas = Canvas(str(path), invariant=1)
    x = 60.0
    for word in words:
        spacing = char_space if word in tracked else 0.0
        draw_line(canvas, x, 700, [word], "tracked", spacing)
        x += pdfmetrics.stringWidth(word, FONT, SIZE) + spacing * len(word) + 0.3 * SIZE
    canvas.showPage()
    canvas.save()
    assert words_of(extract(path, "emphasis").text) == words


@pytest.mark.parametrize("gap_em", [0.2, 0.35])
def test_single_letter_words_in_a_row_stay_apart(tmp_path, gap_em):
    sentence = "Он был и в суде, и в полиции, и у прокурора".split()
    pdf = make_pdf(tmp_path / "letters.pdf", [[(sentence, "glued", gap_em)]])
    assert words_of(extract(pdf, "letters").text) == sentence


def test_letter_spaced_heading_over_glued_body(tmp_path):
    pages = [[
        (["Заявление"], "tracked", 5.0),
        ("Поданная заявка на проведение митинга".split(), "glued", 0.3),
        ("как и в прошлый раз, получила отказ".split(), "plain", 0),
    ]]
    text = extract(make_pdf(tmp_path / "mixed.pdf", pages), "mixed").text
    assert text.splitlines() == [
        "Заявление",
        "Поданная заявка на проведение митинга",
        "как и в прошлый раз, получила отказ",
    ]


def _numbered_pages(page_number_format: str, n_pages: int = 4) -> list:
    """Pages of two body lines between a running header and a page number."""
    return [
        [
            ("ОФ «Казахстанское международное бюро по правам человека»".split(), "plain", 0),
            (SENTENCES[n - 1].split(), "glued", 0.3),
            (SENTENCES[n].split(), "plain", 0),
            (page_number_format.format(n=n, total=n_pages).split(), "plain", 0),
        ]
        for n in range(1, n_pages + 1)
    ]


@pytest.mark.parametrize("page_number_format", ["- {n} -", "{n}", "Страница {n} из {total}", "стр. {n}", "– {n} –"])
def test_running_header_and_page_numbers_are_removed(tmp_path, page_number_format):
    pdf = make_pdf(tmp_path / "numbered.pdf", _numbered_pages(page_number_format))
    document = extract(pdf, "numbered")
    assert len(document.pages) == 4
    for n, page in enumerate(document.pages, start=1):
        assert page.text.splitlines() == [SENTENCES[n - 1], SENTENCES[n]]
    assert "бюро" not in document.text


def test_body_line_repeated_once_is_kept(tmp_path):
    repeated = "Митинг был разогнан полицией.".split()
    pages = [
        [(repeated, "plain", 0), (SENTENCES[0].split(), "plain", 0)],
        [(repeated, "plain", 0), (SENTENCES[1].split(), "plain", 0)],
        [(SENTENCES[2].split(), "plain", 0)],
        [(SENTENCES[3].split(), "plain", 0)],
        [(SENTENCES[4].split(), "plain", 0)],
    ]
    document = extract(make_pdf(tmp_path / "repeat.pdf", pages), "repeat")
    assert document.text.count("Митинг был разогнан полицией.") == 2


def _image_page(canvas: Canvas) -> None:
    picture = io.BytesIO()
    Image.new("L", (60, 40), 128).save(picture, format="PNG")
    canvas.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 60, 500, width=300, height=200)
    canvas.showPage()


def test_image_only_page_is_flagged_and_others_kept(tmp_path):
    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path), invariant=1)
    draw_line(canvas, 60, 780, SENTENCES[0].split(), "plain")
    canvas.showPage()
    _image_page(canvas)
    draw_line(canvas, 60, 780, SENTENCES[1].split(), "plain")
    canvas.showPage()
    canvas.save()
    document = extract(path, "scan")
    assert [page.text for page in document.pages] == [SENTENCES[0], "", SENTENCES[1]]
    assert document.pages[1].warning == "page 2: no text layer; OCR needed"
    assert document.warnings == ("page 2: no text layer; OCR needed",)
    assert document.pages[0].warning is None


def test_pdf_without_any_text_layer_needs_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path), invariant=1)
    _image_page(canvas)
    _image_page(canvas)
    canvas.save()
    with pytest.raises(NoTextError, match=r"scan\.pdf.*no text layer; OCR needed"):
        extract(path, "scan")


def test_glyphs_without_unicode_map_are_flagged(tmp_path):
    path = make_pdf(tmp_path / "cid.pdf", [[(SENTENCES[0].split(), "plain", 0)]], pageCompression=0)
    # Same length, so the file's cross-reference offsets stay right.
    path.write_bytes(path.read_bytes().replace(b"/ToUnicode", b"/XoUnicode"))
    with pytest.raises(NoTextError, match=r"\(cid:NN\) glyphs without a Unicode map; OCR needed"):
        extract(path, "cid")


# ------------------------------------------------------------------ PDF: errors


def test_encrypted_pdf_says_password_protected(tmp_path):
    encryption = pdfencrypt.StandardEncryption("пароль", "owner")
    path = make_pdf(tmp_path / "secret.pdf", [[(SENTENCES[0].split(), "plain", 0)]], encrypt=encryption)
    with pytest.raises(EncryptedPdfError, match=r"secret\.pdf.*password-protected"):
        extract(path, "secret")


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_a_pdf_error(tmp_path, keep):
    whole = make_pdf(tmp_path / "whole.pdf", [[(s.split(), "plain", 0)] for s in SENTENCES]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: int(len(whole) * keep)])
    try:
        document = extract(path, "cut")
    except PdfError as error:
        assert "cut.pdf" in str(error)
    else:  # pdfminer can rebuild a file cut near its end; then what it reads must be right
        assert set(words_of(document.text)) <= {w for s in SENTENCES for w in s.split()}


def test_garbage_after_pdf_header_is_a_pdf_error(tmp_path):
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(PdfError, match=r"junk\.pdf.*damaged"):
        extract(path, "junk")


def test_text_file_named_pdf_is_not_a_pdf(tmp_path):
    path = tmp_path / "statement.pdf"
    path.write_text(SENTENCES[0], encoding="utf-8")
    with pytest.raises(PdfError, match=r"statement\.pdf: not a PDF"):
        extract(path, "statement")


def test_uppercase_suffix_and_document_fields(tmp_path):
    path = make_pdf(tmp_path / "STATEMENT.PDF", [[(SENTENCES[0].split(), "plain", 0)]])
    document = extract(str(path), "statement")
    assert document.source == str(path)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.doc_id == "statement"


@pytest.mark.parametrize("name", ["statement.doc", "scan.jpg", "notes.odt", "README"])
def test_unsupported_files_are_refused_by_name(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"something")
    with pytest.raises(UnsupportedFileError, match=re.escape(name)):
        extract(path, "x")
    assert ".pdf" in SUPPORTED_SUFFIXES


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file_has_no_text(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(NoTextError, match="empty"):
        extract(path, "empty")


# ------------------------------------------------------------------ plain text

SHORT_TEXTS = [
    "Задержан.",
    "Бахыт Туменова оштрафована на 80900 тенге.",
    "ВСЕГО БЫЛО ЗАДЕРЖАНО 28 ЧЕЛОВЕК",
    "24 марта с.г. исполнялось 100 дней со дня расстрела",
    "Спасибо.",
]
LONG_TEXT = (RAW / "001_35f99063bebc0d6e.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8-r", "cp866"])
@pytest.mark.parametrize("text", SHORT_TEXTS + [LONG_TEXT], ids=[f"short{i}" for i in range(len(SHORT_TEXTS))] + ["long"])
def test_text_files_decode_in_each_encoding(tmp_path, encoding, text):
    path = tmp_path / "statement.txt"
    # The seed's typographic characters (–, «», …) are outside cp866 and koi8-r.
    if encoding in ("cp866", "koi8-r"):
        text = text.replace("–", "-").replace("«", '"').replace("»", '"').replace("…", "...")
    path.write_bytes(text.encode(encoding))
    document = extract(path, "statement")
    assert document.text == text
    assert document.extraction == PLAIN
    assert len(document.pages) == 1


def test_crlf_is_kept_and_bom_dropped(tmp_path):
    text = "Несмотря на запрет,\r\nмитинг состоялся.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert extract(path, "crlf").text == text


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,  # NUL bytes and everything else
        bytes(range(1, 256)) * 8,  # no NUL, but control characters throughout
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",  # a PDF named .txt
    ],
    ids=["with-nul", "controls", "pdf"],
)
def test_binary_data_is_not_text(tmp_path, data):
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(EncodingError, match=r"data\.txt"):
        extract(path, "data")


def test_whitespace_only_text_has_no_text(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \r\n\n\t", encoding="utf-8")
    with pytest.raises(NoTextError, match="whitespace"):
        extract(path, "blank")


# ------------------------------------------------------------------ DOCX


def test_docx_paragraphs_and_table_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph(SENTENCES[0])
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Дата", "Событие"
    table.cell(1, 0).text, table.cell(1, 1).text = "28 января 2012 г.", "митинг «НЕсогласных»"
    document.add_paragraph(SENTENCES[1])
    path = tmp_path / "statement.docx"
    document.save(path)
    raw = extract(path, "statement")
    assert raw.text.splitlines() == [
        SENTENCES[0], "Дата\tСобытие", "28 января 2012 г.\tмитинг «НЕсогласных»", SENTENCES[1],
    ]
    assert raw.extraction == DOCX and len(raw.pages) == 1


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(SENTENCES[0])
    document.save(buffer)
    return buffer.getvalue()


def _rewrite_member(data: bytes, name: str, content: bytes | None) -> bytes:
    """The DOCX with one member replaced (or dropped when content is None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == name:
                if content is not None:
                    target.writestr(item, content)
            else:
                target.writestr(item, source.read(item))
    return out.getvalue()


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda data: data[: len(data) // 2], "not a readable ZIP"),
        (lambda data: "Это не DOCX, а текст.".encode(), "not a readable ZIP"),
        (lambda data: _rewrite_member(data, "word/document.xml", None), "no word/document.xml"),
        (lambda data: _rewrite_member(data, "word/document.xml", b"<w:document><w:body>"), "not well-formed XML"),
    ],
    ids=["truncated", "text", "no-document", "bad-xml"],
)
def test_broken_docx_is_a_docx_error(tmp_path, damage, message):
    path = tmp_path / "broken.docx"
    path.write_bytes(damage(_docx_bytes()))
    with pytest.raises(DocxError, match=rf"broken\.docx.*{message}"):
        extract(path, "broken")


def test_zip_bomb_is_refused_before_reading(tmp_path):
    data = _docx_bytes()
    bomb = _rewrite_member(data, "word/document.xml", b"<" + b"\0" * (40 * 1024 * 1024))
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(DocxError, match=r"bomb\.docx.*zip bomb"):
        extract(path, "bomb")


# ------------------------------------------------------------------ layout


@pytest.mark.parametrize(
    "line, number",
    [("- 3 -", 3), ("3", 3), ("Страница 3 из 12", 3), ("стр. 3", 3), ("– 12 –", 12), ("[7]", 7), ("3/12", 3),
     ("3 человека", None), ("Статья 23", None), ("15 суток", None), ("", None)],
)
def test_page_number_lines(line, number):
    assert page_number_in(line) == number


def _tag(p: int, i: int) -> str:
    """A letters-only tag that makes a line unique (digits are masked when lines are compared)."""
    letters = "абвгдежзийклмноп"
    return letters[p] + letters[i]


def test_lines_differing_in_numbers_that_do_not_count_pages_stay():
    body = ["Задержано 5 человек.", "Задержано 12 человек.", "Задержано 3 человек.", "Задержано 40 человек."]
    pages = [[line, SENTENCES[n]] for n, line in enumerate(body)]
    assert remove_running_lines(pages) == pages


def test_page_counter_inside_a_running_line_is_removed():
    pages = [[f"Заявление ОФ «Бюро», 8 ноября 2012 г., лист {n} из 4", SENTENCES[n]] for n in range(1, 5)]
    assert remove_running_lines(pages) == [[SENTENCES[n]] for n in range(1, 5)]


body_lines = st.lists(st.text(alphabet="абвгдежзийклмнопрстуфхцчшщыэюя ,.", min_size=1, max_size=30), max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(body_lines, min_size=1, max_size=6))
def test_unique_body_lines_are_never_removed(pages):
    # Body text that never repeats is never a running line.
    pages = [[f"{line} {_tag(p, i)}" for i, line in enumerate(lines)] for p, lines in enumerate(pages)]
    assert remove_running_lines(pages) == pages


@settings(max_examples=60, deadline=None)
@given(st.lists(body_lines, min_size=3, max_size=8), st.sampled_from(["- {n} -", "стр. {n}", "Страница {n} из 9"]))
def test_header_and_numbers_come_off_and_body_stays(pages, number_format):
    body = [[f"{line} {_tag(p, i)}" for i, line in enumerate(lines)] for p, lines in enumerate(pages)]
    framed = [["ОФ «Бюро по правам человека»", *lines, number_format.format(n=p + 1)] for p, lines in enumerate(body)]
    assert remove_running_lines(framed) == body
