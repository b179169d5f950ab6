"""The producers of the PDF zoo: every way Debian and PyPI give us to make a PDF.

Each :class:`Producer` turns a zoo text into a PDF the way real statements reach
us: typed in a word processor (LibreOffice from DOCX, hyphenated, footnotes),
printed from a browser (Chromium, wkhtmltopdf, two columns, small type), made by
a library (reportlab, fpdf2, WeasyPrint, MuPDF's HTML), typeset (XeLaTeX with
Russian hyphenation), re-saved by another tool (qpdf, cairo, Ghostscript,
mutool), printed to PostScript and back, typeset in Metafont bitmap fonts, or
scanned at 300 dpi. ``kind`` says what extraction has to work from: ``text``
(a text layer that decodes) or ``image`` (none that does: OCR's job).

A producer whose tool is missing is skipped with the reason (``missing``).
``ci`` marks the producers whose tools ``.ci/run`` installs.
"""

from __future__ import annotations

import importlib.util
import io
import os
import random
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks.zoo.render import (
    BITMAP_LATEX_PREAMBLE,
    XELATEX_PREAMBLE,
    font_for,
    to_html,
    to_latex,
    write_docx,
)
from benchmarks.zoo.texts import Note, ZooText

TIMEOUT = 180  # seconds for one tool run; LibreOffice's first start is the slowest
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)


class ProducerFailed(RuntimeError):
    """A producer's tool ran but made no PDF."""


@dataclass(frozen=True, slots=True)
class Producer:
    name: str
    label: str  # what it is, for the README's table
    kind: str  # text | image
    make: Callable[[ZooText, Path, Path], None]  # (text, pdf to write, scratch folder)
    tools: tuple[str, ...] = ()  # executables on PATH
    modules: tuple[str, ...] = ()  # Python modules
    ci: bool = True

    def missing(self) -> str | None:
        """Why this producer cannot run here, or None."""
        for tool in self.tools:
            if shutil.which(tool) is None:
                return f"{tool} is not installed"
        for module in self.modules:
            if importlib.util.find_spec(module) is None:
                return f"Python module {module} is not installed"
        try:
            _font("DejaVuSerif.ttf")
        except FileNotFoundError as error:
            return str(error)
        return None


def _run(command: list[str], cwd: Path, **env: str) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
                            env=os.environ | env if env else None)
    if result.returncode != 0:
        raise ProducerFailed(f"{command[0]} failed ({result.returncode}): {(result.stderr or result.stdout)[-800:]}")


def _font(name: str) -> Path:
    """A DejaVu font file: Debian's, else the copy matplotlib ships."""
    import matplotlib

    for folder in (*FONT_DIRS, Path(matplotlib.get_data_path()) / "fonts" / "ttf"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"font {name} not found")


def _expect(path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise ProducerFailed(f"no PDF at {path}")


# ------------------------------------------------------------------ libraries


def make_reportlab(text: ZooText, out: Path, work: Path, columns: bool = False) -> None:
    """reportlab platypus: justified, hyphenated (pyphen), superscript markers, notes after the text.

    With ``columns`` every page is two frames (a newsletter layout) in 9 pt type.
    """
    from reportlab import rl_config
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

    rl_config.invariant = 1
    for name in ("DejaVuSerif", "DejaVuSerif-Bold"):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(_font(f"{name}.ttf"))))
    size = 9 if columns else 11
    body = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=size, leading=size * 1.25,
                          alignment=TA_JUSTIFY, firstLineIndent=12, spaceAfter=3,
                          hyphenationLang="ru_RU", embeddedHyphenation=1)
    heading = ParagraphStyle("heading", parent=body, fontName="DejaVuSerif-Bold", alignment=TA_CENTER,
                             firstLineIndent=0)
    note_style = ParagraphStyle("note", parent=body, fontSize=size - 2, leading=(size - 2) * 1.2, firstLineIndent=0)
    numbers = {id(note): i for i, note in enumerate(text.notes(), start=1)}
    story = []
    for index, paragraph in enumerate(text.paragraphs):
        markup = "".join(f"<super>{numbers[id(p)]}</super>" if isinstance(p, Note) else escape(p)
                         for p in paragraph.pieces())
        story.append(Paragraph(markup, heading if index == 0 or paragraph.heading else body))
    if numbers:
        story.append(Spacer(1, 8))
        story += [Paragraph(f"<super>{i}</super> {escape(note.text)}", note_style)
                  for i, note in enumerate(text.notes(), start=1)]
    width, height = A4
    margin = 2 * cm
    if columns:
        gap = 0.8 * cm
        column = (width - 2 * margin - gap) / 2
        frames = [Frame(margin, margin, column, height - 2 * margin, id="left"),
                  Frame(margin + column + gap, margin, column, height - 2 * margin, id="right")]
    else:
        frames = [Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="body")]
    document = BaseDocTemplate(str(out), pagesize=A4, invariant=1, title=text.name)
    document.addPageTemplates([PageTemplate(id="page", frames=frames)])
    document.build(story)


def make_fpdf2(text: ZooText, out: Path, work: Path) -> None:
    """fpdf2's HTML: justified paragraphs, <sup> markers, notes after the text."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(22, 20, 18)
    pdf.add_font("DejaVu", "", str(_font("DejaVuSerif.ttf")))
    pdf.add_font("DejaVu", "B", str(_font("DejaVuSerif-Bold.ttf")))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    html_text = to_html(text, columns=False, hyphens=False)
    body = html_text.split("<body>", 1)[1].split("</body>", 1)[0]
    body = body.replace("<p>", '<p align="justify">').replace('<div class="notes"><hr>', "<hr>").replace("</div>", "")
    pdf.write_html(body)
    pdf.output(str(out))


def make_weasyprint(text: ZooText, out: Path, work: Path) -> None:
    """WeasyPrint: CSS footnotes at the page foot, pyphen hyphenation, a two-column section."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html_text = to_html(text, font=font_for(text, "weasyprint"), size_pt=10.5, float_notes=True)
    weasyprint.HTML(string=html_text).write_pdf(str(out))


# -------------------------------------------------------------------- programs


def make_libreoffice(text: ZooText, out: Path, work: Path) -> None:
    """LibreOffice Writer from a DOCX: justified, hyphenated (hyphen-ru), real footnotes."""
    docx = work / f"{out.stem}.docx"
    write_docx(text, docx, font=font_for(text, "libreoffice"))
    profile = work / "lo-profile"
    _run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
          "--outdir", str(work), str(docx)], work)
    made = work / f"{out.stem}.pdf"
    _expect(made)
    shutil.move(made, out)


def make_chromium(text: ZooText, out: Path, work: Path) -> None:
    """Chromium's print to PDF: justified, one page in two CSS columns, <sup> markers."""
    page = work / f"{out.stem}.html"
    page.write_text(to_html(text, font=font_for(text, "chromium"), column_page=True), encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    _run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
          f"--user-data-dir={work / 'chromium-profile'}", f"--print-to-pdf={out}", page.as_uri()], work)
    _expect(out)


def make_wkhtmltopdf(text: ZooText, out: Path, work: Path) -> None:
    """wkhtmltopdf (Qt WebKit) in 8 pt type: small print set tight."""
    page = work / f"{out.stem}.html"
    page.write_text(to_html(text, font=font_for(text, "wkhtmltopdf"), size_pt=8, columns=False), encoding="utf-8")
    _run(["wkhtmltopdf", "--quiet", "--encoding", "utf-8", str(page), str(out)], work,
         QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(work))
    _expect(out)


def make_mupdf(text: ZooText, out: Path, work: Path) -> None:
    """MuPDF's own HTML layout (``mutool convert``)."""
    page = work / f"{out.stem}.xhtml"
    page.write_text(to_html(text, columns=False), encoding="utf-8")
    _run(["mutool", "convert", "-F", "pdf", "-o", str(out), str(page)], work)
    _expect(out)


def _latex(engine: str, preamble: str, text: ZooText, out: Path, work: Path) -> None:
    source = work / f"{out.stem}.tex"
    source.write_text(to_latex(text, preamble), encoding="utf-8")
    _run([engine, "-interaction=nonstopmode", "-halt-on-error", source.name], work)
    _expect(work / f"{out.stem}.pdf")
    shutil.move(work / f"{out.stem}.pdf", out)


def make_xelatex(text: ZooText, out: Path, work: Path) -> None:
    """XeLaTeX, PT Serif, polyglossia's Russian hyphenation, footnotes, a multicols part."""
    _latex("xelatex", XELATEX_PREAMBLE, text, out, work)


def make_bitmap_latex(text: ZooText, out: Path, work: Path) -> None:
    """pdfLaTeX with Metafont LH bitmap fonts (Type 3) and no Unicode map: letters decode to junk."""
    _latex("pdflatex", BITMAP_LATEX_PREAMBLE, text, out, work)


# ---------------------------------------------------------------- re-saves


def _resave(base: Callable[[ZooText, Path, Path], None], command: Callable[[Path, Path], list[str]]):
    def make(text: ZooText, out: Path, work: Path) -> None:
        original = work / f"{out.stem}.original.pdf"
        base(text, original, work)
        _run(command(original, out), work)
        _expect(out)

    make.__doc__ = f"{base.__name__} re-saved"
    return make


def _ghostscript(original: Path, out: Path) -> list[str]:
    return ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", f"-sOutputFile={out}", str(original)]


def _two_column_base(text: ZooText, out: Path, work: Path) -> None:
    """The two-column reportlab layout (every CI machine can make it)."""
    make_reportlab(text, out, work, columns=True)


def make_scan(text: ZooText, out: Path, work: Path) -> None:
    """A 300-dpi grey scan of a printed page: a slight skew, speckle, no text layer."""
    import pypdfium2
    from PIL import Image, ImageFilter

    original = work / f"{out.stem}.original.pdf"
    make_reportlab(text, original, work)
    rng = random.Random(text.name)
    pages = []
    pdf = pypdfium2.PdfDocument(str(original))
    try:
        for page in pdf:
            image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor=255, expand=False)
            image = image.filter(ImageFilter.GaussianBlur(0.6))
            noise = Image.effect_noise(image.size, 18)
            image = Image.blend(image, noise, 0.08)
            pages.append(image)
    finally:
        pdf.close()
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=300.0, quality=80)
    out.write_bytes(buffer.getvalue())


PRODUCERS: tuple[Producer, ...] = (
    Producer("reportlab", "reportlab (platypus), justified, pyphen hyphenation, superscript markers",
             "text", make_reportlab, modules=("reportlab",)),
    Producer("reportlab-columns", "reportlab, two frames a page, 9 pt", "text", _two_column_base,
             modules=("reportlab",)),
    Producer("fpdf2", "fpdf2 HTML, justified, <sup> markers", "text", make_fpdf2, modules=("fpdf",)),
    Producer("weasyprint", "WeasyPrint, CSS footnotes, hyphenation, a two-column section", "text",
             make_weasyprint, modules=("weasyprint",)),
    Producer("libreoffice", "LibreOffice Writer from DOCX, hyphenated, footnotes", "text", make_libreoffice,
             tools=("soffice",)),
    Producer("chromium", "Chromium print-to-PDF, one page in two columns", "text", make_chromium,
             tools=("chromium",)),
    Producer("wkhtmltopdf", "wkhtmltopdf (Qt WebKit), 8 pt", "text", make_wkhtmltopdf, tools=("wkhtmltopdf",)),
    Producer("mupdf", "MuPDF HTML layout (mutool convert)", "text", make_mupdf, tools=("mutool",)),
    Producer("xelatex", "XeLaTeX, polyglossia Russian hyphenation, footnotes, multicols", "text", make_xelatex,
             tools=("xelatex",), ci=False),
    Producer("qpdf", "LibreOffice PDF re-saved by qpdf (object streams)", "text",
             _resave(make_libreoffice, lambda a, b: ["qpdf", "--object-streams=generate", str(a), str(b)]),
             tools=("soffice", "qpdf")),
    Producer("cairo", "Chromium PDF re-saved by cairo (pdftocairo)", "text",
             _resave(make_chromium, lambda a, b: ["pdftocairo", "-pdf", str(a), str(b)]),
             tools=("chromium", "pdftocairo")),
    Producer("ghostscript", "WeasyPrint PDF (two-column section) re-saved by Ghostscript (pdfwrite)", "text",
             _resave(make_weasyprint, _ghostscript), tools=("gs",), modules=("weasyprint",)),
    Producer("mutool-clean", "WeasyPrint PDF re-saved by mutool clean", "text",
             _resave(make_weasyprint, lambda a, b: ["mutool", "clean", "-gg", str(a), str(b)]),
             tools=("mutool",), modules=("weasyprint",)),
    # Ghostscript 10's pdfwrite keeps the text of some producers and scrambles the
    # Unicode map of others (Chromium, reportlab, XeLaTeX, MuPDF, wkhtmltopdf).
    Producer("ghostscript-chromium", "Chromium PDF re-saved by Ghostscript: its fonts' Unicode map scrambled",
             "image", _resave(make_chromium, _ghostscript), tools=("chromium", "gs")),
    Producer("postscript", "printed to PostScript (pdftops) and back (ps2pdf): fonts without a Unicode map",
             "image", _resave(lambda t, o, w: make_reportlab(t, o, w),
                              lambda a, b: ["sh", "-c", f"pdftops '{a}' - | ps2pdf - '{b}'"]),
             tools=("pdftops", "ps2pdf"), modules=("reportlab",)),
    Producer("latex-bitmap", "pdfLaTeX in Metafont bitmap fonts (Type 3), no Unicode map", "image",
             make_bitmap_latex, tools=("pdflatex", "mktexpk"), ci=False),
    Producer("scan", "300-dpi grey scan (skewed, speckled), no text layer", "image", make_scan,
             modules=("reportlab", "pypdfium2")),
)


def producer(name: str) -> Producer:
    return next(p for p in PRODUCERS if p.name == name)


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="pdf-zoo-")


__all__ = ["PRODUCERS", "Producer", "ProducerFailed", "producer", "scratch"]
