"""Violations: what a rule found in a record, worded for people and located for tools."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.facts import value_at
from postcheck.engine.locate import matched_items
from postcheck.engine.set_pass import BrokenSet, Member
from postcheck.fingerprint import fingerprint, post_identity, rule_version
from postcheck.record.model import PostRecord
from postcheck.rules.conditions import parse_period
from postcheck.rules.model import Rule, SetRule
from postcheck.rules.parameters import ParameterValue

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)\}")


@dataclass(frozen=True)
class Violation:
    rule_id: str
    severity: str
    area: str
    title: str
    message: str
    citation: str
    url: str
    field: str
    fix: str
    source: str
    index: int | None
    line: int | None
    post_number: str | None
    record_label: str
    # a cross-record finding: every record of the set, in input order; the fields above then
    # point at the first of them
    records: tuple[Member, ...] = ()
    page: int | None = None  # the page of the field at fault, for paged documents (PDF)
    # the post, as baselines and waivers name it (fingerprint.post_identity); for a set, the
    # values it is grouped by
    post: str = ""
    # what the finding rests on, as written (the matched sentence, citation or value): with the
    # post's identity and the rule's version, what its fingerprint is made of
    evidence: str = ""
    fingerprint: str = ""  # see fingerprint.py; set once the run knows the rule versions
    # why it does not count towards the exit status: a waiver, or a baseline that lists it
    suppression: Suppression | None = None
    baseline: str | None = None  # "new" or "unchanged" when the run has a baseline
    # the post's context, so a report can group findings by council or directorate unjoined
    authority: str | None = None
    post_title: str | None = None
    directorate: str | None = None
    service_area: str | None = None
    grade: str | None = None

    @property
    def counts(self) -> bool:
        """Whether the finding counts towards the exit status: not waived, not baselined."""
        return self.suppression is None


def as_plain(violation: Violation) -> dict[str, Any]:
    """The violation as plain data for machine reports: what dataclasses.asdict gives, without
    its deep copy of every value (a tenth of a run with several findings per record went there).
    The fields are the dataclass's own, so a new field reaches every report."""
    data = {name: getattr(violation, name) for name in _VIOLATION_FIELDS}
    data["records"] = [
        {name: getattr(member, name) for name in _MEMBER_FIELDS} for member in violation.records
    ]
    suppression = violation.suppression
    data["suppression"] = (
        None
        if suppression is None
        else {name: getattr(suppression, name) for name in _SUPPRESSION_FIELDS}
    )
    return data


@dataclass(frozen=True)
class Suppression:
    """Why a finding is reported but does not fail the run (SARIF's `suppressions`)."""

    kind: str  # "waiver" (a reviewed waiver file) or "baseline" (known when adopted)
    justification: str
    approver: str | None = None
    expires: str | None = None  # ISO date of a waiver's expiry
    ticket: str | None = None
    location: str | None = None  # file:line of the waiver or the baseline


@dataclass(frozen=True)
class RunContext:
    """What messages may cite besides the record: the day judged and the parameters then.
    Built once per run, not per violation."""

    as_of: dt.date
    parameters: dict[str, ParameterValue]
    placeholders: dict[str, Any]
    versions: dict[str, str] = field(default_factory=dict)  # rule id -> rule_version


def message_context(catalogue: CompiledCatalogue) -> RunContext:
    compiled: list[Rule | SetRule] = [
        *(c.rule for c in catalogue.rules.values()),
        *(c.rule for c in catalogue.sets.values()),
    ]
    return RunContext(
        catalogue.as_of,
        catalogue.parameter_values,
        {
            "as_of": catalogue.as_of.isoformat(),
            "param": {k: _humane(v) for k, v in catalogue.parameter_values.items()},
        },
        {rule.id: rule_version(rule) for rule in compiled},
    )


def build_violation(
    rule: Rule, record: PostRecord, fact: dict[str, Any], context: RunContext
) -> Violation:
    """`fact` is the record as the engine saw it, so messages show the values that were judged;
    `{list.match.x}` names the item of the list that made the rule fire."""
    matches = matched_items(rule, fact, context.parameters, context.as_of)
    evidence = (
        evidence_of(fact, rule.evidence, None)
        if rule.evidence
        else evidence_of(fact, rule.field, matches.get(rule.field))
    )
    post = post_identity(
        value_at(fact, "derived.authority"),
        record.post_number,
        record.title,
        record.provenance.file,
    )
    return Violation(
        rule_id=rule.id,
        severity=rule.severity.value,
        area=rule.area.value,
        title=rule.title,
        message=render(rule.message, fact, context.placeholders, matches),
        citation="; ".join(c.text for c in rule.citations),
        url=rule.citations[0].url,
        field=rule.field,
        fix=render(rule.remediation, fact, context.placeholders, matches),
        source=record.provenance.file,
        index=record.provenance.index,
        line=line_of(record, rule.field, matches.get(rule.field), fact),
        post_number=record.post_number,
        record_label=record.label,
        page=page_of(record, rule.field, matches.get(rule.field), fact),
        post=post,
        evidence=evidence,
        fingerprint=fingerprint(post, rule.id, context.versions.get(rule.id, ""), evidence),
        authority=value_at(fact, "derived.authority") or record.authority,
        post_title=record.title,
        directorate=record.directorate,
        service_area=record.service_area,
        grade=next((g.as_written or g.code for g in record.grade if g.as_written or g.code), None),
    )


def evidence_of(fact: dict[str, Any], field: str, item: int | None) -> str:
    """The words the finding rests on, as a fingerprint needs them: the matched item's text as
    written; else the field's value, without where it was written (line, page), which layout
    changes. A finding about a list as a whole (leftover markup anywhere in the text) rests on
    the list being there, not on how the layout cut it into pieces: its evidence is empty."""
    value = value_at(fact, f"{field}.{item}") if item is not None else value_at(fact, field)
    if isinstance(value, dict):
        written = value.get("as_written") or value.get("clause")
        if written:
            return str(written)
        return json.dumps(_without_places(value), sort_keys=True, ensure_ascii=False)
    if isinstance(value, list):
        if any(isinstance(v, dict) and "as_written" in v for v in value):
            return ""
        return json.dumps(_without_places(value), sort_keys=True, ensure_ascii=False)
    return "" if value is None else _plain(value)


_PLACES = frozenset({"line", "page", "paragraph", "region"})


def _without_places(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_places(v) for k, v in value.items() if k not in _PLACES}
    if isinstance(value, list):
        return [_without_places(v) for v in value]
    return value


def page_of(
    record: PostRecord, field: str, item: int | None = None, fact: dict[str, Any] | None = None
) -> int | None:
    """The page a field came from, for documents with pages; else None."""
    if fact is not None and item is not None:
        page = value_at(fact, f"{field}.{item}.page")
        if isinstance(page, int):
            return page
    for path in ([f"{field}.{item}"] if item is not None else []) + [field]:
        located = record.provenance.fields.get(path)
        if located and located.page:
            return located.page
    value = value_at(fact or {}, field)
    if isinstance(value, dict) and isinstance(value.get("page"), int):
        return int(value["page"])
    return None


def build_set_violation(broken: BrokenSet, context: RunContext) -> Violation:
    """One finding for a set of records that breaks a cross-record rule. Its message may cite
    the set's group_by values by their paths, `{count}` (posts), `{records}` and, for each
    field a `distinct` test compares, `{distinct.<field>}` (its different values)."""
    rule = broken.rule
    values: dict[str, Any] = {"count": broken.posts, "records": len(broken.members)}
    for path, value in broken.key.items():
        _put(values, path, value)
    for path, found in broken.distinct.items():
        _put(values, f"distinct.{path}", [f'"{v}"' for v in found])
    first = broken.members[0]
    post = " · ".join(broken.key.values())
    evidence = "; ".join(sorted({m.post_number or m.label for m in broken.members}))
    return Violation(
        rule_id=rule.id,
        severity=rule.severity.value,
        area=rule.area.value,
        title=rule.title,
        message=render(rule.message, values, context.placeholders),
        citation="; ".join(c.text for c in rule.citations),
        url=rule.citations[0].url,
        field=rule.field,
        fix=render(rule.remediation, values, context.placeholders),
        source=first.source,
        index=first.index,
        line=first.line,
        post_number=broken.key.get("post_number"),
        record_label=" · ".join(broken.key.values()),
        records=tuple(broken.members),
        post=post,
        evidence=evidence,
        fingerprint=fingerprint(post, rule.id, context.versions.get(rule.id, ""), evidence),
        authority=broken.key.get("derived.authority"),
    )


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, name = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[name] = value


def render(
    template: str,
    fact: dict[str, Any],
    placeholders: dict[str, Any],
    matches: dict[str, int] | None = None,
) -> str:
    """Fill {dotted.path} placeholders from the record's fact; unknown values read 'unknown'."""
    parts = _split_template(template)
    out = []
    for position, part in enumerate(parts):
        if position % 2 == 0:
            out.append(part)
            continue
        found = _get(fact, part, matches or {})
        if found is None:
            found = _get(placeholders, part, {})
        out.append("unknown" if found is None else _plain(found))
    return "".join(out)


@lru_cache(maxsize=1024)
def _split_template(template: str) -> tuple[str, ...]:
    """Text and placeholder names, alternating; parsed once per template."""
    return tuple(PLACEHOLDER.split(template))


def line_of(
    record: PostRecord, field: str, item: int | None = None, fact: dict[str, Any] | None = None
) -> int | None:
    """The line a field came from (the given item's, for a list), else the record's start.
    A list the engine's fact builds (`clauses`) carries its items' lines in the fact."""
    if fact is not None and item is not None:
        line = value_at(fact, f"{field}.{item}.line")
        if isinstance(line, int):
            return line
    for path in ([f"{field}.{item}"] if item is not None else []) + [field]:
        located = record.provenance.fields.get(path)
        if located and located.line:
            return located.line
    current: Any = record
    for part in field.split("."):
        current = getattr(current, part, None)
        if isinstance(current, list):
            chosen = current[item] if item is not None and item < len(current) else None
            current = chosen or next((m for m in current if getattr(m, "line", None)), None)
        line = getattr(current, "line", None)
        if isinstance(line, int):
            return line
    return record.provenance.line


def _get(data: Any, path: str, matches: dict[str, int]) -> Any:
    """A dotted path; after a list, `match` is the item that made the rule fire."""
    current = data
    walked: list[str] = []
    for part in path.split("."):
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and part == "match":
            index = matches.get(".".join(walked))
            current = current[index] if index is not None and index < len(current) else None
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
        walked.append(part)
    return current


def _humane(value: Any) -> Any:
    """Periods as people say them: P2Y -> 2 years."""
    if isinstance(value, str) and value.startswith("P"):
        try:
            years, months, days = parse_period(value)
        except ValueError:
            return value
        parts = [(years, "year"), (months, "month"), (days, "day")]
        return ", ".join(f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n)
    return value


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if value >= 10_000 else str(value)
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("as_written") or value.get("code") or value)
    return str(value)


_VIOLATION_FIELDS = tuple(f.name for f in dataclasses.fields(Violation))
_MEMBER_FIELDS = tuple(f.name for f in dataclasses.fields(Member))
_SUPPRESSION_FIELDS = tuple(f.name for f in dataclasses.fields(Suppression))
