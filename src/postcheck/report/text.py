"""The human report: violations grouped by record, coloured only on a terminal, one summary line."""

from __future__ import annotations

import dataclasses
from typing import IO

from rich.console import Console
from rich.text import Text

from postcheck.check import Finding, RecordResult, SetResult, Summary
from postcheck.printable import printable
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.violations import Violation

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


Part = str | tuple[str, str]  # text, or (text, style)


class TextReporter(Reporter):
    """Lines are built from parts (text, or text with a style), never from markup, so record
    text cannot style itself. Every part goes through `printable`: record values, file names
    and input error reasons can hold control characters, ANSI escapes or a bidi override, and
    printed raw they could forge a report line or retitle the terminal; they are shown as
    visible escapes (`\x1b`, docs/output-formats.md). On a terminal rich draws the lines in
    colour; into a file or a pipe they are written as they are, which is several times faster
    (a 20,000-record report was half as slow again as JSON before)."""

    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self.console = Console(
            file=stream,
            force_terminal=color,
            no_color=color is False,
            highlight=False,
            soft_wrap=True,
        )
        self._styled = color is True or (color is None and self.console.is_terminal)
        if verbose:
            for rule_id, reason in info.silent_rules:
                self._line((f"not run {rule_id}: {reason}", "dim"))
            if info.silent_rules:
                self._line()

    def _line(self, *parts: Part) -> None:
        if self._styled:
            self.console.print(Text.assemble(*map(_printable_part, parts)))
        else:
            text = "".join(p if isinstance(p, str) else p[0] for p in parts)
            self.stream.write(printable(text) + "\n")

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            where = f"{finding.file}" + (f":{finding.line}" if finding.line else "")
            field = f" [{finding.field}]" if finding.field else ""
            self._line(("input error", "bold magenta"), f" {where}{field}: {finding.reason}")
            self._line()
            return
        if self.info.quiet:
            finding = _counting_only(finding)
            if not finding.violations:
                return
        if isinstance(finding, SetResult):
            self._set(finding)
        elif finding.violations or (self.verbose and finding.not_applicable):
            self._record(finding)

    def _record(self, result: RecordResult) -> None:
        self._line((result.source, "bold"), f"  {result.label}")
        for v in result.violations:
            self._violation(v, f"  (line {v.line})" if v.line else "")
        for rule_id, reason in result.not_applicable:
            self._line("  ", (f"not applicable {rule_id}: {reason}", "dim"))
        self._line()

    def _set(self, result: SetResult) -> None:
        """A cross-record finding: the set's name, the finding, then each record of the set.
        Findings about a file that is no post (a waiver file) are located in it instead."""
        if not any(v.records for v in result.violations):
            self._line((result.violations[0].source, "bold"), f"  {result.label}")
            for v in result.violations:
                self._violation(v, f"  (line {v.line})" if v.line else "")
            self._line()
            return
        self._line(("across records", "bold"), f"  {result.label}")
        for v in result.violations:
            self._violation(v, f"  ({_count(len(v.records), 'record')})")
            for member in v.records:
                where = member.source + (f":{member.line}" if member.line else "")
                self._line(f"      {where}  {member.label}")
        self._line()

    def _violation(self, v: Violation, where: str) -> None:
        status: list[Part] = [("  ", ""), (f"({v.baseline})", "dim")] if v.baseline else []
        self._line(
            "  ", (f"{v.severity:<7}", _STYLE[v.severity]), " ", (v.rule_id, "bold"), where, *status
        )
        self._line(f"    {v.message}")
        self._line("    ", ("law:", "dim"), f" {v.citation}  ", (v.url, "dim"))
        self._line("    ", ("fix:", "dim"), f" {v.fix}")
        if v.suppression is not None and v.suppression.kind == "waiver":
            by = f" by {v.suppression.approver}" if v.suppression.approver else ""
            until = f" until {v.suppression.expires}" if v.suppression.expires else ""
            self._line(
                "    ",
                ("waived", "green"),
                f"{by}{until}: {v.suppression.justification}  ",
                (v.suppression.location or "", "dim"),
            )

    def finish(self, summary: Summary) -> None:
        if self.info.statistics:
            self._statistics(summary)
        if self.info.quiet:
            return
        counts = ", ".join(
            _count(summary.by_severity[s], s, "" if s == "info" else "s")
            for s in ("error", "warning", "info")
        )
        self._line(
            f"{_count(summary.records, 'record')} checked as of {self.info.as_of.isoformat()}: "
            f"{_count(summary.violations, 'violation')} ({counts}), "
            f"{_count(summary.input_errors, 'input error')}"
        )
        suppressed = sum(summary.suppressed.values())
        if suppressed:
            kinds = ", ".join(f"{n} by {kind}" for kind, n in sorted(summary.suppressed.items()))
            self._line(
                f"{_count(suppressed, 'violation')} not counted towards the exit status ({kinds})"
            )
        if summary.baseline is not None:
            b = summary.baseline
            self._line(
                f"baseline: {b['new']} new, {b['unchanged']} unchanged, {b['resolved']} resolved"
            )
        if summary.skipped_files:
            self._line(
                f"{_count(len(summary.skipped_files), 'file')} "
                f"{'is' if len(summary.skipped_files) == 1 else 'are'} not a post, skipped: "
                f"{', '.join(summary.skipped_files)}"
            )
        if summary.unmatched_authorities:
            names = ", ".join(f"{name} ({n})" for name, n in summary.unmatched_authorities)
            total = sum(n for _, n in summary.unmatched_authorities)
            self._line(
                f"{_count(total, 'record')} {'names' if total == 1 else 'name'} "
                f"{'a council' if total == 1 else 'councils'} with no authority file: "
                f"{names} (judged without authority context; see --authorities)"
            )

    def _statistics(self, summary: Summary) -> None:
        """Findings per rule, most first, with each rule's severity (ruff's --statistics)."""
        severity = {r.id: r.severity.value for r in self.info.rules}
        for rule_id, n in sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0])):
            self._line(f"{n:>6}  {severity.get(rule_id, ''):<7}  {rule_id}")
        if summary.by_rule:
            self._line()


def _printable_part(part: Part) -> Part:
    return printable(part) if isinstance(part, str) else (printable(part[0]), part[1])


def _counting_only(finding: RecordResult | SetResult) -> RecordResult | SetResult:
    return dataclasses.replace(finding, violations=[v for v in finding.violations if v.counts])


def _count(n: int, noun: str, plural: str = "s") -> str:
    return f"{n} {noun}{'' if n == 1 else plural}"
