"""Rule patterns: written in a small, safe subset of Python regex, run in durable-rules' dialect.

The engine has its own regex language (%d not \\d, always a full match, no anchors, ASCII-only
case folding) and sees JSON-escaped text. Authors write the familiar subset below; each pattern
is checked with Python's re and translated once at load, so the two agree on every rule.
"""

from __future__ import annotations

import re

_ESCAPES = {"d": "%d", "s": "%s", "w": "%w"}
_FORBIDDEN = {
    "^": "patterns always match the whole value; drop '^'",
    "$": "patterns always match the whole value; drop '$'",
    "(?": "inline flags and groups are not supported; use ignore_case: true",
    "\\b": "word boundaries are not supported",
    '"': "the engine sees a double quote in text as two characters; match around it with .*",
    "\\n": "text is matched on one line; newlines cannot be matched",
}
_MAX_REPEAT = 100


class PatternError(ValueError):
    pass


def check_pattern(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """The Python form of a rule pattern; raises PatternError for what the engine would misread."""
    if ignore_case and not pattern.isascii():
        raise PatternError(
            f"pattern {pattern!r} has non-ASCII letters, which the engine does not fold to "
            "another case; drop ignore_case and spell each case out, e.g. [éÉ]"
        )
    for token, reason in _FORBIDDEN.items():
        if token in pattern:
            raise PatternError(f"{token!r} in pattern {pattern!r}: {reason}")
    for m in re.finditer(r"\{(\d+)(?:,(\d*))?\}", pattern):
        if any(int(n) > _MAX_REPEAT for n in m.groups() if n):
            raise PatternError(f"repeat counts above {_MAX_REPEAT} are not supported: {m[0]}")
    for m in re.finditer(r"\\(.)", pattern):
        if m[1] not in _ESCAPES and m[1].isalnum():
            raise PatternError(f"escape \\{m[1]} is not supported (use \\d, \\s, \\w or \\.)")
    try:
        return re.compile(pattern)
    except re.error as error:
        raise PatternError(f"invalid pattern {pattern!r}: {error}") from None


def to_engine_dialect(pattern: str) -> str:
    """Translate a checked pattern to durable-rules' dialect (%d for \\d, %. for a dot)."""
    check_pattern(pattern)
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1]
            out.append(_ESCAPES.get(escaped, "%" + escaped))
            i += 2
            continue
        out.append("%%" if char == "%" else char)
        i += 1
    return "".join(out)


def top_level_alternatives(pattern: str) -> list[str]:
    """`a|b(c|d)` -> ['a', 'b(c|d)']. The engine builds one automaton per pattern and its
    unions of overlapping branches misbehave (wrong answers, or error 503), so each top-level
    branch is compiled on its own and the branches are OR-ed as separate tests."""
    branches: list[str] = []
    depth = 0
    in_class = False
    start = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches
