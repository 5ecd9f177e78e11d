"""Sentences of a clause, so each statement is read, and reported, on its own."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? followed by a capital, a digit or an opening bracket; "s.9",
# "ie 7 May" and "etc. and" do not end one.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[A-Z0-9(\"“‘'])")
_ABBREVIATION = re.compile(r"\b(?:[a-z]|No|St|Dr|Mr|Mrs|Ms|Cllr|e\.g|i\.e|etc|reg|para|ss)\.$")


def split_sentences(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        piece = text[start : boundary.start()]
        if _ABBREVIATION.search(piece.rstrip("\"'”’)")):
            continue
        parts.append(piece.strip())
        start = boundary.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]
