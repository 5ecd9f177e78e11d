"""Markdown job descriptions, parsed by markdown-it: headings, lists and tables keep their lines.

A paragraph's soft line breaks only wrap it: those lines are marked as running on. A hard break
(two trailing spaces, a backslash) is a line of its own, as it is on the rendered page.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from postcheck.record.documents.layout import Cell, Place, RawLine

_PARSER = MarkdownIt("commonmark").enable("table")
_INLINE_TEXT = frozenset({"text", "code_inline", "html_inline"})


def markdown_lines(text: str) -> list[RawLine]:
    tokens = _PARSER.parse(text)
    lines: list[RawLine] = []
    prefix = ""
    heading = False
    row: list[Cell] | None = None
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "list_item_open":
            prefix = f"{token.info}. " if token.info else "- "
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            lines.append(RawLine(tuple(row)))
            row = None
        elif token.type == "inline":
            first = _first_line(token)
            if row is not None:
                text = " ".join(part for part, _ in _flatten(token))
                row.append(Cell(text, Place(line=first)))
                continue
            for offset, (part, soft) in enumerate(_flatten(token)):
                place = Place(line=first + offset)
                lines.append(RawLine((Cell(prefix + part, place),), heading, joins=soft))
                prefix = ""
        elif token.type in ("html_block", "code_block", "fence"):
            first = _first_line(token)
            for offset, part in enumerate(token.content.rstrip("\n").split("\n")):
                lines.append(RawLine((Cell(part, Place(line=first + offset)),)))
    return lines


def _first_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _flatten(token: Token) -> list[tuple[str, bool]]:
    """Inline text without emphasis marks, one part per source line so each keeps its number,
    with whether the break before it was soft (a wrap)."""
    lines: list[tuple[str, bool]] = []
    parts: list[str] = []
    soft = False
    for child in token.children or []:
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type == "strong_open" and not "".join(parts).strip():
            soft = False  # a line that opens in bold ("**Grade** PO2") is a field of its own
        elif child.type in ("softbreak", "hardbreak"):
            lines.append(("".join(parts), soft))
            parts, soft = [], child.type == "softbreak"
    lines.append(("".join(parts), soft))
    return lines
