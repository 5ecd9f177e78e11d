"""Rule patterns: written in a small, safe subset of Python regex, run in durable-rules' dialect.

The engine has its own regex language (%d not \\d, always a full match, no anchors, ASCII-only
case folding) and sees JSON-escaped text. Authors write the familiar subset below; each pattern
is checked with Python's re and translated once at load, so the two agree on every rule.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from postcheck import limits

if TYPE_CHECKING:  # typeshed knows the parser by its old name, which warns when imported
    import sre_parse as _parser
else:
    from re import _parser

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
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


class PatternError(ValueError):
    pass


def check_pattern(pattern: str, ignore_case: bool = False) -> re.Pattern[str]:
    """The Python form of a rule pattern; raises PatternError for what the engine would misread."""
    if ignore_case and not pattern.isascii():
        raise PatternError(
            f"pattern {_shown(pattern)} has non-ASCII letters, which the engine does not fold to "
            "another case; drop ignore_case and spell each case out, e.g. [éÉ]"
        )
    for token, reason in _FORBIDDEN.items():
        if token in pattern:
            raise PatternError(f"{token!r} in pattern {_shown(pattern)}: {reason}")
    for m in re.finditer(r"\{(\d+)(?:,(\d*))?\}", pattern):
        if any(int(n) > _MAX_REPEAT for n in m.groups() if n):
            raise PatternError(f"repeat counts above {_MAX_REPEAT} are not supported: {m[0]}")
    for m in re.finditer(r"\\(.)", pattern):
        if m[1] not in _ESCAPES and m[1].isalnum():
            raise PatternError(f"escape \\{m[1]} is not supported (use \\d, \\s, \\w or \\.)")
    try:
        compiled = re.compile(pattern)
        _check_complexity(pattern)
    except re.error as error:
        raise PatternError(f"invalid pattern {_shown(pattern)}: {error}") from None
    except RecursionError:  # Python's own parser recurses once per group
        raise PatternError(f"pattern {_shown(pattern)} nests its groups too deeply") from None
    return compiled


def _check_complexity(pattern: str) -> None:
    """Refuse what makes a backtracking matcher (Python's re, which engine/locate.py uses to
    find the item a rule fired on) take exponential time: a repeated group that holds another
    repeat or a choice, as in (a+)+, (a*)* or (a|a)*. Either lets the matcher split the same
    text among the repetitions in exponentially many ways before it gives up. Also refuse
    more alternatives than limits.pattern_alternatives: each top-level one is a test of its
    own on the engine, which hangs building a rule with some 520."""
    widest = limits.current().pattern_alternatives
    count = alternatives(pattern)
    if count > widest:
        raise PatternError(
            f"pattern {_shown(pattern)} has {count} alternatives; at most {widest} "
            "(limits.pattern_alternatives)"
        )
    tree = _parser.parse(pattern)
    nested = _nested_repeat(tree.data)
    if nested:
        raise PatternError(
            f"pattern {_shown(pattern)} repeats a group that holds {nested}, which can take "
            "exponential time to fail on a long value: write the group without it, or list "
            "the texts it may be"
        )


def _nested_repeat(items: list[tuple[Any, Any]], repeated: bool = False) -> str | None:
    """What a repeated part of a parse tree holds that it must not: 'another repeat' or 'a
    choice (|)'; None when nothing."""
    for op, value in items:
        if op in _REPEATS:
            if repeated:
                return "another repeat"
            found = _nested_repeat(list(value[2]), True)
            if found:
                return found
        elif op is _parser.BRANCH:
            if repeated:
                return "a choice (|)"
            for branch in value[1]:
                found = _nested_repeat(list(branch), repeated)
                if found:
                    return found
        elif op is _parser.SUBPATTERN:
            found = _nested_repeat(list(value[-1]), repeated)
            if found:
                return found
    return None


def alternatives(pattern: str) -> int:
    """How many alternatives a pattern has, counting every `|` outside a character class: the
    engine's tests for the top-level ones, and the branches its automaton unites for the
    others."""
    count = 1
    in_class = False
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
        elif char == "|":
            count += 1
        i += 1
    return count


def _shown(pattern: str) -> str:
    """A pattern as an error quotes it: in full when short, its start when long."""
    return repr(pattern) if len(pattern) <= 80 else repr(pattern[:77] + "...")


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
