"""`postcheck explain`: a rule's dated values are shown as they stood on the --as-of day.

The rules here are written for the test (a tiny catalogue in a temporary folder), so the
expected text does not move when the bundled rules are reworded; one test runs the bundled
rule whose explanation printed `£{param.s9_relevant_amount}` literally.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from postcheck.cli import main
from tests.conftest import bundled_catalogue

PARAMETERS = """\
pay_limit:
  description: The pay a test post must stay below.
  unit: GBP a year
  values:
    - {from: 2000-01-01, value: 21000, source: First test order}
    - {from: 2010-04-01, value: null, source: Second test order (amount not given)}
    - {from: 2020-04-01, value: 30500, source: Third test order, url: "https://example.org/o3"}
review_period:
  description: How long a test document may go unreviewed.
  unit: ISO-8601 period
  values:
    - {from: 2000-01-01, value: P3Y, source: test default}
"""

RULE = """\
id: pay-too-high
title: The pay reaches the test limit
area: grading
severity: warning
certainty: practice
effective: {from: 2005-01-01}
citations:
  - {text: A test provision for explain, url: "https://example.org/provision"}
rationale: >-
  A test rationale long enough to pass validation, which names no value but says why it matters.
remediation: Pay less than £{param.pay_limit} a year, reviewed within {param.review_period}.
message: The pay reaches £{salary.maximum}; it must be below £{param.pay_limit} on {as_of}.
field: salary
when:
  at_least: {field: salary.maximum, param: pay_limit}
examples:
  fail:
    - {title: Officer, salary: {minimum: 20000, maximum: 40000}}
  pass:
    - {title: Officer, salary: {minimum: 10000, maximum: 15000}}
"""


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    (tmp_path / "parameters.yaml").write_text(PARAMETERS, encoding="utf-8")
    (tmp_path / "grading").mkdir()
    (tmp_path / "grading" / "pay-too-high.yaml").write_text(RULE, encoding="utf-8")
    return tmp_path


def explain(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["explain", *args])
    return result.exit_code, result.output


def test_parameters_are_rendered_for_the_day(rules: Path) -> None:
    code, out = explain("pay-too-high", "--rules", str(rules), "--as-of", "2021-06-01")
    assert code == 0, out
    assert "Pay less than £30,500 a year, reviewed within 3 years." in out
    assert "it must be below £30,500 on 2021-06-01." in out
    assert "on 2021-06-01: applies" in out
    assert "{param." not in out and "{as_of}" not in out


def test_each_day_takes_the_value_then_in_force(rules: Path) -> None:
    _, out = explain("pay-too-high", "--rules", str(rules), "--as-of", "2009-12-31")
    assert "Pay less than £21,000 a year" in out
    assert "pay_limit: 21,000 (GBP a year), from 2000-01-01; source: First test order" in out
    _, out = explain("pay-too-high", "--rules", str(rules), "--as-of", "2020-04-01")
    assert "Pay less than £30,500 a year" in out
    assert "https://example.org/o3" in out


def test_a_value_the_sources_do_not_give_is_said_to_be_unknown(rules: Path) -> None:
    _, out = explain("pay-too-high", "--rules", str(rules), "--as-of", "2015-01-01")
    assert "Pay less than [amount not known] a year" in out
    assert "pay_limit: not known, from 2010-04-01" in out
    assert "on 2015-01-01: silent (parameter pay_limit has no known value on 2015-01-01)" in out


def test_a_day_before_the_rule_is_in_force_says_so(rules: Path) -> None:
    _, out = explain("pay-too-high", "--rules", str(rules), "--as-of", "2004-12-31")
    assert "on 2004-12-31: silent (not in force on 2004-12-31)" in out
    assert "in force: from 2005-01-01 to today" in out


def test_the_job_descriptions_own_words_are_left_for_the_finding(rules: Path) -> None:
    _, out = explain("pay-too-high", "--rules", str(rules), "--as-of", "2021-06-01")
    assert "The pay reaches £{salary.maximum};" in out
    assert "({salary.maximum}: filled from the job description when a finding is made)" in out


def test_the_day_defaults_to_today(rules: Path) -> None:
    today = dt.date.today().isoformat()
    code, out = explain("pay-too-high", "--rules", str(rules))
    assert code == 0 and f"on {today}: " in out
    assert out == explain("pay-too-high", "--rules", str(rules), "--as-of", today)[1]


def test_a_malformed_day_is_a_usage_error(rules: Path) -> None:
    assert explain("pay-too-high", "--rules", str(rules), "--as-of", "1 May 2021")[0] == 2


def test_the_bundled_pay_limit_rule_shows_the_amount() -> None:
    # The fault the legal review found: the fix printed £{param.s9_relevant_amount}.
    code, out = explain("assistant-pay-at-or-above-cap", "--as-of", "2025-06-01")
    assert code == 0
    assert "s9_relevant_amount: 49,282 (GBP a year), from 2025-04-01" in out
    assert "{param." not in out
    _, out = explain("assistant-pay-at-or-above-cap", "--as-of", "2007-06-01")
    assert "s9_relevant_amount: 34,986 (GBP a year), from 2006-07-04" in out


@pytest.mark.parametrize("rule_id", [r.id for r in bundled_catalogue().all_rules])
def test_no_bundled_rule_shows_a_parameter_placeholder(rule_id: str) -> None:
    code, out = explain(rule_id, "--as-of", "2026-11-23")
    assert code == 0, out
    assert "{param." not in out and "{as_of}" not in out


def test_explain_lists_the_rules_scenarios_with_their_last_status(tmp_path: Path) -> None:
    from postcheck.explain import render_scenarios

    results = tmp_path / "results.json"
    step = {"keyword": "Given ", "name": "a post", "result": {"status": "passed"}}
    failing = {**step, "keyword": "Then ", "result": {"status": "failed"}}
    results.write_text(
        json.dumps(
            [
                {
                    "uri": "features/grading.feature",
                    "elements": [
                        {"name": 'The grade is written "P04" with a zero', "steps": [step]},
                        {"name": 'The grade is written "PO4" with the letter O',
                         "steps": [step, failing]},
                    ],
                }
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    text = render_scenarios("grade-code-typo", results)
    assert '[pass] The grade is written "P04" with a zero (grading.feature:12)' in text
    assert '[fail] The grade is written "PO4" with the letter O' in text
    assert "[not run] A grade written with a zero for the letter O" in text
    assert render_scenarios("no-such-rule", results) == "Scenarios: none."
