"""Governed waivers: one post's known finding accepted, by a named person, until a given day.

`--ignore RULE` switches a rule off for every post; a waiver accepts one finding of one post,
and says who accepted it, why, until when, and under which ticket. The file is reviewed like
code. A waived finding is still reported, marked suppressed with its reason and approver; it
only stops counting towards the exit status. A waiver that has expired, names a rule or post
that does not exist, or lacks an approver or a reason is itself a finding (`waiver-*`, at the
severity the configuration sets), pointing at the waiver's line: a gate must not stay green on
an acceptance nobody can stand behind.

    waivers:
      - post: London Borough of Newham/31214      # or the post number alone: 31214
        rule: last-updated-stale
        reason: Regrading review in progress; the description is re-issued after it.
        approver: A. Patel, Head of HR
        expires: 2027-03-31
        ticket: HR-1234                              # optional
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from postcheck.fingerprint import fingerprint, normalised
from postcheck.rules.model import Severity
from postcheck.violations import Suppression, Violation
from postcheck.yamlfile import load_documents, mark_line

WAIVER_RULES = {
    "waiver-expired": "A waiver has expired",
    "waiver-incomplete": "A waiver lacks an approver, a reason or an expiry date",
    "waiver-unknown-rule": "A waiver names a rule that does not exist",
    "waiver-unknown-post": "A waiver names a post no record in the run is",
    "waiver-not-allowed": "A waiver is for a rule the configuration makes not waivable",
}
_DOC = "docs/waivers.md"


class Waiver(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    post: str = Field(min_length=1)
    rule: str = Field(min_length=1)
    reason: str | None = None
    approver: str | None = None
    expires: dt.date | None = None
    ticket: str | None = None


class WaiverFileError(ValueError):
    """A waiver file that cannot be read at all (not YAML, not a list of waivers)."""


@dataclass
class Entry:
    waiver: Waiver
    line: int
    used: bool = False


@dataclass
class Waivers:
    """The waivers of one file, applied to findings as they stream past."""

    path: Path
    entries: list[Entry]
    as_of: dt.date
    known_rules: frozenset[str]
    not_waivable: frozenset[str] = frozenset()
    severity: Severity = Severity.ERROR
    unknown_post_severity: Severity = Severity.WARNING
    posts_seen: set[str] = field(default_factory=set)

    def apply(self, violation: Violation) -> Violation:
        """The violation, suppressed if a valid, current waiver covers it."""
        self.posts_seen.update(_keys(violation))
        for entry in self.entries:
            waiver = entry.waiver
            if waiver.rule != violation.rule_id or not (_keys(violation) & _post_keys(waiver)):
                continue
            entry.used = True
            if self.problem(entry) or violation.rule_id in self.not_waivable:
                continue
            return dataclasses.replace(
                violation,
                suppression=Suppression(
                    kind="waiver",
                    justification=waiver.reason or "",
                    approver=waiver.approver,
                    expires=waiver.expires.isoformat() if waiver.expires else None,
                    ticket=waiver.ticket,
                    location=f"{self.path}:{entry.line}",
                ),
            )
        return violation

    def see_post(self, post_number: str | None, identity: str) -> None:
        """A record was read: a waiver may name it even when it breaks nothing now."""
        self.posts_seen.update(post_keys(post_number, identity))

    def findings(self) -> list[Violation]:
        """Findings about the waivers themselves, once every record has been seen."""
        found = []
        for entry in self.entries:
            waiver = entry.waiver
            problem = self.problem(entry)
            if problem is None and waiver.rule in self.not_waivable:
                problem = (
                    "waiver-not-allowed",
                    f"the configuration makes {waiver.rule} not waivable",
                )
            if problem is None and not (_post_keys(waiver) & self.posts_seen):
                problem = ("waiver-unknown-post", f"no record in this run is post {waiver.post!r}")
            if problem is not None:
                found.append(self._finding(entry, *problem))
        return found

    def problem(self, entry: Entry) -> tuple[str, str] | None:
        """(waiver rule id, why) when the waiver cannot be honoured on its own terms."""
        waiver = entry.waiver
        if waiver.rule not in self.known_rules:
            return ("waiver-unknown-rule", f"there is no rule {waiver.rule!r}")
        missing = [name for name in ("approver", "reason", "expires") if not getattr(waiver, name)]
        if missing:
            return ("waiver-incomplete", f"the waiver gives no {' or '.join(missing)}")
        assert waiver.expires is not None
        if waiver.expires < self.as_of:
            return (
                "waiver-expired",
                f"the waiver expired on {waiver.expires.isoformat()}, before {self.as_of}",
            )
        return None

    def _finding(self, entry: Entry, rule_id: str, why: str) -> Violation:
        waiver = entry.waiver
        severity = self.unknown_post_severity if rule_id == "waiver-unknown-post" else self.severity
        return Violation(
            rule_id=rule_id,
            severity=severity.value,
            area="waivers",
            title=WAIVER_RULES[rule_id],
            message=f"Waiver of {waiver.rule} for post {waiver.post}: {why}.",
            citation=f"postcheck waiver policy ({_DOC})",
            url=_DOC,
            field="waivers",
            fix="Renew the waiver with a new expiry and approver, correct it, or remove it "
            "and fix the finding.",
            source=str(self.path),
            index=None,
            line=entry.line,
            post_number=None,
            record_label=f"waiver of {waiver.rule} for {waiver.post}",
            post=waiver.post,
            evidence=f"{waiver.post} {waiver.rule}",
            fingerprint=fingerprint(waiver.post, rule_id, "", f"{waiver.post} {waiver.rule}"),
        )


def load_waivers(
    path: Path,
    as_of: dt.date,
    known_rules: Iterable[str],
    not_waivable: Iterable[str] = (),
    severity: Severity = Severity.ERROR,
    unknown_post_severity: Severity = Severity.WARNING,
) -> Waivers:
    """A waiver file. Unknown keys or a wrong type stop the run (file:line); a waiver that is
    only incomplete or out of date is read, and reported as a finding."""
    try:
        documents = list(load_documents(path.read_text(encoding="utf-8")))
    except yaml.YAMLError as error:
        line = mark_line(error)
        raise WaiverFileError(
            f"{path}:{line}: not valid YAML" if line else f"{path}: not YAML"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise WaiverFileError(f"{path}: cannot read: {error}") from None
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise WaiverFileError(f"{path}: expected one mapping with a `waivers:` list")
    document = documents[0]
    items = document.data.get("waivers")
    if set(document.data) - {"waivers"} or not isinstance(items, list):
        raise WaiverFileError(f"{path}:{document.line}: expected only a `waivers:` list")
    entries = []
    for n, item in enumerate(items):
        line = document.line_of(["waivers", n])
        try:
            entries.append(Entry(Waiver.model_validate(item), line))
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            at = document.line_of(["waivers", n, *first["loc"]])
            raise WaiverFileError(f"{path}:{at}: waivers[{n}].{where}: {first['msg']}") from None
    return Waivers(
        path,
        entries,
        as_of,
        frozenset(known_rules),
        frozenset(not_waivable),
        severity,
        unknown_post_severity,
    )


def post_keys(post_number: str | None, identity: str) -> set[str]:
    """The names a waiver may use for a post: its identity, or its post number alone."""
    keys = {normalised(identity)}
    if post_number:
        keys.add(normalised(post_number))
    return keys


def _keys(violation: Violation) -> set[str]:
    return post_keys(violation.post_number, violation.post)


def _post_keys(waiver: Waiver) -> set[str]:
    return {normalised(waiver.post)}
