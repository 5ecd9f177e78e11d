"""The CI test report: JUnit XML in the Apache Ant layout (Jenkins, GitLab, Azure DevOps).

CI servers show JUnit as suites of test cases that pass or fail, and track each case by name
from one build to the next. So each source file is a suite, and each post is judged as one
case per area of law: "this post's grading is sound" passes or fails on its own, and a case
that starts failing is news. Cross-record findings belong to no one file, so they have a suite
of their own. Waived and baselined findings are shown, as skipped cases or beside a failure,
but never fail a case. Valid against the Ant XSD (testsuites > testsuite with id, package,
properties, testcase*, system-out, system-err)."""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import IO, Any

from postcheck.check import Finding, RecordResult, SetResult, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.rules.model import Rule
from postcheck.violations import Violation

CROSS_RECORD = "cross-record"
# XML 1.0 has no way to write these at all, not even as character references
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NEWLINE = re.compile(r"\r\n?")  # parsers turn a CR in text into LF anyway; say so up front


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: characters it forbids (most C0 controls, lone surrogates,
    U+FFFE/U+FFFF) become U+FFFD, the replacement character. ElementTree escapes the rest."""
    return _NOT_XML.sub("\ufffd", _NEWLINE.sub("\n", text))


def _token(text: str) -> str:
    """A name as xs:token keeps it: no line breaks, tabs or runs of spaces."""
    return " ".join(xml_text(text).split())


@dataclass
class _Suite:
    """One testsuite being filled: its cases in input order, and what the XSD makes it count."""

    name: str
    package: str
    cases: list[ET.Element] = field(default_factory=list)
    failures: int = 0
    errors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    out: list[str] = field(default_factory=list)  # system-out: the suppressed findings
    names: Counter[str] = field(default_factory=Counter)

    def case(self, name: str, seconds: float) -> ET.Element:
        """A new testcase; a name already used in this suite (two records with one label)
        gets its occurrence number, as CI servers would merge cases of one name."""
        name = _token(name)
        self.names[name] += 1
        if self.names[name] > 1:
            name = f"{name} (#{self.names[name]})"
        case = ET.Element("testcase", name=name, classname=self.package, time=f"{seconds:.6f}")
        self.cases.append(case)
        self.seconds += seconds
        return case

    def element(self, index: int, properties: dict[str, str], stamp: str, host: str) -> ET.Element:
        suite = ET.Element(
            "testsuite",
            name=_token(self.name) or "(unnamed)",
            timestamp=stamp,
            hostname=host,
            tests=str(len(self.cases)),
            failures=str(self.failures),
            errors=str(self.errors),
            skipped=str(self.skipped),
            time=f"{self.seconds:.6f}",
            package=self.package,
            id=str(index),
        )
        bag = ET.SubElement(suite, "properties")
        for name, value in properties.items():
            ET.SubElement(bag, "property", name=name, value=value)
        suite.extend(self.cases)
        ET.SubElement(suite, "system-out").text = xml_text("\n\n".join(self.out))
        ET.SubElement(suite, "system-err").text = ""
        return suite


class JunitReporter(Reporter):
    """Cases are kept until `finish`, as each suite's opening tag carries its counts and the
    properties carry the manifest, which is complete only then."""

    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._started = dt.datetime.now().replace(microsecond=0)  # the XSD allows no zone
        self._areas = sorted({r.area.value for r in info.rules if isinstance(r, Rule)})
        self._suites: dict[str, _Suite] = {}
        self._cross: _Suite | None = None
        self._clock = time.monotonic()

    def _elapsed(self) -> float:
        """Seconds since the last finding: the time spent reading and judging this one."""
        now = time.monotonic()
        seconds, self._clock = now - self._clock, now
        return seconds

    def _suite(self, source: str) -> _Suite:
        if source not in self._suites:
            self._suites[source] = _Suite(source, classname(source))
        return self._suites[source]

    def add(self, finding: Finding) -> None:
        seconds = self._elapsed()
        if isinstance(finding, InputError):
            self._input_error(finding, seconds)
        elif isinstance(finding, SetResult):
            self._set(finding, seconds)
        else:
            self._record(finding, seconds)

    def _record(self, result: RecordResult, seconds: float) -> None:
        """One case per area of the run's per-post rules (and any other area a violation
        names), so a clean post shows as passing cases, not as nothing."""
        suite = self._suite(result.source)
        areas = sorted(set(self._areas) | {v.area for v in result.violations})
        if not areas:  # a run told no rules: still one case, so the post is seen
            self._judged(suite, suite.case(result.label, seconds), [])
        for area in areas:
            case = suite.case(f"{result.label} — {area}", seconds / len(areas))
            self._judged(suite, case, [v for v in result.violations if v.area == area])

    def _set(self, result: SetResult, seconds: float) -> None:
        if self._cross is None:
            self._cross = _Suite(CROSS_RECORD, CROSS_RECORD)
        for violation in result.violations:
            case = self._cross.case(f"{result.label} — {violation.rule_id}", seconds)
            self._judged(self._cross, case, [violation])

    def _judged(self, suite: _Suite, case: ET.Element, found: list[Violation]) -> None:
        """A case fails on the findings that count; one with only suppressed findings is
        skipped (the Ant XSD gives a case no output of its own), saying why it is excused."""
        counting = [v for v in found if v.counts]
        excused = [v for v in found if not v.counts]
        suite.out.extend(_excused(v) for v in excused)
        if counting:
            suite.failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=xml_text(counting[0].message),
                type=" ".join(dict.fromkeys(v.rule_id for v in counting)),
            )
            failure.text = xml_text(
                "\n\n".join([*map(_described, counting), *map(_excused, excused)])
            )
        elif excused:
            suite.skipped += 1
            first = excused[0].suppression
            assert first is not None
            skipped = ET.SubElement(
                case, "skipped", message=xml_text(f"{first.kind}: {first.justification}")
            )
            skipped.text = xml_text("\n\n".join(map(_excused, excused)))

    def _input_error(self, error: InputError, seconds: float) -> None:
        suite = self._suite(error.file)
        where = error.file + (f":{error.line}" if error.line else "")
        field_name = f" [{error.field}]" if error.field else ""
        name = "input error" + (f" — line {error.line}" if error.line else "")
        case = suite.case(name, seconds)
        suite.errors += 1
        element = ET.SubElement(case, "error", message=xml_text(error.reason), type="input-error")
        element.text = xml_text(f"{where}{field_name}: {error.reason}")

    def finish(self, summary: Summary) -> None:
        properties = _properties(self.info, summary.manifest)
        stamp = self._started.isoformat(timespec="seconds")
        host = _token(socket.gethostname()) or "localhost"
        suites = [*self._suites.values(), *([self._cross] if self._cross else [])]
        root = ET.Element("testsuites")
        root.extend(s.element(i, properties, stamp, host) for i, s in enumerate(suites))
        ET.indent(root)
        # Encoded for the stream it goes to and declared so: a character that stream's
        # encoding lacks is written as a character reference, not a crash.
        encoding = getattr(self.stream, "encoding", None) or "utf-8"
        self.stream.write(
            ET.tostring(root, encoding=encoding, xml_declaration=True).decode(encoding)
        )
        self.stream.write("\n")


def classname(source: str) -> str:
    """A dotted name for a source file, as CI servers group classes into packages:
    fixtures/seeds/post.yaml -> fixtures.seeds.post_yaml."""
    path = PurePath(source)
    parts = [p for p in path.parts if p not in (path.anchor, ".", "..")]
    return ".".join(_token(p).replace(".", "_") for p in parts) or "postcheck"


def _described(v: Violation) -> str:
    """A finding as a CI log shows it: rule, severity and place, then what, why and how."""
    if v.records:  # a set's finding: its records are listed below, each with its line
        where = [f"{len(v.records)} records"]
    else:
        where = [f"line {v.line}"] if v.line else []
        where += [f"page {v.page}"] if v.page else []
    lines = [
        f"{v.rule_id} ({v.severity})" + (f": {', '.join(where)}" if where else ""),
        f"  {v.message}",
        f"  law: {v.citation} <{v.url}>",
        f"  fix: {v.fix}",
    ]
    for m in v.records:
        lines.append(f"  record: {m.source}" + (f":{m.line}" if m.line else "") + f"  {m.label}")
    return "\n".join(lines)


def _excused(v: Violation) -> str:
    """A suppressed finding, with who excused it, until when, and where that is written."""
    s = v.suppression
    assert s is not None
    known = [("approver", s.approver), ("expires", s.expires), ("ticket", s.ticket)]
    details = [f"{name} {value}" for name, value in known if value]
    details += [f"at {s.location}"] if s.location else []
    heading = f"suppressed by {s.kind}: {s.justification}"
    if details:
        heading += f" ({'; '.join(details)})"
    return f"{heading}\n{v.source}: {_described(v)}"


def _properties(info: RunInfo, manifest: dict[str, Any]) -> dict[str, str]:
    """The run's facts, then the manifest's (which win on a shared name). A CI server shows
    properties as a flat list, so a section of the manifest is opened one level, giving
    `rules.sha256` its own line, and anything deeper is one JSON value."""
    found: dict[str, Any] = {
        "postcheck_version": info.version,
        "as_of": info.as_of.isoformat(),
        "rules_dir": info.rules_dir,
        "fail_on": info.fail_on,
    }
    for key, value in manifest.items():
        if isinstance(value, dict):
            found.update({f"{key}.{inner}": v for inner, v in value.items()})
        else:
            found[str(key)] = value
    return {
        _token(str(name)): xml_text(_property_value(value))
        for name, value in found.items()
        if _token(str(name))
    }


def _property_value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
