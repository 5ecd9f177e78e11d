"""The common shape every format is read into: lines of cells, each cell with its place.

Readers only find text and where it sits; everything after works on this shape, so a Word table
row, a tab-separated line pasted from Word and an HTML table row are read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup

from postcheck.record.model import Location, Mention

# Markup a reader of the published text would see: tags and entities left by an export.
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-z]{2,8}|#\d{1,6});")
_SPACE = re.compile(r"\s+")
_REMNANT_WIDTH = 120


@dataclass(frozen=True)
class Place:
    """Where text sits: line, and for Word and PDF also the paragraph or page."""

    line: int | None = None
    page: int | None = None
    paragraph: int | None = None

    def location(self) -> Location:
        return Location(line=self.line, page=self.page, paragraph=self.paragraph)

    def fields(self) -> dict[str, Any]:
        """Keyword arguments that place a Mention."""
        return {"line": self.line, "page": self.page, "paragraph": self.paragraph}


@dataclass(frozen=True)
class Cell:
    text: str
    place: Place


@dataclass(frozen=True)
class RawLine:
    """One line of a document as its reader found it: cells side by side (table row, tabs)."""

    cells: tuple[Cell, ...]
    heading: bool = False


@dataclass(frozen=True)
class Segment:
    """A unit of plain text: a cell, or one paragraph of markup inside a cell."""

    text: str
    place: Place
    row: int
    heading: bool = False


@dataclass
class Layout:
    segments: list[Segment] = field(default_factory=list)
    remnants: list[Mention] = field(default_factory=list)


def text_lines(text: str, page: int | None = None) -> list[RawLine]:
    """Plain text to lines; tab stops (table cells pasted from Word) become cells."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        place = Place(line=number, page=page)
        lines.append(RawLine(tuple(Cell(cell, place) for cell in line.split("\t"))))
    return lines


def build(lines: Iterable[RawLine]) -> Layout:
    """Segments in reading order, stray markup split into paragraphs and noted as remnants."""
    layout = Layout()
    for row, line in enumerate(lines):
        marked: Place | None = None
        for cell in line.cells:
            if marked is None and _MARKUP.search(cell.text):
                marked = cell.place
            for text in _paragraphs(cell.text):
                layout.segments.append(Segment(text, cell.place, row, line.heading))
        if marked is not None:
            joined = " ".join(c.text.strip() for c in line.cells if c.text.strip())
            layout.remnants.append(Mention(as_written=_shorten(joined), **marked.fields()))
    return layout


def _paragraphs(text: str) -> list[str]:
    """Visible text of a cell; '<p>a</p> <p>b</p>' left in exported text gives two paragraphs."""
    if "<" not in text and "&" not in text:
        cleaned = _clean(text)
        return [cleaned] if cleaned else []
    soup = BeautifulSoup(text, "html.parser")
    parts = [_clean(p.get_text(" ")) for p in soup.find_all(["p", "li", "h1", "h2", "h3", "h4"])]
    for p in soup.find_all(["p", "li", "h1", "h2", "h3", "h4"]):
        p.extract()
    rest = _clean(soup.get_text(" "))
    return [p for p in ([rest] if rest else []) + parts if p]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def _shorten(text: str) -> str:
    return text if len(text) <= _REMNANT_WIDTH else text[: _REMNANT_WIDTH - 1].rstrip() + "…"
