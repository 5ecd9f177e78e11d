"""The layout variants themselves are right: they move the words, never change them.

A metamorphic test is only as good as its transformations: a variant that dropped a sentence or
turned a paragraph into a heading would blame the reader for the variant's fault. These tests
hold each variant to the model it renders, by reading the output back with independent tools
(GNU fold, markdown-it, Beautiful Soup, python-docx, pdfplumber).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents import variants as v
from tests.documents.test_metamorphic import RANDOMISED, SOURCES
from tests.documents.variants import Document, Heading, Item, Label, Paragraph, Row

WIDTHS = (40, 60, 78, 100)
DOCUMENTS = list(SOURCES)


def _kinds(document: Document) -> Counter[str]:
    """How many blocks of each run kind (ol/ul/typed items, rows, labels, headings...)."""
    return Counter(v._run_kind(b) for b in document.blocks)


def _is_subsequence(words: Iterable[str], tokens: Sequence[str]) -> bool:
    it = iter(tokens)
    return all(any(t == w for t in it) for w in words)


def _norm(words: Iterable[str]) -> list[str]:
    """Words compared across formats: label colons and cell padding aside."""
    return [w.rstrip(":") for w in words if w.rstrip(":")]


# --- the model ----------------------------------------------------------------------------


def test_the_conventions_parse_as_documented() -> None:
    source = "\n".join(
        [
            "JOB DESCRIPTION",
            "",
            "Job Title: Mayor's Assistant\tGrade: P04\t",
            "Salary: £40,000 - £42,000",
            "Base - County Hall",
            "Appointment: for the Mayor's term",
            "",
            "Working arrangements",
            "This is a hybrid role: you will be in the office",
            "two days a week.",
            "",
            "1. PURPOSE OF THE JOB",
            "",
            "Key Tasks:",
            "1. To brief the Mayor on",
            "   Council business.",
            "13) To draft speeches.",
            "• To keep records",
            "  in good order.",
            "(a) To liaise with officers.",
            "JOB TITLE          Policy Officer",
        ]
    )
    (title,), header, work, (numbered,), duties = v.parse(source).groups
    assert title == Heading("JOB DESCRIPTION")
    assert header[0] == Row(("Job Title: Mayor's Assistant", "Grade: P04", ""))
    assert header[0].labels() == (Label("Job Title", "Mayor's Assistant"), Label("Grade", "P04"))
    assert header[1:] == (
        Label("Salary", "£40,000 - £42,000"),
        Label("Base", "County Hall", " - "),
        Label("Appointment", "for the Mayor's term"),
    )
    assert work == (
        Heading("Working arrangements"),
        Paragraph("This is a hybrid role: you will be in the office two days a week."),
    )
    assert numbered == Heading("1. PURPOSE OF THE JOB")
    assert duties == (
        Heading("Key Tasks:"),
        Item("1.", "To brief the Mayor on Council business."),
        Item("13)", "To draft speeches."),
        Item("•", "To keep records in good order."),
        Item("(a)", "To liaise with officers."),
        Row(("JOB TITLE", "Policy Officer"), "    "),
    )
    assert [i.kind for i in duties if isinstance(i, Item)] == ["ol", "ol", "ul", "typed"]


def test_every_source_has_blocks_of_several_kinds() -> None:
    """A source the model reads as one long paragraph would make every variant trivial."""
    for name, document in SOURCES.items():
        kinds = _kinds(document)
        assert kinds["heading"] >= 1, name
        assert len(kinds) >= 2, (name, kinds)


# --- plain text ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_rewrap_reads_back_as_the_same_document(name: str, width: int) -> None:
    """Same blocks, same words in the same order: only the line breaks moved."""
    document = SOURCES[name]
    text = v.render_text(document, width)
    assert v.parse(text).groups == document.groups
    assert v.parse(text).words() == document.words()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_rewrap_keeps_paragraphs_and_items_within_the_width(name: str, width: int) -> None:
    for block in SOURCES[name].blocks:
        if isinstance(block, Paragraph | Item):
            for line in v.text_lines(block, width):
                assert len(line) <= width or len(line.split()) == 1 or _carried(line), line


def _carried(line: str) -> bool:
    """A word moved down with marker-like words ("and -") may overrun a narrow width."""
    words = line.split()
    return len(words) >= 2 and all(v._MARKER_LIKE.match(w) for w in words[1:])


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["the", "post", "holder", "-", "1.", "(f)", "#", "Council", "x" * 45]),
        min_size=1,
        max_size=60,
    ),
    width=st.integers(min_value=10, max_value=120),
    indent=st.integers(min_value=0, max_value=4),
)
def test_wrap_moves_words_only_and_never_starts_a_line_with_a_marker(
    words: list[str], width: int, indent: int
) -> None:
    lines = v.wrap(" ".join(words), width, indent)
    assert " ".join(" ".join(lines).split()) == " ".join(words)
    assert all(line.startswith(" " * indent) for line in lines[1:])
    for line in lines[1:]:
        assert not v._MARKER_LIKE.match(line.split()[0]), lines
    for line in lines:
        assert len(line) <= width or len(line.split()) == 1 or _carried(line), (line, width)


@pytest.mark.skipif(shutil.which("fold") is None, reason="no fold(1) on this machine")
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_fold_variant_is_exactly_gnu_fold(name: str, width: int) -> None:
    source = SOURCES[name].source.encode("utf-8")
    folded = subprocess.run(
        ["fold", "-s", "-w", str(width)], input=source, capture_output=True, check=True
    ).stdout
    assert v.VARIANTS[f"fold-{width}"](SOURCES[name]) == (".txt", folded)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fold_only_adds_line_breaks(name: str) -> None:
    source = SOURCES[name].source
    for width in WIDTHS:
        folded = v.fold(source, width)
        assert folded.replace("\n", "") == source.replace("\n", "")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_unwrapped_has_one_line_per_block(name: str) -> None:
    document = SOURCES[name]
    text = v.render_text(document)
    assert len([line for line in text.splitlines() if line.strip()]) == len(document.blocks)
    assert v.parse(text).groups == document.groups


def test_random_blank_lines_keep_the_words() -> None:
    document = SOURCES[RANDOMISED[0]]
    blanks = [i % 3 == 0 for i in range(len(document.blocks) - 1)]
    text = v.render_text(document, 50, blanks)
    assert v.parse(text).words() == document.words()
    assert text.count("\n\n") == sum(blanks)


# --- transformations ----------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_reorder_keeps_every_block_and_reverses_the_body(name: str) -> None:
    document = SOURCES[name]
    moved = v.reorder_sections(document)
    assert Counter(moved.blocks) == Counter(document.blocks)
    header_end, sections, tail = v.body_sections(document)
    before, after = document.blocks, moved.blocks
    assert after[:header_end] == before[:header_end]
    assert after[tail:] == before[tail:]
    expected = [b for s, e in reversed(sections) for b in before[s:e]]
    assert after[header_end:tail] == expected
    assert v.parse(v.render_text(moved)).groups == moved.groups


@pytest.mark.parametrize("name", sorted(n for n in SOURCES if n.startswith("seed-")))
def test_the_seeds_have_body_sections_to_reorder(name: str) -> None:
    _, sections, tail = v.body_sections(SOURCES[name])
    assert len(sections) >= 5
    assert isinstance(SOURCES[name].blocks[tail], Heading)  # "Person Specification"


def _label_count(document: Document) -> int:
    return sum(
        1 if isinstance(b, Label) else len(b.labels() or ())
        for b in document.blocks
        if isinstance(b, Label | Row)
    )


@pytest.mark.parametrize("name", DOCUMENTS)
def test_label_punctuation_changes_only_the_labels(name: str) -> None:
    document = SOURCES[name]
    pairs = _label_count(document)
    dashed = v.parse(v.render_text(v.labels_dashed(document)))
    capitals = v.labels_capitals(document)
    table = v.labels_as_table(document)
    assert [w.rstrip(":") for w in dashed.words() if w not in "-"] == [
        w.rstrip(":") for w in document.words() if w not in "-"
    ]
    assert [w.casefold().rstrip(":") for w in capitals.words()] == [
        w.casefold().rstrip(":") for w in document.words()
    ]
    assert _norm(table.words()) == _norm(document.words())
    assert not any(isinstance(b, Label) for b in table.blocks)
    assert not any(isinstance(b, Row) and b.labels() for b in table.blocks)
    rows = sum(isinstance(b, Row) for b in table.blocks)
    assert rows == sum(isinstance(b, Row) and not b.labels() for b in document.blocks) + pairs
    text = v.render_text(v.labels_dashed(document))
    for block in document.blocks:
        if isinstance(block, Label | Row):
            for pair in v._pairs(block):
                assert f"{pair.label} - {pair.value}" in text


# --- Markdown, HTML, Word, PDF --------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_markdown_has_the_structure(name: str) -> None:
    from markdown_it import MarkdownIt

    document = SOURCES[name]
    _, data = v.render(document, "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(data.decode("utf-8"))
    kinds = _kinds(document)
    count = Counter(t.type for t in tokens)
    count += Counter(c.type for t in tokens if t.type == "inline" for c in t.children or [])
    assert count["heading_open"] == kinds["heading"]
    assert count["list_item_open"] == kinds["ol"] + kinds["ul"]
    assert count["tr_open"] == kinds["table"]
    assert count["strong_open"] == kinds["labels"]
    starts = [t.attrGet("start") or 1 for t in tokens if t.type == "ordered_list_open"]
    assert len(starts) <= kinds["ol"]
    text = " ".join(
        child.content
        for t in tokens
        if t.type == "inline"
        for child in t.children or []
        if child.type == "text"
    )
    assert _is_subsequence(_norm(document.words()), _norm(text.split()))
    assert all(len(line) <= v.MD_WIDTH or _unbreakable(line) for line in _prose(data))


def _prose(data: bytes) -> list[str]:
    """Markdown lines of paragraphs and list items (not headings, tables or labels)."""
    return [
        line for line in data.decode("utf-8").splitlines() if not line.startswith(("#", "|", "**"))
    ]


def _unbreakable(line: str) -> bool:
    return len(line.split()) == 1 or _carried(line.strip())


@pytest.mark.parametrize("layout", ["html", "html-dl"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_html_has_the_structure(name: str, layout: str) -> None:
    from bs4 import BeautifulSoup

    document = SOURCES[name]
    _, data = v.render(document, layout)
    soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    kinds = _kinds(document)
    assert len(soup.find_all("h2")) == kinds["heading"]
    assert len(soup.find_all("li")) == kinds["ol"] + kinds["ul"]
    label_rows = sum(isinstance(b, Row) and bool(b.labels()) for b in document.blocks)
    if layout == "html":
        assert len(soup.find_all("tr")) == kinds["table"]
        assert len(soup.find_all("strong")) == kinds["labels"]
    else:
        assert len(soup.find_all("tr")) == kinds["table"] - label_rows
        assert len(soup.find_all("dt")) == _label_count(document)
    numbers = [i.number for i in document.blocks if isinstance(i, Item) and i.number is not None]
    assert _ol_numbers(soup) == numbers
    text = soup.get_text(" ")
    assert _is_subsequence(_norm(document.words()), _norm(text.split()))
    for paragraph in soup.find_all("p"):
        if len(paragraph.get_text()) > 2 * v.HTML_WIDTH:
            assert "\n" in paragraph.get_text()  # wrapped over several source lines


def _ol_numbers(soup: Any) -> list[int]:
    """The numbers a browser shows in the <ol> lists (start= and value= honoured)."""
    shown: list[int] = []
    for ol in soup.find_all("ol"):
        number = int(ol.get("start", 1))
        for li in ol.find_all("li", recursive=False):
            number = int(li.get("value", number))
            shown.append(number)
            number += 1
    return shown


@pytest.mark.parametrize("layout", ["docx", "label-table-docx"])
@pytest.mark.parametrize("name", DOCUMENTS)
def test_word_has_the_paragraphs_tables_and_numbers(name: str, layout: str) -> None:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph as WordParagraph

    document = SOURCES[name] if layout == "docx" else v.labels_as_table(SOURCES[name])
    _, data = v.render(SOURCES[name], layout)
    word = docx.Document(io.BytesIO(data))
    styles = Counter(_style(p) for p in word.paragraphs)
    kinds = _kinds(document)
    assert styles["Heading 2"] == kinds["heading"]
    assert styles["List Number"] == kinds["ol"]
    assert styles["List Bullet"] == kinds["ul"]
    headings = [p.text for p in word.paragraphs if _style(p) == "Heading 2"]
    assert headings == [b.text for b in document.blocks if isinstance(b, Heading)]
    runs = [kind for kind, _ in v.runs(document)]
    assert len(word.tables) == runs.count("table") + runs.count("labels")
    assert sum(len(t.rows) for t in word.tables) == kinds["table"] + kinds["labels"]
    numbers = [i.number for i in document.blocks if isinstance(i, Item) and i.number is not None]
    assert _word_numbers(word) == numbers
    text: list[str] = []
    for block in word.iter_inner_content():
        if isinstance(block, WordParagraph):
            text += block.text.split()
        elif isinstance(block, Table):
            text += [w for row in block.rows for c in row.cells for w in c.text.split()]
    assert _is_subsequence(_norm(document.words()), _norm(text))


def _style(paragraph: Any) -> str:
    return str(paragraph.style.name) if paragraph.style is not None else ""


def _word_numbers(word: Any) -> list[int]:
    """The numbers Word shows before List Number paragraphs: start override, then counting."""
    from docx.oxml.ns import qn

    root = word.part.numbering_part.element
    starts = {
        n.get(qn("w:numId")): int(n.find(f".//{qn('w:startOverride')}").get(qn("w:val")))
        for n in root.findall(qn("w:num"))
        if n.find(f".//{qn('w:startOverride')}") is not None
    }
    seen: Counter[str] = Counter()
    shown = []
    for paragraph in word.paragraphs:
        if _style(paragraph) != "List Number":
            continue
        num_id = paragraph._p.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
        shown.append(starts[num_id] + seen[num_id])
        seen[num_id] += 1
    return shown


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_text_has_every_word(name: str) -> None:
    import pdfplumber

    document = SOURCES[name]
    _, data = v.render(document, "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    text = re.sub(r"\s+", " ", text)
    missing = [w for w in document.words() if w not in text]
    assert not missing, missing[:10]
    if len(" ".join(document.words())) > 6000:
        assert pages >= 2  # a long document runs over several A4 pages
    assert "(cid:" not in text  # every glyph, bullets too, extracts as text


def test_pdf_is_byte_for_byte_reproducible() -> None:
    document = SOURCES["sample-text"]
    assert v.pdf(document) == v.pdf(document)


def test_every_variant_gives_a_file_postcheck_reads_by_its_suffix() -> None:
    document = SOURCES["sample-text"]
    for name in v.VARIANTS:
        suffix, data = v.render(document, name)
        assert suffix in (".txt", ".md", ".html", ".docx", ".pdf"), name
        assert data, name
