"""The rule catalogue: every rule file under a folder, validated, with its parameters.

Layout: `<dir>/<area>/<rule-id>.yaml` and `<dir>/parameters.yaml`. A broken rule file stops the
run with its path, line and reason: a silently skipped rule is a missed breach.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from postcheck.file_error import FileError
from postcheck.rules.authorities import AUTHORITIES_DIR
from postcheck.rules.data import DataFileError, read_documents
from postcheck.rules.model import AnyRule, Area, Rule, SetRule
from postcheck.rules.parameters import Parameters
from postcheck.rules.selection import (
    PROFILES_FILE,
    Profile,
    SelectionError,
    check_profiles,
    load_profiles,
)
from postcheck.yamlfile import YamlDocument

PARAMETERS_FILE = "parameters.yaml"
SIGNOFF_FILE = "signoff.yaml"  # the rule book's reviews (book/signoff.py)


class RuleFileError(FileError):
    """A rule or parameter file that cannot be used, located to the line."""


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
    for path in _rule_files(directory):
        document = _single_document(path)
        kind: type[Rule] | type[SetRule] = (
            SetRule if path.parent.name == Area.CROSS_RECORD.value else Rule
        )
        try:
            rule = kind.model_validate(document.data)
        except ValidationError as error:
            raise _located(path, document, error) from None
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
        raise RuleFileError(directory / PROFILES_FILE, error.reason, error.line) from None
    return Catalogue(rules, parameters, directory, sources, set_rules, profiles)


def _rule_files(directory: Path) -> list[Path]:
    """The rule files, area by area. Only the area folders are looked into: a symlink among
    the folders leading back up (a loop) or elsewhere is never walked."""
    areas = sorted(a.value for a in Area)
    return sorted(p for area in areas for p in (directory / area).glob("*.yaml"))


def _stray_files(directory: Path) -> list[Path]:
    """YAML files the loader would otherwise pass over: a misspelt area folder or a .yml rule
    would silently drop rules, and a dropped rule is a missed breach. Symlinked folders are
    not walked (a loop would never end), but one that is no area and holds YAML is named."""
    areas = {a.value for a in Area}
    stray = []
    for path in sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml")):
        parts = path.relative_to(directory).parts
        if parts in ((PARAMETERS_FILE,), (PROFILES_FILE,), (SIGNOFF_FILE,)) or any(
            p.startswith(".") for p in parts
        ):
            continue
        placed = len(parts) == 2 and path.suffix == ".yaml"
        if not placed or parts[0] not in areas | {AUTHORITIES_DIR}:
            stray.append(path)
    for folder in sorted(directory.iterdir()):
        named = folder.name in areas | {AUTHORITIES_DIR} or folder.name.startswith(".")
        if folder.is_symlink() and folder.is_dir() and not named:
            stray += sorted(folder.glob("*.y*ml"))[:1]
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
            path, f"{'.'.join(map(str, loc))}: {_plain_message(first)}", document.line_of(loc)
        ) from None


def _single_document(path: Path) -> YamlDocument:
    try:
        documents = read_documents(path)
    except DataFileError as problem:
        raise RuleFileError(path, problem.reason, problem.line) from None
    if len(documents) != 1:
        raise RuleFileError(path, f"expected one YAML document, found {len(documents)}")
    if not isinstance(documents[0].data, dict):
        found = type(documents[0].data).__name__.replace("NoneType", "nothing")
        raise RuleFileError(
            path, f"expected a YAML mapping of fields, found {found}", documents[0].line
        )
    return documents[0]


def _located(path: Path, document: YamlDocument, error: ValidationError) -> RuleFileError:
    first = error.errors(include_url=False)[0]
    location = ".".join(str(p) for p in first["loc"])
    message = _plain_message(first)
    return RuleFileError(
        path, f"{location}: {message}" if location else message, document.line_of(first["loc"])
    )


def _plain_message(error: ErrorDetails) -> str:
    """Pydantic's message without its 'Value error, ' prefix, which says nothing to an author."""
    return str(error["msg"]).removeprefix("Value error, ")


def _parameter_names(data: object) -> list[str]:
    """Every `param:` named anywhere in a rule file; each shared value (a YAML alias) looked
    at once, without recursion."""
    found: list[str] = []
    seen: set[int] = set()
    stack = [data]
    while stack:
        value = stack.pop()
        if not isinstance(value, dict | list) or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            found += [v for k, v in value.items() if k == "param" and isinstance(v, str)]
            stack.extend(reversed(list(value.values())))
        else:
            stack.extend(reversed(value))
    return found
