"""Reports: one class per output format, each fed findings as they come and a summary at the end."""

from __future__ import annotations

from typing import IO

from postcheck.report.base import Reporter, RunInfo
from postcheck.report.baseline_report import BaselineReporter
from postcheck.report.csv_report import CsvReporter
from postcheck.report.github import GithubReporter
from postcheck.report.gitlab import GitlabReporter
from postcheck.report.json_report import JsonReporter
from postcheck.report.jsonl import JsonlReporter
from postcheck.report.junit import JunitReporter
from postcheck.report.sarif import SarifReporter
from postcheck.report.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "gitlab": GitlabReporter,
    "jsonl": JsonlReporter,
    "csv": CsvReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "baseline": BaselineReporter,  # written by `postcheck baseline create`
}


def make_reporter(
    name: str, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
) -> Reporter:
    return REPORTERS[name](stream, info, color=color, verbose=verbose)


__all__ = ["REPORTERS", "Reporter", "RunInfo", "make_reporter"]
