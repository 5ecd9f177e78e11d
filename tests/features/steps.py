"""Step definitions for features/*.feature, worded as a lawyer would say them.

A scenario describes a post in one of two ways, then judges it on the bundled rules as the law
stood on a given day. No step exposes field names or JSON: the features are for legal review.

**A whole job description** (preferred: it tests what users run). The doc string is read by the
same document reader the command line uses for a ``.txt`` file, so a sentence the reader misses
is missed here too::

    Given the job description says:
      \"\"\"
      Job Title: Political Assistant to the Green Group
      This post is established under section 9 of the Local Government and Housing Act 1989.
      \"\"\"

``Given the job description, written in Markdown, says:`` (or ``in HTML``, ``in plain text``)
reads the doc string as that format. A scenario uses a doc string or the record steps below,
never both: mixing them would let a scenario pass on a fact the reader never found.

**A record, fact by fact** (older scenarios; the record is built directly, the reader is not
used): ``a post titled "..."``, ``the post is established under "..."``, ``the appointment is
permanent``, ``one of the duties is "..."`` and the other ``Given`` steps below.

**The council** (combines with either): ``the council has a directly elected mayor whose term
ends on "..."``, ``the council is run by a leader and cabinet ...``, ``the "..." is one of the
council's political groups``, ``the council's policy requires at least N days a week in the
office``, ``the council's grade "..." is paid £A to £B a year``.

**A council's establishment** (for the cross-record rules): ``Given the establishment lists
these posts:`` with a table whose columns are any of council, post number, title, established
under, serves, grade and term ends (a fixed term ending that day); then ``When the establishment
is checked as the law stood on "..."``, and ``the finding names the posts "PA1, PA2"`` for the
records a cross-record finding names, in order. Without a ``council`` column every post belongs to
the council the scenario describes.

**Judging**: ``When the post is checked as the law stood on "23 November 2026"``.

**Outcomes, as a user sees them** (the severity is the finding's own; the certainty is that of
the rule that made it, as ``postcheck explain`` shows it):

- ``Then the checker reports an error under "RULE"`` / ``the checker warns under "RULE"`` /
  ``the checker notes under "RULE"`` (error, warning, info: the step fails if the finding is
  there with another severity);
- ``And the finding rests on the statute`` / ``on an inference`` / ``on unconfirmed law`` /
  ``on good practice``: the certainty of the finding named by the step before;
- ``And the finding points at line N``: the line of the document the finding names;
- ``Then the checker finds nothing under "RULE"``; ``Then the checker finds nothing``.

The older ``it breaches "RULE"``, ``it does not breach "RULE"``, ``it breaches no rule`` and
``the finding reads "..."`` still work; the catalogue meta-tests count both wordings as the
failing and passing scenarios a rule needs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from postcheck.check import RecordResult
from postcheck.record.dates import parse_partial_date
from postcheck.record.documents import read_text_document
from postcheck.record.model import PostRecord
from postcheck.rules.authorities import Authority
from postcheck.rules.model import Certainty, Severity
from postcheck.violations import Violation
from tests.conftest import bundled_catalogue, judge, judge_set

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@pytest.fixture
def post() -> dict[str, Any]:
    return {}


@pytest.fixture
def outcome() -> dict[str, RecordResult]:
    return {}


@pytest.fixture
def document() -> dict[str, str]:
    """The job description's text and format, when the scenario gives it whole."""
    return {}


@pytest.fixture
def posts() -> list[dict[str, Any]]:
    """The posts of an establishment, when the scenario judges several together."""
    return []


@pytest.fixture
def finding() -> dict[str, Violation]:
    """The finding the last outcome step named, for the steps that say more about it."""
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


# -- the whole job description ----------------------------------------------------------------

# The formats a doc string can be read as, by the names lawyers use for them.
_FORMATS = {"plain text": "text", "Markdown": "markdown", "HTML": "html"}


@given("the job description says:")
def job_description(document: dict[str, str], docstring: str) -> None:
    document.update(text=docstring, kind="text")


@given(parsers.parse("the job description, written in {written}, says:"))
def job_description_in(document: dict[str, str], written: str, docstring: str) -> None:
    assert written in _FORMATS, f"no format {written!r}; say one of {sorted(_FORMATS)}"
    document.update(text=docstring, kind=_FORMATS[written])


def _read(document: dict[str, str]) -> PostRecord:
    """The one post record the document reader finds in the text, as `postcheck check` reads a
    file of that format; a document it cannot read fails the scenario with the reader's reason."""
    name = {"text": "job-description.txt", "markdown": "job-description.md"}.get(
        document["kind"], "job-description.html"
    )
    (outcome,) = read_text_document(document["text"], name, document["kind"])
    assert isinstance(outcome, PostRecord), f"the reader could not read the document: {outcome}"
    return outcome


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


@given(
    parsers.parse('the "{group}" is one of the council\'s political groups, with {seats:d} seats')
)
def council_group_with_seats(council: dict[str, Any], group: str, seats: int) -> None:
    _council(council).setdefault("political_groups", []).append({"name": group, "seats": seats})


@given(parsers.parse("the council has {seats:d} seats"))
def council_seats(council: dict[str, Any], seats: int) -> None:
    _council(council)["seats"] = seats


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
    post: dict[str, Any],
    document: dict[str, str],
    council: dict[str, Any],
    outcome: dict[str, RecordResult],
    day: str,
) -> None:
    authority = Authority.model_validate(council) if council else None
    if document:
        assert not post, f"give the whole job description or its facts, not both: {post}"
        outcome["result"] = judge(_read(document), _day(day), authority)
    else:
        outcome["result"] = judge(post, _day(day), authority)


# -- a council's establishment: many posts judged together --------------------------------------

# Table columns, as a reader of the feature names them, and the record field each fills.
_POST_COLUMNS = {
    "council": "authority",
    "post number": "post_number",
    "title": "title",
    "established under": "statutory_basis",
    "serves": "political_group",
    "grade": "grade",
    "term ends": "appointment",
}


@given("the establishment lists these posts:")
def establishment(posts: list[dict[str, Any]], datatable: list[list[str]]) -> None:
    header, *rows = datatable
    unknown = set(header) - set(_POST_COLUMNS)
    assert not unknown, f"no column {sorted(unknown)}; use {sorted(_POST_COLUMNS)}"
    for row in rows:
        record: dict[str, Any] = {}
        for column, cell in zip(header, row, strict=True):
            if not cell.strip():
                continue
            name = _POST_COLUMNS[column]
            if name in ("statutory_basis", "grade"):
                record[name] = [cell]
            elif name == "appointment":
                record[name] = {"type": "fixed_term", "end_date": _day(cell).isoformat()}
            else:
                record[name] = cell
        posts.append(record)


@when(parsers.parse('the establishment is checked as the law stood on "{day}"'))
def establishment_checked(
    posts: list[dict[str, Any]],
    council: dict[str, Any],
    outcome: dict[str, RecordResult],
    day: str,
) -> None:
    assert posts, "say first which posts the establishment lists"
    authority = Authority.model_validate(council) if council else None
    violations = judge_set(posts, _day(day), authority)
    outcome["result"] = RecordResult("the establishment", None, "", violations)


@then(parsers.parse('the finding names the posts "{numbers}"'))
def names_posts(finding: dict[str, Violation], numbers: str) -> None:
    assert "last" in finding, "say first which finding (the checker warns under ...)"
    named = [m.post_number for m in finding["last"].records]
    assert named == [n.strip() for n in numbers.split(",")], f"the finding names {named}"


@then(parsers.parse('it breaches "{rule_id}"'))
def breaches(outcome: dict[str, RecordResult], finding: dict[str, Violation], rule_id: str) -> None:
    found = [v.rule_id for v in outcome["result"].violations]
    assert rule_id in found, f"{rule_id} not found; found {found}"
    finding["last"] = _findings(outcome, rule_id)[0]


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


# -- outcomes as a user sees them -------------------------------------------------------------

_SEVERITY_WORDS = {
    "reports an error": Severity.ERROR,
    "warns": Severity.WARNING,
    "notes": Severity.INFO,
}
_CERTAINTY_WORDS = {
    "the statute": Certainty.STATUTE,
    "an inference": Certainty.INFERENCE,
    "unconfirmed law": Certainty.UNCONFIRMED,
    "good practice": Certainty.PRACTICE,
}


def _findings(outcome: dict[str, RecordResult], rule_id: str) -> list[Violation]:
    assert bundled_catalogue().get(rule_id) is not None, f"no rule {rule_id!r} in the catalogue"
    return [v for v in outcome["result"].violations if v.rule_id == rule_id]


def _reported(
    outcome: dict[str, RecordResult], finding: dict[str, Violation], rule_id: str, said: str
) -> None:
    found = _findings(outcome, rule_id)
    everything = [(v.rule_id, v.severity) for v in outcome["result"].violations]
    assert found, f"nothing under {rule_id}; the checker found {everything}"
    expected = _SEVERITY_WORDS[said].value
    assert all(v.severity == expected for v in found), (
        f"{rule_id} was reported as {found[0].severity}, not {expected}"
    )
    finding["last"] = found[0]


@then(parsers.parse('the checker reports an error under "{rule_id}"'))
def reports_error(
    outcome: dict[str, RecordResult], finding: dict[str, Violation], rule_id: str
) -> None:
    _reported(outcome, finding, rule_id, "reports an error")


@then(parsers.parse('the checker warns under "{rule_id}"'))
def warns(outcome: dict[str, RecordResult], finding: dict[str, Violation], rule_id: str) -> None:
    _reported(outcome, finding, rule_id, "warns")


@then(parsers.parse('the checker notes under "{rule_id}"'))
def notes(outcome: dict[str, RecordResult], finding: dict[str, Violation], rule_id: str) -> None:
    _reported(outcome, finding, rule_id, "notes")


@then(parsers.parse('the checker finds nothing under "{rule_id}"'))
def nothing_under(outcome: dict[str, RecordResult], rule_id: str) -> None:
    found = _findings(outcome, rule_id)
    assert not found, f"{rule_id} found: {[v.message for v in found]}"


@then("the checker finds nothing")
def finds_nothing(outcome: dict[str, RecordResult]) -> None:
    found = [(v.rule_id, v.message) for v in outcome["result"].violations]
    assert not found, f"the checker found {found}"


@then(parsers.parse("the finding rests on {basis}"))
def rests_on(finding: dict[str, Violation], basis: str) -> None:
    assert basis in _CERTAINTY_WORDS, f"say one of {sorted(_CERTAINTY_WORDS)}, not {basis!r}"
    assert "last" in finding, "say first which finding (the checker warns under ...)"
    rule = bundled_catalogue().get(finding["last"].rule_id)
    assert rule is not None
    assert rule.certainty is _CERTAINTY_WORDS[basis], (
        f"{rule.id} rests on {rule.certainty.value}, not {_CERTAINTY_WORDS[basis].value}"
    )


@then(parsers.parse("the finding points at line {line:d}"))
def points_at(finding: dict[str, Violation], line: int) -> None:
    assert "last" in finding, "say first which finding (the checker warns under ...)"
    assert finding["last"].line == line, f"the finding points at line {finding['last'].line}"


@given("the council is in Wales")
def in_wales(council: dict[str, Any]) -> None:
    """Rules for English councils only (`jurisdictions: [england]`) are silent for it."""
    _council(council)["country"] = "wales"
