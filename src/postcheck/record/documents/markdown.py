"""Markdown job descriptions, parsed by markdown-it: headings, lists and tables keep their lines."""

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
                row.append(Cell(_flatten(token).replace("\n", " "), Place(line=first)))
                continue
            for offset, part in enumerate(_flatten(token).split("\n")):
                lines.append(RawLine((Cell(prefix + part, Place(line=first + offset)),), heading))
                prefix = ""
        elif token.type in ("html_block", "code_block", "fence"):
            first = _first_line(token)
            for offset, part in enumerate(token.content.rstrip("\n").split("\n")):
                lines.append(RawLine((Cell(part, Place(line=first + offset)),)))
    return lines


def _first_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _flatten(token: Token) -> str:
    """Inline text without emphasis marks; line breaks kept so each source line keeps its number."""
    parts = []
    for child in token.children or []:
        if child.type in _INLINE_TEXT:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)
