"""The JSON the API takes and gives: what /openapi.json describes.

Findings are given exactly as the JSON report gives them (`violations` and `input_errors`,
docs/output-formats.md and check.schema.json), so a system that reads the report reads the
API too. What the API adds is the page's view of each upload: its lines cut into pieces, each
naming the findings on it by their index in `violations`, or for an export its posts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class TextCheck(BaseModel):
    """A job description sent as text, in a JSON body."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The job description's text.")
    name: str = Field(
        default="pasted.txt",
        description="A file name for it; its suffix (.txt, .md, .html) chooses the reader.",
    )
    council: str = Field(
        default="auto",
        description="'auto' (the council the document names, as `postcheck check` chooses), "
        "or a council's name from GET /api/options.",
    )
    as_of: dt.date | None = Field(
        default=None, description="Judge the law and dates as they stood on this day."
    )


class Citation(BaseModel):
    text: str
    url: str


class RuleInfo(BaseModel):
    """A rule that found something: what it is, why it exists, how to put it right."""

    id: str
    title: str
    area: str
    severity: str
    certainty: str
    rationale: str
    remediation: str
    citations: list[Citation]


class Piece(BaseModel):
    text: str
    findings: list[int] = Field(description="Indices into `violations` of the findings here.")


class Row(BaseModel):
    line: int | None
    page: int | None
    pieces: list[Piece]


class Post(BaseModel):
    """One post of an export (CSV, XLSX, YAML, JSON) and its findings."""

    index: int | None = Field(description="The record's place in its file, from 0.")
    label: str
    post_number: str | None
    line: int | None
    findings: list[int]


class DocumentView(BaseModel):
    name: str
    kind: str | None = Field(description="The format it was read as: text, docx, csv, …")
    view: Literal["text", "table", "none"]
    rows: list[Row] = Field(default_factory=list, description="The text view's lines.")
    posts: list[Post] = Field(default_factory=list, description="The table view's posts.")
    findings: list[int] = Field(description="Indices into `violations` of its findings.")
    unplaced: list[int] = Field(
        default_factory=list, description="Its findings that no line of the text view shows."
    )
    input_errors: list[int] = Field(description="Indices into `input_errors`.")


class Unmatched(BaseModel):
    name: str
    records: int


class Summary(BaseModel):
    records: int
    violations: int
    input_errors: int
    by_severity: dict[str, int]
    unmatched_authorities: list[Unmatched]
    fail_on: str
    exit_status: int = Field(
        description="What `postcheck check` would exit with: 0 clean, 1 findings at or above "
        "fail_on, 2 input errors."
    )


class FileWarning(BaseModel):
    file: str
    message: str


class CheckResponse(BaseModel):
    postcheck_version: str
    as_of: dt.date
    council: str
    summary: Summary
    violations: list[dict[str, Any]] = Field(
        description="As in the JSON report's `violations` (check.schema.json)."
    )
    input_errors: list[dict[str, Any]] = Field(
        description="As in the JSON report's `input_errors`."
    )
    rules: dict[str, RuleInfo] = Field(description="Each rule that found something, by id.")
    documents: list[DocumentView]
    across_records: list[int] = Field(
        description="Indices into `violations` of findings about a set of records."
    )
    warnings: list[FileWarning]


class Council(BaseModel):
    value: str
    label: str


class Options(BaseModel):
    """What the page offers: the councils, the default day, the formats and the limits."""

    councils: list[Council]
    as_of: dt.date
    report_formats: list[str]
    accepted: list[str] = Field(description="File name suffixes the page offers to pick.")
    file_bytes: int
    request_bytes: int
    files: int


class Token(BaseModel):
    token: str
    header: str
