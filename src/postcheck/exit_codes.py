"""Exit codes: stable, documented in docs/exit-codes.md, relied on by publishing pipelines.

A run stopped by a signal exits 128 + the signal's number, as the shell reports a command the
signal killed, after removing its temporary files; so does a run whose standard output was
closed by its reader (`| head`), quietly, as Unix tools do."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0  # no violation at or above the --fail-on threshold
    VIOLATIONS = 1  # at least one violation at or above the threshold
    USAGE_OR_INPUT = 2  # bad options, unreadable rules, or input that could not be read
    HANGUP = 129  # SIGHUP (1): the terminal went away
    INTERRUPTED = 130  # SIGINT (2): Ctrl-C
    BROKEN_PIPE = 141  # SIGPIPE (13): the reader of standard output stopped reading
    TERMINATED = 143  # SIGTERM (15): asked to stop (kill, a CI timeout)


def for_signal(signum: int) -> int:
    """The exit code for a run a signal stopped: 128 + its number, as the shell reports it."""
    return 128 + signum
