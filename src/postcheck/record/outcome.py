"""What reading one record produces: a validated record, or an input error that names the place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pydantic import ValidationError

from postcheck.record.model import PostRecord


@dataclass(frozen=True)
class InputError:
    """A record or file that could not be read; reported as a finding, and the run goes on."""

    file: str
    reason: str
    line: int | None = None
    index: int | None = None
    field: str | None = None


ReadOutcome = PostRecord | InputError


class DeferredRow(NamedTuple):
    """A row of a table export read but not yet validated: with `--jobs`, the worker process
    that judges it validates it too, so the reading process does not do a third of the work
    alone. `read()` gives what reading it at once would have given. A tuple: the reading
    process makes one for every row, in a third of a frozen dataclass's time."""

    fields: tuple[str | None, ...]
    row: tuple[str, ...]
    file: str
    record_index: int  # the record's number in the file (`index` is a tuple's own method)
    line: int

    def read(self) -> list[ReadOutcome]:
        from postcheck.record.structured import read_row

        return read_row(self.fields, self.row, self.file, self.record_index, self.line)


Outcome = ReadOutcome | DeferredRow  # what readers yield; DeferredRow only when asked to defer


def resolved(outcomes: Iterable[Outcome]) -> Iterator[ReadOutcome]:
    """Every outcome, deferred rows read."""
    for outcome in outcomes:
        if isinstance(outcome, DeferredRow):
            yield from outcome.read()
        else:
            yield outcome


def validation_errors(
    error: ValidationError,
    file: str,
    index: int | None,
    line_of: dict[str, int] | None = None,
    default_line: int | None = None,
) -> list[InputError]:
    """One InputError per pydantic error, with the field path and, where known, its line."""
    found = []
    for item in error.errors(include_url=False):
        path = ".".join(str(p) for p in item["loc"])
        line = _nearest_line(path, line_of or {}) or default_line
        found.append(InputError(file, item["msg"], line=line, index=index, field=path or None))
    return found


def _nearest_line(path: str, lines: dict[str, int]) -> int | None:
    parts = path.split(".")
    while parts:
        line = lines.get(".".join(parts))
        if line is not None:
            return line
        parts.pop()
    return None
