"""The sample establishment export (examples/establishment/): three councils' posts in one CSV,
saved by Excel in cp1252 with the HR system's own headers, read with its column map and the
councils' authority files. Every finding planted in it is listed here by hand, with the lines
it names, and nothing else may be found: in the text report and in the JSON report."""

from __future__ import annotations

import json
import re
from importlib import resources

import jsonschema
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.exit_codes import ExitCode
from tests.conftest import REPO

SAMPLE = REPO / "examples" / "establishment"
EXPORT = SAMPLE / "establishment.csv"
ARGS = [
    "check",
    str(EXPORT),
    "--columns",
    str(SAMPLE / "columns.yaml"),
    "--authorities",
    str(SAMPLE / "authorities"),
    "--as-of",
    "2026-11-23",
]
# (rule, lines of the records it names): per-post findings name one line, sets every record's.
PLANTED = {
    # Borsetshire: the Independents hold 4 of 60 seats while three groups hold a tenth
    ("s9-group-below-one-tenth", (5,)),
    # Dyfnant: P07 typed for PO7
    ("grade-code-typo", (16,)),
    # Borsetshire: four s.9 posts
    ("s9-posts-over-three", (2, 3, 4, 5)),
    # Hassett: two mayor's assistants at once
    ("mayors-assistants-over-one", (8, 9)),
    # Hassett: two posts for the Green Group, spelt two ways
    ("s9-posts-per-group-over-one", (10, 11)),
    # Hassett: HBC-204 is a Committee Officer and a Data Analyst (Dyfnant's HBC-204 is its own)
    ("post-number-repeated", (12, 13)),
    # Borsetshire: Planning Officers on PO4 and PO6 (Dyfnant's on PO5 is another council's)
    ("title-grades-differ", (6, 7)),
}


def _run(*more: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*ARGS, *more], catch_exceptions=False)
    return result.exit_code, result.output


def test_the_export_is_what_excel_saves() -> None:
    data = EXPORT.read_bytes()
    assert b"\xa3" in data and b"\x92" in data  # £ and ’ in cp1252
    data.decode("cp1252")
    assert data.splitlines()[0].startswith(b"Authority Name,Position Ref,Post Title")


def test_json_report_has_exactly_the_planted_findings() -> None:
    code, out = _run("--format", "json")
    assert code == ExitCode.VIOLATIONS
    report = json.loads(out)
    schema = (resources.files("postcheck") / "report" / "schemas" / "check.schema.json").read_text()
    jsonschema.validate(report, json.loads(schema))
    found = {
        (v["rule_id"], tuple(r["line"] for r in v["records"]) or (v["line"],))
        for v in report["violations"]
    }
    assert found == PLANTED
    assert len(report["violations"]) == len(PLANTED)
    assert {r["source"] for v in report["violations"] for r in v["records"]} == {str(EXPORT)}
    summary = report["summary"]
    assert (summary["records"], summary["input_errors"], summary["unmatched_authorities"]) == (
        16,
        0,
        [],
    )
    assert summary["by_severity"] == {"error": 2, "warning": 4, "info": 1}


def test_text_report_has_exactly_the_planted_findings() -> None:
    code, out = _run("--no-color")
    assert code == ExitCode.VIOLATIONS
    headings = re.findall(r"^  (?:error|warning|info) +(\S+)", out, flags=re.M)
    assert sorted(headings) == sorted(rule for rule, _ in PLANTED)
    for rule, lines in PLANTED:
        if len(lines) > 1:
            block = out.split(f" {rule}  ({len(lines)} records)")[1].split("\n\n")[0]
            assert [int(n) for n in re.findall(rf"{re.escape(str(EXPORT))}:(\d+)", block)] == list(
                lines
            )
        else:
            assert f"{rule}  (line {lines[0]})" in out
    assert "Mayor’s Assistant" in out  # the cp1252 apostrophe, read as written
    assert out.rstrip().endswith(
        "16 records checked as of 2026-11-23: 7 violations (2 errors, 4 warnings, 1 info), "
        "0 input errors"
    )


def test_without_the_councils_files_the_run_says_which_councils_were_unknown() -> None:
    args = [a for a in ARGS if a not in ("--authorities", str(SAMPLE / "authorities"))]
    result = CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False)
    report = json.loads(result.output)
    names = {u["name"] for u in report["summary"]["unmatched_authorities"]}
    assert names == {"Borsetshire County Council", "Hassett Borough Council", "Cyngor Sir Dyfnant"}
    # the cross-record rules still group by the names the records give
    assert "s9-posts-over-three" in report["summary"]["by_rule"]
