"""Sentences of a block, so each statement is read, and reported, on its own.

The splitting is sentencex's (Wikimedia's rule-based segmenter, with English abbreviations).
On top of it, the abbreviations of legal and council writing that it does not know ("para. 4",
"ss. 1-3", "Cllr. Smith") and a list number left on its own ("1.") are joined to what follows:
a citation or a duty is never cut in two.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sentencex import segment

_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:cllr|paras?|ss?|regs?|arts?|sch|sched|nos?|cf|st|dr|mr|mrs|ms|prof|approx"
    r"|dept|ref|tel|ext|inc|incl|min|max|e\.g|i\.e|etc)\.$",
    re.I,
)
_NUMBER_ONLY = re.compile(r"^\(?\d{1,3}[.)]$")


@lru_cache(maxsize=8192)
def _split(text: str) -> tuple[str, ...]:
    parts: list[str] = []
    carry = ""
    for piece in segment("en", text):
        piece = (carry + " " + piece.strip()).strip() if carry else piece.strip()
        if _ABBREVIATION.search(piece) or _NUMBER_ONLY.match(piece):
            carry = piece
            continue
        carry = ""
        if piece:
            parts.append(piece)
    if carry:
        parts.append(carry)
    return tuple(parts)


def split_sentences(text: str) -> list[str]:
    return list(_split(text))
