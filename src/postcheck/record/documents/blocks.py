"""Lines joined into blocks: the one intermediate form every format is read into.

A line a reader marked as wrapped (`RawLine.joins`) runs on into the block before it, unless it
opens a block of its own: a bullet or a number starts a list item, a label with a colon starts a
label-value pair. Headings and table cells are blocks as their reader found them. Stray markup
left in exported text is split into its paragraphs and noted as a remnant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from bs4 import BeautifulSoup

from postcheck.record.documents import deadline
from postcheck.record.documents.labels import opens_with_label
from postcheck.record.documents.layout import Block, BlockKind, Cell, Layout, Place, RawLine
from postcheck.record.model import Mention

# Markup a reader of the published text would see: tags and entities left by an export.
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[a-z]{2,8}|#\d{1,6});")
LIST_MARKER = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,5}\)|[-•*·▪◦–○●■□➢✓])\s+")
# "Appointment: ...", "Working pattern: ...": a capitalised name and a colon opens a field of its
# own, whether or not postcheck knows the label.
_NAMED_FIELD = re.compile(r"^[A-Z][A-Za-z'’/&() -]{1,40}:(?:\s|$)")
_SPACE = re.compile(r"\s+")
_HYPHEN_END = re.compile(r"[A-Za-z]-\Z")
_REMNANT_WIDTH = 120
_BLOCK_TAGS = ["p", "li", "h1", "h2", "h3", "h4"]


def build(lines: Iterable[RawLine]) -> Layout:
    """Blocks in reading order, wrapped lines joined back into the block they began."""
    layout = Layout()
    row = -1
    wrapped = _RunOn()
    for line in lines:
        deadline.check()  # the time limit where no alarm can interrupt (deadline.py)
        cells = [cell for cell in line.cells if cell.text.strip()]
        if not cells:
            continue
        _note_markup(line.cells, layout)
        if _continues(line, cells[0], layout.blocks):
            wrapped.add(layout.blocks[-1], cells[0])
            cells = cells[1:]
        elif not (line.same_row and layout.blocks):
            row += 1
        if len(cells) > 1:
            cells = _marker_cells_joined(cells)
        kind = _kind(line, cells)
        for cell in cells:
            for text in _paragraphs(cell.text):
                wrapped.close(layout.blocks)
                layout.blocks.append(Block(text, cell.place, row, kind))
    wrapped.close(layout.blocks)
    return layout


class _RunOn:
    """The wrapped lines running on into the last block, joined once when the block ends:
    rebuilding the block's text at every line made a long paragraph cost its length squared."""

    def __init__(self) -> None:
        self._parts: list[str] = []  # the block's text, then each line joined to it
        self._runs: list[tuple[int, Place]] = []
        self._length = 0
        self._end = ""  # the last two characters of the text so far

    def add(self, last: Block, cell: Cell) -> None:
        if not self._parts:
            self._parts, self._runs = [last.text], list(last.runs_on)
            self._length, self._end = len(last.text), last.text[-2:]
        after = _clean(cell.text)
        joint = "" if _hyphenated(self._end, after) else " "
        self._parts.append(joint + after)
        self._length += len(joint) + len(after)
        self._end = (self._end + joint + after)[-2:]
        self._runs.append((self._length - len(after), cell.place))

    def close(self, blocks: list[Block]) -> None:
        """Write the joined text into the last block, before another block follows it."""
        if self._parts:
            blocks[-1] = replace(blocks[-1], text="".join(self._parts), runs_on=tuple(self._runs))
            self._parts, self._runs = [], []


@lru_cache(maxsize=8192)
def starts_block(text: str) -> bool:
    """A line that opens a block of its own however the text was wrapped.

    An en dash before a word in lower case is a dash inside a sentence ("operate to – and to
    model – the highest"), not a bullet; a hyphen or a bullet sign always marks an item.
    """
    marker = LIST_MARKER.match(text)
    if marker:
        return not (marker[0].strip() == "–" and text[marker.end() : marker.end() + 1].islower())
    return opens_with_label(text) or bool(_NAMED_FIELD.match(text))


def _continues(line: RawLine, first: Cell, blocks: list[Block]) -> bool:
    if not line.joins or line.heading or not blocks or blocks[-1].heading:
        return False
    return not starts_block(first.text.strip())


def _marker_cells_joined(cells: list[Cell]) -> list[Cell]:
    """A bullet or number typed before a tab ("•<tab>Lead the team") marks the cell after it."""
    joined: list[Cell] = []
    for cell in cells:
        if joined and LIST_MARKER.fullmatch(joined[-1].text.strip() + " "):
            joined[-1] = Cell(f"{joined[-1].text.strip()} {cell.text}", joined[-1].place)
        else:
            joined.append(cell)
    return joined


def _kind(line: RawLine, cells: list[Cell]) -> BlockKind:
    if line.heading:
        return BlockKind.HEADING
    if len(line.cells) > 1:
        return BlockKind.CELL
    if cells and LIST_MARKER.match(cells[0].text):
        return BlockKind.ITEM
    return BlockKind.PARAGRAPH


def _hyphenated(before: str, after: str) -> bool:
    """A word hyphenated at the break ("fixed-" "term") is one word: joined without a space."""
    return bool(_HYPHEN_END.search(before)) and after[:1].islower()


def _note_markup(cells: tuple[Cell, ...], layout: Layout) -> None:
    marked = next(
        (c.place for c in cells if ("<" in c.text or "&" in c.text) and _MARKUP.search(c.text)),
        None,
    )
    if marked is not None:
        joined = " ".join(c.text.strip() for c in cells if c.text.strip())
        layout.remnants.append(Mention(as_written=_shorten(joined), **marked.fields()))


def _paragraphs(text: str) -> list[str]:
    """Visible text of a cell; '<p>a</p> <p>b</p>' left in exported text gives two paragraphs."""
    if "<" not in text and "&" not in text:
        cleaned = _clean(text)
        return [cleaned] if cleaned else []
    soup = BeautifulSoup(text, "html.parser")
    parts = [_clean(p.get_text(" ")) for p in soup.find_all(_BLOCK_TAGS)]
    for p in soup.find_all(_BLOCK_TAGS):
        p.extract()
    rest = _clean(soup.get_text(" "))
    return [p for p in ([rest] if rest else []) + parts if p]


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()


def _shorten(text: str) -> str:
    return text if len(text) <= _REMNANT_WIDTH else text[: _REMNANT_WIDTH - 1].rstrip() + "…"
