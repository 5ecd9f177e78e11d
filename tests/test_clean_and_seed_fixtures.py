"""The seed posts yield exactly the findings the issue lists; the clean posts yield none.

Expected rule ids are written out by hand from issue 4, not computed from the catalogue, so a
new rule that fires on a seed (or a rule that stops firing) fails here.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from postcheck.rules.authorities import load_authority
from tests.conftest import REPO, SEED_DAY, TEST_AUTHORITIES, judge

SEEDS = REPO / "fixtures" / "seeds"
CLEAN = REPO / "fixtures" / "clean"

EXPECTED_SEED_FINDINGS = {
    # Invalid grade P04; fixed term ended 7 May 2026; restriction cited to s.2(1), not reg 3(6);
    # last updated May 2023, more than two years before 23 November 2026; <p> tags left in the
    # published text.
    "newham-mayors-assistant.yaml": {
        "grade-code-typo",
        "fixed-term-ended",
        "mayors-assistant-restriction-citation",
        "last-updated-stale",
        "leftover-markup",
    },
    # No fixed term although s.9(3) requires one; s.2(1) cited without paragraph (f); item 13
    # twice; <p> tags left in the published text.
    "newham-independents-group-political-assistant.yaml": {
        "s9-term-not-stated",
        "s9-restriction-paragraph",
        "repeated-item-number",
        "leftover-markup",
    },
}
CLEAN_POSTS = ("clean-mayors-assistant.yaml", "clean-political-assistant.yaml")


def _record(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _found(record: dict[str, Any], **kwargs: Any) -> set[str]:
    return {v.rule_id for v in judge(record, **kwargs).violations}


def test_every_seed_is_pinned() -> None:
    assert {p.name for p in SEEDS.glob("*.yaml")} == set(EXPECTED_SEED_FINDINGS)


@pytest.mark.parametrize("name", sorted(EXPECTED_SEED_FINDINGS))
def test_seed_yields_exactly_the_issue_findings(name: str) -> None:
    assert _found(_record(SEEDS / name), day=SEED_DAY) == EXPECTED_SEED_FINDINGS[name]


@pytest.mark.parametrize("name", CLEAN_POSTS)
def test_clean_post_yields_no_findings(name: str) -> None:
    assert _found(_record(CLEAN / name), day=SEED_DAY) == set()


@pytest.mark.parametrize("name", CLEAN_POSTS)
def test_clean_post_yields_no_findings_without_its_council(name: str) -> None:
    record = _record(CLEAN / name)
    record.pop("authority")
    assert _found(record, day=SEED_DAY) == set()


@pytest.mark.parametrize(
    ("name", "change", "rule_id"),
    [
        # Each change breaks one term; the clean posts are judged with their council's context.
        (
            "clean-political-assistant.yaml",
            {"political_group": "Independent Alliance"},
            "s9-group-not-on-council",
        ),
        ("clean-political-assistant.yaml", {"grade": ["PO9"]}, "grade-not-on-scale"),
        (
            "clean-political-assistant.yaml",
            {"salary": {"minimum": 38500, "maximum": 49282}},
            "assistant-pay-at-or-above-cap",
        ),
        (
            "clean-mayors-assistant.yaml",
            {"appointment": {"type": "fixed_term", "end_date": "2031-03-31"}},
            "mayors-assistant-term-beyond-mayor",
        ),
        ("clean-mayors-assistant.yaml", {"grade": ["PO4"]}, "grade-top-at-or-above-cap"),
        (
            "clean-mayors-assistant.yaml",
            {"office_attendance": {"statements": [{"as_written": "1 day", "days_per_week": 1}]}},
            "attendance-below-policy",
        ),
    ],
)
def test_one_change_to_a_clean_post_is_found(
    name: str, change: dict[str, Any], rule_id: str
) -> None:
    record = copy.deepcopy(_record(CLEAN / name))
    record.update(change)
    assert rule_id in _found(record, day=SEED_DAY)


def test_clean_posts_are_clean_with_the_council_file_forced() -> None:
    borchester = load_authority(TEST_AUTHORITIES / "borchester.yaml")
    for name in CLEAN_POSTS:
        assert _found(_record(CLEAN / name), day=SEED_DAY, authority=borchester) == set()
