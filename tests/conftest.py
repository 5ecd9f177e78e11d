"""Shared test fixtures: the bundled catalogue, and judging records on the real engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from postcheck.check import RecordResult, compile_for_run, run
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.record.model import PostRecord
from postcheck.rules.authorities import Authority, AuthorityDirectory, load_authority
from postcheck.rules.catalogue import Catalogue, bundled_rules_dir, load_catalogue

SEED_DAY = dt.date(2026, 11, 23)  # the day the issues judge the seeds at
REPO = Path(__file__).resolve().parents[1]
# Fictional councils with complete authority files, named by rule examples and clean fixtures.
TEST_AUTHORITIES = REPO / "tests" / "authorities"


@cache
def bundled_catalogue() -> Catalogue:
    return load_catalogue(bundled_rules_dir())


@cache
def compiled_for(day: dt.date) -> CompiledCatalogue:
    return compile_for_run(bundled_catalogue(), day)


@cache
def authorities() -> AuthorityDirectory:
    """The bundled authorities plus the fictional test councils, chosen by the record's name."""
    default = AuthorityDirectory.load(bundled_rules_dir()).default
    files = [
        *sorted((bundled_rules_dir() / "authorities").glob("*.yaml")),
        *sorted(TEST_AUTHORITIES.glob("*.yaml")),
    ]
    loaded = [load_authority(p) for p in files]
    return AuthorityDirectory([a for a in loaded if a.name != default.name], default)


def judge(
    record: dict[str, Any] | PostRecord,
    day: dt.date = SEED_DAY,
    authority: Authority | None = None,
) -> RecordResult:
    """The violations the bundled rules find in one record on `day`: the authority is the one
    given, else the one the record names (bundled or fictional test council), else the default."""
    post = record if isinstance(record, PostRecord) else PostRecord.model_validate(record)
    directory = authorities()
    if authority is not None:
        directory = AuthorityDirectory([], directory.default, forced=authority)
    (result,) = run([post], compiled_for(day), directory)
    assert isinstance(result, RecordResult)
    return result


def pytest_configure(config: pytest.Config) -> None:
    # Feature tags become markers; registering exactly the rule ids and areas makes
    # --strict-markers reject a scenario tagged with a rule that does not exist.
    catalogue = bundled_catalogue()
    for rule in catalogue.rules:
        config.addinivalue_line("markers", f"{rule.id}: scenarios for rule {rule.id}")
    for area in {r.area.value for r in catalogue.rules}:
        config.addinivalue_line("markers", f"{area}: scenarios for the {area} area")


@pytest.fixture
def judge_record() -> Callable[..., RecordResult]:
    return judge
