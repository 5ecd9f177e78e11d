"""A rule file: what the law requires, where it says so, and the condition that breaks it."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any, ClassVar

from pydantic import Field, field_validator, model_validator

from postcheck.rules.conditions import Condition
from postcheck.rules.data import RuleData, web_address

RULE_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 80  # an id is a file name and a column of every report; the longest is about 40
# {field} placeholders in one message or remediation. Each is filled with a value of the record,
# which may be a long text: a template of thousands would print the record thousands of times
# in every finding. The catalogue's messages use at most four.
MAX_PLACEHOLDERS = 20
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


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

    _public_https = field_validator("url")(web_address)


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


class RuleText(RuleData):
    """What every rule states, whether it judges one post or a set of posts: the law it rests
    on, how sure that law is, the days it is in force, and the words a finding is told in."""

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
    evidence: str | None = Field(
        default=None,
        description="The fact whose value identifies the finding for baselines and waivers "
        "(its fingerprint), where the matched item or `field` would depend on the layout: "
        "e.g. derived.repeated_item_numbers rather than the numbered lists themselves.",
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if len(value) > MAX_ID_LENGTH:
            raise ValueError(f"an id is at most {MAX_ID_LENGTH} characters, not {len(value):,}")
        if not RULE_ID.fullmatch(value):
            raise ValueError("ids are lower-case words joined by hyphens, e.g. s9-fixed-term")
        return value

    @field_validator("message", "remediation")
    @classmethod
    def _few_placeholders(cls, value: str) -> str:
        count = len(_PLACEHOLDER.findall(value))
        if count > MAX_PLACEHOLDERS:
            raise ValueError(
                f"{count:,} {{placeholders}}; at most {MAX_PLACEHOLDERS}, as each prints a "
                "value of the record"
            )
        return value

    @field_validator("jurisdictions")
    @classmethod
    def _no_repeats(cls, value: list[Country]) -> list[Country]:
        if len(set(value)) != len(value):
            raise ValueError("a country is listed twice")
        return value

    @model_validator(mode="after")
    def _certainty_caps_severity(self) -> RuleText:
        if self.certainty is not Certainty.STATUTE and self.severity is Severity.ERROR:
            raise ValueError(
                f"a rule resting on {self.certainty.value} law cannot be an error; "
                "use warning or info"
            )
        return self


class Rule(RuleText):
    """A rule about one post: `when` its record holds, the post breaks it."""

    when: Condition
    examples: Examples

    @property
    def condition(self) -> Condition:
        return self.when

    condition_key: ClassVar[str] = "when"


class Bound(RuleData):
    """How many is too many: more than N, or at least N."""

    more_than: int | None = Field(default=None, ge=0)
    at_least: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _one(self) -> Bound:
        if (self.more_than is None) == (self.at_least is None):
            raise ValueError("give one of more_than or at_least")
        return self

    @property
    def least(self) -> int:
        """The smallest number that breaks the bound."""
        return self.at_least if self.at_least is not None else (self.more_than or 0) + 1


class DistinctBound(Bound):
    """How many different values of one field the set's records may give."""

    field: str


class SetTest(RuleData):
    """One counting or comparison condition on a set of records; a rule's `having` lists
    them, and the set breaks the rule when all hold.

    - `count`: the number of posts in the set. Records giving one post number are one post
      (the job description and the HR row of one post are not two posts).
    - `distinct`: the number of different values of a field among the set's records."""

    count: Bound | None = None
    distinct: DistinctBound | None = None

    @model_validator(mode="after")
    def _one(self) -> SetTest:
        if (self.count is None) == (self.distinct is None):
            raise ValueError("each test is one of count or distinct")
        return self


class RecordSet(RuleData):
    records: list[dict[str, Any]] = Field(min_length=1)
    note: str | None = None


class SetExamples(RuleData):
    """Sets of records that must break and must keep a cross-record rule."""

    fail: list[RecordSet] = Field(min_length=1)
    pass_: list[RecordSet] = Field(alias="pass", min_length=1)
    as_of: dt.date | None = Field(default=None, description="The day the examples are judged at.")


MAX_GROUP_FIELDS = 3
MAX_DISTINCT_FIELDS = 3


class SetRule(RuleText):
    """A rule about a set of posts (rules/cross-record/): the records `members` holds for are
    grouped by the `group_by` fields, and a group breaks the rule when every `having` test
    holds. `field` is what each record of the set is located by."""

    members: Condition
    group_by: list[str] = Field(min_length=1, max_length=MAX_GROUP_FIELDS)
    having: list[SetTest] = Field(min_length=1)
    show: list[str] = Field(
        default_factory=list,
        description="Fields whose different values among the set's records the message may "
        "list, as {distinct.<field>}, besides those a `distinct` test compares.",
    )
    examples: SetExamples

    @property
    def condition(self) -> Condition:
        return self.members

    condition_key: ClassVar[str] = "members"

    @property
    def distinct_fields(self) -> list[str]:
        """The fields whose different values the set keeps: those `distinct` tests count, then
        those the message shows, each once."""
        tested = [t.distinct.field for t in self.having if t.distinct]
        return list(dict.fromkeys([*tested, *self.show]))

    @model_validator(mode="after")
    def _shape(self) -> SetRule:
        if len(set(self.group_by)) != len(self.group_by):
            raise ValueError("group_by names a field twice")
        if len(self.distinct_fields) > MAX_DISTINCT_FIELDS:
            raise ValueError(
                f"`distinct` tests and `show` name at most {MAX_DISTINCT_FIELDS} fields together"
            )
        if self.area is not Area.CROSS_RECORD:
            raise ValueError("a rule with members and group_by belongs to area cross-record")
        return self


AnyRule = Rule | SetRule
