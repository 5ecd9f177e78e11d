"""Baselines: adopt postcheck on an establishment that already has findings.

`postcheck baseline create FILE PATHS` records the fingerprint of every finding today. A run
with `--baseline FILE` reports every finding still, marked `new` or `unchanged`; only new ones
count towards the exit status, and findings the baseline lists that are gone are counted as
resolved. Fingerprints (fingerprint.py) survive re-wrapping, reordering and moving a document,
and change when the evidence or the rule does, so an edited breach is new again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from postcheck.violations import Suppression, Violation

BASELINE_VERSION = 1


class BaselineError(ValueError):
    pass


@dataclass
class Baseline:
    path: Path
    created: str
    known: dict[str, dict[str, Any]]  # fingerprint -> what it was (rule, post, message)
    seen: set[str] = field(default_factory=set)
    new: int = 0
    unchanged: int = 0

    def apply(self, violation: Violation) -> Violation:
        """The violation marked new or unchanged; unchanged ones stop counting."""
        if violation.fingerprint in self.known:
            self.seen.add(violation.fingerprint)
            self.unchanged += 1
            suppression = violation.suppression or Suppression(
                kind="baseline",
                justification=f"in the baseline of {self.created}",
                location=str(self.path),
            )
            return dataclasses.replace(violation, baseline="unchanged", suppression=suppression)
        self.new += 1
        return dataclasses.replace(violation, baseline="new")

    def counts(self) -> dict[str, int]:
        return {
            "new": self.new,
            "unchanged": self.unchanged,
            "resolved": len(set(self.known) - self.seen),
        }


def load_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}: not JSON: {error.msg}") from None
    if not isinstance(data, dict) or data.get("postcheck_baseline") != BASELINE_VERSION:
        raise BaselineError(f"{path}: not a postcheck baseline (postcheck baseline create)")
    findings = data.get("findings")
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in findings
    ):
        raise BaselineError(f"{path}: `findings` must be a list of entries with a fingerprint")
    return Baseline(path, str(data.get("created", "")), {f["fingerprint"]: f for f in findings})


def write_baseline(stream: IO[str], violations: Iterable[Violation], as_of: dt.date) -> int:
    """The baseline of these findings; returns how many it lists."""
    entries = sorted(
        {
            v.fingerprint: {
                "fingerprint": v.fingerprint,
                "rule_id": v.rule_id,
                "post": v.post,
                "message": v.message,
                "source": v.source,
                "line": v.line,
            }
            for v in violations
        }.values(),
        key=lambda e: (e["source"], e["line"] or 0, e["rule_id"]),
    )
    document = {
        "postcheck_baseline": BASELINE_VERSION,
        "created": as_of.isoformat(),
        "findings": entries,
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(entries)


class BaselineWriter:
    """A report that is a baseline: every finding of the run, written at the end
    (`postcheck baseline create`). Memory holds the findings only, not the records."""

    def __init__(self, stream: IO[str], as_of: dt.date) -> None:
        self.stream = stream
        self.as_of = as_of
        self.violations: list[Violation] = []
        self.written = 0

    def add(self, violations: Iterable[Violation]) -> None:
        self.violations.extend(violations)

    def finish(self) -> None:
        self.written = write_baseline(self.stream, self.violations, self.as_of)
