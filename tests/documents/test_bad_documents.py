"""Documents that cannot be read give one clear input error each, and the run goes on; text in
legacy encodings is read."""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from postcheck.record.documents import MAX_DOCUMENT_BYTES
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from tests.documents import samples
from tests.documents.conftest import read_error, read_one

_TEXT = "Job Title: Officer\n"
SMART = "Job Title: Mayor’s Assistant\nGrade: PO4\nThe post holder’s hours are “flexible”.\n"


def _encrypted_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt="secret")
    pdf.drawString(40, 800, "Job Title: Policy Officer")
    pdf.save()
    return path


def _image_only_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(40, 400, 300, 300, fill=1)  # a scan: marks on the page, no text layer
    pdf.showPage()
    pdf.save()
    return path


def _garbage(path: Path) -> Path:
    return samples.write(path, random.Random(7).randbytes(4096))


def _huge(path: Path) -> Path:
    with path.open("wb") as handle:  # sparse: 50 MB long without writing 50 MB
        handle.truncate(50 * 1024 * 1024)
    return path


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("empty.txt", lambda p: samples.write(p, ""), "empty document"),
        ("blank.md", lambda p: samples.write(p, "\n  \n\t\n"), "empty document"),
        ("garbage.txt", _garbage, "binary data"),
        ("not-a-zip.docx", lambda p: samples.write(p, _TEXT), "not a Word document"),
        ("locked.pdf", _encrypted_pdf, "encrypted"),
        ("scan.pdf", _image_only_pdf, "no text layer"),
        ("not-really.pdf", lambda p: samples.write(p, _TEXT), "not a PDF"),
        ("huge.txt", _huge, "too large"),
        ("shopping.txt", lambda p: samples.write(p, "eggs\nmilk\n"), "no job-description content"),
    ],
)
def test_bad_document_gives_a_clear_input_error(
    tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path / name)
    error = read_error(path)
    assert error.file == str(path)
    assert reason in error.reason


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = _huge(tmp_path / "huge.pdf")
    assert os.path.getsize(path) > MAX_DOCUMENT_BYTES
    assert f"{MAX_DOCUMENT_BYTES:,}" in read_error(path).reason


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "cp1252"])
def test_encodings_read_with_smart_quotes(tmp_path: Path, encoding: str) -> None:
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + SMART.encode("utf-16-le")
    else:
        data = SMART.encode(encoding)
    record = read_one(samples.write(tmp_path / "jd.txt", data))
    assert record.title == "Mayor’s Assistant"
    assert [g.code for g in record.grade] == ["PO4"]


def test_a_folder_of_mixed_files_reads_on_past_the_bad_ones(tmp_path: Path) -> None:
    samples.write(tmp_path / "a-empty.txt", "")
    _garbage(tmp_path / "b-garbage.txt")
    samples.write(tmp_path / "c-not-a-zip.docx", "PK but not really")
    _encrypted_pdf(tmp_path / "d-locked.pdf")
    samples.write_docx(tmp_path / "e-good.docx")
    samples.write(tmp_path / "f-good.html", samples.html_page())
    found = list(iter_outcomes([str(tmp_path)]))
    assert [type(o).__name__ for o in found] == ["InputError"] * 4 + ["PostRecord"] * 2
    assert all(isinstance(o, InputError) and o.reason for o in found[:4])
    assert all(isinstance(o, PostRecord) and o.title for o in found[4:])
