"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line.

Written as the runner reads them, one `::error|warning|notice file=...,line=...,title=...::text`
line per finding, streamed as found. The escaping is the Actions toolkit's own (`escapeData`
and `escapeProperty`): a message or file name can neither end the command early, nor start a
second one on a new line, nor be unescaped into something it did not say. It is five lines,
so it is written here rather than taken from a package.

Waived and baselined findings do not fail the gate, so they are never `::error` or
`::warning`: they are notices that say why (left out with --quiet). GitHub shows at most ten
errors and ten warnings per step as annotations; the plain summary line at the end counts all.
"""

from __future__ import annotations

from pathlib import Path

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter
from postcheck.violations import Violation

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message, as the toolkit's escapeData: % first, so nothing is escaped twice."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title), as the toolkit's escapeProperty: : and , end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def repository_path(source: str) -> str:
    """The path as CI tools match it against the repository: relative to the working directory
    (the checkout) when it lies inside it, with / separators and no leading ./; else as given."""
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return source
    return path.as_posix()


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line; properties that are None are left out."""
    given = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None
    )
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


class GithubReporter(Reporter):
    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            message = f"input error: {finding.reason}"
            if finding.field:
                message += f" (field {finding.field})"
            self._write(
                command("error", message, file=repository_path(finding.file), line=finding.line)
            )
            return
        for violation in finding.violations:
            if violation.counts or not self.info.quiet:  # --quiet: only what fails the gate
                self._write(self._annotation(violation))

    def _annotation(self, violation: Violation) -> str:
        """A cross-record finding is one annotation, at its first record, naming them all."""
        message = violation.message
        if violation.records:
            where = ", ".join(
                repository_path(m.source) + (f":{m.line}" if m.line else "")
                for m in violation.records
            )
            message += f" (records: {where})"
        name = _COMMAND[violation.severity]
        if violation.suppression is not None:
            name = "notice"
            if violation.suppression.kind == "waiver":
                message += f" (waived: {violation.suppression.justification})"
            else:
                message += " (baselined)"
        return command(
            name,
            message,
            file=repository_path(violation.source),
            line=violation.line,
            title=f"{violation.rule_id}: {violation.title}",
        )

    def _write(self, line: str) -> None:
        self.stream.write(line + "\n")

    def finish(self, summary: Summary) -> None:
        """A plain line, not a command: what the gate counted, and what it was told to pass."""
        counting = ", ".join(
            f"{summary.counting[s]} {s}{'' if s == 'info' or summary.counting[s] == 1 else 's'}"
            for s in ("error", "warning", "info")
        )
        suppressed = f"{sum(summary.suppressed.values())} suppressed"
        if summary.suppressed:
            kinds = {"waiver": "waived", "baseline": "baselined"}
            suppressed += (
                " ("
                + ", ".join(
                    f"{n} {kinds.get(kind, kind)}" for kind, n in sorted(summary.suppressed.items())
                )
                + ")"
            )
        line = (
            f"postcheck: {_count(summary.records, 'record')} checked as of "
            f"{self.info.as_of.isoformat()}: {_count(sum(summary.counting.values()), 'finding')}"
            f" counting ({counting}), {suppressed}, "
            f"{_count(summary.input_errors, 'input error')}"
        )
        # A line that began with :: would be read as a command; this one starts with a word.
        self._write(line)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
