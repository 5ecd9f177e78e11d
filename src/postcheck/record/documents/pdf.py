"""PDF job descriptions: the text layer, read with pdfplumber, located by page and line."""

from __future__ import annotations

import io

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from postcheck.record.documents.layout import RawLine, text_lines


class UnreadablePdfError(ValueError):
    """A PDF that cannot give text: encrypted, damaged, or scanned images without a text layer."""


def pdf_lines(data: bytes) -> list[RawLine]:
    lines: list[RawLine] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                lines.extend(text_lines(page.extract_text() or "", page=number))
    except Exception as error:
        raise UnreadablePdfError(_reason(error)) from error
    if not any(cell.text.strip() for line in lines for cell in line.cells):
        raise UnreadablePdfError(
            "PDF has no text layer (a scan?): export it with text, or run OCR first"
        )
    return lines


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
