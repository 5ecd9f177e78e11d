"""GitLab Code Quality: a JSON array of issues, shown in the merge request and its diff.

Each issue has the fields GitLab requires (description, check_name, fingerprint, severity,
location.path, location.lines.begin) and a `content.body` with the law and the fix. Severities
go onto GitLab's scale: error -> critical, warning -> major, info -> info. An input error is an
issue too (check_name `input-error`, blocker): the merge request should show why the gate failed.

GitLab cannot show that a finding is suppressed: every issue in the array is an open problem,
and new ones are those whose fingerprint the target branch's report lacks. So waived and
baselined findings are left out of this report (the JSON, SARIF and CSV reports keep them,
marked). GitLab also shows only the first issue of each fingerprint, so a fingerprint seen again
(the same finding twice) gets `-2`, `-3`, ... in input order: unique, and the same every run.

Streamed like the JSON report; only the fingerprints seen are kept, to make them unique.
"""

from __future__ import annotations

import hashlib
import json
from typing import IO, Any

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.report.github import repository_path
from postcheck.violations import Violation

SEVERITY = {"error": "critical", "warning": "major", "info": "info"}
INPUT_ERROR = "input-error"


class GitlabReporter(Reporter):
    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._written: set[str] = set()  # the fingerprints given so far
        self.stream.write("[")

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self._write(_input_error(finding))
            return
        for violation in finding.violations:
            if violation.suppression is None:
                self._write(_issue(violation))

    def _write(self, issue: dict[str, Any]) -> None:
        base = fingerprint = issue["fingerprint"]
        copy = 1
        while fingerprint in self._written:
            copy += 1
            fingerprint = f"{base}-{copy}"
        issue["fingerprint"] = fingerprint
        self.stream.write(",\n  " if self._written else "\n  ")
        self._written.add(fingerprint)
        self.stream.write(json.dumps(issue, ensure_ascii=False))

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n" if self._written else "]\n")


def _issue(violation: Violation) -> dict[str, Any]:
    description = violation.message
    if violation.records:  # a cross-record finding sits at its first record and names them all
        where = ", ".join(
            repository_path(m.source) + (f":{m.line}" if m.line else "") for m in violation.records
        )
        description += f" (records: {where})"
    body = [f"{violation.title}", f"Law: {violation.citation} {violation.url}"]
    if violation.fix:
        body.append(f"Fix: {violation.fix}")
    return {
        "description": description,
        "check_name": violation.rule_id,
        "fingerprint": violation.fingerprint or _digest(violation.rule_id, description),
        "severity": SEVERITY[violation.severity],
        "location": {
            "path": repository_path(violation.source),
            "lines": {"begin": violation.line or 1},
        },
        "content": {"body": "\n\n".join(body)},
    }


def _input_error(error: InputError) -> dict[str, Any]:
    field = f" (field {error.field})" if error.field else ""
    description = f"input error: {error.reason}{field}"
    return {
        "description": description,
        "check_name": INPUT_ERROR,
        "fingerprint": _digest(INPUT_ERROR, error.file, str(error.line), description),
        "severity": "blocker",
        "location": {"path": repository_path(error.file), "lines": {"begin": error.line or 1}},
    }


def _digest(*parts: str) -> str:
    """A fingerprint for what has none of its own, shaped like the findings' (32 hex)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
