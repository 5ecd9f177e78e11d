"""Legal sign-off of rules: who reviewed which version of a rule, and whether it has changed
since.

The sign-off file (rules/signoff.yaml by default) lists, per rule, the content hash of the rule
as it was reviewed, the reviewer, the day and a note. The hash is taken over the rule as
loaded (its validated data, as canonical JSON), so re-wrapping a paragraph, reordering keys or
editing a comment changes nothing, while any change of meaning (condition, message, severity,
citations, dates, examples) does. It also covers the dated parameters the rule uses: a new pay
cap changes what the pay rules find, and a reviewer should see it.

`problems` is what `postcheck book --check` fails on: each rule at or above a severity (error
by default) that is unsigned or changed since it was signed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from difflib import get_close_matches
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from postcheck.atomic import atomic_writer
from postcheck.book.files import BookError, read_yaml, validated
from postcheck.explain import parameters_used
from postcheck.rules.catalogue import SIGNOFF_FILE, Catalogue
from postcheck.rules.model import AnyRule, Severity

HASH = re.compile(r"sha256:[0-9a-f]{64}")
HEADER = """\
# Legal sign-off of the rules: one entry per rule, written by `postcheck book sign`.
# `hash` is the rule's content hash when it was reviewed; the book shows a rule whose hash
# has changed since as "changed since sign-off". See docs/rule-book.md.
"""


class SignOff(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str = Field(min_length=1)
    hash: str
    reviewer: str = Field(min_length=2)
    date: dt.date
    note: str = ""

    @field_validator("hash")
    @classmethod
    def _hash_shape(cls, value: str) -> str:
        if not HASH.fullmatch(value):
            raise ValueError("a hash is sha256: followed by 64 hexadecimal digits")
        return value

    @field_validator("reviewer")
    @classmethod
    def _named(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the reviewer is named")
        return value.strip()


class _SignOffFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    signoffs: list[SignOff] = Field(default_factory=list)


@dataclass(frozen=True)
class SignOffs:
    """The entries of a sign-off file, by rule id, each with its line."""

    path: Path
    entries: dict[str, tuple[SignOff, int]]


def default_signoff_path(rules_dir: Path) -> Path:
    return rules_dir / SIGNOFF_FILE


def load_signoffs(path: Path) -> SignOffs:
    """The sign-off file; a missing file is an empty one (no rule has been reviewed)."""
    if not path.exists():
        return SignOffs(path, {})
    document = read_yaml(path)
    data = validated(_SignOffFile, document, path)
    entries: dict[str, tuple[SignOff, int]] = {}
    for index, entry in enumerate(data.signoffs):
        line = document.line_of(["signoffs", index])
        if entry.rule in entries:
            earlier = entries[entry.rule][1]
            raise BookError(
                path, f"rule {entry.rule!r} is signed twice (also at line {earlier})", line
            )
        entries[entry.rule] = (entry, line)
    return SignOffs(path, entries)


def rule_hash(rule: AnyRule, catalogue: Catalogue) -> str:
    """sha256 of the rule's data as loaded, with the parameters it uses, as canonical JSON.
    Only what the rule file sets counts (exclude_unset), so a new optional field in the rule
    model does not make every sign-off stale."""
    used = parameters_used(rule)
    content: dict[str, Any] = {
        "rule": rule.model_dump(mode="json", by_alias=True, exclude_unset=True),
        "parameters": {
            name: catalogue.parameters.parameters[name].model_dump(
                mode="json", by_alias=True, exclude_unset=True
            )
            for name in used
            if name in catalogue.parameters
        },
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Review(StrEnum):
    SIGNED = "signed"
    CHANGED = "changed since sign-off"
    NEVER = "never reviewed"


@dataclass(frozen=True)
class RuleReview:
    rule_id: str
    review: Review
    current_hash: str
    entry: SignOff | None
    line: int | None  # of the entry in the sign-off file


def reviews(catalogue: Catalogue, signoffs: SignOffs) -> dict[str, RuleReview]:
    """Each rule's review status, in catalogue order."""
    return {rule.id: review_of(rule, catalogue, signoffs) for rule in catalogue.all_rules}


def review_of(rule: AnyRule, catalogue: Catalogue, signoffs: SignOffs) -> RuleReview:
    current = rule_hash(rule, catalogue)
    entry, line = signoffs.entries.get(rule.id, (None, None))
    if entry is None:
        return RuleReview(rule.id, Review.NEVER, current, None, None)
    review = Review.SIGNED if entry.hash == current else Review.CHANGED
    return RuleReview(rule.id, review, current, entry, line)


def orphans(catalogue: Catalogue, signoffs: SignOffs) -> list[tuple[SignOff, int]]:
    """Entries for rules the catalogue no longer has (a rule removed or renamed)."""
    known = {r.id for r in catalogue.all_rules}
    return [pair for rule_id, pair in signoffs.entries.items() if rule_id not in known]


@dataclass(frozen=True)
class Problem:
    rule_id: str
    review: Review
    message: str  # names the rule file, says what is wrong and what to do


def problems(
    catalogue: Catalogue, signoffs: SignOffs, at_least: Severity = Severity.ERROR
) -> list[Problem]:
    """Each rule at or above `at_least` that is unsigned or changed since it was signed."""
    found = []
    for rule in catalogue.all_rules:
        if rule.severity.rank < at_least.rank:
            continue
        review = review_of(rule, catalogue, signoffs)
        if review.review is Review.SIGNED:
            continue
        where = catalogue.path_of(rule.id)
        if review.entry is not None:
            what = (
                f"changed since {review.entry.reviewer} signed it off on "
                f"{review.entry.date.isoformat()} ({signoffs.path}:{review.line})"
            )
        else:
            what = f"has never been signed off (no entry in {signoffs.path})"
        found.append(
            Problem(
                rule.id,
                review.review,
                f"{where}: {rule.severity.value} rule {rule.id} {what}; have it reviewed, "
                f"then run `postcheck book sign {rule.id} --reviewer NAME`",
            )
        )
    return found


def sign(
    path: Path,
    catalogue: Catalogue,
    rule_ids: list[str],
    reviewer: str,
    note: str = "",
    day: dt.date | None = None,
) -> list[SignOff]:
    """Record that `reviewer` reviewed these rules as they now are: each gets an entry with
    its current hash, replacing any earlier one. The file is rewritten whole, atomically,
    sorted by rule id so that its diffs are small."""
    if not rule_ids:
        raise BookError(path, "name at least one rule to sign")
    if not reviewer.strip():
        raise BookError(path, "the reviewer is named (--reviewer)")
    known = {r.id: r for r in catalogue.all_rules}
    for rule_id in rule_ids:
        if rule_id not in known:
            close = get_close_matches(rule_id, list(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise BookError(catalogue.directory, f"no rule {rule_id!r}{hint}")
    existing = load_signoffs(path)
    entries = {rule_id: entry for rule_id, (entry, _) in existing.entries.items()}
    made = [
        SignOff(
            rule=rule_id,
            hash=rule_hash(known[rule_id], catalogue),
            reviewer=reviewer.strip(),
            date=day or dt.date.today(),
            note=note.strip(),
        )
        for rule_id in dict.fromkeys(rule_ids)
    ]
    entries.update({entry.rule: entry for entry in made})
    _write(path, [entries[k] for k in sorted(entries)])
    return made


def _write(path: Path, entries: list[SignOff]) -> None:
    data = {"signoffs": [e.model_dump(mode="python") for e in entries]}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    with atomic_writer(path) as stream:
        stream.write(HEADER + text)
