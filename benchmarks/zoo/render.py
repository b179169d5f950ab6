"""A zoo text as the markup each producer reads: HTML, LaTeX, WordprocessingML.

Every renderer draws the same words (:func:`benchmarks.zoo.texts.reference_text`):
title, paragraphs, footnote markers in superscript and the notes themselves,
either where the format puts footnotes (LaTeX, DOCX, WeasyPrint's
``float: footnote``) or as small-type notes after the text.
"""

from __future__ import annotations

import html
import zipfile
import zlib
from pathlib import Path

from benchmarks.zoo.texts import Note, Paragraph, ZooText


# Fonts with Cyrillic that Debian packages (fonts-liberation2, fonts-dejavu, fonts-paratype).
FONTS = ("Liberation Serif", "DejaVu Serif", "PT Serif", "Liberation Sans", "DejaVu Sans", "PT Sans")


def font_for(text: ZooText, salt: str = "") -> str:
    """A font for a text and producer, the same on every build: the zoo is not all one typeface."""
    return FONTS[zlib.crc32(f"{text.name}/{salt}".encode()) % len(FONTS)]


def column_range(text: ZooText) -> range:
    """Indices of the body paragraphs set in two columns (the middle third)."""
    n = len(text.body)
    return range(n // 3, max(n // 3 + 2, 2 * n // 3)) if n >= 3 else range(0)


# ---------------------------------------------------------------------- HTML


def _html_pieces(paragraph: Paragraph, numbers: dict[int, int], float_notes: bool) -> str:
    out = []
    for piece in paragraph.pieces():
        if isinstance(piece, Note):
            if float_notes:
                out.append(f'<span class="fn">{html.escape(piece.text)}</span>')
            else:
                out.append(f"<sup>{numbers[id(piece)]}</sup>")
        else:
            out.append(html.escape(piece))
    return "".join(out)


def to_html(
    text: ZooText,
    font: str = "DejaVu Serif",
    size_pt: float = 11,
    columns: bool = True,
    column_page: bool = False,
    float_notes: bool = False,
    hyphens: bool = True,
) -> str:
    """An HTML page of the text, justified; the middle paragraphs in two columns.

    ``column_page`` puts the two-column part on a page of its own;
    ``float_notes`` uses CSS GCPM footnotes (WeasyPrint) instead of notes after the text.
    """
    numbers = {id(note): i for i, note in enumerate(text.notes(), start=1)}
    two = column_range(text) if columns else range(0)
    style = f"""
    @page {{ size: A4; margin: 2cm; }}
    body {{ font-family: "{font}"; font-size: {size_pt}pt; line-height: 1.3; text-align: justify;
            {'hyphens: auto; -webkit-hyphens: auto;' if hyphens else ''} }}
    h1 {{ font-size: {size_pt * 1.3:.1f}pt; text-align: center; }}
    h2 {{ font-size: {size_pt * 1.1:.1f}pt; text-align: center; }}
    p {{ margin: 0 0 0.4em 0; text-indent: 1.2em; }}
    .cols {{ columns: 2; column-gap: 1.2em; {'break-before: page; break-after: page;' if column_page else ''} }}
    .notes p, .fn {{ font-size: {size_pt * 0.8:.1f}pt; text-indent: 0; }}
    .fn {{ float: footnote; }}
    sup {{ font-size: 70%; vertical-align: super; line-height: 0; }}
    """
    body = [f"<h1>{html.escape(text.title.text)}</h1>"]
    in_columns = False
    for index, paragraph in enumerate(text.body):
        if (index in two) != in_columns:
            body.append('<div class="cols">' if not in_columns else "</div>")
            in_columns = not in_columns
        tag = "h2" if paragraph.heading else "p"
        body.append(f"<{tag}>{_html_pieces(paragraph, numbers, float_notes)}</{tag}>")
    if in_columns:
        body.append("</div>")
    if not float_notes and numbers:
        body.append('<div class="notes"><hr>')
        body += [f"<p><sup>{i}</sup> {html.escape(note.text)}</p>" for i, note in enumerate(text.notes(), 1)]
        body.append("</div>")
    return (f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8"><title>{html.escape(text.name)}'
            f"</title><style>{style}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n")


# --------------------------------------------------------------------- LaTeX

_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "%": r"\%", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}


def latex_escape(text: str) -> str:
    r"""Text safe in LaTeX (TeX ligatures such as ``--`` broken up with an empty group).

    >>> latex_escape("100% -- «Жария» & Co")
    '100\\% -{}- «Жария» \\& Co'
    """
    out = "".join(_LATEX_SPECIAL.get(c, c) for c in text)
    for ligature in ("--", "``", "''", ",,", "<<", ">>"):
        out = out.replace(ligature, ligature[0] + "{}" + ligature[1])
    return out


def _latex_pieces(paragraph: Paragraph) -> str:
    return "".join(
        rf"\footnote{{{latex_escape(p.text)}}}" if isinstance(p, Note) else latex_escape(p) for p in paragraph.pieces()
    )


def to_latex(text: ZooText, preamble: str, columns: bool = True) -> str:
    """A LaTeX article of the text (the preamble picks engine and fonts), middle part in multicols."""
    two = column_range(text) if columns else range(0)
    body = [rf"\begin{{center}}\large\bfseries {latex_escape(text.title.text)}\end{{center}}"]
    in_columns = False
    for index, paragraph in enumerate(text.body):
        if (index in two) != in_columns:
            body.append(r"\begin{multicols}{2}" if not in_columns else r"\end{multicols}")
            in_columns = not in_columns
        if paragraph.heading:
            body.append(rf"\begin{{center}}\bfseries {latex_escape(paragraph.text)}\end{{center}}")
        else:
            body.append(_latex_pieces(paragraph) + "\n")
    if in_columns:
        body.append(r"\end{multicols}")
    return preamble + "\n\\begin{document}\n" + "\n".join(body) + "\n\\end{document}\n"


XELATEX_PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{fontspec}
\setmainfont{PT Serif}
\usepackage{polyglossia}
\setdefaultlanguage{russian}
\newfontfamily\cyrillicfont{PT Serif}
\usepackage{multicol}
\setlength{\parindent}{1.2em}
"""

# pdfLaTeX with the T2A-encoded LH fonts: without cm-super these are Metafont
# bitmaps (Type 3 fonts) and, without the cmap package, carry no Unicode map.
BITMAP_LATEX_PREAMBLE = r"""\documentclass[12pt,a4paper]{article}
\usepackage[T2A]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage[russian]{babel}
\usepackage[margin=2.5cm]{geometry}
\usepackage{multicol}
"""


# ---------------------------------------------------------------------- DOCX

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def _run(text: str, superscript: bool = False) -> str:
    props = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>' if superscript else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def _note_reference(number: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


def write_docx(text: ZooText, path: Path, size_pt: float = 12, font: str = "Liberation Serif") -> None:
    """A DOCX as Word writes one: justified, automatic hyphenation on, Russian, real footnotes."""
    paragraphs, notes = [], []
    number = 0
    for index, paragraph in enumerate(text.paragraphs):
        centred = index == 0 or paragraph.heading
        props = '<w:pPr><w:jc w:val="center"/></w:pPr>' if centred else '<w:pPr><w:pStyle w:val="Body"/></w:pPr>'
        runs = []
        for piece in paragraph.pieces():
            if isinstance(piece, Note):
                number += 1
                runs.append(_note_reference(number))
                notes.append(
                    f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                    f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                    f"{_run(' ' + piece.text)}</w:p></w:footnote>"
                )
            elif piece:
                runs.append(_run(piece))
        paragraphs.append(f"<w:p>{props}{''.join(runs)}</w:p>")
    half_points = round(2 * size_pt)
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            "</Relationships>"
        ),
        "word/settings.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {_W}>'
            '<w:autoHyphenation/><w:consecutiveHyphenLimit w:val="3"/><w:hyphenationZone w:val="357"/>'
            '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            "</w:settings>"
        ),
        "word/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_W}>'
            "<w:docDefaults><w:rPrDefault><w:rPr>"
            f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>'
            f'<w:sz w:val="{half_points}"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            "</w:docDefaults>"
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
            '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/>'
            '<w:pPr><w:jc w:val="both"/><w:ind w:firstLine="567"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
            f'<w:pPr><w:spacing w:after="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="{half_points - 6}"/></w:rPr></w:style>'
            '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
            "</w:styles>"
        ),
        "word/footnotes.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {_W} {_R}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            + "".join(notes) + "</w:footnotes>"
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W} {_R}><w:body>'
            + "".join(paragraphs)
            + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/>'
            "</w:sectPr></w:body></w:document>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
