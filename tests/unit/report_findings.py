"""Real findings for the report-format tests: the seeds and the sample establishment, judged on
the bundled rules by the real engine, with sources named relative to the repository (as a CI
job run from the repository's root names them)."""

from __future__ import annotations

import contextlib
import dataclasses
from functools import cache
from typing import Any

from postcheck.check import Finding, RecordResult, SetResult, run
from postcheck.record.columns import TableOptions, load_column_map
from postcheck.record.sources import iter_outcomes
from postcheck.report.base import RunInfo
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import bundled_rules_dir
from postcheck.violations import Violation
from tests.conftest import REPO, SEED_DAY, compiled_for, evaluator_for

SAMPLE = REPO / "examples" / "establishment"
EXPORT = "examples/establishment/establishment.csv"


def run_info() -> RunInfo:
    """What a run on the seed day tells its reports, every rule in force listed."""
    compiled = compiled_for(SEED_DAY)
    rules = [c.rule for c in compiled.rules.values()] + [c.rule for c in compiled.sets.values()]
    return RunInfo("0.1.0", SEED_DAY, "rules", "warning", rules=tuple(rules))


@cache
def findings(*paths: str, establishment: bool = False) -> tuple[Finding, ...]:
    """Findings of the real engine for paths relative to the repository; `establishment`
    reads CSV exports with the sample's column map and its councils' authority files."""
    extra = (SAMPLE / "authorities",) if establishment else ()
    directory = AuthorityDirectory.load(bundled_rules_dir(), None, extra)
    tables = TableOptions(load_column_map(SAMPLE / "columns.yaml")) if establishment else None
    evaluator = evaluator_for(SEED_DAY).with_authorities(directory)
    with contextlib.chdir(REPO):
        outcomes = iter_outcomes(paths, "auto", tables)
        return tuple(run(outcomes, compiled_for(SEED_DAY), evaluator=evaluator))


def seed_findings() -> tuple[Finding, ...]:
    return findings("fixtures/seeds", "../shared/seeds")


def establishment_findings() -> tuple[Finding, ...]:
    return findings(EXPORT, establishment=True)


def changed_findings(findings: tuple[Finding, ...], rule_id: str, **changes: Any) -> list[Finding]:
    """The findings with one rule's violations changed (suppressed, say) in every record."""

    def changed(v: Violation) -> Violation:
        return dataclasses.replace(v, **changes) if v.rule_id == rule_id else v

    out: list[Finding] = []
    for f in findings:
        if isinstance(f, RecordResult | SetResult):
            out.append(dataclasses.replace(f, violations=[changed(v) for v in f.violations]))
        else:
            out.append(f)
    return out
