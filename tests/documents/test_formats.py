"""Our own job description, in every format, reads to the same record; each format places values
the way its readers find them (line, Word paragraph, PDF page)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml

from postcheck.record.documents import read_text_document, sniff
from postcheck.record.model import AppointmentType, EndEvent, LineManagementScope, PostRecord
from tests.documents import samples
from tests.documents.conftest import read_one

WRITERS: dict[str, Callable[[Path], Path]] = {
    "jd.txt": lambda p: samples.write(p, samples.text()),
    "jd.md": lambda p: samples.write(p, samples.markdown()),
    "jd.html": lambda p: samples.write(p, samples.html_page()),
    "jd.docx": samples.write_docx,
    "jd.pdf": samples.write_pdf,
}


@pytest.fixture(params=sorted(WRITERS))
def sample(request: pytest.FixtureRequest, tmp_path: Path) -> PostRecord:
    name: str = request.param
    return read_one(WRITERS[name](tmp_path / name))


def test_header_fields_under_other_labels(sample: PostRecord) -> None:
    assert sample.title == "Political Assistant to the Liberal Democrat Group"
    assert sample.directorate == "Governance"
    assert sample.service_area == "Member Support"
    assert sample.post_number == "PA-0042"
    assert sample.evaluation_number == "JE 1234"
    assert sample.reports_to == "Head of Governance"
    assert sample.date_last_updated is not None
    assert sample.date_last_updated.earliest == date(2026, 3, 7)


def test_grade_in_header_and_person_specification(sample: PostRecord) -> None:
    assert [(g.code, g.place) for g in sample.grade] == [
        ("SO2", "header"),
        ("SO2", "person specification"),
    ]


def test_salary_range(sample: PostRecord) -> None:
    assert sample.salary is not None
    assert (sample.salary.minimum, sample.salary.maximum) == (38220, 41418)
    assert sample.salary.as_written == "£38,220 - £41,418"


def test_fixed_term_to_the_annual_meeting(sample: PostRecord) -> None:
    appointment = sample.appointment
    assert appointment.type is AppointmentType.FIXED_TERM
    assert appointment.end_event is EndEvent.ANNUAL_MEETING
    assert appointment.end_date is not None
    assert (appointment.end_date.year, appointment.end_date.month) == (2027, 5)
    assert appointment.end_date.precision == "month"


def test_basis_and_restriction_in_one_sentence(sample: PostRecord) -> None:
    basis = [(c.instrument, c.provision) for c in sample.statutory_basis]
    assert basis == [("LGHA 1989", "s.9(1)")]
    restriction = sample.political_restriction
    assert restriction.stated is True
    assert [(c.instrument, c.provision) for c in restriction.citations] == [
        ("LGHA 1989", "s.2(1)(f)")
    ]
    assert restriction.citations[0].line == sample.statutory_basis[0].line


def test_terms_in_prose(sample: PostRecord) -> None:
    assert sample.office_attendance.min_days_per_week == 3  # "three days", in words
    assert sample.line_management is not None
    assert sample.line_management.scope is LineManagementScope.CLERICAL
    assert sample.political_group == "Liberal Democrat Group"
    assert sample.authority == "Borsetshire County Council"


def test_duties_with_a_repeated_number(sample: PostRecord) -> None:
    assert [[i.number for i in nl.items] for nl in sample.numbered_lists] == [[1, 2, 3, 3, 4]]
    assert sample.numbered_lists[0].heading is not None
    assert sample.numbered_lists[0].heading.lower() == "main duties"
    assert [d.as_written for d in sample.duties] == [text for _, text in samples.DUTIES]
    assert not sample.text_remnants


def test_every_value_is_placed(sample: PostRecord) -> None:
    for name in ("title", "post_number", "reports_to", "salary", "appointment", "political_group"):
        assert sample.provenance.fields[name].line is not None, name
    mentions = [
        *sample.grade,
        *sample.statutory_basis,
        *sample.duties,
        *sample.office_attendance.statements,
    ]
    assert all(m.line is not None for m in mentions)


def test_docx_places_values_by_paragraph_and_table_row(tmp_path: Path) -> None:
    record = read_one(samples.write_docx(tmp_path / "jd.docx"))
    title = record.provenance.fields["title"]
    grade = record.provenance.fields["post_number"]
    # Heading is paragraph 1, then each table row holds a label and a value paragraph.
    assert (title.line, title.paragraph) == (2, 3)
    assert (grade.line, grade.paragraph) == (5, 9)
    assert all(d.paragraph is not None for d in record.duties)


def test_pdf_places_values_by_page_and_line(tmp_path: Path) -> None:
    record = read_one(samples.write_pdf(tmp_path / "jd.pdf", lines_per_page=14))
    assert [(g.page, g.line) for g in record.grade] == [(1, 4), (3, 1)]
    assert record.provenance.fields["title"].page == 1


def test_docx_automatic_list_numbers_are_counted(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Job title: Policy Officer")
    document.add_heading("Key responsibilities", level=2)
    for task in ("To research policy.", "To draft briefings.", "To attend meetings."):
        document.add_paragraph(task, style="List Number")
    document.add_paragraph("Keeps records.", style="List Bullet")
    document.save(str(tmp_path / "auto.docx"))
    record = read_one(tmp_path / "auto.docx")
    assert [[i.number for i in nl.items] for nl in record.numbered_lists] == [[1, 2, 3]]
    assert [d.as_written for d in record.duties] == [
        "To research policy.",
        "To draft briefings.",
        "To attend meetings.",
    ]


def test_html_ordered_list_start_and_definition_list(tmp_path: Path) -> None:
    page = (
        "<html><body><dl><dt>Job title</dt><dd>Scrutiny Officer</dd>"
        "<dt>Grade</dt><dd>PO 2</dd></dl><h2>Duties</h2>"
        '<ol start="4"><li><p>To support scrutiny.</p></li><li>To write reports.</li></ol>'
        "</body></html>"
    )
    record = read_one(samples.write(tmp_path / "page.htm", page))
    assert record.title == "Scrutiny Officer"
    assert [g.code for g in record.grade] == ["PO2"]
    assert [[i.number for i in nl.items] for nl in record.numbered_lists] == [[4, 5]]
    assert [d.as_written for d in record.duties] == ["To support scrutiny.", "To write reports."]


def test_markdown_emphasis_and_bullets(tmp_path: Path) -> None:
    text = (
        "# Job description\n\n**Job title:** Mayor's Assistant  \n**Grade:** PO4\n\n"
        "## Main duties\n\n- To advise the Mayor.\n- To manage the diary.\n"
    )
    record = read_one(samples.write(tmp_path / "jd.md", text))
    assert record.title == "Mayor's Assistant"
    assert [(g.code, g.line) for g in record.grade] == [("PO4", 4)]
    assert [d.as_written for d in record.duties] == ["To advise the Mayor.", "To manage the diary."]
    assert record.numbered_lists == []


@pytest.mark.parametrize(
    ("name", "writer", "kind"),
    [
        ("really-a-pdf.txt", samples.write_pdf, "pdf"),
        ("really-a-docx.bin", samples.write_docx, "docx"),
        ("really-html.txt", lambda p: samples.write(p, samples.html_page()), "html"),
    ],
)
def test_content_decides_when_the_extension_lies(
    tmp_path: Path, name: str, writer: Callable[[Path], Path], kind: str
) -> None:
    path = writer(tmp_path / name)
    assert sniff(path.read_bytes()[:4096]) == kind
    assert read_one(path, "text").title == "Political Assistant to the Liberal Democrat Group"


def test_plain_text_is_not_claimed_by_sniffing() -> None:
    assert sniff(b"title: Officer\ngrade: PO3\n") is None
    assert sniff(b"Job Title: Officer\tGrade: PO3\n") is None


def test_text_from_stdin() -> None:
    (record,) = read_text_document(samples.markdown(), "<stdin>", "markdown")
    assert isinstance(record, PostRecord)
    assert record.provenance.file == "<stdin>"
    assert record.title == "Political Assistant to the Liberal Democrat Group"
    (error,) = read_text_document("x", "<stdin>", "docx")
    assert not isinstance(error, PostRecord) and "docx" in error.reason


def test_pdf_numbered_items_carry_their_page(tmp_path: Path) -> None:
    record = read_one(samples.write_pdf(tmp_path / "jd.pdf", lines_per_page=14))
    items = record.numbered_lists[0].items
    assert [(i.number, i.page) for i in items] == [(1, 1), (2, 2), (3, 2), (3, 2), (4, 2)]
    placed = record.provenance.fields["numbered_lists"]
    assert (items[3].page, items[3].line) == (placed.page, placed.line)


def test_round_trip_through_yaml(sample: PostRecord) -> None:
    dumped = sample.model_dump(mode="json", exclude_none=True, exclude={"provenance"})
    again = PostRecord.model_validate(yaml.safe_load(yaml.safe_dump(dumped, allow_unicode=True)))
    assert again.model_dump(exclude={"provenance"}) == sample.model_dump(exclude={"provenance"})
