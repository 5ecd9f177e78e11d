"""Every rule's documented examples fail and pass as declared, on the real engine.

Examples are judged on their own `as_of` day (or the seed day), with the authority the record
names: a bundled one, or a fictional test council from tests/authorities/.
"""

from __future__ import annotations

from typing import Any

import pytest

from postcheck.rules.model import Rule
from tests.conftest import SEED_DAY, bundled_catalogue, judge

RULES = bundled_catalogue().rules


def _cases() -> list[Any]:
    cases = []
    for rule in RULES:
        for verdict, records in (("fail", rule.examples.fail), ("pass", rule.examples.pass_)):
            for n, record in enumerate(records):
                cases.append(pytest.param(rule, verdict, record, id=f"{rule.id}-{verdict}-{n}"))
    return cases


@pytest.mark.parametrize(("rule", "verdict", "record"), _cases())
def test_example_is_judged_as_declared(rule: Rule, verdict: str, record: dict[str, Any]) -> None:
    found = [v.rule_id for v in judge(record, rule.examples.as_of or SEED_DAY).violations]
    if verdict == "fail":
        assert rule.id in found, f"{rule.id} should fire on {record}; found {found}"
    else:
        assert rule.id not in found, f"{rule.id} should not fire on {record}"


def test_every_rule_has_examples_both_ways() -> None:
    for rule in RULES:
        assert rule.examples.fail and rule.examples.pass_, rule.id
