"""Progress for long batch runs: records checked, and files read out of those to read with an
estimate of the time left, on standard error.

Shown on a terminal; silent in CI (the `CI` environment variable that GitHub, GitLab and most
others set) and when standard error is piped, unless `--progress` forces it, in which case it
is drawn even into a pipe or a log file (rich redraws it in place on a terminal, and prints its
final state otherwise)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Tick = Callable[[str], None]  # called once per record, with the file it came from


def wanted(forced: bool | None) -> bool:
    """--progress / --no-progress decide; by default, only on an interactive terminal."""
    if forced is not None:
        return forced
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def progress(enabled: bool | None = None, files: int | None = None) -> Iterator[Tick]:
    """Yields tick(source) to call once per record. `files` is how many files the run will
    read, when known: the bar and the estimate follow files read."""
    if not wanted(enabled):
        yield lambda source: None
        return
    # rich's console and progress take some 60 ms to import: only for a bar that is drawn
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True, force_terminal=True if enabled else None)
    columns = [
        SpinnerColumn(),
        TextColumn("{task.fields[records]:,} records checked"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("check", total=files, records=0)
        seen: set[str] = set()
        count = 0

        def tick(source: str) -> None:
            nonlocal count
            count += 1
            advance = 0
            if source not in seen:
                seen.add(source)
                advance = 1 if len(seen) > 1 else 0  # a file counts as read once the next starts
            bar.update(task, advance=advance, records=count)

        try:
            yield tick
        finally:
            bar.update(task, completed=files if files is not None else len(seen), records=count)
