"""Structured post records from HR exports: YAML, JSON, JSON Lines, CSV (and XLSX rows).

JSON Lines and CSV are read record by record so a large export never sits in memory. Every
record is validated on its own: a bad one becomes an InputError and the next one is read.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import yaml
from pydantic import ValidationError

from postcheck.record.columns import TableOptions, resolve_header
from postcheck.record.model import Location, PostRecord
from postcheck.record.outcome import (
    DeferredRow,
    InputError,
    Outcome,
    ReadOutcome,
    validation_errors,
)
from postcheck.yamlfile import load_documents, mark_line

# CSV columns: a dotted name sets a nested field; list fields take several values split on ";".
CSV_LIST_COLUMNS = frozenset(
    {"grade", "statutory_basis", "political_restriction.citations", "duties"}
)
CSV_COLUMNS: dict[str, str] = {
    "authority": "Council that owns the post",
    "post_number": "Post (establishment) number",
    "title": "Job title",
    "service_area": "Service area",
    "directorate": "Directorate",
    "grade": "Grade as written; several mentions separated by ';' (header first)",
    "evaluation_number": "Job evaluation number",
    "date_last_updated": "Date last updated: 2023-05, May 2023, 02/06/2026 (day first)",
    "appointment.type": "permanent, fixed_term or not_stated",
    "appointment.end_date": "End of a fixed term, any date form",
    "appointment.end_event": "end_of_mayors_term, annual_meeting, end_of_funding or other",
    "appointment.as_written": "Appointment statement as written",
    "statutory_basis": "Cited provisions, e.g. 's.9 LGHA 1989'; several separated by ';'",
    "political_restriction.stated": "true or false",
    "political_restriction.citations": "Provisions cited for the restriction, ';'-separated",
    "office_attendance.min_days_per_week": "Minimum office days a week",
    "line_management.scope": "none, clerical_or_secretarial or staff",
    "line_management.as_written": "Line-management statement as written",
    "reports_to": "Job title the post reports to",
    "salary.minimum": "Bottom of the pay range, GBP a year",
    "salary.maximum": "Top of the pay range, GBP a year",
    "political_group": "Political group the post serves (s.9 posts)",
    "duties": "Key tasks, ';'-separated",
}
_BOOLEAN = {
    "true": True,
    "yes": True,
    "y": True,
    "1": True,
    "false": False,
    "no": False,
    "n": False,
    "0": False,
}
_NUMBER_COLUMNS = frozenset(
    {"office_attendance.min_days_per_week", "salary.minimum", "salary.maximum"}
)


def validate(
    data: Any,
    file: str,
    index: int,
    line: int | None,
    field_lines: dict[str, int] | None = None,
) -> list[ReadOutcome]:
    """A record, or the reasons it is not one, located as precisely as the format allows."""
    if not isinstance(data, dict):
        return [
            InputError(
                file, f"expected a mapping of fields, got {type(data).__name__}", line, index
            )
        ]
    # A record saved from `postcheck extract` carries the document it came from; where the
    # record was read now is set here, and the document is kept as its origin.
    earlier = data.get("provenance")
    if earlier is not None:
        data = {k: v for k, v in data.items() if k != "provenance"}
    try:
        record = PostRecord.model_validate(data)
    except ValidationError as error:
        return list(validation_errors(error, file, index, field_lines, line))
    record.provenance.file = file
    if isinstance(earlier, dict) and isinstance(earlier.get("file"), str):
        record.provenance.extracted_from = earlier["file"]
    record.provenance.index = index
    record.provenance.line = line
    if field_lines:
        record.provenance.fields = {
            path: Location(line=n)
            for path, n in field_lines.items()
            if not path.startswith("provenance")
        }
    return [record]


def read_yaml(text: str, file: str) -> Iterator[ReadOutcome]:
    """One record per YAML document; a document holding a list yields each item."""
    index = 0
    try:
        for document in load_documents(text):
            items: Iterable[tuple[Any, int, dict[str, int]]]
            if isinstance(document.data, list):
                lines = document.field_lines()
                items = (
                    (item, document.line_of([i]), _under(lines, str(i)))
                    for i, item in enumerate(document.data)
                )
            elif document.data is None:
                continue
            else:
                items = [(document.data, document.line, document.field_lines())]
            for data, line, field_lines in items:
                yield from validate(data, file, index, line, field_lines)
                index += 1
    except yaml.YAMLError as error:
        yield InputError(file, f"not valid YAML: {_yaml_problem(error)}", mark_line(error), index)


def read_json(text: str, file: str) -> Iterator[ReadOutcome]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(file, f"not valid JSON: {error.msg}", error.lineno)
        return
    for index, item in enumerate(data if isinstance(data, list) else [data]):
        yield from validate(item, file, index, None)


def read_json_lines(stream: Iterable[str], file: str) -> Iterator[ReadOutcome]:
    index = 0
    for line_number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(file, f"not valid JSON: {error.msg}", line_number, index)
        else:
            yield from validate(data, file, index, line_number)
        index += 1


def read_csv(
    stream: Iterable[str], file: str, options: TableOptions | None = None
) -> Iterator[Outcome]:
    """One record per row; headers matched to fields as columns.resolve_header says. The
    delimiter is a comma, or a tab or semicolon where the header line has those and no comma
    (Excel's "Unicode text" is tab-separated; some locales save ";")."""
    lines = iter(stream)
    first = next(lines, None)
    if first is None:
        return
    reader = csv.reader(itertools.chain([first], lines), delimiter=_delimiter(first))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        yield InputError(file, f"not valid CSV: {error}", 1)
        return

    def rows() -> Iterator[tuple[int, list[str]] | InputError]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield InputError(file, f"not valid CSV: {error}", reader.line_num)
                return
            yield reader.line_num, row

    yield from read_table(header, rows(), file, options, ragged=False)


def _delimiter(header_line: str) -> str:
    if "," in header_line:
        return ","
    counts = {d: header_line.count(d) for d in ("\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_table(
    header: Sequence[str],
    rows: Iterable[tuple[int, Sequence[str]] | InputError],
    file: str,
    options: TableOptions | None = None,
    ragged: bool = False,
    header_line: int = 1,
) -> Iterator[Outcome]:
    """Records from a header and (line, cells) rows, CSV or spreadsheet alike. With ragged, a
    row shorter or longer than the header is padded or cut (spreadsheets drop empty cells)."""
    options = options or TableOptions()
    resolved = resolve_header(header, options.column_map)
    if resolved.problem:
        yield InputError(file, resolved.problem, header_line, field=resolved.problem_field)
        return
    if resolved.unknown:
        if options.strict:
            yield InputError(file, resolved.message().replace(" ignored", ""), header_line)
            return
        options.warn(file, resolved.message())
    fields = tuple(resolved.fields)
    index = 0
    for item in rows:
        if isinstance(item, InputError):
            yield InputError(item.file, item.reason, item.line, index)
            return
        line, row = item
        if not any(cell.strip() for cell in row):
            continue
        if ragged:
            row = [*row[: len(fields)], *[""] * (len(fields) - len(row))]
        if len(row) != len(fields):
            yield InputError(file, f"expected {len(fields)} cells, found {len(row)}", line, index)
        elif options.defer:
            yield DeferredRow(fields, tuple(row), file, index, line)
        else:
            yield from read_row(fields, row, file, index, line)
        index += 1


def read_row(
    fields: Sequence[str | None], row: Sequence[str], file: str, index: int, line: int
) -> list[ReadOutcome]:
    """One table row as a record (or the reasons it is not one)."""
    try:
        data = _row_data(_row_plan(tuple(fields)), row)
    except ValueError as error:
        return [InputError(file, str(error), line, index)]
    return validate(data, file, index, line)


# How one column's cells are read: its position, its field's dotted path split, and the
# conversion of a (non-blank) cell to the field's value.
_ColumnPlan = tuple[tuple[int, tuple[str, ...], Callable[[str], Any]], ...]


@lru_cache(maxsize=64)
def _row_plan(fields: tuple[str | None, ...]) -> _ColumnPlan:
    """Each mapped column's reading, worked out once per header rather than once per cell."""
    return tuple(
        (position, tuple(column.split(".")), _cell_reader(column))
        for position, column in enumerate(fields)
        if column
    )


def _row_data(plan: _ColumnPlan, row: Sequence[str]) -> dict[str, Any]:
    """Dotted columns to nested mappings; empty cells stay unknown."""
    data: dict[str, Any] = {}
    for position, path, convert in plan:
        cell = row[position]
        if not cell or cell.isspace():
            continue
        target = data
        for parent in path[:-1]:
            target = target.setdefault(parent, {})
        target[path[-1]] = convert(cell)
    return data


def _cell_reader(column: str) -> Callable[[str], Any]:
    if column in CSV_LIST_COLUMNS:
        return _list_cell
    if column == "political_restriction.stated":

        def boolean(cell: str) -> bool:
            value = _BOOLEAN.get(cell.strip().lower())
            if value is None:
                raise ValueError(f"{column}: expected true or false, got {cell.strip()!r}")
            return value

        return boolean
    if column in _NUMBER_COLUMNS:

        def number(cell: str) -> float:
            try:
                return float(cell.strip().replace(",", "").lstrip("£"))
            except ValueError:
                raise ValueError(f"{column}: expected a number, got {cell.strip()!r}") from None

        return number
    return str.strip


def _list_cell(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _under(lines: dict[str, int], prefix: str) -> dict[str, int]:
    start = prefix + "."
    return {path[len(start) :]: n for path, n in lines.items() if path.startswith(start)}


def _yaml_problem(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error).strip()
