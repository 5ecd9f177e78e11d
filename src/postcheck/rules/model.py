"""A rule file: what the law requires, where it says so, and the condition that breaks it."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from postcheck.rules.conditions import Condition
from postcheck.rules.data import RuleData

RULE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Certainty(StrEnum):
    """How sure the law behind a rule is (see the fact sheet's UNCONFIRMED / INFERENCE marks)."""

    STATUTE = "statute"  # the text of the provision was read and is clear
    INFERENCE = "inference"  # a reading of text that was seen
    UNCONFIRMED = "unconfirmed"  # secondary sources only
    PRACTICE = "practice"  # good administrative practice; no statute turns on it


class Area(StrEnum):
    STATUTORY_BASIS = "statutory-basis"
    POLITICAL_RESTRICTION = "political-restriction"
    APPOINTMENT = "appointment-terms"
    OFFICE_ATTENDANCE = "office-attendance"
    GRADING = "grading"
    HYGIENE = "hygiene"
    CROSS_RECORD = "cross-record"


class Country(StrEnum):
    """The countries whose councils postcheck knows the law of; much of it differs between them
    (SI 2002/975 and s.3A LGHA 1989 are England's; Wales keeps the salary-based restriction)."""

    ENGLAND = "england"
    WALES = "wales"


class LegalReference(RuleData):
    text: str = Field(min_length=3, description="The provision, e.g. 'LGHA 1989, s.9(3)'.")
    url: str = Field(
        description="Public address of the provision (legislation.gov.uk where it exists)."
    )

    @field_validator("url")
    @classmethod
    def _public_https(cls, value: str) -> str:
        if not re.fullmatch(r"https?://[\w.-]+\.[a-z]{2,}(/\S*)?", value):
            raise ValueError(f"not a web address: {value!r}")
        return value


class Effective(RuleData):
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Effective:
        if self.from_ and self.to and self.from_ > self.to:
            raise ValueError("'from' is after 'to'")
        return self

    def covers(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day <= self.to)


class Examples(RuleData):
    """Records that must fail and must pass this rule: its documentation and its tests."""

    fail: list[dict[str, Any]] = Field(min_length=1)
    pass_: list[dict[str, Any]] = Field(alias="pass", min_length=1)
    as_of: dt.date | None = Field(default=None, description="The day the examples are judged at.")


class Rule(RuleData):
    id: str
    title: str = Field(min_length=5)
    area: Area
    severity: Severity
    certainty: Certainty
    citations: list[LegalReference] = Field(min_length=1)
    rationale: str = Field(min_length=20)
    remediation: str = Field(min_length=10)
    effective: Effective = Field(default_factory=Effective)
    jurisdictions: list[Country] = Field(
        default_factory=lambda: list(Country),
        min_length=1,
        description="The countries whose councils the rule applies to; silent for the others. "
        "A record whose authority's country is unknown is judged as if the rule applied.",
    )
    message: str = Field(
        min_length=5, description="Shown per violation; {field.path} is filled in."
    )
    field: str = Field(description="The record field a violation points at.")
    when: Condition
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.fullmatch(value):
            raise ValueError("ids are lower-case words joined by hyphens, e.g. s9-fixed-term")
        return value

    @field_validator("jurisdictions")
    @classmethod
    def _no_repeats(cls, value: list[Country]) -> list[Country]:
        if len(set(value)) != len(value):
            raise ValueError("a country is listed twice")
        return value

    @model_validator(mode="after")
    def _certainty_caps_severity(self) -> Rule:
        if self.certainty is not Certainty.STATUTE and self.severity is Severity.ERROR:
            raise ValueError(
                f"a rule resting on {self.certainty.value} law cannot be an error; "
                "use warning or info"
            )
        return self
