"""`postcheck book`: the rule book legal officers review and sign (docs/rule-book.md)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from postcheck.cli import (
    UsageFailure,
    _as_of_option,
    _Day,
    _day,
    _load,
    _rules_option,
    _say,
    main,
    printable_name,
)
from postcheck.exit_codes import ExitCode


@main.group("book", invoke_without_command=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the rule book here: one self-contained, printable HTML file.",
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1 if a rule at or above --check-severity is unsigned or changed since its "
    "sign-off (for CI). The book is still written when -o is given.",
)
@click.option(
    "--check-severity",
    type=click.Choice(["error", "warning", "info"]),
    default="error",
    show_default=True,
    help="The least severity of rule --check requires a current sign-off for.",
)
@_rules_option
@click.option(
    "--law",
    "law_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The law file (default: law/provisions.yaml, bundled with postcheck).",
)
@click.option(
    "--features",
    "features_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of .feature files (default: the bundled features/).",
)
@click.option(
    "--results",
    "results_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The last test run's cucumber JSON (default: .postcheck/scenario-results.json; "
    "without it every scenario shows as not run).",
)
@click.option(
    "--signoff",
    "signoff_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The sign-off file (default: signoff.yaml in the rules folder).",
)
@_as_of_option
@click.option("--force", is_flag=True, help="Write the book through a symbolic link or a device.")
@click.pass_context
def book(
    ctx: click.Context,
    output: Path | None,
    check: bool,
    check_severity: str,
    rules_dir: Path | None,
    law_file: Path | None,
    features_dir: Path | None,
    results_file: Path | None,
    signoff_file: Path | None,
    as_of: dt.datetime | None,
    force: bool,
) -> None:
    """The rule book legal officers review: per area, each provision in plain English with its
    address, the rules resting on it, their scenarios with their last test status, a
    traceability matrix, and each rule's sign-off. `book sign` records a review.
    docs/rule-book.md."""
    if ctx.invoked_subcommand is not None:
        return
    if output is None and not check:
        raise UsageFailure("give -o FILE to write the book, --check to check sign-off, or both")
    from postcheck.atomic import OutputError, plan_output, writer
    from postcheck.book import (
        BookError,
        default_signoff_path,
        load_signoffs,
        make_book,
        problems,
        render_html,
    )
    from postcheck.rules.model import Severity

    catalogue = _load(rules_dir)
    signoff = signoff_file or default_signoff_path(catalogue.directory)
    try:
        if output is not None:
            inputs = [p for p in (law_file, results_file, signoff) if p is not None]
            target = plan_output(output, protected=inputs, force=force)
            made = make_book(catalogue, law_file, features_dir, results_file, signoff, _day(as_of))
            with writer(target) as stream:
                stream.write(render_html(made))
            _say(f"wrote {printable_name(str(output))}")
        least = Severity(check_severity)
        found = problems(catalogue, load_signoffs(signoff), least) if check else []
    except (BookError, OutputError) as error:
        raise UsageFailure(str(error)) from None
    if not check:
        return
    for problem in found:
        click.echo(problem.message)
    kind = "error" if check_severity == "error" else f"{check_severity}-or-above"
    one = len(found) == 1
    click.echo(
        f"{len(found)} {kind} rule{'' if one else 's'} need{'s' if one else ''} a current sign-off"
        if found
        else f"every {kind} rule is signed off ({printable_name(str(signoff))})"
    )
    sys.exit(ExitCode.VIOLATIONS if found else ExitCode.CLEAN)


@book.command("sign")
@click.argument("rule_ids", nargs=-1, required=True, metavar="RULE...")
@click.option("--reviewer", required=True, help="Who reviewed the rules: a name, and a role.")
@click.option("--note", default="", help="What the review covered, or any reservation.")
@_rules_option
@click.option(
    "--signoff",
    "signoff_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The sign-off file (default: signoff.yaml in the rules folder).",
)
@click.option(
    "--date", "day", type=_Day(), default=None, help="The day of the review (default today)."
)
def book_sign(
    rule_ids: tuple[str, ...],
    reviewer: str,
    note: str,
    rules_dir: Path | None,
    signoff_file: Path | None,
    day: dt.datetime | None,
) -> None:
    """Record that REVIEWER has reviewed each RULE as it now is: its entry in the sign-off
    file gets the rule's current content hash, replacing any earlier one."""
    from postcheck.book import default_signoff_path, sign

    catalogue = _load(rules_dir)
    path = signoff_file or default_signoff_path(catalogue.directory)
    try:
        made = sign(path, catalogue, list(rule_ids), reviewer, note, _day(day))
    except ValueError as error:  # BookError, or OutputError from the atomic write
        raise UsageFailure(str(error)) from None
    for entry in made:
        click.echo(
            f"{printable_name(str(path))}: {entry.rule} signed off by {entry.reviewer} on "
            f"{entry.date.isoformat()} ({entry.hash[:19]})"
        )
