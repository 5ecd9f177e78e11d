"""Dates inside sentences, and the day by which a council's annual meeting must have been held.

The latest lawful days are worked out by hand from the calendar: LGA 1972 Sch 12 para 1(2) (21
days after the councillors retire, or March to May), retirement on the fourth day after the
ordinary day of election (LGA 1972 s.7, Sch 2 para 6(3)), which is the first Thursday in May
(RPA 1983 s.37(1)).
"""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from postcheck.engine.facts import authority_context
from postcheck.record.dates import find_dates, parse_partial_date
from postcheck.rules.authorities import (
    Authority,
    latest_lawful_annual_meeting,
    ordinary_election_day,
)

D = dt.date


# --- dates inside sentences ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("until 2028-05-20.", [("2028-05-20", "2028-05-20")]),
        ("ending on 20 May 2028", [("2028-05-20", "20 May 2028")]),
        ("to 31/03/2027", [("2027-03-31", "31/03/2027")]),
        ("20.05.2028", [("2028-05-20", "20.05.2028")]),
        ("on March 3, 2027", [("2027-03-03", "March 3, 2027")]),
        (
            "from 1 June 2026 until 31 March 2027",
            [("2026-06-01", "1 June 2026"), ("2027-03-31", "31 March 2027")],
        ),
        ("until the annual meeting of the Council in May 2027", [("2027-05", "May 2027")]),
    ],
)
def test_dates_are_found_in_running_text(text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.date.iso(), f.date.as_written) for f in find_dates(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "the municipal year 2026/27",
        "the financial year 2026-27",
        "a salary of £2026",
        "SCP 34-38",
        "31/02/2026",  # no such day
        "the annual meeting in 2026",  # a bare year only when asked for
    ],
)
def test_no_date_where_none_is_written(text: str) -> None:
    assert find_dates(text) == []


def test_a_bare_year_when_asked_for() -> None:
    (year,) = find_dates("the annual meeting in 2026", bare_years=True)
    assert (year.date.precision, year.date.earliest, year.date.latest) == (
        "year",
        D(2026, 1, 1),
        D(2026, 12, 31),
    )
    assert find_dates("the municipal year 2026/27", bare_years=True) == []


def test_the_day_is_preferred_to_the_month_it_contains() -> None:
    (found,) = find_dates("ending on 20 May 2028")
    assert found.date.precision == "day"


def test_a_month_is_a_whole_word() -> None:
    """Month names are read as whole words of 3 to 9 letters, so a search stays linear."""
    assert find_dates("the Mayday 2023 parade and 1 Decemberish 2020") == []
    assert [f.date.iso() for f in find_dates("from 3 Sept. 2026 to September 2027")] == [
        "2026-09-03",
        "2027-09",
    ]
    assert parse_partial_date("xMay 2023") is None
    assert parse_partial_date("10May 2023") == parse_partial_date("May 2023")


def test_overlapping_readings_keep_the_longest_in_order() -> None:
    """Only the last date kept can overlap the next reading: the longer one stays."""
    found = find_dates("on 20 May 2028, 2029-01-02 and May 2030 or 2031", bare_years=True)
    assert [f.date.as_written for f in found] == ["20 May 2028", "2029-01-02", "May 2030", "2031"]


# --- the annual meeting ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "day"),
    [(2021, D(2021, 5, 6)), (2022, D(2022, 5, 5)), (2024, D(2024, 5, 2)), (2026, D(2026, 5, 7))],
)
def test_the_ordinary_day_of_election_is_the_first_thursday_in_may(year: int, day: dt.date) -> None:
    assert ordinary_election_day(year) == day


@pytest.mark.parametrize(
    ("year", "latest"),
    [
        # 7 May + 4 = 11 May (retirement), + 21 days = 1 June
        (2026, D(2026, 6, 1)),
        (2015, D(2015, 6, 1)),
        # 6 May + 4 = 10 May, + 21 = 31 May; 31 May either way
        (2027, D(2027, 5, 31)),
        # 5 May + 4 = 9 May, + 21 = 30 May: the March-to-May limit, 31 May, is later
        (2022, D(2022, 5, 31)),
        # election day moved to 10 June 2004: + 4 = 14 June, + 21 = 5 July
        (2004, D(2004, 7, 5)),
    ],
)
def test_the_latest_day_the_law_allows_for_the_annual_meeting(year: int, latest: dt.date) -> None:
    assert latest_lawful_annual_meeting(year) == latest


def test_no_latest_day_for_2020() -> None:
    assert latest_lawful_annual_meeting(2020) is None


@pytest.mark.parametrize(
    ("day", "held"),
    [
        (D(2026, 1, 5), 2025),
        (D(2026, 6, 1), 2025),  # the last lawful day itself: the meeting may be that day
        (D(2026, 6, 2), 2026),
        (D(2027, 5, 31), 2026),
        (D(2027, 6, 1), 2027),
        (D(2020, 12, 31), 2019),
    ],
)
def test_the_year_whose_meeting_has_certainly_been_held(day: dt.date, held: int) -> None:
    assert Authority(name="Anywhere").annual_meeting_held_year(day) == held


def test_the_councils_recorded_meeting_decides() -> None:
    council = Authority.model_validate(
        {"name": "Borchester", "annual_meetings": [{"date": "2026-05-20", "source": "test"}]}
    )
    assert council.annual_meeting_held_year(D(2026, 5, 20)) == 2025
    assert council.annual_meeting_held_year(D(2026, 5, 21)) == 2026
    # a year the file does not record falls back on the law
    assert council.annual_meeting_held_year(D(2027, 5, 31)) == 2026


def test_one_annual_meeting_a_year() -> None:
    with pytest.raises(ValidationError, match="one annual meeting a year"):
        Authority.model_validate(
            {"name": "x", "annual_meetings": [{"date": "2026-05-20"}, {"date": "2026-05-27"}]}
        )


def test_the_held_year_is_an_authority_fact() -> None:
    context = authority_context(Authority(name="default"), D(2026, 6, 2))
    assert context["annual_meeting_held_year"] == 2026
    assert authority_context(None, D(2026, 6, 2)) == {}
