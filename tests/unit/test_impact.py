"""`postcheck diff` (impact.py): the findings that move when the rules, or the day, change.

The fixtures are the seeds and the sample establishment export. Each test changes one thing and
checks the diff against the two catalogues run separately with check.run (what each side finds,
compared here by post and rule), and against the changes known by hand.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from postcheck.check import RecordResult, SetResult, build_evaluator, compile_for_run, run
from postcheck.config import Config
from postcheck.exit_codes import ExitCode
from postcheck.fingerprint import normalised
from postcheck.impact import (
    Impact,
    ImpactError,
    Side,
    SideInfo,
    _Comparer,
    as_plain,
    diff,
    render_text,
)
from postcheck.record.columns import TableOptions, load_column_map
from postcheck.record.sources import iter_outcomes
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import bundled_rules_dir, load_catalogue
from postcheck.violations import Violation
from tests.conftest import REPO, SEED_DAY, edit_once

SAMPLE = REPO / "examples" / "establishment"
PATHS = [str(REPO / "fixtures" / "seeds"), str(SAMPLE / "establishment.csv")]
CONFIG = Config().with_options(
    {"columns": SAMPLE / "columns.yaml", "authorities": (SAMPLE / "authorities",)}
)
MAYORS_ASSISTANT = "london borough of newham/31214"  # fixtures/seeds/newham-mayors-assistant.yaml
GROUP_ASSISTANT = "london borough of newham/3527"  # the Independents Group's assistant
BORSETSHIRE = "Borsetshire County Council"  # four s.9 posts in the sample export


def _findings(folder: Path, day: dt.date) -> dict[tuple[str, str], Violation]:
    """Every finding of one catalogue on one day, run on its own: (post, rule id) -> it."""
    catalogue = load_catalogue(folder)
    compiled = compile_for_run(catalogue, day)
    authorities = AuthorityDirectory.load(folder, extra=[SAMPLE / "authorities"])
    evaluator = build_evaluator(catalogue, compiled, authorities)
    tables = TableOptions(load_column_map(SAMPLE / "columns.yaml"))
    found: dict[tuple[str, str], Violation] = {}
    for result in run(iter_outcomes(PATHS, tables=tables), compiled, evaluator=evaluator):
        assert isinstance(result, RecordResult | SetResult), result
        for violation in result.violations:
            key = (violation.post, violation.rule_id)
            assert key not in found, key  # what the diff relies on: one finding per rule
            found[key] = violation
    return found


def _expected(
    old: dict[tuple[str, str], Violation],
    new: dict[tuple[str, str], Violation],
    days: tuple[dt.date, dt.date] = (SEED_DAY, SEED_DAY),
) -> set[tuple[str, str, str]]:
    """(post, rule, kind) for every finding that appears, disappears or changes."""

    def seen(v: Violation, day: dt.date) -> tuple[str, str, str]:
        return v.severity, v.message.replace(day.isoformat(), "{as_of}"), normalised(v.evidence)

    expected = {(*k, "new") for k in new.keys() - old.keys()}
    expected |= {(*k, "gone") for k in old.keys() - new.keys()}
    expected |= {
        (*k, "changed")
        for k in old.keys() & new.keys()
        if seen(old[k], days[0]) != seen(new[k], days[1])
    }
    return expected


def _moved(impact: Impact) -> set[tuple[str, str, str]]:
    return {(p.post, c.rule_id, c.kind) for p in impact.posts for c in p.changes}


def test_a_longer_review_period_drops_exactly_the_stale_findings_it_no_longer_reaches(
    rules: Path,
) -> None:
    edit_once(rules / "parameters.yaml", "      value: P2Y", "      value: P4Y")
    impact = diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))

    old, new = _findings(REPO / "rules", SEED_DAY), _findings(rules, SEED_DAY)
    assert _moved(impact) == _expected(old, new)
    # the rule files are the same, so the fingerprints are comparable across the two runs
    gone = {c.old.fingerprint for c in impact.changes if c.old and c.kind == "gone"}
    assert gone == {v.fingerprint for v in old.values()} - {v.fingerprint for v in new.values()}
    # by hand: the mayor's assistant, last updated May 2023, is within four years
    assert _moved(impact) == {(MAYORS_ASSISTANT, "last-updated-stale", "gone")}
    assert [(p.name, p.old, p.new) for p in impact.parameters] == [
        ("staleness_period", "P2Y", "P4Y")
    ]
    assert impact.rules == []
    assert (impact.records, impact.findings_old, impact.findings_new) == (18, 16, 15)
    assert impact.exit_status() == ExitCode.VIOLATIONS


def test_a_raised_threshold_drops_the_set_it_no_longer_counts_and_nothing_else(
    rules: Path,
) -> None:
    edit_once(rules / "cross-record" / "s9-posts-over-three.yaml", "more_than: 3", "more_than: 4")
    impact = diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))

    assert _moved(impact) == _expected(
        _findings(REPO / "rules", SEED_DAY), _findings(rules, SEED_DAY)
    )
    assert _moved(impact) == {(BORSETSHIRE, "s9-posts-over-three", "gone")}
    (post,) = impact.posts
    assert post.cross_record and post.sources == [str(SAMPLE / "establishment.csv")]
    assert [(r.rule_id, r.how) for r in impact.rules] == [("s9-posts-over-three", "edited")]
    assert {k: dict(v) for k, v in impact.by_rule().items()} == {"s9-posts-over-three": {"gone": 1}}


def test_a_condition_that_stops_firing_drops_its_findings_from_every_post_that_had_them(
    rules: Path,
) -> None:
    # grade-code-typo now looks for three digits after the zero: no record has them
    edit_once(rules / "grading" / "grade-code-typo.yaml", r"[PS]0\\d{1,2}", r"[PS]0\\d{3}")
    impact = diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))

    old, new = _findings(REPO / "rules", SEED_DAY), _findings(rules, SEED_DAY)
    assert _moved(impact) == _expected(old, new)
    had_it = {post for post, rule in old if rule == "grade-code-typo"}
    assert len(had_it) == 2  # Newham's P04 (a seed) and Dyfnant's P07 (the export)
    assert _moved(impact) == {(post, "grade-code-typo", "gone") for post in had_it}


def test_a_new_severity_is_a_change_not_a_new_finding(rules: Path) -> None:
    path = rules / "grading" / "grade-code-typo.yaml"
    edit_once(path, "severity: warning", "severity: info")
    impact = diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))

    assert _moved(impact) == _expected(
        _findings(REPO / "rules", SEED_DAY), _findings(rules, SEED_DAY)
    )
    changes = list(impact.changes)
    assert {(c.rule_id, c.kind, c.changed) for c in changes} == {
        ("grade-code-typo", "changed", ("severity",))
    }
    assert len(changes) == 2
    assert {(c.old.severity, c.now.severity) for c in changes if c.old} == {("warning", "info")}


def test_between_two_days_the_fixed_term_that_ends_between_them_appears() -> None:
    before, after = dt.date(2026, 5, 1), SEED_DAY  # the mayor's assistant's term ends 7 May 2026
    impact = diff(CONFIG, PATHS, Side(as_of=before), Side(as_of=after))

    rules = REPO / "rules"
    expected = _expected(_findings(rules, before), _findings(rules, after), (before, after))
    assert _moved(impact) == expected
    assert _moved(impact) == {
        (MAYORS_ASSISTANT, "fixed-term-ended", "new"),
        # dated 2 June 2026: in the future on 1 May, not on 23 November
        (GROUP_ASSISTANT, "last-updated-in-future", "gone"),
    }
    # messages that cite the day judged differ, but their verdict does not move
    assert "s9-group-below-one-tenth" not in impact.by_rule()
    assert (impact.old.as_of, impact.new.as_of) == (before, after)


def test_between_the_days_a_rule_comes_into_force(rules: Path) -> None:
    edit_once(
        rules / "appointment-terms" / "fixed-term-ended.yaml",
        "effective:\n  from: 1990-01-16",
        "effective:\n  from: 2026-06-01",
    )
    impact = diff(
        CONFIG,
        PATHS,
        Side(rules=rules, as_of=dt.date(2026, 5, 20)),
        Side(rules=rules, as_of=SEED_DAY),
    )
    assert ("fixed-term-ended", "now in force (was: not in force on 2026-05-20)") in {
        (r.rule_id, r.how) for r in impact.rules
    }
    assert (MAYORS_ASSISTANT, "fixed-term-ended", "new") in _moved(impact)


def test_the_same_rules_in_another_folder_change_nothing(rules: Path) -> None:
    impact = diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))
    assert list(impact.changes) == [] and impact.rules == [] and impact.parameters == []
    assert impact.exit_status() == ExitCode.CLEAN
    assert impact.findings_old == impact.findings_new == 16
    assert render_text(impact).endswith(
        "18 records compared: findings 16 -> 16; 0 new, 0 gone, 0 changed, 16 unchanged, "
        "on 0 posts or sets; 0 input errors"
    )


def test_the_same_side_twice_is_a_usage_error() -> None:
    with pytest.raises(ImpactError, match=r"both sides are .* on 2026-11-23"):
        diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(as_of=SEED_DAY))


def test_an_unreadable_input_is_one_error_and_exit_2(rules: Path, tmp_path: Path) -> None:
    edit_once(rules / "parameters.yaml", "      value: P2Y", "      value: P4Y")
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [\n", encoding="utf-8")
    impact = diff(
        CONFIG, [*PATHS, str(broken)], Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY)
    )
    assert [e.file for e in impact.input_errors] == [str(broken)]
    assert impact.exit_status() == ExitCode.USAGE_OR_INPUT
    assert len(list(impact.changes)) == 1  # the rest is still compared
    assert f"input error: {broken}" in render_text(impact)


def test_a_broken_rule_file_on_either_side_names_it(rules: Path) -> None:
    (rules / "hygiene" / "leftover-markup.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(ImpactError, match=r"leftover-markup\.yaml:\d+: not valid YAML"):
        diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))


def test_a_moved_line_is_not_a_change() -> None:
    violation = _violation(line=10)
    comparer = _Comparer(Impact(SideInfo("a", SEED_DAY), SideInfo("b", SEED_DAY)))
    moved = dataclasses.replace(violation, line=42, source="elsewhere.yaml", evidence="p04\n")
    assert comparer.changes({"r": violation}, {"r": moved}) == []
    reworded = dataclasses.replace(violation, evidence="PO4")
    (change,) = comparer.changes({"r": violation}, {"r": reworded})
    assert (change.kind, change.changed) == ("changed", ("evidence",))


def _violation(**given: Any) -> Violation:
    base: dict[str, Any] = {
        "rule_id": "r",
        "severity": "warning",
        "area": "grading",
        "title": "A rule",
        "message": "Grade P04 on 2026-11-23",
        "citation": "",
        "url": "",
        "field": "grade",
        "fix": "",
        "source": "a.yaml",
        "index": None,
        "line": 1,
        "post_number": "1",
        "record_label": "post 1",
        "evidence": "P04",
    }
    return Violation(**(base | given))


def test_the_text_report_marks_each_change_and_counts_them_per_rule(rules: Path) -> None:
    edit_once(rules / "parameters.yaml", "      value: P2Y", "      value: P4Y")
    edit_once(rules / "cross-record" / "s9-posts-over-three.yaml", "more_than: 3", "more_than: 4")
    edit_once(rules / "grading" / "grade-code-typo.yaml", "severity: warning", "severity: info")
    text = render_text(diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY)))
    assert (
        text.splitlines()[0]
        == f"comparing {bundled_rules_dir()} on 2026-11-23 -> {rules} on 2026-11-23"
    )
    assert "parameter staleness_period: 'P2Y' -> 'P4Y'" in text
    assert "  - warning last-updated-stale  (line 12)" in text
    assert "  - error   s9-posts-over-three  (line 2)" in text
    assert "  ~ info    grade-code-typo  (line 10)\n      severity: warning\n" in text
    assert "by rule:\n  grade-code-typo      +0 -0 ~2\n" in text
    assert "  s9-posts-over-three  +0 -1 ~0\n" in text


def test_the_json_report_is_plain_and_stable(rules: Path) -> None:
    edit_once(rules / "parameters.yaml", "      value: P2Y", "      value: P4Y")
    first = as_plain(diff(CONFIG, PATHS, Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY)))
    again = as_plain(
        diff(CONFIG, list(reversed(PATHS)), Side(as_of=SEED_DAY), Side(rules=rules, as_of=SEED_DAY))
    )
    assert json.dumps(first) == json.dumps(json.loads(json.dumps(first)))
    assert first["posts"] == again["posts"] and first["by_rule"] == again["by_rule"]
    (post,) = first["posts"]
    assert post["post"] == MAYORS_ASSISTANT and not post["cross_record"]
    (change,) = post["changes"]
    assert (change["kind"], change["rule_id"], change["new"]) == (
        "gone",
        "last-updated-stale",
        None,
    )
    assert change["old"]["line"] == 12 and change["old"]["fingerprint"]
    assert first["by_rule"] == {"last-updated-stale": {"new": 0, "gone": 1, "changed": 0}}
    assert first["totals"] == {
        "records": 18,
        "findings_old": 16,
        "findings_new": 15,
        "new": 0,
        "gone": 1,
        "changed": 0,
        "input_errors": 0,
    }


def _git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_two_git_revisions_of_the_rules_folder(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "rules", repo / "policy" / "rules")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "rules as bundled")
    edit_once(repo / "policy" / "rules" / "parameters.yaml", "      value: P2Y", "      value: P4Y")
    _git(repo, "commit", "-qam", "a longer review period")
    folder = repo / "policy" / "rules"
    impact = diff(
        CONFIG,
        PATHS,
        Side(rules=folder, rev="HEAD~1", as_of=SEED_DAY),
        Side(rules=folder, rev="HEAD"),
    )
    assert (impact.old.rules, impact.new.rules) == ("HEAD~1:policy/rules", "HEAD:policy/rules")
    assert _moved(impact) == {(MAYORS_ASSISTANT, "last-updated-stale", "gone")}
    with pytest.raises(ImpactError, match="no revision 'nope'"):
        diff(CONFIG, PATHS, Side(rules=folder, rev="nope"), Side(rules=folder))
    with pytest.raises(ImpactError, match="is not a git revision"):
        diff(CONFIG, PATHS, Side(rules=folder, rev="--output=x"), Side(rules=folder))
