"""Dates, citations and grades as job descriptions write them."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from postcheck.record.citations import canonical_instrument, parse_citation
from postcheck.record.dates import parse_partial_date
from postcheck.record.grades import normalise_grade, suggest_grade
from postcheck.record.model import Citation, OfficeAttendance, PostRecord, Salary


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("May 2023", "month", dt.date(2023, 5, 1), dt.date(2023, 5, 31)),
        ("02/06/2026", "day", dt.date(2026, 6, 2), dt.date(2026, 6, 2)),  # day first, as in the UK
        ("7 May 2026", "day", dt.date(2026, 5, 7), dt.date(2026, 5, 7)),
        ("7th May 2026", "day", dt.date(2026, 5, 7), dt.date(2026, 5, 7)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2026-05-07", "day", dt.date(2026, 5, 7), dt.date(2026, 5, 7)),
        ("2025", "year", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("ie 7 May 2026.", "day", dt.date(2026, 5, 7), dt.date(2026, 5, 7)),
    ],
)
def test_dates_keep_their_precision(
    text: str, precision: str, earliest: dt.date, latest: dt.date
) -> None:
    parsed = parse_partial_date(text)
    assert parsed is not None
    assert (parsed.precision, parsed.earliest, parsed.latest) == (precision, earliest, latest)


@pytest.mark.parametrize("text", ["soon", "31/02/2026", "Mayday 2023", ""])
def test_non_dates_are_not_guessed(text: str) -> None:
    assert parse_partial_date(text) is None


@pytest.mark.parametrize(
    ("text", "instrument", "provision"),
    [
        ("s.9 of the Local Government & Housing Act 1989", "LGHA 1989", "s.9"),
        ("Section 9(1) LGHA 1989", "LGHA 1989", "s.9(1)"),
        ("section 2(1)(f) of the Local Government and Housing Act 1989", "LGHA 1989", "s.2(1)(f)"),
        (
            "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) "
            "(England) Regulations 2002",
            "SI 2002/975",
            "reg.3",
        ),
        ("reg 3(6) SI 2002/975", "SI 2002/975", "reg.3(6)"),
        ("section 9 of the Local Government Act 2000", "LGA 2000", "s.9"),
        (
            "s30 Local Democracy, Economic Development and Construction Act 2009",
            "LDEDCA 2009",
            "s.30",
        ),
    ],
)
def test_citations_are_read_in_their_common_forms(
    text: str, instrument: str, provision: str
) -> None:
    parsed = parse_citation(text)
    assert (parsed.instrument, parsed.provision) == (instrument, provision)


def test_citation_without_provision_keeps_it_unknown() -> None:
    citation = Citation.model_validate("the Local Government and Housing Act 1989")
    assert citation.instrument == "LGHA 1989"
    assert citation.provision is None and citation.number is None


def test_citation_parts_for_rules() -> None:
    citation = Citation.model_validate(
        "section 2(1)(f) of the Local Government and Housing Act 1989"
    )
    assert (citation.number, citation.subsection, citation.paragraph_ref) == ("2", "1", "f")


def test_instrument_keys_accept_titles_and_short_forms() -> None:
    assert canonical_instrument("Local Government & Housing Act 1989") == "LGHA 1989"
    assert canonical_instrument("SI 2002/975") == "SI 2002/975"
    assert canonical_instrument("Housing Act 1985") is None


@pytest.mark.parametrize(
    ("written", "code"),
    [("Grade: P04", "P04"), ("GRADE PO3", "PO3"), ("po 3", "PO3"), ("SO2", "SO2")],
)
def test_grades_normalise(written: str, code: str) -> None:
    assert normalise_grade(written) == code


@pytest.mark.parametrize(
    ("code", "suggestion"),
    [("P04", "PO4"), ("S02", "SO2"), ("PO4", None), ("P4", None), ("X04", None)],
)
def test_grade_suggestions_only_for_known_families(code: str, suggestion: str | None) -> None:
    assert suggest_grade(code) == suggestion


def test_agreeing_attendance_statements_give_the_minimum() -> None:
    agreeing = OfficeAttendance.model_validate(
        {"statements": [{"days_per_week": 3}, {"as_written": "x", "days_per_week": 3}]}
    )
    disagreeing = OfficeAttendance.model_validate(
        {"statements": [{"days_per_week": 3}, {"days_per_week": 2}]}
    )
    assert agreeing.min_days_per_week == 3
    assert disagreeing.min_days_per_week is None


def test_salary_must_be_finite_and_an_inverted_range_is_kept_for_its_rule() -> None:
    # issue 11: an inverted range is a finding (salary-range-inverted), not a lost record
    inverted = Salary(minimum=50_000, maximum=40_000)
    assert (inverted.minimum, inverted.maximum) == (50_000, 40_000)
    with pytest.raises(ValidationError):
        Salary(maximum=float("inf"))


def test_records_reject_unknown_fields_and_keep_identifiers_as_text() -> None:
    record = PostRecord.model_validate({"post_number": 31214, "title": "Mayor's Assistant"})
    assert record.post_number == "31214"
    with pytest.raises(ValidationError, match="Extra inputs"):
        PostRecord.model_validate({"titel": "typo"})


def test_blank_text_is_unknown_at_any_depth() -> None:
    """One walk from the record drops blanks in nested mappings and in list items alike."""
    record = PostRecord.model_validate(
        {
            "title": "  ",
            "salary": {"minimum": 30_000, "period": ""},
            "grade": [{"as_written": "PO4", "place": " "}, ""],
            "appointment": {"type": "fixed_term", "end_date": {"year": 2027, "as_written": ""}},
            "numbered_lists": [{"heading": "", "items": [1, 2]}],
        }
    )
    assert record.title is None
    assert record.salary is not None and record.salary.period is None
    assert [(g.code, g.place) for g in record.grade] == [("PO4", None)]
    assert record.appointment.end_date is not None
    assert record.appointment.end_date.as_written is None
    assert record.numbered_lists[0].heading is None
    # text that is not blank is kept, trimmed
    assert PostRecord.model_validate({"title": " Mayor's Assistant "}).title == "Mayor's Assistant"


def test_a_table_row_with_blank_cells_reads_as_if_they_were_absent() -> None:
    """A table row is validated without the walk for blanks (its column plan leaves empty
    cells out): blank and space-only cells, and list cells of only separators, are unknown."""
    from postcheck.record.structured import read_row

    fields = ("title", "grade", "salary.minimum", "appointment.end_date", "duties", "directorate")
    row = ["Policy Officer", "  ", "", "\t", " ; ;", " Resources "]
    (record,) = read_row(fields, row, "posts.csv", 0, 2)
    assert isinstance(record, PostRecord)
    assert record.grade == [] and record.salary is None and record.duties == []
    assert record.appointment.end_date is None
    assert (record.title, record.directorate) == ("Policy Officer", "Resources")
