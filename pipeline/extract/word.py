"""Text of a .docx statement with python-docx: paragraphs and table cells in order.

A DOCX is a ZIP archive, so before python-docx inflates anything the archive's
declared sizes are checked: a small file that unpacks to gigabytes (a zip bomb)
is refused instead of filling memory.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import DocxError

# python-docx (and lxml under it) are imported only when a DOCX is read: a tenth of a
# second that every batch's start would otherwise pay, before any worker can begin.

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # far beyond any statement's text and images
MAX_RATIO = 200  # XML compresses ~10:1; a bomb compresses thousands to one
RATIO_CHECK_FROM = 10 * 1024 * 1024  # small members may compress as they like


def check_archive(path: Path) -> None:
    """Refuse a DOCX that is not a ZIP, lacks its main part or would unpack to too much."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise DocxError(f"{path}: not a valid DOCX (it is not a readable ZIP archive: {error})") from error
    names = {member.filename for member in members}
    if "word/document.xml" not in names:
        raise DocxError(f"{path}: not a valid DOCX (no word/document.xml inside; is it another kind of ZIP?)")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise DocxError(
            f"{path}: refused: declares {total / 2**20:.0f} MB unpacked "
            f"(limit {MAX_UNPACKED_BYTES / 2**20:.0f} MB; possibly a zip bomb)"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_CHECK_FROM and ratio > MAX_RATIO:
            raise DocxError(
                f"{path}: refused: {member.filename} is compressed {ratio:.0f}:1 "
                f"(limit {MAX_RATIO}:1; possibly a zip bomb)"
            )


def _block_lines(block) -> list[str]:
    """Lines of a paragraph, or of a table: one line per row, cells joined by tabs."""
    from docx.text.paragraph import Paragraph

    if isinstance(block, Paragraph):
        return [block.text]
    lines = []
    for row in block.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                continue
            seen.add(id(cell._tc))
            inner = [line for item in cell.iter_inner_content() for line in _block_lines(item)]
            cells.append(" ".join(line.strip() for line in inner if line.strip()))
        lines.append("\t".join(cells).rstrip())
    return lines


def extract_docx_text(path: Path) -> str:
    """The body text of a DOCX: paragraphs and table rows, one per line.

    Page headers and footers of the document are left out, as running lines of
    PDFs are.
    """
    check_archive(path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
        lines = [line for block in document.iter_inner_content() for line in _block_lines(block)]
    except XMLSyntaxError as error:
        raise DocxError(f"{path}: the DOCX is damaged: its text is not well-formed XML ({error})") from error
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise DocxError(f"{path}: the DOCX is damaged and cannot be read ({error})") from error
    return "\n".join(lines)

