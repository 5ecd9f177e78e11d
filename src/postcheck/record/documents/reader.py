"""Reading one document: its bytes to lines to a post record, or input errors, never a raise."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from postcheck.record.documents.assemble import extract
from postcheck.record.documents.blocks import build
from postcheck.record.documents.formats import (
    MAX_DOCUMENT_BYTES,
    NotTextError,
    decode,
    is_docx,
    sniff,
)
from postcheck.record.documents.html import html_lines
from postcheck.record.documents.layout import RawLine
from postcheck.record.documents.markdown import markdown_lines
from postcheck.record.documents.pdf import UnreadablePdfError, pdf_lines
from postcheck.record.documents.plaintext import text_lines
from postcheck.record.documents.word import docx_lines
from postcheck.record.outcome import InputError, ReadOutcome

_TEXT_READERS: dict[str, Callable[[str], list[RawLine]]] = {
    "text": text_lines,
    "markdown": markdown_lines,
    "html": html_lines,
}


def read_document(path: Path, kind: str) -> Iterator[ReadOutcome]:
    """The post record a document states, or input errors; never raises."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            yield InputError(
                name,
                f"too large to be a job description ({size:,} bytes; "
                f"the limit is {MAX_DOCUMENT_BYTES:,})",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(name, f"cannot read: {error.strerror or error}")
        return
    yield from _guarded(name, lambda: _read_bytes(data, name, kind))


def read_text_document(text: str, name: str, kind: str) -> Iterator[ReadOutcome]:
    """A document already decoded (stdin); only text formats can arrive this way."""
    reader = _TEXT_READERS.get(kind)
    if reader is None:
        yield InputError(name, f"{kind} documents cannot be read from text input; pass the file")
        return
    yield from _guarded(name, lambda: _from_text(text, name, reader))


def _read_bytes(data: bytes, name: str, kind: str) -> list[ReadOutcome]:
    if not data.strip():
        return [InputError(name, "empty document")]
    kind = sniff(data[:4096]) or kind
    if kind == "docx":
        if not is_docx(data):
            return [
                InputError(
                    name,
                    "not a Word document: .docx files are zip archives holding word/document.xml",
                )
            ]
        return extract(build(docx_lines(data)), name)
    if kind == "pdf":
        if not data.startswith(b"%PDF-"):
            return [InputError(name, "not a PDF: the file does not start with %PDF-")]
        try:
            return extract(build(pdf_lines(data)), name)
        except UnreadablePdfError as problem:
            return [InputError(name, str(problem))]
    try:
        text = decode(data)
    except NotTextError as problem:
        return [InputError(name, str(problem))]
    return _from_text(text, name, _TEXT_READERS.get(kind, text_lines))


def _from_text(text: str, name: str, reader: Callable[[str], list[RawLine]]) -> list[ReadOutcome]:
    if not text.strip():
        return [InputError(name, "empty document")]
    return extract(build(reader(text)), name)


def _guarded(name: str, read: Callable[[], list[ReadOutcome]]) -> Iterator[ReadOutcome]:
    """Any failure inside a third-party parser becomes an input error for this file only."""
    try:
        outcomes = read()
    except Exception as error:  # a parser bug or a document no parser expected
        outcomes = [InputError(name, f"cannot read document: {type(error).__name__}: {error}")]
    yield from outcomes
