"""Writes the corpus's Word and PDF documents, byte for byte the same on every run.

Word and PDF are binary, so their text lives here and the files are built from it: python-docx
for Word (real section headers and footers, tables, list-styled paragraphs), reportlab platypus
for PDF (flowing paragraphs that wrap as a typesetter wraps them, tables, running headers and
footers drawn on every page). Timestamps, document IDs and zip entry dates are fixed so that a
rebuild changes nothing unless the text here changed.

Run from the repository root:

    python tests/documents/corpus/build.py            # (re)write the documents
    python tests/documents/corpus/build.py --check    # exit 1 if any file is out of date
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.document import Document as WordDocument
from docx.shared import Pt
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

CORPUS = Path(__file__).resolve().parent
FIXED_TIME = dt.datetime(2026, 11, 1, 9, 0, 0)
ZIP_TIME = (2026, 11, 1, 9, 0, 0)
AUTHOR = "postcheck corpus"

Pairs = Sequence[tuple[str, str]]


# --- Word -----------------------------------------------------------------------------------


def _new_word(title: str) -> WordDocument:
    document = docx.Document()
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title
    props.subject = "Job description"
    props.comments = "Fictional job description written for the postcheck test corpus."
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    return document


def _save_word(document: WordDocument, path: Path) -> None:
    """Save with every zip entry dated FIXED_TIME (python-docx stamps entries with 'now')."""
    buffer = io.BytesIO()
    document.save(buffer)
    _write_fixed_zip(buffer.getvalue(), path)


def _write_fixed_zip(data: bytes, path: Path) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    path.write_bytes(out.getvalue())


def _label_table(document: WordDocument, rows: Pairs, colon: bool = False) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = f"{label}:" if colon else label
        cells[1].text = value


def _bold_paragraph(document: WordDocument, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def pa_labour_group_southmere(path: Path) -> None:
    """Running header with the council and grade, label table, List Number duties under
    sub-headings (Word numbers them; the numbers are not in the paragraph text)."""
    document = _new_word("Political Assistant to the Labour Group")
    section = document.sections[0]
    section.header.paragraphs[0].text = "London Borough of Southmere\tJob Description\tGrade PO2"
    section.footer.paragraphs[
        0
    ].text = "Political Assistant to the Labour Group - job description reviewed June 2026"
    document.add_heading("Job Description", level=1)
    _label_table(
        document,
        [
            ("Job title", "Political Assistant to the Labour Group"),
            ("Directorate", "Governance and Democracy"),
            ("Grade", "PO2"),
            ("Salary", "£41,511 - £44,298 per annum"),
            ("Post number", "SM-20312"),
            ("Reports to", "Head of Democratic and Electoral Services"),
            ("Contract", "Fixed term until the annual meeting of the Council in May 2027"),
        ],
    )
    document.add_heading("Purpose of the job", level=2)
    document.add_paragraph(
        "To provide research, policy and administrative support to the Labour Group on the "
        "London Borough of Southmere, helping its members to carry out their roles as "
        "councillors."
    )
    document.add_heading("Key tasks", level=2)
    for heading, tasks in (
        (
            "Research and briefing",
            (
                "Research policy questions and prepare briefings for Group members.",
                "Analyse reports to Cabinet and Council and advise on their implications "
                "for the Group.",
                "Monitor national policy and legislation affecting the borough.",
            ),
        ),
        (
            "Communications",
            (
                "Draft speeches, press releases and articles for the Group Leader.",
                "Keep the Group's web pages and social media channels current.",
                "Prepare the Group's newsletters to residents.",
            ),
        ),
        (
            "Meetings",
            (
                "Organise Group meetings, circulate papers and record decisions.",
                "Help members prepare for full Council, including motions and questions.",
                "Follow up actions agreed by the Group with officers.",
            ),
        ),
    ):
        document.add_heading(heading, level=3)
        for task in tasks:
            document.add_paragraph(task, style="List Number")
    document.add_heading("Terms of the post", level=2)
    for text in (
        "The post is established under section 9(1) of the Local Government and Housing "
        "Act 1989 and is politically restricted under section 2(1)(f) of that Act.",
        "The post holder will direct the work of the Group's secretarial support and will "
        "have no other line management responsibility.",
        "The post holder is expected to work at least three days a week in the office at the "
        "Civic Centre.",
    ):
        document.add_paragraph(text)
    document.add_heading("Person specification", level=2)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Criteria", "Essential", "Desirable"), strict=True):
        cell.text = text
    for row in (
        ("Grade", "PO2", ""),
        ("Knowledge", "How local government and political groups work", "London government"),
        ("Skills", "Clear, accurate writing at speed", "Design of leaflets"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    _save_word(document, path)


def ma_mayors_assistant_borchester(path: Path) -> None:
    """Four-column header table (label, value, label, value), List Bullet paragraphs, a
    footer naming the council."""
    document = _new_word("Mayor's Assistant")
    section = document.sections[0]
    section.header.paragraphs[0].text = "JOB DESCRIPTION AND PERSON SPECIFICATION"
    section.footer.paragraphs[0].text = "Borchester Borough Council - Mayor's Office"
    _bold_paragraph(document, "Borchester Borough Council")
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for row in (
        ("Job Title:", "Mayor's Assistant", "Grade:", "PO4"),
        ("Service:", "Mayor's Office", "Post Number:", "51044"),
        (
            "Reports to:",
            "Director of the Mayor's Office",
            "Salary:",
            "£48,200 - £49,100 per annum",
        ),
        (
            "Type of appointment:",
            "Fixed term until 31 May 2030",
            "Date last updated:",
            "9 June 2026",
        ),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.add_heading("Overall purpose of the job", level=2)
    document.add_paragraph(
        "To support the Mayor of Borchester with political advice, briefing and "
        "communications, so that the Mayor can deliver the programme on which the Mayor "
        "was elected."
    )
    document.add_heading("Job context", level=2)
    for text in (
        "This post is established under Regulation 3 of the Local Authorities (Elected Mayor "
        "and Mayor's Assistant) (England) Regulations 2002.",
        "The post holder holds a politically restricted post under regulation 3(6) of SI 2002/975.",
        "You will have no line management responsibility.",
        "You will be expected to be in the office at least 3 days a week.",
    ):
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Key tasks and accountabilities", level=2)
    for text in (
        "To advise the Mayor on the political handling of council business.",
        "To brief the Mayor before Cabinet, full Council and public meetings.",
        "To draft speeches, articles and press statements for the Mayor.",
        "To keep in regular contact with councillors on the Mayor's behalf.",
        "To plan the Mayor's political engagements and visits.",
        "To monitor progress on the Mayor's priorities and report on it.",
        "To research policy questions and set out options for the Mayor.",
        "To respect the separation between political work and the work of officers.",
    ):
        document.add_paragraph(text, style="List Number")
    document.add_heading("Person specification", level=2)
    for text in (
        "Political judgement and discretion.",
        "Excellent writing and briefing skills.",
        "Experience of working with senior politicians.",
    ):
        document.add_paragraph(text, style="List Bullet")
    _save_word(document, path)


def ord_senior_accountant_felpersham(path: Path) -> None:
    """Label table with colons, List Number duties, grade repeated in the person spec."""
    document = _new_word("Senior Accountant (Capital)")
    section = document.sections[0]
    section.footer.paragraphs[0].text = "Felpersham City Council – Job Description"
    document.add_heading("Felpersham City Council", level=1)
    document.add_heading("Senior Accountant (Capital)", level=2)
    _label_table(
        document,
        [
            ("Grade", "PO3"),
            ("Salary", "£44,711 - £47,754 per annum"),
            ("Post number", "FCC-FIN-118"),
            ("Responsible to", "Finance Manager (Capital)"),
            ("Contract", "Permanent"),
        ],
        colon=True,
    )
    document.add_heading("Main purpose", level=3)
    document.add_paragraph(
        "To account for the Council's capital programme and fixed assets and to advise "
        "budget holders on capital finance."
    )
    document.add_heading("Duties and responsibilities", level=3)
    for text in (
        "Prepare the capital accounts and working papers for the annual audit.",
        "Monitor capital spending each month and forecast the year-end position.",
        "Advise project managers on the capital or revenue treatment of spending.",
        "Maintain the fixed asset register and calculate depreciation.",
        "Prepare the capital sections of the budget and the capital strategy.",
        "Calculate the prudential indicators and the minimum revenue provision.",
        "Line manages 3 officers in the capital accounting team.",
        "Represent Finance on the Council's capital programme board.",
    ):
        document.add_paragraph(text, style="List Number")
    document.add_heading("Working arrangements", level=3)
    document.add_paragraph(
        "The Finance team works flexibly. The post holder will work a minimum of two days per "
        "week in the office."
    )
    document.add_heading("Person specification", level=3)
    document.add_paragraph("Grade: PO3")
    for text in (
        "CCAB or CIMA qualified accountant.",
        "Experience of capital accounting in local government.",
        "Good working knowledge of the CIPFA Code of Practice.",
    ):
        document.add_paragraph(text, style="List Bullet")
    _save_word(document, path)


def restricted_head_of_planning_ambridge(path: Path) -> None:
    """Bullets typed as characters in plain paragraphs; the grade in the running header too."""
    document = _new_word("Head of Planning and Building Control")
    section = document.sections[0]
    section.header.paragraphs[0].text = "London Borough of Ambridge | Grade SM2"
    section.footer.paragraphs[0].text = "Role profile - Place Directorate"
    document.add_paragraph().add_run("ROLE PROFILE").bold = True
    for line in (
        "Job title: Head of Planning and Building Control",
        "Directorate: Place",
        "Grade: SM2",
        "Salary: £72,000 - £78,000 per annum",
        "Post number: AMB-0417",
        "Reports to: Director of Place",
        "Contract: Permanent",
    ):
        document.add_paragraph(line)
    _bold_paragraph(document, "Purpose of the role")
    document.add_paragraph(
        "To lead the borough's planning and building control services, making sure decisions "
        "are sound, timely and lawful and that the Local Plan is delivered."
    )
    _bold_paragraph(document, "Key responsibilities")
    for text in (
        "Lead the development management, planning policy and building control teams.",
        "Manages up to 4 directly managed staff and a service of about 60 people.",
        "Advise the Planning Committee and the Cabinet Member on planning matters.",
        "Lead the review of the Local Plan through examination to adoption.",
        "Manage the service budget and planning fee income.",
        "Represent the Council at public inquiries and with government.",
        "Improve performance on the speed and quality of planning decisions.",
        "Make sure enforcement action is taken where it is needed.",
    ):
        document.add_paragraph(f"•\t{text}")
    _bold_paragraph(document, "Political restriction")
    document.add_paragraph(
        "This is a politically restricted post under section 2(1)(d) of the Local Government "
        "and Housing Act 1989, as a deputy chief officer."
    )
    _bold_paragraph(document, "Working arrangements")
    document.add_paragraph(
        "The post holder will be expected to work at least three days a week in the office."
    )
    _save_word(document, path)


def pa_independent_group_felpersham(path: Path) -> None:
    """Bold paragraphs for headings, a four-column header table; no restriction statement."""
    document = _new_word("Political Assistant (Independent Group)")
    _bold_paragraph(document, "Felpersham City Council")
    _bold_paragraph(document, "Job Description and Person Specification")
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for row in (
        ("Job Title:", "Political Assistant (Independent Group)", "Grade:", "SO1"),
        ("Directorate:", "Governance and Law", "Post No:", "FCC-GL-221"),
        ("Reports to:", "Monitoring Officer", "Salary:", "£33,366 - £35,235 per annum"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    _bold_paragraph(document, "Main Duties and Responsibilities:")
    for text in (
        "To provide research and briefing to members of the Independent Group.",
        "To draft press releases and correspondence on behalf of the Group.",
        "To organise Group meetings and keep notes of decisions.",
        "To help Group members prepare questions and motions for Council.",
        "To support members with casework from residents.",
        "To work constructively with officers across the Council.",
    ):
        document.add_paragraph(text, style="List Bullet")
    _bold_paragraph(document, "Other information")
    document.add_paragraph(
        "The post is created under Section 9 of the Local Government and Housing Act 1989. "
        "The appointment is for a fixed term ending at the annual meeting of the Council in "
        "May 2027. The post holder has no line management responsibility."
    )
    _save_word(document, path)


def ord_electoral_services_assistant_borsetshire(path: Path) -> None:
    """Numbers typed into the paragraph text, an hourly rate, and a Health and Safety duty
    that says nothing about office attendance."""
    document = _new_word("Electoral Services Assistant (Temporary)")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Borsetshire County Council"
    document.add_heading("Electoral Services Assistant (Temporary)", level=1)
    _label_table(
        document,
        [
            ("Grade", "Scale 3"),
            ("Pay", "£18.50 per hour"),
            ("Contract", "Temporary until 31 May 2027"),
            ("Reports to", "Electoral Services Manager"),
            ("Post number", "ELE-0058"),
        ],
    )
    document.add_heading("About the role", level=2)
    document.add_paragraph(
        "The Electoral Services team is recruiting extra help for the annual canvass and the "
        "county council elections in May 2027. The post has no line management "
        "responsibility. This role is office-based five days a week at County Hall."
    )
    document.add_heading("Duties", level=2)
    for number, text in enumerate(
        (
            "Process voter registration applications and update the electoral register.",
            "Answer enquiries from electors by phone, email and in person.",
            "Help prepare poll cards, postal votes and polling station equipment.",
            "Check nomination papers with the Electoral Services Manager.",
            "Help train polling station staff.",
            "Ensure compliance with Health and Safety regulations in the workplace.",
        ),
        start=1,
    ):
        document.add_paragraph(f"{number}. {text}")
    document.add_heading("Person specification", level=2)
    for text in ("Accurate data entry.", "Good customer service.", "Able to work evenings."):
        document.add_paragraph(text, style="List Bullet")
    _save_word(document, path)


def pa_labour_group_borsetshire(path: Path) -> None:
    """A running footer, a label table, and a restriction paragraph that wrongly offers an
    exemption."""
    document = _new_word("Political Assistant to the Labour Group")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Borsetshire County Council"
    section.footer.paragraphs[0].text = "Democratic Services | Job description | Version 2"
    document.add_heading("Political Assistant to the Labour Group", level=1)
    _label_table(
        document,
        [
            ("Grade", "PO1"),
            ("Salary", "£38,626 - £41,511 per annum"),
            ("Post number", "23201"),
            ("Reports to", "Leader of the Labour Group"),
            ("Contract", "Fixed term until the annual meeting of the Council in May 2028"),
        ],
        colon=True,
    )
    document.add_heading("Main duties", level=2)
    for text in (
        "Research and brief Labour Group members on Council business.",
        "Prepare the Group for full Council and committee meetings.",
        "Draft press releases, speeches and articles.",
        "Organise Group meetings and keep the Group's records.",
        "Support members with residents' casework.",
        "Manage the Group's social media accounts.",
        "Maintain good working relationships with officers.",
    ):
        document.add_paragraph(text, style="List Number")
    document.add_heading("Statutory position", level=2)
    document.add_paragraph(
        "This post is established under section 9 of the Local Government and Housing Act "
        "1989. It is politically restricted under section 2(1)(f) of the Local Government and "
        "Housing Act 1989. The post holder may apply to the Head of Paid Service for exemption "
        "from the political restriction."
    )
    document.add_heading("Working arrangements", level=2)
    document.add_paragraph(
        "There is no line management responsibility. The post holder will be expected to work "
        "from County Hall at least two days a week."
    )
    _save_word(document, path)


# --- PDF ------------------------------------------------------------------------------------

# Embedded TrueType fonts (Bitstream Vera, shipped with reportlab) carry a Unicode map, as the
# fonts in a PDF exported from Word do; the 14 standard fonts give "(cid:127)" for a bullet.
pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("Body", parent=STYLES["BodyText"], fontName="Vera", fontSize=9)
BOLD = ParagraphStyle("Bold", parent=BODY, fontName="VeraBd")
H1 = ParagraphStyle("H1", parent=STYLES["Heading1"], fontName="VeraBd", fontSize=15)
H2 = ParagraphStyle("H2", parent=STYLES["Heading2"], fontName="VeraBd", fontSize=11)
SMALL = ParagraphStyle("Small", parent=BODY, fontSize=8, textColor=colors.grey)
RIGHT = ParagraphStyle("Right", parent=BOLD, alignment=TA_RIGHT, fontSize=11)

PageCallback = Callable[[Canvas, SimpleDocTemplate], None]


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _bullets(items: Sequence[str], kind: str = "bullet") -> ListFlowable:
    """A reportlab list; kind 'bullet' draws "•", '1' numbers the items."""
    flowables = [ListItem(_p(item), leftIndent=20) for item in items]
    if kind == "bullet":
        return ListFlowable(
            flowables, bulletType="bullet", start="•", leftIndent=20, bulletFontName="Vera"
        )
    return ListFlowable(
        flowables, bulletType="1", leftIndent=20, bulletFormat="%s.", bulletFontName="Vera"
    )


def _two_column_header(left: Pairs, right: Pairs) -> Table:
    """Header fields side by side in two label/value columns, as designed PDFs set them."""
    rows = [
        [_p(a, BOLD), _p(b), _p(c, BOLD), _p(d)] for (a, b), (c, d) in zip(left, right, strict=True)
    ]
    table = Table(rows, colWidths=[34 * mm, 58 * mm, 22 * mm, 56 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    return table


def _label_rows(rows: Pairs) -> Table:
    table = Table([[_p(a, BOLD), _p(b)] for a, b in rows], colWidths=[45 * mm, 125 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _build_pdf(
    path: Path,
    title: str,
    story: list[Flowable],
    on_page: PageCallback | None = None,
) -> None:
    """Flow the story onto A4 pages; invariant=1 fixes the creation date and document ID."""
    kwargs: dict[str, PageCallback] = {}
    if on_page is not None:
        kwargs = {"onFirstPage": on_page, "onLaterPages": on_page}
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        title=title,
        author=AUTHOR,
        creator=AUTHOR,
        producer=AUTHOR,
        subject="Job description",
        invariant=1,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=25 * mm,
        bottomMargin=22 * mm,
    )
    document.build(story, **kwargs)


def pa_libdem_group_felpersham(path: Path) -> None:
    """Two-column header table, numbered duties, the restriction in a wrapped paragraph."""
    story: list[Flowable] = [
        _p("Felpersham City Council", H1),
        _p("ROLE PROFILE", H2),
        _two_column_header(
            [
                ("Job title:", "Political Adviser to the Liberal Democrat Group"),
                ("Directorate:", "Governance and Law"),
                ("Responsible to:", "Leader of the Liberal Democrat Group"),
                ("Post no:", "FCC-GL-230"),
            ],
            [
                ("Grade:", "SO2"),
                ("Salary:", "£36,124 - £38,626 per annum"),
                ("Hours:", "37 per week"),
                ("Term:", "Fixed term to 31 May 2027"),
            ],
        ),
        Spacer(1, 6 * mm),
        _p("Main purpose of the role", H2),
        _p(
            "To provide political research, policy advice and administrative support to the "
            "Liberal Democrat Group on Felpersham City Council."
        ),
        _p("Principal accountabilities", H2),
        _bullets(
            [
                "To research and brief Group members on issues coming before the Council.",
                "To draft press releases, newsletters and social media content for the Group.",
                "To prepare the Group's motions, amendments and questions for Council.",
                "To service Group meetings and keep the Group's records.",
                "To help members follow up residents' casework with officers.",
                "To work constructively with officers while respecting their impartiality.",
            ],
            kind="1",
        ),
        _p("Special conditions", H2),
        _p(
            "This post is established under section 9 of the Local Government and Housing Act "
            "1989 and is politically restricted under section 2(1)(f) of the Local Government "
            "and Housing Act 1989. The post holder has no line management responsibility and "
            "is expected to attend the office at the Guildhall at least three days a week."
        ),
    ]
    _build_pdf(path, "Political Adviser to the Liberal Democrat Group", story)


def _walford_page(canvas: Canvas, document: SimpleDocTemplate) -> None:
    """Running header and footer drawn on every page."""
    canvas.saveState()
    width, height = A4
    canvas.setFont("VeraBd", 9)
    canvas.drawString(20 * mm, height - 14 * mm, "London Borough of Walford")
    canvas.setFont("Vera", 9)
    canvas.drawRightString(width - 20 * mm, height - 14 * mm, "The Mayor's Office")
    canvas.line(20 * mm, height - 16 * mm, width - 20 * mm, height - 16 * mm)
    canvas.drawString(20 * mm, 12 * mm, "Mayor's Assistant - job description")
    canvas.drawRightString(width - 20 * mm, 12 * mm, f"Page {document.page}")
    canvas.restoreState()


def ma_mayors_assistant_walford(path: Path) -> None:
    """Several pages with a running header and footer; the duties run over a page break."""
    duties = [
        "To give the Mayor comprehensive political advice and support in the Mayor's role as "
        "directly elected Mayor.",
        "To work with the Mayor's Chief of Staff to plan the Mayor's time around the Mayor's "
        "political priorities.",
        "To make sure the Council's forward plan reflects the political issues and "
        "opportunities that matter to the Mayor.",
        "To prepare the Mayor for Cabinet, full Council and scrutiny, and for meetings with "
        "partners, so that the Mayor is fully briefed in good time.",
        "To find and develop opportunities to advance the Mayor's priorities with partners in "
        "the borough, across London and nationally.",
        "To lead on the political content of the Mayor's campaigns and communications.",
        "To prepare newsletters and press releases for the Mayor and support the handling of "
        "media enquiries.",
        "To support regular communication between the Mayor and all councillors, including "
        "liaising with the Labour Group Officers and attending Group meetings where needed.",
        "To carry out special projects and high-quality research, presenting conclusions "
        "clearly to support decision making.",
        "To support the Mayor at political meetings and engagements, preparing agendas and "
        "papers and following up actions.",
        "To identify the best platforms for the Mayor to represent the interests of Walford "
        "and manage the arrangements for doing so.",
        "To observe at all times the boundary between the Mayor's political work and the work "
        "of council officers.",
    ]
    story: list[Flowable] = [
        _p("JOB DESCRIPTION", H1),
        _label_rows(
            [
                ("Job Title:", "Mayor's Assistant"),
                ("Service Area:", "The Mayor's Office"),
                ("Grade:", "PO4"),
                ("Salary:", "£46,000 - £48,500 per annum"),
                ("Post Number:", "WAL20001"),
                ("Type of appointment:", "Fixed term, for the duration of the Mayor's term"),
            ]
        ),
        Spacer(1, 5 * mm),
        _p("Overall purpose of the job", H2),
        _p(
            "To provide proactive, efficient and trusted political support to the Mayor, "
            "helping the Mayor to carry out the Mayor's responsibilities to the Council and to "
            "deliver the Mayor's manifesto with partners. To support good working relations "
            "between the Mayor, councillors and council officers."
        ),
        _p("Job context", H2),
        _bullets(
            [
                "You will report to the Mayor's Chief of Staff.",
                "You will supervise clerical support in the Mayor's Office; you will not "
                "manage any other staff.",
                "You will be expected to work at least three days a week in the office at "
                "Walford Town Hall, and to work some evenings and weekends.",
                "This post is established under Regulation 3 of the Local Authorities "
                "(Elected Mayor and Mayor's Assistant) (England) Regulations 2002, and the "
                "post holder holds a politically restricted post under regulation 3(6) of "
                "the Local Authorities (Elected Mayor and Mayor's Assistant) (England) "
                "Regulations 2002.",
            ]
        ),
        _p("Key tasks and accountabilities", H2),
        _p(
            "Key tasks are a guide to the range and level of work expected of the post "
            "holder; they are not a complete list."
        ),
        _bullets(duties[:6], kind="1"),
        PageBreak(),
        ListFlowable(
            [ListItem(_p(d), leftIndent=20) for d in duties[6:]],
            bulletType="1",
            start=7,
            leftIndent=20,
            bulletFormat="%s.",
            bulletFontName="Vera",
        ),
        _p("Person specification", H2),
        _label_rows([("Grade:", "PO4")]),
        _bullets(
            [
                "High levels of political awareness and sound judgement.",
                "Excellent writing, including speeches and briefings.",
                "Ability to manage competing priorities with little supervision.",
            ]
        ),
    ]
    _build_pdf(path, "Mayor's Assistant", story, on_page=_walford_page)


def ord_highways_inspector_borsetshire(path: Path) -> None:
    """Flowing paragraphs and bullets; the Health and Safety duty is no attendance statement."""
    story: list[Flowable] = [
        _p("Borsetshire County Council", RIGHT),
        _p("Highways Inspector", H1),
        _label_rows(
            [
                ("Grade:", "Grade 9"),
                ("Salary:", "£31,364 - £33,024 per annum"),
                ("Post number:", "HWY-5520"),
                ("Line manager:", "Highways Area Manager"),
                ("Contract:", "Permanent"),
            ]
        ),
        Spacer(1, 4 * mm),
        _p("Purpose of the job", H2),
        _p(
            "To inspect the county's roads, pavements and rights of way, so that defects are "
            "found and repaired before they cause harm, and to deal with the public's reports "
            "of problems on the highway network across the southern area of the county."
        ),
        _p("Main duties", H2),
        _bullets(
            [
                "Carry out programmed safety inspections of roads and footways.",
                "Record defects and order repairs from the term contractor.",
                "Investigate reports of defects from the public and councillors.",
                "Inspect streetworks by utility companies and take action on poor work.",
                "Gather evidence for the defence of insurance claims.",
                "Respond to emergencies such as floods and fallen trees, on a rota.",
                "Keep accurate records on the highways asset management system.",
                "Ensure compliance with Health and Safety regulations in the workplace and on "
                "the highway.",
            ]
        ),
        _p("Other information", H2),
        _p(
            "The post holder has no line management responsibility. The post is based at the "
            "Felpersham depot and involves driving across the area every day; a full driving "
            "licence is essential."
        ),
    ]
    _build_pdf(path, "Highways Inspector", story)


def restricted_senior_press_officer_felpersham(path: Path) -> None:
    """Header in a label table, a pro rata salary, two citations in one sentence."""
    story: list[Flowable] = [
        _p("Felpersham City Council", H1),
        _p("Senior Press Officer", H2),
        _label_rows(
            [
                ("Grade:", "PO2"),
                ("Salary:", "£40,000 pro rata (30 hours a week)"),
                ("Contract:", "Fixed-term contract until 31 March 2027"),
                ("Reports to:", "Head of Communications"),
                ("Post number:", "FCC-COM-044"),
            ]
        ),
        Spacer(1, 4 * mm),
        _p("About the role", H2),
        _p(
            "You will lead the Council's day-to-day media relations, answering journalists' "
            "questions, issuing statements and preparing councillors and officers for "
            "interviews. The role has no line management responsibility."
        ),
        _p("Key responsibilities", H2),
        _bullets(
            [
                "Handle media enquiries and issue the Council's statements.",
                "Write press releases and features about council services.",
                "Brief spokespeople before interviews.",
                "Plan media coverage for major announcements.",
                "Monitor news and social media and alert senior managers to issues.",
                "Take part in the out-of-hours media rota.",
                "Follow the Code of Recommended Practice on Local Authority Publicity.",
            ]
        ),
        _p("Political restriction", H2),
        _p(
            "This post is politically restricted under section 2(1)(g) and section 2(3) of "
            "the Local Government and Housing Act 1989, because the post holder speaks to "
            "journalists on behalf of the Council."
        ),
        _p("Working arrangements", H2),
        _p("This is a hybrid role, with three days a week in the office at the Civic Centre."),
    ]
    _build_pdf(path, "Senior Press Officer", story)


def pa_civic_independents_borchester(path: Path) -> None:
    """Header rows as a table, a grade typed with a zero, a fixed term that has ended."""
    story: list[Flowable] = [
        _p("Borchester Borough Council", RIGHT),
        _p("Job Description", H1),
        _two_column_header(
            [
                ("Job Title:", "Political Assistant to the Civic Independents Group"),
                ("Service Area:", "Democratic Services"),
                ("Reports to:", "Head of Democratic Services"),
                ("Post Number:", "40109"),
            ],
            [
                ("Grade:", "P03"),
                ("Salary:", "£44,600 - £47,900 per annum"),
                ("Hours:", "36 per week"),
                ("Updated:", "10 January 2026"),
            ],
        ),
        Spacer(1, 4 * mm),
        _p("Appointment", H2),
        _p(
            "The appointment is for a fixed term until the annual meeting of the Council in "
            "May 2026. The post is established under section 9 of the Local Government and "
            "Housing Act 1989 and is politically restricted under section 2(1)(f) of the Local "
            "Government and Housing Act 1989."
        ),
        _p(
            "The post holder has no line management responsibility and is expected to work "
            "from the Town Hall at least two days a week."
        ),
        _p("Key tasks", H2),
        _bullets(
            [
                "Brief Civic Independents Group members on Council business.",
                "Research policy issues and prepare written briefings.",
                "Draft press releases, speeches and newsletters.",
                "Organise Group meetings and record decisions.",
                "Prepare motions and questions for full Council.",
                "Support members with residents' casework.",
                "Work constructively with council officers.",
            ],
            kind="1",
        ),
        _p("Person specification", H2),
        _label_rows([("Grade:", "P03")]),
    ]
    _build_pdf(path, "Political Assistant to the Civic Independents Group", story)


def ord_street_cleansing_team_leader_southmere(path: Path) -> None:
    """Job description then a person specification table over two pages."""
    criteria = [
        ("Experience", "Leading a team of operatives in a front-line service", "Waste services"),
        ("Skills", "Planning work rotas; clear record keeping", "Use of in-cab technology"),
        ("Knowledge", "Safe systems of work for street cleansing", "Environmental law"),
        ("Other", "Full driving licence; able to start early", "LGV licence"),
    ]
    table = Table(
        [[_p("Criteria", BOLD), _p("Essential", BOLD), _p("Desirable", BOLD)]]
        + [[_p(a), _p(b), _p(c)] for a, b, c in criteria],
        colWidths=[30 * mm, 80 * mm, 60 * mm],
    )
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
    story: list[Flowable] = [
        _p("London Borough of Southmere", H1),
        _p("Team Leader, Street Cleansing", H2),
        _label_rows(
            [
                ("Grade:", "SO1"),
                ("Salary:", "£33,366 - £35,235 per annum"),
                ("Post number:", "SM-31870"),
                ("Accountable to:", "Street Cleansing Manager"),
                ("Contract:", "Permanent"),
            ]
        ),
        _p("Purpose", H2),
        _p(
            "To lead a street cleansing crew so that the borough's streets, parks paths and "
            "town centres are clean and safe, and residents' reports are dealt with quickly."
        ),
        _p("Scope", H2),
        _p("Manages up to 12 operatives on early and late shifts."),
        _p("Main duties", H2),
        _bullets(
            [
                "Plan the crew's daily routes and allocate work.",
                "Check the quality of cleansing and put problems right.",
                "Respond to fly-tipping and graffiti reports within target times.",
                "Carry out toolbox talks and make sure safe systems of work are followed.",
                "Manage attendance, training and performance of the crew.",
                "Keep vehicle and equipment checks up to date.",
                "Record work completed on the service's mobile system.",
                "Deal with residents' and councillors' enquiries on site.",
                "Cover for the Street Cleansing Manager when needed.",
            ]
        ),
        PageBreak(),
        _p("Person specification", H2),
        table,
    ]
    _build_pdf(path, "Team Leader, Street Cleansing", story)


def pa_progress_group_borchester(path: Path) -> None:
    """Duty numbers typed into the text, with one repeated; a job description not reviewed
    for more than two years."""
    duties = [
        (1, "To brief Progress Group members on Council business."),
        (2, "To research policy issues and draft briefing notes."),
        (3, "To organise Group meetings and keep the Group's records."),
        (3, "To draft press releases and articles for the Group Leader."),
        (4, "To support members with casework and follow it up with officers."),
    ]
    story: list[Flowable] = [
        _p("Borchester Borough Council", H1),
        _label_rows(
            [
                ("Job title:", "Political Assistant to the Progress Group"),
                ("Grade:", "PO2"),
                ("Salary:", "£41,600 - £44,400 per annum"),
                ("Post number:", "40101"),
                ("Reports to:", "Chief Executive"),
                ("Contract:", "Fixed term until the annual meeting of the Council in May 2027"),
                ("Date last updated:", "14 March 2023"),
            ]
        ),
        _p("Main duties", H2),
        *[_p(f"{n}. {text}") for n, text in duties],
        _p("Statutory position", H2),
        _p(
            "This post is established under section 9 of the Local Government and Housing Act "
            "1989 and is politically restricted under section 2(1)(f) of the Local Government "
            "and Housing Act 1989."
        ),
        _p("Working arrangements", H2),
        _p(
            "No line management responsibility. The post holder will be expected to work from "
            "the Town Hall at least two days a week."
        ),
    ]
    _build_pdf(path, "Political Assistant to the Progress Group", story)


BUILDERS: dict[str, Callable[[Path], None]] = {
    "pa-labour-group-southmere.docx": pa_labour_group_southmere,
    "ma-mayors-assistant-borchester.docx": ma_mayors_assistant_borchester,
    "ord-senior-accountant-felpersham.docx": ord_senior_accountant_felpersham,
    "restricted-head-of-planning-ambridge.docx": restricted_head_of_planning_ambridge,
    "pa-independent-group-felpersham.docx": pa_independent_group_felpersham,
    "ord-electoral-services-assistant-borsetshire.docx": (
        ord_electoral_services_assistant_borsetshire
    ),
    "pa-labour-group-borsetshire.docx": pa_labour_group_borsetshire,
    "pa-libdem-group-felpersham.pdf": pa_libdem_group_felpersham,
    "ma-mayors-assistant-walford.pdf": ma_mayors_assistant_walford,
    "ord-highways-inspector-borsetshire.pdf": ord_highways_inspector_borsetshire,
    "restricted-senior-press-officer-felpersham.pdf": restricted_senior_press_officer_felpersham,
    "pa-civic-independents-borchester.pdf": pa_civic_independents_borchester,
    "ord-street-cleansing-team-leader-southmere.pdf": ord_street_cleansing_team_leader_southmere,
    "pa-progress-group-borchester.pdf": pa_progress_group_borchester,
}


def build(folder: Path, check: bool = False) -> list[str]:
    """Write every document into folder; with check, write nothing and return the names of
    the documents whose bytes differ from a fresh build."""
    stale = []
    for name, builder in BUILDERS.items():
        target = folder / name
        if check:
            scratch = folder / f".{name}.check"
            try:
                builder(scratch)
                if not target.exists() or target.read_bytes() != scratch.read_bytes():
                    stale.append(name)
            finally:
                scratch.unlink(missing_ok=True)
        else:
            builder(target)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report out-of-date files only")
    parser.add_argument("--out", type=Path, default=CORPUS, help="folder to write into")
    args = parser.parse_args(argv)
    stale = build(args.out, check=args.check)
    if args.check:
        for name in stale:
            print(f"out of date: {name}")
        return 1 if stale else 0
    print(f"wrote {len(BUILDERS)} documents to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
