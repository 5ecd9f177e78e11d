"""One check run: read records, judge them on the engine, and collect findings with a summary."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from postcheck.engine.compiler import CompiledCatalogue, CompileError, compile_catalogue
from postcheck.engine.durable_backend import DurableRuleset, EngineError
from postcheck.engine.evaluate import BATCH_SIZE, Evaluator, Judged
from postcheck.engine.locate import waiting_on_authority
from postcheck.engine.set_pass import BrokenSet, Group, Member, Projection, SetPass
from postcheck.fingerprint import post_identity
from postcheck.interrupt import note_stop_signals, raise_if_stopped
from postcheck.record.outcome import InputError, Outcome, ReadOutcome, resolved
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import Catalogue
from postcheck.rules.model import SetRule, Severity
from postcheck.rules.selection import choose, profile_named
from postcheck.violations import (
    RunContext,
    Violation,
    build_set_violation,
    build_violation,
    line_of,
    message_context,
)

if TYPE_CHECKING:  # a pool is started only with --jobs
    from concurrent.futures import Future, ProcessPoolExecutor


@dataclass(frozen=True)
class RecordResult:
    """A record that was read and judged, with its violations (possibly none)."""

    source: str
    index: int | None
    label: str
    violations: list[Violation]
    # (rule id, why) for rules that could not judge this record; filled when asked to explain
    not_applicable: tuple[tuple[str, str], ...] = ()
    post: str = ""  # the post's identity (fingerprint.post_identity), as waivers name it
    post_number: str | None = None


@dataclass(frozen=True)
class SetResult:
    """A set of records that breaks a cross-record rule: one finding, naming every record."""

    label: str  # the values the set is grouped by, e.g. the authority's name
    violations: list[Violation]


Finding = RecordResult | SetResult | InputError


@dataclass
class Summary:
    records: int = 0
    input_errors: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    # (authority name as given, records) for names that matched no authority file, so those
    # records were judged in the default context (AuthorityDirectory.unmatched); set at the end
    unmatched_authorities: list[tuple[str, int]] = field(default_factory=list)
    # findings that count towards the exit status (not waived or baselined), by severity
    counting: Counter[str] = field(default_factory=Counter)
    suppressed: Counter[str] = field(default_factory=Counter)  # by kind: waiver, baseline
    # with a baseline: new, unchanged, and resolved (listed but not found); set at the end
    baseline: dict[str, int] | None = None
    # files in the folders given that no reader recognises as a post, skipped; set at the end
    skipped_files: list[str] = field(default_factory=list)
    # the run manifest (report/manifest.py): what an audit needs to reproduce the run
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def violations(self) -> int:
        return sum(self.by_severity.values())

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self.input_errors += 1
            return
        if isinstance(finding, RecordResult):
            self.records += 1
        for violation in finding.violations:
            self.by_severity[violation.severity] += 1
            self.by_rule[violation.rule_id] += 1
            if violation.suppression is None:
                self.counting[violation.severity] += 1
            else:
                self.suppressed[violation.suppression.kind] += 1


def compile_for_run(
    catalogue: Catalogue,
    as_of: dt.date,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    profile: str | None = None,
    parameters: dict[str, Any] | None = None,
) -> CompiledCatalogue:
    """The catalogue narrowed to a profile and by select/ignore selectors (rules/selection.py),
    with any parameter overrides, compiled for the day; errors name the file or selector."""
    chosen_profile = profile_named(profile, catalogue.profiles) if profile else None
    chosen = choose(catalogue.all_rules, select, ignore, chosen_profile, catalogue.profiles)
    rules = [r for r in catalogue.rules if r.id in chosen]
    set_rules = [r for r in catalogue.set_rules if r.id in chosen]
    values = catalogue.parameters.overridden(parameters or {})
    try:
        return compile_catalogue(rules, values, as_of, set_rules)
    except CompileError as error:
        assert error.rule_id is not None
        raise catalogue.error_at(error.rule_id, error.where, error.reason) from None


def build_evaluator(
    catalogue: Catalogue, compiled: CompiledCatalogue, authorities: AuthorityDirectory | None = None
) -> Evaluator:
    """The engine for this run. A rule the engine refuses (say, a pattern too complex for its
    regex compiler) stops the run with that rule's file and line, like any broken rule file."""
    try:
        return Evaluator(compiled, authorities)
    except EngineError as error:
        for rule_id, rule in compiled.rules.items():
            alone = CompiledCatalogue(compiled.as_of, {rule_id: rule})
            try:
                DurableRuleset(alone.engine_conditions())
            except EngineError as refused:
                raise catalogue.error_at(rule_id, ("when",), str(refused)) from None
        for rule_id, set_rule in compiled.sets.items():
            alone = CompiledCatalogue(compiled.as_of, sets={rule_id: set_rule})
            try:
                DurableRuleset(alone.engine_conditions())
            except EngineError as refused:
                raise catalogue.error_at(rule_id, ("members",), str(refused)) from None
        raise ValueError(str(error)) from None


def run(
    outcomes: Iterable[Outcome],
    compiled: CompiledCatalogue,
    authorities: AuthorityDirectory | None = None,
    evaluator: Evaluator | None = None,
    explain_silence: bool = False,
    jobs: int = 1,
) -> Iterator[Finding]:
    """Findings in input order. Each record yields one RecordResult, even when it is clean;
    with explain_silence, it also says which rules could not judge it, and why. Once every
    record is read, each set of records that breaks a cross-record rule yields a SetResult.

    With jobs > 1, records are judged in that many worker processes, a batch at a time, and
    their results taken back in the order the batches were read; the broken sets are read
    whole in the workers too. The findings are the same, in the same order, as with one
    process."""
    if evaluator is None:
        engine = Evaluator(compiled, authorities)
    else:
        engine = evaluator if authorities is None else evaluator.with_authorities(authorities)
    context = message_context(compiled)
    sets = SetPass(compiled)
    judging = _Judging(engine, sets, context, explain_silence)
    try:
        if jobs <= 1:
            yield from _in_this_process(resolved(outcomes), judging)
            yield from (_set_result(broken, context) for broken in sets.broken())
        else:
            yield from _in_processes(outcomes, judging, engine.authorities, jobs)
    finally:
        sets.close()


def _set_result(broken: BrokenSet, context: RunContext) -> SetResult:
    violation = build_set_violation(broken, context)
    return SetResult(violation.record_label, [violation])


def _in_this_process(outcomes: Iterable[ReadOutcome], judging: _Judging) -> Iterator[Finding]:
    for finding, projection in judging.judge(outcomes):
        if not isinstance(finding, InputError):
            judging.sets.add(projection)
        yield finding


@dataclass
class _Judging:
    """Records in, findings and their cross-record projections out: the work a worker does."""

    engine: Evaluator
    sets: SetPass
    context: RunContext
    explain_silence: bool

    def judge(self, outcomes: Iterable[ReadOutcome]) -> Iterator[tuple[Finding, list[Projection]]]:
        compiled = self.engine.catalogue
        for judged in self.engine.judge(outcomes):
            if isinstance(judged, InputError):
                yield judged, []
                continue
            projection = (
                self.sets.project(judged.fact, judged.set_rule_ids, _members_of(judged))
                if judged.set_rule_ids
                else []
            )
            yield _result(judged, compiled, self.context, self.explain_silence), projection


# In a worker process: the judging it was started with (multiprocessing's fork start method
# hands it over without pickling the engine), its cross-record members kept in a store of its own.
_WORKER: _Judging | None = None


def _start_worker(judging: _Judging, stores: Path) -> None:
    global _WORKER
    # each process needs its own engine ruleset; the parent's is not safe to share
    note_stop_signals()
    engine = Evaluator(judging.engine.catalogue, judging.engine.authorities)
    sets = SetPass(engine.catalogue, stores / f"sets-{os.getpid()}.sqlite")
    _WORKER = dataclasses.replace(judging, engine=engine, sets=sets)


def _judge_batch(
    batch: list[Outcome], first: int
) -> tuple[list[Finding], tuple[Counter[str], dict[str, str]] | None]:
    """One batch, in a worker: rows the reader deferred are validated here, and the members
    of cross-record sets stored, numbered by their place in the input (`first` is the
    batch's: no batch holds more records than outcomes)."""
    assert _WORKER is not None
    raise_if_stopped()
    found: list[Finding] = []
    place = first  # records are numbered as in one process: input errors take no number
    for finding, projection in _WORKER.judge(resolved(batch)):
        raise_if_stopped()
        if not isinstance(finding, InputError):
            if projection:
                _WORKER.sets.add(projection, place)
            place += 1
        found.append(finding)
    _WORKER.sets.publish()
    directory = _WORKER.engine.authorities
    return found, directory.take_unmatched() if directory is not None else None


def _read_sets(store: Path, groups: list[Group]) -> list[Finding]:
    """Broken sets, in a worker: each read whole from the run's store and made a finding."""
    assert _WORKER is not None
    raise_if_stopped()
    global _SETS
    if _SETS is None:  # the store is complete once groups are handed out; opened once
        _SETS = SetPass.reading(_WORKER.engine.catalogue, store)
    return [_set_result(_SETS.set_of(group), _WORKER.context) for group in groups]


_SETS: SetPass | None = None  # in a worker, the run's store of set members, once sets are read


def _in_processes(
    outcomes: Iterable[Outcome],
    judging: _Judging,
    authorities: AuthorityDirectory | None,
    jobs: int,
) -> Iterator[Finding]:
    """Batches judged by `jobs` processes, taken back in order; at most two batches a worker
    are in flight, so memory stays flat however long the input. Once every batch is back, the
    workers' cross-record members are gathered in one store, and the broken sets are shared
    out among the workers to be read whole, in order too: for an export that breaks one set
    in nine records, reading them was a tenth of the run left to one process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with (
        tempfile.TemporaryDirectory(prefix="postcheck-sets-") as stores,
        ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_start_worker, initargs=(judging, Path(stores))
        ) as pool,
    ):

        def judged(
            result: tuple[list[Finding], tuple[Counter[str], dict[str, str]] | None],
        ) -> list[Finding]:
            found, unmatched = result
            if unmatched is not None and authorities is not None:
                authorities.merge_unmatched(*unmatched)
            return found

        batches = _numbered(_chunked(outcomes, BATCH_SIZE))
        yield from _in_order(pool, jobs, (pool.submit(_judge_batch, *b) for b in batches), judged)
        # the run's own pass (judging.sets) stays empty: the members are in the workers'
        # stores, gathered in a file here so that the workers can read the sets from it
        merged = Path(stores) / "run.sqlite"
        sets = SetPass(judging.engine.catalogue, merged)
        try:
            for store in sorted(Path(stores).glob("sets-*.sqlite")):
                sets.absorb(store)
            chunks = _chunked(sets.broken_groups(), SET_BATCH)
            tasks = (pool.submit(_read_sets, merged, chunk) for chunk in chunks)
            yield from _in_order(pool, jobs, tasks, lambda found: found)
        finally:
            sets.close()


SET_BATCH = 200  # broken sets a worker reads at a time; a set is read in about 0.2 ms
_T = TypeVar("_T")


def _in_order(
    pool: ProcessPoolExecutor,
    jobs: int,
    tasks: Iterator[Future[_T]],
    taken: Callable[[_T], list[Finding]],
) -> Iterator[Finding]:
    """The findings of tasks submitted as the iterator is drawn, taken back in the order they
    were submitted; at most two a worker in flight. Stopped (Ctrl-C, a closed pipe), the
    tasks not yet begun are cancelled."""
    pending: deque[Future[_T]] = deque()
    try:
        for task in tasks:
            pending.append(task)
            if len(pending) >= 2 * jobs:
                yield from taken(pending.popleft().result())
        while pending:
            yield from taken(pending.popleft().result())
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise


def _numbered(batches: Iterator[list[Outcome]]) -> Iterator[tuple[list[Outcome], int]]:
    """Each batch with the place in the input of its first outcome (1-based)."""
    first = 1
    for batch in batches:
        yield batch, first
        first += len(batch)


def _chunked(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """The items in lists of `size` (the last one shorter), drawn as they are needed."""
    chunk: list[_T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _members_of(judged: Judged) -> Callable[[SetRule], Member]:
    """The record as each set rule names it; rules locating it by one field share one."""
    record = judged.record
    source = record.provenance
    label = record.label
    made: dict[str, Member] = {}

    def member_for(rule: SetRule) -> Member:
        found = made.get(rule.field)
        if found is None:
            line = line_of(record, rule.field, None, judged.fact)
            found = Member(source.file, source.index, line, label, record.post_number)
            made[rule.field] = found
        return found

    return member_for


def _result(
    judged: Judged, compiled: CompiledCatalogue, context: RunContext, explain_silence: bool
) -> RecordResult:
    record = judged.record
    violations = (
        sorted(
            (
                build_violation(compiled.rules[rule_id].rule, record, judged.fact, context)
                for rule_id in judged.rule_ids
            ),
            key=lambda v: (-Severity(v.severity).rank, v.line or 0, v.rule_id),
        )
        if judged.rule_ids
        else []  # most records: nine in ten of a typical export break no rule
    )
    silent: tuple[tuple[str, str], ...] = ()
    if explain_silence:
        silent = tuple(
            (rule_id, reason)
            for rule_id, rule in compiled.rules.items()
            if rule_id not in judged.rule_ids
            and (
                reason := waiting_on_authority(rule, judged.fact, context.parameters, context.as_of)
            )
        )
    source = record.provenance
    derived = judged.fact.get("derived")
    post = post_identity(
        derived.get("authority") if derived else None, record.post_number, record.title, source.file
    )
    return RecordResult(
        source.file, source.index, record.label, violations, silent, post, record.post_number
    )
