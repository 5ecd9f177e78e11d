"""The post record: what a job description states, validated before any rule sees it.

The rule engine coerces types silently ("1" == 1 == true), so everything is typed here first.
Unknown stays unknown: a field the source does not state is None or empty, never a guess.
Each mention (a grade, a citation, an attendance statement) keeps its words and the line it came
from, so rules can compare mentions and reports can point at them.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from postcheck.record.citations import canonical_instrument, parse_citation
from postcheck.record.dates import PartialDate, parse_partial_date
from postcheck.record.grades import normalise_grade

MAX_TEXT = 100_000  # characters in one value; a job description's longest paragraph is far less


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, str_max_length=MAX_TEXT)


def _without_blanks(value: Any) -> Any:
    """The input with every blank text ("" or spaces) left out of its mappings, at any depth.

    An empty cell or "" states nothing: it is unknown, as if the key were absent. One walk over
    the whole input from PostRecord, rather than a validator on every nested model (seven calls
    a record, 10% of a run); it copies only the mappings that hold a blank."""
    kind = type(value)
    if kind is dict:
        out: dict[str, Any] | None = None
        for key, item in value.items():
            kept = item
            if type(item) is str:
                if item and not item.isspace():
                    continue
                kept = _BLANK
            elif type(item) is dict or type(item) is list:
                kept = _without_blanks(item)
                if kept is item:
                    continue
            if out is None:
                out = dict(value)
            if kept is _BLANK:
                del out[key]
            else:
                out[key] = kept
        return value if out is None else out
    if kind is list:
        items = [_without_blanks(v) if type(v) is dict else v for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


_BLANK = object()

BLANK_FREE: dict[str, bool] = {"blank_free": True}
"""Validation context from a reader whose values hold no blank text (a table row's column plan
leaves empty cells out): PostRecord then skips its walk for blanks, a fifth of validating a row."""


def _two_places(value: float | None) -> float | None:
    # The engine cannot read floats written with an exponent (1e-05); two decimals never need one.
    return None if value is None else round(value, 2)


Days = Annotated[float, Field(ge=-100, le=100), AfterValidator(_two_places)]


class Location(_Strict):
    """Where a value came from inside its source."""

    line: int | None = Field(default=None, ge=1)
    page: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    region: str | None = Field(
        default=None, description="Where on the page, outside the body: 'page header' ..."
    )


class Mention(_Strict):
    """One place where the source states something, in its own words."""

    as_written: str | None = None
    line: int | None = Field(default=None, ge=1)
    page: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"as_written": value} if isinstance(value, str) else value


class GradeMention(Mention):
    code: str | None = Field(
        default=None, description="Canonical code, e.g. 'PO4' for 'Grade: PO 4'."
    )
    place: str | None = Field(default=None, description="e.g. 'header', 'person specification'.")

    @model_validator(mode="after")
    def _normalise(self) -> GradeMention:
        if self.code is None and self.as_written:
            object.__setattr__(self, "code", normalise_grade(self.as_written) or None)
        elif self.code is not None:
            object.__setattr__(self, "code", normalise_grade(self.code))
        return self


class Citation(Mention):
    """A provision of an instrument, e.g. instrument 'LGHA 1989', provision 's.2(1)(f)'."""

    instrument: str | None = Field(default=None, description="Canonical key, e.g. 'LGHA 1989'.")
    provision: str | None = Field(default=None, description="Canonical form, e.g. 's.2(1)(f)'.")
    kind: str | None = Field(default=None, description="section, regulation or paragraph.")
    number: str | None = Field(default=None, description="Top-level number, e.g. '2' of s.2(1)(f).")
    subsection: str | None = None
    paragraph_ref: str | None = Field(default=None, description="Letter, e.g. 'f' of s.2(1)(f).")

    @model_validator(mode="after")
    def _parse(self) -> Citation:
        parts: dict[str, Any] = {}
        if self.instrument is not None:
            key = canonical_instrument(self.instrument)
            parts["instrument"] = key or self.instrument
        parsed = parse_citation(" ".join(filter(None, [self.provision, self.as_written])))
        if self.instrument is None and parsed.instrument:
            parts["instrument"] = parsed.instrument
        if parsed.number is not None:
            parts.update(
                provision=parsed.provision,
                kind=parsed.kind,
                number=parsed.number,
                subsection=parsed.path[0] if parsed.path else None,
                paragraph_ref=parsed.path[1] if len(parsed.path) > 1 else None,
            )
        for name, value in parts.items():
            object.__setattr__(self, name, value)
        return self


class AppointmentType(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    NOT_STATED = "not_stated"


class EndEvent(StrEnum):
    MAYORS_TERM = "end_of_mayors_term"
    ANNUAL_MEETING = "annual_meeting"
    FUNDING = "end_of_funding"
    OTHER = "other"


class Appointment(Mention):
    type: AppointmentType = AppointmentType.NOT_STATED
    end_date: PartialDate | None = None
    end_event: EndEvent | None = None

    @field_validator("end_date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return _partial_date(value)


class PoliticalRestriction(_Strict):
    stated: bool | None = Field(
        default=None, description="Does the source say the post is restricted?"
    )
    citations: list[Citation] = Field(default_factory=list)
    statements: list[Mention] = Field(default_factory=list)


class AttendanceStatement(Mention):
    days_per_week: Days | None = None


class OfficeAttendance(_Strict):
    statements: list[AttendanceStatement] = Field(default_factory=list)
    min_days_per_week: Days | None = None

    @model_validator(mode="after")
    def _agreeing_minimum(self) -> OfficeAttendance:
        days = {s.days_per_week for s in self.statements if s.days_per_week is not None}
        if self.min_days_per_week is None and len(days) == 1:
            object.__setattr__(self, "min_days_per_week", days.pop())
        return self


class LineManagementScope(StrEnum):
    NONE = "none"
    CLERICAL = "clerical_or_secretarial"
    STAFF = "staff"


class LineManagement(Mention):
    scope: LineManagementScope | None = None


class SalaryPeriod(StrEnum):
    """How often a stated amount is paid: "per annum", "per month", "a week", "per day", "ph"."""

    ANNUAL = "annual"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    DAILY = "daily"
    HOURLY = "hourly"


_PERIOD_WORDS = {
    word: period.value
    for period, words in (
        (
            SalaryPeriod.ANNUAL,
            ("annually", "yearly", "year", "per annum", "pa", "per year", "annum"),
        ),
        (SalaryPeriod.MONTHLY, ("month", "per month", "pcm", "per calendar month")),
        (SalaryPeriod.WEEKLY, ("week", "per week", "pw")),
        (SalaryPeriod.DAILY, ("day", "per day", "daily rate", "day rate")),
        (SalaryPeriod.HOURLY, ("hour", "per hour", "ph", "hourly rate")),
    )
    for word in words
}


class Salary(Mention):
    minimum: float | None = Field(default=None, ge=0, lt=10_000_000)
    maximum: float | None = Field(default=None, ge=0, lt=10_000_000)
    period: SalaryPeriod | None = Field(
        default=None,
        description="annual, monthly, weekly, daily or hourly: how often the amounts are paid; "
        "unknown when the source does not say (rules compare such amounts as a year's pay).",
    )
    pro_rata: bool | None = Field(
        default=None,
        description="Whether the amounts are full-time rates paid pro rata to the hours worked.",
    )

    @field_validator("period", mode="before")
    @classmethod
    def _period_words(cls, value: Any) -> Any:
        """HR exports write the period in words: "Annual", "per annum", "p.h."."""
        if isinstance(value, str):
            key = " ".join(value.lower().replace(".", "").split())
            return _PERIOD_WORDS.get(key, key)
        return value

    @field_validator("minimum", "maximum")
    @classmethod
    def _finite(cls, value: float | None) -> float | None:
        if value is not None and not math.isfinite(value):
            raise ValueError("must be a finite amount")
        return None if value is None else round(value, 2)

    # A minimum above the maximum is read as written and reported by salary-range-inverted:
    # refusing the record would lose every other finding about the post.


class NumberedItem(_Strict):
    number: int = Field(ge=0, le=10_000)
    line: int | None = Field(default=None, ge=1)
    page: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)


class NumberedList(_Strict):
    heading: str | None = None
    items: list[NumberedItem] = Field(default_factory=list)

    @field_validator("items", mode="before")
    @classmethod
    def _bare_numbers(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"number": v} if isinstance(v, int) else v for v in value]
        return value


class Source(_Strict):
    """Where the record came from: file, position in the file, and each field's location."""

    # a file's name is kept as it is, spaces and all; the reader gives it, not the record
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_TEXT)

    file: str = "<unknown>"
    index: int | None = Field(default=None, ge=0, description="0-based record number in the file.")
    line: int | None = Field(default=None, ge=1, description="Line or CSV row where it starts.")
    fields: dict[str, Location] = Field(default_factory=dict)
    extracted_from: str | None = Field(
        default=None, description="The document a saved `postcheck extract` record came from."
    )


class PostRecord(_Strict):
    """A published post: job description and person specification, as the source states them."""

    authority: str | None = None
    post_number: str | None = None
    title: str | None = None
    service_area: str | None = None
    directorate: str | None = None
    grade: list[GradeMention] = Field(
        default_factory=list, description="Every mention of the grade, header first."
    )
    evaluation_number: str | None = None
    date_last_updated: PartialDate | None = None
    appointment: Appointment = Field(default_factory=Appointment)
    statutory_basis: list[Citation] = Field(default_factory=list)
    political_restriction: PoliticalRestriction = Field(default_factory=PoliticalRestriction)
    office_attendance: OfficeAttendance = Field(default_factory=OfficeAttendance)
    line_management: LineManagement | None = None
    reports_to: str | None = None
    salary: Salary | None = None
    political_group: str | None = None
    duties: list[Mention] = Field(default_factory=list, description="Key tasks, as written.")
    sentences: list[Mention] = Field(
        default_factory=list,
        description="Every sentence of the document, in order, as written: what the wording "
        "rules read (through `clauses`), whatever section it stands in.",
    )
    numbered_lists: list[NumberedList] = Field(default_factory=list)
    text_remnants: list[Mention] = Field(
        default_factory=list, description="Markup or other debris left in published text."
    )
    provenance: Source = Field(default_factory=Source)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_unknown(cls, value: Any, info: ValidationInfo) -> Any:
        if info.context is BLANK_FREE:
            return value
        return _without_blanks(value)

    @field_validator("post_number", "evaluation_number", mode="before")
    @classmethod
    def _identifier_text(cls, value: Any) -> Any:
        # Spreadsheets export post numbers as numbers; they are identifiers, not quantities.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator(
        "grade", "statutory_basis", "duties", "sentences", "text_remnants", mode="before"
    )
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        items = [value] if isinstance(value, str | dict) else value
        if isinstance(items, list):
            return [v for v in items if not (isinstance(v, str) and not v.strip())]
        return items

    @field_validator("date_last_updated", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return _partial_date(value)

    @property
    def label(self) -> str:
        """How reports name the record: post number and title when known."""
        parts = [p for p in (self.post_number and f"post {self.post_number}", self.title) if p]
        return " · ".join(parts) or f"record {self.provenance.index or 0}"


def _partial_date(value: Any) -> Any:
    """Accept '2026-05-07', 'May 2023', a date or a mapping; other strings are errors."""
    if hasattr(value, "year") and hasattr(value, "month") and not isinstance(value, dict):
        return {"year": value.year, "month": value.month, "day": getattr(value, "day", None)}
    if isinstance(value, str):
        parsed = parse_partial_date(value)
        if parsed is None:
            shown = value if len(value) <= 60 else value[:60] + "…"
            raise ValueError(f"not a date: {shown!r}")
        return parsed
    return value
