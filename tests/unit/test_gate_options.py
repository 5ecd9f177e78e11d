"""The gate's command-line behaviour: several reports in one run, --statistics, --quiet, the run
manifest, and reports that must never overwrite what they read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.exit_codes import ExitCode
from tests.conftest import REPO

SEEDS = REPO / "fixtures" / "seeds"
DAY = ["--no-config", "--as-of", "2026-11-23"]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args], catch_exceptions=False)
    return result.exit_code, result.output


def test_several_reports_in_one_run_each_written_whole(tmp_path: Path) -> None:
    code, out = _run(
        "check", *DAY, str(SEEDS),
        "--format", "jsonl", "-o", str(tmp_path / "a.jsonl"),
        "--format", "csv", "-o", str(tmp_path / "b.csv"),
        "--format", "text", "-o", "-",
    )  # fmt: skip
    assert code == ExitCode.VIOLATIONS
    assert out.rstrip().splitlines()[-1].startswith("2 records checked as of 2026-11-23: 9 viol")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["kind"] for x in lines] == ["violation"] * 9 + ["summary"]
    assert (tmp_path / "b.csv").read_text(encoding="utf-8").count("\n") == 10  # header + 9
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--format", "json", "--format", "sarif"], "need an --output each"),
        (["-o", "a.json", "-o", "b.json"], "more --output files than --format"),
        (["--format", "json", "-o", "-", "--format", "csv", "-o", "-"], "only one report"),
        (["--format", "json", "-o", "x.json", "--format", "csv", "-o", "x.json"], "one file"),
    ],
)
def test_reports_must_pair_with_outputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = _run("check", *DAY, str(SEEDS), *args)
    assert code == ExitCode.USAGE_OR_INPUT
    assert says in out


def test_a_report_is_never_written_over_an_input(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    shutil.copy(SEEDS / "newham-mayors-assistant.yaml", post)
    before = post.read_bytes()
    code, out = _run("check", *DAY, str(post), "--format", "json", "-o", str(post))
    assert code == ExitCode.USAGE_OR_INPUT
    assert "would overwrite an input" in out
    assert post.read_bytes() == before


def test_statistics_count_findings_per_rule() -> None:
    code, out = _run("check", *DAY, "--no-color", "--statistics", str(SEEDS))
    assert code == ExitCode.VIOLATIONS
    assert "     2  info     leftover-markup" in out
    assert "     1  error    fixed-term-ended" in out


def test_quiet_shows_only_what_counts(tmp_path: Path) -> None:
    code, out = _run("check", *DAY, "--no-color", "--quiet", "--select", "error", str(SEEDS))
    assert code == ExitCode.VIOLATIONS
    assert "fixed-term-ended" in out and "records checked" not in out
    code, out = _run(
        "check", *DAY, "--quiet", "--select", "leftover-markup", "--fail-on", "error", str(SEEDS)
    )
    assert code == ExitCode.CLEAN
    assert "leftover-markup" in out  # info findings count; --quiet hides the summary only
    code, out = _run("check", *DAY, "--quiet", str(REPO / "fixtures" / "clean"))
    assert out == ""


def test_the_manifest_names_rules_authorities_and_inputs_with_hashes() -> None:
    code, out = _run("check", *DAY, "--format", "json", str(SEEDS))
    assert code == ExitCode.VIOLATIONS
    manifest = json.loads(out)["manifest"]
    assert manifest["as_of"] == "2026-11-23"
    assert manifest["engine"]["durable_rules"] == "2.0.28"
    assert len(manifest["rules"]["sha256"]) == 64
    assert "fixed-term-ended" in manifest["rules"]["versions"]
    assert {a["name"] for a in manifest["authorities"]} >= {"London Borough of Newham"}
    assert [Path(i["path"]).name for i in manifest["inputs"]] == [
        "newham-independents-group-political-assistant.yaml",
        "newham-mayors-assistant.yaml",
    ]
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    # the same run gives the same manifest
    _, again = _run("check", *DAY, "--format", "json", str(SEEDS))
    assert json.loads(again)["manifest"] == manifest


def test_an_impossible_day_is_refused_as_such() -> None:
    code, out = _run("check", "--no-config", "--as-of", "2026-13-01", str(SEEDS))
    assert code == ExitCode.USAGE_OR_INPUT
    assert "'2026-13-01' is not a real date" in out


def test_jobs_give_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    """--jobs judges batches in worker processes; findings, their order, the cross-record sets,
    the unmatched councils and the summary are those of one process."""
    sample = REPO / "examples" / "establishment"
    export = tmp_path / "big.csv"
    rows = (sample / "establishment.csv").read_bytes().splitlines(keepends=True)
    export.write_bytes(rows[0] + b"".join(rows[1:]) * 150)  # 2,400 records: several batches
    common = [
        "check", *DAY, str(export), str(SEEDS), "--columns", str(sample / "columns.yaml"),
        "--format", "json",
    ]  # fmt: skip
    reports = {}
    for jobs in ("1", "2"):
        code, out = _run(*common, "--jobs", jobs)
        assert code == ExitCode.VIOLATIONS
        reports[jobs] = json.loads(out)
    one, two = reports["1"], reports["2"]
    assert one["summary"]["records"] == 2402
    assert one["violations"] == two["violations"]
    assert one["summary"] == two["summary"]
    assert one["summary"]["unmatched_authorities"]  # counted in the workers, merged back
    assert any(v["records"] for v in one["violations"])  # cross-record sets across batches
