"""PDF job descriptions: the text layer, read with pdfplumber, located by page and line."""

from __future__ import annotations

import io
import re

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from postcheck.record.documents.layout import Cell, RawLine, text_lines

# A line the PDF wrapped: it goes on in lower case after a line that ends mid-sentence.
_CONTINUES = re.compile(r"^[a-z(]")
_ENDS_STATEMENT = re.compile(r"[.:;!?]\s*$")


class UnreadablePdfError(ValueError):
    """A PDF that cannot give text: encrypted, damaged, or scanned images without a text layer."""


def pdf_lines(data: bytes) -> list[RawLine]:
    lines: list[RawLine] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                lines.extend(_unwrapped(text_lines(page.extract_text() or "", page=number)))
    except Exception as error:
        raise UnreadablePdfError(_reason(error)) from error
    if not any(cell.text.strip() for line in lines for cell in line.cells):
        raise UnreadablePdfError(
            "PDF has no text layer (a scan?): export it with text, or run OCR first"
        )
    return lines


def _unwrapped(lines: list[RawLine]) -> list[RawLine]:
    """Lines a PDF wrapped joined back to the line they began on, so a sentence is read whole.

    PDF text has no paragraphs: "... is expected to attend the office" / "at least three days a
    week." would be two statements, the second without its subject.
    """
    joined: list[RawLine] = []
    for line in lines:
        text = " ".join(cell.text for cell in line.cells).strip()
        before = joined[-1].cells if joined else ()
        last = before[-1].text.strip() if before else ""
        if (
            len(before) == 1
            and last
            and not _ENDS_STATEMENT.search(last)
            and _CONTINUES.match(text)
        ):
            joined[-1] = RawLine((Cell(f"{last} {text}", before[0].place),))
        else:
            joined.append(line)
    return joined


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
