"""Reading a citation the way a lawyer writes it: which instrument, which provision.

Rules cite a provision by an address and a text ("Local Government and Housing Act 1989,
s.9(3)-(4)" at .../ukpga/1989/42/section/9). legislation.gov.uk has one address per section,
not per subsection, so the address names the instrument and the section, and the text's
pinpoint (s.9(3), reg 3(1)(a), Sch Pt I para 1) names the provision. Both are normalised
here: addresses to one spelling per page, pinpoints to paths such as ("s:9", "3") that a
provision and a citation can be compared by.
"""

from __future__ import annotations

import re
import string
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

Pinpoint = tuple[str, ...]
"""A provision's place: unit segments ("s:9", "sch:1", "part:i", "para:3") and subdivisions
("3", "a"), outermost first. () is the instrument as a whole."""

LEGISLATION = "legislation.gov.uk"
_HOST_ALIASES = {"legislation.data.gov.uk": LEGISLATION}
_LANGUAGES = {"en", "cy", "id"}  # /en/, /cy/ (language) and /id/ (identifier) forms
# Version suffixes of a legislation.gov.uk page: the same provision in another form or at
# another point in time.
_VERSION = re.compile(
    r"made|enacted|prospective|data\.(?:xht|xml|htm|html|pdf|rdf|akn|feed)|\d{4}-\d{2}-\d{2}"
)
_URL_UNITS = {
    "section": "s",
    "regulation": "reg",
    "article": "art",
    "rule": "rule",
    "schedule": "sch",
    "schedules": "sch",
    "paragraph": "para",
    "part": "part",
}
_TOKEN = re.compile(
    r"(?P<sch>\b(?i:schedules?|sch)\b\.?)(?:\s*(?P<schnum>\d+[A-Z]?)\b)?"
    r"|(?P<unit>\b(?i:sections?|ss|s|regs?|regulation|articles?|arts?|paragraphs?|paras?|part|pt)\b\.?)"
    r"\s*(?P<unitnum>\d+[A-Z]{0,2}\b|[IVX]+\b)"
    r"|(?P<sub>\((?:\d+[A-Za-z]{0,2}|[a-z]{1,4})\))"
    r"|(?P<num>\b\d+[A-Z]{0,2}\b)"
    r"|(?P<dash>[-\u2013])"
    r"|(?P<join>\b(?:and|or)\b|,|&)"
)
_UNIT_NAMES = {
    "s": "s",
    "ss": "s",
    "section": "s",
    "sections": "s",
    "reg": "reg",
    "regs": "reg",
    "regulation": "reg",
    "art": "art",
    "arts": "art",
    "article": "art",
    "articles": "art",
    "para": "para",
    "paras": "para",
    "paragraph": "para",
    "paragraphs": "para",
    "part": "part",
    "pt": "part",
}
# A unit's depth: a schedule holds parts, a part holds paragraphs; sections, regulations and
# articles sit in the body. A unit no deeper than the last one starts a new reference.
_RANK = {"sch": 0, "part": 1, "s": 2, "reg": 2, "art": 2, "rule": 2, "para": 2}
MAX_RANGE = 60  # "ss. 1-21" is expanded; a wider range is kept as its two ends


def normalise_url(url: str) -> str:
    """One spelling per page: no scheme, no `www.`, no trailing slash or fragment; on
    legislation.gov.uk also no language or /id/ prefix, no version suffix (/made, /enacted,
    a point-in-time date, /data.xht) and no query (?view=plain), and lower case."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    host = _HOST_ALIASES.get(host, host)
    path = unquote(parts.path).rstrip("/")
    if host == LEGISLATION:
        return "/".join([host, *_legislation_segments(path)])
    query = urlencode(sorted(q for q in parse_qsl(parts.query) if not q[0].startswith("utm_")))
    return f"{host}{path}" + (f"?{query}" if query else "")


def _legislation_segments(path: str) -> list[str]:
    segments = [s.lower() for s in path.split("/") if s]
    while segments and segments[0] in _LANGUAGES:
        segments.pop(0)
    while segments and _VERSION.fullmatch(segments[-1]):
        segments.pop()
    return segments


def legislation_key(url: str) -> tuple[str, Pinpoint] | None:
    """For a legislation.gov.uk address: its instrument ("ukpga/1989/42") and the provision
    the rest of the address names (("s:9",) for /section/9); None for any other site."""
    normal = normalise_url(url)
    host, _, rest = normal.partition("/")
    segments = rest.split("/") if rest else []
    if host != LEGISLATION or len(segments) < 3:
        return None
    instrument, tail = "/".join(segments[:3]), segments[3:]
    return instrument, _url_pinpoint(tail)


def _url_pinpoint(tail: list[str]) -> Pinpoint:
    """("section", "9") -> ("s:9",); ("schedules",) -> ("sch:",); a contents page, the body or
    a cross-heading -> () (the instrument as a whole)."""
    path: list[str] = []
    index = 0
    while index < len(tail):
        unit = _URL_UNITS.get(tail[index])
        if unit is None:
            break
        number = tail[index + 1] if index + 1 < len(tail) else ""
        if tail[index] == "schedules" or not number or number in _URL_UNITS:
            path.append(f"{unit}:")
            index += 1
        else:
            path.append(f"{unit}:{number}")
            index += 2
    return tuple(path)


def pinpoints(text: str) -> list[Pinpoint]:
    """Every provision a citation's text names, in order: "s.9(1) and (2)(d)" -> s.9(1),
    s.9(2)(d); "s.9(3)-(4)" -> s.9(3), s.9(4); "reg 3(1)(a) and Schedule Part I, para 1" ->
    reg 3(1)(a), Sch Pt I para 1. Titles and years ("Regulations 2002", "SI 2002/975") name
    none: only a unit written with its number (s.9, reg 3, art. 2, para 1) starts one."""
    reader = _Reader()
    for match in _TOKEN.finditer(text):
        reader.take(match)
    return list(dict.fromkeys(reader.finish()))


class _Reader:
    """The pinpoints of one text, read token by token."""

    def __init__(self) -> None:
        self.found: list[Pinpoint] = []
        self.current: list[str] = []
        self.last = ""  # the kind of the last token that counted: unit, sub, join, dash

    def take(self, match: re.Match[str]) -> None:
        kind = match.lastgroup or ""
        if kind == "schnum" or match["sch"] is not None:
            self._unit("sch", match["schnum"] or "")
        elif match["unit"] is not None:
            name = _UNIT_NAMES[match["unit"].rstrip(".").lower()]
            self._unit(name, match["unitnum"])
        elif kind == "sub":
            self._sub(match["sub"][1:-1].strip())
        elif kind == "num":
            self._number(match["num"])
        elif kind in ("dash", "join"):
            self.last = kind if self.current else ""

    def finish(self) -> list[Pinpoint]:
        self._emit()
        return self.found

    def _emit(self) -> None:
        if self.current:
            self.found.append(tuple(self.current))

    def _unit(self, name: str, number: str) -> None:
        """A unit deeper than the last one extends the reference ("Schedule 1, Part I, para
        3"); one no deeper starts the next ("reg 3(1)(a) and Schedule Part I")."""
        rank = _RANK[name]
        kept = [seg for seg in self.current if ":" in seg and _RANK[seg.split(":")[0]] < rank]
        if len(kept) != len(self.current):
            self._emit()
        self.current = [*kept, f"{name}:{_number(number)}"]
        self.last = "unit"

    def _number(self, number: str) -> None:
        """A bare number continues a reference only after "and", "," or a dash: "regs 6 and
        8", "paras 1-5"; elsewhere it is a year or a count, and names nothing."""
        unit_at = _last_unit(self.current)
        if unit_at is None or self.last not in ("join", "dash"):
            return
        name, start = self.current[unit_at].split(":", 1)
        base = self.current[:unit_at]
        self._emit()
        if self.last == "dash":
            self.current = []
            self.found += [(*base, f"{name}:{v}") for v in _span(start, _number(number))[1:]]
        else:
            self.current = [*base, f"{name}:{_number(number)}"]
        self.last = "unit" if self.current else ""

    def _sub(self, value: str) -> None:
        value = value.lower()
        unit_at = _last_unit(self.current)
        if unit_at is None:
            return
        if self.last in ("unit", "sub"):
            self.current.append(value)
            self.last = "sub"
            return
        if self.last not in ("join", "dash"):
            return
        # "(2)(d)" after "s.9(1) and": a sibling at the level of its own kind of number
        subs = self.current[unit_at + 1 :]
        level = next((i for i, s in enumerate(subs) if _sort(s) == _sort(value)), len(subs))
        base = self.current[: unit_at + 1 + level]
        if self.last == "dash" and level < len(subs):
            self._emit()
            spanned = _span(subs[level], value)[1:]
            self.found += [(*base, v) for v in spanned[:-1]]
            self.current = [*base, spanned[-1]] if spanned else []
        else:
            self._emit()
            self.current = [*base, value]
        self.last = "sub"


def _last_unit(path: list[str]) -> int | None:
    return next((i for i in range(len(path) - 1, -1, -1) if ":" in path[i]), None)


def _number(text: str) -> str:
    return text.lower()


def _sort(value: str) -> str:
    """What kind of number a subdivision is: (3) and (8A) are numbers, (a) and (iv) letters."""
    return "number" if value[:1].isdigit() else "letter"


def _span(start: str, end: str) -> list[str]:
    """The values from start to end inclusive: 3-5 -> 3, 4, 5; a-c -> a, b, c; ends that are
    not both plain numbers or both single letters (8A-9), or too far apart, are kept as
    themselves."""
    letters = string.ascii_lowercase
    if start.isdigit() and end.isdigit() and 0 <= int(end) - int(start) <= MAX_RANGE:
        return [str(n) for n in range(int(start), int(end) + 1)]
    if len(start) == len(end) == 1 and start in letters and end in letters and start <= end:
        return list(letters[letters.index(start) : letters.index(end) + 1])
    return list(dict.fromkeys([start, end]))


def contains(outer: Pinpoint, inner: Pinpoint) -> bool:
    """Whether the provision at `outer` includes the one at `inner` (s.9(2) includes
    s.9(2)(c); an instrument, (), includes everything in it)."""
    return inner[: len(outer)] == outer
