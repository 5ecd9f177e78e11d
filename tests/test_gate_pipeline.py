"""A publishing pipeline's gate, end to end: a folder of job descriptions with a README, an
image and a workflow file beside them, a configuration file in the repository, a baseline of
the findings the estate already had, and a reviewed waiver file. The run writes SARIF, JUnit,
GitLab Code Quality and JSON in one go, each valid against its schema, and its exit status
follows only the findings that are new and not waived."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.exit_codes import ExitCode
from tests.conftest import REPO

SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SARIF_SCHEMA = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text())
JUNIT_XSD = xmlschema.XMLSchema(str(SHARED / "schemas" / "junit-ant.xsd"))
CHECK_SCHEMA = json.loads(
    (resources.files("postcheck") / "report" / "schemas" / "check.schema.json").read_text()
)
# GitLab's documented Code Quality fields (docs.gitlab.com, "Code Quality report format").
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {"lines": {"type": "object", "required": ["begin"]}},
            },
        },
    },
}
MAYOR = "newham-mayors-assistant.txt"
GROUP = "newham-independents-group-political-assistant.txt"
WAIVERS = """\
waivers:
  - post: "31214"
    rule: mayors-assistant-restriction-citation
    reason: The citation is corrected in the re-issue agreed with Legal.
    approver: A. Patel, Head of HR
    expires: 2027-01-31
    ticket: HR-1234
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of job descriptions: the Independents Group post, already published."""
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEEDS / GROUP, docs / GROUP)
    (docs / "README.md").write_text(
        "# Job descriptions\n\nThis folder holds the council's published job descriptions.\n",
        encoding="utf-8",
    )
    (docs / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (docs / "publish.yml").write_text("name: publish\non: [push]\njobs: {}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "job-descriptions"\n\n'
        "[tool.postcheck]\n"
        'as_of = "2026-11-23"\n'
        'fail_on = "error"\n'
        'baseline = ".postcheck-baseline.json"\n'
        'waivers = "waivers.yaml"\n'
        'not_waivable = ["fixed-term-ended"]\n',
        encoding="utf-8",
    )
    (tmp_path / "waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    (tmp_path / "out").mkdir()  # postcheck does not create folders for reports
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _adopt(repo: Path) -> None:
    """The estate as it was: its findings recorded in the baseline."""
    code, _ = _run("baseline", "create", ".postcheck-baseline.json", "docs")
    assert code == ExitCode.CLEAN
    assert (repo / ".postcheck-baseline.json").is_file()


REPORTS = [
    "--format", "sarif", "-o", "out/postcheck.sarif",
    "--format", "junit", "-o", "out/postcheck.xml",
    "--format", "gitlab", "-o", "out/gl-code-quality-report.json",
    "--format", "json", "-o", "out/postcheck.json",
]  # fmt: skip


def _reports(repo: Path) -> tuple[dict, dict, list, object]:
    out = repo / "out"
    sarif = json.loads((out / "postcheck.sarif").read_text(encoding="utf-8"))
    report = json.loads((out / "postcheck.json").read_text(encoding="utf-8"))
    gitlab = json.loads((out / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(sarif)
    jsonschema.validate(report, CHECK_SCHEMA)
    jsonschema.validate(gitlab, GITLAB_SCHEMA)
    JUNIT_XSD.validate(str(out / "postcheck.xml"))
    return sarif, report, gitlab, JUNIT_XSD.to_dict(str(out / "postcheck.xml"))


def test_adopted_estate_passes_the_gate_with_every_finding_still_reported(repo: Path) -> None:
    _adopt(repo)
    code, out = _run("check", "docs", *REPORTS)
    assert code == ExitCode.CLEAN, out
    sarif, report, gitlab, _ = _reports(repo)
    summary = report["summary"]
    assert summary["records"] == 1 and summary["input_errors"] == 0
    assert summary["baseline"] == {"new": 0, "unchanged": 4, "resolved": 0}
    # the waiver is for a post not published yet: worth a warning, not a failed gate
    assert summary["counting"] == {"error": 0, "warning": 1, "info": 0}
    assert summary["by_rule"]["waiver-unknown-post"] == 1
    assert len(summary["skipped_files"]) == 3  # README.md, logo.png, publish.yml
    results = [r for r in sarif["runs"][0]["results"] if not r["ruleId"].startswith("waiver-")]
    assert len(results) == 4  # suppressed, never dropped
    assert all(r["baselineState"] == "unchanged" and r["suppressions"] for r in results)
    # GitLab cannot show suppressed findings: only the waiver's own finding is there
    assert [issue["check_name"] for issue in gitlab] == ["waiver-unknown-post"]


def test_a_new_post_fails_the_gate_on_its_new_unwaived_error_only(repo: Path) -> None:
    _adopt(repo)
    shutil.copy(SEEDS / MAYOR, repo / "docs" / MAYOR)
    code, out = _run("check", "docs", *REPORTS)
    assert code == ExitCode.VIOLATIONS, out
    sarif, report, gitlab, junit = _reports(repo)
    violations = {v["rule_id"]: v for v in report["violations"] if v["post_number"] == "31214"}
    # the waived error: reported, suppressed, with its reason and approver
    waived = violations["mayors-assistant-restriction-citation"]
    assert waived["suppression"]["kind"] == "waiver"
    assert waived["suppression"]["approver"] == "A. Patel, Head of HR"
    assert waived["suppression"]["location"].endswith("waivers.yaml:2")
    # the error that fails the gate: new, and not waivable by configuration
    assert violations["fixed-term-ended"]["baseline"] == "new"
    assert violations["fixed-term-ended"]["suppression"] is None
    assert report["summary"]["counting"]["error"] == 1
    assert report["summary"]["baseline"]["unchanged"] == 4
    sarif_waived = [
        r
        for r in sarif["runs"][0]["results"]
        if r["ruleId"] == "mayors-assistant-restriction-citation"
    ]
    assert sarif_waived[0]["suppressions"][0]["justification"].startswith("The citation is")
    assert "fixed-term-ended" in {issue["check_name"] for issue in gitlab}
    assert "mayors-assistant-restriction-citation" not in {i["check_name"] for i in gitlab}
    manifest = report["manifest"]
    assert {i["path"] for i in manifest["inputs"]} == {f"docs/{GROUP}", f"docs/{MAYOR}"}
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    assert manifest["configuration"]["origins"]["baseline"].endswith("pyproject.toml:7")
    assert (
        sarif["runs"][0]["properties"]["manifest"]["rules"]["sha256"] == manifest["rules"]["sha256"]
    )
    assert junit is not None


def test_re_wrapping_a_baselined_document_keeps_it_unchanged(repo: Path) -> None:
    _adopt(repo)
    path = repo / "docs" / GROUP
    text = path.read_text(encoding="utf-8")
    # the same words, re-wrapped: every paragraph's lines joined, then broken at 50 columns
    import textwrap

    rewrapped = "\n\n".join(
        "\n".join(textwrap.wrap(" ".join(block.split()), 50)) if len(block) > 60 else block
        for block in text.split("\n\n")
    )
    path.write_text(rewrapped, encoding="utf-8")
    code, _ = _run("check", "docs", "--format", "json", "-o", "out/after.json")
    report = json.loads((repo / "out" / "after.json").read_text(encoding="utf-8"))
    assert report["summary"]["baseline"]["new"] == 0, [
        (v["rule_id"], v["evidence"]) for v in report["violations"] if v["baseline"] == "new"
    ]
    assert code == ExitCode.CLEAN


def test_an_expired_waiver_fails_the_gate_naming_its_line(repo: Path) -> None:
    _adopt(repo)
    shutil.copy(SEEDS / MAYOR, repo / "docs" / MAYOR)
    (repo / "waivers.yaml").write_text(
        WAIVERS.replace("2027-01-31", "2026-10-31"), encoding="utf-8"
    )
    code, out = _run("check", "docs", "--no-color", "--ignore", "fixed-term-ended")
    assert code == ExitCode.VIOLATIONS, out
    assert "waivers.yaml  waivers in " in out
    assert "error   waiver-expired  (line 2)" in out
    assert "the waiver expired on 2026-10-31" in out
    # and the finding it no longer covers counts again
    assert "error   mayors-assistant-restriction-citation" in out


def test_the_gate_without_baseline_or_waivers_counts_everything(repo: Path) -> None:
    shutil.copy(SEEDS / MAYOR, repo / "docs" / MAYOR)
    code, out = _run("check", "docs", "--no-config", "--as-of", "2026-11-23", "--no-color")
    assert code == ExitCode.VIOLATIONS
    assert "3 files are not a post" in out
    assert "not counted" not in out
