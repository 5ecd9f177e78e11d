"""Authority context: facts about the council a post belongs to, kept as data beside the rules.

Whether the council has a directly elected mayor, when the mayor's term ends, its political
groups, grade scale and office-attendance policy all change a post's lawful terms. Each value
carries its source; a value nobody has confirmed stays null, and rules that need it stay silent.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from postcheck.record.grades import normalise_grade
from postcheck.rules.data import RuleData
from postcheck.yamlfile import load_documents, mark_line

AUTHORITIES_DIR = "authorities"
DEFAULT_NAME = "default"


class Governance(StrEnum):
    MAYOR_AND_CABINET = "mayor_and_cabinet"
    LEADER_AND_CABINET = "leader_and_cabinet"
    COMMITTEE = "committee_system"


class Sourced(RuleData):
    source: str | None = None
    url: str | None = None


class GovernanceFact(Sourced):
    model: Governance | None = None


class MayorTerm(Sourced):
    start: dt.date
    end: dt.date | None = None

    def current_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class PoliticalGroup(Sourced):
    name: str
    seats: int | None = Field(default=None, ge=0)
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None

    def current_on(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day < self.to)


class GradeBand(RuleData):
    code: str
    lowest_pay: float | None = Field(default=None, ge=0)
    highest_pay: float | None = Field(default=None, ge=0)


class GradeScale(Sourced):
    grades: list[GradeBand] = Field(default_factory=list)


class AttendancePolicy(Sourced):
    min_office_days: float | None = Field(default=None, ge=0, le=7)


class Authority(RuleData):
    name: str
    aliases: list[str] = Field(default_factory=list)
    governance: GovernanceFact = Field(default_factory=GovernanceFact)
    mayor_terms: list[MayorTerm] = Field(default_factory=list)
    seats: int | None = Field(default=None, ge=1)
    political_groups: list[PoliticalGroup] | None = None
    grade_scale: GradeScale | None = None
    office_attendance: AttendancePolicy = Field(default_factory=AttendancePolicy)
    notes: str | None = None

    def mayor_term_on(self, day: dt.date) -> MayorTerm | None:
        return next((t for t in self.mayor_terms if t.current_on(day)), None)

    def groups_on(self, day: dt.date) -> list[PoliticalGroup] | None:
        """The groups on the council on `day`; None when the authority's groups are unknown then."""
        if self.political_groups is None:
            return None
        return [g for g in self.political_groups if g.current_on(day)] or None

    def grade(self, code: str) -> GradeBand | None:
        if self.grade_scale is None:
            return None
        wanted = normalise_grade(code)
        return next((g for g in self.grade_scale.grades if normalise_grade(g.code) == wanted), None)


class AuthorityFileError(ValueError):
    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")


def load_authority(path: Path) -> Authority:
    try:
        documents = list(load_documents(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as error:
        raise AuthorityFileError(path, f"not valid YAML: {error}", mark_line(error)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AuthorityFileError(path, f"cannot read: {error}") from None
    if len(documents) != 1:
        raise AuthorityFileError(path, "expected exactly one YAML document")
    try:
        return Authority.model_validate(documents[0].data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        raise AuthorityFileError(
            path,
            f"{'.'.join(map(str, first['loc']))}: {first['msg']}",
            documents[0].line_of(first["loc"]),
        ) from None


class AuthorityDirectory:
    """Chooses each record's authority: a forced one, else by the record's authority name."""

    def __init__(
        self, authorities: list[Authority], default: Authority, forced: Authority | None = None
    ):
        self.default = default
        self.forced = forced
        self._by_name = {_key(n): a for a in authorities for n in [a.name, *a.aliases]}

    @classmethod
    def load(cls, rules_dir: Path, forced: Path | None = None) -> AuthorityDirectory:
        folder = rules_dir / AUTHORITIES_DIR
        loaded = (
            [load_authority(p) for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []
        )
        default = next(
            (a for a in loaded if _key(a.name) == DEFAULT_NAME), Authority(name=DEFAULT_NAME)
        )
        others = [a for a in loaded if a is not default]
        return cls(others, default, load_authority(forced) if forced else None)

    def for_name(self, name: str | None) -> Authority:
        if self.forced is not None:
            return self.forced
        if name is None:
            return self.default
        return self._by_name.get(_key(name), self.default)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()
