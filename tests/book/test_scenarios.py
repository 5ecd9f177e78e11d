"""Scenarios read from features, and their status read from the test run's cucumber JSON:
from a file written by hand, and from one pytest-bdd itself writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postcheck.book import BookError, load_scenarios, read_results
from postcheck.book.scenarios import (
    RunStatus,
    Scenario,
    status_of,
    unmatched_runs,
)
from tests.conftest import REPO, bundled_catalogue

FEATURE = '''\
@grading
Feature: Grades
  A feature for the tests.

  Background:
    Given the council is "Loamshire"

  Rule: A grade code with a zero for an O is a typo
    https://www.legislation.gov.uk/ukpga/1989/42/section/9

    @grade-code-typo
    Scenario: P04 is read as PO4
      Given the job description says:
        """
        Grade: P04
        """
      When the post is checked
      Then the checker warns under "grade-code-typo"
      And the finding points at line 1

    @grade-code-typo @not-a-rule
    Scenario Outline: The grade <code> is <verdict>
      Given a post graded "<code>"
      When the post is checked
      Then it is <verdict>

      Examples:
        | code | verdict  |
        | P04  | a typo   |
        | PO4  | accepted |

  Rule: Establishments
    Scenario: A table of posts
      Given the establishment lists these posts:
        | post number | title     |
        | PA1         | Assistant |
      When the establishment is checked
      Then the checker finds nothing
'''


TYPO_LINE = FEATURE.splitlines().index("    Scenario: P04 is read as PO4") + 1
OUTLINE_LINE = FEATURE.splitlines().index("    Scenario Outline: The grade <code> is <verdict>") + 1


@pytest.fixture
def features(tmp_path: Path) -> Path:
    folder = tmp_path / "features"
    folder.mkdir()
    (folder / "grading.feature").write_text(FEATURE, encoding="utf-8")
    return folder


def _by_name(scenarios: list[Scenario]) -> dict[str, Scenario]:
    return {s.name: s for s in scenarios}


def test_scenarios_are_read_with_their_steps_tags_and_examples(features: Path) -> None:
    scenarios = _by_name(load_scenarios(features))
    assert list(scenarios) == [
        "P04 is read as PO4",
        "The grade <code> is <verdict>",
        "A table of posts",
    ]
    typo = scenarios["P04 is read as PO4"]
    assert typo.feature_file == "grading.feature" and typo.line == TYPO_LINE
    assert typo.rule_block == "A grade code with a zero for an O is a typo"
    assert typo.tags == ("grade-code-typo", "grading")
    # the background first, then the scenario's own steps
    assert [(s.keyword, s.kind) for s in typo.steps] == [
        ("Given", "context"),
        ("Given", "context"),
        ("When", "action"),
        ("Then", "outcome"),
        ("And", "conjunction"),
    ]
    assert typo.steps[1].doc == "Grade: P04"
    outline = scenarios["The grade <code> is <verdict>"]
    assert outline.is_outline
    assert outline.run_names() == ["The grade P04 is a typo", "The grade PO4 is accepted"]
    assert outline.rule_ids(r.id for r in bundled_catalogue().all_rules) == ["grade-code-typo"]
    table = scenarios["A table of posts"].steps[1].table
    assert table == (("post number", "title"), ("PA1", "Assistant"))
    assert scenarios["A table of posts"].rule_ids(["grade-code-typo"]) == []


def test_a_broken_feature_names_its_file_and_line(features: Path) -> None:
    (features / "broken.feature").write_text(
        "Feature: x\n  Scenario: a\n    Given b\n  This is no step\n", encoding="utf-8"
    )
    with pytest.raises(BookError) as caught:
        load_scenarios(features)
    assert str(caught.value).startswith(f"{features / 'broken.feature'}:4: not valid Gherkin")
    assert "This is no step" in caught.value.reason


def test_a_missing_features_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="no such features folder"):
        load_scenarios(tmp_path / "nowhere")


def _element(name: str, line: int, *statuses: str) -> dict[str, object]:
    return {
        "keyword": "Scenario",
        "id": name.lower(),
        "name": name,
        "line": line,
        "description": "",
        "tags": [],
        "type": "scenario",
        "steps": [
            {
                "keyword": "Given" if n == 0 else "Then",
                "name": f"step {n}",
                "line": line + n + 1,
                "match": {"location": ""},
                "result": {"status": status, "duration": 1},
            }
            for n, status in enumerate(statuses)
        ],
    }


def _results(tmp_path: Path, elements: list[dict[str, object]], uri: str) -> Path:
    """A cucumber JSON file as pytest-bdd writes it: a list of features, no timestamp."""
    path = tmp_path / "results.json"
    feature = {
        "keyword": "Feature",
        "uri": uri,
        "name": "Grades",
        "id": uri,
        "line": 2,
        "description": "",
        "language": "en",
        "tags": [],
        "elements": elements,
    }
    path.write_text(json.dumps([feature]), encoding="utf-8")
    os.utime(path, (1_767_225_600, 1_767_225_600))  # 2026-01-01 00:00 UTC
    return path


def test_status_per_scenario_from_a_cucumber_json_file(features: Path, tmp_path: Path) -> None:
    scenarios = _by_name(load_scenarios(features))
    path = _results(
        tmp_path,
        [
            _element("P04 is read as PO4", TYPO_LINE, "passed", "passed", "passed"),
            _element("The grade P04 is a typo", OUTLINE_LINE, "passed", "failed", "skipped"),
            _element("The grade PO4 is accepted", OUTLINE_LINE, "passed", "passed"),
            _element("A scenario renamed since", 40, "passed"),
        ],
        "features/grading.feature",
    )
    results = read_results(path)
    assert results.when is not None and results.when.isoformat() == "2026-01-01T00:00:00+00:00"
    typo = status_of(scenarios["P04 is read as PO4"], results)
    assert (typo.status, typo.summary, typo.when) == (RunStatus.PASS, "pass", results.when)
    outline = status_of(scenarios["The grade <code> is <verdict>"], results)
    assert outline.status is RunStatus.FAIL
    assert outline.summary == "fail (1 of 2 examples)"
    assert outline.failed_step == "Then step 1"
    table = status_of(scenarios["A table of posts"], results)
    assert (table.status, table.when) == (RunStatus.NOT_RUN, None)
    assert [r.name for r in unmatched_runs(results, list(scenarios.values()))] == [
        "A scenario renamed since"
    ]


def test_a_scenario_in_another_file_of_the_same_name_is_not_matched(
    features: Path, tmp_path: Path
) -> None:
    path = _results(
        tmp_path, [_element("P04 is read as PO4", TYPO_LINE, "passed")], "features/x.feature"
    )
    scenario = _by_name(load_scenarios(features))["P04 is read as PO4"]
    assert status_of(scenario, read_results(path)).status is RunStatus.NOT_RUN


def test_an_outline_with_some_rows_run_says_how_many(features: Path, tmp_path: Path) -> None:
    path = _results(
        tmp_path,
        [_element("The grade PO4 is accepted", OUTLINE_LINE, "passed")],
        "features/grading.feature",
    )
    outline = _by_name(load_scenarios(features))["The grade <code> is <verdict>"]
    assert status_of(outline, read_results(path)).summary == "pass (1 of 2 examples run)"


def test_no_results_file_means_not_run(features: Path, tmp_path: Path) -> None:
    results = read_results(tmp_path / "none.json")
    assert results.missing == f"no results file at {tmp_path / 'none.json'}"
    for scenario in load_scenarios(features):
        assert status_of(scenario, results).status is RunStatus.NOT_RUN


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[{", "not JSON"),
        ('{"features": []}', "not a cucumber JSON report: the top level"),
        ('[{"uri": "a.feature", "elements": [{"line": 3}]}]', "0.elements.0.name: Field required"),
        ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
    ],
)
def test_a_broken_results_file_is_an_error_naming_it(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "results.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BookError) as caught:
        read_results(path)
    assert str(caught.value).startswith(f"{path}") and reason in str(caught.value)


TEST_MODULE = """\
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("grading.feature")


@given(parsers.parse('the council is "{name}"'))
@given("the job description says:")
@given(parsers.parse('a post graded "{code}"'))
@given("the establishment lists these posts:")
def _given(**kwargs):
    pass


@when("the post is checked")
@when("the establishment is checked")
def _when():
    pass


@then(parsers.parse('the checker warns under "{rule}"'))
@then(parsers.parse("the finding points at line {line:d}"))
@then("the checker finds nothing")
def _then(**kwargs):
    pass


@then(parsers.parse("it is {verdict}"))
def _verdict(verdict):
    assert verdict == "a typo"
"""


def test_the_results_pytest_bdd_writes_are_read(features: Path, tmp_path: Path) -> None:
    """End to end with pytest-bdd's own writer: outline rows are named as the book expects,
    and a failing row fails its scenario."""
    (features / "test_grading.py").write_text(TEST_MODULE, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\nbdd_features_base_dir = features/\n")
    out = tmp_path / "run.json"
    ran = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            str(tmp_path / "pytest.ini"),
            f"--rootdir={tmp_path}",
            f"--cucumberjson={out}",
            str(features),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ran.returncode == 1, ran.stdout + ran.stderr  # one example row fails by design
    results = read_results(out)
    statuses = {s.name: status_of(s, results).summary for s in load_scenarios(features)}
    assert statuses == {
        "P04 is read as PO4": "pass",
        "The grade <code> is <verdict>": "fail (1 of 2 examples)",
        "A table of posts": "pass",
    }
    assert unmatched_runs(results, load_scenarios(features)) == []


def test_the_bundled_features_are_read() -> None:
    scenarios = load_scenarios(REPO / "features")
    assert len(scenarios) >= 200
    known = [r.id for r in bundled_catalogue().all_rules]
    assert all(s.rule_ids(known) for s in scenarios)
    assert len({s.key for s in scenarios}) == len(scenarios)


def test_two_scenarios_of_one_name_are_told_apart_by_their_line(tmp_path: Path) -> None:
    folder = tmp_path / "features"
    folder.mkdir()
    twice = "Feature: F\n  Scenario: Same\n    Given a\n\n  Scenario: Same\n    Given b\n"
    (folder / "f.feature").write_text(twice, encoding="utf-8")
    first, second = load_scenarios(folder)
    path = _results(
        tmp_path,
        [_element("Same", first.line, "passed"), _element("Same", second.line, "failed")],
        "features/f.feature",
    )
    results = read_results(path)
    assert status_of(first, results).status is RunStatus.PASS
    assert status_of(second, results).status is RunStatus.FAIL
