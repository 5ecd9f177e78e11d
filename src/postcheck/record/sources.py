"""Where records come from: files, folders (walked) and stdin, each read by the right reader.

The reader is chosen by extension and, where the extension is missing or lies, by sniffing the
first bytes, so one command can check a folder of mixed exports and documents.
"""

from __future__ import annotations

import io
import itertools
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from fnmatch import fnmatch
from pathlib import Path

from postcheck.record import documents, structured
from postcheck.record.columns import (
    ENCODING_SAMPLE_BYTES,
    TableOptions,
    looks_like_header,
)
from postcheck.record.documents.formats import detect_encoding
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError, Outcome, ReadOutcome, resolved

STRUCTURED_SUFFIXES = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".xlsx": "xlsx",
}
FORMATS = ("auto", "yaml", "json", "jsonl", "csv", *documents.FORMATS)
_SKIPPED_NAMES = {"Thumbs.db"}  # hidden files (.DS_Store and the like) are skipped anyway
_SNIFF_CHARS = 65_536
_YAML_KEY = re.compile(r"^-?\s*([a-z_]+):", re.MULTILINE)
# a key at the top of a YAML mapping, or of a mapping that is a list item
_TOP_LEVEL_KEY = re.compile(r"^(?:- )?([A-Za-z_][\w-]*)\s*:", re.MULTILINE)


@dataclass
class Walk:
    """Which files of a folder are read. `include` and `exclude` are globs matched against the
    path below the folder given (`**/drafts/*`) and against the file name (`*.pdf`). A file no
    reader recognises as a post (an image, a README without a job title, a workflow `.yml`) is
    passed over and listed in `skipped`, so a documents folder can be gated as it is; a file
    named on the command line is always read, and an error there stays an input error."""

    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    # files named on the command line are judged like files met in a folder: for pre-commit,
    # which names every changed file, images and workflow files included
    named_like_walked: bool = False
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why)

    def wants(self, relative: Path) -> bool:
        text = relative.as_posix()

        def hit(globs: Sequence[str]) -> bool:
            # `**/drafts/*` matches drafts/ at the top of the folder too
            forms = [f for g in globs for f in (g, g.removeprefix("**/"))]
            return any(fnmatch(text, g) or fnmatch(relative.name, g) for g in forms)

        return (not self.include or hit(self.include)) and not hit(self.exclude)


def iter_outcomes(
    paths: Iterable[str],
    stdin_format: str = "auto",
    tables: TableOptions | None = None,
    walk: Walk | None = None,
) -> Iterator[Outcome]:
    """Every record (or input error) from the given paths, in a stable order; tables says how
    CSV and XLSX exports are read (column map, strictness, sheet), walk which files of a
    folder are read."""
    walk = walk or Walk()
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin_format, tables)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = child.relative_to(path)
                if not is_hidden(relative) and walk.wants(relative):
                    yield from _read_walked(child, tables, walk)
        elif path.exists() and walk.named_like_walked:
            if walk.wants(Path(path.name)):
                yield from _read_walked(path, tables, walk)
        elif path.exists():
            yield from read_path(path, tables)
        else:
            yield InputError(raw, "no such file or directory")


def _read_walked(path: Path, tables: TableOptions | None, walk: Walk) -> Iterator[Outcome]:
    """A file met in a folder: read if it is a post record or a job description, else
    passed over with the reason."""
    try:
        kind = detect_format(path)
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")
        return
    if kind is None:
        walk.skipped.append((str(path), "not a format postcheck reads"))
        return
    if kind in ("yaml", "json") and not _opens_like_records(path, kind):
        walk.skipped.append((str(path), f"{kind} that is not a post record"))
        return
    outcomes = read_path(path, tables, kind)
    if kind in documents.FORMATS:
        found = list(resolved(outcomes))  # documents are never deferred; typed as they are
        if found and all(_not_a_post(o) for o in found):
            walk.skipped.append((str(path), "a document that names no post"))
            return
        yield from found
        return
    yield from outcomes


def _not_a_post(outcome: ReadOutcome) -> bool:
    """A document read from a folder that holds no post: a README of prose, a letter."""
    if isinstance(outcome, PostRecord):
        return not _names_a_post(outcome)
    return outcome.reason.startswith(documents.NO_CONTENT)


def _names_a_post(record: PostRecord) -> bool:
    """Whether a document reads as a post at all. A job description states its post number,
    statutory basis or grade, or a title with something about the job (pay, duties, whom it
    reports to, where it sits, its appointment). A title alone is a README's heading."""
    if record.post_number or record.statutory_basis or record.grade:
        return True
    about_the_job = (
        record.salary,
        record.duties,
        record.reports_to,
        record.directorate,
        record.service_area,
        record.appointment.as_written,
        record.political_restriction.stated,
    )
    return bool(record.title) and any(v is not None and v != [] for v in about_the_job)


def _opens_like_records(path: Path, kind: str) -> bool:
    """Whether a YAML or JSON file's first keys are record fields (a post, or a list of them)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            head = handle.read(_SNIFF_CHARS)
    except OSError:
        return True  # let the reader report it
    if kind == "json":
        keys = re.findall(r'[{,]\s*"([^"]+)"\s*:', head)
    else:
        keys = _TOP_LEVEL_KEY.findall(head)
    # A record with a misspelt key is a broken post, not something else: it is read (and its
    # error reported) when most of its first keys are record fields or close to one. An
    # authority file shares one key with a record (office_attendance) and is not a post.
    first = list(dict.fromkeys(keys))[:8]
    return not first or 2 * sum(map(_record_field_like, first)) > len(first)


def _record_field_like(key: str) -> bool:
    fields = list(PostRecord.model_fields)
    return key in fields or bool(get_close_matches(key, fields, n=1, cutoff=0.8))


def read_path(
    path: Path, tables: TableOptions | None = None, kind: str | None = None
) -> Iterator[Outcome]:
    """A file's records; `kind` when the caller has already detected the format."""
    name = str(path)
    try:
        kind = kind or detect_format(path)
        if kind is None:
            yield InputError(name, "not a format postcheck reads (see docs/configuration.md)")
        elif kind in documents.FORMATS:
            yield from documents.read_document(path, kind)
        elif kind == "xlsx":
            from postcheck.record.xlsx import read_xlsx

            yield from read_xlsx(path, tables)
        elif kind == "csv":
            with path.open("rb") as handle:
                encoding = detect_encoding(handle.read(ENCODING_SAMPLE_BYTES), whole=False)
            with path.open(encoding=encoding, newline="") as stream:
                yield from _read_stream(kind, stream, name, tables)
        elif kind == "jsonl":
            with path.open(encoding="utf-8-sig") as stream:
                yield from _read_stream(kind, stream, name)
        else:
            yield from _read_text(kind, path.read_text(encoding="utf-8-sig"), name)
    except UnicodeDecodeError as error:
        yield InputError(name, f"not UTF-8 text (byte {error.start}): save it as UTF-8")
    except UnicodeError as error:  # no encoding fits a CSV's first bytes
        yield InputError(name, f"cannot read as text: {error}")
    except OSError as error:
        yield InputError(name, f"cannot read: {error.strerror or error}")


def detect_format(path: Path) -> str | None:
    """Format by content where the content says so, else by extension."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    sniffed = documents.sniff(head)
    if sniffed is not None:
        return sniffed
    if head.startswith(b"PK\x03\x04") and b"xl/" in head:
        return "xlsx"
    suffix = path.suffix.lower()
    if suffix in STRUCTURED_SUFFIXES:
        return STRUCTURED_SUFFIXES[suffix]
    return documents.format_for_suffix(suffix)


def _read_text(kind: str, text: str, name: str) -> Iterator[ReadOutcome]:
    if kind == "json":
        return structured.read_json(text, name)
    return structured.read_yaml(text, name)


def _read_stream(
    kind: str, lines: Iterable[str], name: str, tables: TableOptions | None = None
) -> Iterator[Outcome]:
    if kind == "csv":
        return structured.read_csv(lines, name, tables)
    return structured.read_json_lines(lines, name)


def _read_stdin(stdin_format: str, tables: TableOptions | None = None) -> Iterator[Outcome]:
    """Standard input: JSON Lines and CSV are streamed; the format is sniffed from the start."""
    head = sys.stdin.read(_SNIFF_CHARS)
    head += sys.stdin.readline()  # end the sample on a line boundary
    kind = stdin_format if stdin_format != "auto" else _sniff_text(head, tables)
    if kind in ("jsonl", "csv"):
        lines = itertools.chain(io.StringIO(head), sys.stdin)
        yield from _read_stream(kind, lines, "<stdin>", tables)
        return
    text = head + sys.stdin.read()
    if kind in documents.FORMATS:
        yield from documents.read_text_document(text, "<stdin>", kind)
    else:
        yield from _read_text(kind, text, "<stdin>")


def _sniff_text(head: str, tables: TableOptions | None = None) -> str:
    """json, jsonl, csv, yaml, or else a text document."""
    stripped = head.lstrip()
    lines = [line for line in stripped.splitlines() if line.strip()]
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        many = len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)
        return "jsonl" if many else "json"
    first = [cell.strip() for cell in lines[0].split(",")] if lines else []
    if looks_like_header(first, tables.column_map if tables else None):
        return "csv"
    if stripped.startswith("---") or _yaml_record_keys(head):
        return "yaml"
    return "text"


def _yaml_record_keys(head: str) -> bool:
    """Whether the text opens like a YAML post record: a mapping of record field names."""
    keys = [m.group(1) for m in _YAML_KEY.finditer(head)]
    return bool(keys) and all(k in PostRecord.model_fields for k in keys[:5])


def is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name in _SKIPPED_NAMES
