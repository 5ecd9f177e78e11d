"""Grade codes: one canonical spelling, and a suggestion when a digit was typed for a letter."""

from __future__ import annotations

import re
from functools import lru_cache

_LABEL = re.compile(r"^\s*grade\s*[:\-]?\s*", re.IGNORECASE)
# Characters people type for one another in grade codes (digit zero for letter O, and so on).
_AS_LETTER = {"0": "O", "1": "I", "5": "S", "8": "B"}
_SPACES = re.compile(r"\s+")
_CODE = re.compile(r"([A-Z]+)([0-9][0-9]*)")
KNOWN_FAMILIES = frozenset({"PO", "SO", "SC", "MG", "SM", "CO", "JNC", "SCALE"})


# Both run several times per record over a small vocabulary of codes: remembered, not redone.
@lru_cache(maxsize=4096)
def normalise_grade(as_written: str) -> str:
    """Canonical code: label and spaces removed, upper case ("Grade: p o 3" -> "PO3")."""
    return _SPACES.sub("", _LABEL.sub("", as_written)).upper()


@lru_cache(maxsize=4096)
def suggest_grade(code: str, families: frozenset[str] = KNOWN_FAMILIES) -> str | None:
    """The code meant, when a digit stands where a grade family's letter should ("P04" -> "PO4").

    Only suggests when turning the digits into letters yields a known family and leaves a number.
    """
    m = _CODE.fullmatch(code)
    if not m:
        return None
    letters, digits = m.groups()
    for take in range(1, len(digits)):
        head, rest = digits[:take], digits[take:]
        if all(d in _AS_LETTER for d in head):
            family = letters + "".join(_AS_LETTER[d] for d in head)
            if family in families:
                return family + rest
    return None
