"""The Gherkin scenarios of features/*.feature, and how they fared in the last test run.

Features are read with the official Gherkin parser (gherkin-official, the one pytest-bdd
itself uses), so the book sees exactly the scenarios the tests run. A scenario's tags (its
own, its `Rule:` block's and its feature's) name the rules it exercises.

The status comes from the cucumber JSON pytest-bdd writes (`pytest --cucumberjson=PATH`).
pytest-bdd reports each run of a scenario by its feature file and its name, an outline's name
filled in from each row of its examples, so a scenario is found there by the same file and
the names it would run under. The file carries no time of its own, so a status is dated by the
file's modification time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, cast

from gherkin.errors import CompositeParserException, ParserError, ParserException
from gherkin.parser import Parser
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from postcheck.book.files import BookError, read_text

PLACEHOLDER = re.compile(r"<(.+?)>")  # as pytest-bdd fills an outline's names and steps
DEFAULT_RESULTS = Path(".postcheck") / "scenario-results.json"


@dataclass(frozen=True)
class Step:
    keyword: str  # as written: Given, When, Then, And, But, *
    kind: str  # context, action, outcome, conjunction (gherkin's keywordType, lower case)
    text: str
    doc: str | None = None  # a doc string (a whole job description)
    table: tuple[tuple[str, ...], ...] = ()  # a data table, header row first


@dataclass(frozen=True)
class Examples:
    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Scenario:
    feature_file: str  # relative to the features folder, with / separators
    feature: str
    rule_block: str | None  # the `Rule:` it sits under
    name: str
    line: int
    tags: tuple[str, ...]  # without @, its own first, then its Rule's and its feature's
    steps: tuple[Step, ...]  # background steps first
    examples: tuple[Examples, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.feature_file}:{self.line}"

    @property
    def is_outline(self) -> bool:
        return bool(self.examples)

    def run_names(self) -> list[str]:
        """The names pytest-bdd runs it under: its own, or one per example row."""
        if not self.examples:
            return [self.name]
        names = []
        for table in self.examples:
            for row in table.rows:
                context = dict(zip(table.header, row, strict=False))
                names.append(fill(self.name, context))
        return names

    def rule_ids(self, known: Iterable[str]) -> list[str]:
        wanted = set(known)
        return [tag for tag in dict.fromkeys(self.tags) if tag in wanted]


def fill(text: str, context: dict[str, str]) -> str:
    """An outline's text with one example row's values, as pytest-bdd renders it: a name the
    row does not give stays as <name>."""
    return PLACEHOLDER.sub(lambda m: context.get(m.group(1), m.group(0)), text)


def bundled_features_dir() -> Path:
    """The features: inside the wheel (when it carries them: docs/rule-book.md), or the repo's
    features/ when run from a checkout."""
    packaged = Path(str(resources.files("postcheck"))) / "_bundled" / "features"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "features"


def load_scenarios(directory: Path) -> list[Scenario]:
    """Every scenario of every .feature file under `directory`, in file and line order."""
    if not directory.is_dir():
        raise BookError(directory, "no such features folder")
    found: list[Scenario] = []
    for path in sorted(directory.rglob("*.feature")):
        found += _feature_scenarios(path, path.relative_to(directory).as_posix())
    return found


def _feature_scenarios(path: Path, relative: str) -> list[Scenario]:
    text = read_text(path)
    try:
        document = cast(dict[str, Any], Parser().parse(text))
    except CompositeParserException as error:
        raise _gherkin_error(path, error.errors[0]) from None
    except ParserException as error:
        raise _gherkin_error(path, error) from None
    except ParserError as error:
        raise BookError(path, f"not valid Gherkin: {error}") from None
    feature = document.get("feature")
    if not feature:
        return []
    tags = _tags(feature)
    return list(_walk(feature["children"], relative, feature["name"], None, tags, ()))


def _gherkin_error(path: Path, error: ParserException) -> BookError:
    message = re.sub(r"^\(\d+:\d+\): ", "", str(error))
    return BookError(path, f"not valid Gherkin: {message}", int(error.location["line"]))


def _walk(
    children: list[dict[str, Any]],
    relative: str,
    feature: str,
    block: str | None,
    tags: tuple[str, ...],
    background: tuple[Step, ...],
) -> Iterable[Scenario]:
    for child in children:
        if "background" in child:
            background = background + tuple(_step(s) for s in child["background"]["steps"])
        elif "rule" in child:
            rule = child["rule"]
            yield from _walk(
                rule["children"], relative, feature, rule["name"], _tags(rule) + tags, background
            )
        elif "scenario" in child:
            yield _scenario(child["scenario"], relative, feature, block, tags, background)


def _scenario(
    data: dict[str, Any],
    relative: str,
    feature: str,
    block: str | None,
    tags: tuple[str, ...],
    background: tuple[Step, ...],
) -> Scenario:
    examples = tuple(
        Examples(
            name=e.get("name", ""),
            header=tuple(c["value"] for c in e["tableHeader"]["cells"]),
            rows=tuple(tuple(c["value"] for c in row["cells"]) for row in e.get("tableBody", [])),
        )
        for e in data.get("examples", [])
        if e.get("tableHeader")
    )
    return Scenario(
        feature_file=relative,
        feature=feature,
        rule_block=block,
        name=data["name"],
        line=int(data["location"]["line"]),
        tags=tuple(dict.fromkeys(_tags(data) + tags)),
        steps=background + tuple(_step(s) for s in data["steps"]),
        examples=examples,
    )


def _tags(node: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(t["name"]).removeprefix("@") for t in node.get("tags", []))


def _step(data: dict[str, Any]) -> Step:
    table = data.get("dataTable")
    return Step(
        keyword=str(data["keyword"]).strip(),
        kind=str(data.get("keywordType", "unknown")).lower(),
        text=str(data["text"]),
        doc=data["docString"]["content"] if "docString" in data else None,
        table=tuple(tuple(c["value"] for c in row["cells"]) for row in table["rows"])
        if table
        else (),
    )


# ---- results -------------------------------------------------------------------------------


class RunStatus(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_RUN = "not run"


class _Lenient(BaseModel):
    """Cucumber JSON carries much the book does not need; only the shape it reads is checked."""

    model_config = ConfigDict(extra="ignore")


class _StepResult(_Lenient):
    status: str = "undefined"


class _CucumberStep(_Lenient):
    keyword: str = ""
    name: str = ""
    result: _StepResult = Field(default_factory=_StepResult)


class _Element(_Lenient):
    name: str
    line: int | None = None
    type: str = "scenario"
    steps: list[_CucumberStep] = Field(default_factory=list)


class _Feature(_Lenient):
    uri: str
    elements: list[_Element] = Field(default_factory=list)


class _CucumberReport(_Lenient):
    features: list[_Feature]


@dataclass(frozen=True)
class Run:
    """One run of a scenario (one example row of an outline) in the results file."""

    uri: str
    name: str
    line: int | None
    status: RunStatus
    failed_step: str | None = None


@dataclass
class Results:
    """The last test run's results, or why there are none."""

    path: Path | None
    when: dt.datetime | None
    runs: list[Run] = field(default_factory=list)
    missing: str | None = None  # why no results were read, for the book to say

    def for_scenario(self, scenario: Scenario) -> list[Run]:
        names = set(scenario.run_names())
        return [
            r for r in self.runs if r.name in names and _same_file(r.uri, scenario.feature_file)
        ]


def _same_file(uri: str, relative: str) -> bool:
    """pytest-bdd names the file relative to the features folder's parent
    ("features/grading.feature"); other runners may give it whole or relative to the root."""
    uri = uri.replace("\\", "/").removeprefix("file:")
    return uri == relative or uri.endswith("/" + relative)


def read_results(path: Path) -> Results:
    """The runs in a cucumber JSON file, dated by the file's modification time. A missing
    file is no error (the tests may not have been run yet): every scenario is "not run"."""
    if not path.exists():
        return Results(path, None, missing=f"no results file at {path}")
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BookError(path, f"not JSON: {error.msg}", error.lineno) from None
    except RecursionError:  # a report is a few levels deep; thousands are no report
        raise BookError(path, "not a cucumber JSON report: nested too deeply") from None
    try:
        report = _CucumberReport.model_validate({"features": data})
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"][1:])
        raise BookError(
            path, f"not a cucumber JSON report: {where or 'the top level'}: {first['msg']}"
        ) from None
    when = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    runs = [
        _run(feature.uri, element)
        for feature in report.features
        for element in feature.elements
        if element.type != "background"
    ]
    return Results(path, when, runs)


def _run(uri: str, element: _Element) -> Run:
    statuses = [s.result.status for s in element.steps]
    failed = next((s for s in element.steps if s.result.status == "failed"), None)
    if failed is not None:
        status = RunStatus.FAIL
    elif statuses and all(s == "passed" for s in statuses):
        status = RunStatus.PASS
    else:  # skipped, pending, undefined, or no steps: the scenario did not run to its end
        status = RunStatus.NOT_RUN
    step = f"{failed.keyword.strip()} {failed.name}".strip() if failed else None
    return Run(uri, element.name, element.line, status, step)


@dataclass(frozen=True)
class ScenarioStatus:
    """How a scenario fared: pass only when every run of it (each example row) passed."""

    status: RunStatus
    ran: int  # runs found in the results
    expected: int  # runs it has (1, or an outline's rows)
    failed: int
    failed_step: str | None
    when: dt.datetime | None

    @property
    def summary(self) -> str:
        """ "pass", "fail (1 of 5 examples)", "pass (3 of 5 examples run)", "not run"."""
        if self.status is RunStatus.NOT_RUN or self.expected <= 1:
            return self.status.value
        if self.status is RunStatus.FAIL:
            return f"fail ({self.failed} of {self.expected} examples)"
        if self.ran < self.expected:
            return f"pass ({self.ran} of {self.expected} examples run)"
        return f"pass ({self.expected} examples)"


def status_of(scenario: Scenario, results: Results) -> ScenarioStatus:
    runs = results.for_scenario(scenario)
    if len({r.line for r in runs if r.line is not None}) > 1:  # two scenarios share a name
        runs = [r for r in runs if r.line in (None, scenario.line)]
    counted = [r for r in runs if r.status is not RunStatus.NOT_RUN]
    failed = [r for r in counted if r.status is RunStatus.FAIL]
    expected = len(scenario.run_names())
    if failed:
        status = RunStatus.FAIL
    elif counted:
        status = RunStatus.PASS
    else:
        status = RunStatus.NOT_RUN
    return ScenarioStatus(
        status=status,
        ran=min(len(counted), expected),
        expected=expected,
        failed=len(failed),
        failed_step=failed[0].failed_step if failed else None,
        when=results.when if counted else None,
    )


def unmatched_runs(results: Results, scenarios: list[Scenario]) -> list[Run]:
    """Runs in the results that no scenario of the features accounts for: a scenario renamed
    or removed since the run, so its status in the book would be stale."""
    known = {(s.feature_file, n) for s in scenarios for n in s.run_names()}
    return [
        r
        for r in results.runs
        if not any(name == r.name and _same_file(r.uri, file) for file, name in known)
    ]
