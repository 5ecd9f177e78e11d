"""The closed set of condition kinds a rule may use, validated as data.

A rule's `when:` is a tree of these. No other kind exists: a rule file cannot run code. Fields
are dotted paths into the post record (see `postcheck schema`) or its derived facts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, Tag, field_validator, model_validator

from postcheck.record.polarity import Modality, Polarity
from postcheck.record.wording import TermError, check_term, content_words, normalise, tokens
from postcheck.rules.data import RuleData, refuse_non_finite

Scalar = str | int | float | bool
_PERIOD = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?")
# The calendar Python's dates (and so the engine's ISO days) cover: 1 January of year 1 to
# 31 December 9999. A period longer than that moves no day to another day in it.
_CALENDAR_MONTHS = (dt.date.max.year - dt.date.min.year + 1) * 12
_CALENDAR_DAYS = (dt.date.max - dt.date.min).days


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
        if self.period is not None:
            parse_period(self.period)
        return self


def parse_period(text: str) -> tuple[int, int, int]:
    """(years, months, days) of an ISO-8601 period; ValueError for one that is not a period
    or is longer than the calendar (a 20-digit count of days overflows any date)."""
    m = _PERIOD.fullmatch(text) if len(text) <= 40 else None
    if not m or text == "P":
        raise ValueError(f"not a period: {text[:40]!r} (use P2Y, P6M, P30D)")
    years, months, days = (int(m[1] or 0), int(m[2] or 0), int(m[3] or 0))
    if years * 12 + months >= _CALENDAR_MONTHS or days > _CALENDAR_DAYS:
        raise ValueError(
            f"period {text} is longer than the calendar (years 1 to {dt.date.max.year})"
        )
    return years, months, days


def looks_like_period(text: str) -> bool:
    """Whether text is written as a period (P, then counts of Y, M, D), however long."""
    return re.fullmatch(r"P(?:\d+[YMD])+", text) is not None


class OutsideCalendarError(ValueError):
    """A day moved by a period past 1 January of year 1 or 31 December 9999."""


def shift(day: dt.date, period: str, sign: int) -> dt.date:
    """day moved by an ISO-8601 period; 29 February lands on 28 February in other years.
    OutsideCalendarError when the day moved leaves the calendar."""
    years, months, days = parse_period(period)
    month_index = day.year * 12 + day.month - 1 + sign * (years * 12 + months)
    year, month = divmod(month_index, 12)
    if not dt.date.min.year <= year <= dt.date.max.year:
        raise OutsideCalendarError(f"{day} {'minus' if sign < 0 else 'plus'} {period}")
    last_day = calendar.monthrange(year, month + 1)[1]
    moved = dt.date(year, month + 1, min(day.day, last_day))
    try:
        return moved + dt.timedelta(days=sign * days)
    except OverflowError:
        raise OutsideCalendarError(f"{day} {'minus' if sign < 0 else 'plus'} {period}") from None


def shift_within_calendar(day: dt.date, period: str, sign: int) -> dt.date:
    """As shift, but a day moved past the calendar's edge is the edge day itself. For days
    counted from the --as-of day, which only a run can know: no record's date lies beyond the
    edge, so `before` and `after` such a day are decided as they would be by the true day (for
    every date but the edge day itself), and the rule judges rather than stopping the run."""
    try:
        return shift(day, period, sign)
    except OutsideCalendarError:
        return dt.date.min if sign < 0 else dt.date.max


class FieldValue(RuleData):
    field: str
    value: Scalar

    _finite = field_validator("value", mode="before")(refuse_non_finite)


class FieldValues(RuleData):
    field: str
    values: list[Scalar] | None = Field(default=None, min_length=1)
    param: str | None = None

    _finite = field_validator("values", mode="before")(refuse_non_finite)

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

    _finite = field_validator("value", mode="before")(refuse_non_finite)

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
        period = self.minus or self.plus
        if self.date is not None and period is not None and period.period is not None:
            try:
                shift(self.date, period.period, -1 if self.minus is not None else 1)
            except OutsideCalendarError as error:
                raise ValueError(
                    f"{error} falls outside the calendar (years 1 to {dt.date.max.year})"
                ) from None
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
        # checked from the words, not their stems: a term is stemmed when its rule is compiled
        for term in [t for g in self.groups for t in g] + self.none_of:
            try:
                check_term(term)
            except TermError as error:
                raise ValueError(str(error)) from None
            if len(tokens(term)) > 1 and len(content_words(term)) == 1:
                kept = normalise(term)
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
