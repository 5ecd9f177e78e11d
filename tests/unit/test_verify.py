"""`postcheck verify` (verify.py): a rules folder's examples, and the engine against the Python
reading, checked the way the test suite checks the bundled rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from postcheck import verify
from postcheck.exit_codes import ExitCode
from postcheck.rules.catalogue import RuleFileError, bundled_rules_dir
from postcheck.verify import (
    ExampleJudge,
    Origin,
    as_plain,
    render_text,
    verify_catalogue,
    verify_folder,
)
from tests.conftest import (
    SEED_DAY,
    TEST_AUTHORITIES,
    authorities,
    bundled_catalogue,
    edit_once,
    evaluator_for,
)


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def _verified(folder: Path) -> verify.Verification:
    """Examples only: the tests that change one example need no variants."""
    return verify_folder(folder, [TEST_AUTHORITIES], SEED_DAY, variants=0)


def test_the_bundled_rules_verify_clean() -> None:
    # with the suite's own engines, as tests/test_rule_examples.py can use it
    judge = ExampleJudge(bundled_catalogue(), authorities(), evaluator_for)
    result = verify_catalogue(judge, SEED_DAY, verify.DEFAULT_VARIANTS)
    assert result.ok, render_text(result)
    assert result.exit_status() == ExitCode.CLEAN
    assert [r.rule_id for r in result.rules] == [r.id for r in bundled_catalogue().all_rules]
    examples = sum(r.examples for r in result.rules)
    assert result.variants > examples  # variants were made and compared, not only examples
    assert result.compared > result.variants
    text = render_text(result)
    assert text.splitlines()[-1].startswith(
        f"{bundled_rules_dir()}: {len(result.rules)} rules, {len(result.rules)} ok, "
        f"0 with a failing example, 0 with a disagreement; {examples} examples judged"
    )


def test_a_pass_example_that_fires_is_reported_with_its_rule_and_number(rules: Path) -> None:
    path = rules / "hygiene" / "last-updated-stale.yaml"
    edit_once(path, 'date_last_updated: "November 2024"}', 'date_last_updated: "May 2020"}')
    result = _verified(rules)
    assert result.exit_status() == ExitCode.VIOLATIONS
    (failing,) = [r for r in result.rules if not r.ok]
    assert (failing.rule_id, failing.status) == ("last-updated-stale", "failing example")
    (failure,) = failing.failures
    line = _line_of(path, "May 2020")
    assert (failure.verdict, failure.number, failure.where, failure.fired) == (
        "pass",
        0,
        f"{path}:{line}",
        True,
    )
    text = render_text(result)
    assert "FAIL  last-updated-stale" in text
    assert (
        f"example: pass example 0 ({path}:{line}), on 2026-11-23: expected no finding, "
        "but it fires" in text
    )
    assert f"{len(result.rules) - 1} ok, 1 with a failing example" in text


def test_a_cross_record_fail_example_that_no_longer_breaks_the_rule(rules: Path) -> None:
    edit_once(rules / "cross-record" / "s9-posts-over-three.yaml", "more_than: 3", "more_than: 4")
    (failing,) = [r for r in _verified(rules).rules if not r.ok]
    assert failing.rule_id == "s9-posts-over-three"
    assert [(f.verdict, f.number, f.fired) for f in failing.failures] == [("fail", 0, False)]


def test_a_rule_not_in_force_on_its_examples_day_says_so(rules: Path) -> None:
    edit_once(
        rules / "appointment-terms" / "fixed-term-ended.yaml",
        "effective:\n  from: 1990-01-16",
        "effective:\n  from: 2027-01-01",
    )
    (failing,) = [r for r in _verified(rules).rules if not r.ok]
    assert failing.rule_id == "fixed-term-ended"
    assert {f.verdict for f in failing.failures} == {"fail"}
    assert all(f.note == "not in force on 2026-11-23" for f in failing.failures)
    assert "it does not fire (not in force on 2026-11-23)" in failing.failures[0].describe()


def test_an_example_that_is_not_a_valid_record(rules: Path) -> None:
    path = rules / "hygiene" / "last-updated-stale.yaml"
    edit_once(path, '{title: Officer, date_last_updated: "May 2023"}', "{titel: Officer}")
    (failing,) = [r for r in _verified(rules).rules if not r.ok]
    (failure,) = failing.failures
    assert (failure.verdict, failure.number, failure.fired) == ("fail", 0, None)
    assert failure.note.startswith("not a valid record: titel: ")
    assert failure.where == f"{path}:{_line_of(path, 'titel')}"


def test_a_broken_rule_file_does_not_load(rules: Path) -> None:
    path = rules / "grading" / "grade-code-typo.yaml"
    edit_once(path, "severity: warning", "severity: grave")
    with pytest.raises(RuleFileError) as raised:
        _verified(rules)
    assert str(raised.value).startswith(f"{path}:{_line_of(path, 'severity')}: severity: ")


def test_an_unparsable_rule_file_does_not_load(rules: Path) -> None:
    path = rules / "grading" / "grade-code-typo.yaml"
    path.write_text("id: grade-code-typo\ntitle: [\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=rf"^{path}:\d+: not valid YAML"):
        _verified(rules)


def test_the_engine_disagreeing_with_the_python_reading_is_reported(
    rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = verify.holds

    def wrong_about_one_rule(rule: Any, *arguments: Any) -> bool:
        found = real(rule, *arguments)
        return not found if rule.id == "leftover-markup" else found

    monkeypatch.setattr(verify, "holds", wrong_about_one_rule)
    result = verify_folder(rules, [TEST_AUTHORITIES], SEED_DAY, variants=4)
    (failing,) = [r for r in result.rules if not r.ok]
    assert (failing.rule_id, failing.status, failing.failures) == (
        "leftover-markup",
        "disagreement",
        (),
    )
    # every record of the day it is compared on: its own examples and variants, and the
    # examples of every other rule judged that day
    assert len(failing.disagreements) > 4
    variants = [d for d in failing.disagreements if d.origin.variant]
    assert variants and all(d.origin.rule_id == "leftover-markup" for d in variants)
    fired = next(d for d in failing.disagreements if d.engine and not d.origin.variant)
    assert fired.describe().startswith("the engine fires, the Python reading does not, on ")
    assert result.exit_status() == ExitCode.VIOLATIONS
    assert "disagreement: the engine " in render_text(result)


def test_variants_cross_fail_with_pass_then_drop_and_cut_fields() -> None:
    fail = Origin("r", "fail", 0, "r.yaml:10")
    passing = Origin("r", "pass", 0, "r.yaml:12")
    written = [
        (fail, {"title": "A", "grade": ["P04", "SO1"], "salary": {"maximum": 1}}),
        (passing, {"title": "A", "grade": ["PO4"]}),
    ]
    made = [(o.verdict, o.variant, data) for o, data in verify._variants(written)]
    assert made[0] == (
        "fail",
        "with `grade` from pass example 0",
        written[0][1] | {"grade": ["PO4"]},
    )
    hows = [(verdict, how) for verdict, how, _ in made]
    assert ("pass", "with `salary.maximum` from fail example 0") in hows
    assert ("fail", "without `salary.maximum`") in hows
    assert ("fail", "`grade` cut to its first item") in hows
    assert ("pass", "`grade` empty") in hows
    assert written[0][1] == {"title": "A", "grade": ["P04", "SO1"], "salary": {"maximum": 1}}


def test_the_json_form_is_plain(rules: Path) -> None:
    edit_once(
        rules / "hygiene" / "last-updated-stale.yaml",
        'date_last_updated: "November 2024"}',
        'date_last_updated: "May 2020"}',
    )
    data = json.loads(json.dumps(as_plain(_verified(rules))))
    (failing,) = [r for r in data["rules"] if r["status"] != "ok"]
    assert failing["failures"][0] | {"where": ""} == {
        "verdict": "pass",
        "number": 0,
        "where": "",
        "day": "2026-11-23",
        "expected": "does not fire",
        "got": "fires",
        "note": "",
    }
    assert data["ok"] is False and data["variants"] == 0


def test_an_example_naming_a_council_without_an_authority_file_says_so(rules: Path) -> None:
    result = verify_folder(rules, [], SEED_DAY, variants=0)  # no tests/authorities
    notes = {f.note for r in result.rules for f in r.failures}
    assert (
        "no authority file describes 'Borchester Borough Council': give its folder with "
        "--authorities"
    ) in notes
