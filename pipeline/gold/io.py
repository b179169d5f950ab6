"""Reading and writing annotation files exactly: offsets count every character.

brat and Label Studio count ``\\r\\n`` as two characters, so texts are read and
written with no newline translation. Files of one import or export are written
together, whole or not at all (:func:`pipeline.files.write_together`), and never
over an annotator's file unless asked (:func:`write_files`).

JSON is read strictly: ``NaN``, ``Infinity`` and numbers too large for a float
(``1e400``) are not JSON and would come back as values no table can hold, and
nesting deeper than the parser's recursion limit is refused by name.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import GoldError
from ..files import bytes_writer, text_writer, write_together

BOM = "\ufeff"


def read_text_exactly(path: Path, *, strip_bom: bool = False) -> str:
    """A UTF-8 text as stored: newline="" keeps \\r\\n as two characters.

    ``strip_bom`` drops a byte-order mark some editors put at the start of a file
    that is not itself text to annotate (a brat ``.ann``).
    """
    try:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read ({error})") from None
    return text.removeprefix(BOM) if strip_bom else text


def write_text_exactly(path: Path, text: str) -> None:
    """Write text with no newline translation, atomically."""
    write_together([(Path(path), text_writer(text))])


class _NotJson(ValueError):
    """A token Python's json module accepts but JSON does not (NaN, Infinity, 1e400)."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token


def _refuse_constant(token: str):
    raise _NotJson(token)


def _finite_float(token: str) -> float:
    value = float(token)
    if math.isinf(value):
        raise _NotJson(token)
    return value


def _line_of(text: str, token: str) -> int:
    """The line of the first place ``token`` stands as a value (not inside a string)."""
    found = re.search(r"[:\[,]\s*(" + re.escape(token) + r")(?![\w.])", text)
    return text.count("\n", 0, found.start(1)) + 1 if found else 1


def loads_strictly(text: str, where: str):
    """Parse JSON text as the standard has it; a GoldError names ``where`` and the line."""
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as error:
        raise GoldError(f"{where} line {error.lineno}: not valid JSON ({error.msg})") from None
    except _NotJson as error:
        kind = "is not a JSON number" if error.token in ("NaN", "Infinity", "-Infinity") else \
            "is too large for a number"
        raise GoldError(f"{where} line {_line_of(text, error.token)}: {error.token} {kind}") from None
    except RecursionError:
        raise GoldError(f"{where}: nested too deeply (more levels of brackets than any "
                        "annotation file holds)") from None


def read_json(path: Path):
    """A UTF-8 JSON file (a BOM allowed); a GoldError names the file and the line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read it as UTF-8 JSON ({error})") from None
    return loads_strictly(text, str(path))


def dumps(value) -> str:
    """JSON text as annotation files are written (valid JSON only: no NaN or Infinity)."""
    return json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def write_files(files: Sequence[tuple[Path, str | bytes]], *, force: bool = False,
                keep_existing: bool = False) -> list[Path]:
    """Write files together (all or none), refusing to replace an annotator's work.

    Without ``force`` a file already there is not replaced if its content differs
    (an export may be repeated; a corrected ``.ann`` is not lost), or at all when
    ``keep_existing`` is set (an import never replaces gold unasked).
    """
    if not force:
        refused = [path for path, content in files
                   if Path(path).exists() and (keep_existing or not _same(Path(path), content))]
        if refused:
            names = ", ".join(str(p) for p in refused[:5]) + (" …" if len(refused) > 5 else "")
            held = "already exist" if keep_existing else "already exist and differ from what would be written"
            raise GoldError(f"file(s) {held}: {names}; not overwritten (use --force to replace them)")
    return write_together([(Path(path), bytes_writer(content) if isinstance(content, bytes)
                            else text_writer(content)) for path, content in files])


def _same(path: Path, content: str | bytes) -> bool:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
