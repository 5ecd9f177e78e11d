"""The machine report: one JSON document, streamed, valid against schemas/check.schema.json."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import IO, Any

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.violations import as_plain

SCHEMA_VERSION = 1


class JsonReporter(Reporter):
    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._input_errors: list[dict[str, Any]] = []
        self._first = True
        header = {
            "schema_version": SCHEMA_VERSION,
            "postcheck_version": info.version,
            "as_of": info.as_of.isoformat(),
            "rules_dir": info.rules_dir,
            "fail_on": info.fail_on,
        }
        # Streamed: violations are written as they are found, so memory stays flat.
        self.stream.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "violations": [')

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self._input_errors.append(asdict(finding))
            return
        for violation in finding.violations:
            self.stream.write("\n  " if self._first else ",\n  ")
            self.stream.write(json.dumps(as_plain(violation), ensure_ascii=False))
            self._first = False

    def finish(self, summary: Summary) -> None:
        tail = {
            "input_errors": self._input_errors,
            "summary": {
                "records": summary.records,
                "violations": summary.violations,
                "input_errors": summary.input_errors,
                "by_severity": {s: summary.by_severity[s] for s in ("error", "warning", "info")},
                "by_rule": dict(sorted(summary.by_rule.items())),
                "unmatched_authorities": [
                    {"name": name, "records": n} for name, n in summary.unmatched_authorities
                ],
                "counting": {s: summary.counting[s] for s in ("error", "warning", "info")},
                "suppressed": dict(sorted(summary.suppressed.items())),
                "baseline": summary.baseline,
                "skipped_files": summary.skipped_files,
            },
            "manifest": summary.manifest,
        }
        self.stream.write("\n], " + json.dumps(tail, ensure_ascii=False, indent=None)[1:] + "\n")
