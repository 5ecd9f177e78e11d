"""Where records come from: files, folders (walked) and stdin, each read by the right reader.

The reader is chosen by extension and, where the extension is missing or lies, by sniffing the
first bytes, so one command can check a folder of mixed exports and documents.

Only regular files are opened: a FIFO would block for ever and a device (/dev/zero, or a link
to one) has no end, so anything else is refused by its type before it is opened. A YAML or JSON
file is read whole, so its size is checked first (limits.file_bytes); JSON Lines and CSV are
streamed, each line bounded (limits.record_bytes).
"""

from __future__ import annotations

import codecs
import io
import itertools
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from fnmatch import fnmatch
from pathlib import Path
from typing import BinaryIO

from postcheck import limits
from postcheck.record import documents, structured
from postcheck.record.columns import (
    ENCODING_SAMPLE_BYTES,
    TableOptions,
    looks_like_header,
    table_encoding,
)
from postcheck.record.documents.formats import NotTextError, decode
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
_STDIN = "<stdin>"
# Byte-order marks a YAML or JSON file may open with (YAML allows UTF-16 and UTF-32).
_DATA_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FILE_TYPES = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
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
        try:
            mode = path.stat().st_mode  # through links: a link to /dev/zero is a device
        except (FileNotFoundError, NotADirectoryError):
            yield InputError(raw, "no such file or directory")
            continue
        except OSError as error:
            yield InputError(raw, cannot_read(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _read_folder(path, tables, walk)
        elif not stat.S_ISREG(mode):
            yield InputError(raw, not_regular(mode))
        elif walk.named_like_walked:
            if walk.wants(Path(path.name)):
                yield from _read_walked(path, tables, walk)
        else:
            yield from read_path(path, tables)


def _read_folder(folder: Path, tables: TableOptions | None, walk: Walk) -> Iterator[Outcome]:
    """The wanted files below a folder, in order; a FIFO or device among them is an input
    error (it is never opened), a link that leads nowhere is passed over."""
    for child in sorted(folder.rglob("*")):
        relative = child.relative_to(folder)
        if is_hidden(relative) or not walk.wants(relative):
            continue
        try:
            mode = child.stat().st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode):
            yield from _read_walked(child, tables, walk)
        elif not stat.S_ISDIR(mode):
            yield InputError(str(child), not_regular(mode))


def not_regular(mode: int) -> str:
    """Why a path that is not a regular file or a folder is not read."""
    kind = next((name for test, name in _FILE_TYPES if test(mode)), "a special file")
    return f"not a regular file ({kind}); postcheck reads files, folders and - (standard input)"


def open_regular(path: Path) -> BinaryIO:
    """A regular file opened for reading. Opened without blocking and checked on the open
    file, so a path swapped for a FIFO after it was checked cannot hang the run either."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(not_regular(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class NotRegularFileError(OSError):
    """A path that turned out not to be a regular file when opened."""


def cannot_read(error: OSError) -> str:
    """An input error's reason for a file the system would not let be read."""
    if isinstance(error, NotRegularFileError):
        return str(error)
    return f"cannot read: {error.strerror or error}"


def _read_walked(path: Path, tables: TableOptions | None, walk: Walk) -> Iterator[Outcome]:
    """A file met in a folder: read if it is a post record or a job description, else
    passed over with the reason."""
    try:
        kind = detect_format(path)
    except OSError as error:
        yield InputError(str(path), cannot_read(error))
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
        elif kind in ("csv", "jsonl"):
            with open_regular(path) as handle:
                yield from _read_stream(kind, handle, name, tables)
        else:
            with open_regular(path) as handle:
                data = _read_whole(handle, os.fstat(handle.fileno()).st_size, name)
            yield from _read_text(kind, _decoded(data, name), name)
    except _UnreadableError as error:
        yield error.outcome
    except UnicodeError as error:  # no encoding fits a CSV's first bytes
        yield InputError(name, f"cannot read as text: {error}")
    except OSError as error:
        yield InputError(name, cannot_read(error))


class _UnreadableError(Exception):
    """A file (or standard input) refused as a whole: the input error says why."""

    def __init__(self, outcome: InputError) -> None:
        super().__init__(outcome.reason)
        self.outcome = outcome


def _read_whole(handle: BinaryIO, size: int, name: str) -> bytes:
    """A YAML or JSON file's bytes, its size checked before it is read: a 200 MB file would
    take minutes and gigabytes to parse."""
    limit = limits.current().file_bytes
    if size > limit:
        raise _UnreadableError(InputError(name, _too_big(size, limit)))
    data = handle.read(limit + 1)  # a file may hold more than its size says (/proc)
    if len(data) > limit:
        raise _UnreadableError(InputError(name, _too_big(None, limit)))
    return data


def _decoded(data: bytes, name: str) -> str:
    """YAML or JSON text: UTF-8, or UTF-16/32 where a byte-order mark says so. Guessing a
    legacy encoding (as for CSV) could misread a record silently; a byte that is not text is
    an input error naming its line."""
    encoding = next((e for bom, e in _DATA_BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1 if encoding == "utf-8" else None
        reason = f"not {_encoding_name(encoding)} text (byte {error.start:,}): save it as UTF-8"
        raise _UnreadableError(InputError(name, reason, line)) from None


def _too_big(size: int | None, limit: int) -> str:
    stated = f"{size:,} bytes" if size is not None else "more"
    return f"{stated}, over the limit of {limit:,} bytes for one file (limits.file_bytes)"


def detect_format(path: Path) -> str | None:
    """Format by content where the content says so, else by extension."""
    with open_regular(path) as handle:
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
    kind: str, binary: BinaryIO, name: str, tables: TableOptions | None = None, head: bytes = b""
) -> Iterator[Outcome]:
    """JSON Lines or CSV from a byte stream (after `head`, bytes already read from it), line
    by line. CSV's encoding is found from its first bytes; JSON Lines are UTF-8."""
    sample = head + binary.read(max(0, ENCODING_SAMPLE_BYTES - len(head)))
    if kind == "csv":
        encoding = table_encoding(sample)
    else:
        encoding = next((e for bom, e in _DATA_BOMS if sample.startswith(bom)), "utf-8")
    chunks = itertools.chain([sample], iter(lambda: binary.read(ENCODING_SAMPLE_BYTES), b""))
    text = structured.decoded_chunks(chunks, encoding)
    lines = structured.TextLines(text, _encoding_name(encoding))
    if kind == "csv":
        return structured.read_csv(lines, name, tables)
    return structured.read_json_lines(lines, name)


def _encoding_name(encoding: str) -> str:
    return codecs.lookup(encoding).name.upper().replace("UTF-8-SIG", "UTF-8")


def _read_stdin(stdin_format: str, tables: TableOptions | None = None) -> Iterator[Outcome]:
    """Standard input, read as bytes and decoded as files are: JSON Lines and CSV are
    streamed; the format is sniffed from the start. Closed (`<&-`), it is an input error."""
    try:
        binary = _stdin_bytes()
        head = binary.read(_SNIFF_CHARS) if binary is not None else b""
    except OSError as error:
        yield InputError(_STDIN, f"cannot read standard input: {error.strerror or error}")
        return
    if binary is None:
        yield InputError(_STDIN, "standard input is closed; give a file, or pipe records in")
        return
    try:
        sample = head.decode(table_encoding(head), errors="replace")
    except UnicodeError:
        sample = head.decode("utf-8", errors="replace")
    kind = stdin_format if stdin_format != "auto" else _sniff_text(sample, tables)
    try:
        if kind in ("jsonl", "csv"):
            yield from _read_stream(kind, binary, _STDIN, tables, head)
            return
        limit = limits.current().file_bytes
        data = head + binary.read(max(0, limit + 1 - len(head)))
        if len(data) > limit:
            yield InputError(_STDIN, _too_big(None, limit))
        elif kind in documents.FORMATS:
            yield from _read_stdin_document(data, kind)
        else:
            yield from _read_text(kind, _decoded(data, _STDIN), _STDIN)
    except _UnreadableError as error:
        yield error.outcome
    except UnicodeError as error:
        yield InputError(_STDIN, f"cannot read as text: {error}")
    except OSError as error:
        yield InputError(_STDIN, f"cannot read standard input: {error.strerror or error}")


def _stdin_bytes() -> BinaryIO | None:
    """The bytes of standard input; None when it is closed. A text stream with no bytes
    under it (a test's StringIO) is encoded back, as Python decoded it."""
    stream = sys.stdin
    if stream is None or stream.closed:
        return None
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))


def _read_stdin_document(data: bytes, kind: str) -> Iterator[ReadOutcome]:
    try:
        text = decode(data)
    except NotTextError as error:
        yield InputError(_STDIN, f"cannot read as text: {error}")
        return
    yield from documents.read_text_document(text, _STDIN, kind)


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
