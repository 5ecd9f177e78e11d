"""Which line breaks of a plain-text or PDF document only wrapped a paragraph.

Text laid out by an editor, `fold`, an email client or a PDF has no paragraph marks: a sentence
runs over several lines. A break is taken for a wrap when the line before it was full (the next
word would not have fitted within the width the document is wrapped at), or when the next line
goes on in lower case after a line that does not end a statement. `blocks.build` still starts a
new block where the next line opens with a bullet, a number or a label.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from postcheck.record.documents.blocks import starts_block
from postcheck.record.documents.labels import opens_field
from postcheck.record.documents.sections import is_known_heading, looks_like_heading

_RUNS_ON = re.compile(r"^(?:[a-z(£&%,;]|–\s+[a-z])")
# A text is taken to be wrapped at a width when most lines that are long at all end near it.
_NEAR_SHARE = 0.5
_MIN_NEAR_LINES = 5
_MIN_TIGHT_LINES = 3  # lines within two characters of the width: a wrapped text has many
_TIGHT_SHARE = 0.05
_PILED_SHARE = 0.15
_MIN_WIDTH = 25
_MAX_LONGER = 0.2  # share of lines that may run past the width (tables, unwrapped paragraphs)
CELL_BREAK = re.compile(r"\t| {3,}")  # tab stops and space-aligned columns separate cells
_LONG = 0.85
_WIDTH_SLACK = 3  # characters a wrapped line may run past the estimated width
_MIN_LONG_LINE = 60  # characters: shorter lines are headings, labels and list items
TAB_SIZE = 8


def wrap_width(widths: Sequence[float]) -> float | None:
    """The width a text is wrapped at, or None if its lines are as long as their paragraphs.

    The widest width at which most lines that are long at all end near it; a few lines longer
    than that (a table row, a paragraph left unwrapped) do not change it.
    """
    ascending = sorted(w for w in widths if w > 0)
    count = len(ascending)
    if count < _MIN_NEAR_LINES:
        return None
    min_tight = max(_MIN_TIGHT_LINES, _TIGHT_SHARE * count)
    min_piled = max(_MIN_NEAR_LINES, _PILED_SHARE * count)
    for index, top in enumerate(reversed(ascending)):
        if top < _MIN_WIDTH or index > _MAX_LONGER * count:
            return None
        if index and top == ascending[count - index]:
            continue
        below = count - index  # lines no longer than top

        def at_least(threshold: float, below: int = below) -> int:
            return below - bisect_left(ascending, threshold, 0, below)

        tight = at_least(top - 2)
        near = at_least(top - max(10.0, top * 0.15))
        if tight < min_tight or near < _MIN_NEAR_LINES:
            continue
        # most long lines end near the width, or very many end right at it (a short text)
        if near >= _NEAR_SHARE * at_least(top / 2) or tight >= min_piled:
            return top
    return None


def soft_breaks(lines: Sequence[str]) -> list[bool]:
    """For each line, whether the break before it only wrapped the text (plain text)."""
    widths = [len(line.expandtabs(TAB_SIZE).rstrip()) for line in lines]
    prose = [w for w, line in zip(widths, lines, strict=True) if "\t" not in line]
    width = wrap_width(prose)
    longest = max(prose, default=0)
    long_line = max(_LONG * longest, _MIN_LONG_LINE)
    flags = [False]
    for index in range(1, len(lines)):
        before_raw, raw = lines[index - 1], lines[index]
        before, line = before_raw.strip(), raw.strip()
        if not before or not line:
            flags.append(False)
            continue
        before_width = widths[index - 1]
        if width is None or before_width > width + _WIDTH_SLACK:
            # Where the width cannot be told, or a line runs past it (a table row, a long
            # label): a line among the longest of the text that stops mid-sentence goes on.
            wrapped = (
                before_width >= long_line
                and "\t" not in before_raw
                and "\t" not in raw
                and not _ends_statement(before)
            )
        else:
            # the first word as a wrapping tool measures it: up to a space, tabs expanded;
            # ">=": fold breaks before a word that would end exactly at the width, textwrap after
            word = raw.lstrip(" ").split(" ", 1)[0].expandtabs(TAB_SIZE)
            next_word = len(word)
            # GNU fold counts bytes, not characters: "–" or "£" takes three or two
            bytes_full = (
                not before_raw.isascii()
                and _byte_width(before_raw) + 1 + len(word.encode()) >= width
            )
            # A wrapped text wrapped again (an email client's "comb"): the rest of a line that
            # was itself wrapped stops mid-sentence. A short line after a blank is a heading
            # ("Statutory basis"), not the start of a wrapped sentence.
            wrapped = (
                before_width + 1 + next_word >= width
                or bytes_full
                or (
                    flags[-1]
                    and "\t" not in before_raw
                    and not _ends_statement(before)
                    and not opens_field(line)
                )
            )
        flags.append(runs_on(before, line, wrapped) and not _opens_block(lines, index))
    return flags


def _byte_width(line: str) -> int:
    return len(line.expandtabs(TAB_SIZE).rstrip().encode())


def _opens_block(lines: Sequence[str], index: int) -> bool:
    """A line that opens a block is never run on (blocks.build would refuse it anyway); after a
    tab a label may open the next cell of the same row."""
    first_cell = CELL_BREAK.split(lines[index].strip(), maxsplit=1)[0]
    return starts_block(first_cell) and not lines[index - 1].endswith("\t")


def runs_on(before: str, line: str, full: bool) -> bool:
    """Whether line continues the text of the line before it.

    full: the line before was broken because the next word would not fit.
    """
    if not before or not line:
        return False
    if _RUNS_ON.match(line) and not _ends_statement(before):
        return not is_known_heading(line)
    if not full:
        return False
    # A heading after a full line that ends a sentence starts a section, not a continuation.
    if _ends_statement(before, ".!?") and looks_like_heading(line):
        return False
    return not is_known_heading(line)


def _ends_statement(text: str, marks: str = ".!?:;") -> bool:
    """Whether text ends with one of marks, closing quotes and brackets aside."""
    return text.rstrip("\"'”’)")[-1:] in tuple(marks)
