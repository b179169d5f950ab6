"""Reading and writing annotation files exactly: offsets count every character.

brat and Label Studio count ``\\r\\n`` as two characters, so texts are read and
written with no newline translation; every write is atomic.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import GoldError
from ..tables import write_atomically


def read_text_exactly(path: Path) -> str:
    """A UTF-8 text as stored: newline="" keeps \\r\\n as two characters."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read ({error})") from None


def write_text_exactly(path: Path, text: str) -> None:
    """Write text with no newline translation, atomically."""
    def write(temp) -> None:
        with open(temp, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    write_atomically(Path(path), write)


def read_json(path: Path):
    """A UTF-8 JSON file (a BOM allowed); a GoldError names the file and the line."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise GoldError(f"{path} line {error.lineno}: not valid JSON ({error.msg})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot read it as UTF-8 JSON ({error})") from None
