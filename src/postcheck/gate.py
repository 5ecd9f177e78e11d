"""One `postcheck check` run, as a gate: settings in, reports out, an exit status.

The command line and the configuration file give the settings (config.py); this module turns
them into a run: the catalogue narrowed by profile and selectors, authorities, the column map,
which files of a folder to read, waivers and a baseline; every finding goes to every report
requested, each written atomically; and the exit status counts only findings that are neither
waived nor in the baseline.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from postcheck import __version__, limits
from postcheck.atomic import OutputError, Target, plan_output, silence_stdout, writer
from postcheck.baseline import Baseline, load_baseline
from postcheck.check import (
    Finding,
    RecordResult,
    SetResult,
    Summary,
    build_evaluator,
    compile_for_run,
    run,
)
from postcheck.config import Config
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.exit_codes import ExitCode
from postcheck.record.outcome import InputError
from postcheck.record.sources import Walk, is_hidden
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import Catalogue, bundled_rules_dir, load_catalogue
from postcheck.rules.model import Severity
from postcheck.rules.selection import matching
from postcheck.startup import collector_paused
from postcheck.violations import Violation
from postcheck.waivers import Waivers, load_waivers

if TYPE_CHECKING:
    from postcheck.report.base import Reporter, RunInfo


@dataclass(frozen=True)
class Output:
    """One report: its format, and its file (None for standard output)."""

    format: str
    path: Path | None = None


@dataclass(frozen=True)
class Display:
    """How the run shows itself, beyond the reports' content."""

    color: bool | None = None
    verbose: bool = False
    progress: bool | None = None
    statistics: bool = False
    quiet: bool = False
    stdin_format: str = "auto"
    warn: Callable[[str, str], None] = lambda file, message: None
    skip_non_posts: bool = False  # files named are skipped, not refused, when not posts
    jobs: int = 1  # worker processes that judge records (check.run)
    force: bool = False  # --force: a report may go through a link or into a device


class GateError(ValueError):
    """A setting, rule, authority, waiver or baseline file that stops the run (exit 2)."""


def load_rules(config: Config) -> Catalogue:
    return load_catalogue(config.settings.rules or bundled_rules_dir())


def check(config: Config, paths: tuple[str, ...], outputs: list[Output], display: Display) -> int:
    """Runs the gate under the configuration's limits (limits.py: readers, the rule loader and
    --jobs workers see them); returns the exit status (exit_codes.py)."""
    with limits.use(config.settings.limits):
        return _check(config, paths, outputs, display)


def _check(config: Config, paths: tuple[str, ...], outputs: list[Output], display: Display) -> int:
    targets = _plan_outputs(outputs, paths, config, display.force)  # before reading anything
    _refuse_closed_streams(outputs)
    settings = config.settings
    with collector_paused():  # start-up: what it builds lives until the run ends (startup.py)
        from postcheck.record.columns import TableOptions, load_column_map
        from postcheck.record.sources import iter_outcomes
        from postcheck.report import RunInfo
        from postcheck.report.manifest import run_manifest
        from postcheck.report.progress import progress, wanted

        catalogue = load_rules(config)
        day = settings.as_of or dt.date.today()
        compiled = compile_with(config, catalogue, day)
        authorities = AuthorityDirectory.load(
            catalogue.directory, settings.authority, settings.authorities
        )
        evaluator = build_evaluator(catalogue, compiled, authorities)
    column_map = load_column_map(settings.columns) if settings.columns else None
    tables = TableOptions(
        column_map, settings.strict_columns, settings.sheet, display.warn, defer=display.jobs > 1
    )
    walk = Walk(settings.include, settings.exclude, display.skip_non_posts)
    waivers = _waivers(config, catalogue, day)
    baseline = load_baseline(settings.baseline) if settings.baseline else None
    in_force = [c.rule for c in compiled.rules.values()] + [c.rule for c in compiled.sets.values()]
    info = RunInfo(
        __version__,
        day,
        str(catalogue.directory),
        settings.fail_on,
        tuple(sorted(compiled.not_applicable.items())),
        tuple(in_force),
        statistics=display.statistics,
        quiet=display.quiet,
    )
    summary = Summary()
    inputs: dict[str, None] = {}  # each file once, in order: 200,000 bad lines are one input
    drawn = display.progress if sys.stderr is not None else False  # `2>&-`: nowhere to draw
    files = _files_to_read(paths, walk) if wanted(drawn) else None
    with ExitStack() as stack, progress(drawn, files) as tick:
        reporters = _open_reports(stack, outputs, targets, info, display)
        findings = run(
            iter_outcomes(paths, display.stdin_format, tables, walk),
            compiled,
            evaluator=evaluator,
            explain_silence=display.verbose,
            jobs=display.jobs,
        )
        for finding in _governed(findings, waivers, baseline):
            if isinstance(finding, RecordResult | InputError):
                source = finding.source if isinstance(finding, RecordResult) else finding.file
                inputs[source] = None
                tick(source)
            summary.add(finding)
            _tell(reporters, finding)
        summary.unmatched_authorities = authorities.unmatched()
        summary.baseline = baseline.counts() if baseline else None
        summary.skipped_files = [f"{file} ({why})" for file, why in walk.skipped]
        summary.manifest = run_manifest(
            compiled, str(catalogue.directory), authorities, config, inputs
        )
        _finish(reporters, summary)
    return exit_status(summary, settings.fail_on)


def compile_with(config: Config, catalogue: Catalogue, day: dt.date) -> CompiledCatalogue:
    """The catalogue compiled with the configuration's selection and parameter values; a bad
    parameter override is located in the file that set it."""
    settings = config.settings
    try:
        return compile_for_run(
            catalogue, day, settings.select, settings.ignore, settings.profile, settings.parameters
        )
    except ValueError as error:
        named = re.match(r"(parameters\.[\w-]+)", str(error))
        if named and config.origin(named[1]) != "default":
            raise GateError(f"{config.origin(named[1])}: {error}") from None
        raise


def _files_to_read(paths: tuple[str, ...], walk: Walk) -> int | None:
    """How many files the run will open, for the progress bar; None with standard input."""
    if "-" in paths:
        return None
    count = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            count += sum(
                1
                for p in path.rglob("*")
                if p.is_file()
                and not is_hidden(p.relative_to(path))
                and walk.wants(p.relative_to(path))
            )
        else:
            count += 1
    return count


def exit_status(summary: Summary, fail_on: str) -> int:
    """2 for any input error; else 1 when a finding that counts is at or above fail_on."""
    if summary.input_errors:
        return ExitCode.USAGE_OR_INPUT
    if fail_on == "never":
        return ExitCode.CLEAN
    threshold = Severity(fail_on).rank
    failing = any(Severity(s).rank >= threshold and n for s, n in summary.counting.items())
    return ExitCode.VIOLATIONS if failing else ExitCode.CLEAN


def _governed(
    findings: Iterator[Finding], waivers: Waivers | None, baseline: Baseline | None
) -> Iterator[Finding]:
    """The findings with waivers and the baseline applied, then the findings about waivers."""

    def govern(violation: Violation) -> Violation:
        if waivers is not None:
            violation = waivers.apply(violation)
        return baseline.apply(violation) if baseline is not None else violation

    for finding in findings:
        if isinstance(finding, InputError) or (waivers is None and baseline is None):
            yield finding
            continue
        if isinstance(finding, RecordResult) and waivers is not None:
            waivers.see_post(finding.post_number, finding.post)
        yield dataclasses.replace(finding, violations=[govern(v) for v in finding.violations])
    if waivers is not None:
        problems = waivers.findings()
        if problems:  # not a post: a finding about the waiver file, at each waiver's line
            yield SetResult(f"waivers in {waivers.path}", problems)


def _waivers(config: Config, catalogue: Catalogue, day: dt.date) -> Waivers | None:
    settings = config.settings
    if settings.waivers is None:
        return None
    rules = catalogue.all_rules
    locked = set().union(*(matching(s, rules) for s in settings.not_waivable))
    return load_waivers(
        settings.waivers,
        day,
        (r.id for r in rules),
        locked,
        settings.waiver_severity,
        settings.unknown_post_severity,
    )


def _plan_outputs(
    outputs: list[Output], paths: tuple[str, ...], config: Config, force: bool
) -> list[Target | None]:
    """Where each report goes (atomic.plan_output): never over a job description, an export
    or a settings file, however spelt or hard-linked; never a folder, a link or a device
    unless --force (and then through it, never replacing it); never into a missing folder.
    Decided before anything is read, so a refusal costs nothing."""
    settings = config.settings
    protected = [Path(p) for p in paths if p != "-"]
    for path in (
        settings.baseline,
        settings.waivers,
        settings.columns,
        settings.authority,
        config.file,
    ):
        if path is not None:
            protected.append(path)
    targets: list[Target | None] = []
    seen: set[object] = set()
    for output in outputs:
        if output.path is None:
            targets.append(None)
            continue
        target = plan_output(output.path, protected, force)
        same = target.identity or Path(os.path.abspath(target.write_to))
        if same in seen:
            raise GateError(f"{output.path}: two reports would be written to one file")
        seen.add(same)
        targets.append(target)
    return targets


def _refuse_closed_streams(outputs: list[Output]) -> None:
    """`postcheck check ... >&-`: Python has no stream there, so say so at once. (A closed
    standard input is an input error of `-` alone, record/sources.py: the rest is read.)"""
    if sys.stdout is None and any(output.path is None for output in outputs):
        raise GateError("standard output is closed: name a file for the report with --output FILE")


STDOUT = "the report to standard output"


def _open_reports(
    stack: ExitStack,
    outputs: list[Output],
    targets: list[Target | None],
    info: RunInfo,
    display: Display,
) -> list[tuple[Reporter, str]]:
    """Each report's reporter on its stream (closed by `stack`), with the name its write
    errors are given."""
    from postcheck.report import make_reporter

    reporters = []
    for output, target in zip(outputs, targets, strict=True):
        stream = stack.enter_context(_stream(target))
        where = _where(output)
        color = display.color if output.path is None else False
        try:
            reporter = make_reporter(output.format, stream, info, color, display.verbose)
        except OSError as error:  # a header written at once, to a full disk
            _failed_to_write(where, error)
        reporters.append((reporter, where))
    return reporters


def _where(output: Output) -> str:
    return str(output.path) if output.path is not None else STDOUT


def _tell(reporters: list[tuple[Reporter, str]], finding: Finding) -> None:
    for reporter, where in reporters:
        try:
            reporter.add(finding)
        except OSError as error:
            _failed_to_write(where, error)


def _finish(reporters: list[tuple[Reporter, str]], summary: Summary) -> None:
    """Each report's end, then standard output flushed here, where a full disk can still be
    named, rather than at exit, where Python would only print a traceback."""
    for reporter, where in reporters:
        try:
            reporter.finish(summary)
        except OSError as error:
            _failed_to_write(where, error)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as error:
        _failed_to_write(STDOUT, error)


def _failed_to_write(where: str, error: OSError) -> NoReturn:
    """A write that failed, named: a full disk, a quota, a closed descriptor. A reader of
    standard output that went away (`| head`) is not a failure: that error goes up as it is,
    for the command line to end the run quietly."""
    if where == STDOUT:
        silence_stdout()
        if isinstance(error, BrokenPipeError):
            raise error
    raise OutputError(f"cannot write {where}: {(error.strerror or str(error)).lower()}") from None


@contextmanager
def _stream(target: Target | None) -> Iterator[IO[str]]:
    if target is None:
        yield sys.stdout
        return
    with writer(target) as stream:
        yield stream
