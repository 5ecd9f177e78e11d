"""The SARIF report of real findings (the seed posts, the sample establishment export),
validated against the official OASIS SARIF 2.1.0 schema, and read back for the values a code
scanning tool relies on. Expected lines, addresses and labels are written out by hand from the
fixtures and rule files, not taken from the reporter."""

from __future__ import annotations

import io
import json
import re
from functools import cache
from typing import Any

import jsonschema
from jsonschema.protocols import Validator

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.sarif import SarifReporter, artifact_uri
from postcheck.violations import Suppression
from tests.conftest import REPO
from tests.unit.report_findings import (
    changed_findings,
    establishment_findings,
    run_info,
    seed_findings,
)

SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
MAYORS = "fixtures/seeds/newham-mayors-assistant.yaml"
INDEPENDENTS = "fixtures/seeds/newham-independents-group-political-assistant.yaml"
MANIFEST = {"postcheck_version": "0.1.0", "rules_hash": "sha256:0123abcd", "inputs": [MAYORS]}
WAIVER = Suppression(
    "waiver",
    "Grade code agreed with HR pending the 2027 regrading",
    approver="J. Okafor",
    expires="2027-03-31",
    ticket="HR-1234",
    location="waivers.yaml:7",
)


@cache
def _validator() -> Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator  # the file declares draft-04
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _sarif(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, Any]:
    """The report as written, parsed, after checking it against the official schema."""
    stream = io.StringIO()
    reporter = SarifReporter(stream, run_info())
    summary = Summary()
    for finding in findings:
        summary.add(finding)
        reporter.add(finding)
    summary.manifest = MANIFEST
    reporter.finish(summary)
    log: dict[str, Any] = json.loads(stream.getvalue())
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(log)]
    assert errors == []
    return log


def _results(log: dict[str, Any], rule_id: str, uri: str | None = None) -> list[dict[str, Any]]:
    return [
        r
        for r in log["runs"][0]["results"]
        if r["ruleId"] == rule_id
        and (uri is None or r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri)
    ]


def test_the_validator_rejects_what_sarif_does_not_allow() -> None:
    log = _sarif(seed_findings())
    log["runs"][0]["results"][0]["suppressions"] = [{"kind": "waiver"}]
    assert not _validator().is_valid(log)


def test_each_seed_finding_is_a_result_at_its_file_and_line() -> None:
    log = _sarif(seed_findings())
    (run_,) = log["runs"]
    # 5 findings in each Mayor's Assistant seed, 4 in each Independents Group seed
    assert len(run_["results"]) == 18
    (typo,) = _results(log, "grade-code-typo", MAYORS)
    region = typo["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 10}
    # the grade as the header gives it: the item the rule matched
    assert (REPO / MAYORS).read_text(encoding="utf-8").splitlines()[9] == (
        '  - {as_written: "P04", place: header}'
    )
    assert typo["level"] == "warning"
    assert typo["message"]["text"] == ('Grade "P04" is not a valid grade code (did you mean PO4?)')
    assert re.fullmatch(r"[0-9a-f]{32}", typo["partialFingerprints"]["postcheck/v1"])
    assert "suppressions" not in typo and "baselineState" not in typo
    # the same post read from the document itself, outside the repository
    (text,) = _results(log, "grade-code-typo", "../shared/seeds/newham-mayors-assistant.txt")
    assert text["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    # a post and its transcription are one post: one fingerprint
    assert text["partialFingerprints"] == typo["partialFingerprints"]


def test_each_result_names_its_rule_with_the_law_behind_it() -> None:
    log = _sarif(seed_findings())
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("postcheck", "0.1.0")
    assert len(driver["rules"]) == len(run_info().rules)
    (result,) = _results(log, "s9-restriction-paragraph", INDEPENDENTS)
    rule = driver["rules"][result["ruleIndex"]]
    assert rule["id"] == "s9-restriction-paragraph"
    assert rule["helpUri"] == "https://www.legislation.gov.uk/ukpga/1989/42/section/2"
    assert rule["shortDescription"]["text"] == (
        "A political assistant's restriction cites s.2(1) without paragraph (f)"
    )
    assert "Local Government and Housing Act 1989, s.2(1)(f)" in rule["help"]["text"]
    assert "Cite section 2(1)(f)" in rule["help"]["text"]
    assert rule["defaultConfiguration"] == {"level": "note"}  # an info rule
    assert result["level"] == "note"
    assert rule["properties"]["tags"] == ["political-restriction", "statute"]
    assert rule["properties"]["citations"] == [
        {
            "text": "Local Government and Housing Act 1989, s.2(1)(f)",
            "url": "https://www.legislation.gov.uk/ukpga/1989/42/section/2",
        }
    ]
    for each in log["runs"][0]["results"]:
        assert driver["rules"][each["ruleIndex"]]["id"] == each["ruleId"]


def test_a_cross_record_finding_sits_at_its_first_record_and_names_them_all() -> None:
    log = _sarif(establishment_findings())
    (result,) = _results(log, "s9-posts-over-three")
    uri = "examples/establishment/establishment.csv"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": uri},
        "region": {"startLine": 2},
    }
    related = result["relatedLocations"]
    assert len(related) == 4
    assert [r["id"] for r in related] == [0, 1, 2, 3]
    assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [2, 3, 4, 5]
    assert {r["physicalLocation"]["artifactLocation"]["uri"] for r in related} == {uri}
    assert [r["message"]["text"] for r in related] == [
        f"post BCC-PA{n} · Political Assistant" for n in (1, 2, 3, 4)
    ]
    rule = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]
    assert rule["helpUri"] == "https://www.legislation.gov.uk/ukpga/1989/42/section/9"
    assert len(_results(log, "mayors-assistants-over-one")[0]["relatedLocations"]) == 2


def test_a_waived_finding_stays_a_result_with_its_justification() -> None:
    log = _sarif(changed_findings(seed_findings(), "grade-code-typo", suppression=WAIVER))
    assert len(log["runs"][0]["results"]) == 18
    (result,) = _results(log, "grade-code-typo", MAYORS)
    assert result["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Grade code agreed with HR pending the 2027 regrading",
            "properties": {
                "approver": "J. Okafor",
                "expires": "2027-03-31",
                "ticket": "HR-1234",
                "location": "waivers.yaml:7",
                "postcheck_kind": "waiver",
            },
        }
    ]
    summary = log["runs"][0]["properties"]["summary"]
    assert summary["suppressed"] == {"waiver": 2, "baseline": 0}
    assert summary["counting"]["warning"] == summary["by_severity"]["warning"] - 2


def test_a_baseline_marks_each_result_new_or_unchanged() -> None:
    known = Suppression("baseline", "known when the baseline was adopted", location="base.json")
    findings = changed_findings(
        seed_findings(), "leftover-markup", suppression=known, baseline="unchanged"
    )
    findings = changed_findings(tuple(findings), "grade-code-typo", baseline="new")
    log = _sarif(findings)
    (old,) = _results(log, "leftover-markup", MAYORS)
    assert old["baselineState"] == "unchanged"
    assert old["suppressions"][0]["properties"] == {
        "location": "base.json",
        "postcheck_kind": "baseline",
    }
    assert old["suppressions"][0]["justification"] == "known when the baseline was adopted"
    (new,) = _results(log, "grade-code-typo", MAYORS)
    assert new["baselineState"] == "new" and "suppressions" not in new
    (untouched,) = _results(log, "fixed-term-ended", MAYORS)
    assert "baselineState" not in untouched


def test_an_input_error_is_a_notification_and_the_run_unsuccessful() -> None:
    broken = InputError("posts/broken file #1.yaml", "not valid YAML", line=4, field="grade")
    log = _sarif([*seed_findings(), broken])
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": "not valid YAML"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "posts/broken%20file%20%231.yaml"},
                        "region": {"startLine": 4},
                    }
                }
            ],
            "properties": {"field": "grade"},
        }
    ]
    clean = _sarif(seed_findings())["runs"][0]["invocations"][0]
    assert clean["executionSuccessful"] is True
    assert clean["toolExecutionNotifications"] == []


def test_the_run_carries_the_manifest_and_the_counts() -> None:
    properties = _sarif(seed_findings())["runs"][0]["properties"]
    assert properties["manifest"] == MANIFEST
    assert properties["as_of"] == "2026-11-23"
    summary = properties["summary"]
    assert (summary["records"], summary["violations"], summary["input_errors"]) == (4, 18, 0)
    assert summary["by_rule"]["leftover-markup"] == 4


def test_text_with_quotes_newlines_and_markup_round_trips_exactly() -> None:
    message = 'He said "no" \\ then\nleft\t’ – ☃ 𝔘 </script><!-- \u2028 & <b>'
    log = _sarif(
        changed_findings(seed_findings(), "grade-code-typo", message=message, record_label=message)
    )
    (result,) = _results(log, "grade-code-typo", MAYORS)
    assert result["message"]["text"] == message
    assert result["locations"][0]["message"]["text"] == message


def test_paths_become_uri_references() -> None:
    assert artifact_uri("posts/a b.yaml") == "posts/a%20b.yaml"
    assert artifact_uri("./posts/x.yaml") == "posts/x.yaml"
    assert artifact_uri("c:post.yaml") == "c%3Apost.yaml"  # not a URI scheme
    assert artifact_uri("../shared/seeds/é.txt") == "../shared/seeds/%C3%A9.txt"
    assert artifact_uri("/srv/hr posts/p#1.csv") == "file:///srv/hr%20posts/p%231.csv"


def test_a_page_is_a_location_property() -> None:
    log = _sarif(changed_findings(seed_findings(), "grade-code-typo", page=3))
    (result,) = _results(log, "grade-code-typo", MAYORS)
    assert result["locations"][0]["properties"] == {"page": 3}
    (other,) = _results(log, "fixed-term-ended", MAYORS)
    assert "properties" not in other["locations"][0]
