"""Headings and the section each block sits in (header, body, person specification).

Formats that mark headings (Markdown, HTML, Word styles) say so; otherwise a short title-case
line on its own ("Key Tasks and Accountabilities", "CULTURE") is taken for one, and so is a line
holding only a usual job-description heading in any case, colon or not ("Main duties",
"Key responsibilities:", "What you will do", "Person specification").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from postcheck.record.documents.layout import Block

HEADER = "header"
BODY = "body"
PERSON_SPECIFICATION = "person specification"

_DOCUMENT_TITLE = re.compile(r"^(?:job|role)\s+(?:description|profile)\b", re.I)
_PERSON_SPEC = re.compile(r"\bperson\s+spec(?:ification)?\b", re.I)
_SMALL_WORDS = frozenset({"and", "of", "the", "to", "for", "in", "on", "a", "an", "&", "or"})
_MAX_HEADING_WORDS = 8
# Headings job descriptions use, recognised whole in any case: sentence case ("Main duties") is as
# common as title case, and a bold paragraph in Word or HTML is often the only mark of a heading.
_DUTY_WORDS = r"(?:duties|tasks|responsibilities|accountabilities)"
_KNOWN_HEADING = re.compile(
    r"^(?:"
    # duties: "Main duties", "Key responsibilities include", "Duties and responsibilities"
    rf"(?:(?:the\s+)?(?:main|key|principal|core|specific|general|primary|major)\s+)?{_DUTY_WORDS}"
    rf"(?:\s*(?:,|and|&)\s*(?:key\s+)?{_DUTY_WORDS})*"
    r"(?:\s+of\s+the\s+(?:post|role|job|post\s*holder))?(?:\s+(?:will\s+)?include)?"
    r"|what\s+(?:you|the\s+post\s*holder)(?:\s+will|['’]ll)\s+(?:be\s+)?do(?:ing)?"
    r"|your\s+(?:main\s+|key\s+)?responsibilities(?:\s+will\s+(?:be|include))?"
    # the sections around them, so that duties end where the next section starts
    r"|(?:(?:main|overall|job|key)\s+)*purposes?(?:\s+of\s+(?:the\s+)?(?:post|role|job))?"
    r"|about\s+(?:the\s+(?:role|post|team|service)|you|us)"
    r"|job\s+context|context|dimensions|key\s+(?:relationships|contacts)"
    r"|working\s+(?:relationships|arrangements|conditions|environment)"
    r"|(?:special\s+|other\s+)?(?:terms\s+and\s+)?conditions(?:\s+of\s+(?:service|employment))?"
    r"|person\s+spec(?:ification)?|selection\s+criteria|(?:essential|desirable)\s+criteria"
    r"|(?:knowledge,?\s+)?skills(?:,?\s+(?:and\s+)?(?:knowledge|experience|abilities))*"
    r"|qualifications(?:\s+and\s+experience)?|experience|values(?:\s+and\s+behaviours)?"
    r"|(?:additional|other|further)\s+information|equalit(?:y|ies)\s+and\s+diversity"
    r"|health\s+and\s+safety|safeguarding"
    r")\s*:?$",
    re.I,
)


_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?\s+(?P<rest>\S.*)$")


@dataclass(frozen=True)
class Section:
    heading: str | None
    part: str  # HEADER, BODY or PERSON_SPECIFICATION


def sections(blocks: list[Block], labelled_rows: set[int]) -> list[Section]:
    """The section of each block; rows holding labels ("Grade: PO3") are never headings."""
    row_sizes: dict[int, int] = {}
    for block in blocks:
        row_sizes[block.row] = row_sizes.get(block.row, 0) + 1
    found = []
    heading: str | None = None
    part = HEADER
    header_seen = False
    for block in blocks:
        header_seen = header_seen or block.row in labelled_rows
        alone = row_sizes[block.row] == 1 and block.row not in labelled_rows
        numbered = numbered_heading(block.text)
        if alone and (block.heading or numbered or looks_like_heading(block.text)):
            heading = (numbered or block.text).rstrip(":").strip()
            if _DOCUMENT_TITLE.search(heading):
                pass  # "Job Description and Person Specification" titles the whole document
            elif _PERSON_SPEC.search(heading):
                part = PERSON_SPECIFICATION
            elif part == HEADER and (header_seen or _KNOWN_HEADING.match(heading)):
                # Above the header fields, only a section's heading ends the header: the council's
                # name or the post's title set as a heading does not.
                part = BODY
        found.append(Section(heading, part))
    return found


@lru_cache(maxsize=4096)
def numbered_heading(text: str) -> str | None:
    """The heading of a numbered section ("3. MAIN DUTIES", "2 Purpose of the job"), or None.

    A numbered line is a heading, not a list item, when the rest is in capitals or is a heading
    job descriptions use.
    """
    found = _NUMBERED.match(text.strip())
    if not found:
        return None
    rest = found["rest"]
    capitals = rest.upper() == rest and any(c.isalpha() for c in rest)
    if (capitals and len(rest.split()) <= _MAX_HEADING_WORDS) or is_known_heading(rest):
        return rest
    return None


@lru_cache(maxsize=8192)
def is_known_heading(text: str) -> bool:
    """A heading job descriptions use ("Main duties", "Person specification"), in any case."""
    return bool(_KNOWN_HEADING.match(text.strip()))


@lru_cache(maxsize=8192)
def looks_like_heading(text: str) -> bool:
    if is_known_heading(text):
        return True
    words = text.rstrip(":").split()
    if not words or len(words) > _MAX_HEADING_WORDS or text.rstrip()[-1:] in ".!?;,":
        return False
    if re.match(r"^(?:\d+[.)]|[-•*])\s", text) or not words[0][:1].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in content)
