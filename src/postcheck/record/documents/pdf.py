"""PDF job descriptions: words with their positions, read with pdfplumber, into lines and cells.

A PDF has no paragraphs, only words placed on a page. Words are grouped into lines by their
height on the page and into cells where a wide gap separates them (a table, a two-column
header). A line runs on from the one above when it sits at the usual line spacing, starts where
that line's text starts, and the line above was full (its next word would not have fitted) or
the text goes on in lower case. Bold or larger lines on their own are headings. Lines repeated
at the top or bottom of several pages are running headers and footers: read once, on the first
page, with that region in their place; page numbers are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from postcheck.record.documents.layout import Cell, Place, RawLine
from postcheck.record.documents.unwrap import runs_on

_SAME_LINE = 3.0  # points: words whose tops differ by less sit on one line
_CELL_GAP = 1.2  # a gap wider than this many font sizes separates cells
_PARAGRAPH_GAP = 1.3  # lines further apart than this many times the usual spacing: a new block
_CELL_LINE_SPACING = 1.35  # lines of one table cell: this many font sizes apart at most
_ALIGNED = 2.0  # points: cells starting this close start in one column
_BAND = 0.09  # share of the page height at top and bottom where running lines sit
_HEADING_SIZE = 1.12
_MAX_HEADING_WORDS = 10
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


class UnreadablePdfError(ValueError):
    """A PDF that cannot give text: encrypted, damaged, or scanned images without a text layer."""


@dataclass
class _Line:
    page: int
    number: int  # line on its page, from the top
    top: float
    bottom: float
    cells: list[tuple[str, float]]  # text and left edge of each cell
    x1: float
    size: float
    bold: bool
    first_word: float  # width of the first word
    words: int
    region: str | None = None
    heading: bool = False
    joins: bool = False

    @property
    def x0(self) -> float:
        return self.cells[0][1]

    @property
    def text(self) -> str:
        return " ".join(text for text, _ in self.cells)


@dataclass
class _Document:
    lines: list[_Line] = field(default_factory=list)
    heights: dict[int, float] = field(default_factory=dict)


def pdf_lines(data: bytes) -> list[RawLine]:
    document = _Document()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                document.heights[number] = float(page.height)
                document.lines.extend(_page_lines(page, number))
    except Exception as error:
        raise UnreadablePdfError(_reason(error)) from error
    if not any(line.text.strip() for line in document.lines):
        raise UnreadablePdfError(
            "PDF has no text layer (a scan?): export it with text, or run OCR first"
        )
    body, running = _running_lines(document)
    body = _table_rows(body)
    _mark_wraps(body)
    return [_raw(line) for line in (*running[0], *body, *running[1])]


def _page_lines(page: Any, number: int) -> list[_Line]:
    words = page.extract_words(extra_attrs=["size", "fontname"], use_text_flow=False)
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(word["top"] - rows[-1][0]["top"]) < _SAME_LINE:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [_line(sorted(row, key=lambda w: w["x0"]), number, n) for n, row in enumerate(rows, 1)]


def _line(words: list[dict[str, Any]], page: int, number: int) -> _Line:
    # the size most of the line is set in: a list number or a bullet may be larger
    size = Counter(round(float(w["size"]), 1) for w in words).most_common(1)[0][0]
    cells: list[tuple[str, float]] = []
    texts: list[str] = []
    left = float(words[0]["x0"])
    for before, word in zip([None, *words], words, strict=False):
        if before is not None and word["x0"] - before["x1"] > _CELL_GAP * size:
            cells.append((" ".join(texts), left))
            texts, left = [], float(word["x0"])
        texts.append(word["text"])
    cells.append((" ".join(texts), left))
    return _Line(
        page=page,
        number=number,
        top=min(float(w["top"]) for w in words),
        bottom=max(float(w["bottom"]) for w in words),
        cells=cells,
        x1=max(float(w["x1"]) for w in words),
        size=size,
        bold=all("bold" in str(w["fontname"]).lower() for w in words),
        first_word=float(words[0]["x1"]) - float(words[0]["x0"]),
        words=len(words),
    )


def _running_lines(document: _Document) -> tuple[list[_Line], tuple[list[_Line], list[_Line]]]:
    """Body lines, and the running header and footer lines kept once (from their first page)."""
    pages = len(document.heights)

    def band(line: _Line) -> str | None:
        height = document.heights[line.page]
        if line.bottom < height * _BAND:
            return "page header"
        if line.top > height * (1 - _BAND):
            return "page footer"
        return None

    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))

    in_band = [(line, band(line)) for line in document.lines]
    repeats = Counter((region, key(line)) for line, region in in_band if region)
    body: list[_Line] = []
    header: list[_Line] = []
    footer: list[_Line] = []
    seen: set[tuple[str, str]] = set()
    for line, region in in_band:
        if region and _PAGE_NUMBER.match(line.text.strip()):
            continue
        if region and pages > 1 and repeats[(region, key(line))] > 1:
            if (region, key(line)) not in seen:
                seen.add((region, key(line)))
                line.region = region
                (header if region == "page header" else footer).append(line)
            continue
        body.append(line)
    return body, (header, footer)


def _mark_wraps(lines: list[_Line]) -> None:
    """Mark headings, and set joins on each line that runs on from the line before it."""
    right = max((line.x1 for line in lines if len(line.cells) == 1), default=0.0)
    pitch = _usual_spacing(lines)
    for index, line in enumerate(lines):
        neighbours = lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]
        line.heading = _is_heading(line, neighbours)
    for before, line in zip(lines, lines[1:], strict=False):
        if len(line.cells) > 1 or line.heading or before.heading:
            continue
        if line.page == before.page:
            if line.top - before.top > _PARAGRAPH_GAP * pitch:
                continue
            if abs(line.x0 - before.cells[-1][1]) > line.size and line.x0 < before.cells[-1][1]:
                continue  # starts left of the text above: a new block
            if len(before.cells) > 1 and abs(line.x0 - before.cells[-1][1]) > line.size:
                continue  # under another cell than the last one of a table row
        space = 0.3 * line.size
        full = before.x1 + space + line.first_word > right - space
        line.joins = runs_on(before.cells[-1][0], line.cells[0][0], full)


def _table_rows(lines: list[_Line]) -> list[_Line]:
    """A table cell's text wrapped over several lines merged back into its row.

    A line belongs to the row above (or below) it when the two sit at a line's spacing, one has
    more cells than the other, and each cell of the sparser one starts under a cell of the
    denser one: the cell wrapped, and the other cells of the row are aligned to its top or bottom.
    """
    merged: list[_Line] = []
    for line in lines:
        before = merged[-1] if merged else None
        if before is None or before.page != line.page or before.region != line.region:
            merged.append(line)
            continue
        close = line.top - before.top <= _CELL_LINE_SPACING * max(line.size, before.size)
        dense, sparse = (before, line) if len(before.cells) > len(line.cells) else (line, before)
        columns = [x for _, x in dense.cells]
        aligned = len(dense.cells) > len(sparse.cells) and all(
            any(abs(x - column) <= _ALIGNED for column in columns) for _, x in sparse.cells
        )
        if not (close and aligned):
            merged.append(line)
            continue
        cells = [list(cell) for cell in dense.cells]
        for text, x in sparse.cells:
            column = min(range(len(cells)), key=lambda n: abs(columns[n] - x))
            pieces = [cells[column][0], text] if sparse is line else [text, cells[column][0]]
            cells[column][0] = " ".join(pieces)
        dense.cells = [(str(text), float(x)) for text, x in cells]
        dense.top, dense.number = min(before.top, line.top), before.number
        dense.bottom, dense.x1 = max(before.bottom, line.bottom), max(before.x1, line.x1)
        merged[-1] = dense
    return merged


def _usual_spacing(lines: list[_Line]) -> float:
    """The most common distance from one line's top to the next one's on the same page."""
    steps = Counter(
        round(line.top - before.top)
        for before, line in zip(lines, lines[1:], strict=False)
        if line.page == before.page and line.top > before.top
    )
    return float(steps.most_common(1)[0][0]) if steps else 0.0


def _is_heading(line: _Line, neighbours: list[_Line]) -> bool:
    """Bold on its own, or set larger than the lines around it."""
    if len(line.cells) > 1 or line.words > _MAX_HEADING_WORDS:
        return False
    larger = bool(neighbours) and all(line.size >= n.size * _HEADING_SIZE for n in neighbours)
    return line.bold or larger


def _raw(line: _Line) -> RawLine:
    place = Place(line=line.number, page=line.page, region=line.region)
    cells = tuple(Cell(text, place) for text, _ in line.cells)
    return RawLine(cells, heading=line.heading, joins=line.joins)


def _reason(error: BaseException) -> str:
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and len(chain) < 5:
        chain.append(current)
        current = current.__cause__ or current.__context__
    if any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in chain):
        return "PDF is encrypted (password protected): save an unprotected copy"
    if any("password" in str(e).lower() or "encrypt" in str(e).lower() for e in chain):
        return "PDF is encrypted (password protected): save an unprotected copy"
    return f"damaged PDF: {error}"
