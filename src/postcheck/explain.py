"""`postcheck explain RULE`: one rule as its users read it, with its values for a given day.

A rule's prose may name dated parameters (`{param.s9_relevant_amount}`) and the day judged
(`{as_of}`). They are filled in here with the values in force on the `--as-of` day, as a
report on that day would show them, and the values are listed with their sources. Placeholders
that name the job description's own words (`{appointment.end_date.as_written}`) have no value
until a record is judged: they stay as written, and a note says so.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path
from typing import Any

import yaml

from postcheck.check import compile_for_run
from postcheck.rules.catalogue import Catalogue
from postcheck.rules.model import AnyRule, SetRule
from postcheck.rules.parameters import Parameters
from postcheck.violations import PLACEHOLDER, RunContext, message_context, render

# A placeholder with the pound sign written before it, so an unknown amount reads as words.
_FILLED = re.compile(r"(£?)" + PLACEHOLDER.pattern)
_WIDTH = 96


def render_explanation(rule: AnyRule, catalogue: Catalogue, day: dt.date) -> str:
    """The rule in full, its parameters rendered for `day`."""
    compiled = compile_for_run(catalogue, day, select=[rule.id])
    context = message_context(compiled)
    used = parameters_used(rule)
    fill = _Filler(context, catalogue.parameters)
    effective = rule.effective
    silent = compiled.not_applicable.get(rule.id)
    lines = [
        f"{rule.id}: {rule.title}",
        f"  area: {rule.area.value}   severity: {rule.severity.value}   "
        f"certainty: {rule.certainty.value}",
        f"  in force: {_in_force(effective.from_, effective.to)}",
        f"  on {day.isoformat()}: {f'silent ({silent})' if silent else 'applies'}",
        "",
        "Law:",
        *[f"  {c.text}\n    {c.url}" for c in rule.citations],
        "",
        "Why:",
        *_wrap(fill(rule.rationale)),
        "",
        "Reports:",
        *_wrap(fill(rule.message)),
        "",
        "Fix:",
        *_wrap(fill(rule.remediation)),
        "",
    ]
    if isinstance(rule, SetRule):
        lines += ["Judges sets:", *_wrap(_set_scope(rule)), ""]
    if used:
        values = _values(used, catalogue.parameters, context)
        lines += [f"Values on {day.isoformat()}:", *values, ""]
    if fill.left_for_record:
        names = ", ".join("{" + n + "}" for n in sorted(fill.left_for_record))
        lines += [*_wrap(f"({names}: filled from the job description when a finding is made)"), ""]
    examples = rule.examples
    fail: list[dict[str, Any]]
    passing: list[dict[str, Any]]
    if isinstance(rule, SetRule):
        fail = [e.model_dump(exclude_none=True) for e in rule.examples.fail]
        passing = [e.model_dump(exclude_none=True) for e in rule.examples.pass_]
    else:
        fail, passing = rule.examples.fail, rule.examples.pass_
    lines += [*_examples("Fails", fail), *_examples("Passes", passing)]
    if examples.as_of:
        lines += [f"(examples judged as of {examples.as_of.isoformat()})"]
    if "authority" in yaml.safe_dump([fail, passing]):
        lines += [
            "(a council named in an example is judged with that council's authority file; "
            "fictional test councils are in tests/authorities/)"
        ]
    return "\n".join(lines)


def _set_scope(rule: SetRule) -> str:
    """What a cross-record rule counts, in words."""
    tests = []
    for test in rule.having:
        bound = test.count or test.distinct
        assert bound is not None
        amount = f"at least {bound.at_least}" if bound.at_least else f"more than {bound.more_than}"
        tests.append(
            f"{amount} posts (one post number is one post)"
            if test.count
            else f"{amount} different values of {test.distinct.field if test.distinct else ''}"
        )
    return (
        f"Records its `members` condition holds for are grouped by {', '.join(rule.group_by)}; "
        f"a group breaks the rule when it has {' and '.join(tests)}. One finding per group "
        "names every record in it."
    )


def parameters_used(rule: AnyRule) -> list[str]:
    """The parameters a rule tests (`param: NAME`) or names in its prose, in first-use order."""
    named: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("param"), str):
                named.append(node["param"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(rule.model_dump(mode="json", by_alias=True)[rule.condition_key])
    for text in (rule.rationale, rule.message, rule.remediation):
        named += [
            p.removeprefix("param.") for p in PLACEHOLDER.findall(text) if p.startswith("param.")
        ]
    return list(dict.fromkeys(named))


class _Filler:
    """Fills `{as_of}` and `{param.X}` for the day; keeps, and remembers, every other name."""

    def __init__(self, context: RunContext, parameters: Parameters) -> None:
        self.context = context
        self.parameters = parameters
        self.left_for_record: set[str] = set()

    def __call__(self, template: str) -> str:
        return _FILLED.sub(self._one, template)

    def _one(self, match: re.Match[str]) -> str:
        pound, name = match[1], match[2]
        day = self.context.as_of.isoformat()
        if name == "as_of":
            return pound + day
        parameter = name.removeprefix("param.")
        if name.startswith("param.") and parameter in self.parameters:
            if self.context.parameters.get(parameter) is None:
                return "[amount not known]" if pound else "[value not known]"
            return pound + render("{" + name + "}", {}, self.context.placeholders)
        self.left_for_record.add(name)
        return match[0]


def _values(names: list[str], parameters: Parameters, context: RunContext) -> list[str]:
    day = context.as_of
    lines = []
    for name in names:
        parameter = parameters.parameters.get(name)
        if parameter is None:
            lines.append(f"  {name}: no such parameter in this catalogue")
            continue
        entry = parameter.entry_on(day)
        if entry is None:
            lines.append(f"  {name}: no value before {parameter.values[0].from_.isoformat()}")
            continue
        shown = (
            "not known"
            if entry.value is None
            else render("{param." + name + "}", {}, context.placeholders)
        )
        numeric = isinstance(entry.value, int | float) and not isinstance(entry.value, bool)
        unit = f" ({parameter.unit})" if parameter.unit and numeric else ""
        lines += _wrap(
            f"{name}: {shown}{unit}, from {entry.from_.isoformat()}; source: {entry.source}"
        )
        if entry.url:
            lines.append(f"    {entry.url}")
    return lines


def _in_force(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return "whenever it is checked (no dates set)"
    return f"from {start or 'the start'} to {end or 'today'}"


def _examples(verdict: str, records: list[dict[str, Any]]) -> list[str]:
    lines = []
    for number, record in enumerate(records, start=1):
        lines += [f"{verdict}, example {number} of {len(records)}:", *_indent_yaml(record), ""]
    return lines


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, width=_WIDTH, initial_indent="  ", subsequent_indent="  ")


def _indent_yaml(data: dict[str, Any]) -> list[str]:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=92)
    return ["  " + line for line in text.rstrip().splitlines()]


def render_scenarios(rule_id: str, results_file: Path | None = None) -> str:
    """The bundled Gherkin scenarios that exercise the rule, each with its last test run's
    status (pass / fail / not run), as the rule book shows them (docs/rule-book.md)."""
    from postcheck.book.scenarios import (
        DEFAULT_RESULTS,
        bundled_features_dir,
        load_scenarios,
        read_results,
        status_of,
    )

    directory = bundled_features_dir()
    scenarios = (
        [s for s in load_scenarios(directory) if rule_id in s.tags] if directory.is_dir() else []
    )
    if not scenarios:
        return "Scenarios: none."
    results = read_results(results_file or DEFAULT_RESULTS)
    when = (
        f"last run {results.when:%Y-%m-%d %H:%M} UTC"
        if results.when
        else f"not run ({results.missing})"
    )
    lines = [f"Scenarios ({len(scenarios)}; {when}):"]
    for scenario in scenarios:
        status = status_of(scenario, results)
        lines.append(
            f"  [{status.summary}] {scenario.name} ({scenario.feature_file}:{scenario.line})"
        )
    return "\n".join(lines)
