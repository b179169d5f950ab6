"""Make the sample PDFs in data/raw/ from the sample statements' text.

Two PDFs that look like statements people submit, each with the troubles real
ones bring to extraction:

- ``001_35f99063bebc0d6e_print.pdf``: A4, justified paragraphs, Russian words
  hyphenated at line ends (pyphen's ru_RU dictionary), a running header with the
  organisation's name and page numbers in the footer.
- ``000_6fb061e0297f36b6_spaced.pdf``: every word drawn at its own position with
  no space characters between words (as many PDF producers do), some paragraphs
  letter-spaced with character spacing, a running header and ``стр. N из M``.

Output is deterministic (reportlab's invariant mode), so rerunning changes no
bytes. Run: ``python scripts/make_sample_pdfs.py`` (or ``make sample-pdfs``).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

rl_config.invariant = 1  # fixed dates and document IDs: same input, same bytes

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
SERIF, SERIF_BOLD, SANS = "DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSans"
PAGE_WIDTH, PAGE_HEIGHT = A4
SENTENCE_END = ".!?…»:;"


def register_fonts() -> None:
    """DejaVu from matplotlib's own files: they carry Cyrillic and ship with a dependency."""
    for name in (SERIF, SERIF_BOLD, SANS):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))


def reflow(text: str) -> list[tuple[str, str]]:
    """The seed's hard-broken lines joined into paragraphs, each as (kind, text).

    kind is ``heading`` for centred lines, ``link`` for URLs, ``body`` otherwise.
    A paragraph starts at an indented line or after a blank line; in a file with
    a blank line after every line, it ends at a short line that ends a sentence.
    """
    lines = text.splitlines()
    filled = [line for line in lines if line.strip()]
    double_spaced = len(filled) > 5 and len(lines) - len(filled) >= 0.8 * len(filled)
    longest = max(len(line.strip()) for line in filled)
    paragraphs: list[tuple[str, str]] = []
    current: list[str] = []
    kind = "body"

    def flush() -> None:
        nonlocal current, kind
        if current:
            paragraphs.append((kind, re.sub(r"\s+", " ", " ".join(current)).strip()))
        current, kind = [], "body"

    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if not stripped:
            if not double_spaced:
                flush()
            continue
        if stripped.startswith("http"):
            flush()
            kind = "link"
        elif indent >= 15:
            flush()
            kind = "heading"
        elif indent >= 3:
            flush()
        current.append(stripped)
        short_end = stripped.endswith(tuple(SENTENCE_END)) and len(stripped) < 0.75 * longest
        if kind == "heading" or (double_spaced and short_end):
            flush()
    flush()
    return paragraphs


# ---------------------------------------------------------------- printed statement


def make_print_pdf(seed: Path, out: Path, organisation: str) -> None:
    """Justified, hyphenated paragraphs with a running header and page numbers."""
    body = ParagraphStyle(
        "body", fontName=SERIF, fontSize=12, leading=15, alignment=TA_JUSTIFY,
        firstLineIndent=1.25 * cm, spaceAfter=3, hyphenationLang="ru_RU",
        embeddedHyphenation=1, uriWasteReduce=0.3,
    )
    heading = ParagraphStyle("heading", parent=body, fontName=SERIF_BOLD, alignment=TA_CENTER, firstLineIndent=0)
    link = ParagraphStyle("link", parent=body, fontSize=9, leading=11, alignment=TA_LEFT, firstLineIndent=0)
    styles = {"body": body, "heading": heading, "link": link}

    def decorate(canvas: Canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 9)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 1.3 * cm, organisation)
        canvas.setLineWidth(0.5)
        canvas.line(doc.leftMargin, PAGE_HEIGHT - 1.45 * cm, PAGE_WIDTH - doc.rightMargin, PAGE_HEIGHT - 1.45 * cm)
        canvas.drawCentredString(PAGE_WIDTH / 2, 1.2 * cm, f"– {doc.page} –")
        canvas.restoreState()

    story = []
    for kind, text in reflow(seed.read_text(encoding="utf-8")):
        story.append(Paragraph(escape(text), styles[kind]))
        if kind == "heading":
            story.append(Spacer(1, 4))
    doc = SimpleDocTemplate(
        str(out), pagesize=A4, leftMargin=3 * cm, rightMargin=1.5 * cm, topMargin=2.2 * cm,
        bottomMargin=2.2 * cm, title="Ситуация со свободой мирных собраний", author=organisation, invariant=1,
    )
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


# ------------------------------------------------- glued and letter-spaced statement


def _width(word: str, font: str, size: float, char_space: float) -> float:
    return pdfmetrics.stringWidth(word, font, size) + char_space * len(word)


def layout_lines(words: list[str], width: float, font: str, size: float, char_space: float) -> list[list[str]]:
    """Greedy line breaking: as many words on a line as fit the measure."""
    space = pdfmetrics.stringWidth(" ", font, size) + char_space
    lines: list[list[str]] = [[]]
    used = 0.0
    for word in words:
        needed = _width(word, font, size, char_space) + (space if lines[-1] else 0)
        if lines[-1] and used + needed > width:
            lines.append([])
            used, needed = 0.0, _width(word, font, size, char_space)
        lines[-1].append(word)
        used += needed
    return lines


def make_spaced_pdf(seed: Path, out: Path, organisation: str) -> None:
    """Words placed one by one without space glyphs; every fourth paragraph letter-spaced."""
    font, size, leading = SANS, 11, 15
    left, right, top, bottom = 2.5 * cm, 2 * cm, 2.5 * cm, 2.5 * cm
    measure = PAGE_WIDTH - left - right
    placed: list[list[tuple[float, float, str, float]]] = [[]]  # per page: x, y, word, char space
    y = PAGE_HEIGHT - top
    for index, (kind, text) in enumerate(reflow(seed.read_text(encoding="utf-8"))):
        char_space = 2.5 if index % 4 == 0 else 0.0
        lines = layout_lines(text.split(), measure, font, size, char_space)
        for number, line in enumerate(lines):
            if y < bottom:
                placed.append([])
                y = PAGE_HEIGHT - top
            widths = [_width(word, font, size, char_space) for word in line]
            natural_gap = pdfmetrics.stringWidth(" ", font, size) + char_space
            last = number == len(lines) - 1
            gap = natural_gap if last or len(line) == 1 else (measure - sum(widths)) / (len(line) - 1)
            x = left
            for word, word_width in zip(line, widths):
                placed[-1].append((x, y, word, char_space))
                x += word_width + gap
            y -= leading
        y -= 4
    canvas = Canvas(str(out), pagesize=A4, invariant=1)
    canvas.setTitle("Свобода объединений")
    canvas.setAuthor(organisation)
    for page_number, words in enumerate(placed, start=1):
        canvas.setFont(SANS, 8)
        canvas.drawString(left, PAGE_HEIGHT - 1.4 * cm, organisation)
        canvas.drawRightString(PAGE_WIDTH - right, 1.3 * cm, f"стр. {page_number} из {len(placed)}")
        for x, y, word, char_space in words:
            canvas.saveState()  # Tc is graphics state: keep it from leaking into the next word
            text = canvas.beginText(x, y)
            text.setFont(font, size)
            text.setCharSpace(char_space)
            text.textOut(word)
            canvas.drawText(text)
            canvas.restoreState()
        canvas.showPage()
    canvas.save()


def main() -> None:
    register_fonts()
    make_print_pdf(
        RAW / "001_35f99063bebc0d6e.txt", RAW / "001_35f99063bebc0d6e_print.pdf",
        "Объединение юридических лиц «Союз правозащитных организаций»",
    )
    make_spaced_pdf(
        RAW / "000_6fb061e0297f36b6.txt", RAW / "000_6fb061e0297f36b6_spaced.pdf",
        "Шымкентский филиал Молодежной Информационной Службы Казахстана",
    )
    for out in sorted(RAW.glob("*.pdf")):
        print(f"{out.relative_to(RAW.parent.parent)}: {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
