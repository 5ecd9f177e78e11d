"""The bounds on what one input may cost: bytes, depth, characters, pattern size, time.

A job description is a few pages; an HR export row is a few hundred characters. Anything far
past these bounds is a mistake or an attack, and it must cost the run one input error, never a
crash, a hang or the machine's memory. Each bound is configurable (`[tool.postcheck.limits]`,
docs/limits.md); readers and the rule loader ask `current()` for the run's values, which the
command line sets once with `use()` before reading starts (worker processes inherit them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import BaseModel, ConfigDict, Field


class Limits(BaseModel):
    """Every bound, with its default; the descriptions are what docs/limits.md explains."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file_bytes: int = Field(
        default=20_000_000,
        ge=1,
        description="Bytes in one document, or in one structured file read whole (YAML, JSON).",
    )
    record_bytes: int = Field(
        default=1_000_000,
        ge=1,
        description="Bytes in one JSON Lines record or one CSV row.",
    )
    nesting_depth: int = Field(
        default=64,
        ge=2,
        le=900,
        description="Mappings and lists nested in one record (JSON, YAML).",
    )
    record_characters: int = Field(
        default=8_000_000,
        ge=1,
        le=16_000_000,
        description="Characters of text in one record, all fields together, checked before the "
        "rule engine sees it: durable-rules crashes the process past about 16.7 million.",
    )
    yaml_aliases: int = Field(
        default=100,
        ge=0,
        description="YAML aliases (*name) in one file; each may copy a whole subtree.",
    )
    pattern_alternatives: int = Field(
        default=64,
        ge=1,
        le=500,
        description="Alternatives in one rule pattern or one `any:` list; the engine hangs "
        "building a ruleset past about 520.",
    )
    docx_bytes: int = Field(
        default=100_000_000,
        ge=1,
        description="Bytes a Word file's parts take once decompressed.",
    )
    docx_entries: int = Field(default=2_000, ge=1, description="Parts in one Word file.")
    html_depth: int = Field(default=256, ge=8, description="Elements nested in one HTML document.")
    document_seconds: float = Field(
        default=60.0,
        gt=0,
        description="Seconds one document may take to read; past it, it is an input error.",
    )


DEFAULT = Limits()
_current: Limits = DEFAULT


def current() -> Limits:
    """The limits of this run."""
    return _current


@contextmanager
def use(limits: Limits) -> Iterator[Limits]:
    """Run with these limits; the earlier ones come back afterwards."""
    global _current
    earlier, _current = _current, limits
    try:
        yield limits
    finally:
        _current = earlier
