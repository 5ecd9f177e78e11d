"""PDF job descriptions: words with their positions, read with pdfminer, into lines and cells.

A PDF has no paragraphs, only words placed on a page. Words are grouped into lines by their
height on the page and into cells where a wide gap separates them (a table, a two-column
header). A line runs on from the one above when it sits at the usual line spacing, starts where
that line's text starts, and the line above was full (its next word would not have fitted) or
the text goes on in lower case. Bold or larger lines on their own are headings. Lines repeated
at the top or bottom of several pages are running headers and footers: read once, on the first
page, with that region in their place; page numbers are dropped.

pdfminer decompresses each stream it reads whole, in memory: a PDF of a few MB can hold
streams that inflate to gigabytes. So the streams are inflated once first, in chunks, counting
the bytes (`check_streams`), and a PDF past the bound is refused before pdfminer opens it. The
bound is `limits.docx_bytes`, the one for the decompressed parts of a Word file.
"""

from __future__ import annotations

import io
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar, LTPage
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from postcheck.limits import current
from postcheck.record.documents import deadline
from postcheck.record.documents.blocks import LIST_MARKER
from postcheck.record.documents.formats import DocumentError
from postcheck.record.documents.layout import Cell, Place, RawLine
from postcheck.record.documents.unwrap import runs_on

_SAME_LINE = 3.0  # points: words whose tops differ by less sit on one line
_WORD_GAP = 0.12  # a gap wider than this many font sizes between characters ends a word
_CELL_GAP = 1.2  # a gap wider than this many font sizes separates cells
_PARAGRAPH_GAP = 1.3  # lines further apart than this many times the usual spacing: a new block
_CELL_LINE_SPACING = 1.35  # lines of one table cell: this many font sizes apart at most
_ALIGNED = 2.0  # points: cells starting this close start in one column
_BAND = 0.09  # share of the page height at top and bottom where running lines sit
_HEADING_SIZE = 1.12
_MAX_HEADING_WORDS = 10
_GLUED_NUMBER = re.compile(r"^(\(?\d{1,3}[.)])(?=[A-Z])")
_NUMBER_GAP = 0.5  # a number this many sizes before the text after it is a list number
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
# where a stream's data starts: the keyword and its end of line (not the end of "endstream")
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 1 << 20  # bytes of a stream inflated at a time while they are counted


class UnreadablePdfError(DocumentError):
    """A PDF that cannot give text: encrypted, damaged, or scanned images without a text layer."""


@dataclass(frozen=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


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


def check_streams(data: bytes) -> None:
    """UnreadablePdfError if the PDF's compressed streams inflate past the run's bound.

    Streams are found by their keywords, not by parsing the PDF (that is pdfminer's work, and
    the point is to stop before it); a stream that is not Flate-compressed is passed over.
    """
    limit = current().docx_bytes
    total = 0
    for stream in _STREAM.finditer(data):
        end = data.find(b"endstream", stream.end())
        total += _inflated(data, stream.end(), len(data) if end < 0 else end, limit - total + 1)
        if total > limit:
            raise UnreadablePdfError(
                f"PDF whose streams decompress to more than the limit of {limit:,} bytes"
            )


def _inflated(data: bytes, start: int, end: int, most: int) -> int:
    """Bytes the Flate stream in data[start:end] inflates to, counted up to `most`."""
    inflate = zlib.decompressobj()
    total = 0
    try:
        for at in range(start, end, _CHUNK):
            pending = data[at : min(at + _CHUNK, end)]
            # after the end of the stream its tail stays unconsumed: eof ends the loop
            while pending and total < most and not inflate.eof:
                total += len(inflate.decompress(pending, _CHUNK))
                pending = inflate.unconsumed_tail
                deadline.check()
            if total >= most or inflate.eof:
                break
    except zlib.error:
        pass  # not Flate data (or damaged): pdfminer will say so if it matters
    return total


def pdf_lines(data: bytes) -> list[RawLine]:
    document = _Document()
    try:
        for number, (height, rows) in enumerate(_pages(data), start=1):
            document.heights[number] = height
            document.lines.extend(_page_lines(rows, number))
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


def _pages(data: bytes) -> Iterator[tuple[float, list[list[_Word]]]]:
    """Each page's height and lines of words, from pdfminer's characters.

    pdfminer (which pdfplumber is built on) is driven directly: its characters carry their box,
    size and font, which is all this reader needs, and skipping pdfplumber's per-character
    dictionaries makes reading several times faster.
    """
    resources = PDFResourceManager(caching=True)
    device = _Characters(resources)
    interpreter = PDFPageInterpreter(resources, device)
    for page in PDFPage.get_pages(io.BytesIO(data)):
        deadline.check()  # the time limit, where no alarm can interrupt (deadline.py)
        interpreter.process_page(page)
        yield device.height, _rows(device.chars)


class _Characters(PDFLayoutAnalyzer):
    """Collects a page's characters (text, left, right, top, bottom, size, font)."""

    def __init__(self, resources: PDFResourceManager) -> None:
        super().__init__(resources, laparams=None)
        self.chars: list[LTChar] = []
        self.height = 0.0

    def receive_layout(self, ltpage: LTPage) -> None:
        self.height = float(ltpage.height)
        top = float(ltpage.y1)
        self.chars = [item for item in ltpage if isinstance(item, LTChar)]
        for char in self.chars:  # page coordinates run upwards; reading order runs down
            char.set_bbox((char.x0, top - char.y1, char.x1, top - char.y0))


def _rows(chars: list[LTChar]) -> list[list[_Word]]:
    """Characters into lines of words, each line left to right.

    Characters share a line when their vertical middles are close: a list number or a bullet
    set in another size has another top, but sits on the line. A space, or a gap wider than
    _WORD_GAP of the size, ends a word.
    """
    lines: list[list[LTChar]] = []
    middle = 0.0
    for char in sorted(chars, key=lambda c: (c.y0 + c.y1) / 2):
        centre = (char.y0 + char.y1) / 2
        if lines and abs(centre - middle) <= max(_SAME_LINE, 0.3 * char.size):
            lines[-1].append(char)
        else:
            lines.append([char])
            middle = centre
    rows = []
    for line in lines:
        words: list[_Word] = []
        current: list[LTChar] = []
        for char in sorted(line, key=lambda c: c.x0):
            text = char.get_text()
            if current and (text.isspace() or char.x0 - current[-1].x1 > _WORD_GAP * char.size):
                words.append(_word(current))
                current = []
            if not text.isspace():
                current.append(char)
        if current:
            words.append(_word(current))
        if words:
            rows.append(words)
    return rows


def _word(chars: list[LTChar]) -> _Word:
    return _Word(
        text="".join(c.get_text() for c in chars),
        x0=float(chars[0].x0),
        x1=float(chars[-1].x1),
        top=min(float(c.y0) for c in chars),
        bottom=max(float(c.y1) for c in chars),
        size=float(chars[0].size),
        bold="bold" in str(chars[0].fontname).lower(),
    )


def _page_lines(rows: list[list[_Word]], number: int) -> list[_Line]:
    return [_line(row, number, n) for n, row in enumerate(rows, start=1)]


def _line(words: list[_Word], page: int, number: int) -> _Line:
    # the size most of the line is set in: a list number or a bullet may be larger
    size = Counter(round(w.size, 1) for w in words).most_common(1)[0][0]
    cells: list[tuple[str, float]] = []
    texts: list[str] = []
    left = words[0].x0
    for index, word in enumerate(words):
        gap = word.x0 - words[index - 1].x1 if index else 0.0
        if index == 1 and gap > _NUMBER_GAP * size and _is_marker(texts[0]):
            # a list number or bullet set in a column of its own, as Word prints lists
            texts[0] = texts[0] + "." if texts[0][-1].isdigit() else texts[0]
        elif index and gap > _CELL_GAP * size:
            cells.append((" ".join(texts), left))
            texts, left = [], word.x0
        texts.append(word.text)
    cells.append((" ".join(texts), left))
    # "10.To support": a two-digit number in a narrow number column touches its text
    cells[0] = (_GLUED_NUMBER.sub(r"\1 ", cells[0][0]), cells[0][1])
    return _Line(
        page=page,
        number=number,
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        cells=cells,
        x1=max(w.x1 for w in words),
        size=size,
        bold=all(w.bold for w in words),
        first_word=words[0].x1 - words[0].x0,
        words=len(words),
    )


def _is_marker(word: str) -> bool:
    """A list number ("3", "3.", "(c)") or a bullet sign on its own."""
    return (word.isdigit() and len(word) <= 3) or bool(LIST_MARKER.fullmatch(word + " "))


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
    for before, line in pairwise(lines):
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
    A cell aligned to the bottom of its row gathers every wrapped line above it.
    """
    merged: list[_Line] = []
    for line in lines:
        row = _merged(merged[-1], line) if merged else None
        if row is None:
            merged.append(line)
            continue
        merged[-1] = row
        while len(merged) > 1 and (earlier := _merged(merged[-2], merged[-1])) is not None:
            merged[-2:] = [earlier]
    return merged


def _merged(before: _Line, line: _Line) -> _Line | None:
    """before and line as one table row, or None if they are two rows or no table."""
    if before.page != line.page or before.region != line.region:
        return None
    close = line.top - before.top <= _CELL_LINE_SPACING * max(line.size, before.size)
    dense, sparse = (before, line) if len(before.cells) > len(line.cells) else (line, before)
    columns = [x for _, x in dense.cells]
    aligned = len(dense.cells) > len(sparse.cells) and all(
        any(abs(x - column) <= _ALIGNED for column in columns) for _, x in sparse.cells
    )
    if not (close and aligned):
        return None
    texts = [text for text, _ in dense.cells]
    for text, x in sparse.cells:
        column = min(range(len(texts)), key=lambda n: abs(columns[n] - x))
        pieces = [texts[column], text] if sparse is line else [text, texts[column]]
        texts[column] = " ".join(pieces)
    return replace(
        dense,
        cells=list(zip(texts, columns, strict=True)),
        top=min(before.top, line.top),
        number=before.number,
        bottom=max(before.bottom, line.bottom),
        x1=max(before.x1, line.x1),
    )


def _usual_spacing(lines: list[_Line]) -> float:
    """The most common distance from one line's top to the next one's on the same page."""
    steps = Counter(
        round(line.top - before.top)
        for before, line in pairwise(lines)
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
