"""A post record turned into the fact the rule engine matches, plus the facts derived from it.

Derived facts are the few values a declarative condition cannot compute on its own (how many
different grades a record states, which item numbers repeat, what kind of post the statutory
basis makes it). They are computed here once, typed, and documented in DERIVED_FIELDS; rules read
them under `derived.`. Unknown values are left out of the fact, never written as null.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from postcheck.engine.clause_facts import clause_facts
from postcheck.record import titles
from postcheck.record.dates import PartialDate
from postcheck.record.grades import normalise_grade, suggest_grade
from postcheck.record.model import PostRecord
from postcheck.rules.authorities import (
    DEFAULT_NAME,
    Authority,
    Governance,
    PoliticalGroup,
    group_key,
)

POLITICAL_ASSISTANT = "political_assistant"
MAYORS_ASSISTANT = "mayors_assistant"


@dataclass(frozen=True)
class FieldType:
    """What a fact field holds, so rules are checked against the record's shape at load."""

    kind: str  # str | number | bool | date | object | list
    item: FieldType | None = None
    children: dict[str, FieldType] = field(default_factory=dict)
    description: str = ""


DERIVED_FIELDS: dict[str, FieldType] = {
    "kind": FieldType(
        "str",
        description="political_assistant or mayors_assistant: from the statutory basis where it "
        "names s.9 LGHA 1989 or reg 3 SI 2002/975, else from the job title; absent otherwise.",
    ),
    "kind_by_basis": FieldType("str", description="The kind the cited statutory basis implies."),
    "assistant": FieldType(
        "bool",
        description="True when every reading makes the post a political assistant (s.9 LGHA "
        "1989) or a mayor's assistant (reg 3 SI 2002/975): the basis cites either or both (even "
        "a conflicting basis), or, citing neither, the title makes it one; absent otherwise. "
        "Rules that hold for either kind test this, so a conflicting basis never silences them.",
    ),
    "assistant_by_basis": FieldType(
        "bool",
        description="True when the statutory basis cites s.9 LGHA 1989 or reg 3 SI 2002/975 (or "
        "both); absent otherwise. The basis-only form of `assistant`, for error rules, which must "
        "not rest on the job title.",
    ),
    "kind_by_title": FieldType("str", description="The kind the job title implies."),
    "grade_codes_distinct": FieldType(
        "number", description="How many different grade codes are stated."
    ),
    "grade_suggestion": FieldType(
        "str", description="The grade code probably meant, where a digit was typed for a letter."
    ),
    "attendance_days_distinct": FieldType(
        "number", description="How many different office-day figures the statements give."
    ),
    "statutory_bases_distinct": FieldType(
        "number",
        description="How many different provisions (instrument, kind, number) are cited as the "
        "statutory basis; a citation that names no Act counts apart only when no citation that "
        "does name one has the same kind and number.",
    ),
    "repeated_item_numbers": FieldType(
        "list", item=FieldType("number"), description="Numbers used twice within one numbered list."
    ),
    "grades_outside_scale": FieldType(
        "list",
        item=FieldType("str"),
        description="Grade codes not on the authority's grade scale (only when it is known).",
    ),
    "grade_top_pay": FieldType(
        "number",
        description="Top of the pay range of the stated grade, from the authority's scale.",
    ),
    "grade_bottom_pay": FieldType(
        "number",
        description="Bottom of the pay range of the stated grade, from the authority's scale.",
    ),
    "political_group_known": FieldType(
        "bool", description="Whether the named political group is one the authority lists."
    ),
    "political_group_entitled": FieldType(
        "bool",
        description="Whether the named group may be allocated a s.9 post on the day checked: "
        "one of the three largest groups holding a tenth of the seats, or, where only one group "
        "does, the next largest (rules/authorities.py, entitled_to_s9_post); absent when the "
        "authority's seats and groups do not decide it.",
    ),
    "political_group_seats": FieldType(
        "str",
        description="The seats the named group holds, as the authority file gives them: '5', "
        "or '0 to 1' where sources differ.",
    ),
    # keys the cross-record rules group and compare records by
    "authority": FieldType(
        "str",
        description="The authority the post belongs to, as cross-record rules group posts: the "
        "authority file's name where one matched, else the name as the record gives it.",
    ),
    "title_key": FieldType(
        "str", description="The job title in lower case, punctuation and spacing evened out."
    ),
    "grade_key": FieldType(
        "str",
        description="The post's grade codes, typos read as the code meant, normalised and "
        "joined with ' / ': two posts on one grade have the same key.",
    ),
    "political_group_key": FieldType(
        "str",
        description="The named political group, spelt as one ('the Green Group' and 'Green').",
    ),
}

# Derived facts that only an authority file can supply; with authority_context.* these are what a
# rule "needs from the authority", and a record without them is outside the rule's reach.
AUTHORITY_DERIVED = frozenset(
    {
        "grades_outside_scale",
        "grade_top_pay",
        "grade_bottom_pay",
        "political_group_known",
        "political_group_entitled",
        "political_group_seats",
    }
)

CONTEXT_FIELDS: dict[str, FieldType] = {
    "name": FieldType("str", description="The authority whose context was applied."),
    "country": FieldType(
        "str",
        description="england or wales, where the authority file says; what a rule's "
        "`jurisdictions` is compiled against.",
    ),
    "governance": FieldType(
        "str", description="mayor_and_cabinet, leader_and_cabinet or committee_system."
    ),
    "has_elected_mayor": FieldType(
        "bool", description="Whether the authority has a directly elected mayor."
    ),
    "mayor_term_end": FieldType("date", description="The day the current mayor's term ends."),
    "seats": FieldType("number", description="The number of seats on the council."),
    "min_office_days": FieldType(
        "number", description="The authority's minimum office days policy."
    ),
    "political_groups": FieldType(
        "list", item=FieldType("str"), description="Groups on the council."
    ),
    "annual_meeting_held_year": FieldType(
        "number",
        description="The latest year whose annual meeting (LGA 1972 Sch 12 para 1) had "
        "certainly been held before the day checked: by the date the authority file records "
        "for that year, else once the latest day the law allows for it has passed "
        "(rules/authorities.py, latest_lawful_annual_meeting).",
    ),
}


def _type_of(annotation: Any) -> FieldType:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _type_of(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _type_of(args[0])
    if origin is list:
        return FieldType("list", item=_type_of(typing.get_args(annotation)[0]))
    if isinstance(annotation, type):
        if issubclass(annotation, PartialDate):
            return FieldType("date")
        if issubclass(annotation, BaseModel):
            return FieldType("object", children=_model_fields(annotation))
        if issubclass(annotation, bool):
            return FieldType("bool")
        if issubclass(annotation, int | float):
            return FieldType("number")
        if issubclass(annotation, str | Enum):
            return FieldType("str")
    return FieldType("object")


def _model_fields(model: type[BaseModel]) -> dict[str, FieldType]:
    return {
        name: dataclasses.replace(_type_of(info.annotation), description=info.description or "")
        for name, info in model.model_fields.items()
        if name != "provenance"
    }


CLAUSE_FIELDS: dict[str, FieldType] = {
    "as_written": FieldType("str", description="The sentence the clause is part of, as written."),
    "clause": FieldType("str", description="The clause itself."),
    "phrases": FieldType(
        "list",
        item=FieldType("str"),
        description="Its words normalised (record/wording.py) and every run of up to three, "
        "those that some rule's terms use: what a `says` condition compares its terms with.",
    ),
    "polarity": FieldType(
        "str", description="affirmative, prohibition or negated (record/polarity.py)."
    ),
    "modality": FieldType("str", description="obligation, permission or statement."),
    "line": FieldType("number", description="Line of the sentence in the source."),
    "page": FieldType("number", description="Page of the sentence (PDF)."),
    "paragraph": FieldType("number", description="Paragraph of the sentence (Word)."),
}

FACT_SCHEMA = FieldType(
    "object",
    children=_model_fields(PostRecord)
    | {
        "clauses": FieldType(
            "list",
            item=FieldType("object", children=CLAUSE_FIELDS),
            description="Every clause of the post's text, with what it says; see `says`.",
        ),
        "derived": FieldType("object", children=DERIVED_FIELDS),
        "authority_context": FieldType("object", children=CONTEXT_FIELDS),
    },
)
_DATE_PATHS = tuple(
    name for name, kind in FACT_SCHEMA.children.items() if kind.kind == "date"
) + tuple(
    f"{name}.{child}"
    for name, kind in FACT_SCHEMA.children.items()
    for child, sub in kind.children.items()
    if sub.kind == "date"
)


# The record's own dates, as paths split once: to_fact gives each its earliest and latest day.
_RECORD_DATE_PATHS = tuple(
    tuple(path.split(".")) for path in _DATE_PATHS if path.split(".")[0] in PostRecord.model_fields
)


@lru_cache(maxsize=16384)  # dates repeat across an export, and PartialDate is frozen
def _bounds(date: PartialDate) -> tuple[str, str]:
    return date.earliest.isoformat(), date.latest.isoformat()


# What the engine-safety check (durable_backend.engine_problem) must still look at in a fact.
# The record's own values are bounded by its model: text to MAX_TEXT characters (the engine
# takes 1,000,000), numbers to two places below 10,000,000 (never written with an exponent), and
# its fields flatten to far fewer properties than the engine's limit (a test checks the bound).
# Derived facts and authority context come from computation and authority files, which the
# model does not bound, so only they are walked: the walk was 8% of a run.
UNBOUNDED_PARTS = ("derived", "authority_context")
# A council's context is the same for every post of it on the day: the evaluator walks it once
# per council (and adds what it found to each fact's check), the other parts once per record.
SHARED_PART = "authority_context"


def record_unbounded_parts(fact: dict[str, Any]) -> dict[str, Any]:
    """The unbounded parts of a fact that are its own, not its council's."""
    return {part: fact[part] for part in UNBOUNDED_PARTS if part != SHARED_PART and part in fact}


def needs_authority(path: str) -> bool:
    """Whether a fact field can only be known from the post's authority file."""
    head, _, name = path.partition(".")
    return head == "authority_context" or (head == "derived" and name in AUTHORITY_DERIVED)


def lookup(schema: FieldType, path: str) -> FieldType | None:
    """The type at a dotted path ('.' is a list item itself), or None if there is no such field."""
    if path == ".":
        return schema
    current: FieldType | None = schema
    for part in path.split("."):
        if current is None:
            return None
        if current.kind == "date" and part in ("earliest", "latest", "year", "month", "day"):
            return FieldType("date" if part in ("earliest", "latest") else "number")
        current = current.children.get(part)
    return current


def to_fact(
    record: PostRecord,
    authority: Authority | None = None,
    as_of: dt.date | None = None,
    vocabulary: Set[str] | None = None,
    context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The engine's view of a record: plain JSON values, unknowns dropped, dates given bounds.
    `vocabulary` is the compiled catalogue's: the clause phrases any rule can compare.
    `context` is authority_context(authority, as_of) when the caller already has it: it is the
    same for every post of one council on one day, so a run builds it once per authority and
    its facts share it (read-only)."""
    fact: dict[str, Any] = record.model_dump(mode="json", exclude_none=True, exclude={"provenance"})
    _prune(fact, _RECORD_CONTAINERS)
    for *parents, name in _RECORD_DATE_PATHS:
        shown: Any = fact
        model: Any = record
        for part in parents:
            shown = shown.get(part)
            model = getattr(model, part)
            if shown is None:
                break
        else:
            if name in shown:
                shown[name]["earliest"], shown[name]["latest"] = _bounds(getattr(model, name))
    said = clause_facts(record, vocabulary)
    if said:
        fact["clauses"] = said
    day = as_of or dt.date.today()
    derived = derive(record, authority, day)
    if derived:
        fact["derived"] = derived
    if context is None:
        context = authority_context(authority, day)
    if context:
        fact["authority_context"] = context
    return fact


def authority_context(authority: Authority | None, day: dt.date) -> dict[str, Any]:
    """What the rules may know about the post's authority on `day`; unknowns are left out."""
    if authority is None:
        return {}
    model = authority.governance.model
    term = authority.mayor_term_on(day)
    end = term.end if term else None
    groups = authority.groups_on(day)
    context: dict[str, Any] = {
        "name": authority.name,
        "country": authority.country.value if authority.country else None,
        "governance": model.value if model else None,
        "has_elected_mayor": None if model is None else model is Governance.MAYOR_AND_CABINET,
        "mayor_term_end": (
            {"as_written": end.isoformat(), "earliest": end.isoformat(), "latest": end.isoformat()}
            if end
            else None
        ),
        "min_office_days": authority.office_attendance.min_office_days,
        "seats": authority.seats,
        "political_groups": [g.name for g in groups] if groups else None,
        "annual_meeting_held_year": authority.annual_meeting_held_year(day),
    }
    return {k: v for k, v in context.items() if v is not None}


def derive(
    record: PostRecord, authority: Authority | None = None, day: dt.date | None = None
) -> dict[str, Any]:
    """What the rules compare that the record only implies: the kind of post, grade keys,
    counts of distinct values. The parts that depend on a few values an export repeats (its
    titles, grade codes, citations) are worked out once per distinct value."""
    codes = tuple(g.code for g in record.grade if g.code)
    by_basis, basis_kinds, bases = _basis_facts(
        tuple((c.instrument, c.kind, c.number) for c in record.statutory_basis if c.number)
    )
    by_title, title_key = _title_facts(record.title)
    codes_distinct, suggestion, grade_key = _grade_facts(codes)
    statements = record.office_attendance.statements
    days = {s.days_per_week for s in statements if s.days_per_week is not None}
    repeated = (
        sorted(
            {
                number
                for numbered in record.numbered_lists
                for number, count in Counter(i.number for i in numbered.items).items()
                if count > 1
            }
        )
        if record.numbered_lists
        else None
    )
    derived: dict[str, Any] = {
        "kind": by_basis or by_title,
        "kind_by_basis": by_basis,
        # either kind of assistant: the basis decides when it names one (or both), else the title
        "assistant": True if basis_kinds or by_title else None,
        "assistant_by_basis": True if basis_kinds else None,
        "kind_by_title": by_title,
        # a typo and the code it stands for are one grade, reported by grade-code-typo
        "grade_codes_distinct": codes_distinct,
        "grade_suggestion": suggestion,
        "attendance_days_distinct": len(days) if days else None,
        "statutory_bases_distinct": bases or None,
        "repeated_item_numbers": repeated or None,
        "authority": _authority_name(record, authority),
        "title_key": title_key,
        "grade_key": grade_key,
        "political_group_key": group_key(record.political_group)
        if record.political_group
        else None,
    }
    if authority is not None:
        derived.update(_authority_derived(record, authority, codes, day or dt.date.today()))
    return {k: v for k, v in derived.items() if v is not None}


_Basis = tuple[str | None, str | None, str]  # (instrument, kind, number) of one citation


@lru_cache(maxsize=4096)
def _basis_facts(bases: tuple[_Basis, ...]) -> tuple[str | None, frozenset[str], int]:
    """(the kind of post the basis makes it, every kind it names, distinct provisions)."""
    kinds = _kinds_by_basis(bases)
    return (next(iter(kinds)) if len(kinds) == 1 else None), kinds, _distinct_bases(bases)


@lru_cache(maxsize=8192)
def _title_facts(title: str | None) -> tuple[str | None, str | None]:
    """(the kind of post the title suggests, the title as grouped: its words, case folded)."""
    return _kind_by_title(title), (_words(title) if title else None)


@lru_cache(maxsize=4096)
def _grade_facts(codes: tuple[str, ...]) -> tuple[int | None, str | None, str | None]:
    """(distinct grades, a typo and its code counted once; the code a typo stands for; the
    grades as grouped)."""
    meant = [suggest_grade(c) for c in codes]
    return (
        len({m or c for m, c in zip(meant, codes, strict=True)}) or None,
        next((m for m in meant if m), None),
        " / ".join(sorted({normalise_grade(m or c) for m, c in zip(meant, codes, strict=True)}))
        or None,
    )


def _authority_derived(
    record: PostRecord, authority: Authority, codes: tuple[str, ...], day: dt.date
) -> dict[str, Any]:
    derived: dict[str, Any] = {}
    if authority.grade_scale is not None and authority.grade_scale.grades:
        derived["grades_outside_scale"] = [c for c in codes if authority.grade(c) is None] or None
        band = next((b for b in map(authority.grade, codes) if b is not None), None)
        derived["grade_top_pay"] = band.highest_pay if band else None
        derived["grade_bottom_pay"] = band.lowest_pay if band else None
    if record.political_group and authority.groups_on(day) is not None:
        group = authority.group_named(record.political_group, day)
        derived["political_group_known"] = group is not None
        derived["political_group_entitled"] = authority.group_entitled(record.political_group, day)
        derived["political_group_seats"] = _seats(group) if group else None
    return derived


def _distinct_bases(bases: tuple[_Basis, ...]) -> int:
    """Different provisions cited as the basis. "s.9" alone and "s.9 LGHA 1989" are one
    provision: a citation naming no Act is counted only when no named-Act citation matches it."""
    named = {basis for basis in bases if basis[0]}
    unnamed = {
        (kind, number)
        for instrument, kind, number in bases
        if not instrument and not any((k, n) == (kind, number) for _, k, n in named)
    }
    return len(named) + len(unnamed)


def _seats(group: PoliticalGroup) -> str | None:
    if group.seats is not None:
        return str(group.seats)
    if group.seats_between is not None:
        return "{} to {}".format(*group.seats_between)
    return None


def _authority_name(record: PostRecord, authority: Authority | None) -> str | None:
    if authority is not None and authority.name != DEFAULT_NAME:
        return authority.name
    return " ".join(record.authority.split()) if record.authority else None


def _words(text: str) -> str | None:
    return " ".join(_WORD.findall(text.casefold())) or None


_WORD = re.compile(r"[^\W_]+")


def _kinds_by_basis(bases: tuple[_Basis, ...]) -> frozenset[str]:
    """Every kind of post the cited basis names (s.9 LGHA 1989, reg 3 SI 2002/975)."""
    kinds = set()
    for key in bases:
        if key == ("LGHA 1989", "section", "9"):
            kinds.add(POLITICAL_ASSISTANT)
        if key[0] == "SI 2002/975" and key[2] == "3":
            kinds.add(MAYORS_ASSISTANT)
    return frozenset(kinds)


def _kind_by_title(title: str | None) -> str | None:
    """The kind the job title suggests (record/titles.py says which titles count)."""
    return titles.kind(title)


# Where a dumped record can hold an empty list or object: the record model's containers, and
# the containers inside them, worked out once from its schema. Pruning walks only these.
_Plan = dict[str, "_Plan"]


def _container_plan(children: dict[str, FieldType]) -> _Plan:
    plan: _Plan = {}
    for name, kind in children.items():
        if kind.kind == "object":
            plan[name] = _container_plan(kind.children)
        elif kind.kind == "list":
            item = kind.item
            plan[name] = _container_plan(item.children) if item and item.kind == "object" else {}
    return plan


def _prune(mapping: dict[str, Any], plan: _Plan) -> None:
    """Drops empty lists and objects, in place: they are unknowns too, and the engine must see
    them as missing. Only the containers the plan names are visited (this runs once per
    record on the hot path, on a dump made for it)."""
    for key, inner in plan.items():
        value = mapping.get(key)
        if value is None:
            continue
        if type(value) is dict:
            if inner:
                _prune(value, inner)
            if not value:
                del mapping[key]
        elif type(value) is list:
            if not value:
                del mapping[key]
            elif inner:
                for item in value:
                    if type(item) is dict:
                        _prune(item, inner)


_RECORD_CONTAINERS = _container_plan(_model_fields(PostRecord))


def value_at(data: Any, path: str) -> Any:
    """A dotted path into a fact or any plain data; '.' is the data itself; list items by number."""
    if path == ".":
        return data
    current = data
    for part in path.split("."):
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current
