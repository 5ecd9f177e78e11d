"""Named, dated parameters (the s.9 pay cap, the staleness period...) kept apart from rules.

Like the law they encode, values change over time: each carries the date it applies from and
its source, and a run takes the value in force on its --as-of day. A value the sources do not
give is null, and rules that need it stay silent rather than guess.
"""

from __future__ import annotations

import datetime as dt
from difflib import get_close_matches
from typing import Any

from pydantic import Field, ValidationError, field_validator, model_validator

from postcheck.rules.conditions import looks_like_period, parse_period
from postcheck.rules.data import RuleData, refuse_non_finite, web_address

ParameterValue = int | float | str | list[str] | None


class DatedValue(RuleData):
    from_: dt.date = Field(alias="from")
    value: ParameterValue
    source: str = Field(min_length=3)
    url: str | None = None
    note: str | None = None

    _finite = field_validator("value", mode="before")(refuse_non_finite)
    _public = field_validator("url")(web_address)

    @field_validator("value")
    @classmethod
    def _period_in_calendar(cls, value: ParameterValue) -> ParameterValue:
        """A value written as a period must be one a date can be moved by."""
        if isinstance(value, str) and looks_like_period(value):
            parse_period(value)
        return value


class Parameter(RuleData):
    description: str = Field(min_length=10)
    unit: str | None = None
    values: list[DatedValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _dated_in_order(self) -> Parameter:
        days = [v.from_ for v in self.values]
        if days != sorted(days) or len(set(days)) != len(days):
            raise ValueError("values must be listed oldest first, one per date")
        return self

    def entry_on(self, day: dt.date) -> DatedValue | None:
        current = None
        for entry in self.values:
            if entry.from_ <= day:
                current = entry
        return current

    def value_on(self, day: dt.date) -> ParameterValue:
        entry = self.entry_on(day)
        return entry.value if entry else None


class Parameters(RuleData):
    parameters: dict[str, Parameter]

    @classmethod
    def from_mapping(cls, data: Any) -> Parameters:
        return cls.model_validate({"parameters": data or {}})

    def value_on(self, name: str, day: dt.date) -> ParameterValue:
        return self.parameters[name].value_on(day)

    def __contains__(self, name: object) -> bool:
        return name in self.parameters

    def overridden(self, values: dict[str, Any]) -> Parameters:
        """These parameters with some set to one value for every day (a configuration file's
        `[parameters]`). The value must have the type the parameter's own values have: a
        number for a number, a period for a period, a list of text for a list."""
        if not values:
            return self
        changed = dict(self.parameters)
        for name, value in values.items():
            if name not in self.parameters:
                close = get_close_matches(name, list(self.parameters), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ValueError(f"parameters.{name}: no such parameter{hint}")
            parameter = self.parameters[name]
            _check_type(name, value, [v.value for v in parameter.values if v.value is not None])
            try:
                override = DatedValue.model_validate(
                    {"from": dt.date.min, "value": value, "source": "configuration override"}
                )
            except ValidationError as error:
                reason = str(error.errors(include_url=False)[0]["msg"])
                raise ValueError(
                    f"parameters.{name}: {reason.removeprefix('Value error, ')}"
                ) from None
            changed[name] = parameter.model_copy(update={"values": [override]})
        return Parameters(parameters=changed)


def _check_type(name: str, value: Any, known: list[ParameterValue]) -> None:
    def kind(v: Any) -> str:
        if isinstance(v, bool):
            return "true/false"
        if isinstance(v, int | float):
            return "a number"
        if isinstance(v, str):
            return "a period" if v.startswith("P") else "text"
        if isinstance(v, list) and all(isinstance(i, str) for i in v):
            return "a list of text"
        return type(v).__name__

    expected = {kind(v) for v in known}
    if expected and kind(value) not in expected:
        raise ValueError(
            f"parameters.{name}: expected {' or '.join(sorted(expected))}, got {value!r}"
        )
    if kind(value) == "a period":
        try:
            parse_period(value)
        except ValueError as error:
            raise ValueError(f"parameters.{name}: {error}") from None
