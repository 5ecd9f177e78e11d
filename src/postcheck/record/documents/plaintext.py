"""Plain-text job descriptions: lines, tab stops as table cells, and wrapped lines marked."""

from __future__ import annotations

from postcheck.record.documents.layout import Cell, Place, RawLine
from postcheck.record.documents.unwrap import soft_breaks


def text_lines(text: str, page: int | None = None) -> list[RawLine]:
    """Plain text to lines; tab stops (table cells pasted from Word) become cells."""
    raw = text.splitlines()
    lines = []
    for number, (line, joins) in enumerate(zip(raw, soft_breaks(raw), strict=True), start=1):
        place = Place(line=number, page=page)
        cells = tuple(Cell(cell, place) for cell in line.split("\t"))
        lines.append(RawLine(cells, joins=joins))
    return lines
