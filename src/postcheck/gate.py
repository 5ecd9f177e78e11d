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
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from postcheck import __version__
from postcheck.atomic import atomic_writer
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
from postcheck.violations import Violation
from postcheck.waivers import Waivers, load_waivers


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


class GateError(ValueError):
    """A setting, rule, authority, waiver or baseline file that stops the run (exit 2)."""


def load_rules(config: Config) -> Catalogue:
    return load_catalogue(config.settings.rules or bundled_rules_dir())


def check(config: Config, paths: tuple[str, ...], outputs: list[Output], display: Display) -> int:
    """Runs the gate; returns the exit status (exit_codes.py)."""
    from postcheck.record.columns import TableOptions, load_column_map
    from postcheck.record.sources import iter_outcomes
    from postcheck.report import RunInfo, make_reporter
    from postcheck.report.manifest import run_manifest
    from postcheck.report.progress import progress, wanted

    settings = config.settings
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
    _refuse_overwriting_inputs(outputs, paths, config)
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
    inputs: list[str] = []
    files = _files_to_read(paths, walk) if wanted(display.progress) else None
    with ExitStack() as stack, progress(display.progress, files) as tick:
        reporters = [
            make_reporter(
                output.format,
                stack.enter_context(_stream(output.path)),
                info,
                color=display.color if output.path is None else False,
                verbose=display.verbose,
            )
            for output in outputs
        ]
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
                inputs.append(source)
                tick(source)
            summary.add(finding)
            for reporter in reporters:
                reporter.add(finding)
        summary.unmatched_authorities = authorities.unmatched()
        summary.baseline = baseline.counts() if baseline else None
        summary.skipped_files = [f"{file} ({why})" for file, why in walk.skipped]
        summary.manifest = run_manifest(
            compiled, str(catalogue.directory), authorities, config, inputs
        )
        for reporter in reporters:
            reporter.finish(summary)
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


def _refuse_overwriting_inputs(
    outputs: list[Output], paths: tuple[str, ...], config: Config
) -> None:
    """A report written over a job description, an export or a settings file would lose it."""
    protected = {Path(p).resolve() for p in paths if p != "-"}
    settings = config.settings
    for path in (settings.baseline, settings.waivers, settings.columns, config.file):
        if path is not None:
            protected.add(path.resolve())
    seen: set[Path] = set()
    for output in outputs:
        if output.path is None:
            continue
        target = output.path.resolve()
        if target in protected:
            raise GateError(f"{output.path}: the report would overwrite an input")
        if target in seen:
            raise GateError(f"{output.path}: two reports would be written to one file")
        seen.add(target)


@contextmanager
def _stream(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        with atomic_writer(path) as stream:
            yield stream
    except OSError as error:
        raise GateError(f"cannot write {path}: {error.strerror or error}") from None
