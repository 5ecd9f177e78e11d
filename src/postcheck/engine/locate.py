"""Which list item made a rule fire, so a finding can name it and point at its line.

The engine says only that a record matched. When a rule tests `any_item` of a list, the report
should show the offending grade or citation, not the first one. This re-tests the item
conditions of a rule that has already fired, in Python, on that one record. The test suite
checks that it agrees with the engine on every rule example.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from postcheck.engine.compiler import CompiledRule, fields_named, jurisdiction_condition
from postcheck.engine.facts import needs_authority, value_at
from postcheck.record.wording import term_forms
from postcheck.rules.conditions import (
    AllItems,
    AllOf,
    AnyItem,
    AnyOf,
    Condition,
    DateCompare,
    Equals,
    Matches,
    Missing,
    Not,
    NumberCompare,
    OneOf,
    Present,
    Says,
    Wording,
    shift_within_calendar,
)
from postcheck.rules.model import Rule, SetRule
from postcheck.rules.parameters import ParameterValue

_OPPOSITE = {
    "before": "on_or_after",
    "on_or_before": "after",
    "after": "on_or_before",
    "on_or_after": "before",
}
_DATE_BOUND = {
    "before": "latest",
    "on_or_before": "latest",
    "after": "earliest",
    "on_or_after": "earliest",
}


def matched_items(
    rule: Rule, fact: dict[str, Any], parameters: dict[str, ParameterValue], as_of: dt.date
) -> dict[str, int]:
    """List path -> index of the first item satisfying the rule's `any_item` test on that list.

    Only tests that count towards the violation are followed (not those under a `not`)."""
    found: dict[str, int] = {}
    _Locator(fact, parameters, as_of, found).visit(rule.when)
    return found


class _Locator:
    def __init__(
        self,
        fact: dict[str, Any],
        parameters: dict[str, ParameterValue],
        as_of: dt.date,
        found: dict[str, int],
    ) -> None:
        self.fact = fact
        self.parameters = parameters
        self.as_of = as_of
        self.found = found

    def visit(self, condition: Condition) -> None:
        if isinstance(condition, AllOf | AnyOf):
            for part in condition.all if isinstance(condition, AllOf) else condition.any:
                self.visit(part)
        elif isinstance(condition, AnyItem) and condition.any_item.field not in self.found:
            items = value_at(self.fact, condition.any_item.field)
            for index, item in enumerate(items if isinstance(items, list) else []):
                if self.holds(condition.any_item.where, item):
                    self.found[condition.any_item.field] = index
                    break

    def holds(self, condition: Condition, scope: Any, negated: bool = False) -> bool:
        """Python's reading of a condition (the documented meaning), with a `not` read as the
        compiler reads it: pushed down to the tests, so `not (A and B)` is `not A or not B`,
        `not any_item X` is "every item satisfies not X", and `not before` is `on or after`
        (which a partial date straddling the day passes no more than `before`, see _date)."""
        if isinstance(condition, AllOf | AnyOf):
            parts = condition.all if isinstance(condition, AllOf) else condition.any
            verdicts = (self.holds(c, scope, negated) for c in parts)
            return all(verdicts) if isinstance(condition, AllOf) != negated else any(verdicts)
        if isinstance(condition, Not):
            return self.holds(condition.not_, scope, not negated)
        if isinstance(condition, DateCompare):
            return self._date(condition, scope, negated)
        if isinstance(condition, AnyItem | AllItems):
            return self._items(condition, scope, negated)
        return self._test(condition, scope) != negated

    def _test(self, condition: Condition, scope: Any) -> bool:
        """A test whose negation is its plain opposite (an unknown value fails it)."""
        if isinstance(condition, Present | Missing):
            name = condition.present if isinstance(condition, Present) else condition.missing
            return (value_at(scope, name) is not None) == isinstance(condition, Present)
        if isinstance(condition, Equals):
            return bool(value_at(scope, condition.equals.field) == condition.equals.value)
        if isinstance(condition, OneOf):
            values = condition.one_of.values or self._param(condition.one_of.param)
            return value_at(scope, condition.one_of.field) in (values or [])
        if isinstance(condition, Matches):
            return self._matches(condition, scope)
        if isinstance(condition, Says):
            return _says(condition.says, scope)
        if isinstance(condition, NumberCompare):
            return self._number(condition, scope)
        return False

    def _items(self, condition: AnyItem | AllItems, scope: Any, negated: bool) -> bool:
        """An item test: an unknown or empty list satisfies neither `any_item` nor
        `all_items`, and so satisfies the negation of both."""
        test = condition.any_item if isinstance(condition, AnyItem) else condition.all_items
        items = value_at(scope, test.field)
        if not isinstance(items, list) or not items:
            return negated
        verdicts = (self.holds(test.where, item, negated) for item in items)
        return any(verdicts) if isinstance(condition, AnyItem) != negated else all(verdicts)

    def _matches(self, condition: Matches, scope: Any) -> bool:
        spec = condition.matches
        value = value_at(scope, spec.field)
        if not isinstance(value, str):
            return False
        patterns = [spec.pattern] if spec.pattern else spec.patterns or self._param(spec.param)
        # the engine's `.` matches a line break too (a value may span lines: "0\n0" matches
        # `.*` there), so the Python reading uses DOTALL to give the same verdict
        flags = re.DOTALL | (re.IGNORECASE if spec.ignore_case else 0)
        return any(re.fullmatch(p, value, flags) for p in patterns or [] if isinstance(p, str))

    def _number(self, condition: NumberCompare, scope: Any) -> bool:
        operand = condition.operand
        value = value_at(scope, operand.field)
        other = (
            value_at(self.fact, operand.other_field)
            if operand.other_field is not None
            else self._param(operand.param)
            if operand.param is not None
            else operand.value
        )
        if not _is_number(value) or not _is_number(other):
            return False
        return bool(
            {
                "less_than": value < other,
                "at_most": value <= other,
                "greater_than": value > other,
                "at_least": value >= other,
            }[condition.operator]
        )

    def _date(self, condition: DateCompare, scope: Any, negated: bool = False) -> bool:
        """As the compiler reads it: a negated test is the opposite test, unknown passes it."""
        operand = condition.operand
        operator = _OPPOSITE[condition.operator] if negated else condition.operator
        bound = _DATE_BOUND[operator]
        value = value_at(scope, f"{operand.field}.{bound}")
        if operand.other_field is not None:
            opposite = "earliest" if bound == "latest" else "latest"
            other = value_at(self.fact, f"{operand.other_field}.{opposite}")
        else:
            day = self.as_of if operand.as_of else operand.date
            period = operand.minus or operand.plus
            if day is not None and period is not None:
                text = period.period or self._param(period.param)
                day = shift_within_calendar(day, str(text), -1 if operand.minus is not None else 1)
            other = day.isoformat() if day else None
        if not isinstance(value, str) or not isinstance(other, str):
            return negated
        return {
            "before": value < other,
            "on_or_before": value <= other,
            "after": value > other,
            "on_or_after": value >= other,
        }[operator]

    def _param(self, name: str | None) -> Any:
        return self.parameters.get(name) if name else None


def holds(
    rule: Rule | SetRule,
    fact: dict[str, Any],
    parameters: dict[str, ParameterValue],
    as_of: dt.date,
) -> bool:
    """Python's reading of a whole rule on one record (for a cross-record rule, whether the
    record is one it counts): the reference the engine is held to. The rule's `jurisdictions`
    are read as the compiler reads them, as one more condition."""
    locator = _Locator(fact, parameters, as_of, {})
    jurisdiction = jurisdiction_condition(rule)
    if jurisdiction is not None and not locator.holds(jurisdiction, fact):
        return False
    return locator.holds(rule.condition, fact)


def waiting_on_authority(
    compiled: CompiledRule[Rule],
    fact: dict[str, Any],
    parameters: dict[str, ParameterValue],
    as_of: dt.date,
) -> str | None:
    """Why a rule that did not fire could not judge the record: everything it asks of the record
    itself holds, but the authority facts it also needs are unknown."""
    if not compiled.missing_authority_facts(fact):
        return None
    rule = compiled.rule
    conjuncts = rule.when.all if isinstance(rule.when, AllOf) else [rule.when]
    own = [c for c in conjuncts if not any(needs_authority(f) for f in fields_named(c))]
    locator = _Locator(fact, parameters, as_of, {})
    if all(locator.holds(c, fact) for c in own):
        return "needs from the authority file: " + ", ".join(compiled.needs_authority)
    return None


def _says(wording: Wording, clause: Any) -> bool:
    """A clause says it: a term of every group, none of the exceptions, an allowed polarity."""
    if not isinstance(clause, dict):
        return False
    said = set(clause.get("phrases") or ())
    if wording.polarity and clause.get("polarity") not in wording.polarity:
        return False
    if wording.modality and clause.get("modality") not in wording.modality:
        return False

    def uses(terms: list[str]) -> bool:
        return any(form in said for term in terms for form in term_forms(term))

    return all(uses(group) for group in wording.groups) and not uses(wording.none_of)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
