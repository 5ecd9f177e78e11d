"""Column headers of real HR exports matched to record fields, and the encodings those exports use.

An HR system names its columns its own way ("Post No", "Job Title", "DIRECTORATE") and Excel
saves CSV in cp1252 or UTF-16. Rather than refusing such a file, postcheck matches each header to
a record field, by a column map the user writes (a small YAML file) or by the field's own name
written in any case, spacing or punctuation. A column that matches nothing is left out with one
warning per file, or is an input error when the user asks for strictness.
"""

from __future__ import annotations

import codecs
import difflib
import re
import stat
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from postcheck import limits
from postcheck.record.documents.formats import detect_encoding
from postcheck.yamlfile import load_documents, mark_line

_SEPARATORS = re.compile(r"[\s_\-.:/()#]+")
# How alike a header must be to a known one to be offered as "did you mean" (difflib's ratio).
_NEAR_MISS = 0.75
# Bytes read to choose a CSV's encoding: enough for the header and many rows, small enough to
# keep a large export streamed.
ENCODING_SAMPLE_BYTES = 65_536
_UNICODE_BOMS = (
    codecs.BOM_UTF8,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)

Warn = Callable[[str, str], None]


def normalise(header: str) -> str:
    """A header reduced to what matters for matching: "Post No." and "post_no" are one."""
    return _SEPARATORS.sub("", header).casefold()


def _fields() -> Mapping[str, str]:
    from postcheck.record.structured import CSV_COLUMNS  # structured imports this module

    return CSV_COLUMNS


# Headers HR systems commonly use for a field, read without a column map (a map still wins)
COMMON_HEADERS = {
    "authority": ("council", "local authority", "organisation", "employer"),
    "post_number": ("post no", "post ref", "post reference", "position number", "post id"),
    "title": ("job title", "post title", "position title", "role", "job"),
    "service_area": ("service", "department"),
    "evaluation_number": ("evaluation no", "job evaluation number", "je number"),
    "date_last_updated": ("last updated", "date updated", "review date"),
    "reports_to": ("line manager", "reporting to"),
}


def _field_by_normal() -> dict[str, str]:
    own = {normalise(name): name for name in _fields()}
    common = {
        normalise(header): field
        for field, headers in COMMON_HEADERS.items()
        if field in _fields()
        for header in headers
    }
    return common | own


def canonical_field(value: str) -> str:
    """The record field a column map names, written in any case or spacing; ValueError if none."""
    found = _field_by_normal().get(normalise(value))
    if found is None:
        near = difflib.get_close_matches(value, list(_fields()), n=1, cutoff=0.6)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise ValueError(
            f"unknown record field {value!r}{hint}; "
            "the fields are the CSV columns in docs/configuration.md"
        )
    return found


def _optional_field(value: str | None) -> str | None:
    return None if value is None else canonical_field(value)


class ColumnMap(BaseModel):
    """Export header -> record field; a field of null means "known, and deliberately left out"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    columns: dict[str, Annotated[str | None, AfterValidator(_optional_field)]]


class ColumnMapError(ValueError):
    """A column map that cannot be used: says the file and, where known, the line."""


def load_column_map(path: Path) -> ColumnMap:
    """The column map in a YAML file, loaded safely; errors name the file and line."""
    name = str(path)
    try:
        text = _map_text(path)
    except (OSError, UnicodeDecodeError) as error:
        raise ColumnMapError(f"{name}: cannot read the column map: {error}") from None
    try:
        documents = list(load_documents(text))
    except yaml.YAMLError as error:
        line = mark_line(error)
        where = f"{name}:{line}" if line else name
        problem = str(getattr(error, "problem", None) or error).strip()
        raise ColumnMapError(f"{where}: not valid YAML: {problem}") from None
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise ColumnMapError(
            f"{name}: a column map is one mapping of export headers to record fields, "
            "e.g. 'Post No: post_number'"
        )
    document = documents[0]
    lines = document.field_lines()
    try:
        column_map = ColumnMap.model_validate({"columns": document.data})
    except ValidationError as error:
        problems = []
        for item in error.errors(include_url=False):
            key = str(item["loc"][1]) if len(item["loc"]) > 1 else ""
            line = lines.get(key, document.line)
            message = str(item["msg"]).removeprefix("Value error, ")
            problems.append(f"{name}:{line}: {key}: {message}")
        raise ColumnMapError("\n".join(problems)) from None
    seen: dict[str, str] = {}
    for header in column_map.columns:
        other = seen.setdefault(normalise(header), header)
        if other != header:
            raise ColumnMapError(
                f"{name}:{lines.get(header, document.line)}: headers {other!r} and {header!r} "
                "are the same once case, spaces and punctuation are ignored"
            )
    return column_map


def table_encoding(sample: bytes) -> str:
    """The encoding of a CSV export from its first bytes (documents' detect_encoding), and
    UTF-16 without a byte-order mark too: every other byte is NUL in such a file, and NUL is
    valid UTF-8, so it would read as UTF-8 with a NUL between letters ("t\0i\0t\0l\0e").
    charset-normalizer tells UTF-16 and its byte order from the pattern."""
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # its mark begins with UTF-16's
    if b"\x00" in sample and not sample.startswith(_UNICODE_BOMS):
        from charset_normalizer import from_bytes

        best = from_bytes(sample[: len(sample) // 4 * 4]).best()
        if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
            return str(best.encoding)
    return detect_encoding(sample, whole=False)


def _map_text(path: Path) -> str:
    """A column map's text; a FIFO or device (which would never end) or a file past
    limits.file_bytes is refused before it is read."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"not a regular file (mode {stat.filemode(info.st_mode)})")
    limit = limits.current().file_bytes
    if info.st_size > limit:
        raise OSError(f"{info.st_size:,} bytes, over the limit of {limit:,} (limits.file_bytes)")
    return path.read_text(encoding="utf-8-sig")


def _stderr_warning(file: str, message: str) -> None:
    print(f"postcheck: warning: {file}: {message}", file=sys.stderr)


@dataclass(frozen=True)
class TableOptions:
    """How tabular exports (CSV, XLSX) are read: the column map, strictness, sheet, warnings."""

    column_map: ColumnMap | None = None
    strict: bool = False
    sheet: str | None = None
    warn: Warn = field(default=_stderr_warning)
    # rows are handed on unvalidated (record/outcome.py DeferredRow), for worker processes
    defer: bool = False


@dataclass(frozen=True)
class Header:
    """A file's header row resolved: the field each column gives (None: left out)."""

    fields: tuple[str | None, ...]
    unknown: tuple[str, ...]
    problem: str | None = None  # a header that cannot be used at all (two columns, one field)
    problem_field: str | None = None

    def message(self) -> str:
        """One sentence naming the unknown columns, with a "did you mean" for near misses."""
        return f"unknown column(s) ignored: {', '.join(self.unknown)}; see docs/column-maps.md"


def resolve_header(cells: Sequence[str], column_map: ColumnMap | None = None) -> Header:
    """Each header cell to a record field: the column map first, then the field's own name,
    both compared without regard to case, spaces or punctuation."""
    mapped = {normalise(k): v for k, v in (column_map.columns if column_map else {}).items()}
    mapped_headers = {normalise(k): k for k in (column_map.columns if column_map else {})}
    own = _field_by_normal()
    fields: list[str | None] = []
    unknown: list[str] = []
    given_by: dict[str, tuple[int, str]] = {}  # field -> (column number, header) giving it
    for number, raw in enumerate(cells, start=1):
        cell = raw.strip().lstrip("\ufeff")
        key = normalise(cell)
        if not key:
            fields.append(None)
            continue
        if key in mapped:
            target = mapped[key]
        elif key in own:
            target = own[key]
        else:
            fields.append(None)
            unknown.append(_described(cell, key, own, mapped_headers))
            continue
        fields.append(target)
        if target is None:
            continue
        first, earlier = given_by.setdefault(target, (number, cell))
        if first != number:
            return Header(
                tuple(fields), tuple(unknown), _twice(target, earlier, cell, first, number), target
            )
    return Header(tuple(fields), tuple(unknown))


def _twice(target: str, earlier: str, cell: str, first: int, second: int) -> str:
    """Two columns giving one field: the last would win, silently, so the file is refused."""
    where = f"columns {first} and {second}"
    if earlier == cell:
        return f"column {cell!r} is given twice ({where}); keep one"
    return f"columns {earlier!r} and {cell!r} both give the field {target} ({where})"


def _described(cell: str, key: str, own: dict[str, str], mapped: dict[str, str]) -> str:
    candidates = {**own, **mapped}
    near = difflib.get_close_matches(key, list(candidates), n=1, cutoff=_NEAR_MISS)
    return f"{cell!r} (did you mean {candidates[near[0]]!r}?)" if near else repr(cell)


def looks_like_header(cells: Sequence[str], column_map: ColumnMap | None = None) -> bool:
    """Whether a first line is a header postcheck can read: several cells, all known."""
    named = [c for c in cells if c.strip()]
    header = resolve_header(named, column_map)
    return len(named) > 1 and not header.unknown


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV would hold: whole numbers without ".0", dates as
    ISO dates (a midnight datetime is a date), booleans as true/false, empty as ""."""
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
