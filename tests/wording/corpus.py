"""The wording corpus (phrasings.yaml) as records and as whole documents, and how it scores.

Each phrasing is judged twice over: as a YAML-style record whose text is the phrasing, and
inside a whole job description rendered in several layouts (plain text as written and wrapped
narrow, Markdown, HTML, Word, PDF) and read back by postcheck's own reader. Only the entry's
own rule is scored; the context (post kind, restriction statement) is the same in both forms.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from postcheck.check import RecordResult, run
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError, ReadOutcome
from postcheck.record.sources import iter_outcomes
from tests.conftest import SEED_DAY, compiled_for, evaluator_for
from tests.documents.variants import parse, render

PHRASINGS = Path(__file__).with_name("phrasings.yaml")
LAYOUTS = ("unwrapped", "wrap-40", "markdown", "html", "docx", "pdf")
BASIS_RULES = frozenset({"political-assistant-basis", "s9-wrong-act", "mayors-assistant-basis"})


@dataclass(frozen=True)
class Entry:
    number: int
    rule: str
    post: str
    says: str
    triggers: bool
    form: str

    @property
    def label(self) -> str:
        return f"#{self.number} {self.rule} [{self.post}, {self.form}] {self.says!r}"


@dataclass(frozen=True)
class _Context:
    title: str
    basis: str | None  # the sentence stating the basis, in documents
    basis_citation: str | None  # the same, as a record's statutory_basis
    restriction: str | None  # the restriction statement, in documents
    restriction_citation: str | None


CONTEXTS = {
    "political_assistant": _Context(
        "Political Assistant to the Labour Group",
        "This post is established under section 9 of the Local Government and Housing Act 1989.",
        "s.9 Local Government and Housing Act 1989",
        "This post is politically restricted under section 2(1)(f) of the Local Government and "
        "Housing Act 1989.",
        "s.2(1)(f) LGHA 1989",
    ),
    "mayors_assistant": _Context(
        "Mayor's Assistant",
        "This post is established under regulation 3 of the Local Authorities (Elected Mayor and "
        "Mayor's Assistant) (England) Regulations 2002.",
        "reg 3 SI 2002/975",
        "This post is politically restricted by regulation 3(6) of those Regulations.",
        "reg 3(6) SI 2002/975",
    ),
    "restricted": _Context(
        "Policy Officer",
        None,
        None,
        "This post is politically restricted under section 2(1)(g) of the Local Government and "
        "Housing Act 1989.",
        "s.2(1)(g) LGHA 1989",
    ),
    "ordinary": _Context("Policy Officer", None, None, None, None),
}


@cache
def entries(path: Path = PHRASINGS) -> tuple[Entry, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Entry(n, e["rule"], e["post"], e["says"], bool(e["triggers"]), e.get("form", ""))
        for n, e in enumerate(data, start=1)
    )


def record_for(entry: Entry) -> dict[str, Any]:
    """The phrasing as a structured record: the sentence a record's text, or its basis."""
    context = CONTEXTS[entry.post]
    record: dict[str, Any] = {"title": context.title}
    if entry.rule in BASIS_RULES:
        record["statutory_basis"] = [entry.says]
    elif context.basis_citation:
        record["statutory_basis"] = [context.basis_citation]
    if context.restriction_citation:
        record["political_restriction"] = {
            "stated": True,
            "citations": [context.restriction_citation],
        }
    if entry.rule not in BASIS_RULES:
        record["sentences"] = [entry.says]
    return record


def document_for(entry: Entry) -> str:
    """A whole job description in the plain-text conventions of tests/documents/variants.py."""
    context = CONTEXTS[entry.post]
    basis = entry.says if entry.rule in BASIS_RULES else context.basis
    duty = entry.says if entry.rule not in BASIS_RULES else None
    lines = ["Borchester City Council", "", f"Job title: {context.title}", "Grade: PO4", ""]
    if basis:
        lines += ["Statutory basis", basis, ""]
    if context.restriction:
        lines += ["Political restriction", context.restriction, ""]
    if duty and entry.form == "prose":
        lines += ["Overview", f"The post-holder supports the work of the office. {duty}", ""]
    lines += ["Main duties", "- Provide research and briefings for the office."]
    if duty and entry.form == "table-cell":
        lines += ["", "Area\tWhat the post-holder does", f"Key task\t{duty}"]
    elif duty and entry.form != "prose":
        lines.append(f"- {duty}")
    lines.append("- Keep records of meetings and actions.")
    return "\n".join(lines) + "\n"


def _fired(results: Iterable[RecordResult | InputError], rules: list[str]) -> list[bool | str]:
    out: list[bool | str] = []
    for result, rule in zip(results, rules, strict=True):
        if isinstance(result, RecordResult):
            out.append(rule in {v.rule_id for v in result.violations})
        else:
            out.append(f"input error: {result.reason}")
    return out


def judge_records(chosen: list[Entry]) -> list[bool | str]:
    """Whether each entry's rule fires on its record form (one engine batch)."""
    records: list[ReadOutcome] = [PostRecord.model_validate(record_for(e)) for e in chosen]
    return _fired(_judged(records), [e.rule for e in chosen])


def judge_documents(chosen: list[Entry], layout: str) -> list[bool | str]:
    """Whether each entry's rule fires on its document in one layout, read from a file."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for entry in chosen:
            suffix, data = render(parse(document_for(entry), f"entry-{entry.number}"), layout)
            path = Path(folder) / f"entry-{entry.number}{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
        outcomes = list(_one_per_file(paths))
    return _fired(_judged(outcomes), [e.rule for e in chosen])


def _one_per_file(paths: list[str]) -> Iterator[ReadOutcome]:
    for path in paths:
        found = list(iter_outcomes([path]))
        records = [o for o in found if isinstance(o, PostRecord)]
        yield records[0] if len(records) == 1 else found[0]


def _judged(outcomes: list[ReadOutcome]) -> list[RecordResult | InputError]:
    evaluator = evaluator_for(SEED_DAY)
    return [
        r
        for r in run(outcomes, compiled_for(SEED_DAY), evaluator=evaluator)
        if isinstance(r, RecordResult | InputError)
    ]


@dataclass(frozen=True)
class Score:
    caught: int
    must_catch: int
    flagged: int
    must_not: int
    misses: tuple[str, ...]
    false_flags: tuple[str, ...]
    errors: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.caught / self.must_catch if self.must_catch else 1.0


def score(chosen: list[Entry], verdicts: list[bool | str]) -> Score:
    misses, flags, errors = [], [], []
    caught = flagged = 0
    for entry, verdict in zip(chosen, verdicts, strict=True):
        if isinstance(verdict, str):
            errors.append(f"{entry.label}: {verdict}")
        elif entry.triggers and verdict:
            caught += 1
        elif entry.triggers:
            misses.append(entry.label)
        elif verdict:
            flagged += 1
            flags.append(entry.label)
    must = sum(e.triggers for e in chosen)
    return Score(
        caught, must, flagged, len(chosen) - must, tuple(misses), tuple(flags), tuple(errors)
    )
