"""Duties under the headings councils write, in any case and with or without a colon, in each
format; and the line a record starts on, for findings on what a document does not state."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from postcheck.record.documents import read_text_document
from postcheck.record.model import AppointmentType, PostRecord
from postcheck.violations import line_of
from tests.documents import samples
from tests.documents.conftest import SEEDS, read_one

DUTIES = (
    "To research and brief Group members on Council business.",
    "To draft speeches, articles and press releases.",
    "To organise Group meetings and keep records.",
)
AFTER = "The post holder will attend the office at least two days a week."
HEADINGS = (
    "Main duties",
    "Key responsibilities:",
    "Main Duties and Responsibilities",
    "Duties and responsibilities:",
    "Key Accountabilities",
    "Principal accountabilities",
    "What you will do",
    "What you’ll do",
    "MAIN DUTIES",
    "Duties",
    "main duties:",
    "Key responsibilities include:",
)


def _text(heading: str) -> str:
    """Pasted text: header lines, the heading alone on its line, bullets; the next section in
    sentence case with a bullet of its own that is no duty."""
    return "\n".join(
        [
            "Job title: Policy Officer",
            "Grade: PO2",
            "",
            "Job purpose",
            "To support the Group.",
            "",
            heading,
            "",
            *(f"• {duty}" for duty in DUTIES),
            "",
            "Working arrangements:",
            f"• {AFTER}",
            "",
        ]
    )


def _numbered_text(heading: str) -> str:
    """Numbered items straight under the heading, no blank line."""
    return "\n".join(
        [
            "JOB DESCRIPTION",
            "Post title: Policy Officer",
            heading,
            *(f"{n}. {duty}" for n, duty in enumerate(DUTIES, start=1)),
            "Person specification",
            "1. Knowledge of local government.",
            "",
        ]
    )


def _markdown(heading: str) -> str:
    """A bold paragraph, not a Markdown heading, over '*' bullets."""
    return "\n".join(
        [
            "**Job title:** Policy Officer  ",
            "**Grade:** PO2",
            "",
            f"**{heading}**",
            "",
            *(f"* {duty}" for duty in DUTIES),
            "",
            "**Working arrangements**",
            "",
            f"* {AFTER}",
            "",
        ]
    )


def _html(heading: str) -> str:
    """A CMS page: the heading as a strong paragraph over an unordered list."""
    e = html.escape
    return "\n".join(
        [
            "<!DOCTYPE html><html><body>",
            "<p><strong>Job title:</strong> Policy Officer</p>",
            f"<p><strong>{e(heading)}</strong></p>",
            "<ul>",
            *(f"  <li>{e(duty)}</li>" for duty in DUTIES),
            "</ul>",
            "<p><b>Working arrangements</b></p>",
            f"<ul><li>{e(AFTER)}</li></ul>",
            "</body></html>",
        ]
    )


def _docx(path: Path, heading: str) -> Path:
    """Word: the heading a bold Normal paragraph (no heading style), duties in List Bullet."""
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Job Title", "Policy Officer"
    document.add_paragraph().add_run(heading).bold = True
    for duty in DUTIES:
        document.add_paragraph(duty, style="List Bullet")
    document.add_paragraph().add_run("Working arrangements").bold = True
    document.add_paragraph(AFTER, style="List Bullet")
    document.save(str(path))
    return path


LAYOUTS: dict[str, Callable[[Path, str], Path]] = {
    "text": lambda p, h: samples.write(p / "jd.txt", _text(h)),
    "numbered text": lambda p, h: samples.write(p / "jd.txt", _numbered_text(h)),
    "markdown": lambda p, h: samples.write(p / "jd.md", _markdown(h)),
    "html": lambda p, h: samples.write(p / "jd.html", _html(h)),
    "docx": lambda p, h: _docx(p / "jd.docx", h),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("heading", HEADINGS)
def test_duties_under_the_headings_councils_write(
    tmp_path: Path, layout: str, heading: str
) -> None:
    record = read_one(LAYOUTS[layout](tmp_path, heading))
    assert [d.as_written for d in record.duties] == list(DUTIES)
    assert all(d.line is not None for d in record.duties)


def _read(text: str, kind: str = "text") -> PostRecord:
    (record,) = read_text_document(text, "jd.txt", kind)
    assert isinstance(record, PostRecord), record
    return record


@pytest.mark.parametrize(
    "line",
    [
        "The main duties of the post are set out below.",
        "To undertake all responsibilities listed below:",
        "Other information",
        "Key relationships:",
    ],
)
def test_a_line_that_names_no_duties_heading_gives_no_duties(line: str) -> None:
    """Unknown stays unknown: bullets under prose or another section are not the duties."""
    record = _read(
        f"Job title: Policy Officer\n\nAbout the role\n\n{line}\n- To attend meetings.\n"
    )
    assert record.duties == []


def test_duties_end_at_a_sentence_case_section() -> None:
    record = _read(_text("Key responsibilities:"))
    assert AFTER not in [d.as_written for d in record.duties]


# --- the line a record starts on ------------------------------------------------------------


def test_record_starts_at_the_job_title_line() -> None:
    record = _read("\n\nJOB DESCRIPTION\n\nGrade: PO3\nJob Title: Policy Officer\n")
    assert record.provenance.line == 6
    assert line_of(record, "appointment") == 6  # stated nowhere: the finding points at the post


def test_record_without_a_title_starts_at_its_first_line_with_text() -> None:
    record = _read("\n\n  \nGrade: PO3\nThe post holder will manage no staff.\n")
    assert record.title is None
    assert record.provenance.line == 4


def test_seed_records_start_at_the_job_title() -> None:
    seed = SEEDS / "newham-independents-group-political-assistant.txt"
    record = read_one(seed)
    lines = seed.read_text(encoding="utf-8").splitlines()
    assert record.provenance.line is not None
    assert lines[record.provenance.line - 1].startswith("Job Title")
    assert record.appointment.type == AppointmentType.NOT_STATED
    assert record.appointment.line is None
    assert line_of(record, "appointment") == record.provenance.line


@pytest.mark.parametrize("name", ["jd.md", "jd.html", "jd.docx", "jd.pdf"])
def test_record_start_in_each_format(tmp_path: Path, name: str) -> None:
    writers: dict[str, Callable[[Path], Path]] = {
        "jd.md": lambda p: samples.write(p, samples.markdown()),
        "jd.html": lambda p: samples.write(p, samples.html_page()),
        "jd.docx": samples.write_docx,
        "jd.pdf": samples.write_pdf,
    }
    record = read_one(writers[name](tmp_path / name))
    assert record.provenance.line is not None
    assert record.provenance.line == record.provenance.fields["title"].line
