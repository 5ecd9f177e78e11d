"""Job-description documents (text, Markdown, HTML, Word, PDF) read into post records.

Each document gives exactly one post record, every value placed at the line (and for Word the
paragraph, for PDF the page) it came from, or input errors saying why it could not be read.
Nothing raises out of here: a bad document is a finding, and the run goes on.

The parsers (BeautifulSoup, python-docx, pdfminer) load only when a document is read, so
checking structured records starts fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from postcheck.record.documents.formats import (
    FORMATS,
    MAX_DOCUMENT_BYTES,
    NO_CONTENT,
    format_for_suffix,
    sniff,
)
from postcheck.record.outcome import ReadOutcome

__all__ = [
    "FORMATS",
    "MAX_DOCUMENT_BYTES",
    "NO_CONTENT",
    "format_for_suffix",
    "read_document",
    "read_text_document",
    "sniff",
]


def read_document(path: Path, kind: str) -> Iterator[ReadOutcome]:
    """The post record a document states, or input errors; never raises."""
    from postcheck.record.documents import reader

    return reader.read_document(path, kind)


def read_text_document(text: str, name: str, kind: str) -> Iterator[ReadOutcome]:
    """A document already decoded (stdin); only text formats can arrive this way."""
    from postcheck.record.documents import reader

    return reader.read_text_document(text, name, kind)
