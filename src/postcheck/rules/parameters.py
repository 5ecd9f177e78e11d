"""Named, dated parameters (the s.9 pay cap, the staleness period...) kept apart from rules.

Like the law they encode, values change over time: each carries the date it applies from and
its source, and a run takes the value in force on its --as-of day. A value the sources do not
give is null, and rules that need it stay silent rather than guess.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, model_validator

from postcheck.rules.data import RuleData

ParameterValue = int | float | str | list[str] | None


class DatedValue(RuleData):
    from_: dt.date = Field(alias="from")
    value: ParameterValue
    source: str = Field(min_length=3)
    url: str | None = None
    note: str | None = None


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
