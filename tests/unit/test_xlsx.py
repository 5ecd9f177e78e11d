"""XLSX exports read directly (issue 9, part 4): first sheet or a named one, rows as lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook

from postcheck.cli import main
from postcheck.record.columns import ColumnMap, TableOptions
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import detect_format, iter_outcomes

HEADER = ["Council", "Post No", "Job Title", "Salary Max", "Date Last Updated", "Notes"]
COLUMNS = ColumnMap(
    columns={
        "Council": "authority",
        "Post No": "post_number",
        "Job Title": "title",
        "Salary Max": "salary.maximum",
    }
)


def _workbook(path: Path, suffix: str = ".xlsx") -> Path:
    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Establishment"
    cover.append(HEADER)
    cover.append(["Borchester", 3527, "Political Assistant", 49000.0, dt.datetime(2026, 6, 1), "x"])
    cover.append([])  # a blank row is passed over, and the next row keeps its own number
    cover.append(["Borchester", "P2", "Head of Policy", None])  # trailing cells left empty
    other = book.create_sheet("Leavers")
    other.append(["title", "directorate"])
    other.append(["Old Post", "Resources"])
    target = path / f"establishment{suffix}"
    book.save(target)
    return target


def _read(path: Path, **options: object) -> tuple[list[PostRecord], list[InputError], list[str]]:
    warned: list[str] = []
    tables = TableOptions(warn=lambda _f, m: warned.append(m), **options)  # type: ignore[arg-type]
    outcomes = list(iter_outcomes([str(path)], tables=tables))
    records = [o for o in outcomes if isinstance(o, PostRecord)]
    errors = [o for o in outcomes if isinstance(o, InputError)]
    return records, errors, warned


def test_first_sheet_one_record_per_row_with_row_numbers_as_lines(tmp_path: Path) -> None:
    records, errors, warned = _read(_workbook(tmp_path), column_map=COLUMNS)
    assert errors == []
    assert [(r.post_number, r.title, r.provenance.line) for r in records] == [
        ("3527", "Political Assistant", 2),
        ("P2", "Head of Policy", 4),
    ]
    first = records[0]
    assert first.authority == "Borchester"
    assert first.salary is not None and first.salary.maximum == 49_000
    assert first.date_last_updated is not None
    assert len(warned) == 1 and "'Notes'" in warned[0]


def test_a_named_sheet(tmp_path: Path) -> None:
    records, errors, _ = _read(_workbook(tmp_path), sheet="Leavers")
    assert errors == []
    assert [(r.title, r.directorate) for r in records] == [("Old Post", "Resources")]


def test_an_unknown_sheet_is_an_input_error_naming_the_sheets(tmp_path: Path) -> None:
    records, errors, _ = _read(_workbook(tmp_path), sheet="Starters")
    assert records == []
    (error,) = errors
    assert "'Starters'" in error.reason and "'Establishment', 'Leavers'" in error.reason


def test_a_workbook_is_recognised_by_its_content_whatever_its_name(tmp_path: Path) -> None:
    path = _workbook(tmp_path, suffix=".dat")
    assert detect_format(path) == "xlsx"


def test_a_broken_workbook_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    records, errors, _ = _read(path)
    assert records == [] and len(errors) == 1


def test_cli_reads_a_workbook_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path)
    result = CliRunner().invoke(
        main, ["check", str(path), "--sheet", "Leavers", "--fail-on", "never"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 record checked")


def test_strict_columns_apply_to_workbooks(tmp_path: Path) -> None:
    records, errors, _ = _read(_workbook(tmp_path), column_map=COLUMNS, strict=True)
    assert records == []
    (error,) = errors
    assert error.line == 1 and "'Notes'" in error.reason
