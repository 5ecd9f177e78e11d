"""Which line breaks of a plain-text or PDF document only wrapped a paragraph.

Text laid out by an editor, `fold`, an email client or a PDF has no paragraph marks: a sentence
runs over several lines. A break is taken for a wrap when the line before it was full (the next
word would not have fitted within the width the document is wrapped at), or when the next line
goes on in lower case after a line that does not end a statement. `blocks.build` still starts a
new block where the next line opens with a bullet, a number or a label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from postcheck.record.documents.sections import is_known_heading, looks_like_heading

_ENDS_STATEMENT = re.compile(r"[.!?:;][\"'”’)]*$")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_RUNS_ON = re.compile(r"^[a-z(£&%,;]")
# A text is taken to be wrapped at a width when most lines that are long at all end near it.
_NEAR_SHARE = 0.6
_MIN_NEAR_LINES = 5
_MIN_WIDTH = 25
TAB_SIZE = 8


def wrap_width(widths: Sequence[float]) -> float | None:
    """The width a text is wrapped at, or None if its lines are as long as their paragraphs.

    The third-longest line sets it, so one long header or address line does not.
    """
    lengths = sorted(w for w in widths if w > 0)
    if len(lengths) < _MIN_NEAR_LINES:
        return None
    top = lengths[-3]
    near = sum(1 for w in lengths if w >= top - max(10.0, top * 0.15))
    long = sum(1 for w in lengths if w >= top / 2)
    if top < _MIN_WIDTH or near < _MIN_NEAR_LINES or near < _NEAR_SHARE * long:
        return None
    return top


def soft_breaks(lines: Sequence[str]) -> list[bool]:
    """For each line, whether the break before it only wrapped the text (plain text)."""
    widths = [len(line.expandtabs(TAB_SIZE).rstrip()) for line in lines]
    width = wrap_width(widths)
    flags = [False]
    for index in range(1, len(lines)):
        before, line = lines[index - 1].strip(), lines[index].strip()
        next_word = len(line.split(maxsplit=1)[0]) if line else 0
        full = width is not None and widths[index - 1] + 1 + next_word > width
        flags.append(runs_on(before, line, full))
    return flags


def runs_on(before: str, line: str, full: bool) -> bool:
    """Whether line continues the text of the line before it.

    full: the line before was broken because the next word would not fit.
    """
    if not before or not line or is_known_heading(line):
        return False
    if _RUNS_ON.match(line) and not _ENDS_STATEMENT.search(before):
        return True
    if not full:
        return False
    # A heading after a full line that ends a sentence starts a section, not a continuation.
    return not (_ENDS_SENTENCE.search(before) and looks_like_heading(line))
