"""Job descriptions laid out unlike the Newham seeds: a county council's labelled header with a
letterhead, a PDF whose header is two columns, a careers page with a definition list, a Word
document with bold paragraphs for headings, Markdown with bold labels."""

from __future__ import annotations

from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from postcheck.record.model import AppointmentType, EndEvent, LineManagementScope
from tests.documents import samples
from tests.documents.conftest import read_one

COUNTY = "\n".join(
    [
        "Borsetshire County Council",
        "",
        "Job Description",
        "",
        "Post title: Research and Support Officer (Conservative Group)",
        "Directorate: Chief Executive's",
        "Service: Democratic Services",
        "Grade: Grade 9",
        "Salary: £40,221 - £43,421 per annum",
        "Contract: Permanent",
        "Hours: 37 hours per week",
        "Reports to: Head of Democratic Services",
        "Post number: BCC-10234",
        "Location: County Hall, Borchester",
        "",
        "Job purpose:",
        "To provide research, administrative and political support to the Conservative Group "
        "on the County Council.",
        "",
        "Key responsibilities:",
        "• To research and brief Group members on policy issues and Council business.",
        "• To draft correspondence, press releases and speeches for the Group Leader.",
        "• To organise Group meetings, prepare agendas and keep records.",
        "• To undertake any other duties commensurate with the grade of the post.",
        "",
        "Working arrangements",
        "This is a hybrid role: you will be expected to work from County Hall at least two days "
        "a week.",
        "The post holder will have no line management responsibilities.",
        "This post is established under section 9 of the Local Government and Housing Act 1989 "
        "and is politically restricted.",
        "",
        "Person specification",
        "Essential criteria:",
        "• Knowledge of local government.",
        "• Excellent written communication skills.",
        "",
        "Date of last review: January 2026",
        "",
    ]
)

CITY_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">
<title>Political Assistant | Careers | Barchester City Council</title></head>
<body>
<header><nav><a href="/">Home</a> &gt; <a href="/jobs">Jobs</a></nav></header>
<main>
<h1>Political Assistant – Labour Group</h1>
<dl class="job-details">
  <dt>Post title</dt><dd>Political Assistant to the Labour Group</dd>
  <dt>Reference</dt><dd>BCC/2026/118</dd>
  <dt>Salary</dt><dd>£35,235 – £38,223 per annum</dd>
  <dt>Grade</dt><dd>PO1</dd>
  <dt>Contract type</dt><dd>Fixed term until the annual meeting of the Council in May 2027</dd>
  <dt>Hours</dt><dd>Full time, 36 hours per week</dd>
  <dt>Responsible to</dt><dd>Leader of the Labour Group</dd>
  <dt>Closing date</dt><dd>12 June 2026</dd>
</dl>
<h2>About the role</h2>
<p>Barchester City Council is looking for a Political Assistant to support the Labour Group.
This post is established under section 9 of the Local Government and Housing Act 1989.</p>
<h2>What you'll do</h2>
<ul>
  <li>Provide research and policy briefings to Group members</li>
  <li>Draft speeches, press releases and newsletters</li>
  <li>Organise Group meetings and keep accurate records</li>
</ul>
<h2>About you</h2>
<ul>
  <li>A good understanding of local government</li>
  <li>Excellent written and verbal communication skills</li>
</ul>
<h3>Working arrangements</h3>
<p>We operate a hybrid working model; you will be expected to work from the Guildhall
a minimum of 2 days per week.</p>
<p>This is a politically restricted post.</p>
</main>
<footer><p>© Barchester City Council</p></footer>
</body></html>
"""

MARKDOWN = """\
# Eastshire County Council

## Job description

**Post title:** Political Assistant – Liberal Democrat Group
**Grade:** PO2
**Salary:** £40,221 - £43,421 per annum
**Contract:** Fixed term, ending on the date of the annual meeting of the Council in May 2027
**Reports to:** Leader of the Liberal Democrat Group

Main duties:

* Research and brief members of the Group on Council business.
* Draft press releases and speeches.
* Support the Group Whip in organising Group business.

Working arrangements:

* You will be expected to attend County Hall at least 3 days per week.
* The post holder will not have any line management responsibilities.

Person specification

| Criteria | Essential |
|---|---|
| Grade | PO2 |
"""


def test_county_council_labelled_header(tmp_path: Path) -> None:
    record = read_one(samples.write(tmp_path / "county.txt", COUNTY))
    assert record.authority == "Borsetshire County Council"  # the letterhead line
    assert record.title == "Research and Support Officer (Conservative Group)"
    assert record.directorate == "Chief Executive's"
    assert record.service_area == "Democratic Services"
    assert record.post_number == "BCC-10234"
    assert record.reports_to == "Head of Democratic Services"
    assert record.salary is not None
    assert (record.salary.minimum, record.salary.maximum) == (40221, 43421)
    assert record.appointment.type == AppointmentType.PERMANENT
    assert [(g.as_written, g.place) for g in record.grade] == [("Grade 9", "header")]
    assert record.political_restriction is not None
    # "established under section 9 of the ... Act 1989 and is politically restricted"
    assert record.political_restriction.stated is True
    assert record.office_attendance is not None
    assert record.office_attendance.min_days_per_week == 2
    assert record.line_management is not None
    assert record.line_management.scope == LineManagementScope.NONE
    assert len(record.duties) == 4
    assert record.duties[0].as_written.startswith("To research and brief")
    assert record.provenance.line == 5  # the post title


def _two_column_pdf(path: Path) -> Path:
    """Header fields in two columns, as a designed PDF sets them; a sentence wrapped in two."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(40, y, "Wyvern District Council")
    pdf.drawString(40, y - 18, "ROLE PROFILE")
    y -= 42
    left = (
        ("Job title:", "Group Support Officer (Independent Group)"),
        ("Department:", "Legal and Democratic Services"),
        ("Responsible to:", "Democratic Services Manager"),
        ("Post no:", "WDC 0457"),
    )
    right = (
        ("Grade:", "Band 6"),
        ("Salary:", "£32,076 to £34,834"),
        ("Hours:", "22.5 per week"),
        ("Term:", "Fixed term to 31 May 2027"),
    )
    for (label, value), (label2, value2) in zip(left, right, strict=True):
        pdf.setFont("Helvetica-Bold", 9)
        pdf.drawString(40, y, label)
        pdf.drawString(320, y, label2)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(120, y, value)
        pdf.drawString(380, y, value2)
        y -= 14
    body = (
        "Main purpose of the role",
        "To provide political research and administrative support to the Independent Group.",
        "Principal accountabilities",
        "1. To research and brief Group members on issues coming before the Council.",
        "2. To draft press releases, newsletters and social media content for the Group.",
        "3. To service Group meetings and keep the Group's records.",
        "Special conditions",
        "The post holder will be based at the Civic Offices and is expected to attend the office",
        "at least three days a week.",
        "This post is politically restricted under section 2(1)(f) of the Local Government and "
        "Housing Act 1989.",
        "Person specification",
        "Grade: Band 6",
    )
    for line in body:
        y -= 14
        pdf.drawString(40, y, line)
    pdf.showPage()
    pdf.save()
    return path


def test_pdf_with_a_two_column_header(tmp_path: Path) -> None:
    record = read_one(_two_column_pdf(tmp_path / "district.pdf"))
    assert record.authority == "Wyvern District Council"
    assert record.title == "Group Support Officer (Independent Group)"  # "ROLE PROFILE" is no title
    assert record.political_group == "Independent Group"
    assert record.directorate == "Legal and Democratic Services"
    assert record.reports_to == "Democratic Services Manager"
    assert record.post_number == "WDC 0457"
    assert [(g.code, g.place) for g in record.grade] == [
        ("BAND6", "header"),
        ("BAND6", "person specification"),
    ]
    assert record.salary is not None
    assert (record.salary.minimum, record.salary.maximum) == (32076, 34834)
    assert record.appointment.type == AppointmentType.FIXED_TERM
    assert record.appointment.end_date is not None
    assert record.appointment.end_date.year == 2027
    assert [d.as_written[:20] for d in record.duties] == [
        "To research and brie",
        "To draft press relea",
        "To service Group mee",
    ]
    assert record.office_attendance is not None
    (statement,) = record.office_attendance.statements
    assert statement.as_written.startswith("The post holder will be based")  # wrapped line joined
    assert statement.days_per_week == 3
    assert (statement.page, statement.line) == (1, 14)
    assert record.provenance.line == 3


def test_careers_page_with_a_definition_list(tmp_path: Path) -> None:
    record = read_one(samples.write(tmp_path / "jd.html", CITY_PAGE))
    assert record.title == "Political Assistant to the Labour Group"
    assert record.post_number is None  # a vacancy reference is no post number
    # "Barchester City Council is looking for a ...": the text names its employer
    assert record.authority == "Barchester City Council"
    assert [(g.code, g.place) for g in record.grade] == [("PO1", "header")]
    assert record.salary is not None
    assert (record.salary.minimum, record.salary.maximum) == (35235, 38223)
    assert record.appointment.type == AppointmentType.FIXED_TERM
    assert record.appointment.end_event == EndEvent.ANNUAL_MEETING
    assert record.reports_to == "Leader of the Labour Group"
    assert [b.provision for b in record.statutory_basis] == ["s.9"]
    assert record.political_restriction is not None
    assert record.political_restriction.stated is True
    assert [d.as_written for d in record.duties] == [
        "Provide research and policy briefings to Group members",
        "Draft speeches, press releases and newsletters",
        "Organise Group meetings and keep accurate records",
    ]  # not the "About you" bullets
    assert record.provenance.line == record.provenance.fields["title"].line


def test_word_document_with_bold_paragraphs_for_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("Royal Borough of Avonford").bold = True
    document.add_paragraph().add_run("Job Description and Person Specification").bold = True
    table = document.add_table(rows=0, cols=4)
    for row in (
        ("Job Title:", "Political Assistant (Green Group)", "Grade:", "SO1"),
        ("Directorate:", "Governance and Law", "Post No:", "AV1022"),
        ("Reports to:", "Monitoring Officer", "Hours:", "18.5"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_paragraph().add_run("Main Duties and Responsibilities:").bold = True
    for duty in (
        "To provide research and briefing to members of the Green Group.",
        "To draft press releases and correspondence on behalf of the Group.",
    ):
        document.add_paragraph(duty, style="List Bullet")
    document.add_paragraph().add_run("Other information").bold = True
    document.add_paragraph("The post is politically restricted.", style="List Bullet")
    document.save(str(tmp_path / "jd.docx"))
    record = read_one(tmp_path / "jd.docx")
    assert record.authority == "Royal Borough of Avonford"
    assert record.title == "Political Assistant (Green Group)"
    assert record.political_group == "Green Group"
    assert record.post_number == "AV1022"
    # the document's title names the person specification; the header grade is still the header's
    assert [(g.code, g.place) for g in record.grade] == [("SO1", "header")]
    assert len(record.duties) == 2
    assert record.political_restriction is not None
    assert record.political_restriction.stated is True


def test_markdown_with_bold_labels_and_colon_headings(tmp_path: Path) -> None:
    record = read_one(samples.write(tmp_path / "jd.md", MARKDOWN))
    assert record.authority == "Eastshire County Council"
    assert record.title == "Political Assistant – Liberal Democrat Group"
    assert record.political_group == "Liberal Democrat Group"
    assert [(g.code, g.place) for g in record.grade] == [
        ("PO2", "header"),
        ("PO2", "person specification"),
    ]
    assert record.appointment.end_event == EndEvent.ANNUAL_MEETING
    assert record.reports_to == "Leader of the Liberal Democrat Group"
    assert [d.as_written[:8] for d in record.duties] == ["Research", "Draft pr", "Support "]
    assert record.office_attendance is not None
    assert record.office_attendance.min_days_per_week == 3
    assert record.line_management is not None
    assert record.line_management.scope == LineManagementScope.NONE


def test_a_council_named_in_the_body_is_no_letterhead(tmp_path: Path) -> None:
    text = "Job title: Policy Officer\n\nAbout us\n\nFull Council\nBorsetshire County Council\n"
    assert read_one(samples.write(tmp_path / "jd.txt", text)).authority is None
