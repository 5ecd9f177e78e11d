"""A post record from a document's layout: each field from what the text states, with its place.

A field stated twice the same way is kept once (with its first place); stated two different ways
it is ambiguous and stays unknown. Mentions that rules compare (grades, citations, attendance
statements) are all kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import ValidationError

from postcheck.record.dates import parse_partial_date
from postcheck.record.documents import names, terms
from postcheck.record.documents.formats import NO_CONTENT
from postcheck.record.documents.labels import (
    HEADER_FIELDS,
    Clause,
    clauses,
    is_document_title,
)
from postcheck.record.documents.layout import Block, Layout, Place
from postcheck.record.documents.legal import read_legal
from postcheck.record.documents.numbering import duties, numbered_lists
from postcheck.record.documents.sections import HEADER, Section, is_known_heading, sections
from postcheck.record.documents.sentences import split_sentences
from postcheck.record.model import (
    Appointment,
    AttendanceStatement,
    GradeMention,
    LineManagement,
    LineManagementScope,
    Mention,
    NumberedList,
    OfficeAttendance,
    PoliticalRestriction,
    PostRecord,
    Salary,
)
from postcheck.record.outcome import InputError, ReadOutcome, validation_errors

T = TypeVar("T")
_GRADE = re.compile(
    r"^(?:grade\s*)?[A-Z]{1,6}\s*-?\s*\d{0,3}[A-Z]?"
    r"(?:\s*(?:-|–|/|to)\s*[A-Z]{0,6}\s*\d{1,3}[A-Z]?)?$",
    re.I,
)
# "Scale 6 Career Graded", "PO3 (pro rata)": the code, then words about it
_GRADE_TRAILER = re.compile(
    r"\s*(?:career\s+grade[ds]?|pro\s+rata|plus\b|inclusive\b|[(,;£]|[-–]\s*£).*$", re.I
)
_GRADE_CODE = r"(?:PO|SO|SCP|MG|SM|CO|JNC|M|S)\s?\d{1,2}[A-Z]?|(?:Scale|Band|Grade)\s+\d{1,2}[A-Z]?"
# "The post is on grade PO1", "graded at Scale 3": a grade stated in a sentence
_PROSE_GRADE = re.compile(
    rf"\b(?:post|role|position|job)\b[^.]{{0,40}}?\b(?:on|at|graded(?:\s+at)?)\s+"
    rf"(?:(?:grade|scale|band)\s+(?=(?:PO|SO|SCP|MG|SM)\s?\d))?(?P<code>{_GRADE_CODE})\b"
)
# Post numbers: a code with a digit in it ("31214", "FCC-CX-014", "HDC/FIN/207", "JE 1234")
_IDENTIFIER = re.compile(r"^(?=[^\d]{0,12}\d)[A-Z0-9][\w/.-]{0,24}(?:\s[\w/.-]{1,12})?$", re.I)
_MAX_NAME_WORDS = 15
_MAX_TITLE_WORDS = 12
_TITLE_SEARCH = 5
_JOB_WORD = re.compile(
    r"\b(?:officer|assistant|adviser|advisor|manager|director|head|lead|leader|worker|engineer"
    r"|inspector|accountant|planner|analyst|coordinator|co-ordinator|administrator|clerk"
    r"|secretary|researcher|consultant|specialist|surveyor|solicitor|lawyer|librarian"
    r"|technician|apprentice|executive|support|supervisor|operative|controller)s?\b",
    re.I,
)  # clauses at the top of a document where an unlabelled title may stand
# "Political Officer - Job Description": the document's kind after the title
_DOCUMENT_SUFFIX = re.compile(
    r"\s*[-–—:|]\s*(?:job|role|post)\s+(?:description|profile|advert)\b.*$", re.I
)
_TEXT_FIELDS = ("title", "service_area", "directorate")


def extract(layout: Layout, file: str) -> list[ReadOutcome]:
    """One record, or the input errors that stop it being one."""
    found, labelled_rows = clauses(layout.blocks)
    section_of = sections(layout.blocks, labelled_rows)
    data: dict[str, Any] = {}
    places: dict[str, Place] = {}
    _header_fields(found, section_of, data, places)
    _statements([c for c in found if c.label not in HEADER_FIELDS], data, places)
    if "authority" not in data:
        _set_agreed("authority", _letterhead(found, labelled_rows, layout), data, places)
    if "title" not in data:
        _set_agreed("title", _unlabelled_title(found, section_of), data, places)
    if data.get("title") and "political_group" not in data:
        group = names.political_group(data["title"], labelled=False)
        if group:
            data["political_group"], places["political_group"] = group, places["title"]
    lists = numbered_lists(layout.blocks, section_of)
    if lists:
        data["numbered_lists"] = lists
        places["numbered_lists"] = _numbering_place(lists)
    tasks = duties(layout.blocks, section_of)
    if tasks:
        data["duties"] = tasks
    if not data:
        return [InputError(file, f"{NO_CONTENT} (no title, grade, tasks ...)")]
    said = _sentences(found, layout.blocks)
    if said:
        data["sentences"] = said
    if layout.remnants:
        data["text_remnants"] = layout.remnants
    try:
        record = PostRecord.model_validate(data)
    except ValidationError as error:
        return list(validation_errors(error, file, None))
    record.provenance.file = file
    record.provenance.index = 0
    record.provenance.line = _header_line(layout, places.get("title"))
    record.provenance.fields = {path: place.location() for path, place in places.items()}
    return [record]


def _sentences(found: list[Clause], blocks: list[Block]) -> list[Mention]:
    """Every sentence, wherever it stands: the wording rules judge them all. A labelled value
    keeps its label ("Flexible working: not available"), which is part of what it says. A
    sentence of a wrapped paragraph is placed on the line it starts on."""
    said: list[Mention] = []
    for clause in found:
        if clause.label is not None:
            said.append(Mention(as_written=clause.written, **clause.place.fields()))
            continue
        block = blocks[clause.index]
        base = max(block.text.find(clause.text), 0)
        searched = 0
        for sentence in split_sentences(clause.text):
            at = clause.text.find(sentence, searched)
            searched = max(at, searched)
            place = block.place_at(base + at) if at >= 0 and block.place == clause.place else None
            where = (place or clause.place).fields()
            said.append(
                Mention(as_written=sentence, **where | {"paragraph": clause.place.paragraph})
            )
    return said


def _letterhead(found: list[Clause], labelled_rows: set[int], layout: Layout) -> list[Any]:
    """Councils named in cells of their own above (or beside) the first labelled header field."""
    first = min(labelled_rows, default=-1)
    return [
        (name, clause.place)
        for clause in found
        if clause.label is None
        and layout.blocks[clause.index].row <= first
        and (name := names.letterhead(clause.text))
    ]


def _unlabelled_title(found: list[Clause], section_of: list[Section]) -> list[Any]:
    """An advert or profile with no "Job title" label: its first short line or heading that is
    not the council's name or the document's kind ("Political Officer (Labour)")."""
    candidates: list[tuple[str, Place]] = []
    for clause in found[:_TITLE_SEARCH]:
        if clause.label is not None or section_of[clause.index].part != HEADER:
            break
        text = _DOCUMENT_SUFFIX.sub("", clause.text).strip()
        if not text or is_document_title(text) or names.letterhead(text) or is_known_heading(text):
            continue
        words = text.split()
        if len(words) > _MAX_TITLE_WORDS or text.endswith((".", ":", ";", "?", "!")):
            break
        if not text[:1].isupper():
            break
        candidates.append((text, clause.place))
    # a line under the letterhead may name a department: the one naming a job is the title
    named_job = [c for c in candidates if _JOB_WORD.search(c[0])]
    return (named_job or candidates)[:1]


def _header_line(layout: Layout, title: Place | None) -> int | None:
    """Where the post's header begins, for findings on what the document does not state.

    The job title's line, else the first line with text. A title past page 1 of a PDF is not
    used: the record's line has no page to go with it.
    """
    if title is not None and title.line is not None and (title.page or 1) == 1:
        return title.line
    return next((s.place.line for s in layout.blocks if s.place.line is not None), None)


def _header_fields(
    found: list[Clause], section_of: list[Section], data: dict[str, Any], places: dict[str, Place]
) -> None:
    values: dict[str, list[tuple[Any, Place]]] = {}
    grades: list[GradeMention] = []
    for clause in found:
        value = clause.text.strip()
        code = _grade_code(value) if clause.label == "grade" else None
        if code is not None:
            part = section_of[clause.index].part
            grades.append(
                GradeMention(
                    as_written=code,
                    place=clause.place.region or ("header" if part == HEADER else part),
                    **clause.place.fields(),
                )
            )
        elif clause.label is None and (stated := _PROSE_GRADE.search(clause.text)):
            part = section_of[clause.index].part
            grades.append(
                GradeMention(
                    as_written=stated["code"],
                    place=clause.place.region or ("header" if part == HEADER else part),
                    **clause.place.fields(),
                )
            )
        elif clause.label in _TEXT_FIELDS and len(value.split()) <= _MAX_NAME_WORDS:
            values.setdefault(clause.label, []).append((value.rstrip("."), clause.place))
        elif clause.label in ("post_number", "evaluation_number") and _IDENTIFIER.match(value):
            values.setdefault(clause.label, []).append((value, clause.place))
        elif clause.label == "date_last_updated":
            date = parse_partial_date(value)
            if date is not None:
                values.setdefault(clause.label, []).append((date.model_dump(), clause.place))
    if grades:
        data["grade"] = grades
    for field, candidates in values.items():
        _set_agreed(field, candidates, data, places)


def _grade_code(value: str) -> str | None:
    """The grade a labelled value states, without words about it; None if it states none."""
    if _GRADE.match(value):
        return value
    code = _GRADE_TRAILER.sub("", value)
    return code if code != value and _GRADE.match(code) else None


def _statements(found: list[Clause], data: dict[str, Any], places: dict[str, Place]) -> None:
    legal = read_legal(found)
    if legal.basis:
        data["statutory_basis"] = legal.basis
    stated = {value for value, _ in legal.restriction_statements if value is not None}
    restriction = PoliticalRestriction(
        stated=stated.pop() if len(stated) == 1 else None,
        citations=legal.restriction_citations,
        statements=[mention for _, mention in legal.restriction_statements],
    )
    if restriction.stated is not None or restriction.citations or restriction.statements:
        data["political_restriction"] = restriction
        if restriction.statements:
            places["political_restriction.stated"] = _place(restriction.statements[0])

    readers = _Readers()
    for clause in found:
        readers.read(clause)
    attendance = _unique(readers.attendance)
    if attendance:
        data["office_attendance"] = OfficeAttendance(statements=attendance)
        with_days = [s for s in attendance if s.days_per_week is not None]
        if data["office_attendance"].min_days_per_week is not None and with_days:
            places["office_attendance.min_days_per_week"] = _place(with_days[0])
    appointment = _appointment(readers.appointments)
    if appointment is not None:
        data["appointment"], places["appointment"] = appointment, _place(appointment)
    management = _line_management(readers.management)
    if management is not None:
        data["line_management"], places["line_management"] = management, _place(management)
    # "Salary: SCP 34-38" beside a pounds range states no amount: it does not disagree with it
    priced = [s for s in readers.salaries if s.minimum is not None or s.maximum is not None]
    salaries = [((s.minimum, s.maximum), _place(s), s) for s in priced or readers.salaries]
    if salaries and len({key for key, _, _ in salaries}) == 1:
        data["salary"], places["salary"] = salaries[0][2], salaries[0][1]
    for field in ("reports_to", "political_group"):
        _set_agreed(field, readers.named[field], data, places)
    labelled_authority = readers.named["authority_label"]
    _set_agreed("authority", labelled_authority or readers.named["authority"], data, places)


class _Readers:
    """Runs each statement reader over a clause: a labelled value through its own reader only."""

    def __init__(self) -> None:
        self.attendance: list[AttendanceStatement] = []
        self.appointments: list[Appointment] = []
        self.management: list[LineManagement] = []
        self.salaries: list[Salary] = []
        self.named: dict[str, list[tuple[Any, Place]]] = {
            "reports_to": [],
            "political_group": [],
            "authority": [],
            "authority_label": [],
        }

    def read(self, clause: Clause) -> None:
        label = clause.label
        place = clause.place.fields()
        for sentence in split_sentences(clause.text) if label is None else [clause.text]:
            if label in (None, "appointment"):
                _add(self.appointments, terms.appointment(sentence, label is not None, place))
            if label is None:
                _add(self.attendance, terms.attendance(sentence, place))
            if label in (None, "line_management"):
                said, answer = (clause.written, clause.text) if label else (sentence, None)
                _add(self.management, terms.line_management(said, place, answer))
            if label in (None, "salary"):
                _add(self.salaries, terms.salary(sentence, label is not None, place))
            for field, read in (
                ("reports_to", terms.reports_to),
                ("political_group", names.political_group),
                ("authority", names.authority),
            ):
                if label in (None, field):
                    value = read(sentence, label is not None)
                    key = "authority_label" if field == "authority" and label else field
                    if value:
                        self.named[key].append((value, clause.place))


def _add(found: list[T], item: T | None) -> None:
    if item is not None:
        found.append(item)


def _appointment(found: list[Appointment]) -> Appointment | None:
    """The appointment stated; None if none is, or statements disagree on its type."""
    if not found or len({a.type for a in found}) > 1:
        return None
    return next((a for a in found if a.end_date or a.end_event), found[0])


def _line_management(found: list[LineManagement]) -> LineManagement | None:
    scopes = {m.scope for m in found}
    if scopes == {LineManagementScope.NONE, LineManagementScope.CLERICAL}:
        scopes = {LineManagementScope.CLERICAL}
    if len(scopes) != 1:
        return None
    scope = scopes.pop()
    return next(m for m in found if m.scope == scope)


def _set_agreed(
    field: str,
    candidates: Sequence[tuple[Any, Place]],
    data: dict[str, Any],
    places: dict[str, Place],
) -> None:
    """Set the field when every candidate agrees (ignoring case and spacing), from its first."""
    keys = {_key(value, field) for value, _ in candidates}
    if len(keys) == 1:
        chosen = candidates[0]
        if field == "political_group":
            # the group's full name where it is written ("Labour Group" rather than "Labour")
            chosen = next((c for c in candidates if c[0].lower().endswith("group")), chosen)
        data[field], places[field] = chosen


def _key(value: Any, field: str) -> Any:
    if isinstance(value, str):
        words = value.lower().replace("’", "'").split()
        if field == "political_group" and len(words) > 1 and words[-1] == "group":
            words = words[:-1]  # "(Labour)" in a title and "the Labour Group" name one group
        return " ".join(words)
    if isinstance(value, dict):  # a date: the same day however it is written
        return tuple(sorted((k, v) for k, v in value.items() if k != "as_written"))
    return value


def _unique(statements: list[AttendanceStatement]) -> list[AttendanceStatement]:
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for statement in statements:
        key = (statement.line, statement.page, statement.paragraph, statement.as_written)
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def _numbering_place(lists: list[NumberedList]) -> Place:
    """Where numbering first goes wrong (a repeat or a skip), else where the first list starts."""
    for numbered in lists:
        for before, item in zip(numbered.items, numbered.items[1:], strict=False):
            if item.number != before.number + 1:
                return _place(item)
    return _place(lists[0].items[0])


def _place(mention: Any) -> Place:
    return Place(line=mention.line, page=mention.page, paragraph=mention.paragraph)
