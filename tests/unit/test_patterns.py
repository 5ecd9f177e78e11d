"""Rule patterns mean the same to Python's re and to the engine's own regex dialect."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from postcheck.engine.compiler import compile_catalogue
from postcheck.engine.evaluate import Evaluator, Judged
from postcheck.record.model import PostRecord
from postcheck.rules.parameters import Parameters
from postcheck.rules.patterns import (
    PatternError,
    check_pattern,
    to_engine_dialect,
    top_level_alternatives,
)
from tests.unit.test_engine import make_rule

SAMPLES = [
    "P04",
    "PO4",
    "S02",
    "SO2",
    "PO10",
    "p04",
    "Mayor's Assistant",
    "Mayor’s Assistant",
    "s.2(1)",
    "s.2(1)(f)",
    "s 2 1",
    "100%",
    "at least 3 days a week",
    "canvassing for the party",
    "CANVASS",
    "election agent",
    "",
    "a.b",
    "axb",
    "tab\there",
    "<p>text</p>",
]


# The catalogue's own patterns are checked on a larger corpus in tests/test_catalogue_meta.py.
PATTERNS = [
    (r"[PS]0\d{1,2}", False),
    (r"s\.2\(1\)", False),
    (r"100%", False),
    (r".*canvass.*", True),
    (r"a.b", False),
    (r".*election agent.*|.*act\w* as agent.*", True),
    # a repeated choice of single characters is a class to Python, so kept (no backtracking)
    (r"(P|S)O\d", False),
    (r"(a|b|s)*.*", True),
]


@pytest.mark.parametrize(("pattern", "ignore_case"), PATTERNS)
def test_engine_and_python_agree(pattern: str, ignore_case: bool) -> None:
    """A differential test: every pattern, on every sample, through both regex engines."""
    rule = make_rule(
        "pattern", {"matches": {"field": "title", "pattern": pattern, "ignore_case": ignore_case}}
    )
    catalogue = compile_catalogue([rule], Parameters.from_mapping({}), dt.date(2026, 1, 1))
    samples = [s for s in SAMPLES if s and "\t" not in s]  # titles are single-line text
    judged = list(Evaluator(catalogue).judge(PostRecord(title=s) for s in samples))
    engine = [isinstance(j, Judged) and j.rule_ids == ["pattern"] for j in judged]
    python = [bool(re.fullmatch(pattern, s, re.IGNORECASE if ignore_case else 0)) for s in samples]
    assert engine == python


@pytest.mark.parametrize(
    ("pattern", "engine"),
    [(r"P0\d", "P0%d"), (r"s\.2\(1\)", "s%.2%(1%)"), ("100%", "100%%"), (r"\s+\w", "%s+%w")],
)
def test_translation(pattern: str, engine: str) -> None:
    assert to_engine_dialect(pattern) == engine


@pytest.mark.parametrize(
    ("pattern", "branches"),
    [
        ("a|b", ["a", "b"]),
        ("x(a|b)|[|]|c", ["x(a|b)", "[|]", "c"]),
        (r"a\|b", [r"a\|b"]),
        ("ab", ["ab"]),
    ],
)
def test_top_level_alternatives(pattern: str, branches: list[str]) -> None:
    assert top_level_alternatives(pattern) == branches


def test_overlapping_branches_the_engine_fuses_badly_are_split() -> None:
    """One automaton for this union makes the engine refuse the ruleset (error 503)."""
    test_engine_and_python_agree(r".*election agent.*|.*act\w* as agent.*", True)


@pytest.mark.parametrize(
    "pattern", ["^PO", "PO$", "(?i)po", r"\bPO", "[PO", "x{101}", r"\p{L}", 'say "hi"']
)
def test_patterns_the_engine_would_misread_are_refused(pattern: str) -> None:
    with pytest.raises(PatternError):
        check_pattern(pattern)


def test_non_ascii_patterns_are_refused_under_ignore_case() -> None:
    with pytest.raises(PatternError, match="non-ASCII"):
        check_pattern(".*café.*", ignore_case=True)
    check_pattern(".*caf[éÉ].*")
