"""The CI report formats (GitHub annotations, GitLab Code Quality, JSON Lines, CSV), fed real
findings: the two seed job descriptions, the sample establishment export's cross-record sets,
a missing file, and waived or baselined copies of real violations. Expected lines are written
out by hand."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from postcheck.check import Finding, RecordResult, SetResult, Summary, run
from postcheck.record.columns import TableOptions, load_column_map
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from postcheck.report.base import Reporter, RunInfo
from postcheck.report.csv_report import CsvReporter
from postcheck.report.github import GithubReporter
from postcheck.report.gitlab import GitlabReporter
from postcheck.report.jsonl import JsonlReporter
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import bundled_rules_dir
from postcheck.violations import Suppression, Violation
from tests.conftest import REPO, SEED_DAY, compiled_for, evaluator_for

SEEDS = REPO / "fixtures" / "seeds"
MAYORS = SEEDS / "newham-mayors-assistant.yaml"
SAMPLE = REPO / "examples" / "establishment"
EXPORT = SAMPLE / "establishment.csv"
INFO = RunInfo("0.1.0", SEED_DAY, "rules", "warning")
WAIVER = Suppression(
    "waiver", "Agreed with legal: term ends 2027", approver="J. Smith", location="w.yaml:3"
)
BASELINE = Suppression("baseline", "known when adopted", location="baseline.json:7")

# GitLab's documented Code Quality fields (docs.gitlab.com/ci/testing/code_quality), required
# as GitLab requires them; paths relative to the repository, with no leading ./
GITLAB_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "pattern": "^(?!/|\\./)"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
            "content": {
                "type": "object",
                "required": ["body"],
                "properties": {"body": {"type": "string"}},
            },
        },
    },
}


@cache
def seed_findings() -> tuple[Finding, ...]:
    """The seeds read as `postcheck check fixtures/seeds` reads them: bundled authorities."""
    evaluator = evaluator_for(SEED_DAY).with_authorities(
        AuthorityDirectory.load(bundled_rules_dir())
    )
    return tuple(run(iter_outcomes([str(SEEDS)]), compiled_for(SEED_DAY), evaluator=evaluator))


@cache
def establishment_findings() -> tuple[Finding, ...]:
    """The export read as `--columns columns.yaml --authorities authorities` reads it."""
    tables = TableOptions(load_column_map(SAMPLE / "columns.yaml"))
    directory = AuthorityDirectory.load(bundled_rules_dir(), extra=[SAMPLE / "authorities"])
    evaluator = evaluator_for(SEED_DAY).with_authorities(directory)
    outcomes = iter_outcomes([str(EXPORT)], tables=tables)
    return tuple(run(outcomes, compiled_for(SEED_DAY), evaluator=evaluator))


def missing_file() -> InputError:
    (error,) = iter_outcomes(["no/such/posts.yaml"])
    assert isinstance(error, InputError)
    return error


def violation(rule_id: str, findings: Iterable[Finding] = ()) -> Violation:
    found = [
        v
        for f in (findings or seed_findings())
        if not isinstance(f, InputError)
        for v in f.violations
        if v.rule_id == rule_id
    ]
    assert len(found) == 1, rule_id
    return found[0]


def the_set(rule_id: str) -> SetResult:
    (found,) = [
        f
        for f in establishment_findings()
        if isinstance(f, SetResult) and f.violations[0].rule_id == rule_id
    ]
    return found


def with_violations(*violations: Violation) -> RecordResult:
    first = violations[0]
    return RecordResult(first.source, first.index, first.record_label, list(violations))


def report(
    kind: type[Reporter], findings: Sequence[Finding], summary: Summary | None = None
) -> str:
    stream = io.StringIO(newline="")
    reporter = kind(stream, INFO)
    counted = Summary()
    for finding in findings:
        counted.add(finding)
        reporter.add(finding)
    reporter.finish(summary or counted)
    return stream.getvalue()


def all_violations(findings: Iterable[Finding]) -> list[Violation]:
    return [v for f in findings if not isinstance(f, InputError) for v in f.violations]


# GitHub Actions


def test_github_annotations_for_known_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # annotations name files relative to the checkout
    lines = report(GithubReporter, seed_findings()).splitlines()
    assert (
        "::warning file=fixtures/seeds/newham-mayors-assistant.yaml,line=10,"
        "title=grade-code-typo%3A Grade code has a digit where a letter belongs"
        '::Grade "P04" is not a valid grade code (did you mean PO4?)'
    ) in lines
    assert (
        "::error file=fixtures/seeds/newham-mayors-assistant.yaml,line=13,"
        "title=fixed-term-ended%3A A political or mayor's assistant's fixed term has already ended"
        "::The fixed term ended on 7 May 2026, before 2026-11-23."
    ) in lines
    assert (
        "::notice file=fixtures/seeds/newham-independents-group-political-assistant.yaml,line=31,"
        "title=repeated-item-number%3A A numbered list uses the same number twice"
        "::Item number 13 is used more than once in a numbered list."
    ) in lines
    # one command per violation, then the plain summary line
    assert len(lines) == len(all_violations(seed_findings())) + 1
    assert all(line.startswith("::") for line in lines[:-1])
    assert lines[-1].startswith("postcheck: 2 records checked as of 2026-11-23: ")


def test_github_escapes_messages_titles_and_file_names() -> None:
    tricky = dataclasses.replace(
        violation("grade-code-typo"),
        source="in, out/a:b 100%.yaml",
        title="Grade: P04, PO4",
        message="100% wrong\r\nnext line: a, b\n::error::forged",
    )
    (line,) = report(GithubReporter, [with_violations(tricky)]).split("\n")[:-2]
    assert line == (
        "::warning file=in%2C out/a%3Ab 100%25.yaml,line=10,"
        "title=grade-code-typo%3A Grade%3A P04%2C PO4"
        "::100%25 wrong%0D%0Anext line: a, b%0A::error::forged"
    )


def test_github_absolute_paths_outside_the_checkout_stay_as_given(tmp_path: Path) -> None:
    elsewhere = tmp_path / "checkout"
    elsewhere.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(elsewhere)
        out = report(GithubReporter, [with_violations(violation("grade-code-typo"))])
    assert out.startswith(f"::warning file={str(MAYORS).replace(':', '%3A')},line=10,")


def test_github_suppressed_findings_are_notices_that_say_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    error = violation("fixed-term-ended")
    waived = dataclasses.replace(error, suppression=WAIVER)
    baselined = dataclasses.replace(
        violation("grade-code-typo"), suppression=BASELINE, baseline="unchanged"
    )
    lines = report(GithubReporter, [with_violations(waived, baselined)]).splitlines()
    assert lines[0] == (
        "::notice file=fixtures/seeds/newham-mayors-assistant.yaml,line=13,"
        "title=fixed-term-ended%3A A political or mayor's assistant's fixed term has already ended"
        "::The fixed term ended on 7 May 2026, before 2026-11-23."
        " (waived: Agreed with legal: term ends 2027)"
    )
    assert lines[1].startswith("::notice file=fixtures/seeds/newham-mayors-assistant.yaml,line=10,")
    assert lines[1].endswith(" (baselined)")
    assert not any(line.startswith(("::error", "::warning")) for line in lines)
    assert lines[2] == (
        "postcheck: 1 record checked as of 2026-11-23: 0 findings counting "
        "(0 errors, 0 warnings, 0 info), 2 suppressed (1 baselined, 1 waived), 0 input errors"
    )


def test_github_quiet_leaves_suppressed_findings_out() -> None:
    waived = dataclasses.replace(violation("fixed-term-ended"), suppression=WAIVER)
    typo = violation("grade-code-typo")
    stream = io.StringIO()
    reporter = GithubReporter(stream, dataclasses.replace(INFO, quiet=True))
    reporter.add(with_violations(waived, typo))
    (line,) = stream.getvalue().splitlines()
    assert line.startswith("::warning ") and "grade-code-typo" in line


def test_github_cross_record_finding_is_one_annotation_naming_every_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    out = report(GithubReporter, establishment_findings())
    csv_file = "examples/establishment/establishment.csv"
    assert [line for line in out.splitlines() if "s9-posts-over-three" in line] == [
        f"::error file={csv_file},line=2,"
        "title=s9-posts-over-three%3A An authority has more than three posts established "
        "under section 9::Borsetshire County Council has 4 posts established under section 9 "
        "of the Local Government and Housing Act 1989; section 9(2)(c) allows at most three. "
        f"(records: {csv_file}:2, {csv_file}:3, {csv_file}:4, {csv_file}:5)"
    ]


def test_github_input_errors_and_summary() -> None:
    hand_made = InputError(
        "exports/posts.csv", "expected true or false, got 'maybe'", 3, 1, "restriction.stated"
    )
    summary = Summary(records=5, input_errors=2)
    summary.counting = Counter(error=1, warning=2, info=1)
    summary.suppressed = Counter(waiver=3)
    lines = report(GithubReporter, [missing_file(), hand_made], summary).splitlines()
    assert lines == [
        "::error file=no/such/posts.yaml::input error: no such file or directory",
        "::error file=exports/posts.csv,line=3::input error: expected true or false, got 'maybe'"
        " (field restriction.stated)",
        "postcheck: 5 records checked as of 2026-11-23: 4 findings counting "
        "(1 error, 2 warnings, 1 info), 3 suppressed (3 waived), 2 input errors",
    ]


# GitLab Code Quality


def test_gitlab_report_validates_and_has_unique_fingerprints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO)
    findings = [*seed_findings(), missing_file(), *establishment_findings()]
    issues = json.loads(report(GitlabReporter, findings))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len(issues) == len(all_violations(findings)) + 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    by_name: dict[str, Any] = {}
    for issue in issues:  # the first of each rule: the seeds come first
        by_name.setdefault(issue["check_name"], issue)
    assert by_name["grade-code-typo"]["severity"] == "major"
    assert by_name["fixed-term-ended"]["severity"] == "critical"
    assert by_name["leftover-markup"]["severity"] == "info"
    assert by_name["grade-code-typo"]["location"] == {
        "path": "fixtures/seeds/newham-mayors-assistant.yaml",
        "lines": {"begin": 10},
    }
    assert by_name["grade-code-typo"]["fingerprint"] == violation("grade-code-typo").fingerprint
    assert by_name["input-error"]["location"] == {
        "path": "no/such/posts.yaml",
        "lines": {"begin": 1},
    }
    assert by_name["input-error"]["severity"] == "blocker"
    csv_file = "examples/establishment/establishment.csv"
    assert by_name["mayors-assistants-over-one"]["description"].endswith(
        f"(records: {csv_file}:8, {csv_file}:9)"
    )
    assert by_name["mayors-assistants-over-one"]["location"]["lines"] == {"begin": 8}


def test_gitlab_same_finding_twice_gets_distinct_stable_fingerprints() -> None:
    typo = violation("grade-code-typo")
    twice = [with_violations(typo), with_violations(typo, typo)]
    issues = json.loads(report(GitlabReporter, twice))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    fp = typo.fingerprint
    assert [i["fingerprint"] for i in issues] == [fp, f"{fp}-2", f"{fp}-3"]
    assert report(GitlabReporter, twice) == report(GitlabReporter, twice)


def test_gitlab_leaves_suppressed_findings_out() -> None:
    typo, term = violation("grade-code-typo"), violation("fixed-term-ended")
    waived = dataclasses.replace(term, suppression=WAIVER)
    baselined = dataclasses.replace(typo, suppression=BASELINE, baseline="unchanged")
    new = dataclasses.replace(violation("last-updated-stale"), baseline="new")
    issues = json.loads(report(GitlabReporter, [with_violations(waived, baselined, new)]))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert [i["check_name"] for i in issues] == ["last-updated-stale"]
    assert json.loads(report(GitlabReporter, [with_violations(waived)])) == []


def test_gitlab_escapes_text_as_json() -> None:
    nasty = dataclasses.replace(
        violation("grade-code-typo"), message='say "hi"\n</script>\\', source="a b/ü.yaml"
    )
    (issue,) = json.loads(report(GitlabReporter, [with_violations(nasty)]))
    assert issue["description"] == 'say "hi"\n</script>\\'
    assert issue["location"]["path"] == "a b/ü.yaml"


# JSON Lines


def test_jsonl_lines_parse_in_order_and_end_with_the_summary() -> None:
    findings = [*seed_findings(), missing_file()]
    summary = Summary()
    for finding in findings:
        summary.add(finding)
    summary.manifest = {"inputs": [{"path": "fixtures/seeds", "sha256": "ab" * 32}]}
    out = report(JsonlReporter, findings, summary)
    assert out.endswith("\n")
    lines = [json.loads(line) for line in out.split("\n")[:-1]]
    count = len(all_violations(findings))
    assert [line["kind"] for line in lines] == ["violation"] * count + [
        "input_error",
        "summary",
    ]
    typo = next(line for line in lines if line.get("rule_id") == "grade-code-typo")
    assert (typo["line"], typo["severity"], typo["suppression"]) == (10, "warning", None)
    assert typo["fingerprint"] == violation("grade-code-typo").fingerprint
    assert lines[-2] == {
        "kind": "input_error",
        "file": "no/such/posts.yaml",
        "reason": "no such file or directory",
        "line": None,
        "index": None,
        "field": None,
    }
    last = lines[-1]
    assert last["manifest"] == {"inputs": [{"path": "fixtures/seeds", "sha256": "ab" * 32}]}
    assert (last["records"], last["input_errors"], last["violations"]) == (2, 1, count)
    assert last["as_of"] == "2026-11-23"


def test_jsonl_streams_one_line_per_violation_whatever_the_text() -> None:
    odd = "line one\nline two\u2028still the same record\r\n\u00a3 “quoted”"
    nasty = dataclasses.replace(violation("grade-code-typo"), message=odd, suppression=WAIVER)
    stream = io.StringIO()
    reporter = JsonlReporter(stream, INFO)
    reporter.add(with_violations(nasty))
    written = stream.getvalue()  # there before the run ends
    assert written.count("\n") == 1 and "\u2028" in written and "£" in written
    data = json.loads(written)
    assert data["message"] == odd
    assert data["suppression"]["kind"] == "waiver"
    assert data["suppression"]["justification"] == "Agreed with legal: term ends 2027"


def test_jsonl_cross_record_finding_lists_its_records() -> None:
    out = report(JsonlReporter, [the_set("post-number-repeated")])
    data = json.loads(out.split("\n")[0])
    assert [(r["source"], r["line"]) for r in data["records"]] == [
        (str(EXPORT), 12),
        (str(EXPORT), 13),
    ]


# CSV

HEADER = [
    "kind",
    "rule_id",
    "severity",
    "area",
    "title",
    "message",
    "citation",
    "url",
    "source",
    "line",
    "page",
    "post_number",
    "record_label",
    "authority",
    "post_title",
    "directorate",
    "service_area",
    "grade",
    "post",
    "fingerprint",
    "suppressed",
    "justification",
    "baseline",
    "records",
    "field",
    "fix",
]


def rows_of(out: str) -> list[dict[str, str]]:
    header, *rows = csv.reader(io.StringIO(out, newline=""))
    assert header == HEADER
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_csv_parses_back_to_the_same_findings() -> None:
    findings = [*seed_findings(), missing_file(), the_set("s9-posts-over-three")]
    out = report(CsvReporter, findings)
    assert out.startswith("kind,rule_id,severity,") and out.endswith("\r\n")
    rows = rows_of(out)
    assert [r["message"] for r in rows if r["kind"] == "violation"] == [
        v.message for v in all_violations(findings)
    ]
    typo = next(r for r in rows if r["rule_id"] == "grade-code-typo")
    assert (typo["severity"], typo["line"], typo["source"], typo["suppressed"]) == (
        "warning",
        "10",
        str(MAYORS),
        "",
    )
    (error,) = [r for r in rows if r["kind"] == "input_error"]
    assert (error["source"], error["message"], error["rule_id"], error["line"]) == (
        "no/such/posts.yaml",
        "no such file or directory",
        "",
        "",
    )
    (group,) = [r for r in rows if r["rule_id"] == "s9-posts-over-three"]
    assert group["records"] == f"{EXPORT}:2; {EXPORT}:3; {EXPORT}:4; {EXPORT}:5"
    assert group["line"] == "2"


def test_csv_defuses_formulas() -> None:
    nasty = dataclasses.replace(
        violation("grade-code-typo"),
        message='=HYPERLINK("http://evil.example","click")',
        title="+1+1",
        record_label="-2",
        post="@SUM(A1:A9)",
        fix="\t=1",
        citation="\r=1",
        area="a=b",  # not at the start: left alone
        source="=cmd|' /C calc'!A0",
    )
    (row,) = rows_of(report(CsvReporter, [with_violations(nasty)]))
    assert row["message"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["title"] == "'+1+1"
    assert row["record_label"] == "'-2"
    assert row["post"] == "'@SUM(A1:A9)"
    assert row["fix"] == "'\t=1"
    assert row["citation"] == "'\r=1"
    assert row["area"] == "a=b"
    assert row["source"] == "'=cmd|' /C calc'!A0"


def test_csv_round_trips_commas_quotes_and_line_breaks() -> None:
    text = 'He said "stop", twice,\nthen left;\r\nagain "' + "\u2028end"
    nasty = dataclasses.replace(violation("grade-code-typo"), message=text, fix=text)
    (row,) = rows_of(report(CsvReporter, [with_violations(nasty)]))
    assert row["message"] == text and row["fix"] == text


def test_csv_marks_suppressed_findings() -> None:
    waived = dataclasses.replace(violation("fixed-term-ended"), suppression=WAIVER)
    baselined = dataclasses.replace(
        violation("grade-code-typo"), suppression=BASELINE, baseline="unchanged"
    )
    rows = rows_of(report(CsvReporter, [with_violations(waived, baselined)]))
    assert [(r["suppressed"], r["justification"], r["baseline"]) for r in rows] == [
        ("waiver", "Agreed with legal: term ends 2027", ""),
        ("baseline", "known when adopted", "unchanged"),
    ]


def test_csv_header_is_written_before_any_finding() -> None:
    stream = io.StringIO(newline="")
    CsvReporter(stream, INFO)
    assert stream.getvalue() == ",".join(HEADER) + "\r\n"
