"""JSON Lines: one JSON object per line, written as each finding is found.

For pipelines that read a report as it grows (`jq -c`, a log shipper, a queue): every line is
a whole JSON document, so a reader never waits for the run to end and memory stays flat however
many records there are. Each line has a `kind`: `violation` (every field of the violation,
suppressed ones included with their `suppression`), `input_error`, and last `summary` (the
counts and the run manifest). json.dumps escapes every line break inside a string, so a value
can never split a line; U+2028 and U+2029 are left as they are, which JSON Lines allows.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter
from postcheck.violations import as_plain

SEVERITIES = ("error", "warning", "info")


class JsonlReporter(Reporter):
    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self._line({"kind": "input_error", **asdict(finding)})
            return
        for violation in finding.violations:
            self._line({"kind": "violation", **as_plain(violation)})

    def finish(self, summary: Summary) -> None:
        self._line(
            {
                "kind": "summary",
                "postcheck_version": self.info.version,
                "as_of": self.info.as_of.isoformat(),
                "fail_on": self.info.fail_on,
                "records": summary.records,
                "violations": summary.violations,
                "input_errors": summary.input_errors,
                "by_severity": {s: summary.by_severity[s] for s in SEVERITIES},
                "by_rule": dict(sorted(summary.by_rule.items())),
                "counting": {s: summary.counting[s] for s in SEVERITIES},
                "suppressed": dict(sorted(summary.suppressed.items())),
                "baseline": summary.baseline,
                "skipped_files": summary.skipped_files,
                "unmatched_authorities": [
                    {"name": name, "records": n} for name, n in summary.unmatched_authorities
                ],
                "manifest": summary.manifest,
            }
        )

    def _line(self, data: dict[str, Any]) -> None:
        self.stream.write(json.dumps(data, ensure_ascii=False) + "\n")
