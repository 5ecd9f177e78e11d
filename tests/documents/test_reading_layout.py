"""The reading layer: wrapped lines joined back into blocks, PDF words placed by position, Word
page headers, footers and text boxes, and sentences that keep citations whole.

Each test builds its input here (fold, textwrap, reportlab, python-docx) and states what a
careful reader sees in it; none compares the reader with itself.
"""

from __future__ import annotations

import io
import subprocess
import textwrap
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from postcheck.cli import main
from postcheck.record.documents.blocks import build
from postcheck.record.documents.pdf import pdf_lines
from postcheck.record.documents.plaintext import text_lines
from postcheck.record.documents.sentences import split_sentences
from postcheck.record.documents.unwrap import wrap_width
from postcheck.record.documents.word import docx_lines
from tests.documents.conftest import SEEDS, read_one

MAYORS = SEEDS / "newham-mayors-assistant.txt"
BASIS = (
    "This post is established under Regulation 3 of the Local Authorities (Elected Mayor and "
    "Mayor's Assistant) (England) Regulations 2002 and the statutory rules applicable to such "
    "posts."
)


def blocks_of(text: str) -> list[str]:
    return [block.text for block in build(text_lines(text)).blocks]


def fold(text: str, width: int) -> str:
    done = subprocess.run(
        ["fold", "-s", "-w", str(width)], input=text, capture_output=True, text=True, check=True
    )
    return done.stdout


# --- plain text ----------------------------------------------------------------------------


def test_the_folded_seed_gives_the_seeds_findings_and_exit_1(tmp_path: Path) -> None:
    """The issue's headline: `fold -s -w 78` of the mayor's-assistant seed is judged as the seed."""
    folded = tmp_path / "folded.txt"
    folded.write_text(fold(MAYORS.read_text(encoding="utf-8"), 78), encoding="utf-8")
    runner = CliRunner()
    args = ["check", "--format", "json", "--as-of", "2026-11-23"]
    original = runner.invoke(main, [*args, str(MAYORS)])
    wrapped = runner.invoke(main, [*args, str(folded)])
    assert wrapped.exit_code == original.exit_code == 1

    def rules(output: str) -> set[str]:
        import json

        return {v["rule_id"] for v in json.loads(output)["violations"]}

    assert rules(wrapped.output) == rules(original.output)
    assert {"fixed-term-ended", "mayors-assistant-restriction-citation"} <= rules(wrapped.output)


@pytest.mark.parametrize("width", [40, 60, 78, 100])
def test_the_width_a_text_is_wrapped_at_is_found(width: int) -> None:
    lines = fold(MAYORS.read_text(encoding="utf-8"), width).splitlines()
    found = wrap_width([len(line) for line in lines if "\t" not in line])
    assert found is not None and width - 2 <= found <= width


def test_a_text_whose_lines_are_its_paragraphs_has_no_wrap_width() -> None:
    lines = MAYORS.read_text(encoding="utf-8").splitlines()
    assert wrap_width([len(line) for line in lines if "\t" not in line]) is None


def test_a_citation_wrapped_over_three_lines_is_one_block() -> None:
    prose = "\n\n".join(["Job Context", BASIS, "Person Specification", "Grade: PO4"] * 3)
    wrapped = "\n".join(
        "\n".join(textwrap.wrap(paragraph, 40)) if len(paragraph) > 40 else paragraph
        for paragraph in prose.split("\n")
    )
    assert BASIS in blocks_of(wrapped)
    assert "Person Specification" in blocks_of(wrapped)  # a heading is not run on


def test_bullets_numbers_and_labels_start_blocks_however_the_text_is_wrapped() -> None:
    text = textwrap.dedent(
        """\
        Key duties include the following, which are set out here at some length so the
        - research policy questions for members and prepare briefings on Council
          business
        1. To draft speeches and press releases for the Group Leader and the Chief
           Whip.
        Grade: PO3
        """
    )
    assert blocks_of(text) == [
        "Key duties include the following, which are set out here at some length so the",
        "- research policy questions for members and prepare briefings on Council business",
        "1. To draft speeches and press releases for the Group Leader and the Chief Whip.",
        "Grade: PO3",
    ]


def test_a_dash_inside_a_wrapped_sentence_is_not_a_bullet() -> None:
    text = (
        "All staff are expected to support others to operate to\n"
        "– and to model – the highest ethical standards of public service.\n"
    )
    assert len(blocks_of(text)) == 1


def test_a_word_hyphenated_at_a_line_break_is_joined_whole() -> None:
    text = "The appointment is for a fixed-\nterm ending at the annual meeting.\n"
    assert blocks_of(text) == ["The appointment is for a fixed-term ending at the annual meeting."]


def test_a_short_heading_after_a_blank_line_is_not_joined_to_its_text() -> None:
    paragraph = textwrap.fill(BASIS + " " + BASIS, 70)
    text = f"Statutory basis\n{paragraph}\n\nWorking arrangements\n{paragraph}\n"
    assert blocks_of(text)[0] == "Statutory basis"


def test_columns_set_with_spaces_are_cells() -> None:
    layout = build(text_lines("Grade: SO2    Salary: £38,220 - £41,418 per annum\n"))
    assert [block.text for block in layout.blocks] == [
        "Grade: SO2",
        "Salary: £38,220 - £41,418 per annum",
    ]
    assert layout.blocks[0].row == layout.blocks[1].row


def test_a_table_row_wrapped_at_a_tab_stays_one_row() -> None:
    lines = ["Job Title\tPolitical Assistant to the Labour Group\t", "Service Area\tDemocratic"]
    prose = textwrap.fill(BASIS * 3, 60)  # the rest of the text is wrapped at 60 columns
    layout = build(text_lines("\n".join([prose, "", *lines])))
    row = layout.blocks[1:]
    assert [b.text for b in row][:4] == [
        "Job Title",
        "Political Assistant to the Labour Group",
        "Service Area",
        "Democratic",
    ]
    assert len({b.row for b in row}) == 1


# --- sentences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "It is restricted under s. 2(1)(f) of the Act. The post holder reports to Cllr. Smith.",
            [
                "It is restricted under s. 2(1)(f) of the Act.",
                "The post holder reports to Cllr. Smith.",
            ],
        ),
        (
            "See reg. 3(6) and para. 4 of the Schedule. No. 7 applies.",
            ["See reg. 3(6) and para. 4 of the Schedule.", "No. 7 applies."],
        ),
        ("Duties e.g. briefing members. Next.", ["Duties e.g. briefing members.", "Next."]),
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


# --- PDF -----------------------------------------------------------------------------------


def _flowing_pdf(path: Path, paragraphs: list[str], running: str | None = None) -> Path:
    """A normally wrapped PDF: reportlab flows each paragraph over the page width."""
    styles = getSampleStyleSheet()
    story = [Paragraph(text, styles["BodyText"]) for text in paragraphs]

    def header(canvas: object, document: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        canvas.drawString(72, A4[1] - 30, running or "")  # type: ignore[attr-defined]
        canvas.drawString(A4[0] / 2, 20, f"Page {canvas.getPageNumber()}")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    template.build(story, onFirstPage=header, onLaterPages=header)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_normally_wrapped_pdf_paragraph_is_one_block(tmp_path: Path) -> None:
    path = _flowing_pdf(tmp_path / "jd.pdf", ["Job title: Mayor's Assistant", BASIS])
    texts = [block.text for block in build(pdf_lines(path.read_bytes())).blocks]
    assert BASIS in texts


def test_a_pdf_running_header_is_read_once_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    filler = [f"Duty {n}: " + "To brief Group members on Council business. " * 8 for n in range(40)]
    path = _flowing_pdf(tmp_path / "jd.pdf", filler, running="Borsetshire County Council | PO4")
    lines = pdf_lines(path.read_bytes())
    running = [line for line in lines if line.cells[0].place.region == "page header"]
    assert len({line.cells[0].place.page for line in lines}) > 1
    assert [" ".join(c.text for c in line.cells) for line in running] == [
        "Borsetshire County Council | PO4"
    ]
    assert not any(cell.text.startswith("Page ") for line in lines for cell in line.cells)


# --- Word ----------------------------------------------------------------------------------

_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>This post is politically restricted.</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def _word(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Borsetshire County Council\tGrade PO4"
    document.sections[0].footer.paragraphs[0].text = "Version 2 · reviewed May 2026"
    document.add_paragraph("Job title: Political Assistant to the Green Group")
    anchor = document.add_paragraph("Terms of the post")
    anchor._p.append(parse_xml(_TEXT_BOX))
    document.add_paragraph("Grade: PO4")
    document.save(str(path))
    return path


def test_word_headers_footers_and_text_boxes_are_read_with_their_region(tmp_path: Path) -> None:
    lines = docx_lines(_word(tmp_path / "jd.docx").read_bytes())
    placed = [(cell.text, cell.place.region) for line in lines for cell in line.cells]
    assert placed[:2] == [
        ("Borsetshire County Council", "page header"),
        ("Grade PO4", "page header"),
    ]
    assert ("This post is politically restricted.", "text box") in placed
    assert placed[-2:] == [("Version 2", "page footer"), ("reviewed May 2026", "page footer")]
    # the body's paragraphs are numbered as Word numbers them, headers apart
    body = [cell.place.paragraph for line in lines for cell in line.cells if not cell.place.region]
    assert body == [1, 2, 3]


def test_a_grade_in_a_word_page_header_is_a_mention_in_the_page_header(tmp_path: Path) -> None:
    record = read_one(_word(tmp_path / "jd.docx"))
    assert [(g.code, g.place) for g in record.grade] == [("PO4", "page header"), ("PO4", "header")]
    assert record.authority == "Borsetshire County Council"
    assert record.political_restriction.stated is True
    region = record.provenance.fields["authority"].region
    assert region == "page header"
