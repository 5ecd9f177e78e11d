"""The HTML audit report, read as a file, without a browser: it fetches nothing, its data block
reads back as the findings it was given, hostile record text cannot end the block or become
markup, and its counts are the run's. tests/browser/ opens it in Chromium.

Expected values come from the findings themselves (the real engine's, on the seeds and the
sample establishment) and from texts written out here, never from the reporter."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from postcheck.check import Finding, RecordResult, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import RunInfo
from postcheck.report.html_report import HtmlReporter
from postcheck.violations import Suppression, Violation
from tests.unit.report_findings import (
    changed_findings,
    establishment_findings,
    run_info,
    seed_findings,
)

MANIFEST = {
    "postcheck_version": "0.1.0",
    "as_of": "2026-11-23",
    "rules": {"directory": "rules", "sha256": "0123abcd", "versions": {}},
    "inputs": [{"path": "examples/establishment/establishment.csv", "sha256": "ff00"}],
}
WAIVER = Suppression(
    "waiver",
    "Grade code agreed with HR pending the 2027 regrading",
    approver="J. Okafor",
    expires="2027-03-31",
    ticket="HR-1234",
    location="waivers.yaml:7",
)
BASELINE = Suppression("baseline", "known when the baseline was adopted", location="base.json")
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
HOSTILE: dict[str, Any] = {
    "message": '</script><img src=x onerror="alert(1)"><script>alert(2)</script> & "q" \'s\'',
    "evidence": "<!-- <SCRIPT>alert(3)</SCRIPT > --> \u2028line\u2029sep &amp; &lt;",
    "record_label": '"><svg onload=alert(4)> post',
    "authority": "</style><style>body{display:none}</style>",
    "post_title": "Caerdydd: Swyddog \u0175 \u2014 \u201cquoted\u201d",
    "fix": "@@SCRIPT@@ @@DATA@@ ${x} `y`",
}


def _all(findings: tuple[Finding, ...] | list[Finding]) -> list[Violation]:
    return [v for f in findings if not isinstance(f, InputError) for v in f.violations]


def _report(
    findings: tuple[Finding, ...] | list[Finding], info: RunInfo | None = None
) -> tuple[str, Summary]:
    stream = io.StringIO()
    reporter = HtmlReporter(stream, info or run_info())
    summary = Summary()
    for finding in findings:
        summary.add(finding)
        reporter.add(finding)
    summary.manifest = MANIFEST
    reporter.finish(summary)
    return stream.getvalue(), summary


class _Page(HTMLParser):
    """Every tag with its attributes, and the text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.title = ""
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style", "title"):
            self._open = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))
            elif tag == "style":
                self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._open == "style":
            self.styles[-1] += data
        elif self._open == "title":
            self.title += data


def _page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _data(text: str) -> dict[str, Any]:
    (block,) = [body for attrs, body in _page(text).scripts if attrs.get("id") == "audit-data"]
    data: dict[str, Any] = json.loads(block)
    return data


def _decoded(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each row as a finding's fields, the shared tables looked up: how a reader of the file
    (its own script, or anyone's) is meant to take it."""
    strings = data["strings"]

    def text(i: int | None) -> str | None:
        return None if i is None else strings[i]

    def named(columns: list[str], values: list[Any]) -> dict[str, Any]:
        return dict(zip(columns, values, strict=True))

    out = []
    for raw in data["rows"]:
        row = named(data["columns"], raw)
        kind = {
            k: text(i) for k, i in named(data["kind_columns"], data["kinds"][row["kind"]]).items()
        }
        record = named(data["record_columns"], data["records"][row["record"]])
        post = data["posts"][record["post"]]
        sup = row["suppression"]
        out.append(
            {
                **kind,
                **{
                    k: text(record[k]) for k in data["record_columns"] if k not in ("index", "post")
                },
                "index": record["index"],
                "post": text(post[0]),
                **{k: text(row[k]) for k in ("message", "fix", "evidence", "baseline")},
                "line": row["line"],
                "page": row["page"],
                "fingerprint": row["fingerprint"],
                "suppression": None
                if sup is None
                else {
                    k: text(i)
                    for k, i in named(
                        data["suppression_columns"], data["suppressions"][sup]
                    ).items()
                },
                "members": [
                    (text(m[0]), m[1], m[2], text(m[3]), text(m[4])) for m in row["members"]
                ],
            }
        )
    return out


def _expected(v: Violation) -> dict[str, Any]:
    fields = dataclasses.asdict(v)
    del fields["records"]
    fields["suppression"] = dataclasses.asdict(v.suppression) if v.suppression else None
    fields["members"] = [(m.source, m.index, m.line, m.label, m.post_number) for m in v.records]
    return fields


def _hostile() -> list[Finding]:
    """The Mayor's Assistant seed, its grade finding's texts replaced by hostile ones."""
    (record,) = [
        f
        for f in seed_findings()
        if isinstance(f, RecordResult) and f.source.endswith("newham-mayors-assistant.yaml")
    ]
    violations = [
        dataclasses.replace(v, **HOSTILE) if v.rule_id == "grade-code-typo" else v
        for v in record.violations
    ]
    return [dataclasses.replace(record, violations=violations)]


MIXED = (
    *changed_findings(seed_findings(), "grade-code-typo", suppression=WAIVER),
    *changed_findings(establishment_findings(), "post-number-repeated", suppression=BASELINE),
    InputError("broken.yaml", "not valid YAML: mapping values are not allowed here", line=3),
)


def test_the_data_block_reads_back_as_the_findings_given() -> None:
    text, _ = _report(MIXED)
    decoded = _decoded(_data(text))
    expected = [_expected(v) for v in _all(MIXED)]
    assert len(decoded) == 25  # 18 in the seeds, 7 in the sample establishment
    assert decoded == expected


def test_a_cross_record_findings_members_link_to_their_posts() -> None:
    text, _ = _report(establishment_findings())
    data = _data(text)
    strings = data["strings"]
    rows = [
        row
        for row in data["rows"]
        if strings[data["kinds"][row[data["columns"].index("kind")]][0]] == "s9-posts-over-three"
    ]
    (row,) = rows
    members = row[data["columns"].index("members")]
    posts = [strings[data["posts"][m[5]][0]] for m in members]
    assert posts == [f"borsetshire county council/BCC-PA{n}" for n in (1, 2, 3, 4)]
    # BCC-PA1 has no finding of its own, yet its page exists: the set's finding is on it
    own = {strings[data["posts"][r[2]][0]] for r in data["records"]}
    assert "borsetshire county council/BCC-PA1" not in own


def test_counts_in_the_data_are_the_summarys() -> None:
    text, summary = _report(MIXED)
    data = _data(text)
    counts = data["summary"]
    assert counts["records"] == summary.records == 20
    assert counts["violations"] == summary.violations == 25
    assert counts["input_errors"] == summary.input_errors == 1
    assert counts["by_severity"] == {
        s: summary.by_severity[s] for s in ("error", "warning", "info")
    }
    assert counts["counting"] == {s: summary.counting[s] for s in ("error", "warning", "info")}
    assert counts["suppressed"] == {"baseline": 1, "waiver": 2}
    assert counts["by_rule"] == dict(summary.by_rule)
    # and the rows themselves add up to the same
    decoded = _decoded(data)
    for severity in ("error", "warning", "info"):
        assert sum(r["severity"] == severity for r in decoded) == summary.by_severity[severity]
    assert data["input_errors"] == [
        ["broken.yaml", "not valid YAML: mapping values are not allowed here", 3, None, None]
    ]
    assert data["manifest"] == MANIFEST
    assert data["run"]["as_of"] == "2026-11-23"


def test_every_rule_of_the_run_is_described_with_its_rationale() -> None:
    text, _ = _report(seed_findings())
    rules = _data(text)["rules"]
    info = run_info()
    assert set(rules) == {rule.id for rule in info.rules}
    typo = rules["grade-code-typo"]
    assert typo["severity"] == "warning" and typo["area"] == "grading"
    assert typo["citations"][0]["url"].startswith("https://www.local.gov.uk/")
    assert len(typo["rationale"]) >= 20


def test_the_file_fetches_nothing() -> None:
    text, _ = _report(MIXED)
    page = _page(text)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"img", "iframe", "object", "embed", "link", "audio", "video", "source"}
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "audit-data"}, {}]  # no src
    assert all("src" not in attrs for _, attrs in page.tags)
    (style,) = page.styles
    assert "url(" not in style and "@import" not in style
    # web addresses: the SVG namespace (a name, not a fetch) and the law cited, as <a href>
    cited = {v.url for v in _all(MIXED)} | {c.url for r in run_info().rules for c in r.citations}
    found = set(re.findall(r"https?://[^\s\"'<>\\]+", text))
    assert found - cited == {SVG_NAMESPACE}
    (policy,) = [
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None
    assert "default-src 'none'" in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)", policy)
    assert "unsafe" not in policy


def test_the_policy_admits_exactly_the_files_script_and_style() -> None:
    import base64
    import hashlib

    text, _ = _report(seed_findings())
    page = _page(text)
    (script,) = [body for attrs, body in page.scripts if not attrs]
    (style,) = page.styles
    (policy,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert policy is not None

    def digest(body: str) -> str:
        return base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()

    assert f"script-src 'sha256-{digest(script)}'" in policy
    assert f"style-src 'sha256-{digest(style)}'" in policy


def test_hostile_record_text_is_escaped_in_the_file() -> None:
    text, _ = _report(_hostile())
    # only the file's own two scripts end, and nothing opens a comment or an element of data
    assert len(re.findall(r"</script", text, re.IGNORECASE)) == 2
    assert len(re.findall(r"<script", text, re.IGNORECASE)) == 2
    assert len(re.findall(r"</style", text, re.IGNORECASE)) == 1
    assert "<!--" not in text
    assert "<img" not in text and "<svg" not in text
    assert "\u2028" not in text and "\u2029" not in text
    text.encode("ascii")  # all of it: the data's own non-ASCII text is \u-escaped
    # the texts survive whole, as data
    (typo,) = [r for r in _decoded(_data(text)) if r["rule_id"] == "grade-code-typo"]
    for field, value in HOSTILE.items():
        assert typo[field] == value
    # the markers the template uses are not replaced inside data
    assert text.count('id="audit-data"') == 1


def test_the_pages_own_text_is_escaped() -> None:
    info = dataclasses.replace(run_info(), version='0.1"><script>alert(1)</script>')
    text, _ = _report(seed_findings(), info)
    page = _page(text)
    generator = [a for t, a in page.tags if t == "meta" and a.get("name") == "generator"]
    assert generator == [
        {"name": "generator", "content": 'postcheck 0.1"><script>alert(1)</script>'}
    ]
    assert "&quot;&gt;&lt;script&gt;" in text
    assert page.title == "postcheck audit report, as of 2026-11-23"
    assert _data(text)["run"]["version"] == '0.1"><script>alert(1)</script>'


def test_suppressed_findings_are_kept_and_marked() -> None:
    text, summary = _report(MIXED)
    decoded = _decoded(_data(text))
    waived = [r for r in decoded if r["suppression"] and r["suppression"]["kind"] == "waiver"]
    assert [r["rule_id"] for r in waived] == ["grade-code-typo", "grade-code-typo"]
    assert waived[0]["suppression"] == {
        "kind": "waiver",
        "justification": "Grade code agreed with HR pending the 2027 regrading",
        "approver": "J. Okafor",
        "expires": "2027-03-31",
        "ticket": "HR-1234",
        "location": "waivers.yaml:7",
    }
    (baselined,) = [
        r for r in decoded if r["suppression"] and r["suppression"]["kind"] == "baseline"
    ]
    assert baselined["rule_id"] == "post-number-repeated"
    assert len(decoded) == summary.violations  # none dropped


@pytest.mark.parametrize("findings", [(), (InputError("x.csv", "empty file"),)])
def test_a_run_with_no_findings_still_writes_a_whole_report(findings: tuple[Finding, ...]) -> None:
    text, summary = _report(findings)
    data = _data(text)
    assert data["rows"] == [] and data["strings"] == []
    assert data["summary"]["violations"] == 0
    assert data["summary"]["input_errors"] == summary.input_errors == len(findings)
    assert text.rstrip().endswith("</html>")
