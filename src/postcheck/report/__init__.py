"""Reports: one class per output format, each fed findings as they come and a summary at the end.

A format's module is imported only when a run asks for it: a pre-commit hook writing text does
not load XML, spreadsheet or SARIF code."""

from __future__ import annotations

from importlib import import_module
from typing import IO

from postcheck.report.base import Reporter, RunInfo

# format -> (module under postcheck.report, class)
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "json": ("json_report", "JsonReporter"),
    "github": ("github", "GithubReporter"),
    "gitlab": ("gitlab", "GitlabReporter"),
    "jsonl": ("jsonl", "JsonlReporter"),
    "csv": ("csv_report", "CsvReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "junit": ("junit", "JunitReporter"),
    "html": ("html_report", "HtmlReporter"),
    "xlsx": ("xlsx_report", "XlsxReporter"),
    "baseline": ("baseline_report", "BaselineReporter"),  # `postcheck baseline create`
}


def reporter_class(name: str) -> type[Reporter]:
    module, cls = REPORTERS[name]
    found: type[Reporter] = getattr(import_module(f"postcheck.report.{module}"), cls)
    return found


def make_reporter(
    name: str, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
) -> Reporter:
    return reporter_class(name)(stream, info, color=color, verbose=verbose)


__all__ = ["REPORTERS", "Reporter", "RunInfo", "make_reporter", "reporter_class"]
