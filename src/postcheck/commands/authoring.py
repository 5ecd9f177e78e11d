"""`postcheck diff` and `postcheck verify`: what a change of rules or day moves, and whether a
rules folder holds up (docs/rule-authoring.md)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from postcheck.cli import (
    UsageFailure,
    _authorities_option,
    _authority_option,
    _columns_option,
    _config_options,
    _configuration,
    _Day,
    _day,
    _folder_options,
    _format_option,
    _selection_options,
    main,
)


@main.command("diff")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--rules-new",
    "rules_new",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the changed rules to compare with --rules (default: the --rules folder).",
)
@click.option(
    "--rev",
    default=None,
    metavar="REV",
    help="Judge first with the --rules folder as it was at this git revision (HEAD~1, main, "
    "a tag); needs git.",
)
@click.option(
    "--rev-new",
    default=None,
    metavar="REV",
    help="Judge second with the --rules-new folder (default --rules) at this git revision "
    "(default: the folder as it is now).",
)
@click.option(
    "--as-of-new",
    type=_Day(),
    default=None,
    help="Judge second as the law stood on this day (default: the --as-of day).",
)
@_format_option("text", "json", default="text")
@_selection_options
@_folder_options
@_columns_option()
@_authority_option()
@_authorities_option
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the rules to judge first (default: the configuration's, else the bundled "
    "rules).",
)
@click.option(
    "--as-of",
    type=_Day(),
    default=None,
    help="Judge first as the law stood on this day (YYYY-MM-DD; default today).",
)
@_config_options
def diff(
    paths: tuple[str, ...],
    rules_new: Path | None,
    rev: str | None,
    rev_new: str | None,
    as_of_new: dt.datetime | None,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: str | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    columns_file: Path | None,
    authority_file: Path | None,
    authority_dirs: tuple[Path, ...],
    rules_dir: Path | None,
    as_of: dt.datetime | None,
    config_file: Path | None,
    no_config: bool,
) -> None:
    """Show what changing the rules, or the day, does to the findings in PATHS: per post, the
    findings that appear (+), disappear (-) or change (~: severity, message or evidence), with
    counts per rule. Compare two folders (--rules, --rules-new), two git revisions of one
    (--rev, --rev-new), or two days (--as-of, --as-of-new).

    Exit status: 0 no finding changes, 1 some finding changes, 2 usage or input error.
    """
    from postcheck import impact

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
        include=include,
        exclude=exclude,
        as_of=as_of.date() if as_of else None,
    )
    old = impact.Side(rev=rev)  # the configuration's rules and day: --rules, --as-of
    new = impact.Side(rules_new, rev_new, as_of_new.date() if as_of_new else None)
    try:
        result = impact.diff(config, paths, old, new)
    except ValueError as error:  # rules, revisions, authorities, column map, selection
        raise UsageFailure(str(error)) from None
    if output_format == "json":
        click.echo(json.dumps(impact.as_plain(result), indent=2, ensure_ascii=False))
    else:
        click.echo(impact.render_text(result))
    sys.exit(result.exit_status())


@main.command("verify")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder of rule files to verify.",
)
@_authorities_option
@click.option(
    "--as-of",
    type=_Day(),
    default=None,
    help="Day to judge the examples of rules without `examples.as_of` (YYYY-MM-DD; default today).",
)
@click.option(
    "--variants",
    type=click.IntRange(0, 1000),
    default=32,
    show_default=True,
    help="Records made from each rule's examples (fields crossed, left out, lists cut) on "
    "which the engine must agree with the Python reading of the rule.",
)
@_format_option("text", "json", default="text")
def verify(
    rules_dir: Path,
    authority_dirs: tuple[Path, ...],
    as_of: dt.datetime | None,
    variants: int,
    output_format: str,
) -> None:
    """Verify a rules folder: every rule's examples fail and pass as declared on the real
    engine, and the engine agrees with the Python reading of every rule on the examples and
    on variants of them. Examples naming a council need its authority file (--authorities).

    Exit status: 0 every rule verifies, 1 a failing example or a disagreement, 2 the folder
    does not load (the rule file and line are named).
    """
    from postcheck.verify import as_plain, render_text, verify_folder

    try:
        result = verify_folder(rules_dir, authority_dirs, _day(as_of), variants)
    except ValueError as error:  # RuleFileError, AuthorityFileError
        raise UsageFailure(str(error)) from None
    if output_format == "json":
        click.echo(json.dumps(as_plain(result), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result))
    sys.exit(result.exit_status())
