"""`postcheck baseline create`: the run's findings written as a baseline file (baseline.py)."""

from __future__ import annotations

from typing import IO

from postcheck.baseline import BaselineWriter
from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo


class BaselineReporter(Reporter):
    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self.writer = BaselineWriter(stream, info.as_of)

    def add(self, finding: Finding) -> None:
        if not isinstance(finding, InputError):
            self.writer.add(finding.violations)

    def finish(self, summary: Summary) -> None:
        self.writer.finish()
