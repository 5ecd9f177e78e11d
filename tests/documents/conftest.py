"""Reading helpers: one document in, its one post record out."""

from __future__ import annotations

from pathlib import Path

from postcheck.record.documents import format_for_suffix, read_document
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError, ReadOutcome

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def outcomes(path: Path, kind: str | None = None) -> list[ReadOutcome]:
    return list(read_document(path, kind or format_for_suffix(path.suffix) or "text"))


def read_one(path: Path, kind: str | None = None) -> PostRecord:
    (record,) = outcomes(path, kind)
    assert isinstance(record, PostRecord), record
    return record


def read_error(path: Path, kind: str | None = None) -> InputError:
    (error,) = outcomes(path, kind)
    assert isinstance(error, InputError), error
    return error
