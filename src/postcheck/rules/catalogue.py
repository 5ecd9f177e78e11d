"""The rule catalogue: every rule file under a folder, validated, with its parameters.

Layout: `<dir>/<area>/<rule-id>.yaml` and `<dir>/parameters.yaml`. A broken rule file stops the
run with its path, line and reason: a silently skipped rule is a missed breach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from pydantic import ValidationError

from postcheck.rules.authorities import AUTHORITIES_DIR
from postcheck.rules.model import AnyRule, Area, Rule, SetRule
from postcheck.rules.parameters import Parameters
from postcheck.rules.selection import (
    PROFILES_FILE,
    Profile,
    SelectionError,
    check_profiles,
    load_profiles,
)
from postcheck.yamlfile import YamlDocument, load_documents, mark_line

PARAMETERS_FILE = "parameters.yaml"


class RuleFileError(ValueError):
    """A rule or parameter file that cannot be used, located to the line."""

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass
class Catalogue:
    """Per-post rules in `rules`; rules about sets of posts (rules/cross-record/) in `set_rules`."""

    rules: list[Rule]
    parameters: Parameters
    directory: Path
    _sources: dict[str, tuple[Path, YamlDocument]] = field(default_factory=dict, repr=False)
    set_rules: list[SetRule] = field(default_factory=list)
    profiles: dict[str, Profile] = field(default_factory=dict)  # from profiles.yaml

    @property
    def all_rules(self) -> list[AnyRule]:
        return [*self.rules, *self.set_rules]

    def get(self, rule_id: str) -> AnyRule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)

    def path_of(self, rule_id: str) -> Path:
        return self._sources[rule_id][0]

    def error_at(self, rule_id: str, where: tuple[str | int, ...], reason: str) -> RuleFileError:
        path, document = self._sources[rule_id]
        return RuleFileError(path, reason, document.line_of(where))


def bundled_rules_dir() -> Path:
    """The bundled rules: inside the wheel, or the repo's rules/ when run from a checkout."""
    packaged = Path(str(resources.files("postcheck"))) / "_bundled" / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def load_catalogue(directory: Path) -> Catalogue:
    if not directory.is_dir():
        raise RuleFileError(directory, "no such rules directory")
    parameters = _load_parameters(directory / PARAMETERS_FILE)
    rules: list[Rule] = []
    set_rules: list[SetRule] = []
    sources: dict[str, tuple[Path, YamlDocument]] = {}
    for path in _stray_files(directory):
        raise RuleFileError(
            path,
            "not a place for a rule file: rules live in <area>/<rule-id>.yaml, where area is "
            f"one of {', '.join(a.value for a in Area)}",
        )
    for path in sorted(directory.glob("*/*.yaml")):
        if path.parent.name == AUTHORITIES_DIR:
            continue
        document = _single_document(path)
        kind: type[Rule] | type[SetRule] = (
            SetRule if path.parent.name == Area.CROSS_RECORD.value else Rule
        )
        try:
            rule = kind.model_validate(document.data)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            location = ".".join(str(p) for p in first["loc"])
            raise RuleFileError(
                path,
                f"{location}: {first['msg']}" if location else first["msg"],
                document.line_of(first["loc"]),
            ) from None
        if rule.id != path.stem:
            raise RuleFileError(
                path, f"id {rule.id!r} differs from the file name", document.line_of(["id"])
            )
        if rule.area.value != path.parent.name:
            raise RuleFileError(
                path,
                f"area {rule.area.value!r} but the file is under {path.parent.name}/",
                document.line_of(["area"]),
            )
        if rule.id in sources:
            raise RuleFileError(
                path, f"duplicate rule id {rule.id!r}, also in {sources[rule.id][0]}"
            )
        for name in _parameter_names(document.data):
            if name not in parameters:
                raise RuleFileError(path, f"unknown parameter {name!r}", document.line)
        if isinstance(rule, SetRule):
            set_rules.append(rule)
        else:
            rules.append(rule)
        sources[rule.id] = (path, document)
    if not rules and not set_rules:
        raise RuleFileError(directory, "no rule files found (expected <area>/<rule-id>.yaml)")
    try:
        profiles = load_profiles(directory)
        check_profiles(profiles, [*rules, *set_rules])
    except SelectionError as error:
        raise RuleFileError(directory / PROFILES_FILE, str(error)) from None
    return Catalogue(rules, parameters, directory, sources, set_rules, profiles)


def _stray_files(directory: Path) -> list[Path]:
    """YAML files the loader would otherwise pass over: a misspelt area folder or a .yml rule
    would silently drop rules, and a dropped rule is a missed breach."""
    areas = {a.value for a in Area}
    stray = []
    for path in sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml")):
        parts = path.relative_to(directory).parts
        if parts in ((PARAMETERS_FILE,), (PROFILES_FILE,)) or any(p.startswith(".") for p in parts):
            continue
        placed = len(parts) == 2 and path.suffix == ".yaml"
        if not placed or parts[0] not in areas | {AUTHORITIES_DIR}:
            stray.append(path)
    return stray


def _load_parameters(path: Path) -> Parameters:
    if not path.exists():
        return Parameters.from_mapping({})
    document = _single_document(path)
    try:
        return Parameters.from_mapping(document.data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = [p for p in first["loc"] if p != "parameters"]
        raise RuleFileError(
            path, f"{'.'.join(map(str, loc))}: {first['msg']}", document.line_of(loc)
        ) from None


def _single_document(path: Path) -> YamlDocument:
    try:
        documents = list(load_documents(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as error:
        raise RuleFileError(
            path, f"not valid YAML: {getattr(error, 'problem', error)}", mark_line(error)
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(path, f"cannot read: {error}") from None
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise RuleFileError(path, "expected exactly one YAML mapping")
    return documents[0]


def _parameter_names(data: object) -> list[str]:
    """Every `param:` named anywhere in a rule file."""
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k == "param" and isinstance(v, str)]
        return found + [n for v in data.values() for n in _parameter_names(v)]
    if isinstance(data, list):
        return [n for v in data for n in _parameter_names(v)]
    return []
