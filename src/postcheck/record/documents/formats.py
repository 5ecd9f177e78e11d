"""Which format a document is, and its bytes as text whatever encoding the author's tools used."""

from __future__ import annotations

import codecs
import io
import re
import zipfile

from postcheck.limits import DEFAULT

FORMATS = ("text", "markdown", "html", "docx", "pdf")
# Larger files are refused unread: a job description is a few hundred KB at most, and the limit
# keeps a wrongly chosen file (a video, a database dump) from filling memory. The run's bound is
# `limits.current().file_bytes`; this is its default, for callers that name it.
MAX_DOCUMENT_BYTES = DEFAULT.file_bytes

_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters above which decoded bytes are taken for binary data, not text.
_MAX_CONTROL_SHARE = 0.02
# the control characters counted: deleted by str.translate, so they are counted at C speed
_CONTROLS = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r\f\v")


# the reason a document with nothing of a job description in it is refused; a folder walk
# passes such a document over instead (record/sources.py)
NO_CONTENT = "no job-description content found"


class DocumentError(ValueError):
    """A document that cannot be read, or is refused before it is: the message says why, in
    words for the person who wrote it ("nested 3,000 elements deep; the limit is 256")."""


class NotTextError(DocumentError):
    """The bytes are not text in any encoding postcheck recognises."""


def format_for_suffix(suffix: str) -> str | None:
    return _SUFFIXES.get(suffix.lower())


def sniff(head: bytes) -> str | None:
    """A document format recognised from the first bytes, or None to let the extension decide.

    Plain text is never claimed here: YAML and CSV records are text too.
    """
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and b"word/" in head:
        return "docx"
    if _HTML_START.match(_ascii_view(head)):
        return "html"
    return None


def is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def detect_encoding(data: bytes, whole: bool = True) -> str:
    """The encoding of text bytes: a BOM, then UTF-8, then Windows-1252 (what Excel and Word
    save in the UK) wherever every byte is valid in it, then the most likely other legacy
    encoding. Statistical detection alone reads a short cp1252 export as a DOS code page (£
    became Ż), so cp1252 is tried first. `whole=False` for the first bytes of a longer file,
    which may end inside a character. UnicodeError when it is text in no encoding known."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=whole)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    try:
        _checked(data.decode("cp1252"))
    except (UnicodeDecodeError, NotTextError):
        pass
    else:
        return "cp1252"
    from charset_normalizer import from_bytes  # only for text in neither

    best = from_bytes(data).best()
    if best is None:
        raise UnicodeError("not text in any recognised encoding")
    return str(best.encoding)


def decode(data: bytes) -> str:
    """Text from bytes, in the encoding detect_encoding finds; binary data is refused."""
    if b"\x00" in data and not any(data.startswith(bom) for bom, _ in _BOMS):
        raise NotTextError("binary data (NUL bytes), not text")
    try:
        return _checked(data.decode(detect_encoding(data), errors="strict"))
    except UnicodeError as error:
        raise NotTextError(str(error)) from None


def _checked(text: str) -> str:
    controls = len(text) - len(text.translate(_CONTROLS))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise NotTextError("binary data (control characters), not text")
    return text


def _ascii_view(head: bytes) -> bytes:
    """UTF-16 HTML read as ASCII: drop the BOM and the zero bytes."""
    for bom, _ in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return head.replace(b"\x00", b"")
