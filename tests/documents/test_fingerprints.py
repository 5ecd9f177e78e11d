"""Fingerprints identify a finding across layouts: re-wrapping, reordering sections, another
format or another file name leave every fingerprint as it was; changing the words a finding
rests on changes that finding's fingerprint, and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from postcheck.record.documents import format_for_suffix, read_document
from postcheck.record.model import PostRecord
from tests.conftest import SEED_DAY, judge
from tests.documents import variants
from tests.documents.conftest import SEEDS

LAYOUTS = [
    "wrap-40",
    "fold-60",
    "unwrapped",
    "sections-reversed",
    "label-caps",
    "markdown",
    "docx",
    "pdf",
]
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _fingerprints(path: Path) -> set[tuple[str, str]]:
    (record,) = read_document(path, format_for_suffix(path.suffix) or "text")
    assert isinstance(record, PostRecord), record
    return {(v.rule_id, v.fingerprint) for v in judge(record, SEED_DAY).violations}


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_layout_changes_no_fingerprint(seed: Path, layout: str, tmp_path: Path) -> None:
    original = _fingerprints(seed)
    assert original, "the seeds have findings"
    suffix, data = variants.render(variants.load(seed), layout)
    moved = tmp_path / "elsewhere" / f"renamed{suffix}"
    moved.parent.mkdir()
    moved.write_bytes(data)
    assert _fingerprints(moved) == original


def test_changing_the_evidence_changes_that_fingerprint_only(tmp_path: Path) -> None:
    seed = SEEDS / "newham-mayors-assistant.txt"
    text = seed.read_text(encoding="utf-8")
    assert "P04" in text
    before = dict(_fingerprints(seed))
    edited = tmp_path / seed.name
    edited.write_text(text.replace("P04", "P05"), encoding="utf-8")
    after = dict(_fingerprints(edited))
    assert set(after) == set(before)
    assert after["grade-code-typo"] != before["grade-code-typo"]
    unchanged = {r: f for r, f in before.items() if r != "grade-code-typo"}
    assert {r: after[r] for r in unchanged} == unchanged


def test_the_same_finding_of_another_post_has_another_fingerprint(tmp_path: Path) -> None:
    seed = SEEDS / "newham-mayors-assistant.txt"
    text = seed.read_text(encoding="utf-8")
    assert "31214" in text
    other = tmp_path / "other.txt"
    other.write_text(text.replace("31214", "31215"), encoding="utf-8")
    before, after = dict(_fingerprints(seed)), dict(_fingerprints(other))
    assert set(before) == set(after)
    assert not set(before.values()) & set(after.values())
