"""XLSX: a workbook for HR auditors, who sort, filter and count findings in a spreadsheet.

Four sheets: `Summary` (the run, then findings counted by severity, rule, area, directorate
and authority, each split into those that count towards the exit status and those a waiver
or the baseline suppresses), `Findings` (one row per finding, header frozen, autofilter over
the rows; a cross-record finding is one row whose `Records` cell names every record),
`Input errors` (file, line, field, reason) and `Manifest` (key/value: versions, the day
judged, the rules' hash, input files with their hashes). Suppressed findings are rows too,
marked as such, so `--quiet` does not thin the workbook: an audit needs them all.

Binary into a text stream. A Reporter is given a text stream, and an XLSX file is a ZIP
archive. The reporter writes the archive, once, in `finish`, to the stream's binary layer
(`stream.buffer`), and nothing ever to the text layer, so there is no text to interleave.
The atomic writer (atomic.py) gives an io.TextIOWrapper from os.fdopen: its `.buffer` is the
file's BufferedWriter; the reporter flushes that after writing, and the atomic writer's own
flush and fsync then find nothing left to write. Standard output works the same way
(`sys.stdout.buffer`; a pipe is not seekable, and zipfile then writes data descriptors), but
a terminal is refused when the reporter is made: a ZIP archive on screen helps nobody. A
stream with no binary layer (io.StringIO) is refused too.

Flat memory. openpyxl's write-only mode streams each sheet's rows to a temporary file in
TMPDIR (about 1.6 KiB a finding; removed once the workbook is saved, or at exit) and writes
strings inline, with no shared string table: 100,000 findings with no hyperlinks grow peak
RSS by under 1 MiB. What is held are the summary's counters and a sheet's hyperlinks, which
openpyxl writes after the rows (about 2.3 KiB each at saving). Excel allows 65,530 hyperlinks
per sheet and calls a workbook with more corrupt, so that many are real hyperlinks (about
150 MiB when a sheet has them all), and past them a sheet's legislation cells are HYPERLINK
formulas. Those are built only from a rule's citation URL in the catalogue (never record
text), http(s) only, quotes doubled. A sheet full at Excel's 1,048,576 rows goes on in a new
sheet ("Findings 2") with the same header.

Cell text. Every cell is written with an explicit type: openpyxl would store text starting
with "=" as a formula, and "#N/A" as an error value. Text that a spreadsheet could read as
a formula (starting with =, +, -, @, a tab or a carriage return) is stored as a string with
Excel's quote prefix, so editing the cell does not turn it into one either. Characters XML
1.0 cannot carry (control characters, U+FFFE, U+FFFF, lone surrogates) become U+FFFD, and
text past Excel's 32,767 characters per cell is cut, saying so.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from typing import IO, TYPE_CHECKING, Any, cast

from postcheck.check import Finding, Summary
from postcheck.record.outcome import InputError
from postcheck.report.base import Reporter, RunInfo
from postcheck.report.csv_report import FORMULA_START
from postcheck.violations import Violation

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

Scalar = str | int | float | bool | None

FINDING_COLUMNS: tuple[tuple[str, int], ...] = (  # header, width in characters
    ("Severity", 9),
    ("Rule", 30),
    ("Rule title", 40),
    ("Area", 20),
    ("Message", 60),
    ("Evidence", 40),
    ("Citation", 40),
    ("Legislation", 50),
    ("Authority", 28),
    ("Post number", 13),
    ("Post title", 32),
    ("Directorate", 24),
    ("Service area", 24),
    ("Grade", 10),
    ("Source", 40),
    ("Line", 7),
    ("Page", 7),
    ("Records", 60),
    ("Suppressed", 11),
    ("Justification", 40),
    ("Baseline", 10),
    ("Fingerprint", 34),
    ("Fix", 60),
)
ERROR_COLUMNS: tuple[tuple[str, int], ...] = (
    ("File", 50),
    ("Line", 7),
    ("Field", 30),
    ("Reason", 80),
)
COUNTS = ("Findings", "Counting", "Suppressed")
Section = tuple[str, Sequence[str], Iterable[Sequence[Scalar]]]  # title, header, rows
SEVERITIES = ("error", "warning", "info")
SUPPRESSION_KINDS = ("waiver", "baseline")
NOT_GIVEN = "(not given)"
ACROSS_RECORDS = "(across records)"

EXCEL_ROWS = 1_048_576  # rows per sheet, the header's included
EXCEL_LINKS = 65_530  # hyperlinks per sheet
EXCEL_CELL_CHARS = 32_767
FORMULA_CHARS = 255  # the longest text a formula's string literal may hold
# What XML 1.0 allows: tab, line feed, carriage return, and the rest bar surrogates and two
XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SUSPECT_START = (*FORMULA_START, "#")  # what may read as a formula, or an error value (#N/A)
WEB_URL = re.compile(r"https?://[\x21-\x7e]+\Z")  # printable ASCII, no spaces


def clean_text(text: str) -> str:
    """The text with what XML cannot carry replaced by U+FFFD, cut to what a cell holds."""
    text = XML_FORBIDDEN.sub("\ufffd", text)
    if len(text) <= EXCEL_CELL_CHARS:
        return text
    note = f" … [cut: {len(text):,} characters in all]"
    return text[: EXCEL_CELL_CHARS - len(note)] + note


def binary_layer(stream: IO[str]) -> IO[bytes]:
    """The bytes under a text stream, where the workbook goes; refused for a terminal."""
    if stream.isatty():
        raise ValueError(
            "an XLSX report is a binary file, not for a terminal: "
            "give --output FILE.xlsx, or redirect standard output to a file"
        )
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise ValueError("an XLSX report needs a stream over a binary file (one with .buffer)")
    return cast("IO[bytes]", buffer)


class _Tally:
    """Findings per value of one column: how many, and how many of them count."""

    def __init__(self) -> None:
        self.findings: Counter[str] = Counter()
        self.counting: Counter[str] = Counter()

    def add(self, key: str, counts: bool) -> None:
        self.findings[key] += 1
        self.counting[key] += counts

    def row(self, key: str) -> list[Scalar]:
        found, counting = self.findings[key], self.counting[key]
        return [found, counting, found - counting]

    def keys(self) -> list[str]:
        """Sorted as people read them; the placeholders last."""
        return sorted(self.findings, key=lambda k: (k in (NOT_GIVEN, ACROSS_RECORDS), k.lower()))


class _Table:
    """Rows under a frozen, bold header with an autofilter over them; when a sheet is full
    (Excel's rows), the table goes on in a new sheet placed after it, header repeated."""

    def __init__(
        self, book: Workbook, title: str, columns: Sequence[tuple[str, int]], rows: int
    ) -> None:
        self.book = book
        self.title = title
        self.columns = columns
        self.rows_per_sheet = rows
        self.sheets: list[Any] = []
        self.links = 0  # hyperlinks on the current sheet
        self._rows = 0
        self._open()

    @property
    def sheet(self) -> Any:
        return self.sheets[-1]

    def next_row(self) -> Any:
        """The sheet the next row goes to; its cells must be made on it."""
        if self._rows >= self.rows_per_sheet:
            self._close_filter()
            self._open()
        self._rows += 1
        return self.sheet

    def take_link(self, limit: int) -> bool:
        """Whether the current sheet may hold one more hyperlink; if so, it is counted."""
        if self.links >= limit:
            return False
        self.links += 1
        return True

    def close(self) -> None:
        self._close_filter()

    def _open(self) -> None:
        from openpyxl.utils import get_column_letter

        title = self.title if not self.sheets else f"{self.title} {len(self.sheets) + 1}"
        sheet = self.book.create_sheet(title)
        if self.sheets:  # created last; placed right after the sheet it continues
            after = self.book.sheetnames.index(self.sheet.title) + 1
            self.book.move_sheet(title, after - self.book.sheetnames.index(title))
        sheet.freeze_panes = "A2"
        for number, (_, width) in enumerate(self.columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.append([bold(sheet, name) for name, _ in self.columns])
        self.sheets.append(sheet)
        self._rows = 1
        self.links = 0

    def _close_filter(self) -> None:
        from openpyxl.utils import get_column_letter

        self.sheet.auto_filter.ref = f"A1:{get_column_letter(len(self.columns))}{self._rows}"


def _abandon(book: Workbook) -> None:
    """Close the half-written sheets of a workbook whose saving failed (a full disk, a reader
    gone). openpyxl writes a write-only sheet through suspended generators; one left suspended
    raises from lxml when the interpreter finalises it, printing "Exception ignored in:
    <generator ...>" and a traceback on standard error, at exit or whenever the collector
    happens to reach it. They are closed now, their complaints dropped: the error that matters
    is the one saving raised."""
    for sheet in book.worksheets:
        writer = getattr(sheet, "_writer", None)
        for stream in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
            if stream is not None:
                with suppress(Exception):
                    stream.close()


def cell(sheet: Any, value: Scalar) -> Any:
    """A value for a row, typed explicitly: text never becomes a formula or an error value."""
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    if not text.startswith(SUSPECT_START):
        return text  # openpyxl stores this as the string it is
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES

    if not text.startswith(FORMULA_START) and text not in ERROR_CODES:
        return text
    written = WriteOnlyCell(sheet, value=text)
    written.data_type = "s"
    written.quotePrefix = True
    return written


def bold(sheet: Any, value: Scalar) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    written = WriteOnlyCell(sheet, value=clean_text(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        written.data_type = "s"
    written.font = Font(bold=True)
    return written


def records_text(violation: Violation) -> str:
    """Every record of a cross-record finding: file:line, and the post number or label."""
    return "; ".join(
        m.source + (f":{m.line}" if m.line else "") + f" ({m.post_number or m.label})"
        for m in violation.records
    )


class XlsxReporter(Reporter):
    """Streams findings into a write-only workbook; writes it to the stream in `finish`."""

    rows_per_sheet = EXCEL_ROWS
    links_per_sheet = EXCEL_LINKS

    def __init__(
        self, stream: IO[str], info: RunInfo, color: bool | None = None, verbose: bool = False
    ) -> None:
        super().__init__(stream, info, color, verbose)
        self._binary = binary_layer(stream)
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        self._new_cell = WriteOnlyCell
        self._book = Workbook(write_only=True)
        self._summary = self._book.create_sheet("Summary")
        self._findings = _Table(self._book, "Findings", FINDING_COLUMNS, self.rows_per_sheet)
        self._errors = _Table(self._book, "Input errors", ERROR_COLUMNS, self.rows_per_sheet)
        # the one source of URLs a formula may be built from: the rules' first citations
        self._catalogue_urls = {r.id: r.citations[0].url for r in info.rules if r.citations}
        self._formula_links = 0
        self._rules: dict[str, tuple[str, str, str]] = {}  # id -> title, severity, area
        self._tallies = {
            name: _Tally() for name in ("severity", "rule", "area", "directorate", "authority")
        }

    def add(self, finding: Finding) -> None:
        if isinstance(finding, InputError):
            sheet = self._errors.next_row()
            values = (finding.file, finding.line, finding.field, finding.reason)
            sheet.append([cell(sheet, v) for v in values])
            return
        for violation in finding.violations:
            self._count(violation)
            self._row(violation)

    def _count(self, v: Violation) -> None:
        self._rules.setdefault(v.rule_id, (v.title, v.severity, v.area))
        placeholder = ACROSS_RECORDS if v.records else NOT_GIVEN
        keys = {
            "severity": v.severity,
            "rule": v.rule_id,
            "area": v.area,
            "directorate": v.directorate or placeholder,
            "authority": v.authority or placeholder,
        }
        for name, key in keys.items():
            self._tallies[name].add(key, v.counts)

    def _row(self, v: Violation) -> None:
        sheet = self._findings.next_row()
        suppression = v.suppression
        values: list[Scalar] = [
            v.severity,
            v.rule_id,
            v.title,
            v.area,
            v.message,
            v.evidence,
            v.citation,
            None,  # the link, made below
            v.authority,
            v.post_number,
            v.post_title,
            v.directorate,
            v.service_area,
            v.grade,
            v.source,
            v.line,
            v.page,
            records_text(v) or None,
            suppression.kind if suppression else None,
            suppression.justification if suppression else None,
            v.baseline,
            v.fingerprint,
            v.fix,
        ]
        row = [cell(sheet, value) for value in values]
        row[7] = self._link(sheet, v)
        sheet.append(row)

    def _link(self, sheet: Any, v: Violation) -> Any:
        """The legislation cell: a hyperlink to a web URL; past Excel's hyperlinks per sheet,
        a HYPERLINK formula, from the catalogue's URL only; otherwise the URL as text."""
        url = self._catalogue_urls.get(v.rule_id, v.url)
        if not WEB_URL.match(url):  # not a web page (docs/waivers.md): text
            return cell(sheet, v.url or None)
        if self._findings.take_link(self.links_per_sheet):
            linked = self._new_cell(sheet, value=url)
            linked.data_type = "s"
            linked.hyperlink = url
            linked.style = "Hyperlink"
            return linked
        if v.rule_id in self._catalogue_urls and len(url) <= FORMULA_CHARS:
            self._formula_links += 1
            quoted = url.replace('"', '""')
            formula = self._new_cell(sheet, value=f'=HYPERLINK("{quoted}","{quoted}")')
            formula.style = "Hyperlink"
            return formula
        return cell(sheet, url)

    def finish(self, summary: Summary) -> None:
        self._findings.close()
        self._errors.close()
        self._write_summary(summary)
        self._write_manifest(summary.manifest)
        self.stream.flush()  # nothing was written to the text layer; flushed all the same
        try:
            self._book.save(self._binary)
        except BaseException:
            _abandon(self._book)
            raise
        self._binary.flush()

    def _write_summary(self, summary: Summary) -> None:
        sheet = self._summary
        for letter, width in (("A", 34), ("B", 40), ("C", 12)):
            sheet.column_dimensions[letter].width = width
        for number, (title, header, rows) in enumerate(self._sections(summary)):
            if number:
                sheet.append([])
            sheet.append([bold(sheet, title)])
            if header:
                sheet.append([bold(sheet, name) for name in header])
            for values in rows:
                sheet.append([cell(sheet, value) for value in values])

    def _sections(self, summary: Summary) -> Iterator[Section]:
        """The summary's tables, each a title, a header and rows; a blank row between them."""
        info = self.info
        yield (
            "postcheck report",
            (),
            [
                ("Postcheck version", info.version),
                ("As of", info.as_of.isoformat()),
                ("Rules", info.rules_dir),
                ("Fails on", info.fail_on),
                ("Records", summary.records),
                ("Findings", summary.violations),
                ("Counting towards the exit status", sum(summary.counting.values())),
                ("Suppressed", sum(summary.suppressed.values())),
                ("Input errors", summary.input_errors),
            ],
        )
        yield "By severity", ("Severity", *COUNTS), self._tallied("severity", SEVERITIES)
        yield (
            "By rule",
            ("Rule", "Title", "Severity", "Area", *COUNTS),
            (
                [rule_id, *self._rules[rule_id], *self._tallies["rule"].row(rule_id)]
                for rule_id in sorted(self._rules)
            ),
        )
        yield "By area", ("Area", *COUNTS), self._tallied("area")
        yield "By directorate", ("Directorate", *COUNTS), self._tallied("directorate")
        yield "By authority", ("Authority", *COUNTS), self._tallied("authority")
        kinds = dict.fromkeys([*SUPPRESSION_KINDS, *sorted(summary.suppressed)])
        yield (
            "Suppressed, by kind",
            ("Kind", "Findings"),
            ((k, summary.suppressed[k]) for k in kinds),
        )
        if summary.baseline is not None:
            yield "Baseline", ("Status", "Findings"), summary.baseline.items()
        if summary.unmatched_authorities:
            header = ("Authority as given", "Records")
            yield "Unmatched authorities", header, summary.unmatched_authorities
        if summary.skipped_files:
            yield "Skipped files", ("File",), ([f] for f in summary.skipped_files)
        if info.silent_rules:
            yield "Rules not run", ("Rule", "Why"), info.silent_rules
        if self._formula_links:
            note = (
                f"Legislation links written as HYPERLINK formulas, past the "
                f"{self.links_per_sheet:,} hyperlinks Excel allows per sheet: "
                f"{self._formula_links:,}"
            )
            yield "Notes", (), [[note]]

    def _tallied(self, name: str, keys: Iterable[str] | None = None) -> Iterator[list[Scalar]]:
        tally = self._tallies[name]
        for key in tally.keys() if keys is None else keys:
            yield [key, *tally.row(key)]

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        """Key/value rows for what is one value; a list of objects (input files, authority
        files) as a table of its own below them."""
        sheet = self._book.create_sheet("Manifest")
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 66
        sheet.column_dimensions["C"].width = 66
        sheet.append([bold(sheet, "Key"), bold(sheet, "Value")])
        tables: list[tuple[str, list[dict[str, Any]]]] = []
        for key, value in flattened(manifest):
            if isinstance(value, list):
                tables.append((key, value))
            else:
                sheet.append([cell(sheet, key), cell(sheet, value)])
        for key, items in tables:
            sheet.append([])
            sheet.append([bold(sheet, key)])
            header = list(dict.fromkeys(k for item in items for k in item))
            sheet.append([bold(sheet, name) for name in header])
            for item in items:
                sheet.append([cell(sheet, scalar(item.get(name))) for name in header])


def flattened(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, value): a value is a scalar, or a non-empty list of objects."""
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            yield from flattened(value, f"{name}.")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            yield name, value
        else:
            yield name, scalar(value)


def scalar(value: Any) -> Scalar:
    """A value as one cell holds it: lists and objects as JSON text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)
