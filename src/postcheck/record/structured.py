"""Structured post records from HR exports: YAML, JSON, JSON Lines, CSV (and XLSX rows).

JSON Lines and CSV are read record by record so a large export never sits in memory. Every
record is validated on its own: a bad one becomes an InputError and the next one is read. A
record past a bound (docs/limits.md: a line or row too long, nesting too deep, a number too long
to convert) or one that gives a key twice is such an input error too, never a crash.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import yaml
from pydantic import ValidationError

from postcheck import limits
from postcheck.record.columns import TableOptions, resolve_header
from postcheck.record.model import BLANK_FREE, PostRecord
from postcheck.record.outcome import (
    DeferredRow,
    InputError,
    Outcome,
    ReadOutcome,
    validation_errors,
)
from postcheck.yamlfile import RefusedYamlError, load_documents, mark_line

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
    blank_free: bool = False,
) -> list[ReadOutcome]:
    """A record, or the reasons it is not one, located as precisely as the format allows.
    blank_free says the reader left no blank text in data (see model.BLANK_FREE)."""
    if not isinstance(data, dict):
        return [
            InputError(
                file, f"expected a mapping of fields, got {type(data).__name__}", line, index
            )
        ]
    # A record saved from `postcheck extract` carries the document it came from; where the
    # record was read now is set here, and the document is kept as its origin. Given with the
    # data, where it was read is validated with it, in one pass.
    earlier = data.get("provenance")
    source: dict[str, Any] = {"file": file, "index": index, "line": line}
    if isinstance(earlier, dict) and isinstance(earlier.get("file"), str):
        source["extracted_from"] = earlier["file"]
    if field_lines:
        source["fields"] = {
            path: {"line": n}
            for path, n in field_lines.items()
            if not path.startswith("provenance")
        }
    data = {**data, "provenance": source}
    try:
        return [PostRecord.model_validate(data, context=BLANK_FREE if blank_free else None)]
    except ValidationError as error:
        return list(validation_errors(error, file, index, field_lines, line))


def read_yaml(text: str, file: str) -> Iterator[ReadOutcome]:
    """One record per YAML document; a document holding a list yields each item. Blank text
    holds no records (a tab there would be a YAML syntax error)."""
    if not text.strip():
        return
    index = 0
    try:
        for document in load_documents(text):
            items: Iterable[tuple[Any, int, dict[str, int]]]
            if isinstance(document.data, list):
                items = document.items()
            elif document.data is None:
                continue
            else:
                items = [(document.data, document.line, document.field_lines())]
            for data, line, field_lines in items:
                yield from validate(data, file, index, line, field_lines)
                index += 1
    except RefusedYamlError as error:
        yield InputError(file, _yaml_problem(error), mark_line(error), index)
    except yaml.YAMLError as error:
        where = mark_line(error) or _reader_line(error, text)
        yield InputError(file, f"not valid YAML: {_yaml_problem(error)}", where, index)


def read_json(text: str, file: str) -> Iterator[ReadOutcome]:
    """One record, or a list of them. A file with nothing in it (or only blanks) holds no
    records and is not an error, as an empty YAML or CSV file is not."""
    if not text.strip():
        return
    try:
        data = json_value(text)
    except json.JSONDecodeError as error:
        yield InputError(file, f"not valid JSON: {error.msg}", error.lineno)
        return
    except RecursionError:  # json's own recursion, past about 1,000 levels
        yield InputError(file, _too_deep(), _json_line_past_depth(text))
        return
    listed = isinstance(data, list)
    starts: list[int] | None = None  # the line of each record, found only for an error
    for index, item in enumerate(data if listed else [data]):
        problem = shape_problem(item, 1 if listed else 0)
        if problem is None:
            yield from validate(item, file, index, None)
            continue
        if starts is None:
            starts = _json_item_lines(text) if listed else [1]
        yield InputError(file, problem, starts[index] if index < len(starts) else None, index)


def read_json_lines(stream: Iterable[str], file: str) -> Iterator[ReadOutcome]:
    """One record per line; a line too long, not text, not JSON or past a bound is an input
    error for that line and the next is read."""
    lines = stream if isinstance(stream, TextLines) else TextLines(stream)
    index = 0
    for line_number, line in enumerate(lines, start=1):
        problem = lines.problems.pop(line_number, None)
        if problem is None and not line.strip():
            continue
        if problem is None:
            try:
                data = json_value(line)
            except json.JSONDecodeError as error:
                problem = f"not valid JSON: {error.msg}"
            except RecursionError:
                problem = _too_deep()
            else:
                problem = shape_problem(data, 0)
        if problem is None:
            yield from validate(data, file, index, line_number)
        else:
            yield InputError(file, problem, line_number, index)
        index += 1


def read_csv(
    stream: Iterable[str], file: str, options: TableOptions | None = None
) -> Iterator[Outcome]:
    """One record per row; headers matched to fields as columns.resolve_header says. The
    delimiter is a comma, or a tab or semicolon where the header line has those and no comma
    (Excel's "Unicode text" is tab-separated; some locales save ";")."""
    lines = stream if isinstance(stream, TextLines) else TextLines(stream)
    # The csv module's own bound on one cell is process-wide; a cell may be as long as a row.
    csv.field_size_limit(limits.current().record_bytes)
    source = iter(lines)
    first = next(source, None)
    if first is None:
        return
    reader = csv.reader(itertools.chain([first], source), delimiter=_delimiter(first))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as error:
        yield InputError(file, _csv_problem(error, 1), 1)
        return
    problem = lines.problem_in(1, reader.line_num)
    if problem is not None:
        yield InputError(file, problem, 1)
        return

    def rows() -> Iterator[tuple[int, list[str]] | InputError]:
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # the reader's state is lost: the file ends here
                yield InputError(file, _csv_problem(error, start), start)
                return
            problem = lines.problem_in(start, reader.line_num)
            if problem is None and reader.line_num > start and len(row) != len(header):
                problem = (
                    f"a row from line {start} to line {reader.line_num} has {_cells(len(row))}, "
                    f'not {len(header)}: is a closing quote (") missing?'
                )
            yield (reader.line_num, row) if problem is None else InputError(file, problem, start)

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
    limit = limits.current().record_bytes
    index = 0
    for item in rows:
        if isinstance(item, InputError):  # a row that could not be read; the reader goes on
            yield InputError(item.file, item.reason, item.line, index)  # or stops, as it can
            index += 1
            continue
        line, row = item
        if not "".join(row).strip():
            continue
        if ragged:
            row = [*row[: len(fields)], *[""] * (len(fields) - len(row))]
        if sum(map(len, row)) > limit:
            yield InputError(file, _too_long("row", limit), line, index)
        elif len(row) != len(fields):
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
    return validate(data, file, index, line, blank_free=True)


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
    """Dotted columns to nested mappings; empty cells stay unknown, and no value is blank text
    (read_row validates the result as model.BLANK_FREE)."""
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


def _reader_line(error: yaml.YAMLError, text: str) -> int | None:
    """The line of a character YAML does not allow (a NUL, a control character): the reader's
    error gives its position, not its line."""
    position = getattr(error, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else None


# Reading JSON within bounds. json.loads keeps the last of a key given twice and refuses a whole
# file over one integer too long to convert, naming nothing; its hooks mark both instead, so
# only the record holding one is refused, and shape_problem finds the marks as it measures the
# record's depth (without recursion, so a record deeper than the stack is measured too).


class _LongNumber:
    """A JSON integer of more digits than Python converts (sys.get_int_max_str_digits)."""

    __slots__ = ()


_LONG_NUMBER = _LongNumber()


class _Duplicated(dict[str, Any]):
    """A JSON object that gave a key twice: the key is kept so the error can name it."""

    __slots__ = ("key",)
    key: str


def json_value(text: str) -> Any:
    """JSON text parsed, with keys given twice and over-long integers marked, not lost."""
    return json.loads(text, object_pairs_hook=_json_object, parse_int=_json_int)


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) == len(pairs):
        return data
    marked = _Duplicated(data)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.key = key
            break
        seen.add(key)
    return marked


def _json_int(digits: str) -> int | _LongNumber:
    return _LONG_NUMBER if len(digits.lstrip("-")) > _max_digits() else int(digits)


def shape_problem(value: Any, around: int) -> str | None:
    """Why a parsed record cannot be read, or None: nested past limits.nesting_depth (counting
    the `around` collections that hold it in its file), a key given twice, or an integer too
    long to convert."""
    limit = limits.current().nesting_depth
    if value is _LONG_NUMBER:
        return _too_many_digits()
    stack = [(value, around + 1)] if isinstance(value, dict | list) else []
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return _too_deep()
        if isinstance(current, _Duplicated):
            return f"duplicate key {current.key!r}; give each field once"
        for child in current.values() if isinstance(current, dict) else current:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))
            elif child is _LONG_NUMBER:
                return _too_many_digits()
    return None


_JSON_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]')
_NOT_BLANK = re.compile(r"\S")


def _json_structure(text: str) -> Iterator[tuple[int, int, str]]:
    """(offset, depth before it, character) of each bracket and comma outside strings."""
    depth = 0
    for match in _JSON_STRUCTURE.finditer(text):
        char = match.group()
        if char in "[{":
            yield match.start(), depth, char
            depth += 1
        elif char in "]}":
            depth -= 1
            yield match.start(), depth, char
        elif char == ",":
            yield match.start(), depth, char


def _json_item_lines(text: str) -> list[int]:
    """The line each item of a top-level JSON list starts on."""
    lines: list[int] = []
    counted, line = 0, 1
    for offset, depth, char in _json_structure(text):
        if (char == "[" and depth == 0) or (char == "," and depth == 1):
            found = _NOT_BLANK.search(text, offset + 1)
            start = found.start() if found else offset
            line += text.count("\n", counted, start)
            counted = start
            lines.append(line)
    return lines


def _json_line_past_depth(text: str) -> int | None:
    limit = limits.current().nesting_depth
    for offset, depth, char in _json_structure(text):
        if char in "[{" and depth >= limit:
            return text.count("\n", 0, offset) + 1
    return None


def _max_digits() -> int:
    return sys.get_int_max_str_digits() or 4300


def _too_many_digits() -> str:
    return f"a number of more than {_max_digits()} digits"


def _too_deep() -> str:
    return f"nested more than {limits.current().nesting_depth} deep (limits.nesting_depth)"


def _too_long(what: str, limit: int) -> str:
    return f"{what} longer than {limit:,} bytes (limits.record_bytes)"


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _csv_problem(error: csv.Error, start: int) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell from line {start} is longer than {limits.current().record_bytes:,} bytes "
            '(limits.record_bytes): is a closing quote (") missing?'
        )
    return f"not valid CSV: {error}"


# Lines of streamed text (JSON Lines, CSV), each bounded as it arrives.

_UNDECODED = "postcheck.undecoded"


def _mark_undecoded(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not text in the encoding become lone surrogates, which no valid text
    holds, so the line can be refused and the lines after it still read (surrogateescape
    cannot mark bytes below 0x80, which a bad UTF-16 sequence may hold)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(0xDC00 + b) for b in bad), error.end


codecs.register_error(_UNDECODED, _mark_undecoded)


def decoded_chunks(chunks: Iterable[bytes], encoding: str) -> Iterator[str]:
    """The text of byte chunks (split anywhere), bytes not in the encoding marked."""
    decoder = codecs.getincrementaldecoder(encoding)(errors=_UNDECODED)
    for chunk in chunks:
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


class TextLines:
    """The lines of text given in chunks (any split; a file's lines are chunks too), each line
    bounded by limits.record_bytes. A longer line is dropped as it arrives, never held whole,
    and given as a blank line; a line holding bytes that were not text in the encoding is
    given as it is. Either is noted in `problems` by line number, for the reader to report
    as an input error for that record while it reads the next. Lines end at \\n, \\r\\n or
    \\r, kept, as the csv module wants them."""

    def __init__(self, chunks: Iterable[str], encoding: str = "UTF-8") -> None:
        self._chunks = chunks
        self.encoding = encoding
        self.problems: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        limit = limits.current().record_bytes
        for number, line in enumerate(_bounded_lines(self._chunks, limit), start=1):
            if line is None:
                self.problems[number] = _too_long("line", limit)
                yield "\n"
                continue
            if not line.isascii() and _undecoded(line):
                self.problems[number] = f"not {self.encoding} text (the encoding of the file)"
            yield line

    def problem_in(self, first: int, last: int) -> str | None:
        """The first problem noted on lines first to last (a CSV row may span lines)."""
        if not self.problems:
            return None
        found = [self.problems.pop(n) for n in range(first, last + 1) if n in self.problems]
        return found[0] if found else None


def _undecoded(line: str) -> bool:
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _bounded_lines(chunks: Iterable[str], limit: int) -> Iterator[str | None]:
    """Each line of the chunks' text, or None for one longer than limit characters."""
    carry = ""  # the start of a line not yet ended
    skipping = False  # inside a line already too long: its rest is dropped
    for chunk in chunks:
        if not chunk:
            continue
        lines = io.StringIO(carry + chunk, newline="").readlines()
        # the last line may go on in the next chunk (a "\r" may be the start of "\r\n")
        carry = "" if lines[-1].endswith("\n") else lines.pop()
        for line in lines:
            if skipping or len(line) > limit:
                skipping = False
                yield None
            else:
                yield line
        if skipping or len(carry) > limit:
            skipping, carry = True, ""
    if skipping:
        yield None
    elif carry:
        yield carry
