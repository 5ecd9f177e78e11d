"""The common shape every format is read into: lines of cells, then blocks with their place.

Readers only find text and where it sits, line by line, and say which lines a line break merely
wrapped (a soft break inside a Markdown or HTML paragraph, a Word line break, a full line of a
wrapped text or PDF). `blocks.build` joins those back into blocks: everything after works on
blocks and their sentences, never on raw lines, so the verdict does not depend on the layout.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from postcheck.record.model import Location, Mention


@dataclass(frozen=True)
class Place:
    """Where text sits: first line, and for Word and PDF also the paragraph or page.

    region says where on the page, where it is not the body text: "page header" or "page footer"
    (Word headers and footers, a PDF's running lines), "text box".
    """

    line: int | None = None
    page: int | None = None
    paragraph: int | None = None
    region: str | None = None

    def location(self) -> Location:
        return Location(
            line=self.line, page=self.page, paragraph=self.paragraph, region=self.region
        )

    def fields(self) -> dict[str, Any]:
        """Keyword arguments that place a Mention."""
        return {"line": self.line, "page": self.page, "paragraph": self.paragraph}


@dataclass(frozen=True)
class Cell:
    text: str
    place: Place


@dataclass(frozen=True)
class RawLine:
    """One line of a document as its reader found it: cells side by side (table row, tabs).

    joins: the line break before this line only wrapped the text; the line runs on from the
    previous one unless it starts a block of its own (a bullet, a number, a label).
    same_row: the break fell between two cells of a table row (a wrapped tab-separated line):
    this line's cells go on in the row before.
    """

    cells: tuple[Cell, ...]
    heading: bool = False
    joins: bool = False
    same_row: bool = False


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "list item"
    CELL = "table cell"


@dataclass(frozen=True)
class Block:
    """A unit of text: a heading, a paragraph, a list item, or a table cell.

    row groups the cells of one table row (or tab-separated line); a block alone has a row of
    its own. place is where the block starts.
    """

    text: str
    place: Place
    row: int
    kind: BlockKind = BlockKind.PARAGRAPH
    # where each wrapped line after the first starts: (offset in text, that line's place), so
    # a sentence that begins on the block's third line is reported there
    runs_on: tuple[tuple[int, Place], ...] = ()

    def place_at(self, offset: int) -> Place:
        """The place of the line the character at `offset` of the text stands on."""
        # a binary search: a long paragraph has a sentence, and a wrapped line, every few words
        at = bisect_right(self.runs_on, offset, key=lambda run: run[0])
        return self.runs_on[at - 1][1] if at else self.place

    @property
    def heading(self) -> bool:
        return self.kind is BlockKind.HEADING


@dataclass
class Layout:
    blocks: list[Block] = field(default_factory=list)
    remnants: list[Mention] = field(default_factory=list)
