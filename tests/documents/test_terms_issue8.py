"""The term, attendance and pay readers on the phrasings the legal review of issue 8 found
misread: end events and end dates inside sentences, weeks split between home and office, and pay
ranges written with "k", a dropped "£" or spinal column points.

Every expected value is written by hand from the sentence; each form taken has a neighbour that
must not be taken.
"""

from __future__ import annotations

import datetime as dt

import pytest

from postcheck.record.documents import read_text_document, terms
from postcheck.record.model import AppointmentType, EndEvent, PostRecord

PLACE: dict[str, int | None] = {"line": 3, "page": None, "paragraph": None}
FIXED, PERMANENT = AppointmentType.FIXED_TERM, AppointmentType.PERMANENT


# --- appointment: the term and what ends it --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "labelled", "event"),
    [
        ("until the annual meeting of the Council in May 2027", True, EndEvent.ANNUAL_MEETING),
        (
            "Duration: until the annual meeting of the Council in May 2027",
            False,
            EndEvent.ANNUAL_MEETING,
        ),
        ("Coterminous with the Mayor's term of office", True, EndEvent.MAYORS_TERM),
        ("The post is co-terminus with the Mayor's term.", False, EndEvent.MAYORS_TERM),
        ("The appointment will last for the Mayor's term of office.", False, EndEvent.MAYORS_TERM),
        ("This appointment is for as long as the Mayor holds office.", False, EndEvent.MAYORS_TERM),
        (
            "Fixed term until the end of the Mayor's current four-year term.",
            False,
            EndEvent.MAYORS_TERM,
        ),
        (
            "The appointment will end at the Annual Council meeting 2028.",
            False,
            EndEvent.ANNUAL_MEETING,
        ),
    ],
)
def test_an_end_tied_to_an_event_is_a_fixed_term(
    sentence: str, labelled: bool, event: EndEvent
) -> None:
    found = terms.appointment(sentence, labelled, PLACE)
    assert found is not None
    assert (found.type, found.end_event) == (FIXED, event)


@pytest.mark.parametrize(
    "sentence",
    [
        "This is an open-ended appointment.",
        "The contract is open-ended.",
        "Permanent, with no fixed end date.",
        "The post is permanent.",
    ],
)
def test_permanent_and_open_ended_terms(sentence: str) -> None:
    found = terms.appointment(sentence, False, PLACE)
    assert found is not None and found.type is PERMANENT


def test_a_mayor_named_without_an_end_word_states_no_term() -> None:
    assert terms.appointment("You will support the Mayor's term priorities.", False, PLACE) is None


@pytest.mark.parametrize(
    ("sentence", "end"),
    [
        ("Fixed term until 2028-05-20.", "2028-05-20"),
        ("The contract is fixed term ending on 20 May 2028.", "2028-05-20"),
        ("Fixed-term contract to 31/03/2027", "2027-03-31"),
        ("This post is fixed term from 1 June 2026 until 31 March 2027.", "2027-03-31"),
        ("Fixed term 1 June 2026 - 31 March 2027", "2027-03-31"),
        ("Temporary contract until 31st March 2027 (with possible extension)", "2027-03-31"),
        ("The appointment ends at the annual meeting in 2026.", "2026"),
        ("Fixed-term appointment, ending no later than the 2027 annual meeting.", "2027"),
        ("until the annual meeting of the Council in May 2027", "2027-05"),
    ],
)
def test_the_end_date_is_read_inside_the_sentence(sentence: str, end: str) -> None:
    found = terms.appointment(sentence, False, PLACE)
    assert found is not None and found.type is FIXED
    assert found.end_date is not None and found.end_date.iso() == end


@pytest.mark.parametrize(
    "sentence",
    [
        "Fixed term contract (12 months) from 1 June 2026",
        "Start date – 1 June 2026, fixed term for 12 months.",
        # a municipal year is a span, not the year of the annual meeting
        "Contract: Fixed term for the duration of the municipal year 2026/27",
    ],
)
def test_a_start_date_or_a_span_is_not_the_end(sentence: str) -> None:
    found = terms.appointment(sentence, False, PLACE)
    assert found is not None and found.type is FIXED
    assert found.end_date is None


def test_a_bare_year_is_read_only_with_an_end_event() -> None:
    found = terms.appointment("Fixed term post, budget approved in 2026.", False, PLACE)
    assert found is not None and found.end_date is None


# --- office attendance: a week split between home and office ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("You will work from home 2 days a week and in the office 3 days a week.", 3),
        ("2 days from home and 3 in the office", 3),
        ("Hybrid: from home 2 days per week, in the office 3 days per week", 3),
        ("Working pattern: 3 days in the office, 2 days at home each week", 3),
        ("In the office 3 days a week, working from home the other 2 days a week.", 3),
        (
            "You can work remotely up to 3 days a week; at least 2 days a week must be in the "
            "office.",
            2,
        ),
        (
            "The post holder is expected to attend the office 2 days a week and work from home "
            "the remaining 3 days a week.",
            2,
        ),
        ("at least 3 days a week in the office", 3),
        ("Hybrid working: 3 days a week", 3),
    ],
)
def test_office_days_in_a_split_week(sentence: str, days: float) -> None:
    found = terms.attendance(sentence, PLACE)
    assert found is not None and found.days_per_week == days


@pytest.mark.parametrize(
    "sentence",
    [
        "Work from home up to 2 days a week.",  # home days, and no office count
        "You will work 2 days a week from home with the remainder in the office.",
        "The post is part-time, 3 days a week.",
        "Our team of 3 in the office works from home on Fridays.",  # 3 people, not days
    ],
)
def test_home_days_are_never_office_days(sentence: str) -> None:
    found = terms.attendance(sentence, PLACE)
    assert found is None or found.days_per_week is None


# --- pay ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Salary £44k - £49.3k", 44000, 49300),
        ("Salary £44,000 to £49.3k", 44000, 49300),
        ("Salary £44,000 - 49,282", 44000, 49282),
        ("Salary: £44,000 - £49,282 per annum", 44000, 49282),
        ("salary £49.25k", 49250, 49250),
        ("Salary: £15.50 - £17.25 per hour", 15.5, 17.25),
    ],
)
def test_pay_ranges(sentence: str, low: float, high: float) -> None:
    found = terms.salary(sentence, False, PLACE)
    assert found is not None and (found.minimum, found.maximum) == (low, high)


@pytest.mark.parametrize(
    ("sentence", "single"),
    [
        ("Grade PO3, £44,000 - 5 days in the office", 44000),  # "5" is no pay
        ("Salary £44,000 to 45 hours a week", 44000),
    ],
)
def test_a_number_after_a_dash_that_is_not_pay(sentence: str, single: float) -> None:
    found = terms.salary(sentence, False, PLACE)
    assert found is not None and (found.minimum, found.maximum) == (single, single)


def test_an_inverted_range_is_read_as_written_for_salary_range_inverted() -> None:
    # issue 11: refusing it lost the finding; it is now read and reported as a data error
    found = terms.salary("Salary £45,000 - £40,000", False, PLACE)
    assert found is not None and (found.minimum, found.maximum) == (45000, 40000)


@pytest.mark.parametrize(
    ("sentence", "points", "written"),
    [
        ("Salary: SCP 34 - 38", (34, 38), "SCP 34 - 38"),
        ("Salary: SCP 34-38", (34, 38), "SCP 34-38"),
        ("Grade PO3 (SCP 34 - SCP 38)", (34, 38), "SCP 34 - SCP 38"),
        ("spinal column points 34 to 38", (34, 38), "spinal column points 34 to 38"),
        ("Salary: SCP 38", (38, 38), "SCP 38"),
    ],
)
def test_spinal_column_points_are_kept_as_written(
    sentence: str, points: tuple[int, int], written: str
) -> None:
    assert terms.pay_points(sentence) == points
    found = terms.salary(sentence, False, PLACE)
    assert found is not None
    assert (found.as_written, found.minimum, found.maximum) == (written, None, None)


@pytest.mark.parametrize("sentence", ["SCP 38 - 34", "Grade PO3", "3 days a week"])
def test_no_points_where_none_are_stated(sentence: str) -> None:
    assert terms.pay_points(sentence) is None


# --- whole documents -------------------------------------------------------------------------


def _read(text: str) -> PostRecord:
    (record,) = read_text_document(text, "jd.txt", "text")
    assert isinstance(record, PostRecord), record
    return record


def test_a_document_reads_the_annual_meeting_and_its_month() -> None:
    record = _read(
        "Job Title: Political Assistant to the Green Group\n"
        "This post is established under section 9 of the Local Government and Housing Act 1989.\n"
        "Duration: until the annual meeting of the Council in May 2027\n"
    )
    appointment = record.appointment
    assert (appointment.type, appointment.end_event) == (FIXED, EndEvent.ANNUAL_MEETING)
    assert appointment.end_date is not None
    assert (appointment.end_date.earliest, appointment.end_date.latest) == (
        dt.date(2027, 5, 1),
        dt.date(2027, 5, 31),
    )
    assert appointment.line == 3


def test_a_document_with_a_split_week_and_a_minimum_agrees() -> None:
    record = _read(
        "Job Title: Policy Officer\n"
        "You will work from home 2 days a week and in the office 3 days a week.\n"
        "Office attendance: a minimum of 3 days a week in the office.\n"
    )
    assert [s.days_per_week for s in record.office_attendance.statements] == [3, 3]
    assert record.office_attendance.min_days_per_week == 3


def test_a_pay_point_range_does_not_hide_the_amounts_stated_elsewhere() -> None:
    (record,) = read_text_document(
        "Job title: Policy Officer\nSalary: SCP 34-38\n\n"
        "The salary is £44,000 to £49,000 per annum.\n",
        "jd.txt",
        "text",
    )
    assert isinstance(record, PostRecord)
    assert record.salary is not None
    assert (record.salary.minimum, record.salary.maximum, record.salary.line) == (44000, 49000, 4)
