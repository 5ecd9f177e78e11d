"""The human report: violations grouped by record, coloured only on a terminal, one summary line."""

from __future__ import annotations

import dataclasses
from typing import IO

from rich.console import Console
from rich.markup import escape

from postcheck.check import Finding, RecordResult, SetResult, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.violations import Violation

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class TextReporter(Reporter):
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
        if verbose:
            for rule_id, reason in info.silent_rules:
                self.console.print(f"[dim]not run {escape(rule_id)}: {escape(reason)}[/]")
            if info.silent_rules:
                self.console.print()

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            where = f"{finding.file}" + (f":{finding.line}" if finding.line else "")
            field = f" [{finding.field}]" if finding.field else ""
            self.console.print(
                f"[bold magenta]input error[/] {escape(where)}{escape(field)}: "
                f"{escape(finding.reason)}"
            )
            self.console.print()
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
        self.console.print(f"[bold]{escape(result.source)}[/]  {escape(result.label)}")
        for v in result.violations:
            self._violation(v, f"  (line {v.line})" if v.line else "")
        for rule_id, reason in result.not_applicable:
            self.console.print(f"  [dim]not applicable {escape(rule_id)}: {escape(reason)}[/]")
        self.console.print()

    def _set(self, result: SetResult) -> None:
        """A cross-record finding: the set's name, the finding, then each record of the set.
        Findings about a file that is no post (a waiver file) are located in it instead."""
        if not any(v.records for v in result.violations):
            self.console.print(
                f"[bold]{escape(result.violations[0].source)}[/]  {escape(result.label)}"
            )
            for v in result.violations:
                self._violation(v, f"  (line {v.line})" if v.line else "")
            self.console.print()
            return
        self.console.print(f"[bold]across records[/]  {escape(result.label)}")
        for v in result.violations:
            self._violation(v, f"  ({_count(len(v.records), 'record')})")
            for member in v.records:
                where = member.source + (f":{member.line}" if member.line else "")
                self.console.print(f"      {escape(where)}  {escape(member.label)}")
        self.console.print()

    def _violation(self, v: Violation, where: str) -> None:
        status = f"  [dim]({v.baseline})[/]" if v.baseline else ""
        self.console.print(
            f"  [{_STYLE[v.severity]}]{v.severity:<7}[/] [bold]{escape(v.rule_id)}[/]"
            f"{where}{status}"
        )
        self.console.print(f"    {escape(v.message)}")
        self.console.print(f"    [dim]law:[/] {escape(v.citation)}  [dim]{escape(v.url)}[/]")
        self.console.print(f"    [dim]fix:[/] {escape(v.fix)}")
        if v.suppression is not None and v.suppression.kind == "waiver":
            by = f" by {v.suppression.approver}" if v.suppression.approver else ""
            until = f" until {v.suppression.expires}" if v.suppression.expires else ""
            where = escape(v.suppression.location or "")
            self.console.print(
                f"    [green]waived[/]{escape(by)}{escape(until)}: "
                f"{escape(v.suppression.justification)}  [dim]{where}[/]"
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
        self.console.print(
            f"{_count(summary.records, 'record')} checked as of {self.info.as_of.isoformat()}: "
            f"{_count(summary.violations, 'violation')} ({counts}), "
            f"{_count(summary.input_errors, 'input error')}"
        )
        suppressed = sum(summary.suppressed.values())
        if suppressed:
            kinds = ", ".join(f"{n} by {kind}" for kind, n in sorted(summary.suppressed.items()))
            self.console.print(
                f"{_count(suppressed, 'violation')} not counted towards the exit status ({kinds})"
            )
        if summary.baseline is not None:
            b = summary.baseline
            self.console.print(
                f"baseline: {b['new']} new, {b['unchanged']} unchanged, {b['resolved']} resolved"
            )
        if summary.skipped_files:
            self.console.print(
                f"{_count(len(summary.skipped_files), 'file')} "
                f"{'is' if len(summary.skipped_files) == 1 else 'are'} not a post, skipped: "
                f"{escape(', '.join(summary.skipped_files))}"
            )
        if summary.unmatched_authorities:
            names = ", ".join(f"{name} ({n})" for name, n in summary.unmatched_authorities)
            total = sum(n for _, n in summary.unmatched_authorities)
            self.console.print(
                f"{_count(total, 'record')} {'names' if total == 1 else 'name'} "
                f"{'a council' if total == 1 else 'councils'} with no authority file: "
                f"{escape(names)} (judged without authority context; see --authorities)"
            )

    def _statistics(self, summary: Summary) -> None:
        """Findings per rule, most first, with each rule's severity (ruff's --statistics)."""
        severity = {r.id: r.severity.value for r in self.info.rules}
        for rule_id, n in sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0])):
            self.console.print(f"{n:>6}  {severity.get(rule_id, ''):<7}  {escape(rule_id)}")
        if summary.by_rule:
            self.console.print()


def _counting_only(finding: RecordResult | SetResult) -> RecordResult | SetResult:
    return dataclasses.replace(finding, violations=[v for v in finding.violations if v.counts])


def _count(n: int, noun: str, plural: str = "s") -> str:
    return f"{n} {noun}{'' if n == 1 else plural}"
