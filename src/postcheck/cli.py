"""The command line: check, rules, explain, schema, extract, authorities. Exit codes in
exit_codes.py."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from postcheck import __version__
from postcheck.exit_codes import ExitCode, for_signal

# Start-up is part of a pre-commit hook's cost: `--version` and `--help` import only click, and
# each command imports what it uses (pydantic, the rules, the engine) when it runs.
if TYPE_CHECKING:
    from postcheck.config import Config
    from postcheck.gate import Output
    from postcheck.rules.catalogue import Catalogue

F = TypeVar("F", bound=Callable[..., Any])
FAIL_ON = ("error", "warning", "info", "never")


class UsageFailure(click.ClickException):
    """A problem with options, rules or input files: one clean message and exit code 2."""

    exit_code = ExitCode.USAGE_OR_INPUT

    def format_message(self) -> str:
        """The message as a terminal may show it: a file name can hold escape sequences."""
        from postcheck.printable import printable

        return "\n".join(map(printable, self.message.split("\n")))


class _Postcheck(click.Group):
    """The command group. Every command ends the same way, whatever stops it: SIGINT, SIGTERM
    and SIGHUP remove the temporary report files and exit 128 + the signal (130, 143, 129); a
    reader of standard output that goes away (`| head`) ends the run quietly with 141, as a
    Unix tool killed by SIGPIPE; a standard output that cannot be written (`> /dev/full`) is
    one line and exit 2. Never a traceback. docs/exit-codes.md."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """`main()` with the process's own arguments is the program (the `postcheck` script,
        `python -m postcheck`): it runs one command and exits, so what start-up builds may be
        frozen (startup.py). Tests and programs give main.main() their arguments."""
        if not args and "args" not in kwargs:
            from postcheck.startup import run_as_one_command

            run_as_one_command()
        return super().__call__(*args, **kwargs)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """`postcheck rules >&-`: a command that prints its result has nowhere to print it.
        (`check` decides for itself: its reports may go to files.)"""
        name, command, rest = super().resolve_command(ctx, args)
        if sys.stdout is None and name not in (None, "check", "baseline"):
            raise UsageFailure("standard output is closed: there is nowhere to print to")
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        from postcheck.interrupt import Interrupted, signals_raised

        _reopen_closed_descriptors()
        try:
            with signals_raised():
                try:
                    result = super().invoke(ctx)
                except SystemExit:
                    _flush_stdout()
                    raise
                _flush_stdout()
                return result
        except Interrupted as stop:
            _say(f"postcheck: stopped by {stop.name}; unfinished report files were not written")
            sys.exit(for_signal(stop.signum))
        except KeyboardInterrupt:
            _say("postcheck: interrupted; unfinished report files were not written")
            sys.exit(ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(ExitCode.BROKEN_PIPE)
        except OSError as error:
            _say(f"postcheck: {_os_message(error)}")
            sys.exit(ExitCode.USAGE_OR_INPUT)


def _reopen_closed_descriptors() -> None:
    """`postcheck check - <&-`: a closed standard stream is reopened on /dev/null, so no file
    the run opens lands on descriptor 0, 1 or 2 (where C code or a worker might write)."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != descriptor:
                os.close(opened)


def _flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def _silence_stdout() -> None:
    from postcheck.atomic import silence_stdout

    silence_stdout()


def _os_message(error: OSError) -> str:
    """An OSError no reader or report named: with a file name, that file; without, the only
    stream left unnamed, standard output (`postcheck rules > /dev/full`)."""
    why = (error.strerror or str(error)).lower()
    if error.filename is not None:
        return printable_name(str(error.filename)) + f": {why}"
    _silence_stdout()
    return f"cannot write to standard output: {why}"


def printable_name(text: str) -> str:
    """Input text as a terminal may show it (atomic.printable), imported only when needed."""
    from postcheck.printable import printable

    return printable(text)


def _say(message: str) -> None:
    click.echo(message, err=True)  # a closed standard error (`2>&-`) is left silent


def _rules_option(command: F) -> F:
    return click.option(
        "--rules",
        "rules_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of rule files (default: the rules bundled with postcheck).",
    )(command)


class _Day(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2, not on 8.1
    """A calendar day written YYYY-MM-DD; "2026-13-01" is refused as no real date, not as a
    format mismatch."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.datetime):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f"{value!r} is not a day written YYYY-MM-DD", param, ctx)
        try:
            return dt.datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            self.fail(f"{value!r} is not a real date", param, ctx)


def _as_of_option(command: F) -> F:
    return click.option(
        "--as-of",
        type=_Day(),
        default=None,
        help="Judge the law and the dates as they stood on this day (YYYY-MM-DD; default today).",
    )(command)


def _format_option(*choices: str, default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


def _authorities_option(command: F) -> F:
    return click.option(
        "--authorities",
        "authority_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Folder of authority files to add to the bundled ones (repeatable; a later "
        "folder's file replaces an earlier one of the same name). See docs/authority-files.md.",
    )(command)


def _columns_option(
    help: str = "Column map: a YAML file of export header -> record field, for CSV and XLSX "
    "exports (docs/column-maps.md).",
) -> Callable[[F], F]:
    return _file_option("--columns", "columns_file", help)


def _authority_option(
    help: str = "Authority context file for every record (default: matched by the record's "
    "authority name among the bundled ones).",
) -> Callable[[F], F]:
    return _file_option("--authority", "authority_file", help)


def _file_option(flag: str, name: str, help: str) -> Callable[[F], F]:
    """An option naming one existing file, unset by default."""
    return click.option(
        flag,
        name,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help=help,
    )


def _selection_options(command: F) -> F:
    """--select, --ignore and --profile: which rules a command runs (rules/selection.py)."""
    command = click.option(
        "--profile", default=None, help="Named rule selection from profiles.yaml."
    )(command)
    command = click.option(
        "--ignore", multiple=True, metavar="SELECTOR", help="Skip these rules (repeatable)."
    )(command)
    return click.option(
        "--select",
        multiple=True,
        metavar="SELECTOR",
        help="Run only these rules: ids, areas, severities, certainties or globs (repeatable).",
    )(command)


def _folder_options(command: F) -> F:
    """--include and --exclude: which files of the folders given are read."""
    command = click.option(
        "--exclude", multiple=True, metavar="GLOB", help="Skip matching files of folders."
    )(command)
    return click.option(
        "--include", multiple=True, metavar="GLOB", help="Read only matching files of folders."
    )(command)


def _start_up_only(command: F) -> F:
    """A command that loads the catalogue, prints and ends runs as start-up does, with the
    collector paused and what it built frozen after (startup.py)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from postcheck.startup import collector_paused

        with collector_paused():
            return command(*args, **kwargs)

    return cast(F, run)


def _load(rules_dir: Path | None) -> Catalogue:
    from postcheck.rules.catalogue import RuleFileError, bundled_rules_dir, load_catalogue

    try:
        return load_catalogue(rules_dir or bundled_rules_dir())
    except RuleFileError as error:
        raise UsageFailure(str(error)) from None


def _day(as_of: dt.datetime | None) -> dt.date:
    return as_of.date() if as_of else dt.date.today()


@click.group(
    cls=_Postcheck,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="postcheck")
def main() -> None:
    """Check UK local-authority job posts against the statutes that govern them."""


REPORT_FORMATS = (
    "text",
    "json",
    "sarif",
    "junit",
    "github",
    "gitlab",
    "jsonl",
    "csv",
    "html",
    "xlsx",
)


def _config_options(command: F) -> F:
    command = click.option(
        "--no-config", is_flag=True, help="Ignore configuration files (defaults and options only)."
    )(command)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help="Configuration file (default: the nearest postcheck.toml, or pyproject.toml with "
        "[tool.postcheck], upward from here). See docs/configuration.md.",
    )(command)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "formats",
    type=click.Choice(REPORT_FORMATS),
    multiple=True,
    help="Report format; repeat for several reports in one run, each paired in order with an "
    "--output (one of them may be '-' for standard output). Default: text.",
)
@click.option(
    "--output",
    "-o",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Write the report to FILE (atomically); repeatable, paired with --format in order.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Let --output write through a symbolic link, or into a device or named pipe "
    "(/dev/null), which are refused otherwise; the link or device is never replaced.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Exit 1 when a finding that counts is at or above this severity (default: error).",
)
@_selection_options
@_folder_options
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Baseline file: only findings it does not list count (postcheck baseline create).",
)
@click.option(
    "--waivers",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Reviewed waiver file (docs/waivers.md).",
)
@click.option(
    "--skip-non-posts",
    is_flag=True,
    help="Skip files named in PATHS that are not posts (images, workflow files), as files "
    "found in folders are; for pre-commit, which names every changed file.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes judging records; the report is the same, in the same order.",
)
@click.option("--statistics", is_flag=True, help="Also count the findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Show only findings that count; no summary line.")
@click.option(
    "--stdin-format",
    type=click.Choice(["auto", "yaml", "json", "jsonl", "csv", "text"]),
    default="auto",
    show_default=True,
    help="Format of records read from '-'.",
)
@_columns_option()
@click.option(
    "--strict-columns/--lenient-columns",
    default=None,
    help="Make a CSV or XLSX column that matches no record field an input error (default: "
    "ignored, with one warning per file).",
)
@click.option(
    "--sheet",
    default=None,
    metavar="NAME",
    help="Sheet of XLSX workbooks to read (default: the first).",
)
@click.option(
    "--color/--no-color", default=None, help="Force colour on or off (default: on a terminal)."
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Also say which rules were not run on the --as-of day, and which could not judge a "
    "record for want of facts about its authority.",
)
@click.option(
    "--progress/--no-progress",
    "show_progress",
    default=None,
    help="Show a record counter on standard error (default: when it is a terminal).",
)
@_authority_option()
@_authorities_option
@_rules_option
@_as_of_option
@_config_options
def check(
    paths: tuple[str, ...],
    formats: tuple[str, ...],
    outputs: tuple[str, ...],
    force: bool,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    baseline: Path | None,
    waivers: Path | None,
    skip_non_posts: bool,
    jobs: int,
    statistics: bool,
    quiet: bool,
    stdin_format: str,
    columns_file: Path | None,
    strict_columns: bool | None,
    sheet: str | None,
    color: bool | None,
    verbose: bool,
    show_progress: bool | None,
    authority_file: Path | None,
    authority_dirs: tuple[Path, ...],
    rules_dir: Path | None,
    as_of: dt.datetime | None,
    config_file: Path | None,
    no_config: bool,
) -> None:
    """Check post records and job descriptions in PATHS (files, folders, or - for stdin).

    Exit status: 0 clean, 1 findings that count at or above --fail-on, 2 usage or input error;
    stopped by a signal, 128 + its number (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP); 141 when the
    reader of standard output stops reading (docs/exit-codes.md).
    """
    from postcheck.startup import collector_paused

    with collector_paused():  # the imports' objects live until the run ends (startup.py)
        from postcheck import gate

    config = _configuration(
        config_file,
        no_config,
        rules=rules_dir,
        authorities=authority_dirs,
        authority=authority_file,
        columns=columns_file,
        strict_columns=strict_columns,
        sheet=sheet,
        profile=profile,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        as_of=as_of.date() if as_of else None,
        include=include,
        exclude=exclude,
        baseline=baseline,
        waivers=waivers,
    )
    reports = _outputs(formats, outputs)

    def warn(file: str, message: str) -> None:
        click.echo(f"warning: {printable_name(file)}: {printable_name(message)}", err=True)

    display = gate.Display(
        color,
        verbose,
        show_progress,
        statistics,
        quiet,
        stdin_format,
        warn,
        skip_non_posts,
        jobs,
        force,
    )
    try:
        status = gate.check(config, paths, reports, display)
    except ValueError as error:  # rule, authority, column-map, waiver, baseline, selection
        raise UsageFailure(str(error)) from None
    sys.exit(status)


def _configuration(config_file: Path | None, no_config: bool, **options: Any) -> Config:
    """The configuration file's settings with the command-line options laid over them."""
    from postcheck.config import ConfigError, find_config, load_config

    try:
        found = None if no_config else (config_file or find_config(Path.cwd()))
        return load_config(found).with_options(options)
    except (ConfigError, ValueError) as error:
        raise UsageFailure(str(error)) from None


def _outputs(formats: tuple[str, ...], outputs: tuple[str, ...]) -> list[Output]:
    """Reports requested: formats paired in order with outputs ('-' or none: stdout)."""
    from postcheck.gate import Output

    chosen = list(formats) or ["text"]
    if len(outputs) > len(chosen):
        raise UsageFailure("more --output files than --format choices: pair each with one")
    if len(chosen) > 1 and len(outputs) < len(chosen):
        raise UsageFailure(
            "several --format choices need an --output each (one may be '-' for stdout)"
        )
    paired = [
        Output(fmt, None if i >= len(outputs) or outputs[i] == "-" else Path(outputs[i]))
        for i, fmt in enumerate(chosen)
    ]
    if sum(o.path is None for o in paired) > 1:
        raise UsageFailure("only one report can go to standard output")
    return paired


@main.command("config")
@_format_option("text", "json", default="text")
@_config_options
def show_config(output_format: str, config_file: Path | None, no_config: bool) -> None:
    """Print the effective configuration: every setting, its value, and where it came from
    (a file and line, or the default)."""
    from postcheck.gate import compile_with, load_rules

    config = _configuration(config_file, no_config)
    rules = config.settings.rules
    if rules is None or rules.is_dir():  # the settings must work, not only parse
        try:
            compile_with(config, load_rules(config), config.settings.as_of or dt.date.today())
        except ValueError as error:
            raise UsageFailure(str(error)) from None
    values = config.settings.model_dump(mode="json")
    if output_format == "json":
        rows = {k: {"value": v, "from": config.origin(k)} for k, v in values.items()}
        click.echo(
            json.dumps(
                {"file": str(config.file) if config.file else None, "settings": rows}, indent=2
            )
        )
        return
    click.echo(f"configuration file: {config.file or 'none found'}")
    width = max(map(len, values))
    for name, value in values.items():
        shown = json.dumps(value, ensure_ascii=False)
        click.echo(f"  {name:<{width}}  {shown}  ({config.origin(name)})")


@main.group("baseline")
def baseline_group() -> None:
    """Adopt postcheck on posts that already have findings: record them, then count only new
    ones (check --baseline FILE)."""


@baseline_group.command("create")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True)
@_selection_options
@_columns_option()
@_authority_option()
@_authorities_option
@_rules_option
@_as_of_option
@_config_options
def baseline_create(
    file: Path,
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: str | None,
    columns_file: Path | None,
    authority_file: Path | None,
    authority_dirs: tuple[Path, ...],
    rules_dir: Path | None,
    as_of: dt.datetime | None,
    config_file: Path | None,
    no_config: bool,
) -> None:
    """Write FILE: a baseline of every finding in PATHS today (atomically). Exit 2 if any
    input could not be read (the file is still written)."""
    from postcheck import gate

    config = _configuration(
        config_file,
        no_config,
        rules=rules_dir,
        authorities=authority_dirs,
        authority=authority_file,
        columns=columns_file,
        profile=profile,
        select=select,
        ignore=ignore,
        as_of=as_of.date() if as_of else None,
    )
    config = config.without("baseline", "waivers")
    try:
        status = gate.check(config, paths, [gate.Output("baseline", file)], gate.Display())
    except ValueError as error:
        raise UsageFailure(str(error)) from None
    entries = len(json.loads(file.read_text(encoding="utf-8"))["findings"])
    click.echo(f"{file}: baseline of {entries} finding{'s' if entries != 1 else ''}", err=True)
    sys.exit(ExitCode.USAGE_OR_INPUT if status == ExitCode.USAGE_OR_INPUT else ExitCode.CLEAN)


@main.command("waivers")
@click.argument(
    "file", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False
)
@_format_option("text", "json", default="text")
@_rules_option
@_as_of_option
@_config_options
def list_waivers(
    file: Path | None,
    output_format: str,
    rules_dir: Path | None,
    as_of: dt.datetime | None,
    config_file: Path | None,
    no_config: bool,
) -> None:
    """List the waivers of FILE (default: the configuration's `waivers`), with the days left
    until each expires. Exit 1 if one has expired or is incomplete."""
    from postcheck.waivers import load_waivers

    config = _configuration(config_file, no_config, rules=rules_dir, waivers=file)
    path = config.settings.waivers
    if path is None:
        raise UsageFailure("no waiver file: give FILE or set `waivers` in the configuration")
    day = _day(as_of) if as_of else (config.settings.as_of or dt.date.today())
    catalogue = _load(config.settings.rules)
    try:
        waivers = load_waivers(path, day, (r.id for r in catalogue.all_rules))
    except ValueError as error:
        raise UsageFailure(str(error)) from None
    rows = []
    for entry in waivers.entries:
        w = entry.waiver
        left = (w.expires - day).days if w.expires else None
        problem = waivers.problem(entry)
        rows.append(
            {
                "line": entry.line,
                "post": w.post,
                "rule": w.rule,
                "approver": w.approver,
                "expires": w.expires.isoformat() if w.expires else None,
                "days_left": left,
                "ticket": w.ticket,
                "reason": w.reason,
                "problem": problem[1] if problem else None,
            }
        )
    if output_format == "json":
        click.echo(
            json.dumps(
                {"file": str(path), "as_of": day.isoformat(), "waivers": rows},
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for row in rows:
            state = row["problem"] or f"{row['days_left']} days left"
            click.echo(
                printable_name(
                    f"{path}:{row['line']}  {row['rule']}  post {row['post']}  "
                    f"expires {row['expires'] or '?'}  ({state})  "
                    f"approved by {row['approver'] or '?'}"
                )
            )
        click.echo(f"{len(rows)} waiver{'s' if len(rows) != 1 else ''} as of {day.isoformat()}")
    sys.exit(ExitCode.VIOLATIONS if any(r["problem"] for r in rows) else ExitCode.CLEAN)


@main.command("rules")
@_format_option("text", "json", default="text")
@_rules_option
@_as_of_option
@_start_up_only
def list_rules(output_format: str, rules_dir: Path | None, as_of: dt.datetime | None) -> None:
    """List the rule catalogue, and which rules are silent on the --as-of day and why."""
    from postcheck.check import compile_for_run
    from postcheck.rules.catalogue import RuleFileError
    from postcheck.rules.model import SetRule

    catalogue = _load(rules_dir)
    try:
        compiled = compile_for_run(catalogue, _day(as_of))
    except (RuleFileError, ValueError) as error:
        raise UsageFailure(str(error)) from None
    if output_format == "json":
        rules = [
            rule.model_dump(mode="json", by_alias=True)
            | {
                "kind": "cross-record" if isinstance(rule, SetRule) else "per-post",
                "in_force": rule.id in compiled.rules or rule.id in compiled.sets,
                "silent_because": compiled.not_applicable.get(rule.id),
            }
            for rule in catalogue.all_rules
        ]
        click.echo(
            json.dumps(
                {"as_of": compiled.as_of.isoformat(), "rules": rules}, indent=2, ensure_ascii=False
            )
        )
        return
    width = max(len(r.id) for r in catalogue.all_rules)
    for rule in catalogue.all_rules:
        silent = compiled.not_applicable.get(rule.id)
        note = f"  [silent: {silent}]" if silent else ""
        click.echo(
            printable_name(
                f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.area.value:<21}  "
                f"{rule.title}{note}"
            )
        )


@main.command()
@click.argument("rule_id")
@_rules_option
@_as_of_option
@_start_up_only
def explain(rule_id: str, rules_dir: Path | None, as_of: dt.datetime | None) -> None:
    """Print one rule in full: the law, why it matters, how to fix it, and examples, with the
    values (the s.9 pay limit, the review period) in force on the --as-of day."""
    from postcheck.explain import render_explanation, render_scenarios
    from postcheck.rules.catalogue import RuleFileError

    catalogue = _load(rules_dir)
    rule = catalogue.get(rule_id)
    if rule is None:
        raise UsageFailure(f"no rule {rule_id!r} (see `postcheck rules`)")
    try:
        click.echo(render_explanation(rule, catalogue, _day(as_of)))
        if rules_dir is None:  # the bundled features exercise the bundled rules only
            click.echo("\n" + render_scenarios(rule.id))
    except (RuleFileError, ValueError) as error:
        raise UsageFailure(str(error)) from None


@main.command()
@click.option(
    "--facts",
    is_flag=True,
    help="List instead every field a rule condition can test, derived facts and authority "
    "context included.",
)
@click.option(
    "--authority",
    "authority",
    is_flag=True,
    help="Print instead the JSON Schema of an authority file (docs/authority-files.md).",
)
def schema(facts: bool, authority: bool) -> None:
    """Print the JSON Schema of a post record."""
    if facts and authority:
        raise UsageFailure("--facts and --authority cannot be given together")
    if authority:
        from postcheck.rules.authorities import Authority

        click.echo(json.dumps(Authority.model_json_schema(), indent=2, ensure_ascii=False))
        return
    if facts:
        from postcheck.engine.facts import FACT_SCHEMA, FieldType

        def rows(node: FieldType, prefix: str) -> list[tuple[str, str, str]]:
            found = []
            for name, child in node.children.items():
                path = f"{prefix}{name}"
                kind = f"list of {child.item.kind}" if child.item else child.kind
                found.append((path, kind, child.description))
                found += rows(child, path + ".")
                if child.item is not None and child.item.children:
                    found += rows(child.item, path + "[].")
            return found

        for path, kind, description in rows(FACT_SCHEMA, ""):
            click.echo(f"{path:<48} {kind:<16} {description}".rstrip())
        return
    from postcheck.record.model import PostRecord

    click.echo(json.dumps(PostRecord.model_json_schema(), indent=2, ensure_ascii=False))


@main.command("authorities")
@_format_option("text", "json", default="text")
@_authorities_option
@_rules_option
def list_authorities(
    output_format: str, authority_dirs: tuple[Path, ...], rules_dir: Path | None
) -> None:
    """List the known councils and what each authority file states."""
    from postcheck.authority_listing import listing, render_text
    from postcheck.rules.authorities import AuthorityDirectory

    catalogue = _load(rules_dir)
    try:
        directory = AuthorityDirectory.load(catalogue.directory, extra=authority_dirs)
    except ValueError as error:  # AuthorityFileError
        raise UsageFailure(str(error)) from None
    rows = listing(directory)
    if output_format == "json":
        click.echo(json.dumps({"authorities": rows}, indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(rows))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@_format_option("yaml", "json", default="yaml")
def extract(files: tuple[str, ...], output_format: str) -> None:
    """Print the post record read from each document, each value with the line it came from."""
    import yaml

    from postcheck.record.model import PostRecord
    from postcheck.record.outcome import resolved
    from postcheck.record.sources import iter_outcomes

    records: list[dict[str, Any]] = []
    failed = False
    for outcome in resolved(iter_outcomes(files)):
        if isinstance(outcome, PostRecord):
            records.append(
                outcome.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
            )
        else:
            failed = True
            where = printable_name(outcome.file)
            click.echo(f"input error: {where}: {printable_name(outcome.reason)}", err=True)
    if output_format == "json":
        click.echo(
            json.dumps(records if len(records) != 1 else records[0], indent=2, ensure_ascii=False)
        )
    else:
        click.echo(
            yaml.safe_dump_all(records, sort_keys=False, allow_unicode=True, width=100), nl=False
        )
    sys.exit(ExitCode.USAGE_OR_INPUT if failed else ExitCode.CLEAN)


# Commands kept in modules of their own; importing them registers them (their own imports of
# what they run are inside the commands, so start-up stays lazy).
from postcheck.commands import authoring, book, serve  # noqa: E402, F401
