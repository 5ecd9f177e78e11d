"""The two Newham job descriptions read as the issue pins them, each value at its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from postcheck.record.model import AppointmentType, EndEvent, LineManagementScope, PostRecord
from tests.documents.conftest import SEEDS, read_one

MAYORS = SEEDS / "newham-mayors-assistant.txt"
GROUP = SEEDS / "newham-independents-group-political-assistant.txt"


@pytest.fixture(scope="module")
def mayors() -> PostRecord:
    return read_one(MAYORS)


@pytest.fixture(scope="module")
def group() -> PostRecord:
    return read_one(GROUP)


def line_of(seed: Path, needle: str) -> int:
    """1-based number of the first line of the seed that contains needle."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_mayors_header_fields(mayors: PostRecord) -> None:
    assert mayors.title == "Mayor's Assistant"
    assert mayors.service_area == "Mayor's Office"
    assert mayors.directorate == "Resources"
    assert mayors.post_number == "31214"
    assert mayors.evaluation_number == "JE6777"
    assert mayors.date_last_updated is not None
    assert (mayors.date_last_updated.year, mayors.date_last_updated.month) == (2023, 5)
    assert mayors.date_last_updated.precision == "month"
    assert mayors.authority == "London Borough of Newham"


def test_mayors_grade_mentions_in_header_and_person_specification(mayors: PostRecord) -> None:
    assert [(g.as_written, g.code, g.place) for g in mayors.grade] == [
        ("P04", "P04", "header"),
        ("P04", "P04", "person specification"),
    ]
    first, second = (g.line for g in mayors.grade)
    assert first == line_of(MAYORS, "Grade: P04")
    assert second is not None and first is not None and second > first + 50


def test_mayors_fixed_term_to_end_of_mayors_term(mayors: PostRecord) -> None:
    appointment = mayors.appointment
    assert appointment.type is AppointmentType.FIXED_TERM
    assert appointment.end_event is EndEvent.MAYORS_TERM
    assert appointment.end_date is not None and appointment.end_date.earliest == date(2026, 5, 7)
    assert appointment.as_written == (
        "Fixed term up to the end of the Mayor's current term of office ie 7 May 2026."
    )
    assert appointment.line == line_of(MAYORS, "Type of appointment")


def test_mayors_statutory_basis_is_regulation_3_twice(mayors: PostRecord) -> None:
    basis = mayors.statutory_basis
    assert [(c.instrument, c.provision) for c in basis] == [("SI 2002/975", "reg.3")] * 2
    lines = [c.line for c in basis]
    assert lines[0] == line_of(MAYORS, "- This post is established under Regulation 3")
    assert lines[1] is not None and lines[0] is not None and lines[1] > lines[0]


def test_mayors_political_restriction(mayors: PostRecord) -> None:
    restriction = mayors.political_restriction
    assert restriction.stated is True
    assert [(c.instrument, c.provision) for c in restriction.citations] == [("LGHA 1989", "s.2(1)")]
    assert restriction.citations[0].line == line_of(MAYORS, "This post is politically restricted")


def test_mayors_office_attendance_two_statements_of_three_days(mayors: PostRecord) -> None:
    statements = mayors.office_attendance.statements
    assert [s.days_per_week for s in statements] == [3, 3]
    assert "at least 3 days a week" in (statements[0].as_written or "")
    assert "a minimum of 3 days per week" in (statements[1].as_written or "")
    assert statements[0].line == line_of(MAYORS, "at least 3 days a week")
    assert mayors.office_attendance.min_days_per_week == 3


def test_mayors_line_management_and_reporting(mayors: PostRecord) -> None:
    assert mayors.line_management is not None
    assert mayors.line_management.scope is LineManagementScope.NONE
    assert mayors.line_management.line == line_of(MAYORS, "no line management")
    assert mayors.reports_to == "Mayor's External Affairs & Communications Adviser"


def test_mayors_serves_the_mayor_not_a_group(mayors: PostRecord) -> None:
    assert mayors.political_group is None


def test_mayors_numbered_lists_restart_at_one(mayors: PostRecord) -> None:
    lists = [(nl.heading, [i.number for i in nl.items]) for nl in mayors.numbered_lists]
    assert lists == [
        ("Key Tasks and Accountabilities", list(range(1, 20))),
        ("Culture", list(range(1, 7))),
    ]
    assert mayors.numbered_lists[0].items[7].line == line_of(MAYORS, "8. To support effective")


def test_mayors_duties_are_the_key_tasks(mayors: PostRecord) -> None:
    assert len(mayors.duties) == 19
    assert mayors.duties[0].as_written is not None
    assert mayors.duties[0].as_written.startswith("To work closely with the Mayor")
    assert mayors.duties[18].line == line_of(MAYORS, "19. To develop and maintain")


def test_mayors_markup_left_in_text_is_a_remnant_per_line(mayors: PostRecord) -> None:
    lines = [m.line for m in mayors.text_remnants]
    assert line_of(MAYORS, "<p>People at the heart") in lines
    assert line_of(MAYORS, "<p>IMPORTANT INFORMATION") in lines
    assert len(lines) == len(set(lines)) == 5
    assert all("<p>" in (m.as_written or "") for m in mayors.text_remnants)


def test_group_header_fields(group: PostRecord) -> None:
    assert group.title == "Newham Independents Group Political Assistant"
    assert group.service_area == "Democratic Services"
    assert group.directorate == "Law and Governance"
    assert group.post_number == "3527"
    assert group.evaluation_number == "7660"
    assert group.date_last_updated is not None
    assert group.date_last_updated.earliest == group.date_last_updated.latest == date(2026, 6, 2)


def test_group_grade_as_written_in_both_places(group: PostRecord) -> None:
    assert [(g.as_written, g.code, g.place) for g in group.grade] == [
        ("PO3", "PO3", "header"),
        ("GRADE PO3", "PO3", "person specification"),
    ]
    assert group.grade[1].line == line_of(GROUP, "Grade GRADE PO3")


def test_group_appointment_not_stated(group: PostRecord) -> None:
    assert group.appointment.type is AppointmentType.NOT_STATED
    assert group.appointment.end_date is None and group.appointment.as_written is None


def test_group_statutory_basis_is_section_9_twice(group: PostRecord) -> None:
    basis = [(c.instrument, c.provision) for c in group.statutory_basis]
    assert basis == [("LGHA 1989", "s.9")] * 2
    assert group.statutory_basis[0].line == line_of(GROUP, "3. This post is established")
    assert group.statutory_basis[1].line == line_of(GROUP, "<p>OTHER SPECIAL REQUIREMENTS")


def test_group_political_restriction(group: PostRecord) -> None:
    restriction = group.political_restriction
    assert restriction.stated is True
    assert [(c.instrument, c.provision) for c in restriction.citations] == [("LGHA 1989", "s.2(1)")]


def test_group_no_minimum_office_days(group: PostRecord) -> None:
    attendance = group.office_attendance
    assert attendance.min_days_per_week is None
    assert all(s.days_per_week is None for s in attendance.statements)
    assert [s.as_written for s in attendance.statements] in (
        [],
        ["Physical attendance at meetings of Full Council is expected."],
    )


def test_group_serves_its_group_and_reports_to_head_of_service(group: PostRecord) -> None:
    assert group.political_group == "Newham Independents Group"
    assert group.reports_to == "Head of Democratic Services"
    assert group.line_management is not None
    assert group.line_management.scope is LineManagementScope.NONE


def test_group_numbering_shows_thirteen_twice(group: PostRecord) -> None:
    lists = [[i.number for i in nl.items] for nl in group.numbered_lists]
    assert lists == [[1, 2, 3], [*range(1, 14), *range(13, 18)]]
    thirteens = [i.line for i in group.numbered_lists[1].items if i.number == 13]
    assert thirteens == [
        line_of(GROUP, "13. To provide digital support"),
        line_of(GROUP, "13. To promote and demonstrate"),
    ]


@pytest.mark.parametrize("seed", [MAYORS, GROUP], ids=lambda p: p.stem)
def test_every_scalar_value_has_its_line(seed: Path) -> None:
    record = read_one(seed)
    fields = record.provenance.fields
    assert record.provenance.file.endswith(".txt")
    for name in (
        "title",
        "service_area",
        "directorate",
        "post_number",
        "evaluation_number",
        "date_last_updated",
        "reports_to",
        "line_management",
    ):
        assert fields[name].line is not None, name
    assert fields["title"].line == fields["service_area"].line
    assert fields["directorate"].line == fields["title"].line + 1  # type: ignore[operator]


@pytest.mark.parametrize("seed", [MAYORS, GROUP], ids=lambda p: p.stem)
def test_round_trip_through_yaml(seed: Path) -> None:
    record = read_one(seed)
    dumped = record.model_dump(mode="json", exclude_none=True, exclude={"provenance"})
    again = PostRecord.model_validate(yaml.safe_load(yaml.safe_dump(dumped, allow_unicode=True)))
    assert again.model_dump(exclude={"provenance"}) == record.model_dump(exclude={"provenance"})


def test_numbering_is_placed_where_it_first_goes_wrong(group: PostRecord) -> None:
    assert group.provenance.fields["numbered_lists"].line == line_of(
        GROUP, "13. To promote and demonstrate"
    )
