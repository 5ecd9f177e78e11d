"""Headings and the section each segment sits in (header, body, person specification).

Formats that mark headings (Markdown, HTML, Word styles) say so; in plain text a short title-case
line on its own ("Key Tasks and Accountabilities", "CULTURE") is taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postcheck.record.documents.layout import Segment

HEADER = "header"
BODY = "body"
PERSON_SPECIFICATION = "person specification"

_DOCUMENT_TITLE = re.compile(r"^(?:job|role)\s+(?:description|profile)\b|^person\s+spec", re.I)
_PERSON_SPEC = re.compile(r"\bperson\s+spec(?:ification)?\b", re.I)
_SMALL_WORDS = frozenset({"and", "of", "the", "to", "for", "in", "on", "a", "an", "&", "or"})
_MAX_HEADING_WORDS = 8


@dataclass(frozen=True)
class Section:
    heading: str | None
    part: str  # HEADER, BODY or PERSON_SPECIFICATION


def sections(segments: list[Segment], labelled_rows: set[int]) -> list[Section]:
    """The section of each segment; rows holding labels ("Grade: PO3") are never headings."""
    row_sizes: dict[int, int] = {}
    for segment in segments:
        row_sizes[segment.row] = row_sizes.get(segment.row, 0) + 1
    found = []
    heading: str | None = None
    part = HEADER
    for segment in segments:
        alone = row_sizes[segment.row] == 1 and segment.row not in labelled_rows
        if alone and (segment.heading or looks_like_heading(segment.text)):
            heading = segment.text.rstrip(":").strip()
            if _PERSON_SPEC.search(heading):
                part = PERSON_SPECIFICATION
            elif part == HEADER and not _DOCUMENT_TITLE.search(heading):
                part = BODY
        found.append(Section(heading, part))
    return found


def looks_like_heading(text: str) -> bool:
    words = text.rstrip(":").split()
    if not words or len(words) > _MAX_HEADING_WORDS or text.rstrip()[-1:] in ".!?;,":
        return False
    if re.match(r"^(?:\d+[.)]|[-•*])\s", text) or not words[0][:1].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in content)
