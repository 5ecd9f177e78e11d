"""Every rule's documented examples fail and pass as declared, on the real engine.

Examples are judged on their own `as_of` day (or the seed day), with the authority the record
names: a bundled one, or a fictional test council from tests/authorities/. A cross-record rule's
examples are sets of records, judged together.
"""

from __future__ import annotations

from typing import Any

import pytest

from postcheck.rules.model import AnyRule
from tests.conftest import SEED_DAY, bundled_catalogue, fires_on_example

RULES = bundled_catalogue().all_rules


def _cases() -> list[Any]:
    cases = []
    for rule in RULES:
        for verdict, records in (("fail", rule.examples.fail), ("pass", rule.examples.pass_)):
            for n, record in enumerate(records):
                cases.append(pytest.param(rule, verdict, record, id=f"{rule.id}-{verdict}-{n}"))
    return cases


@pytest.mark.parametrize(("rule", "verdict", "record"), _cases())
def test_example_is_judged_as_declared(rule: AnyRule, verdict: str, record: Any) -> None:
    fired = fires_on_example(rule, record, rule.examples.as_of or SEED_DAY)
    assert fired is (verdict == "fail"), (
        f"{rule.id} should {'' if fired else 'not '}fire on {record}"
    )


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULES:
        assert rule.examples.fail and rule.examples.pass_, rule.id
