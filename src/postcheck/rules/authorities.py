"""Authority context: facts about the council a post belongs to, kept as data beside the rules.

Whether the council has a directly elected mayor, when the mayor's term ends, its political
groups, grade scale and office-attendance policy all change a post's lawful terms. Each value
carries its source; a value nobody has confirmed stays null, and rules that need it stay silent.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator

from postcheck.file_error import FileError
from postcheck.record.grades import normalise_grade
from postcheck.rules.data import DataFileError, RuleData, read_documents, web_address
from postcheck.rules.model import Country
from postcheck.yamlfile import YamlDocument

AUTHORITIES_DIR = "authorities"
DEFAULT_NAME = "default"
# No council in Great Britain has near this many seats (the largest have about 150): a number
# past it is a typing error, and would make every group's share of the council meaningless.
MAX_SEATS = 1_000


class Governance(StrEnum):
    MAYOR_AND_CABINET = "mayor_and_cabinet"
    LEADER_AND_CABINET = "leader_and_cabinet"
    COMMITTEE = "committee_system"


class Sourced(RuleData):
    source: str | None = None
    url: str | None = None

    _public = field_validator("url")(web_address)


class GovernanceFact(Sourced):
    model: Governance | None = None


class MayorTerm(Sourced):
    start: dt.date
    end: dt.date | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> MayorTerm:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"the term ends ({self.end}) on or before it starts ({self.start})")
        return self

    def current_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class PoliticalGroup(Sourced):
    name: str
    seats: int | None = Field(default=None, ge=0, le=MAX_SEATS)
    seats_between: tuple[int, int] | None = Field(
        default=None,
        description="Where sources disagree on the exact number: the fewest and the most seats "
        "they give. Rules decide only what every number in the range decides alike.",
    )
    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None

    @model_validator(mode="after")
    def _range(self) -> PoliticalGroup:
        if self.seats_between is not None:
            low, high = self.seats_between
            if not 0 <= low <= high:
                raise ValueError("seats_between is [fewest, most], fewest at least 0")
            if high > MAX_SEATS:
                raise ValueError(f"seats_between: no council has more than {MAX_SEATS} seats")
            if self.seats is not None:
                raise ValueError("give seats or seats_between, not both")
        if self.from_ is not None and self.to is not None and self.to <= self.from_:
            raise ValueError(f"the group ends ({self.to}) on or before it starts ({self.from_})")
        return self

    def current_on(self, day: dt.date) -> bool:
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day < self.to)

    def seat_range(self, council_seats: int) -> tuple[int, int]:
        """The fewest and most seats the group may hold, as far as its file says."""
        if self.seats is not None:
            return self.seats, self.seats
        return self.seats_between or (0, council_seats)


class GradeBand(RuleData):
    code: str
    lowest_pay: float | None = Field(default=None, ge=0)
    highest_pay: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> GradeBand:
        low, high = self.lowest_pay, self.highest_pay
        if low is not None and high is not None and low > high:
            raise ValueError(f"lowest_pay ({low:,}) is above highest_pay ({high:,})")
        return self


class GradeScale(Sourced):
    grades: list[GradeBand] = Field(default_factory=list)


class AnnualMeeting(Sourced):
    """The day the council held (or has fixed for) its annual meeting in one year."""

    date: dt.date


class AttendancePolicy(Sourced):
    min_office_days: float | None = Field(default=None, ge=0, le=7)


class Authority(RuleData):
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: Country | None = Field(
        default=None,
        description="england or wales; rules for one country only stay silent for the other's "
        "councils. Unknown (null), every rule runs.",
    )
    governance: GovernanceFact = Field(default_factory=GovernanceFact)
    mayor_terms: list[MayorTerm] = Field(default_factory=list)
    seats: int | None = Field(default=None, ge=1, le=MAX_SEATS)
    political_groups: list[PoliticalGroup] | None = None
    grade_scale: GradeScale | None = None
    office_attendance: AttendancePolicy = Field(default_factory=AttendancePolicy)
    annual_meetings: list[AnnualMeeting] = Field(default_factory=list)
    notes: str | None = None

    @field_validator("annual_meetings")
    @classmethod
    def _one_meeting_a_year(cls, meetings: list[AnnualMeeting]) -> list[AnnualMeeting]:
        years = [m.date.year for m in meetings]
        if len(set(years)) != len(years):
            raise ValueError("a council holds one annual meeting a year; a year is listed twice")
        return meetings

    @field_validator("mayor_terms")
    @classmethod
    def _one_mayor_at_a_time(cls, terms: list[MayorTerm]) -> list[MayorTerm]:
        """Terms in order, each ended before the next begins: with two current on one day,
        which one a rule saw would depend on the order of the file."""
        for earlier, later in itertools.pairwise(terms):
            if earlier.end is None or earlier.end > later.start:
                raise ValueError(
                    f"mayor terms overlap: the term from {earlier.start} has not ended when the "
                    f"one from {later.start} begins (list them oldest first)"
                )
        return terms

    @field_validator("political_groups")
    @classmethod
    def _groups_fit_the_council(
        cls, groups: list[PoliticalGroup] | None, info: ValidationInfo
    ) -> list[PoliticalGroup] | None:
        seats = info.data.get("seats")
        if not isinstance(seats, int):
            return groups
        for group in groups or []:
            most = group.seat_range(seats)[1]
            if most > seats:
                raise ValueError(
                    f"group {group.name!r} holds up to {most} seats, more than the council's "
                    f"{seats}"
                )
        return groups

    def mayor_term_on(self, day: dt.date) -> MayorTerm | None:
        return next((t for t in self.mayor_terms if t.current_on(day)), None)

    def groups_on(self, day: dt.date) -> list[PoliticalGroup] | None:
        """The groups on the council on `day`; None when the authority's groups are unknown then."""
        if self.political_groups is None:
            return None
        return [g for g in self.political_groups if g.current_on(day)] or None

    def group_named(self, name: str, day: dt.date) -> PoliticalGroup | None:
        """The group on the council on `day` that `name` names, spelt any usual way."""
        wanted = group_key(name)
        return next((g for g in self.groups_on(day) or [] if group_key(g.name) == wanted), None)

    def group_entitled(self, name: str, day: dt.date) -> bool | None:
        """Whether the group may be allocated a s.9 post on `day` (see entitled_to_s9_post);
        None when the file does not say enough to decide."""
        group = self.group_named(name, day)
        groups = self.groups_on(day)
        if group is None or groups is None or self.seats is None:
            return None
        return entitled_to_s9_post(group, groups, self.seats)

    def annual_meeting_in(self, year: int) -> dt.date | None:
        """The day of the year's annual meeting, where the authority file records it."""
        return next((m.date for m in self.annual_meetings if m.date.year == year), None)

    def annual_meeting_held_year(self, day: dt.date) -> int:
        """The latest year whose annual meeting had certainly been held before `day`.

        A year's meeting is held before `day` when the recorded date (or, without one, the
        latest day the law allows: latest_lawful_annual_meeting) is before it. An appointment
        that ends "at the annual meeting" runs to the end of that day, so on the day itself
        the meeting is not yet past. The previous year's meeting always is.
        """
        last = self.annual_meeting_in(day.year) or latest_lawful_annual_meeting(day.year)
        return day.year if last is not None and last < day else day.year - 1

    def grade(self, code: str) -> GradeBand | None:
        if self.grade_scale is None:
            return None
        wanted = normalise_grade(code)
        return next((g for g in self.grade_scale.grades if normalise_grade(g.code) == wanted), None)


def group_key(name: str) -> str:
    """'the Newham Independents Group' and 'Newham Independents' name the same group."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return " ".join(w for w in words if w not in {"the", "group", "party"})


# --- allocation of s.9 posts -------------------------------------------------------------------
# The posts go to the largest groups that each hold at least one tenth of the council's seats,
# at most three of them (s.9(2)(c)); where only one group reaches a tenth, it and the next
# largest group are entitled (Hansard, written answer, 4 March 2002; the subsection's text is
# UNCONFIRMED). Groups tied for next largest are all taken to qualify (INFERENCE).
S9_POSTS = 3


def entitled_to_s9_post(
    group: PoliticalGroup, groups: Sequence[PoliticalGroup], council_seats: int
) -> bool | None:
    """True or False only when every seat count the groups' files allow gives that answer.

    More seats never hurt a group's claim and more seats for the others never help it, so the
    two extreme cases decide: the group at its most and the others at their fewest, and the
    other way round. Where they differ, or either leaves no group at a tenth, it is undecided."""
    ranges = {id(g): g.seat_range(council_seats) for g in groups}
    verdicts = set()
    for best in (True, False):
        seats = {k: low if best else high for k, (low, high) in ranges.items()}
        seats[id(group)] = ranges[id(group)][1 if best else 0]
        verdicts.add(_entitled(group, groups, seats, council_seats))
    return verdicts.pop() if len(verdicts) == 1 else None


def _entitled(
    group: PoliticalGroup,
    groups: Sequence[PoliticalGroup],
    seats: dict[int, int],
    council_seats: int,
) -> bool | None:
    def tenth(g: PoliticalGroup) -> bool:
        return seats[id(g)] * 10 >= council_seats

    own = seats[id(group)]
    reaching = [g for g in groups if tenth(g)]
    if not reaching:
        return None  # no group reaches a tenth: the sources do not say what follows
    if tenth(group):
        larger = sum(1 for g in reaching if seats[id(g)] > own)
        return larger < S9_POSTS
    if len(reaching) > 1:
        return False
    return all(seats[id(g)] <= own for g in groups if not tenth(g))


# --- the annual meeting ----------------------------------------------------------------------
# Local Government Act 1972, Sch 12 para 1(2): a principal council's annual meeting is held
#   (a) in a year of ordinary elections of its councillors, on the eighth day after the day the
#       councillors retire or another day, fixed by the council, within the 21 days after it;
#   (aa) in a year of a mayoral election that is not a year of ordinary elections, likewise
#       within the 21 days after the day an elected mayor retires;
#   (b) in any other year, on a day in March, April or May fixed by the council.
# Councillors retire on the fourth day after the ordinary day of election (LGA 1972 s.7(1),
# (3) for county and metropolitan district councillors; Sch 2 para 6(3) for London borough
# councillors), and the ordinary day of election is the first Thursday in May unless an order
# fixes another day (Representation of the People Act 1983, s.37(1)).
_RETIREMENT_AFTER_ELECTION = 4  # days
_MEETING_WITHIN = 21  # days after the day of retirement
# Years whose ordinary day of election was not the first Thursday in May, as reported (the
# orders and Acts that moved them were not read: UNCONFIRMED). In them the annual meeting could
# be later than the first-Thursday reckoning allows.
MOVED_ELECTION_DAYS = {
    2001: dt.date(2001, 6, 7),  # Elections Act 2001 (foot-and-mouth outbreak)
    2004: dt.date(2004, 6, 10),  # combined with the European Parliament election
    2009: dt.date(2009, 6, 4),  # combined with the European Parliament election
    2014: dt.date(2014, 5, 22),  # combined with the European Parliament election
}
# Years in which the law's usual timetable did not hold: the May 2020 elections were postponed
# to 2021 (Coronavirus Act 2020, s.60) and the requirement to hold an annual meeting in 2020
# was relaxed by regulations (UNCONFIRMED); no latest day is known for them.
NO_KNOWN_LATEST_DAY = frozenset({2020})


def ordinary_election_day(year: int) -> dt.date:
    """The ordinary day of election of councillors in England: the first Thursday in May,
    unless it is known to have been moved (MOVED_ELECTION_DAYS)."""
    if year in MOVED_ELECTION_DAYS:
        return MOVED_ELECTION_DAYS[year]
    first = dt.date(year, 5, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7)  # Thursday is weekday 3


def latest_lawful_annual_meeting(year: int) -> dt.date | None:
    """The last day on which the law lets a principal council hold the year's annual meeting.

    Whether the year is one of ordinary elections for a given council is not known, so this is
    the later of 31 May (para 1(2)(b)) and the 21st day after the councillors' retirement on
    the fourth day after the ordinary day of election (para 1(2)(a)); a mayor's retirement
    (para 1(2)(aa)) is taken to follow the same timetable (INFERENCE). None for a year with no
    known latest day.
    """
    if year in NO_KNOWN_LATEST_DAY:
        return None
    retirement = ordinary_election_day(year) + dt.timedelta(days=_RETIREMENT_AFTER_ELECTION)
    return max(dt.date(year, 5, 31), retirement + dt.timedelta(days=_MEETING_WITHIN))


class AuthorityFileError(FileError):
    """An authority file that cannot be used, located to the line where known."""


def load_authority(path: Path) -> Authority:
    return _read_authority(path)[0]


def _read_authority(path: Path) -> tuple[Authority, YamlDocument]:
    """The authority in one file, with its YAML document (for the lines of later errors)."""
    try:
        documents = read_documents(path)
    except DataFileError as problem:
        raise AuthorityFileError(path, problem.reason, problem.line) from None
    if len(documents) != 1:
        raise AuthorityFileError(path, "expected exactly one YAML document")
    document = documents[0]
    if not isinstance(document.data, dict):
        found = type(document.data).__name__.replace("NoneType", "nothing")
        raise AuthorityFileError(
            path, f"expected a YAML mapping of the authority's facts, found {found}", document.line
        )
    try:
        return Authority.model_validate(document.data), document
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(map(str, first["loc"]))
        reason = str(first["msg"]).removeprefix("Value error, ")
        raise AuthorityFileError(
            path, f"{where}: {reason}" if where else reason, document.line_of(first["loc"])
        ) from None


@dataclass(frozen=True)
class LoadedAuthority:
    """An authority and the file it was read from (None for the built-in neutral default)."""

    authority: Authority
    path: Path | None


def load_authority_folder(folder: Path) -> list[LoadedAuthority]:
    """Every *.yaml in one folder, in name order. Two files in one folder that claim the same
    name (or alias) would leave it to file order which one a record gets, so that is an error
    naming the second file and the line of the clashing name."""
    if not folder.is_dir():
        raise AuthorityFileError(folder, "not a folder of authority files")
    claimed: dict[str, Path] = {}
    loaded: list[LoadedAuthority] = []
    for path in sorted(folder.glob("*.yaml")):
        authority, document = _read_authority(path)
        names = [("name",), *(("aliases", i) for i in range(len(authority.aliases)))]
        own: set[str] = set()
        for where, name in zip(names, [authority.name, *authority.aliases], strict=True):
            key = _key(name)
            if key in claimed:
                raise AuthorityFileError(
                    path,
                    f"{'.'.join(map(str, where))}: {name!r} is already claimed by "
                    f"{claimed[key]} in the same folder",
                    document.line_of(where),
                )
            own.add(key)
        claimed.update(dict.fromkeys(own, path))
        loaded.append(LoadedAuthority(authority, path))
    return loaded


class AuthorityDirectory:
    """Chooses each record's authority: a forced one, else by the record's authority name.

    A name that matches no file falls back to the default (neutral) context, which leaves the
    authority-dependent rules silent; such names are counted (unmatched) so that the report can
    say so instead of passing over it without a word.
    """

    def __init__(
        self,
        authorities: list[Authority],
        default: Authority,
        forced: Authority | None = None,
        sources: dict[str, Path] | None = None,
    ):
        self.default = default
        self.forced = forced
        self.authorities = list(authorities)
        self.sources = dict(sources or {})  # authority name -> file it came from
        self._by_name = {_key(n): a for a in authorities for n in [a.name, *a.aliases]}
        self._unmatched: Counter[str] = Counter()
        self._spelling: dict[str, str] = {}

    @classmethod
    def load(
        cls, rules_dir: Path, forced: Path | None = None, extra: Sequence[Path] = ()
    ) -> AuthorityDirectory:
        """The authorities bundled with the rules, then those of each extra folder in turn: an
        authority in a later folder replaces an earlier one of the same name (or alias)."""
        folder = rules_dir / AUTHORITIES_DIR
        layers = [load_authority_folder(folder) if folder.is_dir() else []]
        layers += [load_authority_folder(d) for d in extra]
        chosen: list[LoadedAuthority] = []
        for layer in layers:
            for entry in layer:
                keys = {_key(n) for n in [entry.authority.name, *entry.authority.aliases]}
                chosen = [
                    c
                    for c in chosen
                    if not keys & {_key(n) for n in [c.authority.name, *c.authority.aliases]}
                ]
                chosen.append(entry)
        default = next(
            (c.authority for c in chosen if _key(c.authority.name) == DEFAULT_NAME),
            Authority(name=DEFAULT_NAME),
        )
        others = [c for c in chosen if c.authority is not default]
        return cls(
            [c.authority for c in others],
            default,
            load_authority(forced) if forced else None,
            {c.authority.name: c.path for c in chosen if c.path is not None},
        )

    def for_name(self, name: str | None) -> Authority:
        if self.forced is not None:
            return self.forced
        if name is None:
            return self.default
        key = _key(name)
        found = self._by_name.get(key)
        if found is not None:
            return found
        if key and key != DEFAULT_NAME:
            self._unmatched[key] += 1
            self._spelling.setdefault(key, name.strip())
        return self.default

    def take_unmatched(self) -> tuple[Counter[str], dict[str, str]]:
        """The unmatched names counted since the last call, and their spellings, reset: what a
        worker process sends back for the run's own directory to `merge_unmatched`."""
        counts, spellings = self._unmatched, dict(self._spelling)
        self._unmatched = Counter()
        return counts, spellings

    def merge_unmatched(self, counts: Counter[str], spellings: dict[str, str]) -> None:
        self._unmatched.update(counts)
        for key, spelling in spellings.items():
            self._spelling.setdefault(key, spelling)

    def unmatched(self) -> list[tuple[str, int]]:
        """(name as first given, records) for each authority name that matched no file, most
        records first."""
        return sorted(
            ((self._spelling[k], n) for k, n in self._unmatched.items()),
            key=lambda item: (-item[1], item[0]),
        )


@lru_cache(maxsize=4096)  # once per record, over a handful of council names
def _key(name: str) -> str:
    """A name as compared: letters and digits only, case folded, so that "L.B. Newham",
    "LB Newham" and "lb-newham" are one name, however a spreadsheet spelt it."""
    return _NOT_ALNUM.sub("", name.casefold())


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
