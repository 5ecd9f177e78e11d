"""`postcheck verify`: a rules folder checked before anyone relies on it.

A council that writes its own rules needs what the bundled ones get from the test suite: every
rule's `examples` judged on the real engine (a fail record must fire the rule, a pass record must
not), and the engine held to the Python reading of each rule (engine/locate.py `holds`) on those
records and on variants made from them, since a compiler mistake shows as the two disagreeing.
The test suite judges the bundled examples through `ExampleJudge` too, so the command and the
suite cannot drift apart.

Examples are judged as `postcheck check` judges records: the whole catalogue compiled for the
example's day (`examples.as_of`, else the default day), each record with the authority it names
among the folder's authority files and any others given.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from postcheck.check import RecordResult, SetResult, build_evaluator, compile_for_run, run
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.evaluate import Evaluator, Judged
from postcheck.engine.locate import holds
from postcheck.exit_codes import ExitCode
from postcheck.record.model import PostRecord
from postcheck.rules.authorities import DEFAULT_NAME, AuthorityDirectory
from postcheck.rules.catalogue import Catalogue, load_catalogue
from postcheck.rules.model import AnyRule, RecordSet

Verdict = Literal["fail", "pass"]
# Variants made per rule for the agreement check: enough to cross every field of a rule's fail
# examples with its pass examples' (where the boundary lies), few enough that a folder of fifty
# rules verifies in seconds.
DEFAULT_VARIANTS = 32


@dataclass(frozen=True)
class ExampleFailure:
    """An example judged otherwise than its rule declares."""

    verdict: Verdict
    number: int  # its position among the rule's fail or pass examples, from 0
    where: str  # file:line of the example
    day: dt.date
    fired: bool | None  # None: it could not be judged (see note)
    note: str = ""  # why: the rule is not in force that day, the record is not valid, ...

    def describe(self) -> str:
        expected = "a finding" if self.verdict == "fail" else "no finding"
        if self.fired is None:
            got = "it could not be judged"
        else:
            got = "it fires" if self.fired else "it does not fire"
        note = f" ({self.note})" if self.note else ""
        return (
            f"{self.verdict} example {self.number} ({self.where}), on {self.day.isoformat()}: "
            f"expected {expected}, but {got}{note}"
        )


@dataclass(frozen=True)
class Origin:
    """Where a record of the agreement check came from: an example, or a variant of one."""

    rule_id: str
    verdict: Verdict
    number: int
    where: str
    member: int | None = None  # the record's place in a cross-record example's set
    variant: str = ""  # how it differs from the example, e.g. "without `grade`"

    def describe(self) -> str:
        member = f" record {self.member}" if self.member is not None else ""
        variant = f", {self.variant}" if self.variant else ""
        return (
            f"{self.verdict} example {self.number}{member} of {self.rule_id} "
            f"({self.where}){variant}"
        )


@dataclass(frozen=True)
class Disagreement:
    """A record on which the engine's verdict for a rule differs from the Python reading."""

    rule_id: str
    origin: Origin
    day: dt.date
    engine: bool  # the engine finds the rule broken (a cross-record rule: counts the record)

    def describe(self) -> str:
        engine, python = ("fires", "does not") if self.engine else ("does not fire", "does")
        return f"the engine {engine}, the Python reading {python}, on {self.origin.describe()}"


@dataclass(frozen=True)
class RuleReport:
    rule_id: str
    path: str
    examples: int  # examples judged
    failures: tuple[ExampleFailure, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def status(self) -> str:
        """ "ok", "failing example", "disagreement", or both problems."""
        problems = [
            name
            for name, found in (
                ("failing example", self.failures),
                ("disagreement", self.disagreements),
            )
            if found
        ]
        return " and ".join(problems) or "ok"

    @property
    def ok(self) -> bool:
        return not self.failures and not self.disagreements


@dataclass(frozen=True)
class Verification:
    directory: Path
    default_day: dt.date
    rules: tuple[RuleReport, ...]
    compared: int  # records the engine and the Python reading were compared on
    variants: int  # of which made from examples

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.rules)

    def exit_status(self) -> int:
        """0 when every rule verifies, 1 otherwise (a folder that does not load raises: 2)."""
        return ExitCode.CLEAN if self.ok else ExitCode.VIOLATIONS


class ExampleJudge:
    """Judges rule examples on the real engine, one engine ruleset per day (each costs about a
    megabyte the engine never gives back, so they are made once). `evaluators` may supply the
    engines, for a caller that already holds one per day (the test suite)."""

    def __init__(
        self,
        catalogue: Catalogue,
        authorities: AuthorityDirectory,
        evaluators: Callable[[dt.date], Evaluator] | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.authorities = authorities
        self._supplied = evaluators
        self._made: dict[dt.date, Evaluator] = {}

    def evaluator(self, day: dt.date) -> Evaluator:
        found = self._made.get(day)
        if found is None:
            if self._supplied is not None:
                found = self._supplied(day).with_authorities(self.authorities)
            else:
                compiled = compile_for_run(self.catalogue, day)
                found = build_evaluator(self.catalogue, compiled, self.authorities)
            self._made[day] = found
        return found

    def compiled(self, day: dt.date) -> CompiledCatalogue:
        return self.evaluator(day).catalogue

    def fires(self, rule: AnyRule, example: dict[str, Any] | RecordSet, day: dt.date) -> bool:
        """Whether the rule finds its example (a record, or a set of records) in breach on
        `day`. Raises ValidationError for an example that is not a valid record, ValueError
        for one the engine cannot take."""
        if isinstance(example, RecordSet):
            posts = [PostRecord.model_validate(r) for r in example.records]
            return self._set_fires(rule, posts, day)
        (verdict,) = self._rule_ids([PostRecord.model_validate(example)], day)
        if isinstance(verdict, str):
            raise ValueError(verdict)
        return rule.id in verdict

    def check(self, rule: AnyRule, default_day: dt.date) -> list[ExampleFailure]:
        """The rule's examples judged otherwise than it declares (none: all as declared). The
        records of a per-post rule go to the engine in one batch."""
        day = rule.examples.as_of or default_day
        failures: list[ExampleFailure] = []
        judged: list[tuple[Verdict, int, PostRecord | list[PostRecord]]] = []
        for verdict, number, example in _examples(rule):
            where = example_place(self.catalogue, rule.id, verdict, number)
            records = example.records if isinstance(example, RecordSet) else [example]
            try:
                valid = [PostRecord.model_validate(r) for r in records]
            except ValidationError as error:
                note = f"not a valid record: {_first_problem(error)}"
                failures.append(ExampleFailure(verdict, number, where, day, None, note))
                continue
            judged.append((verdict, number, valid if isinstance(example, RecordSet) else valid[0]))
        single = [posts for _, _, posts in judged if isinstance(posts, PostRecord)]
        found = iter(self._rule_ids(single, day))
        for verdict, number, posts in judged:
            where = example_place(self.catalogue, rule.id, verdict, number)
            fired: bool | str = (
                self._set_fires(rule, posts, day)
                if isinstance(posts, list)
                else _has(next(found), rule.id)
            )
            if isinstance(fired, str):
                failures.append(ExampleFailure(verdict, number, where, day, None, fired))
            elif fired is not (verdict == "fail"):
                judged_posts = posts if isinstance(posts, list) else [posts]
                note = self._why_silent(rule, day) or self._unknown_councils(judged_posts)
                failures.append(ExampleFailure(verdict, number, where, day, fired, note))
        return sorted(failures, key=lambda f: (f.verdict != "fail", f.number))

    def _why_silent(self, rule: AnyRule, day: dt.date) -> str:
        return self.compiled(day).not_applicable.get(rule.id, "")

    def _unknown_councils(self, posts: list[PostRecord]) -> str:
        """A council the example names but no authority file describes: judged in the
        neutral default context, where rules that need the council's facts stay silent. The
        commonest reason a custom folder's examples fail is a missing --authorities."""
        directory = self.authorities
        unknown = sorted(
            {
                p.authority
                for p in posts
                if p.authority
                and p.authority.strip().casefold() != DEFAULT_NAME
                and directory.for_name(p.authority) is directory.default
            }
        )
        if not unknown:
            return ""
        names = ", ".join(repr(n) for n in unknown)
        return f"no authority file describes {names}: give its folder with --authorities"

    def _rule_ids(self, posts: list[PostRecord], day: dt.date) -> list[list[str] | str]:
        """For each record, the rules it breaks, as the engine judges it (what a check run's
        findings are made from), or why the engine cannot take it."""
        return [
            j.rule_ids if isinstance(j, Judged) else j.reason
            for j in self.evaluator(day).judge(posts)
        ]

    def _set_fires(self, rule: AnyRule, posts: list[PostRecord], day: dt.date) -> bool:
        """Whether a set of records, judged together as a check run judges them, breaks the
        rule. Raises ValueError for a record the engine cannot take."""
        evaluator = self.evaluator(day)
        fired = False
        for finding in run(posts, evaluator.catalogue, evaluator=evaluator):
            if isinstance(finding, RecordResult | SetResult):
                fired = fired or any(v.rule_id == rule.id for v in finding.violations)
            else:
                raise ValueError(finding.reason)
        return fired


def _has(rule_ids: list[str] | str, rule_id: str) -> bool | str:
    return rule_ids if isinstance(rule_ids, str) else rule_id in rule_ids


def _examples(rule: AnyRule) -> Iterator[tuple[Verdict, int, dict[str, Any] | RecordSet]]:
    sides: list[tuple[Verdict, Sequence[dict[str, Any] | RecordSet]]] = [
        ("fail", rule.examples.fail),
        ("pass", rule.examples.pass_),
    ]
    for verdict, examples in sides:
        for number, example in enumerate(examples):
            yield verdict, number, example


def _first_problem(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    path = ".".join(str(p) for p in first["loc"])
    return f"{path}: {first['msg']}" if path else str(first["msg"])


def verify_folder(
    directory: Path,
    authorities: Sequence[Path] = (),
    default_day: dt.date | None = None,
    variants: int = DEFAULT_VARIANTS,
) -> Verification:
    """Every rule of the folder verified. Raises RuleFileError (a ValueError naming the file
    and line) when the folder does not load or a rule does not compile for a day, and
    AuthorityFileError (also a ValueError) for a broken authority file."""
    catalogue = load_catalogue(directory)
    directory_of_councils = AuthorityDirectory.load(directory, extra=authorities)
    judge = ExampleJudge(catalogue, directory_of_councils)
    return verify_catalogue(judge, default_day or dt.date.today(), variants)


def verify_catalogue(judge: ExampleJudge, default_day: dt.date, variants: int) -> Verification:
    catalogue = judge.catalogue
    failures = {r.id: judge.check(r, default_day) for r in catalogue.all_rules}
    disagreements: dict[str, list[Disagreement]] = {r.id: [] for r in catalogue.all_rules}
    records = list(_records(catalogue, default_day, variants))
    for found in _agreement(judge, records):
        disagreements[found.rule_id].append(found)
    reports = tuple(
        RuleReport(
            rule.id,
            str(catalogue.path_of(rule.id)),
            len(rule.examples.fail) + len(rule.examples.pass_),
            tuple(failures[rule.id]),
            tuple(disagreements[rule.id]),
        )
        for rule in catalogue.all_rules
    )
    made = sum(1 for _, origin, _ in records if origin.variant)
    return Verification(catalogue.directory, default_day, reports, len(records), made)


def example_place(catalogue: Catalogue, rule_id: str, verdict: Verdict, number: int) -> str:
    """file:line of one example in its rule file."""
    located = catalogue.error_at(rule_id, ("examples", verdict, number), "")
    return f"{located.path}:{located.line}" if located.line else str(located.path)


# -- the engine against the Python reading -------------------------------------------------


def _records(
    catalogue: Catalogue, default_day: dt.date, limit: int
) -> Iterator[tuple[dt.date, Origin, PostRecord]]:
    """Every valid example record, and up to `limit` valid variants of each rule's examples,
    each with the day its rule's examples are judged on. Invalid ones are left out here: the
    example check reports an invalid example."""
    for rule in catalogue.all_rules:
        day = rule.examples.as_of or default_day
        written = list(_example_records(catalogue, rule))
        seen: set[str] = set()
        for origin, data in written:
            seen.add(_canonical(data))
            post = _valid(data)
            if post is not None:
                yield day, origin, post
        made = 0
        for origin, data in _variants(written):
            if made >= limit:
                break
            key = _canonical(data)
            post = _valid(data) if key not in seen else None
            seen.add(key)
            if post is not None:
                made += 1
                yield day, origin, post


def _example_records(
    catalogue: Catalogue, rule: AnyRule
) -> Iterator[tuple[Origin, dict[str, Any]]]:
    for verdict, number, example in _examples(rule):
        where = example_place(catalogue, rule.id, verdict, number)
        if isinstance(example, RecordSet):
            for member, record in enumerate(example.records):
                yield Origin(rule.id, verdict, number, where, member), record
        else:
            yield Origin(rule.id, verdict, number, where), example


def _variants(
    written: list[tuple[Origin, dict[str, Any]]],
) -> Iterator[tuple[Origin, dict[str, Any]]]:
    """Records near the examples, where a compiler mistake would show: first each example
    with one field (to two levels deep) taken from another example, fail crossed with pass
    where the rule's boundary lies; then each with one field left out; then each list cut to
    its first item, or emptied."""
    for origin, data in written:
        for other_origin, other in written:
            if other is data:
                continue
            for path in _paths(other):
                value = _at(other, path)
                if _at(data, path) != value:
                    label = f"with `{'.'.join(path)}` from {other_origin.verdict} example "
                    label += str(other_origin.number)
                    yield _varied(origin, label), _with(data, path, value)
    for origin, data in written:
        for path in _paths(data):
            yield _varied(origin, f"without `{'.'.join(path)}`"), _with(data, path, _GONE)
    for origin, data in written:
        for path in _paths(data):
            value = _at(data, path)
            if isinstance(value, list) and value:
                if len(value) > 1:
                    yield (
                        _varied(origin, f"`{'.'.join(path)}` cut to its first item"),
                        _with(data, path, value[:1]),
                    )
                yield _varied(origin, f"`{'.'.join(path)}` empty"), _with(data, path, [])


def _varied(origin: Origin, how: str) -> Origin:
    return Origin(origin.rule_id, origin.verdict, origin.number, origin.where, origin.member, how)


_GONE = object()


def _paths(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """Each field, and each field of a mapping field: the two levels examples vary on."""
    found: list[tuple[str, ...]] = []
    for key, value in data.items():
        found.append((key,))
        if isinstance(value, dict):
            found += [(key, inner) for inner in value]
    return found


def _at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    current: Any = data
    for part in path:
        if not isinstance(current, dict) or part not in current:
            return _GONE
        current = current[part]
    return current


def _with(data: dict[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """A copy of data with the value at path replaced (or removed, for _GONE)."""
    head, *rest = path
    copy = dict(data)
    if rest:
        inner = copy.get(head)
        copy[head] = _with(inner if isinstance(inner, dict) else {}, tuple(rest), value)
    elif value is _GONE:
        copy.pop(head, None)
    else:
        copy[head] = value
    return copy


def _canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, default=str)


def _valid(data: dict[str, Any]) -> PostRecord | None:
    try:
        return PostRecord.model_validate(data)
    except ValidationError:
        return None


def _agreement(
    judge: ExampleJudge, records: list[tuple[dt.date, Origin, PostRecord]]
) -> Iterator[Disagreement]:
    """Each record judged by the engine on its day and read in Python, on the very fact the
    engine saw: they must agree. An example is compared on every rule in force that day (as
    the test suite does); a variant, made around one rule's boundary, on that rule."""
    for day in sorted({day for day, _, _ in records}):
        evaluator = judge.evaluator(day)
        compiled = evaluator.catalogue
        values = compiled.parameter_values
        todays = [(origin, post) for d, origin, post in records if d == day]
        judged = evaluator.judge(post for _, post in todays)
        for (origin, _), verdict in zip(todays, judged, strict=True):
            if not isinstance(verdict, Judged):
                continue  # the engine cannot take it: an example says so in its own check
            yield from _disagreements(verdict, compiled, values, origin, day)


def _disagreements(
    judged: Judged,
    compiled: CompiledCatalogue,
    values: dict[str, Any],
    origin: Origin,
    day: dt.date,
) -> Iterator[Disagreement]:
    every: Iterable[tuple[str, AnyRule, bool]] = [
        *((i, c.rule, i in judged.rule_ids) for i, c in compiled.rules.items()),
        *((i, c.rule, i in judged.set_rule_ids) for i, c in compiled.sets.items()),
    ]
    only = origin.rule_id if origin.variant else None
    for rule_id, rule, engine in every:
        if only not in (None, rule_id):
            continue
        if engine != holds(rule, judged.fact, values, day):
            yield Disagreement(rule_id, origin, day, engine)


# -- output ---------------------------------------------------------------------------------


def render_text(verification: Verification) -> str:
    """One line per rule (its problems under it), then a summary line."""
    width = max((len(r.rule_id) for r in verification.rules), default=0)
    lines: list[str] = []
    for report in verification.rules:
        mark = "ok" if report.ok else "FAIL"
        lines.append(f"{mark:<4}  {report.rule_id:<{width}}  {report.status}".rstrip())
        for failure in report.failures:
            lines.append(f"        example: {failure.describe()}")
        for disagreement in report.disagreements:
            lines.append(f"        disagreement: {disagreement.describe()}")
            lines.append(f"          rule file: {report.path}")
    lines.append(summary_line(verification))
    return "\n".join(lines)


def summary_line(verification: Verification) -> str:
    rules = verification.rules
    failing = sum(1 for r in rules if r.failures)
    disagreeing = sum(1 for r in rules if r.disagreements)
    ok = sum(1 for r in rules if r.ok)
    examples = sum(r.examples for r in rules)
    return (
        f"{verification.directory}: {len(rules)} rule{_s(len(rules))}, {ok} ok, "
        f"{failing} with a failing example, {disagreeing} with a disagreement; "
        f"{examples} example{_s(examples)} judged, engine and Python compared on "
        f"{verification.compared} record{_s(verification.compared)} "
        f"({verification.variants} variant{_s(verification.variants)})"
    )


def as_plain(verification: Verification) -> dict[str, Any]:
    """The verification as plain data, in catalogue order, for `--format json`."""
    return {
        "directory": str(verification.directory),
        "default_day": verification.default_day.isoformat(),
        "ok": verification.ok,
        "compared": verification.compared,
        "variants": verification.variants,
        "rules": [
            {
                "rule_id": r.rule_id,
                "path": r.path,
                "status": r.status,
                "examples": r.examples,
                "failures": [
                    {
                        "verdict": f.verdict,
                        "number": f.number,
                        "where": f.where,
                        "day": f.day.isoformat(),
                        "expected": "fires" if f.verdict == "fail" else "does not fire",
                        "got": None if f.fired is None else ("fires" if f.fired else "silent"),
                        "note": f.note,
                    }
                    for f in r.failures
                ],
                "disagreements": [
                    {
                        "record": d.origin.describe(),
                        "day": d.day.isoformat(),
                        "engine": d.engine,
                        "python": not d.engine,
                    }
                    for d in r.disagreements
                ],
            }
            for r in verification.rules
        ],
    }


def _s(count: int) -> str:
    return "" if count == 1 else "s"
