"""`postcheck serve`: the page for people who write job descriptions (docs/web.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from postcheck.cli import (
    FAIL_ON,
    UsageFailure,
    _as_of_option,
    _authorities_option,
    _authority_option,
    _columns_option,
    _config_options,
    _configuration,
    _rules_option,
    _selection_options,
    main,
)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default=None,
    help="Severity the page calls 'not ready' at or above (default: error).",
)
@_selection_options
@_columns_option("Column map for uploaded CSV and XLSX exports (docs/column-maps.md).")
@click.option(
    "--strict-columns/--lenient-columns",
    default=None,
    help="Make an export column that matches no record field an input error.",
)
@click.option("--sheet", default=None, metavar="NAME", help="Sheet of XLSX workbooks to read.")
@_authority_option(
    "Authority context file for every record (default: matched by the record's authority "
    "name, or chosen on the page)."
)
@_authorities_option
@_rules_option
@_as_of_option
@_config_options
def serve(
    host: str,
    port: int,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    profile: str | None,
    columns_file: Path | None,
    strict_columns: bool | None,
    sheet: str | None,
    authority_file: Path | None,
    authority_dirs: tuple[Path, ...],
    rules_dir: Path | None,
    as_of: dt.datetime | None,
    config_file: Path | None,
    no_config: bool,
) -> None:
    """Serve a web page (and a JSON API) that checks job descriptions as `check` does, on
    this computer: http://127.0.0.1:8000 by default. Uploads are deleted before each answer.
    See docs/web.md."""
    from postcheck.web import serve as serve_web

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
    )
    try:
        serve_web(config, host, port)
    except ValueError as error:  # a rule, authority, column-map file or selection
        raise UsageFailure(str(error)) from None
