"""Start-up without the cyclic garbage collector walking what start-up builds.

Importing pydantic and the rule models, then loading and compiling the catalogue, allocates some
60,000 objects that live as long as the run. While they are being made, the collector walks
them again and again (a collection every 700 new objects, and the older generations after),
and none of that walking frees anything: they are not garbage. So a command's start-up runs
with the collector paused, and it is enabled again before the records are read.

When the process exists to run the one command (`postcheck ...`, `python -m postcheck ...`),
what start-up built lives until the process exits, and is frozen (gc.freeze): later
collections, and the one the interpreter makes at exit, pass over it. Pausing and freezing
together take about a fifth off a one-record `postcheck check`. Forked --jobs workers
(check.py) then also share those pages with the parent rather than copying them when a
collection would touch them, as the gc.freeze documentation advises before a fork. The few
thousand objects of cyclic garbage start-up leaves are frozen with the rest, until the exit.
With start-up frozen, the exit also finalises what the run leaves behind in another order: a
finaliser that may complain must not be left to it (report/xlsx_report.py closes a failed
workbook's sheets itself, which before were never finalised at all).

A process that runs commands one after another (the tests, a program calling `main.main()`)
is not frozen: what one command built may be garbage once it ends, and a frozen object is
never collected. The pause is process-wide, so it is for the command line's own thread, never
for the web server's requests.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class _Process:
    """Whether this process runs one command and then exits (set by the command line)."""

    one_command = False


def run_as_one_command() -> None:
    """Declare that the process exits when the command ends: start-up's objects are frozen."""
    _Process.one_command = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector paused; then freeze what exists if the process
    runs one command, and enable the collector again if it was enabled before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _Process.one_command:
            gc.freeze()
        if enabled:
            gc.enable()
