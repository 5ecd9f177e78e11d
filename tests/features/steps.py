"""Step definitions for features/*.feature, worded as a lawyer would say them.

Steps build a post record the way a job description states it, then judge it on the bundled
rules. No step exposes field names or JSON: the features are for legal review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from postcheck.check import RecordResult
from postcheck.record.dates import parse_partial_date
from postcheck.rules.authorities import Authority
from tests.conftest import judge

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@pytest.fixture
def post() -> dict[str, Any]:
    return {}


@pytest.fixture
def outcome() -> dict[str, RecordResult]:
    return {}


@pytest.fixture
def council() -> dict[str, Any]:
    """What the scenario says about the council; empty means the post names no known council."""
    return {}


def _day(text: str) -> dt.date:
    parsed = parse_partial_date(text)
    assert parsed is not None and parsed.precision == "day", f"not a full date: {text}"
    return parsed.earliest


def _days(text: str) -> float:
    return float(_WORD_NUMBERS.get(text, text))


# -- what the post is -------------------------------------------------------------------------


@given(parsers.parse('a post titled "{title}"'))
def titled(post: dict[str, Any], title: str) -> None:
    post["title"] = title


@given(parsers.parse('the post belongs to the "{authority}"'))
def authority(post: dict[str, Any], authority: str) -> None:
    post["authority"] = authority


@given(parsers.parse('the post is established under "{citation}"'))
def established_under(post: dict[str, Any], citation: str) -> None:
    post.setdefault("statutory_basis", []).append(citation)


@given("the job description does not say under what provision the post is established")
def basis_unstated(post: dict[str, Any]) -> None:
    post.pop("statutory_basis", None)


@given(parsers.parse('the post serves the "{group}"'))
def serves_group(post: dict[str, Any], group: str) -> None:
    post["political_group"] = group


# -- the council ------------------------------------------------------------------------------


def _council(council: dict[str, Any]) -> dict[str, Any]:
    council.setdefault("name", "the council")
    return council


@given(parsers.parse('the council has a directly elected mayor whose term ends on "{end}"'))
def elected_mayor(council: dict[str, Any], end: str) -> None:
    last = _day(end)
    _council(council)["governance"] = {"model": "mayor_and_cabinet"}
    council["mayor_terms"] = [{"start": dt.date(last.year - 4, last.month, 1), "end": last}]


@given("the council is run by a leader and cabinet and has no directly elected mayor")
def leader_and_cabinet(council: dict[str, Any]) -> None:
    _council(council)["governance"] = {"model": "leader_and_cabinet"}


@given(parsers.parse('the "{group}" is one of the council\'s political groups'))
def council_group(council: dict[str, Any], group: str) -> None:
    _council(council).setdefault("political_groups", []).append({"name": group})


@given(parsers.parse("the council's policy requires at least {days} days a week in the office"))
def attendance_policy(council: dict[str, Any], days: str) -> None:
    _council(council)["office_attendance"] = {"min_office_days": _days(days)}


@given(parsers.parse('the council\'s grade "{code}" is paid £{low:d} to £{high:d} a year'))
def council_grade(council: dict[str, Any], code: str, low: int, high: int) -> None:
    scale = _council(council).setdefault("grade_scale", {"grades": []})
    scale["grades"].append({"code": code, "lowest_pay": low, "highest_pay": high})


# -- political restriction --------------------------------------------------------------------


@given(
    parsers.parse('the job description says the post is politically restricted under "{citation}"')
)
def restricted_under(post: dict[str, Any], citation: str) -> None:
    restriction = post.setdefault("political_restriction", {})
    restriction["stated"] = True
    restriction.setdefault("citations", []).append(citation)


@given("the job description says the post is politically restricted")
def restricted(post: dict[str, Any]) -> None:
    post.setdefault("political_restriction", {})["stated"] = True


@given("the job description does not say whether the post is politically restricted")
def restriction_unstated(post: dict[str, Any]) -> None:
    post.pop("political_restriction", None)


@given(parsers.parse('the job description says "{statement}" about political restriction'))
def restriction_statement(post: dict[str, Any], statement: str) -> None:
    post.setdefault("political_restriction", {}).setdefault("statements", []).append(statement)


# -- appointment ------------------------------------------------------------------------------


@given(parsers.parse('the appointment is for a fixed term ending on "{end}"'))
def fixed_term_to(post: dict[str, Any], end: str) -> None:
    post["appointment"] = {"type": "fixed_term", "end_date": end}


@given(
    parsers.parse(
        'the appointment is for a fixed term ending at the end of the mayor\'s term on "{end}"'
    )
)
def fixed_term_mayor(post: dict[str, Any], end: str) -> None:
    post["appointment"] = {"type": "fixed_term", "end_date": end, "end_event": "end_of_mayors_term"}


@given("the appointment is for a fixed term ending at the council's annual meeting")
def fixed_term_annual_meeting(post: dict[str, Any]) -> None:
    post["appointment"] = {"type": "fixed_term", "end_event": "annual_meeting"}


@given("the appointment is permanent")
def permanent(post: dict[str, Any]) -> None:
    post["appointment"] = {"type": "permanent"}


@given("the job description does not say whether the appointment is permanent or for a fixed term")
def appointment_unstated(post: dict[str, Any]) -> None:
    post["appointment"] = {"type": "not_stated"}


@given(parsers.parse("the pay range is £{low:d} to £{high:d} a year"))
def pay_range(post: dict[str, Any], low: int, high: int) -> None:
    post["salary"] = {"minimum": low, "maximum": high}


_PERIODS = {
    "year": "annual",
    "month": "monthly",
    "week": "weekly",
    "day": "daily",
    "hour": "hourly",
}


@given(parsers.parse("the pay is stated as £{low:d} to £{high:d} per {unit}"))
def pay_per(post: dict[str, Any], low: int, high: int, unit: str) -> None:
    post["salary"] = {"minimum": low, "maximum": high, "period": _PERIODS[unit]}


@given(parsers.parse('the job description says "{statement}" about line management'))
def line_management(post: dict[str, Any], statement: str) -> None:
    lowered = statement.lower()
    scope = (
        "none"
        if lowered.startswith("no ") or " no " in lowered
        else "clerical_or_secretarial"
        if "clerical" in lowered or "secretarial" in lowered
        else "staff"
    )
    post["line_management"] = {"as_written": statement, "scope": scope}


@given(parsers.parse('one of the duties is "{duty}"'))
def duty(post: dict[str, Any], duty: str) -> None:
    post.setdefault("duties", []).append(duty)


# -- grading ----------------------------------------------------------------------------------


@given(parsers.parse('the grade is given as "{grade}" in the header'))
def grade_header(post: dict[str, Any], grade: str) -> None:
    post.setdefault("grade", []).insert(0, {"as_written": grade, "place": "header"})


@given(parsers.parse('the grade is given as "{grade}" in the person specification'))
def grade_person_spec(post: dict[str, Any], grade: str) -> None:
    post.setdefault("grade", []).append({"as_written": grade, "place": "person specification"})


# -- office attendance ------------------------------------------------------------------------


@given(
    parsers.parse(
        'the job description says "{statement}", that is {days} days a week in the office'
    )
)
def attendance(post: dict[str, Any], statement: str, days: str) -> None:
    statements = post.setdefault("office_attendance", {}).setdefault("statements", [])
    statements.append({"as_written": statement, "days_per_week": _days(days)})


@given(
    parsers.parse('the job description says "{statement}", that is {days} day a week in the office')
)
def attendance_one(post: dict[str, Any], statement: str, days: str) -> None:
    attendance(post, statement, days)


@given(parsers.parse('the job description says "{statement}" about office attendance'))
def attendance_words(post: dict[str, Any], statement: str) -> None:
    statements = post.setdefault("office_attendance", {}).setdefault("statements", [])
    statements.append({"as_written": statement})


# -- hygiene ----------------------------------------------------------------------------------


@given(parsers.parse('the job description was last updated "{when}"'))
def last_updated(post: dict[str, Any], when: str) -> None:
    post["date_last_updated"] = when


@given(parsers.parse("the duties are numbered {numbers}"))
def numbered(post: dict[str, Any], numbers: str) -> None:
    items = [int(n) for n in numbers.replace(" and ", ", ").split(",")]
    post.setdefault("numbered_lists", []).append({"items": items})


@given(parsers.parse('the published text contains "{fragment}"'))
def remnant(post: dict[str, Any], fragment: str) -> None:
    post.setdefault("text_remnants", []).append(fragment)


# -- judging ----------------------------------------------------------------------------------


@when(parsers.parse('the post is checked as the law stood on "{day}"'))
def checked(
    post: dict[str, Any], council: dict[str, Any], outcome: dict[str, RecordResult], day: str
) -> None:
    authority = Authority.model_validate(council) if council else None
    outcome["result"] = judge(post, _day(day), authority)


@then(parsers.parse('it breaches "{rule_id}"'))
def breaches(outcome: dict[str, RecordResult], rule_id: str) -> None:
    found = [v.rule_id for v in outcome["result"].violations]
    assert rule_id in found, f"{rule_id} not found; found {found}"


@then(parsers.parse('it does not breach "{rule_id}"'))
def does_not_breach(outcome: dict[str, RecordResult], rule_id: str) -> None:
    found = [v.rule_id for v in outcome["result"].violations]
    assert rule_id not in found, f"{rule_id} found: {outcome['result'].violations}"


@then("it breaches no rule")
def clean(outcome: dict[str, RecordResult]) -> None:
    assert outcome["result"].violations == []


@then(parsers.parse('the finding reads "{text}"'))
def finding_reads(outcome: dict[str, RecordResult], text: str) -> None:
    messages = [v.message for v in outcome["result"].violations]
    assert any(text in m for m in messages), f"{text!r} not in {messages}"
