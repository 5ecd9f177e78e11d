"""What every report format shares: the run it describes and the order it is told things in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO

from postcheck.check import Finding, Summary
from postcheck.rules.model import AnyRule


@dataclass(frozen=True)
class RunInfo:
    version: str
    as_of: dt.date
    rules_dir: str
    fail_on: str
    silent_rules: tuple[tuple[str, str], ...] = ()  # rules not run today, and why
    rules: tuple[AnyRule, ...] = ()  # the rules this run judges with (SARIF's tool.driver.rules)
    statistics: bool = False  # also count findings per rule and severity (--statistics)
    quiet: bool = False  # only the findings that count towards the exit status (--quiet)


class Reporter:
    """Told each finding in input order, then the summary; writes to one text stream.

    Each violation carries its fingerprint, and a `suppression` (waiver or baseline) when it
    does not count towards the exit status: formats that can show suppressed findings show
    them as such, never drop them. The summary's `manifest` is complete by `finish`."""

    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        self.stream = stream
        self.info = info
        self.color = color
        self.verbose = verbose

    def add(self, finding: Finding) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        raise NotImplementedError
