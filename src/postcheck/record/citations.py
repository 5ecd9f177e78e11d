"""Legal citations as written in job descriptions, read into a canonical instrument and provision.

Documents cite the same provision many ways ("s.9", "Section 9(1)", "Local Government & Housing
Act 1989", "LGHA 1989"); rules compare canonical keys, and the words as written are kept
for reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    key: str
    title: str
    url: str
    aliases: tuple[str, ...]


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        "LGHA 1989",
        "Local Government and Housing Act 1989",
        "https://www.legislation.gov.uk/ukpga/1989/42",
        (
            r"local\s+government\s+(?:and|&)\s+housing\s+act(?:\s+1989)?",
            r"LGHA(?:\s+1989)?",
            r"LG\s*&\s*HA\s+1989",
            r"1989\s+Act",
        ),
    ),
    Instrument(
        "SI 2002/975",
        "Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002",
        "https://www.legislation.gov.uk/uksi/2002/975",
        (
            r"local\s+authorities\s+\(elected\s+mayor\s+and\s+mayor['’]?s\s+assistant\)"
            r"(?:\s+\(england\))?\s+regulations(?:\s+2002)?",
            r"(?:elected\s+)?mayor(?:\s+and\s+mayor)?['’]?s\s+assistant\s+regulations(?:\s+2002)?",
            r"S\.?\s?I\.?\s+2002/975",
            r"2002\s+Regulations",
        ),
    ),
    Instrument(
        "LGA 2000",
        "Local Government Act 2000",
        "https://www.legislation.gov.uk/ukpga/2000/22",
        (r"local\s+government\s+act\s+2000", r"LGA\s+2000"),
    ),
    Instrument(
        "LGA 1972",
        "Local Government Act 1972",
        "https://www.legislation.gov.uk/ukpga/1972/70",
        (r"local\s+government\s+act\s+1972", r"LGA\s+1972"),
    ),
    Instrument(
        "SI 1990/851",
        "Local Government Officers (Political Restrictions) Regulations 1990",
        "https://www.legislation.gov.uk/uksi/1990/851",
        (
            r"local\s+government\s+officers\s+\(political\s+restrictions\)\s+regulations(?:\s+1990)?",
            r"S\.?\s?I\.?\s+1990/851",
        ),
    ),
    Instrument(
        "SI 1990/1553",
        "Local Government (Committees and Political Groups) Regulations 1990",
        "https://www.legislation.gov.uk/uksi/1990/1553",
        (
            r"local\s+government\s+\(committees\s+and\s+political\s+groups\)\s+regulations(?:\s+1990)?",
            r"S\.?\s?I\.?\s+1990/1553",
        ),
    ),
    Instrument(
        "LDEDCA 2009",
        "Local Democracy, Economic Development and Construction Act 2009",
        "https://www.legislation.gov.uk/ukpga/2009/20",
        (
            r"local\s+democracy,?\s+economic\s+development\s+and\s+construction\s+act(?:\s+2009)?",
            r"LDEDCA(?:\s+2009)?",
        ),
    ),
    Instrument(
        "SI 2001/3384",
        "Local Authorities (Standing Orders) (England) Regulations 2001",
        "https://www.legislation.gov.uk/uksi/2001/3384",
        (
            r"local\s+authorities\s+\(standing\s+orders\)(?:\s+\(england\))?\s+regulations(?:\s+2001)?",
            r"S\.?\s?I\.?\s+2001/3384",
        ),
    ),
)

INSTRUMENT_KEYS = frozenset(i.key for i in INSTRUMENTS)
_INSTRUMENT_PATTERNS = tuple(
    (i.key, re.compile("|".join(f"(?:{a})" for a in i.aliases), re.IGNORECASE)) for i in INSTRUMENTS
)

PROVISION = re.compile(
    r"(?P<kind>sections?|ss?\.|s(?=\s?\d)|regulations?|regs?\.?|r\.|paragraphs?|paras?\.?)"
    r"\s*(?P<number>\d+[A-Z]?)(?P<path>(?:\s?\([0-9A-Za-z]+\))*)",
    re.IGNORECASE,
)
_PATH_PART = re.compile(r"\(([0-9A-Za-z]+)\)")


@dataclass(frozen=True)
class ParsedCitation:
    instrument: str | None
    kind: str | None
    number: str | None
    path: tuple[str, ...]

    @property
    def provision(self) -> str | None:
        if self.number is None:
            return None
        prefix = {"section": "s.", "regulation": "reg.", "paragraph": "para."}[
            self.kind or "section"
        ]
        return prefix + self.number + "".join(f"({p})" for p in self.path)


def find_instrument(text: str) -> str | None:
    """The canonical key of the first instrument named in the text, if any."""
    best: tuple[int, str] | None = None
    for key, pattern in _INSTRUMENT_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), key)
    return best[1] if best else None


def canonical_instrument(text: str) -> str | None:
    """A key from an instrument written any known way ("LGHA 1989", "SI 2002/975", its title)."""
    if text in INSTRUMENT_KEYS:
        return text
    for key, pattern in _INSTRUMENT_PATTERNS:
        if pattern.fullmatch(text.strip()):
            return key
    return None


def parse_citation(text: str) -> ParsedCitation:
    """Read the instrument and the first provision from free text; unknown parts stay None."""
    found = PROVISION.search(text)
    kind = number = None
    path: tuple[str, ...] = ()
    if found:
        word = found["kind"].lower()
        kind = (
            "regulation"
            if word.startswith("reg") or word == "r."
            else "paragraph"
            if word.startswith("para")
            else "section"
        )
        number = found["number"].upper()
        path = tuple(p.lower() for p in _PATH_PART.findall(found["path"]))
    return ParsedCitation(find_instrument(text), kind, number, path)
