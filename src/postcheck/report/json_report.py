"""The machine report: one JSON document, streamed, valid against schemas/check.schema.json.

Violations are written as they are found. Input errors come after them in the document, so
they wait in a spool, already encoded: in memory up to SPOOL_BYTES, then in an anonymous
temporary file (gone when closed, or when the process dies), copied into the report at the
end. 200 MB of bad JSON Lines once held 1.2 GB of input errors in memory; now memory stays
flat however many there are, and the document is byte for byte what it was."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import fields
from typing import IO

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.violations import as_plain

SCHEMA_VERSION = 1
SPOOL_BYTES = 1 << 20  # input errors kept in memory before the spool moves to a file
# an input error's fields, in order; their values are plain (text, numbers, None), so a dict
# of them is what dataclasses.asdict gives, without its deep copy (most of the time spent on
# a file of 50,000 bad lines)
_INPUT_ERROR_FIELDS = tuple(f.name for f in fields(InputError))


class JsonReporter(Reporter):
    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        # lives as long as the reporter: closed in finish, or with the process
        self._input_errors = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline=""
        )
        self._no_input_errors = True
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
            # as json.dumps writes a list's items: ", " between them
            if not self._no_input_errors:
                self._input_errors.write(", ")
            self._input_errors.write(json.dumps(_plain(finding), ensure_ascii=False))
            self._no_input_errors = False
            return
        for violation in finding.violations:
            self.stream.write("\n  " if self._first else ",\n  ")
            self.stream.write(json.dumps(as_plain(violation), ensure_ascii=False))
            self._first = False

    def finish(self, summary: Summary) -> None:
        tail = {
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
        self.stream.write('\n], "input_errors": [')
        self._input_errors.seek(0)
        shutil.copyfileobj(self._input_errors, self.stream)
        self._input_errors.close()
        self.stream.write("], " + json.dumps(tail, ensure_ascii=False, indent=None)[1:] + "\n")


def _plain(error: InputError) -> dict[str, object]:
    return {name: getattr(error, name) for name in _INPUT_ERROR_FIELDS}
