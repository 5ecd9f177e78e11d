"""CSV: one row per finding, for the people who sort and filter findings in a spreadsheet.

Written with the csv module (quoting, embedded commas, quotes and line breaks), header first,
rows streamed as found. `kind` says what a row is: `violation`, or `input_error` (its reason in
`message`, the file in `source`). Suppressed findings are rows too, with `suppressed` (waiver or
baseline) and `justification` filled in. A cross-record finding is one row at its first record;
`records` names them all ("file:line; file:line").

Spreadsheets run a cell that starts with =, +, - or @ (or a tab or carriage return before one)
as a formula, and record text reaches every cell: a job description could hold
`=HYPERLINK(...)`. So, as OWASP advises against CSV injection, such a cell gets a leading
apostrophe, which spreadsheets show as text; a program reading the file sees the apostrophe.
"""

from __future__ import annotations

import csv
from typing import IO

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.violations import Violation

COLUMNS = (
    "kind",
    "rule_id",
    "severity",
    "area",
    "title",
    "message",
    "citation",
    "url",
    "source",
    "line",
    "page",
    "post_number",
    "record_label",
    "authority",
    "post_title",
    "directorate",
    "service_area",
    "grade",
    "post",
    "fingerprint",
    "suppressed",
    "justification",
    "baseline",
    "records",
    "field",
    "fix",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | None


def defused(value: Cell) -> str:
    """A cell's text, with an apostrophe before what a spreadsheet would run as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(FORMULA_START) else text


class CsvReporter(Reporter):
    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._writer = csv.writer(stream)
        self._writer.writerow(COLUMNS)

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self._row(
                kind="input_error",
                message=finding.reason,
                source=finding.file,
                line=finding.line,
                field=finding.field,
            )
            return
        for violation in finding.violations:
            self._violation(violation)

    def _violation(self, v: Violation) -> None:
        suppression = v.suppression
        self._row(
            kind="violation",
            rule_id=v.rule_id,
            severity=v.severity,
            area=v.area,
            title=v.title,
            message=v.message,
            citation=v.citation,
            url=v.url,
            source=v.source,
            line=v.line,
            page=v.page,
            post_number=v.post_number,
            record_label=v.record_label,
            authority=v.authority,
            post_title=v.post_title,
            directorate=v.directorate,
            service_area=v.service_area,
            grade=v.grade,
            post=v.post,
            fingerprint=v.fingerprint,
            suppressed=suppression.kind if suppression else None,
            justification=suppression.justification if suppression else None,
            baseline=v.baseline,
            records="; ".join(m.source + (f":{m.line}" if m.line else "") for m in v.records),
            field=v.field,
            fix=v.fix,
        )

    def _row(self, **cells: Cell) -> None:
        self._writer.writerow([defused(cells.get(column)) for column in COLUMNS])

    def finish(self, summary: Summary) -> None:
        """Nothing to add: a CSV has rows only, and the rows were written as they came."""
