"""Job-description documents (text, Markdown, HTML, Word, PDF) read into post records.

Placeholder interface: the readers land with issue 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from postcheck.record.outcome import InputError, ReadOutcome

FORMATS = ("text", "markdown", "html", "docx", "pdf")
_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
             ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


def sniff(head: bytes) -> str | None:
    """A document format recognised from the first bytes, or None."""
    return None


def format_for_suffix(suffix: str) -> str | None:
    return _SUFFIXES.get(suffix)


def read_document(path: Path, kind: str) -> Iterator[ReadOutcome]:
    yield InputError(str(path), f"{kind} documents are not read yet")


def read_text_document(text: str, name: str, kind: str) -> Iterator[ReadOutcome]:
    yield InputError(name, f"{kind} documents are not read yet")
