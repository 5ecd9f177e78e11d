"""The HR audit report: one self-contained HTML file to open in a browser, offline.

It holds everything inline (the style sheet, the script in report/html/, and the findings as a
JSON block), so it can be mailed or archived and still open years later with no network. The
script draws the summary, the charts, the findings table and a page per post from the data;
it puts every value in the page as text (textContent), never as markup.

Record text reaches the file (a job description may hold `</script>` or `<img onerror>`), so:
the JSON block escapes `<`, `>` and `&` (and, being ASCII, U+2028/2029) inside its strings, so
no text can close the block or open a comment; what little the HTML itself says is escaped with
html.escape; and a Content-Security-Policy admits only this file's own script and style sheet
(by their hashes) and forbids every fetch, so even a mistake elsewhere could neither run
injected script nor call out.

A whole run must be in the file, so the reporter keeps each finding until `finish`, as a short
row of numbers. What many findings share is written once: every text in one string table, the
words of each rule (`kinds`) and the context of each record (`records`) in tables of their own.
A hundred thousand findings of a few dozen rules repeat most of their words, and the browser
reads the file faster the smaller it is.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from operator import attrgetter
from typing import IO, Any

from postcheck.check import Finding, RecordResult, SetResult, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.rules.model import AnyRule
from postcheck.violations import Suppression, Violation

FORMAT_VERSION = 1
SEVERITIES = ("error", "warning", "info")
# Each table's fields, in order; the file names them, so its script (and any reader) looks
# fields up by name. A text is an index into `strings`, or null.
# What a rule's findings share (texts): `kinds`.
KIND_COLUMNS = ("rule_id", "severity", "area", "title", "citation", "url", "field")
# Where a finding points, and the post's context: `records`. index is a number, post an index
# into `posts` ([identity, label, is a set of posts], texts), the rest texts.
RECORD_COLUMNS = (
    "source",
    "index",
    "post",
    "post_number",
    "record_label",
    "authority",
    "post_title",
    "directorate",
    "service_area",
    "grade",
)
# A finding: `rows`. kind, record and suppression index their tables (suppression may be
# null); line and page are numbers; fingerprint is written out (each is unique, interning
# would save nothing); members are a set's records, each [source, index, line, label,
# post_number, post] with post an index into `posts` or null.
COLUMNS = (
    "kind",
    "record",
    "message",
    "fix",
    "evidence",
    "baseline",
    "line",
    "page",
    "fingerprint",
    "suppression",
    "members",
)
MEMBER_COLUMNS = ("source", "index", "line", "label", "post_number", "post")
SUPPRESSION_COLUMNS = ("kind", "justification", "approver", "expires", "ticket", "location")
CHUNK = 2000  # items per json.dumps call: the data is written in pieces, never held whole
_MARKER = re.compile(r"@@([A-Z]+)@@")
# What no inline asset may say: it would end its element or start an HTML comment there.
_UNSAFE_IN_ELEMENT = re.compile(r"</(script|style)|<!--", re.IGNORECASE)
_kind_of = attrgetter(*KIND_COLUMNS)
_record_of = attrgetter(*RECORD_COLUMNS)  # a violation's fields of those names
_texts_of = attrgetter("message", "fix", "evidence", "baseline")

Kind = tuple[str, ...]
Record = tuple[Any, ...]  # _record_of's values, then whether the finding is about a set


class HtmlReporter(Reporter):
    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._strings: dict[str, int] = {}
        self._kinds: dict[Kind, int] = {}
        self._record_keys: dict[Record, int] = {}
        self._suppressions: dict[Suppression, int] = {}
        self._rows: list[list[Any]] = []
        self._posts: dict[str, int] = {}  # post identity -> index in `posts`
        self._post_entries: list[list[Any]] = []
        # (source, index) -> (post identity, label) of every record read, so a cross-record
        # finding's members link to their posts' pages (even a post with no finding of its own)
        self._read: dict[tuple[str, int | None], tuple[str, str]] = {}
        self._input_errors: list[list[Any]] = []

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            self._input_errors.append(
                [finding.file, finding.reason, finding.line, finding.index, finding.field]
            )
            return
        if isinstance(finding, RecordResult):
            self._read[(finding.source, finding.index)] = (finding.post, finding.label)
        is_set = isinstance(finding, SetResult)
        for violation in finding.violations:
            self._rows.append(self._row(violation, is_set))

    def finish(self, summary: Summary) -> None:
        template = _asset("audit.html")
        style, script = _asset("audit.css"), _asset("audit.js")
        values = {
            "CSP": _policy(script, style),
            "TITLE": _text(f"postcheck audit report, as of {self.info.as_of.isoformat()}"),
            "VERSION": _text(self.info.version),
            "STYLE": style,
            "SCRIPT": script,
        }
        parts = _MARKER.split(template)  # one pass: no text is scanned for markers twice
        for position, part in enumerate(parts):
            if position % 2 == 0:
                self.stream.write(part)
            elif part == "DATA":
                self._write_data(summary)
            else:
                self.stream.write(values[part])

    def _row(self, v: Violation, is_set: bool) -> list[Any]:
        """The finding as numbers. The lookups here are most of the time a large report takes
        to write, so the shared parts are looked up whole, by tuple, and interned in `finish`."""
        strings = self._strings
        row: list[Any] = [
            _index(self._kinds, _kind_of(v)),
            _index(self._record_keys, (*_record_of(v), is_set)),
        ]
        row += [None if t is None else strings.setdefault(t, len(strings)) for t in _texts_of(v)]
        s = self._string
        row += (
            v.line,
            v.page,
            v.fingerprint,
            None if v.suppression is None else _index(self._suppressions, v.suppression),
            [[s(m.source), m.index, m.line, s(m.label), s(m.post_number), None] for m in v.records]
            if v.records
            else [],
        )
        return row

    def _string(self, text: str | None) -> int | None:
        strings = self._strings
        return None if text is None else strings.setdefault(text, len(strings))

    def _post(self, identity: str, label: str, is_set: bool = False) -> int:
        found = self._posts.get(identity)
        if found is None:
            found = self._posts[identity] = len(self._post_entries)
            self._post_entries.append([self._string(identity), self._string(label), is_set])
        return found

    def _tables(self) -> dict[str, Any]:
        """The shared tables, interned now that every finding is in; set members linked to
        the posts they were read as."""
        s = self._string
        kinds = [[s(text) for text in kind] for kind in self._kinds]
        records = []
        for source, index, post, number, label, *context, is_set in self._record_keys:
            records.append(
                [s(source), index, self._post(post, label, is_set), s(number), s(label)]
                + [s(text) for text in context]
            )
        suppressions = [
            [s(sup.kind), s(sup.justification)]
            + [s(text) for text in (sup.approver, sup.expires, sup.ticket, sup.location)]
            for sup in self._suppressions
        ]
        members = COLUMNS.index("members")
        texts: list[str] = []
        for row in self._rows:
            for member in row[members]:
                texts = texts or list(self._strings)  # in index order: dicts keep insertion
                read = self._read.get((texts[member[0]], member[1]))
                if read is not None:
                    member[5] = self._post(*read)
        return {
            "kinds": kinds,
            "records": records,
            "suppressions": suppressions,
            "posts": self._post_entries,
        }

    def _write_data(self, summary: Summary) -> None:
        write = self.stream.write
        head = {
            "format": FORMAT_VERSION,
            "kind_columns": KIND_COLUMNS,
            "record_columns": RECORD_COLUMNS,
            "columns": COLUMNS,
            "member_columns": MEMBER_COLUMNS,
            "suppression_columns": SUPPRESSION_COLUMNS,
            "run": {
                "version": self.info.version,
                "as_of": self.info.as_of.isoformat(),
                "rules_dir": self.info.rules_dir,
                "fail_on": self.info.fail_on,
                "silent_rules": [list(pair) for pair in self.info.silent_rules],
            },
            "summary": _summary(summary),
            "manifest": summary.manifest,
            "rules": {rule.id: _rule(rule) for rule in self.info.rules},
            "input_errors": self._input_errors,
            **self._tables(),
        }
        write(_script_safe(json.dumps(head, separators=(",", ":")))[:-1])
        write(',"strings":[')
        self._write_list(list(self._strings))
        write('],"rows":[')
        self._write_list(self._rows)
        write("]}")

    def _write_list(self, items: list[Any]) -> None:
        for start in range(0, len(items), CHUNK):
            if start:
                self.stream.write(",")
            chunk = json.dumps(items[start : start + CHUNK], separators=(",", ":"))
            self.stream.write(_script_safe(chunk)[1:-1])


def _index(table: dict[Any, int], key: Any) -> int:
    return table.setdefault(key, len(table))


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "records": summary.records,
        "violations": summary.violations,
        "input_errors": summary.input_errors,
        "by_severity": {s: summary.by_severity[s] for s in SEVERITIES},
        "by_rule": dict(sorted(summary.by_rule.items())),
        "counting": {s: summary.counting[s] for s in SEVERITIES},
        "suppressed": dict(sorted(summary.suppressed.items())),
        "baseline": summary.baseline,
        "skipped_files": summary.skipped_files,
        "unmatched_authorities": [[name, n] for name, n in summary.unmatched_authorities],
    }


def _rule(rule: AnyRule) -> dict[str, Any]:
    """What the post pages say of a rule besides the finding: why it exists, and its law."""
    return {
        "title": rule.title,
        "area": rule.area.value,
        "severity": rule.severity.value,
        "certainty": rule.certainty.value,
        "rationale": rule.rationale,
        "remediation": rule.remediation,
        "citations": [{"text": c.text, "url": c.url} for c in rule.citations],
    }


def _script_safe(json_text: str) -> str:
    """JSON (ASCII, as json.dumps writes it by default) that can sit inside a <script> element:
    `<`, `>` and `&` only occur inside its strings, where their \\u escapes mean the same."""
    return json_text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _text(value: str) -> str:
    """Text for the page's own markup, escaped, and ASCII like the rest of the file."""
    return html.escape(value).encode("ascii", "xmlcharrefreplace").decode("ascii")


def _policy(script: str, style: str) -> str:
    """Only this file's script and style sheet may run; nothing may be fetched or submitted."""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src '{_digest(script)}'",
            f"style-src '{_digest(style)}'",
            "img-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@cache
def _asset(name: str) -> str:
    """An asset of the report, checked once: ASCII (the file is ASCII, whatever the stream's
    encoding), and nothing that would end its element early."""
    text = resources.files("postcheck.report").joinpath("html", name).read_text("utf-8")
    if not name.endswith(".html") and _UNSAFE_IN_ELEMENT.search(text):
        raise ValueError(f"report asset {name} would end its element early")
    text.encode("ascii")
    return text
