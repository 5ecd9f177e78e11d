"""Layout variants of a plain-text job description, for metamorphic tests of the reader.

The same job description, laid out another way, must give the same findings. To produce the
layouts without trusting postcheck's own reader, the tests keep their own small model of a
plain-text job description: a source is parsed into blocks, and each variant renders the blocks
again (re-wrapped text, Markdown, HTML, Word, PDF, sections reordered, other label punctuation).

Conventions of a source (the seeds, the samples and the corpus are written to them):

* Blank lines separate groups; a group holds one or more blocks, one per line, except that the
  lines of a paragraph (or of a wrapped list item or label) join into one block.
* A line with a tab, or with a gap of three or more spaces inside it (not just after a colon),
  is a table row; its cells are split at the gaps (empty cells kept). A row whose non-empty
  cells are all label pairs is a row of labels.
* A line that starts with a bullet (``-``, ``•``, ``*``, ``–``, ``▪``), a number (``1.``,
  ``1)``) or a letter (``(a)``, ``a)``, ``(iv)``) and a space is a list item; a line after it
  that is indented or starts in lower case continues it. A numbered line alone in its group
  whose text is a heading ("1. PURPOSE OF THE JOB") is a heading.
* "Label: value" (or "Label - value") on a line of its own is a label pair when the label starts
  with a capital and has four words at most, and the value starts in upper case or the line is
  short (60 characters) and complete ("Appointment: for the Mayor's term"); "Purpose of the job:
  to lead a small team ..." over two lines is a sentence, and so is "This is a hybrid role:
  you ...". A line after a label that is indented or starts in lower case continues its value.
* A short line (60 characters at most) with no digits and no final punctuation (``.``, ``,``,
  ``;``, ``!``, ``?``) is a heading when it is ALL CAPS or Title Case (eight words at most), or
  when it starts its group (six words at most) or ends with a colon (four words at most):
  "Job purpose:", "Working arrangements", "Overall purpose of the job". It is not a heading
  when it goes on in the next line: that line is indented or starts in lower case, or the
  line was broken only because the next word did not fit the group's width (the first lines
  of wrapped paragraphs, "To provide political and administrative").
* Any other line is paragraph text and continues the paragraph before it; a line after
  paragraph text that does not end a sentence (``.!?:;``) continues it unless it is a label,
  row or list item, so a wrapped paragraph parses back whole.

Text variants keep rows and labels as written (alignment included) unless the variant is about
them. Every variant is a function ``Document -> (suffix, bytes)``; ``VARIANTS`` names them all.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

_ITEM = re.compile(r"^\s*(?P<marker>[-•*–▪]|\d{1,3}[.)]|\([a-z]{1,4}\)|[a-z]\))\s+(?P<text>\S.*)$")
_LABEL = re.compile(r"^(?P<label>[A-Z][^:\t.;,()?!]{0,39}?)\s*(?P<sep>:|\s-)\s+(?P<value>\S.*)$")
_GAP = re.compile(r"\t|(?<![:\s]) {3,}(?=\S)")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "per", "the"}
    | {"to", "with", "&", "ie", "eg"}
)
_ENDS_SENTENCE = ".!?:;"
_NO_FINAL = ".,;!?"
# A wrapped line must not start with something a reader would take for a list marker or
# Markdown syntax: that changes the structure, not just the layout.
_MARKER_LIKE = re.compile(r"^(?:[-•*–▪+#>=|]+|\d{1,3}[.)]|\([a-z]{1,4}\)|[a-z]\))$")
MD_WIDTH = 72
HTML_WIDTH = 76


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Item:
    """A list item: marker as written ("-", "•", "13.", "2)", "(a)") and its text."""

    marker: str
    text: str

    @property
    def number(self) -> int | None:
        return int(self.marker[:-1]) if self.marker[:-1].isdigit() else None

    @property
    def kind(self) -> str:
        """Which list: ol (numbered), ul (bulleted) or typed (lettered: the letter is text)."""
        if self.number is not None:
            return "ol"
        return "typed" if self.marker[-1] == ")" else "ul"


@dataclass(frozen=True)
class Label:
    """A label pair; `sep` is its punctuation in text (": ", " - ", " "); `raw` the line as
    written (alignment kept), while it is unchanged."""

    label: str
    value: str
    sep: str = ": "
    raw: str | None = field(default=None, compare=False)

    def text(self) -> str:
        return self.raw or f"{self.label}{self.sep}{self.value}"

    def lead(self) -> str:
        """The label as rich formats set it in bold: "Grade:" or, unpunctuated, "Grade"."""
        return self.label + (":" if self.sep.strip() == ":" else "")

    def after(self) -> str:
        """What follows the bold label: " PO4" or " - PO4"."""
        return f"{self.sep if self.sep.strip() != ':' else ' '}{self.value}"


@dataclass(frozen=True)
class Row:
    """A table row, cells as written; `sep` joins them in text, `raw` is the line as written."""

    cells: tuple[str, ...]
    sep: str = "\t"
    raw: str | None = field(default=None, compare=False)

    def labels(self) -> tuple[Label, ...] | None:
        """The row's label pairs, if every non-empty cell is one."""
        filled = [c for c in self.cells if c.strip()]
        pairs = [parse_label(c) for c in filled]
        if not filled or any(p is None for p in pairs):
            return None
        return tuple(p for p in pairs if p is not None)

    def text(self) -> str:
        return self.raw if self.raw is not None else self.sep.join(self.cells)


Block = Heading | Paragraph | Item | Label | Row
Group = tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A parsed source: its name, the raw text, and its blank-line-separated groups."""

    name: str
    source: str = field(compare=False)
    groups: tuple[Group, ...]

    @property
    def blocks(self) -> list[Block]:
        return [block for group in self.groups for block in group]

    def words(self) -> list[str]:
        """Every word of the text, list markers and label punctuation aside, in order."""
        return [w for block in self.blocks for w in block_text(block).split()]


def block_text(block: Block) -> str:
    """The words a block says, without markers or separators."""
    if isinstance(block, Row):
        return " ".join(c for c in block.cells if c.strip())
    if isinstance(block, Label):
        return f"{block.label} {block.value}"
    return block.text


def parse_label(text: str) -> Label | None:
    match = _LABEL.match(text.strip())
    if match is None or len(match["label"].split()) > 4:
        return None
    if match["value"][0].islower() and len(text.strip()) > 60:
        return None  # a sentence with a lead-in, not a field
    sep = ": " if match["sep"] == ":" else " - "
    if sep == " - " and text.isupper():
        return None  # "FELPERSHAM CITY COUNCIL - JOB DESCRIPTION" is a heading
    return Label(match["label"].strip(), match["value"].strip(), sep, text.strip())


def _is_heading(text: str, first_in_group: bool) -> bool:
    core = text.rstrip(":").strip()
    words = core.split()
    if not words or len(text) > 60 or text[-1] in _NO_FINAL or not core[0].isupper():
        return False
    if any(c.isdigit() for c in core):
        return False
    title = all(w in _SMALL_WORDS or not w[0].isalpha() or w[0].isupper() for w in words)
    if (core.isupper() or title) and len(words) <= 8:
        return True
    if text.endswith(":"):
        return len(words) <= 4
    return first_in_group and len(words) <= 6


def parse(source: str, name: str = "document") -> Document:
    """The source's blocks, by the conventions in the module docstring."""
    groups: list[Group] = []
    for chunk in re.split(r"\n[ \t]*\n", source.replace("\r\n", "\n")):
        lines = [line.rstrip("\n") for line in chunk.split("\n") if line.strip()]
        if lines:
            groups.append(_parse_group(lines))
    return Document(name, source, tuple(groups))


def _parse_group(lines: list[str]) -> Group:
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Paragraph(" ".join(para)))
            para.clear()

    for position, raw in enumerate(lines):
        text = raw.strip()
        previous = blocks[-1] if blocks and not para else None
        continues = bool(para) and para[-1][-1] not in _ENDS_SENTENCE
        if _GAP.search(raw.strip(" ")) and not (continues and "\t" not in raw):
            flush()
            gaps = _GAP.findall(raw.strip(" "))
            sep = "\t" if "\t" in gaps else "    "
            cells = tuple(c.strip() for c in _GAP.split(raw.strip(" ")))
            blocks.append(Row(cells, sep, raw))
            continue
        item = _ITEM.match(raw)
        follows = isinstance(previous, Item | Label) and (raw[:1].isspace() or text[0].islower())
        if item is None and follows and isinstance(previous, Item):
            blocks[-1] = Item(previous.marker, f"{previous.text} {text}")
            continue
        if item is None and follows and isinstance(previous, Label):
            value = f"{previous.value} {text}"
            blocks[-1] = Label(previous.label, value, previous.sep)
            continue
        label = parse_label(text)
        if label is not None and label.value[0].islower() and _wrapped(lines, position):
            label = None  # "Purpose of the job: to lead a small team" / "that provides ..."
        if item is not None and not (continues and raw[:1].isspace()):
            flush()
            numbered = Item(item["marker"], item["text"].strip())
            alone = len(lines) == 1 and numbered.number is not None
            heading = alone and numbered.text.isupper() and _is_heading(numbered.text, True)
            blocks.append(Heading(text) if heading else numbered)
        elif label is not None:
            flush()
            blocks.append(label)
        elif continues:
            para.append(text)
        elif _is_heading(text, position == 0) and not _wrapped(lines, position):
            flush()
            blocks.append(Heading(text))
        else:
            para.append(text)
    flush()
    return tuple(blocks)


def _wrapped(lines: list[str], position: int) -> bool:
    """Whether the line goes on in the next: that line is indented or starts in lower case, or
    the line was broken only because the next word did not fit (the line and that word are
    longer than the group's longest line, its wrap width, when that is 30 or more)."""
    if position + 1 >= len(lines):
        return False
    following = lines[position + 1].split()
    if lines[position + 1][:1].isspace() or following[0][0].islower():
        return True
    width = max(len(line.rstrip()) for line in lines)
    return width >= 30 and len(lines[position].rstrip()) + 1 + len(following[0]) > width


def load(path: Path) -> Document:
    return parse(path.read_text(encoding="utf-8"), path.stem)


# --- wrapping -----------------------------------------------------------------------------


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """Greedy word wrap that never splits a word and never starts a line with a marker-like word
    (the word before it moves down too, or, after a one-word line, the marker overruns the
    width); `indent` spaces begin every line after the first."""
    lines: list[list[str]] = []
    for word in text.split():
        if not lines:
            lines.append([word])
            continue
        pad = indent if len(lines) > 1 else 0
        if pad + len(" ".join([*lines[-1], word])) <= width:
            lines[-1].append(word)
        elif _MARKER_LIKE.match(word):
            current = lines[-1]
            cut = len(current) - 1  # the words from here on move down with the marker
            while cut > 0 and _MARKER_LIKE.match(current[cut]):
                cut -= 1
            if cut > 0:
                lines[-1], moved = current[:cut], current[cut:]
                lines.append([*moved, word])
            else:
                current.append(word)  # nothing to move down: the marker overruns instead
        else:
            lines.append([word])
    return [(" " * indent if n else "") + " ".join(words) for n, words in enumerate(lines)]


def fold(text: str, width: int) -> str:
    """Exactly GNU `fold -s -w WIDTH`: counts bytes (a tab to the next multiple of 8), breaks
    after the last blank (space or tab) that fits, else mid-word; long tab rows split too."""
    out = bytearray()
    line = bytearray()
    column = 0

    def advance(col: int, byte: int) -> int:
        if byte == 0x08:
            return max(col - 1, 0)
        if byte == 0x0D:
            return 0
        if byte == 0x09:
            return col + 8 - col % 8
        return col + 1

    for byte in text.encode("utf-8"):
        if byte == 0x0A:
            out += line + b"\n"
            line.clear()
            column = 0
            continue
        while True:
            column = advance(column, byte)
            if column <= width:
                line.append(byte)
                break
            blank = max(line.rfind(b" "), line.rfind(b"\t"))
            if blank >= 0:
                out += line[: blank + 1] + b"\n"
                del line[: blank + 1]
                column = 0
                for kept in line:
                    column = advance(column, kept)
                continue
            if not line:
                line.append(byte)
                break
            out += line + b"\n"
            line.clear()
            column = 0
    out += line
    return out.decode("utf-8")


# --- plain text ---------------------------------------------------------------------------


def text_lines(block: Block, width: int | None) -> list[str]:
    """A block as text lines, wrapped at `width` (paragraphs and items only) or not at all."""
    if isinstance(block, Paragraph):
        return wrap(block.text, width) if width else [block.text]
    if isinstance(block, Item):
        line = f"{block.marker} {block.text}"
        return wrap(line, width, indent=len(block.marker) + 1) if width else [line]
    if isinstance(block, Row | Label):
        return [block.text()]
    return [block.text]


def render_text(
    document: Document, width: int | None = None, blanks: Sequence[bool] | None = None
) -> str:
    """The document as text; `blanks[i]` says whether a blank line precedes block i+1 (by
    default, as in the source: between groups)."""
    blocks = document.blocks
    if blanks is None:
        blanks = [starts for _, starts in _flat(document)[1:]]
    out: list[str] = []
    for index, block in enumerate(blocks):
        if index and blanks[index - 1]:
            out.append("")
        out.extend(text_lines(block, width))
    return "\n".join(out) + "\n"


def _text_bytes(text: str) -> tuple[str, bytes]:
    return ".txt", text.encode("utf-8")


def text_wrapped(document: Document, width: int) -> tuple[str, bytes]:
    """Every paragraph and list item re-wrapped at `width`, items with a hanging indent."""
    return _text_bytes(render_text(document, width))


def text_folded(document: Document, width: int) -> tuple[str, bytes]:
    """The raw source through `fold -s -w width`, as a mail client or terminal would."""
    return _text_bytes(fold(document.source, width))


def text_unwrapped(document: Document) -> tuple[str, bytes]:
    """Every paragraph on one long line (the model written back unwrapped)."""
    return _text_bytes(render_text(document))


# --- document transformations -------------------------------------------------------------


def _flat(document: Document) -> list[tuple[Block, bool]]:
    """(block, starts a group) for every block."""
    return [(block, n == 0) for group in document.groups for n, block in enumerate(group)]


def _regroup(document: Document, flat: Sequence[tuple[Block, bool]]) -> Document:
    groups: list[list[Block]] = []
    for block, starts in flat:
        if starts or not groups:
            groups.append([])
        groups[-1].append(block)
    return replace(document, groups=tuple(tuple(g) for g in groups))


_PERSON_SPEC = re.compile(r"^(?:\d+[.)]\s*)?person specification", re.IGNORECASE)


def body_sections(document: Document) -> tuple[int, list[tuple[int, int]], int]:
    """(end of the header, [(start, end) of each independent body section], start of the tail),
    as indices into `document.blocks`.

    The header runs to the first heading after the first run of two or more fields (labels or
    rows: a one-line letterhead row is no header); the tail starts at the person specification
    (a heading, or a paragraph "Person specification: ..."). A heading straight followed by
    another ("3. MAIN DUTIES" / "Research and briefing") is a parent: it keeps its subsections
    up to the next heading styled like it (numbered, capitals, other), or up to the tail when
    its subsections are styled like it too.
    """
    blocks = document.blocks
    fields = [isinstance(b, Label | Row) for b in blocks]
    run_end = next(
        (i + 2 for i in range(len(blocks) - 1) if fields[i] and fields[i + 1]), len(blocks)
    )
    while run_end < len(blocks) and fields[run_end]:
        run_end += 1
    headings = [i for i, b in enumerate(blocks) if isinstance(b, Heading) and i >= run_end]
    header_end = headings[0] if headings else len(blocks)
    tail = next(
        (i for i in range(header_end, len(blocks)) if _PERSON_SPEC.match(block_text(blocks[i]))),
        len(blocks),
    )
    starts = [i for i in headings if i < tail]
    sections: list[tuple[int, int]] = []
    position = 0
    while position < len(starts):
        start = starts[position]
        position += 1
        if start + 1 in starts:  # a parent heading: keep its subsections with it
            own, child = _heading_style(blocks[start]), _heading_style(blocks[start + 1])
            while position < len(starts) and (
                own == child or _heading_style(blocks[starts[position]]) != own
            ):
                position += 1
        end = starts[position] if position < len(starts) else tail
        sections.append((start, end))
    return header_end, sections, tail


def _heading_style(block: Block) -> str:
    text = block_text(block)
    return "numbered" if text[:1].isdigit() else "capitals" if text.isupper() else "other"


def reorder_sections(document: Document) -> Document:
    """The body sections in reverse order; header and person specification stay put."""
    flat = _flat(document)
    header_end, sections, tail = body_sections(document)
    moved = [
        [(block, starts or n == 0) for n, (block, starts) in enumerate(flat[s:e])]
        for s, e in reversed(sections)
    ]
    return _regroup(document, [*flat[:header_end], *(p for s in moved for p in s), *flat[tail:]])


def _map_labels(document: Document, change: Callable[[Label], Label]) -> Document:
    """Every label pair (alone or in a row of labels) changed, and written anew."""

    def relabel(label: Label) -> Label:
        return replace(change(label), raw=None)

    def cell(text: str) -> str:
        label = parse_label(text)
        return relabel(label).text() if label is not None else text

    def block(b: Block) -> Block:
        if isinstance(b, Label):
            return relabel(b)
        if isinstance(b, Row) and b.labels() is not None:
            return Row(tuple(cell(c) for c in b.cells), b.sep)
        return b

    return replace(document, groups=tuple(tuple(block(b) for b in g) for g in document.groups))


def labels_dashed(document: Document) -> Document:
    """Labels punctuated with a dash: "Grade: PO4" becomes "Grade - PO4"."""
    return _map_labels(document, lambda lab: replace(lab, sep=" - "))


def labels_capitals(document: Document) -> Document:
    """Labels in capitals, no colon: "Grade: PO4" becomes "GRADE PO4"."""
    return _map_labels(document, lambda lab: Label(lab.label.upper(), lab.value, " "))


def labels_as_table(document: Document) -> Document:
    """Every label pair, alone or in a row of labels, becomes a two-column row (label, value)."""
    flat: list[tuple[Block, bool]] = []
    for block, starts in _flat(document):
        pairs: Sequence[Label] | None = None
        if isinstance(block, Label):
            pairs = [block]
        elif isinstance(block, Row):
            pairs = block.labels()
        if pairs is None:
            flat.append((block, starts))
            continue
        for n, pair in enumerate(pairs):
            flat.append((Row((pair.label, pair.value)), starts and n == 0))
    return _regroup(document, flat)


# --- runs of blocks (lists, tables, label blocks) -----------------------------------------


def runs(document: Document) -> Iterator[tuple[str, list[Block]]]:
    """Blocks in order, gathered as formats gather them: ("ol" | "ul" | "typed", items of one
    list, across blank lines), ("table", rows of one group), ("labels", label pairs), or
    ("heading" | "paragraph", [block])."""
    current_kind, current, group_of_current = "", list[Block](), -1
    for group_index, group in enumerate(document.groups):
        for block in group:
            kind = _run_kind(block)
            joins = kind == current_kind and kind in ("ol", "ul", "typed", "labels")
            joins = joins or (kind == current_kind == "table" and group_index == group_of_current)
            if current and not joins:
                yield current_kind, current
                current = []
            current_kind, group_of_current = kind, group_index
            current.append(block)
    if current:
        yield current_kind, current


def _run_kind(block: Block) -> str:
    if isinstance(block, Item):
        return block.kind
    if isinstance(block, Row):
        return "table"
    if isinstance(block, Label):
        return "labels"
    return "heading" if isinstance(block, Heading) else "paragraph"


def numbered_segments(items: Sequence[Item]) -> list[list[Item]]:
    """A numbered list cut wherever the numbers do not go on by one (a repeated 13, a jump)."""
    segments: list[list[Item]] = []
    for item in items:
        last = segments[-1][-1].number if segments else None
        if last is not None and item.number == last + 1:
            segments[-1].append(item)
        else:
            segments.append([item])
    return segments


def _items(blocks: Sequence[Block]) -> list[Item]:
    return [b for b in blocks if isinstance(b, Item)]


def _labels(blocks: Sequence[Block]) -> list[Label]:
    return [b for b in blocks if isinstance(b, Label)]


def _rows(blocks: Sequence[Block]) -> list[list[str]]:
    """The rows' cells, padded to the widest row."""
    rows = [list(b.cells) for b in blocks if isinstance(b, Row)]
    columns = max(len(r) for r in rows)
    return [r + [""] * (columns - len(r)) for r in rows]


def _typed(item: Item) -> str:
    """A lettered item as it reads: "(a) Research ..."; formats have no lists for letters."""
    return f"{item.marker} {item.text}"


# --- Markdown -----------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """Text as literal Markdown: leftover tags stay visible text, emphasis marks stay marks."""
    return re.sub(r"([\\`*_\[\]<])", r"\\\1", text)


def markdown(document: Document) -> tuple[str, bytes]:
    """Headings as ##, lists as - and 1., tables as pipe tables, labels as **Label:** value
    (one per line); paragraphs and items hard-wrapped at 72 columns in the source."""
    out: list[str] = []
    for kind, blocks in runs(document):
        if kind == "heading":
            out += [f"## {md_escape(block_text(blocks[0]))}"]
        elif kind == "paragraph":
            out += wrap(md_escape(block_text(blocks[0])), MD_WIDTH)
        elif kind in ("ol", "ul"):
            for item in _items(blocks):
                marker = f"{item.number}." if item.number is not None else "-"
                out += wrap(f"{marker} {md_escape(item.text)}", MD_WIDTH, len(marker) + 1)
        elif kind == "typed":
            for item in _items(blocks):
                out += [*wrap(md_escape(_typed(item)), MD_WIDTH), ""]
        elif kind == "labels":
            out += [f"**{md_escape(b.lead())}**{md_escape(b.after())}" for b in _labels(blocks)]
        else:
            out += _pipe_table(blocks)
        out.append("")
    return ".md", "\n".join(out).encode("utf-8")


def _pipe_table(blocks: Sequence[Block]) -> list[str]:
    """A GFM pipe table; its first row is the table's header row."""
    rows = [[md_escape(c).replace("|", "\\|") for c in r] for r in _rows(blocks)]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return [lines[0], "|" + "---|" * len(rows[0]), *lines[1:]]


# --- HTML ---------------------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _html_lines(text: str) -> str:
    """Escaped text over several source lines, as an editor saves it."""
    return "\n".join(wrap(_e(text), HTML_WIDTH))


def _html(document: Document, labels: str) -> tuple[str, bytes]:
    """`labels` is "strong" (<p><strong>Label:</strong> value</p>) or "dl" (label pairs and
    rows of labels as one <dl>)."""
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"></head>\n<body>']
    for kind, blocks in _html_runs(document, labels):
        if kind == "heading":
            out.append(f"<h2>{_e(block_text(blocks[0]))}</h2>")
        elif kind == "paragraph":
            out.append(f"<p>{_html_lines(block_text(blocks[0]))}</p>")
        elif kind == "ul":
            out += ["<ul>", *(f"<li>{_html_lines(b.text)}</li>" for b in _items(blocks)), "</ul>"]
        elif kind == "ol":
            out += _html_ordered(_items(blocks))
        elif kind == "typed":
            out += [f"<p>{_html_lines(_typed(b))}</p>" for b in _items(blocks)]
        elif kind == "labels" and labels == "dl":
            pairs = [p for b in blocks for p in _pairs(b)]
            out += ["<dl>", *(f"<dt>{_e(p.label)}</dt><dd>{_e(p.value)}</dd>" for p in pairs)]
            out.append("</dl>")
        elif kind == "labels":
            out += [
                f"<p><strong>{_e(b.lead())}</strong>{_e(b.after())}</p>" for b in _labels(blocks)
            ]
        else:
            out += ["<table>", *(_html_row(r) for r in _rows(blocks)), "</table>"]
    out.append("</body>\n</html>\n")
    return ".html", "\n".join(out).encode("utf-8")


def _pairs(block: Block) -> Sequence[Label]:
    if isinstance(block, Label):
        return [block]
    assert isinstance(block, Row)
    return block.labels() or ()


def _html_runs(document: Document, labels: str) -> Iterator[tuple[str, list[Block]]]:
    """As `runs`; for the dl layout, rows of labels join the label pairs around them."""
    if labels != "dl":
        yield from runs(document)
        return
    pending: list[Block] = []
    for kind, blocks in runs(document):
        rest: list[Block] = []
        for block in blocks:
            if isinstance(block, Label) or (isinstance(block, Row) and block.labels()):
                if rest:
                    yield kind, rest
                    rest = []
                pending.append(block)
                continue
            if pending:
                yield "labels", pending
                pending = []
            rest.append(block)
        if rest:
            yield kind, rest
    if pending:
        yield "labels", pending


def _html_ordered(items: list[Item]) -> list[str]:
    """<ol start=...> with <li value=...> wherever the numbers do not go on by one."""
    first = items[0].number
    out = [f'<ol start="{first}">' if first != 1 else "<ol>"]
    expected = first
    for item in items:
        value = f' value="{item.number}"' if item.number != expected else ""
        out.append(f"<li{value}>{_html_lines(item.text)}</li>")
        expected = (item.number or 0) + 1
    return [*out, "</ol>"]


def _html_row(cells: list[str]) -> str:
    return "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>"


def html_page(document: Document) -> tuple[str, bytes]:
    """A web page: <h2>, <p> over several source lines, <ul>/<ol>, <table>, bold labels."""
    return _html(document, "strong")


def html_definition_list(document: Document) -> tuple[str, bytes]:
    """A careers page: as html_page, with every label pair (rows of labels too) in a <dl>."""
    return _html(document, "dl")


# --- Word ---------------------------------------------------------------------------------


def word(document: Document) -> tuple[str, bytes]:
    """Heading 2, Normal, List Bullet and List Number (each numbered run restarted at its
    first number, as Word's "set numbering value" does), a table per run of rows, and a
    two-column table (label, value) per run of label pairs."""
    import docx

    out = docx.Document()
    numbering = _WordNumbering(out)
    for kind, blocks in runs(document):
        if kind == "heading":
            out.add_heading(block_text(blocks[0]), level=2)
        elif kind == "paragraph":
            out.add_paragraph(block_text(blocks[0]))
        elif kind == "ul":
            for item in _items(blocks):
                out.add_paragraph(item.text, style="List Bullet")
        elif kind == "typed":
            for item in _items(blocks):
                out.add_paragraph(_typed(item))
        elif kind == "ol":
            for segment in numbered_segments(_items(blocks)):
                num_id = numbering.restart_at(segment[0].number or 1)
                for item in segment:
                    numbering.apply(out.add_paragraph(item.text, style="List Number"), num_id)
        elif kind == "labels":
            _word_table(out, [[b.lead(), b.value] for b in _labels(blocks)])
        else:
            _word_table(out, _rows(blocks))
    buffer = io.BytesIO()
    out.save(buffer)
    return ".docx", buffer.getvalue()


def _word_table(out: Any, rows: list[list[str]]) -> None:
    table = out.add_table(rows=0, cols=len(rows[0]))
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


class _WordNumbering:
    """New w:num instances of the List Number style's list, each with a start override."""

    def __init__(self, out: Any) -> None:
        from docx.oxml.ns import qn

        style = out.styles["List Number"].element
        base_id = style.pPr.find(qn("w:numPr")).find(qn("w:numId")).get(qn("w:val"))
        self._root = out.part.numbering_part.element
        nums = self._root.findall(qn("w:num"))
        base = next(n for n in nums if n.get(qn("w:numId")) == base_id)
        self._abstract = base.find(qn("w:abstractNumId")).get(qn("w:val"))
        self._next = max(int(n.get(qn("w:numId"))) for n in nums) + 1

    def restart_at(self, start: int) -> str:
        from docx.oxml.ns import qn
        from lxml import etree

        num_id = str(self._next)
        self._next += 1
        num = etree.SubElement(self._root, qn("w:num"), {qn("w:numId"): num_id})
        etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): self._abstract})
        override = etree.SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
        etree.SubElement(override, qn("w:startOverride"), {qn("w:val"): str(start)})
        return num_id

    @staticmethod
    def apply(paragraph: Any, num_id: str) -> None:
        from docx.oxml.ns import qn
        from lxml import etree

        num_pr = etree.SubElement(paragraph._p.get_or_add_pPr(), qn("w:numPr"))
        etree.SubElement(num_pr, qn("w:ilvl"), {qn("w:val"): "0"})
        etree.SubElement(num_pr, qn("w:numId"), {qn("w:val"): num_id})


# --- PDF ----------------------------------------------------------------------------------


def pdf(document: Document) -> tuple[str, bytes]:
    """A4 via reportlab platypus: paragraphs wrap at the page width, lists are ListFlowables
    (numbers as written), rows are Tables; long documents run over several pages."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, SimpleDocTemplate, Table
    from reportlab.platypus import Paragraph as Para

    _bullet_font()

    styles = getSampleStyleSheet()
    body, heading, cell = styles["BodyText"], styles["Heading2"], styles["BodyText"].clone("cell")
    cell.fontSize, cell.leading = 8, 10
    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, invariant=1, title=document.name)
    x = xml_escape
    story: list[Any] = []
    for kind, blocks in runs(document):
        if kind == "heading":
            story.append(Para(x(block_text(blocks[0])), heading))
        elif kind == "paragraph":
            story.append(Para(x(block_text(blocks[0])), body))
        elif kind == "ul":
            items = [ListItem(Para(x(b.text), body)) for b in _items(blocks)]
            bullets = ListFlowable(
                items, bulletType="bullet", start="•", bulletFontName=BULLET_FONT
            )
            story.append(bullets)
        elif kind == "typed":
            story += [Para(x(_typed(b)), body) for b in _items(blocks)]
        elif kind == "ol":
            numbered = _items(blocks)
            first, dot = numbered[0].number, numbered[0].marker[-1]  # "1." or "1)"
            items = [ListItem(Para(x(b.text), body), value=b.number) for b in numbered]
            story.append(
                ListFlowable(
                    items,
                    bulletType="1",
                    start=first,
                    bulletFormat=f"%s{dot}",
                    bulletFontName=BULLET_FONT,
                    leftIndent=26,  # room for "13." and a gap before the text
                )
            )
        elif kind == "labels":
            story += [Para(f"<b>{x(b.lead())}</b>{x(b.after())}", body) for b in _labels(blocks)]
        else:
            rows = _rows(blocks)
            width = template.width / len(rows[0])
            data = [[Para(x(c), cell) for c in r] for r in rows]
            story.append(Table(data, colWidths=[width] * len(rows[0]), splitByRow=1))
    template.build(story)
    return ".pdf", buffer.getvalue()


BULLET_FONT = "Vera"  # reportlab's bundled TrueType font: its bullet extracts as "•"


@cache
def _bullet_font() -> None:
    """Helvetica's bullet has no Unicode mapping (pdfminer reads it as "(cid:127)")."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(BULLET_FONT, "Vera.ttf"))


# --- the registry -------------------------------------------------------------------------


Variant = Callable[[Document], tuple[str, bytes]]


def _then(transform: Callable[[Document], Document], written: Variant) -> Variant:
    """A transformation of the model, then one of the layouts above."""

    def variant(document: Document) -> tuple[str, bytes]:
        return written(transform(document))

    variant.__doc__ = f"{transform.__doc__} Written as {written.__name__}."
    return variant


VARIANTS: dict[str, Variant] = {
    **{f"wrap-{w}": partial(text_wrapped, width=w) for w in (40, 60, 78, 100)},
    **{f"fold-{w}": partial(text_folded, width=w) for w in (40, 60, 78, 100)},
    "unwrapped": text_unwrapped,
    "markdown": markdown,
    "html": html_page,
    "html-dl": html_definition_list,
    "docx": word,
    "pdf": pdf,
    "sections-reversed": _then(reorder_sections, text_unwrapped),
    "label-dash": _then(labels_dashed, text_unwrapped),
    "label-caps": _then(labels_capitals, text_unwrapped),
    "label-table": _then(labels_as_table, text_unwrapped),
    "label-table-html": _then(labels_as_table, html_page),
    "label-table-docx": _then(labels_as_table, word),
}


@cache
def render(document: Document, variant: str) -> tuple[str, bytes]:
    """One variant of one document, made once per session (PDF and Word cost the most)."""
    return VARIANTS[variant](document)
