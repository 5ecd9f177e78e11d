"""Exit codes: stable, documented in docs/exit-codes.md, relied on by publishing pipelines."""

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0  # no violation at or above the --fail-on threshold
    VIOLATIONS = 1  # at least one violation at or above the threshold
    USAGE_OR_INPUT = 2  # bad options, unreadable rules, or input that could not be read
