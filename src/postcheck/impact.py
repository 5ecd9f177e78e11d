"""`postcheck diff`: what a change to the rules, or to the day, does to the verdicts.

A rule edit that looks harmless can move findings on posts nobody looked at; a law that ends or
starts between two days moves others. This judges the same records under two compiled
catalogues (two rules folders, a folder at a git revision, or one folder on two days) and lists,
per post, the findings that appear, disappear or change, with counts per rule.

A finding is identified by its post (fingerprint.post_identity), its rule and, across records,
the set it is about; a rule fires at most once per record, so the record's own pair of results
is compared rule by rule. Its line is not compared (a moved line is not a change); its severity,
message and evidence (normalised as fingerprints normalise it) are. The fingerprint itself is not
the key: it holds the rule's version, which is the very thing that changes.

The records are read once and judged by both catalogues in lock-step (itertools.tee): each side's
engine takes a batch at a time, so at most about one batch of records is held between the two,
and standard input, which cannot be read twice, works too. Materialising the records would hold
all of them (hundreds of megabytes for 100,000 posts); reading twice would parse every document
twice and could not take `-`. Only the changes are kept.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import subprocess
import tarfile
import tempfile
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from postcheck import limits
from postcheck.check import Finding, RecordResult, SetResult, build_evaluator, run
from postcheck.config import Config
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.evaluate import Evaluator
from postcheck.exit_codes import ExitCode
from postcheck.fingerprint import normalised, rule_version
from postcheck.printable import printable
from postcheck.record.outcome import InputError
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import Catalogue, bundled_rules_dir, load_catalogue
from postcheck.violations import Violation

Kind = Literal["new", "gone", "changed"]
_MARK = {"new": "+", "gone": "-", "changed": "~"}
COMPARED = ("severity", "message", "evidence")


class ImpactError(ValueError):
    """Settings that make no comparison (exit 2): the same rules on the same day, a git
    revision that cannot be read."""


@dataclass(frozen=True)
class Side:
    """One way of judging the records: a rules folder (None: the configuration's, else the
    bundled rules), as it stands or at a git revision, on a day (None: the configuration's
    `as_of`, else today)."""

    rules: Path | None = None
    rev: str | None = None
    as_of: dt.date | None = None


@dataclass(frozen=True)
class State:
    """A finding as one side reports it: what is compared, and where it points."""

    severity: str
    message: str
    evidence: str
    source: str
    line: int | None
    fingerprint: str  # as baselines and waivers know the finding on this side

    @classmethod
    def of(cls, violation: Violation) -> State:
        return cls(
            violation.severity,
            violation.message,
            violation.evidence,
            violation.source,
            violation.line,
            violation.fingerprint,
        )


@dataclass(frozen=True)
class Change:
    kind: Kind
    rule_id: str
    old: State | None  # None for a new finding
    new: State | None  # None for a finding gone
    changed: tuple[str, ...] = ()  # for kind "changed": which of COMPARED differ

    @property
    def now(self) -> State:
        """The state to show: the new one, else the one that is gone."""
        state = self.new or self.old
        assert state is not None
        return state


@dataclass
class PostImpact:
    """The changes to one post's findings (or, across records, to one set's)."""

    post: str  # the post's identity (fingerprint.post_identity); for a set, its group values
    label: str  # how reports name it: post number and title
    cross_record: bool
    sources: list[str] = field(default_factory=list)  # files of the records that changed
    changes: list[Change] = field(default_factory=list)


@dataclass(frozen=True)
class RuleChange:
    """A rule that differs between the two catalogues: added, removed, edited (its file says
    something else), or in force on one side only."""

    rule_id: str
    how: str


@dataclass(frozen=True)
class ParameterChange:
    name: str
    old: Any
    new: Any


@dataclass(frozen=True)
class SideInfo:
    rules: str  # the folder, or REV:path for a git revision
    as_of: dt.date

    def describe(self) -> str:
        return f"{self.rules} on {self.as_of.isoformat()}"


@dataclass
class Impact:
    old: SideInfo
    new: SideInfo
    posts: list[PostImpact] = field(default_factory=list)
    rules: list[RuleChange] = field(default_factory=list)
    parameters: list[ParameterChange] = field(default_factory=list)
    records: int = 0
    findings_old: int = 0
    findings_new: int = 0
    input_errors: list[InputError] = field(default_factory=list)

    @property
    def changes(self) -> Iterator[Change]:
        return (c for p in self.posts for c in p.changes)

    def by_rule(self) -> dict[str, Counter[str]]:
        """Rule id -> changes by kind (new, gone, changed), rule ids sorted."""
        counts: dict[str, Counter[str]] = {}
        for change in self.changes:
            counts.setdefault(change.rule_id, Counter())[change.kind] += 1
        return dict(sorted(counts.items()))

    def totals(self) -> Counter[str]:
        return Counter(c.kind for c in self.changes)

    def exit_status(self) -> int:
        """2 when some input could not be read (the comparison is incomplete); else 1 when any
        finding appears, disappears or changes; else 0."""
        if self.input_errors:
            return ExitCode.USAGE_OR_INPUT
        return ExitCode.VIOLATIONS if any(True for _ in self.changes) else ExitCode.CLEAN


# -- setting up the two sides -----------------------------------------------------------------


@dataclass(frozen=True)
class Judging:
    """One side, ready: its catalogue compiled for its day, its engine, its authorities."""

    info: SideInfo
    catalogue: Catalogue
    compiled: CompiledCatalogue
    evaluator: Evaluator


def prepare(config: Config, side: Side, stack: ExitStack) -> Judging:
    """The side's catalogue loaded (a git revision extracted into a temporary folder that
    `stack` removes), compiled with the configuration's selection and parameter values, and
    its engine built; errors name the rule file and line."""
    from postcheck.gate import compile_with

    settings = config.settings
    folder = side.rules or settings.rules or bundled_rules_dir()
    day = side.as_of or settings.as_of or dt.date.today()
    shown = str(folder)
    if side.rev is not None:
        extracted, shown = stack.enter_context(rules_at_revision(folder, side.rev))
        folder = extracted
    try:
        catalogue = load_catalogue(folder)
        compiled = compile_with(config, catalogue, day)
        authorities = AuthorityDirectory.load(
            catalogue.directory, settings.authority, settings.authorities
        )
        evaluator = build_evaluator(catalogue, compiled, authorities)
    except ValueError as error:
        raise ImpactError(str(error).replace(str(folder), shown)) from None
    return Judging(SideInfo(shown, day), catalogue, compiled, evaluator)


@contextmanager
def rules_at_revision(folder: Path, rev: str) -> Iterator[tuple[Path, str]]:
    """The rules folder as it was at a git revision, extracted with `git archive` into a
    temporary folder (removed afterwards), and how to name it: REV:path/in/repo."""
    if not rev or rev.startswith("-"):
        raise ImpactError(f"{rev!r} is not a git revision")
    prefix = _git(folder, "rev-parse", "--show-prefix").decode().strip().rstrip("/")
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    _git(folder, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    # from the top: in a subfolder, git archive would look for the subfolder inside the tree
    archive = _git(top, "archive", "--format=tar", f"{rev}:{prefix}")
    shown = f"{rev}:{prefix or '.'}"
    with tempfile.TemporaryDirectory(prefix="postcheck-rules-") as temporary:
        try:
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(temporary, filter="data")
        except (tarfile.TarError, OSError) as error:
            raise ImpactError(f"{shown}: cannot extract the rules: {error}") from None
        yield Path(temporary), shown


def _git(folder: Path, *arguments: str) -> bytes:
    """git's output, run in the rules folder (no shell); a failure names the folder."""
    if not folder.is_dir():
        raise ImpactError(f"{folder}: no such rules directory")
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *arguments], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise ImpactError("git is not installed: a revision of the rules needs it") from None
    except subprocess.TimeoutExpired:
        raise ImpactError(f"{folder}: git did not answer within 60 seconds") from None
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        why = said[-1].removeprefix("fatal: ") if said else "no such revision"
        if arguments[:2] == ("rev-parse", "--verify"):
            why = f"no revision {arguments[-1].removesuffix('^{commit}')!r}"
        raise ImpactError(f"{folder}: {why}")
    return done.stdout


# -- comparing ----------------------------------------------------------------------------------


def diff(
    config: Config, paths: Iterable[str], old: Side, new: Side, stdin_format: str = "auto"
) -> Impact:
    """The records in `paths` (files, folders, `-`) judged by both sides, read as `postcheck
    check` reads them with this configuration. Raises ImpactError (a ValueError) for settings
    that cannot be used, and the column map's error for a broken column map; input errors are
    collected in the result."""
    from postcheck.record.columns import TableOptions, load_column_map
    from postcheck.record.sources import Walk, iter_outcomes

    settings = config.settings
    with limits.use(settings.limits), ExitStack() as stack:
        before, after = prepare(config, old, stack), prepare(config, new, stack)
        if before.info == after.info:
            raise ImpactError(
                f"both sides are {before.info.describe()}: give other rules (--rules-new, "
                "--rev, --rev-new) or another day (--as-of-new)"
            )
        column_map = load_column_map(settings.columns) if settings.columns else None
        tables = TableOptions(column_map, settings.strict_columns, settings.sheet)
        walk = Walk(settings.include, settings.exclude)
        impact = Impact(before.info, after.info)
        impact.rules = rule_changes(before, after)
        impact.parameters = parameter_changes(before.compiled, after.compiled)
        one, two = itertools.tee(iter_outcomes(list(paths), stdin_format, tables, walk))
        _compare(
            impact,
            run(one, before.compiled, evaluator=before.evaluator),
            run(two, after.compiled, evaluator=after.evaluator),
        )
    return impact


def _compare(impact: Impact, old_run: Iterable[Finding], new_run: Iterable[Finding]) -> None:
    """Both runs taken in step. Each gives one result per record, in input order, then its
    cross-record findings; results are paired record by record."""
    comparer = _Comparer(impact)
    waiting: tuple[deque[RecordResult | InputError], deque[RecordResult | InputError]] = (
        deque(),
        deque(),
    )
    sets: tuple[list[Violation], list[Violation]] = ([], [])
    for pair in itertools.zip_longest(old_run, new_run):
        for side, finding in enumerate(pair):
            if isinstance(finding, SetResult):
                sets[side].extend(finding.violations)
            elif finding is not None:
                waiting[side].append(finding)
        while waiting[0] and waiting[1]:
            comparer.pair(waiting[0].popleft(), waiting[1].popleft())
    comparer.sets(*sets)
    impact.posts = list(comparer.posts.values())


@dataclass
class _Comparer:
    impact: Impact
    # (across records, post) -> its changes, in the order first met
    posts: dict[tuple[bool, str], PostImpact] = field(default_factory=dict)

    def pair(self, old: RecordResult | InputError, new: RecordResult | InputError) -> None:
        """One record as each side judged it."""
        impact = self.impact
        if isinstance(old, InputError) or isinstance(new, InputError):
            # the same unreadable input on both sides is one error; the engine refusing a
            # record under one catalogue only is that side's
            errors = [e for e in (old, new) if isinstance(e, InputError)]
            impact.input_errors.extend(errors[:1] if errors[0] == errors[-1] else errors)
            return
        impact.records += 1
        impact.findings_old += len(old.violations)
        impact.findings_new += len(new.violations)
        changes = self.changes(
            {v.rule_id: v for v in old.violations}, {v.rule_id: v for v in new.violations}
        )
        if not changes:
            return
        post = new.post or old.post
        entry = self.posts.setdefault((False, post), PostImpact(post, new.label, False))
        if new.source not in entry.sources:
            entry.sources.append(new.source)
        entry.changes.extend(changes)

    def sets(self, old: list[Violation], new: list[Violation]) -> None:
        """Cross-record findings, keyed by the set's group values and the rule, sets in the
        order of their group values."""
        self.impact.findings_old += len(old)
        self.impact.findings_new += len(new)
        before, after = _by_set(old), _by_set(new)
        for key in sorted(before.keys() | after.keys()):
            was, now = before.get(key, {}), after.get(key, {})
            changes = self.changes(was, now)
            if not changes:
                continue
            involved = [v for c in changes for v in (was.get(c.rule_id), now.get(c.rule_id)) if v]
            entry = PostImpact(key, involved[-1].record_label, True, changes=changes)
            entry.sources = sorted({m.source for v in involved for m in v.records})
            self.posts[(True, key)] = entry

    def changes(self, old: dict[str, Violation], new: dict[str, Violation]) -> list[Change]:
        """One record's (or one set's) findings by rule id, old against new, by rule id."""
        found: list[Change] = []
        for rule_id in sorted(old.keys() | new.keys()):
            was, now = old.get(rule_id), new.get(rule_id)
            if was is None and now is not None:
                found.append(Change("new", rule_id, None, State.of(now)))
            elif now is None and was is not None:
                found.append(Change("gone", rule_id, State.of(was), None))
            elif was is not None and now is not None:
                differs = tuple(
                    name
                    for name in COMPARED
                    if self.compared(was, name, self.impact.old.as_of)
                    != self.compared(now, name, self.impact.new.as_of)
                )
                if differs:
                    found.append(Change("changed", rule_id, State.of(was), State.of(now), differs))
        return found

    @staticmethod
    def compared(violation: Violation, name: str, day: dt.date) -> str:
        """The value as compared: evidence normalised as fingerprints normalise it; a message
        with the day judged taken out, since a message that cites `{as_of}` differs between
        two days without the verdict moving."""
        value = str(getattr(violation, name))
        if name == "evidence":
            return normalised(value)
        if name == "message":
            return value.replace(day.isoformat(), "{as_of}")
        return value


def _by_set(violations: list[Violation]) -> dict[str, dict[str, Violation]]:
    grouped: dict[str, dict[str, Violation]] = {}
    for violation in violations:
        grouped.setdefault(violation.post, {})[violation.rule_id] = violation
    return grouped


def rule_changes(before: Judging, after: Judging) -> list[RuleChange]:
    """Rules added, removed or edited between the catalogues, and rules in force on one side
    only (with the reason the other side gives), by rule id."""
    old = {r.id: r for r in before.catalogue.all_rules}
    new = {r.id: r for r in after.catalogue.all_rules}
    found: list[RuleChange] = []
    for rule_id in sorted(old.keys() | new.keys()):
        if rule_id not in new:
            found.append(RuleChange(rule_id, "removed"))
        elif rule_id not in old:
            found.append(RuleChange(rule_id, "added"))
        else:
            if rule_version(old[rule_id]) != rule_version(new[rule_id]):
                found.append(RuleChange(rule_id, "edited"))
            was = before.compiled.not_applicable.get(rule_id)
            now = after.compiled.not_applicable.get(rule_id)
            if was and not now:
                found.append(RuleChange(rule_id, f"now in force (was: {was})"))
            elif now and not was:
                found.append(RuleChange(rule_id, f"no longer in force ({now})"))
    return found


def parameter_changes(old: CompiledCatalogue, new: CompiledCatalogue) -> list[ParameterChange]:
    """Parameters whose value on the day differs between the sides, by name."""
    names = sorted(old.parameter_values.keys() | new.parameter_values.keys())
    return [
        ParameterChange(n, old.parameter_values.get(n), new.parameter_values.get(n))
        for n in names
        if old.parameter_values.get(n) != new.parameter_values.get(n)
    ]


# -- output -------------------------------------------------------------------------------------


def render_text(impact: Impact) -> str:
    """Per post: + new, - gone, ~ changed (rule id, severity, message); then the rules and
    parameters that differ, the counts per rule, and a totals line. Record text is made safe
    to print (atomic.printable)."""
    lines = [f"comparing {impact.old.describe()} -> {impact.new.describe()}"]
    for rule in impact.rules:
        lines.append(f"rule {rule.rule_id}: {rule.how}")
    for parameter in impact.parameters:
        lines.append(f"parameter {parameter.name}: {parameter.old!r} -> {parameter.new!r}")
    for post in impact.posts:
        lines.append("")
        where = "across records" if post.cross_record else ", ".join(post.sources)
        lines.append(f"{post.label or post.post}  ({where})  [{post.post}]")
        for change in post.changes:
            lines.extend(_change_lines(change))
    for error in impact.input_errors:
        at = f":{error.line}" if error.line else ""
        lines.append(f"input error: {error.file}{at}: {error.reason}")
    counts = impact.by_rule()
    if counts:
        lines.append("")
        lines.append("by rule:")
        width = max(map(len, counts))
        for rule_id, kinds in counts.items():
            lines.append(
                f"  {rule_id:<{width}}  +{kinds['new']} -{kinds['gone']} ~{kinds['changed']}"
            )
    lines.append("")
    lines.append(summary_line(impact))
    return "\n".join(printable(line) for line in lines)


def _change_lines(change: Change) -> list[str]:
    state = change.now
    at = f"  (line {state.line})" if state.line else ""
    head = f"  {_MARK[change.kind]} {state.severity:<7} {change.rule_id}{at}"
    if change.kind != "changed":
        return [head, f"      {state.message}"]
    assert change.old is not None and change.new is not None
    lines = [head]
    for name in change.changed:
        lines.append(f"      {name}: {getattr(change.old, name)!s}")
        lines.append(f"      {' ' * len(name)}  -> {getattr(change.new, name)!s}")
    return lines


def summary_line(impact: Impact) -> str:
    totals = impact.totals()
    changed_posts = len(impact.posts)
    unchanged = impact.findings_new - totals["new"] - totals["changed"]
    return (
        f"{impact.records} record{_s(impact.records)} compared: findings {impact.findings_old} "
        f"-> {impact.findings_new}; {totals['new']} new, {totals['gone']} gone, "
        f"{totals['changed']} changed, {unchanged} unchanged, on {changed_posts} "
        f"post{_s(changed_posts)} or set{_s(changed_posts)}; "
        f"{len(impact.input_errors)} input error{_s(len(impact.input_errors))}"
    )


def as_plain(impact: Impact) -> dict[str, Any]:
    """The comparison as plain data (JSON), in a stable order: posts in input order, then sets
    by their group values; changes by rule id; counts by rule id."""
    totals = impact.totals()
    return {
        "old": _side(impact.old),
        "new": _side(impact.new),
        "rules": [{"rule_id": r.rule_id, "how": r.how} for r in impact.rules],
        "parameters": [
            {"name": p.name, "old": _jsonable(p.old), "new": _jsonable(p.new)}
            for p in impact.parameters
        ],
        "posts": [
            {
                "post": p.post,
                "label": p.label,
                "cross_record": p.cross_record,
                "sources": list(p.sources),
                "changes": [_plain_change(c) for c in p.changes],
            }
            for p in impact.posts
        ],
        "by_rule": {
            rule_id: {k: kinds[k] for k in ("new", "gone", "changed")}
            for rule_id, kinds in impact.by_rule().items()
        },
        "totals": {
            "records": impact.records,
            "findings_old": impact.findings_old,
            "findings_new": impact.findings_new,
            "new": totals["new"],
            "gone": totals["gone"],
            "changed": totals["changed"],
            "input_errors": len(impact.input_errors),
        },
        "input_errors": [
            {"file": e.file, "line": e.line, "field": e.field, "reason": e.reason}
            for e in impact.input_errors
        ],
    }


def _side(info: SideInfo) -> dict[str, str]:
    return {"rules": info.rules, "as_of": info.as_of.isoformat()}


def _plain_change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "rule_id": change.rule_id,
        "changed": list(change.changed),
        "old": _plain_state(change.old),
        "new": _plain_state(change.new),
    }


def _plain_state(state: State | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {
        "severity": state.severity,
        "message": state.message,
        "evidence": state.evidence,
        "source": state.source,
        "line": state.line,
        "fingerprint": state.fingerprint,
    }


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def _s(count: int) -> str:
    return "" if count == 1 else "s"
