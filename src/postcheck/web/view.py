"""A document's text as the page shows it, and each finding placed on the lines it is about.

Findings carry the line (and for PDF the page) the reader found their field at, and the
evidence they rest on as written. The page shows the document as its reader saw it, one row
per line with the reader's own line numbers, so a finding's line is a row of the view. The
evidence is marked where it stands in that row; where it runs over a wrapped line, or a rule
judges a whole field (leftover markup), the whole line and its wrapped continuation is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from postcheck.record.documents.formats import decode, sniff
from postcheck.record.documents.layout import RawLine
from postcheck.violations import Violation


@dataclass(frozen=True)
class Row:
    """One line of a document: its number and page as the reader counts them, its text
    (table cells separated by tabs), and whether it only wraps the line before."""

    line: int | None
    page: int | None
    text: str
    joins: bool = False


@dataclass(frozen=True)
class Piece:
    """A run of a row's text, and the findings (indices into the run's violations) on it."""

    text: str
    findings: tuple[int, ...] = ()


def document_rows(data: bytes, kind: str) -> list[Row] | None:
    """The lines of a job description as its reader finds them, or None where the text
    cannot be shown (the findings are still listed): a reader failing here has already
    given its input error, or read the document, in the run itself."""
    try:
        return _rows(data, kind)
    except Exception:  # a parser failure; the run's own read of the file reports it
        return None


def _rows(data: bytes, kind: str) -> list[Row]:
    kind = sniff(data[:4096]) or kind
    if kind in ("docx", "pdf"):
        return [_row(line) for line in _binary_lines(data, kind) if line.cells]
    text = decode(data)
    if kind == "text":  # the file's own lines, tabs and indents kept, as text_lines counts them
        from postcheck.record.documents.plaintext import text_lines

        lines = text_lines(text)
        return [
            Row(n, None, raw, line.joins)
            for n, (raw, line) in enumerate(zip(text.splitlines(), lines, strict=True), start=1)
        ]
    from postcheck.record.documents.html import html_lines
    from postcheck.record.documents.markdown import markdown_lines

    reader = html_lines if kind == "html" else markdown_lines
    return [_row(line) for line in reader(text) if line.cells]


def _binary_lines(data: bytes, kind: str) -> list[RawLine]:
    if kind == "docx":
        from postcheck.record.documents.word import docx_lines

        return docx_lines(data)
    from postcheck.record.documents.pdf import pdf_lines

    return pdf_lines(data)


def _row(line: RawLine) -> Row:
    place = line.cells[0].place
    text = "\t".join(cell.text for cell in line.cells).rstrip("\t")
    return Row(place.line, place.page, text, line.joins)


def placed(
    rows: Sequence[Row], violations: Sequence[Violation], source: str
) -> tuple[list[list[Piece]], set[int]]:
    """Each row cut into pieces by the findings on it, and the indices of the violations of
    this source that found a place (the others are listed, not marked)."""
    whole: list[set[int]] = [set() for _ in rows]
    spans: list[list[tuple[int, int, int]]] = [[] for _ in rows]
    found: set[int] = set()
    for index, violation in enumerate(violations):
        if violation.source != source or violation.line is None:
            continue
        block = _block(rows, violation.line, violation.page)
        if not block:
            continue
        found.add(index)
        span = _evidence_span(rows, block, violation.evidence)
        if span is None:
            for row in block:
                whole[row].add(index)
        else:
            row, start, end = span
            spans[row].append((start, end, index))
    pieces = [_pieces(row.text, whole[i], spans[i]) for i, row in enumerate(rows)]
    return pieces, found


def _block(rows: Sequence[Row], line: int, page: int | None) -> list[int]:
    """The rows of a finding's line: every row with that number (on its page, if known),
    then the rows that only wrap it."""
    first = next(
        (
            i
            for i, row in enumerate(rows)
            if row.line == line and (page is None or row.page is None or row.page == page)
        ),
        None,
    )
    if first is None:
        return []
    at = rows[first]
    block = [first]
    for i in range(first + 1, len(rows)):
        if rows[i].joins or (rows[i].line, rows[i].page) == (at.line, at.page):
            block.append(i)
        else:
            break
    return block


def _evidence_span(
    rows: Sequence[Row], block: list[int], evidence: str
) -> tuple[int, int, int] | None:
    """Where the evidence stands in one row of the block, white space read loosely."""
    words = evidence.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for row in block:
        match = pattern.search(rows[row].text)
        if match:
            return row, match.start(), match.end()
    return None


def _pieces(text: str, whole: set[int], spans: list[tuple[int, int, int]]) -> list[Piece]:
    """The row's text cut at every span's ends, each piece naming the findings over it."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        over = set(whole) | {i for s, e, i in spans if s <= start and end <= e}
        ids = tuple(sorted(over))
        if pieces and pieces[-1].findings == ids:
            pieces[-1] = Piece(pieces[-1].text + text[start:end], ids)
        else:
            pieces.append(Piece(text[start:end], ids))
    return pieces or [Piece(text, tuple(sorted(whole)))]
