"""The corpus's fields: what a reader of a job description should get, in comparable form.

Shared by tests/documents/test_corpus.py (which asserts them) and benchmarks/bench_extraction.py
(which counts them), so both judge the reader by one mapping from post record to plain values.
Expected values are written by hand from each document (the truth, not what the code gives);
see tests/documents/corpus/README.md for the format.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from postcheck.record.model import AppointmentType, Citation, PostRecord

CORPUS = Path(__file__).resolve().parent / "corpus"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
EXPECTED_SUFFIX = ".expected.yaml"
NOT_DOCUMENTS = frozenset({"README.md"})

# Compared fields, in report order. "kind" is informational and "findings" needs the rules, so
# neither is mapped from the record here.
FIELDS = (
    "title",
    "authority",
    "political_group",
    "grade",
    "post_number",
    "salary",
    "appointment_type",
    "appointment_end_event",
    "appointment_end_date",
    "reports_to",
    "line_management",
    "statutory_basis",
    "restriction_stated",
    "restriction_citations",
    "attendance_days",
    "duties",
)
INFORMATIONAL = frozenset({"kind"})
FINDINGS = "findings"
KNOWN_KEYS = frozenset(FIELDS) | INFORMATIONAL | {FINDINGS}
SALARY_PARTS = ("minimum", "maximum", "period")


def documents(folder: Path = CORPUS) -> list[Path]:
    """Every corpus document, sorted by name (the folder's README and build script are not)."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix in DOCUMENT_SUFFIXES and p.name not in NOT_DOCUMENTS
    )


def expected_path(document: Path) -> Path:
    return document.with_name(document.name.removesuffix(document.suffix) + EXPECTED_SUFFIX)


def load_expected(document: Path) -> dict[str, Any]:
    """The hand-written truth for a document; a key given as null must stay unknown."""
    data = yaml.safe_load(expected_path(document).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{expected_path(document)}: expected a mapping")
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise ValueError(f"{expected_path(document)}: unknown keys {sorted(unknown)}")
    return data


def _value(item: Any) -> Any:
    return item.value if isinstance(item, Enum) else item


def citation_key(citation: Citation) -> str:
    """'LGHA 1989 s.2(1)(f)': canonical instrument and provision, whichever are known."""
    key = " ".join(part for part in (citation.instrument, citation.provision) if part)
    return key or (citation.as_written or "")


def _salary(record: PostRecord) -> dict[str, Any] | None:
    salary = record.salary
    if salary is None or (salary.minimum is None and salary.maximum is None):
        return None
    # The period is read where the model has one; until then every stated period is missed.
    return {
        "minimum": salary.minimum,
        "maximum": salary.maximum,
        "period": _value(getattr(salary, "period", None)),
    }


def observed(record: PostRecord) -> dict[str, Any]:
    """The record's values for every field in FIELDS, unknowns as None, in the expected form."""
    appointment = record.appointment
    line = record.line_management
    restriction = record.political_restriction
    return {
        "title": record.title,
        "authority": record.authority,
        "political_group": record.political_group,
        "grade": [g.code or g.as_written for g in record.grade],
        "post_number": record.post_number,
        "salary": _salary(record),
        "appointment_type": (
            None if appointment.type is AppointmentType.NOT_STATED else appointment.type.value
        ),
        "appointment_end_event": _value(appointment.end_event),
        "appointment_end_date": appointment.end_date.iso() if appointment.end_date else None,
        "reports_to": record.reports_to,
        "line_management": _value(line.scope) if line is not None else None,
        "statutory_basis": [citation_key(c) for c in record.statutory_basis],
        "restriction_stated": restriction.stated,
        "restriction_citations": [citation_key(c) for c in restriction.citations],
        "attendance_days": record.office_attendance.min_days_per_week,
        "duties": len(record.duties) or None,
    }


def is_known(value: Any) -> bool:
    """A value states something: not None, and not an empty list (nothing mentioned)."""
    return value is not None and value != []


def agrees(field: str, expected: Any, seen: Any) -> bool:
    """Equal as the corpus means it: a salary is compared on the parts the expected file lists."""
    if field == "salary" and isinstance(expected, dict) and isinstance(seen, dict):
        return all(seen.get(part) == value for part, value in expected.items())
    return bool(expected == seen)


def mismatches(expected: dict[str, Any], seen: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, expected, observed) for every listed field the observation gets wrong."""
    return [
        (field, expected[field], seen.get(field))
        for field in FIELDS
        if field in expected and not agrees(field, expected[field], seen.get(field))
    ]


def salary_part(value: Any, part: str) -> Any:
    """One part of a salary ('range' is minimum and maximum together), for per-part counts."""
    if not isinstance(value, dict):
        return None
    if part == "range":
        amounts = (value.get("minimum"), value.get("maximum"))
        return None if amounts == (None, None) else amounts
    return value.get(part)
