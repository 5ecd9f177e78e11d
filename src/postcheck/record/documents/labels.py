"""Labelled values ("Job Title: Mayor's Assistant", "Grade PO3") and the prose around them.

Labels are found with or without a colon, at the start of a cell, or further along a line where
table cells ran together (PDF text, pasted tables). A label with no value takes the next cell
("Grade" | "PO3" in a Word table) or, after a colon, the next line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from postcheck.record.documents.layout import Block, Place

# field -> label phrases (regular expressions). Fields in OTHER are recognised only so that their
# values do not run into the value before them ("Grade: PO3 Location: Stratford").
LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        r"job\s+title",
        r"post\s+title",
        r"title\s+of\s+(?:the\s+)?post",
        r"role\s+title",
        r"job\s+role",
        r"position\s+title",
        r"title",
        r"role",
        r"position",
        r"post",
        r"job\s+description",
    ),
    "service_area": (r"service\s+area", r"service", r"division", r"section", r"team", r"unit"),
    "directorate": (r"directorate", r"department"),
    "post_number": (
        r"post\s+(?:number|no\.?|id|ref(?:erence)?(?:\s+(?:number|no\.?))?)",
        r"establishment\s+(?:number|no\.?)",
        r"position\s+number",
    ),
    "evaluation_number": (
        r"(?:job\s+)?evaluation\s+(?:number|no\.?|ref(?:erence)?)",
        r"JE\s+(?:number|no\.?|ref(?:erence)?)",
    ),
    "grade": (r"grade", r"pay\s+grade", r"grading", r"pay\s+band", r"band"),
    "date_last_updated": (
        r"date\s+last\s+updated",
        r"last\s+updated",
        r"date\s+updated",
        r"date\s+of\s+(?:last\s+)?(?:update|review)",
        r"last\s+reviewed",
        r"date\s+reviewed",
        r"version\s+date",
    ),
    "reports_to": (
        r"reports\s+to",
        r"reporting\s+to",
        r"responsible\s+to",
        r"accountable\s+to",
        r"line\s+manager",
    ),
    "salary": (
        r"salary(?:\s+(?:range|scale|band))?",
        r"pay\s+(?:range|scale)",
        r"remuneration",
        r"pay",
    ),
    "authority": (r"council", r"authority", r"local\s+authority", r"employer", r"organisation"),
    "political_group": (r"political\s+group", r"group"),
    "appointment": (
        r"type\s+of\s+(?:appointment|contract|post)",
        r"(?:appointment|contract)\s+type",
        r"contract",
        r"tenure",
        r"duration",
        r"employment\s+type",
        r"employment\s+term",
        r"appointment",
        r"term",
    ),
    "statutory_basis": (r"statutory\s+basis", r"legal\s+basis", r"basis\s+of\s+appointment"),
    "political_restriction": (r"political(?:ly)?\s+restrict(?:ed|ion)(?:\s+post)?",),
    "line_management": (
        r"line\s+management(?:\s+responsibilit(?:y|ies))?",
        r"(?:supervisory|management)\s+responsibilit(?:y|ies)",
        r"direct\s+reports",
        r"staff\s+managed",
    ),
    "other": (
        r"location",
        r"(?:work(?:ing)?\s+)?base",
        r"work(?:ing)?\s+location",
        r"(?:working\s+)?hours(?:\s+per\s+week)?",
        r"closing\s+date",
        r"interview\s+date",
        r"contact",
        r"ref(?:erence)?(?:\s+(?:number|no\.?))?",
    ),
}
# Labels specific enough to split a run-together line even without a colon. "Political group" is
# not one: it is part of titles ("Assistant to Political Group (Labour Group)").
_STRONG = frozenset(
    {
        "job title",
        "post title",
        "service area",
        "post number",
        "evaluation number",
        "job evaluation number",
        "date last updated",
        "last updated",
        "type of appointment",
        "salary range",
    }
)
# Scalar header fields: their cells are values, not prose for the statement readers.
HEADER_FIELDS = frozenset(
    {
        "title",
        "service_area",
        "directorate",
        "post_number",
        "evaluation_number",
        "grade",
        "date_last_updated",
        "other",
    }
)

_FIELD_OF: list[tuple[re.Pattern[str], str]] = [
    (re.compile(phrase, re.I), field) for field, phrases in LABELS.items() for phrase in phrases
]
_ANY_LABEL = re.compile(
    r"(?<![\w'’])(?P<label>"
    + "|".join(sorted((p for ps in LABELS.values() for p in ps), key=len, reverse=True))
    + r")(?![\w'’])(?P<colon>\s*[:：]|\s+[-–]\s)?\s*",
    re.I,
)
# Lines that title the document ("ROLE PROFILE"), not a label and its value ("Role": "PROFILE").
_DOCUMENT_TITLE = re.compile(
    r"(?:(?:job|role|post)\s+(?:description|profile|outline)|person\s+specification)"
    r"(?:\s*(?:and|&)\s*(?:person\s+specification|job\s+description))?\s*:?",
    re.I,
)
_LEAD = re.compile(r"^(?:\d{1,3}[.)]|[-•*·])\s+")
_MAX_BARE_WORDS = 12


@dataclass(frozen=True)
class Clause:
    """Text to read with where it is; label names the labelled field it is the value of."""

    text: str
    place: Place
    index: int  # position of its block in the layout
    label: str | None = None
    written: str = ""  # label and value as written, for statements ("Line management: None")


def clauses(blocks: list[Block]) -> tuple[list[Clause], set[int]]:
    """Every labelled value and stretch of prose, and the rows that hold labels."""
    found: list[Clause] = []
    labelled_rows: set[int] = set()
    taken: set[int] = set()
    row_sizes = Counter(block.row for block in blocks)
    for index, block in enumerate(blocks):
        if index in taken:
            continue
        text = _LEAD.sub("", block.text)
        multi_cell = row_sizes[block.row] > 1
        matches = [] if is_document_title(text) else _labels(text, multi_cell, block.heading)
        prose_end = matches[0].start() if matches else len(text)
        if text[:prose_end].strip():
            found.append(Clause(text[:prose_end].strip(), block.place, index))
        for n, match in enumerate(matches):
            end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
            field = field_of(match["label"])
            value = text[match.end() : end].strip(" \t|,;")
            place = block.place
            if not value:
                following = _value_cell(blocks, index, field, bool(match["colon"]))
                if following is not None:
                    taken.add(following)
                    value, place = blocks[following].text, blocks[following].place
            if value:
                written = f"{match['label']}{match['colon'] or ''} {value}"
                found.append(Clause(value, place, index, field, " ".join(written.split())))
                labelled_rows.add(block.row)
    return found, labelled_rows


def is_document_title(text: str) -> bool:
    """A line that names the kind of document ("JOB DESCRIPTION", "Role profile")."""
    return bool(_DOCUMENT_TITLE.fullmatch(text.strip()))


def opens_with_label(text: str) -> bool:
    """Whether a line starts with a label and a colon or dash ("Grade: PO3", "Grade - PO3").

    Such a line starts a label-value pair of its own even where the text around it is wrapped.
    """
    match = _ANY_LABEL.match(text)
    return bool(match and match["colon"] and match["label"][:1].isupper())


def opens_field(text: str) -> bool:
    """Whether a line starts with a label, with or without a colon ("Grade PO3")."""
    matches = _labels(text, multi_cell=False)
    return bool(matches) and matches[0].start() == 0


def field_of(label: str) -> str:
    for pattern, field in _FIELD_OF:
        if pattern.fullmatch(label.strip()):
            return field
    return "other"


def _labels(text: str, multi_cell: bool, heading: bool = False) -> list[re.Match[str]]:
    """Label matches that start a cell, or follow on with a colon or a capitalised strong label."""
    found = []
    for match in _ANY_LABEL.finditer(text):
        label = " ".join(match["label"].lower().split())
        strong = label in _STRONG
        if match.start() == 0:
            rest = text[match.end() :]
            # a heading ("Team Leader, Street Cleansing") holds a label only with a colon
            # "POST Principal Accountant": a label set in capitals before a value that is not
            capitals = match["label"].isupper() and not rest.isupper() and rest[:1].isupper()
            bare = not heading and (strong or capitals or not rest or _bare_value(rest, multi_cell))
            if match["colon"] or bare:
                found.append(match)
            elif not found:
                return []  # a sentence that starts with a label word ("Service users ...")
        elif found and (match["colon"] or strong) and match["label"][:1].isupper():
            found.append(match)
    return found


def _bare_value(rest: str, multi_cell: bool) -> bool:
    """After a label without a colon, only a short value in a table-like row is taken."""
    words = rest.split()
    return (
        (multi_cell or len(words) <= 3)
        and len(words) <= _MAX_BARE_WORDS
        and (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] == "£")
        and not rest.rstrip().endswith(".")
    )


def _value_cell(blocks: list[Block], index: int, field: str, colon: bool) -> int | None:
    """The cell after a bare label: the next cell in its row, or after a colon the next line.

    A cell that starts with another label is no value; one repeating this label is ("Grade" |
    "GRADE PO3").
    """
    nxt = index + 1
    if nxt >= len(blocks) or blocks[nxt].heading:
        return None
    same_row = blocks[nxt].row == blocks[index].row
    if not same_row and not colon:
        return None
    text = _LEAD.sub("", blocks[nxt].text)
    labels = _labels(text, multi_cell=same_row)
    if labels and field_of(labels[0]["label"]) != field and _is_label_cell(labels[0], text):
        return None
    return nxt


def _is_label_cell(match: re.Match[str], text: str) -> bool:
    """A cell that is itself a label ("Grade:", "Grade"), not a value starting with a label word
    ("Group Support Officer")."""
    return bool(match["colon"]) or not text[match.end() :].strip()
