"""Reading one document: its bytes to lines to a post record, or input errors, never a raise.

A document is bounded before each parser sees it, by the run's limits (postcheck.limits): its
bytes (`file_bytes`), its text (`record_characters`: no record may hold more, and reading takes
time in proportion to it), an HTML page's nesting (`html_depth`, html.py), a Word file's parts
and their decompressed size (`docx_entries`, `docx_bytes`, word.py), a PDF's decompressed
streams (`docx_bytes` too, pdf.py), and the time reading may take (`document_seconds`,
deadline.py). Each one past its bound is an input error for that file only; the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import ValidationError

from postcheck.limits import current
from postcheck.record.documents import deadline
from postcheck.record.documents.assemble import extract
from postcheck.record.documents.blocks import build
from postcheck.record.documents.formats import (
    DocumentError,
    decode,
    is_docx,
    sniff,
)
from postcheck.record.documents.html import html_lines
from postcheck.record.documents.layout import RawLine
from postcheck.record.documents.markdown import markdown_lines
from postcheck.record.documents.pdf import check_streams, pdf_lines
from postcheck.record.documents.plaintext import text_lines
from postcheck.record.documents.word import check_package, docx_lines
from postcheck.record.model import MAX_TEXT
from postcheck.record.outcome import InputError, ReadOutcome

_TEXT_READERS: dict[str, Callable[[str], list[RawLine]]] = {
    "text": text_lines,
    "markdown": markdown_lines,
    "html": html_lines,
}
_DETAIL = 200  # characters of a parser's own error message that are worth showing


def read_document(path: Path, kind: str) -> Iterator[ReadOutcome]:
    """The post record a document states, or input errors; never raises."""
    name = str(path)
    limit = current().file_bytes
    try:
        size = path.stat().st_size
        data = b"" if size > limit else _read_at_most(path, limit)
    except OSError as error:
        yield InputError(name, f"cannot read: {error.strerror or error}")
        return
    if size > limit or len(data) > limit:
        shown = f"{size:,} bytes" if size > limit else f"more than {limit:,} bytes"
        yield InputError(
            name, f"too large to be a job description ({shown}; the limit is {limit:,})"
        )
        return
    yield from _guarded(name, lambda: _read_bytes(data, name, kind))


def read_text_document(text: str, name: str, kind: str) -> Iterator[ReadOutcome]:
    """A document already decoded (stdin); only text formats can arrive this way."""
    reader = _TEXT_READERS.get(kind)
    if reader is None:
        yield InputError(name, f"{kind} documents cannot be read from text input; pass the file")
        return
    yield from _guarded(name, lambda: _from_text(text, name, reader))


def _read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes, one past the limit at most: its size as stat gave it can be wrong (a
    file still being written, a /proc file that says 0)."""
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_bytes(data: bytes, name: str, kind: str) -> list[ReadOutcome]:
    if not data.strip():
        return [InputError(name, "empty document")]
    kind = sniff(data[:4096]) or kind
    if kind == "docx":
        if not is_docx(data):
            raise DocumentError(
                "not a Word document: .docx files are zip archives holding word/document.xml"
            )
        check_package(data)
        return _from_lines(docx_lines(data), name)
    if kind == "pdf":
        if not data.startswith(b"%PDF-"):
            raise DocumentError("not a PDF: the file does not start with %PDF-")
        check_streams(data)
        return _from_lines(pdf_lines(data), name)
    return _from_text(decode(data), name, _TEXT_READERS.get(kind, text_lines))


def _from_text(text: str, name: str, reader: Callable[[str], list[RawLine]]) -> list[ReadOutcome]:
    if not text.strip():
        return [InputError(name, "empty document")]
    _check_characters(len(text))  # before parsing: parsing takes time in proportion to it
    deadline.check()
    return _from_lines(reader(text), name)


def _from_lines(lines: list[RawLine], name: str) -> list[ReadOutcome]:
    _check_characters(sum(len(cell.text) for line in lines for cell in line.cells))
    deadline.check()
    layout = build(lines)
    # every value a record takes from a document is part of one block: none can be too long
    # for the record if no block is
    longest = max(layout.blocks, key=lambda block: len(block.text), default=None)
    if longest is not None and len(longest.text) > MAX_TEXT:
        reason = (
            f"a paragraph of {len(longest.text):,} characters; no one value may be longer "
            f"than {MAX_TEXT:,}"
        )
        return [InputError(name, reason, line=longest.place.line)]
    deadline.check()
    return extract(layout, name)


def _check_characters(characters: int) -> None:
    """DocumentError for more text than one record may hold (`limits.record_characters`)."""
    limit = current().record_characters
    if characters > limit:
        raise DocumentError(f"{characters:,} characters of text; the limit is {limit:,}")


def _guarded(name: str, read: Callable[[], list[ReadOutcome]]) -> Iterator[ReadOutcome]:
    """Read under the time limit; a document refused, too slow, or that fails inside a
    third-party parser becomes an input error for this file only."""
    seconds = current().document_seconds
    try:
        with deadline.time_limit(seconds):
            outcomes = read()
    except deadline.TooSlow:
        outcomes = [
            InputError(name, f"took longer than {seconds:g} seconds to read (the time limit)")
        ]
    except DocumentError as problem:
        outcomes = [InputError(name, str(problem))]
    except RecursionError:
        outcomes = [InputError(name, "cannot read document: nested too deeply")]
    except ValidationError as error:  # a value the record model refuses, found past extract
        first = error.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"])
        outcomes = [InputError(name, f"cannot read document: {first['msg']}", field=field)]
    except Exception as error:  # a parser bug or a document no parser expected
        detail = str(error)[:_DETAIL]
        outcomes = [InputError(name, f"cannot read document: {type(error).__name__}: {detail}")]
    yield from outcomes
