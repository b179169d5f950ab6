"""Lines into paragraphs: join lines broken mid-sentence, keep paragraph breaks.

PDF extraction gives one line of text per printed line. This pass decides, for
each pair of neighbouring lines, whether the break between them is a wrap (join
with a space), a line-end hyphenation (join without the hyphen, or keep a real
compound's hyphen) or a paragraph break (one ``\\n`` in clean text).

The cues come from the document's own statistics, not per-file rules: its typical
line width (a line that stops well short of it ends a paragraph), its typical gap
(a document with a blank line after every line uses two for a paragraph), its
indentation (a document that indents first lines), and sentence-final punctuation.
Headings, list items, datelines, signatures and URLs keep lines of their own.
Runs of spaces and tabs inside a line become one space.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .align import Alignment, AlignmentBuilder
from ..nlp import parse_word
from .words import is_known_word, word_frequency
from ..resources import load_json

JOIN, GLUE, DROP_HYPHEN, BREAK = " ", "", "-", "\n"
# A line-end soft hyphen that stands for what it shows: a compound's hyphen, a range's dash.
SOFT_TO_HYPHEN, SOFT_TO_DASH = "\u00ad-", "\u00ad—"

_PHYSICAL_LINE = re.compile(r"([^\n\f]*)([\n\f]?)")
_INNER_SPACES = re.compile(r"[ \t]{2,}|\t")
_CLOSERS = "»)\"'”]"
_FINAL = ".!?…"
_LEFT_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|-(?=[^\W\d_]))*$")
_RIGHT_WORD = re.compile(r"[^\W\d_]+")
_URL_TAIL = re.compile(r"^[A-Za-z0-9_\-./?=&%#+~:;,]+$")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[а-яa-z]\))\s+\S")
_SIGNATURE = re.compile(r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?[А-ЯЁ][а-яё]+$")
WIDE_SHARE, SHORT_SHARE = 0.25, 0.8
MIN_LINES_FOR_WIDTH = 4


@dataclass(slots=True)
class Line:
    """A non-blank printed line: ``start``/``end`` bound its text, without spaces."""

    start: int
    end: int
    text: str
    indent: int
    blanks_before: int
    page_before: bool

    @property
    def right_edge(self) -> int:
        return self.indent + len(self.text)


@cache
def _cues() -> tuple[str, tuple[str, ...], re.Pattern]:
    layout = load_json("normalise_layout.json")
    forms = [form for month in load_json("months.json")["months"] for form in month["forms"]]
    dateline = re.compile(
        rf"\b\d{{1,2}}\s*(?:{'|'.join(forms)})\s*\d{{4}}|\b\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}\b", re.I
    )
    return layout["bullets"], tuple(layout["url_starts"]), dateline


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of a text, with the blank lines and page breaks before each."""
    lines, blanks, page = [], 0, False
    for match in _PHYSICAL_LINE.finditer(text):
        content, separator = match.group(1), match.group(2)
        stripped = content.strip(" \t")
        if stripped:
            leading = content[: len(content) - len(content.lstrip(" \t"))]
            start = match.start() + len(leading)
            indent = len(leading.expandtabs(4))
            lines.append(Line(start, start + len(stripped), stripped, indent, blanks, page))
            blanks, page = 0, False
        elif separator == "\n":
            blanks += 1
        if separator == "\f":
            page = True
        if not separator:
            break
    return lines


def _core(line: str) -> str:
    return line.rstrip(_CLOSERS)


def ends_sentence(line: str) -> bool:
    """True when a line ends with sentence-final punctuation (before closing quotes).

    >>> ends_sentence("с другими…»."), ends_sentence("тем не")
    (True, False)
    """
    core = _core(line)
    return bool(core) and core[-1] in _FINAL


def is_url(token: str) -> bool:
    return token.lower().startswith(_cues()[1])


@dataclass(frozen=True, slots=True)
class DocumentStyle:
    """What a document's lines say about its layout."""

    width: float  # typical right edge of a full line (0 when too few lines to tell)
    body_indent: int  # indentation of most lines
    typical_gap: int  # blank lines between most lines
    indents_paragraphs: bool  # first lines of paragraphs are indented
    wrapped: bool  # lines were wrapped at a width (not one paragraph per line)

    def is_short(self, line: Line) -> bool:
        """Stops well short of the width: a wrapped line stops at most a word short."""
        return line.right_edge < min(SHORT_SHARE * self.width, self.width - 10)

    def is_offset(self, line: Line) -> bool:
        """Centred or right-aligned: indented far past any paragraph indent."""
        return line.indent - self.body_indent >= max(12, 0.15 * self.width)

    def is_indented(self, line: Line) -> bool:
        return self.indents_paragraphs and line.indent > self.body_indent + 1


def measure_style(lines: list[Line]) -> DocumentStyle:
    """Read a document's line width, indentation and spacing from its lines."""
    if not lines:
        return DocumentStyle(0.0, 0, 0, False, False)
    edges = sorted(line.right_edge for line in lines)
    width = float(edges[min(len(edges) - 1, int(0.75 * len(edges)))])
    if len(lines) < MIN_LINES_FOR_WIDTH:
        width = 0.0  # a width read from two or three lines says nothing
    body_indent = Counter(line.indent for line in lines).most_common(1)[0][0]
    gaps = [line.blanks_before for line in lines[1:] if not line.page_before]
    typical_gap = Counter(gaps).most_common(1)[0][0] if gaps else 0
    indented = sum(1 for line in lines if 1 < line.indent - body_indent < max(12, 0.15 * width))
    indents_paragraphs = indented >= 2 and indented >= 0.03 * len(lines)
    # Wrapped text has many full-width lines that stop mid-sentence.
    open_ended = sum(
        1 for line in lines[:-1] if line.right_edge >= SHORT_SHARE * width and not ends_sentence(line.text)
    )
    # Too few lines to tell: keep their breaks (only continuations are joined).
    wrapped = width > 0 and open_ended >= WIDE_SHARE * (len(lines) - 1)
    return DocumentStyle(width, body_indent, typical_gap, indents_paragraphs, wrapped)


def keep_hyphen(left: str, right: str) -> bool:
    """Decide a line-end hyphen: True for a real compound, False for a word split.

    >>> keep_hyphen("бастую", "щих"), keep_hyphen("кое", "как"), keep_hyphen("Алма", "Аты")
    (False, True, True)
    >>> keep_hyphen("интернет", "сайт"), keep_hyphen("Туме", "новой")
    (True, False)
    """
    if right[:1].isupper() and not left.isupper():
        return True  # a word is never split before a capital: Алма-Аты
    if is_known_word(f"{left}-{right}"):
        return True
    joined = left + right
    if is_known_word(joined) or word_frequency(joined) >= 1.0:
        return False
    parts_known = len(left) > 1 and len(right) > 1 and is_known_word(left) and is_known_word(right)
    return parts_known and word_frequency(right) >= 3.0


def ends_with_function_word(line: str) -> bool:
    """True when a line ends with a preposition or conjunction: no sentence ends so.

    >>> ends_with_function_word("нефтяников в"), ends_with_function_word("в Жанаозене")
    (True, False)
    """
    last = line.split()[-1] if line.split() else ""
    if not last.isalpha():
        return False
    return parse_word(last.lower())[0].tag.POS in ("PREP", "CONJ")


def _is_list_item(text: str) -> bool:
    bullets = _cues()[0]
    return (text[0] in bullets and text[1:2].isspace()) or bool(_NUMBERED.match(text))


def _is_dash_item(text: str) -> bool:
    """A line opened by a dash and a space: an item of a dash list, or a dash that wrapped to
    the line's start inside a sentence (``Иван Белов`` / ``— активист``), so the line before
    decides which (``decide``)."""
    return text[0] in "—–-" and text[1:2].isspace()


def is_entry_line(text: str) -> bool:
    """A line that is one entry of a list of names or places, one a line: two to six
    words, all capitalised (numbers and abbreviations with a dot aside), no sentence end.
    A wrapped line of prose is never all capitals word after word, so two such lines in
    a row are two entries (``Жукова Любовь Владимировна`` / ``Ким Анна``), not one line
    wrapped.

    >>> is_entry_line("Ким Анна Викторовна, 1990 г.р."), is_entry_line("Мария Орлова рассказала")
    (True, False)
    """
    words = _core(text).rstrip(",;").split()
    if not 2 <= len(words) <= 6:
        return False
    if ends_sentence(text) and words[-1].count(".") < 2:
        return False  # a sentence's end, not an abbreviation's (``г.р.``, ``И.И.``)
    named = [w for w in words if w[0].isalpha() and "." not in w]
    return len(named) >= 2 and words[0][0].isupper() and all(w[0].isupper() for w in named)


def _is_own_line(line: Line, style: DocumentStyle) -> bool:
    """Datelines, signatures, URLs and all-capital headings stand on their own line."""
    text = line.text
    if is_url(text):
        return True
    if len(text) <= 60 and len(text.split()) <= 6 and _cues()[2].search(text):
        return True
    if style.is_short(line) and _SIGNATURE.search(_core(text)):
        return True
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and not ends_sentence(text)


def decide(a: Line, b: Line, style: DocumentStyle) -> str:
    """How the break between lines ``a`` and ``b`` becomes clean text."""
    left, right = a.text, b.text
    # Line-end hyphen: a word split in two, or a compound whose hyphen stays. A soft
    # hyphen is decided the same way: PDFs print compounds' hyphens as soft hyphens.
    soft = left.endswith("\u00ad")
    if (soft or left.endswith("-")) and len(left) > 1 and not left[-2].isspace():
        left_word, right_word = _LEFT_WORD.search(left[:-1]), _RIGHT_WORD.match(right)
        if left_word and right_word:
            if keep_hyphen(left_word.group(), right_word.group()):
                return SOFT_TO_HYPHEN if soft else GLUE
            return DROP_HYPHEN
        if soft:
            return SOFT_TO_DASH if left[-2].isdigit() and right[0].isdigit() else DROP_HYPHEN
        if left[-2].isalnum() and right[0].isalnum():
            return GLUE  # 2011-2012

    last_token, first_token = left.split()[-1], right.split()[0]
    if is_url(last_token) and _URL_TAIL.match(first_token) and not is_url(first_token):
        if any(c in first_token for c in "=&/%?#_"):
            return GLUE  # a long URL wrapped mid-way
    lower_start = right[0].islower() or right[0] in ",;:)»."
    sentence_over = ends_sentence(left) or _core(left).endswith((":", ";"))
    if is_url(right):
        return BREAK
    if _is_list_item(right):
        return BREAK
    if _is_dash_item(right) and (_core(left).endswith((":", ";")) or (_is_dash_item(left) and sentence_over)):
        return BREAK  # the next item of a dash list (an item closed by ``;``, a list opened by ``:``)
    if is_entry_line(right) and (is_entry_line(left) or _core(left).endswith(":")):
        return BREAK  # a list of names, one a line
    if _is_own_line(a, style) or _is_own_line(b, style):
        return JOIN if lower_start and not ends_sentence(left) and not _is_own_line(b, style) else BREAK
    extra_gap = not b.page_before and b.blanks_before > style.typical_gap
    if not ends_sentence(left):
        if lower_start or ends_with_function_word(left):
            return JOIN
        if style.is_offset(a) or style.is_offset(b) or style.is_short(a) or style.is_indented(b):
            return BREAK
        return JOIN if style.wrapped else BREAK
    if extra_gap or style.is_indented(b) or style.is_short(a):
        return BREAK
    if right[0].islower():
        return JOIN  # an abbreviation's dot: "24 марта с.г. исполнялось"
    if style.is_offset(a) or style.is_offset(b) or not style.wrapped:
        return BREAK
    return JOIN


def join_lines(text: str) -> Alignment:
    """Join wrapped lines into paragraphs, one ``\\n`` between paragraphs.

    >>> join_lines("расстрела бастую-\\nщих нефтяников в\\nЖанаозене.").text
    'расстрела бастующих нефтяников в Жанаозене.'
    >>> join_lines("граждане Республики Казахстан \\n\\nимеют право.  \\n\\n\\n\\nВсе  права.").text
    'граждане Республики Казахстан имеют право.\\nВсе права.'
    """
    lines = split_lines(text)
    style = measure_style(lines)
    choices = [decide(a, b, style) for a, b in zip(lines, lines[1:])] + [BREAK]
    builder = AlignmentBuilder(text)
    for index, line in enumerate(lines):
        if index == 0:
            builder.delete(0, line.start)
        else:
            previous, choice = lines[index - 1], choices[index - 1]
            if choice == DROP_HYPHEN:
                builder.delete(previous.end - 1, line.start)
            elif choice in (SOFT_TO_HYPHEN, SOFT_TO_DASH):
                builder.replace(previous.end - 1, line.start, choice[1])
            else:
                builder.replace(previous.end, line.start, choice)
        text_end = line.end - 1 if choices[index] in (DROP_HYPHEN, SOFT_TO_HYPHEN, SOFT_TO_DASH) else line.end
        for spaces in _INNER_SPACES.finditer(text, line.start, text_end):
            builder.replace(spaces.start(), spaces.end(), " ")
        builder.keep(builder.cursor, text_end)
    builder.delete(builder.cursor, len(text))
    return builder.build()
