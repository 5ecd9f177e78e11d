"""The XLSX report, fed real findings (the seeds, the sample establishment's sets, a missing
file, waived and baselined copies) and read back with openpyxl: its counts must equal the
JSON report's of the same findings, and record text must reach the cells as text."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from postcheck import __version__
from postcheck.atomic import atomic_writer
from postcheck.check import Finding, RecordResult, Summary
from postcheck.config import Config
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from postcheck.report.base import Reporter, RunInfo
from postcheck.report.json_report import JsonReporter
from postcheck.report.manifest import run_manifest
from postcheck.report.xlsx_report import XlsxReporter
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import bundled_rules_dir
from postcheck.violations import Suppression, Violation
from tests.conftest import REPO, SEED_DAY, compiled_for
from tests.unit.report_findings import establishment_findings, run_info, seed_findings

INFO = run_info()
WAIVER = Suppression("waiver", "Agreed with legal: term ends 2027", approver="J. Smith")
BASELINE = Suppression("baseline", "known when adopted", location="baseline.json:7")
MAYORS_SEED = "fixtures/seeds/newham-mayors-assistant.yaml"
EXPORT = "examples/establishment/establishment.csv"
S9_URL = "https://www.legislation.gov.uk/ukpga/1989/42/section/9"
REG3_URL = "https://www.legislation.gov.uk/uksi/2002/975/regulation/3/made"
HEADER = [
    "Severity",
    "Rule",
    "Rule title",
    "Area",
    "Message",
    "Evidence",
    "Citation",
    "Legislation",
    "Authority",
    "Post number",
    "Post title",
    "Directorate",
    "Service area",
    "Grade",
    "Source",
    "Line",
    "Page",
    "Records",
    "Suppressed",
    "Justification",
    "Baseline",
    "Fingerprint",
    "Fix",
]


def missing_file() -> InputError:
    (error,) = iter_outcomes(["no/such/posts.yaml"])
    assert isinstance(error, InputError)
    return error


def governed(findings: Iterable[Finding]) -> Iterator[Finding]:
    """The mayor's assistant seed waived; the title/grade set baselined; the rest new."""
    for finding in findings:
        if isinstance(finding, InputError):
            yield finding
            continue
        if isinstance(finding, RecordResult) and finding.source == MAYORS_SEED:
            change: dict[str, Any] = {"suppression": WAIVER, "baseline": "new"}
        elif finding.violations and finding.violations[0].rule_id == "title-grades-differ":
            change = {"suppression": BASELINE, "baseline": "unchanged"}
        else:
            change = {"baseline": "new"}
        changed = [dataclasses.replace(v, **change) for v in finding.violations]
        yield dataclasses.replace(finding, violations=changed)


def all_findings() -> list[Finding]:
    """Also a post that names neither its council nor its directorate."""
    first = violations(seed_findings())[0]
    unnamed = dataclasses.replace(first, authority=None, directorate=None)
    loose = RecordResult("loose.yaml", None, "a post", [unnamed])
    return [*governed([*seed_findings(), *establishment_findings(), loose]), missing_file()]


def violations(findings: Iterable[Finding]) -> list[Violation]:
    return [v for f in findings if not isinstance(f, InputError) for v in f.violations]


def summary_of(findings: Iterable[Finding]) -> Summary:
    summary = Summary()
    for finding in findings:
        summary.add(finding)
    return summary


def feed(reporter: Reporter, findings: Iterable[Finding], summary: Summary) -> None:
    for finding in findings:
        reporter.add(finding)
    reporter.finish(summary)


def write_xlsx(
    path: Path,
    findings: Sequence[Finding],
    summary: Summary | None = None,
    kind: type[XlsxReporter] = XlsxReporter,
    info: RunInfo = INFO,
) -> Path:
    """Written as the CLI writes an --output file: through the atomic writer."""
    with atomic_writer(path) as stream:
        feed(kind(stream, info), findings, summary or summary_of(findings))
    return path


def json_report(findings: Sequence[Finding], summary: Summary) -> dict[str, Any]:
    stream = io.StringIO()
    feed(JsonReporter(stream, INFO), findings, summary)
    report: dict[str, Any] = json.loads(stream.getvalue())
    return report


def sections(sheet: Any) -> dict[str, list[tuple[Any, ...]]]:
    """The summary's tables by title: a title follows a blank row; its rows follow it."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    title, after_blank = "", True
    for row in sheet.iter_rows(values_only=True):
        values = tuple(row)
        while values and values[-1] is None:
            values = values[:-1]
        if not values:
            after_blank = True
            continue
        if after_blank:
            title = str(values[0])
            found[title] = []
        else:
            found[title].append(values)
        after_blank = False
    return found


def table(rows: list[tuple[Any, ...]]) -> dict[Any, tuple[Any, ...]]:
    """A section's data rows (its header checked apart) by their first cell."""
    return {row[0]: row[1:] for row in rows[1:]}


def findings_rows(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows())
    header = [c.value for c in rows[0]]
    return [{name: c for name, c in zip(header, row, strict=True)} for row in rows[1:]]


@pytest.fixture
def workbook(tmp_path: Path) -> tuple[Any, dict[str, Any], list[Finding]]:
    findings = all_findings()
    summary = summary_of(findings)
    summary.baseline = {"new": 17, "unchanged": 1, "resolved": 2}
    path = write_xlsx(tmp_path / "report.xlsx", findings, summary)
    return load_workbook(path), json_report(findings, summary), findings


# The summary sheet against the JSON report


def test_summary_counts_equal_the_json_reports(
    workbook: tuple[Any, dict[str, Any], list[Finding]],
) -> None:
    book, report, _ = workbook
    assert book.sheetnames == ["Summary", "Findings", "Input errors", "Manifest"]
    found = sections(book["Summary"])
    summary = report["summary"]
    totals = dict(found["postcheck report"])
    assert totals["Records"] == summary["records"]
    assert totals["Findings"] == summary["violations"] == len(report["violations"])
    assert totals["Input errors"] == summary["input_errors"] == 1
    assert totals["Counting towards the exit status"] == sum(summary["counting"].values())
    assert totals["Suppressed"] == sum(summary["suppressed"].values())

    severity = found["By severity"]
    assert severity[0] == ("Severity", "Findings", "Counting", "Suppressed")
    by_severity = table(severity)
    assert list(by_severity) == ["error", "warning", "info"]
    for name, (count, counting, suppressed) in by_severity.items():
        assert count == summary["by_severity"][name]
        assert counting == summary["counting"][name]
        assert suppressed == count - counting

    rules = found["By rule"]
    assert rules[0] == ("Rule", "Title", "Severity", "Area", "Findings", "Counting", "Suppressed")
    assert {rule: row[3] for rule, row in table(rules).items()} == summary["by_rule"]
    assert list(table(rules)) == sorted(summary["by_rule"])

    kinds = table(found["Suppressed, by kind"])
    assert {k: n for k, (n,) in kinds.items() if n} == summary["suppressed"]
    assert set(kinds) >= {"waiver", "baseline"}
    assert {k: n for k, (n,) in table(found["Baseline"]).items()} == summary["baseline"]


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("By rule", "rule_id"),
        ("By area", "area"),
        ("By directorate", "directorate"),
        ("By authority", "authority"),
    ],
)
def test_breakdowns_equal_the_json_reports_violations(
    workbook: tuple[Any, dict[str, Any], list[Finding]], title: str, key: str
) -> None:
    """Counted from the JSON report's violations; a set with no single directorate or
    authority counts as across records, a post with none as not given."""
    book, report, _ = workbook
    found, counting = Counter[str](), Counter[str]()
    for v in report["violations"]:
        name: str = v[key] or ("(across records)" if v["records"] else "(not given)")
        found[name] += 1
        counting[name] += v["suppression"] is None
    rows = sections(book["Summary"])[title]
    numbers = {name: row[-3:] for name, row in table(rows).items()}
    assert numbers == {n: (found[n], counting[n], found[n] - counting[n]) for n in found}


def test_the_establishment_by_hand(tmp_path: Path) -> None:
    """The sample's seven planted findings: 2 errors, 4 warnings, 1 info; three councils."""
    path = write_xlsx(tmp_path / "e.xlsx", establishment_findings())
    found = sections(load_workbook(path)["Summary"])
    assert table(found["By severity"]) == {
        "error": (2, 2, 0),
        "warning": (4, 4, 0),
        "info": (1, 1, 0),
    }
    assert table(found["By authority"]) == {
        "Borsetshire County Council": (3, 3, 0),
        "Cyngor Sir Dyfnant": (1, 1, 0),
        "Hassett Borough Council": (3, 3, 0),
    }
    assert table(found["By directorate"]) == {
        "Democratic Services": (1, 1, 0),
        "Place": (1, 1, 0),
        "(across records)": (5, 5, 0),
    }
    assert table(found["By area"])["cross-record"] == (5, 5, 0)
    assert dict(found["postcheck report"])["Records"] == 16


# The findings sheet


def test_findings_sheet_has_a_frozen_header_and_an_autofilter(
    workbook: tuple[Any, dict[str, Any], list[Finding]],
) -> None:
    book, report, _ = workbook
    sheet = book["Findings"]
    assert [c.value for c in next(sheet.iter_rows())] == HEADER
    assert all(c.font.b for c in next(sheet.iter_rows()))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:W{len(report['violations']) + 1}"
    assert sheet.max_row == len(report["violations"]) + 1


def test_findings_rows_follow_the_findings(
    workbook: tuple[Any, dict[str, Any], list[Finding]],
) -> None:
    book, _, findings = workbook
    rows = findings_rows(book["Findings"])
    assert len(rows) == len(violations(findings))
    for row, v in zip(rows, violations(findings), strict=True):
        assert row["Rule"].value == v.rule_id
        assert row["Severity"].value == v.severity
        assert row["Fingerprint"].value == v.fingerprint
        assert row["Message"].value == v.message
        assert row["Legislation"].hyperlink.target == v.url
        assert row["Legislation"].value == v.url
    typo = next(r for r in rows if r["Rule"].value == "grade-code-typo" and r["Line"].value == 16)
    assert {k: c.value for k, c in typo.items() if k not in ("Message", "Fix", "Rule title")} == {
        "Severity": "warning",
        "Rule": "grade-code-typo",
        "Area": "grading",
        "Evidence": "P07",
        "Citation": "NJC pay spine and local grade codes (PO = Principal Officer, SO = Senior "
        "Officer)",
        "Legislation": "https://www.local.gov.uk/our-support/workforce-and-hr-support/"
        "local-government-services-pay-and-conditions",
        "Authority": "Cyngor Sir Dyfnant",
        "Post number": "DYF-0777",
        "Post title": typo["Post title"].value,
        "Directorate": "Place",
        "Service area": typo["Service area"].value,
        "Grade": "P07",
        "Source": EXPORT,
        "Line": 16,
        "Page": None,
        "Records": None,
        "Suppressed": None,
        "Justification": None,
        "Baseline": "new",
        "Fingerprint": typo["Fingerprint"].value,
    }
    assert re.fullmatch("[0-9a-f]{32}", typo["Fingerprint"].value)


def test_a_set_is_one_row_naming_its_records(
    workbook: tuple[Any, dict[str, Any], list[Finding]],
) -> None:
    rows = findings_rows(workbook[0]["Findings"])
    (mayors,) = [r for r in rows if r["Rule"].value == "mayors-assistants-over-one"]
    assert mayors["Records"].value == f"{EXPORT}:8 (HBC-M01); {EXPORT}:9 (HBC-M02)"
    assert mayors["Authority"].value == "Hassett Borough Council"
    assert mayors["Legislation"].hyperlink.target == REG3_URL
    (four,) = [r for r in rows if r["Rule"].value == "s9-posts-over-three"]
    assert four["Records"].value == "; ".join(
        f"{EXPORT}:{line} (BCC-PA{n})" for n, line in enumerate((2, 3, 4, 5), start=1)
    )
    assert four["Legislation"].hyperlink.target == S9_URL
    assert four["Legislation"].style == "Hyperlink"


def test_suppressed_findings_are_rows_marked_as_such(
    workbook: tuple[Any, dict[str, Any], list[Finding]],
) -> None:
    rows = findings_rows(workbook[0]["Findings"])
    waived = [r for r in rows if r["Source"].value == MAYORS_SEED]
    assert len(waived) == 5
    for row in waived:
        assert (row["Suppressed"].value, row["Justification"].value) == (
            "waiver",
            "Agreed with legal: term ends 2027",
        )
    (known,) = [r for r in rows if r["Rule"].value == "title-grades-differ"]
    assert (known["Suppressed"].value, known["Baseline"].value) == ("baseline", "unchanged")
    assert known["Justification"].value == "known when adopted"


# The input errors and manifest sheets


def test_input_errors_sheet(tmp_path: Path) -> None:
    hand_made = InputError("export.csv", "salary is not a number", line=7, field="salary_from")
    path = write_xlsx(tmp_path / "e.xlsx", [hand_made, *seed_findings(), missing_file()])
    sheet = load_workbook(path)["Input errors"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("File", "Line", "Field", "Reason")
    assert rows[1] == ("export.csv", 7, "salary_from", "salary is not a number")
    assert rows[2][:3] == ("no/such/posts.yaml", None, None)
    assert rows[2][3]  # the reason the reader gave
    assert len(rows) == 3
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D3"


def test_manifest_sheet_lists_versions_and_input_hashes(tmp_path: Path) -> None:
    findings = list(seed_findings())
    summary = summary_of(findings)
    inputs = [f.source for f in findings if isinstance(f, RecordResult)]
    authorities = AuthorityDirectory.load(bundled_rules_dir())
    summary.manifest = run_manifest(compiled_for(SEED_DAY), "rules", authorities, Config(), inputs)
    path = write_xlsx(tmp_path / "m.xlsx", findings, summary)
    sheet = load_workbook(path)["Manifest"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Key", "Value")
    values = {row[0]: row[1] for row in rows if row[0] is not None}
    assert values["postcheck_version"] == __version__
    assert values["as_of"] == "2026-11-23"
    assert re.fullmatch("[0-9a-f]{64}", values["rules.sha256"])
    assert values["rules.versions.s9-posts-over-three"]
    start = [row[0] for row in rows].index("inputs")
    assert rows[start + 1][:2] == ("path", "sha256")
    listed = {row[0]: row[1] for row in rows[start + 2 : start + 2 + len(set(inputs))]}
    assert listed == {
        path: hashlib.sha256((REPO / path).read_bytes()).hexdigest() for path in set(inputs)
    }


# Record text stays text


def test_record_text_is_never_a_formula(tmp_path: Path) -> None:
    source = violations(seed_findings())[0]
    hostile = dataclasses.replace(
        source,
        message='=HYPERLINK("http://evil")',
        post_title="@SUM(A1:A9)",
        directorate="+44 20 7946 0000",
        service_area="-1",
        grade="#N/A",
        evidence="\t=1+1",
        fix="=cmd|' /C calc'!A0",
    )
    error = InputError("=evil.csv", '=HYPERLINK("http://evil")', line=2)
    result = RecordResult(source.source, source.index, source.record_label, [hostile])
    path = write_xlsx(tmp_path / "x.xlsx", [result, error])
    book = load_workbook(path)
    (row,) = findings_rows(book["Findings"])
    expected = {
        "Message": '=HYPERLINK("http://evil")',
        "Post title": "@SUM(A1:A9)",
        "Directorate": "+44 20 7946 0000",
        "Service area": "-1",
        "Grade": "#N/A",
        "Evidence": "\t=1+1",
        "Fix": "=cmd|' /C calc'!A0",
    }
    for name, text in expected.items():
        assert (row[name].value, row[name].data_type) == (text, "s"), name
        assert row[name].quotePrefix, name  # Excel's leading apostrophe: stays text on edit
    errors = list(book["Input errors"].iter_rows())[1]
    assert [(c.value, c.data_type) for c in (errors[0], errors[3])] == [
        ("=evil.csv", "s"),
        ('=HYPERLINK("http://evil")', "s"),
    ]
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:  # no formula element and no error cell anywhere
            xml = archive.read(name).decode("utf-8")
            assert "<f>" not in xml and 't="e"' not in xml, name


def test_characters_xml_forbids_are_replaced(tmp_path: Path) -> None:
    source = violations(seed_findings())[0]
    dirty = dataclasses.replace(
        source,
        message="a\x00b\x08c\x0bd\x1be\ufffef\ud800g\tkept\nand\u00a3 kept",
        evidence="x" * 40_000,
        post_title="\x7fDEL\x85NEL are allowed",
    )
    error = InputError("bad\x01.csv", "reason\x07", line=1)
    result = RecordResult(source.source, source.index, source.record_label, [dirty])
    path = write_xlsx(tmp_path / "c.xlsx", [result, error])
    book = load_workbook(path)
    (row,) = findings_rows(book["Findings"])
    assert row["Message"].value == "a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\tkept\nand£ kept"
    assert row["Post title"].value == "\x7fDEL\x85NEL are allowed"
    evidence = row["Evidence"].value
    assert len(evidence) == 32_767  # Excel's most characters in a cell
    assert evidence.startswith("x" * 32_000)
    assert evidence.endswith(" … [cut: 40,000 characters in all]")
    errors = list(book["Input errors"].iter_rows(values_only=True))[1]
    assert (errors[0], errors[3]) == ("bad\ufffd.csv", "reason\ufffd")


# Where the bytes go


class _Pipe(io.RawIOBase):
    """A byte sink that cannot seek, as standard output into a pipe."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.data += bytes(b)
        return len(b)


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_written_to_the_binary_layer_of_the_atomic_writer(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "out.xlsx", list(seed_findings()))
    assert path.read_bytes()[:4] == b"PK\x03\x04"  # nothing from the text layer before it
    assert zipfile.ZipFile(path).testzip() is None
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]  # the temporary file renamed


def test_standard_output_into_a_pipe(tmp_path: Path) -> None:
    pipe = _Pipe()
    stream = io.TextIOWrapper(io.BufferedWriter(pipe), encoding="utf-8", newline="")
    findings = list(establishment_findings())
    feed(XlsxReporter(stream, INFO), findings, summary_of(findings))
    book = load_workbook(io.BytesIO(bytes(pipe.data)))
    assert book["Findings"].max_row == 8


def test_a_terminal_or_a_text_only_stream_is_refused() -> None:
    with pytest.raises(ValueError, match=r"not for a terminal: give --output FILE\.xlsx"):
        XlsxReporter(_Terminal(io.BytesIO(), encoding="utf-8"), INFO)
    with pytest.raises(ValueError, match="binary file"):
        XlsxReporter(io.StringIO(), INFO)


# Excel's limits


class _Small(XlsxReporter):
    rows_per_sheet = 4  # a header and three rows
    links_per_sheet = 2


def test_full_sheets_go_on_and_links_past_the_limit_are_formulas(tmp_path: Path) -> None:
    seed = violations(seed_findings())
    waiver_doc = dataclasses.replace(seed[0], rule_id="waiver-expired", url="docs/waivers.md")
    evil = 'https://evil.example/"),CALL("x'
    foreign = dataclasses.replace(seed[1], rule_id="not-in-the-catalogue", url=evil)
    order = [seed[0], waiver_doc, seed[1], seed[2], seed[3], foreign, *seed[4:8]]
    findings: list[Finding] = [RecordResult(v.source, v.index, v.record_label, [v]) for v in order]
    findings += [InputError(f"bad{n}.csv", "unreadable") for n in range(4)]
    book = load_workbook(write_xlsx(tmp_path / "s.xlsx", findings, kind=_Small))
    assert book.sheetnames == [
        "Summary",
        "Findings",
        "Findings 2",
        "Findings 3",
        "Findings 4",
        "Input errors",
        "Input errors 2",
        "Manifest",
    ]
    for name, rows in [("Findings", 4), ("Findings 4", 2), ("Input errors 2", 2)]:
        sheet = book[name]
        assert [c.value for c in next(sheet.iter_rows())][:2] in (
            ["Severity", "Rule"],
            ["File", "Line"],
        )
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{'W' if 'Findings' in name else 'D'}{rows}"
    links = [
        row["Legislation"]
        for n in ("", " 2", " 3", " 4")
        for row in findings_rows(book[f"Findings{n}"])
    ]
    targets = [c.hyperlink.target if c.hyperlink else None for c in links]
    assert targets == [
        *(seed[0].url, None, seed[1].url),
        *(seed[2].url, seed[3].url, None),
        *(seed[4].url, seed[5].url, None),
        seed[7].url,
    ]
    assert links[1].value == "docs/waivers.md"  # not a web page: text
    assert (links[5].value, links[5].data_type) == (evil, "s")  # not the catalogue's: text
    url = seed[6].url
    assert (links[8].value, links[8].data_type) == (f'=HYPERLINK("{url}","{url}")', "f")
    notes = sections(book["Summary"])["Notes"]
    assert notes == [
        (
            "Legislation links written as HYPERLINK formulas, past the 2 hyperlinks Excel "
            "allows per sheet: 1",
        )
    ]


# 100,000 findings


def measure(count: int, path: str) -> None:
    """Run in a fresh process: write `count` findings, made from the real ones, and print the
    time taken and the growth of peak RSS while writing, as JSON."""
    import resource
    import time

    base = violations([*seed_findings(), *establishment_findings()])
    info = run_info()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    summary = Summary()
    with atomic_writer(Path(path)) as stream:
        reporter = XlsxReporter(stream, info)
        for n in range(count):
            v = dataclasses.replace(base[n % len(base)], line=n + 1, fingerprint=f"{n:032x}")
            finding = RecordResult(v.source, v.index, v.record_label, [v])
            summary.add(finding)
            reporter.add(finding)
        reporter.finish(summary)
    seconds = time.perf_counter() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(json.dumps({"seconds": seconds, "rss_growth_mib": grown / 1024}))


@pytest.mark.slow
def test_100k_findings_stream_into_one_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    count = 100_000
    path = tmp_path / "big.xlsx"
    code = f"from tests.unit.test_report_xlsx import measure; measure({count}, {str(path)!r})"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    figures = json.loads(done.stdout.splitlines()[-1])
    size = path.stat().st_size / 2**20
    with capsys.disabled():
        print(
            f"\nXLSX, {count:,} findings: {figures['seconds']:.1f} s, peak RSS "
            f"+{figures['rss_growth_mib']:.0f} MiB while writing, file {size:.1f} MiB"
        )
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet2.xml")  # the findings: bytes, counted
    assert xml.count(b"<row ") == count + 1
    assert xml.count(b"<hyperlink ") == 65_530  # Excel's most per sheet
    assert xml.count(b"<f>HYPERLINK(") == count - 65_530
    assert f'<autoFilter ref="A1:W{count + 1}"/>'.encode() in xml
    book = load_workbook(path, read_only=True)
    totals = dict(sections(book["Summary"])["postcheck report"])
    assert totals["Findings"] == count
