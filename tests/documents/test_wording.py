"""Common written forms of each thing a job description states, and what stays unknown."""

from __future__ import annotations

import pytest

from postcheck.record.documents import read_text_document
from postcheck.record.model import (
    AppointmentType,
    EndEvent,
    LineManagementScope,
    PostRecord,
)

TITLE = "Job Title: Policy Officer\n"


def read(body: str, kind: str = "text") -> PostRecord:
    (record,) = read_text_document(TITLE + body, "jd.txt", kind)
    assert isinstance(record, PostRecord), record
    return record


@pytest.mark.parametrize(
    ("sentence", "instrument", "provision"),
    [
        ("This post is established under s.9 of the LGHA 1989.", "LGHA 1989", "s.9"),
        (
            "The post is appointed under section 9 of the Local Government and Housing Act 1989.",
            "LGHA 1989",
            "s.9",
        ),
        (
            "This post is established under Section 9(1) of the "
            "Local Government & Housing Act 1989.",
            "LGHA 1989",
            "s.9(1)",
        ),
        (
            "This post is established under Regulation 3 of the 2002 Regulations.",
            "SI 2002/975",
            "reg.3",
        ),
        ("The post is established in pursuance of reg. 3 of SI 2002/975.", "SI 2002/975", "reg.3"),
        ("This post is established under LGHA 1989 s.9.", "LGHA 1989", "s.9"),
    ],
)
def test_statutory_basis_forms(sentence: str, instrument: str, provision: str) -> None:
    record = read(sentence)
    found = [(c.instrument, c.provision) for c in record.statutory_basis]
    assert found == [(instrument, provision)]
    assert record.statutory_basis[0].line == 2
    assert record.political_restriction.citations == []


def test_labelled_statutory_basis() -> None:
    record = read("Statutory basis: s.9 LGHA 1989\n")
    assert [(c.instrument, c.provision) for c in record.statutory_basis] == [("LGHA 1989", "s.9")]


def test_citation_in_a_requirement_is_not_the_posts_basis() -> None:
    record = read("Knowledge of the Local Government and Housing Act 1989 is essential.\n")
    assert record.statutory_basis == []
    assert record.political_restriction.stated is None


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("This post is politically restricted.", True),
        ("The post is designated as a politically restricted post.", True),
        ("The post is politically restricted because of its salary level.", True),
        ("This post is not politically restricted.", False),
        ("The role is exempt from political restriction.", False),
        ("Politically restricted: Yes", True),
        ("Politically restricted: No", False),
    ],
)
def test_political_restriction_statements(sentence: str, stated: bool) -> None:
    restriction = read(sentence + "\n").political_restriction
    assert restriction.stated is stated
    assert [s.as_written for s in restriction.statements] == [sentence]


def test_restriction_statements_that_disagree_leave_it_unknown() -> None:
    record = read(
        "This post is politically restricted.\nThis post is not politically restricted.\n"
    )
    assert record.political_restriction.stated is None
    assert len(record.political_restriction.statements) == 2


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("You will be expected to be in the office at least 3 days a week.", 3),
        ("The post holder will work a minimum of three days per week in the office.", 3),
        ("Office attendance of no fewer than two days each week is required by law.", 2),
        ("You must attend the workplace at least 2.5 days per week.", 2.5),
        ("Hybrid working applies, with 4 days a week in the office.", 4),
    ],
)
def test_office_attendance_forms(sentence: str, days: float) -> None:
    attendance = read(sentence + "\n").office_attendance
    assert [(s.as_written, s.days_per_week) for s in attendance.statements] == [(sentence, days)]
    assert attendance.min_days_per_week == days


def test_days_a_week_without_attendance_context_is_not_attendance() -> None:
    attendance = read("The post is part-time, 3 days a week.\n").office_attendance
    assert attendance.statements == [] and attendance.min_days_per_week is None


def test_attendance_statements_that_disagree_leave_no_minimum() -> None:
    attendance = read(
        "You will be in the office at least 3 days a week.\n"
        "Staff work a minimum of 2 days per week in the office.\n"
    ).office_attendance
    assert [s.days_per_week for s in attendance.statements] == [3, 2]
    assert attendance.min_days_per_week is None


@pytest.mark.parametrize(
    ("header", "as_written", "code"),
    [
        ("Grade: P04", "P04", "P04"),
        ("Grade PO3\tPost Number: 12", "PO3", "PO3"),
        ("Grade\tGRADE PO3", "GRADE PO3", "PO3"),
        ("Pay grade: PO 4", "PO 4", "PO4"),
        ("Grading - SO1/SO2", "SO1/SO2", "SO1/SO2"),
    ],
)
def test_grade_forms(header: str, as_written: str, code: str) -> None:
    grades = read(header + "\n").grade
    assert [(g.as_written, g.code, g.place) for g in grades] == [(as_written, code, "header")]


def test_grade_that_is_no_grade_is_not_read() -> None:
    assert read("Grade: to be confirmed after evaluation\n").grade == []


@pytest.mark.parametrize(
    ("text", "kind", "end_event", "end"),
    [
        (
            "Type of appointment: Fixed term until 7th May 2026.",
            AppointmentType.FIXED_TERM,
            None,
            (2026, 5, 7),
        ),
        (
            "This is a fixed-term post ending at the annual meeting of the Council in May 2027.",
            AppointmentType.FIXED_TERM,
            EndEvent.ANNUAL_MEETING,
            (2027, 5, None),
        ),
        (
            "Contract: Fixed term to the end of the Mayor's term of office.",
            AppointmentType.FIXED_TERM,
            EndEvent.MAYORS_TERM,
            None,
        ),
        ("Contract: Permanent", AppointmentType.PERMANENT, None, None),
        ("This is a permanent post.", AppointmentType.PERMANENT, None, None),
        (
            "Temporary contract until 31/03/2027, subject to funding.",
            AppointmentType.FIXED_TERM,
            EndEvent.FUNDING,
            (2027, 3, 31),
        ),
    ],
)
def test_appointment_forms(
    text: str,
    kind: AppointmentType,
    end_event: EndEvent | None,
    end: tuple[int, int, int | None] | None,
) -> None:
    appointment = read(text + "\n").appointment
    assert appointment.type is kind
    assert appointment.end_event is end_event
    found = appointment.end_date
    assert (None if found is None else (found.year, found.month, found.day)) == end
    assert appointment.line == 2


def test_appointments_that_disagree_stay_not_stated() -> None:
    record = read("This is a permanent post.\nThis is a fixed-term post.\n")
    assert record.appointment.type is AppointmentType.NOT_STATED


def test_permanent_residents_are_no_appointment() -> None:
    assert read("We serve permanent residents.\n").appointment.type is AppointmentType.NOT_STATED


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("You will have no line management responsibility.", LineManagementScope.NONE),
        ("The post holder does not manage staff.", LineManagementScope.NONE),
        ("Line management: None", LineManagementScope.NONE),
        ("You will line manage a team of 4 officers.", LineManagementScope.STAFF),
        ("The post holder will have 3 direct reports.", LineManagementScope.STAFF),
        ("You will supervise clerical/secretarial support.", LineManagementScope.CLERICAL),
        (
            "There is no line management, but you will supervise secretarial support staff.",
            LineManagementScope.CLERICAL,
        ),
    ],
)
def test_line_management_forms(sentence: str, scope: LineManagementScope) -> None:
    management = read(sentence + "\n").line_management
    assert management is not None
    assert (management.scope, management.as_written, management.line) == (scope, sentence, 2)


def test_line_management_statements_that_conflict_stay_unknown() -> None:
    record = read(
        "You will have no line management responsibility.\n"
        "You will line manage a team of 4 officers.\n"
    )
    assert record.line_management is None


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        ("Salary: £40,000 - £45,000", 40000, 45000),
        ("The salary is £40,000 to £45,000 per annum.", 40000, 45000),
        ("Salary range: £40k–£45k", 40000, 45000),
        ("Salary: up to £45,000", None, 45000),
        ("Salary: £41,500.50", 41500.5, 41500.5),
    ],
)
def test_salary_forms(text: str, minimum: float | None, maximum: float | None) -> None:
    salary = read(text + "\n").salary
    assert salary is not None
    assert (salary.minimum, salary.maximum) == (minimum, maximum)


def test_money_that_is_not_pay_is_not_salary() -> None:
    assert read("You will manage a budget of £40,000 for events.\n").salary is None


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("To provide political support to the Green Group.", "Green Group"),
        ("Political Assistant to the Conservative Group on the Council.", "Conservative Group"),
        ("Political group: Labour Group", "Labour Group"),
    ],
)
def test_political_group_forms(text: str, group: str) -> None:
    assert read(text + "\n").political_group == group


def test_title_names_the_group() -> None:
    (record,) = read_text_document("Job Title: Green Group Political Assistant\n", "x", "text")
    assert isinstance(record, PostRecord)
    assert record.political_group == "Green Group"


@pytest.mark.parametrize(
    "text",
    [
        "To liaise with the Labour Group Officers and attend Group meetings.",
        "To support the Leader of the Majority Group.",
        "To serve the Political Group.",
    ],
)
def test_groups_merely_mentioned_are_not_the_group_served(text: str) -> None:
    assert read(text + "\n").political_group is None


def test_groups_that_disagree_stay_unknown() -> None:
    record = read("To provide support to the Green Group.\nTo provide support to the Red Group.\n")
    assert record.political_group is None


def test_reports_to_forms() -> None:
    assert read("Reports to: Head of Policy\n").reports_to == "Head of Policy"
    assert (
        read(
            "The post holder reports directly to the Chief Executive, who sets priorities.\n"
        ).reports_to
        == "Chief Executive"
    )
    assert read("To prepare reports to Cabinet.\n").reports_to is None


def test_authority_only_from_wording_that_names_the_employer() -> None:
    assert read("Council: Royal Borough of Greenwich\n").authority == "Royal Borough of Greenwich"
    assert read("Terms of employment with the City of Westminster apply.\n").authority == (
        "City of Westminster"
    )
    assert read("We work closely with Essex County Council.\n").authority is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("May 2023", (2023, 5, None)),
        ("02/06/2026", (2026, 6, 2)),
        ("7 May 2026", (2026, 5, 7)),
        ("7th May 2026", (2026, 5, 7)),
    ],
)
def test_last_updated_forms(value: str, expected: tuple[int, int, int | None]) -> None:
    date = read(f"Date last updated: {value}\n").date_last_updated
    assert date is not None and (date.year, date.month, date.day) == expected
    assert date.as_written == value


def test_labels_that_disagree_leave_the_field_unknown() -> None:
    record = read("Post Number: 100\nPerson Specification\nPost Number: 200\n")
    assert record.post_number is None
    assert record.title == "Policy Officer"


def test_markup_remnants_one_per_line() -> None:
    record = read("<p>Our values</p> <p>We care.</p>\nClean line\nA &nbsp; gap<br>\n")
    assert [(m.line, (m.as_written or "")[:3]) for m in record.text_remnants] == [
        (2, "<p>"),
        (4, "A &"),
    ]
