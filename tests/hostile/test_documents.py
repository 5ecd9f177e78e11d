"""Hostile documents, dates and records: each costs the run one input error naming its file, and
the good record beside it is still judged.

Every input is built here, in tmp_path (the big ones streamed, so building them takes well under
a second); the run is a capped child process (harness.py). Where a bound would take too long to
reach with its default value (the time limit, the size of a Word file), the reader is also run
in-process under `limits.use(...)` with a small bound.
"""

from __future__ import annotations

import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from postcheck.limits import Limits, use
from postcheck.record.dates import find_dates, parse_partial_date
from postcheck.record.documents import read_document, read_text_document
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError, ReadOutcome
from tests.hostile.harness import Ran, assert_survived, check_json, neighbour

# --- building hostile inputs -----------------------------------------------------------------

_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats'
    b'.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_BODY_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
    b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
_BODY_END = (
    b"<w:p><w:r><w:t>Job Title: Finance Officer</w:t></w:r></w:p>"
    b"<w:p><w:r><w:t>Grade: PO4</w:t></w:r></w:p></w:body></w:document>"
)
_MB = 1 << 20


def _docx(
    path: Path, body: Iterable[bytes] = (), extra_parts: int = 0, document: bool = True
) -> Path:
    """A minimal Word file; the body's chunks are streamed into word/document.xml (compressed
    as they come, so hundreds of MB cost a fraction of a second and no memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        for n in range(extra_parts):
            archive.writestr(f"word/media/part{n}.xml", b"<x/>")
        if document:
            with archive.open("word/document.xml", "w") as part:
                part.write(_BODY_START)
                for chunk in body:
                    part.write(chunk)
                part.write(_BODY_END)
        else:
            archive.writestr("word/notes.xml", _BODY_START + _BODY_END)
    return path


def _empty_paragraphs(total: int) -> Iterator[bytes]:
    chunk = b"<w:p/>" * (_MB // 6)
    for _ in range(total // len(chunk)):
        yield chunk


def _understate(path: Path, part: str, size: int) -> Path:
    """Rewrite the zip's record of a part's size, in its local header and in the directory,
    to a lie."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        local = archive.getinfo(part).header_offset
    struct.pack_into("<I", data, local + 22, size)
    (central,) = struct.unpack_from("<I", data, len(data) - 6)  # end of directory record
    name = part.encode()
    while data[central + 46 : central + 46 + len(name)] != name:
        central += 46 + sum(struct.unpack_from("<HHH", data, central + 28))
    struct.pack_into("<I", data, central + 24, size)
    path.write_bytes(bytes(data))
    return path


def _pdf(path: Path, pages: int, text: bool = True) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        if text:
            pdf.drawString(40, 800, f"Job Title: Finance Officer, page {page}")
        pdf.showPage()
    pdf.save()
    return path


def _pdf_bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to `inflated` bytes of spaces, compressed
    as it is built."""
    squeeze = zlib.compressobj(1)
    stream = b"".join(squeeze.compress(b" " * _MB) for _ in range(inflated // _MB))
    stream += squeeze.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return _write(path, bytes(out))


def _encrypted_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt="secret")
    pdf.drawString(40, 800, "Job Title: Policy Officer")
    pdf.save()
    return path


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _run(tmp_path: Path, hostile: Path, reason: str) -> Ran:
    """The CLI on the hostile file and a good neighbour: it survives, with this reason."""
    started = time.monotonic()
    ran = check_json(hostile, neighbour(tmp_path))
    assert_survived(ran, hostile.name)
    reasons = [e["reason"] for e in ran.errors_about(hostile.name)]
    assert any(reason in r for r in reasons), reasons
    assert time.monotonic() - started < 20
    return ran


# --- 1. too much text for the engine ---------------------------------------------------------


def test_a_record_whose_fields_together_overflow_the_engine(tmp_path: Path) -> None:
    """175 tasks of 99,000 characters: none over the per-value check, 17 MB together, which
    crashed durable-rules (exit 139) and lost every other record."""
    task = "word " * 19_800
    path = tmp_path / "long.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write("title: Finance Officer\ngrade: P04\nduties:\n")
        for _ in range(175):
            out.write(f"  - '{task}'\n")
    ran = _run(tmp_path, path, "worked out from them; the limit is 8,000,000")
    (error,) = ran.errors_about("long.yaml")
    assert error["line"] == 1


def test_a_17_mb_text_document(tmp_path: Path) -> None:
    line = "The post holder will manage the finance team and report to the director.\n"
    path = tmp_path / "long.txt"
    with path.open("w", encoding="utf-8") as out:
        out.write("Job Title: Finance Officer\nGrade: PO4\n\n")
        out.write(line * (17_000_000 // len(line)))
    _run(tmp_path, path, "characters of text; the limit is 8,000,000")


def test_the_text_bound_is_the_run_s(tmp_path: Path) -> None:
    """limits.record_characters, as set for the run, decides; reading is not attempted."""
    path = _write(tmp_path / "jd.txt", "Job Title: Finance Officer\nGrade: PO4\n" + "x " * 600)
    with use(Limits(record_characters=1_000)):
        (error,) = _read(path)
    assert isinstance(error, InputError)
    assert "1,238 characters of text; the limit is 1,000" in error.reason


# --- 2. dates that took the regexes quadratic time -------------------------------------------

_ADVERSARIAL = {
    "letters": "a" * 100_000,
    "digits": "1" * 100_000,
    "spaces inside": "1" + " " * 100_000 + "x",
    "slashes": "1/" * 50_000,
    "months": "May " * 25_000,
    "month then spaces": "May" + " " * 100_000 + "x",
    "day then letters": "1 " + "a" * 100_000,
    "words": ("a" * 999 + " ") * 100,
    "years": "2020 " * 20_000,
    "iso runs": "2020-" * 20_000,
    "ordinals": "1st " * 25_000,
    "month day": "May 1 " * 16_000,
}


@pytest.mark.parametrize("text", _ADVERSARIAL.values(), ids=_ADVERSARIAL.keys())
def test_reading_a_date_is_linear(text: str) -> None:
    started = time.monotonic()
    parse_partial_date(text)
    find_dates(text, bare_years=True)
    assert time.monotonic() - started < 2


def test_a_100_000_letter_date_last_updated(tmp_path: Path) -> None:
    path = _write(tmp_path / "date.yaml", f"title: Officer\ndate_last_updated: {'a' * 100_000}\n")
    _run(tmp_path, path, "not a date")


def test_dates_hidden_in_a_document_s_text(tmp_path: Path) -> None:
    text = (
        "Job Title: Finance Officer\n\nGrade: PO4\n\nDate last updated: "
        + "a" * 90_000
        + "\n\nThe post ends on "
        + "May " * 20_000
        + "\n\nIt started on "
        + "1/" * 40_000
        + "\n"
    )
    path = _write(tmp_path / "dates.txt", text)
    started = time.monotonic()
    (record,) = _read(path)
    assert time.monotonic() - started < 5
    assert isinstance(record, PostRecord) and record.date_last_updated is None


# --- 3. HTML nested deep ---------------------------------------------------------------------


def test_html_nested_10_000_deep(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 10_000 + "Job Title: Officer" + "</div>" * 10_000
    path = _write(tmp_path / "deep.html", page + "</body></html>")
    _run(tmp_path, path, "HTML nested 10,002 elements deep; the limit is 256")


def test_the_html_depth_is_the_run_s(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 10 + "<p>Job Title: Officer</p>" + "</div>" * 10
    path = _write(tmp_path / "page.html", page + "</body></html>")
    assert isinstance(_read(path)[0], PostRecord)
    with use(Limits(html_depth=8)):
        (error,) = _read(path)
    assert isinstance(error, InputError) and "the limit is 8" in error.reason


@pytest.mark.parametrize(
    ("name", "page"),
    [
        ("breaks.html", "<p>Job Title: Officer</p><p>" + "a<br>" * 40_000 + "</p>"),
        ("list.html", "<p>Job Title: Officer</p><ol>" + "<li>duty</li>" * 20_000 + "</ol>"),
        ("comment.html", "<p>Job Title: Officer</p><!-- " + "x " * 100_000),
        ("script.html", "<p>Job Title: Officer</p><script>" + "var a = 1;\n" * 20_000),
        ("entities.html", "<p>Job Title: Officer</p><p>" + "&" * 200_000 + "</p>"),
        ("brackets.html", "<p>Job Title: Officer</p><p>" + "<" * 200_000 + "</p>"),
    ],
)
def test_html_that_was_slow_to_read(tmp_path: Path, name: str, page: str) -> None:
    """Line breaks and list items each cost their siblings' number (minutes for these);
    an unclosed comment or script holds the rest of the page."""
    path = _write(tmp_path / name, f"<html><body>{page}</body></html>")
    started = time.monotonic()
    ran = check_json(path, neighbour(tmp_path))
    assert time.monotonic() - started < 15
    assert "good.yaml" in ran.found_in()
    assert ran.status in (0, 1, 2), ran.stderr[-2000:]


# --- 4. Word files that unpack to gigabytes --------------------------------------------------


def test_a_word_zip_bomb(tmp_path: Path) -> None:
    """120 MB of empty paragraphs in 0.5 MB: it is refused from the zip's directory."""
    path = _docx(tmp_path / "bomb.docx", _empty_paragraphs(120 * _MB))
    assert path.stat().st_size < 2 * _MB
    _run(tmp_path, path, "once decompressed; the limit is 100,000,000")


def test_a_word_zip_bomb_whose_directory_lies(tmp_path: Path) -> None:
    """The directory says 1,000 bytes: the bytes really read are counted, and do not match."""
    path = _docx(tmp_path / "liar.docx", _empty_paragraphs(120 * _MB))
    _understate(path, "word/document.xml", 1_000)
    _run(tmp_path, path, "damaged Word file")


def test_the_bytes_read_are_counted_not_only_the_directory(tmp_path: Path) -> None:
    """Past the directory's check, the bytes each part really gives are counted to the bound
    (zipfile stops a part at its stated size, so this is the second line of defence)."""
    from postcheck.record.documents import word
    from postcheck.record.documents.formats import DocumentError

    path = _docx(tmp_path / "paragraphs.docx", _empty_paragraphs(2 * _MB))
    with zipfile.ZipFile(path) as archive:
        word._count_bytes(archive, archive.infolist(), 3 * _MB)
        with pytest.raises(DocumentError, match="more than the limit of 1,048,576 bytes"):
            word._count_bytes(archive, archive.infolist(), _MB)
    with use(Limits(docx_bytes=_MB)):
        (error,) = _read(path)
    assert isinstance(error, InputError) and "the limit is 1,048,576" in error.reason


def test_a_word_file_of_too_many_parts(tmp_path: Path) -> None:
    path = _docx(tmp_path / "parts.docx", extra_parts=2_100)
    _run(tmp_path, path, "Word file of 2,103 parts; the limit is 2,000")


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("text.docx", lambda p: _write(p, "Job Title: Officer\n"), "not a Word document"),
        ("zip.docx", lambda p: _docx(p, document=False), "not a Word document"),
        ("cut.docx", lambda p: _write(p, _docx(p).read_bytes()[:300]), "not a Word document"),
        ("empty.docx", lambda p: _write(p, b""), "empty document"),
    ],
)
def test_word_files_that_are_not(
    tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str
) -> None:
    _run(tmp_path, make(tmp_path / name), reason)


def test_a_pdf_bomb(tmp_path: Path) -> None:
    """pdfminer inflates each stream whole in memory: 150 MB of content in 150 KB."""
    path = _pdf_bomb(tmp_path / "bomb.pdf", 150 * _MB)
    assert path.stat().st_size < _MB
    _run(tmp_path, path, "PDF whose streams decompress to more than the limit of 100,000,000")


def test_a_pdf_s_streams_are_counted_against_the_run_s_bound(tmp_path: Path) -> None:
    from postcheck.record.documents.pdf import check_streams

    path = _pdf_bomb(tmp_path / "page.pdf", 2 * _MB)
    with use(Limits(docx_bytes=_MB)):
        (error,) = _read(path)
    assert isinstance(error, InputError) and "more than the limit of 1,048,576" in error.reason
    check_streams(path.read_bytes())  # within the default bound


# --- 5. the time per document ----------------------------------------------------------------


def test_a_document_past_its_time_limit(tmp_path: Path) -> None:
    """The limit is the run's (limits.document_seconds); reading stops there, wherever it is.
    The same document reads whole under the default limit: the limit refused it, not its
    content. (How soon after the limit it stops is not timed here: no test asserts a time.)"""
    items = "".join(f"<li>Lead the team of officers number {n}.</li>" for n in range(2_000))
    path = _write(tmp_path / "slow.html", f"<html><body><h1>Finance Officer</h1><ul>{items}</ul>")
    with use(Limits(document_seconds=0.05)):
        (error,) = _read(path)
    assert isinstance(error, InputError)
    assert error.reason == "took longer than 0.05 seconds to read (the time limit)"
    (record,) = _read(path)
    assert isinstance(record, PostRecord) and record.title == "Finance Officer"


def test_the_time_limit_outside_the_main_thread(tmp_path: Path) -> None:
    """No alarm can be set in a thread: the reader's own steps keep the limit (each page)."""
    path = _pdf(tmp_path / "pages.pdf", 400)
    found: list[ReadOutcome] = []

    def read() -> None:
        with use(Limits(document_seconds=0.05)):
            found.extend(_read(path))

    thread = threading.Thread(target=read)
    started = time.monotonic()
    thread.start()
    thread.join()
    assert time.monotonic() - started < 2
    (error,) = found
    assert isinstance(error, InputError) and "took longer than 0.05 seconds" in error.reason


def test_the_time_limit_leaves_no_alarm_behind(tmp_path: Path) -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    path = _write(tmp_path / "jd.txt", "Job Title: Finance Officer\nGrade: PO4\n")
    assert isinstance(_read(path)[0], PostRecord)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_standard_input_is_under_the_time_limit_too() -> None:
    text = "# Finance Officer\n\n" + "".join(f"- duty {n}\n" for n in range(20_000))
    with use(Limits(document_seconds=0.05)):
        (error,) = list(read_text_document(text, "<stdin>", "markdown"))
    assert isinstance(error, InputError) and "took longer than" in error.reason


# --- 6. the document size limit is the run's ------------------------------------------------


def test_the_file_size_bound_is_the_run_s(tmp_path: Path) -> None:
    path = _write(tmp_path / "jd.txt", "Job Title: Finance Officer\nGrade: PO4\n" * 50)
    with use(Limits(file_bytes=1_000)):
        (error,) = _read(path)
    assert isinstance(error, InputError)
    assert error.reason == "too large to be a job description (1,900 bytes; the limit is 1,000)"


# --- 7. neighbouring cases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("fake.pdf", lambda p: _write(p, "%PDF-1.4\n" + "garbage " * 1000), "damaged PDF"),
        ("header.pdf", lambda p: _write(p, "%PDF-"), "damaged PDF"),
        ("prose.pdf", lambda p: _write(p, "Job Title: Officer\n"), "not a PDF"),
        (
            "truncated.pdf",
            lambda p: _write(p, _pdf(p, 1).read_bytes()[:700]),
            "damaged PDF",
        ),
        ("locked.pdf", _encrypted_pdf, "encrypted"),
        ("blank.pdf", lambda p: _pdf(p, 2_000, text=False), "no text layer"),
        ("nul.txt", lambda p: _write(p, b"Job Title: x\n" + b"\0" * 1_000), "binary data"),
        ("controls.txt", lambda p: _write(p, "Job Title: x\n" + "\x01" * 1_000), "binary data"),
        ("one-line.txt", lambda p: _write(p, "word " * 1_000_000), "a paragraph of 4,999,999"),
        ("quotes.md", lambda p: _write(p, ">" * 1_000_000 + " x\n"), "no job-description"),
        ("hashes.md", lambda p: _write(p, "#" * 200_000), "a paragraph of 200,000"),
        ("ticks.md", lambda p: _write(p, "`" * 1_000_000), "no job-description"),
        (
            "nested.md",
            lambda p: _write(p, "".join("  " * i + "- x\n" for i in range(2_000))),
            "no job-description",
        ),
        (
            "sentence.txt",
            lambda p: _write(p, "Job Title: Officer\n\n" + "The post holder will. " * 5_000),
            "a paragraph of 109,999 characters; no one value may be longer than 100,000",
        ),
    ],
)
def test_documents_that_cannot_be_read(
    tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str
) -> None:
    _run(tmp_path, make(tmp_path / name), reason)


def test_a_long_paragraph_is_placed(tmp_path: Path) -> None:
    path = _write(tmp_path / "jd.txt", "Job Title: Officer\n\n\n" + "word " * 30_000)
    (error,) = _read(path)
    assert isinstance(error, InputError) and error.line == 4


def test_a_long_wrapped_paragraph_is_read_in_linear_time(tmp_path: Path) -> None:
    """Each wrapped line joined into its block rebuilt the block's text: 200 KB took 16 s."""
    line = "The post holder will manage the finance team and report to the director of it\n"
    path = _write(tmp_path / "jd.txt", "Job Title: Finance Officer\n\n" + line * 1_200)
    started = time.monotonic()
    (record,) = _read(path)
    assert time.monotonic() - started < 3
    assert isinstance(record, PostRecord) and len(record.sentences) > 1


def _read(path: Path) -> list[ReadOutcome]:
    kind = {".txt": "text", ".md": "markdown", ".html": "html", ".docx": "docx", ".pdf": "pdf"}
    return list(read_document(path, kind[path.suffix]))
