"""Plain-text job descriptions: lines, tab stops as table cells, and wrapped lines marked.

Three or more spaces inside a line separate cells too: text laid out in columns with spaces
("Grade: SO2    Salary: £38,220"), as a letterhead or a copied table is.
"""

from __future__ import annotations

from postcheck.record.documents.layout import Cell, Place, RawLine
from postcheck.record.documents.unwrap import CELL_BREAK, soft_breaks


def text_lines(text: str, page: int | None = None) -> list[RawLine]:
    """Plain text to lines; tab stops (table cells pasted from Word) become cells."""
    raw = text.splitlines()
    lines = []
    for number, (line, joins) in enumerate(zip(raw, soft_breaks(raw), strict=True), start=1):
        place = Place(line=number, page=page)
        indent = len(line) - len(line.lstrip(" "))
        text = line[indent:].rstrip(" ")
        parts = CELL_BREAK.split(text) if "\t" in text or "   " in text else [text]
        cells = tuple(Cell(cell, place) for cell in parts)
        # a wrapping tool that broke a tab-separated line at a tab: the row goes on
        between_cells = joins and number > 1 and raw[number - 2].endswith("\t")
        lines.append(RawLine(cells, joins=joins and not between_cells, same_row=between_cells))
    return lines
