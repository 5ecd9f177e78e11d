"""Configuration kept in the repository: `[tool.postcheck]` in pyproject.toml, or postcheck.toml.

A pipeline's settings belong beside the documents they gate, reviewed like code. The file is
found upward from the working directory (the first postcheck.toml, or pyproject.toml with a
`[tool.postcheck]` table); `--config FILE` names one, `--no-config` ignores them. Paths in it
are relative to the file's folder. Command-line options override it; `postcheck config` shows
the effective value of every setting and where it came from. An unknown key, or a value of the
wrong type, is an error naming the file and line: a misspelt `ignroe` must not pass silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from postcheck.file_error import FileError
from postcheck.limits import Limits
from postcheck.rules.model import Severity

CONFIG_FILE = "postcheck.toml"
PYPROJECT = "pyproject.toml"
FailOn = Literal["error", "warning", "info", "never"]


class Settings(BaseModel):
    """Every setting a configuration file may hold; each has a command-line option too."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules: Path | None = Field(default=None, description="Folder of rule files.")
    authorities: list[Path] = Field(
        default_factory=list, description="Folders of authority files added to the bundled ones."
    )
    authority: Path | None = Field(default=None, description="One authority file for all.")
    columns: Path | None = Field(default=None, description="Column map for CSV/XLSX exports.")
    strict_columns: bool = Field(default=False, description="Unknown columns are errors.")
    sheet: str | None = Field(default=None, description="XLSX sheet to read.")
    profile: str | None = Field(default=None, description="Named rule selection (profiles.yaml).")
    select: list[str] = Field(
        default_factory=list,
        description="Rules to run: ids, areas, severities, certainties, globs.",
    )
    ignore: list[str] = Field(default_factory=list, description="Rules to skip, same forms.")
    fail_on: FailOn = Field(default="error", description="Lowest severity that fails the run.")
    as_of: dt.date | None = Field(default=None, description="Judge as the law stood on this day.")
    include: list[str] = Field(
        default_factory=list, description="Globs of files to check inside folders given."
    )
    exclude: list[str] = Field(default_factory=list, description="Globs of files to skip.")
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Values overriding the rule parameters for the run."
    )
    baseline: Path | None = Field(default=None, description="Baseline file of known findings.")
    waivers: Path | None = Field(default=None, description="Reviewed waiver file.")
    waiver_severity: Severity = Field(
        default=Severity.ERROR,
        description="Severity of a finding about a waiver that is expired, unknown or incomplete.",
    )
    unknown_post_severity: Severity = Field(
        default=Severity.WARNING,
        description="Severity of a finding about a waiver naming a post no record in the run "
        "is (a run over changed files only does not see every post).",
    )
    not_waivable: list[str] = Field(
        default_factory=list,
        description="Rules no waiver may suppress: ids, areas, severities, certainties, globs.",
    )
    limits: Limits = Field(
        default_factory=Limits,
        description="Bounds on what one input may cost: `[tool.postcheck.limits]` "
        "(docs/limits.md).",
    )


PATH_SETTINGS = ("rules", "authority", "columns", "baseline", "waivers")
PATH_LIST_SETTINGS = ("authorities",)


class ConfigError(FileError):
    """A configuration file that cannot be used, located to the line."""


@dataclass
class Config:
    """The effective settings, and where each came from: a file:line, 'command line' or
    'default'."""

    settings: Settings = field(default_factory=Settings)
    origins: dict[str, str] = field(default_factory=dict)
    file: Path | None = None

    def origin(self, name: str) -> str:
        return self.origins.get(name, "default")

    def with_options(self, options: dict[str, Any]) -> Config:
        """The configuration with command-line options laid over it (None means not given;
        an empty tuple for a repeatable option means not given either)."""
        given = {k: v for k, v in options.items() if v is not None and v != () and v != []}
        if not given:
            return self
        values = self.settings.model_dump() | {
            k: list(v) if isinstance(v, tuple) else v for k, v in given.items()
        }
        origins = self.origins | dict.fromkeys(given, "command line")
        return Config(Settings.model_validate(values), origins, self.file)

    def without(self, *names: str) -> Config:
        """The configuration with some settings back at their defaults (a baseline is made
        from every finding, whatever the baseline and waivers in the file say)."""
        values = self.settings.model_dump()
        for name in names:
            values[name] = Settings.model_fields[name].get_default(call_default_factory=True)
        origins = {k: v for k, v in self.origins.items() if k not in names}
        return Config(Settings.model_validate(values), origins, self.file)


def find_config(start: Path) -> Path | None:
    """The nearest postcheck.toml, or pyproject.toml with a [tool.postcheck] table, upward."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def load_config(path: Path | None) -> Config:
    """The settings a file gives (none: the defaults), validated, paths made absolute."""
    if path is None:
        return Config()
    import tomllib  # not with --no-config

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise ConfigError(
            path, f"not valid TOML: {error}", int(line[1]) if line else None
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, f"cannot read: {error}") from None
    table = ("tool", "postcheck") if path.name == PYPROJECT else ()
    for key in table:
        data = data.get(key, {})
        if not isinstance(data, dict):
            raise ConfigError(path, "[tool.postcheck] must be a table")
    lines = _key_lines(text, ".".join(table))
    try:
        settings = Settings.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        where = ".".join(str(p) for p in first["loc"])
        reason = "unknown setting" if first["type"] == "extra_forbidden" else first["msg"]
        hint = (
            _did_you_mean(key, Settings.model_fields) if first["type"] == "extra_forbidden" else ""
        )
        raise ConfigError(path, f"{where}: {reason}{hint}", lines.get(key)) from None
    base = path.parent
    resolved = settings.model_copy(
        update={name: _absolute(base, getattr(settings, name)) for name in PATH_SETTINGS}
        | {
            name: [_absolute(base, p) for p in getattr(settings, name)]
            for name in PATH_LIST_SETTINGS
        }
    )
    origins = {key: f"{path}:{lines[key]}" if key in lines else str(path) for key in data}
    for name in settings.parameters:
        at = lines.get(f"parameters.{name}")
        origins[f"parameters.{name}"] = f"{path}:{at}" if at else str(path)
    return Config(resolved, origins, path)


def _absolute(base: Path, value: Path | None) -> Path | None:
    return value if value is None or value.is_absolute() else (base / value).resolve()


def _has_tool_table(path: Path) -> bool:
    import tomllib  # not with --no-config

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    tool = data.get("tool")
    return isinstance(tool, dict) and "postcheck" in tool


def _key_lines(text: str, table: str) -> dict[str, int]:
    """The line of each key of one table (`""` for the file's own top level), and of the keys
    of its sub-tables as `sub.key` (`parameters.staleness_period`), however written: a
    `[table.sub]` header, a dotted key or a quoted one. tomllib gives values without
    positions; error messages need the line."""
    lines: dict[str, int] = {}
    current = ""
    key_pattern = re.compile(
        r"""\s*["']?([A-Za-z0-9_-]+)["']?\s*((?:\.\s*["']?[A-Za-z0-9_-]+["']?\s*)*)="""
    )
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", stripped)
        if header:
            current = header[1].replace(" ", "")
            inside = current.startswith(f"{table}.") if table else True
            if inside:
                sub = current.removeprefix(f"{table}.") if table else current
                lines.setdefault(sub.split(".")[0], number)
            continue
        key = key_pattern.match(stripped)
        if not key:
            continue
        dotted = [key[1], *re.findall(r"[A-Za-z0-9_-]+", key[2])]
        prefix = ""
        if table and current.startswith(f"{table}."):
            prefix = current.removeprefix(f"{table}.") + "."
        elif not table and current:
            prefix = current + "."
        elif current != table:
            continue
        path = (prefix + ".".join(dotted)).split(".")
        lines.setdefault(path[0], number)
        if len(path) > 1:
            lines.setdefault(".".join(path[:2]), number)
    return lines


def _did_you_mean(word: str, choices: Any) -> str:
    from difflib import get_close_matches

    close = get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
