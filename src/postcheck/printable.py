"""Input text made safe to print on a terminal.

Record values and file names reach terminals. Control characters, terminal escape sequences and
bidirectional overrides are shown as visible escapes, so a record can neither forge a report
line nor retitle or recolour the terminal. A module of its own, importing nothing of
postcheck's, so the command line can use it without loading the engine.
"""

from __future__ import annotations

import re

# C0 controls but the tab, DEL, C1 controls (U+009B is CSI to some terminals), the
# bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
# separators: everything that can move the cursor, start an escape sequence, break a line or
# reorder what is shown.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """Text safe to print on a terminal: each unsafe character as a visible escape, `\\n`,
    `\\r`, `\\x1b` or `\\u202e` (docs/output-formats.md). Other text is unchanged."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
