"""The wording corpus: each phrasing judged by its rule, as a record and in every layout.

The bar (issue 8): at least 95% of the phrasings that must be caught are caught, and no
phrasing that must not be caught is flagged, in the record form and in each document layout.
The phrasings and their verdicts were written by hand (tests/wording/README.md); a failure
lists the entries the checker got wrong.
"""

from __future__ import annotations

import pytest

from tests.wording.corpus import LAYOUTS, Score, entries, judge_documents, judge_records, score

REQUIRED_RECALL = 0.95


def _verdict(form: str, result: Score) -> None:
    problems = [f"input error: {e}" for e in result.errors]
    problems += [f"flagged but lawful: {e}" for e in result.false_flags]
    if result.recall < REQUIRED_RECALL:
        problems += [f"missed: {e}" for e in result.misses]
    summary = (
        f"{form}: caught {result.caught}/{result.must_catch} ({result.recall:.1%}), "
        f"flagged {result.flagged}/{result.must_not} lawful phrasings"
    )
    assert not problems, summary + "\n" + "\n".join(problems)


def test_the_corpus_is_large_and_balanced() -> None:
    chosen = entries()
    rules = {e.rule for e in chosen}
    assert len(chosen) >= 250
    for rule in rules:
        mine = [e for e in chosen if e.rule == rule]
        assert any(e.triggers for e in mine) and not all(e.triggers for e in mine), rule


def test_records() -> None:
    chosen = list(entries())
    _verdict("records", score(chosen, judge_records(chosen)))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_documents(layout: str) -> None:
    chosen = list(entries())
    _verdict(layout, score(chosen, judge_documents(chosen, layout)))
