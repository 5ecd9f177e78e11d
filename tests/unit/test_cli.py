"""The command line as pipelines use it: exit codes, JSON output against its schema, files."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.rules.catalogue import bundled_rules_dir

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
AS_OF = ["--as-of", "2026-11-23"]
SCHEMA = json.loads(
    (resources.files("postcheck") / "report" / "schemas" / "check.schema.json").read_text()
)
CLEAN = "title: Policy Officer\ngrade: PO3\ndate_last_updated: 2026-06-01\n"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def test_seeds_fail_with_exit_1_and_json_matches_the_schema() -> None:
    code, out = invoke("check", str(SEEDS), "--format", "json", *AS_OF)
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    found = {(v["post_number"], v["rule_id"]) for v in report["violations"]}
    assert ("31214", "grade-code-typo") in found
    assert ("3527", "s9-term-not-stated") in found
    assert report["summary"]["records"] == 2


def test_clean_record_exits_0(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(CLEAN)
    code, out = invoke("check", str(tmp_path), "--no-color", *AS_OF)
    assert code == 0, out
    assert out.strip().endswith(
        "1 record checked as of 2026-11-23: 0 violations (0 errors, 0 warnings, 0 info), "
        "0 input errors"
    )


@pytest.mark.parametrize(
    ("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)]
)
def test_fail_on_threshold(tmp_path: Path, fail_on: str, code: int) -> None:
    (tmp_path / "stale.yaml").write_text(
        "title: Officer\ndate_last_updated: May 2020\n"
    )  # a warning
    assert invoke("check", str(tmp_path), "--fail-on", fail_on, *AS_OF)[0] == code


def test_input_error_exits_2_and_the_other_records_are_still_checked(tmp_path: Path) -> None:
    (tmp_path / "a-bad.yaml").write_text("title: [unclosed\n")
    (tmp_path / "b-good.yaml").write_text("title: Officer\ngrade: P04\n")
    code, out = invoke("check", str(tmp_path), "--format", "json", *AS_OF)
    assert code == 2
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["input_errors"] == 1
    assert [v["rule_id"] for v in report["violations"]] == ["grade-code-typo"]


def test_select_and_ignore(tmp_path: Path) -> None:
    code, out = invoke(
        "check", str(SEEDS), "--format", "json", "--select", "grade-code-typo", *AS_OF
    )
    assert {v["rule_id"] for v in json.loads(out)["violations"]} == {"grade-code-typo"}
    code, out = invoke(
        "check", str(SEEDS), "--format", "json", "--ignore", "grade-code-typo", *AS_OF
    )
    assert "grade-code-typo" not in {v["rule_id"] for v in json.loads(out)["violations"]}
    code, out = invoke("check", str(SEEDS), "--select", "no-such-rule", *AS_OF)
    assert code == 2 and "no-such-rule" in out


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "out.json"
    target.parent.mkdir()  # postcheck does not create folders for reports (below)
    code, out = invoke("check", str(SEEDS), "--format", "json", "-o", str(target), *AS_OF)
    assert code == 1 and out == ""
    jsonschema.validate(json.loads(target.read_text()), SCHEMA)
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]  # no temporary left behind


def test_output_into_a_missing_folder_is_refused_naming_it(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "out.json"
    code, out = invoke("check", str(SEEDS), "--format", "json", "-o", str(target), *AS_OF)
    assert code == 2
    assert f"the folder {target.parent} does not exist" in out
    assert not target.parent.exists()


def test_stdin_records() -> None:
    code, out = invoke(
        "check", "-", "--format", "json", *AS_OF, stdin='{"title": "A", "grade": "P04"}\n'
    )
    assert code == 0
    (violation,) = json.loads(out)["violations"]
    assert violation["source"] == "<stdin>" and violation["rule_id"] == "grade-code-typo"


def test_broken_rule_file_stops_the_run_with_file_and_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), rules)
    target = rules / "grading" / "grade-code-typo.yaml"
    text = target.read_text().replace("severity: warning", "severity: fatal")
    target.write_text(text)
    code, out = invoke("check", str(SEEDS), "--rules", str(rules), *AS_OF)
    line = text.splitlines().index("severity: fatal") + 1
    assert code == 2
    assert f"{target}:{line}:" in out and "severity" in out


def test_rule_with_an_unknown_field_names_its_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), rules)
    target = rules / "hygiene" / "repeated-item-number.yaml"
    text = target.read_text().replace(
        "present: derived.repeated_item_numbers", "present: derived.no_such"
    )
    target.write_text(text)
    code, out = invoke("rules", "--rules", str(rules))
    line = text.splitlines().index("  present: derived.no_such") + 1
    assert code == 2 and f"{target}:{line}:" in out and "no_such" in out


def test_rules_and_explain() -> None:
    code, out = invoke("rules", "--format", "json", *AS_OF)
    assert code == 0
    rules = json.loads(out)["rules"]
    assert {"grade-code-typo", "fixed-term-ended"} <= {r["id"] for r in rules}
    code, out = invoke("explain", "mayors-assistant-restriction-citation")
    assert code == 0
    for expected in (
        "reg 3(6)",
        "https://www.legislation.gov.uk/uksi/2002/975",
        "certainty: statute",
        "Fails, example 1 of",
        "Passes, example 1 of",
    ):
        assert expected in out
    assert invoke("explain", "nope")[0] == 2


def test_schema_is_the_record_json_schema() -> None:
    code, out = invoke("schema")
    schema = json.loads(out)
    assert code == 0 and "post_number" in schema["properties"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_unknown_option_is_a_usage_error() -> None:
    assert invoke("check", "--frobnicate", "x")[0] == 2


SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def _rule_ids(paths: list[str]) -> dict[str | None, set[str]]:
    code, out = invoke("check", *paths, "--format", "json", *AS_OF)
    assert code in (0, 1), out
    found: dict[str | None, set[str]] = {}
    for violation in json.loads(out)["violations"]:
        found.setdefault(violation["post_number"], set()).add(violation["rule_id"])
    return found


def test_documents_structured_fixtures_and_extract_round_trip_agree(tmp_path: Path) -> None:
    from_documents = _rule_ids([str(SHARED_SEEDS)])
    assert from_documents == _rule_ids([str(SEEDS)])
    for document in sorted(SHARED_SEEDS.glob("*.txt")):
        code, out = invoke("extract", str(document))
        assert code == 0
        (tmp_path / f"{document.stem}.yaml").write_text(out)
    assert _rule_ids([str(tmp_path)]) == from_documents


def test_schema_facts_lists_every_field_rules_can_test() -> None:
    code, out = invoke("schema", "--facts")
    paths = {line.split()[0] for line in out.splitlines()}
    assert code == 0
    assert {"grade[].code", "derived.kind", "authority_context.mayor_term_end"} <= paths


@pytest.mark.parametrize(
    "stray", ["politcal-restriction/some-rule.yaml", "grading/grade-code-typo2.yml", "extra.yaml"]
)
def test_rule_files_in_the_wrong_place_stop_the_run(tmp_path: Path, stray: str) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), rules)
    target = rules / stray
    target.parent.mkdir(exist_ok=True)
    target.write_text((rules / "grading" / "grade-code-typo.yaml").read_text())
    code, out = invoke("rules", "--rules", str(rules))
    assert code == 2 and str(target) in out and "not a place for a rule file" in out


@pytest.mark.parametrize(
    ("stdin", "titles"),
    [
        ("title,grade\nA,P04\nB,PO3\n", ["A", "B"]),
        ('{"title": "A"}\n{"title": "B"}\n', ["A", "B"]),
        ("title: A\ngrade: P04\n", ["A"]),
        ("JOB DESCRIPTION\n\nJob Title: A\tGrade: P04\n", ["A"]),
    ],
)
def test_stdin_format_is_sniffed(stdin: str, titles: list[str]) -> None:
    code, out = invoke("check", "-", "--format", "json", "--fail-on", "never", *AS_OF, stdin=stdin)
    report = json.loads(out)
    assert code == 0 and report["summary"]["records"] == len(titles), out


def test_report_file_gets_a_normal_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    invoke("check", str(SEEDS), "--format", "json", "-o", str(target), *AS_OF)
    assert target.stat().st_mode & 0o077 != 0  # not the private 0600 of a temporary file


def test_verbose_says_which_rules_could_not_judge_a_record(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text(CLEAN)
    code, out = invoke("check", str(tmp_path), "-v", "--no-color", "--as-of", "2022-06-01")
    assert code == 0
    assert "not run assistant-pay-at-or-above-cap: parameter s9_relevant_amount" in out
    assert "not applicable grade-not-on-scale: needs from the authority file" in out
    code, out = invoke("check", str(tmp_path), "--no-color", "--as-of", "2022-06-01")
    assert "not applicable" not in out and "not run" not in out
