"""The closed set of condition kinds a rule may use, validated as data.

A rule's `when:` is a tree of these. No other kind exists: a rule file cannot run code. Fields
are dotted paths into the post record (see `postcheck schema`) or its derived facts.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from postcheck.record.polarity import Modality, Polarity
from postcheck.record.wording import TermError, normalise, term_forms, tokens
from postcheck.rules.data import RuleData

Scalar = str | int | float | bool
_PERIOD = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?")


class Period(RuleData):
    """A length of time written ISO-8601 style (P2Y, P6M, P30D), or a named parameter."""

    period: str | None = None
    param: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"period": value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one(self) -> Period:
        if (self.period is None) == (self.param is None):
            raise ValueError("give a period such as P2Y, or a param")
        if self.period is not None and not (_PERIOD.fullmatch(self.period) and self.period != "P"):
            raise ValueError(f"not a period: {self.period!r} (use P2Y, P6M, P30D)")
        return self


def parse_period(text: str) -> tuple[int, int, int]:
    """(years, months, days) of an ISO-8601 period."""
    m = _PERIOD.fullmatch(text)
    if not m or text == "P":
        raise ValueError(f"not a period: {text!r} (use P2Y, P6M, P30D)")
    return (int(m[1] or 0), int(m[2] or 0), int(m[3] or 0))


class FieldValue(RuleData):
    field: str
    value: Scalar


class FieldValues(RuleData):
    field: str
    values: list[Scalar] | None = Field(default=None, min_length=1)
    param: str | None = None

    @model_validator(mode="after")
    def _one(self) -> FieldValues:
        if (self.values is None) == (self.param is None):
            raise ValueError("give either values or param")
        return self


class FieldPattern(RuleData):
    """One pattern, several (any may match), or a parameter holding a list of them."""

    field: str
    pattern: str | None = Field(default=None, min_length=1)
    patterns: list[str] | None = Field(default=None, min_length=1)
    param: str | None = None
    ignore_case: bool = False

    @model_validator(mode="after")
    def _one(self) -> FieldPattern:
        if sum(x is not None for x in (self.pattern, self.patterns, self.param)) != 1:
            raise ValueError("give exactly one of pattern, patterns, param")
        return self


class NumberOperand(RuleData):
    field: str
    value: int | float | None = None
    param: str | None = None
    other_field: str | None = None

    @model_validator(mode="after")
    def _one(self) -> NumberOperand:
        if sum(x is not None for x in (self.value, self.param, self.other_field)) != 1:
            raise ValueError("give exactly one of value, param, other_field")
        return self


class DateOperand(RuleData):
    field: str
    as_of: Literal[True] | None = None
    date: dt.date | None = None
    other_field: str | None = None
    minus: Period | None = None
    plus: Period | None = None

    @model_validator(mode="after")
    def _one(self) -> DateOperand:
        if sum(x is not None for x in (self.as_of, self.date, self.other_field)) != 1:
            raise ValueError("compare with exactly one of as_of: true, a date, or other_field")
        if self.other_field is not None and (self.minus or self.plus):
            raise ValueError("minus and plus apply to as_of or a date, not to other_field")
        if self.minus is not None and self.plus is not None:
            raise ValueError("give minus or plus, not both")
        return self


class Wording(RuleData):
    """What a clause says: its words (each group of `all_of` has a term in the clause, in any
    order), none of the `none_of` terms, and one of the polarities (and modalities) listed.

    Terms are compared after normalisation (record/wording.py): "canvass" matches "Canvassing",
    "door knock" matches "door-knocking" and "doorknocking". List misspellings as terms.
    """

    all_of: list[list[str]] | None = Field(default=None, min_length=1)
    any_of: list[str] | None = Field(default=None, min_length=1)
    none_of: list[str] = Field(default_factory=list)
    polarity: list[Polarity] | None = Field(default=None, min_length=1)
    modality: list[Modality] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _terms(self) -> Wording:
        if (self.all_of is None) == (self.any_of is None):
            raise ValueError("give all_of (groups of terms) or any_of (one group)")
        for group in self.groups:
            if not group:
                raise ValueError("a group of terms is empty")
        for term in [t for g in self.groups for t in g] + self.none_of:
            try:
                term_forms(term)
            except TermError as error:
                raise ValueError(str(error)) from None
            kept = normalise(term)
            if len(tokens(term)) > 1 and len(kept) == 1:
                raise ValueError(
                    f"term {term!r} is compared as {kept[0]!r} alone (function words are "
                    f"dropped): write {kept[0]!r}, or a phrase with two content words"
                )
        return self

    @property
    def groups(self) -> list[list[str]]:
        return self.all_of if self.all_of is not None else [self.any_of or []]


class ItemTest(RuleData):
    field: str
    where: Condition


class Equals(RuleData):
    equals: FieldValue


class OneOf(RuleData):
    one_of: FieldValues


class Matches(RuleData):
    matches: FieldPattern


class Says(RuleData):
    """A test on one clause of the post's text; only inside an item test on `clauses`."""

    says: Wording


class Present(RuleData):
    present: str


class Missing(RuleData):
    missing: str


NUMBER_COMPARISONS = ("less_than", "at_most", "greater_than", "at_least")
DATE_COMPARISONS = ("before", "on_or_before", "after", "on_or_after")


class NumberCompare(RuleData):
    less_than: NumberOperand | None = None
    at_most: NumberOperand | None = None
    greater_than: NumberOperand | None = None
    at_least: NumberOperand | None = None

    @property
    def operator(self) -> str:
        return next(name for name in NUMBER_COMPARISONS if getattr(self, name) is not None)

    @property
    def operand(self) -> NumberOperand:
        value: NumberOperand = getattr(self, self.operator)
        return value


class DateCompare(RuleData):
    before: DateOperand | None = None
    on_or_before: DateOperand | None = None
    after: DateOperand | None = None
    on_or_after: DateOperand | None = None

    @property
    def operator(self) -> str:
        return next(name for name in DATE_COMPARISONS if getattr(self, name) is not None)

    @property
    def operand(self) -> DateOperand:
        value: DateOperand = getattr(self, self.operator)
        return value


class AllOf(RuleData):
    all: list[Condition] = Field(min_length=1)


class AnyOf(RuleData):
    any: list[Condition] = Field(min_length=1)


class Not(RuleData):
    not_: Condition = Field(alias="not")


class AnyItem(RuleData):
    any_item: ItemTest


class AllItems(RuleData):
    all_items: ItemTest


_TAGS = {
    "equals": "equals",
    "one_of": "one_of",
    "matches": "matches",
    "says": "says",
    "present": "present",
    "missing": "missing",
    **{name: "number" for name in NUMBER_COMPARISONS},
    **{name: "date" for name in DATE_COMPARISONS},
    "all": "all",
    "any": "any",
    "not": "not",
    "any_item": "any_item",
    "all_items": "all_items",
}
CONDITION_KINDS = tuple(_TAGS)


def _tag(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return next(t for t, cls in _CLASSES.items() if isinstance(value, cls))
    if isinstance(value, dict) and len(value) == 1:
        return _TAGS.get(next(iter(value)))
    return None


Condition = Annotated[
    Annotated[Equals, Tag("equals")]
    | Annotated[OneOf, Tag("one_of")]
    | Annotated[Matches, Tag("matches")]
    | Annotated[Says, Tag("says")]
    | Annotated[Present, Tag("present")]
    | Annotated[Missing, Tag("missing")]
    | Annotated[NumberCompare, Tag("number")]
    | Annotated[DateCompare, Tag("date")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[Not, Tag("not")]
    | Annotated[AnyItem, Tag("any_item")]
    | Annotated[AllItems, Tag("all_items")],
    Discriminator(
        _tag,
        custom_error_type="condition",
        custom_error_message="a condition is a mapping with exactly one key, one of: "
        + ", ".join(CONDITION_KINDS),
    ),
]

_CLASSES: dict[str, type[BaseModel]] = {
    "equals": Equals,
    "one_of": OneOf,
    "matches": Matches,
    "says": Says,
    "present": Present,
    "missing": Missing,
    "number": NumberCompare,
    "date": DateCompare,
    "all": AllOf,
    "any": AnyOf,
    "not": Not,
    "any_item": AnyItem,
    "all_items": AllItems,
}

for _model in (ItemTest, AllOf, AnyOf, Not):
    _model.model_rebuild()
