"""Word (.docx) job descriptions via python-docx: body paragraphs and table rows, in order.

Each paragraph (in a table cell too) is numbered in document order, so a value can be found in
Word; a table row is one line whose cells are read side by side, like text pasted out of Word.
Automatic list numbers are not part of the paragraph text, so they are counted here.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from postcheck.record.documents.layout import Cell, Place, RawLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ORDINAL_FORMATS = frozenset({"decimal", "decimalZero"})


def docx_lines(data: bytes) -> list[RawLine]:
    document = docx.Document(io.BytesIO(data))
    styles = _Styles()
    numbering = _Numbering(document, styles)
    lines: list[RawLine] = []
    paragraph_number = 0
    for block in document.iter_inner_content():
        line = len(lines) + 1
        if isinstance(block, Paragraph):
            paragraph_number += 1
            text = numbering.marker(block) + block.text
            place = Place(line=line, paragraph=paragraph_number)
            lines.append(RawLine((Cell(text, place),), styles.is_heading(block)))
        elif isinstance(block, Table):
            cells: list[Cell] = []
            for row in block.rows:
                seen: set[int] = set()
                cells = []
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                        continue
                    seen.add(id(cell._tc))
                    for paragraph in cell.paragraphs:
                        paragraph_number += 1
                        place = Place(line=len(lines) + 1, paragraph=paragraph_number)
                        cells.append(Cell(numbering.marker(paragraph) + paragraph.text, place))
                lines.append(RawLine(tuple(cells)))
    return lines


class _Styles:
    """Paragraph styles looked up once per style id (python-docx resolves them slowly)."""

    def __init__(self) -> None:
        self._names: dict[str | None, str] = {}
        self._lists: dict[str | None, tuple[str | None, str]] = {}

    def name(self, paragraph: Paragraph) -> str:
        key = paragraph._p.style
        if key not in self._names:
            style = paragraph.style
            self._names[key] = str(style.name or "") if style is not None else ""
            self._lists[key] = _style_num_pr(style)
        return self._names[key]

    def is_heading(self, paragraph: Paragraph) -> bool:
        name = self.name(paragraph)
        return name.startswith("Heading") or name == "Title"

    def num_pr(self, paragraph: Paragraph) -> tuple[str | None, str]:
        """The list a paragraph belongs to, set on the paragraph or inherited from its style."""
        own = _read_num_pr(paragraph._p.pPr)
        if own is not None:
            return own
        self.name(paragraph)
        return self._lists[paragraph._p.style]


class _Numbering:
    """Numbers Word shows before list paragraphs: one running count per list (numId)."""

    def __init__(self, document: Any, styles: _Styles) -> None:
        try:
            self._root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            self._root = None
        self._styles = styles
        self._counts: Counter[tuple[str, str]] = Counter()

    def marker(self, paragraph: Paragraph) -> str:
        num_id, level = self._styles.num_pr(paragraph)
        if num_id is None or num_id == "0":
            return ""
        start, fmt = self._level(num_id, level)
        if fmt is None:
            fmt = "decimal" if "Number" in self._styles.name(paragraph) else "bullet"
        if fmt not in _ORDINAL_FORMATS or level != "0":
            return "- "
        self._counts[(num_id, level)] += 1
        return f"{start + self._counts[(num_id, level)] - 1}. "

    def _level(self, num_id: str, level: str) -> tuple[int, str | None]:
        if self._root is None:
            return 1, None
        abstract = self._root.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return 1, None
        lvl = self._root.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{level}"]'
        )
        if not lvl:
            return 1, None
        start = lvl[0].find(f"{_W}start")
        fmt = lvl[0].find(f"{_W}numFmt")
        return (
            int(start.get(f"{_W}val", "1")) if start is not None else 1,
            fmt.get(f"{_W}val") if fmt is not None else None,
        )


def _style_num_pr(style: Any) -> tuple[str | None, str]:
    while style is not None:
        found = _read_num_pr(style.element.pPr)
        if found is not None:
            return found
        style = style.base_style
    return None, "0"


def _read_num_pr(ppr: Any) -> tuple[str | None, str] | None:
    num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    return (
        num_id.get(f"{_W}val") if num_id is not None else None,
        ilvl.get(f"{_W}val", "0") if ilvl is not None else "0",
    )
