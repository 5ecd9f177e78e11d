"""Waivers and baselines: what suppresses a finding, what is itself a finding, and the commands
that list and create them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.exit_codes import ExitCode
from tests.conftest import REPO

SEED = REPO / "fixtures" / "seeds" / "newham-mayors-assistant.yaml"
DAY = "2026-11-23"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args], catch_exceptions=False)
    return result.exit_code, result.output


def _waivers(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text("waivers:\n" + "".join(entries), encoding="utf-8")
    return path


def _entry(rule: str = "fixed-term-ended", post: str = "31214", **fields: str) -> str:
    values = {
        "reason": "Re-advertised with a new term in January.",
        "approver": "A. Patel",
        "expires": "2027-01-31",
    } | fields
    lines = [f"  - post: '{post}'\n", f"    rule: {rule}\n"]
    lines += [f"    {k}: {v}\n" for k, v in values.items() if v]
    return "".join(lines)


def _json(*args: str) -> dict:
    code, out = _run("check", "--no-config", "--as-of", DAY, "--format", "json", *args)
    report = json.loads(out)
    report["exit"] = code
    return report


def _by_rule(report: dict) -> dict[str, dict]:
    return {v["rule_id"]: v for v in report["violations"]}


def test_a_current_waiver_suppresses_one_finding_of_one_post(tmp_path: Path) -> None:
    waivers = _waivers(tmp_path, _entry())
    report = _json(str(SEED), "--waivers", str(waivers))
    found = _by_rule(report)
    assert found["fixed-term-ended"]["suppression"]["kind"] == "waiver"
    assert found["fixed-term-ended"]["suppression"]["ticket"] is None
    # the other error of the post still counts
    assert found["mayors-assistant-restriction-citation"]["suppression"] is None
    assert report["summary"]["counting"]["error"] == 1
    assert report["summary"]["suppressed"] == {"waiver": 1}
    assert report["exit"] == ExitCode.VIOLATIONS


def test_waivers_name_a_post_by_number_or_by_council_and_number(tmp_path: Path) -> None:
    for post in ("31214", "London Borough of Newham/31214", "london borough of newham / 31214"):
        waivers = _waivers(tmp_path, _entry(post=post))
        found = _by_rule(_json(str(SEED), "--waivers", str(waivers)))
        assert found["fixed-term-ended"]["suppression"] is not None, post


@pytest.mark.parametrize(
    ("entry", "rule", "says"),
    [
        (_entry(expires="2026-11-01"), "waiver-expired", "expired on 2026-11-01"),
        (_entry(approver=""), "waiver-incomplete", "gives no approver"),
        (_entry(reason="", expires=""), "waiver-incomplete", "gives no reason or expires"),
        (_entry(rule="fixed-term-endd"), "waiver-unknown-rule", "no rule 'fixed-term-endd'"),
    ],
)
def test_a_waiver_that_cannot_be_honoured_is_an_error_at_its_line(
    tmp_path: Path, entry: str, rule: str, says: str
) -> None:
    waivers = _waivers(tmp_path, _entry(rule="last-updated-stale"), entry)
    report = _json(str(SEED), "--waivers", str(waivers))
    found = _by_rule(report)
    assert found[rule]["severity"] == "error"
    assert found[rule]["line"] == 7 and found[rule]["source"] == str(waivers)  # its "- post:"
    assert says in found[rule]["message"]
    if rule != "waiver-unknown-rule":
        assert found["fixed-term-ended"]["suppression"] is None  # and it suppresses nothing
    assert found["last-updated-stale"]["suppression"] is not None  # the good one still works
    assert report["exit"] == ExitCode.VIOLATIONS


def test_a_waiver_for_a_post_not_in_the_run_is_a_warning(tmp_path: Path) -> None:
    waivers = _waivers(tmp_path, _entry(post="99999"))
    found = _by_rule(_json(str(SEED), "--waivers", str(waivers)))
    assert found["waiver-unknown-post"]["severity"] == "warning"


def test_a_rule_made_not_waivable_stays_counted(tmp_path: Path) -> None:
    (tmp_path / "postcheck.toml").write_text(
        f'as_of = "{DAY}"\nnot_waivable = ["error"]\nwaiver_severity = "warning"\n',
        encoding="utf-8",
    )
    waivers = _waivers(tmp_path, _entry())
    code, out = _run(
        "check", "--config", str(tmp_path / "postcheck.toml"), "--format", "json",
        "--waivers", str(waivers), str(SEED),
    )  # fmt: skip
    found = _by_rule(json.loads(out))
    assert found["fixed-term-ended"]["suppression"] is None
    assert found["waiver-not-allowed"]["severity"] == "warning"
    assert code == ExitCode.VIOLATIONS


def test_a_waiver_file_with_an_unknown_key_stops_the_run_with_its_line(tmp_path: Path) -> None:
    waivers = _waivers(tmp_path, _entry(), "    approvr: B. Jones\n")
    code, out = _run("check", "--no-config", "--waivers", str(waivers), str(SEED))
    assert code == ExitCode.USAGE_OR_INPUT
    assert f"{waivers}:7" in out and "approvr" in out


def test_waivers_command_lists_days_to_expiry(tmp_path: Path) -> None:
    waivers = _waivers(tmp_path, _entry(), _entry(rule="last-updated-stale", expires="2026-11-01"))
    code, out = _run("waivers", str(waivers), "--as-of", DAY)
    assert code == ExitCode.VIOLATIONS  # one has expired
    assert "fixed-term-ended  post 31214  expires 2027-01-31  (69 days left)" in out
    assert "the waiver expired on 2026-11-01" in out
    code, out = _run("waivers", str(waivers), "--as-of", DAY, "--format", "json")
    rows = json.loads(out)["waivers"]
    assert [r["days_left"] for r in rows] == [69, -22]


# --- baselines ---------------------------------------------------------------------------------


def test_a_baseline_counts_new_unchanged_and_resolved(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(SEED, docs / SEED.name)
    baseline = tmp_path / "baseline.json"
    code, _ = _run("baseline", "create", str(baseline), str(docs), "--no-config", "--as-of", DAY)
    assert code == ExitCode.CLEAN
    listed = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert len(listed) == 5
    text = (docs / SEED.name).read_text(encoding="utf-8")
    assert '"P04"' in text and '"31214"' in text
    (docs / SEED.name).write_text(text.replace('"P04"', '"PO4"'), encoding="utf-8")  # one fixed
    report = _json(str(docs), "--baseline", str(baseline))
    assert report["summary"]["baseline"] == {"new": 0, "unchanged": 4, "resolved": 1}
    assert report["exit"] == ExitCode.CLEAN
    (docs / SEED.name).write_text(text.replace('"31214"', '"31215"'), encoding="utf-8")
    report = _json(str(docs), "--baseline", str(baseline))  # another post: all new
    assert report["summary"]["baseline"] == {"new": 5, "unchanged": 0, "resolved": 5}
    assert report["exit"] == ExitCode.VIOLATIONS


def test_a_baseline_is_never_written_over_an_input(tmp_path: Path) -> None:
    target = tmp_path / SEED.name
    shutil.copy(SEED, target)
    code, out = _run("baseline", "create", str(target), str(target), "--no-config")
    assert code == ExitCode.USAGE_OR_INPUT
    assert "would overwrite an input" in out
    assert target.read_bytes() == SEED.read_bytes()


def test_a_file_that_is_not_a_baseline_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    code, out = _run("check", "--no-config", "--baseline", str(bad), str(SEED))
    assert code == ExitCode.USAGE_OR_INPUT
    assert "not a postcheck baseline" in out
