"""The code-scanning report: one SARIF 2.1.0 log with one run, for CI gates and review tools.

SARIF readers (GitHub code scanning, VS Code's viewer, Azure DevOps) show a finding at a file
and line, explain its rule from `tool.driver.rules`, and track it across runs by its
fingerprint; so every violation becomes a result with all three, and waived or baselined ones
stay results marked `suppressions`, never dropped. Input errors are not findings about a post
but about the run, so they are the invocation's notifications and make it unsuccessful."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path, PurePath
from typing import IO, Any
from urllib.parse import quote

from postcheck.check import Finding, Summary
from postcheck.engine.set_pass import Member
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.rules.model import AnyRule
from postcheck.violations import Suppression, Violation

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://postcheck.invalid/"  # no public home yet; .invalid never resolves
FINGERPRINT_KEY = "postcheck/v1"  # versioned: a new fingerprint recipe gets a new key
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class SarifReporter(Reporter):
    """Results are kept as small dicts until `finish`: a SARIF log is one JSON object whose
    run-level parts (the summary, the invocation's outcome) are known only at the end."""

    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._started = _utc_now()
        self._rule_index = {rule.id: i for i, rule in enumerate(info.rules)}
        self._results: list[dict[str, Any]] = []
        self._notifications: list[dict[str, Any]] = []

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self._notifications.append(_input_error(finding))
            return
        self._results.extend(self._result(v) for v in finding.violations)

    def _result(self, violation: Violation) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ruleId": violation.rule_id,
            "level": LEVELS[violation.severity],
            "message": {"text": violation.message},
        }
        if violation.rule_id in self._rule_index:
            result["ruleIndex"] = self._rule_index[violation.rule_id]
        if violation.records:
            # a set's finding sits at its first record and names every record of the set
            result["locations"] = [_member_location(violation.records[0])]
            result["relatedLocations"] = [
                {"id": i, **_member_location(m)} for i, m in enumerate(violation.records)
            ]
        else:
            result["locations"] = [_violation_location(violation)]
        if violation.fingerprint:
            result["partialFingerprints"] = {FINGERPRINT_KEY: violation.fingerprint}
        if violation.suppression is not None:
            result["suppressions"] = [_suppression(violation.suppression)]
        if violation.baseline in ("new", "unchanged"):
            result["baselineState"] = violation.baseline
        result["properties"] = {
            "area": violation.area,
            "citation": violation.citation,
            "url": violation.url,
            "fix": violation.fix,
            "field": violation.field,
            "post": violation.post,
            "record": violation.record_label,
        }
        return result

    def finish(self, summary: Summary) -> None:
        skipped = [
            {
                "level": "note",
                "message": {"text": "skipped: not a format postcheck reads as a post"},
                "locations": [_location(path, None)],
            }
            for path in summary.skipped_files
        ]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "postcheck",
                    "version": self.info.version,
                    "informationUri": INFORMATION_URI,
                    "rules": [_descriptor(rule) for rule in self.info.rules],
                }
            },
            "invocations": [
                {
                    "executionSuccessful": not self._notifications,
                    "startTimeUtc": self._started,
                    "endTimeUtc": _utc_now(),
                    "toolExecutionNotifications": self._notifications + skipped,
                }
            ],
            "results": self._results,
            "properties": {
                "as_of": self.info.as_of.isoformat(),
                "fail_on": self.info.fail_on,
                "manifest": summary.manifest,
                "summary": _summary(summary),
            },
        }
        log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
        # default=str: a manifest value JSON has no type for (a date, a path) is written as
        # text rather than losing the whole report at its last step
        json.dump(log, self.stream, ensure_ascii=False, indent=2, default=str)
        self.stream.write("\n")


def _descriptor(rule: AnyRule) -> dict[str, Any]:
    """The rule as SARIF readers explain it: its title, why the law says so, and the fix."""
    law = "\n".join(f"{c.text}: {c.url}" for c in rule.citations)
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{rule.remediation}\n\nLaw: {law}"},
        "helpUri": rule.citations[0].url,
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
        "properties": {
            "area": rule.area.value,
            "certainty": rule.certainty.value,
            "citations": [{"text": c.text, "url": c.url} for c in rule.citations],
            "tags": [rule.area.value, rule.certainty.value],
        },
    }


def _violation_location(violation: Violation) -> dict[str, Any]:
    location = _location(violation.source, violation.line)
    location["message"] = {"text": violation.record_label}
    if violation.page is not None:
        location["properties"] = {"page": violation.page}  # SARIF regions have no page
    return location


def _member_location(member: Member) -> dict[str, Any]:
    return _location(member.source, member.line) | {"message": {"text": member.label}}


def _location(source: str, line: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(source)}}
    if line is not None and line >= 1:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def artifact_uri(source: str) -> str:
    """A path as a URI reference: relative paths stay relative (readers resolve them against
    the checkout), absolute ones become file: URIs; both percent-encoded, with forward slashes,
    so a space, '#' or ':' in a file name cannot be read as URI syntax."""
    path = PurePath(source)
    if path.is_absolute():
        return Path(source).as_uri()
    return quote(path.as_posix())


def _suppression(suppression: Suppression) -> dict[str, Any]:
    """A waiver or baseline entry lives outside the post, hence SARIF's `external` kind; it
    was reviewed when it was written, hence `accepted`."""
    extra = {
        "approver": suppression.approver,
        "expires": suppression.expires,
        "ticket": suppression.ticket,
        "location": suppression.location,
    }
    properties = {k: v for k, v in extra.items() if v is not None}
    return {
        "kind": "external",
        "status": "accepted",
        "justification": suppression.justification,
        "properties": properties | {"postcheck_kind": suppression.kind},
    }


def _input_error(error: InputError) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error",
        "message": {"text": error.reason},
        "locations": [_location(error.file, error.line)],
    }
    known = {k: v for k, v in {"field": error.field, "index": error.index}.items() if v is not None}
    if known:
        notification["properties"] = known
    return notification


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "records": summary.records,
        "violations": summary.violations,
        "input_errors": summary.input_errors,
        "by_severity": {s: summary.by_severity[s] for s in LEVELS},
        "counting": {s: summary.counting[s] for s in LEVELS},
        "suppressed": {k: summary.suppressed[k] for k in ("waiver", "baseline")},
        "baseline": summary.baseline,
        "by_rule": dict(sorted(summary.by_rule.items())),
        "skipped_files": summary.skipped_files,
        "unmatched_authorities": [
            {"name": name, "records": n} for name, n in summary.unmatched_authorities
        ],
    }


def _utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
