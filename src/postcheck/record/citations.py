"""Legal citations as written in job descriptions, read into a canonical instrument and provision.

Documents cite the same provision many ways ("s.9", "s9", "sec. 9", "Section 9(1)", "Local
Government & Housing Act 1989", "LG&HA 1989", "LGHA", "the 1989 Act"); rules compare canonical
keys, and the words as written are kept for reports.

Three readings need care:

- A year is not a provision: "(England) Regulations 2002" names an instrument, not "reg 2002".
  Provision numbers have at most three digits (no instrument read here has a thousandth section).
- An instrument that is not listed below is still one: "s.9 of the Local Government Act 1989"
  (there is no such Act; the 1989 Act is the Local Government and Housing Act) is read with the
  Act's short title as its instrument, so that rules can see that the Act cited is not the 1989
  Act. Only a capitalised short title ending "Act", "Order" or "Regulations" and a year is
  taken, and only where no listed instrument is named at the same place.
- A provision applied or extended by another is cited by the other: "s.9 LGHA 1989 as applied by
  reg 3(7)" and "s.2 LGHA 1989, as extended to this post by reg 3(6)" rest the post on
  regulation 3 of SI 2002/975, which is what makes it a mayor's assistant's post; s.9 and s.2
  are named only as the provisions applied. The applying provision is the citation. Where its
  instrument is not named, regulation 3 applying a section of the 1989 Act (or a section of no
  named Act) is taken to be regulation 3 of SI 2002/975: the only regulation in this field that
  applies Part I of the 1989 Act to a post (an inference; the words as written are kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postcheck.lazy_pattern import LazyPattern


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
    (i.key, LazyPattern("|".join(f"(?:{a})" for a in i.aliases), re.IGNORECASE))
    for i in INSTRUMENTS
)

PROVISION = LazyPattern(
    r"(?P<kind>sections?|sec(?:t)?s?\.?(?=\s?\d)|ss?\.|s(?=\s?\d)|regulations?|regs?\.?|r\."
    r"|paragraphs?|paras?\.?)"
    # at most three digits: "Regulations 2002" is a year, not regulation 2002
    r"\s*(?P<number>\d{1,3}(?!\d)[A-Z]?)(?P<path>(?:\s?\([0-9A-Za-z]+\))*)",
    re.IGNORECASE,
)
# "as applied by", "as extended to this post by", "as modified by", "by virtue of": the provision
# after these words is the one that governs the post
APPLIED_BY = LazyPattern(
    r"[\s,(]*\b(?:as\s+)?(?:applied|extended|modified)\b(?:\s+[\w'’]+){0,5}?\s+by"
    r"(?:\s+virtue\s+of)?\s+(?:the\s+)?"
    r"|[\s,(]*\bby\s+virtue\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
# An Act, Order or set of Regulations not listed above, by its short title: "the Local
# Government Act 1989", "LGA 1989", "the ... (Remuneration) (England) Order 2021".
# Capitalised words (with "and", "&", "of", "for" between them) ending so, and a year.
_OTHER_INSTRUMENT = LazyPattern(
    r"\b(?P<title>[A-Z][\w'’]*(?:,?\s+(?:[A-Z][\w'’]*|and|&|of|for|the|\([A-Z][\w'’ ]*\)))*"
    r"\s+(?:Act|Order|Regulations)\s+(?:1[89]|20)\d\d)\b"
    r"|\bLGA\s+(?P<lga>(?:1[89]|20)\d\d)\b"
)
# Words that open a sentence or a citation, not an Act's title ("Under the Local ... Act 1989").
_NOT_TITLE_WORDS = frozenset(
    [
        "the",
        "this",
        "that",
        "under",
        "in",
        "of",
        "by",
        "as",
        "see",
        "section",
        "sections",
        "s",
        "regulation",
        "regulations",
        "reg",
        "para",
        "paragraph",
        "statutory",
        "legal",
        "basis",
        "post",
        "role",
        "job",
        "pursuant",
        "established",
        "appointed",
        "created",
        "designated",
        "politically",
        "restricted",
    ]
)
_PATH_PART = LazyPattern(r"\(([0-9A-Za-z]+)\)")


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
    """The canonical key of the first instrument named in the text, if any; one not listed is
    named by its short title ("Local Government Act 1989")."""
    best: tuple[int, str] | None = None
    for key, pattern in _INSTRUMENT_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), key)
    if best is not None:
        return best[1]
    other = other_instruments(text)
    return other[0][2] if other else None


def other_instruments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, short title) of each Act, Order or set of Regulations the text names that
    is not a listed instrument.

    Leading words that open a sentence ("Under the ...") are not part of the title, and a name
    that holds a listed instrument's name is left to that instrument."""
    found: list[tuple[int, int, str]] = []
    for m in _OTHER_INSTRUMENT.finditer(text):
        if m["lga"]:
            found.append((m.start(), m.end(), f"Local Government Act {m['lga']}"))
            continue
        words = m["title"].split()
        start = m.start()
        while len(words) > 2 and words[0].lower().strip(",") in _NOT_TITLE_WORDS:
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        title = " ".join(words).replace("&", "and")
        if len(words) < 2 or any(p.search(title) for _, p in _INSTRUMENT_PATTERNS):
            continue
        found.append((start, m.end(), title))
    return found


def canonical_instrument(text: str) -> str | None:
    """A key from an instrument written any known way ("LGHA 1989", "SI 2002/975", its title)."""
    if text in INSTRUMENT_KEYS:
        return text
    for key, pattern in _INSTRUMENT_PATTERNS:
        if pattern.fullmatch(text.strip()):
            return key
    return None


def parse_citation(text: str) -> ParsedCitation:
    """Read the instrument and the first provision from free text; unknown parts stay None.

    A provision "as applied by" (or extended, modified, "by virtue of") another is cited by the
    other, the provision that governs the post (see the module's notes)."""
    applying = _applying(text)
    if applying is not None:
        return applying
    return _parse_one(text)


def _applying(text: str) -> ParsedCitation | None:
    """The applying provision of "X as applied by Y", or None if the text is no such citation.

    Only a citation that opens with the provision applied is one: in "regulation 3 of SI
    2002/975, with s.9(3) of the 1989 Act applied by reg 3(7)" the post's basis is still the
    first provision, regulation 3, and reg 3(7) only explains how s.9(3) reaches the post."""
    first = PROVISION.search(text)
    if first is None:
        return None
    link = APPLIED_BY.search(text, first.end())
    if link is None or not PROVISION.match(text, link.end()):
        return None
    if PROVISION.search(text, first.end(), link.start()):
        return None  # another provision comes between: the first one is the citation
    applied = _parse_one(text[: link.start()])
    applying = _parse_one(text[link.end() :])
    # regulation 3 applying a section of the 1989 Act (named, or unnamed as in "s.9 as applied
    # by reg 3(7)") is regulation 3 of SI 2002/975
    if (
        applying.instrument is None
        and (applying.kind, applying.number) == ("regulation", "3")
        and applied.instrument in ("LGHA 1989", None)
        and applied.kind == "section"
    ):
        return ParsedCitation("SI 2002/975", applying.kind, applying.number, applying.path)
    return applying


def _parse_one(text: str) -> ParsedCitation:
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
            else "section"  # "s.", "s", "ss.", "sec.", "sect.", "section(s)"
        )
        number = found["number"].upper()
        path = tuple(p.lower() for p in _PATH_PART.findall(found["path"]))
    return ParsedCitation(find_instrument(text), kind, number, path)
