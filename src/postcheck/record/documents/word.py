"""Word (.docx) job descriptions via python-docx: page headers, body, text boxes, footers.

Each paragraph (in a table cell too) is numbered in document order, so a value can be found in
Word; a table row is one line whose cells are read side by side, like text pasted out of Word.
Automatic list numbers are not part of the paragraph text, so they are counted here. Page
headers are read first and footers last, each once, with their region in the place: a grade in a
running header is a mention of the grade, but not one in the body.

A .docx is a zip archive, and python-docx decompresses and parses every part: a few KB can
stand for gigabytes (a zip bomb, or a document.xml of millions of empty paragraphs). So the
archive is checked before python-docx opens it (`check_package`): its number of parts
(`limits.docx_entries`), their size once decompressed as the zip directory states it, and then,
since the directory can lie, the bytes each part really gives when read (`limits.docx_bytes`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from postcheck.limits import current
from postcheck.record.documents import deadline
from postcheck.record.documents.formats import DocumentError
from postcheck.record.documents.layout import Cell, Place, RawLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CELLS = re.compile(r"\t+")
_RUNNING_CELLS = re.compile(r"\t+|\s+[|·•]\s+")
_ORDINAL_FORMATS = frozenset({"decimal", "decimalZero"})
_CHUNK = 1 << 20  # bytes decompressed at a time while a part's real size is counted
# what a damaged or unusual archive raises while a part is read
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)


def check_package(data: bytes) -> None:
    """DocumentError if the Word file has more parts, or more bytes once decompressed, than the
    run allows, or a part cannot be decompressed; checked before python-docx sees the file."""
    limits = current()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if len(parts) > limits.docx_entries:
                raise DocumentError(
                    f"Word file of {len(parts):,} parts; the limit is {limits.docx_entries:,}"
                )
            stated = sum(part.file_size for part in parts)
            if stated > limits.docx_bytes:
                raise DocumentError(
                    f"Word file of {stated:,} bytes once decompressed; "
                    f"the limit is {limits.docx_bytes:,}"
                )
            _count_bytes(archive, parts, limits.docx_bytes)
    except _ZIP_ERRORS as error:
        raise DocumentError(f"damaged Word file: {error}") from None


def _count_bytes(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo], limit: int) -> None:
    """Decompress every part, counting its bytes, to the limit and not one chunk further."""
    total = 0
    for part in parts:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise DocumentError(
                        f"Word file that decompresses to more than the limit of {limit:,} bytes"
                    )
                deadline.check()


def docx_lines(data: bytes) -> list[RawLine]:
    document = docx.Document(io.BytesIO(data))
    reader = _Reader(document)
    for part, region in _running_parts(document, "header"):
        reader.read(part.iter_inner_content(), region)
    reader.read(document.iter_inner_content(), None)
    for part, region in _running_parts(document, "footer"):
        reader.read(part.iter_inner_content(), region)
    return reader.lines


class _Reader:
    """Paragraphs and table rows in order, each paragraph numbered as Word counts them."""

    def __init__(self, document: Any) -> None:
        self._styles = _Styles()
        self._numbering = _Numbering(document, self._styles)
        self.lines: list[RawLine] = []
        # paragraphs are numbered as Word counts them: the body's apart from each header's
        self._paragraphs: Counter[str | None] = Counter()

    def read(self, blocks: Iterable[Any], region: str | None) -> None:
        for block in blocks:
            deadline.check()  # the time limit where no alarm can interrupt (deadline.py)
            if isinstance(block, Paragraph):
                heading = self._styles.is_heading(block)
                self._paragraph(block, region, heading)
                for box in _text_boxes(block):
                    self._paragraph(box, "text box", False)
            elif isinstance(block, Table):
                self._table(block, region)

    def _paragraph(self, paragraph: Paragraph, region: str | None, heading: bool) -> None:
        """One line per line of the paragraph: a manual line break only wraps it."""
        self._paragraphs[region] += 1
        text = self._numbering.marker(paragraph) + paragraph.text
        for number, part in enumerate(text.split("\n")):
            place = Place(
                line=len(self.lines) + 1, paragraph=self._paragraphs[region], region=region
            )
            # tab stops lay a line out in columns; a running header separates them with bars too
            cells = (_RUNNING_CELLS if region else _CELLS).split(part)
            self.lines.append(
                RawLine(tuple(Cell(c, place) for c in cells), heading, joins=number > 0)
            )

    def _table(self, table: Table, region: str | None) -> None:
        for row in table.rows:
            seen: set[int] = set()
            cells: list[Cell] = []
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                    continue
                seen.add(id(cell._tc))
                for paragraph in cell.paragraphs:
                    self._paragraphs[region] += 1
                    place = Place(
                        line=len(self.lines) + 1, paragraph=self._paragraphs[region], region=region
                    )
                    text = self._numbering.marker(paragraph) + paragraph.text
                    cells.append(Cell(" ".join(text.split("\n")), place))
            self.lines.append(RawLine(tuple(cells)))


def _running_parts(document: Any, kind: str) -> Iterator[tuple[Any, str]]:
    """Each section's headers (or footers) that hold text of their own: default, first page and
    even pages; one linked to the section before repeats it and is skipped."""
    region = f"page {kind}"
    for index, section in enumerate(document.sections):
        for name in (f"first_page_{kind}", kind, f"even_page_{kind}"):
            part = getattr(section, name)
            if index > 0 and part.is_linked_to_previous:
                continue
            if part._has_definition:
                yield part, region


def _text_boxes(paragraph: Paragraph) -> Iterator[Paragraph]:
    """Paragraphs inside text boxes anchored in this paragraph, once each: Word stores a box
    twice (a drawing and a VML fallback), and only the drawing is read."""
    for box in paragraph._p.iter(f"{_W}txbxContent"):
        if any(parent.tag == _FALLBACK for parent in box.iterancestors()):
            continue
        for p in box.iter(f"{_W}p"):
            yield Paragraph(p, paragraph._parent)


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
        # "Set numbering value" in Word: the list instance overrides its definition's start.
        override = self._root.xpath(
            f'./w:num[@w:numId="{num_id}"]/w:lvlOverride[@w:ilvl="{level}"]/w:startOverride/@w:val'
        )
        start = lvl[0].find(f"{_W}start")
        fmt = lvl[0].find(f"{_W}numFmt")
        first = override[0] if override else start.get(f"{_W}val", "1") if start is not None else 1
        return int(first), fmt.get(f"{_W}val") if fmt is not None else None


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
