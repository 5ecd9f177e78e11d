"""The JUnit report of real findings (the seed posts, the sample establishment export),
validated against the Apache Ant JUnit XSD with xmlschema, and read back for the structure a
CI server shows: a suite per file, a case per post and area, failures only for findings that
count. Expected names, counts and lines are written out by hand from the fixtures."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from typing import Any

import pytest
import xmlschema

from postcheck.check import Finding, RecordResult, Summary
from postcheck.record.outcome import InputError
from postcheck.report.junit import JunitReporter, classname
from postcheck.violations import Suppression
from tests.conftest import REPO
from tests.unit.report_findings import (
    EXPORT,
    changed_findings,
    establishment_findings,
    run_info,
    seed_findings,
)

XSD = REPO.parent / "shared" / "schemas" / "junit-ant.xsd"

MAYORS = "fixtures/seeds/newham-mayors-assistant.yaml"
INDEPENDENTS = "fixtures/seeds/newham-independents-group-political-assistant.yaml"
MAYORS_LABEL = "post 31214 · Mayor's Assistant"
INDEPENDENTS_LABEL = "post 3527 · Newham Independents Group Political Assistant"
# the areas of the bundled per-post rules (cross-record findings have a suite of their own)
AREAS = [
    "appointment-terms",
    "grading",
    "hygiene",
    "office-attendance",
    "political-restriction",
    "statutory-basis",
]
MANIFEST = {
    "postcheck_version": "0.1.0",
    "rules_hash": "sha256:0123abcd",
    "inputs": [{"path": MAYORS, "sha256": "ab12"}],
    "select": None,
    "rules": {"sha256": "0123abcd", "versions": {"grade-code-typo": "9f8e"}},
}
WAIVER = Suppression(
    "waiver",
    "Agreed with the monitoring officer",
    approver="J. Okafor",
    expires="2027-03-31",
    ticket="HR-1234",
    location="waivers.yaml:7",
)


@cache
def _schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD))


def _write(findings: tuple[Finding, ...] | list[Finding], stream: Any) -> None:
    reporter = JunitReporter(stream, run_info())
    summary = Summary()
    for finding in findings:
        summary.add(finding)
        reporter.add(finding)
    summary.manifest = MANIFEST
    reporter.finish(summary)


def _junit(findings: tuple[Finding, ...] | list[Finding]) -> ET.Element:
    """The report as written, checked against the XSD, parsed."""
    stream = io.StringIO()
    _write(findings, stream)
    text = stream.getvalue()
    errors = [str(e.reason) for e in _schema().iter_errors(text)]
    assert errors == []
    return ET.fromstring(text)


def _suite(root: ET.Element, name: str) -> ET.Element:
    (suite,) = [s for s in root.findall("testsuite") if s.get("name") == name]
    return suite


def _case(suite: ET.Element, name: str) -> ET.Element:
    (case,) = [c for c in suite.findall("testcase") if c.get("name") == name]
    return case


def _failing(suite: ET.Element) -> set[str]:
    return {str(c.get("name")) for c in suite.findall("testcase") if c.find("failure") is not None}


def test_the_xsd_rejects_a_suite_without_its_output_elements() -> None:
    root = _junit(seed_findings())
    suite = root.find("testsuite")
    assert suite is not None
    suite.remove(suite.findall("system-out")[0])
    assert not _schema().is_valid(ET.tostring(root, encoding="unicode"))


def test_one_suite_per_file_and_one_case_per_post_and_area() -> None:
    root = _junit(seed_findings())
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        INDEPENDENTS,
        MAYORS,
        "../shared/seeds/newham-independents-group-political-assistant.txt",
        "../shared/seeds/newham-mayors-assistant.txt",
    ]
    assert [s.get("id") for s in suites] == ["0", "1", "2", "3"]
    mayors = _suite(root, MAYORS)
    assert [c.get("name") for c in mayors.findall("testcase")] == [
        f"{MAYORS_LABEL} — {area}" for area in AREAS
    ]
    assert {c.get("classname") for c in mayors.findall("testcase")} == {
        "fixtures.seeds.newham-mayors-assistant_yaml"
    }
    assert mayors.get("package") == "fixtures.seeds.newham-mayors-assistant_yaml"
    for suite in suites:
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases)) == str(len(AREAS))
        assert suite.get("failures") == str(len(_failing(suite)))
        assert (suite.get("errors"), suite.get("skipped")) == ("0", "0")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", str(suite.get("timestamp")))
        assert suite.get("hostname")


def test_a_case_fails_for_each_area_with_findings_that_count() -> None:
    root = _junit(seed_findings())
    mayors = _suite(root, MAYORS)
    assert _failing(mayors) == {
        f"{MAYORS_LABEL} — {area}"
        for area in ("appointment-terms", "political-restriction", "grading", "hygiene")
    }
    assert _failing(_suite(root, INDEPENDENTS)) == {
        f"{INDEPENDENTS_LABEL} — {area}"
        for area in ("appointment-terms", "political-restriction", "hygiene")
    }
    failure = _case(mayors, f"{MAYORS_LABEL} — hygiene").find("failure")
    assert failure is not None
    assert set(str(failure.get("type")).split()) == {"last-updated-stale", "leftover-markup"}
    grading = _case(mayors, f"{MAYORS_LABEL} — grading").find("failure")
    assert grading is not None
    assert grading.get("type") == "grade-code-typo"
    assert grading.get("message") == 'Grade "P04" is not a valid grade code (did you mean PO4?)'
    body = str(grading.text)
    assert body.startswith("grade-code-typo (warning): line 10\n")
    assert "NJC pay spine and local grade codes" in body
    assert "https://www.local.gov.uk/our-support/workforce-and-hr-support/" in body
    assert "fix: Write the grade as PO4" in body
    # failures are exactly the (post, area) pairs with a counting finding
    pairs = {
        (f.source, v.area)
        for f in seed_findings()
        if isinstance(f, RecordResult)
        for v in f.violations
        if v.counts
    }
    assert sum(int(str(s.get("failures"))) for s in root.findall("testsuite")) == len(pairs) == 14


def test_cross_record_findings_have_a_suite_naming_every_record() -> None:
    root = _junit(establishment_findings())
    assert [s.get("name") for s in root.findall("testsuite")] == [EXPORT, "cross-record"]
    export = _suite(root, EXPORT)
    assert export.get("tests") == str(16 * len(AREAS))
    assert _failing(export) == {
        "post BCC-PA4 · Political Assistant — statutory-basis",
        "post DYF-0777 · Senior Planning Officer — grading",
    }
    names = [c.get("name") for c in export.findall("testcase")]
    assert len(set(names)) == len(names)  # two records labelled alike are two cases
    assert "post HBC-204 · Committee Officer (#2) — grading" not in names
    assert "post HBC-204 · Committee Officer — grading (#2)" in names
    cross = _suite(root, "cross-record")
    assert {c.get("name") for c in cross.findall("testcase")} == {
        "Borsetshire County Council — s9-posts-over-three",
        "Hassett Borough Council — mayors-assistants-over-one",
        "Hassett Borough Council · green — s9-posts-per-group-over-one",
        "Hassett Borough Council · HBC-204 — post-number-repeated",
        "Borsetshire County Council · planning officer — title-grades-differ",
    }
    assert (cross.get("tests"), cross.get("failures")) == ("5", "5")
    failure = _case(cross, "Borsetshire County Council — s9-posts-over-three").find("failure")
    assert failure is not None
    lines = re.findall(rf"record: {re.escape(EXPORT)}:(\d+)  post BCC-PA", str(failure.text))
    assert lines == ["2", "3", "4", "5"]


def test_a_suppressed_finding_is_not_a_failure() -> None:
    findings = changed_findings(seed_findings(), "grade-code-typo", suppression=WAIVER)
    findings = changed_findings(tuple(findings), "leftover-markup", suppression=WAIVER)
    mayors = _suite(_junit(findings), MAYORS)
    # grading had only the waived finding: skipped, saying why
    grading = _case(mayors, f"{MAYORS_LABEL} — grading")
    assert grading.find("failure") is None
    skipped = grading.find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "waiver: Agreed with the monitoring officer"
    assert "grade-code-typo (warning): line 10" in str(skipped.text)
    # hygiene still fails on the finding that counts, and names the waived one beside it
    failure = _case(mayors, f"{MAYORS_LABEL} — hygiene").find("failure")
    assert failure is not None
    assert failure.get("type") == "last-updated-stale"
    assert "suppressed by waiver: Agreed with the monitoring officer" in str(failure.text)
    assert "approver J. Okafor; expires 2027-03-31; ticket HR-1234; at waivers.yaml:7" in str(
        failure.text
    )
    assert (mayors.get("failures"), mayors.get("skipped")) == ("3", "1")
    out = str(mayors.findtext("system-out"))
    assert out.count("suppressed by waiver: Agreed with the monitoring officer") == 2


def test_a_baselined_set_is_skipped_not_failed() -> None:
    known = Suppression("baseline", "known when the baseline was adopted", location="b.json")
    findings = changed_findings(establishment_findings(), "s9-posts-over-three", suppression=known)
    cross = _suite(_junit(findings), "cross-record")
    case = _case(cross, "Borsetshire County Council — s9-posts-over-three")
    assert case.find("failure") is None
    skipped = case.find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "baseline: known when the baseline was adopted"
    assert (cross.get("failures"), cross.get("skipped")) == ("4", "1")


def test_an_input_error_is_an_error_case_in_its_files_suite() -> None:
    broken = InputError(MAYORS, "expected a mapping", line=3, index=1, field="grade")
    root = _junit([*seed_findings(), broken, InputError("posts/missing.yaml", "no such file")])
    mayors = _suite(root, MAYORS)
    assert (mayors.get("tests"), mayors.get("errors")) == (str(len(AREAS) + 1), "1")
    error = _case(mayors, "input error — line 3").find("error")
    assert error is not None
    assert (error.get("message"), error.get("type")) == ("expected a mapping", "input-error")
    assert error.text == f"{MAYORS}:3 [grade]: expected a mapping"
    missing = _suite(root, "posts/missing.yaml")
    assert (missing.get("tests"), missing.get("errors"), missing.get("failures")) == ("1", "1", "0")


def test_every_suite_carries_the_run_manifest_as_properties() -> None:
    root = _junit(seed_findings())
    for suite in root.findall("testsuite"):
        found = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert found["postcheck_version"] == "0.1.0"
        assert found["as_of"] == "2026-11-23"
        assert found["fail_on"] == "warning"
        assert found["rules_hash"] == "sha256:0123abcd"
        assert json.loads(str(found["inputs"])) == [{"path": MAYORS, "sha256": "ab12"}]
        assert found["select"] == "null"
        assert found["rules.sha256"] == "0123abcd"
        assert json.loads(str(found["rules.versions"])) == {"grade-code-typo": "9f8e"}
        assert "rules" not in found


def test_markup_and_control_characters_survive_or_are_replaced() -> None:
    message = 'a ]]> b < c & d "q" \x00\x01\x0b\x1b\x7f \ud800 ☃ \ufffe x\r\ny\rz'
    label = "post\n31214\t· <Mayor's> & ]]>"
    findings = changed_findings(
        seed_findings(), "grade-code-typo", message=message, record_label=label
    )
    findings = [
        dataclasses.replace(f, label=label) if isinstance(f, RecordResult) else f for f in findings
    ]
    mayors = _suite(_junit(findings), MAYORS)
    expected = 'a ]]> b < c & d "q" \ufffd\ufffd\ufffd\ufffd\x7f \ufffd ☃ \ufffd x\ny\nz'
    failure = _case(mayors, "post 31214 · <Mayor's> & ]]> — grading").find("failure")
    assert failure is not None
    assert failure.get("message") == expected
    assert f"\n  {expected}\n" in str(failure.text)


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "cp1252"])
def test_the_declaration_names_the_streams_encoding(encoding: str) -> None:
    findings = changed_findings(seed_findings(), "grade-code-typo", message="☃ ’quoted’ 𝔘")
    raw = io.BytesIO()
    with io.TextIOWrapper(raw, encoding=encoding) as stream:
        _write(findings, stream)
        stream.flush()
        data = raw.getvalue()
    assert data.startswith(f"<?xml version='1.0' encoding='{encoding}'?>".encode())
    root = ET.fromstring(data)  # decoded by the parser as declared
    messages = [
        f.get("message") for f in root.iter("failure") if f.get("type") == "grade-code-typo"
    ]
    assert messages == ["☃ ’quoted’ 𝔘"] * 2  # the seed post and its document


def test_classnames_are_dotted_paths() -> None:
    assert classname("fixtures/seeds/post.yaml") == "fixtures.seeds.post_yaml"
    assert classname("../shared/seeds/post.txt") == "shared.seeds.post_txt"
    assert classname("/srv/hr posts/p.csv") == "srv.hr posts.p_csv"
