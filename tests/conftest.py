"""Shared test fixtures: the bundled catalogue, and judging records on the real engine."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from postcheck.check import RecordResult, SetResult, compile_for_run, run
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.evaluate import Evaluator
from postcheck.record.model import PostRecord
from postcheck.rules.authorities import Authority, AuthorityDirectory, load_authority
from postcheck.rules.catalogue import Catalogue, bundled_rules_dir, load_catalogue
from postcheck.rules.model import AnyRule
from postcheck.verify import ExampleJudge
from postcheck.violations import Violation

SEED_DAY = dt.date(2026, 11, 23)  # the day the issues judge the seeds at
REPO = Path(__file__).resolve().parents[1]
# Fictional councils with complete authority files, named by rule examples and clean fixtures.
TEST_AUTHORITIES = REPO / "tests" / "authorities"
SEEDS = REPO.parent / "shared" / "seeds"
MAYORS = SEEDS / "newham-mayors-assistant.txt"
INDEPENDENTS = SEEDS / "newham-independents-group-political-assistant.txt"
# by hand, from the seeds and the issues that judged them on SEED_DAY: each seed's findings and
# the line each is about
SEED_FINDINGS = {
    MAYORS.name: {
        "fixed-term-ended": 8,
        "mayors-assistant-restriction-citation": 77,
        "grade-code-typo": 7,
        "last-updated-stale": 7,
        "leftover-markup": 9,
    },
    INDEPENDENTS.name: {
        "s9-term-not-stated": 5,
        "repeated-item-number": 46,
        "leftover-markup": 69,
        "s9-restriction-paragraph": 78,
    },
}


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the repository's rules, for a test to change (a module may define its own)."""
    copy = tmp_path / "rules"
    shutil.copytree(REPO / "rules", copy)
    return copy


def edit_once(path: Path, old: str, new: str) -> None:
    """Replaces text that stands exactly once in the file, so a test's edit cannot miss."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


@cache
def bundled_catalogue() -> Catalogue:
    return load_catalogue(bundled_rules_dir())


@cache
def compiled_for(day: dt.date) -> CompiledCatalogue:
    return compile_for_run(bundled_catalogue(), day)


@cache
def evaluator_for(day: dt.date) -> Evaluator:
    """One engine ruleset per day for the whole session: each costs about a megabyte that the
    engine never gives back, and a few hundred of them exhaust it."""
    return Evaluator(compiled_for(day))


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
    evaluator = evaluator_for(day).with_authorities(directory)
    (result,) = run([post], compiled_for(day), evaluator=evaluator)
    assert isinstance(result, RecordResult)
    return result


def judge_set(
    records: Sequence[dict[str, Any] | PostRecord],
    day: dt.date = SEED_DAY,
    authority: Authority | None = None,
) -> list[Violation]:
    """Every violation the bundled rules find in a set of records judged together on `day`,
    per-post and cross-record, chosen authorities as for `judge`."""
    posts = [r if isinstance(r, PostRecord) else PostRecord.model_validate(r) for r in records]
    directory = authorities()
    if authority is not None:
        directory = AuthorityDirectory([], directory.default, forced=authority)
    evaluator = evaluator_for(day).with_authorities(directory)
    found = list(run(posts, compiled_for(day), evaluator=evaluator))
    return [v for f in found if isinstance(f, RecordResult | SetResult) for v in f.violations]


@cache
def example_judge() -> ExampleJudge:
    """How `postcheck verify` judges rule examples: the suite shares its implementation."""
    return ExampleJudge(bundled_catalogue(), authorities(), evaluator_for)


def fires_on_example(rule: AnyRule, example: Any, day: dt.date) -> bool:
    """Whether the rule finds its example (a record, or a set of records) in breach on `day`."""
    return example_judge().fires(rule, example, day)


def pytest_configure(config: pytest.Config) -> None:
    # where --cucumberjson (pyproject.toml) writes the scenarios' results: pytest-bdd does not
    # make the folder
    (Path(__file__).resolve().parents[1] / ".postcheck").mkdir(exist_ok=True)
    # Feature tags become markers; registering exactly the rule ids and areas makes
    # --strict-markers reject a scenario tagged with a rule that does not exist.
    catalogue = bundled_catalogue()
    for rule in catalogue.all_rules:
        config.addinivalue_line("markers", f"{rule.id}: scenarios for rule {rule.id}")
    for area in {r.area.value for r in catalogue.all_rules}:
        config.addinivalue_line("markers", f"{area}: scenarios for the {area} area")


@pytest.fixture
def judge_record() -> Callable[..., RecordResult]:
    return judge


def catalogue_patterns(catalogue: Catalogue, day: dt.date = SEED_DAY) -> list[tuple[str, bool]]:
    """Every (pattern, ignore_case) the catalogue's rules match with, parameters included."""

    def walk(node: object) -> list[tuple[str, bool]]:
        if isinstance(node, dict):
            written: list[object] = [node.get("pattern"), *(node.get("patterns") or [])]
            if "ignore_case" in node and isinstance(node.get("param"), str):
                written += list(catalogue.parameters.value_on(node["param"], day) or [])
            here = [(p, bool(node.get("ignore_case"))) for p in written if isinstance(p, str)]
            return here + [p for v in node.values() for p in walk(v)]
        if isinstance(node, list):
            return [p for v in node for p in walk(v)]
        return []

    return sorted({p for rule in catalogue.rules for p in walk(rule.model_dump(mode="json"))})
