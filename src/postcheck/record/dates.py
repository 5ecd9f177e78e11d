"""Dates as job descriptions write them, keeping their precision.

"May 2023" is a month, not the 1st of May: rules must be able to ask for the earliest and the
latest day such a date can mean, so that a check fires only when it is certain.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from postcheck.lazy_pattern import LazyPattern

MONTHS = (
    {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
    | {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
    | {"sept": 9}
)

# A word that may name a month: 3 to 9 letters ("may" to "september"), standing alone. Bounded
# and anchored at both ends so a search is linear: `[A-Za-z]+` with no anchor retried every
# letter of a long word to its end (20,000 letters took 20 seconds, 100,000 over 90).
_MONTH = r"(?<![A-Za-z])([A-Za-z]{3,9})(?![A-Za-z])"
_ISO = LazyPattern(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_NUMERIC_UK = LazyPattern(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)")
_DAY_MONTH_YEAR = LazyPattern(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(\d{{4}})", re.IGNORECASE
)
_MONTH_DAY_YEAR = LazyPattern(
    rf"{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE
)
_MONTH_YEAR = LazyPattern(rf"{_MONTH}\.?,?\s+(\d{{4}})", re.IGNORECASE)
_YEAR = LazyPattern(r"(\d{4})")

# The same shapes inside running text ("until 2028-05-20", "ending on 20 May 2028", "to
# 31/03/2027"): bounded so that no part of a longer number, a money figure or a span of years
# ("2026/27", "2026-27") is read as a date.
_IN_TEXT = (
    ("iso", LazyPattern(r"(?<![\d/.,£-])(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d/.-]\d|\d)")),
    (
        "numeric",
        LazyPattern(r"(?<![\d/.,£-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/]|[.-]\d)"),
    ),
    (
        "day_month_year",
        LazyPattern(
            rf"(?<![\d.,£])(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(\d{{4}})(?!\d)",
            re.IGNORECASE,
        ),
    ),
    (
        "month_day_year",
        LazyPattern(
            rf"\b{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
        ),
    ),
    ("month_year", LazyPattern(rf"\b{_MONTH}\.?,?\s+(\d{{4}})(?!\d|[/-]\d)", re.IGNORECASE)),
)
# A year standing alone ("the annual meeting in 2026"), read only where the caller asks for one.
_BARE_YEAR = LazyPattern(r"(?<![\d/.,£-])((?:19|20)\d{2})(?!\d|[/-]\d|[.,]\d)")


class PartialDate(BaseModel):
    """A calendar date known to the year, the month or the day."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    year: int = Field(ge=1900, le=2200)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    as_written: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PartialDate:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.day is not None and self.month is not None:
            date(self.year, self.month, self.day)  # raises ValueError for 31 February
        return self

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        if self.day and self.month:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.as_written or self.iso()


@dataclass(frozen=True)
class FoundDate:
    """A date found in running text, with where it stands (start and end offsets)."""

    date: PartialDate
    start: int
    end: int


def find_dates(text: str, bare_years: bool = False) -> list[FoundDate]:
    """Every date written in the text, in order; numeric dates are day-first.

    Where two readings overlap the longer one wins ("20 May 2028" is a day, not "May 2028").
    A year on its own is a date only with bare_years: in most sentences "2026" is a number, but
    "the annual meeting in 2026" names the year of an event.
    """
    candidates: list[FoundDate] = []
    for kind, pattern in _IN_TEXT:
        for m in pattern.finditer(text):
            parsed = _from_match(kind, m)
            if parsed is not None:
                candidates.append(FoundDate(parsed, m.start(), m.end()))
    if bare_years:
        for m in _BARE_YEAR.finditer(text):
            year = _build(int(m[1]), None, None, m[0])
            if year is not None:
                candidates.append(FoundDate(year, m.start(), m.end()))
    return _longest_first(candidates)


def _longest_first(candidates: list[FoundDate]) -> list[FoundDate]:
    """The candidates that no longer one overlaps, in order.

    Taken in order of start, the dates kept never overlap, so only the last one kept can
    overlap the next candidate (both contain its start): one comparison each, where comparing
    with every date kept made a text of many years cost their number squared.
    """
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[FoundDate] = []
    for found in candidates:
        if not kept or kept[-1].end <= found.start:
            kept.append(found)
        elif found.end - found.start > kept[-1].end - kept[-1].start:
            kept[-1] = found
    return kept


def _from_match(kind: str, m: re.Match[str]) -> PartialDate | None:
    if kind == "iso":
        return _build(int(m[1]), int(m[2]), int(m[3]) if m[3] else None, m[0])
    if kind == "numeric":
        year = int(m[3])
        return _build(year + 2000 if year < 100 else year, int(m[2]), int(m[1]), m[0])
    if kind == "day_month_year":
        month = _month_number(m[2])
        return _build(int(m[3]), month, int(m[1]), m[0]) if month else None
    if kind == "month_day_year":
        month = _month_number(m[1])
        return _build(int(m[3]), month, int(m[2]), m[0]) if month else None
    month = _month_number(m[1])
    return _build(int(m[2]), month, None, m[0]) if month else None


@lru_cache(maxsize=16384)  # an export repeats its dates; PartialDate is frozen, so shared
def parse_partial_date(text: str) -> PartialDate | None:
    """Read a UK-style date; numeric dates are day-first. None when nothing date-like is there."""
    cleaned = text.strip()
    for attempt in (_iso, _numeric_uk, _day_month_year, _month_day_year, _month_year, _year):
        found = attempt(cleaned)
        if found is not None:
            return found
    return None


def _build(year: int, month: int | None, day: int | None, text: str) -> PartialDate | None:
    try:
        return PartialDate(year=year, month=month, day=day, as_written=text)
    except ValueError:
        return None


def _iso(text: str) -> PartialDate | None:
    m = _ISO.fullmatch(text)
    if not m:
        return None
    return _build(int(m[1]), int(m[2]), int(m[3]) if m[3] else None, text)


def _numeric_uk(text: str) -> PartialDate | None:
    m = _NUMERIC_UK.search(text)
    if not m:
        return None
    year = int(m[3])
    if year < 100:
        year += 2000
    return _build(year, int(m[2]), int(m[1]), m[0])


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _day_month_year(text: str) -> PartialDate | None:
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _month_number(m[2])
        if month:
            return _build(int(m[3]), month, int(m[1]), m[0])
    return None


def _month_day_year(text: str) -> PartialDate | None:
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _month_number(m[1])
        if month:
            return _build(int(m[3]), month, int(m[2]), m[0])
    return None


def _month_year(text: str) -> PartialDate | None:
    for m in _MONTH_YEAR.finditer(text):
        month = _month_number(m[1])
        if month:
            return _build(int(m[2]), month, None, m[0])
    return None


def _year(text: str) -> PartialDate | None:
    m = _YEAR.fullmatch(text)
    return _build(int(m[1]), None, None, text) if m else None
