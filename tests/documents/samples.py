"""A job description of our own, written out in each format postcheck reads.

The layout and wording differ from the Newham seeds on purpose: other labels ("Post title",
"Grading", "Reporting to"), header as a two-column table, the statutory basis and the
restriction in one sentence, salary and a fixed term ending at the annual meeting.
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HEADER = (
    ("Post title", "Political Assistant to the Liberal Democrat Group"),
    ("Department", "Governance"),
    ("Service", "Member Support"),
    ("Post ref", "PA-0042"),
    ("JE ref", "JE 1234"),
    ("Grading", "SO2"),
    ("Salary", "£38,220 - £41,418 per annum"),
    ("Reporting to", "Head of Governance"),
    ("Contract", "Fixed term until the annual meeting of the Council in May 2027."),
    ("Last reviewed", "7th March 2026"),
)
PURPOSE = "To provide research and administrative support to the Liberal Democrat Group."
DUTIES = (
    (1, "To brief Group members on Council business."),
    (2, "To draft speeches, articles and press releases for the Group."),
    (3, "To organise Group meetings and take notes."),
    (3, "To keep the Group's records in good order."),
    (4, "To liaise with officers on behalf of the Group Leader."),
)
TERMS = (
    "The post holder will supervise clerical and secretarial support staff.",
    "The post holder is expected to attend the office a minimum of three days per week.",
    "This post is established under Section 9(1) of the LGHA 1989 and is politically "
    "restricted under s.2(1)(f) of the 1989 Act.",
    "Appointment is subject to the terms of employment with Borsetshire County Council.",
)
PS_GRADE = ("Grade", "SO2")


def text(sep: str = "\t") -> str:
    """Word-pasted text: label/value pairs side by side, tab-separated, no colons."""
    pairs = [f"{label}: {value}" for label, value in HEADER]
    rows = [sep.join(pairs[i : i + 2]) for i in range(0, len(pairs), 2)]
    lines = ["JOB PROFILE", "", *rows, "", "Purpose of the Role", PURPOSE, "", "Main Duties", ""]
    lines += [f"{n}. {duty}" for n, duty in DUTIES]
    lines += ["", "Working Arrangements", "", *TERMS, "", "Person Specification", ""]
    lines += [f"{PS_GRADE[0]}: {PS_GRADE[1]}"]
    return "\n".join(lines) + "\n"


def markdown() -> str:
    table = ["| Item | Detail |", "|---|---|", *(f"| {k} | {v} |" for k, v in HEADER)]
    return "\n".join(
        [
            "# Job profile",
            "",
            *table,
            "",
            "## Purpose of the role",
            "",
            PURPOSE,
            "",
            "## Main duties",
            "",
            *(f"{n}. {duty}" for n, duty in DUTIES),
            "",
            "## Working arrangements",
            "",
            *(f"- {t}" for t in TERMS),
            "",
            "## Person specification",
            "",
            f"**{PS_GRADE[0]}:** {PS_GRADE[1]}",
            "",
        ]
    )


def html_page() -> str:
    e = html.escape
    rows = "\n".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in HEADER)
    items = []
    expected = 1
    for n, duty in DUTIES:
        value = f' value="{n}"' if n != expected else ""
        items.append(f"<li{value}>{e(duty)}</li>")
        expected = n + 1
    return "\n".join(
        [
            "<!DOCTYPE html>",
            "<html><head><title>Job profile</title></head><body>",
            "<h1>Job profile</h1>",
            f"<table>\n{rows}\n</table>",
            "<h2>Purpose of the role</h2>",
            f"<p>{e(PURPOSE)}</p>",
            "<h2>Main duties</h2>",
            "<ol>",
            *items,
            "</ol>",
            "<h2>Working arrangements</h2>",
            *(f"<p>{e(t)}</p>" for t in TERMS),
            "<h2>Person specification</h2>",
            f"<dl><dt>{PS_GRADE[0]}</dt><dd>{PS_GRADE[1]}</dd></dl>",
            "</body></html>",
            "",
        ]
    )


def write_docx(path: Path) -> Path:
    """Header as a two-column table (label | value, no colons), headings in Word styles."""
    document = docx.Document()
    document.add_heading("Job profile", level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in HEADER:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading("Purpose of the role", level=2)
    document.add_paragraph(PURPOSE)
    document.add_heading("Main duties", level=2)
    for n, duty in DUTIES:
        document.add_paragraph(f"{n}. {duty}")
    document.add_heading("Working arrangements", level=2)
    for term in TERMS:
        document.add_paragraph(term)
    document.add_heading("Person specification", level=2)
    document.add_paragraph(f"{PS_GRADE[0]}: {PS_GRADE[1]}")
    document.save(str(path))
    return path


def write_pdf(path: Path, lines_per_page: int = 14) -> Path:
    """Text lines over several pages; header pairs run together on one line, as PDF text does."""
    lines = text(sep="    ").splitlines()
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for start in range(0, len(lines), lines_per_page):
        y = 800
        for line in lines[start : start + lines_per_page]:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(40, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return path


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
