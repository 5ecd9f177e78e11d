"""What every report format shares: the run it describes and the order it is told things in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO

from postcheck.check import Finding, Summary


@dataclass(frozen=True)
class RunInfo:
    version: str
    as_of: dt.date
    rules_dir: str
    fail_on: str
    silent_rules: tuple[tuple[str, str], ...] = ()  # rules not run today, and why


class Reporter:
    """Told each finding in input order, then the summary; writes to one text stream."""

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
