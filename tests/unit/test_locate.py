"""Findings name the list item that made the rule fire, and point at its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from postcheck.check import RecordResult, run
from postcheck.engine.compiler import compile_catalogue
from postcheck.record.model import PostRecord
from postcheck.record.sources import iter_outcomes
from postcheck.rules.parameters import Parameters
from tests.conftest import bundled_catalogue
from tests.unit.test_engine import make_rule

DAY = dt.date(2026, 11, 23)
TYPO = {
    "any_item": {
        "field": "grade",
        "where": {"matches": {"field": "code", "pattern": r"[PS]0\d"}},
    }
}


def _violations(rule_when: dict[str, object], message: str, source: list[object]) -> RecordResult:
    rule = make_rule("item", rule_when, message=message, field="grade")
    compiled = compile_catalogue([rule], Parameters.from_mapping({}), DAY)
    (result,) = run(source, compiled)  # type: ignore[arg-type]
    assert isinstance(result, RecordResult)
    return result


def test_message_names_the_matching_item_not_the_first() -> None:
    record = PostRecord(grade=["PO3", {"as_written": "P04", "line": 40}, "S02"])
    result = _violations(TYPO, "Grade {grade.match.as_written} (first: {grade.0.code})", [record])
    (violation,) = result.violations
    assert violation.message == "Grade P04 (first: PO3)"
    assert violation.line == 40


def test_yaml_records_point_at_the_matching_item_line(tmp_path: Path) -> None:
    path = tmp_path / "post.yaml"
    path.write_text("title: Officer\ngrade:\n  - PO3\n  - PO4\n  - P04\n")
    result = _violations(TYPO, "{grade.match.code}", list(iter_outcomes([str(path)])))
    (violation,) = result.violations
    assert (violation.message, violation.line) == ("P04", 5)


def test_match_outside_a_firing_item_test_is_unknown() -> None:
    when = {"present": "grade"}
    (violation,) = _violations(when, "{grade.match.code}", [PostRecord(grade=["PO3"])]).violations
    assert violation.message == "unknown"


def test_locator_agrees_with_the_engine_on_every_rule_example() -> None:
    """Wherever a rule's fail example fires through an item test, the locator finds the item."""
    from postcheck.engine.facts import to_fact
    from postcheck.engine.locate import matched_items
    from postcheck.rules.conditions import AllOf, AnyItem

    catalogue = bundled_catalogue()
    checked = 0
    for rule in catalogue.rules:
        conjuncts = rule.when.all if isinstance(rule.when, AllOf) else [rule.when]
        lists = [c.any_item.field for c in conjuncts if isinstance(c, AnyItem)]
        if not lists:
            continue
        day = rule.examples.as_of or DAY
        values = {n: catalogue.parameters.value_on(n, day) for n in catalogue.parameters.parameters}
        for example in rule.examples.fail:
            fact = to_fact(PostRecord.model_validate(example), None, day)
            found = matched_items(rule, fact, values, day)
            assert set(lists) <= set(found), (rule.id, example)
            checked += 1
    assert checked > 5


def test_engine_agrees_with_the_python_reading_of_every_rule_on_every_example() -> None:
    """A differential test of the compiler: every rule, every example of every rule, both ways."""
    from postcheck.engine.facts import to_fact
    from postcheck.engine.locate import holds
    from tests.conftest import authorities, evaluator_for

    catalogue = bundled_catalogue()
    examples = [e for r in catalogue.rules for e in (*r.examples.fail, *r.examples.pass_)]
    examples += [
        record
        for r in catalogue.set_rules
        for example in (*r.examples.fail, *r.examples.pass_)
        for record in example.records
    ]
    disagreements = []
    for day in sorted({r.examples.as_of or DAY for r in catalogue.all_rules}):
        evaluator = evaluator_for(day).with_authorities(authorities())
        values = evaluator.catalogue.parameter_values
        records = [PostRecord.model_validate(e) for e in examples]
        for record, judged in zip(records, evaluator.judge(records), strict=True):
            fact = to_fact(record, authorities().for_name(record.authority), day)
            for rule_id, compiled in evaluator.catalogue.rules.items():
                engine = rule_id in judged.rule_ids  # type: ignore[union-attr]
                python = holds(compiled.rule, fact, values, day)
                if engine != python:
                    disagreements.append((day, rule_id, record.title, engine, python))
            for rule_id, counted in evaluator.catalogue.sets.items():
                engine = rule_id in judged.set_rule_ids  # type: ignore[union-attr]
                python = holds(counted.rule, fact, values, day)
                if engine != python:
                    disagreements.append((day, rule_id, record.title, engine, python))
    assert not disagreements
